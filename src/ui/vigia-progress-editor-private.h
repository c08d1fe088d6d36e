/* vigia-progress-editor-private.h: what the tests see of vigia-progress-editor.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-progress-editor.h"

G_BEGIN_DECLS

void         vigia_progress_editor_add_evidence (VigiaProgressEditor *self,
                                                 const char          *reference);
gboolean     vigia_progress_editor_delete     (VigiaProgressEditor *self);
const char  *vigia_progress_editor_get_error  (VigiaProgressEditor *self);
VigiaStatus  vigia_progress_editor_get_status (VigiaProgressEditor *self);

G_END_DECLS
