/* vigia-plan-summary.h: what the library list shows of a plan, without its goals
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigia-assessment.h"
#include "vigia-enums.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PLAN_SUMMARY (vigia_plan_summary_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPlanSummary, vigia_plan_summary, VIGIA, PLAN_SUMMARY, GObject)

typedef struct
{
  gint64         id;
  const char    *uuid;
  const char    *organization;
  VigiaElection  election;
  const char    *process;
  const char    *department;
  const char    *province;
  const char    *district;
  const char    *ubigeo;
  int            term_start;
  int            term_end;
  guint          n_goals;
  /* As many as the goals, or more where a goal has several */
  guint          n_targets;
  const char    *changed;
  /* Goals with at least one progress entry, of either source. */
  guint          n_goals_with_progress;
  /* How far the goals have come as of @period, for one source (see where
   * the summary comes from); NULL where the plan was not assessed. */
  const VigiaRollup *rollup;
  const char    *period;
} VigiaPlanSummaryFields;

VigiaPlanSummary *vigia_plan_summary_new              (const VigiaPlanSummaryFields *fields);
gint64            vigia_plan_summary_get_id           (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_uuid         (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_organization (VigiaPlanSummary *self);
VigiaElection     vigia_plan_summary_get_election     (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_process      (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_department   (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_province     (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_district     (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_ubigeo       (VigiaPlanSummary *self);
int               vigia_plan_summary_get_term_start   (VigiaPlanSummary *self);
int               vigia_plan_summary_get_term_end     (VigiaPlanSummary *self);
guint             vigia_plan_summary_get_n_goals      (VigiaPlanSummary *self);
guint             vigia_plan_summary_get_n_targets    (VigiaPlanSummary *self);
guint             vigia_plan_summary_get_n_goals_with_progress (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_changed      (VigiaPlanSummary *self);
const VigiaRollup *vigia_plan_summary_get_rollup      (VigiaPlanSummary *self);
const char       *vigia_plan_summary_get_period       (VigiaPlanSummary *self);
double            vigia_plan_summary_get_achievement  (VigiaPlanSummary *self);
char             *vigia_plan_summary_dup_place_label  (VigiaPlanSummary *self);
char             *vigia_plan_summary_dup_term_label   (VigiaPlanSummary *self);

G_END_DECLS
