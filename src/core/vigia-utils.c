/* vigia-utils.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-utils"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "vigia-utils.h"

/**
 * vigia_init_i18n:
 *
 * Sets the locale and binds Vigía's translations: first thing in main().
 * The translations come from $VIGIA_LOCALEDIR if set (the tests), else the
 * installed ones, else, for a program run from its build tree before it is
 * installed, the build tree's own: a Spanish user of `build-aux/dev run` or
 * `build/src/cli/vigia-cli` reads Spanish too.
 */
void
vigia_init_i18n (void)
{
  const char *localedir = g_getenv ("VIGIA_LOCALEDIR");

  setlocale (LC_ALL, "");

  if (localedir == NULL)
    {
      g_autofree char *installed = g_build_filename (LOCALEDIR, "es", "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);
      g_autofree char *built = g_build_filename (BUILD_LOCALEDIR, "es", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

      localedir = LOCALEDIR;
      if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (built, G_FILE_TEST_EXISTS))
        localedir = BUILD_LOCALEDIR;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* g_set_str() arrived in GLib 2.76, after the floor. */
gboolean
vigia_set_string (char       **field,
                  const char  *value)
{
  char *copy;

  g_assert (field != NULL);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

gboolean
vigia_set_double (double *field,
                  double  value)
{
  g_assert (field != NULL);

  if ((isnan (*field) && isnan (value)) || *field == value)
    return FALSE;

  *field = value;
  return TRUE;
}

gboolean
vigia_set_strv (char               ***field,
                const char * const   *value)
{
  g_assert (field != NULL);

  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL &&
      g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

/* Times are stored as ISO 8601 in UTC, to the second: they sort as text. */
char *
vigia_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* A version 7 UUID: the time in milliseconds first, then random bits.  Uuids
 * made one after another sort together, so that the library's uuid indexes
 * grow at their end instead of at random pages (imports are several times
 * faster at national scale), while staying unique across libraries. */
char *
vigia_uuid_new (void)
{
  static gint64 last_ms;
  static guint32 sequence;
  G_LOCK_DEFINE_STATIC (uuid);
  guint8 bytes[16];
  gint64 ms = g_get_real_time () / 1000;
  guint32 seq;

  G_LOCK (uuid);
  if (ms <= last_ms)
    {
      ms = last_ms;
      sequence++;
      /* 4096 uuids in one millisecond: borrow the next one. */
      if (sequence > 0xfff)
        {
          ms = ++last_ms;
          sequence = 0;
        }
    }
  else
    {
      last_ms = ms;
      sequence = g_random_int_range (0, 0x800);
    }
  seq = sequence;
  G_UNLOCK (uuid);

  for (guint i = 0; i < 6; i++)
    bytes[i] = (ms >> (8 * (5 - i))) & 0xff;
  bytes[6] = 0x70 | ((seq >> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  for (guint i = 8; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      memcpy (bytes + i, &r, 4);
    }
  bytes[8] = 0x80 | (bytes[8] & 0x3f);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5],
                          bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                          bytes[12], bytes[13], bytes[14], bytes[15]);
}

/* Folds case and strips accents, so that "educacion" matches "EDUCACIÓN" and
 * "ANCASH" matches "Áncash".  Only combining marks are dropped: ñ becomes n,
 * as the JNE's own capitals sometimes write it. */
char *
vigia_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

/* Trims white space (including no-break spaces) at both ends and folds runs of
 * blanks inside to one space, for texts whose layout carries no meaning. */
char *
vigia_text_strip (const char *text)
{
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
vigia_str_empty (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Formats a number in the user's locale (decimal comma in Spanish), with
 * digit grouping and no trailing zeros after the point. */
char *
vigia_format_number (double value,
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
