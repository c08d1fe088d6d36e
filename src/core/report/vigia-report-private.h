/* vigia-report-private.h: the report's content, as its writers read it
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * VigiaReport turns a plan and its assessment into a list of blocks —
 * titles, paragraphs, tables, charts — once, in the locale's language; the
 * PDF painter and the HTML writer only lay them out.  So both formats say
 * the same thing in the same words.
 */
#pragma once

#include "vigia-chart.h"
#include "vigia-report.h"

G_BEGIN_DECLS

typedef enum {
  VIGIA_REPORT_BLOCK_TITLE,
  VIGIA_REPORT_BLOCK_HEADING,
  VIGIA_REPORT_BLOCK_PARAGRAPH,
  VIGIA_REPORT_BLOCK_TABLE,
  VIGIA_REPORT_BLOCK_FIGURES,
  /* In print, the next block starts a page unless most of this one is
   * still free. */
  VIGIA_REPORT_BLOCK_PAGE_BREAK,
} VigiaReportBlockKind;

typedef enum {
  VIGIA_REPORT_TEXT_BODY,
  /* The opening sentence of a section, a little larger. */
  VIGIA_REPORT_TEXT_LEAD,
  /* Explanations in small print. */
  VIGIA_REPORT_TEXT_NOTE,
} VigiaReportTextStyle;

typedef enum {
  VIGIA_REPORT_ITEM_TEXT,
  /* A status as a coloured label that says its word. */
  VIGIA_REPORT_ITEM_STATUS,
  /* An address, shown as it is and linked. */
  VIGIA_REPORT_ITEM_LINK,
} VigiaReportItemKind;

typedef enum {
  VIGIA_REPORT_ITEM_PLAIN  = 0,
  VIGIA_REPORT_ITEM_STRONG = 1 << 0,
  VIGIA_REPORT_ITEM_MUTED  = 1 << 1,
  /* A link the report made to a page of its own site. */
  VIGIA_REPORT_ITEM_INTERNAL = 1 << 2,
} VigiaReportItemFlags;

/* One piece of a table cell: cells stack their items one under another. */
typedef struct
{
  VigiaReportItemKind   kind;
  VigiaReportItemFlags  flags;
  VigiaStatus           status;
  char                 *text;
  /* For links. */
  char                 *uri;
} VigiaReportItem;

typedef enum {
  VIGIA_REPORT_ALIGN_START,
  /* Numbers. */
  VIGIA_REPORT_ALIGN_END,
} VigiaReportAlign;

typedef struct
{
  char             *title;
  /* Share of the table's width; the shares of a table add up to 1. */
  double            width;
  VigiaReportAlign  align;
  /* One short item per source: the items of stacked columns line up
   * across the row, so that a source's value, achievement and status read
   * as one line. */
  gboolean          stacked;
} VigiaReportColumn;

typedef struct
{
  /* n_columns GPtrArray of VigiaReportItem. */
  GPtrArray **cells;
  /* Items under the row, across all columns (notes, evidence); NULL. */
  GPtrArray  *detail;
} VigiaReportRow;

typedef struct
{
  VigiaReportColumn *columns;
  guint              n_columns;
  /* Whether the column titles are shown (and repeated on each page). */
  gboolean           header;
  /* Long tables of short cells (a target's entries): on the web, plain
   * cells that scroll sideways on a phone rather than a card a row. */
  gboolean           compact;
  /* A name for the table, for screen readers. */
  char              *caption;
  /* VigiaReportRow */
  GPtrArray         *rows;
} VigiaReportTable;

typedef enum {
  VIGIA_REPORT_FIGURE_PLAN,
  VIGIA_REPORT_FIGURE_DIMENSION,
  VIGIA_REPORT_FIGURE_TRAJECTORY,
} VigiaReportFigureKind;

/* A chart, made when it is drawn (vigia_report_figure_create_chart()).
 * Charts are laid out in pixels: on paper a pixel is 0.75 point, 1/96 inch. */
typedef struct
{
  VigiaReportFigureKind  kind;
  VigiaSource            source;
  /* For dimension charts and trajectories: the dimension's position. */
  guint                  dimension;
  /* For trajectories: the goal's position in its dimension. */
  guint                  goal;
  guint                  target;
  /* A line above the chart, or NULL. */
  char                  *caption;
} VigiaReportFigure;

typedef struct
{
  VigiaReportBlockKind  kind;
  /* Headings: 1 for a section, 2 within it. */
  guint                 level;
  VigiaReportTextStyle  style;
  /* Title, heading, paragraph (lines kept as written). */
  char                 *text;
  /* Title: the line under it. */
  char                 *subtitle;
  /* Headings of sections: a name for links within the document. */
  char                 *anchor;
  /* Blocks with the same non-zero group go on one page when they fit on one. */
  guint                 group;
  /* Not left at the foot of a page without the next block (as headings). */
  gboolean              keep_with_next;
  VigiaReportTable     *table;
  /* Figures: VigiaReportFigure, side by side in @n_columns; each
   * @figure_height times as high as it is wide. */
  GPtrArray            *figures;
  guint                 n_columns;
  double                figure_height;
} VigiaReportBlock;

/* What a site puts around a report's page: HTML written as it is (the caller
 * escapes what it holds), each NULL for nothing. */
typedef struct
{
  /* The page's language; NULL for the translation's. */
  const char *lang;
  /* After the report's title in the window's title. */
  const char *title_suffix;
  /* A style sheet added after the report's. */
  const char *style;
  /* Before the report's heading: the site's navigation. */
  const char *header;
  /* At the end of the footer. */
  const char *footer;
} VigiaReportHtmlFrame;

void        vigia_report_set_targets_page    (VigiaReport             *self,
                                              const char              *page);
void        vigia_report_set_targets_only    (VigiaReport             *self,
                                              gboolean                 targets_only);
char       *vigia_report_dup_target_anchor   (guint                    dimension,
                                              guint                    goal,
                                              guint                    target);
GStrv       vigia_report_dup_method          (void);
GPtrArray  *vigia_report_get_blocks          (VigiaReport             *self);
GStrv       vigia_report_list_entry_periods  (VigiaPlan               *plan);
VigiaChart *vigia_report_figure_create_chart (VigiaReport             *self,
                                              const VigiaReportFigure *figure);
void        vigia_report_chart_style_init    (VigiaChartStyle         *style);

/* Writers, by format. */
gboolean    vigia_report_write_pdf            (VigiaReport             *self,
                                               GOutputStream           *stream,
                                               GCancellable            *cancellable,
                                               GError                 **error);
void        vigia_report_append_html          (VigiaReport             *self,
                                               const VigiaReportHtmlFrame *frame,
                                               GString                 *out);
void        vigia_report_append_html_style    (GString                 *out);
gboolean    vigia_report_write_html           (VigiaReport             *self,
                                               GOutputStream           *stream,
                                               GCancellable            *cancellable,
                                               GError                 **error);

G_END_DECLS
