/* vigia-progress-import.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for a spreadsheet saved as CSV, records its progress entries in the
 * open library (all of them or, if a row is wrong, none) and says how it
 * went.  The import runs in a thread, on a connection of its own: an
 * observatory's spreadsheet of a whole region may hold a hundred thousand
 * rows, and the window must not stop for them.  The application's library
 * then tells the windows which plans changed.
 */
#define G_LOG_DOMAIN "vigia-progress-import"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-progress-import-private.h"

typedef struct
{
  GtkWindow    *parent;
  VigiaLibrary *library;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_clear_object (&choice->library);
  g_free (choice);
}

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        vigia_progress_import_file_async (choice->parent, choice->library, file, NULL, NULL, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  choice_free (choice);
}

/**
 * vigia_progress_import_choose:
 *
 * Asks for the file, then imports it with vigia_progress_import_file_async().
 */
void
vigia_progress_import_choose (GtkWindow    *parent,
                              VigiaLibrary *library)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  Choice *choice;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (VIGIA_IS_LIBRARY (library));

  /* GtkFileDialog is newer than the floor, GTK 4.8. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Import Progress"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  choice = g_new0 (Choice, 1);
  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choice->library = g_object_ref (library);
  g_signal_connect (dialog, "response", G_CALLBACK (file_chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  char   *library_path;
  /* Who the thread's connection records changes as: the library's author. */
  char   *author;
  GFile  *file;
  guint   n_saved;
  /* The plans the import wrote to, for the application's library to announce. */
  GArray *changed;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->library_path);
  g_free (data->author);
  g_clear_object (&data->file);
  g_clear_pointer (&data->changed, g_array_unref);
  g_free (data);
}

static void
thread_plans_changed_cb (VigiaLibrary *library,
                         GArray       *ids,
                         ImportData   *data)
{
  g_array_append_vals (data->changed, ids->data, ids->len);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(VigiaLibrary) library = NULL;
  GError *error = NULL;

  /* A library is one connection for one thread: this thread opens its own. */
  library = vigia_library_open (data->library_path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  if (library == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  vigia_library_set_author (library, data->author);

  g_signal_connect (library, "plans-changed", G_CALLBACK (thread_plans_changed_cb), data);
  if (vigia_progress_csv_import_file (library, data->file, &data->n_saved, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static GtkWidget *
present_outcome (GtkWindow    *parent,
                 GFile        *file,
                 guint         n_saved,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  if (error == NULL)
    {
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u progress entry recorded from “%s”.",
                                                            "%u progress entries recorded from “%s”.",
                                                            n_saved),
                                               n_saved, name);

      dialog = adw_message_dialog_new (parent, _("Progress Imported"), body);
    }
  else
    {
      g_autofree char *body = NULL;

      if (error->domain == VIGIA_ERROR && error->code == VIGIA_ERROR_PARSE)
        /* Translators: above the list of the file's problems, one a line. */
        body = g_strdup_printf ("%s\n\n%s", _("Nothing was recorded. Correct these rows and import the file again:"),
                                error->message);
      else
        body = g_strdup_printf ("%s\n\n%s", _("Nothing was recorded."), error->message);
      dialog = adw_message_dialog_new (parent, _("The Progress Could Not Be Imported"), body);
    }

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *outer = user_data;
  VigiaLibrary *library = g_task_get_source_object (outer);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  GtkWindow *parent = g_object_get_data (G_OBJECT (outer), "vigia-parent");
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }

  /* Written on another connection: the windows of this one hear of it here. */
  if (error == NULL && data->changed->len > 0)
    g_signal_emit_by_name (library, "plans-changed", data->changed);

  dialog = present_outcome (parent, data->file, data->n_saved, error);
  g_task_return_pointer (outer, dialog, NULL);
  g_object_unref (outer);
}

/**
 * vigia_progress_import_file_async:
 * @library: the application's library; the file is imported on a connection
 *   of its own, and @library announces the plans that changed
 *
 * Imports @file (vigia_progress_csv_import_file()) in a thread, then
 * presents a dialog that says how many entries were recorded, or what is
 * wrong with which rows.
 */
void
vigia_progress_import_file_async (GtkWindow           *parent,
                                  VigiaLibrary        *library,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *outer;
  ImportData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (VIGIA_IS_LIBRARY (library));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (outer, vigia_progress_import_file_async);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (outer), "vigia-parent", g_object_ref (parent), g_object_unref);

  data = g_new0 (ImportData, 1);
  data->library_path = g_strdup (vigia_library_get_path (library));
  data->author = g_strdup (vigia_library_get_author (library));
  data->file = g_object_ref (file);
  data->changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  task = g_task_new (NULL, cancellable, import_done_cb, outer);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * vigia_progress_import_file_finish:
 *
 * Returns: (transfer none): the dialog presented, or %NULL if cancelled
 */
GtkWidget *
vigia_progress_import_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
