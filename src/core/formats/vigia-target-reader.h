/* vigia-target-reader.h: reads a meta as written into a value, a unit and a direction
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigia-enums.h"
#include "vigia-goal.h"

G_BEGIN_DECLS

typedef struct
{
  /* VIGIA_NO_VALUE unless the meta holds exactly one readable target. */
  double          value;
  /* "%", "US$", "S/", or a count's unit as written ("MYPES ATENDIDAS"); NULL if none. */
  char           *unit;
  VigiaMeasure    measure;
  VigiaDirection  direction;
  /* VIGIA_READING_AUTOMATIC or VIGIA_READING_NEEDS_REVIEW. */
  VigiaReading    reading;
  /* "de 40 % a 30 %": the 40 the meta starts from; VIGIA_NO_VALUE otherwise. */
  double          baseline;
} VigiaTargetReading;

void vigia_target_read          (const char          *text,
                                 VigiaTargetReading  *reading);
void vigia_target_reading_clear (VigiaTargetReading  *reading);
void vigia_target_update_reading (VigiaTarget        *target);

G_END_DECLS
