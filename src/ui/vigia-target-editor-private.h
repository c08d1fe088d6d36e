/* vigia-target-editor-private.h: what the tests see of vigia-target-editor.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-target-editor.h"

G_BEGIN_DECLS

gboolean   vigia_target_editor_save (VigiaTargetEditor *self);

G_END_DECLS
