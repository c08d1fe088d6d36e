/* vigia-export-dialog-private.h: what the tests see of vigia-export-dialog.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-export-dialog.h"

G_BEGIN_DECLS

void               vigia_export_dialog_export     (VigiaExportDialog *self);

G_END_DECLS
