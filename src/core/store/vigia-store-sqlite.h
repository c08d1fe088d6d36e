/* vigia-store-sqlite.h: a library held in an SQLite file
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-library.h"
#include "vigia-store.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_STORE_SQLITE (vigia_store_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (VigiaStoreSqlite, vigia_store_sqlite, VIGIA, STORE_SQLITE, GObject)

VigiaStoreSqlite *vigia_store_sqlite_new         (VigiaLibrary      *library);
VigiaStoreSqlite *vigia_store_sqlite_open        (const char        *path,
                                                  gboolean           existing,
                                                  GError           **error);

G_END_DECLS
