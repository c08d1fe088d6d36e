/* vigia-dimension.h: one dimension of a plan (social, económica, …) and its goals
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-enums.h"
#include "vigia-goal.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_DIMENSION (vigia_dimension_get_type ())

G_DECLARE_FINAL_TYPE (VigiaDimension, vigia_dimension, VIGIA, DIMENSION, GObject)

VigiaDimension     *vigia_dimension_new          (VigiaDimensionKind  kind,
                                                  const char         *title);
VigiaDimension     *vigia_dimension_copy         (VigiaDimension     *self);
gint64              vigia_dimension_get_id       (VigiaDimension     *self);
void                vigia_dimension_set_id       (VigiaDimension     *self,
                                                  gint64              id);
VigiaDimensionKind  vigia_dimension_get_kind     (VigiaDimension     *self);
void                vigia_dimension_set_kind     (VigiaDimension     *self,
                                                  VigiaDimensionKind  kind);
const char         *vigia_dimension_get_title    (VigiaDimension     *self);
void                vigia_dimension_set_title    (VigiaDimension     *self,
                                                  const char         *title);
char               *vigia_dimension_dup_name     (VigiaDimension     *self);
GListModel         *vigia_dimension_get_goals    (VigiaDimension     *self);
guint               vigia_dimension_get_n_goals  (VigiaDimension     *self);
VigiaGoal          *vigia_dimension_get_goal     (VigiaDimension     *self,
                                                  guint               position);
void                vigia_dimension_insert_goal  (VigiaDimension     *self,
                                                  guint               position,
                                                  VigiaGoal          *goal);
void                vigia_dimension_append_goal  (VigiaDimension     *self,
                                                  VigiaGoal          *goal);
gboolean            vigia_dimension_remove_goal  (VigiaDimension     *self,
                                                  VigiaGoal          *goal,
                                                  guint              *position);

G_END_DECLS
