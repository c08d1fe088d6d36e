/* vigia-json-reader.h: reads Vigía's exchange format (vigia-plans)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-plan.h"

G_BEGIN_DECLS

/* Given each plan of a document as it is read; FALSE with @error stops. */
typedef gboolean (*VigiaJsonPlanFunc) (VigiaPlan  *plan,
                                       gpointer    user_data,
                                       GError    **error);

gboolean   vigia_json_read_stream (GInputStream       *input,
                                   const char         *name,
                                   VigiaJsonPlanFunc   func,
                                   gpointer            user_data,
                                   GCancellable       *cancellable,
                                   GError            **error);

GPtrArray *vigia_json_read (const guint8  *data,
                            gsize          length,
                            const char    *name,
                            GError       **error);

G_END_DECLS
