/* test-progress-page.c: the Avance tab, the goal's page and the comparison of plans
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libintl.h>

#include "vigia-application.h"
#include "vigia-chart-view.h"
#include "vigia-compare-page-private.h"
#include "vigia-compare-row-private.h"
#include "vigia-dimension-page-private.h"
#include "vigia-export-dialog.h"
#include "vigia-goal-detail-private.h"
#include "vigia-plan-editor-private.h"
#include "vigia-plan-selection.h"
#include "vigia-progress-cell-private.h"
#include "vigia-progress-editor-private.h"
#include "vigia-progress-page-private.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"
#include "vigia-window-private.h"

/* One application for the whole program: its id can be registered once. */
static VigiaApplication *app;

typedef struct
{
  char              *dir;
  char              *path;
  VigiaPlan         *plan;
  VigiaWindow       *window;
  VigiaPlanEditor   *editor;
  VigiaProgressPage *page;
} Fixture;

static VigiaLibrary *
library (void)
{
  return vigia_application_get_library (app);
}

/* Popovers are placed on the window's monitor: the window must be on one. */
static gboolean
window_on_monitor (gpointer data)
{
  GtkNative *native = GTK_NATIVE (data);
  GdkSurface *surface = gtk_native_get_surface (native);

  return gtk_widget_get_mapped (GTK_WIDGET (native)) && surface != NULL &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = vigia_test_make_dir ();
  f->path = g_build_filename (f->dir, "library.sqlite", NULL);
  /* The name Preferences keeps is the one entries are recorded under. */
  g_settings_set_string (vigia_application_get_settings (app), "author-name", "Rosa Condori");
  g_assert_true (vigia_application_open_library (app, f->path, &error));
  g_assert_no_error (error);

  f->plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);
  g_assert_true (vigia_library_add_plan (library (), f->plan, &error));
  g_assert_no_error (error);

  f->window = vigia_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  f->editor = vigia_window_get_editor (f->window);
  f->page = vigia_plan_editor_get_progress_page (f->editor);
  vigia_plan_editor_set_visible_page (f->editor, "progress");
  g_assert_true (vigia_test_wait_until (window_on_monitor, f->window));
  vigia_test_wait_idle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  VigiaWindow *window = NULL;
  VigiaPlan *editing = NULL;
  VigiaUndoStack *edits = NULL;

  /* The window, the plan its editor had open and that plan's undo stack go
   * with the window, even with an entry editor open on it. */
  if (f->window != NULL)
    {
      VigiaPlanEditor *editor = vigia_window_get_editor (f->window);

      g_set_object (&window, f->window);
      g_set_object (&editing, vigia_plan_editor_get_plan (editor));
      g_set_object (&edits, vigia_plan_editor_get_undo_stack (editor));
      gtk_window_destroy (GTK_WINDOW (f->window));
    }
  vigia_test_close_dialogs ();
  vigia_test_wait_idle ();
  vigia_test_assert_finalized (&window);
  vigia_test_assert_finalized (&edits);
  vigia_test_assert_finalized (&editing);
  g_clear_object (&f->plan);
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The open plan's goal: the editor's own objects, as the grid shows them. */
static VigiaGoal *
goal_at (Fixture *f,
         guint    dimension,
         guint    position)
{
  VigiaPlan *plan = vigia_plan_editor_get_plan (f->editor);

  return vigia_dimension_get_goal (vigia_plan_get_dimension (plan, dimension), position);
}

static VigiaProgress *
saved_entry (Fixture     *f,
             VigiaPlan  **holder,
             guint        dimension,
             guint        position,
             const char  *period,
             VigiaSource  source)
{
  /* Called again with the same holder, it lets go of the plan it held. */
  g_clear_object (holder);
  *holder = vigia_test_reload_plan (f->path, vigia_plan_get_id (f->plan));
  return vigia_goal_find_progress (vigia_dimension_get_goal (vigia_plan_get_dimension (*holder, dimension), position),
                                   period, source);
}

/* A key pressed where the keyboard is: through the controller that reads
 * it, in the capture phase, as GTK hands it over. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      return handled;
    }
  g_assert_not_reached ();
}

static gboolean
grid_key (Fixture *f,
          guint    keyval)
{
  return press_key (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), VIGIA_TYPE_PROGRESS_PAGE,
                                                               "grid_scroller")), keyval, 0);
}

static void
assert_focus (Fixture    *f,
              VigiaGoal  *goal,
              const char *period)
{
  VigiaTarget *focus_target = NULL;
  const char *focus_period = NULL;

  g_assert_true (vigia_progress_page_get_focus (f->page, &focus_target, &focus_period));
  g_assert_true (vigia_target_get_goal (focus_target) == goal);
  g_assert_cmpstr (focus_period, ==, period);
}

typedef struct
{
  VigiaProgressPage *page;
  VigiaGoal         *goal;
  const char        *period;
} EditorAt;

static gboolean
editor_is_at (gpointer data)
{
  EditorAt *at = data;
  VigiaProgressEditor *editor = vigia_progress_page_get_editor (at->page);

  return editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor)) &&
         vigia_progress_editor_get_goal (editor) == at->goal &&
         g_strcmp0 (vigia_progress_editor_get_period (editor), at->period) == 0;
}

static VigiaProgressEditor *
wait_for_editor (Fixture    *f,
                 VigiaGoal  *goal,
                 const char *period)
{
  EditorAt at = { f->page, goal, period };

  g_assert_true (vigia_test_wait_until (editor_is_at, &at));
  return vigia_progress_page_get_editor (f->page);
}

static gpointer
editor_child (VigiaProgressEditor *editor,
              const char          *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (editor), VIGIA_TYPE_PROGRESS_EDITOR, name);
}

/* Types @value where the editor opened (its value field) and presses Enter. */
static gboolean
type_and_enter (VigiaProgressEditor *editor,
                const char          *value)
{
  GtkEditable *entry = editor_child (editor, "value_entry");

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry))) == GTK_WIDGET (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry))),
                                         GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, value);
  return press_key (GTK_WIDGET (editor), GDK_KEY_Return, 0);
}

static char *
chart_description (GtkWidget *view)
{
  return vigia_chart_dup_description (vigia_chart_view_get_chart (VIGIA_CHART_VIEW (view)));
}

/* A semester typed by keyboard, as an office does it: Enter on the first
 * cell, then a value and Enter for each goal, down the column and across
 * the dimensions; Tab moves right, arrows move around. */
static void
test_keyboard_column (Fixture       *f,
                      gconstpointer  data)
{
  static const char *values[] = { "5", "7", "2,5", "60" };
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaProgressEditor *editor;
  VigiaProgressCell *cell;

  /* In Spanish, as Peru writes numbers: the grid made again in it. */
  vigia_test_set_language ("es");
  vigia_progress_page_set_undo_stack (f->page, NULL);
  vigia_progress_page_set_undo_stack (f->page, vigia_plan_editor_get_undo_stack (f->editor));
  g_assert_cmpstr (vigia_progress_page_get_state (f->page), ==, "no-progress");

  /* Arrows and Tab go from cell to cell. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2023-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Tab));
  assert_focus (f, goal_at (f, 0, 0), "2023-S2");
  g_assert_true (grid_key (f, GDK_KEY_Down));
  assert_focus (f, goal_at (f, 0, 1), "2023-S2");
  g_assert_true (grid_key (f, GDK_KEY_ISO_Left_Tab));
  assert_focus (f, goal_at (f, 0, 1), "2023-S1");
  g_assert_true (grid_key (f, GDK_KEY_Left));
  assert_focus (f, goal_at (f, 0, 1), NULL);
  g_assert_true (grid_key (f, GDK_KEY_Up));
  g_assert_true (grid_key (f, GDK_KEY_Right));
  assert_focus (f, goal_at (f, 0, 0), "2023-S1");
  /* Down from the last goal of a dimension is the first of the next. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 2), 0), "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Down));
  assert_focus (f, goal_at (f, 1, 0), "2024-S1");
  /* Tab past the last semester goes on to the next goal's name. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2026-S2"));
  g_assert_true (grid_key (f, GDK_KEY_Tab));
  assert_focus (f, goal_at (f, 0, 1), NULL);

  /* Enter opens the editor on the cell; each Enter saves and opens the
   * next goal's. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2023-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2023-S1");
  vigia_progress_editor_set_status (editor, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (type_and_enter (editor, values[0]));
  for (guint i = 1; i < G_N_ELEMENTS (values); i++)
    {
      VigiaGoal *goal = i < 3 ? goal_at (f, 0, i) : goal_at (f, 1, 0);

      editor = wait_for_editor (f, goal, "2023-S1");
      g_assert_true (type_and_enter (editor, values[i]));
    }
  /* Enter on an untouched new entry saves nothing: the goal is skipped. */
  editor = wait_for_editor (f, goal_at (f, 1, 1), "2023-S1");
  g_assert_true (press_key (GTK_WIDGET (editor), GDK_KEY_Return, 0));
  editor = wait_for_editor (f, goal_at (f, 1, 2), "2023-S1");
  g_assert_true (press_key (GTK_WIDGET (editor), GDK_KEY_Escape, 0) || TRUE);
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();

  /* In the library, in the goal's unit, read with the decimal comma. */
  g_assert_cmpfloat (vigia_progress_get_value (saved_entry (f, &saved, 0, 0, "2023-S1", VIGIA_SOURCE_AUTHORITY)), ==, 5);
  g_assert_cmpint (vigia_progress_get_status (saved_entry (f, &saved, 0, 0, "2023-S1", VIGIA_SOURCE_AUTHORITY)), ==,
                   VIGIA_STATUS_IN_PROGRESS);
  g_clear_object (&saved);
  g_assert_cmpfloat (vigia_progress_get_value (saved_entry (f, &saved, 0, 2, "2023-S1", VIGIA_SOURCE_AUTHORITY)), ==, 2.5);
  g_clear_object (&saved);
  g_assert_cmpfloat (vigia_progress_get_value (saved_entry (f, &saved, 1, 0, "2023-S1", VIGIA_SOURCE_AUTHORITY)), ==, 60);
  g_clear_object (&saved);
  g_assert_null (saved_entry (f, &saved, 1, 1, "2023-S1", VIGIA_SOURCE_AUTHORITY));
  g_clear_object (&saved);
  g_assert_cmpint (vigia_test_count_rows (f->path, "SELECT count(*) FROM progress"), ==, 4);

  /* The grid says it, with the status in words; a new entry of a goal
   * keeps the status it had. */
  cell = vigia_progress_page_get_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 2), 0), "2023-S1");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "2,5 %");
  g_assert_cmpstr (vigia_progress_cell_get_status_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "Sin evaluar");
  cell = vigia_progress_page_get_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2023-S1");
  g_assert_cmpstr (vigia_progress_cell_get_status_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "En marcha");
  g_assert_cmpstr (vigia_progress_page_get_state (f->page), ==, "progress");

  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2023-S2"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2023-S2");
  g_assert_cmpint (vigia_progress_editor_get_status (editor), ==, VIGIA_STATUS_IN_PROGRESS);
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
  vigia_test_set_language ("en");
}

static gboolean
rows_saved (gpointer data)
{
  return vigia_test_count_rows (data, "SELECT count(*) FROM progress") == 3;
}

/* Figures typed on a cell open its editor with them, as in a spreadsheet,
 * and what is typed faster than the editors open goes into them in turn:
 * a fast typist loses nothing. */
static void
test_type_ahead (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaProgress *entry;
  VigiaProgressEditor *editor;

  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 1, 0), 0), "2024-S2"));
  /* "7", Alt+I (In progress), Enter; "8,5", Enter; Alt+O (Observer), "9",
   * Enter: all before any editor has shown. */
  g_assert_true (grid_key (f, GDK_KEY_7));
  g_assert_true (press_key (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), VIGIA_TYPE_PROGRESS_PAGE,
                                                                       "grid_scroller")), GDK_KEY_Alt_L, 0));
  g_assert_true (press_key (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), VIGIA_TYPE_PROGRESS_PAGE,
                                                                       "grid_scroller")), GDK_KEY_i, GDK_ALT_MASK));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  g_assert_true (grid_key (f, GDK_KEY_8));
  g_assert_true (grid_key (f, GDK_KEY_comma));
  g_assert_true (grid_key (f, GDK_KEY_5));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  g_assert_true (press_key (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), VIGIA_TYPE_PROGRESS_PAGE,
                                                                       "grid_scroller")), GDK_KEY_o, GDK_ALT_MASK));
  g_assert_true (grid_key (f, GDK_KEY_9));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  g_assert_null (vigia_progress_page_get_editor (f->page));

  g_assert_true (vigia_test_wait_until (rows_saved, f->path));
  entry = saved_entry (f, &saved, 1, 0, "2024-S2", VIGIA_SOURCE_AUTHORITY);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 7);
  g_assert_cmpint (vigia_progress_get_status (entry), ==, VIGIA_STATUS_IN_PROGRESS);
  g_clear_object (&saved);
  /* A decimal comma reads as one, whatever the locale. */
  entry = saved_entry (f, &saved, 1, 1, "2024-S2", VIGIA_SOURCE_AUTHORITY);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 8.5);
  g_clear_object (&saved);
  entry = saved_entry (f, &saved, 1, 2, "2024-S2", VIGIA_SOURCE_OBSERVER);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 9);
  g_clear_object (&saved);

  /* Then the next goal's editor, ready, on the source used last. */
  editor = wait_for_editor (f, goal_at (f, 2, 0), "2024-S2");
  g_assert_cmpint (vigia_progress_editor_get_source (editor), ==, VIGIA_SOURCE_OBSERVER);
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();

  /* Moving away forgets what was typed for an editor not shown yet. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 3, 0), 0), "2025-S1"));
  g_assert_true (grid_key (f, GDK_KEY_4));
  g_assert_true (grid_key (f, GDK_KEY_Escape));
  g_assert_true (grid_key (f, GDK_KEY_Down));
  vigia_test_wait_idle ();
  g_assert_null (vigia_progress_page_get_editor (f->page));
  g_assert_cmpint (vigia_test_count_rows (f->path, "SELECT count(*) FROM progress"), ==, 3);
}

/* An entry edited in the grid is in the library, both sources show side by
 * side, the chart redraws and says so; undo takes it back. */
static void
test_edit_saves_and_chart_follows (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *chart = vigia_progress_page_get_chart_view (f->page);
  g_autoptr(VigiaPlan) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VigiaProgressEditor *editor;
  VigiaProgressCell *cell;
  VigiaProgress *entry;

  /* A first entry, so that the chart is shown. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2024-S1");
  vigia_progress_editor_set_status (editor, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (type_and_enter (editor, "10"));
  editor = wait_for_editor (f, goal_at (f, 0, 1), "2024-S1");
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
  before = chart_description (chart);
  vigia_test_assert_description (chart, before);

  /* The observer's figure, with a note and two pieces of evidence. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2024-S1");
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "value_entry")), ==, "10");
  vigia_progress_editor_set_source (editor, VIGIA_SOURCE_OBSERVER);
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "value_entry")), ==, "");
  vigia_progress_editor_set_status (editor, VIGIA_STATUS_KEPT);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor_child (editor, "note_view")),
                            "Padrón verificado en la visita del 12 de junio", -1);
  vigia_progress_editor_add_evidence (editor, "https://www.muniindependencia.gob.pe/padron.pdf");
  vigia_progress_editor_add_evidence (editor, "/home/observatorio/fotos/visita.jpg");
  gtk_editable_set_text (editor_child (editor, "date_entry"), "2024-06-12");
  g_assert_true (type_and_enter (editor, "25"));
  editor = wait_for_editor (f, goal_at (f, 0, 1), "2024-S1");
  /* The editor opens on the source edited last. */
  g_assert_cmpint (vigia_progress_editor_get_source (editor), ==, VIGIA_SOURCE_OBSERVER);
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();

  entry = saved_entry (f, &saved, 0, 0, "2024-S1", VIGIA_SOURCE_OBSERVER);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 25);
  g_assert_cmpint (vigia_progress_get_status (entry), ==, VIGIA_STATUS_KEPT);
  g_assert_cmpstr (vigia_progress_get_note (entry), ==, "Padrón verificado en la visita del 12 de junio");
  g_assert_cmpstrv (vigia_progress_get_evidence (entry),
                    ((const char *[]) { "https://www.muniindependencia.gob.pe/padron.pdf",
                                        "/home/observatorio/fotos/visita.jpg", NULL }));
  g_assert_cmpstr (vigia_progress_get_recorded (entry), ==, "2024-06-12T00:00:00Z");
  g_clear_object (&saved);

  cell = vigia_progress_page_get_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2024-S1");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "10 %");
  g_assert_cmpstr (vigia_progress_cell_get_status_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "In progress");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_OBSERVER), ==, "25 %");
  g_assert_cmpstr (vigia_progress_cell_get_status_text (cell, VIGIA_SOURCE_OBSERVER), ==, "Kept");

  /* The chart shows observers' figures when asked, and says what it shows. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->page),
                                                                                 VIGIA_TYPE_PROGRESS_PAGE,
                                                                                 "observer_toggle")), TRUE);
  after = chart_description (chart);
  g_assert_cmpstr (before, !=, after);
  vigia_test_assert_description (chart, after);
  g_assert_nonnull (strstr (after, "1 kept"));

  /* Undo takes the observer's entry back out of the library and the grid. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_null (saved_entry (f, &saved, 0, 0, "2024-S1", VIGIA_SOURCE_OBSERVER));
  g_clear_object (&saved);
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_OBSERVER), ==, "—");
  g_assert_null (vigia_progress_cell_get_status_text (cell, VIGIA_SOURCE_OBSERVER));
  {
    g_autofree char *undone = chart_description (chart);

    g_assert_cmpstr (undone, !=, after);
  }
  /* Redo puts it back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_OBSERVER), ==, "25 %");
  g_assert_nonnull (saved_entry (f, &saved, 0, 0, "2024-S1", VIGIA_SOURCE_OBSERVER));
}

/* A value that is not a number, a date that is not a day: said in the
 * editor, and the library file is not touched. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VigiaProgressEditor *editor;

  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 2, 1), 0), "2025-S2"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 2, 1), "2025-S2");
  vigia_test_wait_idle ();
  before = vigia_test_checksum_file (f->path);

  g_assert_true (type_and_enter (editor, "12,a"));
  g_assert_cmpstr (vigia_progress_editor_get_error (editor), ==, "“12,a” is not a number");
  g_assert_true (vigia_progress_page_get_editor (f->page) == editor);

  gtk_editable_set_text (editor_child (editor, "date_entry"), "2025-13-40");
  g_assert_true (type_and_enter (editor, "12"));
  g_assert_cmpstr (vigia_progress_editor_get_error (editor), ==, "“2025-13-40” is not a date: there is no month 13.");
  g_assert_false (vigia_progress_editor_save (editor));

  vigia_test_wait_idle ();
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (vigia_undo_stack_get_can_undo (vigia_plan_editor_get_undo_stack (f->editor)));

  /* Closed without saving, the keyboard is back on its cell. */
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
  assert_focus (f, goal_at (f, 2, 1), "2025-S2");
}

/* Deleting an entry asks nothing and offers undo in a toast. */
static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaProgressEditor *editor;
  VigiaUndoStack *undo_stack = vigia_plan_editor_get_undo_stack (f->editor);
  VigiaProgressCell *cell;

  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 3, 2), 0), "2026-S1"));
  g_assert_true (grid_key (f, GDK_KEY_space));
  editor = wait_for_editor (f, goal_at (f, 3, 2), "2026-S1");
  vigia_progress_editor_set_status (editor, VIGIA_STATUS_BROKEN);
  g_assert_true (type_and_enter (editor, "0"));
  g_assert_nonnull (saved_entry (f, &saved, 3, 2, "2026-S1", VIGIA_SOURCE_AUTHORITY));
  g_clear_object (&saved);

  /* The last goal of the plan: the editor does not go on. */
  vigia_test_wait_idle ();
  assert_focus (f, goal_at (f, 3, 2), "2026-S1");
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 3, 2), "2026-S1");
  g_assert_true (vigia_progress_editor_delete (editor));
  g_assert_null (saved_entry (f, &saved, 3, 2, "2026-S1", VIGIA_SOURCE_AUTHORITY));
  g_clear_object (&saved);
  cell = vigia_progress_page_get_cell (f->page, vigia_goal_get_target (goal_at (f, 3, 2), 0), "2026-S1");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "—");

  /* The toast's Undo reverts that step. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-step", "u", vigia_undo_stack_get_serial (undo_stack));
  g_assert_cmpfloat (vigia_progress_get_value (saved_entry (f, &saved, 3, 2, "2026-S1", VIGIA_SOURCE_AUTHORITY)), ==, 0);
  g_assert_cmpint (vigia_progress_get_status (saved_entry (f, &saved, 3, 2, "2026-S1", VIGIA_SOURCE_AUTHORITY)), ==,
                   VIGIA_STATUS_BROKEN);
  g_assert_cmpstr (vigia_progress_cell_get_status_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "Broken");
}

/* A goal's page: its trajectory, its entries and its history, dated; from
 * the grid and from the goal's card. */
static void
test_goal_detail (Fixture       *f,
                  gconstpointer  data)
{
  VigiaGoalDetail *detail = vigia_progress_page_get_goal_detail (f->page);
  VigiaGoal *goal = goal_at (f, 1, 1);
  VigiaProgressEditor *editor;
  g_autofree char *description = NULL;

  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal, 0), "2023-S2"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal, "2023-S2");
  vigia_progress_editor_set_status (editor, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (type_and_enter (editor, "12,5"));
  editor = wait_for_editor (f, goal_at (f, 1, 2), "2023-S2");
  gtk_popover_popdown (GTK_POPOVER (editor));
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal, 0), "2023-S2"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal, "2023-S2");
  g_assert_true (type_and_enter (editor, "14"));
  editor = wait_for_editor (f, goal_at (f, 1, 2), "2023-S2");
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();

  /* Enter on the goal's name shows its page. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal, 0), NULL));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  g_assert_true (vigia_progress_page_get_goal_shown (f->page));
  g_assert_true (vigia_goal_detail_get_goal (detail) == goal);

  g_assert_cmpuint (vigia_goal_detail_get_n_entries (detail), ==, 1);
  g_assert_cmpstr (vigia_goal_detail_get_text (detail, FALSE, 0, FALSE), ==, "2nd half 2023 · Authority");
  g_assert_true (g_str_has_prefix (vigia_goal_detail_get_text (detail, FALSE, 0, TRUE), "14 %\nRecorded on "));
  g_assert_true (g_str_has_suffix (vigia_goal_detail_get_text (detail, FALSE, 0, TRUE), " by Rosa Condori"));

  /* The history, newest first: the value changed, then the entry created. */
  g_assert_cmpuint (vigia_goal_detail_get_n_changes (detail), ==, 2);
  g_assert_cmpstr (vigia_goal_detail_get_text (detail, TRUE, 0, FALSE), ==, "Value: from 12.5 to 14");
  g_assert_cmpstr (vigia_goal_detail_get_text (detail, TRUE, 1, FALSE), ==, "Entry recorded: 12.5");
  g_assert_true (g_str_has_suffix (vigia_goal_detail_get_text (detail, TRUE, 0, TRUE),
                                   " · 2nd half 2023 · Authority · by Rosa Condori"));

  /* The plan read again, as after a merge or a restore: its page stays. */
  {
    g_autoptr(VigiaPlan) again = vigia_library_load_plan (library (), vigia_plan_get_id (f->plan), NULL);
    g_autoptr(VigiaUndoStack) stack = vigia_undo_stack_new (library (), again);
    g_autofree char *uuid = g_strdup (vigia_goal_get_uuid (goal));
    VigiaGoal *same = NULL;

    vigia_plan_editor_set_undo_stack (f->editor, stack);
    vigia_plan_find_goal (again, uuid, &same);
    g_assert_true (vigia_progress_page_get_goal_shown (f->page));
    g_assert_true (vigia_goal_detail_get_goal (detail) == same);
    g_assert_cmpuint (vigia_goal_detail_get_n_entries (detail), ==, 1);
    goal = same;
  }

  /* Its trajectory chart follows the goal. */
  description = chart_description (vigia_goal_detail_get_chart_view (detail));
  g_assert_nonnull (strstr (description, "14 %"));

  /* Back to the grid, on the goal. */
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.back", NULL);
  g_assert_false (vigia_progress_page_get_goal_shown (f->page));
  assert_focus (f, goal, NULL);

  /* View Progress on the goal's card, on its dimension's tab. */
  vigia_plan_editor_set_visible_page (f->editor, "dimension-2");
  gtk_widget_activate_action (GTK_WIDGET (vigia_dimension_page_get_card (vigia_plan_editor_get_dimension_page (f->editor, 2), 0)),
                              "goal.view-progress", NULL);
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "progress");
  g_assert_true (vigia_progress_page_get_goal_shown (f->page));
  g_assert_true (vigia_goal_detail_get_goal (detail) == goal_at (f, 2, 0));
  g_assert_cmpuint (vigia_goal_detail_get_n_entries (detail), ==, 1);
  g_assert_cmpstr (vigia_goal_detail_get_text (detail, FALSE, 0, FALSE), ==, "No entries yet");
}

static gboolean
compare_ready (gpointer data)
{
  VigiaComparePage *page = data;

  return !vigia_compare_page_get_loading (page) && g_strcmp0 (vigia_compare_page_get_state (page), "loading") != 0;
}

static VigiaPlan *
add_plan (const char    *organization,
          const char    *department,
          VigiaElection  election,
          double         value,
          VigiaStatus    status)
{
  g_autoptr(GError) error = NULL;
  VigiaPlan *plan = vigia_test_make_plan (organization, "DISTRITO", 1);

  vigia_plan_set_department (plan, department);
  vigia_plan_set_election (plan, election);
  if (!isnan (value))
    {
      g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S2", VIGIA_SOURCE_AUTHORITY);

      vigia_progress_set_value (entry, value);
      vigia_progress_set_status (entry, status);
      vigia_goal_put_progress (vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0), entry);
    }
  g_assert_true (vigia_library_add_plan (library (), plan, &error));
  g_assert_no_error (error);
  return plan;
}

static const char *
row_text (VigiaComparePage *page,
          guint             position,
          guint             line)
{
  VigiaCompareRow *row = vigia_compare_page_get_row (page, position);

  g_assert_nonnull (row);
  return vigia_compare_row_get_text (row, line);
}

/* The observers' overview: every plan ranked by the authority's achievement,
 * grouped and filtered by department and election type. */
static void
test_compare_ranks_plans (Fixture       *f,
                          gconstpointer  data)
{
  VigiaComparePage *page = VIGIA_COMPARE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (f->window), VIGIA_TYPE_WINDOW,
                                                                               "compare_page"));
  g_autoptr(VigiaPlan) puno = add_plan ("AHORA NACION", "PUNO", VIGIA_ELECTION_REGIONAL, 20, VIGIA_STATUS_IN_PROGRESS);
  g_autoptr(VigiaPlan) ate = add_plan ("SOMOS PERU", "LIMA", VIGIA_ELECTION_MUNICIPAL_DISTRICT, 5, VIGIA_STATUS_STALLED);
  G_GNUC_UNUSED g_autoptr(VigiaPlan) cusco = add_plan ("RENOVACION POPULAR", "CUSCO", VIGIA_ELECTION_MUNICIPAL_PROVINCE, 25, VIGIA_STATUS_KEPT);
  g_autoptr(VigiaPlan) quiet = add_plan ("PODEMOS PERU", "PUNO", VIGIA_ELECTION_MUNICIPAL_DISTRICT, NAN, 0);

  /* The first plan has nothing recorded either. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare", NULL);
  g_assert_true (vigia_test_wait_until (compare_ready, page));
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_compare_page_get_state (page), ==, "list");
  g_assert_cmpuint (vigia_compare_page_get_n_rows (page), ==, 5);

  /* Kept (100 %), then 80 %, then stalled at 20 %; no data last, never 0 %. */
  g_assert_cmpstr (row_text (page, 0, 1), ==, "RENOVACION POPULAR");
  g_assert_cmpstr (row_text (page, 0, 0), ==, "1");
  g_assert_cmpstr (row_text (page, 0, 4), ==, "100 %");
  g_assert_cmpstr (row_text (page, 0, 3), ==, "1 kept");
  g_assert_cmpstr (row_text (page, 1, 1), ==, "AHORA NACION");
  g_assert_cmpstr (row_text (page, 1, 4), ==, "80 %");
  g_assert_cmpstr (row_text (page, 2, 1), ==, "SOMOS PERU");
  g_assert_cmpstr (row_text (page, 2, 4), ==, "20 %");
  g_assert_cmpstr (row_text (page, 2, 3), ==, "1 stalled");
  g_assert_cmpstr (row_text (page, 3, 0), ==, "—");
  g_assert_cmpstr (row_text (page, 3, 4), ==, "no data");
  g_assert_cmpstr (row_text (page, 3, 3), ==, "No goal rated yet");
  g_assert_cmpstr (row_text (page, 3, 2), ==, "INDEPENDENCIA, LIMA, LIMA · Municipal district · 2023–2026");
  g_assert_true (g_str_has_prefix (vigia_compare_page_get_summary (page), "5 plans, 3 with data · all together "));

  /* By department: the departments ranked too, their plans within. */
  vigia_compare_page_set_group (page, VIGIA_COMPARE_GROUP_DEPARTMENT);
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_compare_page_get_n_rows (page), ==, 8);
  g_assert_cmpstr (row_text (page, 0, 1), ==, "CUSCO");
  g_assert_cmpstr (row_text (page, 1, 1), ==, "RENOVACION POPULAR");
  g_assert_cmpstr (row_text (page, 2, 1), ==, "PUNO");
  g_assert_cmpstr (row_text (page, 2, 2), ==, "2 plans · 8 goals");
  g_assert_cmpstr (row_text (page, 3, 1), ==, "AHORA NACION");
  g_assert_cmpstr (row_text (page, 3, 0), ==, "1");
  g_assert_cmpstr (row_text (page, 4, 1), ==, "PODEMOS PERU");
  g_assert_cmpstr (row_text (page, 5, 1), ==, "LIMA");
  g_assert_cmpint (vigia_compare_page_get_plan_id (page, 5), ==, 0);
  g_assert_cmpint (vigia_compare_page_get_plan_id (page, 6), ==, vigia_plan_get_id (ate));

  /* Only district municipalities, by election type. */
  vigia_compare_page_set_group (page, VIGIA_COMPARE_GROUP_ELECTION);
  vigia_compare_page_set_filters (page, VIGIA_ELECTION_MUNICIPAL_DISTRICT, NULL);
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_compare_page_get_n_rows (page), ==, 4);
  g_assert_cmpstr (row_text (page, 0, 1), ==, "Municipal district");
  g_assert_cmpstr (row_text (page, 1, 1), ==, "SOMOS PERU");

  /* Only Puno. */
  vigia_compare_page_set_group (page, VIGIA_COMPARE_GROUP_NONE);
  vigia_compare_page_set_filters (page, -1, "PUNO");
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_compare_page_get_n_rows (page), ==, 2);
  g_assert_cmpstr (row_text (page, 0, 1), ==, "AHORA NACION");

  /* A plan of the ranking opens on its progress. */
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (page), VIGIA_TYPE_COMPARE_PAGE, "list_view"),
                         "activate", 0);
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "progress");
  g_assert_cmpint (vigia_plan_get_id (vigia_plan_editor_get_plan (f->editor)), ==, vigia_plan_get_id (puno));
  g_assert_cmpint (vigia_plan_selection_get_selected_id (f->window->selection), ==, vigia_plan_get_id (puno));

  /* The plan open before Compare, chosen in it, is chosen in the list too. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare", NULL);
  g_assert_true (vigia_test_wait_until (compare_ready, page));
  vigia_test_wait_idle ();
  g_assert_cmpint (vigia_plan_selection_get_selected_id (f->window->selection), ==, 0);
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (page), VIGIA_TYPE_COMPARE_PAGE, "list_view"),
                         "activate", 0);
  g_assert_cmpint (vigia_plan_get_id (vigia_plan_editor_get_plan (f->editor)), ==, vigia_plan_get_id (puno));
  g_assert_cmpint (vigia_plan_selection_get_selected_id (f->window->selection), ==, vigia_plan_get_id (puno));

  /* Progress recorded elsewhere is ranked when the page is shown again. */
  vigia_compare_page_set_filters (page, -1, NULL);
  {
    g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S2", VIGIA_SOURCE_AUTHORITY);
    g_autoptr(GError) error = NULL;

    vigia_progress_set_value (entry, 50);
    vigia_progress_set_status (entry, VIGIA_STATUS_KEPT);
    g_assert_true (vigia_library_save_progress (library (), quiet,
                                                vigia_dimension_get_goal (vigia_plan_get_dimension (quiet, 0), 0),
                                                vigia_goal_get_target (vigia_dimension_get_goal (
                                                  vigia_plan_get_dimension (quiet, 0), 0), 0),
                                                entry, &error));
    g_assert_no_error (error);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare", NULL);
  vigia_test_wait_idle ();
  g_assert_true (vigia_test_wait_until (compare_ready, page));
  vigia_test_wait_idle ();
  /* 50 of 25 counts as the whole way, as kept does: a tie, by name. */
  g_assert_cmpstr (row_text (page, 0, 1), ==, "PODEMOS PERU");
  g_assert_cmpstr (row_text (page, 0, 4), ==, "100 %");
  g_assert_cmpstr (row_text (page, 1, 1), ==, "RENOVACION POPULAR");
}

/* GTK 4.8 keeps a popover that is open when its window goes: the entry
 * editor must not keep the plan's undo stack, nor through it the plan. */
static void
test_close_with_editor_open (Fixture       *f,
                             gconstpointer  data)
{
  VigiaProgressEditor *editor;

  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2023-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2023-S1");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  /* The tear-down closes the window now and checks what it let go. */
}

/* Peru writes a day as 5/12/2026: the entry's date is shown so, in
 * Spanish, and read so, as 5-12-2026 and as 2026-12-05 too, or picked in a
 * calendar; a day that does not exist says why and saves nothing.  What is
 * kept is ISO 8601, as before. */
static void
test_date_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) picked = NULL;
  g_autofree char *today = g_date_time_format (now, "%-d/%-m/%Y");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *domain = g_strdup (textdomain (NULL));
  VigiaTarget *target = vigia_goal_get_target (goal_at (f, 0, 0), 0);
  VigiaProgressEditor *editor;
  GtkEditable *date;

  /* In Spanish, as the application sets it up: its own strings come from
   * the default text domain. */
  vigia_test_set_language ("es");
  textdomain (GETTEXT_PACKAGE);

  /* A new entry is dated today, as a day is written in Peru. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, target, "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2024-S1");
  date = editor_child (editor, "date_entry");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, today);
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "calendar_button")));
  gtk_editable_set_text (date, "2024-06-12");
  g_assert_true (type_and_enter (editor, "10"));
  editor = wait_for_editor (f, goal_at (f, 0, 1), "2024-S1");
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_progress_get_recorded (saved_entry (f, &saved, 0, 0, "2024-S1", VIGIA_SOURCE_AUTHORITY)), ==,
                   "2024-06-12T00:00:00Z");

  /* Opened again, the day kept is shown as d/m/yyyy, and in words. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, target, "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2024-S1");
  date = editor_child (editor, "date_entry");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "12/6/2024");
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "date_words_label")), ==, "12 de junio de 2024");

  /* 31/02/2026: said, the field marked, nothing saved. */
  vigia_test_wait_idle ();
  before = vigia_test_checksum_file (f->path);
  gtk_editable_set_text (date, "31/02/2026");
  g_assert_false (vigia_progress_editor_save (editor));
  g_assert_cmpstr (vigia_progress_editor_get_error (editor), ==,
                   "«31/02/2026» no es una fecha: febrero de 2026 tiene 28 días.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  gtk_editable_set_text (date, "diciembre");
  g_assert_false (vigia_progress_editor_save (editor));
  g_assert_cmpstr (vigia_progress_editor_get_error (editor), ==,
                   "«diciembre» no es una fecha: escríbala como 31/3/2027 o elíjala en el calendario.");
  vigia_test_wait_idle ();
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (vigia_progress_page_get_editor (f->page) == editor);

  /* 5/12/2026 is the 5th of December; fixed, the mark goes. */
  gtk_editable_set_text (date, "5/12/2026");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "date_words_label")), ==, "5 de diciembre de 2026");
  g_assert_true (vigia_progress_editor_save (editor));
  editor = wait_for_editor (f, goal_at (f, 0, 1), "2024-S1");
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_progress_get_recorded (saved_entry (f, &saved, 0, 0, "2024-S1", VIGIA_SOURCE_AUTHORITY)), ==,
                   "2026-12-05T00:00:00Z");

  /* With dashes, and picked in the calendar. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, target, "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2024-S1");
  date = editor_child (editor, "date_entry");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "5/12/2026");
  gtk_editable_set_text (date, "5-12-2025");
  g_assert_true (vigia_progress_editor_save (editor));
  editor = wait_for_editor (f, goal_at (f, 0, 1), "2024-S1");
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_progress_get_recorded (saved_entry (f, &saved, 0, 0, "2024-S1", VIGIA_SOURCE_AUTHORITY)), ==,
                   "2025-12-05T00:00:00Z");

  g_assert_true (vigia_progress_page_focus_cell (f->page, target, "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2024-S1");
  /* The date is among the details, shown when asked for. */
  gtk_expander_set_expanded (editor_child (editor, "details_expander"), TRUE);
  gtk_menu_button_popup (editor_child (editor, "calendar_button"));
  vigia_test_wait_idle ();
  /* It opens on the day in the field. */
  picked = gtk_calendar_get_date (editor_child (editor, "calendar"));
  g_assert_cmpint (g_date_time_get_year (picked), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (picked), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (picked), ==, 5);
  g_clear_pointer (&picked, g_date_time_unref);
  picked = g_date_time_new_local (2025, 3, 31, 0, 0, 0);
  gtk_calendar_select_day (editor_child (editor, "calendar"), picked);
  vigia_test_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "date_entry")), ==, "31/3/2025");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (editor_child (editor, "calendar_button")))));
  g_assert_true (vigia_progress_editor_save (editor));
  editor = wait_for_editor (f, goal_at (f, 0, 1), "2024-S1");
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_progress_get_recorded (saved_entry (f, &saved, 0, 0, "2024-S1", VIGIA_SOURCE_AUTHORITY)), ==,
                   "2025-03-31T00:00:00Z");

  textdomain (domain);
  vigia_test_set_language ("en");
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

/* The popover, its shadow included, lies within its window. */
static void
assert_within_window (GtkWidget *popover,
                      GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  double popover_x, popover_y, window_x, window_y;
  int x, y;

  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  x = gdk_popup_get_position_x (GDK_POPUP (surface)) + (int) popover_x - (int) window_x;
  y = gdk_popup_get_position_y (GDK_POPUP (surface)) + (int) popover_y - (int) window_y;
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x + gtk_widget_get_width (popover), <=, gtk_widget_get_width (window));
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y + gtk_widget_get_height (popover), <=, gtk_widget_get_height (window));
}

/* In a window 400 px wide, in Spanish (its labels are the longer), the
 * entry editor opened on a cell stays within the window, details shown. */
static void
test_editor_fits_narrow_window (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = g_strdup (textdomain (NULL));
  VigiaProgressEditor *editor;
  int min = 0;
  int natural = 0;

  vigia_test_set_language ("es");
  textdomain (GETTEXT_PACKAGE);
  /* A window opened narrow: a window's size is chosen before it shows. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = vigia_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  f->editor = vigia_window_get_editor (f->window);
  f->page = vigia_plan_editor_get_progress_page (f->editor);
  vigia_plan_editor_set_visible_page (f->editor, "progress");
  g_assert_true (vigia_test_wait_until (window_on_monitor, f->window));
  vigia_test_wait_idle ();

  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), "2024-S1");
  gtk_expander_set_expanded (editor_child (editor, "details_expander"), TRUE);
  vigia_progress_editor_add_evidence (editor, "https://www.muniindependencia.gob.pe/transparencia/padron-de-beneficiarios.pdf");
  vigia_test_wait_idle ();

  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &min, &natural, NULL, NULL);
  g_assert_cmpint (min, <=, 400);
  g_assert_cmpint (natural, <=, 400);
  g_assert_true (vigia_test_wait_until (is_laid_out, editor));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  assert_within_window (GTK_WIDGET (editor), GTK_WIDGET (f->window));
  gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
  textdomain (domain);
  vigia_test_set_language ("en");
}

/* A goal of several targets: a row each under the goal's, their own
 * entries, the keyboard going down from target to target; the goal's page
 * shows the target chosen. */
static void
test_goal_of_targets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const texts[] = { "80% de trámites en línea.", "500 ventanillas únicas." };
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (f->plan, 0), 1);
  VigiaProgressEditor *editor;
  VigiaProgressCell *cell;
  VigiaGoal *open_goal;
  VigiaTarget *second;
  VigiaTarget *focus = NULL;
  const char *period = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      VigiaTarget *target = vigia_target_new ();

      vigia_target_set_text (target, texts[i]);
      vigia_target_update_reading (target);
      g_ptr_array_add (targets, target);
    }
  vigia_goal_set_targets (goal, targets);
  g_assert_true (vigia_library_save_goal (library (), f->plan, goal, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  vigia_plan_editor_set_visible_page (f->editor, "progress");
  vigia_test_wait_idle ();

  open_goal = goal_at (f, 0, 1);
  second = vigia_goal_get_target (open_goal, 1);
  /* A value in the second target's cell, then Enter: saved to it alone,
   * and the editor goes on down to the next goal's target. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, second, "2024-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, open_goal, "2024-S1");
  g_assert_true (vigia_progress_editor_get_target (editor) == second);
  g_assert_true (type_and_enter (editor, "120"));
  editor = wait_for_editor (f, goal_at (f, 0, 2), "2024-S1");
  g_assert_nonnull (editor);

  cell = vigia_progress_page_get_cell (f->page, second, "2024-S1");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "120");
  cell = vigia_progress_page_get_cell (f->page, vigia_goal_get_target (open_goal, 0), "2024-S1");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "—");

  saved = vigia_test_reload_plan (f->path, vigia_plan_get_id (f->plan));
  {
    VigiaGoal *read = vigia_dimension_get_goal (vigia_plan_get_dimension (saved, 0), 1);

    g_assert_null (vigia_target_find_progress (vigia_goal_get_target (read, 0), "2024-S1", VIGIA_SOURCE_AUTHORITY));
    g_assert_cmpfloat (vigia_progress_get_value (vigia_target_find_progress (vigia_goal_get_target (read, 1),
                                                                             "2024-S1", VIGIA_SOURCE_AUTHORITY)),
                       ==, 120);
  }

  /* Up from the next goal's target is the second target, not the goal. */
  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 2), 0), "2023-S1"));
  g_assert_true (grid_key (f, GDK_KEY_Up));
  g_assert_true (vigia_progress_page_get_focus (f->page, &focus, &period));
  g_assert_true (focus == second);

  /* Its name opens the goal's page on that target. */
  g_assert_true (grid_key (f, GDK_KEY_Home));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  g_assert_true (vigia_progress_page_get_goal_shown (f->page));
  g_assert_true (vigia_goal_detail_get_target (vigia_progress_page_get_goal_detail (f->page)) == second);
  g_assert_cmpuint (vigia_goal_detail_get_n_entries (vigia_progress_page_get_goal_detail (f->page)), ==, 1);
}

/* The semester the tab judges the plan as of: today's within the term at
 * first, any of the term's when chosen, named under the title, and the one
 * the report opens on; another plan starts from today's again. */
static void
test_semester_judged (Fixture       *f,
                      gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->page), VIGIA_TYPE_PROGRESS_PAGE,
                                                                        "period_dropdown"));
  GtkLabel *subtitle = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->page), VIGIA_TYPE_PROGRESS_PAGE,
                                                                 "subtitle_label"));
  g_autoptr(VigiaPlan) other = vigia_test_make_plan ("SOMOS PERU", "COMAS", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *period = NULL;
  g_autofree char *today_label = NULL;
  GListModel *toplevels;
  VigiaExportDialog *dialog = NULL;

  vigia_test_add_sample_progress (other);
  g_assert_true (vigia_library_add_plan (library (), other, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (other), &error));
  g_assert_no_error (error);
  vigia_plan_editor_set_visible_page (f->editor, "progress");
  vigia_test_wait_idle ();

  /* Today's semester within the term (2023–2026), among the term's eight. */
  today = vigia_assessment_dup_default_period (other);
  today_label = vigia_period_dup_label (today);
  period = vigia_progress_page_dup_period (f->page);
  g_assert_cmpstr (period, ==, today);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 8);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==, today_label);
  g_assert_nonnull (strstr (gtk_label_get_text (subtitle), today_label));
  g_clear_pointer (&period, g_free);

  /* Chosen: the 1st half of 2024, named and kept. */
  gtk_drop_down_set_selected (dropdown, 2);
  period = vigia_progress_page_dup_period (f->page);
  g_assert_cmpstr (period, ==, "2024-S1");
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, "Up to the 1st half 2024, as the authority reports it");
  g_clear_pointer (&period, g_free);

  /* The report is of the same semester. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-plan", NULL);
  vigia_test_wait_idle ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VIGIA_IS_EXPORT_DIALOG (window))
        dialog = VIGIA_EXPORT_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (vigia_export_dialog_get_period (dialog), ==, "2024-S1");
  gtk_window_destroy (GTK_WINDOW (dialog));
  vigia_test_wait_idle ();

  /* Another plan: today's again. */
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  period = vigia_progress_page_dup_period (f->page);
  g_assert_cmpstr (period, ==, today);
}

/* A semester still to come is marked in the entry editor, and the first
 * figure saved for one asks for a second Enter; after that, the plan's
 * other semesters to come are not asked about again. */
static void
test_future_semester (Fixture       *f,
                      gconstpointer  data)
{
  const char *names[] = { "term-start", "term-end" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int start = g_date_time_get_year (now) + 1;
  g_autofree char *first = g_strdup_printf ("%d-S1", start);
  VigiaProgressEditor *editor;

  /* A term that starts next year: every semester is still to come. */
  g_value_init (&values[0], G_TYPE_INT);
  g_value_set_int (&values[0], start);
  g_value_init (&values[1], G_TYPE_INT);
  g_value_set_int (&values[1], start + 3);
  g_assert_true (vigia_undo_stack_set (vigia_plan_editor_get_undo_stack (f->editor),
                                       G_OBJECT (vigia_plan_editor_get_plan (f->editor)), 2, names, values, &error));
  g_assert_no_error (error);
  vigia_test_wait_idle ();

  g_assert_true (vigia_progress_page_focus_cell (f->page, vigia_goal_get_target (goal_at (f, 0, 0), 0), first));
  g_assert_true (grid_key (f, GDK_KEY_Return));
  editor = wait_for_editor (f, goal_at (f, 0, 0), first);
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "future_label")));
  vigia_test_wait_idle ();
  before = vigia_test_checksum_file (f->path);

  /* The first Enter says so and saves nothing… */
  g_assert_true (type_and_enter (editor, "12"));
  g_assert_cmpstr (vigia_progress_editor_get_error (editor), ==,
                   "This semester has not begun yet: save again to record a figure for it all the same.");
  g_assert_true (vigia_progress_page_get_editor (f->page) == editor);
  vigia_test_wait_idle ();
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);

  /* …the second saves, and the next goal's is saved at once. */
  g_assert_true (type_and_enter (editor, "12"));
  editor = wait_for_editor (f, goal_at (f, 0, 1), first);
  g_assert_true (type_and_enter (editor, "7"));
  vigia_test_wait_idle ();
  saved = vigia_test_reload_plan (f->path, vigia_plan_get_id (f->plan));
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (vigia_dimension_get_goal (
                       vigia_plan_get_dimension (saved, 0), 0), first, VIGIA_SOURCE_AUTHORITY)), ==, 12);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (vigia_dimension_get_goal (
                       vigia_plan_get_dimension (saved, 0), 1), first, VIGIA_SOURCE_AUTHORITY)), ==, 7);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
  editor = vigia_progress_page_get_editor (f->page);
  if (editor != NULL)
    gtk_popover_popdown (GTK_POPOVER (editor));
  vigia_test_wait_idle ();
}

/* The wheel over the grid, which scrolls only sideways, scrolls the page:
 * the chart above and the goals below are reached without the scroll bar. */
static void
test_wheel_over_grid (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *grid_scroller = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), VIGIA_TYPE_PROGRESS_PAGE,
                                                                        "grid_scroller"));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (f->page),
                                                                                    VIGIA_TYPE_PROGRESS_PAGE,
                                                                                    "scroller"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (grid_scroller);
  gboolean handled = FALSE;
  gboolean found = FALSE;

  vigia_test_wait_idle ();
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), >, 50);
  gtk_adjustment_set_value (adjustment, 0);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "vigia-page-wheel") != 0)
        continue;
      found = TRUE;
      g_signal_emit_by_name (controller, "scroll", 0.0, 2.0, &handled);
      g_assert_true (handled);
      /* Sideways is the grid's own. */
      g_signal_emit_by_name (controller, "scroll", 2.0, 0.0, &handled);
      g_assert_false (handled);
    }
  g_assert_true (found);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* The test backend keeps what screen readers would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = vigia_test_init_application (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/progress-page/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("keyboard-column", test_keyboard_column);
  ADD ("type-ahead", test_type_ahead);
  ADD ("edit-saves-and-chart-follows", test_edit_saves_and_chart_follows);
  ADD ("bad-input", test_bad_input);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("goal-detail", test_goal_detail);
  ADD ("goal-of-targets", test_goal_of_targets);
  ADD ("compare-ranks-plans", test_compare_ranks_plans);
  ADD ("close-with-editor-open", test_close_with_editor_open);
  ADD ("semester-judged", test_semester_judged);
  ADD ("future-semester", test_future_semester);
  ADD ("wheel-over-grid", test_wheel_over_grid);
  ADD ("date-field", test_date_field);
  ADD ("editor-fits-narrow-window", test_editor_fits_narrow_window);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
