/* vigia-compare-page.h: every plan of the library ranked by achievement
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_COMPARE_PAGE (vigia_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (VigiaComparePage, vigia_compare_page, VIGIA, COMPARE_PAGE, GtkWidget)

void             vigia_compare_page_set_library  (VigiaComparePage  *self,
                                                  VigiaLibrary      *library);

G_END_DECLS
