/* vigia-cli-copy.c: copy, a library from a file to PostgreSQL or back
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-cli.h"

static void
table_copied_cb (const char *table,
                 guint64     rows,
                 gpointer    user_data)
{
  g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, rows);

  /* Translators: progress of a copy: a table's name, and how many rows it had. */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Copied the table %s: %s row\n", "Copied the table %s: %s rows\n",
                           rows > G_MAXULONG ? G_MAXULONG : (gulong) rows),
              table, count);
}

int
vigia_cli_copy (VigiaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean quiet = FALSE;
  VigiaStoreTally tally;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_("The library to copy: a file, or a PostgreSQL connection string (postgresql://user@server/database)"),
      N_("LIBRARY") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("Where to copy it: a new file, or a PostgreSQL database with no library or an empty one"),
      N_("LIBRARY") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not tell each table as it is copied"), NULL },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, NULL,
                                      _("Copies a library with everything in it (plans, progress, history, "
                                        "candidate lists) from a file to a PostgreSQL database that a team "
                                        "shares, or back. The copy is read back and compared with the "
                                        "original, in rows and in a digest of every value; if they differ "
                                        "nothing is copied. The original is not changed."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc > 1)
    return vigia_cli_usage_error (context, _("Unexpected argument."));
  if (from == NULL || to == NULL)
    return vigia_cli_usage_error (context, _("Name both libraries, with --from and --to."));

  if (!vigia_store_copy_locations (from, to, quiet ? NULL : table_copied_cb, NULL, &tally, &error))
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
    g_print ("%s\t%" G_GUINT64_FORMAT "\n", vigia_store_table_name (t), tally.rows[t]);
  /* Read by scripts, as the lines above: not translated. */
  g_print ("digest\t%s\n", tally.digest);
  return VIGIA_CLI_OK;
}
