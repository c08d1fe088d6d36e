/* vigia-schema.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migrations run in order, each in the transaction that also sets
 * PRAGMA user_version; a released migration is never edited, only followed
 * by a new one.
 */
#include "vigia-schema.h"

static const char *migrations[] = {
  /* 1: the first schema (docs/data-model.md, "Schema").  The lists of
   * allowed values are written as comparisons: SQLite checks `x IN (a, b,
   * c)` by building a temporary table at every row written, a twentieth of
   * an import's time (these were IN lists until 2026-11; libraries made
   * then check the same values). */
  "CREATE TABLE plan ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  organization TEXT NOT NULL DEFAULT '',"
  "  election TEXT NOT NULL DEFAULT 'municipal-district'"
  "    CHECK (election = 'municipal-district' OR election = 'municipal-province' OR"
  "      election = 'regional' OR election = 'general'),"
  "  process TEXT,"
  "  department TEXT,"
  "  province TEXT,"
  "  district TEXT,"
  "  ubigeo TEXT,"
  "  term_start INTEGER,"
  "  term_end INTEGER,"
  "  ideario TEXT,"
  "  vision TEXT,"
  "  accountability TEXT,"
  "  authority_name TEXT,"
  "  authority_elected INTEGER NOT NULL DEFAULT 0,"
  "  source_format TEXT,"
  "  source_reference TEXT,"
  "  source_imported TEXT,"
  "  source_digest TEXT,"
  "  created TEXT NOT NULL,"
  "  changed TEXT NOT NULL"
  ");"
  "CREATE INDEX plan_by_digest ON plan (source_digest);"
  /* One covering index per order of the list, with the filter columns: the
   * list and its searches are read from the index without touching the
   * plans' long texts. */
  "CREATE INDEX plan_by_place ON plan"
  "  (department, province, district, organization, election, term_start);"
  "CREATE INDEX plan_by_organization ON plan"
  "  (organization, department, province, district, election, term_start);"
  "CREATE INDEX plan_by_changed ON plan (changed, election, department, term_start);"
  ""
  "CREATE TABLE dimension ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL"
  "    CHECK (kind = 'social' OR kind = 'economic' OR kind = 'environmental' OR"
  "      kind = 'institutional' OR kind = 'other'),"
  "  title TEXT"
  ");"
  "CREATE INDEX dimension_by_plan ON dimension (plan_id, position);"
  ""
  "CREATE TABLE goal ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  dimension_id INTEGER NOT NULL REFERENCES dimension (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  number INTEGER NOT NULL DEFAULT 0,"
  "  problem TEXT,"
  "  objective TEXT,"
  "  indicator TEXT,"
  "  target_text TEXT,"
  "  target_value REAL,"
  "  target_unit TEXT,"
  "  target_measure TEXT NOT NULL DEFAULT 'qualitative'"
  "    CHECK (target_measure = 'percent' OR target_measure = 'percent-change' OR"
  "      target_measure = 'count' OR target_measure = 'amount' OR"
  "      target_measure = 'qualitative'),"
  "  target_direction TEXT NOT NULL DEFAULT 'up'"
  "    CHECK (target_direction = 'up' OR target_direction = 'down' OR"
  "      target_direction = 'keep'),"
  "  target_reading TEXT NOT NULL DEFAULT 'needs-review'"
  "    CHECK (target_reading = 'automatic' OR target_reading = 'needs-review' OR"
  "      target_reading = 'reviewed'),"
  "  baseline_value REAL,"
  "  baseline_year INTEGER,"
  "  weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0)"
  ");"
  "CREATE INDEX goal_by_dimension ON goal (dimension_id, position);"
  ""
  "CREATE TABLE progress ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-S[12]'),"
  "  source TEXT NOT NULL CHECK (source IN ('authority', 'observer')),"
  "  value REAL,"
  "  status TEXT NOT NULL DEFAULT 'not-rated'"
  "    CHECK (status = 'not-rated' OR status = 'in-progress' OR status = 'stalled' OR"
  "      status = 'partly-kept' OR status = 'kept' OR status = 'broken'),"
  "  note TEXT,"
  "  evidence TEXT," /* one address or file reference per line */
  "  recorded TEXT NOT NULL,"
  "  UNIQUE (goal_id, period, source)"
  ");"
  /* What assessing a whole library reads, without the entries' notes and
   * evidence: a scan of this index instead of the table. */
  "CREATE INDEX progress_for_assessment ON progress (source, goal_id, period, value, status);"
  ""
  /* Kept by uuid, not by id, so that the record outlives the rows it speaks of. */
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  changed TEXT NOT NULL,"
  "  plan_uuid TEXT,"
  "  goal_uuid TEXT,"
  "  entity TEXT NOT NULL CHECK (entity = 'plan' OR entity = 'dimension' OR entity = 'goal' OR"
  "      entity = 'progress'),"
  "  action TEXT NOT NULL CHECK (action = 'create' OR action = 'update' OR action = 'delete'),"
  "  scope TEXT,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX history_by_plan ON history (plan_uuid, id);"
  "CREATE INDEX history_by_goal ON history (goal_uuid, id);"
  ""
  /* One row per plan (rowid = plan.id): its organization, its place, its
   * own words (ideario and vision) and its goals.  unicode61 folds case and,
   * with remove_diacritics 2, accents: "educacion" finds "EDUCACIÓN". */
  "CREATE VIRTUAL TABLE plan_search USING fts5 ("
  "  organization, place, texts, goals,"
  "  tokenize = 'unicode61 remove_diacritics 2', detail = none"
  ");",

  /* 2: a goal holds one or more targets, and progress is recorded against
   * a target (docs/data-model.md, "Goals and targets").  Every goal's
   * target becomes its one target, with a uuid derived from the goal's
   * (vigia_uuid_derive (), registered as vigia_derive_uuid), so that every
   * desk upgrading the same goal names its target alike; its progress
   * moves with it.  The goal keeps its cells as the source wrote them. */
  "CREATE TABLE target ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT,"
  "  value REAL,"
  "  unit TEXT,"
  "  measure TEXT NOT NULL DEFAULT 'qualitative'"
  "    CHECK (measure = 'percent' OR measure = 'percent-change' OR measure = 'count' OR"
  "      measure = 'amount' OR measure = 'qualitative'),"
  "  direction TEXT NOT NULL DEFAULT 'up'"
  "    CHECK (direction = 'up' OR direction = 'down' OR direction = 'keep'),"
  "  reading TEXT NOT NULL DEFAULT 'needs-review'"
  "    CHECK (reading = 'automatic' OR reading = 'needs-review' OR reading = 'reviewed'),"
  "  baseline_value REAL,"
  "  baseline_year INTEGER,"
  "  weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0)"
  ");"
  "CREATE INDEX target_by_goal ON target (goal_id, position);"
  "INSERT INTO target (uuid, goal_id, position, text, value, unit, measure, direction, reading,"
  "    baseline_value, baseline_year)"
  "  SELECT vigia_derive_uuid (uuid, 'target'), id, 0, target_text, target_value, target_unit,"
  "    target_measure, target_direction, target_reading, baseline_value, baseline_year FROM goal;"
  ""
  "CREATE TABLE progress_by_target ("
  "  id INTEGER PRIMARY KEY,"
  "  target_id INTEGER NOT NULL REFERENCES target (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-S[12]'),"
  "  source TEXT NOT NULL CHECK (source = 'authority' OR source = 'observer'),"
  "  value REAL,"
  "  status TEXT NOT NULL DEFAULT 'not-rated'"
  "    CHECK (status = 'not-rated' OR status = 'in-progress' OR status = 'stalled' OR"
  "      status = 'partly-kept' OR status = 'kept' OR status = 'broken'),"
  "  note TEXT,"
  "  evidence TEXT,"
  "  recorded TEXT NOT NULL,"
  "  UNIQUE (target_id, period, source)"
  ");"
  "INSERT INTO progress_by_target (id, target_id, period, source, value, status, note, evidence, recorded)"
  "  SELECT p.id, t.id, p.period, p.source, p.value, p.status, p.note, p.evidence, p.recorded"
  "  FROM progress p JOIN target t ON t.goal_id = p.goal_id;"
  "DROP TABLE progress;"
  "ALTER TABLE progress_by_target RENAME TO progress;"
  "CREATE INDEX progress_for_assessment ON progress (source, target_id, period, value, status);"
  ""
  "ALTER TABLE goal DROP COLUMN target_text;"
  "ALTER TABLE goal DROP COLUMN target_value;"
  "ALTER TABLE goal DROP COLUMN target_unit;"
  "ALTER TABLE goal DROP COLUMN target_measure;"
  "ALTER TABLE goal DROP COLUMN target_direction;"
  "ALTER TABLE goal DROP COLUMN target_reading;"
  "ALTER TABLE goal DROP COLUMN baseline_value;"
  "ALTER TABLE goal DROP COLUMN baseline_year;"
  "ALTER TABLE goal ADD COLUMN source_problem TEXT;"
  "ALTER TABLE goal ADD COLUMN source_objective TEXT;"
  "ALTER TABLE goal ADD COLUMN source_indicator TEXT;"
  "ALTER TABLE goal ADD COLUMN source_target TEXT;"
  ""
  /* History speaks of targets too; its old rows keep what they said. */
  "CREATE TABLE history_with_targets ("
  "  id INTEGER PRIMARY KEY,"
  "  changed TEXT NOT NULL,"
  "  plan_uuid TEXT,"
  "  goal_uuid TEXT,"
  "  target_uuid TEXT,"
  "  entity TEXT NOT NULL CHECK (entity = 'plan' OR entity = 'dimension' OR entity = 'goal' OR"
  "      entity = 'target' OR entity = 'progress'),"
  "  action TEXT NOT NULL CHECK (action = 'create' OR action = 'update' OR action = 'delete'),"
  "  scope TEXT,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "INSERT INTO history_with_targets (id, changed, plan_uuid, goal_uuid, entity, action, scope, field,"
  "    old_value, new_value)"
  "  SELECT id, changed, plan_uuid, goal_uuid, entity, action, scope, field, old_value, new_value"
  "  FROM history;"
  "DROP TABLE history;"
  "ALTER TABLE history_with_targets RENAME TO history;"
  "CREATE INDEX history_by_plan ON history (plan_uuid, id);"
  "CREATE INDEX history_by_goal ON history (goal_uuid, id);",

  /* 3: the JNE's candidate lists, which place plans (docs/data-model.md,
   * "jne_list").  A row stays without a plan until its plan is imported. */
  "CREATE TABLE jne_list ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_ref INTEGER NOT NULL CHECK (plan_ref > 0),"
  "  file_number TEXT NOT NULL DEFAULT '',"
  "  election TEXT,"
  "  status TEXT,"
  "  organization TEXT,"
  "  ubigeo TEXT CHECK (ubigeo IS NULL OR (length (ubigeo) = 6 AND ubigeo NOT GLOB '*[^0-9]*')),"
  "  region TEXT,"
  "  province TEXT,"
  "  district TEXT,"
  "  UNIQUE (plan_ref, file_number)"
  ");"
  /* The head of each list whose candidates were imported, by expediente. */
  "CREATE TABLE jne_candidate ("
  "  file_number TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL"
  ");",

  /* 4: what merging two libraries needs (docs/merge.md): when each plan,
   * goal, target and entry was last edited, by whom, and the newest version
   * from another desk it accounts for; what was deleted; who made each
   * change, and the conflicts a merge settled. */
  "ALTER TABLE plan ADD COLUMN edited TEXT;"
  "ALTER TABLE plan ADD COLUMN edited_by TEXT;"
  "ALTER TABLE plan ADD COLUMN merged TEXT;"
  "ALTER TABLE goal ADD COLUMN edited TEXT;"
  "ALTER TABLE goal ADD COLUMN edited_by TEXT;"
  "ALTER TABLE goal ADD COLUMN merged TEXT;"
  "ALTER TABLE target ADD COLUMN edited TEXT;"
  "ALTER TABLE target ADD COLUMN edited_by TEXT;"
  "ALTER TABLE target ADD COLUMN merged TEXT;"
  "ALTER TABLE progress ADD COLUMN edited TEXT;"
  "ALTER TABLE progress ADD COLUMN edited_by TEXT;"
  "ALTER TABLE progress ADD COLUMN merged TEXT;"
  /* An entry was last edited when it was recorded, as far as is known. */
  "UPDATE progress SET edited = substr (recorded, 1, 19) || '.000000Z'"
  "  WHERE recorded GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z';"
  ""
  "CREATE TABLE tombstone ("
  "  uuid TEXT PRIMARY KEY,"
  "  plan_uuid TEXT NOT NULL,"
  "  goal_uuid TEXT,"
  "  entity TEXT NOT NULL CHECK (entity = 'goal' OR entity = 'target'),"
  "  deleted TEXT NOT NULL,"
  "  deleted_by TEXT"
  ");"
  "CREATE INDEX tombstone_by_plan ON tombstone (plan_uuid);"
  ""
  "CREATE TABLE history_with_authors ("
  "  id INTEGER PRIMARY KEY,"
  "  changed TEXT NOT NULL,"
  "  plan_uuid TEXT,"
  "  goal_uuid TEXT,"
  "  target_uuid TEXT,"
  "  entity TEXT NOT NULL CHECK (entity = 'plan' OR entity = 'dimension' OR entity = 'goal' OR"
  "      entity = 'target' OR entity = 'progress'),"
  "  action TEXT NOT NULL CHECK (action = 'create' OR action = 'update' OR action = 'delete' OR"
  "      action = 'conflict'),"
  "  scope TEXT,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  author TEXT"
  ");"
  "INSERT INTO history_with_authors (id, changed, plan_uuid, goal_uuid, target_uuid, entity, action, scope,"
  "    field, old_value, new_value)"
  "  SELECT id, changed, plan_uuid, goal_uuid, target_uuid, entity, action, scope, field, old_value,"
  "    new_value FROM history;"
  "DROP TABLE history;"
  "ALTER TABLE history_with_authors RENAME TO history;"
  "CREATE INDEX history_by_plan ON history (plan_uuid, id);"
  "CREATE INDEX history_by_goal ON history (goal_uuid, id);",

  /* 5: each plan, goal and progress entry carries the version it was last
   * saved at, so that a save made on an older one is caught as a conflict
   * (docs/postgresql.md, "Two desks, one item").  A goal's version also
   * stands for its targets. */
  "ALTER TABLE plan ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE goal ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE progress ADD COLUMN version INTEGER NOT NULL DEFAULT 0;",

  /* 6: nothing changes here.  The version moves with PostgreSQL's, whose
   * list indexes were remade in the orders the list asks for
   * (vigia-schema-postgresql.c); one number tells both stores' schemas. */
  "",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == VIGIA_SCHEMA_VERSION);

const char *
vigia_schema_get_migration (guint version)
{
  if (version == 0 || version > G_N_ELEMENTS (migrations))
    return NULL;
  return migrations[version - 1];
}
