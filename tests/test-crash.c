/* test-crash.c: vigia-cli killed at random moments while it writes
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A batch import of summaries and a progress entry, each killed (SIGKILL)
 * at moments drawn between its start and its end: the library always
 * passes SQLite's integrity check and holds what it held before or what it
 * holds after, never part of it.  (/cli-merge/killed does the same for a
 * merge.)  The draws follow the test's seed: --seed repeats them.
 */
#include "config.h"

#include <string.h>

#include "vigia-test-utils.h"

#define N_FILES  30
#define N_TRIALS 8

typedef struct
{
  char      *dir;
  char      *sample;
  GPtrArray *files;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;

  f->dir = vigia_test_make_dir ();
  f->sample = g_build_filename (SOURCE_DATADIR, "samples", "erm2022-lima-independencia-juntos-por-el-peru.txt",
                                NULL);
  g_assert_true (g_file_get_contents (f->sample, &contents, NULL, NULL));
  f->files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *organization = g_strdup_printf ("Organización Política: PARTIDO %u", i);
      g_auto(GStrv) parts = g_strsplit (contents, "Organización Política: JUNTOS POR EL PERU", 2);
      g_autofree char *text = g_strjoinv (organization, parts);
      char *path = g_strdup_printf ("%s/plan-%02u.txt", f->dir, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      g_ptr_array_add (f->files, path);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->sample);
  g_ptr_array_unref (f->files);
}

/* A library of one plan, made anew for a trial. */
static char *
make_library (Fixture *f,
              guint    trial)
{
  g_auto(VigiaTestRun) run = { 0, };
  char *path = g_strdup_printf ("%s/trial-%u.sqlite", f->dir, trial);

  vigia_test_run_cli (&run, "en", "--library", path, "import", f->sample, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

/* Runs vigia-cli on @argv, killed after @kill_after_us (or not, when 0),
 * and says how long it ran. */
static gint64
run_killed (GPtrArray *argv,
            gint64     kill_after_us,
            gboolean  *killed)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (kill_after_us > 0)
    {
      g_usleep (kill_after_us);
      g_subprocess_force_exit (process);
    }
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  *killed = g_subprocess_get_if_signaled (process);
  if (!*killed)
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return g_get_monotonic_time () - start;
}

static void
assert_whole (const char *library)
{
  g_autofree char *integrity = vigia_test_integrity_check (library);

  g_assert_cmpstr (integrity, ==, "ok");
}

/* Thirty summaries in one batch: the library has the one plan it had, or
 * all thirty-one, each with its twelve goals. */
static void
test_batch_import (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *first = make_library (f, 0);
  gint64 duration;
  guint n_killed = 0, n_after = 0;
  gboolean killed;

  g_ptr_array_add (argv, (char *) g_getenv ("VIGIA_CLI"));
  g_ptr_array_add (argv, (char *) "--library");
  g_ptr_array_add (argv, first);
  g_ptr_array_add (argv, (char *) "import");
  for (guint i = 0; i < f->files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (f->files, i));
  g_ptr_array_add (argv, NULL);

  /* Uninterrupted, to know how long it takes and what "after" is. */
  duration = run_killed (argv, 0, &killed);
  g_assert_cmpint (vigia_test_count_rows (first, "SELECT count(*) FROM plan"), ==, N_FILES + 1);

  for (guint trial = 1; trial <= N_TRIALS; trial++)
    {
      g_autofree char *library = make_library (f, trial);
      int n_plans, n_goals;

      argv->pdata[2] = library;
      run_killed (argv, g_test_rand_int_range (1, (gint32) MIN (duration, G_MAXINT32)), &killed);
      n_killed += killed;
      assert_whole (library);
      n_plans = vigia_test_count_rows (library, "SELECT count(*) FROM plan");
      n_goals = vigia_test_count_rows (library, "SELECT count(*) FROM goal");
      if (n_plans != 1 && n_plans != N_FILES + 1)
        g_error ("trial %u: %d plans, neither before (1) nor after (%d)", trial, n_plans, N_FILES + 1);
      g_assert_cmpint (n_goals, ==, 12 * n_plans);
      g_assert_cmpint (vigia_test_count_rows (library, "SELECT count(*) FROM target"), ==, n_goals);
      n_after += n_plans > 1;
    }
  g_test_message ("batch import of %d files, %.0f ms: %u of %d trials killed, %u left it after",
                  N_FILES, duration / 1000.0, n_killed, N_TRIALS, n_after);
}

/* A progress entry: there, with its history row, or not at all. */
static void
test_progress_set (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *first = make_library (f, 0);
  const char *args[] = { "progress", "set", "1:social:1", "2024-S1", "12,5", "--source", "observer",
                         "--note", "Visita", "--evidence", "https://example.org/acta.pdf" };
  gint64 duration;
  guint n_killed = 0, n_after = 0;
  gboolean killed;

  g_ptr_array_add (argv, (char *) g_getenv ("VIGIA_CLI"));
  g_ptr_array_add (argv, (char *) "--library");
  g_ptr_array_add (argv, first);
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  duration = run_killed (argv, 0, &killed);
  g_assert_cmpint (vigia_test_count_rows (first, "SELECT count(*) FROM progress"), ==, 1);

  for (guint trial = 1; trial <= N_TRIALS; trial++)
    {
      g_autofree char *library = make_library (f, trial);
      int n_entries, n_rows;

      argv->pdata[2] = library;
      run_killed (argv, g_test_rand_int_range (1, (gint32) MIN (duration, G_MAXINT32)), &killed);
      n_killed += killed;
      assert_whole (library);
      n_entries = vigia_test_count_rows (library, "SELECT count(*) FROM progress WHERE value = 12.5"
                                                  " AND note = 'Visita'");
      n_rows = vigia_test_count_rows (library, "SELECT count(*) FROM history WHERE entity = 'progress'");
      g_assert_cmpint (n_entries, ==, n_rows);
      g_assert_cmpint (vigia_test_count_rows (library, "SELECT count(*) FROM progress"), ==, n_entries);
      n_after += n_entries;
    }
  g_test_message ("progress set, %.0f ms: %u of %d trials killed, %u left it after",
                  duration / 1000.0, n_killed, N_TRIALS, n_after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash/batch-import", Fixture, NULL, fixture_set_up, test_batch_import, fixture_tear_down);
  g_test_add ("/crash/progress-set", Fixture, NULL, fixture_set_up, test_progress_set, fixture_tear_down);

  return g_test_run ();
}
