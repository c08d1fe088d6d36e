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
  const char *localedir;

  setlocale (LC_ALL, "");
  /* VIGIA_LOCALEDIR lets the build tree and the tests use fresh translations. */
  localedir = g_getenv ("VIGIA_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = vigia_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
