/* vigia-application.h
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_APPLICATION (vigia_application_get_type ())

G_DECLARE_FINAL_TYPE (VigiaApplication, vigia_application, VIGIA, APPLICATION, AdwApplication)

VigiaApplication *vigia_application_new              (void);
VigiaLibrary     *vigia_application_get_library      (VigiaApplication  *self);
gboolean          vigia_application_open_library     (VigiaApplication  *self,
                                                      const char        *path,
                                                      GError           **error);
gboolean          vigia_application_open_library_full (VigiaApplication     *self,
                                                       const char           *path,
                                                       VigiaLibraryOpenFlags flags,
                                                       GError              **error);
gboolean          vigia_application_use_library      (VigiaApplication     *self,
                                                      VigiaLibrary         *library,
                                                      GError              **error);
GSettings        *vigia_application_get_settings     (VigiaApplication  *self);
GtkWidget        *vigia_application_reconnect        (VigiaApplication  *self,
                                                      GtkWindow         *parent);

G_END_DECLS
