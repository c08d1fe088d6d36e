/* vigia-progress-page.h: the open plan's progress so far, semester by semester
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

void        vigia_progress_page_set_stack      (VigiaProgressPage *self,
                                                VigiaUndoStack    *stack);
guint       vigia_progress_page_get_n_periods  (VigiaProgressPage *self);
const char *vigia_progress_page_get_period_text (VigiaProgressPage *self,
                                                guint              position,
                                                gboolean           subtitle);
const char *vigia_progress_page_get_state      (VigiaProgressPage *self);

G_END_DECLS
