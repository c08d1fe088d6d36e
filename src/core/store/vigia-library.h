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
} VigiaHistoryEntry;

void vigia_history_entry_free (VigiaHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaHistoryEntry, vigia_history_entry_free)

char             *vigia_library_dup_default_path   (void);
VigiaLibrary     *vigia_library_open               (const char             *path,
                                                    VigiaLibraryOpenFlags   flags,
                                                    GError                **error);
const char       *vigia_library_get_path           (VigiaLibrary           *self);
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
gboolean          vigia_library_replace_plan       (VigiaLibrary           *self,
                                                    gint64                  plan_id,
                                                    VigiaPlan              *plan,
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
