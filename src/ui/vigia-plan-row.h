/* vigia-plan-row.h: a plan in the library list
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PLAN_ROW (vigia_plan_row_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPlanRow, vigia_plan_row, VIGIA, PLAN_ROW, GtkBox)

VigiaPlanRow     *vigia_plan_row_new         (void);
VigiaPlanSummary *vigia_plan_row_get_summary (VigiaPlanRow     *self);
void              vigia_plan_row_set_summary (VigiaPlanRow     *self,
                                              VigiaPlanSummary *summary);

G_END_DECLS
