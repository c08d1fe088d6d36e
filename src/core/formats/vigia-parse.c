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

#include "vigia-error.h"
#include "vigia-parse.h"
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
