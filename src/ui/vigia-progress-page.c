/* vigia-progress-page.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Avance tab.  Above, the plan's chart (goals by status per dimension,
 * its achievement) for the authority or for observers; below, a grid with
 * a row per target, grouped under a row per dimension (and, for a goal of
 * several targets, under a row for the goal), and a column per
 * semester of the term, the current one marked and those to come dimmed.
 * Each cell shows what the authority reported and what observers verified.
 *
 * Made to enter a semester by keyboard: arrows and Tab move from cell to
 * cell, Enter opens the entry editor on the cell, and Enter in the editor
 * saves and opens it on the next goal down.  The grid is a GtkColumnView
 * that is given its whole height (it scrolls with the page), so that every
 * cell exists and the page's viewport scrolls the focused one into view;
 * sideways, the page scrolls it into view itself.
 *
 * Selecting a goal's name shows the goal: its trajectory, entries and
 * history, on a page of its own.  The tab is filled when first shown.
 */
#define G_LOG_DOMAIN "vigia-progress-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vigia-accessible-names.h"
#include "vigia-chart-view.h"
#include "vigia-progress-page-private.h"

/* The first column names the goals; the semesters follow. */
#define GOAL_COLUMN 0
#define GOAL_COLUMN_WIDTH 300
#define NARROW_GOAL_COLUMN_WIDTH 200
#define PERIOD_COLUMN_WIDTH 192
/* Below this width the goals' column gives room to the semesters, and the
 * editor pops up under its cell rather than beside it. */
#define NARROW_WIDTH 600

struct _VigiaProgressPage
{
  GtkWidget            parent_instance;

  AdwLeaflet          *leaflet;
  GtkScrolledWindow   *scroller;
  GtkLabel            *subtitle_label;
  GtkWidget           *period_box;
  GtkDropDown         *period_dropdown;
  GtkWidget           *source_box;
  GtkToggleButton     *authority_toggle;
  GtkToggleButton     *observer_toggle;
  GtkWidget           *status_page;
  GtkImage            *status_icon;
  GtkLabel            *status_title;
  GtkLabel            *status_description;
  GtkWidget           *import_button;
  GtkWidget           *chart_clamp;
  VigiaChartView      *chart_view;
  GtkWidget           *hint_label;
  GtkScrolledWindow   *grid_scroller;
  GtkColumnView       *grid;
  GtkLabel            *outside_label;
  VigiaGoalDetail     *goal_detail;

  VigiaUndoStack      *undo_stack;
  /* The handler on the stack, whichever it is. */
  GSignalGroup        *stack_signals;
  VigiaPlan           *plan;
  VigiaChartPlan      *chart;
  /* The semesters of the term, a column each after the goals' */
  GStrv                periods;
  char                *current;
  /* The semester chosen to judge the plan as of, or NULL for the default */
  char                *judged;
  /* Each VigiaDimension followed by its goals' rows: a goal of one target
   * is that VigiaTarget, a goal of several the VigiaGoal then each target */
  GListModel          *rows;
  /* VigiaTarget → GPtrArray of the widgets bound to it, by column */
  GHashTable          *cells;
  /* Whose entry the editor opens on: the one edited last */
  VigiaSource          source;
  VigiaProgressEditor *editor;
  /* Where the editor opens once the grid has scrolled there */
  VigiaTarget         *pending_target;
  guint                pending_column;
  guint                pending_tick;
  guint                pending_frames;
  guint                pending_idle;
  guint                pending_tries;
  /* What was typed before the editor showed, a Typed per goal down the
   * column (Enter ends one): it goes into the editors as they open. */
  GQueue               typed;
  guint                resize_idle;
  /* The goals' column is narrow, without the sources' names. */
  gboolean             narrow;
  GtkRoot             *root;
  const char          *state;
  gboolean             stale;
  gboolean             filling_periods;
  gboolean             future_asked;
};

G_DEFINE_FINAL_TYPE (VigiaProgressPage, vigia_progress_page, GTK_TYPE_WIDGET)

typedef struct
{
  GString  *value;
  /* A VigiaStatus, or a VigiaSource, picked with Alt and its letter; -1
   * for none */
  int       status;
  int       source;
  gboolean  enter;
} Typed;

static Typed *
typed_new (void)
{
  Typed *typed = g_new0 (Typed, 1);

  typed->value = g_string_new (NULL);
  typed->status = -1;
  typed->source = -1;
  return typed;
}

static void
typed_free (Typed *typed)
{
  g_string_free (typed->value, TRUE);
  g_free (typed);
}

static void  open_editor       (VigiaProgressPage *self,
                                VigiaTarget       *target,
                                guint              column);
static void  show_editor       (VigiaProgressPage *self,
                                VigiaTarget       *target,
                                guint              column);
static guint goal_column_width (VigiaProgressPage *self);
static gboolean pending_tick_cb (GtkWidget     *widget,
                                 GdkFrameClock *clock,
                                 gpointer       user_data);

/* ---------------------------------------------------------------------- */
/* The grid's rows and cells                                              */
/* ---------------------------------------------------------------------- */

/* The goal's own row, above its targets', where it has several. */
static void
update_goal_heading (GListStore *heading)
{
  VigiaGoal *goal = g_object_get_data (G_OBJECT (heading), "vigia-goal");
  gboolean shown = g_list_model_get_n_items (G_LIST_MODEL (heading)) > 0;
  gboolean wanted = vigia_goal_get_n_targets (goal) > 1;

  if (wanted && !shown)
    g_list_store_append (heading, goal);
  else if (!wanted && shown)
    g_list_store_remove_all (heading);
}

/* A goal's rows: its one target, or the goal and then each of its targets,
 * from the goal's own list, so that targets added or removed show at once. */
static gpointer
map_goal (gpointer item,
          gpointer user_data)
{
  g_autoptr(VigiaGoal) goal = item;
  g_autoptr(GListStore) heading = g_list_store_new (VIGIA_TYPE_GOAL);
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  g_object_set_data_full (G_OBJECT (heading), "vigia-goal", g_object_ref (goal), g_object_unref);
  update_goal_heading (heading);
  g_signal_connect_object (vigia_goal_get_targets (goal), "items-changed", G_CALLBACK (update_goal_heading),
                           heading, G_CONNECT_SWAPPED);
  g_list_store_append (parts, heading);
  g_list_store_append (parts, vigia_goal_get_targets (goal));
  return gtk_flatten_list_model_new (G_LIST_MODEL (parts));
}

/* A dimension, then its goals' rows: the goals' own list, so that goals
 * added, moved or deleted show at once. */
static gpointer
map_dimension (gpointer item,
               gpointer user_data)
{
  g_autoptr(VigiaDimension) dimension = item;
  g_autoptr(GListStore) header = g_list_store_new (VIGIA_TYPE_DIMENSION);
  g_autoptr(GtkFlattenListModel) goals = NULL;
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (header, dimension);
  g_list_store_append (parts, header);
  goals = gtk_flatten_list_model_new (G_LIST_MODEL (gtk_map_list_model_new (g_object_ref (vigia_dimension_get_goals (dimension)),
                                                                            map_goal, NULL, NULL)));
  g_list_store_append (parts, goals);
  return gtk_flatten_list_model_new (G_LIST_MODEL (parts));
}

static guint
n_columns (VigiaProgressPage *self)
{
  return 1 + (self->periods != NULL ? g_strv_length (self->periods) : 0);
}

static GtkWidget *
lookup_cell (VigiaProgressPage *self,
             VigiaTarget       *target,
             guint              column)
{
  GPtrArray *row = target != NULL ? g_hash_table_lookup (self->cells, target) : NULL;

  if (row == NULL || column >= row->len)
    return NULL;
  return g_ptr_array_index (row, column);
}

static void
register_cell (VigiaProgressPage *self,
               VigiaTarget       *target,
               guint              column,
               GtkWidget         *cell)
{
  GPtrArray *row = g_hash_table_lookup (self->cells, target);

  if (row == NULL)
    {
      row = g_ptr_array_new ();
      g_ptr_array_set_size (row, n_columns (self));
      g_hash_table_insert (self->cells, g_object_ref (target), row);
    }
  if (column < row->len)
    g_ptr_array_index (row, column) = cell;
}

static void
unregister_cell (VigiaProgressPage *self,
                 VigiaTarget       *target,
                 guint              column,
                 GtkWidget         *cell)
{
  GPtrArray *row = target != NULL ? g_hash_table_lookup (self->cells, target) : NULL;

  if (row != NULL && column < row->len && g_ptr_array_index (row, column) == cell)
    g_ptr_array_index (row, column) = NULL;
}

/* The target, and the column, of a widget of the grid that can take the
 * focus; only the cells themselves, not what pops up from them. */
static gboolean
locate (VigiaProgressPage  *self,
        GtkWidget          *widget,
        VigiaTarget       **target,
        guint              *column)
{
  if (VIGIA_IS_PROGRESS_CELL (widget) && vigia_progress_cell_get_target (VIGIA_PROGRESS_CELL (widget)) != NULL)
    {
      const char *period = vigia_progress_cell_get_period (VIGIA_PROGRESS_CELL (widget));

      for (guint i = 0; self->periods != NULL && self->periods[i] != NULL; i++)
        if (g_str_equal (self->periods[i], period))
          {
            *target = vigia_progress_cell_get_target (VIGIA_PROGRESS_CELL (widget));
            *column = i + 1;
            return lookup_cell (self, *target, *column) == widget;
          }
      return FALSE;
    }

  if (widget != NULL && g_object_get_data (G_OBJECT (widget), "vigia-target") != NULL)
    {
      *target = g_object_get_data (G_OBJECT (widget), "vigia-target");
      *column = GOAL_COLUMN;
      return lookup_cell (self, *target, *column) == widget;
    }

  return FALSE;
}

/* The target @step rows down (or up, negative) from @target, across goals
 * and dimensions. */
static VigiaTarget *
neighbour_target (VigiaProgressPage *self,
                  VigiaTarget       *target,
                  int                step)
{
  guint n = g_list_model_get_n_items (self->rows);
  int position = -1;

  for (guint i = 0; i < n && position < 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->rows, i);

      if (item == G_OBJECT (target))
        position = i;
    }
  if (position < 0)
    return NULL;

  for (int i = position + step; i >= 0 && i < (int) n; i += step)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->rows, i);

      /* Its goal holds the target: it outlives this reference. */
      if (VIGIA_IS_TARGET (item))
        return VIGIA_TARGET (item);
    }
  return NULL;
}

/* Moves @adjustment the least that shows @start … @start + @size of a
 * view @length long. */
static gboolean
scroll_into_view (GtkAdjustment *adjustment,
                  double         start,
                  double         size,
                  double         length)
{
  double value = gtk_adjustment_get_value (adjustment);
  double wanted = value;

  if (start < 0)
    wanted += start;
  else if (start + size > length)
    wanted += MIN (start, start + size - length);
  gtk_adjustment_set_value (adjustment, wanted);
  return gtk_adjustment_get_value (adjustment) != value;
}

/* Sideways the grid scrolls by itself, up and down the page does: the
 * viewport follows the focus as it moves, but not a cell the page moved
 * from under it (the chart shown once there is progress). */
static gboolean
scroll_to_cell (VigiaProgressPage *self,
                GtkWidget         *cell)
{
  graphene_rect_t bounds;
  gboolean scrolled = FALSE;

  if (gtk_widget_compute_bounds (cell, GTK_WIDGET (self->grid_scroller), &bounds))
    scrolled |= scroll_into_view (gtk_scrolled_window_get_hadjustment (self->grid_scroller), bounds.origin.x,
                                  bounds.size.width, gtk_widget_get_width (GTK_WIDGET (self->grid_scroller)));
  if (gtk_widget_compute_bounds (cell, GTK_WIDGET (self->scroller), &bounds))
    scrolled |= scroll_into_view (gtk_scrolled_window_get_vadjustment (self->scroller), bounds.origin.y,
                                  bounds.size.height, gtk_widget_get_height (GTK_WIDGET (self->scroller)));
  return scrolled;
}

static gboolean
focus_cell (VigiaProgressPage *self,
            VigiaTarget       *target,
            guint              column)
{
  GtkWidget *cell = lookup_cell (self, target, column);

  if (cell == NULL || !gtk_widget_grab_focus (cell))
    return FALSE;
  scroll_to_cell (self, cell);
  return TRUE;
}

static void
focus_widget_cb (VigiaProgressPage *self)
{
  GtkWidget *focus = self->root != NULL ? gtk_root_get_focus (self->root) : NULL;
  VigiaTarget *target;
  guint column;

  /* A cell reached by Tab from outside, or clicked. */
  if (focus != NULL && locate (self, focus, &target, &column))
    scroll_to_cell (self, focus);
}

/* The first column: a dimension's name; a goal of one target (its row is
 * the target's); a goal of several; one of its targets. */
static void
fill_goal_cell (GtkWidget *box,
                GObject   *item,
                gboolean   narrow)
{
  GtkLabel *number = g_object_get_data (G_OBJECT (box), "number");
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkWidget *sources = g_object_get_data (G_OBJECT (box), "sources");
  gboolean is_target = VIGIA_IS_TARGET (item);
  VigiaGoal *goal = is_target ? vigia_target_get_goal (VIGIA_TARGET (item)) :
                    VIGIA_IS_GOAL (item) ? VIGIA_GOAL (item) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (number), goal != NULL);
  /* Narrow, the hint above the grid says which line is whose. */
  gtk_widget_set_visible (sources, is_target && !narrow);
  /* The keyboard goes from target to target; a goal of several is reached
   * through its targets' rows. */
  gtk_widget_set_focusable (box, is_target);
  gtk_widget_remove_css_class (box, "progress-dimension");
  gtk_widget_remove_css_class (box, "progress-target");
  gtk_widget_remove_css_class (GTK_WIDGET (title), "heading");

  if (VIGIA_IS_DIMENSION (item))
    {
      VigiaDimension *dimension = VIGIA_DIMENSION (item);
      g_autofree char *name = vigia_dimension_dup_name (dimension);
      guint n = vigia_dimension_get_n_goals (dimension);
      g_autofree char *goals = g_strdup_printf (ngettext ("%u goal", "%u goals", n), n);

      gtk_label_set_text (title, name);
      gtk_label_set_text (subtitle, goals);
      gtk_widget_add_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_add_css_class (box, "progress-dimension");
      gtk_widget_set_tooltip_text (box, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      vigia_accessible_name_row (box, TRUE, name, goals);
    }
  else if (goal != NULL)
    {
      guint n_targets = vigia_goal_get_n_targets (goal);
      guint position = 0;
      g_autofree char *n = NULL;
      g_autofree char *line = NULL;
      g_autofree char *tooltip = NULL;
      g_autofree char *name = NULL;
      g_autofree char *shown = NULL;
      /* The objective tells goals apart: plans repeat an indicator's first
       * words from goal to goal ("PERSONAS CON DISCAPACIDAD…"). */
      const char *text = vigia_goal_get_objective (goal);

      if (vigia_str_empty (text))
        text = vigia_goal_get_indicator (goal);
      if (vigia_str_empty (text))
        text = vigia_goal_get_problem (goal);

      if (is_target && n_targets > 1)
        {
          VigiaTarget *target = VIGIA_TARGET (item);
          g_autofree char *reading = vigia_target_dup_label (target);

          vigia_goal_get_target_position (goal, target, &position);
          n = g_strdup_printf ("%u.%u", vigia_goal_get_number (goal), position + 1);
          text = vigia_target_get_text (target);
          line = g_strdup_printf (_("Target %s"), reading);
          gtk_widget_add_css_class (box, "progress-target");
          /* Translators: a target in the progress grid, read aloud: "Target 2.1: 80% de …" */
          name = g_strdup_printf (_("Target %s: %s"), n, !vigia_str_empty (text) ? text : _("Not written"));
        }
      else if (is_target)
        {
          g_autofree char *reading = vigia_target_dup_label (VIGIA_TARGET (item));

          n = g_strdup_printf ("%u", vigia_goal_get_number (goal));
          /* Translators: under a goal's name in the progress grid: "Target 25 % ↑" */
          line = g_strdup_printf (_("Target %s"), reading);
        }
      else
        {
          n = g_strdup_printf ("%u", vigia_goal_get_number (goal));
          /* Translators: under the name of a goal of several targets in the progress grid */
          line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u target", "%u targets", n_targets), n_targets);
        }

      /* On one line, the plan's lists too: two lines of the cell show. */
      shown = vigia_text_strip (text);
      gtk_label_set_text (number, n);
      gtk_label_set_text (title, !vigia_str_empty (shown) ? shown : _("Not written"));
      gtk_label_set_text (subtitle, line);

      /* Translators: the tooltip of a goal in the progress grid: the problem, the objective */
      tooltip = g_strdup_printf (_("%s\nObjective: %s\nClick or press Enter to see the goal’s progress"),
                                 vigia_goal_get_problem (goal) != NULL ? vigia_goal_get_problem (goal) : "",
                                 vigia_goal_get_objective (goal) != NULL ? vigia_goal_get_objective (goal) : "");
      gtk_widget_set_tooltip_text (box, tooltip);
      if (name == NULL)
        /* Translators: a goal in the progress grid, read aloud: "Goal 2: POBLACIÓN ATENDIDA" */
        name = g_strdup_printf (_("Goal %u: %s"), vigia_goal_get_number (goal), gtk_label_get_text (title));
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, line, -1);
      vigia_accessible_name_row (box, TRUE, name, line);
    }
}

static void
goal_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 gpointer         user_data)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *page = gtk_widget_get_ancestor (box, VIGIA_TYPE_PROGRESS_PAGE);
  VigiaGoal *goal = g_object_get_data (G_OBJECT (box), "vigia-goal");
  VigiaTarget *target = g_object_get_data (G_OBJECT (box), "vigia-target");

  if (page == NULL)
    return;
  if (target != NULL)
    vigia_progress_page_show_target (VIGIA_PROGRESS_PAGE (page), target);
  else if (goal != NULL)
    vigia_progress_page_show_goal (VIGIA_PROGRESS_PAGE (page), goal);
}

static GtkWidget *
make_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_goal_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VigiaProgressPage        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *number = make_label ("goal-number");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = make_label (NULL);
  GtkWidget *subtitle = make_label ("caption");
  GtkWidget *sources = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *authority = make_label ("progress-source");
  GtkWidget *observer = make_label ("progress-source");
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (box, "progress-goal");
  gtk_label_set_xalign (GTK_LABEL (number), 0.5);
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (sources, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_label_set_text (GTK_LABEL (authority), _("Authority"));
  gtk_label_set_text (GTK_LABEL (observer), _("Observer"));
  gtk_widget_add_css_class (authority, "dim-label");
  gtk_widget_add_css_class (observer, "dim-label");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (sources), authority);
  gtk_box_append (GTK_BOX (sources), observer);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), sources);

  g_object_set_data (G_OBJECT (box), "number", number);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "sources", sources);
  g_signal_connect (click, "pressed", G_CALLBACK (goal_pressed_cb), NULL);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_goal_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VigiaProgressPage        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *object = gtk_list_item_get_item (item);

  fill_goal_cell (box, object, self->narrow);
  if (VIGIA_IS_GOAL (object))
    g_object_set_data (G_OBJECT (box), "vigia-goal", object);
  else if (VIGIA_IS_TARGET (object))
    {
      g_object_set_data (G_OBJECT (box), "vigia-goal", vigia_target_get_goal (VIGIA_TARGET (object)));
      g_object_set_data (G_OBJECT (box), "vigia-target", object);
      register_cell (self, VIGIA_TARGET (object), GOAL_COLUMN, box);
    }
}

static void
unbind_goal_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VigiaProgressPage        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  VigiaTarget *target = g_object_get_data (G_OBJECT (box), "vigia-target");

  unregister_cell (self, target, GOAL_COLUMN, box);
  g_object_set_data (G_OBJECT (box), "vigia-goal", NULL);
  g_object_set_data (G_OBJECT (box), "vigia-target", NULL);
}

static void
cell_activate_cb (VigiaProgressCell *cell,
                  VigiaProgressPage *self)
{
  VigiaTarget *target;
  guint column;

  if (locate (self, GTK_WIDGET (cell), &target, &column))
    open_editor (self, target, column);
}

/* The name of the dimension that holds @goal, for what a cell says aloud. */
static char *
dup_dimension_name (VigiaProgressPage *self,
                    VigiaGoal         *goal)
{
  GListModel *dimensions = self->plan != NULL ? vigia_plan_get_dimensions (self->plan) : NULL;

  for (guint i = 0; dimensions != NULL && i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(VigiaDimension) dimension = g_list_model_get_item (dimensions, i);
      GListModel *goals = vigia_dimension_get_goals (dimension);

      for (guint j = 0; j < g_list_model_get_n_items (goals); j++)
        {
          g_autoptr(VigiaGoal) other = g_list_model_get_item (goals, j);

          if (other == goal)
            return vigia_dimension_dup_name (dimension);
        }
    }
  return NULL;
}

static void
setup_period_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 VigiaProgressPage        *self)
{
  GtkWidget *cell = vigia_progress_cell_new ();

  g_signal_connect (cell, "activate", G_CALLBACK (cell_activate_cb), self);
  gtk_list_item_set_child (item, cell);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_period_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VigiaProgressPage        *self)
{
  VigiaProgressCell *cell = VIGIA_PROGRESS_CELL (gtk_list_item_get_child (item));
  GObject *object = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *period = self->periods[column - 1];

  if (!VIGIA_IS_TARGET (object))
    {
      vigia_progress_cell_bind (cell, NULL, NULL, FALSE, FALSE);
      return;
    }

  {
    g_autofree char *dimension = dup_dimension_name (self, vigia_target_get_goal (VIGIA_TARGET (object)));

    vigia_progress_cell_set_dimension (cell, dimension);
  }
  vigia_progress_cell_bind (cell, VIGIA_TARGET (object), period, g_strcmp0 (period, self->current) == 0,
                            vigia_period_compare (period, self->current) > 0);
  register_cell (self, VIGIA_TARGET (object), column, GTK_WIDGET (cell));
}

static void
unbind_period_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  VigiaProgressPage        *self)
{
  VigiaProgressCell *cell = VIGIA_PROGRESS_CELL (gtk_list_item_get_child (item));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  unregister_cell (self, vigia_progress_cell_get_target (cell), column, GTK_WIDGET (cell));
  vigia_progress_cell_bind (cell, NULL, NULL, FALSE, FALSE);
}

static GtkColumnViewColumn *
make_column (VigiaProgressPage *self,
             const char        *title,
             guint              column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *result;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  if (column == GOAL_COLUMN)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_goal_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_goal_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_goal_cb), self);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_period_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_period_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_period_cb), self);
    }

  result = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_fixed_width (result, column != GOAL_COLUMN ? PERIOD_COLUMN_WIDTH :
                                                  self->narrow ? NARROW_GOAL_COLUMN_WIDTH : GOAL_COLUMN_WIDTH);
  gtk_column_view_column_set_resizable (result, column == GOAL_COLUMN);
  return result;
}

static guint
goal_column_width (VigiaProgressPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->grid_scroller);
  double width = gtk_adjustment_get_page_size (adjustment);

  return width > 0 && width < NARROW_WIDTH ? NARROW_GOAL_COLUMN_WIDTH : GOAL_COLUMN_WIDTH;
}

static gboolean
resize_goal_column_cb (gpointer data)
{
  VigiaProgressPage *self = data;
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (self->grid),
                                                                 GOAL_COLUMN);

  gboolean narrow = goal_column_width (self) == NARROW_GOAL_COLUMN_WIDTH;

  self->resize_idle = 0;
  if (column == NULL || narrow == self->narrow)
    return G_SOURCE_REMOVE;

  self->narrow = narrow;
  gtk_column_view_column_set_fixed_width (column, goal_column_width (self));
  {
    GHashTableIter iter;
    gpointer goal;
    GPtrArray *row;

    g_hash_table_iter_init (&iter, self->cells);
    while (g_hash_table_iter_next (&iter, &goal, (gpointer *) &row))
      if (g_ptr_array_index (row, GOAL_COLUMN) != NULL)
        fill_goal_cell (g_ptr_array_index (row, GOAL_COLUMN), goal, narrow);
  }
  return G_SOURCE_REMOVE;
}

/* The width is known while the grid is being laid out: the column is
 * resized once that is over. */
static void
grid_width_cb (VigiaProgressPage *self)
{
  if (self->resize_idle == 0)
    self->resize_idle = g_idle_add (resize_goal_column_cb, self);
}

static void
clear_grid (VigiaProgressPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->grid);
  g_autoptr(GtkColumnViewColumn) column = NULL;

  gtk_column_view_set_model (self->grid, NULL);
  while ((column = g_list_model_get_item (columns, 0)) != NULL)
    {
      gtk_column_view_remove_column (self->grid, column);
      g_clear_object (&column);
    }
  g_hash_table_remove_all (self->cells);
  g_clear_pointer (&self->periods, g_strfreev);
}

/* Columns for @periods, then the rows. */
static void
build_grid (VigiaProgressPage *self,
            GStrv              periods)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  clear_grid (self);
  self->periods = g_strdupv (periods);

  {
    g_autoptr(GtkColumnViewColumn) column = make_column (self, _("Goal"), GOAL_COLUMN);

    gtk_column_view_append_column (self->grid, column);
  }
  for (guint i = 0; periods[i] != NULL; i++)
    {
      g_autofree char *label = vigia_period_dup_short_label (periods[i]);
      g_autofree char *title = g_strcmp0 (periods[i], self->current) == 0 ?
                               /* Translators: the heading of the current semester's column: "H2 2026 (now)" */
                               g_strdup_printf (_("%s (now)"), label) : g_strdup (label);
      g_autoptr(GtkColumnViewColumn) column = make_column (self, title, i + 1);

      gtk_column_view_append_column (self->grid, column);
    }

  selection = gtk_no_selection_new (g_object_ref (self->rows));
  gtk_column_view_set_model (self->grid, GTK_SELECTION_MODEL (selection));
}

/* ---------------------------------------------------------------------- */
/* The entry editor                                                       */
/* ---------------------------------------------------------------------- */

static gboolean
drop_editor_cb (gpointer data)
{
  GtkWidget *editor = data;

  if (gtk_widget_get_parent (editor) != NULL)
    gtk_widget_unparent (editor);
  g_object_unref (editor);
  return G_SOURCE_REMOVE;
}

/* The editor goes once whatever it is doing is over: it may be in the
 * middle of its own key press. */
static void
close_editor (VigiaProgressPage *self)
{
  GtkWidget *editor = GTK_WIDGET (self->editor);

  if (editor == NULL)
    return;
  g_clear_weak_pointer (&self->editor);
  g_signal_handlers_disconnect_by_data (editor, self);
  /* Not while the window goes: its popover is being taken apart already. */
  if (gtk_widget_get_mapped (editor))
    gtk_popover_popdown (GTK_POPOVER (editor));
  g_idle_add (drop_editor_cb, g_object_ref (editor));
}

static void
cancel_pending (VigiaProgressPage *self)
{
  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  g_clear_handle_id (&self->pending_idle, g_source_remove);
  g_clear_object (&self->pending_target);
}

/* Keys typed ahead are for the editors about to open, no others. */
static void
forget_typed (VigiaProgressPage *self)
{
  g_queue_clear_full (&self->typed, (GDestroyNotify) typed_free);
}

static void
editor_closed_cb (VigiaProgressEditor *editor,
                  VigiaProgressPage   *self)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (editor));

  if (self->editor != editor)
    return;
  close_editor (self);
  /* Escape, or a click elsewhere: the keyboard goes back to the cell, not
   * nowhere with the popover it was in. */
  if (cell != NULL && gtk_widget_get_mapped (cell) && gtk_widget_get_focusable (cell))
    gtk_widget_grab_focus (cell);
}

static guint
column_of_period (VigiaProgressPage *self,
                  const char        *period)
{
  for (guint i = 0; self->periods != NULL && self->periods[i] != NULL; i++)
    if (g_str_equal (self->periods[i], period))
      return i + 1;
  return GOAL_COLUMN;
}

static gboolean
pending_idle_cb (gpointer data)
{
  VigiaProgressPage *self = data;
  g_autoptr(VigiaTarget) target = g_steal_pointer (&self->pending_target);
  Typed *typed;

  self->pending_idle = 0;
  if (target == NULL)
    return G_SOURCE_REMOVE;

  /* The page may have moved the cell meanwhile (the chart shown with the
   * first entry): once more, until it is where it shows. */
  if (lookup_cell (self, target, self->pending_column) != NULL &&
      scroll_to_cell (self, lookup_cell (self, target, self->pending_column)) &&
      self->pending_tries++ < 3)
    {
      self->pending_target = g_steal_pointer (&target);
      self->pending_frames = 0;
      self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_tick_cb, NULL, NULL);
      return G_SOURCE_REMOVE;
    }

  typed = g_queue_pop_head (&self->typed);
  show_editor (self, target, self->pending_column);
  /* The keys pressed meanwhile, as if the editor had been there; those
   * after Enter are for the goals further down. */
  if (typed != NULL && self->editor != NULL)
    {
      if (typed->source >= 0)
        vigia_progress_editor_set_source (self->editor, typed->source);
      if (typed->value->len > 0)
        vigia_progress_editor_type_value (self->editor, typed->value->str);
      if (typed->status >= 0)
        vigia_progress_editor_set_status (self->editor, typed->status);
      if (typed->enter)
        vigia_progress_editor_save (self->editor);
    }
  if (typed != NULL)
    typed_free (typed);
  return G_SOURCE_REMOVE;
}

/* Opens the editor on the cell once the grid has been laid out with the
 * cell scrolled into view, two frames on: a popover is placed where its
 * cell is when it pops up. */
static gboolean
pending_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  VigiaProgressPage *self = VIGIA_PROGRESS_PAGE (widget);

  if (++self->pending_frames < 2)
    return G_SOURCE_CONTINUE;

  /* Not in the middle of the frame: once it is drawn. */
  self->pending_tick = 0;
  self->pending_idle = g_idle_add (pending_idle_cb, self);
  return G_SOURCE_REMOVE;
}

static void
open_editor_later (VigiaProgressPage *self,
                   VigiaTarget       *target,
                   guint              column)
{
  GtkWidget *cell = lookup_cell (self, target, column);

  cancel_pending (self);
  if (cell != NULL)
    scroll_to_cell (self, cell);
  self->pending_target = g_object_ref (target);
  self->pending_column = column;
  self->pending_frames = 0;
  self->pending_tries = 0;
  self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_tick_cb, NULL, NULL);
}

static void
editor_saved_cb (VigiaProgressEditor *editor,
                 VigiaProgressPage   *self)
{
  g_autoptr(VigiaTarget) target = g_object_ref (vigia_progress_editor_get_target (editor));
  guint column = column_of_period (self, vigia_progress_editor_get_period (editor));
  VigiaTarget *next = neighbour_target (self, target, 1);

  self->source = vigia_progress_editor_get_source (editor);
  /* Asked once about semesters to come, the user is not asked again for
   * this plan. */
  self->future_asked = self->future_asked || vigia_progress_editor_get_future_asked (editor);
  close_editor (self);

  /* Down to the next target, ready for its value; the last one stays. */
  if (next == NULL || !focus_cell (self, next, column))
    {
      focus_cell (self, target, column);
      return;
    }
  open_editor_later (self, next, column);
}

static void
editor_deleted_cb (VigiaProgressEditor *editor,
                   VigiaProgressPage   *self)
{
  g_autofree char *period = vigia_period_dup_label (vigia_progress_editor_get_period (editor));
  g_autofree char *title = NULL;
  VigiaGoal *goal = vigia_progress_editor_get_goal (editor);
  VigiaTarget *target = vigia_progress_editor_get_target (editor);
  guint column = column_of_period (self, vigia_progress_editor_get_period (editor));
  guint position = 0;

  self->source = vigia_progress_editor_get_source (editor);
  if (vigia_goal_get_n_targets (goal) > 1 && vigia_goal_get_target_position (goal, target, &position))
    /* Translators: a toast with an Undo button: "Entry of target 2.1, 1st half 2024, deleted" */
    title = g_strdup_printf (_("Entry of target %u.%u, %s, deleted"), vigia_goal_get_number (goal), position + 1,
                             period);
  else
    /* Translators: a toast with an Undo button: "Entry of goal 2, 1st half 2024, deleted" */
    title = g_strdup_printf (_("Entry of goal %u, %s, deleted"), vigia_goal_get_number (goal), period);
  focus_cell (self, target, column);
  close_editor (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.toast-undo", "s", title);
}

static void
show_editor (VigiaProgressPage *self,
             VigiaTarget       *target,
             guint              column)
{
  GtkWidget *cell = lookup_cell (self, target, column);
  GtkWidget *editor;

  cancel_pending (self);
  if (cell == NULL || column == GOAL_COLUMN || self->undo_stack == NULL)
    return;

  close_editor (self);
  editor = vigia_progress_editor_new (self->undo_stack, target, self->periods[column - 1], self->source);
  gtk_widget_set_parent (editor, cell);
  /* Beside the cell: the column being typed stays in sight. */
  gtk_popover_set_position (GTK_POPOVER (editor),
                            gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH ? GTK_POS_BOTTOM : GTK_POS_RIGHT);
  vigia_progress_editor_set_future (VIGIA_PROGRESS_EDITOR (editor),
                                    vigia_period_compare (self->periods[column - 1], self->current) > 0,
                                    self->future_asked);
  g_signal_connect (editor, "saved", G_CALLBACK (editor_saved_cb), self);
  g_signal_connect (editor, "deleted", G_CALLBACK (editor_deleted_cb), self);
  g_signal_connect (editor, "closed", G_CALLBACK (editor_closed_cb), self);
  /* Its cell owns it, and the grid may drop the cell first (when the
   * window goes): the page only watches it. */
  g_set_weak_pointer (&self->editor, VIGIA_PROGRESS_EDITOR (editor));
  gtk_popover_popup (GTK_POPOVER (editor));
}

/* Opens the editor on the cell now, for what the user does next. */
static void
open_editor (VigiaProgressPage *self,
             VigiaTarget       *target,
             guint              column)
{
  forget_typed (self);
  show_editor (self, target, column);
}

/* ---------------------------------------------------------------------- */
/* Keyboard                                                               */
/* ---------------------------------------------------------------------- */

static gboolean
is_mnemonic (const char *label,
             guint       keyval)
{
  gunichar typed = g_unichar_tolower (gdk_keyval_to_unicode (keyval));
  const char *underscore = strchr (label, '_');

  return typed != 0 && underscore != NULL && g_unichar_tolower (g_utf8_get_char (underscore + 1)) == typed;
}

static gboolean
is_editor_mnemonic (guint keyval)
{
  for (VigiaStatus status = 0; status < VIGIA_N_STATUSES; status++)
    if (is_mnemonic (vigia_progress_editor_status_mnemonic (status), keyval))
      return TRUE;
  return is_mnemonic (vigia_progress_editor_source_mnemonic (VIGIA_SOURCE_AUTHORITY), keyval) ||
         is_mnemonic (vigia_progress_editor_source_mnemonic (VIGIA_SOURCE_OBSERVER), keyval);
}

/* A figure typed on a cell opens its editor with it, as in a spreadsheet;
 * keys pressed while the editor is on its way (the grid scrolling to the
 * next goal) are kept for it, Enter and Alt and a status's letter too. */
static gboolean
typed_ahead (VigiaProgressPage *self,
             VigiaTarget       *target,
             guint              column,
             guint              keyval,
             GdkModifierType    state)
{
  /* Whichever cell has the keyboard now (a closing popover gives it back
   * to its own), the keys are the coming editor's. */
  gboolean pending = self->pending_target != NULL;
  gunichar c = gdk_keyval_to_unicode (keyval);
  Typed *typed;

  /* Enter still opens a read-only library's entry, to be read. */
  if ((state & GDK_CONTROL_MASK) != 0 || self->undo_stack == NULL ||
      vigia_undo_stack_is_read_only (self->undo_stack))
    return FALSE;
  /* Alt on its way to a status's letter. */
  if (keyval >= GDK_KEY_Shift_L && keyval <= GDK_KEY_Hyper_R)
    return pending;

  if (!pending)
    {
      gboolean starts = (state & GDK_ALT_MASK) != 0 ?
                        is_editor_mnemonic (keyval) :
                        c != 0 && (g_unichar_isdigit (c) || c == ',' || c == '.' || c == '-' || c == '+');

      if (!starts)
        return FALSE;
      forget_typed (self);
      open_editor_later (self, target, column);
    }

  if (keyval == GDK_KEY_Escape)
    {
      cancel_pending (self);
      forget_typed (self);
      return TRUE;
    }

  /* Enter ends what is typed for one goal: what follows is the next's. */
  typed = g_queue_peek_tail (&self->typed);
  if (typed == NULL || typed->enter)
    {
      typed = typed_new ();
      g_queue_push_tail (&self->typed, typed);
    }

  /* The editor's mnemonics, in the language shown: a status, a source. */
  if ((state & GDK_ALT_MASK) != 0)
    {
      for (VigiaStatus status = 0; status < VIGIA_N_STATUSES; status++)
        if (is_mnemonic (vigia_progress_editor_status_mnemonic (status), keyval))
          {
            typed->status = status;
            return TRUE;
          }
      for (VigiaSource source = VIGIA_SOURCE_AUTHORITY; source <= VIGIA_SOURCE_OBSERVER; source++)
        if (is_mnemonic (vigia_progress_editor_source_mnemonic (source), keyval))
          {
            typed->source = source;
            return TRUE;
          }
      return FALSE;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    typed->enter = TRUE;
  else if (keyval == GDK_KEY_BackSpace)
    {
      if (typed->value->len > 0)
        g_string_truncate (typed->value, typed->value->len - 1);
    }
  else if (c != 0 && !g_unichar_iscntrl (c))
    g_string_append_unichar (typed->value, c);
  else
    return FALSE;
  return TRUE;
}

/* Arrows and Tab go from cell to cell, Enter opens the cell: a semester
 * of a dozen goals is typed without the mouse.  Tab leaves the grid past
 * its last cell. */
static gboolean
grid_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     VigiaProgressPage     *self)
{
  GtkWidget *focus = self->root != NULL ? gtk_root_get_focus (self->root) : NULL;
  guint last = n_columns (self) - 1;
  VigiaTarget *target;
  VigiaTarget *other;
  guint column;

  if (focus == NULL || !locate (self, focus, &target, &column))
    return FALSE;

  /* Typed on a semester's cell, or while its editor is on its way: what
   * goes into the editor. */
  if (column != GOAL_COLUMN && typed_ahead (self, target, column, keyval, state))
    return TRUE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab: case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_Right: case GDK_KEY_KP_Right: case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Down: case GDK_KEY_KP_Down: case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Home: case GDK_KEY_KP_Home: case GDK_KEY_End: case GDK_KEY_KP_End:
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      /* Elsewhere: the editor on its way is not wanted any more. */
      cancel_pending (self);
      forget_typed (self);
      break;
    default:
      return FALSE;
    }

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (column < last)
        return focus_cell (self, target, column + 1);
      other = neighbour_target (self, target, 1);
      return other != NULL && focus_cell (self, other, GOAL_COLUMN);

    case GDK_KEY_ISO_Left_Tab:
      if (column > GOAL_COLUMN)
        return focus_cell (self, target, column - 1);
      other = neighbour_target (self, target, -1);
      return other != NULL && focus_cell (self, other, last);

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return column < last ? focus_cell (self, target, column + 1) : TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return column > GOAL_COLUMN ? focus_cell (self, target, column - 1) : TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      other = neighbour_target (self, target, 1);
      return other != NULL ? focus_cell (self, other, column) : TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      other = neighbour_target (self, target, -1);
      return other != NULL ? focus_cell (self, other, column) : TRUE;

    /* The top and the bottom of the column: the start of a semester. */
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      while ((other = neighbour_target (self, target, -1)) != NULL)
        target = other;
      return focus_cell (self, target, column);

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      while ((other = neighbour_target (self, target, 1)) != NULL)
        target = other;
      return focus_cell (self, target, column);

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return focus_cell (self, target, GOAL_COLUMN);

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return focus_cell (self, target, last);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (column == GOAL_COLUMN)
        vigia_progress_page_show_target (self, target);
      else
        /* The cell may just have been scrolled to: where it is drawn next. */
        open_editor_later (self, target, column);
      return TRUE;

    default:
      return FALSE;
    }
}

/* ---------------------------------------------------------------------- */
/* The page                                                               */
/* ---------------------------------------------------------------------- */

static void
show_status (VigiaProgressPage *self,
             const char        *state,
             const char        *icon,
             const char        *title,
             const char        *description)
{
  self->state = state;
  gtk_widget_set_visible (self->status_page, icon != NULL);
  if (icon != NULL)
    {
      gtk_image_set_from_icon_name (self->status_icon, icon);
      gtk_label_set_text (self->status_title, title);
      gtk_label_set_text (self->status_description, description);
    }
}

/* The semester the tab judges the plan as of: the one chosen, while the
 * term has it, else today's within the term, as the reports and Compare
 * Plans judge it by default. */
static char *
dup_judged_period (VigiaProgressPage *self)
{
  if (self->judged != NULL && vigia_plan_has_term (self->plan))
    {
      g_autofree char *clamped = vigia_term_clamp_period (vigia_plan_get_term_start (self->plan),
                                                          vigia_plan_get_term_end (self->plan), self->judged);

      if (g_strcmp0 (clamped, self->judged) == 0)
        return g_steal_pointer (&clamped);
    }
  return vigia_assessment_dup_default_period (self->plan);
}

/* The term's semesters to choose from, @judged chosen. */
static void
fill_period_dropdown (VigiaProgressPage *self,
                      const char        *judged)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->periods != NULL && self->periods[i] != NULL; i++)
    {
      g_autofree char *label = vigia_period_dup_label (self->periods[i]);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (self->periods[i], judged) == 0)
        selected = i;
    }
  self->filling_periods = TRUE;
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->period_dropdown, selected);
  self->filling_periods = FALSE;
}

/* The grid scrolls sideways only, and its scrolled view took the wheel's
 * vertical turns too: the page above it and below it could be reached only
 * by its scroll bar.  They scroll the page. */
static gboolean
grid_scroll_cb (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                VigiaProgressPage        *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double step;

  if (dy == 0 || fabs (dx) > fabs (dy))
    return FALSE;
  /* A wheel's notch, as GTK's own scrolled views take it; a touchpad's
   * movement as it is. */
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL ? pow (page_size, 2.0 / 3.0)
                                                                                      : 1;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return TRUE;
}

static void
update_subtitle (VigiaProgressPage *self);

static void
period_selected_cb (VigiaProgressPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);
  g_autofree char *judged = NULL;

  if (self->filling_periods || self->periods == NULL || selected >= g_strv_length (self->periods))
    return;
  vigia_set_string (&self->judged, self->periods[selected]);
  judged = dup_judged_period (self);
  vigia_chart_plan_set_period (self->chart, judged);
  update_subtitle (self);
}

static void
update_subtitle (VigiaProgressPage *self)
{
  g_autofree char *assessed = NULL;
  g_autofree char *label = NULL;
  g_autofree char *subtitle = NULL;

  if (g_strcmp0 (self->state, "progress") != 0)
    {
      gtk_label_set_text (self->subtitle_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }

  assessed = dup_judged_period (self);
  label = vigia_period_dup_label (assessed);
  if (gtk_toggle_button_get_active (self->observer_toggle))
    /* Translators: under the title of the progress tab: "Up to the 1st half 2025, as observers verified it" */
    subtitle = g_strdup_printf (_("Up to the %s, as observers verified it"), label);
  else
    /* Translators: under the title of the progress tab: "Up to the 1st half 2025, as the authority reports it" */
    subtitle = g_strdup_printf (_("Up to the %s, as the authority reports it"), label);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
}

static void
refresh (VigiaProgressPage *self)
{
  g_auto(GStrv) periods = NULL;
  g_autofree char *assessed = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  guint total = 0;
  guint outside = 0;

  self->stale = FALSE;
  gtk_widget_set_visible (self->import_button, FALSE);

  if (self->plan == NULL)
    {
      show_status (self, "none", NULL, NULL, NULL);
      return;
    }

  if (!vigia_plan_has_term (self->plan))
    {
      close_editor (self);
      clear_grid (self);
      show_status (self, "no-term", "x-office-calendar-symbolic", _("No Term of Office"),
                   _("Progress is followed semester by semester over the term: set its years on the General tab"));
      gtk_widget_set_visible (self->source_box, FALSE);
      gtk_widget_set_visible (self->chart_clamp, FALSE);
      gtk_widget_set_visible (self->hint_label, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->grid_scroller), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->outside_label), FALSE);
      update_subtitle (self);
      return;
    }

  /* A grid for the term, kept while the term is the same. */
  periods = vigia_term_list_periods (vigia_plan_get_term_start (self->plan), vigia_plan_get_term_end (self->plan));
  if (self->periods == NULL || !g_strv_equal ((const char * const *) periods, (const char * const *) self->periods))
    {
      close_editor (self);
      build_grid (self, periods);
    }
  assessed = dup_judged_period (self);
  vigia_chart_plan_set_period (self->chart, assessed);
  fill_period_dropdown (self, assessed);

  /* The goals' names and numbers may have changed on their tabs. */
  {
    GHashTableIter iter;
    gpointer target;
    GPtrArray *row;

    g_hash_table_iter_init (&iter, self->cells);
    while (g_hash_table_iter_next (&iter, &target, (gpointer *) &row))
      if (g_ptr_array_index (row, GOAL_COLUMN) != NULL)
        fill_goal_cell (g_ptr_array_index (row, GOAL_COLUMN), target, self->narrow);
  }

  targets = vigia_plan_list_targets (self->plan);
  for (guint i = 0; i < targets->len; i++)
    {
      GListModel *entries = vigia_target_get_progress (g_ptr_array_index (targets, i));
      guint n = g_list_model_get_n_items (entries);

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, k);

          total++;
          if (!g_strv_contains ((const char * const *) self->periods, vigia_progress_get_period (entry)))
            outside++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->grid_scroller), TRUE);
  gtk_widget_set_visible (self->hint_label, TRUE);
  /* Figures are typed in only where the library can be written. */
  gtk_label_set_text (GTK_LABEL (self->hint_label),
                      vigia_undo_stack_is_read_only (self->undo_stack) ?
                      _("In each semester, the authority’s figure above and the observers’ below. Press Enter or "
                        "click a cell to read its entry.") :
                      _("In each semester, the authority’s figure above and the observers’ below. Type a figure on a "
                        "cell, or press Enter or click it; Enter saves and goes down, Tab moves right."));
  if (total == 0 && vigia_undo_stack_is_read_only (self->undo_stack))
    {
      show_status (self, "no-progress", "view-list-bullet-symbolic", _("No Progress Recorded"),
                   _("No semester of this plan has a figure yet"));
      gtk_widget_set_visible (self->chart_clamp, FALSE);
      gtk_widget_set_visible (self->source_box, FALSE);
    }
  else if (total == 0)
    {
      show_status (self, "no-progress", "view-list-bullet-symbolic", _("Record the First Semester’s Progress"),
                   _("Select a semester of a goal in the grid below and press Enter, or bring a spreadsheet in with Import Progress…"));
      gtk_widget_set_visible (self->import_button, TRUE);
      gtk_widget_set_visible (self->chart_clamp, FALSE);
      gtk_widget_set_visible (self->source_box, FALSE);
    }
  else
    {
      show_status (self, "progress", NULL, NULL, NULL);
      gtk_widget_set_visible (self->chart_clamp, TRUE);
      gtk_widget_set_visible (self->source_box, TRUE);
    }
  update_subtitle (self);

  if (outside > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u entry is for a semester outside the term: the goal’s own page lists it",
                                                         "%u entries are for semesters outside the term: the goals’ own pages list them",
                                                         outside),
                                               outside);

      gtk_label_set_text (self->outside_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->outside_label), outside > 0);
}

/* Typing saves often: a page not on screen is brought up to date when it
 * is shown. */
static void
stack_changed_cb (VigiaProgressPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
chart_source_cb (VigiaProgressPage *self)
{
  if (self->chart == NULL)
    return;
  vigia_chart_plan_set_source (self->chart, gtk_toggle_button_get_active (self->observer_toggle) ?
                                            VIGIA_SOURCE_OBSERVER : VIGIA_SOURCE_AUTHORITY);
  update_subtitle (self);
}

static void
detail_back_cb (VigiaProgressPage *self)
{
  VigiaTarget *target = vigia_goal_detail_get_target (self->goal_detail);

  adw_leaflet_set_visible_child_name (self->leaflet, "grid");
  if (target != NULL)
    focus_cell (self, target, GOAL_COLUMN);
}

static void
detail_edit_entry_cb (VigiaProgressPage *self,
                      const char        *period,
                      VigiaSource        source)
{
  VigiaTarget *target = vigia_goal_detail_get_target (self->goal_detail);
  guint column = column_of_period (self, period);

  adw_leaflet_set_visible_child_name (self->leaflet, "grid");
  if (target == NULL || column == GOAL_COLUMN)
    return;
  self->source = source;
  if (focus_cell (self, target, column))
    open_editor_later (self, target, column);
}

static void
vigia_progress_page_map (GtkWidget *widget)
{
  VigiaProgressPage *self = VIGIA_PROGRESS_PAGE (widget);

  if (self->stale)
    refresh (self);

  GTK_WIDGET_CLASS (vigia_progress_page_parent_class)->map (widget);
}

static void
vigia_progress_page_root (GtkWidget *widget)
{
  VigiaProgressPage *self = VIGIA_PROGRESS_PAGE (widget);

  GTK_WIDGET_CLASS (vigia_progress_page_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  g_signal_connect_swapped (self->root, "notify::focus-widget", G_CALLBACK (focus_widget_cb), self);
}

static void
vigia_progress_page_unroot (GtkWidget *widget)
{
  VigiaProgressPage *self = VIGIA_PROGRESS_PAGE (widget);

  g_signal_handlers_disconnect_by_func (self->root, focus_widget_cb, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (vigia_progress_page_parent_class)->unroot (widget);
}

static void
vigia_progress_page_dispose (GObject *object)
{
  VigiaProgressPage *self = (VigiaProgressPage *)object;

  cancel_pending (self);
  g_clear_handle_id (&self->resize_idle, g_source_remove);
  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      g_clear_weak_pointer (&self->editor);
    }
  vigia_progress_page_set_undo_stack (self, NULL);
  g_clear_object (&self->stack_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PROGRESS_PAGE);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->periods, g_strfreev);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->judged, g_free);
  forget_typed (self);

  G_OBJECT_CLASS (vigia_progress_page_parent_class)->dispose (object);
}

static void
vigia_progress_page_class_init (VigiaProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_progress_page_dispose;

  widget_class->map = vigia_progress_page_map;
  widget_class->root = vigia_progress_page_root;
  widget_class->unroot = vigia_progress_page_unroot;

  g_type_ensure (VIGIA_TYPE_CHART_VIEW);
  g_type_ensure (VIGIA_TYPE_GOAL_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, period_box);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, source_box);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, authority_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, observer_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, status_title);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, status_description);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, chart_clamp);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, grid_scroller);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, grid);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, outside_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressPage, goal_detail);
}

static void
vigia_progress_page_init (VigiaProgressPage *self)
{
  GtkEventController *keys;

  self->state = "none";
  g_queue_init (&self->typed);
  self->cells = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_ptr_array_unref);
  self->current = vigia_period_dup_current ();
  self->stack_signals = g_signal_group_new (VIGIA_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed", G_CALLBACK (stack_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (grid_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid_scroller), keys);

  /* Either may say it last when the other is pressed. */
  g_signal_connect_swapped (self->authority_toggle, "toggled", G_CALLBACK (chart_source_cb), self);
  g_signal_connect_swapped (self->observer_toggle, "toggled", G_CALLBACK (chart_source_cb), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self);
  {
    GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

    gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
    gtk_event_controller_set_name (wheel, "vigia-page-wheel");
    g_signal_connect (wheel, "scroll", G_CALLBACK (grid_scroll_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->grid_scroller), wheel);
  }
  vigia_accessible_name_drop_down (self->period_dropdown, _("Semester judged"));
  g_object_bind_property (self->source_box, "visible", self->period_box, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->grid_scroller), "notify::page-size",
                            G_CALLBACK (grid_width_cb), self);
  g_signal_connect_swapped (self->goal_detail, "back", G_CALLBACK (detail_back_cb), self);
  g_signal_connect_swapped (self->goal_detail, "edit-entry", G_CALLBACK (detail_edit_entry_cb), self);
}

/**
 * vigia_progress_page_dup_period:
 *
 * Returns: (transfer full) (nullable): the semester the tab judges the plan
 *   as of, or %NULL without a plan
 */
char *
vigia_progress_page_dup_period (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);
  return self->plan != NULL ? dup_judged_period (self) : NULL;
}

/**
 * vigia_progress_page_set_period:
 * @period: a semester of the plan's term
 *
 * Judges the plan as of @period, as choosing it above the chart does.
 */
void
vigia_progress_page_set_period (VigiaProgressPage *self,
                                const char        *period)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_PAGE (self));
  g_return_if_fail (period != NULL);

  /* Kept for the grid that is not made yet, until the tab is shown. */
  vigia_set_string (&self->judged, period);
  for (guint i = 0; self->periods != NULL && self->periods[i] != NULL; i++)
    if (g_str_equal (self->periods[i], period))
      gtk_drop_down_set_selected (self->period_dropdown, i);
}

/**
 * vigia_progress_page_set_undo_stack:
 * @undo_stack: (nullable): the open plan's stack, or %NULL to let go of the plan
 *
 * Shows the progress of the plan of @undo_stack, and follows its edits.
 */
void
vigia_progress_page_set_undo_stack (VigiaProgressPage *self,
                                    VigiaUndoStack    *undo_stack)
{
  g_autofree char *shown_plan = NULL;
  g_autofree char *shown_target = NULL;

  g_return_if_fail (VIGIA_IS_PROGRESS_PAGE (self));
  g_return_if_fail (undo_stack == NULL || VIGIA_IS_UNDO_STACK (undo_stack));

  /* The same plan read again (a merge, a restore, another window's change)
   * keeps the goal page it showed. */
  if (self->plan != NULL && vigia_progress_page_get_goal_shown (self) &&
      vigia_goal_detail_get_target (self->goal_detail) != NULL)
    {
      shown_plan = g_strdup (vigia_plan_get_uuid (self->plan));
      shown_target = g_strdup (vigia_target_get_uuid (vigia_goal_detail_get_target (self->goal_detail)));
    }

  /* Another plan is judged as of its default semester again. */
  if (self->plan == NULL || undo_stack == NULL ||
      g_strcmp0 (vigia_plan_get_uuid (self->plan), vigia_plan_get_uuid (vigia_undo_stack_get_plan (undo_stack))) != 0)
    {
      g_clear_pointer (&self->judged, g_free);
      self->future_asked = FALSE;
    }

  cancel_pending (self);
  forget_typed (self);
  close_editor (self);
  vigia_goal_detail_set_goal (self->goal_detail, NULL, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "grid");
  clear_grid (self);
  vigia_chart_view_set_chart (self->chart_view, NULL);
  g_clear_object (&self->chart);
  g_clear_object (&self->rows);
  g_clear_object (&self->plan);
  g_set_object (&self->undo_stack, undo_stack);

  if (undo_stack != NULL)
    {
      g_autofree char *assessed = NULL;
      GtkMapListModel *dimensions;

      self->plan = g_object_ref (vigia_undo_stack_get_plan (undo_stack));
      dimensions = gtk_map_list_model_new (g_object_ref (vigia_plan_get_dimensions (self->plan)),
                                           map_dimension, NULL, NULL);
      self->rows = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (dimensions)));
      assessed = dup_judged_period (self);
      self->chart = vigia_chart_plan_new (self->plan, assessed,
                                          gtk_toggle_button_get_active (self->observer_toggle) ?
                                          VIGIA_SOURCE_OBSERVER : VIGIA_SOURCE_AUTHORITY);
      vigia_chart_view_set_chart (self->chart_view, VIGIA_CHART (self->chart));
    }
  g_signal_group_set_target (self->stack_signals, undo_stack);
  /* Opening a plan does not wait for its grid: the page is filled when it
   * is shown, or asked. */
  stack_changed_cb (self);

  if (shown_target != NULL && self->plan != NULL && g_strcmp0 (shown_plan, vigia_plan_get_uuid (self->plan)) == 0)
    {
      VigiaTarget *target = vigia_plan_find_target (self->plan, shown_target, NULL);

      if (target != NULL)
        vigia_progress_page_show_target (self, target);
    }
}

/**
 * vigia_progress_page_get_state:
 *
 * Returns: what the page shows: "progress", "no-progress" (the grid, and
 *   how to start), "no-term" or "none"
 */
const char *
vigia_progress_page_get_state (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);

  if (self->stale)
    refresh (self);
  return self->state;
}

/**
 * vigia_progress_page_get_n_periods:
 *
 * Returns: how many semesters the grid has, a column each
 */
guint
vigia_progress_page_get_n_periods (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), 0);

  if (self->stale)
    refresh (self);
  return n_columns (self) - 1;
}

/**
 * vigia_progress_page_get_period_title:
 *
 * Returns: the heading of the column of the semester at @position
 */
const char *
vigia_progress_page_get_period_title (VigiaProgressPage *self,
                                      guint              position)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);

  if (self->stale)
    refresh (self);
  g_return_val_if_fail (position + 1 < n_columns (self), NULL);

  column = g_list_model_get_item (gtk_column_view_get_columns (self->grid), position + 1);
  return gtk_column_view_column_get_title (column);
}

/**
 * vigia_progress_page_get_outside_text:
 *
 * Returns: (nullable): what the page says of entries for semesters outside
 *   the term, or %NULL if there are none
 */
const char *
vigia_progress_page_get_outside_text (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);

  if (self->stale)
    refresh (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->outside_label)))
    return NULL;
  return gtk_label_get_text (self->outside_label);
}

/**
 * vigia_progress_page_get_chart_view:
 *
 * Returns: (transfer none): the plan's chart
 */
GtkWidget *
vigia_progress_page_get_chart_view (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);
  return GTK_WIDGET (self->chart_view);
}

/**
 * vigia_progress_page_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell of @target in @period
 */
VigiaProgressCell *
vigia_progress_page_get_cell (VigiaProgressPage *self,
                              VigiaTarget       *target,
                              const char        *period)
{
  guint column;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (self->stale)
    refresh (self);
  column = column_of_period (self, period);
  return column != GOAL_COLUMN ? VIGIA_PROGRESS_CELL (lookup_cell (self, target, column)) : NULL;
}

/**
 * vigia_progress_page_focus_cell:
 * @period: (nullable): a semester, or %NULL for the target's name
 *
 * Puts the keyboard focus on the cell of @target in @period.
 *
 * Returns: whether there is such a cell
 */
gboolean
vigia_progress_page_focus_cell (VigiaProgressPage *self,
                                VigiaTarget       *target,
                                const char        *period)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), FALSE);

  if (self->stale)
    refresh (self);
  return focus_cell (self, target, period != NULL ? column_of_period (self, period) : GOAL_COLUMN);
}

/**
 * vigia_progress_page_get_focus:
 * @target: (out) (transfer none): the target of the focused cell
 * @period: (out) (transfer none): its semester, or %NULL for the name
 *
 * Returns: whether the keyboard focus is on a cell of the grid
 */
gboolean
vigia_progress_page_get_focus (VigiaProgressPage  *self,
                               VigiaTarget       **target,
                               const char        **period)
{
  GtkWidget *focus;
  guint column;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), FALSE);

  focus = self->root != NULL ? gtk_root_get_focus (self->root) : NULL;
  if (focus == NULL || !locate (self, focus, target, &column))
    return FALSE;
  *period = column == GOAL_COLUMN ? NULL : self->periods[column - 1];
  return TRUE;
}

/**
 * vigia_progress_page_get_editor:
 *
 * Returns: (transfer none) (nullable): the entry editor open now
 */
VigiaProgressEditor *
vigia_progress_page_get_editor (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);
  return self->editor;
}

/**
 * vigia_progress_page_show_goal:
 *
 * Shows @goal's own page: its trajectory, its entries, its history; of its
 * first target, for a goal of several.
 */
void
vigia_progress_page_show_goal (VigiaProgressPage *self,
                               VigiaGoal         *goal)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_PAGE (self));
  g_return_if_fail (VIGIA_IS_GOAL (goal));

  vigia_progress_page_show_target (self, vigia_goal_get_target (goal, 0));
}

/**
 * vigia_progress_page_show_target:
 *
 * Shows the page of @target's goal, with @target's trajectory and entries.
 */
void
vigia_progress_page_show_target (VigiaProgressPage *self,
                                 VigiaTarget       *target)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_PAGE (self));
  g_return_if_fail (VIGIA_IS_TARGET (target));

  if (self->undo_stack == NULL)
    return;
  if (self->stale)
    refresh (self);
  cancel_pending (self);
  forget_typed (self);
  close_editor (self);
  vigia_goal_detail_set_target (self->goal_detail, self->undo_stack, target);
  adw_leaflet_set_visible_child_name (self->leaflet, "goal");
  /* The page is no control itself: its first one takes the keyboard, so
   * that Escape and Alt+Left lead back. */
  gtk_widget_child_focus (GTK_WIDGET (self->goal_detail), GTK_DIR_TAB_FORWARD);
}

/**
 * vigia_progress_page_get_goal_detail:
 *
 * Returns: (transfer none): the page that shows one goal
 */
VigiaGoalDetail *
vigia_progress_page_get_goal_detail (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), NULL);
  return self->goal_detail;
}

/**
 * vigia_progress_page_get_goal_shown:
 *
 * Returns: whether a goal's own page is shown rather than the grid
 */
gboolean
vigia_progress_page_get_goal_shown (VigiaProgressPage *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_PAGE (self), FALSE);
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "goal") == 0;
}
