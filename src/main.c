/* main.c: vigia, the desktop application
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vigia-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(VigiaApplication) app = NULL;

  vigia_init_i18n ();

  app = vigia_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
