/* vigia-cli-publish.c: publish
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-cli.h"

int
vigia_cli_publish (VigiaCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaSite) site = vigia_site_new ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *period_option = NULL;
  g_autofree char *source_option = NULL;
  g_autofree char *title = NULL;
  g_autofree char *department = NULL;
  g_autofree char *province = NULL;
  g_autofree char *election_option = NULL;
  g_autofree char *group_option = NULL;
  g_autofree char *period = NULL;
  g_auto(GStrv) plans = NULL;
  g_autofree char *folder_name = NULL;
  VigiaSource source = VIGIA_SOURCE_AUTHORITY;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The site’s folder (made if missing; a site published there before is brought up to date)"), N_("FOLDER") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_option,
      N_("As of this semester (default: the current one, within each plan’s term)"), N_("PERIOD") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_option,
      N_("Whose figures rank the plans: authority (the default) or observer"), N_("SOURCE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The site’s name, at the top of every page"), N_("TITLE") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("Only the plans of a department, by name or INEI code"), N_("DEPARTMENT") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province,
      N_("Only the plans of a province, by name or INEI code"), N_("PROVINCE") },
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_option,
      N_("Only the plans of one election type"), N_("municipal-district|municipal-province|regional|general") },
    { "plan", 0, 0, G_OPTION_ARG_STRING_ARRAY, &plans,
      N_("Only this plan, by id or uuid (repeat for several)"), N_("PLAN") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_option,
      N_("Group the ranking by department (the default) or by election type"), N_("department|election") },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, NULL,
                                      _("Publishes the library as a static website in FOLDER: a map of "
                                        "Peru and every plan ranked by achievement, a page per plan "
                                        "with its goals, targets and entries, the methodology, and the "
                                        "data as CSV and Vigía JSON. The folder opens from file:// or "
                                        "any web host. Publishing again writes only the pages that "
                                        "changed and removes those of plans no longer included."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc > 1)
    return vigia_cli_usage_error (context, _("Unexpected argument."));
  if (output == NULL)
    return vigia_cli_usage_error (context, _("Name the site’s folder with --output."));

  if (period_option != NULL && (status = vigia_cli_parse_period (context, period_option, &period)) != VIGIA_CLI_OK)
    return status;
  if (source_option != NULL && (status = vigia_cli_parse_source (context, source_option, &source)) != VIGIA_CLI_OK)
    return status;
  if (election_option != NULL)
    {
      int election;

      if (!vigia_enum_from_nick (VIGIA_TYPE_ELECTION, election_option, &election))
        return vigia_cli_usage_error (context, _("The election type is municipal-district, municipal-province, "
                                                 "regional or general."));
      vigia_site_set_election (site, election);
    }
  if (group_option != NULL)
    {
      if (g_strcmp0 (group_option, "election") == 0)
        vigia_site_set_group (site, VIGIA_SITE_GROUP_ELECTION);
      else if (g_strcmp0 (group_option, "department") != 0)
        return vigia_cli_usage_error (context, _("Group by department or election."));
    }

  vigia_site_set_title (site, title);
  vigia_site_set_period (site, period);
  vigia_site_set_source (site, source);
  vigia_site_set_department (site, department);
  vigia_site_set_province (site, province);
  for (guint i = 0; plans != NULL && plans[i] != NULL; i++)
    vigia_site_add_plan (site, plans[i]);

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_EXISTING | VIGIA_LIBRARY_OPEN_READ_ONLY);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  folder = g_file_new_for_commandline_arg (output);
  if (!vigia_site_publish (site, library, folder, NULL, NULL, NULL, &error))
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  folder_name = g_file_get_parse_name (folder);
  /* Translators: what publishing did: the plans, then the files written, unchanged and removed, then the folder. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u plan published in %s: %u files written, %u unchanged, %u removed.\n",
                        "%u plans published in %s: %u files written, %u unchanged, %u removed.\n",
                        vigia_site_get_n_plans (site)),
           vigia_site_get_n_plans (site), folder_name, vigia_site_get_n_written (site),
           vigia_site_get_n_unchanged (site), vigia_site_get_n_removed (site));
  return VIGIA_CLI_OK;
}
