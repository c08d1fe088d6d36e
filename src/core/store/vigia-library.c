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
 *
 * This file opens the library and stores plans, dimensions, goals and
 * progress; the search index, the history and whole-library assessment are
 * in vigia-library-search.c, -history.c and -assess.c
 * (vigia-library-private.h).
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
#include "vigia-library-private.h"
#include "vigia-schema.h"
#include "vigia-statement-postgresql.h"
#include "vigia-statement-sqlite.h"
#include "vigia-store-postgresql-private.h"
#include "vigia-store.h"
#include "vigia-utils.h"

#define BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (VigiaLibrary, vigia_library, G_TYPE_OBJECT)

enum {
  PLANS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

enum {
  PROP_0,
  PROP_CONNECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Properties compared to write the history of an update. */
const char * const _vigia_plan_history_fields[] = {
  "organization", "election", "process", "department", "province", "district", "ubigeo",
  "term-start", "term-end", "ideario", "vision", "accountability", "authority-name",
  "authority-elected", "source-format", "source-reference", NULL
};
const char * const _vigia_goal_history_fields[] = {
  "number", "problem", "objective", "indicator", "weight", NULL
};
/* A target's fields, and the names its history rows give them: those a
 * goal's target had before goals had several. */
const char * const _vigia_target_history_fields[] = {
  "text", "value", "unit", "measure", "direction", "reading", "baseline-value", "baseline-year",
  "weight", NULL
};
const char * const _vigia_target_history_names[] = {
  "target-text", "target-value", "target-unit", "target-measure", "target-direction", "target-reading",
  "baseline-value", "baseline-year", "target-weight", NULL
};
const char * const _vigia_progress_history_fields[] = {
  "value", "status", "note", "evidence", "recorded", NULL
};
const char * const _vigia_dimension_history_fields[] = {
  "kind", "title", NULL
};

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */
/* ---------------------------------------------------------------------- */

gboolean
_vigia_library_set_sqlite_error (VigiaLibrary  *self,
                                 GError       **error,
                                 int            rc)
{
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  /* A statement's step said why already (and a PostgreSQL library has no
   * SQLite error to read). */
  if (self->step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->step_error));
      return FALSE;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_BUSY,
                   _("The library “%s” is busy: another program is writing to it. Try again in a moment."),
                   self->name);
      break;
    case SQLITE_READONLY:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY,
                   _("The library “%s” is read-only: changes cannot be saved."), self->path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_CORRUPT,
                   _("The library “%s” is damaged (%s). Restore it from a backup."),
                   self->name, message);
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
               _("The library “%s” is open read-only: changes cannot be saved."), self->name);
  return FALSE;
}

void
_vigia_library_set_no_plan_error (GError **error,
                                  gint64   plan_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

  g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
               _("There is no plan %s in the library."), id);
}

/* ---------------------------------------------------------------------- */
/* Statements, bindings and columns                                       */
/* ---------------------------------------------------------------------- */

VigiaStatement *
_vigia_library_prepare (VigiaLibrary  *self,
                        const char    *sql,
                        GError       **error)
{
  VigiaStatement *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      vigia_statement_reset (stmt);
      vigia_statement_clear_bindings (stmt);
      return stmt;
    }

  if (self->server != NULL)
    stmt = vigia_statement_postgresql_new (self->server, sql, FALSE, error);
  else
    stmt = vigia_statement_sqlite_new (self, sql, TRUE, error);
  if (stmt == NULL)
    return NULL;

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps @stmt, answering as sqlite3_step() does; if it fails, why is kept
 * for _vigia_library_set_sqlite_error(). */
int
_vigia_library_step (VigiaLibrary   *self,
                     VigiaStatement *stmt)
{
  g_clear_error (&self->step_error);
  switch (vigia_statement_step (stmt, &self->step_error))
    {
    case VIGIA_STATEMENT_ROW:
      return SQLITE_ROW;
    case VIGIA_STATEMENT_DONE:
      return SQLITE_DONE;
    case VIGIA_STATEMENT_FAILED:
    default:
      return SQLITE_ERROR;
    }
}

/* Runs @sql, one or more statements without parameters. */
gboolean
_vigia_library_exec (VigiaLibrary  *self,
                     const char    *sql,
                     GError       **error)
{
  g_clear_error (&self->step_error);
  if (self->server != NULL)
    {
      g_auto(GStrv) statements = g_strsplit (sql, ";", -1);

      for (guint i = 0; statements[i] != NULL; i++)
        if (*g_strstrip (statements[i]) != '\0' &&
            !vigia_store_exec (VIGIA_STORE (self->server), statements[i], error))
          return FALSE;
      return TRUE;
    }
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _vigia_library_set_sqlite_error (self, error, sqlite3_extended_errcode (self->db));
  return TRUE;
}

/* Begins a transaction that only reads, every statement of it seeing the
 * library as of one moment: SQLite's reads see the file as it was at the
 * first of them; a server's, in its default isolation, each sees what other
 * desks committed before it, and needs REPEATABLE READ for that. */
gboolean
_vigia_library_begin_read (VigiaLibrary  *self,
                           GError       **error)
{
  g_clear_error (&self->step_error);
  if (self->server != NULL)
    return vigia_store_begin (VIGIA_STORE (self->server), TRUE, error);
  return _vigia_library_exec (self, "BEGIN", error);
}

/* For the statements of every transaction (BEGIN, SAVEPOINT, RELEASE): one
 * import of many plans runs thousands of them, parsed once. */
gboolean
_vigia_library_exec_cached (VigiaLibrary  *self,
                            const char    *sql,
                            GError       **error)
{
  VigiaStatement *stmt = _vigia_library_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = _vigia_library_step (self, stmt);
  vigia_statement_reset (stmt);
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

/* Steps @stmt to its end, collecting its first column as ids. */
GArray *
_vigia_library_collect_ids (VigiaLibrary  *self,
                            VigiaStatement  *stmt,
                            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      gint64 id = vigia_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Steps an INSERT … RETURNING id, giving the new row's id (both stores
 * return it so; SQLite has no other way that PostgreSQL shares). */
gboolean
_vigia_library_step_insert (VigiaLibrary   *self,
                            VigiaStatement *stmt,
                            gint64         *id,
                            GError        **error)
{
  int rc = _vigia_library_step (self, stmt);

  if (rc != SQLITE_ROW)
    return _vigia_library_set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc);
  *id = vigia_statement_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_vigia_library_step_done (VigiaLibrary  *self,
                          VigiaStatement  *stmt,
                          GError       **error)
{
  int rc = _vigia_library_step (self, stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

/* Runs @stmt, whose rows do not matter, sending it without waiting where
 * the store can (vigia_statement_send()): inside a transaction only, whose
 * commit, or that of its savepoint, says whether it failed. */
gboolean
_vigia_library_send (VigiaLibrary    *self,
                     VigiaStatement  *stmt,
                     GError         **error)
{
  if (self->depth == 0)
    return _vigia_library_step_done (self, stmt, error);
  g_clear_error (&self->step_error);
  if (!vigia_statement_send (stmt, &self->step_error))
    return _vigia_library_set_sqlite_error (self, error, SQLITE_ERROR);
  return TRUE;
}

/* The most ids of a kind reserved at once.  Those left at the end of the
 * transaction are never used: a plan's id is shown (vigia-cli list), so
 * its gaps stay small. */
static const guint max_reserved[N_ROW_KINDS] = {
  [ROW_PLAN] = 32,
  [ROW_DIMENSION] = 128,
  [ROW_GOAL] = 512,
  [ROW_TARGET] = 512,
  [ROW_PROGRESS] = 2048,
  [ROW_HISTORY] = 128,
};

/**
 * _vigia_library_reserve_ids:
 * @counts: how many more ids of each RowKind are needed
 *
 * On a server, reserves ids for new rows from the tables' sequences, all in
 * one statement, so that the rows can then be sent without waiting for
 * the ids they would give back (a plan's goals need their dimension's
 * id).  A kind asked for again in the same transaction gets twice as many
 * as the last time, if that is more (up to max_reserved), so that an import
 * of many plans asks ever more rarely.  An id taken from a sequence is
 * never given again, even if the transaction is rolled back.  Does nothing
 * for a file.
 */
gboolean
_vigia_library_reserve_ids (VigiaLibrary  *self,
                            const guint    counts[N_ROW_KINDS],
                            GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  guint total = 0;
  int rc;

  for (int kind = 0; kind < N_ROW_KINDS; kind++)
    total += counts[kind];
  if (self->server == NULL || total == 0)
    return TRUE;

  stmt = _vigia_library_prepare (self,
                                 "SELECT 0, nextval ('plan_id_seq') FROM generate_series (1, ?1)"
                                 " UNION ALL SELECT 1, nextval ('dimension_id_seq') FROM generate_series (1, ?2)"
                                 " UNION ALL SELECT 2, nextval ('goal_id_seq') FROM generate_series (1, ?3)"
                                 " UNION ALL SELECT 3, nextval ('target_id_seq') FROM generate_series (1, ?4)"
                                 " UNION ALL SELECT 4, nextval ('progress_id_seq') FROM generate_series (1, ?5)"
                                 " UNION ALL SELECT 5, nextval ('history_id_seq') FROM generate_series (1, ?6)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  for (int kind = 0; kind < N_ROW_KINDS; kind++)
    {
      guint n = counts[kind];

      if (n > 0)
        {
          n = MAX (n, MIN (self->n_reserved_last[kind] * 2, max_reserved[kind]));
          self->n_reserved_last[kind] = n;
        }
      vigia_statement_bind_int64 (stmt, kind + 1, n);
    }

  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      gint64 kind = vigia_statement_column_int64 (stmt, 0);
      gint64 id = vigia_statement_column_int64 (stmt, 1);

      if (kind >= 0 && kind < N_ROW_KINDS)
        g_array_append_val (self->reserved_ids[kind], id);
    }
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

/* Forgets the ids reserved, at the end of a transaction: a sequence set
 * back meanwhile (a library copied in) could give them again. */
static void
clear_reserved_ids (VigiaLibrary *self)
{
  for (int kind = 0; kind < N_ROW_KINDS; kind++)
    {
      g_array_set_size (self->reserved_ids[kind], 0);
      self->n_reserved_last[kind] = 0;
    }
}

/**
 * _vigia_library_insert_row:
 * @stmt: an INSERT of a row of @kind, ending in RETURNING id
 * @id_index: the parameter of its id
 * @id: (out): the new row's id
 *
 * Inserts a new row.  SQLite gives its id (NULL is bound).  On a server the
 * id is one reserved (_vigia_library_reserve_ids(), or a block now if none
 * is left) and the row is sent without waiting: the commit says whether it
 * was written.
 */
gboolean
_vigia_library_insert_row (VigiaLibrary    *self,
                           VigiaStatement  *stmt,
                           RowKind          kind,
                           int              id_index,
                           gint64          *id,
                           GError         **error)
{
  GArray *reserved = self->reserved_ids[kind];

  if (self->server == NULL)
    {
      vigia_statement_bind_null (stmt, id_index);
      return _vigia_library_step_insert (self, stmt, id, error);
    }

  if (reserved->len == 0)
    {
      guint counts[N_ROW_KINDS] = { 0, };

      counts[kind] = 1;
      if (!_vigia_library_reserve_ids (self, counts, error))
        return FALSE;
    }
  *id = g_array_index (reserved, gint64, 0);
  g_array_remove_index (reserved, 0);
  vigia_statement_bind_int64 (stmt, id_index, *id);
  return _vigia_library_send (self, stmt, error);
}

void
_vigia_library_bind_text (VigiaStatement *stmt,
                          int           index,
                          const char   *text)
{
  if (text == NULL)
    vigia_statement_bind_null (stmt, index);
  else
    vigia_statement_bind_text (stmt, index, text);
}

static void
bind_double (VigiaStatement *stmt,
             int           index,
             double        value)
{
  if (VIGIA_HAS_VALUE (value))
    vigia_statement_bind_double (stmt, index, value);
  else
    vigia_statement_bind_null (stmt, index);
}

/* For years and other counts where 0 means "not known". */
void
_vigia_library_bind_positive (VigiaStatement *stmt,
                              int           index,
                              gint64        value)
{
  if (value > 0)
    vigia_statement_bind_int64 (stmt, index, value);
  else
    vigia_statement_bind_null (stmt, index);
}

void
_vigia_library_bind_enum (VigiaStatement *stmt,
                          int           index,
                          GType         type,
                          int           value)
{
  _vigia_library_bind_text (stmt, index, vigia_enum_to_nick (type, value));
}

static void
bind_strv (VigiaStatement       *stmt,
           int                 index,
           const char * const *strv)
{
  g_autofree char *joined = NULL;

  if (strv == NULL || strv[0] == NULL)
    {
      vigia_statement_bind_null (stmt, index);
      return;
    }
  joined = g_strjoinv ("\n", (char **) strv);
  _vigia_library_bind_text (stmt, index, joined);
}

const char *
_vigia_library_column_text (VigiaStatement *stmt,
                            int           index)
{
  return vigia_statement_column_text (stmt, index);
}

double
_vigia_library_column_double (VigiaStatement *stmt,
                              int           index)
{
  if (vigia_statement_column_is_null (stmt, index))
    return VIGIA_NO_VALUE;
  return vigia_statement_column_double (stmt, index);
}

int
_vigia_library_column_enum (VigiaStatement *stmt,
                            int           index,
                            GType         type,
                            int           fallback)
{
  int value = fallback;

  vigia_enum_from_nick (type, _vigia_library_column_text (stmt, index), &value);
  return value;
}

static GStrv
column_strv (VigiaStatement *stmt,
             int           index)
{
  const char *text = _vigia_library_column_text (stmt, index);

  if (text == NULL || *text == '\0')
    return NULL;
  return g_strsplit (text, "\n", -1);
}

/* ---------------------------------------------------------------------- */
/* Rows to objects                                                        */
/* ---------------------------------------------------------------------- */

/* Reads edited, edited_by and merged from column @first on. */
static void
stamp_from_row (VigiaStatement *stmt,
                int           first,
                VigiaStamp   *stamp)
{
  vigia_stamp_set (stamp, _vigia_library_column_text (stmt, first), _vigia_library_column_text (stmt, first + 1),
                   _vigia_library_column_text (stmt, first + 2));
}

static void
bind_stamp (VigiaStatement     *stmt,
            int               first,
            const VigiaStamp *stamp)
{
  _vigia_library_bind_text (stmt, first, stamp->edited);
  _vigia_library_bind_text (stmt, first + 1, stamp->edited_by);
  _vigia_library_bind_text (stmt, first + 2, stamp->merged);
}

/* A new item, and an edited one, is stamped with the time and the author,
 * unless it comes from another desk with its own stamp. */
static void
stamp_edit (VigiaLibrary *self,
            VigiaStamp   *stamp,
            const char   *merged)
{
  g_autofree char *now = vigia_stamp_now ();

  vigia_stamp_set (stamp, now, self->author, merged);
}

static void
stamp_new (VigiaLibrary *self,
           VigiaStamp   *stamp)
{
  if (stamp->edited == NULL)
    stamp_edit (self, stamp, stamp->merged);
}

/* A new version for a row being written (docs/postgresql.md, "Two desks,
 * one item"): drawn at random rather than counted, so that a row deleted
 * and written again (a merge writes a plan's goals anew) never comes back
 * at a version a desk already holds.  Never 0, the version of rows written
 * before versions were kept. */
static gint64
new_version (void)
{
  /* Below 2^62, far from overflowing when renumbering adds one. */
  return ((gint64) g_random_int () << 30) | (g_random_int () & 0x3fffffff) | 1;
}

typedef enum {
  ITEM_PLAN,
  ITEM_GOAL,
  ITEM_PROGRESS,
} Item;

/* Holds the row that a save is about to change until the transaction ends,
 * so that two desks saving it at once take turns and the second finds the
 * first's version.  SQLite's writers take turns already (BEGIN IMMEDIATE).
 * A goal's or an entry's plan is locked first (a save stamps the plan's
 * row, and a merge rewrites the plan), always in that order, so that two
 * saves never wait for each other. */
static gboolean
lock_row (VigiaLibrary  *self,
          Item           item,
          gint64         id,
          GError       **error)
{
  static const char * const sql[] = {
    [ITEM_PLAN] = "SELECT id FROM plan WHERE id = ?1 FOR UPDATE",
    [ITEM_GOAL] = "SELECT id FROM goal WHERE id = ?1 FOR UPDATE",
    /* An entry that does not exist yet has no row: its target stands for it. */
    [ITEM_PROGRESS] = "SELECT id FROM target WHERE id = ?1 FOR UPDATE",
  };
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  if (self->server == NULL)
    return TRUE;

  stmt = _vigia_library_prepare (self, sql[item], error);
  if (stmt == NULL)
    return FALSE;
  vigia_statement_bind_int64 (stmt, 1, id);
  rc = _vigia_library_step (self, stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
}

/* Whether @mine, the item as the caller read it, is at the version the
 * library holds, @stored; if not, someone saved it in between, and @error
 * says who and when, in the words of a conflict (VIGIA_ERROR_CONFLICT). */
static gboolean
check_version (Item               item,
               guint              goal_number,
               const VigiaStamp  *stored,
               const VigiaStamp  *mine,
               GError           **error)
{
  g_autofree char *when = NULL;
  const char *who;

  if (stored->version == mine->version)
    return TRUE;

  when = vigia_stamp_dup_time_label (stored->edited, TRUE);
  if (when == NULL)
    when = g_strdup (_("a moment ago"));
  who = stored->edited_by != NULL && *stored->edited_by != '\0' ? stored->edited_by : _("someone else");

  switch (item)
    {
    case ITEM_PLAN:
      /* Translators: "Ana changed …"; the second %s is a date and time. */
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT,
                   _("%s changed the plan on %s, after it was opened here: nothing was saved."), who, when);
      break;
    case ITEM_GOAL:
      /* Translators: "Ana changed goal 2 on 5 December 2026, 10:42, …" */
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT,
                   _("%s changed goal %u on %s, after it was opened here: nothing was saved."), who,
                   goal_number, when);
      break;
    case ITEM_PROGRESS:
    default:
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT,
                   _("%s recorded this progress on %s, after it was opened here: nothing was saved."), who,
                   when);
      break;
    }
  return FALSE;
}

/* For a merge, which rewrites the plan: see lock_row(). */
gboolean
_vigia_library_lock_plan (VigiaLibrary  *self,
                          gint64         plan_id,
                          GError       **error)
{
  return lock_row (self, ITEM_PLAN, plan_id, error);
}

static VigiaPlan *
plan_from_row (VigiaStatement *stmt)
{
  VigiaPlan *plan = vigia_plan_new ();

  vigia_plan_set_id (plan, vigia_statement_column_int64 (stmt, 0));
  vigia_plan_set_uuid (plan, _vigia_library_column_text (stmt, 1));
  vigia_plan_set_organization (plan, _vigia_library_column_text (stmt, 2));
  vigia_plan_set_election (plan, _vigia_library_column_enum (stmt, 3, VIGIA_TYPE_ELECTION,
                                                             VIGIA_ELECTION_MUNICIPAL_DISTRICT));
  vigia_plan_set_process (plan, _vigia_library_column_text (stmt, 4));
  vigia_plan_set_department (plan, _vigia_library_column_text (stmt, 5));
  vigia_plan_set_province (plan, _vigia_library_column_text (stmt, 6));
  vigia_plan_set_district (plan, _vigia_library_column_text (stmt, 7));
  vigia_plan_set_ubigeo (plan, _vigia_library_column_text (stmt, 8));
  vigia_plan_set_term_start (plan, vigia_statement_column_int64 (stmt, 9));
  vigia_plan_set_term_end (plan, vigia_statement_column_int64 (stmt, 10));
  vigia_plan_set_ideario (plan, _vigia_library_column_text (stmt, 11));
  vigia_plan_set_vision (plan, _vigia_library_column_text (stmt, 12));
  vigia_plan_set_accountability (plan, _vigia_library_column_text (stmt, 13));
  vigia_plan_set_authority_name (plan, _vigia_library_column_text (stmt, 14));
  vigia_plan_set_authority_elected (plan, vigia_statement_column_int64 (stmt, 15));
  vigia_plan_set_source_format (plan, _vigia_library_column_text (stmt, 16));
  vigia_plan_set_source_reference (plan, _vigia_library_column_text (stmt, 17));
  vigia_plan_set_source_imported (plan, _vigia_library_column_text (stmt, 18));
  vigia_plan_set_source_digest (plan, _vigia_library_column_text (stmt, 19));
  vigia_plan_set_created (plan, _vigia_library_column_text (stmt, 20));
  vigia_plan_set_changed (plan, _vigia_library_column_text (stmt, 21));
  stamp_from_row (stmt, 22, vigia_plan_get_stamp (plan));
  vigia_plan_get_stamp (plan)->version = vigia_statement_column_int64 (stmt, 25);

  return plan;
}

/* Reads GOAL_COLUMNS starting at column @first. */
static VigiaGoal *
goal_from_row (VigiaStatement *stmt,
               int           first)
{
  VigiaGoal *goal = vigia_goal_new ();
  const char *cells[5] = { NULL };

  vigia_goal_set_id (goal, vigia_statement_column_int64 (stmt, first + 0));
  vigia_goal_set_uuid (goal, _vigia_library_column_text (stmt, first + 1));
  vigia_goal_set_number (goal, vigia_statement_column_int64 (stmt, first + 2));
  vigia_goal_set_problem (goal, _vigia_library_column_text (stmt, first + 3));
  vigia_goal_set_objective (goal, _vigia_library_column_text (stmt, first + 4));
  vigia_goal_set_indicator (goal, _vigia_library_column_text (stmt, first + 5));
  vigia_goal_set_weight (goal, vigia_statement_column_double (stmt, first + 6));
  /* Kept only where a reader filled them: all four or none. */
  if (!vigia_statement_column_is_null (stmt, first + 7))
    {
      for (guint i = 0; i < 4; i++)
        cells[i] = _vigia_library_column_text (stmt, first + 7 + i) ? _vigia_library_column_text (stmt, first + 7 + i) : "";
      vigia_goal_set_source_cells (goal, cells);
    }
  stamp_from_row (stmt, first + 11, vigia_goal_get_stamp (goal));
  vigia_goal_get_stamp (goal)->version = vigia_statement_column_int64 (stmt, first + 14);

  return goal;
}

/* Reads TARGET_COLUMNS starting at column @first. */
static VigiaTarget *
target_from_row (VigiaStatement *stmt,
                 int           first)
{
  VigiaTarget *target = vigia_target_new ();

  vigia_target_set_id (target, vigia_statement_column_int64 (stmt, first + 0));
  vigia_target_set_uuid (target, _vigia_library_column_text (stmt, first + 1));
  vigia_target_set_text (target, _vigia_library_column_text (stmt, first + 2));
  vigia_target_set_value (target, _vigia_library_column_double (stmt, first + 3));
  vigia_target_set_unit (target, _vigia_library_column_text (stmt, first + 4));
  vigia_target_set_measure (target, _vigia_library_column_enum (stmt, first + 5, VIGIA_TYPE_MEASURE,
                                                                VIGIA_MEASURE_QUALITATIVE));
  vigia_target_set_direction (target, _vigia_library_column_enum (stmt, first + 6, VIGIA_TYPE_DIRECTION,
                                                                  VIGIA_DIRECTION_UP));
  vigia_target_set_reading (target, _vigia_library_column_enum (stmt, first + 7, VIGIA_TYPE_READING,
                                                                VIGIA_READING_NEEDS_REVIEW));
  vigia_target_set_baseline_value (target, _vigia_library_column_double (stmt, first + 8));
  vigia_target_set_baseline_year (target, vigia_statement_column_int64 (stmt, first + 9));
  vigia_target_set_weight (target, vigia_statement_column_double (stmt, first + 10));
  stamp_from_row (stmt, first + 11, vigia_target_get_stamp (target));

  return target;
}

/* Reads PROGRESS_COLUMNS starting at column @first. */
static VigiaProgress *
progress_from_row (VigiaStatement *stmt,
                   int           first)
{
  VigiaProgress *progress;
  g_auto(GStrv) evidence = column_strv (stmt, first + 6);

  progress = vigia_progress_new (_vigia_library_column_text (stmt, first + 1),
                                 _vigia_library_column_enum (stmt, first + 2, VIGIA_TYPE_SOURCE,
                                                             VIGIA_SOURCE_AUTHORITY));
  vigia_progress_set_id (progress, vigia_statement_column_int64 (stmt, first + 0));
  vigia_progress_set_value (progress, _vigia_library_column_double (stmt, first + 3));
  vigia_progress_set_status (progress, _vigia_library_column_enum (stmt, first + 4, VIGIA_TYPE_STATUS,
                                                                   VIGIA_STATUS_NOT_RATED));
  vigia_progress_set_note (progress, _vigia_library_column_text (stmt, first + 5));
  vigia_progress_set_evidence (progress, (const char * const *) evidence);
  vigia_progress_set_recorded (progress, _vigia_library_column_text (stmt, first + 7));
  stamp_from_row (stmt, first + 8, vigia_progress_get_stamp (progress));
  vigia_progress_get_stamp (progress)->version = vigia_statement_column_int64 (stmt, first + 11);

  return progress;
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

/* Marks the plan as changed now, in the row and in memory. */
static gboolean
stamp_plan (VigiaLibrary  *self,
            VigiaPlan     *plan,
            const char    *now,
            GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = _vigia_library_prepare (self, "UPDATE plan SET changed = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  vigia_statement_bind_int64 (stmt, 1, vigia_plan_get_id (plan));
  _vigia_library_bind_text (stmt, 2, now);
  if (!_vigia_library_step_done (self, stmt, error))
    return FALSE;

  touch (self, vigia_plan_get_id (plan));
  return TRUE;
}

static void
bind_plan_fields (VigiaStatement *stmt,
                  VigiaPlan    *plan)
{
  /* Parameters 2 to 20, in the order of the INSERT and UPDATE below. */
  _vigia_library_bind_text (stmt, 2, vigia_plan_get_organization (plan) ? vigia_plan_get_organization (plan) : "");
  _vigia_library_bind_enum (stmt, 3, VIGIA_TYPE_ELECTION, vigia_plan_get_election (plan));
  _vigia_library_bind_text (stmt, 4, vigia_plan_get_process (plan));
  _vigia_library_bind_text (stmt, 5, vigia_plan_get_department (plan));
  _vigia_library_bind_text (stmt, 6, vigia_plan_get_province (plan));
  _vigia_library_bind_text (stmt, 7, vigia_plan_get_district (plan));
  _vigia_library_bind_text (stmt, 8, vigia_plan_get_ubigeo (plan));
  _vigia_library_bind_positive (stmt, 9, vigia_plan_get_term_start (plan));
  _vigia_library_bind_positive (stmt, 10, vigia_plan_get_term_end (plan));
  _vigia_library_bind_text (stmt, 11, vigia_plan_get_ideario (plan));
  _vigia_library_bind_text (stmt, 12, vigia_plan_get_vision (plan));
  _vigia_library_bind_text (stmt, 13, vigia_plan_get_accountability (plan));
  _vigia_library_bind_text (stmt, 14, vigia_plan_get_authority_name (plan));
  vigia_statement_bind_int64 (stmt, 15, vigia_plan_get_authority_elected (plan));
  _vigia_library_bind_text (stmt, 16, vigia_plan_get_source_format (plan));
  _vigia_library_bind_text (stmt, 17, vigia_plan_get_source_reference (plan));
  _vigia_library_bind_text (stmt, 18, vigia_plan_get_source_imported (plan));
  _vigia_library_bind_text (stmt, 19, vigia_plan_get_source_digest (plan));
  _vigia_library_bind_text (stmt, 20, vigia_plan_get_changed (plan));
  bind_stamp (stmt, 21, vigia_plan_get_stamp (plan));
  vigia_statement_bind_int64 (stmt, 24, vigia_plan_get_stamp (plan)->version);
}

static void
bind_goal_fields (VigiaStatement *stmt,
                  VigiaGoal    *goal)
{
  const char * const *cells = vigia_goal_get_source_cells (goal);

  /* Parameters 3 to 11, in the order of the INSERT and UPDATE below. */
  vigia_statement_bind_int64 (stmt, 3, vigia_goal_get_number (goal));
  _vigia_library_bind_text (stmt, 4, vigia_goal_get_problem (goal));
  _vigia_library_bind_text (stmt, 5, vigia_goal_get_objective (goal));
  _vigia_library_bind_text (stmt, 6, vigia_goal_get_indicator (goal));
  vigia_statement_bind_double (stmt, 7, vigia_goal_get_weight (goal));
  for (guint i = 0; i < 4; i++)
    _vigia_library_bind_text (stmt, 8 + i, cells != NULL && g_strv_length ((char **) cells) > i ? cells[i] : NULL);
}

static void
bind_target_fields (VigiaStatement *stmt,
                    VigiaTarget  *target)
{
  /* Parameters 3 to 11, in the order of the INSERT and UPDATE below. */
  _vigia_library_bind_text (stmt, 3, vigia_target_get_text (target));
  bind_double (stmt, 4, vigia_target_get_value (target));
  _vigia_library_bind_text (stmt, 5, vigia_target_get_unit (target));
  _vigia_library_bind_enum (stmt, 6, VIGIA_TYPE_MEASURE, vigia_target_get_measure (target));
  _vigia_library_bind_enum (stmt, 7, VIGIA_TYPE_DIRECTION, vigia_target_get_direction (target));
  _vigia_library_bind_enum (stmt, 8, VIGIA_TYPE_READING, vigia_target_get_reading (target));
  bind_double (stmt, 9, vigia_target_get_baseline_value (target));
  _vigia_library_bind_positive (stmt, 10, vigia_target_get_baseline_year (target));
  vigia_statement_bind_double (stmt, 11, vigia_target_get_weight (target));
}

/* A goal or target that is put back (undo, restore, a merge) is no longer
 * deleted. */
static gboolean
forget_deletion (VigiaLibrary  *self,
                 const char    *uuid,
                 GError       **error)
{
  g_autoptr(CachedStmt) stmt = _vigia_library_prepare (self, "DELETE FROM tombstone WHERE uuid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  _vigia_library_bind_text (stmt, 1, uuid);
  return _vigia_library_send (self, stmt, error);
}

/* Remembers that the goal or target @uuid was deleted (at @when, or now),
 * so that a merge does
 * not bring it back from a library that still has it unchanged. */
gboolean
_vigia_library_record_deletion (VigiaLibrary  *self,
                                const char    *plan_uuid,
                                const char    *goal_uuid,
                                const char    *uuid,
                                const char    *entity,
                                const char    *when,
                                const char    *who,
                                GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = when == NULL ? vigia_stamp_now () : NULL;

  stmt = _vigia_library_prepare (self,
                                 "INSERT INTO tombstone (uuid, plan_uuid, goal_uuid, entity, deleted, deleted_by)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (uuid) DO UPDATE SET"
                                 " deleted = CASE WHEN excluded.deleted > tombstone.deleted"
                                 "   THEN excluded.deleted ELSE tombstone.deleted END,"
                                 " deleted_by = CASE WHEN excluded.deleted > tombstone.deleted"
                                 "   THEN excluded.deleted_by ELSE tombstone.deleted_by END",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _vigia_library_bind_text (stmt, 1, uuid);
  _vigia_library_bind_text (stmt, 2, plan_uuid);
  _vigia_library_bind_text (stmt, 3, goal_uuid);
  _vigia_library_bind_text (stmt, 4, entity);
  _vigia_library_bind_text (stmt, 5, when != NULL ? when : now);
  _vigia_library_bind_text (stmt, 6, who);
  return _vigia_library_step_done (self, stmt, error);
}

static gboolean
insert_progress_row (VigiaLibrary   *self,
                     gint64          target_id,
                     VigiaProgress  *progress,
                     const char     *now,
                     GError        **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gint64 progress_id;

  stmt = _vigia_library_prepare (self,
                                 "INSERT INTO progress (target_id, period, source, value, status, note, evidence,"
                                 " recorded, edited, edited_by, merged, version, id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (vigia_progress_get_recorded (progress) == NULL)
    vigia_progress_set_recorded (progress, now);
  stamp_new (self, vigia_progress_get_stamp (progress));

  vigia_statement_bind_int64 (stmt, 1, target_id);
  _vigia_library_bind_text (stmt, 2, vigia_progress_get_period (progress));
  _vigia_library_bind_enum (stmt, 3, VIGIA_TYPE_SOURCE, vigia_progress_get_source (progress));
  bind_double (stmt, 4, vigia_progress_get_value (progress));
  _vigia_library_bind_enum (stmt, 5, VIGIA_TYPE_STATUS, vigia_progress_get_status (progress));
  _vigia_library_bind_text (stmt, 6, vigia_progress_get_note (progress));
  bind_strv (stmt, 7, vigia_progress_get_evidence (progress));
  _vigia_library_bind_text (stmt, 8, vigia_progress_get_recorded (progress));
  bind_stamp (stmt, 9, vigia_progress_get_stamp (progress));
  vigia_progress_get_stamp (progress)->version = new_version ();
  vigia_statement_bind_int64 (stmt, 12, vigia_progress_get_stamp (progress)->version);
  if (!_vigia_library_insert_row (self, stmt, ROW_PROGRESS, 13, &progress_id, error))
    return FALSE;

  vigia_progress_set_id (progress, progress_id);
  return TRUE;
}

/* Inserts the target row at @position, without its progress. */
static gboolean
insert_target_row (VigiaLibrary  *self,
                   gint64         goal_id,
                   guint          position,
                   VigiaTarget   *target,
                   const char    *now,
                   GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gint64 target_id;

  if (vigia_target_get_uuid (target) == NULL)
    {
      g_autofree char *uuid = vigia_uuid_new ();

      vigia_target_set_uuid (target, uuid);
    }
  else if (!forget_deletion (self, vigia_target_get_uuid (target), error))
    return FALSE;

  stmt = _vigia_library_prepare (self,
                                 "INSERT INTO target (goal_id, uuid, text, value, unit, measure, direction, reading,"
                                 " baseline_value, baseline_year, weight, position, edited, edited_by, merged, id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  stamp_new (self, vigia_target_get_stamp (target));
  vigia_statement_bind_int64 (stmt, 1, goal_id);
  _vigia_library_bind_text (stmt, 2, vigia_target_get_uuid (target));
  bind_target_fields (stmt, target);
  vigia_statement_bind_int64 (stmt, 12, position);
  bind_stamp (stmt, 13, vigia_target_get_stamp (target));
  if (!_vigia_library_insert_row (self, stmt, ROW_TARGET, 16, &target_id, error))
    return FALSE;

  vigia_target_set_id (target, target_id);
  return TRUE;
}

/* Inserts the progress of @target, whose row is written. */
static gboolean
insert_target_progress (VigiaLibrary  *self,
                        VigiaTarget   *target,
                        const char    *now,
                        GError       **error)
{
  GListModel *progress = vigia_target_get_progress (target);
  guint n = g_list_model_get_n_items (progress);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, i);

      if (!insert_progress_row (self, vigia_target_get_id (target), entry, now, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts the target row at @position and its progress. */
static gboolean
insert_target_tree (VigiaLibrary  *self,
                    gint64         goal_id,
                    guint          position,
                    VigiaTarget   *target,
                    const char    *now,
                    GError       **error)
{
  return insert_target_row (self, goal_id, position, target, now, error) &&
         insert_target_progress (self, target, now, error);
}

/* Inserts the goal row at @position, without its targets. */
static gboolean
insert_goal_row (VigiaLibrary  *self,
                 gint64         dimension_id,
                 guint          position,
                 VigiaGoal     *goal,
                 const char    *now,
                 GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gint64 goal_id;

  if (vigia_goal_get_uuid (goal) == NULL)
    {
      g_autofree char *uuid = vigia_uuid_new ();

      vigia_goal_set_uuid (goal, uuid);
    }
  else if (!forget_deletion (self, vigia_goal_get_uuid (goal), error))
    return FALSE;

  stmt = _vigia_library_prepare (self,
                                 "INSERT INTO goal (dimension_id, uuid, number, problem, objective, indicator,"
                                 " weight, source_problem, source_objective, source_indicator, source_target,"
                                 " position, edited, edited_by, merged, version, id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  stamp_new (self, vigia_goal_get_stamp (goal));
  vigia_statement_bind_int64 (stmt, 1, dimension_id);
  _vigia_library_bind_text (stmt, 2, vigia_goal_get_uuid (goal));
  bind_goal_fields (stmt, goal);
  vigia_statement_bind_int64 (stmt, 12, position);
  bind_stamp (stmt, 13, vigia_goal_get_stamp (goal));
  vigia_goal_get_stamp (goal)->version = new_version ();
  vigia_statement_bind_int64 (stmt, 16, vigia_goal_get_stamp (goal)->version);
  if (!_vigia_library_insert_row (self, stmt, ROW_GOAL, 17, &goal_id, error))
    return FALSE;

  vigia_goal_set_id (goal, goal_id);
  return TRUE;
}

/* Inserts the goal row at @position, its targets and their progress; does
 * not renumber. */
static gboolean
insert_goal_tree (VigiaLibrary  *self,
                  gint64         dimension_id,
                  guint          position,
                  VigiaGoal     *goal,
                  const char    *now,
                  GError       **error)
{
  guint n = vigia_goal_get_n_targets (goal);

  if (!insert_goal_row (self, dimension_id, position, goal, now, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!insert_target_tree (self, vigia_goal_get_id (goal), i, vigia_goal_get_target (goal, i), now, error))
      return FALSE;
  return TRUE;
}

/* Inserts the dimension row at @position, without its goals. */
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

  stmt = _vigia_library_prepare (self,
                                 "INSERT INTO dimension (plan_id, position, kind, title, id) VALUES (?1, ?2, ?3, ?4, ?5)"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  vigia_statement_bind_int64 (stmt, 1, plan_id);
  vigia_statement_bind_int64 (stmt, 2, position);
  _vigia_library_bind_enum (stmt, 3, VIGIA_TYPE_DIMENSION_KIND, vigia_dimension_get_kind (dimension));
  _vigia_library_bind_text (stmt, 4, vigia_dimension_get_title (dimension));
  if (!_vigia_library_insert_row (self, stmt, ROW_DIMENSION, 5, &dimension_id, error))
    return FALSE;

  vigia_dimension_set_id (dimension, dimension_id);
  return TRUE;
}

/* Inserts the dimension row at @position, its goals, their targets and
 * progress. */
static gboolean
insert_dimension_tree (VigiaLibrary    *self,
                       gint64           plan_id,
                       guint            position,
                       VigiaDimension  *dimension,
                       const char      *now,
                       GError         **error)
{
  guint n = vigia_dimension_get_n_goals (dimension);

  if (!insert_dimension_row (self, plan_id, position, dimension, now, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!insert_goal_tree (self, vigia_dimension_get_id (dimension), i, vigia_dimension_get_goal (dimension, i),
                           now, error))
      return FALSE;
  return TRUE;
}

/* Inserts the dimensions, goals and progress of @plan under @plan_id,
 * level by level: all the plan's goals, then all its targets, so that a
 * server gets each level's rows as one statement (docs/postgresql.md,
 * "Fewer round trips"). */
static gboolean
insert_plan_contents (VigiaLibrary  *self,
                      gint64         plan_id,
                      VigiaPlan     *plan,
                      const char    *now,
                      GError       **error)
{
  g_autoptr(GPtrArray) goals = g_ptr_array_new ();
  guint n = vigia_plan_get_n_dimensions (plan);

  for (guint i = 0; i < n; i++)
    if (!insert_dimension_row (self, plan_id, i, vigia_plan_get_dimension (plan, i), now, error))
      return FALSE;

  for (guint i = 0; i < n; i++)
    {
      VigiaDimension *dimension = vigia_plan_get_dimension (plan, i);

      for (guint j = 0; j < vigia_dimension_get_n_goals (dimension); j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dimension, j);

          if (!insert_goal_row (self, vigia_dimension_get_id (dimension), j, goal, now, error))
            return FALSE;
          g_ptr_array_add (goals, goal);
        }
    }

  for (guint i = 0; i < goals->len; i++)
    {
      VigiaGoal *goal = g_ptr_array_index (goals, i);

      for (guint k = 0; k < vigia_goal_get_n_targets (goal); k++)
        if (!insert_target_row (self, vigia_goal_get_id (goal), k, vigia_goal_get_target (goal, k), now, error))
          return FALSE;
    }

  for (guint i = 0; i < goals->len; i++)
    {
      VigiaGoal *goal = g_ptr_array_index (goals, i);

      for (guint k = 0; k < vigia_goal_get_n_targets (goal); k++)
        if (!insert_target_progress (self, vigia_goal_get_target (goal, k), now, error))
          return FALSE;
    }
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

      /* A goal given another number is at a new version (its number is
       * one of the fields a save writes); apply_goal_numbers() follows. */
      stmt = _vigia_library_prepare (self,
                                     "UPDATE goal SET position = ?2, number = ?3,"
                                     " version = CASE WHEN number = ?3 THEN version ELSE version + 1 END"
                                     " WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        return FALSE;
      vigia_statement_bind_int64 (stmt, 1, vigia_goal_get_id (goal));
      vigia_statement_bind_int64 (stmt, 2, i);
      vigia_statement_bind_int64 (stmt, 3, i + 1);
      if (!_vigia_library_step_done (self, stmt, error))
        return FALSE;

      if (vigia_goal_get_number (goal) != i + 1)
        {
          g_autofree char *old_number = g_strdup_printf ("%u", vigia_goal_get_number (goal));
          g_autofree char *new_number = g_strdup_printf ("%u", i + 1);

          if (!_vigia_library_insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
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
    {
      VigiaGoal *goal = g_ptr_array_index (goals, i);

      if (vigia_goal_get_number (goal) != i + 1)
        vigia_goal_get_stamp (goal)->version++;
      vigia_goal_set_number (goal, i + 1);
    }
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

      stmt = _vigia_library_prepare (self, "UPDATE dimension SET position = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      vigia_statement_bind_int64 (stmt, 1, vigia_dimension_get_id (g_ptr_array_index (dimensions, i)));
      vigia_statement_bind_int64 (stmt, 2, i);
      if (!_vigia_library_step_done (self, stmt, error))
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

  /* Opening reads the file's header before statements are cached. */
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
    return _vigia_library_set_sqlite_error (self, error, rc);
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

      if (!_vigia_library_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* A constant from the schema table and a number: no outside text. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     version, VIGIA_APPLICATION_ID);
      if (!_vigia_library_exec (self, vigia_schema_get_migration (version), error) ||
          !_vigia_library_exec (self, set_version, error))
        {
          _vigia_library_exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("The library could not be upgraded to version %d: "), version);
          return FALSE;
        }

      if (!_vigia_library_exec (self, "COMMIT", error))
        {
          _vigia_library_exec (self, "ROLLBACK", NULL);
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

static void
derive_uuid_sql (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *uuid = (const char *) sqlite3_value_text (argv[0]);
  const char *name = (const char *) sqlite3_value_text (argv[1]);

  if (uuid == NULL || name == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, vigia_uuid_derive (uuid, name), -1, g_free);
}

/* @immutable: opens the file as one that nothing changes, without locks or
 * a write-ahead log, which a read-only folder or medium cannot hold. */
static gboolean
open_connection (VigiaLibrary  *self,
                 gboolean       create,
                 gboolean       immutable,
                 GError       **error)
{
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  g_autofree char *uri = NULL;
  int rc;

  flags |= self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create)
    flags |= SQLITE_OPEN_CREATE;

  if (immutable)
    {
      g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, error);

      if (file_uri == NULL)
        return FALSE;
      uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* For the migrations (vigia-schema.c). */
  sqlite3_create_function (self->db, "vigia_derive_uuid", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                           derive_uuid_sql, NULL, NULL);
  return TRUE;
}

static gboolean
vigia_library_open_file (VigiaLibrary           *self,
                         VigiaLibraryOpenFlags   flags,
                         GError                **error)
{
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  /* A team's library on a server (docs/postgresql.md): read-only for a
   * member the server lets only read. */
  if (!exists && vigia_store_location_is_postgresql (self->path))
    {
      self->server = vigia_store_postgresql_open (self->path, error);
      if (self->server == NULL)
        return FALSE;
      g_free (self->name);
      self->name = g_strdup (vigia_store_get_location (VIGIA_STORE (self->server)));
      self->read_only_asked = (flags & VIGIA_LIBRARY_OPEN_READ_ONLY) != 0;
      self->read_only = self->read_only_asked || !vigia_store_postgresql_may_write (self->server);
      return TRUE;
    }

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

  /* An empty file is what a typo or a failed copy leaves: a command that
   * expects a library says so rather than making one of it. */
  if (exists && (flags & (VIGIA_LIBRARY_OPEN_EXISTING | VIGIA_LIBRARY_OPEN_READ_ONLY)) != 0)
    {
      GStatBuf info;

      if (g_stat (self->path, &info) == 0 && info.st_size == 0)
        {
          g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY,
                       _("“%s” is an empty file, not a Vigía library."), self->path);
          return FALSE;
        }
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
  {
    g_autofree char *dir = g_path_get_dirname (self->path);

    /* A folder we may not write holds no log beside the file either. */
    self->read_only = (flags & VIGIA_LIBRARY_OPEN_READ_ONLY) != 0 ||
                      (exists && (g_access (self->path, W_OK) != 0 || g_access (dir, W_OK) != 0));
  }

  if (!open_connection (self, !exists, FALSE, error))
    return FALSE;

  if (!check_library (self, &version, &local_error))
    {
      /* A library on a read-only folder or medium cannot make its log and
       * lock files: read it as a file nothing changes. */
      if (!self->read_only || g_error_matches (local_error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY) ||
          g_error_matches (local_error, VIGIA_ERROR, VIGIA_ERROR_NEWER_SCHEMA))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
      g_clear_pointer (&self->db, sqlite3_close);
      if (!open_connection (self, FALSE, TRUE, error) || !check_library (self, &version, error))
        return FALSE;
    }

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
      return _vigia_library_exec (self, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON; PRAGMA cache_size = -2048;",
                                  error);
    }

  /* Only now, with a file known to be ours and of a version we read, write to it. */
  if (!_vigia_library_exec (self,
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
/* Other desks (a library on PostgreSQL)                                   */
/* ---------------------------------------------------------------------- */

/* The channel on which a library on PostgreSQL tells the plans a commit
 * changed, as their ids separated by commas. */
#define CHANGES_CHANNEL "vigia_plans"
/* PostgreSQL's payloads are shorter than 8,000 bytes. */
#define CHANGES_PAYLOAD_MAX 7000
/* How often a watching library looks for other desks' changes. */
#define CHANGES_POLL_MS 250

/* Tells the other desks, in the transaction about to commit (the server
 * delivers a notification only if it commits), which plans it changed. */
static gboolean
notify_other_desks (VigiaLibrary  *self,
                    GError       **error)
{
  g_autoptr(GString) payload = g_string_new (NULL);
  g_autoptr(CachedStmt) stmt = NULL;

  if (self->server == NULL || self->touched->len == 0)
    return TRUE;

  stmt = _vigia_library_prepare (self, "SELECT pg_notify ('" CHANGES_CHANNEL "', ?1)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i <= self->touched->len; i++)
    {
      if (i == self->touched->len || payload->len > CHANGES_PAYLOAD_MAX)
        {
          if (payload->len == 0)
            break;
          vigia_statement_bind_text (stmt, 1, payload->str);
          if (!_vigia_library_send (self, stmt, error))
            return FALSE;
          g_string_truncate (payload, 0);
          if (i == self->touched->len)
            break;
        }
      g_string_append_printf (payload, "%s%" G_GINT64_FORMAT, payload->len > 0 ? "," : "",
                              g_array_index (self->touched, gint64, i));
    }
  return TRUE;
}

/* After a failed attempt to connect again, the first wait before the next,
 * and the longest. */
#define RECONNECT_PAUSE_US (2 * G_USEC_PER_SEC)
#define RECONNECT_PAUSE_MAX_US (60 * G_USEC_PER_SEC)

/* Every plan of the library, announced as changed: what other desks did
 * while the connection was lost went unheard. */
static void
announce_all_plans (VigiaLibrary *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc = SQLITE_DONE;

  stmt = _vigia_library_prepare (self, "SELECT id FROM plan", &error);
  while (stmt != NULL && (rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      gint64 id = vigia_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (stmt == NULL || rc != SQLITE_DONE)
    {
      if (stmt != NULL)
        _vigia_library_set_sqlite_error (self, &error, rc);
      /* The list and the open plan are read again all the same. */
      g_warning ("Could not list the plans of %s after connecting again: %s", self->name, error->message);
    }
  g_signal_emit (self, signals[PLANS_CHANGED], 0, ids);
}

static void reconnect (VigiaLibrary *self);

/* After a failed attempt: the next one later, each pause twice the last. */
static void
wait_before_reconnecting (VigiaLibrary *self)
{
  self->reconnect_after = g_get_monotonic_time () + self->reconnect_pause;
  self->reconnect_pause = MIN (self->reconnect_pause * 2, RECONNECT_PAUSE_MAX_US);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  VigiaLibrary *self = VIGIA_LIBRARY (object);
  g_autoptr(GError) error = NULL;

  self->connecting = FALSE;
  self->pending_conn = _vigia_store_postgresql_connect_finish (self->server, result, &error);
  if (self->pending_conn == NULL)
    {
      g_debug ("%s", error->message);
      wait_before_reconnecting (self);
      return;
    }
  /* Taken now if nothing uses the store, or at the next poll. */
  if (self->depth == 0 && self->server->streaming == NULL)
    reconnect (self);
}

/* The lost connection made again, without blocking the window: a thread
 * makes a new one while the store keeps the lost one (which refuses
 * whatever is asked of it, at once); the new one is taken when nothing
 * uses the store.  Then the library listens again and every plan is
 * announced as changed.  A library that changed under this build is given
 * up (vigia_library_get_connection_error()). */
static void
reconnect (VigiaLibrary *self)
{
  g_autoptr(GError) error = NULL;
  /* A handler of the signals below may drop the last reference. */
  G_GNUC_UNUSED g_autoptr(VigiaLibrary) hold = g_object_ref (self);

  g_return_if_fail (self->depth == 0 && self->server->streaming == NULL);

  if (!self->disconnected)
    {
      g_debug ("The connection to %s was lost: connecting again", self->name);
      self->disconnected = TRUE;
      self->reconnect_after = 0;
      self->reconnect_pause = RECONNECT_PAUSE_US;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
    }
  if (self->connection_error != NULL || self->connecting)
    return;

  if (self->pending_conn == NULL)
    {
      if (g_get_monotonic_time () >= self->reconnect_after)
        {
          self->connecting = TRUE;
          _vigia_store_postgresql_connect_async (self->server, self, connected_cb, NULL);
        }
      return;
    }

  if (!_vigia_store_postgresql_adopt (self->server, g_steal_pointer (&self->pending_conn), &error))
    {
      g_debug ("%s", error->message);
      if (g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY))
        {
          self->connection_error = g_steal_pointer (&error);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
        }
      else
        wait_before_reconnecting (self);
      return;
    }

  /* Prepared on the old connection: the server knows them no more. */
  g_hash_table_remove_all (self->statements);
  self->read_only = self->read_only_asked || !vigia_store_postgresql_may_write (self->server);
  if (!_vigia_library_exec (self, "LISTEN " CHANGES_CHANNEL, &error))
    {
      /* Lost again already: the next poll finds it. */
      g_debug ("%s", error->message);
      return;
    }
  self->disconnected = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  announce_all_plans (self);
}

/* Reads the notifications that came from other desks' commits and announces
 * their plans as changed; finds a lost connection and makes it again. */
static gboolean
poll_other_desks_cb (gpointer user_data)
{
  VigiaLibrary *self = user_data;
  PGconn *conn = self->server->conn;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  PGnotify *notify;

  /* Not while a copy's rows are coming on this connection. */
  if (self->server->streaming != NULL || self->depth > 0)
    return G_SOURCE_CONTINUE;
  if (self->disconnected || !PQconsumeInput (conn) || PQstatus (conn) != CONNECTION_OK)
    {
      if (self->disconnected || PQstatus (conn) != CONNECTION_OK)
        reconnect (self);
      return G_SOURCE_CONTINUE;
    }

  while ((notify = PQnotifies (conn)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (conn) && g_str_equal (notify->relname, CHANGES_CHANNEL))
        {
          g_auto(GStrv) ids = g_strsplit (notify->extra, ",", -1);

          for (guint i = 0; ids[i] != NULL; i++)
            {
              gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

              if (id > 0)
                g_array_append_val (changed, id);
            }
        }
      PQfreemem (notify);
    }

  if (changed->len > 0)
    g_signal_emit (self, signals[PLANS_CHANGED], 0, changed);
  return G_SOURCE_CONTINUE;
}

/**
 * vigia_library_is_connected:
 *
 * Returns: %FALSE while the watch of other desks (vigia_library_watch_other_desks())
 *   makes a lost connection to the server again; %TRUE otherwise
 */
gboolean
vigia_library_is_connected (VigiaLibrary *self)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);

  return !self->disconnected;
}

/**
 * vigia_library_get_connection_error:
 *
 * Returns: (nullable): why a lost connection to the server was given up
 *   rather than made again (the library changed under this build: it must
 *   be opened again); %NULL while it is connected or being connected
 */
const GError *
vigia_library_get_connection_error (VigiaLibrary *self)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  return self->connection_error;
}

/**
 * vigia_library_watch_other_desks:
 *
 * For a library on PostgreSQL: from now on, the plans other desks change
 * are announced by #VigiaLibrary::plans-changed, within a fraction of a
 * second of their commit, in the thread-default main context.  A lost
 * connection is found there too, and made again (#VigiaLibrary:connected),
 * without blocking; then every plan is announced as changed.  Does nothing
 * for a file.
 */
gboolean
vigia_library_watch_other_desks (VigiaLibrary  *self,
                                 GError       **error)
{
  g_autoptr(GSource) source = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);

  if (self->server == NULL || self->watch != NULL)
    return TRUE;
  if (!_vigia_library_exec (self, "LISTEN " CHANGES_CHANNEL, error))
    return FALSE;

  source = g_timeout_source_new (CHANGES_POLL_MS);
  g_source_set_callback (source, poll_other_desks_cb, self, NULL);
  g_source_set_static_name (source, "[vigia] other desks' changes");
  g_source_attach (source, g_main_context_get_thread_default ());
  self->watch = g_steal_pointer (&source);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
vigia_library_finalize (GObject *object)
{
  VigiaLibrary *self = (VigiaLibrary *)object;

  if (self->depth > 0 && (self->db != NULL || self->server != NULL))
    {
      g_warning ("Library %s finalized inside a transaction: rolling back", self->name);
      _vigia_library_exec (self, "ROLLBACK", NULL);
    }

  g_clear_pointer (&self->pending_conn, PQfinish);
  g_clear_error (&self->connection_error);
  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);

  /* The statements before the connections they were prepared on; the
   * server forgets them with the session. */
  if (self->server != NULL)
    self->server->closing = TRUE;
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->helper);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_object (&self->server);
  g_clear_error (&self->step_error);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->touched, g_array_unref);
  g_clear_pointer (&self->pending_search, g_array_unref);
  for (int kind = 0; kind < N_ROW_KINDS; kind++)
    g_clear_pointer (&self->reserved_ids[kind], g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (vigia_library_parent_class)->finalize (object);
}

static void
vigia_library_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VigiaLibrary *self = VIGIA_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, vigia_library_is_connected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_library_class_init (VigiaLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_library_finalize;
  object_class->get_property = vigia_library_get_property;

  /**
   * VigiaLibrary:connected:
   *
   * Whether the library can be used: %FALSE while a lost connection to its
   * server is being made again (vigia_library_watch_other_desks()).
   */
  properties[PROP_CONNECTED] = g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_search = g_array_new (FALSE, FALSE, sizeof (PendingSearch));
  for (int kind = 0; kind < N_ROW_KINDS; kind++)
    self->reserved_ids[kind] = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->author = vigia_library_dup_default_author ();
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */
/* ---------------------------------------------------------------------- */

/**
 * vigia_library_dup_default_author:
 *
 * Returns: (transfer full): who changes go under when nobody said:
 *   `$VIGIA_USER` if set, otherwise the account's real name, otherwise its
 *   login
 */
char *
vigia_library_dup_default_author (void)
{
  const char *env = g_getenv ("VIGIA_USER");
  const char *real = g_get_real_name ();

  if (!vigia_str_empty (env))
    return g_strstrip (g_strdup (env));
  /* GLib says "Unknown" where the account has no real name. */
  if (!vigia_str_empty (real) && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

/**
 * vigia_library_set_author:
 * @author: (nullable): the name, or %NULL for vigia_library_dup_default_author()
 *
 * Sets who the changes made through this connection are recorded as
 * (progress entries, edits, the history).
 */
void
vigia_library_set_author (VigiaLibrary *self,
                          const char   *author)
{
  g_return_if_fail (VIGIA_IS_LIBRARY (self));

  g_free (self->author);
  if (vigia_str_empty (author))
    self->author = vigia_library_dup_default_author ();
  else
    self->author = g_strstrip (g_strdup (author));
}

const char *
vigia_library_get_author (VigiaLibrary *self)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);
  return self->author;
}

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
  self->name = g_strdup (path);

  if (!vigia_library_open_file (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The file, or the PostgreSQL connection string, that opens the library
 * again (another thread opens its own connection with it).  It may hold a
 * password: show vigia_library_get_name() instead. */
const char *
vigia_library_get_path (VigiaLibrary *self)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);
  return self->path;
}

/* What to call the library for a person: its file, or for a library on
 * PostgreSQL user@server/database. */
const char *
vigia_library_get_name (VigiaLibrary *self)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);
  return self->name;
}

/* Whether the library is held by a PostgreSQL server (docs/postgresql.md). */
gboolean
vigia_library_is_shared (VigiaLibrary *self)
{
  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  return self->server != NULL;
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
  VigiaStatement *stmt;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);

  if (self->read_only)
    return set_read_only_error (self, error);

  /* IMMEDIATE takes the write lock now, so that a busy library is found
   * before any work is done rather than at commit.  A server is not
   * waited for: the transaction's first statement goes with it. */
  stmt = _vigia_library_prepare (self,
                                 self->depth > 0 ? "SAVEPOINT nested" : LIBRARY_SQL (self, "BEGIN IMMEDIATE", "BEGIN"),
                                 error);
  if (stmt == NULL)
    return FALSE;
  g_clear_error (&self->step_error);
  if (!vigia_statement_send (stmt, &self->step_error))
    return _vigia_library_set_sqlite_error (self, error, SQLITE_ERROR);

  self->depth++;
  return TRUE;
}

/* Whether a savepoint's writes were all made is known at its release,
 * which waits for what was sent.  With nothing sent since the last wait,
 * the release can only fail with the connection, which the next statement
 * tells: it is sent too (an import's file and its plan end together). */
static gboolean
release_savepoint (VigiaLibrary  *self,
                   GError       **error)
{
  VigiaStatement *stmt;

  if (self->server == NULL || self->server->n_sent > 0 || self->server->batching != NULL)
    return _vigia_library_exec_cached (self, "RELEASE nested", error);
  stmt = _vigia_library_prepare (self, "RELEASE nested", error);
  return stmt != NULL && _vigia_library_send (self, stmt, error);
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
      if (!release_savepoint (self, error))
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

  if (!_vigia_library_flush_search_rows (self, error) ||
      !notify_other_desks (self, error) ||
      !_vigia_library_exec_cached (self, "COMMIT", error))
    {
      vigia_library_rollback (self);
      return FALSE;
    }
  self->depth = 0;
  clear_reserved_ids (self);

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

  /* What was sent is undone with the rest, whether it failed or not. */
  if (self->server != NULL)
    _vigia_store_postgresql_wait (self->server, NULL, NULL);

  if (self->depth > 1)
    {
      _vigia_library_exec (self, "ROLLBACK TO nested; RELEASE nested", NULL);
      self->depth--;
      return;
    }

  /* Fails harmlessly if SQLite already rolled back (after a full disk, say). */
  _vigia_library_exec (self, "ROLLBACK", NULL);
  self->depth = 0;
  g_array_set_size (self->touched, 0);
  clear_reserved_ids (self);
}

/* Gives the goals of @goals_by_id their targets, in order: of the plan
 * @plan_id, or of the one goal @goal_id.  Fills @targets_by_id if given. */
static gboolean
load_targets (VigiaLibrary  *self,
              gint64         plan_id,
              gint64         goal_id,
              GHashTable    *goals_by_id,
              GHashTable    *targets_by_id,
              GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  gint64 current = 0;
  int rc;

  if (plan_id != 0)
    stmt = _vigia_library_prepare (self,
                                   "SELECT t.goal_id, " TARGET_COLUMNS
                                   " FROM target t JOIN goal g ON g.id = t.goal_id"
                                   " JOIN dimension d ON d.id = g.dimension_id"
                                   " WHERE d.plan_id = ?1 ORDER BY t.goal_id, t.position, t.id",
                                   error);
  else
    stmt = _vigia_library_prepare (self,
                                   "SELECT t.goal_id, " TARGET_COLUMNS
                                   " FROM target t WHERE t.goal_id = ?1 ORDER BY t.position, t.id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  vigia_statement_bind_int64 (stmt, 1, plan_id != 0 ? plan_id : goal_id);

  targets = g_ptr_array_new_with_free_func (g_object_unref);
  for (;;)
    {
      gint64 id = 0;

      rc = _vigia_library_step (self, stmt);
      if (rc == SQLITE_ROW)
        id = vigia_statement_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        return _vigia_library_set_sqlite_error (self, error, rc);

      /* A goal's targets are read together; hand them over at the next goal. */
      if (id != current && targets->len > 0)
        {
          VigiaGoal *goal = g_hash_table_lookup (goals_by_id, &current);

          g_assert (goal != NULL);
          vigia_goal_set_targets (goal, targets);
          g_ptr_array_set_size (targets, 0);
        }
      if (rc == SQLITE_DONE)
        return TRUE;

      current = id;
      g_ptr_array_add (targets, target_from_row (stmt, 1));
      if (targets_by_id != NULL)
        g_hash_table_insert (targets_by_id, g_memdup2 (&(gint64) { vigia_statement_column_int64 (stmt, 1) },
                                                       sizeof (gint64)),
                             g_ptr_array_index (targets, targets->len - 1));
    }
}

static VigiaPlan *
load_plan_row (VigiaLibrary  *self,
               gint64         plan_id,
               GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = _vigia_library_prepare (self, "SELECT " PLAN_COLUMNS " FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  vigia_statement_bind_int64 (stmt, 1, plan_id);
  rc = _vigia_library_step (self, stmt);
  if (rc == SQLITE_DONE)
    {
      _vigia_library_set_no_plan_error (error, plan_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return plan_from_row (stmt);
}

/* The goals and targets deleted from @plan. */
static gboolean
load_deletions (VigiaLibrary  *self,
                VigiaPlan     *plan,
                GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  GPtrArray *deletions = vigia_plan_get_deletions (plan);
  int rc;

  stmt = _vigia_library_prepare (self,
                                 "SELECT uuid, goal_uuid, entity, deleted, deleted_by FROM tombstone"
                                 " WHERE plan_uuid = ?1 ORDER BY deleted, uuid",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _vigia_library_bind_text (stmt, 1, vigia_plan_get_uuid (plan));
  g_ptr_array_set_size (deletions, 0);
  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    g_ptr_array_add (deletions, vigia_deletion_new (_vigia_library_column_text (stmt, 0),
                                                    _vigia_library_column_text (stmt, 1),
                                                    _vigia_library_column_text (stmt, 2),
                                                    _vigia_library_column_text (stmt, 3),
                                                    _vigia_library_column_text (stmt, 4)));
  if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  return TRUE;
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
  g_autoptr(GHashTable) targets_by_id = NULL;
  g_autoptr(CachedStmt) dims = NULL;
  g_autoptr(CachedStmt) goals = NULL;
  g_autoptr(CachedStmt) progress = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  /* One read transaction, so that the plan is read whole as of one moment. */
  if (self->depth == 0 && !_vigia_library_begin_read (self, error))
    return NULL;

  plan = load_plan_row (self, plan_id, error);
  if (plan == NULL)
    goto failed;

  dims_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  goals_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  targets_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  dims = _vigia_library_prepare (self,
                                 "SELECT id, kind, title FROM dimension WHERE plan_id = ?1 ORDER BY position, id",
                                 error);
  if (dims == NULL)
    goto failed;
  vigia_statement_bind_int64 (dims, 1, plan_id);
  while ((rc = _vigia_library_step (self, dims)) == SQLITE_ROW)
    {
      g_autoptr(VigiaDimension) dim = NULL;

      dim = vigia_dimension_new (_vigia_library_column_enum (dims, 1, VIGIA_TYPE_DIMENSION_KIND,
                                                             VIGIA_DIMENSION_KIND_OTHER),
                                 _vigia_library_column_text (dims, 2));
      vigia_dimension_set_id (dim, vigia_statement_column_int64 (dims, 0));
      vigia_plan_append_dimension (plan, dim);
      g_hash_table_insert (dims_by_id, g_memdup2 (&(gint64) { vigia_statement_column_int64 (dims, 0) },
                                                  sizeof (gint64)), dim);
    }
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      goto failed;
    }

  goals = _vigia_library_prepare (self,
                                  "SELECT g.dimension_id, " GOAL_COLUMNS
                                  " FROM goal g JOIN dimension d ON d.id = g.dimension_id"
                                  " WHERE d.plan_id = ?1 ORDER BY d.position, g.position, g.id",
                                  error);
  if (goals == NULL)
    goto failed;
  vigia_statement_bind_int64 (goals, 1, plan_id);
  while ((rc = _vigia_library_step (self, goals)) == SQLITE_ROW)
    {
      gint64 dimension_id = vigia_statement_column_int64 (goals, 0);
      VigiaDimension *dim = g_hash_table_lookup (dims_by_id, &dimension_id);
      g_autoptr(VigiaGoal) goal = goal_from_row (goals, 1);

      g_assert (dim != NULL);
      vigia_dimension_append_goal (dim, goal);
      g_hash_table_insert (goals_by_id, g_memdup2 (&(gint64) { vigia_goal_get_id (goal) },
                                                   sizeof (gint64)), goal);
    }
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      goto failed;
    }

  if (!load_targets (self, plan_id, 0, goals_by_id, targets_by_id, error))
    goto failed;

  progress = _vigia_library_prepare (self,
                                     "SELECT pr.target_id, " PROGRESS_COLUMNS
                                     " FROM progress pr JOIN target t ON t.id = pr.target_id"
                                     " JOIN goal g ON g.id = t.goal_id"
                                     " JOIN dimension d ON d.id = g.dimension_id"
                                     " WHERE d.plan_id = ?1 ORDER BY pr.target_id, pr.period, pr.source",
                                     error);
  if (progress == NULL)
    goto failed;
  vigia_statement_bind_int64 (progress, 1, plan_id);
  while ((rc = _vigia_library_step (self, progress)) == SQLITE_ROW)
    {
      gint64 target_id = vigia_statement_column_int64 (progress, 0);
      VigiaTarget *target = g_hash_table_lookup (targets_by_id, &target_id);
      g_autoptr(VigiaProgress) entry = progress_from_row (progress, 1);

      g_assert (target != NULL);
      vigia_target_put_progress (target, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      goto failed;
    }

  if (!load_deletions (self, plan, error))
    goto failed;

  if (self->depth == 0)
    _vigia_library_exec (self, "COMMIT", NULL);
  return g_steal_pointer (&plan);

failed:
  if (self->depth == 0)
    _vigia_library_exec (self, "ROLLBACK", NULL);
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

  stmt = _vigia_library_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  _vigia_library_bind_text (stmt, 1, key);
  rc = _vigia_library_step (self, stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return -1;
    }

  if (second != NULL)
    *second = vigia_statement_column_int64 (stmt, 1);
  return vigia_statement_column_int64 (stmt, 0);
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

/**
 * vigia_library_lookup_target:
 * @goal_id: (out) (optional): the goal that holds the target
 * @plan_id: (out) (optional): the plan that holds the target
 *
 * Returns: the id of the target whose uuid is @uuid, 0 if there is none, -1 on error
 */
gint64
vigia_library_lookup_target (VigiaLibrary  *self,
                             const char    *uuid,
                             gint64        *goal_id,
                             gint64        *plan_id,
                             GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), -1);

  stmt = _vigia_library_prepare (self,
                                 "SELECT t.id, t.goal_id, d.plan_id FROM target t JOIN goal g ON g.id = t.goal_id"
                                 " JOIN dimension d ON d.id = g.dimension_id WHERE t.uuid = ?1",
                                 error);
  if (stmt == NULL)
    return -1;
  _vigia_library_bind_text (stmt, 1, uuid);
  rc = _vigia_library_step (self, stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return -1;
    }
  if (goal_id != NULL)
    *goal_id = vigia_statement_column_int64 (stmt, 1);
  if (plan_id != NULL)
    *plan_id = vigia_statement_column_int64 (stmt, 2);
  return vigia_statement_column_int64 (stmt, 0);
}

/* Reserves the ids of @plan's rows and its history row at once, so that
 * a server is asked once for a whole plan (_vigia_library_reserve_ids()). */
static gboolean
reserve_plan_ids (VigiaLibrary  *self,
                  VigiaPlan     *plan,
                  GError       **error)
{
  guint counts[N_ROW_KINDS] = { 0, };
  guint n_dimensions = vigia_plan_get_n_dimensions (plan);

  if (self->server == NULL)
    return TRUE;

  counts[ROW_PLAN] = 1;
  counts[ROW_HISTORY] = 1;
  counts[ROW_DIMENSION] = n_dimensions;
  for (guint d = 0; d < n_dimensions; d++)
    {
      VigiaDimension *dimension = vigia_plan_get_dimension (plan, d);
      guint n_goals = vigia_dimension_get_n_goals (dimension);

      counts[ROW_GOAL] += n_goals;
      for (guint g = 0; g < n_goals; g++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dimension, g);
          guint n_targets = vigia_goal_get_n_targets (goal);

          counts[ROW_TARGET] += n_targets;
          for (guint t = 0; t < n_targets; t++)
            counts[ROW_PROGRESS] += g_list_model_get_n_items (vigia_target_get_progress (vigia_goal_get_target (goal, t)));
        }
    }

  /* What is still reserved from an earlier plan of the transaction is
   * used first. */
  for (int kind = 0; kind < N_ROW_KINDS; kind++)
    counts[kind] -= MIN (counts[kind], self->reserved_ids[kind]->len);
  return _vigia_library_reserve_ids (self, counts, error);
}

static gboolean
add_plan_inner (VigiaLibrary  *self,
                VigiaPlan     *plan,
                const char    *now,
                GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gint64 plan_id;

  stmt = _vigia_library_prepare (self,
                                 "INSERT INTO plan (uuid, organization, election, process, department, province,"
                                 " district, ubigeo, term_start, term_end, ideario, vision, accountability,"
                                 " authority_name, authority_elected, source_format, source_reference,"
                                 " source_imported, source_digest, changed, edited, edited_by, merged, version, created, id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                                 " ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26) RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  stamp_new (self, vigia_plan_get_stamp (plan));
  vigia_plan_get_stamp (plan)->version = new_version ();
  _vigia_library_bind_text (stmt, 1, vigia_plan_get_uuid (plan));
  bind_plan_fields (stmt, plan);
  _vigia_library_bind_text (stmt, 25, vigia_plan_get_created (plan));
  if (!reserve_plan_ids (self, plan, error) ||
      !_vigia_library_insert_row (self, stmt, ROW_PLAN, 26, &plan_id, error))
    return FALSE;

  vigia_plan_set_id (plan, plan_id);

  if (!insert_plan_contents (self, plan_id, plan, now, error) ||
      !_vigia_library_queue_search_row (self, plan_id, error) ||
      !_vigia_library_insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "plan", "create", NULL,
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
  int rc;

  stmt = _vigia_library_prepare (self,
                                 "UPDATE plan SET organization = ?2, election = ?3, process = ?4, department = ?5,"
                                 " province = ?6, district = ?7, ubigeo = ?8, term_start = ?9, term_end = ?10,"
                                 " ideario = ?11, vision = ?12, accountability = ?13, authority_name = ?14,"
                                 " authority_elected = ?15, source_format = ?16, source_reference = ?17,"
                                 " source_imported = ?18, source_digest = ?19, changed = ?20, edited = ?21,"
                                 " edited_by = ?22, merged = ?23, version = ?24 WHERE id = ?1 RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  vigia_plan_get_stamp (plan)->version = new_version ();
  vigia_statement_bind_int64 (stmt, 1, vigia_plan_get_id (plan));
  bind_plan_fields (stmt, plan);
  /* A row comes back only if the plan was there. */
  rc = _vigia_library_step (self, stmt);
  if (rc == SQLITE_DONE)
    {
      _vigia_library_set_no_plan_error (error, vigia_plan_get_id (plan));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _vigia_library_set_sqlite_error (self, error, rc);

  return TRUE;
}

/* Writes @plan (with its id set) over what the library holds of it: its row,
 * and its dimensions, goals, targets and progress written anew.  Writes no
 * history: the caller says what changed. */
gboolean
_vigia_library_rewrite_plan (VigiaLibrary  *self,
                             VigiaPlan     *plan,
                             const char    *now,
                             GError       **error)
{
  g_autoptr(CachedStmt) del = NULL;
  gint64 plan_id = vigia_plan_get_id (plan);

  if (!update_plan_row (self, plan, error))
    return FALSE;

  /* Goals keep their uuids (and so their history) across the replacement. */
  del = _vigia_library_prepare (self, "DELETE FROM dimension WHERE plan_id = ?1", error);
  if (del == NULL)
    return FALSE;
  vigia_statement_bind_int64 (del, 1, plan_id);
  if (!_vigia_library_step_done (self, del, error))
    return FALSE;

  if (!insert_plan_contents (self, plan_id, plan, now, error) ||
      !_vigia_library_queue_search_row (self, plan_id, error))
    return FALSE;

  touch (self, plan_id);
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
  gint64 version;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!lock_row (self, ITEM_PLAN, vigia_plan_get_id (plan), error))
    goto failed;
  old = load_plan_row (self, vigia_plan_get_id (plan), error);
  if (old == NULL ||
      !check_version (ITEM_PLAN, 0, vigia_plan_get_stamp (old), vigia_plan_get_stamp (plan), error))
    goto failed;

  if (!_vigia_library_insert_history_diff (self, now, vigia_plan_get_uuid (plan), NULL, NULL, "plan", NULL,
                                           G_OBJECT (old), G_OBJECT (plan), _vigia_plan_history_fields, NULL,
                                           &n_changed, error))
    goto failed;

  if (n_changed == 0)
    {
      vigia_library_rollback (self);
      return TRUE;
    }

  previous_changed = g_strdup (vigia_plan_get_changed (plan));
  version = vigia_plan_get_stamp (plan)->version;
  vigia_plan_set_changed (plan, now);
  stamp_edit (self, vigia_plan_get_stamp (plan), vigia_plan_get_stamp (old)->merged);
  if (!update_plan_row (self, plan, error) ||
      !_vigia_library_queue_search_row (self, vigia_plan_get_id (plan), error))
    {
      vigia_plan_set_changed (plan, previous_changed);
      vigia_plan_get_stamp (plan)->version = version;
      goto failed;
    }

  touch (self, vigia_plan_get_id (plan));
  if (!vigia_library_commit (self, error))
    {
      vigia_plan_get_stamp (plan)->version = version;
      return FALSE;
    }
  return TRUE;

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

  stmt = _vigia_library_prepare (self, "DELETE FROM plan WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  vigia_statement_bind_int64 (stmt, 1, plan_id);
  if (!_vigia_library_step_done (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, cached_stmt_reset);

  stmt = _vigia_library_prepare (self,
                                 LIBRARY_SQL (self, "DELETE FROM plan_search WHERE rowid = ?1",
                                              "DELETE FROM plan_search WHERE plan_id = ?1"),
                                 error);
  if (stmt == NULL)
    goto failed;
  vigia_statement_bind_int64 (stmt, 1, plan_id);
  if (!_vigia_library_step_done (self, stmt, error))
    goto failed;

  if (!_vigia_library_insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "plan", "delete", NULL,
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

  if (!insert_dimension_tree (self, vigia_plan_get_id (plan), position, dimension, now, error) ||
      !write_dimension_order (self, order, error) ||
      !_vigia_library_insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "dimension", "create", NULL,
                                      "title", NULL, vigia_dimension_get_title (dimension), error) ||
      !_vigia_library_queue_search_row (self, vigia_plan_get_id (plan), error) ||
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

  stmt = _vigia_library_prepare (self, "SELECT kind, title FROM dimension WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  vigia_statement_bind_int64 (stmt, 1, dimension_id);
  rc = _vigia_library_step (self, stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
                   _("The dimension is no longer in the library."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }

  dim = vigia_dimension_new (_vigia_library_column_enum (stmt, 0, VIGIA_TYPE_DIMENSION_KIND,
                                                         VIGIA_DIMENSION_KIND_OTHER),
                             _vigia_library_column_text (stmt, 1));
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
      !_vigia_library_insert_history_diff (self, now, vigia_plan_get_uuid (plan), NULL, NULL, "dimension",
                                           NULL, G_OBJECT (old), G_OBJECT (dimension),
                                           _vigia_dimension_history_fields, NULL, &n_changed, error))
    goto failed;

  if (n_changed == 0)
    {
      vigia_library_rollback (self);
      return TRUE;
    }

  stmt = _vigia_library_prepare (self, "UPDATE dimension SET kind = ?2, title = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  vigia_statement_bind_int64 (stmt, 1, vigia_dimension_get_id (dimension));
  _vigia_library_bind_enum (stmt, 2, VIGIA_TYPE_DIMENSION_KIND, vigia_dimension_get_kind (dimension));
  _vigia_library_bind_text (stmt, 3, vigia_dimension_get_title (dimension));
  if (!_vigia_library_step_done (self, stmt, error) ||
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

      if (!_vigia_library_insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                                          "goal", "delete", NULL, NULL, document, NULL, error) ||
          !_vigia_library_record_deletion (self, vigia_plan_get_uuid (plan), NULL, vigia_goal_get_uuid (goal),
                                           "goal", NULL, self->author, error))
        goto failed;
    }

  stmt = _vigia_library_prepare (self, "DELETE FROM dimension WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  vigia_statement_bind_int64 (stmt, 1, vigia_dimension_get_id (dimension));
  if (!_vigia_library_step_done (self, stmt, error) ||
      !write_dimension_order (self, order, error) ||
      !_vigia_library_insert_history (self, now, vigia_plan_get_uuid (plan), NULL, "dimension", "delete", NULL,
                                      "title", vigia_dimension_get_title (dimension), NULL, error) ||
      !_vigia_library_queue_search_row (self, vigia_plan_get_id (plan), error) ||
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

  if (!insert_goal_tree (self, vigia_dimension_get_id (dimension), position, goal, now, error) ||
      !write_goal_order (self, plan, order, now, error) ||
      !_vigia_library_insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                                      "goal", "create", NULL, NULL, NULL, NULL, error) ||
      !_vigia_library_queue_search_row (self, vigia_plan_get_id (plan), error) ||
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

/* The goal as the library holds it, with its targets (not their progress). */
static VigiaGoal *
load_goal_row (VigiaLibrary  *self,
               gint64         goal_id,
               GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(VigiaGoal) goal = NULL;
  g_autoptr(GHashTable) goals_by_id = NULL;
  int rc;

  stmt = _vigia_library_prepare (self, "SELECT " GOAL_COLUMNS " FROM goal g WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  vigia_statement_bind_int64 (stmt, 1, goal_id);
  rc = _vigia_library_step (self, stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
                   _("The goal is no longer in the library."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }

  goal = goal_from_row (stmt, 0);
  goals_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_hash_table_insert (goals_by_id, &goal_id, goal);
  if (!load_targets (self, 0, goal_id, goals_by_id, NULL, error))
    return NULL;

  return g_steal_pointer (&goal);
}

/* Writes the goal's targets as they are now: inserts the new ones, updates
 * and reorders the others, deletes those the goal no longer has, and
 * records each change in the history.  *@n_changed grows by their number. */
static gboolean
save_targets (VigiaLibrary  *self,
              VigiaPlan     *plan,
              VigiaGoal     *goal,
              VigiaGoal     *old,
              const char    *now,
              guint         *n_changed,
              GError       **error)
{
  const char *plan_uuid = vigia_plan_get_uuid (plan);
  const char *goal_uuid = vigia_goal_get_uuid (goal);
  guint n = vigia_goal_get_n_targets (goal);
  guint n_old = vigia_goal_get_n_targets (old);

  for (guint i = 0; i < n_old; i++)
    {
      VigiaTarget *was = vigia_goal_get_target (old, i);
      g_autoptr(CachedStmt) stmt = NULL;
      g_autofree char *document = NULL;
      gboolean kept = FALSE;

      for (guint k = 0; k < n && !kept; k++)
        kept = vigia_target_get_id (vigia_goal_get_target (goal, k)) == vigia_target_get_id (was);
      if (kept)
        continue;

      stmt = _vigia_library_prepare (self, "DELETE FROM target WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      vigia_statement_bind_int64 (stmt, 1, vigia_target_get_id (was));
      document = g_strdup (vigia_target_get_text (was));
      if (!_vigia_library_step_done (self, stmt, error) ||
          !_vigia_library_insert_target_history (self, now, plan_uuid, goal_uuid, vigia_target_get_uuid (was),
                                                 "target", "delete", NULL, "target-text", document, NULL,
                                                 error) ||
          !_vigia_library_record_deletion (self, plan_uuid, goal_uuid, vigia_target_get_uuid (was), "target",
                                           NULL, self->author, error))
        return FALSE;
      (*n_changed)++;
    }

  for (guint i = 0; i < n; i++)
    {
      VigiaTarget *target = vigia_goal_get_target (goal, i);
      VigiaTarget *was = NULL;
      guint old_position = 0;
      guint n_fields = 0;
      g_autoptr(CachedStmt) stmt = NULL;

      for (guint k = 0; k < n_old && was == NULL; k++)
        if (vigia_target_get_id (target) != 0 &&
            vigia_target_get_id (vigia_goal_get_target (old, k)) == vigia_target_get_id (target))
          {
            was = vigia_goal_get_target (old, k);
            old_position = k;
          }

      if (was == NULL)
        {
          if (!insert_target_tree (self, vigia_goal_get_id (goal), i, target, now, error) ||
              !_vigia_library_insert_target_history (self, now, plan_uuid, goal_uuid,
                                                     vigia_target_get_uuid (target), "target", "create", NULL,
                                                     "target-text", NULL, vigia_target_get_text (target),
                                                     error))
            return FALSE;
          (*n_changed)++;
          continue;
        }

      if (!_vigia_library_insert_history_diff (self, now, plan_uuid, goal_uuid, vigia_target_get_uuid (target),
                                               "target", NULL, G_OBJECT (was), G_OBJECT (target),
                                               _vigia_target_history_fields, _vigia_target_history_names, &n_fields, error))
        return FALSE;
      if (n_fields == 0 && old_position == i)
        continue;

      if (n_fields > 0)
        stamp_edit (self, vigia_target_get_stamp (target), vigia_target_get_stamp (was)->merged);
      else
        vigia_stamp_copy (vigia_target_get_stamp (target), vigia_target_get_stamp (was));

      stmt = _vigia_library_prepare (self,
                                     "UPDATE target SET text = ?3, value = ?4, unit = ?5, measure = ?6,"
                                     " direction = ?7, reading = ?8, baseline_value = ?9, baseline_year = ?10,"
                                     " weight = ?11, position = ?12, edited = ?13, edited_by = ?14, merged = ?15"
                                     " WHERE id = ?1 AND uuid = ?2",
                                     error);
      if (stmt == NULL)
        return FALSE;
      vigia_statement_bind_int64 (stmt, 1, vigia_target_get_id (target));
      _vigia_library_bind_text (stmt, 2, vigia_target_get_uuid (target));
      bind_target_fields (stmt, target);
      vigia_statement_bind_int64 (stmt, 12, i);
      bind_stamp (stmt, 13, vigia_target_get_stamp (target));
      if (!_vigia_library_step_done (self, stmt, error))
        return FALSE;
      *n_changed += MAX (n_fields, 1);
    }

  return TRUE;
}

/**
 * vigia_library_save_goal:
 *
 * Saves the goal's texts and weight, and its targets: their readings,
 * baselines, weights and order, the ones added and the ones removed (not
 * their progress), recording each change in the history.
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
  guint n_goal = 0;
  gint64 version;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);

  /* What the goal says of the library if the save does not happen. */
  version = vigia_goal_get_stamp (goal)->version;
  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!lock_row (self, ITEM_PLAN, vigia_plan_get_id (plan), error) ||
      !lock_row (self, ITEM_GOAL, vigia_goal_get_id (goal), error))
    goto failed;
  old = load_goal_row (self, vigia_goal_get_id (goal), error);
  if (old == NULL ||
      !check_version (ITEM_GOAL, vigia_goal_get_number (old), vigia_goal_get_stamp (old),
                      vigia_goal_get_stamp (goal), error) ||
      !_vigia_library_insert_history_diff (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                                           NULL, "goal", NULL, G_OBJECT (old), G_OBJECT (goal),
                                           _vigia_goal_history_fields, NULL, &n_goal, error) ||
      !save_targets (self, plan, goal, old, now, &n_changed, error))
    goto failed;

  if (n_goal + n_changed == 0)
    {
      vigia_library_rollback (self);
      return TRUE;
    }

  stmt = _vigia_library_prepare (self,
                                 "UPDATE goal SET number = ?3, problem = ?4, objective = ?5, indicator = ?6,"
                                 " weight = ?7, source_problem = ?8, source_objective = ?9,"
                                 " source_indicator = ?10, source_target = ?11, edited = ?12, edited_by = ?13,"
                                 " merged = ?14, version = ?15 WHERE id = ?1 AND uuid = ?2",
                                 error);
  if (stmt == NULL)
    goto failed;
  if (n_goal > 0)
    stamp_edit (self, vigia_goal_get_stamp (goal), vigia_goal_get_stamp (old)->merged);
  else
    vigia_stamp_copy (vigia_goal_get_stamp (goal), vigia_goal_get_stamp (old));
  /* A new version, whether the goal's own fields or its targets changed. */
  vigia_goal_get_stamp (goal)->version = new_version ();
  vigia_statement_bind_int64 (stmt, 15, vigia_goal_get_stamp (goal)->version);
  vigia_statement_bind_int64 (stmt, 1, vigia_goal_get_id (goal));
  _vigia_library_bind_text (stmt, 2, vigia_goal_get_uuid (goal));
  bind_goal_fields (stmt, goal);
  bind_stamp (stmt, 12, vigia_goal_get_stamp (goal));
  if (!_vigia_library_step_done (self, stmt, error) ||
      !_vigia_library_queue_search_row (self, vigia_plan_get_id (plan), error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    {
      vigia_goal_get_stamp (goal)->version = version;
      return FALSE;
    }
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
  vigia_goal_get_stamp (goal)->version = version;
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
  stmt = _vigia_library_prepare (self, "DELETE FROM goal WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  vigia_statement_bind_int64 (stmt, 1, vigia_goal_get_id (goal));
  if (!_vigia_library_step_done (self, stmt, error) ||
      !write_goal_order (self, plan, order, now, error) ||
      !_vigia_library_insert_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                                      "goal", "delete", NULL, NULL, document, NULL, error) ||
      !_vigia_library_record_deletion (self, vigia_plan_get_uuid (plan), NULL, vigia_goal_get_uuid (goal), "goal",
                                       NULL, self->author, error) ||
      !_vigia_library_queue_search_row (self, vigia_plan_get_id (plan), error) ||
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
                     VigiaTarget    *target,
                     VigiaProgress  *progress,
                     const char     *now,
                     guint          *n_changed,
                     GError        **error)
{
  g_autoptr(CachedStmt) find = NULL;
  g_autoptr(VigiaProgress) old = NULL;
  g_autofree char *scope = progress_scope (progress);
  int rc;

  if (!lock_row (self, ITEM_PLAN, vigia_plan_get_id (plan), error) ||
      !lock_row (self, ITEM_PROGRESS, vigia_target_get_id (target), error))
    return FALSE;
  find = _vigia_library_prepare (self,
                                 "SELECT " PROGRESS_COLUMNS " FROM progress pr"
                                 " WHERE pr.target_id = ?1 AND pr.period = ?2 AND pr.source = ?3",
                                 error);
  if (find == NULL)
    return FALSE;
  vigia_statement_bind_int64 (find, 1, vigia_target_get_id (target));
  _vigia_library_bind_text (find, 2, vigia_progress_get_period (progress));
  _vigia_library_bind_enum (find, 3, VIGIA_TYPE_SOURCE, vigia_progress_get_source (progress));
  rc = _vigia_library_step (self, find);
  if (rc == SQLITE_ROW)
    old = progress_from_row (find, 0);
  else if (rc != SQLITE_DONE)
    return _vigia_library_set_sqlite_error (self, error, rc);
  g_clear_pointer (&find, cached_stmt_reset);

  /* An entry read here and deleted at another desk since. */
  if (old == NULL && vigia_progress_get_stamp (progress)->version != 0)
    {
      VigiaStamp gone = { NULL, NULL, NULL, FALSE, 0 };

      return check_version (ITEM_PROGRESS, 0, &gone, vigia_progress_get_stamp (progress), error);
    }

  if (old == NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *new_value = NULL;

      /* The value goes with the creation, as with a deletion, so that the
       * goal's timeline can tell what was first recorded. */
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, vigia_progress_get_value (progress));
      new_value = _vigia_library_value_to_text (&value);

      *n_changed = 1;
      stamp_edit (self, vigia_progress_get_stamp (progress), vigia_progress_get_stamp (progress)->merged);
      return insert_progress_row (self, vigia_target_get_id (target), progress, now, error) &&
             _vigia_library_insert_target_history (self, now, vigia_plan_get_uuid (plan),
                                                   vigia_goal_get_uuid (goal), vigia_target_get_uuid (target),
                                                   "progress", "create", scope, "value", NULL, new_value, error);
    }
  else
    {
      g_autoptr(CachedStmt) update = NULL;

      /* An entry recorded here while another desk recorded the same one is
       * a conflict too (the new entry is at version 0). */
      if (!check_version (ITEM_PROGRESS, 0, vigia_progress_get_stamp (old), vigia_progress_get_stamp (progress),
                          error))
        return FALSE;

      if (vigia_progress_get_recorded (progress) == NULL)
        vigia_progress_set_recorded (progress, vigia_progress_get_recorded (old));

      if (!_vigia_library_insert_history_diff (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                                               vigia_target_get_uuid (target), "progress", scope, G_OBJECT (old),
                                               G_OBJECT (progress), _vigia_progress_history_fields, NULL, n_changed,
                                               error))
        return FALSE;

      if (*n_changed > 0)
        stamp_edit (self, vigia_progress_get_stamp (progress), vigia_progress_get_stamp (old)->merged);
      else
        vigia_stamp_copy (vigia_progress_get_stamp (progress), vigia_progress_get_stamp (old));

      update = _vigia_library_prepare (self,
                                       "UPDATE progress SET value = ?2, status = ?3, note = ?4, evidence = ?5,"
                                       " recorded = ?6, edited = ?7, edited_by = ?8, merged = ?9, version = ?10"
                                       " WHERE id = ?1",
                                       error);
      if (update == NULL)
        return FALSE;
      vigia_statement_bind_int64 (update, 1, vigia_progress_get_id (old));
      bind_double (update, 2, vigia_progress_get_value (progress));
      _vigia_library_bind_enum (update, 3, VIGIA_TYPE_STATUS, vigia_progress_get_status (progress));
      _vigia_library_bind_text (update, 4, vigia_progress_get_note (progress));
      bind_strv (update, 5, vigia_progress_get_evidence (progress));
      _vigia_library_bind_text (update, 6, vigia_progress_get_recorded (progress));
      bind_stamp (update, 7, vigia_progress_get_stamp (progress));
      if (*n_changed > 0)
        vigia_progress_get_stamp (progress)->version = new_version ();
      vigia_statement_bind_int64 (update, 10, vigia_progress_get_stamp (progress)->version);
      if (!_vigia_library_step_done (self, update, error))
        return FALSE;

      vigia_progress_set_id (progress, vigia_progress_get_id (old));
      return TRUE;
    }
}

/**
 * vigia_library_save_progress:
 *
 * @target: one of @goal's targets
 *
 * Saves the target's entry for its period and source, creating it or
 * replacing the one there was, and records each change in the history.
 * The entry's recorded date defaults to now.
 */
gboolean
vigia_library_save_progress (VigiaLibrary   *self,
                             VigiaPlan      *plan,
                             VigiaGoal      *goal,
                             VigiaTarget    *target,
                             VigiaProgress  *progress,
                             GError        **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  guint n_changed = 0;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), FALSE);
  g_return_val_if_fail (VIGIA_IS_PROGRESS (progress), FALSE);

  if (!vigia_library_begin (self, error))
    return FALSE;

  if (!save_progress_inner (self, plan, goal, target, progress, now, &n_changed, error) ||
      (n_changed > 0 && !stamp_plan (self, plan, now, error)))
    {
      vigia_library_rollback (self);
      return FALSE;
    }

  if (!vigia_library_commit (self, error))
    return FALSE;

  vigia_target_put_progress (target, progress);
  if (n_changed > 0)
    vigia_plan_set_changed (plan, now);
  return TRUE;
}

gboolean
vigia_library_delete_progress (VigiaLibrary   *self,
                               VigiaPlan      *plan,
                               VigiaGoal      *goal,
                               VigiaTarget    *target,
                               VigiaProgress  *progress,
                               GError        **error)
{
  g_autofree char *now = vigia_now_iso8601 ();
  g_autofree char *scope = NULL;
  g_autofree char *old_value = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(VigiaProgress) hold = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), FALSE);
  g_return_val_if_fail (VIGIA_IS_PROGRESS (progress), FALSE);

  scope = progress_scope (progress);
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, vigia_progress_get_value (progress));
  old_value = _vigia_library_value_to_text (&value);

  if (!vigia_library_begin (self, error))
    return FALSE;

  /* Deleting an entry another desk changed since it was read here is a
   * conflict, as changing it is. */
  if (!lock_row (self, ITEM_PLAN, vigia_plan_get_id (plan), error) ||
      !lock_row (self, ITEM_PROGRESS, vigia_target_get_id (target), error))
    goto failed;
  stmt = _vigia_library_prepare (self,
                                 "SELECT " PROGRESS_COLUMNS " FROM progress pr"
                                 " WHERE pr.target_id = ?1 AND pr.period = ?2 AND pr.source = ?3",
                                 error);
  if (stmt == NULL)
    goto failed;
  vigia_statement_bind_int64 (stmt, 1, vigia_target_get_id (target));
  _vigia_library_bind_text (stmt, 2, vigia_progress_get_period (progress));
  _vigia_library_bind_enum (stmt, 3, VIGIA_TYPE_SOURCE, vigia_progress_get_source (progress));
  rc = _vigia_library_step (self, stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(VigiaProgress) stored = progress_from_row (stmt, 0);

      if (!check_version (ITEM_PROGRESS, 0, vigia_progress_get_stamp (stored), vigia_progress_get_stamp (progress),
                          error))
        goto failed;
    }
  else if (rc == SQLITE_DONE)
    {
      /* Deleted at another desk already: nothing to do here but forget it. */
      vigia_library_rollback (self);
      hold = g_object_ref (progress);
      vigia_target_remove_progress (target, progress);
      vigia_progress_set_id (progress, 0);
      return TRUE;
    }
  else
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      goto failed;
    }
  g_clear_pointer (&stmt, cached_stmt_reset);

  stmt = _vigia_library_prepare (self,
                                 "DELETE FROM progress WHERE target_id = ?1 AND period = ?2 AND source = ?3",
                                 error);
  if (stmt == NULL)
    goto failed;
  vigia_statement_bind_int64 (stmt, 1, vigia_target_get_id (target));
  _vigia_library_bind_text (stmt, 2, vigia_progress_get_period (progress));
  _vigia_library_bind_enum (stmt, 3, VIGIA_TYPE_SOURCE, vigia_progress_get_source (progress));
  if (!_vigia_library_step_done (self, stmt, error) ||
      !_vigia_library_insert_target_history (self, now, vigia_plan_get_uuid (plan), vigia_goal_get_uuid (goal),
                                             vigia_target_get_uuid (target), "progress", "delete", scope, "value",
                                             old_value, NULL, error) ||
      !stamp_plan (self, plan, now, error))
    goto failed;

  if (!vigia_library_commit (self, error))
    return FALSE;

  /* The target may hold the only reference. */
  hold = g_object_ref (progress);
  vigia_target_remove_progress (target, progress);
  vigia_progress_set_id (progress, 0);
  vigia_plan_set_changed (plan, now);
  return TRUE;

failed:
  vigia_library_rollback (self);
  return FALSE;
}
