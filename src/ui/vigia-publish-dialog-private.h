/* vigia-publish-dialog-private.h: what the tests see of vigia-publish-dialog.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-publish-dialog.h"

G_BEGIN_DECLS

void                vigia_publish_dialog_publish    (VigiaPublishDialog *self);
void                vigia_publish_dialog_cancel     (VigiaPublishDialog *self);

G_END_DECLS
