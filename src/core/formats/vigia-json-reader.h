/* vigia-json-reader.h: reads Vigía's exchange format (vigia-plans, version 1)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-plan.h"

G_BEGIN_DECLS

GPtrArray *vigia_json_read (const guint8  *data,
                            gsize          length,
                            const char    *name,
                            GError       **error);

G_END_DECLS
