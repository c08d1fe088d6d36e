/* vigia-edit-conflict-private.h: what the undo stack keeps of a refused change
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-edit-conflict.h"
#include "vigia-progress.h"

G_BEGIN_DECLS

typedef enum {
  /* Fields of the plan, a goal or a target. */
  VIGIA_EDIT_CONFLICT_FIELDS,
  /* A progress entry saved or deleted. */
  VIGIA_EDIT_CONFLICT_PROGRESS,
  /* Anything else (targets added or removed, goals split): not made again. */
  VIGIA_EDIT_CONFLICT_OTHER,
} VigiaEditConflictKind;

struct _VigiaEditConflict
{
  GObject                parent_instance;

  VigiaEditConflictKind  kind;
  /* The item, by uuid, since the plan is read anew: its plan; the goal,
   * NULL for the plan itself; its target (fields of a target, or its
   * progress). */
  char                  *plan_uuid;
  char                  *goal_uuid;
  char                  *target_uuid;

  /* FIELDS: the properties, what they were when the change was made, and
   * what the change made them. */
  guint                  n_values;
  GStrv                  names;
  GValue                *base;
  GValue                *mine;

  /* PROGRESS: the entry before and after the change, NULL where none. */
  char                  *period;
  int                    source;
  VigiaProgress         *base_entry;
  VigiaProgress         *mine_entry;

  /* Filled when the change is made again on the plan as it is now. */
  char                  *author;
  char                  *time;
  char                  *item;
  char                  *mine_text;
  char                  *theirs_text;
  gboolean               needs_choice;
  gboolean               lost;
};

VigiaEditConflict *_vigia_edit_conflict_new (VigiaEditConflictKind kind);

G_END_DECLS
