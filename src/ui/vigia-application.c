/* vigia-application.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the open library: the window shows it, and opening another library
 * replaces it for every window.
 */
#define G_LOG_DOMAIN "vigia-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <string.h>

#include "vigia-application.h"
#include "vigia-connect-dialog.h"
#include "vigia-preferences-window.h"
#include "vigia-progress-import.h"
#include "vigia-window.h"

struct _VigiaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  VigiaLibrary   *library;
  /* Given with --library, or NULL for the last library or the default. */
  char           *library_option;
  gboolean        read_only_option;
};

G_DEFINE_FINAL_TYPE (VigiaApplication, vigia_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static VigiaWindow *
get_window (VigiaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (vigia_window_new (self));
  return VIGIA_WINDOW (window);
}

/* The library to open at start: --library, else the one used last if it
 * still exists, else the default. */
static char *
dup_startup_library_path (VigiaApplication *self)
{
  g_autofree char *last = NULL;

  if (self->library_option != NULL)
    return g_strdup (self->library_option);

  if (g_getenv ("VIGIA_LIBRARY") == NULL)
    {
      last = g_settings_get_string (self->settings, "last-library");
      if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&last);
    }

  return vigia_library_dup_default_path ();
}

/* Opens the library to start with; TRUE if it did (the first start). */
static gboolean
ensure_library (VigiaApplication *self,
                VigiaWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->library != NULL)
    return FALSE;

  path = dup_startup_library_path (self);
  if (!vigia_application_open_library_full (self, path,
                                            self->read_only_option ? VIGIA_LIBRARY_OPEN_READ_ONLY
                                                                   : VIGIA_LIBRARY_OPEN_DEFAULT,
                                            &error))
    vigia_window_show_library_error (window, error);
  return TRUE;
}

static void
vigia_application_activate (GApplication *app)
{
  VigiaApplication *self = VIGIA_APPLICATION (app);
  VigiaWindow *window = get_window (self);
  gboolean shared_last = g_settings_get_boolean (self->settings, "last-library-shared");

  gboolean starting = ensure_library (self, window);

  gtk_window_present (GTK_WINDOW (window));
  if (!starting || self->library_option != NULL || g_getenv ("VIGIA_LIBRARY") != NULL)
    return;

  /* A team's library used last is connected to again.  The file opened
   * meanwhile, which stays if that fails and the dialog is closed, is not
   * the one used last. */
  g_settings_set_boolean (self->settings, "last-library-shared", shared_last);
  vigia_application_reconnect (self, GTK_WINDOW (window));
}

/* Whether @file is a library to open rather than a plan to import: an
 * SQLite database, by its header, or a new file named *.sqlite, a new
 * library as with --library. */
static gboolean
is_library_file (GFile *file)
{
  static const char header[16] = "SQLite format 3";
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &error);
  char buffer[16];
  gsize n = 0;

  if (in == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
             name != NULL && g_str_has_suffix (name, ".sqlite");
    }

  return g_input_stream_read_all (G_INPUT_STREAM (in), buffer, sizeof buffer, &n, NULL, NULL) &&
         n == sizeof buffer && memcmp (buffer, header, sizeof buffer) == 0;
}

/* vigia FILE…: a library is opened (the last one given, if several), and
 * the plan files are imported into the library open then. */
static void
vigia_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  VigiaApplication *self = VIGIA_APPLICATION (app);
  VigiaWindow *window = get_window (self);
  g_autoptr(GListStore) plans = g_list_store_new (G_TYPE_FILE);
  GFile *library = NULL;

  for (int i = 0; i < n_files; i++)
    if (is_library_file (files[i]))
      library = files[i];
    else
      g_list_store_append (plans, files[i]);

  if (library != NULL)
    {
      g_autofree char *path = g_file_get_path (library);
      g_autoptr(GError) error = NULL;

      if (path == NULL ||
          !vigia_application_open_library_full (self, path,
                                                self->read_only_option ? VIGIA_LIBRARY_OPEN_READ_ONLY
                                                                       : VIGIA_LIBRARY_OPEN_DEFAULT,
                                                &error))
        {
          if (error == NULL)
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Only libraries on this computer can be opened."));
          ensure_library (self, window);
          gtk_window_present (GTK_WINDOW (window));
          vigia_window_show_error (window, _("The Library Could Not Be Opened"), error);
          return;
        }
    }

  ensure_library (self, window);
  gtk_window_present (GTK_WINDOW (window));
  if (g_list_model_get_n_items (G_LIST_MODEL (plans)) > 0)
    vigia_window_import_files (window, G_LIST_MODEL (plans));
}

static int
vigia_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  VigiaApplication *self = VIGIA_APPLICATION (app);
  g_autofree char *library = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("vigia %s\n", PACKAGE_VERSION);
      return 0;
    }

  self->read_only_option = g_variant_dict_contains (options, "read-only");
  if (g_variant_dict_lookup (options, "library", "^ay", &library))
    {
      g_free (self->library_option);
      /* A PostgreSQL connection string is not a file name. */
      if (vigia_store_location_is_postgresql (library))
        {
          self->library_option = g_strdup (library);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (library);

          self->library_option = g_file_get_path (file);
        }
    }

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  VigiaApplication *self = user_data;
  const char *developers[] = { _("The Vigía developers"), NULL };
  /* Translators: the credits of the data Vigía ships, in the About window */
  const char *places[] = { _("ubigeo-peru 2.0.2, by Angel Fernando Quiroz Campos (GPL 3.0) "
                             "https://github.com/AngelFQC/ubigeo-peru"), NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Vigía"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Vigía developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Follow plans de gobierno from promise to result"),
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_ISSUES,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2026 The Vigía developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  /* Translators: a heading of the About window's credits: where the list of Peru's places comes from */
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Peru’s Places and Their Codes"), places);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Plans de Gobierno"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The plans Vigía imports are public records of Peru’s National Jury of "
                                        "Elections (JNE), as its DECLARA and Voto Informado systems publish them; "
                                        "the progress recorded is its authors’ own."));
  gtk_window_present (GTK_WINDOW (about));
}

/* F1: the guide, through yelp or whatever opens help: addresses. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  VigiaApplication *self = user_data;

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), "help:vigia",
                GDK_CURRENT_TIME);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  VigiaApplication *self = user_data;
  GtkWidget *window;

  window = vigia_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)), self->settings);
  gtk_window_present (GTK_WINDOW (window));
}

/* The name set in Preferences is the library's author, as it is typed. */
static void
apply_author (VigiaApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "author-name");

  if (self->library != NULL)
    vigia_library_set_author (self->library, name);
}

static void
author_changed_cb (GSettings        *settings,
                   const char       *key,
                   VigiaApplication *self)
{
  apply_author (self);
}

static void
import_progress_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  VigiaApplication *self = user_data;

  if (self->library == NULL)
    return;
  vigia_progress_import_choose (gtk_application_get_active_window (GTK_APPLICATION (self)), self->library);
}

static void
vigia_application_startup (GApplication *app)
{
  VigiaApplication *self = VIGIA_APPLICATION (app);
  static const GActionEntry actions[] = {
    { "quit", quit_action },
    { "about", about_action },
    { "help", help_action },
    { "preferences", preferences_action },
    { "import-progress", import_progress_action },
  };
  static const struct {
    const char *action;
    const char *accel;
  } accels[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.help", "F1" },
    { "window.close", "<Control>w" },
    { "win.search", "<Control>f" },
    { "win.new-plan", "<Control>n" },
    { "win.import", "<Control>i" },
    { "win.undo", "<Control>z" },
    { "win.redo", "<Control><Shift>z" },
    { "win.export-plan", "<Control>e" },
    { "win.print-plan", "<Control>p" },
  };

  G_APPLICATION_CLASS (vigia_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           (const char *[]) { accels[i].accel, NULL });

  /* A session ending or a kill asks politely first: quitting closes the
   * windows, which save what was typed. */
  g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
  g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
  g_unix_signal_add (SIGHUP, quit_on_signal_cb, self);
}

static void
vigia_application_finalize (GObject *object)
{
  VigiaApplication *self = (VigiaApplication *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->library_option, g_free);

  G_OBJECT_CLASS (vigia_application_parent_class)->finalize (object);
}

static void
vigia_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigiaApplication *self = VIGIA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_application_class_init (VigiaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vigia_application_finalize;
  object_class->get_property = vigia_application_get_property;

  app_class->activate = vigia_application_activate;
  app_class->open = vigia_application_open;
  app_class->startup = vigia_application_startup;
  app_class->handle_local_options = vigia_application_handle_local_options;

  properties[PROP_LIBRARY] = g_param_spec_object ("library", NULL, NULL, VIGIA_TYPE_LIBRARY,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_application_init (VigiaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this library (a file, or a PostgreSQL connection string) instead of the last one"),
      N_("LIBRARY") },
    { "read-only", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the library to read it, without changing it"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (self->settings, "changed::author-name", G_CALLBACK (author_changed_cb), self);

  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Follow plans de gobierno from promise to result."));
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

VigiaApplication *
vigia_application_new (void)
{
  return g_object_new (VIGIA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/vigia/Vigia",
                       NULL);
}

/**
 * vigia_application_get_library:
 *
 * Returns: (transfer none) (nullable): the open library
 */
VigiaLibrary *
vigia_application_get_library (VigiaApplication *self)
{
  g_return_val_if_fail (VIGIA_IS_APPLICATION (self), NULL);
  return self->library;
}

GSettings *
vigia_application_get_settings (VigiaApplication *self)
{
  g_return_val_if_fail (VIGIA_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * vigia_application_open_library:
 *
 * Opens the library at @path (creating it if it does not exist) and makes it
 * the one every window shows; remembers it for the next start.
 */
gboolean
vigia_application_open_library (VigiaApplication  *self,
                                const char        *path,
                                GError           **error)
{
  return vigia_application_open_library_full (self, path, VIGIA_LIBRARY_OPEN_DEFAULT, error);
}

/**
 * vigia_application_open_library_full:
 * @flags: %VIGIA_LIBRARY_OPEN_READ_ONLY to show the library without changing it
 *
 * As vigia_application_open_library(), with the flags of vigia_library_open().
 */
gboolean
vigia_application_open_library_full (VigiaApplication        *self,
                                     const char              *path,
                                     VigiaLibraryOpenFlags    flags,
                                     GError                 **error)
{
  g_autoptr(VigiaLibrary) library = NULL;

  g_return_val_if_fail (VIGIA_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  library = vigia_library_open (path, flags, error);
  if (library == NULL)
    return FALSE;
  return vigia_application_use_library (self, library, error);
}

/**
 * vigia_application_use_library:
 * @library: a library just opened (on another thread, say)
 *
 * Makes @library the one every window shows; remembers a file for the next
 * start.
 */
gboolean
vigia_application_use_library (VigiaApplication  *self,
                               VigiaLibrary      *library,
                               GError           **error)
{
  g_return_val_if_fail (VIGIA_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), FALSE);

  /* A team's library on a server: what the other desks save shows here too. */
  if (!vigia_library_watch_other_desks (library, error))
    return FALSE;

  g_set_object (&self->library, library);
  apply_author (self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "import-progress")),
                               !vigia_library_is_read_only (library));
  /* A connection string may hold a password: never kept in GSettings.
   * A shared library is kept by its parts, by the dialog that opens it. */
  if (!vigia_library_is_shared (library))
    {
      g_settings_set_string (self->settings, "last-library", vigia_library_get_path (library));
      g_settings_set_boolean (self->settings, "last-library-shared", FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
  return TRUE;
}

/**
 * vigia_application_reconnect:
 * @parent: the window to show the dialog over
 *
 * If the library used last was a shared one, connects to it again: the
 * dialog of Connect to a Shared Library… comes filled in, with the
 * keyring's password, and connects without a click; a refusal stays shown
 * there, for the fields to be corrected or the dialog to be closed.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL if the library
 *   used last was a file
 */
GtkWidget *
vigia_application_reconnect (VigiaApplication *self,
                             GtkWindow        *parent)
{
  g_autofree char *database = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (VIGIA_IS_APPLICATION (self), NULL);

  database = g_settings_get_string (self->settings, "shared-database");
  if (!g_settings_get_boolean (self->settings, "last-library-shared") || *database == '\0')
    return NULL;

  dialog = vigia_connect_dialog_new (self, parent);
  gtk_window_present (GTK_WINDOW (dialog));
  vigia_connect_dialog_connect_when_ready (VIGIA_CONNECT_DIALOG (dialog));
  return dialog;
}
