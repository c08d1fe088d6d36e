/* vigia-test-utils.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <unistd.h>

#include "vigia-declara-reader.h"
#include "vigia-store.h"
#include "vigia-test-utils.h"

void
vigia_test_assert_finalized_at (gpointer    object_ptr,
                                const char *expression,
                                const char *file,
                                int         line,
                                const char *function)
{
  GObject **object = object_ptr;
  g_autofree char *message = NULL;
  gpointer alive = *object;
  const char *type;

  if (alive == NULL)
    return;
  type = G_OBJECT_TYPE_NAME (alive);
  g_object_add_weak_pointer (alive, &alive);
  g_object_unref (g_steal_pointer (object));
  if (alive == NULL)
    return;

  g_object_remove_weak_pointer (alive, &alive);
  message = g_strdup_printf ("%s, a %s, outlived what should have been its last reference "
                             "(references left: %u)", expression, type,
                             g_atomic_int_get (&((GObject *) alive)->ref_count));
  g_assertion_message (G_LOG_DOMAIN, file, line, function, message);
}

/* A GTask run in a thread lets go of its source object in the thread, just
 * after it queues the callback: waits, two seconds at most, until the
 * caller's reference to @object is the only one. */
void
vigia_test_wait_for_threads (gpointer object)
{
  for (guint i = 0; i < 2000 && g_atomic_int_get (&G_OBJECT (object)->ref_count) > 1; i++)
    g_usleep (G_USEC_PER_SEC / 1000);
}

char *
vigia_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vigia-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
vigia_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        vigia_test_remove_dir (child);
      else
        {
          g_chmod (child, 0600);
          g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

char *
vigia_test_checksum_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

char *
vigia_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A plan shaped like the DECLARA sample: four dimensions of n goals each. */
VigiaPlan *
vigia_test_make_plan (const char *organization,
                      const char *district,
                      guint       n_goals_per_dimension)
{
  VigiaPlan *plan = vigia_plan_new ();
  guint n_dims;

  vigia_plan_set_organization (plan, organization);
  vigia_plan_set_election (plan, VIGIA_ELECTION_MUNICIPAL_DISTRICT);
  vigia_plan_set_process (plan, "ERM 2022");
  vigia_plan_set_department (plan, "LIMA");
  vigia_plan_set_province (plan, "LIMA");
  vigia_plan_set_district (plan, district);
  vigia_plan_set_term_start (plan, 2023);
  vigia_plan_set_term_end (plan, 2026);
  vigia_plan_set_vision (plan, "Un distrito seguro, limpio y ordenado.");
  vigia_plan_set_source_format (plan, "test");
  vigia_plan_add_standard_dimensions (plan);

  n_dims = vigia_plan_get_n_dimensions (plan);
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);

      for (guint j = 0; j < n_goals_per_dimension; j++)
        {
          g_autoptr(VigiaGoal) goal = vigia_goal_new ();
          g_autofree char *problem = g_strdup_printf ("PROBLEMA %u.%u DE LA POBLACIÓN", i + 1, j + 1);

          vigia_goal_set_number (goal, j + 1);
          vigia_goal_set_problem (goal, problem);
          vigia_goal_set_objective (goal, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
          vigia_goal_set_indicator (goal, "POBLACIÓN ATENDIDA");
          vigia_goal_set_target_text (goal, "25% DE POBLACIÓN ATENDIDA");
          vigia_goal_set_target_value (goal, 25);
          vigia_goal_set_target_unit (goal, "%");
          vigia_goal_set_target_measure (goal, VIGIA_MEASURE_PERCENT);
          vigia_goal_set_target_direction (goal, VIGIA_DIRECTION_UP);
          vigia_goal_set_target_reading (goal, VIGIA_READING_AUTOMATIC);
          vigia_dimension_append_goal (dim, goal);
        }
    }

  return plan;
}

/* The DECLARA sample (Juntos por el Perú, Independencia, 2023–2026), read
 * as the import reads it. */
VigiaPlan *
vigia_test_load_sample_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "samples",
                                            "erm2022-lima-independencia-juntos-por-el-peru.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  VigiaPlan *plan;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  plan = vigia_declara_read ((const guint8 *) contents, length, "sample.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
put_entry (VigiaPlan   *plan,
           guint        dimension,
           guint        number,
           const char  *period,
           VigiaSource  source,
           double       value,
           VigiaStatus  status,
           const char  *note,
           const char  *evidence)
{
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, dimension), number - 1);
  g_autoptr(VigiaProgress) entry = vigia_progress_new (period, source);

  vigia_progress_set_value (entry, value);
  vigia_progress_set_status (entry, status);
  vigia_progress_set_note (entry, note);
  if (evidence != NULL)
    {
      const char * const list[] = { evidence, NULL };

      vigia_progress_set_evidence (entry, list);
    }
  vigia_progress_set_recorded (entry, g_str_has_suffix (period, "S1") ? "2024-07-15T00:00:00Z"
                                                                      : "2025-01-15T00:00:00Z");
  vigia_goal_put_progress (goal, entry);
}

/* Two semesters of progress on the sample plan, 2024-S1 and 2024-S2: the
 * authority's for most goals, the observer's for two, notes and evidence,
 * a goal with nothing recorded and one with an older figure only. */
void
vigia_test_add_sample_progress (VigiaPlan *plan)
{
  const double none = VIGIA_NO_VALUE;
  const VigiaSource a = VIGIA_SOURCE_AUTHORITY;

  put_entry (plan, 0, 1, "2024-S1", a, 8, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 0, 1, "2024-S2", a, 12.5, VIGIA_STATUS_IN_PROGRESS,
             "Programa activo en 3 de 8 sectores", "https://www.muniindependencia.gob.pe/avance-2024-2.pdf");
  put_entry (plan, 0, 1, "2024-S2", VIGIA_SOURCE_OBSERVER, 10, VIGIA_STATUS_IN_PROGRESS,
             "Verificado en el padrón de beneficiarios", NULL);
  put_entry (plan, 0, 2, "2024-S1", a, 5, VIGIA_STATUS_STALLED, NULL, NULL);
  put_entry (plan, 0, 3, "2024-S2", a, 10, VIGIA_STATUS_KEPT, NULL, NULL);
  put_entry (plan, 1, 1, "2024-S1", a, 120, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 1, 1, "2024-S2", a, 260, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 1, 2, "2024-S2", a, 60, VIGIA_STATUS_STALLED, NULL, NULL);
  put_entry (plan, 1, 2, "2024-S2", VIGIA_SOURCE_OBSERVER, 40, VIGIA_STATUS_STALLED, NULL, NULL);
  put_entry (plan, 1, 3, "2024-S2", a, none, VIGIA_STATUS_BROKEN, "Proyecto desestimado por el concejo", NULL);
  put_entry (plan, 2, 1, "2024-S1", a, 10, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 2, 1, "2024-S2", a, 14, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 2, 2, "2024-S1", a, 6, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 2, 2, "2024-S2", a, 12, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 2, 3, "2024-S2", a, 1, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 3, 1, "2024-S2", a, 2, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
  put_entry (plan, 3, 2, "2024-S2", a, 12, VIGIA_STATUS_IN_PROGRESS, NULL, NULL);
}

/* Every field of @actual is that of @expected, its assessment to the last
 * bit: what the list shows of a plan, read in two ways. */
void
vigia_test_assert_same_summary (VigiaPlanSummary *actual,
                                VigiaPlanSummary *expected)
{
  const VigiaRollup *rollup = vigia_plan_summary_get_rollup (actual);
  const VigiaRollup *expected_rollup = vigia_plan_summary_get_rollup (expected);
  double achievement = vigia_plan_summary_get_achievement (actual);
  double expected_achievement = vigia_plan_summary_get_achievement (expected);

  g_assert_cmpint (vigia_plan_summary_get_id (actual), ==, vigia_plan_summary_get_id (expected));
  g_assert_cmpstr (vigia_plan_summary_get_uuid (actual), ==, vigia_plan_summary_get_uuid (expected));
  g_assert_cmpstr (vigia_plan_summary_get_organization (actual), ==, vigia_plan_summary_get_organization (expected));
  g_assert_cmpint (vigia_plan_summary_get_election (actual), ==, vigia_plan_summary_get_election (expected));
  g_assert_cmpstr (vigia_plan_summary_get_process (actual), ==, vigia_plan_summary_get_process (expected));
  g_assert_cmpstr (vigia_plan_summary_get_department (actual), ==, vigia_plan_summary_get_department (expected));
  g_assert_cmpstr (vigia_plan_summary_get_province (actual), ==, vigia_plan_summary_get_province (expected));
  g_assert_cmpstr (vigia_plan_summary_get_district (actual), ==, vigia_plan_summary_get_district (expected));
  g_assert_cmpstr (vigia_plan_summary_get_ubigeo (actual), ==, vigia_plan_summary_get_ubigeo (expected));
  g_assert_cmpint (vigia_plan_summary_get_term_start (actual), ==, vigia_plan_summary_get_term_start (expected));
  g_assert_cmpint (vigia_plan_summary_get_term_end (actual), ==, vigia_plan_summary_get_term_end (expected));
  g_assert_cmpuint (vigia_plan_summary_get_n_goals (actual), ==, vigia_plan_summary_get_n_goals (expected));
  g_assert_cmpuint (vigia_plan_summary_get_n_targets (actual), ==, vigia_plan_summary_get_n_targets (expected));
  g_assert_cmpuint (vigia_plan_summary_get_n_goals_with_progress (actual), ==,
                    vigia_plan_summary_get_n_goals_with_progress (expected));
  g_assert_cmpstr (vigia_plan_summary_get_changed (actual), ==, vigia_plan_summary_get_changed (expected));
  g_assert_cmpstr (vigia_plan_summary_get_period (actual), ==, vigia_plan_summary_get_period (expected));

  g_assert_true ((rollup == NULL) == (expected_rollup == NULL));
  if (rollup != NULL)
    {
      g_assert_cmpuint (rollup->n_goals, ==, expected_rollup->n_goals);
      g_assert_cmpuint (rollup->n_targets, ==, expected_rollup->n_targets);
      g_assert_cmpuint (rollup->n_with_data, ==, expected_rollup->n_with_data);
      g_assert_cmpfloat (rollup->weight_with_data, ==, expected_rollup->weight_with_data);
      g_assert_cmpfloat (rollup->weighted_sum, ==, expected_rollup->weighted_sum);
      g_assert_cmpmem (rollup->status_counts, sizeof rollup->status_counts,
                       expected_rollup->status_counts, sizeof expected_rollup->status_counts);
    }
  if (isnan (expected_achievement))
    g_assert_true (isnan (achievement));
  else
    g_assert_cmpfloat (achievement, ==, expected_achievement);
}

/* The library @name in @dir, on the store the test runs on (see
 * vigia_test_make_library_location()). */
VigiaLibrary *
vigia_test_open_library (const char *dir,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vigia_test_make_library_location (dir, name);
  VigiaLibrary *library = vigia_library_open (path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

char *
vigia_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
ignore_notice (void       *user_data,
               const char *message)
{
}

/* A connection of its own to the database @location, in the library's
 * schema as the library's own connection is. */
static PGconn *
connect_postgresql (const char *location)
{
  PGconn *conn = PQconnectdb (location);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  result = PQexec (conn, "SET search_path = vigia, public");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  return conn;
}

/* Runs @sql (statements separated by semicolons) on @conn, or fails the test
 * naming the server's answer. */
static PGresult *
exec_postgresql (PGconn     *conn,
                 const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  return result;
}

/**
 * vigia_test_checksum_library:
 *
 * Returns: (transfer full): a digest of everything the library at
 *   @location holds: a file's bytes, or on PostgreSQL (whose files are the
 *   server's) every column of the schema vigia and every row of its
 *   tables, read on a connection of its own; equal digests say the library
 *   was not changed
 */
char *
vigia_test_checksum_library (const char *location)
{
  g_autoptr(GChecksum) checksum = NULL;
  PGconn *conn;
  PGresult *tables;
  PGresult *columns;

  if (!vigia_store_location_is_postgresql (location))
    return vigia_test_checksum_file (location);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  conn = connect_postgresql (location);
  columns = exec_postgresql (conn, "SELECT table_name, column_name, data_type, is_nullable, column_default"
                                   " FROM information_schema.columns WHERE table_schema = 'vigia'"
                                   " ORDER BY table_name, column_name");
  for (int i = 0; i < PQntuples (columns); i++)
    for (int j = 0; j < PQnfields (columns); j++)
      {
        g_checksum_update (checksum, (const guchar *) PQgetvalue (columns, i, j), -1);
        g_checksum_update (checksum, (const guchar *) "\t", 1);
      }
  PQclear (columns);

  tables = exec_postgresql (conn, "SELECT tablename FROM pg_tables WHERE schemaname = 'vigia' ORDER BY tablename");
  for (int i = 0; i < PQntuples (tables); i++)
    {
      /* The names come from the server's own catalogue. */
      g_autofree char *sql = g_strdup_printf ("SELECT t::text FROM vigia.%s t ORDER BY t::text COLLATE \"C\"",
                                              PQgetvalue (tables, i, 0));
      PGresult *rows = exec_postgresql (conn, sql);

      g_checksum_update (checksum, (const guchar *) sql, -1);
      for (int j = 0; j < PQntuples (rows); j++)
        {
          g_checksum_update (checksum, (const guchar *) PQgetvalue (rows, j, 0), -1);
          g_checksum_update (checksum, (const guchar *) "\n", 1);
        }
      PQclear (rows);
    }
  PQclear (tables);
  PQfinish (conn);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Counts on its own connection, as another program would see the library:
 * read-only on a file; on PostgreSQL, @sql must be in words both take. */
int
vigia_test_count_rows (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  if (vigia_store_location_is_postgresql (path))
    {
      PGconn *conn = connect_postgresql (path);
      PGresult *result = exec_postgresql (conn, sql);

      g_assert_cmpint (PQntuples (result), ==, 1);
      count = (int) g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
      PQfinish (conn);
      return count;
    }

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* The plan as another program reads it from the library now, on a
 * connection of its own (@path is a file or a connection string). */
VigiaPlan *
vigia_test_reload_plan (const char *path,
                        gint64      plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) other = NULL;
  VigiaPlan *plan;

  other = vigia_library_open (path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  plan = vigia_library_load_plan (other, plan_id, &error);
  g_assert_no_error (error);
  return plan;
}

/* Runs @sql on the library behind its back, as another program would; on
 * PostgreSQL, @sql must be in words both take. */
void
vigia_test_exec_sql (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;

  if (vigia_store_location_is_postgresql (path))
    {
      PGconn *conn = connect_postgresql (path);

      PQclear (exec_postgresql (conn, sql));
      PQfinish (conn);
      return;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Switches the messages and number formats of this process: "es" for
 * Spanish as Peru writes it (decimal comma), anything else for English. */
void
vigia_test_set_language (const char *language)
{
  const char *localedir = g_getenv ("VIGIA_LOCALEDIR");
  gboolean spanish = g_strcmp0 (language, "es") == 0;

  g_setenv ("LANGUAGE", spanish ? "es" : "en", TRUE);
  /* Setting the locale also makes gettext forget the catalogues it had. */
  if (setlocale (LC_ALL, spanish ? "es_PE.UTF-8" : "C.UTF-8") == NULL)
    g_error ("The locale %s is missing: build-aux/dev setup makes it",
             spanish ? "es_PE.UTF-8" : "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

void
vigia_test_run_clear (VigiaTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs $VIGIA_CLI with the arguments (NULL-terminated) in "es" (Spanish as
 * Peru writes it) or "en". */
void
vigia_test_run_cli (VigiaTestRun *run,
                    const char   *language,
                    const char   *first_arg,
                    ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  gboolean spanish = g_strcmp0 (language, "es") == 0;
  va_list args;

  vigia_test_run_clear (run);

  g_ptr_array_add (argv, (char *) g_getenv ("VIGIA_CLI"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", spanish ? "es" : "en", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", spanish ? "es_PE.UTF-8" : "C.UTF-8", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

/**
 * vigia_test_integrity_check:
 *
 * Returns: (transfer full): what SQLite's integrity check says of the
 *   library at @path: "ok" when it is whole
 */
char *
vigia_test_integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *verdict;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  verdict = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return verdict;
}

const char *
vigia_test_postgresql_server (void)
{
  const char *server = g_getenv ("VIGIA_TEST_POSTGRESQL");

  return server != NULL && *server != '\0' ? server : NULL;
}

static const char no_server[] = "No PostgreSQL server to test with: $VIGIA_TEST_POSTGRESQL is not set "
                                "(build-aux/dev test starts one)";

gboolean
vigia_test_skip_without_postgresql (void)
{
  if (vigia_test_postgresql_server () != NULL)
    return FALSE;
  g_test_skip (no_server);
  return TRUE;
}

/* Runs @sql on the server's maintenance database. */
void
vigia_test_postgresql_exec (const char *sql)
{
  PGconn *conn = PQconnectdb (vigia_test_postgresql_server ());

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  PQclear (exec_postgresql (conn, sql));
  PQfinish (conn);
}

/* A new, empty database on the server, named uniquely; returns its
 * connection string, and its name in @name. */
char *
vigia_test_make_database (char **name)
{
  static guint counter;
  g_autofree char *database = g_strdup_printf ("vigia_test_%d_%u", (int) getpid (), ++counter);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", database);
  /* libpq takes the last of a repeated keyword. */
  char *location = g_strdup_printf ("%s dbname=%s", vigia_test_postgresql_server (), database);

  vigia_test_postgresql_exec (sql);
  *name = g_steal_pointer (&database);
  return location;
}

/* Ends every connection to the database @name but the caller's. */
void
vigia_test_kill_connections (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                          " WHERE datname = '%s' AND pid <> pg_backend_pid ()", name);

  vigia_test_postgresql_exec (sql);
}

/* Opens or closes the database @name to new connections (superusers
 * too), as a server restarting or a network cut would. */
void
vigia_test_allow_connections (const char *name,
                              gboolean    allow)
{
  g_autofree char *sql = g_strdup_printf ("ALTER DATABASE %s ALLOW_CONNECTIONS %s", name,
                                          allow ? "true" : "false");

  vigia_test_postgresql_exec (sql);
}

/* Drops the database @name, ending first the connections a failed test left
 * open to it. */
void
vigia_test_drop_database (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", name);

  vigia_test_postgresql_exec (sql);
}

gboolean
vigia_test_store_is_postgresql (void)
{
  return g_strcmp0 (g_getenv ("VIGIA_TEST_STORE"), "postgresql") == 0;
}

static void
skip_cb (gconstpointer data)
{
  g_test_skip (data);
}

/* What vigia_test_add_on_store() and vigia_test_add_sqlite_only() call.
 * The skips are decided here, not in the fixture's set-up: GLib 2.74 runs
 * the case after a set-up that skipped. */
void
vigia_test_add_vtable_on_store (const char       *path,
                                gsize             fixture_size,
                                const char       *why_sqlite_only,
                                GTestFixtureFunc  set_up,
                                GTestFixtureFunc  test,
                                GTestFixtureFunc  tear_down)
{
  if (vigia_test_store_is_postgresql () && why_sqlite_only != NULL)
    g_test_add_data_func (path, why_sqlite_only, skip_cb);
  else if (vigia_test_store_is_postgresql () && vigia_test_postgresql_server () == NULL)
    g_test_add_data_func (path, no_server, skip_cb);
  else
    g_test_add_vtable (path, fixture_size, NULL, set_up, test, tear_down);
}

void
vigia_test_add_func_sqlite_only (const char *path,
                                 GTestFunc   test)
{
  if (vigia_test_store_is_postgresql ())
    g_test_add_data_func (path, "Opens no library: the run on SQLite covers it", skip_cb);
  else
    g_test_add_func (path, test);
}

typedef struct
{
  GTestFunc test;
} FuncOnStore;

static void
run_func_on_store (gconstpointer data)
{
  const FuncOnStore *func = data;

  func->test ();
  vigia_test_drop_library_locations ();
}

void
vigia_test_add_func_on_store (const char *path,
                              GTestFunc   test)
{
  FuncOnStore *func;

  if (vigia_test_store_is_postgresql () && vigia_test_postgresql_server () == NULL)
    {
      g_test_add_data_func (path, no_server, skip_cb);
      return;
    }
  func = g_new0 (FuncOnStore, 1);
  func->test = test;
  g_test_add_data_func_full (path, func, run_func_on_store, g_free);
}

/* The databases vigia_test_make_library_location() made, by the file name
 * they stand for, so that asking twice gives the same library. */
static GHashTable *databases;

/**
 * vigia_test_make_library_location:
 *
 * Returns: (transfer full): where the test keeps its library @name: the
 *   file @name in @dir, or on PostgreSQL a new database of the server, the
 *   same one each time @dir and @name are asked for, until
 *   vigia_test_drop_library_locations() drops them all
 */
char *
vigia_test_make_library_location (const char *dir,
                                  const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char **entry;

  if (!vigia_test_store_is_postgresql ())
    return g_steal_pointer (&path);

  g_assert_nonnull (vigia_test_postgresql_server ());
  if (databases == NULL)
    databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  entry = g_hash_table_lookup (databases, path);
  if (entry == NULL)
    {
      /* The database's name, then its connection string. */
      entry = g_new0 (char *, 3);
      entry[1] = vigia_test_make_database (&entry[0]);
      g_hash_table_insert (databases, g_steal_pointer (&path), entry);
    }
  return g_strdup (entry[1]);
}

/* Drops every database vigia_test_make_library_location() made; a fixture's
 * tear-down calls it, on either store. */
void
vigia_test_drop_library_locations (void)
{
  GHashTableIter iter;
  char **entry;

  if (databases == NULL)
    return;
  g_hash_table_iter_init (&iter, databases);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    vigia_test_drop_database (entry[0]);
  g_clear_pointer (&databases, g_hash_table_unref);
}
