/* vigia-edit-conflict.h: a change the library refused because someone else saved the item first
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIA_TYPE_EDIT_CONFLICT (vigia_edit_conflict_get_type ())

G_DECLARE_FINAL_TYPE (VigiaEditConflict, vigia_edit_conflict, VIGIA, EDIT_CONFLICT, GObject)

/* Filled by vigia_undo_stack_replay(), from the item as the library holds it
 * now; NULL before. */
const char *vigia_edit_conflict_get_author    (VigiaEditConflict *self);
const char *vigia_edit_conflict_get_time      (VigiaEditConflict *self);
const char *vigia_edit_conflict_get_item      (VigiaEditConflict *self);
const char *vigia_edit_conflict_get_mine      (VigiaEditConflict *self);
const char *vigia_edit_conflict_get_theirs    (VigiaEditConflict *self);
gboolean    vigia_edit_conflict_needs_choice  (VigiaEditConflict *self);
gboolean    vigia_edit_conflict_is_lost       (VigiaEditConflict *self);
char       *vigia_edit_conflict_dup_description (VigiaEditConflict *self);

G_END_DECLS
