/* vigia-goal-card.h: one goal of a dimension, as a card that opens for editing
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"
#include "vigia-target-chip.h"
#include "vigia-text-field.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_GOAL_CARD (vigia_goal_card_get_type ())

G_DECLARE_FINAL_TYPE (VigiaGoalCard, vigia_goal_card, VIGIA, GOAL_CARD, GtkListBoxRow)

GtkWidget       *vigia_goal_card_new         (VigiaUndoStack *undo_stack,
                                              VigiaDimension *dimension,
                                              VigiaGoal      *goal);
VigiaGoal       *vigia_goal_card_get_goal    (VigiaGoalCard  *self);
gboolean         vigia_goal_card_get_editing (VigiaGoalCard  *self);
void             vigia_goal_card_set_editing (VigiaGoalCard  *self,
                                              gboolean        editing);

G_END_DECLS
