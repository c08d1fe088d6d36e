/* test-cli-progress.c: vigia-cli progress and assess, as a user runs them
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vigia-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  /* Plan 1's first social goal (25 % up) and first economic goal (500 MYPES). */
  char *social;
  char *mypes;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) a = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_autoptr(VigiaPlan) b = vigia_test_make_plan ("AHORA NACION - AN", "JULIACA", 1);
  VigiaGoal *goal;

  f->dir = vigia_test_make_dir ();
  library = vigia_test_open_library (f->dir, "cli.sqlite");
  f->path = g_strdup (vigia_library_get_path (library));

  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (a, 1), 0);
  vigia_goal_set_indicator (goal, "MYPES ATENDIDAS");
  vigia_goal_set_target_value (goal, 500);
  vigia_goal_set_target_unit (goal, "MYPES");
  vigia_goal_set_target_measure (goal, VIGIA_MEASURE_COUNT);
  vigia_plan_set_department (b, "PUNO");
  vigia_plan_set_election (b, VIGIA_ELECTION_REGIONAL);

  g_assert_true (vigia_library_add_plan (library, a, &error));
  g_assert_true (vigia_library_add_plan (library, b, &error));
  g_assert_no_error (error);

  f->social = g_strdup (vigia_goal_get_uuid (vigia_dimension_get_goal (vigia_plan_get_dimension (a, 0), 0)));
  f->mypes = g_strdup (vigia_goal_get_uuid (goal));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->social);
  g_free (f->mypes);
}

static VigiaGoal *
load_goal (Fixture     *f,
           const char  *uuid,
           VigiaPlan  **plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  VigiaGoal *goal = NULL;
  gint64 plan_id = 0;

  g_assert_no_error (error);
  vigia_library_lookup_goal (library, uuid, &plan_id, &error);
  *plan = vigia_library_load_plan (library, plan_id, &error);
  g_assert_no_error (error);
  vigia_plan_find_goal (*plan, uuid, &goal);
  return goal;
}

static void
test_set (Fixture       *f,
          gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autoptr(VigiaPlan) plan = NULL;
  const char * const evidence[] = { "https://munindependencia.gob.pe/avance.pdf", "acta.pdf", NULL };
  VigiaProgress *entry;
  VigiaGoal *goal;

  vigia_test_run_cli (&run, "es", "--library", f->path, "progress", "set", f->social, "2024-S1", "12,5",
                      "--status", "en marcha", "--note", "Según la gerencia",
                      "--evidence", evidence[0], "--evidence", evidence[1], "--date", "2024-06-30", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Propuesta 1 (POBLACIÓN ATENDIDA), 1.er semestre 2024, Autoridad: 12,5, En marcha\n");

  /* A reference PLAN:DIMENSION:NUMBER, a negative value without "--", the observer. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "set", "1:economic:1", "2024-S2", "-8",
                      "--source", "observer", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Goal 1 (MYPES ATENDIDAS), 2nd half 2024, Observer: -8, Not rated\n");

  /* A status without a value; what is not given is kept. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "set", f->social, "2024-S1", "-",
                      "--status", "kept", NULL);
  g_assert_cmpint (run.status, ==, 0);

  goal = load_goal (f, f->social, &plan);
  entry = vigia_goal_find_progress (goal, "2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_assert_true (isnan (vigia_progress_get_value (entry)));
  g_assert_cmpint (vigia_progress_get_status (entry), ==, VIGIA_STATUS_KEPT);
  g_assert_cmpstr (vigia_progress_get_note (entry), ==, "Según la gerencia");
  g_assert_cmpstrv (vigia_progress_get_evidence (entry), evidence);
  g_assert_cmpstr (vigia_progress_get_recorded (entry), ==, "2024-06-30T00:00:00Z");
  g_clear_object (&plan);

  goal = load_goal (f, f->mypes, &plan);
  entry = vigia_goal_find_progress (goal, "2024-S2", VIGIA_SOURCE_OBSERVER);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, -8);
}

static void
test_set_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autofree char *before = vigia_test_checksum_file (f->path);
  g_autofree char *after = NULL;
  const struct {
    const char *args[4];
    const char *option;
    int         status;
    const char *message;
  } cases[] = {
    { { "GOAL", "2024-S1", NULL }, NULL, 2, "vigia-cli: Give a target, a period and a value.\n" },
    { { "GOAL", "2024-S3", "5" }, NULL, 2, "vigia-cli: “2024-S3” is not a semester: write it as 2027-S1 or 2027-S2\n" },
    { { "GOAL", "2024-S1", "abc" }, NULL, 2, "vigia-cli: “abc” is not a number\n" },
    { { "GOAL", "2024-S1", "5" }, "--stauts=kept", 2, "vigia-cli: Unknown option --stauts=kept\n" },
    { { "GOAL", "2024-S1", "5" }, "--status=done", 2, "vigia-cli: “done” is not a status: write not-rated, in-progress, stalled, partly-kept, kept or broken\n" },
    { { "GOAL", "2024-S1", "5" }, "--source=mayor", 2, "vigia-cli: “mayor” is not a source: write authority or observer\n" },
    { { "GOAL", "2024-S1", "5" }, "--date=ayer", 2, "vigia-cli: “ayer” is not a date: write it as 2027-03-31\n" },
    { { "nope", "2024-S1", "5" }, NULL, 1, "vigia-cli: There is no goal or target “nope” in the library.\n" },
    { { "1:economic:9", "2024-S1", "5" }, NULL, 1, "vigia-cli: There is no goal “1:economic:9” in the library.\n" },
    { { "1:tourism:1", "2024-S1", "5" }, NULL, 1, "vigia-cli: The plan has no dimension “tourism”: give its kind (social, economic, environmental, institutional, other) or its position.\n" },
    { { "7:social:1", "2024-S1", "5" }, NULL, 1, "vigia-cli: There is no plan 7 in the library.\n" },
    { { "GOAL", "2031-S1", "5" }, NULL, 1, "vigia-cli: “2031-S1” is outside the plan’s term, 2023–2026\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *goal = g_strcmp0 (cases[i].args[0], "GOAL") == 0 ? f->social : cases[i].args[0];

      vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "set", goal, cases[i].args[1],
                          cases[i].args[2] != NULL ? cases[i].args[2] : cases[i].option,
                          cases[i].args[2] != NULL ? cases[i].option : NULL, NULL);
      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_true (g_str_has_prefix (run.err, cases[i].message));
      g_assert_cmpstr (run.out, ==, "");
    }

  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "avance.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "malo.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VigiaGoal *goal;

  text = g_strdup_printf ("\xEF\xBB\xBFgoal_uuid;period;source;value;status\r\n"
                          "%s;2024-S1;autoridad;140;en marcha\r\n"
                          "%s;2024-S2;autoridad;260,5;en marcha\r\n",
                          f->mypes, f->mypes);
  g_assert_true (g_file_set_contents (csv, text, -1, &error));

  vigia_test_run_cli (&run, "es", "--library", f->path, "progress", "import", csv, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "2 registros de avance guardados desde avance.csv.\n");

  goal = load_goal (f, f->mypes, &plan);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (goal, "2024-S2", VIGIA_SOURCE_AUTHORITY)), ==, 260.5);

  /* A bad file: every problem on its own line, nothing recorded. */
  g_free (text);
  text = g_strdup_printf ("goal_uuid,period,value\n%s,2025-S1,300\n%s,2025-S2,abc\nnope,2025-S2,1\n",
                          f->mypes, f->mypes);
  g_assert_true (g_file_set_contents (bad, text, -1, &error));
  before = vigia_test_checksum_file (f->path);

  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "import", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "vigia-cli: malo.csv: row 3, column value: “abc” is not a number\n"
                   "vigia-cli: malo.csv: row 4, column goal_uuid: there is no goal “nope” in the library\n");
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);

  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "import", "/nonexistent/avance.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/avance.csv"));

  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "import", NULL);
  g_assert_cmpint (run.status, ==, 2);
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "set, import or export"));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autofree char *output = g_build_filename (f->dir, "salida.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *row = NULL;
  g_auto(GStrv) lines = NULL;

  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "set", f->mypes, "2024-S1", "140.5",
                      "--status", "in-progress", "--note", "=HYPERLINK(\"x\")", NULL);
  g_assert_cmpint (run.status, ==, 0);

  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "export", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "\xEF\xBB\xBFgoal_uuid,target_uuid,plan,dimension,number,indicator,target,period,source,value,status,note,evidence,recorded\r\n"));
  /* The goal's uuid, then its one target's. */
  row = g_strdup_printf ("\r\n%s,", f->mypes);
  g_assert_nonnull (strstr (run.out, row));
  g_free (row);
  row = g_strdup (",\"JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA\",Economic,1,MYPES ATENDIDAS,25% DE POBLACIÓN ATENDIDA,2024-S1,authority,140.5,in-progress,\"'=HYPERLINK(\"\"x\"\")\",,");
  g_assert_nonnull (strstr (run.out, row));

  /* A template of a semester, semicolons and decimal commas, to a file. */
  vigia_test_run_cli (&run, "es", "--library", f->path, "progress", "export", "1", "--period", "2024-S1",
                      "--semicolon", "--output", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  lines = g_strsplit (written, "\r\n", -1);
  /* The header, 8 goals, the empty end. */
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  g_assert_nonnull (strstr (written, ";2024-S1;authority;140,5;in-progress;"));
  g_assert_true (g_str_has_suffix (lines[1], ";2024-S1;authority;;;;;"));

  /* And it imports back, unchanged. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "import", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1 progress entry recorded from salida.csv.\n");

  /* "-" is the standard output, as for export. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "export", "1", "--output", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, row));

  /* A folder that is not there: the message names the file, and nothing is left. */
  g_clear_pointer (&output, g_free);
  output = g_build_filename (f->dir, "no-such-folder", "salida.csv", NULL);
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "export", "1", "--output", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, output));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "export", "1", "--period", "2024", NULL);
  g_assert_cmpint (run.status, ==, 2);
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "export", "9", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "vigia-cli: There is no plan 9 in the library.\n");
}

static void
test_assess (Fixture       *f,
             gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *root, *authority, *dimension, *goal;
  JsonArray *plans;

  /* Plan 1: MYPES 200 of 500 = 40 %; a social goal kept = 100 %; the observer saw 100 MYPES = 20 %. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "set", f->mypes, "2024-S1", "200",
                      "--status", "in-progress", NULL);
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "set", f->mypes, "2024-S1", "100",
                      "--source", "observer", "--status", "stalled", NULL);
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "set", f->social, "2023-S2", "-",
                      "--status", "kept", NULL);
  /* Plan 2: 5 of 25 = 20 %. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "progress", "set", "2:social:1", "2024-S2", "5",
                      "--status", "in-progress", NULL);
  g_assert_cmpint (run.status, ==, 0);

  vigia_test_run_cli (&run, "en", "--library", f->path, "assess", "1", "--period", "2024-S2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Plan 1: JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA");
  g_assert_cmpstr (lines[1], ==, "As of 2nd half 2024 (expected 50 %)");
  /* (0.4 + 1) / 2 = 70 %, ahead of 50 % by more than 10 points. */
  g_assert_cmpstr (lines[2], ==, "Authority: Achievement 70 %: 1 kept, 1 in progress, 0 broken, 6 not rated (Ahead)");
  g_assert_cmpstr (lines[3], ==, "Observer: Achievement 20 %: 0 kept, 0 in progress, 1 stalled, 0 broken, 7 not rated (Behind)");
  g_assert_nonnull (strstr (run.out, "\nEconomic\n  Authority: Achievement 40 %: 0 kept, 1 in progress, 0 broken, 1 not rated (On track)\n"));
  g_assert_nonnull (strstr (run.out, "  1. MYPES ATENDIDAS [500 MYPES ↑]\n     Authority: 200 (H1 2024), In progress, 40 %\n     Observer: 100 (H1 2024), Stalled, 20 %\n"));
  g_clear_pointer (&lines, g_strfreev);

  vigia_test_run_cli (&run, "es", "--library", f->path, "assess", "1", "--period", "2024-S2", NULL);
  g_assert_nonnull (strstr (run.out, "Al 2.º semestre 2024 (esperado 50 %)\n"));
  g_assert_nonnull (strstr (run.out, "Autoridad: Cumplimiento 70 %: 1 cumplida, 1 en marcha, 0 incumplidas, 6 sin evaluar (Con adelanto)\n"));

  vigia_test_run_cli (&run, "en", "--library", f->path, "assess", "1", "--period", "2024-S2", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2024-S2");
  g_assert_cmpfloat (json_object_get_double_member (root, "expected"), ==, 0.5);
  authority = json_object_get_object_member (root, "authority");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (authority, "achievement"), 0.7, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (authority, "pace"), ==, "ahead");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (authority, "statuses"), "kept"), ==, 1);
  dimension = json_array_get_object_element (json_object_get_array_member (root, "dimensions"), 2);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (dimension, "authority"), "achievement"));
  dimension = json_array_get_object_element (json_object_get_array_member (root, "dimensions"), 1);
  goal = json_array_get_object_element (json_object_get_array_member (dimension, "goals"), 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (goal, "observer"), "achievement"), 0.2, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (goal, "observer"), "status"), ==, "stalled");

  /* Every plan, best first; by department, LIMA before PUNO. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "assess", "--period", "2024-S2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "1\tJUNTOS POR EL PERU\tINDEPENDENCIA, LIMA, LIMA\tMunicipal district\t70 %\tAhead\t1 kept, 1 in progress, 0 broken, 6 not rated\n"
                   "2\tAHORA NACION - AN\tJULIACA, LIMA, PUNO\tRegional\t20 %\tBehind\t0 kept, 1 in progress, 0 broken, 3 not rated\n");

  vigia_test_run_cli (&run, "en", "--library", f->path, "assess", "--period", "2024-S2", "--source", "observer",
                      "--sort", "election", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  plans = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (plans), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (plans, 0), "id"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (json_array_get_object_element (plans, 0), "observer"), "achievement"), 0.2, 1e-9);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (json_array_get_object_element (plans, 1), "observer"), "achievement"));

  vigia_test_run_cli (&run, "en", "--library", f->path, "assess", "--sort", "size", NULL);
  g_assert_cmpint (run.status, ==, 2);
  vigia_test_run_cli (&run, "en", "--library", f->path, "assess", "5", NULL);
  g_assert_cmpint (run.status, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("progress-set", test_set);
  ADD ("progress-set-errors", test_set_errors);
  ADD ("progress-import", test_import);
  ADD ("progress-export", test_export);
  ADD ("assess", test_assess);
#undef ADD

  return g_test_run ();
}
