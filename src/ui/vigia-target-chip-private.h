/* vigia-target-chip-private.h: what the tests see of vigia-target-chip.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-target-chip.h"

G_BEGIN_DECLS

VigiaTargetEditor *vigia_target_chip_get_editor (VigiaTargetChip *self);
void        vigia_target_chip_popup     (VigiaTargetChip *self);

G_END_DECLS
