/* vigia-report-painter.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes, as "Page N of M" needs: vigia_report_painter_paginate()
 * measures every block with Pango and deals the pieces out to pages;
 * vigia_report_painter_draw_page() then draws one page on whatever surface
 * it is given — a PDF page, or a printer's page through GtkPrintOperation —
 * so the printout and the PDF are the same pages.
 *
 * Each block becomes "parts" stacked down the page: a text, a table row, a
 * row of charts, a space.  Paragraphs flow on to the next page between
 * lines, leaving at least two on each page.  Table rows, charts and headings
 * are never cut: a table that goes on to the next page repeats its header
 * there (only a row taller than a whole page would be cut, between lines).
 * Headings stay with what follows them, and the blocks of the summary stay
 * on one page when they fit on one.
 *
 * Units are points; text is measured at 72 dpi without hinting, so that
 * lengths are the same on every surface.
 */
#define G_LOG_DOMAIN "vigia-report-painter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "vigia-report-painter.h"
#include "vigia-report-private.h"
#include "vigia-utils.h"

/* Page furniture, in points. */
#define MARGIN_SIDE    56.7
#define MARGIN_TOP     56.7
#define MARGIN_BOTTOM  42.0
#define FOOTER_HEIGHT  22.0
/* Inside table cells. */
#define CELL_PAD_X     3.5
#define CELL_PAD_Y     3.0
#define ITEM_GAP       1.5
/* Around status labels. */
#define PILL_PAD_X     3.0
#define PILL_PAD_Y     1.2
/* Between charts side by side. */
#define FIGURE_GAP     12.0
/* A section starts a new page once this share of the page is used. */
#define SECTION_BREAK  0.45
/* Charts are laid out in pixels of 1/96 inch. */
#define POINTS_PER_PIXEL 0.75
/* Room for rounding. */
#define EPSILON        0.01

typedef enum {
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_HEADING_1,
  FONT_HEADING_2,
  FONT_BODY,
  FONT_LEAD,
  FONT_NOTE,
  FONT_CELL,
  FONT_CELL_STRONG,
  FONT_CELL_MUTED,
  FONT_HEADER,
  FONT_PILL,
  FONT_FOOTER,
  N_FONTS
} Font;

static const char * const font_names[N_FONTS] = {
  [FONT_TITLE]       = "Cantarell Bold 22",
  [FONT_SUBTITLE]    = "Cantarell 12",
  [FONT_HEADING_1]   = "Cantarell Bold 15",
  [FONT_HEADING_2]   = "Cantarell Bold 11",
  [FONT_BODY]        = "Cantarell 9.5",
  [FONT_LEAD]        = "Cantarell 10.5",
  [FONT_NOTE]        = "Cantarell 8",
  [FONT_CELL]        = "Cantarell 8",
  [FONT_CELL_STRONG] = "Cantarell Bold 8",
  [FONT_CELL_MUTED]  = "Cantarell 7.5",
  [FONT_HEADER]      = "Cantarell Bold 7.5",
  [FONT_PILL]        = "Cantarell Bold 7",
  [FONT_FOOTER]      = "Cantarell 7.5",
};

typedef enum {
  PART_TEXT,
  PART_ROW,
  PART_HEADER,
  PART_FIGURES,
  PART_SPACE,
  PART_BREAK,
} PartKind;

typedef enum {
  INK_TEXT,
  INK_MUTED,
  INK_LINK,
} Ink;

/* Something drawn: a text, or a status label around its text. */
typedef struct
{
  PangoLayout           *layout;
  const VigiaReportItem *item;
  Ink                    ink;
  gboolean               pill;
  /* Top left, in the part's coordinates (x from the left margin). */
  double                 x;
  double                 y;
  /* Of the label's box for pills, of the text otherwise. */
  double                 width;
  double                 height;
} Atom;

typedef struct
{
  PartKind                kind;
  const VigiaReportBlock *block;
  /* Rows: their header, repeated when the table goes on to a new page. */
  guint                   header;
  gboolean                has_header;
  gboolean                shaded;
  gboolean                last_row;
  /* Figures: which of the block's. */
  guint                   first_figure;
  guint                   n_figures;
  double                  figure_width;
  /* Where the charts start, under their captions. */
  double                  figure_top;
  double                  height;
  gboolean                keep_with_next;
  guint                   group;
  GArray                 *atoms;
} Part;

/* A slice of a part placed on a page: all of it, unless it was cut. */
typedef struct
{
  guint  part;
  double from;
  double to;
  double y;
} Placement;

typedef struct
{
  const char *text;
  guint       level;
  guint       page;
  double      y;
} Heading;

struct _VigiaReportPainter
{
  GObject                parent_instance;

  VigiaReport           *report;
  double                 page_width;
  double                 page_height;
  double                 content_width;

  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];
  VigiaChartStyle        chart_style;

  /* Part */
  GArray                *parts;
  /* GArray of Placement, one a page */
  GPtrArray             *pages;
  /* Heading */
  GArray                *headings;
  char                  *footer;
};

G_DEFINE_FINAL_TYPE (VigiaReportPainter, vigia_report_painter, G_TYPE_OBJECT)

static const VigiaColor ink_colors[] = {
  [INK_TEXT]  = { 0.10, 0.10, 0.10, 1 },
  [INK_MUTED] = { 0.37, 0.36, 0.39, 1 },
  [INK_LINK]  = { 0.10, 0.37, 0.71, 1 },
};

static const VigiaColor shade_color = { 0.955, 0.955, 0.955, 1 };
static const VigiaColor header_color = { 0.89, 0.89, 0.90, 1 };
static const VigiaColor rule_color = { 0.60, 0.60, 0.62, 1 };

/* ---------------------------------------------------------------------- */
/* Parts                                                                  */
/* ---------------------------------------------------------------------- */

static void
part_clear (Part *part)
{
  if (part->atoms == NULL)
    return;
  for (guint i = 0; i < part->atoms->len; i++)
    g_clear_object (&g_array_index (part->atoms, Atom, i).layout);
  g_clear_pointer (&part->atoms, g_array_unref);
}

static Part *
add_part (VigiaReportPainter     *self,
          PartKind                kind,
          const VigiaReportBlock *block)
{
  Part part = { 0, };

  part.kind = kind;
  part.block = block;
  part.group = block != NULL ? block->group : 0;
  part.atoms = g_array_new (FALSE, TRUE, sizeof (Atom));
  g_array_append_val (self->parts, part);
  return &g_array_index (self->parts, Part, self->parts->len - 1);
}

static void
add_space (VigiaReportPainter     *self,
           const VigiaReportBlock *block,
           double                  height)
{
  Part *part = add_part (self, PART_SPACE, block);

  part->height = height;
}

static PangoLayout *
make_layout (VigiaReportPainter *self,
             Font                font,
             const char         *text,
             double              width,
             PangoAlignment      alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Adds a text at (x, y) of the part; returns its height. */
static double
add_text_atom (Part                  *part,
               PangoLayout           *layout,
               const VigiaReportItem *item,
               Ink                    ink,
               double                 x,
               double                 y)
{
  Atom atom = { 0, };

  atom.layout = layout;
  atom.item = item;
  atom.ink = ink;
  atom.x = x;
  atom.y = y;
  layout_size (layout, &atom.width, &atom.height);
  g_array_append_val (part->atoms, atom);
  return atom.height;
}

/* ---------------------------------------------------------------------- */
/* Measuring blocks                                                       */
/* ---------------------------------------------------------------------- */

static void
measure_text (VigiaReportPainter     *self,
              const VigiaReportBlock *block,
              Font                    font,
              Ink                     ink,
              double                  space_after)
{
  Part *part = add_part (self, PART_TEXT, block);
  PangoLayout *layout = make_layout (self, font, block->text, self->content_width, PANGO_ALIGN_LEFT);

  part->height = add_text_atom (part, layout, NULL, ink, 0, 0);
  part->keep_with_next = block->kind == VIGIA_REPORT_BLOCK_HEADING || block->keep_with_next;
  if (space_after > 0)
    add_space (self, block, space_after);
}

static void
measure_title (VigiaReportPainter     *self,
               const VigiaReportBlock *block)
{
  Part *part = add_part (self, PART_TEXT, block);
  PangoLayout *title = make_layout (self, FONT_TITLE, block->text, self->content_width, PANGO_ALIGN_LEFT);
  PangoLayout *subtitle = make_layout (self, FONT_SUBTITLE, block->subtitle, self->content_width,
                                       PANGO_ALIGN_LEFT);
  double y;

  y = add_text_atom (part, title, NULL, INK_TEXT, 0, 0);
  y += 4;
  y += add_text_atom (part, subtitle, NULL, INK_MUTED, 0, y);
  part->height = y;
  part->keep_with_next = TRUE;
  add_space (self, block, 14);
}

static Font
item_font (const VigiaReportItem *item,
           gboolean               header)
{
  if (header)
    return FONT_HEADER;
  if (item->kind == VIGIA_REPORT_ITEM_STATUS)
    return FONT_PILL;
  if (item->flags & VIGIA_REPORT_ITEM_MUTED)
    return FONT_CELL_MUTED;
  if (item->flags & VIGIA_REPORT_ITEM_STRONG)
    return FONT_CELL_STRONG;
  return FONT_CELL;
}

/* Lays out one item of a cell at (x, y) in @width; returns its height. */
static double
measure_item (VigiaReportPainter    *self,
              Part                  *part,
              const VigiaReportItem *item,
              double                 x,
              double                 y,
              double                 width,
              VigiaReportAlign       align)
{
  PangoAlignment alignment = align == VIGIA_REPORT_ALIGN_END ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  PangoLayout *layout;
  Atom atom = { 0, };
  double text_width, text_height;

  if (item->kind != VIGIA_REPORT_ITEM_STATUS)
    {
      Ink ink = item->kind == VIGIA_REPORT_ITEM_LINK ? INK_LINK :
                item->flags & VIGIA_REPORT_ITEM_MUTED ? INK_MUTED : INK_TEXT;

      layout = make_layout (self, item_font (item, FALSE), item->text, width, alignment);
      return add_text_atom (part, layout, item, ink, x, y);
    }

  /* A label: the word in a tinted box, wrapped only if the column is
   * narrower than the word. */
  layout = make_layout (self, FONT_PILL, item->text, width - 2 * PILL_PAD_X, PANGO_ALIGN_LEFT);
  layout_size (layout, &text_width, &text_height);
  atom.layout = layout;
  atom.item = item;
  atom.ink = INK_TEXT;
  atom.pill = TRUE;
  atom.width = MIN (text_width + 2 * PILL_PAD_X, width);
  atom.height = text_height + 2 * PILL_PAD_Y;
  atom.x = align == VIGIA_REPORT_ALIGN_END ? x + width - atom.width : x;
  atom.y = y;
  g_array_append_val (part->atoms, atom);
  return atom.height;
}

static double
measure_items (VigiaReportPainter *self,
               Part               *part,
               GPtrArray          *items,
               double              x,
               double              y,
               double              width,
               VigiaReportAlign    align)
{
  double top = y;

  for (guint k = 0; k < items->len; k++)
    {
      if (k > 0)
        y += ITEM_GAP;
      y += measure_item (self, part, g_ptr_array_index (items, k), x, y, width, align);
    }
  return y - top;
}

static void
column_bounds (VigiaReportPainter     *self,
               const VigiaReportTable *table,
               guint                   column,
               double                 *x,
               double                 *width)
{
  double left = 0;

  for (guint c = 0; c < column; c++)
    left += table->columns[c].width * self->content_width;
  *x = left;
  *width = table->columns[column].width * self->content_width;
}

static void
measure_header (VigiaReportPainter     *self,
                const VigiaReportBlock *block)
{
  const VigiaReportTable *table = block->table;
  Part *part = add_part (self, PART_HEADER, block);
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double x, width, h;
      PangoLayout *layout;

      column_bounds (self, table, c, &x, &width);
      layout = make_layout (self, FONT_HEADER, table->columns[c].title, width - 2 * CELL_PAD_X,
                            table->columns[c].align == VIGIA_REPORT_ALIGN_END ? PANGO_ALIGN_RIGHT
                                                                              : PANGO_ALIGN_LEFT);
      h = add_text_atom (part, layout, NULL, INK_TEXT, x + CELL_PAD_X, CELL_PAD_Y);
      height = MAX (height, h);
    }
  part->height = height + 2 * CELL_PAD_Y;
  part->keep_with_next = TRUE;
}

static void
measure_row (VigiaReportPainter     *self,
             const VigiaReportBlock *block,
             const VigiaReportRow   *row,
             guint                   index,
             guint                   header)
{
  const VigiaReportTable *table = block->table;
  Part *part = add_part (self, PART_ROW, block);
  g_autoptr(GArray) bands = g_array_new (FALSE, TRUE, sizeof (double));
  double height = 0;
  guint n_bands = 0;

  part->header = header;
  part->has_header = table->header;
  part->shaded = index % 2 == 1;
  part->last_row = index + 1 == table->rows->len;

  /* Stacked columns first: their items line up in bands as high as the
   * highest item of the band. */
  for (guint c = 0; c < table->n_columns; c++)
    if (table->columns[c].stacked)
      n_bands = MAX (n_bands, row->cells[c]->len);
  g_array_set_size (bands, n_bands);
  for (guint c = 0; c < table->n_columns; c++)
    {
      double x, width;

      if (!table->columns[c].stacked)
        continue;
      column_bounds (self, table, c, &x, &width);
      for (guint k = 0; k < row->cells[c]->len; k++)
        {
          g_autoptr(PangoLayout) probe = NULL;
          const VigiaReportItem *item = g_ptr_array_index (row->cells[c], k);
          double h;

          probe = make_layout (self, item_font (item, FALSE), item->text,
                               width - 2 * CELL_PAD_X - (item->kind == VIGIA_REPORT_ITEM_STATUS ? 2 * PILL_PAD_X : 0),
                               PANGO_ALIGN_LEFT);
          layout_size (probe, NULL, &h);
          if (item->kind == VIGIA_REPORT_ITEM_STATUS)
            h += 2 * PILL_PAD_Y;
          g_array_index (bands, double, k) = MAX (g_array_index (bands, double, k), h);
        }
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      double x, width, y = CELL_PAD_Y;

      column_bounds (self, table, c, &x, &width);
      if (!table->columns[c].stacked)
        {
          y += measure_items (self, part, row->cells[c], x + CELL_PAD_X, y, width - 2 * CELL_PAD_X,
                              table->columns[c].align);
        }
      else
        for (guint k = 0; k < row->cells[c]->len; k++)
          {
            double band = g_array_index (bands, double, k);
            double h = measure_item (self, part, g_ptr_array_index (row->cells[c], k), x + CELL_PAD_X, y,
                                     width - 2 * CELL_PAD_X, table->columns[c].align);
            Atom *atom = &g_array_index (part->atoms, Atom, part->atoms->len - 1);

            /* Centred in the band, so that a label lines up with a text. */
            atom->y += (band - h) / 2;
            y += band + ITEM_GAP;
          }
      height = MAX (height, y);
    }
  height += CELL_PAD_Y;

  if (row->detail != NULL)
    height += measure_items (self, part, row->detail, CELL_PAD_X, height,
                             self->content_width - 2 * CELL_PAD_X, VIGIA_REPORT_ALIGN_START) + CELL_PAD_Y;

  part->height = height;
}

static void
measure_table (VigiaReportPainter     *self,
               const VigiaReportBlock *block)
{
  const VigiaReportTable *table = block->table;
  guint header = self->parts->len;

  if (table->header)
    measure_header (self, block);
  for (guint i = 0; i < table->rows->len; i++)
    measure_row (self, block, g_ptr_array_index (table->rows, i), i, header);
  add_space (self, block, 10);
}

static void
measure_figures (VigiaReportPainter     *self,
                 const VigiaReportBlock *block)
{
  guint n = block->figures->len;
  guint n_columns = MAX (block->n_columns, 1);
  double width = (self->content_width - FIGURE_GAP * (n_columns - 1)) / n_columns;
  double body = self->page_height - MARGIN_TOP - MARGIN_BOTTOM - FOOTER_HEIGHT;

  for (guint i = 0; i < n; i += n_columns)
    {
      Part *part = add_part (self, PART_FIGURES, block);
      double caption = 0;

      part->first_figure = i;
      part->n_figures = MIN (n_columns, n - i);
      part->figure_width = width;
      /* Captions above the charts, all of a row as high as the highest. */
      for (guint k = i; k < i + part->n_figures; k++)
        {
          const VigiaReportFigure *figure = g_ptr_array_index (block->figures, k);
          PangoLayout *layout;
          double h;

          if (figure->caption == NULL)
            continue;
          layout = make_layout (self, FONT_CELL_STRONG, figure->caption, width, PANGO_ALIGN_LEFT);
          h = add_text_atom (part, layout, NULL, INK_TEXT, (k - i) * (width + FIGURE_GAP), 0);
          caption = MAX (caption, h + 2);
        }
      part->figure_top = caption;
      /* A chart is never cut: at most a page high. */
      part->height = caption + MIN (width * block->figure_height, body - caption);
      if (i + n_columns < n)
        add_space (self, block, FIGURE_GAP);
    }
  add_space (self, block, 10);
}

static void
measure_blocks (VigiaReportPainter *self)
{
  GPtrArray *blocks = vigia_report_get_blocks (self->report);

  for (guint i = 0; i < blocks->len; i++)
    {
      const VigiaReportBlock *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case VIGIA_REPORT_BLOCK_TITLE:
          measure_title (self, block);
          break;
        case VIGIA_REPORT_BLOCK_HEADING:
          add_space (self, block, block->level == 1 ? 16 : 10);
          measure_text (self, block, block->level == 1 ? FONT_HEADING_1 : FONT_HEADING_2, INK_TEXT,
                        block->level == 1 ? 8 : 5);
          break;
        case VIGIA_REPORT_BLOCK_PARAGRAPH:
          measure_text (self, block,
                        block->style == VIGIA_REPORT_TEXT_LEAD ? FONT_LEAD :
                        block->style == VIGIA_REPORT_TEXT_NOTE ? FONT_NOTE : FONT_BODY,
                        block->style == VIGIA_REPORT_TEXT_NOTE ? INK_MUTED : INK_TEXT,
                        block->style == VIGIA_REPORT_TEXT_NOTE ? 6 : 8);
          break;
        case VIGIA_REPORT_BLOCK_TABLE:
          measure_table (self, block);
          break;
        case VIGIA_REPORT_BLOCK_FIGURES:
          measure_figures (self, block);
          break;
        case VIGIA_REPORT_BLOCK_PAGE_BREAK:
          add_part (self, PART_BREAK, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Pagination                                                             */
/* ---------------------------------------------------------------------- */

static Part *
get_part (VigiaReportPainter *self,
          guint               index)
{
  return &g_array_index (self->parts, Part, index);
}

/* Calls @func for each line of the atom's text (a pill is one line), with
 * its top and bottom in the part's coordinates. */
typedef gboolean (*LineFunc) (const Atom      *atom,
                              PangoLayoutIter *iter,
                              double           top,
                              double           bottom,
                              gpointer         data);

static gboolean
foreach_line (const Atom *atom,
              LineFunc    func,
              gpointer    data)
{
  PangoLayoutIter *iter;
  gboolean go_on = TRUE;

  if (atom->pill)
    return func (atom, NULL, atom->y, atom->y + atom->height, data);

  iter = pango_layout_get_iter (atom->layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      go_on = func (atom, iter, atom->y + (double) y0 / PANGO_SCALE, atom->y + (double) y1 / PANGO_SCALE, data);
    }
  while (go_on && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return go_on;
}

typedef struct
{
  double  from;
  double  limit;
  GArray *candidates;
} CutSearch;

/* Whether @cut would go through a line. */
static gboolean
line_crosses_cb (const Atom      *atom,
                 PangoLayoutIter *iter,
                 double           top,
                 double           bottom,
                 gpointer         data)
{
  double cut = *(double *) data;

  return !(top < cut - EPSILON && bottom > cut + EPSILON);
}

static gboolean
cut_is_clean (const Part *part,
              double      cut)
{
  for (guint i = 0; i < part->atoms->len; i++)
    if (!foreach_line (&g_array_index (part->atoms, Atom, i), line_crosses_cb, &cut))
      return FALSE;
  return TRUE;
}

static gboolean
candidate_cb (const Atom      *atom,
              PangoLayoutIter *iter,
              double           top,
              double           bottom,
              gpointer         data)
{
  CutSearch *search = data;

  if (bottom > search->from + EPSILON && bottom <= search->limit + EPSILON)
    g_array_append_val (search->candidates, bottom);
  return TRUE;
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* The lowest place above @limit where the part can be cut without going
 * through a line of any of its texts, or @from if there is none.  A
 * paragraph leaves at least two lines on either side of the cut. */
static double
find_cut (const Part *part,
          double      from,
          double      limit)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (double));
  CutSearch search = { from, limit, candidates };

  if (part->kind == PART_TEXT && part->atoms->len == 1)
    {
      const Atom *atom = &g_array_index (part->atoms, Atom, 0);
      PangoLayoutIter *iter = pango_layout_get_iter (atom->layout);
      int n_lines = pango_layout_get_line_count (atom->layout);
      int line = 0;

      do
        {
          int y0, y1;
          double bottom;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          bottom = atom->y + (double) y1 / PANGO_SCALE;
          if (line >= 1 && line <= n_lines - 3 && bottom > from + EPSILON && bottom <= limit + EPSILON)
            g_array_append_val (candidates, bottom);
          line++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  else
    for (guint i = 0; i < part->atoms->len; i++)
      foreach_line (&g_array_index (part->atoms, Atom, i), candidate_cb, &search);

  g_array_sort (candidates, compare_descending);
  for (guint i = 0; i < candidates->len; i++)
    if (cut_is_clean (part, g_array_index (candidates, double, i)))
      return g_array_index (candidates, double, i);
  return from;
}

/* How much of the part must fit with it on a page: itself and what it keeps
 * with, down to the first line of a text. */
static double
min_height (VigiaReportPainter *self,
            guint               index)
{
  Part *part = get_part (self, index);

  if (part->keep_with_next)
    {
      double height = part->height;

      for (guint i = index + 1; i < self->parts->len; i++)
        {
          Part *next = get_part (self, i);

          if (next->kind == PART_BREAK)
            break;
          if (next->kind == PART_SPACE)
            {
              height += next->height;
              continue;
            }
          return height + min_height (self, i);
        }
      return height;
    }

  /* A paragraph of five lines or more can start with two at the foot of a
   * page. */
  if (part->kind == PART_TEXT && part->atoms->len == 1 &&
      pango_layout_get_line_count (g_array_index (part->atoms, Atom, 0).layout) >= 5)
    {
      const Atom *atom = &g_array_index (part->atoms, Atom, 0);
      PangoLayoutIter *iter = pango_layout_get_iter (atom->layout);
      int y0, y1;

      pango_layout_iter_next_line (iter);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_free (iter);
      return atom->y + (double) y1 / PANGO_SCALE;
    }
  return part->height;
}

static double
group_height (VigiaReportPainter *self,
              guint               index)
{
  guint group = get_part (self, index)->group;
  double height = 0;

  for (guint i = index; i < self->parts->len; i++)
    {
      Part *part = get_part (self, i);

      if (part->group != group || part->kind == PART_BREAK)
        break;
      height += part->height;
    }
  return height;
}

static GArray *
current_page (VigiaReportPainter *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
place (VigiaReportPainter *self,
       guint               index,
       double              from,
       double              to,
       double              y)
{
  Placement placement = { index, from, to, y };
  Part *part = get_part (self, index);

  g_array_append_val (current_page (self), placement);

  if (from == 0 && part->block != NULL && part->block->kind == VIGIA_REPORT_BLOCK_HEADING)
    {
      Heading heading = { part->block->text, part->block->level, self->pages->len - 1, y };

      g_array_append_val (self->headings, heading);
    }
}

/* Starts a page; a table row that goes on to it brings its header.
 * Returns where the content starts. */
static double
new_page (VigiaReportPainter *self,
          const Part         *part)
{
  double y = MARGIN_TOP;

  g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (Placement)));
  if (part != NULL && part->kind == PART_ROW && part->has_header)
    {
      const Part *header = get_part (self, part->header);

      place (self, part->header, 0, header->height, y);
      y += header->height;
    }
  return y;
}

static void
paginate (VigiaReportPainter *self)
{
  double limit = self->page_height - MARGIN_BOTTOM - FOOTER_HEIGHT;
  double body = limit - MARGIN_TOP;
  double y = new_page (self, NULL);
  guint group = 0;

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = get_part (self, i);
      double from = 0;
      double need;
      gboolean fresh;

      if (part->kind == PART_BREAK)
        {
          /* A section starts a page, unless that would leave most of this
           * one blank. */
          if (current_page (self)->len > 0 && y > MARGIN_TOP + body * SECTION_BREAK)
            y = new_page (self, NULL);
          continue;
        }
      if (part->kind == PART_SPACE)
        {
          /* No space at the top of a page. */
          if (current_page (self)->len > 0)
            y += part->height;
          continue;
        }

      if (part->group != 0 && part->group != group)
        {
          double height = group_height (self, i);

          group = part->group;
          if (current_page (self)->len > 0 && y + height > limit + EPSILON && height <= body)
            y = new_page (self, NULL);
        }

      /* What must go together goes to the next page, unless even a page is
       * too small for it. */
      need = min_height (self, i);
      if (current_page (self)->len > 0 && y + need > limit + EPSILON && need <= body + EPSILON)
        y = new_page (self, part);

      /* What does not fit goes on, cut where it may be. */
      fresh = FALSE;
      while (part->height - from > limit - y + EPSILON)
        {
          double cut = find_cut (part, from, from + limit - y);

          if (cut <= from + EPSILON)
            {
              if (!fresh)
                {
                  y = new_page (self, part);
                  fresh = TRUE;
                  continue;
                }
              /* A single line taller than a page: cut through it. */
              cut = from + limit - y;
            }
          place (self, i, from, cut, y);
          from = cut;
          y = new_page (self, part);
          fresh = TRUE;
        }
      place (self, i, from, part->height, y);
      y += part->height - from;
    }
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                */
/* ---------------------------------------------------------------------- */

static void
set_color (cairo_t          *cr,
           const VigiaColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Cairo's attribute strings are single-quoted, with \ as escape. */
static char *
link_attributes (const char *uri)
{
  GString *attributes = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  return g_string_free (attributes, FALSE);
}

typedef struct
{
  cairo_t *cr;
  double   from;
  double   to;
  /* Page y of the part's y 0. */
  double   offset;
  double   left;
} LineDraw;

static gboolean
draw_line_cb (const Atom      *atom,
              PangoLayoutIter *iter,
              double           top,
              double           bottom,
              gpointer         data)
{
  LineDraw *draw = data;
  PangoRectangle logical;

  if (top < draw->from - EPSILON || bottom > draw->to + EPSILON)
    return TRUE;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  cairo_move_to (draw->cr, draw->left + atom->x + (double) logical.x / PANGO_SCALE,
                 draw->offset + atom->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
  pango_cairo_show_layout_line (draw->cr, pango_layout_iter_get_line_readonly (iter));
  return TRUE;
}

static void
draw_atom (VigiaReportPainter *self,
           cairo_t            *cr,
           const Atom         *atom,
           LineDraw           *draw)
{
  g_autofree char *attributes = NULL;
  double top = atom->y;
  double bottom = atom->y + atom->height;

  if (bottom <= draw->from + EPSILON || top >= draw->to - EPSILON)
    return;

  cairo_save (cr);

  if (atom->pill)
    {
      const VigiaColor *color = &self->chart_style.status[atom->item->status];
      double x = draw->left + atom->x;
      double y = draw->offset + atom->y;
      double r = 2.5;

      if (top < draw->from - EPSILON || bottom > draw->to + EPSILON)
        {
          cairo_restore (cr);
          return;
        }
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + atom->width - r, y + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x + atom->width - r, y + atom->height - r, r, 0, G_PI / 2);
      cairo_arc (cr, x + r, y + atom->height - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.18);
      cairo_fill_preserve (cr);
      set_color (cr, color);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);

      set_color (cr, &ink_colors[INK_TEXT]);
      cairo_move_to (cr, x + PILL_PAD_X, y + PILL_PAD_Y);
      pango_cairo_show_layout (cr, atom->layout);
      cairo_restore (cr);
      return;
    }

  set_color (cr, &ink_colors[atom->ink]);
  if (atom->item != NULL && atom->item->kind == VIGIA_REPORT_ITEM_LINK)
    {
      /* A live link in the PDF; other surfaces ignore the tag. */
      attributes = link_attributes (atom->item->uri);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }

  if (top >= draw->from - EPSILON && bottom <= draw->to + EPSILON)
    {
      cairo_move_to (cr, draw->left + atom->x, draw->offset + atom->y);
      pango_cairo_show_layout (cr, atom->layout);
    }
  else
    foreach_line (atom, draw_line_cb, draw);

  if (attributes != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_restore (cr);
}

static void
draw_figures (VigiaReportPainter *self,
              cairo_t            *cr,
              const Part         *part,
              double              y)
{
  double height = part->height - part->figure_top;

  for (guint i = 0; i < part->n_figures; i++)
    {
      const VigiaReportFigure *figure = g_ptr_array_index (part->block->figures, part->first_figure + i);
      g_autoptr(VigiaChart) chart = vigia_report_figure_create_chart (self->report, figure);
      double x = MARGIN_SIDE + i * (part->figure_width + FIGURE_GAP);

      cairo_save (cr);
      cairo_translate (cr, x, y + part->figure_top);
      cairo_rectangle (cr, 0, 0, part->figure_width, height);
      cairo_clip (cr);
      cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
      vigia_chart_draw (chart, cr, part->figure_width / POINTS_PER_PIXEL, height / POINTS_PER_PIXEL,
                        &self->chart_style);
      cairo_restore (cr);
    }
}

static void
draw_placement (VigiaReportPainter *self,
                cairo_t            *cr,
                const Placement    *placement)
{
  const Part *part = get_part (self, placement->part);
  LineDraw draw = { cr, placement->from, placement->to, placement->y - placement->from, MARGIN_SIDE };
  double height = placement->to - placement->from;

  if (part->kind == PART_FIGURES)
    draw_figures (self, cr, part, placement->y);

  if (part->kind == PART_HEADER || (part->kind == PART_ROW && part->shaded))
    {
      set_color (cr, part->kind == PART_HEADER ? &header_color : &shade_color);
      cairo_rectangle (cr, MARGIN_SIDE, placement->y, self->content_width, height);
      cairo_fill (cr);
    }

  for (guint i = 0; i < part->atoms->len; i++)
    draw_atom (self, cr, &g_array_index (part->atoms, Atom, i), &draw);

  if (part->kind == PART_HEADER || (part->kind == PART_ROW && part->last_row && part->has_header))
    {
      double y = placement->y + height;

      set_color (cr, &rule_color);
      cairo_set_line_width (cr, part->kind == PART_HEADER ? 0.8 : 0.5);
      cairo_move_to (cr, MARGIN_SIDE, y);
      cairo_line_to (cr, MARGIN_SIDE + self->content_width, y);
      cairo_stroke (cr);
    }
}

static void
draw_footer (VigiaReportPainter *self,
             cairo_t            *cr,
             guint               page)
{
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *number = NULL;
  double y = self->page_height - MARGIN_BOTTOM - FOOTER_HEIGHT + 10;
  double right_width;

  /* Translators: the page number at the foot of a report's pages. */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  right = make_layout (self, FONT_FOOTER, number, -1, PANGO_ALIGN_LEFT);
  layout_size (right, &right_width, NULL);

  left = make_layout (self, FONT_FOOTER, self->footer, -1, PANGO_ALIGN_LEFT);
  pango_layout_set_width (left, (int) ((self->content_width - right_width - 12) * PANGO_SCALE));
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);

  set_color (cr, &rule_color);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, y - 4);
  cairo_line_to (cr, MARGIN_SIDE + self->content_width, y - 4);
  cairo_stroke (cr);

  set_color (cr, &ink_colors[INK_MUTED]);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN_SIDE + self->content_width - right_width, y);
  pango_cairo_show_layout (cr, right);
}

/* ---------------------------------------------------------------------- */
/* VigiaReportPainter                                                     */
/* ---------------------------------------------------------------------- */

static void
clear_layout (VigiaReportPainter *self)
{
  if (self->parts != NULL)
    {
      for (guint i = 0; i < self->parts->len; i++)
        part_clear (get_part (self, i));
      g_array_set_size (self->parts, 0);
    }
  g_ptr_array_set_size (self->pages, 0);
  g_array_set_size (self->headings, 0);
  g_clear_object (&self->context);
}

static void
vigia_report_painter_finalize (GObject *object)
{
  VigiaReportPainter *self = (VigiaReportPainter *)object;

  clear_layout (self);
  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (vigia_report_painter_parent_class)->finalize (object);
}

static void
vigia_report_painter_class_init (VigiaReportPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_report_painter_finalize;
}

static void
vigia_report_painter_init (VigiaReportPainter *self)
{
  self->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->headings = g_array_new (FALSE, TRUE, sizeof (Heading));
  for (guint i = 0; i < N_FONTS; i++)
    self->fonts[i] = pango_font_description_from_string (font_names[i]);
  vigia_report_chart_style_init (&self->chart_style);
}

/**
 * vigia_report_painter_new:
 * @page_width: in points; %VIGIA_REPORT_A4_WIDTH for A4
 * @page_height: in points
 *
 * Returns: (transfer full): a painter of @report's pages; nothing is laid
 *   out until vigia_report_painter_paginate()
 */
VigiaReportPainter *
vigia_report_painter_new (VigiaReport *report,
                          double       page_width,
                          double       page_height)
{
  VigiaReportPainter *self;

  g_return_val_if_fail (VIGIA_IS_REPORT (report), NULL);
  g_return_val_if_fail (page_width > 2 * MARGIN_SIDE + 100, NULL);
  g_return_val_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM + FOOTER_HEIGHT + 100, NULL);

  self = g_object_new (VIGIA_TYPE_REPORT_PAINTER, NULL);
  self->report = g_object_ref (report);
  self->page_width = page_width;
  self->page_height = page_height;
  self->content_width = page_width - 2 * MARGIN_SIDE;
  self->footer = vigia_report_dup_footer (report);
  return self;
}

VigiaReport *
vigia_report_painter_get_report (VigiaReportPainter *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT_PAINTER (self), NULL);
  return self->report;
}

/**
 * vigia_report_painter_paginate:
 * @cr: a context on the surface the pages will be drawn on (its units
 *   points), whose font settings the measures use
 *
 * Lays the report out on pages.  Call it again only to start over.
 *
 * Returns: the number of pages
 */
guint
vigia_report_painter_paginate (VigiaReportPainter *self,
                               cairo_t            *cr)
{
  cairo_font_options_t *options;

  g_return_val_if_fail (VIGIA_IS_REPORT_PAINTER (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  clear_layout (self);

  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72);
  /* Unhinted metrics: text measures the same on paper, in a PDF and in a
   * print preview. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_get_default ());

  measure_blocks (self);
  paginate (self);

  return self->pages->len;
}

guint
vigia_report_painter_get_n_pages (VigiaReportPainter *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT_PAINTER (self), 0);
  return self->pages->len;
}

/**
 * vigia_report_painter_draw_page:
 * @cr: a context whose units are points, its origin the page's top left
 * @page: from 0
 *
 * Draws a page laid out by vigia_report_painter_paginate().
 */
void
vigia_report_painter_draw_page (VigiaReportPainter *self,
                                cairo_t            *cr,
                                guint               page)
{
  GArray *placements;

  g_return_if_fail (VIGIA_IS_REPORT_PAINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (self, cr, &g_array_index (placements, Placement, i));
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

guint
vigia_report_painter_get_n_headings (VigiaReportPainter *self)
{
  g_return_val_if_fail (VIGIA_IS_REPORT_PAINTER (self), 0);
  return self->headings->len;
}

/**
 * vigia_report_painter_get_heading:
 * @level: (out) (optional): 1 for a section, 2 within it
 * @page: (out) (optional): the page it is on, from 0
 * @y: (out) (optional): where on the page, in points from the top
 *
 * The headings, as pages give them, for a PDF's outline.
 *
 * Returns: the heading's text
 */
const char *
vigia_report_painter_get_heading (VigiaReportPainter *self,
                                  guint               index,
                                  guint              *level,
                                  guint              *page,
                                  double             *y)
{
  const Heading *heading;

  g_return_val_if_fail (VIGIA_IS_REPORT_PAINTER (self), NULL);
  g_return_val_if_fail (index < self->headings->len, NULL);

  heading = &g_array_index (self->headings, Heading, index);
  if (level != NULL)
    *level = heading->level;
  if (page != NULL)
    *page = heading->page;
  if (y != NULL)
    *y = heading->y;
  return heading->text;
}
