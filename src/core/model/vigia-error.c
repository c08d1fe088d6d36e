/* vigia-error.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigia-error.h"

G_DEFINE_QUARK (vigia-error-quark, vigia_error)
