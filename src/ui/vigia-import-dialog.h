/* vigia-import-dialog.h: imports plan files into the library, saying how each went
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_IMPORT_DIALOG (vigia_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VigiaImportDialog, vigia_import_dialog, VIGIA, IMPORT_DIALOG, AdwWindow)

VigiaImportDialog *vigia_import_dialog_new          (GtkWindow         *parent,
                                                     VigiaLibrary      *library,
                                                     GListModel        *files);
void               vigia_import_dialog_start        (VigiaImportDialog *self);

G_END_DECLS
