/* vigia-library-lists.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JNE's candidate lists kept in the library (table jne_list,
 * docs/data-model.md), so that a plan imported before or after its list is
 * placed either way.  A plan is tied to its lists by the JNE's
 * idPlanGobierno, which its source reference carries
 * (vigia_plan_get_jne_ref()).
 */
#define G_LOG_DOMAIN "vigia-library"

#include "config.h"

#include "vigia-library-private.h"

/* The idPlanGobierno in a plan's source reference, as SQL reads it: SQLite's
 * CAST takes the leading digits of "17190, file.pdf"; PostgreSQL's would
 * refuse the text, so it is given the digits alone. */
#define PLAN_REF_SQL \
  "CAST (substr (p.source_reference, length ('" VIGIA_PLAN_JNE_REFERENCE "') + 1) AS INTEGER)"
#define PLAN_REF_POSTGRESQL \
  "CAST (nullif (substring (substr (p.source_reference, length ('" VIGIA_PLAN_JNE_REFERENCE "') + 1)" \
  " FROM '^[0-9]+'), '') AS bigint)"
#define PLAN_IS_JNE_SQL \
  "p.source_reference LIKE '" VIGIA_PLAN_JNE_REFERENCE "%'"

/* Lists and lists' heads kept. */
static gint64
count_rows (VigiaLibrary  *self,
            GError       **error)
{
  static const char sql[] =
    "SELECT (SELECT count(*) FROM jne_list) + (SELECT count(*) FROM jne_candidate)";
  g_autoptr(CachedStmt) stmt = _vigia_library_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = _vigia_library_step (self, stmt);
  if (rc != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return -1;
    }
  return vigia_statement_column_int64 (stmt, 0);
}

/**
 * vigia_library_add_jne_lists:
 * @lists: (element-type VigiaJneList): rows as vigia_jne_lists_read() gives them
 * @n_new: (out) (optional): how many were not in the library (a row with
 *   no plan_ref is a list's head, from a candidates file)
 *
 * Keeps the rows, a row already there (same plan and expediente) taking
 * the new one's texts where it has them: a plan's own row, which knows no
 * place, never erases the place its list gave.  Part of the caller's
 * transaction, if any.
 */
gboolean
vigia_library_add_jne_lists (VigiaLibrary  *self,
                             GPtrArray     *lists,
                             guint         *n_new,
                             GError       **error)
{
  static const char sql[] =
    "INSERT INTO jne_list (plan_ref, file_number, election, status, organization, ubigeo, region,"
    "    province, district) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (plan_ref, file_number) DO UPDATE SET"
    "   election = coalesce (excluded.election, jne_list.election),"
    "   status = coalesce (excluded.status, jne_list.status),"
    "   organization = coalesce (excluded.organization, jne_list.organization),"
    "   ubigeo = coalesce (excluded.ubigeo, jne_list.ubigeo),"
    "   region = coalesce (excluded.region, jne_list.region),"
    "   province = coalesce (excluded.province, jne_list.province),"
    "   district = coalesce (excluded.district, jne_list.district)";
  static const char candidate_sql[] =
    "INSERT INTO jne_candidate (file_number, name) VALUES (?1, ?2)"
    " ON CONFLICT (file_number) DO UPDATE SET name = excluded.name";
  gint64 before, after;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (lists != NULL, FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;
  /* An upsert does not say whether it inserted: count the rows instead. */
  if ((before = count_rows (self, error)) < 0)
    goto failed;

  for (guint i = 0; i < lists->len; i++)
    {
      const VigiaJneList *list = g_ptr_array_index (lists, i);
      g_autoptr(CachedStmt) stmt = NULL;
      int rc;

      /* A list's head, from a candidates file: known by its expediente. */
      if (list->plan_ref == 0)
        {
          g_autoptr(CachedStmt) candidate = NULL;

          /* The reader gives both; a row without them says nothing. */
          if (list->file_number == NULL || list->authority == NULL)
            continue;
          candidate = _vigia_library_prepare (self, candidate_sql, error);
          if (candidate == NULL)
            goto failed;
          _vigia_library_bind_text (candidate, 1, list->file_number);
          _vigia_library_bind_text (candidate, 2, list->authority);
          if (!_vigia_library_step_done (self, candidate, error))
            goto failed;
          continue;
        }

      stmt = _vigia_library_prepare (self, sql, error);
      if (stmt == NULL)
        goto failed;
      vigia_statement_bind_int64 (stmt, 1, list->plan_ref);
      vigia_statement_bind_text (stmt, 2, list->file_number != NULL ? list->file_number : "");
      _vigia_library_bind_text (stmt, 3, list->election);
      _vigia_library_bind_text (stmt, 4, list->status);
      _vigia_library_bind_text (stmt, 5, list->organization);
      _vigia_library_bind_text (stmt, 6, list->ubigeo);
      _vigia_library_bind_text (stmt, 7, list->region);
      _vigia_library_bind_text (stmt, 8, list->province);
      _vigia_library_bind_text (stmt, 9, list->district);
      rc = _vigia_library_step (self, stmt);
      if (rc != SQLITE_DONE)
        {
          _vigia_library_set_sqlite_error (self, error, rc);
          goto failed;
        }
    }

  if ((after = count_rows (self, error)) < 0)
    goto failed;
  if (!vigia_library_commit (self, error))
    return FALSE;
  if (n_new != NULL)
    *n_new = (guint) (after - before);
  return TRUE;

failed:
  vigia_library_rollback (self);
  return FALSE;
}

/**
 * vigia_library_find_jne_lists:
 * @plan_ref: the JNE's idPlanGobierno
 *
 * Returns: (transfer full) (element-type VigiaJneList): the lists that filed
 *   that plan (a plan may serve two), by expediente; %NULL on error
 */
GPtrArray *
vigia_library_find_jne_lists (VigiaLibrary  *self,
                              gint64         plan_ref,
                              GError       **error)
{
  static const char sql[] =
    "SELECT l.plan_ref, l.file_number, l.election, l.status, l.organization, l.ubigeo, l.region,"
    "   l.province, l.district, c.name"
    " FROM jne_list l LEFT JOIN jne_candidate c ON c.file_number = l.file_number AND l.file_number != ''"
    " WHERE l.plan_ref = ?1 ORDER BY l.file_number, l.id";
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_jne_list_free);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  stmt = _vigia_library_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  vigia_statement_bind_int64 (stmt, 1, plan_ref);
  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      VigiaJneList *list = g_new0 (VigiaJneList, 1);
      const char *file_number = _vigia_library_column_text (stmt, 1);

      list->plan_ref = vigia_statement_column_int64 (stmt, 0);
      list->file_number = file_number != NULL && *file_number != '\0' ? g_strdup (file_number) : NULL;
      list->election = g_strdup (_vigia_library_column_text (stmt, 2));
      list->status = g_strdup (_vigia_library_column_text (stmt, 3));
      list->organization = g_strdup (_vigia_library_column_text (stmt, 4));
      list->ubigeo = g_strdup (_vigia_library_column_text (stmt, 5));
      list->region = g_strdup (_vigia_library_column_text (stmt, 6));
      list->province = g_strdup (_vigia_library_column_text (stmt, 7));
      list->district = g_strdup (_vigia_library_column_text (stmt, 8));
      list->authority = g_strdup (_vigia_library_column_text (stmt, 9));
      g_ptr_array_add (lists, list);
    }
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&lists);
}

/**
 * vigia_library_list_unplaced_jne_plans:
 *
 * Returns: (transfer full) (element-type gint64): the plans read from the
 *   JNE's data that a list in the library can complete: those without a
 *   place (and not national) that have a list, and those without an
 *   authority whose list's head is known; %NULL on error
 */
GArray *
vigia_library_list_unplaced_jne_plans (VigiaLibrary  *self,
                                       GError       **error)
{
#define UNPLACED_SQL(plan_ref) \
    "SELECT p.id FROM plan p WHERE " PLAN_IS_JNE_SQL \
    " AND ((coalesce (p.department, '') = '' AND p.election != 'general'" \
    "       AND EXISTS (SELECT 1 FROM jne_list l WHERE l.plan_ref = " plan_ref "))" \
    "   OR (coalesce (p.authority_name, '') = ''" \
    "       AND EXISTS (SELECT 1 FROM jne_list l JOIN jne_candidate c ON c.file_number = l.file_number" \
    "                   WHERE l.plan_ref = " plan_ref ")))" \
    " ORDER BY p.id"
  static const char sql_sqlite[] = UNPLACED_SQL (PLAN_REF_SQL);
  static const char sql_postgresql[] = UNPLACED_SQL (PLAN_REF_POSTGRESQL);
#undef UNPLACED_SQL
  const char *sql = LIBRARY_SQL (self, sql_sqlite, sql_postgresql);
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  stmt = _vigia_library_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  return _vigia_library_collect_ids (self, stmt, error);
}

/**
 * vigia_library_count_jne_lists:
 * @without_plan: (out) (optional): how many name a plan not in the library
 *
 * Returns: the lists kept, or -1 on error
 */
gint64
vigia_library_count_jne_lists (VigiaLibrary  *self,
                               gint64        *without_plan,
                               GError       **error)
{
#define COUNT_SQL(plan_ref) \
    "SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM plan p WHERE " PLAN_IS_JNE_SQL \
    "   AND " plan_ref " = l.plan_ref))" \
    " FROM jne_list l"
  static const char sql_sqlite[] = COUNT_SQL (PLAN_REF_SQL);
  static const char sql_postgresql[] = COUNT_SQL (PLAN_REF_POSTGRESQL);
#undef COUNT_SQL
  const char *sql = LIBRARY_SQL (self, sql_sqlite, sql_postgresql);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), -1);

  stmt = _vigia_library_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;
  rc = _vigia_library_step (self, stmt);
  if (rc != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return -1;
    }
  if (without_plan != NULL)
    *without_plan = vigia_statement_column_int64 (stmt, 1);
  return vigia_statement_column_int64 (stmt, 0);
}
