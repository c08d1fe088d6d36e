/* vigia-preferences-window.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences: the name every entry and change is recorded under
 * (docs/merge.md, "Who"), kept in GSettings and applied by the application
 * to its library as it is typed.
 */
#define G_LOG_DOMAIN "vigia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-core.h"
#include "vigia-preferences-window.h"

struct _VigiaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *team_group;
  AdwEntryRow          *name_row;
};

G_DEFINE_FINAL_TYPE (VigiaPreferencesWindow, vigia_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
vigia_preferences_window_class_init (VigiaPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaPreferencesWindow, team_group);
  gtk_widget_class_bind_template_child (widget_class, VigiaPreferencesWindow, name_row);
}

static void
vigia_preferences_window_init (VigiaPreferencesWindow *self)
{
  g_autofree char *fallback = NULL;
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* What an empty name stands for, said where the name is typed. */
  fallback = vigia_library_dup_default_author ();
  description = g_strdup_printf (_("Every progress entry and change you make is recorded under this name, "
                                   "and travels with the documents you export. Left empty, it is “%s”."),
                                 fallback);
  adw_preferences_group_set_description (self->team_group, description);
}

/**
 * vigia_preferences_window_new:
 * @settings: the application's settings, whose `author-name` the window edits
 */
GtkWidget *
vigia_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  VigiaPreferencesWindow *self = g_object_new (VIGIA_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", parent,
                                               NULL);

  g_settings_bind (settings, "author-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
