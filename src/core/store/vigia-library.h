/* vigia-library.h: a library of plans, stored in one SQLite file
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-assessment.h"
#include "vigia-jne-list.h"
#include "vigia-plan.h"
#include "vigia-plan-summary.h"

G_BEGIN_DECLS

#define VIGIA_TYPE_LIBRARY (vigia_library_get_type ())

G_DECLARE_FINAL_TYPE (VigiaLibrary, vigia_library, VIGIA, LIBRARY, GObject)

typedef enum {
  VIGIA_LIBRARY_OPEN_DEFAULT   = 0,
  /* Never write, even if the file could be written. */
  VIGIA_LIBRARY_OPEN_READ_ONLY = 1 << 0,
  /* Fail instead of creating a new library when the file does not exist. */
  VIGIA_LIBRARY_OPEN_EXISTING  = 1 << 1,
} VigiaLibraryOpenFlags;

typedef enum {
  VIGIA_PLAN_SORT_PLACE,
  VIGIA_PLAN_SORT_ORGANIZATION,
  VIGIA_PLAN_SORT_CHANGED,
  /* Best match first; only with a search text. */
  VIGIA_PLAN_SORT_RELEVANCE,
} VigiaPlanSort;

typedef struct
{
  /* Words to find in the organization, the place or the goals (any case, any
   * accents, prefixes match); NULL or blank for every plan. */
  const char    *text;
  /* A VigiaElection, or -1 for any. */
  int            election;
  /* As the plans write it; NULL for any. */
  const char    *department;
  /* The first year of the term; 0 for any. */
  int            term_start;
  VigiaPlanSort  sort;
} VigiaPlanQuery;

#define VIGIA_PLAN_QUERY_INIT { NULL, -1, NULL, 0, VIGIA_PLAN_SORT_PLACE }

typedef struct
{
  gint64  id;
  char   *changed;
  char   *plan_uuid;
  char   *goal_uuid;
  char   *entity;
  char   *action;
  char   *scope;
  char   *field;
  char   *old_value;
  char   *new_value;
  char   *target_uuid;
  char   *author;      /* who made the change; NULL before schema 4 */
} VigiaHistoryEntry;

void vigia_history_entry_free (VigiaHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaHistoryEntry, vigia_history_entry_free)

/* A conflict a merge settled: both sides changed the item since they last
 * exchanged it, the later edit was kept, and the other went to the history. */
typedef struct
{
  char   *entity;      /* "plan", "goal", "target" or "progress" */
  char   *label;       /* the item, in words: "Social, goal 2" */
  char   *kept_by;     /* whose version the library has now, and when it was made */
  char   *kept_at;
  char   *other_by;    /* whose version was set aside */
  char   *other_at;
  gint64  history_id;  /* its first history row: vigia_library_restore_conflict() */
} VigiaConflict;

/* What merging one plan of an exchange document did. */
typedef struct
{
  guint      n_updated;          /* the plan, goals and targets that took the document's version */
  guint      n_goals_added;
  guint      n_targets_added;
  guint      n_entries_added;
  guint      n_entries_updated;
  guint      n_deleted;          /* goals and targets the document deleted after they last changed here */
  guint      n_restored;         /* deleted on one side, changed later on the other: kept */
  GPtrArray *conflicts;          /* VigiaConflict */
} VigiaMergeSummary;

VigiaMergeSummary *vigia_merge_summary_new     (void);
void               vigia_merge_summary_free    (VigiaMergeSummary       *summary);
gboolean           vigia_merge_summary_changed (const VigiaMergeSummary *summary);
char              *vigia_merge_summary_dup_description (const VigiaMergeSummary *summary);
char              *vigia_conflict_dup_description      (const VigiaConflict     *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaMergeSummary, vigia_merge_summary_free)

char             *vigia_library_dup_default_path   (void);
char             *vigia_library_dup_default_author (void);
void              vigia_library_set_author         (VigiaLibrary           *self,
                                                    const char             *author);
const char       *vigia_library_get_author         (VigiaLibrary           *self);
VigiaLibrary     *vigia_library_open               (const char             *path,
                                                    VigiaLibraryOpenFlags   flags,
                                                    GError                **error);
const char       *vigia_library_get_path           (VigiaLibrary           *self);
const char       *vigia_library_get_name           (VigiaLibrary           *self);
gboolean          vigia_library_is_shared          (VigiaLibrary           *self);
gboolean          vigia_library_is_connected       (VigiaLibrary           *self);
const GError     *vigia_library_get_connection_error (VigiaLibrary         *self);
gboolean          vigia_library_watch_other_desks  (VigiaLibrary           *self,
                                                    GError                **error);
gboolean          vigia_library_is_read_only       (VigiaLibrary           *self);

gboolean          vigia_library_begin              (VigiaLibrary           *self,
                                                    GError                **error);
gboolean          vigia_library_commit             (VigiaLibrary           *self,
                                                    GError                **error);
void              vigia_library_rollback           (VigiaLibrary           *self);

guint             vigia_library_count_plans        (VigiaLibrary           *self,
                                                    GError                **error);
GArray           *vigia_library_query_plan_ids     (VigiaLibrary           *self,
                                                    const VigiaPlanQuery   *query,
                                                    GError                **error);
GStrv             vigia_library_list_departments   (VigiaLibrary           *self,
                                                    GError                **error);
GArray           *vigia_library_list_term_starts   (VigiaLibrary           *self,
                                                    GError                **error);
VigiaPlanSummary *vigia_library_load_summary       (VigiaLibrary           *self,
                                                    gint64                  plan_id,
                                                    GError                **error);
GPtrArray        *vigia_library_load_summaries     (VigiaLibrary           *self,
                                                    const gint64           *plan_ids,
                                                    guint                   n_ids,
                                                    GError                **error);
VigiaPlan        *vigia_library_load_plan          (VigiaLibrary           *self,
                                                    gint64                  plan_id,
                                                    GError                **error);
gint64            vigia_library_lookup_plan        (VigiaLibrary           *self,
                                                    const char             *uuid,
                                                    GError                **error);
gint64            vigia_library_lookup_digest      (VigiaLibrary           *self,
                                                    const char             *digest,
                                                    GError                **error);
gboolean          vigia_library_add_jne_lists      (VigiaLibrary           *self,
                                                    GPtrArray              *lists,
                                                    guint                  *n_new,
                                                    GError                **error);
GPtrArray        *vigia_library_find_jne_lists     (VigiaLibrary           *self,
                                                    gint64                  plan_ref,
                                                    GError                **error);
GArray           *vigia_library_list_unplaced_jne_plans (VigiaLibrary      *self,
                                                    GError                **error);
gint64            vigia_library_count_jne_lists    (VigiaLibrary           *self,
                                                    gint64                 *without_plan,
                                                    GError                **error);
gint64            vigia_library_lookup_goal        (VigiaLibrary           *self,
                                                    const char             *uuid,
                                                    gint64                 *plan_id,
                                                    GError                **error);

gint64            vigia_library_lookup_target      (VigiaLibrary           *self,
                                                    const char             *uuid,
                                                    gint64                 *goal_id,
                                                    gint64                 *plan_id,
                                                    GError                **error);

gboolean          vigia_library_add_plan           (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    GError                **error);
gboolean          vigia_library_merge_plan         (VigiaLibrary           *self,
                                                    gint64                  plan_id,
                                                    VigiaPlan              *remote,
                                                    VigiaMergeSummary     **summary,
                                                    GError                **error);
gboolean          vigia_library_restore_conflict   (VigiaLibrary           *self,
                                                    gint64                  history_id,
                                                    gint64                 *plan_id,
                                                    GError                **error);
gboolean          vigia_library_save_plan          (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    GError                **error);
gboolean          vigia_library_delete_plan        (VigiaLibrary           *self,
                                                    gint64                  plan_id,
                                                    GError                **error);

gboolean          vigia_library_add_dimension      (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    guint                   position,
                                                    VigiaDimension         *dimension,
                                                    GError                **error);
gboolean          vigia_library_save_dimension     (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    VigiaDimension         *dimension,
                                                    GError                **error);
gboolean          vigia_library_delete_dimension   (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    VigiaDimension         *dimension,
                                                    GError                **error);

gboolean          vigia_library_add_goal           (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    VigiaDimension         *dimension,
                                                    guint                   position,
                                                    VigiaGoal              *goal,
                                                    GError                **error);
gboolean          vigia_library_save_goal          (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    VigiaGoal              *goal,
                                                    GError                **error);
gboolean          vigia_library_delete_goal        (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    VigiaDimension         *dimension,
                                                    VigiaGoal              *goal,
                                                    GError                **error);
gboolean          vigia_library_move_goal          (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    VigiaDimension         *dimension,
                                                    VigiaGoal              *goal,
                                                    guint                   position,
                                                    GError                **error);

gboolean          vigia_library_save_progress      (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    VigiaGoal              *goal,
                                                    VigiaTarget            *target,
                                                    VigiaProgress          *progress,
                                                    GError                **error);
gboolean          vigia_library_delete_progress    (VigiaLibrary           *self,
                                                    VigiaPlan              *plan,
                                                    VigiaGoal              *goal,
                                                    VigiaTarget            *target,
                                                    VigiaProgress          *progress,
                                                    GError                **error);

GArray           *vigia_library_assess_plans       (VigiaLibrary           *self,
                                                    const char             *period,
                                                    VigiaSource             source,
                                                    GError                **error);

GPtrArray        *vigia_library_list_summaries     (VigiaLibrary           *self,
                                                    const char             *period,
                                                    VigiaSource             source,
                                                    GError                **error);

GPtrArray        *vigia_library_list_history       (VigiaLibrary           *self,
                                                    const char             *plan_uuid,
                                                    const char             *goal_uuid,
                                                    GError                **error);

G_END_DECLS
