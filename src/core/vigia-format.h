/* vigia-format.h: what kind of plan file a file is, found from its content
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigia-enums.h"

G_BEGIN_DECLS

typedef enum {
  VIGIA_FORMAT_UNKNOWN,
  VIGIA_FORMAT_DECLARA_TEXT,  /* source-format "declara-text" */
  VIGIA_FORMAT_JNE_JSON,      /* "jne-json", either shape */
  VIGIA_FORMAT_VIGIA_JSON,    /* "vigia-json" */
} VigiaFormat;

VigiaFormat  vigia_format_detect       (const guint8 *data,
                                        gsize         length);
const char  *vigia_format_to_nick      (VigiaFormat   format);
const char  *vigia_format_get_label    (VigiaFormat   format);
char        *vigia_format_describe     (const guint8 *data,
                                        gsize         length);
char        *vigia_format_decode_text  (const guint8 *data,
                                        gsize         length,
                                        const char  **encoding);

VigiaDimensionKind vigia_dimension_kind_from_title (const char *title);
gboolean     vigia_election_parse      (const char   *text,
                                        VigiaElection *election);
void         vigia_set_parse_error     (GError      **error,
                                        const char   *name,
                                        guint         line,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (4, 5);
void         vigia_set_parse_error_valist (GError     **error,
                                        const char   *name,
                                        guint         line,
                                        const char   *format,
                                        va_list       args) G_GNUC_PRINTF (4, 0);

G_END_DECLS
