/* vigia-publish-dialog.h: Publish… the library as a static website
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PUBLISH_DIALOG (vigia_publish_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPublishDialog, vigia_publish_dialog, VIGIA, PUBLISH_DIALOG, AdwWindow)

VigiaPublishDialog *vigia_publish_dialog_new        (GtkWindow          *parent,
                                                     VigiaLibrary       *library);
GFile              *vigia_publish_dialog_get_folder (VigiaPublishDialog *self);
void                vigia_publish_dialog_set_folder (VigiaPublishDialog *self,
                                                     GFile              *folder);
gboolean            vigia_publish_dialog_get_busy   (VigiaPublishDialog *self);

G_END_DECLS
