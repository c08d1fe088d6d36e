/* test-faults.c: the library under I/O errors, as SQLite's own tests fail I/O
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vigia-core.h"
#include "vigia-fault-vfs.h"
#include "vigia-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vigia_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
}

typedef enum {
  FAULT_IMPORT,
  FAULT_PROGRESS,
  FAULT_EDIT,
  N_FAULT_OPERATIONS
} FaultOperation;

/* One change to the library, which may fail. */
static void
run_operation (VigiaLibrary   *library,
               FaultOperation  operation,
               const char     *progress_csv)
{
  g_autoptr(GError) error = NULL;

  switch (operation)
    {
    case FAULT_IMPORT:
      {
        g_autoptr(GFile) jne = vigia_sample_jne_file ();
        VigiaImportOptions options = { "PUNO", 0, 0 };
        GPtrArray *results = vigia_import_file (library, jne, &options, NULL, &error);

        /* Failing is allowed: the library is checked after. */
        g_clear_pointer (&results, g_ptr_array_unref);
      }
      break;
    case FAULT_PROGRESS:
      vigia_progress_csv_import (library, "avance.csv", progress_csv, strlen (progress_csv), NULL, &error);
      break;
    case FAULT_EDIT:
      {
        g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, 1, &error);

        g_assert_no_error (error);
        vigia_plan_set_organization (plan, "NUEVO NOMBRE");
        vigia_plan_set_vision (plan, "Una visión nueva.");
        vigia_library_save_plan (library, plan, &error);
      }
      break;
    case N_FAULT_OPERATIONS:
    default:
      g_assert_not_reached ();
    }
}

static guint
count_entries (VigiaPlan *plan)
{
  g_autoptr(GPtrArray) targets = vigia_plan_list_targets (plan);
  guint n = 0;

  for (guint i = 0; i < targets->len; i++)
    n += g_list_model_get_n_items (vigia_target_get_progress (g_ptr_array_index (targets, i)));
  return n;
}

/* The state after a try: the one before or the one after, never between. */
static void
assert_before_or_after (const char     *path,
                        FaultOperation  operation,
                        guint           n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *verdict = vigia_test_integrity_check (path);
  g_autoptr(VigiaLibrary) library = vigia_library_open (path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_autoptr(VigiaPlan) plan = NULL;
  gint64 n_plans;

  g_assert_cmpstr (verdict, ==, "ok");
  g_assert_no_error (error);
  n_plans = vigia_library_count_plans (library, &error);
  plan = vigia_library_load_plan (library, 1, &error);
  g_assert_no_error (error);

  switch (operation)
    {
    case FAULT_IMPORT:
      g_assert_true (n_plans == 1 || n_plans == 2);
      if (n_plans == 2)
        {
          g_autoptr(VigiaPlan) added = vigia_library_load_plan (library, 2, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (vigia_plan_get_n_goals (added), ==, 14);
          g_assert_cmpstr (vigia_plan_get_department (added), ==, "PUNO");
        }
      break;
    case FAULT_PROGRESS:
      g_assert_true (count_entries (plan) == 0 || count_entries (plan) == 2);
      break;
    case FAULT_EDIT:
      if (g_strcmp0 (vigia_plan_get_organization (plan), "NUEVO NOMBRE") == 0)
        g_assert_cmpstr (vigia_plan_get_vision (plan), ==, "Una visión nueva.");
      else
        g_assert_cmpstr (vigia_plan_get_organization (plan), ==, "JUNTOS POR EL PERU");
      break;
    case N_FAULT_OPERATIONS:
    default:
      g_assert_not_reached ();
    }
  g_test_message ("operation %d, fault at %u: %s", operation, n,
                  operation == FAULT_IMPORT ? (n_plans == 2 ? "after" : "before") : "checked");
}

static void
copy_library (const char *from,
              const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);
  gsize length;

  g_remove (wal);
  g_remove (shm);
  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, length, &error));
}

/* As SQLite's own tests do: every write and sync from the n-th on fails,
 * for every n through an import, a progress import and an edit; after each
 * try the library is whole and holds the state before or the state after. */
static void
test_io_faults (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *base = g_build_filename (f->dir, "base.sqlite", NULL);
  g_autofree char *work = g_build_filename (f->dir, "work.sqlite", NULL);
  g_autofree char *progress_csv = NULL;
  guint n_tries = 0;

  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "base.sqlite");
    g_autoptr(GFile) declara = vigia_sample_plan_file ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) results = vigia_import_file (library, declara, NULL, NULL, &error);
    g_autoptr(VigiaPlan) plan = NULL;
    VigiaGoal *goal;

    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 1);
    plan = vigia_library_load_plan (library, 1, &error);
    goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
    progress_csv = g_strdup_printf ("goal_uuid,period,source,value,note\n"
                                    "%s,2023-S2,authority,5,primer avance\n"
                                    "%s,2024-S1,observer,7,visto en obra\n",
                                    vigia_goal_get_uuid (goal), vigia_goal_get_uuid (goal));
  }

  for (FaultOperation operation = 0; operation < N_FAULT_OPERATIONS; operation++)
    {
      guint n_calls, n_closing;

      /* How many writes and syncs the operation makes when nothing fails,
       * and closing the library after it (the log goes into the file). */
      copy_library (base, work);
      {
        g_autoptr(GError) error = NULL;
        VigiaLibrary *library = vigia_library_open (work, VIGIA_LIBRARY_OPEN_EXISTING, &error);

        g_assert_no_error (error);
        vigia_fault_vfs_fail_from (0);
        run_operation (library, operation, progress_csv);
        n_calls = vigia_fault_vfs_get_count ();
        vigia_fault_vfs_fail_from (0);
        g_object_unref (library);
        n_closing = vigia_fault_vfs_get_count ();
      }
      g_assert_cmpuint (n_calls, >, 0);

      /* A fault while closing, after the change was committed: it stays. */
      for (guint n = 1; n <= n_closing; n++)
        {
          copy_library (base, work);
          {
            g_autoptr(GError) error = NULL;
            VigiaLibrary *library = vigia_library_open (work, VIGIA_LIBRARY_OPEN_EXISTING, &error);

            g_assert_no_error (error);
            run_operation (library, operation, progress_csv);
            vigia_fault_vfs_fail_from (n);
            g_object_unref (library);
            vigia_fault_vfs_fail_from (0);
          }
          assert_before_or_after (work, operation, n);
          n_tries++;
        }

      for (guint n = 1; n <= n_calls; n++)
        {
          copy_library (base, work);
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(VigiaLibrary) library = vigia_library_open (work, VIGIA_LIBRARY_OPEN_EXISTING, &error);

            g_assert_no_error (error);
            vigia_fault_vfs_fail_from (n);
            run_operation (library, operation, progress_csv);
            vigia_fault_vfs_fail_from (0);
          }
          assert_before_or_after (work, operation, n);
          n_tries++;
        }
    }
  g_test_message ("%u tries, every one whole", n_tries);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigia_fault_vfs_install ();

  g_test_add ("/faults/io-errors", Fixture, NULL, fixture_set_up, test_io_faults, fixture_tear_down);

  return g_test_run ();
}
