/* vigia-compare-row.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan of the comparison: its rank, its name and place, its goals by
 * status, and its achievement as a number and a bar.  A group (a
 * department, an election type) shows the same for all its plans, pooled
 * goal by goal.
 */
#define G_LOG_DOMAIN "vigia-compare-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-accessible-names.h"
#include "vigia-compare-row-private.h"
#include "vigia-number.h"

struct _VigiaCompareRow
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkLabel    *rank_label;
  GtkLabel    *name_label;
  GtkLabel    *details_label;
  GtkLabel    *counts_label;
  GtkLabel    *share_label;
  GtkLevelBar *bar;

  char        *description;
};

G_DEFINE_FINAL_TYPE (VigiaCompareRow, vigia_compare_row, GTK_TYPE_WIDGET)

static void
show_rollup (VigiaCompareRow   *self,
             const VigiaRollup *rollup,
             const char        *details)
{
  double achievement = rollup != NULL ? vigia_rollup_get_achievement (rollup) : NAN;
  g_autofree char *share = vigia_number_format_share (achievement);
  g_autofree char *counts = rollup != NULL ? vigia_rollup_dup_rated_counts (rollup) : NULL;
  g_autofree char *description = NULL;

  gtk_label_set_text (self->share_label, share);
  gtk_level_bar_set_value (self->bar, VIGIA_HAS_VALUE (achievement) ? CLAMP (achievement, 0, 1) : 0);
  gtk_widget_set_opacity (GTK_WIDGET (self->bar), VIGIA_HAS_VALUE (achievement) ? 1 : 0.4);
  gtk_label_set_text (self->counts_label, counts != NULL ? counts : _("No goal rated yet"));

  description = rollup != NULL ? vigia_rollup_dup_description (rollup) : g_strdup (_("No goal rated yet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (self->name_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  vigia_accessible_name_row (GTK_WIDGET (self), TRUE, gtk_label_get_text (self->name_label), description);
  /* The tooltip says the same: kept, and given when asked for, as the
   * library's rows do (setting it on every bind slowed a long list). */
  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_label_set_text (self->details_label, details);
}

static gboolean
query_tooltip_cb (VigiaCompareRow *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  if (self->description == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->description);
  return TRUE;
}

static void
vigia_compare_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VIGIA_TYPE_COMPARE_ROW);

  G_OBJECT_CLASS (vigia_compare_row_parent_class)->dispose (object);
}

static void
vigia_compare_row_finalize (GObject *object)
{
  g_free (VIGIA_COMPARE_ROW (object)->description);

  G_OBJECT_CLASS (vigia_compare_row_parent_class)->finalize (object);
}

static void
vigia_compare_row_class_init (VigiaCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_compare_row_dispose;
  object_class->finalize = vigia_compare_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-compare-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaCompareRow, box);
  gtk_widget_class_bind_template_child (widget_class, VigiaCompareRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaCompareRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaCompareRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaCompareRow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaCompareRow, share_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaCompareRow, bar);

  gtk_widget_class_set_css_name (widget_class, "compare-row");
}

static void
vigia_compare_row_init (VigiaCompareRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  /* One colour, the accent: the bar compares, it does not judge. */
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

GtkWidget *
vigia_compare_row_new (void)
{
  return g_object_new (VIGIA_TYPE_COMPARE_ROW, NULL);
}

/**
 * vigia_compare_row_set_plan:
 * @rank: the plan's place in the ranking, from 1; 0 for a plan with no data
 */
void
vigia_compare_row_set_plan (VigiaCompareRow  *self,
                            guint             rank,
                            VigiaPlanSummary *summary)
{
  g_autofree char *rank_text = NULL;
  g_autofree char *place = NULL;
  g_autofree char *term = NULL;
  g_autofree char *details = NULL;
  const char *organization;

  g_return_if_fail (VIGIA_IS_COMPARE_ROW (self));
  g_return_if_fail (VIGIA_IS_PLAN_SUMMARY (summary));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "group");
  rank_text = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("—");
  gtk_label_set_text (self->rank_label, rank_text);
  gtk_widget_set_visible (GTK_WIDGET (self->rank_label), TRUE);

  organization = vigia_plan_summary_get_organization (summary);
  gtk_label_set_text (self->name_label, !vigia_str_empty (organization) ? organization : _("Untitled Plan"));
  place = vigia_plan_summary_dup_place_label (summary);
  term = vigia_plan_summary_dup_term_label (summary);
  details = g_strdup_printf ("%s · %s · %s", place,
                             vigia_election_get_label (vigia_plan_summary_get_election (summary)), term);
  show_rollup (self, vigia_plan_summary_get_rollup (summary), details);
}

/**
 * vigia_compare_row_set_group:
 * @rollup: the goals of all the group's plans
 */
void
vigia_compare_row_set_group (VigiaCompareRow   *self,
                             const char        *title,
                             guint              n_plans,
                             const VigiaRollup *rollup)
{
  g_autofree char *plans = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (VIGIA_IS_COMPARE_ROW (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (rollup != NULL);

  gtk_widget_add_css_class (GTK_WIDGET (self), "group");
  gtk_label_set_text (self->rank_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->rank_label), FALSE);
  gtk_label_set_text (self->name_label, title);
  plans = g_strdup_printf (ngettext ("%u plan", "%u plans", n_plans), n_plans);
  goals = vigia_goal_dup_count_label (rollup->n_goals, rollup->n_targets);
  details = g_strdup_printf ("%s · %s", plans, goals);
  show_rollup (self, rollup, details);
}

/**
 * vigia_compare_row_get_text:
 * @line: 0 the rank, 1 the name, 2 the details, 3 the statuses, 4 the achievement
 */
const char *
vigia_compare_row_get_text (VigiaCompareRow *self,
                            guint            line)
{
  g_return_val_if_fail (VIGIA_IS_COMPARE_ROW (self), NULL);

  switch (line)
    {
    case 0:  return gtk_label_get_text (self->rank_label);
    case 1:  return gtk_label_get_text (self->name_label);
    case 2:  return gtk_label_get_text (self->details_label);
    case 3:  return gtk_label_get_text (self->counts_label);
    case 4:  return gtk_label_get_text (self->share_label);
    default: g_return_val_if_reached (NULL);
    }
}
