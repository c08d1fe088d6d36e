/* vigia-progress-page.h: the Avance tab: the open plan's goals × semesters
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PROGRESS_PAGE (vigia_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (VigiaProgressPage, vigia_progress_page, VIGIA, PROGRESS_PAGE, GtkWidget)

void vigia_progress_page_set_undo_stack (VigiaProgressPage *self,
                                         VigiaUndoStack    *undo_stack);
void vigia_progress_page_show_goal      (VigiaProgressPage *self,
                                         VigiaGoal         *goal);
void               vigia_progress_page_show_target (VigiaProgressPage *self,
                                                    VigiaTarget       *target);
char              *vigia_progress_page_dup_period  (VigiaProgressPage *self);
void               vigia_progress_page_set_period  (VigiaProgressPage *self,
                                                    const char        *period);

G_END_DECLS
