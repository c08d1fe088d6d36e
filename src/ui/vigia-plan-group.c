/* vigia-plan-group.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of Compare Plans when the plans are grouped (by department, by
 * election type): the group's title, its plans in the order they were
 * added, and the rollup of all their goals, which ranks the group.
 */
#define G_LOG_DOMAIN "vigia-plan-group"

#include "config.h"

#include "vigia-plan-group.h"

struct _VigiaPlanGroup
{
  GObject      parent_instance;

  char        *title;
  /* VigiaPlanSummary */
  GPtrArray   *plans;
  VigiaRollup  rollup;
};

G_DEFINE_FINAL_TYPE (VigiaPlanGroup, vigia_plan_group, G_TYPE_OBJECT)

static void
vigia_plan_group_finalize (GObject *object)
{
  VigiaPlanGroup *self = (VigiaPlanGroup *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->plans, g_ptr_array_unref);

  G_OBJECT_CLASS (vigia_plan_group_parent_class)->finalize (object);
}

static void
vigia_plan_group_class_init (VigiaPlanGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_plan_group_finalize;
}

static void
vigia_plan_group_init (VigiaPlanGroup *self)
{
  self->plans = g_ptr_array_new_with_free_func (g_object_unref);
}

VigiaPlanGroup *
vigia_plan_group_new (const char *title)
{
  VigiaPlanGroup *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (VIGIA_TYPE_PLAN_GROUP, NULL);
  self->title = g_strdup (title);
  return self;
}

const char *
vigia_plan_group_get_title (VigiaPlanGroup *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_GROUP (self), NULL);
  return self->title;
}

/**
 * vigia_plan_group_add_plan:
 *
 * Adds @plan after the group's other plans, and its goals to the group's
 * rollup (a plan that was not assessed adds none).
 */
void
vigia_plan_group_add_plan (VigiaPlanGroup   *self,
                           VigiaPlanSummary *plan)
{
  const VigiaRollup *rollup;

  g_return_if_fail (VIGIA_IS_PLAN_GROUP (self));
  g_return_if_fail (VIGIA_IS_PLAN_SUMMARY (plan));

  g_ptr_array_add (self->plans, g_object_ref (plan));
  rollup = vigia_plan_summary_get_rollup (plan);
  if (rollup != NULL)
    vigia_rollup_merge (&self->rollup, rollup);
}

guint
vigia_plan_group_get_n_plans (VigiaPlanGroup *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_GROUP (self), 0);
  return self->plans->len;
}

/**
 * vigia_plan_group_get_plan:
 *
 * Returns: (transfer none): the plan at @position, in the order added
 */
VigiaPlanSummary *
vigia_plan_group_get_plan (VigiaPlanGroup *self,
                           guint           position)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_GROUP (self), NULL);
  g_return_val_if_fail (position < self->plans->len, NULL);
  return g_ptr_array_index (self->plans, position);
}

/**
 * vigia_plan_group_get_rollup:
 *
 * Returns: the goals of all the group's plans, pooled
 */
const VigiaRollup *
vigia_plan_group_get_rollup (VigiaPlanGroup *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_GROUP (self), NULL);
  return &self->rollup;
}
