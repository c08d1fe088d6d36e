/* vigia-chart-dimension.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per goal: its number and indicator at the left, a bar as long as
 * its achievement (0 to 100 %) in its status's colour, and the figure with
 * the status's word after it, so that colour is never the only sign.  A
 * dashed line marks the share expected by the period.
 */
#define G_LOG_DOMAIN "vigia-chart-dimension"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vigia-assessment.h"
#include "vigia-chart-dimension.h"
#include "vigia-chart-private.h"
#include "vigia-number.h"
#include "vigia-period.h"
#include "vigia-utils.h"

struct _VigiaChartDimension
{
  GObject         parent_instance;

  VigiaPlan      *plan;
  VigiaDimension *dimension;
  char           *period;
  VigiaSource     source;
};

typedef struct
{
  VigiaAssessment   *assessment;
  guint              position;
  guint              n;
  cairo_rectangle_t  plot;
  double             label_w;
  double             step;
  double             title_y, subtitle_y, ticks_y;
} Layout;

static void vigia_chart_dimension_chart_init (VigiaChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigiaChartDimension, vigia_chart_dimension, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VIGIA_TYPE_CHART, vigia_chart_dimension_chart_init))

static void
layout_clear (Layout *layout)
{
  g_clear_object (&layout->assessment);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static char *
dup_goal_label (VigiaGoal *goal)
{
  const char *indicator = vigia_goal_get_indicator (goal);

  return g_strdup_printf ("%u. %s", vigia_goal_get_number (goal), indicator != NULL ? indicator : "");
}

static char *
dup_bar_label (const VigiaGoalResult *result)
{
  g_autofree char *share = vigia_number_format_share (result->achievement);

  if (!VIGIA_HAS_VALUE (result->achievement))
    return g_steal_pointer (&share);
  /* Translators: after a goal's bar: its achievement and status, "42 % · In progress". */
  return g_strdup_printf (_("%s · %s"), share, vigia_status_get_label (result->status));
}

static char *
dup_subtitle (VigiaChartDimension *self,
              const Layout        *layout)
{
  g_autofree char *period = vigia_period_dup_label (vigia_assessment_get_period (layout->assessment));
  g_autofree char *expected = vigia_number_format_share (vigia_assessment_get_expected (layout->assessment));

  /* Translators: under a chart: semester, source, expected share: "2nd half 2024 · Authority · expected 50 %". */
  return g_strdup_printf (_("%s · %s · expected %s"), period, vigia_source_get_label (self->source), expected);
}

static void
compute_layout (VigiaChartDimension   *self,
                cairo_t               *cr,
                const VigiaChartStyle *style,
                double                 width,
                double                 height,
                Layout                *layout)
{
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) widest = NULL;
  double th, lh, value_w, natural_w = 0, tick_w;
  guint max_ticks;

  layout->assessment = vigia_assessment_new (self->plan, self->period);
  layout->n = vigia_dimension_get_n_goals (self->dimension);
  layout->position = 0;
  for (guint i = 0; i < vigia_plan_get_n_dimensions (self->plan); i++)
    if (vigia_plan_get_dimension (self->plan, i) == self->dimension)
      layout->position = i;

  title = vigia_chart_layout (cr, style, 1.1, TRUE, "Ag");
  vigia_chart_text_size (title, NULL, &th);
  probe = vigia_chart_layout (cr, style, 0.9, FALSE, "Ag");
  vigia_chart_text_size (probe, NULL, &lh);

  layout->title_y = VIGIA_CHART_PAD;
  layout->subtitle_y = layout->title_y + th + 2;
  layout->plot.y = layout->subtitle_y + lh + VIGIA_CHART_PAD * 1.5;
  layout->ticks_y = height - VIGIA_CHART_PAD - lh;
  layout->plot.height = MAX (layout->ticks_y - 4 - layout->plot.y, 1);

  /* The goals' labels take what they need, up to a third of the width. */
  for (guint i = 0; i < layout->n; i++)
    {
      g_autofree char *text = dup_goal_label (vigia_dimension_get_goal (self->dimension, i));
      g_autoptr(PangoLayout) label = vigia_chart_layout (cr, style, 0.9, FALSE, text);
      double w;

      vigia_chart_text_size (label, &w, NULL);
      natural_w = MAX (natural_w, w);
    }
  layout->label_w = MIN (natural_w, width / 3);

  /* Room after the bars for the longest figure and word. */
  widest = vigia_chart_layout (cr, style, 0.9, FALSE, "100 % · ");
  vigia_chart_text_size (widest, &value_w, NULL);
  for (int s = 0; s < VIGIA_N_STATUSES; s++)
    {
      g_autoptr(PangoLayout) word = vigia_chart_layout (cr, style, 0.9, FALSE, vigia_status_get_label (s));
      double w;

      vigia_chart_text_size (word, &w, NULL);
      value_w = MAX (value_w, w);
    }

  layout->plot.x = VIGIA_CHART_PAD + layout->label_w + VIGIA_CHART_PAD;
  layout->plot.width = MAX (width - layout->plot.x - value_w * 1.6 - VIGIA_CHART_PAD, 1);

  /* Percent ticks far enough apart for their labels. */
  {
    g_autoptr(PangoLayout) tick = vigia_chart_layout (cr, style, 0.9, FALSE, "100 %");

    vigia_chart_text_size (tick, &tick_w, NULL);
  }
  max_ticks = (guint) CLAMP (layout->plot.width / (tick_w * 1.8), 1, 10);
  layout->step = vigia_chart_nice_step (1.0, max_ticks);
}

static void
vigia_chart_dimension_draw (VigiaChart            *chart,
                            cairo_t               *cr,
                            double                 width,
                            double                 height,
                            const VigiaChartStyle *style)
{
  VigiaChartDimension *self = VIGIA_CHART_DIMENSION (chart);
  g_auto(Layout) layout = { NULL, };
  g_autofree char *name = vigia_dimension_dup_name (self->dimension);
  g_autofree char *subtitle_text = NULL;
  double expected, bar_h;

  compute_layout (self, cr, style, width, height, &layout);
  vigia_chart_fill_background (cr, style, width, height);

  subtitle_text = dup_subtitle (self, &layout);
  vigia_chart_draw_heading (cr, style, width, name, 1.1, layout.title_y, subtitle_text, layout.subtitle_y);

  /* Grid and ticks: 0 % to 100 %. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= 1 + layout.step / 2; v += layout.step)
    {
      g_autofree char *text = vigia_number_format_share (v);
      g_autoptr(PangoLayout) tick = vigia_chart_layout (cr, style, 0.9, FALSE, text);
      double x = round (layout.plot.x + layout.plot.width * v) + 0.5;
      double w;

      vigia_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, x, layout.plot.y);
      cairo_line_to (cr, x, layout.plot.y + layout.plot.height);
      cairo_stroke (cr);
      vigia_chart_text_size (tick, &w, NULL);
      vigia_chart_show_text (cr, tick, &style->foreground, x - w / 2, layout.ticks_y);
    }
  cairo_restore (cr);

  if (layout.n == 0)
    {
      vigia_chart_draw_message (cr, style, width, layout.plot.y + layout.plot.height / 2,
                                _("This dimension has no goals"));
      return;
    }

  bar_h = vigia_chart_bar_height (&layout.plot, layout.n);
  for (guint i = 0; i < layout.n; i++)
    {
      VigiaGoal *goal = vigia_dimension_get_goal (self->dimension, i);
      const VigiaGoalResult *result = vigia_assessment_get_goal_result (layout.assessment, goal, self->source);
      g_autofree char *label_text = dup_goal_label (goal);
      g_autofree char *value_text = dup_bar_label (result);
      g_autoptr(PangoLayout) label = vigia_chart_layout (cr, style, 0.9, FALSE, label_text);
      g_autoptr(PangoLayout) value = vigia_chart_layout (cr, style, 0.9, FALSE, value_text);
      double cy = vigia_chart_row_center (&layout.plot, layout.n, i);
      double bar_w = 0, h;

      pango_layout_set_width (label, (int) (layout.label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      vigia_chart_text_size (label, NULL, &h);
      vigia_chart_show_text (cr, label, &style->foreground, VIGIA_CHART_PAD, cy - h / 2);

      if (VIGIA_HAS_VALUE (result->achievement))
        {
          bar_w = round (layout.plot.width * CLAMP (result->achievement, 0, 1));
          cairo_save (cr);
          vigia_chart_set_color (cr, &style->status[result->status]);
          cairo_rectangle (cr, layout.plot.x, round (cy - bar_h / 2), bar_w, round (bar_h));
          cairo_fill (cr);
          cairo_restore (cr);
        }

      vigia_chart_text_size (value, NULL, &h);
      vigia_chart_show_text (cr, value, &style->foreground, layout.plot.x + bar_w + 6, cy - h / 2);
    }

  /* The expected share, dashed, over the bars. */
  expected = vigia_assessment_get_expected (layout.assessment);
  if (VIGIA_HAS_VALUE (expected))
    {
      const double dash[] = { 5, 3 };
      double x = round (layout.plot.x + layout.plot.width * expected) + 0.5;

      cairo_save (cr);
      vigia_chart_set_color (cr, &style->expected);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, layout.plot.y - 4);
      cairo_line_to (cr, x, layout.plot.y + layout.plot.height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static char *
vigia_chart_dimension_dup_description (VigiaChart *chart)
{
  VigiaChartDimension *self = VIGIA_CHART_DIMENSION (chart);
  g_autoptr(VigiaAssessment) assessment = vigia_assessment_new (self->plan, self->period);
  g_autofree char *name = vigia_dimension_dup_name (self->dimension);
  g_autofree char *rollup = NULL;
  g_autofree char *expected = vigia_number_format_share (vigia_assessment_get_expected (assessment));
  GString *text = g_string_new (NULL);
  guint position = 0;
  guint n = vigia_dimension_get_n_goals (self->dimension);

  for (guint i = 0; i < vigia_plan_get_n_dimensions (self->plan); i++)
    if (vigia_plan_get_dimension (self->plan, i) == self->dimension)
      position = i;
  rollup = vigia_rollup_dup_description (vigia_assessment_get_dimension_rollup (assessment, position,
                                                                                self->source));

  /* Translators: a dimension chart's description begins: "Social, Authority. Achievement 42 %: …; expected 50 %." */
  g_string_append_printf (text, _("%s, %s. %s; expected %s."), name, vigia_source_get_label (self->source),
                          rollup, expected);
  for (guint i = 0; i < n; i++)
    {
      VigiaGoal *goal = vigia_dimension_get_goal (self->dimension, i);
      const VigiaGoalResult *result = vigia_assessment_get_goal_result (assessment, goal, self->source);
      g_autofree char *label = dup_goal_label (goal);
      g_autofree char *value = dup_bar_label (result);

      g_string_append_printf (text, " %s: %s.", label, value);
    }

  return g_string_free (text, FALSE);
}

static char *
vigia_chart_dimension_dup_value_at (VigiaChart            *chart,
                                    const VigiaChartStyle *style,
                                    double                 width,
                                    double                 height,
                                    double                 x,
                                    double                 y)
{
  VigiaChartDimension *self = VIGIA_CHART_DIMENSION (chart);
  g_auto(Layout) layout = { NULL, };
  cairo_t *cr = vigia_chart_measure_context ();
  int row;

  compute_layout (self, cr, style, width, height, &layout);
  cairo_destroy (cr);

  row = vigia_chart_row_at (&layout.plot, layout.n, y);
  if (row < 0 || x > width)
    return NULL;

  {
    VigiaGoal *goal = vigia_dimension_get_goal (self->dimension, row);
    const VigiaGoalResult *result = vigia_assessment_get_goal_result (layout.assessment, goal, self->source);
    g_autofree char *label = dup_goal_label (goal);
    g_autofree char *value = dup_bar_label (result);

    return g_strdup_printf ("%s: %s", label, value);
  }
}

static gboolean
vigia_chart_dimension_get_plot_area (VigiaChart            *chart,
                                     const VigiaChartStyle *style,
                                     double                 width,
                                     double                 height,
                                     cairo_rectangle_t     *area)
{
  g_auto(Layout) layout = { NULL, };
  cairo_t *cr = vigia_chart_measure_context ();

  compute_layout (VIGIA_CHART_DIMENSION (chart), cr, style, width, height, &layout);
  cairo_destroy (cr);
  *area = layout.plot;
  return layout.n > 0;
}

static void
vigia_chart_dimension_chart_init (VigiaChartInterface *iface)
{
  iface->draw = vigia_chart_dimension_draw;
  iface->dup_description = vigia_chart_dimension_dup_description;
  iface->dup_value_at = vigia_chart_dimension_dup_value_at;
  iface->get_plot_area = vigia_chart_dimension_get_plot_area;
}

static void
vigia_chart_dimension_dispose (GObject *object)
{
  VigiaChartDimension *self = (VigiaChartDimension *)object;

  g_clear_object (&self->dimension);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->period, g_free);

  G_OBJECT_CLASS (vigia_chart_dimension_parent_class)->dispose (object);
}

static void
vigia_chart_dimension_class_init (VigiaChartDimensionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigia_chart_dimension_dispose;
}

static void
vigia_chart_dimension_init (VigiaChartDimension *self)
{
}

/**
 * vigia_chart_dimension_new:
 * @period: (nullable): as of this semester; %NULL for today's
 * @source: whose figures to show
 *
 * The chart follows the dimension's goals and their progress.
 *
 * Returns: (transfer full): the chart
 */
VigiaChartDimension *
vigia_chart_dimension_new (VigiaPlan      *plan,
                           VigiaDimension *dimension,
                           const char     *period,
                           VigiaSource     source)
{
  VigiaChartDimension *self;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), NULL);
  g_return_val_if_fail (period == NULL || vigia_period_is_valid (period), NULL);

  self = g_object_new (VIGIA_TYPE_CHART_DIMENSION, NULL);
  self->plan = g_object_ref (plan);
  self->dimension = g_object_ref (dimension);
  self->period = g_strdup (period);
  self->source = source;
  vigia_chart_watch_dimension (VIGIA_CHART (self), dimension);
  return self;
}

void
vigia_chart_dimension_set_period (VigiaChartDimension *self,
                                  const char          *period)
{
  g_return_if_fail (VIGIA_IS_CHART_DIMENSION (self));
  g_return_if_fail (period == NULL || vigia_period_is_valid (period));

  if (vigia_set_string (&self->period, period))
    vigia_chart_changed (VIGIA_CHART (self));
}

void
vigia_chart_dimension_set_source (VigiaChartDimension *self,
                                  VigiaSource          source)
{
  g_return_if_fail (VIGIA_IS_CHART_DIMENSION (self));

  if (self->source == source)
    return;
  self->source = source;
  vigia_chart_changed (VIGIA_CHART (self));
}
