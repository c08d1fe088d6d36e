/* vigia-statement.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A statement of a VigiaStore, whichever database holds the library
 * (docs/postgresql.md): parameters are bound by their number from 1, as in
 * the SQL (?1, ?2, …), and columns are read by their number from 0.  A
 * reset statement keeps its bindings, as SQLite's does, and can run again.
 */
#define G_LOG_DOMAIN "vigia-store"

#include "config.h"

#include "vigia-statement.h"

G_DEFINE_ABSTRACT_TYPE (VigiaStatement, vigia_statement, G_TYPE_OBJECT)

static gboolean
vigia_statement_real_send (VigiaStatement  *self,
                           GError         **error)
{
  return vigia_statement_run (self, error);
}

static void
vigia_statement_class_init (VigiaStatementClass *klass)
{
  klass->send = vigia_statement_real_send;
}

static void
vigia_statement_init (VigiaStatement *self)
{
}

void
vigia_statement_bind_null (VigiaStatement *self,
                           int             index)
{
  g_return_if_fail (VIGIA_IS_STATEMENT (self));
  g_return_if_fail (index > 0);

  VIGIA_STATEMENT_GET_CLASS (self)->bind_null (self, index);
}

void
vigia_statement_bind_int64 (VigiaStatement *self,
                            int             index,
                            gint64          value)
{
  g_return_if_fail (VIGIA_IS_STATEMENT (self));
  g_return_if_fail (index > 0);

  VIGIA_STATEMENT_GET_CLASS (self)->bind_int64 (self, index, value);
}

void
vigia_statement_bind_double (VigiaStatement *self,
                             int             index,
                             double          value)
{
  g_return_if_fail (VIGIA_IS_STATEMENT (self));
  g_return_if_fail (index > 0);

  VIGIA_STATEMENT_GET_CLASS (self)->bind_double (self, index, value);
}

/* A NULL @text binds SQL's NULL. */
void
vigia_statement_bind_text (VigiaStatement *self,
                           int             index,
                           const char     *text)
{
  g_return_if_fail (VIGIA_IS_STATEMENT (self));
  g_return_if_fail (index > 0);

  if (text == NULL)
    VIGIA_STATEMENT_GET_CLASS (self)->bind_null (self, index);
  else
    VIGIA_STATEMENT_GET_CLASS (self)->bind_text (self, index, text);
}

/**
 * vigia_statement_step:
 *
 * Runs the statement, or moves to its next row.
 *
 * Returns: %VIGIA_STATEMENT_ROW while there is a row to read,
 *   %VIGIA_STATEMENT_DONE at the end, %VIGIA_STATEMENT_FAILED with @error set
 */
VigiaStatementStep
vigia_statement_step (VigiaStatement  *self,
                      GError         **error)
{
  g_return_val_if_fail (VIGIA_IS_STATEMENT (self), VIGIA_STATEMENT_FAILED);
  g_return_val_if_fail (error == NULL || *error == NULL, VIGIA_STATEMENT_FAILED);

  return VIGIA_STATEMENT_GET_CLASS (self)->step (self, error);
}

/* Runs a statement that returns no rows (or whose rows do not matter) to
 * its end, and resets it. */
gboolean
vigia_statement_run (VigiaStatement  *self,
                     GError         **error)
{
  VigiaStatementStep step;

  g_return_val_if_fail (VIGIA_IS_STATEMENT (self), FALSE);

  while ((step = vigia_statement_step (self, error)) == VIGIA_STATEMENT_ROW)
    ;
  vigia_statement_reset (self);
  return step == VIGIA_STATEMENT_DONE;
}

/**
 * vigia_statement_send:
 *
 * Runs a statement whose rows, if any, are not wanted, inside a
 * transaction, and may return before the store has run it: a store on a
 * server sends it on with those that follow, without waiting for its
 * answer (docs/postgresql.md).  Its failure is then told by the next
 * statement stepped, or at the latest by the commit of the transaction or
 * savepoint it belongs to.  The statement can be bound and sent again at
 * once.
 *
 * Returns: %FALSE with @error set if it failed, or one sent before it did
 */
gboolean
vigia_statement_send (VigiaStatement  *self,
                      GError         **error)
{
  g_return_val_if_fail (VIGIA_IS_STATEMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return VIGIA_STATEMENT_GET_CLASS (self)->send (self, error);
}

void
vigia_statement_reset (VigiaStatement *self)
{
  g_return_if_fail (VIGIA_IS_STATEMENT (self));

  VIGIA_STATEMENT_GET_CLASS (self)->reset (self);
}

/* Sets every parameter to NULL. */
void
vigia_statement_clear_bindings (VigiaStatement *self)
{
  g_return_if_fail (VIGIA_IS_STATEMENT (self));

  VIGIA_STATEMENT_GET_CLASS (self)->clear_bindings (self);
}

gboolean
vigia_statement_column_is_null (VigiaStatement *self,
                                int             index)
{
  g_return_val_if_fail (VIGIA_IS_STATEMENT (self), TRUE);
  g_return_val_if_fail (index >= 0, TRUE);

  return VIGIA_STATEMENT_GET_CLASS (self)->column_is_null (self, index);
}

gint64
vigia_statement_column_int64 (VigiaStatement *self,
                              int             index)
{
  g_return_val_if_fail (VIGIA_IS_STATEMENT (self), 0);
  g_return_val_if_fail (index >= 0, 0);

  return VIGIA_STATEMENT_GET_CLASS (self)->column_int64 (self, index);
}

double
vigia_statement_column_double (VigiaStatement *self,
                               int             index)
{
  g_return_val_if_fail (VIGIA_IS_STATEMENT (self), 0);
  g_return_val_if_fail (index >= 0, 0);

  return VIGIA_STATEMENT_GET_CLASS (self)->column_double (self, index);
}

/* The column as UTF-8 text, NULL for SQL's NULL; valid until the next step
 * or reset. */
const char *
vigia_statement_column_text (VigiaStatement *self,
                             int             index)
{
  g_return_val_if_fail (VIGIA_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (index >= 0, NULL);

  return VIGIA_STATEMENT_GET_CLASS (self)->column_text (self, index);
}
