/* vigia-store.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database behind a library: an SQLite file on the desk
 * (VigiaStoreSqlite) or a schema of a PostgreSQL database a team shares
 * (VigiaStorePostgresql), both holding the same tables (docs/postgresql.md).
 * What moves a library between them (vigia-store-copy.c) speaks only to
 * this interface.
 */
#define G_LOG_DOMAIN "vigia-store"

#include "config.h"

#include <string.h>

#include "vigia-store.h"
#include "vigia-store-postgresql.h"
#include "vigia-store-sqlite.h"

G_DEFINE_INTERFACE (VigiaStore, vigia_store, G_TYPE_OBJECT)

static void
vigia_store_default_init (VigiaStoreInterface *iface)
{
}

/**
 * vigia_store_location_is_postgresql:
 * @location: what names a library: a file, or a libpq connection string
 *
 * Whether @location names a PostgreSQL database: a URI
 * (`postgresql://ana@servidor/planes`) or libpq's `keyword=value` form
 * (`host=servidor dbname=planes`).  Anything else is a file.
 */
gboolean
vigia_store_location_is_postgresql (const char *location)
{
  static const char * const keywords[] = {
    "host=", "hostaddr=", "dbname=", "service=", "user=", "port=", NULL
  };

  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  for (guint i = 0; keywords[i] != NULL; i++)
    if (g_str_has_prefix (location, keywords[i]))
      return TRUE;
  return FALSE;
}

/**
 * vigia_store_open:
 * @location: a file, or a PostgreSQL connection string
 * @existing: fail rather than create a new library
 *
 * Opens the library at @location, creating its tables or bringing them to
 * this version's schema; a library of a newer schema is refused untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
VigiaStore *
vigia_store_open (const char  *location,
                  gboolean     existing,
                  GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (vigia_store_location_is_postgresql (location))
    return VIGIA_STORE (vigia_store_postgresql_open (location, error));
  return VIGIA_STORE (vigia_store_sqlite_open (location, existing, error));
}

/* Where the library is, to show: a file's path, or the user, server and
 * database, never a password. */
const char *
vigia_store_get_location (VigiaStore *self)
{
  g_return_val_if_fail (VIGIA_IS_STORE (self), NULL);

  return VIGIA_STORE_GET_IFACE (self)->get_location (self);
}

/**
 * vigia_store_prepare:
 * @sql: one statement, its parameters numbered ?1, ?2, …
 *
 * Returns: (transfer full): the statement, or %NULL with @error set
 */
VigiaStatement *
vigia_store_prepare (VigiaStore  *self,
                     const char  *sql,
                     GError     **error)
{
  g_return_val_if_fail (VIGIA_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return VIGIA_STORE_GET_IFACE (self)->prepare (self, sql, error);
}

/* Runs one statement without parameters: prepared and run, unless the
 * store has a shorter way (a server runs it in one round trip, where
 * preparing, running and forgetting it took three). */
gboolean
vigia_store_exec (VigiaStore  *self,
                  const char  *sql,
                  GError     **error)
{
  g_autoptr(VigiaStatement) statement = NULL;

  g_return_val_if_fail (VIGIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (VIGIA_STORE_GET_IFACE (self)->exec != NULL)
    return VIGIA_STORE_GET_IFACE (self)->exec (self, sql, error);
  statement = vigia_store_prepare (self, sql, error);
  return statement != NULL && vigia_statement_run (statement, error);
}

/**
 * vigia_store_begin:
 * @read_only: only to read: every statement until the commit sees the
 *   library as it was at the first, whatever other desks write meanwhile
 *
 * Begins a transaction, ended by vigia_store_commit() or
 * vigia_store_rollback().
 */
gboolean
vigia_store_begin (VigiaStore  *self,
                   gboolean     read_only,
                   GError     **error)
{
  g_return_val_if_fail (VIGIA_IS_STORE (self), FALSE);

  return VIGIA_STORE_GET_IFACE (self)->begin (self, read_only, error);
}

gboolean
vigia_store_commit (VigiaStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (VIGIA_IS_STORE (self), FALSE);

  return VIGIA_STORE_GET_IFACE (self)->commit (self, error);
}

void
vigia_store_rollback (VigiaStore *self)
{
  g_return_if_fail (VIGIA_IS_STORE (self));

  VIGIA_STORE_GET_IFACE (self)->rollback (self);
}

/**
 * vigia_store_rebuild_derived:
 *
 * Brings what the store derives from its rows up to date after rows were
 * written with their own ids (a copy): the search index, and PostgreSQL's
 * counters of ids.  Runs in the caller's transaction.
 */
gboolean
vigia_store_rebuild_derived (VigiaStore  *self,
                             GError     **error)
{
  g_return_val_if_fail (VIGIA_IS_STORE (self), FALSE);

  return VIGIA_STORE_GET_IFACE (self)->rebuild_derived (self, error);
}
