/* vigia-plan-selection.h: the library list's selection, kept by plan id
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"
#include "vigia-list-stager.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PLAN_SELECTION (vigia_plan_selection_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPlanSelection, vigia_plan_selection, VIGIA, PLAN_SELECTION, GObject)

VigiaPlanSelection *vigia_plan_selection_new             (GtkWidget          *view);
VigiaPlanList      *vigia_plan_selection_get_model       (VigiaPlanSelection *self);
void                vigia_plan_selection_set_model       (VigiaPlanSelection *self,
                                                          VigiaPlanList      *model);
gint64              vigia_plan_selection_get_selected_id (VigiaPlanSelection *self);
void                vigia_plan_selection_set_selected_id (VigiaPlanSelection *self,
                                                          gint64              plan_id);
VigiaListStager    *vigia_plan_selection_get_rows        (VigiaPlanSelection *self);

G_END_DECLS
