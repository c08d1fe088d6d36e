/* vigia-cli-import.c: import and export
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "vigia-cli.h"

/* One export format: writes the plans @ids of @library to @stream.  Other
 * formats (csv, html, pdf, txt) join this table. */
typedef gboolean (*ExportWriter) (VigiaLibrary   *library,
                                  GArray         *ids,
                                  GOutputStream  *stream,
                                  GError        **error);

typedef struct
{
  const char   *name;
  ExportWriter  write;
} ExportFormat;

static gboolean export_json (VigiaLibrary   *library,
                             GArray         *ids,
                             GOutputStream  *stream,
                             GError        **error);

static const ExportFormat export_formats[] = {
  { "json", export_json },
};

static void
print_result (VigiaImportResult *result,
              const char        *name)
{
  g_autofree char *goals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals",
                                                         result->n_goals),
                                            result->n_goals);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, result->plan_id);

  switch (result->outcome)
    {
    case VIGIA_IMPORT_ALREADY_PRESENT:
      g_print (_("%s: already in the library as plan %s (%s)"), name, id, result->organization);
      g_print ("\n");
      break;
    case VIGIA_IMPORT_UPDATED:
      g_print ("%s\t%s\t%s\t%s\t%s\n", id, result->organization, result->place_label, goals,
               _("updated"));
      break;
    case VIGIA_IMPORT_ADDED:
    default:
      g_print ("%s\t%s\t%s\t%s\n", id, result->organization, result->place_label, goals);
      break;
    }

  /* Not an error, but never silent: the plan needs completing. */
  if (result->missing_place)
    g_printerr (_("%s: plan %s has no place: import the file again with --place to give it one.\n"),
                name, id);
  if (result->unknown_place)
    g_printerr (_("%s: plan %s: the place “%s” is not in the UBIGEO table (INEI 2025): it was "
                  "imported as written, without a code.\n"), name, id, result->place_label);
  if (result->missing_term)
    g_printerr (_("%s: plan %s has no term: import the file again with --term to give it one.\n"),
                name, id);
}

int
vigia_cli_import (VigiaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  g_autofree char *term = NULL;
  VigiaImportOptions options = { NULL, 0, 0 };
  const GOptionEntry entries[] = {
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("The place of plans whose file does not name one (JNE JSON): "
         "“PUNO”, “LIMA - LIMA - INDEPENDENCIA” or a UBIGEO code"), N_("TEXT|UBIGEO") },
    { "term", 0, 0, G_OPTION_ARG_STRING, &term,
      N_("The term of plans whose file does not name one, as 2027-2030"), N_("START-END") },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, _("FILE…"),
                                      _("Imports plans from DECLARA summaries (text), JNE Voto "
                                        "Informado data (JSON) or Vigía documents (JSON), each "
                                        "file in one transaction, and prints a line per plan: "
                                        "id, organization, place and number of goals."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc < 2)
    return vigia_cli_usage_error (context, _("Name at least one file to import."));

  if (term != NULL && !vigia_parse_term (term, &options.term_start, &options.term_end))
    {
      g_autofree char *message = g_strdup_printf (_("The term “%s” is not START-END, as 2027-2030."),
                                                  term);

      return vigia_cli_usage_error (context, message);
    }
  options.place = place;
  if (!vigia_import_options_check (&options, &error))
    return vigia_cli_usage_error (context, error->message);

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_DEFAULT);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  status = VIGIA_CLI_OK;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) file_error = NULL;

      results = vigia_import_file (library, file, &options, NULL, &file_error);
      if (results == NULL)
        {
          /* Already "FILE: line N: reason". */
          g_printerr ("%s\n", file_error->message);
          status = VIGIA_CLI_ERROR;
          continue;
        }
      for (guint j = 0; j < results->len; j++)
        print_result (g_ptr_array_index (results, j), argv[i]);
    }

  return status;
}

static gboolean
export_json (VigiaLibrary   *library,
             GArray         *ids,
             GOutputStream  *stream,
             GError        **error)
{
  g_autoptr(VigiaJsonWriter) writer = vigia_json_writer_new (stream);

  if (!vigia_json_writer_begin (writer, NULL, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, g_array_index (ids, gint64, i), error);

      if (plan == NULL || !vigia_json_writer_add_plan (writer, plan, NULL, error))
        return FALSE;
    }
  return vigia_json_writer_end (writer, NULL, error);
}

static char *
format_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", export_formats[i].name);
  return g_string_free (names, FALSE);
}

/* Writes through a temporary file that replaces @path only once all is
 * written: a failed export leaves what was there. */
static gboolean
write_output (const char          *path,
              const ExportFormat  *format,
              VigiaLibrary        *library,
              GArray              *ids,
              GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;

  if (path == NULL || g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (!format->write (library, ids, out, error) || !g_output_stream_close (out, NULL, error))
        return FALSE;
      fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), 1,
              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), stdout);
      return TRUE;
    }

  file = g_file_new_for_commandline_arg (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
      return FALSE;
    }

  if (!format->write (library, ids, G_OUTPUT_STREAM (stream), &local_error))
    {
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

int
vigia_cli_export (VigiaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *names = format_names ();
  g_autofree char *format_help = NULL;
  const ExportFormat *format = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, NULL, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (default: the standard output)"), N_("FILE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Export every plan of the library"), NULL },
    { NULL }
  };
  int status;

  /* Translated here, since the list of formats is not known to xgettext. */
  format_help = g_strdup_printf (_("The format to write: %s (default: json)"), names);
  entries[0].description = format_help;

  context = vigia_cli_option_context (cli, _("[PLAN]"),
                                      _("Writes a plan (its id or uuid), or with --all the whole "
                                        "library, in Vigía's exchange format, which “import” reads "
                                        "back."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_strcmp0 (format_name != NULL ? format_name : "json", export_formats[i].name) == 0)
      format = &export_formats[i];
  if (format == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”: the formats are %s."),
                                                  format_name, names);

      return vigia_cli_usage_error (context, message);
    }
  if (all && argc > 1)
    return vigia_cli_usage_error (context, _("Name one plan, or --all, not both."));
  if (!all && argc != 2)
    return vigia_cli_usage_error (context, _("Name one plan, or --all for the whole library."));

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_EXISTING);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  if (all)
    {
      VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;

      ids = vigia_library_query_plan_ids (library, &query, &error);
      if (ids == NULL)
        {
          vigia_cli_error ("%s", error->message);
          return VIGIA_CLI_ERROR;
        }
    }
  else
    {
      g_autoptr(VigiaPlan) plan = vigia_cli_load_plan (library, argv[1]);
      gint64 id;

      if (plan == NULL)
        return VIGIA_CLI_ERROR;
      id = vigia_plan_get_id (plan);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, id);
    }

  if (!write_output (output, format, library, ids, &error))
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  return VIGIA_CLI_OK;
}
