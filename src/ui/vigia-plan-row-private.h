/* vigia-plan-row-private.h: what the tests see of vigia-plan-row.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-plan-row.h"

G_BEGIN_DECLS

const char       *vigia_plan_row_get_text    (VigiaPlanRow     *self,
                                              guint             line);

G_END_DECLS
