/* vigia-parse.h: what the readers share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigia-dimension.h"
#include "vigia-enums.h"

G_BEGIN_DECLS

VigiaDimensionKind vigia_dimension_kind_from_title (const char *title);
gboolean     vigia_election_parse      (const char   *text,
                                        VigiaElection *election);
void         vigia_set_parse_error     (GError      **error,
                                        const char   *name,
                                        guint         line,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (4, 5);
void         vigia_set_parse_error_valist (GError     **error,
                                        const char   *name,
                                        guint         line,
                                        const char   *format,
                                        va_list       args) G_GNUC_PRINTF (4, 0);

guint        vigia_dimension_add_row   (VigiaDimension    *dimension,
                                        const char * const cells[4]);

G_END_DECLS
