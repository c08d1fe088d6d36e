/* test-progress-csv.c: CSV writer and reader, and progress import from a
 * spreadsheet, good files and bad
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import's cases run twice: on an SQLite file, and as
 * test-progress-csv-postgresql with $VIGIA_TEST_STORE=postgresql on a new
 * database of the server $VIGIA_TEST_POSTGRESQL names.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vigia-test-utils.h"

#define BOM "\xEF\xBB\xBF"
#define HEADER "goal_uuid,target_uuid,plan,dimension,number,indicator,target,period,source,value,status,note,evidence,recorded\r\n"

typedef struct
{
  char         *dir;
  char         *path;
  VigiaLibrary *library;
  VigiaPlan    *plan;
  /* The uuids of the first goal of each dimension. */
  char         *social;
  char         *economic;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = vigia_test_make_dir ();
  f->library = vigia_test_open_library (f->dir, "progress.sqlite");
  f->path = g_strdup (vigia_library_get_path (f->library));
  f->plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 2);
  g_assert_true (vigia_library_add_plan (f->library, f->plan, &error));
  g_assert_no_error (error);
  f->social = g_strdup (vigia_goal_get_uuid (vigia_dimension_get_goal (vigia_plan_get_dimension (f->plan, 0), 0)));
  f->economic = g_strdup (vigia_goal_get_uuid (vigia_dimension_get_goal (vigia_plan_get_dimension (f->plan, 1), 0)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_assert_finalized (&f->plan);
  vigia_test_assert_finalized (&f->library);
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->social);
  g_free (f->economic);
  vigia_test_set_language ("en");
}

/* Closing the library folds its write-ahead log into the file, so that the
 * file alone says what the library holds (on PostgreSQL, the digest of its
 * rows). */
static char *
checksum_closed (Fixture *f)
{
  vigia_test_assert_finalized (&f->library);
  return vigia_test_checksum_library (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  g_assert_no_error (error);
}

static VigiaPlan *
load_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VigiaPlan *plan = vigia_library_load_plan (f->library, vigia_plan_get_id (f->plan), &error);

  g_assert_no_error (error);
  return plan;
}

static char *
write_csv (char           delimiter,
           void         (*fill) (VigiaCsvWriter *writer, gpointer data),
           gpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(VigiaCsvWriter) writer = vigia_csv_writer_new (stream, delimiter);

  fill (writer, data);
  g_assert_true (vigia_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

static void
fill_cells (VigiaCsvWriter *writer,
            gpointer        data)
{
  vigia_csv_writer_add_text (writer, "plain");
  vigia_csv_writer_add_text (writer, "with, comma");
  vigia_csv_writer_add_text (writer, "with \"quotes\"");
  vigia_csv_writer_add_text (writer, "two\nlines");
  vigia_csv_writer_add_text (writer, "=HYPERLINK(\"http://x\")");
  vigia_csv_writer_add_text (writer, "+51 1 555");
  vigia_csv_writer_add_text (writer, "@SUM(A1)");
  vigia_csv_writer_add_text (writer, NULL);
  vigia_csv_writer_add_number (writer, 12.5);
  vigia_csv_writer_add_number (writer, -8);
  vigia_csv_writer_add_number (writer, NAN);
  vigia_csv_writer_add_integer (writer, 3);
  g_assert_true (vigia_csv_writer_end_row (writer, NULL, NULL));
  vigia_csv_writer_add_text (writer, "ÁNCASH; Ñ");
}

static void
test_writer (void)
{
  g_autofree char *comma = write_csv (',', fill_cells, NULL);
  g_autofree char *semicolon = write_csv (';', fill_cells, NULL);

  g_assert_cmpstr (comma, ==,
                   BOM "plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\","
                   "\"'=HYPERLINK(\"\"http://x\"\")\",'+51 1 555,'@SUM(A1),,12.5,-8,,3\r\n"
                   "ÁNCASH; Ñ\r\n");
  g_assert_cmpstr (semicolon, ==,
                   BOM "plain;with, comma;\"with \"\"quotes\"\"\";\"two\nlines\";"
                   "\"'=HYPERLINK(\"\"http://x\"\")\";'+51 1 555;'@SUM(A1);;12,5;-8;;3\r\n"
                   "\"ÁNCASH; Ñ\"\r\n");
}

static void
test_reader (void)
{
  static const char text[] =
    BOM "a;b;c\r\n"
    "\"uno; dos\";\"tres\r\ncuatro\";\"comillas \"\"así\"\"\"\r\n"
    "\r\n"
    ";;\n"
    "solo";
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaCsvReader) reader = vigia_csv_reader_new (text, strlen (text));
  g_autoptr(VigiaCsvReader) broken = NULL;
  g_autoptr(VigiaCsvReader) latin1 = NULL;

  g_assert_cmpint (vigia_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_false (vigia_csv_reader_was_converted (reader));

  g_assert_true (vigia_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (vigia_csv_reader_get_row_number (reader), ==, 1);
  g_assert_cmpuint (vigia_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (vigia_csv_reader_get_field (reader, 0), ==, "a");

  g_assert_true (vigia_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (vigia_csv_reader_get_row_number (reader), ==, 2);
  g_assert_cmpstr (vigia_csv_reader_get_field (reader, 0), ==, "uno; dos");
  g_assert_cmpstr (vigia_csv_reader_get_field (reader, 1), ==, "tres\ncuatro");
  g_assert_cmpstr (vigia_csv_reader_get_field (reader, 2), ==, "comillas \"así\"");
  g_assert_cmpstr (vigia_csv_reader_get_field (reader, 7), ==, "");

  /* The cell's line break does not make a new row. */
  g_assert_true (vigia_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (vigia_csv_reader_get_row_number (reader), ==, 3);
  g_assert_true (vigia_csv_reader_row_is_blank (reader));
  g_assert_true (vigia_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (vigia_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_true (vigia_csv_reader_row_is_blank (reader));
  g_assert_true (vigia_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (vigia_csv_reader_get_row_number (reader), ==, 5);
  g_assert_cmpstr (vigia_csv_reader_get_field (reader, 0), ==, "solo");
  g_assert_false (vigia_csv_reader_next_row (reader, &error));
  g_assert_no_error (error);

  broken = vigia_csv_reader_new ("a,b\n1,\"open\n2,3\n", strlen ("a,b\n1,\"open\n2,3\n"));
  g_assert_cmpint (vigia_csv_reader_get_delimiter (broken), ==, ',');
  g_assert_true (vigia_csv_reader_next_row (broken, &error));
  g_assert_false (vigia_csv_reader_next_row (broken, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "row 2: a quoted cell is not closed");
  g_clear_error (&error);

  /* Excel on Windows saves "CSV" in Windows-1252. */
  latin1 = vigia_csv_reader_new ("ANCASH\tHU\xc1NUCO\t\x80 5\n", strlen ("ANCASH\tHU\xc1NUCO\t\x80 5\n"));
  g_assert_true (vigia_csv_reader_was_converted (latin1));
  g_assert_cmpint (vigia_csv_reader_get_delimiter (latin1), ==, '\t');
  g_assert_true (vigia_csv_reader_next_row (latin1, &error));
  g_assert_cmpstr (vigia_csv_reader_get_field (latin1, 1), ==, "HUÁNUCO");
  g_assert_cmpstr (vigia_csv_reader_get_field (latin1, 2), ==, "€ 5");
}

static void
test_neutralize (void)
{
  static const char * const cells[] = {
    "=1+1", "+51", "-8 soles", "@A1", "\tx", "plain", "'quoted", "", "'", NULL
  };

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *safe = vigia_csv_neutralize (cells[i]);
      g_autofree char *back = vigia_csv_unneutralize (safe);

      g_assert_cmpstr (back, ==, cells[i]);
      g_assert_null (strchr ("=+-@\t", safe[0] != '\0' ? safe[0] : 'x'));
    }
}

static void
import_ok (Fixture    *f,
           const char *text,
           guint       expected)
{
  g_autoptr(GError) error = NULL;
  guint n_saved = 0;

  vigia_progress_csv_import (f->library, "progress.csv", text, strlen (text), &n_saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_saved, ==, expected);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  VigiaGoal *social, *economic;
  VigiaProgress *entry;
  const char * const evidence[] = { "https://muni.gob.pe/informe.pdf", "acta-2024-05.pdf", NULL };

  /* As a Spanish spreadsheet saves it: semicolons, decimal commas, Spanish
   * words, columns in another order, a column the import does not know. */
  text = g_strdup_printf (BOM "Period;Goal_UUID;Value;Status;Source;Note;Evidence;achievement;Recorded\r\n"
                          "2024-S1;%s;12,5;En marcha;autoridad;'=según informe;\"https://muni.gob.pe/informe.pdf\r\nacta-2024-05.pdf\";50 %%;31/05/2024\r\n"
                          "2024-S1;%s;1.500,25;;observador;;;;\r\n"
                          "2024-S2;%s;;cumplida;;;;;2024-12-20\r\n"
                          "2025-S1;%s;;;;;;;\r\n"
                          ";;;;;;;;\r\n",
                          f->social, f->economic, f->social, f->economic);
  import_ok (f, text, 3);

  plan = load_plan (f);
  vigia_plan_find_goal (plan, f->social, &social);
  vigia_plan_find_goal (plan, f->economic, &economic);

  entry = vigia_goal_find_progress (social, "2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 12.5);
  g_assert_cmpint (vigia_progress_get_status (entry), ==, VIGIA_STATUS_IN_PROGRESS);
  g_assert_cmpstr (vigia_progress_get_note (entry), ==, "=según informe");
  g_assert_cmpstrv (vigia_progress_get_evidence (entry), evidence);
  g_assert_cmpstr (vigia_progress_get_recorded (entry), ==, "2024-05-31T00:00:00Z");

  entry = vigia_goal_find_progress (economic, "2024-S1", VIGIA_SOURCE_OBSERVER);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 1500.25);
  g_assert_cmpint (vigia_progress_get_status (entry), ==, VIGIA_STATUS_NOT_RATED);
  g_assert_null (vigia_progress_get_note (entry));

  entry = vigia_goal_find_progress (social, "2024-S2", VIGIA_SOURCE_AUTHORITY);
  g_assert_true (isnan (vigia_progress_get_value (entry)));
  g_assert_cmpint (vigia_progress_get_status (entry), ==, VIGIA_STATUS_KEPT);
  g_assert_cmpstr (vigia_progress_get_recorded (entry), ==, "2024-12-20T00:00:00Z");

  /* The blank template row recorded nothing. */
  g_assert_null (vigia_goal_find_progress (economic, "2025-S1", VIGIA_SOURCE_AUTHORITY));
  g_clear_object (&plan);

  /* A second file updates what is there; a column it lacks keeps its value. */
  g_free (text);
  text = g_strdup_printf ("goal_uuid,period,value\n%s,2024-S1,14\n", f->social);
  import_ok (f, text, 1);
  plan = load_plan (f);
  vigia_plan_find_goal (plan, f->social, &social);
  entry = vigia_goal_find_progress (social, "2024-S1", VIGIA_SOURCE_AUTHORITY);
  g_assert_cmpfloat (vigia_progress_get_value (entry), ==, 14);
  g_assert_cmpstr (vigia_progress_get_note (entry), ==, "=según informe");
  g_assert_cmpstr (vigia_progress_get_recorded (entry), ==, "2024-05-31T00:00:00Z");

  /* Numbers as people write them. */
  g_free (text);
  text = g_strdup_printf ("goal_uuid,period,value\n"
                          "%s,2023-S1,\"1,5\"\n"
                          "%s,2023-S2,−8\n"
                          "%s,2025-S1,40 %%\n"
                          "%s,2025-S2,\"1'500,75\"\n"
                          "%s,2026-S1,0.125\n"
                          "%s,2026-S2,\"0,125\"\n",
                          f->social, f->social, f->social, f->social, f->social, f->social);
  import_ok (f, text, 6);
  g_clear_object (&plan);
  plan = load_plan (f);
  vigia_plan_find_goal (plan, f->social, &social);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (social, "2023-S1", 0)), ==, 1.5);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (social, "2023-S2", 0)), ==, -8);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (social, "2025-S1", 0)), ==, 40);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (social, "2025-S2", 0)), ==, 1500.75);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (social, "2026-S1", 0)), ==, 0.125);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (social, "2026-S2", 0)), ==, 0.125);
}

/* What is exported imports back to the same entries, changing nothing. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(VigiaCsvWriter) writer = NULL;
  g_autoptr(VigiaPlan) plan = load_plan (f);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VigiaGoal *goal;
  guint n_history;

  text = g_strdup_printf ("goal_uuid,period,source,value,status,note,evidence\n"
                          "%s,2024-S1,authority,12.125,in-progress,\"=1+1, dijo\",\"a\nb\"\n"
                          "%s,2024-S1,observer,-3.5,stalled,\"línea 1\nlínea 2\",\n",
                          f->social, f->economic);
  import_ok (f, text, 2);
  g_clear_object (&plan);
  plan = load_plan (f);

  for (char delimiter = ','; delimiter != 0; delimiter = delimiter == ',' ? ';' : 0)
    {
      g_clear_object (&writer);
      g_clear_object (&stream);
      stream = g_memory_output_stream_new_resizable ();
      writer = vigia_csv_writer_new (stream, delimiter);
      vigia_progress_csv_add_header (writer);
      g_assert_true (vigia_csv_writer_end_row (writer, NULL, &error));
      g_assert_true (vigia_progress_csv_write_plan (writer, plan, NULL, -1, NULL, &error));
      g_assert_true (vigia_csv_writer_close (writer, NULL, &error));
      g_assert_no_error (error);

      g_free (text);
      text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
      if (delimiter == ',')
        {
          g_assert_true (g_str_has_prefix (text, BOM HEADER));
          g_assert_nonnull (strstr (text, ",\"JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA\",Social,1,POBLACIÓN ATENDIDA,25% DE POBLACIÓN ATENDIDA,2024-S1,authority,12.125,in-progress,\"'=1+1, dijo\",\"a\nb\","));
        }
      else
        g_assert_nonnull (strstr (text, ";2024-S1;observer;-3,5;stalled;\"línea 1\nlínea 2\";;"));

      history = vigia_library_list_history (f->library, NULL, NULL, &error);
      n_history = history->len;
      g_clear_pointer (&history, g_ptr_array_unref);

      import_ok (f, text, 2);

      /* Nothing changed, so nothing was recorded as changed. */
      history = vigia_library_list_history (f->library, NULL, NULL, &error);
      g_assert_cmpuint (history->len, ==, n_history);
      g_clear_pointer (&history, g_ptr_array_unref);
    }

  /* A template of a semester: one row a goal; filled in, it imports. */
  g_clear_object (&writer);
  g_clear_object (&stream);
  stream = g_memory_output_stream_new_resizable ();
  writer = vigia_csv_writer_new (stream, ',');
  vigia_progress_csv_add_header (writer);
  g_assert_true (vigia_csv_writer_end_row (writer, NULL, &error));
  g_assert_true (vigia_progress_csv_write_plan (writer, plan, "2024-S2", VIGIA_SOURCE_AUTHORITY, NULL, &error));
  g_assert_true (vigia_csv_writer_close (writer, NULL, &error));
  g_free (text);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
    g_autofree char *filled = NULL;

    /* The header, 8 goals and the end of the last line. */
    g_assert_cmpuint (g_strv_length (lines), ==, 10);
    g_assert_true (g_str_has_prefix (lines[1], f->social));
    g_assert_true (g_str_has_suffix (lines[1], ",2024-S2,authority,,,,,"));
    g_free (lines[1]);
    lines[1] = g_strdup_printf ("%s,,,,,,,2024-S2,authority,20,in-progress,,,", f->social);
    filled = g_strjoinv ("\r\n", lines);
    import_ok (f, filled, 1);
  }

  g_clear_object (&plan);
  plan = load_plan (f);
  vigia_plan_find_goal (plan, f->social, &goal);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_goal_find_progress (goal, "2024-S2", VIGIA_SOURCE_AUTHORITY)), ==, 20);

  before = checksum_closed (f);
  g_assert_nonnull (before);
  reopen (f);
  after = checksum_closed (f);
  g_assert_cmpstr (before, ==, after);
  reopen (f);
}

/* Every bad file is refused whole, the error naming the row and the column,
 * and the library is left byte for byte as it was. */
static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *good_row = g_strdup_printf ("%s,2024-S1,authority,5,in-progress,,", f->social);
  const struct {
    const char *row;      /* after the header and a good row; UUID is the first goal's uuid */
    const char *message;
  } cases[] = {
    { "UUID,2024-S2,authority,abc,,,", "progress.csv: row 3, column value: “abc” is not a number" },
    { "UUID,2024-S2,authority,12a,,,", "progress.csv: row 3, column value: “12a” is not a number" },
    { "UUID,2024-S2,authority,\"1,500\",,,", "progress.csv: row 3, column value: “1,500” could be read two ways: write it without a thousands separator" },
    { "UUID,2024-S2,authority,-,,,", "progress.csv: row 3, column value: “-” is not a number" },
    { "UUID,2027-S3,authority,5,,,", "progress.csv: row 3, column period: “2027-S3” is not a semester: write it as 2027-S1 or 2027-S2" },
    { "UUID,,authority,5,,,", "progress.csv: row 3, column period: “” is not a semester: write it as 2027-S1 or 2027-S2" },
    { "UUID,2031-S1,authority,5,,,", "progress.csv: row 3, column period: “2031-S1” is outside the plan’s term, 2023–2026" },
    { "UUID,2024-S2,mayor,5,,,", "progress.csv: row 3, column source: “mayor” is not a source: write authority or observer" },
    { "UUID,2024-S2,authority,5,done,,", "progress.csv: row 3, column status: “done” is not a status: write not-rated, in-progress, stalled, partly-kept, kept or broken" },
    { "nope,2024-S2,authority,5,,,", "progress.csv: row 3, column goal_uuid: there is no goal “nope” in the library" },
    { ",2024-S2,authority,5,,,", "progress.csv: row 3, column goal_uuid: the goal is missing" },
    { "UUID,2024-S1,authority,6,,,", "progress.csv: row 3: the same target, period and source as row 2" },
    { "UUID,2024-S2,authority,5,,,\"open", "progress.csv: row 3: a quoted cell is not closed" },
  };
  g_autofree char *before = checksum_closed (f);

  reopen (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) parts = g_strsplit (cases[i].row, "UUID", -1);
      g_autofree char *row = g_strjoinv (f->social, parts);
      g_autofree char *text = g_strdup_printf ("goal_uuid,period,source,value,status,note,evidence\n%s\n%s\n",
                                               good_row, row);
      guint n_saved = 99;

      g_test_message ("row: %s", row);
      g_assert_false (vigia_progress_csv_import (f->library, "progress.csv", text, strlen (text), &n_saved, &error));
      g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (n_saved, ==, 0);
    }

  {
    g_autofree char *after = checksum_closed (f);

    g_assert_cmpstr (before, ==, after);
    reopen (f);
  }
}


/* A write that fails halfway, after rows went in, takes them all back. */
static void
test_failure_while_writing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Another program's rule on the library refuses the value 666 (on
   * PostgreSQL as a constraint would, as SQLite's RAISE (ABORT) does). */
  vigia_test_assert_finalized (&f->library);
  if (vigia_test_store_is_postgresql ())
    vigia_test_exec_sql (f->path, "CREATE FUNCTION refuse () RETURNS trigger LANGUAGE plpgsql AS"
                                  " $$BEGIN IF NEW.value = 666 THEN RAISE EXCEPTION 'refused'"
                                  " USING ERRCODE = 'check_violation'; END IF;"
                                  " RETURN NEW; END$$;"
                                  " CREATE TRIGGER refuse BEFORE INSERT ON progress"
                                  " FOR EACH ROW EXECUTE FUNCTION refuse ()");
  else
    vigia_test_exec_sql (f->path, "CREATE TRIGGER refuse BEFORE INSERT ON progress"
                                  " WHEN NEW.value = 666 BEGIN SELECT RAISE (ABORT, 'refused'); END");
  before = vigia_test_checksum_library (f->path);
  reopen (f);

  text = g_strdup_printf ("goal_uuid,period,value\n%s,2024-S1,1\n%s,2024-S1,2\n%s,2024-S2,666\n",
                          f->social, f->economic, f->social);
  g_assert_false (vigia_progress_csv_import (f->library, "progress.csv", text, strlen (text), NULL, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "progress.csv: row 4: "));
  g_assert_nonnull (strstr (error->message, "refused"));

  after = checksum_closed (f);
  g_assert_cmpstr (before, ==, after);
  reopen (f);
}

static void
test_bad_headers (Fixture       *f,
                  gconstpointer  data)
{
  const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "progress.csv: the file is empty" },
    { "goal,period,value\nx,2024-S1,5\n", "progress.csv: row 1: the column “goal_uuid” is missing" },
    { "goal_uuid;value\n", "progress.csv: row 1: the column “period” is missing" },
    { "goal_uuid,period,value,Value\n", "progress.csv: row 1: the column “value” appears twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (vigia_progress_csv_import (f->library, "progress.csv", cases[i].text,
                                                 strlen (cases[i].text), NULL, &error));
      g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A row with more cells than the header, filled, was shifted by a comma
 * outside quotes: refused, not read askew; empty extra cells are fine. */
static void
test_extra_cells (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shifted = g_strdup_printf ("goal_uuid,period,value,note\n%s,2024-S1,7,visto en obra, con fotos\n",
                                              f->social);
  g_autofree char *trailing = g_strdup_printf ("goal_uuid,period,value,note\n%s,2024-S1,7,visto,,\n", f->social);
  guint n_saved = 0;

  g_assert_false (vigia_progress_csv_import (f->library, "progress.csv", shifted, strlen (shifted), NULL, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "progress.csv: row 2: 5 cells where the header has 4: a comma outside "
                                       "quotes may have moved the cells after it");
  g_clear_error (&error);

  g_assert_true (vigia_progress_csv_import (f->library, "progress.csv", trailing, strlen (trailing), &n_saved,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_saved, ==, 1);
}

/* All the problems of a file, one a line, up to twenty. */
static void
test_many_problems (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("goal_uuid,period,value\n");
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 25; i++)
    g_string_append_printf (text, "%s,2024-S1,x%u\n", f->social, i);

  g_assert_false (vigia_progress_csv_import (f->library, "muchos.csv", text->str, text->len, NULL, &error));
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 21);
  g_assert_cmpstr (lines[0], ==, "muchos.csv: row 2, column value: “x0” is not a number");
  g_assert_cmpstr (lines[19], ==, "muchos.csv: row 21, column value: “x19” is not a number");
  g_assert_cmpstr (lines[20], ==, "muchos.csv: and 5 more problems");
}

static void
test_spanish_messages (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("goal_uuid;period;value;status\n%s;2024-S1;abc;Cumplida\n", f->social);

  vigia_test_set_language ("es");
  g_assert_false (vigia_progress_csv_import (f->library, "avance.csv", text, strlen (text), NULL, &error));
  g_assert_cmpstr (error->message, ==, "avance.csv: fila 2, columna value: «abc» no es un número");
}

static void
test_import_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "avance.csv", NULL);
  g_autofree char *text = g_strdup_printf ("goal_uuid,period,value\n%s,2024-S1,7\n", f->social);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/avance.csv");
  guint n_saved = 0;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_true (vigia_progress_csv_import_file (f->library, file, &n_saved, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_saved, ==, 1);

  g_assert_false (vigia_progress_csv_import_file (f->library, missing, &n_saved, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Status and source as people write them, in a spreadsheet or on the
 * command line; anything else is refused with what to write instead. */
static void
test_parse_words (void)
{
  const struct {
    const char  *text;
    VigiaStatus  status;
  } statuses[] = {
    { "not-rated", VIGIA_STATUS_NOT_RATED },
    { "in-progress", VIGIA_STATUS_IN_PROGRESS },
    { "stalled", VIGIA_STATUS_STALLED },
    { "partly-kept", VIGIA_STATUS_PARTLY_KEPT },
    { "kept", VIGIA_STATUS_KEPT },
    { "broken", VIGIA_STATUS_BROKEN },
    { "Not rated", VIGIA_STATUS_NOT_RATED },
    { "IN PROGRESS", VIGIA_STATUS_IN_PROGRESS },
    { "Sin evaluar", VIGIA_STATUS_NOT_RATED },
    { "en marcha", VIGIA_STATUS_IN_PROGRESS },
    { "Estancado", VIGIA_STATUS_STALLED },
    { "Cumplida en parte", VIGIA_STATUS_PARTLY_KEPT },
    { "CUMPLIDO", VIGIA_STATUS_KEPT },
    { "Incumplída", VIGIA_STATUS_BROKEN },
  };
  const struct {
    const char  *text;
    VigiaSource  source;
  } sources[] = {
    { "authority", VIGIA_SOURCE_AUTHORITY },
    { "Observer", VIGIA_SOURCE_OBSERVER },
    { "AUTORIDAD", VIGIA_SOURCE_AUTHORITY },
    { "observador", VIGIA_SOURCE_OBSERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = NULL;
      VigiaStatus status = 99;

      g_test_message ("status: %s", statuses[i].text);
      g_assert_true (vigia_status_parse (statuses[i].text, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, statuses[i].status);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GError) error = NULL;
      VigiaSource source = 99;

      g_test_message ("source: %s", sources[i].text);
      g_assert_true (vigia_source_parse (sources[i].text, &source, &error));
      g_assert_no_error (error);
      g_assert_cmpint (source, ==, sources[i].source);
    }

  {
    g_autoptr(GError) error = NULL;
    VigiaStatus status = VIGIA_STATUS_KEPT;

    g_assert_false (vigia_status_parse ("done", &status, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==, "“done” is not a status: write not-rated, in-progress, "
                                         "stalled, partly-kept, kept or broken");
    g_assert_cmpint (status, ==, VIGIA_STATUS_KEPT);
    g_clear_error (&error);

    g_assert_false (vigia_status_parse ("", &status, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
  }
  {
    g_autoptr(GError) error = NULL;
    VigiaSource source = VIGIA_SOURCE_OBSERVER;

    g_assert_false (vigia_source_parse ("mayor", &source, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==, "“mayor” is not a source: write authority or observer");
    g_assert_cmpint (source, ==, VIGIA_SOURCE_OBSERVER);
    g_clear_error (&error);

    vigia_test_set_language ("es");
    g_assert_false (vigia_source_parse ("alcalde", &source, &error));
    g_assert_cmpstr (error->message, ==, "«alcalde» no es una fuente: escriba authority (autoridad) "
                                         "u observer (observador)");
    vigia_test_set_language ("en");
  }
}

/* A day alone is midnight UTC, so that it reads back as the same day. */
static void
test_parse_date (void)
{
  const struct {
    const char *text;
    const char *recorded;   /* NULL: refused */
  } cases[] = {
    { "2024-05-31", "2024-05-31T00:00:00Z" },
    { "31/05/2024", "2024-05-31T00:00:00Z" },
    { "2027-03-31T10:00:00-05:00", "2027-03-31T15:00:00Z" },
    { "2027-03-31T23:30:00Z", "2027-03-31T23:30:00Z" },
    { "2025-13-40", NULL },
    { "31/02/2024", NULL },
    { "2024-05-31x", NULL },
    { "ayer", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *recorded = vigia_progress_parse_date (cases[i].text, &error);

      g_test_message ("date: %s", cases[i].text);
      g_assert_cmpstr (recorded, ==, cases[i].recorded);
      if (cases[i].recorded != NULL)
        g_assert_no_error (error);
      else
        {
          g_autofree char *message = g_strdup_printf ("“%s” is not a date: write it as 2027-03-31",
                                                      cases[i].text);

          g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
          g_assert_cmpstr (error->message, ==, message);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigia_test_set_language ("en");

  vigia_test_add_func_sqlite_only ("/csv/writer", test_writer);
  vigia_test_add_func_sqlite_only ("/csv/reader", test_reader);
  vigia_test_add_func_sqlite_only ("/csv/neutralize", test_neutralize);
  vigia_test_add_func_sqlite_only ("/progress/parse-words", test_parse_words);
  vigia_test_add_func_sqlite_only ("/progress/parse-date", test_parse_date);
#define ADD(name, func) \
  vigia_test_add_on_store ("/progress-csv/" name, Fixture, fixture_set_up, func, fixture_tear_down)
  ADD ("import", test_import);
  ADD ("round-trip", test_round_trip);
  ADD ("bad-files", test_bad_files);
  ADD ("failure-while-writing", test_failure_while_writing);
  ADD ("bad-headers", test_bad_headers);
  ADD ("extra-cells", test_extra_cells);
  ADD ("many-problems", test_many_problems);
  ADD ("spanish-messages", test_spanish_messages);
  ADD ("import-file", test_import_file);
#undef ADD

  return g_test_run ();
}
