/* vigia-progress-editor.h: the popover that records a target's progress in one semester
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PROGRESS_EDITOR (vigia_progress_editor_get_type ())

G_DECLARE_FINAL_TYPE (VigiaProgressEditor, vigia_progress_editor, VIGIA, PROGRESS_EDITOR, GtkPopover)

GtkWidget   *vigia_progress_editor_new        (VigiaUndoStack      *undo_stack,
                                               VigiaTarget         *target,
                                               const char          *period,
                                               VigiaSource          source);
VigiaGoal   *vigia_progress_editor_get_goal   (VigiaProgressEditor *self);
VigiaTarget *vigia_progress_editor_get_target (VigiaProgressEditor *self);
const char  *vigia_progress_editor_get_period (VigiaProgressEditor *self);
VigiaSource  vigia_progress_editor_get_source (VigiaProgressEditor *self);
void         vigia_progress_editor_set_source (VigiaProgressEditor *self,
                                               VigiaSource          source);
void         vigia_progress_editor_set_status (VigiaProgressEditor *self,
                                               VigiaStatus          status);
void         vigia_progress_editor_type_value (VigiaProgressEditor *self,
                                               const char          *text);
const char  *vigia_progress_editor_status_mnemonic (VigiaStatus       status);
const char  *vigia_progress_editor_source_mnemonic (VigiaSource       source);
gboolean     vigia_progress_editor_save       (VigiaProgressEditor *self);
void         vigia_progress_editor_set_future (VigiaProgressEditor *self,
                                               gboolean             future,
                                               gboolean             asked);
gboolean     vigia_progress_editor_get_future_asked (VigiaProgressEditor *self);

G_END_DECLS
