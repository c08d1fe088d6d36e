/* vigia-target.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target is what progress is recorded against: a goal (a row of the plan)
 * holds one or more, each with its own reading, baseline and semesters
 * (docs/data-model.md, "Goals and targets").
 */
#define G_LOG_DOMAIN "vigia-target"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigia-enum-types.h"
#include "vigia-number.h"
#include "vigia-target.h"
#include "vigia-utils.h"

struct _VigiaTarget
{
  GObject         parent_instance;

  VigiaStamp   stamp;

  gint64          id;
  char           *uuid;
  char           *text;
  double          value;
  char           *unit;
  VigiaMeasure    measure;
  VigiaDirection  direction;
  VigiaReading    reading;
  double          baseline_value;
  int             baseline_year;
  double          weight;

  /* VigiaProgress, sorted by period then source */
  GListStore     *progress;

  /* The goal that holds the target, not owned: the goal sets it */
  VigiaGoal      *goal;
};

G_DEFINE_FINAL_TYPE (VigiaTarget, vigia_target, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TEXT,
  PROP_VALUE,
  PROP_UNIT,
  PROP_MEASURE,
  PROP_DIRECTION,
  PROP_READING,
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
vigia_target_finalize (GObject *object)
{
  VigiaTarget *self = (VigiaTarget *)object;

  vigia_stamp_clear (&self->stamp);
  g_clear_weak_pointer (&self->goal);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (vigia_target_parent_class)->finalize (object);
}

static void
vigia_target_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VigiaTarget *self = VIGIA_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID:             g_value_set_int64 (value, self->id); break;
    case PROP_UUID:           g_value_set_string (value, self->uuid); break;
    case PROP_TEXT:           g_value_set_string (value, self->text); break;
    case PROP_VALUE:          g_value_set_double (value, self->value); break;
    case PROP_UNIT:           g_value_set_string (value, self->unit); break;
    case PROP_MEASURE:        g_value_set_enum (value, self->measure); break;
    case PROP_DIRECTION:      g_value_set_enum (value, self->direction); break;
    case PROP_READING:        g_value_set_enum (value, self->reading); break;
    case PROP_BASELINE_VALUE: g_value_set_double (value, self->baseline_value); break;
    case PROP_BASELINE_YEAR:  g_value_set_int (value, self->baseline_year); break;
    case PROP_WEIGHT:         g_value_set_double (value, self->weight); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_target_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VigiaTarget *self = VIGIA_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID:             vigia_target_set_id (self, g_value_get_int64 (value)); break;
    case PROP_UUID:           vigia_target_set_uuid (self, g_value_get_string (value)); break;
    case PROP_TEXT:           vigia_target_set_text (self, g_value_get_string (value)); break;
    case PROP_VALUE:          vigia_target_set_value (self, g_value_get_double (value)); break;
    case PROP_UNIT:           vigia_target_set_unit (self, g_value_get_string (value)); break;
    case PROP_MEASURE:        vigia_target_set_measure (self, g_value_get_enum (value)); break;
    case PROP_DIRECTION:      vigia_target_set_direction (self, g_value_get_enum (value)); break;
    case PROP_READING:        vigia_target_set_reading (self, g_value_get_enum (value)); break;
    case PROP_BASELINE_VALUE: vigia_target_set_baseline_value (self, g_value_get_double (value)); break;
    case PROP_BASELINE_YEAR:  vigia_target_set_baseline_year (self, g_value_get_int (value)); break;
    case PROP_WEIGHT:         vigia_target_set_weight (self, g_value_get_double (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_target_class_init (VigiaTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigia_target_finalize;
  object_class->get_property = vigia_target_get_property;
  object_class->set_property = vigia_target_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  /* NAN, the default, means the target has no numeric reading. */
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL,
                                                -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_MEASURE] = g_param_spec_enum ("measure", NULL, NULL, VIGIA_TYPE_MEASURE,
                                                VIGIA_MEASURE_QUALITATIVE, flags);
  properties[PROP_DIRECTION] = g_param_spec_enum ("direction", NULL, NULL, VIGIA_TYPE_DIRECTION,
                                                  VIGIA_DIRECTION_UP, flags);
  properties[PROP_READING] = g_param_spec_enum ("reading", NULL, NULL, VIGIA_TYPE_READING,
                                                VIGIA_READING_NEEDS_REVIEW, flags);
  properties[PROP_BASELINE_VALUE] = g_param_spec_double ("baseline-value", NULL, NULL,
                                                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_BASELINE_YEAR] = g_param_spec_int ("baseline-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_WEIGHT] = g_param_spec_double ("weight", NULL, NULL, 0, G_MAXDOUBLE, 1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_target_init (VigiaTarget *self)
{
  self->value = VIGIA_NO_VALUE;
  self->measure = VIGIA_MEASURE_QUALITATIVE;
  self->direction = VIGIA_DIRECTION_UP;
  self->reading = VIGIA_READING_NEEDS_REVIEW;
  self->baseline_value = VIGIA_NO_VALUE;
  self->weight = 1.0;
  self->progress = g_list_store_new (VIGIA_TYPE_PROGRESS);
}

VigiaTarget *
vigia_target_new (void)
{
  return g_object_new (VIGIA_TYPE_TARGET, NULL);
}

/**
 * vigia_target_copy:
 *
 * Returns: (transfer full): a deep copy, with the same id, uuid and progress
 */
VigiaTarget *
vigia_target_copy (VigiaTarget *self)
{
  VigiaTarget *copy;
  guint n;

  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);

  copy = vigia_target_new ();
  copy->id = self->id;
  vigia_stamp_copy (&copy->stamp, &self->stamp);
  copy->uuid = g_strdup (self->uuid);
  copy->text = g_strdup (self->text);
  copy->value = self->value;
  copy->unit = g_strdup (self->unit);
  copy->measure = self->measure;
  copy->direction = self->direction;
  copy->reading = self->reading;
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
vigia_target_get_id (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), 0);
  return self->id;
}

void
vigia_target_set_id (VigiaTarget *self,
                     gint64       value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
vigia_target_get_uuid (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);
  return self->uuid;
}

void
vigia_target_set_uuid (VigiaTarget *self,
                       const char  *value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (vigia_set_string (&self->uuid, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
vigia_target_get_text (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);
  return self->text;
}

void
vigia_target_set_text (VigiaTarget *self,
                       const char  *value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (vigia_set_string (&self->text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

double
vigia_target_get_value (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), VIGIA_NO_VALUE);
  return self->value;
}

void
vigia_target_set_value (VigiaTarget *self,
                        double       value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (vigia_set_double (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
vigia_target_get_unit (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);
  return self->unit;
}

void
vigia_target_set_unit (VigiaTarget *self,
                       const char  *value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (vigia_set_string (&self->unit, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

VigiaMeasure
vigia_target_get_measure (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), (VigiaMeasure) 0);
  return self->measure;
}

void
vigia_target_set_measure (VigiaTarget  *self,
                          VigiaMeasure  value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (self->measure == value)
    return;
  self->measure = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

VigiaDirection
vigia_target_get_direction (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), (VigiaDirection) 0);
  return self->direction;
}

void
vigia_target_set_direction (VigiaTarget    *self,
                            VigiaDirection  value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (self->direction == value)
    return;
  self->direction = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

VigiaReading
vigia_target_get_reading (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), (VigiaReading) 0);
  return self->reading;
}

void
vigia_target_set_reading (VigiaTarget  *self,
                          VigiaReading  value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (self->reading == value)
    return;
  self->reading = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
}

double
vigia_target_get_baseline_value (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), VIGIA_NO_VALUE);
  return self->baseline_value;
}

void
vigia_target_set_baseline_value (VigiaTarget *self,
                                 double       value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (vigia_set_double (&self->baseline_value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE_VALUE]);
}

int
vigia_target_get_baseline_year (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), 0);
  return self->baseline_year;
}

void
vigia_target_set_baseline_year (VigiaTarget *self,
                                int          value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (self->baseline_year == value)
    return;
  self->baseline_year = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE_YEAR]);
}

double
vigia_target_get_weight (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), VIGIA_NO_VALUE);
  return self->weight;
}

void
vigia_target_set_weight (VigiaTarget *self,
                         double       value)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  if (vigia_set_double (&self->weight, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}

/**
 * vigia_target_get_goal:
 *
 * Returns: (transfer none) (nullable): the goal that holds the target
 */
VigiaGoal *
vigia_target_get_goal (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);
  return self->goal;
}

/* For VigiaGoal, as it takes or lets go of the target. */
void
_vigia_target_set_goal (VigiaTarget *self,
                        VigiaGoal   *goal)
{
  g_return_if_fail (VIGIA_IS_TARGET (self));
  g_set_weak_pointer (&self->goal, goal);
}

/**
 * vigia_target_dup_label:
 *
 * The short form of the reading, as the target chip shows it: "25 % ↑",
 * "500 MYPES ↑", "30 % ↓", or "Needs review".
 *
 * Returns: (transfer full): the label
 */
char *
vigia_target_dup_label (VigiaTarget *self)
{
  g_autofree char *number = NULL;
  const char *arrow;

  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);

  if (self->reading == VIGIA_READING_NEEDS_REVIEW)
    return g_strdup (_("Needs review"));

  arrow = vigia_direction_get_arrow (self->direction);

  if (!VIGIA_HAS_VALUE (self->value))
    return g_strdup (vigia_measure_get_label (self->measure));

  number = vigia_number_format (self->value, 2);

  if (self->measure == VIGIA_MEASURE_PERCENT_CHANGE)
    return g_strdup_printf ("%s%s %% %s", self->direction == VIGIA_DIRECTION_DOWN ? "−" : "+",
                            number, arrow);
  if (self->measure == VIGIA_MEASURE_AMOUNT && fabs (self->value) >= 1e6)
    {
      /* "US$ 20 millones", as the plans write amounts, not "US$ 20000000". */
      g_autofree char *millions = vigia_number_format (self->value / 1e6, 2);
      g_autofree char *amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s million", "%s million",
                                                              self->value == 1e6 ? 1 : 2),
                                                 millions);

      if (!vigia_str_empty (self->unit))
        return g_strdup_printf ("%s %s %s", self->unit, amount, arrow);
      return g_strdup_printf ("%s %s", amount, arrow);
    }
  if (self->measure == VIGIA_MEASURE_AMOUNT && !vigia_str_empty (self->unit))
    return g_strdup_printf ("%s %s %s", self->unit, number, arrow);
  if (!vigia_str_empty (self->unit))
    return g_strdup_printf ("%s %s %s", number, self->unit, arrow);
  return g_strdup_printf ("%s %s", number, arrow);
}

/**
 * vigia_target_dup_value_label:
 * @value: a value of the target's indicator (a progress entry's, the target)
 *
 * The value in the target's unit, as the grid, the charts' hover texts and
 * their descriptions say it: "12,5 %", "140 MYPES atendidas", "US$ 3".
 *
 * Returns: (transfer full): the label
 */
char *
vigia_target_dup_value_label (VigiaTarget *self,
                              double       value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);

  number = vigia_number_format (value, 2);
  if (self->measure == VIGIA_MEASURE_PERCENT || self->measure == VIGIA_MEASURE_PERCENT_CHANGE ||
      g_strcmp0 (self->unit, "%") == 0)
    return g_strdup_printf ("%s %%", number);
  if (vigia_str_empty (self->unit))
    return g_steal_pointer (&number);
  if (self->measure == VIGIA_MEASURE_AMOUNT)
    return g_strdup_printf ("%s %s", self->unit, number);
  return g_strdup_printf ("%s %s", number, self->unit);
}

/**
 * vigia_target_get_progress:
 *
 * Returns: (transfer none): the target's #VigiaProgress entries, by period and source
 */
GListModel *
vigia_target_get_progress (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);
  return G_LIST_MODEL (self->progress);
}

/**
 * vigia_target_find_progress:
 *
 * Returns: (transfer none) (nullable): the entry for @period and @source
 */
VigiaProgress *
vigia_target_find_progress (VigiaTarget *self,
                            const char  *period,
                            VigiaSource  source)
{
  guint n;

  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);

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
 * vigia_target_put_progress:
 *
 * Adds @progress, replacing the entry of the same period and source if there
 * is one: a target has one entry per period and source.
 */
void
vigia_target_put_progress (VigiaTarget   *self,
                           VigiaProgress *progress)
{
  VigiaProgress *existing;

  g_return_if_fail (VIGIA_IS_TARGET (self));
  g_return_if_fail (VIGIA_IS_PROGRESS (progress));

  existing = vigia_target_find_progress (self,
                                         vigia_progress_get_period (progress),
                                         vigia_progress_get_source (progress));
  if (existing == progress)
    return;
  if (existing != NULL)
    vigia_target_remove_progress (self, existing);

  g_list_store_insert_sorted (self->progress, progress, compare_progress, NULL);
}

gboolean
vigia_target_remove_progress (VigiaTarget   *self,
                              VigiaProgress *progress)
{
  guint position;

  g_return_val_if_fail (VIGIA_IS_TARGET (self), FALSE);

  if (!g_list_store_find (self->progress, progress, &position))
    return FALSE;
  g_list_store_remove (self->progress, position);
  return TRUE;
}

/**
 * vigia_target_get_stamp:
 *
 * Returns: (transfer none): when its own fields were last edited, by whom,
 *   and what it has merged; the caller may change it
 */
VigiaStamp *
vigia_target_get_stamp (VigiaTarget *self)
{
  g_return_val_if_fail (VIGIA_IS_TARGET (self), NULL);
  return &self->stamp;
}
