/* vigia-optional-label.h: a label shown only where it fits whole
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIA_TYPE_OPTIONAL_LABEL (vigia_optional_label_get_type ())

G_DECLARE_FINAL_TYPE (VigiaOptionalLabel, vigia_optional_label, VIGIA, OPTIONAL_LABEL, GtkWidget)

GtkWidget  *vigia_optional_label_new       (const char         *label);
const char *vigia_optional_label_get_label (VigiaOptionalLabel *self);
void        vigia_optional_label_set_label (VigiaOptionalLabel *self,
                                            const char         *label);

G_END_DECLS
