/* test-chart-view.c: the chart widget
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "vigia-chart-view-private.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"

static void
wait_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
invalidated_cb (GdkPaintable *paintable,
                guint        *count)
{
  (*count)++;
}

/* Redraws come with the next frame: wait for one, a second at most. */
static void
wait_for_redraw (guint *count)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (*count == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, *count == 0);
}

static double
luminance (const VigiaColor *color)
{
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

/* An entry saved to the library redraws the chart, and its description
 * (what a screen reader says) follows. */
static void
test_redraw_on_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (dir, "view.sqlite");
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaChartTrajectory) chart = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkWidget *window, *view;
  VigiaGoal *goal;
  guint redraws = 0;
  double x, y;

  g_assert_true (vigia_library_add_plan (library, plan, &error));
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
  chart = vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, 0));

  /* References of the test's own, to see both go with the window. */
  view = g_object_ref_sink (vigia_chart_view_new (VIGIA_CHART (chart)));
  window = g_object_ref (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  g_assert_true (vigia_chart_view_get_chart (VIGIA_CHART_VIEW (view)) == VIGIA_CHART (chart));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
  vigia_test_assert_description (view, "POBLACIÓN ATENDIDA, target 25 % ↑. Authority: nothing recorded. "
                           "Observer: nothing recorded.");

  paintable = gtk_widget_paintable_new (view);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (invalidated_cb), &redraws);
  /* Draw it once, so that the paintable follows its redraws. */
  {
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;

    gdk_paintable_snapshot (paintable, snapshot, 640, 400);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    g_assert_nonnull (node);
  }

  /* Nothing changes, nothing is redrawn. */
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 4;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpuint (redraws, ==, 0);
  }

  /* As the entry editor does: fill in the entry, save it. */
  vigia_progress_set_value (entry, 10);
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), entry, &error));
  g_assert_no_error (error);
  wait_for_redraw (&redraws);

  g_assert_cmpuint (redraws, >=, 1);
  vigia_test_assert_description (view, "POBLACIÓN ATENDIDA, target 25 % ↑. Authority: 10 % in 1st half 2024. "
                           "Observer: nothing recorded.");

  /* The tooltip names the point under the pointer. */
  {
    VigiaChartStyle style;
    cairo_rectangle_t plot;
    g_autofree char *tooltip = NULL;
    int width = gtk_widget_get_width (view);
    int height = gtk_widget_get_height (view);

    vigia_chart_view_get_style (VIGIA_CHART_VIEW (view), &style);
    g_assert_true (vigia_chart_get_plot_area (VIGIA_CHART (chart), &style, width, height, &plot));
    x = plot.x + plot.width * 3 / 8;
    y = vigia_chart_trajectory_value_to_y (chart, &style, width, height, 10);
    tooltip = vigia_chart_view_dup_value_at (VIGIA_CHART_VIEW (view), x, y);
    g_assert_cmpstr (tooltip, ==, "Authority, 1st half 2024: 10 % (In progress)");
  }

  /* Editing the saved entry in place redraws as well. */
  redraws = 0;
  vigia_progress_set_value (entry, 12);
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), entry, &error));
  wait_for_redraw (&redraws);
  g_assert_cmpuint (redraws, >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  vigia_test_assert_finalized (&paintable);
  vigia_test_assert_finalized (&window);
  vigia_test_assert_finalized (&view);
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

/* Light and dark: the text follows the theme, the authority is the accent. */
static void
test_style_follows_theme (void)
{
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 1);
  g_autoptr(VigiaChartPlan) chart = vigia_chart_plan_new (plan, "2024-S1", VIGIA_SOURCE_AUTHORITY);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  VigiaChartStyle light, dark;
  GtkWidget *window, *view;
  GdkRGBA accent;

  view = g_object_ref_sink (vigia_chart_view_new (VIGIA_CHART (chart)));
  window = g_object_ref (gtk_window_new ());
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_idle ();
  vigia_chart_view_get_style (VIGIA_CHART_VIEW (view), &light);
  g_assert_nonnull (light.font);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (view), "accent_color", &accent));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpfloat_with_epsilon (light.authority.blue, accent.blue, 1e-6);
  g_assert_cmpfloat_with_epsilon (light.authority.red, accent.red, 1e-6);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_idle ();
  vigia_chart_view_get_style (VIGIA_CHART_VIEW (view), &dark);

  /* Dark text on light, light text on dark. */
  g_assert_cmpfloat (luminance (&light.foreground), <, 0.3);
  g_assert_cmpfloat (luminance (&dark.foreground), >, 0.7);
  g_assert_cmpfloat (light.background.alpha, ==, 0);
  g_assert_false (light.observer.red == dark.observer.red && light.observer.blue == dark.observer.blue);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  vigia_test_assert_finalized (&window);
  vigia_test_assert_finalized (&view);
  vigia_test_assert_finalized (&chart);
  vigia_test_assert_finalized (&plan);
}

static void
test_no_chart (void)
{
  GtkWidget *view = g_object_ref_sink (vigia_chart_view_new (NULL));

  g_assert_null (vigia_chart_view_get_chart (VIGIA_CHART_VIEW (view)));
  g_assert_null (vigia_chart_view_dup_value_at (VIGIA_CHART_VIEW (view), 10, 10));
  g_assert_finalize_object (view);
}

int
main (int    argc,
      char **argv)
{
  /* The accessibility backend that records what screen readers would get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  vigia_test_set_language ("en");

  g_test_add_func ("/chart-view/redraw-on-edit", test_redraw_on_edit);
  g_test_add_func ("/chart-view/style-follows-theme", test_style_follows_theme);
  g_test_add_func ("/chart-view/no-chart", test_no_chart);

  return g_test_run ();
}
