/* vigia-chart.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart lays itself out from the size and style it is given each time, so
 * that drawing, hit testing (the value under the pointer) and the plot area
 * the tests check all come from one computation.  Text is measured with
 * Pango so that no two labels overlap; numbers go through the locale.
 */
#define G_LOG_DOMAIN "vigia-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vigia-chart-private.h"
#include "vigia-number.h"
#include "vigia-utils.h"

G_DEFINE_INTERFACE (VigiaChart, vigia_chart, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* ---------------------------------------------------------------------- */
/* Styles                                                                 */
/* ---------------------------------------------------------------------- */

/* The GNOME palette (libadwaita's named colours): green kept, blue in
 * progress, yellow partly kept, orange stalled, red broken, grey not rated. */
static const VigiaColor light_status[VIGIA_N_STATUSES] = {
  [VIGIA_STATUS_NOT_RATED] = RGB (0x9a9996),
  [VIGIA_STATUS_IN_PROGRESS] = RGB (0x3584e4),
  [VIGIA_STATUS_STALLED] = RGB (0xff7800),
  [VIGIA_STATUS_PARTLY_KEPT] = RGB (0xe5a50a),
  [VIGIA_STATUS_KEPT] = RGB (0x26a269),
  [VIGIA_STATUS_BROKEN] = RGB (0xe01b24),
};

static const VigiaColor dark_status[VIGIA_N_STATUSES] = {
  [VIGIA_STATUS_NOT_RATED] = RGB (0x77767b),
  [VIGIA_STATUS_IN_PROGRESS] = RGB (0x62a0ea),
  [VIGIA_STATUS_STALLED] = RGB (0xffa348),
  [VIGIA_STATUS_PARTLY_KEPT] = RGB (0xf8e45c),
  [VIGIA_STATUS_KEPT] = RGB (0x57e389),
  [VIGIA_STATUS_BROKEN] = RGB (0xf66151),
};

void
vigia_chart_style_init_light (VigiaChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (VigiaChartStyle) {
    .foreground = { 0, 0, 0, 0.8 },
    .background = RGB (0xffffff),
    .grid = { 0, 0, 0, 0.12 },
    .authority = RGB (0x3584e4),
    .observer = RGB (0x9141ac),
    .target = { 0, 0, 0, 0.8 },
    .expected = { 0, 0, 0, 0.45 },
    .font = "Sans 10",
  };
  memcpy (style->status, light_status, sizeof light_status);
}

void
vigia_chart_style_init_dark (VigiaChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (VigiaChartStyle) {
    .foreground = RGB (0xffffff),
    .background = RGB (0x1e1e1e),
    .grid = { 1, 1, 1, 0.15 },
    .authority = RGB (0x78aeed),
    .observer = RGB (0xc061cb),
    .target = RGB (0xffffff),
    .expected = { 1, 1, 1, 0.5 },
    .font = "Sans 10",
  };
  memcpy (style->status, dark_status, sizeof dark_status);
}

/* For paper: black on white, strong enough to survive a photocopier. */
void
vigia_chart_style_init_print (VigiaChartStyle *style)
{
  g_return_if_fail (style != NULL);

  vigia_chart_style_init_light (style);
  style->foreground = (VigiaColor) { 0, 0, 0, 1 };
  style->grid = (VigiaColor) RGB (0xc0bfbc);
  style->authority = (VigiaColor) RGB (0x1c71d8);
  style->observer = (VigiaColor) RGB (0x813d9c);
  style->target = (VigiaColor) { 0, 0, 0, 1 };
  style->expected = (VigiaColor) RGB (0x77767b);
  style->font = "Sans 9";
}

/* ---------------------------------------------------------------------- */
/* Axes                                                                   */
/* ---------------------------------------------------------------------- */

/**
 * vigia_chart_nice_step:
 * @range: the span the axis covers
 * @max_ticks: the most steps that fit
 *
 * Returns: the smallest step of 1, 2 or 5 × 10ⁿ that covers @range in at
 *   most @max_ticks steps, so that ticks fall on round numbers
 */
double
vigia_chart_nice_step (double range,
                       guint  max_ticks)
{
  double raw, magnitude, fraction;

  if (!isfinite (range) || range <= 0)
    return 1;
  max_ticks = MAX (max_ticks, 1);

  raw = range / max_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;

  /* Round down the noise of the division: 2.0000000001 is 2. */
  if (fraction <= 1 + 1e-9)
    return magnitude;
  if (fraction <= 2 + 1e-9)
    return 2 * magnitude;
  if (fraction <= 5 + 1e-9)
    return 5 * magnitude;
  return 10 * magnitude;
}

/**
 * vigia_chart_axis_range:
 * @lo: (out): the first tick, at or below @min
 * @hi: (out): the last tick, at or above @max
 *
 * Returns: the step between ticks
 */
double
vigia_chart_axis_range (double  min,
                        double  max,
                        guint   max_ticks,
                        double *lo,
                        double *hi)
{
  double step;

  g_return_val_if_fail (lo != NULL && hi != NULL, 1);

  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
  if (min > max)
    {
      double swap = min;

      min = max;
      max = swap;
    }
  if (max - min < 1e-12)
    {
      /* One value: an axis around it, from 0 where that fits. */
      if (fabs (max) < 1e-12)
        max = 1;
      else if (max > 0)
        min = 0;
      else
        max = 0;
    }

  step = vigia_chart_nice_step (max - min, max_ticks);
  /* Ticks may take one more step than asked when the range straddles them. */
  while (TRUE)
    {
      *lo = floor (min / step + 1e-9) * step;
      *hi = ceil (max / step - 1e-9) * step;
      if ((*hi - *lo) / step <= max_ticks + 1e-9)
        break;
      step = vigia_chart_nice_step (step * 1.01, 1);
    }

  return step;
}

/* ---------------------------------------------------------------------- */
/* Helpers of the charts                                                  */
/* ---------------------------------------------------------------------- */

/* A context to measure text on when not drawing (hit testing). */
cairo_t *
vigia_chart_measure_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

PangoLayout *
vigia_chart_layout (cairo_t               *cr,
                    const VigiaChartStyle *style,
                    double                 scale,
                    gboolean               bold,
                    const char            *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 10");
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  /* Charts are laid out in pixels; the font's points follow the usual 96 dpi. */
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * scale);
  else
    pango_font_description_set_absolute_size (font, size * scale * 96.0 / 72.0);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}

void
vigia_chart_text_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

void
vigia_chart_set_color (cairo_t          *cr,
                       const VigiaColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

typedef struct
{
  VigiaChartTextFunc func;
  gpointer           user_data;
} TextSink;

static const cairo_user_data_key_t text_sink_key;

/**
 * vigia_chart_set_text_func: (skip)
 * @func: (nullable): what receives the texts drawn on @cr from now on,
 *   instead of their outlines; %NULL to draw them again
 */
void
vigia_chart_set_text_func (cairo_t            *cr,
                           VigiaChartTextFunc  func,
                           gpointer            user_data)
{
  TextSink *sink = NULL;

  if (func != NULL)
    {
      sink = g_new (TextSink, 1);
      sink->func = func;
      sink->user_data = user_data;
    }
  cairo_set_user_data (cr, &text_sink_key, sink, g_free);
}

void
vigia_chart_show_text (cairo_t          *cr,
                       PangoLayout      *layout,
                       const VigiaColor *color,
                       double            x,
                       double            y)
{
  TextSink *sink = cairo_get_user_data (cr, &text_sink_key);

  if (sink != NULL)
    {
      cairo_user_to_device (cr, &x, &y);
      sink->func (layout, color, x, y, sink->user_data);
      return;
    }

  cairo_save (cr);
  vigia_chart_set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
vigia_chart_fill_background (cairo_t               *cr,
                             const VigiaChartStyle *style,
                             double                 width,
                             double                 height)
{
  if (style->background.alpha <= 0)
    return;
  cairo_save (cr);
  vigia_chart_set_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* A tick label with as many decimals as the step needs, in the locale. */
char *
vigia_chart_format_tick (double value,
                         double step)
{
  int decimals = step > 0 ? (int) MAX (0, -floor (log10 (step) + 1e-9)) : 0;

  /* −0 would print as "-0". */
  if (fabs (value) < step * 1e-9)
    value = 0;
  return vigia_number_format (value, decimals);
}

/* Swatches and words in rows, wrapping where the width ends. */
void
vigia_chart_draw_legend (cairo_t                   *cr,
                         const VigiaChartStyle     *style,
                         double                     x,
                         double                     y,
                         double                     width,
                         const char * const        *labels,
                         const VigiaColor * const  *colors,
                         guint                      n_items,
                         double                    *height)
{
  double cx = x, cy = y, row_height = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PangoLayout) layout = vigia_chart_layout (cr, style, 0.9, FALSE, labels[i]);
      double tw, th, swatch, item_w;

      vigia_chart_text_size (layout, &tw, &th);
      swatch = th * 0.7;
      item_w = swatch + 4 + tw + VIGIA_CHART_PAD * 1.5;
      if (cx > x && cx + item_w > x + width)
        {
          cx = x;
          cy += row_height + 2;
          row_height = 0;
        }
      row_height = MAX (row_height, th);

      if (cr != NULL && colors != NULL)
        {
          cairo_save (cr);
          vigia_chart_set_color (cr, colors[i]);
          cairo_rectangle (cr, cx, cy + (th - swatch) / 2, swatch, swatch);
          cairo_fill (cr);
          cairo_restore (cr);
          vigia_chart_show_text (cr, layout, &style->foreground, cx + swatch + 4, cy);
        }
      cx += item_w;
    }

  if (height != NULL)
    *height = n_items > 0 ? cy + row_height - y : 0;
}

/* Rows of bars (dimension and plan charts): evenly spread over the plot,
 * each bar BAR_SHARE of its row and no thicker than MAX_BAR. */
#define BAR_SHARE 0.6
#define MAX_BAR 28.0

double
vigia_chart_row_center (const cairo_rectangle_t *plot,
                        guint                    n_rows,
                        guint                    row)
{
  return plot->y + plot->height * (row + 0.5) / MAX (n_rows, 1);
}

double
vigia_chart_bar_height (const cairo_rectangle_t *plot,
                        guint                    n_rows)
{
  return MIN (plot->height / MAX (n_rows, 1) * BAR_SHARE, MAX_BAR);
}

/* The row whose bar is at @y (give or take two pixels), or -1. */
int
vigia_chart_row_at (const cairo_rectangle_t *plot,
                    guint                    n_rows,
                    double                   y)
{
  int row;

  if (n_rows == 0 || y < plot->y || y >= plot->y + plot->height)
    return -1;
  row = (int) ((y - plot->y) / (plot->height / n_rows));
  if (row < 0 || (guint) row >= n_rows ||
      fabs (y - vigia_chart_row_center (plot, n_rows, row)) > vigia_chart_bar_height (plot, n_rows) / 2 + 2)
    return -1;
  return row;
}

/* The title, bold, and a line under it, both cut with "…" at the width. */
void
vigia_chart_draw_heading (cairo_t               *cr,
                          const VigiaChartStyle *style,
                          double                 width,
                          const char            *title,
                          double                 title_scale,
                          double                 title_y,
                          const char            *subtitle,
                          double                 subtitle_y)
{
  g_autoptr(PangoLayout) title_layout = vigia_chart_layout (cr, style, title_scale, TRUE, title);
  g_autoptr(PangoLayout) subtitle_layout = vigia_chart_layout (cr, style, 0.9, FALSE, subtitle);
  int text_width = (int) (MAX (width - 2 * VIGIA_CHART_PAD, 1) * PANGO_SCALE);

  pango_layout_set_width (title_layout, text_width);
  pango_layout_set_ellipsize (title_layout, PANGO_ELLIPSIZE_END);
  vigia_chart_show_text (cr, title_layout, &style->foreground, VIGIA_CHART_PAD, title_y);
  pango_layout_set_width (subtitle_layout, text_width);
  pango_layout_set_ellipsize (subtitle_layout, PANGO_ELLIPSIZE_END);
  vigia_chart_show_text (cr, subtitle_layout, &style->foreground, VIGIA_CHART_PAD, subtitle_y);
}

/* A sentence in place of the data ("no goals"), centred and wrapped. */
void
vigia_chart_draw_message (cairo_t               *cr,
                          const VigiaChartStyle *style,
                          double                 width,
                          double                 center_y,
                          const char            *text)
{
  g_autoptr(PangoLayout) layout = vigia_chart_layout (cr, style, 1, FALSE, text);
  double h;

  pango_layout_set_width (layout, (int) (MAX (width - 2 * VIGIA_CHART_PAD, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  vigia_chart_text_size (layout, NULL, &h);
  vigia_chart_show_text (cr, layout, &style->foreground, VIGIA_CHART_PAD, center_y - h / 2);
}

/* ---------------------------------------------------------------------- */
/* Following the model                                                    */
/* ---------------------------------------------------------------------- */

static void
entry_notify_cb (VigiaChart *chart)
{
  vigia_chart_changed (chart);
}

static void
watch_entries (VigiaChart *chart,
               GListModel *entries,
               guint       position,
               guint       n)
{
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (entries, i);

      g_signal_connect_object (entry, "notify", G_CALLBACK (entry_notify_cb), chart, G_CONNECT_SWAPPED);
    }
}

static void
progress_items_changed_cb (VigiaChart *chart,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *entries)
{
  watch_entries (chart, entries, position, added);
  vigia_chart_changed (chart);
}

/**
 * vigia_chart_watch_target:
 *
 * Makes @chart emit #VigiaChart::changed when the target or any of its
 * progress entries changes, for as long as @chart lives.
 */
void
vigia_chart_watch_target (VigiaChart  *chart,
                          VigiaTarget *target)
{
  GListModel *entries = vigia_target_get_progress (target);

  g_signal_connect_object (target, "notify", G_CALLBACK (entry_notify_cb), chart, G_CONNECT_SWAPPED);
  g_signal_connect_object (entries, "items-changed", G_CALLBACK (progress_items_changed_cb), chart,
                           G_CONNECT_SWAPPED);
  watch_entries (chart, entries, 0, g_list_model_get_n_items (entries));
}

static void
targets_items_changed_cb (VigiaChart *chart,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *targets)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VigiaTarget) target = g_list_model_get_item (targets, i);

      vigia_chart_watch_target (chart, target);
    }
  vigia_chart_changed (chart);
}

/**
 * vigia_chart_watch_goal:
 *
 * Makes @chart emit #VigiaChart::changed when the goal, its targets or any
 * of their progress entries changes, for as long as @chart lives.
 */
void
vigia_chart_watch_goal (VigiaChart *chart,
                        VigiaGoal  *goal)
{
  GListModel *targets = vigia_goal_get_targets (goal);
  guint n = g_list_model_get_n_items (targets);

  g_signal_connect_object (goal, "notify", G_CALLBACK (entry_notify_cb), chart, G_CONNECT_SWAPPED);
  g_signal_connect_object (targets, "items-changed", G_CALLBACK (targets_items_changed_cb), chart,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < n; i++)
    vigia_chart_watch_target (chart, vigia_goal_get_target (goal, i));
}

static void
goals_items_changed_cb (VigiaChart *chart,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *goals)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VigiaGoal) goal = g_list_model_get_item (goals, i);

      vigia_chart_watch_goal (chart, goal);
    }
  vigia_chart_changed (chart);
}

void
vigia_chart_watch_dimension (VigiaChart     *chart,
                             VigiaDimension *dimension)
{
  GListModel *goals = vigia_dimension_get_goals (dimension);
  guint n = g_list_model_get_n_items (goals);

  g_signal_connect_object (dimension, "notify", G_CALLBACK (entry_notify_cb), chart, G_CONNECT_SWAPPED);
  g_signal_connect_object (goals, "items-changed", G_CALLBACK (goals_items_changed_cb), chart,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < n; i++)
    vigia_chart_watch_goal (chart, vigia_dimension_get_goal (dimension, i));
}

static void
dimensions_items_changed_cb (VigiaChart *chart,
                             guint       position,
                             guint       removed,
                             guint       added,
                             GListModel *dimensions)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VigiaDimension) dimension = g_list_model_get_item (dimensions, i);

      vigia_chart_watch_dimension (chart, dimension);
    }
  vigia_chart_changed (chart);
}

void
vigia_chart_watch_plan (VigiaChart *chart,
                        VigiaPlan  *plan)
{
  GListModel *dimensions = vigia_plan_get_dimensions (plan);
  guint n = g_list_model_get_n_items (dimensions);

  g_signal_connect_object (dimensions, "items-changed", G_CALLBACK (dimensions_items_changed_cb), chart,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < n; i++)
    vigia_chart_watch_dimension (chart, vigia_plan_get_dimension (plan, i));
}

/* ---------------------------------------------------------------------- */
/* The interface                                                          */
/* ---------------------------------------------------------------------- */

static void
vigia_chart_default_init (VigiaChartInterface *iface)
{
  /**
   * VigiaChart::changed:
   *
   * Emitted when what the chart shows has changed: draw it again.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_INTERFACE (iface),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

/**
 * vigia_chart_draw:
 * @cr: where to draw, with its origin at the chart's top left corner
 *
 * Draws the chart in a @width × @height box, in pixels on screen and points
 * on paper.
 */
void
vigia_chart_draw (VigiaChart            *self,
                  cairo_t               *cr,
                  double                 width,
                  double                 height,
                  const VigiaChartStyle *style)
{
  g_return_if_fail (VIGIA_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width < 1 || height < 1)
    return;

  cairo_save (cr);
  VIGIA_CHART_GET_IFACE (self)->draw (self, cr, width, height, style);
  cairo_restore (cr);
}

/**
 * vigia_chart_dup_description:
 *
 * Returns: (transfer full): what the chart shows, in words, for screen
 *   readers and as the text a report puts beside it
 */
char *
vigia_chart_dup_description (VigiaChart *self)
{
  g_return_val_if_fail (VIGIA_IS_CHART (self), NULL);

  return VIGIA_CHART_GET_IFACE (self)->dup_description (self);
}

/**
 * vigia_chart_dup_value_at:
 *
 * Returns: (transfer full) (nullable): the value drawn under (@x, @y) in a
 *   chart drawn at @width × @height, as a tooltip says it, or %NULL
 */
char *
vigia_chart_dup_value_at (VigiaChart            *self,
                          const VigiaChartStyle *style,
                          double                 width,
                          double                 height,
                          double                 x,
                          double                 y)
{
  g_return_val_if_fail (VIGIA_IS_CHART (self), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (width < 1 || height < 1)
    return NULL;
  return VIGIA_CHART_GET_IFACE (self)->dup_value_at (self, style, width, height, x, y);
}

/**
 * vigia_chart_get_plot_area:
 * @area: (out): where the data is drawn: the axes' box
 *
 * Returns: whether the chart has a plot area at this size
 */
gboolean
vigia_chart_get_plot_area (VigiaChart            *self,
                           const VigiaChartStyle *style,
                           double                 width,
                           double                 height,
                           cairo_rectangle_t     *area)
{
  g_return_val_if_fail (VIGIA_IS_CHART (self), FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  return VIGIA_CHART_GET_IFACE (self)->get_plot_area (self, style, width, height, area);
}

/**
 * vigia_chart_changed:
 *
 * Emits #VigiaChart::changed.
 */
void
vigia_chart_changed (VigiaChart *self)
{
  g_return_if_fail (VIGIA_IS_CHART (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
