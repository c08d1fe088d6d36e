/* bench-import.c: how fast plans are read and imported (meson benchmark)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An observatory imports a whole region's summaries at once (docs/domain.md,
 * "Scale": hundreds of plans), and passes libraries of thousands as one
 * exchange document.  This measures both on the DECLARA sample made into
 * N distinct plans.
 */
#include "config.h"

#include <string.h>

#include "vigia-test-utils.h"

#define N_PLANS 500

static char *
nth_summary (const char *sample,
             guint       n)
{
  g_autofree char *organization = g_strdup_printf ("Organización Política: PARTIDO %u", n);
  g_auto(GStrv) parts = g_strsplit (sample, "Organización Política: JUNTOS POR EL PERU", 2);

  return g_strjoinv (organization, parts);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = vigia_sample_plan_file ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *document = NULL;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaLibrary) copy = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(VigiaJsonWriter) writer = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gint64 start;
  double seconds;
  gsize bytes = 0;

  g_assert_true (g_file_load_contents (file, NULL, &sample, NULL, NULL, &error));
  for (guint i = 0; i < N_PLANS; i++)
    {
      char *text = nth_summary (sample, i);

      bytes += strlen (text);
      g_ptr_array_add (summaries, text);
    }

  /* Reading alone: detection, the table, the metas. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_PLANS; i++)
    {
      const char *text = g_ptr_array_index (summaries, i);
      g_autoptr(GPtrArray) plans = vigia_read_plans_from_data ((const guint8 *) text, strlen (text),
                                                                "bench.txt", NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert (plans != NULL && plans->len == 1);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("read %u DECLARA summaries (%.1f MB): %.3f s, %.0f plans/s, %.2f ms a plan\n",
           N_PLANS, bytes / 1e6, seconds, N_PLANS / seconds, 1000 * seconds / N_PLANS);

  /* Importing each file in its own transaction, as vigia-cli import does. */
  dir = vigia_test_make_dir ();
  library = vigia_test_open_library (dir, "bench.sqlite");
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_PLANS; i++)
    {
      const char *text = g_ptr_array_index (summaries, i);

      results = vigia_import_data (library, (const guint8 *) text, strlen (text), "bench.txt",
                                   NULL, &error);
      g_assert_no_error (error);
      g_clear_pointer (&results, g_ptr_array_unref);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("import %u summaries, one transaction each: %.3f s, %.0f plans/s, %.2f ms a plan\n",
           N_PLANS, seconds, N_PLANS / seconds, 1000 * seconds / N_PLANS);

  /* The whole library as one exchange document, and back into another. */
  stream = g_memory_output_stream_new_resizable ();
  writer = vigia_json_writer_new (stream);
  ids = vigia_library_query_plan_ids (library, NULL, &error);
  start = g_get_monotonic_time ();
  g_assert_true (vigia_json_writer_begin (writer, NULL, NULL));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, g_array_index (ids, gint64, i), NULL);

      g_assert_true (vigia_json_writer_add_plan (writer, plan, NULL, NULL));
    }
  g_assert_true (vigia_json_writer_end (writer, NULL, NULL));
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  document = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
  g_print ("export %u plans to one document (%.1f MB): %.3f s\n", ids->len,
           strlen (document) / 1e6, seconds);

  copy = vigia_test_open_library (dir, "copy.sqlite");
  start = g_get_monotonic_time ();
  results = vigia_import_data (copy, (const guint8 *) document, strlen (document), "all.json",
                               NULL, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("import that document (%u plans, one transaction): %.3f s, %.0f plans/s\n",
           results->len, seconds, results->len / seconds);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The same document again: every plan merged, nothing new (docs/merge.md). */
  start = g_get_monotonic_time ();
  results = vigia_import_data (copy, (const guint8 *) document, strlen (document), "all.json",
                               NULL, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("merge it again, nothing new (%u plans): %.3f s, %.0f plans/s\n",
           results->len, seconds, results->len / seconds);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* An entry recorded on every plan in the first library, merged into the
   * second: each plan compared and written anew. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, g_array_index (ids, gint64, i), NULL);
      VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
      g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);

      vigia_progress_set_value (entry, 10);
      g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), entry,
                                                  NULL));
    }
  g_free (document);
  {
    g_autoptr(GOutputStream) again = g_memory_output_stream_new_resizable ();

    g_assert_true (vigia_json_writer_write_plans (again, library, ids, NULL, NULL, NULL, NULL));
    g_assert_true (g_output_stream_write_all (again, "", 1, NULL, NULL, NULL));
    g_assert_true (g_output_stream_close (again, NULL, NULL));
    document = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (again));
  }
  start = g_get_monotonic_time ();
  results = vigia_import_data (copy, (const guint8 *) document, strlen (document), "all.json",
                               NULL, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpuint (((VigiaImportResult *) g_ptr_array_index (results, 0))->merge->n_entries_added, ==, 1);
  g_print ("merge an entry into each of %u plans: %.3f s, %.0f plans/s\n",
           results->len, seconds, results->len / seconds);

  vigia_test_remove_dir (dir);
  return 0;
}
