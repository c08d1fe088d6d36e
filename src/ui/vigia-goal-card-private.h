/* vigia-goal-card-private.h: what the tests see of vigia-goal-card.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-goal-card.h"

G_BEGIN_DECLS

VigiaTargetChip *vigia_goal_card_get_chip    (VigiaGoalCard  *self);
guint            vigia_goal_card_get_n_target_chips (VigiaGoalCard *self);
VigiaTargetChip *vigia_goal_card_get_target_chip    (VigiaGoalCard *self,
                                                     guint          position);
VigiaTextField  *vigia_goal_card_get_field   (VigiaGoalCard  *self,
                                              const char     *property);
const char      *vigia_goal_card_get_text    (VigiaGoalCard  *self,
                                              const char     *property);

G_END_DECLS
