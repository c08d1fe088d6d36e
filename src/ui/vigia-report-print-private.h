/* vigia-report-print-private.h: what the tests see of vigia-report-print.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-report-print.h"

G_BEGIN_DECLS

GtkPrintOperation       *vigia_report_print_operation_new (VigiaReport              *report);

G_END_DECLS
