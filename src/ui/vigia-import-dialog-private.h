/* vigia-import-dialog-private.h: what the tests see of vigia-import-dialog.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-import-dialog.h"
#include "vigia-place-picker.h"

G_BEGIN_DECLS

void               vigia_import_dialog_import       (VigiaImportDialog *self);
guint              vigia_import_dialog_get_n_entries (VigiaImportDialog *self);
char              *vigia_import_dialog_get_entry_text (VigiaImportDialog *self,
                                                       guint              position);
VigiaPlacePicker  *vigia_import_dialog_get_picker   (VigiaImportDialog *self,
                                                     guint              position);
void               vigia_import_dialog_apply_place_to_all (VigiaImportDialog *self,
                                                           guint              position);
void               vigia_import_dialog_cancel       (VigiaImportDialog *self);
guint              vigia_import_dialog_get_n_results (VigiaImportDialog *self);
const char        *vigia_import_dialog_get_result_text (VigiaImportDialog *self,
                                                        guint              position,
                                                        gboolean           subtitle);
const char        *vigia_import_dialog_get_state    (VigiaImportDialog *self);

G_END_DECLS
