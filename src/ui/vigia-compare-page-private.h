/* vigia-compare-page-private.h: what the tests see of vigia-compare-page.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-compare-page.h"
#include "vigia-compare-row.h"

G_BEGIN_DECLS

/* The positions of the page's Group menu. */
typedef enum {
  VIGIA_COMPARE_GROUP_NONE,
  VIGIA_COMPARE_GROUP_DEPARTMENT,
  VIGIA_COMPARE_GROUP_ELECTION,
} VigiaCompareGroup;

gboolean         vigia_compare_page_get_loading  (VigiaComparePage  *self);
guint            vigia_compare_page_get_n_rows   (VigiaComparePage  *self);
gint64           vigia_compare_page_get_plan_id  (VigiaComparePage  *self,
                                                  guint              position);
VigiaCompareRow *vigia_compare_page_get_row      (VigiaComparePage  *self,
                                                  guint              position);
const char      *vigia_compare_page_get_period   (VigiaComparePage  *self);
const char      *vigia_compare_page_get_state    (VigiaComparePage  *self);
const char      *vigia_compare_page_get_summary  (VigiaComparePage  *self);
VigiaLibrary    *vigia_compare_page_get_reader   (VigiaComparePage  *self);
void             vigia_compare_page_set_filters  (VigiaComparePage  *self,
                                                  int                election,
                                                  const char        *department);
void             vigia_compare_page_set_group    (VigiaComparePage  *self,
                                                  VigiaCompareGroup  group);
void             vigia_compare_page_set_period   (VigiaComparePage  *self,
                                                  const char        *period);
void             vigia_compare_page_set_source   (VigiaComparePage  *self,
                                                  VigiaSource        source);

G_END_DECLS
