/* vigia-report-csv.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per target, semester and source, from the term's first semester to
 * the report's: the columns of vigia-progress-csv.h, which "progress
 * import" reads back (so that a file exported and imported again changes
 * nothing), and after them two that import passes over:
 *
 *   achievement  the share of the way to the target that the row's value
 *                covers, in percent, as computed (120 for 120 %); empty
 *                where the row says nothing that can be measured
 *   expected     the share of the term elapsed by the end of the semester,
 *                in percent; empty for a plan without a term
 *
 * Semesters without an entry get a row all the same, with the value, status
 * and note empty: what was not reported is visible, and can be filled in
 * and imported.  The observer's rows appear when an observer recorded
 * anything.
 */
#define G_LOG_DOMAIN "vigia-report-csv"

#include "config.h"

#include <math.h>

#include "vigia-assessment.h"
#include "vigia-period.h"
#include "vigia-progress-csv.h"
#include "vigia-report-csv.h"
#include "vigia-report-private.h"
#include "vigia-utils.h"

/* A percentage to one decimal: enough, and free of binary noise. */
static double
percent (double share)
{
  if (!VIGIA_HAS_VALUE (share))
    return VIGIA_NO_VALUE;
  return round (share * 1000) / 10;
}

/* The semesters of the rows: the term's up to @period, or, for a plan with
 * no term, those with an entry up to it. */
static GStrv
list_periods (VigiaPlan  *plan,
              const char *period)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  if (vigia_plan_has_term (plan))
    all = vigia_term_list_periods (vigia_plan_get_term_start (plan), vigia_plan_get_term_end (plan));
  else
    all = vigia_report_list_entry_periods (plan);

  for (guint i = 0; all[i] != NULL && vigia_period_compare (all[i], period) <= 0; i++)
    g_strv_builder_add (builder, all[i]);
  return g_strv_builder_end (builder);
}

/**
 * vigia_report_csv_add_header:
 *
 * Writes the first row: the columns of vigia_progress_csv_add_header(),
 * then "achievement" and "expected".
 */
void
vigia_report_csv_add_header (VigiaCsvWriter *writer)
{
  g_return_if_fail (VIGIA_IS_CSV_WRITER (writer));

  vigia_progress_csv_add_header (writer);
  vigia_csv_writer_add_text (writer, "achievement");
  vigia_csv_writer_add_text (writer, "expected");
}

/**
 * vigia_report_csv_add_plan:
 *
 * Writes the rows of @report's plan.  Several plans can share one file,
 * under one vigia_report_csv_add_header() row.
 */
gboolean
vigia_report_csv_add_plan (VigiaCsvWriter  *writer,
                           VigiaReport     *report,
                           GCancellable    *cancellable,
                           GError         **error)
{
  VigiaPlan *plan;
  g_auto(GStrv) periods = NULL;
  guint n_sources, n_dims;
  int start, end;

  g_return_val_if_fail (VIGIA_IS_CSV_WRITER (writer), FALSE);
  g_return_val_if_fail (VIGIA_IS_REPORT (report), FALSE);

  plan = vigia_report_get_plan (report);
  periods = list_periods (plan, vigia_report_get_period (report));
  n_sources = vigia_report_has_observer (report) ? 2 : 1;
  n_dims = vigia_plan_get_n_dimensions (plan);
  start = vigia_plan_get_term_start (plan);
  end = vigia_plan_get_term_end (plan);

  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          guint n_targets = vigia_goal_get_n_targets (goal);

          for (guint t = 0; t < n_targets; t++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, t);
              VigiaTargetTerms terms;

              vigia_target_terms_init (&terms, target);
              for (guint p = 0; periods[p] != NULL; p++)
                for (guint s = 0; s < n_sources; s++)
                  {
                    VigiaProgress *entry = vigia_target_find_progress (target, periods[p], s);
                    double achievement = VIGIA_NO_VALUE;

                    if (entry != NULL)
                      achievement = vigia_target_terms_get_achievement (&terms, vigia_progress_get_value (entry),
                                                                        vigia_progress_get_status (entry));
                    vigia_progress_csv_add_entry (writer, plan, dim, goal, target, periods[p], s, entry);
                    vigia_csv_writer_add_number (writer, percent (achievement));
                    vigia_csv_writer_add_number (writer, percent (vigia_term_get_expected_share (start, end,
                                                                                                 periods[p])));
                    if (!vigia_csv_writer_end_row (writer, cancellable, error))
                      return FALSE;
                  }
            }
        }
    }

  return TRUE;
}
