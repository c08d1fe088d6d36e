/* vigia-search-words.h: the words of the search on PostgreSQL
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *vigia_search_words_tsvector (const char *text);
char *vigia_search_words_tsquery  (const char *text);

G_END_DECLS
