/* vigia-stamp.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "vigia-error.h"
#include "vigia-stamp.h"

/* Stamps are written to the microsecond (two desks, or one desk and a
 * test, edit the same item within a second), every field at its full width:
 * GLib's %Y writes the year 99 as "99", which would not compare as text nor
 * read back. */
static char *
format_stamp (GDateTime *time)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", g_date_time_get_year (time),
                          g_date_time_get_month (time), g_date_time_get_day_of_month (time),
                          g_date_time_get_hour (time), g_date_time_get_minute (time),
                          g_date_time_get_second (time), g_date_time_get_microsecond (time));
}

/**
 * vigia_stamp_now:
 *
 * Returns: (transfer full): now, as stamps write it:
 *   `2026-12-05T10:00:00.123456Z`
 */
char *
vigia_stamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return format_stamp (now);
}

/**
 * vigia_stamp_parse_time:
 * @text: a time in ISO 8601 (`2026-12-05T10:00:00Z`, any offset, any
 *   fraction of a second) or a day alone (`2026-07-01`, at midnight UTC)
 *
 * Returns: (transfer full) (nullable): the time as stamps write it, so
 *   that stamps compare as strings; %NULL with @error if @text is not a time
 */
char *
vigia_stamp_parse_time (const char  *text,
                        GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  int year, month, day;
  char rest;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3)
    {
      if (g_date_valid_dmy (day, month, year))
        time = g_date_time_new (utc, year, month, day, 0, 0, 0);
    }
  else
    time = g_date_time_new_from_iso8601 (text, utc);

  if (time == NULL)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE,
                   _("“%s” is not a time: write it as 2026-07-01 or 2026-07-01T10:00:00Z"), text);
      return NULL;
    }
  in_utc = g_date_time_to_utc (time);
  return format_stamp (in_utc);
}

/**
 * vigia_stamp_dup_time_label:
 * @text: (nullable): a time as the library keeps it, "2026-12-05T15:04:00Z",
 *   or a day, "2026-12-05"
 * @with_time: whether to say the hour and minute too
 *
 * A time as a person reads it, in the local time and the words of the
 * language shown: "5 December 2026, 10:04", "5 de diciembre de 2026".  A day
 * alone is that day, whatever the time zone.
 *
 * Returns: (transfer full) (nullable): the words, or %NULL for no time or
 *   one that cannot be read
 */
char *
vigia_stamp_dup_time_label (const char *text,
                            gboolean    with_time)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;
  char rest;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3)
    {
      if (!g_date_valid_dmy (day, month, year))
        return NULL;
      local = g_date_time_new_local (year, month, day, 0, 0, 0);
      with_time = FALSE;
    }
  else if ((time = g_date_time_new_from_iso8601 (text, utc)) != NULL)
    local = g_date_time_to_local (time);
  if (local == NULL)
    return NULL;

  /* Translators: a date and time as strftime() writes it: "25 November 2026, 10:00" */
  return g_date_time_format (local, with_time ? _("%-d %B %Y, %H:%M")
                                              /* Translators: a date as strftime() writes it: "25 November 2026" */
                                              : _("%-d %B %Y"));
}

void
vigia_stamp_clear (VigiaStamp *stamp)
{
  g_clear_pointer (&stamp->edited, g_free);
  g_clear_pointer (&stamp->edited_by, g_free);
  g_clear_pointer (&stamp->merged, g_free);
  stamp->reference = FALSE;
  stamp->version = 0;
}

void
vigia_stamp_copy (VigiaStamp       *dest,
                  const VigiaStamp *src)
{
  vigia_stamp_set (dest, src->edited, src->edited_by, src->merged);
  dest->reference = src->reference;
  dest->version = src->version;
}

void
vigia_stamp_set (VigiaStamp *stamp,
                 const char *edited,
                 const char *edited_by,
                 const char *merged)
{
  /* The arguments may be the stamp's own strings. */
  char *e = g_strdup (edited);
  char *b = g_strdup (edited_by);
  char *m = g_strdup (merged);

  g_free (stamp->edited);
  g_free (stamp->edited_by);
  g_free (stamp->merged);
  stamp->edited = e;
  stamp->edited_by = b;
  stamp->merged = m;
}

/* Orders two times, NULL first. */
int
vigia_stamp_compare (const char *a,
                     const char *b)
{
  return g_strcmp0 (a, b);
}

/* Whether the item was edited after @since (every item is, when @since is
 * NULL). */
gboolean
vigia_stamp_after (const VigiaStamp *stamp,
                   const char       *since)
{
  return since == NULL || vigia_stamp_compare (stamp->edited, since) > 0;
}

VigiaDeletion *
vigia_deletion_new (const char *uuid,
                    const char *goal_uuid,
                    const char *entity,
                    const char *deleted,
                    const char *deleted_by)
{
  VigiaDeletion *deletion = g_new0 (VigiaDeletion, 1);

  deletion->uuid = g_strdup (uuid);
  deletion->goal_uuid = g_strdup (goal_uuid);
  deletion->entity = g_strdup (entity);
  deletion->deleted = g_strdup (deleted);
  deletion->deleted_by = g_strdup (deleted_by);
  return deletion;
}

VigiaDeletion *
vigia_deletion_copy (const VigiaDeletion *deletion)
{
  return vigia_deletion_new (deletion->uuid, deletion->goal_uuid, deletion->entity, deletion->deleted,
                             deletion->deleted_by);
}

void
vigia_deletion_free (VigiaDeletion *deletion)
{
  if (deletion == NULL)
    return;
  g_free (deletion->uuid);
  g_free (deletion->goal_uuid);
  g_free (deletion->entity);
  g_free (deletion->deleted);
  g_free (deletion->deleted_by);
  g_free (deletion);
}

/* Marks the item as taken in from another desk as it is: the newest
 * version it accounts for is its own. */
void
vigia_stamp_mark_merged (VigiaStamp *stamp)
{
  if (vigia_stamp_compare (stamp->edited, stamp->merged) > 0)
    vigia_stamp_set (stamp, stamp->edited, stamp->edited_by, stamp->edited);
}
