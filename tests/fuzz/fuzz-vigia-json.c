/* fuzz-vigia-json.c: the exchange-format reader on any bytes, and the round trip
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "vigia-json-reader.h"

VIGIA_FUZZ_INITIALIZE

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  plans = vigia_json_read (data, size, "fuzz.json", &error);
  g_assert ((plans == NULL) != (error == NULL));

  /* What was read writes out, and reads back to the same document. */
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      g_autofree char *document = vigia_json_writer_plan_to_string (g_ptr_array_index (plans, i));
      g_autoptr(GError) again_error = NULL;
      g_autoptr(GPtrArray) again = vigia_json_read ((const guint8 *) document, strlen (document),
                                                    "again.json", &again_error);
      g_autofree char *second = NULL;

      if (again == NULL)
        g_error ("a written document does not read back: %s", again_error->message);
      g_assert (again->len == 1);
      second = vigia_json_writer_plan_to_string (g_ptr_array_index (again, 0));
      g_assert (strcmp (document, second) == 0);
    }
  return 0;
}
