/* vigia-progress.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-progress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-progress.h"
#include "vigia-utils.h"

struct _VigiaProgress
{
  GObject      parent_instance;

  VigiaStamp   stamp;

  gint64       id;
  char        *period;
  VigiaSource  source;
  double       value;
  VigiaStatus  status;
  char        *note;
  char       **evidence;
  char        *recorded;
};

G_DEFINE_FINAL_TYPE (VigiaProgress, vigia_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERIOD,
  PROP_SOURCE,
  PROP_VALUE,
  PROP_STATUS,
  PROP_NOTE,
  PROP_EVIDENCE,
  PROP_RECORDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
vigia_progress_finalize (GObject *object)
{
  VigiaProgress *self = (VigiaProgress *)object;

  vigia_stamp_clear (&self->stamp);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->evidence, g_strfreev);
  g_clear_pointer (&self->recorded, g_free);

  G_OBJECT_CLASS (vigia_progress_parent_class)->finalize (object);
}

static void
vigia_progress_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VigiaProgress *self = VIGIA_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_ID:       g_value_set_int64 (value, self->id); break;
    case PROP_PERIOD:   g_value_set_string (value, self->period); break;
    case PROP_SOURCE:   g_value_set_enum (value, self->source); break;
    case PROP_VALUE:    g_value_set_double (value, self->value); break;
    case PROP_STATUS:   g_value_set_enum (value, self->status); break;
    case PROP_NOTE:     g_value_set_string (value, self->note); break;
    case PROP_EVIDENCE: g_value_set_boxed (value, self->evidence); break;
    case PROP_RECORDED: g_value_set_string (value, self->recorded); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_progress_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VigiaProgress *self = VIGIA_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_ID:       vigia_progress_set_id (self, g_value_get_int64 (value)); break;
    case PROP_PERIOD:   vigia_progress_set_period (self, g_value_get_string (value)); break;
    case PROP_SOURCE:   vigia_progress_set_source (self, g_value_get_enum (value)); break;
    case PROP_VALUE:    vigia_progress_set_value (self, g_value_get_double (value)); break;
    case PROP_STATUS:   vigia_progress_set_status (self, g_value_get_enum (value)); break;
    case PROP_NOTE:     vigia_progress_set_note (self, g_value_get_string (value)); break;
    case PROP_EVIDENCE: vigia_progress_set_evidence (self, g_value_get_boxed (value)); break;
    case PROP_RECORDED: vigia_progress_set_recorded (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_progress_class_init (VigiaProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigia_progress_finalize;
  object_class->get_property = vigia_progress_get_property;
  object_class->set_property = vigia_progress_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_enum ("source", NULL, NULL, VIGIA_TYPE_SOURCE,
                                               VIGIA_SOURCE_AUTHORITY, flags);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                0, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, VIGIA_TYPE_STATUS,
                                               VIGIA_STATUS_NOT_RATED, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_EVIDENCE] = g_param_spec_boxed ("evidence", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_RECORDED] = g_param_spec_string ("recorded", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_progress_init (VigiaProgress *self)
{
  self->value = VIGIA_NO_VALUE;
  self->status = VIGIA_STATUS_NOT_RATED;
  self->source = VIGIA_SOURCE_AUTHORITY;
}

VigiaProgress *
vigia_progress_new (const char  *period,
                    VigiaSource  source)
{
  return g_object_new (VIGIA_TYPE_PROGRESS,
                       "period", period,
                       "source", source,
                       NULL);
}

/**
 * vigia_progress_copy:
 *
 * Returns: (transfer full): a new entry with the same fields, including the id
 */
VigiaProgress *
vigia_progress_copy (VigiaProgress *self)
{
  VigiaProgress *copy;

  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), NULL);

  copy = vigia_progress_new (self->period, self->source);
  copy->id = self->id;
  vigia_stamp_copy (&copy->stamp, &self->stamp);
  copy->value = self->value;
  copy->status = self->status;
  copy->note = g_strdup (self->note);
  copy->evidence = g_strdupv (self->evidence);
  copy->recorded = g_strdup (self->recorded);
  return copy;
}

gint64
vigia_progress_get_id (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), 0);
  return self->id;
}

void
vigia_progress_set_id (VigiaProgress *self,
                       gint64         id)
{
  g_return_if_fail (VIGIA_IS_PROGRESS (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
vigia_progress_get_period (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), NULL);
  return self->period;
}

void
vigia_progress_set_period (VigiaProgress *self,
                           const char    *period)
{
  g_return_if_fail (VIGIA_IS_PROGRESS (self));
  if (vigia_set_string (&self->period, period))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

VigiaSource
vigia_progress_get_source (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), 0);
  return self->source;
}

void
vigia_progress_set_source (VigiaProgress *self,
                           VigiaSource    source)
{
  g_return_if_fail (VIGIA_IS_PROGRESS (self));
  if (self->source == source)
    return;
  self->source = source;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * vigia_progress_get_value:
 *
 * Returns: the value recorded, in the goal's unit, or NAN if the entry has a
 *   status only
 */
double
vigia_progress_get_value (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), VIGIA_NO_VALUE);
  return self->value;
}

void
vigia_progress_set_value (VigiaProgress *self,
                          double         value)
{
  g_return_if_fail (VIGIA_IS_PROGRESS (self));
  if (vigia_set_double (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

VigiaStatus
vigia_progress_get_status (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), 0);
  return self->status;
}

void
vigia_progress_set_status (VigiaProgress *self,
                           VigiaStatus    status)
{
  g_return_if_fail (VIGIA_IS_PROGRESS (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
vigia_progress_get_note (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), NULL);
  return self->note;
}

void
vigia_progress_set_note (VigiaProgress *self,
                         const char    *note)
{
  g_return_if_fail (VIGIA_IS_PROGRESS (self));
  if (vigia_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * vigia_progress_get_evidence:
 *
 * Returns: (transfer none) (nullable): addresses or file references
 */
const char * const *
vigia_progress_get_evidence (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), NULL);
  return (const char * const *) self->evidence;
}

void
vigia_progress_set_evidence (VigiaProgress      *self,
                             const char * const *evidence)
{
  g_return_if_fail (VIGIA_IS_PROGRESS (self));

  /* An empty list and no list mean the same: keep one form. */
  if (evidence != NULL && evidence[0] == NULL)
    evidence = NULL;
  if (vigia_set_strv (&self->evidence, evidence))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
}

const char *
vigia_progress_get_recorded (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), NULL);
  return self->recorded;
}

void
vigia_progress_set_recorded (VigiaProgress *self,
                             const char    *recorded)
{
  g_return_if_fail (VIGIA_IS_PROGRESS (self));
  if (vigia_set_string (&self->recorded, recorded))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED]);
}

/**
 * vigia_progress_parse_date:
 * @text: the date of an entry as typed: "2027-03-31", "31/03/2027" or
 *   "2027-03-31T10:00:00-05:00"
 *
 * A day alone is taken at midnight UTC, so that it reads back as the same
 * day wherever it is read.
 *
 * Returns: (transfer full) (nullable): the date as
 *   vigia_progress_set_recorded() takes it, ISO 8601 in UTC, or %NULL with
 *   @error (%VIGIA_ERROR_PARSE) saying why
 */
char *
vigia_progress_parse_date (const char  *text,
                           GError     **error)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int day, month, year;
  char rest;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3 ||
      sscanf (text, "%2d/%2d/%4d%c", &day, &month, &year, &rest) == 3)
    {
      if (g_date_valid_dmy (day, month, year))
        date = g_date_time_new (utc, year, month, day, 0, 0, 0);
    }
  else
    date = g_date_time_new_from_iso8601 (text, utc);

  if (date == NULL)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE,
                   _("“%s” is not a date: write it as 2027-03-31"), text);
      return NULL;
    }

  in_utc = g_date_time_to_utc (date);
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * vigia_progress_get_stamp:
 *
 * Returns: (transfer none): when its own fields were last edited, by whom,
 *   and what it has merged; the caller may change it
 */
VigiaStamp *
vigia_progress_get_stamp (VigiaProgress *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS (self), NULL);
  return &self->stamp;
}
