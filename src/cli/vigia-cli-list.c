/* vigia-cli-list.c: list, the plans of the library
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-cli.h"

int
vigia_cli_list (VigiaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON instead of text"), NULL },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, NULL,
                                      _("Lists the plans of the library: id, organization, place, "
                                        "election type, term and number of goals, one plan a line, "
                                        "separated by tabs."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc > 1)
    return vigia_cli_usage_error (context, _("“list” takes no arguments."));

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_EXISTING);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  ids = vigia_library_query_plan_ids (library, NULL, &error);
  if (ids == NULL)
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  return vigia_cli_print_plans (library, ids, json);
}
