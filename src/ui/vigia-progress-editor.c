/* vigia-progress-editor.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records one target's progress in one semester, for the authority or for
 * observers: the value in the goal's unit, the status, the date, a note
 * and the evidence (addresses or files).  Made for entering a whole
 * semester by keyboard: it opens on the value, Alt and a letter picks a
 * status, and Enter saves (one step of the plan's undo stack) and tells
 * the grid to go on to the next goal.  Enter on an untouched new entry
 * saves nothing: the goal is skipped.
 */
#define G_LOG_DOMAIN "vigia-progress-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-accessible-names.h"
#include "vigia-progress-editor-private.h"
#include "vigia-number.h"

struct _VigiaProgressEditor
{
  GtkPopover        parent_instance;

  GtkLabel         *heading_label;
  GtkLabel         *goal_label;
  GtkLabel         *future_label;
  GtkToggleButton  *authority_toggle;
  GtkToggleButton  *observer_toggle;
  GtkEntry         *value_entry;
  GtkLabel         *unit_label;
  GtkGrid          *status_grid;
  GtkExpander      *details_expander;
  GtkEntry         *date_entry;
  GtkLabel         *recorded_by_label;
  GtkTextView      *note_view;
  GtkBox           *evidence_box;
  GtkButton        *add_link_button;
  GtkButton        *add_file_button;
  GtkLabel         *error_label;
  GtkButton        *delete_button;
  GtkButton        *save_button;
  GtkLabel         *enter_hint_label;
  GtkToggleButton  *status_toggles[VIGIA_N_STATUSES];

  /* The page's, not kept: GTK 4.8 never lets go of a popover that is open
   * when its window is destroyed, and the stack would keep the plan and the
   * library with it. */
  VigiaUndoStack   *undo_stack;
  VigiaGoal        *goal;
  VigiaTarget      *target;
  char             *period;
  VigiaSource       source;
  /* The entry's date as stored, and the day the date field showed for it:
   * a day left alone keeps the stored date whole. */
  char             *recorded;
  char             *shown_day;
  /* What the fields said when loaded, to tell an untouched entry. */
  char             *loaded_state;
  gboolean          loading;
  /* The semester is still to come, and whether that was said on a save */
  gboolean          future;
  gboolean          future_asked;
  /* The value was typed before the editor showed: it is not selected. */
  gboolean          typed;
};

G_DEFINE_FINAL_TYPE (VigiaProgressEditor, vigia_progress_editor, GTK_TYPE_POPOVER)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/**
 * vigia_progress_editor_status_mnemonic:
 *
 * The statuses with a mnemonic each: Alt and the letter picks one from the
 * value field.
 *
 * Returns: the status's label with its mnemonic, in the language shown
 */
const char *
vigia_progress_editor_status_mnemonic (VigiaStatus status)
{
  switch (status)
    {
    case VIGIA_STATUS_NOT_RATED:   return C_("status", "Not _rated");
    case VIGIA_STATUS_IN_PROGRESS: return C_("status", "_In progress");
    case VIGIA_STATUS_STALLED:     return C_("status", "_Stalled");
    case VIGIA_STATUS_PARTLY_KEPT: return C_("status", "_Partly kept");
    case VIGIA_STATUS_KEPT:        return C_("status", "_Kept");
    case VIGIA_STATUS_BROKEN:      return C_("status", "_Broken");
    default:                       g_return_val_if_reached (NULL);
    }
}

/**
 * vigia_progress_editor_source_mnemonic:
 *
 * Returns: the source's label with its mnemonic, in the language shown
 */
const char *
vigia_progress_editor_source_mnemonic (VigiaSource source)
{
  return source == VIGIA_SOURCE_OBSERVER ? _("_Observer") : _("_Authority");
}

static char *
dup_note (VigiaProgressEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return vigia_text_strip (text);
}

static GStrv
dup_evidence (VigiaProgressEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = gtk_widget_get_first_child (row);
      g_autofree char *text = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (entry)));

      if (!vigia_str_empty (text))
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

/* Everything the fields say, as one string. */
static char *
dup_state (VigiaProgressEditor *self)
{
  g_autofree char *note = dup_note (self);
  g_auto(GStrv) evidence = dup_evidence (self);
  g_autofree char *joined = g_strjoinv ("\n", evidence);

  return g_strdup_printf ("%s\x1f%d\x1f%s\x1f%s\x1f%s", gtk_editable_get_text (GTK_EDITABLE (self->value_entry)),
                          vigia_progress_editor_get_status (self),
                          gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                          note != NULL ? note : "", joined);
}

static void
show_error (VigiaProgressEditor *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
remove_evidence_cb (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkBox *box = GTK_BOX (gtk_widget_get_parent (row));
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL)
    next = gtk_widget_get_prev_sibling (row);
  gtk_box_remove (box, row);
  /* The keyboard stays in the list rather than falling out of the popover. */
  if (next != NULL)
    gtk_widget_grab_focus (gtk_widget_get_first_child (next));
}

/* A read-only library's entries are shown to be read and copied. */
static gboolean
is_read_only (VigiaProgressEditor *self)
{
  return self->undo_stack != NULL && vigia_undo_stack_is_read_only (self->undo_stack);
}

static GtkWidget *
add_evidence_row (VigiaProgressEditor *self,
                  const char          *reference)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), reference != NULL ? reference : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://…");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove Evidence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Evidence"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_evidence_cb), NULL);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (self->evidence_box, row);
  gtk_editable_set_editable (GTK_EDITABLE (entry), !is_read_only (self));
  gtk_widget_set_visible (remove, !is_read_only (self));
  return entry;
}

/* Fills the fields with the goal's entry of the semester for @source, or
 * with what a new one starts from. */
static void
load (VigiaProgressEditor *self)
{
  VigiaProgress *entry = vigia_target_find_progress (self->target, self->period, self->source);
  GtkTextBuffer *note = gtk_text_view_get_buffer (self->note_view);
  VigiaStatus status = VIGIA_STATUS_NOT_RATED;
  GtkWidget *child;

  self->loading = TRUE;

  gtk_toggle_button_set_active (self->source == VIGIA_SOURCE_OBSERVER ? self->observer_toggle
                                                                      : self->authority_toggle, TRUE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_box))) != NULL)
    gtk_box_remove (self->evidence_box, child);
  g_clear_pointer (&self->recorded, g_free);
  g_clear_pointer (&self->shown_day, g_free);

  if (entry != NULL)
    {
      double value = vigia_progress_get_value (entry);
      const char * const *evidence = vigia_progress_get_evidence (entry);
      g_autofree char *number = VIGIA_HAS_VALUE (value) ? vigia_number_format (value, 6) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->value_entry), number != NULL ? number : "");
      status = vigia_progress_get_status (entry);
      gtk_text_buffer_set_text (note, vigia_progress_get_note (entry) != NULL ? vigia_progress_get_note (entry) : "", -1);
      for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
        add_evidence_row (self, evidence[i]);
      self->recorded = g_strdup (vigia_progress_get_recorded (entry));
      if (self->recorded != NULL)
        self->shown_day = g_strndup (self->recorded, 10);
      if (vigia_progress_get_stamp (entry)->edited_by != NULL)
        {
          /* Translators: in an entry's details: "Recorded by Ana Quispe" */
          g_autofree char *who = g_strdup_printf (_("Recorded by %s"), vigia_progress_get_stamp (entry)->edited_by);

          gtk_label_set_text (self->recorded_by_label, who);
        }
    }
  else
    {
      /* A status holds from one semester to the next until it is changed:
       * a new entry starts from the target's latest one. */
      VigiaProgress *before = vigia_target_find_latest_progress (self->target, self->period, self->source);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if (before != NULL)
        status = vigia_progress_get_status (before);
      gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
      gtk_text_buffer_set_text (note, "", -1);
      self->shown_day = g_date_time_format (now, "%Y-%m-%d");
    }

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), self->shown_day != NULL ? self->shown_day : "");
  gtk_widget_set_visible (GTK_WIDGET (self->recorded_by_label),
                          entry != NULL && vigia_progress_get_stamp (entry)->edited_by != NULL);
  /* What is there is shown; the quick way through is the value and status. */
  gtk_expander_set_expanded (self->details_expander,
                             entry != NULL && (!vigia_str_empty (vigia_progress_get_note (entry)) ||
                                               vigia_progress_get_evidence (entry) != NULL));
  gtk_toggle_button_set_active (self->status_toggles[status], TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), entry != NULL && !is_read_only (self));
  show_error (self, NULL);

  g_free (self->loaded_state);
  self->loaded_state = entry == NULL ? dup_state (self) : NULL;

  self->loading = FALSE;
}

static void
source_toggled_cb (VigiaProgressEditor *self)
{
  VigiaSource source = gtk_toggle_button_get_active (self->observer_toggle) ? VIGIA_SOURCE_OBSERVER
                                                                            : VIGIA_SOURCE_AUTHORITY;

  if (self->loading || source == self->source)
    return;
  vigia_progress_editor_set_source (self, source);
}

static void
add_link_cb (VigiaProgressEditor *self)
{
  gtk_widget_grab_focus (add_evidence_row (self, NULL));
}

static void
file_chosen_cb (GtkNativeDialog     *chooser,
                int                  response,
                VigiaProgressEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *uri = path == NULL ? g_file_get_uri (file) : NULL;

      vigia_progress_editor_add_evidence (self, path != NULL ? path : uri);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_file_cb (VigiaProgressEditor *self)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  chooser = gtk_file_chooser_native_new (_("Choose the Evidence"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_clicked_cb (VigiaProgressEditor *self)
{
  vigia_progress_editor_save (self);
}

static void
delete_clicked_cb (VigiaProgressEditor *self)
{
  vigia_progress_editor_delete (self);
}

/* Enter saves from anywhere but the note (where Ctrl+Enter does) and the
 * buttons that do something else. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VigiaProgressEditor   *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL)
    {
      if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_view)) || focus == GTK_WIDGET (self->note_view))
        {
          if ((state & GDK_CONTROL_MASK) == 0)
            return FALSE;
        }
      else if (GTK_IS_BUTTON (focus) && !GTK_IS_TOGGLE_BUTTON (focus))
        return FALSE;
    }

  vigia_progress_editor_save (self);
  return TRUE;
}

static void
vigia_progress_editor_map (GtkWidget *widget)
{
  VigiaProgressEditor *self = VIGIA_PROGRESS_EDITOR (widget);

  GTK_WIDGET_CLASS (vigia_progress_editor_parent_class)->map (widget);

  /* Ready for the value, typed over what is there, or after what was
   * typed already. */
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
  if (self->typed)
    gtk_editable_set_position (GTK_EDITABLE (self->value_entry), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->value_entry), 0, -1);
}

static void
vigia_progress_editor_dispose (GObject *object)
{
  VigiaProgressEditor *self = (VigiaProgressEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PROGRESS_EDITOR);
  g_clear_weak_pointer (&self->undo_stack);
  g_clear_object (&self->target);
  g_clear_object (&self->goal);

  G_OBJECT_CLASS (vigia_progress_editor_parent_class)->dispose (object);
}

static void
vigia_progress_editor_finalize (GObject *object)
{
  VigiaProgressEditor *self = (VigiaProgressEditor *)object;

  g_free (self->period);
  g_free (self->recorded);
  g_free (self->shown_day);
  g_free (self->loaded_state);

  G_OBJECT_CLASS (vigia_progress_editor_parent_class)->finalize (object);
}

static void
vigia_progress_editor_class_init (VigiaProgressEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_progress_editor_dispose;
  object_class->finalize = vigia_progress_editor_finalize;

  widget_class->map = vigia_progress_editor_map;

  /**
   * VigiaProgressEditor::saved:
   *
   * Emitted when Enter or Save recorded the entry (or found nothing to
   * record): the grid goes on to the next goal.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  /**
   * VigiaProgressEditor::deleted:
   *
   * Emitted when the entry was deleted, as the newest step of the stack.
   */
  signals[DELETED] = g_signal_new ("deleted",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-progress-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, goal_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, authority_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, observer_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, value_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, unit_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, status_grid);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, details_expander);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, recorded_by_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, add_file_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, future_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, enter_hint_label);
}

static void
vigia_progress_editor_init (VigiaProgressEditor *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));

  gtk_button_set_label (GTK_BUTTON (self->authority_toggle), vigia_progress_editor_source_mnemonic (VIGIA_SOURCE_AUTHORITY));
  gtk_button_set_label (GTK_BUTTON (self->observer_toggle), vigia_progress_editor_source_mnemonic (VIGIA_SOURCE_OBSERVER));
  for (VigiaStatus status = 0; status < VIGIA_N_STATUSES; status++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_mnemonic (vigia_progress_editor_status_mnemonic (status));

      if (status > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->status_toggles[0]);
      gtk_grid_attach (self->status_grid, toggle, status % 2, status / 2, 1, 1);
      self->status_toggles[status] = GTK_TOGGLE_BUTTON (toggle);
    }

  /* Either may say it last when the other is pressed. */
  g_signal_connect_swapped (self->authority_toggle, "toggled", G_CALLBACK (source_toggled_cb), self);
  g_signal_connect_swapped (self->observer_toggle, "toggled", G_CALLBACK (source_toggled_cb), self);
  g_signal_connect_swapped (self->add_link_button, "clicked", G_CALLBACK (add_link_cb), self);
  g_signal_connect_swapped (self->add_file_button, "clicked", G_CALLBACK (add_file_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * vigia_progress_editor_new:
 * @undo_stack: the open plan's stack, that saves the entry
 * @target: a target of a goal of its plan
 * @period: the semester
 * @source: whose entry is edited first
 */
GtkWidget *
vigia_progress_editor_new (VigiaUndoStack *undo_stack,
                           VigiaTarget    *target,
                           const char     *period,
                           VigiaSource     source)
{
  VigiaGoal *goal;
  guint position = 0;
  VigiaProgressEditor *self;
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  const char *unit;
  const char *text;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), NULL);
  g_return_val_if_fail (VIGIA_IS_GOAL (vigia_target_get_goal (target)), NULL);
  g_return_val_if_fail (vigia_period_is_valid (period), NULL);

  goal = vigia_target_get_goal (target);
  self = g_object_new (VIGIA_TYPE_PROGRESS_EDITOR, NULL);
  g_set_weak_pointer (&self->undo_stack, undo_stack);
  self->goal = g_object_ref (goal);
  self->target = g_object_ref (target);
  self->period = g_strdup (period);
  self->source = source;

  label = vigia_period_dup_label (period);
  if (vigia_goal_get_n_targets (goal) > 1 && vigia_goal_get_target_position (goal, target, &position))
    {
      /* Translators: the heading of the entry editor of one of a goal's
       * targets: "Target 2.1 · 1st half 2024" */
      heading = g_strdup_printf (_("Target %u.%u · %s"), vigia_goal_get_number (goal), position + 1, label);
      text = vigia_target_get_text (target);
    }
  else
    {
      /* Translators: the heading of the entry editor: "Goal 2 · 1st half 2024" */
      heading = g_strdup_printf (_("Goal %u · %s"), vigia_goal_get_number (goal), label);
      text = vigia_goal_get_indicator (goal);
      if (vigia_str_empty (text))
        text = vigia_goal_get_objective (goal);
    }
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->goal_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->goal_label), !vigia_str_empty (text));

  unit = vigia_target_get_measure (target) == VIGIA_MEASURE_PERCENT ||
         vigia_target_get_measure (target) == VIGIA_MEASURE_PERCENT_CHANGE ? "%" :
         vigia_target_get_unit (target);
  gtk_label_set_text (self->unit_label, unit != NULL ? unit : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit_label), unit);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), !vigia_str_empty (unit));

  if (vigia_undo_stack_is_read_only (undo_stack))
    {
      gtk_editable_set_editable (GTK_EDITABLE (self->value_entry), FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->date_entry), FALSE);
      gtk_text_view_set_editable (self->note_view, FALSE);
      gtk_text_view_set_cursor_visible (self->note_view, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->status_grid), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->add_link_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->add_file_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->enter_hint_label), FALSE);
    }
  load (self);
  return GTK_WIDGET (self);
}

VigiaGoal *
vigia_progress_editor_get_goal (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), NULL);
  return self->goal;
}

VigiaTarget *
vigia_progress_editor_get_target (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), NULL);
  return self->target;
}

const char *
vigia_progress_editor_get_period (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), NULL);
  return self->period;
}

VigiaSource
vigia_progress_editor_get_source (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), VIGIA_SOURCE_AUTHORITY);
  return self->source;
}

/**
 * vigia_progress_editor_set_source:
 *
 * Shows the entry of @source instead, as it is saved.
 */
void
vigia_progress_editor_set_source (VigiaProgressEditor *self,
                                  VigiaSource          source)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));

  self->source = source;
  load (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->value_entry), 0, -1);
    }
}

VigiaStatus
vigia_progress_editor_get_status (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), VIGIA_STATUS_NOT_RATED);

  for (VigiaStatus status = 0; status < VIGIA_N_STATUSES; status++)
    if (gtk_toggle_button_get_active (self->status_toggles[status]))
      return status;
  return VIGIA_STATUS_NOT_RATED;
}

void
vigia_progress_editor_set_status (VigiaProgressEditor *self,
                                  VigiaStatus          status)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));
  g_return_if_fail (status < VIGIA_N_STATUSES);

  gtk_toggle_button_set_active (self->status_toggles[status], TRUE);
}

/**
 * vigia_progress_editor_type_value:
 * @text: what was typed
 *
 * Puts @text in the value field in place of what was there, as if typed
 * there: the figure a user typed on a cell of the grid.
 */
void
vigia_progress_editor_type_value (VigiaProgressEditor *self,
                                  const char          *text)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));
  g_return_if_fail (text != NULL);

  self->typed = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->value_entry), -1);
}

/**
 * vigia_progress_editor_add_evidence:
 * @reference: an address or a file
 *
 * Adds a row of evidence saying @reference, as Add File… does.
 */
void
vigia_progress_editor_add_evidence (VigiaProgressEditor *self,
                                    const char          *reference)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));
  add_evidence_row (self, reference);
}

/**
 * vigia_progress_editor_set_future:
 * @future: whether the semester is still to come
 * @asked: whether the user was already asked about such a semester, and
 *   said to go on
 *
 * A semester still to come is marked as such, and its first save only
 * asks for a second, unless @asked.
 */
void
vigia_progress_editor_set_future (VigiaProgressEditor *self,
                                  gboolean             future,
                                  gboolean             asked)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));

  self->future = future;
  self->future_asked = asked;
  gtk_widget_set_visible (GTK_WIDGET (self->future_label), future);
}

/**
 * vigia_progress_editor_get_future_asked:
 *
 * Returns: whether the user was asked about a semester still to come
 */
gboolean
vigia_progress_editor_get_future_asked (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), FALSE);
  return self->future && self->future_asked;
}

/**
 * vigia_progress_editor_save:
 *
 * Saves what the fields say as the goal's entry, what Enter does.  A value
 * that is not a number or a date that is not a day is said in the popover,
 * and nothing is saved.  A new entry left untouched is not saved.
 *
 * Returns: whether the fields were good (and #VigiaProgressEditor::saved
 *   was emitted)
 */
gboolean
vigia_progress_editor_save (VigiaProgressEditor *self)
{
  g_autoptr(VigiaProgress) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *day = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *note = NULL;
  g_autofree char *state = NULL;
  g_auto(GStrv) evidence = NULL;
  double value = VIGIA_NO_VALUE;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), FALSE);
  /* Enter on an entry of a read-only library has read it. */
  if (is_read_only (self))
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return FALSE;
    }
  /* Its page, and the plan's stack, are gone. */
  if (self->undo_stack == NULL)
    return FALSE;

  state = dup_state (self);
  if (self->loaded_state != NULL && g_str_equal (state, self->loaded_state))
    {
      g_signal_emit (self, signals[SAVED], 0);
      return TRUE;
    }

  value_text = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->value_entry)));
  if (!vigia_str_empty (value_text) && !vigia_number_parse (value_text, &value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number"), value_text);

      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
      return FALSE;
    }

  day = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  if (self->recorded != NULL && g_strcmp0 (day, self->shown_day) == 0)
    recorded = g_strdup (self->recorded);
  else if (!vigia_str_empty (day) && g_strcmp0 (day, self->shown_day) != 0 &&
           (recorded = vigia_progress_parse_date (day, &error)) == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return FALSE;
    }

  /* A figure for a semester still to come is a slip as often as a
   * forecast: the first save says so, the next one saves. */
  if (self->future && !self->future_asked)
    {
      self->future_asked = TRUE;
      show_error (self, _("This semester has not begun yet: save again to record a figure for it all the same."));
      return FALSE;
    }

  note = dup_note (self);
  evidence = dup_evidence (self);

  entry = vigia_progress_new (self->period, self->source);
  vigia_progress_set_value (entry, value);
  vigia_progress_set_status (entry, vigia_progress_editor_get_status (self));
  vigia_progress_set_note (entry, vigia_str_empty (note) ? NULL : note);
  vigia_progress_set_evidence (entry, evidence[0] != NULL ? (const char * const *) evidence : NULL);
  /* A new entry dated today is dated when it is saved. */
  vigia_progress_set_recorded (entry, recorded);

  if (!vigia_undo_stack_save_progress (self->undo_stack, self->goal, self->target, entry, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The entry could not be saved: %s"), error->message);

      show_error (self, message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * vigia_progress_editor_delete:
 *
 * Deletes the target's entry of the semester for the source shown, as one
 * step of the stack.
 *
 * Returns: whether it was deleted (and #VigiaProgressEditor::deleted emitted)
 */
gboolean
vigia_progress_editor_delete (VigiaProgressEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), FALSE);

  if (self->undo_stack == NULL || is_read_only (self) ||
      vigia_target_find_progress (self->target, self->period, self->source) == NULL)
    return FALSE;

  if (!vigia_undo_stack_delete_progress (self->undo_stack, self->goal, self->target, self->period, self->source,
                                         &error))
    {
      g_autofree char *message = g_strdup_printf (_("The entry could not be deleted: %s"), error->message);

      show_error (self, message);
      return FALSE;
    }

  g_signal_emit (self, signals[DELETED], 0);
  return TRUE;
}

/**
 * vigia_progress_editor_get_error:
 *
 * Returns: (nullable): what the popover says is wrong, or %NULL
 */
const char *
vigia_progress_editor_get_error (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
