/* vigia-json-reader.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reverse of vigia-json-writer.c, checked member by member against
 * data/vigia-plans.schema.json: a document that does not fit is refused
 * with the line of the first member that does not, and nothing of it is
 * used.  Ids are the writing library's and are ignored; uuids are kept, so
 * that importing a document again updates its plans.
 */
#define G_LOG_DOMAIN "vigia-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-file-type.h"
#include "vigia-json-doc.h"
#include "vigia-json-reader.h"
#include "vigia-json-stream.h"
#include "vigia-json-writer.h"
#include "vigia-parse.h"
#include "vigia-utils.h"

/* The most one plan of a document may take: far above any real plan (a few
 * hundred kB), and below what would need gigabytes to parse. */
#define MAX_PLAN_BYTES (64 * 1024 * 1024)

typedef struct
{
  VigiaJsonDoc *doc;
  /* The document's version of the format: 1 had one target a goal. */
  int           version;
  /* uuid → line, to refuse a uuid given twice */
  GHashTable   *uuids;
  /* Those the plan being read added, to take back if it is read again */
  GPtrArray    *added;
  /* When the document was read: what a document of before version 3, which
   * says nothing of when its items were edited, is taken as
   * (docs/exchange-format.md, "Versions"). */
  char         *now;
} Reader;

static gboolean
read_enum (Reader      *r,
           JsonObject  *object,
           const char  *name,
           GType        type,
           gboolean     required,
           int         *value,
           GError     **error)
{
  g_autofree char *nick = NULL;
  JsonNode *node = json_object_get_member (object, name);

  if (!vigia_json_doc_get_text (r->doc, object, name, &nick, error))
    return FALSE;
  if (nick == NULL)
    {
      if (!required)
        return TRUE;
      vigia_json_doc_error (r->doc, error,
                            node != NULL ? vigia_json_doc_node_line (r->doc, node)
                                         : vigia_json_doc_object_line (r->doc, object),
                            _("the member “%s” is missing"), name);
      return FALSE;
    }
  if (!vigia_enum_from_nick (type, nick, value))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (allowed, "%s“%s”", i > 0 ? ", " : "", klass->values[i].value_nick);
      vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, node),
                            _("“%s” is “%s”, which is none of %s"), name, nick, allowed->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_uuid (Reader      *r,
           JsonObject  *object,
           char       **uuid,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "uuid");
  guint line;

  if (!vigia_json_doc_get_text (r->doc, object, "uuid", uuid, error))
    return FALSE;
  if (*uuid == NULL)
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_object_line (r->doc, object),
                            _("the member “%s” is missing"), "uuid");
      return FALSE;
    }
  line = vigia_json_doc_node_line (r->doc, node);
  if (!g_uuid_string_is_valid (*uuid))
    {
      vigia_json_doc_error (r->doc, error, line, _("“%s” is not a uuid"), *uuid);
      return FALSE;
    }
  if (g_hash_table_contains (r->uuids, *uuid))
    {
      vigia_json_doc_error (r->doc, error, line, _("the uuid %s was already given on line %u"),
                            *uuid, GPOINTER_TO_UINT (g_hash_table_lookup (r->uuids, *uuid)));
      return FALSE;
    }
  g_hash_table_insert (r->uuids, g_strdup (*uuid), GUINT_TO_POINTER (line));
  g_ptr_array_add (r->added, g_strdup (*uuid));
  return TRUE;
}

static gboolean
read_time (Reader      *r,
           JsonObject  *object,
           const char  *name,
           char       **time,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  *time = NULL;
  if (!vigia_json_doc_get_text (r->doc, object, name, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  *time = vigia_stamp_parse_time (text, &local_error);
  if (*time == NULL)
    {
      vigia_json_doc_error (r->doc, error,
                            vigia_json_doc_node_line (r->doc, json_object_get_member (object, name)),
                            _("“%s” should be a time such as “2026-11-25T10:00:00Z”"), name);
      return FALSE;
    }
  return TRUE;
}

/* When the item was edited, by whom, and what it merged (version 3). */
static gboolean
read_stamp (Reader      *r,
            JsonObject  *object,
            VigiaStamp  *stamp,
            GError     **error)
{
  g_autofree char *edited = NULL;
  g_autofree char *edited_by = NULL;
  g_autofree char *merged = NULL;

  if (r->version < 3)
    {
      vigia_stamp_set (stamp, r->now, NULL, NULL);
      return TRUE;
    }
  if (!read_time (r, object, "edited", &edited, error) ||
      !vigia_json_doc_get_text (r->doc, object, "edited_by", &edited_by, error) ||
      !read_time (r, object, "merged", &merged, error))
    return FALSE;
  vigia_stamp_set (stamp, edited, edited_by, merged);
  return TRUE;
}

/* Whether the object only names an item of a package of changes, to hold
 * what changed in it: `"unchanged": true`. */
static gboolean
read_unchanged (Reader      *r,
                JsonObject  *object,
                gboolean    *unchanged,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, "unchanged");

  *unchanged = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || r->version < 3)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, node),
                            _("“%s” should be true or false"), "unchanged");
      return FALSE;
    }
  *unchanged = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
is_period (const char *text)
{
  return text != NULL && strlen (text) == 7 &&
         g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
         g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]) &&
         text[4] == '-' && text[5] == 'S' && (text[6] == '1' || text[6] == '2');
}

static gboolean
read_progress (Reader       *r,
               JsonNode     *node,
               VigiaTarget  *target,
               GError      **error)
{
  g_autoptr(VigiaProgress) progress = NULL;
  g_autoptr(GStrvBuilder) evidence = g_strv_builder_new ();
  g_auto(GStrv) evidence_strv = NULL;
  g_autofree char *period = NULL;
  g_autofree char *note = NULL;
  g_autofree char *recorded = NULL;
  JsonObject *object;
  JsonArray *links;
  double value;
  int source = VIGIA_SOURCE_AUTHORITY;
  int status = VIGIA_STATUS_NOT_RATED;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, node),
                            _("a progress entry should be an object { … }"));
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!vigia_json_doc_get_text (r->doc, object, "period", &period, error) ||
      !read_enum (r, object, "source", VIGIA_TYPE_SOURCE, TRUE, &source, error) ||
      !vigia_json_doc_get_number (r->doc, object, "value", &value, error) ||
      !read_enum (r, object, "status", VIGIA_TYPE_STATUS, TRUE, &status, error) ||
      !vigia_json_doc_get_text (r->doc, object, "note", &note, error) ||
      !vigia_json_doc_get_array (r->doc, object, "evidence", FALSE, &links, error) ||
      !vigia_json_doc_get_text (r->doc, object, "recorded", &recorded, error))
    return FALSE;

  if (!is_period (period))
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_object_line (r->doc, object),
                            _("“period” should be a semester such as “2027-S1”"));
      return FALSE;
    }
  if (vigia_target_find_progress (target, period, source) != NULL)
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_object_line (r->doc, object),
                            _("the target has two entries for %s from the same source"), period);
      return FALSE;
    }

  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonNode *link = json_array_get_element (links, i);
      g_autofree char *text = NULL;

      if (json_node_get_value_type (link) != G_TYPE_STRING)
        {
          vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, link),
                                _("“evidence” should be a list of texts"));
          return FALSE;
        }
      text = vigia_json_doc_dup_string (link);
      g_strv_builder_add (evidence, text);
    }
  evidence_strv = g_strv_builder_end (evidence);

  progress = vigia_progress_new (period, source);
  vigia_progress_set_value (progress, value);
  vigia_progress_set_status (progress, status);
  vigia_progress_set_note (progress, note);
  vigia_progress_set_evidence (progress, evidence_strv[0] != NULL ? (const char * const *) evidence_strv : NULL);
  vigia_progress_set_recorded (progress, recorded);
  if (!read_stamp (r, object, vigia_progress_get_stamp (progress), error))
    return FALSE;
  vigia_target_put_progress (target, progress);
  return TRUE;
}

/* The reading of a target, from @target_object, and its baseline, weight
 * and progress, from @object: the same object in version 2, the goal's in
 * version 1. */
static gboolean
read_target_fields (Reader       *r,
                    JsonObject   *target_object,
                    JsonObject   *object,
                    VigiaTarget  *target,
                    gboolean      with_weight,
                    GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *unit = NULL;
  JsonObject *baseline;
  JsonArray *progress;
  gint64 year = 0;
  double value;
  double base = VIGIA_NO_VALUE;
  double weight = VIGIA_NO_VALUE;
  int measure = VIGIA_MEASURE_QUALITATIVE;
  int direction = VIGIA_DIRECTION_UP;
  int reading = VIGIA_READING_NEEDS_REVIEW;

  if (!vigia_json_doc_get_text (r->doc, target_object, "text", &text, error) ||
      !vigia_json_doc_get_number (r->doc, target_object, "value", &value, error) ||
      !vigia_json_doc_get_text (r->doc, target_object, "unit", &unit, error) ||
      !read_enum (r, target_object, "measure", VIGIA_TYPE_MEASURE, TRUE, &measure, error) ||
      !read_enum (r, target_object, "direction", VIGIA_TYPE_DIRECTION, TRUE, &direction, error) ||
      !read_enum (r, target_object, "reading", VIGIA_TYPE_READING, TRUE, &reading, error) ||
      !vigia_json_doc_get_object (r->doc, object, "baseline", FALSE, &baseline, error) ||
      (with_weight && !vigia_json_doc_get_number (r->doc, object, "weight", &weight, error)) ||
      !vigia_json_doc_get_array (r->doc, object, "progress", FALSE, &progress, error))
    return FALSE;

  if (baseline != NULL &&
      (!vigia_json_doc_get_number (r->doc, baseline, "value", &base, error) ||
       !vigia_json_doc_get_int (r->doc, baseline, "year", 1900, 2200, &year, error)))
    return FALSE;

  if (VIGIA_HAS_VALUE (weight) && weight < 0)
    {
      vigia_json_doc_error (r->doc, error,
                            vigia_json_doc_node_line (r->doc, json_object_get_member (object, "weight")),
                            _("“weight” cannot be negative"));
      return FALSE;
    }

  vigia_target_set_text (target, text);
  vigia_target_set_value (target, value);
  vigia_target_set_unit (target, unit);
  vigia_target_set_measure (target, measure);
  vigia_target_set_direction (target, direction);
  vigia_target_set_reading (target, reading);
  vigia_target_set_baseline_value (target, base);
  vigia_target_set_baseline_year (target, (int) year);
  vigia_target_set_weight (target, VIGIA_HAS_VALUE (weight) ? weight : 1.0);

  for (guint i = 0; progress != NULL && i < json_array_get_length (progress); i++)
    if (!read_progress (r, json_array_get_element (progress, i), target, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_target (Reader      *r,
             JsonNode    *node,
             GPtrArray   *targets,
             GError     **error)
{
  g_autoptr(VigiaTarget) target = vigia_target_new ();
  g_autofree char *uuid = NULL;
  JsonObject *object;
  gboolean unchanged;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, node),
                            _("a target should be an object { … }"));
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!read_uuid (r, object, &uuid, error) ||
      !read_unchanged (r, object, &unchanged, error))
    return FALSE;
  if (unchanged)
    {
      JsonArray *progress;

      vigia_target_get_stamp (target)->reference = TRUE;
      if (!vigia_json_doc_get_array (r->doc, object, "progress", FALSE, &progress, error))
        return FALSE;
      for (guint i = 0; progress != NULL && i < json_array_get_length (progress); i++)
        if (!read_progress (r, json_array_get_element (progress, i), target, error))
          return FALSE;
    }
  else if (!read_target_fields (r, object, object, target, TRUE, error) ||
           !read_stamp (r, object, vigia_target_get_stamp (target), error))
    return FALSE;

  vigia_target_set_uuid (target, uuid);
  g_ptr_array_add (targets, g_steal_pointer (&target));
  return TRUE;
}

static gboolean
read_goal (Reader          *r,
           JsonNode        *node,
           VigiaDimension  *dimension,
           GError         **error)
{
  g_autoptr(VigiaGoal) goal = vigia_goal_new ();
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *uuid = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *indicator = NULL;
  JsonObject *object;
  gint64 number = 0;
  double weight = VIGIA_NO_VALUE;
  gboolean unchanged;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, node),
                            _("a goal should be an object { … }"));
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!read_uuid (r, object, &uuid, error) ||
      !read_unchanged (r, object, &unchanged, error))
    return FALSE;
  if (unchanged)
    vigia_goal_get_stamp (goal)->reference = TRUE;
  else if (!read_stamp (r, object, vigia_goal_get_stamp (goal), error) ||
           !vigia_json_doc_get_int (r->doc, object, "number", 0, G_MAXINT32, &number, error) ||
           !vigia_json_doc_get_text (r->doc, object, "problem", &problem, error) ||
           !vigia_json_doc_get_text (r->doc, object, "objective", &objective, error) ||
           !vigia_json_doc_get_text (r->doc, object, "indicator", &indicator, error) ||
           !vigia_json_doc_get_number (r->doc, object, "weight", &weight, error))
    return FALSE;

  if (VIGIA_HAS_VALUE (weight) && weight < 0)
    {
      vigia_json_doc_error (r->doc, error,
                            vigia_json_doc_node_line (r->doc, json_object_get_member (object, "weight")),
                            _("“weight” cannot be negative"));
      return FALSE;
    }

  if (r->version >= 2)
    {
      JsonObject *written = NULL;
      JsonArray *list;

      if ((!unchanged && !vigia_json_doc_get_object (r->doc, object, "as_written", FALSE, &written, error)) ||
          !vigia_json_doc_get_array (r->doc, object, "targets", TRUE, &list, error))
        return FALSE;
      if (written != NULL)
        {
          static const char * const names[] = { "problem", "objective", "indicator", "target" };
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) cells = NULL;

          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            {
              g_autofree char *cell = NULL;

              if (!vigia_json_doc_get_text (r->doc, written, names[i], &cell, error))
                return FALSE;
              g_strv_builder_add (builder, cell != NULL ? cell : "");
            }
          cells = g_strv_builder_end (builder);
          vigia_goal_set_source_cells (goal, (const char * const *) cells);
        }
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        if (!read_target (r, json_array_get_element (list, i), targets, error))
          return FALSE;
      if (targets->len == 0)
        {
          vigia_json_doc_error (r->doc, error,
                                vigia_json_doc_node_line (r->doc, json_object_get_member (object, "targets")),
                                _("a goal has at least one target"));
          return FALSE;
        }
    }
  else
    {
      /* Version 1: the goal's one target, named after the goal as a
       * library upgraded to targets names it. */
      g_autoptr(VigiaTarget) target = vigia_target_new ();
      g_autofree char *target_uuid = vigia_uuid_derive (uuid, "target");
      JsonObject *reading;

      if (!vigia_json_doc_get_object (r->doc, object, "target", TRUE, &reading, error))
        return FALSE;
      if (reading == NULL)
        {
          vigia_json_doc_error (r->doc, error, vigia_json_doc_object_line (r->doc, object),
                                _("“target” should be an object { … }"));
          return FALSE;
        }
      if (!read_target_fields (r, reading, object, target, FALSE, error))
        return FALSE;
      vigia_target_set_uuid (target, target_uuid);
      g_ptr_array_add (targets, g_steal_pointer (&target));
    }

  vigia_goal_set_uuid (goal, uuid);
  vigia_goal_set_number (goal, number > 0 ? (guint) number : vigia_dimension_get_n_goals (dimension) + 1);
  vigia_goal_set_problem (goal, problem);
  vigia_goal_set_objective (goal, objective);
  vigia_goal_set_indicator (goal, indicator);
  vigia_goal_set_weight (goal, VIGIA_HAS_VALUE (weight) ? weight : 1.0);
  vigia_goal_set_targets (goal, targets);

  vigia_dimension_append_goal (dimension, goal);
  return TRUE;
}

static gboolean
read_dimension (Reader     *r,
                JsonNode   *node,
                VigiaPlan  *plan,
                GError    **error)
{
  g_autoptr(VigiaDimension) dim = NULL;
  g_autofree char *title = NULL;
  JsonObject *object;
  JsonArray *goals;
  int kind = VIGIA_DIMENSION_KIND_OTHER;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, node),
                            _("a dimension should be an object { “kind”, “title”, “goals” }"));
      return FALSE;
    }
  object = json_node_get_object (node);
  if (!read_enum (r, object, "kind", VIGIA_TYPE_DIMENSION_KIND, TRUE, &kind, error) ||
      !vigia_json_doc_get_text (r->doc, object, "title", &title, error) ||
      !vigia_json_doc_get_array (r->doc, object, "goals", TRUE, &goals, error))
    return FALSE;

  dim = vigia_dimension_new (kind, title);
  for (guint i = 0; goals != NULL && i < json_array_get_length (goals); i++)
    if (!read_goal (r, json_array_get_element (goals, i), dim, error))
      return FALSE;
  vigia_plan_append_dimension (plan, dim);
  return TRUE;
}

/* The goals and targets deleted from the plan (version 3). */
static gboolean
read_deletions (Reader      *r,
                JsonArray   *list,
                VigiaPlan   *plan,
                GError     **error)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *object;
      g_autofree char *uuid = NULL;
      g_autofree char *goal = NULL;
      g_autofree char *entity = NULL;
      g_autofree char *deleted = NULL;
      g_autofree char *deleted_by = NULL;
      guint line = vigia_json_doc_node_line (r->doc, node);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          vigia_json_doc_error (r->doc, error, line, _("a deletion should be an object { … }"));
          return FALSE;
        }
      object = json_node_get_object (node);
      if (!vigia_json_doc_get_text (r->doc, object, "uuid", &uuid, error) ||
          !vigia_json_doc_get_text (r->doc, object, "goal", &goal, error) ||
          !vigia_json_doc_get_text (r->doc, object, "entity", &entity, error) ||
          !read_time (r, object, "deleted", &deleted, error) ||
          !vigia_json_doc_get_text (r->doc, object, "deleted_by", &deleted_by, error))
        return FALSE;
      if (uuid == NULL)
        {
          vigia_json_doc_error (r->doc, error, line, _("the member “%s” is missing"), "uuid");
          return FALSE;
        }
      if (!g_uuid_string_is_valid (uuid) || (goal != NULL && !g_uuid_string_is_valid (goal)))
        {
          vigia_json_doc_error (r->doc, error, line, _("“%s” is not a uuid"),
                                g_uuid_string_is_valid (uuid) ? goal : uuid);
          return FALSE;
        }
      if (g_strcmp0 (entity, "goal") != 0 && g_strcmp0 (entity, "target") != 0)
        {
          vigia_json_doc_error (r->doc, error, line, _("“entity” should be “goal” or “target”"));
          return FALSE;
        }
      if (deleted == NULL)
        {
          vigia_json_doc_error (r->doc, error, line, _("the member “%s” is missing"), "deleted");
          return FALSE;
        }
      g_ptr_array_add (vigia_plan_get_deletions (plan), vigia_deletion_new (uuid, goal, entity, deleted, deleted_by));
    }
  return TRUE;
}

static gboolean
read_plan (Reader      *r,
           JsonNode    *node,
           GPtrArray   *plans,
           GError     **error)
{
  g_autoptr(VigiaPlan) plan = vigia_plan_new ();
  g_autofree char *uuid = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *process = NULL;
  g_autofree char *department = NULL;
  g_autofree char *province = NULL;
  g_autofree char *district = NULL;
  g_autofree char *ubigeo = NULL;
  g_autofree char *ideario = NULL;
  g_autofree char *vision = NULL;
  g_autofree char *accountability = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *source_format = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *digest = NULL;
  JsonObject *object;
  JsonObject *place = NULL;
  JsonObject *term = NULL;
  JsonObject *authority_object = NULL;
  JsonObject *source = NULL;
  JsonArray *dimensions;
  JsonArray *deleted = NULL;
  gint64 start = 0, end = 0;
  gboolean elected = FALSE;
  gboolean unchanged;
  int election = VIGIA_ELECTION_MUNICIPAL_DISTRICT;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, node),
                            _("a plan should be an object { … }"));
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!read_uuid (r, object, &uuid, error) ||
      !read_unchanged (r, object, &unchanged, error) ||
      (r->version >= 3 && !vigia_json_doc_get_array (r->doc, object, "deleted", FALSE, &deleted, error)) ||
      !read_deletions (r, deleted, plan, error))
    return FALSE;
  if (unchanged)
    {
      vigia_plan_set_uuid (plan, uuid);
      vigia_plan_set_organization (plan, "");
      vigia_plan_get_stamp (plan)->reference = TRUE;
      goto dimensions;
    }

  if (!read_stamp (r, object, vigia_plan_get_stamp (plan), error) ||
      !vigia_json_doc_get_text (r->doc, object, "organization", &organization, error) ||
      !read_enum (r, object, "election", VIGIA_TYPE_ELECTION, TRUE, &election, error) ||
      !vigia_json_doc_get_text (r->doc, object, "process", &process, error) ||
      !vigia_json_doc_get_object (r->doc, object, "place", FALSE, &place, error) ||
      !vigia_json_doc_get_object (r->doc, object, "term", FALSE, &term, error) ||
      !vigia_json_doc_get_text (r->doc, object, "ideario", &ideario, error) ||
      !vigia_json_doc_get_text (r->doc, object, "vision", &vision, error) ||
      !vigia_json_doc_get_text (r->doc, object, "accountability", &accountability, error) ||
      !vigia_json_doc_get_object (r->doc, object, "authority", FALSE, &authority_object, error) ||
      !vigia_json_doc_get_object (r->doc, object, "source", FALSE, &source, error))
    return FALSE;

  if (place != NULL &&
      (!vigia_json_doc_get_text (r->doc, place, "department", &department, error) ||
       !vigia_json_doc_get_text (r->doc, place, "province", &province, error) ||
       !vigia_json_doc_get_text (r->doc, place, "district", &district, error) ||
       !vigia_json_doc_get_text (r->doc, place, "ubigeo", &ubigeo, error)))
    return FALSE;
  if (term != NULL &&
      (!vigia_json_doc_get_int (r->doc, term, "start", 1900, 2200, &start, error) ||
       !vigia_json_doc_get_int (r->doc, term, "end", 1900, 2200, &end, error)))
    return FALSE;
  if (start > 0 && end > 0 && end < start)
    {
      vigia_json_doc_error (r->doc, error, vigia_json_doc_object_line (r->doc, term),
                            _("the term ends (%d) before it starts (%d)"), (int) end, (int) start);
      return FALSE;
    }
  if (authority_object != NULL)
    {
      JsonNode *flag = json_object_get_member (authority_object, "elected");

      if (!vigia_json_doc_get_text (r->doc, authority_object, "name", &authority, error))
        return FALSE;
      if (flag != NULL && !JSON_NODE_HOLDS_NULL (flag))
        {
          if (json_node_get_value_type (flag) != G_TYPE_BOOLEAN)
            {
              vigia_json_doc_error (r->doc, error, vigia_json_doc_node_line (r->doc, flag),
                                    _("“elected” should be true or false"));
              return FALSE;
            }
          elected = json_node_get_boolean (flag);
        }
    }
  if (source != NULL &&
      (!vigia_json_doc_get_text (r->doc, source, "format", &source_format, error) ||
       !vigia_json_doc_get_text (r->doc, source, "reference", &reference, error) ||
       !vigia_json_doc_get_text (r->doc, source, "imported", &imported, error) ||
       !vigia_json_doc_get_text (r->doc, source, "digest", &digest, error)))
    return FALSE;

  vigia_plan_set_uuid (plan, uuid);
  vigia_plan_set_organization (plan, organization != NULL ? organization : "");
  vigia_plan_set_election (plan, election);
  vigia_plan_set_process (plan, process);
  vigia_plan_set_department (plan, department);
  vigia_plan_set_province (plan, province);
  vigia_plan_set_district (plan, district);
  vigia_plan_set_ubigeo (plan, ubigeo);
  vigia_plan_set_term_start (plan, (int) start);
  vigia_plan_set_term_end (plan, (int) end);
  vigia_plan_set_ideario (plan, ideario);
  vigia_plan_set_vision (plan, vision);
  vigia_plan_set_accountability (plan, accountability);
  vigia_plan_set_authority_name (plan, authority);
  vigia_plan_set_authority_elected (plan, elected);
  vigia_plan_set_source_format (plan, source_format);
  vigia_plan_set_source_reference (plan, reference);
  vigia_plan_set_source_imported (plan, imported);
  vigia_plan_set_source_digest (plan, digest);

dimensions:
  if (!vigia_json_doc_get_array (r->doc, object, "dimensions", TRUE, &dimensions, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (dimensions); i++)
    if (!read_dimension (r, json_array_get_element (dimensions, i), plan, error))
      return FALSE;

  g_ptr_array_add (plans, g_steal_pointer (&plan));
  return TRUE;
}

/* What one plan, given as the bytes of its JSON, reads as: parsed without
 * the line of every value, and again with them only to say where it is
 * wrong. */
static VigiaPlan *
read_plan_bytes (Reader      *r,
                 GBytes      *bytes,
                 guint        line,
                 const char  *name,
                 GError     **error)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) first_error = NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(VigiaJsonDoc) doc = vigia_json_doc_load_at (data, length, name, line, pass == 1, error);
      gboolean ok;

      if (doc == NULL)
        return NULL;
      r->doc = doc;
      g_ptr_array_set_size (r->added, 0);
      /* The uuids of a plan refused the first time are given again. */
      ok = read_plan (r, vigia_json_doc_get_root (doc), plans, pass == 0 ? &first_error : error);
      r->doc = NULL;
      if (ok)
        return g_object_ref (g_ptr_array_index (plans, 0));
      for (guint i = 0; pass == 0 && i < r->added->len; i++)
        g_hash_table_remove (r->uuids, g_ptr_array_index (r->added, i));
    }
  return NULL;
}

/* A member of the document's own object (format, version), checked as the
 * members of a plan are: the value is read as the only member of an object. */
static VigiaJsonDoc *
load_member (VigiaJsonStream  *stream,
             const char       *key,
             const char       *name,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GBytes) value = NULL;
  g_autoptr(GString) object = g_string_new (NULL);
  guint line = 0;

  value = vigia_json_stream_read_value (stream, &line, cancellable, error);
  if (value == NULL)
    return NULL;
  g_string_append_printf (object, "{\"%s\": ", key);
  g_string_append_len (object, g_bytes_get_data (value, NULL), g_bytes_get_size (value));
  g_string_append_c (object, '}');
  return vigia_json_doc_load_at ((const guint8 *) object->str, object->len, name, line, TRUE, error);
}

/**
 * vigia_json_read_stream:
 * @name: the file as the user knows it, for errors
 * @func: called with each plan as it is read, in order; it may keep it
 *
 * Reads an exchange document from @input one plan at a time: however large
 * the document, only one plan is in memory at once (with the uuids seen, to
 * refuse one given twice).  The document must give `format` and `version`
 * before `plans`, as Vigía writes them.
 *
 * Returns: %FALSE with a %VIGIA_ERROR_PARSE error "FILE: line N: reason",
 *   or @func's error, at the first problem; the plans before it were given
 *   to @func
 */
gboolean
vigia_json_read_stream (GInputStream       *input,
                        const char         *name,
                        VigiaJsonPlanFunc   func,
                        gpointer            user_data,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(VigiaJsonStream) stream = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = vigia_stamp_now ();
  gboolean seen_format = FALSE;
  gboolean seen_plans = FALSE;
  Reader r = { NULL, 0, uuids, added, now };

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stream = vigia_json_stream_new (input, name, MAX_PLAN_BYTES);
  if (!vigia_json_stream_begin (stream, cancellable, error))
    return FALSE;

  for (;;)
    {
      g_autofree char *key = NULL;

      if (!vigia_json_stream_next_member (stream, &key, cancellable, error))
        return FALSE;
      if (key == NULL)
        break;

      if (g_strcmp0 (key, "format") == 0 || g_strcmp0 (key, "version") == 0)
        {
          gboolean is_format = key[0] == 'f';
          g_autoptr(VigiaJsonDoc) doc = NULL;
          g_autofree char *format = NULL;
          JsonObject *member;
          gint64 version = 0;

          if (is_format ? seen_format : r.version > 0)
            {
              vigia_set_parse_error (error, name, vigia_json_stream_get_line (stream),
                                     _("“%s” is given twice in the same object: which one is meant cannot be told"),
                                     key);
              return FALSE;
            }
          doc = load_member (stream, key, name, cancellable, error);
          if (doc == NULL)
            return FALSE;
          member = json_node_get_object (vigia_json_doc_get_root (doc));
          if (is_format)
            {
              if (!vigia_json_doc_get_text (doc, member, "format", &format, error))
                return FALSE;
              if (g_strcmp0 (format, VIGIA_EXCHANGE_FORMAT) != 0)
                {
                  vigia_json_doc_error (doc, error, vigia_json_doc_object_line (doc, member),
                                        _("“format” should be “%s”"), VIGIA_EXCHANGE_FORMAT);
                  return FALSE;
                }
              seen_format = TRUE;
              continue;
            }
          if (!vigia_json_doc_get_int (doc, member, "version", 1, G_MAXINT32, &version, error))
            return FALSE;
          if (version == 0)
            {
              vigia_json_doc_error (doc, error, vigia_json_doc_object_line (doc, member),
                                    _("the member “%s” is missing"), "version");
              return FALSE;
            }
          if (version > VIGIA_EXCHANGE_VERSION)
            {
              vigia_json_doc_error (doc, error, vigia_json_doc_object_line (doc, member),
                                    _("the document is version %d of the format, written by a newer "
                                      "Vigía; this one reads version %d: update Vigía to import it"),
                                    (int) version, VIGIA_EXCHANGE_VERSION);
              return FALSE;
            }
          r.version = (int) version;
        }
      else if (g_strcmp0 (key, "plans") == 0)
        {
          if (seen_plans)
            {
              vigia_set_parse_error (error, name, vigia_json_stream_get_line (stream),
                                     _("“%s” is given twice in the same object: which one is meant cannot be told"),
                                     key);
              return FALSE;
            }
          if (!seen_format || r.version == 0)
            {
              vigia_set_parse_error (error, name, vigia_json_stream_get_line (stream),
                                     _("“format” and “version” should come before “plans”, as Vigía writes them"));
              return FALSE;
            }
          seen_plans = TRUE;
          if (!vigia_json_stream_begin_array (stream, cancellable, error))
            return FALSE;
          for (;;)
            {
              g_autoptr(GBytes) element = NULL;
              g_autoptr(VigiaPlan) plan = NULL;
              guint line = 0;

              if (!vigia_json_stream_next_element (stream, &element, &line, cancellable, error))
                return FALSE;
              if (element == NULL)
                break;
              plan = read_plan_bytes (&r, element, line, name, error);
              if (plan == NULL || !func (plan, user_data, error))
                return FALSE;
            }
        }
      else
        {
          /* Not used, but it must be JSON: a document that is not is refused. */
          g_autoptr(VigiaJsonDoc) doc = load_member (stream, key, name, cancellable, error);

          if (doc == NULL)
            return FALSE;
        }
    }

  if (!seen_format)
    {
      vigia_set_parse_error (error, name, 1, _("the member “%s” is missing"), "format");
      return FALSE;
    }
  if (!seen_plans)
    {
      vigia_set_parse_error (error, name, 1, _("the member “%s” is missing"), "plans");
      return FALSE;
    }
  return vigia_json_stream_end (stream, cancellable, error);
}

static gboolean
collect_plan (VigiaPlan  *plan,
              gpointer    user_data,
              GError    **error)
{
  g_ptr_array_add (user_data, g_object_ref (plan));
  return TRUE;
}

/**
 * vigia_json_read:
 * @name: the file as the user knows it, for errors
 *
 * Reads a whole exchange document held in memory; see
 * vigia_json_read_stream() to read one plan at a time.
 *
 * Returns: (transfer full) (element-type VigiaPlan): the plans of an
 *   exchange document, or %NULL with a %VIGIA_ERROR_PARSE error
 *   "FILE: line N: reason"
 */
GPtrArray *
vigia_json_read (const guint8  *data,
                 gsize          length,
                 const char    *name,
                 GError       **error)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (data, length, NULL);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (name != NULL, NULL);

  if (!vigia_json_read_stream (input, name, collect_plan, plans, NULL, error))
    return NULL;
  return g_steal_pointer (&plans);
}
