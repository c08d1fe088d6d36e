/* test-window.c: the main window
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "vigia-application.h"
#include "vigia-test-utils.h"
#include "vigia-window.h"

/* One application for the whole program: its id can be registered once. */
static VigiaApplication *app;

static void
wait_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_empty_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);
  VigiaWindow *window;

  g_assert_true (vigia_application_open_library (app, path, &error));
  g_assert_no_error (error);

  window = vigia_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  g_assert_cmpstr (vigia_window_get_sidebar_state (window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (window)), ==, 0);

  /* A plan added to the library appears in the list. */
  g_assert_true (vigia_library_add_plan (vigia_application_get_library (app), plan, &error));
  g_assert_no_error (error);
  wait_idle ();
  g_assert_cmpstr (vigia_window_get_sidebar_state (window), ==, "plans");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (window)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  vigia_test_remove_dir (dir);
}

static void
test_bad_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  VigiaWindow *window;

  g_file_set_contents (path, "not a library", -1, &error);

  g_assert_false (vigia_application_open_library (app, path, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY);

  window = vigia_window_new (app);
  vigia_window_show_library_error (window, error);
  g_assert_cmpstr (vigia_window_get_sidebar_state (window), ==, "error");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  vigia_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vigia_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/empty-library", test_empty_library);
  g_test_add_func ("/window/bad-library", test_bad_library);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
