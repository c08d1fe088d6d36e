/* vigia-chart-trajectory.h: a goal's values semester by semester
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-chart.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_CHART_TRAJECTORY (vigia_chart_trajectory_get_type ())

G_DECLARE_FINAL_TYPE (VigiaChartTrajectory, vigia_chart_trajectory, VIGIA, CHART_TRAJECTORY, GObject)

VigiaChartTrajectory *vigia_chart_trajectory_new      (VigiaPlan            *plan,
                                                       VigiaGoal            *goal,
                                                       VigiaTarget          *target);
VigiaGoal            *vigia_chart_trajectory_get_goal (VigiaChartTrajectory *self);
VigiaTarget          *vigia_chart_trajectory_get_target (VigiaChartTrajectory *self);
double                vigia_chart_trajectory_value_to_y (VigiaChartTrajectory  *self,
                                                         const VigiaChartStyle *style,
                                                         double                 width,
                                                         double                 height,
                                                         double                 value);

G_END_DECLS
