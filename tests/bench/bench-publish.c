/* bench-publish.c: publishing a library as a website (meson benchmark)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A region's library (1,000 plans by default; --plans 20000 for the
 * national one) made by the benchmark generator, published into an empty
 * folder, published again unchanged, and again after one entry changed;
 * then the weight of the plan pages.  Targets (docs/publishing.md): a
 * region in under 30 s, the nation in under 10 minutes, a plan page under
 * 150 kB.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "vigia-bench-data.h"
#include "vigia-bench-figure.h"
#include "vigia-core.h"

static int opt_plans = 1000;
static char *opt_library = NULL;
static char *opt_output = NULL;

static const GOptionEntry entries[] = {
  { "plans", 'n', 0, G_OPTION_ARG_INT, &opt_plans, "Plans in the library (1000)", "N" },
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &opt_library,
    "Keep the library in FILE, and reuse it if it exists", "FILE" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Keep the site in FOLDER", "FOLDER" },
  { NULL }
};

static void
make_library (VigiaLibrary *library,
              guint         n_plans)
{
  g_autoptr(VigiaBenchData) data = vigia_bench_data_new (2026, NULL);
  const guint batch = 500;

  for (guint first = 0; first < n_plans; first += batch)
    {
      if (!vigia_library_begin (library, NULL))
        g_error ("the library is busy");
      for (guint i = first; i < MIN (first + batch, n_plans); i++)
        {
          g_autoptr(VigiaPlan) plan = vigia_bench_data_make_plan (data, i);
          g_autoptr(GError) error = NULL;

          vigia_bench_data_add_progress (data, plan, i, i % 4 == 0);
          if (!vigia_library_add_plan (library, plan, &error))
            g_error ("%s", error->message);
        }
      if (!vigia_library_commit (library, NULL))
        g_error ("the commit failed");
    }
}

static double
publish (VigiaLibrary *library,
         GFile        *folder,
         VigiaSite   **site_out)
{
  g_autoptr(VigiaSite) site = vigia_site_new ();
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  double elapsed;

  /* Every plan as of the end of its term, with all its eight semesters. */
  vigia_site_set_period (site, "2030-S2");
  if (!vigia_site_publish (site, library, folder, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  elapsed = (now_ms () - start) / 1000.0;
  printf ("  %u plans: %u files written, %u unchanged, %u removed\n", vigia_site_get_n_plans (site),
          vigia_site_get_n_written (site), vigia_site_get_n_unchanged (site), vigia_site_get_n_removed (site));
  if (site_out != NULL)
    *site_out = g_steal_pointer (&site);
  return elapsed;
}

static int
compare_sizes (gconstpointer a,
               gconstpointer b)
{
  goffset x = *(const goffset *) a;
  goffset y = *(const goffset *) b;

  return x < y ? -1 : x > y;
}

static void
print_weights (GArray     *sizes,
               const char *what,
               const char *target)
{
  g_autofree char *median = g_strdup_printf ("%s (median, 95th pct.)", what);
  g_autofree char *heaviest = g_strdup_printf ("the heaviest of the %s", what);
  guint over = 0;
  goffset total = 0;

  if (sizes->len == 0)
    return;
  g_array_sort (sizes, compare_sizes);
  for (guint i = 0; i < sizes->len; i++)
    {
      over += g_array_index (sizes, goffset, i) >= 150 * 1000;
      total += g_array_index (sizes, goffset, i);
    }
  printf ("%-52s %12.1f %12.1f  %-8s %s\n", median, g_array_index (sizes, goffset, sizes->len / 2) / 1000.0,
          g_array_index (sizes, goffset, (guint) (sizes->len * 0.95)) / 1000.0, "kB", target);
  printf ("%-52s %12.1f %12s  %-8s\n", heaviest, g_array_index (sizes, goffset, sizes->len - 1) / 1000.0, "", "kB");
  printf ("%-52s %12u %12s  %-8s\n", "  of them, 150 kB or more", over, "", "pages");
  printf ("%-52s %12.1f %12s  %-8s\n", "  all of them", total / 1e6, "", "MB");
}

/* A plan's page, and the page of its targets' sections, apart. */
static void
print_page_weights (GFile *folder)
{
  g_autoptr(GFile) plans = g_file_get_child (folder, "planes");
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GArray) plan_sizes = g_array_new (FALSE, FALSE, sizeof (goffset));
  g_autoptr(GArray) target_sizes = g_array_new (FALSE, FALSE, sizeof (goffset));
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (plans, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (children == NULL)
    g_error ("%s", error->message);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      goffset size = g_file_info_get_size (info);

      g_array_append_val (g_str_has_suffix (g_file_info_get_name (info), "-metas.html") ? target_sizes : plan_sizes,
                          size);
      g_object_unref (info);
    }
  print_weights (plan_sizes, "plan pages", "< 150");
  print_weights (target_sizes, "pages of a plan's targets", "");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— publishing a library as a website");
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  struct rusage usage;
  double first, again, after_change;
  VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
  gboolean made = FALSE;

  setlocale (LC_ALL, "");
  vigia_init_i18n ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("vigia-bench-publish-XXXXXX", &error);
  g_assert_no_error (error);
  path = opt_library != NULL ? g_strdup (opt_library) : g_build_filename (dir, "region.sqlite", NULL);
  made = !g_file_test (path, G_FILE_TEST_EXISTS);
  library = vigia_library_open (path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  if (library == NULL)
    g_error ("%s", error->message);
  if (made)
    {
      double start = now_ms ();

      make_library (library, opt_plans);
      printf ("library of %d plans made in %.1f s\n", opt_plans, (now_ms () - start) / 1000.0);
    }

  folder = opt_output != NULL ? g_file_new_for_commandline_arg (opt_output) : g_file_new_build_filename (dir, "site", NULL);
  printf ("publishing %u plans (release build, a thread per core)\n", vigia_library_count_plans (library, NULL));
  first = publish (library, folder, NULL);
  again = publish (library, folder, NULL);

  /* One entry changes: its plan's page, the index and the data follow. */
  ids = vigia_library_query_plan_ids (library, &query, &error);
  g_assert_no_error (error);
  plan = vigia_library_load_plan (library, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  {
    VigiaDimension *dim = vigia_plan_get_dimension (plan, 0);
    VigiaGoal *goal = vigia_dimension_get_goal (dim, 0);
    VigiaTarget *target = vigia_goal_get_target (goal, 0);
    g_autoptr(VigiaProgress) entry = vigia_progress_new ("2030-S2", VIGIA_SOURCE_AUTHORITY);

    /* A value of its own at every run, so that a kept library changes too. */
    vigia_progress_set_value (entry, g_get_real_time () % 100000 / 10.0);
    vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
    if (!vigia_library_save_progress (library, plan, goal, target, entry, &error))
      g_error ("%s", error->message);
  }
  after_change = publish (library, folder, NULL);

  printf ("%-52s %12s %12s  %-8s %s\n", "figure", "value", "", "unit", "target");
  printf ("%-52s %12.1f %12s  %-8s %s\n", "publish into an empty folder", first, "", "s",
          opt_plans >= 20000 ? "< 600" : "< 30 (1,000 plans)");
  printf ("%-52s %12.2f %12s  %-8s\n", "the same plan pages a second", first > 0 ? opt_plans / first : 0.0, "", "pages/s");
  printf ("%-52s %12.1f %12s  %-8s\n", "publish again, nothing changed", again, "", "s");
  printf ("%-52s %12.1f %12s  %-8s\n", "publish again, one entry changed", after_change, "", "s");
  print_page_weights (folder);
  getrusage (RUSAGE_SELF, &usage);
  printf ("%-52s %12.1f %12s  %-8s\n", "peak resident memory of this process", usage.ru_maxrss / 1024.0, "", "MB");

  if (opt_output == NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

      /* The site and library are thousands of files: the shell removes them. */
      if (system (command) != 0)
        g_warning ("could not remove %s", dir);
    }
  return 0;
}
