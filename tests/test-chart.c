/* test-chart.c: charts drawn on cairo surfaces, checked pixel by pixel
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "vigia-test-utils.h"

#define WIDTH 640
#define HEIGHT 400

/* Pure colours, so that a pixel says what drew it. */
static void
init_test_style (VigiaChartStyle *style)
{
  vigia_chart_style_init_light (style);
  style->background = (VigiaColor) { 1, 1, 1, 1 };
  style->foreground = (VigiaColor) { 0, 0, 0, 1 };
  style->grid = (VigiaColor) { 0.9, 0.9, 0.9, 1 };
  style->target = (VigiaColor) { 1, 0, 0, 1 };
  style->expected = (VigiaColor) { 0.5, 0.5, 0.5, 1 };
  style->authority = (VigiaColor) { 0, 0, 1, 1 };
  style->observer = (VigiaColor) { 0, 0.5, 0, 1 };
  style->status[VIGIA_STATUS_KEPT] = (VigiaColor) { 0, 1, 0, 1 };
  style->status[VIGIA_STATUS_IN_PROGRESS] = (VigiaColor) { 0, 1, 1, 1 };
  style->status[VIGIA_STATUS_NOT_RATED] = (VigiaColor) { 1, 0, 1, 1 };
}

static cairo_surface_t *
render (VigiaChart            *chart,
        const VigiaChartStyle *style,
        int                    width,
        int                    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const char *dir = g_getenv ("VIGIA_TEST_CHART_DIR");

  vigia_chart_draw (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* To look at them: VIGIA_TEST_CHART_DIR=/tmp meson test … */
  if (dir != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%dx%d.png", G_OBJECT_TYPE_NAME (chart), width, height);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  return surface;
}

static gboolean
pixel_is (cairo_surface_t  *surface,
          double            x,
          double            y,
          const VigiaColor *color)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *row = cairo_image_surface_get_data (surface) + iy * stride;
  guint32 pixel;
  int r, g, b;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  /* A pixel is a native-endian ARGB word; memcpy reads it without assuming
   * the row's alignment. */
  memcpy (&pixel, row + ix * 4, sizeof pixel);
  r = (pixel >> 16) & 0xff;
  g = (pixel >> 8) & 0xff;
  b = pixel & 0xff;
  return abs (r - (int) round (color->red * 255)) <= 12 &&
         abs (g - (int) round (color->green * 255)) <= 12 &&
         abs (b - (int) round (color->blue * 255)) <= 12;
}

static void
record (VigiaGoal   *goal,
        const char  *period,
        VigiaSource  source,
        double       value,
        VigiaStatus  status)
{
  g_autoptr(VigiaProgress) entry = vigia_progress_new (period, source);

  vigia_progress_set_value (entry, value);
  vigia_progress_set_status (entry, status);
  vigia_goal_put_progress (goal, entry);
}

/* A 2023–2026 plan; its first social goal: 20 % up, no baseline. */
static VigiaPlan *
make_plan (VigiaGoal **goal)
{
  VigiaPlan *plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);

  *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
  vigia_goal_set_target_value (*goal, 20);
  record (*goal, "2023-S2", VIGIA_SOURCE_AUTHORITY, 6, VIGIA_STATUS_IN_PROGRESS);
  record (*goal, "2024-S2", VIGIA_SOURCE_AUTHORITY, 12, VIGIA_STATUS_IN_PROGRESS);
  record (*goal, "2024-S2", VIGIA_SOURCE_OBSERVER, 8, VIGIA_STATUS_STALLED);
  return plan;
}

static void
test_nice_step (void)
{
  static const struct {
    double range;
    guint  max_ticks;
    double step;
  } steps[] = {
    { 10, 5, 2 }, { 100, 5, 20 }, { 1, 5, 0.2 }, { 7, 10, 1 }, { 0.03, 3, 0.01 },
    { 250, 4, 100 }, { 500, 10, 50 }, { 1e6, 5, 2e5 }, { 20e6, 4, 5e6 }, { 0, 5, 1 }, { 3, 1, 5 },
  };
  static const struct {
    double min, max;
    guint  max_ticks;
    double lo, hi, step;
  } ranges[] = {
    { 0, 23, 5, 0, 25, 5 },
    { -3, 12, 5, -5, 15, 5 },
    { 38, 42, 4, 38, 42, 1 },
    { 0, 0, 5, 0, 1, 0.2 },
    { 12, 12, 4, 0, 15, 5 },
    { 0, 20, 10, 0, 20, 2 },
    { 0, 1, 5, 0, 1, 0.2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    g_assert_cmpfloat_with_epsilon (vigia_chart_nice_step (steps[i].range, steps[i].max_ticks),
                                    steps[i].step, steps[i].step * 1e-9);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      double lo, hi, step = vigia_chart_axis_range (ranges[i].min, ranges[i].max, ranges[i].max_ticks, &lo, &hi);
      double mantissa = step / pow (10, floor (log10 (step)));

      g_test_message ("range %g–%g", ranges[i].min, ranges[i].max);
      g_assert_cmpfloat_with_epsilon (step, ranges[i].step, 1e-9);
      g_assert_cmpfloat_with_epsilon (lo, ranges[i].lo, 1e-9);
      g_assert_cmpfloat_with_epsilon (hi, ranges[i].hi, 1e-9);
      /* 1, 2 or 5 × 10ⁿ, and no more ticks than asked. */
      g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9);
      g_assert_cmpfloat ((hi - lo) / step, <=, ranges[i].max_ticks + 1e-9);
    }
}

static void
test_trajectory_pixels (void)
{
  VigiaChartStyle style;
  VigiaGoal *goal;
  g_autoptr(VigiaPlan) plan = make_plan (&goal);
  g_autoptr(VigiaChartTrajectory) chart = vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, 0));
  cairo_surface_t *surface;
  cairo_rectangle_t plot;
  double y_target, y_zero, y_point, x_point, band;
  int row;

  init_test_style (&style);
  surface = render (VIGIA_CHART (chart), &style, WIDTH, HEIGHT);
  g_assert_true (vigia_chart_get_plot_area (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, &plot));
  g_assert_cmpfloat (plot.width, >, WIDTH / 2);
  g_assert_cmpfloat (plot.height, >, HEIGHT / 2);

  /* The axis runs from 0 at the bottom of the plot. */
  y_zero = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 0);
  g_assert_cmpfloat_with_epsilon (y_zero, plot.y + plot.height, 1e-6);

  /* The target line: two red rows where 20 is, across the plot, and not
   * three pixels above or below. */
  y_target = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 20);
  g_assert_cmpfloat (y_target, >=, plot.y);
  row = (int) round (y_target);
  for (double x = plot.x + 2; x < plot.x + plot.width - 2; x += plot.width / 7.3)
    {
      g_test_message ("target at %g, %d", x, row);
      g_assert_true (pixel_is (surface, x, row - 1, &style.target));
      g_assert_true (pixel_is (surface, x, row, &style.target));
      g_assert_false (pixel_is (surface, x, row - 4, &style.target));
      g_assert_false (pixel_is (surface, x, row + 3, &style.target));
    }
  /* No red anywhere else down the middle of the plot. */
  for (band = plot.y; band < plot.y + plot.height; band++)
    if (fabs (band - row) > 2)
      g_assert_false (pixel_is (surface, plot.x + plot.width * 0.55, band, &style.target));

  /* The authority's 12 in 2024-S2, the 4th of 8 semesters: a blue point. */
  x_point = plot.x + plot.width * 4 / 8;
  y_point = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 12);
  g_assert_cmpfloat_with_epsilon (y_point, y_zero - (y_zero - y_target) * 12 / 20, 1e-6);
  g_assert_true (pixel_is (surface, x_point, y_point, &style.authority));
  /* The observer's 8 there too, in its colour. */
  y_point = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 8);
  g_assert_true (pixel_is (surface, x_point, y_point, &style.observer));
  /* And nothing in 2025-S2. */
  g_assert_false (pixel_is (surface, plot.x + plot.width * 6 / 8, y_point, &style.observer));

  cairo_surface_destroy (surface);
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
}


/* Groups of ink in the band of semester labels: one per label drawn. */
static GArray *
label_groups (cairo_surface_t       *surface,
              const VigiaChartStyle *style,
              double                 top,
              double                 bottom)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  int width = cairo_image_surface_get_width (surface);
  double start = -1, last_ink = -100;

  for (int x = 0; x < width; x++)
    {
      gboolean ink = FALSE;

      for (double y = top; y < bottom && !ink; y++)
        ink = !pixel_is (surface, x, y, &style->background);
      if (!ink)
        continue;
      /* A gap of less than 8 pixels is a space inside a label. */
      if (x - last_ink >= 8)
        {
          if (start >= 0)
            {
              double group[2] = { start, last_ink };

              g_array_append_vals (groups, group, 1);
            }
          start = x;
        }
      last_ink = x;
    }
  if (start >= 0)
    {
      double group[2] = { start, last_ink };

      g_array_append_vals (groups, group, 1);
    }
  return groups;
}

/* Ten semesters (the president's five years, 2026–2031) squeezed ever
 * narrower: labels are skipped, never drawn over one another. */
static void
test_labels_never_overlap (void)
{
  VigiaChartStyle style;
  VigiaGoal *goal;
  g_autoptr(VigiaPlan) plan = make_plan (&goal);
  g_autoptr(VigiaChartTrajectory) chart = NULL;
  const int widths[] = { 1400, 900, 640, 420, 300, 220 };
  double widest = 0;

  vigia_plan_set_term_start (plan, 2026);
  vigia_plan_set_term_end (plan, 2031);
  chart = vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, 0));
  init_test_style (&style);
  vigia_test_set_language ("es");

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      cairo_surface_t *surface = render (VIGIA_CHART (chart), &style, widths[i], HEIGHT);
      g_autoptr(GArray) groups = NULL;
      cairo_rectangle_t plot;

      vigia_chart_get_plot_area (VIGIA_CHART (chart), &style, widths[i], HEIGHT, &plot);
      groups = label_groups (surface, &style, plot.y + plot.height + 5, plot.y + plot.height + 20);
      g_test_message ("width %d: %u labels", widths[i], groups->len);

      /* At full width every semester is named, "2.º sem. 2026" … "1.er sem. 2031". */
      if (i == 0)
        {
          g_assert_cmpuint (groups->len, ==, 10);
          for (guint k = 0; k < groups->len; k++)
            widest = MAX (widest, g_array_index (groups, double, 2 * k + 1) - g_array_index (groups, double, 2 * k));
        }

      /* Narrower, fewer labels, each no wider than one label. */
      g_assert_cmpuint (groups->len, >=, 2);
      for (guint k = 0; k < groups->len; k++)
        g_assert_cmpfloat (g_array_index (groups, double, 2 * k + 1) - g_array_index (groups, double, 2 * k), <=, widest + 1);
      if (i == G_N_ELEMENTS (widths) - 1)
        g_assert_cmpuint (groups->len, <, 10);

      cairo_surface_destroy (surface);
    }
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
  vigia_test_set_language ("en");
}

static void
test_trajectory_words (void)
{
  VigiaChartStyle style;
  VigiaGoal *goal;
  g_autoptr(VigiaPlan) plan = make_plan (&goal);
  g_autoptr(VigiaChartTrajectory) chart = vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, 0));
  g_autofree char *description = NULL;
  g_autofree char *at_point = NULL;
  g_autofree char *at_target = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *spanish = NULL;
  g_autofree char *spanish_point = NULL;
  cairo_rectangle_t plot;
  double x, y;

  init_test_style (&style);
  vigia_chart_get_plot_area (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, &plot);

  description = vigia_chart_dup_description (VIGIA_CHART (chart));
  g_assert_cmpstr (description, ==,
                   "POBLACIÓN ATENDIDA, target 20 % ↑. Authority: 6 % in 2nd half 2023, 12 % in 2nd half 2024. "
                   "Observer: 8 % in 2nd half 2024.");

  x = plot.x + plot.width * 4 / 8;
  y = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 12);
  at_point = vigia_chart_dup_value_at (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, x + 3, y - 2);
  g_assert_cmpstr (at_point, ==, "Authority, 2nd half 2024: 12 % (In progress)");
  y = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 20);
  at_target = vigia_chart_dup_value_at (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, plot.x + 30, y + 1);
  g_assert_cmpstr (at_target, ==, "Target: 20 %");
  nothing = vigia_chart_dup_value_at (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, 2, 2);
  g_assert_null (nothing);

  vigia_test_set_language ("es");
  spanish = vigia_chart_dup_description (VIGIA_CHART (chart));
  g_assert_cmpstr (spanish, ==,
                   "POBLACIÓN ATENDIDA, meta 20 % ↑. Autoridad: 6 % en 2.º semestre 2023, 12 % en 2.º semestre 2024. "
                   "Observador: 8 % en 2.º semestre 2024.");
  y = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 8);
  spanish_point = vigia_chart_dup_value_at (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, x, y);
  g_assert_cmpstr (spanish_point, ==, "Observador, 2.º semestre 2024: 8 % (Estancada)");
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
  vigia_test_set_language ("en");
}

static void
count_cb (VigiaChart *chart,
          guint      *count)
{
  (*count)++;
}

/* Editing an entry, adding one or changing the target redraws the chart. */
static void
test_trajectory_follows_goal (void)
{
  VigiaChartStyle style;
  VigiaGoal *goal;
  g_autoptr(VigiaPlan) plan = make_plan (&goal);
  g_autoptr(VigiaChartTrajectory) chart = vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, 0));
  VigiaProgress *entry = vigia_goal_find_progress (goal, "2024-S2", VIGIA_SOURCE_AUTHORITY);
  guint count = 0;
  double before, after;

  init_test_style (&style);
  g_signal_connect (chart, "changed", G_CALLBACK (count_cb), &count);

  vigia_progress_set_value (entry, 14);
  g_assert_cmpuint (count, >=, 1);
  count = 0;
  record (goal, "2025-S1", VIGIA_SOURCE_AUTHORITY, 16, VIGIA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (count, >=, 1);
  {
    g_autofree char *description = vigia_chart_dup_description (VIGIA_CHART (chart));

    g_assert_nonnull (strstr (description, "14 % in 2nd half 2024, 16 % in 1st half 2025"));
  }

  count = 0;
  before = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 20);
  vigia_goal_set_target_value (goal, 40);
  g_assert_cmpuint (count, >=, 1);
  after = vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 20);
  g_assert_cmpfloat (after, >, before);

  g_object_unref (g_steal_pointer (&chart));
  /* The goal outlives the chart: changing it now reaches nobody. */
  count = 0;
  vigia_progress_set_value (entry, 15);
  g_assert_cmpuint (count, ==, 0);
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
}

static void
test_qualitative (void)
{
  VigiaChartStyle style;
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("OTRO", "ATE", 1);
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 2), 0);
  g_autoptr(VigiaChartTrajectory) chart = NULL;
  g_autofree char *description = NULL;
  g_autofree char *hover = NULL;
  cairo_surface_t *surface;
  cairo_rectangle_t plot;

  vigia_goal_set_target_measure (goal, VIGIA_MEASURE_QUALITATIVE);
  vigia_goal_set_target_value (goal, NAN);
  vigia_goal_set_indicator (goal, "ORDENANZA APROBADA");
  record (goal, "2024-S1", VIGIA_SOURCE_AUTHORITY, NAN, VIGIA_STATUS_KEPT);
  chart = vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, 0));

  init_test_style (&style);
  surface = render (VIGIA_CHART (chart), &style, WIDTH, HEIGHT);
  vigia_chart_get_plot_area (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, &plot);
  g_assert_true (isnan (vigia_chart_trajectory_value_to_y (chart, &style, WIDTH, HEIGHT, 1)));
  /* The kept dot in the authority's row, 2024-S1 being the 3rd of 8. */
  g_assert_true (pixel_is (surface, plot.x + plot.width * 3 / 8, plot.y + plot.height * 0.3, &style.status[VIGIA_STATUS_KEPT]));
  cairo_surface_destroy (surface);

  description = vigia_chart_dup_description (VIGIA_CHART (chart));
  g_assert_cmpstr (description, ==, "ORDENANZA APROBADA, target Qualitative. Authority: Kept in 1st half 2024. Observer: nothing recorded.");
  hover = vigia_chart_dup_value_at (VIGIA_CHART (chart), &style, WIDTH, HEIGHT,
                                    plot.x + plot.width * 3 / 8 + 2, plot.y + plot.height * 0.3);
  g_assert_cmpstr (hover, ==, "Authority, 1st half 2024: Kept");
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
}

static void
test_dimension_bars (void)
{
  VigiaChartStyle style;
  VigiaGoal *goal;
  g_autoptr(VigiaPlan) plan = make_plan (&goal);
  VigiaDimension *social = vigia_plan_get_dimension (plan, 0);
  g_autoptr(VigiaChartDimension) chart = NULL;
  g_autofree char *description = NULL;
  g_autofree char *hover = NULL;
  g_autofree char *spanish = NULL;
  cairo_surface_t *surface;
  cairo_rectangle_t plot;
  double cy;

  /* Goal 1: 12 of 20 = 60 %, in progress; goal 2: kept (100 %); goal 3: nothing. */
  record (vigia_dimension_get_goal (social, 1), "2024-S1", VIGIA_SOURCE_AUTHORITY, NAN, VIGIA_STATUS_KEPT);
  chart = vigia_chart_dimension_new (plan, social, "2024-S2", VIGIA_SOURCE_AUTHORITY);

  init_test_style (&style);
  surface = render (VIGIA_CHART (chart), &style, WIDTH, HEIGHT);
  g_assert_true (vigia_chart_get_plot_area (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, &plot));

  /* Row 1 of 3: a bar of 60 % of the plot's width, no longer. */
  cy = plot.y + plot.height * 0.5 / 3;
  g_assert_true (pixel_is (surface, plot.x + 2, cy, &style.status[VIGIA_STATUS_IN_PROGRESS]));
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.3, cy, &style.status[VIGIA_STATUS_IN_PROGRESS]));
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.6 - 2, cy, &style.status[VIGIA_STATUS_IN_PROGRESS]));
  g_assert_false (pixel_is (surface, plot.x + plot.width * 0.6 + 2, cy, &style.status[VIGIA_STATUS_IN_PROGRESS]));
  /* Row 2: kept, all the way. */
  cy = plot.y + plot.height * 1.5 / 3;
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.3, cy, &style.status[VIGIA_STATUS_KEPT]));
  g_assert_true (pixel_is (surface, plot.x + plot.width - 2, cy, &style.status[VIGIA_STATUS_KEPT]));
  /* Row 3: no data, no bar. */
  cy = plot.y + plot.height * 2.5 / 3;
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.3, cy, &style.background));
  cairo_surface_destroy (surface);

  description = vigia_chart_dup_description (VIGIA_CHART (chart));
  g_assert_cmpstr (description, ==,
                   "Social, Authority. Achievement 80 %: 1 kept, 1 in progress, 0 broken, 1 not rated; expected 50 %. "
                   "1. POBLACIÓN ATENDIDA: 60 % · In progress. 2. POBLACIÓN ATENDIDA: 100 % · Kept. "
                   "3. POBLACIÓN ATENDIDA: no data.");
  hover = vigia_chart_dup_value_at (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, plot.x + 10,
                                    plot.y + plot.height * 0.5 / 3);
  g_assert_cmpstr (hover, ==, "1. POBLACIÓN ATENDIDA: 60 % · In progress");

  vigia_test_set_language ("es");
  spanish = vigia_chart_dup_description (VIGIA_CHART (chart));
  g_assert_true (g_str_has_prefix (spanish, "Social, Autoridad. Cumplimiento 80 %: 1 cumplida, 1 en marcha, 0 incumplidas, 1 sin evaluar; esperado 50 %."));
  vigia_test_set_language ("en");

  /* The observer saw 8 of 20: 40 %, stalled. */
  vigia_chart_dimension_set_source (chart, VIGIA_SOURCE_OBSERVER);
  g_clear_pointer (&description, g_free);
  description = vigia_chart_dup_description (VIGIA_CHART (chart));
  g_assert_nonnull (strstr (description, "1. POBLACIÓN ATENDIDA: 40 % · Stalled."));
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
}

static void
test_plan_chart (void)
{
  VigiaChartStyle style;
  VigiaGoal *goal;
  g_autoptr(VigiaPlan) plan = make_plan (&goal);
  g_autoptr(VigiaChartPlan) chart = NULL;
  g_autofree char *description = NULL;
  g_autofree char *hover = NULL;
  g_autofree char *spanish = NULL;
  cairo_surface_t *surface;
  cairo_rectangle_t plot;
  double cy, goal_w, bar_h, bar_y, strip_y;

  record (vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 1), "2024-S1",
          VIGIA_SOURCE_AUTHORITY, NAN, VIGIA_STATUS_KEPT);
  chart = vigia_chart_plan_new (plan, "2024-S2", VIGIA_SOURCE_AUTHORITY);

  init_test_style (&style);
  surface = render (VIGIA_CHART (chart), &style, WIDTH, HEIGHT);
  g_assert_true (vigia_chart_get_plot_area (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, &plot));

  /* Four dimensions of three goals.  In each row's band, as drawn: the
   * achievement bar in its top 62 %, the strip of targets by status in its
   * bottom quarter. */
  goal_w = plot.width / 3;
  bar_h = MIN (plot.height / 4 * 0.6, 28.0);
  cy = plot.y + plot.height * 0.5 / 4;
  bar_y = cy - bar_h / 2 + bar_h * 0.3;
  strip_y = cy - bar_h / 2 + bar_h * 0.875;

  /* The social row's achievement, 80 %, is 80 % of the track, not a count:
   * the bar ends between 79 % and 81 %, the track goes on to 100 %. */
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.10, bar_y, &style.target));
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.79, bar_y, &style.target));
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.81, bar_y, &style.grid));
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.99, bar_y, &style.grid));
  /* Its targets: one kept, one in progress, one not rated, a third each. */
  g_assert_true (pixel_is (surface, plot.x + goal_w * 0.5, strip_y, &style.status[VIGIA_STATUS_KEPT]));
  g_assert_true (pixel_is (surface, plot.x + goal_w * 1.5, strip_y, &style.status[VIGIA_STATUS_IN_PROGRESS]));
  g_assert_true (pixel_is (surface, plot.x + goal_w * 2.5, strip_y, &style.status[VIGIA_STATUS_NOT_RATED]));
  /* The economic row, no data: an empty track, all three not rated. */
  cy = plot.y + plot.height * 1.5 / 4;
  g_assert_true (pixel_is (surface, plot.x + plot.width * 0.10, cy - bar_h / 2 + bar_h * 0.3, &style.grid));
  g_assert_true (pixel_is (surface, plot.x + goal_w * 0.5, cy - bar_h / 2 + bar_h * 0.875,
                           &style.status[VIGIA_STATUS_NOT_RATED]));
  cairo_surface_destroy (surface);

  description = vigia_chart_dup_description (VIGIA_CHART (chart));
  g_assert_true (g_str_has_prefix (description,
                                   "Achievement 80 %: 1 kept, 1 in progress, 0 broken, 10 not rated; 2nd half 2024, "
                                   "Authority, expected 50 %. Social: Achievement 80 %: 1 kept, 1 in progress, 0 broken, "
                                   "1 not rated. Economic: Achievement not known yet: 0 kept, 0 in progress, 0 broken, 3 not rated."));
  hover = vigia_chart_dup_value_at (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, plot.x + goal_w * 1.5, strip_y);
  g_assert_cmpstr (hover, ==, "Social: 1 in progress");
  g_clear_pointer (&hover, g_free);
  hover = vigia_chart_dup_value_at (VIGIA_CHART (chart), &style, WIDTH, HEIGHT, plot.x + plot.width * 0.5, bar_y);
  g_assert_cmpstr (hover, ==, "Social: Achievement 80 %: 1 kept, 1 in progress, 0 broken, 1 not rated");

  vigia_test_set_language ("es");
  spanish = vigia_chart_dup_description (VIGIA_CHART (chart));
  g_assert_true (g_str_has_prefix (spanish, "Cumplimiento 80 %: 1 cumplida, 1 en marcha, 0 incumplidas, 10 sin evaluar; "
                                            "2.º semestre 2024, Autoridad, esperado 50 %."));
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
  vigia_test_set_language ("en");
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The same drawing goes to the reports' PDF and SVG. */
static void
test_vector_surfaces (void)
{
  VigiaChartStyle style;
  VigiaGoal *goal;
  g_autoptr(VigiaPlan) plan = make_plan (&goal);
  VigiaChart *charts[3];

  vigia_chart_style_init_print (&style);
  charts[0] = VIGIA_CHART (vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, 0)));
  charts[1] = VIGIA_CHART (vigia_chart_dimension_new (plan, vigia_plan_get_dimension (plan, 0), "2024-S2",
                                                      VIGIA_SOURCE_OBSERVER));
  charts[2] = VIGIA_CHART (vigia_chart_plan_new (plan, NULL, VIGIA_SOURCE_AUTHORITY));

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autoptr(GByteArray) svg = g_byte_array_new ();
      g_autoptr(GByteArray) pdf = g_byte_array_new ();
      cairo_surface_t *surface;
      cairo_t *cr;

      surface = cairo_svg_surface_create_for_stream (append_cb, svg, 480, 300);
      cr = cairo_create (surface);
      vigia_chart_draw (charts[i], cr, 480, 300, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (svg->len, >, 1000);
      g_assert_nonnull (g_strstr_len ((const char *) svg->data, svg->len, "<svg"));

      surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, 480, 300);
      cr = cairo_create (surface);
      vigia_chart_draw (charts[i], cr, 480, 300, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_assert_true (pdf->len > 1000 && memcmp (pdf->data, "%PDF", 4) == 0);

      g_object_unref (charts[i]);
    }
}

/* Tiny, narrow or empty: drawn without fault, and nothing to hover. */
static void
test_odd_sizes (void)
{
  VigiaChartStyle style;
  VigiaGoal *goal;
  g_autoptr(VigiaPlan) plan = make_plan (&goal);
  g_autoptr(VigiaPlan) empty = vigia_plan_new ();
  g_autoptr(VigiaDimension) dim = vigia_dimension_new (VIGIA_DIMENSION_KIND_SOCIAL, NULL);
  g_autoptr(VigiaGoal) lonely = vigia_goal_new ();
  VigiaChart *charts[5];
  const int sizes[][2] = { { 1, 1 }, { 40, 30 }, { 160, 400 }, { 1200, 120 } };

  vigia_plan_append_dimension (empty, dim);
  vigia_dimension_append_goal (dim, lonely);
  vigia_chart_style_init_dark (&style);
  charts[0] = VIGIA_CHART (vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, 0)));
  charts[1] = VIGIA_CHART (vigia_chart_dimension_new (plan, vigia_plan_get_dimension (plan, 1), NULL, 0));
  charts[2] = VIGIA_CHART (vigia_chart_plan_new (plan, NULL, VIGIA_SOURCE_OBSERVER));
  charts[3] = VIGIA_CHART (vigia_chart_trajectory_new (empty, lonely, vigia_goal_get_target (lonely, 0)));
  charts[4] = VIGIA_CHART (vigia_chart_plan_new (empty, "2024-S1", VIGIA_SOURCE_AUTHORITY));

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          cairo_surface_t *surface = render (charts[i], &style, sizes[s][0], sizes[s][1]);
          g_autofree char *hover = vigia_chart_dup_value_at (charts[i], &style, sizes[s][0], sizes[s][1], 0, 0);

          g_assert_null (hover);
          cairo_surface_destroy (surface);
        }
      g_object_unref (charts[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigia_test_set_language ("en");

  g_test_add_func ("/chart/nice-step", test_nice_step);
  g_test_add_func ("/chart/trajectory/pixels", test_trajectory_pixels);
  g_test_add_func ("/chart/trajectory/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/chart/trajectory/words", test_trajectory_words);
  g_test_add_func ("/chart/trajectory/follows-goal", test_trajectory_follows_goal);
  g_test_add_func ("/chart/trajectory/qualitative", test_qualitative);
  g_test_add_func ("/chart/dimension", test_dimension_bars);
  g_test_add_func ("/chart/plan", test_plan_chart);
  g_test_add_func ("/chart/vector-surfaces", test_vector_surfaces);
  g_test_add_func ("/chart/odd-sizes", test_odd_sizes);

  return g_test_run ();
}
