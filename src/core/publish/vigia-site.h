/* vigia-site.h: a library published as a static website
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-library.h"

G_BEGIN_DECLS

typedef enum {
  VIGIA_SITE_GROUP_DEPARTMENT,
  VIGIA_SITE_GROUP_ELECTION,
} VigiaSiteGroup;

/* Called from the thread that publishes, after each plan. */
typedef void (*VigiaSiteProgressFunc) (guint    done,
                                       guint    total,
                                       gpointer user_data);

#define VIGIA_TYPE_SITE (vigia_site_get_type ())

G_DECLARE_FINAL_TYPE (VigiaSite, vigia_site, VIGIA, SITE, GObject)

VigiaSite  *vigia_site_new            (void);
void        vigia_site_set_title      (VigiaSite             *self,
                                       const char            *title);
const char *vigia_site_get_title      (VigiaSite             *self);
void        vigia_site_set_period     (VigiaSite             *self,
                                       const char            *period);
void        vigia_site_set_source     (VigiaSite             *self,
                                       VigiaSource            source);
void        vigia_site_set_group      (VigiaSite             *self,
                                       VigiaSiteGroup         group);
void        vigia_site_set_department (VigiaSite             *self,
                                       const char            *department);
void        vigia_site_set_province   (VigiaSite             *self,
                                       const char            *province);
void        vigia_site_set_election   (VigiaSite             *self,
                                       int                    election);
void        vigia_site_add_plan       (VigiaSite             *self,
                                       const char            *reference);
gboolean    vigia_site_publish        (VigiaSite             *self,
                                       VigiaLibrary          *library,
                                       GFile                 *folder,
                                       VigiaSiteProgressFunc  progress,
                                       gpointer               user_data,
                                       GCancellable          *cancellable,
                                       GError               **error);
guint       vigia_site_get_n_plans    (VigiaSite             *self);
guint       vigia_site_get_n_written  (VigiaSite             *self);
guint       vigia_site_get_n_unchanged (VigiaSite            *self);
guint       vigia_site_get_n_removed  (VigiaSite             *self);

G_END_DECLS
