/* test-report.c: the progress report in every format, as readers get it
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDFs are read back through poppler's pdfinfo, pdffonts and pdftotext;
 * HTML is parsed as XML and checked by tidy; CSV and text are read back by
 * Vigía's own import.
 *
 * The CSV's cases keep a library: they run again, as
 * test-report-postgresql, on new databases of the server
 * $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include <cairo.h>
#include <string.h>

#include "vigia-declara-reader.h"
#include "vigia-report-private.h"
#include "vigia-test-utils.h"

typedef struct
{
  char      *dir;
  VigiaPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vigia_test_make_dir ();
  f->plan = vigia_test_load_sample_plan ();
  vigia_test_add_sample_progress (f->plan);
  vigia_test_set_language ("es");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  vigia_test_assert_finalized (&f->plan);
  vigia_test_set_language ("en");
}

/* A report dated 25 November 2026, for results that do not move with the clock. */
static VigiaReport *
make_report (VigiaPlan  *plan,
             const char *period)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 25, 10, 0, 0);
  VigiaReport *report = vigia_report_new (plan, period, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  vigia_report_set_date (report, date);
  return report;
}

static char *
write_report (VigiaReport       *report,
              VigiaReportFormat  format,
              const char        *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = vigia_report_dup_file_name (report, format);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  vigia_report_write_file (report, format, file, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* What a command prints, in the C locale. */
static char *
run_tool (const char *first,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  char *out = NULL;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "),
                                   NULL, 10);
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return run_tool ("pdftotext", "-f", number, "-l", number, "-layout", path, "-", NULL);
}

/* pdftotext -layout pads columns with blanks, and may or may not see the
 * narrow blank before a "%": compare texts with runs of blanks made one and
 * none before "%". */
static char *
squeeze (const char *text)
{
  g_autofree char *stripped = vigia_text_strip (text);
  GString *out = g_string_new (stripped);

  g_string_replace (out, " %", "%", 0);
  return g_string_free (out, FALSE);
}

#define assert_has(text, expected) \
  G_STMT_START { \
    g_autofree char *squeezed = squeeze (expected); \
    if (strstr ((text), squeezed) == NULL) \
      g_error ("“%s” is not in the text:\n%s", squeezed, (text)); \
  } G_STMT_END

/* ---------------------------------------------------------------------- */
/* The period                                                             */
/* ---------------------------------------------------------------------- */

static void
test_period (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) empty = vigia_test_load_sample_plan ();
  g_autoptr(VigiaReport) report = NULL;
  g_autofree char *period = NULL;
  g_autofree char *current = NULL;
  g_autoptr(VigiaProgress) outside = vigia_progress_new ("2027-S1", VIGIA_SOURCE_AUTHORITY);

  /* The latest semester with data, not today's. */
  period = vigia_report_dup_default_period (f->plan);
  g_assert_cmpstr (period, ==, "2024-S2");
  report = make_report (f->plan, NULL);
  g_assert_cmpstr (vigia_report_get_period (report), ==, "2024-S2");
  g_clear_object (&report);

  /* An entry outside the term does not count. */
  vigia_progress_set_value (outside, 3);
  vigia_goal_put_progress (vigia_dimension_get_goal (vigia_plan_get_dimension (f->plan, 0), 0), outside);
  g_clear_pointer (&period, g_free);
  period = vigia_report_dup_default_period (f->plan);
  g_assert_cmpstr (period, ==, "2024-S2");

  /* Nothing recorded: today's semester, within the term. */
  g_clear_pointer (&period, g_free);
  period = vigia_report_dup_default_period (empty);
  current = vigia_assessment_dup_default_period (empty);
  g_assert_cmpstr (period, ==, current);

  /* One asked for, as people type it. */
  report = make_report (f->plan, " 2024-s1 ");
  g_assert_cmpstr (vigia_report_get_period (report), ==, "2024-S1");
  g_clear_object (&report);

  /* Refused, with the reason. */
  report = vigia_report_new (f->plan, "2024", &error);
  g_assert_null (report);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "«2024» no es un semestre: escríbalo como 2027-S1 o 2027-S2");
  g_clear_error (&error);

  report = vigia_report_new (f->plan, "2027-S1", &error);
  g_assert_null (report);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "«2027-S1» está fuera del periodo de gobierno del plan, 2023–2026");
}

static void
test_file_name (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VigiaReport) report = make_report (f->plan, "2024-S1");
  g_autoptr(VigiaPlan) regional = vigia_test_make_plan ("AHORA NACIÓN", NULL, 1);
  g_autoptr(VigiaReport) other = NULL;
  g_autofree char *pdf = vigia_report_dup_file_name (report, VIGIA_REPORT_FORMAT_PDF);
  g_autofree char *csv = vigia_report_dup_file_name (report, VIGIA_REPORT_FORMAT_CSV);
  g_autofree char *name = NULL;
  g_autofree char *english = NULL;

  g_assert_cmpstr (pdf, ==, "informe-independencia-2024-S1.pdf");
  g_assert_cmpstr (csv, ==, "informe-independencia-2024-S1.csv");

  /* No district: the province, folded to plain letters. */
  vigia_plan_set_province (regional, "SAN ROMÁN");
  other = make_report (regional, "2026-S2");
  name = vigia_report_dup_file_name (other, VIGIA_REPORT_FORMAT_HTML);
  g_assert_cmpstr (name, ==, "informe-san-roman-2026-S2.html");

  vigia_test_set_language ("en");
  english = vigia_report_dup_file_name (report, VIGIA_REPORT_FORMAT_TXT);
  g_assert_cmpstr (english, ==, "report-independencia-2024-S1.txt");
}

/* ---------------------------------------------------------------------- */
/* PDF                                                                    */
/* ---------------------------------------------------------------------- */

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(VigiaReport) report = make_report (f->plan, NULL);
  g_autofree char *path = write_report (report, VIGIA_REPORT_FORMAT_PDF, f->dir);
  g_autofree char *info = run_tool ("pdfinfo", path, NULL);
  g_autofree char *fonts = run_tool ("pdffonts", path, NULL);
  g_autofree char *all = run_tool ("pdftotext", "-layout", path, "-", NULL);
  g_autofree char *text = squeeze (all);
  g_autofree char *first = NULL;
  g_autofree char *first_text = NULL;
  g_auto(GStrv) font_lines = NULL;
  guint n_pages = pdf_n_pages (path);
  guint n_fonts = 0;

  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "Title:           Informe de avance: JUNTOS POR EL PERU — INDEPENDENCIA, "
                                  "LIMA, LIMA, 2.º semestre 2024\n"));
  g_assert_nonnull (strstr (info, "Author:          JUNTOS POR EL PERU\n"));

  /* Every font is embedded (pdffonts: the "emb" column). */
  font_lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; font_lines[i] != NULL; i++)
    {
      if (*font_lines[i] == '\0')
        continue;
      g_assert_nonnull (strstr (font_lines[i], " yes yes yes "));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 2);

  /* The first page: identification and the whole summary. */
  first = pdf_page_text (path, 1);
  first_text = squeeze (first);
  assert_has (first_text, "Informe de avance JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA");
  assert_has (first_text, "Organización política JUNTOS POR EL PERU");
  assert_has (first_text, "Ámbito INDEPENDENCIA, LIMA, LIMA · Municipal distrital");
  assert_has (first_text, "Periodo de gobierno 2023–2026");
  assert_has (first_text, "Semestre informado 2.º semestre 2024 (semestre 4 de 8)");
  assert_has (first_text, "Fecha del informe 25 de noviembre de 2026");
  assert_has (first_text, "Resumen");
  assert_has (first_text, "Autoridad 40 % Al día 11 de 12");
  assert_has (first_text, "Observador 27 % Con retraso 2 de 12");
  assert_has (first_text, "Institucional 3 40 % —");
  assert_has (first_text, "El anexo explica cómo se calcula.");

  /* Every page says which it is. */
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *page = pdf_page_text (path, i);
      g_autofree char *footer = g_strdup_printf ("Página %u de %u", i, n_pages);

      g_assert_nonnull (strstr (page, "Informe de avance — JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA"));
      g_assert_nonnull (strstr (page, footer));
    }

  /* A section per dimension with its goals, values at the period for both
   * sources, notes and evidence; the annex. */
  assert_has (text, "1. Social DIMENSIÓN SOCIAL 3 propuestas.");
  assert_has (text, "Nº Propuesta Meta Línea Fuente Valor Cumplimiento Estado");
  assert_has (text, "1 ESTABLECER UN PROGRAMA");
  assert_has (text, "Autoridad 12,5 % 50 % En marcha");
  assert_has (text, "Observador 10 % 40 % En marcha");
  assert_has (text, "Nota (Autoridad): Programa activo en 3 de 8 sectores");
  assert_has (text, "https://www.muniindependencia.gob.pe/avance-2024-2.pdf");
  assert_has (text, "Autoridad: sin registro en este semestre; la cifra mostrada es del "
                                  "1.er semestre 2024.");
  assert_has (text, "Nota (Autoridad): Proyecto desestimado por el concejo");
  assert_has (text, "4. Institucional");
  assert_has (text, "Trayectorias");
  assert_has (text, "Anexo Visión Independencia es un distrito");
  assert_has (text, "Ideario: principios, objetivos y valores");
  assert_has (text, "Cómo se calcula el cumplimiento");
  /* The charts are drawn as text too: their titles and legends. */
  assert_has (text, "Cumplimiento 40 %");
  assert_has (text, "Avance esperado");
  vigia_test_assert_finalized (&report);
}

static void
test_pdf_period (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VigiaReport) report = make_report (f->plan, "2024-S1");
  g_autofree char *path = write_report (report, VIGIA_REPORT_FORMAT_PDF, f->dir);
  g_autofree char *all = run_tool ("pdftotext", "-layout", path, "-", NULL);
  g_autofree char *text = squeeze (all);

  g_assert_true (g_str_has_suffix (path, "informe-independencia-2024-S1.pdf"));
  assert_has (text, "Semestre informado 1.er semestre 2024 (semestre 3 de 8)");
  /* The first semester's figures, not the second's. */
  assert_has (text, "Autoridad 8 % 32 % En marcha");
  g_assert_null (strstr (text, "12,5 %"));
  g_assert_null (strstr (text, "Programa activo en 3 de 8 sectores"));
  /* The trajectories stop at the semester too (their descriptions say
   * what they draw). */
  {
    g_autofree char *html_path = write_report (report, VIGIA_REPORT_FORMAT_HTML, f->dir);
    g_autofree char *html = vigia_test_read_file (html_path);

    g_assert_nonnull (strstr (html, "Autoridad: 120 MYPES ATENDIDAS en 1.er semestre 2024. Observador: nada "
                                    "registrado."));
    g_assert_null (strstr (html, "260 MYPES"));
  }

  /* No observer had recorded anything yet: no observer in the summary. */
  {
    g_autofree char *first = pdf_page_text (path, 1);

    g_assert_nonnull (strstr (first, "Autoridad"));
    g_assert_null (strstr (first, "Observador"));
  }
}

/* One dimension of 40 goals with long texts: the table goes on over pages. */
static void
test_pdf_pagination (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 0);
  g_autoptr(VigiaReport) report = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) long_text = g_string_new ("COMIENZO ");
  VigiaDimension *dim = vigia_plan_get_dimension (plan, 0);
  guint n_pages, table_pages = 0;
  int *goal_page = g_new0 (int, 41);

  for (guint i = 1; i <= 40; i++)
    {
      g_autoptr(VigiaGoal) goal = vigia_goal_new ();
      g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S2", VIGIA_SOURCE_AUTHORITY);
      g_autofree char *objective = g_strdup_printf ("INICIO%u MEJORAR LA ATENCIÓN DE LOS SERVICIOS MUNICIPALES "
                                                    "EN TODOS LOS SECTORES DEL DISTRITO CON PARTICIPACIÓN "
                                                    "VECINAL FIN%u", i, i);

      /* A chart of 40 bars, higher than a page would allow. */
      vigia_progress_set_value (entry, i % 26);
      vigia_progress_set_status (entry, i % VIGIA_N_STATUSES);
      vigia_goal_set_number (goal, i);
      vigia_goal_set_objective (goal, objective);
      vigia_goal_set_indicator (goal, "POBLACIÓN ATENDIDA");
      vigia_goal_set_target_text (goal, "25% DE POBLACIÓN ATENDIDA");
      vigia_goal_set_target_value (goal, 25);
      vigia_goal_set_target_measure (goal, VIGIA_MEASURE_PERCENT);
      vigia_goal_put_progress (goal, entry);
      vigia_dimension_append_goal (dim, goal);
    }
  for (guint i = 0; i < 900; i++)
    g_string_append (long_text, "palabra ");
  g_string_append (long_text, "FINAL");
  vigia_plan_set_vision (plan, long_text->str);

  report = make_report (plan, "2024-S2");
  path = write_report (report, VIGIA_REPORT_FORMAT_PDF, f->dir);
  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 6);

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *raw = pdf_page_text (path, p);
      g_autofree char *page = squeeze (raw);
      gboolean has_rows = FALSE;

      for (guint i = 1; i <= 40; i++)
        {
          g_autofree char *start = g_strdup_printf ("INICIO%u ", i);
          g_autofree char *end = g_strdup_printf ("FIN%u ", i);
          gboolean has_start = strstr (page, start) != NULL;
          gboolean has_end = strstr (page, end) != NULL;

          /* No row is cut in two: its start and end on the same page. */
          g_assert_true (has_start == has_end);
          if (has_start)
            {
              g_assert_cmpint (goal_page[i], ==, 0);
              goal_page[i] = p;
              has_rows = TRUE;
            }
        }
      /* No page is left empty: there is more than the footer. */
      g_assert_cmpuint (strlen (page), >, strlen ("Informe de avance — JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, "
                                                  "LIMA Página 10 de 10") + 20);

      /* The header above the rows of every page. */
      if (has_rows)
        {
          table_pages++;
          g_assert_nonnull (strstr (page, "Nº Propuesta Meta Línea Fuente Valor Cumplimiento Estado"));
        }
    }
  g_assert_cmpuint (table_pages, >=, 2);
  for (guint i = 1; i <= 40; i++)
    {
      g_assert_cmpint (goal_page[i], >, 0);
      g_assert_cmpint (goal_page[i], >=, goal_page[i - 1]);
    }
  g_free (goal_page);

  /* The long vision flows over pages and loses nothing. */
  {
    g_autofree char *all = run_tool ("pdftotext", path, "-", NULL);
    g_autofree char *text = squeeze (all);
    guint n_words = 0;

    for (const char *p = strstr (text, "COMIENZO"); p != NULL && (p = strstr (p, "palabra")) != NULL; p++)
      n_words++;
    g_assert_cmpuint (n_words, ==, 900);
    assert_has (text, "palabra FINAL");
  }
}

/* The same painter draws a printer's pages. */
static void
test_painter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VigiaReport) report = make_report (f->plan, NULL);
  g_autoptr(VigiaReportPainter) painter = vigia_report_painter_new (report, VIGIA_REPORT_A4_WIDTH,
                                                                    VIGIA_REPORT_A4_HEIGHT);
  g_autofree char *path = write_report (report, VIGIA_REPORT_FORMAT_PDF, f->dir);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t *cr = cairo_create (surface);
  guint n_pages, level, page, n_dark = 0;
  const guint8 *pixels;
  int stride;

  n_pages = vigia_report_painter_paginate (painter, cr);
  g_assert_cmpuint (n_pages, ==, pdf_n_pages (path));
  g_assert_cmpuint (vigia_report_painter_get_n_pages (painter), ==, n_pages);
  g_assert_true (vigia_report_painter_get_report (painter) == report);

  g_assert_cmpuint (vigia_report_painter_get_n_headings (painter), >=, 6);
  g_assert_cmpstr (vigia_report_painter_get_heading (painter, 0, &level, &page, NULL), ==, "Resumen");
  g_assert_cmpuint (level, ==, 1);
  g_assert_cmpuint (page, ==, 0);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  vigia_report_painter_draw_page (painter, cr, 0);
  cairo_surface_flush (surface);

  /* Ink within the margins, none outside them. */
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 596; x++)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + y * stride + x * 4, sizeof pixel);

        if ((pixel & 0xffffff) == 0xffffff)
          continue;
        g_assert_cmpint (x, >=, 50);
        g_assert_cmpint (x, <, 596 - 50);
        g_assert_cmpint (y, >=, 50);
        n_dark++;
      }
  g_assert_cmpuint (n_dark, >, 10000);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  vigia_test_assert_finalized (&painter);
  vigia_test_assert_finalized (&report);
}

/* ---------------------------------------------------------------------- */
/* HTML                                                                   */
/* ---------------------------------------------------------------------- */

typedef struct
{
  GHashTable *ids;
  GPtrArray  *references;
  guint       n_svg;
  guint       n_links;
  GString    *text;
} Walk;

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              data,
                  GError              **error)
{
  Walk *walk = data;
  static const char * const forbidden[] = { "script", "img", "iframe", "object", "embed", "link", "style" };

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (g_ascii_strcasecmp (element, forbidden[i]) == 0 &&
        /* The one style sheet is in the head. */
        !(g_str_equal (element, "style") && g_str_equal (g_markup_parse_context_get_element_stack (context)->next->data, "head")))
      g_error ("a <%s> element", element);

  if (g_str_equal (element, "svg"))
    walk->n_svg++;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (names[i], "on"));
      g_assert_cmpstr (names[i], !=, "src");
      if (g_str_equal (names[i], "id"))
        {
          g_assert_false (g_hash_table_contains (walk->ids, values[i]));
          g_hash_table_add (walk->ids, g_strdup (values[i]));
        }
      if (g_str_equal (names[i], "xlink:href") || (g_str_equal (names[i], "clip-path")))
        g_ptr_array_add (walk->references, g_strdup (values[i]));
      if (g_str_equal (names[i], "href") && g_str_equal (element, "a"))
        {
          g_assert_true (g_str_has_prefix (values[i], "https://") || g_str_has_prefix (values[i], "http://"));
          walk->n_links++;
        }
    }
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              data,
         GError              **error)
{
  Walk *walk = data;

  g_string_append_len (walk->text, text, length);
}

/* Parses the page as XML (it is written well-formed), checking elements
 * and attributes on the way; returns its text. */
static char *
walk_html (const char *html,
           Walk       *walk)
{
  const GMarkupParser parser = { start_element_cb, NULL, text_cb, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  const char *root = strstr (html, "<html");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"es\">"));
  walk->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->references = g_ptr_array_new_with_free_func (g_free);
  walk->text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, walk, NULL);
  g_markup_parse_context_parse (context, root, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  /* Every reference inside the charts finds what it names. */
  for (guint i = 0; i < walk->references->len; i++)
    {
      const char *reference = g_ptr_array_index (walk->references, i);
      g_autofree char *id = NULL;

      if (g_str_has_prefix (reference, "#"))
        id = g_strdup (reference + 1);
      else if (g_str_has_prefix (reference, "url(#"))
        id = g_strndup (reference + 5, strlen (reference) - 6);
      g_assert_nonnull (id);
      g_assert_true (g_hash_table_contains (walk->ids, id));
    }
  g_ptr_array_unref (walk->references);
  g_hash_table_unref (walk->ids);
  return g_string_free (walk->text, FALSE);
}

static void
assert_tidy (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              "tidy", "-errors", "-quiet", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  /* Not even a warning. */
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_successful (process));
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VigiaReport) report = make_report (f->plan, NULL);
  g_autofree char *path = write_report (report, VIGIA_REPORT_FORMAT_HTML, f->dir);
  g_autofree char *html = vigia_test_read_file (path);
  g_autofree char *text = NULL;
  Walk walk = { 0, };

  g_assert_true (g_str_has_suffix (path, "informe-independencia-2024-S2.html"));
  text = walk_html (html, &walk);

  /* Self-contained: nothing to fetch. */
  g_assert_null (strstr (html, "@import"));
  g_assert_null (strstr (html, "url(http"));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\"/>"));
  g_assert_nonnull (strstr (html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"));
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_nonnull (strstr (html, "@media (max-width:40rem)"));
  g_assert_nonnull (strstr (html, "<title>Informe de avance: JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA, "
                                  "2.º semestre 2024</title>"));

  /* The charts inline, each with its description: the plan's, a
   * dimension's per dimension, a trajectory per goal; their words as SVG
   * text, not as the outlines of letters. */
  g_assert_cmpuint (walk.n_svg, ==, 1 + 4 + 12);
  g_assert_null (strstr (html, "<svg class=\"defs\""));
  g_assert_null (strstr (html, "glyph"));
  g_assert_nonnull (strstr (html, ">Social</text>"));
  g_assert_nonnull (strstr (html, "<svg role=\"img\" aria-label=\"Cumplimiento 40 %: 1 cumplida, 7 en marcha"));
  g_assert_null (strstr (html, "<?xml"));
  g_assert_cmpuint (walk.n_links, ==, 1);

  /* The same words as the PDF. */
  g_assert_nonnull (strstr (text, "Semestre informado"));
  g_assert_nonnull (strstr (text, "2.º semestre 2024 (semestre 4 de 8)"));
  g_assert_nonnull (strstr (text, "Nota (Autoridad): Programa activo en 3 de 8 sectores"));
  g_assert_nonnull (strstr (html, "<span class=\"status status-in-progress\">En marcha</span>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://www.muniindependencia.gob.pe/avance-2024-2.pdf\">"));
  g_assert_nonnull (strstr (text, "Cómo se calcula el cumplimiento"));

  assert_tidy (path);
  vigia_test_assert_finalized (&report);
}

/* Texts that would be markup or script if written as they are. */
static void
test_html_hostile (Fixture       *f,
                   gconstpointer  data)
{
  const char *organization = "<script>alert(\"x\")</script> & 'Q' \"P\"";
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (f->plan, 0), 0);
  VigiaProgress *entry = vigia_goal_find_progress (goal, "2024-S2", VIGIA_SOURCE_AUTHORITY);
  const char * const evidence[] = { "javascript:alert(1)", "https://ex.org/?a=1&b=\"><script>x</script>", NULL };
  g_autoptr(VigiaReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  Walk walk = { 0, };

  vigia_plan_set_organization (f->plan, organization);
  vigia_plan_set_vision (f->plan, "<img src=x onerror=alert(1)>\n<!-- & -->]]>");
  vigia_plan_set_district (f->plan, "INDEPENDENCIA </title><script>");
  vigia_goal_set_objective (goal, "<b onmouseover=\"alert(2)\">OBJETIVO</b>");
  vigia_progress_set_note (entry, "\"citas\" & <i>etiquetas</i>\x01");
  vigia_progress_set_evidence (entry, evidence);

  report = make_report (f->plan, NULL);
  path = write_report (report, VIGIA_REPORT_FORMAT_HTML, f->dir);
  html = vigia_test_read_file (path);

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<b "));
  g_assert_null (strstr (html, "<i>"));
  g_assert_null (strstr (html, "href=\"javascript"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Q&#39; &quot;P&quot;"));

  /* Read back, the texts are the plan's, character for character. */
  text = walk_html (html, &walk);
  g_assert_nonnull (strstr (text, organization));
  g_assert_nonnull (strstr (text, "<img src=x onerror=alert(1)>\n<!-- & -->]]>"));
  g_assert_nonnull (strstr (text, "<b onmouseover=\"alert(2)\">OBJETIVO</b>"));
  g_assert_nonnull (strstr (text, "Nota (Autoridad): \"citas\" & <i>etiquetas</i>"));
  /* javascript: is shown, not linked; the web address is linked. */
  g_assert_nonnull (strstr (text, "javascript:alert(1)"));
  g_assert_cmpuint (walk.n_links, ==, 1);

  assert_tidy (path);

  /* The PDF shows the same texts as text, and its link survives the quotes. */
  {
    g_autofree char *pdf = write_report (report, VIGIA_REPORT_FORMAT_PDF, f->dir);
    g_autofree char *all = run_tool ("pdftotext", pdf, "-", NULL);

    g_assert_nonnull (strstr (all, "<script>alert(\"x\")</script> & 'Q' \"P\""));
    g_assert_nonnull (strstr (all, "javascript:alert(1)"));
  }
}

/* A right-to-left override in a plan's text cannot turn around what is
 * written after it (the place after the organization in titles and
 * footers); right-to-left names are laid out on their own. */
static void
test_bidi (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VigiaReport) report = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *html = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *place = NULL;

  vigia_plan_set_organization (f->plan, "PARTIDO \u202EAMIL");
  vigia_plan_set_district (f->plan, "INDEPENDENCIA\u2067");
  report = make_report (f->plan, NULL);

  title = vigia_report_dup_title (report);
  footer = vigia_report_dup_footer (report);
  g_assert_null (strstr (title, "\u202E"));
  g_assert_null (strstr (title, "\u2067"));
  g_assert_nonnull (strstr (title, "PARTIDO AMIL — INDEPENDENCIA, LIMA, LIMA"));
  g_assert_null (strstr (footer, "\u202E"));
  g_assert_true (g_str_has_suffix (footer, " — PARTIDO AMIL — INDEPENDENCIA, LIMA, LIMA"));

  html_path = write_report (report, VIGIA_REPORT_FORMAT_HTML, f->dir);
  html = vigia_test_read_file (html_path);
  {
    const char *start = strstr (html, "<title>");
    const char *end = start != NULL ? strstr (start, "</title>") : NULL;
    g_autofree char *head = start != NULL && end != NULL ? g_strndup (start, end - start) : NULL;

    g_assert_nonnull (head);
    g_assert_null (strstr (head, "\u202E"));
    g_assert_nonnull (strstr (head, "PARTIDO AMIL"));
  }

  pdf_path = write_report (report, VIGIA_REPORT_FORMAT_PDF, f->dir);
  pdf_text = run_tool ("pdftotext", pdf_path, "-", NULL);
  g_assert_null (strstr (pdf_text, "AICNEDNEPEDNI"));
  g_assert_nonnull (strstr (pdf_text, "INDEPENDENCIA, LIMA, LIMA"));

  /* A name written right to left is isolated, not stripped. */
  vigia_plan_set_organization (f->plan, "\u05DE\u05E4\u05DC\u05D2\u05D4");
  place = vigia_text_isolate ("\u05DE\u05E4\u05DC\u05D2\u05D4");
  g_assert_cmpstr (place, ==, "\u2068\u05DE\u05E4\u05DC\u05D2\u05D4\u2069");
  g_clear_pointer (&footer, g_free);
  vigia_test_assert_finalized (&report);
  report = make_report (f->plan, NULL);
  footer = vigia_report_dup_footer (report);
  g_assert_nonnull (strstr (footer, " — \u2068\u05DE\u05E4\u05DC\u05D2\u05D4\u2069 — INDEPENDENCIA"));
  vigia_test_assert_finalized (&report);
}

/* A plan with nothing but a name: every format still says what there is. */
static void
test_empty_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VigiaPlan) plan = vigia_plan_new ();
  g_autoptr(VigiaPlan) no_term = vigia_test_make_plan ("SOMOS PERÚ", "ATE", 1);
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2025-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_text = NULL;

  vigia_plan_set_organization (plan, "PARTIDO SIN PROPUESTAS");
  report = make_report (plan, NULL);
  for (guint format = 0; format < VIGIA_REPORT_N_FORMATS; format++)
    {
      g_autofree char *path = write_report (report, format, f->dir);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  {
    g_autofree char *pdf = write_report (report, VIGIA_REPORT_FORMAT_PDF, f->dir);
    g_autofree char *all = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
    g_autofree char *text = squeeze (all);

    assert_has (text, "Periodo de gobierno Sin registrar");
    assert_has (text, "Autoridad — Sin datos 0 de 0");
    assert_has (text, "Visión No consta en el plan.");
  }
  g_clear_object (&report);

  /* No term: the semesters are those with entries. */
  vigia_plan_set_term_start (no_term, 0);
  vigia_plan_set_term_end (no_term, 0);
  vigia_progress_set_value (entry, 5);
  vigia_goal_put_progress (vigia_dimension_get_goal (vigia_plan_get_dimension (no_term, 0), 0), entry);
  report = make_report (no_term, NULL);
  g_assert_cmpstr (vigia_report_get_period (report), ==, "2025-S1");
  csv = write_report (report, VIGIA_REPORT_FORMAT_CSV, f->dir);
  csv_text = vigia_test_read_file (csv);
  /* One semester, the authority only; no expected share without a term. */
  g_assert_nonnull (strstr (csv_text, ",2025-S1,authority,5,not-rated,,,,20,\r\n"));
}

/* ---------------------------------------------------------------------- */
/* CSV                                                                    */
/* ---------------------------------------------------------------------- */

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (f->plan, 1), 2);
  VigiaProgress *entry = vigia_goal_find_progress (goal, "2024-S2", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "csv.sqlite");
  g_autoptr(VigiaReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;
  const char *uuid;
  const char *target_uuid;
  g_autofree char *row_s1 = NULL;
  g_autofree char *row_s2 = NULL;
  g_autofree char *row_observer = NULL;
  g_autofree char *row_empty = NULL;

  /* Formulas are neutralised. */
  vigia_progress_set_note (entry, "=HYPERLINK(\"http://x\")");
  vigia_goal_set_indicator (goal, "+CLÚSTER");

  /* Saved, so that goals have their uuids. */
  g_assert_true (vigia_library_add_plan (library, f->plan, &error));
  g_assert_no_error (error);
  uuid = vigia_goal_get_uuid (vigia_dimension_get_goal (vigia_plan_get_dimension (f->plan, 0), 0));
  target_uuid = vigia_target_get_uuid (vigia_goal_get_target (vigia_dimension_get_goal (
    vigia_plan_get_dimension (f->plan, 0), 0), 0));

  report = make_report (f->plan, NULL);
  path = write_report (report, VIGIA_REPORT_FORMAT_CSV, f->dir);
  csv = vigia_test_read_file (path);

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "goal_uuid,target_uuid,plan,dimension,number,indicator,target,period,"
                                   "source,value,status,note,evidence,recorded,achievement,expected\r\n"));
  rows = g_strsplit (csv, "\r\n", -1);
  /* 12 goals × 4 semesters (2023-S1 … 2024-S2) × 2 sources, the header,
   * and the empty string after the last line end. */
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 12 * 4 * 2 + 1);

  row_s1 = g_strdup_printf ("%s,%s,\"JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA\",Social,1,PERSONAS CON "
                            "DISCAPACIDAD ADULTO MAYOR,25%% DE POBLACIÓN ATENDIDA,2024-S1,authority,8,"
                            "in-progress,,,2024-07-15T00:00:00Z,32,37.5", uuid, target_uuid);
  row_s2 = g_strdup_printf ("%s,%s,\"JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA\",Social,1,PERSONAS CON "
                            "DISCAPACIDAD ADULTO MAYOR,25%% DE POBLACIÓN ATENDIDA,2024-S2,authority,12.5,"
                            "in-progress,Programa activo en 3 de 8 sectores,"
                            "https://www.muniindependencia.gob.pe/avance-2024-2.pdf,2025-01-15T00:00:00Z,50,50", uuid, target_uuid);
  row_observer = g_strdup_printf ("%s,%s,\"JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA\",Social,1,PERSONAS CON "
                                  "DISCAPACIDAD ADULTO MAYOR,25%% DE POBLACIÓN ATENDIDA,2024-S2,observer,10,"
                                  "in-progress,Verificado en el padrón de beneficiarios,,2025-01-15T00:00:00Z,40,50",
                                  uuid, target_uuid);
  row_empty = g_strdup_printf ("%s,%s,\"JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA\",Social,1,PERSONAS CON "
                               "DISCAPACIDAD ADULTO MAYOR,25%% DE POBLACIÓN ATENDIDA,2023-S1,authority,,,,,,,12.5",
                               uuid, target_uuid);
  g_assert_true (g_strv_contains ((const char * const *) rows, row_s1));
  g_assert_true (g_strv_contains ((const char * const *) rows, row_s2));
  g_assert_true (g_strv_contains ((const char * const *) rows, row_observer));
  g_assert_true (g_strv_contains ((const char * const *) rows, row_empty));

  /* Broken, no value: 0 % by its status. */
  g_assert_nonnull (strstr (csv, ",'+CLÚSTER,03 CLÚSTER DESARROLLADOS,2024-S2,authority,,broken,"
                                 "\"'=HYPERLINK(\"\"http://x\"\")\",,2025-01-15T00:00:00Z,0,50\r\n"));
  vigia_test_assert_finalized (&report);
  vigia_test_assert_finalized (&library);
}

/* A report's CSV, imported as progress, gives back what was recorded. */
static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "a.sqlite");
  g_autoptr(VigiaLibrary) other = vigia_test_open_library (f->dir, "b.sqlite");
  g_autoptr(VigiaPlan) bare = vigia_test_load_sample_plan ();
  g_autoptr(VigiaPlan) loaded = NULL;
  g_autoptr(VigiaPlan) copied = NULL;
  g_autoptr(VigiaReport) report = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_history, n_saved = 0;

  g_assert_true (vigia_library_add_plan (library, f->plan, &error));
  g_assert_no_error (error);

  /* The same plan, without progress, in another library. */
  vigia_plan_set_uuid (bare, vigia_plan_get_uuid (f->plan));
  for (guint i = 0; i < vigia_plan_get_n_dimensions (bare); i++)
    for (guint j = 0; j < vigia_dimension_get_n_goals (vigia_plan_get_dimension (bare, i)); j++)
      {
        VigiaGoal *to = vigia_dimension_get_goal (vigia_plan_get_dimension (bare, i), j);
        VigiaGoal *from = vigia_dimension_get_goal (vigia_plan_get_dimension (f->plan, i), j);

        vigia_goal_set_uuid (to, vigia_goal_get_uuid (from));
        vigia_target_set_uuid (vigia_goal_get_target (to, 0), vigia_target_get_uuid (vigia_goal_get_target (from, 0)));
      }
  g_assert_true (vigia_library_add_plan (other, bare, &error));
  g_assert_no_error (error);

  loaded = vigia_library_load_plan (library, vigia_plan_get_id (f->plan), &error);
  g_assert_no_error (error);
  report = make_report (loaded, NULL);
  path = write_report (report, VIGIA_REPORT_FORMAT_CSV, f->dir);
  csv = vigia_test_read_file (path);

  /* Into the library it came from: nothing changes. */
  before = vigia_json_writer_plan_to_string (loaded);
  history = vigia_library_list_history (library, vigia_plan_get_uuid (loaded), NULL, &error);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);
  g_assert_true (vigia_progress_csv_import (library, "informe.csv", csv, strlen (csv), &n_saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_saved, ==, 17);
  g_clear_object (&loaded);
  loaded = vigia_library_load_plan (library, vigia_plan_get_id (f->plan), &error);
  after = vigia_json_writer_plan_to_string (loaded);
  g_assert_cmpstr (after, ==, before);
  history = vigia_library_list_history (library, vigia_plan_get_uuid (loaded), NULL, &error);
  g_assert_cmpuint (history->len, ==, n_history);

  /* Into the other: the same entries, one by one. */
  g_assert_true (vigia_progress_csv_import (other, "informe.csv", csv, strlen (csv), &n_saved, &error));
  g_assert_no_error (error);
  copied = vigia_library_load_plan (other, vigia_plan_get_id (bare), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < vigia_plan_get_n_dimensions (loaded); i++)
    for (guint j = 0; j < vigia_dimension_get_n_goals (vigia_plan_get_dimension (loaded, i)); j++)
      {
        g_autofree char *a = vigia_json_writer_goal_to_string (vigia_dimension_get_goal (vigia_plan_get_dimension (loaded, i), j));
        g_autofree char *b = vigia_json_writer_goal_to_string (vigia_dimension_get_goal (vigia_plan_get_dimension (copied, i), j));
        /* Recorded anew in the other library: when and by whom differ. */
        g_autoptr(GRegex) stamps = g_regex_new ("\"(edited|edited_by|merged)\": [^\n]*\n", 0, 0, NULL);
        g_autofree char *plain_a = g_regex_replace_literal (stamps, a, -1, 0, "", 0, NULL);
        g_autofree char *plain_b = g_regex_replace_literal (stamps, b, -1, 0, "", 0, NULL);
        const char *pa = strstr (plain_a, "\"progress\"");
        const char *pb = strstr (plain_b, "\"progress\"");

        g_assert_nonnull (pa);
        g_assert_cmpstr (pa, ==, pb);
      }
  vigia_test_assert_finalized (&report);
  vigia_test_assert_finalized (&library);
  vigia_test_assert_finalized (&other);
}

/* ---------------------------------------------------------------------- */
/* Text                                                                   */
/* ---------------------------------------------------------------------- */

static void
assert_same_plan (VigiaPlan *a,
                  VigiaPlan *b)
{
  g_assert_cmpstr (vigia_plan_get_organization (a), ==, vigia_plan_get_organization (b));
  g_assert_cmpint (vigia_plan_get_election (a), ==, vigia_plan_get_election (b));
  g_assert_cmpstr (vigia_plan_get_department (a), ==, vigia_plan_get_department (b));
  g_assert_cmpstr (vigia_plan_get_province (a), ==, vigia_plan_get_province (b));
  g_assert_cmpstr (vigia_plan_get_district (a), ==, vigia_plan_get_district (b));
  g_assert_cmpstr (vigia_plan_get_ubigeo (a), ==, vigia_plan_get_ubigeo (b));
  g_assert_cmpint (vigia_plan_get_term_start (a), ==, vigia_plan_get_term_start (b));
  g_assert_cmpint (vigia_plan_get_term_end (a), ==, vigia_plan_get_term_end (b));
  g_assert_cmpstr (vigia_plan_get_ideario (a), ==, vigia_plan_get_ideario (b));
  g_assert_cmpstr (vigia_plan_get_vision (a), ==, vigia_plan_get_vision (b));
  g_assert_cmpstr (vigia_plan_get_accountability (a), ==, vigia_plan_get_accountability (b));
  g_assert_cmpuint (vigia_plan_get_n_dimensions (a), ==, vigia_plan_get_n_dimensions (b));

  for (guint i = 0; i < vigia_plan_get_n_dimensions (a); i++)
    {
      VigiaDimension *da = vigia_plan_get_dimension (a, i);
      VigiaDimension *db = vigia_plan_get_dimension (b, i);

      g_assert_cmpint (vigia_dimension_get_kind (da), ==, vigia_dimension_get_kind (db));
      g_assert_cmpstr (vigia_dimension_get_title (da), ==, vigia_dimension_get_title (db));
      g_assert_cmpuint (vigia_dimension_get_n_goals (da), ==, vigia_dimension_get_n_goals (db));
      for (guint j = 0; j < vigia_dimension_get_n_goals (da); j++)
        {
          VigiaGoal *ga = vigia_dimension_get_goal (da, j);
          VigiaGoal *gb = vigia_dimension_get_goal (db, j);

          g_assert_cmpuint (vigia_goal_get_number (ga), ==, vigia_goal_get_number (gb));
          g_assert_cmpstr (vigia_goal_get_problem (ga), ==, vigia_goal_get_problem (gb));
          g_assert_cmpstr (vigia_goal_get_objective (ga), ==, vigia_goal_get_objective (gb));
          g_assert_cmpstr (vigia_goal_get_indicator (ga), ==, vigia_goal_get_indicator (gb));
          g_assert_cmpstr (vigia_goal_get_target_text (ga), ==, vigia_goal_get_target_text (gb));
          g_assert_cmpfloat (vigia_goal_get_target_value (ga), ==, vigia_goal_get_target_value (gb));
          g_assert_cmpint (vigia_goal_get_target_measure (ga), ==, vigia_goal_get_target_measure (gb));
          g_assert_cmpint (vigia_goal_get_target_direction (ga), ==, vigia_goal_get_target_direction (gb));
        }
    }
}

static VigiaPlan *
read_back (const char *text)
{
  g_autoptr(GError) error = NULL;
  VigiaPlan *plan = vigia_declara_read ((const guint8 *) text, strlen (text), "informe.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* The lines from @first up to the one before @last. */
static char *
lines_between (const char *text,
               const char *first,
               const char *last)
{
  const char *start = strstr (text, first);
  const char *end = start != NULL ? strstr (start, last) : NULL;

  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *sample_path = g_build_filename (SOURCE_DATADIR, "samples",
                                                   "erm2022-lima-independencia-juntos-por-el-peru.txt", NULL);
  g_autofree char *sample = vigia_test_read_file (sample_path);
  g_autoptr(VigiaReport) report = make_report (f->plan, NULL);
  g_autofree char *path = write_report (report, VIGIA_REPORT_FORMAT_TXT, f->dir);
  g_autofree char *text = vigia_test_read_file (path);
  g_autoptr(VigiaPlan) back = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  g_assert_true (g_str_has_prefix (text, "\n\nRESUMEN DEL PLAN DE GOBIERNO\n\nI. FINALIDAD\n\n"));
  g_assert_true (g_str_has_suffix (text, "\nOrganización Política: JUNTOS POR EL PERU\n"
                                         " Tipo Elección: MUNICIPAL DISTRITAL\n"
                                         " Lugar: LIMA - LIMA - INDEPENDENCIA\n"));

  /* The tables of section V are the sample's, byte for byte. */
  ours = lines_between (text, "1. DIMENSIÓN SOCIAL\n", "VI. MECANISMO");
  theirs = lines_between (sample, "1. DIMENSIÓN SOCIAL\n", "VI. MECANISMO");
  g_assert_cmpstr (ours, ==, theirs);

  /* And the DECLARA reader reads it back to the same plan. */
  back = read_back (text);
  assert_same_plan (back, f->plan);
  vigia_test_assert_finalized (&report);
}

/* Another shape (the JNE's JSON for a region), and texts that the layout
 * must keep in their cells. */
static void
test_text_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VigiaPlan) tricky = vigia_test_make_plan ("PARTIDO\tMORADO", "SAN JUAN DE LURIGANCHO", 2);
  g_autoptr(VigiaPlan) back = NULL;
  g_autoptr(VigiaDimension) extra = vigia_dimension_new (VIGIA_DIMENSION_KIND_OTHER, "PROPUESTAS ADICIONALES");
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "samples", "erm2026-regional-ejemplo.json", NULL);
  g_autofree char *text = NULL;
  VigiaImportOptions options = { "PUNO", 2027, 2030 };
  VigiaGoal *goal;

  file = g_file_new_for_path (path);
  plans = vigia_read_plans (file, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  text = vigia_declara_write_to_string (g_ptr_array_index (plans, 0));
  g_assert_nonnull (strstr (text, " Tipo Elección: REGIONAL\n Lugar: PUNO\n"));
  g_assert_nonnull (strstr (text, "\tMETA (2027-2030)\n"));
  back = read_back (text);
  assert_same_plan (back, g_ptr_array_index (plans, 0));
  g_clear_object (&back);
  g_clear_pointer (&text, g_free);

  /* Tabs and line ends inside cells, an empty dimension, lists in the
   * ideario, paragraphs in the vision. */
  vigia_plan_set_organization (tricky, "PARTIDO MORADO");
  vigia_plan_set_ideario (tricky, "Principios:\n• Honestidad\n• Transparencia\n\nValores: trabajo.");
  vigia_plan_set_vision (tricky, "Un distrito seguro.\n\nUn distrito limpio y ordenado.");
  vigia_plan_set_accountability (tricky, "Informe semestral en audiencia pública.");
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (tricky, 0), 1);
  vigia_goal_set_problem (goal, "EL AGUA\tLLEGA\nTRES HORAS AL DÍA");
  vigia_goal_set_target_text (goal, "Disminuir la prevalencia de anemia infantil al 30,0 %.");
  vigia_target_update_reading (vigia_goal_get_target (goal, 0));
  vigia_plan_append_dimension (tricky, extra);
  text = vigia_declara_write_to_string (tricky);
  g_assert_nonnull (strstr (text, "\n2\tEL AGUA LLEGA TRES HORAS AL DÍA\t"));
  back = read_back (text);
  g_assert_cmpstr (vigia_goal_get_problem (vigia_dimension_get_goal (vigia_plan_get_dimension (back, 0), 1)), ==,
                   "EL AGUA LLEGA TRES HORAS AL DÍA");
  vigia_goal_set_problem (goal, "EL AGUA LLEGA TRES HORAS AL DÍA");
  /* The test plan's targets were set by hand; the reader reads them. */
  for (guint i = 0; i < vigia_plan_get_n_dimensions (tricky); i++)
    for (guint j = 0; j < vigia_dimension_get_n_goals (vigia_plan_get_dimension (tricky, i)); j++)
      vigia_target_update_reading (vigia_goal_get_target (vigia_dimension_get_goal (vigia_plan_get_dimension (tricky, i), j), 0));
  vigia_plan_set_ubigeo (tricky, vigia_plan_get_ubigeo (back));
  assert_same_plan (back, tricky);
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (back, 4)), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Files                                                                  */
/* ---------------------------------------------------------------------- */

/* A stream that takes @limit bytes, then fails as a full disk does. */
typedef struct
{
  GOutputStream parent_instance;
  gsize         written;
  gsize         limit;
} FailingStream;

typedef GOutputStreamClass FailingStreamClass;

static GType failing_stream_get_type (void);
G_DEFINE_TYPE (FailingStream, failing_stream, G_TYPE_OUTPUT_STREAM)

static gssize
failing_stream_write (GOutputStream  *stream,
                      const void     *buffer,
                      gsize           count,
                      GCancellable   *cancellable,
                      GError        **error)
{
  FailingStream *self = (FailingStream *) stream;

  if (self->written + count > self->limit)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No queda espacio en el disco");
      return -1;
    }
  self->written += count;
  return count;
}

static void
failing_stream_class_init (FailingStreamClass *klass)
{
  klass->write_fn = failing_stream_write;
}

static void
failing_stream_init (FailingStream *self)
{
}

static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaReport) report = make_report (f->plan, NULL);
  g_autofree char *path = g_build_filename (f->dir, "informe.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "informe.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  g_autofree char *prefix = NULL;

  /* A folder that is not there: the message names the file. */
  g_assert_false (vigia_report_write_file (report, VIGIA_REPORT_FORMAT_PDF, nowhere, NULL, &error));
  g_assert_nonnull (error);
  prefix = g_strconcat (missing, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  /* Every writer stops at the first failure and says why. */
  for (guint format = 0; format < VIGIA_REPORT_N_FORMATS; format++)
    {
      g_autoptr(GOutputStream) stream = g_object_new (failing_stream_get_type (), NULL);

      ((FailingStream *) stream)->limit = 100;
      g_assert_false (vigia_report_write (report, format, stream, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpstr (error->message, ==, "No queda espacio en el disco");
      g_clear_error (&error);
    }

  /* An export that does not finish leaves the file that was there. */
  g_file_set_contents (path, "un informe anterior", -1, &error);
  g_assert_no_error (error);
  checksum = vigia_test_checksum_file (path);
  for (guint format = 0; format < VIGIA_REPORT_N_FORMATS; format++)
    {
      g_cancellable_cancel (cancellable);
      g_assert_false (vigia_report_write_file (report, format, file, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_clear_pointer (&after, g_free);
      after = vigia_test_checksum_file (path);
      g_assert_cmpstr (after, ==, checksum);
      g_cancellable_reset (cancellable);
    }
  vigia_test_assert_finalized (&report);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  GError **error = data;

  vigia_report_write_file_finish (VIGIA_REPORT (object), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_write_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaReport) report = make_report (f->plan, NULL);
  g_autofree char *path = g_build_filename (f->dir, "informe.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *html = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;

  vigia_report_write_file_async (report, VIGIA_REPORT_FORMAT_HTML, file, NULL, write_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  html = vigia_test_read_file (path);
  g_assert_true (g_str_has_suffix (html, "</html>\n"));

  /* Cancelled while it runs: the page written before stays. */
  checksum = vigia_test_checksum_file (path);
  vigia_report_write_file_async (report, VIGIA_REPORT_FORMAT_PDF, file, cancellable, write_done_cb, &error);
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = vigia_test_checksum_file (path);
  g_assert_cmpstr (after, ==, checksum);

  vigia_test_wait_for_threads (report);
  vigia_test_assert_finalized (&report);
}

static void
test_formats (void)
{
  VigiaReportFormat format;
  const char * const names[] = { "pdf", "html", "csv", "txt", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (vigia_report_format_from_name (names[i], &format));
      g_assert_cmpint (format, ==, i);
      g_assert_cmpstr (vigia_report_format_get_name (format), ==, names[i]);
      g_assert_nonnull (vigia_report_format_get_mime_type (format));
    }
  g_assert_true (vigia_report_format_from_name ("PDF", &format));
  g_assert_false (vigia_report_format_from_name ("docx", &format));
  g_assert_false (vigia_report_format_from_name (NULL, &format));
  vigia_test_set_language ("es");
  g_assert_cmpstr (vigia_report_format_get_label (VIGIA_REPORT_FORMAT_CSV), ==, "Hoja de cálculo (CSV)");
  vigia_test_set_language ("en");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

/* A report is written from a plan: only the CSV's cases keep a library. */
#define ADD(name, func) \
  vigia_test_add_sqlite_only ("/report/" name, Fixture, "Opens no library: the run on SQLite covers it", \
                              fixture_set_up, func, fixture_tear_down)
#define ADD_ON_STORE(name, func) \
  vigia_test_add_on_store ("/report/" name, Fixture, fixture_set_up, func, fixture_tear_down)

  vigia_test_add_func_sqlite_only ("/report/formats", test_formats);
  ADD ("period", test_period);
  ADD ("file-name", test_file_name);
  ADD ("pdf", test_pdf);
  ADD ("pdf/period", test_pdf_period);
  ADD ("pdf/pagination", test_pdf_pagination);
  ADD ("painter", test_painter);
  ADD ("html", test_html);
  ADD ("html/hostile", test_html_hostile);
  ADD ("bidi", test_bidi);
  ADD ("empty-plan", test_empty_plan);
  ADD_ON_STORE ("csv", test_csv);
  ADD_ON_STORE ("csv/round-trip", test_csv_round_trip);
  ADD ("text", test_text);
  ADD ("text/round-trip", test_text_round_trip);
  ADD ("write/failure", test_write_failure);
  ADD ("write/async", test_write_async);

  return g_test_run ();
}
