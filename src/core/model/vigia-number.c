/* vigia-number.c: numbers as people read and type them
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "vigia-number.h"
#include "vigia-utils.h"

/* Formats a number in the user's locale (decimal comma in Spanish), with
 * digit grouping and no trailing zeros after the point. */
char *
vigia_number_format (double value,
                     int    max_decimals)
{
  g_autofree char *plain = NULL;
  const struct lconv *lc;
  const char *point = ".";
  const char *thousands = "";
  GString *out;
  const char *dot;
  gsize int_len;

  if (isnan (value))
    return g_strdup ("—");

  max_decimals = CLAMP (max_decimals, 0, 6);
  plain = g_strdup_printf ("%.*f", max_decimals, fabs (value));

  /* Parse our own C-locale digits back into the user's conventions. */
  lc = localeconv ();
  if (lc != NULL && lc->decimal_point != NULL && *lc->decimal_point != '\0')
    point = lc->decimal_point;
  if (lc != NULL && lc->thousands_sep != NULL)
    thousands = lc->thousands_sep;

  dot = strpbrk (plain, ".,");
  if (dot != NULL)
    {
      char *end = plain + strlen (plain) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  dot = strpbrk (plain, ".,");
  int_len = dot != NULL ? (gsize) (dot - plain) : strlen (plain);

  out = g_string_new (NULL);
  if (value < 0 && strspn (plain, "0.,") != strlen (plain))
    g_string_append_c (out, '-');
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0 && *thousands != '\0' && int_len > 4)
        g_string_append (out, thousands);
      g_string_append_c (out, plain[i]);
    }
  if (dot != NULL)
    {
      g_string_append (out, point);
      g_string_append (out, dot + 1);
    }

  return g_string_free (out, FALSE);
}

/* A thousands separator is one followed by exactly three digits. */
static gboolean
is_group_separator (const char *p)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
         !g_ascii_isdigit (p[3]);
}

/**
 * vigia_number_parse:
 * @value: (out): the number
 *
 * Reads a number as a person types it in the user's locale: "1.500,5" in
 * Spanish, "1,500.5" in English.  The other decimal mark is taken as a
 * decimal mark too where it cannot separate thousands ("2.5" in Spanish), and
 * blanks are ignored, so that what vigia_number_format() wrote reads back.
 *
 * Returns: %FALSE, leaving @value alone, if @text is not one finite number
 */
gboolean
vigia_number_parse (const char *text,
                    double     *value)
{
  g_autoptr(GString) plain = NULL;
  const struct lconv *lc = localeconv ();
  char point = '.';
  const char *thousands = "";
  char other;
  gboolean seen_point = FALSE;
  gboolean seen_digit = FALSE;
  char *end = NULL;
  double result;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (lc != NULL && lc->decimal_point != NULL && lc->decimal_point[0] != '\0')
    point = lc->decimal_point[0];
  if (lc != NULL && lc->thousands_sep != NULL)
    thousands = lc->thousands_sep;
  other = point == ',' ? '.' : ',';

  plain = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char (p);
      gsize sep_len = strlen (thousands);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (g_ascii_isdigit (*p))
        {
          seen_digit = TRUE;
          g_string_append_c (plain, *p++);
        }
      else if ((*p == '-' || *p == '+') && plain->len == 0)
        g_string_append_c (plain, *p++);
      else if (c == 0x2212 && plain->len == 0)
        {
          /* The minus sign proper, as typeset text has it. */
          g_string_append_c (plain, '-');
          p = g_utf8_next_char (p);
        }
      else if (*p == point && !seen_point)
        {
          seen_point = TRUE;
          g_string_append_c (plain, '.');
          p++;
        }
      else if (sep_len > 0 && strncmp (p, thousands, sep_len) == 0 && seen_digit && !seen_point &&
               is_group_separator (p + sep_len))
        p += sep_len;
      else if (*p == other && seen_digit && !seen_point && is_group_separator (p + 1))
        p++;
      else if (*p == other && !seen_point)
        {
          seen_point = TRUE;
          g_string_append_c (plain, '.');
          p++;
        }
      else
        return FALSE;
    }

  if (!seen_digit)
    return FALSE;

  result = g_ascii_strtod (plain->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (result))
    return FALSE;

  *value = result;
  return TRUE;
}

/**
 * vigia_number_format_share:
 *
 * Returns: (transfer full): @share (0.42) as a percentage in the locale's
 *   digits, "42 %", or "no data" for NAN
 */
char *
vigia_number_format_share (double share)
{
  g_autofree char *number = NULL;

  if (!VIGIA_HAS_VALUE (share))
    return g_strdup (_("no data"));
  number = vigia_number_format (round (share * 100), 0);
  return g_strdup_printf ("%s %%", number);
}
