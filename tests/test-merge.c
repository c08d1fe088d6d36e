/* test-merge.c: two libraries that work apart on one plan, merged
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It runs twice: on SQLite files, and as test-merge-postgresql with
 * $VIGIA_TEST_STORE=postgresql, where each desk's library is a new
 * database of the server $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include <string.h>

#include "vigia-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vigia_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
export_library (VigiaLibrary *library,
                const char   *since)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (vigia_json_writer_write_plans (stream, library, NULL, since, NULL, NULL, NULL));
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* What two libraries with the same content may still differ in: their own
 * ids, and which versions each took in from the other. */
static char *
content_of (VigiaLibrary *library)
{
  g_autofree char *document = export_library (library, NULL);
  g_autoptr(GRegex) ids = g_regex_new ("\"id\": [0-9]+", 0, 0, NULL);
  g_autoptr(GRegex) merged = g_regex_new ("\"merged\": (null|\"[^\"]*\")", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (ids, document, -1, 0, "\"id\": _", 0, NULL);

  return g_regex_replace_literal (merged, plain, -1, 0, "\"merged\": _", 0, NULL);
}

static GPtrArray *
import_text (VigiaLibrary *library,
             const char   *document)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = vigia_import_data (library, (const guint8 *) document, strlen (document), "package.json",
                                          NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static VigiaGoal *
goal_at (VigiaPlan *plan,
         guint      dimension,
         guint      position)
{
  return vigia_dimension_get_goal (vigia_plan_get_dimension (plan, dimension), position);
}

static void
record (VigiaLibrary *library,
        guint         dimension,
        guint         position,
        VigiaSource   source,
        double        value,
        const char   *note)
{
  g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, 1, NULL);
  VigiaGoal *goal = goal_at (plan, dimension, position);
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", source);
  g_autoptr(GError) error = NULL;

  vigia_progress_set_value (entry, value);
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_progress_set_note (entry, note);
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), entry, &error));
  g_assert_no_error (error);
}

static void
edit_problem (VigiaLibrary *library,
              guint         dimension,
              guint         position,
              const char   *problem)
{
  g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, 1, NULL);
  VigiaGoal *goal = goal_at (plan, dimension, position);

  vigia_goal_set_problem (goal, problem);
  g_assert_true (vigia_library_save_goal (library, plan, goal, NULL));
}

static void
delete_goal (VigiaLibrary *library,
             guint         dimension,
             guint         position)
{
  g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, 1, NULL);
  VigiaDimension *dim = vigia_plan_get_dimension (plan, dimension);

  g_assert_true (vigia_library_delete_goal (library, plan, dim, vigia_dimension_get_goal (dim, position), NULL));
}

static void
add_target (VigiaLibrary *library,
            guint         dimension,
            guint         position,
            const char   *text)
{
  g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, 1, NULL);
  VigiaGoal *goal = goal_at (plan, dimension, position);
  g_autoptr(VigiaTarget) target = vigia_target_new ();

  vigia_target_set_text (target, text);
  vigia_goal_insert_target (goal, vigia_goal_get_n_targets (goal), target);
  g_assert_true (vigia_library_save_goal (library, plan, goal, NULL));
}

static VigiaMergeSummary *
merge_summary (GPtrArray *results)
{
  VigiaImportResult *result;

  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_nonnull (result->merge);
  return result->merge;
}

/* Two desks start from one document of the sample plan and work apart:
 * library A is Ana's, B is Luis's. */
static void
make_pair (Fixture        *f,
           VigiaLibrary  **a,
           VigiaLibrary  **b)
{
  g_autoptr(GFile) declara = vigia_sample_plan_file ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autofree char *document = NULL;

  *a = vigia_test_open_library (f->dir, "ana.sqlite");
  *b = vigia_test_open_library (f->dir, "luis.sqlite");
  vigia_library_set_author (*a, "Ana Quispe");
  vigia_library_set_author (*b, "Luis Mamani");

  results = vigia_import_file (*a, declara, NULL, NULL, NULL);
  g_assert_nonnull (results);
  document = export_library (*a, NULL);
  copied = import_text (*b, document);
  g_assert_cmpint (((VigiaImportResult *) g_ptr_array_index (copied, 0))->outcome, ==, VIGIA_IMPORT_ADDED);
}

/* The scenario, both ways: different entries, the same goal's text
 * edited on both sides, a goal deleted on one side, a target added on the
 * other.  Both end with the same content, nothing lost, the conflict
 * listed on both sides. */
static void
test_two_way (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VigiaLibrary) a = NULL;
  g_autoptr(VigiaLibrary) b = NULL;
  g_autoptr(GPtrArray) into_a = NULL;
  g_autoptr(GPtrArray) into_b = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autofree char *from_a = NULL;
  g_autofree char *from_b = NULL;
  g_autofree char *content_a = NULL;
  g_autofree char *content_b = NULL;
  VigiaMergeSummary *merge;
  const VigiaConflict *conflict;
  VigiaProgress *entry;

  make_pair (f, &a, &b);

  /* Ana records on goal 1, Luis on goal 2. */
  record (a, 0, 0, VIGIA_SOURCE_OBSERVER, 12, "Visita de Ana");
  record (b, 0, 1, VIGIA_SOURCE_OBSERVER, 7, "Visita de Luis");
  /* Both edit goal 3's problem; Luis's edit is the later. */
  edit_problem (a, 0, 2, "El problema según Ana");
  edit_problem (b, 0, 2, "El problema según Luis");
  /* Ana deletes the first economic goal; Luis adds a target to the second. */
  delete_goal (a, 1, 0);
  add_target (b, 1, 1, "200 MYPES FORMALIZADAS");

  from_a = export_library (a, NULL);
  from_b = export_library (b, NULL);
  into_a = import_text (a, from_b);
  into_b = import_text (b, from_a);

  /* Ana's import: Luis's entry and target came in, his text won. */
  g_assert_cmpint (((VigiaImportResult *) g_ptr_array_index (into_a, 0))->outcome, ==, VIGIA_IMPORT_UPDATED);
  merge = merge_summary (into_a);
  g_assert_cmpuint (merge->n_entries_added, ==, 1);
  g_assert_cmpuint (merge->n_targets_added, ==, 1);
  g_assert_cmpuint (merge->n_deleted, ==, 0);
  g_assert_cmpuint (merge->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (merge->conflicts, 0);
  g_assert_cmpstr (conflict->entity, ==, "goal");
  g_assert_cmpstr (conflict->label, ==, "Social, goal 3");
  g_assert_cmpstr (conflict->kept_by, ==, "Luis Mamani");
  g_assert_cmpstr (conflict->other_by, ==, "Ana Quispe");
  g_assert_cmpint (conflict->history_id, >, 0);

  /* Luis's import: Ana's entry and deletion came in, his text stayed. */
  merge = merge_summary (into_b);
  g_assert_cmpuint (merge->n_entries_added, ==, 1);
  g_assert_cmpuint (merge->n_deleted, ==, 1);
  g_assert_cmpuint (merge->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (merge->conflicts, 0);
  g_assert_cmpstr (conflict->kept_by, ==, "Luis Mamani");
  g_assert_cmpstr (conflict->other_by, ==, "Ana Quispe");

  /* The same content on both desks, and nothing lost. */
  content_a = content_of (a);
  content_b = content_of (b);
  g_assert_cmpstr (content_a, ==, content_b);
  plan = vigia_library_load_plan (a, 1, NULL);
  entry = vigia_target_find_progress (vigia_goal_get_target (goal_at (plan, 0, 0), 0), "2024-S1",
                                      VIGIA_SOURCE_OBSERVER);
  g_assert_nonnull (entry);
  g_assert_cmpstr (vigia_progress_get_note (entry), ==, "Visita de Ana");
  g_assert_cmpstr (vigia_progress_get_stamp (entry)->edited_by, ==, "Ana Quispe");
  entry = vigia_target_find_progress (vigia_goal_get_target (goal_at (plan, 0, 1), 0), "2024-S1",
                                      VIGIA_SOURCE_OBSERVER);
  g_assert_nonnull (entry);
  g_assert_cmpstr (vigia_progress_get_note (entry), ==, "Visita de Luis");
  g_assert_cmpstr (vigia_progress_get_stamp (entry)->edited_by, ==, "Luis Mamani");
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (plan, 0, 2)), ==, "El problema según Luis");
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 1)), ==, 2);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal_at (plan, 1, 0)), ==, 2);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (goal_at (plan, 1, 0), 1)), ==,
                   "200 MYPES FORMALIZADAS");

  /* The same documents again change nothing: no history, the same content. */
  {
    g_autofree char *path = g_strdup (vigia_library_get_path (a));
    int n_history = vigia_test_count_rows (path, "SELECT count(*) FROM history");

    again = import_text (a, from_b);
    g_assert_cmpint (((VigiaImportResult *) g_ptr_array_index (again, 0))->outcome, ==,
                     VIGIA_IMPORT_ALREADY_PRESENT);
    g_assert_false (vigia_merge_summary_changed (merge_summary (again)));
    g_clear_pointer (&again, g_ptr_array_unref);
    again = import_text (a, from_a);
    g_assert_false (vigia_merge_summary_changed (merge_summary (again)));
    g_assert_cmpint (vigia_test_count_rows (path, "SELECT count(*) FROM history"), ==, n_history);
    g_free (content_a);
    content_a = content_of (a);
    g_assert_cmpstr (content_a, ==, content_b);
  }

  /* Ana puts her version back from the history, in one action. */
  conflict = g_ptr_array_index (merge_summary (into_a)->conflicts, 0);
  {
    g_autoptr(VigiaPlan) restored = NULL;
    g_autoptr(GError) error = NULL;
    gint64 plan_id = 0;

    g_assert_true (vigia_library_restore_conflict (a, conflict->history_id, &plan_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (plan_id, ==, 1);
    restored = vigia_library_load_plan (a, 1, NULL);
    g_assert_cmpstr (vigia_goal_get_problem (goal_at (restored, 0, 2)), ==, "El problema según Ana");
    g_assert_cmpstr (vigia_goal_get_stamp (goal_at (restored, 0, 2))->edited_by, ==, "Ana Quispe");
  }

  vigia_test_assert_finalized (&a);
  vigia_test_assert_finalized (&b);
}

/* A goal deleted on one side but changed later on the other comes back,
 * and the summary says so; one deleted after the other side's last change
 * stays deleted. */
static void
test_deleted_then_changed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(VigiaLibrary) a = NULL;
  g_autoptr(VigiaLibrary) b = NULL;
  g_autoptr(GPtrArray) into_a = NULL;
  g_autoptr(GPtrArray) into_b = NULL;
  g_autoptr(VigiaPlan) plan_a = NULL;
  g_autoptr(VigiaPlan) plan_b = NULL;
  g_autofree char *from_a = NULL;
  g_autofree char *from_b = NULL;
  g_autofree char *content_a = NULL;
  g_autofree char *content_b = NULL;

  make_pair (f, &a, &b);
  delete_goal (a, 0, 0);
  record (b, 0, 0, VIGIA_SOURCE_AUTHORITY, 3, "Informe de la municipalidad");

  from_a = export_library (a, NULL);
  from_b = export_library (b, NULL);
  into_a = import_text (a, from_b);
  into_b = import_text (b, from_a);

  g_assert_cmpuint (merge_summary (into_a)->n_restored, ==, 1);
  g_assert_cmpuint (merge_summary (into_b)->n_restored, ==, 1);
  g_assert_cmpuint (merge_summary (into_b)->n_deleted, ==, 0);
  plan_a = vigia_library_load_plan (a, 1, NULL);
  plan_b = vigia_library_load_plan (b, 1, NULL);
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan_a, 0)), ==, 3);
  g_assert_nonnull (vigia_target_find_progress (vigia_goal_get_target (goal_at (plan_a, 0, 0), 0), "2024-S1",
                                                VIGIA_SOURCE_AUTHORITY));
  g_assert_cmpuint (vigia_plan_get_deletions (plan_a)->len, ==, 0);
  content_a = content_of (a);
  content_b = content_of (b);
  g_assert_cmpstr (content_a, ==, content_b);

  vigia_test_assert_finalized (&a);
  vigia_test_assert_finalized (&b);
}

/* A volunteer's package of one semester's entries: small, and it merges. */
static void
test_since (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VigiaLibrary) a = NULL;
  g_autoptr(VigiaLibrary) b = NULL;
  g_autoptr(GPtrArray) into_a = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autofree char *since = vigia_stamp_now ();
  g_autofree char *whole = NULL;
  g_autofree char *package = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *content_a = NULL;
  g_autofree char *content_b = NULL;

  make_pair (f, &a, &b);
  g_free (since);
  since = vigia_stamp_now ();
  record (b, 0, 1, VIGIA_SOURCE_OBSERVER, 7, "Visita de Luis");
  record (b, 2, 0, VIGIA_SOURCE_OBSERVER, 40, "Acta del comité");
  /* A goal's text edited, its target not: the goal is sent, its target named. */
  edit_problem (b, 1, 2, "Pocas empresas se conocen entre sí");

  whole = export_library (b, NULL);
  package = export_library (b, since);
  g_assert_nonnull (strstr (package, "\"since\": \""));
  g_assert_nonnull (strstr (package, "\"unchanged\": true"));
  g_assert_null (strstr (package, "\"ideario\""));
  g_assert_cmpuint (strlen (package), <, 4096);
  g_assert_cmpuint (strlen (package) * 5, <, strlen (whole));

  into_a = import_text (a, package);
  g_assert_cmpuint (merge_summary (into_a)->n_entries_added, ==, 2);
  content_a = content_of (a);
  content_b = content_of (b);
  g_assert_cmpstr (content_a, ==, content_b);
  plan = vigia_library_load_plan (a, 1, NULL);
  g_assert_cmpuint (vigia_plan_get_n_goals (plan), ==, 12);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (plan, 1, 2)), ==, "Pocas empresas se conocen entre sí");
  g_assert_cmpuint (merge_summary (into_a)->n_updated, ==, 1);

  /* Nothing changed after now: no plan in the package. */
  g_free (since);
  since = vigia_stamp_now ();
  empty = export_library (b, since);
  g_assert_nonnull (strstr (empty, "\"plans\": []"));

  vigia_test_assert_finalized (&a);
  vigia_test_assert_finalized (&b);
}

/* A package for a plan the library does not have is refused whole, and
 * says what to do. */
static void
test_since_unknown_plan (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VigiaLibrary) a = NULL;
  g_autoptr(VigiaLibrary) b = NULL;
  g_autoptr(VigiaLibrary) empty = vigia_test_open_library (f->dir, "empty.sqlite");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  g_autofree char *package = NULL;

  make_pair (f, &a, &b);
  since = vigia_stamp_now ();
  record (b, 0, 1, VIGIA_SOURCE_OBSERVER, 7, "Visita de Luis");
  package = export_library (b, since);

  results = vigia_import_data (empty, (const guint8 *) package, strlen (package), "package.json", NULL, &error);
  g_assert_null (results);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "import the whole plan first"));
  g_assert_cmpuint (vigia_library_count_plans (empty, NULL), ==, 0);

  vigia_test_assert_finalized (&a);
  vigia_test_assert_finalized (&b);
  vigia_test_assert_finalized (&empty);
}

/* Every entry and change says who made it, from the library's author. */
static void
test_who (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(VigiaLibrary) a = NULL;
  g_autoptr(VigiaLibrary) b = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *document = NULL;
  guint n_by_luis = 0;

  make_pair (f, &a, &b);
  record (b, 0, 0, VIGIA_SOURCE_OBSERVER, 12, "Visita");
  history = vigia_library_list_history (b, NULL, NULL, NULL);
  for (guint i = 0; i < history->len; i++)
    {
      VigiaHistoryEntry *entry = g_ptr_array_index (history, i);

      if (g_strcmp0 (entry->entity, "progress") == 0)
        {
          g_assert_cmpstr (entry->author, ==, "Luis Mamani");
          n_by_luis++;
        }
    }
  g_assert_cmpuint (n_by_luis, ==, 1);
  document = export_library (b, NULL);
  g_assert_nonnull (strstr (document, "\"edited_by\": \"Luis Mamani\""));
  g_assert_nonnull (strstr (document, "\"edited_by\": \"Ana Quispe\""));

  /* Unset, it is $VIGIA_USER. */
  g_setenv ("VIGIA_USER", "  Rosa Condori ", TRUE);
  vigia_library_set_author (a, NULL);
  g_assert_cmpstr (vigia_library_get_author (a), ==, "Rosa Condori");
  g_unsetenv ("VIGIA_USER");

  vigia_test_assert_finalized (&a);
  vigia_test_assert_finalized (&b);
}

/* Stamps read from any ISO 8601 time come back in one form that compares
 * as text and reads back, whatever the year. */
static void
test_stamp_times (void)
{
  const struct {
    const char *text;
    const char *stamp;
  } cases[] = {
    { "2026-07-01", "2026-07-01T00:00:00.000000Z" },
    { "2026-12-05T10:04:31Z", "2026-12-05T10:04:31.000000Z" },
    { "2026-12-05T05:04:31.25-05:00", "2026-12-05T10:04:31.250000Z" },
    { "0099-12-31T23:59:59+05:00", "0099-12-31T18:59:59.000000Z" },
    { "0001-01-01", "0001-01-01T00:00:00.000000Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stamp = vigia_stamp_parse_time (cases[i].text, &error);
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (stamp, ==, cases[i].stamp);
      again = vigia_stamp_parse_time (stamp, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, stamp);
    }
  for (const char * const *bad = (const char * const[]) { "ayer", "2026-13-01", "", NULL }; *bad != NULL; bad++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stamp = vigia_stamp_parse_time (*bad, &error);

      g_assert_null (stamp);
      g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  vigia_test_add_on_store (path, Fixture, fixture_set_up, func, fixture_tear_down)

  ADD ("/merge/two-way", test_two_way);
  ADD ("/merge/deleted-then-changed", test_deleted_then_changed);
  ADD ("/merge/since", test_since);
  ADD ("/merge/since-unknown-plan", test_since_unknown_plan);
  ADD ("/merge/who", test_who);
  vigia_test_add_func_sqlite_only ("/merge/stamp-times", test_stamp_times);

  return g_test_run ();
}
