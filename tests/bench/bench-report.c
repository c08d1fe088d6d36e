/* bench-report.c: how fast one plan's report is written (meson benchmark)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DECLARA sample with two semesters of progress, as a planning office
 * has it, written as PDF, HTML, CSV and text to memory, many times; the
 * median and the fastest run of each (issue 7's targets: a plan's PDF in
 * 100 ms, its HTML in 10 ms).  The first run of each is left out: it loads
 * the fonts.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "vigia-test-utils.h"

#define N_RUNS 25

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
measure (VigiaPlan         *plan,
         VigiaReportFormat  format)
{
  double times[N_RUNS];
  gsize size = 0;

  for (int i = -1; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(VigiaReport) report = NULL;
      gint64 start = g_get_monotonic_time ();

      /* The whole of an export: the assessment, the content, the writing. */
      report = vigia_report_new (plan, NULL, &error);
      g_assert_no_error (error);
      vigia_report_write (report, format, stream, NULL, &error);
      g_assert_no_error (error);
      if (i >= 0)
        times[i] = (g_get_monotonic_time () - start) / 1000.0;
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  g_print ("%-4s %7.1f KB  median %6.2f ms  fastest %6.2f ms  slowest %6.2f ms\n",
           vigia_report_format_get_name (format), size / 1024.0, times[N_RUNS / 2], times[0],
           times[N_RUNS - 1]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(VigiaPlan) plan = NULL;

  vigia_test_set_language ("es");
  plan = vigia_test_load_sample_plan ();
  vigia_test_add_sample_progress (plan);

  g_print ("report of the sample plan (12 goals, 17 entries), %d runs\n", N_RUNS);
  for (guint format = 0; format < VIGIA_REPORT_N_FORMATS; format++)
    measure (plan, format);
  return 0;
}
