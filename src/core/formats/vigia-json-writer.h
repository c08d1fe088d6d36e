/* vigia-json-writer.h: writes Vigía's exchange format (vigia-plans, version 2)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-library.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

#define VIGIA_EXCHANGE_FORMAT  "vigia-plans"
#define VIGIA_EXCHANGE_VERSION 3

#define VIGIA_TYPE_JSON_WRITER (vigia_json_writer_get_type ())

G_DECLARE_FINAL_TYPE (VigiaJsonWriter, vigia_json_writer, VIGIA, JSON_WRITER, GObject)

VigiaJsonWriter *vigia_json_writer_new              (GOutputStream    *stream);
void             vigia_json_writer_set_since        (VigiaJsonWriter  *self,
                                                     const char       *since);
gboolean         vigia_json_writer_plan_changed     (VigiaPlan        *plan,
                                                     const char       *since);
gboolean         vigia_json_writer_begin            (VigiaJsonWriter  *self,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
gboolean         vigia_json_writer_add_plan         (VigiaJsonWriter  *self,
                                                     VigiaPlan        *plan,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
gboolean         vigia_json_writer_end              (VigiaJsonWriter  *self,
                                                     GCancellable     *cancellable,
                                                     GError          **error);

gboolean         vigia_json_writer_write_plans      (GOutputStream    *stream,
                                                     VigiaLibrary     *library,
                                                     GArray           *ids,
                                                     const char       *since,
                                                     guint            *n_written,
                                                     GCancellable     *cancellable,
                                                     GError          **error);

char            *vigia_json_writer_plan_to_string   (VigiaPlan        *plan);
char            *vigia_json_writer_goal_to_string   (VigiaGoal        *goal);

G_END_DECLS
