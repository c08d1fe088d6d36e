/* test-preconditions.c: what the public functions of libvigia-core refuse
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call that breaks a function's contract (no library, an object of the
 * wrong type, a period that is none, an enum out of range, a transaction
 * not begun) is a programmer's error: the function says so with a critical
 * in its own log domain naming the check that failed, returns its failure
 * value, sets no GError and changes nothing.
 *
 * It runs twice: on an SQLite file, and as test-preconditions-postgresql
 * with $VIGIA_TEST_STORE=postgresql on a new database of the server
 * $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include "vigia-test-utils.h"

/* Runs @call, which must fail the precondition @check of a function whose
 * log domain is @domain; @error, in scope, must stay unset. */
#define EXPECT_FAILED(domain, check, call)                                       \
  G_STMT_START {                                                                 \
    g_test_expect_message ((domain), G_LOG_LEVEL_CRITICAL,                       \
                           "*assertion '" check "' failed*");                    \
    call;                                                                        \
    g_test_assert_expected_messages ();                                          \
    g_assert_no_error (error);                                                   \
  } G_STMT_END

typedef struct
{
  char         *dir;
  VigiaLibrary *library;
  VigiaPlan    *plan;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = vigia_test_make_dir ();
  f->library = vigia_test_open_library (f->dir, "library.sqlite");
  f->plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_assert_true (vigia_library_add_plan (f->library, f->plan, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_assert_finalized (&f->plan);
  vigia_test_assert_finalized (&f->library);
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
}

static VigiaGoal *
first_goal (VigiaPlan *plan)
{
  return vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
}

static void
test_library (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VigiaGoal *goal = first_goal (f->plan);

  EXPECT_FAILED ("vigia-library", "path != NULL",
                 g_assert_null (vigia_library_open (NULL, VIGIA_LIBRARY_OPEN_DEFAULT, &error)));
  EXPECT_FAILED ("vigia-library", "VIGIA_IS_LIBRARY (self)",
                 g_assert_cmpuint (vigia_library_count_plans (NULL, &error), ==, 0));
  EXPECT_FAILED ("vigia-library", "VIGIA_IS_LIBRARY (self)",
                 g_assert_null (vigia_library_load_plan (NULL, vigia_plan_get_id (f->plan), &error)));
  EXPECT_FAILED ("vigia-library", "VIGIA_IS_PLAN (plan)",
                 g_assert_false (vigia_library_add_plan (f->library, NULL, &error)));
  /* A goal is no plan. */
  EXPECT_FAILED ("vigia-library", "VIGIA_IS_PLAN (plan)",
                 g_assert_false (vigia_library_save_plan (f->library, (VigiaPlan *) goal, &error)));
  EXPECT_FAILED ("vigia-library", "VIGIA_IS_PROGRESS (progress)",
                 g_assert_false (vigia_library_save_progress (f->library, f->plan, goal, vigia_goal_get_target (goal, 0), NULL, &error)));
  /* A commit with no transaction begun. */
  EXPECT_FAILED ("vigia-library", "self->depth > 0",
                 g_assert_false (vigia_library_commit (f->library, &error)));
  EXPECT_FAILED ("vigia-library", "vigia_period_is_valid (period)",
                 g_assert_null (vigia_library_assess_plans (f->library, "2027-S3", VIGIA_SOURCE_AUTHORITY,
                                                            &error)));
  EXPECT_FAILED ("vigia-library", "vigia_period_is_valid (period)",
                 g_assert_null (vigia_library_list_summaries (f->library, "segundo semestre",
                                                              VIGIA_SOURCE_AUTHORITY, &error)));

  /* Nothing of it reached the file. */
  g_assert_cmpuint (vigia_library_count_plans (f->library, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_store (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaUndoStack) undo_stack = vigia_undo_stack_new (f->library, f->plan);
  g_autoptr(VigiaPlan) other = vigia_test_make_plan ("OTRO PARTIDO", "ATE", 1);
  g_autoptr(VigiaPlanList) list = vigia_plan_list_new (f->library);
  VigiaGoal *goal = first_goal (f->plan);

  EXPECT_FAILED ("vigia-undo-stack", "VIGIA_IS_LIBRARY (library)",
                 g_assert_null (vigia_undo_stack_new (NULL, f->plan)));
  EXPECT_FAILED ("vigia-undo-stack", "name != NULL",
                 g_assert_false (vigia_undo_stack_set_string (undo_stack, G_OBJECT (goal), NULL, "x", &error)));
  /* A goal of another plan than the stack's. */
  EXPECT_FAILED ("vigia-undo-stack", "belongs_to_plan (self, object)",
                 g_assert_false (vigia_undo_stack_set_string (undo_stack, G_OBJECT (first_goal (other)),
                                                              "problem", "x", &error)));
  EXPECT_FAILED ("vigia-undo-stack", "period != NULL",
                 g_assert_false (vigia_undo_stack_delete_progress (undo_stack, goal, vigia_goal_get_target (goal, 0), NULL,
                                                                   VIGIA_SOURCE_AUTHORITY, &error)));
  g_assert_false (vigia_undo_stack_get_can_undo (undo_stack));
  g_assert_cmpstr (vigia_goal_get_problem (first_goal (other)), !=, "x");

  EXPECT_FAILED ("vigia-plan-list", "VIGIA_IS_LIBRARY (library)",
                 g_assert_null (vigia_plan_list_new (NULL)));
  EXPECT_FAILED ("vigia-plan-list", "position < self->ids->len",
                 g_assert_cmpint (vigia_plan_list_get_plan_id (list, 7), ==, 0));
  EXPECT_FAILED ("vigia-timeline", "goal_uuid != NULL",
                 g_assert_null (vigia_timeline_load_goal (f->library, NULL, &error)));

  vigia_test_assert_finalized (&list);
  vigia_test_assert_finalized (&undo_stack);
}

static void
test_assessment (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaAssessment) assessment = vigia_assessment_new (f->plan, "2024-S1");

  EXPECT_FAILED ("vigia-assessment", "VIGIA_IS_PLAN (plan)",
                 g_assert_null (vigia_assessment_new (NULL, NULL)));
  EXPECT_FAILED ("vigia-assessment", "period == NULL || vigia_period_is_valid (period)",
                 g_assert_null (vigia_assessment_new (f->plan, "2024")));
  /* An enum out of range. */
  EXPECT_FAILED ("vigia-assessment", "(guint) source < N_SOURCES",
                 g_assert_null (vigia_assessment_get_plan_rollup (assessment, (VigiaSource) 7)));
  EXPECT_FAILED ("vigia-assessment", "position < self->n_dimensions",
                 g_assert_null (vigia_assessment_get_dimension_rollup (assessment, 4,
                                                                       VIGIA_SOURCE_AUTHORITY)));
  EXPECT_FAILED ("vigia-chart-plan", "period == NULL || vigia_period_is_valid (period)",
                 g_assert_null (vigia_chart_plan_new (f->plan, "2024-S0", VIGIA_SOURCE_AUTHORITY)));
  EXPECT_FAILED ("vigia-plan", "VIGIA_IS_PLAN (self)",
                 g_assert_cmpuint (vigia_plan_get_n_goals (NULL), ==, 0));
  EXPECT_FAILED ("vigia-plan", "VIGIA_IS_DIMENSION (dimension)",
                 vigia_plan_append_dimension (f->plan, NULL));
  g_assert_cmpuint (vigia_plan_get_n_dimensions (f->plan), ==, 4);

  vigia_test_assert_finalized (&assessment);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  EXPECT_FAILED ("vigia-report", "VIGIA_IS_PLAN (plan)",
                 g_assert_null (vigia_report_new (NULL, NULL, &error)));
  EXPECT_FAILED ("vigia-report", "(guint) format < VIGIA_REPORT_N_FORMATS",
                 g_assert_null (vigia_report_format_get_name (VIGIA_REPORT_N_FORMATS)));
  EXPECT_FAILED ("vigia-report", "period != NULL",
                 g_assert_null (vigia_report_build_file_name (f->plan, NULL, VIGIA_REPORT_FORMAT_PDF)));
  EXPECT_FAILED ("vigia-json-writer", "VIGIA_IS_PLAN (plan)",
                 g_assert_null (vigia_json_writer_plan_to_string (NULL)));
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  EXPECT_FAILED ("vigia-importer", "data != NULL || length == 0",
                 g_assert_null (vigia_read_plans_from_data (NULL, 12, "plan.txt", NULL, NULL, &error)));
  EXPECT_FAILED ("vigia-importer", "name != NULL",
                 g_assert_null (vigia_import_data (f->library, (const guint8 *) "{}", 2, NULL, NULL, &error)));
  EXPECT_FAILED ("vigia-importer", "options != NULL",
                 g_assert_false (vigia_import_options_check (NULL, &error)));
  EXPECT_FAILED ("vigia-progress-csv", "VIGIA_IS_LIBRARY (library)",
                 g_assert_false (vigia_progress_csv_import (NULL, "avance.csv", "", 0, NULL, &error)));
  EXPECT_FAILED ("vigia-file-type", "data != NULL || length == 0",
                 g_assert_cmpint (vigia_file_type_detect (NULL, 4), ==, VIGIA_FILE_TYPE_UNKNOWN));
  EXPECT_FAILED ("vigia-target-reader", "reading != NULL",
                 vigia_target_read ("Reducir la anemia al 30 %", NULL));
  EXPECT_FAILED ("vigia-period", "half == 1 || half == 2",
                 g_assert_null (vigia_period_format (2027, 3)));
  EXPECT_FAILED ("vigia-enums", "G_TYPE_IS_ENUM (enum_type)",
                 g_assert_null (vigia_enum_to_nick (G_TYPE_STRING, 0)));
  EXPECT_FAILED ("vigia-ubigeo", "code != NULL",
                 g_assert_null (vigia_ubigeo_find (NULL)));

  /* What was refused left the library alone. */
  g_assert_cmpuint (vigia_library_count_plans (f->library, &error), ==, 1);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigia_test_set_language ("en");

#define ADD(name, func) \
  vigia_test_add_on_store ("/preconditions/" name, Fixture, fixture_set_up, func, fixture_tear_down)

  ADD ("library", test_library);
  ADD ("store", test_store);
  ADD ("assessment", test_assessment);
  ADD ("report", test_report);
  ADD ("import", test_import);

  return g_test_run ();
}
