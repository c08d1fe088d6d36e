/* vigia-progress-csv.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import reads and checks every row before writing any, then writes them
 * all in one transaction: a file with one bad row changes nothing, and the
 * error names each bad row and column as a spreadsheet numbers them.
 */
#define G_LOG_DOMAIN "vigia-progress-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-csv-reader.h"
#include "vigia-enum-types.h"
#include "vigia-error.h"
#include "vigia-period.h"
#include "vigia-progress-csv.h"
#include "vigia-utils.h"

/* More problems than this are counted, not listed. */
#define MAX_PROBLEMS 20

/* target_uuid came with targets (docs/data-model.md, "Goals and targets");
 * a file without it names goals, each of which must have one target. */
typedef enum {
  COLUMN_GOAL_UUID,
  COLUMN_TARGET_UUID,
  COLUMN_PLAN,
  COLUMN_DIMENSION,
  COLUMN_NUMBER,
  COLUMN_INDICATOR,
  COLUMN_TARGET,
  COLUMN_PERIOD,
  COLUMN_SOURCE,
  COLUMN_VALUE,
  COLUMN_STATUS,
  COLUMN_NOTE,
  COLUMN_EVIDENCE,
  COLUMN_RECORDED,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "goal_uuid", "target_uuid", "plan", "dimension", "number", "indicator", "target", "period", "source",
  "value", "status", "note", "evidence", "recorded",
};

typedef struct
{
  guint          row;
  VigiaPlan     *plan;
  VigiaGoal     *goal;
  VigiaTarget   *target;
  char          *period;
  VigiaSource    source;
  double         value;
  VigiaStatus    status;
  char          *note;
  GStrv          evidence;
  char          *recorded;
} Entry;

typedef struct
{
  const char     *name;
  VigiaLibrary   *library;
  VigiaCsvReader *reader;
  int             columns[N_COLUMNS];
  /* gint64 plan id → VigiaPlan */
  GHashTable     *plans;
  /* "target uuid/period/source" → row number, to find a row given twice */
  GHashTable     *seen;
  GPtrArray      *entries;
  GString        *problems;
  guint           n_problems;
  /* Cells in the header: a row with more, filled, was shifted */
  guint           n_header_cells;
} Import;

static void
entry_free (Entry *entry)
{
  g_free (entry->period);
  g_free (entry->note);
  g_strfreev (entry->evidence);
  g_free (entry->recorded);
  g_free (entry);
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                */
/* ---------------------------------------------------------------------- */

/**
 * vigia_progress_csv_add_header:
 *
 * Adds the names of the columns to the row being written, without ending
 * it: a report may add its own columns after them.
 */
void
vigia_progress_csv_add_header (VigiaCsvWriter *writer)
{
  g_return_if_fail (VIGIA_IS_CSV_WRITER (writer));

  for (guint i = 0; i < N_COLUMNS; i++)
    vigia_csv_writer_add_text (writer, column_names[i]);
}

/**
 * vigia_progress_csv_add_entry:
 * @entry: (nullable): the entry, or %NULL for a row to fill in
 *
 * Adds the cells of one entry to the row being written, without ending it.
 */
void
vigia_progress_csv_add_entry (VigiaCsvWriter *writer,
                              VigiaPlan      *plan,
                              VigiaDimension *dimension,
                              VigiaGoal      *goal,
                              VigiaTarget    *target,
                              const char     *period,
                              VigiaSource     source,
                              VigiaProgress  *entry)
{
  g_autofree char *place = NULL;
  g_autofree char *plan_label = NULL;
  g_autofree char *dimension_name = NULL;
  g_autofree char *evidence = NULL;

  g_return_if_fail (VIGIA_IS_CSV_WRITER (writer));
  g_return_if_fail (VIGIA_IS_PLAN (plan));
  g_return_if_fail (VIGIA_IS_DIMENSION (dimension));
  g_return_if_fail (VIGIA_IS_GOAL (goal));
  g_return_if_fail (VIGIA_IS_TARGET (target));
  g_return_if_fail (entry == NULL || VIGIA_IS_PROGRESS (entry));

  place = vigia_plan_dup_place_label (plan);
  plan_label = g_strdup_printf ("%s — %s", vigia_plan_get_organization (plan) ? vigia_plan_get_organization (plan) : "",
                                place);
  dimension_name = vigia_dimension_dup_name (dimension);

  vigia_csv_writer_add_text (writer, vigia_goal_get_uuid (goal));
  vigia_csv_writer_add_text (writer, vigia_target_get_uuid (target));
  vigia_csv_writer_add_text (writer, plan_label);
  vigia_csv_writer_add_text (writer, dimension_name);
  vigia_csv_writer_add_integer (writer, vigia_goal_get_number (goal));
  vigia_csv_writer_add_text (writer, vigia_goal_get_indicator (goal));
  vigia_csv_writer_add_text (writer, vigia_target_get_text (target));
  vigia_csv_writer_add_text (writer, period);
  vigia_csv_writer_add_text (writer, vigia_enum_to_nick (VIGIA_TYPE_SOURCE, source));

  if (entry == NULL)
    {
      for (guint i = COLUMN_VALUE; i < N_COLUMNS; i++)
        vigia_csv_writer_add_text (writer, NULL);
      return;
    }

  if (vigia_progress_get_evidence (entry) != NULL)
    evidence = g_strjoinv ("\n", (char **) vigia_progress_get_evidence (entry));

  vigia_csv_writer_add_number (writer, vigia_progress_get_value (entry));
  vigia_csv_writer_add_text (writer, vigia_enum_to_nick (VIGIA_TYPE_STATUS,
                                                         vigia_progress_get_status (entry)));
  vigia_csv_writer_add_text (writer, vigia_progress_get_note (entry));
  vigia_csv_writer_add_text (writer, evidence);
  vigia_csv_writer_add_text (writer, vigia_progress_get_recorded (entry));
}

/**
 * vigia_progress_csv_write_plan:
 * @period: (nullable): a semester, for one row per goal (and source) to fill
 *   in, with what is recorded already; %NULL for every entry of the plan
 * @source: a #VigiaSource, or -1 for both
 *
 * Writes rows (not the header) for the plan's targets, in the plan's order.
 */
gboolean
vigia_progress_csv_write_plan (VigiaCsvWriter  *writer,
                               VigiaPlan       *plan,
                               const char      *period,
                               int              source,
                               GCancellable    *cancellable,
                               GError         **error)
{
  guint n_dims;

  g_return_val_if_fail (VIGIA_IS_CSV_WRITER (writer), FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (period == NULL || vigia_period_is_valid (period), FALSE);

  n_dims = vigia_plan_get_n_dimensions (plan);
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          guint n_targets = vigia_goal_get_n_targets (goal);

          for (guint t = 0; t < n_targets; t++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, t);
              GListModel *entries = vigia_target_get_progress (target);
              guint n_entries = g_list_model_get_n_items (entries);

              if (period != NULL)
                {
                  for (int s = VIGIA_SOURCE_AUTHORITY; s <= VIGIA_SOURCE_OBSERVER; s++)
                    {
                      if (source >= 0 && s != source)
                        continue;
                      vigia_progress_csv_add_entry (writer, plan, dim, goal, target, period, s,
                                                    vigia_target_find_progress (target, period, s));
                      if (!vigia_csv_writer_end_row (writer, cancellable, error))
                        return FALSE;
                    }
                  continue;
                }

              for (guint k = 0; k < n_entries; k++)
                {
                  g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, k);

                  if (source >= 0 && (int) vigia_progress_get_source (entry) != source)
                    continue;
                  vigia_progress_csv_add_entry (writer, plan, dim, goal, target,
                                                vigia_progress_get_period (entry),
                                                vigia_progress_get_source (entry), entry);
                  if (!vigia_csv_writer_end_row (writer, cancellable, error))
                    return FALSE;
                }
            }
        }
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Reading cells                                                          */
/* ---------------------------------------------------------------------- */

/* Trims blanks, no-break spaces included, and undoes formula neutralising. */
static char *
clean_cell (const char *cell)
{
  g_autofree char *plain = vigia_csv_unneutralize (cell);
  const char *start = plain;
  const char *end = plain + strlen (plain);

  while (start < end && (g_unichar_isspace (g_utf8_get_char (start)) ||
                         g_utf8_get_char (start) == 0x00A0))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (!g_unichar_isspace (c) && c != 0x00A0)
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/**
 * vigia_progress_parse_value:
 * @delimiter: the file's cell separator (',' on a command line): in
 *   semicolon-separated files a point is the likelier thousands separator
 * @value: (out): the number
 *
 * Reads a value as people write it: "12.5", "12,5", "1 500", "1'500,75",
 * "-8", "−8", "40 %".  A single separator is the decimal one, except that a
 * thousands separator (a comma, or a point in a semicolon-separated file)
 * before exactly three digits could be either, and is refused rather than
 * guessed.
 *
 * Returns: %TRUE, or %FALSE with @error (%VIGIA_ERROR_PARSE) saying why
 */
gboolean
vigia_progress_parse_value (const char  *text,
                            char         delimiter,
                            double      *value,
                            GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;
  const char *last_sep = NULL;
  guint n_points = 0, n_commas = 0;
  char decimal;
  char *end = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (g_str_has_prefix (p, "−"))
    {
      g_string_append_c (digits, '-');
      p += strlen ("−");
    }
  else if (*p == '-' || *p == '+')
    g_string_append_c (digits, *p++);

  for (const char *q = p; *q != '\0'; q++)
    {
      if (*q == '.')
        n_points++, last_sep = q;
      else if (*q == ',')
        n_commas++, last_sep = q;
    }

  if (n_points > 0 && n_commas > 0)
    decimal = *last_sep;
  else if (n_points + n_commas > 1)
    decimal = 0; /* one kind, several times: grouping only */
  else if (n_points + n_commas == 1)
    {
      char thousands = delimiter == ';' ? '.' : ',';
      const char *after = last_sep + 1;

      decimal = *last_sep;
      if (*last_sep == thousands && strspn (after, "0123456789") == 3 && after[3] == '\0' &&
          last_sep > p && !(last_sep - p == 1 && *p == '0'))
        {
          g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE,
                       _("“%s” could be read two ways: write it without a thousands separator"),
                       text);
          return FALSE;
        }
    }
  else
    decimal = 0;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == decimal)
        {
          g_string_append_c (digits, '.');
          decimal = 0;
        }
      else if (*p == '.' || *p == ',' || *p == ' ' || *p == '\'')
        continue;
      else if (g_str_has_prefix (p, "\xC2\xA0"))
        p++;
      else if (*p == '%' && strspn (p + 1, " ") == strlen (p + 1))
        break;
      else
        goto not_a_number;
    }

  if (digits->len == 0 || strspn (digits->str, "+-.") == digits->len)
    goto not_a_number;

  *value = g_ascii_strtod (digits->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (*value))
    goto not_a_number;
  return TRUE;

not_a_number:
  g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE, _("“%s” is not a number"), text);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Import                                                                 */
/* ---------------------------------------------------------------------- */

static void
add_problem (Import     *import,
             guint       row,
             Column      column,
             const char *reason)
{
  import->n_problems++;
  if (import->n_problems > MAX_PROBLEMS)
    return;

  if (import->problems->len > 0)
    g_string_append_c (import->problems, '\n');
  if ((int) column >= 0)
    /* Translators: file name, row number, column name, what is wrong:
     * "progress.csv: row 7, column value: “abc” is not a number". */
    g_string_append_printf (import->problems, _("%s: row %u, column %s: %s"),
                            import->name, row, column_names[column], reason);
  else
    /* Translators: file name, row number, what is wrong. */
    g_string_append_printf (import->problems, _("%s: row %u: %s"), import->name, row, reason);
}

/* For a problem whose message names its row already. */
static void
add_file_problem (Import     *import,
                  const char *message)
{
  import->n_problems++;
  if (import->n_problems > MAX_PROBLEMS)
    return;

  if (import->problems->len > 0)
    g_string_append_c (import->problems, '\n');
  g_string_append_printf (import->problems, "%s: %s", import->name, message);
}

static const char *
cell (Import *import,
      Column  column)
{
  if (import->columns[column] < 0)
    return NULL;
  return vigia_csv_reader_get_field (import->reader, import->columns[column]);
}

static gboolean
read_header (Import *import)
{
  g_autoptr(GError) error = NULL;
  guint n;

  for (guint i = 0; i < N_COLUMNS; i++)
    import->columns[i] = -1;

  if (!vigia_csv_reader_next_row (import->reader, &error))
    {
      add_file_problem (import, error != NULL ? error->message : _("the file is empty"));
      return FALSE;
    }

  n = vigia_csv_reader_get_n_fields (import->reader);
  import->n_header_cells = n;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = clean_cell (vigia_csv_reader_get_field (import->reader, i));
      g_autofree char *folded = g_ascii_strdown (name, -1);

      g_strdelimit (folded, " -", '_');
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (g_strcmp0 (folded, column_names[c]) != 0)
            continue;
          if (import->columns[c] >= 0)
            {
              g_autofree char *reason = g_strdup_printf (_("the column “%s” appears twice"),
                                                         column_names[c]);

              add_problem (import, 1, -1, reason);
            }
          import->columns[c] = i;
        }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (import->columns[c] >= 0 || (c != COLUMN_GOAL_UUID && c != COLUMN_PERIOD))
        continue;
      /* A target's uuid names its goal too. */
      if (c == COLUMN_GOAL_UUID && import->columns[COLUMN_TARGET_UUID] >= 0)
        continue;
      {
        g_autofree char *reason = g_strdup_printf (_("the column “%s” is missing"), column_names[c]);

        add_problem (import, 1, -1, reason);
      }
    }

  return import->n_problems == 0;
}

static VigiaPlan *
find_plan (Import      *import,
           gint64       plan_id,
           GError     **error)
{
  VigiaPlan *plan = g_hash_table_lookup (import->plans, &plan_id);

  if (plan == NULL)
    {
      plan = vigia_library_load_plan (import->library, plan_id, error);
      if (plan == NULL)
        return NULL;
      g_hash_table_insert (import->plans, g_memdup2 (&plan_id, sizeof plan_id), plan);
    }
  return plan;
}

/* The row's target: by its uuid, or by its goal's where the goal has one
 * target.  Says what is wrong as a problem of the row. */
static void
find_target (Import     *import,
             guint       row,
             const char *goal_uuid,
             const char *target_uuid,
             Entry      *entry)
{
  g_autoptr(GError) error = NULL;
  gint64 plan_id = 0;
  gint64 id;

  if (*target_uuid != '\0')
    {
      id = vigia_library_lookup_target (import->library, target_uuid, NULL, &plan_id, &error);
      if (id > 0 && (entry->plan = find_plan (import, plan_id, &error)) != NULL)
        entry->target = vigia_plan_find_target (entry->plan, target_uuid, &entry->goal);
      if (error != NULL)
        add_problem (import, row, COLUMN_TARGET_UUID, error->message);
      else if (entry->target == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("there is no target “%s” in the library"), target_uuid);

          add_problem (import, row, COLUMN_TARGET_UUID, reason);
        }
      else if (*goal_uuid != '\0' && g_strcmp0 (goal_uuid, vigia_goal_get_uuid (entry->goal)) != 0)
        add_problem (import, row, COLUMN_TARGET_UUID, _("the target is not one of the goal’s"));
      return;
    }

  if (*goal_uuid == '\0')
    {
      add_problem (import, row, COLUMN_GOAL_UUID, _("the goal is missing"));
      return;
    }

  id = vigia_library_lookup_goal (import->library, goal_uuid, &plan_id, &error);
  if (id > 0 && (entry->plan = find_plan (import, plan_id, &error)) != NULL)
    vigia_plan_find_goal (entry->plan, goal_uuid, &entry->goal);
  if (error != NULL)
    add_problem (import, row, COLUMN_GOAL_UUID, error->message);
  else if (entry->goal == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("there is no goal “%s” in the library"), goal_uuid);

      add_problem (import, row, COLUMN_GOAL_UUID, reason);
    }
  else if (vigia_goal_get_n_targets (entry->goal) > 1)
    {
      g_autofree char *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "the goal has %u target: name it in target_uuid",
                                                              "the goal has %u targets: name one in target_uuid",
                                                              vigia_goal_get_n_targets (entry->goal)),
                                                 vigia_goal_get_n_targets (entry->goal));

      add_problem (import, row, COLUMN_GOAL_UUID, reason);
    }
  else
    entry->target = vigia_goal_get_target (entry->goal, 0);
}

static void
read_row (Import *import)
{
  guint row = vigia_csv_reader_get_row_number (import->reader);
  g_autofree char *uuid = clean_cell (cell (import, COLUMN_GOAL_UUID));
  g_autofree char *target_uuid = clean_cell (cell (import, COLUMN_TARGET_UUID));
  g_autofree char *period = clean_cell (cell (import, COLUMN_PERIOD));
  g_autofree char *source_text = clean_cell (cell (import, COLUMN_SOURCE));
  g_autofree char *value_text = clean_cell (cell (import, COLUMN_VALUE));
  g_autofree char *status_text = clean_cell (cell (import, COLUMN_STATUS));
  g_autofree char *note = clean_cell (cell (import, COLUMN_NOTE));
  g_autofree char *evidence_text = clean_cell (cell (import, COLUMN_EVIDENCE));
  g_autofree char *recorded_text = clean_cell (cell (import, COLUMN_RECORDED));
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;
  guint n_before = import->n_problems;
  int year, half;
  VigiaSource source = VIGIA_SOURCE_AUTHORITY;
  gpointer other_row;

  /* A template row left blank records nothing. */
  if (*value_text == '\0' && *status_text == '\0' && *note == '\0' && *evidence_text == '\0')
    return;

  /* Cells beyond the header's hold something no column names: a comma
   * outside quotes has moved the cells after it, and what each column
   * reads is not what was meant. */
  for (guint i = import->n_header_cells; i < vigia_csv_reader_get_n_fields (import->reader); i++)
    {
      g_autofree char *extra = clean_cell (vigia_csv_reader_get_field (import->reader, i));

      if (*extra != '\0')
        {
          g_autofree char *reason = g_strdup_printf (_("%u cells where the header has %u: a comma outside "
                                                       "quotes may have moved the cells after it"),
                                                     vigia_csv_reader_get_n_fields (import->reader),
                                                     import->n_header_cells);

          add_problem (import, row, -1, reason);
          return;
        }
    }

  entry = g_new0 (Entry, 1);
  entry->row = row;
  entry->value = VIGIA_NO_VALUE;

  find_target (import, row, uuid, target_uuid, entry);
  if (entry->target == NULL)
    entry->plan = NULL;

  if (!vigia_period_parse (period, &year, &half))
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is not a semester: write it as 2027-S1 or 2027-S2"),
                                                 period);

      add_problem (import, row, COLUMN_PERIOD, reason);
    }
  else
    {
      entry->period = vigia_period_format (year, half);
      if (entry->plan != NULL && vigia_plan_has_term (entry->plan) &&
          vigia_term_get_period_index (vigia_plan_get_term_start (entry->plan),
                                       vigia_plan_get_term_end (entry->plan), entry->period) == 0)
        {
          g_autofree char *term = vigia_plan_dup_term_label (entry->plan);
          g_autofree char *reason = g_strdup_printf (_("“%s” is outside the plan’s term, %s"),
                                                     period, term);

          add_problem (import, row, COLUMN_PERIOD, reason);
        }
    }

  if (*source_text != '\0' && !vigia_source_parse (source_text, &source, &error))
    {
      add_problem (import, row, COLUMN_SOURCE, error->message);
      g_clear_error (&error);
    }
  entry->source = source;

  if (*value_text != '\0' &&
      !vigia_progress_parse_value (value_text, vigia_csv_reader_get_delimiter (import->reader),
                                   &entry->value, &error))
    {
      add_problem (import, row, COLUMN_VALUE, error->message);
      g_clear_error (&error);
    }

  entry->status = VIGIA_STATUS_NOT_RATED;
  if (*status_text != '\0' && !vigia_status_parse (status_text, &entry->status, &error))
    {
      add_problem (import, row, COLUMN_STATUS, error->message);
      g_clear_error (&error);
    }

  if (cell (import, COLUMN_NOTE) != NULL)
    entry->note = g_strdup (note);
  if (cell (import, COLUMN_EVIDENCE) != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) lines = g_strsplit (evidence_text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = clean_cell (lines[i]);

          if (*line != '\0')
            g_strv_builder_add (builder, line);
        }
      entry->evidence = g_strv_builder_end (builder);
    }

  if (*recorded_text != '\0')
    {
      entry->recorded = vigia_progress_parse_date (recorded_text, &error);
      if (entry->recorded == NULL)
        {
          add_problem (import, row, COLUMN_RECORDED, error->message);
          g_clear_error (&error);
        }
    }

  if (import->n_problems == n_before)
    {
      key = g_strdup_printf ("%s/%s/%d", vigia_target_get_uuid (entry->target), entry->period, entry->source);
      if (g_hash_table_lookup_extended (import->seen, key, NULL, &other_row))
        {
          g_autofree char *reason = g_strdup_printf (_("the same target, period and source as row %u"),
                                                     GPOINTER_TO_UINT (other_row));

          add_problem (import, row, -1, reason);
        }
      else
        g_hash_table_insert (import->seen, g_steal_pointer (&key), GUINT_TO_POINTER (row));
    }

  if (import->n_problems == n_before)
    g_ptr_array_add (import->entries, entry);
  else
    entry_free (entry);
}

static gboolean
write_entries (Import  *import,
               GError **error)
{
  if (!vigia_library_begin (import->library, error))
    return FALSE;

  for (guint i = 0; i < import->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (import->entries, i);
      VigiaProgress *existing = vigia_target_find_progress (entry->target, entry->period, entry->source);
      g_autoptr(VigiaProgress) progress = NULL;

      progress = existing != NULL ? vigia_progress_copy (existing)
                                  : vigia_progress_new (entry->period, entry->source);
      vigia_progress_set_value (progress, entry->value);
      vigia_progress_set_status (progress, entry->status);
      if (cell (import, COLUMN_NOTE) != NULL)
        vigia_progress_set_note (progress, *entry->note != '\0' ? entry->note : NULL);
      if (cell (import, COLUMN_EVIDENCE) != NULL)
        vigia_progress_set_evidence (progress, (const char * const *) entry->evidence);
      if (entry->recorded != NULL)
        vigia_progress_set_recorded (progress, entry->recorded);

      if (!vigia_library_save_progress (import->library, entry->plan, entry->goal, entry->target, progress,
                                        error))
        {
          vigia_library_rollback (import->library);
          g_prefix_error (error, _("%s: row %u: "), import->name, entry->row);
          return FALSE;
        }
    }

  return vigia_library_commit (import->library, error);
}

/**
 * vigia_progress_csv_import:
 * @name: the file's name, for messages
 * @data: the file's bytes
 * @n_saved: (out) (optional): how many entries were written
 *
 * Reads progress entries in the columns vigia_progress_csv_add_header()
 * names and saves them, all in one transaction.  If any row is wrong nothing
 * is saved, and @error (%VIGIA_ERROR_PARSE) says what is wrong, one line per
 * problem: "progress.csv: row 7, column value: “abc” is not a number".
 */
gboolean
vigia_progress_csv_import (VigiaLibrary  *library,
                           const char    *name,
                           const char    *data,
                           gsize          length,
                           guint         *n_saved,
                           GError       **error)
{
  g_autoptr(VigiaCsvReader) reader = NULL;
  g_autoptr(GHashTable) plans = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  Import import = { 0, };

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (n_saved != NULL)
    *n_saved = 0;

  reader = vigia_csv_reader_new (data != NULL ? data : "", length);
  plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  import.name = name;
  import.library = library;
  import.reader = reader;
  import.plans = plans;
  import.seen = seen;
  import.entries = entries;
  import.problems = problems;

  if (read_header (&import))
    {
      g_autoptr(GError) local_error = NULL;

      while (vigia_csv_reader_next_row (reader, &local_error))
        {
          if (!vigia_csv_reader_row_is_blank (reader))
            read_row (&import);
        }
      if (local_error != NULL)
        add_file_problem (&import, local_error->message);
    }

  if (import.n_problems > 0)
    {
      if (import.n_problems > MAX_PROBLEMS)
        {
          guint more = import.n_problems - MAX_PROBLEMS;

          g_string_append_c (problems, '\n');
          g_string_append_printf (problems,
                                  g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem",
                                               "%s: and %u more problems", more),
                                  name, more);
        }
      g_set_error_literal (error, VIGIA_ERROR, VIGIA_ERROR_PARSE, problems->str);
      return FALSE;
    }

  if (entries->len > 0 && !write_entries (&import, error))
    return FALSE;

  if (n_saved != NULL)
    *n_saved = entries->len;
  return TRUE;
}

/**
 * vigia_progress_csv_import_file:
 *
 * vigia_progress_csv_import() on the contents of @file, its messages
 * naming the file by its base name.
 */
gboolean
vigia_progress_csv_import_file (VigiaLibrary  *library,
                                GFile         *file,
                                guint         *n_saved,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  name = g_file_get_basename (file);
  return vigia_progress_csv_import (library, name, contents, length, n_saved, error);
}
