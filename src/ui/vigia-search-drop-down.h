/* vigia-search-drop-down.h
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void vigia_search_drop_down_init (GtkDropDown *drop_down);

G_END_DECLS
