/* vigia-cli-restore.c: restore
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "vigia-cli.h"

int
vigia_cli_restore (VigiaCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlanSummary) summary = NULL;
  gint64 history_id;
  gint64 plan_id = 0;
  char *end = NULL;
  int status;

  context = vigia_cli_option_context (cli, _("CONFLICT"),
                                      _("Puts back the version of an item that merging a Vigía "
                                        "document set aside: CONFLICT is the number “import” "
                                        "printed beside the conflict. The restored version is "
                                        "recorded as a change of yours, which the history keeps."),
                                      NULL);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc != 2)
    return vigia_cli_usage_error (context, _("Name one conflict, by the number “import” printed."));
  history_id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || history_id <= 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not the number of a conflict."), argv[1]);

      return vigia_cli_usage_error (context, message);
    }

  library = vigia_cli_open_library_for_writing (cli, VIGIA_LIBRARY_OPEN_EXISTING);
  if (library == NULL)
    return VIGIA_CLI_ERROR;
  if (!vigia_library_restore_conflict (library, history_id, &plan_id, &error))
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }
  summary = vigia_library_load_summary (library, plan_id, &error);
  if (summary == NULL)
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

    g_print (_("Restored, in plan %s (%s)."), id, vigia_plan_summary_get_organization (summary));
  }
  g_print ("\n");
  return VIGIA_CLI_OK;
}
