/* vigia-plan-editor.h: the open plan, a tab for its general data and one per dimension
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-core.h"
#include "vigia-dimension-page.h"
#include "vigia-general-page.h"
#include "vigia-progress-page.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PLAN_EDITOR (vigia_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPlanEditor, vigia_plan_editor, VIGIA, PLAN_EDITOR, GtkWidget)

VigiaUndoStack     *vigia_plan_editor_get_undo_stack     (VigiaPlanEditor *self);
void                vigia_plan_editor_set_undo_stack     (VigiaPlanEditor *self,
                                                          VigiaUndoStack  *undo_stack);
VigiaPlan          *vigia_plan_editor_get_plan           (VigiaPlanEditor *self);
gboolean            vigia_plan_editor_flush              (VigiaPlanEditor *self);
VigiaGeneralPage   *vigia_plan_editor_get_general_page   (VigiaPlanEditor *self);
const char         *vigia_plan_editor_get_visible_page   (VigiaPlanEditor *self);
void                vigia_plan_editor_set_visible_page   (VigiaPlanEditor *self,
                                                          const char      *name);
void                vigia_plan_editor_report_error       (GtkWidget       *widget,
                                                          const GError    *error);
void                vigia_plan_editor_show_error         (VigiaPlanEditor *self,
                                                          const GError    *error);

G_END_DECLS
