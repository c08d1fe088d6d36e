/* test-progress-import.c: Import Progress… in the application
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "vigia-progress-import-private.h"
#include "vigia-test-utils.h"

static void
wait_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkWidget **dialog = user_data;
  g_autoptr(GError) error = NULL;

  *dialog = vigia_progress_import_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*dialog);
}

/* Imports in the background, as the application does, and waits for the
 * dialog that says how it went. */
static GtkWidget *
import_and_wait (GtkWidget    *window,
                 VigiaLibrary *library,
                 GFile        *file)
{
  GtkWidget *dialog = NULL;

  vigia_progress_import_file_async (GTK_WINDOW (window), library, file, NULL, imported_cb, &dialog);
  while (dialog == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dialog;
}

static void
plans_changed_cb (VigiaLibrary *library,
                  GArray       *ids,
                  guint        *count)
{
  (*count)++;
}

static void
test_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (dir, "app.sqlite");
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_autoptr(VigiaPlan) loaded = NULL;
  g_autofree char *good_path = g_build_filename (dir, "avance.csv", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "malo.csv", NULL);
  g_autofree char *db_path = g_build_filename (dir, "app.sqlite", NULL);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) good_file = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  GtkWidget *window, *dialog;
  VigiaGoal *goal;
  const char *uuid;
  guint changes = 0;

  g_assert_true (vigia_library_add_plan (library, plan, &error));
  uuid = vigia_goal_get_uuid (vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0));
  g_signal_connect (library, "plans-changed", G_CALLBACK (plans_changed_cb), &changes);

  window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (window));

  good = g_strdup_printf ("goal_uuid;period;value;status\n%s;2024-S1;12,5;en marcha\n%s;2024-S2;15;en marcha\n",
                          uuid, uuid);
  g_assert_true (g_file_set_contents (good_path, good, -1, &error));
  dialog = import_and_wait (window, library, good_file);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Progress Imported");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "2 progress entries recorded from “avance.csv”.");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* The windows hear of the change: the library says which plan changed. */
  g_assert_cmpuint (changes, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  loaded = vigia_library_load_plan (library, vigia_plan_get_id (plan), &error);
  vigia_plan_find_goal (loaded, uuid, &goal);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (goal, "2024-S2", VIGIA_SOURCE_AUTHORITY)), ==, 15);

  /* A bad file: the rows named, nothing recorded. */
  bad = g_strdup_printf ("goal_uuid,period,value\n%s,2025-S1,20\n%s,2025-S2,veinte\n", uuid, uuid);
  g_assert_true (g_file_set_contents (bad_path, bad, -1, &error));
  /* Closed, the file alone holds the library: its checksum says it all. */
  g_clear_object (&library);
  before = vigia_test_checksum_file (db_path);
  library = vigia_test_open_library (dir, "app.sqlite");

  dialog = import_and_wait (window, library, bad_file);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Progress Could Not Be Imported");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Nothing was recorded. Correct these rows and import the file again:\n\n"
                   "malo.csv: row 3, column value: “veinte” is not a number");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&library);
  after = vigia_test_checksum_file (db_path);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  g_clear_object (&library);
  vigia_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  vigia_test_set_language ("en");

  g_test_add_func ("/progress-import/import", test_import);

  return g_test_run ();
}
