/* bench-postgresql.c: a library on PostgreSQL beside the same library in SQLite
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copies a library (the national one of bench-national with --library, or
 * one built here) into a new database of the server named in
 * $VIGIA_TEST_POSTGRESQL (build-aux/dev bench starts one), and times what a
 * reader does on both stores: open and read the first page of the list,
 * search, load a plan, assess the whole library; and an import of DECLARA
 * summaries into a new library on each.  Each figure is printed
 * for SQLite and for PostgreSQL (docs/postgresql.md, BENCHMARKS.md).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <unistd.h>

#include "vigia-bench-data.h"
#include "vigia-bench-figure.h"
#include "vigia-core.h"

static int opt_plans = 2000;
static int opt_runs = 5;
static char *opt_library = NULL;
static gboolean opt_import_only = FALSE;

static const GOptionEntry entries[] = {
  { "plans", 'n', 0, G_OPTION_ARG_INT, &opt_plans, "Plans in the library built when none is given (2000)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Repetitions of each timed step (5)", "N" },
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &opt_library,
    "Copy this library (bench-national's --library) instead of building one", "FILE" },
  { "import-only", 0, 0, G_OPTION_ARG_NONE, &opt_import_only, "Time only the import, with no library to copy", NULL },
  { NULL }
};

static const char *queries[] = {
  "educacion", "salud", "agua potable", "mype", "anemia", "seguridad ciudadana", "residuos",
  "turismo", "participacion", "desnutricion", "areas verdes", "transparencia", "discapacidad",
  "agropecuaria", "conectividad", "riesgos", "juntos peru", "ancash", "san martin", "cusco",
};

static void
admin_exec (const char *server,
            const char *sql)
{
  PGconn *conn = PQconnectdb (server);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

static VigiaLibrary *
open_library (const char *location)
{
  g_autoptr(GError) error = NULL;
  VigiaLibrary *library = vigia_library_open (location, VIGIA_LIBRARY_OPEN_EXISTING, &error);

  if (library == NULL)
    g_error ("%s", error->message);
  return library;
}

static void
build_library (const char *path)
{
  g_autoptr(VigiaBenchData) data = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  data = vigia_bench_data_new (2026, &error);
  library = vigia_library_open (path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  if (data == NULL || library == NULL || !vigia_library_begin (library, &error))
    g_error ("%s", error->message);
  for (int i = 0; i < opt_plans; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_bench_data_make_plan (data, i);

      vigia_bench_data_add_progress (data, plan, i, i % 4 == 0);
      if (!vigia_library_add_plan (library, plan, &error))
        g_error ("%s", error->message);
    }
  if (!vigia_library_commit (library, &error))
    g_error ("%s", error->message);
}

static double
median_of (Figure *figure)
{
  double median = percentile (figure->samples, 0.5);

  g_array_unref (figure->samples);
  g_free (figure);
  return median;
}

static double
time_first_page (const char *location)
{
  Figure *figure = figure_new (NULL, NULL, NULL, FALSE);

  for (int run = 0; run < MAX (opt_runs, 10); run++)
    {
      double start = now_ms ();
      g_autoptr(VigiaLibrary) library = open_library (location);
      g_autoptr(VigiaPlanList) list = vigia_plan_list_new (library);

      for (guint i = 0; i < 50; i++)
        {
          g_autoptr(VigiaPlanSummary) summary = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_assert (summary != NULL);
        }
      figure_add (figure, now_ms () - start);
    }
  return median_of (figure);
}

static double
time_search (VigiaLibrary *library,
             guint        *found)
{
  Figure *figure = figure_new (NULL, NULL, NULL, FALSE);

  *found = 0;
  for (int run = 0; run < opt_runs; run++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) ids = NULL;
        double start = now_ms ();

        query.text = queries[q];
        ids = vigia_library_query_plan_ids (library, &query, &error);
        g_assert_no_error (error);
        figure_add (figure, now_ms () - start);
        if (run == 0)
          *found += ids->len;
      }
  return median_of (figure);
}

static double
time_load (VigiaLibrary *library,
           guint         n_plans)
{
  Figure *figure = figure_new (NULL, NULL, NULL, FALSE);

  for (int run = 0; run < 200; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = 1 + (run * 7919) % n_plans;
      double start = now_ms ();
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, id, &error);

      g_assert_no_error (error);
      g_assert (plan != NULL);
      figure_add (figure, now_ms () - start);
    }
  return median_of (figure);
}

static double
time_assess (VigiaLibrary *library)
{
  Figure *figure = figure_new (NULL, NULL, NULL, FALSE);

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();
      g_autoptr(GArray) scores = vigia_library_assess_plans (library, "2029-S2", VIGIA_SOURCE_AUTHORITY, &error);

      g_assert_no_error (error);
      g_assert (scores != NULL);
      figure_add (figure, now_ms () - start);
    }
  return median_of (figure);
}

static void
imported_cb (GFile        *file,
             GPtrArray    *results,
             const GError *error,
             gpointer      user_data)
{
  if (results == NULL)
    g_error ("%s", error->message);
}

/* Milliseconds a plan, importing @files into the new library @location. */
static double
time_import (const char *location,
             GPtrArray  *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_library_open (location, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  double start;

  if (library == NULL)
    g_error ("%s", error->message);
  start = now_ms ();
  if (!vigia_import_files (library, (GFile **) files->pdata, files->len, NULL, imported_cb, NULL, NULL, &error))
    g_error ("%s", error->message);
  return (now_ms () - start) / files->len;
}

static void
print_header (void)
{
  printf ("%-46s %12s %12s  %-6s %9s\n", "figure (median)", "SQLite", "PostgreSQL", "unit", "ratio");
}

static void
print_row (const char *name,
           double      sqlite,
           double      postgresql,
           const char *unit)
{
  printf ("%-46s %12.2f %12.2f  %-6s %8.1f×\n", name, sqlite, postgresql, unit, postgresql / sqlite);
}

/* The library copied into a new database, then what a reader does on each
 * store. */
static void
time_reading (const char *dir,
              const char *server)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *database = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *create = NULL;
  g_autofree char *drop = NULL;
  VigiaStoreTally tally;
  guint n_plans;
  guint found_sqlite;
  guint found_postgresql;
  double start;
  double copy_seconds;

  if (opt_library != NULL)
    {
      file = g_strdup (opt_library);
    }
  else
    {
      file = g_build_filename (dir, "library.sqlite", NULL);
      build_library (file);
    }

  database = g_strdup_printf ("vigia_bench_%d", (int) getpid ());
  create = g_strdup_printf ("CREATE DATABASE %s", database);
  drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", database);
  shared = g_strdup_printf ("%s dbname=%s", server, database);
  admin_exec (server, create);

  start = now_ms ();
  if (!vigia_store_copy_locations (file, shared, NULL, NULL, &tally, &error))
    g_error ("%s", error->message);
  copy_seconds = (now_ms () - start) / 1000.0;
  n_plans = tally.rows[0];
  /* Timed on a settled library, as a team's server is between imports:
   * what autovacuum would do to the copied tables a little later is done
   * now, rather than while the figures are taken. */
  admin_exec (shared, "VACUUM (ANALYZE)");

  printf ("Vigía on PostgreSQL: %u plans, %" G_GUINT64_FORMAT " goals, %" G_GUINT64_FORMAT
          " progress entries, %" G_GUINT64_FORMAT " rows in all; %d runs per figure, %u cores\n",
          n_plans, tally.rows[2], tally.rows[4],
          tally.rows[0] + tally.rows[1] + tally.rows[2] + tally.rows[3] + tally.rows[4] + tally.rows[5] +
          tally.rows[6] + tally.rows[7] + tally.rows[8],
          opt_runs, g_get_num_processors ());
  printf ("copy the library into PostgreSQL (vigia-cli copy): %.1f s\n\n", copy_seconds);
  print_header ();

  print_row ("open the library + first 50 rows of the list", time_first_page (file), time_first_page (shared),
             "ms");
  {
    g_autoptr(VigiaLibrary) on_file = open_library (file);
    g_autoptr(VigiaLibrary) on_server = open_library (shared);
    double sqlite_search = time_search (on_file, &found_sqlite);
    double postgresql_search = time_search (on_server, &found_postgresql);

    print_row ("search, 20 queries without accents (per query)", sqlite_search, postgresql_search, "ms");
    printf ("  (plans found by the 20 queries: %u in SQLite, %u in PostgreSQL)\n", found_sqlite, found_postgresql);
    print_row ("load one plan with goals and progress", time_load (on_file, n_plans), time_load (on_server, n_plans),
               "ms");
    print_row ("assess the whole library", time_assess (on_file), time_assess (on_server), "ms");
  }

  admin_exec (server, drop);
  if (opt_library == NULL)
    g_unlink (file);
}

/* Importing 500 summaries into a new library on each store, alternated. */
static void
time_imports (const char *dir,
              const char *server)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *texts_dir = g_build_filename (dir, "summaries", NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(VigiaBenchData) data = vigia_bench_data_new (2026, &error);
  Figure *on_file = figure_new (NULL, NULL, NULL, FALSE);
  Figure *on_server = figure_new (NULL, NULL, NULL, FALSE);

  if (data == NULL)
    g_error ("%s", error->message);
  g_mkdir (texts_dir, 0700);
  files = vigia_bench_write_summaries (data, texts_dir, 500, NULL);
  for (int run = 0; run < opt_runs; run++)
    {
      g_autofree char *path = g_build_filename (dir, "import.sqlite", NULL);
      g_autofree char *name = g_strdup_printf ("vigia_bench_import_%d_%d", (int) getpid (), run);
      g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);
      g_autofree char *location = g_strdup_printf ("%s dbname=%s", server, name);

      figure_add (on_file, time_import (path, files));
      vigia_bench_remove_library (path);
      admin_exec (server, sql);
      figure_add (on_server, time_import (location, files));
      g_free (sql);
      sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", name);
      admin_exec (server, sql);
    }
  print_row ("import 500 DECLARA summaries (per plan)", median_of (on_file), median_of (on_server), "ms");
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *file_path = g_file_get_path (g_ptr_array_index (files, i));

      g_unlink (file_path);
    }
  g_rmdir (texts_dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— a library on PostgreSQL beside SQLite");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *server = g_getenv ("VIGIA_TEST_POSTGRESQL");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (server == NULL || *server == '\0')
    {
      printf ("No PostgreSQL server: $VIGIA_TEST_POSTGRESQL is not set (build-aux/dev bench starts one).\n");
      return 0;
    }

  dir = g_dir_make_tmp ("vigia-bench-XXXXXX", &error);
  g_assert_no_error (error);
  if (opt_import_only)
    print_header ();
  else
    time_reading (dir, server);
  time_imports (dir, server);
  g_rmdir (dir);
  return 0;
}
