/* vigia-store-sqlite.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite store is a VigiaLibrary's own connection: opening, checks,
 * migrations and transactions are the library's (vigia-library.c), so a
 * file reached through the store is in every way the file the application
 * opens.
 */
#define G_LOG_DOMAIN "vigia-store"

#include "config.h"

#include "vigia-library-private.h"
#include "vigia-statement-sqlite.h"
#include "vigia-store-sqlite.h"

struct _VigiaStoreSqlite
{
  GObject       parent_instance;

  VigiaLibrary *library;
  /* In a transaction begun only to read. */
  gboolean      reading;
};

static void vigia_store_sqlite_iface_init (VigiaStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigiaStoreSqlite, vigia_store_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VIGIA_TYPE_STORE, vigia_store_sqlite_iface_init))

static const char *
vigia_store_sqlite_get_location (VigiaStore *store)
{
  return vigia_library_get_path (VIGIA_STORE_SQLITE (store)->library);
}

static VigiaStatement *
vigia_store_sqlite_prepare (VigiaStore  *store,
                            const char  *sql,
                            GError     **error)
{
  return vigia_statement_sqlite_new (VIGIA_STORE_SQLITE (store)->library, sql, FALSE, error);
}

/* A transaction only to read takes no lock on writing, and works on a
 * library open read-only. */
static gboolean
vigia_store_sqlite_begin (VigiaStore  *store,
                          gboolean     read_only,
                          GError     **error)
{
  VigiaStoreSqlite *self = VIGIA_STORE_SQLITE (store);

  if (!read_only)
    return vigia_library_begin (self->library, error);
  if (!_vigia_library_exec (self->library, "BEGIN", error))
    return FALSE;
  self->reading = TRUE;
  return TRUE;
}

static gboolean
vigia_store_sqlite_commit (VigiaStore  *store,
                           GError     **error)
{
  VigiaStoreSqlite *self = VIGIA_STORE_SQLITE (store);

  if (!self->reading)
    return vigia_library_commit (self->library, error);
  self->reading = FALSE;
  return _vigia_library_exec (self->library, "COMMIT", error);
}

static void
vigia_store_sqlite_rollback (VigiaStore *store)
{
  VigiaStoreSqlite *self = VIGIA_STORE_SQLITE (store);

  if (!self->reading)
    {
      vigia_library_rollback (self->library);
      return;
    }
  self->reading = FALSE;
  _vigia_library_exec (self->library, "ROLLBACK", NULL);
}

/* Every plan's row of the full-text index, written again at once. */
static gboolean
vigia_store_sqlite_rebuild_derived (VigiaStore  *store,
                                    GError     **error)
{
  VigiaLibrary *library = VIGIA_STORE_SQLITE (store)->library;

  return _vigia_library_exec (library, "DELETE FROM plan_search", error) &&
         _vigia_library_exec (library,
                              "INSERT INTO plan_search (rowid, organization, place, texts, goals)"
                              PLAN_SEARCH_SELECT " FROM plan p",
                              error);
}

static void
vigia_store_sqlite_iface_init (VigiaStoreInterface *iface)
{
  iface->get_location = vigia_store_sqlite_get_location;
  iface->prepare = vigia_store_sqlite_prepare;
  iface->begin = vigia_store_sqlite_begin;
  iface->commit = vigia_store_sqlite_commit;
  iface->rollback = vigia_store_sqlite_rollback;
  iface->rebuild_derived = vigia_store_sqlite_rebuild_derived;
}

static void
vigia_store_sqlite_finalize (GObject *object)
{
  VigiaStoreSqlite *self = VIGIA_STORE_SQLITE (object);

  g_clear_object (&self->library);

  G_OBJECT_CLASS (vigia_store_sqlite_parent_class)->finalize (object);
}

static void
vigia_store_sqlite_class_init (VigiaStoreSqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigia_store_sqlite_finalize;
}

static void
vigia_store_sqlite_init (VigiaStoreSqlite *self)
{
}

/* The store of an open @library, sharing its connection. */
VigiaStoreSqlite *
vigia_store_sqlite_new (VigiaLibrary *library)
{
  VigiaStoreSqlite *self;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);

  self = g_object_new (VIGIA_TYPE_STORE_SQLITE, NULL);
  self->library = g_object_ref (library);
  return self;
}

VigiaStoreSqlite *
vigia_store_sqlite_open (const char  *path,
                         gboolean     existing,
                         GError     **error)
{
  g_autoptr(VigiaLibrary) library = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  library = vigia_library_open (path, existing ? VIGIA_LIBRARY_OPEN_EXISTING : VIGIA_LIBRARY_OPEN_DEFAULT,
                                error);
  if (library == NULL)
    return NULL;
  return vigia_store_sqlite_new (library);
}
