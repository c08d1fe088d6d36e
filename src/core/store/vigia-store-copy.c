/* vigia-store-copy.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving a library between stores (`vigia-cli copy`, docs/postgresql.md):
 * every row of every table, with its own id, into an empty library, in one
 * transaction on each side.  The copy is then read back and compared with
 * the original, table by table, in the number of rows and in a digest of
 * their values; a copy that differs is rolled back.  What a store derives
 * from the rows (its search index) is made anew, not copied.
 *
 * The tables and their columns are listed here, each column with the kind
 * of value it holds, so that both stores write and digest a value alike
 * (tests/test-store.c checks the list against the schema).
 */
#define G_LOG_DOMAIN "vigia-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vigia-error.h"
#include "vigia-store-copy.h"
#include "vigia-store-postgresql-private.h"

typedef struct
{
  const char *name;
  /* The column that orders the rows, the same in both stores. */
  const char *key;
  /* One letter a column: Integer, Real or Text. */
  const char *kinds;
  const char *columns[27];
} Table;

static const Table tables[VIGIA_STORE_N_TABLES] = {
  { "plan", "id", "ITTTTTTTTIITTTTITTTTTTTTTI",
    { "id", "uuid", "organization", "election", "process", "department", "province", "district",
      "ubigeo", "term_start", "term_end", "ideario", "vision", "accountability", "authority_name",
      "authority_elected", "source_format", "source_reference", "source_imported", "source_digest",
      "created", "changed", "edited", "edited_by", "merged", "version", NULL } },
  { "dimension", "id", "IIITT",
    { "id", "plan_id", "position", "kind", "title", NULL } },
  { "goal", "id", "ITIIITTTRTTTTTTTI",
    { "id", "uuid", "dimension_id", "position", "number", "problem", "objective", "indicator",
      "weight", "source_problem", "source_objective", "source_indicator", "source_target", "edited",
      "edited_by", "merged", "version", NULL } },
  { "target", "id", "ITIITRTTTTRIRTTT",
    { "id", "uuid", "goal_id", "position", "text", "value", "unit", "measure", "direction",
      "reading", "baseline_value", "baseline_year", "weight", "edited", "edited_by", "merged", NULL } },
  { "progress", "id", "IITTRTTTTTTTI",
    { "id", "target_id", "period", "source", "value", "status", "note", "evidence", "recorded",
      "edited", "edited_by", "merged", "version", NULL } },
  { "history", "id", "ITTTTTTTTTTT",
    { "id", "changed", "plan_uuid", "goal_uuid", "target_uuid", "entity", "action", "scope", "field",
      "old_value", "new_value", "author", NULL } },
  { "jne_list", "id", "IITTTTTTTT",
    { "id", "plan_ref", "file_number", "election", "status", "organization", "ubigeo", "region",
      "province", "district", NULL } },
  { "jne_candidate", "file_number", "TT",
    { "file_number", "name", NULL } },
  { "tombstone", "uuid", "TTTTTT",
    { "uuid", "plan_uuid", "goal_uuid", "entity", "deleted", "deleted_by", NULL } },
};

const char *
vigia_store_table_name (guint table)
{
  g_return_val_if_fail (table < VIGIA_STORE_N_TABLES, NULL);

  return tables[table].name;
}

/* The columns a copy moves of @table, %NULL-terminated. */
const char * const *
vigia_store_table_columns (guint table)
{
  g_return_val_if_fail (table < VIGIA_STORE_N_TABLES, NULL);

  return tables[table].columns;
}

/* SELECT of every row in order; the names are the constants above. */
static char *
select_sql (const Table *table)
{
  g_autofree char *columns = g_strjoinv (", ", (char **) table->columns);

  return g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", columns, table->name, table->key);
}

static char *
insert_sql (const Table *table)
{
  g_autofree char *columns = g_strjoinv (", ", (char **) table->columns);
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint i = 0; table->columns[i] != NULL; i++)
    g_string_append_printf (values, "%s?%u", i > 0 ? ", " : "", i + 1);
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table->name, columns, values->str);
}

/* One value as the digest reads it: its kind, then the value, so that no
 * two different rows read alike. */
static void
digest_value (GChecksum      *checksum,
              VigiaStatement *row,
              const Table    *table,
              int             column)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 24];

  if (vigia_statement_column_is_null (row, column))
    {
      g_checksum_update (checksum, (const guchar *) "N;", 2);
      return;
    }

  switch (table->kinds[column])
    {
    case 'I':
      g_snprintf (buffer, sizeof buffer, "I%" G_GINT64_FORMAT ";", vigia_statement_column_int64 (row, column));
      g_checksum_update (checksum, (const guchar *) buffer, -1);
      break;
    case 'R':
      buffer[0] = 'R';
      g_ascii_dtostr (buffer + 1, G_ASCII_DTOSTR_BUF_SIZE, vigia_statement_column_double (row, column));
      g_strlcat (buffer, ";", sizeof buffer);
      g_checksum_update (checksum, (const guchar *) buffer, -1);
      break;
    default:
      {
        const char *text = vigia_statement_column_text (row, column);
        gsize length = strlen (text);

        g_snprintf (buffer, sizeof buffer, "T%" G_GSIZE_FORMAT ":", length);
        g_checksum_update (checksum, (const guchar *) buffer, -1);
        g_checksum_update (checksum, (const guchar *) text, length);
        g_checksum_update (checksum, (const guchar *) ";", 1);
      }
      break;
    }
}

/**
 * vigia_store_tally:
 *
 * Counts the rows of each table of @store and digests them all, in order.
 * Two libraries with the same tally hold the same rows.
 */
gboolean
vigia_store_tally (VigiaStore       *store,
                   VigiaStoreTally  *tally,
                   GError          **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (VIGIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (tally != NULL, FALSE);

  memset (tally, 0, sizeof *tally);
  for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
    {
      const Table *table = &tables[t];
      g_autofree char *sql = select_sql (table);
      g_autoptr(VigiaStatement) rows = vigia_store_prepare (store, sql, error);
      int n_columns = strlen (table->kinds);
      VigiaStatementStep step;

      if (rows == NULL)
        return FALSE;
      g_checksum_update (checksum, (const guchar *) table->name, -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
      while ((step = vigia_statement_step (rows, error)) == VIGIA_STATEMENT_ROW)
        {
          for (int c = 0; c < n_columns; c++)
            digest_value (checksum, rows, table, c);
          g_checksum_update (checksum, (const guchar *) "\n", 1);
          tally->rows[t]++;
        }
      if (step == VIGIA_STATEMENT_FAILED)
        return FALSE;
    }

  g_strlcpy (tally->digest, g_checksum_get_string (checksum), sizeof tally->digest);
  return TRUE;
}

/* copy_table() into a server: the rows as one COPY, which the server takes
 * several times faster than the same rows as INSERTs (BENCHMARKS.md). */
static gboolean
copy_table_in (VigiaStore            *from,
               VigiaStorePostgresql  *to,
               const Table           *table,
               guint64               *n_rows,
               GError               **error)
{
  g_autofree char *read_sql = select_sql (table);
  g_autoptr(VigiaStatement) rows = NULL;
  guint n_columns = strlen (table->kinds);
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (n_columns, g_free);
  g_autoptr(GError) read_error = NULL;
  VigiaStatementStep step;

  if (!_vigia_store_postgresql_copy_begin (to, table->name, table->columns, error))
    goto failed;
  rows = vigia_store_prepare (from, read_sql, &read_error);
  if (rows == NULL)
    {
      _vigia_store_postgresql_copy_end (to, read_error->message, NULL);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  *n_rows = 0;
  g_ptr_array_set_size (values, n_columns);
  while ((step = vigia_statement_step (rows, &read_error)) == VIGIA_STATEMENT_ROW)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          char *value = NULL;

          if (vigia_statement_column_is_null (rows, c))
            value = NULL;
          else if (table->kinds[c] == 'I')
            value = g_strdup_printf ("%" G_GINT64_FORMAT, vigia_statement_column_int64 (rows, c));
          else if (table->kinds[c] == 'R')
            value = g_ascii_dtostr (g_malloc (G_ASCII_DTOSTR_BUF_SIZE), G_ASCII_DTOSTR_BUF_SIZE,
                                    vigia_statement_column_double (rows, c));
          else
            value = g_strdup (vigia_statement_column_text (rows, c));
          g_free (g_ptr_array_index (values, c));
          g_ptr_array_index (values, c) = value;
        }
      _vigia_store_postgresql_copy_row (to, (const char * const *) values->pdata, n_columns);
      (*n_rows)++;
    }
  if (step != VIGIA_STATEMENT_DONE)
    {
      /* The server drops what it was sent of the table. */
      _vigia_store_postgresql_copy_end (to, read_error->message, NULL);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (!_vigia_store_postgresql_copy_end (to, NULL, error))
    goto failed;
  return TRUE;

failed:
  g_prefix_error (error, _("Copying the table “%s”: "), table->name);
  return FALSE;
}

static gboolean
copy_table (VigiaStore   *from,
            VigiaStore   *to,
            const Table  *table,
            guint64      *n_rows,
            GError      **error)
{
  g_autofree char *read_sql = select_sql (table);
  g_autofree char *write_sql = insert_sql (table);
  g_autoptr(VigiaStatement) rows = NULL;
  g_autoptr(VigiaStatement) insert = NULL;
  int n_columns = strlen (table->kinds);
  VigiaStatementStep step;

  if (VIGIA_IS_STORE_POSTGRESQL (to))
    return copy_table_in (from, VIGIA_STORE_POSTGRESQL (to), table, n_rows, error);

  /* The insert is prepared first: on PostgreSQL (a copy out of a server)
   * no other statement can be prepared while the rows of the select come. */
  insert = vigia_store_prepare (to, write_sql, error);
  rows = insert != NULL ? vigia_store_prepare (from, read_sql, error) : NULL;
  if (rows == NULL)
    return FALSE;

  *n_rows = 0;
  while ((step = vigia_statement_step (rows, error)) == VIGIA_STATEMENT_ROW)
    {
      for (int c = 0; c < n_columns; c++)
        {
          if (vigia_statement_column_is_null (rows, c))
            vigia_statement_bind_null (insert, c + 1);
          else if (table->kinds[c] == 'I')
            vigia_statement_bind_int64 (insert, c + 1, vigia_statement_column_int64 (rows, c));
          else if (table->kinds[c] == 'R')
            vigia_statement_bind_double (insert, c + 1, vigia_statement_column_double (rows, c));
          else
            vigia_statement_bind_text (insert, c + 1, vigia_statement_column_text (rows, c));
        }
      if (!vigia_statement_send (insert, error))
        goto failed;
      (*n_rows)++;
    }
  if (step != VIGIA_STATEMENT_DONE)
    return FALSE;
  return TRUE;

failed:
  vigia_statement_reset (rows);
  g_prefix_error (error, _("Copying the table “%s”: "), table->name);
  return FALSE;
}

/* Whether @copy holds what @original does; says where it differs if not. */
static gboolean
check_tallies (VigiaStore             *to,
               const VigiaStoreTally  *original,
               const VigiaStoreTally  *copy,
               GError                **error)
{
  for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
    if (original->rows[t] != copy->rows[t])
      {
        g_autofree char *found = g_strdup_printf ("%" G_GUINT64_FORMAT, copy->rows[t]);
        g_autofree char *expected = g_strdup_printf ("%" G_GUINT64_FORMAT, original->rows[t]);

        g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                     _("The copy in %s does not match the original: its table “%s” has %s rows instead "
                       "of %s. Nothing was copied."),
                     vigia_store_get_location (to), tables[t].name, found, expected);
        return FALSE;
      }
  if (strcmp (original->digest, copy->digest) != 0)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_FAILED,
                   _("The copy in %s does not match the original: the same rows hold different values. "
                     "Nothing was copied."),
                   vigia_store_get_location (to));
      return FALSE;
    }
  return TRUE;
}

/**
 * vigia_store_copy:
 * @from: the library to copy, left as it is
 * @to: an empty library
 * @func: (nullable): told after each table
 * @tally: (out): what both libraries hold once copied
 *
 * Copies every row of @from into @to and checks the copy against the
 * original; on any failure @to is left as it was, empty.
 */
gboolean
vigia_store_copy (VigiaStore          *from,
                  VigiaStore          *to,
                  VigiaStoreCopyFunc   func,
                  gpointer             user_data,
                  VigiaStoreTally     *tally,
                  GError             **error)
{
  VigiaStoreTally copied;

  g_return_val_if_fail (VIGIA_IS_STORE (from), FALSE);
  g_return_val_if_fail (VIGIA_IS_STORE (to), FALSE);
  g_return_val_if_fail (tally != NULL, FALSE);

  if (!vigia_store_tally (to, &copied, error))
    return FALSE;
  for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
    if (copied.rows[t] > 0)
      {
        g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_DUPLICATE,
                     _("The library %s is not empty: a library is copied only into a new one, so that "
                       "nothing already in it is lost."),
                     vigia_store_get_location (to));
        return FALSE;
      }

  if (!vigia_store_begin (from, TRUE, error))
    return FALSE;
  if (!vigia_store_begin (to, FALSE, error))
    {
      vigia_store_rollback (from);
      return FALSE;
    }

  for (guint t = 0; t < VIGIA_STORE_N_TABLES; t++)
    {
      guint64 n_rows = 0;

      if (!copy_table (from, to, &tables[t], &n_rows, error))
        goto failed;
      if (func != NULL)
        func (tables[t].name, n_rows, user_data);
    }

  if (!vigia_store_rebuild_derived (to, error) ||
      !vigia_store_tally (from, tally, error) ||
      !vigia_store_tally (to, &copied, error) ||
      !check_tallies (to, tally, &copied, error) ||
      !vigia_store_commit (to, error))
    goto failed;

  /* Only read: its end cannot lose anything. */
  vigia_store_rollback (from);
  return TRUE;

failed:
  vigia_store_rollback (to);
  vigia_store_rollback (from);
  return FALSE;
}

static void
remove_library_file (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_remove (name) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", name, g_strerror (errno));
    }
}

/**
 * vigia_store_copy_locations:
 * @from: a library file or a PostgreSQL connection string
 * @to: a new library file, or a PostgreSQL database with no library or an
 *   empty one
 *
 * Opens both libraries and copies @from into @to (vigia_store_copy()); a
 * file made for the copy is removed again if the copy fails.
 */
gboolean
vigia_store_copy_locations (const char          *from,
                            const char          *to,
                            VigiaStoreCopyFunc   func,
                            gpointer             user_data,
                            VigiaStoreTally     *tally,
                            GError             **error)
{
  g_autoptr(VigiaStore) source = NULL;
  g_autoptr(VigiaStore) target = NULL;
  gboolean new_file;
  gboolean ok;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (strcmp (from, to) == 0)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("A library cannot be copied onto itself."));
      return FALSE;
    }

  source = vigia_store_open (from, TRUE, error);
  if (source == NULL)
    return FALSE;

  new_file = !vigia_store_location_is_postgresql (to) && !g_file_test (to, G_FILE_TEST_EXISTS);
  target = vigia_store_open (to, FALSE, error);
  ok = target != NULL && vigia_store_copy (source, target, func, user_data, tally, error);

  g_clear_object (&target);
  if (!ok && new_file)
    remove_library_file (to);
  return ok;
}
