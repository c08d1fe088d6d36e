/* vigia-statement-sqlite.h: a statement of a library's SQLite file
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-library.h"
#include "vigia-statement.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_STATEMENT_SQLITE (vigia_statement_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (VigiaStatementSqlite, vigia_statement_sqlite, VIGIA, STATEMENT_SQLITE, VigiaStatement)

VigiaStatement *vigia_statement_sqlite_new (VigiaLibrary  *library,
                                            const char    *sql,
                                            gboolean       borrowed,
                                            GError       **error);

G_END_DECLS
