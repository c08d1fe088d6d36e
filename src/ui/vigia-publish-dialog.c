/* vigia-publish-dialog.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publish… asks for the site's title, whose figures, the semester, how the
 * plans are grouped and the folder, then writes the site in a worker
 * thread on a connection of its own to the library (vigia_site_publish()),
 * the dialog open with a progress bar.  The thread's progress comes back
 * to the window's thread in an idle, never more than one waiting: the
 * widgets are only touched here.  Cancel stops the publication and the
 * dialog says so; an error is said in the dialog, which stays open with
 * the choices made.  Once the site is there, #VigiaPublishDialog::published
 * is emitted and the dialog closes.
 */
#define G_LOG_DOMAIN "vigia-publish-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-accessible-names.h"
#include "vigia-publish-dialog-private.h"

/* The semesters offered after "the current one of each plan": a term's. */
#define N_RECENT_PERIODS 8

struct _VigiaPublishDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *cancel_button;
  GtkButton      *publish_button;
  AdwActionRow   *title_row;
  GtkEntry       *title_entry;
  AdwComboRow    *source_row;
  AdwComboRow    *period_row;
  AdwComboRow    *group_row;
  AdwActionRow   *folder_row;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;

  char           *library_path;
  /* NULL first, for the current semester of each plan. */
  GPtrArray      *periods;
  GFile          *folder;
  GCancellable   *cancellable;
  /* Which publication the progress that comes back is of. */
  guint           run;
  gboolean        busy;
  gboolean        disposed;
};

G_DEFINE_FINAL_TYPE (VigiaPublishDialog, vigia_publish_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_FOLDER,
  PROP_BUSY,
  N_PROPS
};

enum {
  PUBLISHED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The figures offered, in the order of the row. */
static const VigiaSource sources[] = {
  VIGIA_SOURCE_AUTHORITY,
  VIGIA_SOURCE_OBSERVER,
};

/* In the order of the row too. */
static const VigiaSiteGroup groups[] = {
  VIGIA_SITE_GROUP_DEPARTMENT,
  VIGIA_SITE_GROUP_ELECTION,
};

/* What the thread needs; it is the only one to use the site and the
 * folder while it runs.  Shared, atomically counted: the task holds it,
 * and so does the idle that brings the progress, which may run after the
 * task is done. */
typedef struct
{
  VigiaPublishDialog *dialog;
  char               *library_path;
  VigiaSite          *site;
  GFile              *folder;
  guint               run;
  /* The last progress told, and whether an idle is on its way with it. */
  int                 done;
  int                 total;
  int                 pending;
} PublishData;

static void
publish_data_clear (PublishData *data)
{
  g_free (data->library_path);
  g_clear_object (&data->site);
  g_clear_object (&data->folder);
}

static void
publish_data_release (PublishData *data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) publish_data_clear);
}

/* ---------------------------------------------------------------------- */
/* Auxiliary functions                                                    */
/* ---------------------------------------------------------------------- */

static void
show_status (VigiaPublishDialog *self,
             const char         *text,
             gboolean            error)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_actions (VigiaPublishDialog *self)
{
  gboolean cancelling = self->busy && g_cancellable_is_cancelled (self->cancellable);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.publish", !self->busy && self->folder != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.choose", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.cancel", !cancelling);
}

static void
set_busy (VigiaPublishDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->folder_row), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_folder (VigiaPublishDialog *self)
{
  if (self->folder != NULL)
    {
      g_autofree char *shown = g_file_get_parse_name (self->folder);

      adw_action_row_set_subtitle (self->folder_row, shown);
    }
  else
    {
      adw_action_row_set_subtitle (self->folder_row, _("Not chosen yet"));
    }
  update_actions (self);
}

/* ---------------------------------------------------------------------- */
/* The thread                                                             */
/* ---------------------------------------------------------------------- */

static gboolean
progress_idle_cb (gpointer user_data)
{
  PublishData *data = user_data;
  VigiaPublishDialog *self = data->dialog;
  guint done, total, n_plans;
  g_autofree char *text = NULL;

  g_atomic_int_set (&data->pending, 0);
  done = (guint) g_atomic_int_get (&data->done);
  total = (guint) g_atomic_int_get (&data->total);
  if (self->disposed || !self->busy || self->run != data->run || total == 0 ||
      g_cancellable_is_cancelled (self->cancellable))
    return G_SOURCE_REMOVE;

  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  /* The last step is the index and the data, after every plan. */
  n_plans = total - 1;
  if (done < n_plans)
    /* Translators: while publishing: "3 of 12 plans written" */
    text = g_strdup_printf (ngettext ("%u of %u plan written", "%u of %u plans written", n_plans), done, n_plans);
  else
    text = g_strdup (_("Writing the index and the data…"));
  show_status (self, text, FALSE);
  return G_SOURCE_REMOVE;
}

/* The idle holds the dialog and the data; the task holds both while the
 * thread runs, so these references are never the last ones there. */
static void
progress_idle_free (gpointer user_data)
{
  PublishData *data = user_data;

  g_object_unref (data->dialog);
  publish_data_release (data);
}

/* Called in the thread after each plan: the window's thread is told the
 * latest figures, once an idle of it has run. */
static void
publish_progress_cb (guint    done,
                     guint    total,
                     gpointer user_data)
{
  PublishData *data = user_data;

  g_atomic_int_set (&data->done, (int) done);
  g_atomic_int_set (&data->total, (int) total);
  if (g_atomic_int_compare_and_exchange (&data->pending, 0, 1))
    {
      g_object_ref (data->dialog);
      g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_idle_cb, g_atomic_rc_box_acquire (data),
                                  progress_idle_free);
    }
}

/* Runs in a thread on its own connection to the library, read-only: the
 * window goes on, and writes, meanwhile. */
static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishData *data = task_data;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  library = vigia_library_open (data->library_path, VIGIA_LIBRARY_OPEN_READ_ONLY | VIGIA_LIBRARY_OPEN_EXISTING,
                                &error);
  if (library == NULL ||
      !vigia_site_publish (data->site, library, data->folder, publish_progress_cb, data, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
published_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (object);
  PublishData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  /* Closed meanwhile: nothing to say, and nowhere to say it. */
  if (self->disposed)
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_status (self, _("Publishing stopped. The pages already written stay in the folder: publishing "
                           "again completes the site."), FALSE);
      return;
    }
  if (error != NULL)
    {
      /* Translators: in the Publish dialog, with the reason after the colon */
      message = g_strdup_printf (_("The site could not be published: %s"), error->message);
      show_status (self, message, TRUE);
      return;
    }

  show_status (self, NULL, FALSE);
  g_signal_emit (self, signals[PUBLISHED], 0, data->folder, vigia_site_get_n_plans (data->site));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---------------------------------------------------------------------- */
/* Callbacks                                                              */
/* ---------------------------------------------------------------------- */

static void
folder_chosen_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  VigiaPublishDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->disposed)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        vigia_publish_dialog_set_folder (self, folder);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

/* The semesters' popup: as the row's own, but "Current semester of each
 * plan" is not cut short. */
static void
period_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
period_item_selected_cb (GtkListItem *item,
                         GParamSpec  *pspec,
                         AdwComboRow *row)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) == gtk_list_item_get_position (item) ? 1 : 0);
}

static void
period_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AdwComboRow              *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (period_item_selected_cb), item);
  period_item_selected_cb (item, NULL, row);
}

/* The row, not the dialog: the row unbinds its items as it goes, after
 * the dialog has let go of its template's widgets. */
static void
period_item_unbind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, period_item_selected_cb, item);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (widget);
  GtkFileChooserNative *chooser;

  /* GtkFileDialog is newer than the floor, GTK 4.8. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (_("Choose the Site’s Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  if (self->folder != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  vigia_publish_dialog_publish (VIGIA_PUBLISH_DIALOG (widget));
}

/* Cancel: stops a publication under way, or closes the dialog. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (widget);

  if (self->busy)
    vigia_publish_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */
/* ---------------------------------------------------------------------- */

static gboolean
vigia_publish_dialog_close_request (GtkWindow *window)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (window);

  /* Closed while publishing: the publication stops, what it wrote stays. */
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (vigia_publish_dialog_parent_class)->close_request (window);
}

static void
vigia_publish_dialog_constructed (GObject *object)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (object);
  g_autoptr(GtkStringList) source_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) period_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) group_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) period_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(VigiaSite) site = vigia_site_new ();
  g_autofree char *current = vigia_period_dup_current ();
  g_autofree char *basename = NULL;
  int year, half;

  G_OBJECT_CLASS (vigia_publish_dialog_parent_class)->constructed (object);

  g_return_if_fail (self->library_path != NULL);

  basename = g_path_get_basename (self->library_path);
  adw_window_title_set_subtitle (self->window_title, basename);

  /* Left empty, the site has the default title, in Spanish as its pages. */
  gtk_entry_set_placeholder_text (self->title_entry, vigia_site_get_title (site));

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    gtk_string_list_append (source_labels, vigia_source_get_label (sources[i]));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (source_labels));

  /* The current semester of each plan, or one for all of them: the last
   * ones, which a plan outside its term is shown as near as it can be. */
  self->periods = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->periods, NULL);
  gtk_string_list_append (period_labels, _("Current semester of each plan"));
  if (vigia_period_parse (current, &year, &half))
    {
      for (guint i = 0; i < N_RECENT_PERIODS; i++)
        {
          char *period = vigia_period_format (year, half);
          g_autofree char *label = vigia_period_dup_label (period);

          g_ptr_array_add (self->periods, period);
          gtk_string_list_append (period_labels, label);
          if (--half == 0)
            {
              half = 2;
              year--;
            }
        }
    }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (period_labels));
  g_signal_connect (period_factory, "setup", G_CALLBACK (period_item_setup_cb), self->period_row);
  g_signal_connect (period_factory, "bind", G_CALLBACK (period_item_bind_cb), self->period_row);
  g_signal_connect (period_factory, "unbind", G_CALLBACK (period_item_unbind_cb), self->period_row);
  adw_combo_row_set_list_factory (self->period_row, period_factory);

  /* In the order of groups[]. */
  gtk_string_list_append (group_labels, _("Department"));
  gtk_string_list_append (group_labels, _("Election type"));
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (group_labels));

  update_folder (self);
}

static void
vigia_publish_dialog_dispose (GObject *object)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PUBLISH_DIALOG);

  G_OBJECT_CLASS (vigia_publish_dialog_parent_class)->dispose (object);
}

static void
vigia_publish_dialog_finalize (GObject *object)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (object);

  g_clear_pointer (&self->library_path, g_free);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vigia_publish_dialog_parent_class)->finalize (object);
}

static void
vigia_publish_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FOLDER: g_value_set_object (value, self->folder); break;
    case PROP_BUSY:   g_value_set_boolean (value, self->busy); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_publish_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigiaPublishDialog *self = VIGIA_PUBLISH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      {
        VigiaLibrary *library = g_value_get_object (value);

        /* Only its file: the thread opens a connection of its own. */
        if (library != NULL)
          self->library_path = g_strdup (vigia_library_get_path (library));
      }
      break;
    case PROP_FOLDER: vigia_publish_dialog_set_folder (self, g_value_get_object (value)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_publish_dialog_class_init (VigiaPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vigia_publish_dialog_constructed;
  object_class->dispose = vigia_publish_dialog_dispose;
  object_class->finalize = vigia_publish_dialog_finalize;
  object_class->get_property = vigia_publish_dialog_get_property;
  object_class->set_property = vigia_publish_dialog_set_property;
  window_class->close_request = vigia_publish_dialog_close_request;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, VIGIA_TYPE_LIBRARY,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigiaPublishDialog::published:
   * @folder: the site's folder
   * @n_plans: the plans the site has
   *
   * The site was published, just before the dialog closes.
   */
  signals[PUBLISHED] =
    g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VigiaPublishDialog, status_label);

  gtk_widget_class_install_action (widget_class, "publish.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "publish.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "publish.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigia_publish_dialog_init (VigiaPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));
  /* Enter publishes, once there is a folder; Escape cancels. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->publish_button));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */
/* ---------------------------------------------------------------------- */

/**
 * vigia_publish_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @library: the library to publish; the dialog keeps only its file
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
VigiaPublishDialog *
vigia_publish_dialog_new (GtkWindow    *parent,
                          VigiaLibrary *library)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);

  return g_object_new (VIGIA_TYPE_PUBLISH_DIALOG,
                       "transient-for", parent,
                       "library", library,
                       NULL);
}

/**
 * vigia_publish_dialog_get_folder:
 *
 * Returns: (transfer none) (nullable): where the site goes, or %NULL until
 *   one is chosen
 */
GFile *
vigia_publish_dialog_get_folder (VigiaPublishDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_PUBLISH_DIALOG (self), NULL);
  return self->folder;
}

/**
 * vigia_publish_dialog_set_folder:
 * @folder: (nullable): where the site goes; made if missing
 */
void
vigia_publish_dialog_set_folder (VigiaPublishDialog *self,
                                 GFile              *folder)
{
  g_return_if_fail (VIGIA_IS_PUBLISH_DIALOG (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (self->busy || !g_set_object (&self->folder, folder))
    return;

  update_folder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

gboolean
vigia_publish_dialog_get_busy (VigiaPublishDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_PUBLISH_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * vigia_publish_dialog_publish:
 *
 * Publishes the site, as the Publish button does.  The dialog closes once
 * the site is written (after #VigiaPublishDialog::published), or stays open
 * and says why it is not.
 */
void
vigia_publish_dialog_publish (VigiaPublishDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PublishData *data;
  const char *title;
  guint position;

  g_return_if_fail (VIGIA_IS_PUBLISH_DIALOG (self));

  if (self->busy || self->folder == NULL)
    return;

  data = g_atomic_rc_box_new0 (PublishData);
  data->dialog = self;
  data->library_path = g_strdup (self->library_path);
  data->folder = g_object_ref (self->folder);
  data->run = ++self->run;
  data->site = vigia_site_new ();

  title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  vigia_site_set_title (data->site, title);
  position = adw_combo_row_get_selected (self->source_row);
  vigia_site_set_source (data->site, sources[position < G_N_ELEMENTS (sources) ? position : 0]);
  position = adw_combo_row_get_selected (self->period_row);
  vigia_site_set_period (data->site, position < self->periods->len ? g_ptr_array_index (self->periods, position) : NULL);
  position = adw_combo_row_get_selected (self->group_row);
  vigia_site_set_group (data->site, groups[position < G_N_ELEMENTS (groups) ? position : 0]);

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  show_status (self, _("Reading the library…"), FALSE);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, published_cb, NULL);
  g_task_set_source_tag (task, vigia_publish_dialog_publish);
  g_task_set_task_data (task, data, (GDestroyNotify) publish_data_release);
  g_task_run_in_thread (task, publish_thread);
}

/**
 * vigia_publish_dialog_cancel:
 *
 * Stops the publication under way, as Cancel does while it runs: the
 * dialog says so once the thread has stopped.
 */
void
vigia_publish_dialog_cancel (VigiaPublishDialog *self)
{
  g_return_if_fail (VIGIA_IS_PUBLISH_DIALOG (self));

  if (!self->busy)
    return;

  g_cancellable_cancel (self->cancellable);
  show_status (self, _("Stopping…"), FALSE);
  update_actions (self);
}
