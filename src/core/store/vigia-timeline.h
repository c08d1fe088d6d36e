/* vigia-timeline.h: the dated history of a goal, in words
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigia-enums.h"
#include "vigia-library.h"

G_BEGIN_DECLS

typedef struct
{
  /* When, as stored: ISO 8601 in UTC. */
  char        *changed;
  /* When, for a person: "2026-11-25 10:00" in local time. */
  char        *date;
  /* For a change to a progress entry: its semester ("2024-S1") and source;
   * NULL for a change to the goal itself. */
  char        *period;
  VigiaSource  source;
  /* What changed: "Value changed from 12,5 to 14". */
  char        *text;
  /* The target the change was to, or NULL for the goal's own texts (and
   * for changes recorded before goals had several targets). */
  char        *target_uuid;
  /* Who made the change, or NULL where the history does not say. */
  char        *author;
  /* A version a merge set aside (docs/merge.md): the first item of each
   * conflict names the history row vigia_library_restore_conflict() takes. */
  gboolean     conflict;
  gint64       restore_id;
} VigiaTimelineItem;

void       vigia_timeline_item_free      (VigiaTimelineItem *item);
char      *vigia_timeline_item_dup_line  (const VigiaTimelineItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaTimelineItem, vigia_timeline_item_free)

GPtrArray *vigia_timeline_from_history   (GPtrArray         *history);
GPtrArray *vigia_timeline_load_goal      (VigiaLibrary      *library,
                                          const char        *goal_uuid,
                                          GError           **error);

G_END_DECLS
