/* vigia-csv-reader.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads what spreadsheets save as CSV: cells separated by commas, or by
 * semicolons (Excel and LibreOffice in Spanish) or tabs, whichever the first
 * row uses; quoted cells with commas, quotes and line breaks inside; CRLF or
 * LF; UTF-8 with or without a byte order mark, or Windows-1252 (what Excel
 * on Windows saves as plain "CSV"), converted to UTF-8.  Rows are numbered
 * as a spreadsheet numbers them: the first row is row 1, and a cell with
 * line breaks does not make a new row.
 */
#define G_LOG_DOMAIN "vigia-csv-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-csv-reader.h"
#include "vigia-error.h"

struct _VigiaCsvReader
{
  GObject    parent_instance;

  char      *text;
  gsize      length;
  gsize      offset;
  char       delimiter;
  gboolean   converted;

  guint      row_number;
  GPtrArray *fields;
};

G_DEFINE_FINAL_TYPE (VigiaCsvReader, vigia_csv_reader, G_TYPE_OBJECT)

/* The delimiter the first row uses most, outside quotes. */
static char
guess_delimiter (const char *text,
                 gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

static void
vigia_csv_reader_finalize (GObject *object)
{
  VigiaCsvReader *self = (VigiaCsvReader *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (vigia_csv_reader_parent_class)->finalize (object);
}

static void
vigia_csv_reader_class_init (VigiaCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_csv_reader_finalize;
}

static void
vigia_csv_reader_init (VigiaCsvReader *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->delimiter = ',';
}

/**
 * vigia_csv_reader_new:
 * @data: the file's bytes
 *
 * Returns: (transfer full): a reader before the first row
 */
VigiaCsvReader *
vigia_csv_reader_new (const char *data,
                      gsize       length)
{
  VigiaCsvReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_object_new (VIGIA_TYPE_CSV_READER, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate_len (data, length, NULL) && memchr (data, '\0', length) == NULL)
    {
      self->text = g_strndup (data, length);
      self->length = length;
    }
  else
    {
      gsize written = 0;

      /* Not UTF-8: Windows-1252, which maps every byte but five; those and
       * NULs become U+FFFD rather than losing the file. */
      self->text = g_convert_with_fallback (data, length, "UTF-8", "WINDOWS-1252", "\xEF\xBF\xBD",
                                            NULL, &written, NULL);
      if (self->text == NULL)
        self->text = g_utf8_make_valid (data, length);
      self->length = self->text != NULL ? strlen (self->text) : 0;
      self->converted = TRUE;
    }

  self->delimiter = guess_delimiter (self->text, self->length);
  return self;
}

char
vigia_csv_reader_get_delimiter (VigiaCsvReader *self)
{
  g_return_val_if_fail (VIGIA_IS_CSV_READER (self), ',');
  return self->delimiter;
}

/**
 * vigia_csv_reader_was_converted:
 *
 * Returns: whether the file was not UTF-8 and was read as Windows-1252
 */
gboolean
vigia_csv_reader_was_converted (VigiaCsvReader *self)
{
  g_return_val_if_fail (VIGIA_IS_CSV_READER (self), FALSE);
  return self->converted;
}

/**
 * vigia_csv_reader_next_row:
 *
 * Reads the next row.
 *
 * Returns: %TRUE with a row read; %FALSE at the end of the file, or with
 *   @error set (%VIGIA_ERROR_PARSE, naming the row) if a quoted cell is not
 *   closed
 */
gboolean
vigia_csv_reader_next_row (VigiaCsvReader  *self,
                           GError         **error)
{
  GString *cell;
  guint start_row;

  g_return_val_if_fail (VIGIA_IS_CSV_READER (self), FALSE);

  g_ptr_array_set_size (self->fields, 0);
  if (self->offset >= self->length)
    return FALSE;

  self->row_number++;
  start_row = self->row_number;
  cell = g_string_new (NULL);

  while (self->offset < self->length)
    {
      char c = self->text[self->offset];

      if (c == '"' && cell->len == 0)
        {
          gboolean closed = FALSE;

          /* A quoted cell: up to the lone closing quote. */
          self->offset++;
          while (self->offset < self->length)
            {
              c = self->text[self->offset++];
              if (c == '"' && self->offset < self->length && self->text[self->offset] == '"')
                {
                  g_string_append_c (cell, '"');
                  self->offset++;
                }
              else if (c == '"')
                {
                  closed = TRUE;
                  break;
                }
              else if (c == '\r' && self->offset < self->length && self->text[self->offset] == '\n')
                ; /* CRLF inside a cell is a line break: keep the LF. */
              else
                g_string_append_c (cell, c);
            }
          if (!closed)
            {
              g_string_free (cell, TRUE);
              g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE,
                           _("row %u: a quoted cell is not closed"), start_row);
              return FALSE;
            }
          continue;
        }

      self->offset++;
      if (c == self->delimiter)
        {
          g_ptr_array_add (self->fields, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && self->offset < self->length && self->text[self->offset] == '\n')
            self->offset++;
          break;
        }
      else
        g_string_append_c (cell, c);
    }

  g_ptr_array_add (self->fields, g_string_free (cell, FALSE));
  return TRUE;
}

/**
 * vigia_csv_reader_get_row_number:
 *
 * Returns: the row last read, as a spreadsheet numbers it (1 for the first)
 */
guint
vigia_csv_reader_get_row_number (VigiaCsvReader *self)
{
  g_return_val_if_fail (VIGIA_IS_CSV_READER (self), 0);
  return self->row_number;
}

guint
vigia_csv_reader_get_n_fields (VigiaCsvReader *self)
{
  g_return_val_if_fail (VIGIA_IS_CSV_READER (self), 0);
  return self->fields->len;
}

/**
 * vigia_csv_reader_get_field:
 *
 * Returns: (transfer none): the cell at @index of the row last read, as
 *   written (not trimmed); "" past the row's last cell
 */
const char *
vigia_csv_reader_get_field (VigiaCsvReader *self,
                            guint           index)
{
  g_return_val_if_fail (VIGIA_IS_CSV_READER (self), NULL);

  if (index >= self->fields->len)
    return "";
  return g_ptr_array_index (self->fields, index);
}

/**
 * vigia_csv_reader_row_is_blank:
 *
 * Returns: whether every cell of the row last read is empty or blank
 */
gboolean
vigia_csv_reader_row_is_blank (VigiaCsvReader *self)
{
  g_return_val_if_fail (VIGIA_IS_CSV_READER (self), TRUE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const char *field = g_ptr_array_index (self->fields, i);

      for (const char *p = field; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}
