/* vigia-report-csv.h: a report's progress as a spreadsheet
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-csv-writer.h"
#include "vigia-report.h"

G_BEGIN_DECLS

void      vigia_report_csv_add_header (VigiaCsvWriter  *writer);
gboolean  vigia_report_csv_add_plan   (VigiaCsvWriter  *writer,
                                       VigiaReport     *report,
                                       GCancellable    *cancellable,
                                       GError         **error);

G_END_DECLS
