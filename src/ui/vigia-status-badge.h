/* vigia-status-badge.h: a goal's status as a coloured label with its word
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_STATUS_BADGE (vigia_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (VigiaStatusBadge, vigia_status_badge, VIGIA, STATUS_BADGE, GtkWidget)

GtkWidget   *vigia_status_badge_new        (VigiaStatus       status);
VigiaStatus  vigia_status_badge_get_status (VigiaStatusBadge *self);
void         vigia_status_badge_set_status (VigiaStatusBadge *self,
                                            VigiaStatus       status);
const char  *vigia_status_badge_get_label  (VigiaStatusBadge *self);

G_END_DECLS
