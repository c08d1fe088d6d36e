/* vigia-library-merge.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * VigiaLibrary, merging: a plan of an exchange document that the library
 * already holds is merged into it item by item, never put in its place, so
 * that what two desks recorded apart is all kept (docs/merge.md).  The merge
 * is made on a copy of the stored plan, which is then written whole in the
 * caller's transaction; every item taken, every conflict and every deletion
 * is a row of the history, under the name of whoever made it.
 */
#define G_LOG_DOMAIN "vigia-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-json-writer.h"
#include "vigia-library-private.h"
#include "vigia-period.h"
#include "vigia-utils.h"

/* What a merge compares of a goal: its number follows its position, which
 * the receiving library keeps. */
static const char * const goal_merge_fields[] = {
  "problem", "objective", "indicator", "weight", NULL
};

typedef enum {
  MERGE_SAME,           /* the same content */
  MERGE_STALE,          /* the document's version is one the library already took in */
  MERGE_TAKE,           /* the document's version follows the library's */
  MERGE_CONFLICT_TAKE,  /* both changed since they last exchanged it; the document's is later */
  MERGE_CONFLICT_KEEP,  /* both changed; the library's is later */
} MergeDecision;

typedef struct
{
  VigiaLibrary      *self;
  const char        *now;
  VigiaPlan         *plan;      /* the library's plan, being merged into */
  GHashTable        *local_deleted;   /* uuid → VigiaDeletion of the library */
  GHashTable        *remote_deleted;  /* uuid → VigiaDeletion of the document */
  GHashTable        *remote_uuids;    /* the goals and targets the document has */
  VigiaMergeSummary *summary;
  gboolean           dirty;     /* something is to be written */
} Merge;

/* ---------------------------------------------------------------------- */
/* The summary                                                            */
/* ---------------------------------------------------------------------- */

static void
vigia_conflict_free (VigiaConflict *conflict)
{
  g_free (conflict->entity);
  g_free (conflict->label);
  g_free (conflict->kept_by);
  g_free (conflict->kept_at);
  g_free (conflict->other_by);
  g_free (conflict->other_at);
  g_free (conflict);
}

VigiaMergeSummary *
vigia_merge_summary_new (void)
{
  VigiaMergeSummary *summary = g_new0 (VigiaMergeSummary, 1);

  summary->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_conflict_free);
  return summary;
}

void
vigia_merge_summary_free (VigiaMergeSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->conflicts);
  g_free (summary);
}

/* Whether the merge changed anything of the library's plan. */
gboolean
vigia_merge_summary_changed (const VigiaMergeSummary *summary)
{
  return summary->n_updated + summary->n_goals_added + summary->n_targets_added + summary->n_entries_added +
         summary->n_entries_updated + summary->n_deleted + summary->n_restored + summary->conflicts->len > 0;
}

/* ---------------------------------------------------------------------- */
/* Deciding                                                               */
/* ---------------------------------------------------------------------- */

static const char *
later (const char *a,
       const char *b)
{
  return vigia_stamp_compare (a, b) >= 0 ? a : b;
}

/* Whether the library's version has changes the other desks have not seen:
 * edited after the newest version it took in. */
static gboolean
changed_here (const VigiaStamp *local)
{
  return local->edited != NULL && vigia_stamp_compare (local->edited, local->merged) > 0;
}

static MergeDecision
decide (const VigiaStamp *local,
        const VigiaStamp *remote,
        gboolean          equal)
{
  if (equal)
    return MERGE_SAME;
  if (remote->edited != NULL && vigia_stamp_compare (remote->edited, local->merged) <= 0)
    return MERGE_STALE;
  if (!changed_here (local) ||
      (local->edited != NULL && vigia_stamp_compare (local->edited, remote->merged) <= 0))
    return MERGE_TAKE;
  return vigia_stamp_compare (remote->edited, local->edited) > 0 ? MERGE_CONFLICT_TAKE : MERGE_CONFLICT_KEEP;
}

static char *
field_text (GObject    *object,
            const char *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get_property (object, field, &value);
  return _vigia_library_value_to_text (&value);
}

static gboolean
field_equal (GObject    *a,
             GObject    *b,
             const char *field)
{
  g_autofree char *text_a = field_text (a, field);
  g_autofree char *text_b = field_text (b, field);

  return g_strcmp0 (text_a, text_b) == 0;
}

/* The newest edit of a target, its own or of one of its entries. */
static const char *
target_last_change (VigiaTarget *target)
{
  GListModel *progress = vigia_target_get_progress (target);
  guint n = g_list_model_get_n_items (progress);
  const char *last = vigia_target_get_stamp (target)->edited;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, i);

      last = later (last, vigia_progress_get_stamp (entry)->edited);
    }
  return last;
}

static const char *
goal_last_change (VigiaGoal *goal)
{
  guint n = vigia_goal_get_n_targets (goal);
  const char *last = vigia_goal_get_stamp (goal)->edited;

  for (guint i = 0; i < n; i++)
    last = later (last, target_last_change (vigia_goal_get_target (goal, i)));
  return last;
}

/* Whether a deletion on one side stands against the item on the other: it
 * was made after the item last changed there. */
static gboolean
deletion_stands (VigiaDeletion *deletion,
                 const char    *last_change)
{
  return deletion != NULL && vigia_stamp_compare (deletion->deleted, last_change) > 0;
}

/* ---------------------------------------------------------------------- */
/* Merging one item                                                       */
/* ---------------------------------------------------------------------- */

typedef struct
{
  const char         *entity;
  const char * const *fields;
  const char * const *names;       /* as history records them, or NULL for @fields */
  const char         *goal_uuid;
  const char         *target_uuid;
  const char         *scope;
  /* Where the item is, to name it in a conflict (only then: a merge
   * compares millions of entries) */
  VigiaDimension     *dimension;
  VigiaGoal          *goal;
  VigiaTarget        *target;
  VigiaProgress      *entry;
} ItemKind;

static char *item_label (const ItemKind *kind);

static gboolean
insert_rows (Merge          *m,
             const ItemKind *kind,
             const char     *action,
             GObject        *old_object,
             GObject        *new_object,
             const char     *author,
             gint64         *first_id,
             GError        **error)
{
  m->self->writing_as = author;
  for (guint i = 0; kind->fields[i] != NULL; i++)
    {
      g_autofree char *old_text = field_text (old_object, kind->fields[i]);
      g_autofree char *new_text = field_text (new_object, kind->fields[i]);

      if (g_strcmp0 (old_text, new_text) == 0)
        continue;
      if (!_vigia_library_insert_target_history (m->self, m->now, vigia_plan_get_uuid (m->plan), kind->goal_uuid,
                                                 kind->target_uuid, kind->entity, action, kind->scope,
                                                 kind->names != NULL ? kind->names[i] : kind->fields[i],
                                                 old_text, new_text, error))
        {
          m->self->writing_as = NULL;
          return FALSE;
        }
      if (first_id != NULL && *first_id == 0)
        *first_id = m->self->last_history_id;
    }
  m->self->writing_as = NULL;
  return TRUE;
}

/* Merges the document's version @remote of an item into the library's
 * @local.  *@taken says whether @local now has the document's version. */
static gboolean
merge_item (Merge           *m,
            const ItemKind  *kind,
            GObject         *local,
            VigiaStamp      *local_stamp,
            GObject         *remote,
            const VigiaStamp *remote_stamp,
            gboolean        *taken,
            GError         **error)
{
  g_autofree char *merged = NULL;
  gboolean equal = TRUE;
  MergeDecision decision;

  *taken = FALSE;
  /* Only named by a package of changes, to hold what changed in it. */
  if (remote_stamp->reference)
    return TRUE;

  for (guint i = 0; kind->fields[i] != NULL && equal; i++)
    equal = field_equal (local, remote, kind->fields[i]);
  decision = decide (local_stamp, remote_stamp, equal);
  merged = g_strdup (later (local_stamp->merged, remote_stamp->edited));

  if (decision == MERGE_CONFLICT_TAKE || decision == MERGE_CONFLICT_KEEP)
    {
      gboolean take = decision == MERGE_CONFLICT_TAKE;
      const VigiaStamp *kept = take ? remote_stamp : local_stamp;
      const VigiaStamp *other = take ? local_stamp : remote_stamp;
      VigiaConflict *conflict = g_new0 (VigiaConflict, 1);

      conflict->entity = g_strdup (kind->entity);
      conflict->label = item_label (kind);
      conflict->kept_by = g_strdup (kept->edited_by);
      conflict->kept_at = g_strdup (kept->edited);
      conflict->other_by = g_strdup (other->edited_by);
      conflict->other_at = g_strdup (other->edited);
      g_ptr_array_add (m->summary->conflicts, conflict);

      /* The version set aside is kept as "old", the one kept as "new". */
      if (!insert_rows (m, kind, "conflict", take ? local : remote, take ? remote : local, other->edited_by,
                        &conflict->history_id, error))
        return FALSE;
    }

  if (decision == MERGE_TAKE || decision == MERGE_CONFLICT_TAKE)
    {
      if (!insert_rows (m, kind, "update", local, remote, remote_stamp->edited_by, NULL, error))
        return FALSE;
      for (guint i = 0; kind->fields[i] != NULL; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_object_get_property (remote, kind->fields[i], &value);
          g_object_set_property (local, kind->fields[i], &value);
        }
      vigia_stamp_set (local_stamp, remote_stamp->edited, remote_stamp->edited_by, merged);
      *taken = TRUE;
      m->dirty = TRUE;
      return TRUE;
    }

  if (g_strcmp0 (merged, local_stamp->merged) != 0)
    {
      vigia_stamp_set (local_stamp, local_stamp->edited, local_stamp->edited_by, merged);
      m->dirty = TRUE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Labels                                                                 */
/* ---------------------------------------------------------------------- */

static char *
goal_label (VigiaDimension *dimension,
            VigiaGoal      *goal)
{
  g_autofree char *name = vigia_dimension_dup_name (dimension);

  /* TRANSLATORS: a goal, named in a list of conflicts: "Social, goal 2" */
  return g_strdup_printf (_("%s, goal %u"), name, vigia_goal_get_number (goal));
}

static char *
target_label (VigiaDimension *dimension,
              VigiaGoal      *goal,
              VigiaTarget    *target)
{
  g_autofree char *name = vigia_dimension_dup_name (dimension);
  guint position = 0;

  vigia_goal_get_target_position (goal, target, &position);
  if (vigia_goal_get_n_targets (goal) == 1)
    return goal_label (dimension, goal);
  /* TRANSLATORS: a target, named in a list of conflicts: "Social, goal 2, target 1" */
  return g_strdup_printf (_("%s, goal %u, target %u"), name, vigia_goal_get_number (goal), position + 1);
}

static char *
entry_label (VigiaDimension *dimension,
             VigiaGoal      *goal,
             VigiaTarget    *target,
             VigiaProgress  *entry)
{
  g_autofree char *item = target_label (dimension, goal, target);
  g_autofree char *period = vigia_period_dup_label (vigia_progress_get_period (entry));

  /* TRANSLATORS: a progress entry, named in a list of conflicts:
   * "Social, goal 2: first half of 2024, observer" */
  return g_strdup_printf (_("%s: %s, %s"), item, period,
                          vigia_source_get_label (vigia_progress_get_source (entry)));
}

static char *
item_label (const ItemKind *kind)
{
  if (kind->entry != NULL)
    return entry_label (kind->dimension, kind->goal, kind->target, kind->entry);
  if (kind->target != NULL)
    return target_label (kind->dimension, kind->goal, kind->target);
  if (kind->goal != NULL)
    return goal_label (kind->dimension, kind->goal);
  return g_strdup (_("The plan’s own fields"));
}

/* ---------------------------------------------------------------------- */
/* Merging goals, targets and entries                                     */
/* ---------------------------------------------------------------------- */

/* The items of the document stay the document's: what is added to the
 * library is a copy, stamped as taken in. */
static void
mark_target_taken_in (VigiaTarget *target)
{
  GListModel *progress = vigia_target_get_progress (target);
  guint n = g_list_model_get_n_items (progress);

  vigia_stamp_mark_merged (vigia_target_get_stamp (target));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, i);

      vigia_stamp_mark_merged (vigia_progress_get_stamp (entry));
    }
}

static guint
count_entries (VigiaGoal *goal)
{
  guint n = 0;

  for (guint i = 0; i < vigia_goal_get_n_targets (goal); i++)
    n += g_list_model_get_n_items (vigia_target_get_progress (vigia_goal_get_target (goal, i)));
  return n;
}

/* Where an item the library does not have goes among @local's items: after
 * the nearest item before it in the document that the library has, and
 * after the items added at the same place on the library's side whose
 * uuids sort first, so that two libraries merging each other's additions
 * end with the same order. */
static guint
insert_position (GListModel  *local,
                 GListModel  *remote,
                 guint        remote_position,
                 const char *(*get_uuid) (gpointer item),
                 GHashTable  *remote_uuids)
{
  guint n = g_list_model_get_n_items (local);
  guint position = 0;
  const char *uuid;
  g_autoptr(GObject) item = g_list_model_get_item (remote, remote_position);

  uuid = get_uuid (item);
  for (guint r = remote_position; r-- > 0 && position == 0;)
    {
      g_autoptr(GObject) before = g_list_model_get_item (remote, r);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) here = g_list_model_get_item (local, i);

          if (g_strcmp0 (get_uuid (here), get_uuid (before)) == 0)
            {
              position = i + 1;
              break;
            }
        }
    }
  for (; position < n; position++)
    {
      g_autoptr(GObject) here = g_list_model_get_item (local, position);

      if (g_hash_table_contains (remote_uuids, get_uuid (here)) || g_strcmp0 (get_uuid (here), uuid) > 0)
        break;
    }
  return position;
}

static const char *
goal_uuid (gpointer goal)
{
  return vigia_goal_get_uuid (goal);
}

static const char *
target_uuid (gpointer target)
{
  return vigia_target_get_uuid (target);
}

static gboolean
item_missing_error (VigiaPlan  *plan,
                    GError    **error)
{
  g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE,
               _("The package of changes speaks of an item of “%s” that this library does not have: "
                 "import the whole plan first."),
               vigia_plan_get_organization (plan));
  return FALSE;
}

static gboolean
merge_entries (Merge          *m,
               VigiaDimension *dimension,
               VigiaGoal      *goal,
               VigiaTarget    *local,
               VigiaTarget    *remote,
               GError        **error)
{
  GListModel *progress = vigia_target_get_progress (remote);
  guint n = g_list_model_get_n_items (progress);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) theirs = g_list_model_get_item (progress, i);
      VigiaProgress *ours = vigia_target_find_progress (local, vigia_progress_get_period (theirs),
                                                        vigia_progress_get_source (theirs));
      g_autofree char *scope = g_strdup_printf ("%s/%s", vigia_progress_get_period (theirs),
                                                vigia_enum_to_nick (VIGIA_TYPE_SOURCE,
                                                                    vigia_progress_get_source (theirs)));
      ItemKind kind = { "progress", _vigia_progress_history_fields, NULL, vigia_goal_get_uuid (goal),
                        vigia_target_get_uuid (local), scope, dimension, goal, local, ours };
      gboolean taken;

      if (ours == NULL)
        {
          g_autoptr(VigiaProgress) copy = vigia_progress_copy (theirs);
          g_autofree char *value = NULL;
          g_auto(GValue) number = G_VALUE_INIT;

          vigia_progress_set_id (copy, 0);
          vigia_stamp_mark_merged (vigia_progress_get_stamp (copy));
          vigia_target_put_progress (local, copy);
          g_value_init (&number, G_TYPE_DOUBLE);
          g_value_set_double (&number, vigia_progress_get_value (copy));
          value = _vigia_library_value_to_text (&number);
          m->self->writing_as = vigia_progress_get_stamp (copy)->edited_by;
          if (!_vigia_library_insert_target_history (m->self, m->now, vigia_plan_get_uuid (m->plan),
                                                     vigia_goal_get_uuid (goal), vigia_target_get_uuid (local),
                                                     "progress", "create", scope, "value", NULL, value, error))
            {
              m->self->writing_as = NULL;
              return FALSE;
            }
          m->self->writing_as = NULL;
          m->summary->n_entries_added++;
          m->dirty = TRUE;
          continue;
        }

      if (!merge_item (m, &kind, G_OBJECT (ours), vigia_progress_get_stamp (ours), G_OBJECT (theirs),
                       vigia_progress_get_stamp (theirs), &taken, error))
        return FALSE;
      if (taken)
        m->summary->n_entries_updated++;
    }
  return TRUE;
}

static gboolean
delete_item (Merge         *m,
             VigiaDeletion *deletion,
             const char    *goal_uuid_of,
             const char    *document,
             GError       **error)
{
  gboolean ok;

  m->self->writing_as = deletion->deleted_by;
  ok = _vigia_library_insert_target_history (m->self, m->now, vigia_plan_get_uuid (m->plan), goal_uuid_of,
                                             g_strcmp0 (deletion->entity, "target") == 0 ? deletion->uuid : NULL,
                                             deletion->entity, "delete", NULL,
                                             g_strcmp0 (deletion->entity, "target") == 0 ? "target-text" : NULL,
                                             document, NULL, error);
  m->self->writing_as = NULL;
  m->summary->n_deleted++;
  m->dirty = TRUE;
  return ok;
}

static gboolean
add_item (Merge         *m,
          const char    *entity,
          const char    *goal_uuid_of,
          const char    *target_uuid_of,
          const char    *author,
          VigiaDeletion *deleted_here,
          GError       **error)
{
  gboolean ok;

  m->self->writing_as = author;
  ok = _vigia_library_insert_target_history (m->self, m->now, vigia_plan_get_uuid (m->plan), goal_uuid_of,
                                             target_uuid_of, entity, "create", NULL, NULL, NULL, NULL, error);
  m->self->writing_as = NULL;
  if (deleted_here != NULL)
    m->summary->n_restored++;
  m->dirty = TRUE;
  return ok;
}

static gboolean
merge_targets (Merge          *m,
               VigiaDimension *dimension,
               VigiaGoal      *local,
               VigiaGoal      *remote,
               GError        **error)
{
  guint n = vigia_goal_get_n_targets (remote);

  for (guint i = 0; i < n; i++)
    {
      VigiaTarget *theirs = vigia_goal_get_target (remote, i);
      VigiaTarget *ours = vigia_goal_find_target (local, vigia_target_get_uuid (theirs));
      ItemKind kind = { "target", _vigia_target_history_fields, _vigia_target_history_names,
                        vigia_goal_get_uuid (local), vigia_target_get_uuid (theirs), NULL,
                        dimension, local, ours, NULL };
      gboolean taken;

      if (ours == NULL)
        {
          VigiaDeletion *deleted = g_hash_table_lookup (m->local_deleted, vigia_target_get_uuid (theirs));
          g_autoptr(VigiaTarget) copy = NULL;
          guint position;

          if (deletion_stands (deleted, target_last_change (theirs)))
            continue;
          if (vigia_target_get_stamp (theirs)->reference)
            return item_missing_error (m->plan, error);

          position = insert_position (vigia_goal_get_targets (local), vigia_goal_get_targets (remote), i,
                                      target_uuid, m->remote_uuids);
          copy = vigia_target_copy (theirs);
          vigia_target_set_id (copy, 0);
          mark_target_taken_in (copy);
          vigia_goal_insert_target (local, position, copy);
          if (!add_item (m, "target", vigia_goal_get_uuid (local), vigia_target_get_uuid (copy),
                         vigia_target_get_stamp (copy)->edited_by, deleted, error))
            return FALSE;
          if (deleted == NULL)
            m->summary->n_targets_added++;
          m->summary->n_entries_added += g_list_model_get_n_items (vigia_target_get_progress (copy));
          continue;
        }

      if (!merge_item (m, &kind, G_OBJECT (ours), vigia_target_get_stamp (ours), G_OBJECT (theirs),
                       vigia_target_get_stamp (theirs), &taken, error) ||
          !merge_entries (m, dimension, local, ours, theirs, error))
        return FALSE;
      if (taken)
        m->summary->n_updated++;
    }

  /* Targets the document deleted after they last changed here. */
  for (guint i = vigia_goal_get_n_targets (local); i-- > 0;)
    {
      VigiaTarget *ours = vigia_goal_get_target (local, i);
      VigiaDeletion *deleted = g_hash_table_lookup (m->remote_deleted, vigia_target_get_uuid (ours));

      if (deleted == NULL || vigia_goal_find_target (remote, vigia_target_get_uuid (ours)) != NULL)
        continue;
      if (!deletion_stands (deleted, target_last_change (ours)))
        {
          m->summary->n_restored++;
          continue;
        }
      if (vigia_goal_get_n_targets (local) == 1)
        continue;
      if (!delete_item (m, deleted, vigia_goal_get_uuid (local), vigia_target_get_text (ours), error))
        return FALSE;
      vigia_goal_remove_target (local, ours);
    }
  return TRUE;
}

static gboolean
merge_goal (Merge          *m,
            VigiaDimension *dimension,
            VigiaGoal      *local,
            VigiaGoal      *remote,
            GError        **error)
{
  ItemKind kind = { "goal", goal_merge_fields, NULL, vigia_goal_get_uuid (local), NULL, NULL,
                    dimension, local, NULL, NULL };
  gboolean taken;

  if (!merge_item (m, &kind, G_OBJECT (local), vigia_goal_get_stamp (local), G_OBJECT (remote),
                   vigia_goal_get_stamp (remote), &taken, error))
    return FALSE;
  if (taken)
    m->summary->n_updated++;
  return merge_targets (m, dimension, local, remote, error);
}

/* The library's dimension that matches the document's @index-th: the same
 * kind, and as many of that kind before it.  Dimensions have no uuid. */
static VigiaDimension *
match_dimension (Merge      *m,
                 VigiaPlan  *remote,
                 guint       index,
                 GError    **error)
{
  VigiaDimension *theirs = vigia_plan_get_dimension (remote, index);
  VigiaDimensionKind kind = vigia_dimension_get_kind (theirs);
  g_autoptr(VigiaDimension) added = NULL;
  guint occurrence = 0;
  guint n = vigia_plan_get_n_dimensions (m->plan);

  for (guint i = 0; i < index; i++)
    if (vigia_dimension_get_kind (vigia_plan_get_dimension (remote, i)) == kind)
      occurrence++;
  for (guint i = 0; i < n; i++)
    {
      VigiaDimension *ours = vigia_plan_get_dimension (m->plan, i);

      if (vigia_dimension_get_kind (ours) == kind && occurrence-- == 0)
        return ours;
    }

  added = vigia_dimension_new (kind, vigia_dimension_get_title (theirs));
  vigia_plan_append_dimension (m->plan, added);
  m->dirty = TRUE;
  if (!_vigia_library_insert_history (m->self, m->now, vigia_plan_get_uuid (m->plan), NULL, "dimension", "create",
                                      NULL, "title", NULL, vigia_dimension_get_title (added), error))
    return NULL;
  return added;
}

static gboolean
find_goal (VigiaPlan       *plan,
           const char      *uuid,
           VigiaDimension **dimension,
           VigiaGoal      **goal)
{
  guint n = vigia_plan_get_n_dimensions (plan);

  for (guint i = 0; i < n; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint k = 0; k < n_goals; k++)
        if (g_strcmp0 (vigia_goal_get_uuid (vigia_dimension_get_goal (dim, k)), uuid) == 0)
          {
            *dimension = dim;
            *goal = vigia_dimension_get_goal (dim, k);
            return TRUE;
          }
    }
  return FALSE;
}

static gboolean
merge_goals (Merge      *m,
             VigiaPlan  *remote,
             GError    **error)
{
  guint n_dims = vigia_plan_get_n_dimensions (remote);

  for (guint d = 0; d < n_dims; d++)
    {
      VigiaDimension *theirs = vigia_plan_get_dimension (remote, d);
      VigiaDimension *ours = NULL;
      guint n_goals = vigia_dimension_get_n_goals (theirs);

      if (n_goals > 0 && (ours = match_dimension (m, remote, d, error)) == NULL)
        return FALSE;
      for (guint k = 0; k < n_goals; k++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (theirs, k);
          VigiaDimension *where = NULL;
          VigiaGoal *found = NULL;
          VigiaDeletion *deleted;
          g_autoptr(VigiaGoal) copy = NULL;
          guint position;

          if (find_goal (m->plan, vigia_goal_get_uuid (goal), &where, &found))
            {
              if (!merge_goal (m, where, found, goal, error))
                return FALSE;
              continue;
            }

          deleted = g_hash_table_lookup (m->local_deleted, vigia_goal_get_uuid (goal));
          if (deletion_stands (deleted, goal_last_change (goal)))
            continue;
          if (vigia_goal_get_stamp (goal)->reference)
            return item_missing_error (m->plan, error);

          position = insert_position (vigia_dimension_get_goals (ours), vigia_dimension_get_goals (theirs), k,
                                      goal_uuid, m->remote_uuids);
          copy = vigia_goal_copy (goal);
          vigia_goal_set_id (copy, 0);
          vigia_stamp_mark_merged (vigia_goal_get_stamp (copy));
          for (guint t = 0; t < vigia_goal_get_n_targets (copy); t++)
            {
              vigia_target_set_id (vigia_goal_get_target (copy, t), 0);
              mark_target_taken_in (vigia_goal_get_target (copy, t));
            }
          vigia_dimension_insert_goal (ours, position, copy);
          if (!add_item (m, "goal", vigia_goal_get_uuid (copy), NULL, vigia_goal_get_stamp (copy)->edited_by,
                         deleted, error))
            return FALSE;
          if (deleted == NULL)
            m->summary->n_goals_added++;
          m->summary->n_entries_added += count_entries (copy);
        }
    }
  return TRUE;
}

/* Goals of the library that the document deleted after they last changed
 * here go; the others stay, and come back to the other side. */
static gboolean
apply_remote_deletions (Merge      *m,
                        VigiaPlan  *remote,
                        GError    **error)
{
  guint n_dims = vigia_plan_get_n_dimensions (m->plan);

  for (guint d = 0; d < n_dims; d++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (m->plan, d);

      for (guint k = vigia_dimension_get_n_goals (dim); k-- > 0;)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, k);
          VigiaDeletion *deleted = g_hash_table_lookup (m->remote_deleted, vigia_goal_get_uuid (goal));
          VigiaDimension *where;
          VigiaGoal *found;
          g_autofree char *document = NULL;

          if (deleted == NULL || find_goal (remote, vigia_goal_get_uuid (goal), &where, &found))
            continue;
          if (!deletion_stands (deleted, goal_last_change (goal)))
            {
              m->summary->n_restored++;
              m->dirty = TRUE;
              continue;
            }
          document = vigia_json_writer_goal_to_string (goal);
          if (!delete_item (m, deleted, vigia_goal_get_uuid (goal), document, error))
            return FALSE;
          vigia_dimension_remove_goal (dim, goal, NULL);
        }
    }
  return TRUE;
}

/* The document's deletions of items the library does not have (any more)
 * are kept, so that they travel on to the next library. */
static gboolean
record_remote_deletions (Merge      *m,
                         VigiaPlan  *remote,
                         GError    **error)
{
  GPtrArray *deletions = vigia_plan_get_deletions (remote);

  for (guint i = 0; i < deletions->len; i++)
    {
      VigiaDeletion *deletion = g_ptr_array_index (deletions, i);
      VigiaDimension *where;
      VigiaGoal *found;
      gboolean present = FALSE;

      if (g_strcmp0 (deletion->entity, "goal") == 0)
        present = find_goal (m->plan, deletion->uuid, &where, &found);
      else if (deletion->goal_uuid != NULL && find_goal (m->plan, deletion->goal_uuid, &where, &found))
        present = vigia_goal_find_target (found, deletion->uuid) != NULL;
      if (present)
        continue;
      if (!_vigia_library_record_deletion (m->self, vigia_plan_get_uuid (m->plan), deletion->goal_uuid,
                                           deletion->uuid, deletion->entity, deletion->deleted,
                                           deletion->deleted_by, error))
        return FALSE;
    }
  return TRUE;
}

static void
renumber (VigiaPlan *plan)
{
  for (guint d = 0; d < vigia_plan_get_n_dimensions (plan); d++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, d);

      for (guint k = 0; k < vigia_dimension_get_n_goals (dim); k++)
        vigia_goal_set_number (vigia_dimension_get_goal (dim, k), k + 1);
    }
}

static GHashTable *
deletions_by_uuid (VigiaPlan *plan)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *deletions = vigia_plan_get_deletions (plan);

  for (guint i = 0; i < deletions->len; i++)
    {
      VigiaDeletion *deletion = g_ptr_array_index (deletions, i);

      g_hash_table_insert (table, deletion->uuid, deletion);
    }
  return table;
}

static GHashTable *
uuids_of (VigiaPlan *plan)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint d = 0; d < vigia_plan_get_n_dimensions (plan); d++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, d);

      for (guint k = 0; k < vigia_dimension_get_n_goals (dim); k++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, k);

          g_hash_table_add (table, (gpointer) vigia_goal_get_uuid (goal));
          for (guint t = 0; t < vigia_goal_get_n_targets (goal); t++)
            g_hash_table_add (table, (gpointer) vigia_target_get_uuid (vigia_goal_get_target (goal, t)));
        }
    }
  return table;
}

/**
 * vigia_library_merge_plan:
 * @plan_id: the library's plan with @remote's uuid
 * @remote: the plan as an exchange document has it; not changed
 * @summary: (out) (transfer full) (optional): what the merge did
 *
 * Merges @remote into the library's plan item by item (docs/merge.md):
 * what only one side has is kept, what both changed is settled by the later
 * edit, and the version set aside goes to the history as a conflict, from
 * where vigia_library_restore_conflict() puts it back.  Nothing is
 * written when there is nothing to merge.  One transaction, or a savepoint
 * of the caller's.
 */
gboolean
vigia_library_merge_plan (VigiaLibrary       *self,
                          gint64              plan_id,
                          VigiaPlan          *remote,
                          VigiaMergeSummary **summary,
                          GError            **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(VigiaMergeSummary) result = vigia_merge_summary_new ();
  g_autoptr(GHashTable) local_deleted = NULL;
  g_autoptr(GHashTable) remote_deleted = NULL;
  g_autoptr(GHashTable) remote_uuids = NULL;
  ItemKind kind = { "plan", _vigia_plan_history_fields, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  Merge m = { 0, };
  gboolean taken;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (remote), FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  /* Read as the desks that save it now leave it, which wait meanwhile. */
  if (!_vigia_library_lock_plan (self, plan_id, error))
    goto failed;
  plan = vigia_library_load_plan (self, plan_id, error);
  if (plan == NULL)
    goto failed;

  local_deleted = deletions_by_uuid (plan);
  remote_deleted = deletions_by_uuid (remote);
  remote_uuids = uuids_of (remote);
  m.self = self;
  m.now = now;
  m.plan = plan;
  m.local_deleted = local_deleted;
  m.remote_deleted = remote_deleted;
  m.remote_uuids = remote_uuids;
  m.summary = result;

  if (!merge_item (&m, &kind, G_OBJECT (plan), vigia_plan_get_stamp (plan), G_OBJECT (remote),
                   vigia_plan_get_stamp (remote), &taken, error) ||
      !merge_goals (&m, remote, error) ||
      !apply_remote_deletions (&m, remote, error) ||
      !record_remote_deletions (&m, remote, error))
    goto failed;
  if (taken)
    result->n_updated++;

  if (m.dirty)
    {
      renumber (plan);
      vigia_plan_set_changed (plan, now);
      if (!_vigia_library_rewrite_plan (self, plan, now, error))
        goto failed;
    }

  if (!vigia_library_commit (self, error))
    return FALSE;
  if (summary != NULL)
    *summary = g_steal_pointer (&result);
  return TRUE;

failed:
  self->writing_as = NULL;
  vigia_library_rollback (self);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Restoring the version a conflict set aside                             */
/* ---------------------------------------------------------------------- */

/* The property a history row's field names: a target's fields are recorded
 * under the names they had on goals. */
static const char *
property_of_field (const char *entity,
                   const char *field)
{
  if (g_strcmp0 (entity, "target") == 0)
    for (guint i = 0; _vigia_target_history_names[i] != NULL; i++)
      if (g_strcmp0 (_vigia_target_history_names[i], field) == 0)
        return _vigia_target_history_fields[i];
  return field;
}

static gboolean
item_gone_error (GError **error)
{
  g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
               _("The item that version belongs to is no longer in the library."));
  return FALSE;
}

/**
 * vigia_library_restore_conflict:
 * @history_id: a conflict's first history row (#VigiaConflict)
 * @plan_id: (out) (optional): the plan the item is in
 *
 * Puts back the version of an item that a merge set aside, as an edit made
 * now by the library's author: recorded in the history, and itself undone
 * by restoring again from there.
 */
gboolean
vigia_library_restore_conflict (VigiaLibrary  *self,
                                gint64         history_id,
                                gint64        *plan_id,
                                GError       **error)
{
  g_autoptr(CachedStmt) row = NULL;
  g_autoptr(CachedStmt) rows = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *plan_uuid = NULL;
  g_autofree char *goal_uuid = NULL;
  g_autofree char *target_uuid = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *scope = NULL;
  VigiaDimension *dimension = NULL;
  VigiaGoal *goal = NULL;
  VigiaTarget *target = NULL;
  VigiaProgress *entry = NULL;
  GObject *object;
  gint64 id;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);

  row = _vigia_library_prepare (self,
                                "SELECT changed, plan_uuid, goal_uuid, target_uuid, entity, scope FROM history"
                                " WHERE id = ?1 AND action = 'conflict'",
                                error);
  if (row == NULL)
    return FALSE;
  vigia_statement_bind_int64 (row, 1, history_id);
  rc = _vigia_library_step (self, row);
  if (rc == SQLITE_DONE)
    return item_gone_error (error);
  if (rc != SQLITE_ROW)
    return _vigia_library_set_sqlite_error (self, error, rc);
  changed = g_strdup (_vigia_library_column_text (row, 0));
  plan_uuid = g_strdup (_vigia_library_column_text (row, 1));
  goal_uuid = g_strdup (_vigia_library_column_text (row, 2));
  target_uuid = g_strdup (_vigia_library_column_text (row, 3));
  entity = g_strdup (_vigia_library_column_text (row, 4));
  scope = g_strdup (_vigia_library_column_text (row, 5));
  g_clear_pointer (&row, cached_stmt_reset);

  id = vigia_library_lookup_plan (self, plan_uuid, error);
  if (id < 0)
    return FALSE;
  if (id == 0)
    return item_gone_error (error);
  plan = vigia_library_load_plan (self, id, error);
  if (plan == NULL)
    return FALSE;

  object = G_OBJECT (plan);
  if (goal_uuid != NULL)
    {
      if (!find_goal (plan, goal_uuid, &dimension, &goal))
        return item_gone_error (error);
      object = G_OBJECT (goal);
    }
  if (target_uuid != NULL && goal != NULL)
    {
      target = vigia_goal_find_target (goal, target_uuid);
      if (target == NULL)
        return item_gone_error (error);
      object = G_OBJECT (target);
    }
  if (g_strcmp0 (entity, "progress") == 0)
    {
      g_auto(GStrv) parts = scope != NULL ? g_strsplit (scope, "/", 2) : NULL;
      int source;

      if (target == NULL || parts == NULL || parts[0] == NULL || parts[1] == NULL ||
          !vigia_enum_from_nick (VIGIA_TYPE_SOURCE, parts[1], &source) ||
          (entry = vigia_target_find_progress (target, parts[0], source)) == NULL)
        return item_gone_error (error);
      object = G_OBJECT (entry);
    }

  /* Null-safe comparisons in words both stores take: PostgreSQL's IS takes
   * only NULL, TRUE or FALSE after it, not a parameter as SQLite's does. */
  rows = _vigia_library_prepare (self,
                                 "SELECT field, old_value FROM history WHERE action = 'conflict' AND id >= ?1"
                                 " AND changed = ?2 AND plan_uuid = ?3 AND goal_uuid IS NOT DISTINCT FROM ?4"
                                 " AND target_uuid IS NOT DISTINCT FROM ?5"
                                 " AND entity = ?6 AND scope IS NOT DISTINCT FROM ?7 ORDER BY id",
                                 error);
  if (rows == NULL)
    return FALSE;
  vigia_statement_bind_int64 (rows, 1, history_id);
  _vigia_library_bind_text (rows, 2, changed);
  _vigia_library_bind_text (rows, 3, plan_uuid);
  _vigia_library_bind_text (rows, 4, goal_uuid);
  _vigia_library_bind_text (rows, 5, target_uuid);
  _vigia_library_bind_text (rows, 6, entity);
  _vigia_library_bind_text (rows, 7, scope);
  while ((rc = _vigia_library_step (self, rows)) == SQLITE_ROW)
    {
      const char *property = property_of_field (entity, _vigia_library_column_text (rows, 0));
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec == NULL)
        continue;
      g_value_init (&value, pspec->value_type);
      _vigia_library_value_from_text (&value, _vigia_library_column_text (rows, 1));
      g_object_set_property (object, property, &value);
    }
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  g_clear_pointer (&rows, cached_stmt_reset);

  if (plan_id != NULL)
    *plan_id = id;
  if (entry != NULL)
    return vigia_library_save_progress (self, plan, goal, target, entry, error);
  if (goal != NULL)
    return vigia_library_save_goal (self, plan, goal, error);
  return vigia_library_save_plan (self, plan, error);
}

/* ---------------------------------------------------------------------- */
/* In words                                                               */
/* ---------------------------------------------------------------------- */

/* Appends @part (taken) to a list of counts. */
static void
append_part (GString *text,
             char    *part)
{
  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append (text, part);
  g_free (part);
}

/**
 * vigia_merge_summary_dup_description:
 *
 * Returns: (transfer full): what the merge did, in a line: "2 entries
 *   added, 1 goal updated, 1 conflict"; "nothing new" when it did nothing
 */
char *
vigia_merge_summary_dup_description (const VigiaMergeSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (summary->n_entries_added > 0)
    append_part (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry added",
                                                     "%u entries added", summary->n_entries_added),
                                        summary->n_entries_added));
  if (summary->n_entries_updated > 0)
    append_part (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry updated",
                                                     "%u entries updated", summary->n_entries_updated),
                                        summary->n_entries_updated));
  if (summary->n_goals_added > 0)
    append_part (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal added",
                                                     "%u goals added", summary->n_goals_added),
                                        summary->n_goals_added));
  if (summary->n_targets_added > 0)
    append_part (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u target added",
                                                     "%u targets added", summary->n_targets_added),
                                        summary->n_targets_added));
  if (summary->n_updated > 0)
    append_part (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u text or reading updated",
                                                     "%u texts or readings updated", summary->n_updated),
                                        summary->n_updated));
  if (summary->n_deleted > 0)
    append_part (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deletion taken in",
                                                     "%u deletions taken in", summary->n_deleted),
                                        summary->n_deleted));
  if (summary->n_restored > 0)
    append_part (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item deleted on one side but changed later on the other: kept",
                                                     "%u items deleted on one side but changed later on the other: kept", summary->n_restored),
                                        summary->n_restored));
  if (summary->conflicts->len > 0)
    append_part (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict",
                                                     "%u conflicts", summary->conflicts->len),
                                        summary->conflicts->len));
  if (text->len == 0)
    g_string_append (text, _("nothing new"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "2026-12-05 10:04", in the reader's time zone; "an unknown time". */
static char *
dup_time_label (const char *time)
{
  char *label = vigia_stamp_dup_time_label (time, TRUE);

  return label != NULL ? label : g_strdup (_("an unknown time"));
}

/**
 * vigia_conflict_dup_description:
 *
 * Returns: (transfer full): which version was kept and which set aside,
 *   whose and when
 */
char *
vigia_conflict_dup_description (const VigiaConflict *conflict)
{
  g_autofree char *kept_at = dup_time_label (conflict->kept_at);
  g_autofree char *other_at = dup_time_label (conflict->other_at);

  /* TRANSLATORS: "Kept Ana Quispe’s version of 2026-12-05 10:04; Luis
   * Mamani’s of 2026-12-05 09:30 is in the history" */
  return g_strdup_printf (_("Kept %s’s version of %s; %s’s of %s is in the history"),
                          conflict->kept_by != NULL ? conflict->kept_by : _("someone"), kept_at,
                          conflict->other_by != NULL ? conflict->other_by : _("someone"), other_at);
}
