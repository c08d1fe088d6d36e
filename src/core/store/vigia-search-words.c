/* vigia-search-words.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words of the search on PostgreSQL, cut here rather than by the
 * server: a plan's search row is sent as a tsvector already made, and a
 * query as a tsquery, both from the same words (docs/postgresql.md,
 * "Search").  The server's own parser (to_tsvector) took two thirds of
 * the time of importing a plan into a library on the server.
 */
#include "config.h"

#include <string.h>

#include "vigia-search-words.h"
#include "vigia-utils.h"

/* PostgreSQL's limits on a tsvector: a word's length in bytes, a word's
 * positions, and the highest position. */
#define MAX_WORD_BYTES 2046
#define MAX_POSITIONS 255
#define MAX_POSITION 16383

/* The next word of @folded from *@cursor: a run of letters and digits,
 * cut to the longest the server indexes.  Returns its length in bytes, or
 * 0 at the end, and sets *@word to its start. */
static gsize
next_word (const char **cursor,
           const char **word)
{
  const char *p = *cursor;
  const char *start;
  const char *end;

  while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    {
      *cursor = p;
      return 0;
    }

  start = p;
  end = p;
  while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      if (p - start <= MAX_WORD_BYTES)
        end = p;
    }
  *cursor = p;
  *word = start;
  return end - start;
}

typedef struct
{
  guint n_positions;
  GString *positions;
} WordPositions;

static void
word_positions_free (gpointer data)
{
  WordPositions *entry = data;

  g_string_free (entry->positions, TRUE);
  g_free (entry);
}

/**
 * vigia_search_words_tsvector:
 * @text: (nullable): the text of a plan
 *
 * The words of @text, without case or accents (vigia_text_fold()), as the
 * text of a tsvector: each word quoted, with the positions where it stands
 * (`'agua':3,17 'potable':4`).  Words hold only letters and digits, so no
 * quote or backslash needs escaping.
 *
 * Returns: (transfer full): the tsvector's text, empty for no words
 */
char *
vigia_search_words_tsvector (const char *text)
{
  g_autofree char *folded = vigia_text_fold (text);
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_positions_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GString *out = g_string_sized_new (strlen (folded) + strlen (folded) / 2);
  const char *cursor = folded;
  const char *start = NULL;
  guint position = 0;
  gsize length;

  while ((length = next_word (&cursor, &start)) > 0)
    {
      g_autofree char *word = g_strndup (start, length);
      WordPositions *entry = g_hash_table_lookup (words, word);

      position = MIN (position + 1, MAX_POSITION);
      if (entry == NULL)
        {
          entry = g_new0 (WordPositions, 1);
          entry->positions = g_string_new (NULL);
          g_ptr_array_add (order, word);
          g_hash_table_insert (words, g_steal_pointer (&word), entry);
        }
      if (entry->n_positions < MAX_POSITIONS)
        {
          g_string_append_printf (entry->positions, entry->n_positions == 0 ? "%u" : ",%u", position);
          entry->n_positions++;
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *word = g_ptr_array_index (order, i);
      WordPositions *entry = g_hash_table_lookup (words, word);

      g_string_append_printf (out, i == 0 ? "'%s':%s" : " '%s':%s", word, entry->positions->str);
    }

  return g_string_free (out, FALSE);
}

/**
 * vigia_search_words_tsquery:
 * @text: (nullable): what a person typed
 *
 * The words of @text, cut and folded as vigia_search_words_tsvector() cuts
 * a plan's, as the text of a tsquery that every one of them must match as
 * the start of a word (`'agua':* & 'potab':*`).  Nothing typed is read as
 * query syntax: words hold only letters and digits.
 *
 * Returns: (transfer full) (nullable): the tsquery's text, or %NULL if
 *   @text holds no word
 */
char *
vigia_search_words_tsquery (const char *text)
{
  g_autofree char *folded = vigia_text_fold (text);
  GString *out = g_string_new (NULL);
  const char *cursor = folded;
  const char *start = NULL;
  gsize length;

  while ((length = next_word (&cursor, &start)) > 0)
    {
      if (out->len > 0)
        g_string_append (out, " & ");
      g_string_append_c (out, '\'');
      g_string_append_len (out, start, length);
      g_string_append (out, "':*");
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
