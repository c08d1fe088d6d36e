/* vigia-core.h: libvigia-core, everything of Vigía that needs no GTK
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-assessment.h"
#include "vigia-chart.h"
#include "vigia-chart-dimension.h"
#include "vigia-chart-plan.h"
#include "vigia-chart-trajectory.h"
#include "vigia-csv-reader.h"
#include "vigia-csv-writer.h"
#include "vigia-declara-writer.h"
#include "vigia-dimension.h"
#include "vigia-enum-types.h"
#include "vigia-enums.h"
#include "vigia-error.h"
#include "vigia-format.h"
#include "vigia-goal.h"
#include "vigia-importer.h"
#include "vigia-json-writer.h"
#include "vigia-library.h"
#include "vigia-period.h"
#include "vigia-plan.h"
#include "vigia-plan-list.h"
#include "vigia-plan-summary.h"
#include "vigia-progress.h"
#include "vigia-progress-csv.h"
#include "vigia-report.h"
#include "vigia-report-csv.h"
#include "vigia-report-painter.h"
#include "vigia-resources.h"
#include "vigia-target-reader.h"
#include "vigia-timeline.h"
#include "vigia-ubigeo.h"
#include "vigia-undo-stack.h"
#include "vigia-utils.h"
