/* vigia-cli-plans.c: list, show and search
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "vigia-cli.h"

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
  add_string_or_null (builder, "changed", vigia_plan_summary_get_changed (summary));
  json_builder_end_object (builder);
}

static void
print_summary_line (VigiaPlanSummary *summary)
{
  g_autofree char *place = vigia_plan_summary_dup_place_label (summary);
  g_autofree char *term = vigia_plan_summary_dup_term_label (summary);
  guint n_goals = vigia_plan_summary_get_n_goals (summary);
  g_autofree char *goals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals",
                                                        n_goals), n_goals);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
           vigia_plan_summary_get_id (summary),
           vigia_plan_summary_get_organization (summary),
           place,
           vigia_election_get_label (vigia_plan_summary_get_election (summary)),
           term,
           goals);
}

static int
print_plans (VigiaLibrary *library,
             GArray       *ids,
             gboolean      json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (json)
    json_builder_begin_array (builder);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigiaPlanSummary) summary = NULL;

      summary = vigia_library_load_summary (library, g_array_index (ids, gint64, i), &error);
      if (summary == NULL)
        {
          vigia_cli_error ("%s", error->message);
          return VIGIA_CLI_ERROR;
        }

      if (json)
        add_summary_json (builder, summary);
      else
        print_summary_line (summary);
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

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_DEFAULT);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  ids = vigia_library_query_plan_ids (library, NULL, &error);
  if (ids == NULL)
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  return print_plans (library, ids, json);
}

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

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_DEFAULT);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  ids = vigia_library_query_plan_ids (library, &query, &error);
  if (ids == NULL)
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  return print_plans (library, ids, json);
}

static void
print_field (const char *label,
             const char *value)
{
  if (vigia_str_empty (value))
    return;
  g_print ("%s: %s\n", label, value);
}

static void
print_goal (VigiaGoal *goal)
{
  g_autofree char *reading = vigia_goal_dup_target_label (goal);

  g_print ("  %u. %s: %s\n", vigia_goal_get_number (goal), _("Problem"),
           vigia_goal_get_problem (goal) ? vigia_goal_get_problem (goal) : "");
  g_print ("     %s: %s\n", _("Strategic objective"),
           vigia_goal_get_objective (goal) ? vigia_goal_get_objective (goal) : "");
  g_print ("     %s: %s\n", _("Indicator"),
           vigia_goal_get_indicator (goal) ? vigia_goal_get_indicator (goal) : "");
  g_print ("     %s: %s [%s]\n", _("Target"),
           vigia_goal_get_target_text (goal) ? vigia_goal_get_target_text (goal) : "",
           reading);
}

static void
print_plan (VigiaPlan *plan)
{
  g_autofree char *place = vigia_plan_dup_place_label (plan);
  g_autofree char *term = vigia_plan_dup_term_label (plan);
  guint n_dims = vigia_plan_get_n_dimensions (plan);

  g_print ("%s %" G_GINT64_FORMAT ": %s\n", _("Plan"), vigia_plan_get_id (plan),
           vigia_plan_get_organization (plan));
  print_field (_("Election type"), vigia_election_get_label (vigia_plan_get_election (plan)));
  print_field (_("Election process"), vigia_plan_get_process (plan));
  print_field (_("Place"), place);
  print_field (_("UBIGEO"), vigia_plan_get_ubigeo (plan));
  print_field (_("Term"), term);
  print_field (_("Authority"), vigia_plan_get_authority_name (plan));
  print_field (_("Source"), vigia_plan_get_source_reference (plan));
  print_field ("UUID", vigia_plan_get_uuid (plan));

  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      g_autofree char *name = vigia_dimension_dup_name (dim);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      g_print ("\n%s (", name);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", n_goals), n_goals);
      g_print (")\n");
      for (guint j = 0; j < n_goals; j++)
        print_goal (vigia_dimension_get_goal (dim, j));
    }
}

int
vigia_cli_show (VigiaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write the plan in Vigía's exchange format (JSON)"), NULL },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, _("PLAN"),
                                      _("Shows a plan (its id as “list” gives it, or its uuid) "
                                        "with its dimensions and goals."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc != 2)
    return vigia_cli_usage_error (context, _("Name one plan."));

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_DEFAULT);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  plan = vigia_cli_load_plan (library, argv[1]);
  if (plan == NULL)
    return VIGIA_CLI_ERROR;

  if (json)
    {
      g_autofree char *document = vigia_json_writer_plan_to_string (plan);

      fputs (document, stdout);
    }
  else
    print_plan (plan);

  return VIGIA_CLI_OK;
}
