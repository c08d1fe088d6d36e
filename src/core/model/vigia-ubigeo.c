/* vigia-ubigeo.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table (data/ubigeo/places.tsv, docs/domain.md, "UBIGEO") is generated from a
 * registry package by build-aux/gen-ubigeo.py: one row per department,
 * province and district with its INEI and RENIEC codes.  Read once from the
 * core's GResource and kept for the life of the process.
 */
#define G_LOG_DOMAIN "vigia-ubigeo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-resources.h"
#include "vigia-ubigeo.h"
#include "vigia-utils.h"

#define UBIGEO_RESOURCE VIGIA_CORE_RESOURCE_PATH "/ubigeo/places.tsv"

typedef struct
{
  /* VigiaUbigeoPlace, sorted by code: each department before its
   * provinces, each province before its districts. */
  GArray       *places;
  /* INEI code → index in places + 1 */
  GHashTable   *by_code;
  /* RENIEC code → index in places + 1 */
  GHashTable   *by_reniec;
  /* "parent code|folded name" → index in places + 1 ("|lima" for a department) */
  GHashTable   *by_name;
  GStringChunk *strings;
} Table;

static Table table;

static gboolean
is_code (const char *text,
         gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_place_code (const char *text)
{
  return is_code (text, 2) || is_code (text, 4) || is_code (text, 6);
}

static void
load_table (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gboolean header_seen = FALSE;
  gsize size;
  const char *data;

  vigia_core_ensure_resources ();
  bytes = g_resources_lookup_data (UBIGEO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* Compiled into the library: missing, it is a broken build, not bad input. */
  if (bytes == NULL)
    g_error ("The UBIGEO table is missing from the build: %s", error->message);

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  table.places = g_array_new (FALSE, TRUE, sizeof (VigiaUbigeoPlace));
  table.by_code = g_hash_table_new (g_str_hash, g_str_equal);
  table.by_reniec = g_hash_table_new (g_str_hash, g_str_equal);
  table.by_name = g_hash_table_new (g_str_hash, g_str_equal);
  table.strings = g_string_chunk_new (64 * 1024);

  /* inei, reniec, name; the generator writes them sorted by INEI code. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      VigiaUbigeoPlace place;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (!header_seen)
        {
          header_seen = TRUE;
          continue;
        }
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 3 || !is_place_code (fields[0]) ||
          (fields[1][0] != '\0' && strlen (fields[1]) != strlen (fields[0])))
        g_error ("The UBIGEO table has a bad line %u: %s", i + 1, lines[i]);

      place.code = g_string_chunk_insert_const (table.strings, fields[0]);
      place.reniec_code = fields[1][0] != '\0' ? g_string_chunk_insert_const (table.strings, fields[1]) : NULL;
      place.name = g_string_chunk_insert_const (table.strings, fields[2]);
      g_array_append_val (table.places, place);
    }

  for (guint i = 0; i < table.places->len; i++)
    {
      VigiaUbigeoPlace *place = &g_array_index (table.places, VigiaUbigeoPlace, i);
      g_autofree char *folded = vigia_text_fold (place->name);
      g_autofree char *name_key = NULL;
      gsize parent_length = strlen (place->code) - 2;

      name_key = g_strdup_printf ("%.*s|%s", (int) parent_length, place->code, folded);
      g_hash_table_insert (table.by_code, (gpointer) place->code, GUINT_TO_POINTER (i + 1));
      if (place->reniec_code != NULL)
        g_hash_table_insert (table.by_reniec, (gpointer) place->reniec_code, GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (table.by_name,
                           g_string_chunk_insert_const (table.strings, name_key),
                           GUINT_TO_POINTER (i + 1));
    }
}

static void
ensure_table (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      load_table ();
      g_once_init_leave (&loaded, 1);
    }
}

static const VigiaUbigeoPlace *
place_at (gpointer index_plus_one)
{
  guint index = GPOINTER_TO_UINT (index_plus_one);

  if (index == 0)
    return NULL;
  return &g_array_index (table.places, VigiaUbigeoPlace, index - 1);
}

/**
 * vigia_ubigeo_find:
 * @code: "15" (a department), "1501" (a province) or "150112" (a district)
 *
 * Returns: (nullable) (transfer none): the place, or %NULL for an unknown code
 */
const VigiaUbigeoPlace *
vigia_ubigeo_find (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  ensure_table ();
  return place_at (g_hash_table_lookup (table.by_code, code));
}

/**
 * vigia_ubigeo_find_reniec:
 * @code: a RENIEC code, as the JNE writes places ("14" is Lima, "140140"
 *   San Borja)
 *
 * Returns: (nullable) (transfer none): the place, or %NULL for an unknown code
 */
const VigiaUbigeoPlace *
vigia_ubigeo_find_reniec (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  ensure_table ();
  return place_at (g_hash_table_lookup (table.by_reniec, code));
}

/**
 * vigia_ubigeo_place_dup_codes:
 *
 * Returns: (transfer full): both codes of @place, each named by its system,
 *   for a person to read ("INEI 150130 · JNE 140140")
 */
char *
vigia_ubigeo_place_dup_codes (const VigiaUbigeoPlace *place)
{
  g_return_val_if_fail (place != NULL, NULL);

  if (place->reniec_code == NULL)
    /* Translators: a place's code; districts created after the JNE's lists have no JNE code */
    return g_strdup_printf (_("INEI %s · no JNE code"), place->code);
  /* Translators: a place's two codes: INEI's, and RENIEC's as the JNE uses it */
  return g_strdup_printf (_("INEI %s · JNE %s"), place->code, place->reniec_code);
}

/**
 * vigia_ubigeo_children:
 * @parent_code: (nullable): %NULL or "" for the departments, a department's
 *   code for its provinces, a province's for its districts
 *
 * Returns: (transfer container) (element-type VigiaUbigeoPlace): the places,
 *   by code
 */
GPtrArray *
vigia_ubigeo_children (const char *parent_code)
{
  GPtrArray *children = g_ptr_array_new ();
  gsize parent_length = parent_code != NULL ? strlen (parent_code) : 0;

  ensure_table ();

  for (guint i = 0; i < table.places->len; i++)
    {
      VigiaUbigeoPlace *place = &g_array_index (table.places, VigiaUbigeoPlace, i);

      if (strlen (place->code) == parent_length + 2 &&
          strncmp (place->code, parent_length > 0 ? parent_code : "", parent_length) == 0)
        g_ptr_array_add (children, place);
    }

  return children;
}

static const VigiaUbigeoPlace *
lookup_name (const char *parent_code,
             const char *name)
{
  g_autofree char *stripped = vigia_text_strip (name);
  g_autofree char *folded = vigia_text_fold (stripped);
  g_autofree char *key = g_strdup_printf ("%s|%s", parent_code, folded);

  return place_at (g_hash_table_lookup (table.by_name, key));
}

/**
 * vigia_ubigeo_match:
 *
 * Finds a place by its names as a plan writes them, whatever their case and
 * accents ("ANCASH" is Áncash).  Each name is looked up within the one
 * before it; the search stops at the first name missing or not found.
 *
 * Returns: (nullable) (transfer none): the most specific place that
 *   matches, or %NULL if not even the department does
 */
const VigiaUbigeoPlace *
vigia_ubigeo_match (const char *department,
                    const char *province,
                    const char *district)
{
  const VigiaUbigeoPlace *found;
  const VigiaUbigeoPlace *next;

  ensure_table ();

  if (vigia_str_empty (department))
    return NULL;
  found = lookup_name ("", department);
  if (found == NULL || vigia_str_empty (province))
    return found;
  next = lookup_name (found->code, province);
  if (next == NULL)
    return found;
  found = next;
  if (vigia_str_empty (district))
    return found;
  next = lookup_name (found->code, district);
  return next != NULL ? next : found;
}

/**
 * vigia_ubigeo_parent:
 *
 * Returns: (nullable) (transfer none): the province of a district, the
 *   department of a province, %NULL for a department
 */
const VigiaUbigeoPlace *
vigia_ubigeo_parent (const VigiaUbigeoPlace *place)
{
  char code[5];
  gsize length;

  g_return_val_if_fail (place != NULL, NULL);

  length = strlen (place->code);
  if (length <= 2)
    return NULL;
  memcpy (code, place->code, length - 2);
  code[length - 2] = '\0';
  return vigia_ubigeo_find (code);
}

static guint
split_place (const char  *text,
             char       **parts)
{
  g_auto(GStrv) pieces = g_strsplit (text, " - ", -1);
  guint n = g_strv_length (pieces);

  /* "LIMA-LIMA-INDEPENDENCIA": hyphens without blanks, as long as they give
   * a place that exists (district names such as Rupa-Rupa have hyphens). */
  if (n == 1 && strchr (text, '-') != NULL)
    {
      g_auto(GStrv) tight = g_strsplit (text, "-", -1);
      guint n_tight = g_strv_length (tight);

      if (n_tight >= 2 && n_tight <= 3)
        {
          const VigiaUbigeoPlace *found = vigia_ubigeo_match (tight[0], tight[1],
                                                              n_tight == 3 ? tight[2] : NULL);

          if (found != NULL && strlen (found->code) == 2 * n_tight)
            {
              g_strfreev (pieces);
              pieces = g_steal_pointer (&tight);
              n = n_tight;
            }
        }
    }

  if (n > 3)
    return 0;
  for (guint i = 0; i < n; i++)
    parts[i] = vigia_text_strip (pieces[i]);
  return n;
}

/* Each level of @place names its part, from the district up. */
static void
name_from_place (const VigiaUbigeoPlace *place,
                 VigiaPlaceName         *name)
{
  const VigiaUbigeoPlace *level = place;
  char **slot;

  name->place = place;
  slot = strlen (place->code) == 6 ? &name->district :
         strlen (place->code) == 4 ? &name->province : &name->department;
  while (level != NULL)
    {
      *slot = g_strdup (level->name);
      level = vigia_ubigeo_parent (level);
      slot = slot == &name->district ? &name->province : &name->department;
    }
}

/**
 * vigia_place_name_parse:
 * @text: "PUNO", "LIMA - LIMA - INDEPENDENCIA", an INEI code ("21", "1501",
 *   "150112") or a RENIEC code as the JNE writes it, marked so that it is
 *   never taken for an INEI one ("jne:140140")
 * @name: (out caller-allocates): the parts, to clear with
 *   vigia_place_name_clear()
 *
 * Returns: %FALSE if @text is blank, an unknown code, or more than three
 *   parts; %TRUE otherwise, with @name->place %NULL when the names are not
 *   those of a place in the table
 */
gboolean
vigia_place_name_parse (const char     *text,
                        VigiaPlaceName *name)
{
  g_autofree char *stripped = NULL;
  char *parts[3] = { NULL, NULL, NULL };
  guint n;

  g_return_val_if_fail (name != NULL, FALSE);

  memset (name, 0, sizeof *name);
  if (vigia_str_empty (text))
    return FALSE;
  stripped = vigia_text_strip (text);

  if (g_ascii_strncasecmp (stripped, VIGIA_UBIGEO_RENIEC_PREFIX, strlen (VIGIA_UBIGEO_RENIEC_PREFIX)) == 0)
    {
      g_autofree char *code = vigia_text_strip (stripped + strlen (VIGIA_UBIGEO_RENIEC_PREFIX));
      const VigiaUbigeoPlace *place = is_place_code (code) ? vigia_ubigeo_find_reniec (code) : NULL;

      if (place == NULL)
        return FALSE;
      name_from_place (place, name);
      return TRUE;
    }

  if (is_place_code (stripped))
    {
      const VigiaUbigeoPlace *place = vigia_ubigeo_find (stripped);

      if (place == NULL)
        return FALSE;
      name_from_place (place, name);
      return TRUE;
    }

  n = split_place (stripped, parts);
  if (n == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (vigia_str_empty (parts[i]))
      {
        for (guint j = 0; j < n; j++)
          g_free (parts[j]);
        return FALSE;
      }

  name->department = parts[0];
  name->province = parts[1];
  name->district = parts[2];
  name->place = vigia_ubigeo_match (name->department, name->province, name->district);
  if (name->place != NULL && strlen (name->place->code) != 2 * n)
    name->place = NULL;
  return TRUE;
}

void
vigia_place_name_clear (VigiaPlaceName *name)
{
  g_return_if_fail (name != NULL);

  g_clear_pointer (&name->department, g_free);
  g_clear_pointer (&name->province, g_free);
  g_clear_pointer (&name->district, g_free);
  name->place = NULL;
}
