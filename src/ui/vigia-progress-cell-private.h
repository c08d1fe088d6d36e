/* vigia-progress-cell-private.h: what the tests see of vigia-progress-cell.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-progress-cell.h"

G_BEGIN_DECLS

const char *vigia_progress_cell_get_status_text (VigiaProgressCell *self,
                                                 VigiaSource        source);
const char *vigia_progress_cell_get_value_text  (VigiaProgressCell *self,
                                                 VigiaSource        source);

G_END_DECLS
