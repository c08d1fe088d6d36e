/* vigia-progress.h: one progress entry of a goal, for a period and a source
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigia-stamp.h"

#include "vigia-enums.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PROGRESS (vigia_progress_get_type ())

G_DECLARE_FINAL_TYPE (VigiaProgress, vigia_progress, VIGIA, PROGRESS, GObject)

VigiaProgress       *vigia_progress_new          (const char          *period,
                                                  VigiaSource          source);
VigiaProgress       *vigia_progress_copy         (VigiaProgress       *self);
gint64               vigia_progress_get_id       (VigiaProgress       *self);
void                 vigia_progress_set_id       (VigiaProgress       *self,
                                                  gint64               id);
const char          *vigia_progress_get_period   (VigiaProgress       *self);
void                 vigia_progress_set_period   (VigiaProgress       *self,
                                                  const char          *period);
VigiaSource          vigia_progress_get_source   (VigiaProgress       *self);
void                 vigia_progress_set_source   (VigiaProgress       *self,
                                                  VigiaSource          source);
double               vigia_progress_get_value    (VigiaProgress       *self);
void                 vigia_progress_set_value    (VigiaProgress       *self,
                                                  double               value);
VigiaStatus          vigia_progress_get_status   (VigiaProgress       *self);
void                 vigia_progress_set_status   (VigiaProgress       *self,
                                                  VigiaStatus          status);
const char          *vigia_progress_get_note     (VigiaProgress       *self);
void                 vigia_progress_set_note     (VigiaProgress       *self,
                                                  const char          *note);
const char * const  *vigia_progress_get_evidence (VigiaProgress       *self);
void                 vigia_progress_set_evidence (VigiaProgress       *self,
                                                  const char * const  *evidence);
const char          *vigia_progress_get_recorded (VigiaProgress       *self);
void                 vigia_progress_set_recorded (VigiaProgress       *self,
                                                  const char          *recorded);

char                *vigia_progress_parse_date   (const char          *text,
                                                  GError             **error);

VigiaStamp *vigia_progress_get_stamp (VigiaProgress *self);

G_END_DECLS
