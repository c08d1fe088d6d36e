/* bench-national.c: Vigía at national scale (about 20,000 plans)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a synthetic national library and prints each figure with its median
 * and 95th percentile over repeated runs, beside its target.  Run it through
 * `build-aux/dev bench` (an optimised build); `--plans` makes a smaller one.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "vigia-bench-data.h"
#include "vigia-declara-writer.h"
#include "vigia-importer.h"
#include "vigia-report.h"
#include "vigia-bench-figure.h"

static int opt_plans = 20000;
static int opt_runs = 5;
static char *opt_library = NULL;
static guint32 opt_seed = 2026;

static const GOptionEntry entries[] = {
  { "plans", 'n', 0, G_OPTION_ARG_INT, &opt_plans, "Plans in the national library (20000)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Repetitions of each timed step (5)", "N" },
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &opt_library,
    "Keep the national library in FILE, and reuse it if it exists", "FILE" },
  { NULL }
};

static VigiaLibrary *
open_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  VigiaLibrary *library = vigia_library_open (path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);

  if (library == NULL)
    g_error ("%s", error->message);
  return library;
}

/* Adds plans [first, first + n) through VigiaLibrary, each in its own
 * transaction (or savepoint), as an import of one file per plan does.
 * Returns plans per second. */
static double
add_plans (VigiaBenchData *data,
           VigiaLibrary   *library,
           guint           first,
           guint           n,
           gboolean        with_progress,
           gboolean        in_one_transaction)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func (g_object_unref);
  double start;
  double elapsed;

  /* Made before the clock starts: this times the library, not the generator. */
  for (guint i = 0; i < n; i++)
    {
      VigiaPlan *plan = vigia_bench_data_make_plan (data, first + i);

      if (with_progress)
        vigia_bench_data_add_progress (data, plan, first + i, (first + i) % 4 == 0);
      g_ptr_array_add (plans, plan);
    }

  start = now_ms ();
  /* Importing many files: one transaction around them all, and within it a
   * savepoint per plan that can fail alone (as VigiaLibrary nests them). */
  if (in_one_transaction && !vigia_library_begin (library, NULL))
    g_error ("the library is busy");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!vigia_library_add_plan (library, g_ptr_array_index (plans, i), &error))
        g_error ("%s", error->message);
    }
  if (in_one_transaction && !vigia_library_commit (library, NULL))
    g_error ("the commit failed");
  elapsed = now_ms () - start;

  g_ptr_array_unref (plans);
  return n / (elapsed / 1000.0);
}

/* The same rows as add_plans() without progress (plan, dimensions, goals, the
 * plan's row of the search index and of the history), written by the plainest
 * loop SQLite allows: prepared statements in one transaction.  The floor an
 * import can be compared with. */
static double
raw_insert (VigiaBenchData *data,
            const char     *path,
            guint           n)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db = NULL;
  sqlite3_stmt *plan_stmt = NULL;
  sqlite3_stmt *dim_stmt = NULL;
  sqlite3_stmt *goal_stmt = NULL;
  sqlite3_stmt *target_stmt = NULL;
  sqlite3_stmt *search_stmt = NULL;
  sqlite3_stmt *history_stmt = NULL;
  double start;
  double elapsed;

  /* The real schema, made by the library itself. */
  g_object_unref (open_library (path));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (plans, vigia_bench_data_make_plan (data, i));

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8192;",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO plan (uuid, organization, election, process, department,"
                          " province, district, ubigeo, term_start, term_end, ideario, vision,"
                          " accountability, source_format, created, changed, edited, edited_by)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16,"
                          " 'bench')",
                      -1, &plan_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO dimension (plan_id, position, kind, title) VALUES (?1, ?2, ?3, ?4)",
                      -1, &dim_stmt, NULL);
  /* The rows of schema 4: a goal, and its target (one per goal here). */
  sqlite3_prepare_v2 (db, "INSERT INTO goal (dimension_id, uuid, position, number, problem, objective,"
                          " indicator, edited, edited_by)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'bench')",
                      -1, &goal_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO target (goal_id, uuid, position, text, value, unit, measure, direction,"
                          " reading, edited, edited_by)"
                          " VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'bench')",
                      -1, &target_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO plan_search (rowid, organization, place, texts, goals) VALUES (?1, ?2, ?3, ?4, ?5)",
                      -1, &search_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO history (changed, plan_uuid, entity, action, field, new_value, author)"
                          " VALUES (?1, ?2, 'plan', 'create', 'source', 'declara-text', 'bench')",
                      -1, &history_stmt, NULL);

  start = now_ms ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      VigiaPlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *uuid = vigia_uuid_new ();
      g_autoptr(GString) place = g_string_new (NULL);
      g_autoptr(GString) goals = g_string_new (NULL);
      g_autoptr(GString) texts = g_string_new (NULL);
      gint64 plan_id;

      sqlite3_bind_text (plan_stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (plan_stmt, 2, vigia_plan_get_organization (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 3, vigia_enum_to_nick (VIGIA_TYPE_ELECTION, vigia_plan_get_election (plan)), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 4, vigia_plan_get_process (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 5, vigia_plan_get_department (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 6, vigia_plan_get_province (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 7, vigia_plan_get_district (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 8, vigia_plan_get_ubigeo (plan), -1, SQLITE_STATIC);
      sqlite3_bind_int (plan_stmt, 9, vigia_plan_get_term_start (plan));
      sqlite3_bind_int (plan_stmt, 10, vigia_plan_get_term_end (plan));
      sqlite3_bind_text (plan_stmt, 11, vigia_plan_get_ideario (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 12, vigia_plan_get_vision (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 13, vigia_plan_get_accountability (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 14, "declara-text", -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 15, "2026-11-25T00:00:00Z", -1, SQLITE_STATIC);
      sqlite3_bind_text (plan_stmt, 16, "2026-11-25T00:00:00.000000Z", -1, SQLITE_STATIC);
      g_assert (sqlite3_step (plan_stmt) == SQLITE_DONE);
      sqlite3_reset (plan_stmt);
      plan_id = sqlite3_last_insert_rowid (db);

      for (guint d = 0; d < vigia_plan_get_n_dimensions (plan); d++)
        {
          VigiaDimension *dim = vigia_plan_get_dimension (plan, d);
          gint64 dim_id;

          sqlite3_bind_int64 (dim_stmt, 1, plan_id);
          sqlite3_bind_int (dim_stmt, 2, d);
          sqlite3_bind_text (dim_stmt, 3, vigia_enum_to_nick (VIGIA_TYPE_DIMENSION_KIND, vigia_dimension_get_kind (dim)), -1, SQLITE_STATIC);
          sqlite3_bind_text (dim_stmt, 4, vigia_dimension_get_title (dim), -1, SQLITE_STATIC);
          g_assert (sqlite3_step (dim_stmt) == SQLITE_DONE);
          sqlite3_reset (dim_stmt);
          dim_id = sqlite3_last_insert_rowid (db);

          for (guint g = 0; g < vigia_dimension_get_n_goals (dim); g++)
            {
              VigiaGoal *goal = vigia_dimension_get_goal (dim, g);
              g_autofree char *goal_uuid = vigia_uuid_new ();
              g_autofree char *target_uuid = vigia_uuid_new ();

              sqlite3_bind_int64 (goal_stmt, 1, dim_id);
              sqlite3_bind_text (goal_stmt, 2, goal_uuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int (goal_stmt, 3, g);
              sqlite3_bind_int (goal_stmt, 4, vigia_goal_get_number (goal));
              sqlite3_bind_text (goal_stmt, 5, vigia_goal_get_problem (goal), -1, SQLITE_STATIC);
              sqlite3_bind_text (goal_stmt, 6, vigia_goal_get_objective (goal), -1, SQLITE_STATIC);
              sqlite3_bind_text (goal_stmt, 7, vigia_goal_get_indicator (goal), -1, SQLITE_STATIC);
              sqlite3_bind_text (goal_stmt, 8, "2026-11-25T00:00:00.000000Z", -1, SQLITE_STATIC);
              g_assert (sqlite3_step (goal_stmt) == SQLITE_DONE);
              sqlite3_reset (goal_stmt);
              sqlite3_bind_int64 (target_stmt, 1, sqlite3_last_insert_rowid (db));
              sqlite3_bind_text (target_stmt, 2, target_uuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (target_stmt, 3, vigia_goal_get_target_text (goal), -1, SQLITE_STATIC);
              sqlite3_bind_double (target_stmt, 4, vigia_goal_get_target_value (goal));
              sqlite3_bind_text (target_stmt, 5, vigia_goal_get_target_unit (goal), -1, SQLITE_STATIC);
              sqlite3_bind_text (target_stmt, 6, vigia_enum_to_nick (VIGIA_TYPE_MEASURE, vigia_goal_get_target_measure (goal)), -1, SQLITE_STATIC);
              sqlite3_bind_text (target_stmt, 7, vigia_enum_to_nick (VIGIA_TYPE_DIRECTION, vigia_goal_get_target_direction (goal)), -1, SQLITE_STATIC);
              sqlite3_bind_text (target_stmt, 8, vigia_enum_to_nick (VIGIA_TYPE_READING, vigia_goal_get_target_reading (goal)), -1, SQLITE_STATIC);
              sqlite3_bind_text (target_stmt, 9, "2026-11-25T00:00:00.000000Z", -1, SQLITE_STATIC);
              g_assert (sqlite3_step (target_stmt) == SQLITE_DONE);
              sqlite3_reset (target_stmt);
              g_string_append_printf (goals, "%s %s %s %s ", vigia_goal_get_problem (goal),
                                      vigia_goal_get_objective (goal), vigia_goal_get_indicator (goal),
                                      vigia_goal_get_target_text (goal));
            }
        }

      g_string_append_printf (texts, "%s %s", vigia_plan_get_ideario (plan), vigia_plan_get_vision (plan));
      g_string_append_printf (place, "%s %s %s %s", vigia_plan_get_department (plan),
                              vigia_plan_get_province (plan) ? vigia_plan_get_province (plan) : "",
                              vigia_plan_get_district (plan) ? vigia_plan_get_district (plan) : "",
                              vigia_plan_get_ubigeo (plan));
      sqlite3_bind_int64 (search_stmt, 1, plan_id);
      sqlite3_bind_text (search_stmt, 2, vigia_plan_get_organization (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (search_stmt, 3, place->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (search_stmt, 4, texts->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (search_stmt, 5, goals->str, -1, SQLITE_STATIC);
      g_assert (sqlite3_step (search_stmt) == SQLITE_DONE);
      sqlite3_reset (search_stmt);

      sqlite3_bind_text (history_stmt, 1, "2026-11-25T00:00:00Z", -1, SQLITE_STATIC);
      sqlite3_bind_text (history_stmt, 2, uuid, -1, SQLITE_STATIC);
      g_assert (sqlite3_step (history_stmt) == SQLITE_DONE);
      sqlite3_reset (history_stmt);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  elapsed = now_ms () - start;

  sqlite3_finalize (plan_stmt);
  sqlite3_finalize (dim_stmt);
  sqlite3_finalize (goal_stmt);
  sqlite3_finalize (target_stmt);
  sqlite3_finalize (search_stmt);
  sqlite3_finalize (history_stmt);
  sqlite3_close (db);

  return n / (elapsed / 1000.0);
}

static void
count_imported_cb (GFile        *file,
                   GPtrArray    *results,
                   const GError *error,
                   gpointer      user_data)
{
  guint *n_done = user_data;

  if (results == NULL)
    g_error ("%s", error->message);
  (*n_done)++;
}

static int
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = 0;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— Vigía at national scale");
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaBenchData) data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *national = NULL;
  static const char *queries[] = {
    "educacion", "salud", "agua potable", "mype", "anemia", "seguridad ciudadana", "residuos",
    "turismo", "participacion", "desnutricion", "areas verdes", "transparencia", "discapacidad",
    "agropecuaria", "conectividad", "riesgos", "juntos peru", "ancash", "san martin", "cusco",
  };
  struct rusage usage;
  const guint import_batch = 1000;
  Figure *figure;
  Figure *rate;
  double raw_median;
  double build_start;
  gboolean built = FALSE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  data = vigia_bench_data_new (opt_seed, &error);
  if (data == NULL)
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("vigia-bench-XXXXXX", &error);
  g_assert_no_error (error);

  printf ("Vigía benchmarks: %d plans, %d runs per figure, %u cores\n\n",
           opt_plans, opt_runs, g_get_num_processors ());
  printf ("%-52s %12s %12s  %-8s %s\n", "figure", "median", "p95", "unit", "target");

  /* Importing DECLARA summaries (files written from the synthetic plans),
   * against the raw loop writing the same rows. */
  {
    g_autoptr(GPtrArray) files = NULL;
    g_autofree char *texts_dir = g_build_filename (dir, "summaries", NULL);
    gsize bytes = 0;

    g_mkdir (texts_dir, 0700);
    files = vigia_bench_write_summaries (data, texts_dir, (guint) opt_runs * import_batch, &bytes);
    printf ("  (%u DECLARA summaries of %.1f kB on average)\n", files->len,
            bytes / 1e3 / files->len);

    rate = figure_new ("import DECLARA summaries (vigia_import_files)", "plans/s", "≥ 5000", TRUE);
    for (int run = 0; run < opt_runs; run++)
      {
        g_autofree char *path = g_build_filename (dir, "import.sqlite", NULL);
        g_autoptr(VigiaLibrary) library = open_library (path);
        guint n_done = 0;
        double start = now_ms ();

        if (!vigia_import_files (library, (GFile **) files->pdata + run * import_batch, import_batch,
                                 NULL, count_imported_cb, &n_done, NULL, &error))
          g_error ("%s", error->message);
        figure_add (rate, import_batch / ((now_ms () - start) / 1000.0));
        g_assert (n_done == import_batch);
        g_clear_object (&library);
        vigia_bench_remove_library (path);
      }

    figure = figure_new ("same rows, raw SQLite loop (1 transaction)", "plans/s", NULL, TRUE);
    for (int run = 0; run < opt_runs; run++)
      {
        g_autofree char *path = g_build_filename (dir, "raw.sqlite", NULL);

        figure_add (figure, raw_insert (data, path, import_batch));
        vigia_bench_remove_library (path);
      }
    raw_median = percentile (figure->samples, 0.5);
    figure_print (figure);
    printf ("%-52s %12.2f %12s  %-8s %s\n", "raw loop ÷ import (medians)",
            raw_median / percentile (rate->samples, 0.5), "", "×", "≤ 2");
    figure_print (rate);

    for (guint i = 0; i < files->len; i++)
      {
        g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));

        g_unlink (path);
      }
    g_rmdir (texts_dir);
  }

  /* The library alone, the plans already in memory. */
  figure = figure_new ("add plans in memory, a savepoint each", "plans/s", NULL, TRUE);
  for (int run = 0; run < opt_runs; run++)
    {
      g_autofree char *path = g_build_filename (dir, "add.sqlite", NULL);
      g_autoptr(VigiaLibrary) library = open_library (path);

      figure_add (figure, add_plans (data, library, run * import_batch, import_batch, FALSE, TRUE));
      g_clear_object (&library);
      vigia_bench_remove_library (path);
    }
  figure_print (figure);

  /* The national library. */
  national = opt_library != NULL ? g_strdup (opt_library) : g_build_filename (dir, "national.sqlite", NULL);
  build_start = now_ms ();
  if (count_rows (national, "SELECT count(*) FROM plan") != opt_plans)
    {
      g_autoptr(VigiaLibrary) library = NULL;

      vigia_bench_remove_library (national);
      library = open_library (national);
      for (guint first = 0; first < (guint) opt_plans; first += import_batch)
        add_plans (data, library, first, MIN (import_batch, (guint) opt_plans - first), TRUE, TRUE);
      built = TRUE;
    }
  printf ("\nnational library: %d plans, %d goals, %d progress entries (%s in %.1f s)\n\n",
           count_rows (national, "SELECT count(*) FROM plan"),
           count_rows (national, "SELECT count(*) FROM goal"),
           count_rows (national, "SELECT count(*) FROM progress"),
           built ? "built" : "reused", (now_ms () - build_start) / 1000.0);

  /* Opening the library and reading the first page of the list. */
  figure = figure_new ("open the library + first 50 rows of the list", "ms", "≤ 50", FALSE);
  for (int run = 0; run < MAX (opt_runs, 10); run++)
    {
      double start = now_ms ();
      g_autoptr(VigiaLibrary) library = open_library (national);
      g_autoptr(VigiaPlanList) list = vigia_plan_list_new (library);

      for (guint i = 0; i < 50; i++)
        {
          g_autoptr(VigiaPlanSummary) summary = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_assert (summary != NULL);
        }
      figure_add (figure, now_ms () - start);
    }
  figure_print (figure);

  /* Search, typed without accents over accented text. */
  {
    g_autoptr(VigiaLibrary) library = open_library (national);
    guint total = 0;

    figure = figure_new ("search, 20 queries without accents (per query)", "ms", "median ≤ 10", FALSE);
    for (int run = 0; run < opt_runs; run++)
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
          g_autoptr(GArray) ids = NULL;
          double start = now_ms ();

          query.text = queries[q];
          ids = vigia_library_query_plan_ids (library, &query, &error);
          g_assert_no_error (error);
          figure_add (figure, now_ms () - start);
          total += ids->len;
        }
    printf ("  (%u plans found per run of 20 queries)\n", total / opt_runs);
    figure_print (figure);

    /* Loading one plan with its goals and progress. */
    figure = figure_new ("load one plan with goals and progress", "ms", "≤ 5", FALSE);
    for (int run = 0; run < 200; run++)
      {
        gint64 id = 1 + (run * 7919) % opt_plans;
        double start = now_ms ();
        g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, id, &error);

        g_assert_no_error (error);
        g_assert (plan != NULL);
        figure_add (figure, now_ms () - start);
      }
    figure_print (figure);
  }

  /* One plan's report: a plan of the national library, eight semesters of
   * progress, written to memory in each format. */
  {
    static const struct {
      VigiaReportFormat format;
      const char *name;
      const char *target;
    } formats[] = {
      { VIGIA_REPORT_FORMAT_PDF, "one plan's report as PDF", "≤ 100" },
      { VIGIA_REPORT_FORMAT_HTML, "one plan's report as HTML", "≤ 10" },
      { VIGIA_REPORT_FORMAT_CSV, "one plan's report as CSV", NULL },
    };
    g_autoptr(VigiaLibrary) library = open_library (national);
    g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, 1 + opt_plans / 2, &error);

    g_assert_no_error (error);
    printf ("  (plan %d: %u goals, %u semesters of progress)\n", 1 + opt_plans / 2,
            vigia_plan_get_n_goals (plan), 8);
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        figure = figure_new (formats[f].name, "ms", formats[f].target, FALSE);
        for (int run = 0; run < MAX (opt_runs, 10); run++)
          {
            g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
            double start = now_ms ();
            g_autoptr(VigiaReport) report = vigia_report_new (plan, NULL, &error);

            g_assert_no_error (error);
            if (!vigia_report_write (report, formats[f].format, stream, NULL, &error))
              g_error ("%s", error->message);
            figure_add (figure, now_ms () - start);
          }
        figure_print (figure);
      }
  }

  /* Assessing the whole library: every plan's achievement as of a semester. */
  {
    g_autoptr(VigiaLibrary) library = open_library (national);

    figure = figure_new ("assess the whole library (every plan's achievement)", "ms", "≤ 1000", FALSE);
    for (int run = 0; run < opt_runs; run++)
      {
        double start = now_ms ();
        g_autoptr(GArray) scores = vigia_library_assess_plans (library, "2029-S2",
                                                               VIGIA_SOURCE_AUTHORITY, &error);

        g_assert_no_error (error);
        g_assert (scores->len == (guint) opt_plans);
        figure_add (figure, now_ms () - start);
      }
    figure_print (figure);
  }

  /* The whole library as one exchange document, read from the library and
   * written to a file. */
  {
    g_autoptr(VigiaLibrary) library = open_library (national);
    g_autofree char *json_path = g_build_filename (dir, "national.json", NULL);

    figure = figure_new ("export the whole library as JSON", "MB/s", "≥ 50", TRUE);
    for (int run = 0; run < MIN (opt_runs, 2); run++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (json_path);
        g_autoptr(GFileOutputStream) stream = NULL;
        g_autoptr(VigiaJsonWriter) writer = NULL;
        g_autoptr(GArray) ids = vigia_library_query_plan_ids (library, NULL, &error);
        g_autoptr(GFileInfo) info = NULL;
        double start = now_ms ();
        double seconds;

        stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
        g_assert_no_error (error);
        writer = vigia_json_writer_new (G_OUTPUT_STREAM (stream));
        g_assert (vigia_json_writer_begin (writer, NULL, &error));
        for (guint i = 0; i < ids->len; i++)
          {
            g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, g_array_index (ids, gint64, i), &error);

            g_assert_no_error (error);
            g_assert (vigia_json_writer_add_plan (writer, plan, NULL, &error));
          }
        g_assert (vigia_json_writer_end (writer, NULL, &error));
        g_assert (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
        seconds = (now_ms () - start) / 1000.0;

        info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
        g_assert_no_error (error);
        if (run == 0)
          printf ("  (%.0f MB written in %.1f s)\n", g_file_info_get_size (info) / 1e6, seconds);
        figure_add (figure, g_file_info_get_size (info) / 1e6 / seconds);
      }
    figure_print (figure);

    /* The document back into an empty library by vigia-cli, a process of
     * its own: its peak memory is the import's alone (the exchange
     * document is read a plan at a time). */
    if (g_getenv ("VIGIA_CLI") != NULL)
      {
        g_autofree char *back = g_build_filename (dir, "back.sqlite", NULL);
        g_autoptr(GFile) file = g_file_new_for_path (json_path);
        g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                       G_FILE_QUERY_INFO_NONE, NULL, &error);
        double megabytes = g_file_info_get_size (info) / 1e6;
        long peak_kb = 0;

        figure = figure_new ("import that document into an empty library", "MB/s", "≥ 50", TRUE);
        for (int run = 0; run < MIN (opt_runs, 2); run++)
          {
            const char *command[] = { g_getenv ("VIGIA_CLI"), "--library", back, "import", json_path, NULL };
            struct rusage child;
            GPid pid;
            int status = 0;
            double start;

            vigia_bench_remove_library (back);
            start = now_ms ();
            g_assert (g_spawn_async (NULL, (char **) command, NULL,
                                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                     &pid, &error));
            g_assert (wait4 (pid, &status, 0, &child) == pid);
            g_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
            figure_add (figure, megabytes / ((now_ms () - start) / 1000.0));
            peak_kb = MAX (peak_kb, child.ru_maxrss);
          }
        figure_print (figure);
        printf ("%-52s %12.1f %12s  %-8s\n", "peak resident memory of that import (target < 300)",
                peak_kb / 1024.0, "", "MB");
        vigia_bench_remove_library (back);
      }
    g_unlink (json_path);
  }

  getrusage (RUSAGE_SELF, &usage);
  printf ("%-52s %12.1f %12s  %-8s\n", "peak resident memory of this process",
           usage.ru_maxrss / 1024.0, "", "MB");

  if (opt_library == NULL)
    vigia_bench_remove_library (national);
  g_rmdir (dir);
  return 0;
}
