/* vigia-chart.h: charts drawn on any cairo_t (screen, PDF, SVG)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "vigia-enums.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} VigiaColor;

/* What a chart is drawn with: the widget fills it from the theme (light or
 * dark, the accent colour), reports use the print style. */
typedef struct
{
  VigiaColor  foreground;
  /* Alpha 0 leaves the surface as it is. */
  VigiaColor  background;
  VigiaColor  grid;
  /* The authority's series: the accent colour on screen. */
  VigiaColor  authority;
  VigiaColor  observer;
  VigiaColor  target;
  /* The dashed path from baseline to target. */
  VigiaColor  expected;
  VigiaColor  status[VIGIA_N_STATUSES];
  /* A Pango font description: "Cantarell 10". */
  const char *font;
} VigiaChartStyle;

void     vigia_chart_style_init_light (VigiaChartStyle *style);
void     vigia_chart_style_init_dark  (VigiaChartStyle *style);
void     vigia_chart_style_init_print (VigiaChartStyle *style);

double   vigia_chart_nice_step        (double           range,
                                       guint            max_ticks);
double   vigia_chart_axis_range       (double           min,
                                       double           max,
                                       guint            max_ticks,
                                       double          *lo,
                                       double          *hi);

#define VIGIA_TYPE_CHART (vigia_chart_get_type ())

G_DECLARE_INTERFACE (VigiaChart, vigia_chart, VIGIA, CHART, GObject)

struct _VigiaChartInterface
{
  GTypeInterface parent_iface;

  void      (*draw)            (VigiaChart            *self,
                                cairo_t               *cr,
                                double                 width,
                                double                 height,
                                const VigiaChartStyle *style);
  char     *(*dup_description) (VigiaChart            *self);
  char     *(*dup_value_at)    (VigiaChart            *self,
                                const VigiaChartStyle *style,
                                double                 width,
                                double                 height,
                                double                 x,
                                double                 y);
  gboolean  (*get_plot_area)   (VigiaChart            *self,
                                const VigiaChartStyle *style,
                                double                 width,
                                double                 height,
                                cairo_rectangle_t     *area);
};

void      vigia_chart_draw            (VigiaChart            *self,
                                       cairo_t               *cr,
                                       double                 width,
                                       double                 height,
                                       const VigiaChartStyle *style);
char     *vigia_chart_dup_description (VigiaChart            *self);
char     *vigia_chart_dup_value_at    (VigiaChart            *self,
                                       const VigiaChartStyle *style,
                                       double                 width,
                                       double                 height,
                                       double                 x,
                                       double                 y);
gboolean  vigia_chart_get_plot_area   (VigiaChart            *self,
                                       const VigiaChartStyle *style,
                                       double                 width,
                                       double                 height,
                                       cairo_rectangle_t     *area);
void      vigia_chart_changed         (VigiaChart            *self);

G_END_DECLS
