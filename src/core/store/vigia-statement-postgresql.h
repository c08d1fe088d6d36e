/* vigia-statement-postgresql.h: a statement prepared on a PostgreSQL server
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-statement.h"
#include "vigia-store-postgresql.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_STATEMENT_POSTGRESQL (vigia_statement_postgresql_get_type ())

G_DECLARE_FINAL_TYPE (VigiaStatementPostgresql, vigia_statement_postgresql, VIGIA, STATEMENT_POSTGRESQL,
                      VigiaStatement)

VigiaStatement *vigia_statement_postgresql_new (VigiaStorePostgresql  *store,
                                                const char            *sql,
                                                gboolean               streaming,
                                                GError               **error);

G_END_DECLS
