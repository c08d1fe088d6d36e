/* vigia-library-private.h: what the files of VigiaLibrary share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * VigiaLibrary is one class over several files (HACKING.md, "Layout"):
 * vigia-library.c opens the file and stores plans, vigia-library-search.c
 * keeps the search index and lists, vigia-library-history.c writes and reads
 * the history, vigia-library-assess.c assesses every plan at once.  Nothing
 * here is for use outside those files.
 */
#pragma once

#include <libpq-fe.h>

#include <sqlite3.h>

#include "vigia-library.h"
#include "vigia-statement.h"
#include "vigia-store-postgresql.h"

G_BEGIN_DECLS

/* The tables whose new rows a library on a server gives ids it reserved
 * (_vigia_library_insert_row()). */
typedef enum
{
  ROW_PLAN,
  ROW_DIMENSION,
  ROW_GOAL,
  ROW_TARGET,
  ROW_PROGRESS,
  ROW_HISTORY,
  N_ROW_KINDS
} RowKind;

struct _VigiaLibrary
{
  GObject     parent_instance;

  /* The file, or the connection string of a library on PostgreSQL. */
  char       *path;
  /* What messages call the library: the path, or user@server/database
   * (never a password). */
  char       *name;
  /* The SQLite connection, or the PostgreSQL one (docs/postgresql.md): one
   * of the two. */
  sqlite3    *db;
  VigiaStorePostgresql *server;
  /* On a server, a second connection, opened for the first whole-library
   * assessment and kept: it reads each target's latest entry while the
   * first reads the targets (vigia-library-assess.c); not tried again
   * once the server refused it. */
  VigiaStorePostgresql *helper;
  gboolean    helper_refused;
  gboolean    read_only;
  /* Asked for at opening (VIGIA_LIBRARY_OPEN_READ_ONLY), whatever the
   * server allows. */
  gboolean    read_only_asked;

  /* Prepared statements (VigiaStatement) by the address of their (static)
   * SQL text. */
  GHashTable *statements;
  /* Polls for other desks' changes (vigia_library_watch_other_desks()). */
  GSource    *watch;
  /* The watch found the connection lost (vigia_library_is_connected()):
   * a thread makes a new one (connecting), tried again from when on
   * (monotonic time) after a failure, each pause twice the last; the new
   * connection waits (pending) for a moment when nothing uses the store.
   * Why it was given up, if it was. */
  gboolean    disconnected;
  gboolean    connecting;
  gint64      reconnect_after;
  gint64      reconnect_pause;
  PGconn     *pending_conn;
  GError     *connection_error;
  /* The id of the history row written last. */
  gint64      last_history_id;
  /* Why the last _vigia_library_step() failed, until it is reported. */
  GError     *step_error;
  /* On a server: ids reserved for new rows (gint64), by RowKind, taken
   * from the first; for the current transaction only. */
  GArray     *reserved_ids[N_ROW_KINDS];
  /* How many of each kind were reserved last in the transaction. */
  guint       n_reserved_last[N_ROW_KINDS];

  /* Nesting of vigia_library_begin(): 0 outside a transaction. */
  guint       depth;
  /* Plans written in the current transaction, announced on commit. */
  GArray     *touched;
  /* Plans whose row of the search index is to be rebuilt at commit
   * (PendingSearch): FTS5 writes several times faster outside savepoints. */
  GArray     *pending_search;

  /* Who makes the changes (vigia_library_set_author()), and, while a merge
   * writes another desk's changes, whose they are. */
  char       *author;
  const char *writing_as;
};

typedef struct
{
  gint64 plan_id;
  /* The transaction depth that queued it, so that a rollback of that level
   * forgets it. */
  guint  depth;
} PendingSearch;

/* A cached statement is reset, not finalized, when it goes out of scope, so
 * that no read transaction stays open behind the caller's back. */
typedef VigiaStatement CachedStmt;

static inline void
cached_stmt_reset (CachedStmt *stmt)
{
  vigia_statement_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_reset)

/* The statement in SQLite's words or in PostgreSQL's, where they differ:
 * both static, so that each is prepared once. */
#define LIBRARY_SQL(self, sqlite_sql, postgresql_sql) \
  ((self)->server != NULL ? (postgresql_sql) : (sqlite_sql))

/* Columns read by plan_from_row(), in order. */
#define PLAN_COLUMNS \
  "id, uuid, organization, election, process, department, province, district, ubigeo," \
  " term_start, term_end, ideario, vision, accountability, authority_name, authority_elected," \
  " source_format, source_reference, source_imported, source_digest, created, changed," \
  " edited, edited_by, merged, version"

/* Columns read by goal_from_row(), in order. */
#define GOAL_COLUMNS \
  "g.id, g.uuid, g.number, g.problem, g.objective, g.indicator, g.weight, g.source_problem," \
  " g.source_objective, g.source_indicator, g.source_target, g.edited, g.edited_by, g.merged," \
  " g.version"

/* Columns read by target_from_row(), in order. */
#define TARGET_COLUMNS \
  "t.id, t.uuid, t.text, t.value, t.unit, t.measure, t.direction, t.reading, t.baseline_value," \
  " t.baseline_year, t.weight, t.edited, t.edited_by, t.merged"

/* Columns read by progress_from_row(), in order. */
#define PROGRESS_COLUMNS \
  "pr.id, pr.period, pr.source, pr.value, pr.status, pr.note, pr.evidence, pr.recorded, pr.edited," \
  " pr.edited_by, pr.merged, pr.version"

/* The search index's row of each plan p (rowid, organization, place, texts,
 * goals), to follow with a FROM clause that names p. */
#define PLAN_SEARCH_SELECT \
  " SELECT p.id, p.organization," \
  "  coalesce (p.department, '') || ' ' || coalesce (p.province, '') || ' ' ||" \
  "  coalesce (p.district, '') || ' ' || coalesce (p.ubigeo, '')," \
  "  coalesce (p.ideario, '') || ' ' || coalesce (p.vision, '')," \
  "  (SELECT group_concat (coalesce (g.problem, '') || ' ' || coalesce (g.objective, '')" \
  "     || ' ' || coalesce (g.indicator, '') || ' ' ||" \
  "     (SELECT group_concat (coalesce (t.text, ''), ' ') FROM target t WHERE t.goal_id = g.id), ' ')" \
  "   FROM goal g JOIN dimension d ON d.id = g.dimension_id WHERE d.plan_id = p.id)"

/* The same on PostgreSQL: the text of plan p whose words make its search
 * row (_vigia_store_postgresql_write_search_rows()), in the order of the
 * plan.  Each level reads the next through its index, which the planner
 * picks even before the tables have statistics (a new library's first
 * import); string_agg over a join saw no index there and read every goal
 * once a plan. */
#define PLAN_SEARCH_TEXT_POSTGRESQL \
  " concat_ws (' '," \
  "   p.organization, p.department, p.province, p.district, p.ubigeo, p.ideario, p.vision," \
  "   (SELECT string_agg (words, ' ') FROM" \
  "     (SELECT concat_ws (' ', g.problem, g.objective, g.indicator," \
  "        (SELECT string_agg (t.text, ' ') FROM" \
  "          (SELECT t.text FROM target t WHERE t.goal_id = g.id ORDER BY t.position) t)) AS words" \
  "      FROM dimension d CROSS JOIN LATERAL" \
  "        (SELECT * FROM goal g WHERE g.dimension_id = d.id ORDER BY g.position) g" \
  "      WHERE d.plan_id = p.id ORDER BY d.position, g.position) w))"

/* A plan's search row on PostgreSQL (plan_id, its tsvector as text). */
#define PLAN_SEARCH_UPSERT_POSTGRESQL \
  "INSERT INTO plan_search (plan_id, document) VALUES (?1, CAST (?2 AS tsvector))" \
  " ON CONFLICT (plan_id) DO UPDATE SET document = excluded.document"

/* vigia-library.c */
void _vigia_library_bind_enum (VigiaStatement *stmt,
                               int           index,
                               GType         type,
                               int           value);
void _vigia_library_bind_positive (VigiaStatement *stmt,
                                   int           index,
                                   gint64        value);
void _vigia_library_bind_text (VigiaStatement *stmt,
                               int           index,
                               const char   *text);
double _vigia_library_column_double (VigiaStatement *stmt,
                                     int           index);
int _vigia_library_column_enum (VigiaStatement *stmt,
                                int           index,
                                GType         type,
                                int           fallback);
const char *_vigia_library_column_text (VigiaStatement *stmt,
                                        int           index);
int _vigia_library_step (VigiaLibrary   *self,
                         VigiaStatement *stmt);
gboolean _vigia_library_exec (VigiaLibrary  *self,
                              const char    *sql,
                              GError       **error);
gboolean _vigia_library_begin_read (VigiaLibrary  *self,
                                    GError       **error);
gboolean _vigia_library_exec_cached (VigiaLibrary  *self,
                                     const char    *sql,
                                     GError       **error);
VigiaStatement *_vigia_library_prepare (VigiaLibrary  *self,
                                      const char    *sql,
                                      GError       **error);
gboolean _vigia_library_lock_plan (VigiaLibrary  *self,
                                   gint64         plan_id,
                                   GError       **error);
void _vigia_library_set_no_plan_error (GError **error,
                                       gint64   plan_id);
gboolean _vigia_library_set_sqlite_error (VigiaLibrary  *self,
                                          GError       **error,
                                          int            rc);
GArray *_vigia_library_collect_ids (VigiaLibrary  *self,
                                    VigiaStatement  *stmt,
                                    GError       **error);
gboolean _vigia_library_step_insert (VigiaLibrary   *self,
                                     VigiaStatement *stmt,
                                     gint64         *id,
                                     GError        **error);
gboolean _vigia_library_step_done (VigiaLibrary  *self,
                                   VigiaStatement  *stmt,
                                   GError       **error);
gboolean _vigia_library_send (VigiaLibrary    *self,
                              VigiaStatement  *stmt,
                              GError         **error);
gboolean _vigia_library_reserve_ids (VigiaLibrary  *self,
                                     const guint    counts[N_ROW_KINDS],
                                     GError       **error);
gboolean _vigia_library_insert_row (VigiaLibrary    *self,
                                    VigiaStatement  *stmt,
                                    RowKind          kind,
                                    int              id_index,
                                    gint64          *id,
                                    GError         **error);

extern const char * const _vigia_plan_history_fields[];
extern const char * const _vigia_goal_history_fields[];
extern const char * const _vigia_target_history_fields[];
extern const char * const _vigia_target_history_names[];
extern const char * const _vigia_progress_history_fields[];
extern const char * const _vigia_dimension_history_fields[];

gboolean _vigia_library_rewrite_plan (VigiaLibrary  *self,
                                      VigiaPlan     *plan,
                                      const char    *now,
                                      GError       **error);
gboolean _vigia_library_record_deletion (VigiaLibrary  *self,
                                         const char    *plan_uuid,
                                         const char    *goal_uuid,
                                         const char    *uuid,
                                         const char    *entity,
                                         const char    *when,
                                         const char    *who,
                                         GError       **error);

/* vigia-library-search.c */
gboolean _vigia_library_flush_search_rows (VigiaLibrary  *self,
                                           GError       **error);
gboolean _vigia_library_queue_search_row (VigiaLibrary  *self,
                                          gint64         plan_id,
                                          GError       **error);

/* vigia-library-history.c */
gboolean _vigia_library_insert_history (VigiaLibrary  *self,
                                        const char    *now,
                                        const char    *plan_uuid,
                                        const char    *goal_uuid,
                                        const char    *entity,
                                        const char    *action,
                                        const char    *scope,
                                        const char    *field,
                                        const char    *old_value,
                                        const char    *new_value,
                                        GError       **error);
gboolean _vigia_library_insert_target_history (VigiaLibrary  *self,
                                               const char    *now,
                                               const char    *plan_uuid,
                                               const char    *goal_uuid,
                                               const char    *target_uuid,
                                               const char    *entity,
                                               const char    *action,
                                               const char    *scope,
                                               const char    *field,
                                               const char    *old_value,
                                               const char    *new_value,
                                               GError       **error);
gboolean _vigia_library_insert_history_diff (VigiaLibrary        *self,
                                             const char          *now,
                                             const char          *plan_uuid,
                                             const char          *goal_uuid,
                                             const char          *target_uuid,
                                             const char          *entity,
                                             const char          *scope,
                                             GObject             *old_object,
                                             GObject             *new_object,
                                             const char * const  *fields,
                                             const char * const  *recorded_as,
                                             guint               *n_changed,
                                             GError             **error);
char *_vigia_library_value_to_text (const GValue *value);
void _vigia_library_value_from_text (GValue     *value,
                                     const char *text);

/* vigia-library-assess.c */
/* What a plan holds, counted with its assessment. */
typedef struct
{
  guint n_goals;
  guint n_goals_with_progress;
  guint n_targets;
} PlanCounts;

gboolean _vigia_library_assess_plans_at (VigiaLibrary        *self,
                                         const gint64        *plan_ids,
                                         const char * const  *periods,
                                         guint                n_plans,
                                         VigiaSource          source,
                                         VigiaRollup         *rollups,
                                         PlanCounts          *counts,
                                         GError             **error);
GArray *_vigia_library_assess_plans_inner (VigiaLibrary  *self,
                                           const char    *period,
                                           VigiaSource    source,
                                           gboolean       own_snapshot,
                                           GError       **error);

G_END_DECLS
