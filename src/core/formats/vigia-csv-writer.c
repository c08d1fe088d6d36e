/* vigia-csv-writer.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 with what spreadsheets need besides: a UTF-8 byte order mark, so
 * that Excel does not read the accents as Latin-1; CRLF line ends; and text
 * cells that begin like a formula (=, +, -, @, tab, CR) prefixed with an
 * apostrophe, so that opening a file never runs what someone typed into a
 * note (CSV injection).  Numbers are written as numbers: with a decimal point
 * when cells are separated by commas, with a decimal comma when by
 * semicolons, as Spanish-language spreadsheets save them.
 */
#define G_LOG_DOMAIN "vigia-csv-writer"

#include "config.h"

#include <string.h>

#include "vigia-csv-writer.h"
#include "vigia-utils.h"

/* Flush to the stream once this much is buffered. */
#define FLUSH_SIZE (64 * 1024)

struct _VigiaCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  GString       *buffer;
  char           delimiter;
  /* Cells in the row being written. */
  guint          n_cells;
  gboolean       started;
  gboolean       closed;
};

G_DEFINE_FINAL_TYPE (VigiaCsvWriter, vigia_csv_writer, G_TYPE_OBJECT)

static gboolean
flush_buffer (VigiaCsvWriter  *self,
              GCancellable    *cancellable,
              GError         **error)
{
  gboolean ok;

  if (self->buffer->len == 0)
    return TRUE;
  ok = g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, cancellable, error);
  g_string_truncate (self->buffer, 0);
  return ok;
}

static void
start_cell (VigiaCsvWriter *self)
{
  if (!self->started)
    {
      g_string_append (self->buffer, "\xEF\xBB\xBF");
      self->started = TRUE;
    }
  if (self->n_cells > 0)
    g_string_append_c (self->buffer, self->delimiter);
  self->n_cells++;
}

static void
vigia_csv_writer_finalize (GObject *object)
{
  VigiaCsvWriter *self = (VigiaCsvWriter *)object;

  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (vigia_csv_writer_parent_class)->finalize (object);
}

static void
vigia_csv_writer_class_init (VigiaCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_csv_writer_finalize;
}

static void
vigia_csv_writer_init (VigiaCsvWriter *self)
{
  self->buffer = g_string_new (NULL);
  self->delimiter = ',';
}

/**
 * vigia_csv_writer_new:
 * @delimiter: ',' (numbers with a decimal point) or ';' (with a decimal comma)
 *
 * Returns: (transfer full): a writer to @stream; nothing is written until the
 *   first cell
 */
VigiaCsvWriter *
vigia_csv_writer_new (GOutputStream *stream,
                      char           delimiter)
{
  VigiaCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter == ',' || delimiter == ';', NULL);

  self = g_object_new (VIGIA_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  self->delimiter = delimiter;
  return self;
}

char
vigia_csv_writer_get_delimiter (VigiaCsvWriter *self)
{
  g_return_val_if_fail (VIGIA_IS_CSV_WRITER (self), ',');
  return self->delimiter;
}

/**
 * vigia_csv_neutralize:
 *
 * Returns: (transfer full): @text with an apostrophe before it if a
 *   spreadsheet would read it as a formula
 */
char *
vigia_csv_neutralize (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

/**
 * vigia_csv_unneutralize:
 *
 * The reverse of vigia_csv_neutralize(), for a cell read back.
 *
 * Returns: (transfer full): @text without the apostrophe put before a formula
 */
char *
vigia_csv_unneutralize (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    return g_strdup (text + 1);
  return g_strdup (text);
}

/**
 * vigia_csv_writer_add_text:
 * @text: (nullable): the cell, any text; %NULL for an empty cell
 */
void
vigia_csv_writer_add_text (VigiaCsvWriter *self,
                           const char     *text)
{
  g_autofree char *safe = NULL;
  gboolean quote;

  g_return_if_fail (VIGIA_IS_CSV_WRITER (self));
  g_return_if_fail (!self->closed);

  start_cell (self);
  safe = vigia_csv_neutralize (text);
  quote = strchr (safe, self->delimiter) != NULL || strpbrk (safe, "\"\r\n") != NULL ||
          (safe[0] != '\0' && (g_ascii_isspace (safe[0]) || g_ascii_isspace (safe[strlen (safe) - 1])));

  if (!quote)
    {
      g_string_append (self->buffer, safe);
      return;
    }

  g_string_append_c (self->buffer, '"');
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  g_string_append_c (self->buffer, '"');
}

/**
 * vigia_csv_writer_add_number:
 * @value: the number, or NAN for an empty cell
 *
 * Writes the number as it is, without grouping, so that any spreadsheet and
 * vigia_progress_csv_import() read back the same value.
 */
void
vigia_csv_writer_add_number (VigiaCsvWriter *self,
                             double          value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (VIGIA_IS_CSV_WRITER (self));
  g_return_if_fail (!self->closed);

  start_cell (self);
  if (!VIGIA_HAS_VALUE (value) || isinf (value))
    return;

  g_ascii_dtostr (buf, sizeof buf, value);
  if (self->delimiter == ';')
    {
      char *point = strchr (buf, '.');

      if (point != NULL)
        *point = ',';
    }
  g_string_append (self->buffer, buf);
}

void
vigia_csv_writer_add_integer (VigiaCsvWriter *self,
                              gint64          value)
{
  g_return_if_fail (VIGIA_IS_CSV_WRITER (self));
  g_return_if_fail (!self->closed);

  start_cell (self);
  g_string_append_printf (self->buffer, "%" G_GINT64_FORMAT, value);
}

gboolean
vigia_csv_writer_end_row (VigiaCsvWriter  *self,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_return_val_if_fail (VIGIA_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (!self->closed, FALSE);

  g_string_append (self->buffer, "\r\n");
  self->n_cells = 0;

  if (self->buffer->len >= FLUSH_SIZE)
    return flush_buffer (self, cancellable, error);
  return TRUE;
}

/**
 * vigia_csv_writer_close:
 *
 * Writes what is buffered and closes the stream.
 */
gboolean
vigia_csv_writer_close (VigiaCsvWriter  *self,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_return_val_if_fail (VIGIA_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (!self->closed, FALSE);

  self->closed = TRUE;
  if (self->n_cells > 0)
    g_string_append (self->buffer, "\r\n");
  if (!flush_buffer (self, cancellable, error))
    return FALSE;
  return g_output_stream_close (self->stream, cancellable, error);
}
