/* vigia-chart-view-private.h: what the tests see of vigia-chart-view.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-chart-view.h"

G_BEGIN_DECLS

char       *vigia_chart_view_dup_value_at (VigiaChartView  *self,
                                           double           x,
                                           double           y);
void        vigia_chart_view_get_style    (VigiaChartView  *self,
                                           VigiaChartStyle *style);

G_END_DECLS
