/* vigia-target-reader.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meta is free Spanish text (docs/domain.md, "Metas").  The reader cuts it into
 * numbers, words and signs, sets aside the numbers that are years or the
 * numbers of laws, and reads the meta only when exactly one number is left:
 * two targets in one sentence, or a number whose writing is ambiguous
 * ("1.500"), leave the reading to the user ("needs review") rather than
 * guess.
 */
#define G_LOG_DOMAIN "vigia-target-reader"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vigia-target-reader.h"
#include "vigia-utils.h"

typedef enum {
  TOKEN_NUMBER,
  TOKEN_WORD,
  TOKEN_PERCENT,
  TOKEN_DOLLAR,
  TOKEN_SLASH,
  /* . , ; : ( ) and the like: they end a unit. */
  TOKEN_PUNCT,
} TokenKind;

typedef struct
{
  TokenKind  kind;
  /* Bytes of the original text. */
  gsize      start;
  gsize      end;
  /* TOKEN_WORD: lower case, without accents. */
  char      *folded;
  /* TOKEN_NUMBER */
  double     value;
  gboolean   ambiguous;
  /* Written as digits only, with no separator: what a year looks like. */
  gboolean   plain;
} Token;

typedef struct
{
  GArray     *tokens;
  const char *text;
} Tokens;

typedef enum {
  NUMBER_VALUE,
  NUMBER_YEAR,
  NUMBER_REFERENCE,
} NumberRole;

typedef struct
{
  guint         index;
  /* Index of the last token that belongs to the number (%, multiplier…). */
  guint         last;
  double        value;
  VigiaMeasure  measure;
  const char   *currency;
  gboolean      change;
} Candidate;

static const char * const down_stems[] = {
  "reduc", "disminu", "bajar", "descend", "minimiz", "abatir", NULL
};
static const char * const up_stems[] = {
  "aument", "increment", "alcanz", "logr", "elev", "ampli", "crec", "mejor", "subir",
  "duplic", "triplic", NULL
};
/* Whole verbs only: "conservación" names a kind of project, not a target kept. */
static const char * const keep_verbs[] = {
  "mantener", "mantenerse", "conservar", "sostener", "preservar", NULL
};
/* Verbs whose "en X %" is a change, not a level: "aumentar en 30 %". */
static const char * const change_stems[] = {
  "aument", "increment", "reduc", "disminu", "crec", "elev", "mejor", "baj", NULL
};
/* Nouns that make "30 % de aumento" a change. */
static const char * const change_nouns[] = {
  "aumento", "incremento", "crecimiento", "reduccion", "disminucion", "mejora", NULL
};
static const char * const down_nouns[] = {
  "reduccion", "disminucion", NULL
};
/* Words before a number that make it a reference, not a target: "Ley 30364". */
static const char * const reference_words[] = {
  "ley", "decreto", "ds", "n", "no", "nº", "n°", "numero", "ods", "iso", "articulo", "art",
  "resolucion", "ordenanza", NULL
};
/* Words before a four-digit number that make it a year: "al 2026". */
static const char * const year_before[] = {
  "al", "hasta", "desde", "ano", "anos", "periodo", "antes", "durante", NULL
};
/* Words after a four-digit number that show it was a year: "al 2026 se…". */
static const char * const year_after[] = {
  "se", "el", "la", "los", "las", "un", "una", "en", "con", "y", "a", "al", "de", "del", NULL
};
/* Words that end a count's unit: "50 distritos altoandinos en la región". */
static const char * const unit_stops[] = {
  "en", "para", "con", "hasta", "al", "a", "que", "durante", "mediante", "desde", "entre",
  "sobre", "segun", NULL
};

static gboolean
word_in (const char         *word,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
word_has_stem (const char         *word,
               const char * const *stems)
{
  if (word == NULL)
    return FALSE;
  for (guint i = 0; stems[i] != NULL; i++)
    if (g_str_has_prefix (word, stems[i]))
      return TRUE;
  return FALSE;
}

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_clear_pointer (&token->folded, g_free);
}

static Token *
token_at (Tokens *t,
          guint   index)
{
  g_assert (index < t->tokens->len);
  return &g_array_index (t->tokens, Token, index);
}

/* The kind of token @index, or -1 past the end. */
static int
kind_at (Tokens *t,
         guint   index)
{
  return index < t->tokens->len ? (int) token_at (t, index)->kind : -1;
}

/* The first character of token @index, or 0 past the end. */
static char
char_at (Tokens *t,
         guint   index)
{
  return index < t->tokens->len ? t->text[token_at (t, index)->start] : '\0';
}

static const char *
word_at (Tokens *t,
         guint   index)
{
  return kind_at (t, index) == TOKEN_WORD ? token_at (t, index)->folded : NULL;
}

static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static gsize
digit_run (const char *text,
           gsize       at)
{
  gsize n = 0;

  while (g_ascii_isdigit (text[at + n]))
    n++;
  return n;
}

/* Reads the number that starts at @at: digits with separators written the
 * Peruvian way ("30,0", "1,500", "1 500", "1'500,000", "1.500,50").  Returns
 * the bytes it took. */
static gsize
read_number (const char *text,
             gsize       at,
             Token      *token)
{
  GString *digits = g_string_new (NULL);
  /* Separators and the digit groups after them. */
  char seps[32];
  gsize group_len[32];
  gsize group_at[32];
  guint n_groups = 0;
  gsize first_len = digit_run (text, at);
  gsize pos = at + first_len;
  int decimal = -1;
  gboolean ambiguous = FALSE;

  for (;;)
    {
      const char *p = text + pos;
      gunichar c = g_utf8_get_char (p);
      gsize sep_len = g_utf8_next_char (p) - p;
      gsize run;
      char sep;

      if (c == ',' || c == '.')
        sep = (char) c;
      else if (c == '\'' || c == 0x2019)
        sep = '\'';
      else if (is_group_space (c))
        sep = ' ';
      else
        break;

      run = digit_run (text, pos + sep_len);
      if (run == 0 || n_groups == G_N_ELEMENTS (seps))
        break;
      /* A blank groups thousands only before exactly three digits, after a
       * number of one to three: "1 500", not "6 35". */
      if (sep == ' ' && (run != 3 || (n_groups == 0 && first_len > 3) ||
                         (n_groups > 0 && group_len[n_groups - 1] != 3)))
        break;

      seps[n_groups] = sep;
      group_at[n_groups] = pos + sep_len;
      group_len[n_groups] = run;
      n_groups++;
      pos += sep_len + run;
    }

  /* Which separator, if any, is the decimal point. */
  if (n_groups > 0)
    {
      guint last = n_groups - 1;
      char s = seps[last];

      if (s == ',' || s == '.')
        {
          gboolean same_before = FALSE;
          gboolean other_before = FALSE;

          for (guint i = 0; i < last; i++)
            {
              if (seps[i] == s)
                same_before = TRUE;
              else if (seps[i] == ',' || seps[i] == '.')
                other_before = TRUE;
            }

          if (group_len[last] != 3 || other_before ||
              (first_len == 1 && text[at] == '0' && last == 0))
            decimal = last;
          else if (same_before || s == ',' || last > 0)
            decimal = -1;
          else
            ambiguous = TRUE; /* "1.500": a thousand and a half, or one and a half? */
        }

      /* Every grouping separator stands before exactly three digits, and the
       * same decimal separator never appears twice. */
      for (guint i = 0; i < n_groups; i++)
        {
          if ((int) i == decimal)
            continue;
          if (group_len[i] != 3 || (decimal >= 0 && seps[i] == seps[decimal]))
            ambiguous = TRUE;
        }
      if (first_len > 3 && decimal != 0)
        ambiguous = ambiguous || n_groups > (decimal >= 0 ? 1u : 0u);
    }

  g_string_append_len (digits, text + at, first_len);
  for (guint i = 0; i < n_groups; i++)
    {
      if ((int) i == decimal)
        g_string_append_c (digits, '.');
      g_string_append_len (digits, text + group_at[i], group_len[i]);
    }

  token->kind = TOKEN_NUMBER;
  token->value = g_ascii_strtod (digits->str, NULL);
  token->ambiguous = ambiguous;
  token->plain = n_groups == 0;
  g_string_free (digits, TRUE);

  return pos - at;
}

static void
tokenize (Tokens     *t,
          const char *text)
{
  gsize pos = 0;

  t->text = text;
  t->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (t->tokens, token_clear);

  while (text[pos] != '\0')
    {
      const char *p = text + pos;
      gunichar c = g_utf8_get_char (p);
      gsize len = g_utf8_next_char (p) - p;
      Token token = { 0, };

      token.start = pos;

      if (g_ascii_isdigit (*p))
        {
          len = read_number (text, pos, &token);
        }
      else if (g_unichar_isalpha (c) || c == 0x00BA || c == 0x00B0)
        {
          g_autofree char *word = NULL;
          gsize n = 0;

          while (p[n] != '\0')
            {
              gunichar w = g_utf8_get_char (p + n);

              if (!g_unichar_isalpha (w) && !g_unichar_ismark (w) && w != 0x00BA && w != 0x00B0)
                break;
              n = g_utf8_next_char (p + n) - p;
            }
          len = n;
          word = g_strndup (p, n);
          token.kind = TOKEN_WORD;
          token.folded = vigia_text_fold (word);
        }
      else if (c == '%')
        token.kind = TOKEN_PERCENT;
      else if (c == '$')
        token.kind = TOKEN_DOLLAR;
      else if (c == '/')
        token.kind = TOKEN_SLASH;
      else if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          pos += len;
          continue;
        }
      else
        token.kind = TOKEN_PUNCT;

      token.end = pos + len;
      g_array_append_val (t->tokens, token);
      pos += len;
    }
}

static NumberRole
number_role (Tokens *t,
             guint   index)
{
  Token *token = token_at (t, index);
  int next_kind = kind_at (t, index + 1);
  const char *before = index > 0 ? word_at (t, index - 1) : NULL;

  if (before != NULL && word_in (before, reference_words))
    return NUMBER_REFERENCE;

  if (token->plain && token->end - token->start == 4 &&
      token->value >= 1990 && token->value <= 2100)
    {
      if (next_kind != TOKEN_WORD)
        {
          if (next_kind != TOKEN_PERCENT)
            return NUMBER_YEAR;
        }
      else if (word_in (word_at (t, index + 1), year_after))
        return NUMBER_YEAR;
      if (before != NULL && word_in (before, year_before))
        return NUMBER_YEAR;
    }

  return NUMBER_VALUE;
}

/* Reads what follows number @index and what stands before it: percent
 * sign, currency, multiplier. */
static void
read_candidate (Tokens    *t,
                guint      index,
                Candidate *candidate)
{
  Token *token = token_at (t, index);
  guint next = index + 1;
  const char *word;

  candidate->index = index;
  candidate->value = token->value;
  candidate->measure = VIGIA_MEASURE_COUNT;
  candidate->currency = NULL;
  candidate->change = FALSE;

  /* Currency before: "S/", "S/.", "US$", "$", "USD". */
  if (index >= 2 && kind_at (t, index - 1) == TOKEN_SLASH &&
      g_strcmp0 (word_at (t, index - 2), "s") == 0)
    candidate->currency = "S/";
  else if (index >= 3 && kind_at (t, index - 1) == TOKEN_PUNCT && char_at (t, index - 1) == '.' &&
           kind_at (t, index - 2) == TOKEN_SLASH &&
           g_strcmp0 (word_at (t, index - 3), "s") == 0)
    candidate->currency = "S/";
  else if (index >= 1 && kind_at (t, index - 1) == TOKEN_DOLLAR)
    candidate->currency = "US$";
  else if (index >= 1 && g_strcmp0 (word_at (t, index - 1), "usd") == 0)
    candidate->currency = "US$";

  /* Percent after: "30 %", "30%", "30 por ciento". */
  if (kind_at (t, next) == TOKEN_PERCENT)
    {
      candidate->measure = VIGIA_MEASURE_PERCENT;
      candidate->last = next;
      return;
    }
  if (g_strcmp0 (word_at (t, next), "por") == 0 && g_strcmp0 (word_at (t, next + 1), "ciento") == 0)
    {
      candidate->measure = VIGIA_MEASURE_PERCENT;
      candidate->last = next + 1;
      return;
    }
  if (g_strcmp0 (word_at (t, next), "porciento") == 0)
    {
      candidate->measure = VIGIA_MEASURE_PERCENT;
      candidate->last = next;
      return;
    }

  /* Multipliers: "20 millones", "500 mil", "2 mil millones", "3 MM". */
  word = word_at (t, next);
  if (g_strcmp0 (word, "mil") == 0)
    {
      candidate->value *= 1e3;
      next++;
      word = word_at (t, next);
    }
  if (g_strcmp0 (word, "millon") == 0 || g_strcmp0 (word, "millones") == 0 ||
      g_strcmp0 (word, "mm") == 0)
    {
      candidate->value *= 1e6;
      next++;
    }
  candidate->last = next - 1;

  /* Currency after: "500 mil soles", "20 millones de dólares". */
  word = word_at (t, next);
  if (g_strcmp0 (word, "de") == 0)
    word = word_at (t, next + 1);
  if (g_strcmp0 (word, "nuevos") == 0)
    word = "soles";
  if (g_strcmp0 (word, "soles") == 0 || g_strcmp0 (word, "sol") == 0)
    candidate->currency = "S/";
  else if (g_strcmp0 (word, "dolares") == 0 || g_strcmp0 (word, "dolar") == 0)
    candidate->currency = "US$";

  if (candidate->currency != NULL)
    candidate->measure = VIGIA_MEASURE_AMOUNT;
}

/* The direction the meta's verbs give.  A verb that goes down wins over one
 * that goes up ("lograr reducir la anemia al 20 %"), and over one that
 * keeps. */
static gboolean
find_direction (Tokens         *t,
                VigiaDirection *direction)
{
  gboolean up = FALSE;
  gboolean keep = FALSE;

  for (guint i = 0; i < t->tokens->len; i++)
    {
      const char *word = word_at (t, i);

      if (word == NULL)
        continue;
      if (word_has_stem (word, down_stems))
        {
          *direction = VIGIA_DIRECTION_DOWN;
          return TRUE;
        }
      keep = keep || word_in (word, keep_verbs);
      up = up || word_has_stem (word, up_stems);
    }

  if (keep)
    *direction = VIGIA_DIRECTION_KEEP;
  else if (up)
    *direction = VIGIA_DIRECTION_UP;
  return keep || up;
}

/* "30 % de aumento", "30 % más", or "aumentar en 30 %": a change against
 * the baseline rather than a level. */
static gboolean
is_change (Tokens         *t,
           Candidate      *candidate,
           VigiaDirection *direction)
{
  const char *after = word_at (t, candidate->last + 1);
  guint before = candidate->index;

  if (g_strcmp0 (after, "de") == 0 || g_strcmp0 (after, "del") == 0)
    after = word_at (t, candidate->last + 2);
  if (after != NULL && word_in (after, change_nouns))
    {
      *direction = word_in (after, down_nouns) ? VIGIA_DIRECTION_DOWN : VIGIA_DIRECTION_UP;
      return TRUE;
    }
  if (g_strcmp0 (after, "mas") == 0)
    {
      *direction = VIGIA_DIRECTION_UP;
      return TRUE;
    }

  /* "en 30 %" or "en un 30 %" after a verb of change. */
  if (before > 0 && g_strcmp0 (word_at (t, before - 1), "un") == 0)
    before--;
  if (before > 0 && g_strcmp0 (word_at (t, before - 1), "en") == 0)
    {
      for (guint i = 0; i + 1 < before; i++)
        if (word_has_stem (word_at (t, i), change_stems))
          return TRUE;
    }

  return FALSE;
}

/* The words after a count, as written, up to a clause's end: "500 MYPES
 * ATENDIDAS" → "MYPES ATENDIDAS". */
static char *
count_unit (Tokens    *t,
            Candidate *candidate)
{
  guint first = candidate->last + 1;
  guint last = first;
  gboolean any = FALSE;

  if (g_strcmp0 (word_at (t, first), "de") == 0 && candidate->last > candidate->index)
    first++;

  for (guint i = first; i < t->tokens->len; i++)
    {
      const char *word = word_at (t, i);

      if (word == NULL || (i > first && word_in (word, unit_stops)))
        break;
      last = i;
      any = TRUE;
    }

  if (!any)
    return NULL;
  {
    gsize start = token_at (t, first)->start;

    return g_strndup (t->text + start, token_at (t, last)->end - start);
  }
}

/* "de 40 % a 30 %", "desde S/ 2 millones hasta S/ 5 millones": the first
 * number is where the meta starts from. */
static gboolean
is_from_to (Tokens    *t,
            Candidate *from,
            Candidate *to)
{
  const char *before = from->index > 0 ? word_at (t, from->index - 1) : NULL;
  guint between = from->last + 1;

  if (from->measure != to->measure || from->measure == VIGIA_MEASURE_COUNT)
    return FALSE;
  if (g_strcmp0 (before, "de") != 0 && g_strcmp0 (before, "desde") != 0 &&
      g_strcmp0 (before, "del") != 0)
    return FALSE;
  if (!word_in (word_at (t, between), (const char * const []) { "a", "al", "hasta", NULL }))
    return FALSE;
  between++;
  if (g_strcmp0 (word_at (t, between), "el") == 0 || g_strcmp0 (word_at (t, between), "un") == 0)
    between++;
  /* The currency of the second amount may stand between. */
  return between == to->index ||
         (to->currency != NULL && between < to->index && to->index - between <= 3);
}

static void
set_needs_review (VigiaTargetReading *reading)
{
  reading->value = VIGIA_NO_VALUE;
  reading->baseline = VIGIA_NO_VALUE;
  g_clear_pointer (&reading->unit, g_free);
  reading->measure = VIGIA_MEASURE_QUALITATIVE;
  reading->reading = VIGIA_READING_NEEDS_REVIEW;
}

/**
 * vigia_target_read:
 * @text: (nullable): the meta as written
 * @reading: (out caller-allocates): the reading; clear it with
 *   vigia_target_reading_clear()
 *
 * Reads a meta: "25% DE POBLACIÓN ATENDIDA" is 25 %, up; "Disminuir la
 * prevalencia de anemia infantil al 30,0 %." is 30 %, down; "Alcanzar los
 * US$ 20,0 millones en exportaciones" is 20 000 000 US$, up.  A meta with
 * no number, several targets or an ambiguous number is read as
 * qualitative, with no value, and needs review.
 */
void
vigia_target_read (const char         *text,
                   VigiaTargetReading *reading)
{
  Tokens t = { NULL, };
  g_autoptr(GArray) candidates = NULL;
  VigiaDirection direction = VIGIA_DIRECTION_UP;
  Candidate *chosen;
  gboolean ambiguous = FALSE;

  g_return_if_fail (reading != NULL);

  memset (reading, 0, sizeof *reading);
  reading->direction = VIGIA_DIRECTION_UP;
  set_needs_review (reading);

  if (vigia_str_empty (text) || !g_utf8_validate (text, -1, NULL))
    return;

  tokenize (&t, text);
  find_direction (&t, &direction);
  reading->direction = direction;

  candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  for (guint i = 0; i < t.tokens->len; i++)
    {
      Candidate candidate;

      if (kind_at (&t, i) != TOKEN_NUMBER || number_role (&t, i) != NUMBER_VALUE)
        continue;
      read_candidate (&t, i, &candidate);
      ambiguous = ambiguous || token_at (&t, i)->ambiguous;
      g_array_append_val (candidates, candidate);
      i = candidate.last;
    }

  if (ambiguous || candidates->len == 0 || candidates->len > 2)
    goto out;
  /* Hundreds of digits, or "mil millones" of them, are no target anyone set. */
  for (guint i = 0; i < candidates->len; i++)
    if (!isfinite (g_array_index (candidates, Candidate, i).value))
      goto out;

  chosen = &g_array_index (candidates, Candidate, candidates->len - 1);
  if (candidates->len == 2)
    {
      Candidate *from = &g_array_index (candidates, Candidate, 0);

      if (!is_from_to (&t, from, chosen))
        goto out;
      reading->baseline = from->value;
      if (direction == VIGIA_DIRECTION_UP && from->value > chosen->value &&
          !find_direction (&t, &(VigiaDirection) { 0 }))
        direction = VIGIA_DIRECTION_DOWN;
      reading->direction = direction;
    }

  reading->value = chosen->value;
  reading->measure = chosen->measure;
  reading->reading = VIGIA_READING_AUTOMATIC;

  switch (chosen->measure)
    {
    case VIGIA_MEASURE_PERCENT:
      reading->unit = g_strdup ("%");
      if (is_change (&t, chosen, &direction))
        {
          reading->measure = VIGIA_MEASURE_PERCENT_CHANGE;
          /* The noun ("de reducción") says which way, whatever the verb. */
          reading->direction = direction;
        }
      break;
    case VIGIA_MEASURE_AMOUNT:
      reading->unit = g_strdup (chosen->currency);
      break;
    case VIGIA_MEASURE_COUNT:
      reading->unit = count_unit (&t, chosen);
      break;
    case VIGIA_MEASURE_PERCENT_CHANGE:
    case VIGIA_MEASURE_QUALITATIVE:
    default:
      break;
    }

out:
  g_array_unref (t.tokens);
}

void
vigia_target_reading_clear (VigiaTargetReading *reading)
{
  g_return_if_fail (reading != NULL);
  g_clear_pointer (&reading->unit, g_free);
}

/**
 * vigia_target_update_reading:
 *
 * Reads the target's text and sets its value, unit, measure, direction and
 * reading state; a baseline the text names ("de 40 % a 30 %") is set only if
 * the target has none.
 */
void
vigia_target_update_reading (VigiaTarget *target)
{
  VigiaTargetReading reading;

  g_return_if_fail (VIGIA_IS_TARGET (target));

  vigia_target_read (vigia_target_get_text (target), &reading);
  vigia_target_set_value (target, reading.value);
  vigia_target_set_unit (target, reading.unit);
  vigia_target_set_measure (target, reading.measure);
  vigia_target_set_direction (target, reading.direction);
  vigia_target_set_reading (target, reading.reading);
  if (VIGIA_HAS_VALUE (reading.baseline) && !VIGIA_HAS_VALUE (vigia_target_get_baseline_value (target)))
    vigia_target_set_baseline_value (target, reading.baseline);
  vigia_target_reading_clear (&reading);
}
