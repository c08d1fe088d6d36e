/* vigia-progress-cell.h: one target in one semester of the progress grid
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_PROGRESS_CELL (vigia_progress_cell_get_type ())

G_DECLARE_FINAL_TYPE (VigiaProgressCell, vigia_progress_cell, VIGIA, PROGRESS_CELL, GtkWidget)

GtkWidget  *vigia_progress_cell_new        (void);
void        vigia_progress_cell_set_dimension (VigiaProgressCell *self,
                                               const char        *dimension);
void        vigia_progress_cell_bind       (VigiaProgressCell *self,
                                            VigiaTarget       *target,
                                            const char        *period,
                                            gboolean           current,
                                            gboolean           future);
VigiaTarget *vigia_progress_cell_get_target (VigiaProgressCell *self);
const char *vigia_progress_cell_get_period (VigiaProgressCell *self);

G_END_DECLS
