/* vigia-csv-writer.h: writes CSV files that spreadsheets open safely
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIA_TYPE_CSV_WRITER (vigia_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (VigiaCsvWriter, vigia_csv_writer, VIGIA, CSV_WRITER, GObject)

VigiaCsvWriter *vigia_csv_writer_new         (GOutputStream   *stream,
                                              char             delimiter);
char            vigia_csv_writer_get_delimiter (VigiaCsvWriter *self);
void            vigia_csv_writer_add_text    (VigiaCsvWriter  *self,
                                              const char      *text);
void            vigia_csv_writer_add_number  (VigiaCsvWriter  *self,
                                              double           value);
void            vigia_csv_writer_add_integer (VigiaCsvWriter  *self,
                                              gint64           value);
gboolean        vigia_csv_writer_end_row     (VigiaCsvWriter  *self,
                                              GCancellable    *cancellable,
                                              GError         **error);
gboolean        vigia_csv_writer_close       (VigiaCsvWriter  *self,
                                              GCancellable    *cancellable,
                                              GError         **error);

char           *vigia_csv_neutralize         (const char      *text);
char           *vigia_csv_unneutralize       (const char      *text);

G_END_DECLS
