/* vigia-library-search.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * VigiaLibrary, its search and listing: the full-text index kept in step
 * with the plans, queries by words and filters, and the summaries the list
 * shows.
 */
#define G_LOG_DOMAIN "vigia-library"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-library-private.h"
#include "vigia-search-words.h"
#include "vigia-store-postgresql-private.h"
#include "vigia-utils.h"

/* Rebuilds the plan's search row when the transaction commits: a whole
 * import of many plans then indexes them all at once, outside the
 * savepoints of their files. */
gboolean
_vigia_library_queue_search_row (VigiaLibrary  *self,
                                 gint64         plan_id,
                                 GError       **error)
{
  PendingSearch pending = { plan_id, self->depth };

  g_assert (self->depth > 0);

  for (guint i = 0; i < self->pending_search->len; i++)
    {
      PendingSearch *queued = &g_array_index (self->pending_search, PendingSearch, i);

      if (queued->plan_id == plan_id)
        {
          /* Kept at the outer level, if it was queued there: a rollback of
           * this level must not take back what the outer level wrote. */
          queued->depth = MIN (queued->depth, self->depth);
          return TRUE;
        }
    }

  g_array_append_val (self->pending_search, pending);
  return TRUE;
}

/* The search rows of every plan queued, in two statements for all of them:
 * FTS5 writes what it holds to disk at the end of every statement, so a
 * statement a plan wrote the index in small pieces (a quarter of an
 * import's time went there). */
gboolean
_vigia_library_flush_search_rows (VigiaLibrary  *self,
                                  GError       **error)
{
  g_autoptr(CachedStmt) queue = NULL;

  if (self->pending_search->len == 0)
    return TRUE;

  /* PostgreSQL writes a row of its index as cheaply one at a time. */
  if (self->server != NULL)
    {
      g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->pending_search->len);

      for (guint i = 0; i < self->pending_search->len; i++)
        g_array_append_val (ids, g_array_index (self->pending_search, PendingSearch, i).plan_id);
      if (!_vigia_store_postgresql_write_search_rows (self->server, ids, error))
        return FALSE;
      g_array_set_size (self->pending_search, 0);
      return TRUE;
    }

  /* In the transaction: a rollback takes the table back too. */
  if (!_vigia_library_exec_cached (self, "CREATE TEMP TABLE IF NOT EXISTS search_queue (id INTEGER PRIMARY KEY)", error))
    return FALSE;

  queue = _vigia_library_prepare (self, "INSERT OR IGNORE INTO temp.search_queue (id) VALUES (?1)", error);
  if (queue == NULL)
    return FALSE;
  for (guint i = 0; i < self->pending_search->len; i++)
    {
      vigia_statement_bind_int64 (queue, 1, g_array_index (self->pending_search, PendingSearch, i).plan_id);
      if (!_vigia_library_step_done (self, queue, error))
        return FALSE;
      vigia_statement_reset (queue);
    }

  if (!_vigia_library_exec_cached (self, "DELETE FROM plan_search WHERE rowid IN (SELECT id FROM temp.search_queue)", error) ||
      !_vigia_library_exec_cached (self,
                  "INSERT INTO plan_search (rowid, organization, place, texts, goals)"
                  PLAN_SEARCH_SELECT " FROM temp.search_queue q JOIN plan p ON p.id = q.id",
                  error) ||
      !_vigia_library_exec_cached (self, "DELETE FROM temp.search_queue", error))
    return FALSE;

  g_array_set_size (self->pending_search, 0);
  return TRUE;
}

guint
vigia_library_count_plans (VigiaLibrary  *self,
                           GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), 0);

  stmt = _vigia_library_prepare (self, "SELECT count(*) FROM plan", error);
  if (stmt == NULL)
    return 0;
  if (_vigia_library_step (self, stmt) != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, SQLITE_ERROR);
      return 0;
    }
  return vigia_statement_column_int64 (stmt, 0);
}

/* Turns what a person typed into an FTS5 query: every word must match, as
 * a prefix, whatever its case and accents.  Words keep only letters,
 * digits and marks, and are quoted, so that no character of the input is
 * read as query syntax.  PostgreSQL's query is vigia_search_words_tsquery(). */
static char *
build_match_expression (const char *text)
{
  GString *query = g_string_new (NULL);
  GString *word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

/* A parameter compared with NULL is given its type, which PostgreSQL
 * cannot guess from that alone. */
#define QUERY_FILTERS \
  " (CAST (?2 AS text) IS NULL OR p.election = ?2)" \
  " AND (CAST (?3 AS text) IS NULL OR p.department = ?3)" \
  " AND (CAST (?4 AS bigint) IS NULL OR p.term_start = ?4)"
#define QUERY_ALL "SELECT p.id FROM plan p WHERE (?1 IS NULL OR p.id IN" \
  " (SELECT rowid FROM plan_search WHERE plan_search MATCH ?1)) AND" QUERY_FILTERS
/* On PostgreSQL, the words cut and folded as the plans' (docs/postgresql.md,
 * "Search"). */
#define QUERY_ALL_POSTGRESQL "SELECT p.id FROM plan p WHERE (CAST (?1 AS text) IS NULL OR p.id IN" \
  " (SELECT plan_id FROM plan_search WHERE document @@ CAST (?1 AS tsquery))) AND" \
  QUERY_FILTERS

/**
 * vigia_library_query_plan_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the plans that
 *   match @query, in its order; only ids are read, not the plans
 */
GArray *
vigia_library_query_plan_ids (VigiaLibrary          *self,
                              const VigiaPlanQuery  *query,
                              GError               **error)
{
  static const char *sql_by_sort[] = {
    /* Orders that the covering indexes of the schema give without sorting. */
    [VIGIA_PLAN_SORT_PLACE] = QUERY_ALL
      " ORDER BY p.department, p.province, p.district, p.organization",
    [VIGIA_PLAN_SORT_ORGANIZATION] = QUERY_ALL
      " ORDER BY p.organization, p.department, p.province, p.district",
    [VIGIA_PLAN_SORT_CHANGED] = QUERY_ALL
      " ORDER BY p.changed DESC",
    [VIGIA_PLAN_SORT_RELEVANCE] =
      "SELECT p.id FROM plan_search s JOIN plan p ON p.id = s.rowid"
      " WHERE plan_search MATCH ?1 AND" QUERY_FILTERS " ORDER BY s.rank, p.id",
  };
  /* In SQLite's order to the last tie: that of its indexes, whose last
   * column is the id, and with no value first. */
  static const char *postgresql_by_sort[] = {
    [VIGIA_PLAN_SORT_PLACE] = QUERY_ALL_POSTGRESQL
      " ORDER BY p.department NULLS FIRST, p.province NULLS FIRST, p.district NULLS FIRST,"
      " p.organization, p.election, p.term_start NULLS FIRST, p.id",
    [VIGIA_PLAN_SORT_ORGANIZATION] = QUERY_ALL_POSTGRESQL
      " ORDER BY p.organization, p.department NULLS FIRST, p.province NULLS FIRST, p.district NULLS FIRST,"
      " p.election, p.term_start NULLS FIRST, p.id",
    [VIGIA_PLAN_SORT_CHANGED] = QUERY_ALL_POSTGRESQL
      " ORDER BY p.changed DESC, p.election DESC, p.department DESC NULLS LAST, p.term_start DESC NULLS LAST,"
      " p.id DESC",
    [VIGIA_PLAN_SORT_RELEVANCE] =
      "SELECT p.id FROM plan_search s JOIN plan p ON p.id = s.plan_id"
      " WHERE s.document @@ CAST (?1 AS tsquery) AND" QUERY_FILTERS
      " ORDER BY ts_rank (s.document, CAST (?1 AS tsquery)) DESC, p.id",
  };
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *match = NULL;
  VigiaPlanQuery defaults = VIGIA_PLAN_QUERY_INIT;
  VigiaPlanSort sort;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  if (query == NULL)
    query = &defaults;

  if (query->text != NULL)
    match = self->server != NULL ? vigia_search_words_tsquery (query->text) : build_match_expression (query->text);

  /* A search inside a transaction sees the plans written so far. */
  if (match != NULL && self->pending_search->len > 0 && !_vigia_library_flush_search_rows (self, error))
    return NULL;

  sort = query->sort;
  if (sort >= G_N_ELEMENTS (sql_by_sort) || (sort == VIGIA_PLAN_SORT_RELEVANCE && match == NULL))
    sort = VIGIA_PLAN_SORT_PLACE;

  stmt = _vigia_library_prepare (self, LIBRARY_SQL (self, sql_by_sort[sort], postgresql_by_sort[sort]), error);
  if (stmt == NULL)
    return NULL;

  _vigia_library_bind_text (stmt, 1, match);
  if (query->election >= 0)
    _vigia_library_bind_enum (stmt, 2, VIGIA_TYPE_ELECTION, query->election);
  _vigia_library_bind_text (stmt, 3, query->department);
  _vigia_library_bind_positive (stmt, 4, query->term_start);

  return _vigia_library_collect_ids (self, stmt, error);
}

/**
 * vigia_library_list_departments:
 *
 * Returns: (transfer full): the departments of the library's plans, as written
 */
GStrv
vigia_library_list_departments (VigiaLibrary  *self,
                                GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  stmt = _vigia_library_prepare (self,
                                 "SELECT DISTINCT department FROM plan WHERE department IS NOT NULL"
                                 " AND department != '' ORDER BY department",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _vigia_library_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * vigia_library_list_term_starts:
 *
 * Returns: (transfer full) (element-type int): the first years of the terms
 *   of the library's plans, in order
 */
GArray *
vigia_library_list_term_starts (VigiaLibrary  *self,
                                GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  stmt = _vigia_library_prepare (self,
                                 "SELECT DISTINCT term_start FROM plan WHERE term_start IS NOT NULL"
                                 " ORDER BY term_start",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      int year = vigia_statement_column_int64 (stmt, 0);

      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&years);
}

/* What the list shows of each plan, the columns summary_fields_from_row()
 * reads: the plan's own (SUMMARY_PLAN_COLUMNS, 0 to 11), then its goals,
 * goals with progress and targets counted (12 to 14); a FROM clause that
 * names the plan p follows. */
#define SUMMARY_PLAN_COLUMNS \
  "SELECT p.id, p.uuid, p.organization, p.election, p.process, p.department," \
  " p.province, p.district, p.ubigeo, p.term_start, p.term_end, p.changed"
#define SUMMARY_COLUMNS \
  SUMMARY_PLAN_COLUMNS "," \
  " (SELECT count(*) FROM goal g JOIN dimension d ON d.id = g.dimension_id" \
  "  WHERE d.plan_id = p.id)," \
  " (SELECT count(DISTINCT t.goal_id) FROM progress pr JOIN target t ON t.id = pr.target_id" \
  "  JOIN goal g ON g.id = t.goal_id JOIN dimension d ON d.id = g.dimension_id" \
  "  WHERE d.plan_id = p.id)," \
  " (SELECT count(*) FROM target t JOIN goal g ON g.id = t.goal_id JOIN dimension d ON d.id = g.dimension_id" \
  "  WHERE d.plan_id = p.id)"
#define SUMMARY_SELECT SUMMARY_COLUMNS " FROM plan p"
/* The same columns for every plan at once, on a server: the plans' goals
 * and targets walked once and counted by plan, where the three counts of
 * each plan in turn took 1.7 s of a national library (0.9 s so). */
#define SUMMARY_SELECT_ALL_POSTGRESQL \
  SUMMARY_PLAN_COLUMNS ", coalesce (c.n_goals, 0), coalesce (c.n_goals_with_progress, 0), coalesce (c.n_targets, 0)" \
  " FROM plan p LEFT JOIN" \
  "  (SELECT d.plan_id, count (DISTINCT g.id) AS n_goals," \
  "    count (DISTINCT g.id) FILTER (WHERE EXISTS (SELECT 1 FROM progress px WHERE px.target_id = t.id))" \
  "     AS n_goals_with_progress," \
  "    count (t.id) AS n_targets" \
  "   FROM dimension d JOIN goal g ON g.dimension_id = d.id LEFT JOIN target t ON t.goal_id = g.id" \
  "   GROUP BY d.plan_id) c ON c.plan_id = p.id" \
  " ORDER BY p.id"

/* Fills @fields with pointers into @stmt's row: use them before the next step. */
static void
summary_fields_from_row (VigiaStatement           *stmt,
                         VigiaPlanSummaryFields *fields)
{
  fields->id = vigia_statement_column_int64 (stmt, 0);
  fields->uuid = _vigia_library_column_text (stmt, 1);
  fields->organization = _vigia_library_column_text (stmt, 2);
  fields->election = _vigia_library_column_enum (stmt, 3, VIGIA_TYPE_ELECTION, VIGIA_ELECTION_MUNICIPAL_DISTRICT);
  fields->process = _vigia_library_column_text (stmt, 4);
  fields->department = _vigia_library_column_text (stmt, 5);
  fields->province = _vigia_library_column_text (stmt, 6);
  fields->district = _vigia_library_column_text (stmt, 7);
  fields->ubigeo = _vigia_library_column_text (stmt, 8);
  fields->term_start = vigia_statement_column_int64 (stmt, 9);
  fields->term_end = vigia_statement_column_int64 (stmt, 10);
  fields->changed = _vigia_library_column_text (stmt, 11);
}

/* The same, with the counts of SUMMARY_COLUMNS. */
static void
summary_fields_from_full_row (VigiaStatement         *stmt,
                              VigiaPlanSummaryFields *fields)
{
  summary_fields_from_row (stmt, fields);
  fields->n_goals = vigia_statement_column_int64 (stmt, 12);
  fields->n_goals_with_progress = vigia_statement_column_int64 (stmt, 13);
  fields->n_targets = vigia_statement_column_int64 (stmt, 14);
}

/* A summary's row read, its texts copied: its assessment is read after
 * every row, in a statement of its own. */
typedef struct
{
  guint                   position;
  VigiaPlanSummaryFields  fields;
  char                    period[VIGIA_PERIOD_SIZE];
} SummaryRow;

static const char *
chunk_insert (GStringChunk *chunk,
              const char   *text)
{
  return text != NULL ? g_string_chunk_insert (chunk, text) : NULL;
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/**
 * vigia_library_load_summaries:
 * @plan_ids: (array length=n_ids): the plans
 *
 * What vigia_library_load_summary() gives for each of @plan_ids, in two
 * statements whatever their number, not one or two a plan: one for the
 * plans' own fields, one for their goals and targets, counted, and
 * assessed (each as of the current semester brought into its own term),
 * which walks each plan's goals once where counting and assessing walked
 * them twice.  On a server each statement is a round trip; this is how the
 * list reads a page of rows.
 *
 * Returns: (transfer full) (element-type VigiaPlanSummary): the summaries in
 *   the order of @plan_ids, with %NULL in the place of a plan that is not
 *   in the library (deleted since its id was read); %NULL on error
 */
GPtrArray *
vigia_library_load_summaries (VigiaLibrary  *self,
                              const gint64  *plan_ids,
                              guint          n_ids,
                              GError       **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GString) ids = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GStringChunk) texts = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) found_ids = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autofree VigiaRollup *rollups = NULL;
  g_autofree PlanCounts *counts = NULL;
  g_autofree char *current = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (plan_ids != NULL || n_ids == 0, NULL);

  summaries = g_ptr_array_new_full (n_ids, unref_if_set);
  g_ptr_array_set_size (summaries, n_ids);
  if (n_ids == 0)
    return g_steal_pointer (&summaries);

  /* The ids are one parameter, a JSON array; the last column is each
   * row's place in it.  CROSS JOIN keeps SQLite's array outside, each
   * plan found by its id. */
  stmt = _vigia_library_prepare (self,
                                 LIBRARY_SQL (self,
                                              SUMMARY_PLAN_COLUMNS ", ids.key"
                                              " FROM json_each (?1) ids CROSS JOIN plan p ON p.id = ids.value",
                                              SUMMARY_PLAN_COLUMNS ", ids.n - 1"
                                              " FROM json_array_elements_text (CAST (?1 AS json))"
                                              " WITH ORDINALITY AS ids (value, n)"
                                              " JOIN plan p ON p.id = CAST (ids.value AS bigint)"),
                                 error);
  if (stmt == NULL)
    return NULL;
  ids = g_string_new ("[");
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", plan_ids[i]);
  g_string_append_c (ids, ']');
  _vigia_library_bind_text (stmt, 1, ids->str);

  texts = g_string_chunk_new (1024);
  rows = g_array_sized_new (FALSE, TRUE, sizeof (SummaryRow), n_ids);
  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      SummaryRow row = { 0, };
      VigiaPlanSummaryFields *fields = &row.fields;

      summary_fields_from_row (stmt, fields);
      row.position = vigia_statement_column_int64 (stmt, 12);
      g_assert (row.position < n_ids);
      fields->uuid = chunk_insert (texts, fields->uuid);
      fields->organization = chunk_insert (texts, fields->organization);
      fields->process = chunk_insert (texts, fields->process);
      fields->department = chunk_insert (texts, fields->department);
      fields->province = chunk_insert (texts, fields->province);
      fields->district = chunk_insert (texts, fields->district);
      fields->ubigeo = chunk_insert (texts, fields->ubigeo);
      fields->changed = chunk_insert (texts, fields->changed);
      g_array_append_val (rows, row);
    }
  g_clear_pointer (&stmt, cached_stmt_reset);
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }

  /* Each plan counted, and assessed as of the current semester within its
   * term; the assessment is kept for the plans with some progress. */
  current = vigia_period_dup_current ();
  found_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  periods = g_ptr_array_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      SummaryRow *row = &g_array_index (rows, SummaryRow, i);
      g_autofree char *clamped = NULL;

      clamped = vigia_term_clamp_period (row->fields.term_start, row->fields.term_end, current);
      g_strlcpy (row->period, clamped != NULL ? clamped : current, sizeof row->period);
      g_array_append_val (found_ids, row->fields.id);
      g_ptr_array_add (periods, row->period);
    }
  rollups = g_new0 (VigiaRollup, found_ids->len);
  counts = g_new0 (PlanCounts, found_ids->len);
  if (found_ids->len > 0 &&
      !_vigia_library_assess_plans_at (self, &g_array_index (found_ids, gint64, 0),
                                       (const char * const *) periods->pdata, found_ids->len,
                                       VIGIA_SOURCE_AUTHORITY, rollups, counts, error))
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      SummaryRow *row = &g_array_index (rows, SummaryRow, i);

      row->fields.n_goals = counts[i].n_goals;
      row->fields.n_goals_with_progress = counts[i].n_goals_with_progress;
      row->fields.n_targets = counts[i].n_targets;
      if (row->fields.n_goals_with_progress > 0)
        {
          row->fields.rollup = &rollups[i];
          row->fields.period = row->period;
        }
      g_ptr_array_index (summaries, row->position) = vigia_plan_summary_new (&row->fields);
    }

  return g_steal_pointer (&summaries);
}

/**
 * vigia_library_load_summary:
 *
 * The summary carries the plan's achievement and its goals by status as the
 * authority reports them, as of the current semester (brought into the
 * plan's term): what an observer scanning the list wants to see.  A page
 * of rows is read at once with vigia_library_load_summaries().
 *
 * Returns: (transfer full): what the list shows of the plan, or %NULL with
 *   %VIGIA_ERROR_NOT_FOUND
 */
VigiaPlanSummary *
vigia_library_load_summary (VigiaLibrary  *self,
                            gint64         plan_id,
                            GError       **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  summaries = vigia_library_load_summaries (self, &plan_id, 1, error);
  if (summaries == NULL)
    return NULL;
  if (g_ptr_array_index (summaries, 0) == NULL)
    {
      _vigia_library_set_no_plan_error (error, plan_id);
      return NULL;
    }
  return g_ptr_array_steal_index (summaries, 0);
}

/**
 * vigia_library_list_summaries:
 * @period: the semester to assess every plan as of, as in
 *   vigia_library_assess_plans()
 * @source: whose figures count
 *
 * Every plan of the library as the list shows it, with its assessment
 * (vigia_plan_summary_get_rollup()), read at once: what the observers'
 * comparison of all plans needs.  Slow for a national library (about a
 * second): call it in a thread, on a connection of its own.
 *
 * Returns: (transfer full) (element-type VigiaPlanSummary): the summaries,
 *   by plan id
 */
GPtrArray *
vigia_library_list_summaries (VigiaLibrary  *self,
                              const char    *period,
                              VigiaSource    source,
                              GError       **error)
{
  g_autoptr(GArray) scores = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  guint next = 0;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (vigia_period_is_valid (period), NULL);

  /* The scores and the plans' rows as of one moment. */
  if (self->depth == 0 && !_vigia_library_begin_read (self, error))
    return NULL;

  scores = _vigia_library_assess_plans_inner (self, period, source, self->depth == 0, error);
  if (scores != NULL)
    stmt = _vigia_library_prepare (self, LIBRARY_SQL (self, SUMMARY_SELECT " ORDER BY p.id", SUMMARY_SELECT_ALL_POSTGRESQL),
                                   error);
  if (stmt != NULL)
    {
      summaries = g_ptr_array_new_full (scores->len, g_object_unref);
      while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
        {
          VigiaPlanSummaryFields fields = { 0, };

          summary_fields_from_full_row (stmt, &fields);
          /* Both in the order of the plans' ids, read in one transaction. */
          if (next < scores->len && g_array_index (scores, VigiaPlanScore, next).plan_id == fields.id)
            {
              const VigiaPlanScore *score = &g_array_index (scores, VigiaPlanScore, next++);

              fields.rollup = &score->rollup;
              fields.period = score->period;
            }
          g_ptr_array_add (summaries, vigia_plan_summary_new (&fields));
        }
      g_clear_pointer (&stmt, cached_stmt_reset);
      if (rc != SQLITE_DONE)
        {
          _vigia_library_set_sqlite_error (self, error, rc);
          g_clear_pointer (&summaries, g_ptr_array_unref);
        }
    }

  if (self->depth == 0)
    _vigia_library_exec (self, summaries != NULL ? "COMMIT" : "ROLLBACK", NULL);

  return g_steal_pointer (&summaries);
}
