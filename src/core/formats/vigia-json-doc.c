/* vigia-json-doc.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib forgets where a value was once it is parsed, but an error about
 * a value must name its line.  The parser's signals fire as each member and
 * element is read, when the parser still knows its line: that line is kept
 * for the value (and, for an object, the line of its first member).
 */
#define G_LOG_DOMAIN "vigia-json-doc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "vigia-file-type.h"
#include "vigia-parse.h"
#include "vigia-json-doc.h"
#include "vigia-utils.h"

/* Far deeper than any plan file; deeper input is refused before json-glib,
 * whose parser recurses, sees it. */
#define MAX_DEPTH 64

struct _VigiaJsonDoc
{
  char       *name;
  JsonParser *parser;
  /* JsonNode * or JsonObject * → line */
  GHashTable *lines;
  /* JsonObject * → its members' names so far, to find one given twice */
  GHashTable *names;
  char       *twice;
  guint       twice_line;
  /* The lines before the data, in the file it was cut from */
  guint       line_offset;
};

static void
remember (VigiaJsonDoc *doc,
          gpointer      thing,
          guint         line)
{
  if (thing != NULL && !g_hash_table_contains (doc->lines, thing))
    g_hash_table_insert (doc->lines, thing, GUINT_TO_POINTER (line));
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  gpointer    user_data)
{
  VigiaJsonDoc *doc = user_data;
  guint line = json_parser_get_current_line (parser);
  GHashTable *names = g_hash_table_lookup (doc->names, object);

  remember (doc, object, line);
  remember (doc, json_object_get_member (object, member_name), line);

  /* json-glib keeps the last of two members of one name: say it instead. */
  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (doc->names, object, names);
    }
  if (!g_hash_table_add (names, g_strdup (member_name)) && doc->twice == NULL)
    {
      doc->twice = g_strdup (member_name);
      doc->twice_line = line;
    }
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  int         index,
                  gpointer    user_data)
{
  VigiaJsonDoc *doc = user_data;

  remember (doc, json_array_get_element (array, index), json_parser_get_current_line (parser));
}

typedef enum {
  SCAN_OK,
  SCAN_TOO_DEEP,
  SCAN_SECOND_VALUE,
} ScanResult;

static gboolean
read_hex4 (const guint8 *data,
           gsize         length,
           gsize         at,
           guint        *value)
{
  *value = 0;
  if (at + 4 > length)
    return FALSE;
  for (gsize i = at; i < at + 4; i++)
    {
      int digit = g_ascii_xdigit_value (data[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + (guint) digit;
    }
  return TRUE;
}

/* What json-glib 1.6 is not given (it leaks on the last two): nesting
 * deeper than MAX_DEPTH, since its parser recurses; a second value after
 * the first; and half of a character escaped, "\ud83d" without the other
 * half, as a text cut in the middle of an emoji has.  The offsets of those
 * halves' four digits go into @halves, to be read as U+FFFD. */
static ScanResult
scan (const guint8  *data,
      gsize          length,
      guint         *line,
      GArray       **halves,
      guint64       *keys)
{
  gboolean in_string = FALSE;
  gboolean ended = FALSE;
  gboolean after_string = FALSE;
  guint depth = 0;

  *line = 1;
  *keys = 0;
  for (gsize i = 0; i < length; i++)
    {
      guint8 c = data[i];
      guint unit, next;

      if (c == '\n')
        (*line)++;
      if (in_string)
        {
          if (c == '"')
            {
              in_string = FALSE;
              after_string = TRUE;
            }
          else if (c == '\\' && i + 1 < length && data[i + 1] == 'u' &&
                   read_hex4 (data, length, i + 2, &unit) && unit >= 0xD800 && unit <= 0xDFFF)
            {
              /* A high half and a low half are one character. */
              if (unit < 0xDC00 && i + 7 < length && data[i + 6] == '\\' && data[i + 7] == 'u' &&
                  read_hex4 (data, length, i + 8, &next) && next >= 0xDC00 && next <= 0xDFFF)
                i += 11;
              else
                {
                  gsize at = i + 2;

                  if (*halves == NULL)
                    *halves = g_array_new (FALSE, FALSE, sizeof (gsize));
                  g_array_append_val (*halves, at);
                  i += 5;
                }
            }
          else if (c == '\\')
            i++;
          continue;
        }
      if (g_ascii_isspace (c))
        continue;
      if (ended)
        return SCAN_SECOND_VALUE;
      /* A string followed by a colon names a member. */
      if (after_string && c == ':')
        (*keys)++;
      after_string = FALSE;
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return SCAN_TOO_DEEP;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        ended = --depth == 0;
    }
  return SCAN_OK;
}

static guint64
count_members (JsonNode *node)
{
  guint64 n = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        n += 1 + count_members (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += count_members (json_array_get_element (array, i));
    }
  return n;
}

/* json-glib says "<data>:3:14: Parse error: …": the line, then the rest. */
static void
set_syntax_error (VigiaJsonDoc  *doc,
                  const GError  *parse_error,
                  GError       **error)
{
  const char *message = parse_error->message;
  g_autofree char *valid = NULL;
  const char *colon = strstr (message, ">:");
  char *end = NULL;
  guint64 line = 0;

  if (colon != NULL)
    {
      line = g_ascii_strtoull (colon + 2, &end, 10);
      if (end != NULL && *end == ':')
        {
          g_ascii_strtoull (end + 1, &end, 10);
          if (end != NULL && *end == ':')
            message = end + 1;
        }
    }
  while (*message == ' ')
    message++;
  /* json-glib quotes the text it stopped at as it decoded it, bytes that
   * are not UTF-8 included. */
  valid = g_utf8_make_valid (message, -1);

  vigia_set_parse_error (error, doc->name, (guint) line + doc->line_offset, _("not valid JSON: %s"), valid);
}

/**
 * vigia_json_doc_load:
 * @name: the file as the user knows it, for errors
 * @track_lines: whether to keep the line of every value, which costs about
 *   as much memory again as the document; without, values are all on line 1
 *
 * Returns: (transfer full): the document, or %NULL with a
 *   %VIGIA_ERROR_PARSE error naming the line
 */
VigiaJsonDoc *
vigia_json_doc_load (const guint8  *data,
                     gsize          length,
                     const char    *name,
                     gboolean       track_lines,
                     GError       **error)
{
  return vigia_json_doc_load_at (data, length, name, 1, track_lines, error);
}

/**
 * vigia_json_doc_load_at:
 * @first_line: the line of the file that @data starts on, when @data is a
 *   piece of a larger document (one plan of a library's): the lines said
 *   are the file's
 *
 * Like vigia_json_doc_load().
 */
VigiaJsonDoc *
vigia_json_doc_load_at (const guint8  *data,
                        gsize          length,
                        const char    *name,
                        guint          first_line,
                        gboolean       track_lines,
                        GError       **error)
{
  g_autoptr(VigiaJsonDoc) doc = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GArray) halves = NULL;
  g_autofree guint8 *mended = NULL;
  const guint8 *given = data;
  gsize given_length = length;
  guint64 keys = 0;
  guint line = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  doc = g_new0 (VigiaJsonDoc, 1);
  doc->name = g_strdup (name);
  doc->line_offset = first_line > 0 ? first_line - 1 : 0;
  doc->lines = g_hash_table_new (NULL, NULL);
  doc->names = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);

  switch (scan (data, length, &line, &halves, &keys))
    {
    case SCAN_TOO_DEEP:
      vigia_set_parse_error (error, name, line + doc->line_offset,
                             _("the JSON nests deeper than %d levels"), MAX_DEPTH);
      return NULL;
    case SCAN_SECOND_VALUE:
      vigia_set_parse_error (error, name, line + doc->line_offset,
                             _("the JSON document has ended, but the file goes on: "
                               "a file holds one document"));
      return NULL;
    case SCAN_OK:
    default:
      break;
    }
  /* The same length: lines and columns stay where they were. */
  if (halves != NULL)
    {
      mended = g_memdup2 (data, length);
      for (guint i = 0; i < halves->len; i++)
        memcpy (mended + g_array_index (halves, gsize, i), "FFFD", 4);
      data = mended;
    }

  /* A byte-order mark is not JSON, but Windows editors write one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  doc->parser = json_parser_new_immutable ();
  if (track_lines)
    {
      g_signal_connect (doc->parser, "object-member", G_CALLBACK (object_member_cb), doc);
      g_signal_connect (doc->parser, "array-element", G_CALLBACK (array_element_cb), doc);
    }

  if (!json_parser_load_from_data (doc->parser, (const char *) data, length, &parse_error))
    {
      set_syntax_error (doc, parse_error, error);
      return NULL;
    }
  if (json_parser_get_root (doc->parser) == NULL)
    {
      vigia_set_parse_error (error, name, 0, _("the file holds no JSON value"));
      return NULL;
    }

  /* Fewer members than names before colons: one was given twice.  Only the
   * parser's signals can say which, and where. */
  if (doc->twice == NULL && count_members (json_parser_get_root (doc->parser)) < keys)
    {
      if (!track_lines)
        return vigia_json_doc_load_at (given, given_length, name, first_line, TRUE, error);
    }
  if (doc->twice != NULL)
    {
      vigia_set_parse_error (error, name, doc->twice_line + doc->line_offset,
                             _("“%s” is given twice in the same object: which one is meant cannot be told"),
                             doc->twice);
      return NULL;
    }

  g_signal_handlers_disconnect_by_data (doc->parser, doc);
  g_clear_pointer (&doc->names, g_hash_table_unref);
  return g_steal_pointer (&doc);
}

void
vigia_json_doc_free (VigiaJsonDoc *doc)
{
  if (doc == NULL)
    return;
  if (doc->parser != NULL)
    g_signal_handlers_disconnect_by_data (doc->parser, doc);
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->lines, g_hash_table_unref);
  g_clear_pointer (&doc->names, g_hash_table_unref);
  g_free (doc->twice);
  g_free (doc->name);
  g_free (doc);
}

JsonNode *
vigia_json_doc_get_root (VigiaJsonDoc *doc)
{
  return json_parser_get_root (doc->parser);
}

guint
vigia_json_doc_node_line (VigiaJsonDoc *doc,
                          JsonNode     *node)
{
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (doc->lines, node));

  /* An object or array is known by its first member's line. */
  if (line == 0 && node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return vigia_json_doc_object_line (doc, json_node_get_object (node));
  return (line > 0 ? line : 1) + doc->line_offset;
}

guint
vigia_json_doc_object_line (VigiaJsonDoc *doc,
                            JsonObject   *object)
{
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (doc->lines, object));

  return (line > 0 ? line : 1) + doc->line_offset;
}

void
vigia_json_doc_error (VigiaJsonDoc  *doc,
                      GError       **error,
                      guint          line,
                      const char    *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  vigia_set_parse_error_valist (error, doc->name, line, format, args);
  va_end (args);
}

/* The member @name of @object if it is of @type; %NULL if it is missing or
 * null and not @required. */
static gboolean
get_member (VigiaJsonDoc  *doc,
            JsonObject    *object,
            const char    *name,
            gboolean       required,
            JsonNodeType   type,
            JsonNode     **value,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL && required)
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_object_line (doc, object),
                            _("the member “%s” is missing"), name);
      return FALSE;
    }
  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  if (JSON_NODE_TYPE (node) != type)
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                            type == JSON_NODE_OBJECT ? _("“%s” should be an object { … }")
                                                     : _("“%s” should be a list [ … ]"),
                            name);
      return FALSE;
    }
  *value = node;
  return TRUE;
}

/**
 * vigia_json_doc_get_object:
 * @value: (out) (transfer none): the member's object; %NULL if it is missing
 *   or null and not @required
 *
 * Returns: %FALSE if the member is missing and @required, or not an object
 */
gboolean
vigia_json_doc_get_object (VigiaJsonDoc  *doc,
                           JsonObject    *object,
                           const char    *name,
                           gboolean       required,
                           JsonObject   **value,
                           GError       **error)
{
  JsonNode *node;

  if (!get_member (doc, object, name, required, JSON_NODE_OBJECT, &node, error))
    {
      *value = NULL;
      return FALSE;
    }
  *value = node != NULL ? json_node_get_object (node) : NULL;
  return TRUE;
}

gboolean
vigia_json_doc_get_array (VigiaJsonDoc  *doc,
                          JsonObject    *object,
                          const char    *name,
                          gboolean       required,
                          JsonArray    **value,
                          GError       **error)
{
  JsonNode *node;

  if (!get_member (doc, object, name, required, JSON_NODE_ARRAY, &node, error))
    {
      *value = NULL;
      return FALSE;
    }
  *value = node != NULL ? json_node_get_array (node) : NULL;
  return TRUE;
}

/**
 * vigia_json_doc_dup_string:
 * @node: a node holding a string
 *
 * json-glib turns half a character escaped ("\udfff") into bytes that
 * are not UTF-8.  vigia_json_doc_load() gives it none; whatever else may
 * come through becomes U+FFFD here, so that no text read from JSON is
 * invalid in the library or on screen.
 *
 * Returns: (transfer full): the node's string, valid UTF-8
 */
char *
vigia_json_doc_dup_string (JsonNode *node)
{
  return g_utf8_make_valid (json_node_get_string (node), -1);
}

/**
 * vigia_json_doc_get_text:
 * @text: (out) (transfer full): the text, %NULL for a missing or null member
 *   or one of only blanks
 *
 * Returns: %FALSE if the member is neither text nor null
 */
gboolean
vigia_json_doc_get_text (VigiaJsonDoc  *doc,
                         JsonObject    *object,
                         const char    *name,
                         char         **text,
                         GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *text = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                            _("“%s” should be text or null"), name);
      return FALSE;
    }
  *text = vigia_json_doc_dup_string (node);
  if (vigia_str_empty (*text))
    g_clear_pointer (text, g_free);
  return TRUE;
}

/**
 * vigia_json_doc_get_number:
 * @value: (out): the number, %VIGIA_NO_VALUE for a missing or null member
 */
gboolean
vigia_json_doc_get_number (VigiaJsonDoc  *doc,
                           JsonObject    *object,
                           const char    *name,
                           double        *value,
                           GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  *value = VIGIA_NO_VALUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                            _("“%s” should be a number or null"), name);
      return FALSE;
    }
  *value = json_node_get_double (node);
  if (!isfinite (*value))
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                            _("“%s” is not a finite number"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * vigia_json_doc_get_int:
 * @value: (out): the number, 0 for a missing or null member
 */
gboolean
vigia_json_doc_get_int (VigiaJsonDoc  *doc,
                        JsonObject    *object,
                        const char    *name,
                        gint64         min,
                        gint64         max,
                        gint64        *value,
                        GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);
  double d;

  *value = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    d = (double) json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    d = json_node_get_double (node);
  else
    d = NAN;

  if (isnan (d) || d != floor (d) || d < (double) min || d > (double) max)
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                            _("“%s” should be a whole number from %d to %d or null"),
                            name, (int) min, (int) max);
      return FALSE;
    }
  *value = (gint64) d;
  return TRUE;
}
