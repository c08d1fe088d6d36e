/* vigia-export-dialog.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog keeps a copy of the plan, so that the report is of the plan as
 * it was when the user asked for it; the file is written in a worker thread
 * (vigia_report_write_file_async()), the dialog open and a spinner turning,
 * and closes once the file is there.  The file's name follows the format
 * and the semester ("informe-independencia-2024-S2.pdf") in the documents
 * folder, until the user chooses one; then only its extension follows.
 */
#define G_LOG_DOMAIN "vigia-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vigia-accessible-names.h"
#include "vigia-export-dialog-private.h"

struct _VigiaExportDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkStack          *export_stack;
  GtkButton         *export_button;
  GtkSpinner        *spinner;
  AdwComboRow       *format_row;
  AdwComboRow       *period_row;
  AdwActionRow      *file_row;
  GtkLabel          *note_label;

  VigiaPlan         *plan;
  GStrv              periods;
  VigiaReportFormat  format;
  char              *period;
  GFile             *folder;
  /* The name the user chose, or NULL while it follows the choices. */
  char              *chosen_name;
  GFile             *file;
  GCancellable      *cancellable;
  gboolean           busy;
};

G_DEFINE_FINAL_TYPE (VigiaExportDialog, vigia_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FORMAT,
  PROP_PERIOD,
  PROP_FILE,
  PROP_BUSY,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The formats in the order offered: the reports first. */
static const VigiaReportFormat offered[] = {
  VIGIA_REPORT_FORMAT_PDF,
  VIGIA_REPORT_FORMAT_HTML,
  VIGIA_REPORT_FORMAT_CSV,
  VIGIA_REPORT_FORMAT_TXT,
  VIGIA_REPORT_FORMAT_JSON,
};

/* ---------------------------------------------------------------------- */
/* Auxiliary functions                                                    */
/* ---------------------------------------------------------------------- */

static gboolean
format_is_dated (VigiaReportFormat format)
{
  return format == VIGIA_REPORT_FORMAT_PDF || format == VIGIA_REPORT_FORMAT_HTML ||
         format == VIGIA_REPORT_FORMAT_CSV;
}

static const char *
format_note (VigiaReportFormat format)
{
  switch (format)
    {
    case VIGIA_REPORT_FORMAT_PDF:
      return _("The report of the semester, on A4 pages: achievement, each goal’s figures, notes and "
               "evidence, the charts.");
    case VIGIA_REPORT_FORMAT_HTML:
      return _("The report of the semester as one web page, to publish or to send: it reads on a "
               "phone and prints.");
    case VIGIA_REPORT_FORMAT_CSV:
      return _("A row per goal, semester and source up to this semester, with achievement: Import "
               "Progress reads it back.");
    case VIGIA_REPORT_FORMAT_TXT:
      return _("The plan as the text of the JNE’s summary, which Vigía imports: the plan itself, "
               "not its progress.");
    case VIGIA_REPORT_FORMAT_JSON:
    default:
      return _("The plan with all its progress in Vigía’s exchange format, to open in another "
               "library.");
    }
}

/* @name with the extension of the format instead of its own. */
static char *
with_extension (const char        *name,
                VigiaReportFormat  format)
{
  const char *dot = strrchr (name, '.');
  VigiaReportFormat known;

  if (dot != NULL && vigia_report_format_from_name (dot + 1, &known))
    return g_strdup_printf ("%.*s.%s", (int) (dot - name), name, vigia_report_format_get_name (format));
  return g_strdup_printf ("%s.%s", name, vigia_report_format_get_name (format));
}

static void
update_file (VigiaExportDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;

  if (self->chosen_name != NULL)
    name = with_extension (self->chosen_name, self->format);
  else
    name = vigia_report_build_file_name (self->plan, self->period, self->format);

  g_clear_object (&self->file);
  self->file = g_file_get_child (self->folder, name);
  shown = g_file_get_parse_name (self->file);

  if (g_file_query_exists (self->file, NULL))
    {
      /* Translators: under the file to write, when there is one of that name already. */
      g_autofree char *warning = g_strdup_printf (_("%s (replaces the file there)"), shown);

      adw_action_row_set_subtitle (self->file_row, warning);
    }
  else
    adw_action_row_set_subtitle (self->file_row, shown);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
set_busy (VigiaExportDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_stack_set_visible_child_name (self->export_stack, busy ? "busy" : "idle");
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), !busy && format_is_dated (self->format));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (VigiaExportDialog *self,
            const GError      *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Report Could Not Be Saved"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */
/* Callbacks                                                              */
/* ---------------------------------------------------------------------- */

static void
format_selected_cb (VigiaExportDialog *self)
{
  guint position = adw_combo_row_get_selected (self->format_row);

  if (position < G_N_ELEMENTS (offered))
    vigia_export_dialog_set_format (self, offered[position]);
}

static void
period_selected_cb (VigiaExportDialog *self)
{
  guint position = adw_combo_row_get_selected (self->period_row);

  if (position < g_strv_length (self->periods))
    vigia_export_dialog_set_period (self, self->periods[position]);
}

static void
file_chosen_cb (GtkNativeDialog   *chooser,
                int                response,
                VigiaExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        vigia_export_dialog_set_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VigiaExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  vigia_report_write_file_finish (VIGIA_REPORT (object), result, &error);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, self->file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigiaExportDialog *self = VIGIA_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *pattern = g_strdup_printf ("*.%s", vigia_report_format_get_name (self->format));
  GtkFileChooserNative *chooser;

  /* GtkFileDialog is newer than the floor, GTK 4.8. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, vigia_report_format_get_label (self->format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, vigia_report_format_get_mime_type (self->format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  vigia_export_dialog_export (VIGIA_EXPORT_DIALOG (widget));
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */
/* ---------------------------------------------------------------------- */

static gboolean
vigia_export_dialog_close_request (GtkWindow *window)
{
  VigiaExportDialog *self = VIGIA_EXPORT_DIALOG (window);

  /* Closed while writing: the file is left as it was. */
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (vigia_export_dialog_parent_class)->close_request (window);
}

static void
vigia_export_dialog_constructed (GObject *object)
{
  VigiaExportDialog *self = VIGIA_EXPORT_DIALOG (object);
  g_autoptr(GtkStringList) format_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) period_labels = gtk_string_list_new (NULL);
  g_autofree char *default_period = NULL;
  g_autofree char *place = NULL;
  g_autofree char *subtitle = NULL;
  const char *documents;
  guint selected = 0;

  G_OBJECT_CLASS (vigia_export_dialog_parent_class)->constructed (object);

  g_return_if_fail (VIGIA_IS_PLAN (self->plan));

  place = vigia_plan_dup_place_label (self->plan);
  subtitle = g_strdup_printf ("%s — %s", vigia_plan_get_organization (self->plan) != NULL ?
                              vigia_plan_get_organization (self->plan) : "", place);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  self->folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());

  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    gtk_string_list_append (format_labels, vigia_report_format_get_label (offered[i]));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (format_labels));

  self->periods = vigia_report_list_periods (self->plan);
  default_period = vigia_report_dup_default_period (self->plan);
  for (guint i = 0; self->periods[i] != NULL; i++)
    {
      g_autofree char *label = vigia_period_dup_label (self->periods[i]);

      gtk_string_list_append (period_labels, label);
      if (g_strcmp0 (self->periods[i], default_period) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (period_labels));

  self->format = VIGIA_REPORT_FORMAT_PDF;
  self->period = g_strdup (self->periods[selected]);
  adw_combo_row_set_selected (self->format_row, 0);
  adw_combo_row_set_selected (self->period_row, selected);
  gtk_label_set_label (self->note_label, format_note (self->format));
  update_file (self);

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_selected_cb), self);
  g_signal_connect_swapped (self->period_row, "notify::selected", G_CALLBACK (period_selected_cb), self);
}

static void
vigia_export_dialog_dispose (GObject *object)
{
  VigiaExportDialog *self = VIGIA_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (vigia_export_dialog_parent_class)->dispose (object);
}

static void
vigia_export_dialog_finalize (GObject *object)
{
  VigiaExportDialog *self = VIGIA_EXPORT_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->periods, g_strfreev);
  g_clear_pointer (&self->period, g_free);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->chosen_name, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vigia_export_dialog_parent_class)->finalize (object);
}

static void
vigia_export_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigiaExportDialog *self = VIGIA_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:   g_value_set_object (value, self->plan); break;
    case PROP_FORMAT: g_value_set_uint (value, self->format); break;
    case PROP_PERIOD: g_value_set_string (value, self->period); break;
    case PROP_FILE:   g_value_set_object (value, self->file); break;
    case PROP_BUSY:   g_value_set_boolean (value, self->busy); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_export_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VigiaExportDialog *self = VIGIA_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      /* A copy: later edits do not change what is exported. */
      self->plan = vigia_plan_copy (g_value_get_object (value));
      break;
    case PROP_FORMAT: vigia_export_dialog_set_format (self, g_value_get_uint (value)); break;
    case PROP_PERIOD: vigia_export_dialog_set_period (self, g_value_get_string (value)); break;
    case PROP_FILE:   vigia_export_dialog_set_file (self, g_value_get_object (value)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_export_dialog_class_init (VigiaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vigia_export_dialog_constructed;
  object_class->dispose = vigia_export_dialog_dispose;
  object_class->finalize = vigia_export_dialog_finalize;
  object_class->get_property = vigia_export_dialog_get_property;
  object_class->set_property = vigia_export_dialog_set_property;
  window_class->close_request = vigia_export_dialog_close_request;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, VIGIA_TYPE_PLAN,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_uint ("format", NULL, NULL, 0, VIGIA_REPORT_N_FORMATS - 1, VIGIA_REPORT_FORMAT_PDF,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigiaExportDialog::exported:
   * @file: the file written
   *
   * The report was written, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigiaExportDialog, export_stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigiaExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaExportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaExportDialog, note_label);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigia_export_dialog_init (VigiaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));
  /* The choices made before are kept: Enter exports, Escape cancels. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */
/* ---------------------------------------------------------------------- */

/**
 * vigia_export_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @plan: the plan; the dialog exports a copy of it as it is now
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
VigiaExportDialog *
vigia_export_dialog_new (GtkWindow *parent,
                         VigiaPlan *plan)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);

  return g_object_new (VIGIA_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "plan", plan,
                       NULL);
}

VigiaReportFormat
vigia_export_dialog_get_format (VigiaExportDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_EXPORT_DIALOG (self), VIGIA_REPORT_FORMAT_PDF);
  return self->format;
}

void
vigia_export_dialog_set_format (VigiaExportDialog *self,
                                VigiaReportFormat  format)
{
  g_return_if_fail (VIGIA_IS_EXPORT_DIALOG (self));
  g_return_if_fail ((guint) format < VIGIA_REPORT_N_FORMATS);

  if (self->format == format)
    return;

  self->format = format;
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    if (offered[i] == format && adw_combo_row_get_selected (self->format_row) != i)
      adw_combo_row_set_selected (self->format_row, i);
  /* The text and the exchange file hold the plan, not a semester. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), !self->busy && format_is_dated (format));
  gtk_label_set_label (self->note_label, format_note (format));
  update_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

/**
 * vigia_export_dialog_get_period:
 *
 * Returns: the semester of the report, "2024-S2"
 */
const char *
vigia_export_dialog_get_period (VigiaExportDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_EXPORT_DIALOG (self), NULL);
  return self->period;
}

/**
 * vigia_export_dialog_set_period:
 * @period: one of the plan's semesters (vigia_report_list_periods())
 */
void
vigia_export_dialog_set_period (VigiaExportDialog *self,
                                const char        *period)
{
  g_return_if_fail (VIGIA_IS_EXPORT_DIALOG (self));
  g_return_if_fail (period != NULL);

  if (g_strcmp0 (self->period, period) == 0)
    return;

  for (guint i = 0; self->periods[i] != NULL; i++)
    {
      if (g_strcmp0 (self->periods[i], period) != 0)
        continue;

      g_free (self->period);
      self->period = g_strdup (period);
      if (adw_combo_row_get_selected (self->period_row) != i)
        adw_combo_row_set_selected (self->period_row, i);
      update_file (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
      return;
    }

  g_critical ("%s is not a semester of the plan", period);
}

/**
 * vigia_export_dialog_get_file:
 *
 * Returns: (transfer none): the file that will be written
 */
GFile *
vigia_export_dialog_get_file (VigiaExportDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_EXPORT_DIALOG (self), NULL);
  return self->file;
}

/**
 * vigia_export_dialog_set_file:
 *
 * Writes to @file: its folder and name stay, the extension follows the
 * format.
 */
void
vigia_export_dialog_set_file (VigiaExportDialog *self,
                              GFile             *file)
{
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (VIGIA_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  folder = g_file_get_parent (file);
  if (folder != NULL)
    g_set_object (&self->folder, folder);
  g_free (self->chosen_name);
  self->chosen_name = g_file_get_basename (file);
  update_file (self);
}

gboolean
vigia_export_dialog_get_busy (VigiaExportDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * vigia_export_dialog_export:
 *
 * Writes the file, as the Export button does.  The dialog closes once the
 * file is written (after #VigiaExportDialog::exported), or stays open and
 * says what went wrong.
 */
void
vigia_export_dialog_export (VigiaExportDialog *self)
{
  g_autoptr(VigiaReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VIGIA_IS_EXPORT_DIALOG (self));

  if (self->busy)
    return;

  report = vigia_report_new (self->plan, format_is_dated (self->format) ? self->period : NULL, &error);
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }

  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  vigia_report_write_file_async (report, self->format, self->file, self->cancellable, written_cb,
                                 g_object_ref (self));
}
