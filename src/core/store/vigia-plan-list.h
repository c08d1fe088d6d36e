/* vigia-plan-list.h: the plans of a library as a lazily filled GListModel
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-library.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PLAN_LIST (vigia_plan_list_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPlanList, vigia_plan_list, VIGIA, PLAN_LIST, GObject)

VigiaPlanList *vigia_plan_list_new             (VigiaLibrary  *library);
VigiaLibrary  *vigia_plan_list_get_library     (VigiaPlanList *self);
const char    *vigia_plan_list_get_search_text (VigiaPlanList *self);
void           vigia_plan_list_set_search_text (VigiaPlanList *self,
                                                const char    *text);
int            vigia_plan_list_get_election    (VigiaPlanList *self);
void           vigia_plan_list_set_election    (VigiaPlanList *self,
                                                int            election);
const char    *vigia_plan_list_get_department  (VigiaPlanList *self);
void           vigia_plan_list_set_department  (VigiaPlanList *self,
                                                const char    *department);
int            vigia_plan_list_get_term_start  (VigiaPlanList *self);
void           vigia_plan_list_set_term_start  (VigiaPlanList *self,
                                                int            term_start);
VigiaPlanSort  vigia_plan_list_get_sort        (VigiaPlanList *self);
void           vigia_plan_list_set_sort        (VigiaPlanList *self,
                                                VigiaPlanSort  sort);
gint64         vigia_plan_list_get_plan_id     (VigiaPlanList *self,
                                                guint          position);
gboolean       vigia_plan_list_find            (VigiaPlanList *self,
                                                gint64         plan_id,
                                                guint         *position);
void           vigia_plan_list_reload          (VigiaPlanList *self);
guint          vigia_plan_list_get_n_fetched   (VigiaPlanList *self);

G_END_DECLS
