/* vigia-plan.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-plan.h"
#include "vigia-utils.h"

struct _VigiaPlan
{
  GObject        parent_instance;

  VigiaStamp   stamp;
  /* VigiaDeletion: the goals and targets deleted from it */
  GPtrArray   *deletions;

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
  char          *ideario;
  char          *vision;
  char          *accountability;
  char          *authority_name;
  gboolean       authority_elected;
  char          *source_format;
  char          *source_reference;
  char          *source_imported;
  char          *source_digest;
  char          *created;
  char          *changed;

  GListStore    *dimensions;
};

G_DEFINE_FINAL_TYPE (VigiaPlan, vigia_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_ORGANIZATION,
  PROP_ELECTION,
  PROP_PROCESS,
  PROP_DEPARTMENT,
  PROP_PROVINCE,
  PROP_DISTRICT,
  PROP_UBIGEO,
  PROP_TERM_START,
  PROP_TERM_END,
  PROP_IDEARIO,
  PROP_VISION,
  PROP_ACCOUNTABILITY,
  PROP_AUTHORITY_NAME,
  PROP_AUTHORITY_ELECTED,
  PROP_SOURCE_FORMAT,
  PROP_SOURCE_REFERENCE,
  PROP_SOURCE_IMPORTED,
  PROP_SOURCE_DIGEST,
  PROP_CREATED,
  PROP_CHANGED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
vigia_plan_finalize (GObject *object)
{
  VigiaPlan *self = (VigiaPlan *)object;

  vigia_stamp_clear (&self->stamp);
  g_clear_pointer (&self->deletions, g_ptr_array_unref);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->process, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->ubigeo, g_free);
  g_clear_pointer (&self->ideario, g_free);
  g_clear_pointer (&self->vision, g_free);
  g_clear_pointer (&self->accountability, g_free);
  g_clear_pointer (&self->authority_name, g_free);
  g_clear_pointer (&self->source_format, g_free);
  g_clear_pointer (&self->source_reference, g_free);
  g_clear_pointer (&self->source_imported, g_free);
  g_clear_pointer (&self->source_digest, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->changed, g_free);
  g_clear_object (&self->dimensions);

  G_OBJECT_CLASS (vigia_plan_parent_class)->finalize (object);
}

static void
vigia_plan_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VigiaPlan *self = VIGIA_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:                g_value_set_int64 (value, self->id); break;
    case PROP_UUID:              g_value_set_string (value, self->uuid); break;
    case PROP_ORGANIZATION:      g_value_set_string (value, self->organization); break;
    case PROP_ELECTION:          g_value_set_enum (value, self->election); break;
    case PROP_PROCESS:           g_value_set_string (value, self->process); break;
    case PROP_DEPARTMENT:        g_value_set_string (value, self->department); break;
    case PROP_PROVINCE:          g_value_set_string (value, self->province); break;
    case PROP_DISTRICT:          g_value_set_string (value, self->district); break;
    case PROP_UBIGEO:            g_value_set_string (value, self->ubigeo); break;
    case PROP_TERM_START:        g_value_set_int (value, self->term_start); break;
    case PROP_TERM_END:          g_value_set_int (value, self->term_end); break;
    case PROP_IDEARIO:           g_value_set_string (value, self->ideario); break;
    case PROP_VISION:            g_value_set_string (value, self->vision); break;
    case PROP_ACCOUNTABILITY:    g_value_set_string (value, self->accountability); break;
    case PROP_AUTHORITY_NAME:    g_value_set_string (value, self->authority_name); break;
    case PROP_AUTHORITY_ELECTED: g_value_set_boolean (value, self->authority_elected); break;
    case PROP_SOURCE_FORMAT:     g_value_set_string (value, self->source_format); break;
    case PROP_SOURCE_REFERENCE:  g_value_set_string (value, self->source_reference); break;
    case PROP_SOURCE_IMPORTED:   g_value_set_string (value, self->source_imported); break;
    case PROP_SOURCE_DIGEST:     g_value_set_string (value, self->source_digest); break;
    case PROP_CREATED:           g_value_set_string (value, self->created); break;
    case PROP_CHANGED:           g_value_set_string (value, self->changed); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VigiaPlan *self = VIGIA_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:                vigia_plan_set_id (self, g_value_get_int64 (value)); break;
    case PROP_UUID:              vigia_plan_set_uuid (self, g_value_get_string (value)); break;
    case PROP_ORGANIZATION:      vigia_plan_set_organization (self, g_value_get_string (value)); break;
    case PROP_ELECTION:          vigia_plan_set_election (self, g_value_get_enum (value)); break;
    case PROP_PROCESS:           vigia_plan_set_process (self, g_value_get_string (value)); break;
    case PROP_DEPARTMENT:        vigia_plan_set_department (self, g_value_get_string (value)); break;
    case PROP_PROVINCE:          vigia_plan_set_province (self, g_value_get_string (value)); break;
    case PROP_DISTRICT:          vigia_plan_set_district (self, g_value_get_string (value)); break;
    case PROP_UBIGEO:            vigia_plan_set_ubigeo (self, g_value_get_string (value)); break;
    case PROP_TERM_START:        vigia_plan_set_term_start (self, g_value_get_int (value)); break;
    case PROP_TERM_END:          vigia_plan_set_term_end (self, g_value_get_int (value)); break;
    case PROP_IDEARIO:           vigia_plan_set_ideario (self, g_value_get_string (value)); break;
    case PROP_VISION:            vigia_plan_set_vision (self, g_value_get_string (value)); break;
    case PROP_ACCOUNTABILITY:    vigia_plan_set_accountability (self, g_value_get_string (value)); break;
    case PROP_AUTHORITY_NAME:    vigia_plan_set_authority_name (self, g_value_get_string (value)); break;
    case PROP_AUTHORITY_ELECTED: vigia_plan_set_authority_elected (self, g_value_get_boolean (value)); break;
    case PROP_SOURCE_FORMAT:     vigia_plan_set_source_format (self, g_value_get_string (value)); break;
    case PROP_SOURCE_REFERENCE:  vigia_plan_set_source_reference (self, g_value_get_string (value)); break;
    case PROP_SOURCE_IMPORTED:   vigia_plan_set_source_imported (self, g_value_get_string (value)); break;
    case PROP_SOURCE_DIGEST:     vigia_plan_set_source_digest (self, g_value_get_string (value)); break;
    case PROP_CREATED:           vigia_plan_set_created (self, g_value_get_string (value)); break;
    case PROP_CHANGED:           vigia_plan_set_changed (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_class_init (VigiaPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigia_plan_finalize;
  object_class->get_property = vigia_plan_get_property;
  object_class->set_property = vigia_plan_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_ELECTION] = g_param_spec_enum ("election", NULL, NULL, VIGIA_TYPE_ELECTION,
                                                 VIGIA_ELECTION_MUNICIPAL_DISTRICT, flags);
  properties[PROP_PROCESS] = g_param_spec_string ("process", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_PROVINCE] = g_param_spec_string ("province", NULL, NULL, NULL, flags);
  properties[PROP_DISTRICT] = g_param_spec_string ("district", NULL, NULL, NULL, flags);
  properties[PROP_UBIGEO] = g_param_spec_string ("ubigeo", NULL, NULL, NULL, flags);
  /* 0 means the term is not known yet (a JNE JSON plan imported without one). */
  properties[PROP_TERM_START] = g_param_spec_int ("term-start", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_TERM_END] = g_param_spec_int ("term-end", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_IDEARIO] = g_param_spec_string ("ideario", NULL, NULL, NULL, flags);
  properties[PROP_VISION] = g_param_spec_string ("vision", NULL, NULL, NULL, flags);
  properties[PROP_ACCOUNTABILITY] = g_param_spec_string ("accountability", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORITY_NAME] = g_param_spec_string ("authority-name", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORITY_ELECTED] = g_param_spec_boolean ("authority-elected", NULL, NULL,
                                                             FALSE, flags);
  properties[PROP_SOURCE_FORMAT] = g_param_spec_string ("source-format", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_REFERENCE] = g_param_spec_string ("source-reference", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_IMPORTED] = g_param_spec_string ("source-imported", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_DIGEST] = g_param_spec_string ("source-digest", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_CHANGED] = g_param_spec_string ("changed", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_plan_init (VigiaPlan *self)
{
  self->dimensions = g_list_store_new (VIGIA_TYPE_DIMENSION);
}

VigiaPlan *
vigia_plan_new (void)
{
  return g_object_new (VIGIA_TYPE_PLAN, NULL);
}

#define COPY_STRING(field) copy->field = g_strdup (self->field)

/**
 * vigia_plan_copy:
 *
 * Returns: (transfer full): a deep copy, with the same ids and uuids
 */
VigiaPlan *
vigia_plan_copy (VigiaPlan *self)
{
  VigiaPlan *copy;
  guint n;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);

  copy = vigia_plan_new ();
  copy->id = self->id;
  vigia_stamp_copy (&copy->stamp, &self->stamp);
  for (guint i = 0; self->deletions != NULL && i < self->deletions->len; i++)
    g_ptr_array_add (vigia_plan_get_deletions (copy), vigia_deletion_copy (g_ptr_array_index (self->deletions, i)));
  COPY_STRING (uuid);
  COPY_STRING (organization);
  copy->election = self->election;
  COPY_STRING (process);
  COPY_STRING (department);
  COPY_STRING (province);
  COPY_STRING (district);
  COPY_STRING (ubigeo);
  copy->term_start = self->term_start;
  copy->term_end = self->term_end;
  COPY_STRING (ideario);
  COPY_STRING (vision);
  COPY_STRING (accountability);
  COPY_STRING (authority_name);
  copy->authority_elected = self->authority_elected;
  COPY_STRING (source_format);
  COPY_STRING (source_reference);
  COPY_STRING (source_imported);
  COPY_STRING (source_digest);
  COPY_STRING (created);
  COPY_STRING (changed);

  n = vigia_plan_get_n_dimensions (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaDimension) dim = vigia_dimension_copy (vigia_plan_get_dimension (self, i));

      g_list_store_append (copy->dimensions, dim);
    }

  return copy;
}

#undef COPY_STRING

/**
 * vigia_plan_clear_ids:
 *
 * Forgets the library ids of the plan, its dimensions, goals, targets and progress
 * (not their uuids), so that the objects can be added to a library again:
 * after a failed insert, say.
 */
void
vigia_plan_clear_ids (VigiaPlan *self)
{
  guint n_dims;

  g_return_if_fail (VIGIA_IS_PLAN (self));

  self->id = 0;
  n_dims = vigia_plan_get_n_dimensions (self);
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      vigia_dimension_set_id (dim, 0);
      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          guint n_targets = vigia_goal_get_n_targets (goal);

          vigia_goal_set_id (goal, 0);
          for (guint t = 0; t < n_targets; t++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, t);
              GListModel *progress = vigia_target_get_progress (target);
              guint n_progress = g_list_model_get_n_items (progress);

              vigia_target_set_id (target, 0);
              for (guint k = 0; k < n_progress; k++)
                {
                  g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, k);

                  vigia_progress_set_id (entry, 0);
                }
            }
        }
    }
}

/**
 * vigia_plan_duplicate:
 *
 * A copy to add to a library as another plan: the same texts, dimensions,
 * goals and progress, with no ids, new uuids when added, and no import
 * digest (so that importing the original file again still finds the
 * original plan).
 *
 * Returns: (transfer full): the copy
 */
VigiaPlan *
vigia_plan_duplicate (VigiaPlan *self)
{
  VigiaPlan *copy;
  guint n_dims;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);

  copy = vigia_plan_copy (self);
  vigia_plan_clear_ids (copy);
  g_clear_pointer (&copy->uuid, g_free);
  g_clear_pointer (&copy->source_digest, g_free);
  g_clear_pointer (&copy->created, g_free);
  g_clear_pointer (&copy->changed, g_free);

  n_dims = vigia_plan_get_n_dimensions (copy);
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (copy, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          guint n_targets = vigia_goal_get_n_targets (goal);

          vigia_goal_set_uuid (goal, NULL);
          for (guint t = 0; t < n_targets; t++)
            vigia_target_set_uuid (vigia_goal_get_target (goal, t), NULL);
        }
    }

  return copy;
}

gint64
vigia_plan_get_id (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), 0);
  return self->id;
}

void
vigia_plan_set_id (VigiaPlan *self,
                   gint64     value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
vigia_plan_get_uuid (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->uuid;
}

void
vigia_plan_set_uuid (VigiaPlan  *self,
                     const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->uuid, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
vigia_plan_get_organization (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->organization;
}

void
vigia_plan_set_organization (VigiaPlan  *self,
                             const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->organization, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION]);
}

VigiaElection
vigia_plan_get_election (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), (VigiaElection) 0);
  return self->election;
}

void
vigia_plan_set_election (VigiaPlan     *self,
                         VigiaElection  value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (self->election == value)
    return;
  self->election = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELECTION]);
}

const char *
vigia_plan_get_process (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->process;
}

void
vigia_plan_set_process (VigiaPlan  *self,
                        const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->process, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCESS]);
}

const char *
vigia_plan_get_department (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->department;
}

void
vigia_plan_set_department (VigiaPlan  *self,
                           const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->department, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

const char *
vigia_plan_get_province (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->province;
}

void
vigia_plan_set_province (VigiaPlan  *self,
                         const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->province, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVINCE]);
}

const char *
vigia_plan_get_district (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->district;
}

void
vigia_plan_set_district (VigiaPlan  *self,
                         const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->district, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

const char *
vigia_plan_get_ubigeo (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->ubigeo;
}

void
vigia_plan_set_ubigeo (VigiaPlan  *self,
                       const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->ubigeo, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UBIGEO]);
}

int
vigia_plan_get_term_start (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), 0);
  return self->term_start;
}

void
vigia_plan_set_term_start (VigiaPlan *self,
                           int        value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (self->term_start == value)
    return;
  self->term_start = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_START]);
}

int
vigia_plan_get_term_end (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), 0);
  return self->term_end;
}

void
vigia_plan_set_term_end (VigiaPlan *self,
                         int        value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (self->term_end == value)
    return;
  self->term_end = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_END]);
}

const char *
vigia_plan_get_ideario (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->ideario;
}

void
vigia_plan_set_ideario (VigiaPlan  *self,
                        const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->ideario, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDEARIO]);
}

const char *
vigia_plan_get_vision (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->vision;
}

void
vigia_plan_set_vision (VigiaPlan  *self,
                       const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->vision, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISION]);
}

const char *
vigia_plan_get_accountability (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->accountability;
}

void
vigia_plan_set_accountability (VigiaPlan  *self,
                               const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->accountability, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTABILITY]);
}

const char *
vigia_plan_get_authority_name (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->authority_name;
}

void
vigia_plan_set_authority_name (VigiaPlan  *self,
                               const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->authority_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY_NAME]);
}

const char *
vigia_plan_get_source_format (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->source_format;
}

void
vigia_plan_set_source_format (VigiaPlan  *self,
                              const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->source_format, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_FORMAT]);
}

const char *
vigia_plan_get_source_reference (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->source_reference;
}

/**
 * vigia_plan_get_jne_ref:
 *
 * Returns: the JNE's idPlanGobierno of a plan read from its data, which its
 *   candidate lists name it by; 0 for any other plan
 */
gint64
vigia_plan_get_jne_ref (VigiaPlan *self)
{
  const char *number;
  guint64 value;
  g_autofree char *digits = NULL;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), 0);

  if (self->source_reference == NULL || !g_str_has_prefix (self->source_reference, VIGIA_PLAN_JNE_REFERENCE))
    return 0;
  number = self->source_reference + strlen (VIGIA_PLAN_JNE_REFERENCE);
  digits = g_strndup (number, strspn (number, "0123456789"));
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT32, &value, NULL))
    return 0;
  return (gint64) value;
}

void
vigia_plan_set_source_reference (VigiaPlan  *self,
                                 const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->source_reference, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_REFERENCE]);
}

const char *
vigia_plan_get_source_imported (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->source_imported;
}

void
vigia_plan_set_source_imported (VigiaPlan  *self,
                                const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->source_imported, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_IMPORTED]);
}

const char *
vigia_plan_get_source_digest (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->source_digest;
}

void
vigia_plan_set_source_digest (VigiaPlan  *self,
                              const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->source_digest, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_DIGEST]);
}

const char *
vigia_plan_get_created (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->created;
}

void
vigia_plan_set_created (VigiaPlan  *self,
                        const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->created, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

const char *
vigia_plan_get_changed (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return self->changed;
}

void
vigia_plan_set_changed (VigiaPlan  *self,
                        const char *value)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  if (vigia_set_string (&self->changed, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED]);
}


gboolean
vigia_plan_get_authority_elected (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), FALSE);
  return self->authority_elected;
}

void
vigia_plan_set_authority_elected (VigiaPlan *self,
                                  gboolean   elected)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  elected = !!elected;
  if (self->authority_elected == elected)
    return;
  self->authority_elected = elected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY_ELECTED]);
}

/**
 * vigia_plan_get_dimensions:
 *
 * Returns: (transfer none): the plan's #VigiaDimension items, in order
 */
GListModel *
vigia_plan_get_dimensions (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->dimensions);
}

guint
vigia_plan_get_n_dimensions (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->dimensions));
}

/**
 * vigia_plan_get_dimension:
 *
 * Returns: (transfer none) (nullable): the dimension at @position
 */
VigiaDimension *
vigia_plan_get_dimension (VigiaPlan *self,
                          guint      position)
{
  VigiaDimension *dim;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);

  dim = g_list_model_get_item (G_LIST_MODEL (self->dimensions), position);
  if (dim != NULL)
    g_object_unref (dim); /* the store keeps its reference */
  return dim;
}

void
vigia_plan_insert_dimension (VigiaPlan      *self,
                             guint           position,
                             VigiaDimension *dimension)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  g_return_if_fail (VIGIA_IS_DIMENSION (dimension));

  position = MIN (position, vigia_plan_get_n_dimensions (self));
  g_list_store_insert (self->dimensions, position, dimension);
}

void
vigia_plan_append_dimension (VigiaPlan      *self,
                             VigiaDimension *dimension)
{
  g_return_if_fail (VIGIA_IS_PLAN (self));
  g_return_if_fail (VIGIA_IS_DIMENSION (dimension));

  g_list_store_append (self->dimensions, dimension);
}

gboolean
vigia_plan_remove_dimension (VigiaPlan      *self,
                             VigiaDimension *dimension,
                             guint          *position)
{
  guint found;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), FALSE);

  if (!g_list_store_find (self->dimensions, dimension, &found))
    return FALSE;
  if (position != NULL)
    *position = found;
  g_list_store_remove (self->dimensions, found);
  return TRUE;
}

guint
vigia_plan_get_n_goals (VigiaPlan *self)
{
  guint n_dims;
  guint total = 0;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), 0);

  n_dims = vigia_plan_get_n_dimensions (self);
  for (guint i = 0; i < n_dims; i++)
    total += vigia_dimension_get_n_goals (vigia_plan_get_dimension (self, i));
  return total;
}

/**
 * vigia_plan_dup_dimension_ref:
 * @position: a dimension's position
 *
 * How references name the dimension (docs/exchange-format.md,
 * "References"): its kind, "social", if it is the first of its kind, else
 * its position from 1.
 *
 * Returns: (transfer full): "PLAN:DIMENSION", as "12:social" or "12:5"
 */
char *
vigia_plan_dup_dimension_ref (VigiaPlan *self,
                              guint      position)
{
  VigiaDimensionKind kind;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  g_return_val_if_fail (position < vigia_plan_get_n_dimensions (self), NULL);

  kind = vigia_dimension_get_kind (vigia_plan_get_dimension (self, position));
  for (guint i = 0; i < position; i++)
    if (vigia_dimension_get_kind (vigia_plan_get_dimension (self, i)) == kind)
      return g_strdup_printf ("%" G_GINT64_FORMAT ":%u", self->id, position + 1);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", self->id, vigia_enum_to_nick (VIGIA_TYPE_DIMENSION_KIND, kind));
}

/**
 * vigia_plan_list_targets:
 *
 * Returns: (transfer container) (element-type VigiaTarget): every target of
 *   the plan, in the plan's order
 */
GPtrArray *
vigia_plan_list_targets (VigiaPlan *self)
{
  GPtrArray *targets;
  guint n_dims;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);

  targets = g_ptr_array_new ();
  n_dims = vigia_plan_get_n_dimensions (self);
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          guint n_targets = vigia_goal_get_n_targets (goal);

          for (guint t = 0; t < n_targets; t++)
            g_ptr_array_add (targets, vigia_goal_get_target (goal, t));
        }
    }
  return targets;
}

/**
 * vigia_plan_find_target:
 * @goal: (out) (optional) (transfer none): the goal that holds it
 *
 * Returns: (transfer none) (nullable): the target whose uuid is @target_uuid
 */
VigiaTarget *
vigia_plan_find_target (VigiaPlan   *self,
                        const char  *target_uuid,
                        VigiaGoal  **goal)
{
  g_autoptr(GPtrArray) targets = NULL;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);

  targets = vigia_plan_list_targets (self);
  for (guint i = 0; i < targets->len; i++)
    {
      VigiaTarget *target = g_ptr_array_index (targets, i);

      if (target_uuid != NULL && g_strcmp0 (vigia_target_get_uuid (target), target_uuid) == 0)
        {
          if (goal != NULL)
            *goal = vigia_target_get_goal (target);
          return target;
        }
    }

  return NULL;
}

/**
 * vigia_plan_find_goal:
 * @goal: (out) (optional) (transfer none): the goal found
 *
 * Returns: (transfer none) (nullable): the dimension that holds the goal
 *   whose uuid is @goal_uuid
 */
VigiaDimension *
vigia_plan_find_goal (VigiaPlan   *self,
                      const char  *goal_uuid,
                      VigiaGoal  **goal)
{
  guint n_dims;

  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);

  n_dims = vigia_plan_get_n_dimensions (self);
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *candidate = vigia_dimension_get_goal (dim, j);

          if (g_strcmp0 (vigia_goal_get_uuid (candidate), goal_uuid) == 0)
            {
              if (goal != NULL)
                *goal = candidate;
              return dim;
            }
        }
    }

  return NULL;
}

/**
 * vigia_plan_add_standard_dimensions:
 *
 * Appends the four dimensions every JNE summary has, for a plan written from
 * scratch.
 */
void
vigia_plan_add_standard_dimensions (VigiaPlan *self)
{
  static const struct {
    VigiaDimensionKind kind;
    const char *title;
  } standard[] = {
    { VIGIA_DIMENSION_KIND_SOCIAL, "DIMENSIÓN SOCIAL" },
    { VIGIA_DIMENSION_KIND_ECONOMIC, "DIMENSIÓN ECONÓMICA" },
    { VIGIA_DIMENSION_KIND_ENVIRONMENTAL, "DIMENSIÓN AMBIENTAL" },
    { VIGIA_DIMENSION_KIND_INSTITUTIONAL, "DIMENSIÓN INSTITUCIONAL" },
  };

  g_return_if_fail (VIGIA_IS_PLAN (self));

  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      g_autoptr(VigiaDimension) dim = vigia_dimension_new (standard[i].kind, standard[i].title);

      vigia_plan_append_dimension (self, dim);
    }
}

/**
 * vigia_place_label:
 *
 * The place as a person reads it, most specific first: "INDEPENDENCIA, LIMA,
 * LIMA"; or "Place not set".
 *
 * Returns: (transfer full): the label
 */
char *
vigia_place_label (const char *department,
                   const char *province,
                   const char *district)
{
  char *parts[4] = { NULL, };
  char *label;
  guint n = 0;

  /* Each part on its own: one cannot turn the others around. */
  if (!vigia_str_empty (district))
    parts[n++] = vigia_text_isolate (district);
  if (!vigia_str_empty (province))
    parts[n++] = vigia_text_isolate (province);
  if (!vigia_str_empty (department))
    parts[n++] = vigia_text_isolate (department);

  if (n == 0)
    return g_strdup (_("Place not set"));
  label = g_strjoinv (", ", parts);
  for (guint i = 0; i < n; i++)
    g_free (parts[i]);
  return label;
}

char *
vigia_plan_dup_place_label (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);

  /* A general election's plan is the country's: it has no place of its own. */
  if (self->election == VIGIA_ELECTION_GENERAL && vigia_str_empty (self->department))
    return g_strdup (_("National"));
  return vigia_place_label (self->department, self->province, self->district);
}

gboolean
vigia_plan_has_term (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), FALSE);
  return self->term_start > 0 && self->term_end >= self->term_start;
}

/**
 * vigia_term_label:
 *
 * Returns: (transfer full): "2023–2026", or "Term not set"
 */
char *
vigia_term_label (int start,
                  int end)
{
  if (start <= 0 || end < start)
    return g_strdup (_("Term not set"));
  return g_strdup_printf ("%d–%d", start, end);
}

char *
vigia_plan_dup_term_label (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return vigia_term_label (self->term_start, self->term_end);
}

/**
 * vigia_plan_get_stamp:
 *
 * Returns: (transfer none): when its own fields were last edited, by whom,
 *   and what it has merged; the caller may change it
 */
VigiaStamp *
vigia_plan_get_stamp (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);
  return &self->stamp;
}

/**
 * vigia_plan_get_deletions:
 *
 * Returns: (transfer none) (element-type VigiaDeletion): the goals and
 *   targets deleted from the plan, as far as its library knows; the caller
 *   may change the array
 */
GPtrArray *
vigia_plan_get_deletions (VigiaPlan *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN (self), NULL);

  if (self->deletions == NULL)
    self->deletions = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_deletion_free);
  return self->deletions;
}

/**
 * vigia_plan_mark_merged:
 *
 * Marks the plan and every goal, target and entry in it as taken in from
 * another desk just as they are: what a library does with a plan of an
 * exchange document that it adds, so that a later version from that desk is
 * known to follow it (docs/merge.md).
 */
void
vigia_plan_mark_merged (VigiaPlan *self)
{
  guint n = vigia_plan_get_n_dimensions (self);

  g_return_if_fail (VIGIA_IS_PLAN (self));

  vigia_stamp_mark_merged (&self->stamp);
  for (guint d = 0; d < n; d++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self, d);

      for (guint k = 0; k < vigia_dimension_get_n_goals (dim); k++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, k);

          vigia_stamp_mark_merged (vigia_goal_get_stamp (goal));
          for (guint t = 0; t < vigia_goal_get_n_targets (goal); t++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, t);
              GListModel *progress = vigia_target_get_progress (target);

              vigia_stamp_mark_merged (vigia_target_get_stamp (target));
              for (guint i = 0; i < g_list_model_get_n_items (progress); i++)
                {
                  g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, i);

                  vigia_stamp_mark_merged (vigia_progress_get_stamp (entry));
                }
            }
        }
    }
}
