/* vigia-assessment.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (docs/assessment.md, "Rules"; the README tells users):
 *
 * - A goal with a numeric target: achievement = (value − start) / (target −
 *   start), where start is the baseline; an upward goal without a baseline
 *   starts at 0, a downward one without a baseline has no achievement.
 * - Terms that contradict each other (baseline 40, target 30, direction up)
 *   are not measured: such a target is assessed by its status alone, and
 *   the chip and the reports say why.
 * - A percent-change goal ("30 % more efficiency") records the change since
 *   the baseline, signed (−8 for a fall of 8 %): achievement = value / ±target.
 * - Qualitative goals, "keep" goals and entries with a status but no value are
 *   assessed by status: kept 1, partly kept ½, broken 0; in progress,
 *   stalled and not rated give no achievement (they are counted, not scored,
 *   since no figure says how far they are).
 * - As of a period, each goal counts its latest entry at or before it (an
 *   office need not repeat an unchanged figure); an entry with neither a
 *   value nor a status says nothing and is passed over.
 * - Each target of a goal is assessed on its own, as above; a goal's
 *   achievement is the mean over its targets with data, weighted by target
 *   weight, each target's share clamped to 0–100 % so that one target's
 *   overshoot does not hide another's shortfall.
 * - A dimension's or plan's achievement is the mean over goals with data,
 *   weighted by goal weight.  Goals and targets without data are "no data",
 *   never 0 %.  Counts by status are of targets.  Authority and observer are
 *   assessed apart.
 * - Pace: achievement more than VIGIA_PACE_TOLERANCE below the expected share
 *   k / n is behind, more than it above is ahead, else on track.
 */
#define G_LOG_DOMAIN "vigia-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vigia-assessment.h"
#include "vigia-number.h"
#include "vigia-period.h"
#include "vigia-utils.h"

#define N_SOURCES 2

struct _VigiaAssessment
{
  GObject      parent_instance;

  VigiaPlan   *plan;
  char        *period;
  double       expected;

  VigiaRollup  plan_rollup[N_SOURCES];
  /* n_dimensions × N_SOURCES */
  VigiaRollup *dimension_rollups;
  guint        n_dimensions;
  /* VigiaGoal → VigiaGoalResult[N_SOURCES] */
  GHashTable  *goal_results;
  /* VigiaTarget → VigiaTargetResult[N_SOURCES] */
  GHashTable  *target_results;
};

G_DEFINE_FINAL_TYPE (VigiaAssessment, vigia_assessment, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* One goal                                                               */
/* ---------------------------------------------------------------------- */

void
vigia_target_terms_init (VigiaTargetTerms *terms,
                         VigiaTarget      *target)
{
  g_return_if_fail (terms != NULL);
  g_return_if_fail (VIGIA_IS_TARGET (target));

  terms->measure = vigia_target_get_measure (target);
  terms->direction = vigia_target_get_direction (target);
  terms->target = vigia_target_get_value (target);
  terms->baseline = vigia_target_get_baseline_value (target);
  terms->weight = vigia_target_get_weight (target);
}

/**
 * vigia_target_terms_is_numeric:
 *
 * Returns: whether values recorded for the goal can be measured against its
 *   target (otherwise only its status counts)
 */
gboolean
vigia_target_terms_is_numeric (const VigiaTargetTerms *terms)
{
  g_return_val_if_fail (terms != NULL, FALSE);

  return terms->measure != VIGIA_MEASURE_QUALITATIVE &&
         terms->direction != VIGIA_DIRECTION_KEEP &&
         VIGIA_HAS_VALUE (terms->target);
}

/**
 * vigia_target_terms_is_contradictory:
 *
 * Whether the target's terms contradict each other: a baseline above the
 * target with the direction up, or below it with the direction down
 * (baseline 40, target 30, up).  Such a target is not assessed by its
 * figures, which would mislead either way, until a person settles it.
 *
 * Returns: %TRUE if they contradict each other
 */
gboolean
vigia_target_terms_is_contradictory (const VigiaTargetTerms *terms)
{
  g_return_val_if_fail (terms != NULL, FALSE);

  if (!vigia_target_terms_is_numeric (terms) || terms->measure == VIGIA_MEASURE_PERCENT_CHANGE ||
      !VIGIA_HAS_VALUE (terms->baseline) || terms->baseline == terms->target)
    return FALSE;
  if (terms->direction == VIGIA_DIRECTION_UP)
    return terms->baseline > terms->target;
  return terms->baseline < terms->target;
}

/**
 * vigia_target_dup_contradiction:
 *
 * Returns: (transfer full) (nullable): what contradicts what in the
 *   target's reading, in words, or %NULL if nothing does
 */
char *
vigia_target_dup_contradiction (VigiaTarget *target)
{
  VigiaTargetTerms terms;
  g_autofree char *baseline = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (VIGIA_IS_TARGET (target), NULL);

  vigia_target_terms_init (&terms, target);
  if (!vigia_target_terms_is_contradictory (&terms))
    return NULL;

  baseline = vigia_target_dup_value_label (target, terms.baseline);
  value = vigia_target_dup_value_label (target, terms.target);
  if (terms.direction == VIGIA_DIRECTION_UP)
    /* Translators: the baseline, then the target: "The baseline, 40 %, is above the target, 30 %, …" */
    return g_strdup_printf (_("The baseline, %s, is above the target, %s, but the target is to rise: "
                              "check the reading. It is not measured until then."), baseline, value);
  /* Translators: the baseline, then the target */
  return g_strdup_printf (_("The baseline, %s, is below the target, %s, but the target is to fall: "
                            "check the reading. It is not measured until then."), baseline, value);
}

/**
 * vigia_target_terms_get_start:
 *
 * Returns: where the way to the target starts, in the unit values are
 *   recorded in: the baseline, 0 for an upward goal without one or a percent
 *   change; NAN if it is not known
 */
double
vigia_target_terms_get_start (const VigiaTargetTerms *terms)
{
  g_return_val_if_fail (terms != NULL, NAN);

  if (!vigia_target_terms_is_numeric (terms))
    return NAN;
  if (terms->measure == VIGIA_MEASURE_PERCENT_CHANGE)
    return 0;
  if (VIGIA_HAS_VALUE (terms->baseline))
    return terms->baseline;
  return terms->direction == VIGIA_DIRECTION_UP ? 0 : NAN;
}

/**
 * vigia_target_terms_get_goal_value:
 *
 * Returns: the target in the unit values are recorded in (−20 for "reduce by
 *   20 %"), or NAN for a goal assessed by status
 */
double
vigia_target_terms_get_goal_value (const VigiaTargetTerms *terms)
{
  g_return_val_if_fail (terms != NULL, NAN);

  if (!vigia_target_terms_is_numeric (terms))
    return NAN;
  if (terms->measure == VIGIA_MEASURE_PERCENT_CHANGE)
    return terms->direction == VIGIA_DIRECTION_DOWN ? -fabs (terms->target) : fabs (terms->target);
  return terms->target;
}

/**
 * vigia_status_get_achievement:
 *
 * Returns: what a status alone says of achievement: 1 kept, 0.5 partly kept,
 *   0 broken, NAN for the others
 */
double
vigia_status_get_achievement (VigiaStatus status)
{
  switch (status)
    {
    case VIGIA_STATUS_KEPT:        return 1.0;
    case VIGIA_STATUS_PARTLY_KEPT: return 0.5;
    case VIGIA_STATUS_BROKEN:      return 0.0;
    case VIGIA_STATUS_NOT_RATED:
    case VIGIA_STATUS_IN_PROGRESS:
    case VIGIA_STATUS_STALLED:
    default:                       return NAN;
    }
}

/**
 * vigia_target_terms_get_achievement:
 * @value: the value recorded, or NAN
 * @status: the status recorded
 *
 * Returns: the share of the way from start to target that @value covers
 *   (not clamped: 1.2 is 120 %), what @status says where the value cannot
 *   be measured, or NAN for no data
 */
double
vigia_target_terms_get_achievement (const VigiaTargetTerms *terms,
                                  double                value,
                                  VigiaStatus           status)
{
  double start, goal;

  g_return_val_if_fail (terms != NULL, NAN);

  start = vigia_target_terms_get_start (terms);
  goal = vigia_target_terms_get_goal_value (terms);

  /* Terms that contradict each other are settled by a person; the status
   * recorded still says what it says. */
  if (!VIGIA_HAS_VALUE (value) || !VIGIA_HAS_VALUE (start) || !VIGIA_HAS_VALUE (goal) ||
      goal == start || vigia_target_terms_is_contradictory (terms))
    return vigia_status_get_achievement (status);

  return (value - start) / (goal - start);
}

/**
 * vigia_target_achievement_format:
 * @achievement: a target's achievement as vigia_target_terms_get_achievement()
 *   gives it, not clipped
 *
 * A target's achievement in words that cannot be misread: below 0 %, the
 * figure moved away from the target (it counts as 0 % in the goal's, the
 * dimension's and the plan's achievement); above 100 %, it went past it
 * (counted as 100 %).
 *
 * Returns: (transfer full): "42 %", "−25 % (moving away from the target)",
 *   "130 % (past the target)", or "no data"
 */
char *
vigia_target_achievement_format (double achievement)
{
  g_autofree char *share = vigia_number_format_share (achievement);

  if (!VIGIA_HAS_VALUE (achievement))
    return g_steal_pointer (&share);
  /* As vigia_number_format_share() rounds it. */
  if (round (achievement * 100) < 0)
    /* Translators: a target's achievement below 0 %: "−25 % (moving away from the target)" */
    return g_strdup_printf (_("%s (moving away from the target)"), share);
  if (round (achievement * 100) > 100)
    /* Translators: a target's achievement above 100 %: "130 % (past the target)" */
    return g_strdup_printf (_("%s (past the target)"), share);
  return g_steal_pointer (&share);
}

VigiaPace
vigia_pace_from_achievement (double achievement,
                             double expected)
{
  if (!VIGIA_HAS_VALUE (achievement) || !VIGIA_HAS_VALUE (expected))
    return VIGIA_PACE_NO_DATA;
  /* A hair of slack, so that 0.3 − 0.2 is not read as less than 0.1. */
  if (achievement < expected - VIGIA_PACE_TOLERANCE - 1e-9)
    return VIGIA_PACE_BEHIND;
  if (achievement > expected + VIGIA_PACE_TOLERANCE + 1e-9)
    return VIGIA_PACE_AHEAD;
  return VIGIA_PACE_ON_TRACK;
}

const char *
vigia_pace_get_label (VigiaPace pace)
{
  switch (pace)
    {
    case VIGIA_PACE_BEHIND:   return _("Behind");
    case VIGIA_PACE_ON_TRACK: return _("On track");
    case VIGIA_PACE_AHEAD:    return _("Ahead");
    case VIGIA_PACE_NO_DATA:
    default:                  return _("No data");
    }
}

/* An entry that records neither a value nor a status says nothing of
 * achievement (a note alone, say). */
static gboolean
entry_is_informative (VigiaProgress *entry)
{
  return VIGIA_HAS_VALUE (vigia_progress_get_value (entry)) ||
         vigia_progress_get_status (entry) != VIGIA_STATUS_NOT_RATED;
}

/**
 * vigia_target_find_latest_progress:
 * @period: (nullable): the last semester to look at; %NULL for all
 *
 * Returns: (transfer none) (nullable): the target's latest entry from
 *   @source at or before @period that records a value or a status
 */
VigiaProgress *
vigia_target_find_latest_progress (VigiaTarget *target,
                                   const char  *period,
                                   VigiaSource  source)
{
  GListModel *entries;
  guint n;

  g_return_val_if_fail (VIGIA_IS_TARGET (target), NULL);

  entries = vigia_target_get_progress (target);
  n = g_list_model_get_n_items (entries);

  /* The entries are sorted by period: walk back from the newest. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, i - 1);

      if (vigia_progress_get_source (entry) != source || !entry_is_informative (entry))
        continue;
      if (period != NULL && vigia_period_compare (vigia_progress_get_period (entry), period) > 0)
        continue;
      /* The target's store holds the entry. */
      return entry;
    }

  return NULL;
}

/**
 * vigia_target_assess:
 * @period: (nullable): as of this semester; %NULL for the latest entry
 * @expected: the expected share at @period, or NAN
 * @result: (out caller-allocates): the result
 */
void
vigia_target_assess (VigiaTarget       *target,
                     const char        *period,
                     VigiaSource        source,
                     double             expected,
                     VigiaTargetResult *result)
{
  VigiaTargetTerms terms;

  g_return_if_fail (VIGIA_IS_TARGET (target));
  g_return_if_fail (result != NULL);

  vigia_target_terms_init (&terms, target);
  result->entry = vigia_target_find_latest_progress (target, period, source);
  if (result->entry != NULL)
    {
      result->status = vigia_progress_get_status (result->entry);
      result->achievement = vigia_target_terms_get_achievement (&terms,
                                                              vigia_progress_get_value (result->entry),
                                                              result->status);
    }
  else
    {
      result->status = VIGIA_STATUS_NOT_RATED;
      result->achievement = NAN;
    }
  result->pace = vigia_pace_from_achievement (result->achievement, expected);
}

/* ---------------------------------------------------------------------- */
/* Roll-ups                                                               */
/* ---------------------------------------------------------------------- */

static void
add_share (VigiaRollup *rollup,
           double       achievement,
           double       weight)
{
  if (!VIGIA_HAS_VALUE (achievement))
    return;
  if (!VIGIA_HAS_VALUE (weight) || weight < 0)
    weight = 1;

  rollup->n_with_data++;
  rollup->weight_with_data += weight;
  rollup->weighted_sum += weight * CLAMP (achievement, 0.0, 1.0);
}

/**
 * vigia_rollup_add_target:
 * @rollup: one goal's targets so far
 * @achievement: the target's achievement, or NAN for no data
 * @weight: the target's weight within its goal (0 leaves it out of the
 *   mean, not the counts)
 * @status: the status of the target's entry; not rated if it has none
 */
void
vigia_rollup_add_target (VigiaRollup *rollup,
                         double       achievement,
                         double       weight,
                         VigiaStatus  status)
{
  g_return_if_fail (rollup != NULL);

  rollup->n_targets++;
  if ((guint) status < VIGIA_N_STATUSES)
    rollup->status_counts[status]++;
  add_share (rollup, achievement, weight);
}

/**
 * vigia_rollup_add_goal:
 * @targets: the goal's targets, rolled up with vigia_rollup_add_target()
 * @weight: the goal's weight (0 leaves it out of the mean, not the counts)
 *
 * Adds a goal: its achievement, the mean of its targets with data, counts
 * once with @weight; its targets count in the counts by status.
 */
void
vigia_rollup_add_goal (VigiaRollup       *rollup,
                       const VigiaRollup *targets,
                       double             weight)
{
  g_return_if_fail (rollup != NULL);
  g_return_if_fail (targets != NULL);

  rollup->n_goals++;
  rollup->n_targets += targets->n_targets;
  for (guint i = 0; i < VIGIA_N_STATUSES; i++)
    rollup->status_counts[i] += targets->status_counts[i];
  add_share (rollup, vigia_rollup_get_achievement (targets), weight);
}

void
vigia_rollup_merge (VigiaRollup       *rollup,
                    const VigiaRollup *other)
{
  g_return_if_fail (rollup != NULL);
  g_return_if_fail (other != NULL);

  rollup->n_goals += other->n_goals;
  rollup->n_targets += other->n_targets;
  rollup->n_with_data += other->n_with_data;
  rollup->weight_with_data += other->weight_with_data;
  rollup->weighted_sum += other->weighted_sum;
  for (guint i = 0; i < VIGIA_N_STATUSES; i++)
    rollup->status_counts[i] += other->status_counts[i];
}

/**
 * vigia_rollup_get_achievement:
 *
 * Returns: the weighted mean achievement of the goals with data, from 0 to
 *   1, or NAN if none has data
 */
double
vigia_rollup_get_achievement (const VigiaRollup *rollup)
{
  g_return_val_if_fail (rollup != NULL, NAN);

  if (rollup->n_with_data == 0 || rollup->weight_with_data <= 0)
    return NAN;
  return rollup->weighted_sum / rollup->weight_with_data;
}

/**
 * vigia_rollup_get_status:
 *
 * The statuses of the targets rolled up, in one, as a goal's bar or row
 * shows it: the status they share, leaving out those not rated; partly
 * kept where they mix kept, partly kept and broken; in progress where they
 * mix others; not rated if none is rated.
 *
 * Returns: the status
 */
VigiaStatus
vigia_rollup_get_status (const VigiaRollup *rollup)
{
  int shared = -1;
  gboolean closed = TRUE;

  g_return_val_if_fail (rollup != NULL, VIGIA_STATUS_NOT_RATED);

  for (guint i = 0; i < VIGIA_N_STATUSES; i++)
    {
      if (i == VIGIA_STATUS_NOT_RATED || rollup->status_counts[i] == 0)
        continue;
      shared = shared == -1 ? (int) i : -2;
      closed = closed && (i == VIGIA_STATUS_KEPT || i == VIGIA_STATUS_PARTLY_KEPT || i == VIGIA_STATUS_BROKEN);
    }

  if (shared == -1)
    return VIGIA_STATUS_NOT_RATED;
  if (shared >= 0)
    return shared;
  return closed ? VIGIA_STATUS_PARTLY_KEPT : VIGIA_STATUS_IN_PROGRESS;
}

/**
 * vigia_status_dup_count:
 *
 * Returns: (transfer full): @n goals of @status, in words: "2 in progress"
 *   ("2 en marcha"), "1 kept" ("1 cumplida")
 */
char *
vigia_status_dup_count (VigiaStatus status,
                        guint       n)
{
  switch (status)
    {
    case VIGIA_STATUS_KEPT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u kept", "%u kept", n), n);
    case VIGIA_STATUS_PARTLY_KEPT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partly kept", "%u partly kept", n), n);
    case VIGIA_STATUS_IN_PROGRESS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in progress", "%u in progress", n), n);
    case VIGIA_STATUS_STALLED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stalled", "%u stalled", n), n);
    case VIGIA_STATUS_BROKEN:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u broken", "%u broken", n), n);
    case VIGIA_STATUS_NOT_RATED:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not rated", "%u not rated", n), n);
    }
}

/**
 * vigia_rollup_dup_status_counts:
 *
 * Kept, in progress and broken are always said, the other statuses when
 * some target has them.  The counts are of targets: where they are more
 * than the goals (a goal of several), they say so first.
 *
 * Returns: (transfer full): "1 kept, 2 in progress, 0 broken", or "12
 *   targets — 1 kept, 2 in progress, 0 broken"
 */
char *
vigia_rollup_dup_status_counts (const VigiaRollup *rollup)
{
  static const VigiaStatus order[] = {
    VIGIA_STATUS_KEPT, VIGIA_STATUS_PARTLY_KEPT, VIGIA_STATUS_IN_PROGRESS,
    VIGIA_STATUS_STALLED, VIGIA_STATUS_BROKEN, VIGIA_STATUS_NOT_RATED,
  };
  GString *text;

  g_return_val_if_fail (rollup != NULL, NULL);

  text = g_string_new (NULL);
  if (rollup->n_targets > MAX (rollup->n_goals, 1))
    /* Translators: before the count of targets by status: "12 targets — 1 kept, …" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u target — ", "%u targets — ", rollup->n_targets),
                            rollup->n_targets);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint n = rollup->status_counts[order[i]];
      g_autofree char *count = NULL;

      if (n > 0 || order[i] == VIGIA_STATUS_KEPT || order[i] == VIGIA_STATUS_IN_PROGRESS ||
          order[i] == VIGIA_STATUS_BROKEN)
        count = vigia_status_dup_count (order[i], n);

      if (count == NULL)
        continue;
      if (text->len > 0 && !g_str_has_suffix (text->str, "— "))
        g_string_append (text, ", ");
      g_string_append (text, count);
    }

  return g_string_free (text, FALSE);
}

/**
 * vigia_rollup_dup_rated_counts:
 *
 * The statuses goals were rated with, those some goal has, best first: for
 * lists, where room is short.
 *
 * Returns: (transfer full) (nullable): "1 kept · 2 in progress", or %NULL
 *   if no goal is rated
 */
char *
vigia_rollup_dup_rated_counts (const VigiaRollup *rollup)
{
  static const VigiaStatus order[] = {
    VIGIA_STATUS_KEPT, VIGIA_STATUS_PARTLY_KEPT, VIGIA_STATUS_IN_PROGRESS,
    VIGIA_STATUS_STALLED, VIGIA_STATUS_BROKEN,
  };
  GString *text;

  g_return_val_if_fail (rollup != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *count = NULL;

      if (rollup->status_counts[order[i]] == 0)
        continue;
      count = vigia_status_dup_count (order[i], rollup->status_counts[order[i]]);
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, count);
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/**
 * vigia_rollup_dup_description:
 *
 * Returns: (transfer full): what the roll-up says, in words, as charts give
 *   it to screen readers: "Achievement 42 %: 1 kept, 2 in progress, 0 broken"
 */
char *
vigia_rollup_dup_description (const VigiaRollup *rollup)
{
  g_autofree char *counts = NULL;
  g_autofree char *share = NULL;
  double achievement;

  g_return_val_if_fail (rollup != NULL, NULL);

  counts = vigia_rollup_dup_status_counts (rollup);
  achievement = vigia_rollup_get_achievement (rollup);
  if (!VIGIA_HAS_VALUE (achievement))
    /* Translators: %s is the count of goals by status: "0 kept, 0 in progress, 0 broken, 4 not rated". */
    return g_strdup_printf (_("Achievement not known yet: %s"), counts);

  share = vigia_number_format_share (achievement);
  /* Translators: the achievement ("42 %"), then the count of goals by status. */
  return g_strdup_printf (_("Achievement %s: %s"), share, counts);
}

/* ---------------------------------------------------------------------- */
/* VigiaAssessment                                                        */
/* ---------------------------------------------------------------------- */

static void
vigia_assessment_finalize (GObject *object)
{
  VigiaAssessment *self = (VigiaAssessment *)object;

  g_clear_pointer (&self->goal_results, g_hash_table_unref);
  g_clear_pointer (&self->target_results, g_hash_table_unref);
  g_clear_pointer (&self->dimension_rollups, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (vigia_assessment_parent_class)->finalize (object);
}

static void
vigia_assessment_class_init (VigiaAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_assessment_finalize;
}

static void
vigia_assessment_init (VigiaAssessment *self)
{
  self->goal_results = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->target_results = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->expected = NAN;
}

static void
vigia_assessment_compute (VigiaAssessment *self)
{
  self->n_dimensions = vigia_plan_get_n_dimensions (self->plan);
  self->dimension_rollups = g_new0 (VigiaRollup, MAX (self->n_dimensions, 1) * N_SOURCES);

  for (guint i = 0; i < self->n_dimensions; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self->plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          VigiaGoalResult *results = g_new0 (VigiaGoalResult, N_SOURCES);
          guint n_targets = vigia_goal_get_n_targets (goal);

          for (guint t = 0; t < n_targets; t++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, t);
              VigiaTargetResult *target_results = g_new0 (VigiaTargetResult, N_SOURCES);

              for (guint s = 0; s < N_SOURCES; s++)
                {
                  vigia_target_assess (target, self->period, s, self->expected, &target_results[s]);
                  vigia_rollup_add_target (&results[s].targets, target_results[s].achievement,
                                           vigia_target_get_weight (target), target_results[s].status);
                }
              g_hash_table_insert (self->target_results, g_object_ref (target), target_results);
            }

          for (guint s = 0; s < N_SOURCES; s++)
            {
              results[s].achievement = vigia_rollup_get_achievement (&results[s].targets);
              results[s].status = vigia_rollup_get_status (&results[s].targets);
              results[s].pace = vigia_pace_from_achievement (results[s].achievement, self->expected);
              vigia_rollup_add_goal (&self->dimension_rollups[i * N_SOURCES + s], &results[s].targets,
                                     vigia_goal_get_weight (goal));
            }
          g_hash_table_insert (self->goal_results, g_object_ref (goal), results);
        }

      for (guint s = 0; s < N_SOURCES; s++)
        vigia_rollup_merge (&self->plan_rollup[s], &self->dimension_rollups[i * N_SOURCES + s]);
    }
}

/**
 * vigia_assessment_dup_default_period:
 *
 * Returns: (transfer full): the semester of today, brought into the plan's
 *   term (its last semester once the term is over)
 */
char *
vigia_assessment_dup_default_period (VigiaPlan *plan)
{
  g_autofree char *current = vigia_period_dup_current ();
  char *clamped;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);

  clamped = vigia_term_clamp_period (vigia_plan_get_term_start (plan),
                                     vigia_plan_get_term_end (plan), current);
  return clamped != NULL ? clamped : g_steal_pointer (&current);
}

/**
 * vigia_assessment_new:
 * @period: (nullable): as of this semester (brought into the plan's term if
 *   outside it); %NULL for today's, within the term
 *
 * Assesses every goal of @plan for both sources, and rolls the results up
 * per dimension and for the plan.  The assessment does not follow later
 * changes to the plan: make a new one.
 *
 * Returns: (transfer full): the assessment
 */
VigiaAssessment *
vigia_assessment_new (VigiaPlan  *plan,
                      const char *period)
{
  VigiaAssessment *self;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (period == NULL || vigia_period_is_valid (period), NULL);

  self = g_object_new (VIGIA_TYPE_ASSESSMENT, NULL);
  self->plan = g_object_ref (plan);
  if (period != NULL)
    {
      int year, half;

      /* A semester outside the term is brought into it, as for the whole
       * library (vigia_library_assess_plans()). */
      self->period = vigia_term_clamp_period (vigia_plan_get_term_start (plan),
                                              vigia_plan_get_term_end (plan), period);
      if (self->period == NULL && vigia_period_parse (period, &year, &half))
        self->period = vigia_period_format (year, half);
    }
  else
    self->period = vigia_assessment_dup_default_period (plan);
  self->expected = vigia_term_get_expected_share (vigia_plan_get_term_start (plan),
                                                  vigia_plan_get_term_end (plan),
                                                  self->period);
  vigia_assessment_compute (self);

  return self;
}

VigiaPlan *
vigia_assessment_get_plan (VigiaAssessment *self)
{
  g_return_val_if_fail (VIGIA_IS_ASSESSMENT (self), NULL);
  return self->plan;
}

const char *
vigia_assessment_get_period (VigiaAssessment *self)
{
  g_return_val_if_fail (VIGIA_IS_ASSESSMENT (self), NULL);
  return self->period;
}

/**
 * vigia_assessment_get_expected:
 *
 * Returns: the expected share k / n at the period, or NAN if the plan has no
 *   term or the period is outside it
 */
double
vigia_assessment_get_expected (VigiaAssessment *self)
{
  g_return_val_if_fail (VIGIA_IS_ASSESSMENT (self), NAN);
  return self->expected;
}

const VigiaRollup *
vigia_assessment_get_plan_rollup (VigiaAssessment *self,
                                  VigiaSource      source)
{
  g_return_val_if_fail (VIGIA_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail ((guint) source < N_SOURCES, NULL);
  return &self->plan_rollup[source];
}

const VigiaRollup *
vigia_assessment_get_dimension_rollup (VigiaAssessment *self,
                                       guint            position,
                                       VigiaSource      source)
{
  g_return_val_if_fail (VIGIA_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (position < self->n_dimensions, NULL);
  g_return_val_if_fail ((guint) source < N_SOURCES, NULL);
  return &self->dimension_rollups[position * N_SOURCES + source];
}

/**
 * vigia_assessment_get_goal_result:
 *
 * Returns: (nullable): the result of @goal for @source, or %NULL if @goal
 *   was not in the plan when it was assessed
 */
const VigiaGoalResult *
vigia_assessment_get_goal_result (VigiaAssessment *self,
                                  VigiaGoal       *goal,
                                  VigiaSource      source)
{
  const VigiaGoalResult *results;

  g_return_val_if_fail (VIGIA_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (VIGIA_IS_GOAL (goal), NULL);
  g_return_val_if_fail ((guint) source < N_SOURCES, NULL);

  results = g_hash_table_lookup (self->goal_results, goal);
  return results != NULL ? &results[source] : NULL;
}

/**
 * vigia_assessment_get_target_result:
 *
 * Returns: (nullable): the result of @target for @source, or %NULL if
 *   @target was not in the plan when it was assessed
 */
const VigiaTargetResult *
vigia_assessment_get_target_result (VigiaAssessment *self,
                                    VigiaTarget     *target,
                                    VigiaSource      source)
{
  const VigiaTargetResult *results;

  g_return_val_if_fail (VIGIA_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), NULL);
  g_return_val_if_fail ((guint) source < N_SOURCES, NULL);

  results = g_hash_table_lookup (self->target_results, target);
  return results != NULL ? &results[source] : NULL;
}

VigiaPace
vigia_assessment_get_plan_pace (VigiaAssessment *self,
                                VigiaSource      source)
{
  g_return_val_if_fail (VIGIA_IS_ASSESSMENT (self), VIGIA_PACE_NO_DATA);
  g_return_val_if_fail ((guint) source < N_SOURCES, VIGIA_PACE_NO_DATA);

  return vigia_pace_from_achievement (vigia_rollup_get_achievement (&self->plan_rollup[source]),
                                      self->expected);
}
