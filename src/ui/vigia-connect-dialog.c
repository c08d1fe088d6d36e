/* vigia-connect-dialog.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server, database and user of a team's library, and its password.
 * The first three are kept in GSettings for next time; the password only in
 * the account's keyring (libsecret), where the user asks for it, never in
 * GSettings nor anywhere on disk by Vigía (docs/postgresql.md, "Opening a
 * shared library").  The connection is made on a thread: a server that does
 * not answer does not freeze the window, and gives up after ten seconds.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "vigia-connect-dialog-private.h"
#include "vigia-core.h"
#include "vigia-store-postgresql.h"

G_DEFINE_FINAL_TYPE (VigiaConnectDialog, vigia_connect_dialog, ADW_TYPE_WINDOW)

/* The keyring's entries for shared libraries, found by server, database and
 * user. */
static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.vigia.Vigia.SharedLibrary", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (row_text (row)));
}

static void
update_connect (VigiaConnectDialog *self)
{
  g_autofree char *database = dup_row_text (self->database_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect",
                                 !self->connecting && *database != '\0');
}

static void
set_connecting (VigiaConnectDialog *self,
                gboolean            connecting)
{
  self->connecting = connecting;
  gtk_stack_set_visible_child_name (self->connect_stack, connecting ? "busy" : "idle");
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), !connecting);
  update_connect (self);
}

static void
show_error (VigiaConnectDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
password_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigiaConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      secret_password_free (password);
      return;
    }
  self->looking_up_password = FALSE;

  /* Without a keyring on this desktop, the password is typed each time. */
  if (password == NULL && error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  else if (password != NULL && *row_text (self->password_row) == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
      gtk_switch_set_active (self->remember_switch, TRUE);
      self->password_from_keyring = TRUE;
    }
  secret_password_free (password);

  if (self->connect_when_ready)
    gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

static void
password_kept_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_message ("The password could not be kept in the keyring: %s", error->message);
}

static void
password_cleared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_debug ("No password cleared from the keyring: %s", error->message);
}

/* Keeps what was typed for next time: the password in the keyring if the
 * user asked, and nowhere otherwise. */
static void
remember (VigiaConnectDialog *self,
          VigiaLibrary       *library)
{
  GSettings *settings = vigia_application_get_settings (self->app);
  g_autofree char *server = dup_row_text (self->server_row);
  g_autofree char *database = dup_row_text (self->database_row);
  g_autofree char *user = dup_row_text (self->user_row);
  const char *password = row_text (self->password_row);

  g_settings_set_string (settings, "shared-server", server);
  g_settings_set_string (settings, "shared-database", database);
  g_settings_set_string (settings, "shared-user", user);
  g_settings_set_boolean (settings, "last-library-shared", TRUE);

  if (gtk_switch_get_active (self->remember_switch) && *password != '\0')
    {
      /* Translators: the keyring's label of a password: "Vigía: ana@servidor/planes" */
      g_autofree char *label = g_strdup_printf (_("Vigía: %s"), vigia_library_get_name (library));

      secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL,
                             password_kept_cb, NULL, "server", server, "database", database, "user", user, NULL);
    }
  else
    secret_password_clear (password_schema (), NULL, password_cleared_cb, NULL, "server", server, "database",
                           database, "user", user, NULL);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  VigiaLibrary *library = vigia_library_open (task_data, VIGIA_LIBRARY_OPEN_EXISTING, &error);

  if (library == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, library, g_object_unref);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  VigiaConnectDialog *self = VIGIA_CONNECT_DIALOG (source);
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  library = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_connecting (self, FALSE);
  if (library == NULL || !vigia_application_use_library (self->app, library, &error))
    {
      show_error (self, error->message);
      return;
    }

  remember (self, library);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigiaConnectDialog *self = VIGIA_CONNECT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *server = dup_row_text (self->server_row);
  g_autofree char *database = dup_row_text (self->database_row);
  g_autofree char *user = dup_row_text (self->user_row);
  const char *password = row_text (self->password_row);

  if (self->connecting || *database == '\0')
    return;

  show_error (self, NULL);
  set_connecting (self, TRUE);
  task = g_task_new (self, self->cancellable, opened_cb, NULL);
  g_task_set_source_tag (task, connect_action);
  g_task_set_task_data (task, vigia_store_postgresql_make_location (server, database, user, password), g_free);
  g_task_run_in_thread (task, open_thread);
}

static void
vigia_connect_dialog_dispose (GObject *object)
{
  VigiaConnectDialog *self = VIGIA_CONNECT_DIALOG (object);

  /* A connection still being made is dropped when it comes. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (vigia_connect_dialog_parent_class)->dispose (object);
}

static void
vigia_connect_dialog_finalize (GObject *object)
{
  VigiaConnectDialog *self = VIGIA_CONNECT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->app);

  G_OBJECT_CLASS (vigia_connect_dialog_parent_class)->finalize (object);
}

static void
vigia_connect_dialog_class_init (VigiaConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_connect_dialog_dispose;
  object_class->finalize = vigia_connect_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, connect_stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, VigiaConnectDialog, error_label);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The keyring's password goes only to the server, database and user it
 * was kept for: changing any of them takes it away. */
static void
place_changed_cb (VigiaConnectDialog *self)
{
  if (!self->password_from_keyring)
    return;
  self->password_from_keyring = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_switch_set_active (self->remember_switch, FALSE);
}

static void
vigia_connect_dialog_init (VigiaConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->database_row, "changed", G_CALLBACK (update_connect), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->server_row, "changed", G_CALLBACK (place_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->database_row, "changed", G_CALLBACK (place_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user_row, "changed", G_CALLBACK (place_changed_cb), self, G_CONNECT_SWAPPED);
  /* Enter in any field connects. */
  g_signal_connect_object (self->server_row, "entry-activated", G_CALLBACK (connect_action), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->database_row, "entry-activated", G_CALLBACK (connect_action), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user_row, "entry-activated", G_CALLBACK (connect_action), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->password_row, "entry-activated", G_CALLBACK (connect_action), self,
                           G_CONNECT_SWAPPED);
  update_connect (self);
}

/**
 * vigia_connect_dialog_new:
 *
 * Returns: (transfer floating): the dialog, filled with the server, database
 *   and user connected to last, and the password the keyring has for them
 */
GtkWidget *
vigia_connect_dialog_new (VigiaApplication *app,
                          GtkWindow        *parent)
{
  VigiaConnectDialog *self;
  GSettings *settings;
  g_autofree char *server = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;

  g_return_val_if_fail (VIGIA_IS_APPLICATION (app), NULL);

  self = g_object_new (VIGIA_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
  self->app = g_object_ref (app);

  settings = vigia_application_get_settings (app);
  server = g_settings_get_string (settings, "shared-server");
  database = g_settings_get_string (settings, "shared-database");
  user = g_settings_get_string (settings, "shared-user");
  if (*user == '\0')
    vigia_set_string (&user, g_get_user_name ());
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);

  if (*database != '\0')
    {
      self->looking_up_password = TRUE;
      secret_password_lookup (password_schema (), self->cancellable, password_found_cb, g_object_ref (self),
                              "server", server, "database", database, "user", user, NULL);
    }

  return GTK_WIDGET (self);
}

/**
 * vigia_connect_dialog_connect_when_ready:
 *
 * Connects with what the dialog was filled with, without waiting for a
 * click, once the keyring has said whether it has the password: how the
 * shared library used last is opened again at start.  A refusal is shown
 * as after a click, for the fields to be corrected.
 */
void
vigia_connect_dialog_connect_when_ready (VigiaConnectDialog *self)
{
  g_return_if_fail (VIGIA_IS_CONNECT_DIALOG (self));

  self->connect_when_ready = TRUE;
  if (!self->looking_up_password)
    gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}
