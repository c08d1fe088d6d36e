/* vigia-ubigeo.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The INEI 2025 table (data/ubigeo/, see its SOURCE.md) lists districts only;
 * provinces and departments are the first four and two digits of their
 * codes, their population the sum of their districts'.  Read once from the
 * core's GResource and kept for the life of the process.
 */
#define G_LOG_DOMAIN "vigia-ubigeo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vigia-resources.h"
#include "vigia-ubigeo.h"
#include "vigia-utils.h"

#define UBIGEO_RESOURCE VIGIA_CORE_RESOURCE_PATH "/ubigeo/ubigeo_inei_2025.csv"

typedef struct
{
  /* VigiaUbigeoPlace, sorted by code: each department before its
   * provinces, each province before its districts. */
  GArray       *places;
  /* code → index in places */
  GHashTable   *by_code;
  /* "parent code|folded name" → index in places ("|lima" for a department) */
  GHashTable   *by_name;
  GStringChunk *strings;
} Table;

/* A name given by the rows of one province or department, with how many
 * rows gave it. */
typedef struct
{
  char  *name;
  guint  votes;
} NameVote;

static Table table;

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const VigiaUbigeoPlace *) a)->code, ((const VigiaUbigeoPlace *) b)->code);
}

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

/* A row's name for its province or department counts as one vote.  The
 * source has one known error, row 061306 naming its province "Ninabamba"
 * instead of Santa Cruz (0613): the name most rows give wins, so that one
 * row cannot rename a province. */
static void
vote (GHashTable *names,
      const char *code,
      const char *name)
{
  GPtrArray *votes = g_hash_table_lookup (names, code);
  NameVote *entry;

  if (votes == NULL)
    {
      votes = g_ptr_array_new ();
      g_hash_table_insert (names, g_strdup (code), votes);
    }
  for (guint i = 0; i < votes->len; i++)
    {
      entry = g_ptr_array_index (votes, i);
      if (strcmp (entry->name, name) == 0)
        {
          entry->votes++;
          return;
        }
    }
  entry = g_new0 (NameVote, 1);
  entry->name = g_strdup (name);
  entry->votes = 1;
  g_ptr_array_add (votes, entry);
}

static void
free_votes (gpointer data)
{
  GPtrArray *votes = data;

  for (guint i = 0; i < votes->len; i++)
    {
      NameVote *entry = g_ptr_array_index (votes, i);

      g_free (entry->name);
      g_free (entry);
    }
  g_ptr_array_free (votes, TRUE);
}

static const char *
winner (GPtrArray *votes)
{
  const char *name = "";
  guint most = 0;

  for (guint i = 0; i < votes->len; i++)
    {
      NameVote *entry = g_ptr_array_index (votes, i);

      if (entry->votes > most)
        {
          most = entry->votes;
          name = entry->name;
        }
    }
  return name;
}

static void
add_place (GHashTable *populations,
           const char *code,
           guint       population)
{
  guint total = GPOINTER_TO_UINT (g_hash_table_lookup (populations, code));

  g_hash_table_insert (populations, g_strdup (code), GUINT_TO_POINTER (total + population));
}

static void
load_table (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) populations = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *start;
  gsize size;

  vigia_core_ensure_resources ();
  bytes = g_resources_lookup_data (UBIGEO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* Compiled into the library: missing, it is a broken build, not bad input. */
  if (bytes == NULL)
    g_error ("The UBIGEO table is missing from the build: %s", error->message);

  start = g_bytes_get_data (bytes, &size);
  if (size >= 3 && memcmp (start, "\xEF\xBB\xBF", 3) == 0)
    {
      start += 3;
      size -= 3;
    }
  text = g_strndup (start, size);
  lines = g_strsplit (text, "\n", -1);

  table.places = g_array_new (FALSE, TRUE, sizeof (VigiaUbigeoPlace));
  table.by_code = g_hash_table_new (g_str_hash, g_str_equal);
  table.by_name = g_hash_table_new (g_str_hash, g_str_equal);
  table.strings = g_string_chunk_new (64 * 1024);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_votes);
  populations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* departamento;provincia;distrito;ubigeo;capital_legal;categoría;altitud;población;… */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      char department[3], province[5];
      VigiaUbigeoPlace place;
      guint population;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], ";", -1);
      if (g_strv_length (fields) < 8 || !is_code (fields[3], 6))
        g_error ("The UBIGEO table has a bad row %u: %s", i + 1, lines[i]);

      population = (guint) strtoul (fields[7], NULL, 10);
      memcpy (department, fields[3], 2);
      department[2] = '\0';
      memcpy (province, fields[3], 4);
      province[4] = '\0';

      vote (names, department, fields[0]);
      vote (names, province, fields[1]);
      add_place (populations, department, population);
      add_place (populations, province, population);

      place.code = g_string_chunk_insert_const (table.strings, fields[3]);
      place.name = g_string_chunk_insert_const (table.strings, fields[2]);
      place.population = population;
      g_array_append_val (table.places, place);
    }

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VigiaUbigeoPlace place;

      place.code = g_string_chunk_insert_const (table.strings, key);
      place.name = g_string_chunk_insert_const (table.strings, winner (value));
      place.population = GPOINTER_TO_UINT (g_hash_table_lookup (populations, key));
      g_array_append_val (table.places, place);
    }

  g_array_sort (table.places, compare_places);

  for (guint i = 0; i < table.places->len; i++)
    {
      VigiaUbigeoPlace *place = &g_array_index (table.places, VigiaUbigeoPlace, i);
      g_autofree char *folded = vigia_text_fold (place->name);
      g_autofree char *name_key = NULL;
      gsize parent_length = strlen (place->code) - 2;

      name_key = g_strdup_printf ("%.*s|%s", (int) parent_length, place->code, folded);
      g_hash_table_insert (table.by_code, (gpointer) place->code, GUINT_TO_POINTER (i + 1));
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

/**
 * vigia_place_name_parse:
 * @text: "PUNO", "LIMA - LIMA - INDEPENDENCIA", or a UBIGEO code ("21",
 *   "1501", "150112")
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

  if (is_code (stripped, 2) || is_code (stripped, 4) || is_code (stripped, 6))
    {
      const VigiaUbigeoPlace *place = vigia_ubigeo_find (stripped);
      const VigiaUbigeoPlace *level = place;
      char **slot;

      if (place == NULL)
        return FALSE;
      name->place = place;
      /* Each level names its part, from the district up. */
      slot = strlen (place->code) == 6 ? &name->district :
             strlen (place->code) == 4 ? &name->province : &name->department;
      while (level != NULL)
        {
          *slot = g_strdup (level->name);
          level = vigia_ubigeo_parent (level);
          slot = slot == &name->district ? &name->province : &name->department;
        }
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
