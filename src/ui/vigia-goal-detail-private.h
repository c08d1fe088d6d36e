/* vigia-goal-detail-private.h: what the tests see of vigia-goal-detail.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-goal-detail.h"

G_BEGIN_DECLS

GtkWidget  *vigia_goal_detail_get_chart_view   (VigiaGoalDetail *self);
guint       vigia_goal_detail_get_n_changes    (VigiaGoalDetail *self);
guint       vigia_goal_detail_get_n_entries    (VigiaGoalDetail *self);
const char *vigia_goal_detail_get_text         (VigiaGoalDetail *self,
                                                gboolean         history,
                                                guint            position,
                                                gboolean         subtitle);

G_END_DECLS
