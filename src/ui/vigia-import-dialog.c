/* vigia-import-dialog.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports the files one after the other, each in a thread on its own
 * connection (vigia_import_file_async()), each all or nothing, showing how
 * far it got; Cancel stops after the file being read.  Data from the JNE
 * carry no place and no term: for each such file the dialog asks for them
 * (or imports the plan without them, saying so).  When every file went in
 * without anything to say, the dialog closes and the window says so in a
 * toast; otherwise it lists each file with what became of it: the plans
 * added or updated, the ones already there, and the failures with their
 * file, line and reason.
 */
#define G_LOG_DOMAIN "vigia-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-import-dialog-private.h"
#include "vigia-place-picker.h"

struct _VigiaImportDialog
{
  AdwWindow            parent_instance;

  GtkButton           *cancel_button;
  GtkButton           *close_button;
  GtkStack            *stack;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *file_label;
  GtkLabel            *ask_title;
  VigiaPlacePicker    *place_picker;
  GtkSpinButton       *term_start_spin;
  GtkSpinButton       *term_end_spin;
  GtkLabel            *ask_error;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *results_group;

  VigiaLibrary        *library;
  GPtrArray           *files;
  guint                index;
  GCancellable        *cancellable;
  /* AdwActionRow, one per file done */
  GPtrArray           *rows;
  guint                n_imported;
  guint                n_failed;
  /* Files that went in with something to tell (no place, no term). */
  guint                n_notes;
  gint64               first_plan_id;
  const char          *state;
};

G_DEFINE_FINAL_TYPE (VigiaImportDialog, vigia_import_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  PLAN_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void next_file (VigiaImportDialog *self);

static GFile *
current_file (VigiaImportDialog *self)
{
  return g_ptr_array_index (self->files, self->index);
}

static void
plan_row_activated_cb (AdwActionRow      *row,
                       VigiaImportDialog *self)
{
  gint64 plan_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "plan-id"));

  g_signal_emit (self, signals[PLAN_ACTIVATED], 0, plan_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_row (VigiaImportDialog *self,
         const char        *title,
         const char        *subtitle,
         const char        *icon,
         const char        *css_class,
         gint64             plan_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  if (css_class != NULL)
    gtk_widget_add_css_class (image, css_class);

  /* A plan that went in opens from its row. */
  if (plan_id > 0)
    {
      GtkWidget *next = gtk_image_new_from_icon_name ("go-next-symbolic");

      g_object_set_data (G_OBJECT (row), "plan-id", GSIZE_TO_POINTER ((gsize) plan_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), next);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (plan_row_activated_cb), self, 0);
    }

  adw_preferences_group_add (self->results_group, row);
  g_ptr_array_add (self->rows, row);
}

/* Row subtitles are markup in libadwaita 1.2: the plans' own words are escaped. */
static char *
dup_result_text (const VigiaImportResult *r)
{
  g_autofree char *goals = vigia_goal_dup_count_label (r->n_goals, r->n_targets);
  g_autofree char *text = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, r->plan_id);

  switch (r->outcome)
    {
    case VIGIA_IMPORT_ADDED:
      /* Translators: a file imported: "Added: JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA, 12 goals" */
      text = g_strdup_printf (_("Added: %s — %s, %s"), r->organization, r->place_label, goals);
      break;
    case VIGIA_IMPORT_UPDATED:
      text = g_strdup_printf (_("Updated: %s — %s, %s"), r->organization, r->place_label, goals);
      break;
    case VIGIA_IMPORT_LISTS:
      text = g_strdup_printf (ngettext ("%u JNE candidate list, %u new to the library",
                                        "%u JNE candidate lists, %u new to the library", r->n_lists),
                              r->n_lists, r->n_new_lists);
      break;
    case VIGIA_IMPORT_ALREADY_PRESENT:
    default:
      text = g_strdup_printf (_("Already in the library as plan %s: %s — %s"), id, r->organization,
                              r->place_label);
      break;
    }

  if (r->placed_by_list)
    g_string_append (notes, _("Placed from the JNE’s candidate lists. "));

  if (r->outcome == VIGIA_IMPORT_LISTS)
    ;
  else if (r->missing_place && r->missing_term)
    g_string_append (notes, _("Without a place and a term: give them on the plan’s General tab."));
  else if (r->missing_place)
    g_string_append (notes, _("Without a place: give it on the plan’s General tab."));
  else if (r->missing_term)
    g_string_append (notes, _("Without a term: give it on the plan’s General tab."));
  else if (r->unknown_place)
    g_string_append (notes, _("Its place is not in the INEI’s UBIGEO table: choose it on the plan’s General tab."));

  if (notes->len > 0)
    return g_markup_printf_escaped ("%s\n%s", text, notes->str);
  return g_markup_escape_text (text, -1);
}

static gboolean
result_has_notes (const VigiaImportResult *r)
{
  return r->missing_place || r->missing_term || r->unknown_place;
}

static void
show_progress (VigiaImportDialog *self)
{
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_basename (current_file (self));

  self->state = "progress";
  /* Translators: "Importing 3 of 12" */
  text = g_strdup_printf (_("Importing %u of %u"), self->index + 1, self->files->len);
  gtk_label_set_text (self->progress_label, text);
  gtk_label_set_text (self->file_label, name);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->index / self->files->len);
  gtk_stack_set_visible_child_name (self->stack, "progress");
}

static void
finish (VigiaImportDialog *self,
        gboolean           cancelled)
{
  g_autofree char *summary = NULL;
  gboolean quiet = !cancelled && self->n_failed == 0 && self->n_notes == 0;

  self->state = "results";
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->close_button));

  if (cancelled)
    summary = g_strdup_printf (ngettext ("Stopped: %u plan imported before", "Stopped: %u plans imported before",
                                         self->n_imported), self->n_imported);
  else if (self->n_failed > 0)
    summary = g_strdup_printf (ngettext ("%u file could not be imported", "%u files could not be imported",
                                         self->n_failed), self->n_failed);
  else
    summary = g_strdup_printf (ngettext ("%u plan imported", "%u plans imported", self->n_imported),
                               self->n_imported);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "results");

  g_signal_emit (self, signals[FINISHED], 0, self->first_plan_id, self->n_imported, quiet);

  /* Nothing to read: the window's toast says it. */
  if (quiet)
    gtk_window_close (GTK_WINDOW (self));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VigiaImportDialog) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  results = vigia_import_file_finish (VIGIA_LIBRARY (object), result, &error);
  if (self->files == NULL)
    return;

  name = g_file_get_basename (current_file (self));
  if (results == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          finish (self, TRUE);
          return;
        }
      self->n_failed++;
      message = g_markup_escape_text (error->message, -1);
      add_row (self, name, message, "dialog-error-symbolic", "error", 0);
    }
  else
    {
      for (guint i = 0; i < results->len; i++)
        {
          const VigiaImportResult *r = g_ptr_array_index (results, i);
          g_autofree char *text = dup_result_text (r);
          gboolean notes = result_has_notes (r);

          if (r->outcome != VIGIA_IMPORT_ALREADY_PRESENT && r->outcome != VIGIA_IMPORT_LISTS)
            self->n_imported++;
          if (notes)
            self->n_notes++;
          if (self->first_plan_id == 0)
            self->first_plan_id = r->plan_id;
          add_row (self, name, text, notes ? "dialog-warning-symbolic" : "emblem-ok-symbolic",
                   notes ? "warning" : "success", r->plan_id);
        }
    }

  self->index++;
  next_file (self);
}

static void
import_current (VigiaImportDialog        *self,
                const VigiaImportOptions *options)
{
  show_progress (self);
  vigia_import_file_async (self->library, current_file (self), options, self->cancellable,
                           imported_cb, g_object_ref (self));
}

static void
ask (VigiaImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (current_file (self));
  g_autofree char *title = NULL;

  self->state = "ask";
  /* Translators: the heading of the question for a JNE file: "Place and term of “puno.json”" */
  title = g_strdup_printf (_("Place and term of “%s”"), name);
  gtk_label_set_text (self->ask_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->ask_error), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "ask");
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VigiaImportDialog) self = user_data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          finish (self, TRUE);
          return;
        }
      /* The import says what is wrong with the file, in its own words. */
      import_current (self, NULL);
      return;
    }

  /* The JNE's data carry no place and no term: the user gives them. */
  if (vigia_file_type_detect ((const guint8 *) contents, length) == VIGIA_FILE_TYPE_JNE_JSON)
    ask (self);
  else
    import_current (self, NULL);
}

static void
next_file (VigiaImportDialog *self)
{
  if (self->index >= self->files->len)
    {
      finish (self, FALSE);
      return;
    }

  show_progress (self);
  g_file_load_contents_async (current_file (self), self->cancellable, loaded_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (VigiaImportDialog *self)
{
  vigia_import_dialog_cancel (self);
}

static void
close_clicked_cb (VigiaImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
skip_clicked_cb (VigiaImportDialog *self)
{
  vigia_import_dialog_answer (self, NULL, 0, 0);
}

static void
import_clicked_cb (VigiaImportDialog *self)
{
  g_autofree char *place = vigia_place_picker_dup_place_text (self->place_picker);

  if (place == NULL)
    {
      gtk_label_set_text (self->ask_error, _("Choose the department, at least, or import the plan without a place."));
      gtk_widget_set_visible (GTK_WIDGET (self->ask_error), TRUE);
      return;
    }
  vigia_import_dialog_answer (self, place,
                              gtk_spin_button_get_value_as_int (self->term_start_spin),
                              gtk_spin_button_get_value_as_int (self->term_end_spin));
}

static gboolean
vigia_import_dialog_close_request (GtkWindow *window)
{
  VigiaImportDialog *self = VIGIA_IMPORT_DIALOG (window);

  /* Closing while importing stops after the file being read. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (vigia_import_dialog_parent_class)->close_request (window);
}

static void
vigia_import_dialog_dispose (GObject *object)
{
  VigiaImportDialog *self = (VigiaImportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (vigia_import_dialog_parent_class)->dispose (object);
}

static void
vigia_import_dialog_class_init (VigiaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vigia_import_dialog_dispose;
  window_class->close_request = vigia_import_dialog_close_request;

  /**
   * VigiaImportDialog::finished:
   * @first_plan_id: the first plan imported or found, 0 if none
   * @n_imported: how many plans were added or updated
   * @quiet: whether everything went in with nothing to tell, in which case
   *   the dialog closes and its owner says so
   */
  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_BOOLEAN);

  /**
   * VigiaImportDialog::plan-activated:
   * @plan_id: the plan whose row was chosen, to open
   */
  signals[PLAN_ACTIVATED] = g_signal_new ("plan-activated",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (VIGIA_TYPE_PLACE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, ask_title);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, place_picker);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, term_start_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, term_end_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, ask_error);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, results_group);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigia_import_dialog_init (VigiaImportDialog *self)
{
  self->rows = g_ptr_array_new ();
  self->state = "none";

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vigia_import_dialog_new:
 * @files: (element-type GFile): the files to import, in order
 */
VigiaImportDialog *
vigia_import_dialog_new (GtkWindow    *parent,
                         VigiaLibrary *library,
                         GListModel   *files)
{
  VigiaImportDialog *self;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (VIGIA_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->files, g_list_model_get_item (files, i));

  return self;
}

/**
 * vigia_import_dialog_start:
 *
 * Shows the dialog and imports the files.
 */
void
vigia_import_dialog_start (VigiaImportDialog *self)
{
  g_return_if_fail (VIGIA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->cancellable == NULL && self->index == 0);

  self->cancellable = g_cancellable_new ();
  gtk_window_present (GTK_WINDOW (self));

  if (self->files->len == 0)
    finish (self, FALSE);
  else
    next_file (self);
}

/**
 * vigia_import_dialog_cancel:
 *
 * Stops after the file being imported (each file goes in whole or not at
 * all) and shows what was imported before.
 */
void
vigia_import_dialog_cancel (VigiaImportDialog *self)
{
  g_return_if_fail (VIGIA_IS_IMPORT_DIALOG (self));

  if (self->cancellable == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_cancellable_cancel (self->cancellable);
  /* A question is waiting for no thread: stop at once. */
  if (g_strcmp0 (self->state, "ask") == 0)
    finish (self, TRUE);
}

/**
 * vigia_import_dialog_answer:
 * @place: (nullable): the plan's place, as "PUNO", "LIMA - LIMA -
 *   INDEPENDENCIA" or a UBIGEO code, or %NULL to import it without a place
 *   and a term
 *
 * Answers the question the dialog asks for a JNE file, as its buttons do.
 */
void
vigia_import_dialog_answer (VigiaImportDialog *self,
                            const char        *place,
                            int                term_start,
                            int                term_end)
{
  VigiaImportOptions options = { place, term_start, term_end };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VIGIA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (g_strcmp0 (self->state, "ask") == 0);

  if (place == NULL)
    {
      import_current (self, NULL);
      return;
    }

  if (!vigia_import_options_check (&options, &error))
    {
      gtk_label_set_text (self->ask_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->ask_error), TRUE);
      return;
    }
  import_current (self, &options);
}

/**
 * vigia_import_dialog_get_state:
 *
 * Returns: "progress", "ask" (a JNE file needs its place and term),
 *   "results", or "none" before the start
 */
const char *
vigia_import_dialog_get_state (VigiaImportDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_IMPORT_DIALOG (self), NULL);
  return self->state;
}

guint
vigia_import_dialog_get_n_results (VigiaImportDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_IMPORT_DIALOG (self), 0);
  return self->rows->len;
}

/**
 * vigia_import_dialog_get_result_text:
 * @subtitle: %TRUE for what became of the file, %FALSE for its name
 *
 * Returns: what the row of the @position-th result says (its subtitle as
 *   markup)
 */
const char *
vigia_import_dialog_get_result_text (VigiaImportDialog *self,
                                     guint              position,
                                     gboolean           subtitle)
{
  AdwActionRow *row;

  g_return_val_if_fail (VIGIA_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  row = g_ptr_array_index (self->rows, position);
  return subtitle ? adw_action_row_get_subtitle (row)
                  : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}
