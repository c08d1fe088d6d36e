/* vigia-period.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-period"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigia-period.h"

#define MIN_YEAR 1000
#define MAX_YEAR 9999

static gboolean
term_is_valid (int term_start,
               int term_end)
{
  return term_start >= MIN_YEAR && term_end >= term_start && term_end <= MAX_YEAR;
}

/**
 * vigia_period_parse:
 * @period: "2027-S1"; blanks around it and a lower-case "s" are accepted,
 *   as people type them
 * @year: (out) (optional): 2027
 * @half: (out) (optional): 1 or 2
 *
 * Returns: whether @period names a semester
 */
gboolean
vigia_period_parse (const char *period,
                    int        *year,
                    int        *half)
{
  const char *p = period;
  int y = 0;

  if (p == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;
  for (int i = 0; i < 4; i++, p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      y = y * 10 + (*p - '0');
    }
  if (p[0] != '-' || (p[1] != 'S' && p[1] != 's') || (p[2] != '1' && p[2] != '2'))
    return FALSE;
  if (y < MIN_YEAR)
    return FALSE;
  for (const char *rest = p + 3; *rest != '\0'; rest++)
    if (!g_ascii_isspace (*rest))
      return FALSE;

  if (year != NULL)
    *year = y;
  if (half != NULL)
    *half = p[2] - '0';
  return TRUE;
}

gboolean
vigia_period_is_valid (const char *period)
{
  return vigia_period_parse (period, NULL, NULL);
}

/**
 * vigia_period_format:
 *
 * Returns: (transfer full): "2027-S1", the form the library stores
 */
char *
vigia_period_format (int year,
                     int half)
{
  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, NULL);
  g_return_val_if_fail (half == 1 || half == 2, NULL);

  return g_strdup_printf ("%04d-S%d", year, half);
}

/**
 * vigia_period_dup_label:
 *
 * Returns: (transfer full): "1st half 2027" ("1.er semestre 2027" in
 *   Spanish), or @period as it is if it is not a semester
 */
char *
vigia_period_dup_label (const char *period)
{
  int year, half;

  g_return_val_if_fail (period != NULL, NULL);

  if (!vigia_period_parse (period, &year, &half))
    return g_strdup (period);

  /* Translators: the first semester (January–June) of a year, as in "1st half 2027". */
  if (half == 1)
    return g_strdup_printf (_("1st half %d"), year);
  /* Translators: the second semester (July–December) of a year, as in "2nd half 2027". */
  return g_strdup_printf (_("2nd half %d"), year);
}

/**
 * vigia_period_dup_short_label:
 *
 * For column headings and chart axes, where room is short.
 *
 * Returns: (transfer full): "H1 2027" ("1.er sem. 2027" in Spanish)
 */
char *
vigia_period_dup_short_label (const char *period)
{
  int year, half;

  g_return_val_if_fail (period != NULL, NULL);

  if (!vigia_period_parse (period, &year, &half))
    return g_strdup (period);

  /* Translators: short form of "1st half 2027", for column headings and chart axes. */
  if (half == 1)
    return g_strdup_printf (_("H1 %d"), year);
  /* Translators: short form of "2nd half 2027", for column headings and chart axes. */
  return g_strdup_printf (_("H2 %d"), year);
}

/**
 * vigia_period_from_date:
 *
 * Returns: (transfer full): the semester @date falls in, in its own time zone
 */
char *
vigia_period_from_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return vigia_period_format (g_date_time_get_year (date),
                              g_date_time_get_month (date) <= 6 ? 1 : 2);
}

/**
 * vigia_period_dup_current:
 *
 * Returns: (transfer full): the semester of today, in local time
 */
char *
vigia_period_dup_current (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return vigia_period_from_date (now);
}

/**
 * vigia_period_compare:
 *
 * Orders semesters in time; anything that is not a semester comes first.
 */
int
vigia_period_compare (const char *a,
                      const char *b)
{
  int ya = 0, ha = 0, yb = 0, hb = 0;
  gboolean va = vigia_period_parse (a, &ya, &ha);
  gboolean vb = vigia_period_parse (b, &yb, &hb);

  if (va != vb)
    return va ? 1 : -1;
  if (!va)
    return 0;
  if (ya != yb)
    return ya < yb ? -1 : 1;
  return ha - hb;
}

/* Regional and municipal authorities serve four years from 1 January, the
 * president and congress five years from 28 July (Constitution, articles
 * 90, 112, 191 and 194): a five-year term starts with the second semester
 * of its first year and ends with the first of its last.  The half of the
 * first year and the half of the last that the term takes: */
static void
term_halves (int  term_start,
             int  term_end,
             int *first_half,
             int *last_half)
{
  gboolean national = term_end - term_start == 5;

  *first_half = national ? 2 : 1;
  *last_half = national ? 1 : 2;
}

/* Semesters counted from the first of @term_start: 0 for its S1. */
static int
absolute_index (int term_start,
                int year,
                int half)
{
  return (year - term_start) * 2 + half - 1;
}

/**
 * vigia_term_get_n_periods:
 *
 * Returns: the number of semesters of the term (8 for 2023–2026, 10 for
 *   the five years of 2026–2031), or 0 if the term is not set
 */
guint
vigia_term_get_n_periods (int term_start,
                          int term_end)
{
  int first_half, last_half;

  if (!term_is_valid (term_start, term_end))
    return 0;
  term_halves (term_start, term_end, &first_half, &last_half);
  return (guint) (absolute_index (term_start, term_end, last_half) - absolute_index (term_start, term_start, first_half) + 1);
}

/**
 * vigia_term_list_periods:
 *
 * Returns: (transfer full): the semesters of the term in order, 2023-S1 …
 *   2026-S2 (2026-S2 … 2031-S1 for a five-year term); empty if the term is
 *   not set
 */
GStrv
vigia_term_list_periods (int term_start,
                         int term_end)
{
  guint n = vigia_term_get_n_periods (term_start, term_end);
  GStrv periods = g_new0 (char *, n + 1);
  int first_half, last_half;

  term_halves (term_start, term_end, &first_half, &last_half);
  for (guint i = 0; i < n; i++)
    {
      int k = absolute_index (term_start, term_start, first_half) + (int) i;

      periods[i] = vigia_period_format (term_start + k / 2, k % 2 + 1);
    }
  return periods;
}

/**
 * vigia_term_get_period_index:
 *
 * Returns: k for the k-th semester of the term (1 for its first), or 0 if
 *   @period is not a semester of the term
 */
guint
vigia_term_get_period_index (int         term_start,
                             int         term_end,
                             const char *period)
{
  int year, half, first_half, last_half, k;

  if (!term_is_valid (term_start, term_end) || !vigia_period_parse (period, &year, &half))
    return 0;
  term_halves (term_start, term_end, &first_half, &last_half);
  k = absolute_index (term_start, year, half) - absolute_index (term_start, term_start, first_half) + 1;
  if (k < 1 || k > (int) vigia_term_get_n_periods (term_start, term_end))
    return 0;
  return (guint) k;
}

/**
 * vigia_term_clamp_period:
 *
 * A semester before the term becomes its first, one after it its last: the
 * period an assessment "as of today" uses for a term not yet begun or over.
 *
 * Returns: (transfer full) (nullable): the semester, or %NULL if the term is
 *   not set or @period is not a semester
 */
char *
vigia_term_clamp_period (int         term_start,
                         int         term_end,
                         const char *period)
{
  int year, half, first_half, last_half, k;

  if (!term_is_valid (term_start, term_end) || !vigia_period_parse (period, &year, &half))
    return NULL;
  term_halves (term_start, term_end, &first_half, &last_half);
  k = absolute_index (term_start, year, half);
  if (k < absolute_index (term_start, term_start, first_half))
    return vigia_period_format (term_start, first_half);
  if (k > absolute_index (term_start, term_end, last_half))
    return vigia_period_format (term_end, last_half);
  return vigia_period_format (year, half);
}

/**
 * vigia_term_get_expected_share:
 *
 * The share of the way to the target expected by the end of @period if
 * progress were even over the term: k / n at the k-th of n semesters.
 *
 * Returns: a number from 1/n to 1, or NAN if @period is not in the term
 */
double
vigia_term_get_expected_share (int         term_start,
                               int         term_end,
                               const char *period)
{
  guint k = vigia_term_get_period_index (term_start, term_end, period);

  if (k == 0)
    return NAN;
  return (double) k / vigia_term_get_n_periods (term_start, term_end);
}

/**
 * vigia_term_from_process:
 * @process: (nullable): an election process as plans name it, "ERM 2022"
 *   or "EG 2026"
 * @term_start: (out): the first year of the term it elects
 * @term_end: (out): its last year
 *
 * The term an election elects (docs/domain.md, "Terms"): regional and
 * municipal elections the year before a four-year term (ERM 2022 →
 * 2023–2026), general ones in its first year, for five (EG 2026 →
 * 2026–2031).  Anything else is not guessed.
 *
 * Returns: whether @process names such an election
 */
gboolean
vigia_term_from_process (const char *process,
                         int        *term_start,
                         int        *term_end)
{
  guint64 year;

  g_return_val_if_fail (term_start != NULL && term_end != NULL, FALSE);

  if (process == NULL)
    return FALSE;
  if (g_str_has_prefix (process, "ERM ") &&
      g_ascii_string_to_unsigned (process + 4, 10, 1980, 2200, &year, NULL))
    {
      *term_start = (int) year + 1;
      *term_end = (int) year + 4;
      return TRUE;
    }
  if (g_str_has_prefix (process, "EG ") &&
      g_ascii_string_to_unsigned (process + 3, 10, 1980, 2200, &year, NULL))
    {
      *term_start = (int) year;
      *term_end = (int) year + 5;
      return TRUE;
    }
  return FALSE;
}
