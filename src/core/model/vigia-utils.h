/* vigia-utils.h: small helpers shared by the core
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

/* A number that was not given (a target with no reading, a progress entry
 * with a status only) is NAN throughout the core. */
#define VIGIA_NO_VALUE NAN
#define VIGIA_HAS_VALUE(v) (!isnan (v))

gboolean vigia_set_string    (char       **field,
                              const char  *value);
gboolean vigia_set_double    (double      *field,
                              double       value);
gboolean vigia_set_strv      (char      ***field,
                              const char * const *value);
void     vigia_init_i18n     (void);
char    *vigia_now_iso8601   (void);
char    *vigia_uuid_new      (void);
char    *vigia_uuid_derive   (const char  *uuid,
                              const char  *name);
char    *vigia_text_fold     (const char  *text);
char    *vigia_text_strip    (const char  *text);
char    *vigia_text_isolate  (const char  *text);
gboolean vigia_str_empty     (const char  *text);
char   **vigia_str_split_lines (const char *text);

G_END_DECLS
