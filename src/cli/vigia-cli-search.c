/* vigia-cli-search.c: search, plans by organization, place or goal text
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-cli.h"

int
vigia_cli_search (VigiaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON instead of text"), NULL },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, _("TEXT…"),
                                      _("Finds the plans whose organization, place, ideario, vision or goals hold "
                                        "every word of TEXT, whatever its case and accents "
                                        "(“educacion” finds “EDUCACIÓN”), best match first."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc < 2)
    return vigia_cli_usage_error (context, _("Say what to search for."));

  text = g_strjoinv (" ", argv + 1);
  query.text = text;
  query.sort = VIGIA_PLAN_SORT_RELEVANCE;

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_EXISTING);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  ids = vigia_library_query_plan_ids (library, &query, &error);
  if (ids == NULL)
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  return vigia_cli_print_plans (library, ids, json);
}
