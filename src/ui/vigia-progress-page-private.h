/* vigia-progress-page-private.h: what the tests see of vigia-progress-page.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-goal-detail.h"
#include "vigia-progress-cell.h"
#include "vigia-progress-editor.h"
#include "vigia-progress-page.h"

G_BEGIN_DECLS

gboolean             vigia_progress_page_focus_cell     (VigiaProgressPage *self,
                                                         VigiaTarget       *target,
                                                         const char        *period);
VigiaProgressCell   *vigia_progress_page_get_cell       (VigiaProgressPage *self,
                                                         VigiaTarget       *target,
                                                         const char        *period);
GtkWidget           *vigia_progress_page_get_chart_view (VigiaProgressPage *self);
VigiaProgressEditor *vigia_progress_page_get_editor     (VigiaProgressPage *self);
gboolean             vigia_progress_page_get_focus      (VigiaProgressPage *self,
                                                         VigiaTarget      **target,
                                                         const char       **period);
VigiaGoalDetail     *vigia_progress_page_get_goal_detail (VigiaProgressPage *self);
gboolean             vigia_progress_page_get_goal_shown (VigiaProgressPage *self);
guint                vigia_progress_page_get_n_periods  (VigiaProgressPage *self);
const char          *vigia_progress_page_get_outside_text (VigiaProgressPage *self);
const char          *vigia_progress_page_get_period_title (VigiaProgressPage *self,
                                                         guint              position);
const char          *vigia_progress_page_get_state      (VigiaProgressPage *self);

G_END_DECLS
