/* test-conflict.c: two desks save the same item of one library
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two connections to one library, as two desks: "Ana" and "Beto" each read
 * the plan, and the second to save what the first changed since is refused
 * and makes the change again on what the library holds (docs/postgresql.md,
 * "Two desks, one item").  It runs on an SQLite file, and as
 * test-conflict-postgresql with $VIGIA_TEST_STORE=postgresql on a new
 * database of the server $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include <locale.h>

#include "vigia-test-utils.h"

typedef struct
{
  char           *dir;
  gint64          plan_id;
  /* Ana's desk and Beto's: a connection each, the plan as each read it */
  VigiaLibrary   *ana;
  VigiaPlan      *ana_plan;
  VigiaUndoStack *ana_stack;
  VigiaLibrary   *beto;
  VigiaPlan      *beto_plan;
  VigiaUndoStack *beto_stack;
} Fixture;

static void
open_desk (Fixture         *f,
           VigiaLibrary    *library,
           VigiaPlan      **plan,
           VigiaUndoStack **stack)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (stack);
  g_clear_object (plan);
  *plan = vigia_library_load_plan (library, f->plan_id, &error);
  g_assert_no_error (error);
  *stack = vigia_undo_stack_new (library, *plan);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);

  f->dir = vigia_test_make_dir ();
  f->ana = vigia_test_open_library (f->dir, "library.sqlite");
  vigia_library_set_author (f->ana, "Ana");
  g_assert_true (vigia_library_add_plan (f->ana, plan, &error));
  g_assert_no_error (error);
  f->plan_id = vigia_plan_get_id (plan);

  f->beto = vigia_library_open (vigia_library_get_path (f->ana), VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  vigia_library_set_author (f->beto, "Beto");

  open_desk (f, f->ana, &f->ana_plan, &f->ana_stack);
  open_desk (f, f->beto, &f->beto_plan, &f->beto_stack);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->ana_stack);
  g_assert_finalize_object (f->beto_stack);
  vigia_test_assert_finalized (&f->ana_plan);
  vigia_test_assert_finalized (&f->beto_plan);
  vigia_test_assert_finalized (&f->ana);
  vigia_test_assert_finalized (&f->beto);
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
}

static VigiaGoal *
first_goal (VigiaPlan *plan)
{
  return vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
}

/* The first goal as a third program reads it from the library now. */
static VigiaPlan *
stored_plan (Fixture *f)
{
  return vigia_test_reload_plan (vigia_library_get_path (f->ana), f->plan_id);
}

static VigiaEditConflict *
take_one_conflict (VigiaUndoStack *stack)
{
  g_autoptr(GPtrArray) conflicts = vigia_undo_stack_take_conflicts (stack);

  g_assert_cmpuint (conflicts->len, ==, 1);
  return g_object_ref (g_ptr_array_index (conflicts, 0));
}

/* The desk's refused change, made again on the plan read anew, where the
 * other desk left the fields alone. */
static VigiaEditConflict *
read_anew_and_replay (Fixture         *f,
                      VigiaLibrary    *library,
                      VigiaPlan      **plan,
                      VigiaUndoStack **stack)
{
  g_autoptr(GError) error = NULL;
  VigiaEditConflict *conflict = take_one_conflict (*stack);

  open_desk (f, library, plan, stack);
  g_assert_true (vigia_undo_stack_replay (*stack, conflict, FALSE, &error));
  g_assert_no_error (error);
  return conflict;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* Both change the indicator of goal 1: Beto's save is refused, nothing of
 * his is written; read anew, the question is his indicator or Ana's, and
 * keeping his writes it over hers, which the history keeps. */
static void
test_same_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaEditConflict) conflict = NULL;
  g_autoptr(VigiaPlan) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *description = NULL;
  guint n_signals = 0;

  g_assert_true (vigia_undo_stack_set_string (f->ana_stack, G_OBJECT (first_goal (f->ana_plan)), "indicator",
                                              "HOGARES CON AGUA", &error));
  g_assert_no_error (error);

  g_signal_connect (f->beto_stack, "conflict", G_CALLBACK (count_cb), &n_signals);
  g_assert_false (vigia_undo_stack_set_string (f->beto_stack, G_OBJECT (first_goal (f->beto_plan)), "indicator",
                                               "VIVIENDAS CON AGUA", &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ana"));
  g_assert_nonnull (strstr (error->message, "goal 1"));
  g_clear_error (&error);
  g_assert_cmpuint (n_signals, ==, 1);
  /* Beto's plan says what the library held when he read it, not his try. */
  g_assert_cmpstr (vigia_goal_get_indicator (first_goal (f->beto_plan)), ==, "POBLACIÓN ATENDIDA");
  g_assert_false (vigia_undo_stack_get_can_undo (f->beto_stack));

  stored = stored_plan (f);
  g_assert_cmpstr (vigia_goal_get_indicator (first_goal (stored)), ==, "HOGARES CON AGUA");
  g_clear_object (&stored);

  /* Read anew, the change is made again: both changed the field, so only
   * Beto can choose, and nothing is written until he does. */
  conflict = read_anew_and_replay (f, f->beto, &f->beto_plan, &f->beto_stack);
  g_assert_true (vigia_edit_conflict_needs_choice (conflict));
  g_assert_false (vigia_edit_conflict_is_lost (conflict));
  g_assert_cmpstr (vigia_edit_conflict_get_author (conflict), ==, "Ana");
  g_assert_nonnull (vigia_edit_conflict_get_time (conflict));
  g_assert_cmpstr (vigia_edit_conflict_get_item (conflict), ==, "goal 1");
  g_assert_cmpstr (vigia_edit_conflict_get_mine (conflict), ==, "VIVIENDAS CON AGUA");
  g_assert_cmpstr (vigia_edit_conflict_get_theirs (conflict), ==, "HOGARES CON AGUA");
  description = vigia_edit_conflict_dup_description (conflict);
  g_assert_true (g_str_has_prefix (description, "Ana changed goal 1 on "));
  g_assert_false (vigia_undo_stack_get_can_undo (f->beto_stack));
  stored = stored_plan (f);
  g_assert_cmpstr (vigia_goal_get_indicator (first_goal (stored)), ==, "HOGARES CON AGUA");
  g_clear_object (&stored);

  /* He keeps his: written over Ana's, as an undo step of his. */
  g_assert_true (vigia_undo_stack_replay (f->beto_stack, conflict, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_undo_stack_get_can_undo (f->beto_stack));
  stored = stored_plan (f);
  g_assert_cmpstr (vigia_goal_get_indicator (first_goal (stored)), ==, "VIVIENDAS CON AGUA");

  history = vigia_library_list_history (f->ana, vigia_plan_get_uuid (stored),
                                        vigia_goal_get_uuid (first_goal (stored)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 2);
  {
    VigiaHistoryEntry *last = g_ptr_array_index (history, history->len - 1);
    VigiaHistoryEntry *before = g_ptr_array_index (history, history->len - 2);

    /* Newest last or first, the two changes are there with their authors. */
    if (g_strcmp0 (last->author, "Beto") != 0)
      {
        VigiaHistoryEntry *swap = last;

        last = before;
        before = swap;
      }
    g_assert_cmpstr (last->author, ==, "Beto");
    g_assert_cmpstr (last->old_value, ==, "HOGARES CON AGUA");
    g_assert_cmpstr (last->new_value, ==, "VIVIENDAS CON AGUA");
    g_assert_cmpstr (before->author, ==, "Ana");
    g_assert_cmpstr (before->new_value, ==, "HOGARES CON AGUA");
  }
}

/* Ana changes the objective, Beto the indicator of the same goal: his save
 * is refused (the goal is at a new version), and made again without asking,
 * keeping her objective. */
static void
test_other_field (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaEditConflict) conflict = NULL;
  g_autoptr(VigiaPlan) stored = NULL;

  g_assert_true (vigia_undo_stack_set_string (f->ana_stack, G_OBJECT (first_goal (f->ana_plan)), "objective",
                                              "AMPLIAR LA RED DE AGUA", &error));
  g_assert_no_error (error);
  g_assert_false (vigia_undo_stack_set_string (f->beto_stack, G_OBJECT (first_goal (f->beto_plan)), "indicator",
                                               "VIVIENDAS CON AGUA", &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_clear_error (&error);

  conflict = read_anew_and_replay (f, f->beto, &f->beto_plan, &f->beto_stack);
  g_assert_false (vigia_edit_conflict_needs_choice (conflict));
  g_assert_null (vigia_edit_conflict_get_mine (conflict));

  stored = stored_plan (f);
  g_assert_cmpstr (vigia_goal_get_objective (first_goal (stored)), ==, "AMPLIAR LA RED DE AGUA");
  g_assert_cmpstr (vigia_goal_get_indicator (first_goal (stored)), ==, "VIVIENDAS CON AGUA");
  g_assert_cmpstr (vigia_goal_get_indicator (first_goal (f->beto_plan)), ==, "VIVIENDAS CON AGUA");
}

/* Typing waits before it is saved; when it is saved after the other desk's
 * save, the refusal comes as save-failed with the conflict kept. */
static void
test_typing (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(VigiaPlan) stored = NULL;

  vigia_undo_stack_set_string_later (f->beto_stack, G_OBJECT (first_goal (f->beto_plan)), "problem",
                                     "FALTA DE AGUA");
  g_assert_true (vigia_undo_stack_set_string (f->ana_stack, G_OBJECT (first_goal (f->ana_plan)), "problem",
                                              "AGUA ESCASA", &error));
  g_assert_no_error (error);

  g_assert_false (vigia_undo_stack_flush (f->beto_stack, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  conflicts = vigia_undo_stack_take_conflicts (f->beto_stack);
  g_assert_cmpuint (conflicts->len, ==, 1);

  stored = stored_plan (f);
  g_assert_cmpstr (vigia_goal_get_problem (first_goal (stored)), ==, "AGUA ESCASA");
}

/* A desk that reads the plan after the other's save, or saves twice, has no
 * conflict; nor has a goal renumbered by a move, once read anew. */
static void
test_no_conflict (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(VigiaPlan) stored = NULL;
  VigiaGoal *goal;

  g_assert_true (vigia_undo_stack_set_string (f->ana_stack, G_OBJECT (first_goal (f->ana_plan)), "indicator",
                                              "HOGARES CON AGUA", &error));
  g_assert_no_error (error);
  g_assert_true (vigia_undo_stack_set_string (f->ana_stack, G_OBJECT (first_goal (f->ana_plan)), "indicator",
                                              "HOGARES CON AGUA POTABLE", &error));
  g_assert_no_error (error);
  /* Her own undo is no conflict either. */
  g_assert_true (vigia_undo_stack_undo (f->ana_stack, &error));
  g_assert_no_error (error);

  open_desk (f, f->beto, &f->beto_plan, &f->beto_stack);
  goal = first_goal (f->beto_plan);
  g_assert_true (vigia_undo_stack_move_goal (f->beto_stack, goal, 1, &error));
  g_assert_no_error (error);
  /* Moved, the goal has another number, which Beto's plan knows. */
  g_assert_true (vigia_undo_stack_set_string (f->beto_stack, G_OBJECT (goal), "indicator", "VIVIENDAS", &error));
  g_assert_no_error (error);

  conflicts = vigia_undo_stack_take_conflicts (f->beto_stack);
  g_assert_cmpuint (conflicts->len, ==, 0);
  stored = stored_plan (f);
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (stored, 0), 1);
  g_assert_cmpstr (vigia_goal_get_indicator (goal), ==, "VIVIENDAS");
  g_assert_cmpuint (vigia_goal_get_number (goal), ==, 2);
}

/* Beto moves Ana's goal to second place, Ana then saves its text on her
 * old read: refused, since a save writes the goal's number too; made again,
 * it keeps the new number. */
static void
test_moved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaEditConflict) conflict = NULL;
  g_autoptr(VigiaPlan) stored = NULL;
  VigiaGoal *goal;

  g_assert_true (vigia_undo_stack_move_goal (f->beto_stack, first_goal (f->beto_plan), 1, &error));
  g_assert_no_error (error);
  g_assert_false (vigia_undo_stack_set_string (f->ana_stack, G_OBJECT (first_goal (f->ana_plan)), "indicator",
                                               "HOGARES", &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_clear_error (&error);

  conflict = read_anew_and_replay (f, f->ana, &f->ana_plan, &f->ana_stack);
  g_assert_false (vigia_edit_conflict_needs_choice (conflict));

  stored = stored_plan (f);
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (stored, 0), 1);
  g_assert_cmpstr (vigia_goal_get_indicator (goal), ==, "HOGARES");
  g_assert_cmpuint (vigia_goal_get_number (goal), ==, 2);
  g_assert_cmpuint (vigia_goal_get_number (first_goal (stored)), ==, 1);
}

/* The plan's own fields. */
static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaEditConflict) conflict = NULL;
  g_autoptr(VigiaPlan) stored = NULL;

  g_assert_true (vigia_undo_stack_set_string (f->ana_stack, G_OBJECT (f->ana_plan), "vision",
                                              "Un distrito con agua.", &error));
  g_assert_no_error (error);
  g_assert_false (vigia_undo_stack_set_string (f->beto_stack, G_OBJECT (f->beto_plan), "vision",
                                               "Un distrito verde.", &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "the plan"));
  g_clear_error (&error);

  conflict = read_anew_and_replay (f, f->beto, &f->beto_plan, &f->beto_stack);
  g_assert_true (vigia_edit_conflict_needs_choice (conflict));
  g_assert_cmpstr (vigia_edit_conflict_get_item (conflict), ==, "the plan");
  g_assert_cmpstr (vigia_edit_conflict_get_theirs (conflict), ==, "Un distrito con agua.");

  /* He takes hers: nothing to do, the library keeps it. */
  stored = stored_plan (f);
  g_assert_cmpstr (vigia_plan_get_vision (stored), ==, "Un distrito con agua.");
}

/* Both record the first semester's progress of the same target from the
 * same source: the second is refused, and the question is whose entry. */
static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaEditConflict) conflict = NULL;
  g_autoptr(VigiaPlan) stored = NULL;
  g_autoptr(VigiaProgress) ana_entry = vigia_progress_new ("2023-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaProgress) beto_entry = vigia_progress_new ("2023-S1", VIGIA_SOURCE_AUTHORITY);
  VigiaGoal *goal;
  VigiaProgress *entry;

  vigia_progress_set_value (ana_entry, 10);
  vigia_progress_set_status (ana_entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_progress_set_value (beto_entry, 12);
  vigia_progress_set_status (beto_entry, VIGIA_STATUS_STALLED);

  goal = first_goal (f->ana_plan);
  g_assert_true (vigia_undo_stack_save_progress (f->ana_stack, goal, vigia_goal_get_target (goal, 0), ana_entry,
                                                 &error));
  g_assert_no_error (error);
  goal = first_goal (f->beto_plan);
  g_assert_false (vigia_undo_stack_save_progress (f->beto_stack, goal, vigia_goal_get_target (goal, 0),
                                                  beto_entry, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_clear_error (&error);

  conflict = read_anew_and_replay (f, f->beto, &f->beto_plan, &f->beto_stack);
  g_assert_true (vigia_edit_conflict_needs_choice (conflict));
  g_assert_cmpstr (vigia_edit_conflict_get_author (conflict), ==, "Ana");
  g_assert_cmpstr (vigia_edit_conflict_get_mine (conflict), ==, "12, Stalled");
  g_assert_cmpstr (vigia_edit_conflict_get_theirs (conflict), ==, "10, In progress");

  g_assert_true (vigia_undo_stack_replay (f->beto_stack, conflict, TRUE, &error));
  g_assert_no_error (error);
  stored = stored_plan (f);
  goal = first_goal (stored);
  entry = vigia_target_find_progress (vigia_goal_get_target (goal, 0), "2023-S1", VIGIA_SOURCE_AUTHORITY);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 12);

  /* And Ana, on her old read, undoing her entry is refused in turn. */
  g_assert_false (vigia_undo_stack_undo (f->ana_stack, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
}

/* A goal Ana deletes while Beto edits it: his change has nowhere to go,
 * and says so. */
static void
test_deleted (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  g_assert_true (vigia_undo_stack_delete_goal (f->ana_stack, first_goal (f->ana_plan), &error));
  g_assert_no_error (error);
  g_assert_false (vigia_undo_stack_set_string (f->beto_stack, G_OBJECT (first_goal (f->beto_plan)), "indicator",
                                               "VIVIENDAS", &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  conflicts = vigia_undo_stack_take_conflicts (f->beto_stack);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* Ana deletes the entry Beto is correcting: his save is refused, and made
 * again only if he keeps his. */
static void
test_progress_deleted (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaEditConflict) conflict = NULL;
  g_autoptr(VigiaPlan) stored = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2023-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaProgress) corrected = NULL;
  VigiaGoal *goal;

  vigia_progress_set_value (entry, 10);
  goal = first_goal (f->ana_plan);
  g_assert_true (vigia_undo_stack_save_progress (f->ana_stack, goal, vigia_goal_get_target (goal, 0), entry,
                                                 &error));
  g_assert_no_error (error);
  open_desk (f, f->beto, &f->beto_plan, &f->beto_stack);
  g_assert_true (vigia_undo_stack_delete_progress (f->ana_stack, goal, vigia_goal_get_target (goal, 0), "2023-S1",
                                                   VIGIA_SOURCE_AUTHORITY, &error));
  g_assert_no_error (error);

  goal = first_goal (f->beto_plan);
  corrected = vigia_progress_copy (vigia_target_find_progress (vigia_goal_get_target (goal, 0), "2023-S1",
                                                               VIGIA_SOURCE_AUTHORITY));
  vigia_progress_set_value (corrected, 11);
  g_assert_false (vigia_undo_stack_save_progress (f->beto_stack, goal, vigia_goal_get_target (goal, 0), corrected,
                                                  &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_clear_error (&error);

  conflict = read_anew_and_replay (f, f->beto, &f->beto_plan, &f->beto_stack);
  g_assert_true (vigia_edit_conflict_needs_choice (conflict));
  g_assert_cmpstr (vigia_edit_conflict_get_theirs (conflict), ==, "no entry");
  stored = stored_plan (f);
  g_assert_null (vigia_target_find_progress (vigia_goal_get_target (first_goal (stored), 0), "2023-S1",
                                             VIGIA_SOURCE_AUTHORITY));
  g_clear_object (&stored);

  g_assert_true (vigia_undo_stack_replay (f->beto_stack, conflict, TRUE, &error));
  g_assert_no_error (error);
  stored = stored_plan (f);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_target_find_progress (vigia_goal_get_target (first_goal (stored), 0),
                                                                           "2023-S1", VIGIA_SOURCE_AUTHORITY)),
                     ==, 11);
}

/* Beto's typing, refused when it is saved before his next change, waits
 * to be made again; the change itself, to another goal, is saved. */
static void
test_typing_then_action (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(VigiaPlan) stored = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2023-S1", VIGIA_SOURCE_OBSERVER);
  VigiaGoal *second;

  vigia_undo_stack_set_string_later (f->beto_stack, G_OBJECT (first_goal (f->beto_plan)), "problem",
                                     "FALTA DE AGUA");
  g_assert_true (vigia_undo_stack_set_string (f->ana_stack, G_OBJECT (first_goal (f->ana_plan)), "problem",
                                              "AGUA ESCASA", &error));
  g_assert_no_error (error);

  vigia_progress_set_value (entry, 5);
  second = vigia_dimension_get_goal (vigia_plan_get_dimension (f->beto_plan, 0), 1);
  g_assert_true (vigia_undo_stack_save_progress (f->beto_stack, second, vigia_goal_get_target (second, 0), entry,
                                                 &error));
  g_assert_no_error (error);
  conflicts = vigia_undo_stack_take_conflicts (f->beto_stack);
  g_assert_cmpuint (conflicts->len, ==, 1);

  stored = stored_plan (f);
  second = vigia_dimension_get_goal (vigia_plan_get_dimension (stored, 0), 1);
  g_assert_nonnull (vigia_target_find_progress (vigia_goal_get_target (second, 0), "2023-S1",
                                                VIGIA_SOURCE_OBSERVER));
  g_assert_cmpstr (vigia_goal_get_problem (first_goal (stored)), ==, "AGUA ESCASA");
}

typedef struct
{
  VigiaLibrary *library;
  VigiaPlan    *plan;
  VigiaGoal    *goal;
  gboolean      saved;
  GError       *error;
} Save;

static gpointer
save_goal_thread (gpointer data)
{
  Save *save = data;

  save->saved = vigia_library_save_goal (save->library, save->plan, save->goal, &save->error);
  return NULL;
}

/* Both save at the same moment: Beto's save waits while Ana's transaction
 * holds the goal (the server's row lock, SQLite's write lock), then finds
 * her version and is refused, rather than writing over it. */
static void
test_at_once (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) stored = NULL;
  g_autoptr(GThread) thread = NULL;
  Save save = { f->beto, f->beto_plan, first_goal (f->beto_plan), FALSE, NULL };

  g_assert_true (vigia_library_begin (f->ana, &error));
  g_assert_no_error (error);
  vigia_goal_set_indicator (first_goal (f->ana_plan), "HOGARES CON AGUA");
  g_assert_true (vigia_library_save_goal (f->ana, f->ana_plan, first_goal (f->ana_plan), &error));
  g_assert_no_error (error);

  vigia_goal_set_indicator (save.goal, "VIVIENDAS CON AGUA");
  thread = g_thread_new ("beto", save_goal_thread, &save);
  /* Long enough for Beto's save to be waiting on Ana's. */
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (vigia_library_commit (f->ana, &error));
  g_assert_no_error (error);
  g_thread_join (g_steal_pointer (&thread));

  g_assert_false (save.saved);
  g_assert_error (save.error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT);
  g_clear_error (&save.error);
  stored = stored_plan (f);
  g_assert_cmpstr (vigia_goal_get_indicator (first_goal (stored)), ==, "HOGARES CON AGUA");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  vigia_test_add_on_store ("/conflict/" name, Fixture, fixture_set_up, func, fixture_tear_down)

  ADD ("same-field", test_same_field);
  ADD ("other-field", test_other_field);
  ADD ("typing", test_typing);
  ADD ("no-conflict", test_no_conflict);
  ADD ("moved", test_moved);
  ADD ("plan", test_plan);
  ADD ("progress", test_progress);
  ADD ("deleted", test_deleted);
  ADD ("progress-deleted", test_progress_deleted);
  ADD ("typing-then-action", test_typing_then_action);
  ADD ("at-once", test_at_once);

  return g_test_run ();
}
