/* vigia-window.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-plan-row.h"
#include "vigia-window.h"

struct _VigiaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkStack             *sidebar_stack;
  GtkListView          *plan_list_view;
  AdwStatusPage        *error_page;
  AdwWindowTitle       *sidebar_title;

  VigiaPlanList        *plans;
  GtkSingleSelection   *selection;
  gboolean              application_bound;
};

G_DEFINE_FINAL_TYPE (VigiaWindow, vigia_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_sidebar (VigiaWindow *self)
{
  guint n = self->plans != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->plans)) : 0;

  if (self->plans == NULL)
    return;

  gtk_stack_set_visible_child_name (self->sidebar_stack, n > 0 ? "plans" : "empty");
}

static void
plans_items_changed_cb (VigiaWindow *self,
                        guint        position,
                        guint        removed,
                        guint        added,
                        GListModel  *model)
{
  update_sidebar (self);
}

static void
library_changed_cb (VigiaWindow      *self,
                    GParamSpec       *pspec,
                    VigiaApplication *app)
{
  VigiaLibrary *library = vigia_application_get_library (app);
  g_autofree char *basename = NULL;

  if (self->plans != NULL)
    g_signal_handlers_disconnect_by_func (self->plans, plans_items_changed_cb, self);
  g_clear_object (&self->plans);

  if (library == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      return;
    }

  self->plans = vigia_plan_list_new (library);
  g_signal_connect_object (self->plans, "items-changed",
                           G_CALLBACK (plans_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->plans));

  basename = g_path_get_basename (vigia_library_get_path (library));
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  update_sidebar (self);
}

/* The application arrives after construction (GtkWindow:application is not a
 * construct property), and only once. */
static void
application_set_cb (VigiaWindow *self,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL || self->application_bound)
    return;
  g_assert (VIGIA_IS_APPLICATION (app));
  self->application_bound = TRUE;

  g_settings_bind (vigia_application_get_settings (VIGIA_APPLICATION (app)), "window-width",
                   self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (vigia_application_get_settings (VIGIA_APPLICATION (app)), "window-height",
                   self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (vigia_application_get_settings (VIGIA_APPLICATION (app)), "window-maximized",
                   self, "maximized", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (app, "notify::library",
                           G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  library_changed_cb (self, NULL, VIGIA_APPLICATION (app));
}

static void
vigia_window_dispose (GObject *object)
{
  VigiaWindow *self = (VigiaWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_WINDOW);
  g_clear_object (&self->plans);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (vigia_window_parent_class)->dispose (object);
}

static void
vigia_window_class_init (VigiaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, plan_list_view);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, sidebar_title);

  g_type_ensure (VIGIA_TYPE_PLAN_ROW);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, GTK_WIDGET (vigia_plan_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  VigiaPlanRow *row = VIGIA_PLAN_ROW (gtk_list_item_get_child (item));

  vigia_plan_row_set_summary (row, gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  vigia_plan_row_set_summary (VIGIA_PLAN_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
vigia_window_init (VigiaWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->plan_list_view, factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->plan_list_view, GTK_SELECTION_MODEL (self->selection));
}

VigiaWindow *
vigia_window_new (VigiaApplication *application)
{
  return g_object_new (VIGIA_TYPE_WINDOW, "application", application, NULL);
}

/**
 * vigia_window_show_library_error:
 *
 * Shows why the library could not be opened, in place of the list.
 */
void
vigia_window_show_library_error (VigiaWindow  *self,
                                 const GError *error)
{
  g_return_if_fail (VIGIA_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "error");
}

/**
 * vigia_window_get_plans:
 *
 * Returns: (transfer none) (nullable): the list the sidebar shows
 */
GListModel *
vigia_window_get_plans (VigiaWindow *self)
{
  g_return_val_if_fail (VIGIA_IS_WINDOW (self), NULL);
  return self->plans != NULL ? G_LIST_MODEL (self->plans) : NULL;
}

/**
 * vigia_window_get_sidebar_state:
 *
 * Returns: what the sidebar shows: "plans", "empty" or "error"
 */
const char *
vigia_window_get_sidebar_state (VigiaWindow *self)
{
  g_return_val_if_fail (VIGIA_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->sidebar_stack);
}
