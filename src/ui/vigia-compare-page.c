/* vigia-compare-page.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an observatory following a region's mayors looks at: every plan of
 * the library ranked by achievement (the authority's figures, or the
 * observers'), with its goals by status and a bar, as of a semester within
 * each plan's own term: the current one by default, or one chosen, as the
 * Avance tab's "Semester judged" chooses it for one plan.  Plans can be
 * grouped by department or by election type (the groups ranked too, their
 * goals pooled) and filtered by either.
 *
 * The whole library is assessed in a thread, on a connection of its own,
 * when the page is shown and after the library changes: a national library
 * takes about a second, which the window does not wait for.
 */
#define G_LOG_DOMAIN "vigia-compare-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "vigia-accessible-names.h"
#include "vigia-compare-page-private.h"
#include "vigia-list-stager.h"
#include "vigia-number.h"
#include "vigia-plan-group.h"
#include "vigia-search-drop-down.h"

struct _VigiaComparePage
{
  GtkWidget         parent_instance;

  AdwHeaderBar     *header_bar;
  GtkButton        *back_button;
  AdwWindowTitle   *window_title;
  GtkDropDown      *group_dropdown;
  GtkDropDown      *election_dropdown;
  GtkDropDown      *department_dropdown;
  GtkDropDown      *source_dropdown;
  GtkDropDown      *period_dropdown;
  GtkStack         *stack;
  GtkSpinner       *spinner;
  AdwStatusPage    *empty_page;
  GtkLabel         *summary_label;
  GtkListView      *list_view;

  VigiaLibrary     *library;
  /* The library's second connection, opened to read in a thread, kept for
   * the next ranking while no thread has it (see load_thread()). */
  VigiaLibrary     *reader;
  /* VigiaPlanSummary with its rollup, every plan, as last assessed */
  GPtrArray        *summaries;
  /* The departments the filter offers, after "all" */
  GStrv             departments;
  /* The semester chosen to judge every plan as of, or NULL for the current
   * one; and the semesters offered after "each plan's current", newest first */
  char             *period;
  GStrv             periods;
  /* The semester the plans shown were assessed as of, before each plan's
   * term brought it into the term */
  char             *assessed;
  /* What the list shows: VigiaPlanSummary, and VigiaPlanGroup before the
   * plans of each group */
  GListStore       *items;
  /* The rows on screen, by position */
  GHashTable       *rows;
  GCancellable     *cancellable;
  gboolean          loading;
  gboolean          stale;
  gboolean          folded;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (VigiaComparePage, vigia_compare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

enum {
  PLAN_ACTIVATED,
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GQuark rank_quark;
static GQuark collate_quark;

typedef struct
{
  char         *path;
  char         *period;
  VigiaSource   source;
  /* The page's reader, if it had one, and then the thread's */
  VigiaLibrary *reader;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->period);
  g_clear_object (&data->reader);
  g_free (data);
}

static void reload (VigiaComparePage *self);

/* ---------------------------------------------------------------------- */
/* Ranking                                                                */
/* ---------------------------------------------------------------------- */

static VigiaSource
get_source (VigiaComparePage *self)
{
  return gtk_drop_down_get_selected (self->source_dropdown) == 1 ? VIGIA_SOURCE_OBSERVER : VIGIA_SOURCE_AUTHORITY;
}

/* Best first; no data last, never as 0 %; then by how many goals have
 * data, then by name. */
static int
compare_rollups (const VigiaRollup *a,
                 const VigiaRollup *b)
{
  double x = a != NULL ? vigia_rollup_get_achievement (a) : NAN;
  double y = b != NULL ? vigia_rollup_get_achievement (b) : NAN;
  guint na = a != NULL ? a->n_with_data : 0;
  guint nb = b != NULL ? b->n_with_data : 0;

  if (VIGIA_HAS_VALUE (x) != VIGIA_HAS_VALUE (y))
    return VIGIA_HAS_VALUE (x) ? -1 : 1;
  if (VIGIA_HAS_VALUE (x) && x != y)
    return x > y ? -1 : 1;
  return na == nb ? 0 : na > nb ? -1 : 1;
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  VigiaPlanSummary *x = *(VigiaPlanSummary **) a;
  VigiaPlanSummary *y = *(VigiaPlanSummary **) b;
  int order = compare_rollups (vigia_plan_summary_get_rollup (x), vigia_plan_summary_get_rollup (y));

  if (order != 0)
    return order;
  return strcmp (g_object_get_qdata (G_OBJECT (x), collate_quark), g_object_get_qdata (G_OBJECT (y), collate_quark));
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  VigiaPlanGroup *x = *(VigiaPlanGroup **) a;
  VigiaPlanGroup *y = *(VigiaPlanGroup **) b;
  int order = compare_rollups (vigia_plan_group_get_rollup (x), vigia_plan_group_get_rollup (y));

  if (order != 0)
    return order;
  return g_utf8_collate (vigia_plan_group_get_title (x), vigia_plan_group_get_title (y));
}

static const char *
group_title (VigiaComparePage *self,
             VigiaPlanSummary *summary)
{
  const char *department;

  switch (gtk_drop_down_get_selected (self->group_dropdown))
    {
    case VIGIA_COMPARE_GROUP_DEPARTMENT:
      department = vigia_plan_summary_get_department (summary);
      return !vigia_str_empty (department) ? department : _("Place not set");
    case VIGIA_COMPARE_GROUP_ELECTION:
      return vigia_election_get_label (vigia_plan_summary_get_election (summary));
    default:
      return NULL;
    }
}

static gboolean
passes_filters (VigiaComparePage *self,
                VigiaPlanSummary *summary)
{
  guint election = gtk_drop_down_get_selected (self->election_dropdown);
  guint department = gtk_drop_down_get_selected (self->department_dropdown);

  if (election > 0 && election != GTK_INVALID_LIST_POSITION &&
      vigia_plan_summary_get_election (summary) != (VigiaElection) (election - 1))
    return FALSE;
  if (department > 0 && department != GTK_INVALID_LIST_POSITION && self->departments != NULL &&
      g_strcmp0 (vigia_plan_summary_get_department (summary), self->departments[department - 1]) != 0)
    return FALSE;
  return TRUE;
}

/* Ranks the plans that pass the filters, within their groups if grouped,
 * and shows them. */
static void
rebuild (VigiaComparePage *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) group_by_title = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *period = NULL;
  g_autofree char *plans = NULL;
  g_autofree char *summary = NULL;
  VigiaRollup all = { 0, };
  guint n_with_data = 0;

  if (self->summaries == NULL)
    return;

  for (guint i = 0; i < self->summaries->len; i++)
    {
      VigiaPlanSummary *plan = g_ptr_array_index (self->summaries, i);

      /* Ranked already, in the thread that assessed them. */
      if (passes_filters (self, plan))
        g_ptr_array_add (shown, plan);
    }

  /* Each group collects its plans, best first, and pools their goals. */
  for (guint i = 0; i < shown->len; i++)
    {
      VigiaPlanSummary *plan = g_ptr_array_index (shown, i);
      const VigiaRollup *rollup = vigia_plan_summary_get_rollup (plan);
      const char *title = group_title (self, plan);
      VigiaPlanGroup *group = title != NULL ? g_hash_table_lookup (group_by_title, title) : NULL;

      if (rollup != NULL)
        vigia_rollup_merge (&all, rollup);
      if (title == NULL)
        continue;
      if (group == NULL)
        {
          group = vigia_plan_group_new (title);
          g_hash_table_insert (group_by_title, (char *) vigia_plan_group_get_title (group), group);
          g_ptr_array_add (groups, group);
        }
      vigia_plan_group_add_plan (group, plan);
    }
  g_ptr_array_sort (groups, compare_groups);

  if (groups->len == 0)
    {
      guint rank = 0;

      for (guint i = 0; i < shown->len; i++)
        {
          VigiaPlanSummary *plan = g_ptr_array_index (shown, i);

          rank = VIGIA_HAS_VALUE (vigia_plan_summary_get_achievement (plan)) ? rank + 1 : 0;
          g_object_set_qdata (G_OBJECT (plan), rank_quark, GUINT_TO_POINTER (rank));
          g_ptr_array_add (items, plan);
        }
    }
  for (guint g = 0; g < groups->len; g++)
    {
      VigiaPlanGroup *group = g_ptr_array_index (groups, g);
      guint rank = 0;

      g_ptr_array_add (items, group);
      for (guint i = 0; i < vigia_plan_group_get_n_plans (group); i++)
        {
          VigiaPlanSummary *plan = vigia_plan_group_get_plan (group, i);

          rank = VIGIA_HAS_VALUE (vigia_plan_summary_get_achievement (plan)) ? rank + 1 : 0;
          g_object_set_qdata (G_OBJECT (plan), rank_quark, GUINT_TO_POINTER (rank));
          g_ptr_array_add (items, plan);
        }
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  for (guint i = 0; i < shown->len; i++)
    if (VIGIA_HAS_VALUE (vigia_plan_summary_get_achievement (g_ptr_array_index (shown, i))))
      n_with_data++;

  if (self->summaries->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Plans to Compare"));
      adw_status_page_set_description (self->empty_page, _("Import the plans of the authorities you follow, then record their progress"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (shown->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Plans Match"));
      adw_status_page_set_description (self->empty_page, _("No plan of the library is of that election type and department"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  {
    g_autofree char *current = vigia_period_dup_current ();
    g_autofree char *share = vigia_number_format_share (vigia_rollup_get_achievement (&all));

    /* The semester the figures are of, chosen or today's: named as the
     * Avance tab and the reports name theirs. */
    period = vigia_period_dup_label (self->assessed != NULL ? self->assessed : current);
    plans = g_strdup_printf (ngettext ("%u plan", "%u plans", shown->len), shown->len);
    /* Translators: above the comparison: "12 plans, 5 with data · all together 38 % · as of the 2nd half 2026 …" */
    summary = g_strdup_printf (_("%s, %u with data · all together %s · as of the %s, or the nearest semester of each plan’s term"),
                               plans, n_with_data, share, period);
    gtk_label_set_text (self->summary_label, summary);
    adw_window_title_set_subtitle (self->window_title, get_source (self) == VIGIA_SOURCE_OBSERVER ?
                                   _("As observers verified it") : _("As the authorities report it"));
  }

  g_signal_emit (self, signals[UPDATED], 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
refresh_departments (VigiaComparePage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);
  guint position = 0;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && self->departments != NULL)
    chosen = g_strdup (self->departments[selected - 1]);

  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++)
    {
      const char *department = vigia_plan_summary_get_department (g_ptr_array_index (self->summaries, i));

      if (!vigia_str_empty (department) && g_hash_table_add (seen, (char *) department))
        g_ptr_array_add (names, (char *) department);
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  gtk_string_list_append (list, _("All departments"));
  for (guint i = 0; names->pdata[i] != NULL; i++)
    {
      gtk_string_list_append (list, names->pdata[i]);
      if (g_strcmp0 (names->pdata[i], chosen) == 0)
        position = i + 1;
    }

  g_strfreev (self->departments);
  self->departments = g_strdupv ((char **) names->pdata);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->department_dropdown, position);
  self->updating = FALSE;
}

/* Every semester of the plans' terms, from the first of the earliest to
 * the last of the latest, newest first: 17 for a national library of the
 * municipal terms of 2023–2026 and the president's of 2026–2031. */
static GStrv
list_periods (VigiaComparePage *self)
{
  GPtrArray *periods = g_ptr_array_new ();
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  int year, half;

  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++)
    {
      VigiaPlanSummary *plan = g_ptr_array_index (self->summaries, i);
      g_auto(GStrv) term = vigia_term_list_periods (vigia_plan_summary_get_term_start (plan),
                                                    vigia_plan_summary_get_term_end (plan));
      guint n = g_strv_length (term);

      if (n == 0)
        continue;
      if (first == NULL || vigia_period_compare (term[0], first) < 0)
        vigia_set_string (&first, term[0]);
      if (last == NULL || vigia_period_compare (term[n - 1], last) > 0)
        vigia_set_string (&last, term[n - 1]);
    }
  /* The semester chosen stays on offer. */
  if (self->period != NULL && (first == NULL || vigia_period_compare (self->period, first) < 0))
    vigia_set_string (&first, self->period);
  if (self->period != NULL && (last == NULL || vigia_period_compare (self->period, last) > 0))
    vigia_set_string (&last, self->period);

  /* Semesters counted from year 0's first: 2 × year + half − 1. */
  if (first != NULL && vigia_period_parse (first, &year, &half))
    {
      int from = 2 * year + half - 1;

      vigia_period_parse (last, &year, &half);
      for (int k = 2 * year + half - 1; k >= from; k--)
        g_ptr_array_add (periods, vigia_period_format (k / 2, k % 2 + 1));
    }

  g_ptr_array_add (periods, NULL);
  return (GStrv) g_ptr_array_free (periods, FALSE);
}

/* Each plan's current semester, then the semesters of the plans' terms,
 * the one the page judges as of chosen. */
static void
refresh_periods (VigiaComparePage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_auto(GStrv) periods = list_periods (self);
  guint position = 0;

  if (self->periods != NULL && g_strv_equal ((const char * const *) periods, (const char * const *) self->periods))
    return;

  gtk_string_list_append (list, _("Each plan’s current semester"));
  for (guint i = 0; periods[i] != NULL; i++)
    {
      g_autofree char *label = vigia_period_dup_label (periods[i]);

      gtk_string_list_append (list, label);
      if (g_strcmp0 (periods[i], self->period) == 0)
        position = i + 1;
    }

  g_strfreev (self->periods);
  self->periods = g_steal_pointer (&periods);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->period_dropdown, position);
  self->updating = FALSE;
}

/* ---------------------------------------------------------------------- */
/* Assessing the library                                                  */
/* ---------------------------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(VigiaLibrary) library = g_steal_pointer (&data->reader);
  g_autoptr(GPtrArray) summaries = NULL;
  GError *error = NULL;

  /* The last ranking's connection, if the page kept one: on a shared
   * library a new one cost a connection and a new server process, whose
   * first assessment of a national library took a second more
   * (docs/postgresql.md, "A server for a national library").  One that
   * fails, a connection lost meanwhile, is replaced once. */
  if (library != NULL)
    {
      summaries = vigia_library_list_summaries (library, data->period, data->source, NULL);
      if (summaries == NULL)
        g_clear_object (&library);
    }
  if (library == NULL)
    {
      library = vigia_library_open (data->path, VIGIA_LIBRARY_OPEN_READ_ONLY | VIGIA_LIBRARY_OPEN_EXISTING, &error);
      if (library != NULL)
        summaries = vigia_library_list_summaries (library, data->period, data->source, &error);
    }

  /* Names ranked alike go in the order of the language, compared as keys
   * made here: comparing them as they stand took a quarter of a second
   * for a national library, in the window's thread. */
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      const char *organization = vigia_plan_summary_get_organization (g_ptr_array_index (summaries, i));

      g_object_set_qdata_full (g_ptr_array_index (summaries, i), collate_quark,
                               g_utf8_collate_key (organization != NULL ? organization : "", -1), g_free);
    }
  /* Ranked here too: filters and groups keep this order, and sorting a
   * national library stopped the window for 15 ms. */
  if (summaries != NULL)
    g_ptr_array_sort (summaries, compare_plans);
  /* The keys served the sort only. */
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    g_object_set_qdata (g_ptr_array_index (summaries, i), collate_quark, NULL);

  if (summaries != NULL)
    data->reader = g_steal_pointer (&library);
  g_clear_object (&library);
#ifdef __GLIBC__
  /* Assessing a national library takes some 50 MB of rows for a moment,
   * in this thread's own arena: given back rather than kept. */
  malloc_trim (0);
#endif

  if (summaries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&summaries), (GDestroyNotify) g_ptr_array_unref);
}

/* Frees the plans of a ranking; the thread holds their last reference. */
static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_ptr_array_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  VigiaComparePage *self = VIGIA_COMPARE_PAGE (object);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *old;

  summaries = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->reader == NULL)
    self->reader = g_steal_pointer (&((LoadData *) g_task_get_task_data (G_TASK (result)))->reader);

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);

  if (summaries == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Plans Could Not Be Assessed"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_signal_emit (self, signals[UPDATED], 0);
      return;
    }

  old = g_steal_pointer (&self->summaries);
  self->summaries = g_steal_pointer (&summaries);
  vigia_set_string (&self->assessed, ((LoadData *) g_task_get_task_data (G_TASK (result)))->period);
  refresh_departments (self);
  refresh_periods (self);
  rebuild (self);

  /* The last ranking's plans go in a thread: freeing 20,000 of them took
   * 20 ms of the frame that shows the new ranking. */
  if (old != NULL)
    {
      g_autoptr(GTask) release = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_task_data (release, old, NULL);
      g_task_run_in_thread (release, release_thread);
    }
}

static void
reload (VigiaComparePage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  if (self->library == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  /* A newer question replaces the one still being answered. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (vigia_library_get_path (self->library));
  data->period = self->period != NULL ? g_strdup (self->period) : vigia_period_dup_current ();
  data->source = get_source (self);
  /* Unless a ranking still being made has it. */
  data->reader = g_steal_pointer (&self->reader);

  self->loading = TRUE;
  /* The list stays while it is brought up to date; the first time, a spinner. */
  if (self->summaries == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

/* ---------------------------------------------------------------------- */
/* Callbacks                                                              */
/* ---------------------------------------------------------------------- */

static void
plans_changed_cb (VigiaComparePage *self)
{
  reload (self);
}

static void
view_changed_cb (VigiaComparePage *self)
{
  if (self->updating)
    return;
  rebuild (self);
  /* Another grouping or filter starts from the top of the ranking. */
  if (vigia_compare_page_get_n_rows (self) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
source_changed_cb (VigiaComparePage *self)
{
  if (!self->updating)
    reload (self);
}

static void
period_changed_cb (VigiaComparePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->updating)
    return;
  if (selected == GTK_INVALID_LIST_POSITION || self->periods == NULL || selected > g_strv_length (self->periods))
    return;
  vigia_compare_page_set_period (self, selected > 0 ? self->periods[selected - 1] : NULL);
}

/* The semester on the drop-down's button: "Each plan's current semester"
 * took more than a narrow window has, and is cut short there. */
static void
setup_period_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_period_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, vigia_compare_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             VigiaComparePage         *self)
{
  VigiaCompareRow *row = VIGIA_COMPARE_ROW (gtk_list_item_get_child (item));
  GObject *object = gtk_list_item_get_item (item);

  if (VIGIA_IS_PLAN_SUMMARY (object))
    {
      vigia_compare_row_set_plan (row, GPOINTER_TO_UINT (g_object_get_qdata (object, rank_quark)),
                                  VIGIA_PLAN_SUMMARY (object));
      gtk_list_item_set_activatable (item, TRUE);
    }
  else
    {
      VigiaPlanGroup *group = VIGIA_PLAN_GROUP (object);

      vigia_compare_row_set_group (row, vigia_plan_group_get_title (group), vigia_plan_group_get_n_plans (group),
                                   vigia_plan_group_get_rollup (group));
      gtk_list_item_set_activatable (item, FALSE);
    }
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (gtk_list_item_get_position (item)), row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VigiaComparePage         *self)
{
  gpointer row = gtk_list_item_get_child (item);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == row)
      g_hash_table_iter_remove (&iter);
}

static void
activate_cb (VigiaComparePage *self,
             guint             position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (VIGIA_IS_PLAN_SUMMARY (item))
    g_signal_emit (self, signals[PLAN_ACTIVATED], 0, vigia_plan_summary_get_id (VIGIA_PLAN_SUMMARY (item)));
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
vigia_compare_page_map (GtkWidget *widget)
{
  VigiaComparePage *self = VIGIA_COMPARE_PAGE (widget);

  GTK_WIDGET_CLASS (vigia_compare_page_parent_class)->map (widget);

  if (self->stale)
    reload (self);
}

static void
vigia_compare_page_dispose (GObject *object)
{
  VigiaComparePage *self = (VigiaComparePage *)object;
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  vigia_compare_page_set_library (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_COMPARE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->items);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->departments, g_strfreev);
  g_clear_pointer (&self->periods, g_strfreev);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->assessed, g_free);

  G_OBJECT_CLASS (vigia_compare_page_parent_class)->dispose (object);
}

static void
vigia_compare_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigiaComparePage *self = VIGIA_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_compare_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigiaComparePage *self = VIGIA_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          /* Folded, the page is the whole window: it needs the way back
           * and the window's start buttons. */
          self->folded = g_value_get_boolean (value);
          gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->folded);
          adw_header_bar_set_show_start_title_buttons (self->header_bar, self->folded);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_compare_page_class_init (VigiaComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_compare_page_dispose;
  object_class->get_property = vigia_compare_page_get_property;
  object_class->set_property = vigia_compare_page_set_property;

  widget_class->map = vigia_compare_page_map;

  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigiaComparePage::plan-activated:
   * @id: the plan's id in the library
   *
   * Emitted when a plan of the ranking is activated: it is to be opened.
   */
  signals[PLAN_ACTIVATED] = g_signal_new ("plan-activated",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * VigiaComparePage::updated:
   *
   * Emitted when the ranking shown has been made again.
   */
  signals[UPDATED] = g_signal_new ("updated",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  rank_quark = g_quark_from_static_string ("vigia-compare-rank");
  collate_quark = g_quark_from_static_string ("vigia-compare-collate-key");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, election_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaComparePage, list_view);
}

static void
vigia_compare_page_init (VigiaComparePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) elections = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_search_drop_down_init (self->department_dropdown);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, FALSE);

  self->items = g_list_store_new (G_TYPE_OBJECT);
  self->rows = g_hash_table_new (NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  {
    /* A ranking of thousands of plans reaches the view a few rows a frame. */
    VigiaListStager *rows = vigia_list_stager_new (GTK_WIDGET (self->list_view));
    g_autoptr(GtkNoSelection) selection = NULL;

    vigia_list_stager_set_model (rows, G_LIST_MODEL (self->items));
    selection = gtk_no_selection_new (G_LIST_MODEL (rows));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  }
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  /* In the order of VigiaCompareGroup. */
  gtk_string_list_append (groups, _("No grouping"));
  gtk_string_list_append (groups, _("Department"));
  gtk_string_list_append (groups, _("Election type"));
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));

  /* In the order of the enums, after "any", so that position − 1 is the value. */
  gtk_string_list_append (elections, _("All election types"));
  for (VigiaElection e = VIGIA_ELECTION_MUNICIPAL_DISTRICT; e <= VIGIA_ELECTION_GENERAL; e++)
    gtk_string_list_append (elections, vigia_election_get_label (e));
  gtk_drop_down_set_model (self->election_dropdown, G_LIST_MODEL (elections));

  gtk_string_list_append (departments, _("All departments"));
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (departments));

  gtk_string_list_append (sources, vigia_source_get_label (VIGIA_SOURCE_AUTHORITY));
  gtk_string_list_append (sources, vigia_source_get_label (VIGIA_SOURCE_OBSERVER));
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (sources));

  gtk_string_list_append (periods, _("Each plan’s current semester"));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  {
    g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();

    /* The list keeps GTK's own items, with the mark of the one chosen. */
    gtk_drop_down_set_list_factory (self->period_dropdown, gtk_drop_down_get_factory (self->period_dropdown));
    g_signal_connect (button, "setup", G_CALLBACK (setup_period_cb), NULL);
    g_signal_connect (button, "bind", G_CALLBACK (bind_period_cb), NULL);
    gtk_drop_down_set_factory (self->period_dropdown, button);
  }
  vigia_accessible_name_drop_down (self->period_dropdown, _("Semester judged"));

  g_signal_connect_swapped (self->group_dropdown, "notify::selected", G_CALLBACK (view_changed_cb), self);
  g_signal_connect_swapped (self->election_dropdown, "notify::selected", G_CALLBACK (view_changed_cb), self);
  g_signal_connect_swapped (self->department_dropdown, "notify::selected", G_CALLBACK (view_changed_cb), self);
  g_signal_connect_swapped (self->source_dropdown, "notify::selected", G_CALLBACK (source_changed_cb), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (period_changed_cb), self);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */
/* ---------------------------------------------------------------------- */

/**
 * vigia_compare_page_set_library:
 * @library: (nullable): the library whose plans to rank
 */
void
vigia_compare_page_set_library (VigiaComparePage *self,
                                VigiaLibrary     *library)
{
  g_return_if_fail (VIGIA_IS_COMPARE_PAGE (self));
  g_return_if_fail (library == NULL || VIGIA_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, plans_changed_cb, self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
  g_clear_object (&self->reader);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  if (self->items != NULL)
    g_list_store_remove_all (self->items);
  g_set_object (&self->library, library);

  if (library != NULL)
    {
      g_signal_connect_swapped (library, "plans-changed", G_CALLBACK (plans_changed_cb), self);
      reload (self);
    }
}

void
vigia_compare_page_set_group (VigiaComparePage  *self,
                              VigiaCompareGroup  group)
{
  g_return_if_fail (VIGIA_IS_COMPARE_PAGE (self));
  gtk_drop_down_set_selected (self->group_dropdown, group);
}

/**
 * vigia_compare_page_set_filters:
 * @election: a #VigiaElection, or -1 for any
 * @department: (nullable): a department as the plans write it, or %NULL for any
 */
void
vigia_compare_page_set_filters (VigiaComparePage *self,
                                int               election,
                                const char       *department)
{
  guint position = 0;

  g_return_if_fail (VIGIA_IS_COMPARE_PAGE (self));

  for (guint i = 0; department != NULL && self->departments != NULL && self->departments[i] != NULL; i++)
    if (g_str_equal (self->departments[i], department))
      position = i + 1;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->election_dropdown, election >= 0 ? (guint) election + 1 : 0);
  gtk_drop_down_set_selected (self->department_dropdown, position);
  self->updating = FALSE;
  rebuild (self);
}

/**
 * vigia_compare_page_set_source:
 *
 * Ranks by the figures of @source, assessing the library again.
 */
void
vigia_compare_page_set_source (VigiaComparePage *self,
                               VigiaSource       source)
{
  g_return_if_fail (VIGIA_IS_COMPARE_PAGE (self));
  gtk_drop_down_set_selected (self->source_dropdown, source == VIGIA_SOURCE_OBSERVER ? 1 : 0);
}

/**
 * vigia_compare_page_set_period:
 * @period: (nullable): a semester, "2025-S1", or %NULL for each plan's
 *   current one
 *
 * Ranks every plan as of @period brought into its own term, as choosing it
 * above the ranking does, assessing the library again.
 */
void
vigia_compare_page_set_period (VigiaComparePage *self,
                               const char       *period)
{
  guint position = 0;

  g_return_if_fail (VIGIA_IS_COMPARE_PAGE (self));
  g_return_if_fail (period == NULL || vigia_period_is_valid (period));

  if (g_strcmp0 (self->period, period) == 0)
    return;
  vigia_set_string (&self->period, period);

  /* A semester not on offer yet is offered. */
  if (period != NULL && (self->periods == NULL || !g_strv_contains ((const char * const *) self->periods, period)))
    refresh_periods (self);
  for (guint i = 0; period != NULL && self->periods != NULL && self->periods[i] != NULL; i++)
    if (g_str_equal (self->periods[i], period))
      position = i + 1;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, position);
  self->updating = FALSE;
  reload (self);
}

/**
 * vigia_compare_page_get_period:
 *
 * Returns: (nullable): the semester chosen to judge every plan as of, or
 *   %NULL for each plan's current one
 */
const char *
vigia_compare_page_get_period (VigiaComparePage *self)
{
  g_return_val_if_fail (VIGIA_IS_COMPARE_PAGE (self), NULL);
  return self->period;
}

/**
 * vigia_compare_page_get_loading:
 *
 * Returns: whether the library is being assessed
 */
gboolean
vigia_compare_page_get_loading (VigiaComparePage *self)
{
  g_return_val_if_fail (VIGIA_IS_COMPARE_PAGE (self), FALSE);
  return self->loading;
}

/**
 * vigia_compare_page_get_reader:
 *
 * Returns: (transfer none) (nullable): the connection the next ranking will
 *   read with, kept from the last one
 */
VigiaLibrary *
vigia_compare_page_get_reader (VigiaComparePage *self)
{
  g_return_val_if_fail (VIGIA_IS_COMPARE_PAGE (self), NULL);

  return self->reader;
}

/**
 * vigia_compare_page_get_state:
 *
 * Returns: what the page shows: "loading", "empty" or "list"
 */
const char *
vigia_compare_page_get_state (VigiaComparePage *self)
{
  g_return_val_if_fail (VIGIA_IS_COMPARE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
vigia_compare_page_get_n_rows (VigiaComparePage *self)
{
  g_return_val_if_fail (VIGIA_IS_COMPARE_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * vigia_compare_page_get_row:
 *
 * Returns: (transfer none) (nullable): the row at @position, if it is on screen
 */
VigiaCompareRow *
vigia_compare_page_get_row (VigiaComparePage *self,
                            guint             position)
{
  g_return_val_if_fail (VIGIA_IS_COMPARE_PAGE (self), NULL);
  return g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
}

/**
 * vigia_compare_page_get_plan_id:
 *
 * Returns: the id of the plan at @position, or 0 for a group's row
 */
gint64
vigia_compare_page_get_plan_id (VigiaComparePage *self,
                                guint             position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (VIGIA_IS_COMPARE_PAGE (self), 0);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  return VIGIA_IS_PLAN_SUMMARY (item) ? vigia_plan_summary_get_id (VIGIA_PLAN_SUMMARY (item)) : 0;
}

/**
 * vigia_compare_page_get_summary:
 *
 * Returns: what the line above the ranking says
 */
const char *
vigia_compare_page_get_summary (VigiaComparePage *self)
{
  g_return_val_if_fail (VIGIA_IS_COMPARE_PAGE (self), NULL);
  return gtk_label_get_text (self->summary_label);
}
