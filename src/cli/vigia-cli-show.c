/* vigia-cli-show.c: show, a plan with its goals
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "vigia-cli.h"

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
  guint n_targets = vigia_goal_get_n_targets (goal);

  g_print ("  %u. %s: %s\n", vigia_goal_get_number (goal), _("Problem"),
           vigia_goal_get_problem (goal) ? vigia_goal_get_problem (goal) : "");
  g_print ("     %s: %s\n", _("Strategic objective"),
           vigia_goal_get_objective (goal) ? vigia_goal_get_objective (goal) : "");
  g_print ("     %s: %s\n", _("Indicator"),
           vigia_goal_get_indicator (goal) ? vigia_goal_get_indicator (goal) : "");
  for (guint i = 0; i < n_targets; i++)
    {
      VigiaTarget *target = vigia_goal_get_target (goal, i);
      g_autofree char *reading = vigia_target_dup_label (target);
      g_autofree char *label = NULL;
      g_autofree char *contradiction = vigia_target_dup_contradiction (target);

      /* Several targets are numbered as the command line names them: 2.1, 2.2. */
      if (n_targets > 1)
        label = g_strdup_printf ("%s %u.%u", _("Target"), vigia_goal_get_number (goal), i + 1);
      g_print ("     %s: %s [%s]\n", label != NULL ? label : _("Target"),
               vigia_target_get_text (target) ? vigia_target_get_text (target) : "", reading);
      if (contradiction != NULL)
        g_print ("       ⚠ %s\n", contradiction);
    }
}

static void
print_plan (VigiaLibrary *library,
            VigiaPlan    *plan)
{
  g_autofree char *place = vigia_plan_dup_place_label (plan);
  g_autofree char *term = vigia_plan_dup_term_label (plan);
  g_autofree char *codes = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;
  guint n_dims = vigia_plan_get_n_dimensions (plan);
  const VigiaUbigeoPlace *ubigeo = NULL;

  if (vigia_plan_get_ubigeo (plan) != NULL)
    ubigeo = vigia_ubigeo_find (vigia_plan_get_ubigeo (plan));
  if (ubigeo != NULL)
    codes = vigia_ubigeo_place_dup_codes (ubigeo);
  if (vigia_plan_get_jne_ref (plan) > 0)
    lists = vigia_library_find_jne_lists (library, vigia_plan_get_jne_ref (plan), &error);
  if (error != NULL)
    g_printerr ("vigia-cli: %s\n", error->message);

  {
    g_autofree char *organization = vigia_text_isolate (vigia_plan_get_organization (plan));

    g_print ("%s %" G_GINT64_FORMAT ": %s\n", _("Plan"), vigia_plan_get_id (plan), organization);
  }
  print_field (_("Election type"), vigia_election_get_label (vigia_plan_get_election (plan)));
  print_field (_("Election process"), vigia_plan_get_process (plan));
  print_field (_("Place"), place);
  print_field (_("UBIGEO"), codes != NULL ? codes : vigia_plan_get_ubigeo (plan));
  print_field (_("Term"), term);
  print_field (_("Authority"), vigia_plan_get_authority_name (plan));
  print_field (_("Source"), vigia_plan_get_source_reference (plan));
  for (guint i = 0; lists != NULL && i < lists->len; i++)
    {
      const VigiaJneList *list = g_ptr_array_index (lists, i);
      /* Translators: a candidate list that filed the plan: its expediente and status, "ERM.2022009966, INSCRITO" */
      g_autofree char *text = g_strdup_printf (_("%s, %s"), list->file_number ? list->file_number : "—",
                                               list->status ? list->status : "—");

      print_field (_("JNE list"), text);
    }
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

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_EXISTING);
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
    print_plan (library, plan);

  return VIGIA_CLI_OK;
}
