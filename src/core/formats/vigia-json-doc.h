/* vigia-json-doc.h: a parsed JSON file that remembers the line of each value (private)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _VigiaJsonDoc VigiaJsonDoc;

VigiaJsonDoc *vigia_json_doc_load         (const guint8  *data,
                                           gsize          length,
                                           const char    *name,
                                           gboolean       track_lines,
                                           GError       **error);
VigiaJsonDoc *vigia_json_doc_load_at      (const guint8  *data,
                                           gsize          length,
                                           const char    *name,
                                           guint          first_line,
                                           gboolean       track_lines,
                                           GError       **error);
void          vigia_json_doc_free         (VigiaJsonDoc  *doc);
JsonNode     *vigia_json_doc_get_root     (VigiaJsonDoc  *doc);
guint         vigia_json_doc_node_line    (VigiaJsonDoc  *doc,
                                           JsonNode      *node);
guint         vigia_json_doc_object_line  (VigiaJsonDoc  *doc,
                                           JsonObject    *object);
gboolean      vigia_json_doc_get_object   (VigiaJsonDoc  *doc,
                                           JsonObject    *object,
                                           const char    *member,
                                           gboolean       required,
                                           JsonObject   **value,
                                           GError       **error);
gboolean      vigia_json_doc_get_array    (VigiaJsonDoc  *doc,
                                           JsonObject    *object,
                                           const char    *member,
                                           gboolean       required,
                                           JsonArray    **value,
                                           GError       **error);
char         *vigia_json_doc_dup_string   (JsonNode      *node);
gboolean      vigia_json_doc_get_text     (VigiaJsonDoc  *doc,
                                           JsonObject    *object,
                                           const char    *member,
                                           char         **text,
                                           GError       **error);
gboolean      vigia_json_doc_get_number   (VigiaJsonDoc  *doc,
                                           JsonObject    *object,
                                           const char    *member,
                                           double        *value,
                                           GError       **error);
gboolean      vigia_json_doc_get_int      (VigiaJsonDoc  *doc,
                                           JsonObject    *object,
                                           const char    *member,
                                           gint64         min,
                                           gint64         max,
                                           gint64        *value,
                                           GError       **error);
void          vigia_json_doc_error        (VigiaJsonDoc  *doc,
                                           GError       **error,
                                           guint          line,
                                           const char    *format,
                                           ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaJsonDoc, vigia_json_doc_free)

G_END_DECLS
