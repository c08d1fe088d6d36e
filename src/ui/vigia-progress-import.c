/* vigia-progress-import.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for a spreadsheet saved as CSV, records its progress entries in the
 * open library (all of them or, if a row is wrong, none) and says how it
 * went.  The import runs on the application's own library, in the main
 * thread, so that the windows hear of the change at once: a semester's file
 * of a few hundred rows takes a fraction of a second.
 */
#define G_LOG_DOMAIN "vigia-progress-import"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-progress-import.h"

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
        vigia_progress_import_file (choice->parent, choice->library, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  choice_free (choice);
}

/**
 * vigia_progress_import_choose:
 *
 * Asks for the file, then imports it with vigia_progress_import_file().
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

/**
 * vigia_progress_import_file:
 *
 * Imports @file (vigia_progress_csv_import_file()) and presents a dialog
 * that says how many entries were recorded, or what is wrong with which
 * rows.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
vigia_progress_import_file (GtkWindow    *parent,
                            VigiaLibrary *library,
                            GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  guint n_saved = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);

  if (vigia_progress_csv_import_file (library, file, &n_saved, NULL, &error))
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
