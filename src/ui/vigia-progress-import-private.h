/* vigia-progress-import-private.h: what the tests see of vigia-progress-import.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-progress-import.h"

G_BEGIN_DECLS

void       vigia_progress_import_file_async  (GtkWindow           *parent,
                                              VigiaLibrary        *library,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GtkWidget *vigia_progress_import_file_finish (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
