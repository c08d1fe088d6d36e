/* vigia-text-field.h: a titled, multi-line text of the plan, in a frame
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_TEXT_FIELD (vigia_text_field_get_type ())

G_DECLARE_FINAL_TYPE (VigiaTextField, vigia_text_field, VIGIA, TEXT_FIELD, GtkWidget)

GtkWidget   *vigia_text_field_new           (const char     *title);
const char  *vigia_text_field_get_title     (VigiaTextField *self);
void         vigia_text_field_set_title     (VigiaTextField *self,
                                             const char     *title);
GtkTextView *vigia_text_field_get_text_view (VigiaTextField *self);
void         vigia_text_field_set_placeholder (VigiaTextField *self,
                                               const char     *placeholder);
char        *vigia_text_field_dup_text      (VigiaTextField *self);
void         vigia_text_field_bind          (VigiaTextField *self,
                                             VigiaUndoStack *undo_stack,
                                             GObject        *object,
                                             const char     *property);

G_END_DECLS
