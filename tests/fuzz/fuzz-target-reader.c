/* fuzz-target-reader.c: the meta reader on any text
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"

VIGIA_FUZZ_INITIALIZE

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  VigiaTargetReading reading;

  vigia_target_read (text, &reading);
  /* A value only with an automatic reading, and never one that is not finite. */
  g_assert (reading.reading == VIGIA_READING_AUTOMATIC || !VIGIA_HAS_VALUE (reading.value));
  g_assert (!VIGIA_HAS_VALUE (reading.value) || isfinite (reading.value));
  vigia_target_reading_clear (&reading);
  return 0;
}
