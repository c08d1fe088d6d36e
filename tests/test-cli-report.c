/* test-cli-report.c: vigia-cli export in every format, as a user runs it
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigia-declara-reader.h"
#include "vigia-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *puno = g_build_filename (SOURCE_DATADIR, "samples", "erm2026-regional-ejemplo.json",
                                            NULL);
  VigiaImportOptions options = { "PUNO", 2027, 2030 };

  f->dir = vigia_test_make_dir ();
  library = vigia_test_open_library (f->dir, "informes.sqlite");
  f->path = g_strdup (vigia_library_get_path (library));

  /* Plan 1: Independencia, two semesters of progress; plan 2: Puno,
   * 2027–2030, nothing recorded yet. */
  vigia_test_add_sample_progress (plan);
  g_assert_true (vigia_library_add_plan (library, plan, &error));
  g_assert_no_error (error);

  file = g_file_new_for_path (puno);
  plans = vigia_read_plans (file, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigia_library_add_plan (library, g_ptr_array_index (plans, 0), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) back = NULL;
  g_autofree char *pdf = in_dir (f, "informe.pdf");
  g_autofree char *html = in_dir (f, "informe.html");
  g_autofree char *csv = in_dir (f, "informe.csv");
  g_autofree char *txt = in_dir (f, "informe.txt");
  g_autofree char *json = in_dir (f, "informe.json");
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) rows = NULL;

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "pdf", "--output", pdf, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Informe de avance"));
  g_assert_nonnull (strstr (text, "2.º semestre 2024 (semestre 4 de 8)"));
  g_assert_nonnull (strstr (text, "Página 1 de "));

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "-f", "html", "-o", html, NULL);
  g_assert_cmpint (run.status, ==, 0);
  contents = vigia_test_read_file (html);
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>\n<html lang=\"es\">"));
  g_assert_nonnull (strstr (contents, "<title>Informe de avance: JUNTOS POR EL PERU"));
  g_clear_pointer (&contents, g_free);

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "csv", "--output", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  contents = vigia_test_read_file (csv);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFgoal_uuid,target_uuid,plan,dimension,number,"));
  rows = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 12 * 4 * 2 + 1);
  g_clear_pointer (&contents, g_free);

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "txt", "--output", txt, NULL);
  g_assert_cmpint (run.status, ==, 0);
  contents = vigia_test_read_file (txt);
  back = vigia_declara_read ((const guint8 *) contents, strlen (contents), "informe.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_plan_get_organization (back), ==, "JUNTOS POR EL PERU");
  g_assert_cmpuint (vigia_plan_get_n_goals (back), ==, 12);
  g_clear_pointer (&contents, g_free);

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "json", "--output", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  contents = vigia_test_read_file (json);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"vigia-plans\""));
  g_clear_pointer (&contents, g_free);

  /* Without --output, to the standard output. */
  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "txt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "\n\nRESUMEN DEL PLAN DE GOBIERNO\n"));
}

static void
test_period (Fixture       *f,
             gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autofree char *pdf = in_dir (f, "informe.pdf");
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "pdf", "--period", "2024-S1",
                      "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "1.er semestre 2024 (semestre 3 de 8)"));
  checksum = vigia_test_checksum_file (pdf);

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "pdf", "--period", "2024-S3",
                      "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "vigia-cli: «2024-S3» no es un semestre: escríbalo como 2027-S1 o 2027-S2\n"));

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "html", "--period", "2030-S1",
                      "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "vigia-cli: «2030-S1» está fuera del periodo de gobierno del plan, 2023–2026\n");

  /* The exchange document and the text hold the plan, not a semester. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "export", "1", "--format", "json", "--period", "2024-S1",
                      NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "vigia-cli: --period is for the reports: pdf, html or csv.\n"));

  vigia_test_run_cli (&run, "en", "--library", f->path, "export", "1", "--format", "docx", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "vigia-cli: Unknown format “docx”: the formats are json, csv, html, pdf, txt.\n"));

  /* What failed left the file as it was. */
  after = vigia_test_checksum_file (pdf);
  g_assert_cmpstr (after, ==, checksum);
}

static void
test_all (Fixture       *f,
          gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autofree char *folder = in_dir (f, "informes");
  g_autofree char *folder2 = in_dir (f, "informes-2024");
  g_autofree char *csv = in_dir (f, "todo.csv");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *first = g_build_filename (folder, "informe-independencia-2024-S2.pdf", NULL);
  g_autofree char *second = g_build_filename (folder, "informe-puno-2027-S1.pdf", NULL);
  g_auto(GStrv) rows = NULL;

  /* A folder of PDFs, one a plan, each at its latest semester. */
  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "--all", "--format", "pdf", "--output", folder,
                      NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("%s\n%s\n", first, second);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));

  /* One semester for all: a plan whose term does not hold it is left out,
   * and said. */
  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "--all", "--format", "html", "--period", "2024-S2",
                      "--output", folder2, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "vigia-cli: plan 2 (MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO — PUNO) omitido: «2024-S2» está fuera del "
                                "periodo de gobierno del plan, 2027–2030\n");
  g_assert_true (g_str_has_suffix (run.out, "informe-independencia-2024-S2.html\n"));

  /* One spreadsheet for the library. */
  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "--all", "--format", "csv", "--output", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  contents = vigia_test_read_file (csv);
  rows = g_strsplit (contents, "\r\n", -1);
  /* The header, Independencia's 12 goals × 4 semesters × 2 sources, Puno's
   * 14 goals in its first semester, the empty string after the last line. */
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 96 + 14 + 1);

  /* A folder is needed for files per plan. */
  vigia_test_run_cli (&run, "en", "--library", f->path, "export", "--all", "--format", "txt", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "vigia-cli: With --all, pdf, html and txt need --output FOLDER"));
}

/* The spreadsheet of a report, imported as progress, changes nothing. */
static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(VigiaTestRun) run = { 0, };
  g_autofree char *csv = in_dir (f, "informe.csv");
  g_autofree char *before = NULL;

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  before = g_strdup (run.out);

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "csv", "--semicolon",
                      "--output", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  vigia_test_run_cli (&run, "es", "--library", f->path, "progress", "import", csv, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "17 registros de avance guardados desde informe.csv.\n");

  vigia_test_run_cli (&run, "es", "--library", f->path, "export", "1", "--format", "json", NULL);
  g_assert_cmpstr (run.out, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("formats", test_formats);
  ADD ("period", test_period);
  ADD ("all", test_all);
  ADD ("csv-round-trip", test_csv_round_trip);

  return g_test_run ();
}
