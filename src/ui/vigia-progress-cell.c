/* vigia-progress-cell.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the authority reported and what observers verified for one target in
 * one semester, a line each: the value in the target's unit and the status
 * in words.  The cell follows its target (an entry saved, undone or imported
 * shows at once) and takes the keyboard focus; the entry editor pops up
 * from it, so the cell presents popovers it holds when it is allocated.
 */
#define G_LOG_DOMAIN "vigia-progress-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-accessible-names.h"
#include "vigia-progress-cell-private.h"
#include "vigia-number.h"
#include "vigia-status-badge.h"

struct _VigiaProgressCell
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkLabel         *authority_value;
  VigiaStatusBadge *authority_badge;
  GtkLabel         *observer_value;
  VigiaStatusBadge *observer_badge;

  VigiaTarget      *target;
  char             *period;
  /* The goal's dimension, which the goal's number alone does not tell */
  char             *dimension;
};

G_DEFINE_FINAL_TYPE (VigiaProgressCell, vigia_progress_cell, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Says one source's entry on its line; returns it in words for screen
 * readers and the tooltip. */
static char *
show_entry (VigiaProgressCell *self,
            VigiaSource        source,
            GtkLabel          *value_label,
            VigiaStatusBadge  *badge)
{
  VigiaProgress *entry = vigia_target_find_progress (self->target, self->period, source);
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;
  double number;

  if (entry == NULL)
    {
      gtk_label_set_text (value_label, "—");
      gtk_widget_add_css_class (GTK_WIDGET (value_label), "dim-label");
      gtk_widget_set_visible (GTK_WIDGET (badge), FALSE);
      /* Translators: a source's line of a progress cell, read aloud: "Authority: no entry" */
      return g_strdup_printf (_("%s: no entry"), vigia_source_get_label (source));
    }

  number = vigia_progress_get_value (entry);
  if (VIGIA_HAS_VALUE (number))
    {
      const char *unit = vigia_target_get_unit (self->target);

      value = vigia_target_dup_value_label (self->target, number);
      /* "12,5 %", "US$ 3", but "140" rather than "140 MYPES AT…": the
       * goal's column says the unit, screen readers and the tooltip too. */
      if (vigia_str_empty (unit) || g_utf8_strlen (unit, -1) <= 4 || g_str_has_suffix (value, "%"))
        shown = g_strdup (value);
      else
        shown = vigia_number_format (number, 2);
    }
  gtk_label_set_text (value_label, shown != NULL ? shown : "");
  gtk_widget_remove_css_class (GTK_WIDGET (value_label), "dim-label");
  vigia_status_badge_set_status (badge, vigia_progress_get_status (entry));
  gtk_widget_set_visible (GTK_WIDGET (badge), TRUE);

  if (value == NULL)
    /* Translators: read aloud: "Observer: Kept" */
    return g_strdup_printf (_("%s: %s"), vigia_source_get_label (source),
                            vigia_status_get_label (vigia_progress_get_status (entry)));
  /* Translators: read aloud: "Authority: 12 %, In progress" */
  return g_strdup_printf (_("%s: %s, %s"), vigia_source_get_label (source), value,
                          vigia_status_get_label (vigia_progress_get_status (entry)));
}

static void
update (VigiaProgressCell *self)
{
  g_autofree char *authority = NULL;
  g_autofree char *observer = NULL;
  g_autofree char *period = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  VigiaGoal *goal;
  guint position = 0;

  gtk_widget_set_visible (self->box, self->target != NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), self->target != NULL);
  if (self->target == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "empty");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");

  authority = show_entry (self, VIGIA_SOURCE_AUTHORITY, self->authority_value, self->authority_badge);
  observer = show_entry (self, VIGIA_SOURCE_OBSERVER, self->observer_value, self->observer_badge);

  period = vigia_period_dup_label (self->period);
  goal = vigia_target_get_goal (self->target);
  if (goal != NULL && vigia_goal_get_n_targets (goal) > 1 &&
      vigia_goal_get_target_position (goal, self->target, &position))
    /* Translators: a cell of the progress grid for one of a goal's targets,
     * read aloud: "Social, target 2.1, 1st half 2024" */
    name = g_strdup_printf (_("%s, target %u.%u, %s"), self->dimension != NULL ? self->dimension : "",
                            vigia_goal_get_number (goal), position + 1, period);
  else
    /* Translators: a cell of the progress grid, read aloud: "Social, goal 2, 1st half 2024" */
    name = g_strdup_printf (_("%s, goal %u, %s"), self->dimension != NULL ? self->dimension : "",
                            goal != NULL ? vigia_goal_get_number (goal) : 0, period);
  description = g_strdup_printf ("%s. %s.", authority, observer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  vigia_accessible_name_row (GTK_WIDGET (self), FALSE, name, description);
}

static void
target_changed_cb (VigiaProgressCell *self)
{
  update (self);
}

/* A note or evidence says more than fits: the tooltip has it, worked out
 * when asked for. */
static gboolean
query_tooltip_cb (VigiaProgressCell *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->target == NULL)
    return FALSE;

  for (VigiaSource source = VIGIA_SOURCE_AUTHORITY; source <= VIGIA_SOURCE_OBSERVER; source++)
    {
      VigiaProgress *entry = vigia_target_find_progress (self->target, self->period, source);
      const char * const *evidence;
      guint n_evidence;

      if (entry == NULL)
        continue;
      evidence = vigia_progress_get_evidence (entry);
      n_evidence = evidence != NULL ? g_strv_length ((char **) evidence) : 0;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: ", vigia_source_get_label (source));
      if (VIGIA_HAS_VALUE (vigia_progress_get_value (entry)))
        {
          g_autofree char *value = vigia_target_dup_value_label (self->target, vigia_progress_get_value (entry));

          g_string_append_printf (text, "%s, ", value);
        }
      g_string_append (text, vigia_status_get_label (vigia_progress_get_status (entry)));
      if (!vigia_str_empty (vigia_progress_get_note (entry)))
        g_string_append_printf (text, " — %s", vigia_progress_get_note (entry));
      if (n_evidence > 0)
        {
          g_string_append (text, " (");
          g_string_append_printf (text, ngettext ("%u piece of evidence", "%u pieces of evidence", n_evidence),
                                  n_evidence);
          g_string_append_c (text, ')');
        }
    }
  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            VigiaProgressCell *self)
{
  if (self->target == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
vigia_progress_cell_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  VigiaProgressCell *self = VIGIA_PROGRESS_CELL (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* The editor pops up from the cell: a popover is presented by the widget
 * it belongs to, whenever that widget is allocated. */
static void
vigia_progress_cell_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  VigiaProgressCell *self = VIGIA_PROGRESS_CELL (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
vigia_progress_cell_dispose (GObject *object)
{
  VigiaProgressCell *self = (VigiaProgressCell *)object;
  GtkWidget *child;

  vigia_progress_cell_bind (self, NULL, NULL, FALSE, FALSE);
  g_clear_pointer (&self->dimension, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PROGRESS_CELL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vigia_progress_cell_parent_class)->dispose (object);
}

static void
vigia_progress_cell_class_init (VigiaProgressCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_progress_cell_dispose;

  widget_class->measure = vigia_progress_cell_measure;
  widget_class->size_allocate = vigia_progress_cell_size_allocate;

  /**
   * VigiaProgressCell::activate:
   *
   * Emitted when the cell is clicked: its entries are to be edited.
   */
  signals[ACTIVATE] = g_signal_new ("activate",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  g_type_ensure (VIGIA_TYPE_STATUS_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-progress-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressCell, box);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressCell, authority_value);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressCell, authority_badge);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressCell, observer_value);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressCell, observer_badge);

  gtk_widget_class_set_css_name (widget_class, "progress-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
vigia_progress_cell_init (VigiaProgressCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  update (self);
}

GtkWidget *
vigia_progress_cell_new (void)
{
  return g_object_new (VIGIA_TYPE_PROGRESS_CELL, NULL);
}

/**
 * vigia_progress_cell_set_dimension:
 * @dimension: (nullable): the name of the dimension of the goals shown next
 *
 * Says which dimension the cell's goal is in, for its name read aloud:
 * "Social, goal 1" and "Económica, goal 1" are two cells.  Called before
 * vigia_progress_cell_bind().
 */
void
vigia_progress_cell_set_dimension (VigiaProgressCell *self,
                                   const char        *dimension)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_CELL (self));
  vigia_set_string (&self->dimension, dimension);
}

/**
 * vigia_progress_cell_bind:
 * @target: (nullable): the target, or %NULL to show nothing
 * @current: whether @period is the current semester
 * @future: whether @period is still to come
 */
void
vigia_progress_cell_bind (VigiaProgressCell *self,
                          VigiaTarget       *target,
                          const char        *period,
                          gboolean           current,
                          gboolean           future)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_CELL (self));
  g_return_if_fail (target == NULL || VIGIA_IS_TARGET (target));
  g_return_if_fail (target == NULL || period != NULL);

  if (self->target != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->target, target_changed_cb, self);
      g_signal_handlers_disconnect_by_func (vigia_target_get_progress (self->target), target_changed_cb, self);
      if (vigia_target_get_goal (self->target) != NULL)
        g_signal_handlers_disconnect_by_func (vigia_target_get_goal (self->target), target_changed_cb, self);
    }
  g_set_object (&self->target, target);
  vigia_set_string (&self->period, target != NULL ? period : NULL);

  if (target != NULL)
    {
      /* The entries, and the unit and number they are shown with. */
      g_signal_connect_swapped (vigia_target_get_progress (target), "items-changed",
                                G_CALLBACK (target_changed_cb), self);
      g_signal_connect_swapped (target, "notify::unit", G_CALLBACK (target_changed_cb), self);
      g_signal_connect_swapped (target, "notify::measure", G_CALLBACK (target_changed_cb), self);
      if (vigia_target_get_goal (target) != NULL)
        g_signal_connect_swapped (vigia_target_get_goal (target), "notify::number",
                                  G_CALLBACK (target_changed_cb), self);
    }

  if (current && target != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "current");
  if (future && target != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "future");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "future");

  update (self);
}

VigiaTarget *
vigia_progress_cell_get_target (VigiaProgressCell *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_CELL (self), NULL);
  return self->target;
}

const char *
vigia_progress_cell_get_period (VigiaProgressCell *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_CELL (self), NULL);
  return self->period;
}

/**
 * vigia_progress_cell_get_value_text:
 *
 * Returns: what the line of @source shows as value: "12,5 %", "" for an
 *   entry with a status only, "—" for no entry
 */
const char *
vigia_progress_cell_get_value_text (VigiaProgressCell *self,
                                    VigiaSource        source)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_CELL (self), NULL);
  return gtk_label_get_text (source == VIGIA_SOURCE_OBSERVER ? self->observer_value : self->authority_value);
}

/**
 * vigia_progress_cell_get_status_text:
 *
 * Returns: (nullable): the status the line of @source shows, or %NULL for
 *   no entry
 */
const char *
vigia_progress_cell_get_status_text (VigiaProgressCell *self,
                                     VigiaSource        source)
{
  VigiaStatusBadge *badge;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_CELL (self), NULL);

  badge = source == VIGIA_SOURCE_OBSERVER ? self->observer_badge : self->authority_badge;
  if (!gtk_widget_get_visible (GTK_WIDGET (badge)))
    return NULL;
  return vigia_status_badge_get_label (badge);
}
