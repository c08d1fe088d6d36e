/* vigia-declara-writer.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a plan in the layout of the summary that DECLARA exports (docs/domain.md, "The DECLARA summary";
 * the sample in data/samples): numbered sections, one tab-separated table
 * per dimension whose META header carries the term, and the footer that
 * names the organization, the election type and the place.  The headings
 * and labels are the JNE's own, in Spanish whatever the user's language:
 * they are the format, and vigia_declara_read() finds its way by them.
 *
 * Sections I and II hold the JNE's instructions, which differ from one
 * election to the next and are not part of the plan: Vigía keeps only their
 * headings, with a line that says so.  Nothing is added after the footer,
 * since a reader takes any paragraph there for section VI.
 *
 * What the layout cannot carry is lost on the way back: the reading of the
 * targets (a reader reads them again from their text), baselines, weights,
 * progress; cells are written on one line with runs of blanks made one.
 */
#define G_LOG_DOMAIN "vigia-declara-writer"

#include "config.h"

#include <string.h>

#include "vigia-declara-writer.h"
#include "vigia-utils.h"

#define FIXED_NOTE "(Texto del Jurado Nacional de Elecciones, igual en todos los resúmenes de la elección; no forma parte del plan.)"

/* The election type as the JNE writes it in the footer. */
static const char *
election_name (VigiaElection election)
{
  switch (election)
    {
    case VIGIA_ELECTION_MUNICIPAL_PROVINCE: return "MUNICIPAL PROVINCIAL";
    case VIGIA_ELECTION_REGIONAL:           return "REGIONAL";
    case VIGIA_ELECTION_GENERAL:            return "PRESIDENCIAL";
    case VIGIA_ELECTION_MUNICIPAL_DISTRICT:
    default:                                return "MUNICIPAL DISTRITAL";
    }
}

/* Free text with its lines as written, without trailing blanks, and at most
 * one blank line between paragraphs: a blank line is what parts them. */
static void
append_free_text (GString    *out,
                  const char *text)
{
  g_auto(GStrv) lines = NULL;
  gboolean blank = FALSE;
  gboolean started = FALSE;

  if (vigia_str_empty (text))
    return;

  lines = g_regex_split_simple ("\r\n|\r|\n", text, 0, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = vigia_text_strip (lines[i]);

      if (*line == '\0')
        {
          blank = started;
          continue;
        }
      if (blank)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
      g_string_append_c (out, '\n');
      blank = FALSE;
      started = TRUE;
    }
  g_string_append_c (out, '\n');
}

/* A table cell: one line, no tabs. */
static void
append_cell (GString    *out,
             const char *text)
{
  g_autofree char *cell = vigia_text_strip (text);

  g_string_append_c (out, '\t');
  if (cell != NULL)
    g_string_append (out, cell);
}

/* "DIMENSIÓN SOCIAL" as written; a title a reader would not know for a
 * dimension's gets the word it looks for. */
static char *
dimension_title (VigiaDimension *dim)
{
  g_autofree char *title = vigia_text_strip (vigia_dimension_get_title (dim));
  g_autofree char *folded = vigia_text_fold (title);

  if (g_str_has_prefix (folded, "dimension") || g_str_has_prefix (folded, "propuestas adicionales"))
    return g_steal_pointer (&title);
  if (title != NULL && *title != '\0')
    return g_strconcat ("DIMENSIÓN ", title, NULL);

  switch (vigia_dimension_get_kind (dim))
    {
    case VIGIA_DIMENSION_KIND_SOCIAL:        return g_strdup ("DIMENSIÓN SOCIAL");
    case VIGIA_DIMENSION_KIND_ECONOMIC:      return g_strdup ("DIMENSIÓN ECONÓMICA");
    case VIGIA_DIMENSION_KIND_ENVIRONMENTAL: return g_strdup ("DIMENSIÓN AMBIENTAL");
    case VIGIA_DIMENSION_KIND_INSTITUTIONAL: return g_strdup ("DIMENSIÓN INSTITUCIONAL");
    case VIGIA_DIMENSION_KIND_OTHER:
    default:                                 return g_strdup ("PROPUESTAS ADICIONALES");
    }
}

static void
append_dimension (GString        *out,
                  VigiaPlan      *plan,
                  VigiaDimension *dim,
                  guint           position)
{
  g_autofree char *title = dimension_title (dim);
  guint n_goals = vigia_dimension_get_n_goals (dim);

  g_string_append_printf (out, "%u. %s\n\n", position + 1, title);
  g_string_append (out, "Nº\tPROBLEMA IDENTIFICADO (PREVIO DIAGNÓSTICO)\tOBJETIVO ESTRATÉGICO\tINDICADOR\tMETA");
  if (vigia_plan_has_term (plan))
    g_string_append_printf (out, " (%d-%d)", vigia_plan_get_term_start (plan), vigia_plan_get_term_end (plan));
  g_string_append_c (out, '\n');

  for (guint j = 0; j < n_goals; j++)
    {
      VigiaGoal *goal = vigia_dimension_get_goal (dim, j);

      g_string_append_printf (out, "%u", vigia_goal_get_number (goal));
      append_cell (out, vigia_goal_get_problem (goal));
      append_cell (out, vigia_goal_get_objective (goal));
      append_cell (out, vigia_goal_get_indicator (goal));
      append_cell (out, vigia_goal_get_target_text (goal));
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/**
 * vigia_declara_write_to_string:
 *
 * Returns: (transfer full): the plan as the text of a JNE plan summary,
 *   UTF-8 with line feeds
 */
char *
vigia_declara_write_to_string (VigiaPlan *plan)
{
  GString *out;
  guint n_dims;
  const char *parts[3];
  guint n_parts = 0;
  g_autofree char *organization = NULL;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);

  out = g_string_new ("\n\nRESUMEN DEL PLAN DE GOBIERNO\n\n");

  g_string_append (out, "I. FINALIDAD\n\n" FIXED_NOTE "\n\n");
  g_string_append (out, "II. PAUTAS Y LINEAMIENTOS GENERALES\n\n" FIXED_NOTE "\n\n");

  g_string_append (out, "III. IDEARIO: PRINCIPIOS, OBJETIVOS Y VALORES DE LA ORGANIZACIÓN POLÍTICA\n\n");
  append_free_text (out, vigia_plan_get_ideario (plan));

  g_string_append (out, "IV. VISIÓN DEL PLAN DE GOBIERNO\n\n");
  append_free_text (out, vigia_plan_get_vision (plan));

  g_string_append (out, "V. PRINCIPALES PROPUESTAS DE GOBIERNO\n\n");
  n_dims = vigia_plan_get_n_dimensions (plan);
  for (guint i = 0; i < n_dims; i++)
    append_dimension (out, plan, vigia_plan_get_dimension (plan, i), i);

  g_string_append (out, "VI. MECANISMO PARA EL CONTROL CIUDADANO DEL CUMPLIMIENTO DE LAS PROPUESTAS "
                        "DEL PLAN DE GOBIERNO\n\n");
  append_free_text (out, vigia_plan_get_accountability (plan));

  organization = vigia_text_strip (vigia_plan_get_organization (plan));
  g_string_append_printf (out, "Organización Política: %s\n", organization != NULL ? organization : "");
  g_string_append_printf (out, " Tipo Elección: %s\n", election_name (vigia_plan_get_election (plan)));

  if (!vigia_str_empty (vigia_plan_get_department (plan)))
    parts[n_parts++] = vigia_plan_get_department (plan);
  if (!vigia_str_empty (vigia_plan_get_province (plan)))
    parts[n_parts++] = vigia_plan_get_province (plan);
  if (!vigia_str_empty (vigia_plan_get_district (plan)))
    parts[n_parts++] = vigia_plan_get_district (plan);
  if (n_parts > 0)
    {
      g_string_append (out, " Lugar: ");
      for (guint i = 0; i < n_parts; i++)
        {
          g_autofree char *part = vigia_text_strip (parts[i]);

          g_string_append_printf (out, "%s%s", i > 0 ? " - " : "", part);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * vigia_declara_write:
 *
 * Writes vigia_declara_write_to_string() to @stream, without closing it.
 */
gboolean
vigia_declara_write (VigiaPlan      *plan,
                     GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  text = vigia_declara_write_to_string (plan);
  return g_output_stream_write_all (stream, text, strlen (text), NULL, cancellable, error);
}
