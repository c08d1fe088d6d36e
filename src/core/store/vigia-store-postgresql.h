/* vigia-store-postgresql.h: a library held by a PostgreSQL server
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-store.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_STORE_POSTGRESQL (vigia_store_postgresql_get_type ())

G_DECLARE_FINAL_TYPE (VigiaStorePostgresql, vigia_store_postgresql, VIGIA, STORE_POSTGRESQL, GObject)

/* The schema of the database that holds Vigía's tables. */
#define VIGIA_STORE_POSTGRESQL_SCHEMA "vigia"

char                 *vigia_store_postgresql_make_location (const char           *server,
                                                           const char           *database,
                                                           const char           *user,
                                                           const char           *password);
VigiaStorePostgresql *vigia_store_postgresql_open         (const char            *conninfo,
                                                           GError               **error);
gboolean              vigia_store_postgresql_may_write    (VigiaStorePostgresql  *self);
gboolean              vigia_store_postgresql_grant        (VigiaStorePostgresql  *self,
                                                           const char            *member,
                                                           gboolean               can_edit,
                                                           GError               **error);
gboolean              vigia_store_postgresql_revoke       (VigiaStorePostgresql  *self,
                                                           const char            *member,
                                                           GError               **error);
gboolean              vigia_store_postgresql_list_members (VigiaStorePostgresql  *self,
                                                           GStrv                 *readers,
                                                           GStrv                 *editors,
                                                           GError               **error);

G_END_DECLS
