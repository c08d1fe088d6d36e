/* vigia-popover-fit.h: keeping a popover inside a small window
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a popover leaves between itself and its window's sides. */
#define VIGIA_POPOVER_MARGIN 12

int  vigia_popover_get_window_size (GtkWidget      *popover,
                                    GtkOrientation  orientation);
void vigia_popover_measure_frame   (GtkWidget      *popover,
                                    GtkWidgetClass *parent_class,
                                    int            *child_width,
                                    int            *frame_width,
                                    int            *frame_height);
int  vigia_popover_shift_into      (int             start,
                                    int             size,
                                    int             window_size);

G_END_DECLS
