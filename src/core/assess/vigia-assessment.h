/* vigia-assessment.h: how far a plan's goals have come
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigia-enums.h"
#include "vigia-period.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

typedef enum {
  VIGIA_PACE_NO_DATA,
  VIGIA_PACE_BEHIND,
  VIGIA_PACE_ON_TRACK,
  VIGIA_PACE_AHEAD,
} VigiaPace;

/* How far achievement may stray from the expected share and still be "on
 * track": 10 percentage points either way. */
#define VIGIA_PACE_TOLERANCE 0.10

/* What assessing a target needs, read from a VigiaTarget or straight from
 * the library's rows. */
typedef struct
{
  VigiaMeasure    measure;
  VigiaDirection  direction;
  /* NAN where not known. */
  double          target;
  double          baseline;
  double          weight;
} VigiaTargetTerms;

/* Achievement summed over goals: a dimension, a plan, a library; or over
 * one goal's targets (then n_goals is 0). */
typedef struct
{
  guint   n_goals;
  guint   n_targets;
  /* The goals (or, within a goal, the targets) with an achievement; the
   * rest are "no data", never 0 %. */
  guint   n_with_data;
  double  weight_with_data;
  double  weighted_sum;
  /* Targets by the status of their entry; a target with no entry is not rated. */
  guint   status_counts[VIGIA_N_STATUSES];
} VigiaRollup;

/* One target, for one source, as of a period. */
typedef struct
{
  /* The latest entry at or before the period, or NULL. */
  VigiaProgress *entry;
  /* As computed, not clamped (1.2 is 120 %); NAN for no data. */
  double         achievement;
  VigiaStatus    status;
  VigiaPace      pace;
} VigiaTargetResult;

/* One goal, for one source, as of a period: its targets rolled up. */
typedef struct
{
  VigiaRollup    targets;
  /* The weighted mean of its targets with data, 0 to 1; NAN for no data. */
  double         achievement;
  /* Its targets' statuses in one (vigia_rollup_get_status ()). */
  VigiaStatus    status;
  VigiaPace      pace;
} VigiaGoalResult;

/* One plan of a whole-library assessment (vigia_library_assess_plans()). */
typedef struct
{
  gint64       plan_id;
  /* The semester assessed: the one asked for, within the plan's term. */
  char         period[VIGIA_PERIOD_SIZE];
  /* k / n at that semester; NAN without a term. */
  double       expected;
  VigiaRollup  rollup;
} VigiaPlanScore;

void        vigia_target_terms_init         (VigiaTargetTerms     *terms,
                                             VigiaTarget          *target);
gboolean    vigia_target_terms_is_contradictory (const VigiaTargetTerms *terms);
char       *vigia_target_dup_contradiction  (VigiaTarget          *target);
gboolean    vigia_target_terms_is_numeric     (const VigiaTargetTerms *terms);
double      vigia_target_terms_get_achievement (const VigiaTargetTerms *terms,
                                              double               value,
                                              VigiaStatus          status);
double      vigia_target_terms_get_start      (const VigiaTargetTerms *terms);
double      vigia_target_terms_get_goal_value (const VigiaTargetTerms *terms);

double      vigia_status_get_achievement    (VigiaStatus           status);
char       *vigia_target_achievement_format (double                achievement);
char       *vigia_status_dup_count          (VigiaStatus           status,
                                             guint                 n);
VigiaPace   vigia_pace_from_achievement     (double                achievement,
                                             double                expected);
const char *vigia_pace_get_label            (VigiaPace             pace);

void        vigia_rollup_add_target         (VigiaRollup          *rollup,
                                             double                achievement,
                                             double                weight,
                                             VigiaStatus           status);
void        vigia_rollup_add_goal           (VigiaRollup          *rollup,
                                             const VigiaRollup    *targets,
                                             double                weight);
void        vigia_rollup_merge              (VigiaRollup          *rollup,
                                             const VigiaRollup    *other);
double      vigia_rollup_get_achievement    (const VigiaRollup    *rollup);
VigiaStatus vigia_rollup_get_status         (const VigiaRollup    *rollup);
char       *vigia_rollup_dup_status_counts  (const VigiaRollup    *rollup);
char       *vigia_rollup_dup_description    (const VigiaRollup    *rollup);
char       *vigia_rollup_dup_rated_counts   (const VigiaRollup    *rollup);

VigiaProgress *vigia_target_find_latest_progress (VigiaTarget    *target,
                                                  const char     *period,
                                                  VigiaSource     source);
void        vigia_target_assess             (VigiaTarget          *target,
                                             const char           *period,
                                             VigiaSource           source,
                                             double                expected,
                                             VigiaTargetResult    *result);

#define VIGIA_TYPE_ASSESSMENT (vigia_assessment_get_type ())

G_DECLARE_FINAL_TYPE (VigiaAssessment, vigia_assessment, VIGIA, ASSESSMENT, GObject)

VigiaAssessment       *vigia_assessment_new                  (VigiaPlan       *plan,
                                                              const char      *period);
VigiaPlan             *vigia_assessment_get_plan             (VigiaAssessment *self);
const char            *vigia_assessment_get_period           (VigiaAssessment *self);
double                 vigia_assessment_get_expected         (VigiaAssessment *self);
const VigiaRollup     *vigia_assessment_get_plan_rollup      (VigiaAssessment *self,
                                                              VigiaSource      source);
const VigiaRollup     *vigia_assessment_get_dimension_rollup (VigiaAssessment *self,
                                                              guint            position,
                                                              VigiaSource      source);
const VigiaGoalResult *vigia_assessment_get_goal_result      (VigiaAssessment *self,
                                                              VigiaGoal       *goal,
                                                              VigiaSource      source);
const VigiaTargetResult *vigia_assessment_get_target_result  (VigiaAssessment *self,
                                                              VigiaTarget     *target,
                                                              VigiaSource     source);
VigiaPace              vigia_assessment_get_plan_pace        (VigiaAssessment *self,
                                                              VigiaSource      source);
char                  *vigia_assessment_dup_default_period   (VigiaPlan       *plan);

G_END_DECLS
