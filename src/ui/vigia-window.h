/* vigia-window.h
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-application.h"
#include "vigia-import-dialog.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_WINDOW (vigia_window_get_type ())

G_DECLARE_FINAL_TYPE (VigiaWindow, vigia_window, VIGIA, WINDOW, AdwApplicationWindow)

VigiaWindow *vigia_window_new                (VigiaApplication *application);
void         vigia_window_show_library_error (VigiaWindow      *self,
                                              const GError     *error);
void         vigia_window_show_error         (VigiaWindow      *self,
                                              const char       *heading,
                                              const GError     *error);
VigiaImportDialog *vigia_window_import_files (VigiaWindow      *self,
                                              GListModel       *files);
gboolean     vigia_window_open_plan          (VigiaWindow      *self,
                                              gint64            plan_id,
                                              GError          **error);

G_END_DECLS
