/* vigia-target.h: one target (meta) of a goal, what progress is recorded against
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-enums.h"
#include "vigia-progress.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_TARGET (vigia_target_get_type ())

G_DECLARE_FINAL_TYPE (VigiaTarget, vigia_target, VIGIA, TARGET, GObject)

/* Declared here, defined in vigia-goal.h: a target knows its goal. */
typedef struct _VigiaGoal VigiaGoal;

VigiaTarget    *vigia_target_new                (void);
VigiaTarget    *vigia_target_copy               (VigiaTarget    *self);
gint64          vigia_target_get_id             (VigiaTarget    *self);
void            vigia_target_set_id             (VigiaTarget    *self,
                                                 gint64          id);
const char     *vigia_target_get_uuid           (VigiaTarget    *self);
void            vigia_target_set_uuid           (VigiaTarget    *self,
                                                 const char     *uuid);
const char     *vigia_target_get_text           (VigiaTarget    *self);
void            vigia_target_set_text           (VigiaTarget    *self,
                                                 const char     *text);
double          vigia_target_get_value          (VigiaTarget    *self);
void            vigia_target_set_value          (VigiaTarget    *self,
                                                 double          value);
const char     *vigia_target_get_unit           (VigiaTarget    *self);
void            vigia_target_set_unit           (VigiaTarget    *self,
                                                 const char     *unit);
VigiaMeasure    vigia_target_get_measure        (VigiaTarget    *self);
void            vigia_target_set_measure        (VigiaTarget    *self,
                                                 VigiaMeasure    measure);
VigiaDirection  vigia_target_get_direction      (VigiaTarget    *self);
void            vigia_target_set_direction      (VigiaTarget    *self,
                                                 VigiaDirection  direction);
VigiaReading    vigia_target_get_reading        (VigiaTarget    *self);
void            vigia_target_set_reading        (VigiaTarget    *self,
                                                 VigiaReading    reading);
double          vigia_target_get_baseline_value (VigiaTarget    *self);
void            vigia_target_set_baseline_value (VigiaTarget    *self,
                                                 double          value);
int             vigia_target_get_baseline_year  (VigiaTarget    *self);
void            vigia_target_set_baseline_year  (VigiaTarget    *self,
                                                 int             year);
double          vigia_target_get_weight         (VigiaTarget    *self);
void            vigia_target_set_weight         (VigiaTarget    *self,
                                                 double          weight);
VigiaGoal      *vigia_target_get_goal           (VigiaTarget    *self);
void            _vigia_target_set_goal          (VigiaTarget    *self,
                                                 VigiaGoal      *goal);
char           *vigia_target_dup_label          (VigiaTarget    *self);
char           *vigia_target_dup_value_label    (VigiaTarget    *self,
                                                 double          value);
GListModel     *vigia_target_get_progress       (VigiaTarget    *self);
VigiaProgress  *vigia_target_find_progress      (VigiaTarget    *self,
                                                 const char     *period,
                                                 VigiaSource     source);
void            vigia_target_put_progress       (VigiaTarget    *self,
                                                 VigiaProgress  *progress);
gboolean        vigia_target_remove_progress    (VigiaTarget    *self,
                                                 VigiaProgress  *progress);

VigiaStamp *vigia_target_get_stamp (VigiaTarget *self);

G_END_DECLS
