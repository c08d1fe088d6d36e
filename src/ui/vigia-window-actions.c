/* vigia-window-actions.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions ("win."): plans added, duplicated, deleted and
 * restored, undo, import and export, the library published as a website,
 * and the library opened or created.
 */
#define G_LOG_DOMAIN "vigia-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-connect-dialog.h"
#include "vigia-export-dialog.h"
#include "vigia-import-dialog.h"
#include "vigia-plan-editor-private.h"
#include "vigia-progress-page.h"
#include "vigia-publish-dialog.h"
#include "vigia-report-print.h"
#include "vigia-window-private.h"

typedef struct
{
  char   *library_path;
  /* The plans to write, or NULL for all of them. */
  GArray *ids;
  GFile  *file;
  guint   n_written;
  /* A package of changes: only what changed after this time (docs/merge.md). */
  char   *since;
  /* When the export began: the next "since the last export" starts there. */
  char   *started;
} ExportData;

static void
add_toast (VigiaWindow *self,
           AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast saying @title, with a button that opens @uri: an exported file,
 * a published site. */
static void
add_open_toast (VigiaWindow *self,
                const char  *title,
                const char  *uri)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  add_toast (self, toast);
}

/* ---------------------------------------------------------------------- */
/* The sidebar and the open plan                                          */
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
  _vigia_window_clear_filters (VIGIA_WINDOW (widget));
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

static VigiaUndoStack *
get_undo_stack (VigiaWindow *self)
{
  return vigia_plan_editor_get_undo_stack (self->editor);
}

static void
undo_or_redo (VigiaWindow *self,
              gboolean     undo)
{
  VigiaUndoStack *undo_stack = get_undo_stack (self);
  g_autoptr(GError) error = NULL;

  if (undo_stack == NULL)
    return;
  if (!(undo ? vigia_undo_stack_undo (undo_stack, &error) : vigia_undo_stack_redo (undo_stack, &error)))
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
  VigiaUndoStack *undo_stack = get_undo_stack (self);

  if (undo_stack != NULL && vigia_undo_stack_get_serial (undo_stack) == g_variant_get_uint32 (parameter))
    undo_or_redo (self, TRUE);
}

static gboolean
select_plan (VigiaWindow *self,
             gint64       plan_id)
{
  guint position;

  /* A plan hidden by the search or the filters is shown by clearing them. */
  if (!vigia_plan_list_find (self->plans, plan_id, &position))
    {
      _vigia_window_clear_filters (self);
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
      vigia_window_show_error (self, _("The Plan Could Not Be Added"), error);
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
      vigia_window_show_error (self, _("The Plan Could Not Be Duplicated"), error);
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
      vigia_window_show_error (self, _("The Plan Could Not Be Deleted"), error);
      return;
    }

  _vigia_window_close_plan (self);
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
  g_autofree char *key = NULL;
  gpointer stolen = NULL;

  /* Stolen, the key is ours to free as well as the plan. */
  if (!g_hash_table_steal_extended (self->deleted_plans, uuid, (gpointer *) &key, &stolen))
    return;
  plan = stolen;

  if (!vigia_library_add_plan (self->library, plan, &error))
    {
      vigia_window_show_error (self, _("The Plan Could Not Be Restored"), error);
      return;
    }
  select_plan (self, vigia_plan_get_id (plan));
}

/* ---------------------------------------------------------------------- */
/* Export                                                                 */
/* ---------------------------------------------------------------------- */

static void
export_data_free (ExportData *data)
{
  g_free (data->library_path);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_object (&data->file);
  g_free (data->since);
  g_free (data->started);
  g_free (data);
}

typedef struct
{
  VigiaLibrary *library;
  ExportData   *data;
} ExportRun;

static gboolean
write_plans (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  ExportRun *run = user_data;

  return vigia_json_writer_write_plans (stream, run->library, run->data->ids, run->data->since,
                                        &run->data->n_written, cancellable, error);
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
  g_autoptr(GError) error = NULL;
  ExportRun run = { NULL, data };

  library = vigia_library_open (data->library_path, VIGIA_LIBRARY_OPEN_READ_ONLY, &error);
  run.library = library;
  if (library == NULL ||
      !vigia_replace_file_contents (data->file, write_plans, &run, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* The application remembers, per library, when it last exported from it,
 * for "Changes since the last export". */
static GSettings *
window_settings (VigiaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? vigia_application_get_settings (VIGIA_APPLICATION (app)) : NULL;
}

static char *
dup_last_export (VigiaWindow *self,
                 const char  *library_path)
{
  GSettings *settings = window_settings (self);
  g_autoptr(GVariant) exports = settings != NULL ? g_settings_get_value (settings, "last-exports") : NULL;
  char *time = NULL;

  if (exports != NULL && g_variant_lookup (exports, library_path, "s", &time))
    return time;
  return NULL;
}

static void
remember_export (VigiaWindow *self,
                 ExportData  *data)
{
  GSettings *settings = window_settings (self);
  g_autoptr(GVariant) exports = NULL;
  g_autoptr(GVariantDict) dict = NULL;

  if (settings == NULL)
    return;
  exports = g_settings_get_value (settings, "last-exports");
  dict = g_variant_dict_new (exports);
  g_variant_dict_insert (dict, data->library_path, "s", data->started);
  g_settings_set_value (settings, "last-exports", g_variant_dict_end (dict));
}

/* What the chooser's "Contents" asks for: everything (NULL), the changes
 * since the last export, or those of the last days. */
static char *
dup_since (VigiaWindow *self,
           const char  *choice,
           const char  *library_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = NULL;

  /* Never exported: everything, items not stamped since the upgrade too. */
  if (g_strcmp0 (choice, "last-export") == 0)
    return dup_last_export (self, library_path);
  if (g_strcmp0 (choice, "month") == 0)
    then = g_date_time_add_days (now, -31);
  else if (g_strcmp0 (choice, "semester") == 0)
    then = g_date_time_add_months (now, -6);
  else
    return NULL;
  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S.%fZ");
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
      vigia_window_show_error (self, _("The Plans Could Not Be Exported"), error);
      return;
    }

  /* Toast titles are markup (libadwaita 1.2). */
  basename = g_file_get_basename (data->file);
  name = g_markup_escape_text (basename, -1);
  remember_export (self, data);
  if (data->since != NULL)
    /* Translators: a toast: "The changes of 3 plans exported to cambios.json" */
    title = g_strdup_printf (ngettext ("The changes of %u plan exported to %s",
                                       "The changes of %u plans exported to %s", data->n_written),
                             data->n_written, name);
  else
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
      data->started = vigia_stamp_now ();
      data->since = dup_since (self, gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "contents"),
                               data->library_path);

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
  /* A volunteer sends only what changed: a package others merge. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "contents", _("Contents"),
                               (const char *[]) { "all", "last-export", "month", "semester", NULL },
                               (const char *[]) { _("Everything"), _("Only Changes Since the Last Export"),
                                                  _("Only Changes of the Last Month"),
                                                  _("Only Changes of the Last Six Months"), NULL });
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "contents", "all");
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
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_markup_escape_text (basename, -1);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = NULL;

  /* Translators: a toast: "Saved as informe-independencia-2024-S2.pdf" */
  title = g_strdup_printf (_("Saved as %s"), name);
  add_open_toast (self, title, uri);
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
  /* The report judges the plan as of the semester the Avance tab does. */
  {
    g_autofree char *period = vigia_progress_page_dup_period (vigia_plan_editor_get_progress_page (self->editor));
    g_auto(GStrv) periods = vigia_report_list_periods (plan);

    if (period != NULL && g_strv_contains ((const char * const *) periods, period))
      vigia_export_dialog_set_period (dialog, period);
  }
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
  g_autofree char *period = NULL;
  g_auto(GStrv) periods = NULL;

  if (plan == NULL || !vigia_plan_editor_flush (self->editor))
    return;

  period = vigia_progress_page_dup_period (vigia_plan_editor_get_progress_page (self->editor));
  periods = vigia_report_list_periods (plan);
  report = vigia_report_new (plan, period != NULL && g_strv_contains ((const char * const *) periods, period) ?
                             period : NULL, &error);
  if (report == NULL ||
      vigia_report_print (report, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                          &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    vigia_window_show_error (self, _("The Report Could Not Be Printed"), error);
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
/* Publish                                                                */
/* ---------------------------------------------------------------------- */

static void
site_published_cb (VigiaWindow *self,
                   GFile       *folder,
                   guint        n_plans)
{
  g_autoptr(GFile) index = g_file_get_child (folder, "index.html");
  g_autofree char *uri = g_file_get_uri (index);
  g_autofree char *shown = g_file_get_parse_name (folder);
  g_autofree char *where = g_markup_escape_text (shown, -1);
  g_autofree char *title = NULL;

  /* Translators: a toast: "Site published: 12 plans in /home/ana/sitio" */
  title = g_strdup_printf (ngettext ("Site published: %u plan in %s", "Site published: %u plans in %s", n_plans),
                           n_plans, where);
  add_open_toast (self, title, uri);
}

/* Publish…: the library as a static website, in a dialog that asks for its
 * title, figures, semester and folder. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  VigiaPublishDialog *dialog;

  if (self->library == NULL)
    return;
  /* The site is of what was typed too: the thread reads the library. */
  vigia_plan_editor_flush (self->editor);

  dialog = vigia_publish_dialog_new (GTK_WINDOW (self), self->library);
  g_signal_connect_object (dialog, "published", G_CALLBACK (site_published_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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
        vigia_window_show_error (self, _("The Sample Plan Could Not Be Opened"), error);
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
      vigia_window_show_error (self, _("The Library Was Not Created"), error);
      goto out;
    }

  vigia_plan_editor_flush (self->editor);
  if (!vigia_application_open_library (VIGIA_APPLICATION (app), path, &error))
    vigia_window_show_error (self,
                             create ? _("The Library Could Not Be Created") : _("The Library Could Not Be Opened"),
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

static void
connect_library_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VigiaWindow *self = VIGIA_WINDOW (widget);
  GApplication *app = g_application_get_default ();

  g_return_if_fail (VIGIA_IS_APPLICATION (app));
  vigia_plan_editor_flush (self->editor);
  gtk_window_present (GTK_WINDOW (vigia_connect_dialog_new (VIGIA_APPLICATION (app), GTK_WINDOW (self))));
}

/* The actions that need an open plan, and Undo and Redo, are enabled as
 * they can be used. */
void
_vigia_window_actions_update (VigiaWindow *self)
{
  VigiaUndoStack *undo_stack = get_undo_stack (self);
  gboolean open = undo_stack != NULL;
  /* A library on a read-only disk or folder is read, exported and printed,
   * never written. */
  gboolean writable = self->library != NULL && !vigia_library_is_read_only (self->library);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-plan", open && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-plan", open && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-plan", open);
  /* A read-only library is published too: the site only reads it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", self->library != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && undo_stack != NULL && vigia_undo_stack_get_can_undo (undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && undo_stack != NULL && vigia_undo_stack_get_can_redo (undo_stack));
}

void
_vigia_window_class_actions_init (VigiaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.new-library", NULL, new_library_action);
  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.connect-library", NULL, connect_library_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
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
  if (vigia_library_is_read_only (self->library))
    {
      g_autoptr(GError) error = NULL;

      if (vigia_library_is_shared (self->library))
        error = g_error_new (VIGIA_ERROR, VIGIA_ERROR_READ_ONLY,
                             _("Your role may only read the shared library %s: nothing was changed."),
                             vigia_library_get_name (self->library));
      else
        error = g_error_new (VIGIA_ERROR, VIGIA_ERROR_READ_ONLY,
                             _("The library “%s” can only be read: its file, its folder or its "
                               "disk is read-only."), vigia_library_get_path (self->library));

      vigia_window_show_error (self, _("Nothing Was Imported"), error);
      return NULL;
    }

  vigia_plan_editor_flush (self->editor);
  dialog = vigia_import_dialog_new (GTK_WINDOW (self), self->library, files);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "plan-activated", G_CALLBACK (import_plan_activated_cb), self,
                           G_CONNECT_SWAPPED);
  vigia_import_dialog_start (dialog);
  return dialog;
}
