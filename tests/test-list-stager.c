/* test-list-stager.c: a large change reaches a list view a few rows a frame
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "vigia-list-stager.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"

typedef struct
{
  GListStore      *store;
  VigiaListStager *stager;
  GtkWidget       *window;
  GtkWidget       *view;
  /* What a view that follows the stager's signals holds. */
  GPtrArray       *mirror;
  /* Row widgets the view made, in all and in the busiest signal. */
  guint            rows_made;
  guint            rows_made_before;
  guint            most_rows_at_once;
  guint            n_signals;
} Fixture;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Fixture                  *f)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
  f->rows_made++;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Fixture                  *f)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* Connected after the view: the rows it made for this change are made. */
static void
stager_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Fixture    *f)
{
  g_ptr_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->mirror, position + i, g_list_model_get_item (model, position + i));

  f->most_rows_at_once = MAX (f->most_rows_at_once, f->rows_made - f->rows_made_before);
  f->rows_made_before = f->rows_made;
  f->n_signals++;
}

static void
fill (GListStore *store,
      guint       position,
      guint       removed,
      guint       n,
      const char *prefix)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %u", prefix, i);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  g_list_store_splice (store, position, removed, items->pdata, items->len);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  shown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  f->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 600);
  /* The test's own reference, to see the view go with the window. */
  f->view = g_object_ref_sink (gtk_list_view_new (NULL, NULL));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), f);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), f);
  gtk_list_view_set_factory (GTK_LIST_VIEW (f->view), factory);

  f->stager = vigia_list_stager_new (f->view);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (f->stager)));
  gtk_list_view_set_model (GTK_LIST_VIEW (f->view), GTK_SELECTION_MODEL (selection));
  g_signal_connect_after (f->stager, "items-changed", G_CALLBACK (stager_changed_cb), f);
  vigia_list_stager_set_model (f->stager, G_LIST_MODEL (f->store));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  if (GPOINTER_TO_INT (shown))
    {
      gtk_window_present (GTK_WINDOW (f->window));
      vigia_test_wait_idle ();
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  shown)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  vigia_test_wait_idle ();
  /* The view held the stager through its selection model, the stager the
   * store; nothing else holds any of them. */
  vigia_test_assert_finalized (&f->view);
  g_clear_pointer (&f->mirror, g_ptr_array_unref);
  vigia_test_assert_finalized (&f->stager);
  vigia_test_assert_finalized (&f->store);
}

/* The rows the stager shows are the first rows of the store, and a view
 * that followed its signals holds exactly those. */
static void
assert_mirror (Fixture *f)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->stager));

  g_assert_cmpuint (f->mirror->len, ==, n);
  g_assert_cmpuint (n, <=, g_list_model_get_n_items (G_LIST_MODEL (f->store)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) expected = g_list_model_get_item (G_LIST_MODEL (f->store), i);

      g_assert_true (g_ptr_array_index (f->mirror, i) == expected);
    }
}

static gboolean
shown_all (gpointer data)
{
  Fixture *f = data;

  return !vigia_list_stager_get_pending (f->stager);
}

/* Waits for every row, checking the view's copy after each frame's step. */
static void
wait_for_all_rows (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (vigia_list_stager_get_pending (f->stager) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      assert_mirror (f);
    }
  g_assert_true (vigia_test_wait_until (shown_all, f));
  assert_mirror (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->stager)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (f->store)));
}

/* A search that brings 5,000 rows: the view gets a screenful first, then
 * a few rows a frame, never the 200 row widgets at once that froze the
 * window; in the end it has every row. */
static void
test_large_change (Fixture       *f,
                   gconstpointer  data)
{
  guint frames_before;

  fill (f->store, 0, 0, 5000, "Plan");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->stager)), ==, 12);
  g_assert_true (vigia_list_stager_get_pending (f->stager));
  assert_mirror (f);

  frames_before = f->n_signals;
  wait_for_all_rows (f);
  /* Steps of 12 rows until the view has its 200 widgets, then the rest. */
  g_assert_cmpuint (f->n_signals - frames_before, >=, 16);
  g_assert_cmpuint (f->most_rows_at_once, <=, 12 + 4);
  /* GTK 4.8 keeps about 200 row widgets: without the steps, one frame. */
  g_assert_cmpuint (f->rows_made, >=, 150);

  /* Replacing them all again goes the same way. */
  f->most_rows_at_once = 0;
  fill (f->store, 0, 5000, 3000, "Otro plan");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->stager)), ==, 12);
  assert_mirror (f);
  wait_for_all_rows (f);
  g_assert_cmpuint (f->most_rows_at_once, <=, 12 + 4);
}

/* An edit of a row or two reaches the view at once, as it comes. */
static void
test_small_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkStringObject) edited = gtk_string_object_new ("Edited");

  fill (f->store, 0, 0, 300, "Plan");
  wait_for_all_rows (f);

  g_list_store_splice (f->store, 7, 1, (gpointer *) &edited, 1);
  g_assert_false (vigia_list_stager_get_pending (f->stager));
  assert_mirror (f);
  g_assert_true (g_ptr_array_index (f->mirror, 7) == (gpointer) edited);

  fill (f->store, 300, 0, 5, "New");
  g_assert_false (vigia_list_stager_get_pending (f->stager));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->stager)), ==, 305);
  assert_mirror (f);
}

/* The store changes again while its rows are still coming: above the rows
 * shown, below them, and all of it. */
static void
test_change_while_pending (Fixture       *f,
                           gconstpointer  data)
{
  fill (f->store, 0, 0, 2000, "Plan");
  for (guint i = 0; i < 3; i++)
    g_main_context_iteration (NULL, TRUE);
  assert_mirror (f);
  g_assert_true (vigia_list_stager_get_pending (f->stager));

  /* Above: the view's copy is fixed at once. */
  fill (f->store, 5, 3, 2, "Moved");
  assert_mirror (f);
  /* Below: it comes with the next steps. */
  fill (f->store, 1500, 100, 0, "");
  assert_mirror (f);
  wait_for_all_rows (f);
  g_assert_cmpuint (f->mirror->len, ==, 1899);

  /* Emptied while coming. */
  fill (f->store, 0, 1899, 800, "Plan");
  g_list_store_remove_all (f->store);
  assert_mirror (f);
  wait_for_all_rows (f);
  g_assert_cmpuint (f->mirror->len, ==, 0);
}

/* Before a view scrolls to a row, every row is shown at once. */
static void
test_show_all (Fixture       *f,
               gconstpointer  data)
{
  fill (f->store, 0, 0, 1000, "Plan");
  g_assert_true (vigia_list_stager_get_pending (f->stager));
  vigia_list_stager_show_all (f->stager);
  g_assert_false (vigia_list_stager_get_pending (f->stager));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->stager)), ==, 1000);
  assert_mirror (f);

  /* Nothing is left for the frames to bring. */
  vigia_test_wait_idle ();
  assert_mirror (f);
}

/* A view with no window has no frames to pace rows: they go at once. */
static void
test_without_window (Fixture       *f,
                     gconstpointer  data)
{
  fill (f->store, 0, 0, 1000, "Plan");
  g_assert_false (vigia_list_stager_get_pending (f->stager));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->stager)), ==, 1000);
  assert_mirror (f);
}

/* A window closed while rows are coming: they are all shown at once. */
static void
test_window_closed (Fixture       *f,
                    gconstpointer  data)
{
  fill (f->store, 0, 0, 1000, "Plan");
  g_assert_true (vigia_list_stager_get_pending (f->stager));
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  g_assert_false (vigia_list_stager_get_pending (f->stager));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->stager)), ==, 1000);
  assert_mirror (f);
}

/* Another model replaces the rows of the first. */
static void
test_set_model (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListStore) other = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  fill (f->store, 0, 0, 40, "Plan");
  wait_for_all_rows (f);
  fill (other, 0, 0, 3, "Other");
  g_set_object (&f->store, other);
  vigia_list_stager_set_model (f->stager, G_LIST_MODEL (other));
  g_assert_true (vigia_list_stager_get_model (f->stager) == G_LIST_MODEL (other));
  assert_mirror (f);
  g_assert_cmpuint (f->mirror->len, ==, 3);

  vigia_list_stager_set_model (f->stager, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->stager)), ==, 0);
  g_assert_cmpuint (f->mirror->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/list-stager/large-change", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_large_change, fixture_tear_down);
  g_test_add ("/list-stager/small-change", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_small_change, fixture_tear_down);
  g_test_add ("/list-stager/change-while-pending", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_change_while_pending, fixture_tear_down);
  g_test_add ("/list-stager/show-all", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_show_all, fixture_tear_down);
  g_test_add ("/list-stager/without-window", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_without_window, fixture_tear_down);
  g_test_add ("/list-stager/window-closed", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_window_closed, fixture_tear_down);
  g_test_add ("/list-stager/set-model", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_set_model, fixture_tear_down);

  return g_test_run ();
}
