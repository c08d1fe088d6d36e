/* fuzz-common.h: what the libFuzzer targets share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "vigia-core.h"

int LLVMFuzzerInitialize    (int           *argc,
                             char        ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t *data,
                             size_t         size);

/* A warning or a critical is a bug the fuzzer should stop at, as the
 * tests' G_DEBUG=fatal-warnings does. */
#define VIGIA_FUZZ_INITIALIZE                                                   \
  int                                                                           \
  LLVMFuzzerInitialize (int    *argc,                                           \
                        char ***argv)                                           \
  {                                                                             \
    g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);        \
    return 0;                                                                   \
  }
