/* test-connect-dialog.c: Connect to a Shared Library… in the application
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connection itself needs the server of $VIGIA_TEST_POSTGRESQL
 * (build-aux/dev test starts one); without it that case is skipped.
 */
#include "config.h"

#include <adwaita.h>
#include <libpq-fe.h>
#include <string.h>

#include "vigia-connect-dialog-private.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"

/* One application for the whole program: its id can be registered once. */
static VigiaApplication *app;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = vigia_test_make_dir ();
  f->path = g_build_filename (f->dir, "library.sqlite", NULL);
  g_assert_true (vigia_application_open_library (app, f->path, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GSettings *settings = vigia_application_get_settings (app);

  g_settings_reset (settings, "shared-server");
  g_settings_reset (settings, "shared-database");
  g_settings_reset (settings, "shared-user");
  g_settings_reset (settings, "last-library-shared");
  vigia_test_close_dialogs ();
  vigia_test_wait_idle ();
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
fill (VigiaConnectDialog *dialog,
      const char         *server,
      const char         *database,
      const char         *user)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog->server_row), server);
  gtk_editable_set_text (GTK_EDITABLE (dialog->database_row), database);
  gtk_editable_set_text (GTK_EDITABLE (dialog->user_row), user);
}

/* The host and user of the test server's connection string. */
static void
parse_test_server (char **server,
                   char **user)
{
  PQconninfoOption *options;
  char *errmsg = NULL;

  options = PQconninfoParse (vigia_test_postgresql_server (), &errmsg);
  g_assert_nonnull (options);
  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    {
      if (g_str_equal (option->keyword, "host"))
        *server = g_strdup (option->val);
      else if (g_str_equal (option->keyword, "user"))
        *user = g_strdup (option->val);
    }
  PQconninfoFree (options);
}

/* Opens the file @path in the application: before a test's database
 * goes, the library shown is given back to a file. */
static void
open_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vigia_application_open_library (app, path, &error));
  g_assert_no_error (error);
}

/* A new database on the test server, whose name is returned, made the
 * shared library connected to last. */
static char *
remember_new_database (void)
{
  GSettings *settings = vigia_application_get_settings (app);
  g_autofree char *location = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  char *name = NULL;

  location = vigia_test_make_database (&name);
  parse_test_server (&server, &user);
  g_settings_set_string (settings, "shared-server", server != NULL ? server : "");
  g_settings_set_string (settings, "shared-database", name);
  g_settings_set_string (settings, "shared-user", user != NULL ? user : "");
  return name;
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (VIGIA_CONNECT_DIALOG (data)->error_label));
}

static gboolean
library_is_shared (gpointer data)
{
  VigiaLibrary *library = vigia_application_get_library (app);

  return library != NULL && vigia_library_is_shared (library);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Without a database name there is nothing to connect to; a server that is
 * not there is said in the dialog, which stays, and the library shown is
 * the one there was. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VigiaConnectDialog) dialog = NULL;
  GSettings *settings = vigia_application_get_settings (app);
  g_autofree char *database = NULL;
  const char *message;

  dialog = g_object_ref_sink (VIGIA_CONNECT_DIALOG (vigia_connect_dialog_new (app, NULL)));
  gtk_window_present (GTK_WINDOW (dialog));
  fill (dialog, "", "", "ana");
  g_assert_false (gtk_widget_is_sensitive (dialog->connect_button));

  fill (dialog, "/no/such/folder", "planes", "ana");
  gtk_editable_set_text (GTK_EDITABLE (dialog->password_row), "secreta");
  g_assert_true (gtk_widget_is_sensitive (dialog->connect_button));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (vigia_test_wait_until (error_shown, dialog));

  message = gtk_label_get_text (dialog->error_label);
  g_assert_nonnull (strstr (message, "ana@/no/such/folder/planes"));
  g_assert_null (strstr (message, "secreta"));
  g_assert_cmpstr (vigia_library_get_path (vigia_application_get_library (app)), ==, f->path);
  database = g_settings_get_string (settings, "shared-database");
  g_assert_cmpstr (database, ==, "");
  /* The fields can be corrected and tried again. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog->fields_group)));
  g_assert_true (gtk_widget_is_sensitive (dialog->connect_button));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The server, database and user of the test server: the library opens,
 * the dialog goes, and the next one offers them again (never a password,
 * which is not in the settings). */
static void
test_connects (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *location = NULL;
  g_autofree char *name = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *last = NULL;
  g_autofree char *expected_name = NULL;
  GSettings *settings = vigia_application_get_settings (app);
  VigiaConnectDialog *dialog;
  VigiaLibrary *library;

  if (vigia_test_skip_without_postgresql ())
    return;

  location = vigia_test_make_database (&name);
  parse_test_server (&server, &user);

  dialog = VIGIA_CONNECT_DIALOG (vigia_connect_dialog_new (app, NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  fill (dialog, server != NULL ? server : "", name, user != NULL ? user : "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (vigia_test_wait_until (is_null, &dialog));

  library = vigia_application_get_library (app);
  g_assert_true (vigia_library_is_shared (library));
  expected_name = g_strdup_printf ("%s@%s/%s", user != NULL ? user : g_get_user_name (),
                                   server != NULL ? server : "", name);
  g_assert_cmpstr (vigia_library_get_name (library), ==, expected_name);
  g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 0);

  kept = g_settings_get_string (settings, "shared-database");
  g_assert_cmpstr (kept, ==, name);
  g_assert_true (g_settings_get_boolean (settings, "last-library-shared"));
  /* The file stays the one to reopen at the next start. */
  last = g_settings_get_string (settings, "last-library");
  g_assert_cmpstr (last, ==, f->path);

  dialog = VIGIA_CONNECT_DIALOG (vigia_connect_dialog_new (app, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->database_row)), ==, name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->server_row)), ==, server != NULL ? server : "");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Give the file back before the database goes. */
  open_file (f->path);
  g_assert_false (g_settings_get_boolean (settings, "last-library-shared"));
  vigia_test_drop_database (name);
}

/* At start, the shared library used last is connected to again without a
 * click; one that is gone is said in the dialog, and the file opened
 * meanwhile stays.  After a file, nothing is connected to. */
static void
test_reconnects (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *name = NULL;
  GSettings *settings = vigia_application_get_settings (app);
  VigiaConnectDialog *dialog;
  VigiaLibrary *library;

  if (vigia_test_skip_without_postgresql ())
    return;

  name = remember_new_database ();

  /* The file was used last. */
  g_assert_false (g_settings_get_boolean (settings, "last-library-shared"));
  g_assert_null (vigia_application_reconnect (app, NULL));

  g_settings_set_boolean (settings, "last-library-shared", TRUE);
  dialog = VIGIA_CONNECT_DIALOG (vigia_application_reconnect (app, NULL));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (vigia_test_wait_until (is_null, &dialog));
  library = vigia_application_get_library (app);
  g_assert_true (vigia_library_is_shared (library));
  g_assert_nonnull (strstr (vigia_library_get_name (library), name));

  /* The database is gone by the next start. */
  open_file (f->path);
  vigia_test_drop_database (name);
  g_settings_set_boolean (settings, "last-library-shared", TRUE);
  dialog = VIGIA_CONNECT_DIALOG (vigia_application_reconnect (app, NULL));
  g_assert_true (vigia_test_wait_until (error_shown, dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (dialog->error_label), name));
  g_assert_cmpstr (vigia_library_get_path (vigia_application_get_library (app)), ==, f->path);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The first start of the program (no library open yet): the file used
 * last is opened, then the shared library used after it is connected to
 * without a click, and stays the one to connect to next time. */
static void
test_at_start (void)
{
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.sqlite", NULL);
  g_autofree char *name = NULL;
  g_autofree char *guard = g_strdup (g_getenv ("VIGIA_LIBRARY"));
  GSettings *settings = vigia_application_get_settings (app);
  VigiaLibrary *library;

  if (vigia_test_skip_without_postgresql ())
    return;
  g_assert_null (vigia_application_get_library (app));

  {
    g_autoptr(VigiaLibrary) file = vigia_library_open (path, VIGIA_LIBRARY_OPEN_DEFAULT, NULL);

    g_assert_nonnull (file);
  }
  name = remember_new_database ();
  g_settings_set_string (settings, "last-library", path);
  g_settings_set_boolean (settings, "last-library-shared", TRUE);

  /* What a start without --library reads; the file is this test's. */
  g_unsetenv ("VIGIA_LIBRARY");
  g_application_activate (G_APPLICATION (app));
  g_setenv ("VIGIA_LIBRARY", guard, TRUE);

  g_assert_true (vigia_test_wait_until (library_is_shared, NULL));
  library = vigia_application_get_library (app);
  g_assert_nonnull (strstr (vigia_library_get_name (library), name));
  g_assert_true (g_settings_get_boolean (settings, "last-library-shared"));

  /* Give a file back before the database goes. */
  open_file (path);
  vigia_test_close_dialogs ();
  vigia_test_wait_idle ();
  vigia_test_drop_database (name);
  g_settings_reset (settings, "last-library-shared");
  g_settings_reset (settings, "shared-server");
  g_settings_reset (settings, "shared-database");
  g_settings_reset (settings, "shared-user");
  vigia_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = vigia_test_init_application (&argc, &argv);

  /* First: it needs the application as it starts, without a library. */
  g_test_add_func ("/connect-dialog/at-start", test_at_start);
  g_test_add ("/connect-dialog/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/connect-dialog/connects", Fixture, NULL, fixture_set_up, test_connects, fixture_tear_down);
  g_test_add ("/connect-dialog/reconnects", Fixture, NULL, fixture_set_up, test_reconnects, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
