/* vigia-store-postgresql-private.h: what the store and its statements share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
  /* The statement whose rows are coming (single-row mode): the connection
   * runs nothing else until they have all come. */
  VigiaStatement *streaming;
};

gboolean _vigia_store_postgresql_set_error (VigiaStorePostgresql  *self,
                                            GError               **error,
                                            const PGresult        *result);
char    *_vigia_store_postgresql_translate (const char            *sql,
                                            int                   *n_params);

G_END_DECLS
