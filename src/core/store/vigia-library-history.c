/* vigia-library-history.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * VigiaLibrary, its history: every change to a plan, a goal or a progress
 * entry is a row of the history table, written in the change's own
 * transaction, so that nothing is lost and a goal's timeline can be told.
 */
#define G_LOG_DOMAIN "vigia-library"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-library-private.h"
#include "vigia-utils.h"

/* ---------------------------------------------------------------------- */
/* History                                                                */
/* ---------------------------------------------------------------------- */

/* The text a property's value is recorded as: what a person can read back. */
char *
_vigia_library_value_to_text (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      return strv != NULL && strv[0] != NULL ? g_strjoinv ("\n", (char **) strv) : NULL;
    }
  if (type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double d = g_value_get_double (value);

      return VIGIA_HAS_VALUE (d) ? g_strdup (g_ascii_dtostr (buf, sizeof buf, d)) : NULL;
    }
  if (type == G_TYPE_INT)
    return g_value_get_int (value) != 0 ? g_strdup_printf ("%d", g_value_get_int (value)) : NULL;
  if (type == G_TYPE_UINT)
    return g_strdup_printf ("%u", g_value_get_uint (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_TYPE_IS_ENUM (type))
    return g_strdup (vigia_enum_to_nick (type, g_value_get_enum (value)));

  g_return_val_if_reached (NULL);
}

/* The reverse of _vigia_library_value_to_text(). */
void
_vigia_library_value_from_text (GValue     *value,
                                const char *text)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else if (type == G_TYPE_STRV)
    {
      g_auto(GStrv) lines = text != NULL ? g_strsplit (text, "\n", -1) : NULL;

      g_value_set_boxed (value, lines);
    }
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, text != NULL ? g_ascii_strtod (text, NULL) : VIGIA_NO_VALUE);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, text != NULL ? (int) g_ascii_strtoll (text, NULL, 10) : 0);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : 0);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, g_strcmp0 (text, "true") == 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      int nick_value;

      if (text != NULL && vigia_enum_from_nick (type, text, &nick_value))
        g_value_set_enum (value, nick_value);
    }
}

gboolean
_vigia_library_insert_history (VigiaLibrary  *self,
                               const char    *now,
                               const char    *plan_uuid,
                               const char    *goal_uuid,
                               const char    *entity,
                               const char    *action,
                               const char    *scope,
                               const char    *field,
                               const char    *old_value,
                               const char    *new_value,
                               GError       **error)
{
  return _vigia_library_insert_target_history (self, now, plan_uuid, goal_uuid, NULL, entity, action, scope,
                                               field, old_value, new_value, error);
}

gboolean
_vigia_library_insert_target_history (VigiaLibrary  *self,
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
                                      GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = _vigia_library_prepare (self,
                                 "INSERT INTO history (changed, plan_uuid, goal_uuid, target_uuid, entity, action,"
                                 " scope, field, old_value, new_value, author, id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _vigia_library_bind_text (stmt, 1, now);
  _vigia_library_bind_text (stmt, 2, plan_uuid);
  _vigia_library_bind_text (stmt, 3, goal_uuid);
  _vigia_library_bind_text (stmt, 4, target_uuid);
  _vigia_library_bind_text (stmt, 5, entity);
  _vigia_library_bind_text (stmt, 6, action);
  _vigia_library_bind_text (stmt, 7, scope);
  _vigia_library_bind_text (stmt, 8, field);
  _vigia_library_bind_text (stmt, 9, old_value);
  _vigia_library_bind_text (stmt, 10, new_value);
  _vigia_library_bind_text (stmt, 11, self->writing_as != NULL ? self->writing_as : self->author);

  return _vigia_library_insert_row (self, stmt, ROW_HISTORY, 12, &self->last_history_id, error);
}

/* Records one history row per property that differs between @old_object and
 * @new_object; *@n_changed says how many did.  A target's rows name it and
 * record its fields under @recorded_as, the names history has always used
 * for a target's fields ("target-text"). */
gboolean
_vigia_library_insert_history_diff (VigiaLibrary        *self,
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
                                    GError             **error)
{
  *n_changed = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      g_object_get_property (old_object, fields[i], &old_value);
      g_object_get_property (new_object, fields[i], &new_value);
      old_text = _vigia_library_value_to_text (&old_value);
      new_text = _vigia_library_value_to_text (&new_value);

      if (g_strcmp0 (old_text, new_text) == 0)
        continue;

      (*n_changed)++;
      if (!_vigia_library_insert_target_history (self, now, plan_uuid, goal_uuid, target_uuid, entity,
                                                 "update", scope,
                                                 recorded_as != NULL ? recorded_as[i] : fields[i],
                                                 old_text, new_text, error))
        return FALSE;
    }

  return TRUE;
}

static void
history_entry_from_row (VigiaStatement       *stmt,
                        VigiaHistoryEntry  *entry)
{
  entry->id = vigia_statement_column_int64 (stmt, 0);
  entry->changed = g_strdup (_vigia_library_column_text (stmt, 1));
  entry->plan_uuid = g_strdup (_vigia_library_column_text (stmt, 2));
  entry->goal_uuid = g_strdup (_vigia_library_column_text (stmt, 3));
  entry->entity = g_strdup (_vigia_library_column_text (stmt, 4));
  entry->action = g_strdup (_vigia_library_column_text (stmt, 5));
  entry->scope = g_strdup (_vigia_library_column_text (stmt, 6));
  entry->field = g_strdup (_vigia_library_column_text (stmt, 7));
  entry->old_value = g_strdup (_vigia_library_column_text (stmt, 8));
  entry->new_value = g_strdup (_vigia_library_column_text (stmt, 9));
  entry->target_uuid = g_strdup (_vigia_library_column_text (stmt, 10));
  entry->author = g_strdup (_vigia_library_column_text (stmt, 11));
}

void
vigia_history_entry_free (VigiaHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->changed);
  g_free (entry->plan_uuid);
  g_free (entry->goal_uuid);
  g_free (entry->target_uuid);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->scope);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->author);
  g_free (entry);
}

/**
 * vigia_library_list_history:
 * @plan_uuid: (nullable): only the changes to this plan
 * @goal_uuid: (nullable): only the changes to this goal
 *
 * Returns: (transfer full) (element-type VigiaHistoryEntry): the changes,
 *   oldest first
 */
GPtrArray *
vigia_library_list_history (VigiaLibrary  *self,
                            const char    *plan_uuid,
                            const char    *goal_uuid,
                            GError       **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (self), NULL);

  stmt = _vigia_library_prepare (self,
                                 "SELECT id, changed, plan_uuid, goal_uuid, entity, action, scope, field,"
                                 " old_value, new_value, target_uuid, author FROM history"
                                 " WHERE (CAST (?1 AS text) IS NULL OR plan_uuid = ?1) AND (CAST (?2 AS text) IS NULL OR goal_uuid = ?2)"
                                 " ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;
  _vigia_library_bind_text (stmt, 1, plan_uuid);
  _vigia_library_bind_text (stmt, 2, goal_uuid);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_history_entry_free);
  while ((rc = _vigia_library_step (self, stmt)) == SQLITE_ROW)
    {
      VigiaHistoryEntry *entry = g_new0 (VigiaHistoryEntry, 1);

      history_entry_from_row (stmt, entry);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _vigia_library_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
