/* vigia-edit-binding.h: a text widget bound to a string property of the open plan
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigia-core.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_EDIT_BINDING (vigia_edit_binding_get_type ())

G_DECLARE_FINAL_TYPE (VigiaEditBinding, vigia_edit_binding, VIGIA, EDIT_BINDING, GObject)

void vigia_edit_binding_bind_editable (GtkEditable    *editable,
                                       VigiaUndoStack *undo_stack,
                                       GObject        *object,
                                       const char     *property);
void vigia_edit_binding_bind_text_view (GtkTextView    *text_view,
                                        VigiaUndoStack *undo_stack,
                                        GObject        *object,
                                        const char     *property);
void vigia_edit_binding_unbind         (GtkWidget      *widget);

G_END_DECLS
