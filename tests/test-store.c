/* test-store.c: a library's two stores, SQLite and PostgreSQL, and copying
 * a library between them
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL tests need a server: build-aux/dev test starts a
 * throwaway one (build-aux/pg-cluster) and names it in
 * $VIGIA_TEST_POSTGRESQL, a connection string whose user may create
 * databases.  Each test makes its own database and drops it.  Without the
 * variable they are skipped, saying so.
 */
#include "config.h"

#include <libpq-fe.h>
#include <math.h>
#include <string.h>

#include "vigia-store-postgresql.h"
#include "vigia-schema.h"
#include "vigia-search-words.h"
#include "vigia-test-utils.h"

typedef struct
{
  char   *dir;
  /* Databases and roles made for the test, dropped at its end. */
  GPtrArray *databases;
  GPtrArray *roles;
} Fixture;

/* The server's helpers are vigia-test-utils' (the library's tests use them
 * too); the names here are this file's. */
#define skip_without_server() vigia_test_skip_without_postgresql ()
#define admin_exec(sql) vigia_test_postgresql_exec (sql)
#define kill_connections(name) vigia_test_kill_connections (name)

/* A new, empty database, dropped at the test's end; returns its connection
 * string. */
static char *
make_database (Fixture *f)
{
  char *name = NULL;
  char *location = vigia_test_make_database (&name);

  g_ptr_array_add (f->databases, name);
  return location;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vigia_test_make_dir ();
  f->databases = g_ptr_array_new_with_free_func (g_free);
  f->roles = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < f->databases->len; i++)
    {
      g_autofree char *reader = g_strdup_printf ("DROP ROLE IF EXISTS vigia_%s_read",
                                                 (char *) g_ptr_array_index (f->databases, i));
      g_autofree char *editor = g_strdup_printf ("DROP ROLE IF EXISTS vigia_%s_edit",
                                                 (char *) g_ptr_array_index (f->databases, i));

      vigia_test_drop_database (g_ptr_array_index (f->databases, i));
      admin_exec (editor);
      admin_exec (reader);
    }
  for (guint i = 0; i < f->roles->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s", (char *) g_ptr_array_index (f->roles, i));

      admin_exec (sql);
    }
  g_ptr_array_unref (f->roles);
  g_ptr_array_unref (f->databases);
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
export_library (VigiaLibrary *library)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (vigia_json_writer_write_plans (stream, library, NULL, NULL, NULL, NULL, NULL));
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* A library with something in every table: plans with progress, an edit's
 * history, a deleted goal, candidate lists, and texts and numbers that a
 * careless copy would change. */
static char *
make_full_library (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "original.vigia", NULL);
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "original.vigia");
  g_autoptr(VigiaPlan) sample = vigia_test_load_sample_plan ();
  g_autoptr(VigiaPlan) other = vigia_test_make_plan ("FUERZA “DEL” AGUA 'Ñ' 😀", "MIRAFLORES", 2);
  g_autoptr(GError) error = NULL;
  VigiaDimension *dimension;

  vigia_test_add_sample_progress (sample);
  g_assert_true (vigia_library_add_plan (library, sample, &error));
  g_assert_no_error (error);
  /* What COPY's text format escapes: tab, newline, carriage return,
   * backslash; and what it would read as NULL or as the end of the rows. */
  vigia_plan_set_vision (other, "Línea uno\nlínea dos; =SUMA(A1) \\ \"comillas\"\tTab\r\n\\N\n\\.\n");
  g_assert_true (vigia_library_add_plan (library, other, &error));
  g_assert_no_error (error);

  dimension = vigia_plan_get_dimension (other, 0);
  g_assert_true (vigia_library_delete_goal (library, other, dimension, vigia_dimension_get_goal (dimension, 0),
                                            &error));
  g_assert_no_error (error);
  g_clear_object (&library);

  vigia_test_exec_sql (path,
                       "UPDATE target SET value = 0.1, baseline_value = 1e-300 WHERE id = 1;"
                       "UPDATE target SET value = 123456789.123456789 WHERE id = 2;"
                       "INSERT INTO jne_list (plan_ref, file_number, election, status, organization, ubigeo,"
                       "  region, province, district)"
                       "  VALUES (4021, 'EM.2026001234', 'municipal-district', 'INSCRITO',"
                       "    'ALIANZA ÁNCASH', '020101', 'ÁNCASH', 'HUARAZ', 'HUARAZ'),"
                       "  (4022, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL);"
                       "INSERT INTO jne_candidate (file_number, name) VALUES ('EM.2026001234', 'ROSA QUISPE MAMANI'),"
                       "  ('EM.2026000001', 'JUAN PÉREZ');");
  return g_steal_pointer (&path);
}

/* The full library, and a copy of it in a new database of the server,
 * whose connection string is returned. */
static char *
make_shared_library (Fixture          *f,
                     char            **original,
                     VigiaStoreTally  *tally)
{
  g_autoptr(GError) error = NULL;
  char *shared;

  *original = make_full_library (f);
  shared = make_database (f);
  g_assert_true (vigia_store_copy_locations (*original, shared, NULL, NULL, tally, &error));
  g_assert_no_error (error);
  return shared;
}

static VigiaStore *
open_store (const char *location)
{
  g_autoptr(GError) error = NULL;
  VigiaStore *store = vigia_store_open (location, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
assert_empty (const char *location)
{
  g_autoptr(VigiaStore) store = open_store (location);
  g_autoptr(GError) error = NULL;
  VigiaStoreTally tally;

  g_assert_true (vigia_store_tally (store, &tally, &error));
  g_assert_no_error (error);
  for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
    g_assert_cmpuint (tally.rows[t], ==, 0);
}

static void
test_location (void)
{
  g_assert_true (vigia_store_location_is_postgresql ("postgresql://ana@servidor/planes"));
  g_assert_true (vigia_store_location_is_postgresql ("postgres://servidor/planes"));
  g_assert_true (vigia_store_location_is_postgresql ("host=/run/postgresql dbname=planes"));
  g_assert_true (vigia_store_location_is_postgresql ("dbname=planes"));
  g_assert_false (vigia_store_location_is_postgresql ("planes.vigia"));
  g_assert_false (vigia_store_location_is_postgresql ("/home/ana/postgresql/planes.vigia"));
  g_assert_false (vigia_store_location_is_postgresql ("informes/host=1.vigia"));
}

/* The connection string the window makes of what the user typed: each
 * value quoted, so that a quote or a space in a password stays in it. */
static void
test_make_location (void)
{
  g_autofree char *location = vigia_store_postgresql_make_location (" servidor:5433 ", "planes", "ana",
                                                                    "mi 'clave'\\x");
  g_autofree char *socket = vigia_store_postgresql_make_location ("/run/postgresql", "planes", "ana", NULL);
  g_autofree char *ipv6 = vigia_store_postgresql_make_location ("::1", "planes", "", "");
  char *errmsg = NULL;
  PQconninfoOption *options;

  g_assert_cmpstr (location, ==,
                   "host='servidor' port='5433' dbname='planes' user='ana' password='mi \\'clave\\'\\\\x'"
                   " connect_timeout='10'");
  g_assert_true (vigia_store_location_is_postgresql (location));
  options = PQconninfoParse (location, &errmsg);
  g_assert_nonnull (options);
  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "password"))
      g_assert_cmpstr (option->val, ==, "mi 'clave'\\x");
  PQconninfoFree (options);

  g_assert_cmpstr (socket, ==, "host='/run/postgresql' dbname='planes' user='ana' connect_timeout='10'");
  g_assert_cmpstr (ipv6, ==, "host='::1' dbname='planes' connect_timeout='10'");
}

/* The tables of @sql (one column: table, column) against the copy's list:
 * a column the copy did not know would be lost. */
static void
assert_columns_known (VigiaStore *store,
                      const char *sql)
{
  g_autoptr(VigiaStatement) columns = NULL;
  g_autoptr(GError) error = NULL;
  guint n_known = 0;
  guint n_found = 0;

  for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
    n_known += g_strv_length ((char **) vigia_store_table_columns (t));

  columns = vigia_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  while (vigia_statement_step (columns, &error) == VIGIA_STATEMENT_ROW)
    {
      const char *table = vigia_statement_column_text (columns, 0);
      const char *column = vigia_statement_column_text (columns, 1);
      gboolean known = FALSE;

      for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
        if (g_str_equal (vigia_store_table_name (t), table))
          known = g_strv_contains (vigia_store_table_columns (t), column);
      if (!known)
        g_error ("The copy does not know the column %s.%s", table, column);
      n_found++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_found, ==, n_known);
}

static void
test_sqlite_columns (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.vigia", NULL);
  g_autoptr(VigiaStore) store = open_store (path);

  assert_columns_known (store,
                        "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info (m.name) c"
                        " WHERE m.type = 'table' AND m.name NOT LIKE 'plan_search%' AND m.name NOT LIKE 'sqlite%'");
}

static void
test_postgresql_columns (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *location = NULL;
  g_autoptr(VigiaStore) store = NULL;

  if (skip_without_server ())
    return;
  location = make_database (f);
  store = open_store (location);
  assert_columns_known (store,
                        "SELECT table_name, column_name FROM information_schema.columns"
                        " WHERE table_schema = 'vigia' AND table_name <> 'plan_search'"
                        " AND table_name <> 'library_info'");
}

/* To PostgreSQL and back: the same rows, the same plans, and search finds
 * the same ones. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *back = g_build_filename (f->dir, "back.vigia", NULL);
  g_autoptr(VigiaLibrary) before = NULL;
  g_autoptr(VigiaLibrary) after = NULL;
  g_autofree char *document_before = NULL;
  g_autofree char *document_after = NULL;
  g_autoptr(GError) error = NULL;
  VigiaStoreTally there;
  VigiaStoreTally home;
  VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;

  if (skip_without_server ())
    return;
  original = make_full_library (f);
  shared = make_database (f);

  g_assert_true (vigia_store_copy_locations (original, shared, NULL, NULL, &there, &error));
  g_assert_no_error (error);
  for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
    g_assert_cmpuint (there.rows[t], >, 0);
  g_assert_cmpuint (there.rows[0], ==, 2);
  g_assert_cmpuint (there.rows[7], ==, 2);
  g_assert_cmpuint (there.rows[8], ==, 1);

  g_assert_true (vigia_store_copy_locations (shared, back, NULL, NULL, &home, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (home.digest, ==, there.digest);
  g_assert_cmpmem (home.rows, sizeof home.rows, there.rows, sizeof there.rows);

  before = vigia_library_open (original, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  after = vigia_library_open (back, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  document_before = export_library (before);
  document_after = export_library (after);
  g_assert_cmpstr (document_after, ==, document_before);
  g_assert_nonnull (strstr (document_after, "FUERZA “DEL” AGUA 'Ñ' 😀"));
  g_assert_nonnull (strstr (document_after, "123456789.12345679"));

  /* The search index is made anew in each store. */
  query.text = "agua";
  {
    g_autoptr(GArray) found_before = vigia_library_query_plan_ids (before, &query, &error);
    g_autoptr(GArray) found_after = vigia_library_query_plan_ids (after, &query, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found_after->len, ==, 1);
    g_assert_cmpmem (found_after->data, found_after->len * sizeof (gint64),
                     found_before->data, found_before->len * sizeof (gint64));
  }
  g_assert_cmpint (vigia_library_count_jne_lists (after, NULL, NULL), ==, 2);

  /* New rows get new ids, past those copied. */
  {
    g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("NUEVO", "LINCE", 1);

    g_assert_true (vigia_library_add_plan (after, plan, &error));
    g_assert_no_error (error);
    g_assert_cmpint (vigia_plan_get_id (plan), ==, 3);
  }
}

/* PostgreSQL's search: words without accents find words with them. */
static void
test_postgresql_search (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(VigiaStore) store = NULL;
  g_autoptr(VigiaStatement) found = NULL;
  g_autoptr(GError) error = NULL;
  VigiaStoreTally tally;

  if (skip_without_server ())
    return;
  shared = make_shared_library (f, &original, &tally);

  store = open_store (shared);
  found = vigia_store_prepare (store,
                               "SELECT p.organization FROM plan_search s JOIN plan p ON p.id = s.plan_id"
                               " WHERE s.document @@ CAST (?1 AS tsquery) ORDER BY p.id",
                               &error);
  g_assert_no_error (error);
  vigia_statement_bind_text (found, 1, "'poblacion' & 'miraflores'");
  g_assert_cmpint (vigia_statement_step (found, &error), ==, VIGIA_STATEMENT_ROW);
  g_assert_cmpstr (vigia_statement_column_text (found, 0), ==, "FUERZA “DEL” AGUA 'Ñ' 😀");
  g_assert_cmpint (vigia_statement_step (found, &error), ==, VIGIA_STATEMENT_DONE);
  g_assert_no_error (error);
}

/* The words of PostgreSQL's search, cut and folded by Vigía: the same
 * for a plan's row and for what a person types. */
static void
test_search_words (void)
{
  g_autofree char *empty = vigia_search_words_tsvector (NULL);
  g_autofree char *plain = vigia_search_words_tsvector ("Agua POTABLE para el agua, ÁNCASH 2022");
  g_autofree char *marks = vigia_search_words_tsvector ("Niñez covid-19 S/. 12.5% O'Higgins \\ «x» 😀 ünete");
  g_autofree char *query = vigia_search_words_tsquery ("  educación  agua-potable'); DROP");
  g_autofree char *no_words = vigia_search_words_tsquery ("¡¿ -- !? 😀");
  g_autoptr(GString) repeated = g_string_new (NULL);
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autofree char *many = NULL;
  g_autofree char *longest = NULL;

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (plain, ==, "'agua':1,5 'potable':2 'para':3 'el':4 'ancash':6 '2022':7");
  g_assert_cmpstr (marks, ==, "'ninez':1 'covid':2 '19':3 's':4 '12':5 '5':6 'o':7 'higgins':8 'x':9 'unete':10");
  g_assert_cmpstr (query, ==, "'educacion':* & 'agua':* & 'potable':* & 'drop':*");
  g_assert_null (no_words);

  /* The server's limits: 256 positions a word at most, a word of at most
   * 2,046 bytes (cut on a character, never inside one). */
  for (int i = 0; i < 300; i++)
    g_string_append (repeated, "agua ");
  many = vigia_search_words_tsvector (repeated->str);
  g_assert_true (g_str_has_prefix (many, "'agua':1,2,3,"));
  g_assert_true (g_str_has_suffix (many, ",254,255"));
  g_string_append_c (long_word, 'a');
  for (int i = 0; i < 1500; i++)
    g_string_append (long_word, "ß");
  longest = vigia_search_words_tsvector (long_word->str);
  g_assert_cmpuint (strlen (longest), ==, strlen ("'':1") + 1 + 2 * 1022);
  g_assert_true (g_str_has_suffix (longest, "ßß':1"));
}

static void
test_not_empty (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(GError) error = NULL;
  VigiaStoreTally first;
  VigiaStoreTally second;

  if (skip_without_server ())
    return;
  shared = make_shared_library (f, &original, &first);

  g_assert_false (vigia_store_copy_locations (original, shared, NULL, NULL, &second, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "is not empty"));

  {
    g_autoptr(VigiaStore) store = open_store (shared);

    g_assert_true (vigia_store_tally (store, &second, NULL));
    g_assert_cmpstr (second.digest, ==, first.digest);
  }

  /* Nor into an SQLite library that holds plans. */
  g_clear_error (&error);
  g_assert_false (vigia_store_copy_locations (shared, original, NULL, NULL, &second, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_DUPLICATE);
  g_assert_cmpint (vigia_test_count_rows (original, "SELECT count(*) FROM plan"), ==, 2);
}

typedef struct
{
  const char *after_table;
  const char *database;
} Killer;

static void
kill_after_cb (const char *table,
               guint64     rows,
               gpointer    user_data)
{
  Killer *killer = user_data;

  if (g_str_equal (table, killer->after_table))
    kill_connections (killer->database);
}

/* The server ends the copying connection in the middle of the copy: the
 * copy fails, saying so, and leaves the database without a row. */
static void
test_killed_target (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(GError) error = NULL;
  Killer killer = { "goal", NULL };
  VigiaStoreTally tally;

  if (skip_without_server ())
    return;
  original = make_full_library (f);
  shared = make_database (f);
  killer.database = g_ptr_array_index (f->databases, 0);

  g_assert_false (vigia_store_copy_locations (original, shared, kill_after_cb, &killer, &tally, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "connection"));
  g_assert_null (strstr (error->message, "password"));
  assert_empty (shared);
}

/* The source's connection ends instead: the file made for the copy is
 * removed again. */
static void
test_killed_source (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *back = g_build_filename (f->dir, "back.vigia", NULL);
  g_autoptr(GError) error = NULL;
  Killer killer = { "dimension", NULL };
  VigiaStoreTally tally;

  if (skip_without_server ())
    return;
  shared = make_shared_library (f, &original, &tally);
  killer.database = g_ptr_array_index (f->databases, 0);

  g_assert_false (vigia_store_copy_locations (shared, back, kill_after_cb, &killer, &tally, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED);
  g_assert_false (g_file_test (back, G_FILE_TEST_EXISTS));
}

/* Has the server of the library at @location refuse, with @reason, any
 * row of @table whose @column holds @text (a trigger); the names are the
 * tests' own constants. */
static void
refuse_rows (const char *location,
             const char *table,
             const char *column,
             const char *text,
             const char *reason)
{
  g_autoptr(VigiaStore) store = open_store (location);
  g_autoptr(GError) error = NULL;
  g_autofree char *trigger = g_strdup_printf ("CREATE TRIGGER refuse BEFORE INSERT ON vigia.%s FOR EACH ROW"
                                              " EXECUTE FUNCTION vigia.refuse_row ('%s', '%s', '%s')",
                                              table, column, text, reason);

  g_assert_true (vigia_store_exec (store,
                                   "CREATE FUNCTION vigia.refuse_row () RETURNS trigger LANGUAGE plpgsql AS $$"
                                   " BEGIN IF to_jsonb (NEW) ->> TG_ARGV[0] = TG_ARGV[1] THEN"
                                   "   RAISE EXCEPTION '%', TG_ARGV[2]; END IF;"
                                   " RETURN NEW; END $$",
                                   &error));
  g_assert_true (vigia_store_exec (store, trigger, &error));
  g_assert_no_error (error);
}

/* A row the server refuses among those sent without waiting for their
 * answers (vigia_statement_send()): the plan it belongs to is refused with
 * the server's reason and leaves nothing, the plans around it in the same
 * transaction are kept, and the connection goes on. */
static void
test_sent_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *shared = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) before = vigia_test_make_plan ("ANTES", "MIRAFLORES", 2);
  g_autoptr(VigiaPlan) refused = vigia_test_make_plan ("RECHAZADO", "BARRANCO", 2);
  g_autoptr(VigiaPlan) after = vigia_test_make_plan ("DESPUÉS", "SURCO", 2);
  g_autoptr(VigiaPlan) alone = vigia_test_make_plan ("SOLO", "LINCE", 2);
  g_autoptr(VigiaPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  VigiaDimension *last;

  if (skip_without_server ())
    return;
  shared = make_database (f);
  library = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  refuse_rows (shared, "target", "text", "META RECHAZADA", "meta rechazada por el servidor");

  /* The plan's last target: every other row of the plan is sent before. */
  last = vigia_plan_get_dimension (refused, vigia_plan_get_n_dimensions (refused) - 1);
  vigia_goal_set_target_text (vigia_dimension_get_goal (last, vigia_dimension_get_n_goals (last) - 1),
                              "META RECHAZADA");

  g_assert_false (vigia_library_add_plan (library, refused, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "meta rechazada por el servidor"));
  g_clear_error (&error);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.plan"), ==, 0);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.goal"), ==, 0);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.history"), ==, 0);

  /* One transaction for three plans, as an import of three files. */
  g_assert_true (vigia_library_begin (library, &error));
  g_assert_true (vigia_library_add_plan (library, before, &error));
  g_assert_no_error (error);
  g_assert_false (vigia_library_add_plan (library, refused, &error));
  g_assert_nonnull (strstr (error->message, "meta rechazada por el servidor"));
  g_clear_error (&error);
  g_assert_true (vigia_library_add_plan (library, after, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_library_commit (library, &error));
  g_assert_no_error (error);

  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.plan"), ==, 2);
  g_assert_cmpint (vigia_test_count_rows (shared,
                                          "SELECT count(*) FROM vigia.plan WHERE organization IN ('ANTES', 'DESPUÉS')"),
                   ==, 2);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.target"), ==, 16);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.target WHERE text = 'META RECHAZADA'"),
                   ==, 0);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.history"), ==, 2);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.plan_search"), ==, 2);

  /* The ids the objects were given are the rows'. */
  loaded = vigia_library_load_plan (library, vigia_plan_get_id (after), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_plan_get_organization (loaded), ==, "DESPUÉS");
  g_assert_cmpint (vigia_goal_get_id (vigia_dimension_get_goal (vigia_plan_get_dimension (loaded, 3), 1)), ==,
                   vigia_goal_get_id (vigia_dimension_get_goal (vigia_plan_get_dimension (after, 3), 1)));
  g_assert_cmpstr (vigia_goal_get_uuid (vigia_dimension_get_goal (vigia_plan_get_dimension (loaded, 3), 1)), ==,
                   vigia_goal_get_uuid (vigia_dimension_get_goal (vigia_plan_get_dimension (after, 3), 1)));

  g_assert_true (vigia_library_add_plan (library, alone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.plan"), ==, 3);
}

/* A plan's goals go to the server as one statement, its targets as
 * another (a statement for each number of rows, prepared as it is first
 * needed).  A refused goal leaves what followed it in the pipeline unrun,
 * the preparation of a new number of targets included: the next plan with
 * that number of targets is written all the same. */
static void
test_refused_batch (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *shared = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) first = vigia_test_make_plan ("PRIMERO", "MIRAFLORES", 2);
  g_autoptr(VigiaPlan) refused = vigia_test_make_plan ("RECHAZADO", "BARRANCO", 3);
  g_autoptr(VigiaPlan) same_shape = vigia_test_make_plan ("MISMA FORMA", "SURCO", 3);
  g_autoptr(VigiaPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  VigiaGoal *goal;

  if (skip_without_server ())
    return;
  shared = make_database (f);
  library = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  refuse_rows (shared, "goal", "objective", "OBJETIVO RECHAZADO", "objetivo rechazado por el servidor");
  vigia_goal_set_objective (vigia_dimension_get_goal (vigia_plan_get_dimension (refused, 1), 2),
                            "OBJETIVO RECHAZADO");

  g_assert_true (vigia_library_begin (library, &error));
  g_assert_true (vigia_library_add_plan (library, first, &error));
  g_assert_no_error (error);
  g_assert_false (vigia_library_add_plan (library, refused, &error));
  g_assert_nonnull (strstr (error->message, "objetivo rechazado por el servidor"));
  g_clear_error (&error);
  g_assert_true (vigia_library_add_plan (library, same_shape, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_library_commit (library, &error));
  g_assert_no_error (error);

  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.plan"), ==, 2);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.goal"), ==, 8 + 12);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.target"), ==, 8 + 12);

  /* Every goal and target in its place, with its own texts. */
  loaded = vigia_library_load_plan (library, vigia_plan_get_id (same_shape), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < vigia_plan_get_n_dimensions (same_shape); i++)
    for (guint j = 0; j < 3; j++)
      {
        VigiaGoal *saved = vigia_dimension_get_goal (vigia_plan_get_dimension (same_shape, i), j);

        goal = vigia_dimension_get_goal (vigia_plan_get_dimension (loaded, i), j);
        g_assert_cmpstr (vigia_goal_get_objective (goal), ==, vigia_goal_get_objective (saved));
        g_assert_cmpstr (vigia_goal_get_uuid (goal), ==, vigia_goal_get_uuid (saved));
        g_assert_cmpint (vigia_goal_get_n_targets (goal), ==, 1);
        g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (goal, 0)), ==,
                         vigia_target_get_text (vigia_goal_get_target (saved, 0)));
      }
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *shared = NULL;
  g_autoptr(VigiaStore) store = NULL;
  g_autoptr(VigiaStore) again = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;
  shared = make_database (f);
  store = open_store (shared);
  g_assert_true (vigia_store_exec (store, "UPDATE library_info SET schema_version = 99", &error));
  g_assert_true (vigia_store_exec (store, "CREATE TABLE vigia.later (x integer)", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  again = vigia_store_open (shared, FALSE, &error);
  g_assert_null (again);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "version 99"));
  g_assert_nonnull (strstr (error->message, "not changed"));

  /* Left as it was. */
  {
    PGconn *conn = PQconnectdb (shared);
    PGresult *result = PQexec (conn, "SELECT schema_version FROM vigia.library_info");

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
    g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "99");
    PQclear (result);
    PQfinish (conn);
  }
}

static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *shared = NULL;
  g_autoptr(VigiaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;
  shared = make_database (f);
  {
    PGconn *conn = PQconnectdb (shared);

    PQclear (PQexec (conn, "CREATE SCHEMA vigia; CREATE TABLE vigia.cuentas (id integer)"));
    PQfinish (conn);
  }

  store = vigia_store_open (shared, FALSE, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY);
  g_assert_nonnull (strstr (error->message, "another program"));
}

/* A library made on the server by the Vigía of schema 4, before versions:
 * opened now, it gains them, and what it held reads as before. */
static void
test_upgrade_from_4 (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *shared = NULL;
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_autoptr(VigiaPlan) loaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;
  shared = make_database (f);
  library = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (vigia_library_add_plan (library, plan, &error));
  g_assert_no_error (error);
  before = export_library (library);
  g_clear_object (&library);
  {
    PGconn *conn = PQconnectdb (shared);
    PGresult *result = PQexec (conn,
                               "ALTER TABLE vigia.plan DROP COLUMN version;"
                               "ALTER TABLE vigia.goal DROP COLUMN version;"
                               "ALTER TABLE vigia.progress DROP COLUMN version;"
                               "DROP INDEX vigia.plan_by_place;"
                               "DROP INDEX vigia.plan_by_organization;"
                               "DROP INDEX vigia.plan_by_changed;"
                               "CREATE INDEX plan_by_place ON vigia.plan"
                               "  (department, province, district, organization, election, term_start);"
                               "CREATE INDEX plan_by_organization ON vigia.plan"
                               "  (organization, department, province, district, election, term_start);"
                               "CREATE INDEX plan_by_changed ON vigia.plan (changed, election, department, term_start);"
                               "UPDATE vigia.plan_search SET document = to_tsvector ('simple', 'viejo');"
                               "UPDATE vigia.library_info SET schema_version = 4");

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
    PQclear (result);
    PQfinish (conn);
  }

  library = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  after = export_library (library);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT schema_version FROM vigia.library_info"), ==,
                   VIGIA_SCHEMA_VERSION);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.goal WHERE version = 0"), ==,
                   vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.goal"));
  /* Version 6: the search rows made again, with Vigía's words. */
  g_assert_cmpint (vigia_test_count_rows (shared,
                                          "SELECT count(*) FROM vigia.plan_search"
                                          " WHERE document @@ CAST ('viejo' AS tsquery)"), ==, 0);
  g_assert_cmpint (vigia_test_count_rows (shared,
                                          "SELECT count(*) FROM vigia.plan_search"
                                          " WHERE document @@ CAST ('independencia' AS tsquery)"), ==, 1);
  /* Version 6: the list's indexes in the list's orders, to the id. */
  g_assert_cmpint (vigia_test_count_rows (shared,
                                          "SELECT count(*) FROM pg_indexes WHERE schemaname = 'vigia'"
                                          " AND indexname IN ('plan_by_place', 'plan_by_organization', 'plan_by_changed')"
                                          " AND indexdef LIKE '%department NULLS FIRST%' AND indexdef LIKE '%, id)'"),
                   ==, 3);

  /* Its items save as any other's, taking versions of their own. */
  loaded = vigia_library_load_plan (library, vigia_plan_get_id (plan), &error);
  g_assert_no_error (error);
  vigia_plan_set_vision (loaded, "Un distrito con agua.");
  g_assert_true (vigia_library_save_plan (library, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigia_test_count_rows (shared, "SELECT count(*) FROM vigia.plan WHERE version <> 0"), ==, 1);
}

static void
assert_same_ids (GArray *found,
                 GArray *expected)
{
  g_assert_nonnull (found);
  g_assert_cmpmem (found->data, found->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
}

/* The server's whole-library assessment gives the file's figures, for
 * either source. */
static void
assert_same_assessment (VigiaLibrary *file,
                        VigiaLibrary *server_library)
{
  for (VigiaSource source = VIGIA_SOURCE_AUTHORITY; source <= VIGIA_SOURCE_OBSERVER; source++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) expected = vigia_library_assess_plans (file, "2024-S2", source, NULL);
      g_autoptr(GArray) found = vigia_library_assess_plans (server_library, "2024-S2", source, &error);
      guint n_assessed = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, expected->len);
      for (guint i = 0; i < found->len; i++)
        {
          VigiaPlanScore *a = &g_array_index (found, VigiaPlanScore, i);
          VigiaPlanScore *b = &g_array_index (expected, VigiaPlanScore, i);

          g_assert_cmpint (a->plan_id, ==, b->plan_id);
          g_assert_cmpstr (a->period, ==, b->period);
          if (isnan (vigia_rollup_get_achievement (&b->rollup)))
            g_assert_true (isnan (vigia_rollup_get_achievement (&a->rollup)));
          else
            g_assert_cmpfloat_with_epsilon (vigia_rollup_get_achievement (&a->rollup),
                                            vigia_rollup_get_achievement (&b->rollup), 1e-12);
          g_assert_cmpuint (a->rollup.n_with_data, ==, b->rollup.n_with_data);
          g_assert_cmpmem (a->rollup.status_counts, sizeof a->rollup.status_counts,
                           b->rollup.status_counts, sizeof b->rollup.status_counts);
          n_assessed += b->rollup.n_with_data;
        }
      if (source == VIGIA_SOURCE_AUTHORITY)
        g_assert_cmpuint (n_assessed, >, 0);
    }
}

/* A library held by the server opens as a file does (here only to read):
 * its plans, list, search, history, assessment and candidate lists read
 * the same as the file it was copied from. */
static void
test_library_on_server (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(VigiaLibrary) file = NULL;
  g_autoptr(VigiaLibrary) server_library = NULL;
  g_autofree char *document_file = NULL;
  g_autofree char *document_server = NULL;
  g_autoptr(GError) error = NULL;
  VigiaStoreTally tally;
  static const char * const searches[] = { NULL, "agua", "POBLACION", "poblaci", "ñ", "no-existe", NULL };

  if (skip_without_server ())
    return;
  shared = make_shared_library (f, &original, &tally);

  file = vigia_library_open (original, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  server_library = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (vigia_library_is_shared (server_library));
  g_assert_false (vigia_library_is_shared (file));
  g_assert_true (vigia_library_is_read_only (server_library));
  g_assert_cmpstr (vigia_library_get_path (server_library), ==, shared);
  g_assert_true (g_str_has_prefix (vigia_library_get_name (server_library), "postgres@"));

  /* Every plan, goal, target, entry and deletion. */
  document_file = export_library (file);
  document_server = export_library (server_library);
  g_assert_cmpstr (document_server, ==, document_file);
  g_assert_cmpuint (vigia_library_count_plans (server_library, NULL), ==, 2);

  /* The list, in every order, searched and filtered. */
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    for (int sort = VIGIA_PLAN_SORT_PLACE; sort <= VIGIA_PLAN_SORT_RELEVANCE; sort++)
      {
        VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
        g_autoptr(GArray) expected = NULL;
        g_autoptr(GArray) found = NULL;

        query.text = searches[i];
        query.sort = sort;
        expected = vigia_library_query_plan_ids (file, &query, &error);
        g_assert_no_error (error);
        found = vigia_library_query_plan_ids (server_library, &query, &error);
        g_assert_no_error (error);
        assert_same_ids (found, expected);
      }
  {
    VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
    g_autoptr(GArray) found = NULL;
    g_autoptr(GArray) expected = NULL;

    query.text = "miraflores";
    query.department = "LIMA";
    query.election = VIGIA_ELECTION_MUNICIPAL_DISTRICT;
    query.term_start = 2023;
    expected = vigia_library_query_plan_ids (file, &query, NULL);
    found = vigia_library_query_plan_ids (server_library, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (expected->len, ==, 1);
    assert_same_ids (found, expected);
  }
  {
    g_auto(GStrv) departments = vigia_library_list_departments (server_library, &error);
    g_auto(GStrv) expected = vigia_library_list_departments (file, NULL);

    g_assert_no_error (error);
    g_assert_true (g_strv_equal ((const char * const *) departments, (const char * const *) expected));
  }

  /* The assessment and the summaries. */
  assert_same_assessment (file, server_library);
  {
    g_autoptr(GPtrArray) summaries = vigia_library_list_summaries (server_library, "2024-S2",
                                                                   VIGIA_SOURCE_AUTHORITY, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (summaries->len, ==, 2);
    g_assert_cmpuint (vigia_plan_summary_get_n_goals (g_ptr_array_index (summaries, 1)), ==, 7);
  }

  /* The history and the candidate lists. */
  {
    g_autoptr(GPtrArray) expected = vigia_library_list_history (file, NULL, NULL, NULL);
    g_autoptr(GPtrArray) found = vigia_library_list_history (server_library, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, expected->len);
    g_assert_cmpuint (found->len, >, 0);
  }
  {
    gint64 without_plan = -1;

    g_assert_cmpint (vigia_library_count_jne_lists (server_library, &without_plan, &error), ==, 2);
    g_assert_no_error (error);
    g_assert_cmpint (without_plan, ==, 2);
  }

  /* Writing is refused, saying why. */
  {
    g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("NUEVO", "LINCE", 1);

    g_assert_false (vigia_library_add_plan (server_library, plan, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, "postgres@"));
  }
}

/* What two libraries given the same work may still differ in: the times of
 * the work, the uuids of the items it made, and the ids (SQLite gives a
 * deleted row's id again, PostgreSQL never does). */
static char *
content_of (VigiaLibrary *library)
{
  g_autofree char *document = export_library (library);
  g_autoptr(GRegex) ids = g_regex_new ("\"(id|plan_id)\": [0-9]+", 0, 0, NULL);
  g_autoptr(GRegex) uuids = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 0, 0, NULL);
  g_autoptr(GRegex) times = g_regex_new ("\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[^\"]*\"", 0, 0, NULL);
  g_autofree char *no_ids = g_regex_replace (ids, document, -1, 0, "\"\\1\": _", 0, NULL);
  g_autofree char *no_uuids = g_regex_replace_literal (uuids, no_ids, -1, 0, "UUID", 0, NULL);

  return g_regex_replace_literal (times, no_uuids, -1, 0, "\"TIME\"", 0, NULL);
}

/* The work: plans added, a plan, goals and entries edited, moved and
 * deleted, and a document from another desk merged. */
static void
do_work (VigiaLibrary *library,
         const char   *document)
{
  g_autoptr(VigiaPlan) sample = vigia_test_load_sample_plan ();
  g_autoptr(VigiaPlan) other = vigia_test_make_plan ("FUERZA “DEL” AGUA", "MIRAFLORES", 3);
  g_autoptr(VigiaGoal) added = vigia_goal_new ();
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2025-S1", VIGIA_SOURCE_OBSERVER);
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GError) error = NULL;
  VigiaDimension *dimension;
  VigiaGoal *goal;

  vigia_test_add_sample_progress (sample);
  g_assert_true (vigia_library_add_plan (library, sample, &error));
  g_assert_true (vigia_library_add_plan (library, other, &error));
  g_assert_no_error (error);

  vigia_plan_set_organization (other, "FUERZA DEL AGUA Y LA TIERRA");
  g_assert_true (vigia_library_save_plan (library, other, &error));
  g_assert_no_error (error);

  dimension = vigia_plan_get_dimension (other, 1);
  vigia_goal_set_problem (added, "UNA PROPUESTA NUEVA");
  g_assert_true (vigia_library_add_goal (library, other, dimension, 0, added, &error));
  g_assert_no_error (error);
  goal = vigia_dimension_get_goal (dimension, 2);
  vigia_goal_set_objective (goal, "OTRO OBJETIVO");
  g_assert_true (vigia_library_save_goal (library, other, goal, &error));
  g_assert_true (vigia_library_move_goal (library, other, dimension, goal, 0, &error));
  g_assert_true (vigia_library_delete_goal (library, other, dimension, vigia_dimension_get_goal (dimension, 3),
                                            &error));
  g_assert_no_error (error);

  goal = vigia_dimension_get_goal (dimension, 0);
  vigia_progress_set_value (entry, 12.5);
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  g_assert_true (vigia_library_save_progress (library, other, goal, vigia_goal_get_target (goal, 0), entry,
                                              &error));
  g_assert_no_error (error);

  merged = vigia_import_data (library, (const guint8 *) document, strlen (document), "desk.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merged);
}

/* The same work on a file and on the server leaves the same library: the
 * library writes to PostgreSQL as it writes to SQLite. */
static void
test_work_on_server (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *shared = NULL;
  g_autofree char *document = NULL;
  g_autoptr(VigiaLibrary) file = NULL;
  g_autoptr(VigiaLibrary) server_library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_file = NULL;
  g_autofree char *content_server = NULL;

  if (skip_without_server ())
    return;

  /* Another desk's document: the sample plan with an entry of its own. */
  {
    g_autoptr(VigiaLibrary) desk = vigia_test_open_library (f->dir, "desk.vigia");
    g_autoptr(VigiaPlan) plan = vigia_test_load_sample_plan ();
    g_autoptr(VigiaProgress) entry = vigia_progress_new ("2025-S2", VIGIA_SOURCE_OBSERVER);
    VigiaGoal *goal;

    vigia_test_add_sample_progress (plan);
    g_assert_true (vigia_library_add_plan (desk, plan, &error));
    goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);
    vigia_progress_set_value (entry, 3);
    g_assert_true (vigia_library_save_progress (desk, plan, goal, vigia_goal_get_target (goal, 0), entry, &error));
    g_assert_no_error (error);
    document = export_library (desk);
  }

  file = vigia_test_open_library (f->dir, "work.vigia");
  shared = make_database (f);
  server_library = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (vigia_library_is_read_only (server_library));

  do_work (file, document);
  do_work (server_library, document);

  content_file = content_of (file);
  content_server = content_of (server_library);
  g_assert_cmpstr (content_server, ==, content_file);
  g_assert_nonnull (strstr (content_server, "FUERZA DEL AGUA Y LA TIERRA"));
  g_assert_nonnull (strstr (content_server, "UNA PROPUESTA NUEVA"));

  /* The same history, change by change. */
  {
    g_autoptr(GPtrArray) expected = vigia_library_list_history (file, NULL, NULL, NULL);
    g_autoptr(GPtrArray) found = vigia_library_list_history (server_library, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, expected->len);
    for (guint i = 0; i < found->len; i++)
      {
        VigiaHistoryEntry *a = g_ptr_array_index (found, i);
        VigiaHistoryEntry *b = g_ptr_array_index (expected, i);

        g_assert_cmpstr (a->entity, ==, b->entity);
        g_assert_cmpstr (a->action, ==, b->action);
        g_assert_cmpstr (a->field, ==, b->field);
        g_assert_cmpstr (a->new_value, ==, b->new_value);
      }
  }

  /* The search index follows the edits. */
  {
    VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
    g_autoptr(GArray) ids = NULL;

    query.text = "tierra";
    ids = vigia_library_query_plan_ids (server_library, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
  }
}

static void
plans_changed_cb (VigiaLibrary *library,
                  GArray       *ids,
                  gpointer      user_data)
{
  GArray *seen = user_data;

  g_array_append_vals (seen, ids->data, ids->len);
}

/* A desk that watches the server for other desks' changes, the plans
 * announced to it kept in @seen. */
static VigiaLibrary *
open_watching (const char *shared,
               GArray     *seen)
{
  g_autoptr(GError) error = NULL;
  VigiaLibrary *library = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (vigia_library_watch_other_desks (library, &error));
  g_assert_no_error (error);
  g_signal_connect (library, "plans-changed", G_CALLBACK (plans_changed_cb), seen);
  return library;
}

/* Runs the main context for @usec, or until a plan is announced if
 * @seen is given. */
static void
run_main_context (gint64  usec,
                  GArray *seen)
{
  gint64 start = g_get_monotonic_time ();

  while ((seen == NULL || seen->len == 0) && g_get_monotonic_time () - start < usec)
    g_main_context_iteration (NULL, FALSE);
}

/* What one desk saves on the server, another watching it hears of within a
 * second: its list and open plan follow (the window reloads on
 * plans-changed); its own saves it hears of once, not twice. */
static void
test_other_desks (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(VigiaLibrary) here = NULL;
  g_autoptr(VigiaLibrary) there = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  VigiaStoreTally tally;

  if (skip_without_server ())
    return;
  shared = make_shared_library (f, &original, &tally);
  here = open_watching (shared, seen);
  there = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  plan = vigia_library_load_plan (there, 2, &error);
  g_assert_no_error (error);
  vigia_plan_set_vision (plan, "Cambiado en otro escritorio");
  g_assert_true (vigia_library_save_plan (there, plan, &error));
  g_assert_no_error (error);

  run_main_context (G_USEC_PER_SEC, seen);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, 2);
  {
    g_autoptr(VigiaPlan) reloaded = vigia_library_load_plan (here, 2, &error);

    g_assert_cmpstr (vigia_plan_get_vision (reloaded), ==, "Cambiado en otro escritorio");
  }

  /* Its own save: announced by the commit, not again by the server. */
  g_array_set_size (seen, 0);
  g_clear_object (&plan);
  plan = vigia_library_load_plan (here, 1, &error);
  vigia_plan_set_vision (plan, "Cambiado aquí");
  g_assert_true (vigia_library_save_plan (here, plan, &error));
  g_assert_no_error (error);
  run_main_context (G_USEC_PER_SEC / 2, NULL);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, 1);
}

static void
connected_cb (VigiaLibrary *library,
              GParamSpec   *pspec,
              gpointer      user_data)
{
  GString *changes = user_data;

  g_string_append_c (changes, vigia_library_is_connected (library) ? '+' : '-');
}

/* Iterates the main context until @changes reads @expected or a few
 * seconds have passed. */
static void
wait_for_connection (GString    *changes,
                     const char *expected)
{
  gint64 start = g_get_monotonic_time ();

  while (!g_str_equal (changes->str, expected) && g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (changes->str, ==, expected);
}

/* A desk whose connection the server ends (a restart, a network gone for a
 * while) finds it lost and connects again by itself, without blocking;
 * what others saved meanwhile it reads then, since every plan is announced
 * as changed; the statements it prepared before are prepared again on the
 * new session. */
/* How many sessions the server has on @database. */
static int
count_sessions (const char *database)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pg_stat_activity WHERE datname = '%s'", database);
  PGconn *conn = PQconnectdb (vigia_test_postgresql_server ());
  PGresult *result = PQexec (conn, sql);
  int n;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  n = (int) g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return n;
}

/* The whole-library assessment reads each target's latest entry on a
 * second connection while the first reads the targets, and gives the
 * file's figures; that connection lost, the first reads them at once, and
 * one the server refuses is not asked for again. */
static void
test_assessment_alongside (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *database = NULL;
  g_autofree char *end_newest = NULL;
  g_autoptr(VigiaLibrary) file = NULL;
  g_autoptr(VigiaLibrary) server_library = NULL;
  g_autoptr(GError) error = NULL;
  VigiaStoreTally tally;

  if (skip_without_server ())
    return;
  shared = make_shared_library (f, &original, &tally);
  database = g_strdup (g_ptr_array_index (f->databases, f->databases->len - 1));
  file = vigia_library_open (original, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  server_library = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_sessions (database), ==, 1);

  assert_same_assessment (file, server_library);
  g_assert_cmpint (count_sessions (database), ==, 2);

  /* The second session ended, and the database closed to new ones. */
  vigia_test_allow_connections (database, FALSE);
  end_newest = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE datname = '%s'"
                                " ORDER BY backend_start DESC LIMIT 1", database);
  admin_exec (end_newest);
  assert_same_assessment (file, server_library);
  g_assert_cmpint (count_sessions (database), ==, 1);
  vigia_test_allow_connections (database, TRUE);
  assert_same_assessment (file, server_library);
  g_assert_cmpint (count_sessions (database), ==, 1);
}

static void
test_reconnect (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(VigiaLibrary) here = NULL;
  g_autoptr(VigiaLibrary) there = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  VigiaStoreTally tally;

  if (skip_without_server ())
    return;
  shared = make_shared_library (f, &original, &tally);
  database = g_strdup (g_ptr_array_index (f->databases, f->databases->len - 1));
  here = open_watching (shared, seen);
  g_assert_true (vigia_library_is_connected (here));
  g_signal_connect (here, "notify::connected", G_CALLBACK (connected_cb), changes);
  plan = vigia_library_load_plan (here, 2, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);

  /* The server ends the session; another desk saves meanwhile. */
  kill_connections (database);
  there = vigia_library_open (shared, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = vigia_library_load_plan (there, 2, &error);
  vigia_plan_set_vision (plan, "Guardado mientras tanto");
  g_assert_true (vigia_library_save_plan (there, plan, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);

  wait_for_connection (changes, "-+");
  g_assert_true (vigia_library_is_connected (here));
  g_assert_cmpstr (vigia_store_table_name (0), ==, "plan");
  g_assert_cmpuint (seen->len, ==, tally.rows[0]);
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpint (g_array_index (seen, gint64, i), >, 0);

  /* The same statements, on the new session; and it listens again. */
  plan = vigia_library_load_plan (here, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_plan_get_vision (plan), ==, "Guardado mientras tanto");
  vigia_plan_set_vision (plan, "Guardado aquí después");
  g_assert_true (vigia_library_save_plan (here, plan, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_array_set_size (seen, 0);
  plan = vigia_library_load_plan (there, 1, &error);
  vigia_plan_set_vision (plan, "Y allí");
  g_assert_true (vigia_library_save_plan (there, plan, &error));
  g_assert_no_error (error);
  run_main_context (G_USEC_PER_SEC, seen);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, 1);

  /* A server that stays away: the desk goes on trying, saying so, and a
   * change asked for meanwhile is refused, naming the lost connection,
   * with nothing written. */
  g_string_truncate (changes, 0);
  vigia_test_allow_connections (database, FALSE);
  kill_connections (database);
  wait_for_connection (changes, "-");
  g_clear_object (&plan);
  plan = vigia_library_load_plan (here, 1, &error);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "was lost"));
  g_assert_null (plan);
  g_clear_error (&error);
  plan = vigia_library_load_plan (there, 1, &error);
  g_assert_null (plan);
  g_clear_error (&error);
  {
    g_autoptr(VigiaPlan) copy = vigia_test_make_plan ("MIENTRAS TANTO", "LINCE", 1);

    g_assert_false (vigia_library_add_plan (here, copy, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED);
    g_clear_error (&error);
  }
  vigia_test_allow_connections (database, TRUE);
  wait_for_connection (changes, "-+");
  plan = vigia_library_load_plan (here, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigia_plan_get_vision (plan), ==, "Y allí");
  g_assert_cmpuint (vigia_library_count_plans (here, NULL), ==, tally.rows[0]);
  /* Connected once, and it stays so. */
  run_main_context (G_USEC_PER_SEC / 2, NULL);
  g_assert_cmpstr (changes->str, ==, "-+");

  /* Upgraded meanwhile by a newer Vigía: given up, saying why; it is not
   * used under a schema this build does not know. */
  g_string_truncate (changes, 0);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE vigia.library_info SET schema_version = %d",
                                            VIGIA_SCHEMA_VERSION + 1);
    PGconn *conn = PQconnectdb (shared);
    PGresult *result = PQexec (conn, sql);

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
    PQclear (result);
    PQfinish (conn);
  }
  kill_connections (database);
  {
    gint64 start = g_get_monotonic_time ();

    while (vigia_library_get_connection_error (here) == NULL &&
           g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_error (vigia_library_get_connection_error (here), VIGIA_ERROR, VIGIA_ERROR_NOT_A_LIBRARY);
  g_assert_false (vigia_library_is_connected (here));
  g_assert_cmpstr (changes->str, ==, "--");
  g_clear_object (&plan);
  plan = vigia_library_load_plan (here, 1, &error);
  g_assert_null (plan);
  g_clear_error (&error);
}

/* The command line reads a library on the server as it reads a file. */
static void
test_cli_on_server (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  VigiaStoreTally tally;
  static const char * const commands[][4] = {
    { "list", NULL },
    { "search", "poblacion", NULL },
    { "show", "1", NULL },
    { "assess", "--period", "2024-S2", NULL },
  };

  if (skip_without_server ())
    return;
  shared = make_shared_library (f, &original, &tally);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(VigiaTestRun) on_file = { 0 };
      g_auto(VigiaTestRun) on_server = { 0 };

      vigia_test_run_cli (&on_file, "es", "--library", original, commands[i][0], commands[i][1],
                          commands[i][2], commands[i][3], NULL);
      vigia_test_run_cli (&on_server, "es", "--library", shared, commands[i][0], commands[i][1],
                          commands[i][2], commands[i][3], NULL);
      g_assert_cmpint (on_file.status, ==, 0);
      g_assert_cmpint (on_server.status, ==, 0);
      g_assert_cmpstr (on_server.out, ==, on_file.out);
      g_assert_cmpuint (strlen (on_server.out), >, 0);
    }
}

/* A member's name for this test, and the connection string to log in as
 * that member. */
static char *
make_member (Fixture    *f,
             const char *shared,
             const char *name,
             char      **member_location)
{
  char *member = g_strdup_printf ("%s_%d", name, (int) getpid ());

  g_ptr_array_add (f->roles, g_strdup (member));
  *member_location = g_strdup_printf ("%s user=%s", shared, member);
  return member;
}

/* The server, not Vigía, keeps a member who may only read from writing. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *reader_location = NULL;
  g_autofree char *editor_location = NULL;
  g_autofree char *reader = NULL;
  g_autofree char *editor = NULL;
  g_autofree char *back = g_build_filename (f->dir, "back.vigia", NULL);
  g_autoptr(VigiaStore) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) readers = NULL;
  g_auto(GStrv) editors = NULL;
  VigiaStoreTally tally;
  VigiaStoreTally copied;

  if (skip_without_server ())
    return;
  original = make_full_library (f);
  shared = make_database (f);
  reader = make_member (f, shared, "ana", &reader_location);
  editor = make_member (f, shared, "luis", &editor_location);

  owner = open_store (shared);
  g_assert_true (vigia_store_postgresql_grant (VIGIA_STORE_POSTGRESQL (owner), reader, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_store_postgresql_grant (VIGIA_STORE_POSTGRESQL (owner), editor, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_store_postgresql_list_members (VIGIA_STORE_POSTGRESQL (owner), &readers, &editors, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (readers), ==, 1);
  g_assert_cmpstr (readers[0], ==, reader);
  g_assert_cmpuint (g_strv_length (editors), ==, 1);
  g_assert_cmpstr (editors[0], ==, editor);

  /* The reader cannot fill the empty library; nothing is written. */
  g_assert_false (vigia_store_copy_locations (original, reader_location, NULL, NULL, &tally, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, reader));
  g_clear_error (&error);
  assert_empty (shared);

  /* The editor can; the reader then reads it all. */
  g_assert_true (vigia_store_copy_locations (original, editor_location, NULL, NULL, &tally, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_store_copy_locations (reader_location, back, NULL, NULL, &copied, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (copied.digest, ==, tally.digest);

  /* The library opens read-only for the reader, to be changed for the editor. */
  {
    g_autoptr(VigiaLibrary) as_reader = vigia_library_open (reader_location, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
    g_autoptr(VigiaLibrary) as_editor = vigia_library_open (editor_location, VIGIA_LIBRARY_OPEN_DEFAULT, &error);
    g_auto(VigiaTestRun) progress = { 0 };

    g_assert_no_error (error);
    g_assert_true (vigia_library_is_read_only (as_reader));
    g_assert_false (vigia_library_is_read_only (as_editor));
    vigia_test_run_cli (&progress, "es", "--library", reader_location, "progress", "set", "1:social:1", "2024-S1",
                        "40", NULL);
    g_assert_cmpint (progress.status, ==, 1);
    g_assert_nonnull (strstr (progress.err, "Su rol solo puede leer la biblioteca compartida"));
  }

  /* Nor can the reader change a row by hand. */
  {
    g_autoptr(VigiaStore) store = open_store (reader_location);

    g_assert_false (vigia_store_exec (store, "DELETE FROM progress", &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* Revoked, the reader cannot even open it. */
  g_assert_true (vigia_store_postgresql_revoke (VIGIA_STORE_POSTGRESQL (owner), reader, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VigiaStore) store = vigia_store_open (reader_location, FALSE, &error);

    g_assert_null (store);
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, "may not read"));
  }
}

/* A server that is not there: the message names where, never the password. */
static void
test_no_server (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *location = g_strdup_printf ("host=%s/nada user=ana password=secreta dbname=planes", f->dir);
  g_autoptr(VigiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  VigiaStoreTally tally;

  store = vigia_store_open (location, FALSE, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ana@"));
  g_assert_nonnull (strstr (error->message, "/planes"));
  g_assert_null (strstr (error->message, "secreta"));

  /* Nor is a file made for a copy from it. */
  g_clear_error (&error);
  {
    g_autofree char *back = g_build_filename (f->dir, "back.vigia", NULL);

    g_assert_false (vigia_store_copy_locations (location, back, NULL, NULL, &tally, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (back, G_FILE_TEST_EXISTS));
  }
}

static void
test_onto_itself (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *original = make_full_library (f);
  g_autoptr(GError) error = NULL;
  VigiaStoreTally tally;

  g_assert_false (vigia_store_copy_locations (original, original, NULL, NULL, &tally, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_assert_cmpint (vigia_test_count_rows (original, "SELECT count(*) FROM plan"), ==, 2);
}

/* The same copy from the command line, with what it prints. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *back = g_build_filename (f->dir, "back.vigia", NULL);
  g_auto(VigiaTestRun) there = { 0 };
  g_auto(VigiaTestRun) home = { 0 };
  g_auto(VigiaTestRun) usage = { 0 };
  g_autofree char *digest_there = NULL;

  vigia_test_run_cli (&usage, "es", "copy", "--from", "x.vigia", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "--to"));

  if (skip_without_server ())
    return;
  original = make_full_library (f);
  shared = make_database (f);

  vigia_test_run_cli (&there, "es", "copy", "--from", original, "--to", shared, NULL);
  g_assert_cmpint (there.status, ==, 0);
  g_assert_nonnull (strstr (there.out, "plan\t2\n"));
  g_assert_nonnull (strstr (there.out, "jne_candidate\t2\n"));
  g_assert_nonnull (strstr (there.err, "Copiada la tabla plan: 2 filas"));
  digest_there = g_strdup (strstr (there.out, "digest"));
  g_assert_nonnull (digest_there);

  vigia_test_run_cli (&home, "es", "copy", "-q", "--from", shared, "--to", back, NULL);
  g_assert_cmpint (home.status, ==, 0);
  g_assert_cmpstr (home.err, ==, "");
  g_assert_cmpstr (strstr (home.out, "digest"), ==, digest_there);
}

static void
test_cli_admin (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *shared = NULL;
  g_autofree char *member_location = NULL;
  g_autofree char *member = NULL;
  g_autofree char *listed = NULL;
  g_auto(VigiaTestRun) no_level = { 0 };
  g_auto(VigiaTestRun) a_file = { 0 };
  g_auto(VigiaTestRun) grant = { 0 };
  g_auto(VigiaTestRun) members = { 0 };
  g_auto(VigiaTestRun) revoke = { 0 };
  g_auto(VigiaTestRun) after = { 0 };

  vigia_test_run_cli (&no_level, "es", "--library", "postgresql://x/y", "admin", "grant", "ana", NULL);
  g_assert_cmpint (no_level.status, ==, 2);
  g_assert_nonnull (strstr (no_level.err, "--read"));

  vigia_test_run_cli (&a_file, "es", "--library", "planes.vigia", "admin", "members", NULL);
  g_assert_cmpint (a_file.status, ==, 2);
  g_assert_nonnull (strstr (a_file.err, "PostgreSQL"));

  if (skip_without_server ())
    return;
  shared = make_database (f);
  member = make_member (f, shared, "rosa", &member_location);

  vigia_test_run_cli (&grant, "es", "--library", shared, "admin", "grant", member, "--edit", NULL);
  g_assert_cmpint (grant.status, ==, 0);
  g_assert_cmpstr (grant.err, ==, "");
  g_assert_nonnull (strstr (grant.out, "puede leer y modificar la biblioteca"));

  vigia_test_run_cli (&members, "es", "--library", shared, "admin", "members", NULL);
  g_assert_cmpint (members.status, ==, 0);
  listed = g_strdup_printf ("%s\tedit\n", member);
  g_assert_cmpstr (members.out, ==, listed);

  vigia_test_run_cli (&revoke, "es", "--library", shared, "admin", "revoke", member, NULL);
  g_assert_cmpint (revoke.status, ==, 0);
  vigia_test_run_cli (&after, "es", "copy", "--from", member_location, "--to", "nada.vigia", NULL);
  g_assert_cmpint (after.status, ==, 1);
  g_assert_nonnull (strstr (after.err, "no puede leer"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/store/location", test_location);
  g_test_add_func ("/store/make-location", test_make_location);
  g_test_add_func ("/store/search-words", test_search_words);
  ADD ("/store/sqlite/columns", test_sqlite_columns);
  ADD ("/store/sqlite/onto-itself", test_onto_itself);
  ADD ("/store/postgresql/columns", test_postgresql_columns);
  ADD ("/store/postgresql/round-trip", test_round_trip);
  ADD ("/store/postgresql/search", test_postgresql_search);
  ADD ("/store/postgresql/refused-batch", test_refused_batch);
  ADD ("/store/postgresql/not-empty", test_not_empty);
  ADD ("/store/postgresql/killed-target", test_killed_target);
  ADD ("/store/postgresql/killed-source", test_killed_source);
  ADD ("/store/postgresql/sent-refused", test_sent_refused);
  ADD ("/store/postgresql/newer-schema", test_newer_schema);
  ADD ("/store/postgresql/other-program", test_other_program);
  ADD ("/store/postgresql/upgrade-from-4", test_upgrade_from_4);
  ADD ("/store/postgresql/no-server", test_no_server);
  ADD ("/store/postgresql/roles", test_roles);
  ADD ("/store/postgresql/library", test_library_on_server);
  ADD ("/store/postgresql/cli", test_cli_on_server);
  ADD ("/store/postgresql/work", test_work_on_server);
  ADD ("/store/postgresql/other-desks", test_other_desks);
  ADD ("/store/postgresql/reconnect", test_reconnect);
  ADD ("/store/postgresql/assessment-alongside", test_assessment_alongside);
  ADD ("/store/cli/admin", test_cli_admin);
  ADD ("/store/cli", test_cli);

#undef ADD

  return g_test_run ();
}
