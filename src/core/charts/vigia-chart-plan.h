/* vigia-chart-plan.h: a plan's goals by status, per dimension, and its achievement
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-chart.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_CHART_PLAN (vigia_chart_plan_get_type ())

G_DECLARE_FINAL_TYPE (VigiaChartPlan, vigia_chart_plan, VIGIA, CHART_PLAN, GObject)

VigiaChartPlan *vigia_chart_plan_new        (VigiaPlan      *plan,
                                             const char     *period,
                                             VigiaSource     source);
void            vigia_chart_plan_set_period (VigiaChartPlan *self,
                                             const char     *period);
void            vigia_chart_plan_set_source (VigiaChartPlan *self,
                                             VigiaSource     source);

G_END_DECLS
