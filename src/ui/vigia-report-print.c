/* vigia-report-print.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing draws the pages with the painter that draws the PDF
 * (VigiaReportPainter), laid out on the paper the user chose, A4 unless
 * told otherwise, with Vigía's own margins: the printout is the PDF.  The
 * print dialog's preview shows the same pages.
 */
#define G_LOG_DOMAIN "vigia-report-print"

#include "config.h"

#include "vigia-report-print-private.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                VigiaReport       *report)
{
  g_autoptr(VigiaReportPainter) painter = NULL;
  guint n_pages;

  /* The context's units are points over the whole sheet. */
  painter = vigia_report_painter_new (report, gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));
  n_pages = vigia_report_painter_paginate (painter, gtk_print_context_get_cairo_context (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
  g_object_set_data_full (G_OBJECT (operation), "vigia-painter", g_steal_pointer (&painter), g_object_unref);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              VigiaReport       *report)
{
  VigiaReportPainter *painter = g_object_get_data (G_OBJECT (operation), "vigia-painter");

  if (painter != NULL && (guint) page < vigia_report_painter_get_n_pages (painter))
    vigia_report_painter_draw_page (painter, gtk_print_context_get_cairo_context (context), page);
}

static void
end_print_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              VigiaReport       *report)
{
  g_object_set_data (G_OBJECT (operation), "vigia-painter", NULL);
}

/**
 * vigia_report_print_operation_new:
 *
 * Returns: (transfer full): a print operation that draws @report's pages
 */
GtkPrintOperation *
vigia_report_print_operation_new (VigiaReport *report)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = NULL;
  GtkPrintOperation *operation;

  g_return_val_if_fail (VIGIA_IS_REPORT (report), NULL);

  title = vigia_report_dup_title (report);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The report keeps its own margins, as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), report, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), report, 0);
  g_signal_connect_object (operation, "end-print", G_CALLBACK (end_print_cb), report, 0);
  g_object_set_data_full (G_OBJECT (operation), "vigia-report", g_object_ref (report), g_object_unref);

  return operation;
}

/**
 * vigia_report_print:
 * @parent: (nullable): the window the print dialog belongs to
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for Print…; EXPORT
 *   writes @export_filename as a PDF through the printing system
 * @export_filename: (nullable): for %GTK_PRINT_OPERATION_ACTION_EXPORT
 *
 * Prints @report, waiting for the print dialog.
 *
 * Returns: the result of gtk_print_operation_run()
 */
GtkPrintOperationResult
vigia_report_print (VigiaReport              *report,
                    GtkWindow                *parent,
                    GtkPrintOperationAction   action,
                    const char               *export_filename,
                    GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (VIGIA_IS_REPORT (report), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = vigia_report_print_operation_new (report);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  return gtk_print_operation_run (operation, action, parent, error);
}
