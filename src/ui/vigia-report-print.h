/* vigia-report-print.h: Print… a plan's report through GtkPrintOperation
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

GtkPrintOperationResult  vigia_report_print               (VigiaReport              *report,
                                                           GtkWindow                *parent,
                                                           GtkPrintOperationAction   action,
                                                           const char               *export_filename,
                                                           GError                  **error);

G_END_DECLS
