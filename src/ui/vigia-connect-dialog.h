/* vigia-connect-dialog.h: Connect to a Shared Library… (a library on a PostgreSQL server)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-application.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_CONNECT_DIALOG (vigia_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VigiaConnectDialog, vigia_connect_dialog, VIGIA, CONNECT_DIALOG, AdwWindow)

GtkWidget *vigia_connect_dialog_new (VigiaApplication *app,
                                     GtkWindow        *parent);

void       vigia_connect_dialog_connect_when_ready (VigiaConnectDialog *self);

G_END_DECLS
