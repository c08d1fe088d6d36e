/* vigia-parse.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every reader shares: the form of its errors and the names the JNE
 * gives elections and dimensions.
 */
#define G_LOG_DOMAIN "vigia-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-cell-items.h"
#include "vigia-error.h"
#include "vigia-parse.h"
#include "vigia-target-reader.h"
#include "vigia-utils.h"

/**
 * vigia_set_parse_error:
 * @name: the file, as the user knows it
 * @line: the line the problem is on, 1 for the first; 0 for the whole file
 *
 * Sets a %VIGIA_ERROR_PARSE error "FILE: line N: reason", the form every
 * reader reports bad input in.
 */
void
vigia_set_parse_error (GError     **error,
                       const char  *name,
                       guint        line,
                       const char  *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  vigia_set_parse_error_valist (error, name, line, format, args);
  va_end (args);
}

void
vigia_set_parse_error_valist (GError     **error,
                              const char  *name,
                              guint        line,
                              const char  *format,
                              va_list      args)
{
  g_autofree char *reason = g_strdup_vprintf (format, args);

  if (line == 0)
    g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE, "%s: %s", name, reason);
  else
    g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE, _("%s: line %u: %s"), name, line, reason);
}

/**
 * vigia_election_parse:
 * @text: the election type as the JNE writes it: "MUNICIPAL DISTRITAL",
 *   "MUNICIPAL PROVINCIAL", "REGIONAL", "PRESIDENCIAL", any case and accents
 *
 * Returns: %FALSE if @text names no election type Vigía knows
 */
gboolean
vigia_election_parse (const char    *text,
                      VigiaElection *election)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (election != NULL, FALSE);

  if (vigia_str_empty (text))
    return FALSE;
  folded = vigia_text_fold (text);
  if (strstr (folded, "distrital") != NULL)
    *election = VIGIA_ELECTION_MUNICIPAL_DISTRICT;
  else if (strstr (folded, "provincial") != NULL)
    *election = VIGIA_ELECTION_MUNICIPAL_PROVINCE;
  else if (strstr (folded, "regional") != NULL)
    *election = VIGIA_ELECTION_REGIONAL;
  else if (strstr (folded, "presiden") != NULL || strstr (folded, "general") != NULL ||
           strstr (folded, "congres") != NULL)
    *election = VIGIA_ELECTION_GENERAL;
  else
    return FALSE;
  return TRUE;
}

/**
 * vigia_dimension_kind_from_title:
 * @title: (nullable): "DIMENSIÓN SOCIAL", "Dimensión Económica",
 *   "Territorial-Ambiental", …
 *
 * Returns: the kind the title names; %VIGIA_DIMENSION_KIND_OTHER for
 *   "Propuestas adicionales" and anything else
 */
VigiaDimensionKind
vigia_dimension_kind_from_title (const char *title)
{
  g_autofree char *folded = vigia_text_fold (title);

  if (strstr (folded, "social") != NULL)
    return VIGIA_DIMENSION_KIND_SOCIAL;
  if (strstr (folded, "econom") != NULL)
    return VIGIA_DIMENSION_KIND_ECONOMIC;
  /* EG 2021 named it "Territorial-Ambiental". */
  if (strstr (folded, "ambient") != NULL)
    return VIGIA_DIMENSION_KIND_ENVIRONMENTAL;
  if (strstr (folded, "institucion") != NULL)
    return VIGIA_DIMENSION_KIND_INSTITUTIONAL;
  return VIGIA_DIMENSION_KIND_OTHER;
}

static void
add_target (GPtrArray  *targets,
            const char *text,
            gboolean    cut)
{
  VigiaTarget *target = vigia_target_new ();

  vigia_target_set_text (target, text);
  vigia_target_update_reading (target);
  /* What the JNE cut may have lost its figure: a person reads it. */
  if (cut)
    vigia_target_set_reading (target, VIGIA_READING_NEEDS_REVIEW);
  g_ptr_array_add (targets, target);
}

/* @texts: the goal's problem, objective and indicator, tidied
 * @metas: (element-type utf8): its targets' texts, one or more
 * @cells: the row as the source wrote it, kept where it differs from what
 *   is shown */
static void
append_goal (VigiaDimension     *dimension,
             const char * const  texts[3],
             GPtrArray          *metas,
             gboolean            last_cut,
             const char * const  cells[4],
             gboolean            kept_as_written)
{
  g_autoptr(VigiaGoal) goal = vigia_goal_new ();
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);

  vigia_goal_set_number (goal, vigia_dimension_get_n_goals (dimension) + 1);
  vigia_goal_set_problem (goal, texts[0]);
  vigia_goal_set_objective (goal, texts[1]);
  vigia_goal_set_indicator (goal, texts[2]);
  for (guint i = 0; i < metas->len; i++)
    add_target (targets, g_ptr_array_index (metas, i), last_cut && i == metas->len - 1);
  vigia_goal_set_targets (goal, targets);

  if (!kept_as_written)
    {
      const char *source[5] = { NULL, };

      for (guint i = 0; i < 4; i++)
        source[i] = cells[i] != NULL ? cells[i] : "";
      vigia_goal_set_source_cells (goal, source);
    }
  vigia_dimension_append_goal (dimension, goal);
}

/* Tidied, or NULL for an empty cell, as the goal shows it. */
static char *
dup_shown (const char *cell)
{
  g_autofree char *tidy = NULL;

  if (vigia_str_empty (cell))
    return NULL;
  tidy = vigia_cell_tidy (cell);
  return *tidy != '\0' ? g_steal_pointer (&tidy) : NULL;
}

/**
 * vigia_dimension_add_row:
 * @dimension: the dimension the row is a proposal of
 * @cells: (array fixed-size=4) (element-type utf8 nullable): the problem,
 *   objective, indicator and meta as the source wrote them
 *
 * Adds a row of a plan's table as its goals, each with its targets read
 * (docs/domain.md, "Lists in cells"):
 *
 * - a row whose non-empty cells list the same number of items, two or more,
 *   is that many goals, the k-th item of each cell together;
 * - any other row is one goal, with one target per item its meta lists;
 * - a meta cut at the JNE's limit (vigia_cell_is_cut ()) keeps its text,
 *   and its last target reads as needing review.
 *
 * What is shown is tidied (vigia_cell_tidy ()); where it differs from the
 * cells, each goal keeps the cells as written.
 *
 * Returns: how many goals the row gave
 */
guint
vigia_dimension_add_row (VigiaDimension    *dimension,
                         const char * const cells[4])
{
  VigiaCellItems *lists[4] = { NULL, };
  gboolean cut = vigia_cell_is_cut (cells[3]);
  guint n_items = 0;

  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), 0);

  for (guint i = 0; i < 4; i++)
    {
      guint n;

      if (vigia_str_empty (cells[i]))
        continue;
      lists[i] = vigia_cell_items_split (cells[i]);
      n = lists[i]->items->len;
      if (n_items == 0)
        n_items = n;
      else if (n != n_items)
        n_items = 1;
    }

  if (n_items < 2)
    {
      char *shown[4] = { NULL, };
      g_autoptr(GPtrArray) metas = g_ptr_array_new ();
      gboolean as_written = TRUE;

      n_items = 1;
      for (guint i = 0; i < 4; i++)
        {
          shown[i] = dup_shown (cells[i]);
          as_written = as_written && g_strcmp0 (shown[i], vigia_str_empty (cells[i]) ? NULL : cells[i]) == 0;
        }
      /* One target an item of the meta, where it lists several. */
      if (lists[3] != NULL && lists[3]->items->len >= 2)
        {
          g_ptr_array_extend (metas, lists[3]->items, NULL, NULL);
          as_written = FALSE;
        }
      else
        g_ptr_array_add (metas, shown[3]);
      append_goal (dimension, (const char * const *) shown, metas, cut, cells, as_written);
      for (guint i = 0; i < 4; i++)
        g_free (shown[i]);
    }
  else
    {
      for (guint k = 0; k < n_items; k++)
        {
          const char *texts[4] = { NULL, };
          g_autoptr(GPtrArray) metas = g_ptr_array_new ();

          for (guint i = 0; i < 4; i++)
            if (lists[i] != NULL)
              texts[i] = g_ptr_array_index (lists[i]->items, k);
          g_ptr_array_add (metas, (gpointer) texts[3]);
          append_goal (dimension, texts, metas, cut && k == n_items - 1, cells, FALSE);
        }
    }

  for (guint i = 0; i < 4; i++)
    g_clear_pointer (&lists[i], vigia_cell_items_free);
  return n_items;
}
