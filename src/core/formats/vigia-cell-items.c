/* vigia-cell-items.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real plans pack several goals in a row and several metas in a cell, as
 * lists (docs/domain.md, "Lists in cells"): numbered ("1. ", "1.-", "1)",
 * "OE 2.-"), lettered ("a)", "B."), dashed ("- ", "–"), bulleted ("• ") or
 * with Word's bullet, which reaches the JNE as "¿" and a tab.  A list is
 * made of the lines that carry the marker its first item carries: lines
 * with another marker, or none, continue the item above, so that a numbered
 * goal keeps the dashes inside it.  A "¿" whose sentence ends in "?" is a
 * Spanish question, not a bullet.
 */
#define G_LOG_DOMAIN "vigia-cell-items"

#include "config.h"

#include <string.h>

#include "vigia-cell-items.h"
#include "vigia-utils.h"

typedef enum
{
  MARKER_NONE,
  MARKER_HEADING,
  MARKER_WORD_BULLET,
  MARKER_DASH,
  MARKER_BULLET,
  MARKER_NUMBER,
  MARKER_LETTER,
} Marker;

/* What starts a line: the marker's kind is the group that matched. */
#define MARKER_PATTERN \
  "^[ \\t]*(?:" \
  "(?<word>¿)[ \\t]+" \
  "|(?<dash>[-–—])[ \\t]+" \
  "|(?<bullet>[•·▪●◦])[ \\t]*" \
  "|(?<number>(?:OE[ \\t]*)?[0-9]{1,2}(?:\\.-[ \\t]*|\\.\\.?[ \\t]+|\\)[ \\t]+))" \
  "|(?<letter>[A-Za-z][.)][ \\t]+)" \
  ")"

/* "1 Principales metas:", "1 En materia de Salud:": introduces a list. */
#define HEADING_PATTERN "^[ \\t]*[0-9]{1,2}[ \\t]+[^:]+:[ \\t]*$"

/* Word's bullet inside a line, between items: " ¿ 8 % … ¿ Reducción …". */
#define INLINE_BULLET_PATTERN "[ \\t]¿[ \\t]+"

static GRegex *
regex_once (GRegex     **slot,
            const char  *pattern)
{
  if (g_once_init_enter (slot))
    {
      g_autoptr(GError) error = NULL;
      GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

      g_assert_no_error (error);
      g_once_init_leave (slot, regex);
    }
  return *slot;
}

static GRegex *
marker_regex (void)
{
  static GRegex *regex;

  return regex_once (&regex, MARKER_PATTERN);
}

static GRegex *
heading_regex (void)
{
  static GRegex *regex;

  return regex_once (&regex, HEADING_PATTERN);
}

static GRegex *
blanks_regex (void)
{
  static GRegex *regex;

  return regex_once (&regex, "[ \\t\\x{00A0}]+");
}

static GRegex *
inline_bullet_regex (void)
{
  static GRegex *regex;

  return regex_once (&regex, INLINE_BULLET_PATTERN);
}

/* A "¿" opens a question when a "?" closes its sentence. */
static gboolean
is_question (const char *after)
{
  const char *end = strpbrk (after, ".\n¿");
  const char *mark = strchr (after, '?');

  return mark != NULL && (end == NULL || mark < end);
}

/* The kind of marker @line starts with, and in @text what follows it. */
static Marker
read_marker (const char  *line,
             const char **text)
{
  static const struct { const char *group; Marker marker; } groups[] = {
    { "word", MARKER_WORD_BULLET },
    { "dash", MARKER_DASH },
    { "bullet", MARKER_BULLET },
    { "number", MARKER_NUMBER },
    { "letter", MARKER_LETTER },
  };
  g_autoptr(GMatchInfo) match = NULL;
  int end = 0;

  *text = line;
  if (g_regex_match (heading_regex (), line, 0, NULL))
    return MARKER_HEADING;
  if (!g_regex_match (marker_regex (), line, 0, &match))
    return MARKER_NONE;

  g_match_info_fetch_pos (match, 0, NULL, &end);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      int start = -1;

      if (g_match_info_fetch_named_pos (match, groups[i].group, &start, NULL) && start >= 0)
        {
          if (groups[i].marker == MARKER_WORD_BULLET && is_question (line + start + strlen ("¿")))
            return MARKER_NONE;
          *text = line + end;
          return groups[i].marker;
        }
    }
  return MARKER_NONE;
}

/* Lines with Word's bullets met inside them cut at each, so that every item
 * starts a line of its own. */
static GPtrArray *
split_lines (const char *cell)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) raw = NULL;

  raw = vigia_str_split_lines (cell);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      /* Most lines have no "¿" at all: no need to ask the expression. */
      g_auto(GStrv) parts = strstr (raw[i], "¿") != NULL ? g_regex_split (inline_bullet_regex (), raw[i], 0)
                                                         : g_strsplit (raw[i], "\n", 1);

      /* An empty line splits into no part at all. */
      if (parts[0] == NULL)
        {
          g_ptr_array_add (lines, g_strdup (""));
          continue;
        }
      g_ptr_array_add (lines, g_strdup (parts[0]));
      for (guint j = 1; parts[j] != NULL; j++)
        {
          /* A question keeps its "¿": it is text, not a new item. */
          if (is_question (parts[j]))
            {
              char *joined = g_strconcat (g_ptr_array_index (lines, lines->len - 1),
                                          " ¿", parts[j], NULL);

              g_free (g_ptr_array_index (lines, lines->len - 1));
              g_ptr_array_index (lines, lines->len - 1) = joined;
            }
          else
            {
              g_ptr_array_add (lines, g_strconcat ("¿ ", parts[j], NULL));
            }
        }
    }
  return g_steal_pointer (&lines);
}

/* A line with a marker of its own (a dash inside a numbered item) keeps its
 * line; one without continues the sentence above, which the source wrapped. */
static void
append_line (GString    **text,
             const char  *line,
             Marker       marker)
{
  if (*text == NULL)
    *text = g_string_new (line);
  else
    g_string_append_printf (*text, "%s%s", marker == MARKER_NONE ? " " : "\n", line);
}

static char *
tidy_or_null (GString *text)
{
  g_autofree char *tidy = NULL;

  if (text == NULL)
    return NULL;
  tidy = vigia_cell_tidy (text->str);
  return *tidy != '\0' ? g_steal_pointer (&tidy) : NULL;
}

/**
 * vigia_cell_is_cut:
 * @cell: (nullable): a cell as the source wrote it
 *
 * Whether the cell looks cut at the JNE's limit: the JNE keeps about 1,500
 * characters of a cell and drops the rest, often mid-word
 * (docs/domain.md, "Lists in cells").  A cell that long whose last
 * character is a letter or a digit, not the end of a sentence, is taken for
 * cut.
 *
 * Returns: %TRUE if it looks cut
 */
gboolean
vigia_cell_is_cut (const char *cell)
{
  const char *end;
  gunichar last;

  if (cell == NULL || g_utf8_strlen (cell, VIGIA_CELL_LIMIT * 8) < VIGIA_CELL_LIMIT - 100)
    return FALSE;

  end = cell + strlen (cell);
  while (end > cell && g_ascii_isspace (end[-1]))
    end--;
  if (end == cell)
    return FALSE;
  last = g_utf8_get_char (g_utf8_prev_char (end));
  return g_unichar_isalnum (last);
}

/**
 * vigia_cell_tidy:
 * @text: (nullable): a cell as the source wrote it
 *
 * The cell as it is shown: tabs and runs of blanks become one space, lines
 * lose their leading and trailing blanks, runs of blank lines become one,
 * and Word's bullet "¿" at the start of a line becomes "•".
 *
 * Returns: (transfer full): the tidied text, "" for %NULL
 */
char *
vigia_cell_tidy (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gboolean blank_pending = FALSE;

  if (text == NULL)
    return g_strdup ("");

  lines = vigia_str_split_lines (text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* The expressions only where they can change something: most lines
       * have no "¿", no tab, no no-break space and no double space. */
      g_autofree char *spaced = strstr (lines[i], "¿") != NULL ?
                                g_regex_replace_literal (inline_bullet_regex (), lines[i], -1, 0, " ¿ ", 0, NULL) :
                                g_strdup (lines[i]);
      g_autofree char *line = strchr (spaced, '\t') != NULL || strstr (spaced, "  ") != NULL ||
                              strstr (spaced, "\u00A0") != NULL ?
                              g_regex_replace_literal (blanks_regex (), spaced, -1, 0, " ", 0, NULL) :
                              g_strdup (spaced);
      const char *rest = NULL;

      g_strstrip (line);
      if (*line == '\0')
        {
          blank_pending = out->len > 0;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, blank_pending ? "\n\n" : "\n");
      blank_pending = FALSE;
      if (read_marker (line, &rest) == MARKER_WORD_BULLET)
        g_string_append_printf (out, "• %s", rest);
      else
        g_string_append (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * vigia_cell_items_split:
 * @cell: (nullable): a cell as the source wrote it
 *
 * Reads the list a cell holds, if any: "1. … 2. …", "¿\t… ¿\t…", "- … - …".
 *
 * Returns: (transfer full): the cell's heading and items
 */
VigiaCellItems *
vigia_cell_items_split (const char *cell)
{
  g_autoptr(VigiaCellItems) result = g_new0 (VigiaCellItems, 1);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GString *heading = NULL;
  GString *item = NULL;
  Marker list = MARKER_NONE;

  result->items = g_ptr_array_new_with_free_func (g_free);
  if (cell == NULL)
    cell = "";

  lines = split_lines (cell);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *text = NULL;
      Marker marker = read_marker (line, &text);

      if (vigia_str_empty (line))
        continue;
      if (list == MARKER_NONE && marker != MARKER_NONE && marker != MARKER_HEADING)
        list = marker;

      if (marker == list && list != MARKER_NONE)
        {
          if (item != NULL)
            {
              g_ptr_array_add (items, tidy_or_null (item));
              g_string_free (item, TRUE);
            }
          item = g_string_new (text);
        }
      else if (item == NULL)
        append_line (&heading, line, marker);
      else
        append_line (&item, line, marker);
    }
  if (item != NULL)
    {
      g_ptr_array_add (items, tidy_or_null (item));
      g_string_free (item, TRUE);
    }

  /* An empty item ("1." alone) lists nothing. */
  for (guint i = items->len; i > 0; i--)
    if (g_ptr_array_index (items, i - 1) == NULL)
      g_ptr_array_remove_index (items, i - 1);

  if (items->len >= 2)
    {
      result->heading = tidy_or_null (heading);
      g_ptr_array_extend_and_steal (result->items, g_steal_pointer (&items));
    }
  else
    {
      g_ptr_array_add (result->items, vigia_cell_tidy (cell));
    }
  if (heading != NULL)
    g_string_free (heading, TRUE);
  return g_steal_pointer (&result);
}

void
vigia_cell_items_free (VigiaCellItems *items)
{
  if (items == NULL)
    return;
  g_free (items->heading);
  g_clear_pointer (&items->items, g_ptr_array_unref);
  g_free (items);
}
