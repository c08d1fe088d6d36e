/* vigia-chart-trajectory.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Semesters run left to right, the start of the term (the baseline) at the
 * left edge and each semester's end after it; values up.  The target is a
 * solid line, the expected path a dashed one from the baseline at the start
 * to the target at the end; each source is a line through its values.  A
 * goal assessed by status (qualitative) shows a row of coloured dots per
 * source instead.
 */
#define G_LOG_DOMAIN "vigia-chart-trajectory"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vigia-assessment.h"
#include "vigia-chart-private.h"
#include "vigia-chart-trajectory.h"
#include "vigia-period.h"
#include "vigia-utils.h"

#define POINT_RADIUS 4.0
#define HIT_RADIUS 10.0
#define N_SOURCES 2

struct _VigiaChartTrajectory
{
  GObject    parent_instance;

  VigiaPlan   *plan;
  VigiaGoal   *goal;
  VigiaTarget *target;
};

typedef struct
{
  cairo_rectangle_t plot;
  GStrv             periods;
  guint             n;
  VigiaTargetTerms  terms;
  gboolean          numeric;
  double            start;
  double            goal;
  double            lo, hi, step;
  double            title_y, subtitle_y, labels_y, legend_y;
  /* The widest semester label. */
  double            period_w;
  double            width;
} Layout;

static void vigia_chart_trajectory_chart_init (VigiaChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigiaChartTrajectory, vigia_chart_trajectory, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VIGIA_TYPE_CHART, vigia_chart_trajectory_chart_init))

/* ---------------------------------------------------------------------- */
/* Layout                                                                 */
/* ---------------------------------------------------------------------- */

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->periods, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

/* The term's semesters, or those of the entries for a plan with no term. */
static GStrv
list_periods (VigiaChartTrajectory *self)
{
  GListModel *entries = vigia_target_get_progress (self->target);
  guint n = g_list_model_get_n_items (entries);
  g_autoptr(GStrvBuilder) periods = g_strv_builder_new ();
  int first = G_MAXINT, last = 0;

  if (vigia_plan_has_term (self->plan))
    return vigia_term_list_periods (vigia_plan_get_term_start (self->plan),
                                    vigia_plan_get_term_end (self->plan));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, i);
      int year;

      if (vigia_period_parse (vigia_progress_get_period (entry), &year, NULL))
        {
          first = MIN (first, year);
          last = MAX (last, year);
        }
    }
  /* Without a term, the whole years its entries are in. */
  for (int year = first; year <= last; year++)
    for (int half = 1; half <= 2; half++)
      {
        g_autofree char *period = vigia_period_format (year, half);

        g_strv_builder_add (periods, period);
      }
  return g_strv_builder_end (periods);
}

static char *
dup_title (VigiaChartTrajectory *self)
{
  const char *indicator = vigia_goal_get_indicator (self->goal);
  g_autofree char *title = NULL;
  guint position = 0;

  if (!vigia_str_empty (indicator))
    title = g_strdup (indicator);
  else
    /* Translators: the title of a goal's chart when it has no indicator. */
    title = g_strdup_printf (_("Goal %u"), vigia_goal_get_number (self->goal));

  if (vigia_goal_get_n_targets (self->goal) < 2 ||
      !vigia_goal_get_target_position (self->goal, self->target, &position))
    return g_steal_pointer (&title);
  /* Translators: a chart's title for one of a goal's several targets:
   * "POBLACIÓN ATENDIDA · target 2 of 3". */
  return g_strdup_printf (_("%s · target %u of %u"), title, position + 1, vigia_goal_get_n_targets (self->goal));
}

static char *
dup_subtitle (VigiaChartTrajectory *self)
{
  g_autofree char *target = vigia_target_dup_label (self->target);

  /* Translators: under a goal's chart: "Target: 25 % ↑". */
  return g_strdup_printf (_("Target: %s"), target);
}

static char *
dup_tick_label (const Layout *layout,
                double        value)
{
  g_autofree char *number = vigia_chart_format_tick (value, layout->step);

  if (layout->terms.measure == VIGIA_MEASURE_PERCENT || layout->terms.measure == VIGIA_MEASURE_PERCENT_CHANGE)
    return g_strdup_printf ("%s %%", number);
  return g_steal_pointer (&number);
}

static double
layout_x (const Layout *layout,
          guint         k)
{
  return layout->plot.x + layout->plot.width * k / MAX (layout->n, 1);
}

static double
layout_y (const Layout *layout,
          double        value)
{
  return layout->plot.y + layout->plot.height * (layout->hi - value) / (layout->hi - layout->lo);
}

/* The row of a source's dots in a chart by status. */
static double
layout_row_y (const Layout *layout,
              VigiaSource   source)
{
  return layout->plot.y + layout->plot.height * (source == VIGIA_SOURCE_AUTHORITY ? 0.3 : 0.7);
}

static guint
legend_items (const Layout           *layout,
              const VigiaChartStyle  *style,
              const char            **labels,
              const VigiaColor      **colors)
{
  labels[0] = vigia_source_get_label (VIGIA_SOURCE_AUTHORITY);
  colors[0] = &style->authority;
  labels[1] = vigia_source_get_label (VIGIA_SOURCE_OBSERVER);
  colors[1] = &style->observer;
  if (!layout->numeric)
    return 2;
  labels[2] = _("Target");
  colors[2] = &style->target;
  /* Translators: the legend of the dashed line from baseline to target. */
  labels[3] = _("Expected path");
  colors[3] = &style->expected;
  return 4;
}

static void
compute_layout (VigiaChartTrajectory  *self,
                cairo_t               *cr,
                const VigiaChartStyle *style,
                double                 width,
                double                 height,
                Layout                *layout)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  const char *labels[4];
  const VigiaColor *colors[4];
  double th, lh, legend_h, label_w = 0;
  double min, max, bottom;
  guint n_items, max_ticks;
  GListModel *entries;
  guint n_entries;

  layout->width = width;
  layout->periods = list_periods (self);
  layout->n = g_strv_length (layout->periods);
  vigia_target_terms_init (&layout->terms, self->target);
  layout->numeric = vigia_target_terms_is_numeric (&layout->terms);
  layout->start = vigia_target_terms_get_start (&layout->terms);
  layout->goal = vigia_target_terms_get_goal_value (&layout->terms);

  /* From the top: title, subtitle; from the bottom: legend, semester labels. */
  title = vigia_chart_layout (cr, style, 1.1, TRUE, "Ag");
  vigia_chart_text_size (title, NULL, &th);
  probe = vigia_chart_layout (cr, style, 0.9, FALSE, "Ag");
  vigia_chart_text_size (probe, NULL, &lh);

  layout->title_y = VIGIA_CHART_PAD;
  layout->subtitle_y = layout->title_y + th + 2;

  n_items = legend_items (layout, style, labels, colors);
  vigia_chart_draw_legend (cr, style, VIGIA_CHART_PAD, 0, width - 2 * VIGIA_CHART_PAD, labels, NULL,
                           n_items, &legend_h);
  layout->legend_y = height - VIGIA_CHART_PAD - legend_h;
  layout->labels_y = layout->legend_y - VIGIA_CHART_PAD - lh;

  layout->plot.y = layout->subtitle_y + lh + VIGIA_CHART_PAD * 1.5;
  bottom = layout->labels_y - 4;
  layout->plot.height = MAX (bottom - layout->plot.y, 1);

  /* The value axis: every value, the start and the target. */
  min = G_MAXDOUBLE;
  max = -G_MAXDOUBLE;
  if (VIGIA_HAS_VALUE (layout->start))
    min = MIN (min, layout->start), max = MAX (max, layout->start);
  if (VIGIA_HAS_VALUE (layout->goal))
    min = MIN (min, layout->goal), max = MAX (max, layout->goal);
  entries = vigia_target_get_progress (self->target);
  n_entries = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, i);
      double value = vigia_progress_get_value (entry);

      if (VIGIA_HAS_VALUE (value))
        min = MIN (min, value), max = MAX (max, value);
    }
  if (min > max)
    min = max = 0;
  /* Amounts and counts start at 0 unless they go below it. */
  min = MIN (min, 0);

  /* Ticks at least two text lines apart, so that labels never touch. */
  max_ticks = (guint) CLAMP (layout->plot.height / (lh * 2), 1, 10);
  layout->step = vigia_chart_axis_range (min, max, max_ticks, &layout->lo, &layout->hi);

  if (layout->numeric || layout->n > 0)
    {
      if (layout->numeric)
        for (double v = layout->lo; v <= layout->hi + layout->step / 2; v += layout->step)
          {
            g_autofree char *text = dup_tick_label (layout, v);
            g_autoptr(PangoLayout) tick = vigia_chart_layout (cr, style, 0.9, FALSE, text);
            double w;

            vigia_chart_text_size (tick, &w, NULL);
            label_w = MAX (label_w, w);
          }
      else
        for (int s = 0; s < N_SOURCES; s++)
          {
            g_autoptr(PangoLayout) row = vigia_chart_layout (cr, style, 0.9, FALSE, vigia_source_get_label (s));
            double w;

            vigia_chart_text_size (row, &w, NULL);
            label_w = MAX (label_w, w);
          }
    }

  for (guint k = 0; k < layout->n; k++)
    {
      g_autofree char *text = vigia_period_dup_short_label (layout->periods[k]);
      g_autoptr(PangoLayout) label = vigia_chart_layout (cr, style, 0.9, FALSE, text);
      double w;

      vigia_chart_text_size (label, &w, NULL);
      layout->period_w = MAX (layout->period_w, w);
    }

  /* The last semester's label is centred on the right edge: leave it room. */
  layout->plot.x = VIGIA_CHART_PAD + label_w + 6;
  layout->plot.width = MAX (width - layout->plot.x - MAX (VIGIA_CHART_PAD * 2, layout->period_w / 2 + 2), 1);
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                */
/* ---------------------------------------------------------------------- */

static void
draw_axes (cairo_t               *cr,
           const VigiaChartStyle *style,
           const Layout          *layout)
{
  double label_w = 0, slot;
  guint skip = 1;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);

  if (layout->numeric)
    for (double v = layout->lo; v <= layout->hi + layout->step / 2; v += layout->step)
      {
        g_autofree char *text = dup_tick_label (layout, v);
        g_autoptr(PangoLayout) tick = vigia_chart_layout (cr, style, 0.9, FALSE, text);
        double y = round (layout_y (layout, v)) + 0.5;
        double w, h;

        vigia_chart_set_color (cr, &style->grid);
        cairo_move_to (cr, layout->plot.x, y);
        cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
        cairo_stroke (cr);

        vigia_chart_text_size (tick, &w, &h);
        vigia_chart_show_text (cr, tick, &style->foreground, layout->plot.x - 6 - w, y - h / 2);
      }
  else
    for (int s = 0; s < N_SOURCES; s++)
      {
        g_autoptr(PangoLayout) row = vigia_chart_layout (cr, style, 0.9, FALSE, vigia_source_get_label (s));
        double w, h;

        vigia_chart_text_size (row, &w, &h);
        vigia_chart_show_text (cr, row, &style->foreground, layout->plot.x - 6 - w,
                               layout_row_y (layout, s) - h / 2);
      }

  /* Semester labels: every one if they fit, else every second, third… */
  label_w = layout->period_w;
  slot = layout->plot.width / MAX (layout->n, 1);
  while (skip < layout->n && skip * slot < label_w + 10)
    skip++;

  for (guint k = layout->n; k >= 1; k--)
    {
      /* Counted from the last semester, so that the end of the term is named. */
      if ((layout->n - k) % skip != 0)
        continue;
      {
        g_autofree char *text = vigia_period_dup_short_label (layout->periods[k - 1]);
        g_autoptr(PangoLayout) label = vigia_chart_layout (cr, style, 0.9, FALSE, text);
        double w, x;

        vigia_chart_text_size (label, &w, NULL);
        x = CLAMP (layout_x (layout, k) - w / 2, 0, layout->width - w);
        vigia_chart_show_text (cr, label, &style->foreground, x, layout->labels_y);

        vigia_chart_set_color (cr, &style->grid);
        cairo_move_to (cr, round (layout_x (layout, k)) + 0.5, layout->plot.y + layout->plot.height);
        cairo_line_to (cr, round (layout_x (layout, k)) + 0.5, layout->plot.y + layout->plot.height + 4);
        cairo_stroke (cr);
      }
    }

  cairo_restore (cr);
}

static void
draw_target (cairo_t               *cr,
             const VigiaChartStyle *style,
             const Layout          *layout)
{
  double y;

  if (!layout->numeric || layout->n == 0)
    return;

  /* The expected path, dashed, from the start to the target. */
  if (VIGIA_HAS_VALUE (layout->start))
    {
      const double dash[] = { 6, 4 };

      cairo_save (cr);
      vigia_chart_set_color (cr, &style->expected);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, layout_x (layout, 0), layout_y (layout, layout->start));
      cairo_line_to (cr, layout_x (layout, layout->n), layout_y (layout, layout->goal));
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The target, solid, across the term; on whole pixels for a crisp line. */
  y = round (layout_y (layout, layout->goal));
  cairo_save (cr);
  vigia_chart_set_color (cr, &style->target);
  cairo_rectangle (cr, layout->plot.x, y - 1, layout->plot.width, 2);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_series (VigiaChartTrajectory  *self,
             cairo_t               *cr,
             const VigiaChartStyle *style,
             const Layout          *layout)
{
  for (int s = 0; s < N_SOURCES; s++)
    {
      const VigiaColor *color = s == VIGIA_SOURCE_AUTHORITY ? &style->authority : &style->observer;
      gboolean drawing = FALSE;

      cairo_save (cr);
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

      /* The line first, then the points over it. */
      if (layout->numeric)
        {
          vigia_chart_set_color (cr, color);
          for (guint k = 1; k <= layout->n; k++)
            {
              VigiaProgress *entry = vigia_target_find_progress (self->target, layout->periods[k - 1], s);
              double value = entry != NULL ? vigia_progress_get_value (entry) : NAN;

              if (!VIGIA_HAS_VALUE (value))
                continue;
              if (drawing)
                cairo_line_to (cr, layout_x (layout, k), layout_y (layout, value));
              else
                cairo_move_to (cr, layout_x (layout, k), layout_y (layout, value));
              drawing = TRUE;
            }
          cairo_stroke (cr);
        }

      for (guint k = 1; k <= layout->n; k++)
        {
          VigiaProgress *entry = vigia_target_find_progress (self->target, layout->periods[k - 1], s);
          double value = entry != NULL ? vigia_progress_get_value (entry) : NAN;
          double x = layout_x (layout, k);

          if (entry == NULL)
            continue;
          if (layout->numeric && VIGIA_HAS_VALUE (value))
            {
              vigia_chart_set_color (cr, color);
              cairo_arc (cr, x, layout_y (layout, value), POINT_RADIUS, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          else if (!layout->numeric && vigia_progress_get_status (entry) != VIGIA_STATUS_NOT_RATED)
            {
              /* The status's colour, ringed by the source's. */
              vigia_chart_set_color (cr, &style->status[vigia_progress_get_status (entry)]);
              cairo_arc (cr, x, layout_row_y (layout, s), POINT_RADIUS * 1.6, 0, 2 * G_PI);
              cairo_fill_preserve (cr);
              vigia_chart_set_color (cr, color);
              cairo_stroke (cr);
            }
        }
      cairo_restore (cr);
    }
}

static void
vigia_chart_trajectory_draw (VigiaChart            *chart,
                             cairo_t               *cr,
                             double                 width,
                             double                 height,
                             const VigiaChartStyle *style)
{
  VigiaChartTrajectory *self = VIGIA_CHART_TRAJECTORY (chart);
  g_auto(Layout) layout = { { 0, }, };
  g_autofree char *title_text = dup_title (self);
  g_autofree char *subtitle_text = dup_subtitle (self);
  const char *labels[4];
  const VigiaColor *colors[4];
  guint n_items;

  compute_layout (self, cr, style, width, height, &layout);
  vigia_chart_fill_background (cr, style, width, height);

  vigia_chart_draw_heading (cr, style, width, title_text, 1.1, layout.title_y, subtitle_text, layout.subtitle_y);

  if (layout.n == 0)
    {
      /* Translators: in a goal's chart, for a plan without a term and no progress. */
      vigia_chart_draw_message (cr, style, width, height / 2, _("No semesters to show: the plan has no term"));
      return;
    }

  draw_axes (cr, style, &layout);
  draw_target (cr, style, &layout);
  draw_series (self, cr, style, &layout);

  n_items = legend_items (&layout, style, labels, colors);
  vigia_chart_draw_legend (cr, style, VIGIA_CHART_PAD, layout.legend_y, width - 2 * VIGIA_CHART_PAD,
                           labels, colors, n_items, NULL);
}

/* ---------------------------------------------------------------------- */
/* Words                                                                  */
/* ---------------------------------------------------------------------- */

static char *
describe_entry (VigiaChartTrajectory *self,
                VigiaProgress        *entry)
{
  double value = vigia_progress_get_value (entry);

  if (VIGIA_HAS_VALUE (value))
    return vigia_target_dup_value_label (self->target, value);
  return g_strdup (vigia_status_get_label (vigia_progress_get_status (entry)));
}

static char *
vigia_chart_trajectory_dup_description (VigiaChart *chart)
{
  VigiaChartTrajectory *self = VIGIA_CHART_TRAJECTORY (chart);
  g_autofree char *title = dup_title (self);
  g_autofree char *target = vigia_target_dup_label (self->target);
  GListModel *entries = vigia_target_get_progress (self->target);
  guint n = g_list_model_get_n_items (entries);
  GString *text = g_string_new (NULL);

  /* Translators: the start of a goal chart's description: "POBLACIÓN ATENDIDA, target 25 % ↑." */
  g_string_append_printf (text, _("%s, target %s."), title, target);

  for (int s = 0; s < N_SOURCES; s++)
    {
      g_autoptr(GString) items = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, i);
          g_autofree char *value = NULL;
          g_autofree char *period = NULL;

          if ((int) vigia_progress_get_source (entry) != s ||
              (!VIGIA_HAS_VALUE (vigia_progress_get_value (entry)) &&
               vigia_progress_get_status (entry) == VIGIA_STATUS_NOT_RATED))
            continue;

          value = describe_entry (self, entry);
          period = vigia_period_dup_label (vigia_progress_get_period (entry));
          if (items->len > 0)
            g_string_append (items, ", ");
          /* Translators: a value and its semester: "12 % in 1st half 2024". */
          g_string_append_printf (items, _("%s in %s"), value, period);
        }

      g_string_append_c (text, ' ');
      /* Translators: a source and what it recorded: "Authority: 5 % in 1st half 2023, 9 % in 2nd half 2023." */
      g_string_append_printf (text, _("%s: %s."), vigia_source_get_label (s),
                              items->len > 0 ? items->str : _("nothing recorded"));
    }

  return g_string_free (text, FALSE);
}

static char *
vigia_chart_trajectory_dup_value_at (VigiaChart            *chart,
                                     const VigiaChartStyle *style,
                                     double                 width,
                                     double                 height,
                                     double                 x,
                                     double                 y)
{
  VigiaChartTrajectory *self = VIGIA_CHART_TRAJECTORY (chart);
  g_auto(Layout) layout = { { 0, }, };
  cairo_t *cr = vigia_chart_measure_context ();
  VigiaProgress *best = NULL;
  double best_distance = HIT_RADIUS;

  compute_layout (self, cr, style, width, height, &layout);
  cairo_destroy (cr);

  for (int s = 0; s < N_SOURCES; s++)
    for (guint k = 1; k <= layout.n; k++)
      {
        VigiaProgress *entry = vigia_target_find_progress (self->target, layout.periods[k - 1], s);
        double px = layout_x (&layout, k), py, distance;

        if (entry == NULL)
          continue;
        if (layout.numeric && VIGIA_HAS_VALUE (vigia_progress_get_value (entry)))
          py = layout_y (&layout, vigia_progress_get_value (entry));
        else if (!layout.numeric && vigia_progress_get_status (entry) != VIGIA_STATUS_NOT_RATED)
          py = layout_row_y (&layout, s);
        else
          continue;

        distance = hypot (px - x, py - y);
        if (distance <= best_distance)
          {
            best = entry;
            best_distance = distance;
          }
      }

  if (best != NULL)
    {
      g_autofree char *value = describe_entry (self, best);
      g_autofree char *period = vigia_period_dup_label (vigia_progress_get_period (best));

      if (VIGIA_HAS_VALUE (vigia_progress_get_value (best)))
        /* Translators: a point under the pointer: source, semester, value, status:
         * "Authority, 1st half 2024: 12 % (In progress)". */
        return g_strdup_printf (_("%s, %s: %s (%s)"),
                                vigia_source_get_label (vigia_progress_get_source (best)), period, value,
                                vigia_status_get_label (vigia_progress_get_status (best)));
      /* Translators: a point under the pointer: source, semester, status. */
      return g_strdup_printf (_("%s, %s: %s"), vigia_source_get_label (vigia_progress_get_source (best)),
                              period, value);
    }

  if (layout.numeric && layout.n > 0 && x >= layout.plot.x && x <= layout.plot.x + layout.plot.width &&
      fabs (y - layout_y (&layout, layout.goal)) <= 4)
    {
      g_autofree char *target = vigia_target_dup_value_label (self->target, layout.goal);

      return g_strdup_printf (_("Target: %s"), target);
    }

  return NULL;
}

static gboolean
vigia_chart_trajectory_get_plot_area (VigiaChart            *chart,
                                      const VigiaChartStyle *style,
                                      double                 width,
                                      double                 height,
                                      cairo_rectangle_t     *area)
{
  g_auto(Layout) layout = { { 0, }, };
  cairo_t *cr = vigia_chart_measure_context ();

  compute_layout (VIGIA_CHART_TRAJECTORY (chart), cr, style, width, height, &layout);
  cairo_destroy (cr);
  *area = layout.plot;
  return layout.n > 0;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
vigia_chart_trajectory_chart_init (VigiaChartInterface *iface)
{
  iface->draw = vigia_chart_trajectory_draw;
  iface->dup_description = vigia_chart_trajectory_dup_description;
  iface->dup_value_at = vigia_chart_trajectory_dup_value_at;
  iface->get_plot_area = vigia_chart_trajectory_get_plot_area;
}

static void
vigia_chart_trajectory_dispose (GObject *object)
{
  VigiaChartTrajectory *self = (VigiaChartTrajectory *)object;

  g_clear_object (&self->target);
  g_clear_object (&self->goal);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (vigia_chart_trajectory_parent_class)->dispose (object);
}

static void
vigia_chart_trajectory_class_init (VigiaChartTrajectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigia_chart_trajectory_dispose;
}

static void
vigia_chart_trajectory_init (VigiaChartTrajectory *self)
{
}

/**
 * vigia_chart_trajectory_new:
 * @plan: the plan, for its term
 * @goal: a goal of @plan
 * @target: one of @goal's targets, the one drawn
 *
 * The chart follows the goal and the target: it emits #VigiaChart::changed
 * when they or the target's progress change.
 *
 * Returns: (transfer full): the chart
 */
VigiaChartTrajectory *
vigia_chart_trajectory_new (VigiaPlan   *plan,
                            VigiaGoal   *goal,
                            VigiaTarget *target)
{
  VigiaChartTrajectory *self;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), NULL);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), NULL);

  self = g_object_new (VIGIA_TYPE_CHART_TRAJECTORY, NULL);
  self->plan = g_object_ref (plan);
  self->goal = g_object_ref (goal);
  self->target = g_object_ref (target);
  g_signal_connect_object (goal, "notify", G_CALLBACK (vigia_chart_changed), self, G_CONNECT_SWAPPED);
  vigia_chart_watch_target (VIGIA_CHART (self), target);
  g_signal_connect_object (plan, "notify::term-start", G_CALLBACK (vigia_chart_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "notify::term-end", G_CALLBACK (vigia_chart_changed), self, G_CONNECT_SWAPPED);

  return self;
}

VigiaGoal *
vigia_chart_trajectory_get_goal (VigiaChartTrajectory *self)
{
  g_return_val_if_fail (VIGIA_IS_CHART_TRAJECTORY (self), NULL);
  return self->goal;
}

VigiaTarget *
vigia_chart_trajectory_get_target (VigiaChartTrajectory *self)
{
  g_return_val_if_fail (VIGIA_IS_CHART_TRAJECTORY (self), NULL);
  return self->target;
}

/**
 * vigia_chart_trajectory_value_to_y:
 *
 * Returns: where @value is drawn, from the top, in the chart drawn at
 *   @width × @height; NAN for a goal assessed by status
 */
double
vigia_chart_trajectory_value_to_y (VigiaChartTrajectory  *self,
                                   const VigiaChartStyle *style,
                                   double                 width,
                                   double                 height,
                                   double                 value)
{
  g_auto(Layout) layout = { { 0, }, };
  cairo_t *cr;

  g_return_val_if_fail (VIGIA_IS_CHART_TRAJECTORY (self), NAN);
  g_return_val_if_fail (style != NULL, NAN);

  cr = vigia_chart_measure_context ();
  compute_layout (self, cr, style, width, height, &layout);
  cairo_destroy (cr);
  if (!layout.numeric)
    return NAN;
  return layout_y (&layout, value);
}
