/* vigia-goal-detail.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the Avance tab for one goal: its trajectory chart (both
 * sources, the target, the expected path), every progress entry, and the
 * dated history of changes to its targets and progress, newest first.  For
 * a goal of several targets, the chart and the entries are of the target
 * chosen above them.  It
 * follows the plan's edits; while hidden it only notes that it is stale.
 */
#define G_LOG_DOMAIN "vigia-goal-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigia-chart-view.h"
#include "vigia-goal-detail-private.h"
#include "vigia-status-badge.h"

struct _VigiaGoalDetail
{
  GtkWidget            parent_instance;

  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *objective_label;
  GtkWidget           *target_box;
  GtkDropDown         *target_dropdown;
  VigiaChartView      *chart_view;
  AdwPreferencesGroup *entries_group;
  AdwPreferencesGroup *history_group;

  VigiaUndoStack      *undo_stack;
  /* The handler on the stack, whichever it is. */
  GSignalGroup        *stack_signals;
  VigiaGoal           *goal;
  VigiaTarget         *target;
  /* The rows shown, to be taken out again: AdwActionRow */
  GPtrArray           *entry_rows;
  GPtrArray           *history_rows;
  gboolean             stale;
};

G_DEFINE_FINAL_TYPE (VigiaGoalDetail, vigia_goal_detail, GTK_TYPE_WIDGET)

enum {
  BACK,
  EDIT_ENTRY,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Notes and history say the plan's own words: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

static void
entry_activated_cb (AdwActionRow    *row,
                    VigiaGoalDetail *self)
{
  VigiaProgress *entry = g_object_get_data (G_OBJECT (row), "entry");

  g_signal_emit (self, signals[EDIT_ENTRY], 0, vigia_progress_get_period (entry),
                 vigia_progress_get_source (entry));
}

static char *
dup_entry_subtitle (VigiaGoalDetail *self,
                    VigiaProgress   *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *evidence = vigia_progress_get_evidence (entry);
  double value = vigia_progress_get_value (entry);
  const char *recorded = vigia_progress_get_recorded (entry);
  g_autofree char *recorded_day = recorded != NULL ? g_strndup (recorded, 10) : NULL;
  g_autofree char *day = vigia_stamp_dup_time_label (recorded_day, FALSE);

  if (VIGIA_HAS_VALUE (value))
    g_ptr_array_add (parts, vigia_target_dup_value_label (self->target, value));
  if (!vigia_str_empty (vigia_progress_get_note (entry)))
    g_ptr_array_add (parts, g_strdup (vigia_progress_get_note (entry)));
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    g_ptr_array_add (parts, g_strdup (evidence[i]));
  if (day != NULL && vigia_progress_get_stamp (entry)->edited_by != NULL)
    /* Translators: the day an entry was recorded, and who recorded it:
     * "Recorded on 30 June 2024 by Ana Quispe" */
    g_ptr_array_add (parts, g_strdup_printf (_("Recorded on %s by %s"), day,
                                             vigia_progress_get_stamp (entry)->edited_by));
  else if (day != NULL)
    /* Translators: the day an entry was recorded: "Recorded on 30 June 2024" */
    g_ptr_array_add (parts, g_strdup_printf (_("Recorded on %s"), day));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static void
fill_entries (VigiaGoalDetail *self)
{
  GListModel *entries = vigia_target_get_progress (self->target);
  guint n = g_list_model_get_n_items (entries);

  clear_rows (self->entries_group, self->entry_rows);

  if (n == 0)
    {
      add_row (self->entries_group, self->entry_rows, _("No entries yet"),
               _("Record the goal’s progress in the grid: select a semester and press Enter"));
      return;
    }

  /* Newest semester first, the authority before observers. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, i - 1);
      g_autofree char *period = vigia_period_dup_label (vigia_progress_get_period (entry));
      g_autofree char *title = g_strdup_printf ("%s · %s", period,
                                                vigia_source_get_label (vigia_progress_get_source (entry)));
      g_autofree char *subtitle = dup_entry_subtitle (self, entry);
      GtkWidget *row = add_row (self->entries_group, self->entry_rows, title, subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), vigia_status_badge_new (vigia_progress_get_status (entry)));
      g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (entry_activated_cb), self);
    }
}

/* Puts back the version a merge set aside; the window reloads the plan, as
 * after any change it did not make through the editor. */
static void
restore_clicked_cb (GtkButton       *button,
                    VigiaGoalDetail *self)
{
  gint64 history_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "history-id"));
  g_autoptr(GError) error = NULL;

  if (!vigia_library_restore_conflict (vigia_undo_stack_get_library (self->undo_stack), history_id, NULL, &error))
    {
      gtk_button_set_label (button, _("Could Not Restore"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
    }
}

static void
fill_history (VigiaGoalDetail *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self->history_group, self->history_rows);

  items = vigia_timeline_load_goal (vigia_undo_stack_get_library (self->undo_stack),
                                    vigia_goal_get_uuid (self->goal), &error);
  if (items == NULL)
    {
      add_row (self->history_group, self->history_rows, _("The history could not be read"), error->message);
      return;
    }
  if (items->len == 0)
    {
      add_row (self->history_group, self->history_rows, _("No changes recorded"), NULL);
      return;
    }

  for (guint i = items->len; i > 0; i--)
    {
      const VigiaTimelineItem *item = g_ptr_array_index (items, i - 1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Of a goal of several targets, the goal's own changes and the shown
       * target's. */
      if (item->target_uuid != NULL && vigia_goal_get_n_targets (self->goal) > 1 &&
          g_strcmp0 (item->target_uuid, vigia_target_get_uuid (self->target)) != 0)
        continue;

      if (item->period != NULL)
        {
          g_autofree char *period = vigia_period_dup_label (item->period);

          subtitle = g_strdup_printf ("%s · %s · %s", item->date, period, vigia_source_get_label (item->source));
        }
      else
        subtitle = g_strdup (item->date);
      if (item->author != NULL)
        {
          g_autofree char *when = g_steal_pointer (&subtitle);

          /* Translators: when a change was made, and by whom: "2026-12-05 10:04 · by Ana Quispe" */
          subtitle = g_strdup_printf (_("%s · by %s"), when, item->author);
        }
      row = add_row (self->history_group, self->history_rows, item->text, subtitle);
      if (item->restore_id > 0 && !vigia_undo_stack_is_read_only (self->undo_stack))
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Put back the version set aside, as a change of yours"));
          g_object_set_data (G_OBJECT (button), "history-id", GSIZE_TO_POINTER ((gsize) item->restore_id));
          g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }
  if (self->history_rows->len == 0)
    add_row (self->history_group, self->history_rows, _("No changes recorded"), NULL);
}

/* The choice of target, for a goal of several. */
static void target_selected_cb (VigiaGoalDetail *self);

static void
fill_targets (VigiaGoalDetail *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = vigia_goal_get_n_targets (self->goal);
  guint position = 0;

  gtk_widget_set_visible (self->target_box, n > 1);
  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      const char *text = vigia_target_get_text (vigia_goal_get_target (self->goal, i));
      g_autofree char *name = g_strdup_printf ("%u.%u · %s", vigia_goal_get_number (self->goal), i + 1,
                                               !vigia_str_empty (text) ? text : _("Not written"));

      gtk_string_list_append (names, name);
    }
  vigia_goal_get_target_position (self->goal, self->target, &position);
  g_signal_handlers_block_by_func (self->target_dropdown, target_selected_cb, self);
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->target_dropdown, position);
  g_signal_handlers_unblock_by_func (self->target_dropdown, target_selected_cb, self);
}

static void
refresh (VigiaGoalDetail *self)
{
  g_autofree char *title = NULL;
  g_autofree char *target = NULL;
  g_autofree char *subtitle = NULL;
  const char *indicator;
  const char *objective;

  self->stale = FALSE;
  if (self->goal == NULL)
    return;

  indicator = vigia_goal_get_indicator (self->goal);
  objective = vigia_goal_get_objective (self->goal);
  title = g_strdup_printf (_("Goal %u"), vigia_goal_get_number (self->goal));
  target = vigia_target_dup_label (self->target);
  /* Translators: under a goal's title: "<indicator> · Target 25 % ↑" */
  subtitle = g_strdup_printf (_("%s · Target %s"), !vigia_str_empty (indicator) ? indicator : title, target);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), subtitle);
  gtk_label_set_text (self->objective_label, objective != NULL ? objective : "");
  gtk_widget_set_visible (GTK_WIDGET (self->objective_label), !vigia_str_empty (objective));

  fill_targets (self);
  fill_entries (self);
  fill_history (self);
}

static void
target_selected_cb (VigiaGoalDetail *self)
{
  guint position = gtk_drop_down_get_selected (self->target_dropdown);

  if (self->goal != NULL && position < vigia_goal_get_n_targets (self->goal))
    vigia_goal_detail_set_target (self, self->undo_stack, vigia_goal_get_target (self->goal, position));
}

static void
stack_changed_cb (VigiaGoalDetail *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
vigia_goal_detail_map (GtkWidget *widget)
{
  VigiaGoalDetail *self = VIGIA_GOAL_DETAIL (widget);

  if (self->stale)
    refresh (self);

  GTK_WIDGET_CLASS (vigia_goal_detail_parent_class)->map (widget);
}

static void
vigia_goal_detail_dispose (GObject *object)
{
  VigiaGoalDetail *self = (VigiaGoalDetail *)object;
  GtkWidget *child;

  vigia_goal_detail_set_goal (self, NULL, NULL);
  g_clear_object (&self->stack_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_GOAL_DETAIL);
  /* Children of the template without an id are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->entry_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vigia_goal_detail_parent_class)->dispose (object);
}

static void
vigia_goal_detail_class_init (VigiaGoalDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_goal_detail_dispose;

  widget_class->map = vigia_goal_detail_map;

  /**
   * VigiaGoalDetail::back:
   *
   * Emitted when the user asks to go back to the grid.
   */
  signals[BACK] = g_signal_new ("back",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  /**
   * VigiaGoalDetail::edit-entry:
   * @period: the semester
   * @source: a #VigiaSource
   *
   * Emitted when an entry is activated: it is to be edited in the grid.
   */
  signals[EDIT_ENTRY] = g_signal_new ("edit-entry",
                                      G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 2, G_TYPE_STRING, VIGIA_TYPE_SOURCE);

  g_type_ensure (VIGIA_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-goal-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalDetail, objective_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalDetail, chart_view);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalDetail, target_box);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalDetail, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalDetail, entries_group);
  gtk_widget_class_bind_template_child (widget_class, VigiaGoalDetail, history_group);

  gtk_widget_class_install_action (widget_class, "detail.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "detail.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "detail.back", NULL);
}

static void
vigia_goal_detail_init (VigiaGoalDetail *self)
{
  self->entry_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->stack_signals = g_signal_group_new (VIGIA_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed", G_CALLBACK (stack_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->target_dropdown, "notify::selected", G_CALLBACK (target_selected_cb), self);
}

/**
 * vigia_goal_detail_set_target:
 * @undo_stack: (nullable): the open plan's stack
 * @target: (nullable): a target of a goal of its plan, or %NULL for none
 *
 * Shows @target's goal, with @target's trajectory and entries, and follows
 * the plan's edits.
 */
void
vigia_goal_detail_set_target (VigiaGoalDetail *self,
                              VigiaUndoStack  *undo_stack,
                              VigiaTarget     *target)
{
  VigiaGoal *goal;

  g_return_if_fail (VIGIA_IS_GOAL_DETAIL (self));
  g_return_if_fail (undo_stack == NULL || VIGIA_IS_UNDO_STACK (undo_stack));
  g_return_if_fail (target == NULL || (undo_stack != NULL && VIGIA_IS_TARGET (target)));

  goal = target != NULL ? vigia_target_get_goal (target) : NULL;
  g_return_if_fail (target == NULL || goal != NULL);

  /* Held: @undo_stack may be the one being let go of. */
  g_object_ref (self);
  if (undo_stack != NULL)
    g_object_ref (undo_stack);
  g_set_object (&self->goal, goal);
  g_set_object (&self->target, target);
  if (goal != NULL)
    g_set_object (&self->undo_stack, undo_stack);
  else
    g_clear_object (&self->undo_stack);
  g_signal_group_set_target (self->stack_signals, self->undo_stack);

  if (self->goal == NULL)
    {
      vigia_chart_view_set_chart (self->chart_view, NULL);
      clear_rows (self->entries_group, self->entry_rows);
      clear_rows (self->history_group, self->history_rows);
    }
  else
    {
      g_autoptr(VigiaChartTrajectory) chart = vigia_chart_trajectory_new (vigia_undo_stack_get_plan (undo_stack),
                                                                          goal, target);

      vigia_chart_view_set_chart (self->chart_view, VIGIA_CHART (chart));
      refresh (self);
    }
  if (undo_stack != NULL)
    g_object_unref (undo_stack);
  g_object_unref (self);
}

/**
 * vigia_goal_detail_set_goal:
 * @undo_stack: (nullable): the open plan's stack
 * @goal: (nullable): a goal of its plan, or %NULL for none
 *
 * Shows @goal, with its first target's trajectory and entries.
 */
void
vigia_goal_detail_set_goal (VigiaGoalDetail *self,
                            VigiaUndoStack  *undo_stack,
                            VigiaGoal       *goal)
{
  g_return_if_fail (VIGIA_IS_GOAL_DETAIL (self));
  g_return_if_fail (goal == NULL || VIGIA_IS_GOAL (goal));

  vigia_goal_detail_set_target (self, undo_stack, goal != NULL ? vigia_goal_get_target (goal, 0) : NULL);
}

VigiaGoal *
vigia_goal_detail_get_goal (VigiaGoalDetail *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_DETAIL (self), NULL);
  return self->goal;
}

VigiaTarget *
vigia_goal_detail_get_target (VigiaGoalDetail *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_DETAIL (self), NULL);
  return self->target;
}

/**
 * vigia_goal_detail_get_chart_view:
 *
 * Returns: (transfer none): the goal's trajectory chart
 */
GtkWidget *
vigia_goal_detail_get_chart_view (VigiaGoalDetail *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_DETAIL (self), NULL);
  return GTK_WIDGET (self->chart_view);
}

guint
vigia_goal_detail_get_n_entries (VigiaGoalDetail *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_DETAIL (self), 0);

  if (self->stale)
    refresh (self);
  return self->entry_rows->len;
}

guint
vigia_goal_detail_get_n_changes (VigiaGoalDetail *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL_DETAIL (self), 0);

  if (self->stale)
    refresh (self);
  return self->history_rows->len;
}

/**
 * vigia_goal_detail_get_text:
 * @history: %TRUE for a row of the history, %FALSE for an entry
 * @subtitle: %TRUE for the row's smaller lines
 *
 * Returns: what the row at @position says
 */
const char *
vigia_goal_detail_get_text (VigiaGoalDetail *self,
                            gboolean         history,
                            guint            position,
                            gboolean         subtitle)
{
  GPtrArray *rows;
  GtkWidget *row;

  g_return_val_if_fail (VIGIA_IS_GOAL_DETAIL (self), NULL);

  if (self->stale)
    refresh (self);
  rows = history ? self->history_rows : self->entry_rows;
  g_return_val_if_fail (position < rows->len, NULL);

  row = g_ptr_array_index (rows, position);
  return subtitle ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row))
                  : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}
