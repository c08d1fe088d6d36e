/* vigia-list-stager.h
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIA_TYPE_LIST_STAGER (vigia_list_stager_get_type ())

G_DECLARE_FINAL_TYPE (VigiaListStager, vigia_list_stager, VIGIA, LIST_STAGER, GObject)

VigiaListStager *vigia_list_stager_new         (GtkWidget       *widget);
GListModel      *vigia_list_stager_get_model   (VigiaListStager *self);
void             vigia_list_stager_set_model   (VigiaListStager *self,
                                                GListModel      *model);
gboolean         vigia_list_stager_get_pending (VigiaListStager *self);
void             vigia_list_stager_show_all    (VigiaListStager *self);

G_END_DECLS
