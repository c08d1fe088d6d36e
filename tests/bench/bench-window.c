/* bench-window.c: the window over a national library (about 20,000 plans)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a user feels: how long the window takes to show the list, how long a
 * page of scrolling takes to draw, how long a plan takes to open, and how
 * long the list takes to answer a search.  Each step is timed until the
 * main loop is idle again, that is until GTK has laid out and drawn what
 * changed.  Run it through `build-aux/dev bench` (it needs an X server:
 * meson runs it under Xvfb, whose software drawing makes these figures an
 * upper bound).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "vigia-application.h"
#include "vigia-bench-data.h"
#include "vigia-bench-figure.h"
#include "vigia-compare-page-private.h"
#include "vigia-plan-selection.h"
#include "vigia-window-private.h"

static int opt_plans = 20000;
static int opt_runs = 5;
static char *opt_library = NULL;

static const GOptionEntry entries[] = {
  { "plans", 'n', 0, G_OPTION_ARG_INT, &opt_plans, "Plans in the library (20000)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Repetitions of each timed step (5)", "N" },
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &opt_library,
    "Keep the library in FILE, and reuse it if it has the plans", "FILE" },
  { NULL }
};

/* The lists whose rows reach their view a few a frame. */
static VigiaListStager *watched[2];

static gboolean
rows_pending (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    if (watched[i] != NULL && vigia_list_stager_get_pending (watched[i]))
      return TRUE;
  return FALSE;
}

/* Until GTK has nothing left to do: the frame is drawn and every row of the
 * lists shown.  With @longest, the longest main-loop iteration meanwhile:
 * how long the window could not answer. */
static void
settle_measured (double *longest)
{
  GMainContext *context = g_main_context_default ();

  for (int quiet = 0; quiet < 3; quiet++)
    {
      double start = now_ms ();

      while (g_main_context_iteration (context, FALSE))
        {
          double end = now_ms ();

          if (longest != NULL)
            *longest = MAX (*longest, end - start);
          start = end;
          quiet = 0;
        }
      if (rows_pending ())
        quiet = -1;
      g_usleep (1000);
    }
}

static void
settle (void)
{
  settle_measured (NULL);
}

/* Keeps the time of the first frame drawn after it was cleared. */
static void
note_paint (double *painted)
{
  if (*painted == 0)
    *painted = now_ms ();
}

static void
watch_lists (VigiaWindow *window)
{
  GtkWidget *compare = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), VIGIA_TYPE_WINDOW,
                                                                   "compare_page"));
  GtkListView *compare_list = GTK_LIST_VIEW (gtk_widget_get_template_child (compare, VIGIA_TYPE_COMPARE_PAGE,
                                                                            "list_view"));
  GtkListView *plan_list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), VIGIA_TYPE_WINDOW,
                                                                         "plan_list_view"));

  /* Weak: they go with the window. */
  g_set_weak_pointer (&watched[0], vigia_plan_selection_get_rows (VIGIA_PLAN_SELECTION (gtk_list_view_get_model (plan_list))));
  g_set_weak_pointer (&watched[1], VIGIA_LIST_STAGER (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (compare_list)))));
}

static void
build_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_library_open (path, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_autoptr(VigiaBenchData) data = NULL;

  if (library == NULL)
    g_error ("%s", error->message);
  if (vigia_library_count_plans (library, NULL) == (guint) opt_plans)
    return;

  data = vigia_bench_data_new (2026, &error);
  if (data == NULL)
    g_error ("%s", error->message);
  if (!vigia_library_begin (library, &error))
    g_error ("%s", error->message);
  for (int i = 0; i < opt_plans; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_bench_data_make_plan (data, i);

      if (i % 3 == 0)
        vigia_bench_data_add_progress (data, plan, i, FALSE);
      if (!vigia_library_add_plan (library, plan, &error))
        g_error ("%s", error->message);
    }
  if (!vigia_library_commit (library, &error))
    g_error ("%s", error->message);
}

static GtkAdjustment *
list_adjustment (VigiaWindow *window)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), VIGIA_TYPE_WINDOW,
                                                                "plan_list_view"));

  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— the window over a national library");
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaApplication) app = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  VigiaWindow *window;
  GtkAdjustment *adjustment;
  GListModel *plans;
  Figure *figure;
  double start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("vigia-bench-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = opt_library != NULL ? g_strdup (opt_library) : g_build_filename (dir, "national.sqlite", NULL);
  start = now_ms ();
  build_library (path);
  printf ("Vigía window benchmarks: %d plans (library ready in %.1f s), %d runs per figure\n\n",
          opt_plans, (now_ms () - start) / 1000.0, opt_runs);
  printf ("%-52s %12s %12s  %-8s %s\n", "figure", "median", "p95", "unit", "target");

  app = vigia_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error) ||
      !vigia_application_open_library (app, path, &error))
    g_error ("%s", error->message);

  /* The window, from nothing to its first frame, and to every row of the
   * list made. */
  {
    Figure *first = figure_new ("open the window: first frame", "ms", "≤ 1000", FALSE);

    figure = figure_new ("open the window: every row of the list made", "ms", "≤ 300", FALSE);
    for (int run = 0; run < opt_runs; run++)
      {
        double painted = 0;

        start = now_ms ();
        window = vigia_window_new (app);
        watch_lists (window);
        gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
        gtk_window_present (GTK_WINDOW (window));
        g_signal_connect_swapped (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                                  G_CALLBACK (note_paint), &painted);
        settle ();
        figure_add (first, painted - start);
        figure_add (figure, now_ms () - start);
        g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)), &painted);
        gtk_window_destroy (GTK_WINDOW (window));
        settle ();
      }
    figure_print (first);
    figure_print (figure);
  }

  window = vigia_window_new (app);
  watch_lists (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  plans = vigia_window_get_plans (window);
  adjustment = list_adjustment (window);

  /* Scrolling a page at a time, as with Page Down. */
  figure = figure_new ("scroll the list one page", "ms", "≤ 16", FALSE);
  for (int page = 0; page < 20 * opt_runs; page++)
    {
      start = now_ms ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      settle ();
      figure_add (figure, now_ms () - start);
    }
  figure_print (figure);

  figure = figure_new ("jump to a far place of the list", "ms", "≤ 100", FALSE);
  for (int run = 0; run < opt_runs; run++)
    {
      double far = (run % 2 == 0 ? 0.9 : 0.1) * gtk_adjustment_get_upper (adjustment);

      start = now_ms ();
      gtk_adjustment_set_value (adjustment, far);
      settle ();
      figure_add (figure, now_ms () - start);
    }
  figure_print (figure);
  printf ("  (%u of %u plan summaries read from the library so far)\n",
          vigia_plan_list_get_n_fetched (VIGIA_PLAN_LIST (plans)), g_list_model_get_n_items (plans));

  /* Opening plans from all over the list. */
  figure = figure_new ("open a plan in the editor", "ms", "≤ 100", FALSE);
  for (int run = 0; run < 4 * opt_runs; run++)
    {
      guint position = (run * 7919) % g_list_model_get_n_items (plans);

      start = now_ms ();
      if (!vigia_window_open_plan (window, vigia_plan_list_get_plan_id (VIGIA_PLAN_LIST (plans), position),
                                   &error))
        g_error ("%s", error->message);
      settle ();
      figure_add (figure, now_ms () - start);
    }
  figure_print (figure);

  /* The Avance tab of plans from all over the list: the grid of goals ×
   * semesters and the plan's chart, laid out and drawn. */
  figure = figure_new ("open a plan's Avance tab (grid drawn)", "ms", "≤ 100", FALSE);
  for (int run = 0; run < 4 * opt_runs; run++)
    {
      guint position = (run * 6007 + 11) % g_list_model_get_n_items (plans);
      VigiaPlanEditor *editor = vigia_window_get_editor (window);

      if (!vigia_window_open_plan (window, vigia_plan_list_get_plan_id (VIGIA_PLAN_LIST (plans), position),
                                   &error))
        g_error ("%s", error->message);
      settle ();
      start = now_ms ();
      vigia_plan_editor_set_visible_page (editor, "progress");
      settle ();
      figure_add (figure, now_ms () - start);
      vigia_plan_editor_set_visible_page (editor, "general");
      settle ();
    }
  figure_print (figure);

  /* The observers' comparison: every plan assessed in a thread, then
   * ranked and drawn; meanwhile the window keeps drawing. */
  {
    VigiaComparePage *compare = VIGIA_COMPARE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                   VIGIA_TYPE_WINDOW,
                                                                                   "compare_page"));
    Figure *stall = figure_new ("longest main-loop stall meanwhile", "ms", "≤ 16", FALSE);

    figure = figure_new ("rank every plan (Compare Plans shown)", "ms", "≤ 2000", FALSE);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
    for (int run = 0; run < opt_runs; run++)
      {
        double longest = 0;
        double last;

        start = now_ms ();
        vigia_compare_page_set_source (compare, run % 2 == 0 ? VIGIA_SOURCE_OBSERVER : VIGIA_SOURCE_AUTHORITY);
        last = now_ms ();
        while (vigia_compare_page_get_loading (compare))
          {
            g_main_context_iteration (NULL, FALSE);
            longest = MAX (longest, now_ms () - last);
            last = now_ms ();
            g_usleep (500);
          }
        settle_measured (&longest);
        figure_add (figure, now_ms () - start);
        figure_add (stall, longest);
      }
    figure_print (figure);
    figure_print (stall);
    printf ("  (%u rows in the ranking)\n", vigia_compare_page_get_n_rows (compare));
  }

  /* A search, as the search entry sets it once typing pauses, and clearing
   * it: the list is answered when its first rows are drawn, and complete
   * when the view has all its rows; the window must not stop meanwhile. */
  {
    Figure *first = figure_new ("search as you type: first rows drawn", "ms", "≤ 100", FALSE);
    Figure *stall = figure_new ("longest main-loop stall meanwhile", "ms", "≤ 16", FALSE);
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    double painted = 0;
    gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (note_paint), &painted);

    figure = figure_new ("search as you type: every row shown", "ms", "", FALSE);
    for (int run = 0; run < 2 * opt_runs; run++)
      {
        static const char *words[] = { "educacion", "mype", "agua potable", "anemia", "puno" };
        double longest;

        start = now_ms ();
        painted = 0;
        vigia_plan_list_set_search_text (VIGIA_PLAN_LIST (plans),
                                         run % 2 == 0 ? words[run / 2 % G_N_ELEMENTS (words)] : NULL);
        longest = now_ms () - start;
        settle_measured (&longest);
        figure_add (figure, now_ms () - start);
        figure_add (first, painted - start);
        figure_add (stall, longest);
      }
    g_signal_handler_disconnect (clock, handler);
    figure_print (first);
    figure_print (figure);
    figure_print (stall);
  }

  /* The application's own footprint, with the list scrolled, plans opened
   * and searches done: what a user's session has grown to. */
  {
    g_autofree char *status = NULL;

    if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
      {
        g_auto(GStrv) lines = g_strsplit (status, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          if (g_str_has_prefix (lines[i], "VmRSS:") || g_str_has_prefix (lines[i], "VmHWM:"))
            printf ("%-52s %12.1f %12s  %-8s %s\n",
                    g_str_has_prefix (lines[i], "VmRSS:") ? "resident memory now" : "peak resident memory",
                    g_ascii_strtod (lines[i] + 6, NULL) / 1024.0, "", "MB", "< 200");
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  if (opt_library == NULL)
    {
      g_clear_object (&app);
      vigia_bench_remove_library (path);
      g_rmdir (dir);
    }
  return 0;
}
