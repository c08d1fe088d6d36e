/* test-cli-merge.c: two desks exchanging their work through vigia-cli
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vigia-test-utils.h"

typedef struct
{
  char *dir;
  char *ana;      /* Ana's library */
  char *luis;     /* Luis's, made from a document of Ana's */
  char *shared;   /* the document they started from */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autofree char *sample = g_build_filename (SOURCE_DATADIR, "samples",
                                              "erm2022-lima-independencia-juntos-por-el-peru.txt", NULL);

  f->dir = vigia_test_make_dir ();
  f->ana = g_build_filename (f->dir, "ana.sqlite", NULL);
  f->luis = g_build_filename (f->dir, "luis.sqlite", NULL);
  f->shared = g_build_filename (f->dir, "shared.json", NULL);

  vigia_test_run_cli (&run, "en", "--library", f->ana, "--as", "Ana Quispe", "import", sample, NULL);
  g_assert_cmpint (run.status, ==, 0);
  vigia_test_run_clear (&run);
  vigia_test_run_cli (&run, "en", "--library", f->ana, "export", "1", "--output", f->shared, NULL);
  g_assert_cmpint (run.status, ==, 0);
  vigia_test_run_clear (&run);
  vigia_test_run_cli (&run, "en", "--library", f->luis, "--as", "Luis Mamani", "import", f->shared, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->ana);
  g_free (f->luis);
  g_free (f->shared);
}

static void
set_entry (const char *library,
           const char *who,
           const char *target,
           const char *value,
           const char *source)
{
  g_auto(VigiaTestRun) run = { 0, };

  vigia_test_run_cli (&run, "en", "--library", library, "--as", who, "progress", "set", target, "2024-S1", value,
                      "--source", source, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

/* The plan as `export` writes it, without what two libraries with the same
 * content may still differ in: their ids, and what each took in. */
static char *
content_of (const char *library)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autoptr(GRegex) ids = g_regex_new ("\"id\": [0-9]+", 0, 0, NULL);
  g_autoptr(GRegex) merged = g_regex_new ("\"merged\": (null|\"[^\"]*\")", 0, 0, NULL);
  g_autofree char *plain = NULL;

  vigia_test_run_cli (&run, "en", "--library", library, "export", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  plain = g_regex_replace_literal (ids, run.out, -1, 0, "\"id\": _", 0, NULL);
  return g_regex_replace_literal (merged, plain, -1, 0, "\"merged\": _", 0, NULL);
}

static double
entry_value (const char *library,
             const char *source)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *goal;
  JsonArray *progress;

  vigia_test_run_cli (&run, "en", "--library", library, "show", "1", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  goal = json_array_get_object_element (
    json_object_get_array_member (
      json_array_get_object_element (
        json_object_get_array_member (
          json_array_get_object_element (
            json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "plans"), 0),
          "dimensions"), 0),
      "goals"), 0);
  progress = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (goal, "targets"), 0), "progress");
  for (guint i = 0; i < json_array_get_length (progress); i++)
    {
      JsonObject *entry = json_array_get_object_element (progress, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "source"), source) == 0)
        return json_object_get_double_member (entry, "value");
    }
  g_assert_not_reached ();
}

/* A volunteer sends a package of the semester; the office merges it, sees
 * the conflict, and restores its own figure. */
static void
test_package (Fixture       *f,
              gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autoptr(GRegex) restore = g_regex_new ("vigia-cli restore ([0-9]+)\\)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *package = g_build_filename (f->dir, "semestre.json", NULL);
  g_autofree char *since = NULL;
  g_autofree char *number = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *content_ana = NULL;
  g_autofree char *content_luis = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gsize length = 0;

  since = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  set_entry (f->ana, "Ana Quispe", "1:social:1", "10", "observer");
  set_entry (f->ana, "Ana Quispe", "1:social:2", "5", "observer");
  set_entry (f->luis, "Luis Mamani", "1:social:1", "12", "observer");
  set_entry (f->luis, "Luis Mamani", "1:economic:1", "100", "authority");

  vigia_test_run_cli (&run, "en", "--library", f->luis, "export", "1", "--since", since, "--output", package,
                      NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (package, &contents, &length, NULL));
  g_test_message ("a package of two entries: %" G_GSIZE_FORMAT " bytes", length);
  g_assert_cmpuint (length, <, 4096);
  vigia_test_run_clear (&run);

  vigia_test_run_cli (&run, "en", "--library", f->ana, "--as", "Ana Quispe", "import", package, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "1\tJUNTOS POR EL PERU\tINDEPENDENCIA, LIMA, LIMA\t12 goals\tupdated\n"
                                            "  1 entry added, 1 entry updated, 1 conflict\n"
                                            "  conflict: Social, goal 1: 1st half 2024, Observer: "
                                            "Kept Luis Mamani’s version of "));
  g_assert_true (g_regex_match (restore, run.out, 0, &match));
  number = g_match_info_fetch (match, 1);
  g_assert_cmpfloat (entry_value (f->ana, "observer"), ==, 12);
  vigia_test_run_clear (&run);

  /* In Spanish too. */
  vigia_test_run_cli (&run, "es", "--library", f->luis, "import", f->shared, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "ya está en la biblioteca"));
  vigia_test_run_clear (&run);

  /* Ana's figure back, in one command. */
  vigia_test_run_cli (&run, "en", "--library", f->ana, "--as", "Ana Quispe", "restore", number, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Restored, in plan 1 (JUNTOS POR EL PERU).\n");
  g_assert_cmpfloat (entry_value (f->ana, "observer"), ==, 10);
  vigia_test_run_clear (&run);

  vigia_test_run_cli (&run, "en", "--library", f->ana, "restore", "999999", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "vigia-cli: The item that version belongs to is no longer in the library.\n");
  vigia_test_run_clear (&run);
  vigia_test_run_cli (&run, "en", "--library", f->ana, "restore", "diez", NULL);
  g_assert_cmpint (run.status, ==, 2);
  vigia_test_run_clear (&run);
  vigia_test_run_cli (&run, "en", "--library", f->ana, "export", "1", "--format", "csv", "--since", "2026-01-01",
                      NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "vigia-cli: --since is for json, Vigía’s exchange format.\n"));
  vigia_test_run_clear (&run);
  vigia_test_run_cli (&run, "en", "--library", f->ana, "export", "1", "--since", "ayer", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "vigia-cli: “ayer” is not a time"));
  vigia_test_run_clear (&run);

  /* And the whole of Ana's work into Luis's library: both the same. */
  {
    g_autofree char *whole = g_build_filename (f->dir, "ana.json", NULL);

    vigia_test_run_cli (&run, "en", "--library", f->ana, "export", "1", "--output", whole, NULL);
    vigia_test_run_clear (&run);
    vigia_test_run_cli (&run, "en", "--library", f->luis, "import", whole, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  content_ana = content_of (f->ana);
  content_luis = content_of (f->luis);
  g_assert_cmpstr (content_ana, ==, content_luis);
}

/* An import killed at any moment leaves the library as it was before it
 * or as it is after it, never between. */
static void
test_killed (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *theirs = g_build_filename (f->dir, "luis.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  /* An import of this package takes 70 to 120 ms here, most of it starting
   * the program: the kills fall before, during and after its transaction. */
  const guint delays_us[] = { 0, 10000, 20000, 30000, 40000, 50000, 60000, 70000, 80000, 90000, 100000,
                              120000, 150000 };
  guint n_interrupted = 0;
  guint n_after = 0;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *target = g_strdup_printf ("1:social:%u", i % 3 + 1);
      g_autofree char *value = g_strdup_printf ("%u", i);

      set_entry (f->luis, "Luis Mamani", target, value, i % 2 ? "observer" : "authority");
    }
  {
    g_auto(VigiaTestRun) run = { 0, };

    vigia_test_run_cli (&run, "en", "--library", f->luis, "export", "1", "--output", theirs, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (delays_us) + 1; i++)
    {
      g_autofree char *trial = g_strdup_printf ("%s/trial-%u.sqlite", f->dir, i);
      g_autofree char *content = NULL;
      g_autofree char *integrity = NULL;
      g_auto(VigiaTestRun) run = { 0, };
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;

      vigia_test_run_cli (&run, "en", "--library", trial, "import", f->shared, NULL);
      g_assert_cmpint (run.status, ==, 0);
      if (before == NULL)
        before = content_of (trial);

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("VIGIA_CLI"), "--library", trial,
                                             "import", theirs, NULL);
      g_assert_no_error (error);
      /* The last trial runs to its end: the "after". */
      if (i < G_N_ELEMENTS (delays_us))
        {
          g_usleep (delays_us[i]);
          g_subprocess_force_exit (process);
        }
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      if (g_subprocess_get_if_signaled (process))
        n_interrupted++;

      integrity = vigia_test_integrity_check (trial);
      g_assert_cmpstr (integrity, ==, "ok");
      content = content_of (trial);
      if (i == G_N_ELEMENTS (delays_us))
        after = g_steal_pointer (&content);
      else if (g_strcmp0 (content, before) != 0)
        {
          /* Not before: then after, checked once the after is known. */
          g_autofree char *name = g_strdup_printf ("%s/trial-%u.json", f->dir, i);

          g_assert_true (g_file_set_contents (name, content, -1, NULL));
        }
    }

  g_assert_cmpstr (after, !=, before);
  for (guint i = 0; i < G_N_ELEMENTS (delays_us); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/trial-%u.json", f->dir, i);
      g_autofree char *content = NULL;

      if (g_file_get_contents (name, &content, NULL, NULL))
        {
          g_assert_cmpstr (content, ==, after);
          n_after++;
        }
    }
  g_test_message ("%u of %u imports killed before their end; %u left the library as after, the others as "
                  "before", n_interrupted, (guint) G_N_ELEMENTS (delays_us), n_after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-merge/package", Fixture, NULL, fixture_set_up, test_package, fixture_tear_down);
  g_test_add ("/cli-merge/killed", Fixture, NULL, fixture_set_up, test_killed, fixture_tear_down);

  return g_test_run ();
}
