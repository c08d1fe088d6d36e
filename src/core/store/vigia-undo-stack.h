/* vigia-undo-stack.h: the edits of one open plan, saved as they happen and undoable
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-edit-conflict.h"
#include "vigia-library.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_UNDO_STACK (vigia_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (VigiaUndoStack, vigia_undo_stack, VIGIA, UNDO_STACK, GObject)

/* How long typing may pause before the text is saved. */
#define VIGIA_UNDO_STACK_SAVE_DELAY_MS 500

VigiaUndoStack *vigia_undo_stack_new              (VigiaLibrary    *library,
                                                   VigiaPlan       *plan);
VigiaLibrary   *vigia_undo_stack_get_library      (VigiaUndoStack  *self);
VigiaPlan      *vigia_undo_stack_get_plan         (VigiaUndoStack  *self);
gboolean        vigia_undo_stack_is_read_only     (VigiaUndoStack  *self);

gboolean        vigia_undo_stack_set              (VigiaUndoStack  *self,
                                                   GObject         *object,
                                                   guint            n_properties,
                                                   const char     **names,
                                                   const GValue    *values,
                                                   GError         **error);
gboolean        vigia_undo_stack_set_string       (VigiaUndoStack  *self,
                                                   GObject         *object,
                                                   const char      *name,
                                                   const char      *value,
                                                   GError         **error);
void            vigia_undo_stack_set_string_later (VigiaUndoStack  *self,
                                                   GObject         *object,
                                                   const char      *name,
                                                   const char      *value);
gboolean        vigia_undo_stack_flush            (VigiaUndoStack  *self,
                                                   GError         **error);
gboolean        vigia_undo_stack_has_pending      (VigiaUndoStack  *self);
gboolean        vigia_undo_stack_is_saving        (VigiaUndoStack  *self);
void            vigia_undo_stack_seal             (VigiaUndoStack  *self);

gboolean        vigia_undo_stack_add_goal         (VigiaUndoStack  *self,
                                                   VigiaDimension  *dimension,
                                                   guint            position,
                                                   VigiaGoal       *goal,
                                                   GError         **error);
gboolean        vigia_undo_stack_delete_goal      (VigiaUndoStack  *self,
                                                   VigiaGoal       *goal,
                                                   GError         **error);
gboolean        vigia_undo_stack_move_goal        (VigiaUndoStack  *self,
                                                   VigiaGoal       *goal,
                                                   guint            position,
                                                   GError         **error);
gboolean        vigia_undo_stack_add_dimension    (VigiaUndoStack  *self,
                                                   guint            position,
                                                   VigiaDimension  *dimension,
                                                   GError         **error);
gboolean        vigia_undo_stack_delete_dimension (VigiaUndoStack  *self,
                                                   VigiaDimension  *dimension,
                                                   GError         **error);
gboolean        vigia_undo_stack_save_progress    (VigiaUndoStack  *self,
                                                   VigiaGoal       *goal,
                                                   VigiaTarget     *target,
                                                   VigiaProgress   *progress,
                                                   GError         **error);
gboolean        vigia_undo_stack_set_targets      (VigiaUndoStack  *self,
                                                   VigiaGoal       *goal,
                                                   GPtrArray       *targets,
                                                   GError         **error);
gboolean        vigia_undo_stack_split_goal       (VigiaUndoStack  *self,
                                                   VigiaGoal       *goal,
                                                   GError         **error);
gboolean        vigia_undo_stack_merge_goals      (VigiaUndoStack  *self,
                                                   VigiaGoal       *goal,
                                                   VigiaGoal       *next,
                                                   GError         **error);
gboolean        vigia_undo_stack_delete_progress  (VigiaUndoStack  *self,
                                                   VigiaGoal       *goal,
                                                   VigiaTarget     *target,
                                                   const char      *period,
                                                   VigiaSource      source,
                                                   GError         **error);

gboolean        vigia_undo_stack_get_can_undo     (VigiaUndoStack  *self);
gboolean        vigia_undo_stack_get_can_redo     (VigiaUndoStack  *self);
guint           vigia_undo_stack_get_serial       (VigiaUndoStack  *self);
gboolean        vigia_undo_stack_undo             (VigiaUndoStack  *self,
                                                   GError         **error);
gboolean        vigia_undo_stack_redo             (VigiaUndoStack  *self,
                                                   GError         **error);

GPtrArray      *vigia_undo_stack_take_conflicts   (VigiaUndoStack    *self);
gboolean        vigia_undo_stack_replay           (VigiaUndoStack    *self,
                                                   VigiaEditConflict *conflict,
                                                   gboolean           keep_mine,
                                                   GError           **error);

G_END_DECLS
