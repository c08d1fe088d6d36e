/* vigia-cli-assess.c: assess, a plan's achievement or the ranking of every plan
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vigia-cli.h"
#include "vigia-number.h"

typedef enum {
  SORT_ACHIEVEMENT,
  SORT_DEPARTMENT,
  SORT_ELECTION,
} AssessSort;

typedef struct
{
  VigiaPlanScore    score;
  VigiaPlanSummary *summary;
} Ranked;

static void
add_nullable_number (JsonBuilder *builder,
                     const char  *member,
                     double       value)
{
  json_builder_set_member_name (builder, member);
  if (VIGIA_HAS_VALUE (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_rollup_json (JsonBuilder       *builder,
                 const char        *member,
                 const VigiaRollup *rollup,
                 double             expected)
{
  double achievement = vigia_rollup_get_achievement (rollup);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_nullable_number (builder, "achievement", achievement);
  json_builder_set_member_name (builder, "pace");
  json_builder_add_string_value (builder,
                                 vigia_enum_to_nick (VIGIA_TYPE_PACE,
                                                     vigia_pace_from_achievement (achievement, expected)));
  json_builder_set_member_name (builder, "goals");
  json_builder_add_int_value (builder, rollup->n_goals);
  json_builder_set_member_name (builder, "targets");
  json_builder_add_int_value (builder, rollup->n_targets);
  json_builder_set_member_name (builder, "with_data");
  json_builder_add_int_value (builder, rollup->n_with_data);
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_object (builder);
  for (int s = 0; s < VIGIA_N_STATUSES; s++)
    {
      json_builder_set_member_name (builder, vigia_enum_to_nick (VIGIA_TYPE_STATUS, s));
      json_builder_add_int_value (builder, rollup->status_counts[s]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_goal_result_json (JsonBuilder           *builder,
                      const char            *member,
                      const VigiaGoalResult *result)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, vigia_enum_to_nick (VIGIA_TYPE_STATUS, result->status));
  add_nullable_number (builder, "achievement", result->achievement);
  json_builder_set_member_name (builder, "pace");
  json_builder_add_string_value (builder, vigia_enum_to_nick (VIGIA_TYPE_PACE, result->pace));
  json_builder_end_object (builder);
}

static void
add_target_result_json (JsonBuilder             *builder,
                        const char              *member,
                        const VigiaTargetResult *result)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "period");
  if (result->entry != NULL)
    json_builder_add_string_value (builder, vigia_progress_get_period (result->entry));
  else
    json_builder_add_null_value (builder);
  add_nullable_number (builder, "value",
                       result->entry != NULL ? vigia_progress_get_value (result->entry) : VIGIA_NO_VALUE);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, vigia_enum_to_nick (VIGIA_TYPE_STATUS, result->status));
  add_nullable_number (builder, "achievement", result->achievement);
  json_builder_set_member_name (builder, "pace");
  json_builder_add_string_value (builder, vigia_enum_to_nick (VIGIA_TYPE_PACE, result->pace));
  json_builder_end_object (builder);
}

static void
print_plan_assessment_json (VigiaAssessment *assessment)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  VigiaPlan *plan = vigia_assessment_get_plan (assessment);
  double expected = vigia_assessment_get_expected (assessment);
  guint n_dims = vigia_plan_get_n_dimensions (plan);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, vigia_plan_get_id (plan));
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, vigia_plan_get_uuid (plan));
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, vigia_assessment_get_period (assessment));
  add_nullable_number (builder, "expected", expected);
  add_rollup_json (builder, "authority", vigia_assessment_get_plan_rollup (assessment, VIGIA_SOURCE_AUTHORITY), expected);
  add_rollup_json (builder, "observer", vigia_assessment_get_plan_rollup (assessment, VIGIA_SOURCE_OBSERVER), expected);

  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, vigia_enum_to_nick (VIGIA_TYPE_DIMENSION_KIND,
                                                                  vigia_dimension_get_kind (dim)));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, vigia_dimension_get_title (dim));
      add_rollup_json (builder, "authority",
                       vigia_assessment_get_dimension_rollup (assessment, i, VIGIA_SOURCE_AUTHORITY), expected);
      add_rollup_json (builder, "observer",
                       vigia_assessment_get_dimension_rollup (assessment, i, VIGIA_SOURCE_OBSERVER), expected);
      json_builder_set_member_name (builder, "goals");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          guint n_targets = vigia_goal_get_n_targets (goal);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, vigia_goal_get_uuid (goal));
          json_builder_set_member_name (builder, "number");
          json_builder_add_int_value (builder, vigia_goal_get_number (goal));
          json_builder_set_member_name (builder, "indicator");
          json_builder_add_string_value (builder, vigia_goal_get_indicator (goal));
          add_goal_result_json (builder, "authority",
                                vigia_assessment_get_goal_result (assessment, goal, VIGIA_SOURCE_AUTHORITY));
          add_goal_result_json (builder, "observer",
                                vigia_assessment_get_goal_result (assessment, goal, VIGIA_SOURCE_OBSERVER));
          json_builder_set_member_name (builder, "targets");
          json_builder_begin_array (builder);
          for (guint t = 0; t < n_targets; t++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, t);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "uuid");
              json_builder_add_string_value (builder, vigia_target_get_uuid (target));
              json_builder_set_member_name (builder, "text");
              json_builder_add_string_value (builder, vigia_target_get_text (target));
              add_target_result_json (builder, "authority",
                                      vigia_assessment_get_target_result (assessment, target, VIGIA_SOURCE_AUTHORITY));
              add_target_result_json (builder, "observer",
                                      vigia_assessment_get_target_result (assessment, target, VIGIA_SOURCE_OBSERVER));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  vigia_cli_print_json (root);
}

static char *
describe_rollup (const VigiaRollup *rollup,
                 double             expected)
{
  g_autofree char *description = vigia_rollup_dup_description (rollup);
  VigiaPace pace = vigia_pace_from_achievement (vigia_rollup_get_achievement (rollup), expected);

  if (pace == VIGIA_PACE_NO_DATA)
    return g_steal_pointer (&description);
  return g_strdup_printf ("%s (%s)", description, vigia_pace_get_label (pace));
}

static char *
describe_target_result (const VigiaTargetResult *result)
{
  g_autofree char *share = vigia_target_achievement_format (result->achievement);
  g_autofree char *value = NULL;
  g_autofree char *period = NULL;

  if (result->entry == NULL)
    return g_strdup (_("nothing recorded"));

  value = vigia_number_format (vigia_progress_get_value (result->entry), 4);
  period = vigia_period_dup_short_label (vigia_progress_get_period (result->entry));
  /* Translators: value, semester, status, achievement: "32 (H2 2024), In progress, 80 %". */
  return g_strdup_printf (_("%s (%s), %s, %s"), value, period,
                          vigia_status_get_label (result->status), share);
}

static void
print_plan_assessment (VigiaAssessment *assessment)
{
  VigiaPlan *plan = vigia_assessment_get_plan (assessment);
  double expected = vigia_assessment_get_expected (assessment);
  g_autofree char *place = vigia_plan_dup_place_label (plan);
  g_autofree char *period = vigia_period_dup_label (vigia_assessment_get_period (assessment));
  g_autofree char *expected_share = vigia_number_format_share (expected);
  guint n_dims = vigia_plan_get_n_dimensions (plan);
  g_autofree char *organization = vigia_text_isolate (vigia_plan_get_organization (plan));

  g_print ("%s %" G_GINT64_FORMAT ": %s — %s\n", _("Plan"), vigia_plan_get_id (plan), organization, place);
  /* Translators: the semester, then the share of the term elapsed: "2nd half 2024 (expected 50 %)". */
  g_print (_("As of %s (expected %s)\n"), period, expected_share);

  for (int s = VIGIA_SOURCE_AUTHORITY; s <= VIGIA_SOURCE_OBSERVER; s++)
    {
      g_autofree char *line = describe_rollup (vigia_assessment_get_plan_rollup (assessment, s), expected);

      g_print ("%s: %s\n", vigia_source_get_label (s), line);
    }

  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      g_autofree char *name = vigia_dimension_dup_name (dim);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      g_print ("\n%s\n", name);
      for (int s = VIGIA_SOURCE_AUTHORITY; s <= VIGIA_SOURCE_OBSERVER; s++)
        {
          g_autofree char *line = describe_rollup (vigia_assessment_get_dimension_rollup (assessment, i, s),
                                                   expected);

          g_print ("  %s: %s\n", vigia_source_get_label (s), line);
        }
      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          const char *indicator = vigia_goal_get_indicator (goal) != NULL ? vigia_goal_get_indicator (goal) : "";
          guint n_targets = vigia_goal_get_n_targets (goal);

          if (n_targets > 1)
            {
              g_print ("  %u. %s\n", vigia_goal_get_number (goal), indicator);
              for (int s = VIGIA_SOURCE_AUTHORITY; s <= VIGIA_SOURCE_OBSERVER; s++)
                {
                  const VigiaGoalResult *result = vigia_assessment_get_goal_result (assessment, goal, s);
                  g_autofree char *share = vigia_number_format_share (result->achievement);
                  g_autofree char *counts = vigia_rollup_dup_status_counts (&result->targets);

                  g_print ("     %s: %s (%s)\n", vigia_source_get_label (s), share, counts);
                }
            }
          for (guint t = 0; t < n_targets; t++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, t);
              g_autofree char *label = vigia_target_dup_label (target);

              if (n_targets == 1)
                g_print ("  %u. %s [%s]\n", vigia_goal_get_number (goal), indicator, label);
              else
                g_print ("     %u.%u %s [%s]\n", vigia_goal_get_number (goal), t + 1,
                         vigia_target_get_text (target) != NULL ? vigia_target_get_text (target) : "", label);
              for (int s = VIGIA_SOURCE_AUTHORITY; s <= VIGIA_SOURCE_OBSERVER; s++)
                {
                  g_autofree char *line =
                    describe_target_result (vigia_assessment_get_target_result (assessment, target, s));

                  g_print ("     %s%s: %s\n", n_targets > 1 ? "  " : "", vigia_source_get_label (s), line);
                }
            }
        }
    }
}

/* Best first; plans with no data last, by id. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Ranked *ra = a;
  const Ranked *rb = b;
  AssessSort sort = GPOINTER_TO_INT (user_data);
  double xa = vigia_rollup_get_achievement (&ra->score.rollup);
  double xb = vigia_rollup_get_achievement (&rb->score.rollup);
  int cmp = 0;

  if (sort == SORT_DEPARTMENT)
    cmp = g_strcmp0 (vigia_plan_summary_get_department (ra->summary),
                     vigia_plan_summary_get_department (rb->summary));
  else if (sort == SORT_ELECTION)
    cmp = (int) vigia_plan_summary_get_election (ra->summary) -
          (int) vigia_plan_summary_get_election (rb->summary);
  if (cmp != 0)
    return cmp;

  if (VIGIA_HAS_VALUE (xa) != VIGIA_HAS_VALUE (xb))
    return VIGIA_HAS_VALUE (xa) ? -1 : 1;
  if (VIGIA_HAS_VALUE (xa) && xa != xb)
    return xa > xb ? -1 : 1;
  return ra->score.plan_id < rb->score.plan_id ? -1 : ra->score.plan_id > rb->score.plan_id;
}

static void
ranked_clear (gpointer data)
{
  Ranked *ranked = data;

  g_clear_object (&ranked->summary);
}

static int
print_ranking (VigiaLibrary *library,
               const char   *period,
               VigiaSource   source,
               AssessSort    sort,
               gboolean      json)
{
  g_autoptr(GError) error = NULL;
  /* Every plan with its assessment, in one read of the library. */
  g_autoptr(GPtrArray) summaries = vigia_library_list_summaries (library, period, source, &error);
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (summaries == NULL)
    {
      vigia_cli_error ("%s", error->message);
      return VIGIA_CLI_ERROR;
    }

  ranked = g_array_sized_new (FALSE, TRUE, sizeof (Ranked), summaries->len);
  g_array_set_clear_func (ranked, ranked_clear);
  for (guint i = 0; i < summaries->len; i++)
    {
      VigiaPlanSummary *summary = g_ptr_array_index (summaries, i);
      const char *assessed = vigia_plan_summary_get_period (summary);
      Ranked item = { { 0, }, g_object_ref (summary) };

      item.score.plan_id = vigia_plan_summary_get_id (summary);
      g_strlcpy (item.score.period, assessed, sizeof item.score.period);
      item.score.expected = vigia_term_get_expected_share (vigia_plan_summary_get_term_start (summary),
                                                           vigia_plan_summary_get_term_end (summary), assessed);
      item.score.rollup = *vigia_plan_summary_get_rollup (summary);
      g_array_append_val (ranked, item);
    }
  g_array_sort_with_data (ranked, compare_ranked, GINT_TO_POINTER (sort));

  if (json)
    json_builder_begin_array (builder);

  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *item = &g_array_index (ranked, Ranked, i);
      double achievement = vigia_rollup_get_achievement (&item->score.rollup);
      VigiaPace pace = vigia_pace_from_achievement (achievement, item->score.expected);

      if (json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, item->score.plan_id);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, vigia_plan_summary_get_uuid (item->summary));
          json_builder_set_member_name (builder, "organization");
          json_builder_add_string_value (builder, vigia_plan_summary_get_organization (item->summary));
          json_builder_set_member_name (builder, "election");
          json_builder_add_string_value (builder, vigia_enum_to_nick (VIGIA_TYPE_ELECTION,
                                                                      vigia_plan_summary_get_election (item->summary)));
          json_builder_set_member_name (builder, "department");
          json_builder_add_string_value (builder, vigia_plan_summary_get_department (item->summary));
          json_builder_set_member_name (builder, "period");
          json_builder_add_string_value (builder, item->score.period);
          add_nullable_number (builder, "expected", item->score.expected);
          add_rollup_json (builder, vigia_enum_to_nick (VIGIA_TYPE_SOURCE, source),
                           &item->score.rollup, item->score.expected);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *place = vigia_plan_summary_dup_place_label (item->summary);
          g_autofree char *share = vigia_number_format_share (achievement);
          g_autofree char *counts = vigia_rollup_dup_status_counts (&item->score.rollup);
          g_autofree char *organization = vigia_text_isolate (vigia_plan_summary_get_organization (item->summary));

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n", item->score.plan_id,
                   organization, place,
                   vigia_election_get_label (vigia_plan_summary_get_election (item->summary)),
                   share, vigia_pace_get_label (pace), counts);
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

int
vigia_cli_assess (VigiaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autofree char *period_option = NULL;
  g_autofree char *source_option = NULL;
  g_autofree char *sort_option = NULL;
  g_autofree char *period = NULL;
  VigiaSource source = VIGIA_SOURCE_AUTHORITY;
  AssessSort sort = SORT_ACHIEVEMENT;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_option,
      N_("As of this semester (default: the current one, within each plan’s term)"), N_("PERIOD") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_option,
      N_("Whose figures rank the plans: authority (the default) or observer"), N_("SOURCE") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_option,
      N_("Rank by achievement (the default), or within each department or election type"),
      N_("achievement|department|election") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON instead of text"), NULL },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, _("[PLAN]"),
                                      _("Shows how far a plan has come: its achievement (the share of "
                                        "the way from baseline to target, weighted over the goals with "
                                        "data), the share expected by now, and its goals by status, for "
                                        "the authority’s figures and the observer’s. Without PLAN, "
                                        "ranks every plan of the library."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc > 2)
    return vigia_cli_usage_error (context, _("Name one plan, or none for all."));

  if (period_option != NULL && (status = vigia_cli_parse_period (context, period_option, &period)) != VIGIA_CLI_OK)
    return status;
  if (source_option != NULL && (status = vigia_cli_parse_source (context, source_option, &source)) != VIGIA_CLI_OK)
    return status;
  if (sort_option != NULL)
    {
      if (g_strcmp0 (sort_option, "department") == 0)
        sort = SORT_DEPARTMENT;
      else if (g_strcmp0 (sort_option, "election") == 0)
        sort = SORT_ELECTION;
      else if (g_strcmp0 (sort_option, "achievement") != 0)
        return vigia_cli_usage_error (context, _("Sort by achievement, department or election."));
    }

  library = vigia_cli_open_library (cli, VIGIA_LIBRARY_OPEN_EXISTING);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  if (argc == 2)
    {
      g_autoptr(VigiaPlan) plan = vigia_cli_load_plan (library, argv[1]);
      g_autoptr(VigiaAssessment) assessment = NULL;

      if (plan == NULL)
        return VIGIA_CLI_ERROR;
      assessment = vigia_assessment_new (plan, period);
      if (json)
        print_plan_assessment_json (assessment);
      else
        print_plan_assessment (assessment);
      return VIGIA_CLI_OK;
    }

  if (period == NULL)
    period = vigia_period_dup_current ();
  return print_ranking (library, period, source, sort, json);
}
