/* vigia-test-utils.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "vigia-declara-reader.h"
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

VigiaLibrary *
vigia_test_open_library (const char *dir,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
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

/* Counts on its own read-only connection, as another program would see the file. */
int
vigia_test_count_rows (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* The plan as another program reads it from the file now, on a connection
 * of its own. */
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

/* Runs @sql on the file behind the library's back, as another program would. */
void
vigia_test_exec_sql (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;

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
