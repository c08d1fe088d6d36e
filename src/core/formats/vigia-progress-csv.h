/* vigia-progress-csv.h: progress entries as a spreadsheet, out and back in
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns, in this order, named in English in the first row:
 *
 *   goal_uuid  the goal, as the library knows it (required on import)
 *   plan       the plan: organization — place        (for people; ignored)
 *   dimension  the dimension's name                  (for people; ignored)
 *   number     the goal's number in its dimension    (for people; ignored)
 *   indicator  the goal's indicator                  (for people; ignored)
 *   target     the target as written                 (for people; ignored)
 *   period     the semester, 2027-S1 or 2027-S2 (required on import)
 *   source     authority or observer (empty: authority)
 *   value      in the goal's unit; a percent change as the signed change
 *              (−8 for a fall of 8 %); decimal point or comma
 *   status     not-rated, in-progress, stalled, partly-kept, kept or broken
 *              (or their English or Spanish words; empty: not rated)
 *   note       free text
 *   evidence   addresses or file references, one per line of the cell
 *   recorded   the date of the entry, 2027-03-31 (empty: the import's time)
 *
 * Import finds columns by name, in any order, and ignores others (a report's
 * computed "achievement" and "expected", say).  Rows with no value, status,
 * note or evidence are passed over, so that a blank template of a semester
 * can be filled in and imported as it is.
 */
#pragma once

#include <gio/gio.h>

#include "vigia-csv-writer.h"
#include "vigia-library.h"

G_BEGIN_DECLS

void      vigia_progress_csv_add_header  (VigiaCsvWriter  *writer);
void      vigia_progress_csv_add_entry   (VigiaCsvWriter  *writer,
                                          VigiaPlan       *plan,
                                          VigiaDimension  *dimension,
                                          VigiaGoal       *goal,
                                          VigiaTarget     *target,
                                          const char      *period,
                                          VigiaSource      source,
                                          VigiaProgress   *entry);
gboolean  vigia_progress_csv_write_plan  (VigiaCsvWriter  *writer,
                                          VigiaPlan       *plan,
                                          const char      *period,
                                          int              source,
                                          GCancellable    *cancellable,
                                          GError         **error);

gboolean  vigia_progress_parse_value     (const char      *text,
                                          char             delimiter,
                                          double          *value,
                                          GError         **error);

gboolean  vigia_progress_csv_import      (VigiaLibrary    *library,
                                          const char      *name,
                                          const char      *data,
                                          gsize            length,
                                          guint           *n_saved,
                                          GError         **error);
gboolean  vigia_progress_csv_import_file (VigiaLibrary    *library,
                                          GFile           *file,
                                          guint           *n_saved,
                                          GCancellable    *cancellable,
                                          GError         **error);

G_END_DECLS
