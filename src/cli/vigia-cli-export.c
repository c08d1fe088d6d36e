/* vigia-cli-export.c: export
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vigia-cli.h"

typedef struct _ExportFormat ExportFormat;

typedef struct
{
  const ExportFormat *format;
  /* The semester of the reports; NULL for each plan's default. */
  const char         *period;
  char                delimiter;
  /* Whether the whole library is exported: a plan whose term does not
   * hold the period is then left out, and said so. */
  gboolean            all;
  /* json: only what changed after this time (--since). */
  const char         *since;
} ExportOptions;

/* One export format: writes the plans @ids of @library to @stream. */
typedef gboolean (*ExportWriter) (VigiaLibrary         *library,
                                  GArray               *ids,
                                  const ExportOptions  *options,
                                  GOutputStream        *stream,
                                  GError              **error);

struct _ExportFormat
{
  const char        *name;
  ExportWriter       write;
  VigiaReportFormat  report;
  /* A report of one plan: with --all, a file per plan in a folder. */
  gboolean           per_plan;
  /* Whether it is as of a semester (--period). */
  gboolean           dated;
};

static gboolean export_json   (VigiaLibrary         *library,
                               GArray               *ids,
                               const ExportOptions  *options,
                               GOutputStream        *stream,
                               GError              **error);
static gboolean export_csv    (VigiaLibrary         *library,
                               GArray               *ids,
                               const ExportOptions  *options,
                               GOutputStream        *stream,
                               GError              **error);
static gboolean export_report (VigiaLibrary         *library,
                               GArray               *ids,
                               const ExportOptions  *options,
                               GOutputStream        *stream,
                               GError              **error);

static const ExportFormat export_formats[] = {
  { "json", export_json, VIGIA_REPORT_FORMAT_JSON, FALSE, FALSE },
  { "csv", export_csv, VIGIA_REPORT_FORMAT_CSV, FALSE, TRUE },
  { "html", export_report, VIGIA_REPORT_FORMAT_HTML, TRUE, TRUE },
  { "pdf", export_report, VIGIA_REPORT_FORMAT_PDF, TRUE, TRUE },
  { "txt", export_report, VIGIA_REPORT_FORMAT_TXT, TRUE, FALSE },
};

static gboolean
export_json (VigiaLibrary         *library,
             GArray               *ids,
             const ExportOptions  *options,
             GOutputStream        *stream,
             GError              **error)
{
  return vigia_json_writer_write_plans (stream, library, ids, options->since, NULL, NULL, error);
}

/* The report of a plan as of the period.  With --all, a plan whose term does
 * not hold the period gives %NULL without @error, after saying so. */
static VigiaReport *
load_report (VigiaLibrary         *library,
             gint64                id,
             const ExportOptions  *options,
             GError              **error)
{
  g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, id, error);
  g_autoptr(GError) local_error = NULL;
  VigiaReport *report;

  if (plan == NULL)
    return NULL;
  report = vigia_report_new (plan, options->period, &local_error);
  if (report != NULL)
    return report;

  if (options->all && g_error_matches (local_error, VIGIA_ERROR, VIGIA_ERROR_INVALID))
    {
      g_autofree char *place = vigia_plan_dup_place_label (plan);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *organization = vigia_text_isolate (vigia_plan_get_organization (plan));

      /* Translators: plan id, organization, place, then why it is left out of an export. */
      vigia_cli_error (_("plan %s (%s — %s) left out: %s"), number, organization, place, local_error->message);
      return NULL;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* One spreadsheet for all the plans: a header, then each plan's rows. */
static gboolean
export_csv (VigiaLibrary         *library,
            GArray               *ids,
            const ExportOptions  *options,
            GOutputStream        *stream,
            GError              **error)
{
  g_autoptr(VigiaCsvWriter) writer = vigia_csv_writer_new (stream, options->delimiter);

  vigia_report_csv_add_header (writer);
  if (!vigia_csv_writer_end_row (writer, NULL, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(VigiaReport) report = load_report (library, g_array_index (ids, gint64, i), options,
                                                   &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (report != NULL && !vigia_report_csv_add_plan (writer, report, NULL, error))
        return FALSE;
    }
  return vigia_csv_writer_close (writer, NULL, error);
}

/* A report of the one plan of @ids. */
static gboolean
export_report (VigiaLibrary         *library,
               GArray               *ids,
               const ExportOptions  *options,
               GOutputStream        *stream,
               GError              **error)
{
  g_autoptr(VigiaReport) report = NULL;

  g_assert (ids->len == 1);

  report = load_report (library, g_array_index (ids, gint64, 0), options, error);
  return report != NULL && vigia_report_write (report, options->format->report, stream, NULL, error);
}

/* With --all, the reports of one plan each go into a folder, one file a
 * plan, named for the place and semester ("informe-independencia-2024-S2.pdf";
 * the plan's id is added when two plans would share a name).  Each file
 * written is named on the standard output. */
static int
export_folder (const char          *folder,
               VigiaLibrary        *library,
               GArray              *ids,
               const ExportOptions *options)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GFile) directory = g_file_new_for_commandline_arg (folder);
  g_autoptr(GError) error = NULL;

  if (!g_file_make_directory_with_parents (directory, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      vigia_cli_error ("%s: %s", folder, error->message);
      return VIGIA_CLI_ERROR;
    }
  g_clear_error (&error);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(VigiaReport) report = load_report (library, id, options, &error);
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (error != NULL)
        {
          vigia_cli_error ("%s", error->message);
          return VIGIA_CLI_ERROR;
        }
      if (report == NULL)
        continue;

      name = vigia_report_dup_file_name (report, options->format->report);
      if (g_hash_table_contains (names, name))
        {
          const char *dot = strrchr (name, '.');
          g_autofree char *stem = g_strndup (name, dot - name);

          g_free (name);
          name = g_strdup_printf ("%s-%" G_GINT64_FORMAT "%s", stem, id, dot);
        }
      g_hash_table_add (names, g_strdup (name));

      file = g_file_get_child (directory, name);
      if (!vigia_report_write_file (report, options->format->report, file, NULL, &error))
        {
          vigia_cli_error ("%s", error->message);
          return VIGIA_CLI_ERROR;
        }
      path = g_file_get_parse_name (file);
      g_print ("%s\n", path);
    }

  return VIGIA_CLI_OK;
}

static char *
format_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", export_formats[i].name);
  return g_string_free (names, FALSE);
}

typedef struct
{
  VigiaLibrary        *library;
  GArray              *ids;
  const ExportOptions *options;
} ExportRun;

static gboolean
write_export (GOutputStream  *stream,
              gpointer        user_data,
              GCancellable   *cancellable,
              GError        **error)
{
  ExportRun *run = user_data;

  return run->options->format->write (run->library, run->ids, run->options, stream, error);
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
  g_autofree char *period_option = NULL;
  g_autofree char *period = NULL;
  g_autofree char *since_option = NULL;
  g_autofree char *since = NULL;
  g_autofree char *names = format_names ();
  g_autofree char *format_help = NULL;
  ExportOptions options = { NULL, NULL, ',', FALSE, NULL };
  gboolean all = FALSE;
  gboolean semicolon = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, NULL, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (default: the standard output); with --all and pdf, html or txt, "
         "the folder"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_option,
      N_("The semester of the report, pdf, html or csv (default: the latest with progress)"),
      N_("PERIOD") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Export every plan of the library"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_option,
      N_("json: only what was recorded or changed after this date (2026-07-01) or time, a package of "
         "changes that “import” merges"), N_("DATE") },
    { "semicolon", 0, 0, G_OPTION_ARG_NONE, &semicolon,
      N_("csv: separate cells with semicolons and write decimal commas, as spreadsheets in Spanish expect"),
      NULL },
    { NULL }
  };
  int status;

  /* Translated here, since the list of formats is not known to xgettext. */
  format_help = g_strdup_printf (_("The format to write: %s (default: json)"), names);
  entries[0].description = format_help;

  context = vigia_cli_option_context (cli, _("[PLAN]"),
                                      _("Writes a plan (its id or uuid), or with --all the whole "
                                        "library: json in Vigía's exchange format, which “import” "
                                        "reads back; pdf or html, the progress report of a semester; "
                                        "csv, its progress as a spreadsheet, which “progress import” "
                                        "reads back; txt, the plan as the text of the JNE's summary. "
                                        "With --all, csv and json write one file for all the plans, "
                                        "pdf, html and txt a file per plan into the folder --output "
                                        "names."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_ascii_strcasecmp (format_name != NULL ? format_name : "json", export_formats[i].name) == 0)
      options.format = &export_formats[i];
  if (options.format == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”: the formats are %s."),
                                                  format_name, names);

      return vigia_cli_usage_error (context, message);
    }
  if (all && argc > 1)
    return vigia_cli_usage_error (context, _("Name one plan, or --all, not both."));
  if (!all && argc != 2)
    return vigia_cli_usage_error (context, _("Name one plan, or --all for the whole library."));
  if (period_option != NULL && !options.format->dated)
    return vigia_cli_usage_error (context, _("--period is for the reports: pdf, html or csv."));
  if (period_option != NULL && (status = vigia_cli_parse_period (context, period_option, &period)) != VIGIA_CLI_OK)
    return status;
  if (since_option != NULL && options.format->write != export_json)
    return vigia_cli_usage_error (context, _("--since is for json, Vigía’s exchange format."));
  if (since_option != NULL && (since = vigia_stamp_parse_time (since_option, &error)) == NULL)
    return vigia_cli_usage_error (context, error->message);
  if (all && options.format->per_plan && (output == NULL || g_strcmp0 (output, "-") == 0))
    return vigia_cli_usage_error (context, _("With --all, pdf, html and txt need --output FOLDER: "
                                             "a file is written per plan."));

  options.period = period;
  options.delimiter = semicolon ? ';' : ',';
  options.all = all;
  options.since = since;

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
      /* A semester outside the plan's term is the plan's error, not the file's. */
      if (period != NULL)
        {
          g_autoptr(VigiaReport) report = vigia_report_new (plan, period, &error);

          if (report == NULL)
            {
              vigia_cli_error ("%s", error->message);
              return VIGIA_CLI_ERROR;
            }
        }
      id = vigia_plan_get_id (plan);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, id);
    }

  if (all && options.format->per_plan)
    return export_folder (output, library, ids, &options);

  {
    ExportRun run = { library, ids, &options };

    if (!vigia_cli_write_output (output, write_export, &run, &error))
      {
        vigia_cli_error ("%s", error->message);
        return VIGIA_CLI_ERROR;
      }
  }

  return VIGIA_CLI_OK;
}
