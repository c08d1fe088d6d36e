/* vigia-fault-vfs.h: an SQLite VFS whose disk fills up when a test says so
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void vigia_fault_vfs_install       (void);
void vigia_fault_vfs_set_wal_limit (gint64 bytes);
void vigia_fault_vfs_set_read_only_folder (gboolean read_only);
void  vigia_fault_vfs_fail_from (guint n);
guint vigia_fault_vfs_get_count (void);

G_END_DECLS
