/* vigia-enums.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigia-enums.h"

/**
 * vigia_enum_to_nick:
 *
 * Returns: (transfer none): the nick of @value, the form stored in the
 *   library and the exchange format, or %NULL if @value is not in @enum_type
 */
const char *
vigia_enum_to_nick (GType enum_type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);

  /* Nicks are static strings owned by the type, which outlives the class ref. */
  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
vigia_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;
  return TRUE;
}

const char *
vigia_election_get_label (VigiaElection election)
{
  switch (election)
    {
    case VIGIA_ELECTION_MUNICIPAL_DISTRICT: return _("Municipal district");
    case VIGIA_ELECTION_MUNICIPAL_PROVINCE: return _("Municipal province");
    case VIGIA_ELECTION_REGIONAL:           return _("Regional");
    case VIGIA_ELECTION_GENERAL:            return _("General");
    default:                                return _("Unknown");
    }
}

const char *
vigia_dimension_kind_get_label (VigiaDimensionKind kind)
{
  switch (kind)
    {
    case VIGIA_DIMENSION_KIND_SOCIAL:        return _("Social");
    case VIGIA_DIMENSION_KIND_ECONOMIC:      return _("Economic");
    case VIGIA_DIMENSION_KIND_ENVIRONMENTAL: return _("Environmental");
    case VIGIA_DIMENSION_KIND_INSTITUTIONAL: return _("Institutional");
    case VIGIA_DIMENSION_KIND_OTHER:         return _("Other proposals");
    default:                                 return _("Unknown");
    }
}

const char *
vigia_measure_get_label (VigiaMeasure measure)
{
  switch (measure)
    {
    case VIGIA_MEASURE_PERCENT:        return _("Percentage");
    case VIGIA_MEASURE_PERCENT_CHANGE: return _("Percent change");
    case VIGIA_MEASURE_COUNT:          return _("Count");
    case VIGIA_MEASURE_AMOUNT:         return _("Amount");
    case VIGIA_MEASURE_QUALITATIVE:    return _("Qualitative");
    default:                           return _("Unknown");
    }
}

const char *
vigia_direction_get_label (VigiaDirection direction)
{
  switch (direction)
    {
    case VIGIA_DIRECTION_UP:   return _("Increase");
    case VIGIA_DIRECTION_DOWN: return _("Decrease");
    case VIGIA_DIRECTION_KEEP: return _("Keep");
    default:                   return _("Unknown");
    }
}

const char *
vigia_direction_get_arrow (VigiaDirection direction)
{
  switch (direction)
    {
    case VIGIA_DIRECTION_UP:   return "↑";
    case VIGIA_DIRECTION_DOWN: return "↓";
    case VIGIA_DIRECTION_KEEP: return "→";
    default:                   return "";
    }
}

const char *
vigia_reading_get_label (VigiaReading reading)
{
  switch (reading)
    {
    case VIGIA_READING_AUTOMATIC:    return _("Read automatically");
    case VIGIA_READING_NEEDS_REVIEW: return _("Needs review");
    case VIGIA_READING_REVIEWED:     return _("Reviewed");
    default:                         return _("Unknown");
    }
}

const char *
vigia_source_get_label (VigiaSource source)
{
  switch (source)
    {
    case VIGIA_SOURCE_AUTHORITY: return _("Authority");
    case VIGIA_SOURCE_OBSERVER:  return _("Observer");
    default:                     return _("Unknown");
    }
}

const char *
vigia_status_get_label (VigiaStatus status)
{
  switch (status)
    {
    case VIGIA_STATUS_NOT_RATED:   return _("Not rated");
    case VIGIA_STATUS_IN_PROGRESS: return _("In progress");
    case VIGIA_STATUS_STALLED:     return _("Stalled");
    case VIGIA_STATUS_PARTLY_KEPT: return _("Partly kept");
    case VIGIA_STATUS_KEPT:        return _("Kept");
    case VIGIA_STATUS_BROKEN:      return _("Broken");
    default:                       return _("Unknown");
    }
}
