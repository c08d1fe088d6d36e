/* test-undo-stack.c: edits of an open plan, saved at once, undone and redone
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It runs twice: on an SQLite file, and as test-undo-stack-postgresql with
 * $VIGIA_TEST_STORE=postgresql on a new database of the server
 * $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include <locale.h>

#include "vigia-number.h"
#include "vigia-test-utils.h"

typedef struct
{
  char           *dir;
  VigiaLibrary   *library;
  VigiaPlan      *plan;
  VigiaUndoStack *undo_stack;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);

  f->dir = vigia_test_make_dir ();
  f->library = vigia_test_open_library (f->dir, "library.sqlite");
  g_assert_true (vigia_library_add_plan (f->library, plan, &error));
  g_assert_no_error (error);

  /* The editor works on the plan as loaded, like the application. */
  f->plan = vigia_library_load_plan (f->library, vigia_plan_get_id (plan), &error);
  g_assert_no_error (error);
  f->undo_stack = vigia_undo_stack_new (f->library, f->plan);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->undo_stack);
  vigia_test_assert_finalized (&f->plan);
  vigia_test_assert_finalized (&f->library);
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* What another program sees in the library: the plan read on a new
 * connection. */
static VigiaPlan *
reload (Fixture *f)
{
  return vigia_test_reload_plan (vigia_library_get_path (f->library), vigia_plan_get_id (f->plan));
}

static VigiaGoal *
goal_at (VigiaPlan *plan,
         guint      dimension,
         guint      position)
{
  return vigia_dimension_get_goal (vigia_plan_get_dimension (plan, dimension), position);
}

static int
count_rows (Fixture    *f,
            const char *sql)
{
  return vigia_test_count_rows (vigia_library_get_path (f->library), sql);
}

static guint
count_history (Fixture    *f,
               const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = vigia_library_list_history (f->library, vigia_plan_get_uuid (f->plan),
                                                             NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      VigiaHistoryEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->field, field) == 0)
        n++;
    }
  return n;
}

static void
test_set_undo_redo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaGoal *goal = goal_at (f->plan, 1, 0);

  g_assert_false (vigia_undo_stack_get_can_undo (f->undo_stack));
  g_assert_true (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (goal), "objective",
                                              "APOYAR A 500 MYPES DEL DISTRITO", &error));
  g_assert_no_error (error);
  g_assert_true (vigia_undo_stack_get_can_undo (f->undo_stack));
  g_assert_false (vigia_undo_stack_get_can_redo (f->undo_stack));
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "APOYAR A 500 MYPES DEL DISTRITO");

  /* Saved at once, and in the history. */
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_objective (goal_at (saved, 1, 0)), ==, "APOYAR A 500 MYPES DEL DISTRITO");
  g_assert_cmpuint (count_history (f, "objective"), ==, 1);
  g_clear_object (&saved);

  /* Undo is a saved change too. */
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_objective (goal_at (saved, 1, 0)), ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
  g_assert_cmpuint (count_history (f, "objective"), ==, 2);
  g_assert_false (vigia_undo_stack_get_can_undo (f->undo_stack));
  g_assert_true (vigia_undo_stack_get_can_redo (f->undo_stack));
  g_clear_object (&saved);

  g_assert_true (vigia_undo_stack_redo (f->undo_stack, &error));
  g_assert_no_error (error);
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_objective (goal_at (saved, 1, 0)), ==, "APOYAR A 500 MYPES DEL DISTRITO");
  g_clear_object (&saved);

  /* Undoing with nothing to undo does nothing. */
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");

  /* A new edit after an undo leaves nothing to redo. */
  g_assert_true (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (f->plan), "vision",
                                              "Un distrito con agua para todos.", &error));
  g_assert_no_error (error);
  g_assert_false (vigia_undo_stack_get_can_redo (f->undo_stack));
  saved = reload (f);
  g_assert_cmpstr (vigia_plan_get_vision (saved), ==, "Un distrito con agua para todos.");
}

static void
test_same_value_is_no_step (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VigiaGoal *goal = goal_at (f->plan, 0, 0);
  guint n_history = count_history (f, NULL);

  g_assert_true (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (goal), "indicator",
                                              vigia_goal_get_indicator (goal), &error));
  g_assert_no_error (error);
  g_assert_false (vigia_undo_stack_get_can_undo (f->undo_stack));
  g_assert_cmpuint (count_history (f, NULL), ==, n_history);
}

static void
set_reading (GValue         *values,
             double          value,
             const char     *unit,
             VigiaMeasure    measure,
             VigiaDirection  direction,
             double          baseline)
{
  g_value_init (&values[0], G_TYPE_DOUBLE);
  g_value_set_double (&values[0], value);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], unit);
  g_value_init (&values[2], VIGIA_TYPE_MEASURE);
  g_value_set_enum (&values[2], measure);
  g_value_init (&values[3], VIGIA_TYPE_DIRECTION);
  g_value_set_enum (&values[3], direction);
  g_value_init (&values[4], G_TYPE_DOUBLE);
  g_value_set_double (&values[4], baseline);
  g_value_init (&values[5], VIGIA_TYPE_READING);
  g_value_set_enum (&values[5], VIGIA_READING_REVIEWED);
}

static void
test_target_in_one_step (Fixture       *f,
                         gconstpointer  data)
{
  const char *names[] = { "target-value", "target-unit", "target-measure", "target-direction",
                          "baseline-value", "target-reading" };
  GValue values[6] = { G_VALUE_INIT, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  g_autofree char *label = NULL;
  VigiaGoal *goal = goal_at (f->plan, 0, 1);

  set_reading (values, 30, "%", VIGIA_MEASURE_PERCENT, VIGIA_DIRECTION_DOWN, 40);
  g_assert_true (vigia_undo_stack_set (f->undo_stack, G_OBJECT (goal), G_N_ELEMENTS (names), names,
                                       values, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_value_unset (&values[i]);

  label = vigia_goal_dup_target_label (goal);
  g_assert_cmpstr (label, ==, "30 % ↓");
  saved = reload (f);
  g_assert_cmpint (vigia_goal_get_target_reading (goal_at (saved, 0, 1)), ==, VIGIA_READING_REVIEWED);
  g_assert_cmpfloat (vigia_goal_get_baseline_value (goal_at (saved, 0, 1)), ==, 40);
  g_assert_cmpint (vigia_goal_get_target_direction (goal_at (saved, 0, 1)), ==, VIGIA_DIRECTION_DOWN);
  g_clear_object (&saved);

  /* One undo puts the whole reading back, "no baseline" included. */
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_false (vigia_undo_stack_get_can_undo (f->undo_stack));
  saved = reload (f);
  goal = goal_at (saved, 0, 1);
  g_assert_cmpint (vigia_goal_get_target_reading (goal), ==, VIGIA_READING_AUTOMATIC);
  g_assert_cmpfloat (vigia_goal_get_target_value (goal), ==, 25);
  g_assert_cmpint (vigia_goal_get_target_direction (goal), ==, VIGIA_DIRECTION_UP);
  g_assert_true (isnan (vigia_goal_get_baseline_value (goal)));
}

static void
run_until_saved (VigiaUndoStack *undo_stack)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (vigia_undo_stack_has_pending (undo_stack) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (vigia_undo_stack_has_pending (undo_stack));
}

static void
test_typing_is_debounced (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaGoal *goal = goal_at (f->plan, 2, 2);
  const char *typed[] = { "P", "PR", "PRO", "PROY", "PROYECTO" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    vigia_undo_stack_set_string_later (f->undo_stack, G_OBJECT (goal), "objective", typed[i]);

  /* Nothing written while typing goes on, but it can be undone. */
  g_assert_true (vigia_undo_stack_has_pending (f->undo_stack));
  g_assert_true (vigia_undo_stack_get_can_undo (f->undo_stack));
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
  g_assert_cmpuint (count_history (f, "objective"), ==, 0);

  /* Then once, with the last text. */
  run_until_saved (f->undo_stack);
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "PROYECTO");
  g_assert_cmpuint (count_history (f, "objective"), ==, 1);
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_objective (goal_at (saved, 2, 2)), ==, "PROYECTO");
  g_clear_object (&saved);

  /* Typing on in the same field is the same undo step... */
  vigia_undo_stack_set_string_later (f->undo_stack, G_OBJECT (goal), "objective", "PROYECTO DE RIEGO");
  g_assert_true (vigia_undo_stack_flush (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (f, "objective"), ==, 2);

  /* ...until the user leaves the field. */
  vigia_undo_stack_seal (f->undo_stack);
  vigia_undo_stack_set_string_later (f->undo_stack, G_OBJECT (goal), "objective", "PROYECTO DE RIEGO TECNIFICADO");
  vigia_undo_stack_set_string_later (f->undo_stack, G_OBJECT (goal), "problem", "SEQUÍA");

  /* Undo saves pending typing first, then reverts the newest step. */
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_goal_get_problem (goal), ==, "PROBLEMA 3.3 DE LA POBLACIÓN");
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "PROYECTO DE RIEGO TECNIFICADO");
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "PROYECTO DE RIEGO");
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
  g_assert_false (vigia_undo_stack_get_can_undo (f->undo_stack));

  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_objective (goal_at (saved, 2, 2)), ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (saved, 2, 2)), ==, "PROBLEMA 3.3 DE LA POBLACIÓN");
}

static void
test_pending_saved_on_dispose (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(VigiaPlan) saved = NULL;

  vigia_undo_stack_set_string_later (f->undo_stack, G_OBJECT (f->plan), "accountability",
                                     "Audiencias públicas en mayo y setiembre.");
  vigia_test_assert_finalized (&f->undo_stack);

  saved = reload (f);
  g_assert_cmpstr (vigia_plan_get_accountability (saved), ==, "Audiencias públicas en mayo y setiembre.");

  f->undo_stack = vigia_undo_stack_new (f->library, f->plan);
}

static void
test_delete_goal_keeps_progress (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2023-S2", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaProgress) check = vigia_progress_new ("2023-S2", VIGIA_SOURCE_OBSERVER);
  VigiaDimension *dim = vigia_plan_get_dimension (f->plan, 0);
  g_autoptr(VigiaGoal) goal = g_object_ref (goal_at (f->plan, 0, 1));
  g_autofree char *uuid = g_strdup (vigia_goal_get_uuid (goal));

  vigia_progress_set_value (entry, 9);
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_progress_set_note (entry, "Padrón de 420 personas atendidas");
  g_assert_true (vigia_library_save_progress (f->library, f->plan, goal, vigia_goal_get_target (goal, 0), entry, &error));
  vigia_progress_set_value (check, 7);
  g_assert_true (vigia_library_save_progress (f->library, f->plan, goal, vigia_goal_get_target (goal, 0), check, &error));
  g_assert_no_error (error);

  g_assert_true (vigia_undo_stack_delete_goal (f->undo_stack, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_dimension_get_n_goals (dim), ==, 2);
  g_assert_cmpuint (vigia_goal_get_number (goal_at (f->plan, 0, 1)), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM progress"), ==, 0);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 11);
  g_clear_object (&saved);

  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);

  /* Back where it was, with its number, uuid and both entries. */
  g_assert_true (goal_at (f->plan, 0, 1) == goal);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 12);
  g_assert_cmpstr (vigia_goal_get_uuid (goal_at (saved, 0, 1)), ==, uuid);
  g_assert_cmpuint (vigia_goal_get_number (goal_at (saved, 0, 1)), ==, 2);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (saved, 0, 1)), ==, "PROBLEMA 1.2 DE LA POBLACIÓN");
  g_assert_cmpuint (vigia_goal_get_number (goal_at (saved, 0, 2)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (vigia_goal_get_progress (goal_at (saved, 0, 1))), ==, 2);
  {
    VigiaProgress *restored = vigia_goal_find_progress (goal_at (saved, 0, 1), "2023-S2",
                                                        VIGIA_SOURCE_AUTHORITY);

    g_assert_nonnull (restored);
    g_assert_cmpfloat (vigia_progress_get_value (restored), ==, 9);
    g_assert_cmpint (vigia_progress_get_status (restored), ==, VIGIA_STATUS_IN_PROGRESS);
    g_assert_cmpstr (vigia_progress_get_note (restored), ==, "Padrón de 420 personas atendidas");
  }
  g_clear_object (&saved);

  /* Redo deletes it again. */
  g_assert_true (vigia_undo_stack_redo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM goal"), ==, 11);
}

static void
test_add_and_move_goals (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaGoal) goal = vigia_goal_new ();
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaDimension *dim = vigia_plan_get_dimension (f->plan, 3);
  VigiaGoal *first = goal_at (f->plan, 3, 0);

  vigia_goal_set_problem (goal, "NO HAY PRESUPUESTO PARTICIPATIVO EN LÍNEA");
  g_assert_true (vigia_undo_stack_add_goal (f->undo_stack, dim, 99, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_dimension_get_n_goals (dim), ==, 4);
  g_assert_cmpuint (vigia_goal_get_number (goal), ==, 4);
  g_assert_nonnull (vigia_goal_get_uuid (goal));

  g_assert_true (vigia_undo_stack_move_goal (f->undo_stack, goal, 0, &error));
  g_assert_no_error (error);
  g_assert_true (goal_at (f->plan, 3, 0) == goal);
  g_assert_cmpuint (vigia_goal_get_number (first), ==, 2);
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (saved, 3, 0)), ==, "NO HAY PRESUPUESTO PARTICIPATIVO EN LÍNEA");
  g_assert_cmpuint (vigia_goal_get_number (goal_at (saved, 3, 0)), ==, 1);
  g_clear_object (&saved);

  /* Moving to where it is is no step. */
  g_assert_true (vigia_undo_stack_move_goal (f->undo_stack, goal, 0, &error));
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_true (goal_at (f->plan, 3, 3) == goal);
  g_assert_cmpuint (vigia_goal_get_number (first), ==, 1);

  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_dimension_get_n_goals (dim), ==, 3);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 12);
}

static void
test_dimensions (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaDimension) extra = vigia_dimension_new (VIGIA_DIMENSION_KIND_OTHER, "PROPUESTAS ADICIONALES");
  g_autoptr(VigiaDimension) social = g_object_ref (vigia_plan_get_dimension (f->plan, 0));
  g_autoptr(VigiaPlan) saved = NULL;
  g_autofree char *name = NULL;

  g_assert_true (vigia_undo_stack_add_dimension (f->undo_stack, 4, extra, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (extra), "title",
                                              "Propuestas de juventud", &error));
  g_assert_no_error (error);
  name = vigia_dimension_dup_name (extra);
  g_assert_cmpstr (name, ==, "Propuestas de juventud");

  g_assert_true (vigia_undo_stack_delete_dimension (f->undo_stack, social, &error));
  g_assert_no_error (error);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_dimensions (saved), ==, 4);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 9);
  g_assert_cmpstr (vigia_dimension_get_title (vigia_plan_get_dimension (saved, 3)), ==, "Propuestas de juventud");
  g_clear_object (&saved);

  /* The removed dimension comes back first, with its three goals. */
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_dimensions (saved), ==, 5);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 12);
  g_assert_cmpint (vigia_dimension_get_kind (vigia_plan_get_dimension (saved, 0)), ==, VIGIA_DIMENSION_KIND_SOCIAL);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (saved, 0, 2)), ==, "PROBLEMA 1.3 DE LA POBLACIÓN");
  g_clear_object (&saved);

  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_dimensions (saved), ==, 4);
}

static void
test_failure_changes_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VigiaGoal *goal = goal_at (f->plan, 1, 2);

  /* Another program deletes the plan while it is open here. */
  other = vigia_library_open (vigia_library_get_path (f->library), VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (vigia_library_delete_plan (other, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  g_clear_object (&other);

  before = vigia_test_checksum_library (vigia_library_get_path (f->library));
  g_assert_false (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (goal), "objective",
                                               "OTRO OBJETIVO", &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The object still says what it said, and there is nothing to undo. */
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
  g_assert_false (vigia_undo_stack_get_can_undo (f->undo_stack));
  after = vigia_test_checksum_library (vigia_library_get_path (f->library));
  g_assert_cmpstr (before, ==, after);
}

static void
test_progress_undo_redo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaProgress) again = NULL;
  const char *evidence[] = { "https://www.muniindependencia.gob.pe/informe-2024-1.pdf", NULL };
  VigiaGoal *goal = goal_at (f->plan, 0, 0);
  VigiaGoal *other = goal_at (f->plan, 0, 1);
  char *recorded;

  /* A new entry: saved at once, dated, and one step to undo. */
  vigia_progress_set_value (entry, 12.5);
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_progress_set_note (entry, "Padrón de beneficiarios");
  vigia_progress_set_evidence (entry, evidence);
  g_assert_true (vigia_undo_stack_save_progress (f->undo_stack, goal, vigia_goal_get_target (goal, 0), entry, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_undo_stack_get_can_undo (f->undo_stack));
  /* The caller's object is not the one the goal keeps. */
  g_assert_true (vigia_goal_find_progress (goal, "2024-S1", VIGIA_SOURCE_AUTHORITY) != entry);
  g_assert_null (vigia_progress_get_recorded (entry));
  saved = reload (f);
  {
    VigiaProgress *kept = vigia_goal_find_progress (goal_at (saved, 0, 0), "2024-S1", VIGIA_SOURCE_AUTHORITY);

    g_assert_nonnull (kept);
    g_assert_cmpfloat (vigia_progress_get_value (kept), ==, 12.5);
    g_assert_cmpint (vigia_progress_get_status (kept), ==, VIGIA_STATUS_IN_PROGRESS);
    g_assert_cmpstr (vigia_progress_get_note (kept), ==, "Padrón de beneficiarios");
    g_assert_cmpstrv (vigia_progress_get_evidence (kept), evidence);
    g_assert_nonnull (vigia_progress_get_recorded (kept));
    recorded = g_strdup (vigia_progress_get_recorded (kept));
  }
  g_clear_object (&saved);

  /* The same again is no step. */
  again = vigia_progress_copy (entry);
  g_assert_true (vigia_undo_stack_save_progress (f->undo_stack, goal, vigia_goal_get_target (goal, 0), again, &error));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM history WHERE entity = 'progress'"), ==, 1);

  /* A changed value replaces the entry; undo puts the first one back. */
  vigia_progress_set_value (again, 14);
  vigia_progress_set_status (again, VIGIA_STATUS_KEPT);
  g_assert_true (vigia_undo_stack_save_progress (f->undo_stack, goal, vigia_goal_get_target (goal, 0), again, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (goal, "2024-S1", VIGIA_SOURCE_AUTHORITY)), ==, 14);
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  saved = reload (f);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (goal_at (saved, 0, 0), "2024-S1",
                                                                          VIGIA_SOURCE_AUTHORITY)), ==, 12.5);
  g_assert_cmpint (vigia_progress_get_status (vigia_goal_find_progress (goal_at (saved, 0, 0), "2024-S1",
                                                                         VIGIA_SOURCE_AUTHORITY)), ==,
                   VIGIA_STATUS_IN_PROGRESS);
  g_clear_object (&saved);

  /* Undoing the creation deletes it; redo brings it back with its date. */
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_null (vigia_goal_find_progress (goal, "2024-S1", VIGIA_SOURCE_AUTHORITY));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM progress"), ==, 0);
  g_assert_false (vigia_undo_stack_get_can_undo (f->undo_stack));
  g_assert_true (vigia_undo_stack_redo (f->undo_stack, &error));
  g_assert_no_error (error);
  saved = reload (f);
  g_assert_cmpstr (vigia_progress_get_recorded (vigia_goal_find_progress (goal_at (saved, 0, 0), "2024-S1",
                                                                          VIGIA_SOURCE_AUTHORITY)), ==, recorded);
  g_clear_object (&saved);
  g_free (recorded);

  /* Deleting is a step too, and deleting nothing is none. */
  g_assert_true (vigia_undo_stack_delete_progress (f->undo_stack, other, vigia_goal_get_target (other, 0), "2024-S1", VIGIA_SOURCE_AUTHORITY, &error));
  g_assert_true (vigia_undo_stack_delete_progress (f->undo_stack, goal, vigia_goal_get_target (goal, 0), "2024-S1", VIGIA_SOURCE_AUTHORITY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM progress"), ==, 0);
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  saved = reload (f);
  g_assert_cmpstr (vigia_progress_get_note (vigia_goal_find_progress (goal_at (saved, 0, 0), "2024-S1",
                                                                      VIGIA_SOURCE_AUTHORITY)), ==,
                   "Padrón de beneficiarios");
  /* Every step, undo included, is in the history the goal's timeline reads. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM history WHERE entity = 'progress' AND action = 'delete'"), ==, 2);
}

static void
test_progress_failure_changes_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) other = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S2", VIGIA_SOURCE_OBSERVER);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VigiaGoal *goal = goal_at (f->plan, 2, 0);

  other = vigia_library_open (vigia_library_get_path (f->library), VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (vigia_library_delete_plan (other, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  g_clear_object (&other);

  before = vigia_test_checksum_library (vigia_library_get_path (f->library));
  vigia_progress_set_value (entry, 3);
  g_assert_false (vigia_undo_stack_save_progress (f->undo_stack, goal, vigia_goal_get_target (goal, 0), entry, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_null (vigia_goal_find_progress (goal, "2024-S2", VIGIA_SOURCE_OBSERVER));
  g_assert_false (vigia_undo_stack_get_can_undo (f->undo_stack));
  after = vigia_test_checksum_library (vigia_library_get_path (f->library));
  g_assert_cmpstr (before, ==, after);
}

static void
save_failed_cb (VigiaUndoStack *undo_stack,
                const GError   *error,
                GError        **out)
{
  *out = g_error_copy (error);
}

static void
test_read_only_reports (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failed = NULL;
  g_autoptr(VigiaLibrary) reader = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(VigiaUndoStack) undo_stack = NULL;

  reader = vigia_library_open (vigia_library_get_path (f->library), VIGIA_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  plan = vigia_library_load_plan (reader, vigia_plan_get_id (f->plan), &error);
  g_assert_no_error (error);
  undo_stack = vigia_undo_stack_new (reader, plan);
  g_signal_connect (undo_stack, "save-failed", G_CALLBACK (save_failed_cb), &failed);

  vigia_undo_stack_set_string_later (undo_stack, G_OBJECT (plan), "organization", "OTRA");
  run_until_saved (undo_stack);
  g_assert_error (failed, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
  g_assert_cmpstr (vigia_plan_get_organization (plan), ==, "JUNTOS POR EL PERU");
  g_assert_false (vigia_undo_stack_get_can_undo (undo_stack));
  vigia_test_assert_finalized (&undo_stack);
  vigia_test_assert_finalized (&plan);
  vigia_test_assert_finalized (&reader);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_can_undo_notifies (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_undo = 0;
  guint n_redo = 0;
  guint serial;

  g_signal_connect (f->undo_stack, "notify::can-undo", G_CALLBACK (notify_cb), &n_undo);
  g_signal_connect (f->undo_stack, "notify::can-redo", G_CALLBACK (notify_cb), &n_redo);

  g_assert_cmpuint (vigia_undo_stack_get_serial (f->undo_stack), ==, 0);
  g_assert_true (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (f->plan), "authority-name",
                                              "Ana Quispe", &error));
  serial = vigia_undo_stack_get_serial (f->undo_stack);
  g_assert_cmpuint (serial, >, 0);
  g_assert_cmpuint (n_undo, ==, 1);
  g_assert_true (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (f->plan), "authority-name",
                                              "Ana Quispe Mamani", &error));
  g_assert_cmpuint (vigia_undo_stack_get_serial (f->undo_stack), >, serial);
  g_assert_cmpuint (n_undo, ==, 1);

  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_cmpuint (vigia_undo_stack_get_serial (f->undo_stack), ==, serial);
  g_assert_cmpuint (n_redo, ==, 1);
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_undo, ==, 2);
  g_assert_cmpuint (n_redo, ==, 1);
  g_assert_null (vigia_plan_get_authority_name (f->plan));
}

static void
saving_cb (VigiaLibrary   *library,
           GArray         *ids,
           VigiaUndoStack *undo_stack)
{
  g_object_set_data (G_OBJECT (library), "saving",
                     GINT_TO_POINTER (vigia_undo_stack_is_saving (undo_stack) ? 1 : 2));
}

/* Whoever hears the library can tell the stack's own changes from others'. */
static void
test_is_saving (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2023-S1", VIGIA_SOURCE_AUTHORITY);

  g_signal_connect (f->library, "plans-changed", G_CALLBACK (saving_cb), f->undo_stack);
  g_assert_false (vigia_undo_stack_is_saving (f->undo_stack));

  g_assert_true (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (f->plan), "process", "ERM 2026", &error));
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (f->library), "saving")), ==, 1);
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (f->library), "saving")), ==, 1);

  g_assert_true (vigia_library_save_progress (f->library, f->plan, goal_at (f->plan, 0, 0), vigia_goal_get_target (goal_at (f->plan, 0, 0), 0), entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (f->library), "saving")), ==, 2);
  g_assert_false (vigia_undo_stack_is_saving (f->undo_stack));

  g_signal_handlers_disconnect_by_func (f->library, saving_cb, f->undo_stack);
}

static void
test_duplicate_plan (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaPlan) copy = NULL;
  g_autoptr(VigiaPlanSummary) summary = NULL;

  vigia_progress_set_value (entry, 12);
  g_assert_true (vigia_library_save_progress (f->library, f->plan, goal_at (f->plan, 0, 0), vigia_goal_get_target (goal_at (f->plan, 0, 0), 0), entry, &error));
  g_assert_no_error (error);

  copy = vigia_plan_duplicate (f->plan);
  g_assert_cmpint (vigia_plan_get_id (copy), ==, 0);
  g_assert_null (vigia_plan_get_uuid (copy));
  g_assert_null (vigia_goal_get_uuid (goal_at (copy, 0, 0)));
  g_assert_true (vigia_library_add_plan (f->library, copy, &error));
  g_assert_no_error (error);

  g_assert_cmpint (vigia_plan_get_id (copy), !=, vigia_plan_get_id (f->plan));
  g_assert_cmpstr (vigia_plan_get_uuid (copy), !=, vigia_plan_get_uuid (f->plan));
  g_assert_cmpstr (vigia_goal_get_uuid (goal_at (copy, 0, 0)), !=,
                   vigia_goal_get_uuid (goal_at (f->plan, 0, 0)));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM goal"), ==, 24);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM progress"), ==, 2);

  /* The list tells which plans have progress, and how much of them. */
  summary = vigia_library_load_summary (f->library, vigia_plan_get_id (copy), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_plan_summary_get_n_goals (summary), ==, 12);
  g_assert_cmpuint (vigia_plan_summary_get_n_goals_with_progress (summary), ==, 1);
}

static void
test_parse_number (void)
{
  static const struct {
    const char *text;
    gboolean    ok;
    double      value;
  } spanish[] = {
    { "25", TRUE, 25 },
    { "30,5", TRUE, 30.5 },
    { "1.500", TRUE, 1500 },
    { "20.000.000", TRUE, 20000000 },
    { "1.500,75", TRUE, 1500.75 },
    { "2.5", TRUE, 2.5 },
    { " 40 ", TRUE, 40 },
    { "-3,2", TRUE, -3.2 },
    { "−3,2", TRUE, -3.2 },
    { "", FALSE, 0 },
    { "   ", FALSE, 0 },
    { "veinte", FALSE, 0 },
    { "25%", FALSE, 0 },
    { "1,2,3", FALSE, 0 },
    { "1e400", FALSE, 0 },
    { "-", FALSE, 0 },
  };
  char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  double value;

  g_assert_true (vigia_number_parse ("1,500.25", &value));
  g_assert_cmpfloat (value, ==, 1500.25);
  g_assert_true (vigia_number_parse ("2,5", &value));
  g_assert_cmpfloat (value, ==, 2.5);

  if (setlocale (LC_NUMERIC, "es_PE.UTF-8") == NULL)
    {
      g_free (saved);
      g_test_skip ("the es_PE.UTF-8 locale is missing: build-aux/dev setup generates it");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (spanish); i++)
    {
      value = -1;
      g_test_message ("%s", spanish[i].text);
      g_assert_cmpint (vigia_number_parse (spanish[i].text, &value), ==, spanish[i].ok);
      if (spanish[i].ok)
        g_assert_cmpfloat_with_epsilon (value, spanish[i].value, 1e-9);
      else
        g_assert_cmpfloat (value, ==, -1);
    }

  /* What is shown reads back. */
  {
    g_autofree char *shown = vigia_number_format (1234567.5, 2);

    g_assert_cmpstr (shown, ==, "1.234.567,5");
    g_assert_true (vigia_number_parse (shown, &value));
    g_assert_cmpfloat (value, ==, 1234567.5);
  }

  setlocale (LC_NUMERIC, saved);
  g_free (saved);
}

/* A target typed in the application is read as an imported one is, in the
 * step that types it; a reading a person confirmed keeps its figures but
 * is to be confirmed again; undo takes text and reading back together. */
static void
test_reading_follows_text (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaGoal *goal = goal_at (f->plan, 0, 0);
  VigiaTarget *target = vigia_goal_get_target (goal, 0);
  const char *fields[] = { "reading" };
  GValue reviewed = G_VALUE_INIT;

  /* Typed in two goes, as the text field saves it: one step. */
  vigia_undo_stack_set_string_later (f->undo_stack, G_OBJECT (goal), "target-text", "Reducir la anemia");
  g_assert_true (vigia_undo_stack_flush (f->undo_stack, &error));
  g_assert_cmpint (vigia_target_get_reading (target), ==, VIGIA_READING_NEEDS_REVIEW);
  vigia_undo_stack_set_string_later (f->undo_stack, G_OBJECT (goal), "target-text",
                                     "Reducir la anemia de 40 % a 20 %");
  g_assert_true (vigia_undo_stack_flush (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (vigia_target_get_value (target), ==, 20);
  g_assert_cmpint (vigia_target_get_direction (target), ==, VIGIA_DIRECTION_DOWN);
  g_assert_cmpint (vigia_target_get_reading (target), ==, VIGIA_READING_AUTOMATIC);
  g_assert_cmpfloat (vigia_target_get_baseline_value (target), ==, 40);
  saved = reload (f);
  g_assert_cmpfloat (vigia_goal_get_target_value (goal_at (saved, 0, 0)), ==, 20);
  g_clear_object (&saved);

  /* One undo: the text and its reading as they were. */
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_cmpstr (vigia_target_get_text (target), ==, "25% DE POBLACIÓN ATENDIDA");
  g_assert_cmpfloat (vigia_target_get_value (target), ==, 25);
  g_assert_cmpint (vigia_target_get_direction (target), ==, VIGIA_DIRECTION_UP);
  g_assert_false (VIGIA_HAS_VALUE (vigia_target_get_baseline_value (target)));

  /* Reviewed, then its text changed: the figures stay, to be confirmed. */
  g_value_init (&reviewed, VIGIA_TYPE_READING);
  g_value_set_enum (&reviewed, VIGIA_READING_REVIEWED);
  g_assert_true (vigia_undo_stack_set (f->undo_stack, G_OBJECT (target), 1, fields, &reviewed, &error));
  g_assert_true (vigia_undo_stack_set_string (f->undo_stack, G_OBJECT (target), "text", "30% DE POBLACIÓN ATENDIDA",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (vigia_target_get_value (target), ==, 25);
  g_assert_cmpint (vigia_target_get_reading (target), ==, VIGIA_READING_NEEDS_REVIEW);
  saved = reload (f);
  g_assert_cmpint (vigia_target_get_reading (vigia_goal_get_target (goal_at (saved, 0, 0), 0)), ==,
                   VIGIA_READING_NEEDS_REVIEW);
  g_value_unset (&reviewed);
}

static guint
count_goals (Fixture *f,
             guint    dimension)
{
  g_autoptr(VigiaPlan) saved = reload (f);

  return vigia_dimension_get_n_goals (vigia_plan_get_dimension (saved, dimension));
}

/* A goal of three targets split into three goals, each target with its
 * uuid and its progress, then merged back: each one step, undone whole. */
static void
test_split_and_merge (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);
  g_autoptr(VigiaPlan) saved = NULL;
  g_autofree char *second_uuid = NULL;
  VigiaDimension *social = vigia_plan_get_dimension (f->plan, 0);
  VigiaGoal *goal = vigia_dimension_get_goal (social, 0);
  VigiaGoal *read;

  g_ptr_array_add (targets, g_object_ref (vigia_goal_get_target (goal, 0)));
  for (guint i = 0; i < 2; i++)
    {
      VigiaTarget *target = vigia_target_new ();
      g_autofree char *text = g_strdup_printf ("%u00 VIVIENDAS", i + 1);

      vigia_target_set_text (target, text);
      vigia_target_update_reading (target);
      g_ptr_array_add (targets, target);
    }
  g_assert_true (vigia_undo_stack_set_targets (f->undo_stack, goal, targets, &error));
  vigia_progress_set_value (entry, 150);
  g_assert_true (vigia_undo_stack_save_progress (f->undo_stack, goal, vigia_goal_get_target (goal, 1), entry, &error));
  g_assert_no_error (error);
  second_uuid = g_strdup (vigia_target_get_uuid (vigia_goal_get_target (goal, 1)));
  g_assert_cmpuint (count_goals (f, 0), ==, 3);

  g_assert_true (vigia_undo_stack_split_goal (f->undo_stack, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_dimension_get_n_goals (social), ==, 5);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal), ==, 1);
  saved = reload (f);
  read = vigia_dimension_get_goal (vigia_plan_get_dimension (saved, 0), 1);
  g_assert_cmpuint (vigia_goal_get_number (read), ==, 2);
  g_assert_cmpstr (vigia_goal_get_problem (read), ==, vigia_goal_get_problem (goal));
  g_assert_cmpstr (vigia_target_get_uuid (vigia_goal_get_target (read, 0)), ==, second_uuid);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_target_find_progress (vigia_goal_get_target (read, 0),
                                                                           "2024-S1", VIGIA_SOURCE_OBSERVER)), ==, 150);
  g_assert_cmpfloat (vigia_target_get_value (vigia_goal_get_target (vigia_dimension_get_goal (
                       vigia_plan_get_dimension (saved, 0), 2), 0)), ==, 200);
  g_clear_object (&saved);

  /* Undone: one goal of three targets, the progress where it was. */
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_dimension_get_n_goals (social), ==, 3);
  g_assert_cmpuint (count_goals (f, 0), ==, 3);
  saved = reload (f);
  read = vigia_dimension_get_goal (vigia_plan_get_dimension (saved, 0), 0);
  g_assert_cmpuint (vigia_goal_get_n_targets (read), ==, 3);
  g_assert_cmpstr (vigia_target_get_uuid (vigia_goal_get_target (read, 1)), ==, second_uuid);
  g_assert_nonnull (vigia_target_find_progress (vigia_goal_get_target (read, 1), "2024-S1", VIGIA_SOURCE_OBSERVER));
  g_clear_object (&saved);

  /* Redone, then the first two merged back into one of two targets. */
  g_assert_true (vigia_undo_stack_redo (f->undo_stack, &error));
  g_assert_cmpuint (count_goals (f, 0), ==, 5);
  g_assert_true (vigia_undo_stack_merge_goals (f->undo_stack, goal, vigia_dimension_get_goal (social, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_dimension_get_n_goals (social), ==, 4);
  saved = reload (f);
  read = vigia_dimension_get_goal (vigia_plan_get_dimension (saved, 0), 0);
  g_assert_cmpuint (vigia_goal_get_n_targets (read), ==, 2);
  g_assert_cmpstr (vigia_target_get_uuid (vigia_goal_get_target (read, 1)), ==, second_uuid);
  g_assert_nonnull (vigia_target_find_progress (vigia_goal_get_target (read, 1), "2024-S1", VIGIA_SOURCE_OBSERVER));
  g_clear_object (&saved);
  g_assert_true (vigia_undo_stack_undo (f->undo_stack, &error));
  g_assert_cmpuint (count_goals (f, 0), ==, 5);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  vigia_test_add_on_store ("/undo-stack/" name, Fixture, fixture_set_up, func, fixture_tear_down)

  ADD ("set-undo-redo", test_set_undo_redo);
  ADD ("same-value-is-no-step", test_same_value_is_no_step);
  ADD ("target-in-one-step", test_target_in_one_step);
  ADD ("reading-follows-text", test_reading_follows_text);
  ADD ("split-and-merge", test_split_and_merge);
  ADD ("typing-is-debounced", test_typing_is_debounced);
  ADD ("pending-saved-on-dispose", test_pending_saved_on_dispose);
  ADD ("delete-goal-keeps-progress", test_delete_goal_keeps_progress);
  ADD ("add-and-move-goals", test_add_and_move_goals);
  ADD ("dimensions", test_dimensions);
  ADD ("failure-changes-nothing", test_failure_changes_nothing);
  ADD ("progress-undo-redo", test_progress_undo_redo);
  ADD ("progress-failure-changes-nothing", test_progress_failure_changes_nothing);
  ADD ("read-only-reports", test_read_only_reports);
  ADD ("can-undo-notifies", test_can_undo_notifies);
  ADD ("is-saving", test_is_saving);
  ADD ("duplicate-plan", test_duplicate_plan);
  vigia_test_add_func_sqlite_only ("/utils/parse-number", test_parse_number);

  return g_test_run ();
}
