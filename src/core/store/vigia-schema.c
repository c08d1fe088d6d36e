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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == VIGIA_SCHEMA_VERSION);

const char *
vigia_schema_get_migration (guint version)
{
  if (version == 0 || version > G_N_ELEMENTS (migrations))
    return NULL;
  return migrations[version - 1];
}
