/* vigia-goal.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A goal is a row of the plan: problem, objective, indicator, and one or
 * more targets (docs/data-model.md, "Goals and targets").  It always has at
 * least one target.  The target-* and baseline-* properties are those of
 * its first target, forwarded, for the code that shows or edits a goal of
 * one target.
 */
#define G_LOG_DOMAIN "vigia-goal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigia-enum-types.h"
#include "vigia-goal.h"
#include "vigia-utils.h"

struct _VigiaGoal
{
  GObject         parent_instance;

  VigiaStamp   stamp;

  gint64          id;
  char           *uuid;
  guint           number;
  char           *problem;
  char           *objective;
  char           *indicator;
  double          weight;
  GStrv           source_cells;

  /* VigiaTarget, in the plan's order; never empty */
  GListStore     *targets;
  VigiaTarget    *first;
  gulong          first_notify;
};

G_DEFINE_FINAL_TYPE (VigiaGoal, vigia_goal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NUMBER,
  PROP_PROBLEM,
  PROP_OBJECTIVE,
  PROP_INDICATOR,
  PROP_WEIGHT,
  PROP_SOURCE_CELLS,
  PROP_TARGET_TEXT,
  PROP_TARGET_VALUE,
  PROP_TARGET_UNIT,
  PROP_TARGET_MEASURE,
  PROP_TARGET_DIRECTION,
  PROP_TARGET_READING,
  PROP_BASELINE_VALUE,
  PROP_BASELINE_YEAR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The first target's property behind each forwarded one, from
 * PROP_TARGET_TEXT on. */
static const char * const forwarded[] = {
  "text", "value", "unit", "measure", "direction", "reading", "baseline-value", "baseline-year",
};

G_STATIC_ASSERT (G_N_ELEMENTS (forwarded) == N_PROPS - PROP_TARGET_TEXT);

static void
first_notify_cb (VigiaGoal  *self,
                 GParamSpec *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    if (g_strcmp0 (pspec->name, forwarded[i]) == 0)
      {
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_TEXT + i]);
        return;
      }
}

static void
follow_first_target (VigiaGoal *self)
{
  g_autoptr(VigiaTarget) first = g_list_model_get_item (G_LIST_MODEL (self->targets), 0);

  if (first == self->first)
    return;

  g_clear_signal_handler (&self->first_notify, self->first);
  g_set_object (&self->first, first);
  if (first != NULL)
    self->first_notify = g_signal_connect_swapped (first, "notify", G_CALLBACK (first_notify_cb), self);

  /* The forwarded values may all have changed. */
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_TARGET_TEXT; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
targets_changed_cb (VigiaGoal  *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *targets)
{
  if (position == 0)
    follow_first_target (self);
}

static void
vigia_goal_dispose (GObject *object)
{
  VigiaGoal *self = (VigiaGoal *)object;

  g_clear_signal_handler (&self->first_notify, self->first);
  g_clear_object (&self->first);
  if (self->targets != NULL)
    g_signal_handlers_disconnect_by_data (self->targets, self);
  g_clear_object (&self->targets);

  G_OBJECT_CLASS (vigia_goal_parent_class)->dispose (object);
}

static void
vigia_goal_finalize (GObject *object)
{
  VigiaGoal *self = (VigiaGoal *)object;

  vigia_stamp_clear (&self->stamp);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->objective, g_free);
  g_clear_pointer (&self->indicator, g_free);
  g_clear_pointer (&self->source_cells, g_strfreev);

  G_OBJECT_CLASS (vigia_goal_parent_class)->finalize (object);
}

static void
vigia_goal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VigiaGoal *self = VIGIA_GOAL (object);

  if (prop_id >= PROP_TARGET_TEXT && prop_id < N_PROPS)
    {
      g_object_get_property (G_OBJECT (self->first), forwarded[prop_id - PROP_TARGET_TEXT], value);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_UUID:         g_value_set_string (value, self->uuid); break;
    case PROP_NUMBER:       g_value_set_uint (value, self->number); break;
    case PROP_PROBLEM:      g_value_set_string (value, self->problem); break;
    case PROP_OBJECTIVE:    g_value_set_string (value, self->objective); break;
    case PROP_INDICATOR:    g_value_set_string (value, self->indicator); break;
    case PROP_WEIGHT:       g_value_set_double (value, self->weight); break;
    case PROP_SOURCE_CELLS: g_value_set_boxed (value, self->source_cells); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_goal_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VigiaGoal *self = VIGIA_GOAL (object);

  /* The typed setters, not g_object_set_property (): that refuses NaN, the
   * core's "no value". */
  switch (prop_id)
    {
    case PROP_TARGET_TEXT:      vigia_target_set_text (self->first, g_value_get_string (value)); break;
    case PROP_TARGET_VALUE:     vigia_target_set_value (self->first, g_value_get_double (value)); break;
    case PROP_TARGET_UNIT:      vigia_target_set_unit (self->first, g_value_get_string (value)); break;
    case PROP_TARGET_MEASURE:   vigia_target_set_measure (self->first, g_value_get_enum (value)); break;
    case PROP_TARGET_DIRECTION: vigia_target_set_direction (self->first, g_value_get_enum (value)); break;
    case PROP_TARGET_READING:   vigia_target_set_reading (self->first, g_value_get_enum (value)); break;
    case PROP_BASELINE_VALUE:   vigia_target_set_baseline_value (self->first, g_value_get_double (value)); break;
    case PROP_BASELINE_YEAR:    vigia_target_set_baseline_year (self->first, g_value_get_int (value)); break;
    case PROP_ID:           vigia_goal_set_id (self, g_value_get_int64 (value)); break;
    case PROP_UUID:         vigia_goal_set_uuid (self, g_value_get_string (value)); break;
    case PROP_NUMBER:       vigia_goal_set_number (self, g_value_get_uint (value)); break;
    case PROP_PROBLEM:      vigia_goal_set_problem (self, g_value_get_string (value)); break;
    case PROP_OBJECTIVE:    vigia_goal_set_objective (self, g_value_get_string (value)); break;
    case PROP_INDICATOR:    vigia_goal_set_indicator (self, g_value_get_string (value)); break;
    case PROP_WEIGHT:       vigia_goal_set_weight (self, g_value_get_double (value)); break;
    case PROP_SOURCE_CELLS: vigia_goal_set_source_cells (self, g_value_get_boxed (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_goal_class_init (VigiaGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vigia_goal_dispose;
  object_class->finalize = vigia_goal_finalize;
  object_class->get_property = vigia_goal_get_property;
  object_class->set_property = vigia_goal_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, flags);
  properties[PROP_OBJECTIVE] = g_param_spec_string ("objective", NULL, NULL, NULL, flags);
  properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, NULL, flags);
  properties[PROP_WEIGHT] = g_param_spec_double ("weight", NULL, NULL, 0, G_MAXDOUBLE, 1, flags);
  /* The row's cells as the source wrote them (problem, objective, indicator,
   * target), kept so that what was split or tidied can be told and undone. */
  properties[PROP_SOURCE_CELLS] = g_param_spec_boxed ("source-cells", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TARGET_TEXT] = g_param_spec_string ("target-text", NULL, NULL, NULL, flags);
  /* NAN, the default, means the target has no numeric reading. */
  properties[PROP_TARGET_VALUE] = g_param_spec_double ("target-value", NULL, NULL,
                                                       -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_TARGET_UNIT] = g_param_spec_string ("target-unit", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_MEASURE] = g_param_spec_enum ("target-measure", NULL, NULL,
                                                       VIGIA_TYPE_MEASURE,
                                                       VIGIA_MEASURE_QUALITATIVE, flags);
  properties[PROP_TARGET_DIRECTION] = g_param_spec_enum ("target-direction", NULL, NULL,
                                                         VIGIA_TYPE_DIRECTION,
                                                         VIGIA_DIRECTION_UP, flags);
  properties[PROP_TARGET_READING] = g_param_spec_enum ("target-reading", NULL, NULL,
                                                       VIGIA_TYPE_READING,
                                                       VIGIA_READING_NEEDS_REVIEW, flags);
  properties[PROP_BASELINE_VALUE] = g_param_spec_double ("baseline-value", NULL, NULL,
                                                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_BASELINE_YEAR] = g_param_spec_int ("baseline-year", NULL, NULL,
                                                     0, 9999, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_goal_init (VigiaGoal *self)
{
  g_autoptr(VigiaTarget) target = vigia_target_new ();

  self->weight = 1.0;
  self->targets = g_list_store_new (VIGIA_TYPE_TARGET);
  _vigia_target_set_goal (target, self);
  g_list_store_append (self->targets, target);
  follow_first_target (self);
  g_signal_connect_swapped (self->targets, "items-changed", G_CALLBACK (targets_changed_cb), self);
}

/**
 * vigia_goal_new:
 *
 * Returns: (transfer full): a goal with one empty target
 */
VigiaGoal *
vigia_goal_new (void)
{
  return g_object_new (VIGIA_TYPE_GOAL, NULL);
}

/**
 * vigia_goal_copy:
 *
 * Returns: (transfer full): a deep copy, with the same ids, uuids, targets
 *   and progress
 */
VigiaGoal *
vigia_goal_copy (VigiaGoal *self)
{
  VigiaGoal *copy;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);

  copy = vigia_goal_new ();
  copy->id = self->id;
  vigia_stamp_copy (&copy->stamp, &self->stamp);
  copy->uuid = g_strdup (self->uuid);
  copy->number = self->number;
  copy->problem = g_strdup (self->problem);
  copy->objective = g_strdup (self->objective);
  copy->indicator = g_strdup (self->indicator);
  copy->weight = self->weight;
  copy->source_cells = g_strdupv (self->source_cells);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (targets, vigia_target_copy (vigia_goal_get_target (self, i)));
  vigia_goal_set_targets (copy, targets);

  return copy;
}

gint64
vigia_goal_get_id (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), 0);
  return self->id;
}

void
vigia_goal_set_id (VigiaGoal *self,
                   gint64     value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
vigia_goal_get_uuid (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return self->uuid;
}

void
vigia_goal_set_uuid (VigiaGoal  *self,
                     const char *value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_string (&self->uuid, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

guint
vigia_goal_get_number (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), 0);
  return self->number;
}

void
vigia_goal_set_number (VigiaGoal *self,
                       guint      value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (self->number == value)
    return;
  self->number = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
vigia_goal_get_problem (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return self->problem;
}

void
vigia_goal_set_problem (VigiaGoal  *self,
                        const char *value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_string (&self->problem, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

const char *
vigia_goal_get_objective (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return self->objective;
}

void
vigia_goal_set_objective (VigiaGoal  *self,
                          const char *value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_string (&self->objective, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE]);
}

const char *
vigia_goal_get_indicator (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return self->indicator;
}

void
vigia_goal_set_indicator (VigiaGoal  *self,
                          const char *value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_string (&self->indicator, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR]);
}

double
vigia_goal_get_weight (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), VIGIA_NO_VALUE);
  return self->weight;
}

void
vigia_goal_set_weight (VigiaGoal *self,
                       double     value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_double (&self->weight, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}



const char * const *
vigia_goal_get_source_cells (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return (const char * const *) self->source_cells;
}

void
vigia_goal_set_source_cells (VigiaGoal          *self,
                             const char * const *cells)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));

  if (cells != NULL && cells[0] == NULL)
    cells = NULL;
  if (self->source_cells != NULL && cells != NULL &&
      g_strv_equal ((const char * const *) self->source_cells, cells))
    return;
  if (self->source_cells == NULL && cells == NULL)
    return;
  g_strfreev (self->source_cells);
  self->source_cells = g_strdupv ((char **) cells);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_CELLS]);
}

/**
 * vigia_goal_get_targets:
 *
 * Returns: (transfer none): the goal's #VigiaTarget list, never empty
 */
GListModel *
vigia_goal_get_targets (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return G_LIST_MODEL (self->targets);
}

guint
vigia_goal_get_n_targets (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->targets));
}

/**
 * vigia_goal_get_target:
 *
 * Returns: (transfer none) (nullable): the target at @position
 */
VigiaTarget *
vigia_goal_get_target (VigiaGoal *self,
                       guint      position)
{
  g_autoptr(VigiaTarget) target = NULL;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);

  target = g_list_model_get_item (G_LIST_MODEL (self->targets), position);
  /* The store keeps its own reference. */
  return target;
}

/**
 * vigia_goal_find_target:
 *
 * Returns: (transfer none) (nullable): the target whose uuid is @uuid
 */
VigiaTarget *
vigia_goal_find_target (VigiaGoal  *self,
                        const char *uuid)
{
  guint n;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);

  n = vigia_goal_get_n_targets (self);
  for (guint i = 0; i < n; i++)
    {
      VigiaTarget *target = vigia_goal_get_target (self, i);

      if (uuid != NULL && g_strcmp0 (vigia_target_get_uuid (target), uuid) == 0)
        return target;
    }
  return NULL;
}

/**
 * vigia_goal_get_target_position:
 *
 * Returns: whether @target is one of the goal's, and where in @position
 */
gboolean
vigia_goal_get_target_position (VigiaGoal   *self,
                                VigiaTarget *target,
                                guint       *position)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), FALSE);
  return g_list_store_find (self->targets, target, position);
}

void
vigia_goal_insert_target (VigiaGoal   *self,
                          guint        position,
                          VigiaTarget *target)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  g_return_if_fail (VIGIA_IS_TARGET (target));

  position = MIN (position, vigia_goal_get_n_targets (self));
  _vigia_target_set_goal (target, self);
  g_list_store_insert (self->targets, position, target);
}

/**
 * vigia_goal_remove_target:
 *
 * Removes @target, unless it is the goal's only one: a goal has a target.
 *
 * Returns: whether it was removed
 */
gboolean
vigia_goal_remove_target (VigiaGoal   *self,
                          VigiaTarget *target)
{
  guint position;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), FALSE);

  if (vigia_goal_get_n_targets (self) < 2 || !g_list_store_find (self->targets, target, &position))
    return FALSE;
  if (vigia_target_get_goal (target) == self)
    _vigia_target_set_goal (target, NULL);
  g_list_store_remove (self->targets, position);
  return TRUE;
}

/**
 * vigia_goal_set_targets:
 * @targets: (element-type VigiaTarget): one or more targets
 *
 * Replaces the goal's targets, as a reader or the library builds a goal.
 */
void
vigia_goal_set_targets (VigiaGoal *self,
                        GPtrArray *targets)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  g_return_if_fail (targets != NULL && targets->len > 0);

  for (guint i = 0; i < vigia_goal_get_n_targets (self); i++)
    if (vigia_target_get_goal (vigia_goal_get_target (self, i)) == self)
      _vigia_target_set_goal (vigia_goal_get_target (self, i), NULL);
  for (guint i = 0; i < targets->len; i++)
    _vigia_target_set_goal (g_ptr_array_index (targets, i), self);
  g_list_store_splice (self->targets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->targets)),
                       targets->pdata, targets->len);
}

/**
 * vigia_goal_dup_count_label:
 * @n_goals: how many goals
 * @n_targets: how many targets they have
 *
 * Returns: (transfer full): "12 goals", or, where goals have several
 *   targets, "14 goals, 108 targets"
 */
char *
vigia_goal_dup_count_label (guint n_goals,
                            guint n_targets)
{
  if (n_targets > n_goals)
    /* Translators: for a plan whose goals have several targets: "14 goals, 108 targets" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal, %u targets", "%u goals, %u targets", n_goals),
                            n_goals, n_targets);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", n_goals), n_goals);
}

/* The first target's, for a goal of one target. */

char *
vigia_goal_dup_target_label (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return vigia_target_dup_label (self->first);
}

char *
vigia_goal_dup_value_label (VigiaGoal *self,
                            double     value)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return vigia_target_dup_value_label (self->first, value);
}

GListModel *
vigia_goal_get_progress (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return vigia_target_get_progress (self->first);
}

VigiaProgress *
vigia_goal_find_progress (VigiaGoal   *self,
                          const char  *period,
                          VigiaSource  source)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return vigia_target_find_progress (self->first, period, source);
}

void
vigia_goal_put_progress (VigiaGoal     *self,
                         VigiaProgress *progress)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_put_progress (self->first, progress);
}

gboolean
vigia_goal_remove_progress (VigiaGoal     *self,
                            VigiaProgress *progress)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), FALSE);
  return vigia_target_remove_progress (self->first, progress);
}

const char *
vigia_goal_get_target_text (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return vigia_target_get_text (self->first);
}

void
vigia_goal_set_target_text (VigiaGoal *self,
                           const char *value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_set_text (self->first, value);
}

double
vigia_goal_get_target_value (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), VIGIA_NO_VALUE);
  return vigia_target_get_value (self->first);
}

void
vigia_goal_set_target_value (VigiaGoal *self,
                            double value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_set_value (self->first, value);
}

const char *
vigia_goal_get_target_unit (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return vigia_target_get_unit (self->first);
}

void
vigia_goal_set_target_unit (VigiaGoal *self,
                           const char *value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_set_unit (self->first, value);
}

VigiaMeasure
vigia_goal_get_target_measure (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), (VigiaMeasure) 0);
  return vigia_target_get_measure (self->first);
}

void
vigia_goal_set_target_measure (VigiaGoal *self,
                              VigiaMeasure value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_set_measure (self->first, value);
}

VigiaDirection
vigia_goal_get_target_direction (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), (VigiaDirection) 0);
  return vigia_target_get_direction (self->first);
}

void
vigia_goal_set_target_direction (VigiaGoal *self,
                                VigiaDirection value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_set_direction (self->first, value);
}

VigiaReading
vigia_goal_get_target_reading (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), (VigiaReading) 0);
  return vigia_target_get_reading (self->first);
}

void
vigia_goal_set_target_reading (VigiaGoal *self,
                              VigiaReading value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_set_reading (self->first, value);
}

double
vigia_goal_get_baseline_value (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), VIGIA_NO_VALUE);
  return vigia_target_get_baseline_value (self->first);
}

void
vigia_goal_set_baseline_value (VigiaGoal *self,
                              double value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_set_baseline_value (self->first, value);
}

int
vigia_goal_get_baseline_year (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), 0);
  return vigia_target_get_baseline_year (self->first);
}

void
vigia_goal_set_baseline_year (VigiaGoal *self,
                             int value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  vigia_target_set_baseline_year (self->first, value);
}

/**
 * vigia_goal_get_stamp:
 *
 * Returns: (transfer none): when its own fields were last edited, by whom,
 *   and what it has merged; the caller may change it
 */
VigiaStamp *
vigia_goal_get_stamp (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return &self->stamp;
}
