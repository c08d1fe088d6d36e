/* vigia-compare-page.h: every plan of the library ranked by achievement
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-compare-row.h"
#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_COMPARE_PAGE (vigia_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (VigiaComparePage, vigia_compare_page, VIGIA, COMPARE_PAGE, GtkWidget)

typedef enum {
  VIGIA_COMPARE_GROUP_NONE,
  VIGIA_COMPARE_GROUP_DEPARTMENT,
  VIGIA_COMPARE_GROUP_ELECTION,
} VigiaCompareGroup;

void             vigia_compare_page_set_library  (VigiaComparePage  *self,
                                                  VigiaLibrary      *library);
void             vigia_compare_page_set_group    (VigiaComparePage  *self,
                                                  VigiaCompareGroup  group);
void             vigia_compare_page_set_filters  (VigiaComparePage  *self,
                                                  int                election,
                                                  const char        *department);
void             vigia_compare_page_set_source   (VigiaComparePage  *self,
                                                  VigiaSource        source);
gboolean         vigia_compare_page_get_loading  (VigiaComparePage  *self);
const char      *vigia_compare_page_get_state    (VigiaComparePage  *self);
guint            vigia_compare_page_get_n_rows   (VigiaComparePage  *self);
VigiaCompareRow *vigia_compare_page_get_row      (VigiaComparePage  *self,
                                                  guint              position);
gint64           vigia_compare_page_get_plan_id  (VigiaComparePage  *self,
                                                  guint              position);
const char      *vigia_compare_page_get_summary  (VigiaComparePage  *self);

G_END_DECLS
