/* vigia-ui-test-utils.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigia-ui-test-utils.h"

#define TIMEOUT_USEC (10 * G_USEC_PER_SEC)

/* Sets GTK up for a test program and makes its one application: an
 * application id can be registered once per process. */
VigiaApplication *
vigia_test_init_application (int    *argc,
                             char ***argv)
{
  g_autoptr(GError) error = NULL;
  VigiaApplication *app;

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = vigia_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
vigia_test_wait_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
signal_cb (gboolean *emitted)
{
  *emitted = TRUE;
}

/* Runs the main loop until @instance emits @signal, failing after a while. */
void
vigia_test_wait_for_signal (gpointer    instance,
                            const char *signal)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  gboolean emitted = FALSE;
  gulong handler;

  handler = g_signal_connect_swapped (instance, signal, G_CALLBACK (signal_cb), &emitted);
  while (!emitted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (instance, handler);
  g_assert_true (emitted);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; says whether it did in time. */
gboolean
vigia_test_wait_until (gboolean (*condition) (gpointer data),
                       gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  guint tick = g_timeout_add (20, tick_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return met;
}

/**
 * vigia_test_find_window:
 *
 * Returns: (transfer none) (nullable): the first open window of @type (a
 *   dialog the window opened)
 */
GtkWindow *
vigia_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (heading == NULL ||
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Answers the dialog that asks @heading as a user would, by its response. */
void
vigia_test_respond (const char *heading,
                    const char *response)
{
  AdwMessageDialog *dialog;

  vigia_test_wait_idle ();
  dialog = find_dialog (heading);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  vigia_test_wait_idle ();
}

/* Error dialogs a test expects (or not) go away before the next test. */
void
vigia_test_close_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog (NULL)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* What a screen reader would be told of @widget (GTK_A11Y=test).  Not
 * gtk_test_accessible_assert_property(): it pastes the value into a printf
 * format, and "25 %" is one. */
void
vigia_test_assert_description (GtkWidget  *widget,
                               const char *expected)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 expected);

  if (problem != NULL)
    g_error ("description: %s", problem);
}
