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

static char *
format_uuid (const guint8 *bytes)
{
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5],
                          bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                          bytes[12], bytes[13], bytes[14], bytes[15]);
}

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

  return format_uuid (bytes);
}

/**
 * vigia_uuid_derive:
 * @uuid: a uuid
 * @name: what is derived from it, as "target"
 *
 * A name-based uuid (version 5 layout, SHA-1) of @name under @uuid: the
 * same on every desk, so that the one target of a goal written before goals
 * had targets gets the same uuid wherever the goal is upgraded or imported.
 *
 * Returns: (transfer full): the uuid
 */
char *
vigia_uuid_derive (const char *uuid,
                   const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 bytes[20];
  gsize len = sizeof bytes;

  g_return_val_if_fail (uuid != NULL && name != NULL, NULL);

  g_checksum_update (sha1, (const guchar *) uuid, -1);
  g_checksum_update (sha1, (const guchar *) "/", 1);
  g_checksum_update (sha1, (const guchar *) name, -1);
  g_checksum_get_digest (sha1, bytes, &len);
  bytes[6] = 0x50 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);

  return format_uuid (bytes);
}

static inline void
append_unichar (GString  *out,
                gunichar  c)
{
  char buf[6];

  g_string_append_len (out, buf, g_unichar_to_utf8 (c, buf));
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_right_to_left (gunichar c)
{
  return c == 0x200F || c == 0x061C || (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

/**
 * vigia_text_isolate:
 * @text: (nullable): a text of a plan, about to be set beside other text
 *
 * A text of a plan laid out next to others (a title, a footer, a line of
 * the command line) must not change their direction: a right-to-left
 * override in an organization's name would otherwise reverse the place
 * written after it.  Embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) are dropped, since an unmatched one could close ours;
 * a text with right-to-left letters left is set between FIRST STRONG
 * ISOLATE and POP DIRECTIONAL ISOLATE, so that it is laid out on its own.
 * Any other text comes back as it was.
 *
 * Returns: (transfer full) (nullable): the text to lay out
 */
char *
vigia_text_isolate (const char *text)
{
  g_autoptr(GString) out = NULL;
  gboolean right_to_left = FALSE;
  gboolean controls = FALSE;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      controls = controls || is_bidi_control (c);
      right_to_left = right_to_left || is_right_to_left (c);
    }
  if (!controls && !right_to_left)
    return g_strdup (text);

  out = g_string_new (right_to_left ? "\u2068" : NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_bidi_control (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  if (right_to_left)
    g_string_append (out, "\u2069");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Folds case and strips accents, so that "educacion" matches "EDUCACIÓN" and
 * "ANCASH" matches "Áncash".  Only combining marks are dropped: ñ becomes n,
 * as the JNE's own capitals sometimes write it.  Plain ASCII, most of any
 * text here, takes the short way: importers fold every line they read. */
char *
vigia_text_fold (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; )
    {
      guchar c = (guchar) *p;
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      if (c < 0x80)
        {
          gsize start = out->len;
          const char *end = p;

          while (*end != '\0' && (guchar) *end < 0x80)
            end++;
          g_string_append_len (out, p, end - p);
          for (gsize i = start; i < out->len; i++)
            out->str[i] = g_ascii_tolower (out->str[i]);
          p = end;
          continue;
        }

      n = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, decomposed,
                                     G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        if (!g_unichar_ismark (decomposed[i]))
          append_unichar (out, g_unichar_tolower (decomposed[i]));
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/* Trims white space (including no-break spaces) at both ends and folds runs of
 * blanks inside to one space, for texts whose layout carries no meaning. */
char *
vigia_text_strip (const char *text)
{
  GString *out;
  const char *word = NULL;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; ; )
    {
      guchar c = (guchar) *p;
      const char *next = p + 1;
      gboolean space = FALSE;

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char (p);

          next = g_utf8_next_char (p);
          space = g_unichar_isspace (u) || u == 0x00A0;
        }
      else if (c != '\0')
        space = g_ascii_isspace (c);

      /* Words are copied whole, one space between them. */
      if (c == '\0' || space)
        {
          if (word != NULL)
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append_len (out, word, p - word);
              word = NULL;
            }
          if (c == '\0')
            break;
        }
      else if (word == NULL)
        word = p;

      p = next;
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

/**
 * vigia_str_split_lines:
 * @text: a text whose lines end in "\n", "\r\n" or "\r"
 *
 * The lines of @text, without their ends; a text that ends a line ends with
 * an empty one, and an empty text has no lines.  (What splitting at the
 * regular expression "\r\n|\r|\n" gives, without one.)
 *
 * Returns: (transfer full): the lines
 */
char **
vigia_str_split_lines (const char *text)
{
  GPtrArray *lines;
  const char *start = text;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_ptr_array_new ();
  for (const char *p = text; *text != '\0'; p++)
    {
      if (*p != '\n' && *p != '\r' && *p != '\0')
        continue;
      g_ptr_array_add (lines, g_strndup (start, p - start));
      if (*p == '\0')
        break;
      if (*p == '\r' && p[1] == '\n')
        p++;
      start = p + 1;
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}
