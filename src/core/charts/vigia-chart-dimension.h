/* vigia-chart-dimension.h: a dimension's goals, by achievement and status
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-chart.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_CHART_DIMENSION (vigia_chart_dimension_get_type ())

G_DECLARE_FINAL_TYPE (VigiaChartDimension, vigia_chart_dimension, VIGIA, CHART_DIMENSION, GObject)

VigiaChartDimension *vigia_chart_dimension_new        (VigiaPlan           *plan,
                                                       VigiaDimension      *dimension,
                                                       const char          *period,
                                                       VigiaSource          source);
void                 vigia_chart_dimension_set_period (VigiaChartDimension *self,
                                                       const char          *period);
void                 vigia_chart_dimension_set_source (VigiaChartDimension *self,
                                                       VigiaSource          source);

G_END_DECLS
