/* vigia-declara-reader.h: reads the plan summary text exported from the JNE's DECLARA
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-plan.h"

G_BEGIN_DECLS

VigiaPlan *vigia_declara_read (const guint8  *data,
                               gsize          length,
                               const char    *name,
                               GError       **error);

G_END_DECLS
