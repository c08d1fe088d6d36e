/* vigia-progress-page.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is true of the plan's progress today, read-only: the plan's chart
 * (goals by status per dimension, and its achievement) as of the current
 * semester, and each semester of the term with the entries recorded for
 * it, the current one marked.  Entries are recorded with Import Progress…
 * for now; the page follows the plan as they arrive.
 */
#define G_LOG_DOMAIN "vigia-progress-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigia-chart-view.h"
#include "vigia-progress-page.h"

struct _VigiaProgressPage
{
  GtkWidget            parent_instance;

  GtkLabel            *subtitle_label;
  AdwStatusPage       *empty_page;
  AdwBin              *chart_bin;
  AdwPreferencesGroup *periods_group;

  VigiaUndoStack      *stack;
  VigiaPlan           *plan;
  /* AdwActionRow, one per semester of the term, then one for entries
   * outside it if there are any */
  GPtrArray           *rows;
  const char          *state;
  /* Edits came while the page was not shown. */
  gboolean             stale;
};

G_DEFINE_FINAL_TYPE (VigiaProgressPage, vigia_progress_page, GTK_TYPE_WIDGET)

typedef struct
{
  guint authority;
  guint observer;
} Counts;

static void
count_entry (GHashTable    *counts,
             VigiaProgress *entry)
{
  Counts *c = g_hash_table_lookup (counts, vigia_progress_get_period (entry));

  if (c == NULL)
    {
      c = g_new0 (Counts, 1);
      g_hash_table_insert (counts, g_strdup (vigia_progress_get_period (entry)), c);
    }
  if (vigia_progress_get_source (entry) == VIGIA_SOURCE_OBSERVER)
    c->observer++;
  else
    c->authority++;
}

/* The entries of the plan by period. */
static GHashTable *
count_entries (VigiaPlan *plan,
               guint     *total)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_dims = vigia_plan_get_n_dimensions (plan);

  *total = 0;
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals; j++)
        {
          GListModel *progress = vigia_goal_get_progress (vigia_dimension_get_goal (dim, j));
          guint n = g_list_model_get_n_items (progress);

          for (guint k = 0; k < n; k++)
            {
              g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, k);

              count_entry (counts, entry);
              (*total)++;
            }
        }
    }
  return counts;
}

static char *
dup_counts_text (const Counts *c)
{
  g_autofree char *authority = NULL;
  g_autofree char *observer = NULL;

  if (c == NULL || c->authority + c->observer == 0)
    return g_strdup (_("No entries recorded"));

  /* Translators: entries of a semester: "3 from the authority, 1 from observers" */
  authority = g_strdup_printf (ngettext ("%u from the authority", "%u from the authority", c->authority),
                               c->authority);
  observer = g_strdup_printf (ngettext ("%u from observers", "%u from observers", c->observer),
                              c->observer);
  if (c->observer == 0)
    return g_steal_pointer (&authority);
  if (c->authority == 0)
    return g_steal_pointer (&observer);
  /* Translators: "3 from the authority, 1 from observers" */
  return g_strdup_printf (_("%s, %s"), authority, observer);
}

static void
add_row (VigiaProgressPage *self,
         const char        *title,
         const char        *subtitle,
         gboolean           current)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (current)
    {
      GtkWidget *tag = gtk_label_new (_("Current semester"));

      gtk_widget_add_css_class (tag, "accent");
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  adw_preferences_group_add (self->periods_group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (VigiaProgressPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->periods_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_empty (VigiaProgressPage *self,
            const char        *state,
            const char        *icon,
            const char        *title,
            const char        *description)
{
  self->state = state;
  adw_status_page_set_icon_name (self->empty_page, icon);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_bin), FALSE);
}

static void
refresh (VigiaProgressPage *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_auto(GStrv) periods = NULL;
  g_autofree char *current = NULL;
  g_autofree char *assessed = NULL;
  g_autofree char *assessed_label = NULL;
  g_autofree char *subtitle = NULL;
  int start;
  int end;
  guint total = 0;
  guint outside = 0;

  self->stale = FALSE;
  clear_rows (self);
  adw_bin_set_child (self->chart_bin, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_bin), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->periods_group), TRUE);

  if (self->plan == NULL)
    return;

  if (!vigia_plan_has_term (self->plan))
    {
      show_empty (self, "no-term", "x-office-calendar-symbolic", _("No Term of Office"),
                  _("Progress is followed semester by semester over the term: set its years on the General tab"));
      gtk_widget_set_visible (GTK_WIDGET (self->periods_group), FALSE);
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  start = vigia_plan_get_term_start (self->plan);
  end = vigia_plan_get_term_end (self->plan);
  counts = count_entries (self->plan, &total);
  periods = vigia_term_list_periods (start, end);
  current = vigia_period_dup_current ();

  for (guint i = 0; periods[i] != NULL; i++)
    {
      g_autofree char *label = vigia_period_dup_label (periods[i]);
      g_autofree char *text = dup_counts_text (g_hash_table_lookup (counts, periods[i]));

      add_row (self, label, text, g_strcmp0 (periods[i], current) == 0);
      g_hash_table_remove (counts, periods[i]);
    }

  /* Whatever is left was recorded for semesters outside the term. */
  {
    GHashTableIter iter;
    Counts *c;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
      outside += c->authority + c->observer;
  }
  if (outside > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u entry for a semester outside the term",
                                                         "%u entries for semesters outside the term", outside),
                                               outside);

      add_row (self, _("Outside the term"), text, FALSE);
    }

  if (total == 0)
    {
      show_empty (self, "no-progress", "view-list-bullet-symbolic", _("No Progress Recorded Yet"),
                  _("Record each semester’s progress from a spreadsheet with Import Progress… in the main menu"));
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  self->state = "progress";
  assessed = vigia_assessment_dup_default_period (self->plan);
  assessed_label = vigia_period_dup_label (assessed);
  /* Translators: under the title of the progress tab: "Up to the 1st half of 2025, as the authority reports it" */
  subtitle = g_strdup_printf (_("Up to the %s, as the authority reports it"), assessed_label);
  gtk_label_set_text (self->subtitle_label, subtitle);
  {
    g_autoptr(VigiaChartPlan) chart = vigia_chart_plan_new (self->plan, assessed, VIGIA_SOURCE_AUTHORITY);

    adw_bin_set_child (self->chart_bin, vigia_chart_view_new (VIGIA_CHART (chart)));
  }
}

/* Typing saves often: a page not on screen is brought up to date when it
 * is shown. */
static void
stack_changed_cb (VigiaProgressPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
vigia_progress_page_map (GtkWidget *widget)
{
  VigiaProgressPage *self = VIGIA_PROGRESS_PAGE (widget);

  if (self->stale)
    refresh (self);

  GTK_WIDGET_CLASS (vigia_progress_page_parent_class)->map (widget);
}

static void
vigia_progress_page_dispose (GObject *object)
{
  VigiaProgressPage *self = (VigiaProgressPage *)object;
  GtkWidget *child;

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, stack_changed_cb, self);
  g_clear_object (&self->stack);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PROGRESS_PAGE);
  /* Children of the template without an id are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vigia_progress_page_parent_class)->dispose (object);
}

static void
vigia_progress_page_class_init (VigiaProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_progress_page_dispose;

  widget_class->map = vigia_progress_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, periods_group);
}

static void
vigia_progress_page_init (VigiaProgressPage *self)
{
  self->rows = g_ptr_array_new ();
  self->state = "none";

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vigia_progress_page_set_stack:
 * @stack: (nullable): the open plan's stack, or %NULL to let go of the plan
 *
 * Shows the progress of the plan of @stack, and follows its edits.
 */
void
vigia_progress_page_set_stack (VigiaProgressPage *self,
                               VigiaUndoStack    *stack)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_PAGE (self));
  g_return_if_fail (stack == NULL || VIGIA_IS_UNDO_STACK (stack));

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, stack_changed_cb, self);
  g_set_object (&self->stack, stack);
  g_clear_object (&self->plan);

  if (stack != NULL)
    {
      self->plan = g_object_ref (vigia_undo_stack_get_plan (stack));
      g_signal_connect_swapped (stack, "changed", G_CALLBACK (stack_changed_cb), self);
    }
  /* Opening a plan does not wait for its assessment: the page is filled
   * when it is shown, or asked. */
  stack_changed_cb (self);
}

/**
 * vigia_progress_page_get_n_periods:
 *
 * Returns: how many semesters the page lists (with "outside the term")
 */
guint
vigia_progress_page_get_n_periods (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), 0);

  if (self->stale)
    refresh (self);
  return self->rows->len;
}

/**
 * vigia_progress_page_get_period_text:
 * @subtitle: %TRUE for what was recorded, %FALSE for the semester
 *
 * Returns: what the row of the semester at @position says
 */
const char *
vigia_progress_page_get_period_text (VigiaProgressPage *self,
                                     guint              position,
                                     gboolean           subtitle)
{
  AdwActionRow *row;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);

  if (self->stale)
    refresh (self);
  g_return_val_if_fail (position < self->rows->len, NULL);

  row = g_ptr_array_index (self->rows, position);
  return subtitle ? adw_action_row_get_subtitle (row)
                  : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/**
 * vigia_progress_page_get_state:
 *
 * Returns: what the page shows: "progress", "no-progress", "no-term" or "none"
 */
const char *
vigia_progress_page_get_state (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);

  if (self->stale)
    refresh (self);
  return self->state;
}
