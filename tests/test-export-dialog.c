/* test-export-dialog.c: Export… and Print… of a plan's report in the application
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libintl.h>
#include <string.h>

#include "vigia-export-dialog-private.h"
#include "vigia-plan-editor-private.h"
#include "vigia-progress-page.h"
#include "vigia-report-print-private.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"
#include "vigia-window-private.h"

/* One application for the whole program: its id can be registered once. */
static VigiaApplication *app;

static void
wait_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
exported_cb (VigiaExportDialog  *dialog,
             GFile              *file,
             GFile             **written)
{
  g_set_object (written, file);
}

static char *
basename_of (VigiaExportDialog *dialog)
{
  return g_file_get_basename (vigia_export_dialog_get_file (dialog));
}

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, tool, path,
                              g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  return out;
}

static guint
n_pages (const char *pdfinfo)
{
  const char *pages = strstr (pdfinfo, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "),
                                   NULL, 10);
}

/* The choices, and the file's name that follows them. */
static void
test_choices (void)
{
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *custom_path = g_build_filename (dir, "avance-municipal.pdf", NULL);
  g_autoptr(GFile) custom = g_file_new_for_path (custom_path);
  g_autofree char *name = NULL;
  VigiaExportDialog *dialog;
  GtkWidget *window;

  vigia_test_add_sample_progress (plan);
  /* References of the test's own, to see both windows go when closed. */
  window = g_object_ref (gtk_window_new ());
  dialog = g_object_ref (vigia_export_dialog_new (GTK_WINDOW (window), plan));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle ();

  /* A PDF of the latest semester with progress, named for the place. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* The keyboard starts on Export, not on Cancel. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                 GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), VIGIA_TYPE_EXPORT_DIALOG,
                                                            "export_button")));
  g_assert_cmpint (vigia_export_dialog_get_format (dialog), ==, VIGIA_REPORT_FORMAT_PDF);
  g_assert_cmpstr (vigia_export_dialog_get_period (dialog), ==, "2024-S2");
  name = basename_of (dialog);
  g_assert_cmpstr (name, ==, "informe-independencia-2024-S2.pdf");
  g_clear_pointer (&name, g_free);

  vigia_export_dialog_set_period (dialog, "2024-S1");
  name = basename_of (dialog);
  g_assert_cmpstr (name, ==, "informe-independencia-2024-S1.pdf");
  g_clear_pointer (&name, g_free);

  vigia_export_dialog_set_format (dialog, VIGIA_REPORT_FORMAT_HTML);
  name = basename_of (dialog);
  g_assert_cmpstr (name, ==, "informe-independencia-2024-S1.html");
  g_clear_pointer (&name, g_free);

  /* A name chosen stays; its extension follows the format. */
  vigia_export_dialog_set_file (dialog, custom);
  vigia_export_dialog_set_format (dialog, VIGIA_REPORT_FORMAT_CSV);
  name = basename_of (dialog);
  g_assert_cmpstr (name, ==, "avance-municipal.csv");
  g_clear_pointer (&name, g_free);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  vigia_test_assert_finalized (&dialog);
  vigia_test_assert_finalized (&window);
  vigia_test_assert_finalized (&plan);
  vigia_test_remove_dir (dir);
}

/* Export: written in a thread, the dialog closes when the file is there. */
static void
test_export (void)
{
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "informe.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) written = NULL;
  VigiaExportDialog *dialog;
  GtkWidget *window;

  vigia_test_add_sample_progress (plan);
  window = gtk_window_new ();
  dialog = vigia_export_dialog_new (GTK_WINDOW (window), plan);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  vigia_export_dialog_set_file (dialog, file);
  vigia_export_dialog_set_period (dialog, "2024-S1");
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &written);

  /* The plan edited meanwhile: the report is of the plan as it was. */
  vigia_plan_set_organization (plan, "OTRA ORGANIZACIÓN");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL);
  g_assert_true (vigia_export_dialog_get_busy (dialog));
  while (written == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_idle ();
  g_assert_null (dialog);
  g_assert_true (g_file_equal (written, file));

  pdf_path = g_file_get_path (written);
  text = run_tool ("pdftotext", pdf_path);
  g_assert_nonnull (strstr (text, "JUNTOS POR EL PERU"));
  g_assert_null (strstr (text, "OTRA ORGANIZACIÓN"));
  g_assert_nonnull (strstr (text, "1.er semestre 2024 (semestre 3 de 8)"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  vigia_test_assert_finalized (&plan);
  vigia_test_remove_dir (dir);
}

/* A folder that is not there: the dialog stays and says why. */
static void
test_export_failure (void)
{
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "no-hay", "informe.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *toplevels = gtk_window_get_toplevels ();
  VigiaExportDialog *dialog;
  GtkWidget *window;
  AdwMessageDialog *message = NULL;

  window = gtk_window_new ();
  dialog = vigia_export_dialog_new (GTK_WINDOW (window), plan);
  gtk_window_present (GTK_WINDOW (dialog));
  vigia_export_dialog_set_format (dialog, VIGIA_REPORT_FORMAT_HTML);
  vigia_export_dialog_set_file (dialog, file);
  vigia_export_dialog_export (dialog);
  while (vigia_export_dialog_get_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  wait_idle ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        message = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "No se pudo guardar el informe");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (message), path));
  g_assert_false (g_file_query_exists (file, NULL));

  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  vigia_test_remove_dir (dir);
}

/* Print… goes through GtkPrintOperation with the PDF's painter: printed to
 * a file, the pages are the PDF's. */
static void
test_print (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  g_autoptr(VigiaReport) report = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *printed = g_build_filename (dir, "impreso.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "informe.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autofree char *printed_info = NULL;
  g_autofree char *exported_info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  vigia_test_add_sample_progress (plan);
  report = vigia_report_new (plan, NULL, &error);
  g_assert_no_error (error);

  operation = vigia_report_print_operation_new (report);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (gtk_print_operation_get_default_page_setup (operation))),
                   ==, GTK_PAPER_NAME_A4);

  result = vigia_report_print (report, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (vigia_report_write_file (report, VIGIA_REPORT_FORMAT_PDF, file, NULL, &error));
  g_assert_no_error (error);

  printed_info = run_tool ("pdfinfo", printed);
  exported_info = run_tool ("pdfinfo", exported);
  g_assert_cmpuint (n_pages (printed_info), >=, 4);
  g_assert_cmpuint (n_pages (printed_info), ==, n_pages (exported_info));
  g_assert_nonnull (strstr (printed_info, "Page size:       595.276 x 841.89 pts (A4)"));

  text = run_tool ("pdftotext", printed);
  g_assert_nonnull (strstr (text, "Informe de avance"));
  g_assert_nonnull (strstr (text, "Página 1 de "));
  g_assert_nonnull (strstr (text, "Nota (Autoridad): Programa activo en 3 de 8 sectores"));

  vigia_test_assert_finalized (&operation);
  vigia_test_assert_finalized (&report);
  vigia_test_assert_finalized (&plan);
  vigia_test_remove_dir (dir);
}

/* In the window: Export… and Print… in the plan's menu act on the open
 * plan, with what was typed but not yet saved. */
static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *library_path = g_build_filename (dir, "library.sqlite", NULL);
  g_autofree char *path = g_build_filename (dir, "informe.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *html = NULL;
  g_autofree char *name = NULL;
  VigiaExportDialog *dialog;
  VigiaWindow *window;

  g_assert_true (vigia_application_open_library (app, library_path, &error));
  vigia_test_add_sample_progress (plan);
  g_assert_true (vigia_library_add_plan (vigia_application_get_library (app), plan, &error));
  g_assert_no_error (error);

  window = g_object_ref (vigia_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  vigia_test_wait_idle ();

  /* Nothing to export or print until a plan is open. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-plan", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-plan", NULL);
  vigia_test_wait_idle ();
  g_assert_null (vigia_test_find_window (VIGIA_TYPE_EXPORT_DIALOG));
  g_assert_true (vigia_window_open_plan (window, vigia_plan_get_id (plan), &error));
  g_assert_no_error (error);
  vigia_test_wait_idle ();

  /* The report is of the semester the Avance tab judges the plan as of. */
  vigia_progress_page_set_period (vigia_plan_editor_get_progress_page (vigia_window_get_editor (window)), "2024-S2");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-plan", NULL);
  vigia_test_wait_idle ();
  dialog = VIGIA_EXPORT_DIALOG (vigia_test_find_window (VIGIA_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  name = basename_of (dialog);
  g_assert_cmpstr (name, ==, "informe-independencia-2024-S2.pdf");

  vigia_export_dialog_set_format (dialog, VIGIA_REPORT_FORMAT_HTML);
  vigia_export_dialog_set_file (dialog, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  vigia_export_dialog_export (dialog);
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  html = vigia_test_read_file (path);
  g_assert_nonnull (strstr (html, "<title>Informe de avance: JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA, "
                                  "2.º semestre 2024</title>"));

  gtk_window_destroy (GTK_WINDOW (window));
  vigia_test_close_dialogs ();
  vigia_test_wait_idle ();
  vigia_test_assert_finalized (&window);
  vigia_test_assert_finalized (&plan);
  vigia_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = vigia_test_init_application (&argc, &argv);
  /* In Spanish, as the application sets it up: its own strings come from
   * the default text domain. */
  vigia_test_set_language ("es");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/export-dialog/choices", test_choices);
  g_test_add_func ("/export-dialog/export", test_export);
  g_test_add_func ("/export-dialog/failure", test_export_failure);
  g_test_add_func ("/export-dialog/print", test_print);
  g_test_add_func ("/export-dialog/window", test_window);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
