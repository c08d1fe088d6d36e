/* vigia-report-pdf.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report as an A4 PDF: the painter's pages on a cairo PDF surface, which
 * embeds subsets of the fonts and keeps text as text and charts as vectors.
 * The headings become the document's outline (bookmarks), evidence
 * addresses live links.
 */
#define G_LOG_DOMAIN "vigia-report-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "vigia-error.h"
#include "vigia-report-painter.h"
#include "vigia-report-private.h"

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Output;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Output *output = closure;

  if (output->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (output->stream, data, length, NULL, output->cancellable, &output->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (cairo_surface_t    *surface,
             VigiaReportPainter *painter)
{
  guint n = vigia_report_painter_get_n_headings (painter);
  int section = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *target = NULL;
      guint level, page;
      double top;
      const char *text = vigia_report_painter_get_heading (painter, i, &level, &page, &top);
      int id;

      /* Whole points: cairo reads decimals in the locale's way, and a
       * decimal comma would spoil the attribute. */
      target = g_strdup_printf ("page=%u pos=[0 %d]", page + 1, (int) top);
      id = cairo_pdf_surface_add_outline (surface, level == 1 ? CAIRO_PDF_OUTLINE_ROOT : section, text,
                                          target, CAIRO_PDF_OUTLINE_FLAG_OPEN);
      if (level == 1)
        section = id;
    }
}

/**
 * vigia_report_write_pdf: (skip)
 *
 * Writes @self as a PDF document to @stream, without closing it.
 */
gboolean
vigia_report_write_pdf (VigiaReport    *self,
                        GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(VigiaReportPainter) painter = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *date = NULL;
  Output output = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (VIGIA_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &output, VIGIA_REPORT_A4_WIDTH, VIGIA_REPORT_A4_HEIGHT);
  title = vigia_report_dup_title (self);
  author = vigia_report_dup_author (self);
  date = g_date_time_format (vigia_report_get_date (self), "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Progress report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vigía " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  cr = cairo_create (surface);
  painter = vigia_report_painter_new (self, VIGIA_REPORT_A4_WIDTH, VIGIA_REPORT_A4_HEIGHT);
  n_pages = vigia_report_painter_paginate (painter, cr);
  for (guint i = 0; i < n_pages && output.error == NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &output.error))
        break;
      vigia_report_painter_draw_page (painter, cr, i);
      cairo_show_page (cr);
    }
  /* The outline points at pages, which must all be there. */
  if (output.error == NULL)
    add_outline (surface, painter);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (output.error != NULL)
    {
      g_propagate_error (error, output.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED, _("Could not write the PDF document: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
