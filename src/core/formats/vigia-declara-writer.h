/* vigia-declara-writer.h: a plan as the text of a JNE plan summary
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-plan.h"

G_BEGIN_DECLS

char     *vigia_declara_write_to_string (VigiaPlan      *plan);
gboolean  vigia_declara_write           (VigiaPlan      *plan,
                                         GOutputStream  *stream,
                                         GCancellable   *cancellable,
                                         GError        **error);

G_END_DECLS
