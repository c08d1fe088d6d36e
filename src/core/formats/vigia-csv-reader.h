/* vigia-csv-reader.h: reads CSV files as spreadsheets save them
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIA_TYPE_CSV_READER (vigia_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (VigiaCsvReader, vigia_csv_reader, VIGIA, CSV_READER, GObject)

VigiaCsvReader *vigia_csv_reader_new            (const char      *data,
                                                 gsize            length);
char            vigia_csv_reader_get_delimiter  (VigiaCsvReader  *self);
gboolean        vigia_csv_reader_was_converted  (VigiaCsvReader  *self);
gboolean        vigia_csv_reader_next_row       (VigiaCsvReader  *self,
                                                 GError         **error);
guint           vigia_csv_reader_get_row_number (VigiaCsvReader  *self);
guint           vigia_csv_reader_get_n_fields   (VigiaCsvReader  *self);
const char     *vigia_csv_reader_get_field      (VigiaCsvReader  *self,
                                                 guint            index);
gboolean        vigia_csv_reader_row_is_blank   (VigiaCsvReader  *self);

G_END_DECLS
