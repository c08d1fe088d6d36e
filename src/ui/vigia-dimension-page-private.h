/* vigia-dimension-page-private.h: what the tests see of vigia-dimension-page.c beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-dimension-page.h"

G_BEGIN_DECLS

VigiaGoalCard  *vigia_dimension_page_add_goal      (VigiaDimensionPage *self);
VigiaGoalCard  *vigia_dimension_page_get_card      (VigiaDimensionPage *self,
                                                    guint               position);
guint           vigia_dimension_page_get_n_cards   (VigiaDimensionPage *self);

G_END_DECLS
