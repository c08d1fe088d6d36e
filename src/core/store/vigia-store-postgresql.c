/* vigia-store-postgresql.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A library on a PostgreSQL server (15 or newer), in the schema "vigia" of
 * the database the connection string names (docs/postgresql.md).  Opening
 * it makes or upgrades the schema in one transaction, under a lock that
 * keeps two desks opening at once from both doing it; a schema of a newer
 * Vigía is refused and left as it is.  One store is one connection, for one
 * thread, as an SQLite library is.
 */
#define G_LOG_DOMAIN "vigia-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "vigia-error.h"
#include "vigia-library-private.h"
#include "vigia-schema-postgresql.h"
#include "vigia-schema.h"
#include "vigia-search-words.h"
#include "vigia-statement-postgresql.h"
#include "vigia-store-postgresql-private.h"

/* The oldest server whose SQL the schema and statements use. */
#define MIN_SERVER_VERSION 150000

/* pg_advisory_xact_lock's key while the schema is made or upgraded: "VIGA". */
#define SCHEMA_LOCK_KEY "1447642945"

static void vigia_store_postgresql_iface_init (VigiaStoreInterface *iface);

/* The server's notices (a role already without a grant, say) are not for
 * the user; its errors come as errors. */
static void
ignore_notice (void       *user_data,
               const char *message)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VigiaStorePostgresql, vigia_store_postgresql, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VIGIA_TYPE_STORE, vigia_store_postgresql_iface_init))

/* @text on one line, its words a space apart: libpq breaks its messages
 * into lines indented with tabs. */
static char *
dup_one_line (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", words[i]);
  return g_string_free (line, FALSE);
}

/* The server's own words, on one line. */
static char *
dup_server_message (VigiaStorePostgresql *self,
                    const PGresult       *result)
{
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  return dup_one_line (primary != NULL ? primary : PQerrorMessage (self->conn));
}

/* While a streaming statement's rows come, the connection can run nothing
 * else: whatever asks to is refused, saying so. */
gboolean
_vigia_store_postgresql_check_idle (VigiaStorePostgresql  *self,
                                    GError               **error)
{
  if (self->streaming == NULL)
    return TRUE;
  g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
               _("The shared library %s is still sending the rows of another request."),
               self->location);
  return FALSE;
}

gboolean
_vigia_store_postgresql_set_error (VigiaStorePostgresql  *self,
                                   GError               **error,
                                   const PGresult        *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *message = dup_server_message (self, result);

  if (PQstatus (self->conn) != CONNECTION_OK || (state != NULL && g_str_has_prefix (state, "08")))
    g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                 _("The connection to the shared library %s was lost: %s"), self->location, message);
  else if (state != NULL && g_str_has_prefix (state, "23"))
    g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                 _("The change does not fit the shared library %s: %s."), self->location, message);
  else if (g_strcmp0 (state, "42501") == 0 || g_strcmp0 (state, "25006") == 0)
    g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY,
                 _("Your role may not do this in the shared library %s (%s). Its owner says who may read "
                   "or change it."),
                 self->location, message);
  else if (g_strcmp0 (state, "40001") == 0 || g_strcmp0 (state, "40P01") == 0 ||
           g_strcmp0 (state, "55P03") == 0)
    g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_BUSY,
                 _("The shared library %s is busy: another desk is writing the same rows. Try again in a moment."),
                 self->location);
  else if (g_strcmp0 (state, "53100") == 0)
    g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                 _("The disk of the server holding the shared library %s is full."), self->location);
  else
    g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                 _("The shared library %s could not be used: %s."), self->location, message);
  return FALSE;
}

/* Statements sent before a wait at most: their answers wait in the
 * server's buffers until read, and a server whose buffers are full stops
 * reading what is sent. */
#define MAX_SENT 256

/* Sends the prepared statement @name without waiting for its answer (see
 * vigia_statement_send()). */
gboolean
_vigia_store_postgresql_send (VigiaStorePostgresql  *self,
                              const char            *name,
                              int                    n_params,
                              const char * const    *values,
                              GError               **error)
{
  /* Rows held back go before, in the order they were sent. */
  if (self->batching != NULL && !_vigia_statement_postgresql_flush (self->batching, error))
    return FALSE;
  if (self->n_sent >= MAX_SENT && !_vigia_store_postgresql_wait (self, NULL, error))
    return FALSE;
  if (PQpipelineStatus (self->conn) == PQ_PIPELINE_OFF && !PQenterPipelineMode (self->conn))
    return _vigia_store_postgresql_set_error (self, error, NULL);
  if (!PQsendQueryPrepared (self->conn, name, n_params, values, NULL, NULL, 0))
    return _vigia_store_postgresql_set_error (self, error, NULL);
  self->n_sent++;
  /* On its way now, not when libpq's buffer is full: the server works on
   * it while the next is made. */
  if (PQflush (self->conn) < 0)
    return _vigia_store_postgresql_set_error (self, error, NULL);
  return TRUE;
}

/* A statement prepared among those sent: its place among them, and the
 * statement of @n_rows rows of @statement it is. */
typedef struct
{
  guint           index;
  gboolean        made;
  VigiaStatement *statement;
  guint           n_rows;
} SentPrepare;

/* Prepares @sql as @name, @statement's statement of @n_rows rows, without
 * waiting for the server's answer, which the next wait reads with the
 * others. */
gboolean
_vigia_store_postgresql_send_prepare (VigiaStorePostgresql  *self,
                                      VigiaStatement        *statement,
                                      guint                  n_rows,
                                      const char            *name,
                                      const char            *sql,
                                      GError               **error)
{
  SentPrepare sent = { 0, FALSE, statement, n_rows };

  if (self->n_sent >= MAX_SENT && !_vigia_store_postgresql_wait (self, NULL, error))
    return FALSE;
  if (PQpipelineStatus (self->conn) == PQ_PIPELINE_OFF && !PQenterPipelineMode (self->conn))
    return _vigia_store_postgresql_set_error (self, error, NULL);
  if (!PQsendPrepare (self->conn, name, sql, 0, NULL))
    return _vigia_store_postgresql_set_error (self, error, NULL);
  sent.index = self->n_sent++;
  g_array_append_val (self->sent_prepares, sent);
  return TRUE;
}

/* Reads the answers to the statements sent, and leaves pipeline mode, so
 * that the connection can run statements one at a time again; says the
 * first failure among them.  With @last, the caller's statement was the
 * last sent, and its result is given there to read as its own (%NULL if
 * an earlier failure kept it from running). */
gboolean
_vigia_store_postgresql_wait (VigiaStorePostgresql  *self,
                              PGresult             **last,
                              GError               **error)
{
  g_autoptr(GError) failure = g_steal_pointer (&self->failure);
  guint ended = 0;
  guint next_prepare = 0;

  if (last != NULL)
    *last = NULL;

  /* Rows held back go with the rest. */
  if (self->batching != NULL)
    {
      g_autoptr(GError) unsent = NULL;

      if (!_vigia_statement_postgresql_flush (self->batching, &unsent) && failure == NULL)
        failure = g_steal_pointer (&unsent);
    }

  if (PQpipelineStatus (self->conn) != PQ_PIPELINE_OFF)
    {
      if (!PQpipelineSync (self->conn))
        {
          if (failure == NULL)
            _vigia_store_postgresql_set_error (self, &failure, NULL);
        }
      else
        for (;;)
          {
            PGresult *result = PQgetResult (self->conn);
            ExecStatusType status;

            /* Each statement's answer ends with NULL, the Sync's after all of
             * them; more NULLs than that is a lost connection. */
            if (result == NULL)
              {
                if (++ended > self->n_sent || PQstatus (self->conn) != CONNECTION_OK)
                  {
                    if (failure == NULL)
                      _vigia_store_postgresql_set_error (self, &failure, NULL);
                    break;
                  }
                continue;
              }

            status = PQresultStatus (result);
            if (status == PGRES_PIPELINE_SYNC)
              {
                PQclear (result);
                break;
              }
            while (next_prepare < self->sent_prepares->len &&
                   g_array_index (self->sent_prepares, SentPrepare, next_prepare).index < ended)
              next_prepare++;
            if (next_prepare < self->sent_prepares->len && status == PGRES_COMMAND_OK &&
                g_array_index (self->sent_prepares, SentPrepare, next_prepare).index == ended)
              g_array_index (self->sent_prepares, SentPrepare, next_prepare).made = TRUE;
            if (last != NULL && *last == NULL && ended + 1 == self->n_sent && failure == NULL &&
                status != PGRES_PIPELINE_ABORTED)
              *last = result;
            else
              {
                if (status == PGRES_FATAL_ERROR && failure == NULL)
                  _vigia_store_postgresql_set_error (self, &failure, result);
                PQclear (result);
              }
          }
      self->n_sent = 0;
      PQexitPipelineMode (self->conn);
    }

  /* After a failure what followed it was not run, preparations included:
   * their statements are asked for again when next needed. */
  for (guint i = 0; i < self->sent_prepares->len; i++)
    {
      SentPrepare *sent = &g_array_index (self->sent_prepares, SentPrepare, i);

      if (!sent->made)
        _vigia_statement_postgresql_forget (sent->statement, sent->n_rows);
    }
  g_array_set_size (self->sent_prepares, 0);

  if (failure != NULL)
    {
      if (last != NULL)
        g_clear_pointer (last, PQclear);
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }
  return TRUE;
}

/* SQLite's parameters (?1, ?2 or ?) as PostgreSQL's ($1, $2), outside
 * quoted text and names. */
char *
_vigia_store_postgresql_translate (const char *sql,
                                   int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 8);
  char quote = 0;
  int next = 0;

  *n_params = 0;
  for (const char *p = sql; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          g_string_append_c (out, *p);
        }
      else if (*p == '\'' || *p == '"')
        {
          quote = *p;
          g_string_append_c (out, *p);
        }
      else if (*p == '?')
        {
          int number = 0;

          while (g_ascii_isdigit (p[1]))
            number = number * 10 + (*++p - '0');
          if (number == 0)
            number = next + 1;
          next = number;
          *n_params = MAX (*n_params, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
exec_sql (VigiaStorePostgresql  *self,
          const char            *sql,
          GError               **error)
{
  PGresult *result;
  ExecStatusType status;
  gboolean ok;

  if (!_vigia_store_postgresql_wait (self, NULL, error))
    return FALSE;
  result = PQexec (self->conn, sql);
  status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (!ok)
    _vigia_store_postgresql_set_error (self, error, result);
  PQclear (result);
  return ok;
}

/* The first column of the first row of @sql, as text (NULL for no row or
 * SQL's NULL) in @value. */
static gboolean
query_text (VigiaStorePostgresql  *self,
            const char            *sql,
            char                 **value,
            GError               **error)
{
  PGresult *result = PQexec (self->conn, sql);
  gboolean ok = result != NULL && PQresultStatus (result) == PGRES_TUPLES_OK;

  *value = NULL;
  if (!ok)
    _vigia_store_postgresql_set_error (self, error, result);
  else if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    *value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return ok;
}

/* The session's settings: the library's schema first; no JIT compiling,
 * as the library's statements read a few rows each, and one whose estimate
 * passed the server's threshold (a new library's first import, before its
 * tables had statistics) spent 20 ms compiling to save a fraction of that. */
#define SESSION_SEARCH_PATH VIGIA_STORE_POSTGRESQL_SCHEMA ", public"
#define SESSION_SETTINGS "SET search_path TO " SESSION_SEARCH_PATH "; SET jit = off"

/* Whether the library's schema is there, Vigía's, at this build's version
 * and readable: what nearly every opening finds, told by one statement
 * without the lock and the catalog's questions of prepare_schema(), with
 * whether the role may write, and the session's settings made by the same
 * statement (a round trip a setting less).  Any other answer, an error
 * included, leaves it to prepare_schema(). */
static gboolean
schema_is_current (VigiaStorePostgresql *self)
{
  PGresult *result = PQexec (self->conn,
                             "SELECT schema_version, application,"
                             " has_table_privilege ('" VIGIA_STORE_POSTGRESQL_SCHEMA ".plan', 'INSERT'),"
                             " set_config ('search_path', '" SESSION_SEARCH_PATH "', false),"
                             " set_config ('jit', 'off', false)"
                             " FROM " VIGIA_STORE_POSTGRESQL_SCHEMA ".library_info");
  gboolean current;

  current = result != NULL && PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1 &&
            atoi (PQgetvalue (result, 0, 0)) == VIGIA_SCHEMA_VERSION &&
            g_strcmp0 (PQgetvalue (result, 0, 1), "vigia") == 0;
  if (current)
    self->may_write = g_strcmp0 (PQgetvalue (result, 0, 2), "t") == 0;
  PQclear (result);
  return current;
}

/* Connects to the server of @conninfo, blocking: at opening, and in a
 * thread of its own to connect again (_vigia_store_postgresql_connect_async()).
 * UTF-8 is asked for in the connection's first message rather than by a
 * statement of its own.  A server that does not answer is given up after
 * ten seconds, and one that went away while the connection was idle is
 * found within a minute (TCP keepalives; a local socket needs neither):
 * the connection string's own settings, after these, win. */
static PGconn *
connect_to (const char *conninfo)
{
  const char * const keywords[] = {
    "connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count",
    "dbname", "client_encoding", NULL
  };
  const char * const values[] = { "10", "30", "10", "3", conninfo, "UTF8", NULL };

  return PQconnectdbParams (keywords, values, TRUE);
}

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PGconn *conn = connect_to (task_data);

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    {
      g_task_return_pointer (task, conn, (GDestroyNotify) PQfinish);
      return;
    }
  g_task_return_new_error (task, VIGIA_ERROR, VIGIA_ERROR_FAILED, "%s",
                           conn != NULL ? PQerrorMessage (conn) : "out of memory");
  g_clear_pointer (&conn, PQfinish);
}

/* Makes a new connection to the store's server in a thread, so that a
 * server or network that is slow to answer (or a name slow to resolve)
 * never blocks the window; the store keeps using its own connection
 * meanwhile.  @source_object (the library) is kept until it is made. */
void
_vigia_store_postgresql_connect_async (VigiaStorePostgresql *self,
                                       gpointer              source_object,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, NULL, callback, user_data);

  g_task_set_source_tag (task, _vigia_store_postgresql_connect_async);
  g_task_set_task_data (task, g_strdup (self->conninfo), g_free);
  g_task_run_in_thread (task, connect_thread);
}

/* Returns: (transfer full): the new connection, for
 * _vigia_store_postgresql_adopt(); or %NULL with why not */
PGconn *
_vigia_store_postgresql_connect_finish (VigiaStorePostgresql  *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  g_autoptr(GError) failure = NULL;
  PGconn *conn = g_task_propagate_pointer (G_TASK (result), &failure);

  if (conn == NULL)
    {
      g_autofree char *message = dup_one_line (failure->message);

      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                   _("Could not connect to the shared library %s: %s"), self->location, message);
    }
  return conn;
}

/* Takes @conn (transfer full), a new connection to the same server, in
 * place of the one lost.  A new connection is a new session: the statements
 * prepared on the old one are gone (generation), what was sent and not read
 * is forgotten, and the session's settings are made again, with the check
 * that the schema is still this build's; if it is not, @conn is closed and
 * the store keeps the connection it lost. */
gboolean
_vigia_store_postgresql_adopt (VigiaStorePostgresql  *self,
                               PGconn                *conn,
                               GError               **error)
{
  PGconn *lost = self->conn;

  g_return_val_if_fail (self->streaming == NULL, FALSE);

  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  self->conn = conn;
  if (!schema_is_current (self))
    {
      g_autofree char *message = dup_server_message (self, NULL);

      if (PQstatus (conn) != CONNECTION_OK)
        g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                     _("Could not connect to the shared library %s: %s"), self->location, message);
      else
        /* Upgraded by a newer Vigía meanwhile, or no longer readable. */
        g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY,
                     _("The shared library %s changed while the connection was lost, and this version of "
                       "Vigía cannot use it now. Open it again."),
                     self->location);
      self->conn = lost;
      PQfinish (conn);
      return FALSE;
    }

  PQfinish (lost);
  self->generation++;
  self->n_sent = 0;
  self->batching = NULL;
  g_array_set_size (self->sent_prepares, 0);
  g_clear_error (&self->failure);
  return TRUE;
}

/* Rows of a COPY are handed to libpq in pieces of about this size. */
#define COPY_CHUNK (256 * 1024)

/* Starts COPY @table (@columns) FROM STDIN, for the copy of a library
 * (vigia-store-copy.c), whose constants name the table and columns: the
 * server reads the rows as one stream rather than statement by statement.
 * The rows go by _vigia_store_postgresql_copy_row();
 * _vigia_store_postgresql_copy_end() says whether the server took them. */
gboolean
_vigia_store_postgresql_copy_begin (VigiaStorePostgresql  *self,
                                    const char            *table,
                                    const char * const    *columns,
                                    GError               **error)
{
  g_autofree char *names = g_strjoinv (", ", (char **) columns);
  g_autofree char *sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", table, names);
  PGresult *result;
  gboolean ok;

  if (!_vigia_store_postgresql_wait (self, NULL, error))
    return FALSE;
  result = PQexec (self->conn, sql);
  ok = result != NULL && PQresultStatus (result) == PGRES_COPY_IN;
  if (!ok)
    _vigia_store_postgresql_set_error (self, error, result);
  PQclear (result);
  if (ok)
    self->copy_rows = g_string_sized_new (COPY_CHUNK + COPY_CHUNK / 4);
  return ok;
}

/* Hands the rows kept so far to libpq, which sends them as the socket
 * takes them.  A failure (the connection lost) is told by the end. */
static void
copy_flush (VigiaStorePostgresql *self)
{
  if (self->copy_rows->len > 0)
    PQputCopyData (self->conn, self->copy_rows->str, self->copy_rows->len);
  g_string_truncate (self->copy_rows, 0);
}

/* One row of the COPY begun: each value as text, NULL for SQL's NULL, in
 * COPY's text format (tab between values, the row ended by a newline, a
 * backslash before what would read otherwise). */
void
_vigia_store_postgresql_copy_row (VigiaStorePostgresql *self,
                                  const char * const   *values,
                                  guint                 n_values)
{
  GString *rows = self->copy_rows;

  g_return_if_fail (rows != NULL);

  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (rows, '\t');
      if (values[i] == NULL)
        {
          g_string_append (rows, "\\N");
          continue;
        }
      for (const char *c = values[i]; *c != '\0'; c++)
        switch (*c)
          {
          case '\\': g_string_append (rows, "\\\\"); break;
          case '\t': g_string_append (rows, "\\t"); break;
          case '\n': g_string_append (rows, "\\n"); break;
          case '\r': g_string_append (rows, "\\r"); break;
          default: g_string_append_c (rows, *c);
          }
    }
  g_string_append_c (rows, '\n');
  if (rows->len >= COPY_CHUNK)
    copy_flush (self);
}

/* Ends the COPY begun: with @failure, the server drops every row of it and
 * the transaction fails; otherwise says whether it took them all. */
gboolean
_vigia_store_postgresql_copy_end (VigiaStorePostgresql  *self,
                                  const char            *failure,
                                  GError               **error)
{
  PGresult *result;
  gboolean ok = TRUE;

  g_return_val_if_fail (self->copy_rows != NULL, FALSE);

  if (failure == NULL)
    copy_flush (self);
  g_string_free (g_steal_pointer (&self->copy_rows), TRUE);
  if (PQputCopyEnd (self->conn, failure) != 1)
    ok = _vigia_store_postgresql_set_error (self, error, NULL);

  /* The COPY's result, then the end of its results. */
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (ok && failure == NULL && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = _vigia_store_postgresql_set_error (self, error, result);
      PQclear (result);
    }
  return ok && failure == NULL;
}

/* Makes or upgrades the schema, or says why this build cannot use it;
 * runs in the caller's transaction. */
static gboolean
prepare_schema (VigiaStorePostgresql  *self,
                GError               **error)
{
  g_autofree char *has_schema = NULL;
  g_autofree char *has_info = NULL;
  g_autofree char *n_tables = NULL;
  g_autofree char *version_text = NULL;
  int version = 0;

  if (!exec_sql (self, "SELECT pg_advisory_xact_lock (" SCHEMA_LOCK_KEY ")", error) ||
      !query_text (self, "SELECT 1 FROM pg_namespace WHERE nspname = '" VIGIA_STORE_POSTGRESQL_SCHEMA "'",
                   &has_schema, error))
    return FALSE;

  if (has_schema != NULL)
    {
      g_autofree char *may_use = NULL;

      if (!query_text (self, "SELECT has_schema_privilege ('" VIGIA_STORE_POSTGRESQL_SCHEMA "', 'USAGE')",
                       &may_use, error))
        return FALSE;
      if (g_strcmp0 (may_use, "t") != 0)
        {
          g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY,
                       _("Your role may not read the shared library %s. Its owner says who may read or "
                         "change it."),
                       self->location);
          return FALSE;
        }
    }

  /* Made only when missing: a member who may only read cannot make it, and
   * need not. */
  if (has_schema == NULL &&
      !exec_sql (self, "CREATE SCHEMA " VIGIA_STORE_POSTGRESQL_SCHEMA, error))
    return FALSE;

  if (!query_text (self, "SELECT to_regclass ('" VIGIA_STORE_POSTGRESQL_SCHEMA ".library_info')",
                   &has_info, error) ||
      !query_text (self,
                   "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                   " WHERE n.nspname = '" VIGIA_STORE_POSTGRESQL_SCHEMA "' AND c.relkind = 'r'",
                   &n_tables, error))
    return FALSE;

  if (has_info == NULL && g_strcmp0 (n_tables, "0") != 0)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY,
                   _("The schema “%s” of %s holds tables of another program, not a Vigía library."),
                   VIGIA_STORE_POSTGRESQL_SCHEMA, self->location);
      return FALSE;
    }

  if (has_info != NULL)
    {
      if (!query_text (self, "SELECT schema_version FROM library_info", &version_text, error))
        return FALSE;
      version = version_text != NULL ? atoi (version_text) : 0;
    }

  if (version > VIGIA_SCHEMA_VERSION)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NEWER_SCHEMA,
                   _("The shared library %s was written by a newer version of Vigía (library version %d; "
                     "this version reads up to %d). Update Vigía to open it; the library was not changed."),
                   self->location, version, VIGIA_SCHEMA_VERSION);
      return FALSE;
    }

  if (version < VIGIA_SCHEMA_VERSION &&
      !exec_sql (self, "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA " VIGIA_STORE_POSTGRESQL_SCHEMA, error))
    return FALSE;

  for (int next = MAX (version + 1, VIGIA_SCHEMA_POSTGRESQL_FIRST); next <= VIGIA_SCHEMA_VERSION; next++)
    {
      g_autofree char *set_version = NULL;

      /* A number: no outside text. */
      set_version = g_strdup_printf ("UPDATE library_info SET schema_version = %d", next);
      if (!exec_sql (self, vigia_schema_postgresql_get_migration (next), error) ||
          !exec_sql (self, set_version, error))
        {
          g_prefix_error (error, _("The library could not be upgraded to version %d: "), next);
          return FALSE;
        }
    }

  /* Search rows made by the server's parser, before version 6, are made
   * again with Vigía's words (vigia-search-words.c). */
  if (version >= VIGIA_SCHEMA_POSTGRESQL_FIRST && version < 6 &&
      (!_vigia_store_postgresql_write_search_rows (self, NULL, error) ||
       !_vigia_store_postgresql_wait (self, NULL, error)))
    {
      g_prefix_error (error, _("The library could not be upgraded to version %d: "), 6);
      return FALSE;
    }

  return TRUE;
}

static const char *
vigia_store_postgresql_get_location (VigiaStore *store)
{
  return VIGIA_STORE_POSTGRESQL (store)->location;
}

static VigiaStatement *
vigia_store_postgresql_prepare (VigiaStore  *store,
                                const char  *sql,
                                GError     **error)
{
  return vigia_statement_postgresql_new (VIGIA_STORE_POSTGRESQL (store), sql, TRUE, error);
}

static gboolean
vigia_store_postgresql_exec (VigiaStore  *store,
                             const char  *sql,
                             GError     **error)
{
  VigiaStorePostgresql *self = VIGIA_STORE_POSTGRESQL (store);

  return _vigia_store_postgresql_check_idle (self, error) && exec_sql (self, sql, error);
}

static gboolean
vigia_store_postgresql_begin (VigiaStore  *store,
                              gboolean     read_only,
                              GError     **error)
{
  VigiaStorePostgresql *self = VIGIA_STORE_POSTGRESQL (store);

  return _vigia_store_postgresql_check_idle (self, error) &&
         exec_sql (self, read_only ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN", error);
}

static gboolean
vigia_store_postgresql_commit (VigiaStore  *store,
                               GError     **error)
{
  VigiaStorePostgresql *self = VIGIA_STORE_POSTGRESQL (store);

  if (!exec_sql (self, "COMMIT", error))
    {
      exec_sql (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

static void
vigia_store_postgresql_rollback (VigiaStore *store)
{
  VigiaStorePostgresql *self = VIGIA_STORE_POSTGRESQL (store);

  /* What was sent is undone with the rest: its failure does not matter. */
  _vigia_store_postgresql_wait (self, NULL, NULL);
  exec_sql (self, "ROLLBACK", NULL);
}

/* Writes the search rows of the plans that @read gives (their id, their
 * text): all of its rows are read first, as a connection sends nothing
 * while rows come, then the rows are sent without waiting.  Sets
 * *@n_read, and *@last_id to the highest id read. */
static gboolean
write_search_rows (VigiaStatement  *read,
                   VigiaStatement  *write,
                   guint           *n_read,
                   gint64          *last_id,
                   GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  VigiaStatementStep step;

  while ((step = vigia_statement_step (read, error)) == VIGIA_STATEMENT_ROW)
    {
      gint64 id = vigia_statement_column_int64 (read, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (documents, vigia_search_words_tsvector (vigia_statement_column_text (read, 1)));
    }
  vigia_statement_reset (read);
  if (step == VIGIA_STATEMENT_FAILED)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      vigia_statement_bind_int64 (write, 1, id);
      vigia_statement_bind_text (write, 2, g_ptr_array_index (documents, i));
      if (!vigia_statement_send (write, error))
        return FALSE;
      *last_id = MAX (*last_id, id);
    }
  *n_read = ids->len;
  return TRUE;
}

/* The plans whose search rows are written at a time: their texts are held
 * meanwhile (about 5 kB a plan). */
#define SEARCH_ROWS_AT_ONCE 256

/**
 * _vigia_store_postgresql_write_search_rows:
 * @ids: (nullable) (element-type gint64): the plans, or %NULL for all
 *
 * Makes the search rows of the plans @ids (a transaction must be open):
 * each plan's words, cut and folded here (vigia_search_words_tsvector()),
 * replace the plan's row.
 */
gboolean
_vigia_store_postgresql_write_search_rows (VigiaStorePostgresql  *self,
                                           GArray                *ids,
                                           GError               **error)
{
  g_autoptr(VigiaStatement) read = NULL;
  g_autoptr(VigiaStatement) write = NULL;
  gint64 last_id = 0;

  read = vigia_statement_postgresql_new (self,
                                         ids != NULL
                                         ? "SELECT p.id," PLAN_SEARCH_TEXT_POSTGRESQL " FROM plan p"
                                           " WHERE p.id IN (SELECT CAST (value AS bigint)"
                                           "  FROM json_array_elements_text (CAST (?1 AS json)))"
                                         : "SELECT p.id," PLAN_SEARCH_TEXT_POSTGRESQL " FROM plan p"
                                           " WHERE p.id > ?1 ORDER BY p.id LIMIT " G_STRINGIFY (SEARCH_ROWS_AT_ONCE),
                                         FALSE, error);
  if (read == NULL)
    return FALSE;
  write = vigia_statement_postgresql_new (self, PLAN_SEARCH_UPSERT_POSTGRESQL, FALSE, error);
  if (write == NULL)
    return FALSE;

  if (ids == NULL)
    {
      guint n_read;

      do
        {
          vigia_statement_bind_int64 (read, 1, last_id);
          if (!write_search_rows (read, write, &n_read, &last_id, error))
            return FALSE;
        }
      while (n_read == SEARCH_ROWS_AT_ONCE);
      return TRUE;
    }

  for (guint i = 0; i < ids->len; i += SEARCH_ROWS_AT_ONCE)
    {
      g_autoptr(GString) json = g_string_new ("[");
      guint n_read;

      for (guint j = i; j < MIN (ids->len, i + SEARCH_ROWS_AT_ONCE); j++)
        g_string_append_printf (json, j > i ? ",%" G_GINT64_FORMAT : "%" G_GINT64_FORMAT,
                                g_array_index (ids, gint64, j));
      g_string_append_c (json, ']');
      vigia_statement_bind_text (read, 1, json->str);
      if (!write_search_rows (read, write, &n_read, &last_id, error))
        return FALSE;
    }
  return TRUE;
}

/* The search rows of every plan, and the counters of ids past the highest
 * id each table holds.  The tables were just filled: the planner is first
 * told what they hold (ANALYZE). */
static gboolean
vigia_store_postgresql_rebuild_derived (VigiaStore  *store,
                                        GError     **error)
{
  static const char * const tables[] = {
    "plan", "dimension", "goal", "target", "progress", "history", "jne_list", NULL
  };
  VigiaStorePostgresql *self = VIGIA_STORE_POSTGRESQL (store);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      /* The names are the constants above. */
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'),"
                                              " coalesce (max (id), 0) + 1, false) FROM %s",
                                              tables[i], tables[i]);

      if (!exec_sql (self, sql, error))
        return FALSE;
    }

  return exec_sql (self, "ANALYZE plan, dimension, goal, target, progress", error) &&
         exec_sql (self, "DELETE FROM plan_search", error) &&
         _vigia_store_postgresql_write_search_rows (self, NULL, error) &&
         _vigia_store_postgresql_wait (self, NULL, error);
}

static void
vigia_store_postgresql_iface_init (VigiaStoreInterface *iface)
{
  iface->get_location = vigia_store_postgresql_get_location;
  iface->prepare = vigia_store_postgresql_prepare;
  iface->exec = vigia_store_postgresql_exec;
  iface->begin = vigia_store_postgresql_begin;
  iface->commit = vigia_store_postgresql_commit;
  iface->rollback = vigia_store_postgresql_rollback;
  iface->rebuild_derived = vigia_store_postgresql_rebuild_derived;
}

static void
vigia_store_postgresql_finalize (GObject *object)
{
  VigiaStorePostgresql *self = VIGIA_STORE_POSTGRESQL (object);

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->sent_prepares, g_array_unref);
  g_free (self->location);
  g_free (self->conninfo);
  g_clear_error (&self->failure);
  if (self->copy_rows != NULL)
    g_string_free (self->copy_rows, TRUE);

  G_OBJECT_CLASS (vigia_store_postgresql_parent_class)->finalize (object);
}

static void
vigia_store_postgresql_class_init (VigiaStorePostgresqlClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigia_store_postgresql_finalize;
}

static void
vigia_store_postgresql_init (VigiaStorePostgresql *self)
{
  self->sent_prepares = g_array_new (FALSE, FALSE, sizeof (SentPrepare));
}

/**
 * vigia_store_postgresql_open:
 * @conninfo: a libpq connection string or URI
 *
 * Connects, and makes or upgrades the library's schema.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
VigiaStorePostgresql *
vigia_store_postgresql_open (const char  *conninfo,
                             GError     **error)
{
  g_autoptr(VigiaStorePostgresql) self = NULL;
  g_autofree char *may_write = NULL;
  const char *host;

  g_return_val_if_fail (conninfo != NULL, NULL);

  self = g_object_new (VIGIA_TYPE_STORE_POSTGRESQL, NULL);
  self->conninfo = g_strdup (conninfo);
  self->conn = connect_to (conninfo);
  if (self->conn == NULL)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED, _("Out of memory connecting to PostgreSQL."));
      return NULL;
    }

  /* What the connection string named, without its password. */
  host = PQhost (self->conn);
  self->location = g_strdup_printf ("%s@%s/%s", PQuser (self->conn) != NULL ? PQuser (self->conn) : "",
                                    host != NULL && *host != '\0' ? host : "localhost",
                                    PQdb (self->conn) != NULL ? PQdb (self->conn) : "");

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = dup_server_message (self, NULL);

      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND,
                   _("Could not connect to the shared library %s: %s"), self->location, message);
      return NULL;
    }

  if (PQserverVersion (self->conn) < MIN_SERVER_VERSION)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY,
                   _("The server of %s runs PostgreSQL %d; Vigía needs version 15 or newer."),
                   self->location, PQserverVersion (self->conn) / 10000);
      return NULL;
    }

  PQsetNoticeProcessor (self->conn, ignore_notice, NULL);
  if (schema_is_current (self))
    return g_steal_pointer (&self);
  if (!exec_sql (self, SESSION_SETTINGS, error))
    return NULL;

  if (!exec_sql (self, "BEGIN", error))
    return NULL;

  if (!prepare_schema (self, error))
    {
      exec_sql (self, "ROLLBACK", NULL);
      return NULL;
    }

  if (!vigia_store_postgresql_commit (VIGIA_STORE (self), error) ||
      !query_text (self, "SELECT has_table_privilege ('plan', 'INSERT')", &may_write, error))
    return NULL;
  self->may_write = g_strcmp0 (may_write, "t") == 0;

  return g_steal_pointer (&self);
}

/* Whether the role the library was opened as may add plans: a member who
 * may only read gets the library read-only. */
gboolean
vigia_store_postgresql_may_write (VigiaStorePostgresql *self)
{
  g_return_val_if_fail (VIGIA_IS_STORE_POSTGRESQL (self), FALSE);

  return self->may_write;
}

/* Members and their roles: two roles of the database's own, one that may
 * read the library and one that may also change it (a member of the
 * first), so that the server enforces what each member may do.  Role
 * names cannot be bound as parameters: this function, made for the
 * session only, quotes them itself (format's %I). */
static const char grant_function[] =
  "CREATE OR REPLACE FUNCTION pg_temp.vigia_set_member (member text, level text) RETURNS void"
  " LANGUAGE plpgsql AS $$"
  " DECLARE"
  "   reader text := 'vigia_' || current_database () || '_read';"
  "   editor text := 'vigia_' || current_database () || '_edit';"
  " BEGIN"
  "   IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = reader) THEN"
  "     EXECUTE format ('CREATE ROLE %I NOLOGIN', reader);"
  "   END IF;"
  "   IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = editor) THEN"
  "     EXECUTE format ('CREATE ROLE %I NOLOGIN IN ROLE %I', editor, reader);"
  "   END IF;"
  "   EXECUTE format ('GRANT USAGE ON SCHEMA " VIGIA_STORE_POSTGRESQL_SCHEMA " TO %I', reader);"
  "   EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA " VIGIA_STORE_POSTGRESQL_SCHEMA " TO %I', reader);"
  "   EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
  VIGIA_STORE_POSTGRESQL_SCHEMA " TO %I', editor);"
  "   EXECUTE format ('REVOKE INSERT, UPDATE, DELETE ON library_info FROM %I', editor);"
  "   EXECUTE format ('GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA " VIGIA_STORE_POSTGRESQL_SCHEMA " TO %I', editor);"
  "   IF level IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = member) THEN"
  "     EXECUTE format ('CREATE ROLE %I LOGIN', member);"
  "   END IF;"
  "   IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = member) THEN"
  "     EXECUTE format ('REVOKE %I, %I FROM %I', editor, reader, member);"
  "   END IF;"
  "   IF level = 'edit' THEN"
  "     EXECUTE format ('GRANT %I TO %I', editor, member);"
  "   ELSIF level = 'read' THEN"
  "     EXECUTE format ('GRANT %I TO %I', reader, member);"
  "   END IF;"
  " END $$";

static gboolean
set_member (VigiaStorePostgresql  *self,
            const char            *member,
            const char            *level,
            GError               **error)
{
  g_autoptr(VigiaStatement) call = NULL;

  if (!exec_sql (self, "BEGIN", error))
    return FALSE;
  if (!exec_sql (self, grant_function, error) ||
      (call = vigia_store_prepare (VIGIA_STORE (self), "SELECT pg_temp.vigia_set_member (?1, ?2)", error)) == NULL)
    goto failed;
  vigia_statement_bind_text (call, 1, member);
  vigia_statement_bind_text (call, 2, level);
  if (!vigia_statement_run (call, error))
    goto failed;
  g_clear_object (&call);
  return vigia_store_postgresql_commit (VIGIA_STORE (self), error);

failed:
  g_clear_object (&call);
  exec_sql (self, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * vigia_store_postgresql_grant:
 * @member: a role of the server, made (able to log in, without a password)
 *   if it does not exist
 * @can_edit: whether the member may change the library, or only read it
 *
 * Lets @member read, or read and change, the library; what the member
 * could do before is replaced.  Needs a connection as the library's owner
 * with the right to create roles.
 */
gboolean
vigia_store_postgresql_grant (VigiaStorePostgresql  *self,
                              const char            *member,
                              gboolean               can_edit,
                              GError               **error)
{
  g_return_val_if_fail (VIGIA_IS_STORE_POSTGRESQL (self), FALSE);
  g_return_val_if_fail (member != NULL && *member != '\0', FALSE);

  return set_member (self, member, can_edit ? "edit" : "read", error);
}

/* Takes from @member the right to read and change the library; the role
 * itself stays, as it may be used elsewhere on the server. */
gboolean
vigia_store_postgresql_revoke (VigiaStorePostgresql  *self,
                               const char            *member,
                               GError               **error)
{
  g_return_val_if_fail (VIGIA_IS_STORE_POSTGRESQL (self), FALSE);
  g_return_val_if_fail (member != NULL && *member != '\0', FALSE);

  return set_member (self, member, NULL, error);
}

/* The members who may only read, and those who may also change, by name. */
gboolean
vigia_store_postgresql_list_members (VigiaStorePostgresql  *self,
                                     GStrv                 *readers,
                                     GStrv                 *editors,
                                     GError               **error)
{
  g_autoptr(GStrvBuilder) read_only = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) editing = g_strv_builder_new ();
  g_autoptr(VigiaStatement) members = NULL;
  VigiaStatementStep step;

  g_return_val_if_fail (VIGIA_IS_STORE_POSTGRESQL (self), FALSE);

  members = vigia_store_prepare (VIGIA_STORE (self),
                                 "SELECT m.rolname, g.rolname = 'vigia_' || current_database () || '_edit'"
                                 " FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid"
                                 " JOIN pg_roles m ON m.oid = a.member"
                                 " WHERE g.rolname IN ('vigia_' || current_database () || '_read',"
                                 "   'vigia_' || current_database () || '_edit')"
                                 " AND m.rolname <> 'vigia_' || current_database () || '_edit'"
                                 " ORDER BY m.rolname",
                                 error);
  if (members == NULL)
    return FALSE;
  while ((step = vigia_statement_step (members, error)) == VIGIA_STATEMENT_ROW)
    g_strv_builder_add (g_strcmp0 (vigia_statement_column_text (members, 1), "t") == 0 ? editing : read_only,
                        vigia_statement_column_text (members, 0));
  if (step != VIGIA_STATEMENT_DONE)
    return FALSE;

  *readers = g_strv_builder_end (read_only);
  *editors = g_strv_builder_end (editing);
  return TRUE;
}

/* Appends "key='value' ", the value quoted as libpq reads it. */
static void
append_parameter (GString    *conninfo,
                  const char *key,
                  const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (conninfo, "%s='", key);
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *c);
    }
  g_string_append (conninfo, "' ");
}

/**
 * vigia_store_postgresql_make_location:
 * @server: a host name or address, with ":PORT" if not the usual one, or the
 *   folder of the server's socket ("/run/postgresql"); empty for libpq's
 *   default
 * @password: (nullable): or %NULL to leave it to ~/.pgpass
 *
 * Returns: (transfer full): the connection string of the library in
 *   @database, as the user @user: a location for vigia_library_open(),
 *   which gives up after ten seconds without an answer
 */
char *
vigia_store_postgresql_make_location (const char *server,
                                      const char *database,
                                      const char *user,
                                      const char *password)
{
  g_autoptr(GString) conninfo = g_string_new (NULL);
  g_autofree char *host = g_strstrip (g_strdup (server != NULL ? server : ""));
  const char *colon = strrchr (host, ':');
  const char *port = NULL;

  /* "servidor:5433", but not the colons of an IPv6 address alone. */
  if (colon != NULL && colon[1] != '\0' && strspn (colon + 1, "0123456789") == strlen (colon + 1) &&
      strchr (host, ':') == colon)
    {
      host[colon - host] = '\0';
      port = colon + 1;
    }

  append_parameter (conninfo, "host", host);
  append_parameter (conninfo, "port", port);
  append_parameter (conninfo, "dbname", database);
  append_parameter (conninfo, "user", user);
  append_parameter (conninfo, "password", password);
  g_string_append (conninfo, "connect_timeout='10'");
  return g_string_free (g_steal_pointer (&conninfo), FALSE);
}
