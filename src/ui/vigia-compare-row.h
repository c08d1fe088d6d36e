/* vigia-compare-row.h: one plan, or a group of plans, of the observers' comparison
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_COMPARE_ROW (vigia_compare_row_get_type ())

G_DECLARE_FINAL_TYPE (VigiaCompareRow, vigia_compare_row, VIGIA, COMPARE_ROW, GtkWidget)

GtkWidget  *vigia_compare_row_new        (void);
void        vigia_compare_row_set_plan   (VigiaCompareRow   *self,
                                          guint              rank,
                                          VigiaPlanSummary  *summary);
void        vigia_compare_row_set_group  (VigiaCompareRow   *self,
                                          const char        *title,
                                          guint              n_plans,
                                          const VigiaRollup *rollup);

G_END_DECLS
