/* vigia-target-editor.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Value, unit, measure, direction, baseline, its year and weight of one
 * of a goal's targets.  The weight is the goal's where it has one target,
 * else the target's within its goal (docs/assessment.md, "Roll-ups").  Saving is the user confirming the reading, so it marks it
 * reviewed, all fields in one undo step; a wrong field is named and nothing
 * is saved.
 */
#define G_LOG_DOMAIN "vigia-target-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-accessible-names.h"
#include "vigia-popover-fit.h"
#include "vigia-target-editor-private.h"
#include "vigia-number.h"

struct _VigiaTargetEditor
{
  GtkPopover      parent_instance;

  GtkLabel       *target_text_label;
  GtkEntry       *value_entry;
  GtkEntry       *unit_entry;
  GtkDropDown    *measure_dropdown;
  GtkDropDown    *direction_dropdown;
  GtkEntry       *baseline_entry;
  GtkEntry       *baseline_year_entry;
  GtkSpinButton  *weight_spin;
  GtkLabel       *state_label;
  GtkLabel       *error_label;
  GtkButton      *cancel_button;
  GtkButton      *save_button;

  /* The chip's, not kept: GTK 4.8 never lets go of a popover that is open
   * when its window is destroyed, and the stack would keep the plan and
   * the library with it. */
  VigiaUndoStack *undo_stack;
  VigiaGoal      *goal;
  VigiaTarget    *target;
};

G_DEFINE_FINAL_TYPE (VigiaTargetEditor, vigia_target_editor, GTK_TYPE_POPOVER)

/* The reading's fields, in the order of the editor: set on the goal where
 * it has one target (its weight is then the goal's), else on the target. */
static const char *goal_fields[] = {
  "target-value", "target-unit", "target-measure", "target-direction",
  "baseline-value", "baseline-year", "weight", "target-reading",
};
static const char *target_fields[] = {
  "value", "unit", "measure", "direction", "baseline-value", "baseline-year", "weight", "reading",
};

G_STATIC_ASSERT (G_N_ELEMENTS (goal_fields) == G_N_ELEMENTS (target_fields));

static gboolean
edits_goal (VigiaTargetEditor *self)
{
  return vigia_goal_get_n_targets (self->goal) == 1;
}

static void
set_number_text (GtkEntry *entry,
                 double    value)
{
  g_autofree char *text = VIGIA_HAS_VALUE (value) ? vigia_number_format (value, 6) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
show_error (VigiaTargetEditor *self,
            GtkEntry        *entry,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (entry != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (entry));
    }
}

static void
clear_errors (VigiaTargetEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->baseline_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->baseline_year_entry), "error");
}

/* Reads an optional number: blank is "not known". */
static gboolean
read_number (GtkEntry *entry,
             double   *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (vigia_str_empty (text))
    {
      *value = VIGIA_NO_VALUE;
      return TRUE;
    }
  return vigia_number_parse (text, value);
}

static gboolean
is_read_only (VigiaTargetEditor *self)
{
  return self->undo_stack != NULL && vigia_undo_stack_is_read_only (self->undo_stack);
}

/* No wider than its window, less a margin each side: its texts wrap.
 *
 * GTK 4.8 works out a popover's height for a width with its content a
 * little wider than the popover then lays it out: a text that wraps there
 * comes out a line short, and the popover cuts off its last line.  The
 * height is the content's at the width its frame leaves it, and the
 * frame's. */
static void
vigia_target_editor_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GtkWidgetClass *parent_class = GTK_WIDGET_CLASS (vigia_target_editor_parent_class);
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (widget));
  int room = vigia_popover_get_window_size (widget, GTK_ORIENTATION_HORIZONTAL) - 2 * VIGIA_POPOVER_MARGIN;

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && child != NULL)
    {
      int child_width, frame_width, frame_height, child_min, child_nat;

      vigia_popover_measure_frame (widget, parent_class, &child_width, &frame_width, &frame_height);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (for_size - frame_width, child_width),
                          &child_min, &child_nat, NULL, NULL);
      *minimum = child_min + frame_height;
      *natural = child_nat + frame_height;
      if (minimum_baseline != NULL)
        *minimum_baseline = -1;
      if (natural_baseline != NULL)
        *natural_baseline = -1;
      return;
    }

  parent_class->measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && room > 0)
    *natural = MAX (*minimum, MIN (*natural, room));
}

/* Under its chip (or over it), moved sideways as far as needed to stay
 * in the window: a chip near the window's side would have it stick out. */
static void
fit_in_window (GtkPopover *popover)
{
  GtkWidget *widget = GTK_WIDGET (popover);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  int window = vigia_popover_get_window_size (widget, GTK_ORIENTATION_HORIZONTAL);
  GtkPositionType position = gtk_popover_get_position (popover);
  graphene_point_t centre;
  int min_width = 0;
  int width = 0;
  int baseline;

  gtk_popover_set_offset (popover, 0, 0);
  if (parent == NULL || window <= 0 || position == GTK_POS_LEFT || position == GTK_POS_RIGHT ||
      !gtk_widget_compute_point (parent, GTK_WIDGET (gtk_widget_get_root (parent)),
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (parent) / 2.f, 0), &centre))
    return;

  vigia_target_editor_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &width, &baseline, &baseline);
  gtk_popover_set_offset (popover, vigia_popover_shift_into ((int) centre.x - width / 2, width, window), 0);
}

static void
vigia_target_editor_show (GtkWidget *widget)
{
  VigiaTargetEditor *self = VIGIA_TARGET_EDITOR (widget);
  const char *text = vigia_target_get_text (self->target);
  const char *unit = vigia_target_get_unit (self->target);
  int year = vigia_target_get_baseline_year (self->target);
  g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");

  clear_errors (self);

  gtk_label_set_text (self->target_text_label,
                      !vigia_str_empty (text) ? text : _("The target has no text."));
  set_number_text (self->value_entry, vigia_target_get_value (self->target));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), unit != NULL ? unit : "");
  gtk_drop_down_set_selected (self->measure_dropdown, vigia_target_get_measure (self->target));
  gtk_drop_down_set_selected (self->direction_dropdown, vigia_target_get_direction (self->target));
  set_number_text (self->baseline_entry, vigia_target_get_baseline_value (self->target));
  gtk_editable_set_text (GTK_EDITABLE (self->baseline_year_entry), year_text);
  gtk_spin_button_set_value (self->weight_spin, edits_goal (self) ? vigia_goal_get_weight (self->goal)
                                                                  : vigia_target_get_weight (self->target));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->weight_spin),
                               edits_goal (self) ? _("The goal’s weight in its dimension and plan")
                                                 : _("The target’s weight among its goal’s targets"));

  /* What the reading is, and what to do about it where it can be changed. */
  switch (vigia_target_get_reading (self->target))
    {
    case VIGIA_READING_AUTOMATIC:
      gtk_label_set_text (self->state_label,
                          is_read_only (self) ?
                          _("Read automatically from the target as written, and not reviewed.") :
                          _("Read automatically from the target as written. Saving marks the reading as reviewed."));
      break;
    case VIGIA_READING_NEEDS_REVIEW:
      if (VIGIA_HAS_VALUE (vigia_target_get_value (self->target)))
        gtk_label_set_text (self->state_label,
                            is_read_only (self) ?
                            _("The text changed after this reading was confirmed, or was cut where the JNE cuts "
                              "long texts: the reading needs a review.") :
                            _("The text changed after this reading was confirmed, or was cut where the JNE cuts "
                              "long texts: check the reading and save it."));
      else
        gtk_label_set_text (self->state_label,
                            is_read_only (self) ?
                            _("This target could not be read as one number.") :
                            _("This target could not be read as one number: enter its reading, or choose Qualitative."));
      break;
    case VIGIA_READING_REVIEWED:
    default:
      gtk_label_set_text (self->state_label, _("Reviewed."));
      break;
    }

  /* Filled first, then measured for the window as it is now. */
  gtk_widget_queue_resize (widget);
  fit_in_window (GTK_POPOVER (widget));
  GTK_WIDGET_CLASS (vigia_target_editor_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

static void
cancel_clicked_cb (VigiaTargetEditor *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
save_clicked_cb (VigiaTargetEditor *self)
{
  if (vigia_target_editor_save (self))
    gtk_popover_popdown (GTK_POPOVER (self));
}

static void
vigia_target_editor_dispose (GObject *object)
{
  VigiaTargetEditor *self = (VigiaTargetEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_TARGET_EDITOR);
  g_clear_object (&self->target);
  g_clear_object (&self->goal);
  g_clear_weak_pointer (&self->undo_stack);

  G_OBJECT_CLASS (vigia_target_editor_parent_class)->dispose (object);
}

static void
vigia_target_editor_class_init (VigiaTargetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_target_editor_dispose;

  widget_class->show = vigia_target_editor_show;
  widget_class->measure = vigia_target_editor_measure;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-target-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, target_text_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, value_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, direction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, baseline_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, baseline_year_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
vigia_target_editor_init (VigiaTargetEditor *self)
{
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));

  /* In the order of the enums, so that the position is the value. */
  for (VigiaMeasure m = VIGIA_MEASURE_PERCENT; m <= VIGIA_MEASURE_QUALITATIVE; m++)
    gtk_string_list_append (measures, vigia_measure_get_label (m));
  for (VigiaDirection d = VIGIA_DIRECTION_UP; d <= VIGIA_DIRECTION_KEEP; d++)
    gtk_string_list_append (directions, vigia_direction_get_label (d));
  gtk_drop_down_set_model (self->measure_dropdown, G_LIST_MODEL (measures));
  gtk_drop_down_set_model (self->direction_dropdown, G_LIST_MODEL (directions));

  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->save_button));
}

/**
 * vigia_target_editor_new:
 * @undo_stack: the open plan's stack, through which the reading is saved
 * @goal: a goal of the plan
 * @target: one of @goal's targets
 */
GtkWidget *
vigia_target_editor_new (VigiaUndoStack *undo_stack,
                         VigiaGoal      *goal,
                         VigiaTarget    *target)
{
  VigiaTargetEditor *self;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), NULL);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), NULL);

  self = g_object_new (VIGIA_TYPE_TARGET_EDITOR, NULL);
  g_set_weak_pointer (&self->undo_stack, undo_stack);
  self->goal = g_object_ref (goal);
  self->target = g_object_ref (target);

  /* A read-only library's reading is shown, and can be copied. */
  if (vigia_undo_stack_is_read_only (undo_stack))
    {
      GtkEditable *entries[] = {
        GTK_EDITABLE (self->value_entry), GTK_EDITABLE (self->unit_entry),
        GTK_EDITABLE (self->baseline_entry), GTK_EDITABLE (self->baseline_year_entry),
      };

      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        gtk_editable_set_editable (entries[i], FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->weight_spin), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->measure_dropdown), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->direction_dropdown), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
    }
  return GTK_WIDGET (self);
}

/**
 * vigia_target_editor_save:
 *
 * Checks the editor's fields and saves them as the target's reading, marked
 * reviewed, in one undo step: what the Save button does.
 *
 * Returns: %FALSE if a field is wrong (the editor says which) or the
 *   library could not save
 */
gboolean
vigia_target_editor_save (VigiaTargetEditor *self)
{
  GValue values[G_N_ELEMENTS (goal_fields)] = { G_VALUE_INIT, };
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *year_text = NULL;
  VigiaMeasure measure;
  double value;
  double baseline;
  gint64 year = 0;
  gboolean ok;

  g_return_val_if_fail (VIGIA_IS_TARGET_EDITOR (self), FALSE);
  /* Its chip, and the plan's stack, are gone. */
  if (self->undo_stack == NULL || vigia_undo_stack_is_read_only (self->undo_stack))
    return FALSE;

  clear_errors (self);
  measure = gtk_drop_down_get_selected (self->measure_dropdown);

  if (!read_number (self->value_entry, &value))
    {
      show_error (self, self->value_entry, _("The value must be a number, such as 25 or 1,500.5."));
      return FALSE;
    }
  if (!VIGIA_HAS_VALUE (value) && measure != VIGIA_MEASURE_QUALITATIVE)
    {
      show_error (self, self->value_entry, _("Enter the target’s value, or choose Qualitative as its measure."));
      return FALSE;
    }
  if (!read_number (self->baseline_entry, &baseline))
    {
      show_error (self, self->baseline_entry, _("The baseline must be a number, or blank if it is not known."));
      return FALSE;
    }
  year_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->baseline_year_entry))));
  if (*year_text != '\0' && !g_ascii_string_to_signed (year_text, 10, 1900, 2100, &year, NULL))
    {
      show_error (self, self->baseline_year_entry, _("The baseline year must be a year such as 2022."));
      return FALSE;
    }

  unit = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry)));

  g_value_init (&values[0], G_TYPE_DOUBLE);
  g_value_set_double (&values[0], value);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], unit != NULL && *unit != '\0' ? unit : NULL);
  g_value_init (&values[2], VIGIA_TYPE_MEASURE);
  g_value_set_enum (&values[2], measure);
  g_value_init (&values[3], VIGIA_TYPE_DIRECTION);
  g_value_set_enum (&values[3], gtk_drop_down_get_selected (self->direction_dropdown));
  g_value_init (&values[4], G_TYPE_DOUBLE);
  g_value_set_double (&values[4], baseline);
  g_value_init (&values[5], G_TYPE_INT);
  g_value_set_int (&values[5], (int) year);
  g_value_init (&values[6], G_TYPE_DOUBLE);
  g_value_set_double (&values[6], gtk_spin_button_get_value (self->weight_spin));
  g_value_init (&values[7], VIGIA_TYPE_READING);
  g_value_set_enum (&values[7], VIGIA_READING_REVIEWED);

  /* A goal of one target is edited as before goals had several, so that
   * its weight is the goal's and its history reads the same. */
  if (edits_goal (self))
    ok = vigia_undo_stack_set (self->undo_stack, G_OBJECT (self->goal), G_N_ELEMENTS (goal_fields),
                               goal_fields, values, &error);
  else
    ok = vigia_undo_stack_set (self->undo_stack, G_OBJECT (self->target), G_N_ELEMENTS (target_fields),
                               target_fields, values, &error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_value_unset (&values[i]);

  if (!ok)
    {
      /* Another desk saved the goal first: the window asks about it, over
       * the plan read anew. */
      if (g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
        gtk_popover_popdown (GTK_POPOVER (self));
      else
        show_error (self, NULL, error->message);
      return FALSE;
    }
  return TRUE;
}
