/* vigia-file-type.h: what kind of plan file a file is, found from its content
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigia-enums.h"

G_BEGIN_DECLS

typedef enum {
  VIGIA_FILE_TYPE_UNKNOWN,
  VIGIA_FILE_TYPE_DECLARA_TEXT,  /* source-format "declara-text" */
  VIGIA_FILE_TYPE_JNE_JSON,      /* "jne-json", either shape */
  VIGIA_FILE_TYPE_VIGIA_JSON,    /* "vigia-json" */
  VIGIA_FILE_TYPE_JNE_LISTS,     /* "jne-lists": candidate lists, no plan */
  VIGIA_FILE_TYPE_JNE_CANDIDATES, /* "jne-candidates": the candidates of lists */
} VigiaFileType;

VigiaFileType  vigia_file_type_detect       (const guint8 *data,
                                        gsize         length);
const char  *vigia_file_type_to_nick      (VigiaFileType   format);
const char  *vigia_file_type_get_label    (VigiaFileType   format);
char        *vigia_file_type_describe     (const guint8 *data,
                                        gsize         length);
char        *vigia_file_type_decode_text  (const guint8 *data,
                                        gsize         length,
                                        const char  **encoding);
gboolean     vigia_file_type_find_bad_utf8 (const guint8 *data,
                                        gsize         length,
                                        guint        *line,
                                        guint8       *byte);

G_END_DECLS
