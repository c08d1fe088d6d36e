/* test-timeline.c: a goal's dated changes, in words
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It runs twice: on SQLite files, and as test-timeline-postgresql with
 * $VIGIA_TEST_STORE=postgresql on new databases of the server
 * $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include <string.h>

#include "vigia-test-utils.h"

static void
check_timeline (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (dir, "timeline.sqlite");
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_autoptr(VigiaProgress) progress = vigia_progress_new ("2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaProgress) observed = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);
  g_autoptr(VigiaGoal) added = vigia_goal_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *line = NULL;
  gboolean es = g_strcmp0 (language, "es") == 0;
  const VigiaTimelineItem *item;
  VigiaGoal *goal;
  VigiaGoal *other;

  vigia_test_set_language (language);

  g_assert_true (vigia_library_add_plan (library, plan, &error));
  goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
  other = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 1);

  /* The target is corrected, a baseline entered. */
  vigia_goal_set_target_value (goal, 30);
  vigia_goal_set_baseline_value (goal, 12.5);
  vigia_goal_set_target_direction (goal, VIGIA_DIRECTION_DOWN);
  g_assert_true (vigia_library_save_goal (library, plan, goal, &error));

  /* Progress recorded, then corrected; the observer's entry deleted. */
  vigia_progress_set_value (progress, 12.5);
  vigia_progress_set_status (progress, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), progress, &error));
  vigia_progress_set_value (progress, 14);
  vigia_progress_set_status (progress, VIGIA_STATUS_STALLED);
  vigia_progress_set_note (progress, "Según el informe de la gerencia de salud.");
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), progress, &error));
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), observed, &error));
  g_assert_true (vigia_library_delete_progress (library, plan, goal, vigia_goal_get_target (goal, 0), observed, &error));

  /* Changes to another goal are not this goal's. */
  vigia_goal_set_weight (other, 3);
  g_assert_true (vigia_library_save_goal (library, plan, other, &error));
  g_assert_no_error (error);

  items = vigia_timeline_load_goal (library, vigia_goal_get_uuid (goal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 9);

  item = g_ptr_array_index (items, 0);
  g_assert_null (item->period);
  g_assert_cmpstr (item->text, ==, es ? "Valor de la meta: de 25 a 30" : "Target value: from 25 to 30");
  g_assert_nonnull (item->changed);
  {
    /* When, in words and the local time: "25 de noviembre de 2026, 10:00". */
    g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (item->changed, NULL);
    g_autoptr(GDateTime) local = g_date_time_to_local (utc);
    g_autofree char *expected = g_date_time_format (local, es ? "%-d de %B de %Y, %H:%M" : "%-d %B %Y, %H:%M");

    g_assert_cmpstr (item->date, ==, expected);
  }
  item = g_ptr_array_index (items, 1);
  g_assert_cmpstr (item->text, ==, es ? "Sentido: de Aumentar a Disminuir" : "Direction: from Increase to Decrease");
  item = g_ptr_array_index (items, 2);
  g_assert_cmpstr (item->text, ==, es ? "Línea base: se registró 12,5" : "Baseline: set to 12.5");

  item = g_ptr_array_index (items, 3);
  g_assert_cmpstr (item->period, ==, "2024-S1");
  g_assert_cmpint (item->source, ==, VIGIA_SOURCE_AUTHORITY);
  g_assert_cmpstr (item->text, ==, es ? "Registro de avance creado: 12,5" : "Entry recorded: 12.5");
  item = g_ptr_array_index (items, 4);
  g_assert_cmpstr (item->text, ==, es ? "Valor: de 12,5 a 14" : "Value: from 12.5 to 14");
  item = g_ptr_array_index (items, 5);
  g_assert_cmpstr (item->text, ==, es ? "Estado: de En marcha a Estancada" : "Status: from In progress to Stalled");
  item = g_ptr_array_index (items, 6);
  g_assert_cmpstr (item->text, ==, es ? "Nota: cambió" : "Note: changed");

  item = g_ptr_array_index (items, 7);
  g_assert_cmpint (item->source, ==, VIGIA_SOURCE_OBSERVER);
  g_assert_cmpstr (item->text, ==, es ? "Registro de avance creado" : "Entry recorded");
  item = g_ptr_array_index (items, 8);
  g_assert_cmpstr (item->text, ==, es ? "Registro de avance eliminado" : "Entry deleted");

  line = vigia_timeline_item_dup_line (g_ptr_array_index (items, 4));
  g_assert_true (g_str_has_suffix (line, es ? " · 1.er semestre 2024 · Autoridad · Valor: de 12,5 a 14"
                                            : " · 1st half 2024 · Authority · Value: from 12.5 to 14"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A goal added, then deleted: both dated, the deletion keeping its value. */
  vigia_goal_set_number (added, 1);
  vigia_goal_set_problem (added, "UN PROBLEMA QUE NADIE IDENTIFICÓ ANTES Y QUE OCUPA MUCHO MÁS DE SESENTA CARACTERES");
  g_assert_true (vigia_library_add_goal (library, plan, vigia_plan_get_dimension (plan, 1), 0, added, &error));
  vigia_goal_set_problem (added, "CORTO");
  g_assert_true (vigia_library_save_goal (library, plan, added, &error));
  g_assert_true (vigia_library_delete_goal (library, plan, vigia_plan_get_dimension (plan, 1), added, &error));
  g_assert_no_error (error);
  items = vigia_timeline_load_goal (library, vigia_goal_get_uuid (added), &error);
  g_assert_cmpuint (items->len, ==, 3);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->text, ==, es ? "Propuesta añadida" : "Goal added");
  item = g_ptr_array_index (items, 1);
  g_assert_cmpstr (item->text, ==,
                   es ? "Problema identificado: de «UN PROBLEMA QUE NADIE IDENTIFICÓ ANTES Y QUE OCUPA MUCHO MÁ…» a «CORTO»"
                      : "Problem: from “UN PROBLEMA QUE NADIE IDENTIFICÓ ANTES Y QUE OCUPA MUCHO MÁ…” to “CORTO”");
  item = g_ptr_array_index (items, 2);
  g_assert_cmpstr (item->text, ==, es ? "Propuesta eliminada" : "Goal deleted");

  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
  vigia_test_set_language ("en");
}

static void
test_timeline_en (void)
{
  check_timeline ("en");
}

static void
test_timeline_es (void)
{
  check_timeline ("es");
}

static void
test_unknown_goal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (dir, "empty.sqlite");
  g_autoptr(GPtrArray) items = vigia_timeline_load_goal (library, "no-such-goal", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);

  vigia_test_assert_finalized (&library);
  vigia_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  vigia_test_add_func_on_store ("/timeline/english", test_timeline_en);
  vigia_test_add_func_on_store ("/timeline/spanish", test_timeline_es);
  vigia_test_add_func_on_store ("/timeline/unknown-goal", test_unknown_goal);

  return g_test_run ();
}
