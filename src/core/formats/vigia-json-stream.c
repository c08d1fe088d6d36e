/* vigia-json-stream.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An exchange document holds a whole library (almost two gigabytes for a
 * national one), and json-glib builds a tree about seven times the size of
 * what it parses.  This reads the document's top-level object from a stream
 * a member at a time, and the elements of an array member one at a time,
 * each as the bytes of its JSON value with the line it starts on: the
 * caller parses one plan, uses it, and lets it go.  It checks the structure
 * it walks (punctuation, strings, nesting); the values it hands out are
 * checked by the parser they go to.
 */
#define G_LOG_DOMAIN "vigia-json-stream"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-json-stream.h"
#include "vigia-parse.h"

#define CHUNK_SIZE (256 * 1024)
/* As deep as vigia-json-doc lets json-glib go. */
#define MAX_DEPTH 64

struct _VigiaJsonStream
{
  GInputStream *input;
  char         *name;
  /* The longest value handed out */
  gsize         max_value;

  guint8       *buffer;
  gsize         pos;
  gsize         len;
  gboolean      eof;
  guint         line;

  /* Whether the next member or element is the first of its container */
  gboolean      first;
};

/**
 * vigia_json_stream_new:
 * @name: the file as the user knows it, for errors
 * @max_value: the longest value vigia_json_stream_read_value() and
 *   vigia_json_stream_next_element() hand out; a longer one is refused
 */
VigiaJsonStream *
vigia_json_stream_new (GInputStream *input,
                       const char   *name,
                       gsize         max_value)
{
  VigiaJsonStream *self = g_new0 (VigiaJsonStream, 1);

  self->input = g_object_ref (input);
  self->name = g_strdup (name);
  self->max_value = max_value;
  self->buffer = g_malloc (CHUNK_SIZE);
  self->line = 1;
  return self;
}

void
vigia_json_stream_free (VigiaJsonStream *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->input);
  g_free (self->name);
  g_free (self->buffer);
  g_free (self);
}

guint
vigia_json_stream_get_line (VigiaJsonStream *self)
{
  return self->line;
}

/* The next byte, -1 at the end of the stream, -2 with @error. */
static int
peek (VigiaJsonStream  *self,
      GCancellable     *cancellable,
      GError          **error)
{
  if (self->pos < self->len)
    return self->buffer[self->pos];
  if (self->eof)
    return -1;

  {
    g_autoptr(GError) read_error = NULL;
    gssize n = g_input_stream_read (self->input, self->buffer, CHUNK_SIZE, cancellable, &read_error);

    if (n < 0)
      {
        g_set_error (error, read_error->domain, read_error->code,
                     _("%s: the file could not be read: %s"), self->name, read_error->message);
        return -2;
      }
    self->pos = 0;
    self->len = (gsize) n;
    if (n == 0)
      {
        self->eof = TRUE;
        return -1;
      }
  }
  return self->buffer[0];
}

static void
advance (VigiaJsonStream *self)
{
  if (self->buffer[self->pos] == '\n')
    self->line++;
  self->pos++;
}

static int
skip_space (VigiaJsonStream  *self,
            GCancellable     *cancellable,
            GError          **error)
{
  int c;

  while ((c = peek (self, cancellable, error)) == ' ' || c == '\t' || c == '\n' || c == '\r')
    advance (self);
  return c;
}

/* "not valid JSON: “x” where “,” or “}” should be" */
static gboolean
syntax_error (VigiaJsonStream  *self,
              int               c,
              const char       *expected,
              GError          **error)
{
  g_autofree char *found = NULL;

  if (c == -2)
    return FALSE;
  if (c == -1)
    {
      vigia_set_parse_error (error, self->name, self->line,
                             _("not valid JSON: the file ends where %s should be"), expected);
      return FALSE;
    }
  found = g_ascii_isgraph (c) ? g_strdup_printf ("%c", c) : g_strdup_printf ("\\x%02X", (guint) c);
  vigia_set_parse_error (error, self->name, self->line, _("not valid JSON: “%s” where %s should be"),
                         found, expected);
  return FALSE;
}

static gboolean
too_long (VigiaJsonStream  *self,
          guint             line,
          GError          **error)
{
  g_autofree char *size = g_format_size_full (self->max_value, G_FORMAT_SIZE_IEC_UNITS);

  vigia_set_parse_error (error, self->name, line,
                         _("a value of more than %s, more than any plan takes: nothing was imported"), size);
  return FALSE;
}

static void
keep (GByteArray *out,
      guint8      c)
{
  g_byte_array_append (out, &c, 1);
}

/* A string, from its opening quote to its closing one, escapes left as they
 * are. */
static gboolean
consume_string (VigiaJsonStream  *self,
                GByteArray       *out,
                GCancellable     *cancellable,
                GError          **error)
{
  int c;

  keep (out, '"');
  advance (self);
  for (;;)
    {
      c = peek (self, cancellable, error);
      if (c < 0)
        return syntax_error (self, c, "“\"”", error);
      /* The bytes up to the next quote or escape, kept at once: strings are
       * most of a document. */
      if (c != '"' && c != '\\' && c != '\n')
        {
          gsize end = self->pos;

          while (end < self->len && self->buffer[end] != '"' && self->buffer[end] != '\\' &&
                 self->buffer[end] != '\n')
            end++;
          g_byte_array_append (out, self->buffer + self->pos, end - self->pos);
          self->pos = end;
          continue;
        }
      keep (out, (guint8) c);
      advance (self);
      if (c == '"')
        return TRUE;
      if (c == '\\')
        {
          c = peek (self, cancellable, error);
          if (c < 0)
            return syntax_error (self, c, "“\"”", error);
          keep (out, (guint8) c);
          advance (self);
        }
    }
}

static gboolean
is_scalar_byte (int c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

/* A JSON value whole, into @out. */
static gboolean
consume_value (VigiaJsonStream  *self,
               GByteArray       *out,
               GCancellable     *cancellable,
               GError          **error)
{
  guint start_line;
  guint depth = 0;
  int c = skip_space (self, cancellable, error);

  start_line = self->line;
  if (c == '"')
    return consume_string (self, out, cancellable, error) &&
           (out->len <= self->max_value || too_long (self, start_line, error));

  if (c != '{' && c != '[')
    {
      g_autoptr(GString) word = g_string_new (NULL);

      while ((c = peek (self, cancellable, error)) >= 0 && is_scalar_byte (c) && word->len < 64)
        {
          g_string_append_c (word, (char) c);
          advance (self);
        }
      if (c == -2)
        return FALSE;
      if (word->len == 0)
        return syntax_error (self, c, _("a value"), error);
      /* A number or true, false, null: the parser that gets it checks it
       * further. */
      if (!g_ascii_isdigit (word->str[0]) && word->str[0] != '-' &&
          g_strcmp0 (word->str, "true") != 0 && g_strcmp0 (word->str, "false") != 0 &&
          g_strcmp0 (word->str, "null") != 0)
        {
          vigia_set_parse_error (error, self->name, start_line, _("not valid JSON: “%s” is not a value"),
                                 word->str);
          return FALSE;
        }
      g_byte_array_append (out, (const guint8 *) word->str, word->len);
      return TRUE;
    }

  for (;;)
    {
      c = peek (self, cancellable, error);
      if (c < 0)
        return syntax_error (self, c, depth > 0 ? "“}” / “]”" : _("a value"), error);
      if (c == '"')
        {
          if (!consume_string (self, out, cancellable, error))
            return FALSE;
        }
      else
        {
          keep (out, (guint8) c);
          advance (self);
          if (c == '{' || c == '[')
            {
              if (++depth > MAX_DEPTH)
                {
                  vigia_set_parse_error (error, self->name, self->line,
                                         _("the JSON nests deeper than %d levels"), MAX_DEPTH);
                  return FALSE;
                }
            }
          else if ((c == '}' || c == ']') && --depth == 0)
            break;
        }
      if (out->len > self->max_value)
        return too_long (self, start_line, error);
    }
  return TRUE;
}

/**
 * vigia_json_stream_begin:
 *
 * Reads up to the top-level object's opening brace (after a byte-order
 * mark, if there is one).
 *
 * Returns: %FALSE with @error if the document is not an object
 */
gboolean
vigia_json_stream_begin (VigiaJsonStream  *self,
                         GCancellable     *cancellable,
                         GError          **error)
{
  int c = peek (self, cancellable, error);

  /* A byte-order mark is not JSON, but Windows editors write one. */
  if (c == 0xEF)
    {
      for (guint i = 0; i < 3 && peek (self, cancellable, error) >= 0; i++)
        advance (self);
    }
  c = skip_space (self, cancellable, error);
  if (c != '{')
    return syntax_error (self, c, "“{”", error);
  advance (self);
  self->first = TRUE;
  return TRUE;
}

/**
 * vigia_json_stream_next_member:
 * @key: (out) (transfer full): the next member's name as written (escapes
 *   left as they are), or %NULL after the last
 *
 * Reads up to the next member's value, which is then to be read or skipped.
 */
gboolean
vigia_json_stream_next_member (VigiaJsonStream  *self,
                               char            **key,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autoptr(GByteArray) name = g_byte_array_new ();
  int c = skip_space (self, cancellable, error);

  *key = NULL;
  if (c == '}')
    {
      advance (self);
      return TRUE;
    }
  if (!self->first)
    {
      if (c != ',')
        return syntax_error (self, c, "“,” / “}”", error);
      advance (self);
      c = skip_space (self, cancellable, error);
    }
  self->first = FALSE;
  if (c != '"')
    return syntax_error (self, c, _("a member’s name"), error);
  if (!consume_string (self, name, cancellable, error))
    return FALSE;
  c = skip_space (self, cancellable, error);
  if (c != ':')
    return syntax_error (self, c, "“:”", error);
  advance (self);

  /* Without its quotes. */
  *key = g_strndup ((const char *) name->data + 1, name->len - 2);
  return TRUE;
}

/**
 * vigia_json_stream_read_value:
 * @line: (out): the line the value starts on
 *
 * Returns: (transfer full): the member's value, as the bytes of its JSON
 */
GBytes *
vigia_json_stream_read_value (VigiaJsonStream  *self,
                              guint            *line,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(GByteArray) value = g_byte_array_new ();

  if (skip_space (self, cancellable, error) == -2)
    return NULL;
  *line = self->line;
  if (!consume_value (self, value, cancellable, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&value));
}

/**
 * vigia_json_stream_begin_array:
 *
 * Reads up to the opening bracket of the member's value: its elements are
 * then read with vigia_json_stream_next_element().
 */
gboolean
vigia_json_stream_begin_array (VigiaJsonStream  *self,
                               GCancellable     *cancellable,
                               GError          **error)
{
  int c = skip_space (self, cancellable, error);

  if (c != '[')
    return syntax_error (self, c, "“[”", error);
  advance (self);
  self->first = TRUE;
  return TRUE;
}

/**
 * vigia_json_stream_next_element:
 * @element: (out) (transfer full): the next element, as the bytes of its
 *   JSON, or %NULL after the last (the array is then closed, and the
 *   object's next member can be read)
 * @line: (out): the line the element starts on
 */
gboolean
vigia_json_stream_next_element (VigiaJsonStream  *self,
                                GBytes          **element,
                                guint            *line,
                                GCancellable     *cancellable,
                                GError          **error)
{
  int c = skip_space (self, cancellable, error);

  *element = NULL;
  if (c == ']')
    {
      advance (self);
      self->first = FALSE;
      return TRUE;
    }
  if (!self->first)
    {
      if (c != ',')
        return syntax_error (self, c, "“,” / “]”", error);
      advance (self);
    }
  self->first = FALSE;
  *element = vigia_json_stream_read_value (self, line, cancellable, error);
  if (*element == NULL)
    return FALSE;
  /* The object's members go on after the array. */
  return TRUE;
}

/**
 * vigia_json_stream_end:
 *
 * Returns: %FALSE with @error if anything but blanks follows the top-level
 *   object
 */
gboolean
vigia_json_stream_end (VigiaJsonStream  *self,
                       GCancellable     *cancellable,
                       GError          **error)
{
  int c = skip_space (self, cancellable, error);

  if (c == -2)
    return FALSE;
  if (c != -1)
    {
      vigia_set_parse_error (error, self->name, self->line,
                             _("the JSON document has ended, but the file goes on: "
                               "a file holds one document"));
      return FALSE;
    }
  return TRUE;
}
