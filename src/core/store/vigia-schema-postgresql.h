/* vigia-schema-postgresql.h: the library's tables on a PostgreSQL server
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first schema version a PostgreSQL library has: it is made at once
 * with the tables SQLite reached at that version. */
#define VIGIA_SCHEMA_POSTGRESQL_FIRST 4

const char *vigia_schema_postgresql_get_migration (guint version);

G_END_DECLS
