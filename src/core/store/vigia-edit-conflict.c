/* vigia-edit-conflict.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a desk saves an item that another desk saved since it was read, the
 * library refuses the save (VIGIA_ERROR_CONFLICT).  The undo stack keeps the
 * change as one of these, the window reads the plan anew, and the stack
 * makes the change again where it does not touch what the other desk did,
 * or asks whose version to keep (docs/postgresql.md, "Two desks, one item").
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigia-edit-conflict-private.h"

G_DEFINE_FINAL_TYPE (VigiaEditConflict, vigia_edit_conflict, G_TYPE_OBJECT)

static void
vigia_edit_conflict_finalize (GObject *object)
{
  VigiaEditConflict *self = VIGIA_EDIT_CONFLICT (object);

  g_free (self->plan_uuid);
  g_free (self->goal_uuid);
  g_free (self->target_uuid);
  for (guint i = 0; i < self->n_values; i++)
    {
      g_value_unset (&self->base[i]);
      g_value_unset (&self->mine[i]);
    }
  g_free (self->base);
  g_free (self->mine);
  g_strfreev (self->names);
  g_free (self->period);
  g_clear_object (&self->base_entry);
  g_clear_object (&self->mine_entry);
  g_free (self->author);
  g_free (self->time);
  g_free (self->item);
  g_free (self->mine_text);
  g_free (self->theirs_text);

  G_OBJECT_CLASS (vigia_edit_conflict_parent_class)->finalize (object);
}

static void
vigia_edit_conflict_class_init (VigiaEditConflictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigia_edit_conflict_finalize;
}

static void
vigia_edit_conflict_init (VigiaEditConflict *self)
{
}

VigiaEditConflict *
_vigia_edit_conflict_new (VigiaEditConflictKind kind)
{
  VigiaEditConflict *self = g_object_new (VIGIA_TYPE_EDIT_CONFLICT, NULL);

  self->kind = kind;
  return self;
}

/* Who saved the version the library holds; NULL where it does not say. */
const char *
vigia_edit_conflict_get_author (VigiaEditConflict *self)
{
  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (self), NULL);
  return self->author;
}

/* When, in words ("6 December 2026, 10:42"). */
const char *
vigia_edit_conflict_get_time (VigiaEditConflict *self)
{
  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (self), NULL);
  return self->time;
}

/* The item in words: "goal 2", "the plan". */
const char *
vigia_edit_conflict_get_item (VigiaEditConflict *self)
{
  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (self), NULL);
  return self->item;
}

/* What this desk's change made of the fields both desks changed. */
const char *
vigia_edit_conflict_get_mine (VigiaEditConflict *self)
{
  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (self), NULL);
  return self->mine_text;
}

/* What the other desk made of them. */
const char *
vigia_edit_conflict_get_theirs (VigiaEditConflict *self)
{
  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (self), NULL);
  return self->theirs_text;
}

/* Whether both desks changed the same field to different values, so that
 * only a person can choose. */
gboolean
vigia_edit_conflict_needs_choice (VigiaEditConflict *self)
{
  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (self), FALSE);
  return self->needs_choice;
}

/* Whether the change could not be made again (the item is gone, or the
 * change was of a kind that is not made again): the plan shows the other
 * desk's version. */
gboolean
vigia_edit_conflict_is_lost (VigiaEditConflict *self)
{
  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (self), FALSE);
  return self->lost;
}

/**
 * vigia_edit_conflict_dup_description:
 *
 * Returns: (transfer full): what happened, in a sentence: "Ana changed goal
 *   2 on 6 December 2026, 10:42, while it was being changed here."
 */
char *
vigia_edit_conflict_dup_description (VigiaEditConflict *self)
{
  const char *item;
  const char *time;

  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (self), NULL);

  item = self->item != NULL ? self->item : _("this item");
  time = self->time != NULL ? self->time : _("a moment ago");
  if (self->author != NULL)
    /* Translators: "Ana changed goal 2 on 6 December 2026, 10:42, …" */
    return g_strdup_printf (_("%s changed %s on %s, while it was being changed here."), self->author, item, time);
  /* Translators: "Goal 2 was changed on 6 December 2026, 10:42, …"; the
   * first %s is "goal 2" or "the plan". */
  return g_strdup_printf (_("Someone else changed %s on %s, while it was being changed here."), item, time);
}
