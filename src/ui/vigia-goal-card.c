/* vigia-goal-card.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a goal's texts as the plan wrote them, wrapped, and how its target
 * was read as a chip; a goal of several targets lists them, each with its
 * chip, and its header says how many.  Activating the card (a click, Enter, or the edit
 * button) turns the texts into fields saved as they are typed.  The editing
 * fields are made the first time they are needed: a dimension of many goals
 * opens fast.
 */
#define G_LOG_DOMAIN "vigia-goal-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigia-plan-editor.h"
#include "vigia-dimension-page.h"
#include "vigia-goal-card-private.h"
#include "vigia-optional-label.h"

struct _VigiaGoalCard
{
  GtkListBoxRow    parent_instance;

  GtkLabel        *number_label;
  VigiaOptionalLabel *heading_label;
  AdwBin          *chip_bin;
  GtkToggleButton *edit_button;
  GtkMenuButton   *menu_button;
  GtkStack        *stack;
  GtkLabel        *problem_label;
  GtkLabel        *objective_label;
  GtkLabel        *indicator_label;
  GtkLabel        *target_heading;
  GtkLabel        *target_label;
  GtkBox          *targets_box;
  GtkBox          *edit_box;

  VigiaUndoStack  *undo_stack;
  VigiaDimension  *dimension;
  VigiaGoal       *goal;
  /* The first target's, in the header; shown for a goal of one target */
  VigiaTargetChip *chip;
  GtkLabel        *count_label;
  /* Those of the targets' rows, in order, for a goal of several */
  GPtrArray       *chips;
  GPtrArray       *texts;
  /* VigiaTarget whose text the card follows */
  GPtrArray       *watched;
  /* VigiaTextField by property name ("target-2" for the second target's
   * text), once editing has begun */
  GHashTable      *fields;
};

G_DEFINE_FINAL_TYPE (VigiaGoalCard, vigia_goal_card, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void add_fields (VigiaGoalCard *self);

/* The texts of a goal, in the order the JNE's table gives them. */
static const struct {
  const char *property;
  const char *title;
  const char *placeholder;
} texts[] = {
  { "problem", N_("Problem identified"), N_("The problem the goal answers, as the plan writes it") },
  { "objective", N_("Strategic objective"), N_("What the authority is to achieve") },
  { "indicator", N_("Indicator"), N_("What is measured to know it: a rate, a number, an amount") },
  { "target-text", N_("Target as written"), N_("The figure to reach, and by when: “Reducir la anemia al 30 %”") },
};

static void
show_text (GtkLabel   *label,
           const char *text)
{
  gboolean empty = vigia_str_empty (text);

  gtk_label_set_text (label, empty ? _("Not written") : text);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
update_actions (VigiaGoalCard *self)
{
  guint number = vigia_goal_get_number (self->goal);
  guint n = vigia_dimension_get_n_goals (self->dimension);
  /* A goal of a read-only library is read and its progress seen. */
  gboolean writable = !vigia_undo_stack_is_read_only (self->undo_stack);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.move-up", writable && number > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.move-down", writable && number < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.split",
                                 writable && vigia_goal_get_n_targets (self->goal) > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.merge-next", writable && number < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.add-target", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.delete", writable);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), writable);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The menu of a target's row: move it, remove it. */
static GtkWidget *
target_menu_button (VigiaGoalCard *self,
                    guint          position,
                    guint          n,
                    const char    *number)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  g_autofree char *name = NULL;
  GtkWidget *button = gtk_menu_button_new ();

  {
    g_autoptr(GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);
    g_autoptr(GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);
    g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove Target"), NULL);

    g_menu_item_set_action_and_target_value (up, "goal.move-target-up", g_variant_new_uint32 (position));
    g_menu_item_set_action_and_target_value (down, "goal.move-target-down", g_variant_new_uint32 (position));
    g_menu_item_set_action_and_target_value (remove, "goal.remove-target", g_variant_new_uint32 (position));
    if (position > 0)
      g_menu_append_item (moves, up);
    if (position + 1 < n)
      g_menu_append_item (moves, down);
    g_menu_append_item (removal, remove);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the menu button of one of a goal's targets: "Target 2.1 Menu" */
  name = g_strdup_printf (_("Target %s Menu"), number);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

/* The targets' rows of a goal of several, or the one chip in the header. */
static void
build_targets (VigiaGoalCard *self)
{
  guint n = vigia_goal_get_n_targets (self->goal);
  g_autofree char *count = NULL;

  clear_box (self->targets_box);
  g_ptr_array_set_size (self->chips, 0);
  g_ptr_array_set_size (self->texts, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->chip), n == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->target_label), n == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_box), n > 1);
  gtk_label_set_text (self->target_heading, n > 1 ? _("Targets") : _("Target"));
  /* Translators: in a goal card's header, for a goal of several targets: "19 targets" */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u target", "%u targets", n), n);
  gtk_label_set_text (self->count_label, count);
  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      VigiaTarget *target = vigia_goal_get_target (self->goal, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *number = NULL;
      GtkWidget *text = gtk_label_new (NULL);
      GtkWidget *chip = vigia_target_chip_new (self->undo_stack, self->goal, target);
      g_autofree char *position = g_strdup_printf ("%u.%u", vigia_goal_get_number (self->goal), i + 1);

      number = gtk_label_new (position);
      /* Room for "12.10", so that the texts line up. */
      gtk_label_set_width_chars (GTK_LABEL (number), 5);
      gtk_label_set_xalign (GTK_LABEL (number), 0);
      gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (number, "dim-label");
      gtk_widget_add_css_class (number, "numeric");
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_set_hexpand (text, TRUE);
      show_text (GTK_LABEL (text), vigia_target_get_text (target));
      gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      vigia_target_chip_set_ellipsize (VIGIA_TARGET_CHIP (chip), PANGO_ELLIPSIZE_NONE);
      gtk_box_append (GTK_BOX (row), number);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (GTK_BOX (row), chip);
      if (!vigia_undo_stack_is_read_only (self->undo_stack))
        gtk_box_append (GTK_BOX (row), target_menu_button (self, i, n, position));
      gtk_box_append (self->targets_box, row);
      g_ptr_array_add (self->chips, chip);
      g_ptr_array_add (self->texts, text);
    }
}

/* Every card has the same buttons: their names say whose they are. */
static void
update_button_names (VigiaGoalCard *self)
{
  guint number = vigia_goal_get_number (self->goal);
  gboolean editing = gtk_toggle_button_get_active (self->edit_button);
  /* Translators: the Edit button of a goal's card, read aloud: "Edit Goal 2" */
  g_autofree char *edit = g_strdup_printf (editing ? _("Done Editing Goal %u") : _("Edit Goal %u"), number);
  /* Translators: the menu button of a goal's card, read aloud: "Goal 2 Menu" */
  g_autofree char *menu = g_strdup_printf (_("Goal %u Menu"), number);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
}

static void
update (VigiaGoalCard *self)
{
  VigiaGoal *goal = self->goal;
  g_autofree char *number = g_strdup_printf ("%u", vigia_goal_get_number (goal));
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  const char *problem = vigia_goal_get_problem (goal);

  /* Translators: the heading of a goal's card: "Goal 2" */
  heading = g_strdup_printf (_("Goal %u"), vigia_goal_get_number (goal));
  gtk_label_set_text (self->number_label, number);
  vigia_optional_label_set_label (self->heading_label, heading);

  show_text (self->problem_label, problem);
  show_text (self->objective_label, vigia_goal_get_objective (goal));
  show_text (self->indicator_label, vigia_goal_get_indicator (goal));
  show_text (self->target_label, vigia_goal_get_target_text (goal));

  /* Read aloud as one item: "Goal 2: <problem>", then the rest. */
  /* Translators: a goal card's name for screen readers: "Goal 2: <the problem>" */
  name = g_strdup_printf (_("Goal %u: %s"), vigia_goal_get_number (goal),
                          !vigia_str_empty (problem) ? problem : _("Not written"));
  if (self->chips->len == 0)
    /* Translators: a goal card's description for screen readers */
    description = g_strdup_printf (_("Objective: %s. Indicator: %s. Target: %s, read as %s."),
                                   gtk_label_get_text (self->objective_label),
                                   gtk_label_get_text (self->indicator_label),
                                   gtk_label_get_text (self->target_label),
                                   vigia_target_chip_get_label (self->chip));
  else
    {
      g_autoptr(GString) targets = g_string_new (NULL);

      for (guint i = 0; i < self->chips->len; i++)
        {
          VigiaTargetChip *chip = g_ptr_array_index (self->chips, i);
          const char *text = vigia_target_get_text (vigia_target_chip_get_target (chip));

          /* Translators: one of a goal's targets, for screen readers: "2. <text>, read as 25 % ↑" */
          g_string_append_printf (targets, _("%u. %s, read as %s. "), i + 1,
                                  !vigia_str_empty (text) ? text : _("Not written"),
                                  vigia_target_chip_get_label (chip));
        }
      /* Translators: a goal card's description for screen readers, for a
       * goal of several targets; the last %s lists them. */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Objective: %s. Indicator: %s. %u target: %s",
                                                  "Objective: %s. Indicator: %s. %u targets: %s", self->chips->len),
                                     gtk_label_get_text (self->objective_label),
                                     gtk_label_get_text (self->indicator_label),
                                     self->chips->len, targets->str);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  update_button_names (self);
  update_actions (self);
}

static void
goal_notify_cb (VigiaGoalCard *self)
{
  update (self);
}

static void
target_text_cb (VigiaGoalCard *self)
{
  for (guint i = 0; i < self->texts->len; i++)
    show_text (g_ptr_array_index (self->texts, i), vigia_target_get_text (vigia_goal_get_target (self->goal, i)));
  update (self);
}

static void
unwatch_targets (VigiaGoalCard *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch_targets (VigiaGoalCard *self)
{
  guint n = vigia_goal_get_n_targets (self->goal);

  unwatch_targets (self);
  for (guint i = 0; i < n; i++)
    {
      VigiaTarget *target = vigia_goal_get_target (self->goal, i);

      g_signal_connect_swapped (target, "notify::text", G_CALLBACK (target_text_cb), self);
      g_ptr_array_add (self->watched, g_object_ref (target));
    }
}

/* A target added, removed or moved. */
static void
targets_changed_cb (VigiaGoalCard *self)
{
  watch_targets (self);
  build_targets (self);
  if (self->fields != NULL)
    add_fields (self);
  update (self);
}

static void
goals_changed_cb (VigiaGoalCard *self)
{
  update_actions (self);
}

static void
add_field (VigiaGoalCard *self,
           const char    *title,
           const char    *placeholder,
           GObject       *object,
           const char    *property,
           char          *key)
{
  GtkWidget *field = vigia_text_field_new (title);

  vigia_text_field_set_placeholder (VIGIA_TEXT_FIELD (field), placeholder);
  vigia_text_field_bind (VIGIA_TEXT_FIELD (field), self->undo_stack, object, property);
  gtk_box_append (self->edit_box, field);
  g_hash_table_insert (self->fields, key, field);
}

/* A field a text: the goal's, then its one target's or each of its
 * targets'. */
static void
add_fields (VigiaGoalCard *self)
{
  guint n = vigia_goal_get_n_targets (self->goal);

  clear_box (self->edit_box);
  g_hash_table_remove_all (self->fields);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (n == 1 || g_strcmp0 (texts[i].property, "target-text") != 0)
      add_field (self, _(texts[i].title), _(texts[i].placeholder), G_OBJECT (self->goal), texts[i].property,
                 g_strdup (texts[i].property));
  if (n == 1)
    return;
  for (guint i = 0; i < n; i++)
    {
      /* Translators: the title of the field of one of a goal's targets: "Target 2.3 as written" */
      g_autofree char *title = g_strdup_printf (_("Target %u.%u as written"), vigia_goal_get_number (self->goal),
                                                i + 1);

      add_field (self, title, _(texts[3].placeholder), G_OBJECT (vigia_goal_get_target (self->goal, i)), "text",
                 g_strdup_printf ("target-%u", i + 1));
    }
}

static void
ensure_fields (VigiaGoalCard *self)
{
  if (self->fields != NULL)
    return;

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_fields (self);
}

static void
edit_toggled_cb (VigiaGoalCard *self)
{
  gboolean editing = gtk_toggle_button_get_active (self->edit_button);

  if (editing)
    ensure_fields (self);
  gtk_stack_set_visible_child_name (self->stack, editing ? "edit" : "view");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button),
                               editing ? _("Done Editing") : _("Edit Goal"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, editing, -1);
  update_button_names (self);

  if (editing)
    gtk_widget_grab_focus (g_hash_table_lookup (self->fields, "problem"));
  else
    vigia_undo_stack_seal (self->undo_stack);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
vigia_goal_card_activate (GtkListBoxRow *row)
{
  VigiaGoalCard *self = VIGIA_GOAL_CARD (row);

  vigia_goal_card_set_editing (self, !vigia_goal_card_get_editing (self));
}

/* Escape ends the editing, and leaves the keyboard on the card. */
static gboolean
stop_editing_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  VigiaGoalCard *self = VIGIA_GOAL_CARD (widget);

  if (!vigia_goal_card_get_editing (self))
    return FALSE;
  vigia_goal_card_set_editing (self, FALSE);
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vigia_goal_card_set_editing (VIGIA_GOAL_CARD (widget), TRUE);
}

static void
move_by (VigiaGoalCard *self,
         int            delta)
{
  /* Held to the end: the list replaces this card while it moves. */
  G_GNUC_UNUSED g_autoptr(VigiaGoalCard) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), VIGIA_TYPE_DIMENSION_PAGE);
  guint position = vigia_goal_get_number (self->goal) - 1;

  if (delta < 0 && position == 0)
    return;

  /* The list makes a new card for the goal where it lands. */
  if (!vigia_undo_stack_move_goal (self->undo_stack, self->goal, position + delta, &error))
    {
      vigia_plan_editor_report_error (GTK_WIDGET (self), error);
      return;
    }
  if (page != NULL)
    vigia_dimension_page_focus_goal (VIGIA_DIMENSION_PAGE (page), self->goal);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (VIGIA_GOAL_CARD (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (VIGIA_GOAL_CARD (widget), 1);
}

/* The plan editor's actions find the goal by its uuid, which every goal
 * of a library has. */
static void
activate_goal_action (VigiaGoalCard *self,
                      const char    *name)
{
  const char *uuid = vigia_goal_get_uuid (self->goal);

  if (uuid != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), name, "s", uuid);
}

static void
view_progress_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  activate_goal_action (VIGIA_GOAL_CARD (widget), "editor.show-goal-progress");
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  activate_goal_action (VIGIA_GOAL_CARD (widget), "editor.delete-goal");
}

/* The goal's targets, as a list to change and give back. */
static GPtrArray *
dup_targets (VigiaGoalCard *self)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < vigia_goal_get_n_targets (self->goal); i++)
    g_ptr_array_add (targets, g_object_ref (vigia_goal_get_target (self->goal, i)));
  return targets;
}

static gboolean
set_targets (VigiaGoalCard *self,
             GPtrArray     *targets)
{
  g_autoptr(GError) error = NULL;

  if (vigia_undo_stack_set_targets (self->undo_stack, self->goal, targets, &error))
    return TRUE;
  vigia_plan_editor_report_error (GTK_WIDGET (self), error);
  return FALSE;
}

static void
add_target_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VigiaGoalCard *self = VIGIA_GOAL_CARD (widget);
  g_autoptr(GPtrArray) targets = dup_targets (self);
  g_autofree char *key = NULL;

  g_ptr_array_add (targets, vigia_target_new ());
  if (!set_targets (self, targets))
    return;
  /* Its text is to be written: where the keyboard goes. */
  vigia_goal_card_set_editing (self, TRUE);
  key = g_strdup_printf ("target-%u", targets->len);
  if (self->fields != NULL && g_hash_table_lookup (self->fields, key) != NULL)
    gtk_widget_grab_focus (g_hash_table_lookup (self->fields, key));
}

static void
move_target (VigiaGoalCard *self,
             guint          position,
             int            delta)
{
  g_autoptr(GPtrArray) targets = dup_targets (self);
  gpointer target;

  if (position >= targets->len || (delta < 0 && position == 0) || position + delta >= targets->len)
    return;
  target = targets->pdata[position];
  targets->pdata[position] = targets->pdata[position + delta];
  targets->pdata[position + delta] = target;
  set_targets (self, targets);
}

static void
move_target_up_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_target (VIGIA_GOAL_CARD (widget), g_variant_get_uint32 (parameter), -1);
}

static void
move_target_down_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_target (VIGIA_GOAL_CARD (widget), g_variant_get_uint32 (parameter), 1);
}

/* Takes a target out, with its progress, and offers to undo. */
static void
remove_target_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigiaGoalCard *self = VIGIA_GOAL_CARD (widget);
  g_autoptr(GPtrArray) targets = dup_targets (self);
  guint position = g_variant_get_uint32 (parameter);
  g_autofree char *title = NULL;

  if (position >= targets->len || targets->len < 2)
    return;
  /* Translators: a toast with an Undo button: "Target 2.3 removed" */
  title = g_strdup_printf (_("Target %u.%u removed"), vigia_goal_get_number (self->goal), position + 1);
  g_ptr_array_remove_index (targets, position);
  if (set_targets (self, targets))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.toast-undo", "s", title);
}

static void
split_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigiaGoalCard *self = VIGIA_GOAL_CARD (widget);
  /* Held to the end: the list makes the cards again. */
  G_GNUC_UNUSED g_autoptr(VigiaGoalCard) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  /* Translators: a toast with an Undo button: "Goal 2 split into 3 goals" */
  g_autofree char *title = g_strdup_printf (_("Goal %u split into %u goals"), vigia_goal_get_number (self->goal),
                                            vigia_goal_get_n_targets (self->goal));

  if (vigia_undo_stack_split_goal (self->undo_stack, self->goal, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.toast-undo", "s", title);
  else if (error != NULL)
    vigia_plan_editor_report_error (GTK_WIDGET (self), error);
}

static void
merge_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VigiaGoalCard *self = VIGIA_GOAL_CARD (widget);
  G_GNUC_UNUSED g_autoptr(VigiaGoalCard) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  guint number = vigia_goal_get_number (self->goal);
  g_autofree char *title = NULL;

  if (number >= vigia_dimension_get_n_goals (self->dimension))
    return;
  /* Translators: a toast with an Undo button: "Goals 2 and 3 merged" */
  title = g_strdup_printf (_("Goals %u and %u merged"), number, number + 1);
  if (vigia_undo_stack_merge_goals (self->undo_stack, self->goal,
                                    vigia_dimension_get_goal (self->dimension, number), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.toast-undo", "s", title);
  else
    vigia_plan_editor_report_error (GTK_WIDGET (self), error);
}

static void
vigia_goal_card_dispose (GObject *object)
{
  VigiaGoalCard *self = (VigiaGoalCard *)object;

  if (self->watched != NULL)
    unwatch_targets (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_GOAL_CARD);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_object (&self->goal);
  g_clear_object (&self->dimension);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (vigia_goal_card_parent_class)->dispose (object);
}

static void
vigia_goal_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VigiaGoalCard *self = VIGIA_GOAL_CARD (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, vigia_goal_card_get_editing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_goal_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VigiaGoalCard *self = VIGIA_GOAL_CARD (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      vigia_goal_card_set_editing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_goal_card_class_init (VigiaGoalCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkListBoxRowClass *row_class = GTK_LIST_BOX_ROW_CLASS (klass);

  object_class->dispose = vigia_goal_card_dispose;
  object_class->get_property = vigia_goal_card_get_property;
  object_class->set_property = vigia_goal_card_set_property;

  row_class->activate = vigia_goal_card_activate;

  properties[PROP_EDITING] = g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIA_TYPE_OPTIONAL_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-goal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, chip_bin);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, edit_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, problem_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, objective_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, indicator_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, target_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, edit_box);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, target_heading);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalCard, targets_box);

  gtk_widget_class_install_action (widget_class, "goal.edit", NULL, edit_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, stop_editing_cb, NULL);
  gtk_widget_class_install_action (widget_class, "goal.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "goal.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "goal.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "goal.view-progress", NULL, view_progress_action);
  gtk_widget_class_install_action (widget_class, "goal.add-target", NULL, add_target_action);
  gtk_widget_class_install_action (widget_class, "goal.split", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "goal.merge-next", NULL, merge_next_action);
  gtk_widget_class_install_action (widget_class, "goal.move-target-up", "u", move_target_up_action);
  gtk_widget_class_install_action (widget_class, "goal.move-target-down", "u", move_target_down_action);
  gtk_widget_class_install_action (widget_class, "goal.remove-target", "u", remove_target_action);
}

static void
vigia_goal_card_init (VigiaGoalCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chips = g_ptr_array_new ();
  self->texts = g_ptr_array_new ();
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect_object (self->edit_button, "toggled", G_CALLBACK (edit_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * vigia_goal_card_new:
 * @undo_stack: the open plan's undo stack, through which edits are saved
 * @dimension: the dimension that holds @goal
 */
GtkWidget *
vigia_goal_card_new (VigiaUndoStack *undo_stack,
                     VigiaDimension *dimension,
                     VigiaGoal      *goal)
{
  VigiaGoalCard *self;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), NULL);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), NULL);

  self = g_object_new (VIGIA_TYPE_GOAL_CARD, NULL);
  self->undo_stack = g_object_ref (undo_stack);
  self->dimension = g_object_ref (dimension);
  self->goal = g_object_ref (goal);

  /* The header holds the one target's chip, or how many targets there are. */
  self->chip = VIGIA_TARGET_CHIP (vigia_target_chip_new (undo_stack, goal, vigia_goal_get_target (goal, 0)));
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  {
    GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->chip));
    gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->count_label));
    adw_bin_set_child (self->chip_bin, header);
  }

  g_signal_connect_object (goal, "notify", G_CALLBACK (goal_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vigia_goal_get_targets (goal), "items-changed", G_CALLBACK (targets_changed_cb), self,
                           G_CONNECT_SWAPPED);
  watch_targets (self);
  build_targets (self);
  g_signal_connect_object (vigia_dimension_get_goals (dimension), "items-changed",
                           G_CALLBACK (goals_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

VigiaGoal *
vigia_goal_card_get_goal (VigiaGoalCard *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_CARD (self), NULL);
  return self->goal;
}

gboolean
vigia_goal_card_get_editing (VigiaGoalCard *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_CARD (self), FALSE);
  return gtk_toggle_button_get_active (self->edit_button);
}

void
vigia_goal_card_set_editing (VigiaGoalCard *self,
                             gboolean       editing)
{
  g_return_if_fail (VIGIA_IS_GOAL_CARD (self));
  gtk_toggle_button_set_active (self->edit_button, editing && !vigia_undo_stack_is_read_only (self->undo_stack));
}

/**
 * vigia_goal_card_get_field:
 * @property: "problem", "objective", "indicator" or "target-text"
 *
 * Returns: (transfer none): the field that edits @property; the card makes
 *   its fields if it was not edited yet
 */
VigiaTextField *
vigia_goal_card_get_field (VigiaGoalCard *self,
                           const char    *property)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_CARD (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  ensure_fields (self);
  return g_hash_table_lookup (self->fields, property);
}

VigiaTargetChip *
vigia_goal_card_get_chip (VigiaGoalCard *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_CARD (self), NULL);
  return self->chip;
}

/* The chips of a goal of several targets; none for a goal of one, whose
 * chip is vigia_goal_card_get_chip (). */
guint
vigia_goal_card_get_n_target_chips (VigiaGoalCard *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_CARD (self), 0);
  return self->chips->len;
}

VigiaTargetChip *
vigia_goal_card_get_target_chip (VigiaGoalCard *self,
                                 guint          position)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_CARD (self), NULL);
  g_return_val_if_fail (position < self->chips->len, NULL);
  return g_ptr_array_index (self->chips, position);
}

/**
 * vigia_goal_card_get_text:
 * @property: "problem", "objective", "indicator" or "target-text"
 *
 * Returns: what the card shows of @property when it is not being edited
 */
const char *
vigia_goal_card_get_text (VigiaGoalCard *self,
                          const char    *property)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_CARD (self), NULL);

  if (g_strcmp0 (property, "problem") == 0)
    return gtk_label_get_text (self->problem_label);
  if (g_strcmp0 (property, "objective") == 0)
    return gtk_label_get_text (self->objective_label);
  if (g_strcmp0 (property, "indicator") == 0)
    return gtk_label_get_text (self->indicator_label);
  if (g_strcmp0 (property, "target-text") == 0)
    return gtk_label_get_text (self->target_label);
  g_return_val_if_reached (NULL);
}
