/* vigia-library-assess.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * VigiaLibrary, whole-library assessment: every plan's achievement as of a
 * semester, read from the targets' and entries' rows in one pass rather
 * than by loading each plan.
 */
#define G_LOG_DOMAIN "vigia-library"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-library-private.h"
#include "vigia-statement-postgresql.h"
#include "vigia-store-postgresql-private.h"
#include "vigia-utils.h"

/* ---------------------------------------------------------------------- */
/* Whole-library assessment                                               */
/* ---------------------------------------------------------------------- */

/* What assessing one target needs, read from its row and its goal's. */
typedef struct
{
  gint64            id;
  gint64            goal_id;
  double            goal_weight;
  VigiaTargetTerms  terms;
  guint             score;
  /* The latest informative entry up to the plan's period, if any. */
  gboolean          has_entry;
  char              period[VIGIA_PERIOD_SIZE];
  double            value;
  VigiaStatus       status;
} TargetRow;

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

/* Reads measure, direction, value, baseline_value and weight of a target
 * from the columns @first onwards. */
static void
target_terms_from_row (VigiaStatement     *stmt,
                       int               first,
                       VigiaTargetTerms *terms)
{
  terms->measure = nick_to_value (_vigia_library_column_text (stmt, first), measure_nicks,
                                  G_N_ELEMENTS (measure_nicks), VIGIA_MEASURE_QUALITATIVE);
  terms->direction = direction_from_text (_vigia_library_column_text (stmt, first + 1));
  terms->target = _vigia_library_column_double (stmt, first + 2);
  terms->baseline = _vigia_library_column_double (stmt, first + 3);
  terms->weight = vigia_statement_column_double (stmt, first + 4);
}

/* A target with nothing recorded is "no data" and not rated, never 0 %. */
static void
rollup_add_target (VigiaRollup            *rollup,
                   const VigiaTargetTerms *terms,
                   gboolean                has_entry,
                   double                  value,
                   VigiaStatus             status)
{
  double achievement = NAN;

  if (!has_entry)
    status = VIGIA_STATUS_NOT_RATED;
  else
    achievement = vigia_target_terms_get_achievement (terms, value, status);
  vigia_rollup_add_target (rollup, achievement, terms->weight, status);
}

/* A goal read whole by _vigia_library_assess_plans_at(): into its plan's
 * rollup if it has targets (as vigia_library_assess_plans() counts goals),
 * and into its plan's counts. */
static void
add_goal (VigiaRollup  *rollups,
          PlanCounts   *counts,
          guint         plan,
          VigiaRollup  *goal,
          double        weight,
          gboolean      has_targets,
          gboolean      has_progress)
{
  if (has_targets)
    vigia_rollup_add_goal (&rollups[plan], goal, weight);
  if (counts != NULL)
    {
      counts[plan].n_goals++;
      if (has_progress)
        counts[plan].n_goals_with_progress++;
    }
}

/* What _vigia_library_assess_plans_at() reads of each target: its terms,
 * its entry (pr, if any) and its goal's id and weight; then the plan's
 * place, the target's id and whether it has any entry at all. */
#define PLAN_TARGET_COLUMNS \
  " t.measure, t.direction, t.value, t.baseline_value, t.weight, pr.period, pr.value, pr.status, g.id, g.weight"
#define PLAN_TARGET_PRESENCE \
  ", t.id, CASE WHEN EXISTS (SELECT 1 FROM progress px WHERE px.target_id = t.id) THEN 1 ELSE 0 END"
/* The goals of the plans' dimensions d, and their targets.  Every goal
 * has one (vigia_goal_remove_target()), but a goal is counted whatever its
 * rows say, as the list counted goals before: one with none would come
 * once, with no target. */
#define PLAN_TARGETS " JOIN goal g ON g.dimension_id = d.id LEFT JOIN target t ON t.goal_id = g.id"
/* A target's latest informative entry p2 of source ?2 up to the period of
 * its plan's element a of the JSON array. */
#define LATEST_ENTRY \
  " p2.target_id = t.id AND p2.source = ?2 AND p2.period <= a.value ->> 'period'" \
  " AND (p2.value IS NOT NULL OR p2.status != 'not-rated') ORDER BY p2.period DESC LIMIT 1"

/* Several plans' targets, each with its latest informative entry of
 * @source up to its plan's own period, rolled up goal by goal into
 * @rollups (one per plan, in the order of @plan_ids): the same figures as
 * vigia_library_assess_plans() gives each, read through the indexes rather
 * than over the whole library, in one statement for all of them (a page of
 * the list costs one round trip on a server, not one a row).  The plans
 * and their periods are one parameter, a JSON array.  With @counts, each
 * plan's goals, targets and goals with any entry are counted too, from the
 * same rows (the list's page reads no more than that).  On a server the
 * plans are found first: PostgreSQL guesses a hundred elements for the
 * array, and joined to the dimensions directly it read them all (80,000 at
 * national scale) rather than through their index. */
gboolean
_vigia_library_assess_plans_at (VigiaLibrary        *self,
                                const gint64        *plan_ids,
                                const char * const  *periods,
                                guint                n_plans,
                                VigiaSource          source,
                                VigiaRollup         *rollups,
                                PlanCounts          *counts,
                                GError             **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GString) plans = g_string_new ("[");
  VigiaRollup goal = { 0, };
  gint64 goal_id = 0;
  guint goal_plan = 0;
  double goal_weight = 1;
  gboolean goal_has_targets = FALSE;
  gboolean goal_has_progress = FALSE;
  int rc;

  if (n_plans == 0)
    return TRUE;

  for (guint i = 0; i < n_plans; i++)
    {
      int year = 0, half = 0;

      /* Compared as text with the stored periods: in the canonical form,
       * which is also one that needs no escaping in JSON. */
      if (!vigia_period_parse (periods[i], &year, &half))
        g_assert_not_reached ();
      g_string_append_printf (plans, "%s{\"plan\":%" G_GINT64_FORMAT ",\"period\":\"%04d-S%d\"}",
                              i > 0 ? "," : "", plan_ids[i], year, half);
      rollups[i] = (VigiaRollup) { 0, };
      if (counts != NULL)
        counts[i] = (PlanCounts) { 0, };
    }
  g_string_append_c (plans, ']');

  /* By plan (its place in the array), then goal by goal, and within a
   * goal by target: the order vigia_library_assess_plans() adds them in.
   * CROSS JOIN keeps SQLite's array outside, each plan found by index.
   * On PostgreSQL the entry comes whole from the covering index
   * progress_for_assessment (LATERAL), rather than found there and then
   * looked up by id: a third of the statement's time. */
  stmt = _vigia_library_prepare (self,
                                 LIBRARY_SQL (self,
                                              "SELECT" PLAN_TARGET_COLUMNS ", a.key" PLAN_TARGET_PRESENCE
                                              " FROM json_each (?1) a"
                                              " CROSS JOIN dimension d ON d.plan_id = a.value ->> 'plan'" PLAN_TARGETS
                                              " LEFT JOIN progress pr ON pr.id ="
                                              "  (SELECT p2.id FROM progress p2 WHERE" LATEST_ENTRY ")"
                                              " ORDER BY a.key, g.id, t.id",
                                              "SELECT" PLAN_TARGET_COLUMNS ", a.n - 1" PLAN_TARGET_PRESENCE
                                              " FROM json_array_elements (CAST (?1 AS json)) WITH ORDINALITY AS a (value, n)"
                                              " JOIN plan p ON p.id = CAST (a.value ->> 'plan' AS bigint)"
                                              " JOIN dimension d ON d.plan_id = p.id" PLAN_TARGETS
                                              " LEFT JOIN LATERAL"
                                              "  (SELECT p2.period, p2.value, p2.status FROM progress p2 WHERE" LATEST_ENTRY ") pr"
                                              " ON TRUE"
                                              " ORDER BY a.n, g.id, t.id"),
                                 error);
  if (stmt == NULL)
    return FALSE;
  _vigia_library_bind_text (stmt, 1, plans->str);
  _vigia_library_bind_enum (stmt, 2, VIGIA_TYPE_SOURCE, source);

  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      VigiaTargetTerms terms;
      gint64 position = vigia_statement_column_int64 (stmt, 10);

      g_assert (position >= 0 && position < n_plans);

      /* The rows come goal by goal: a goal is whole at the next one (or at
       * the same goal again, for a plan asked for twice). */
      if (vigia_statement_column_int64 (stmt, 8) != goal_id || position != goal_plan)
        {
          if (goal_id != 0)
            add_goal (rollups, counts, goal_plan, &goal, goal_weight, goal_has_targets, goal_has_progress);
          goal = (VigiaRollup) { 0, };
          goal_id = vigia_statement_column_int64 (stmt, 8);
          goal_plan = position;
          goal_weight = vigia_statement_column_double (stmt, 9);
          goal_has_targets = FALSE;
          goal_has_progress = FALSE;
        }

      /* A goal without targets: counted, not assessed. */
      if (vigia_statement_column_is_null (stmt, 11))
        continue;
      goal_has_targets = TRUE;
      goal_has_progress |= vigia_statement_column_int64 (stmt, 12) != 0;
      if (counts != NULL)
        counts[position].n_targets++;

      target_terms_from_row (stmt, 0, &terms);
      rollup_add_target (&goal, &terms, !vigia_statement_column_is_null (stmt, 5),
                         _vigia_library_column_double (stmt, 6),
                         nick_to_value (_vigia_library_column_text (stmt, 7), status_nicks,
                                        G_N_ELEMENTS (status_nicks), VIGIA_STATUS_NOT_RATED));
    }
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  if (goal_id != 0)
    add_goal (rollups, counts, goal_plan, &goal, goal_weight, goal_has_targets, goal_has_progress);
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

  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      VigiaPlanScore score = { 0, };
      g_autofree char *clamped = NULL;
      int start = vigia_statement_column_int64 (stmt, 1);
      int end = vigia_statement_column_int64 (stmt, 2);

      score.plan_id = vigia_statement_column_int64 (stmt, 0);
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

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  const TargetRow *ra = a;
  const TargetRow *rb = b;

  return ra->id < rb->id ? -1 : ra->id > rb->id;
}

/* The targets in the order of their ids, which is the order in which the
 * progress entries come (see assess_read_progress()). */
static gboolean
assess_read_targets (VigiaLibrary  *self,
                     GHashTable    *score_by_plan,
                     GArray        *targets,
                     GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  /* CROSS JOIN keeps SQLite's target table outside: its rows come by id,
   * unsorted.  PostgreSQL plans joins itself, and its rows are sorted
   * here: on the server a sort of the national library's targets spilled
   * to disk. */
  stmt = _vigia_library_prepare (self,
                                 LIBRARY_SQL (self,
                                              "SELECT t.id, d.plan_id, t.measure, t.direction, t.value, t.baseline_value,"
                                              " t.weight, g.id, g.weight FROM target t CROSS JOIN goal g ON g.id = t.goal_id"
                                              " CROSS JOIN dimension d ON d.id = g.dimension_id ORDER BY t.id",
                                              "SELECT t.id, d.plan_id, t.measure, t.direction, t.value, t.baseline_value,"
                                              " t.weight, g.id, g.weight FROM target t JOIN goal g ON g.id = t.goal_id"
                                              " JOIN dimension d ON d.id = g.dimension_id"),
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      TargetRow row = { 0, };
      gint64 plan_id = vigia_statement_column_int64 (stmt, 1);
      gpointer score;

      if (!g_hash_table_lookup_extended (score_by_plan, &plan_id, NULL, &score))
        continue;

      row.id = vigia_statement_column_int64 (stmt, 0);
      row.goal_id = vigia_statement_column_int64 (stmt, 7);
      row.goal_weight = vigia_statement_column_double (stmt, 8);
      row.score = GPOINTER_TO_UINT (score);
      target_terms_from_row (stmt, 2, &row.terms);
      row.value = VIGIA_NO_VALUE;
      g_array_append_val (targets, row);
    }
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  if (self->server != NULL)
    g_array_sort (targets, compare_by_id);
  return TRUE;
}

/* A target's latest informative entry up to a semester, as a second
 * connection reads them (read_latest_entries()). */
typedef struct
{
  gint64       target_id;
  char         period[VIGIA_PERIOD_SIZE];
  double       value;
  VigiaStatus  status;
} EntryRow;

/* The statement that gives EntryRow's columns: backwards through
 * progress_for_assessment, each target's latest entry first, no sorting. */
#define LATEST_ENTRIES_SQL \
  "SELECT DISTINCT ON (target_id) target_id, period, value, status FROM progress" \
  " WHERE source = ?1 AND period <= ?2 AND (value IS NOT NULL OR status != 'not-rated')" \
  " ORDER BY target_id DESC, period DESC"

/* Whether an entry of @period is the latest so far for @target, up to its
 * plan's period. */
static gboolean
is_latest_entry (const char           *period,
                 const VigiaPlanScore *score,
                 const TargetRow      *target)
{
  /* Periods are stored as YYYY-SN: as text they sort in time. */
  return period != NULL && strcmp (period, score->period) <= 0 &&
         (!target->has_entry || strcmp (period, target->period) > 0);
}

static VigiaStatus
column_status (VigiaStatement *stmt,
               int             index)
{
  return nick_to_value (_vigia_library_column_text (stmt, index), status_nicks,
                        G_N_ELEMENTS (status_nicks), VIGIA_STATUS_NOT_RATED);
}

/* Keeps @row's entry as its target's (@target) if it is the latest so far
 * up to the target's plan's period. */
static void
take_entry (VigiaStatement       *stmt,
            const VigiaPlanScore *score,
            TargetRow            *target)
{
  const char *period = _vigia_library_column_text (stmt, 1);

  if (!is_latest_entry (period, score, target))
    return;

  target->has_entry = TRUE;
  g_strlcpy (target->period, period, sizeof target->period);
  target->value = _vigia_library_column_double (stmt, 2);
  target->status = column_status (stmt, 3);
}

/* Keeps, for each target, its latest informative entry up to its plan's
 * period.  The entries come by target id (the covering index
 * progress_for_assessment), as the targets do: the two are walked side by
 * side, with no map from ids. */
static gboolean
assess_read_progress (VigiaLibrary  *self,
                      VigiaSource    source,
                      GArray        *scores,
                      GArray        *targets,
                      GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  guint next = 0;
  int rc;

  stmt = _vigia_library_prepare (self,
                                 "SELECT target_id, period, value, status FROM progress"
                                 " WHERE source = ?1 AND (value IS NOT NULL OR status != 'not-rated')"
                                 " ORDER BY target_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _vigia_library_bind_enum (stmt, 1, VIGIA_TYPE_SOURCE, source);

  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      gint64 target_id = vigia_statement_column_int64 (stmt, 0);
      TargetRow *row;

      while (next < targets->len && g_array_index (targets, TargetRow, next).id < target_id)
        next++;
      if (next == targets->len)
        break;
      row = &g_array_index (targets, TargetRow, next);
      if (row->id == target_id)
        take_entry (stmt, &g_array_index (scores, VigiaPlanScore, row->score), row);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

/* assess_read_progress() on a server, where sending every entry of the
 * library (2.5 million at national scale) cost more than the rest of the
 * assessment: the server keeps only each target's latest entry up to a
 * period, one pass for each period the plans are assessed at (one, when
 * they share a term).  A target takes the latest entry of those passes up
 * to its own plan's period, which its own period's pass gives. */
static GHashTable *
dup_periods (GArray *scores)
{
  GHashTable *periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < scores->len; i++)
    g_hash_table_add (periods, g_strdup (g_array_index (scores, VigiaPlanScore, i).period));
  return periods;
}

static gboolean
assess_read_latest_progress (VigiaLibrary  *self,
                             VigiaSource    source,
                             GArray        *scores,
                             GArray        *targets,
                             GError       **error)
{
  g_autoptr(GHashTable) periods = dup_periods (scores);
  GHashTableIter iter;
  gpointer period;

  g_hash_table_iter_init (&iter, periods);
  while (g_hash_table_iter_next (&iter, &period, NULL))
    {
      g_autoptr(CachedStmt) stmt = NULL;
      int rc;

      stmt = _vigia_library_prepare (self, LATEST_ENTRIES_SQL, error);
      if (stmt == NULL)
        return FALSE;
      _vigia_library_bind_enum (stmt, 1, VIGIA_TYPE_SOURCE, source);
      _vigia_library_bind_text (stmt, 2, period);

      while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
        {
          TargetRow key = { .id = vigia_statement_column_int64 (stmt, 0) };
          TargetRow *row = bsearch (&key, targets->data, targets->len, sizeof (TargetRow), compare_by_id);

          if (row != NULL)
            take_entry (stmt, &g_array_index (scores, VigiaPlanScore, row->score), row);
        }
      if (rc != SQLITE_DONE)
        return _vigia_library_set_sqlite_error (self, error, rc);
    }
  return TRUE;
}

/* What the thread of read_latest_entries() is given, and gives back. */
typedef struct
{
  VigiaStorePostgresql *helper;
  char                 *snapshot;
  VigiaSource           source;
  GHashTable           *periods;
  GArray               *entries;
  GError               *error;
} LatestJob;

static void
latest_job_free (LatestJob *job)
{
  g_clear_object (&job->helper);
  g_free (job->snapshot);
  g_clear_pointer (&job->periods, g_hash_table_unref);
  g_clear_pointer (&job->entries, g_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LatestJob, latest_job_free)

/* In a thread of its own, on the library's second connection, in the
 * first's snapshot: what assess_read_latest_progress() reads, kept as
 * rows while the first connection reads the targets. */
static gpointer
read_latest_entries (gpointer data)
{
  LatestJob *job = data;
  VigiaStore *store = VIGIA_STORE (job->helper);
  g_autofree char *import = g_strdup_printf ("SET TRANSACTION SNAPSHOT '%s'", job->snapshot);
  GHashTableIter iter;
  gpointer period;

  job->entries = g_array_new (FALSE, FALSE, sizeof (EntryRow));
  if (!vigia_store_begin (store, TRUE, &job->error))
    return NULL;
  if (!vigia_store_exec (store, import, &job->error))
    {
      vigia_store_rollback (store);
      return NULL;
    }

  g_hash_table_iter_init (&iter, job->periods);
  while (job->error == NULL && g_hash_table_iter_next (&iter, &period, NULL))
    {
      g_autoptr(VigiaStatement) stmt = vigia_statement_postgresql_new (job->helper, LATEST_ENTRIES_SQL, FALSE,
                                                                       &job->error);
      VigiaStatementStep step;

      if (stmt == NULL)
        break;
      _vigia_library_bind_enum (stmt, 1, VIGIA_TYPE_SOURCE, job->source);
      _vigia_library_bind_text (stmt, 2, period);
      while ((step = vigia_statement_step (stmt, &job->error)) == VIGIA_STATEMENT_ROW)
        {
          const char *entry_period = _vigia_library_column_text (stmt, 1);
          EntryRow entry = {
            .target_id = vigia_statement_column_int64 (stmt, 0),
            .value = _vigia_library_column_double (stmt, 2),
            .status = column_status (stmt, 3),
          };

          g_strlcpy (entry.period, entry_period != NULL ? entry_period : "", sizeof entry.period);
          g_array_append_val (job->entries, entry);
        }
    }

  if (job->error == NULL)
    vigia_store_commit (store, &job->error);
  else
    vigia_store_rollback (store);
  return NULL;
}

/* A snapshot's name as pg_export_snapshot() gives it (hexadecimal digits
 * and dashes), checked before it goes into SET TRANSACTION SNAPSHOT, which
 * takes no parameter. */
static gboolean
is_snapshot_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

/* Starts reading each target's latest entry on the library's second
 * connection, in the snapshot of the caller's read transaction, while the
 * caller reads the targets: the server's two halves of a national
 * assessment, one after the other, were 1.4-1.5 s, at once 1.1 s
 * (BENCHMARKS.md).  NULL when there is no second connection to have: the
 * caller reads them itself, after. */
static GThread *
start_reading_latest_entries (VigiaLibrary  *self,
                              VigiaSource    source,
                              GArray        *scores,
                              LatestJob    **job_out)
{
  g_autoptr(LatestJob) job = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  *job_out = NULL;
  if (self->helper == NULL && !self->helper_refused)
    {
      self->helper = vigia_store_postgresql_open (self->server->conninfo, &error);
      if (self->helper == NULL)
        {
          /* A server with no connection to spare: one is enough. */
          g_debug ("No second connection for the assessment: %s", error->message);
          self->helper_refused = TRUE;
          return NULL;
        }
    }
  if (self->helper == NULL)
    return NULL;

  /* A standby server exports no snapshot: asking would end the caller's
   * transaction in an error. */
  job = g_new0 (LatestJob, 1);
  stmt = _vigia_library_prepare (self, "SELECT CASE WHEN pg_is_in_recovery () THEN NULL ELSE pg_export_snapshot () END",
                                 &error);
  if (stmt == NULL || _vigia_library_step (self, stmt) != SQLITE_ROW ||
      !is_snapshot_name (_vigia_library_column_text (stmt, 0)))
    return NULL;
  job->snapshot = g_strdup (_vigia_library_column_text (stmt, 0));
  g_clear_pointer (&stmt, cached_stmt_reset);

  job->helper = g_object_ref (self->helper);
  job->source = source;
  job->periods = dup_periods (scores);
  *job_out = g_steal_pointer (&job);
  return g_thread_new ("vigia-assess", read_latest_entries, *job_out);
}

/* Each target takes the latest of @entries up to its plan's period. */
static void
take_latest_entries (GArray *entries,
                     GArray *scores,
                     GArray *targets)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const EntryRow *entry = &g_array_index (entries, EntryRow, i);
      TargetRow key = { .id = entry->target_id };
      TargetRow *row = bsearch (&key, targets->data, targets->len, sizeof (TargetRow), compare_by_id);

      if (row == NULL || !is_latest_entry (entry->period, &g_array_index (scores, VigiaPlanScore, row->score), row))
        continue;
      row->has_entry = TRUE;
      g_strlcpy (row->period, entry->period, sizeof row->period);
      row->value = entry->value;
      row->status = entry->status;
    }
}

static int
compare_by_goal (gconstpointer a,
                 gconstpointer b)
{
  const TargetRow *ra = a;
  const TargetRow *rb = b;

  if (ra->goal_id != rb->goal_id)
    return ra->goal_id < rb->goal_id ? -1 : 1;
  return ra->id < rb->id ? -1 : ra->id > rb->id;
}

/* Every plan's score as of @period (a valid semester), inside the caller's
 * read transaction. */
GArray *
_vigia_library_assess_plans_inner (VigiaLibrary  *self,
                                   const char    *period,
                                   VigiaSource    source,
                                   gboolean       own_snapshot,
                                   GError       **error)
{
  char canonical[VIGIA_PERIOD_SIZE];
  int year, half;
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (VigiaPlanScore));
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GHashTable) score_by_plan = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(CachedStmt) count = NULL;
  g_autoptr(LatestJob) job = NULL;
  GThread *thread = NULL;
  gboolean ok;

  /* The server joins every target to its goal in memory: 20 MB at
   * national scale, where its default of 4 MB wrote the goals to disk in
   * batches.  Raised for this transaction only, never lowered. */
  if (self->server != NULL &&
      !_vigia_library_exec (self,
                            "SELECT set_config ('work_mem', '32MB', true)"
                            " WHERE pg_size_bytes (current_setting ('work_mem')) < pg_size_bytes ('32MB')",
                            error))
    return NULL;

  /* Sized at once: a national library has 300,000 targets, and an array
   * that doubles as it grows would briefly hold twice their room.  A
   * server's own estimate is enough (the array grows if it is short):
   * counting took it 45-75 ms of a national assessment. */
  count = _vigia_library_prepare (self,
                                  LIBRARY_SQL (self, "SELECT count(*) FROM target",
                                               "SELECT CAST (greatest (reltuples, 0) AS bigint) FROM pg_class"
                                               " WHERE oid = CAST ('target' AS regclass)"),
                                  error);
  if (count == NULL)
    return NULL;
  if (_vigia_library_step (self, count) != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, SQLITE_ERROR);
      return NULL;
    }
  targets = g_array_sized_new (FALSE, TRUE, sizeof (TargetRow), vigia_statement_column_int64 (count, 0));
  g_clear_pointer (&count, cached_stmt_reset);

  /* Stored periods are compared as text: the canonical form. */
  vigia_period_parse (period, &year, &half);
  g_snprintf (canonical, sizeof canonical, "%04d-S%d", year, half);

  if (!assess_read_plans (self, canonical, scores, score_by_plan, error))
    return NULL;

  /* A second connection shares the snapshot of a read transaction this
   * call began, never one that may hold the caller's own writes. */
  if (self->server != NULL && own_snapshot)
    thread = start_reading_latest_entries (self, source, scores, &job);
  ok = assess_read_targets (self, score_by_plan, targets, error);
  if (thread != NULL)
    {
      g_thread_join (thread);
      if (job->error != NULL)
        {
          /* Lost, most likely: read by the first connection, and a new
           * second one opened next time. */
          g_debug ("The assessment's second connection failed: %s", job->error->message);
          g_clear_object (&self->helper);
          g_clear_pointer (&job, latest_job_free);
        }
    }
  if (!ok)
    return NULL;
  if (job != NULL)
    take_latest_entries (job->entries, scores, targets);
  else if (!(self->server != NULL
             ? assess_read_latest_progress (self, source, scores, targets, error)
             : assess_read_progress (self, source, scores, targets, error)))
    return NULL;

  /* A goal's targets side by side (a target added to an old goal has a
   * later id), then rolled up goal by goal. */
  g_array_sort (targets, compare_by_goal);
  for (guint i = 0; i < targets->len;)
    {
      const TargetRow *first = &g_array_index (targets, TargetRow, i);
      VigiaPlanScore *score = &g_array_index (scores, VigiaPlanScore, first->score);
      VigiaRollup goal = { 0, };

      for (; i < targets->len && g_array_index (targets, TargetRow, i).goal_id == first->goal_id; i++)
        {
          const TargetRow *row = &g_array_index (targets, TargetRow, i);

          rollup_add_target (&goal, &row->terms, row->has_entry, row->value, row->status);
        }
      vigia_rollup_add_goal (&score->rollup, &goal, first->goal_weight);
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
  if (self->depth == 0 && !_vigia_library_begin_read (self, error))
    return NULL;

  scores = _vigia_library_assess_plans_inner (self, period, source, self->depth == 0, error);

  if (self->depth == 0)
    _vigia_library_exec (self, scores != NULL ? "COMMIT" : "ROLLBACK", NULL);

  return g_steal_pointer (&scores);
}
