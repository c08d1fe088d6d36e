/* vigia-dimension-page.h: the goals of one dimension of the open plan
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"
#include "vigia-goal-card.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_DIMENSION_PAGE (vigia_dimension_page_get_type ())

G_DECLARE_FINAL_TYPE (VigiaDimensionPage, vigia_dimension_page, VIGIA, DIMENSION_PAGE, GtkWidget)

GtkWidget      *vigia_dimension_page_new           (VigiaUndoStack     *undo_stack,
                                                    VigiaDimension     *dimension);
void            vigia_dimension_page_set_dimension (VigiaDimensionPage *self,
                                                    VigiaUndoStack     *undo_stack,
                                                    VigiaDimension     *dimension);
VigiaDimension *vigia_dimension_page_get_dimension (VigiaDimensionPage *self);
void            vigia_dimension_page_focus_goal    (VigiaDimensionPage *self,
                                                    VigiaGoal          *goal);
const char     *vigia_dimension_page_get_icon_name (VigiaDimensionPage *self);

G_END_DECLS
