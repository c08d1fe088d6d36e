/* vigia-chart-private.h: what the charts share, not for their users
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "vigia-chart.h"
#include "vigia-dimension.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

/* Room around the plot and between texts, in pixels (points on paper). */
#define VIGIA_CHART_PAD 8.0

/* Where a chart's texts go instead of being drawn as outlines: a web page
 * writes them as SVG text.  @x and @y are the layout's top left corner, in
 * the surface's units. */
typedef void (*VigiaChartTextFunc) (PangoLayout      *layout,
                                    const VigiaColor *color,
                                    double            x,
                                    double            y,
                                    gpointer          user_data);

void         vigia_chart_set_text_func     (cairo_t               *cr,
                                            VigiaChartTextFunc     func,
                                            gpointer               user_data);
cairo_t     *vigia_chart_measure_context   (void);
PangoLayout *vigia_chart_layout            (cairo_t               *cr,
                                            const VigiaChartStyle *style,
                                            double                 scale,
                                            gboolean               bold,
                                            const char            *text);
void         vigia_chart_text_size         (PangoLayout           *layout,
                                            double                *width,
                                            double                *height);
void         vigia_chart_show_text         (cairo_t               *cr,
                                            PangoLayout           *layout,
                                            const VigiaColor      *color,
                                            double                 x,
                                            double                 y);
void         vigia_chart_set_color         (cairo_t               *cr,
                                            const VigiaColor      *color);
void         vigia_chart_fill_background   (cairo_t               *cr,
                                            const VigiaChartStyle *style,
                                            double                 width,
                                            double                 height);
char        *vigia_chart_format_tick       (double                 value,
                                            double                 step);
void         vigia_chart_draw_legend       (cairo_t               *cr,
                                            const VigiaChartStyle *style,
                                            double                 x,
                                            double                 y,
                                            double                 width,
                                            const char * const    *labels,
                                            const VigiaColor * const *colors,
                                            guint                  n_items,
                                            double                *height);

double       vigia_chart_row_center        (const cairo_rectangle_t *plot,
                                            guint                  n_rows,
                                            guint                  row);
double       vigia_chart_bar_height        (const cairo_rectangle_t *plot,
                                            guint                  n_rows);
int          vigia_chart_row_at            (const cairo_rectangle_t *plot,
                                            guint                  n_rows,
                                            double                 y);
void         vigia_chart_draw_heading      (cairo_t               *cr,
                                            const VigiaChartStyle *style,
                                            double                 width,
                                            const char            *title,
                                            double                 title_scale,
                                            double                 title_y,
                                            const char            *subtitle,
                                            double                 subtitle_y);
void         vigia_chart_draw_message      (cairo_t               *cr,
                                            const VigiaChartStyle *style,
                                            double                 width,
                                            double                 center_y,
                                            const char            *text);

void         vigia_chart_watch_goal        (VigiaChart            *chart,
                                            VigiaGoal             *goal);
void         vigia_chart_watch_target      (VigiaChart            *chart,
                                            VigiaTarget           *target);
void         vigia_chart_watch_dimension   (VigiaChart            *chart,
                                            VigiaDimension        *dimension);
void         vigia_chart_watch_plan        (VigiaChart            *chart,
                                            VigiaPlan             *plan);

G_END_DECLS
