/* vigia-test-utils.h: what the tests share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-core.h"

G_BEGIN_DECLS

/* g_clear_object() for a reference that must be the last: the object is
 * finalized on the spot (its file closed, its memory freed), or the test
 * fails at this line, naming the object and the references left.  A NULL
 * pointer is left alone. */
#define vigia_test_assert_finalized(object_ptr) \
  vigia_test_assert_finalized_at ((object_ptr), #object_ptr, __FILE__, __LINE__, G_STRFUNC)

void       vigia_test_wait_for_threads (gpointer    object);
void       vigia_test_assert_finalized_at (gpointer    object_ptr,
                                           const char *expression,
                                           const char *file,
                                           int         line,
                                           const char *function);

char      *vigia_test_make_dir        (void);
void       vigia_test_remove_dir      (const char *path);
char      *vigia_test_checksum_file   (const char *path);
char      *vigia_test_checksum_library (const char *location);
char      *vigia_test_integrity_check (const char *path);
char      *vigia_test_read_file       (const char *path);
VigiaPlan *vigia_test_make_plan       (const char *organization,
                                       const char *district,
                                       guint       n_goals_per_dimension);
VigiaLibrary *vigia_test_open_library (const char *dir,
                                       const char *name);
VigiaPlan *vigia_test_load_sample_plan (void);
void       vigia_test_add_sample_progress (VigiaPlan *plan);
void       vigia_test_assert_same_summary (VigiaPlanSummary *actual,
                                           VigiaPlanSummary *expected);
char      *vigia_test_fixture_path    (const char *name);
int        vigia_test_count_rows      (const char *path,
                                       const char *sql);
VigiaPlan *vigia_test_reload_plan     (const char *path,
                                       gint64      plan_id);
void       vigia_test_exec_sql        (const char *path,
                                       const char *sql);
void       vigia_test_set_language    (const char *language);

/* The PostgreSQL server of the tests ($VIGIA_TEST_POSTGRESQL, a connection
 * string whose user may create databases; build-aux/dev test starts one). */
const char *vigia_test_postgresql_server      (void);
gboolean    vigia_test_skip_without_postgresql (void);
void        vigia_test_postgresql_exec        (const char *sql);
char       *vigia_test_make_database          (char      **name);
void        vigia_test_kill_connections       (const char *name);
void        vigia_test_allow_connections      (const char *name,
                                               gboolean    allow);
void        vigia_test_drop_database          (const char *name);

/* The store a test's libraries are on: SQLite files, or with
 * $VIGIA_TEST_STORE=postgresql databases of the server above. */
gboolean    vigia_test_store_is_postgresql    (void);
void        vigia_test_add_vtable_on_store    (const char       *path,
                                               gsize             fixture_size,
                                               const char       *why_sqlite_only,
                                               GTestFixtureFunc  set_up,
                                               GTestFixtureFunc  test,
                                               GTestFixtureFunc  tear_down);
/* g_test_add() for a case whose libraries are on the chosen store: on
 * PostgreSQL without a server it is skipped, saying why. */
#define vigia_test_add_on_store(path, Fixture, set_up, test, tear_down) \
  vigia_test_add_sqlite_only ((path), Fixture, NULL, (set_up), (test), (tear_down))
/* g_test_add() for a case that only a file can have, for the reason
 * @why_sqlite_only: on PostgreSQL it is skipped with that reason.  With
 * NULL, as vigia_test_add_on_store(). */
#define vigia_test_add_sqlite_only(path, Fixture, why_sqlite_only, set_up, test, tear_down) \
  vigia_test_add_vtable_on_store ((path), sizeof (Fixture), (why_sqlite_only), (GTestFixtureFunc) (set_up), \
                                  (GTestFixtureFunc) (test), (GTestFixtureFunc) (tear_down))
/* g_test_add_func() for a case that opens no library: on PostgreSQL it
 * would only repeat the run on SQLite, and is skipped. */
void        vigia_test_add_func_sqlite_only   (const char       *path,
                                               GTestFunc         test);
/* g_test_add_func() for a case without a fixture whose libraries are on the
 * chosen store (made with vigia_test_open_library() or
 * vigia_test_make_library_location()): the databases are dropped after it;
 * on PostgreSQL without a server it is skipped, saying why. */
void        vigia_test_add_func_on_store      (const char       *path,
                                               GTestFunc         test);
char       *vigia_test_make_library_location  (const char       *dir,
                                               const char       *name);
void        vigia_test_drop_library_locations (void);

/* A run of vigia-cli: its exit status and what it wrote. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} VigiaTestRun;

void       vigia_test_run_clear       (VigiaTestRun *run);
void       vigia_test_run_cli         (VigiaTestRun *run,
                                       const char   *language,
                                       const char   *first_arg,
                                       ...) G_GNUC_NULL_TERMINATED;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigiaTestRun, vigia_test_run_clear)

G_END_DECLS
