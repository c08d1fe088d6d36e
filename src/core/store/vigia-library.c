/* vigia-library.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One VigiaLibrary is one connection to one SQLite file, used from one
 * thread: work in another thread opens its own VigiaLibrary on the same file
 * (WAL lets readers and one writer share it).  Every write runs in a
 * transaction, records what it changed in the history table, and keeps the
 * in-memory objects it was given in step with the rows only once it has
 * succeeded.
 */
#define G_LOG_DOMAIN "vigia-library"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-json-writer.h"
#include "vigia-library.h"
#include "vigia-schema.h"
#include "vigia-utils.h"

#define BUSY_TIMEOUT_MS 5000

struct _VigiaLibrary
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  gboolean    read_only;

  /* Prepared statements by the address of their (static) SQL text. */
  GHashTable *statements;

  /* Nesting of vigia_library_begin(): 0 outside a transaction. */
  guint       depth;
  /* Plans written in the current transaction, announced on commit. */
  GArray     *touched;
  /* Plans whose row of the search index is to be rebuilt at commit
   * (PendingSearch): FTS5 writes several times faster outside savepoints. */
  GArray     *pending_search;
};

typedef struct
{
  gint64 plan_id;
  /* The transaction depth that queued it, so that a rollback of that level
   * forgets it. */
  guint  depth;
} PendingSearch;

G_DEFINE_FINAL_TYPE (VigiaLibrary, vigia_library, G_TYPE_OBJECT)

enum {
  PLANS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean assess_plan (VigiaLibrary  *self,
                             gint64         plan_id,
                             const char    *period,
                             VigiaSource    source,
                             VigiaRollup   *rollup,
                             GError       **error);

/* A cached statement is reset, not finalized, when it goes out of scope, so
 * that no read transaction stays open behind the caller's back. */
typedef sqlite3_stmt CachedStmt;

static void
cached_stmt_reset (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_reset)

/* Columns read by plan_from_row(), in order. */
#define PLAN_COLUMNS \
  "id, uuid, organization, election, process, department, province, district, ubigeo," \
  " term_start, term_end, ideario, vision, accountability, authority_name, authority_elected," \
  " source_format, source_reference, source_imported, source_digest, created, changed"

/* Columns read by goal_from_row(), in order. */
#define GOAL_COLUMNS \
  "g.id, g.uuid, g.number, g.problem, g.objective, g.indicator, g.target_text, g.target_value," \
  " g.target_unit, g.target_measure, g.target_direction, g.target_reading, g.baseline_value," \
  " g.baseline_year, g.weight"

/* Columns read by progress_from_row(), in order. */
#define PROGRESS_COLUMNS \
  "pr.id, pr.period, pr.source, pr.value, pr.status, pr.note, pr.evidence, pr.recorded"

/* Properties compared to write the history of an update. */
static const char * const plan_history_fields[] = {
  "organization", "election", "process", "department", "province", "district", "ubigeo",
  "term-start", "term-end", "ideario", "vision", "accountability", "authority-name",
  "authority-elected", "source-format", "source-reference", NULL
};
static const char * const goal_history_fields[] = {
  "number", "problem", "objective", "indicator", "target-text", "target-value", "target-unit",
  "target-measure", "target-direction", "target-reading", "baseline-value", "baseline-year",
  "weight", NULL
};
static const char * const progress_history_fields[] = {
  "value", "status", "note", "evidence", "recorded", NULL
};
static const char * const dimension_history_fields[] = {
  "kind", "title", NULL
};

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */
/* ---------------------------------------------------------------------- */

static gboolean
set_sqlite_error (VigiaLibrary  *self,
                  GError       **error,
                  int            rc)
{
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_BUSY,
                   _("The library “%s” is busy: another program is writing to it. Try again in a moment."),
                   self->path);
      break;
    case SQLITE_READONLY:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY,
                   _("The library “%s” is read-only: changes cannot be saved."), self->path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_CORRUPT,
                   _("The library “%s” is damaged (%s). Restore it from a backup."),
                   self->path, message);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY,
                   _("“%s” is not a Vigía library: it is not an SQLite database."), self->path);
      break;
    case SQLITE_FULL:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                   _("The disk holding the library “%s” is full."), self->path);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("The change does not fit the library “%s”: %s."), self->path, message);
      break;
    default:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                   _("The library “%s” could not be used: %s."), self->path, message);
      break;
    }

  return FALSE;
}

static gboolean
set_read_only_error (VigiaLibrary  *self,
                     GError       **error)
{
  g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY,
               _("The library “%s” is open read-only: changes cannot be saved."), self->path);
  return FALSE;
}

static void
set_no_plan_error (GError **error,
                   gint64   plan_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

  g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
               _("There is no plan %s in the library."), id);
}

/* ---------------------------------------------------------------------- */
/* Statements, bindings and columns                                       */
/* ---------------------------------------------------------------------- */

static sqlite3_stmt *
prepare (VigiaLibrary  *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, sqlite3_errcode (self->db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (VigiaLibrary  *self,
      const char    *sql,
      GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, sqlite3_extended_errcode (self->db));
  return TRUE;
}

/* For the statements of every transaction (BEGIN, SAVEPOINT, RELEASE): one
 * import of many plans runs thousands of them, parsed once. */
static gboolean
exec_cached (VigiaLibrary  *self,
             const char    *sql,
             GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, sqlite3_extended_errcode (self->db));
  return TRUE;
}

static gboolean
step_done (VigiaLibrary  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, error, rc);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (VIGIA_HAS_VALUE (value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* For years and other counts where 0 means "not known". */
static void
bind_positive (sqlite3_stmt *stmt,
               int           index,
               gint64        value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_enum (sqlite3_stmt *stmt,
           int           index,
           GType         type,
           int           value)
{
  bind_text (stmt, index, vigia_enum_to_nick (type, value));
}

static void
bind_strv (sqlite3_stmt       *stmt,
           int                 index,
           const char * const *strv)
{
  g_autofree char *joined = NULL;

  if (strv == NULL || strv[0] == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  joined = g_strjoinv ("\n", (char **) strv);
  bind_text (stmt, index, joined);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static double
column_double (sqlite3_stmt *stmt,
               int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return VIGIA_NO_VALUE;
  return sqlite3_column_double (stmt, index);
}

static int
column_enum (sqlite3_stmt *stmt,
             int           index,
             GType         type,
             int           fallback)
{
  int value = fallback;

  vigia_enum_from_nick (type, column_text (stmt, index), &value);
  return value;
}

static GStrv
column_strv (sqlite3_stmt *stmt,
             int           index)
{
  const char *text = column_text (stmt, index);

  if (text == NULL || *text == '\0')
    return NULL;
  return g_strsplit (text, "\n", -1);
}

/* ---------------------------------------------------------------------- */
/* Rows to objects                                                        */
/* ---------------------------------------------------------------------- */

static VigiaPlan *
plan_from_row (sqlite3_stmt *stmt)
{
  VigiaPlan *plan = vigia_plan_new ();

  vigia_plan_set_id (plan, sqlite3_column_int64 (stmt, 0));
  vigia_plan_set_uuid (plan, column_text (stmt, 1));
  vigia_plan_set_organization (plan, column_text (stmt, 2));
  vigia_plan_set_election (plan, column_enum (stmt, 3, VIGIA_TYPE_ELECTION,
                                              VIGIA_ELECTION_MUNICIPAL_DISTRICT));
  vigia_plan_set_process (plan, column_text (stmt, 4));
  vigia_plan_set_department (plan, column_text (stmt, 5));
  vigia_plan_set_province (plan, column_text (stmt, 6));
  vigia_plan_set_district (plan, column_text (stmt, 7));
  vigia_plan_set_ubigeo (plan, column_text (stmt, 8));
  vigia_plan_set_term_start (plan, sqlite3_column_int (stmt, 9));
  vigia_plan_set_term_end (plan, sqlite3_column_int (stmt, 10));
  vigia_plan_set_ideario (plan, column_text (stmt, 11));
  vigia_plan_set_vision (plan, column_text (stmt, 12));
  vigia_plan_set_accountability (plan, column_text (stmt, 13));
  vigia_plan_set_authority_name (plan, column_text (stmt, 14));
  vigia_plan_set_authority_elected (plan, sqlite3_column_int (stmt, 15));
  vigia_plan_set_source_format (plan, column_text (stmt, 16));
  vigia_plan_set_source_reference (plan, column_text (stmt, 17));
  vigia_plan_set_source_imported (plan, column_text (stmt, 18));
  vigia_plan_set_source_digest (plan, column_text (stmt, 19));
  vigia_plan_set_created (plan, column_text (stmt, 20));
  vigia_plan_set_changed (plan, column_text (stmt, 21));

  return plan;
}

/* Reads GOAL_COLUMNS starting at column @first. */
static VigiaGoal *
goal_from_row (sqlite3_stmt *stmt,
               int           first)
{
  VigiaGoal *goal = vigia_goal_new ();

  vigia_goal_set_id (goal, sqlite3_column_int64 (stmt, first + 0));
  vigia_goal_set_uuid (goal, column_text (stmt, first + 1));
  vigia_goal_set_number (goal, sqlite3_column_int (stmt, first + 2));
  vigia_goal_set_problem (goal, column_text (stmt, first + 3));
  vigia_goal_set_objective (goal, column_text (stmt, first + 4));
  vigia_goal_set_indicator (goal, column_text (stmt, first + 5));
  vigia_goal_set_target_text (goal, column_text (stmt, first + 6));
  vigia_goal_set_target_value (goal, column_double (stmt, first + 7));
  vigia_goal_set_target_unit (goal, column_text (stmt, first + 8));
  vigia_goal_set_target_measure (goal, column_enum (stmt, first + 9, VIGIA_TYPE_MEASURE,
                                                    VIGIA_MEASURE_QUALITATIVE));
  vigia_goal_set_target_direction (goal, column_enum (stmt, first + 10, VIGIA_TYPE_DIRECTION,
                                                      VIGIA_DIRECTION_UP));
  vigia_goal_set_target_reading (goal, column_enum (stmt, first + 11, VIGIA_TYPE_READING,
                                                    VIGIA_READING_NEEDS_REVIEW));
  vigia_goal_set_baseline_value (goal, column_double (stmt, first + 12));
  vigia_goal_set_baseline_year (goal, sqlite3_column_int (stmt, first + 13));
  vigia_goal_set_weight (goal, sqlite3_column_double (stmt, first + 14));

  return goal;
}

/* Reads PROGRESS_COLUMNS starting at column @first. */
static VigiaProgress *
progress_from_row (sqlite3_stmt *stmt,
                   int           first)
{
  VigiaProgress *progress;
  g_auto(GStrv) evidence = column_strv (stmt, first + 6);

  progress = vigia_progress_new (column_text (stmt, first + 1),
                                 column_enum (stmt, first + 2, VIGIA_TYPE_SOURCE,
                                              VIGIA_SOURCE_AUTHORITY));
  vigia_progress_set_id (progress, sqlite3_column_int64 (stmt, first + 0));
  vigia_progress_set_value (progress, column_double (stmt, first + 3));
  vigia_progress_set_status (progress, column_enum (stmt, first + 4, VIGIA_TYPE_STATUS,
                                                    VIGIA_STATUS_NOT_RATED));
  vigia_progress_set_note (progress, column_text (stmt, first + 5));
  vigia_progress_set_evidence (progress, (const char * const *) evidence);
  vigia_progress_set_recorded (progress, column_text (stmt, first + 7));

  return progress;
}

/* ---------------------------------------------------------------------- */
/* History                                                                */
/* ---------------------------------------------------------------------- */

/* The text a property's value is recorded as: what a person can read back. */
static char *
value_to_text (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      return strv != NULL && strv[0] != NULL ? g_strjoinv ("\n", (char **) strv) : NULL;
    }
  if (type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double d = g_value_get_double (value);

      return VIGIA_HAS_VALUE (d) ? g_strdup (g_ascii_dtostr (buf, sizeof buf, d)) : NULL;
    }
  if (type == G_TYPE_INT)
    return g_value_get_int (value) != 0 ? g_strdup_printf ("%d", g_value_get_int (value)) : NULL;
  if (type == G_TYPE_UINT)
    return g_strdup_printf ("%u", g_value_get_uint (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_TYPE_IS_ENUM (type))
    return g_strdup (vigia_enum_to_nick (type, g_value_get_enum (value)));

  g_return_val_if_reached (NULL);
}

static gboolean
insert_history (VigiaLibrary  *self,
                const char    *now,
                const char    *plan_uuid,
                const char    *goal_uuid,
                const char    *entity,
                const char    *action,
                const char    *scope,
                const char    *field,
                const char    *old_value,
                const char    *new_value,
                GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO history (changed, plan_uuid, goal_uuid, entity, action, scope,"
                  " field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, now);
  bind_text (stmt, 2, plan_uuid);
  bind_text (stmt, 3, goal_uuid);
  bind_text (stmt, 4, entity);
  bind_text (stmt, 5, action);
  bind_text (stmt, 6, scope);
  bind_text (stmt, 7, field);
  bind_text (stmt, 8, old_value);
  bind_text (stmt, 9, new_value);

  return step_done (self, stmt, error);
}

/* Records one history row per property that differs between @old_object and
 * @new_object; *@n_changed says how many did. */
static gboolean
insert_history_diff (VigiaLibrary        *self,
                     const char          *now,
                     const char          *plan_uuid,
                     const char          *goal_uuid,
                     const char          *entity,
                     const char          *scope,
                     GObject             *old_object,
                     GObject             *new_object,
                     const char * const  *fields,
                     guint               *n_changed,
                     GError             **error)
{
  *n_changed = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      g_object_get_property (old_object, fields[i], &old_value);
      g_object_get_property (new_object, fields[i], &new_value);
      old_text = value_to_text (&old_value);
      new_text = value_to_text (&new_value);

      if (g_strcmp0 (old_text, new_text) == 0)
        continue;

      (*n_changed)++;
      if (!insert_history (self, now, plan_uuid, goal_uuid, entity, "update", scope,
                           fields[i], old_text, new_text, error))
        return FALSE;
    }

  return TRUE;
}

static void
history_entry_from_row (sqlite3_stmt       *stmt,
                        VigiaHistoryEntry  *entry)
{
  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->changed = g_strdup (column_text (stmt, 1));
  entry->plan_uuid = g_strdup (column_text (stmt, 2));
  entry->goal_uuid = g_strdup (column_text (stmt, 3));
  entry->entity = g_strdup (column_text (stmt, 4));
  entry->action = g_strdup (column_text (stmt, 5));
  entry->scope = g_strdup (column_text (stmt, 6));
  entry->field = g_strdup (column_text (stmt, 7));
  entry->old_value = g_strdup (column_text (stmt, 8));
  entry->new_value = g_strdup (column_text (stmt, 9));
}

void
vigia_history_entry_free (VigiaHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->changed);
  g_free (entry->plan_uuid);
  g_free (entry->goal_uuid);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->scope);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

/* ---------------------------------------------------------------------- */
/* Helpers of writes                                                      */
/* ---------------------------------------------------------------------- */

static void
touch (VigiaLibrary *self,
       gint64        plan_id)
{
  for (guint i = 0; i < self->touched->len; i++)
    if (g_array_index (self->touched, gint64, i) == plan_id)
      return;
  g_array_append_val (self->touched, plan_id);
}

/* Rebuilds the plan's search row when the transaction commits: a whole
 * import of many plans then indexes them all at once, outside the
 * savepoints of their files. */
static gboolean
queue_search_row (VigiaLibrary  *self,
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
static gboolean
flush_search_rows (VigiaLibrary  *self,
                   GError       **error)
{
  g_autoptr(CachedStmt) queue = NULL;

  if (self->pending_search->len == 0)
    return TRUE;

  /* In the transaction: a rollback takes the table back too. */
  if (!exec_cached (self, "CREATE TEMP TABLE IF NOT EXISTS search_queue (id INTEGER PRIMARY KEY)", error))
    return FALSE;

  queue = prepare (self, "INSERT OR IGNORE INTO temp.search_queue (id) VALUES (?1)", error);
  if (queue == NULL)
    return FALSE;
  for (guint i = 0; i < self->pending_search->len; i++)
    {
      sqlite3_bind_int64 (queue, 1, g_array_index (self->pending_search, PendingSearch, i).plan_id);
      if (!step_done (self, queue, error))
        return FALSE;
      sqlite3_reset (queue);
    }

  if (!exec_cached (self, "DELETE FROM plan_search WHERE rowid IN (SELECT id FROM temp.search_queue)", error) ||
      !exec_cached (self,
                  "INSERT INTO plan_search (rowid, organization, place, texts, goals)"
                  " SELECT p.id, p.organization,"
                  "  coalesce (p.department, '') || ' ' || coalesce (p.province, '') || ' ' ||"
                  "  coalesce (p.district, '') || ' ' || coalesce (p.ubigeo, ''),"
                  "  coalesce (p.ideario, '') || ' ' || coalesce (p.vision, ''),"
                  "  (SELECT group_concat (coalesce (g.problem, '') || ' ' || coalesce (g.objective, '')"
                  "     || ' ' || coalesce (g.indicator, '') || ' ' || coalesce (g.target_text, ''), ' ')"
                  "   FROM goal g JOIN dimension d ON d.id = g.dimension_id WHERE d.plan_id = p.id)"
                  " FROM temp.search_queue q JOIN plan p ON p.id = q.id",
                  error) ||
      !exec_cached (self, "DELETE FROM temp.search_queue", error))
    return FALSE;

  g_array_set_size (self->pending_search, 0);
  return TRUE;
}

/* Marks the plan as changed now, in the row and in memory. */
static gboolean
stamp_plan (VigiaLibrary  *self,
            VigiaPlan     *plan,
            const char    *now,
            GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = prepare (self, "UPDATE plan SET changed = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vigia_plan_get_id (plan));
  bind_text (stmt, 2, now);
  if (!step_done (self, stmt, error))
    return FALSE;

  touch (self, vigia_plan_get_id (plan));
  return TRUE;
}

static void
bind_plan_fields (sqlite3_stmt *stmt,
                  VigiaPlan    *plan)
{
  /* Parameters 2 to 20, in the order of the INSERT and UPDATE below. */
  bind_text (stmt, 2, vigia_plan_get_organization (plan) ? vigia_plan_get_organization (plan) : "");
  bind_enum (stmt, 3, VIGIA_TYPE_ELECTION, vigia_plan_get_election (plan));
  bind_text (stmt, 4, vigia_plan_get_process (plan));
  bind_text (stmt, 5, vigia_plan_get_department (plan));
  bind_text (stmt, 6, vigia_plan_get_province (plan));
  bind_text (stmt, 7, vigia_plan_get_district (plan));
  bind_text (stmt, 8, vigia_plan_get_ubigeo (plan));
  bind_positive (stmt, 9, vigia_plan_get_term_start (plan));
  bind_positive (stmt, 10, vigia_plan_get_term_end (plan));
  bind_text (stmt, 11, vigia_plan_get_ideario (plan));
  bind_text (stmt, 12, vigia_plan_get_vision (plan));
  bind_text (stmt, 13, vigia_plan_get_accountability (plan));
  bind_text (stmt, 14, vigia_plan_get_authority_name (plan));
  sqlite3_bind_int (stmt, 15, vigia_plan_get_authority_elected (plan));
  bind_text (stmt, 16, vigia_plan_get_source_format (plan));
  bind_text (stmt, 17, vigia_plan_get_source_reference (plan));
  bind_text (stmt, 18, vigia_plan_get_source_imported (plan));
  bind_text (stmt, 19, vigia_plan_get_source_digest (plan));
  bind_text (stmt, 20, vigia_plan_get_changed (plan));
}

static void
bind_goal_fields (sqlite3_stmt *stmt,
                  VigiaGoal    *goal)
{
  /* Parameters 3 to 16, in the order of the INSERT and UPDATE below. */
  sqlite3_bind_int64 (stmt, 3, vigia_goal_get_number (goal));
  bind_text (stmt, 4, vigia_goal_get_problem (goal));
  bind_text (stmt, 5, vigia_goal_get_objective (goal));
  bind_text (stmt, 6, vigia_goal_get_indicator (goal));
  bind_text (stmt, 7, vigia_goal_get_target_text (goal));
  bind_double (stmt, 8, vigia_goal_get_target_value (goal));
  bind_text (stmt, 9, vigia_goal_get_target_unit (goal));
  bind_enum (stmt, 10, VIGIA_TYPE_MEASURE, vigia_goal_get_target_measure (goal));
  bind_enum (stmt, 11, VIGIA_TYPE_DIRECTION, vigia_goal_get_target_direction (goal));
  bind_enum (stmt, 12, VIGIA_TYPE_READING, vigia_goal_get_target_reading (goal));
  bind_double (stmt, 13, vigia_goal_get_baseline_value (goal));
  bind_positive (stmt, 14, vigia_goal_get_baseline_year (goal));
  sqlite3_bind_double (stmt, 15, vigia_goal_get_weight (goal));
}

static gboolean
insert_progress_row (VigiaLibrary   *self,
                     gint64          goal_id,
                     VigiaProgress  *progress,
                     const char     *now,
                     GError        **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO progress (goal_id, period, source, value, status, note, evidence,"
                  " recorded) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                  error);
  if (stmt == NULL)
    return FALSE;

  if (vigia_progress_get_recorded (progress) == NULL)
    vigia_progress_set_recorded (progress, now);

  sqlite3_bind_int64 (stmt, 1, goal_id);
  bind_text (stmt, 2, vigia_progress_get_period (progress));
  bind_enum (stmt, 3, VIGIA_TYPE_SOURCE, vigia_progress_get_source (progress));
  bind_double (stmt, 4, vigia_progress_get_value (progress));
  bind_enum (stmt, 5, VIGIA_TYPE_STATUS, vigia_progress_get_status (progress));
  bind_text (stmt, 6, vigia_progress_get_note (progress));
  bind_strv (stmt, 7, vigia_progress_get_evidence (progress));
  bind_text (stmt, 8, vigia_progress_get_recorded (progress));
  if (!step_done (self, stmt, error))
    return FALSE;

  vigia_progress_set_id (progress, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

/* Inserts the goal row at @position and its progress; does not renumber. */
static gboolean
insert_goal_row (VigiaLibrary  *self,
                 gint64         dimension_id,
                 guint          position,
                 VigiaGoal     *goal,
                 const char    *now,
                 GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  GListModel *progress;
  guint n;
  gint64 goal_id;

  if (vigia_goal_get_uuid (goal) == NULL)
    {
      g_autofree char *uuid = vigia_uuid_new ();

      vigia_goal_set_uuid (goal, uuid);
    }

  stmt = prepare (self,
                  "INSERT INTO goal (dimension_id, uuid, number, problem, objective, indicator,"
                  " target_text, target_value, target_unit, target_measure, target_direction,"
                  " target_reading, baseline_value, baseline_year, weight, position)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, dimension_id);
  bind_text (stmt, 2, vigia_goal_get_uuid (goal));
  bind_goal_fields (stmt, goal);
  sqlite3_bind_int (stmt, 16, position);
  if (!step_done (self, stmt, error))
    return FALSE;

  goal_id = sqlite3_last_insert_rowid (self->db);
  vigia_goal_set_id (goal, goal_id);

  progress = vigia_goal_get_progress (goal);
  n = g_list_model_get_n_items (progress);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, i);

      if (!insert_progress_row (self, goal_id, entry, now, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_dimension_row (VigiaLibrary    *self,
                      gint64           plan_id,
                      guint            position,
                      VigiaDimension  *dimension,
                      const char      *now,
                      GError         **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gint64 dimension_id;
  guint n;

  stmt = prepare (self,
                  "INSERT INTO dimension (plan_id, position, kind, title) VALUES (?1, ?2, ?3, ?4)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, position);
  bind_enum (stmt, 3, VIGIA_TYPE_DIMENSION_KIND, vigia_dimension_get_kind (dimension));
  bind_text (stmt, 4, vigia_dimension_get_title (dimension));
  if (!step_done (self, stmt, error))
    return FALSE;

  dimension_id = sqlite3_last_insert_rowid (self->db);
  vigia_dimension_set_id (dimension, dimension_id);

  n = vigia_dimension_get_n_goals (dimension);
  for (guint i = 0; i < n; i++)
    if (!insert_goal_row (self, dimension_id, i, vigia_dimension_get_goal (dimension, i), now, error))
      return FALSE;

  return TRUE;
}

/* Inserts the dimensions, goals and progress of @plan under @plan_id. */
static gboolean
insert_plan_contents (VigiaLibrary  *self,
                      gint64         plan_id,
                      VigiaPlan     *plan,
                      const char    *now,
                      GError       **error)
{
  guint n = vigia_plan_get_n_dimensions (plan);

  for (guint i = 0; i < n; i++)
    if (!insert_dimension_row (self, plan_id, i, vigia_plan_get_dimension (plan, i), now, error))
      return FALSE;
  return TRUE;
}

/* Writes position (and the number shown, position + 1) of each goal in
 * @goals, the order the dimension is to have. */
static gboolean
write_goal_order (VigiaLibrary  *self,
                  VigiaPlan     *plan,
                  GPtrArray     *goals,
                  const char    *now,
                  GError       **error)
{
  for (guint i = 0; i < goals->len; i++)
    {
      VigiaGoal *goal = g_ptr_array_index (goals, i);
      g_autoptr(CachedStmt) stmt = NULL;

      stmt = prepare (self, "UPDATE goal SET position = ?2, number = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, vigia_goal_get_id (goal));
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, i + 1);
      if (!step_done (self, stmt, error))
        return FALSE;

      if (vigia_goal_get_number (goal) != i + 1)
        {
          g_autofree char *old_number = g_strdup_printf ("%u", vigia_goal_get_number (goal));
          g_autofree char *new_number = g_strdup_printf ("%u", i + 1);

          if (!insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                               "goal", "update", NULL, "number", old_number, new_number, error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
apply_goal_numbers (GPtrArray *goals)
{
  for (guint i = 0; i < goals->len; i++)
    vigia_goal_set_number (g_ptr_array_index (goals, i), i + 1);
}

static GPtrArray *
dup_goal_order (VigiaDimension *dimension)
{
  GPtrArray *goals = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = vigia_dimension_get_n_goals (dimension);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (goals, g_object_ref (vigia_dimension_get_goal (dimension, i)));
  return goals;
}

static gboolean
write_dimension_order (VigiaLibrary  *self,
                       GPtrArray     *dimensions,
                       GError       **error)
{
  for (guint i = 0; i < dimensions->len; i++)
    {
      g_autoptr(CachedStmt) stmt = NULL;

      stmt = prepare (self, "UPDATE dimension SET position = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, vigia_dimension_get_id (g_ptr_array_index (dimensions, i)));
      sqlite3_bind_int (stmt, 2, i);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static GPtrArray *
dup_dimension_order (VigiaPlan *plan)
{
  GPtrArray *dims = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = vigia_plan_get_n_dimensions (plan);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (dims, g_object_ref (vigia_plan_get_dimension (plan, i)));
  return dims;
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                */
/* ---------------------------------------------------------------------- */

static gboolean
query_int (VigiaLibrary  *self,
           const char    *sql,
           int           *result,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *result = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    rc = sqlite3_extended_errcode (self->db);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, error, rc);
  return TRUE;
}

static gboolean
migrate (VigiaLibrary  *self,
         int            from_version,
         GError       **error)
{
  for (int version = from_version + 1; version <= VIGIA_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = NULL;

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* A constant from the schema table and a number: no outside text. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     version, VIGIA_APPLICATION_ID);
      if (!exec (self, vigia_schema_get_migration (version), error) ||
          !exec (self, set_version, error))
        {
          exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("The library could not be upgraded to version %d: "), version);
          return FALSE;
        }

      if (!exec (self, "COMMIT", error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads the file's header and schema without writing anything, and says
 * whether this build can use it. */
static gboolean
check_library (VigiaLibrary  *self,
               int           *version,
               GError       **error)
{
  int application_id = 0;
  int n_tables = 0;

  if (!query_int (self, "PRAGMA user_version", version, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (application_id != VIGIA_APPLICATION_ID && n_tables > 0)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY,
                   _("“%s” is an SQLite database of another program, not a Vigía library."),
                   self->path);
      return FALSE;
    }

  if (*version > VIGIA_SCHEMA_VERSION)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NEWER_SCHEMA,
                   _("The library “%s” was written by a newer version of Vigía (library version %d; "
                     "this version reads up to %d). Update Vigía to open it; the file was not changed."),
                   self->path, *version, VIGIA_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_connection (VigiaLibrary  *self,
                 gboolean       create,
                 GError       **error)
{
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  int rc;

  flags |= self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create)
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

static gboolean
vigia_library_open_file (VigiaLibrary           *self,
                         VigiaLibraryOpenFlags   flags,
                         GError                **error)
{
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  int version = 0;

  if (exists && g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY,
                   _("“%s” is a folder, not a Vigía library."), self->path);
      return FALSE;
    }

  if (!exists && (flags & (VIGIA_LIBRARY_OPEN_EXISTING | VIGIA_LIBRARY_OPEN_READ_ONLY)) != 0)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
                   _("The library “%s” does not exist."), self->path);
      return FALSE;
    }

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The folder “%s” for the library could not be created: %s"),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  /* A file we may not write opens read-only rather than failing later. */
  self->read_only = (flags & VIGIA_LIBRARY_OPEN_READ_ONLY) != 0 ||
                    (exists && g_access (self->path, W_OK) != 0);

  if (!open_connection (self, !exists, error))
    return FALSE;

  if (!check_library (self, &version, error))
    return FALSE;

  if (self->read_only)
    {
      if (version < VIGIA_SCHEMA_VERSION)
        {
          g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY,
                       _("The library “%s” is from an older version of Vigía and must be upgraded, "
                         "but it is read-only."), self->path);
          return FALSE;
        }
      /* Read-only connections mostly scan (a comparison of every plan in a
       * thread, an export): SQLite's own 2 MB of cache is enough for that,
       * and keeps them from adding to the application's memory. */
      return exec (self, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON; PRAGMA cache_size = -2048;",
                   error);
    }

  /* Only now, with a file known to be ours and of a version we read, write to it. */
  if (!exec (self,
             "PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = NORMAL;"
             "PRAGMA foreign_keys = ON;"
             /* 8 MB of page cache (the default is 2 MB): with uuids that grow
              * in time the indexes are written at their end, so more would
              * not speed an import up (measured up to 64 MB) and would only
              * add to the application's memory. */
             "PRAGMA cache_size = -8192;"
             "PRAGMA temp_store = MEMORY;",
             error))
    return FALSE;

  return migrate (self, version, error);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
vigia_library_finalize (GObject *object)
{
  VigiaLibrary *self = (VigiaLibrary *)object;

  if (self->depth > 0 && self->db != NULL)
    {
      g_warning ("Library %s finalized inside a transaction: rolling back", self->path);
      exec (self, "ROLLBACK", NULL);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->touched, g_array_unref);
  g_clear_pointer (&self->pending_search, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (vigia_library_parent_class)->finalize (object);
}

static void
vigia_library_class_init (VigiaLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_library_finalize;

  /**
   * VigiaLibrary::plans-changed:
   * @ids: (element-type gint64): the plans added, changed or deleted
   *
   * Emitted after a transaction that wrote to plans has been committed.
   */
  signals[PLANS_CHANGED] = g_signal_new ("plans-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_ARRAY);
}

static void
vigia_library_init (VigiaLibrary *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_search = g_array_new (FALSE, FALSE, sizeof (PendingSearch));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */
/* ---------------------------------------------------------------------- */

/**
 * vigia_library_dup_default_path:
 *
 * Returns: (transfer full): `$VIGIA_LIBRARY` if set, otherwise
 *   `$XDG_DATA_HOME/vigia/library.sqlite`
 */
char *
vigia_library_dup_default_path (void)
{
  const char *env = g_getenv ("VIGIA_LIBRARY");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "vigia", "library.sqlite", NULL);
}

/**
 * vigia_library_open:
 * @path: the library file; created with the current schema if it does not exist
 *
 * Opens a library.  A file that is not a library, is damaged, or was
 * written by a newer Vigía is refused with a #VIGIA_ERROR and left as it was.
 * A file that cannot be written opens read-only.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
VigiaLibrary *
vigia_library_open (const char             *path,
                    VigiaLibraryOpenFlags   flags,
                    GError                **error)
{
  g_autoptr(VigiaLibrary) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VIGIA_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);

  if (!vigia_library_open_file (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
vigia_library_get_path (VigiaLibrary *self)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);
  return self->path;
}

gboolean
vigia_library_is_read_only (VigiaLibrary *self)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), TRUE);
  return self->read_only;
}

/**
 * vigia_library_begin:
 *
 * Starts a transaction, or a nested one inside the current transaction:
 * everything written until the matching vigia_library_commit() is kept, or
 * nothing if vigia_library_rollback() is called instead.
 */
gboolean
vigia_library_begin (VigiaLibrary  *self,
                     GError       **error)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);

  if (self->read_only)
    return set_read_only_error (self, error);

  /* IMMEDIATE takes the write lock now, so that a busy library is found
   * before any work is done rather than at commit. */
  if (!exec_cached (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
vigia_library_commit (VigiaLibrary  *self,
                      GError       **error)
{
  g_autoptr(GArray) touched = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      if (!exec_cached (self, "RELEASE nested", error))
        {
          vigia_library_rollback (self);
          return FALSE;
        }
      /* What this level queued now belongs to the level around it. */
      for (guint i = 0; i < self->pending_search->len; i++)
        {
          PendingSearch *queued = &g_array_index (self->pending_search, PendingSearch, i);

          queued->depth = MIN (queued->depth, self->depth - 1);
        }
      self->depth--;
      return TRUE;
    }

  if (!flush_search_rows (self, error) ||
      !exec_cached (self, "COMMIT", error))
    {
      vigia_library_rollback (self);
      return FALSE;
    }
  self->depth = 0;

  if (self->touched->len == 0)
    return TRUE;

  touched = g_steal_pointer (&self->touched);
  self->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_emit (self, signals[PLANS_CHANGED], 0, touched);

  return TRUE;
}

void
vigia_library_rollback (VigiaLibrary *self)
{
  g_return_if_fail (VIGIA_IS_LIBRARY (self));
  g_return_if_fail (self->depth > 0);

  /* Forget the search rows the undone writes asked for. */
  for (guint i = self->pending_search->len; i > 0; i--)
    if (g_array_index (self->pending_search, PendingSearch, i - 1).depth >= self->depth)
      g_array_remove_index (self->pending_search, i - 1);

  if (self->depth > 1)
    {
      exec (self, "ROLLBACK TO nested; RELEASE nested", NULL);
      self->depth--;
      return;
    }

  /* Fails harmlessly if SQLite already rolled back (after a full disk, say). */
  exec (self, "ROLLBACK", NULL);
  self->depth = 0;
  g_array_set_size (self->touched, 0);
}

guint
vigia_library_count_plans (VigiaLibrary  *self,
                           GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), 0);

  stmt = prepare (self, "SELECT count(*) FROM plan", error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (self, error, sqlite3_extended_errcode (self->db));
      return 0;
    }
  return sqlite3_column_int (stmt, 0);
}

/* Turns what a person typed into an FTS5 query: every word must match, as a
 * prefix, whatever its case and accents.  Words are quoted, so that no
 * character of the input is read as query syntax. */
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

#define QUERY_FILTERS \
  " (?2 IS NULL OR p.election = ?2)" \
  " AND (?3 IS NULL OR p.department = ?3)" \
  " AND (?4 IS NULL OR p.term_start = ?4)"
#define QUERY_ALL "SELECT p.id FROM plan p WHERE (?1 IS NULL OR p.id IN" \
  " (SELECT rowid FROM plan_search WHERE plan_search MATCH ?1)) AND" QUERY_FILTERS

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
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *match = NULL;
  VigiaPlanQuery defaults = VIGIA_PLAN_QUERY_INIT;
  VigiaPlanSort sort;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  if (query == NULL)
    query = &defaults;

  if (query->text != NULL)
    match = build_match_expression (query->text);

  /* A search inside a transaction sees the plans written so far. */
  if (match != NULL && self->pending_search->len > 0 && !flush_search_rows (self, error))
    return NULL;

  sort = query->sort;
  if (sort >= G_N_ELEMENTS (sql_by_sort) || (sort == VIGIA_PLAN_SORT_RELEVANCE && match == NULL))
    sort = VIGIA_PLAN_SORT_PLACE;

  stmt = prepare (self, sql_by_sort[sort], error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, match);
  if (query->election >= 0)
    bind_enum (stmt, 2, VIGIA_TYPE_ELECTION, query->election);
  bind_text (stmt, 3, query->department);
  bind_positive (stmt, 4, query->term_start);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
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

  stmt = prepare (self,
                  "SELECT DISTINCT department FROM plan WHERE department IS NOT NULL"
                  " AND department != '' ORDER BY department",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
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

  stmt = prepare (self,
                  "SELECT DISTINCT term_start FROM plan WHERE term_start IS NOT NULL"
                  " ORDER BY term_start",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&years);
}

/* What the list shows of each plan, the columns summary_from_row() reads. */
#define SUMMARY_SELECT \
  "SELECT p.id, p.uuid, p.organization, p.election, p.process, p.department," \
  " p.province, p.district, p.ubigeo, p.term_start, p.term_end, p.changed," \
  " (SELECT count(*) FROM goal g JOIN dimension d ON d.id = g.dimension_id" \
  "  WHERE d.plan_id = p.id)," \
  " (SELECT count(DISTINCT pr.goal_id) FROM progress pr" \
  "  JOIN goal g ON g.id = pr.goal_id JOIN dimension d ON d.id = g.dimension_id" \
  "  WHERE d.plan_id = p.id)" \
  " FROM plan p"

/* Fills @fields with pointers into @stmt's row: use them before the next step. */
static void
summary_fields_from_row (sqlite3_stmt           *stmt,
                         VigiaPlanSummaryFields *fields)
{
  fields->id = sqlite3_column_int64 (stmt, 0);
  fields->uuid = column_text (stmt, 1);
  fields->organization = column_text (stmt, 2);
  fields->election = column_enum (stmt, 3, VIGIA_TYPE_ELECTION, VIGIA_ELECTION_MUNICIPAL_DISTRICT);
  fields->process = column_text (stmt, 4);
  fields->department = column_text (stmt, 5);
  fields->province = column_text (stmt, 6);
  fields->district = column_text (stmt, 7);
  fields->ubigeo = column_text (stmt, 8);
  fields->term_start = sqlite3_column_int (stmt, 9);
  fields->term_end = sqlite3_column_int (stmt, 10);
  fields->changed = column_text (stmt, 11);
  fields->n_goals = sqlite3_column_int (stmt, 12);
  fields->n_goals_with_progress = sqlite3_column_int (stmt, 13);
}

/**
 * vigia_library_load_summary:
 *
 * The summary carries the plan's achievement and its goals by status as the
 * authority reports them, as of the current semester (brought into the
 * plan's term): what an observer scanning the list wants to see.
 *
 * Returns: (transfer full): what the list shows of the plan, or %NULL with
 *   %VIGIA_ERROR_NOT_FOUND
 */
VigiaPlanSummary *
vigia_library_load_summary (VigiaLibrary  *self,
                            gint64         plan_id,
                            GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *current = NULL;
  g_autofree char *period = NULL;
  VigiaPlanSummaryFields fields = { 0, };
  VigiaRollup rollup = { 0, };
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  stmt = prepare (self, SUMMARY_SELECT " WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_no_plan_error (error, plan_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  summary_fields_from_row (stmt, &fields);

  /* Only plans with some progress have anything to assess. */
  if (fields.n_goals_with_progress > 0)
    {
      current = vigia_period_dup_current ();
      period = vigia_term_clamp_period (fields.term_start, fields.term_end, current);
      if (period == NULL)
        period = g_steal_pointer (&current);
      if (!assess_plan (self, plan_id, period, VIGIA_SOURCE_AUTHORITY, &rollup, error))
        return NULL;
      fields.rollup = &rollup;
      fields.period = period;
    }

  return vigia_plan_summary_new (&fields);
}

static VigiaPlan *
load_plan_row (VigiaLibrary  *self,
               gint64         plan_id,
               GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = prepare (self, "SELECT " PLAN_COLUMNS " FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_no_plan_error (error, plan_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return plan_from_row (stmt);
}

/**
 * vigia_library_load_plan:
 *
 * Returns: (transfer full): the plan with its dimensions, goals and progress
 */
VigiaPlan *
vigia_library_load_plan (VigiaLibrary  *self,
                         gint64         plan_id,
                         GError       **error)
{
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GHashTable) dims_by_id = NULL;
  g_autoptr(GHashTable) goals_by_id = NULL;
  g_autoptr(CachedStmt) dims = NULL;
  g_autoptr(CachedStmt) goals = NULL;
  g_autoptr(CachedStmt) progress = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  /* One read transaction, so that the plan is read whole as of one moment. */
  if (self->depth == 0 && !exec (self, "BEGIN", error))
    return NULL;

  plan = load_plan_row (self, plan_id, error);
  if (plan == NULL)
    goto failed;

  dims_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  goals_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  dims = prepare (self,
                  "SELECT id, kind, title FROM dimension WHERE plan_id = ?1 ORDER BY position, id",
                  error);
  if (dims == NULL)
    goto failed;
  sqlite3_bind_int64 (dims, 1, plan_id);
  while ((rc = sqlite3_step (dims)) == SQLITE_ROW)
    {
      g_autoptr(VigiaDimension) dim = NULL;

      dim = vigia_dimension_new (column_enum (dims, 1, VIGIA_TYPE_DIMENSION_KIND,
                                              VIGIA_DIMENSION_KIND_OTHER),
                                 column_text (dims, 2));
      vigia_dimension_set_id (dim, sqlite3_column_int64 (dims, 0));
      vigia_plan_append_dimension (plan, dim);
      g_hash_table_insert (dims_by_id, g_memdup2 (&(gint64) { sqlite3_column_int64 (dims, 0) },
                                                  sizeof (gint64)), dim);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      goto failed;
    }

  goals = prepare (self,
                   "SELECT g.dimension_id, " GOAL_COLUMNS
                   " FROM goal g JOIN dimension d ON d.id = g.dimension_id"
                   " WHERE d.plan_id = ?1 ORDER BY d.position, g.position, g.id",
                   error);
  if (goals == NULL)
    goto failed;
  sqlite3_bind_int64 (goals, 1, plan_id);
  while ((rc = sqlite3_step (goals)) == SQLITE_ROW)
    {
      gint64 dimension_id = sqlite3_column_int64 (goals, 0);
      VigiaDimension *dim = g_hash_table_lookup (dims_by_id, &dimension_id);
      g_autoptr(VigiaGoal) goal = goal_from_row (goals, 1);

      g_assert (dim != NULL);
      vigia_dimension_append_goal (dim, goal);
      g_hash_table_insert (goals_by_id, g_memdup2 (&(gint64) { vigia_goal_get_id (goal) },
                                                   sizeof (gint64)), goal);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      goto failed;
    }

  progress = prepare (self,
                      "SELECT pr.goal_id, " PROGRESS_COLUMNS
                      " FROM progress pr JOIN goal g ON g.id = pr.goal_id"
                      " JOIN dimension d ON d.id = g.dimension_id"
                      " WHERE d.plan_id = ?1 ORDER BY pr.goal_id, pr.period, pr.source",
                      error);
  if (progress == NULL)
    goto failed;
  sqlite3_bind_int64 (progress, 1, plan_id);
  while ((rc = sqlite3_step (progress)) == SQLITE_ROW)
    {
      gint64 goal_id = sqlite3_column_int64 (progress, 0);
      VigiaGoal *goal = g_hash_table_lookup (goals_by_id, &goal_id);
      g_autoptr(VigiaProgress) entry = progress_from_row (progress, 1);

      g_assert (goal != NULL);
      vigia_goal_put_progress (goal, entry);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      goto failed;
    }

  if (self->depth == 0)
    exec (self, "COMMIT", NULL);
  return g_steal_pointer (&plan);

failed:
  if (self->depth == 0)
    exec (self, "ROLLBACK", NULL);
  return NULL;
}

static gint64
lookup_id (VigiaLibrary  *self,
           const char    *sql,
           const char    *key,
           gint64        *second,
           GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
      return -1;
    }

  if (second != NULL)
    *second = sqlite3_column_int64 (stmt, 1);
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * vigia_library_lookup_plan:
 *
 * Returns: the id of the plan whose uuid is @uuid, 0 if there is none, -1 on error
 */
gint64
vigia_library_lookup_plan (VigiaLibrary  *self,
                           const char    *uuid,
                           GError       **error)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), -1);
  return lookup_id (self, "SELECT id FROM plan WHERE uuid = ?1", uuid, NULL, error);
}

/**
 * vigia_library_lookup_digest:
 *
 * Returns: the id of the plan imported from a file with this digest, 0 if
 *   there is none, -1 on error
 */
gint64
vigia_library_lookup_digest (VigiaLibrary  *self,
                             const char    *digest,
                             GError       **error)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), -1);
  return lookup_id (self, "SELECT id FROM plan WHERE source_digest = ?1 ORDER BY id LIMIT 1",
                    digest, NULL, error);
}

/**
 * vigia_library_lookup_goal:
 * @plan_id: (out) (optional): the plan that holds the goal
 *
 * Returns: the id of the goal whose uuid is @uuid, 0 if there is none, -1 on error
 */
gint64
vigia_library_lookup_goal (VigiaLibrary  *self,
                           const char    *uuid,
                           gint64        *plan_id,
                           GError       **error)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), -1);
  return lookup_id (self,
                    "SELECT g.id, d.plan_id FROM goal g JOIN dimension d ON d.id = g.dimension_id"
                    " WHERE g.uuid = ?1",
                    uuid, plan_id, error);
}

static gboolean
add_plan_inner (VigiaLibrary  *self,
                VigiaPlan     *plan,
                const char    *now,
                GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gint64 plan_id;

  stmt = prepare (self,
                  "INSERT INTO plan (uuid, organization, election, process, department, province,"
                  " district, ubigeo, term_start, term_end, ideario, vision, accountability,"
                  " authority_name, authority_elected, source_format, source_reference,"
                  " source_imported, source_digest, changed, created)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                  " ?17, ?18, ?19, ?20, ?21)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, vigia_plan_get_uuid (plan));
  bind_plan_fields (stmt, plan);
  bind_text (stmt, 21, vigia_plan_get_created (plan));
  if (!step_done (self, stmt, error))
    return FALSE;

  plan_id = sqlite3_last_insert_rowid (self->db);
  vigia_plan_set_id (plan, plan_id);

  if (!insert_plan_contents (self, plan_id, plan, now, error) ||
      !queue_search_row (self, plan_id, error) ||
      !insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "plan", "create", NULL,
                       "source", NULL, vigia_plan_get_source_format (plan), error))
    return FALSE;

  touch (self, plan_id);
  return TRUE;
}

/**
 * vigia_library_add_plan:
 *
 * Adds @plan with its dimensions, goals and progress, in one transaction.
 * Gives the objects their ids, and uuids where they had none.
 */
gboolean
vigia_library_add_plan (VigiaLibrary  *self,
                        VigiaPlan     *plan,
                        GError       **error)
{
  g_autofree char *now = vigia_now_iso8601 ();

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);

  if (vigia_plan_get_uuid (plan) == NULL)
    {
      g_autofree char *uuid = vigia_uuid_new ();

      vigia_plan_set_uuid (plan, uuid);
    }
  if (vigia_plan_get_created (plan) == NULL)
    vigia_plan_set_created (plan, now);
  vigia_plan_set_changed (plan, now);

  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!add_plan_inner (self, plan, now, error))
    {
      vigia_library_rollback (self);
      vigia_plan_clear_ids (plan);
      return FALSE;
    }

  if (!vigia_library_commit (self, error))
    {
      vigia_plan_clear_ids (plan);
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_plan_row (VigiaLibrary  *self,
                 VigiaPlan     *plan,
                 GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = prepare (self,
                  "UPDATE plan SET organization = ?2, election = ?3, process = ?4, department = ?5,"
                  " province = ?6, district = ?7, ubigeo = ?8, term_start = ?9, term_end = ?10,"
                  " ideario = ?11, vision = ?12, accountability = ?13, authority_name = ?14,"
                  " authority_elected = ?15, source_format = ?16, source_reference = ?17,"
                  " source_imported = ?18, source_digest = ?19, changed = ?20"
                  " WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, vigia_plan_get_id (plan));
  bind_plan_fields (stmt, plan);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      set_no_plan_error (error, vigia_plan_get_id (plan));
      return FALSE;
    }

  return TRUE;
}

static gboolean
replace_plan_inner (VigiaLibrary  *self,
                    gint64         plan_id,
                    VigiaPlan     *plan,
                    const char    *now,
                    GError       **error)
{
  g_autoptr(CachedStmt) del = NULL;
  g_autoptr(VigiaPlan) old = NULL;
  guint n_changed = 0;

  old = load_plan_row (self, plan_id, error);
  if (old == NULL)
    return FALSE;

  vigia_plan_set_id (plan, plan_id);
  vigia_plan_set_uuid (plan, vigia_plan_get_uuid (old));
  vigia_plan_set_created (plan, vigia_plan_get_created (old));

  if (!insert_history_diff (self, now, vigia_plan_get_uuid (plan), NULL, "plan", NULL,
                            G_OBJECT (old), G_OBJECT (plan), plan_history_fields,
                            &n_changed, error) ||
      !update_plan_row (self, plan, error))
    return FALSE;

  /* Goals keep their uuids (and so their history) across the replacement. */
  del = prepare (self, "DELETE FROM dimension WHERE plan_id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, plan_id);
  if (!step_done (self, del, error))
    return FALSE;

  if (!insert_plan_contents (self, plan_id, plan, now, error) ||
      !queue_search_row (self, plan_id, error) ||
      !insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "plan", "update", NULL,
                       "contents", NULL, vigia_plan_get_source_format (plan), error))
    return FALSE;

  touch (self, plan_id);
  return TRUE;
}

/**
 * vigia_library_replace_plan:
 *
 * Replaces everything stored of plan @plan_id by @plan (an import of a newer
 * version of the same plan): fields, dimensions, goals and progress.  The
 * plan keeps its id, uuid and creation time.
 */
gboolean
vigia_library_replace_plan (VigiaLibrary  *self,
                            gint64         plan_id,
                            VigiaPlan     *plan,
                            GError       **error)
{
  g_autofree char *now = vigia_now_iso8601 ();

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);

  vigia_plan_set_changed (plan, now);

  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!replace_plan_inner (self, plan_id, plan, now, error))
    {
      vigia_library_rollback (self);
      vigia_plan_clear_ids (plan);
      return FALSE;
    }

  if (!vigia_library_commit (self, error))
    {
      vigia_plan_clear_ids (plan);
      return FALSE;
    }

  return TRUE;
}

/**
 * vigia_library_save_plan:
 *
 * Saves the plan's own fields (not its dimensions or goals), recording each
 * field that changed in the history.
 */
gboolean
vigia_library_save_plan (VigiaLibrary  *self,
                         VigiaPlan     *plan,
                         GError       **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autofree char *previous_changed = NULL;
  g_autoptr(VigiaPlan) old = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  old = load_plan_row (self, vigia_plan_get_id (plan), error);
  if (old == NULL)
    goto failed;

  if (!insert_history_diff (self, now, vigia_plan_get_uuid (plan), NULL, "plan", NULL,
                            G_OBJECT (old), G_OBJECT (plan), plan_history_fields,
                            &n_changed, error))
    goto failed;

  if (n_changed == 0)
    {
      vigia_library_rollback (self);
      return TRUE;
    }

  previous_changed = g_strdup (vigia_plan_get_changed (plan));
  vigia_plan_set_changed (plan, now);
  if (!update_plan_row (self, plan, error) ||
      !queue_search_row (self, vigia_plan_get_id (plan), error))
    {
      vigia_plan_set_changed (plan, previous_changed);
      goto failed;
    }

  touch (self, vigia_plan_get_id (plan));
  return vigia_library_commit (self, error);

failed:
  vigia_library_rollback (self);
  return FALSE;
}

/**
 * vigia_library_delete_plan:
 *
 * Deletes the plan and everything in it.  The history keeps the whole plan
 * as an exchange document, so that it can be recovered.
 */
gboolean
vigia_library_delete_plan (VigiaLibrary  *self,
                           gint64         plan_id,
                           GError       **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autofree char *document = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  plan = vigia_library_load_plan (self, plan_id, error);
  if (plan == NULL)
    goto failed;

  document = vigia_json_writer_plan_to_string (plan);

  stmt = prepare (self, "DELETE FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!step_done (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, cached_stmt_reset);

  stmt = prepare (self, "DELETE FROM plan_search WHERE rowid = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!step_done (self, stmt, error))
    goto failed;

  if (!insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "plan", "delete", NULL,
                       NULL, document, NULL, error))
    goto failed;

  touch (self, plan_id);
  return vigia_library_commit (self, error);

failed:
  vigia_library_rollback (self);
  return FALSE;
}

/**
 * vigia_library_add_dimension:
 *
 * Adds @dimension (with any goals it has) to @plan at @position.
 */
gboolean
vigia_library_add_dimension (VigiaLibrary    *self,
                             VigiaPlan       *plan,
                             guint            position,
                             VigiaDimension  *dimension,
                             GError         **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autoptr(GPtrArray) order = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);

  position = MIN (position, vigia_plan_get_n_dimensions (plan));
  order = dup_dimension_order (plan);
  g_ptr_array_insert (order, position, g_object_ref (dimension));

  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!insert_dimension_row (self, vigia_plan_get_id (plan), position, dimension, now, error) ||
      !write_dimension_order (self, order, error) ||
      !insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "dimension", "create", NULL,
                       "title", NULL, vigia_dimension_get_title (dimension), error) ||
      !queue_search_row (self, vigia_plan_get_id (plan), error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    goto failed_ids;

  vigia_plan_insert_dimension (plan, position, dimension);
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
failed_ids:
  vigia_dimension_set_id (dimension, 0);
  return FALSE;
}

static VigiaDimension *
load_dimension_row (VigiaLibrary  *self,
                    gint64         dimension_id,
                    GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  VigiaDimension *dim;
  int rc;

  stmt = prepare (self, "SELECT kind, title FROM dimension WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dimension_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
                   _("The dimension is no longer in the library."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  dim = vigia_dimension_new (column_enum (stmt, 0, VIGIA_TYPE_DIMENSION_KIND,
                                          VIGIA_DIMENSION_KIND_OTHER),
                             column_text (stmt, 1));
  vigia_dimension_set_id (dim, dimension_id);
  return dim;
}

/**
 * vigia_library_save_dimension:
 *
 * Saves the dimension's kind and title (renaming it, say).
 */
gboolean
vigia_library_save_dimension (VigiaLibrary    *self,
                              VigiaPlan       *plan,
                              VigiaDimension  *dimension,
                              GError         **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autoptr(VigiaDimension) old = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  old = load_dimension_row (self, vigia_dimension_get_id (dimension), error);
  if (old == NULL ||
      !insert_history_diff (self, now, vigia_plan_get_uuid (plan), NULL, "dimension", NULL,
                            G_OBJECT (old), G_OBJECT (dimension), dimension_history_fields,
                            &n_changed, error))
    goto failed;

  if (n_changed == 0)
    {
      vigia_library_rollback (self);
      return TRUE;
    }

  stmt = prepare (self, "UPDATE dimension SET kind = ?2, title = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, vigia_dimension_get_id (dimension));
  bind_enum (stmt, 2, VIGIA_TYPE_DIMENSION_KIND, vigia_dimension_get_kind (dimension));
  bind_text (stmt, 3, vigia_dimension_get_title (dimension));
  if (!step_done (self, stmt, error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    return FALSE;
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
  return FALSE;
}

/**
 * vigia_library_delete_dimension:
 *
 * Deletes the dimension with its goals and their progress; the history keeps
 * each goal as an exchange document.
 */
gboolean
vigia_library_delete_dimension (VigiaLibrary    *self,
                                VigiaPlan       *plan,
                                VigiaDimension  *dimension,
                                GError         **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  guint n_goals;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);

  order = dup_dimension_order (plan);
  if (!g_ptr_array_remove (order, dimension))
    g_return_val_if_reached (FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  n_goals = vigia_dimension_get_n_goals (dimension);
  for (guint i = 0; i < n_goals; i++)
    {
      VigiaGoal *goal = vigia_dimension_get_goal (dimension, i);
      g_autofree char *document = vigia_json_writer_goal_to_string (goal);

      if (!insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                           "goal", "delete", NULL, NULL, document, NULL, error))
        goto failed;
    }

  stmt = prepare (self, "DELETE FROM dimension WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, vigia_dimension_get_id (dimension));
  if (!step_done (self, stmt, error) ||
      !write_dimension_order (self, order, error) ||
      !insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "dimension", "delete", NULL,
                       "title", vigia_dimension_get_title (dimension), NULL, error) ||
      !queue_search_row (self, vigia_plan_get_id (plan), error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    return FALSE;

  vigia_plan_remove_dimension (plan, dimension, NULL);
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
  return FALSE;
}

/**
 * vigia_library_add_goal:
 *
 * Adds @goal, with any progress it holds, to @dimension at @position, and
 * renumbers the dimension's goals.  Adding back a deleted goal (the same
 * object, or one with its uuid) restores it with its progress.
 */
gboolean
vigia_library_add_goal (VigiaLibrary    *self,
                        VigiaPlan       *plan,
                        VigiaDimension  *dimension,
                        guint            position,
                        VigiaGoal       *goal,
                        GError         **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autoptr(GPtrArray) order = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);

  position = MIN (position, vigia_dimension_get_n_goals (dimension));
  order = dup_goal_order (dimension);
  g_ptr_array_insert (order, position, g_object_ref (goal));

  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!insert_goal_row (self, vigia_dimension_get_id (dimension), position, goal, now, error) ||
      !write_goal_order (self, plan, order, now, error) ||
      !insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                       "goal", "create", NULL, NULL, NULL, NULL, error) ||
      !queue_search_row (self, vigia_plan_get_id (plan), error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    goto failed_ids;

  vigia_dimension_insert_goal (dimension, position, goal);
  apply_goal_numbers (order);
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
failed_ids:
  vigia_goal_set_id (goal, 0);
  return FALSE;
}

static VigiaGoal *
load_goal_row (VigiaLibrary  *self,
               gint64         goal_id,
               GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = prepare (self, "SELECT " GOAL_COLUMNS " FROM goal g WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
                   _("The goal is no longer in the library."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return goal_from_row (stmt, 0);
}

/**
 * vigia_library_save_goal:
 *
 * Saves the goal's texts, target reading, baseline and weight (not its
 * progress), recording each field that changed in the history.
 */
gboolean
vigia_library_save_goal (VigiaLibrary  *self,
                         VigiaPlan     *plan,
                         VigiaGoal     *goal,
                         GError       **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autoptr(VigiaGoal) old = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  old = load_goal_row (self, vigia_goal_get_id (goal), error);
  if (old == NULL ||
      !insert_history_diff (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                            "goal", NULL, G_OBJECT (old), G_OBJECT (goal), goal_history_fields,
                            &n_changed, error))
    goto failed;

  if (n_changed == 0)
    {
      vigia_library_rollback (self);
      return TRUE;
    }

  stmt = prepare (self,
                  "UPDATE goal SET number = ?3, problem = ?4, objective = ?5, indicator = ?6,"
                  " target_text = ?7, target_value = ?8, target_unit = ?9, target_measure = ?10,"
                  " target_direction = ?11, target_reading = ?12, baseline_value = ?13,"
                  " baseline_year = ?14, weight = ?15"
                  " WHERE id = ?1 AND uuid = ?2",
                  error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, vigia_goal_get_id (goal));
  bind_text (stmt, 2, vigia_goal_get_uuid (goal));
  bind_goal_fields (stmt, goal);
  if (!step_done (self, stmt, error) ||
      !queue_search_row (self, vigia_plan_get_id (plan), error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    return FALSE;
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
  return FALSE;
}

/**
 * vigia_library_delete_goal:
 *
 * Deletes the goal and its progress, and renumbers the dimension's goals.
 * The history keeps the goal as an exchange document; the object keeps its
 * fields and progress, so that vigia_library_add_goal() can put it back.
 */
gboolean
vigia_library_delete_goal (VigiaLibrary    *self,
                           VigiaPlan       *plan,
                           VigiaDimension  *dimension,
                           VigiaGoal       *goal,
                           GError         **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autofree char *document = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);

  order = dup_goal_order (dimension);
  if (!g_ptr_array_remove (order, goal))
    g_return_val_if_reached (FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  document = vigia_json_writer_goal_to_string (goal);
  stmt = prepare (self, "DELETE FROM goal WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, vigia_goal_get_id (goal));
  if (!step_done (self, stmt, error) ||
      !write_goal_order (self, plan, order, now, error) ||
      !insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                       "goal", "delete", NULL, NULL, document, NULL, error) ||
      !queue_search_row (self, vigia_plan_get_id (plan), error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    return FALSE;

  vigia_dimension_remove_goal (dimension, goal, NULL);
  apply_goal_numbers (order);
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
  return FALSE;
}

/**
 * vigia_library_move_goal:
 *
 * Moves @goal to @position within @dimension and renumbers the goals.
 */
gboolean
vigia_library_move_goal (VigiaLibrary    *self,
                         VigiaPlan       *plan,
                         VigiaDimension  *dimension,
                         VigiaGoal       *goal,
                         guint            position,
                         GError         **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(VigiaGoal) hold = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);

  hold = g_object_ref (goal);
  order = dup_goal_order (dimension);
  if (!g_ptr_array_remove (order, goal))
    g_return_val_if_reached (FALSE);
  position = MIN (position, order->len);
  g_ptr_array_insert (order, position, g_object_ref (goal));

  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!write_goal_order (self, plan, order, now, error) ||
      !stamp_plan (self, plan, now, error))
    {
      vigia_library_rollback (self);
      return FALSE;
    }

  if (!vigia_library_commit (self, error))
    return FALSE;

  vigia_dimension_remove_goal (dimension, goal, NULL);
  vigia_dimension_insert_goal (dimension, position, goal);
  apply_goal_numbers (order);
  vigia_plan_set_changed (plan, now);
  return TRUE;
}

static char *
progress_scope (VigiaProgress *progress)
{
  return g_strdup_printf ("%s/%s", vigia_progress_get_period (progress),
                          vigia_enum_to_nick (VIGIA_TYPE_SOURCE,
                                              vigia_progress_get_source (progress)));
}

static gboolean
save_progress_inner (VigiaLibrary   *self,
                     VigiaPlan      *plan,
                     VigiaGoal      *goal,
                     VigiaProgress  *progress,
                     const char     *now,
                     guint          *n_changed,
                     GError        **error)
{
  g_autoptr(CachedStmt) find = NULL;
  g_autoptr(VigiaProgress) old = NULL;
  g_autofree char *scope = progress_scope (progress);
  int rc;

  find = prepare (self,
                  "SELECT " PROGRESS_COLUMNS " FROM progress pr"
                  " WHERE pr.goal_id = ?1 AND pr.period = ?2 AND pr.source = ?3",
                  error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, vigia_goal_get_id (goal));
  bind_text (find, 2, vigia_progress_get_period (progress));
  bind_enum (find, 3, VIGIA_TYPE_SOURCE, vigia_progress_get_source (progress));
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    old = progress_from_row (find, 0);
  else if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, rc);
  g_clear_pointer (&find, cached_stmt_reset);

  if (old == NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *new_value = NULL;

      /* The value goes with the creation, as with a deletion, so that the
       * goal's timeline can tell what was first recorded. */
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, vigia_progress_get_value (progress));
      new_value = value_to_text (&value);

      *n_changed = 1;
      return insert_progress_row (self, vigia_goal_get_id (goal), progress, now, error) &&
             insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                             "progress", "create", scope, "value", NULL, new_value, error);
    }
  else
    {
      g_autoptr(CachedStmt) update = NULL;

      if (vigia_progress_get_recorded (progress) == NULL)
        vigia_progress_set_recorded (progress, vigia_progress_get_recorded (old));

      if (!insert_history_diff (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                                "progress", scope, G_OBJECT (old), G_OBJECT (progress),
                                progress_history_fields, n_changed, error))
        return FALSE;

      update = prepare (self,
                        "UPDATE progress SET value = ?2, status = ?3, note = ?4, evidence = ?5,"
                        " recorded = ?6 WHERE id = ?1",
                        error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, vigia_progress_get_id (old));
      bind_double (update, 2, vigia_progress_get_value (progress));
      bind_enum (update, 3, VIGIA_TYPE_STATUS, vigia_progress_get_status (progress));
      bind_text (update, 4, vigia_progress_get_note (progress));
      bind_strv (update, 5, vigia_progress_get_evidence (progress));
      bind_text (update, 6, vigia_progress_get_recorded (progress));
      if (!step_done (self, update, error))
        return FALSE;

      vigia_progress_set_id (progress, vigia_progress_get_id (old));
      return TRUE;
    }
}

/**
 * vigia_library_save_progress:
 *
 * Saves the entry for its period and source, creating it or replacing the
 * one there was, and records each change in the history.  The entry's
 * recorded date defaults to now.
 */
gboolean
vigia_library_save_progress (VigiaLibrary   *self,
                             VigiaPlan      *plan,
                             VigiaGoal      *goal,
                             VigiaProgress  *progress,
                             GError        **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  guint n_changed = 0;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (VIGIA_IS_PROGRESS (progress), FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!save_progress_inner (self, plan, goal, progress, now, &n_changed, error) ||
      (n_changed > 0 && !stamp_plan (self, plan, now, error)))
    {
      vigia_library_rollback (self);
      return FALSE;
    }

  if (!vigia_library_commit (self, error))
    return FALSE;

  vigia_goal_put_progress (goal, progress);
  if (n_changed > 0)
    vigia_plan_set_changed (plan, now);
  return TRUE;
}

gboolean
vigia_library_delete_progress (VigiaLibrary   *self,
                               VigiaPlan      *plan,
                               VigiaGoal      *goal,
                               VigiaProgress  *progress,
                               GError        **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autofree char *scope = NULL;
  g_autofree char *old_value = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(VigiaProgress) hold = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (VIGIA_IS_PROGRESS (progress), FALSE);

  scope = progress_scope (progress);
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, vigia_progress_get_value (progress));
  old_value = value_to_text (&value);

  if (!vigia_library_begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "DELETE FROM progress WHERE goal_id = ?1 AND period = ?2 AND source = ?3",
                  error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, vigia_goal_get_id (goal));
  bind_text (stmt, 2, vigia_progress_get_period (progress));
  bind_enum (stmt, 3, VIGIA_TYPE_SOURCE, vigia_progress_get_source (progress));
  if (!step_done (self, stmt, error) ||
      !insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                       "progress", "delete", scope, "value", old_value, NULL, error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    return FALSE;

  /* The goal may hold the only reference. */
  hold = g_object_ref (progress);
  vigia_goal_remove_progress (goal, progress);
  vigia_progress_set_id (progress, 0);
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
  return FALSE;
}

/**
 * vigia_library_list_history:
 * @plan_uuid: (nullable): only the changes to this plan
 * @goal_uuid: (nullable): only the changes to this goal
 *
 * Returns: (transfer full) (element-type VigiaHistoryEntry): the changes,
 *   oldest first
 */
GPtrArray *
vigia_library_list_history (VigiaLibrary  *self,
                            const char    *plan_uuid,
                            const char    *goal_uuid,
                            GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  stmt = prepare (self,
                  "SELECT id, changed, plan_uuid, goal_uuid, entity, action, scope, field,"
                  " old_value, new_value FROM history"
                  " WHERE (?1 IS NULL OR plan_uuid = ?1) AND (?2 IS NULL OR goal_uuid = ?2)"
                  " ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, plan_uuid);
  bind_text (stmt, 2, goal_uuid);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_history_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigiaHistoryEntry *entry = g_new0 (VigiaHistoryEntry, 1);

      history_entry_from_row (stmt, entry);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

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
  terms->measure = nick_to_value (column_text (stmt, first), measure_nicks,
                                  G_N_ELEMENTS (measure_nicks), VIGIA_MEASURE_QUALITATIVE);
  terms->direction = direction_from_text (column_text (stmt, first + 1));
  terms->target = column_double (stmt, first + 2);
  terms->baseline = column_double (stmt, first + 3);
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
static gboolean
assess_plan (VigiaLibrary  *self,
             gint64         plan_id,
             const char    *period,
             VigiaSource    source,
             VigiaRollup   *rollup,
             GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = prepare (self,
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
  bind_enum (stmt, 2, VIGIA_TYPE_SOURCE, source);
  bind_text (stmt, 3, period);

  *rollup = (VigiaRollup) { 0, };
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigiaGoalTerms terms;

      goal_terms_from_row (stmt, 0, &terms);
      rollup_add_goal (rollup, &terms, sqlite3_column_type (stmt, 5) != SQLITE_NULL,
                       column_double (stmt, 6),
                       nick_to_value (column_text (stmt, 7), status_nicks,
                                      G_N_ELEMENTS (status_nicks), VIGIA_STATUS_NOT_RATED));
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, rc);
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

  stmt = prepare (self, "SELECT id, term_start, term_end FROM plan ORDER BY id", error);
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
    return set_sqlite_error (self, error, rc);
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
  stmt = prepare (self,
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
    return set_sqlite_error (self, error, rc);
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

  stmt = prepare (self,
                  "SELECT goal_id, period, value, status FROM progress"
                  " WHERE source = ?1 AND (value IS NOT NULL OR status != 'not-rated')"
                  " ORDER BY goal_id",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_enum (stmt, 1, VIGIA_TYPE_SOURCE, source);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 goal_id = sqlite3_column_int64 (stmt, 0);
      const char *period = column_text (stmt, 1);
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
      row->value = column_double (stmt, 2);
      row->status = nick_to_value (column_text (stmt, 3), status_nicks,
                                   G_N_ELEMENTS (status_nicks), VIGIA_STATUS_NOT_RATED);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, error, rc);
  return TRUE;
}

/* Every plan's score as of @period (a valid semester), inside the caller's
 * read transaction. */
static GArray *
assess_plans_inner (VigiaLibrary  *self,
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
  count = prepare (self, "SELECT count(*) FROM goal", error);
  if (count == NULL)
    return NULL;
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      set_sqlite_error (self, error, sqlite3_extended_errcode (self->db));
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
  if (self->depth == 0 && !exec (self, "BEGIN", error))
    return NULL;

  scores = assess_plans_inner (self, period, source, error);

  if (self->depth == 0)
    exec (self, scores != NULL ? "COMMIT" : "ROLLBACK", NULL);

  return g_steal_pointer (&scores);
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
  if (self->depth == 0 && !exec (self, "BEGIN", error))
    return NULL;

  scores = assess_plans_inner (self, period, source, error);
  if (scores != NULL)
    stmt = prepare (self, SUMMARY_SELECT " ORDER BY p.id", error);
  if (stmt != NULL)
    {
      summaries = g_ptr_array_new_full (scores->len, g_object_unref);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          VigiaPlanSummaryFields fields = { 0, };

          summary_fields_from_row (stmt, &fields);
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
          set_sqlite_error (self, error, rc);
          g_clear_pointer (&summaries, g_ptr_array_unref);
        }
    }

  if (self->depth == 0)
    exec (self, summaries != NULL ? "COMMIT" : "ROLLBACK", NULL);

  return g_steal_pointer (&summaries);
}
