/* vigia-plan.h: a plan de gobierno, its dimensions and their goals
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-dimension.h"
#include "vigia-enums.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PLAN (vigia_plan_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPlan, vigia_plan, VIGIA, PLAN, GObject)

VigiaPlan      *vigia_plan_new                     (void);
VigiaPlan      *vigia_plan_copy                    (VigiaPlan      *self);
VigiaPlan      *vigia_plan_duplicate               (VigiaPlan      *self);
void            vigia_plan_clear_ids               (VigiaPlan      *self);
gint64          vigia_plan_get_id                  (VigiaPlan      *self);
void            vigia_plan_set_id                  (VigiaPlan      *self,
                                                    gint64          id);
const char     *vigia_plan_get_uuid                (VigiaPlan      *self);
void            vigia_plan_set_uuid                (VigiaPlan      *self,
                                                    const char     *uuid);
const char     *vigia_plan_get_organization        (VigiaPlan      *self);
void            vigia_plan_set_organization        (VigiaPlan      *self,
                                                    const char     *organization);
VigiaElection   vigia_plan_get_election            (VigiaPlan      *self);
void            vigia_plan_set_election            (VigiaPlan      *self,
                                                    VigiaElection   election);
const char     *vigia_plan_get_process             (VigiaPlan      *self);
void            vigia_plan_set_process             (VigiaPlan      *self,
                                                    const char     *process);
const char     *vigia_plan_get_department          (VigiaPlan      *self);
void            vigia_plan_set_department          (VigiaPlan      *self,
                                                    const char     *department);
const char     *vigia_plan_get_province            (VigiaPlan      *self);
void            vigia_plan_set_province            (VigiaPlan      *self,
                                                    const char     *province);
const char     *vigia_plan_get_district            (VigiaPlan      *self);
void            vigia_plan_set_district            (VigiaPlan      *self,
                                                    const char     *district);
const char     *vigia_plan_get_ubigeo              (VigiaPlan      *self);
void            vigia_plan_set_ubigeo              (VigiaPlan      *self,
                                                    const char     *ubigeo);
int             vigia_plan_get_term_start          (VigiaPlan      *self);
void            vigia_plan_set_term_start          (VigiaPlan      *self,
                                                    int             year);
int             vigia_plan_get_term_end            (VigiaPlan      *self);
void            vigia_plan_set_term_end            (VigiaPlan      *self,
                                                    int             year);
const char     *vigia_plan_get_ideario             (VigiaPlan      *self);
void            vigia_plan_set_ideario             (VigiaPlan      *self,
                                                    const char     *ideario);
const char     *vigia_plan_get_vision              (VigiaPlan      *self);
void            vigia_plan_set_vision              (VigiaPlan      *self,
                                                    const char     *vision);
const char     *vigia_plan_get_accountability      (VigiaPlan      *self);
void            vigia_plan_set_accountability      (VigiaPlan      *self,
                                                    const char     *accountability);
const char     *vigia_plan_get_authority_name      (VigiaPlan      *self);
void            vigia_plan_set_authority_name      (VigiaPlan      *self,
                                                    const char     *name);
gboolean        vigia_plan_get_authority_elected   (VigiaPlan      *self);
void            vigia_plan_set_authority_elected   (VigiaPlan      *self,
                                                    gboolean        elected);
const char     *vigia_plan_get_source_format       (VigiaPlan      *self);
void            vigia_plan_set_source_format       (VigiaPlan      *self,
                                                    const char     *format);
/* How a plan read from the JNE's data names it: "JNE idPlanGobierno 17190, …". */
#define VIGIA_PLAN_JNE_REFERENCE "JNE idPlanGobierno "

const char     *vigia_plan_get_source_reference    (VigiaPlan      *self);
gint64          vigia_plan_get_jne_ref             (VigiaPlan      *self);
void            vigia_plan_set_source_reference    (VigiaPlan      *self,
                                                    const char     *reference);
const char     *vigia_plan_get_source_imported     (VigiaPlan      *self);
void            vigia_plan_set_source_imported     (VigiaPlan      *self,
                                                    const char     *imported);
const char     *vigia_plan_get_source_digest       (VigiaPlan      *self);
void            vigia_plan_set_source_digest       (VigiaPlan      *self,
                                                    const char     *digest);
const char     *vigia_plan_get_created             (VigiaPlan      *self);
void            vigia_plan_set_created             (VigiaPlan      *self,
                                                    const char     *created);
const char     *vigia_plan_get_changed             (VigiaPlan      *self);
void            vigia_plan_set_changed             (VigiaPlan      *self,
                                                    const char     *changed);
GListModel     *vigia_plan_get_dimensions          (VigiaPlan      *self);
guint           vigia_plan_get_n_dimensions        (VigiaPlan      *self);
VigiaDimension *vigia_plan_get_dimension           (VigiaPlan      *self,
                                                    guint           position);
void            vigia_plan_insert_dimension        (VigiaPlan      *self,
                                                    guint           position,
                                                    VigiaDimension *dimension);
void            vigia_plan_append_dimension        (VigiaPlan      *self,
                                                    VigiaDimension *dimension);
gboolean        vigia_plan_remove_dimension        (VigiaPlan      *self,
                                                    VigiaDimension *dimension,
                                                    guint          *position);
guint           vigia_plan_get_n_goals             (VigiaPlan      *self);
VigiaDimension *vigia_plan_find_goal               (VigiaPlan      *self,
                                                    const char     *goal_uuid,
                                                    VigiaGoal     **goal);
char           *vigia_plan_dup_dimension_ref       (VigiaPlan      *self,
                                                    guint           position);
GPtrArray      *vigia_plan_list_targets            (VigiaPlan      *self);
VigiaTarget    *vigia_plan_find_target             (VigiaPlan      *self,
                                                    const char     *target_uuid,
                                                    VigiaGoal     **goal);
void            vigia_plan_add_standard_dimensions (VigiaPlan      *self);
char           *vigia_plan_dup_place_label         (VigiaPlan      *self);
char           *vigia_plan_dup_term_label          (VigiaPlan      *self);
gboolean        vigia_plan_has_term                (VigiaPlan      *self);

char           *vigia_place_label                  (const char     *department,
                                                    const char     *province,
                                                    const char     *district);
char           *vigia_term_label                   (int             start,
                                                    int             end);

VigiaStamp *vigia_plan_get_stamp     (VigiaPlan *self);
GPtrArray  *vigia_plan_get_deletions (VigiaPlan *self);
void        vigia_plan_mark_merged   (VigiaPlan *self);

G_END_DECLS
