/* fuzz-declara.c: the DECLARA summary reader, and format detection, on any bytes
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "vigia-declara-reader.h"

VIGIA_FUZZ_INITIALIZE

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autofree char *looks = NULL;

  vigia_file_type_detect (data, size);
  looks = vigia_file_type_describe (data, size);
  plan = vigia_declara_read (data, size, "fuzz.txt", &error);
  /* Exactly one of a plan and an error. */
  g_assert ((plan == NULL) != (error == NULL));
  if (plan != NULL)
    {
      g_autofree char *document = vigia_json_writer_plan_to_string (plan);

      g_assert (document != NULL && vigia_plan_get_n_goals (plan) > 0);
    }
  return 0;
}
