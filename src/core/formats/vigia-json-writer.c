/* vigia-json-writer.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand rather than through a JsonNode tree: a whole library is
 * streamed plan by plan without holding it in memory, with a fixed key order
 * so that two exports of the same library compare equal.
 */
#define G_LOG_DOMAIN "vigia-json-writer"

#include "config.h"

#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-json-writer.h"
#include "vigia-utils.h"

/* Flush to the stream once this much is buffered. */
#define FLUSH_SIZE (256 * 1024)

struct _VigiaJsonWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  GString       *buffer;
  guint          n_plans;
  char          *since;
};

G_DEFINE_FINAL_TYPE (VigiaJsonWriter, vigia_json_writer, G_TYPE_OBJECT)

/* A minimal pretty-printer: two spaces an indent, one member a line. */
typedef struct
{
  GString *out;
  guint    depth;
  /* Whether the container at each depth has a member yet; 64 is far deeper
   * than the format goes. */
  gboolean has_member[64];
  gboolean after_key;
  /* A package of changes: only what was edited after this time. */
  const char *since;
} Json;

static void
json_newline (Json *j)
{
  g_string_append_c (j->out, '\n');
  for (guint i = 0; i < j->depth; i++)
    g_string_append (j->out, "  ");
}

/* Separates a new member or element from the one before it. */
static void
json_member (Json *j)
{
  if (j->depth == 0)
    return;
  if (j->has_member[j->depth])
    g_string_append_c (j->out, ',');
  j->has_member[j->depth] = TRUE;
  json_newline (j);
}

/* Starts a value: right after its key, or as a new element of an array. */
static void
json_value_start (Json *j)
{
  if (j->after_key)
    {
      j->after_key = FALSE;
      return;
    }
  json_member (j);
}

static void
json_open (Json *j,
           char  bracket)
{
  json_value_start (j);
  g_string_append_c (j->out, bracket);
  j->depth++;
  g_assert (j->depth < G_N_ELEMENTS (j->has_member));
  j->has_member[j->depth] = FALSE;
}

static void
json_close (Json *j,
            char  bracket)
{
  gboolean had_members = j->has_member[j->depth];

  j->depth--;
  if (had_members)
    json_newline (j);
  g_string_append_c (j->out, bracket);
}

static void
json_escape (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_key (Json       *j,
          const char *key)
{
  json_member (j);
  json_escape (j->out, key);
  g_string_append (j->out, ": ");
  j->after_key = TRUE;
}

static void
json_string (Json       *j,
             const char *key,
             const char *value)
{
  if (key != NULL)
    json_key (j, key);
  json_value_start (j);

  if (value == NULL)
    {
      g_string_append (j->out, "null");
      return;
    }

  /* Texts come from the library, where they are valid UTF-8; anything else
   * is repaired rather than written as invalid JSON. */
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_escape (j->out, valid);
      return;
    }
  json_escape (j->out, value);
}

static void
json_number (Json       *j,
             const char *key,
             double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  json_key (j, key);
  json_value_start (j);
  if (!VIGIA_HAS_VALUE (value) || isinf (value))
    {
      g_string_append (j->out, "null");
      return;
    }

  /* "-0" reads back as the integer 0: a document written from one it
   * read must write out the same. */
  if (value == 0)
    value = 0;

  /* The shortest form that reads back as the same double: 0.1, not
   * 0.10000000000000001. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  g_string_append (j->out, buf);
}

static void
json_int (Json       *j,
          const char *key,
          gint64      value,
          gboolean    zero_is_null)
{
  json_key (j, key);
  json_value_start (j);
  if (zero_is_null && value == 0)
    g_string_append (j->out, "null");
  else
    g_string_append_printf (j->out, "%" G_GINT64_FORMAT, value);
}

static void
json_bool (Json       *j,
           const char *key,
           gboolean    value)
{
  json_key (j, key);
  json_value_start (j);
  g_string_append (j->out, value ? "true" : "false");
}

static void
json_enum (Json       *j,
           const char *key,
           GType       type,
           int         value)
{
  json_string (j, key, vigia_enum_to_nick (type, value));
}

static void
write_stamp (Json             *j,
             const VigiaStamp *stamp)
{
  json_string (j, "edited", stamp->edited);
  json_string (j, "edited_by", stamp->edited_by);
  json_string (j, "merged", stamp->merged);
}

/* In a package of changes, whether anything of these was edited after its
 * time. */
static gboolean
target_changed (VigiaTarget *target,
                const char  *since)
{
  GListModel *progress = vigia_target_get_progress (target);
  guint n = g_list_model_get_n_items (progress);

  if (vigia_stamp_after (vigia_target_get_stamp (target), since))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, i);

      if (vigia_stamp_after (vigia_progress_get_stamp (entry), since))
        return TRUE;
    }
  return FALSE;
}

static gboolean
goal_changed (VigiaGoal  *goal,
              const char *since)
{
  guint n = vigia_goal_get_n_targets (goal);

  if (vigia_stamp_after (vigia_goal_get_stamp (goal), since))
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (target_changed (vigia_goal_get_target (goal, i), since))
      return TRUE;
  return FALSE;
}

/**
 * vigia_json_writer_plan_changed:
 * @since: (nullable): a time, ISO 8601 in UTC
 *
 * Returns: whether anything of @plan was edited or deleted after @since
 *   (always, when @since is %NULL)
 */
gboolean
vigia_json_writer_plan_changed (VigiaPlan  *plan,
                                const char *since)
{
  GPtrArray *deletions = vigia_plan_get_deletions (plan);
  guint n = vigia_plan_get_n_dimensions (plan);

  if (vigia_stamp_after (vigia_plan_get_stamp (plan), since))
    return TRUE;
  for (guint i = 0; i < deletions->len; i++)
    if (vigia_stamp_compare (((VigiaDeletion *) g_ptr_array_index (deletions, i))->deleted, since) > 0)
      return TRUE;
  for (guint i = 0; i < n; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint k = 0; k < n_goals; k++)
        if (goal_changed (vigia_dimension_get_goal (dim, k), since))
          return TRUE;
    }
  return FALSE;
}

static void
write_progress (Json          *j,
                VigiaProgress *progress)
{
  const char * const *evidence = vigia_progress_get_evidence (progress);

  json_open (j, '{');
  json_string (j, "period", vigia_progress_get_period (progress));
  json_enum (j, "source", VIGIA_TYPE_SOURCE, vigia_progress_get_source (progress));
  json_number (j, "value", vigia_progress_get_value (progress));
  json_enum (j, "status", VIGIA_TYPE_STATUS, vigia_progress_get_status (progress));
  json_string (j, "note", vigia_progress_get_note (progress));
  json_key (j, "evidence");
  json_open (j, '[');
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    json_string (j, NULL, evidence[i]);
  json_close (j, ']');
  json_string (j, "recorded", vigia_progress_get_recorded (progress));
  write_stamp (j, vigia_progress_get_stamp (progress));
  json_close (j, '}');
}

static void
write_target (Json        *j,
              VigiaTarget *target,
              const char  *ref)
{
  GListModel *progress = vigia_target_get_progress (target);
  guint n = g_list_model_get_n_items (progress);

  json_open (j, '{');
  json_string (j, "uuid", vigia_target_get_uuid (target));
  if (ref != NULL)
    json_string (j, "ref", ref);
  if (!vigia_stamp_after (vigia_target_get_stamp (target), j->since))
    {
      /* Only its entries changed: the target is named, not sent. */
      json_bool (j, "unchanged", TRUE);
      goto progress;
    }
  json_string (j, "text", vigia_target_get_text (target));
  json_number (j, "value", vigia_target_get_value (target));
  json_string (j, "unit", vigia_target_get_unit (target));
  json_enum (j, "measure", VIGIA_TYPE_MEASURE, vigia_target_get_measure (target));
  json_enum (j, "direction", VIGIA_TYPE_DIRECTION, vigia_target_get_direction (target));
  json_enum (j, "reading", VIGIA_TYPE_READING, vigia_target_get_reading (target));

  json_key (j, "baseline");
  json_open (j, '{');
  json_number (j, "value", vigia_target_get_baseline_value (target));
  json_int (j, "year", vigia_target_get_baseline_year (target), TRUE);
  json_close (j, '}');

  json_number (j, "weight", vigia_target_get_weight (target));
  write_stamp (j, vigia_target_get_stamp (target));

progress:
  json_key (j, "progress");
  json_open (j, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, i);

      if (vigia_stamp_after (vigia_progress_get_stamp (entry), j->since))
        write_progress (j, entry);
    }
  json_close (j, ']');
  json_close (j, '}');
}

/* @ref: (nullable): the goal's reference in its library, "1:social:2"
 * (docs/exchange-format.md, "References"), or NULL outside one */
static void
write_goal (Json       *j,
            VigiaGoal  *goal,
            const char *ref)
{
  const char * const *cells = vigia_goal_get_source_cells (goal);
  guint n = vigia_goal_get_n_targets (goal);
  gboolean whole = vigia_stamp_after (vigia_goal_get_stamp (goal), j->since);

  json_open (j, '{');
  json_int (j, "id", vigia_goal_get_id (goal), TRUE);
  json_string (j, "uuid", vigia_goal_get_uuid (goal));
  if (ref != NULL)
    json_string (j, "ref", ref);
  if (!whole)
    {
      json_bool (j, "unchanged", TRUE);
      goto targets;
    }
  json_int (j, "number", vigia_goal_get_number (goal), FALSE);
  json_string (j, "problem", vigia_goal_get_problem (goal));
  json_string (j, "objective", vigia_goal_get_objective (goal));
  json_string (j, "indicator", vigia_goal_get_indicator (goal));
  json_number (j, "weight", vigia_goal_get_weight (goal));

  if (cells != NULL && g_strv_length ((char **) cells) == 4)
    {
      json_key (j, "as_written");
      json_open (j, '{');
      json_string (j, "problem", cells[0]);
      json_string (j, "objective", cells[1]);
      json_string (j, "indicator", cells[2]);
      json_string (j, "target", cells[3]);
      json_close (j, '}');
    }
  write_stamp (j, vigia_goal_get_stamp (goal));

targets:
  json_key (j, "targets");
  json_open (j, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *target_ref = ref != NULL ? g_strdup_printf ("%s.%u", ref, i + 1) : NULL;

      /* A goal sent whole names all its targets (a goal has at least one);
       * one only named holds those that changed. */
      if (whole || target_changed (vigia_goal_get_target (goal, i), j->since))
        write_target (j, vigia_goal_get_target (goal, i), target_ref);
    }
  json_close (j, ']');
  json_close (j, '}');
}

static void
write_plan (Json      *j,
            VigiaPlan *plan)
{
  guint n_dims = vigia_plan_get_n_dimensions (plan);
  GPtrArray *deletions = vigia_plan_get_deletions (plan);

  json_open (j, '{');
  json_int (j, "id", vigia_plan_get_id (plan), TRUE);
  json_string (j, "uuid", vigia_plan_get_uuid (plan));
  if (!vigia_stamp_after (vigia_plan_get_stamp (plan), j->since))
    {
      json_bool (j, "unchanged", TRUE);
      goto dimensions;
    }
  json_string (j, "organization", vigia_plan_get_organization (plan));
  json_enum (j, "election", VIGIA_TYPE_ELECTION, vigia_plan_get_election (plan));
  json_string (j, "process", vigia_plan_get_process (plan));

  json_key (j, "place");
  json_open (j, '{');
  json_string (j, "department", vigia_plan_get_department (plan));
  json_string (j, "province", vigia_plan_get_province (plan));
  json_string (j, "district", vigia_plan_get_district (plan));
  json_string (j, "ubigeo", vigia_plan_get_ubigeo (plan));
  json_close (j, '}');

  json_key (j, "term");
  json_open (j, '{');
  json_int (j, "start", vigia_plan_get_term_start (plan), TRUE);
  json_int (j, "end", vigia_plan_get_term_end (plan), TRUE);
  json_close (j, '}');

  json_string (j, "ideario", vigia_plan_get_ideario (plan));
  json_string (j, "vision", vigia_plan_get_vision (plan));
  json_string (j, "accountability", vigia_plan_get_accountability (plan));

  json_key (j, "authority");
  json_open (j, '{');
  json_string (j, "name", vigia_plan_get_authority_name (plan));
  json_bool (j, "elected", vigia_plan_get_authority_elected (plan));
  json_close (j, '}');

  json_key (j, "source");
  json_open (j, '{');
  json_string (j, "format", vigia_plan_get_source_format (plan));
  json_string (j, "reference", vigia_plan_get_source_reference (plan));
  json_string (j, "imported", vigia_plan_get_source_imported (plan));
  /* Lets a library that receives the plan recognise the summary it came from. */
  json_string (j, "digest", vigia_plan_get_source_digest (plan));
  json_close (j, '}');
  write_stamp (j, vigia_plan_get_stamp (plan));

dimensions:
  json_key (j, "deleted");
  json_open (j, '[');
  for (guint i = 0; i < deletions->len; i++)
    {
      VigiaDeletion *deletion = g_ptr_array_index (deletions, i);

      if (vigia_stamp_compare (deletion->deleted, j->since) <= 0 && j->since != NULL)
        continue;
      json_open (j, '{');
      json_string (j, "uuid", deletion->uuid);
      json_string (j, "goal", deletion->goal_uuid);
      json_string (j, "entity", deletion->entity);
      json_string (j, "deleted", deletion->deleted);
      json_string (j, "deleted_by", deletion->deleted_by);
      json_close (j, '}');
    }
  json_close (j, ']');

  json_key (j, "dimensions");
  json_open (j, '[');
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);
      g_autofree char *dim_ref = vigia_plan_get_id (plan) > 0 ? vigia_plan_dup_dimension_ref (plan, i) : NULL;

      json_open (j, '{');
      json_enum (j, "kind", VIGIA_TYPE_DIMENSION_KIND, vigia_dimension_get_kind (dim));
      json_string (j, "title", vigia_dimension_get_title (dim));
      json_key (j, "goals");
      json_open (j, '[');
      for (guint k = 0; k < n_goals; k++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, k);
          g_autofree char *ref = dim_ref != NULL ? g_strdup_printf ("%s:%u", dim_ref, vigia_goal_get_number (goal))
                                                 : NULL;

          if (goal_changed (goal, j->since))
            write_goal (j, goal, ref);
        }
      json_close (j, ']');
      json_close (j, '}');
    }
  json_close (j, ']');
  json_close (j, '}');
}

static void
vigia_json_writer_finalize (GObject *object)
{
  VigiaJsonWriter *self = (VigiaJsonWriter *)object;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->since, g_free);
  if (self->buffer != NULL)
    g_string_free (g_steal_pointer (&self->buffer), TRUE);

  G_OBJECT_CLASS (vigia_json_writer_parent_class)->finalize (object);
}

static void
vigia_json_writer_class_init (VigiaJsonWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_json_writer_finalize;
}

static void
vigia_json_writer_init (VigiaJsonWriter *self)
{
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
}

static gboolean
flush (VigiaJsonWriter  *self,
       gboolean          force,
       GCancellable     *cancellable,
       GError          **error)
{
  gboolean ok;

  if (self->buffer->len == 0 || (!force && self->buffer->len < FLUSH_SIZE))
    return TRUE;

  ok = g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, cancellable, error);
  g_string_truncate (self->buffer, 0);
  return ok;
}

/**
 * vigia_json_writer_new:
 * @stream: where the document goes
 *
 * Writes a document plan by plan: vigia_json_writer_begin(), then
 * vigia_json_writer_add_plan() for each plan, then vigia_json_writer_end().
 */
VigiaJsonWriter *
vigia_json_writer_new (GOutputStream *stream)
{
  VigiaJsonWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (VIGIA_TYPE_JSON_WRITER, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

/**
 * vigia_json_writer_set_since:
 * @since: (nullable): a time, ISO 8601 in UTC, or %NULL for everything
 *
 * Makes the document a package of changes: of each plan given, only what
 * was edited or deleted after @since; what is written only to hold what
 * changed is marked `"unchanged": true` (docs/exchange-format.md).  To be
 * called before vigia_json_writer_begin().
 */
void
vigia_json_writer_set_since (VigiaJsonWriter *self,
                             const char      *since)
{
  g_return_if_fail (VIGIA_IS_JSON_WRITER (self));

  g_free (self->since);
  self->since = g_strdup (since);
}

gboolean
vigia_json_writer_begin (VigiaJsonWriter  *self,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_return_val_if_fail (VIGIA_IS_JSON_WRITER (self), FALSE);

  g_string_append_printf (self->buffer, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n",
                          VIGIA_EXCHANGE_FORMAT, VIGIA_EXCHANGE_VERSION);
  if (self->since != NULL)
    g_string_append_printf (self->buffer, "  \"since\": \"%s\",\n", self->since);
  g_string_append (self->buffer, "  \"plans\": [");
  return flush (self, FALSE, cancellable, error);
}

gboolean
vigia_json_writer_add_plan (VigiaJsonWriter  *self,
                            VigiaPlan        *plan,
                            GCancellable     *cancellable,
                            GError          **error)
{
  Json j = { 0, };

  g_return_val_if_fail (VIGIA_IS_JSON_WRITER (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);

  /* Plans sit at depth 2 of the document: inside the object, inside "plans". */
  g_string_append (self->buffer, self->n_plans > 0 ? ",\n    " : "\n    ");
  j.out = self->buffer;
  j.depth = 2;
  j.after_key = TRUE;
  j.since = self->since;
  write_plan (&j, plan);
  self->n_plans++;

  return flush (self, FALSE, cancellable, error);
}

gboolean
vigia_json_writer_end (VigiaJsonWriter  *self,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_return_val_if_fail (VIGIA_IS_JSON_WRITER (self), FALSE);

  g_string_append (self->buffer, self->n_plans > 0 ? "\n  ]\n}\n" : "]\n}\n");
  if (!flush (self, TRUE, cancellable, error))
    return FALSE;
  return g_output_stream_flush (self->stream, cancellable, error);
}

/**
 * vigia_json_writer_write_plans:
 * @stream: where the document goes; it is flushed, not closed
 * @library: the library the plans are in
 * @ids: (nullable) (element-type gint64): the plans, in order, or %NULL for
 *   every plan of the library
 * @since: (nullable): only what changed after this time
 *   (vigia_json_writer_set_since()); plans with no such change are left out
 * @n_written: (out) (optional): how many plans were written, also when the
 *   document could not be finished
 *
 * Writes an exchange document holding plans of @library, as the
 * application's Export and `vigia-cli export --format json` write it.  The
 * plans are loaded one at a time: a whole library is never in memory.
 *
 * Returns: %TRUE, or %FALSE with @error
 */
gboolean
vigia_json_writer_write_plans (GOutputStream  *stream,
                               VigiaLibrary   *library,
                               GArray         *ids,
                               const char     *since,
                               guint          *n_written,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autoptr(VigiaJsonWriter) writer = NULL;
  g_autoptr(GArray) all = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;

  if (ids == NULL)
    {
      all = vigia_library_query_plan_ids (library, NULL, error);
      if (all == NULL)
        return FALSE;
      ids = all;
    }

  writer = vigia_json_writer_new (stream);
  vigia_json_writer_set_since (writer, since);
  if (!vigia_json_writer_begin (writer, cancellable, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, g_array_index (ids, gint64, i), error);

      if (plan == NULL)
        return FALSE;
      if (!vigia_json_writer_plan_changed (plan, since))
        continue;
      if (!vigia_json_writer_add_plan (writer, plan, cancellable, error))
        return FALSE;
      if (n_written != NULL)
        (*n_written)++;
    }
  return vigia_json_writer_end (writer, cancellable, error);
}

/**
 * vigia_json_writer_plan_to_string:
 *
 * Returns: (transfer full): an exchange document holding @plan
 */
char *
vigia_json_writer_plan_to_string (VigiaPlan *plan)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(VigiaJsonWriter) writer = vigia_json_writer_new (stream);
  gboolean ok;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);

  /* Writing to memory cannot fail. */
  ok = vigia_json_writer_begin (writer, NULL, NULL) &&
       vigia_json_writer_add_plan (writer, plan, NULL, NULL) &&
       vigia_json_writer_end (writer, NULL, NULL) &&
       g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL) &&
       g_output_stream_close (stream, NULL, NULL);
  g_assert (ok);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/**
 * vigia_json_writer_goal_to_string:
 *
 * Returns: (transfer full): @goal as the exchange format writes a goal, for
 *   the history of a deleted goal
 */
char *
vigia_json_writer_goal_to_string (VigiaGoal *goal)
{
  Json j = { 0, };

  g_return_val_if_fail (VIGIA_IS_GOAL (goal), NULL);

  j.out = g_string_new (NULL);
  write_goal (&j, goal, NULL);
  return g_string_free (j.out, FALSE);
}
