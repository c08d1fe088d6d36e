/* vigia-compare-row-private.h: what the tests see of vigia-compare-row.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-compare-row.h"

G_BEGIN_DECLS

const char *vigia_compare_row_get_text   (VigiaCompareRow   *self,
                                          guint              line);

G_END_DECLS
