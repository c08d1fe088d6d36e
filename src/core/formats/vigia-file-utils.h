/* vigia-file-utils.h: writing a file whole or not at all
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * VigiaContentsWriter:
 * @stream: where to write the contents; the caller closes it
 * @user_data: the data given with the writer
 *
 * Returns: %TRUE once everything is written, or %FALSE with @error
 */
typedef gboolean (*VigiaContentsWriter) (GOutputStream  *stream,
                                         gpointer        user_data,
                                         GCancellable   *cancellable,
                                         GError        **error);

gboolean vigia_replace_file_contents (GFile               *file,
                                      VigiaContentsWriter  write,
                                      gpointer             user_data,
                                      GCancellable        *cancellable,
                                      GError             **error);

G_END_DECLS
