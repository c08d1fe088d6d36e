/* vigia-statement-postgresql.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A VigiaStatement prepared once on the server.  Parameters travel as text
 * (the server reads them as the columns' types).  A streaming statement
 * gets its rows one at a time (libpq's single-row mode), so that reading a
 * table of millions of rows holds one in memory, not all; while they come
 * the connection can run nothing else, and another statement stepped then
 * is refused.  Any other statement gets its rows at once, so that others
 * can run while they are read (a library reads a plan's goals while it
 * reads its targets).
 *
 * An INSERT of one row sent again and again (vigia_statement_send()) is
 * sent as one INSERT of all those rows, VALUES (…), (…), when another
 * statement goes to the server or a wait comes: a plan's goals, then its
 * targets, each in one statement, where a statement a row took a fifth of
 * the server's work of an import (docs/postgresql.md, "Fewer round trips").
 */
#define G_LOG_DOMAIN "vigia-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-error.h"
#include "vigia-statement-postgresql.h"
#include "vigia-store-postgresql-private.h"

struct _VigiaStatementPostgresql
{
  VigiaStatement        parent_instance;

  VigiaStorePostgresql *store;
  char                 *name;
  int                   n_params;
  char                **values;
  gboolean              streaming;
  /* Streaming: the row read last, while the rows come.  Otherwise all the
   * rows, and the one read last. */
  PGresult             *row;
  int                   row_index;
  gboolean              running;
  /* An INSERT of one row: its text before the row (…VALUES ) and the row,
   * (…$1…$n…); the rows waiting to be sent (each n values); the names of
   * the statements of k rows prepared so far. */
  char                 *batch_head;
  char                 *batch_row;
  GPtrArray            *batch;
  GHashTable           *batch_names;
  /* The connection it was prepared on (the store's generation). */
  guint                 generation;
};

/* The most rows sent as one statement: a plan's goals or targets. */
#define MAX_BATCH 64

G_DEFINE_FINAL_TYPE (VigiaStatementPostgresql, vigia_statement_postgresql, VIGIA_TYPE_STATEMENT)

static void
set_value (VigiaStatementPostgresql *self,
           int                       index,
           char                     *value)
{
  if (index > self->n_params)
    {
      g_critical ("Parameter %d of a statement of %d", index, self->n_params);
      g_free (value);
      return;
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
}

/* The rows of an INSERT … VALUES (row) [RETURNING …] with no quoted text
 * in the row: @head gets the text up to the row, @row the row. */
static gboolean
split_single_insert (const char  *sql,
                     char       **head,
                     char       **row)
{
  const char *values = strstr (sql, " VALUES (");
  const char *start;
  const char *end;

  if (!g_str_has_prefix (sql, "INSERT INTO ") || values == NULL || strstr (values, " ON CONFLICT") != NULL)
    return FALSE;
  start = values + strlen (" VALUES ");
  end = strchr (start, ')');
  if (end == NULL || memchr (start, '\'', end - start) != NULL || memchr (start + 1, '(', end - start - 1) != NULL ||
      (end[1] != '\0' && !g_str_has_prefix (end + 1, " RETURNING ")))
    return FALSE;
  *head = g_strndup (sql, start - sql);
  *row = g_strndup (start, end + 1 - start);
  return TRUE;
}

/* The INSERT of @n_rows rows: the row again and again, its parameters
 * numbered on ($1…$n, then $n+1…$2n, …). */
static char *
build_batch_sql (VigiaStatementPostgresql *self,
                 guint                     n_rows)
{
  GString *sql = g_string_new (self->batch_head);

  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append (sql, ", ");
      for (const char *p = self->batch_row; *p != '\0'; p++)
        {
          if (*p == '$' && g_ascii_isdigit (p[1]))
            {
              char *end;
              guint64 index = g_ascii_strtoull (p + 1, &end, 10);

              g_string_append_printf (sql, "$%" G_GUINT64_FORMAT, index + (guint64) r * self->n_params);
              p = end - 1;
            }
          else
            g_string_append_c (sql, *p);
        }
    }
  return g_string_free (sql, FALSE);
}

/* A row held back: its values as text, NULL for SQL's NULL. */
typedef struct
{
  int   n_values;
  char *values[];
} HeldRow;

static void
held_row_free (gpointer data)
{
  HeldRow *row = data;

  for (int i = 0; i < row->n_values; i++)
    g_free (row->values[i]);
  g_free (row);
}

/**
 * _vigia_statement_postgresql_flush:
 *
 * Sends the rows @statement holds back, as one statement.
 */
gboolean
_vigia_statement_postgresql_flush (VigiaStatement  *statement,
                                   GError         **error)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (statement);
  g_autoptr(GPtrArray) rows = g_steal_pointer (&self->batch);
  g_autofree const char **values = NULL;
  const char *name;
  guint n_rows;

  if (self->store->batching == statement)
    self->store->batching = NULL;
  if (rows == NULL || rows->len == 0)
    return TRUE;

  n_rows = rows->len;
  if (n_rows == 1)
    return _vigia_store_postgresql_send (self->store, self->name, self->n_params,
                                         (const char * const *) ((HeldRow *) g_ptr_array_index (rows, 0))->values,
                                         error);

  name = g_hash_table_lookup (self->batch_names, GUINT_TO_POINTER (n_rows));
  if (name == NULL)
    {
      g_autofree char *sql = build_batch_sql (self, n_rows);
      g_autofree char *new_name = g_strdup_printf ("vigia_%u", ++self->store->n_prepared);

      if (!_vigia_store_postgresql_send_prepare (self->store, statement, n_rows, new_name, sql, error))
        return FALSE;
      name = new_name;
      g_hash_table_insert (self->batch_names, GUINT_TO_POINTER (n_rows), g_steal_pointer (&new_name));
    }

  values = g_new (const char *, (gsize) n_rows * self->n_params);
  for (guint r = 0; r < n_rows; r++)
    {
      HeldRow *row = g_ptr_array_index (rows, r);

      for (int i = 0; i < self->n_params; i++)
        values[(gsize) r * self->n_params + i] = row->values[i];
    }
  return _vigia_store_postgresql_send (self->store, name, n_rows * self->n_params, values, error);
}

/* Forgets the statement of @n_rows rows, which the server did not make
 * (_vigia_store_postgresql_wait()). */
void
_vigia_statement_postgresql_forget (VigiaStatement *statement,
                                    guint           n_rows)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (statement);

  g_hash_table_remove (self->batch_names, GUINT_TO_POINTER (n_rows));
}

/* Holds the row bound back, to go with the rows bound after it. */
static gboolean
hold_row (VigiaStatementPostgresql  *self,
          GError                   **error)
{
  HeldRow *row = g_malloc0 (sizeof (HeldRow) + (gsize) self->n_params * sizeof (char *));

  /* Another INSERT's rows go first, so that rows reach the server in the
   * order they were sent (a target after its goal). */
  if (self->store->batching != NULL && self->store->batching != VIGIA_STATEMENT (self) &&
      !_vigia_statement_postgresql_flush (self->store->batching, error))
    {
      g_free (row);
      return FALSE;
    }

  row->n_values = self->n_params;
  for (int i = 0; i < self->n_params; i++)
    row->values[i] = g_strdup (self->values[i]);
  if (self->batch == NULL)
    self->batch = g_ptr_array_new_with_free_func (held_row_free);
  g_ptr_array_add (self->batch, row);
  self->store->batching = VIGIA_STATEMENT (self);

  if (self->batch->len >= MAX_BATCH)
    return _vigia_statement_postgresql_flush (VIGIA_STATEMENT (self), error);
  return TRUE;
}

/* Reads what is left of the statement's results, so that the connection is
 * free for the next one. */
static void
finish (VigiaStatementPostgresql *self)
{
  PGresult *result;

  g_clear_pointer (&self->row, PQclear);
  if (!self->running)
    return;
  self->running = FALSE;
  if (!self->streaming)
    return;
  while ((result = PQgetResult (self->store->conn)) != NULL)
    PQclear (result);
  if (self->store->streaming == VIGIA_STATEMENT (self))
    self->store->streaming = NULL;
}

static void
vigia_statement_postgresql_bind_null (VigiaStatement *statement,
                                      int             index)
{
  set_value (VIGIA_STATEMENT_POSTGRESQL (statement), index, NULL);
}

static void
vigia_statement_postgresql_bind_int64 (VigiaStatement *statement,
                                       int             index,
                                       gint64          value)
{
  set_value (VIGIA_STATEMENT_POSTGRESQL (statement), index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

/* Seventeen digits: the server reads back the very same double. */
static void
vigia_statement_postgresql_bind_double (VigiaStatement *statement,
                                        int             index,
                                        double          value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_value (VIGIA_STATEMENT_POSTGRESQL (statement), index,
             g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

static void
vigia_statement_postgresql_bind_text (VigiaStatement *statement,
                                      int             index,
                                      const char     *text)
{
  set_value (VIGIA_STATEMENT_POSTGRESQL (statement), index, g_strdup (text));
}

/* All the rows at once. */
static VigiaStatementStep
step_buffered (VigiaStatementPostgresql  *self,
               GError                   **error)
{
  if (!self->running)
    {
      PGresult *result = NULL;
      ExecStatusType status;

      /* After statements sent without waiting, this one goes with them:
       * one wait for all. */
      if (self->store->n_sent > 0 || self->store->batching != NULL)
        {
          if (!_vigia_store_postgresql_send (self->store, self->name, self->n_params,
                                             (const char * const *) self->values, error) ||
              !_vigia_store_postgresql_wait (self->store, &result, error))
            return VIGIA_STATEMENT_FAILED;
        }
      else if (_vigia_store_postgresql_wait (self->store, NULL, error))
        result = PQexecPrepared (self->store->conn, self->name, self->n_params,
                                 (const char * const *) self->values, NULL, NULL, 0);
      else
        return VIGIA_STATEMENT_FAILED;

      status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          _vigia_store_postgresql_set_error (self->store, error, result);
          PQclear (result);
          return VIGIA_STATEMENT_FAILED;
        }
      self->row = result;
      self->row_index = -1;
      self->running = TRUE;
    }

  if (++self->row_index < PQntuples (self->row))
    return VIGIA_STATEMENT_ROW;
  finish (self);
  return VIGIA_STATEMENT_DONE;
}

/* One row at a time. */
static VigiaStatementStep
step_streaming (VigiaStatementPostgresql  *self,
                GError                   **error)
{
  PGconn *conn = self->store->conn;
  ExecStatusType status;
  PGresult *result;

  if (!self->running)
    {
      if (!_vigia_store_postgresql_wait (self->store, NULL, error))
        return VIGIA_STATEMENT_FAILED;
      if (!PQsendQueryPrepared (conn, self->name, self->n_params, (const char * const *) self->values,
                                NULL, NULL, 0))
        {
          _vigia_store_postgresql_set_error (self->store, error, NULL);
          return VIGIA_STATEMENT_FAILED;
        }
      PQsetSingleRowMode (conn);
      self->running = TRUE;
      self->store->streaming = VIGIA_STATEMENT (self);
    }

  g_clear_pointer (&self->row, PQclear);
  result = PQgetResult (conn);
  status = result != NULL ? PQresultStatus (result) : PGRES_COMMAND_OK;
  if (status == PGRES_SINGLE_TUPLE)
    {
      self->row = result;
      self->row_index = 0;
      return VIGIA_STATEMENT_ROW;
    }
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
    {
      g_clear_pointer (&result, PQclear);
      finish (self);
      return VIGIA_STATEMENT_DONE;
    }
  _vigia_store_postgresql_set_error (self->store, error, result);
  g_clear_pointer (&result, PQclear);
  finish (self);
  return VIGIA_STATEMENT_FAILED;
}

static VigiaStatementStep
vigia_statement_postgresql_step (VigiaStatement  *statement,
                                 GError         **error)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (statement);

  if (!self->running && !_vigia_store_postgresql_check_idle (self->store, error))
    return VIGIA_STATEMENT_FAILED;
  return self->streaming ? step_streaming (self, error) : step_buffered (self, error);
}

static gboolean
vigia_statement_postgresql_send (VigiaStatement  *statement,
                                 GError         **error)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (statement);

  if (!_vigia_store_postgresql_check_idle (self->store, error))
    return FALSE;
  finish (self);
  if (self->batch_head != NULL)
    return hold_row (self, error);
  return _vigia_store_postgresql_send (self->store, self->name, self->n_params,
                                       (const char * const *) self->values, error);
}

static void
vigia_statement_postgresql_reset (VigiaStatement *statement)
{
  finish (VIGIA_STATEMENT_POSTGRESQL (statement));
}

static void
vigia_statement_postgresql_clear_bindings (VigiaStatement *statement)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (statement);

  for (int i = 0; i < self->n_params; i++)
    g_clear_pointer (&self->values[i], g_free);
}

static gboolean
vigia_statement_postgresql_column_is_null (VigiaStatement *statement,
                                           int             index)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (statement);

  return self->row == NULL || self->row_index < 0 || self->row_index >= PQntuples (self->row) ||
         index >= PQnfields (self->row) || PQgetisnull (self->row, self->row_index, index);
}

static const char *
vigia_statement_postgresql_column_text (VigiaStatement *statement,
                                        int             index)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (statement);

  if (vigia_statement_postgresql_column_is_null (statement, index))
    return NULL;
  return PQgetvalue (self->row, self->row_index, index);
}

static gint64
vigia_statement_postgresql_column_int64 (VigiaStatement *statement,
                                         int             index)
{
  const char *text = vigia_statement_postgresql_column_text (statement, index);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static double
vigia_statement_postgresql_column_double (VigiaStatement *statement,
                                          int             index)
{
  const char *text = vigia_statement_postgresql_column_text (statement, index);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0;
}

static void
vigia_statement_postgresql_finalize (GObject *object)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (object);

  finish (self);
  /* A failure of what was sent is kept for the next statement to tell. */
  if (self->store->n_sent > 0 || self->store->batching == VIGIA_STATEMENT (self))
    {
      g_autoptr(GError) failure = NULL;

      if (!_vigia_store_postgresql_wait (self->store, NULL, &failure))
        self->store->failure = g_steal_pointer (&failure);
    }
  /* The server forgets the statement with the session, or now if the
   * session goes on. */
  if (self->name != NULL && self->generation == self->store->generation && !self->store->closing &&
      PQstatus (self->store->conn) == CONNECTION_OK &&
      PQtransactionStatus (self->store->conn) != PQTRANS_INERROR)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", self->name);

      PQclear (PQexec (self->store->conn, sql));
      if (self->batch_names != NULL)
        {
          GHashTableIter iter;
          gpointer name;

          g_hash_table_iter_init (&iter, self->batch_names);
          while (g_hash_table_iter_next (&iter, NULL, &name))
            {
              g_free (sql);
              sql = g_strdup_printf ("DEALLOCATE %s", (const char *) name);
              PQclear (PQexec (self->store->conn, sql));
            }
        }
    }
  g_clear_pointer (&self->batch, g_ptr_array_unref);
  g_clear_pointer (&self->batch_names, g_hash_table_unref);
  g_free (self->batch_head);
  g_free (self->batch_row);
  for (int i = 0; i < self->n_params; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->name);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigia_statement_postgresql_parent_class)->finalize (object);
}

static void
vigia_statement_postgresql_class_init (VigiaStatementPostgresqlClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VigiaStatementClass *statement_class = VIGIA_STATEMENT_CLASS (klass);

  object_class->finalize = vigia_statement_postgresql_finalize;

  statement_class->bind_null = vigia_statement_postgresql_bind_null;
  statement_class->bind_int64 = vigia_statement_postgresql_bind_int64;
  statement_class->bind_double = vigia_statement_postgresql_bind_double;
  statement_class->bind_text = vigia_statement_postgresql_bind_text;
  statement_class->step = vigia_statement_postgresql_step;
  statement_class->send = vigia_statement_postgresql_send;
  statement_class->reset = vigia_statement_postgresql_reset;
  statement_class->clear_bindings = vigia_statement_postgresql_clear_bindings;
  statement_class->column_is_null = vigia_statement_postgresql_column_is_null;
  statement_class->column_int64 = vigia_statement_postgresql_column_int64;
  statement_class->column_double = vigia_statement_postgresql_column_double;
  statement_class->column_text = vigia_statement_postgresql_column_text;
}

static void
vigia_statement_postgresql_init (VigiaStatementPostgresql *self)
{
}

/**
 * vigia_statement_postgresql_new:
 * @streaming: whether rows come one at a time (see above)
 */
VigiaStatement *
vigia_statement_postgresql_new (VigiaStorePostgresql  *store,
                                const char            *sql,
                                gboolean               streaming,
                                GError               **error)
{
  g_autoptr(VigiaStatementPostgresql) self = NULL;
  g_autofree char *translated = NULL;
  PGresult *result;
  gboolean ok;

  g_return_val_if_fail (VIGIA_IS_STORE_POSTGRESQL (store), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!_vigia_store_postgresql_check_idle (store, error))
    return NULL;

  self = g_object_new (VIGIA_TYPE_STATEMENT_POSTGRESQL, NULL);
  self->store = g_object_ref (store);
  self->streaming = streaming;
  translated = _vigia_store_postgresql_translate (sql, &self->n_params);
  self->values = g_new0 (char *, MAX (self->n_params, 1));

  /* A statement the server refused has no name to deallocate. */
  if (!_vigia_store_postgresql_wait (store, NULL, error))
    return NULL;
  self->name = g_strdup_printf ("vigia_%u", ++store->n_prepared);
  self->generation = store->generation;
  result = PQprepare (store->conn, self->name, translated, 0, NULL);
  ok = result != NULL && PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    {
      g_clear_pointer (&self->name, g_free);
      _vigia_store_postgresql_set_error (store, error, result);
      PQclear (result);
      return NULL;
    }
  PQclear (result);

  if (split_single_insert (translated, &self->batch_head, &self->batch_row))
    self->batch_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  return VIGIA_STATEMENT (g_steal_pointer (&self));
}
