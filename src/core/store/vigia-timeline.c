/* vigia-timeline.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history table records changes as the library wrote them: property
 * names, C-locale numbers, enum nicks.  The timeline says them in words and
 * in the reader's locale, for the goal detail and its report.
 */
#define G_LOG_DOMAIN "vigia-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-number.h"
#include "vigia-period.h"
#include "vigia-timeline.h"
#include "vigia-utils.h"

/* Longer texts are cut in the timeline; the history keeps them whole. */
#define MAX_TEXT_CHARS 60

typedef enum {
  KIND_TEXT,
  KIND_NUMBER,
  KIND_YEAR,
  KIND_ENUM,
  KIND_DATE,
  /* Too long or too many to show: say that it changed. */
  KIND_OPAQUE,
} FieldKind;

typedef struct
{
  const char *name;
  const char *label;
  FieldKind   kind;
  GType     (*enum_type) (void);
} FieldInfo;

static const FieldInfo fields[] = {
  { "number",           N_("Number"),               KIND_NUMBER, NULL },
  { "problem",          N_("Problem"),              KIND_TEXT,   NULL },
  { "objective",        N_("Strategic objective"),  KIND_TEXT,   NULL },
  { "indicator",        N_("Indicator"),            KIND_TEXT,   NULL },
  { "target-text",      N_("Target"),               KIND_TEXT,   NULL },
  { "target-value",     N_("Target value"),         KIND_NUMBER, NULL },
  { "target-unit",      N_("Unit"),                 KIND_TEXT,   NULL },
  { "target-measure",   N_("Measure"),              KIND_ENUM,   vigia_measure_get_type },
  { "target-direction", N_("Direction"),            KIND_ENUM,   vigia_direction_get_type },
  { "target-reading",   N_("Reading of the target"), KIND_ENUM,  vigia_reading_get_type },
  { "baseline-value",   N_("Baseline"),             KIND_NUMBER, NULL },
  { "baseline-year",    N_("Baseline year"),        KIND_YEAR,   NULL },
  { "weight",           N_("Weight"),               KIND_NUMBER, NULL },
  { "target-weight",    N_("Weight of the target"), KIND_NUMBER, NULL },
  { "value",            N_("Value"),                KIND_NUMBER, NULL },
  { "status",           N_("Status"),               KIND_ENUM,   vigia_status_get_type },
  { "note",             N_("Note"),                 KIND_OPAQUE, NULL },
  { "evidence",         N_("Evidence"),             KIND_OPAQUE, NULL },
  { "recorded",         N_("Date"),                 KIND_DATE,   NULL },
};

static const FieldInfo *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

static const char *
enum_label (GType       type,
            int         value)
{
  if (type == VIGIA_TYPE_MEASURE)
    return vigia_measure_get_label (value);
  if (type == VIGIA_TYPE_DIRECTION)
    return vigia_direction_get_label (value);
  if (type == VIGIA_TYPE_READING)
    return vigia_reading_get_label (value);
  if (type == VIGIA_TYPE_STATUS)
    return vigia_status_get_label (value);
  return NULL;
}

static char *
format_date (const char *iso)
{
  char *label = vigia_stamp_dup_time_label (iso, TRUE);

  return label != NULL || iso == NULL ? label : g_strdup (iso);
}

/* A recorded value as a person reads it, or NULL for none. */
static char *
format_value (const FieldInfo *field,
              const char      *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  switch (field != NULL ? field->kind : KIND_TEXT)
    {
    case KIND_NUMBER:
      {
        char *end = NULL;
        double number = g_ascii_strtod (text, &end);

        if (end == NULL || *end != '\0')
          return g_strdup (text);
        return vigia_number_format (number, 4);
      }

    case KIND_YEAR:
      return g_strdup (text);

    case KIND_ENUM:
      {
        int value;
        GType type = field->enum_type ();

        if (!vigia_enum_from_nick (type, text, &value))
          return g_strdup (text);
        return g_strdup (enum_label (type, value));
      }

    case KIND_DATE:
      return format_date (text);

    case KIND_OPAQUE:
    case KIND_TEXT:
    default:
      {
        g_autofree char *cut = NULL;

        if (g_utf8_strlen (text, -1) > MAX_TEXT_CHARS)
          {
            g_autofree char *head = g_utf8_substring (text, 0, MAX_TEXT_CHARS - 1);

            cut = g_strconcat (head, "…", NULL);
          }
        /* Translators: a text quoted in the timeline of a goal. */
        return g_strdup_printf (_("“%s”"), cut != NULL ? cut : text);
      }
    }
}

static char *
describe_update (const VigiaHistoryEntry *entry)
{
  const FieldInfo *field = find_field (entry->field);
  const char *label = field != NULL ? _(field->label) : entry->field;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  if (field != NULL && field->kind == KIND_OPAQUE)
    /* Translators: %s is what changed, as in "Note: changed". */
    return g_strdup_printf (_("%s: changed"), label);

  old_value = format_value (field, entry->old_value);
  new_value = format_value (field, entry->new_value);

  if (old_value == NULL && new_value != NULL)
    /* Translators: %s is what changed, then its new value: "Baseline: set to 40". */
    return g_strdup_printf (_("%s: set to %s"), label, new_value);
  if (old_value != NULL && new_value == NULL)
    /* Translators: %s is what changed, then its old value: "Baseline: cleared (was 40)". */
    return g_strdup_printf (_("%s: cleared (was %s)"), label, old_value);
  /* Translators: what changed, its old value, its new value: "Value: from 12.5 to 14". */
  return g_strdup_printf (_("%s: from %s to %s"), label,
                          old_value != NULL ? old_value : "—", new_value != NULL ? new_value : "—");
}

/* A field of a version a merge set aside: its value there, and the one kept. */
static char *
describe_conflict (const VigiaHistoryEntry *entry)
{
  const FieldInfo *field = find_field (entry->field);
  const char *label = field != NULL ? _(field->label) : entry->field;
  g_autofree char *set_aside = NULL;
  g_autofree char *kept = NULL;

  if (field != NULL && field->kind == KIND_OPAQUE)
    /* Translators: %s is what two desks both changed, as in "Note: two versions; the other one set aside". */
    return g_strdup_printf (_("%s: two versions; the other one set aside"), label);
  set_aside = format_value (field, entry->old_value);
  kept = format_value (field, entry->new_value);
  /* Translators: what two desks both changed, the value kept, the value set
   * aside: "Problem: two versions; kept “A”, set aside “B”" */
  return g_strdup_printf (_("%s: two versions; kept %s, set aside %s"), label,
                          kept != NULL ? kept : "—", set_aside != NULL ? set_aside : "—");
}

static char *
describe_progress (const VigiaHistoryEntry *entry)
{
  const FieldInfo *value_field = find_field ("value");

  if (g_strcmp0 (entry->action, "create") == 0)
    {
      g_autofree char *value = format_value (value_field, entry->new_value);

      if (value != NULL)
        /* Translators: %s is the value first recorded. */
        return g_strdup_printf (_("Entry recorded: %s"), value);
      return g_strdup (_("Entry recorded"));
    }
  if (g_strcmp0 (entry->action, "delete") == 0)
    {
      g_autofree char *value = format_value (value_field, entry->old_value);

      if (value != NULL)
        /* Translators: %s is the value the deleted entry had. */
        return g_strdup_printf (_("Entry deleted (value was %s)"), value);
      return g_strdup (_("Entry deleted"));
    }
  return describe_update (entry);
}

static char *
describe_goal (const VigiaHistoryEntry *entry)
{
  gboolean target = g_strcmp0 (entry->entity, "target") == 0;

  if (g_strcmp0 (entry->action, "delete") == 0)
    return g_strdup (target ? _("Target removed") : _("Goal deleted"));
  if (g_strcmp0 (entry->action, "create") == 0)
    return g_strdup (target ? _("Target added") : _("Goal added"));
  return describe_update (entry);
}

/* Whether two rows of the history are fields of one conflict. */
static gboolean
same_conflict (const VigiaHistoryEntry *a,
               const VigiaHistoryEntry *b)
{
  return a != NULL && g_strcmp0 (a->action, "conflict") == 0 && g_strcmp0 (a->changed, b->changed) == 0 &&
         g_strcmp0 (a->entity, b->entity) == 0 && g_strcmp0 (a->goal_uuid, b->goal_uuid) == 0 &&
         g_strcmp0 (a->target_uuid, b->target_uuid) == 0 && g_strcmp0 (a->scope, b->scope) == 0;
}

void
vigia_timeline_item_free (VigiaTimelineItem *item)
{
  if (item == NULL)
    return;
  g_free (item->changed);
  g_free (item->date);
  g_free (item->period);
  g_free (item->text);
  g_free (item->target_uuid);
  g_free (item->author);
  g_free (item);
}

/**
 * vigia_timeline_item_dup_line:
 *
 * Returns: (transfer full): the item on one line: "2026-11-25 10:00 · 1st
 *   half 2024 · Authority · Value: from 12.5 to 14"
 */
char *
vigia_timeline_item_dup_line (const VigiaTimelineItem *item)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  if (item->period == NULL)
    return g_strdup_printf ("%s · %s", item->date, item->text);

  period = vigia_period_dup_label (item->period);
  return g_strdup_printf ("%s · %s · %s · %s", item->date, period,
                          vigia_source_get_label (item->source), item->text);
}

/**
 * vigia_timeline_from_history:
 * @history: (element-type VigiaHistoryEntry): a goal's history, as
 *   vigia_library_list_history() gives it
 *
 * Returns: (transfer full) (element-type VigiaTimelineItem): the changes to
 *   the goal and its progress, in words, oldest first
 */
GPtrArray *
vigia_timeline_from_history (GPtrArray *history)
{
  GPtrArray *items;

  g_return_val_if_fail (history != NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_timeline_item_free);

  for (guint i = 0; i < history->len; i++)
    {
      const VigiaHistoryEntry *entry = g_ptr_array_index (history, i);
      VigiaTimelineItem *item;

      if (g_strcmp0 (entry->entity, "goal") != 0 && g_strcmp0 (entry->entity, "target") != 0 &&
          g_strcmp0 (entry->entity, "progress") != 0)
        continue;

      item = g_new0 (VigiaTimelineItem, 1);
      item->changed = g_strdup (entry->changed);
      item->target_uuid = g_strdup (entry->target_uuid);
      item->author = g_strdup (entry->author);
      item->date = format_date (entry->changed);
      item->conflict = g_strcmp0 (entry->action, "conflict") == 0;
      if (item->conflict && !same_conflict (i > 0 ? g_ptr_array_index (history, i - 1) : NULL, entry))
        item->restore_id = entry->id;

      if (g_strcmp0 (entry->entity, "progress") == 0)
        {
          /* The scope is "2024-S1/authority". */
          g_auto(GStrv) scope = g_strsplit (entry->scope != NULL ? entry->scope : "", "/", 2);
          int source = VIGIA_SOURCE_AUTHORITY;

          if (scope[0] != NULL)
            item->period = g_strdup (scope[0]);
          if (scope[0] != NULL && scope[1] != NULL)
            vigia_enum_from_nick (VIGIA_TYPE_SOURCE, scope[1], &source);
          item->source = source;
          item->text = item->conflict ? describe_conflict (entry) : describe_progress (entry);
        }
      else
        item->text = item->conflict ? describe_conflict (entry) : describe_goal (entry);

      g_ptr_array_add (items, item);
    }

  return items;
}

/**
 * vigia_timeline_load_goal:
 *
 * Returns: (transfer full) (element-type VigiaTimelineItem): the timeline of
 *   the goal whose uuid is @goal_uuid, oldest first, or %NULL with @error set
 */
GPtrArray *
vigia_timeline_load_goal (VigiaLibrary  *library,
                          const char    *goal_uuid,
                          GError       **error)
{
  g_autoptr(GPtrArray) history = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (goal_uuid != NULL, NULL);

  history = vigia_library_list_history (library, NULL, goal_uuid, error);
  if (history == NULL)
    return NULL;
  return vigia_timeline_from_history (history);
}
