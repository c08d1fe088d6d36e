/* vigia-html.h: writing text into web pages safely
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     vigia_html_append_escaped (GString    *out,
                                    const char *text);
gboolean vigia_html_is_safe_link   (const char *uri);

G_END_DECLS
