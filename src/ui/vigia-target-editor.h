/* vigia-target-editor.h: the editor of a goal's target reading, in a popover
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_TARGET_EDITOR (vigia_target_editor_get_type ())

G_DECLARE_FINAL_TYPE (VigiaTargetEditor, vigia_target_editor, VIGIA, TARGET_EDITOR, GtkPopover)

GtkWidget *vigia_target_editor_new  (VigiaUndoStack    *undo_stack,
                                     VigiaGoal         *goal,
                                     VigiaTarget       *target);

G_END_DECLS
