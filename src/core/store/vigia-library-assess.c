/* vigia-library-assess.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * VigiaLibrary, whole-library assessment: every plan's achievement as of a
 * semester, read from the goals' and entries' rows in one pass rather than
 * by loading each plan.
 */
#define G_LOG_DOMAIN "vigia-library"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-library-private.h"
#include "vigia-utils.h"

/* ---------------------------------------------------------------------- */
/* Whole-library assessment                                               */
/* ---------------------------------------------------------------------- */

/* What assessing one goal needs, read from its row. */
typedef struct
{
  gint64          id;
  VigiaGoalTerms  terms;
  guint           score;
  /* The latest informative entry up to the plan's period, if any. */
  gboolean        has_entry;
  char            period[VIGIA_PERIOD_SIZE];
  double          value;
  VigiaStatus     status;
} GoalRow;

/* The nicks as the schema's CHECKs allow them, compared as text rather than
 * asking GType for each of a million rows. */
static const char * const status_nicks[] = {
  [VIGIA_STATUS_NOT_RATED] = "not-rated",
  [VIGIA_STATUS_IN_PROGRESS] = "in-progress",
  [VIGIA_STATUS_STALLED] = "stalled",
  [VIGIA_STATUS_PARTLY_KEPT] = "partly-kept",
  [VIGIA_STATUS_KEPT] = "kept",
  [VIGIA_STATUS_BROKEN] = "broken",
};
static const char * const measure_nicks[] = {
  [VIGIA_MEASURE_PERCENT] = "percent",
  [VIGIA_MEASURE_PERCENT_CHANGE] = "percent-change",
  [VIGIA_MEASURE_COUNT] = "count",
  [VIGIA_MEASURE_AMOUNT] = "amount",
  [VIGIA_MEASURE_QUALITATIVE] = "qualitative",
};

static int
nick_to_value (const char         *text,
               const char * const *nicks,
               guint               n_nicks,
               int                 fallback)
{
  for (guint i = 0; i < n_nicks; i++)
    if (g_strcmp0 (text, nicks[i]) == 0)
      return i;
  return fallback;
}

static VigiaDirection
direction_from_text (const char *text)
{
  if (g_strcmp0 (text, "down") == 0)
    return VIGIA_DIRECTION_DOWN;
  if (g_strcmp0 (text, "keep") == 0)
    return VIGIA_DIRECTION_KEEP;
  return VIGIA_DIRECTION_UP;
}

/* Reads target_measure, target_direction, target_value, baseline_value and
 * weight from the columns @first onwards. */
static void
goal_terms_from_row (sqlite3_stmt   *stmt,
                     int             first,
                     VigiaGoalTerms *terms)
{
  terms->measure = nick_to_value (_vigia_library_column_text (stmt, first), measure_nicks,
                                  G_N_ELEMENTS (measure_nicks), VIGIA_MEASURE_QUALITATIVE);
  terms->direction = direction_from_text (_vigia_library_column_text (stmt, first + 1));
  terms->target = _vigia_library_column_double (stmt, first + 2);
  terms->baseline = _vigia_library_column_double (stmt, first + 3);
  terms->weight = sqlite3_column_double (stmt, first + 4);
}

/* A goal with nothing recorded is "no data" and not rated, never 0 %. */
static void
rollup_add_goal (VigiaRollup          *rollup,
                 const VigiaGoalTerms *terms,
                 gboolean              has_entry,
                 double                value,
                 VigiaStatus           status)
{
  double achievement = NAN;

  if (!has_entry)
    status = VIGIA_STATUS_NOT_RATED;
  else
    achievement = vigia_goal_terms_get_achievement (terms, value, status);
  vigia_rollup_add (rollup, achievement, terms->weight, status);
}

/* One plan's goals, each with its latest informative entry of @source up to
 * @period: the same figures as vigia_library_assess_plans() gives it, read
 * through the indexes rather than over the whole library. */
gboolean
_vigia_library_assess_plan (VigiaLibrary  *self,
                            gint64         plan_id,
                            const char    *period,
                            VigiaSource    source,
                            VigiaRollup   *rollup,
                            GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = _vigia_library_prepare (self,
                                 "SELECT g.target_measure, g.target_direction, g.target_value, g.baseline_value,"
                                 " g.weight, pr.id, pr.value, pr.status"
                                 " FROM dimension d JOIN goal g ON g.dimension_id = d.id"
                                 " LEFT JOIN progress pr ON pr.id ="
                                 "  (SELECT p2.id FROM progress p2 WHERE p2.goal_id = g.id AND p2.source = ?2"
                                 "   AND p2.period <= ?3 AND (p2.value IS NOT NULL OR p2.status != 'not-rated')"
                                 "   ORDER BY p2.period DESC LIMIT 1)"
                                 " WHERE d.plan_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  _vigia_library_bind_enum (stmt, 2, VIGIA_TYPE_SOURCE, source);
  _vigia_library_bind_text (stmt, 3, period);

  *rollup = (VigiaRollup) { 0, };
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigiaGoalTerms terms;

      goal_terms_from_row (stmt, 0, &terms);
      rollup_add_goal (rollup, &terms, sqlite3_column_type (stmt, 5) != SQLITE_NULL,
                       _vigia_library_column_double (stmt, 6),
                       nick_to_value (_vigia_library_column_text (stmt, 7), status_nicks,
                                      G_N_ELEMENTS (status_nicks), VIGIA_STATUS_NOT_RATED));
    }
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

static gboolean
assess_read_plans (VigiaLibrary  *self,
                   const char    *period,
                   GArray        *scores,
                   GHashTable    *score_by_plan,
                   GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = _vigia_library_prepare (self, "SELECT id, term_start, term_end FROM plan ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigiaPlanScore score = { 0, };
      g_autofree char *clamped = NULL;
      int start = sqlite3_column_int (stmt, 1);
      int end = sqlite3_column_int (stmt, 2);

      score.plan_id = sqlite3_column_int64 (stmt, 0);
      clamped = vigia_term_clamp_period (start, end, period);
      g_strlcpy (score.period, clamped != NULL ? clamped : period, sizeof score.period);
      score.expected = vigia_term_get_expected_share (start, end, score.period);

      g_hash_table_insert (score_by_plan, g_memdup2 (&score.plan_id, sizeof (gint64)),
                           GUINT_TO_POINTER (scores->len));
      g_array_append_val (scores, score);
    }
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

/* The goals in the order of their ids, which is the order in which the
 * progress entries come (see assess_read_progress()). */
static gboolean
assess_read_goals (VigiaLibrary  *self,
                   GHashTable    *score_by_plan,
                   GArray        *goals,
                   GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  /* CROSS JOIN keeps the goal table outside: its rows come by id, unsorted. */
  stmt = _vigia_library_prepare (self,
                                 "SELECT g.id, d.plan_id, g.target_measure, g.target_direction, g.target_value,"
                                 " g.baseline_value, g.weight FROM goal g CROSS JOIN dimension d"
                                 " ON d.id = g.dimension_id ORDER BY g.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GoalRow row = { 0, };
      gint64 plan_id = sqlite3_column_int64 (stmt, 1);
      gpointer score;

      if (!g_hash_table_lookup_extended (score_by_plan, &plan_id, NULL, &score))
        continue;

      row.id = sqlite3_column_int64 (stmt, 0);
      row.score = GPOINTER_TO_UINT (score);
      goal_terms_from_row (stmt, 2, &row.terms);
      row.value = VIGIA_NO_VALUE;
      g_array_append_val (goals, row);
    }
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

/* Keeps, for each goal, its latest informative entry up to its plan's period.
 * The entries come by goal id (the covering index progress_for_assessment),
 * as the goals do: the two are walked side by side, with no map from ids. */
static gboolean
assess_read_progress (VigiaLibrary  *self,
                      VigiaSource    source,
                      GArray        *scores,
                      GArray        *goals,
                      GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  guint next = 0;
  int rc;

  stmt = _vigia_library_prepare (self,
                                 "SELECT goal_id, period, value, status FROM progress"
                                 " WHERE source = ?1 AND (value IS NOT NULL OR status != 'not-rated')"
                                 " ORDER BY goal_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _vigia_library_bind_enum (stmt, 1, VIGIA_TYPE_SOURCE, source);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 goal_id = sqlite3_column_int64 (stmt, 0);
      const char *period = _vigia_library_column_text (stmt, 1);
      const VigiaPlanScore *score;
      GoalRow *row;

      while (next < goals->len && g_array_index (goals, GoalRow, next).id < goal_id)
        next++;
      if (next == goals->len)
        break;
      row = &g_array_index (goals, GoalRow, next);
      if (period == NULL || row->id != goal_id)
        continue;
      score = &g_array_index (scores, VigiaPlanScore, row->score);

      /* Periods are stored as YYYY-SN: as text they sort in time. */
      if (strcmp (period, score->period) > 0 ||
          (row->has_entry && strcmp (period, row->period) <= 0))
        continue;

      row->has_entry = TRUE;
      g_strlcpy (row->period, period, sizeof row->period);
      row->value = _vigia_library_column_double (stmt, 2);
      row->status = nick_to_value (_vigia_library_column_text (stmt, 3), status_nicks,
                                   G_N_ELEMENTS (status_nicks), VIGIA_STATUS_NOT_RATED);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

/* Every plan's score as of @period (a valid semester), inside the caller's
 * read transaction. */
GArray *
_vigia_library_assess_plans_inner (VigiaLibrary  *self,
                                   const char    *period,
                                   VigiaSource    source,
                                   GError       **error)
{
  char canonical[VIGIA_PERIOD_SIZE];
  int year, half;
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (VigiaPlanScore));
  g_autoptr(GArray) goals = NULL;
  g_autoptr(GHashTable) score_by_plan = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(CachedStmt) count = NULL;

  /* Sized at once: a national library has 300,000 goals, and an array that
   * doubles as it grows would briefly hold twice their room. */
  count = _vigia_library_prepare (self, "SELECT count(*) FROM goal", error);
  if (count == NULL)
    return NULL;
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, sqlite3_extended_errcode (self->db));
      return NULL;
    }
  goals = g_array_sized_new (FALSE, TRUE, sizeof (GoalRow), sqlite3_column_int (count, 0));
  g_clear_pointer (&count, cached_stmt_reset);

  /* Stored periods are compared as text: the canonical form. */
  vigia_period_parse (period, &year, &half);
  g_snprintf (canonical, sizeof canonical, "%04d-S%d", year, half);

  if (!assess_read_plans (self, canonical, scores, score_by_plan, error) ||
      !assess_read_goals (self, score_by_plan, goals, error) ||
      !assess_read_progress (self, source, scores, goals, error))
    return NULL;

  for (guint i = 0; i < goals->len; i++)
    {
      const GoalRow *row = &g_array_index (goals, GoalRow, i);
      VigiaPlanScore *score = &g_array_index (scores, VigiaPlanScore, row->score);

      rollup_add_goal (&score->rollup, &row->terms, row->has_entry, row->value, row->status);
    }

  return g_steal_pointer (&scores);
}

/**
 * vigia_library_assess_plans:
 * @period: the semester to assess every plan as of; each plan is assessed
 *   at the nearest semester of its own term (its last, if the term is over)
 * @source: whose figures count
 *
 * Assesses every plan of the library from its rows, without building the
 * plans: the same figures as vigia_assessment_new() gives plan by plan, for
 * the observers' overview of hundreds or thousands of plans.
 *
 * Returns: (transfer full) (element-type VigiaPlanScore): one score per
 *   plan, by plan id
 */
GArray *
vigia_library_assess_plans (VigiaLibrary  *self,
                            const char    *period,
                            VigiaSource    source,
                            GError       **error)
{
  g_autoptr(GArray) scores = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (vigia_period_is_valid (period), NULL);

  /* One read transaction: every figure as of one moment. */
  if (self->depth == 0 && !_vigia_library_exec (self, "BEGIN", error))
    return NULL;

  scores = _vigia_library_assess_plans_inner (self, period, source, error);

  if (self->depth == 0)
    _vigia_library_exec (self, scores != NULL ? "COMMIT" : "ROLLBACK", NULL);

  return g_steal_pointer (&scores);
}
