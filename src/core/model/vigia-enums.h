/* vigia-enums.h: the closed vocabularies of the plan model
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each enum is registered with GType by glib-mkenums, so that its nick (the
 * lower-case, dash-separated name) is the string stored in the library and
 * written in the exchange format: "municipal-district", "percent-change", …
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  VIGIA_ELECTION_MUNICIPAL_DISTRICT,
  VIGIA_ELECTION_MUNICIPAL_PROVINCE,
  VIGIA_ELECTION_REGIONAL,
  VIGIA_ELECTION_GENERAL,
} VigiaElection;

typedef enum {
  VIGIA_DIMENSION_KIND_SOCIAL,
  VIGIA_DIMENSION_KIND_ECONOMIC,
  VIGIA_DIMENSION_KIND_ENVIRONMENTAL,
  VIGIA_DIMENSION_KIND_INSTITUTIONAL,
  VIGIA_DIMENSION_KIND_OTHER,
} VigiaDimensionKind;

typedef enum {
  VIGIA_MEASURE_PERCENT,
  VIGIA_MEASURE_PERCENT_CHANGE,
  VIGIA_MEASURE_COUNT,
  VIGIA_MEASURE_AMOUNT,
  VIGIA_MEASURE_QUALITATIVE,
} VigiaMeasure;

typedef enum {
  VIGIA_DIRECTION_UP,
  VIGIA_DIRECTION_DOWN,
  VIGIA_DIRECTION_KEEP,
} VigiaDirection;

typedef enum {
  VIGIA_READING_AUTOMATIC,
  VIGIA_READING_NEEDS_REVIEW,
  VIGIA_READING_REVIEWED,
} VigiaReading;

typedef enum {
  VIGIA_SOURCE_AUTHORITY,
  VIGIA_SOURCE_OBSERVER,
} VigiaSource;

typedef enum {
  VIGIA_STATUS_NOT_RATED,
  VIGIA_STATUS_IN_PROGRESS,
  VIGIA_STATUS_STALLED,
  VIGIA_STATUS_PARTLY_KEPT,
  VIGIA_STATUS_KEPT,
  VIGIA_STATUS_BROKEN,
} VigiaStatus;

#define VIGIA_N_STATUSES (VIGIA_STATUS_BROKEN + 1)

const char *vigia_enum_to_nick   (GType       enum_type,
                                  int         value);
gboolean    vigia_enum_from_nick (GType       enum_type,
                                  const char *nick,
                                  int        *value);

const char *vigia_election_get_label       (VigiaElection      election);
const char *vigia_dimension_kind_get_label (VigiaDimensionKind kind);
const char *vigia_measure_get_label        (VigiaMeasure       measure);
const char *vigia_direction_get_label      (VigiaDirection     direction);
const char *vigia_direction_get_arrow      (VigiaDirection     direction);
const char *vigia_reading_get_label        (VigiaReading       reading);
const char *vigia_source_get_label         (VigiaSource        source);
const char *vigia_status_get_label         (VigiaStatus        status);

gboolean    vigia_status_parse             (const char        *text,
                                            VigiaStatus       *status,
                                            GError           **error);
gboolean    vigia_source_parse             (const char        *text,
                                            VigiaSource       *source,
                                            GError           **error);

G_END_DECLS
