/* test-site.c: the published site's map, colours and failures
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a published folder holds is checked page by page by
 * check-site.py; this checks what it cannot see: that every tile of the
 * map reads (its letters keep 4.5:1 against its colour), that plans find
 * their tile by either code or by name, and that a publication that cannot
 * be made fails with the folder's name and leaves the last one whole.
 *
 * It runs twice: on an SQLite file, and as test-site-postgresql with
 * $VIGIA_TEST_STORE=postgresql on a new database of the server
 * $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "vigia-site-private.h"
#include "vigia-test-utils.h"

static double
channel (guint value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2.1's relative luminance of "#rrggbb". */
static double
luminance (const char *color)
{
  guint r, g, b;

  g_assert_cmpint (sscanf (color, "#%02x%02x%02x", &r, &g, &b), ==, 3);
  return 0.2126 * channel (r) + 0.7152 * channel (g) + 0.0722 * channel (b);
}

static double
contrast (const char *a,
          const char *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_shades (void)
{
  const VigiaSiteShade *shades = vigia_site_shades ();
  double last = 2;

  for (guint i = 0; i < VIGIA_SITE_N_SHADES; i++)
    {
      double l = luminance (shades[i].background);

      g_assert_cmpfloat (contrast (shades[i].background, shades[i].foreground), >=, 4.5);
      /* Darker as achievement grows: the scale reads in grey too. */
      g_assert_cmpfloat (l, <, last);
      last = l;
    }
  g_assert_cmpfloat (contrast (vigia_site_shade_no_data ()->background, vigia_site_shade_no_data ()->foreground),
                     >=, 4.5);

  g_assert_true (vigia_site_shade_for_achievement (0) == &shades[0]);
  g_assert_true (vigia_site_shade_for_achievement (0.19) == &shades[0]);
  g_assert_true (vigia_site_shade_for_achievement (0.2) == &shades[1]);
  g_assert_true (vigia_site_shade_for_achievement (0.99) == &shades[4]);
  /* Past the target or moving away, still on the scale. */
  g_assert_true (vigia_site_shade_for_achievement (1.4) == &shades[4]);
  g_assert_true (vigia_site_shade_for_achievement (-0.3) == &shades[0]);
  g_assert_true (vigia_site_shade_for_achievement (NAN) == vigia_site_shade_no_data ());
}

static void
test_regions (void)
{
  guint n_regions;
  const VigiaSiteRegion *regions = vigia_site_regions (&n_regions);
  gboolean taken[VIGIA_SITE_MAP_COLUMNS][VIGIA_SITE_MAP_ROWS] = { { FALSE } };

  /* 24 departments, Callao, and Lima Metropolitana apart. */
  g_assert_cmpuint (n_regions, ==, 26);
  for (guint i = 0; i < n_regions; i++)
    {
      g_assert_cmpuint (regions[i].column, <, VIGIA_SITE_MAP_COLUMNS);
      g_assert_cmpuint (regions[i].row, <, VIGIA_SITE_MAP_ROWS);
      g_assert_false (taken[regions[i].column][regions[i].row]);
      taken[regions[i].column][regions[i].row] = TRUE;
      g_assert_cmpuint (strlen (regions[i].abbreviation), ==, 3);
    }

  g_assert_cmpstr (vigia_site_region_for_place ("150112", NULL, NULL)->name, ==, "Lima Metropolitana");
  g_assert_cmpstr (vigia_site_region_for_place ("1501", NULL, NULL)->name, ==, "Lima Metropolitana");
  g_assert_cmpstr (vigia_site_region_for_place ("150501", NULL, NULL)->name, ==, "Lima");
  g_assert_cmpstr (vigia_site_region_for_place ("080101", NULL, NULL)->name, ==, "Cusco");
  g_assert_cmpstr (vigia_site_region_for_place ("07", NULL, NULL)->name, ==, "Callao");
  /* Without a code, by the names the plan gives. */
  g_assert_cmpstr (vigia_site_region_for_place (NULL, "CUSCO", NULL)->name, ==, "Cusco");
  g_assert_cmpstr (vigia_site_region_for_place (NULL, "Lima", "Lima")->name, ==, "Lima Metropolitana");
  g_assert_cmpstr (vigia_site_region_for_place (NULL, "Junin", NULL)->name, ==, "Junín");
  g_assert_null (vigia_site_region_for_place (NULL, NULL, NULL));
  g_assert_null (vigia_site_region_for_place ("999999", "Atlántida", NULL));
}

typedef struct
{
  char         *dir;
  VigiaLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
  g_autoptr(GError) error = NULL;

  vigia_test_add_sample_progress (plan);
  f->dir = vigia_test_make_dir ();
  f->library = vigia_test_open_library (f->dir, "plans.sqlite");
  vigia_library_add_plan (f->library, plan, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_assert_finalized (&f->library);
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VigiaSite) site = vigia_site_new ();
  g_autofree char *path = g_build_filename (f->dir, "sitio", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *index_path = g_build_filename (path, "index.html", NULL);
  g_autofree char *index = NULL;
  g_autofree char *methodology = NULL;
  g_autofree char *methodology_path = g_build_filename (path, "metodologia.html", NULL);

  vigia_site_set_period (site, "2024-S2");
  vigia_site_set_title (site, "Vigilancia Independencia");
  g_assert_true (vigia_site_publish (site, f->library, folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_site_get_n_plans (site), ==, 1);
  /* index, methodology, a plan's two pages, two data files */
  g_assert_cmpuint (vigia_site_get_n_written (site), ==, 6);

  index = vigia_test_read_file (index_path);
  g_assert_true (g_str_has_prefix (index, "<!DOCTYPE html>\n<html lang=\"es-PE\">"));
  g_assert_nonnull (strstr (index, "<h1>Vigilancia Independencia</h1>"));
  /* The plan's tile: Independencia is a district of Lima Metropolitana. */
  g_assert_nonnull (strstr (index, "<a href=\"#region-1501\""));
  g_assert_nonnull (strstr (index, "<span class=\"sr\">Lima Metropolitana: </span><span>40 %</span>"));
  g_assert_nonnull (strstr (index, ">JUNTOS POR EL PERU</a>"));
  methodology = vigia_test_read_file (methodology_path);
  g_assert_nonnull (strstr (methodology, "(valor − línea base) ÷ (meta − línea"));

  /* Again: nothing to write. */
  g_assert_true (vigia_site_publish (site, f->library, folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_site_get_n_written (site), ==, 0);
  g_assert_cmpuint (vigia_site_get_n_unchanged (site), ==, 6);
}

/* Above the index's limit, each region's plans are ranked on a page of its own. */
static void
test_ranking_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VigiaSite) site = vigia_site_new ();
  g_autoptr(VigiaPlan) plan = vigia_library_load_plan (f->library, 1, NULL);
  g_autofree char *path = g_build_filename (f->dir, "sitio", NULL);
  g_autofree char *index_path = g_build_filename (path, "index.html", NULL);
  g_autofree char *ranking_path = g_build_filename (path, "ranking", "region-1501.html", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autofree char *ranking = NULL;
  g_autofree char *plan_link = NULL;

  g_assert_nonnull (plan);
  vigia_site_set_period (site, "2024-S2");
  vigia_site_set_max_index_plans (site, 0);
  g_assert_true (vigia_site_publish (site, f->library, folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  index = vigia_test_read_file (index_path);
  /* The tile and the row of the region lead to its page; the plan is not on the index. */
  g_assert_nonnull (strstr (index, "<a href=\"ranking/region-1501.html\" class=\"some\""));
  g_assert_nonnull (strstr (index, "<tr><th scope=\"row\"><a href=\"ranking/region-1501.html\">Lima Metropolitana</a>"));
  g_assert_null (strstr (index, ">JUNTOS POR EL PERU</a>"));

  ranking = vigia_test_read_file (ranking_path);
  g_assert_nonnull (strstr (ranking, "<html lang=\"es-PE\">"));
  g_assert_nonnull (strstr (ranking, "<h1 id=\"region-1501\">Lima Metropolitana</h1>"));
  plan_link = g_strdup_printf ("<a href=\"../planes/%s.html\">JUNTOS POR EL PERU</a>", vigia_plan_get_uuid (plan));
  g_assert_nonnull (strstr (ranking, plan_link));
  g_assert_nonnull (strstr (ranking, "<a href=\"../index.html#ranking\">"));

  /* Back under the limit: the region's page goes, its plans are on the index again. */
  vigia_site_set_max_index_plans (site, 400);
  g_assert_true (vigia_site_publish (site, f->library, folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_site_get_n_removed (site), ==, 1);
  g_assert_false (g_file_test (ranking_path, G_FILE_TEST_EXISTS));
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_assert_cmpuint (done, <=, total);
  g_cancellable_cancel (cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VigiaSite) site = vigia_site_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "sitio", NULL);
  g_autofree char *manifest = g_build_filename (path, ".vigia-sitio", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* Cancelled after the plan: no manifest, so the next run compares every page. */
  g_assert_false (vigia_site_publish (site, f->library, folder, progress_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (manifest, G_FILE_TEST_EXISTS));
}

static void
test_not_a_folder (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VigiaSite) site = vigia_site_new ();
  g_autofree char *path = g_build_filename (f->dir, "plans.sqlite", NULL);
  g_autofree char *location = vigia_test_make_library_location (f->dir, "plans.sqlite");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *library_before = NULL;
  g_autofree char *library_after = NULL;
  g_autoptr(GError) error = NULL;

  /* The library's own file, closed: whole, as a checksum can tell.  On
   * PostgreSQL the library is a database, and the file in the way another
   * program's; the library is left whole all the same. */
  g_clear_object (&f->library);
  if (vigia_test_store_is_postgresql ())
    {
      g_file_set_contents (path, "not a folder", -1, &error);
      g_assert_no_error (error);
    }
  before = vigia_test_checksum_file (path);
  library_before = vigia_test_checksum_library (location);
  f->library = vigia_test_open_library (f->dir, "plans.sqlite");
  g_assert_false (vigia_site_publish (site, f->library, folder, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "plans.sqlite"));
  g_clear_object (&f->library);
  after = vigia_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  library_after = vigia_test_checksum_library (location);
  g_assert_cmpstr (library_before, ==, library_after);
}

int
main (int    argc,
      char **argv)
{
  vigia_test_set_language ("es");
  g_test_init (&argc, &argv, NULL);

  vigia_test_add_func_sqlite_only ("/site/shades", test_shades);
  vigia_test_add_func_sqlite_only ("/site/regions", test_regions);
  vigia_test_add_on_store ("/site/publish", Fixture, fixture_set_up, test_publish, fixture_tear_down);
  vigia_test_add_on_store ("/site/ranking-pages", Fixture, fixture_set_up, test_ranking_pages, fixture_tear_down);
  vigia_test_add_on_store ("/site/cancel", Fixture, fixture_set_up, test_cancel, fixture_tear_down);
  vigia_test_add_on_store ("/site/not-a-folder", Fixture, fixture_set_up, test_not_a_folder, fixture_tear_down);
  return g_test_run ();
}
