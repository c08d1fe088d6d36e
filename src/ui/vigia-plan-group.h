/* vigia-plan-group.h: plans ranked together in Compare Plans, their goals pooled
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PLAN_GROUP (vigia_plan_group_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPlanGroup, vigia_plan_group, VIGIA, PLAN_GROUP, GObject)

VigiaPlanGroup    *vigia_plan_group_new          (const char       *title);
const char        *vigia_plan_group_get_title    (VigiaPlanGroup   *self);
void               vigia_plan_group_add_plan     (VigiaPlanGroup   *self,
                                                  VigiaPlanSummary *plan);
guint              vigia_plan_group_get_n_plans  (VigiaPlanGroup   *self);
VigiaPlanSummary  *vigia_plan_group_get_plan     (VigiaPlanGroup   *self,
                                                  guint             position);
const VigiaRollup *vigia_plan_group_get_rollup   (VigiaPlanGroup   *self);

G_END_DECLS
