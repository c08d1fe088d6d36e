/* vigia-ui-test-utils.h: what the tests of windows and widgets share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-application.h"

G_BEGIN_DECLS

VigiaApplication *vigia_test_init_application (int    *argc,
                                               char ***argv);
void     vigia_test_wait_idle       (void);
GtkWindow *vigia_test_find_window   (GType       type);
void     vigia_test_wait_for_signal (gpointer    instance,
                                     const char *signal);
gboolean vigia_test_wait_until      (gboolean  (*condition) (gpointer data),
                                     gpointer    data);
void     vigia_test_respond         (const char *heading,
                                     const char *response);
void     vigia_test_close_dialogs   (void);
void     vigia_test_assert_description (GtkWidget  *widget,
                                        const char *expected);

G_END_DECLS
