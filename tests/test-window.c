/* test-window.c: the main window: the library list, its search and filters, plans
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vigia-application.h"
#include "vigia-import-dialog-private.h"
#include "vigia-plan-editor-private.h"
#include "vigia-plan-row-private.h"
#include "vigia-plan-selection-private.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"
#include "vigia-preferences-window.h"
#include "vigia-window-private.h"

/* One application for the whole program: its id can be registered once. */
static VigiaApplication *app;

typedef struct
{
  char        *dir;
  char        *path;
  VigiaWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = vigia_test_make_dir ();
  f->path = g_build_filename (f->dir, "library.sqlite", NULL);
  g_assert_true (vigia_application_open_library (app, f->path, &error));
  g_assert_no_error (error);
}

static void
present (Fixture *f)
{
  f->window = vigia_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  vigia_test_wait_idle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  vigia_test_close_dialogs ();
  vigia_test_wait_idle ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static VigiaLibrary *
library (void)
{
  return vigia_application_get_library (app);
}

static void
add_plan (VigiaPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vigia_library_add_plan (library (), plan, &error));
  g_assert_no_error (error);
}

static VigiaPlan *
make_plan (const char    *organization,
           const char    *department,
           const char    *district,
           VigiaElection  election,
           int            term_start)
{
  VigiaPlan *plan = vigia_test_make_plan (organization, district, 1);

  vigia_plan_set_department (plan, department);
  vigia_plan_set_province (plan, department);
  vigia_plan_set_election (plan, election);
  vigia_plan_set_term_start (plan, term_start);
  vigia_plan_set_term_end (plan, term_start + 3);
  return plan;
}

/* Three plans of three departments, election types and terms; the plan of
 * PUNO has a goal about education. */
static void
add_three_plans (VigiaPlan **lima,
                 VigiaPlan **puno,
                 VigiaPlan **cusco)
{
  VigiaGoal *goal;

  *lima = make_plan ("JUNTOS POR EL PERU", "LIMA", "INDEPENDENCIA", VIGIA_ELECTION_MUNICIPAL_DISTRICT, 2023);
  *puno = make_plan ("AHORA NACION", "PUNO", NULL, VIGIA_ELECTION_REGIONAL, 2027);
  *cusco = make_plan ("SOMOS PERU", "CUSCO", "SANTIAGO", VIGIA_ELECTION_MUNICIPAL_DISTRICT, 2027);
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (*puno, 0), 0);
  vigia_goal_set_problem (goal, "BAJO NIVEL DE EDUCACIÓN SECUNDARIA EN LAS ZONAS RURALES");
  add_plan (*lima);
  add_plan (*puno);
  add_plan (*cusco);
}

/* The organizations the list shows, in order, joined by "|". */
static char *
listed (Fixture *f)
{
  GListModel *plans = vigia_window_get_plans (f->window);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (plans);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaPlanSummary) summary = g_list_model_get_item (plans, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, vigia_plan_summary_get_organization (summary));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->window), VIGIA_TYPE_WINDOW, name);
}

static void
type_search (Fixture    *f,
             const char *text)
{
  GtkEditable *entry = child (f, "search_entry");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_editable_set_text (entry, text);
  /* The entry waits for typing to pause before it searches. */
  vigia_test_wait_for_signal (entry, "search-changed");
  vigia_test_wait_idle ();
}

static void
test_empty_library (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);

  present (f);
  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 0);

  /* A plan added to the library appears in the list. */
  add_plan (plan);
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "plans");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);
}

static void
test_bad_library (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "notes.txt", NULL);

  g_file_set_contents (path, "not a library", -1, &error);

  g_assert_false (vigia_application_open_library (app, path, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY);

  present (f);
  vigia_window_show_library_error (f->window, error);
  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "error");
}

static void
test_rows_show_the_plan (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);
  g_autoptr(VigiaPlanRow) row = g_object_ref_sink (vigia_plan_row_new ());
  g_autoptr(VigiaPlanSummary) summary = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2023-S2", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(GError) error = NULL;

  add_plan (plan);
  summary = vigia_library_load_summary (library (), vigia_plan_get_id (plan), &error);
  vigia_plan_row_set_summary (row, summary);
  g_assert_cmpstr (vigia_plan_row_get_text (row, 0), ==, "JUNTOS POR EL PERU");
  g_assert_cmpstr (vigia_plan_row_get_text (row, 1), ==, "INDEPENDENCIA, LIMA, LIMA");
  g_assert_cmpstr (vigia_plan_row_get_text (row, 2), ==, "Municipal district · 2023–2026 · 12 goals");
  g_assert_cmpstr (vigia_plan_row_get_text (row, 3), ==, "");

  /* Progress shows once there is some. */
  vigia_progress_set_value (entry, 4);
  g_assert_true (vigia_library_save_progress (library (), plan,
                                              vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0),
                                              vigia_goal_get_target (vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0), 0),
                                              entry, &error));
  g_assert_no_error (error);
  g_clear_object (&summary);
  summary = vigia_library_load_summary (library (), vigia_plan_get_id (plan), &error);
  vigia_plan_row_set_summary (row, summary);
  /* The authority's achievement as of today: 4 of the way to 25 %. */
  g_assert_cmpstr (vigia_plan_row_get_text (row, 3), ==, "16 %");

  /* And the goals by status, once rated. */
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (vigia_library_save_progress (library (), plan,
                                              vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0),
                                              vigia_goal_get_target (vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0), 0),
                                              entry, &error));
  g_clear_object (&summary);
  summary = vigia_library_load_summary (library (), vigia_plan_get_id (plan), &error);
  vigia_plan_row_set_summary (row, summary);
  g_assert_cmpstr (vigia_plan_row_get_text (row, 3), ==, "16 % · 1 in progress");

  /* A status with nothing to measure says how many goals have progress. */
  {
    g_autoptr(VigiaPlan) quiet = vigia_test_make_plan ("AHORA NACION", "ATE", 1);
    g_autoptr(VigiaProgress) note = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);

    add_plan (quiet);
    vigia_progress_set_note (note, "Sin información de la municipalidad");
    g_assert_true (vigia_library_save_progress (library (), quiet,
                                                vigia_dimension_get_goal (vigia_plan_get_dimension (quiet, 1), 0),
                                                vigia_goal_get_target (vigia_dimension_get_goal (vigia_plan_get_dimension (quiet, 1), 0), 0),
                                                note, &error));
    g_clear_object (&summary);
    summary = vigia_library_load_summary (library (), vigia_plan_get_id (quiet), &error);
    vigia_plan_row_set_summary (row, summary);
    g_assert_cmpstr (vigia_plan_row_get_text (row, 3), ==, "Progress on 1 of 4 goals");
  }
}

static void
test_search_filters_the_list (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(VigiaPlan) lima = NULL;
  g_autoptr(VigiaPlan) puno = NULL;
  g_autoptr(VigiaPlan) cusco = NULL;
  g_autofree char *all = NULL;
  g_autofree char *found = NULL;

  add_three_plans (&lima, &puno, &cusco);
  present (f);

  all = listed (f);
  g_assert_cmpstr (all, ==, "SOMOS PERU|JUNTOS POR EL PERU|AHORA NACION");

  /* Typed without accents, found with them, in a goal's text. */
  type_search (f, "educacion");
  found = listed (f);
  g_assert_cmpstr (found, ==, "AHORA NACION");
  g_clear_pointer (&found, g_free);

  type_search (f, "peru");
  found = listed (f);
  g_assert_cmpstr (found, ==, "SOMOS PERU|JUNTOS POR EL PERU");
  g_clear_pointer (&found, g_free);

  /* Nothing found says so, and offers the way back. */
  type_search (f, "zzzz");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 0);
  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "no-results");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL);
  vigia_test_wait_idle ();
  found = listed (f);
  g_assert_cmpstr (found, ==, all);
  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "plans");
}

static void
test_filters_and_sort (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VigiaPlan) lima = NULL;
  g_autoptr(VigiaPlan) puno = NULL;
  g_autoptr(VigiaPlan) cusco = NULL;
  GtkDropDown *election;
  GtkDropDown *department;
  GtkDropDown *term;
  GtkDropDown *sort;
  GtkLabel *filter_label;
  g_autofree char *found = NULL;

  add_three_plans (&lima, &puno, &cusco);
  present (f);

  election = child (f, "election_dropdown");
  department = child (f, "department_dropdown");
  term = child (f, "term_dropdown");
  sort = child (f, "sort_dropdown");
  filter_label = child (f, "filter_label");

  /* The choices are those of the library: any, then CUSCO, LIMA, PUNO. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (department)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (term)), ==, 3);

  gtk_drop_down_set_selected (election, 1 + VIGIA_ELECTION_MUNICIPAL_DISTRICT);
  found = listed (f);
  g_assert_cmpstr (found, ==, "SOMOS PERU|JUNTOS POR EL PERU");
  g_assert_true (gtk_revealer_get_reveal_child (child (f, "filter_revealer")));
  g_assert_cmpstr (gtk_label_get_text (filter_label), ==, "Only: Municipal district");
  g_clear_pointer (&found, g_free);

  gtk_drop_down_set_selected (term, 2);
  found = listed (f);
  g_assert_cmpstr (found, ==, "SOMOS PERU");
  g_assert_cmpstr (gtk_label_get_text (filter_label), ==, "Only: Municipal district · term from 2027");
  g_clear_pointer (&found, g_free);

  gtk_drop_down_set_selected (election, 0);
  gtk_drop_down_set_selected (term, 0);
  gtk_drop_down_set_selected (department, 3);
  found = listed (f);
  g_assert_cmpstr (found, ==, "AHORA NACION");
  g_assert_cmpstr (gtk_label_get_text (filter_label), ==, "Only: PUNO");
  g_clear_pointer (&found, g_free);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (child (f, "filter_revealer")));

  /* Sorted by organization, then by last change (the newest first). */
  gtk_drop_down_set_selected (sort, VIGIA_PLAN_SORT_ORGANIZATION);
  found = listed (f);
  g_assert_cmpstr (found, ==, "AHORA NACION|JUNTOS POR EL PERU|SOMOS PERU");
  g_clear_pointer (&found, g_free);

  /* Changed long ago, all but the plan edited now. */
  vigia_test_exec_sql (f->path, "UPDATE plan SET changed = '2024-05-01T10:00:00Z'");
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (lima), NULL));
  g_assert_true (vigia_undo_stack_set_string (vigia_plan_editor_get_undo_stack (vigia_window_get_editor (f->window)),
                                              G_OBJECT (vigia_plan_editor_get_plan (vigia_window_get_editor (f->window))),
                                              "vision", "Un distrito con agua.", NULL));
  gtk_drop_down_set_selected (sort, VIGIA_PLAN_SORT_CHANGED);
  found = listed (f);
  g_assert_true (g_str_has_prefix (found, "JUNTOS POR EL PERU|"));
}

/* A national library must open at once: the list reads the summaries of the
 * rows around those on screen only (GtkListView keeps at most 200 rows), a
 * page of 50 at a time (so up to 49 more than the view asks for). */
static void
test_list_reads_rows_on_demand (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *plans;
  guint fetched;
  const guint n_plans = 2000;

  g_assert_true (vigia_library_begin (library (), &error));
  for (guint i = 0; i < n_plans; i++)
    {
      g_autofree char *district = g_strdup_printf ("DISTRITO %04u", i);
      g_autoptr(VigiaPlan) plan = vigia_test_make_plan (i % 2 == 0 ? "JUNTOS POR EL PERU" : "SOMOS PERU",
                                                        district, 1);

      add_plan (plan);
    }
  g_assert_true (vigia_library_commit (library (), &error));

  present (f);
  plans = vigia_window_get_plans (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, n_plans);

  fetched = vigia_plan_list_get_n_fetched (VIGIA_PLAN_LIST (plans));
  g_test_message ("%u of %u summaries read to show the list", fetched, n_plans);
  g_assert_cmpuint (fetched, >, 0);
  g_assert_cmpuint (fetched, <=, 300);

  /* Scrolling to the end reads the rows there, and only those. */
  gtk_widget_activate_action (GTK_WIDGET (child (f, "plan_list_view")), "list.scroll-to-item", "u",
                              n_plans - 1);
  vigia_test_wait_idle ();
  g_test_message ("%u read after scrolling to the end",
                  vigia_plan_list_get_n_fetched (VIGIA_PLAN_LIST (plans)));
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (VIGIA_PLAN_LIST (plans)), >, fetched);
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (VIGIA_PLAN_LIST (plans)), <=, 2 * 300);

  /* A search over a list with a plan open and selected reads only the rows
   * it shows, not every plan found. */
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_list_get_plan_id (VIGIA_PLAN_LIST (plans), 1990),
                                         &error));
  fetched = vigia_plan_list_get_n_fetched (VIGIA_PLAN_LIST (plans));
  type_search (f, "somos");
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, n_plans / 2);
  g_test_message ("%u read for a search that finds %u plans",
                  vigia_plan_list_get_n_fetched (VIGIA_PLAN_LIST (plans)) - fetched, n_plans / 2);
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (VIGIA_PLAN_LIST (plans)) - fetched, <=, 300);

  /* A new plan, hidden by the search, clears it; the list, all 2,001 plans
   * again, shows the new one selected at once, though its rows are still
   * coming a screenful a frame. */
  vigia_test_wait_idle ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, n_plans + 1);
  {
    VigiaPlanSelection *selection = VIGIA_PLAN_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (child (f, "plan_list_view"))));
    guint position = vigia_plan_selection_get_selected (selection);

    g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
    g_assert_cmpint (vigia_plan_list_get_plan_id (VIGIA_PLAN_LIST (plans), position), ==,
                     vigia_plan_get_id (vigia_plan_editor_get_plan (vigia_window_get_editor (f->window))));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n_plans + 1);
  }
}

static void
test_new_plan (Fixture       *f,
               gconstpointer  data)
{
  VigiaPlanEditor *editor;
  VigiaPlan *plan;
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(GError) error = NULL;

  present (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  vigia_test_wait_idle ();

  /* A new plan is open, with the JNE's four dimensions, in the list. */
  editor = vigia_window_get_editor (f->window);
  plan = vigia_plan_editor_get_plan (editor);
  g_assert_nonnull (plan);
  g_assert_cmpuint (vigia_plan_editor_get_n_dimension_pages (editor), ==, 4);
  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "plans");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);

  saved = vigia_library_load_plan (library (), vigia_plan_get_id (plan), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_plan_get_n_dimensions (saved), ==, 4);
  g_assert_cmpint (vigia_dimension_get_kind (vigia_plan_get_dimension (saved, 3)), ==,
                   VIGIA_DIMENSION_KIND_INSTITUTIONAL);
}

static void
test_delete_plan_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 restored;

  add_plan (plan);
  vigia_progress_set_value (entry, 12);
  g_assert_true (vigia_library_save_progress (library (), plan,
                                              vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 1), 0),
                                              vigia_goal_get_target (vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 1), 0), 0),
                                              entry, &error));
  uuid = g_strdup (vigia_plan_get_uuid (plan));
  present (f);
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (plan), &error));

  /* Asks first: cancelling deletes nothing. */
  before = vigia_test_checksum_file (f->path);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-plan", NULL);
  vigia_test_respond ("Delete Plan?", "cancel");
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (vigia_library_count_plans (library (), NULL), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-plan", NULL);
  vigia_test_respond ("Delete Plan?", "delete");
  g_assert_cmpuint (vigia_library_count_plans (library (), NULL), ==, 0);
  g_assert_null (vigia_plan_editor_get_plan (vigia_window_get_editor (f->window)));
  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "empty");

  /* The toast's Undo puts it back whole, under the same uuid. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-plan", "s", uuid);
  vigia_test_wait_idle ();
  restored = vigia_library_lookup_plan (library (), uuid, NULL);
  g_assert_cmpint (restored, >, 0);
  {
    g_autoptr(VigiaPlan) back = vigia_library_load_plan (library (), restored, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (vigia_plan_get_n_goals (back), ==, 12);
    g_assert_nonnull (vigia_goal_find_progress (vigia_dimension_get_goal (vigia_plan_get_dimension (back, 1), 0),
                                                "2024-S1", VIGIA_SOURCE_OBSERVER));
  }
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);
}

static void
test_duplicate_plan (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  VigiaPlan *copy;

  add_plan (plan);
  present (f);
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (plan), NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-plan", NULL);
  vigia_test_wait_idle ();

  /* The copy is open: a plan of its own. */
  copy = vigia_plan_editor_get_plan (vigia_window_get_editor (f->window));
  g_assert_nonnull (copy);
  g_assert_cmpint (vigia_plan_get_id (copy), !=, vigia_plan_get_id (plan));
  g_assert_cmpstr (vigia_plan_get_uuid (copy), !=, vigia_plan_get_uuid (plan));
  g_assert_cmpuint (vigia_plan_get_n_goals (copy), ==, 8);
  g_assert_cmpuint (vigia_library_count_plans (library (), NULL), ==, 2);
}

/* vigia FILE…: a library given opens in the window. */
static void
test_open_library_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autofree char *broken_path = g_build_filename (f->dir, "broken.sqlite", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autofree char *fresh_path = g_build_filename (f->dir, "new.sqlite", NULL);
  g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "other.sqlite");
    g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("AHORA NACION", "JULIACA", 2);

    g_assert_true (vigia_library_add_plan (library, plan, &error));
    g_assert_no_error (error);
  }

  g_application_open (G_APPLICATION (app), &other, 1, "");
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_library_get_path (library ()), ==, other_path);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (VIGIA_IS_WINDOW (window));
  f->window = VIGIA_WINDOW (window);
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);

  /* An SQLite file that is not a library is refused, and the library stays. */
  g_file_set_contents (broken_path, "SQLite format 3\0and then nothing of a database",
                       sizeof "SQLite format 3\0and then nothing of a database" - 1, &error);
  g_assert_no_error (error);
  g_application_open (G_APPLICATION (app), &broken, 1, "");
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_library_get_path (library ()), ==, other_path);
  vigia_test_respond ("The Library Could Not Be Opened", "close");

  /* A name that does not exist yet, *.sqlite, is a new library, as with
   * --library: not a plan file to import. */
  g_application_open (G_APPLICATION (app), &fresh, 1, "");
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_library_get_path (library ()), ==, fresh_path);
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 0);
  g_assert_true (g_file_test (fresh_path, G_FILE_TEST_IS_REGULAR));
}

/* Files dropped on the window, as a file manager drops them. */
static void
drop_files (Fixture  *f,
            GFile   **files,
            guint     n_files)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  g_autoslist(GFile) list = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  gboolean dropped = FALSE;

  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  for (guint i = n_files; i > 0; i--)
    list = g_slist_prepend (list, g_object_ref (files[i - 1]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);
}

static gboolean
has_plans (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (vigia_window_get_plans (f->window)) > 0;
}

/* A summary dropped on the window is imported; a library dropped opens. */
static void
test_drop_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) sample = vigia_sample_plan_file ();
  g_autoptr(GError) error = NULL;
  VigiaPlanSummary *summary;

  present (f);
  drop_files (f, &sample, 1);
  g_assert_true (vigia_test_wait_until (has_plans, f));
  summary = g_list_model_get_item (vigia_window_get_plans (f->window), 0);
  g_assert_cmpstr (vigia_plan_summary_get_organization (summary), ==, "JUNTOS POR EL PERU");
  g_clear_object (&summary);
  g_assert_cmpstr (vigia_library_get_path (library ()), ==, f->path);
  vigia_test_close_dialogs ();

  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "other.sqlite");
    g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("AHORA NACION", "JULIACA", 2);

    g_assert_true (vigia_library_add_plan (library, plan, &error));
    g_assert_no_error (error);
  }
  drop_files (f, &other, 1);
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_library_get_path (library ()), ==, other_path);
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);
  summary = g_list_model_get_item (vigia_window_get_plans (f->window), 0);
  g_assert_cmpstr (vigia_plan_summary_get_organization (summary), ==, "AHORA NACION");
  g_clear_object (&summary);
}

static gboolean
import_done (gpointer data)
{
  return g_strcmp0 (vigia_import_dialog_get_state (data), "results") == 0 ||
         g_strcmp0 (vigia_import_dialog_get_state (data), "review") == 0;
}

static gboolean
import_finished (gpointer data)
{
  return g_strcmp0 (vigia_import_dialog_get_state (data), "results") == 0;
}

static VigiaImportDialog *
import_files (Fixture    *f,
              GFile     **files,
              guint       n_files)
{
  g_autoptr(GListStore) list = g_list_store_new (G_TYPE_FILE);
  VigiaImportDialog *dialog;

  for (guint i = 0; i < n_files; i++)
    g_list_store_append (list, files[i]);
  dialog = g_object_ref (vigia_window_import_files (f->window, G_LIST_MODEL (list)));
  g_assert_true (vigia_test_wait_until (import_done, dialog));
  return dialog;
}

/* The sample appears after import: from the empty library's button, and
 * imported again it is found, not doubled. */
static void
test_sample_after_import (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) sample = vigia_sample_plan_file ();
  g_autoptr(VigiaImportDialog) dialog = NULL;
  VigiaPlan *plan;

  present (f);
  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "empty");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL);
  vigia_test_wait_idle ();

  g_assert_cmpstr (vigia_window_get_sidebar_state (f->window), ==, "plans");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);
  plan = vigia_plan_editor_get_plan (vigia_window_get_editor (f->window));
  g_assert_nonnull (plan);
  g_assert_cmpstr (vigia_plan_get_organization (plan), ==, "JUNTOS POR EL PERU");
  g_assert_cmpstr (vigia_plan_get_district (plan), ==, "INDEPENDENCIA");
  g_assert_cmpuint (vigia_plan_get_n_goals (plan), ==, 12);

  /* Through Import…: already there, and the dialog says so. */
  dialog = import_files (f, &sample, 1);
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "results");
  g_assert_cmpuint (vigia_import_dialog_get_n_results (dialog), ==, 1);
  g_assert_true (g_str_has_prefix (vigia_import_dialog_get_result_text (dialog, 0, TRUE),
                                   "Already in the library as plan 1"));
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);
}

/* JNE data: the dialog asks for the place and term; files that fail are
 * listed with their line and reason, and change nothing. */
static void
test_import_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *bad_path = g_build_filename (f->dir, "notas.txt", NULL);
  g_autofree char *cut_path = g_build_filename (f->dir, "cortado.txt", NULL);
  g_autoptr(GFile) jne = vigia_sample_jne_file ();
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) cut = g_file_new_for_path (cut_path);
  g_autoptr(GFile) sample = vigia_sample_plan_file ();
  g_autoptr(VigiaImportDialog) dialog = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[4];
  gsize length = 0;

  present (f);

  /* Half a summary: cut in the middle of its second dimension. */
  g_assert_true (g_file_load_contents (sample, NULL, &contents, &length, NULL, &error));
  g_file_set_contents (cut_path, contents, strstr (contents, "2. DIMENSIÓN ECONÓMICA") - contents + 200, &error);
  g_file_set_contents (bad_path, "Lista de compras: pan, leche, café.\n", -1, &error);
  g_assert_no_error (error);

  before = vigia_test_checksum_file (f->path);
  files[0] = bad;
  files[1] = cut;
  dialog = import_files (f, files, 2);
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "results");
  g_assert_cmpuint (vigia_import_dialog_get_n_results (dialog), ==, 2);
  g_assert_cmpstr (vigia_import_dialog_get_result_text (dialog, 0, FALSE), ==, "notas.txt");
  g_assert_nonnull (strstr (vigia_import_dialog_get_result_text (dialog, 0, TRUE), "notas.txt"));
  g_assert_nonnull (strstr (vigia_import_dialog_get_result_text (dialog, 1, TRUE), "line"));
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&dialog);

  /* The JNE's file: shown with the others on one screen, its place
   * chosen there, imported with it and its election's term. */
  files[0] = jne;
  files[1] = sample;
  dialog = import_files (f, files, 2);
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "review");
  g_assert_cmpuint (vigia_import_dialog_get_n_entries (dialog), ==, 2);
  {
    g_autofree char *jne_row = vigia_import_dialog_get_entry_text (dialog, 0);
    g_autofree char *sample_row = vigia_import_dialog_get_entry_text (dialog, 1);

    g_assert_cmpstr (jne_row, ==, "MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO\n"
                                  "erm2026-regional-ejemplo.json · Regional · ERM 2026 · 2027–2030\n"
                                  "No list names its place: choose it · New");
    g_assert_true (g_str_has_prefix (sample_row, "JUNTOS POR EL PERU\n"));
    g_assert_true (g_str_has_suffix (sample_row, "INDEPENDENCIA, LIMA, LIMA · New"));
  }
  g_assert_null (vigia_import_dialog_get_picker (dialog, 1));
  /* A district for a regional plan is refused before anything is written. */
  vigia_place_picker_set_code (vigia_import_dialog_get_picker (dialog, 0), "210101");
  vigia_import_dialog_import (dialog);
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "review");
  {
    g_autofree char *jne_row = vigia_import_dialog_get_entry_text (dialog, 0);

    g_assert_nonnull (strstr (jne_row, "A regional plan’s place is a department."));
  }
  vigia_place_picker_set_code (vigia_import_dialog_get_picker (dialog, 0), "21");
  vigia_import_dialog_import (dialog);
  g_assert_true (vigia_test_wait_until (import_done, dialog));
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 2);
  {
    gint64 id = vigia_plan_list_get_plan_id (VIGIA_PLAN_LIST (vigia_window_get_plans (f->window)), 1);
    g_autoptr(VigiaPlan) puno = vigia_library_load_plan (library (), id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (vigia_plan_get_department (puno), ==, "Puno");
    g_assert_cmpstr (vigia_plan_get_ubigeo (puno), ==, "21");
    g_assert_cmpint (vigia_plan_get_term_start (puno), ==, 2027);
    g_assert_cmpint (vigia_plan_get_election (puno), ==, VIGIA_ELECTION_REGIONAL);
  }
}

/* Candidate lists written for this test: the sample JNE plan's list, in
 * Puno (RENIEC 20), and one whose plan is not among the files. */
static const char jne_lists[] =
  "[ {\"idPlanGobierno\": 5101, \"txCodExpedienteExt\": \"ERM.2026020421\", \"txTipoEleccion\": \"REGIONAL\",\n"
  "   \"txEstadoLista\": \"INSCRITO\", \"txUbigeo\": \"200000\", \"txRegion\": \"PUNO\"},\n"
  "  {\"idPlanGobierno\": 7001, \"txCodExpedienteExt\": \"ERM.2026000001\", \"txTipoEleccion\": \"MUNICIPAL DISTRITAL\",\n"
  "   \"txEstadoLista\": \"INSCRITO\", \"txUbigeo\": \"140140\"} ]\n";

/* Lists and plans from one screen: the list places its plan before the
 * import, an unreadable file is named with its reason, and Enter imports. */
static void
test_import_region (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *lists_path = g_build_filename (f->dir, "listas.json", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "roto.json", NULL);
  g_autoptr(GFile) lists = g_file_new_for_path (lists_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) jne = vigia_sample_jne_file ();
  g_autoptr(VigiaImportDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[3] = { jne, bad, lists };

  present (f);
  g_file_set_contents (lists_path, jne_lists, -1, &error);
  g_file_set_contents (bad_path, "{\"datoGeneral\": {\"txTipoEleccion\": \"REGIONAL\"},\n \"dimensiones\": [", -1,
                       &error);
  g_assert_no_error (error);

  dialog = import_files (f, files, 3);
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "review");
  {
    g_autofree char *plan_row = vigia_import_dialog_get_entry_text (dialog, 0);
    g_autofree char *bad_row = vigia_import_dialog_get_entry_text (dialog, 1);
    g_autofree char *lists_row = vigia_import_dialog_get_entry_text (dialog, 2);

    g_assert_cmpstr (plan_row, ==, "MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO\n"
                                   "erm2026-regional-ejemplo.json · Regional · ERM 2026 · 2027–2030\n"
                                   "PUNO (from the JNE’s lists) · New");
    g_test_message ("%s", bad_row);
    g_assert_true (g_str_has_prefix (bad_row, "roto.json\n"));
    g_assert_nonnull (strstr (bad_row, "roto.json: line 2"));
    g_assert_cmpstr (lists_row, ==, "listas.json\n2 JNE candidate lists");
  }
  g_assert_null (vigia_import_dialog_get_picker (dialog, 0));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) != NULL);

  /* Enter presses the default button: Import. */
  g_assert_true (gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  g_assert_true (vigia_test_wait_until (import_finished, dialog));
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);
  {
    gint64 id = vigia_plan_list_get_plan_id (VIGIA_PLAN_LIST (vigia_window_get_plans (f->window)), 0);
    g_autoptr(VigiaPlan) puno = vigia_library_load_plan (library (), id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (vigia_plan_get_department (puno), ==, "PUNO");
    g_assert_cmpstr (vigia_plan_get_ubigeo (puno), ==, "21");
  }
}

/* Many plans without a place: one choice for them all. */
static void
test_import_place_for_all (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *second_path = g_build_filename (f->dir, "otro.json", NULL);
  g_autoptr(GFile) jne = vigia_sample_jne_file ();
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(VigiaImportDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  GFile *files[2] = { jne, second };
  gsize length;

  present (f);
  g_assert_true (g_file_load_contents (jne, NULL, &contents, &length, NULL, &error));
  {
    g_auto(GStrv) parts = g_strsplit (contents, "MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO", -1);

    changed = g_strjoinv ("FRENTE REGIONAL DE PRUEBA", parts);
  }
  g_file_set_contents (second_path, changed, -1, &error);
  g_assert_no_error (error);

  dialog = import_files (f, files, 2);
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "review");
  vigia_place_picker_set_code (vigia_import_dialog_get_picker (dialog, 0), "08");
  vigia_import_dialog_apply_place_to_all (dialog, 0);
  g_assert_cmpstr (vigia_place_picker_get_code (vigia_import_dialog_get_picker (dialog, 1)), ==, "08");
  vigia_import_dialog_import (dialog);
  g_assert_true (vigia_test_wait_until (import_done, dialog));
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      gint64 id = vigia_plan_list_get_plan_id (VIGIA_PLAN_LIST (vigia_window_get_plans (f->window)), i);
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library (), id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (vigia_plan_get_ubigeo (plan), ==, "08");
    }
}

/* A library that can only be read says so, and offers nothing that would
 * write it.  Root writes any file, so this needs an ordinary user. */
static void
test_read_only_library (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);

  if (geteuid () == 0)
    {
      g_test_skip ("running as root: file permissions do not apply");
      return;
    }
  add_plan (plan);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  g_assert_true (vigia_application_open_library (app, f->path, &error));
  g_assert_no_error (error);
  present (f);
  g_assert_true (vigia_library_is_read_only (library ()));
  /* New Plan does nothing, and files dropped are refused. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  vigia_test_wait_idle ();
  {
    g_autoptr(GFile) sample = vigia_sample_plan_file ();
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

    g_list_store_append (files, sample);
    g_assert_null (vigia_window_import_files (f->window, G_LIST_MODEL (files)));
  }
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);
}

static gboolean
library_connected (gpointer data)
{
  return vigia_library_is_connected (data);
}

static gboolean
library_disconnected (gpointer data)
{
  return !vigia_library_is_connected (data);
}

/* A shared library's connection lost and not made again at once (the
 * server lets nobody in for a while): the sidebar says it is connecting, a
 * toast stays until it is back, a plan added meanwhile is refused and
 * nothing is written; then the window is as before, by itself, and the
 * plan can be added. */
static void
test_connection_lost (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *connecting = NULL;
  VigiaLibrary *shared;

  if (vigia_test_skip_without_postgresql ())
    return;

  location = vigia_test_make_database (&name);
  g_assert_true (vigia_application_open_library (app, location, &error));
  g_assert_no_error (error);
  shared = library ();
  present (f);
  g_assert_cmpstr (adw_window_title_get_subtitle (f->window->sidebar_title), ==, vigia_library_get_name (shared));
  g_assert_null (f->window->connection_toast);

  vigia_test_allow_connections (name, FALSE);
  vigia_test_kill_connections (name);
  g_assert_true (vigia_test_wait_until (library_disconnected, shared));
  connecting = g_strdup_printf ("%s · connecting…", vigia_library_get_name (shared));
  g_assert_cmpstr (adw_window_title_get_subtitle (f->window->sidebar_title), ==, connecting);
  g_assert_nonnull (f->window->connection_toast);
  g_assert_cmpstr (adw_toast_get_title (f->window->connection_toast), ==, "Connection lost: connecting again…");
  g_assert_cmpuint (adw_toast_get_timeout (f->window->connection_toast), ==, 0);
  g_assert_false (vigia_library_add_plan (shared, plan, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  vigia_test_allow_connections (name, TRUE);
  g_assert_true (vigia_test_wait_until (library_connected, shared));
  vigia_test_wait_idle ();
  g_assert_cmpstr (adw_window_title_get_subtitle (f->window->sidebar_title), ==, vigia_library_get_name (shared));
  g_assert_null (f->window->connection_toast);
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 0);
  g_assert_true (vigia_library_add_plan (shared, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_library_count_plans (shared, NULL), ==, 1);

  /* The file again, before the database goes. */
  g_assert_true (vigia_application_open_library (app, f->path, &error));
  g_assert_no_error (error);
  vigia_test_wait_idle ();
  vigia_test_drop_database (name);
}

/* Cancel on the review writes nothing; during the import it stops after
 * the file being imported, and the files left out are listed. */
static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) jne = vigia_sample_jne_file ();
  g_autoptr(GFile) sample = vigia_sample_plan_file ();
  g_autoptr(VigiaImportDialog) dialog = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GFile *files[2] = { sample, jne };

  present (f);
  before = vigia_test_checksum_file (f->path);
  dialog = import_files (f, files, 2);
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "review");
  vigia_import_dialog_cancel (dialog);
  vigia_test_wait_idle ();
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 0);
  g_clear_object (&dialog);

  dialog = import_files (f, files, 2);
  vigia_import_dialog_import (dialog);
  /* Stopped while the first file goes in: it goes in whole, the second not. */
  vigia_import_dialog_cancel (dialog);
  g_assert_true (vigia_test_wait_until (import_done, dialog));
  g_assert_cmpstr (vigia_import_dialog_get_state (dialog), ==, "results");
  g_assert_cmpuint (vigia_import_dialog_get_n_results (dialog), ==, 2);
  g_assert_cmpstr (vigia_import_dialog_get_result_text (dialog, 1, FALSE), ==, "erm2026-regional-ejemplo.json");
  g_assert_cmpstr (vigia_import_dialog_get_result_text (dialog, 1, TRUE), ==,
                   "Not imported: the import was stopped before it.");
  vigia_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (vigia_window_get_plans (f->window)), ==, 1);
}

/* Preferences keeps the name entries and changes are recorded under, and
 * the library takes it as it is typed. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  GSettings *settings = vigia_application_get_settings (app);
  g_autofree char *fallback = vigia_library_dup_default_author ();
  GListModel *toplevels;
  GtkWidget *preferences = NULL;
  GtkEditable *name_row;
  AdwPreferencesGroup *group;

  present (f);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  vigia_test_wait_idle ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VIGIA_IS_PREFERENCES_WINDOW (window))
        preferences = GTK_WIDGET (window);
    }
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (f->window));

  group = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (preferences, VIGIA_TYPE_PREFERENCES_WINDOW,
                                                                "team_group"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), fallback));
  name_row = GTK_EDITABLE (gtk_widget_get_template_child (preferences, VIGIA_TYPE_PREFERENCES_WINDOW, "name_row"));
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, "");

  gtk_editable_set_text (name_row, "Rosa Condori");
  {
    g_autofree char *stored = g_settings_get_string (settings, "author-name");

    g_assert_cmpstr (stored, ==, "Rosa Condori");
  }
  g_assert_cmpstr (vigia_library_get_author (library ()), ==, "Rosa Condori");

  /* Emptied, it is the account's name again. */
  gtk_editable_set_text (name_row, "");
  g_assert_cmpstr (vigia_library_get_author (library ()), ==, fallback);

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "author-name");
}

/* F1 and the main menu's Help open the guide: its address, help:vigia, is
 * what the installed pages answer to (help/meson.build). */
static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  GMenuModel *menu;
  gboolean in_menu = FALSE;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_cmpstrv (accels, ((const char *[]) { "F1", NULL }));

  present (f);
  menu = f->window->primary_menu;
  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu) && !in_menu; i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "app.help"))
            in_menu = TRUE;
        }
    }
  g_assert_true (in_menu);
}

/* The goal as another program reads it from the file now. */
static VigiaGoal *
stored_goal (Fixture *f,
             VigiaPlan **hold,
             gint64      plan_id)
{
  g_clear_object (hold);
  *hold = vigia_test_reload_plan (f->path, plan_id);
  return vigia_dimension_get_goal (vigia_plan_get_dimension (*hold, 0), 0);
}

/* Ana saves the goal at her desk while it is being changed here: the
 * window reads the plan anew and asks whose indicator to keep; keeping
 * this desk's writes it.  A field she left alone is saved without asking. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_autoptr(VigiaLibrary) ana = NULL;
  g_autoptr(VigiaPlan) ana_plan = NULL;
  g_autoptr(VigiaPlan) stored = NULL;
  g_autoptr(GError) error = NULL;
  VigiaPlanEditor *editor;
  VigiaGoal *goal;

  add_plan (plan);
  present (f);
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (plan), &error));
  g_assert_no_error (error);
  editor = vigia_window_get_editor (f->window);

  ana = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  vigia_library_set_author (ana, "Ana");
  ana_plan = vigia_library_load_plan (ana, vigia_plan_get_id (plan), &error);
  g_assert_no_error (error);
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (ana_plan, 0), 0);
  vigia_goal_set_indicator (goal, "HOGARES CON AGUA");
  vigia_goal_set_objective (goal, "AMPLIAR LA RED");
  g_assert_true (vigia_library_save_goal (ana, ana_plan, goal, &error));
  g_assert_no_error (error);

  /* Here, on the plan as it was read before. */
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (vigia_plan_editor_get_plan (editor), 0), 0);
  g_assert_false (vigia_undo_stack_set_string (vigia_plan_editor_get_undo_stack (editor), G_OBJECT (goal),
                                               "indicator", "VIVIENDAS CON AGUA", &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Read anew, the plan shows Ana's indicator until the question is
   * answered. */
  vigia_test_wait_idle ();
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (vigia_plan_editor_get_plan (editor), 0), 0);
  g_assert_cmpstr (vigia_goal_get_indicator (goal), ==, "HOGARES CON AGUA");
  vigia_test_respond ("Changed by Ana", "mine");
  g_assert_cmpstr (vigia_goal_get_indicator (stored_goal (f, &stored, vigia_plan_get_id (plan))), ==,
                   "VIVIENDAS CON AGUA");
  g_assert_cmpstr (vigia_goal_get_objective (stored_goal (f, &stored, vigia_plan_get_id (plan))), ==,
                   "AMPLIAR LA RED");
  g_clear_object (&stored);

  /* Ana changes the objective again; the problem changed here is another
   * field: saved without asking, both kept. */
  g_clear_object (&ana_plan);
  ana_plan = vigia_library_load_plan (ana, vigia_plan_get_id (plan), &error);
  g_assert_no_error (error);
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (ana_plan, 0), 0);
  vigia_goal_set_objective (goal, "AMPLIAR Y MEJORAR LA RED");
  g_assert_true (vigia_library_save_goal (ana, ana_plan, goal, &error));
  g_assert_no_error (error);
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (vigia_plan_editor_get_plan (editor), 0), 0);
  g_assert_false (vigia_undo_stack_set_string (vigia_plan_editor_get_undo_stack (editor), G_OBJECT (goal),
                                               "problem", "FALTA DE AGUA", &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_clear_error (&error);
  vigia_test_wait_idle ();
  g_assert_null (vigia_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  goal = stored_goal (f, &stored, vigia_plan_get_id (plan));
  g_assert_cmpstr (vigia_goal_get_problem (goal), ==, "FALTA DE AGUA");
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "AMPLIAR Y MEJORAR LA RED");
  g_assert_cmpstr (vigia_goal_get_indicator (goal), ==, "VIVIENDAS CON AGUA");
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = vigia_test_init_application (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty-library", test_empty_library);
  ADD ("bad-library", test_bad_library);
  ADD ("rows-show-the-plan", test_rows_show_the_plan);
  ADD ("search-filters-the-list", test_search_filters_the_list);
  ADD ("filters-and-sort", test_filters_and_sort);
  ADD ("list-reads-rows-on-demand", test_list_reads_rows_on_demand);
  ADD ("new-plan", test_new_plan);
  ADD ("delete-plan-and-undo", test_delete_plan_and_undo);
  ADD ("duplicate-plan", test_duplicate_plan);
  ADD ("conflict", test_conflict);
  ADD ("open-library-file", test_open_library_file);
  ADD ("sample-after-import", test_sample_after_import);
  ADD ("import-dialog", test_import_dialog);
  ADD ("drop-files", test_drop_files);
  ADD ("import-cancel", test_import_cancel);
  ADD ("import-region", test_import_region);
  ADD ("read-only-library", test_read_only_library);
  ADD ("connection-lost", test_connection_lost);
  ADD ("import-place-for-all", test_import_place_for_all);
  ADD ("preferences", test_preferences);
  ADD ("help", test_help);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
