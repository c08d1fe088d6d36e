/* vigia-statement-sqlite.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A VigiaStatement over one sqlite3_stmt of a VigiaLibrary's connection; its
 * errors are the library's (named after its file).
 */
#define G_LOG_DOMAIN "vigia-store"

#include "config.h"

#include "vigia-library-private.h"
#include "vigia-statement-sqlite.h"

struct _VigiaStatementSqlite
{
  VigiaStatement  parent_instance;

  VigiaLibrary   *library;
  sqlite3_stmt   *stmt;
  /* Made by the library for its own cache: the library outlives it, and is
   * not held (which would make a cycle). */
  gboolean        borrowed;
};

G_DEFINE_FINAL_TYPE (VigiaStatementSqlite, vigia_statement_sqlite, VIGIA_TYPE_STATEMENT)

static void
vigia_statement_sqlite_bind_null (VigiaStatement *statement,
                                  int             index)
{
  sqlite3_bind_null (VIGIA_STATEMENT_SQLITE (statement)->stmt, index);
}

static void
vigia_statement_sqlite_bind_int64 (VigiaStatement *statement,
                                   int             index,
                                   gint64          value)
{
  sqlite3_bind_int64 (VIGIA_STATEMENT_SQLITE (statement)->stmt, index, value);
}

static void
vigia_statement_sqlite_bind_double (VigiaStatement *statement,
                                    int             index,
                                    double          value)
{
  sqlite3_bind_double (VIGIA_STATEMENT_SQLITE (statement)->stmt, index, value);
}

static void
vigia_statement_sqlite_bind_text (VigiaStatement *statement,
                                  int             index,
                                  const char     *text)
{
  sqlite3_bind_text (VIGIA_STATEMENT_SQLITE (statement)->stmt, index, text, -1, SQLITE_TRANSIENT);
}

static VigiaStatementStep
vigia_statement_sqlite_step (VigiaStatement  *statement,
                             GError         **error)
{
  VigiaStatementSqlite *self = VIGIA_STATEMENT_SQLITE (statement);
  int rc = sqlite3_step (self->stmt);

  if (rc == SQLITE_ROW)
    return VIGIA_STATEMENT_ROW;
  if (rc == SQLITE_DONE)
    return VIGIA_STATEMENT_DONE;
  _vigia_library_set_sqlite_error (self->library, error, rc);
  return VIGIA_STATEMENT_FAILED;
}

static void
vigia_statement_sqlite_reset (VigiaStatement *statement)
{
  sqlite3_reset (VIGIA_STATEMENT_SQLITE (statement)->stmt);
}

static void
vigia_statement_sqlite_clear_bindings (VigiaStatement *statement)
{
  sqlite3_clear_bindings (VIGIA_STATEMENT_SQLITE (statement)->stmt);
}

static gboolean
vigia_statement_sqlite_column_is_null (VigiaStatement *statement,
                                       int             index)
{
  return sqlite3_column_type (VIGIA_STATEMENT_SQLITE (statement)->stmt, index) == SQLITE_NULL;
}

static gint64
vigia_statement_sqlite_column_int64 (VigiaStatement *statement,
                                     int             index)
{
  return sqlite3_column_int64 (VIGIA_STATEMENT_SQLITE (statement)->stmt, index);
}

static double
vigia_statement_sqlite_column_double (VigiaStatement *statement,
                                      int             index)
{
  return sqlite3_column_double (VIGIA_STATEMENT_SQLITE (statement)->stmt, index);
}

static const char *
vigia_statement_sqlite_column_text (VigiaStatement *statement,
                                    int             index)
{
  return (const char *) sqlite3_column_text (VIGIA_STATEMENT_SQLITE (statement)->stmt, index);
}

static void
vigia_statement_sqlite_finalize (GObject *object)
{
  VigiaStatementSqlite *self = VIGIA_STATEMENT_SQLITE (object);

  g_clear_pointer (&self->stmt, sqlite3_finalize);
  if (!self->borrowed)
    g_clear_object (&self->library);

  G_OBJECT_CLASS (vigia_statement_sqlite_parent_class)->finalize (object);
}

static void
vigia_statement_sqlite_class_init (VigiaStatementSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VigiaStatementClass *statement_class = VIGIA_STATEMENT_CLASS (klass);

  object_class->finalize = vigia_statement_sqlite_finalize;

  statement_class->bind_null = vigia_statement_sqlite_bind_null;
  statement_class->bind_int64 = vigia_statement_sqlite_bind_int64;
  statement_class->bind_double = vigia_statement_sqlite_bind_double;
  statement_class->bind_text = vigia_statement_sqlite_bind_text;
  statement_class->step = vigia_statement_sqlite_step;
  statement_class->reset = vigia_statement_sqlite_reset;
  statement_class->clear_bindings = vigia_statement_sqlite_clear_bindings;
  statement_class->column_is_null = vigia_statement_sqlite_column_is_null;
  statement_class->column_int64 = vigia_statement_sqlite_column_int64;
  statement_class->column_double = vigia_statement_sqlite_column_double;
  statement_class->column_text = vigia_statement_sqlite_column_text;
}

static void
vigia_statement_sqlite_init (VigiaStatementSqlite *self)
{
}

/**
 * vigia_statement_sqlite_new:
 * @borrowed: whether the statement is the library's own, kept by it and
 *   finalized before it: then it holds no reference to the library
 */
VigiaStatement *
vigia_statement_sqlite_new (VigiaLibrary  *library,
                            const char    *sql,
                            gboolean       borrowed,
                            GError       **error)
{
  g_autoptr(VigiaStatementSqlite) self = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  self = g_object_new (VIGIA_TYPE_STATEMENT_SQLITE, NULL);
  self->borrowed = borrowed;
  self->library = borrowed ? library : g_object_ref (library);
  /* The library's own statements are kept for its life: SQLite is told so. */
  if (sqlite3_prepare_v3 (library->db, sql, -1, borrowed ? SQLITE_PREPARE_PERSISTENT : 0, &self->stmt,
                          NULL) != SQLITE_OK)
    {
      _vigia_library_set_sqlite_error (library, error, sqlite3_extended_errcode (library->db));
      return NULL;
    }
  return VIGIA_STATEMENT (g_steal_pointer (&self));
}
