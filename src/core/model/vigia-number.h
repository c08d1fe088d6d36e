/* vigia-number.h: numbers as people read and type them, in their locale
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *vigia_number_format       (double      value,
                                     int         max_decimals);
gboolean  vigia_number_parse        (const char *text,
                                     double     *value);
char     *vigia_number_format_share (double      share);

G_END_DECLS
