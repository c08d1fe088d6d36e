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

#include "vigia-compare-page.h"
#include "vigia-export-dialog.h"
#include "vigia-import-dialog.h"
#include "vigia-plan-editor.h"
#include "vigia-plan-row.h"
#include "vigia-plan-selection.h"
#include "vigia-report-print.h"
#include "vigia-window.h"

struct _VigiaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkBox               *sidebar;
  AdwWindowTitle       *sidebar_title;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *election_dropdown;
  GtkDropDown          *department_dropdown;
  GtkDropDown          *term_dropdown;
  GtkDropDown          *sort_dropdown;
  GtkRevealer          *filter_revealer;
  GtkLabel             *filter_label;
  GtkStack             *sidebar_stack;
  GtkListView          *plan_list_view;
  AdwStatusPage        *error_page;
  GtkStack             *content_stack;
  VigiaComparePage     *compare_page;
  VigiaPlanEditor      *editor;

  VigiaLibrary         *library;
  VigiaPlanList        *plans;
  VigiaPlanSelection   *selection;
  /* What the department and term filters offer, after "any". */
  GStrv                 departments;
  GArray               *term_starts;
  /* Deleted plans that a toast offers to restore, by uuid. */
  GHashTable           *deleted_plans;
  gint64                open_plan_id;
  /* Set while the window itself moves the selection. */
  gboolean              selecting;
  gboolean              updating_filters;
  gboolean              application_bound;
};

G_DEFINE_FINAL_TYPE (VigiaWindow, vigia_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error (VigiaWindow  *self,
            const char   *heading,
            const GError *error)
{
  vigia_window_show_error (self, heading, error);
}

static void
add_toast (VigiaWindow *self,
           AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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

static void
close_plan (VigiaWindow *self)
{
  vigia_plan_editor_set_stack (self->editor, NULL);
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
static void
reload_open_plan (VigiaWindow *self)
{
  g_autofree char *page = g_strdup (vigia_plan_editor_get_visible_page (self->editor));
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(VigiaUndoStack) stack = NULL;
  g_autoptr(GError) error = NULL;

  vigia_plan_editor_flush (self->editor);
  plan = vigia_library_load_plan (self->library, self->open_plan_id, &error);
  if (plan == NULL)
    {
      close_plan (self);
      show_error (self, _("The Plan Could Not Be Opened"), error);
      return;
    }

  stack = vigia_undo_stack_new (self->library, plan);
  vigia_plan_editor_set_stack (self->editor, stack);
  if (page != NULL)
    vigia_plan_editor_set_visible_page (self->editor, page);
}

static void
library_plans_changed_cb (VigiaWindow  *self,
                          GArray       *ids,
                          VigiaLibrary *library)
{
  VigiaPlan *open = vigia_plan_editor_get_plan (self->editor);
  VigiaUndoStack *stack = vigia_plan_editor_get_stack (self->editor);

  for (guint i = 0; open != NULL && i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) != self->open_plan_id)
        continue;

      /* Deleted (by another window, say): nothing left to show. */
      if (vigia_library_lookup_plan (library, vigia_plan_get_uuid (open), NULL) == 0)
        close_plan (self);
      else if (!vigia_undo_stack_is_saving (stack))
        reload_open_plan (self);
      break;
    }

  refresh_filter_choices (self);
}

static void
library_changed_cb (VigiaWindow      *self,
                    GParamSpec       *pspec,
                    VigiaApplication *app)
{
  VigiaLibrary *library = vigia_application_get_library (app);
  g_autofree char *basename = NULL;

  vigia_plan_editor_flush (self->editor);
  close_plan (self);
  g_hash_table_remove_all (self->deleted_plans);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_plans_changed_cb, self);
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

  vigia_plan_selection_set_model (self->selection, self->plans);

  /* The new list starts from what the search bar and filters say. */
  refresh_filter_choices (self);
  search_changed_cb (self);

  basename = g_path_get_basename (vigia_library_get_path (library));
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), vigia_library_get_path (library));
  update_sidebar (self);
}

/* ---------------------------------------------------------------------- */
/* The open plan                                                          */
/* ---------------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->plan_list_view));

  /* Folded, the list is a page of its own: with nothing selected, touching
   * the plan just left opens it again. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      self->selecting = TRUE;
      vigia_plan_selection_set_selected_id (self->selection, 0);
      self->selecting = FALSE;
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->election_dropdown, 0);
  gtk_drop_down_set_selected (self->department_dropdown, 0);
  gtk_drop_down_set_selected (self->term_dropdown, 0);
  self->updating_filters = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  filters_changed_cb (self);
  search_changed_cb (self);
}

/* The plans of the library ranked, in place of the open plan, which
 * stays open: choosing it in the list shows it again. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);

  if (self->library == NULL)
    return;
  vigia_plan_editor_flush (self->editor);
  gtk_stack_set_visible_child_name (self->content_stack, "compare");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  /* Nothing chosen in the list, so that choosing the open plan shows it. */
  self->selecting = TRUE;
  vigia_plan_selection_set_selected_id (self->selection, 0);
  self->selecting = FALSE;
}

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

static VigiaUndoStack *
get_stack (VigiaWindow *self)
{
  return vigia_plan_editor_get_stack (self->editor);
}

static void
undo_or_redo (VigiaWindow *self,
              gboolean     undo)
{
  VigiaUndoStack *stack = get_stack (self);
  g_autoptr(GError) error = NULL;

  if (stack == NULL)
    return;
  if (!(undo ? vigia_undo_stack_undo (stack, &error) : vigia_undo_stack_redo (stack, &error)))
    vigia_plan_editor_show_error (self->editor, error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_or_redo (VIGIA_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_or_redo (VIGIA_WINDOW (widget), FALSE);
}

/* A toast's Undo: reverts its step only if nothing came after it. */
static void
undo_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  VigiaUndoStack *stack = get_stack (self);

  if (stack != NULL && vigia_undo_stack_get_serial (stack) == g_variant_get_uint32 (parameter))
    undo_or_redo (self, TRUE);
}

static void
update_undo_actions (VigiaWindow *self)
{
  VigiaUndoStack *stack = get_stack (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 stack != NULL && vigia_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 stack != NULL && vigia_undo_stack_get_can_redo (stack));
}

static void
stack_save_failed_cb (VigiaWindow    *self,
                      const GError   *error,
                      VigiaUndoStack *stack)
{
  vigia_plan_editor_show_error (self->editor, error);
}

static void
editor_stack_changed_cb (VigiaWindow *self)
{
  VigiaUndoStack *stack = get_stack (self);
  gboolean open = stack != NULL;

  if (stack != NULL)
    {
      g_signal_connect_object (stack, "notify::can-undo", G_CALLBACK (update_undo_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (stack, "notify::can-redo", G_CALLBACK (update_undo_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (stack, "save-failed", G_CALLBACK (stack_save_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-plan", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-plan", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-plan", open);
  update_undo_actions (self);
}

static gboolean
select_plan (VigiaWindow *self,
             gint64       plan_id)
{
  guint position;

  /* A plan hidden by the search or the filters is shown by clearing them. */
  if (!vigia_plan_list_find (self->plans, plan_id, &position))
    {
      clear_filters_action (GTK_WIDGET (self), NULL, NULL);
      if (!vigia_plan_list_find (self->plans, plan_id, &position))
        return FALSE;
    }

  vigia_plan_selection_set_selected_id (self->selection, plan_id);
  /* The list may still be coming a screenful a frame: the row is shown now. */
  vigia_list_stager_show_all (vigia_plan_selection_get_rows (self->selection));
  gtk_widget_activate_action (GTK_WIDGET (self->plan_list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  g_autoptr(VigiaPlan) plan = vigia_plan_new ();
  g_autoptr(GError) error = NULL;

  if (self->library == NULL)
    return;

  vigia_plan_set_source_format (plan, "manual");
  vigia_plan_add_standard_dimensions (plan);
  if (!vigia_library_add_plan (self->library, plan, &error))
    {
      show_error (self, _("The Plan Could Not Be Added"), error);
      return;
    }

  select_plan (self, vigia_plan_get_id (plan));
  if (self->open_plan_id != vigia_plan_get_id (plan))
    vigia_window_open_plan (self, vigia_plan_get_id (plan), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (vigia_plan_editor_get_general_page (self->editor)));
}

static void
duplicate_plan_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  VigiaPlan *plan = vigia_plan_editor_get_plan (self->editor);
  g_autoptr(VigiaPlan) copy = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;

  if (plan == NULL || !vigia_plan_editor_flush (self->editor))
    return;

  copy = vigia_plan_duplicate (plan);
  if (!vigia_library_add_plan (self->library, copy, &error))
    {
      show_error (self, _("The Plan Could Not Be Duplicated"), error);
      return;
    }

  select_plan (self, vigia_plan_get_id (copy));
  toast = adw_toast_new (_("Plan duplicated: this is the copy"));
  add_toast (self, g_steal_pointer (&toast));
}

static void
delete_plan_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         VigiaWindow      *self)
{
  VigiaPlan *shown = vigia_plan_editor_get_plan (self->editor);
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->open_plan_id;

  if (shown == NULL || !vigia_plan_editor_flush (self->editor))
    return;

  /* Kept whole, so that the toast can put it back. */
  plan = vigia_library_load_plan (self->library, id, &error);
  if (plan == NULL || !vigia_library_delete_plan (self->library, id, &error))
    {
      show_error (self, _("The Plan Could Not Be Deleted"), error);
      return;
    }

  close_plan (self);
  vigia_plan_clear_ids (plan);
  g_hash_table_insert (self->deleted_plans, g_strdup (vigia_plan_get_uuid (plan)), g_object_ref (plan));

  toast = adw_toast_new (_("Plan deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-plan");
  adw_toast_set_action_target_value (toast, g_variant_new_string (vigia_plan_get_uuid (plan)));
  add_toast (self, g_steal_pointer (&toast));
}

static void
delete_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  VigiaPlan *plan = vigia_plan_editor_get_plan (self->editor);
  g_autofree char *place = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  const char *organization;

  if (plan == NULL)
    return;

  organization = vigia_plan_get_organization (plan);
  place = vigia_plan_dup_place_label (plan);
  /* Translators: "JUNTOS POR EL PERU (INDEPENDENCIA, LIMA, LIMA) and all…" */
  body = g_strdup_printf (_("%s (%s) and all its goals and progress will be deleted from the library."),
                          !vigia_str_empty (organization) ? organization : _("Untitled Plan"), place);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete Plan?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (delete_plan_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_plan_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gpointer stolen = NULL;

  if (!g_hash_table_steal_extended (self->deleted_plans, uuid, NULL, &stolen))
    return;
  plan = stolen;

  if (!vigia_library_add_plan (self->library, plan, &error))
    {
      show_error (self, _("The Plan Could Not Be Restored"), error);
      return;
    }
  select_plan (self, vigia_plan_get_id (plan));
}

/* ---------------------------------------------------------------------- */
/* Export                                                                 */
/* ---------------------------------------------------------------------- */

typedef struct
{
  char   *library_path;
  /* The plans to write, or NULL for all of them. */
  GArray *ids;
  GFile  *file;
  guint   n_written;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->library_path);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_object (&data->file);
  g_free (data);
}

/* Runs in a thread, on its own connection to the library: a big library
 * does not stop the window.  The file is replaced only once whole. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(VigiaJsonWriter) writer = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  library = vigia_library_open (data->library_path, VIGIA_LIBRARY_OPEN_READ_ONLY, &error);
  if (library == NULL)
    goto failed;

  ids = data->ids != NULL ? g_array_ref (data->ids) : vigia_library_query_plan_ids (library, NULL, &error);
  if (ids == NULL)
    goto failed;

  out = g_file_replace (data->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error);
  if (out == NULL)
    goto failed;

  writer = vigia_json_writer_new (G_OUTPUT_STREAM (out));
  if (!vigia_json_writer_begin (writer, cancellable, &error))
    goto abandon;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, g_array_index (ids, gint64, i), &error);

      if (plan == NULL || !vigia_json_writer_add_plan (writer, plan, cancellable, &error))
        goto abandon;
      data->n_written++;
    }
  if (!vigia_json_writer_end (writer, cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    goto abandon;

  g_task_return_boolean (task, TRUE);
  return;

abandon:
  {
    /* Closing with a cancelled cancellable drops the new file and keeps
     * whatever was there before. */
    g_autoptr(GCancellable) abort = g_cancellable_new ();

    g_cancellable_cancel (abort);
    g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
  }
failed:
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VigiaWindow *self = VIGIA_WINDOW (object);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, _("The Plans Could Not Be Exported"), error);
      return;
    }

  /* Toast titles are markup (libadwaita 1.2). */
  basename = g_file_get_basename (data->file);
  name = g_markup_escape_text (basename, -1);
  /* Translators: a toast: "3 plans exported to plans.json" */
  title = g_strdup_printf (ngettext ("%u plan exported to %s", "%u plans exported to %s", data->n_written),
                           data->n_written, name);
  toast = adw_toast_new (title);
  add_toast (self, g_steal_pointer (&toast));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  VigiaWindow *self = VIGIA_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  GArray *ids = g_object_get_data (G_OBJECT (chooser), "ids");
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  if (response == GTK_RESPONSE_ACCEPT && self->library != NULL)
    {
      data = g_new0 (ExportData, 1);
      data->library_path = g_strdup (vigia_library_get_path (self->library));
      data->ids = ids != NULL ? g_array_ref (ids) : NULL;
      data->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      task = g_task_new (self, NULL, export_done_cb, NULL);
      g_task_set_source_tag (task, export_response_cb);
      g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
      g_task_run_in_thread (task, export_thread);
    }

  g_object_unref (chooser);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Vigía exchange files (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
export (VigiaWindow *self,
        GArray      *ids,
        const char  *title,
        const char  *name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = json_filter ();

  if (self->library == NULL || !vigia_plan_editor_flush (self->editor))
    return;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (ids != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "ids", g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  /* Translators: the suggested name of an exported library */
  export (VIGIA_WINDOW (widget), NULL, _("Export All Plans"), _("plans.json"));
}

static void
report_exported_cb (VigiaWindow *self,
                    GFile       *file)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_markup_escape_text (basename, -1);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = NULL;

  /* Translators: a toast: "Saved as informe-independencia-2024-S2.pdf" */
  title = g_strdup_printf (_("Saved as %s"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  add_toast (self, g_steal_pointer (&toast));
}

/* Export…: the open plan's report, a spreadsheet of its progress, its text or
 * its exchange file, in a dialog that asks which and where. */
static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  VigiaPlan *plan = vigia_plan_editor_get_plan (self->editor);
  VigiaExportDialog *dialog;

  /* Typing not yet saved goes into the export too. */
  if (plan == NULL || !vigia_plan_editor_flush (self->editor))
    return;

  dialog = vigia_export_dialog_new (GTK_WINDOW (self), plan);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (report_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Print…: the pages of the PDF, through the print dialog and its preview. */
static void
print_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  VigiaPlan *plan = vigia_plan_editor_get_plan (self->editor);
  g_autoptr(VigiaReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (plan == NULL || !vigia_plan_editor_flush (self->editor))
    return;

  report = vigia_report_new (plan, NULL, &error);
  if (report == NULL ||
      vigia_report_print (report, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                          &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("The Report Could Not Be Printed"), error);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  /* GtkFileLauncher is newer than the floor, GTK 4.8. */
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* ---------------------------------------------------------------------- */
/* Import                                                                 */
/* ---------------------------------------------------------------------- */

static void
import_finished_cb (VigiaWindow       *self,
                    gint64             first_plan_id,
                    guint              n_imported,
                    gboolean           quiet,
                    VigiaImportDialog *dialog)
{
  g_autofree char *title = NULL;

  if (!quiet)
    return;

  /* Translators: a toast after importing: "3 plans imported" */
  title = g_strdup_printf (ngettext ("%u plan imported", "%u plans imported", n_imported), n_imported);
  add_toast (self, adw_toast_new (title));
  if (first_plan_id > 0)
    select_plan (self, first_plan_id);
}

static void
import_plan_activated_cb (VigiaWindow       *self,
                          gint64             plan_id,
                          VigiaImportDialog *dialog)
{
  select_plan (self, plan_id);
}

/**
 * vigia_window_import_files:
 * @files: (element-type GFile): DECLARA summaries, JNE data, Vigía files
 *
 * Imports @files into the library, in a dialog that shows the progress and,
 * unless all went well, what became of each file.
 *
 * Returns: (transfer none): the dialog
 */
VigiaImportDialog *
vigia_window_import_files (VigiaWindow *self,
                           GListModel  *files)
{
  VigiaImportDialog *dialog;

  g_return_val_if_fail (VIGIA_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  if (self->library == NULL)
    return NULL;

  vigia_plan_editor_flush (self->editor);
  dialog = vigia_import_dialog_new (GTK_WINDOW (self), self->library, files);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "plan-activated", G_CALLBACK (import_plan_activated_cb), self,
                           G_CONNECT_SWAPPED);
  vigia_import_dialog_start (dialog);
  return dialog;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  VigiaWindow *self = VIGIA_WINDOW (gtk_native_dialog_get_transient_for (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      vigia_window_import_files (self, files);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->library == NULL)
    return;

  gtk_file_filter_set_name (plans, _("Plans (DECLARA summaries, JNE and Vigía files)"));
  gtk_file_filter_add_suffix (plans, "txt");
  gtk_file_filter_add_suffix (plans, "json");
  gtk_file_filter_set_name (text, _("DECLARA summaries (text)"));
  gtk_file_filter_add_suffix (text, "txt");
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_set_name (json, _("JNE and Vigía files (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Import Plans"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), plans);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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

/* The DECLARA summary shipped with Vigía, for a first look: imported once,
 * opened after. */
static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  g_autoptr(GFile) sample = vigia_sample_plan_file ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const VigiaImportResult *r;

  if (self->library == NULL)
    return;

  results = vigia_import_file (self->library, sample, NULL, NULL, &error);
  if (results == NULL || results->len == 0)
    {
      if (error != NULL)
        show_error (self, _("The Sample Plan Could Not Be Opened"), error);
      return;
    }

  r = g_ptr_array_index (results, 0);
  select_plan (self, r->plan_id);
}

/* ---------------------------------------------------------------------- */
/* Libraries                                                              */
/* ---------------------------------------------------------------------- */

static GtkFileFilter *
library_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Vigía libraries"));
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  return filter;
}

static void
library_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  VigiaWindow *self = VIGIA_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || app == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;

  /* "New" never empties a file that is there: that would lose its plans. */
  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name for the new library, or open it with Open Library."),
                   name);
      show_error (self, _("The Library Was Not Created"), error);
      goto out;
    }

  vigia_plan_editor_flush (self->editor);
  if (!vigia_application_open_library (VIGIA_APPLICATION (app), path, &error))
    show_error (self, create ? _("The Library Could Not Be Created") : _("The Library Could Not Be Opened"),
                error);

out:
  g_object_unref (chooser);
}

static void
choose_library (VigiaWindow *self,
                gboolean     create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = library_filter ();

  chooser = gtk_file_chooser_native_new (create ? _("New Library") : _("Open Library"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("C_reate") : _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    /* Translators: the suggested file name of a new library */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("plans.sqlite"));
  g_signal_connect (chooser, "response", G_CALLBACK (library_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_library_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_library (VIGIA_WINDOW (widget), TRUE);
}

static void
open_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_library (VIGIA_WINDOW (widget), FALSE);
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
    vigia_plan_editor_set_stack (self->editor, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_WINDOW);
  g_clear_object (&self->plans);
  g_clear_object (&self->selection);
  g_clear_object (&self->library);
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
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, plan_list_view);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaWindow, editor);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-plan", NULL, duplicate_plan_action);
  gtk_widget_class_install_action (widget_class, "win.delete-plan", NULL, delete_plan_action);
  gtk_widget_class_install_action (widget_class, "win.restore-plan", "s", restore_plan_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "u", undo_step_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.print-plan", NULL, print_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.new-library", NULL, new_library_action);
  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
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

  self->deleted_plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

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

  g_signal_connect_object (self->editor, "notify::stack",
                           G_CALLBACK (editor_stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_page, "plan-activated",
                           G_CALLBACK (compare_plan_activated_cb), self, G_CONNECT_SWAPPED);
  editor_stack_changed_cb (self);
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
  g_autoptr(VigiaUndoStack) stack = NULL;

  g_return_val_if_fail (VIGIA_IS_WINDOW (self), FALSE);

  if (self->library == NULL)
    return FALSE;

  if (plan_id == self->open_plan_id)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "plan");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return TRUE;
    }

  vigia_plan_editor_flush (self->editor);
  plan = vigia_library_load_plan (self->library, plan_id, error);
  if (plan == NULL)
    return FALSE;

  stack = vigia_undo_stack_new (self->library, plan);
  self->open_plan_id = plan_id;
  vigia_plan_editor_set_stack (self->editor, stack);
  gtk_stack_set_visible_child_name (self->content_stack, "plan");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  select_open_plan (self);
  return TRUE;
}
