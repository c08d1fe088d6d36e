/* vigia-jne-list-reader.h: reads the JNE's candidate lists, which say where each plan is from
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-jne-list.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

GPtrArray *vigia_jne_lists_read      (const guint8        *data,
                                      gsize                length,
                                      const char          *name,
                                      GError             **error);
GPtrArray *vigia_jne_candidates_read (const guint8       *data,
                                      gsize                length,
                                      const char          *name,
                                      GError             **error);
gboolean   vigia_jne_list_place_plan (const VigiaJneList  *list,
                                      VigiaPlan           *plan);

G_END_DECLS
