/* vigia-optional-label-private.h: what the tests see of vigia-optional-label.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-optional-label.h"

G_BEGIN_DECLS

gboolean    vigia_optional_label_get_shown (VigiaOptionalLabel *self);

G_END_DECLS
