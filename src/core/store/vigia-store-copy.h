/* vigia-store-copy.h: moving a library from one store to another, verified
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-store.h"

G_BEGIN_DECLS

/* The tables a copy moves, in the order it moves them. */
#define VIGIA_STORE_N_TABLES 9

/* What a library holds: the rows of each table and a digest of them all. */
typedef struct
{
  guint64 rows[VIGIA_STORE_N_TABLES];
  /* SHA-256 of every row of every table, in hexadecimal. */
  char    digest[65];
} VigiaStoreTally;

/* Told after each table a copy has moved. */
typedef void (*VigiaStoreCopyFunc) (const char *table,
                                    guint64     rows,
                                    gpointer    user_data);

const char        *vigia_store_table_name      (guint               table);
const char * const *vigia_store_table_columns  (guint               table);
gboolean           vigia_store_tally           (VigiaStore         *store,
                                                VigiaStoreTally    *tally,
                                                GError            **error);
gboolean           vigia_store_copy            (VigiaStore         *from,
                                                VigiaStore         *to,
                                                VigiaStoreCopyFunc  func,
                                                gpointer            user_data,
                                                VigiaStoreTally    *tally,
                                                GError            **error);
gboolean           vigia_store_copy_locations  (const char         *from,
                                                const char         *to,
                                                VigiaStoreCopyFunc  func,
                                                gpointer            user_data,
                                                VigiaStoreTally    *tally,
                                                GError            **error);

G_END_DECLS
