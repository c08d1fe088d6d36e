/* vigia-enums.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigia-enums.h"
#include "vigia-error.h"
#include "vigia-utils.h"

/* Words people write for a status or a source, in a spreadsheet or on the
 * command line: the nick, the English label and the Spanish one, compared
 * folded (any case, any accents). */
typedef struct
{
  const char *word;
  int         value;
} Word;

static const Word status_words[] = {
  { "not-rated", VIGIA_STATUS_NOT_RATED },
  { "not rated", VIGIA_STATUS_NOT_RATED },
  { "sin evaluar", VIGIA_STATUS_NOT_RATED },
  { "in-progress", VIGIA_STATUS_IN_PROGRESS },
  { "in progress", VIGIA_STATUS_IN_PROGRESS },
  { "en marcha", VIGIA_STATUS_IN_PROGRESS },
  { "stalled", VIGIA_STATUS_STALLED },
  { "estancada", VIGIA_STATUS_STALLED },
  { "estancado", VIGIA_STATUS_STALLED },
  { "partly-kept", VIGIA_STATUS_PARTLY_KEPT },
  { "partly kept", VIGIA_STATUS_PARTLY_KEPT },
  { "cumplida en parte", VIGIA_STATUS_PARTLY_KEPT },
  { "cumplido en parte", VIGIA_STATUS_PARTLY_KEPT },
  { "kept", VIGIA_STATUS_KEPT },
  { "cumplida", VIGIA_STATUS_KEPT },
  { "cumplido", VIGIA_STATUS_KEPT },
  { "broken", VIGIA_STATUS_BROKEN },
  { "incumplida", VIGIA_STATUS_BROKEN },
  { "incumplido", VIGIA_STATUS_BROKEN },
}, source_words[] = {
  { "authority", VIGIA_SOURCE_AUTHORITY },
  { "autoridad", VIGIA_SOURCE_AUTHORITY },
  { "observer", VIGIA_SOURCE_OBSERVER },
  { "observador", VIGIA_SOURCE_OBSERVER },
};

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

static gboolean
find_word (const char *folded,
           const Word *words,
           guint       n_words,
           int        *value)
{
  for (guint i = 0; i < n_words; i++)
    if (g_strcmp0 (folded, words[i].word) == 0)
      {
        *value = words[i].value;
        return TRUE;
      }
  return FALSE;
}

/**
 * vigia_status_parse:
 * @text: a status as typed: its nick ("partly-kept"), or its English or
 *   Spanish words ("Cumplida en parte"), whatever the case and accents
 * @status: (out): the status
 *
 * What the progress spreadsheets and `vigia-cli progress set --status` read.
 *
 * Returns: %TRUE, or %FALSE with @error (%VIGIA_ERROR_PARSE) saying why
 */
gboolean
vigia_status_parse (const char   *text,
                    VigiaStatus  *status,
                    GError      **error)
{
  g_autofree char *folded = NULL;
  int value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = vigia_text_fold (text);
  if (find_word (folded, status_words, G_N_ELEMENTS (status_words), &value))
    {
      *status = value;
      return TRUE;
    }

  /* The words of the language Vigía runs in, whatever it is. */
  for (int i = 0; i < VIGIA_N_STATUSES; i++)
    {
      g_autofree char *label = vigia_text_fold (vigia_status_get_label (i));

      if (g_strcmp0 (label, folded) == 0)
        {
          *status = i;
          return TRUE;
        }
    }

  g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE,
               _("“%s” is not a status: write not-rated, in-progress, stalled, partly-kept, kept or broken"),
               text);
  return FALSE;
}

/**
 * vigia_source_parse:
 * @text: a source as typed: "authority" or "observer", or "autoridad",
 *   "observador", whatever the case and accents
 * @source: (out): the source
 *
 * Returns: %TRUE, or %FALSE with @error (%VIGIA_ERROR_PARSE) saying why
 */
gboolean
vigia_source_parse (const char   *text,
                    VigiaSource  *source,
                    GError      **error)
{
  g_autofree char *folded = NULL;
  int value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = vigia_text_fold (text);
  if (!find_word (folded, source_words, G_N_ELEMENTS (source_words), &value))
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE,
                   _("“%s” is not a source: write authority or observer"), text);
      return FALSE;
    }
  *source = value;
  return TRUE;
}
