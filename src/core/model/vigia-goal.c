/* vigia-goal.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-goal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigia-enum-types.h"
#include "vigia-goal.h"
#include "vigia-number.h"
#include "vigia-utils.h"

struct _VigiaGoal
{
  GObject         parent_instance;

  gint64          id;
  char           *uuid;
  guint           number;
  char           *problem;
  char           *objective;
  char           *indicator;
  char           *target_text;
  double          target_value;
  char           *target_unit;
  VigiaMeasure    target_measure;
  VigiaDirection  target_direction;
  VigiaReading    target_reading;
  double          baseline_value;
  int             baseline_year;
  double          weight;

  /* VigiaProgress, sorted by period then source */
  GListStore     *progress;
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
  PROP_TARGET_TEXT,
  PROP_TARGET_VALUE,
  PROP_TARGET_UNIT,
  PROP_TARGET_MEASURE,
  PROP_TARGET_DIRECTION,
  PROP_TARGET_READING,
  PROP_BASELINE_VALUE,
  PROP_BASELINE_YEAR,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static int
compare_progress (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  VigiaProgress *pa = (VigiaProgress *) a;
  VigiaProgress *pb = (VigiaProgress *) b;
  int cmp = g_strcmp0 (vigia_progress_get_period (pa), vigia_progress_get_period (pb));

  if (cmp != 0)
    return cmp;
  return (int) vigia_progress_get_source (pa) - (int) vigia_progress_get_source (pb);
}

static void
vigia_goal_finalize (GObject *object)
{
  VigiaGoal *self = (VigiaGoal *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->objective, g_free);
  g_clear_pointer (&self->indicator, g_free);
  g_clear_pointer (&self->target_text, g_free);
  g_clear_pointer (&self->target_unit, g_free);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (vigia_goal_parent_class)->finalize (object);
}

static void
vigia_goal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VigiaGoal *self = VIGIA_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:               g_value_set_int64 (value, self->id); break;
    case PROP_UUID:             g_value_set_string (value, self->uuid); break;
    case PROP_NUMBER:           g_value_set_uint (value, self->number); break;
    case PROP_PROBLEM:          g_value_set_string (value, self->problem); break;
    case PROP_OBJECTIVE:        g_value_set_string (value, self->objective); break;
    case PROP_INDICATOR:        g_value_set_string (value, self->indicator); break;
    case PROP_TARGET_TEXT:      g_value_set_string (value, self->target_text); break;
    case PROP_TARGET_VALUE:     g_value_set_double (value, self->target_value); break;
    case PROP_TARGET_UNIT:      g_value_set_string (value, self->target_unit); break;
    case PROP_TARGET_MEASURE:   g_value_set_enum (value, self->target_measure); break;
    case PROP_TARGET_DIRECTION: g_value_set_enum (value, self->target_direction); break;
    case PROP_TARGET_READING:   g_value_set_enum (value, self->target_reading); break;
    case PROP_BASELINE_VALUE:   g_value_set_double (value, self->baseline_value); break;
    case PROP_BASELINE_YEAR:    g_value_set_int (value, self->baseline_year); break;
    case PROP_WEIGHT:           g_value_set_double (value, self->weight); break;
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

  switch (prop_id)
    {
    case PROP_ID:               vigia_goal_set_id (self, g_value_get_int64 (value)); break;
    case PROP_UUID:             vigia_goal_set_uuid (self, g_value_get_string (value)); break;
    case PROP_NUMBER:           vigia_goal_set_number (self, g_value_get_uint (value)); break;
    case PROP_PROBLEM:          vigia_goal_set_problem (self, g_value_get_string (value)); break;
    case PROP_OBJECTIVE:        vigia_goal_set_objective (self, g_value_get_string (value)); break;
    case PROP_INDICATOR:        vigia_goal_set_indicator (self, g_value_get_string (value)); break;
    case PROP_TARGET_TEXT:      vigia_goal_set_target_text (self, g_value_get_string (value)); break;
    case PROP_TARGET_VALUE:     vigia_goal_set_target_value (self, g_value_get_double (value)); break;
    case PROP_TARGET_UNIT:      vigia_goal_set_target_unit (self, g_value_get_string (value)); break;
    case PROP_TARGET_MEASURE:   vigia_goal_set_target_measure (self, g_value_get_enum (value)); break;
    case PROP_TARGET_DIRECTION: vigia_goal_set_target_direction (self, g_value_get_enum (value)); break;
    case PROP_TARGET_READING:   vigia_goal_set_target_reading (self, g_value_get_enum (value)); break;
    case PROP_BASELINE_VALUE:   vigia_goal_set_baseline_value (self, g_value_get_double (value)); break;
    case PROP_BASELINE_YEAR:    vigia_goal_set_baseline_year (self, g_value_get_int (value)); break;
    case PROP_WEIGHT:           vigia_goal_set_weight (self, g_value_get_double (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_goal_class_init (VigiaGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigia_goal_finalize;
  object_class->get_property = vigia_goal_get_property;
  object_class->set_property = vigia_goal_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, flags);
  properties[PROP_OBJECTIVE] = g_param_spec_string ("objective", NULL, NULL, NULL, flags);
  properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, NULL, flags);
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
  properties[PROP_WEIGHT] = g_param_spec_double ("weight", NULL, NULL, 0, G_MAXDOUBLE, 1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_goal_init (VigiaGoal *self)
{
  self->target_value = VIGIA_NO_VALUE;
  self->target_measure = VIGIA_MEASURE_QUALITATIVE;
  self->target_direction = VIGIA_DIRECTION_UP;
  self->target_reading = VIGIA_READING_NEEDS_REVIEW;
  self->baseline_value = VIGIA_NO_VALUE;
  self->weight = 1.0;
  self->progress = g_list_store_new (VIGIA_TYPE_PROGRESS);
}

VigiaGoal *
vigia_goal_new (void)
{
  return g_object_new (VIGIA_TYPE_GOAL, NULL);
}

/**
 * vigia_goal_copy:
 *
 * Returns: (transfer full): a deep copy, with the same id, uuid and progress
 */
VigiaGoal *
vigia_goal_copy (VigiaGoal *self)
{
  VigiaGoal *copy;
  guint n;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);

  copy = vigia_goal_new ();
  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  copy->number = self->number;
  copy->problem = g_strdup (self->problem);
  copy->objective = g_strdup (self->objective);
  copy->indicator = g_strdup (self->indicator);
  copy->target_text = g_strdup (self->target_text);
  copy->target_value = self->target_value;
  copy->target_unit = g_strdup (self->target_unit);
  copy->target_measure = self->target_measure;
  copy->target_direction = self->target_direction;
  copy->target_reading = self->target_reading;
  copy->baseline_value = self->baseline_value;
  copy->baseline_year = self->baseline_year;
  copy->weight = self->weight;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->progress));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (G_LIST_MODEL (self->progress), i);
      g_autoptr(VigiaProgress) entry_copy = vigia_progress_copy (entry);

      g_list_store_append (copy->progress, entry_copy);
    }

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

const char *
vigia_goal_get_target_text (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return self->target_text;
}

void
vigia_goal_set_target_text (VigiaGoal  *self,
                            const char *value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_string (&self->target_text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_TEXT]);
}

double
vigia_goal_get_target_value (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), VIGIA_NO_VALUE);
  return self->target_value;
}

void
vigia_goal_set_target_value (VigiaGoal *self,
                             double     value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_double (&self->target_value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_VALUE]);
}

const char *
vigia_goal_get_target_unit (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return self->target_unit;
}

void
vigia_goal_set_target_unit (VigiaGoal  *self,
                            const char *value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_string (&self->target_unit, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_UNIT]);
}

VigiaMeasure
vigia_goal_get_target_measure (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), (VigiaMeasure) 0);
  return self->target_measure;
}

void
vigia_goal_set_target_measure (VigiaGoal    *self,
                               VigiaMeasure  value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (self->target_measure == value)
    return;
  self->target_measure = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_MEASURE]);
}

VigiaDirection
vigia_goal_get_target_direction (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), (VigiaDirection) 0);
  return self->target_direction;
}

void
vigia_goal_set_target_direction (VigiaGoal      *self,
                                 VigiaDirection  value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (self->target_direction == value)
    return;
  self->target_direction = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_DIRECTION]);
}

VigiaReading
vigia_goal_get_target_reading (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), (VigiaReading) 0);
  return self->target_reading;
}

void
vigia_goal_set_target_reading (VigiaGoal    *self,
                               VigiaReading  value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (self->target_reading == value)
    return;
  self->target_reading = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_READING]);
}

double
vigia_goal_get_baseline_value (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), VIGIA_NO_VALUE);
  return self->baseline_value;
}

void
vigia_goal_set_baseline_value (VigiaGoal *self,
                               double     value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (vigia_set_double (&self->baseline_value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE_VALUE]);
}

int
vigia_goal_get_baseline_year (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), 0);
  return self->baseline_year;
}

void
vigia_goal_set_baseline_year (VigiaGoal *self,
                              int        value)
{
  g_return_if_fail (VIGIA_IS_GOAL (self));
  if (self->baseline_year == value)
    return;
  self->baseline_year = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE_YEAR]);
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


/**
 * vigia_goal_dup_target_label:
 *
 * The short form of the target's reading, as the target chip shows it:
 * "25 % ↑", "500 MYPES ↑", "30 % ↓", or "Needs review".
 *
 * Returns: (transfer full): the label
 */
char *
vigia_goal_dup_target_label (VigiaGoal *self)
{
  g_autofree char *number = NULL;
  const char *arrow;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);

  if (self->target_reading == VIGIA_READING_NEEDS_REVIEW)
    return g_strdup (_("Needs review"));

  arrow = vigia_direction_get_arrow (self->target_direction);

  if (!VIGIA_HAS_VALUE (self->target_value))
    return g_strdup (vigia_measure_get_label (self->target_measure));

  number = vigia_number_format (self->target_value, 2);

  if (self->target_measure == VIGIA_MEASURE_PERCENT_CHANGE)
    return g_strdup_printf ("%s%s %% %s", self->target_direction == VIGIA_DIRECTION_DOWN ? "−" : "+",
                            number, arrow);
  if (self->target_measure == VIGIA_MEASURE_AMOUNT && fabs (self->target_value) >= 1e6)
    {
      /* "US$ 20 millones", as the plans write amounts, not "US$ 20000000". */
      g_autofree char *millions = vigia_number_format (self->target_value / 1e6, 2);
      g_autofree char *amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s million", "%s million",
                                                              self->target_value == 1e6 ? 1 : 2),
                                                 millions);

      if (!vigia_str_empty (self->target_unit))
        return g_strdup_printf ("%s %s %s", self->target_unit, amount, arrow);
      return g_strdup_printf ("%s %s", amount, arrow);
    }
  if (self->target_measure == VIGIA_MEASURE_AMOUNT && !vigia_str_empty (self->target_unit))
    return g_strdup_printf ("%s %s %s", self->target_unit, number, arrow);
  if (!vigia_str_empty (self->target_unit))
    return g_strdup_printf ("%s %s %s", number, self->target_unit, arrow);
  return g_strdup_printf ("%s %s", number, arrow);
}

/**
 * vigia_goal_dup_value_label:
 * @value: a value of the goal's indicator (a progress entry's, the target)
 *
 * The value in the goal's unit, as the grid, the charts' hover texts and
 * their descriptions say it: "12,5 %", "140 MYPES atendidas", "US$ 3".
 *
 * Returns: (transfer full): the label
 */
char *
vigia_goal_dup_value_label (VigiaGoal *self,
                            double     value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);

  number = vigia_number_format (value, 2);
  if (self->target_measure == VIGIA_MEASURE_PERCENT || self->target_measure == VIGIA_MEASURE_PERCENT_CHANGE ||
      g_strcmp0 (self->target_unit, "%") == 0)
    return g_strdup_printf ("%s %%", number);
  if (vigia_str_empty (self->target_unit))
    return g_steal_pointer (&number);
  if (self->target_measure == VIGIA_MEASURE_AMOUNT)
    return g_strdup_printf ("%s %s", self->target_unit, number);
  return g_strdup_printf ("%s %s", number, self->target_unit);
}

/**
 * vigia_goal_get_progress:
 *
 * Returns: (transfer none): the goal's #VigiaProgress entries, by period and source
 */
GListModel *
vigia_goal_get_progress (VigiaGoal *self)
{
  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);
  return G_LIST_MODEL (self->progress);
}

/**
 * vigia_goal_find_progress:
 *
 * Returns: (transfer none) (nullable): the entry for @period and @source
 */
VigiaProgress *
vigia_goal_find_progress (VigiaGoal   *self,
                          const char  *period,
                          VigiaSource  source)
{
  guint n;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->progress));
  for (guint i = 0; i < n; i++)
    {
      VigiaProgress *entry = g_list_model_get_item (G_LIST_MODEL (self->progress), i);

      /* The store keeps its own reference while we look. */
      g_object_unref (entry);
      if (vigia_progress_get_source (entry) == source &&
          g_strcmp0 (vigia_progress_get_period (entry), period) == 0)
        return entry;
    }

  return NULL;
}

/**
 * vigia_goal_put_progress:
 *
 * Adds @progress, replacing the entry of the same period and source if there
 * is one: a goal has one entry per period and source.
 */
void
vigia_goal_put_progress (VigiaGoal     *self,
                         VigiaProgress *progress)
{
  VigiaProgress *existing;

  g_return_if_fail (VIGIA_IS_GOAL (self));
  g_return_if_fail (VIGIA_IS_PROGRESS (progress));

  existing = vigia_goal_find_progress (self,
                                       vigia_progress_get_period (progress),
                                       vigia_progress_get_source (progress));
  if (existing == progress)
    return;
  if (existing != NULL)
    vigia_goal_remove_progress (self, existing);

  g_list_store_insert_sorted (self->progress, progress, compare_progress, NULL);
}

gboolean
vigia_goal_remove_progress (VigiaGoal     *self,
                            VigiaProgress *progress)
{
  guint position;

  g_return_val_if_fail (VIGIA_IS_GOAL (self), FALSE);

  if (!g_list_store_find (self->progress, progress, &position))
    return FALSE;
  g_list_store_remove (self->progress, position);
  return TRUE;
}
