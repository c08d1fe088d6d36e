/* vigia-cli-admin.c: admin, who may read or change a library on PostgreSQL
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-cli.h"
#include "vigia-store-postgresql.h"

static void
print_members (GStrv        names,
               const char  *level)
{
  for (guint i = 0; names[i] != NULL; i++)
    g_print ("%s\t%s\n", names[i], level);
}

int
vigia_cli_admin (VigiaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaStorePostgresql) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  gboolean can_read = FALSE;
  gboolean can_edit = FALSE;
  const char *action;
  const GOptionEntry entries[] = {
    { "read", 0, 0, G_OPTION_ARG_NONE, &can_read, N_("With grant: the member may only read the library"), NULL },
    { "edit", 0, 0, G_OPTION_ARG_NONE, &can_edit, N_("With grant: the member may also change it"), NULL },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, _("grant MEMBER --read|--edit | revoke MEMBER | members"),
                                      _("Says who may read or change a team’s library on PostgreSQL "
                                        "(--library postgresql://…). A member is a role of the server, "
                                        "made if missing (able to log in; give it a password on the "
                                        "server). The server enforces it: a member who may only read "
                                        "cannot change anything, whatever program they use. Connect as "
                                        "the library’s owner, with the right to create roles."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc < 2)
    return vigia_cli_usage_error (context, _("Say what to do: grant, revoke or members."));

  action = argv[1];
  if (g_str_equal (action, "grant"))
    {
      if (argc != 3)
        return vigia_cli_usage_error (context, _("Name one member to grant."));
      if (can_read == can_edit)
        return vigia_cli_usage_error (context, _("Say whether the member may only read (--read) or also "
                                                 "change the library (--edit)."));
    }
  else if (g_str_equal (action, "revoke"))
    {
      if (argc != 3)
        return vigia_cli_usage_error (context, _("Name one member to revoke."));
    }
  else if (g_str_equal (action, "members"))
    {
      if (argc != 2)
        return vigia_cli_usage_error (context, _("Unexpected argument."));
    }
  else
    return vigia_cli_usage_error (context, _("Say what to do: grant, revoke or members."));

  location = vigia_cli_dup_library_location (cli);
  if (!vigia_store_location_is_postgresql (location))
    {
      vigia_cli_error ("%s", _("Members and roles are for a library on PostgreSQL: name it with "
                               "--library postgresql://…"));
      return VIGIA_CLI_USAGE;
    }

  store = vigia_store_postgresql_open (location, &error);
  if (store == NULL)
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  if (g_str_equal (action, "members"))
    {
      g_auto(GStrv) readers = NULL;
      g_auto(GStrv) editors = NULL;

      if (!vigia_store_postgresql_list_members (store, &readers, &editors, &error))
        {
          vigia_cli_error ("%s", error->message);
          return VIGIA_CLI_ERROR;
        }
      /* Read by scripts: the levels are not translated. */
      print_members (editors, "edit");
      print_members (readers, "read");
      return VIGIA_CLI_OK;
    }

  if (g_str_equal (action, "grant") ? !vigia_store_postgresql_grant (store, argv[2], can_edit, &error)
                                    : !vigia_store_postgresql_revoke (store, argv[2], &error))
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  if (g_str_equal (action, "revoke"))
    g_print (_("%s may no longer read or change the library.\n"), argv[2]);
  else if (can_edit)
    g_print (_("%s may read and change the library.\n"), argv[2]);
  else
    g_print (_("%s may read the library, not change it.\n"), argv[2]);
  return VIGIA_CLI_OK;
}
