/* test-assessment.c: achievement, expected share, pace and roll-ups,
 * against figures computed by hand
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only /assessment/library and /assessment/summaries keep a library: they
 * run again, as test-assessment-postgresql, on a new database of the server
 * $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include <math.h>

#include "vigia-number.h"
#include "vigia-test-utils.h"

#define NO NAN

static void
assert_figure (double      actual,
               double      expected,
               const char *what)
{
  if (isnan (expected))
    {
      if (!isnan (actual))
        g_error ("%s: expected no data, got %g", what, actual);
      return;
    }
  if (isnan (actual) || fabs (actual - expected) > 1e-9)
    g_error ("%s: expected %g, got %g", what, expected, actual);
}

/* One goal and one entry: achievement = (value − start) / (target − start). */
static void
test_goal_achievement (void)
{
  static const struct {
    const char     *what;
    VigiaMeasure    measure;
    VigiaDirection  direction;
    double          target;
    double          baseline;
    double          value;
    VigiaStatus     status;
    double          achievement;
  } cases[] = {
    /* 500 MYPES ATENDIDAS, no baseline: 140 / 500 */
    { "upward count", VIGIA_MEASURE_COUNT, VIGIA_DIRECTION_UP, 500, NO, 140, VIGIA_STATUS_IN_PROGRESS, 0.28 },
    { "upward count, target passed", VIGIA_MEASURE_COUNT, VIGIA_DIRECTION_UP, 500, NO, 600, VIGIA_STATUS_KEPT, 1.2 },
    /* 25 % of the population, baseline 10 %: (16 − 10) / (25 − 10) */
    { "upward percentage", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_UP, 25, 10, 16, VIGIA_STATUS_IN_PROGRESS, 0.4 },
    /* no baseline: starts at 0, 5 / 25 */
    { "upward percentage, missing baseline", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_UP, 25, NO, 5, VIGIA_STATUS_IN_PROGRESS, 0.2 },
    /* anemia 40 % → 30 %: (36 − 40) / (30 − 40) */
    { "downward with baseline", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 30, 40, 36, VIGIA_STATUS_IN_PROGRESS, 0.4 },
    { "downward reached", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 30, 40, 30, VIGIA_STATUS_KEPT, 1.0 },
    /* went the wrong way: (42 − 40) / (30 − 40) */
    { "downward, worse", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 30, 40, 42, VIGIA_STATUS_IN_PROGRESS, -0.2 },
    /* no baseline, no way to measure: the status decides */
    { "downward, missing baseline", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 30, NO, 35, VIGIA_STATUS_IN_PROGRESS, NO },
    { "downward, missing baseline, kept", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 30, NO, 29, VIGIA_STATUS_KEPT, 1.0 },
    /* 30 % more efficiency, 12 % so far: 12 / 30 (the baseline does not matter) */
    { "percent change up", VIGIA_MEASURE_PERCENT_CHANGE, VIGIA_DIRECTION_UP, 30, 80, 12, VIGIA_STATUS_IN_PROGRESS, 0.4 },
    /* 20 % less crime, fell 5 %: −5 / −20 */
    { "percent change down", VIGIA_MEASURE_PERCENT_CHANGE, VIGIA_DIRECTION_DOWN, 20, NO, -5, VIGIA_STATUS_IN_PROGRESS, 0.25 },
    /* US$ 20 million of exports from 12 million: (14 − 12) / (20 − 12) million */
    { "amount", VIGIA_MEASURE_AMOUNT, VIGIA_DIRECTION_UP, 20e6, 12e6, 14e6, VIGIA_STATUS_IN_PROGRESS, 0.25 },
    /* a status only */
    { "count, status only", VIGIA_MEASURE_COUNT, VIGIA_DIRECTION_UP, 500, NO, NO, VIGIA_STATUS_PARTLY_KEPT, 0.5 },
    { "count, nothing", VIGIA_MEASURE_COUNT, VIGIA_DIRECTION_UP, 500, NO, NO, VIGIA_STATUS_NOT_RATED, NO },
    /* target not read: by status */
    { "target unknown", VIGIA_MEASURE_COUNT, VIGIA_DIRECTION_UP, NO, NO, 40, VIGIA_STATUS_IN_PROGRESS, NO },
    { "target equals baseline", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_UP, 40, 40, 41, VIGIA_STATUS_KEPT, 1.0 },
    /* qualitative and "keep": status only, whatever the value */
    { "qualitative kept", VIGIA_MEASURE_QUALITATIVE, VIGIA_DIRECTION_UP, NO, NO, 3, VIGIA_STATUS_KEPT, 1.0 },
    { "qualitative partly kept", VIGIA_MEASURE_QUALITATIVE, VIGIA_DIRECTION_UP, NO, NO, NO, VIGIA_STATUS_PARTLY_KEPT, 0.5 },
    { "qualitative broken", VIGIA_MEASURE_QUALITATIVE, VIGIA_DIRECTION_UP, NO, NO, NO, VIGIA_STATUS_BROKEN, 0.0 },
    { "qualitative in progress", VIGIA_MEASURE_QUALITATIVE, VIGIA_DIRECTION_UP, NO, NO, NO, VIGIA_STATUS_IN_PROGRESS, NO },
    { "qualitative stalled", VIGIA_MEASURE_QUALITATIVE, VIGIA_DIRECTION_UP, NO, NO, NO, VIGIA_STATUS_STALLED, NO },
    { "keep", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_KEEP, 100, 100, 98, VIGIA_STATUS_IN_PROGRESS, NO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      VigiaTargetTerms terms = {
        cases[i].measure, cases[i].direction, cases[i].target, cases[i].baseline, 1
      };

      assert_figure (vigia_target_terms_get_achievement (&terms, cases[i].value, cases[i].status),
                     cases[i].achievement, cases[i].what);
    }
}

static void
test_pace (void)
{
  static const struct {
    double    achievement;
    double    expected;
    VigiaPace pace;
  } cases[] = {
    { 0.8, 0.5, VIGIA_PACE_AHEAD },
    { 0.6, 0.5, VIGIA_PACE_ON_TRACK },   /* exactly the tolerance */
    { 0.45, 0.5, VIGIA_PACE_ON_TRACK },
    { 0.4, 0.5, VIGIA_PACE_ON_TRACK },
    { 0.3, 0.5, VIGIA_PACE_BEHIND },
    { 0.0, 0.125, VIGIA_PACE_BEHIND },
    { 1.0, 1.0, VIGIA_PACE_ON_TRACK },
    { NO, 0.5, VIGIA_PACE_NO_DATA },
    { 0.5, NO, VIGIA_PACE_NO_DATA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (vigia_pace_from_achievement (cases[i].achievement, cases[i].expected), ==,
                     cases[i].pace);
}

/* Weighted over the goals with data, each clamped to 0–100 %. */
/* A goal of one target, as goals were before they had several. */
static void
rollup_add (VigiaRollup *rollup,
            double       achievement,
            double       weight,
            VigiaStatus  status)
{
  VigiaRollup goal = { 0, };

  vigia_rollup_add_target (&goal, achievement, 1, status);
  vigia_rollup_add_goal (rollup, &goal, weight);
}

static void
test_rollup (void)
{
  VigiaRollup rollup = { 0, };
  VigiaRollup empty = { 0, };
  VigiaRollup other = { 0, };

  rollup_add (&rollup, 0.4, 2, VIGIA_STATUS_IN_PROGRESS);
  rollup_add (&rollup, 1.0, 1, VIGIA_STATUS_KEPT);
  rollup_add (&rollup, NO, 5, VIGIA_STATUS_NOT_RATED);
  rollup_add (&rollup, 1.5, 1, VIGIA_STATUS_KEPT);
  rollup_add (&rollup, -0.2, 1, VIGIA_STATUS_STALLED);

  /* (2 × 0.4 + 1 × 1 + 1 × 1 + 1 × 0) / (2 + 1 + 1 + 1) = 2.8 / 5 */
  assert_figure (vigia_rollup_get_achievement (&rollup), 0.56, "weighted roll-up");
  g_assert_cmpuint (rollup.n_goals, ==, 5);
  g_assert_cmpuint (rollup.n_with_data, ==, 4);
  g_assert_cmpuint (rollup.status_counts[VIGIA_STATUS_KEPT], ==, 2);
  g_assert_cmpuint (rollup.status_counts[VIGIA_STATUS_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (rollup.status_counts[VIGIA_STATUS_NOT_RATED], ==, 1);
  g_assert_cmpuint (rollup.status_counts[VIGIA_STATUS_STALLED], ==, 1);

  /* Nothing recorded is no data, not 0 %. */
  rollup_add (&empty, NO, 1, VIGIA_STATUS_NOT_RATED);
  rollup_add (&empty, NO, 1, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (isnan (vigia_rollup_get_achievement (&empty)));

  /* Weight 0 leaves a goal out of the mean but in the counts. */
  rollup_add (&other, 0.0, 0, VIGIA_STATUS_BROKEN);
  g_assert_true (isnan (vigia_rollup_get_achievement (&other)));
  rollup_add (&other, 0.9, 1, VIGIA_STATUS_IN_PROGRESS);
  assert_figure (vigia_rollup_get_achievement (&other), 0.9, "weight 0");

  /* (2.8 + 0.9) / (5 + 1) */
  vigia_rollup_merge (&rollup, &other);
  assert_figure (vigia_rollup_get_achievement (&rollup), 3.7 / 6, "merged");
  g_assert_cmpuint (rollup.n_goals, ==, 7);
  g_assert_cmpuint (rollup.status_counts[VIGIA_STATUS_BROKEN], ==, 1);
}


/* A goal's achievement is the weighted mean of its targets with data; a
 * dimension weighs goals, not targets; statuses are counted by target. */
static void
test_goal_of_targets (void)
{
  VigiaRollup goal = { 0, };
  VigiaRollup silent = { 0, };
  VigiaRollup dimension = { 0, };
  VigiaRollup mixed = { 0, };

  vigia_rollup_add_target (&goal, 0.5, 1, VIGIA_STATUS_IN_PROGRESS);
  vigia_rollup_add_target (&goal, 1.4, 3, VIGIA_STATUS_KEPT);
  vigia_rollup_add_target (&goal, NO, 1, VIGIA_STATUS_NOT_RATED);
  /* (1 × 0.5 + 3 × 1) / 4: the overshoot clamped. */
  assert_figure (vigia_rollup_get_achievement (&goal), 3.5 / 4, "goal over its targets");
  g_assert_cmpuint (goal.n_targets, ==, 3);
  g_assert_cmpuint (goal.n_goals, ==, 0);
  g_assert_cmpint (vigia_rollup_get_status (&goal), ==, VIGIA_STATUS_IN_PROGRESS);

  vigia_rollup_add_target (&silent, NO, 1, VIGIA_STATUS_NOT_RATED);
  g_assert_cmpint (vigia_rollup_get_status (&silent), ==, VIGIA_STATUS_NOT_RATED);

  /* Two goals of weight 1: the one of three targets counts once. */
  vigia_rollup_add_goal (&dimension, &goal, 1);
  vigia_rollup_add_goal (&dimension, &silent, 1);
  rollup_add (&dimension, 0.25, 1, VIGIA_STATUS_STALLED);
  assert_figure (vigia_rollup_get_achievement (&dimension), (3.5 / 4 + 0.25) / 2, "dimension over goals");
  g_assert_cmpuint (dimension.n_goals, ==, 3);
  g_assert_cmpuint (dimension.n_targets, ==, 5);
  g_assert_cmpuint (dimension.n_with_data, ==, 2);
  g_assert_cmpuint (dimension.status_counts[VIGIA_STATUS_NOT_RATED], ==, 2);
  g_assert_cmpuint (dimension.status_counts[VIGIA_STATUS_KEPT], ==, 1);
  /* More targets than goals: the counts say what they count. */
  {
    g_autofree char *counts = vigia_rollup_dup_status_counts (&dimension);

    g_assert_cmpstr (counts, ==, "5 targets — 1 kept, 1 in progress, 1 stalled, 0 broken, 2 not rated");
  }

  /* Kept and broken together: partly kept. */
  vigia_rollup_add_target (&mixed, 1, 1, VIGIA_STATUS_KEPT);
  vigia_rollup_add_target (&mixed, 0, 1, VIGIA_STATUS_BROKEN);
  vigia_rollup_add_target (&mixed, NO, 1, VIGIA_STATUS_NOT_RATED);
  g_assert_cmpint (vigia_rollup_get_status (&mixed), ==, VIGIA_STATUS_PARTLY_KEPT);
}

/* The same through a plan: each target assessed on its own. */
static void
test_plan_of_targets (void)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 1);
  g_autoptr(VigiaTarget) second = vigia_target_new ();
  g_autoptr(VigiaProgress) first_entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaProgress) second_entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaAssessment) assessment = NULL;
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
  const VigiaGoalResult *result;
  const VigiaTargetResult *target_result;

  /* 25 % up: 10 is 40 %; 1 000 up: 800 is 80 %. */
  vigia_target_set_value (second, 1000);
  vigia_target_set_measure (second, VIGIA_MEASURE_COUNT);
  vigia_target_set_reading (second, VIGIA_READING_AUTOMATIC);
  vigia_goal_insert_target (goal, 1, second);
  vigia_progress_set_value (first_entry, 10);
  vigia_target_put_progress (vigia_goal_get_target (goal, 0), first_entry);
  vigia_progress_set_value (second_entry, 800);
  vigia_progress_set_status (second_entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_target_put_progress (second, second_entry);

  assessment = vigia_assessment_new (plan, "2024-S1");
  target_result = vigia_assessment_get_target_result (assessment, second, VIGIA_SOURCE_AUTHORITY);
  assert_figure (target_result->achievement, 0.8, "second target");
  g_assert_true (target_result->entry == second_entry);
  result = vigia_assessment_get_goal_result (assessment, goal, VIGIA_SOURCE_AUTHORITY);
  assert_figure (result->achievement, 0.6, "goal of two targets");
  g_assert_cmpuint (result->targets.n_targets, ==, 2);
  g_assert_cmpint (result->status, ==, VIGIA_STATUS_IN_PROGRESS);
  assert_figure (vigia_rollup_get_achievement (vigia_assessment_get_dimension_rollup (assessment, 0,
                                                                                      VIGIA_SOURCE_AUTHORITY)),
                 0.6, "its dimension");
}

/* Baseline 40, target 30, direction up: the terms contradict each other,
 * and a figure is not measured against them (200 % would be a lie, and
 * so would −100 %); a status still counts.  Said in words for the chip. */
static void
test_contradiction (void)
{
  VigiaTargetTerms up = { VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_UP, 30, 40, 1 };
  VigiaTargetTerms down = { VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 30, 40, 1 };
  VigiaTargetTerms change = { VIGIA_MEASURE_PERCENT_CHANGE, VIGIA_DIRECTION_UP, 30, 40, 1 };
  g_autoptr(VigiaTarget) target = vigia_target_new ();
  g_autofree char *words = NULL;

  g_assert_true (vigia_target_terms_is_contradictory (&up));
  g_assert_false (vigia_target_terms_is_contradictory (&down));
  g_assert_false (vigia_target_terms_is_contradictory (&change));
  g_assert_true (isnan (vigia_target_terms_get_achievement (&up, 20, VIGIA_STATUS_IN_PROGRESS)));
  assert_figure (vigia_target_terms_get_achievement (&up, 20, VIGIA_STATUS_KEPT), 1.0, "contradiction, kept");
  assert_figure (vigia_target_terms_get_achievement (&down, 35, VIGIA_STATUS_IN_PROGRESS), 0.5, "down");

  vigia_target_set_value (target, 30);
  vigia_target_set_unit (target, "%");
  vigia_target_set_measure (target, VIGIA_MEASURE_PERCENT);
  vigia_target_set_direction (target, VIGIA_DIRECTION_DOWN);
  vigia_target_set_baseline_value (target, 40);
  g_assert_null (vigia_target_dup_contradiction (target));
  vigia_target_set_direction (target, VIGIA_DIRECTION_UP);
  words = vigia_target_dup_contradiction (target);
  g_assert_cmpstr (words, ==, "The baseline, 40 %, is above the target, 30 %, but the target is to rise: "
                              "check the reading. It is not measured until then.");
}

/* A figure that went the wrong way reads below 0 %, saying so, and counts as
 * 0 % in its goal; one past the target says so too, and counts as 100 %. */
static void
test_away_from_target (void)
{
  VigiaTargetTerms down = { VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 30, 40, 1 };
  VigiaRollup goal = { 0, };
  double away = vigia_target_terms_get_achievement (&down, 50, VIGIA_STATUS_IN_PROGRESS);
  double past = vigia_target_terms_get_achievement (&down, 27, VIGIA_STATUS_IN_PROGRESS);
  g_autofree char *away_text = vigia_target_achievement_format (away);
  g_autofree char *past_text = vigia_target_achievement_format (past);
  g_autofree char *plain = vigia_target_achievement_format (0.5);
  g_autofree char *full = vigia_target_achievement_format (1.004);
  g_autofree char *none = vigia_target_achievement_format (NO);
  g_autofree char *es_away = NULL;

  assert_figure (away, -1.0, "50 from 40 towards 30");
  assert_figure (past, 1.3, "27 from 40 towards 30");
  g_assert_cmpstr (away_text, ==, "-100 % (moving away from the target)");
  g_assert_cmpstr (past_text, ==, "130 % (past the target)");
  g_assert_cmpstr (plain, ==, "50 %");
  g_assert_cmpstr (full, ==, "100 %");
  g_assert_cmpstr (none, ==, "no data");

  vigia_rollup_add_target (&goal, away, 1, VIGIA_STATUS_IN_PROGRESS);
  vigia_rollup_add_target (&goal, past, 1, VIGIA_STATUS_IN_PROGRESS);
  assert_figure (vigia_rollup_get_achievement (&goal), 0.5, "clipped to 0 and 1");

  vigia_test_set_language ("es");
  es_away = vigia_target_achievement_format (away);
  g_assert_cmpstr (es_away, ==, "-100 % (se aleja de la meta)");
  vigia_test_set_language ("en");
}

static void
test_description (void)
{
  VigiaRollup rollup = { 0, };
  VigiaRollup empty = { 0, };
  g_autofree char *en = NULL;
  g_autofree char *es = NULL;
  g_autofree char *es_empty = NULL;
  g_autofree char *en_empty = NULL;
  g_autofree char *es_share = NULL;

  /* (0.26 + 1 + 0) / 3 = 0.42 */
  rollup_add (&rollup, 1.0, 1, VIGIA_STATUS_KEPT);
  rollup_add (&rollup, 0.26, 1, VIGIA_STATUS_IN_PROGRESS);
  rollup_add (&rollup, 0.0, 1, VIGIA_STATUS_IN_PROGRESS);
  rollup_add (&empty, NO, 1, VIGIA_STATUS_NOT_RATED);
  rollup_add (&empty, NO, 1, VIGIA_STATUS_STALLED);

  en = vigia_rollup_dup_description (&rollup);
  en_empty = vigia_rollup_dup_description (&empty);
  g_assert_cmpstr (en, ==, "Achievement 42 %: 1 kept, 2 in progress, 0 broken");
  g_assert_cmpstr (en_empty, ==, "Achievement not known yet: 0 kept, 0 in progress, 1 stalled, 0 broken, 1 not rated");

  vigia_test_set_language ("es");
  es = vigia_rollup_dup_description (&rollup);
  es_empty = vigia_rollup_dup_description (&empty);
  es_share = vigia_number_format_share (0.125);
  g_assert_cmpstr (es, ==, "Cumplimiento 42 %: 1 cumplida, 2 en marcha, 0 incumplidas");
  g_assert_cmpstr (es_empty, ==, "Cumplimiento aún sin datos: 0 cumplidas, 0 en marcha, 1 estancada, 0 incumplidas, 1 sin evaluar");
  g_assert_cmpstr (es_share, ==, "13 %");
  vigia_test_set_language ("en");
}

static VigiaGoal *
add_goal (VigiaDimension *dim,
          VigiaMeasure    measure,
          VigiaDirection  direction,
          double          target,
          double          baseline,
          double          weight)
{
  g_autoptr(VigiaGoal) goal = vigia_goal_new ();

  vigia_goal_set_number (goal, vigia_dimension_get_n_goals (dim) + 1);
  vigia_goal_set_target_measure (goal, measure);
  vigia_goal_set_target_direction (goal, direction);
  vigia_goal_set_target_value (goal, target);
  vigia_goal_set_baseline_value (goal, baseline);
  vigia_goal_set_weight (goal, weight);
  vigia_goal_set_target_reading (goal, VIGIA_READING_REVIEWED);
  vigia_dimension_append_goal (dim, goal);
  return goal;
}

static void
record (VigiaGoal   *goal,
        const char  *period,
        VigiaSource  source,
        double       value,
        VigiaStatus  status)
{
  g_autoptr(VigiaProgress) entry = vigia_progress_new (period, source);

  vigia_progress_set_value (entry, value);
  vigia_progress_set_status (entry, status);
  vigia_goal_put_progress (goal, entry);
}

/* A plan of 2023–2026 with two dimensions, assessed as of 2024-S2 (the 4th
 * of 8 semesters: expected 50 %). */
static VigiaPlan *
make_plan (VigiaGoal **anemia,
           VigiaGoal **mypes,
           VigiaGoal **market,
           VigiaGoal **roads)
{
  VigiaPlan *plan = vigia_plan_new ();
  g_autoptr(VigiaDimension) social = vigia_dimension_new (VIGIA_DIMENSION_KIND_SOCIAL, "DIMENSIÓN SOCIAL");
  g_autoptr(VigiaDimension) economic = vigia_dimension_new (VIGIA_DIMENSION_KIND_ECONOMIC, "DIMENSIÓN ECONÓMICA");
  g_autoptr(VigiaDimension) empty = vigia_dimension_new (VIGIA_DIMENSION_KIND_ENVIRONMENTAL, NULL);

  vigia_plan_set_term_start (plan, 2023);
  vigia_plan_set_term_end (plan, 2026);
  vigia_plan_append_dimension (plan, social);
  vigia_plan_append_dimension (plan, economic);
  vigia_plan_append_dimension (plan, empty);

  /* Anemia 40 % → 30 %, weight 2. */
  *anemia = add_goal (social, VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 30, 40, 2);
  /* A qualitative goal. */
  *roads = add_goal (social, VIGIA_MEASURE_QUALITATIVE, VIGIA_DIRECTION_UP, NO, NO, 1);
  /* 500 MYPES. */
  *mypes = add_goal (economic, VIGIA_MEASURE_COUNT, VIGIA_DIRECTION_UP, 500, NO, 1);
  /* A market, +30 %: nothing recorded. */
  *market = add_goal (economic, VIGIA_MEASURE_PERCENT_CHANGE, VIGIA_DIRECTION_UP, 30, NO, 1);

  /* The authority reports anemia at 32 % (80 %), the observer checked 37 % (30 %). */
  record (*anemia, "2023-S2", VIGIA_SOURCE_AUTHORITY, 38, VIGIA_STATUS_IN_PROGRESS);
  record (*anemia, "2024-S2", VIGIA_SOURCE_AUTHORITY, 32, VIGIA_STATUS_IN_PROGRESS);
  record (*anemia, "2024-S2", VIGIA_SOURCE_OBSERVER, 37, VIGIA_STATUS_STALLED);
  /* Later than the period assessed: not counted. */
  record (*anemia, "2025-S1", VIGIA_SOURCE_AUTHORITY, 30, VIGIA_STATUS_KEPT);

  record (*roads, "2024-S1", VIGIA_SOURCE_AUTHORITY, NO, VIGIA_STATUS_KEPT);
  record (*roads, "2024-S1", VIGIA_SOURCE_OBSERVER, NO, VIGIA_STATUS_PARTLY_KEPT);

  /* 100 MYPES in 2023-S2, carried to 2024-S2; a note alone in 2024-S2 says nothing. */
  record (*mypes, "2023-S2", VIGIA_SOURCE_AUTHORITY, 100, VIGIA_STATUS_IN_PROGRESS);
  record (*mypes, "2024-S2", VIGIA_SOURCE_AUTHORITY, NO, VIGIA_STATUS_NOT_RATED);

  return plan;
}

static void
test_plan (void)
{
  VigiaGoal *anemia, *mypes, *market, *roads;
  g_autoptr(VigiaPlan) plan = make_plan (&anemia, &mypes, &market, &roads);
  g_autoptr(VigiaAssessment) assessment = vigia_assessment_new (plan, "2024-S2");
  g_autoptr(VigiaAssessment) early = NULL;
  const VigiaTargetResult *result;
  const VigiaRollup *rollup;

  g_assert_cmpstr (vigia_assessment_get_period (assessment), ==, "2024-S2");
  assert_figure (vigia_assessment_get_expected (assessment), 0.5, "expected at 2024-S2");

  /* Authority and observer disagree: both are reported. */
  result = vigia_assessment_get_target_result (assessment, vigia_goal_get_target (anemia, 0), VIGIA_SOURCE_AUTHORITY);
  assert_figure (result->achievement, 0.8, "anemia, authority");
  g_assert_cmpstr (vigia_progress_get_period (result->entry), ==, "2024-S2");
  g_assert_cmpint (result->pace, ==, VIGIA_PACE_AHEAD);
  result = vigia_assessment_get_target_result (assessment, vigia_goal_get_target (anemia, 0), VIGIA_SOURCE_OBSERVER);
  assert_figure (result->achievement, 0.3, "anemia, observer");
  g_assert_cmpint (result->status, ==, VIGIA_STATUS_STALLED);
  g_assert_cmpint (result->pace, ==, VIGIA_PACE_BEHIND);

  result = vigia_assessment_get_target_result (assessment, vigia_goal_get_target (mypes, 0), VIGIA_SOURCE_AUTHORITY);
  assert_figure (result->achievement, 0.2, "MYPES carried from 2023-S2");
  g_assert_cmpstr (vigia_progress_get_period (result->entry), ==, "2023-S2");
  result = vigia_assessment_get_target_result (assessment, vigia_goal_get_target (mypes, 0), VIGIA_SOURCE_OBSERVER);
  g_assert_null (result->entry);
  g_assert_true (isnan (result->achievement));
  g_assert_cmpint (result->pace, ==, VIGIA_PACE_NO_DATA);

  result = vigia_assessment_get_target_result (assessment, vigia_goal_get_target (market, 0), VIGIA_SOURCE_AUTHORITY);
  g_assert_true (isnan (result->achievement));

  /* Social, authority: (2 × 0.8 + 1 × 1) / 3 = 2.6 / 3 */
  rollup = vigia_assessment_get_dimension_rollup (assessment, 0, VIGIA_SOURCE_AUTHORITY);
  assert_figure (vigia_rollup_get_achievement (rollup), 2.6 / 3, "social, authority");
  /* Social, observer: (2 × 0.3 + 1 × 0.5) / 3 = 1.1 / 3 */
  rollup = vigia_assessment_get_dimension_rollup (assessment, 0, VIGIA_SOURCE_OBSERVER);
  assert_figure (vigia_rollup_get_achievement (rollup), 1.1 / 3, "social, observer");
  g_assert_cmpuint (rollup->status_counts[VIGIA_STATUS_STALLED], ==, 1);
  g_assert_cmpuint (rollup->status_counts[VIGIA_STATUS_PARTLY_KEPT], ==, 1);

  /* Economic, authority: MYPES alone has data, 0.2; the market is no data. */
  rollup = vigia_assessment_get_dimension_rollup (assessment, 1, VIGIA_SOURCE_AUTHORITY);
  assert_figure (vigia_rollup_get_achievement (rollup), 0.2, "economic, authority");
  g_assert_cmpuint (rollup->n_goals, ==, 2);
  g_assert_cmpuint (rollup->n_with_data, ==, 1);
  g_assert_cmpuint (rollup->status_counts[VIGIA_STATUS_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (rollup->status_counts[VIGIA_STATUS_NOT_RATED], ==, 1);
  /* Economic, observer: nothing at all, no data rather than 0 %. */
  rollup = vigia_assessment_get_dimension_rollup (assessment, 1, VIGIA_SOURCE_OBSERVER);
  g_assert_true (isnan (vigia_rollup_get_achievement (rollup)));
  g_assert_cmpuint (rollup->status_counts[VIGIA_STATUS_NOT_RATED], ==, 2);

  /* The empty dimension. */
  rollup = vigia_assessment_get_dimension_rollup (assessment, 2, VIGIA_SOURCE_AUTHORITY);
  g_assert_cmpuint (rollup->n_goals, ==, 0);
  g_assert_true (isnan (vigia_rollup_get_achievement (rollup)));

  /* The plan, authority: (2 × 0.8 + 1 + 0.2) / 4 = 0.7, ahead of 0.5 by more than 0.1. */
  rollup = vigia_assessment_get_plan_rollup (assessment, VIGIA_SOURCE_AUTHORITY);
  assert_figure (vigia_rollup_get_achievement (rollup), 0.7, "plan, authority");
  g_assert_cmpuint (rollup->n_goals, ==, 4);
  g_assert_cmpuint (rollup->n_with_data, ==, 3);
  g_assert_cmpuint (rollup->status_counts[VIGIA_STATUS_KEPT], ==, 1);
  g_assert_cmpuint (rollup->status_counts[VIGIA_STATUS_IN_PROGRESS], ==, 2);
  g_assert_cmpuint (rollup->status_counts[VIGIA_STATUS_NOT_RATED], ==, 1);
  g_assert_cmpint (vigia_assessment_get_plan_pace (assessment, VIGIA_SOURCE_AUTHORITY), ==, VIGIA_PACE_AHEAD);
  /* The plan, observer: (2 × 0.3 + 0.5) / 3 = 1.1 / 3 ≈ 0.367, behind 0.5 by more than 0.1. */
  rollup = vigia_assessment_get_plan_rollup (assessment, VIGIA_SOURCE_OBSERVER);
  assert_figure (vigia_rollup_get_achievement (rollup), 1.1 / 3, "plan, observer");
  g_assert_cmpint (vigia_assessment_get_plan_pace (assessment, VIGIA_SOURCE_OBSERVER), ==, VIGIA_PACE_BEHIND);

  /* As of 2023-S2, the 2nd of 8 semesters: anemia from 38 %, (38 − 40) / (30 − 40) = 0.2. */
  early = vigia_assessment_new (plan, "2023-S2");
  assert_figure (vigia_assessment_get_expected (early), 0.25, "expected at 2023-S2");
  result = vigia_assessment_get_target_result (early, vigia_goal_get_target (anemia, 0), VIGIA_SOURCE_AUTHORITY);
  assert_figure (result->achievement, 0.2, "anemia as of 2023-S2");
  result = vigia_assessment_get_target_result (early, vigia_goal_get_target (roads, 0), VIGIA_SOURCE_AUTHORITY);
  g_assert_null (result->entry);
  /* (2 × 0.2 + 0.2) / 3 */
  assert_figure (vigia_rollup_get_achievement (vigia_assessment_get_plan_rollup (early, VIGIA_SOURCE_AUTHORITY)),
                 0.6 / 3, "plan as of 2023-S2");

  g_assert_finalize_object (g_steal_pointer (&early));
  g_assert_finalize_object (g_steal_pointer (&assessment));
}


/* The whole-library assessment, from rows, gives the same figures as
 * assessing each plan built as objects. */
static void
test_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (dir, "assess.sqlite");
  VigiaGoal *anemia, *mypes, *market, *roads;
  g_autoptr(VigiaPlan) plan = make_plan (&anemia, &mypes, &market, &roads);
  g_autoptr(VigiaPlan) other = vigia_test_make_plan ("OTRO", "ATE", 2);
  g_autoptr(VigiaPlan) old = vigia_test_make_plan ("ANTERIOR", "COMAS", 1);
  g_autoptr(VigiaPlan) none = vigia_test_make_plan ("SIN PERIODO", "PUENTE PIEDRA", 1);
  VigiaPlan *plans[4];
  VigiaGoal *goal;

  vigia_plan_set_organization (plan, "JUNTOS POR EL PERU");
  /* Other's goals: 25 % up; 10 → 40 %, 20 → 80 % (observer only), 30 → 120 % clamped. */
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (other, 0), 0);
  record (goal, "2024-S1", VIGIA_SOURCE_AUTHORITY, 10, VIGIA_STATUS_IN_PROGRESS);
  record (goal, "2024-S1", VIGIA_SOURCE_OBSERVER, 20, VIGIA_STATUS_IN_PROGRESS);
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (other, 2), 1);
  record (goal, "2026-S2", VIGIA_SOURCE_AUTHORITY, 30, VIGIA_STATUS_KEPT);
  /* A term long over: assessed at its last semester, 2006-S2. */
  vigia_plan_set_term_start (old, 2003);
  vigia_plan_set_term_end (old, 2006);
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (old, 1), 0);
  record (goal, "2006-S1", VIGIA_SOURCE_AUTHORITY, 5, VIGIA_STATUS_IN_PROGRESS);
  record (goal, "2006-S2", VIGIA_SOURCE_AUTHORITY, 15, VIGIA_STATUS_IN_PROGRESS);
  /* Recorded after the term: not counted, though it is before the other
   * plans' semester (a server keeps the latest entry per semester asked). */
  record (goal, "2010-S1", VIGIA_SOURCE_AUTHORITY, 25, VIGIA_STATUS_KEPT);
  /* No term: assessed as of the semester asked for.  A goal of two
   * targets, each with an entry that says nothing (not rated): counted as
   * one goal with progress, not assessed. */
  vigia_plan_set_term_start (none, 0);
  vigia_plan_set_term_end (none, 0);
  {
    g_autoptr(VigiaTarget) second = vigia_target_new ();
    g_autoptr(VigiaProgress) first_entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_AUTHORITY);
    g_autoptr(VigiaProgress) second_entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);

    goal = vigia_dimension_get_goal (vigia_plan_get_dimension (none, 0), 0);
    vigia_goal_insert_target (goal, 1, second);
    vigia_target_put_progress (vigia_goal_get_target (goal, 0), first_entry);
    vigia_target_put_progress (second, second_entry);
  }
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (none, 3), 0);
  record (goal, "2024-S2", VIGIA_SOURCE_AUTHORITY, 25, VIGIA_STATUS_KEPT);
  record (goal, "2025-S1", VIGIA_SOURCE_AUTHORITY, 0, VIGIA_STATUS_BROKEN);

  plans[0] = plan;
  plans[1] = other;
  plans[2] = old;
  plans[3] = none;
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_assert_true (vigia_library_add_plan (library, plans[i], &error));
      g_assert_no_error (error);
    }

  for (VigiaSource source = VIGIA_SOURCE_AUTHORITY; source <= VIGIA_SOURCE_OBSERVER; source++)
    {
      g_autoptr(GArray) scores = vigia_library_assess_plans (library, "2024-S2", source, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (scores->len, ==, G_N_ELEMENTS (plans));

      for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
        {
          const VigiaPlanScore *score = &g_array_index (scores, VigiaPlanScore, i);
          g_autoptr(VigiaPlan) loaded = vigia_library_load_plan (library, vigia_plan_get_id (plans[i]), &error);
          g_autoptr(VigiaAssessment) assessment = vigia_assessment_new (loaded, "2024-S2");
          const VigiaRollup *rollup = vigia_assessment_get_plan_rollup (assessment, source);

          g_assert_cmpint (score->plan_id, ==, vigia_plan_get_id (plans[i]));
          g_assert_cmpstr (score->period, ==, vigia_assessment_get_period (assessment));
          assert_figure (score->expected, vigia_assessment_get_expected (assessment), "expected");
          assert_figure (vigia_rollup_get_achievement (&score->rollup),
                         vigia_rollup_get_achievement (rollup), vigia_plan_get_organization (plans[i]));
          g_assert_cmpuint (score->rollup.n_goals, ==, rollup->n_goals);
          g_assert_cmpuint (score->rollup.n_with_data, ==, rollup->n_with_data);
          for (guint s = 0; s < VIGIA_N_STATUSES; s++)
            g_assert_cmpuint (score->rollup.status_counts[s], ==, rollup->status_counts[s]);
        }

      /* The comparison of all plans reads the same figures with the plans' summaries. */
      {
        g_autoptr(GPtrArray) summaries = vigia_library_list_summaries (library, "2024-S2", source, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (summaries->len, ==, G_N_ELEMENTS (plans));
        for (guint i = 0; i < summaries->len; i++)
          {
            VigiaPlanSummary *summary = g_ptr_array_index (summaries, i);
            const VigiaPlanScore *score = &g_array_index (scores, VigiaPlanScore, i);
            const VigiaRollup *rollup = vigia_plan_summary_get_rollup (summary);

            g_autoptr(VigiaPlanSummary) one = vigia_library_load_summary (library, score->plan_id, &error);

            g_assert_no_error (error);
            g_assert_cmpint (vigia_plan_summary_get_id (summary), ==, score->plan_id);
            g_assert_cmpstr (vigia_plan_summary_get_organization (summary), ==,
                             vigia_plan_get_organization (plans[i]));
            /* Counted for every plan at once as for one. */
            g_assert_cmpuint (vigia_plan_summary_get_n_goals (summary), ==, vigia_plan_summary_get_n_goals (one));
            g_assert_cmpuint (vigia_plan_summary_get_n_targets (summary), ==, vigia_plan_summary_get_n_targets (one));
            g_assert_cmpuint (vigia_plan_summary_get_n_goals_with_progress (summary), ==,
                              vigia_plan_summary_get_n_goals_with_progress (one));
            if (plans[i] == none)
              {
                g_assert_cmpuint (vigia_plan_summary_get_n_goals (summary), ==, 4);
                g_assert_cmpuint (vigia_plan_summary_get_n_targets (summary), ==, 5);
                g_assert_cmpuint (vigia_plan_summary_get_n_goals_with_progress (summary), ==, 2);
              }
            g_assert_cmpstr (vigia_plan_summary_get_period (summary), ==, score->period);
            g_assert_nonnull (rollup);
            g_assert_cmpuint (rollup->n_goals, ==, score->rollup.n_goals);
            g_assert_cmpmem (rollup->status_counts, sizeof rollup->status_counts,
                             score->rollup.status_counts, sizeof score->rollup.status_counts);
            assert_figure (vigia_plan_summary_get_achievement (summary),
                           vigia_rollup_get_achievement (&score->rollup), "summary");
          }
      }

      if (source == VIGIA_SOURCE_AUTHORITY)
        {
          /* By hand: the plan 0.7 (test_plan); other 0.4 (the 2026-S2 entry is later);
           * old 15 / 25 = 0.6 as of 2006-S2; none 1 (kept in 2024-S2, broken only later). */
          assert_figure (vigia_rollup_get_achievement (&g_array_index (scores, VigiaPlanScore, 0).rollup), 0.7, "plan");
          assert_figure (vigia_rollup_get_achievement (&g_array_index (scores, VigiaPlanScore, 1).rollup), 0.4, "other");
          g_assert_cmpstr (g_array_index (scores, VigiaPlanScore, 2).period, ==, "2006-S2");
          assert_figure (g_array_index (scores, VigiaPlanScore, 2).expected, 1.0, "old, expected");
          assert_figure (vigia_rollup_get_achievement (&g_array_index (scores, VigiaPlanScore, 2).rollup), 0.6, "old");
          g_assert_true (isnan (g_array_index (scores, VigiaPlanScore, 3).expected));
          assert_figure (vigia_rollup_get_achievement (&g_array_index (scores, VigiaPlanScore, 3).rollup), 1.0, "none");
        }
      else
        assert_figure (vigia_rollup_get_achievement (&g_array_index (scores, VigiaPlanScore, 1).rollup), 0.8, "other, observer");
    }

  /* A row of the list: the authority's figures as of today's semester within
   * the term, read for that plan alone; a plan with no progress has none. */
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(VigiaPlanSummary) summary = vigia_library_load_summary (library, vigia_plan_get_id (plans[i]), &error);
      g_autoptr(VigiaPlan) loaded = vigia_library_load_plan (library, vigia_plan_get_id (plans[i]), &error);
      g_autoptr(VigiaAssessment) assessment = vigia_assessment_new (loaded, NULL);
      const VigiaRollup *expected = vigia_assessment_get_plan_rollup (assessment, VIGIA_SOURCE_AUTHORITY);
      const VigiaRollup *rollup = vigia_plan_summary_get_rollup (summary);

      g_assert_no_error (error);
      g_assert_nonnull (rollup);
      g_assert_cmpstr (vigia_plan_summary_get_period (summary), ==, vigia_assessment_get_period (assessment));
      g_assert_cmpmem (rollup->status_counts, sizeof rollup->status_counts,
                       expected->status_counts, sizeof expected->status_counts);
      assert_figure (vigia_plan_summary_get_achievement (summary), vigia_rollup_get_achievement (expected),
                     "the list's row");
    }
  {
    g_autoptr(VigiaPlan) quiet = vigia_test_make_plan ("SIN AVANCE", "LINCE", 1);
    g_autoptr(VigiaPlanSummary) summary = NULL;

    g_assert_true (vigia_library_add_plan (library, quiet, &error));
    summary = vigia_library_load_summary (library, vigia_plan_get_id (quiet), &error);
    g_assert_no_error (error);
    g_assert_null (vigia_plan_summary_get_rollup (summary));
    g_assert_true (isnan (vigia_plan_summary_get_achievement (summary)));
  }

  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

static void
set_term (VigiaPlan *plan,
          int        start,
          int        end)
{
  vigia_plan_set_term_start (plan, start);
  vigia_plan_set_term_end (plan, end);
}

static VigiaGoal *
first_goal (VigiaPlan *plan,
            guint      dimension)
{
  return vigia_dimension_get_goal (vigia_plan_get_dimension (plan, dimension), 0);
}

/* A page of the list's rows read at once (two statements) is what reading
 * each row alone gives, field by field, each plan assessed as of today's
 * semester brought into its own term; and both are what assessing the plan
 * built as objects gives.  A plan deleted leaves its place empty. */
/* The goals, targets and goals with any entry of @plan, as @summary
 * counts them. */
static void
assert_counts (VigiaPlanSummary *summary,
               VigiaPlan        *plan)
{
  guint n_goals = 0, n_targets = 0, n_with_progress = 0;

  for (guint d = 0; d < vigia_plan_get_n_dimensions (plan); d++)
    for (guint g = 0; g < vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, d)); g++)
      {
        VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, d), g);
        gboolean any = FALSE;

        n_goals++;
        n_targets += vigia_goal_get_n_targets (goal);
        for (guint t = 0; t < vigia_goal_get_n_targets (goal); t++)
          any |= g_list_model_get_n_items (vigia_target_get_progress (vigia_goal_get_target (goal, t))) > 0;
        n_with_progress += any;
      }
  g_assert_cmpuint (vigia_plan_summary_get_n_goals (summary), ==, n_goals);
  g_assert_cmpuint (vigia_plan_summary_get_n_targets (summary), ==, n_targets);
  g_assert_cmpuint (vigia_plan_summary_get_n_goals_with_progress (summary), ==, n_with_progress);
}

static void
test_summaries (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (dir, "summaries.sqlite");
  g_autofree char *current = vigia_period_dup_current ();
  VigiaGoal *anemia, *mypes, *market, *roads;
  g_autoptr(VigiaPlan) now = make_plan (&anemia, &mypes, &market, &roads);
  g_autoptr(VigiaPlan) old = vigia_test_make_plan ("ANTERIOR", "COMAS", 1);
  g_autoptr(VigiaPlan) future = vigia_test_make_plan ("SIGUIENTE", "SURCO", 1);
  g_autoptr(VigiaPlan) none = vigia_test_make_plan ("SIN PERIODO", "PUENTE PIEDRA", 1);
  g_autoptr(VigiaPlan) observed = vigia_test_make_plan ("OBSERVADO", "LINCE", 1);
  g_autoptr(VigiaPlan) quiet = vigia_test_make_plan ("SIN AVANCE", "BREÑA", 1);
  g_autoptr(VigiaPlan) gone = vigia_test_make_plan ("BORRADO", "RIMAC", 1);
  g_autoptr(VigiaTarget) second = vigia_target_new ();
  g_autoptr(VigiaProgress) second_entry = vigia_progress_new ("2023-S2", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) no_summaries = NULL;
  VigiaPlan *plans[] = { now, old, future, none, observed, quiet };
  gint64 ids[G_N_ELEMENTS (plans) + 2];
  int year, half;

  /* A term about today, not clamped; a second target on a goal, to be
   * added in its order. */
  g_assert_true (vigia_period_parse (current, &year, &half));
  vigia_plan_set_organization (now, "JUNTOS POR EL PERU");
  set_term (now, year - 1, year + 2);
  vigia_target_set_value (second, 1000);
  vigia_target_set_measure (second, VIGIA_MEASURE_COUNT);
  vigia_target_set_weight (second, 3);
  vigia_goal_insert_target (mypes, 1, second);
  vigia_progress_set_value (second_entry, 700);
  vigia_progress_set_status (second_entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_target_put_progress (second, second_entry);
  /* A term long over: as of 2006-S2, so the 2010 entry is not counted;
   * a term to come: as of 2095-S1, so the 2096 entry is not counted; no
   * term: as of today. */
  set_term (old, 2003, 2006);
  record (first_goal (old, 1), "2006-S2", VIGIA_SOURCE_AUTHORITY, 15, VIGIA_STATUS_IN_PROGRESS);
  record (first_goal (old, 1), "2010-S1", VIGIA_SOURCE_AUTHORITY, 25, VIGIA_STATUS_KEPT);
  set_term (future, 2095, 2098);
  record (first_goal (future, 0), "2024-S1", VIGIA_SOURCE_AUTHORITY, 5, VIGIA_STATUS_IN_PROGRESS);
  record (first_goal (future, 0), "2096-S2", VIGIA_SOURCE_AUTHORITY, 20, VIGIA_STATUS_KEPT);
  set_term (none, 0, 0);
  record (first_goal (none, 3), "2024-S2", VIGIA_SOURCE_AUTHORITY, 25, VIGIA_STATUS_KEPT);
  /* Progress of the observer only: assessed, with nothing of the authority. */
  record (first_goal (observed, 2), "2024-S1", VIGIA_SOURCE_OBSERVER, 10, VIGIA_STATUS_IN_PROGRESS);

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_assert_true (vigia_library_add_plan (library, plans[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (vigia_library_add_plan (library, gone, &error));
  g_assert_true (vigia_library_delete_plan (library, vigia_plan_get_id (gone), &error));
  g_assert_no_error (error);

  /* In an order of their own, with the deleted plan in the middle and a
   * plan asked for twice. */
  ids[0] = vigia_plan_get_id (future);
  ids[1] = vigia_plan_get_id (now);
  ids[2] = vigia_plan_get_id (quiet);
  ids[3] = vigia_plan_get_id (gone);
  ids[4] = vigia_plan_get_id (old);
  ids[5] = vigia_plan_get_id (observed);
  ids[6] = vigia_plan_get_id (none);
  ids[7] = vigia_plan_get_id (now);
  summaries = vigia_library_load_summaries (library, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      VigiaPlanSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(VigiaPlanSummary) alone = vigia_library_load_summary (library, ids[i], &error);
      g_autoptr(VigiaPlan) loaded = NULL;
      g_autoptr(VigiaAssessment) assessment = NULL;
      const VigiaRollup *expected;

      if (ids[i] == vigia_plan_get_id (gone))
        {
          g_assert_null (summary);
          g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND);
          g_assert_null (alone);
          g_clear_error (&error);
          continue;
        }
      g_assert_no_error (error);
      g_assert_nonnull (summary);
      vigia_test_assert_same_summary (summary, alone);

      loaded = vigia_library_load_plan (library, ids[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (vigia_plan_summary_get_organization (summary), ==, vigia_plan_get_organization (loaded));
      assert_counts (summary, loaded);
      if (ids[i] == vigia_plan_get_id (quiet))
        {
          g_assert_null (vigia_plan_summary_get_rollup (summary));
          g_assert_null (vigia_plan_summary_get_period (summary));
          continue;
        }
      assessment = vigia_assessment_new (loaded, NULL);
      expected = vigia_assessment_get_plan_rollup (assessment, VIGIA_SOURCE_AUTHORITY);
      g_assert_cmpstr (vigia_plan_summary_get_period (summary), ==, vigia_assessment_get_period (assessment));
      g_assert_nonnull (vigia_plan_summary_get_rollup (summary));
      g_assert_cmpuint (vigia_plan_summary_get_rollup (summary)->n_goals, ==, expected->n_goals);
      g_assert_cmpuint (vigia_plan_summary_get_rollup (summary)->n_targets, ==, expected->n_targets);
      g_assert_cmpmem (vigia_plan_summary_get_rollup (summary)->status_counts,
                       sizeof expected->status_counts, expected->status_counts, sizeof expected->status_counts);
      assert_figure (vigia_plan_summary_get_achievement (summary), vigia_rollup_get_achievement (expected),
                     vigia_plan_get_organization (loaded));
    }

  /* Each as of a semester of its own. */
  g_assert_cmpstr (vigia_plan_summary_get_period (g_ptr_array_index (summaries, 0)), ==, "2095-S1");
  g_assert_cmpstr (vigia_plan_summary_get_period (g_ptr_array_index (summaries, 1)), ==, current);
  g_assert_cmpstr (vigia_plan_summary_get_period (g_ptr_array_index (summaries, 4)), ==, "2006-S2");
  g_assert_cmpstr (vigia_plan_summary_get_period (g_ptr_array_index (summaries, 6)), ==, current);
  /* 15 of 25 %; the authority said nothing of the observed plan. */
  assert_figure (vigia_plan_summary_get_achievement (g_ptr_array_index (summaries, 4)), 0.6, "old");
  assert_figure (vigia_plan_summary_get_achievement (g_ptr_array_index (summaries, 0)), 0.2, "future");
  assert_figure (vigia_plan_summary_get_achievement (g_ptr_array_index (summaries, 5)), NO, "observed");
  vigia_test_assert_same_summary (g_ptr_array_index (summaries, 7), g_ptr_array_index (summaries, 1));

  no_summaries = vigia_library_load_summaries (library, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (no_summaries->len, ==, 0);

  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

static void
test_no_term (void)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("SIN PERIODO", "ATE", 1);
  g_autoptr(VigiaAssessment) assessment = NULL;
  g_autofree char *current = vigia_period_dup_current ();
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);

  vigia_plan_set_term_start (plan, 0);
  vigia_plan_set_term_end (plan, 0);
  record (goal, "2024-S1", VIGIA_SOURCE_AUTHORITY, 5, VIGIA_STATUS_IN_PROGRESS);

  /* Today's semester; no expected share without a term, so no pace. */
  assessment = vigia_assessment_new (plan, NULL);
  g_assert_cmpstr (vigia_assessment_get_period (assessment), ==, current);
  g_assert_true (isnan (vigia_assessment_get_expected (assessment)));
  assert_figure (vigia_rollup_get_achievement (vigia_assessment_get_plan_rollup (assessment, VIGIA_SOURCE_AUTHORITY)),
                 0.2, "5 of 25 on the one goal of four with data");
  g_assert_cmpint (vigia_assessment_get_plan_pace (assessment, VIGIA_SOURCE_AUTHORITY), ==, VIGIA_PACE_NO_DATA);
  vigia_test_assert_finalized (&assessment);
  vigia_test_assert_finalized (&plan);
}

static void
test_default_period (void)
{
  g_autoptr(VigiaPlan) past = vigia_test_make_plan ("PASADO", "ATE", 1);
  g_autoptr(VigiaPlan) future = vigia_test_make_plan ("FUTURO", "ATE", 1);
  g_autofree char *past_period = NULL;
  g_autofree char *future_period = NULL;

  vigia_plan_set_term_start (past, 2003);
  vigia_plan_set_term_end (past, 2006);
  vigia_plan_set_term_start (future, 2095);
  vigia_plan_set_term_end (future, 2098);

  past_period = vigia_assessment_dup_default_period (past);
  future_period = vigia_assessment_dup_default_period (future);
  g_assert_cmpstr (past_period, ==, "2006-S2");
  g_assert_cmpstr (future_period, ==, "2095-S1");
}

static void
test_pace_labels (void)
{
  vigia_test_set_language ("es");
  g_assert_cmpstr (vigia_pace_get_label (VIGIA_PACE_AHEAD), ==, "Con adelanto");
  g_assert_cmpstr (vigia_pace_get_label (VIGIA_PACE_ON_TRACK), ==, "Al día");
  g_assert_cmpstr (vigia_pace_get_label (VIGIA_PACE_BEHIND), ==, "Con retraso");
  g_assert_cmpstr (vigia_pace_get_label (VIGIA_PACE_NO_DATA), ==, "Sin datos");
  vigia_test_set_language ("en");
  g_assert_cmpstr (vigia_pace_get_label (VIGIA_PACE_ON_TRACK), ==, "On track");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  vigia_test_add_func_sqlite_only ("/assessment/goal-achievement", test_goal_achievement);
  vigia_test_add_func_sqlite_only ("/assessment/pace", test_pace);
  vigia_test_add_func_sqlite_only ("/assessment/rollup", test_rollup);
  vigia_test_add_func_sqlite_only ("/assessment/goal-of-targets", test_goal_of_targets);
  vigia_test_add_func_sqlite_only ("/assessment/contradiction", test_contradiction);
  vigia_test_add_func_sqlite_only ("/assessment/away-from-target", test_away_from_target);
  vigia_test_add_func_sqlite_only ("/assessment/plan-of-targets", test_plan_of_targets);
  vigia_test_add_func_sqlite_only ("/assessment/description", test_description);
  vigia_test_add_func_sqlite_only ("/assessment/plan", test_plan);
  vigia_test_add_func_on_store ("/assessment/library", test_library);
  vigia_test_add_func_on_store ("/assessment/summaries", test_summaries);
  vigia_test_add_func_sqlite_only ("/assessment/no-term", test_no_term);
  vigia_test_add_func_sqlite_only ("/assessment/default-period", test_default_period);
  vigia_test_add_func_sqlite_only ("/assessment/pace-labels", test_pace_labels);

  return g_test_run ();
}
