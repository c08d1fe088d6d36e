/* vigia-cell-items.h: the items a cell of a plan lists
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* What the cell says before its first item ("Principales metas:"),
   * tidied; NULL if nothing. */
  char      *heading;
  /* (element-type utf8) The items, each tidied and without its marker.  A
   * cell that lists fewer than two items has one: the whole cell, tidied,
   * and no heading. */
  GPtrArray *items;
} VigiaCellItems;

/* How many characters of a cell the JNE keeps. */
#define VIGIA_CELL_LIMIT 1500

VigiaCellItems *vigia_cell_items_split (const char     *cell);
void            vigia_cell_items_free  (VigiaCellItems *items);
char           *vigia_cell_tidy        (const char     *text);
gboolean        vigia_cell_is_cut      (const char     *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaCellItems, vigia_cell_items_free)

G_END_DECLS
