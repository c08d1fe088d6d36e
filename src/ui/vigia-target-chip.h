/* vigia-target-chip.h: a goal's target reading as a chip, with its editor
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"
#include "vigia-target-editor.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_TARGET_CHIP (vigia_target_chip_get_type ())

G_DECLARE_FINAL_TYPE (VigiaTargetChip, vigia_target_chip, VIGIA, TARGET_CHIP, GtkWidget)

GtkWidget   *vigia_target_chip_new        (VigiaUndoStack  *undo_stack,
                                          VigiaGoal       *goal,
                                          VigiaTarget     *target);
VigiaGoal   *vigia_target_chip_get_goal   (VigiaTargetChip *self);
VigiaTarget *vigia_target_chip_get_target (VigiaTargetChip *self);
const char  *vigia_target_chip_get_label  (VigiaTargetChip *self);
void         vigia_target_chip_set_ellipsize (VigiaTargetChip    *self,
                                              PangoEllipsizeMode  mode);

G_END_DECLS
