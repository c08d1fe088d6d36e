/* vigia-plan-row.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three lines: organization; place; election type · term · goals; and a
 * fourth once any goal has progress: the plan's achievement as the
 * authority reports it today and its goals by status ("42 % · 1 kept ·
 * 2 in progress"), for an observer scanning many plans.  Long texts
 * ellipsize, with the whole text in the tooltip.
 */
#define G_LOG_DOMAIN "vigia-plan-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-accessible-names.h"
#include "vigia-plan-row-private.h"
#include "vigia-number.h"

struct _VigiaPlanRow
{
  GtkBox            parent_instance;

  GtkLabel         *organization_label;
  GtkLabel         *place_label;
  GtkLabel         *details_label;
  GtkLabel         *progress_label;

  VigiaPlanSummary *summary;
};

G_DEFINE_FINAL_TYPE (VigiaPlanRow, vigia_plan_row, GTK_TYPE_BOX)

/* A text cut short shows whole in its tooltip.  Worked out when the
 * tooltip is asked for: setting tooltips on every bind made scrolling a
 * long list measurably slower. */
static gboolean
query_tooltip_cb (GtkLabel   *label,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/* The progress line in full words: "Achievement 42 %: 1 kept, 2 in
 * progress, 0 broken, 9 not rated. Progress on 3 of 12 goals". */
static gboolean
progress_tooltip_cb (GtkLabel     *label,
                     int           x,
                     int           y,
                     gboolean      keyboard,
                     GtkTooltip   *tooltip,
                     VigiaPlanRow *self)
{
  const VigiaRollup *rollup;
  g_autofree char *assessment = NULL;
  g_autofree char *text = NULL;
  guint n_goals;

  if (self->summary == NULL || (rollup = vigia_plan_summary_get_rollup (self->summary)) == NULL)
    return query_tooltip_cb (label, x, y, keyboard, tooltip);

  n_goals = vigia_plan_summary_get_n_goals (self->summary);
  assessment = vigia_rollup_dup_description (rollup);
  text = g_strdup_printf (ngettext ("%s. Progress on %u of %u goal", "%s. Progress on %u of %u goals", n_goals),
                          assessment, vigia_plan_summary_get_n_goals_with_progress (self->summary), n_goals);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
vigia_plan_row_dispose (GObject *object)
{
  VigiaPlanRow *self = (VigiaPlanRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PLAN_ROW);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (vigia_plan_row_parent_class)->dispose (object);
}

static void
vigia_plan_row_class_init (VigiaPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_plan_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-plan-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanRow, organization_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanRow, progress_label);
}

static void
vigia_plan_row_init (VigiaPlanRow *self)
{
  GtkLabel *labels[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  labels[0] = self->organization_label;
  labels[1] = self->place_label;
  labels[2] = self->details_label;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_widget_set_has_tooltip (GTK_WIDGET (labels[i]), TRUE);
      g_signal_connect (labels[i], "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->progress_label), TRUE);
  g_signal_connect (self->progress_label, "query-tooltip", G_CALLBACK (progress_tooltip_cb), self);
}

VigiaPlanRow *
vigia_plan_row_new (void)
{
  return g_object_new (VIGIA_TYPE_PLAN_ROW, NULL);
}

VigiaPlanSummary *
vigia_plan_row_get_summary (VigiaPlanRow *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_ROW (self), NULL);
  return self->summary;
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text);
}

void
vigia_plan_row_set_summary (VigiaPlanRow     *self,
                            VigiaPlanSummary *summary)
{
  g_autofree char *place = NULL;
  g_autofree char *term = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *details = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *goals_progress = NULL;
  g_autofree char *assessment = NULL;
  g_autofree char *description = NULL;
  const char *organization;
  guint n_goals;
  guint n_with_progress;

  g_return_if_fail (VIGIA_IS_PLAN_ROW (self));

  if (!g_set_object (&self->summary, summary) || summary == NULL)
    return;

  organization = vigia_plan_summary_get_organization (summary);
  if (vigia_str_empty (organization))
    organization = _("Untitled Plan");
  place = vigia_plan_summary_dup_place_label (summary);
  term = vigia_plan_summary_dup_term_label (summary);
  n_goals = vigia_plan_summary_get_n_goals (summary);
  n_with_progress = vigia_plan_summary_get_n_goals_with_progress (summary);
  goals = vigia_goal_dup_count_label (n_goals, vigia_plan_summary_get_n_targets (summary));
  details = g_strdup_printf ("%s · %s · %s",
                             vigia_election_get_label (vigia_plan_summary_get_election (summary)),
                             term, goals);
  if (n_with_progress > 0)
    {
      const VigiaRollup *rollup = vigia_plan_summary_get_rollup (summary);
      double achievement = vigia_plan_summary_get_achievement (summary);
      g_autofree char *share = VIGIA_HAS_VALUE (achievement) ? vigia_number_format_share (achievement) : NULL;
      g_autofree char *counts = rollup != NULL ? vigia_rollup_dup_rated_counts (rollup) : NULL;

      /* Translators: in the list of plans: "Progress on 3 of 12 goals" */
      goals_progress = g_strdup_printf (ngettext ("Progress on %u of %u goal", "Progress on %u of %u goals", n_goals),
                                        n_with_progress, n_goals);
      /* What the authority reports as of now: "42 % · 1 kept · 2 in progress",
       * then what the row used to say where nothing is rated or measured. */
      if (share != NULL && counts != NULL)
        progress = g_strdup_printf ("%s · %s", share, counts);
      else if (share != NULL || counts != NULL)
        progress = g_strdup (share != NULL ? share : counts);
      else
        progress = g_strdup (goals_progress);
      if (rollup != NULL)
        assessment = vigia_rollup_dup_description (rollup);
    }

  set_label (self->organization_label, organization);
  set_label (self->place_label, place);
  set_label (self->details_label, details);
  set_label (self->progress_label, progress != NULL ? progress : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), progress != NULL);

  /* Read aloud in full words, as the progress line's tooltip says it. */
  description = assessment != NULL ? g_strjoin (". ", place, details, assessment, goals_progress, NULL)
                                   : g_strjoin (". ", place, details, progress, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, organization,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  /* The list's row takes the keyboard, and is what a screen reader says. */
  vigia_accessible_name_row (GTK_WIDGET (self), TRUE, organization, description);
}

/**
 * vigia_plan_row_get_text:
 * @line: 0 for the organization, 1 for the place, 2 for the details, 3 for
 *   the progress (empty while there is none)
 *
 * Returns: what the row shows on @line
 */
const char *
vigia_plan_row_get_text (VigiaPlanRow *self,
                         guint         line)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_ROW (self), NULL);

  switch (line)
    {
    case 0:  return gtk_label_get_text (self->organization_label);
    case 1:  return gtk_label_get_text (self->place_label);
    case 2:  return gtk_label_get_text (self->details_label);
    case 3:  return gtk_label_get_text (self->progress_label);
    default: g_return_val_if_reached (NULL);
    }
}
