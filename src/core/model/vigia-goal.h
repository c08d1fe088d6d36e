/* vigia-goal.h: one row of a plan's proposals: problem, objective, indicator, targets
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-enums.h"
#include "vigia-progress.h"
#include "vigia-target.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_GOAL (vigia_goal_get_type ())

G_DECLARE_FINAL_TYPE (VigiaGoal, vigia_goal, VIGIA, GOAL, GObject)

VigiaGoal      *vigia_goal_new                  (void);
VigiaGoal      *vigia_goal_copy                 (VigiaGoal      *self);
gint64          vigia_goal_get_id               (VigiaGoal      *self);
void            vigia_goal_set_id               (VigiaGoal      *self,
                                                 gint64          id);
const char     *vigia_goal_get_uuid             (VigiaGoal      *self);
void            vigia_goal_set_uuid             (VigiaGoal      *self,
                                                 const char     *uuid);
guint           vigia_goal_get_number           (VigiaGoal      *self);
void            vigia_goal_set_number           (VigiaGoal      *self,
                                                 guint           number);
const char     *vigia_goal_get_problem          (VigiaGoal      *self);
void            vigia_goal_set_problem          (VigiaGoal      *self,
                                                 const char     *problem);
const char     *vigia_goal_get_objective        (VigiaGoal      *self);
void            vigia_goal_set_objective        (VigiaGoal      *self,
                                                 const char     *objective);
const char     *vigia_goal_get_indicator        (VigiaGoal      *self);
void            vigia_goal_set_indicator        (VigiaGoal      *self,
                                                 const char     *indicator);
double          vigia_goal_get_weight           (VigiaGoal      *self);
void            vigia_goal_set_weight           (VigiaGoal      *self,
                                                 double          weight);
const char * const *vigia_goal_get_source_cells (VigiaGoal          *self);
void            vigia_goal_set_source_cells     (VigiaGoal          *self,
                                                 const char * const *cells);
GListModel     *vigia_goal_get_targets          (VigiaGoal      *self);
guint           vigia_goal_get_n_targets        (VigiaGoal      *self);
VigiaTarget    *vigia_goal_get_target           (VigiaGoal      *self,
                                                 guint           position);
VigiaTarget    *vigia_goal_find_target          (VigiaGoal      *self,
                                                 const char     *uuid);
gboolean        vigia_goal_get_target_position  (VigiaGoal      *self,
                                                 VigiaTarget    *target,
                                                 guint          *position);
void            vigia_goal_insert_target        (VigiaGoal      *self,
                                                 guint           position,
                                                 VigiaTarget    *target);
gboolean        vigia_goal_remove_target        (VigiaGoal      *self,
                                                 VigiaTarget    *target);
void            vigia_goal_set_targets          (VigiaGoal      *self,
                                                 GPtrArray      *targets);

char           *vigia_goal_dup_count_label      (guint           n_goals,
                                                 guint           n_targets);

/* The goal's first target's, for code that shows or edits a goal of one target. */
const char     *vigia_goal_get_target_text      (VigiaGoal      *self);
void            vigia_goal_set_target_text      (VigiaGoal      *self,
                                                 const char     *target_text);
double          vigia_goal_get_target_value     (VigiaGoal      *self);
void            vigia_goal_set_target_value     (VigiaGoal      *self,
                                                 double          value);
const char     *vigia_goal_get_target_unit      (VigiaGoal      *self);
void            vigia_goal_set_target_unit      (VigiaGoal      *self,
                                                 const char     *unit);
VigiaMeasure    vigia_goal_get_target_measure   (VigiaGoal      *self);
void            vigia_goal_set_target_measure   (VigiaGoal      *self,
                                                 VigiaMeasure    measure);
VigiaDirection  vigia_goal_get_target_direction (VigiaGoal      *self);
void            vigia_goal_set_target_direction (VigiaGoal      *self,
                                                 VigiaDirection  direction);
VigiaReading    vigia_goal_get_target_reading   (VigiaGoal      *self);
void            vigia_goal_set_target_reading   (VigiaGoal      *self,
                                                 VigiaReading    reading);
double          vigia_goal_get_baseline_value   (VigiaGoal      *self);
void            vigia_goal_set_baseline_value   (VigiaGoal      *self,
                                                 double          value);
int             vigia_goal_get_baseline_year    (VigiaGoal      *self);
void            vigia_goal_set_baseline_year    (VigiaGoal      *self,
                                                 int             year);
char           *vigia_goal_dup_target_label     (VigiaGoal      *self);
char           *vigia_goal_dup_value_label      (VigiaGoal      *self,
                                                 double          value);
GListModel     *vigia_goal_get_progress         (VigiaGoal      *self);
VigiaProgress  *vigia_goal_find_progress        (VigiaGoal      *self,
                                                 const char     *period,
                                                 VigiaSource     source);
void            vigia_goal_put_progress         (VigiaGoal      *self,
                                                 VigiaProgress  *progress);
gboolean        vigia_goal_remove_progress      (VigiaGoal      *self,
                                                 VigiaProgress  *progress);

VigiaStamp *vigia_goal_get_stamp (VigiaGoal *self);

G_END_DECLS
