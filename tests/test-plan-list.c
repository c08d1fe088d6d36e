/* test-plan-list.c: the library's plans as a list model that changes in place
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It runs twice: on an SQLite file, and as test-plan-list-postgresql with
 * $VIGIA_TEST_STORE=postgresql on a new database of the server
 * $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include "vigia-test-utils.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  /* The model already says what the signal says. */
  g_assert_cmpuint (position + added, <=, g_list_model_get_n_items (model));
  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
read_rows (VigiaPlanList *list,
           guint          first,
           guint          n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(VigiaPlanSummary) summary = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (summary);
    }
}

static void
test_changes_in_place (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (dir, "list.sqlite");
  g_autoptr(VigiaPlanList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(VigiaPlan) added = vigia_test_make_plan ("SOMOS PERU", "DISTRITO 050 B", 1);
  g_autoptr(VigiaPlan) edited = NULL;
  g_autoptr(VigiaPlanSummary) summary = NULL;
  guint fetched;

  g_assert_true (vigia_library_begin (library, &error));
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *district = g_strdup_printf ("DISTRITO %03u", i);
      g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("PARTIDO", district, 1);

      g_assert_true (vigia_library_add_plan (library, plan, &error));
    }
  g_assert_true (vigia_library_commit (library, &error));
  g_assert_no_error (error);

  list = vigia_plan_list_new (library);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), changes);
  /* Read a page at a time: rows 0 to 49, then 90 to 99 with the 40 above
   * them not read yet. */
  read_rows (list, 0, 10);
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (list), ==, 50);
  read_rows (list, 90, 10);
  fetched = vigia_plan_list_get_n_fetched (list);
  g_assert_cmpuint (fetched, ==, 100);

  /* A plan added in the middle is one row added; the rows read stay read,
   * and the new one is the only one to read. */
  g_assert_true (vigia_library_add_plan (library, added, &error));
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 51, 0, 1);
  read_rows (list, 0, 10);
  read_rows (list, 91, 10);
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (list), ==, fetched);
  read_rows (list, 51, 1);
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (list), ==, ++fetched);
  g_array_set_size (changes, 0);

  /* A plan changed where it is: that row only, read again. */
  edited = vigia_library_load_plan (library, vigia_plan_list_get_plan_id (list, 3), &error);
  g_assert_no_error (error);
  vigia_plan_set_vision (edited, "Un distrito con agua.");
  g_assert_true (vigia_library_save_plan (library, edited, &error));
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 3, 1, 1);
  read_rows (list, 0, 10);
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (list), ==, fetched + 1);
  g_array_set_size (changes, 0);

  /* A search replaces the rows in two steps, removed then added, so that no
   * view looks for the rows it follows among all the new ones. */
  vigia_plan_list_set_search_text (list, "somos");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 101, 0);
  assert_change (changes, 1, 0, 0, 1);
  summary = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (vigia_plan_summary_get_organization (summary), ==, "SOMOS PERU");
  g_array_set_size (changes, 0);

  /* Deleting it leaves an empty list: one row removed. */
  g_assert_true (vigia_library_delete_plan (library, vigia_plan_get_id (added), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 1, 0);

  g_assert_finalize_object (g_steal_pointer (&list));
  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

static void
assert_fetched (VigiaPlanList *list,
                guint          expected)
{
  g_assert_cmpuint (vigia_plan_list_get_n_fetched (list), ==, expected);
}

/* A row not read yet is read with the rows about it not read either, a
 * page of 50 in two statements: those below it, then those above, skipping
 * the rows read already, so that a view scrolling either way reads a page
 * at a time.  Each row is what the library gives for its plan alone. */
static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (dir, "pages.sqlite");
  g_autoptr(VigiaLibrary) other = NULL;
  g_autoptr(VigiaPlanList) list = NULL;
  g_autoptr(VigiaPlanList) stale = NULL;
  /* Terms that bring today's semester to one of their own (their last,
   * their first), none, and the one of vigia_test_make_plan(). */
  static const int terms[][2] = { { 2019, 2022 }, { 2095, 2098 }, { 0, 0 }, { 2023, 2026 } };
  /* Rows read in turn, and how many summaries have been read after each. */
  static const struct {
    guint first;
    guint n;
    guint fetched;
  } steps[] = {
    /* Down from the middle: rows 60 to 109, at once. */
    { 60, 1, 50 }, { 60, 50, 50 },
    /* Up, row 60 being read: rows 59 to 10. */
    { 59, 1, 100 }, { 10, 50, 100 },
    /* Up at the top: rows 9 to 0, the rows below being read. */
    { 9, 1, 110 },
    /* Down to the end, rows 130 to 159, then up, 129 to 110. */
    { 130, 1, 160 }, { 0, 160, 160 },
  };
  const guint n_plans = 160;

  /* A third with progress. */
  g_assert_true (vigia_library_begin (library, &error));
  for (guint i = 0; i < n_plans; i++)
    {
      g_autofree char *district = g_strdup_printf ("DISTRITO %03u", i);
      g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("PARTIDO", district, i % 3 == 0 ? 3 : 1);

      if (i % 3 == 0)
        vigia_test_add_sample_progress (plan);
      vigia_plan_set_term_start (plan, terms[i % G_N_ELEMENTS (terms)][0]);
      vigia_plan_set_term_end (plan, terms[i % G_N_ELEMENTS (terms)][1]);
      g_assert_true (vigia_library_add_plan (library, plan, &error));
    }
  g_assert_true (vigia_library_commit (library, &error));
  g_assert_no_error (error);

  list = vigia_plan_list_new (library);
  assert_fetched (list, 0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      read_rows (list, steps[i].first, steps[i].n);
      assert_fetched (list, steps[i].fetched);
    }

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(VigiaPlanSummary) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(VigiaPlanSummary) alone = vigia_library_load_summary (library, vigia_plan_list_get_plan_id (list, i),
                                                                      &error);

      g_assert_no_error (error);
      vigia_test_assert_same_summary (row, alone);
    }

  /* Three plans changed: their rows are read again at once, when the first
   * is asked for, and none of the rows between them. */
  g_assert_true (vigia_library_begin (library, &error));
  for (guint position = 20; position <= 40; position += 10)
    {
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, vigia_plan_list_get_plan_id (list, position),
                                                           &error);

      g_assert_no_error (error);
      vigia_plan_set_vision (plan, "Un distrito con agua.");
      g_assert_true (vigia_library_save_plan (library, plan, &error));
    }
  g_assert_true (vigia_library_commit (library, &error));
  g_assert_no_error (error);
  assert_fetched (list, 160);
  read_rows (list, 20, 1);
  assert_fetched (list, 163);
  read_rows (list, 0, n_plans);
  assert_fetched (list, 163);

  /* A plan deleted by another program after the ids were read leaves a
   * gap in its page, and the rest of the page is read.  (The view asking
   * for the gap gets NULL, with a warning, fatal here.) */
  stale = vigia_plan_list_new (library);
  other = vigia_library_open (vigia_library_get_path (library), VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (vigia_library_delete_plan (other, vigia_plan_list_get_plan_id (stale, 1), &error));
  g_assert_no_error (error);
  read_rows (stale, 0, 1);
  assert_fetched (stale, 49);
  read_rows (stale, 2, 48);
  assert_fetched (stale, 49);

  vigia_test_assert_finalized (&other);
  g_assert_finalize_object (g_steal_pointer (&stale));
  g_assert_finalize_object (g_steal_pointer (&list));
  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  vigia_test_add_func_on_store ("/plan-list/changes-in-place", test_changes_in_place);
  vigia_test_add_func_on_store ("/plan-list/pages", test_pages);

  return g_test_run ();
}
