/* vigia-plan-editor-private.h: what the tests see of vigia-plan-editor.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-plan-editor.h"

G_BEGIN_DECLS

VigiaDimensionPage *vigia_plan_editor_get_dimension_page (VigiaPlanEditor *self,
                                                          guint            position);
guint               vigia_plan_editor_get_n_dimension_pages (VigiaPlanEditor *self);
VigiaProgressPage  *vigia_plan_editor_get_progress_page  (VigiaPlanEditor *self);

G_END_DECLS
