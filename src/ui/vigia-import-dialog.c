/* vigia-import-dialog.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * First reads every file in a thread, writing nothing: what each holds,
 * whether it is already in the library, whether it can be read at all.
 * When the JNE's data are among them (plans that carry no place, candidate
 * lists that give it), one screen shows a row per file, with what was found
 * and, for each plan that no list places, a place picker; nothing is asked
 * file by file.  Then it imports the files one after the other (lists
 * first, so that they place the plans), each in a thread on its own
 * connection (vigia_import_file_async()), each all or nothing; Cancel stops
 * after the file being imported and lists those left out.  When every file
 * went in without anything to say, the dialog closes and the window says so
 * in a toast; otherwise it lists each file with what became of it.
 */
#define G_LOG_DOMAIN "vigia-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vigia-accessible-names.h"
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
  GtkButton           *import_button;
  GtkLabel            *review_title;
  GtkLabel            *review_summary;
  AdwPreferencesGroup *plans_group;
  AdwPreferencesGroup *lists_group;
  AdwPreferencesGroup *unreadable_group;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *results_group;

  VigiaLibrary        *library;
  /* Entry, one per file, in the order given */
  GPtrArray           *entries;
  /* Entry, in the order they are imported: lists first */
  GPtrArray           *queue;
  guint                index;
  GCancellable        *cancellable;
  /* AdwActionRow, one per file done */
  GPtrArray           *rows;
  guint                n_imported;
  /* Of those, the plans the library had, merged from a Vigía document */
  guint                n_merged;
  guint                n_failed;
  /* Files that went in with something to tell (no place, no term). */
  guint                n_notes;
  gint64               first_plan_id;
  const char          *state;
};

/* What the survey found in one file. */
typedef struct
{
  GFile            *file;
  char             *name;
  VigiaFileType     format;
  /* The first plan's own fields (no goals: a batch of thousands must not
   * be held whole), placed here as its list will place it */
  GPtrArray        *plans;
  guint             n_plans;
  /* VigiaJneList, for a file of lists */
  GPtrArray        *lists;
  /* Why it cannot be read */
  GError           *error;
  gint64            existing_id;
  gboolean          placed_by_list;
  /* A plan of a regional or municipal election that no list places */
  gboolean          needs_place;
  gboolean          imported;
  GtkWidget        *row;
  VigiaPlacePicker *picker;
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->file);
  g_free (entry->name);
  g_clear_pointer (&entry->plans, g_ptr_array_unref);
  g_clear_pointer (&entry->lists, g_ptr_array_unref);
  g_clear_error (&entry->error);
  g_free (entry);
}

/* A file of lists or candidates, as against a plan (which brings its own
 * list too). */
static gboolean
is_lists_file (Entry *entry)
{
  return entry->error == NULL &&
         (entry->format == VIGIA_FILE_TYPE_JNE_LISTS || entry->format == VIGIA_FILE_TYPE_JNE_CANDIDATES);
}

G_DEFINE_FINAL_TYPE (VigiaImportDialog, vigia_import_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  PLAN_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void next_file (VigiaImportDialog *self);

static Entry *
current_entry (VigiaImportDialog *self)
{
  return g_ptr_array_index (self->queue, self->index);
}

static GFile *
current_file (VigiaImportDialog *self)
{
  return current_entry (self)->file;
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
      if (r->merge != NULL)
        {
          g_autofree char *merged = vigia_merge_summary_dup_description (r->merge);

          /* Translators: a plan the library had, merged from a Vigía document:
           * "Merged: JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA: 2 entries added, 1 conflict" */
          text = g_strdup_printf (_("Merged: %s — %s: %s"), r->organization, r->place_label, merged);
        }
      else
        text = g_strdup_printf (_("Updated: %s — %s, %s"), r->organization, r->place_label, goals);
      break;
    case VIGIA_IMPORT_LISTS:
      if (r->heads)
        text = g_strdup_printf (ngettext ("The head of %u JNE list, %u new to the library",
                                          "The heads of %u JNE lists, %u new to the library", r->n_lists),
                                r->n_lists, r->n_new_lists);
      else
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
  return r->missing_place || r->missing_term || r->unknown_place ||
         (r->merge != NULL && r->merge->conflicts->len > 0);
}

/* Puts back the version a merge set aside, from the conflict's row. */
static void
restore_clicked_cb (GtkButton         *button,
                    VigiaImportDialog *self)
{
  gint64 history_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "history-id"));
  g_autoptr(GError) error = NULL;

  if (vigia_library_restore_conflict (self->library, history_id, NULL, &error))
    {
      AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW));
      g_autofree char *subtitle = g_markup_escape_text (g_object_get_data (G_OBJECT (button), "restored"), -1);

      gtk_button_set_label (button, _("Restored"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), NULL);
      /* The row says what the library has now. */
      if (row != NULL)
        adw_action_row_set_subtitle (row, subtitle);
    }
  else
    {
      gtk_button_set_label (button, _("Could Not Restore"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), error->message);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

/* A row per conflict of a merge: the item, whose version was kept, and a
 * button that puts the other one back. */
static void
add_conflict_rows (VigiaImportDialog       *self,
                   const VigiaImportResult *r)
{
  for (guint i = 0; r->merge != NULL && i < r->merge->conflicts->len; i++)
    {
      const VigiaConflict *conflict = g_ptr_array_index (r->merge->conflicts, i);
      g_autofree char *title = NULL;
      g_autofree char *description = vigia_conflict_dup_description (conflict);
      g_autofree char *subtitle = g_markup_escape_text (description, -1);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore Other Version"));
      GtkWidget *row;

      /* Translators: a row of the import's results: "Conflict: Social, goal 3" */
      title = g_strdup_printf (_("Conflict: %s"), conflict->label);
      add_row (self, title, subtitle, "dialog-warning-symbolic", "warning", 0);
      row = g_ptr_array_index (self->rows, self->rows->len - 1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Put back the version set aside, as a change of yours"));
      g_object_set_data (G_OBJECT (button), "history-id", GSIZE_TO_POINTER ((gsize) conflict->history_id));
      /* Translators: a conflict's row once the other version is restored:
       * "Restored Ana Quispe’s version; Luis Mamani’s is in the history" */
      g_object_set_data_full (G_OBJECT (button), "restored",
                              g_strdup_printf (_("Restored %s’s version; %s’s is in the history"),
                                               conflict->other_by != NULL ? conflict->other_by : _("someone"),
                                               conflict->kept_by != NULL ? conflict->kept_by : _("someone")),
                              g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
}

static void
show_progress (VigiaImportDialog *self)
{
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_basename (current_file (self));

  self->state = "progress";
  /* Translators: "Importing 3 of 12" */
  text = g_strdup_printf (_("Importing %u of %u"), self->index + 1, self->queue->len);
  gtk_label_set_text (self->progress_label, text);
  gtk_label_set_text (self->file_label, name);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->index / self->queue->len);
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
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->close_button));

  /* What a stop left out is said, file by file. */
  for (guint i = 0; cancelled && self->queue != NULL && i < self->queue->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->queue, i);

      if (!entry->imported)
        add_row (self, entry->name, _("Not imported: the import was stopped before it."),
                 "action-unavailable-symbolic", "dim-label", 0);
    }

  if (cancelled)
    summary = g_strdup_printf (ngettext ("Stopped: %u plan imported before", "Stopped: %u plans imported before",
                                         self->n_imported), self->n_imported);
  else if (self->n_failed > 0)
    {
      g_autofree char *failed = g_strdup_printf (ngettext ("%u file could not be imported",
                                                           "%u files could not be imported",
                                                           self->n_failed), self->n_failed);
      g_autofree char *imported = g_strdup_printf (ngettext ("%u plan imported", "%u plans imported",
                                                             self->n_imported), self->n_imported);

      /* Translators: "14 plans imported · 1 file could not be imported" */
      summary = self->n_imported > 0 ? g_strdup_printf (_("%s · %s"), imported, failed) : g_steal_pointer (&failed);
    }
  else if (self->n_merged > 0 && self->n_merged == self->n_imported)
    summary = g_strdup_printf (ngettext ("%u plan merged", "%u plans merged", self->n_merged), self->n_merged);
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
  if (self->queue == NULL)
    return;

  name = g_file_get_basename (current_file (self));
  current_entry (self)->imported = results != NULL;
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
          if (r->merge != NULL && r->outcome == VIGIA_IMPORT_UPDATED)
            self->n_merged++;
          if (notes)
            self->n_notes++;
          if (self->first_plan_id == 0)
            self->first_plan_id = r->plan_id;
          add_row (self, name, text, notes ? "dialog-warning-symbolic" : "emblem-ok-symbolic",
                   notes ? "warning" : "success", r->plan_id);
          add_conflict_rows (self, r);
        }
    }

  self->index++;
  /* A stop asked for while this file went in comes now, after it. */
  if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    {
      finish (self, TRUE);
      return;
    }
  next_file (self);
}

static void
import_current (VigiaImportDialog        *self,
                const VigiaImportOptions *options)
{
  show_progress (self);
  /* Not cancellable: a file that has started goes in whole. */
  vigia_import_file_async (self->library, current_file (self), options, NULL,
                           imported_cb, g_object_ref (self));
}

static void
next_file (VigiaImportDialog *self)
{
  Entry *entry;

  if (self->index >= self->queue->len)
    {
      finish (self, FALSE);
      return;
    }

  entry = current_entry (self);
  if (entry->picker != NULL && vigia_place_picker_get_code (entry->picker) != NULL)
    {
      VigiaImportOptions options = { vigia_place_picker_get_code (entry->picker), 0, 0 };

      import_current (self, &options);
    }
  else
    {
      import_current (self, NULL);
    }
}

/* Lists first: importing them places the plans that come after. */
static void
start_import (VigiaImportDialog *self)
{
  self->queue = g_ptr_array_new ();
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->entries->len; i++)
      {
        Entry *entry = g_ptr_array_index (self->entries, i);

        if ((entry->format == VIGIA_FILE_TYPE_JNE_LISTS ||
             entry->format == VIGIA_FILE_TYPE_JNE_CANDIDATES) == (pass == 0))
          g_ptr_array_add (self->queue, entry);
      }

  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  self->index = 0;
  next_file (self);
}

/* ---------------------------------------------------------------------- */
/* The survey: every file read before anything is asked or written        */
/* ---------------------------------------------------------------------- */

static guint
election_depth (VigiaElection election)
{
  switch (election)
    {
    case VIGIA_ELECTION_REGIONAL:          return 1;
    case VIGIA_ELECTION_MUNICIPAL_PROVINCE: return 2;
    case VIGIA_ELECTION_MUNICIPAL_DISTRICT: return 3;
    case VIGIA_ELECTION_GENERAL:
    default:                                return 0;
    }
}

/* A plan without its goals: what the review shows and looks up. */
static VigiaPlan *
dup_plan_fields (VigiaPlan *plan)
{
  static const char * const names[] = {
    "uuid", "organization", "election", "process", "department", "province", "district", "ubigeo",
    "term-start", "term-end", "authority-name", "source-format", "source-reference", "source-digest",
  };
  VigiaPlan *copy = vigia_plan_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (plan), names[i], &value);
      g_object_set_property (G_OBJECT (copy), names[i], &value);
    }
  return copy;
}

static void
survey_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *entries = task_data;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      g_autoptr(VigiaPlan) first = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      first = vigia_survey_file (entry->file, &entry->format, &entry->lists, &entry->n_plans, cancellable,
                                 &entry->error);
      if (entry->error != NULL)
        continue;
      entry->plans = g_ptr_array_new_with_free_func (g_object_unref);
      if (first != NULL)
        g_ptr_array_add (entry->plans, dup_plan_fields (first));
    }
  g_task_return_boolean (task, TRUE);
}

/* The lists among the files and in the library that name @plan. */
static gboolean
place_from_lists (VigiaImportDialog *self,
                  VigiaPlan         *plan)
{
  gint64 ref = vigia_plan_get_jne_ref (plan);
  g_autoptr(GPtrArray) stored = NULL;

  if (ref == 0)
    return FALSE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      for (guint j = 0; entry->lists != NULL && j < entry->lists->len; j++)
        {
          const VigiaJneList *list = g_ptr_array_index (entry->lists, j);

          if (list->plan_ref == ref && vigia_jne_list_place_plan (list, plan))
            return TRUE;
        }
    }
  stored = vigia_library_find_jne_lists (self->library, ref, NULL);
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    if (vigia_jne_list_place_plan (g_ptr_array_index (stored, i), plan))
      return TRUE;
  return FALSE;
}

static void
look_up_entry (VigiaImportDialog *self,
               Entry             *entry)
{
  VigiaPlan *plan;

  if (entry->plans == NULL || entry->plans->len == 0)
    return;
  plan = g_ptr_array_index (entry->plans, 0);

  if (vigia_plan_get_uuid (plan) != NULL)
    entry->existing_id = vigia_library_lookup_plan (self->library, vigia_plan_get_uuid (plan), NULL);
  else if (vigia_plan_get_source_digest (plan) != NULL)
    entry->existing_id = vigia_library_lookup_digest (self->library, vigia_plan_get_source_digest (plan), NULL);
  entry->existing_id = MAX (entry->existing_id, 0);

  if (entry->format != VIGIA_FILE_TYPE_JNE_JSON || !vigia_str_empty (vigia_plan_get_department (plan)) ||
      vigia_plan_get_election (plan) == VIGIA_ELECTION_GENERAL)
    return;

  /* A plan already in the library with its place keeps it. */
  if (entry->existing_id > 0)
    {
      g_autoptr(VigiaPlan) stored = vigia_library_load_plan (self->library, entry->existing_id, NULL);

      if (stored != NULL && !vigia_str_empty (vigia_plan_get_department (stored)))
        {
          g_ptr_array_index (entry->plans, 0) = g_object_ref (stored);
          g_object_unref (plan);
          return;
        }
    }

  entry->placed_by_list = place_from_lists (self, plan);
  entry->needs_place = !entry->placed_by_list;
}

static char *
dup_plan_description (Entry *entry)
{
  VigiaPlan *plan = g_ptr_array_index (entry->plans, 0);
  g_autofree char *term = vigia_plan_has_term (plan) ? vigia_plan_dup_term_label (plan) : g_strdup (_("no term"));
  g_autofree char *place = vigia_plan_dup_place_label (plan);
  g_autofree char *where = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (entry->needs_place)
    where = g_strdup (_("No list names its place: choose it"));
  else if (entry->placed_by_list)
    /* Translators: a plan's place, found in the JNE's lists: "CUSCO (from the JNE's lists)" */
    where = g_strdup_printf (_("%s (from the JNE’s lists)"), place);
  else
    where = g_strdup (place);

  if (entry->existing_id > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->existing_id);

      status = g_strdup_printf (_("Already in the library as plan %s"), id);
    }
  else
    status = g_strdup (_("New"));

  /* Translators: what a file holds: file, election, process, term; then place and whether it is new */
  g_string_append_printf (text, _("%s · %s · %s · %s"), entry->name,
                          vigia_election_get_label (vigia_plan_get_election (plan)),
                          vigia_plan_get_process (plan) != NULL ? vigia_plan_get_process (plan) : "—", term);
  g_string_append_printf (text, "\n%s · %s", where, status);
  return g_markup_escape_text (text->str, -1);
}

static void update_review (VigiaImportDialog *self);

static void
picker_code_changed_cb (VigiaImportDialog *self)
{
  update_review (self);
}

static void
apply_to_all_clicked_cb (GtkButton         *button,
                         VigiaImportDialog *self)
{
  Entry *from = g_object_get_data (G_OBJECT (button), "entry");
  const char *code = vigia_place_picker_get_code (from->picker);

  if (code == NULL)
    return;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->picker != NULL && entry != from && vigia_place_picker_get_code (entry->picker) == NULL)
        vigia_place_picker_set_code (entry->picker, code);
    }
}

static void
add_plan_row (VigiaImportDialog *self,
              Entry             *entry)
{
  VigiaPlan *plan = g_ptr_array_index (entry->plans, 0);
  g_autofree char *description = dup_plan_description (entry);
  g_autofree char *title = g_markup_escape_text (vigia_plan_get_organization (plan), -1);

  if (entry->needs_place)
    {
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *apply = gtk_button_new_with_mnemonic (_("Use This Place for _Every Plan Without One"));
      GtkWidget *holder = gtk_list_box_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), description);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name ("mark-location-symbolic"));

      entry->picker = VIGIA_PLACE_PICKER (vigia_place_picker_new ());
      g_signal_connect_object (entry->picker, "notify::code", G_CALLBACK (picker_code_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (apply), "entry", entry);
      g_signal_connect_object (apply, "clicked", G_CALLBACK (apply_to_all_clicked_cb), self, 0);
      gtk_widget_set_halign (apply, GTK_ALIGN_END);

      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry->picker));
      gtk_box_append (GTK_BOX (box), apply);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), holder);
      entry->row = row;
    }
  else
    {
      GtkWidget *row = adw_action_row_new ();
      const char *icon = entry->existing_id > 0 ? "emblem-default-symbolic" : "document-new-symbolic";

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
      entry->row = row;
    }
  adw_preferences_group_add (self->plans_group, entry->row);
}

static void
add_other_row (VigiaImportDialog *self,
               Entry             *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (entry->name, -1);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (entry->error != NULL)
    {
      subtitle = g_markup_escape_text (entry->error->message, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-error-symbolic"));
      adw_preferences_group_add (self->unreadable_group, row);
    }
  else
    {
      g_autofree char *text = entry->format == VIGIA_FILE_TYPE_JNE_CANDIDATES ?
                              g_strdup_printf (ngettext ("The candidates of %u list: its head is the authority",
                                                         "The candidates of %u lists: their heads are the authorities",
                                                         entry->lists->len), entry->lists->len) :
                              g_strdup_printf (ngettext ("%u JNE candidate list", "%u JNE candidate lists",
                                                         entry->lists->len), entry->lists->len);

      subtitle = g_markup_escape_text (text, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("view-list-symbolic"));
      adw_preferences_group_add (self->lists_group, row);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  entry->row = row;
}

/* The counts above the rows, and whether a chosen place fits its plan. */
static void
update_review (VigiaImportDialog *self)
{
  guint n_plans = 0, n_placed = 0, n_unplaced = 0, n_present = 0, n_unreadable = 0, n_lists = 0;
  g_autofree char *title = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->error != NULL)
        n_unreadable++;
      else if (is_lists_file (entry))
        n_lists++;
      else
        {
          n_plans += entry->n_plans;
          n_placed += entry->placed_by_list;
          n_present += entry->existing_id > 0;
        }

      if (entry->picker != NULL)
        {
          VigiaPlan *plan = g_ptr_array_index (entry->plans, 0);
          const char *code = vigia_place_picker_get_code (entry->picker);
          guint wanted = election_depth (vigia_plan_get_election (plan));
          g_autofree char *description = dup_plan_description (entry);

          if (code == NULL)
            n_unplaced++;
          if (code != NULL && wanted != 0 && strlen (code) / 2 != wanted)
            {
              g_autofree char *problem = g_markup_escape_text (wanted == 1 ? _("A regional plan’s place is a department.") :
                                                               wanted == 2 ? _("A provincial plan’s place is a province.") :
                                                                             _("A district plan’s place is a district."), -1);
              g_autofree char *text = g_strdup_printf ("%s\n⚠ %s", description,
                                                       problem);

              adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (entry->row), text);
            }
          else
            {
              adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (entry->row), description);
            }
        }
    }

  title = g_strdup_printf (ngettext ("%u file to import", "%u files to import", self->entries->len),
                           self->entries->len);
  gtk_label_set_text (self->review_title, title);

  g_string_append_printf (summary, ngettext ("%u plan", "%u plans", n_plans), n_plans);
  if (n_lists > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, ngettext ("%u file of lists", "%u files of lists", n_lists), n_lists);
    }
  if (n_placed > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, ngettext ("%u placed by the lists", "%u placed by the lists", n_placed),
                              n_placed);
    }
  if (n_unplaced > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, ngettext ("%u without a place", "%u without a place", n_unplaced),
                              n_unplaced);
    }
  if (n_present > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, ngettext ("%u already in the library", "%u already in the library",
                                                 n_present), n_present);
    }
  if (n_unreadable > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, ngettext ("%u unreadable", "%u unreadable", n_unreadable), n_unreadable);
    }
  gtk_label_set_text (self->review_summary, summary->str);
}

static void
show_review (VigiaImportDialog *self)
{
  gboolean any_plans = FALSE, any_lists = FALSE, any_unreadable = FALSE;

  /* The plans that need a place come first: what is left to do is on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->entries->len; i++)
      {
        Entry *entry = g_ptr_array_index (self->entries, i);

        if (entry->error == NULL && !is_lists_file (entry) && entry->plans->len > 0 &&
            entry->needs_place == (pass == 0))
          {
            add_plan_row (self, entry);
            any_plans = TRUE;
          }
      }
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->error != NULL || is_lists_file (entry))
        {
          add_other_row (self, entry);
          any_lists = any_lists || is_lists_file (entry);
          any_unreadable = any_unreadable || entry->error != NULL;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plans_group), any_plans);
  gtk_widget_set_visible (GTK_WIDGET (self->lists_group), any_lists);
  gtk_widget_set_visible (GTK_WIDGET (self->unreadable_group), any_unreadable);
  update_review (self);

  self->state = "review";
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  gtk_stack_set_visible_child_name (self->stack, "review");
  gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

static void
surveyed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VigiaImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean from_jne = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || self->entries == NULL)
    {
      if (self->entries != NULL)
        finish (self, TRUE);
      return;
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      look_up_entry (self, entry);
      from_jne = from_jne || entry->format == VIGIA_FILE_TYPE_JNE_JSON ||
                 entry->format == VIGIA_FILE_TYPE_JNE_LISTS || entry->format == VIGIA_FILE_TYPE_JNE_CANDIDATES;
    }

  /* Summaries and Vigía documents say where they are from: nothing to show
   * before importing them. */
  if (from_jne)
    show_review (self);
  else
    start_import (self);
}

static void
start_survey (VigiaImportDialog *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, surveyed_cb, g_object_ref (self));

  self->state = "survey";
  gtk_label_set_text (self->progress_label, _("Reading the files…"));
  gtk_label_set_text (self->file_label, "");
  gtk_progress_bar_pulse (self->progress_bar);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  g_task_set_task_data (task, g_ptr_array_ref (self->entries), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, survey_thread);
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

/* A place chosen that does not fit its plan's election stops the import
 * before it starts, and the row says why. */
static gboolean
places_fit (VigiaImportDialog *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      const char *code = entry->picker != NULL ? vigia_place_picker_get_code (entry->picker) : NULL;
      guint wanted;

      if (code == NULL)
        continue;
      wanted = election_depth (vigia_plan_get_election (g_ptr_array_index (entry->plans, 0)));
      if (wanted != 0 && strlen (code) / 2 != wanted)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (entry->row), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (entry->picker));
          return FALSE;
        }
    }
  return TRUE;
}

static void
import_clicked_cb (VigiaImportDialog *self)
{
  if (g_strcmp0 (self->state, "review") == 0 && places_fit (self))
    start_import (self);
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
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, review_title);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, review_summary);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, plans_group);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, lists_group);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, unreadable_group);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaImportDialog, results_group);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigia_import_dialog_init (VigiaImportDialog *self)
{
  self->rows = g_ptr_array_new ();
  self->state = "none";

  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));
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
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->file = g_list_model_get_item (files, i);
      entry->name = g_file_get_basename (entry->file);
      g_ptr_array_add (self->entries, entry);
    }

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

  if (self->entries->len == 0)
    finish (self, FALSE);
  else
    start_survey (self);
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

  /* Nothing was written yet: the dialog just goes. */
  if (g_strcmp0 (self->state, "review") == 0 || g_strcmp0 (self->state, "survey") == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  g_cancellable_cancel (self->cancellable);
}

/**
 * vigia_import_dialog_import:
 *
 * Imports what the review shows, as its Import button does.
 */
void
vigia_import_dialog_import (VigiaImportDialog *self)
{
  g_return_if_fail (VIGIA_IS_IMPORT_DIALOG (self));
  import_clicked_cb (self);
}

guint
vigia_import_dialog_get_n_entries (VigiaImportDialog *self)
{
  g_return_val_if_fail (VIGIA_IS_IMPORT_DIALOG (self), 0);
  return self->entries->len;
}

/**
 * vigia_import_dialog_get_entry_text:
 *
 * Returns: (transfer full): what the review's row of the @position-th file
 *   says, title and subtitle (markup) on two lines
 */
char *
vigia_import_dialog_get_entry_text (VigiaImportDialog *self,
                                    guint              position)
{
  Entry *entry;
  const char *subtitle;

  g_return_val_if_fail (VIGIA_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  entry = g_ptr_array_index (self->entries, position);
  if (entry->row == NULL)
    return NULL;
  subtitle = ADW_IS_EXPANDER_ROW (entry->row) ? adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (entry->row))
                                               : adw_action_row_get_subtitle (ADW_ACTION_ROW (entry->row));
  return g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry->row)), subtitle);
}

/**
 * vigia_import_dialog_get_picker:
 *
 * Returns: (transfer none) (nullable): the place picker of the @position-th
 *   file, which only a plan that no list places has
 */
VigiaPlacePicker *
vigia_import_dialog_get_picker (VigiaImportDialog *self,
                                guint              position)
{
  g_return_val_if_fail (VIGIA_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return ((Entry *) g_ptr_array_index (self->entries, position))->picker;
}

/**
 * vigia_import_dialog_apply_place_to_all:
 *
 * Gives every plan without a place the place chosen for the
 * @position-th file, as the button under its picker does.
 */
void
vigia_import_dialog_apply_place_to_all (VigiaImportDialog *self,
                                        guint              position)
{
  Entry *entry;
  g_autoptr(GtkWidget) button = NULL;

  g_return_if_fail (VIGIA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (position < self->entries->len);

  entry = g_ptr_array_index (self->entries, position);
  g_return_if_fail (entry->picker != NULL);
  button = g_object_ref_sink (gtk_button_new ());
  g_object_set_data (G_OBJECT (button), "entry", entry);
  apply_to_all_clicked_cb (GTK_BUTTON (button), self);
}

/**
 * vigia_import_dialog_get_state:
 *
 * Returns: "survey" (reading the files), "review" (what they hold, before
 *   importing), "progress", "results", or "none" before the start
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
