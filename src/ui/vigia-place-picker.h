/* vigia-place-picker.h: a place of Peru, chosen department → province → district
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIA_TYPE_PLACE_PICKER (vigia_place_picker_get_type ())

G_DECLARE_FINAL_TYPE (VigiaPlacePicker, vigia_place_picker, VIGIA, PLACE_PICKER, GtkWidget)

GtkWidget  *vigia_place_picker_new      (void);
const char *vigia_place_picker_get_code (VigiaPlacePicker *self);
void        vigia_place_picker_set_code (VigiaPlacePicker *self,
                                         const char       *code);
char       *vigia_place_picker_dup_place_text (VigiaPlacePicker *self);

G_END_DECLS
