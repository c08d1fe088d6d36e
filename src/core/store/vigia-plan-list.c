/* vigia-plan-list.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds only the ids of the plans that match, in order (8 bytes a plan: 160 kB
 * for a national library); a plan's summary is read from the library the
 * first time a row asks for it, with those of the rows about it not read yet
 * (a page: two statements, on a server two round trips), and kept until the
 * list changes.
 */
#define G_LOG_DOMAIN "vigia-plan-list"

#include "config.h"

#include "vigia-plan-list.h"

struct _VigiaPlanList
{
  GObject        parent_instance;

  VigiaLibrary  *library;
  gulong         changed_handler;

  char          *search_text;
  int            election;
  char          *department;
  int            term_start;
  VigiaPlanSort  sort;

  GArray        *ids;
  /* VigiaPlanSummary or NULL, one per id */
  GPtrArray     *summaries;
  guint          n_fetched;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigiaPlanList, vigia_plan_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SEARCH_TEXT,
  PROP_ELECTION,
  PROP_DEPARTMENT,
  PROP_TERM_START,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The rows read at once when a view asks for one not read yet: a
 * screenful or two. */
#define PAGE_SIZE 50

/* The cache has holes for the rows not read yet. */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static GType
vigia_plan_list_get_item_type (GListModel *model)
{
  return VIGIA_TYPE_PLAN_SUMMARY;
}

static guint
vigia_plan_list_get_n_items (GListModel *model)
{
  VigiaPlanList *self = VIGIA_PLAN_LIST (model);

  return self->ids->len;
}

/* Adds to @positions the rows from @from on, one by one in the direction
 * of @step, that have no summary yet, while they are fewer than PAGE_SIZE
 * and within PAGE_SIZE rows of @from: rows read already are skipped, not
 * read again. */
static void
collect_missing (VigiaPlanList *self,
                 gint64         from,
                 int            step,
                 GArray        *positions)
{
  for (gint64 i = from; i >= 0 && i < self->ids->len && ABS (i - from) < PAGE_SIZE; i += step)
    {
      guint position = i;

      if (positions->len == PAGE_SIZE)
        break;
      if (g_ptr_array_index (self->summaries, position) == NULL)
        g_array_append_val (positions, position);
    }
}

/* Reads the summary at @position with those of the rows about it not read
 * yet, a page in two statements (vigia_library_load_summaries()) rather
 * than one or two a row: on a server each is a round trip.  A view asks
 * for the rows coming into sight, below the ones it shows as it scrolls
 * down and above them as it scrolls up: the page takes the rows below,
 * then, if there is room, those above. */
static gboolean
load_page (VigiaPlanList  *self,
           guint           position,
           GError        **error)
{
  g_autoptr(GArray) positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), PAGE_SIZE);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PAGE_SIZE);
  g_autoptr(GPtrArray) summaries = NULL;

  collect_missing (self, position, 1, positions);
  collect_missing (self, (gint64) position - 1, -1, positions);

  for (guint i = 0; i < positions->len; i++)
    g_array_append_val (ids, g_array_index (self->ids, gint64, g_array_index (positions, guint, i)));
  summaries = vigia_library_load_summaries (self->library, &g_array_index (ids, gint64, 0), ids->len, error);
  if (summaries == NULL)
    return FALSE;

  /* A plan deleted since the ids were read stays a hole. */
  for (guint i = 0; i < positions->len; i++)
    {
      VigiaPlanSummary *summary = g_ptr_array_index (summaries, i);

      if (summary == NULL)
        continue;
      g_ptr_array_index (self->summaries, g_array_index (positions, guint, i)) = g_object_ref (summary);
      self->n_fetched++;
    }
  return TRUE;
}

static gpointer
vigia_plan_list_get_item (GListModel *model,
                          guint       position)
{
  VigiaPlanList *self = VIGIA_PLAN_LIST (model);
  g_autoptr(GError) error = NULL;
  VigiaPlanSummary *summary;

  if (position >= self->ids->len)
    return NULL;

  summary = g_ptr_array_index (self->summaries, position);
  if (summary != NULL)
    return g_object_ref (summary);

  if (!load_page (self, position, &error))
    {
      g_warning ("Could not read the plans of %s: %s",
                 vigia_library_get_name (self->library), error->message);
      return NULL;
    }

  summary = g_ptr_array_index (self->summaries, position);
  if (summary == NULL)
    {
      /* Deleted by another program since the ids were read: the next reload
       * drops it. A list model has no way to fail, so show the gap. */
      g_warning ("Could not read plan %" G_GINT64_FORMAT ": it is no longer in %s",
                 g_array_index (self->ids, gint64, position), vigia_library_get_name (self->library));
      return NULL;
    }
  return g_object_ref (summary);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vigia_plan_list_get_item_type;
  iface->get_n_items = vigia_plan_list_get_n_items;
  iface->get_item = vigia_plan_list_get_item;
}

/* Replaces the ids by @ids, keeping the summaries read of the rows that
 * stay, and tells the views about the part that changed only. */
static void
replace_ids (VigiaPlanList *self,
             GArray        *ids)
{
  guint old_len = self->ids->len;
  guint new_len = ids->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed;
  guint added;

  while (prefix < old_len && prefix < new_len &&
         g_array_index (self->ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (self->ids, gint64, old_len - 1 - suffix) ==
         g_array_index (ids, gint64, new_len - 1 - suffix))
    suffix++;
  removed = old_len - prefix - suffix;
  added = new_len - prefix - suffix;
  if (removed == 0 && added == 0)
    return;

  /* Removed first, then added: a view that follows a row (the focused or
   * selected one) looks for it among all the added rows when one signal
   * does both, and that would read every summary of a 20,000-plan list. */
  if (removed > 0)
    {
      g_array_remove_range (self->ids, prefix, removed);
      g_ptr_array_remove_range (self->summaries, prefix, removed);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
    }
  if (added > 0)
    {
      g_array_insert_vals (self->ids, prefix, &g_array_index (ids, gint64, prefix), added);
      for (guint i = 0; i < added; i++)
        g_ptr_array_insert (self->summaries, prefix + i, NULL);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, added);
    }

  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
reload (VigiaPlanList *self,
        GArray        *changed)
{
  VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  query.text = self->search_text;
  query.election = self->election;
  query.department = self->department;
  query.term_start = self->term_start;
  query.sort = self->sort;

  ids = vigia_library_query_plan_ids (self->library, &query, &error);
  if (ids == NULL)
    {
      g_warning ("Could not list the plans of %s: %s",
                 vigia_library_get_name (self->library), error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  replace_ids (self, ids);

  /* Plans that stayed but changed are read again, in place, so that the
   * list keeps its scroll position.  The rows read so far are looked up
   * among the changed, not each changed plan in the list: after a lost
   * connection every plan of a national library has changed. */
  if (changed != NULL && changed->len > 0)
    {
      g_autoptr(GHashTable) changed_ids = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < changed->len; i++)
        g_hash_table_add (changed_ids, &g_array_index (changed, gint64, i));
      for (guint position = 0; position < self->summaries->len; position++)
        {
          if (g_ptr_array_index (self->summaries, position) == NULL ||
              !g_hash_table_contains (changed_ids, &g_array_index (self->ids, gint64, position)))
            continue;
          g_clear_object ((VigiaPlanSummary **) &g_ptr_array_index (self->summaries, position));
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
        }
    }
}

static void
plans_changed_cb (VigiaPlanList *self,
                  GArray        *ids,
                  VigiaLibrary  *library)
{
  reload (self, ids);
}

static void
vigia_plan_list_constructed (GObject *object)
{
  VigiaPlanList *self = (VigiaPlanList *)object;

  G_OBJECT_CLASS (vigia_plan_list_parent_class)->constructed (object);

  g_assert (VIGIA_IS_LIBRARY (self->library));

  self->changed_handler = g_signal_connect_object (self->library, "plans-changed",
                                                   G_CALLBACK (plans_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  reload (self, NULL);
}

static void
vigia_plan_list_finalize (GObject *object)
{
  VigiaPlanList *self = (VigiaPlanList *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);

  G_OBJECT_CLASS (vigia_plan_list_parent_class)->finalize (object);
}

static void
vigia_plan_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VigiaPlanList *self = VIGIA_PLAN_LIST (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:     g_value_set_object (value, self->library); break;
    case PROP_SEARCH_TEXT: g_value_set_string (value, self->search_text); break;
    case PROP_ELECTION:    g_value_set_int (value, self->election); break;
    case PROP_DEPARTMENT:  g_value_set_string (value, self->department); break;
    case PROP_TERM_START:  g_value_set_int (value, self->term_start); break;
    case PROP_N_ITEMS:     g_value_set_uint (value, self->ids->len); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VigiaPlanList *self = VIGIA_PLAN_LIST (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:     self->library = g_value_dup_object (value); break;
    case PROP_SEARCH_TEXT: vigia_plan_list_set_search_text (self, g_value_get_string (value)); break;
    case PROP_ELECTION:    vigia_plan_list_set_election (self, g_value_get_int (value)); break;
    case PROP_DEPARTMENT:  vigia_plan_list_set_department (self, g_value_get_string (value)); break;
    case PROP_TERM_START:  vigia_plan_list_set_term_start (self, g_value_get_int (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_list_class_init (VigiaPlanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vigia_plan_list_constructed;
  object_class->finalize = vigia_plan_list_finalize;
  object_class->get_property = vigia_plan_list_get_property;
  object_class->set_property = vigia_plan_list_set_property;

  properties[PROP_LIBRARY] = g_param_spec_object ("library", NULL, NULL, VIGIA_TYPE_LIBRARY,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_ELECTION] = g_param_spec_int ("election", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_TERM_START] = g_param_spec_int ("term-start", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_plan_list_init (VigiaPlanList *self)
{
  self->election = -1;
  self->sort = VIGIA_PLAN_SORT_PLACE;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->summaries = g_ptr_array_new_with_free_func (unref_if_set);
}

/**
 * vigia_plan_list_new:
 *
 * Lists every plan of @library, by place; reads their ids now and each
 * summary only when it is asked for.
 */
VigiaPlanList *
vigia_plan_list_new (VigiaLibrary *library)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);

  return g_object_new (VIGIA_TYPE_PLAN_LIST, "library", library, NULL);
}

VigiaLibrary *
vigia_plan_list_get_library (VigiaPlanList *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), NULL);
  return self->library;
}

const char *
vigia_plan_list_get_search_text (VigiaPlanList *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), NULL);
  return self->search_text;
}

void
vigia_plan_list_set_search_text (VigiaPlanList *self,
                                 const char    *text)
{
  g_return_if_fail (VIGIA_IS_PLAN_LIST (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  reload (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

int
vigia_plan_list_get_election (VigiaPlanList *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), -1);
  return self->election;
}

/**
 * vigia_plan_list_set_election:
 * @election: a #VigiaElection, or -1 for every type
 */
void
vigia_plan_list_set_election (VigiaPlanList *self,
                              int            election)
{
  g_return_if_fail (VIGIA_IS_PLAN_LIST (self));

  if (self->election == election)
    return;
  self->election = election;
  reload (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELECTION]);
}

const char *
vigia_plan_list_get_department (VigiaPlanList *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), NULL);
  return self->department;
}

void
vigia_plan_list_set_department (VigiaPlanList *self,
                                const char    *department)
{
  g_return_if_fail (VIGIA_IS_PLAN_LIST (self));

  if (g_strcmp0 (self->department, department) == 0)
    return;
  g_free (self->department);
  self->department = g_strdup (department);
  reload (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

int
vigia_plan_list_get_term_start (VigiaPlanList *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), 0);
  return self->term_start;
}

void
vigia_plan_list_set_term_start (VigiaPlanList *self,
                                int            term_start)
{
  g_return_if_fail (VIGIA_IS_PLAN_LIST (self));

  if (self->term_start == term_start)
    return;
  self->term_start = term_start;
  reload (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_START]);
}

VigiaPlanSort
vigia_plan_list_get_sort (VigiaPlanList *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), VIGIA_PLAN_SORT_PLACE);
  return self->sort;
}

void
vigia_plan_list_set_sort (VigiaPlanList *self,
                          VigiaPlanSort  sort)
{
  g_return_if_fail (VIGIA_IS_PLAN_LIST (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  reload (self, NULL);
}

/**
 * vigia_plan_list_get_plan_id:
 *
 * Returns: the id of the plan at @position, without reading its summary
 */
gint64
vigia_plan_list_get_plan_id (VigiaPlanList *self,
                             guint          position)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

gboolean
vigia_plan_list_find (VigiaPlanList *self,
                      gint64         plan_id,
                      guint         *position)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == plan_id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * vigia_plan_list_reload:
 *
 * Reads the list again, after another connection (a background import, say)
 * wrote to the library.
 */
void
vigia_plan_list_reload (VigiaPlanList *self)
{
  g_return_if_fail (VIGIA_IS_PLAN_LIST (self));
  reload (self, NULL);
}

/**
 * vigia_plan_list_get_n_fetched:
 *
 * Returns: how many summaries have been read from the library so far; the
 *   proof that the list reads rows on demand
 */
guint
vigia_plan_list_get_n_fetched (VigiaPlanList *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_LIST (self), 0);
  return self->n_fetched;
}
