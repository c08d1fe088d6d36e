/* test-compare-page.c: Compare Plans, as of the semester chosen
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "vigia-application.h"
#include "vigia-compare-page-private.h"
#include "vigia-compare-row-private.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"

/* One application for the whole program: its id can be registered once. */
static VigiaApplication *app;

typedef struct
{
  char             *dir;
  VigiaLibrary     *library;
  GtkWindow        *window;
  VigiaComparePage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vigia_test_make_dir ();
  f->library = vigia_test_open_library (f->dir, "library.sqlite");
  f->page = g_object_new (VIGIA_TYPE_COMPARE_PAGE, NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *window = g_object_ref (f->window);

  gtk_window_destroy (f->window);
  vigia_test_wait_idle ();
  vigia_test_assert_finalized (&window);
  vigia_test_assert_finalized (&f->library);
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A plan of 2023–2026 but for @term_start, with one figure of @value
 * towards 25 % for its first goal in @period, if a @period is given. */
static void
add_plan (Fixture    *f,
          const char *organization,
          int         term_start,
          const char *period,
          double      value)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan (organization, "DISTRITO", 1);
  g_autoptr(GError) error = NULL;

  vigia_plan_set_term_start (plan, term_start);
  vigia_plan_set_term_end (plan, term_start + 3);
  if (period != NULL)
    {
      g_autoptr(VigiaProgress) entry = vigia_progress_new (period, VIGIA_SOURCE_AUTHORITY);

      vigia_progress_set_value (entry, value);
      vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
      vigia_goal_put_progress (vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0), entry);
    }
  g_assert_true (vigia_library_add_plan (f->library, plan, &error));
  g_assert_no_error (error);
}

static gboolean
compare_ready (gpointer data)
{
  VigiaComparePage *page = data;

  return !vigia_compare_page_get_loading (page) && g_strcmp0 (vigia_compare_page_get_state (page), "loading") != 0;
}

static void
wait_ranked (Fixture *f)
{
  g_assert_true (vigia_test_wait_until (compare_ready, f->page));
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_compare_page_get_state (f->page), ==, "list");
}

static const char *
row_text (Fixture *f,
          guint    position,
          guint    line)
{
  VigiaCompareRow *row = vigia_compare_page_get_row (f->page, position);

  g_assert_nonnull (row);
  return vigia_compare_row_get_text (row, line);
}

static const char *
item_text (GtkDropDown *dropdown,
           guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (dropdown), position);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

static void
assert_names_semester (Fixture    *f,
                       const char *period)
{
  g_autofree char *label = vigia_period_dup_label (period);
  g_autofree char *expected = g_strdup_printf ("as of the %s, or the nearest semester of each plan’s term", label);

  g_assert_true (g_str_has_suffix (vigia_compare_page_get_summary (f->page), expected));
}

/* Every plan ranked as of the semester chosen, brought into its own term,
 * and the page saying which: the Avance tab's choice, for the library. */
static void
test_semester_chosen (Fixture       *f,
                      gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->page), VIGIA_TYPE_COMPARE_PAGE,
                                                                        "period_dropdown"));
  g_autoptr(VigiaPlan) sample = vigia_test_make_plan ("SOMOS PERU", "COMAS", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = vigia_period_dup_current ();

  /* Recorded in 2024 only; a plan with a small figure of 2023's second
   * half; one of the term before, whose last figure is of 2021. */
  vigia_test_add_sample_progress (sample);
  g_assert_true (vigia_library_add_plan (f->library, sample, &error));
  g_assert_no_error (error);
  add_plan (f, "AHORA NACION", 2023, "2023-S2", 1);
  add_plan (f, "PODEMOS PERU", 2019, "2021-S1", 10);

  gtk_window_present (f->window);
  vigia_compare_page_set_library (f->page, f->library);
  wait_ranked (f);

  /* Today's semester of each plan by default, named. */
  g_assert_null (vigia_compare_page_get_period (f->page));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpstr (item_text (dropdown, 0), ==, "Each plan’s current semester");
  assert_names_semester (f, today);
  g_assert_cmpstr (row_text (f, 0, 1), ==, "SOMOS PERU");
  g_assert_cmpstr (row_text (f, 1, 1), ==, "PODEMOS PERU");
  g_assert_cmpstr (row_text (f, 1, 4), ==, "40 %");
  g_assert_cmpstr (row_text (f, 2, 1), ==, "AHORA NACION");
  g_assert_cmpstr (row_text (f, 2, 4), ==, "4 %");

  /* The semesters of the plans' terms, newest first: 2019–2026. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 1 + 16);
  g_assert_cmpstr (item_text (dropdown, 1), ==, "2nd half 2026");
  g_assert_cmpstr (item_text (dropdown, 2), ==, "1st half 2026");
  g_assert_cmpstr (item_text (dropdown, 16), ==, "1st half 2019");

  /* As of 2023's second half: nothing of 2024 counts yet; the plan of
   * the term before is judged as of its last semester. */
  vigia_compare_page_set_period (f->page, "2023-S2");
  g_assert_true (vigia_compare_page_get_loading (f->page));
  wait_ranked (f);
  g_assert_cmpstr (vigia_compare_page_get_period (f->page), ==, "2023-S2");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==, "2nd half 2023");
  assert_names_semester (f, "2023-S2");
  g_assert_cmpstr (vigia_compare_page_get_summary (f->page), ==,
                   "3 plans, 2 with data · all together 22 % · "
                   "as of the 2nd half 2023, or the nearest semester of each plan’s term");
  g_assert_cmpstr (row_text (f, 0, 1), ==, "PODEMOS PERU");
  g_assert_cmpstr (row_text (f, 0, 4), ==, "40 %");
  g_assert_cmpstr (row_text (f, 1, 1), ==, "AHORA NACION");
  g_assert_cmpstr (row_text (f, 1, 0), ==, "2");
  g_assert_cmpstr (row_text (f, 2, 1), ==, "SOMOS PERU");
  g_assert_cmpstr (row_text (f, 2, 4), ==, "no data");

  /* Chosen in the drop-down: the 1st half of 2024. */
  gtk_drop_down_set_selected (dropdown, 6);
  g_assert_cmpstr (vigia_compare_page_get_period (f->page), ==, "2024-S1");
  wait_ranked (f);
  assert_names_semester (f, "2024-S1");
  g_assert_true (g_str_has_prefix (vigia_compare_page_get_summary (f->page), "3 plans, 3 with data · "));
  g_assert_cmpstr (row_text (f, 2, 1), ==, "AHORA NACION");

  /* And back to each plan's current semester. */
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_null (vigia_compare_page_get_period (f->page));
  wait_ranked (f);
  assert_names_semester (f, today);
  g_assert_cmpstr (row_text (f, 0, 1), ==, "SOMOS PERU");
}

static gboolean
ranked_three (gpointer data)
{
  VigiaComparePage *page = data;

  return compare_ready (page) && vigia_compare_page_get_n_rows (page) == 3;
}

/* A plan saved while the ranking shows is ranked at once, read with the
 * connection of the last ranking: a shared library's second connection is
 * kept, not made again for every change another desk saves. */
static void
test_follows_library (Fixture       *f,
                      gconstpointer  data)
{
  VigiaLibrary *reader;

  add_plan (f, "AHORA NACION", 2023, "2023-S2", 1);
  add_plan (f, "SOMOS PERU", 2023, "2023-S2", 10);
  gtk_window_present (f->window);
  vigia_compare_page_set_library (f->page, f->library);
  vigia_compare_page_set_period (f->page, "2023-S2");
  wait_ranked (f);
  g_assert_cmpuint (vigia_compare_page_get_n_rows (f->page), ==, 2);
  reader = vigia_compare_page_get_reader (f->page);
  g_assert_nonnull (reader);
  g_assert_true (vigia_library_is_read_only (reader));

  add_plan (f, "PODEMOS PERU", 2023, "2023-S2", 4);
  g_assert_true (vigia_test_wait_until (ranked_three, f->page));
  vigia_test_wait_idle ();
  g_assert_cmpstr (row_text (f, 0, 1), ==, "SOMOS PERU");
  g_assert_cmpstr (row_text (f, 1, 1), ==, "PODEMOS PERU");
  g_assert_cmpstr (row_text (f, 1, 4), ==, "16 %");
  g_assert_cmpstr (row_text (f, 2, 1), ==, "AHORA NACION");
  g_assert_true (vigia_compare_page_get_reader (f->page) == reader);

  /* Another library: its own connection. */
  vigia_compare_page_set_library (f->page, NULL);
  g_assert_null (vigia_compare_page_get_reader (f->page));
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = vigia_test_init_application (&argc, &argv);

  g_test_add ("/compare-page/semester-chosen", Fixture, NULL, fixture_set_up, test_semester_chosen, fixture_tear_down);
  g_test_add ("/compare-page/follows-library", Fixture, NULL, fixture_set_up, test_follows_library, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
