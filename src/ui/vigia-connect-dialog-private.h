/* vigia-connect-dialog-private.h: what the tests see of the dialog
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-connect-dialog.h"

G_BEGIN_DECLS

struct _VigiaConnectDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkStack         *connect_stack;
  GtkWidget        *connect_button;
  AdwPreferencesGroup *fields_group;
  AdwEntryRow      *server_row;
  AdwEntryRow      *database_row;
  AdwEntryRow      *user_row;
  AdwEntryRow      *password_row;
  GtkSwitch        *remember_switch;
  GtkLabel         *error_label;

  VigiaApplication *app;
  GCancellable     *cancellable;
  gboolean          connecting;
  /* Set while the password shown is the keyring's for the fields shown. */
  gboolean          password_from_keyring;
  gboolean          looking_up_password;
  /* Connect once the keyring has answered (vigia_connect_dialog_connect_when_ready()). */
  gboolean          connect_when_ready;
};

G_END_DECLS
