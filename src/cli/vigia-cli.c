/* vigia-cli.c: the command-line entry point and what the commands share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "vigia-cli.h"

typedef struct
{
  const char      *name;
  VigiaCliCommand  run;
  const char      *summary;
} CommandInfo;

static const CommandInfo commands[] = {
  { "list",   vigia_cli_list,   N_("List the plans of the library") },
  { "show",   vigia_cli_show,   N_("Show a plan with its goals") },
  { "search", vigia_cli_search, N_("Find plans by organization, place or goal text") },
  { "progress", vigia_cli_progress, N_("Record progress: set one entry, or import or export a spreadsheet") },
  { "assess", vigia_cli_assess, N_("Show a plan’s achievement, or rank every plan") },
  { "import", vigia_cli_import, N_("Import plans from DECLARA, JNE or Vigía files") },
  { "export", vigia_cli_export, N_("Write a plan or the library: exchange file, progress report, spreadsheet or JNE text") },
  { "publish", vigia_cli_publish, N_("Publish the library as a static website: map, ranking, a page per plan, data") },
  { "admin", vigia_cli_admin, N_("Say who may read or change a team’s library on PostgreSQL") },
  { "copy", vigia_cli_copy, N_("Copy a library from a file to a team’s PostgreSQL database, or back") },
  { "restore", vigia_cli_restore, N_("Put back the version of an item that a merge set aside") },
};

static char *library_option;
static char *as_option;

static const GOptionEntry library_entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_option,
    N_("The library: a file, or a PostgreSQL connection string (default: $VIGIA_LIBRARY, or the library in "
       "your data folder)"),
    N_("LIBRARY") },
  { "as", 0, 0, G_OPTION_ARG_STRING, &as_option,
    N_("Who the changes are recorded as (default: $VIGIA_USER, or your account’s name)"),
    N_("NAME") },
  { NULL }
};

void
vigia_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* g_printerr converts to the terminal's charset; messages are UTF-8. */
  g_printerr ("vigia-cli: %s\n", message);
}

int
vigia_cli_usage_error (GOptionContext *context,
                       const char     *message)
{
  g_autofree char *help = NULL;

  if (message != NULL)
    vigia_cli_error ("%s", message);
  if (context != NULL)
    {
      help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
    }
  return VIGIA_CLI_USAGE;
}

/**
 * vigia_cli_option_context:
 *
 * Every command also takes --library, so that it may come after the command.
 */
GOptionContext *
vigia_cli_option_context (VigiaCli           *cli,
                          const char         *parameters,
                          const char         *summary,
                          const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, library_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

int
vigia_cli_parse (GOptionContext   *context,
                 int              *argc,
                 char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return vigia_cli_usage_error (context, error->message);
  return VIGIA_CLI_OK;
}

/* The library the command works on: --library, else $VIGIA_LIBRARY, else
 * the default file. */
char *
vigia_cli_dup_library_location (VigiaCli *cli)
{
  if (library_option != NULL)
    return g_strdup (library_option);
  if (cli->library_path != NULL)
    return g_strdup (cli->library_path);
  return vigia_library_dup_default_path ();
}

VigiaLibrary *
vigia_cli_open_library (VigiaCli              *cli,
                        VigiaLibraryOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vigia_cli_dup_library_location (cli);
  VigiaLibrary *library;

  library = vigia_library_open (path, flags, &error);
  if (library == NULL)
    vigia_cli_error ("%s", error->message);
  else if (as_option != NULL || cli->author != NULL)
    vigia_library_set_author (library, as_option != NULL ? as_option : cli->author);
  return library;
}

/**
 * vigia_cli_open_library_for_writing:
 *
 * Like vigia_cli_open_library(), for a command that writes: a library that
 * can only be read (its file, folder or medium read-only) is refused before
 * anything is done, saying so.
 */
VigiaLibrary *
vigia_cli_open_library_for_writing (VigiaCli              *cli,
                                    VigiaLibraryOpenFlags  flags)
{
  g_autoptr(VigiaLibrary) library = vigia_cli_open_library (cli, flags);

  if (library != NULL && vigia_library_is_shared (library) && vigia_library_is_read_only (library))
    {
      vigia_cli_error (_("Your role may only read the shared library %s: nothing was changed."),
                       vigia_library_get_name (library));
      return NULL;
    }
  if (library != NULL && vigia_library_is_read_only (library))
    {
      vigia_cli_error (_("The library “%s” can only be read (its file, its folder or its disk is read-only): "
                         "nothing was changed."), vigia_library_get_name (library));
      return NULL;
    }
  return g_steal_pointer (&library);
}

/**
 * vigia_cli_parse_period:
 * @text: --period, or a PERIOD argument, as typed
 * @period: (out): "2027-S1"
 *
 * Returns: %VIGIA_CLI_OK, or %VIGIA_CLI_USAGE after saying why @text is not
 *   a semester
 */
int
vigia_cli_parse_period (GOptionContext  *context,
                        const char      *text,
                        char           **period)
{
  int year, half;

  if (!vigia_period_parse (text, &year, &half))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a semester: write it as 2027-S1 or 2027-S2"),
                                                  text);

      return vigia_cli_usage_error (context, message);
    }
  *period = vigia_period_format (year, half);
  return VIGIA_CLI_OK;
}

/**
 * vigia_cli_parse_source:
 * @text: --source, as typed
 * @source: (out): the source
 *
 * Returns: %VIGIA_CLI_OK, or %VIGIA_CLI_USAGE after saying why @text is not
 *   a source
 */
int
vigia_cli_parse_source (GOptionContext *context,
                        const char     *text,
                        VigiaSource    *source)
{
  g_autoptr(GError) error = NULL;

  if (!vigia_source_parse (text, source, &error))
    return vigia_cli_usage_error (context, error->message);
  return VIGIA_CLI_OK;
}

/**
 * vigia_cli_load_plan:
 * @reference: a plan's id, as `list` shows it, or its uuid
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL after saying why
 */
VigiaPlan *
vigia_cli_load_plan (VigiaLibrary *library,
                     const char   *reference)
{
  g_autoptr(GError) error = NULL;
  VigiaPlan *plan;
  gint64 id = 0;
  guint64 number;

  if (g_ascii_string_to_unsigned (reference, 10, 1, G_MAXINT64, &number, NULL))
    id = (gint64) number;
  else
    {
      id = vigia_library_lookup_plan (library, reference, &error);
      if (id < 0)
        {
          vigia_cli_error ("%s", error->message);
          return NULL;
        }
      if (id == 0)
        {
          vigia_cli_error (_("There is no plan “%s” in the library."), reference);
          return NULL;
        }
    }

  plan = vigia_library_load_plan (library, id, &error);
  if (plan == NULL)
    vigia_cli_error ("%s", error->message);
  return plan;
}

void
vigia_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  /* JSON is UTF-8 whatever the terminal's charset: write the bytes as they are. */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

/**
 * vigia_cli_write_output:
 * @output: (nullable): --output as typed, or %NULL or "-" for the standard
 *   output
 * @write: writes the whole output
 *
 * A file is written with vigia_replace_file_contents(): a command that fails
 * leaves what was there.  The standard output gets the output only once it
 * is whole, so that a failure leaves no half document there either.
 *
 * Returns: %TRUE, or %FALSE with @error naming the file
 */
gboolean
vigia_cli_write_output (const char           *output,
                        VigiaContentsWriter   write,
                        gpointer              user_data,
                        GError              **error)
{
  g_autoptr(GFile) file = NULL;

  if (output == NULL || g_strcmp0 (output, "-") == 0)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (!write (out, user_data, NULL, error) ||
          !g_output_stream_close (out, NULL, error))
        return FALSE;
      fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), 1,
              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), stdout);
      return TRUE;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!vigia_replace_file_contents (file, write, user_data, NULL, error))
    {
      g_prefix_error (error, "%s: ", output);
      return FALSE;
    }
  return TRUE;
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_year_or_null (JsonBuilder *builder,
                  const char  *member,
                  int          year)
{
  json_builder_set_member_name (builder, member);
  if (year > 0)
    json_builder_add_int_value (builder, year);
  else
    json_builder_add_null_value (builder);
}

/* The same field names as the exchange format, with "goals" as a count. */
static void
add_summary_json (JsonBuilder      *builder,
                  VigiaPlanSummary *summary)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, vigia_plan_summary_get_id (summary));
  add_string_or_null (builder, "uuid", vigia_plan_summary_get_uuid (summary));
  add_string_or_null (builder, "organization", vigia_plan_summary_get_organization (summary));
  add_string_or_null (builder, "election",
                      vigia_enum_to_nick (VIGIA_TYPE_ELECTION,
                                          vigia_plan_summary_get_election (summary)));
  add_string_or_null (builder, "process", vigia_plan_summary_get_process (summary));
  json_builder_set_member_name (builder, "place");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "department", vigia_plan_summary_get_department (summary));
  add_string_or_null (builder, "province", vigia_plan_summary_get_province (summary));
  add_string_or_null (builder, "district", vigia_plan_summary_get_district (summary));
  add_string_or_null (builder, "ubigeo", vigia_plan_summary_get_ubigeo (summary));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "term");
  json_builder_begin_object (builder);
  add_year_or_null (builder, "start", vigia_plan_summary_get_term_start (summary));
  add_year_or_null (builder, "end", vigia_plan_summary_get_term_end (summary));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "goals");
  json_builder_add_int_value (builder, vigia_plan_summary_get_n_goals (summary));
  json_builder_set_member_name (builder, "targets");
  json_builder_add_int_value (builder, vigia_plan_summary_get_n_targets (summary));
  add_string_or_null (builder, "changed", vigia_plan_summary_get_changed (summary));
  json_builder_end_object (builder);
}

static void
print_summary_line (VigiaPlanSummary *summary)
{
  g_autofree char *place = vigia_plan_summary_dup_place_label (summary);
  g_autofree char *term = vigia_plan_summary_dup_term_label (summary);
  g_autofree char *goals = vigia_goal_dup_count_label (vigia_plan_summary_get_n_goals (summary),
                                                      vigia_plan_summary_get_n_targets (summary));
  g_autofree char *organization = vigia_text_isolate (vigia_plan_summary_get_organization (summary));

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
           vigia_plan_summary_get_id (summary),
           organization,
           place,
           vigia_election_get_label (vigia_plan_summary_get_election (summary)),
           term,
           goals);
}

/* Plans whose summaries are read at once. */
#define PRINT_PAGE 500

/**
 * vigia_cli_print_plans:
 * @ids: the plans to print, in order
 * @json: whether to write a JSON array instead of a line a plan
 *
 * What list and search print.
 */
int
vigia_cli_print_plans (VigiaLibrary *library,
                       GArray       *ids,
                       gboolean      json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (json)
    json_builder_begin_array (builder);

  /* A page of summaries a statement pair: on a server, a round trip
   * each, not two a plan. */
  for (guint start = 0; start < ids->len; start += PRINT_PAGE)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) summaries = NULL;
      guint n = MIN (PRINT_PAGE, ids->len - start);

      summaries = vigia_library_load_summaries (library, &g_array_index (ids, gint64, start), n, &error);
      if (summaries == NULL)
        {
          vigia_cli_error ("%s", error->message);
          return VIGIA_CLI_ERROR;
        }

      for (guint i = 0; i < n; i++)
        {
          VigiaPlanSummary *summary = g_ptr_array_index (summaries, i);

          /* Deleted by another desk since the ids were read. */
          if (summary == NULL)
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, start + i));

              vigia_cli_error (_("There is no plan %s in the library."), id);
              return VIGIA_CLI_ERROR;
            }

          if (json)
            add_summary_json (builder, summary);
          else
            print_summary_line (summary);
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      vigia_cli_print_json (root);
    }

  return VIGIA_CLI_OK;
}

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-8s %s", commands[i].name, _(commands[i].summary));
  g_string_append (text, "\n\n");
  g_string_append (text, _("“vigia-cli COMMAND --help” tells more about a command."));
  g_string_append (text, "\n");
  g_string_append (text, _("Exit status: 0 on success, 1 on an error, 2 on a usage error."));
  return g_string_free (text, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  VigiaCli cli = { NULL, };
  const GOptionEntry main_entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { NULL }
  };
  int status;

  vigia_init_i18n ();

  description = commands_description ();
  context = vigia_cli_option_context (&cli, _("COMMAND [ARGUMENT…]"),
                                      _("Works with a Vigía library of plans de gobierno."),
                                      main_entries);
  g_option_context_set_description (context, description);
  /* Stop at the command: what follows is the command's to parse. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return vigia_cli_usage_error (context, error->message);

  if (version)
    {
      g_print ("vigia-cli %s\n", PACKAGE_VERSION);
      return VIGIA_CLI_OK;
    }

  if (argc < 2)
    return vigia_cli_usage_error (context, _("No command given."));

  cli.library_path = g_steal_pointer (&library_option);
  cli.author = g_steal_pointer (&as_option);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) != 0)
        continue;

      status = commands[i].run (&cli, argc - 1, argv + 1);
      g_free (cli.library_path);
      g_free (cli.author);
      g_clear_pointer (&library_option, g_free);
      g_clear_pointer (&as_option, g_free);
      return status;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);

    g_free (cli.library_path);
    g_free (cli.author);
    return vigia_cli_usage_error (context, message);
  }
}
