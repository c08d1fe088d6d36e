/* vigia-report.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is a snapshot: it copies the plan, so that it can be written in
 * a worker thread while the plan is edited, and assesses it once.  Its
 * content is built in words the first time a writer asks for it.
 */
#define G_LOG_DOMAIN "vigia-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-chart-dimension.h"
#include "vigia-chart-plan.h"
#include "vigia-chart-trajectory.h"
#include "vigia-declara-writer.h"
#include "vigia-error.h"
#include "vigia-file-utils.h"
#include "vigia-json-writer.h"
#include "vigia-number.h"
#include "vigia-period.h"
#include "vigia-report-csv.h"
#include "vigia-report-private.h"
#include "vigia-utils.h"

#define N_SOURCES 2

struct _VigiaReport
{
  GObject          parent_instance;

  VigiaPlan       *plan;
  /* The plan without the entries after the period, for the trajectories. */
  VigiaPlan       *plan_as_of;
  char            *period;
  VigiaAssessment *assessment;
  GDateTime       *date;
  gboolean         has_observer;
  /* In a site: the page holding each target's section, which the goal
   * tables link to; NULL in a report of its own. */
  char            *targets_page;
  /* Whether this is that page. */
  gboolean         targets_only;
  /* VigiaReportBlock, built on first use. */
  GPtrArray       *blocks;
};

G_DEFINE_FINAL_TYPE (VigiaReport, vigia_report, G_TYPE_OBJECT)

typedef struct
{
  VigiaReportFormat  format;
  GFile             *file;
} WriteData;

static const struct {
  const char *name;
  const char *mime_type;
} formats[VIGIA_REPORT_N_FORMATS] = {
  [VIGIA_REPORT_FORMAT_PDF]  = { "pdf",  "application/pdf" },
  [VIGIA_REPORT_FORMAT_HTML] = { "html", "text/html" },
  [VIGIA_REPORT_FORMAT_CSV]  = { "csv",  "text/csv" },
  [VIGIA_REPORT_FORMAT_TXT]  = { "txt",  "text/plain" },
  [VIGIA_REPORT_FORMAT_JSON] = { "json", "application/json" },
};

/* The order statuses are listed in: best first, not rated last. */
static const VigiaStatus status_order[] = {
  VIGIA_STATUS_KEPT, VIGIA_STATUS_PARTLY_KEPT, VIGIA_STATUS_IN_PROGRESS,
  VIGIA_STATUS_STALLED, VIGIA_STATUS_BROKEN, VIGIA_STATUS_NOT_RATED,
};

/* ---------------------------------------------------------------------- */
/* Formats                                                                */
/* ---------------------------------------------------------------------- */

/**
 * vigia_report_format_get_name:
 *
 * Returns: the format's name on the command line, which is also the
 *   extension of its files: "pdf", "html", "csv", "txt", "json"
 */
const char *
vigia_report_format_get_name (VigiaReportFormat format)
{
  g_return_val_if_fail ((guint) format < VIGIA_REPORT_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
vigia_report_format_from_name (const char        *name,
                               VigiaReportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < VIGIA_REPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (name != NULL ? name : "", formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vigia_report_format_get_label (VigiaReportFormat format)
{
  switch (format)
    {
    case VIGIA_REPORT_FORMAT_PDF:  return _("PDF document");
    case VIGIA_REPORT_FORMAT_HTML: return _("Web page (HTML)");
    case VIGIA_REPORT_FORMAT_CSV:  return _("Spreadsheet (CSV)");
    case VIGIA_REPORT_FORMAT_TXT:  return _("Plan summary as text (JNE layout)");
    case VIGIA_REPORT_FORMAT_JSON: return _("Vigía exchange file (JSON)");
    default:                       return _("Unknown");
    }
}

const char *
vigia_report_format_get_mime_type (VigiaReportFormat format)
{
  g_return_val_if_fail ((guint) format < VIGIA_REPORT_N_FORMATS, NULL);
  return formats[format].mime_type;
}

/* ---------------------------------------------------------------------- */
/* Blocks                                                                 */
/* ---------------------------------------------------------------------- */

static void
item_free (VigiaReportItem *item)
{
  g_free (item->text);
  g_free (item->uri);
  g_free (item);
}

static GPtrArray *
items_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
}

static VigiaReportItem *
add_item (GPtrArray            *items,
          VigiaReportItemKind   kind,
          VigiaReportItemFlags  flags,
          const char           *text)
{
  VigiaReportItem *item = g_new0 (VigiaReportItem, 1);

  item->kind = kind;
  item->flags = flags;
  item->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (items, item);
  return item;
}

static void
add_text (GPtrArray            *items,
          VigiaReportItemFlags  flags,
          const char           *text)
{
  add_item (items, VIGIA_REPORT_ITEM_TEXT, flags, text);
}

static void
add_status (GPtrArray   *items,
            VigiaStatus  status)
{
  add_item (items, VIGIA_REPORT_ITEM_STATUS, VIGIA_REPORT_ITEM_PLAIN,
            vigia_status_get_label (status))->status = status;
}

/* An address as written, linked through its escaped form: blanks, quotes,
 * angle brackets and letters beyond ASCII are not allowed in a link. */
static void
add_link (GPtrArray  *items,
          const char *uri)
{
  g_autofree char *stripped = g_strstrip (g_strdup (uri));

  add_item (items, VIGIA_REPORT_ITEM_LINK, VIGIA_REPORT_ITEM_PLAIN, stripped)->uri =
    g_uri_escape_string (stripped, ":/?#[]@!$&'()*+,;=%", FALSE);
}

/* A link to a section of a page of the same site. */
static void
add_section_link (GPtrArray  *items,
                  const char *page,
                  const char *anchor,
                  const char *text)
{
  add_item (items, VIGIA_REPORT_ITEM_LINK, VIGIA_REPORT_ITEM_INTERNAL, text)->uri =
    g_strconcat (page, "#", anchor, NULL);
}

static void
row_free (VigiaReportRow *row,
          guint           n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_unref (row->cells[i]);
  g_free (row->cells);
  g_clear_pointer (&row->detail, g_ptr_array_unref);
  g_free (row);
}

static void
table_free (VigiaReportTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    row_free (g_ptr_array_index (table->rows, i), table->n_columns);
  g_ptr_array_unref (table->rows);
  for (guint i = 0; i < table->n_columns; i++)
    g_free (table->columns[i].title);
  g_free (table->columns);
  g_free (table->caption);
  g_free (table);
}

static void
figure_free (VigiaReportFigure *figure)
{
  g_free (figure->caption);
  g_free (figure);
}

static void
block_free (VigiaReportBlock *block)
{
  g_free (block->text);
  g_free (block->subtitle);
  g_free (block->anchor);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->figures, g_ptr_array_unref);
  g_free (block);
}

static VigiaReportBlock *
add_block (GPtrArray            *blocks,
           VigiaReportBlockKind  kind,
           const char           *text)
{
  VigiaReportBlock *block = g_new0 (VigiaReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (blocks, block);
  return block;
}

static VigiaReportBlock *
add_heading (GPtrArray  *blocks,
             guint       level,
             const char *text,
             const char *anchor)
{
  VigiaReportBlock *block = add_block (blocks, VIGIA_REPORT_BLOCK_HEADING, text);

  block->level = level;
  block->anchor = g_strdup (anchor);
  return block;
}

static VigiaReportBlock *
add_paragraph (GPtrArray            *blocks,
               VigiaReportTextStyle  style,
               const char           *text)
{
  VigiaReportBlock *block = add_block (blocks, VIGIA_REPORT_BLOCK_PARAGRAPH, text);

  block->style = style;
  return block;
}

/* A plan's free text, one block per paragraph (blank lines part them). */
static void
add_free_text (GPtrArray  *blocks,
               const char *text)
{
  g_auto(GStrv) paragraphs = NULL;

  if (vigia_str_empty (text))
    {
      add_paragraph (blocks, VIGIA_REPORT_TEXT_NOTE, _("Not recorded in the plan."));
      return;
    }

  paragraphs = g_regex_split_simple ("\\n[ \\t\\r]*\\n", text, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (paragraphs[i]));

      if (*trimmed != '\0')
        add_paragraph (blocks, VIGIA_REPORT_TEXT_BODY, trimmed);
    }
}

static VigiaReportTable *
table_new (const char *caption,
           gboolean    header,
           guint       n_columns)
{
  VigiaReportTable *table = g_new0 (VigiaReportTable, 1);

  table->caption = g_strdup (caption);
  table->header = header;
  table->n_columns = n_columns;
  table->columns = g_new0 (VigiaReportColumn, n_columns);
  table->rows = g_ptr_array_new ();
  return table;
}

static void
table_set_column (VigiaReportTable *table,
                  guint             column,
                  const char       *title,
                  double            width,
                  VigiaReportAlign  align,
                  gboolean          stacked)
{
  table->columns[column].title = g_strdup (title);
  table->columns[column].width = width;
  table->columns[column].align = align;
  table->columns[column].stacked = stacked;
}

static VigiaReportRow *
table_add_row (VigiaReportTable *table)
{
  VigiaReportRow *row = g_new0 (VigiaReportRow, 1);

  row->cells = g_new0 (GPtrArray *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = items_new ();
  g_ptr_array_add (table->rows, row);
  return row;
}

static VigiaReportBlock *
add_table (GPtrArray        *blocks,
           VigiaReportTable *table)
{
  VigiaReportBlock *block = add_block (blocks, VIGIA_REPORT_BLOCK_TABLE, NULL);

  block->table = table;
  return block;
}

static VigiaReportBlock *
add_figures (GPtrArray *blocks,
             guint      n_columns,
             double     figure_height)
{
  VigiaReportBlock *block = add_block (blocks, VIGIA_REPORT_BLOCK_FIGURES, NULL);

  block->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  block->n_columns = n_columns;
  block->figure_height = figure_height;
  return block;
}

static VigiaReportFigure *
add_figure (VigiaReportBlock      *block,
            VigiaReportFigureKind  kind,
            VigiaSource            source)
{
  VigiaReportFigure *figure = g_new0 (VigiaReportFigure, 1);

  figure->kind = kind;
  figure->source = source;
  g_ptr_array_add (block->figures, figure);
  return figure;
}

/* ---------------------------------------------------------------------- */
/* Words and numbers                                                      */
/* ---------------------------------------------------------------------- */

static char *
dup_date_label (GDateTime *date)
{
  /* Translators: the date of a report, as strftime() writes it: "25 November 2026". */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* A value in the goal's unit, short enough for a narrow column: "12,5 %",
 * "+8 %", "S/ 1 500", "140". */
static char *
format_value (VigiaTarget *target,
              double       value)
{
  g_autofree char *number = NULL;
  const char *unit = vigia_target_get_unit (target);

  if (!VIGIA_HAS_VALUE (value))
    return g_strdup ("—");

  number = vigia_number_format (value, 2);
  switch (vigia_target_get_measure (target))
    {
    case VIGIA_MEASURE_PERCENT:
      return g_strdup_printf ("%s %%", number);
    case VIGIA_MEASURE_PERCENT_CHANGE:
      return g_strdup_printf ("%s%s %%", value > 0 ? "+" : "", number);
    case VIGIA_MEASURE_AMOUNT:
      if (!vigia_str_empty (unit) && g_utf8_strlen (unit, -1) <= 4)
        return g_strdup_printf ("%s %s", unit, number);
      return g_steal_pointer (&number);
    case VIGIA_MEASURE_COUNT:
    case VIGIA_MEASURE_QUALITATIVE:
    default:
      return g_steal_pointer (&number);
    }
}

static char *
format_baseline (VigiaTarget *target)
{
  g_autofree char *value = NULL;
  int year = vigia_target_get_baseline_year (target);

  if (!VIGIA_HAS_VALUE (vigia_target_get_baseline_value (target)))
    return g_strdup ("—");
  /* A percent-change target's baseline is a level, not a change. */
  if (vigia_target_get_measure (target) == VIGIA_MEASURE_PERCENT_CHANGE)
    value = vigia_number_format (vigia_target_get_baseline_value (target), 2);
  else
    value = format_value (target, vigia_target_get_baseline_value (target));
  if (year > 0)
    return g_strdup_printf ("%s (%d)", value, year);
  return g_steal_pointer (&value);
}

/* "42 %", or "—" for no data, which must never read as 0 %. */
static char *
format_share (double share)
{
  if (!VIGIA_HAS_VALUE (share))
    return g_strdup ("—");
  return vigia_number_format_share (share);
}

static char *
dup_place_and_election (VigiaPlan *plan)
{
  g_autofree char *place = vigia_plan_dup_place_label (plan);

  return g_strdup_printf ("%s · %s", place, vigia_election_get_label (vigia_plan_get_election (plan)));
}

/* A name fit for a file: "independencia", "san-roman". */
static char *
slugify (const char *text)
{
  g_autofree char *folded = vigia_text_fold (text);
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, *p);
          dash = FALSE;
        }
      else
        dash = TRUE;
      if (out->len >= 48)
        break;
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Content                                                                */
/* ---------------------------------------------------------------------- */

static guint
count_sources (VigiaReport *self)
{
  return self->has_observer ? N_SOURCES : 1;
}

static void
build_identification (VigiaReport *self,
                      GPtrArray   *blocks)
{
  VigiaPlan *plan = self->plan;
  g_autofree char *place = dup_place_and_election (plan);
  g_autofree char *term = vigia_plan_has_term (plan) ? vigia_plan_dup_term_label (plan) : NULL;
  g_autofree char *period = vigia_period_dup_label (self->period);
  g_autofree char *date = dup_date_label (self->date);
  g_autofree char *subtitle = NULL;
  g_autofree char *place_label = vigia_plan_dup_place_label (plan);
  VigiaReportTable *facts;
  VigiaReportBlock *block;
  guint k, n;
  const struct {
    const char *label;
    const char *value;
  } rows[] = {
    { _("Political organization"), vigia_plan_get_organization (plan) },
    { _("Authority"), vigia_plan_get_authority_name (plan) },
    { _("Place"), place },
    { _("Election"), vigia_plan_get_process (plan) },
    { _("Term"), term },
    { _("Semester reported"), period },
    { _("Date of the report"), date },
  };

  {
    g_autofree char *organization = vigia_text_isolate (vigia_plan_get_organization (plan));

    subtitle = g_strdup_printf ("%s — %s", organization != NULL ? organization : _("Organization not set"),
                                place_label);
  }
  block = add_block (blocks, VIGIA_REPORT_BLOCK_TITLE, _("Progress report"));
  block->subtitle = g_steal_pointer (&subtitle);
  block->group = 1;

  facts = table_new (_("Identification of the plan"), FALSE, 2);
  table_set_column (facts, 0, NULL, 0.3, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (facts, 1, NULL, 0.7, VIGIA_REPORT_ALIGN_START, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      VigiaReportRow *row = table_add_row (facts);
      g_autofree char *value = NULL;

      if (i == 5 && (k = vigia_term_get_period_index (vigia_plan_get_term_start (plan),
                                                       vigia_plan_get_term_end (plan), self->period)) > 0)
        {
          n = vigia_term_get_n_periods (vigia_plan_get_term_start (plan), vigia_plan_get_term_end (plan));
          /* Translators: a semester and its place in the term: "2nd half 2024 (semester 4 of 8)". */
          value = g_strdup_printf (_("%s (semester %u of %u)"), rows[i].value, k, n);
        }
      else
        value = g_strdup (!vigia_str_empty (rows[i].value) ? rows[i].value : _("Not recorded"));

      add_text (row->cells[0], VIGIA_REPORT_ITEM_STRONG, rows[i].label);
      add_text (row->cells[1], VIGIA_REPORT_ITEM_PLAIN, value);
    }
  add_table (blocks, facts)->group = 1;
}

static void
build_summary (VigiaReport *self,
               GPtrArray   *blocks)
{
  VigiaPlan *plan = self->plan;
  double expected = vigia_assessment_get_expected (self->assessment);
  g_autofree char *period = vigia_period_dup_label (self->period);
  g_autofree char *lead = NULL;
  VigiaReportTable *table;
  VigiaReportBlock *block;
  guint n_sources = count_sources (self);
  guint n_dims = vigia_plan_get_n_dimensions (plan);
  const guint group = 2;

  add_heading (blocks, 1, _("Summary"), "summary")->group = group;

  if (VIGIA_HAS_VALUE (expected))
    {
      g_autofree char *share = vigia_number_format_share (expected);

      /* Translators: the semester, then the share of the term elapsed by its end: "As of the 2nd
       * half 2024, 50 % of the term has elapsed: that is the achievement expected if progress
       * were even." */
      lead = g_strdup_printf (_("As of the %s, %s of the term has elapsed: that is the achievement "
                                "expected if progress were even."), period, share);
    }
  else
    /* Translators: the semester reported. */
    lead = g_strdup_printf (_("As of the %s. The plan has no term, so no achievement is expected "
                              "by a date."), period);
  add_paragraph (blocks, VIGIA_REPORT_TEXT_LEAD, lead)->group = group;

  /* Achievement by source. */
  table = table_new (_("Achievement by source"), TRUE, 4);
  table_set_column (table, 0, _("Source"), 0.3, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (table, 1, _("Achievement"), 0.2, VIGIA_REPORT_ALIGN_END, FALSE);
  table_set_column (table, 2, _("Pace"), 0.25, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (table, 3, _("Goals with data"), 0.25, VIGIA_REPORT_ALIGN_END, FALSE);
  for (guint s = 0; s < n_sources; s++)
    {
      const VigiaRollup *rollup = vigia_assessment_get_plan_rollup (self->assessment, s);
      VigiaReportRow *row = table_add_row (table);
      g_autofree char *share = format_share (vigia_rollup_get_achievement (rollup));
      g_autofree char *with_data = NULL;

      /* Translators: goals with data of all goals: "8 of 12". */
      with_data = g_strdup_printf (_("%u of %u"), rollup->n_with_data, rollup->n_goals);
      add_text (row->cells[0], VIGIA_REPORT_ITEM_STRONG, vigia_source_get_label (s));
      add_text (row->cells[1], VIGIA_REPORT_ITEM_STRONG, share);
      add_text (row->cells[2], VIGIA_REPORT_ITEM_PLAIN,
                vigia_pace_get_label (vigia_assessment_get_plan_pace (self->assessment, s)));
      add_text (row->cells[3], VIGIA_REPORT_ITEM_PLAIN, with_data);
    }
  add_table (blocks, table)->group = group;

  block = add_figures (blocks, 1, MAX (0.2, (90.0 + 30.0 * n_dims) / 643.0));
  block->group = group;
  add_figure (block, VIGIA_REPORT_FIGURE_PLAN, VIGIA_SOURCE_AUTHORITY);

  /* Goals by status. */
  table = table_new (_("Goals by status"), TRUE, 1 + n_sources);
  table_set_column (table, 0, _("Status"), 0.4, VIGIA_REPORT_ALIGN_START, FALSE);
  for (guint s = 0; s < n_sources; s++)
    table_set_column (table, 1 + s, vigia_source_get_label (s), 0.6 / n_sources,
                      VIGIA_REPORT_ALIGN_END, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      VigiaReportRow *row = table_add_row (table);

      add_status (row->cells[0], status_order[i]);
      for (guint s = 0; s < n_sources; s++)
        {
          const VigiaRollup *rollup = vigia_assessment_get_plan_rollup (self->assessment, s);
          g_autofree char *count = g_strdup_printf ("%u", rollup->status_counts[status_order[i]]);

          add_text (row->cells[1 + s], VIGIA_REPORT_ITEM_PLAIN, count);
        }
    }
  add_table (blocks, table)->group = group;

  /* Achievement by dimension. */
  table = table_new (_("Achievement by dimension"), TRUE, 2 + n_sources);
  table_set_column (table, 0, _("Dimension"), 0.34, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (table, 1, _("Goals"), 0.16, VIGIA_REPORT_ALIGN_END, FALSE);
  for (guint s = 0; s < n_sources; s++)
    table_set_column (table, 2 + s, vigia_source_get_label (s), 0.5 / n_sources, VIGIA_REPORT_ALIGN_END, FALSE);
  for (guint i = 0; i < n_dims; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);
      VigiaReportRow *row = table_add_row (table);
      g_autofree char *name = vigia_dimension_dup_name (dim);
      g_autofree char *n_goals = g_strdup_printf ("%u", vigia_dimension_get_n_goals (dim));

      add_text (row->cells[0], VIGIA_REPORT_ITEM_STRONG, name);
      add_text (row->cells[1], VIGIA_REPORT_ITEM_PLAIN, n_goals);
      for (guint s = 0; s < n_sources; s++)
        {
          const VigiaRollup *rollup = vigia_assessment_get_dimension_rollup (self->assessment, i, s);
          g_autofree char *share = format_share (vigia_rollup_get_achievement (rollup));

          add_text (row->cells[2 + s], VIGIA_REPORT_ITEM_PLAIN, share);
        }
    }
  add_table (blocks, table)->group = group;

  add_paragraph (blocks, VIGIA_REPORT_TEXT_NOTE,
                 _("Achievement is the share of the way from the baseline to the target, weighted "
                   "over the goals with data; “—” means that nothing was recorded, which is not "
                   "0 %. The annex explains how it is computed."))->group = group;
}

/* The notes, evidence and dates of a target's entries, under its row. */
static GPtrArray *
target_detail (VigiaReport *self,
               VigiaTarget *target)
{
  GPtrArray *detail = items_new ();
  guint n_sources = count_sources (self);

  for (guint s = 0; s < n_sources; s++)
    {
      const VigiaTargetResult *result = vigia_assessment_get_target_result (self->assessment, target, s);
      VigiaProgress *entry = result != NULL ? result->entry : NULL;
      const char * const *evidence;
      const char *source = vigia_source_get_label (s);

      if (entry == NULL)
        continue;

      if (g_strcmp0 (vigia_progress_get_period (entry), self->period) != 0)
        {
          g_autofree char *when = vigia_period_dup_label (vigia_progress_get_period (entry));
          /* Translators: the source, then the semester of its latest entry: "Authority: nothing
           * recorded this semester; the figure shown is from the 1st half 2024." */
          g_autofree char *text = g_strdup_printf (_("%s: nothing recorded this semester; the figure "
                                                     "shown is from the %s."), source, when);

          add_text (detail, VIGIA_REPORT_ITEM_MUTED, text);
        }
      if (!vigia_str_empty (vigia_progress_get_note (entry)))
        {
          /* Translators: the source, then the note of its entry: "Note (Authority): …". */
          g_autofree char *text = g_strdup_printf (_("Note (%s): %s"), source,
                                                   vigia_progress_get_note (entry));

          add_text (detail, VIGIA_REPORT_ITEM_PLAIN, text);
        }
      if (vigia_progress_get_stamp (entry)->edited_by != NULL)
        {
          /* Translators: who recorded the entry shown, then its source: "Recorded by Ana Quispe (Observer)." */
          g_autofree char *text = g_strdup_printf (_("Recorded by %s (%s)."), vigia_progress_get_stamp (entry)->edited_by,
                                                   source);

          add_text (detail, VIGIA_REPORT_ITEM_MUTED, text);
        }
      evidence = vigia_progress_get_evidence (entry);
      if (evidence != NULL && evidence[0] != NULL)
        {
          /* Translators: the source whose evidence follows: "Evidence (Authority):". */
          g_autofree char *text = g_strdup_printf (_("Evidence (%s):"), source);

          add_text (detail, VIGIA_REPORT_ITEM_MUTED, text);
          for (guint i = 0; evidence[i] != NULL; i++)
            add_link (detail, evidence[i]);
        }
    }

  if (detail->len == 0)
    g_clear_pointer (&detail, g_ptr_array_unref);
  return detail;
}

static VigiaReportTable *
goal_table (VigiaReport *self,
            guint        position)
{
  VigiaDimension *dim = vigia_plan_get_dimension (self->plan, position);
  g_autofree char *name = vigia_dimension_dup_name (dim);
  g_autofree char *caption = NULL;
  guint n_goals = vigia_dimension_get_n_goals (dim);
  guint n_sources = count_sources (self);
  VigiaReportTable *table;

  /* Translators: the caption of a dimension's table of goals; %s is the dimension, "Social". */
  caption = g_strdup_printf (_("Goals of the dimension %s"), name);
  table = table_new (caption, TRUE, 8);
  table_set_column (table, 0, _("No."), 0.045, VIGIA_REPORT_ALIGN_END, FALSE);
  table_set_column (table, 1, _("Goal"), 0.26, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (table, 2, _("Target"), 0.15, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (table, 3, _("Baseline"), 0.075, VIGIA_REPORT_ALIGN_END, FALSE);
  table_set_column (table, 4, _("Source"), 0.11, VIGIA_REPORT_ALIGN_START, TRUE);
  table_set_column (table, 5, _("Value"), 0.08, VIGIA_REPORT_ALIGN_END, TRUE);
  table_set_column (table, 6, _("Achievement"), 0.12, VIGIA_REPORT_ALIGN_END, TRUE);
  table_set_column (table, 7, _("Status"), 0.16, VIGIA_REPORT_ALIGN_START, TRUE);

  for (guint j = 0; j < n_goals; j++)
    {
      VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
      guint n_targets = vigia_goal_get_n_targets (goal);
      const char *objective = vigia_goal_get_objective (goal);

      /* A row a target; the goal's texts on its first. */
      for (guint t = 0; t < n_targets; t++)
        {
          VigiaTarget *target = vigia_goal_get_target (goal, t);
          VigiaReportRow *row = table_add_row (table);
          g_autofree char *number = NULL;
          g_autofree char *baseline = format_baseline (target);

          if (n_targets == 1)
            number = g_strdup_printf ("%u", vigia_goal_get_number (goal));
          else
            number = g_strdup_printf ("%u.%u", vigia_goal_get_number (goal), t + 1);
          if (self->targets_page != NULL)
            {
              g_autofree char *anchor = vigia_report_dup_target_anchor (position, j, t);

              add_section_link (row->cells[0], self->targets_page, anchor, number);
            }
          else
            add_text (row->cells[0], VIGIA_REPORT_ITEM_PLAIN, number);

          if (t == 0)
            {
              add_text (row->cells[1], VIGIA_REPORT_ITEM_PLAIN,
                        !vigia_str_empty (objective) ? objective : vigia_goal_get_problem (goal));
              if (!vigia_str_empty (vigia_goal_get_indicator (goal)))
                {
                  /* Translators: the goal's indicator, under its objective. */
                  g_autofree char *indicator = g_strdup_printf (_("Indicator: %s"),
                                                                vigia_goal_get_indicator (goal));

                  add_text (row->cells[1], VIGIA_REPORT_ITEM_MUTED, indicator);
                }
            }
          else
            /* Translators: in the goal column of a goal's second or later target. */
            add_text (row->cells[1], VIGIA_REPORT_ITEM_MUTED, _("(same goal)"));

          add_text (row->cells[2], VIGIA_REPORT_ITEM_PLAIN,
                    !vigia_str_empty (vigia_target_get_text (target)) ? vigia_target_get_text (target) : "—");
          if (VIGIA_HAS_VALUE (vigia_target_get_value (target)) ||
              vigia_target_get_reading (target) == VIGIA_READING_NEEDS_REVIEW)
            {
              g_autofree char *reading = vigia_target_dup_label (target);
              g_autofree char *contradiction = vigia_target_dup_contradiction (target);

              add_text (row->cells[2], VIGIA_REPORT_ITEM_MUTED, reading);
              if (contradiction != NULL)
                add_text (row->cells[2], VIGIA_REPORT_ITEM_PLAIN, contradiction);
            }

          if (self->targets_page != NULL)
            {
              g_autofree char *anchor = vigia_report_dup_target_anchor (position, j, t);

              /* Translators: a link from a target to its section, on a published site. */
              add_section_link (row->cells[2], self->targets_page, anchor, _("Trajectory and entries"));
            }
          add_text (row->cells[3], VIGIA_REPORT_ITEM_PLAIN, baseline);

          for (guint s = 0; s < n_sources; s++)
            {
              const VigiaTargetResult *result = vigia_assessment_get_target_result (self->assessment, target, s);
              g_autofree char *value = NULL;
              g_autofree char *share = NULL;

              value = format_value (target, result->entry != NULL ? vigia_progress_get_value (result->entry)
                                                                  : VIGIA_NO_VALUE);
              share = VIGIA_HAS_VALUE (result->achievement) ? vigia_target_achievement_format (result->achievement)
                                                             : format_share (result->achievement);
              add_text (row->cells[4], VIGIA_REPORT_ITEM_PLAIN, vigia_source_get_label (s));
              add_text (row->cells[5], VIGIA_REPORT_ITEM_PLAIN, value);
              add_text (row->cells[6], VIGIA_REPORT_ITEM_STRONG, share);
              add_status (row->cells[7], result->status);
            }

          /* A site gives every entry's notes in the target's section. */
          if (self->targets_page == NULL)
            row->detail = target_detail (self, target);
        }
    }

  return table;
}

static char *
dup_goal_caption (VigiaGoal *goal,
                  guint      target)
{
  if (vigia_goal_get_n_targets (goal) <= 1)
    /* Translators: above a goal's trajectory chart: "Goal 2". */
    return g_strdup_printf (_("Goal %u"), vigia_goal_get_number (goal));
  /* Translators: above the chart of one of a goal's targets: "Goal 2, target 1". */
  return g_strdup_printf (_("Goal %u, target %u"), vigia_goal_get_number (goal), target + 1);
}

static void
build_dimension (VigiaReport *self,
                 GPtrArray   *blocks,
                 guint        position)
{
  VigiaDimension *dim = vigia_plan_get_dimension (self->plan, position);
  guint n_goals = vigia_dimension_get_n_goals (dim);
  g_autofree char *name = vigia_dimension_dup_name (dim);
  g_autofree char *heading = g_strdup_printf ("%u. %s", position + 1, name);
  g_autofree char *anchor = g_strdup_printf ("dimension-%u", position + 1);
  g_autoptr(GString) lead = g_string_new (NULL);
  VigiaReportBlock *block;

  add_block (blocks, VIGIA_REPORT_BLOCK_PAGE_BREAK, NULL);
  add_heading (blocks, 1, heading, anchor);

  if (!vigia_str_empty (vigia_dimension_get_title (dim)))
    add_paragraph (blocks, VIGIA_REPORT_TEXT_NOTE, vigia_dimension_get_title (dim))->keep_with_next = TRUE;

  if (n_goals == 0)
    {
      add_paragraph (blocks, VIGIA_REPORT_TEXT_BODY, _("The plan has no goals in this dimension."));
      return;
    }

  g_string_append_printf (lead, g_dngettext (GETTEXT_PACKAGE, "%u goal.", "%u goals.", n_goals), n_goals);
  for (guint s = 0; s < count_sources (self); s++)
    {
      g_autofree char *description =
        vigia_rollup_dup_description (vigia_assessment_get_dimension_rollup (self->assessment, position, s));

      g_string_append_printf (lead, "\n%s: %s", vigia_source_get_label (s), description);
    }
  add_paragraph (blocks, VIGIA_REPORT_TEXT_LEAD, lead->str)->keep_with_next = TRUE;

  /* As high as its bars need: a heading, a row a goal, an axis; at most as
   * high as wide, thinner bars beyond. */
  block = add_figures (blocks, 1, CLAMP ((76.0 + 26.0 * n_goals) / 643.0, 0.2, 1.0));
  add_figure (block, VIGIA_REPORT_FIGURE_DIMENSION, VIGIA_SOURCE_AUTHORITY)->dimension = position;

  add_table (blocks, goal_table (self, position));

  /* A site draws each trajectory in its target's own section. */
  if (self->targets_page != NULL)
    return;

  add_heading (blocks, 2, _("Trajectories"), NULL);
  add_paragraph (blocks, VIGIA_REPORT_TEXT_NOTE,
                 _("Each goal’s values by semester for the authority and the observer, with its "
                   "target and the path expected from the baseline to the target."))->keep_with_next = TRUE;
  block = add_figures (blocks, 3, 0.8);
  for (guint j = 0; j < n_goals; j++)
    {
      VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
      guint n_targets = vigia_goal_get_n_targets (goal);

      for (guint t = 0; t < n_targets; t++)
        {
          VigiaReportFigure *figure = add_figure (block, VIGIA_REPORT_FIGURE_TRAJECTORY, VIGIA_SOURCE_AUTHORITY);

          figure->dimension = position;
          figure->goal = j;
          figure->target = t;
          figure->caption = dup_goal_caption (goal, t);
        }
    }
}

/* A report is as of its semester: what was recorded later is not drawn. */
static VigiaPlan *
get_plan_as_of (VigiaReport *self)
{
  g_autoptr(GPtrArray) targets = NULL;

  if (self->plan_as_of != NULL)
    return self->plan_as_of;

  self->plan_as_of = vigia_plan_copy (self->plan);
  targets = vigia_plan_list_targets (self->plan_as_of);
  for (guint i = 0; i < targets->len; i++)
    {
      VigiaTarget *target = g_ptr_array_index (targets, i);
      GListModel *entries = vigia_target_get_progress (target);

      for (guint k = g_list_model_get_n_items (entries); k > 0; k--)
        {
          g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, k - 1);

          if (vigia_period_compare (vigia_progress_get_period (entry), self->period) > 0)
            vigia_target_remove_progress (target, entry);
        }
    }
  return self->plan_as_of;
}

/* Every entry of a target up to the period, oldest first, both sources. */
static VigiaReportTable *
entry_table (VigiaReport *self,
             VigiaTarget *target,
             const char  *caption)
{
  GListModel *entries = vigia_target_get_progress (target);
  guint n_entries = g_list_model_get_n_items (entries);
  VigiaTargetTerms terms;
  VigiaReportTable *table;

  vigia_target_terms_init (&terms, target);
  table = table_new (caption, TRUE, 6);
  table->compact = TRUE;
  table_set_column (table, 0, _("Semester"), 0.16, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (table, 1, _("Source"), 0.14, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (table, 2, _("Value"), 0.12, VIGIA_REPORT_ALIGN_END, FALSE);
  table_set_column (table, 3, _("Achievement"), 0.16, VIGIA_REPORT_ALIGN_END, FALSE);
  table_set_column (table, 4, _("Status"), 0.17, VIGIA_REPORT_ALIGN_START, FALSE);
  table_set_column (table, 5, _("Recorded"), 0.25, VIGIA_REPORT_ALIGN_START, FALSE);

  for (guint k = 0; k < n_entries; k++)
    {
      g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, k);
      VigiaReportRow *row = table_add_row (table);
      VigiaStamp *stamp = vigia_progress_get_stamp (entry);
      const char * const *evidence = vigia_progress_get_evidence (entry);
      g_autofree char *period = vigia_period_dup_label (vigia_progress_get_period (entry));
      g_autofree char *value = format_value (target, vigia_progress_get_value (entry));
      double achievement = vigia_target_terms_get_achievement (&terms, vigia_progress_get_value (entry),
                                                               vigia_progress_get_status (entry));
      g_autofree char *share = VIGIA_HAS_VALUE (achievement) ? vigia_target_achievement_format (achievement)
                                                             : format_share (achievement);

      add_text (row->cells[0], VIGIA_REPORT_ITEM_PLAIN, period);
      add_text (row->cells[1], VIGIA_REPORT_ITEM_PLAIN, vigia_source_get_label (vigia_progress_get_source (entry)));
      add_text (row->cells[2], VIGIA_REPORT_ITEM_PLAIN, value);
      add_text (row->cells[3], VIGIA_REPORT_ITEM_STRONG, share);
      add_status (row->cells[4], vigia_progress_get_status (entry));
      if (stamp->edited != NULL)
        {
          g_autofree char *when = vigia_stamp_dup_time_label (stamp->edited, FALSE);

          add_text (row->cells[5], VIGIA_REPORT_ITEM_PLAIN, when);
        }
      add_text (row->cells[5], VIGIA_REPORT_ITEM_MUTED, stamp->edited_by != NULL ? stamp->edited_by : "—");

      if (!vigia_str_empty (vigia_progress_get_note (entry)) || (evidence != NULL && evidence[0] != NULL))
        {
          row->detail = items_new ();
          if (!vigia_str_empty (vigia_progress_get_note (entry)))
            add_text (row->detail, VIGIA_REPORT_ITEM_PLAIN, vigia_progress_get_note (entry));
          for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
            add_link (row->detail, evidence[i]);
        }
    }
  return table;
}

/* The title of a site's page of targets: the plan it belongs to. */
static void
build_targets_title (VigiaReport *self,
                     GPtrArray   *blocks)
{
  g_autofree char *organization = vigia_text_isolate (vigia_plan_get_organization (self->plan));
  g_autofree char *place = dup_place_and_election (self->plan);
  g_autofree char *period = vigia_period_dup_label (self->period);
  /* Translators: under the title of a site's page of targets: up to which semester ("2nd half 2026"). */
  g_autofree char *lead = g_strdup_printf (_("Every target of the plan, with what was recorded up to the %s."), period);
  VigiaReportBlock *block;

  block = add_block (blocks, VIGIA_REPORT_BLOCK_TITLE, _("Targets and entries"));
  block->subtitle = g_strdup_printf ("%s — %s", organization != NULL ? organization : _("Organization not set"),
                                     place);
  add_paragraph (blocks, VIGIA_REPORT_TEXT_LEAD, lead);
}

/* For a site: each target in a section of its own, linked from the goal
 * tables, with its trajectory and every entry recorded up to the period,
 * its note, its date, who recorded it and its evidence. */
static void
build_entry_log (VigiaReport *self,
                 GPtrArray   *blocks)
{
  VigiaPlan *plan = get_plan_as_of (self);
  guint n_dims = vigia_plan_get_n_dimensions (plan);

  add_heading (blocks, 1, _("Targets, semester by semester"), "targets");
  add_paragraph (blocks, VIGIA_REPORT_TEXT_NOTE,
                 _("Each target’s trajectory and every entry recorded up to the semester reported: "
                   "its value, who recorded it and when, its note and its evidence."));

  for (guint d = 0; d < n_dims; d++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, d);
      g_autofree char *name = vigia_dimension_dup_name (dim);

      for (guint j = 0; j < vigia_dimension_get_n_goals (dim); j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          const char *objective = vigia_goal_get_objective (goal);

          for (guint t = 0; t < vigia_goal_get_n_targets (goal); t++)
            {
              VigiaTarget *target = vigia_goal_get_target (goal, t);
              g_autofree char *anchor = vigia_report_dup_target_anchor (d, j, t);
              g_autofree char *caption = dup_goal_caption (goal, t);
              g_autofree char *heading = g_strdup_printf ("%s · %s", caption, name);
              /* Translators: the caption of a target's table of entries; %s is "Goal 2, target 1". */
              g_autofree char *table_caption = g_strdup_printf (_("Entries of %s"), caption);
              g_autofree char *goal_text = NULL;
              VigiaReportBlock *block;
              VigiaReportFigure *figure;

              add_heading (blocks, 2, heading, anchor);
              /* Translators: a target's goal and what it promises: "Objective: … Target: …". */
              goal_text = g_strdup_printf (_("Objective: %s\nTarget: %s"),
                                           !vigia_str_empty (objective) ? objective : vigia_goal_get_problem (goal),
                                           !vigia_str_empty (vigia_target_get_text (target)) ?
                                             vigia_target_get_text (target) : "—");
              add_paragraph (blocks, VIGIA_REPORT_TEXT_BODY, goal_text)->keep_with_next = TRUE;

              block = add_figures (blocks, 2, 0.8);
              figure = add_figure (block, VIGIA_REPORT_FIGURE_TRAJECTORY, VIGIA_SOURCE_AUTHORITY);
              figure->dimension = d;
              figure->goal = j;
              figure->target = t;

              if (g_list_model_get_n_items (vigia_target_get_progress (target)) == 0)
                add_paragraph (blocks, VIGIA_REPORT_TEXT_NOTE, _("Nothing recorded up to this semester."));
              else
                add_table (blocks, entry_table (self, target, table_caption));
            }
        }
    }
}

/**
 * vigia_report_dup_method: (skip)
 *
 * Returns: (transfer full): how achievement, the expected share and the
 *   pace are computed, a paragraph each: the report's annex and a site's
 *   methodology say it in the same words
 */
GStrv
vigia_report_dup_method (void)
{
  g_autofree char *tolerance = vigia_number_format (VIGIA_PACE_TOLERANCE * 100, 0);
  GPtrArray *method = g_ptr_array_new ();

  g_ptr_array_add (method, g_strdup (_("A goal’s achievement is the share of the way from its baseline to its target "
                                      "that the value recorded covers: (value − baseline) ÷ (target − baseline). A goal "
                                      "to increase something starts from zero when it has no baseline; a goal to "
                                      "decrease something has no achievement until its baseline is entered. A target "
                                      "stated as a percent change is compared with the change recorded.")));
  g_ptr_array_add (method, g_strdup (_("A figure that moved away from the target, below the baseline of a goal to "
                                      "increase something or above that of a goal to decrease it, gives an achievement "
                                      "below 0 %, marked “moving away from the target”; a figure beyond the target gives "
                                      "more than 100 %, marked “past the target”.")));
  g_ptr_array_add (method, g_strdup (_("Goals whose target is not a number are assessed by their status: kept counts as "
                                      "100 %, partly kept as 50 % and broken as 0 %; in progress, stalled and not rated "
                                      "are counted but not scored.")));
  g_ptr_array_add (method, g_strdup (_("As of a semester, each goal counts its latest entry at or before it. A dimension’s "
                                      "and the plan’s achievement are the mean over the goals with data, weighted by "
                                      "each goal’s weight, each goal counting from 0 to 100 %. Goals with nothing "
                                      "recorded are shown as “—”, never as 0 %. The authority’s figures and the "
                                      "observer’s are assessed apart.")));
  /* Translators: %s is the tolerance in percentage points, "10". */
  g_ptr_array_add (method, g_strdup_printf (_("The expected achievement is the share of the term elapsed by the end of "
                                            "the semester: k ÷ n at the k-th of n semesters. Achievement more than %s "
                                            "points below it is behind, more than %s points above it is ahead, and "
                                            "otherwise on track."), tolerance, tolerance));
  g_ptr_array_add (method, NULL);
  return (GStrv) g_ptr_array_free (method, FALSE);
}

static void
build_annex (VigiaReport *self,
             GPtrArray   *blocks)
{
  g_auto(GStrv) method = NULL;

  add_block (blocks, VIGIA_REPORT_BLOCK_PAGE_BREAK, NULL);
  add_heading (blocks, 1, _("Annex"), "annex");

  add_heading (blocks, 2, _("Vision"), NULL);
  add_free_text (blocks, vigia_plan_get_vision (self->plan));

  add_heading (blocks, 2, _("Ideario: principles, objectives and values"), NULL);
  add_free_text (blocks, vigia_plan_get_ideario (self->plan));

  if (!vigia_str_empty (vigia_plan_get_accountability (self->plan)))
    {
      add_heading (blocks, 2, _("Citizen oversight of the plan"), NULL);
      add_free_text (blocks, vigia_plan_get_accountability (self->plan));
    }

  add_heading (blocks, 2, _("How achievement is computed"), NULL);
  method = vigia_report_dup_method ();
  for (guint i = 0; method[i] != NULL; i++)
    add_paragraph (blocks, VIGIA_REPORT_TEXT_BODY, method[i]);
}

static GPtrArray *
build_blocks (VigiaReport *self)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  guint n_dims = vigia_plan_get_n_dimensions (self->plan);

  if (self->targets_only)
    {
      build_targets_title (self, blocks);
      build_entry_log (self, blocks);
      return blocks;
    }

  build_identification (self, blocks);
  build_summary (self, blocks);
  for (guint i = 0; i < n_dims; i++)
    build_dimension (self, blocks, i);
  build_annex (self, blocks);

  return blocks;
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                */
/* ---------------------------------------------------------------------- */

static gboolean
write_csv (VigiaReport    *self,
           GOutputStream  *stream,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(VigiaCsvWriter) writer = vigia_csv_writer_new (stream, ',');

  vigia_report_csv_add_header (writer);
  if (!vigia_csv_writer_end_row (writer, cancellable, error) ||
      !vigia_report_csv_add_plan (writer, self, cancellable, error))
    return FALSE;
  return vigia_csv_writer_close (writer, cancellable, error);
}

static gboolean
write_json (VigiaReport    *self,
            GOutputStream  *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(VigiaJsonWriter) writer = vigia_json_writer_new (stream);

  return vigia_json_writer_begin (writer, cancellable, error) &&
         vigia_json_writer_add_plan (writer, self->plan, cancellable, error) &&
         vigia_json_writer_end (writer, cancellable, error);
}

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
write_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  VigiaReport *self = source_object;
  WriteData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (vigia_report_write_file (self, data->format, data->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* ---------------------------------------------------------------------- */
/* VigiaReport                                                            */
/* ---------------------------------------------------------------------- */

static void
vigia_report_finalize (GObject *object)
{
  VigiaReport *self = (VigiaReport *)object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->targets_page, g_free);
  g_clear_object (&self->plan_as_of);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (vigia_report_parent_class)->finalize (object);
}

static void
vigia_report_class_init (VigiaReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_report_finalize;
}

static void
vigia_report_init (VigiaReport *self)
{
  self->date = g_date_time_new_now_local ();
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return vigia_period_compare (*(const char * const *) a, *(const char * const *) b);
}

/**
 * vigia_report_list_entry_periods: (skip)
 *
 * Returns: (transfer full): the semesters in which the plan has entries,
 *   in order, each once
 */
GStrv
vigia_report_list_entry_periods (VigiaPlan *plan)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) targets = NULL;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);

  targets = vigia_plan_list_targets (plan);
  for (guint i = 0; i < targets->len; i++)
    {
      GListModel *entries = vigia_target_get_progress (g_ptr_array_index (targets, i));
      guint n_entries = g_list_model_get_n_items (entries);

      for (guint k = 0; k < n_entries; k++)
        {
          g_autoptr(VigiaProgress) entry = g_list_model_get_item (entries, k);
          const char *period = vigia_progress_get_period (entry);

          if (!g_hash_table_contains (seen, period))
            {
              char *copy = g_strdup (period);

              g_hash_table_add (seen, copy);
              g_ptr_array_add (found, copy);
            }
        }
    }

  g_ptr_array_sort (found, compare_periods);
  g_ptr_array_add (found, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

/**
 * vigia_report_dup_default_period:
 *
 * The semester a report covers unless told otherwise: the latest one in
 * which anything was recorded (within the term), or, with nothing recorded
 * yet, the assessment's default, today's semester within the term.
 *
 * Returns: (transfer full): the semester
 */
char *
vigia_report_dup_default_period (VigiaPlan *plan)
{
  g_auto(GStrv) periods = NULL;
  int start, end;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);

  start = vigia_plan_get_term_start (plan);
  end = vigia_plan_get_term_end (plan);
  periods = vigia_report_list_entry_periods (plan);
  for (guint i = g_strv_length (periods); i > 0; i--)
    if (!vigia_plan_has_term (plan) || vigia_term_get_period_index (start, end, periods[i - 1]) > 0)
      return g_strdup (periods[i - 1]);

  return vigia_assessment_dup_default_period (plan);
}

/**
 * vigia_report_list_periods:
 *
 * The semesters a report of @plan can cover, for a choice: those of its
 * term, or, for a plan without a term, those with entries (or today's).
 *
 * Returns: (transfer full): the semesters, in order
 */
GStrv
vigia_report_list_periods (VigiaPlan *plan)
{
  g_auto(GStrv) periods = NULL;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);

  if (vigia_plan_has_term (plan))
    return vigia_term_list_periods (vigia_plan_get_term_start (plan), vigia_plan_get_term_end (plan));

  periods = vigia_report_list_entry_periods (plan);
  if (periods[0] == NULL)
    {
      GStrv today = g_new0 (char *, 2);

      today[0] = vigia_report_dup_default_period (plan);
      return today;
    }
  return g_steal_pointer (&periods);
}

/**
 * vigia_report_new:
 * @plan: the plan; the report keeps a copy of it as it is now
 * @period: (nullable): the semester to report; %NULL for
 *   vigia_report_dup_default_period()
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error
 *   (%VIGIA_ERROR_INVALID) if @period is not a semester of the plan's term
 */
VigiaReport *
vigia_report_new (VigiaPlan   *plan,
                  const char  *period,
                  GError     **error)
{
  g_autoptr(VigiaReport) self = NULL;
  int year, half;
  guint n_dims;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VIGIA_TYPE_REPORT, NULL);
  self->plan = vigia_plan_copy (plan);

  if (period == NULL)
    self->period = vigia_report_dup_default_period (self->plan);
  else if (!vigia_period_parse (period, &year, &half))
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("“%s” is not a semester: write it as 2027-S1 or 2027-S2"), period);
      return NULL;
    }
  else
    self->period = vigia_period_format (year, half);

  if (vigia_plan_has_term (self->plan) &&
      vigia_term_get_period_index (vigia_plan_get_term_start (self->plan),
                                   vigia_plan_get_term_end (self->plan), self->period) == 0)
    {
      g_autofree char *term = vigia_plan_dup_term_label (self->plan);

      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("“%s” is outside the plan’s term, %s"), self->period, term);
      return NULL;
    }

  self->assessment = vigia_assessment_new (self->plan, self->period);

  /* The observer's columns only appear when an observer recorded something. */
  n_dims = vigia_plan_get_n_dimensions (self->plan);
  for (guint i = 0; i < n_dims && !self->has_observer; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self->plan, i);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint j = 0; j < n_goals && !self->has_observer; j++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, j);
          guint n_targets = vigia_goal_get_n_targets (goal);

          for (guint t = 0; t < n_targets && !self->has_observer; t++)
            if (vigia_target_find_latest_progress (vigia_goal_get_target (goal, t), self->period,
                                                   VIGIA_SOURCE_OBSERVER) != NULL)
              self->has_observer = TRUE;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * vigia_report_get_plan:
 *
 * Returns: (transfer none): the report's copy of the plan
 */
VigiaPlan *
vigia_report_get_plan (VigiaReport *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);
  return self->plan;
}

VigiaAssessment *
vigia_report_get_assessment (VigiaReport *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);
  return self->assessment;
}

/**
 * vigia_report_get_period:
 *
 * Returns: the semester reported, "2024-S2"
 */
const char *
vigia_report_get_period (VigiaReport *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);
  return self->period;
}

/**
 * vigia_report_get_date:
 *
 * Returns: (transfer none): the date the report gives itself; now, unless set
 */
GDateTime *
vigia_report_get_date (VigiaReport *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);
  return self->date;
}

void
vigia_report_set_date (VigiaReport *self,
                       GDateTime   *date)
{
  g_return_if_fail (VIGIA_IS_REPORT (self));
  g_return_if_fail (date != NULL);

  g_date_time_ref (date);
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date;
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
}

/**
 * vigia_report_set_targets_page: (skip)
 * @page: (nullable): the page of a site, relative to the report's own,
 *   that holds each target's section; %NULL for none
 *
 * In a site, a plan's page stays light: its goal tables link each target to
 * its section on another page, with its trajectory and all its entries, and
 * leave those out.
 */
void
vigia_report_set_targets_page (VigiaReport *self,
                               const char  *page)
{
  g_return_if_fail (VIGIA_IS_REPORT (self));

  vigia_set_string (&self->targets_page, page);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
}

/**
 * vigia_report_set_targets_only: (skip)
 *
 * Whether the report is that page of targets: its title, then a section a
 * target (vigia_report_dup_target_anchor()).
 */
void
vigia_report_set_targets_only (VigiaReport *self,
                               gboolean     targets_only)
{
  g_return_if_fail (VIGIA_IS_REPORT (self));

  self->targets_only = !!targets_only;
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
}

/**
 * vigia_report_dup_target_anchor: (skip)
 *
 * Returns: the name of a target's section in a site's plan page, by the
 *   positions of its dimension, goal and target: "meta-1-2-1"
 */
char *
vigia_report_dup_target_anchor (guint dimension,
                                guint goal,
                                guint target)
{
  return g_strdup_printf ("meta-%u-%u-%u", dimension + 1, goal + 1, target + 1);
}

/**
 * vigia_report_has_observer:
 *
 * Returns: whether an observer recorded anything up to the period: the
 *   report then shows the observer's figures beside the authority's
 */
gboolean
vigia_report_has_observer (VigiaReport *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), FALSE);
  return self->has_observer;
}

/**
 * vigia_report_dup_title:
 *
 * Returns: (transfer full): the document's title: "Progress report: JUNTOS
 *   POR EL PERU — INDEPENDENCIA, LIMA, LIMA, 2nd half 2024"
 */
char *
vigia_report_dup_title (VigiaReport *self)
{
  g_autofree char *place = NULL;
  g_autofree char *period = NULL;
  g_autofree char *organization = NULL;

  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);

  place = vigia_plan_dup_place_label (self->plan);
  period = vigia_period_dup_label (self->period);
  organization = vigia_text_isolate (vigia_plan_get_organization (self->plan));
  /* Translators: a report's title: organization, place, semester. */
  return g_strdup_printf (_("Progress report: %s — %s, %s"),
                          organization != NULL ? organization : _("Organization not set"), place, period);
}

/**
 * vigia_report_dup_author:
 *
 * Returns: (transfer full): whose plan the report follows: the authority's
 *   name when it is recorded, else the political organization
 */
char *
vigia_report_dup_author (VigiaReport *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);

  if (!vigia_str_empty (vigia_plan_get_authority_name (self->plan)))
    return g_strdup (vigia_plan_get_authority_name (self->plan));
  return g_strdup (vigia_plan_get_organization (self->plan) != NULL ?
                   vigia_plan_get_organization (self->plan) : "");
}

/**
 * vigia_report_dup_footer:
 *
 * Returns: (transfer full): the line at the foot of each page: "Progress
 *   report — JUNTOS POR EL PERU — INDEPENDENCIA, LIMA, LIMA"
 */
char *
vigia_report_dup_footer (VigiaReport *self)
{
  g_autofree char *place = NULL;
  g_autofree char *organization = NULL;

  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);

  place = vigia_plan_dup_place_label (self->plan);
  organization = vigia_text_isolate (vigia_plan_get_organization (self->plan));
  /* Translators: the footer of a report's pages: organization, place. */
  return g_strdup_printf (_("Progress report — %s — %s"),
                          organization != NULL ? organization : _("Organization not set"), place);
}

/**
 * vigia_report_build_file_name:
 * @period: the semester reported
 *
 * Returns: (transfer full): a name for a report's file, from the plan's place
 *   (or organization) and the semester: "report-independencia-2024-S2.pdf"
 *   ("informe-independencia-2024-S2.pdf" in Spanish)
 */
char *
vigia_report_build_file_name (VigiaPlan         *plan,
                              const char        *period,
                              VigiaReportFormat  format)
{
  const char *place;
  g_autofree char *slug = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (VIGIA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail ((guint) format < VIGIA_REPORT_N_FORMATS, NULL);

  place = vigia_plan_get_district (plan);
  if (vigia_str_empty (place))
    place = vigia_plan_get_province (plan);
  if (vigia_str_empty (place))
    place = vigia_plan_get_department (plan);
  if (vigia_str_empty (place))
    place = vigia_plan_get_organization (plan);

  slug = slugify (place);
  /* Translators: the start of a report's file name, in lower case without accents or blanks:
   * "report-independencia-2024-S2.pdf". */
  prefix = slugify (C_("file name", "report"));
  if (*slug == '\0')
    return g_strdup_printf ("%s-%s.%s", prefix, period, formats[format].name);
  return g_strdup_printf ("%s-%s-%s.%s", prefix, slug, period, formats[format].name);
}

/**
 * vigia_report_dup_file_name:
 *
 * Returns: (transfer full): vigia_report_build_file_name() for the report
 */
char *
vigia_report_dup_file_name (VigiaReport       *self,
                            VigiaReportFormat  format)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);

  return vigia_report_build_file_name (self->plan, self->period, format);
}

/**
 * vigia_report_get_blocks: (skip)
 *
 * Returns: (transfer none) (element-type VigiaReportBlock): the content
 */
GPtrArray *
vigia_report_get_blocks (VigiaReport *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);

  if (self->blocks == NULL)
    self->blocks = build_blocks (self);
  return self->blocks;
}

/**
 * vigia_report_figure_create_chart: (skip)
 *
 * Returns: (transfer full): the chart of @figure
 */
VigiaChart *
vigia_report_figure_create_chart (VigiaReport             *self,
                                  const VigiaReportFigure *figure)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), NULL);
  g_return_val_if_fail (figure != NULL, NULL);

  switch (figure->kind)
    {
    case VIGIA_REPORT_FIGURE_PLAN:
      return VIGIA_CHART (vigia_chart_plan_new (self->plan, self->period, figure->source));
    case VIGIA_REPORT_FIGURE_DIMENSION:
      return VIGIA_CHART (vigia_chart_dimension_new (self->plan,
                                                     vigia_plan_get_dimension (self->plan, figure->dimension),
                                                     self->period, figure->source));
    case VIGIA_REPORT_FIGURE_TRAJECTORY:
      {
        VigiaPlan *plan = get_plan_as_of (self);
        VigiaDimension *dim = vigia_plan_get_dimension (plan, figure->dimension);

        VigiaGoal *goal = vigia_dimension_get_goal (dim, figure->goal);

        return VIGIA_CHART (vigia_chart_trajectory_new (plan, goal, vigia_goal_get_target (goal, figure->target)));
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * vigia_report_chart_style_init:
 *
 * The charts' print style, in the report's typeface.
 */
void
vigia_report_chart_style_init (VigiaChartStyle *style)
{
  g_return_if_fail (style != NULL);

  vigia_chart_style_init_print (style);
  style->font = "Cantarell 8";
}

/**
 * vigia_report_write:
 *
 * Writes the report in @format to @stream, without closing it.  The text
 * and JSON formats hold the plan itself (the text in the layout of the
 * JNE's summary, which Vigía reads back); the others its progress as of
 * the period.
 */
gboolean
vigia_report_write (VigiaReport        *self,
                    VigiaReportFormat   format,
                    GOutputStream      *stream,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail ((guint) format < VIGIA_REPORT_N_FORMATS, FALSE);

  switch (format)
    {
    case VIGIA_REPORT_FORMAT_PDF:
      return vigia_report_write_pdf (self, stream, cancellable, error);
    case VIGIA_REPORT_FORMAT_HTML:
      return vigia_report_write_html (self, stream, cancellable, error);
    case VIGIA_REPORT_FORMAT_CSV:
      return write_csv (self, stream, cancellable, error);
    case VIGIA_REPORT_FORMAT_TXT:
      return vigia_declara_write (self->plan, stream, cancellable, error);
    case VIGIA_REPORT_FORMAT_JSON:
      return write_json (self, stream, cancellable, error);
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  VigiaReport       *report;
  VigiaReportFormat  format;
} ReportContents;

static gboolean
write_contents (GOutputStream  *stream,
                gpointer        user_data,
                GCancellable   *cancellable,
                GError        **error)
{
  ReportContents *contents = user_data;

  return vigia_report_write (contents->report, contents->format, stream, cancellable, error);
}

/**
 * vigia_report_write_file:
 *
 * Writes the report to @file whole or not at all, as
 * vigia_replace_file_contents() does: a failed export leaves what was
 * there.  Errors name the file.
 */
gboolean
vigia_report_write_file (VigiaReport        *self,
                         VigiaReportFormat   format,
                         GFile              *file,
                         GCancellable       *cancellable,
                         GError            **error)
{
  ReportContents contents = { self, format };

  g_return_val_if_fail (VIGIA_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!vigia_replace_file_contents (file, write_contents, &contents, cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  return TRUE;
}

/**
 * vigia_report_write_file_async:
 *
 * vigia_report_write_file() in a worker thread.  The report must not be
 * used elsewhere until the callback.
 */
void
vigia_report_write_file_async (VigiaReport         *self,
                               VigiaReportFormat    format,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (VIGIA_IS_REPORT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail ((guint) format < VIGIA_REPORT_N_FORMATS);

  data = g_new0 (WriteData, 1);
  data->format = format;
  data->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigia_report_write_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_file_thread);
}

gboolean
vigia_report_write_file_finish (VigiaReport   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (VIGIA_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
