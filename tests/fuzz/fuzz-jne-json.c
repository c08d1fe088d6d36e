/* fuzz-jne-json.c: the JNE Voto Informado JSON reader on any bytes
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "vigia-jne-reader.h"

VIGIA_FUZZ_INITIALIZE

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) options_error = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  VigiaImportOptions options = { "PUNO", 2027, 2030 };
  gboolean known = FALSE;

  plan = vigia_jne_read (data, size, "fuzz.json", &known, NULL, &error);
  g_assert ((plan == NULL) != (error == NULL));
  if (plan != NULL)
    {
      g_autofree char *document = vigia_json_writer_plan_to_string (plan);

      g_assert (document != NULL && vigia_plan_get_n_goals (plan) > 0);
    }
  /* The same bytes through detection and the options. */
  plans = vigia_read_plans_from_data (data, size, "fuzz.json", NULL, &options, &options_error);
  return 0;
}
