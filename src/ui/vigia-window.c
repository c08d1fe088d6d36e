/* vigia-window.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plans of the library in a sidebar, the open plan beside it; folded
 * into one pane with a back button when the window is narrow.  The list is
 * the core's lazy model: only the rows on screen are read from the library,
 * so that a national library of 20,000 plans opens and scrolls at once.
 */
#define G_LOG_DOMAIN "vigia-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-accessible-names.h"
#include "vigia-plan-row.h"
#include "vigia-search-drop-down.h"
#include "vigia-window-private.h"

G_DEFINE_FINAL_TYPE (VigiaWindow, vigia_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error (VigiaWindow  *self,
            const char   *heading,
            const GError *error)
{
  vigia_window_show_error (self, heading, error);
}

/* ---------------------------------------------------------------------- */
/* The sidebar                                                            */
/* ---------------------------------------------------------------------- */

static gboolean
filters_active (VigiaWindow *self)
{
  return gtk_drop_down_get_selected (self->election_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->department_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->term_dropdown) > 0;
}

static void
update_sidebar (VigiaWindow *self)
{
  guint n;
  const char *state;

  if (self->plans == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  if (n > 0)
    state = "plans";
  else if (vigia_plan_list_get_search_text (self->plans) != NULL || filters_active (self))
    state = "no-results";
  else
    state = "empty";
  gtk_stack_set_visible_child_name (self->sidebar_stack, state);

  /* An empty library has no list to choose from: the list says how to
   * start, and this side what for. */
  if (g_str_equal (state, "empty"))
    {
      adw_status_page_set_title (self->no_plan_page, _("Welcome to Vigía"));
      adw_status_page_set_description (self->no_plan_page,
                                       _("Follow plans de gobierno from promise to result: bring the plans in, "
                                         "record each semester’s progress with its evidence, and publish the "
                                         "reports"));
    }
  else
    {
      adw_status_page_set_title (self->no_plan_page, _("No Plan Open"));
      adw_status_page_set_description (self->no_plan_page, _("Choose a plan from the list"));
    }
}

/* Says which filters hide plans, so that a list that looks short is never
 * a mystery, even with the search bar closed. */
static void
update_filter_label (VigiaWindow *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint election = gtk_drop_down_get_selected (self->election_dropdown);
  guint department = gtk_drop_down_get_selected (self->department_dropdown);
  guint term = gtk_drop_down_get_selected (self->term_dropdown);

  if (election > 0 && election != GTK_INVALID_LIST_POSITION)
    g_ptr_array_add (parts, g_strdup (vigia_election_get_label (election - 1)));
  if (department > 0 && department != GTK_INVALID_LIST_POSITION && self->departments != NULL)
    g_ptr_array_add (parts, g_strdup (self->departments[department - 1]));
  if (term > 0 && term != GTK_INVALID_LIST_POSITION && self->term_starts != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("term from %d"),
                                             g_array_index (self->term_starts, int, term - 1)));

  if (parts->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (parts, NULL);
      list = g_strjoinv (" · ", (char **) parts->pdata);
      /* Translators: above the list, the filters in use: "Only: Regional · PUNO" */
      joined = g_strdup_printf (_("Only: %s"), list);
      gtk_label_set_text (self->filter_label, joined);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_label), joined);
    }
  gtk_revealer_set_reveal_child (self->filter_revealer, parts->len > 0);
}

static void
filters_changed_cb (VigiaWindow *self)
{
  guint election;
  guint department;
  guint term;

  if (self->plans == NULL || self->updating_filters)
    return;

  election = gtk_drop_down_get_selected (self->election_dropdown);
  department = gtk_drop_down_get_selected (self->department_dropdown);
  term = gtk_drop_down_get_selected (self->term_dropdown);

  vigia_plan_list_set_election (self->plans,
                                election > 0 && election != GTK_INVALID_LIST_POSITION ?
                                (int) election - 1 : -1);
  vigia_plan_list_set_department (self->plans,
                                  department > 0 && department != GTK_INVALID_LIST_POSITION &&
                                  self->departments != NULL ?
                                  self->departments[department - 1] : NULL);
  vigia_plan_list_set_term_start (self->plans,
                                  term > 0 && term != GTK_INVALID_LIST_POSITION &&
                                  self->term_starts != NULL ?
                                  g_array_index (self->term_starts, int, term - 1) : 0);
  vigia_plan_list_set_sort (self->plans, gtk_drop_down_get_selected (self->sort_dropdown));

  update_filter_label (self);
  update_sidebar (self);
}

/* The departments and terms on offer are those of the library's plans;
 * a filter in use stays chosen while its value is still there. */
static void
refresh_filter_choices (VigiaWindow *self)
{
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) terms = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen_department = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GArray) years = NULL;
  int chosen_term = 0;
  guint department_position = 0;
  guint term_position = 0;

  if (self->library == NULL)
    return;

  names = vigia_library_list_departments (self->library, &error);
  if (names == NULL)
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }
  years = vigia_library_list_term_starts (self->library, &error);
  if (years == NULL)
    g_warning ("%s", error->message);

  if (self->plans != NULL)
    {
      chosen_department = g_strdup (vigia_plan_list_get_department (self->plans));
      chosen_term = vigia_plan_list_get_term_start (self->plans);
    }

  gtk_string_list_append (departments, _("All departments"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (departments, names[i]);
      if (g_strcmp0 (names[i], chosen_department) == 0)
        department_position = i + 1;
    }

  gtk_string_list_append (terms, _("All terms"));
  for (guint i = 0; years != NULL && i < years->len; i++)
    {
      int start = g_array_index (years, int, i);
      g_autofree char *label = g_strdup_printf (_("From %d"), start);

      gtk_string_list_append (terms, label);
      if (start == chosen_term)
        term_position = i + 1;
    }

  g_strfreev (self->departments);
  self->departments = g_steal_pointer (&names);
  g_clear_pointer (&self->term_starts, g_array_unref);
  self->term_starts = g_steal_pointer (&years);

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (departments));
  gtk_drop_down_set_selected (self->department_dropdown, department_position);
  gtk_drop_down_set_model (self->term_dropdown, G_LIST_MODEL (terms));
  gtk_drop_down_set_selected (self->term_dropdown, term_position);
  self->updating_filters = FALSE;

  /* A filter whose value went away lets its plans show again. */
  filters_changed_cb (self);
}

static void
search_changed_cb (VigiaWindow *self)
{
  if (self->plans == NULL)
    return;

  vigia_plan_list_set_search_text (self->plans, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_sidebar (self);
}

/* Shows every plan of the library again. */
void
_vigia_window_clear_filters (VigiaWindow *self)
{
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->election_dropdown, 0);
  gtk_drop_down_set_selected (self->department_dropdown, 0);
  gtk_drop_down_set_selected (self->term_dropdown, 0);
  self->updating_filters = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  filters_changed_cb (self);
  search_changed_cb (self);
}

/* The list shows the open plan selected. */
static void
select_open_plan (VigiaWindow *self)
{
  self->selecting = TRUE;
  vigia_plan_selection_set_selected_id (self->selection, self->open_plan_id);
  self->selecting = FALSE;
}

static void
plans_items_changed_cb (VigiaWindow *self)
{
  update_sidebar (self);
}

/* Enter on a row opens its plan, even the one open already (folded, that
 * goes back to it). */
static void
list_activate_cb (VigiaWindow *self,
                  guint        position)
{
  g_autoptr(GError) error = NULL;

  if (self->plans == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->plans)))
    return;
  if (!vigia_window_open_plan (self, vigia_plan_list_get_plan_id (self->plans, position), &error))
    show_error (self, _("The Plan Could Not Be Opened"), error);
}

static void
selection_changed_cb (VigiaWindow *self)
{
  gint64 id = vigia_plan_selection_get_selected_id (self->selection);
  g_autoptr(GError) error = NULL;

  if (self->selecting || id <= 0)
    return;

  if (!vigia_window_open_plan (self, id, &error))
    show_error (self, _("The Plan Could Not Be Opened"), error);
}

void
_vigia_window_close_plan (VigiaWindow *self)
{
  vigia_plan_editor_set_undo_stack (self->editor, NULL);
  self->open_plan_id = 0;
  select_open_plan (self);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Shows the open plan again as the library holds it, on the same tab: it
 * was changed elsewhere (progress imported, another window), and the
 * objects the editor holds would otherwise put old data back (an undone
 * delete would restore a goal without its new progress).  Its undo history
 * goes: the steps were taken on what the plan was. */
void
_vigia_window_reload_open_plan (VigiaWindow *self)
{
  g_autofree char *page = g_strdup (vigia_plan_editor_get_visible_page (self->editor));
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(VigiaUndoStack) undo_stack = NULL;
  g_autoptr(GError) error = NULL;

  /* Typing not saved yet goes first; refused as a conflict, it is made
   * again on the plan read anew (vigia-window-conflicts.c). */
  self->reloading = TRUE;
  vigia_plan_editor_flush (self->editor);
  self->reloading = FALSE;
  plan = vigia_library_load_plan (self->library, self->open_plan_id, &error);
  if (plan == NULL)
    {
      g_ptr_array_set_size (self->conflicts, 0);
      _vigia_window_close_plan (self);
      show_error (self, _("The Plan Could Not Be Opened"), error);
      return;
    }

  undo_stack = vigia_undo_stack_new (self->library, plan);
  vigia_plan_editor_set_undo_stack (self->editor, undo_stack);
  if (page != NULL)
    vigia_plan_editor_set_visible_page (self->editor, page);
  _vigia_window_resolve_conflicts (self);
}

static void
library_plans_changed_cb (VigiaWindow  *self,
                          GArray       *ids,
                          VigiaLibrary *library)
{
  VigiaPlan *open = vigia_plan_editor_get_plan (self->editor);
  VigiaUndoStack *undo_stack = vigia_plan_editor_get_undo_stack (self->editor);

  for (guint i = 0; open != NULL && i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) != self->open_plan_id)
        continue;

      /* Deleted (by another window, say): nothing left to show. */
      if (vigia_library_lookup_plan (library, vigia_plan_get_uuid (open), NULL) == 0)
        _vigia_window_close_plan (self);
      else if (!vigia_undo_stack_is_saving (undo_stack))
        _vigia_window_reload_open_plan (self);
      break;
    }

  refresh_filter_choices (self);
}

/* The sidebar's subtitle: the library's name (user@server/database on a
 * server, never its connection string, which may hold a password), and
 * whether it is read-only or its connection being made again. */
static void
update_library_title (VigiaWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;

  if (vigia_library_is_shared (self->library))
    basename = g_strdup (vigia_library_get_name (self->library));
  else
    basename = g_path_get_basename (vigia_library_get_path (self->library));
  if (vigia_library_get_connection_error (self->library) != NULL)
    /* Translators: the shared library's name, in the sidebar's title, once its lost connection was given up */
    subtitle = g_strdup_printf (_("%s · disconnected"), basename);
  else if (!vigia_library_is_connected (self->library))
    /* Translators: the shared library's name, in the sidebar's title, while its lost connection is made again */
    subtitle = g_strdup_printf (_("%s · connecting…"), basename);
  else if (vigia_library_is_read_only (self->library))
    /* Translators: the library's file name, in the sidebar's title, when it cannot be written */
    subtitle = g_strdup_printf (_("%s · read-only"), basename);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle != NULL ? subtitle : basename);
}

/* A shared library's connection lost (the server restarted, the network
 * went): the library makes it again by itself; meanwhile the sidebar and a
 * toast that stays say so, and a toast says when it is back. */
static void
library_connected_cb (VigiaWindow  *self,
                      GParamSpec   *pspec,
                      VigiaLibrary *library)
{
  AdwToast *toast;

  update_library_title (self);
  if (self->connection_toast != NULL)
    adw_toast_dismiss (self->connection_toast);
  g_clear_object (&self->connection_toast);

  /* The server may have changed what this member's role may do. */
  _vigia_window_actions_update (self);

  /* Short, for a narrow window: the sidebar names the library. */
  if (vigia_library_is_connected (library))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Connected again")));
      return;
    }

  /* Given up: the library must be opened again. */
  if (vigia_library_get_connection_error (library) != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Connect Again"),
                                                  vigia_library_get_connection_error (library)->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  toast = adw_toast_new (_("Connection lost: connecting again…"));
  adw_toast_set_timeout (toast, 0);
  self->connection_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
library_changed_cb (VigiaWindow      *self,
                    GParamSpec       *pspec,
                    VigiaApplication *app)
{
  VigiaLibrary *library = vigia_application_get_library (app);

  vigia_plan_editor_flush (self->editor);
  _vigia_window_close_plan (self);
  g_hash_table_remove_all (self->deleted_plans);

  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->library, library_plans_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->library, library_connected_cb, self);
    }
  if (self->connection_toast != NULL)
    adw_toast_dismiss (self->connection_toast);
  g_clear_object (&self->connection_toast);
  g_set_object (&self->library, library);

  g_clear_object (&self->plans);
  vigia_compare_page_set_library (self->compare_page, library);

  if (library == NULL)
    {
      vigia_plan_selection_set_model (self->selection, NULL);
      return;
    }

  self->plans = vigia_plan_list_new (library);
  g_signal_connect_object (library, "plans-changed",
                           G_CALLBACK (library_plans_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::connected",
                           G_CALLBACK (library_connected_cb), self, G_CONNECT_SWAPPED);

  vigia_plan_selection_set_model (self->selection, self->plans);

  /* The new list starts from what the search bar and filters say. */
  refresh_filter_choices (self);
  search_changed_cb (self);

  update_library_title (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), vigia_library_get_name (library));
  update_sidebar (self);
  _vigia_window_actions_update (self);
}

/* ---------------------------------------------------------------------- */
/* The open plan                                                          */
/* ---------------------------------------------------------------------- */

/* A plan chosen in the ranking opens on its progress. */
static void
compare_plan_activated_cb (VigiaWindow *self,
                           gint64       plan_id)
{
  g_autoptr(GError) error = NULL;

  if (!vigia_window_open_plan (self, plan_id, &error))
    {
      show_error (self, _("The Plan Could Not Be Opened"), error);
      return;
    }
  vigia_plan_editor_set_visible_page (self->editor, "progress");
}

static void
undo_stack_save_failed_cb (VigiaWindow    *self,
                           const GError   *error,
                           VigiaUndoStack *undo_stack)
{
  /* A conflict is asked about instead (vigia-window-conflicts.c). */
  if (g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
    return;
  vigia_plan_editor_show_error (self->editor, error);
}

/* Files dropped on the window go where `vigia FILE…` sends them: plans are
 * imported, a library opens. */
static gboolean
drop_cb (VigiaWindow  *self,
         const GValue *value,
         double        x,
         double        y)
{
  g_autoptr(GSList) list = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0 || app == NULL)
    return FALSE;

  g_application_open (G_APPLICATION (app), (GFile **) files->pdata, files->len, "");
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

/* The application arrives after construction (GtkWindow:application is not a
 * construct property), and only once. */
static void
application_set_cb (VigiaWindow *self,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (app == NULL || self->application_bound)
    return;
  g_assert (VIGIA_IS_APPLICATION (app));
  self->application_bound = TRUE;

  settings = vigia_application_get_settings (VIGIA_APPLICATION (app));
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (app, "notify::library",
                           G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  library_changed_cb (self, NULL, VIGIA_APPLICATION (app));
}

/* Typing not yet saved is saved before the window goes. */
static gboolean
vigia_window_close_request (GtkWindow *window)
{
  VigiaWindow *self = VIGIA_WINDOW (window);

  vigia_plan_editor_flush (self->editor);

  return GTK_WINDOW_CLASS (vigia_window_parent_class)->close_request (window);
}

static void
vigia_window_dispose (GObject *object)
{
  VigiaWindow *self = (VigiaWindow *)object;

  if (self->editor != NULL)
    vigia_plan_editor_set_undo_stack (self->editor, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_WINDOW);
  g_clear_object (&self->plans);
  g_clear_object (&self->selection);
  g_clear_object (&self->undo_stack_signals);
  g_clear_handle_id (&self->conflicts_source, g_source_remove);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->library);
  g_clear_object (&self->connection_toast);
  g_clear_pointer (&self->deleted_plans, g_hash_table_unref);
  g_clear_pointer (&self->departments, g_strfreev);
  g_clear_pointer (&self->term_starts, g_array_unref);

  G_OBJECT_CLASS (vigia_window_parent_class)->dispose (object);
}

static void
vigia_window_class_init (VigiaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vigia_window_dispose;
  window_class->close_request = vigia_window_close_request;

  g_type_ensure (VIGIA_TYPE_PLAN_ROW);
  g_type_ensure (VIGIA_TYPE_PLAN_EDITOR);
  g_type_ensure (VIGIA_TYPE_COMPARE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, election_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, term_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, filter_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, no_plan_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, plan_list_view);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, editor);

  _vigia_window_class_actions_init (klass);
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
  g_autoptr(GtkStringList) elections = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));
  vigia_search_drop_down_init (self->department_dropdown);

  self->deleted_plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->plan_list_view, factory);

  self->selection = vigia_plan_selection_new (GTK_WIDGET (self->plan_list_view));
  gtk_list_view_set_model (self->plan_list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-id",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (plans_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan_list_view, "activate",
                           G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);

  /* Typing in the sidebar starts a search; typing in the plan does not. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->sidebar));
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);

  /* In the order of the enums, after "any", so that position − 1 is the value. */
  gtk_string_list_append (elections, _("All election types"));
  for (VigiaElection e = VIGIA_ELECTION_MUNICIPAL_DISTRICT; e <= VIGIA_ELECTION_GENERAL; e++)
    gtk_string_list_append (elections, vigia_election_get_label (e));
  gtk_drop_down_set_model (self->election_dropdown, G_LIST_MODEL (elections));

  gtk_string_list_append (sorts, C_("sort", "Place"));
  gtk_string_list_append (sorts, C_("sort", "Organization"));
  gtk_string_list_append (sorts, C_("sort", "Last change"));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));

  g_signal_connect_object (self->election_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->department_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->term_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* The open plan's undo stack, whichever it is: its handlers go with it. */
  self->undo_stack_signals = g_signal_group_new (VIGIA_TYPE_UNDO_STACK);
  g_signal_group_connect_object (self->undo_stack_signals, "notify::can-undo",
                                 G_CALLBACK (_vigia_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->undo_stack_signals, "notify::can-redo",
                                 G_CALLBACK (_vigia_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->undo_stack_signals, "save-failed",
                                 G_CALLBACK (undo_stack_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->undo_stack_signals, "conflict",
                                 G_CALLBACK (_vigia_window_conflict_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->editor, "undo-stack", self->undo_stack_signals, "target",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->editor, "notify::undo-stack",
                           G_CALLBACK (_vigia_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_page, "plan-activated",
                           G_CALLBACK (compare_plan_activated_cb), self, G_CONNECT_SWAPPED);
  _vigia_window_actions_update (self);
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
 * vigia_window_show_error:
 * @heading: what went wrong, as a dialog's heading
 *
 * Tells the user, in a dialog over the window, what could not be done and why.
 */
void
vigia_window_show_error (VigiaWindow  *self,
                         const char   *heading,
                         const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (VIGIA_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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
 * Returns: what the sidebar shows: "plans", "empty", "no-results" or "error"
 */
const char *
vigia_window_get_sidebar_state (VigiaWindow *self)
{
  g_return_val_if_fail (VIGIA_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->sidebar_stack);
}

VigiaPlanEditor *
vigia_window_get_editor (VigiaWindow *self)
{
  g_return_val_if_fail (VIGIA_IS_WINDOW (self), NULL);
  return self->editor;
}

/**
 * vigia_window_open_plan:
 *
 * Opens plan @plan_id of the library in the editor, after saving what was
 * typed in the plan open before.
 */
gboolean
vigia_window_open_plan (VigiaWindow  *self,
                        gint64        plan_id,
                        GError      **error)
{
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(VigiaUndoStack) undo_stack = NULL;

  g_return_val_if_fail (VIGIA_IS_WINDOW (self), FALSE);

  if (self->library == NULL)
    return FALSE;

  if (plan_id == self->open_plan_id)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "plan");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      /* Compare Plans left nothing chosen in the list. */
      select_open_plan (self);
      return TRUE;
    }

  vigia_plan_editor_flush (self->editor);
  plan = vigia_library_load_plan (self->library, plan_id, error);
  if (plan == NULL)
    return FALSE;

  undo_stack = vigia_undo_stack_new (self->library, plan);
  self->open_plan_id = plan_id;
  vigia_plan_editor_set_undo_stack (self->editor, undo_stack);
  gtk_stack_set_visible_child_name (self->content_stack, "plan");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  select_open_plan (self);
  return TRUE;
}
