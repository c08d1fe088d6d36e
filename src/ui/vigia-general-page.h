/* vigia-general-page.h: what a plan says of itself: organization, place, term, texts
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_GENERAL_PAGE (vigia_general_page_get_type ())

G_DECLARE_FINAL_TYPE (VigiaGeneralPage, vigia_general_page, VIGIA, GENERAL_PAGE, GtkWidget)

void vigia_general_page_set_undo_stack (VigiaGeneralPage *self,
                                        VigiaUndoStack   *undo_stack);

G_END_DECLS
