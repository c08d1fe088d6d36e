/* vigia-store.h: the database that holds a library, SQLite or PostgreSQL
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-statement.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_STORE (vigia_store_get_type ())

G_DECLARE_INTERFACE (VigiaStore, vigia_store, VIGIA, STORE, GObject)

struct _VigiaStoreInterface
{
  GTypeInterface parent_iface;

  const char     *(*get_location)    (VigiaStore  *self);
  VigiaStatement *(*prepare)         (VigiaStore  *self,
                                      const char  *sql,
                                      GError     **error);
  gboolean        (*exec)            (VigiaStore  *self,
                                      const char  *sql,
                                      GError     **error);
  gboolean        (*begin)           (VigiaStore  *self,
                                      gboolean     read_only,
                                      GError     **error);
  gboolean        (*commit)          (VigiaStore  *self,
                                      GError     **error);
  void            (*rollback)        (VigiaStore  *self);
  gboolean        (*rebuild_derived) (VigiaStore  *self,
                                      GError     **error);
};

gboolean        vigia_store_location_is_postgresql (const char  *location);
VigiaStore     *vigia_store_open                   (const char  *location,
                                                    gboolean     existing,
                                                    GError     **error);
const char     *vigia_store_get_location           (VigiaStore  *self);
VigiaStatement *vigia_store_prepare                (VigiaStore  *self,
                                                    const char  *sql,
                                                    GError     **error);
gboolean        vigia_store_exec                   (VigiaStore  *self,
                                                    const char  *sql,
                                                    GError     **error);
gboolean        vigia_store_begin                  (VigiaStore  *self,
                                                    gboolean     read_only,
                                                    GError     **error);
gboolean        vigia_store_commit                 (VigiaStore  *self,
                                                    GError     **error);
void            vigia_store_rollback               (VigiaStore  *self);
gboolean        vigia_store_rebuild_derived        (VigiaStore  *self,
                                                    GError     **error);

G_END_DECLS
