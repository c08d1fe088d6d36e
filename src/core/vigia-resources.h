/* vigia-resources.h: the data compiled into libvigia-core
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIA_CORE_RESOURCE_PATH "/io/github/vigia/Vigia/core"

void   vigia_core_ensure_resources (void);
GFile *vigia_sample_plan_file      (void);
GFile *vigia_sample_jne_file       (void);
GFile *vigia_plans_schema_file     (void);

G_END_DECLS
