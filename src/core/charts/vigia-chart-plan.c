/* vigia-chart-plan.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's achievement in large type, then one row per dimension: its
 * achievement as the length of a bar on a track of 100 %, against a line at
 * the share expected by the semester, with the figure after the track; and
 * under it a thin strip of its targets by status (kept, partly kept, in
 * progress, stalled, broken, not rated; one target as wide in every row, so
 * that rows compare).  A bar's length is never a count: "47 %" is drawn
 * as 47 % of the track.  A legend names the colours.
 */
#define G_LOG_DOMAIN "vigia-chart-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vigia-assessment.h"
#include "vigia-chart-plan.h"
#include "vigia-chart-private.h"
#include "vigia-number.h"
#include "vigia-period.h"
#include "vigia-utils.h"

struct _VigiaChartPlan
{
  GObject      parent_instance;

  VigiaPlan   *plan;
  char        *period;
  VigiaSource  source;
};

typedef struct
{
  VigiaAssessment   *assessment;
  guint              n;
  guint              max_goals;
  cairo_rectangle_t  plot;
  double             label_w;
  double             title_y, subtitle_y, legend_y;
} Layout;

/* Of a row's band: the achievement bar at the top, the status strip at
 * the bottom, a gap between. */
#define ACHIEVEMENT_SHARE 0.62
#define STRIP_TOP 0.75

/* The legend: the bar, the line, then the statuses. */
#define N_LEGEND (G_N_ELEMENTS (stack_order) + 2)

/* The order of the stacked segments, best first. */
static const VigiaStatus stack_order[] = {
  VIGIA_STATUS_KEPT, VIGIA_STATUS_PARTLY_KEPT, VIGIA_STATUS_IN_PROGRESS,
  VIGIA_STATUS_STALLED, VIGIA_STATUS_BROKEN, VIGIA_STATUS_NOT_RATED,
};

static void vigia_chart_plan_chart_init (VigiaChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigiaChartPlan, vigia_chart_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VIGIA_TYPE_CHART, vigia_chart_plan_chart_init))

static void
layout_clear (Layout *layout)
{
  g_clear_object (&layout->assessment);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static char *
dup_title (const Layout *layout,
           VigiaSource   source)
{
  const VigiaRollup *rollup = vigia_assessment_get_plan_rollup (layout->assessment, source);
  double achievement = vigia_rollup_get_achievement (rollup);
  g_autofree char *share = NULL;

  if (!VIGIA_HAS_VALUE (achievement))
    return g_strdup (_("Achievement not known yet"));
  share = vigia_number_format_share (achievement);
  /* Translators: the title of a plan's chart: "Achievement 42 %". */
  return g_strdup_printf (_("Achievement %s"), share);
}

static char *
dup_subtitle (VigiaChartPlan *self,
              const Layout   *layout)
{
  g_autofree char *period = vigia_period_dup_label (vigia_assessment_get_period (layout->assessment));
  g_autofree char *expected = vigia_number_format_share (vigia_assessment_get_expected (layout->assessment));
  VigiaPace pace = vigia_assessment_get_plan_pace (layout->assessment, self->source);

  if (pace == VIGIA_PACE_NO_DATA)
    return g_strdup_printf (_("%s · %s · expected %s"), period, vigia_source_get_label (self->source), expected);
  /* Translators: under a plan's chart: semester, source, expected share, pace:
   * "2nd half 2024 · Authority · expected 50 % · On track". */
  return g_strdup_printf (_("%s · %s · expected %s · %s"), period, vigia_source_get_label (self->source),
                          expected, vigia_pace_get_label (pace));
}

static void
legend_items (const VigiaChartStyle  *style,
              const char            **labels,
              const VigiaColor      **colors)
{
  /* The target's colour: the statuses' blue of "in progress" would make
   * the bar read as a count of goals in progress. */
  labels[0] = _("Achievement");
  colors[0] = &style->target;
  labels[1] = _("Expected by now");
  colors[1] = &style->expected;
  for (guint i = 0; i < G_N_ELEMENTS (stack_order); i++)
    {
      labels[i + 2] = vigia_status_get_label (stack_order[i]);
      colors[i + 2] = &style->status[stack_order[i]];
    }
}

static void
compute_layout (VigiaChartPlan        *self,
                cairo_t               *cr,
                const VigiaChartStyle *style,
                double                 width,
                double                 height,
                Layout                *layout)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(PangoLayout) share = NULL;
  const char *labels[N_LEGEND];
  const VigiaColor *colors[N_LEGEND];
  double th, lh, legend_h, share_w, natural_w = 0;

  layout->assessment = vigia_assessment_new (self->plan, self->period);
  layout->n = vigia_plan_get_n_dimensions (self->plan);
  layout->max_goals = 1;
  for (guint i = 0; i < layout->n; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self->plan, i);
      g_autofree char *name = vigia_dimension_dup_name (dim);
      g_autoptr(PangoLayout) label = vigia_chart_layout (cr, style, 0.9, FALSE, name);
      double w;

      layout->max_goals = MAX (layout->max_goals, vigia_dimension_get_n_goals (dim));
      vigia_chart_text_size (label, &w, NULL);
      natural_w = MAX (natural_w, w);
    }
  layout->label_w = MIN (natural_w, width / 3);

  title = vigia_chart_layout (cr, style, 1.6, TRUE, "Ag");
  vigia_chart_text_size (title, NULL, &th);
  probe = vigia_chart_layout (cr, style, 0.9, FALSE, "Ag");
  vigia_chart_text_size (probe, NULL, &lh);
  layout->title_y = VIGIA_CHART_PAD;
  layout->subtitle_y = layout->title_y + th;

  legend_items (style, labels, colors);
  vigia_chart_draw_legend (cr, style, VIGIA_CHART_PAD, 0, width - 2 * VIGIA_CHART_PAD, labels, NULL,
                           N_LEGEND, &legend_h);
  layout->legend_y = height - VIGIA_CHART_PAD - legend_h;

  /* Room after the bars for "100 %" or "no data", whichever is wider. */
  share = vigia_chart_layout (cr, style, 0.9, TRUE, "100 %");
  vigia_chart_text_size (share, &share_w, NULL);
  {
    g_autoptr(PangoLayout) no_data = vigia_chart_layout (cr, style, 0.9, TRUE, _("no data"));
    double w;

    vigia_chart_text_size (no_data, &w, NULL);
    share_w = MAX (share_w, w);
  }

  layout->plot.x = VIGIA_CHART_PAD + layout->label_w + VIGIA_CHART_PAD;
  layout->plot.y = layout->subtitle_y + lh + VIGIA_CHART_PAD * 1.5;
  layout->plot.width = MAX (width - layout->plot.x - share_w - 6 - VIGIA_CHART_PAD, 1);
  layout->plot.height = MAX (layout->legend_y - VIGIA_CHART_PAD - layout->plot.y, 1);
}

static void
vigia_chart_plan_draw (VigiaChart            *chart,
                       cairo_t               *cr,
                       double                 width,
                       double                 height,
                       const VigiaChartStyle *style)
{
  VigiaChartPlan *self = VIGIA_CHART_PLAN (chart);
  g_auto(Layout) layout = { NULL, };
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;
  const char *labels[N_LEGEND];
  const VigiaColor *colors[N_LEGEND];
  double goal_w, bar_h;

  compute_layout (self, cr, style, width, height, &layout);
  vigia_chart_fill_background (cr, style, width, height);

  title_text = dup_title (&layout, self->source);
  subtitle_text = dup_subtitle (self, &layout);
  vigia_chart_draw_heading (cr, style, width, title_text, 1.6, layout.title_y, subtitle_text, layout.subtitle_y);

  goal_w = layout.plot.width / layout.max_goals;
  bar_h = vigia_chart_bar_height (&layout.plot, layout.n);
  for (guint i = 0; i < layout.n; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self->plan, i);
      const VigiaRollup *rollup = vigia_assessment_get_dimension_rollup (layout.assessment, i, self->source);
      double achievement = vigia_rollup_get_achievement (rollup);
      g_autofree char *name = vigia_dimension_dup_name (dim);
      g_autofree char *share_text = vigia_number_format_share (achievement);
      g_autoptr(PangoLayout) label = vigia_chart_layout (cr, style, 0.9, FALSE, name);
      g_autoptr(PangoLayout) share = vigia_chart_layout (cr, style, 0.9, TRUE, share_text);
      double cy = vigia_chart_row_center (&layout.plot, layout.n, i);
      double top = round (cy - bar_h / 2);
      double bar_bottom = round (cy - bar_h / 2 + bar_h * ACHIEVEMENT_SHARE);
      double strip_top = round (cy - bar_h / 2 + bar_h * STRIP_TOP);
      double strip_bottom = round (cy + bar_h / 2);
      double x = layout.plot.x, h;

      pango_layout_set_width (label, (int) (layout.label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      vigia_chart_text_size (label, NULL, &h);
      vigia_chart_show_text (cr, label, &style->foreground, VIGIA_CHART_PAD, (top + bar_bottom) / 2 - h / 2);

      /* The track is 100 %; the bar, the achievement (none without data). */
      cairo_save (cr);
      vigia_chart_set_color (cr, &style->grid);
      cairo_rectangle (cr, round (layout.plot.x), top, round (layout.plot.width), bar_bottom - top);
      cairo_fill (cr);
      if (VIGIA_HAS_VALUE (achievement) && achievement > 0)
        {
          vigia_chart_set_color (cr, &style->target);
          cairo_rectangle (cr, round (layout.plot.x), top,
                           round (layout.plot.width * CLAMP (achievement, 0, 1)), bar_bottom - top);
          cairo_fill (cr);
        }
      cairo_restore (cr);

      /* The targets by status, in a strip of their own. */
      for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
        {
          guint count = rollup->status_counts[stack_order[k]];

          if (count == 0)
            continue;
          cairo_save (cr);
          vigia_chart_set_color (cr, &style->status[stack_order[k]]);
          cairo_rectangle (cr, round (x), strip_top, round (x + goal_w * count) - round (x),
                           strip_bottom - strip_top);
          cairo_fill (cr);
          cairo_restore (cr);
          x += goal_w * count;
        }

      vigia_chart_text_size (share, NULL, &h);
      vigia_chart_show_text (cr, share, &style->foreground, layout.plot.x + layout.plot.width + 6,
                             (top + bar_bottom) / 2 - h / 2);
    }

  /* The share expected by the semester, across every row's track. */
  {
    double expected = vigia_assessment_get_expected (layout.assessment);

    if (VIGIA_HAS_VALUE (expected))
      {
        double ex = round (layout.plot.x + layout.plot.width * CLAMP (expected, 0, 1)) + 0.5;

        cairo_save (cr);
        vigia_chart_set_color (cr, &style->expected);
        cairo_set_line_width (cr, 2);
        cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
        cairo_move_to (cr, ex, layout.plot.y);
        cairo_line_to (cr, ex, layout.plot.y + layout.plot.height);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
  }

  legend_items (style, labels, colors);
  vigia_chart_draw_legend (cr, style, VIGIA_CHART_PAD, layout.legend_y, width - 2 * VIGIA_CHART_PAD,
                           labels, colors, N_LEGEND, NULL);
}

static char *
vigia_chart_plan_dup_description (VigiaChart *chart)
{
  VigiaChartPlan *self = VIGIA_CHART_PLAN (chart);
  g_autoptr(VigiaAssessment) assessment = vigia_assessment_new (self->plan, self->period);
  g_autofree char *rollup = vigia_rollup_dup_description (vigia_assessment_get_plan_rollup (assessment, self->source));
  g_autofree char *period = vigia_period_dup_label (vigia_assessment_get_period (assessment));
  g_autofree char *expected = vigia_number_format_share (vigia_assessment_get_expected (assessment));
  GString *text = g_string_new (NULL);
  guint n = vigia_plan_get_n_dimensions (self->plan);

  /* Translators: a plan chart's description begins: "Achievement 42 %: 1 kept, …; 2nd half 2024, Authority, expected 50 %." */
  g_string_append_printf (text, _("%s; %s, %s, expected %s."), rollup, period,
                          vigia_source_get_label (self->source), expected);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = vigia_dimension_dup_name (vigia_plan_get_dimension (self->plan, i));
      g_autofree char *dimension = vigia_rollup_dup_description (vigia_assessment_get_dimension_rollup (assessment, i,
                                                                                                        self->source));

      g_string_append_printf (text, " %s: %s.", name, dimension);
    }

  return g_string_free (text, FALSE);
}

static char *
vigia_chart_plan_dup_value_at (VigiaChart            *chart,
                               const VigiaChartStyle *style,
                               double                 width,
                               double                 height,
                               double                 x,
                               double                 y)
{
  VigiaChartPlan *self = VIGIA_CHART_PLAN (chart);
  g_auto(Layout) layout = { NULL, };
  cairo_t *cr = vigia_chart_measure_context ();
  const VigiaRollup *rollup;
  g_autofree char *name = NULL;
  double goal_w, left, bar_h, strip_top;
  int row;

  compute_layout (self, cr, style, width, height, &layout);
  cairo_destroy (cr);

  row = vigia_chart_row_at (&layout.plot, layout.n, y);
  if (row < 0)
    return NULL;

  rollup = vigia_assessment_get_dimension_rollup (layout.assessment, row, self->source);
  name = vigia_dimension_dup_name (vigia_plan_get_dimension (self->plan, row));
  bar_h = vigia_chart_bar_height (&layout.plot, layout.n);
  strip_top = vigia_chart_row_center (&layout.plot, layout.n, row) - bar_h / 2 + bar_h * STRIP_TOP;

  /* On the strip: the targets of the status there. */
  goal_w = layout.plot.width / layout.max_goals;
  left = layout.plot.x;
  for (guint k = 0; y >= strip_top - 1 && k < G_N_ELEMENTS (stack_order); k++)
    {
      guint count = rollup->status_counts[stack_order[k]];

      if (count > 0 && x >= left && x < left + goal_w * count)
        {
          g_autofree char *words = vigia_status_dup_count (stack_order[k], count);

          return g_strdup_printf ("%s: %s", name, words);
        }
      left += goal_w * count;
    }

  /* On the bar, its track or the figure after it: the dimension's figures. */
  if (x >= layout.plot.x)
    {
      g_autofree char *description = vigia_rollup_dup_description (rollup);

      return g_strdup_printf ("%s: %s", name, description);
    }
  return NULL;
}

static gboolean
vigia_chart_plan_get_plot_area (VigiaChart            *chart,
                                const VigiaChartStyle *style,
                                double                 width,
                                double                 height,
                                cairo_rectangle_t     *area)
{
  g_auto(Layout) layout = { NULL, };
  cairo_t *cr = vigia_chart_measure_context ();

  compute_layout (VIGIA_CHART_PLAN (chart), cr, style, width, height, &layout);
  cairo_destroy (cr);
  *area = layout.plot;
  return layout.n > 0;
}

static void
vigia_chart_plan_chart_init (VigiaChartInterface *iface)
{
  iface->draw = vigia_chart_plan_draw;
  iface->dup_description = vigia_chart_plan_dup_description;
  iface->dup_value_at = vigia_chart_plan_dup_value_at;
  iface->get_plot_area = vigia_chart_plan_get_plot_area;
}

static void
vigia_chart_plan_dispose (GObject *object)
{
  VigiaChartPlan *self = (VigiaChartPlan *)object;

  g_clear_object (&self->plan);
  g_clear_pointer (&self->period, g_free);

  G_OBJECT_CLASS (vigia_chart_plan_parent_class)->dispose (object);
}

static void
vigia_chart_plan_class_init (VigiaChartPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigia_chart_plan_dispose;
}

static void
vigia_chart_plan_init (VigiaChartPlan *self)
{
}

/**
 * vigia_chart_plan_new:
 * @period: (nullable): as of this semester; %NULL for today's
 * @source: whose figures to show
 *
 * The chart follows the plan's dimensions, goals and progress.
 *
 * Returns: (transfer full): the chart
 */
VigiaChartPlan *
vigia_chart_plan_new (VigiaPlan   *plan,
                      const char  *period,
                      VigiaSource  source)
{
  VigiaChartPlan *self;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (period == NULL || vigia_period_is_valid (period), NULL);

  self = g_object_new (VIGIA_TYPE_CHART_PLAN, NULL);
  self->plan = g_object_ref (plan);
  self->period = g_strdup (period);
  self->source = source;
  vigia_chart_watch_plan (VIGIA_CHART (self), plan);
  return self;
}

void
vigia_chart_plan_set_period (VigiaChartPlan *self,
                             const char     *period)
{
  g_return_if_fail (VIGIA_IS_CHART_PLAN (self));
  g_return_if_fail (period == NULL || vigia_period_is_valid (period));

  if (vigia_set_string (&self->period, period))
    vigia_chart_changed (VIGIA_CHART (self));
}

void
vigia_chart_plan_set_source (VigiaChartPlan *self,
                             VigiaSource     source)
{
  g_return_if_fail (VIGIA_IS_CHART_PLAN (self));

  if (self->source == source)
    return;
  self->source = source;
  vigia_chart_changed (VIGIA_CHART (self));
}
