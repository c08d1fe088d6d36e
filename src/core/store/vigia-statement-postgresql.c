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
 */
#define G_LOG_DOMAIN "vigia-store"

#include "config.h"

#include <glib/gi18n-lib.h>

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
};

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
      if (self->store->n_sent > 0)
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

  if (!self->running && self->store->streaming != NULL)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                   _("The shared library %s is still sending the rows of another request."),
                   self->store->location);
      return VIGIA_STATEMENT_FAILED;
    }
  return self->streaming ? step_streaming (self, error) : step_buffered (self, error);
}

static gboolean
vigia_statement_postgresql_send (VigiaStatement  *statement,
                                 GError         **error)
{
  VigiaStatementPostgresql *self = VIGIA_STATEMENT_POSTGRESQL (statement);

  if (self->store->streaming != NULL)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                   _("The shared library %s is still sending the rows of another request."),
                   self->store->location);
      return FALSE;
    }
  finish (self);
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
  if (self->store->n_sent > 0)
    {
      g_autoptr(GError) failure = NULL;

      if (!_vigia_store_postgresql_wait (self->store, NULL, &failure))
        self->store->failure = g_steal_pointer (&failure);
    }
  /* The server forgets the statement with the session, or now if the
   * session goes on. */
  if (self->name != NULL && PQstatus (self->store->conn) == CONNECTION_OK &&
      PQtransactionStatus (self->store->conn) != PQTRANS_INERROR)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", self->name);

      PQclear (PQexec (self->store->conn, sql));
    }
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

  if (store->streaming != NULL)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                   _("The shared library %s is still sending the rows of another request."),
                   store->location);
      return NULL;
    }

  self = g_object_new (VIGIA_TYPE_STATEMENT_POSTGRESQL, NULL);
  self->store = g_object_ref (store);
  self->streaming = streaming;
  translated = _vigia_store_postgresql_translate (sql, &self->n_params);
  self->values = g_new0 (char *, MAX (self->n_params, 1));

  /* A statement the server refused has no name to deallocate. */
  if (!_vigia_store_postgresql_wait (store, NULL, error))
    return NULL;
  self->name = g_strdup_printf ("vigia_%u", ++store->n_prepared);
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

  return VIGIA_STATEMENT (g_steal_pointer (&self));
}
