/* vigia-goal-detail.h: one goal's trajectory, entries and history of changes
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_GOAL_DETAIL (vigia_goal_detail_get_type ())

G_DECLARE_FINAL_TYPE (VigiaGoalDetail, vigia_goal_detail, VIGIA, GOAL_DETAIL, GtkWidget)

void        vigia_goal_detail_set_goal         (VigiaGoalDetail *self,
                                                VigiaUndoStack  *undo_stack,
                                                VigiaGoal       *goal);
VigiaGoal  *vigia_goal_detail_get_goal         (VigiaGoalDetail *self);
void        vigia_goal_detail_set_target       (VigiaGoalDetail *self,
                                                VigiaUndoStack  *undo_stack,
                                                VigiaTarget     *target);
VigiaTarget *vigia_goal_detail_get_target      (VigiaGoalDetail *self);

G_END_DECLS
