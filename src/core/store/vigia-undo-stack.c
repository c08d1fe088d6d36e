/* vigia-undo-stack.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of an open plan goes through here: the change is applied to the
 * in-memory object and saved at once through the library, in its own
 * transaction (so it is in the history), and the operation is kept so that
 * undo can apply its inverse, saved the same way.  An undo is therefore
 * itself a recorded change, and nothing depends on the process living on.
 *
 * Typing is not saved on every keystroke: set_string_later() keeps the latest
 * text of each field and saves them all once typing has paused for
 * VIGIA_UNDO_STACK_SAVE_DELAY_MS, or at once on flush().  Successive saves of
 * the same field merge into one undo step until the stack is sealed (the
 * user left the field) or another edit comes in between.
 */
#define G_LOG_DOMAIN "vigia-undo-stack"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigia-edit-conflict-private.h"
#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-number.h"
#include "vigia-period.h"
#include "vigia-target-reader.h"
#include "vigia-undo-stack.h"
#include "vigia-utils.h"

typedef enum {
  OP_SET,
  OP_ADD_GOAL,
  OP_DELETE_GOAL,
  OP_MOVE_GOAL,
  OP_ADD_DIMENSION,
  OP_DELETE_DIMENSION,
  OP_PUT_PROGRESS,
  OP_SET_TARGETS,
  /* Several of the above as one step, as splitting or merging goals */
  OP_GROUP,
} OpKind;

typedef struct
{
  OpKind           kind;
  guint            serial;
  /* OP_SET: the plan, one of its dimensions or goals; else the goal or
   * dimension added, deleted or moved, or whose progress entry changed. */
  GObject         *object;
  /* Goal operations: the dimension that holds the goal. */
  VigiaDimension  *dimension;
  /* Positions: where it was (delete, move) and where it goes (add, move). */
  guint            from;
  guint            to;
  /* OP_SET */
  guint            n_values;
  GStrv            names;
  GValue          *old_values;
  GValue          *new_values;
  gboolean         mergeable;
  /* OP_PUT_PROGRESS: the goal's target whose entry it is, and the entry
   * of one period and source before and after, as copies; NULL where there
   * was or is none. */
  VigiaTarget     *target;
  VigiaProgress   *before;
  VigiaProgress   *after;
  /* OP_SET_TARGETS: the goal's VigiaTargets before and after, in order */
  GPtrArray       *targets_before;
  GPtrArray       *targets_after;
  /* OP_GROUP: the Ops, in the order they are done */
  GPtrArray       *ops;
} Op;

typedef struct
{
  GObject *object;
  char    *name;
  char    *value;
} Pending;

struct _VigiaUndoStack
{
  GObject        parent_instance;

  VigiaLibrary  *library;
  VigiaPlan     *plan;

  /* Op, oldest first */
  GPtrArray     *undo;
  GPtrArray     *redo;

  /* Pending, in the order first typed */
  GPtrArray     *pending;
  guint          pending_source;

  /* Set while a change of ours is being written, for whoever hears the
   * library announce it. */
  guint          saving;

  /* VigiaEditConflict: changes the library refused since the last
   * vigia_undo_stack_take_conflicts(), oldest first */
  GPtrArray     *conflicts;
};

G_DEFINE_FINAL_TYPE (VigiaUndoStack, vigia_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_PLAN,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  SAVE_FAILED,
  CHANGED,
  CONFLICT,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];
static guint last_serial;

static void
values_free (GValue *values,
             guint   n_values)
{
  if (values == NULL)
    return;
  for (guint i = 0; i < n_values; i++)
    g_value_unset (&values[i]);
  g_free (values);
}

static void
op_free (Op *op)
{
  g_clear_object (&op->object);
  g_clear_object (&op->dimension);
  g_clear_pointer (&op->names, g_strfreev);
  values_free (op->old_values, op->n_values);
  values_free (op->new_values, op->n_values);
  g_clear_object (&op->target);
  g_clear_object (&op->before);
  g_clear_object (&op->after);
  g_clear_pointer (&op->targets_before, g_ptr_array_unref);
  g_clear_pointer (&op->targets_after, g_ptr_array_unref);
  g_clear_pointer (&op->ops, g_ptr_array_unref);
  g_free (op);
}

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->object);
  g_free (pending->name);
  g_free (pending->value);
  g_free (pending);
}

/* g_param_values_cmp() calls two NaNs different and NaN equal to anything
 * else, and NaN is how the core writes "no value". */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_DOUBLE (a))
    {
      double da = g_value_get_double (a);
      double db = g_value_get_double (b);

      if (isnan (da) || isnan (db))
        return isnan (da) && isnan (db);
      return da == db;
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

static gboolean
belongs_to_plan (VigiaUndoStack *self,
                 GObject        *object)
{
  guint n = vigia_plan_get_n_dimensions (self->plan);

  if (object == G_OBJECT (self->plan))
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self->plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      if (object == G_OBJECT (dim))
        return TRUE;
      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);

          if (object == G_OBJECT (goal) ||
              (VIGIA_IS_TARGET (object) && vigia_target_get_goal (VIGIA_TARGET (object)) == goal))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
find_goal (VigiaUndoStack  *self,
           VigiaGoal       *goal,
           VigiaDimension **dimension,
           guint           *position)
{
  guint n = vigia_plan_get_n_dimensions (self->plan);

  for (guint i = 0; i < n; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self->plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals; j++)
        if (vigia_dimension_get_goal (dim, j) == goal)
          {
            *dimension = dim;
            *position = j;
            return TRUE;
          }
    }

  return FALSE;
}

static gboolean
find_dimension (VigiaUndoStack *self,
                VigiaDimension *dimension,
                guint          *position)
{
  guint n = vigia_plan_get_n_dimensions (self->plan);

  for (guint i = 0; i < n; i++)
    if (vigia_plan_get_dimension (self->plan, i) == dimension)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
save_object (VigiaUndoStack  *self,
             GObject         *object,
             GError         **error)
{
  if (VIGIA_IS_PLAN (object))
    return vigia_library_save_plan (self->library, VIGIA_PLAN (object), error);
  if (VIGIA_IS_DIMENSION (object))
    return vigia_library_save_dimension (self->library, self->plan, VIGIA_DIMENSION (object), error);
  if (VIGIA_IS_GOAL (object))
    return vigia_library_save_goal (self->library, self->plan, VIGIA_GOAL (object), error);
  /* A target is saved with its goal, which writes what changed of it. */
  if (VIGIA_IS_TARGET (object))
    {
      VigiaGoal *goal = vigia_target_get_goal (VIGIA_TARGET (object));

      g_return_val_if_fail (goal != NULL, FALSE);
      return vigia_library_save_goal (self->library, self->plan, goal, error);
    }
  g_return_val_if_reached (FALSE);
}

/* GLib refuses NaN for a double property, and NaN is how the core says "no
 * value" (a target not read, a baseline not known): such a value goes to the
 * class's own setter, which is what the typed setters call. */
static void
set_property (GObject      *object,
              const char   *name,
              const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  g_assert (pspec != NULL);

  if (G_VALUE_HOLDS_DOUBLE (value) && isnan (g_value_get_double (value)))
    G_OBJECT_GET_CLASS (object)->set_property (object, pspec->param_id, value, pspec);
  else
    g_object_set_property (object, name, value);
}

/* Sets @values on @object and saves it; on failure puts @previous back, so
 * that the object still says what the library holds. */
static gboolean
apply_values (VigiaUndoStack  *self,
              GObject         *object,
              guint            n_values,
              const char     **names,
              const GValue    *values,
              const GValue    *previous,
              GError         **error)
{
  for (guint i = 0; i < n_values; i++)
    set_property (object, names[i], &values[i]);

  if (save_object (self, object, error))
    return TRUE;

  for (guint i = 0; i < n_values; i++)
    set_property (object, names[i], &previous[i]);
  return FALSE;
}

/* Makes @target's entry for the period and source of @like be @entry, or
 * deletes it where @entry is NULL. */
static gboolean
put_progress (VigiaUndoStack  *self,
              VigiaGoal       *goal,
              VigiaTarget     *target,
              VigiaProgress   *entry,
              VigiaProgress   *like,
              GError         **error)
{
  VigiaProgress *current;

  if (entry != NULL)
    {
      /* The target keeps the object saved: a copy, so that the step's own
       * snapshot never changes under it. */
      g_autoptr(VigiaProgress) copy = vigia_progress_copy (entry);

      /* Made on the entry as this desk last saw it, whatever the step's
       * snapshot was taken from: another desk's save since is a conflict. */
      current = vigia_target_find_progress (target, vigia_progress_get_period (entry),
                                            vigia_progress_get_source (entry));
      vigia_progress_get_stamp (copy)->version =
        current != NULL ? vigia_progress_get_stamp (current)->version : 0;
      if (!vigia_library_save_progress (self->library, self->plan, goal, target, copy, error))
        return FALSE;
      /* The library dates an entry saved without a date: redo puts back
       * the same date. */
      vigia_progress_set_recorded (entry, vigia_progress_get_recorded (copy));
      return TRUE;
    }

  current = vigia_target_find_progress (target, vigia_progress_get_period (like),
                                        vigia_progress_get_source (like));
  if (current == NULL)
    return TRUE;
  return vigia_library_delete_progress (self->library, self->plan, goal, target, current, error);
}

/* Gives @goal the targets @targets and saves it; on failure puts @previous
 * back, so that the goal still says what the library holds. */
static gboolean
put_targets (VigiaUndoStack  *self,
             VigiaGoal       *goal,
             GPtrArray       *targets,
             GPtrArray       *previous,
             GError         **error)
{
  vigia_goal_set_targets (goal, targets);
  if (vigia_library_save_goal (self->library, self->plan, goal, error))
    return TRUE;
  vigia_goal_set_targets (goal, previous);
  return FALSE;
}

static gboolean op_apply_inner (VigiaUndoStack  *self,
                                Op              *op,
                                gboolean         forward,
                                GError         **error);

/* Lists, or with @versions set gives back, the version of every item of the
 * plan: by the object, or by target, period and source for a progress entry
 * (its object is replaced when it is saved). */
static void
walk_version (GHashTable *versions,
              char       *key,
              gint64     *version,
              gboolean    restore)
{
  if (restore && g_hash_table_contains (versions, key))
    *version = *(gint64 *) g_hash_table_lookup (versions, key);
  else if (!restore)
    g_hash_table_insert (versions, g_strdup (key), g_memdup2 (version, sizeof (gint64)));
  g_free (key);
}

static void
walk_versions (VigiaUndoStack *self,
               GHashTable     *versions,
               gboolean        restore)
{
  guint n = vigia_plan_get_n_dimensions (self->plan);

  walk_version (versions, g_strdup_printf ("%p", self->plan), &vigia_plan_get_stamp (self->plan)->version, restore);
  for (guint i = 0; i < n; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self->plan, i);

      for (guint j = 0; j < vigia_dimension_get_n_goals (dim); j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);

          walk_version (versions, g_strdup_printf ("%p", goal), &vigia_goal_get_stamp (goal)->version, restore);
          for (guint k = 0; k < vigia_goal_get_n_targets (goal); k++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, k);
              GListModel *entries = vigia_target_get_progress (target);

              for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
                {
                  g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, e);

                  walk_version (versions,
                                g_strdup_printf ("%p/%s/%d", target, vigia_progress_get_period (entry),
                                                 vigia_progress_get_source (entry)),
                                &vigia_progress_get_stamp (entry)->version, restore);
                }
            }
        }
    }
}

static GHashTable *
dup_versions (VigiaUndoStack *self)
{
  GHashTable *versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  walk_versions (self, versions, FALSE);
  return versions;
}

static void
restore_versions (VigiaUndoStack *self,
                  GHashTable     *versions)
{
  walk_versions (self, versions, TRUE);
}

/* Undoes in memory the first @done ops of @group applied @forward, inside a
 * transaction rolled back: the library keeps what it had, and the items the
 * versions they had before the group (@versions), which the library still
 * holds. */
static void
revert_group (VigiaUndoStack *self,
              Op             *group,
              gboolean        forward,
              guint           done,
              GHashTable     *versions)
{
  guint n = group->ops->len;
  gboolean open;

  restore_versions (self, versions);
  open = vigia_library_begin (self->library, NULL);
  while (done-- > 0)
    op_apply_inner (self, g_ptr_array_index (group->ops, forward ? done : n - 1 - done), !forward, NULL);
  if (open)
    vigia_library_rollback (self->library);
  restore_versions (self, versions);
}

/* The group's ops in one transaction, in order (undone in reverse). */
static gboolean
apply_group (VigiaUndoStack  *self,
             Op              *group,
             gboolean         forward,
             GError         **error)
{
  guint n = group->ops->len;
  guint done = 0;
  g_autoptr(GHashTable) versions = dup_versions (self);

  if (!vigia_library_begin (self->library, error))
    return FALSE;
  for (; done < n; done++)
    if (!op_apply_inner (self, g_ptr_array_index (group->ops, forward ? done : n - 1 - done), forward, error))
      {
        vigia_library_rollback (self->library);
        revert_group (self, group, forward, done, versions);
        return FALSE;
      }
  if (vigia_library_commit (self->library, error))
    return TRUE;
  revert_group (self, group, forward, done, versions);
  return FALSE;
}

static gboolean
op_apply_inner (VigiaUndoStack  *self,
                Op              *op,
                gboolean         forward,
                GError         **error)
{
  VigiaLibrary *lib = self->library;
  VigiaPlan *plan = self->plan;

  switch (op->kind)
    {
    case OP_SET:
      return apply_values (self, op->object, op->n_values, (const char **) op->names,
                           forward ? op->new_values : op->old_values,
                           forward ? op->old_values : op->new_values, error);

    case OP_ADD_GOAL:
      if (forward)
        return vigia_library_add_goal (lib, plan, op->dimension, op->to, VIGIA_GOAL (op->object), error);
      return vigia_library_delete_goal (lib, plan, op->dimension, VIGIA_GOAL (op->object), error);

    case OP_DELETE_GOAL:
      if (forward)
        return vigia_library_delete_goal (lib, plan, op->dimension, VIGIA_GOAL (op->object), error);
      return vigia_library_add_goal (lib, plan, op->dimension, op->from, VIGIA_GOAL (op->object), error);

    case OP_MOVE_GOAL:
      return vigia_library_move_goal (lib, plan, op->dimension, VIGIA_GOAL (op->object),
                                      forward ? op->to : op->from, error);

    case OP_ADD_DIMENSION:
      if (forward)
        return vigia_library_add_dimension (lib, plan, op->to, VIGIA_DIMENSION (op->object), error);
      return vigia_library_delete_dimension (lib, plan, VIGIA_DIMENSION (op->object), error);

    case OP_DELETE_DIMENSION:
      if (forward)
        return vigia_library_delete_dimension (lib, plan, VIGIA_DIMENSION (op->object), error);
      return vigia_library_add_dimension (lib, plan, op->from, VIGIA_DIMENSION (op->object), error);

    case OP_PUT_PROGRESS:
      if (forward)
        return put_progress (self, VIGIA_GOAL (op->object), op->target, op->after, op->before, error);
      return put_progress (self, VIGIA_GOAL (op->object), op->target, op->before, op->after, error);

    case OP_SET_TARGETS:
      return put_targets (self, VIGIA_GOAL (op->object), forward ? op->targets_after : op->targets_before,
                          forward ? op->targets_before : op->targets_after, error);

    case OP_GROUP:
      return apply_group (self, op, forward, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Keeps what @op was to do, refused as a conflict, so that it can be made
 * again on the plan as the library holds it now. */
static void
keep_conflict (VigiaUndoStack *self,
               Op             *op,
               gboolean        forward)
{
  g_autoptr(VigiaEditConflict) conflict = NULL;

  if (op->kind == OP_SET && !VIGIA_IS_DIMENSION (op->object))
    {
      conflict = _vigia_edit_conflict_new (VIGIA_EDIT_CONFLICT_FIELDS);
      if (VIGIA_IS_GOAL (op->object))
        conflict->goal_uuid = g_strdup (vigia_goal_get_uuid (VIGIA_GOAL (op->object)));
      else if (VIGIA_IS_TARGET (op->object))
        {
          VigiaTarget *target = VIGIA_TARGET (op->object);

          conflict->goal_uuid = g_strdup (vigia_goal_get_uuid (vigia_target_get_goal (target)));
          conflict->target_uuid = g_strdup (vigia_target_get_uuid (target));
        }
      conflict->n_values = op->n_values;
      conflict->names = g_strdupv (op->names);
      conflict->base = g_new0 (GValue, op->n_values);
      conflict->mine = g_new0 (GValue, op->n_values);
      for (guint i = 0; i < op->n_values; i++)
        {
          const GValue *base = forward ? &op->old_values[i] : &op->new_values[i];
          const GValue *mine = forward ? &op->new_values[i] : &op->old_values[i];

          g_value_init (&conflict->base[i], G_VALUE_TYPE (base));
          g_value_copy (base, &conflict->base[i]);
          g_value_init (&conflict->mine[i], G_VALUE_TYPE (mine));
          g_value_copy (mine, &conflict->mine[i]);
        }
    }
  else if (op->kind == OP_PUT_PROGRESS)
    {
      VigiaProgress *base = forward ? op->before : op->after;
      VigiaProgress *mine = forward ? op->after : op->before;
      VigiaProgress *either = base != NULL ? base : mine;

      conflict = _vigia_edit_conflict_new (VIGIA_EDIT_CONFLICT_PROGRESS);
      conflict->goal_uuid = g_strdup (vigia_goal_get_uuid (VIGIA_GOAL (op->object)));
      conflict->target_uuid = g_strdup (vigia_target_get_uuid (op->target));
      conflict->period = g_strdup (vigia_progress_get_period (either));
      conflict->source = vigia_progress_get_source (either);
      conflict->base_entry = base != NULL ? vigia_progress_copy (base) : NULL;
      conflict->mine_entry = mine != NULL ? vigia_progress_copy (mine) : NULL;
    }
  else
    {
      conflict = _vigia_edit_conflict_new (VIGIA_EDIT_CONFLICT_OTHER);
      if (VIGIA_IS_GOAL (op->object))
        conflict->goal_uuid = g_strdup (vigia_goal_get_uuid (VIGIA_GOAL (op->object)));
    }

  conflict->plan_uuid = g_strdup (vigia_plan_get_uuid (self->plan));
  g_ptr_array_add (self->conflicts, g_steal_pointer (&conflict));
  g_signal_emit (self, signals[CONFLICT], 0);
}

static gboolean
op_apply (VigiaUndoStack  *self,
          Op              *op,
          gboolean         forward,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  self->saving++;
  ok = op_apply_inner (self, op, forward, &local_error);
  self->saving--;
  if (ok)
    return TRUE;

  if (g_error_matches (local_error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
    keep_conflict (self, op, forward);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
notify_can (VigiaUndoStack *self,
            gboolean        could_undo,
            gboolean        could_redo)
{
  if (could_undo != vigia_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != vigia_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static Op *
top_op (VigiaUndoStack *self)
{
  return self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
}

/* Keeps @op, whose change is already saved, as the newest undo step. */
static void
push (VigiaUndoStack *self,
      Op             *op)
{
  gboolean could_undo = vigia_undo_stack_get_can_undo (self);
  gboolean could_redo = vigia_undo_stack_get_can_redo (self);

  /* Serials are unique across stacks, so that an "Undo" offered for a
   * closed plan never reverts a step of the one open now. */
  op->serial = ++last_serial;
  g_ptr_array_add (self->undo, op);
  g_ptr_array_set_size (self->redo, 0);
  notify_can (self, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
}

static Op *
op_new (OpKind          kind,
        gpointer        object,
        VigiaDimension *dimension)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->object = g_object_ref (object);
  op->dimension = dimension != NULL ? g_object_ref (dimension) : NULL;
  return op;
}

/* Applies a new @op and keeps it as the newest step, or frees it. */
static gboolean
do_op (VigiaUndoStack  *self,
       Op              *op,
       GError         **error)
{
  if (!op_apply (self, op, TRUE, error))
    {
      op_free (op);
      return FALSE;
    }
  push (self, op);
  return TRUE;
}

/* The names a target's reading goes by on @object: its own, or those its
 * goal forwards to its first target. */
static const char * const target_reading_names[] = {
  "value", "unit", "measure", "direction", "reading", "baseline-value", NULL
};
static const char * const goal_reading_names[] = {
  "target-value", "target-unit", "target-measure", "target-direction", "target-reading", "baseline-value", NULL
};

/* Readings follow the text (docs/assessment.md, "Readings"): where @names
 * sets a target's text, the step also reads it again, as an import would,
 * unless a person reviewed the reading, which then keeps its figures and
 * goes back to be reviewed.  Returns the names and values to set, @names
 * and @values themselves if the text is not among them. */
static guint
add_reading (GObject        *object,
             guint           n_properties,
             const char    **names,
             const GValue   *values,
             GPtrArray     **names_out,
             GArray        **values_out)
{
  const char *text_name = VIGIA_IS_TARGET (object) ? "text" : VIGIA_IS_GOAL (object) ? "target-text" : NULL;
  const char * const *reading_names = VIGIA_IS_TARGET (object) ? target_reading_names : goal_reading_names;
  VigiaTarget *target = VIGIA_IS_TARGET (object) ? VIGIA_TARGET (object) :
                        VIGIA_IS_GOAL (object) ? vigia_goal_get_target (VIGIA_GOAL (object), 0) : NULL;
  VigiaTargetReading reading;
  const char *text = NULL;
  gboolean found = FALSE;
  GValue value = G_VALUE_INIT;

  *names_out = NULL;
  *values_out = NULL;
  for (guint i = 0; text_name != NULL && i < n_properties; i++)
    {
      /* A reading set along with the text (the chip's editor) wins. */
      for (guint k = 0; reading_names[k] != NULL; k++)
        if (g_str_equal (names[i], reading_names[k]))
          return n_properties;
      if (g_str_equal (names[i], text_name))
        {
          found = TRUE;
          text = g_value_get_string (&values[i]);
        }
    }
  if (!found)
    return n_properties;

  *names_out = g_ptr_array_new ();
  *values_out = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (*values_out, (GDestroyNotify) g_value_unset);
  for (guint i = 0; i < n_properties; i++)
    {
      GValue copy = G_VALUE_INIT;

      g_ptr_array_add (*names_out, (gpointer) names[i]);
      g_value_init (&copy, G_VALUE_TYPE (&values[i]));
      g_value_copy (&values[i], &copy);
      g_array_append_val (*values_out, copy);
    }

  if (vigia_target_get_reading (target) == VIGIA_READING_REVIEWED)
    {
      g_value_init (&value, VIGIA_TYPE_READING);
      g_value_set_enum (&value, VIGIA_READING_NEEDS_REVIEW);
      g_ptr_array_add (*names_out, (gpointer) reading_names[4]);
      g_array_append_val (*values_out, value);
      return (*names_out)->len;
    }

  vigia_target_read (text, &reading);
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, reading.value);
  g_ptr_array_add (*names_out, (gpointer) reading_names[0]);
  g_array_append_val (*values_out, value);
  memset (&value, 0, sizeof value);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, reading.unit);
  g_ptr_array_add (*names_out, (gpointer) reading_names[1]);
  g_array_append_val (*values_out, value);
  memset (&value, 0, sizeof value);
  g_value_init (&value, VIGIA_TYPE_MEASURE);
  g_value_set_enum (&value, reading.measure);
  g_ptr_array_add (*names_out, (gpointer) reading_names[2]);
  g_array_append_val (*values_out, value);
  memset (&value, 0, sizeof value);
  g_value_init (&value, VIGIA_TYPE_DIRECTION);
  g_value_set_enum (&value, reading.direction);
  g_ptr_array_add (*names_out, (gpointer) reading_names[3]);
  g_array_append_val (*values_out, value);
  memset (&value, 0, sizeof value);
  g_value_init (&value, VIGIA_TYPE_READING);
  g_value_set_enum (&value, reading.reading);
  g_ptr_array_add (*names_out, (gpointer) reading_names[4]);
  g_array_append_val (*values_out, value);
  /* A baseline the text names, where there is none. */
  if (VIGIA_HAS_VALUE (reading.baseline) && !VIGIA_HAS_VALUE (vigia_target_get_baseline_value (target)))
    {
      memset (&value, 0, sizeof value);
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, reading.baseline);
      g_ptr_array_add (*names_out, (gpointer) reading_names[5]);
      g_array_append_val (*values_out, value);
    }
  vigia_target_reading_clear (&reading);
  return (*names_out)->len;
}

/* Merges @op, the same kind of step on the same object as @top, into
 * @top: @top keeps the values from before its first change, and takes
 * @op's new ones; a field @op changes first starts from before @op. */
static void
merge_op (Op *top,
          Op *op)
{
  for (guint i = 0; i < op->n_values; i++)
    {
      guint k;

      for (k = 0; k < top->n_values; k++)
        if (g_str_equal (top->names[k], op->names[i]))
          break;
      if (k == top->n_values)
        {
          top->names = g_renew (char *, top->names, top->n_values + 2);
          top->names[k] = g_strdup (op->names[i]);
          top->names[k + 1] = NULL;
          top->old_values = g_renew (GValue, top->old_values, top->n_values + 1);
          top->new_values = g_renew (GValue, top->new_values, top->n_values + 1);
          memset (&top->old_values[k], 0, sizeof (GValue));
          memset (&top->new_values[k], 0, sizeof (GValue));
          g_value_init (&top->old_values[k], G_VALUE_TYPE (&op->old_values[i]));
          g_value_copy (&op->old_values[i], &top->old_values[k]);
          g_value_init (&top->new_values[k], G_VALUE_TYPE (&op->new_values[i]));
          top->n_values++;
        }
      g_value_copy (&op->new_values[i], &top->new_values[k]);
    }
}

static gboolean
set_internal (VigiaUndoStack  *self,
              GObject         *object,
              guint            n_properties,
              const char     **names,
              const GValue    *values,
              gboolean         mergeable,
              GError         **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) with_names = NULL;
  g_autoptr(GArray) with_values = NULL;
  GValue *old_values;
  GValue *new_values;
  Op *top;
  Op *op;

  n_properties = add_reading (object, n_properties, names, values, &with_names, &with_values);
  if (with_names != NULL)
    {
      names = (const char **) with_names->pdata;
      values = (const GValue *) (gpointer) with_values->data;
    }

  /* Only the properties whose value changes make the step. */
  for (guint i = 0; i < n_properties; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), names[i]);
      g_auto(GValue) current = G_VALUE_INIT;

      g_return_val_if_fail (pspec != NULL, FALSE);
      g_value_init (&current, pspec->value_type);
      g_object_get_property (object, names[i], &current);
      if (!values_equal (pspec, &current, &values[i]))
        g_ptr_array_add (changed, GUINT_TO_POINTER (i));
    }
  if (changed->len == 0)
    return TRUE;

  old_values = g_new0 (GValue, changed->len);
  new_values = g_new0 (GValue, changed->len);
  op = op_new (OP_SET, object, NULL);
  op->n_values = changed->len;
  op->old_values = old_values;
  op->new_values = new_values;
  op->names = g_new0 (char *, changed->len + 1);
  op->mergeable = mergeable;

  for (guint i = 0; i < changed->len; i++)
    {
      guint k = GPOINTER_TO_UINT (g_ptr_array_index (changed, i));
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), names[k]);

      op->names[i] = g_strdup (names[k]);
      g_value_init (&old_values[i], pspec->value_type);
      g_object_get_property (object, names[k], &old_values[i]);
      g_value_init (&new_values[i], pspec->value_type);
      g_value_copy (&values[k], &new_values[i]);
    }

  if (!op_apply (self, op, TRUE, error))
    {
      op_free (op);
      return FALSE;
    }

  /* The same field typed on: one step from before the first keystroke. */
  top = top_op (self);
  if (mergeable && self->redo->len == 0 && top != NULL && top->kind == OP_SET && top->mergeable &&
      top->object == object && g_str_equal (top->names[0], op->names[0]))
    {
      gboolean unchanged = TRUE;

      merge_op (top, op);
      op_free (op);

      /* Typed back to what it was: nothing left to undo. */
      for (guint i = 0; i < top->n_values && unchanged; i++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), top->names[i]);

          unchanged = values_equal (pspec, &top->old_values[i], &top->new_values[i]);
        }
      if (unchanged)
        {
          gboolean could_undo = vigia_undo_stack_get_can_undo (self);

          g_ptr_array_remove_index (self->undo, self->undo->len - 1);
          notify_can (self, could_undo, vigia_undo_stack_get_can_redo (self));
        }
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }

  push (self, op);
  return TRUE;
}

/* Saves the typing waiting before another change is made.  Typing refused
 * as a conflict is kept for vigia_undo_stack_replay() and does not stop the
 * change, which is saved, or kept likewise, on its own. */
static gboolean
flush_before_action (VigiaUndoStack  *self,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (vigia_undo_stack_flush (self, &local_error) ||
      g_error_matches (local_error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
undo_or_redo (VigiaUndoStack  *self,
              GPtrArray       *from,
              GPtrArray       *to,
              gboolean         forward,
              GError         **error)
{
  gboolean could_undo;
  gboolean could_redo;
  Op *op;

  if (!flush_before_action (self, error))
    return FALSE;

  /* Typing flushed just now may have filled the undo stack. */
  if (from->len == 0)
    return TRUE;

  could_undo = vigia_undo_stack_get_can_undo (self);
  could_redo = vigia_undo_stack_get_can_redo (self);

  op = g_ptr_array_steal_index (from, from->len - 1);
  if (!op_apply (self, op, forward, error))
    {
      g_ptr_array_add (from, op);
      return FALSE;
    }

  op->mergeable = FALSE;
  g_ptr_array_add (to, op);
  if (top_op (self) != NULL)
    top_op (self)->mergeable = FALSE;
  notify_can (self, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
save_pending_cb (gpointer user_data)
{
  VigiaUndoStack *self = user_data;
  g_autoptr(GError) error = NULL;

  self->pending_source = 0;
  if (!vigia_undo_stack_flush (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

static void
vigia_undo_stack_dispose (GObject *object)
{
  VigiaUndoStack *self = (VigiaUndoStack *)object;

  /* Whatever was typed is saved even if nobody flushed. */
  if (self->pending != NULL && self->pending->len > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!vigia_undo_stack_flush (self, &error))
        g_warning ("Unsaved edits of plan %s were lost: %s",
                   vigia_plan_get_uuid (self->plan), error->message);
    }
  g_clear_handle_id (&self->pending_source, g_source_remove);

  G_OBJECT_CLASS (vigia_undo_stack_parent_class)->dispose (object);
}

static void
vigia_undo_stack_finalize (GObject *object)
{
  VigiaUndoStack *self = (VigiaUndoStack *)object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (vigia_undo_stack_parent_class)->finalize (object);
}

static void
vigia_undo_stack_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigiaUndoStack *self = VIGIA_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:  g_value_set_object (value, self->library); break;
    case PROP_PLAN:     g_value_set_object (value, self->plan); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, vigia_undo_stack_get_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, vigia_undo_stack_get_can_redo (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_undo_stack_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigiaUndoStack *self = VIGIA_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_LIBRARY: self->library = g_value_dup_object (value); break;
    case PROP_PLAN:    self->plan = g_value_dup_object (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_undo_stack_class_init (VigiaUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigia_undo_stack_dispose;
  object_class->finalize = vigia_undo_stack_finalize;
  object_class->get_property = vigia_undo_stack_get_property;
  object_class->set_property = vigia_undo_stack_set_property;

  properties[PROP_LIBRARY] = g_param_spec_object ("library", NULL, NULL, VIGIA_TYPE_LIBRARY,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, VIGIA_TYPE_PLAN,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                               G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigiaUndoStack::save-failed:
   * @error: why
   *
   * Emitted when typing saved in the background could not be saved; the
   * fields keep what was typed, and the objects what the library holds.
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * VigiaUndoStack::changed:
   *
   * Emitted after every edit, undo or redo has been saved.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * VigiaUndoStack::conflict:
   *
   * Emitted when the library refused a change because someone else saved
   * the same item since the plan was read; the change failed with
   * %VIGIA_ERROR_CONFLICT and waits in vigia_undo_stack_take_conflicts().
   */
  signals[CONFLICT] = g_signal_new ("conflict",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
}

static void
vigia_undo_stack_init (VigiaUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * vigia_undo_stack_new:
 * @plan: a plan of @library, as vigia_library_load_plan() gave it
 */
VigiaUndoStack *
vigia_undo_stack_new (VigiaLibrary *library,
                      VigiaPlan    *plan)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);

  return g_object_new (VIGIA_TYPE_UNDO_STACK, "library", library, "plan", plan, NULL);
}

VigiaLibrary *
vigia_undo_stack_get_library (VigiaUndoStack *self)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), NULL);
  return self->library;
}

VigiaPlan *
vigia_undo_stack_get_plan (VigiaUndoStack *self)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), NULL);
  return self->plan;
}

/**
 * vigia_undo_stack_is_read_only:
 *
 * Whether the plan can only be read, its library being read-only: the
 * widgets that edit through the stack show it without offering to change it.
 */
gboolean
vigia_undo_stack_is_read_only (VigiaUndoStack *self)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), TRUE);
  return vigia_library_is_read_only (self->library);
}

/**
 * vigia_undo_stack_set:
 * @object: the plan, or one of its dimensions or goals
 * @names: (array length=n_properties): properties of @object
 * @values: (array length=n_properties): their new values
 *
 * Sets the properties and saves @object, as one undo step.  Setting what is
 * already there does nothing.  On failure @object is left as it was.
 */
gboolean
vigia_undo_stack_set (VigiaUndoStack  *self,
                      GObject         *object,
                      guint            n_properties,
                      const char     **names,
                      const GValue    *values,
                      GError         **error)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (n_properties == 0 || (names != NULL && values != NULL), FALSE);
  g_return_val_if_fail (belongs_to_plan (self, object), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  return set_internal (self, object, n_properties, names, values, FALSE, error);
}

gboolean
vigia_undo_stack_set_string (VigiaUndoStack  *self,
                             GObject         *object,
                             const char      *name,
                             const char      *value,
                             GError         **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return vigia_undo_stack_set (self, object, 1, &name, &gvalue, error);
}

/**
 * vigia_undo_stack_set_string_later:
 *
 * Keeps @value as the text of @object's @name, to be saved once typing has
 * paused (see #VIGIA_UNDO_STACK_SAVE_DELAY_MS) or on flush.  A failure is
 * reported by #VigiaUndoStack::save-failed.
 */
void
vigia_undo_stack_set_string_later (VigiaUndoStack *self,
                                   GObject        *object,
                                   const char     *name,
                                   const char     *value)
{
  Pending *pending = NULL;
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (VIGIA_IS_UNDO_STACK (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (name != NULL);

  could_undo = vigia_undo_stack_get_can_undo (self);
  could_redo = vigia_undo_stack_get_can_redo (self);

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *p = g_ptr_array_index (self->pending, i);

      if (p->object == object && g_str_equal (p->name, name))
        {
          pending = p;
          break;
        }
    }

  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->object = g_object_ref (object);
      pending->name = g_strdup (name);
      g_ptr_array_add (self->pending, pending);
    }
  vigia_set_string (&pending->value, value);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  self->pending_source = g_timeout_add (VIGIA_UNDO_STACK_SAVE_DELAY_MS, save_pending_cb, self);
  g_source_set_name_by_id (self->pending_source, "[vigia] save typing");

  notify_can (self, could_undo, could_redo);
}

/**
 * vigia_undo_stack_flush:
 *
 * Saves now whatever typing is waiting to be saved.  Call it before the plan
 * is closed, the window goes away or the application quits.  Every pending
 * text is tried; the first failure is returned.
 */
gboolean
vigia_undo_stack_flush (VigiaUndoStack  *self,
                        GError         **error)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) first_error = NULL;
  gboolean could_undo;
  gboolean could_redo;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  if (self->pending->len == 0)
    return TRUE;

  could_undo = vigia_undo_stack_get_can_undo (self);
  could_redo = vigia_undo_stack_get_can_redo (self);
  pending = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) local_error = NULL;
      const char *name = p->name;

      /* A goal deleted while its text waited has nowhere to go. */
      if (!belongs_to_plan (self, p->object))
        continue;

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, p->value);
      if (!set_internal (self, p->object, 1, &name, &value, TRUE, &local_error) &&
          first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }
  notify_can (self, could_undo, could_redo);

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * vigia_undo_stack_is_saving:
 *
 * Returns: whether the stack is writing a change of its own now; a handler
 *   of #VigiaLibrary::plans-changed tells by it the plan's own edits from
 *   changes made elsewhere (an import, another window)
 */
gboolean
vigia_undo_stack_is_saving (VigiaUndoStack *self)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  return self->saving > 0;
}

gboolean
vigia_undo_stack_has_pending (VigiaUndoStack *self)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  return self->pending->len > 0;
}

/**
 * vigia_undo_stack_seal:
 *
 * Ends the current step: the next typing in the same field is a new undo
 * step.  Call it when the user leaves a field.
 */
void
vigia_undo_stack_seal (VigiaUndoStack *self)
{
  Op *top;

  g_return_if_fail (VIGIA_IS_UNDO_STACK (self));

  if (self->pending->len > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!vigia_undo_stack_flush (self, &error))
        g_signal_emit (self, signals[SAVE_FAILED], 0, error);
    }

  top = top_op (self);
  if (top != NULL)
    top->mergeable = FALSE;
}

/**
 * vigia_undo_stack_add_goal:
 * @dimension: a dimension of the plan
 *
 * Adds @goal (a new one, with any progress it holds) at @position.
 */
gboolean
vigia_undo_stack_add_goal (VigiaUndoStack  *self,
                           VigiaDimension  *dimension,
                           guint            position,
                           VigiaGoal       *goal,
                           GError         **error)
{
  Op *op;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (belongs_to_plan (self, G_OBJECT (dimension)), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  op = op_new (OP_ADD_GOAL, goal, dimension);
  op->to = MIN (position, vigia_dimension_get_n_goals (dimension));
  return do_op (self, op, error);
}

/**
 * vigia_undo_stack_delete_goal:
 *
 * Deletes @goal and its progress; undo puts both back where they were.
 */
gboolean
vigia_undo_stack_delete_goal (VigiaUndoStack  *self,
                              VigiaGoal       *goal,
                              GError         **error)
{
  VigiaDimension *dimension = NULL;
  guint position = 0;
  Op *op;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  if (!find_goal (self, goal, &dimension, &position))
    g_return_val_if_reached (FALSE);

  op = op_new (OP_DELETE_GOAL, goal, dimension);
  op->from = position;
  return do_op (self, op, error);
}

/**
 * vigia_undo_stack_move_goal:
 *
 * Moves @goal to @position within its dimension, renumbering the goals.
 */
gboolean
vigia_undo_stack_move_goal (VigiaUndoStack  *self,
                            VigiaGoal       *goal,
                            guint            position,
                            GError         **error)
{
  VigiaDimension *dimension = NULL;
  guint from = 0;
  Op *op;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  if (!find_goal (self, goal, &dimension, &from))
    g_return_val_if_reached (FALSE);

  position = MIN (position, vigia_dimension_get_n_goals (dimension) - 1);
  if (position == from)
    return TRUE;

  op = op_new (OP_MOVE_GOAL, goal, dimension);
  op->from = from;
  op->to = position;
  return do_op (self, op, error);
}

/**
 * vigia_undo_stack_add_dimension:
 *
 * Adds @dimension (with any goals it holds) at @position.
 */
gboolean
vigia_undo_stack_add_dimension (VigiaUndoStack  *self,
                                guint            position,
                                VigiaDimension  *dimension,
                                GError         **error)
{
  Op *op;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  op = op_new (OP_ADD_DIMENSION, dimension, NULL);
  op->to = MIN (position, vigia_plan_get_n_dimensions (self->plan));
  return do_op (self, op, error);
}

/**
 * vigia_undo_stack_delete_dimension:
 *
 * Deletes @dimension with its goals and their progress; undo puts them back.
 */
gboolean
vigia_undo_stack_delete_dimension (VigiaUndoStack  *self,
                                   VigiaDimension  *dimension,
                                   GError         **error)
{
  guint position = 0;
  Op *op;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  if (!find_dimension (self, dimension, &position))
    g_return_val_if_reached (FALSE);

  op = op_new (OP_DELETE_DIMENSION, dimension, NULL);
  op->from = position;
  return do_op (self, op, error);
}

static gboolean
progress_equal (VigiaProgress *a,
                VigiaProgress *b)
{
  double va = vigia_progress_get_value (a);
  double vb = vigia_progress_get_value (b);
  const char * const *ea = vigia_progress_get_evidence (a);
  const char * const *eb = vigia_progress_get_evidence (b);

  if (VIGIA_HAS_VALUE (va) != VIGIA_HAS_VALUE (vb) || (VIGIA_HAS_VALUE (va) && va != vb))
    return FALSE;
  /* An entry given without a date keeps the one it has. */
  if (vigia_progress_get_recorded (b) != NULL &&
      g_strcmp0 (vigia_progress_get_recorded (a), vigia_progress_get_recorded (b)) != 0)
    return FALSE;
  return vigia_progress_get_status (a) == vigia_progress_get_status (b) &&
         g_strcmp0 (vigia_progress_get_note (a), vigia_progress_get_note (b)) == 0 &&
         g_strv_equal (ea != NULL ? ea : (const char * const []) { NULL },
                       eb != NULL ? eb : (const char * const []) { NULL });
}

/**
 * vigia_undo_stack_save_progress:
 * @goal: a goal of the plan
 * @target: one of the goal's targets
 * @progress: the entry for its period and source; a copy is saved, and
 *   @progress itself is left as it is
 *
 * Saves @progress in place of the target's entry of the same period and
 * source (or as a new one), as one undo step: undo puts back the entry
 * there was, or deletes the new one.  Saving what is already there does
 * nothing.
 */
gboolean
vigia_undo_stack_save_progress (VigiaUndoStack  *self,
                                VigiaGoal       *goal,
                                VigiaTarget     *target,
                                VigiaProgress   *progress,
                                GError         **error)
{
  VigiaProgress *current;
  Op *op;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (VIGIA_IS_PROGRESS (progress), FALSE);
  g_return_val_if_fail (vigia_goal_get_target_position (goal, target, NULL), FALSE);
  g_return_val_if_fail (vigia_period_is_valid (vigia_progress_get_period (progress)), FALSE);
  g_return_val_if_fail (belongs_to_plan (self, G_OBJECT (goal)), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  current = vigia_target_find_progress (target, vigia_progress_get_period (progress),
                                        vigia_progress_get_source (progress));
  if (current != NULL && progress_equal (current, progress))
    return TRUE;

  op = op_new (OP_PUT_PROGRESS, goal, NULL);
  op->target = g_object_ref (target);
  op->before = current != NULL ? vigia_progress_copy (current) : NULL;
  op->after = vigia_progress_copy (progress);
  return do_op (self, op, error);
}

/**
 * vigia_undo_stack_delete_progress:
 * @goal: a goal of the plan
 * @target: one of the goal's targets
 *
 * Deletes the target's entry for @period and @source, as one undo step: undo
 * puts it back as it was.  With no such entry, does nothing.
 */
gboolean
vigia_undo_stack_delete_progress (VigiaUndoStack  *self,
                                  VigiaGoal       *goal,
                                  VigiaTarget     *target,
                                  const char      *period,
                                  VigiaSource      source,
                                  GError         **error)
{
  VigiaProgress *current;
  Op *op;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (belongs_to_plan (self, G_OBJECT (goal)), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  g_return_val_if_fail (vigia_goal_get_target_position (goal, target, NULL), FALSE);

  current = vigia_target_find_progress (target, period, source);
  if (current == NULL)
    return TRUE;

  op = op_new (OP_PUT_PROGRESS, goal, NULL);
  op->target = g_object_ref (target);
  op->before = vigia_progress_copy (current);
  return do_op (self, op, error);
}

static Op *
set_targets_op (VigiaGoal *goal,
                GPtrArray *targets)
{
  Op *op = op_new (OP_SET_TARGETS, goal, NULL);

  op->targets_before = g_ptr_array_new_with_free_func (g_object_unref);
  op->targets_after = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < vigia_goal_get_n_targets (goal); i++)
    g_ptr_array_add (op->targets_before, g_object_ref (vigia_goal_get_target (goal, i)));
  for (guint i = 0; i < targets->len; i++)
    g_ptr_array_add (op->targets_after, g_object_ref (g_ptr_array_index (targets, i)));
  return op;
}

/**
 * vigia_undo_stack_set_targets:
 * @goal: a goal of the plan
 * @targets: (element-type VigiaTarget): its targets as they are to be, one
 *   or more: the same ones reordered, some taken out (with their
 *   progress), new ones put in
 *
 * Gives @goal its new list of targets, as one undo step: what adding,
 * removing and reordering targets does.  Undo puts back the list there was,
 * the targets taken out with their progress.
 */
gboolean
vigia_undo_stack_set_targets (VigiaUndoStack  *self,
                              VigiaGoal       *goal,
                              GPtrArray       *targets,
                              GError         **error)
{
  guint n;
  gboolean same;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (targets != NULL && targets->len > 0, FALSE);
  g_return_val_if_fail (belongs_to_plan (self, G_OBJECT (goal)), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;

  n = vigia_goal_get_n_targets (goal);
  same = n == targets->len;
  for (guint i = 0; i < n && same; i++)
    same = vigia_goal_get_target (goal, i) == g_ptr_array_index (targets, i);
  if (same)
    return TRUE;

  return do_op (self, set_targets_op (goal, targets), error);
}

/**
 * vigia_undo_stack_split_goal:
 *
 * Splits a goal of several targets into a goal per target, as one step:
 * the goal keeps its first target, and after it come new goals with its
 * texts, each with one of the others, its uuid and its progress.
 *
 * Returns: %FALSE if the goal has one target, or the library could not save
 */
gboolean
vigia_undo_stack_split_goal (VigiaUndoStack  *self,
                             VigiaGoal       *goal,
                             GError         **error)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  VigiaDimension *dimension = NULL;
  guint position = 0;
  guint n;
  Op *group;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);

  n = vigia_goal_get_n_targets (goal);
  if (n < 2)
    return FALSE;
  if (!flush_before_action (self, error))
    return FALSE;
  if (!find_goal (self, goal, &dimension, &position))
    g_return_val_if_reached (FALSE);

  group = op_new (OP_GROUP, goal, dimension);
  group->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  g_ptr_array_add (first, vigia_goal_get_target (goal, 0));
  g_ptr_array_add (group->ops, set_targets_op (goal, first));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(VigiaGoal) part = vigia_goal_new ();
      g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
      Op *add;

      /* A copy: the goal's own target is kept for undo. */
      g_ptr_array_add (targets, vigia_target_copy (vigia_goal_get_target (goal, i)));
      vigia_goal_set_problem (part, vigia_goal_get_problem (goal));
      vigia_goal_set_objective (part, vigia_goal_get_objective (goal));
      vigia_goal_set_indicator (part, vigia_goal_get_indicator (goal));
      vigia_goal_set_weight (part, vigia_goal_get_weight (goal));
      vigia_goal_set_source_cells (part, vigia_goal_get_source_cells (goal));
      vigia_goal_set_targets (part, targets);
      add = op_new (OP_ADD_GOAL, part, dimension);
      add->to = position + i;
      g_ptr_array_add (group->ops, add);
    }
  return do_op (self, group, error);
}

/**
 * vigia_undo_stack_merge_goals:
 * @goal: a goal of the plan
 * @next: the goal after it in its dimension
 *
 * Makes @next's targets @goal's, after its own, and deletes @next, as one
 * step: what undoes a split, or joins two rows the plan split.
 */
gboolean
vigia_undo_stack_merge_goals (VigiaUndoStack  *self,
                              VigiaGoal       *goal,
                              VigiaGoal       *next,
                              GError         **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  VigiaDimension *dimension = NULL;
  VigiaDimension *next_dimension = NULL;
  guint position = 0;
  guint next_position = 0;
  Op *group;
  Op *delete;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (next), FALSE);

  if (!flush_before_action (self, error))
    return FALSE;
  if (!find_goal (self, goal, &dimension, &position) || !find_goal (self, next, &next_dimension, &next_position))
    g_return_val_if_reached (FALSE);
  g_return_val_if_fail (dimension == next_dimension && next_position == position + 1, FALSE);

  for (guint i = 0; i < vigia_goal_get_n_targets (goal); i++)
    g_ptr_array_add (targets, g_object_ref (vigia_goal_get_target (goal, i)));
  /* Copies: @next keeps its own for undo. */
  for (guint i = 0; i < vigia_goal_get_n_targets (next); i++)
    g_ptr_array_add (targets, vigia_target_copy (vigia_goal_get_target (next, i)));

  group = op_new (OP_GROUP, goal, dimension);
  group->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  /* @next's rows go first, so that its targets' uuids are free again. */
  delete = op_new (OP_DELETE_GOAL, next, dimension);
  delete->from = next_position;
  g_ptr_array_add (group->ops, delete);
  g_ptr_array_add (group->ops, set_targets_op (goal, targets));
  return do_op (self, group, error);
}

/**
 * vigia_undo_stack_get_can_undo:
 *
 * Returns: whether there is a step to undo, typing not saved yet included
 *   (undo saves it, then takes it back)
 */
gboolean
vigia_undo_stack_get_can_undo (VigiaUndoStack *self)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  return self->undo->len > 0 || self->pending->len > 0;
}

/**
 * vigia_undo_stack_get_can_redo:
 *
 * Returns: whether there is a step to redo; typing after an undo leaves none
 */
gboolean
vigia_undo_stack_get_can_redo (VigiaUndoStack *self)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  return self->redo->len > 0 && self->pending->len == 0;
}

/**
 * vigia_undo_stack_get_serial:
 *
 * Returns: a number that identifies the newest undo step (0 if there is
 *   none), so that an "Undo" offered for one change can check that it is
 *   still the one undo would revert
 */
guint
vigia_undo_stack_get_serial (VigiaUndoStack *self)
{
  Op *top;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), 0);

  top = top_op (self);
  return top != NULL ? top->serial : 0;
}

/**
 * vigia_undo_stack_undo:
 *
 * Reverts the newest step, saving the reversal (it is in the history like
 * any other change).  With nothing to undo, does nothing.
 */
gboolean
vigia_undo_stack_undo (VigiaUndoStack  *self,
                       GError         **error)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  return undo_or_redo (self, self->undo, self->redo, FALSE, error);
}

gboolean
vigia_undo_stack_redo (VigiaUndoStack  *self,
                       GError         **error)
{
  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);

  /* Typing after an undo starts a new branch: there is nothing to redo. */
  if (self->pending->len > 0)
    return vigia_undo_stack_flush (self, error);

  return undo_or_redo (self, self->redo, self->undo, TRUE, error);
}

/* ---------------------------------------------------------------------- */
/* Conflicts                                                              */
/* ---------------------------------------------------------------------- */

/**
 * vigia_undo_stack_take_conflicts:
 *
 * Returns: (transfer container) (element-type VigiaEditConflict): the
 *   changes refused as conflicts since the last call, oldest first, to make
 *   again with vigia_undo_stack_replay() on the plan read anew
 */
GPtrArray *
vigia_undo_stack_take_conflicts (VigiaUndoStack *self)
{
  GPtrArray *conflicts;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), NULL);

  conflicts = g_steal_pointer (&self->conflicts);
  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  return conflicts;
}

/* A value as a person reads it, for the question "yours or theirs". */
static char *
value_to_text (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  if (G_VALUE_HOLDS_DOUBLE (value))
    return vigia_number_format (g_value_get_double (value), 4);
  if (G_VALUE_HOLDS_ENUM (value))
    {
      GEnumClass *klass = g_type_class_peek (G_VALUE_TYPE (value));
      GEnumValue *nick = g_enum_get_value (klass, g_value_get_enum (value));

      return g_strdup (nick != NULL ? nick->value_nick : "");
    }
  return g_strdup_value_contents (value);
}

static char *
entry_to_text (VigiaProgress *entry)
{
  g_autofree char *value = NULL;

  if (entry == NULL)
    return g_strdup (_("no entry"));
  value = vigia_number_format (vigia_progress_get_value (entry), 4);
  /* Translators: a progress entry: its value and status, "140, In progress" */
  return g_strdup_printf (_("%s, %s"), value, vigia_status_get_label (vigia_progress_get_status (entry)));
}

static gboolean
entries_equal (VigiaProgress *a,
               VigiaProgress *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return progress_equal (a, b);
}

/* Says who saved the item's version the library holds, and when. */
static void
set_theirs (VigiaEditConflict *conflict,
            const VigiaStamp  *stamp)
{
  g_clear_pointer (&conflict->author, g_free);
  g_clear_pointer (&conflict->time, g_free);
  if (stamp == NULL)
    return;
  if (stamp->edited_by != NULL && *stamp->edited_by != '\0')
    conflict->author = g_strdup (stamp->edited_by);
  conflict->time = vigia_stamp_dup_time_label (stamp->edited, TRUE);
}

static gboolean
replay_fields (VigiaUndoStack     *self,
               VigiaEditConflict  *conflict,
               GObject            *object,
               gboolean            keep_mine,
               GError            **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  gboolean ok = TRUE;

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  conflict->needs_choice = FALSE;
  g_clear_pointer (&conflict->mine_text, g_free);
  g_clear_pointer (&conflict->theirs_text, g_free);

  for (guint i = 0; i < conflict->n_values; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), conflict->names[i]);
      g_auto(GValue) theirs = G_VALUE_INIT;
      GValue *mine = &conflict->mine[i];

      g_return_val_if_fail (pspec != NULL, FALSE);
      g_value_init (&theirs, pspec->value_type);
      g_object_get_property (object, conflict->names[i], &theirs);

      if (values_equal (pspec, &theirs, mine))
        continue;
      /* Both desks changed it, to different values: a person chooses. */
      if (!values_equal (pspec, &theirs, &conflict->base[i]))
        {
          if (conflict->mine_text == NULL)
            {
              conflict->mine_text = value_to_text (mine);
              conflict->theirs_text = value_to_text (&theirs);
            }
          if (!keep_mine)
            {
              conflict->needs_choice = TRUE;
              continue;
            }
        }

      g_ptr_array_add (names, conflict->names[i]);
      g_array_set_size (values, values->len + 1);
      g_value_init (&g_array_index (values, GValue, values->len - 1), G_VALUE_TYPE (mine));
      g_value_copy (mine, &g_array_index (values, GValue, values->len - 1));
    }

  if (names->len > 0)
    ok = set_internal (self, object, names->len, (const char **) names->pdata,
                       (const GValue *) (gpointer) values->data, FALSE, error);
  return ok;
}

static gboolean
replay_progress (VigiaUndoStack     *self,
                 VigiaEditConflict  *conflict,
                 VigiaGoal          *goal,
                 VigiaTarget        *target,
                 gboolean            keep_mine,
                 GError            **error)
{
  VigiaProgress *theirs = vigia_target_find_progress (target, conflict->period, conflict->source);

  conflict->needs_choice = FALSE;
  g_clear_pointer (&conflict->mine_text, g_free);
  g_clear_pointer (&conflict->theirs_text, g_free);
  if (theirs != NULL)
    set_theirs (conflict, vigia_progress_get_stamp (theirs));

  if (entries_equal (theirs, conflict->mine_entry))
    return TRUE;
  if (!entries_equal (theirs, conflict->base_entry))
    {
      conflict->mine_text = entry_to_text (conflict->mine_entry);
      conflict->theirs_text = entry_to_text (theirs);
      if (!keep_mine)
        {
          conflict->needs_choice = TRUE;
          return TRUE;
        }
    }

  if (conflict->mine_entry != NULL)
    return vigia_undo_stack_save_progress (self, goal, target, conflict->mine_entry, error);
  return vigia_undo_stack_delete_progress (self, goal, target, conflict->period, conflict->source, error);
}

/**
 * vigia_undo_stack_replay:
 * @conflict: a change this stack's library refused, taken from the stack
 *   of the plan as it was read before
 * @keep_mine: whether to make the change also where the other desk changed
 *   the same field to something else
 *
 * Makes a refused change again on the plan as the library holds it now, as
 * an undo step: each field the other desk left as it was takes this desk's
 * value; a field both changed keeps the other desk's value unless
 * @keep_mine, and vigia_edit_conflict_needs_choice() says so.  Fills in the
 * conflict's words: who saved the other version and when, and both values.
 * A change whose item is gone, or of a kind not made again, is left out:
 * vigia_edit_conflict_is_lost().
 */
gboolean
vigia_undo_stack_replay (VigiaUndoStack     *self,
                         VigiaEditConflict  *conflict,
                         gboolean            keep_mine,
                         GError            **error)
{
  VigiaGoal *goal = NULL;
  VigiaTarget *target = NULL;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_EDIT_CONFLICT (conflict), FALSE);

  if (conflict->goal_uuid != NULL && g_strcmp0 (conflict->plan_uuid, vigia_plan_get_uuid (self->plan)) == 0)
    vigia_plan_find_goal (self->plan, conflict->goal_uuid, &goal);
  if (goal != NULL && conflict->target_uuid != NULL)
    target = vigia_goal_find_target (goal, conflict->target_uuid);

  g_clear_pointer (&conflict->item, g_free);
  if (goal == NULL)
    conflict->item = g_strdup (_("the plan"));
  else if (conflict->kind == VIGIA_EDIT_CONFLICT_PROGRESS)
    {
      g_autofree char *period = vigia_period_dup_label (conflict->period);

      /* Translators: "the progress of goal 2 in the 1st half of 2024" */
      conflict->item = g_strdup_printf (_("the progress of goal %u in %s"), vigia_goal_get_number (goal),
                                        period);
    }
  else
    /* Translators: "goal 2", as in "Ana changed goal 2 on …" */
    conflict->item = g_strdup_printf (_("goal %u"), vigia_goal_get_number (goal));

  conflict->lost = g_strcmp0 (conflict->plan_uuid, vigia_plan_get_uuid (self->plan)) != 0 ||
                   (conflict->goal_uuid != NULL && goal == NULL) ||
                   (conflict->target_uuid != NULL && target == NULL) ||
                   conflict->kind == VIGIA_EDIT_CONFLICT_OTHER;
  if (conflict->lost)
    {
      conflict->needs_choice = FALSE;
      set_theirs (conflict, goal != NULL ? vigia_goal_get_stamp (goal) : vigia_plan_get_stamp (self->plan));
      return TRUE;
    }

  if (conflict->kind == VIGIA_EDIT_CONFLICT_PROGRESS)
    return replay_progress (self, conflict, goal, target, keep_mine, error);

  if (target != NULL)
    {
      set_theirs (conflict, vigia_target_get_stamp (target));
      return replay_fields (self, conflict, G_OBJECT (target), keep_mine, error);
    }
  if (goal != NULL)
    {
      set_theirs (conflict, vigia_goal_get_stamp (goal));
      return replay_fields (self, conflict, G_OBJECT (goal), keep_mine, error);
    }
  set_theirs (conflict, vigia_plan_get_stamp (self->plan));
  return replay_fields (self, conflict, G_OBJECT (self->plan), keep_mine, error);
}
