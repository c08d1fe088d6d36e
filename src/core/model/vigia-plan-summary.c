/* vigia-plan-summary.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: when a plan changes, the list model fetches a new summary.
 */
#define G_LOG_DOMAIN "vigia-plan-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigia-enum-types.h"
#include "vigia-plan.h"
#include "vigia-plan-summary.h"
#include "vigia-utils.h"

struct _VigiaPlanSummary
{
  GObject        parent_instance;

  gint64         id;
  char          *uuid;
  char          *organization;
  VigiaElection  election;
  char          *process;
  char          *department;
  char          *province;
  char          *district;
  char          *ubigeo;
  int            term_start;
  int            term_end;
  guint          n_goals;
  guint          n_targets;
  guint          n_goals_with_progress;
  char          *changed;
  gboolean       assessed;
  VigiaRollup    rollup;
  char          *period;
};

G_DEFINE_FINAL_TYPE (VigiaPlanSummary, vigia_plan_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ORGANIZATION,
  PROP_ELECTION,
  PROP_N_GOALS,
  PROP_N_GOALS_WITH_PROGRESS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
vigia_plan_summary_finalize (GObject *object)
{
  VigiaPlanSummary *self = (VigiaPlanSummary *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->process, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->ubigeo, g_free);
  g_clear_pointer (&self->changed, g_free);
  g_clear_pointer (&self->period, g_free);

  G_OBJECT_CLASS (vigia_plan_summary_parent_class)->finalize (object);
}

static void
vigia_plan_summary_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigiaPlanSummary *self = VIGIA_PLAN_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_ORGANIZATION: g_value_set_string (value, self->organization); break;
    case PROP_ELECTION:     g_value_set_enum (value, self->election); break;
    case PROP_N_GOALS:      g_value_set_uint (value, self->n_goals); break;
    case PROP_N_GOALS_WITH_PROGRESS:
      g_value_set_uint (value, self->n_goals_with_progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_summary_class_init (VigiaPlanSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigia_plan_summary_finalize;
  object_class->get_property = vigia_plan_summary_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_ELECTION] = g_param_spec_enum ("election", NULL, NULL, VIGIA_TYPE_ELECTION,
                                                 VIGIA_ELECTION_MUNICIPAL_DISTRICT, flags);
  properties[PROP_N_GOALS] = g_param_spec_uint ("n-goals", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_GOALS_WITH_PROGRESS] = g_param_spec_uint ("n-goals-with-progress", NULL, NULL,
                                                              0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_plan_summary_init (VigiaPlanSummary *self)
{
}

VigiaPlanSummary *
vigia_plan_summary_new (const VigiaPlanSummaryFields *fields)
{
  VigiaPlanSummary *self;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (VIGIA_TYPE_PLAN_SUMMARY, NULL);
  self->id = fields->id;
  self->uuid = g_strdup (fields->uuid);
  self->organization = g_strdup (fields->organization);
  self->election = fields->election;
  self->process = g_strdup (fields->process);
  self->department = g_strdup (fields->department);
  self->province = g_strdup (fields->province);
  self->district = g_strdup (fields->district);
  self->ubigeo = g_strdup (fields->ubigeo);
  self->term_start = fields->term_start;
  self->term_end = fields->term_end;
  self->n_goals = fields->n_goals;
  self->n_targets = MAX (fields->n_targets, fields->n_goals);
  self->n_goals_with_progress = fields->n_goals_with_progress;
  self->changed = g_strdup (fields->changed);
  if (fields->rollup != NULL)
    {
      self->assessed = TRUE;
      self->rollup = *fields->rollup;
      self->period = g_strdup (fields->period);
    }
  return self;
}

gint64
vigia_plan_summary_get_id (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), 0);
  return self->id;
}

const char *
vigia_plan_summary_get_uuid (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->uuid;
}

const char *
vigia_plan_summary_get_organization (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->organization;
}

VigiaElection
vigia_plan_summary_get_election (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), VIGIA_ELECTION_MUNICIPAL_DISTRICT);
  return self->election;
}

const char *
vigia_plan_summary_get_process (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->process;
}

const char *
vigia_plan_summary_get_department (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->department;
}

const char *
vigia_plan_summary_get_province (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->province;
}

const char *
vigia_plan_summary_get_district (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->district;
}

const char *
vigia_plan_summary_get_ubigeo (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->ubigeo;
}

int
vigia_plan_summary_get_term_start (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), 0);
  return self->term_start;
}

int
vigia_plan_summary_get_term_end (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), 0);
  return self->term_end;
}

guint
vigia_plan_summary_get_n_goals (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), 0);
  return self->n_goals;
}

guint
vigia_plan_summary_get_n_targets (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), 0);
  return self->n_targets;
}

guint
vigia_plan_summary_get_n_goals_with_progress (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), 0);
  return self->n_goals_with_progress;
}

const char *
vigia_plan_summary_get_changed (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->changed;
}

const char *
vigia_plan_summary_get_period (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->period;
}

/**
 * vigia_plan_summary_get_rollup:
 *
 * Returns: (nullable): the plan's goals by status and its achievement as of
 *   vigia_plan_summary_get_period(), or %NULL if it was not assessed
 */
const VigiaRollup *
vigia_plan_summary_get_rollup (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return self->assessed ? &self->rollup : NULL;
}

/**
 * vigia_plan_summary_get_achievement:
 *
 * Returns: the plan's achievement (1.0 for 100 %), or NAN for no data
 */
double
vigia_plan_summary_get_achievement (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NAN);
  return self->assessed ? vigia_rollup_get_achievement (&self->rollup) : NAN;
}

char *
vigia_plan_summary_dup_place_label (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);

  if (self->election == VIGIA_ELECTION_GENERAL && vigia_str_empty (self->department))
    return g_strdup (_("National"));
  return vigia_place_label (self->department, self->province, self->district);
}

char *
vigia_plan_summary_dup_term_label (VigiaPlanSummary *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SUMMARY (self), NULL);
  return vigia_term_label (self->term_start, self->term_end);
}
