/* vigia-cli.h: the commands of vigia-cli
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vigia-core.h"

G_BEGIN_DECLS

/* Exit statuses (HACKING.md, "Command line"). */
#define VIGIA_CLI_OK    0
#define VIGIA_CLI_ERROR 1
#define VIGIA_CLI_USAGE 2

typedef struct
{
  /* The --library given before the command, or NULL for the default. */
  char *library_path;
  /* The --as given before the command, or NULL. */
  char *author;
} VigiaCli;

typedef int (*VigiaCliCommand) (VigiaCli  *cli,
                                int        argc,
                                char     **argv);

int           vigia_cli_list          (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_show          (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_search        (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_progress      (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_assess        (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_import        (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_export        (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_publish       (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_admin         (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_copy          (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);
int           vigia_cli_restore       (VigiaCli    *cli,
                                       int          argc,
                                       char       **argv);

/* Shared by the commands. */
GOptionContext *vigia_cli_option_context (VigiaCli            *cli,
                                          const char          *parameters,
                                          const char          *summary,
                                          const GOptionEntry  *entries);
int             vigia_cli_parse          (GOptionContext      *context,
                                          int                 *argc,
                                          char              ***argv);
char           *vigia_cli_dup_library_location (VigiaCli      *cli);
VigiaLibrary   *vigia_cli_open_library   (VigiaCli            *cli,
                                          VigiaLibraryOpenFlags flags);
VigiaLibrary   *vigia_cli_open_library_for_writing (VigiaCli              *cli,
                                                    VigiaLibraryOpenFlags  flags);
VigiaPlan      *vigia_cli_load_plan      (VigiaLibrary        *library,
                                          const char          *reference);
int             vigia_cli_parse_period   (GOptionContext      *context,
                                          const char          *text,
                                          char               **period);
int             vigia_cli_parse_source   (GOptionContext      *context,
                                          const char          *text,
                                          VigiaSource         *source);
void            vigia_cli_error          (const char          *format,
                                          ...) G_GNUC_PRINTF (1, 2);
int             vigia_cli_usage_error    (GOptionContext      *context,
                                          const char          *message);
void            vigia_cli_print_json     (JsonNode            *node);
gboolean        vigia_cli_write_output   (const char          *output,
                                          VigiaContentsWriter  write,
                                          gpointer             user_data,
                                          GError             **error);
int             vigia_cli_print_plans    (VigiaLibrary        *library,
                                          GArray              *ids,
                                          gboolean             json);

G_END_DECLS
