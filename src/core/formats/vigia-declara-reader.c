/* vigia-declara-reader.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary exported from DECLARA (docs/domain.md, "The DECLARA summary"): sections I and II are the
 * JNE's fixed text; III the ideario, IV the vision, V one tab-separated
 * table per dimension (Nº, problem, objective, indicator, meta) whose meta
 * header carries the term, VI how the authority will report; and a footer
 * with the organization, the election type and the place.  The reader goes
 * line by line, keeps the line of everything it may have to complain about,
 * and only hands a plan back when the whole file made sense.
 */
#define G_LOG_DOMAIN "vigia-declara-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "vigia-declara-reader.h"
#include "vigia-file-type.h"
#include "vigia-parse.h"
#include "vigia-ubigeo.h"
#include "vigia-utils.h"

#define N_CELLS 5
#define BULLET "•"

typedef enum {
  SECTION_NONE,
  SECTION_FIXED,
  SECTION_IDEARIO,
  SECTION_VISION,
  SECTION_PROPOSALS,
  SECTION_ACCOUNTABILITY,
} Section;

typedef struct
{
  const char      *name;
  VigiaPlan       *plan;
  Section          section;
  guint            n_sections;

  /* Paragraphs of the free-text sections, and the one being read. */
  GPtrArray       *ideario;
  GPtrArray       *vision;
  GPtrArray       *accountability;
  GString         *paragraph;

  VigiaDimension  *dimension;
  GString         *row;
  guint            row_line;
  guint            n_rows;

  int              term_start;
  int              term_end;
  guint            term_line;

  char            *organization;
  char            *election;
  guint            election_line;
  char            *place;
  guint            place_line;
  guint            proposals_line;
  guint            accountability_line;
  guint            last_line;
  /* Index of the last line that is not blank. */
  guint            last_content;
} Parser;

/* Paragraphs that are the JNE's instructions, the same in every summary:
 * not the plan's own words (folded, as they start). */
static const char * const fixed_paragraphs[] = {
  "informacion que consta en el",
  "es el conjunto de ideas generales",
  "en la primera columna se resumen",
  "la entidad territorial por cada una de las dimensiones",
  NULL
};

/* Headings, footers and the JNE's fixed paragraphs are known by how they
 * start: folding the start of a line is enough, and long lines stay cheap. */
#define FOLD_PREFIX 120

static char *
fold_start (const char *text)
{
  const char *end = text;

  while (*end != '\0' && end - text < FOLD_PREFIX)
    end = g_utf8_next_char (end);
  {
    g_autofree char *start = g_strndup (text, end - text);

    return vigia_text_fold (start);
  }
}

static void
parser_clear (Parser *p)
{
  g_clear_object (&p->plan);
  g_clear_pointer (&p->ideario, g_ptr_array_unref);
  g_clear_pointer (&p->vision, g_ptr_array_unref);
  g_clear_pointer (&p->accountability, g_ptr_array_unref);
  if (p->paragraph != NULL)
    g_string_free (g_steal_pointer (&p->paragraph), TRUE);
  if (p->row != NULL)
    g_string_free (g_steal_pointer (&p->row), TRUE);
  g_clear_pointer (&p->organization, g_free);
  g_clear_pointer (&p->election, g_free);
  g_clear_pointer (&p->place, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

static GPtrArray *
section_paragraphs (Parser *p)
{
  switch (p->section)
    {
    case SECTION_IDEARIO:        return p->ideario;
    case SECTION_VISION:         return p->vision;
    case SECTION_ACCOUNTABILITY: return p->accountability;
    case SECTION_NONE:
    case SECTION_FIXED:
    case SECTION_PROPOSALS:
    default:                     return NULL;
    }
}

static void
flush_paragraph (Parser *p)
{
  GPtrArray *paragraphs = section_paragraphs (p);
  g_autofree char *folded = NULL;

  if (p->paragraph->len == 0)
    return;

  folded = fold_start (p->paragraph->str);
  if (paragraphs != NULL)
    {
      gboolean fixed = FALSE;

      for (guint i = 0; fixed_paragraphs[i] != NULL; i++)
        fixed = fixed || g_str_has_prefix (folded, fixed_paragraphs[i]);
      if (!fixed)
        g_ptr_array_add (paragraphs, g_strdup (p->paragraph->str));
    }
  g_string_truncate (p->paragraph, 0);
}

/* Splits "… Partido Peruano. Objetivos:" into the sentence and the label
 * that introduces the list after it. */
static void
append_with_label (GString    *out,
                   const char *text)
{
  gsize len = strlen (text);
  const char *cut = NULL;

  if (len > 1 && text[len - 1] == ':')
    {
      for (const char *s = strstr (text, ". "); s != NULL; s = strstr (s + 1, ". "))
        cut = s;
    }

  if (out->len > 0)
    g_string_append_c (out, '\n');
  if (cut != NULL && strlen (cut + 2) < 40)
    {
      g_string_append_len (out, text, cut + 1 - text);
      g_string_append_c (out, '\n');
      g_string_append (out, cut + 2);
    }
  else
    g_string_append (out, text);
}

/* DECLARA turns list bullets into "¿": "Objetivos: ¿ Asegurar … ¿ Contribuir
 * …".  A "¿" followed by a blank and never closed by a "?" is such a
 * bullet; each becomes a list item of its own line. */
static char *
restore_bullets (const char *paragraph)
{
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *piece = paragraph;
  const char *p = paragraph;

  while ((p = strstr (p, "¿")) != NULL)
    {
      const char *after = p + strlen ("¿");
      const char *next = strstr (after, "¿");
      const char *question = strchr (after, '?');

      if (*after != ' ' || (question != NULL && (next == NULL || question < next)))
        {
          p = after;
          continue;
        }
      g_ptr_array_add (pieces, g_strndup (piece, p - piece));
      piece = after;
      p = after;
    }
  g_ptr_array_add (pieces, g_strdup (piece));

  if (pieces->len == 1)
    {
      g_string_free (out, TRUE);
      return g_strdup (paragraph);
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      g_autofree char *text = vigia_text_strip (g_ptr_array_index (pieces, i));
      gsize len = strlen (text);

      if (len == 0)
        continue;
      if (i == 0)
        {
          append_with_label (out, text);
          continue;
        }

      /* An item that ends with the label of the next list: "… Políticos.
       * Valores:". */
      g_string_append (out, out->len > 0 ? "\n" BULLET " " : BULLET " ");
      if (text[len - 1] == ':' && strstr (text, ". ") != NULL)
        {
          GString *item = g_string_new (NULL);

          append_with_label (item, text);
          g_string_append (out, item->str);
          g_string_free (item, TRUE);
        }
      else
        g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

static char *
join_paragraphs (GPtrArray *paragraphs,
                 gboolean   bullets)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (paragraphs, i);
      g_autofree char *fixed = bullets ? restore_bullets (text) : g_strdup (text);

      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, fixed);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The roman numeral of a section heading ("V. PRINCIPALES PROPUESTAS"), or
 * 0 if @folded is not one. */
static guint
section_number (const char *folded)
{
  static const char * const numerals[] = { "i", "ii", "iii", "iv", "v", "vi", "vii", "viii" };
  gsize n = strspn (folded, "ivx");

  if (n == 0 || folded[n] != '.' || folded[n + 1] != ' ' || !g_ascii_isalpha (folded[n + 2]))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (strlen (numerals[i]) == n && strncmp (folded, numerals[i], n) == 0)
      return i + 1;
  return 0;
}

/* "1. DIMENSIÓN SOCIAL", "DIMENSIÓN ECONÓMICA", "5. PROPUESTAS ADICIONALES":
 * returns where the title starts in @line, or NULL. */
static const char *
dimension_heading (const char *line,
                   const char *folded)
{
  const char *title = line;
  const char *f = folded;

  if (g_ascii_isdigit (*f))
    {
      gsize n = strspn (f, "0123456789");

      f += n;
      title += n;
      if (*f == '.' || *f == ')')
        {
          f++;
          title++;
        }
      while (*f == ' ')
        {
          f++;
          title++;
        }
    }

  if (!g_str_has_prefix (f, "dimension") && !g_str_has_prefix (f, "propuestas adicionales"))
    return NULL;
  /* Folding keeps the prefix of digits, dots and blanks byte for byte. */
  return title;
}

static gboolean
is_row_start (const char *line)
{
  const char *p = line;

  while (*p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  p += strspn (p, "0123456789");
  while (*p == ' ')
    p++;
  return *p == '\t';
}

/* Finds "(2023-2026)" or "2027 – 2030" in a table header. */
static gboolean
find_term (const char *text,
           int        *start,
           int        *end)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *q;
      char *tail;
      long a, b;

      if (!g_ascii_isdigit (*p) || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      a = strtol (p, &tail, 10);
      if (tail - p != 4)
        continue;
      q = tail;
      while (*q == ' ')
        q++;
      if (*q == '-')
        q++;
      else if (g_str_has_prefix (q, "–") || g_str_has_prefix (q, "—"))
        q += strlen ("–");
      else
        continue;
      while (*q == ' ')
        q++;
      if (!g_ascii_isdigit (*q))
        continue;
      b = strtol (q, &tail, 10);
      if (tail - q != 4 || g_ascii_isdigit (*tail))
        continue;
      *start = (int) a;
      *end = (int) b;
      return TRUE;
    }
  return FALSE;
}

static char *
cell_text (const char *cell)
{
  char *text = vigia_text_strip (cell);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
flush_row (Parser   *p,
           gboolean  at_end,
           GError  **error)
{
  g_auto(GStrv) cells = NULL;
  g_autofree char *number = NULL;
  char *texts[4] = { NULL, };
  gboolean ok = FALSE;
  guint n;

  if (p->row->len == 0)
    return TRUE;

  cells = g_strsplit (p->row->str, "\t", -1);
  g_string_truncate (p->row, 0);
  n = g_strv_length (cells);
  /* Tabs left at the end of a row are blanks, not cells. */
  while (n > N_CELLS && vigia_str_empty (cells[n - 1]))
    {
      g_free (cells[n - 1]);
      cells[--n] = NULL;
    }

  if (n < N_CELLS && at_end)
    {
      vigia_set_parse_error (error, p->name, p->row_line,
                             _("the file ends in the middle of a proposal (%u of 5 cells): "
                               "it seems cut short"), n);
      return FALSE;
    }
  if (n != N_CELLS)
    {
      vigia_set_parse_error (error, p->name, p->row_line,
                             _("the row has %u cells, but a proposal has 5 separated by tabs "
                               "(Nº, problem, objective, indicator, meta)"), n);
      return FALSE;
    }

  number = vigia_text_strip (cells[0]);
  for (guint i = 0; i < 4; i++)
    texts[i] = cell_text (cells[i + 1]);
  if (texts[0] == NULL && texts[1] == NULL && texts[2] == NULL && texts[3] == NULL)
    {
      vigia_set_parse_error (error, p->name, p->row_line,
                             _("proposal %s has no text in any of its cells"), number);
      goto out;
    }

  vigia_dimension_add_row (p->dimension, (const char * const *) texts);
  p->n_rows++;
  ok = TRUE;

out:
  for (guint i = 0; i < 4; i++)
    g_free (texts[i]);
  return ok;
}

static gboolean
read_footer_line (Parser     *p,
                  const char *stripped,
                  const char *folded,
                  guint       line)
{
  static const struct {
    const char *prefix;
    gsize       offset;
  } fields[] = {
    { "organizacion politica:", G_STRUCT_OFFSET (Parser, organization) },
    { "tipo eleccion:", G_STRUCT_OFFSET (Parser, election) },
    { "tipo de eleccion:", G_STRUCT_OFFSET (Parser, election) },
    { "lugar:", G_STRUCT_OFFSET (Parser, place) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char **slot = G_STRUCT_MEMBER_P (p, fields[i].offset);
      const char *value;

      if (!g_str_has_prefix (folded, fields[i].prefix))
        continue;
      value = strchr (stripped, ':') + 1;
      g_free (*slot);
      *slot = vigia_text_strip (value);
      if (slot == &p->election)
        p->election_line = line;
      else if (slot == &p->place)
        p->place_line = line;
      return TRUE;
    }

  return g_str_has_prefix (folded, "generado por sistema declara");
}

static gboolean
read_election (Parser         *p,
               VigiaElection  *election,
               GError        **error)
{
  if (vigia_election_parse (p->election, election))
    return TRUE;
  vigia_set_parse_error (error, p->name, p->election_line,
                         _("unknown election type “%s” (expected MUNICIPAL DISTRITAL, "
                           "MUNICIPAL PROVINCIAL, REGIONAL or PRESIDENCIAL)"), p->election);
  return FALSE;
}

static gboolean
finish_plan (Parser  *p,
             GError **error)
{
  VigiaElection election = VIGIA_ELECTION_MUNICIPAL_DISTRICT;
  VigiaPlaceName place = { NULL, };
  g_autofree char *ideario = NULL;
  g_autofree char *vision = NULL;
  g_autofree char *accountability = NULL;
  guint n_parts = 0;

  if (p->proposals_line == 0)
    {
      if (p->n_sections == 0)
        vigia_set_parse_error (error, p->name, p->last_line,
                               _("not a plan summary: none of its sections (I. FINALIDAD … "
                                 "VI. MECANISMO PARA EL CONTROL CIUDADANO) is there"));
      else
        vigia_set_parse_error (error, p->name, p->last_line,
                               _("the file ends before section V (the proposals): "
                                 "it seems cut short"));
      return FALSE;
    }
  if (p->accountability_line == 0)
    {
      vigia_set_parse_error (error, p->name, p->last_line,
                             _("the file ends in section V, before section VI and the footer "
                               "that names the organization: it seems cut short"));
      return FALSE;
    }
  if (p->n_rows == 0)
    {
      vigia_set_parse_error (error, p->name, p->proposals_line,
                             _("the summary has no proposals: the tables of section V have no rows"));
      return FALSE;
    }
  if (vigia_str_empty (p->organization))
    {
      vigia_set_parse_error (error, p->name, p->last_line,
                             _("the file ends without the footer line “Organización Política:”: "
                               "it seems cut short"));
      return FALSE;
    }

  if (!vigia_str_empty (p->place))
    {
      if (!vigia_place_name_parse (p->place, &place))
        {
          vigia_set_parse_error (error, p->name, p->place_line,
                                 _("the place “%s” is not DEPARTMENT - PROVINCE - DISTRICT"),
                                 p->place);
          return FALSE;
        }
      n_parts = place.district != NULL ? 3 : place.province != NULL ? 2 : 1;
    }

  if (p->election != NULL)
    {
      if (!read_election (p, &election, error))
        {
          vigia_place_name_clear (&place);
          return FALSE;
        }
    }
  else if (n_parts > 0)
    {
      /* The footer always names it; an older export without it still says
       * as much through the place. */
      election = n_parts == 3 ? VIGIA_ELECTION_MUNICIPAL_DISTRICT :
                 n_parts == 2 ? VIGIA_ELECTION_MUNICIPAL_PROVINCE : VIGIA_ELECTION_REGIONAL;
    }
  else
    {
      vigia_set_parse_error (error, p->name, p->last_line,
                             _("the footer names neither the election type (“Tipo Elección:”) "
                               "nor the place (“Lugar:”)"));
      return FALSE;
    }

  vigia_plan_set_organization (p->plan, p->organization);
  vigia_plan_set_election (p->plan, election);
  vigia_plan_set_department (p->plan, place.department);
  vigia_plan_set_province (p->plan, place.province);
  vigia_plan_set_district (p->plan, place.district);
  vigia_plan_set_ubigeo (p->plan, place.place != NULL ? place.place->code : NULL);
  vigia_place_name_clear (&place);

  if (p->term_start > 0)
    {
      vigia_plan_set_term_start (p->plan, p->term_start);
      vigia_plan_set_term_end (p->plan, p->term_end);
    }

  ideario = join_paragraphs (p->ideario, TRUE);
  vision = join_paragraphs (p->vision, FALSE);
  accountability = join_paragraphs (p->accountability, FALSE);
  vigia_plan_set_ideario (p->plan, ideario);
  vigia_plan_set_vision (p->plan, vision);
  vigia_plan_set_accountability (p->plan, accountability);
  vigia_plan_set_source_format (p->plan, vigia_file_type_to_nick (VIGIA_FILE_TYPE_DECLARA_TEXT));

  return TRUE;
}

static gboolean
read_table_header (Parser      *p,
                   const char  *line,
                   guint        line_number,
                   GError     **error)
{
  int start = 0, end = 0;

  if (!find_term (line, &start, &end))
    return TRUE;

  if (start < 1900 || end > 2200 || end < start)
    {
      vigia_set_parse_error (error, p->name, line_number,
                             _("the term %d–%d of the meta header is not a term of government"),
                             start, end);
      return FALSE;
    }
  if (p->term_start > 0 && (p->term_start != start || p->term_end != end))
    {
      vigia_set_parse_error (error, p->name, line_number,
                             _("this table's term %d–%d differs from the %d–%d of the table on line %u"),
                             start, end, p->term_start, p->term_end, p->term_line);
      return FALSE;
    }
  if (p->term_start == 0)
    p->term_line = line_number;
  p->term_start = start;
  p->term_end = end;
  return TRUE;
}

static gboolean
read_proposals_line (Parser      *p,
                     char       **lines,
                     guint        index,
                     const char  *stripped,
                     const char  *folded,
                     GError     **error)
{
  const char *line = lines[index];
  guint line_number = index + 1;
  const char *title;

  /* @stripped and @folded may be NULL for a row start, which needs neither. */

  if (strchr (line, '\t') == NULL && (title = dimension_heading (stripped, folded)) != NULL)
    {
      g_autoptr(VigiaDimension) dim = NULL;
      g_autofree char *clean = vigia_text_strip (title);

      if (!flush_row (p, FALSE, error))
        return FALSE;
      dim = vigia_dimension_new (vigia_dimension_kind_from_title (clean), clean);
      vigia_plan_append_dimension (p->plan, dim);
      p->dimension = dim;
      return TRUE;
    }

  if (strchr (line, '\t') != NULL && !is_row_start (line) && strstr (folded, "problema") != NULL)
    {
      if (!flush_row (p, FALSE, error))
        return FALSE;
      return read_table_header (p, line, line_number, error);
    }

  if (is_row_start (line))
    {
      if (!flush_row (p, FALSE, error))
        return FALSE;
      if (p->dimension == NULL)
        {
          vigia_set_parse_error (error, p->name, line_number,
                                 _("a proposal before any dimension heading (“1. DIMENSIÓN SOCIAL”)"));
          return FALSE;
        }
      g_string_append (p->row, line);
      p->row_line = line_number;
      if (index >= p->last_content)
        return flush_row (p, TRUE, error);
      return TRUE;
    }

  /* A cell that wrapped onto the next line. */
  if (p->row->len > 0)
    {
      g_string_append_c (p->row, ' ');
      g_string_append (p->row, line);
      if (index >= p->last_content)
        return flush_row (p, TRUE, error);
    }

  /* Otherwise the JNE's explanation of the tables. */
  return TRUE;
}

static char *
normalize_lines (const char   *text,
                 GStrv        *lines_out)
{
  g_auto(GStrv) lines = NULL;
  GString *normal = g_string_new (NULL);
  guint n;

  lines = vigia_str_split_lines (text);
  n = g_strv_length (lines);
  for (guint i = 0; i < n; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);

      /* Trailing blanks go, tabs stay: an empty last cell is a tab. */
      while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\v' || line[len - 1] == '\f'))
        line[--len] = '\0';
      while (len >= 2 && (guchar) line[len - 2] == 0xC2 && (guchar) line[len - 1] == 0xA0)
        {
          len -= 2;
          line[len] = '\0';
        }
    }
  while (n > 0 && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[--n] = NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i] + strspn (lines[i], " \t");

      /* The export's stamp may carry the time of export: the same summary
       * exported twice is still the same summary. */
      if (g_ascii_strncasecmp (line, "Generado por sistema DECLARA", 28) == 0)
        continue;
      g_string_append (normal, lines[i]);
      g_string_append_c (normal, '\n');
    }

  *lines_out = g_steal_pointer (&lines);
  return g_string_free (normal, FALSE);
}

/**
 * vigia_declara_read:
 * @data: the file's bytes, in any of the encodings vigia_file_type_decode_text() reads
 * @name: the file as the user knows it, for errors
 *
 * Reads a DECLARA plan summary.  The plan's goals have their targets read
 * (vigia_target_update_reading()); its source digest is the SHA-256 of the text
 * with line ends, encoding and trailing blanks made uniform, so that the same
 * summary saved differently is recognised.
 *
 * Returns: (transfer full): the plan, or %NULL with a %VIGIA_ERROR_PARSE
 *   error "FILE: line N: reason"
 */
VigiaPlan *
vigia_declara_read (const guint8  *data,
                    gsize          length,
                    const char    *name,
                    GError       **error)
{
  g_auto(Parser) p = { NULL, };
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *digest = NULL;
  g_auto(GStrv) lines = NULL;
  guint bad_line = 0;
  guint8 bad_byte = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (vigia_file_type_find_bad_utf8 (data, length, &bad_line, &bad_byte))
    {
      vigia_set_parse_error (error, name, bad_line,
                             _("the byte 0x%02X is not UTF-8, though the rest of the file is: "
                               "the file is damaged, or was saved in two encodings"), bad_byte);
      return NULL;
    }

  text = vigia_file_type_decode_text (data, length, NULL);
  if (text == NULL)
    {
      vigia_set_parse_error (error, name, 0, _("binary data, not the text of a plan summary"));
      return NULL;
    }

  normal = normalize_lines (text, &lines);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, normal, -1);

  p.name = name;
  p.plan = vigia_plan_new ();
  p.ideario = g_ptr_array_new_with_free_func (g_free);
  p.vision = g_ptr_array_new_with_free_func (g_free);
  p.accountability = g_ptr_array_new_with_free_func (g_free);
  p.paragraph = g_string_new (NULL);
  p.row = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!vigia_str_empty (lines[i]))
      p.last_content = i;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *stripped = NULL;
      g_autofree char *folded = NULL;
      guint number;

      p.last_line = i + 1;
      if (vigia_str_empty (lines[i]))
        {
          flush_paragraph (&p);
          continue;
        }

      /* A row of a proposals table (a number, then a tab) is neither a
       * heading nor a footer: its cells are cleaned one by one later. */
      if (p.section == SECTION_PROPOSALS && is_row_start (lines[i]))
        {
          if (!read_proposals_line (&p, lines, i, NULL, NULL, error))
            return NULL;
          continue;
        }

      stripped = vigia_text_strip (lines[i]);
      folded = fold_start (stripped);

      if (read_footer_line (&p, stripped, folded, i + 1))
        {
          if (!flush_row (&p, FALSE, error))
            return NULL;
          flush_paragraph (&p);
          continue;
        }

      if ((number = section_number (folded)) != 0)
        {
          if (!flush_row (&p, FALSE, error))
            return NULL;
          flush_paragraph (&p);
          p.n_sections++;
          switch (number)
            {
            case 3: p.section = SECTION_IDEARIO; break;
            case 4: p.section = SECTION_VISION; break;
            case 5:
              p.section = SECTION_PROPOSALS;
              p.proposals_line = i + 1;
              break;
            case 6:
              p.section = SECTION_ACCOUNTABILITY;
              p.accountability_line = i + 1;
              break;
            default: p.section = SECTION_FIXED; break;
            }
          continue;
        }

      if (g_str_has_prefix (folded, "resumen del plan de gobierno"))
        continue;

      if (p.section == SECTION_PROPOSALS)
        {
          if (!read_proposals_line (&p, lines, i, stripped, folded, error))
            return NULL;
          continue;
        }

      if (p.paragraph->len > 0)
        g_string_append_c (p.paragraph, '\n');
      g_string_append (p.paragraph, stripped);
    }

  if (!flush_row (&p, TRUE, error))
    return NULL;
  flush_paragraph (&p);

  if (!finish_plan (&p, error))
    return NULL;

  vigia_plan_set_source_digest (p.plan, digest);
  return g_steal_pointer (&p.plan);
}
