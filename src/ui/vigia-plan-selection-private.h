/* vigia-plan-selection-private.h: what the tests see of vigia-plan-selection.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-plan-selection.h"

G_BEGIN_DECLS

guint               vigia_plan_selection_get_selected    (VigiaPlanSelection *self);

G_END_DECLS
