/* vigia-accessible-names.h
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void vigia_accessible_name_row       (GtkWidget  *child,
                                      gboolean    row,
                                      const char *label,
                                      const char *description);
void vigia_accessible_fix_mnemonics  (GtkWidget  *root);
void vigia_accessible_name_drop_down (GtkDropDown *drop_down,
                                      const char  *label);

G_END_DECLS
