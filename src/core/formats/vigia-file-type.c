/* vigia-file-type.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files arrive named anything ("descarga (3).txt", "plan.json"), so the
 * format is found from the first bytes and a few landmarks, never from the
 * name.  Detection only sniffs: the readers check everything.
 */
#define G_LOG_DOMAIN "vigia-file-type"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-error.h"
#include "vigia-file-type.h"
#include "vigia-utils.h"

/* Landmarks are looked for in this much of a file: a DECLARA summary names
 * itself in its first lines, and JSON keys come early enough in any real
 * document (the exchange writer puts "format" first). */
#define SNIFF_SIZE (256 * 1024)

static const guint8 *
skip_bom_and_space (const guint8 *data,
                    gsize        *length)
{
  if (*length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      *length -= 3;
    }
  while (*length > 0 && g_ascii_isspace (*data))
    {
      data++;
      (*length)--;
    }
  return data;
}

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const char   *prefix)
{
  gsize n = strlen (prefix);

  return length >= n && g_ascii_strncasecmp ((const char *) data, prefix, n) == 0;
}

/* Finds @needle (ASCII) in @data, ignoring ASCII case. */
static const guint8 *
find_ascii (const guint8 *data,
            gsize         length,
            const char   *needle)
{
  gsize n = strlen (needle);

  if (n == 0 || length < n)
    return NULL;
  for (gsize i = 0; i + n <= length; i++)
    if (g_ascii_tolower (data[i]) == g_ascii_tolower (needle[0]) &&
        g_ascii_strncasecmp ((const char *) data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* Whether @key (quoted, as JSON writes it) is followed by a colon, and, if
 * @value is given, by that string value. */
static gboolean
has_json_member (const guint8 *data,
                 gsize         length,
                 const char   *key,
                 const char   *value)
{
  const guint8 *end = data + length;
  const guint8 *p = data;

  while (p < end)
    {
      const guint8 *hit = find_ascii (p, end - p, key);
      const guint8 *q;

      if (hit == NULL)
        return FALSE;
      q = hit + strlen (key);
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q < end && *q == ':')
        {
          q++;
          while (q < end && g_ascii_isspace (*q))
            q++;
          if (value == NULL || has_prefix (q, end - q, value))
            return TRUE;
        }
      p = hit + 1;
    }
  return FALSE;
}

static gboolean
has_nul (const guint8 *data,
         gsize         length)
{
  return memchr (data, '\0', MIN (length, SNIFF_SIZE)) != NULL;
}

static gboolean
is_utf16 (const guint8 *data,
          gsize         length)
{
  return length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                         (data[0] == 0xFE && data[1] == 0xFF));
}

/**
 * vigia_file_type_decode_text:
 * @encoding: (out) (optional) (transfer none): the encoding the text was in
 *
 * Turns a text file into UTF-8 whatever it was saved as: UTF-8 with or
 * without a byte-order mark, UTF-16 with one (Windows' "Unicode"), or
 * Windows-1252 (what older Windows tools write for Spanish).  The mark is
 * dropped.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if it has NUL
 *   bytes and no UTF-16 mark (binary data)
 */
char *
vigia_file_type_decode_text (const guint8  *data,
                          gsize          length,
                          const char   **encoding)
{
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (is_utf16 (data, length))
    {
      const char *from = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = g_convert ((const char *) data + 2, length - 2, "UTF-8", from, NULL, NULL, NULL);
      if (encoding != NULL)
        *encoding = from;
      if (text != NULL && strlen (text) == 0 && length > 2)
        g_clear_pointer (&text, g_free);
      return text;
    }

  if (memchr (data, '\0', length) != NULL)
    return NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate ((const char *) data, length, NULL))
    {
      if (encoding != NULL)
        *encoding = "UTF-8";
      return g_strndup ((const char *) data, length);
    }

  /* Windows-1252 leaves five bytes undefined; ISO-8859-1 takes those too. */
  text = g_convert ((const char *) data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text != NULL)
    {
      if (encoding != NULL)
        *encoding = "WINDOWS-1252";
      return text;
    }
  if (encoding != NULL)
    *encoding = "ISO-8859-1";
  return g_convert ((const char *) data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
}

static gboolean
has_high_bytes (const char *start,
                const char *end)
{
  for (const char *p = start; p < end; p++)
    if ((guchar) *p >= 0x80)
      return TRUE;
  return FALSE;
}

/**
 * vigia_file_type_find_bad_utf8:
 * @line: (out): the line of the first byte that is not UTF-8, from 1
 * @byte: (out): that byte
 *
 * Whether @data is UTF-8 text with a few bytes that are not: it has
 * characters written in UTF-8 (an accent, a "ñ"), so it is no Windows-1252
 * file, and yet a byte that UTF-8 does not allow.  Read as Windows-1252,
 * such a file would turn every accent into two wrong letters.
 *
 * Returns: %TRUE, with the place of the first bad byte, if so
 */
gboolean
vigia_file_type_find_bad_utf8 (const guint8 *data,
                               gsize         length,
                               guint        *line,
                               guint8       *byte)
{
  const char *text = (const char *) data;
  const char *end = text + length;
  const char *bad = NULL;
  gboolean utf8_seen = FALSE;

  g_return_val_if_fail (line != NULL && byte != NULL, FALSE);

  if (length == 0 || is_utf16 (data, length) || memchr (data, '\0', length) != NULL)
    return FALSE;

  for (const char *p = text; p < end;)
    {
      const char *stop = NULL;
      gboolean whole = g_utf8_validate_len (p, end - p, &stop);

      utf8_seen = utf8_seen || has_high_bytes (p, stop);
      if (whole)
        break;
      if (bad == NULL)
        bad = stop;
      p = stop + 1;
    }
  if (bad == NULL || !utf8_seen)
    return FALSE;

  *line = 1;
  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      (*line)++;
  *byte = (guint8) *bad;
  return TRUE;
}

static gboolean
looks_like_declara (const guint8 *data,
                    gsize         length)
{
  /* ASCII landmarks, found whether the file is UTF-8 or Windows-1252. */
  return find_ascii (data, length, "RESUMEN DEL PLAN DE GOBIERNO") != NULL ||
         find_ascii (data, length, "PRINCIPALES PROPUESTAS DE GOBIERNO") != NULL ||
         find_ascii (data, length, "sistema DECLARA") != NULL;
}

/**
 * vigia_file_type_detect:
 *
 * Returns: the format of a plan file with this content
 */
VigiaFileType
vigia_file_type_detect (const guint8 *data,
                     gsize         length)
{
  const guint8 *start;
  gsize rest = length;

  g_return_val_if_fail (data != NULL || length == 0, VIGIA_FILE_TYPE_UNKNOWN);

  if (length == 0)
    return VIGIA_FILE_TYPE_UNKNOWN;

  if (is_utf16 (data, length))
    {
      g_autofree char *text = vigia_file_type_decode_text (data, MIN (length, SNIFF_SIZE), NULL);

      if (text != NULL && looks_like_declara ((const guint8 *) text, strlen (text)))
        return VIGIA_FILE_TYPE_DECLARA_TEXT;
      return VIGIA_FILE_TYPE_UNKNOWN;
    }

  if (has_nul (data, length))
    return VIGIA_FILE_TYPE_UNKNOWN;

  start = skip_bom_and_space (data, &rest);
  rest = MIN (rest, SNIFF_SIZE);

  if (rest > 0 && *start == '{')
    {
      if (has_json_member (start, rest, "\"format\"", "\"vigia-plans\""))
        return VIGIA_FILE_TYPE_VIGIA_JSON;
      if (has_json_member (start, rest, "\"datoGeneral\"", NULL) ||
          has_json_member (start, rest, "\"dimensionSocial\"", NULL) ||
          has_json_member (start, rest, "\"dimensiones\"", NULL))
        return VIGIA_FILE_TYPE_JNE_JSON;
    }

  /* List rows, bare or in the services' envelope: a plan's id and where or
   * how its list stands, but no plan. */
  if (rest > 0 && (*start == '{' || *start == '[') &&
      has_json_member (start, rest, "\"idPlanGobierno\"", NULL) &&
      (has_json_member (start, rest, "\"txUbigeo\"", NULL) ||
       has_json_member (start, rest, "\"txUbigeoCompleto\"", NULL) ||
       has_json_member (start, rest, "\"txEstadoLista\"", NULL)))
    return VIGIA_FILE_TYPE_JNE_LISTS;

  /* Candidates, by list (EG 2026: strCodExpedienteExt) or by place (ERM). */
  if (rest > 0 && (*start == '{' || *start == '[') &&
      ((has_json_member (start, rest, "\"strCodExpedienteExt\"", NULL) &&
        has_json_member (start, rest, "\"strCargo\"", NULL)) ||
       (has_json_member (start, rest, "\"nombreCompleto\"", NULL) &&
        has_json_member (start, rest, "\"cargo\"", NULL))))
    return VIGIA_FILE_TYPE_JNE_CANDIDATES;

  if (rest > 0 && (*start == '{' || *start == '['))
    return VIGIA_FILE_TYPE_UNKNOWN;

  if (looks_like_declara (start, rest))
    return VIGIA_FILE_TYPE_DECLARA_TEXT;

  return VIGIA_FILE_TYPE_UNKNOWN;
}

/**
 * vigia_file_type_to_nick:
 *
 * Returns: the name a plan's source format is stored under:
 *   "declara-text", "jne-json", "vigia-json", "jne-lists",
 *   "jne-candidates"; %NULL for unknown
 */
const char *
vigia_file_type_to_nick (VigiaFileType format)
{
  switch (format)
    {
    case VIGIA_FILE_TYPE_DECLARA_TEXT: return "declara-text";
    case VIGIA_FILE_TYPE_JNE_JSON:     return "jne-json";
    case VIGIA_FILE_TYPE_VIGIA_JSON:   return "vigia-json";
    case VIGIA_FILE_TYPE_JNE_LISTS:    return "jne-lists";
    case VIGIA_FILE_TYPE_JNE_CANDIDATES: return "jne-candidates";
    case VIGIA_FILE_TYPE_UNKNOWN:
    default:                        return NULL;
    }
}

const char *
vigia_file_type_get_label (VigiaFileType format)
{
  switch (format)
    {
    case VIGIA_FILE_TYPE_DECLARA_TEXT: return _("DECLARA plan summary (text)");
    case VIGIA_FILE_TYPE_JNE_JSON:     return _("JNE Voto Informado data (JSON)");
    case VIGIA_FILE_TYPE_VIGIA_JSON:   return _("Vigía plans (JSON)");
    case VIGIA_FILE_TYPE_JNE_LISTS:    return _("JNE candidate lists (JSON)");
    case VIGIA_FILE_TYPE_JNE_CANDIDATES: return _("JNE candidates (JSON)");
    case VIGIA_FILE_TYPE_UNKNOWN:
    default:                        return _("Unknown format");
    }
}

static guint
count_lines (const guint8 *data,
             gsize         length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    if (data[i] == '\n')
      n++;
  if (length > 0 && data[length - 1] != '\n')
    n++;
  return n;
}

/**
 * vigia_file_type_describe:
 *
 * Says in a few words what a file that is not a plan looks like, for the
 * error that refuses it: "a PDF document", "JSON, but not a plan: …".
 *
 * Returns: (transfer full): the description
 */
char *
vigia_file_type_describe (const guint8 *data,
                       gsize         length)
{
  const guint8 *start;
  gsize rest = length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    return g_strdup (_("an empty file"));
  if (has_prefix (data, length, "%PDF-"))
    return g_strdup (_("a PDF document: export the summary from DECLARA as text, or use the JNE's data"));
  if (has_prefix (data, length, "PK\x03\x04"))
    return g_strdup (_("a ZIP archive (or a Word or spreadsheet document): save the summary as plain text"));
  if (has_prefix (data, length, "SQLite format 3"))
    return g_strdup (_("an SQLite database (a Vigía library?): open it with --library instead"));
  if (has_prefix (data, length, "\xD0\xCF\x11\xE0"))
    return g_strdup (_("an old Microsoft Office document: save the summary as plain text"));
  if (!is_utf16 (data, length) && has_nul (data, length))
    return g_strdup (_("binary data, not text"));

  start = skip_bom_and_space (data, &rest);
  rest = MIN (rest, SNIFF_SIZE);
  if (has_prefix (start, rest, "<!DOCTYPE html") || has_prefix (start, rest, "<html"))
    return g_strdup (_("a web page (HTML), not the plan's data"));
  if (has_prefix (start, rest, "<?xml") || has_prefix (start, rest, "<"))
    return g_strdup (_("an XML document"));
  if (rest > 0 && *start == '[')
    return g_strdup (_("a JSON list, but not of plans: a plan file is a JSON object"));
  if (rest > 0 && *start == '{')
    {
      if (has_json_member (start, rest, "\"format\"", NULL))
        return g_strdup (_("JSON with a “format” that is not “vigia-plans”"));
      return g_strdup (_("JSON, but neither Vigía's exchange format (“format”: “vigia-plans”) "
                         "nor JNE data (“datoGeneral”, “dimensiones”)"));
    }

  {
    guint n_lines = count_lines (start, rest);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "text of %u line, but not a DECLARA plan summary "
                                         "(no “RESUMEN DEL PLAN DE GOBIERNO” heading)",
                                         "text of %u lines, but not a DECLARA plan summary "
                                         "(no “RESUMEN DEL PLAN DE GOBIERNO” heading)",
                                         n_lines),
                            n_lines);
  }
}
