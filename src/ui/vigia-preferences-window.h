/* vigia-preferences-window.h: the application's preferences
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VIGIA_TYPE_PREFERENCES_WINDOW (vigia_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPreferencesWindow, vigia_preferences_window, VIGIA, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *vigia_preferences_window_new (GtkWindow *parent,
                                         GSettings *settings);

G_END_DECLS
