/* vigia-target-chip.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chip says how the target as written was read ("25 % ↑", "500 MYPES
 * ↑", "Por revisar"); it opens the editor of the reading, made the first
 * time it is needed: a plan has many chips, and most are never opened.
 */
#define G_LOG_DOMAIN "vigia-target-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-target-chip-private.h"
#include "vigia-target-editor.h"

struct _VigiaTargetChip
{
  GtkWidget       parent_instance;

  GtkMenuButton  *button;
  GtkLabel       *chip_label;

  VigiaUndoStack *undo_stack;
  VigiaGoal      *goal;
  VigiaTarget    *target;
  char           *label;
};

G_DEFINE_FINAL_TYPE (VigiaTargetChip, vigia_target_chip, GTK_TYPE_WIDGET)

static void
update_chip (VigiaTargetChip *self)
{
  VigiaReading reading = vigia_target_get_reading (self->target);
  g_autofree char *accessible = NULL;
  g_autofree char *contradiction = vigia_target_dup_contradiction (self->target);
  gboolean contradicts = contradiction != NULL;
  GtkWidget *button = GTK_WIDGET (self->button);
  guint n_targets = vigia_goal_get_n_targets (self->goal);
  guint position = 0;

  g_free (self->label);
  self->label = vigia_target_dup_label (self->target);
  /* A reading whose terms contradict each other is marked, and looks like
   * one to review: it is not measured until it is settled. */
  if (contradicts)
    {
      g_autofree char *marked = g_strdup_printf ("%s ⚠", self->label);

      gtk_label_set_label (self->chip_label, marked);
    }
  else
    gtk_label_set_label (self->chip_label, self->label);

  gtk_widget_remove_css_class (button, "automatic");
  gtk_widget_remove_css_class (button, "needs-review");
  gtk_widget_remove_css_class (button, "reviewed");
  gtk_widget_add_css_class (button, contradicts ? "needs-review"
                                                          : vigia_enum_to_nick (VIGIA_TYPE_READING, reading));

  if (n_targets > 1 && vigia_goal_get_target_position (self->goal, self->target, &position))
    /* Translators: the chip of one of a goal's targets, for screen readers
     * and its tooltip: "Target 2 of 3: 25 % ↑ (Reviewed) — 25% de …". */
    accessible = g_strdup_printf (_("Target %u of %u: %s (%s) — %s"), position + 1, n_targets, self->label,
                                  vigia_reading_get_label (reading),
                                  vigia_target_get_text (self->target) != NULL ? vigia_target_get_text (self->target)
                                                                               : "");
  else
    /* Translators: the target chip's name for screen readers: "Target: 25 % ↑ (Reviewed)" */
    accessible = g_strdup_printf (_("Target: %s (%s)"), self->label, vigia_reading_get_label (reading));
  /* Figures kept, but to be checked: say why. */
  if (contradiction == NULL && reading == VIGIA_READING_NEEDS_REVIEW &&
      VIGIA_HAS_VALUE (vigia_target_get_value (self->target)))
    contradiction = g_strdup (_("The text changed after its reading was confirmed, or was cut where the JNE "
                                "cuts long texts: check the reading kept and save it."));
  if (contradiction != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", accessible, contradiction);

      g_free (accessible);
      accessible = g_steal_pointer (&both);
    }
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Opens the editor of the target’s reading"),
                                  -1);
}

static void
target_notify_cb (VigiaTargetChip *self,
                  GParamSpec      *pspec,
                  VigiaTarget     *target)
{
  update_chip (self);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  VigiaTargetChip *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_popover (button, vigia_target_editor_new (self->undo_stack, self->goal, self->target));
}

static void
vigia_target_chip_dispose (GObject *object)
{
  VigiaTargetChip *self = (VigiaTargetChip *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_TARGET_CHIP);
  /* Children of the template without an id are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->target);
  g_clear_object (&self->goal);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (vigia_target_chip_parent_class)->dispose (object);
}

static void
vigia_target_chip_finalize (GObject *object)
{
  VigiaTargetChip *self = (VigiaTargetChip *)object;

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (vigia_target_chip_parent_class)->finalize (object);
}

static void
vigia_target_chip_class_init (VigiaTargetChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_target_chip_dispose;
  object_class->finalize = vigia_target_chip_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-target-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetChip, button);
  gtk_widget_class_bind_template_child (widget_class, VigiaTargetChip, chip_label);
}

static void
vigia_target_chip_init (VigiaTargetChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->button, create_popup_cb, self, NULL);
}

/**
 * vigia_target_chip_new:
 * @undo_stack: the open plan's stack, through which the reading is saved
 * @goal: a goal of the plan
 * @target: one of @goal's targets
 */
GtkWidget *
vigia_target_chip_new (VigiaUndoStack *undo_stack,
                       VigiaGoal      *goal,
                       VigiaTarget    *target)
{
  VigiaTargetChip *self;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), NULL);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), NULL);

  self = g_object_new (VIGIA_TYPE_TARGET_CHIP, NULL);
  self->undo_stack = g_object_ref (undo_stack);
  self->goal = g_object_ref (goal);
  self->target = g_object_ref (target);
  g_signal_connect_object (target, "notify", G_CALLBACK (target_notify_cb), self, G_CONNECT_SWAPPED);
  update_chip (self);

  return GTK_WIDGET (self);
}

VigiaGoal *
vigia_target_chip_get_goal (VigiaTargetChip *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET_CHIP (self), NULL);
  return self->goal;
}

VigiaTarget *
vigia_target_chip_get_target (VigiaTargetChip *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET_CHIP (self), NULL);
  return self->target;
}

/**
 * vigia_target_chip_get_label:
 *
 * Returns: what the chip says: "25 % ↑", or "Needs review"
 */
const char *
vigia_target_chip_get_label (VigiaTargetChip *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET_CHIP (self), NULL);
  return self->label;
}

/**
 * vigia_target_chip_set_ellipsize:
 *
 * Whether the chip may shorten its label where room is short: in a goal
 * card's header it may, beside a target's text, which wraps, it need not.
 */
void
vigia_target_chip_set_ellipsize (VigiaTargetChip    *self,
                                 PangoEllipsizeMode  mode)
{
  g_return_if_fail (VIGIA_IS_TARGET_CHIP (self));
  gtk_label_set_ellipsize (self->chip_label, mode);
}

void
vigia_target_chip_popup (VigiaTargetChip *self)
{
  g_return_if_fail (VIGIA_IS_TARGET_CHIP (self));
  gtk_menu_button_popup (self->button);
}

/**
 * vigia_target_chip_get_editor:
 *
 * Returns: (transfer none): the editor the chip opens, made now if it was
 *   not yet
 */
VigiaTargetEditor *
vigia_target_chip_get_editor (VigiaTargetChip *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET_CHIP (self), NULL);

  create_popup_cb (self->button, self);
  return VIGIA_TARGET_EDITOR (gtk_menu_button_get_popover (self->button));
}
