/* vigia-progress-page.h: the Avance tab: the open plan's goals × semesters
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"
#include "vigia-goal-detail.h"
#include "vigia-progress-cell.h"
#include "vigia-progress-editor.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PROGRESS_PAGE (vigia_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (VigiaProgressPage, vigia_progress_page, VIGIA, PROGRESS_PAGE, GtkWidget)

void                 vigia_progress_page_set_stack      (VigiaProgressPage *self,
                                                         VigiaUndoStack    *stack);
const char          *vigia_progress_page_get_state      (VigiaProgressPage *self);
guint                vigia_progress_page_get_n_periods  (VigiaProgressPage *self);
const char          *vigia_progress_page_get_period_title (VigiaProgressPage *self,
                                                         guint              position);
const char          *vigia_progress_page_get_outside_text (VigiaProgressPage *self);
GtkWidget           *vigia_progress_page_get_chart_view (VigiaProgressPage *self);
VigiaProgressCell   *vigia_progress_page_get_cell       (VigiaProgressPage *self,
                                                         VigiaGoal         *goal,
                                                         const char        *period);
gboolean             vigia_progress_page_focus_cell     (VigiaProgressPage *self,
                                                         VigiaGoal         *goal,
                                                         const char        *period);
gboolean             vigia_progress_page_get_focus      (VigiaProgressPage *self,
                                                         VigiaGoal        **goal,
                                                         const char       **period);
VigiaProgressEditor *vigia_progress_page_get_editor     (VigiaProgressPage *self);
void                 vigia_progress_page_show_goal      (VigiaProgressPage *self,
                                                         VigiaGoal         *goal);
VigiaGoalDetail     *vigia_progress_page_get_goal_detail (VigiaProgressPage *self);
gboolean             vigia_progress_page_get_goal_shown (VigiaProgressPage *self);

G_END_DECLS
