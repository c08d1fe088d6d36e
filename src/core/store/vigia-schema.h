/* vigia-schema.h: the library's SQLite schema and its migrations (private)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "VIGA" in ASCII: marks an SQLite file as a Vigía library (PRAGMA application_id). */
#define VIGIA_APPLICATION_ID 0x56494741

/* The schema this build writes. A library whose PRAGMA user_version is higher
 * was written by a newer Vigía and is refused. */
#define VIGIA_SCHEMA_VERSION 6

/* Migration n (1-based) brings a library from version n - 1 to version n. */
const char *vigia_schema_get_migration (guint version);

G_END_DECLS
