/* vigia-store-postgresql-private.h: what the store and its statements share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

#include "vigia-statement.h"
#include "vigia-store-postgresql.h"

G_BEGIN_DECLS

struct _VigiaStorePostgresql
{
  GObject         parent_instance;

  PGconn         *conn;
  /* user@server/database, to show. */
  char           *location;
  /* Names the server gives the prepared statements. */
  guint           n_prepared;
  /* Whether the role may add plans, as the server said at opening. */
  gboolean        may_write;
  /* The statement whose rows are coming (single-row mode): the connection
   * runs nothing else until they have all come. */
  VigiaStatement *streaming;
  /* Statements sent without waiting for their answers (libpq's pipeline
   * mode), read at the next wait. */
  guint           n_sent;
  /* The INSERT whose rows are held back to be sent as one statement, at
   * the next statement sent or wait (vigia-statement-postgresql.c). */
  VigiaStatement *batching;
  /* The statements prepared among those sent (SentPrepare): one the
   * server did not make (a failure before it skips it) is forgotten by the
   * statement that sent it, at the wait. */
  GArray         *sent_prepares;
  /* A failure of one of them that a wait could not report: the next wait
   * does. */
  GError         *failure;
  /* Counts the connections made again after one was lost: a statement
   * prepared on an earlier one has no name on the server any more. */
  guint           generation;
  /* Its only user is closing it: the statements it prepared are not
   * forgotten one by one, a round trip each, but with the session. */
  gboolean        closing;
  /* The connection string, to connect again; never shown (it may hold a
   * password). */
  char           *conninfo;
  /* The rows of a COPY not yet handed to libpq
   * (_vigia_store_postgresql_copy_row()). */
  GString        *copy_rows;
};


gboolean _vigia_store_postgresql_set_error (VigiaStorePostgresql  *self,
                                            GError               **error,
                                            const PGresult        *result);
gboolean _vigia_store_postgresql_check_idle (VigiaStorePostgresql  *self,
                                             GError               **error);
gboolean _vigia_store_postgresql_send      (VigiaStorePostgresql  *self,
                                            const char            *name,
                                            int                    n_params,
                                            const char * const    *values,
                                            GError               **error);
gboolean _vigia_store_postgresql_send_prepare (VigiaStorePostgresql  *self,
                                              VigiaStatement        *statement,
                                              guint                  n_rows,
                                              const char            *name,
                                              const char            *sql,
                                              GError               **error);
gboolean _vigia_statement_postgresql_flush    (VigiaStatement        *statement,
                                              GError               **error);
void     _vigia_statement_postgresql_forget   (VigiaStatement        *statement,
                                              guint                  n_rows);
gboolean _vigia_store_postgresql_wait      (VigiaStorePostgresql  *self,
                                            PGresult             **last,
                                            GError               **error);
gboolean _vigia_store_postgresql_write_search_rows (VigiaStorePostgresql  *self,
                                                    GArray                *ids,
                                                    GError               **error);
char    *_vigia_store_postgresql_translate (const char            *sql,
                                            int                   *n_params);
void     _vigia_store_postgresql_connect_async  (VigiaStorePostgresql  *self,
                                                gpointer               source_object,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
PGconn  *_vigia_store_postgresql_connect_finish (VigiaStorePostgresql  *self,
                                                GAsyncResult          *result,
                                                GError               **error);
gboolean _vigia_store_postgresql_adopt          (VigiaStorePostgresql  *self,
                                                PGconn                *conn,
                                                GError               **error);
gboolean _vigia_store_postgresql_copy_begin (VigiaStorePostgresql  *self,
                                             const char            *table,
                                             const char * const    *columns,
                                             GError               **error);
void     _vigia_store_postgresql_copy_row   (VigiaStorePostgresql  *self,
                                             const char * const    *values,
                                             guint                  n_values);
gboolean _vigia_store_postgresql_copy_end   (VigiaStorePostgresql  *self,
                                             const char            *failure,
                                             GError               **error);

G_END_DECLS
