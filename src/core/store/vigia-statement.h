/* vigia-statement.h: one prepared SQL statement of a VigiaStore
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIA_TYPE_STATEMENT (vigia_statement_get_type ())

G_DECLARE_DERIVABLE_TYPE (VigiaStatement, vigia_statement, VIGIA, STATEMENT, GObject)

typedef enum {
  VIGIA_STATEMENT_FAILED,
  /* A row is there to read with the column functions. */
  VIGIA_STATEMENT_ROW,
  VIGIA_STATEMENT_DONE,
} VigiaStatementStep;

struct _VigiaStatementClass
{
  GObjectClass parent_class;

  void                (*bind_null)      (VigiaStatement  *self,
                                         int              index);
  void                (*bind_int64)     (VigiaStatement  *self,
                                         int              index,
                                         gint64           value);
  void                (*bind_double)    (VigiaStatement  *self,
                                         int              index,
                                         double           value);
  void                (*bind_text)      (VigiaStatement  *self,
                                         int              index,
                                         const char      *text);
  VigiaStatementStep  (*step)           (VigiaStatement  *self,
                                         GError         **error);
  gboolean            (*send)           (VigiaStatement  *self,
                                         GError         **error);
  void                (*reset)          (VigiaStatement  *self);
  void                (*clear_bindings) (VigiaStatement  *self);
  gboolean            (*column_is_null) (VigiaStatement  *self,
                                         int              index);
  gint64              (*column_int64)   (VigiaStatement  *self,
                                         int              index);
  double              (*column_double)  (VigiaStatement  *self,
                                         int              index);
  const char         *(*column_text)    (VigiaStatement  *self,
                                         int              index);
};

void               vigia_statement_bind_null      (VigiaStatement  *self,
                                                   int              index);
void               vigia_statement_bind_int64     (VigiaStatement  *self,
                                                   int              index,
                                                   gint64           value);
void               vigia_statement_bind_double    (VigiaStatement  *self,
                                                   int              index,
                                                   double           value);
void               vigia_statement_bind_text      (VigiaStatement  *self,
                                                   int              index,
                                                   const char      *text);
VigiaStatementStep vigia_statement_step           (VigiaStatement  *self,
                                                   GError         **error);
gboolean           vigia_statement_run            (VigiaStatement  *self,
                                                   GError         **error);
gboolean           vigia_statement_send           (VigiaStatement  *self,
                                                   GError         **error);
void               vigia_statement_reset          (VigiaStatement  *self);
void               vigia_statement_clear_bindings (VigiaStatement  *self);
gboolean           vigia_statement_column_is_null (VigiaStatement  *self,
                                                   int              index);
gint64             vigia_statement_column_int64   (VigiaStatement  *self,
                                                   int              index);
double             vigia_statement_column_double  (VigiaStatement  *self,
                                                   int              index);
const char        *vigia_statement_column_text    (VigiaStatement  *self,
                                                   int              index);

G_END_DECLS
