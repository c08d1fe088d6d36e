/* test-publish-dialog.c: Publish… the library as a website, in the application
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libintl.h>
#include <string.h>

#include "vigia-publish-dialog-private.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"
#include "vigia-window-private.h"

/* One application for the whole program: its id can be registered once. */
static VigiaApplication *app;

typedef struct
{
  GFile *folder;
  guint  n_plans;
} Published;

static void
published_cb (VigiaPublishDialog *dialog,
              GFile              *folder,
              guint               n_plans,
              Published          *published)
{
  g_set_object (&published->folder, folder);
  published->n_plans = n_plans;
}

static gpointer
child (VigiaPublishDialog *dialog,
       const char         *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), VIGIA_TYPE_PUBLISH_DIALOG, name);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
is_idle (gpointer data)
{
  return !vigia_publish_dialog_get_busy (data);
}

/* A library of the sample plan, with its progress; @uuid is the plan's. */
static VigiaLibrary *
make_library (const char  *dir,
              char       **uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  VigiaLibrary *library = vigia_test_open_library (dir, "library.sqlite");

  vigia_test_add_sample_progress (plan);
  g_assert_true (vigia_library_add_plan (library, plan, &error));
  g_assert_no_error (error);
  *uuid = g_strdup (vigia_plan_get_uuid (plan));
  return library;
}

/* Publish: the choices go to the site, written in a thread into the folder
 * chosen; the dialog closes once it is there. */
static void
test_publish (void)
{
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *site_path = g_build_filename (dir, "sitio", NULL);
  g_autofree char *index_path = g_build_filename (site_path, "index.html", NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *plan_path = NULL;
  g_autofree char *index = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (site_path);
  g_autoptr(VigiaLibrary) library = make_library (dir, &uuid);
  g_autoptr(VigiaSite) site = vigia_site_new ();
  Published published = { NULL, 0 };
  VigiaPublishDialog *dialog;
  GtkWidget *window;

  window = gtk_window_new ();
  dialog = vigia_publish_dialog_new (GTK_WINDOW (window), library);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  vigia_test_wait_idle ();

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  /* Left empty, the title is the site's default, which the entry shows. */
  g_assert_cmpstr (gtk_entry_get_placeholder_text (child (dialog, "title_entry")), ==, vigia_site_get_title (site));
  /* Nowhere to publish yet. */
  g_assert_null (vigia_publish_dialog_get_folder (dialog));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "publish_button")));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, "folder_row")), ==, "Aún sin elegir");
  g_assert_cmpstr (adw_preferences_row_get_title (child (dialog, "source_row")), ==, "_Cifras de");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (child (dialog, "period_row"))),
                   ==, "Semestre actual de cada plan");

  vigia_publish_dialog_set_folder (dialog, folder);
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "publish_button")));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, "folder_row")), ==, site_path);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "title_entry")), "Vigilancia ciudadana de Independencia");
  g_signal_connect (dialog, "published", G_CALLBACK (published_cb), &published);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "publish.publish", NULL);
  /* The choices wait while the site is written; Cancel stops it. */
  g_assert_true (vigia_publish_dialog_get_busy (dialog));
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "title_entry")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "folder_row")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "publish_button")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "cancel_button")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "progress_bar")));

  g_assert_true (vigia_test_wait_until (is_gone, &dialog));
  g_assert_nonnull (published.folder);
  g_assert_true (g_file_equal (published.folder, folder));
  g_assert_cmpuint (published.n_plans, ==, 1);

  plan_path = g_strdup_printf ("%s/planes/%s.html", site_path, uuid);
  g_assert_true (g_file_test (index_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (plan_path, G_FILE_TEST_IS_REGULAR));
  index = vigia_test_read_file (index_path);
  g_assert_nonnull (strstr (index, "JUNTOS POR EL PERU"));
  g_assert_nonnull (strstr (index, "Vigilancia ciudadana de Independencia"));

  gtk_window_destroy (GTK_WINDOW (window));
  vigia_test_wait_idle ();
  g_clear_object (&published.folder);
  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

/* Cancel while publishing stops it and says so; the dialog stays, ready to
 * publish again.  Cancel then closes it. */
static void
test_cancel (void)
{
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *site_path = g_build_filename (dir, "sitio", NULL);
  g_autofree char *uuid = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (site_path);
  g_autoptr(VigiaLibrary) library = make_library (dir, &uuid);
  Published published = { NULL, 0 };
  VigiaPublishDialog *dialog;
  GtkWidget *window;
  GtkLabel *status;

  window = gtk_window_new ();
  dialog = vigia_publish_dialog_new (GTK_WINDOW (window), library);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  vigia_publish_dialog_set_folder (dialog, folder);
  g_signal_connect (dialog, "published", G_CALLBACK (published_cb), &published);

  vigia_publish_dialog_publish (dialog);
  g_assert_true (vigia_publish_dialog_get_busy (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "publish.cancel", NULL);
  /* Stopping: the thread is told and the dialog waits for it. */
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "cancel_button")));
  g_assert_true (vigia_test_wait_until (is_idle, dialog));
  vigia_test_wait_idle ();

  g_assert_nonnull (dialog);
  g_assert_null (published.folder);
  status = child (dialog, "status_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "Se detuvo la publicación."));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_false (gtk_widget_get_visible (child (dialog, "progress_bar")));
  g_assert_true (gtk_widget_is_sensitive (child (dialog, "title_entry")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "publish_button")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "cancel_button")));
  /* The folder chosen stays for the next try. */
  g_assert_true (g_file_equal (vigia_publish_dialog_get_folder (dialog), folder));

  /* Cancel, with nothing under way, closes the dialog. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "publish.cancel", NULL);
  vigia_test_wait_idle ();
  g_assert_null (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  vigia_test_wait_idle ();
  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

/* Closed while publishing: the publication stops, nothing is said. */
static void
test_close_while_publishing (void)
{
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *site_path = g_build_filename (dir, "sitio", NULL);
  g_autofree char *uuid = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (site_path);
  g_autoptr(VigiaLibrary) library = make_library (dir, &uuid);
  VigiaPublishDialog *dialog;
  GtkWidget *window;

  window = gtk_window_new ();
  dialog = vigia_publish_dialog_new (GTK_WINDOW (window), library);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  vigia_publish_dialog_set_folder (dialog, folder);
  vigia_publish_dialog_publish (dialog);
  gtk_window_close (GTK_WINDOW (dialog));

  /* The task holds the dialog until the thread is done. */
  g_assert_true (vigia_test_wait_until (is_gone, &dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  vigia_test_wait_idle ();
  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

/* A folder that is a file: the dialog stays and says why. */
static void
test_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *file_path = g_build_filename (dir, "sitio", NULL);
  g_autofree char *uuid = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (file_path);
  g_autoptr(VigiaLibrary) library = make_library (dir, &uuid);
  VigiaPublishDialog *dialog;
  GtkWidget *window;
  GtkLabel *status;

  g_file_set_contents (file_path, "not a folder", -1, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  dialog = vigia_publish_dialog_new (GTK_WINDOW (window), library);
  gtk_window_present (GTK_WINDOW (dialog));
  vigia_publish_dialog_set_folder (dialog, folder);
  vigia_publish_dialog_publish (dialog);
  g_assert_true (vigia_test_wait_until (is_idle, dialog));
  vigia_test_wait_idle ();

  status = child (dialog, "status_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "No se pudo publicar el sitio: "));
  g_assert_nonnull (strstr (gtk_label_get_text (status), file_path));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "publish_button")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  vigia_test_wait_idle ();
  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

/* In the window: Publish… of the main menu, once there is a library; the
 * site is of the window's library. */
static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *library_path = g_build_filename (dir, "library.sqlite", NULL);
  g_autofree char *site_path = g_build_filename (dir, "sitio", NULL);
  g_autofree char *index_path = g_build_filename (site_path, "index.html", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (site_path);
  VigiaPublishDialog *dialog;
  VigiaWindow *window;

  /* No library yet: nothing to publish. */
  g_assert_null (vigia_application_get_library (app));
  window = g_object_ref (vigia_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  vigia_test_wait_idle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL);
  vigia_test_wait_idle ();
  g_assert_null (vigia_test_find_window (VIGIA_TYPE_PUBLISH_DIALOG));

  g_assert_true (vigia_application_open_library (app, library_path, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_library_add_plan (vigia_application_get_library (app), plan, &error));
  g_assert_no_error (error);
  vigia_test_wait_idle ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL);
  vigia_test_wait_idle ();
  dialog = VIGIA_PUBLISH_DIALOG (vigia_test_find_window (VIGIA_TYPE_PUBLISH_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_window_title_get_subtitle (child (dialog, "window_title")), ==, "library.sqlite");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  vigia_publish_dialog_set_folder (dialog, folder);
  vigia_publish_dialog_publish (dialog);
  g_assert_true (vigia_test_wait_until (is_gone, &dialog));
  g_assert_true (g_file_test (index_path, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
  vigia_test_wait_idle ();
  vigia_test_assert_finalized (&window);
  vigia_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = vigia_test_init_application (&argc, &argv);
  /* In Spanish, as the application sets it up: its own strings come from
   * the default text domain. */
  vigia_test_set_language ("es");
  textdomain (GETTEXT_PACKAGE);

  /* First: the application has no library until it opens one. */
  g_test_add_func ("/publish-dialog/window", test_window);
  g_test_add_func ("/publish-dialog/publish", test_publish);
  g_test_add_func ("/publish-dialog/cancel", test_cancel);
  g_test_add_func ("/publish-dialog/close", test_close_while_publishing);
  g_test_add_func ("/publish-dialog/failure", test_failure);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
