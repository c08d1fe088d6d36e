/* vigia-cli-progress.c: progress set, import and export
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-cli.h"
#include "vigia-number.h"

/* ---------------------------------------------------------------------- */
/* Finding a goal                                                         */
/* ---------------------------------------------------------------------- */

static VigiaDimension *
find_dimension (VigiaPlan  *plan,
                const char *reference)
{
  guint n_dims = vigia_plan_get_n_dimensions (plan);
  guint64 position;
  int kind;

  if (g_ascii_string_to_unsigned (reference, 10, 1, n_dims, &position, NULL))
    return vigia_plan_get_dimension (plan, position - 1);

  if (!vigia_enum_from_nick (VIGIA_TYPE_DIMENSION_KIND, reference, &kind))
    return NULL;
  for (guint i = 0; i < n_dims; i++)
    if ((int) vigia_dimension_get_kind (vigia_plan_get_dimension (plan, i)) == kind)
      return vigia_plan_get_dimension (plan, i);
  return NULL;
}

/* The goal's one target, or with several, an error that names them. */
static VigiaTarget *
only_target (VigiaGoal  *goal,
             const char *reference)
{
  g_autoptr(GString) refs = NULL;
  guint n = vigia_goal_get_n_targets (goal);

  if (n == 1)
    return vigia_goal_get_target (goal, 0);

  refs = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (refs, "%s%s.%u", i > 0 ? ", " : "", reference, i + 1);
  /* Translators: a reference, the number of targets, then their references:
   * "1:social:2 has 3 targets: give one of 1:social:2.1, 1:social:2.2, 1:social:2.3". */
  vigia_cli_error (g_dngettext (GETTEXT_PACKAGE, "%s has %u target: give %s", "%s has %u targets: give one of %s", n),
                   reference, n, refs->str);
  return NULL;
}

/* @reference: a target's uuid; a goal's uuid, or PLAN:DIMENSION:NUMBER, as
 * 1:social:2, for a goal of one target; or PLAN:DIMENSION:NUMBER.TARGET, as
 * 1:social:2.3, where PLAN is an id or uuid, DIMENSION a kind or a position
 * from 1 and TARGET a position from 1 (docs/exchange-format.md, "References"). */
static VigiaPlan *
load_target (VigiaLibrary  *library,
             const char    *reference,
             VigiaGoal    **goal,
             VigiaTarget  **target)
{
  g_auto(GStrv) parts = g_strsplit (reference, ":", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = NULL;

  *goal = NULL;
  *target = NULL;

  if (g_strv_length (parts) == 3)
    {
      VigiaDimension *dim;
      g_auto(GStrv) numbers = g_strsplit (parts[2], ".", 2);
      guint64 number;
      guint64 position = 0;
      guint n_goals;

      plan = vigia_cli_load_plan (library, parts[0]);
      if (plan == NULL)
        return NULL;

      dim = find_dimension (plan, parts[1]);
      if (dim == NULL)
        {
          vigia_cli_error (_("The plan has no dimension “%s”: give its kind (social, economic, "
                             "environmental, institutional, other) or its position."), parts[1]);
          return NULL;
        }

      n_goals = vigia_dimension_get_n_goals (dim);
      if (g_ascii_string_to_unsigned (numbers[0], 10, 1, G_MAXUINT, &number, NULL) &&
          (numbers[1] == NULL || g_ascii_string_to_unsigned (numbers[1], 10, 1, G_MAXUINT, &position, NULL)))
        for (guint i = 0; i < n_goals; i++)
          if (vigia_goal_get_number (vigia_dimension_get_goal (dim, i)) == number)
            *goal = vigia_dimension_get_goal (dim, i);
      if (*goal == NULL)
        {
          vigia_cli_error (_("There is no goal “%s” in the library."), reference);
          return NULL;
        }
      if (numbers[1] == NULL)
        *target = only_target (*goal, reference);
      else if (position > vigia_goal_get_n_targets (*goal))
        vigia_cli_error (g_dngettext (GETTEXT_PACKAGE, "There is no target “%s”: the goal has %u target.",
                                      "There is no target “%s”: the goal has %u targets.",
                                      vigia_goal_get_n_targets (*goal)),
                         reference, vigia_goal_get_n_targets (*goal));
      else
        *target = vigia_goal_get_target (*goal, position - 1);
      return *target != NULL ? g_steal_pointer (&plan) : NULL;
    }
  else
    {
      gint64 plan_id = 0;
      gint64 goal_id = 0;
      gint64 target_id = vigia_library_lookup_target (library, reference, &goal_id, &plan_id, &error);

      if (target_id == 0)
        goal_id = vigia_library_lookup_goal (library, reference, &plan_id, &error);
      if (target_id < 0 || goal_id < 0)
        {
          vigia_cli_error ("%s", error->message);
          return NULL;
        }
      if (goal_id == 0)
        {
          vigia_cli_error (_("There is no goal or target “%s” in the library."), reference);
          return NULL;
        }

      plan = vigia_library_load_plan (library, plan_id, &error);
      if (plan == NULL)
        {
          vigia_cli_error ("%s", error->message);
          return NULL;
        }
      if (target_id != 0)
        *target = vigia_plan_find_target (plan, reference, goal);
      else if (vigia_plan_find_goal (plan, reference, goal) != NULL)
        *target = only_target (*goal, reference);
      return *target != NULL ? g_steal_pointer (&plan) : NULL;
    }
}

/* ---------------------------------------------------------------------- */
/* progress set                                                           */
/* ---------------------------------------------------------------------- */

static int
progress_set (VigiaCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(VigiaProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_option = NULL;
  g_autofree char *note_option = NULL;
  g_autofree char *source_option = NULL;
  g_autofree char *date_option = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *period = NULL;
  g_autofree char *period_label = NULL;
  g_autofree char *value_label = NULL;
  g_auto(GStrv) evidence_option = NULL;
  VigiaSource source = VIGIA_SOURCE_AUTHORITY;
  VigiaStatus status = VIGIA_STATUS_NOT_RATED;
  VigiaProgress *existing;
  VigiaGoal *goal = NULL;
  VigiaTarget *target = NULL;
  double value = VIGIA_NO_VALUE;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_option,
      N_("not-rated, in-progress, stalled, partly-kept, kept or broken"), N_("STATUS") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note_option, N_("A note (\"\" removes it)"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING_ARRAY, &evidence_option,
      N_("An address or file reference; repeat for several (\"\" removes them)"), N_("URL") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_option,
      N_("Whose figure: authority (the default) or observer"), N_("SOURCE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_option,
      N_("The date of the entry, 2027-03-31 (default: now)"), N_("DATE") },
    { NULL }
  };
  int status_code;

  context = vigia_cli_option_context (cli, _("TARGET PERIOD VALUE"),
                                      _("Records a target’s progress in a semester. TARGET is the "
                                        "target’s uuid or PLAN:DIMENSION:GOAL.TARGET as in 1:social:2.1; "
                                        "for a goal of one target, its uuid or PLAN:DIMENSION:GOAL as in "
                                        "1:social:2 will do. PERIOD is "
                                        "2027-S1 or 2027-S2; VALUE is in the target’s unit (a percent "
                                        "change as the signed change, −8 for a fall of 8 %), or - for "
                                        "none. Options not given keep what the entry had."),
                                      entries);
  /* So that a negative VALUE ("-8") is not taken for an option. */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  if ((status_code = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status_code;

  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && argv[i][1] != '\0' && !g_ascii_isdigit (argv[i][1]) &&
        !g_str_has_prefix (argv[i], "−") && argv[i][1] != '.' && argv[i][1] != ',')
      {
        g_autofree char *message = g_strdup_printf (_("Unknown option %s"), argv[i]);

        return vigia_cli_usage_error (context, message);
      }
  if (argc != 4)
    return vigia_cli_usage_error (context, _("Give a target, a period and a value."));

  if ((status_code = vigia_cli_parse_period (context, argv[2], &period)) != VIGIA_CLI_OK)
    return status_code;

  if (g_strcmp0 (argv[3], "-") != 0 &&
      !vigia_progress_parse_value (argv[3], ',', &value, &error))
    return vigia_cli_usage_error (context, error->message);

  if (source_option != NULL && (status_code = vigia_cli_parse_source (context, source_option, &source)) != VIGIA_CLI_OK)
    return status_code;
  if (status_option != NULL && !vigia_status_parse (status_option, &status, &error))
    return vigia_cli_usage_error (context, error->message);
  if (date_option != NULL && (recorded = vigia_progress_parse_date (date_option, &error)) == NULL)
    return vigia_cli_usage_error (context, error->message);

  library = vigia_cli_open_library_for_writing (cli, VIGIA_LIBRARY_OPEN_EXISTING);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  plan = load_target (library, argv[1], &goal, &target);
  if (plan == NULL)
    return VIGIA_CLI_ERROR;

  if (vigia_plan_has_term (plan) &&
      vigia_term_get_period_index (vigia_plan_get_term_start (plan), vigia_plan_get_term_end (plan),
                                   period) == 0)
    {
      g_autofree char *term = vigia_plan_dup_term_label (plan);

      vigia_cli_error (_("“%s” is outside the plan’s term, %s"), period, term);
      return VIGIA_CLI_ERROR;
    }

  existing = vigia_target_find_progress (target, period, source);
  progress = existing != NULL ? vigia_progress_copy (existing) : vigia_progress_new (period, source);
  vigia_progress_set_value (progress, value);
  if (status_option != NULL)
    vigia_progress_set_status (progress, status);
  if (note_option != NULL)
    vigia_progress_set_note (progress, *note_option != '\0' ? note_option : NULL);
  if (evidence_option != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) evidence = NULL;

      for (guint i = 0; evidence_option[i] != NULL; i++)
        if (!vigia_str_empty (evidence_option[i]))
          g_strv_builder_add (builder, evidence_option[i]);
      evidence = g_strv_builder_end (builder);
      vigia_progress_set_evidence (progress, (const char * const *) evidence);
    }
  if (recorded != NULL)
    vigia_progress_set_recorded (progress, recorded);

  if (!vigia_library_save_progress (library, plan, goal, target, progress, &error))
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  period_label = vigia_period_dup_label (period);
  value_label = vigia_number_format (vigia_progress_get_value (progress), 4);
  /* Translators: goal number, indicator, semester, source, value, status:
   * "Goal 2 (MYPES ATENDIDAS), 1st half 2024, Authority: 140, In progress". */
  g_print (_("Goal %u (%s), %s, %s: %s, %s\n"), vigia_goal_get_number (goal),
           vigia_goal_get_indicator (goal) != NULL ? vigia_goal_get_indicator (goal) : "",
           period_label, vigia_source_get_label (source), value_label,
           vigia_status_get_label (vigia_progress_get_status (progress)));
  return VIGIA_CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* progress import                                                        */
/* ---------------------------------------------------------------------- */

static int
progress_import (VigiaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  guint n_saved = 0;
  int status;

  context = vigia_cli_option_context (cli, _("FILE.csv"),
                                      _("Records progress from a spreadsheet saved as CSV, with the "
                                        "columns that “progress export” writes (goal_uuid and period "
                                        "are required). Either every row is recorded or, if any row is "
                                        "wrong, none: each problem is named with its row and column."),
                                      NULL);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc != 2)
    return vigia_cli_usage_error (context, _("Name one CSV file."));

  library = vigia_cli_open_library_for_writing (cli, VIGIA_LIBRARY_OPEN_EXISTING);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!vigia_progress_csv_import_file (library, file, &n_saved, NULL, &error))
    {
      /* One problem a line, as the import lists them. */
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        vigia_cli_error ("%s", lines[i]);
      return VIGIA_CLI_ERROR;
    }

  name = g_file_get_basename (file);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u progress entry recorded from %s.\n",
                        "%u progress entries recorded from %s.\n", n_saved),
           n_saved, name);
  return VIGIA_CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* progress export                                                        */
/* ---------------------------------------------------------------------- */

typedef struct
{
  VigiaPlan  *plan;
  const char *period;
  int         source;
  char        delimiter;
} ProgressExport;

static gboolean
write_progress (GOutputStream  *stream,
                gpointer        user_data,
                GCancellable   *cancellable,
                GError        **error)
{
  ProgressExport *export = user_data;
  g_autoptr(VigiaCsvWriter) writer = vigia_csv_writer_new (stream, export->delimiter);

  vigia_progress_csv_add_header (writer);
  return vigia_csv_writer_end_row (writer, cancellable, error) &&
         vigia_progress_csv_write_plan (writer, export->plan, export->period, export->source,
                                        cancellable, error) &&
         vigia_csv_writer_close (writer, cancellable, error);
}

static int
progress_export (VigiaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *period_option = NULL;
  g_autofree char *source_option = NULL;
  g_autofree char *period = NULL;
  gboolean semicolon = FALSE;
  VigiaSource source = VIGIA_SOURCE_AUTHORITY;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_option,
      N_("One row per goal for this semester, to fill in (default: every entry)"), N_("PERIOD") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_option,
      N_("Only this source’s entries: authority or observer"), N_("SOURCE") },
    { "semicolon", 0, 0, G_OPTION_ARG_NONE, &semicolon,
      N_("Separate cells with semicolons and write decimal commas, as spreadsheets in Spanish expect"),
      NULL },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, _("PLAN"),
                                      _("Writes a plan’s progress as CSV, in the columns “progress "
                                        "import” reads back."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc != 2)
    return vigia_cli_usage_error (context, _("Name one plan."));

  if (period_option != NULL && (status = vigia_cli_parse_period (context, period_option, &period)) != VIGIA_CLI_OK)
    return status;
  if (source_option != NULL && (status = vigia_cli_parse_source (context, source_option, &source)) != VIGIA_CLI_OK)
    return status;

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_EXISTING);
  if (library == NULL)
    return VIGIA_CLI_ERROR;
  plan = vigia_cli_load_plan (library, argv[1]);
  if (plan == NULL)
    return VIGIA_CLI_ERROR;

  {
    ProgressExport export = { plan, period, source_option != NULL || period != NULL ? (int) source : -1,
                              semicolon ? ';' : ',' };

    if (!vigia_cli_write_output (output, write_progress, &export, &error))
      {
        vigia_cli_error ("%s", error->message);
        return VIGIA_CLI_ERROR;
      }
  }
  return VIGIA_CLI_OK;
}

int
vigia_cli_progress (VigiaCli  *cli,
                    int        argc,
                    char     **argv)
{
  static const struct {
    const char      *name;
    VigiaCliCommand  run;
  } subcommands[] = {
    { "set", progress_set },
    { "import", progress_import },
    { "export", progress_export },
  };

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      if (g_strcmp0 (argv[1], subcommands[i].name) == 0)
        return subcommands[i].run (cli, argc - 1, argv + 1);

  vigia_cli_error (_("Say what to do with progress: set, import or export (“progress set --help” tells more)."));
  return VIGIA_CLI_USAGE;
}
