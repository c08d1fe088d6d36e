/* vigia-cli-import.c: import
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-cli.h"

typedef struct
{
  int         status;
  GPtrArray  *files;
  /* The files as the user named them, for the messages. */
  char      **names;
  /* For the summary that ends an import with the JNE's lists */
  gboolean    lists_seen;
  guint       n_refused;
  /* Plan ids: those imported or completed, those placed by a list, and
   * those still without a place (→ "FILE (ORGANIZATION)"), the last word
   * on a plan being the one that counts. */
  GHashTable *plans;
  GHashTable *placed;
  GHashTable *unplaced;
} ImportRun;

/* What merging a plan the library had did, and each conflict with the
 * command that puts back the version set aside. */
static void
print_merge (const VigiaMergeSummary *merge)
{
  g_autofree char *description = vigia_merge_summary_dup_description (merge);

  g_print ("  %s\n", description);
  for (guint i = 0; i < merge->conflicts->len; i++)
    {
      const VigiaConflict *conflict = g_ptr_array_index (merge->conflicts, i);
      g_autofree char *what = vigia_conflict_dup_description (conflict);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, conflict->history_id);

      /* TRANSLATORS: "conflict: Social, goal 2: Kept …; … is in the history (restore it: vigia-cli restore 41)" */
      g_print (_("  conflict: %s: %s (restore it: vigia-cli restore %s)"), conflict->label, what, number);
      g_print ("\n");
    }
}

static void
print_result (ImportRun         *run,
              VigiaImportResult *result,
              const char        *name)
{
  g_autofree char *goals = vigia_goal_dup_count_label (result->n_goals, result->n_targets);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, result->plan_id);

  if (result->outcome == VIGIA_IMPORT_LISTS)
    {
      run->lists_seen = TRUE;
      if (result->heads)
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s: the head of %u JNE list read, %u new to the library\n",
                              "%s: the heads of %u JNE lists read, %u new to the library\n", result->n_lists),
                 name, result->n_lists, result->n_new_lists);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u JNE list read, %u new to the library\n",
                              "%s: %u JNE lists read, %u new to the library\n", result->n_lists),
                 name, result->n_lists, result->n_new_lists);
      return;
    }

  if (result->outcome != VIGIA_IMPORT_ALREADY_PRESENT || result->placed_by_list)
    g_hash_table_add (run->plans, g_memdup2 (&result->plan_id, sizeof result->plan_id));
  if (result->placed_by_list)
    g_hash_table_add (run->placed, g_memdup2 (&result->plan_id, sizeof result->plan_id));
  if (result->missing_place)
    g_hash_table_insert (run->unplaced, g_memdup2 (&result->plan_id, sizeof result->plan_id),
                         g_strdup_printf ("%s (%s)", name, result->organization));
  else
    g_hash_table_remove (run->unplaced, &result->plan_id);

  switch (result->outcome)
    {
    case VIGIA_IMPORT_LISTS:
      g_assert_not_reached ();
    case VIGIA_IMPORT_ALREADY_PRESENT:
      g_print (_("%s: already in the library as plan %s (%s)"), name, id, result->organization);
      g_print ("\n");
      break;
    case VIGIA_IMPORT_UPDATED:
      g_print ("%s\t%s\t%s\t%s\t%s\n", id, result->organization, result->place_label, goals,
               _("updated"));
      if (result->merge != NULL)
        print_merge (result->merge);
      break;
    case VIGIA_IMPORT_ADDED:
    default:
      g_print ("%s\t%s\t%s\t%s\n", id, result->organization, result->place_label, goals);
      break;
    }

  /* Not an error, but never silent: the plan needs completing. */
  if (result->missing_place)
    g_printerr (_("%s: plan %s has no place: import the file again with --place to give it one.\n"),
                name, id);
  if (result->unknown_place)
    g_printerr (_("%s: plan %s: the place “%s” is not in the UBIGEO table (INEI 2025): it was "
                  "imported as written, without a code.\n"), name, id, result->place_label);
  if (result->missing_term)
    g_printerr (_("%s: plan %s has no term: import the file again with --term to give it one.\n"),
                name, id);
}

static void
import_file_done_cb (GFile        *file,
                     GPtrArray    *results,
                     const GError *error,
                     gpointer      user_data)
{
  ImportRun *run = user_data;
  const char *name = NULL;
  guint index;

  if (results == NULL)
    {
      /* Already "FILE: line N: reason". */
      g_printerr ("%s\n", error->message);
      run->status = VIGIA_CLI_ERROR;
      run->n_refused++;
      return;
    }

  if (!g_ptr_array_find (run->files, file, &index))
    g_return_if_reached ();
  name = run->names[index];
  for (guint j = 0; j < results->len; j++)
    print_result (run, g_ptr_array_index (results, j), name);
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* What an import with the JNE's lists did, in any order of files. */
static void
print_summary (ImportRun    *run,
               VigiaLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unplaced = g_ptr_array_new ();
  gint64 without_plan = 0;
  gint64 n_lists = vigia_library_count_jne_lists (library, &without_plan, &error);
  guint n_plans = g_hash_table_size (run->plans);
  guint n_placed = g_hash_table_size (run->placed);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, run->unplaced);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (unplaced, value);

  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u plan imported or completed, %u placed from the JNE's lists.\n",
                        "%u plans imported or completed, %u placed from the JNE's lists.\n", n_plans),
           n_plans, n_placed);
  if (unplaced->len > 0)
    {
      g_ptr_array_sort (unplaced, compare_texts);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u plan without a list row, imported without a place:\n",
                            "%u plans without a list row, imported without a place:\n", unplaced->len),
               unplaced->len);
      for (guint i = 0; i < unplaced->len; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (unplaced, i));
    }
  if (n_lists >= 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u of the library's %u JNE list names a plan not in the library: "
                          "its plan will be placed when imported.\n",
                          "%u of the library's %u JNE lists name a plan not in the library: "
                          "their plans will be placed when imported.\n",
                          (gulong) n_lists),
             (guint) without_plan, (guint) n_lists);
  else
    g_printerr ("vigia-cli: %s\n", error->message);
  if (run->n_refused > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u file refused (above, with its reason).\n",
                          "%u files refused (above, with their reasons).\n", run->n_refused),
             run->n_refused);
}

int
vigia_cli_import (VigiaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  g_autofree char *term = NULL;
  VigiaImportOptions options = { NULL, 0, 0 };
  const GOptionEntry entries[] = {
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("The place of plans whose file does not name one (JNE JSON): "
         "“PUNO”, “LIMA - LIMA - INDEPENDENCIA”, an INEI code (“150130”) or a JNE code (“jne:140140”)"), N_("TEXT|UBIGEO") },
    { "term", 0, 0, G_OPTION_ARG_STRING, &term,
      N_("The term of plans whose file does not name one, as 2027-2030"), N_("START-END") },
    { NULL }
  };
  int status;

  context = vigia_cli_option_context (cli, _("FILE…"),
                                      _("Imports plans from DECLARA summaries (text), JNE Voto "
                                        "Informado data (JSON) or Vigía documents (JSON), each "
                                        "file in one transaction, and prints a line per plan: "
                                        "id, organization, place and number of goals. Files of "
                                        "the JNE's candidate lists (JSON), in any order with the "
                                        "plans, give each plan its place and term."),
                                      entries);
  if ((status = vigia_cli_parse (context, &argc, &argv)) != VIGIA_CLI_OK)
    return status;
  if (argc < 2)
    return vigia_cli_usage_error (context, _("Name at least one file to import."));

  if (term != NULL && !vigia_parse_term (term, &options.term_start, &options.term_end))
    {
      g_autofree char *message = g_strdup_printf (_("The term “%s” is not START-END, as 2027-2030."),
                                                  term);

      return vigia_cli_usage_error (context, message);
    }
  options.place = place;
  if (!vigia_import_options_check (&options, &error))
    return vigia_cli_usage_error (context, error->message);

  library = vigia_cli_open_library_for_writing (cli, VIGIA_LIBRARY_OPEN_DEFAULT);
  if (library == NULL)
    return VIGIA_CLI_ERROR;

  {
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GHashTable) plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) unplaced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    ImportRun run = { VIGIA_CLI_OK, files, argv + 1, FALSE, 0, plans, placed, unplaced };

    for (int i = 1; i < argc; i++)
      g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

    /* Each file is reported once it is in the library for good. */
    vigia_import_files (library, (GFile **) files->pdata, files->len, &options,
                        import_file_done_cb, &run, NULL, NULL);
    if (run.lists_seen)
      print_summary (&run, library);
    status = run.status;
  }

  return status;
}
