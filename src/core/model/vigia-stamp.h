/* vigia-stamp.h: when an item was last edited, by whom, and what it has merged
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a plan, goal, target or progress entry carries so that two libraries
 * can merge it (docs/merge.md).  Times are ISO 8601 in UTC, so that they
 * compare as strings; NULL is older than any time. */
typedef struct
{
  char     *edited;     /* when its own fields last changed, at any desk */
  char     *edited_by;  /* who changed them */
  char     *merged;     /* the newest version from another desk that they account for */
  gboolean  reference;  /* read from a package of changes that did not send its fields */
  /* The row's version in the library it was read from: a save made on
   * another version is a conflict (docs/postgresql.md, "Two desks, one
   * item"); 0 for an item not read from a library. */
  gint64    version;
} VigiaStamp;

char    *vigia_stamp_now        (void);
char    *vigia_stamp_parse_time (const char       *text,
                                 GError          **error);
char    *vigia_stamp_dup_time_label (const char *text,
                                    gboolean    with_time);
void     vigia_stamp_clear   (VigiaStamp       *stamp);
void     vigia_stamp_copy    (VigiaStamp       *dest,
                              const VigiaStamp *src);
void     vigia_stamp_set     (VigiaStamp       *stamp,
                              const char       *edited,
                              const char       *edited_by,
                              const char       *merged);
/* A goal or target deleted from a plan, kept so that a merge does not bring
 * it back from a library that still has it unchanged. */
typedef struct
{
  char *uuid;
  char *goal_uuid;   /* a target's goal */
  char *entity;      /* "goal" or "target" */
  char *deleted;     /* when */
  char *deleted_by;  /* by whom */
} VigiaDeletion;

VigiaDeletion *vigia_deletion_new  (const char          *uuid,
                                    const char          *goal_uuid,
                                    const char          *entity,
                                    const char          *deleted,
                                    const char          *deleted_by);
VigiaDeletion *vigia_deletion_copy (const VigiaDeletion *deletion);
void           vigia_deletion_free (VigiaDeletion       *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaDeletion, vigia_deletion_free)

int      vigia_stamp_compare (const char       *a,
                              const char       *b);
void     vigia_stamp_mark_merged (VigiaStamp     *stamp);
gboolean vigia_stamp_after   (const VigiaStamp *stamp,
                              const char       *since);

G_END_DECLS
