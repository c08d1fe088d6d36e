/* vigia-chart-view.h: a widget that shows a VigiaChart in the theme's colours
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_CHART_VIEW (vigia_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (VigiaChartView, vigia_chart_view, VIGIA, CHART_VIEW, GtkWidget)

GtkWidget  *vigia_chart_view_new          (VigiaChart      *chart);
VigiaChart *vigia_chart_view_get_chart    (VigiaChartView  *self);
void        vigia_chart_view_set_chart    (VigiaChartView  *self,
                                           VigiaChart      *chart);

G_END_DECLS
