/* vigia-export-dialog.h: Export… a plan's report: format, semester, file
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_EXPORT_DIALOG (vigia_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VigiaExportDialog, vigia_export_dialog, VIGIA, EXPORT_DIALOG, AdwWindow)

VigiaExportDialog *vigia_export_dialog_new        (GtkWindow         *parent,
                                                   VigiaPlan         *plan);
VigiaReportFormat  vigia_export_dialog_get_format (VigiaExportDialog *self);
void               vigia_export_dialog_set_format (VigiaExportDialog *self,
                                                   VigiaReportFormat  format);
const char        *vigia_export_dialog_get_period (VigiaExportDialog *self);
void               vigia_export_dialog_set_period (VigiaExportDialog *self,
                                                   const char        *period);
GFile             *vigia_export_dialog_get_file   (VigiaExportDialog *self);
void               vigia_export_dialog_set_file   (VigiaExportDialog *self,
                                                   GFile             *file);
gboolean           vigia_export_dialog_get_busy   (VigiaExportDialog *self);

G_END_DECLS
