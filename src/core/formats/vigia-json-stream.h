/* vigia-json-stream.h: a JSON document's top-level object read piece by piece
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _VigiaJsonStream VigiaJsonStream;

VigiaJsonStream *vigia_json_stream_new          (GInputStream     *input,
                                                 const char       *name,
                                                 gsize             max_value);
void             vigia_json_stream_free         (VigiaJsonStream  *self);
gboolean         vigia_json_stream_begin        (VigiaJsonStream  *self,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
gboolean         vigia_json_stream_next_member  (VigiaJsonStream  *self,
                                                 char            **key,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
GBytes          *vigia_json_stream_read_value   (VigiaJsonStream  *self,
                                                 guint            *line,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
gboolean         vigia_json_stream_begin_array  (VigiaJsonStream  *self,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
gboolean         vigia_json_stream_next_element (VigiaJsonStream  *self,
                                                 GBytes          **element,
                                                 guint            *line,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
gboolean         vigia_json_stream_end          (VigiaJsonStream  *self,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
guint            vigia_json_stream_get_line     (VigiaJsonStream  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaJsonStream, vigia_json_stream_free)

G_END_DECLS
