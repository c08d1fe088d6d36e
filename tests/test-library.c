/* test-library.c: the plan library (VigiaLibrary, VigiaPlanList)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It runs twice: on SQLite files, and as test-library-postgresql with
 * $VIGIA_TEST_STORE=postgresql, where each library is a new database of the
 * server $VIGIA_TEST_POSTGRESQL names.  What only a file can be (a text
 * file, damaged pages, a read-only folder, an old schema) is left to the
 * first.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vigia-fault-vfs.h"
#include "vigia-schema.h"
#include "vigia-test-utils.h"

typedef struct
{
  char *dir;
  /* The library's file, or on PostgreSQL a new database. */
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vigia_test_make_dir ();
  f->path = vigia_test_make_library_location (f->dir, "library.sqlite");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Runs SQL on a library behind its back, as another program would. */
static void
raw_exec (const char *path,
          const char *sql)
{
  vigia_test_exec_sql (path, sql);
}

static int
raw_count (const char *path,
           const char *sql)
{
  return vigia_test_count_rows (path, sql);
}

/* The schema version the library at @location holds, read as another
 * program would: SQLite keeps it in the file's header. */
static int
schema_version (const char *location)
{
  if (vigia_test_store_is_postgresql ())
    return raw_count (location, "SELECT schema_version FROM library_info");
  return raw_count (location, "PRAGMA user_version");
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);
  g_autoptr(VigiaPlan) loaded = NULL;
  g_autofree char *nested = vigia_test_make_library_location (f->dir, "a/b/library.sqlite");
  VigiaGoal *goal;

  /* A new library, in a folder that does not exist yet (on PostgreSQL, in
   * a database without Vigía's schema). */
  library = vigia_library_open (nested, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (vigia_library_is_read_only (library));
  g_assert_cmpuint (vigia_library_count_plans (library, &error), ==, 0);
  g_assert_true (vigia_library_add_plan (library, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigia_plan_get_id (plan), >, 0);
  g_assert_nonnull (vigia_plan_get_uuid (plan));
  vigia_test_assert_finalized (&library);

  g_assert_cmpint (schema_version (nested), ==, VIGIA_SCHEMA_VERSION);
  g_assert_cmpint (raw_count (nested, "SELECT count(*) FROM goal"), ==, 12);
  g_assert_cmpint (raw_count (nested, "SELECT count(*) FROM target"), ==, 12);

  library = vigia_library_open (nested, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_library_count_plans (library, &error), ==, 1);

  loaded = vigia_library_load_plan (library, vigia_plan_get_id (plan), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_plan_get_organization (loaded), ==, "JUNTOS POR EL PERU");
  g_assert_cmpstr (vigia_plan_get_district (loaded), ==, "INDEPENDENCIA");
  g_assert_cmpstr (vigia_plan_get_uuid (loaded), ==, vigia_plan_get_uuid (plan));
  g_assert_cmpint (vigia_plan_get_term_start (loaded), ==, 2023);
  g_assert_cmpint (vigia_plan_get_term_end (loaded), ==, 2026);
  g_assert_cmpuint (vigia_plan_get_n_dimensions (loaded), ==, 4);
  g_assert_cmpuint (vigia_plan_get_n_goals (loaded), ==, 12);
  g_assert_cmpint (vigia_dimension_get_kind (vigia_plan_get_dimension (loaded, 2)), ==,
                   VIGIA_DIMENSION_KIND_ENVIRONMENTAL);

  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (loaded, 1), 2);
  g_assert_cmpstr (vigia_goal_get_problem (goal), ==, "PROBLEMA 2.3 DE LA POBLACIÓN");
  g_assert_cmpfloat (vigia_goal_get_target_value (goal), ==, 25);
  g_assert_cmpstr (vigia_goal_get_target_unit (goal), ==, "%");
  g_assert_cmpint (vigia_goal_get_target_measure (goal), ==, VIGIA_MEASURE_PERCENT);
  g_assert_true (isnan (vigia_goal_get_baseline_value (goal)));
  g_assert_cmpfloat (vigia_goal_get_weight (goal), ==, 1);
  vigia_test_assert_finalized (&loaded);
  vigia_test_assert_finalized (&plan);
  vigia_test_assert_finalized (&library);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autofree char *missing = NULL;

  if (!vigia_test_store_is_postgresql ())
    {
      library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
      g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND);
      g_assert_null (library);
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
      return;
    }

  /* A database the server does not have, which opening does not make. */
  missing = g_strdup_printf ("%s dbname=vigia_test_missing_%d", vigia_test_postgresql_server (), (int) getpid ());
  library = vigia_library_open (missing, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "vigia_test_missing_"));
  g_assert_null (library);
  g_assert_cmpint (raw_count (vigia_test_postgresql_server (),
                              "SELECT count(*) FROM pg_database WHERE datname LIKE 'vigia_test_missing_%'"), ==, 0);
}

static void
test_empty_file_migrates (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;

  /* On PostgreSQL, the new database is empty already. */
  if (!vigia_test_store_is_postgresql ())
    {
      g_file_set_contents (f->path, "", 0, &error);
      g_assert_no_error (error);
    }

  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  vigia_test_assert_finalized (&library);

  g_assert_cmpint (schema_version (f->path), ==, VIGIA_SCHEMA_VERSION);
  if (vigia_test_store_is_postgresql ())
    g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM pg_tables WHERE schemaname = 'vigia'"
                                         " AND tablename = 'plan'"), ==, 1);
  else
    g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'plan'"), ==, 1);
}

static void
test_newer_schema_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  vigia_test_assert_finalized (&library);
  if (vigia_test_store_is_postgresql ())
    raw_exec (f->path, "UPDATE library_info SET schema_version = 7");
  else
    raw_exec (f->path, "PRAGMA user_version = 7; PRAGMA journal_mode = DELETE;");

  before = vigia_test_checksum_library (f->path);
  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NEWER_SCHEMA);
  g_assert_null (library);
  g_assert_nonnull (strstr (error->message, "newer version of Vigía"));
  g_assert_nonnull (strstr (error->message, "version 7"));
  g_clear_error (&error);

  after = vigia_test_checksum_library (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (schema_version (f->path), ==, 7);
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  const char *text = "RESUMEN DEL PLAN DE GOBIERNO\n\nI. FINALIDAD\n";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_file_set_contents (f->path, text, -1, &error);
  g_assert_no_error (error);
  before = vigia_test_checksum_file (f->path);

  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_null (library);

  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_other_sqlite (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* On PostgreSQL, another program's tables in Vigía's schema. */
  if (vigia_test_store_is_postgresql ())
    raw_exec (f->path, "CREATE SCHEMA vigia");
  raw_exec (f->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ana');");
  before = vigia_test_checksum_library (f->path);

  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY);
  g_assert_nonnull (strstr (error->message, "another program"));

  after = vigia_test_checksum_library (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_corrupt_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  vigia_test_assert_finalized (&library);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE;");

  /* Scribble over the schema table on the first page, past the header. */
  g_file_get_contents (f->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0x5a, 2000);
  g_file_set_contents (f->path, contents, length, &error);
  g_assert_no_error (error);
  before = vigia_test_checksum_file (f->path);

  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_null (library);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));

  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

static guint count_search (VigiaLibrary *library,
                           const char   *text);

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("FUERZA POPULAR", "COMAS", 1);
  g_autoptr(VigiaPlan) other = vigia_test_make_plan ("PODEMOS PERU", "ATE", 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_true (vigia_library_add_plan (library, plan, &error));
  g_assert_no_error (error);
  vigia_test_assert_finalized (&library);
  before = vigia_test_checksum_library (f->path);

  /* Asked for read-only: reads work, writes say why they cannot. */
  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (vigia_library_is_read_only (library));
  g_assert_cmpuint (vigia_library_count_plans (library, &error), ==, 1);
  g_assert_false (vigia_library_add_plan (library, other, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  vigia_test_assert_finalized (&library);

  after = vigia_test_checksum_library (f->path);
  g_assert_cmpstr (before, ==, after);

  if (vigia_test_store_is_postgresql ())
    {
      g_test_message ("on PostgreSQL: a read-only folder and a file's permissions are a file's; the server "
                      "decides what a role may write (test-store's /store/postgresql/roles)");
      return;
    }

  /* In a folder where nothing can be made (a read-only medium, a backup):
   * no log, no shared memory, and still every read works.  (The read-only
   * connection above left its empty log and shared memory: a copy to a
   * medium would not have them.) */
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  vigia_fault_vfs_set_read_only_folder (TRUE);
  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_library_count_plans (library, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (library, "comas"), ==, 1);
  g_assert_false (vigia_library_add_plan (library, other, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
  g_clear_error (&error);
  vigia_test_assert_finalized (&library);
  vigia_fault_vfs_set_read_only_folder (FALSE);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
  g_clear_pointer (&after, g_free);
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);

  /* A file without write permission opens read-only by itself.  Root writes
   * anyway, so this half needs an ordinary user. */
  if (geteuid () == 0)
    {
      g_test_message ("running as root: file permissions do not apply");
      return;
    }

  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (vigia_library_is_read_only (library));
  g_assert_cmpuint (vigia_library_count_plans (library, &error), ==, 1);
  g_assert_false (vigia_library_add_plan (library, other, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
}

static guint
count_search (VigiaLibrary *library,
              const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;

  query.text = text;
  query.sort = VIGIA_PLAN_SORT_RELEVANCE;
  ids = vigia_library_query_plan_ids (library, &query, &error);
  g_assert_no_error (error);
  return ids->len;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "search.sqlite");
  g_autoptr(VigiaPlan) a = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 1);
  g_autoptr(VigiaPlan) b = vigia_test_make_plan ("AHORA NACIÓN", "SAN MARTÍN DE PORRES", 1);
  g_autofree char *long_word = NULL;
  g_autofree char *objective = NULL;
  VigiaGoal *goal;

  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (a, 0), 0);
  vigia_goal_set_objective (goal, "MEJORAR LA EDUCACIÓN BÁSICA REGULAR");
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (b, 1), 0);
  vigia_goal_set_target_text (goal, "500 MYPES ATENDIDAS");

  g_assert_true (vigia_library_add_plan (library, a, &error));
  g_assert_true (vigia_library_add_plan (library, b, &error));
  g_assert_no_error (error);

  /* Without accents, with accents, in any case, and as a prefix. */
  g_assert_cmpuint (count_search (library, "educacion"), ==, 1);
  g_assert_cmpuint (count_search (library, "EDUCACIÓN"), ==, 1);
  g_assert_cmpuint (count_search (library, "Educación básica"), ==, 1);
  g_assert_cmpuint (count_search (library, "educ"), ==, 1);
  g_assert_cmpuint (count_search (library, "mype"), ==, 1);
  g_assert_cmpuint (count_search (library, "nacion"), ==, 1);
  g_assert_cmpuint (count_search (library, "martin porres"), ==, 1);
  g_assert_cmpuint (count_search (library, "lima"), ==, 2);
  /* The plan's own words count too: its vision. */
  g_assert_cmpuint (count_search (library, "distrito seguro limpio"), ==, 2);
  g_assert_cmpuint (count_search (library, "poblacion atendida"), ==, 2);
  g_assert_cmpuint (count_search (library, "educacion mype"), ==, 0);
  g_assert_cmpuint (count_search (library, "tractor"), ==, 0);
  /* Query syntax typed by a person is text, not an error. */
  g_assert_cmpuint (count_search (library, "\"tractor\" OR *"), ==, 0);
  g_assert_cmpuint (count_search (library, "(educacion) AND NEAR"), ==, 0);
  g_assert_cmpuint (count_search (library, "educación\""), ==, 1);
  g_assert_cmpuint (count_search (library, "  "), ==, 2);

  /* An edited goal is found by its new text, not its old one. */
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (a, 0), 0);
  vigia_goal_set_objective (goal, "CONSTRUIR UN HOSPITAL");
  g_assert_true (vigia_library_save_goal (library, a, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (library, "educacion"), ==, 0);
  g_assert_cmpuint (count_search (library, "hospital"), ==, 1);

  /* A word longer than any the server indexes (2,046 bytes), quotes and
   * backslashes are saved and found as any other text. */
  long_word = g_strnfill (3000, 'z');
  objective = g_strconcat ("O'HIGGINS \\ 'HOSPITAL' ", long_word, NULL);
  vigia_goal_set_objective (goal, objective);
  g_assert_true (vigia_library_save_goal (library, a, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (library, "o'higgins hospital"), ==, 1);
  g_assert_cmpuint (count_search (library, "zzzzzzzz"), ==, 1);
  g_assert_cmpuint (count_search (library, "\\'"), ==, 2);

  /* A deleted plan is not found. */
  g_assert_true (vigia_library_delete_plan (library, vigia_plan_get_id (b), &error));
  g_assert_cmpuint (count_search (library, "mype"), ==, 0);
  vigia_test_assert_finalized (&library);
}

static void
test_filters_and_sort (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "filters.sqlite");
  g_autoptr(VigiaPlan) a = vigia_test_make_plan ("B PARTIDO", "ATE", 1);
  g_autoptr(VigiaPlan) b = vigia_test_make_plan ("A PARTIDO", "COMAS", 1);
  g_autoptr(VigiaPlan) c = vigia_test_make_plan ("C PARTIDO", "", 1);
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) departments = NULL;
  VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;

  vigia_plan_set_election (c, VIGIA_ELECTION_REGIONAL);
  vigia_plan_set_department (c, "PUNO");
  vigia_plan_set_province (c, NULL);
  vigia_plan_set_term_start (c, 2027);
  vigia_plan_set_term_end (c, 2030);
  g_assert_true (vigia_library_add_plan (library, a, &error));
  g_assert_true (vigia_library_add_plan (library, b, &error));
  g_assert_true (vigia_library_add_plan (library, c, &error));
  g_assert_no_error (error);

  ids = vigia_library_query_plan_ids (library, &query, &error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, vigia_plan_get_id (a));
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, vigia_plan_get_id (c));
  g_clear_pointer (&ids, g_array_unref);

  query.sort = VIGIA_PLAN_SORT_ORGANIZATION;
  ids = vigia_library_query_plan_ids (library, &query, &error);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, vigia_plan_get_id (b));
  g_clear_pointer (&ids, g_array_unref);

  query.election = VIGIA_ELECTION_REGIONAL;
  ids = vigia_library_query_plan_ids (library, &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  query.election = -1;
  query.department = "LIMA";
  ids = vigia_library_query_plan_ids (library, &query, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  query.department = NULL;
  query.term_start = 2027;
  ids = vigia_library_query_plan_ids (library, &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_no_error (error);

  departments = vigia_library_list_departments (library, &error);
  g_assert_cmpuint (g_strv_length (departments), ==, 2);
  g_assert_cmpstr (departments[0], ==, "LIMA");
  g_assert_cmpstr (departments[1], ==, "PUNO");
  vigia_test_assert_finalized (&library);
}

static const VigiaHistoryEntry *
find_history (GPtrArray  *entries,
              const char *action,
              const char *field)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const VigiaHistoryEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->action, action) == 0 && g_strcmp0 (entry->field, field) == 0)
        return entry;
    }
  return NULL;
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "history.sqlite");
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(VigiaProgress) progress = vigia_progress_new ("2023-S2", VIGIA_SOURCE_AUTHORITY);
  const VigiaHistoryEntry *entry;
  VigiaGoal *goal;

  g_assert_true (vigia_library_add_plan (library, plan, &error));
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 1);

  vigia_goal_set_objective (goal, "NUEVO OBJETIVO");
  vigia_goal_set_target_value (goal, 30);
  vigia_goal_set_target_reading (goal, VIGIA_READING_REVIEWED);
  g_assert_true (vigia_library_save_goal (library, plan, goal, &error));
  /* Saving again with nothing changed writes nothing. */
  g_assert_true (vigia_library_save_goal (library, plan, goal, &error));

  vigia_progress_set_value (progress, 12.5);
  vigia_progress_set_status (progress, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), progress, &error));
  vigia_progress_set_value (progress, 14);
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), progress, &error));
  g_assert_no_error (error);

  entries = vigia_library_list_history (library, NULL, vigia_goal_get_uuid (goal), &error);
  g_assert_no_error (error);
  /* objective, target value, reading; progress created; progress value */
  g_assert_cmpuint (entries->len, ==, 5);

  entry = find_history (entries, "update", "objective");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->entity, ==, "goal");
  g_assert_cmpstr (entry->old_value, ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
  g_assert_cmpstr (entry->new_value, ==, "NUEVO OBJETIVO");
  g_assert_cmpstr (entry->plan_uuid, ==, vigia_plan_get_uuid (plan));

  entry = find_history (entries, "update", "target-value");
  g_assert_cmpstr (entry->old_value, ==, "25");
  g_assert_cmpstr (entry->new_value, ==, "30");

  entry = find_history (entries, "update", "target-reading");
  g_assert_cmpstr (entry->old_value, ==, "automatic");
  g_assert_cmpstr (entry->new_value, ==, "reviewed");

  entry = find_history (entries, "create", "value");
  g_assert_cmpstr (entry->entity, ==, "progress");
  g_assert_cmpstr (entry->scope, ==, "2023-S2/authority");
  g_assert_cmpstr (entry->new_value, ==, "12.5");

  entry = find_history (entries, "update", "value");
  g_assert_cmpstr (entry->old_value, ==, "12.5");
  g_assert_cmpstr (entry->new_value, ==, "14");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The plan's own fields. */
  vigia_plan_set_authority_name (plan, "Ana Quispe");
  vigia_plan_set_authority_elected (plan, TRUE);
  g_assert_true (vigia_library_save_plan (library, plan, &error));
  g_assert_no_error (error);
  entries = vigia_library_list_history (library, vigia_plan_get_uuid (plan), NULL, &error);
  entry = find_history (entries, "update", "authority-name");
  g_assert_nonnull (entry);
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "Ana Quispe");
  g_assert_nonnull (find_history (entries, "create", "source"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A deleted plan stays in the history, whole. */
  g_assert_true (vigia_library_delete_plan (library, vigia_plan_get_id (plan), &error));
  g_assert_no_error (error);
  entries = vigia_library_list_history (library, vigia_plan_get_uuid (plan), NULL, &error);
  entry = find_history (entries, "delete", NULL);
  g_assert_nonnull (entry);
  g_assert_nonnull (strstr (entry->old_value, "\"NUEVO OBJETIVO\""));
  g_assert_nonnull (strstr (entry->old_value, "\"2023-S2\""));
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM goal"), ==, 0);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM progress"), ==, 0);
  vigia_test_assert_finalized (&plan);
  vigia_test_assert_finalized (&library);
}

static void
test_failed_write_leaves_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "atomic.sqlite");
  g_autoptr(VigiaPlan) first = vigia_test_make_plan ("PRIMERO", "ATE", 2);
  g_autoptr(VigiaPlan) second = vigia_test_make_plan ("SEGUNDO", "COMAS", 2);
  g_autoptr(VigiaProgress) progress = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);
  VigiaGoal *clash;

  g_assert_true (vigia_library_add_plan (library, first, &error));
  g_assert_no_error (error);

  /* The last goal of the second plan reuses a uuid of the first: the insert
   * fails after the plan, three dimensions and several goals went in. */
  clash = vigia_dimension_get_goal (vigia_plan_get_dimension (second, 3), 1);
  vigia_goal_set_uuid (clash, vigia_goal_get_uuid (vigia_dimension_get_goal (vigia_plan_get_dimension (first, 0), 0)));
  vigia_goal_put_progress (vigia_dimension_get_goal (vigia_plan_get_dimension (second, 0), 0), progress);

  g_assert_false (vigia_library_add_plan (library, second, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (vigia_plan_get_id (second), ==, 0);
  g_assert_cmpint (vigia_goal_get_id (vigia_dimension_get_goal (vigia_plan_get_dimension (second, 0), 0)), ==, 0);

  g_assert_cmpuint (vigia_library_count_plans (library, &error), ==, 1);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM plan"), ==, 1);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM dimension"), ==, 4);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM goal"), ==, 8);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM progress"), ==, 0);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM plan_search"), ==, 1);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM history"), ==, 1);

  /* An outer transaction rolled back takes the inner writes with it. */
  vigia_goal_set_uuid (clash, NULL);
  g_assert_true (vigia_library_begin (library, &error));
  g_assert_true (vigia_library_add_plan (library, second, &error));
  g_assert_no_error (error);
  vigia_library_rollback (library);
  g_assert_cmpuint (vigia_library_count_plans (library, &error), ==, 1);
  vigia_test_assert_finalized (&library);
}

static void
test_goal_edits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "goals.sqlite");
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);
  g_autoptr(VigiaPlan) loaded = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2023-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaGoal) goal = NULL;
  g_autoptr(VigiaDimension) extra = vigia_dimension_new (VIGIA_DIMENSION_KIND_OTHER, "PROPUESTAS ADICIONALES");
  const char *evidence[] = { "https://example.org/acta.pdf", "expediente 12-2023", NULL };
  VigiaDimension *social;
  VigiaProgress *found;

  g_assert_true (vigia_library_add_plan (library, plan, &error));
  social = vigia_plan_get_dimension (plan, 0);
  goal = g_object_ref (vigia_dimension_get_goal (social, 1));

  vigia_progress_set_value (entry, 5);
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_progress_set_note (entry, "Padrón en elaboración");
  vigia_progress_set_evidence (entry, evidence);
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), entry, &error));
  g_assert_no_error (error);

  /* Delete the goal, then put it back as an undo would: with its progress. */
  g_assert_true (vigia_library_delete_goal (library, plan, social, goal, &error));
  g_assert_cmpuint (vigia_dimension_get_n_goals (social), ==, 2);
  g_assert_cmpuint (vigia_goal_get_number (vigia_dimension_get_goal (social, 1)), ==, 2);
  g_assert_cmpint (raw_count (vigia_library_get_path (library),
                              "SELECT count(*) FROM progress"), ==, 0);

  g_assert_true (vigia_library_add_goal (library, plan, social, 1, goal, &error));
  g_assert_no_error (error);

  /* Move the first goal to the end. */
  g_assert_true (vigia_library_move_goal (library, plan, social, vigia_dimension_get_goal (social, 0), 2, &error));
  g_assert_no_error (error);

  /* Add a fifth dimension, then rename it. */
  g_assert_true (vigia_library_add_dimension (library, plan, 4, extra, &error));
  vigia_dimension_set_title (extra, "OTRAS PROPUESTAS");
  g_assert_true (vigia_library_save_dimension (library, plan, extra, &error));
  g_assert_no_error (error);

  loaded = vigia_library_load_plan (library, vigia_plan_get_id (plan), &error);
  g_assert_no_error (error);
  social = vigia_plan_get_dimension (loaded, 0);
  g_assert_cmpuint (vigia_dimension_get_n_goals (social), ==, 3);
  /* The restored goal moved to the front when the first one went last. */
  g_assert_cmpstr (vigia_goal_get_uuid (vigia_dimension_get_goal (social, 0)), ==, vigia_goal_get_uuid (goal));
  g_assert_cmpuint (vigia_goal_get_number (vigia_dimension_get_goal (social, 0)), ==, 1);
  g_assert_cmpstr (vigia_goal_get_problem (vigia_dimension_get_goal (social, 2)), ==, "PROBLEMA 1.1 DE LA POBLACIÓN");
  g_assert_cmpuint (vigia_goal_get_number (vigia_dimension_get_goal (social, 2)), ==, 3);

  found = vigia_goal_find_progress (vigia_dimension_get_goal (social, 0), "2023-S1", VIGIA_SOURCE_AUTHORITY);
  g_assert_nonnull (found);
  g_assert_cmpfloat (vigia_progress_get_value (found), ==, 5);
  g_assert_cmpint (vigia_progress_get_status (found), ==, VIGIA_STATUS_IN_PROGRESS);
  g_assert_cmpstr (vigia_progress_get_note (found), ==, "Padrón en elaboración");
  g_assert_true (g_strv_equal (vigia_progress_get_evidence (found), evidence));

  g_assert_cmpuint (vigia_plan_get_n_dimensions (loaded), ==, 5);
  g_assert_cmpstr (vigia_dimension_get_title (vigia_plan_get_dimension (loaded, 4)), ==, "OTRAS PROPUESTAS");

  /* Deleting a dimension takes its goals. */
  g_assert_true (vigia_library_delete_dimension (library, plan, vigia_plan_get_dimension (plan, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM goal"), ==, 9);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM dimension"), ==, 4);

  /* Progress with a period that is not a semester is refused. */
  g_clear_object (&entry);
  entry = vigia_progress_new ("2023-S3", VIGIA_SOURCE_AUTHORITY);
  g_assert_false (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), entry, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  vigia_test_assert_finalized (&loaded);
  vigia_test_assert_finalized (&plan);
  vigia_test_assert_finalized (&library);
}

typedef struct
{
  guint  n_signals;
  GArray *last;
} SignalCounter;

static void
plans_changed_cb (VigiaLibrary  *library,
                  GArray        *ids,
                  SignalCounter *counter)
{
  counter->n_signals++;
  g_clear_pointer (&counter->last, g_array_unref);
  counter->last = g_array_ref (ids);
}

static void
test_plan_list_is_lazy (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "lazy.sqlite");
  g_autoptr(VigiaPlanList) list = NULL;
  g_autoptr(VigiaPlanSummary) summary = NULL;
  g_autoptr(VigiaPlan) extra = vigia_test_make_plan ("ZZ ÚLTIMO", "ZÁRATE", 1);
  SignalCounter counter = { 0, };
  const guint n_plans = 300;

  g_assert_true (vigia_library_begin (library, &error));
  for (guint i = 0; i < n_plans; i++)
    {
      g_autofree char *district = g_strdup_printf ("DISTRITO %03u", i);
      g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("PARTIDO", district, 3);

      g_assert_true (vigia_library_add_plan (library, plan, &error));
    }
  g_assert_true (vigia_library_commit (library, &error));
  g_assert_no_error (error);

  list = vigia_plan_list_new (library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_plans);
  /* Nothing read but the ids. */
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (list), ==, 0);

  /* A page: the row and the 49 after it, of 300. */
  summary = g_list_model_get_item (G_LIST_MODEL (list), 150);
  g_assert_cmpstr (vigia_plan_summary_get_district (summary), ==, "DISTRITO 150");
  g_assert_cmpuint (vigia_plan_summary_get_n_goals (summary), ==, 12);
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (list), ==, 50);
  g_clear_object (&summary);
  summary = g_list_model_get_item (G_LIST_MODEL (list), 150);
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (list), ==, 50);
  g_clear_object (&summary);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n_plans));

  /* The list follows the library. */
  g_signal_connect (library, "plans-changed", G_CALLBACK (plans_changed_cb), &counter);
  g_assert_true (vigia_library_add_plan (library, extra, &error));
  g_assert_cmpuint (counter.n_signals, ==, 1);
  g_assert_cmpuint (counter.last->len, ==, 1);
  g_assert_cmpint (g_array_index (counter.last, gint64, 0), ==, vigia_plan_get_id (extra));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_plans + 1);

  vigia_plan_list_set_search_text (list, "zarate");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  summary = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (vigia_plan_summary_get_organization (summary), ==, "ZZ ÚLTIMO");
  g_clear_object (&summary);

  vigia_plan_list_set_search_text (list, NULL);
  vigia_plan_list_set_sort (list, VIGIA_PLAN_SORT_CHANGED);
  g_assert_cmpint (vigia_plan_list_get_plan_id (list, 0), ==, vigia_plan_get_id (extra));

  g_signal_handlers_disconnect_by_func (library, plans_changed_cb, &counter);
  g_clear_pointer (&counter.last, g_array_unref);
  g_assert_finalize_object (g_steal_pointer (&list));
  vigia_test_assert_finalized (&library);
}

/* The other process of test_two_writers: adds plans in a loop. */
static int
run_writer (const char *path,
            guint       n_plans)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_library_open (path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  guint busy = 0;

  if (library == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("ESCRITOR", "HIJO", 4);

      if (!vigia_library_add_plan (library, plan, &error))
        {
          if (!g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_BUSY))
            {
              g_printerr ("writer: %s\n", error->message);
              return 1;
            }
          busy++;
          g_clear_error (&error);
        }
    }

  g_print ("%u\n", n_plans - busy);
  return 0;
}

static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "shared.sqlite");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *child_out = NULL;
  const guint n_plans = 150;
  guint parent_added = 0;
  guint child_added;

  g_subprocess_launcher_setenv (launcher, "VIGIA_TEST_WRITER", vigia_library_get_path (library), TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, "/proc/self/exe", NULL);
  g_assert_no_error (error);

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("PADRE", "PADRE", 4);

      if (vigia_library_add_plan (library, plan, &error))
        parent_added++;
      else
        {
          /* The only acceptable failure is a clear "busy". */
          g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_BUSY);
          g_assert_nonnull (strstr (error->message, "busy"));
          g_clear_error (&error);
        }
    }

  g_subprocess_communicate_utf8 (child, NULL, NULL, &child_out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (child));
  child_added = atoi (child_out);

  g_test_message ("parent added %u, child added %u of %u each", parent_added, child_added, n_plans);
  g_assert_cmpuint (parent_added + child_added, >, 0);
  g_assert_cmpuint (vigia_library_count_plans (library, &error), ==, parent_added + child_added);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM goal"), ==,
                   16 * (parent_added + child_added));
  /* A server checks its own pages. */
  if (!vigia_test_store_is_postgresql ())
    g_assert_cmpint (raw_count (vigia_library_get_path (library),
                                "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
  vigia_test_assert_finalized (&library);
}

static void
test_target_labels (void)
{
  g_autoptr(VigiaGoal) goal = vigia_goal_new ();
  g_autofree char *label = NULL;

  g_assert_cmpstr ((label = vigia_goal_dup_target_label (goal)), ==, "Needs review");
  g_clear_pointer (&label, g_free);

  vigia_goal_set_target_reading (goal, VIGIA_READING_AUTOMATIC);
  vigia_goal_set_target_value (goal, 25);
  vigia_goal_set_target_unit (goal, "%");
  vigia_goal_set_target_measure (goal, VIGIA_MEASURE_PERCENT);
  g_assert_cmpstr ((label = vigia_goal_dup_target_label (goal)), ==, "25 % ↑");
  g_clear_pointer (&label, g_free);

  vigia_goal_set_target_direction (goal, VIGIA_DIRECTION_DOWN);
  vigia_goal_set_target_value (goal, 30);
  g_assert_cmpstr ((label = vigia_goal_dup_target_label (goal)), ==, "30 % ↓");
  g_clear_pointer (&label, g_free);

  vigia_goal_set_target_direction (goal, VIGIA_DIRECTION_UP);
  vigia_goal_set_target_measure (goal, VIGIA_MEASURE_AMOUNT);
  vigia_goal_set_target_unit (goal, "US$");
  vigia_goal_set_target_value (goal, 20e6);
  g_assert_cmpstr ((label = vigia_goal_dup_target_label (goal)), ==, "US$ 20 million ↑");
  g_clear_pointer (&label, g_free);

  vigia_goal_set_target_unit (goal, "S/");
  vigia_goal_set_target_value (goal, 350000);
  g_assert_cmpstr ((label = vigia_goal_dup_target_label (goal)), ==, "S/ 350000 ↑");
  g_clear_pointer (&label, g_free);

  vigia_goal_set_target_measure (goal, VIGIA_MEASURE_COUNT);
  vigia_goal_set_target_unit (goal, "MYPES ATENDIDAS");
  vigia_goal_set_target_value (goal, 500);
  g_assert_cmpstr ((label = vigia_goal_dup_target_label (goal)), ==, "500 MYPES ATENDIDAS ↑");
}

static VigiaTarget *
make_target (const char *text,
             double      value,
             VigiaMeasure measure,
             VigiaDirection direction)
{
  VigiaTarget *target = vigia_target_new ();

  vigia_target_set_text (target, text);
  vigia_target_set_value (target, value);
  vigia_target_set_unit (target, measure == VIGIA_MEASURE_PERCENT ? "%" : NULL);
  vigia_target_set_measure (target, measure);
  vigia_target_set_direction (target, direction);
  vigia_target_set_reading (target, VIGIA_READING_AUTOMATIC);
  return target;
}

/* A goal of several targets: each saved, read back in order, edited,
 * reordered, added and removed, with progress of its own, and the history
 * naming the target each change was to. */
static void
test_goal_targets (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "targets.sqlite");
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 1);
  g_autoptr(VigiaPlan) loaded = NULL;
  g_autoptr(VigiaTarget) health = make_target ("8% del PBI destinado a salud.", 8, VIGIA_MEASURE_PERCENT,
                                                VIGIA_DIRECTION_UP);
  g_autoptr(VigiaTarget) pocket = make_target ("Reducción del gasto de bolsillo al 25%.", 25, VIGIA_MEASURE_PERCENT,
                                                VIGIA_DIRECTION_DOWN);
  g_autoptr(VigiaTarget) extra = make_target ("1 000 nuevos médicos", 1000, VIGIA_MEASURE_COUNT, VIGIA_DIRECTION_UP);
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) history = NULL;
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
  VigiaGoal *read;
  guint n_history;

  g_ptr_array_add (targets, health);
  g_ptr_array_add (targets, pocket);
  vigia_goal_set_targets (goal, targets);
  g_assert_true (vigia_library_add_plan (library, plan, &error));
  g_assert_no_error (error);
  g_assert_nonnull (vigia_target_get_uuid (pocket));
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM target"), ==, 5);
  {
    g_autoptr(VigiaPlanSummary) summary = vigia_library_load_summary (library, vigia_plan_get_id (plan), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (vigia_plan_summary_get_n_goals (summary), ==, 4);
    g_assert_cmpuint (vigia_plan_summary_get_n_targets (summary), ==, 5);
  }

  vigia_progress_set_value (entry, 31);
  g_assert_true (vigia_library_save_progress (library, plan, goal, pocket, entry, &error));
  g_assert_no_error (error);

  loaded = vigia_library_load_plan (library, vigia_plan_get_id (plan), &error);
  g_assert_no_error (error);
  read = vigia_dimension_get_goal (vigia_plan_get_dimension (loaded, 0), 0);
  g_assert_cmpuint (vigia_goal_get_n_targets (read), ==, 2);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (read, 0)), ==, "8% del PBI destinado a salud.");
  g_assert_cmpstr (vigia_target_get_uuid (vigia_goal_get_target (read, 1)), ==, vigia_target_get_uuid (pocket));
  g_assert_cmpint (vigia_target_get_direction (vigia_goal_get_target (read, 1)), ==, VIGIA_DIRECTION_DOWN);
  /* The entry is the second target's, not the first's. */
  g_assert_null (vigia_target_find_progress (vigia_goal_get_target (read, 0), "2024-S1", VIGIA_SOURCE_OBSERVER));
  g_assert_cmpfloat (vigia_progress_get_value (vigia_target_find_progress (vigia_goal_get_target (read, 1), "2024-S1",
                                                                           VIGIA_SOURCE_OBSERVER)), ==, 31);
  g_clear_object (&loaded);

  history = vigia_library_list_history (library, vigia_plan_get_uuid (plan), NULL, &error);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Edit one, swap them, add a third: one save. */
  vigia_target_set_value (health, 9);
  g_ptr_array_set_size (targets, 0);
  g_ptr_array_add (targets, pocket);
  g_ptr_array_add (targets, health);
  g_ptr_array_add (targets, extra);
  vigia_goal_set_targets (goal, targets);
  g_assert_true (vigia_library_save_goal (library, plan, goal, &error));
  g_assert_no_error (error);

  history = vigia_library_list_history (library, vigia_plan_get_uuid (plan), NULL, &error);
  {
    const VigiaHistoryEntry *value = g_ptr_array_index (history, n_history);
    const VigiaHistoryEntry *added = g_ptr_array_index (history, history->len - 1);

    g_assert_cmpstr (value->entity, ==, "target");
    g_assert_cmpstr (value->target_uuid, ==, vigia_target_get_uuid (health));
    g_assert_cmpstr (value->field, ==, "target-value");
    g_assert_cmpstr (value->old_value, ==, "8");
    g_assert_cmpstr (value->new_value, ==, "9");
    g_assert_cmpstr (added->action, ==, "create");
    g_assert_cmpstr (added->target_uuid, ==, vigia_target_get_uuid (extra));
  }
  g_clear_pointer (&history, g_ptr_array_unref);

  loaded = vigia_library_load_plan (library, vigia_plan_get_id (plan), &error);
  read = vigia_dimension_get_goal (vigia_plan_get_dimension (loaded, 0), 0);
  g_assert_cmpuint (vigia_goal_get_n_targets (read), ==, 3);
  g_assert_cmpstr (vigia_target_get_uuid (vigia_goal_get_target (read, 0)), ==, vigia_target_get_uuid (pocket));
  g_assert_cmpfloat (vigia_target_get_value (vigia_goal_get_target (read, 1)), ==, 9);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (read, 2)), ==, "1 000 nuevos médicos");
  g_clear_object (&loaded);

  /* Remove the one with progress: its entries go with it. */
  g_assert_true (vigia_goal_remove_target (goal, pocket));
  g_assert_true (vigia_library_save_goal (library, plan, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM progress"), ==, 0);
  g_assert_cmpint (raw_count (vigia_library_get_path (library), "SELECT count(*) FROM target"), ==, 5);

  /* A goal keeps one target at least. */
  g_assert_true (vigia_goal_remove_target (goal, extra));
  g_assert_false (vigia_goal_remove_target (goal, health));
  g_assert_cmpuint (vigia_goal_get_n_targets (goal), ==, 1);
}

/* tests/fixtures/library-schema1.sqlite was made with vigia-cli at commit
 * 1b88f31, before goals had targets (tests/fixtures/README.md says how):
 * the DECLARA sample and a plan of our own writing, progress from both
 * sources, a baseline, a reviewed reading and a goal of weight 2.
 * Upgraded, it holds all of it. */
static void
test_upgrade_from_schema_1 (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *fixture = vigia_test_fixture_path ("library-schema1.sqlite");
  g_autofree char *contents = NULL;
  g_autofree char *derived = NULL;
  g_autoptr(VigiaAssessment) assessment = NULL;
  VigiaGoal *dropout = NULL;
  VigiaGoal *packed;
  VigiaTarget *target;
  VigiaProgress *entry;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (f->path, contents, length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (f->path, "PRAGMA user_version"), ==, 1);

  library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (f->path, "PRAGMA user_version"), ==, VIGIA_SCHEMA_VERSION);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM plan"), ==, 2);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM goal"), ==, 18);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM target"), ==, 18);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM progress"), ==, 6);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* The history stays, and speaks of the same goals. */
  history = vigia_library_list_history (library, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 11);

  plan = vigia_library_load_plan (library, 2, &error);
  g_assert_no_error (error);
  dropout = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 2);
  g_assert_cmpuint (vigia_goal_get_n_targets (dropout), ==, 1);
  g_assert_cmpfloat (vigia_goal_get_weight (dropout), ==, 2);

  /* Its target: the same on every desk that upgrades the goal. */
  target = vigia_goal_get_target (dropout, 0);
  derived = vigia_uuid_derive (vigia_goal_get_uuid (dropout), "target");
  g_assert_cmpstr (vigia_target_get_uuid (target), ==, derived);
  g_assert_cmpstr (vigia_target_get_text (target), ==, "Reducir la deserción a 3%");
  g_assert_cmpfloat (vigia_target_get_value (target), ==, 3);
  g_assert_cmpstr (vigia_target_get_unit (target), ==, "%");
  g_assert_cmpint (vigia_target_get_measure (target), ==, VIGIA_MEASURE_PERCENT);
  g_assert_cmpint (vigia_target_get_direction (target), ==, VIGIA_DIRECTION_DOWN);
  g_assert_cmpint (vigia_target_get_reading (target), ==, VIGIA_READING_REVIEWED);
  g_assert_cmpfloat (vigia_target_get_baseline_value (target), ==, 6);
  g_assert_cmpint (vigia_target_get_baseline_year (target), ==, 2024);
  g_assert_cmpfloat (vigia_target_get_weight (target), ==, 1);

  /* Its progress moved with it, from both sources. */
  g_assert_cmpuint (g_list_model_get_n_items (vigia_target_get_progress (target)), ==, 3);
  entry = vigia_target_find_progress (target, "2027-S1", VIGIA_SOURCE_AUTHORITY);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 5);
  g_assert_cmpstr (vigia_progress_get_note (entry), ==, "Informe de la DRE");
  g_assert_cmpstr (vigia_progress_get_evidence (entry)[0], ==, "https://example.org/dre");
  g_assert_cmpstr (vigia_progress_get_recorded (entry), ==, "2027-06-30T00:00:00Z");
  /* Schema 4: an entry was last edited when it was recorded; nothing else
   * has a stamp, nor does the history say who. */
  g_assert_cmpstr (vigia_progress_get_stamp (entry)->edited, ==, "2027-06-30T00:00:00.000000Z");
  g_assert_null (vigia_progress_get_stamp (entry)->edited_by);
  g_assert_null (vigia_target_get_stamp (target)->edited);
  g_assert_null (vigia_goal_get_stamp (dropout)->edited);
  g_assert_null (vigia_plan_get_stamp (plan)->edited);
  g_assert_null (((VigiaHistoryEntry *) g_ptr_array_index (history, 0))->author);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM tombstone"), ==, 0);
  entry = vigia_target_find_progress (target, "2027-S2", VIGIA_SOURCE_OBSERVER);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 4.8);
  g_assert_cmpstr (vigia_progress_get_note (entry), ==, "Verificado en campo");

  /* A meta the old reader left whole stays one target, as written: an
   * upgrade reads nothing again. */
  packed = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
  g_assert_cmpuint (vigia_goal_get_n_targets (packed), ==, 1);
  g_assert_true (g_str_has_prefix (vigia_target_get_text (vigia_goal_get_target (packed, 0)),
                                   "1 Principales metas:"));

  /* And it is assessed as before: dropout from 6 % down to 3 %, at 5 %:
   * a third, weight 2; schools 320 of 600: 53 %; (2 × 1/3 + 0.5333) / 3,
   * the 40 % the last build of schema 1 gave. */
  assessment = vigia_assessment_new (plan, "2027-S1");
  g_assert_cmpfloat_with_epsilon (vigia_rollup_get_achievement (vigia_assessment_get_plan_rollup (
                                    assessment, VIGIA_SOURCE_AUTHORITY)), (2.0 / 3 + 320.0 / 600) / 3, 1e-9);
  g_assert_cmpuint (vigia_assessment_get_plan_rollup (assessment, VIGIA_SOURCE_AUTHORITY)->n_targets, ==, 6);

  /* The whole-library assessment agrees. */
  {
    g_autoptr(GArray) scores = vigia_library_assess_plans (library, "2027-S1", VIGIA_SOURCE_AUTHORITY, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (vigia_rollup_get_achievement (&g_array_index (scores, VigiaPlanScore, 1).rollup),
                                    (2.0 / 3 + 320.0 / 600) / 3, 1e-9);
  }
}

int
main (int    argc,
      char **argv)
{
  const char *writer = g_getenv ("VIGIA_TEST_WRITER");

  if (writer != NULL)
    return run_writer (writer, 150);

  g_test_init (&argc, &argv, NULL);
  /* For /library/read-only's folder where nothing can be made. */
  vigia_fault_vfs_install ();

#define ADD(name, func) \
  vigia_test_add_on_store ("/library/" name, Fixture, fixture_set_up, func, fixture_tear_down)
#define ADD_SQLITE_ONLY(name, func, why) \
  vigia_test_add_sqlite_only ("/library/" name, Fixture, why, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-reopen", test_create_and_reopen);
  ADD ("missing-file", test_missing_file);
  ADD ("empty-file-migrates", test_empty_file_migrates);
  ADD ("newer-schema-refused", test_newer_schema_refused);
  ADD_SQLITE_ONLY ("upgrade-from-schema-1", test_upgrade_from_schema_1,
                   "Schema 1 was only ever a file: a library on PostgreSQL starts at version 4");
  ADD_SQLITE_ONLY ("not-sqlite", test_not_sqlite,
                   "A text file in the library's place is a file's case; a database is never one");
  ADD ("other-sqlite", test_other_sqlite);
  ADD_SQLITE_ONLY ("corrupt-file", test_corrupt_file,
                   "Scribbles on the file's pages: a server's pages are its own");
  ADD ("read-only", test_read_only);
  ADD ("search", test_search);
  ADD ("filters-and-sort", test_filters_and_sort);
  ADD ("history", test_history);
  ADD ("failed-write-leaves-nothing", test_failed_write_leaves_nothing);
  ADD ("goal-edits", test_goal_edits);
  ADD ("goal-targets", test_goal_targets);
  ADD ("plan-list-is-lazy", test_plan_list_is_lazy);
  ADD ("two-writers", test_two_writers);
  vigia_test_add_func_sqlite_only ("/library/target-labels", test_target_labels);

  return g_test_run ();
}
