/* vigia-report-html.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report as one self-contained HTML5 page: the style sheet inline, the
 * charts inline SVG drawn by the same code as on screen and in the PDF
 * (draw_figures() says how), nothing fetched from elsewhere.  Every text of the plan goes through
 * vigia_html_append_escaped(); links are made only of web and mail addresses, so that
 * a "javascript:" evidence stays text.  The page reads on a phone (tables turn
 * into one card per row) and prints (a page per section, headers repeated).
 * It is also well-formed XML, which lets the tests parse it.
 */
#define G_LOG_DOMAIN "vigia-report-html"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-chart-private.h"
#include "vigia-html.h"
#include "vigia-report-private.h"
#include "vigia-utils.h"

/* Charts are drawn at the size they have in the PDF, in pixels: the width
 * of an A4 page's text (482 points) is 643 pixels. */
#define FIGURE_ROW_WIDTH 643.0
#define FIGURE_GAP       16.0

typedef struct
{
  VigiaReport     *report;
  GString         *out;
  VigiaChartStyle  style;
  gboolean         in_section;
  /* The charts, drawn before the page is written. */
  guint            n_figures;
  char            *defs;
  GPtrArray       *pages;
  /* What each chart shows, in words, for screen readers. */
  GPtrArray       *descriptions;
  /* Each chart's texts, as SVG text elements. */
  GPtrArray       *texts;
  guint            next_page;
} Html;

static void
append_color (GString          *out,
              const VigiaColor *color,
              double            alpha)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (a, sizeof a, "%.2f", alpha);
  g_string_append_printf (out, "rgba(%d,%d,%d,%s)", (int) (color->red * 255 + 0.5),
                          (int) (color->green * 255 + 0.5), (int) (color->blue * 255 + 0.5), a);
}

static const char *
status_class (VigiaStatus status)
{
  switch (status)
    {
    case VIGIA_STATUS_IN_PROGRESS: return "in-progress";
    case VIGIA_STATUS_STALLED:     return "stalled";
    case VIGIA_STATUS_PARTLY_KEPT: return "partly-kept";
    case VIGIA_STATUS_KEPT:        return "kept";
    case VIGIA_STATUS_BROKEN:      return "broken";
    case VIGIA_STATUS_NOT_RATED:
    default:                       return "not-rated";
    }
}

static void
append_style (Html *html)
{
  GString *out = html->out;

  g_string_append (out,
    "<style>\n"
    ":root{color-scheme:light;--bg:#fff;--ink:#1a1a1a;--muted:#5e5c64;--rule:#9a9996;--shade:#f3f3f3;--head:#e3e3e5;--link:#1a5fb4}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 Cantarell,\"Noto Sans\",\"DejaVu Sans\",system-ui,sans-serif}\n"
    "main,body>header,body>footer{max-width:60rem;margin:0 auto;padding:0 1.25rem}\n"
    "body>header{padding-top:2rem}\n"
    "h1{font-size:2rem;line-height:1.15;margin:0 0 .3rem}\n"
    "h2{font-size:1.45rem;margin:2.2rem 0 .6rem}\n"
    "h3{font-size:1.1rem;margin:1.4rem 0 .4rem}\n"
    "p{margin:.4rem 0 .8rem}\n"
    ".subtitle{font-size:1.15rem;color:var(--muted);margin-top:0}\n"
    ".text{white-space:pre-line}\n"
    ".lead{font-size:1.05rem}\n"
    ".note{font-size:.85rem;color:var(--muted)}\n"
    ".table{overflow-x:auto;margin:.6rem 0 1.2rem}\n"
    "table{border-collapse:collapse;width:100%;font-size:.82rem}\n"
    "caption{text-align:left;font-weight:bold;padding:.2rem 0}\n"
    "th,td{padding:.3rem .45rem;vertical-align:top;text-align:left}\n"
    "thead th{background:var(--head);border-bottom:2px solid var(--rule)}\n"
    "table:not(.goals) tbody tr:nth-child(even)>*{background:var(--shade)}\n"
    "table.goals tbody:nth-of-type(even) td{background:var(--shade)}\n"
    "tbody th{font-weight:bold}\n"
    ".num{text-align:right}\n"
    "table.compact td{white-space:nowrap}\n"
    "table.compact tbody tr:nth-child(n)>*{background:none}\n"
    "table.compact tbody tr:not(.detail)>*{border-top:1px solid var(--rule)}\n"
    "table.compact tr.detail td{white-space:normal;padding-top:0}\n"
    ".item{display:block}\n"
    ".stack .item{min-height:1.7em;white-space:nowrap}\n"
    ".muted{color:var(--muted);font-size:.92em}\n"
    ".strong{font-weight:bold}\n"
    "a{color:var(--link);overflow-wrap:anywhere}\n"
    ".status{display:inline-block;padding:.05rem .4rem;border:1px solid;border-radius:.3rem;font-weight:bold;font-size:.9em;white-space:nowrap}\n"
    ".detail td{padding-top:0;font-size:.95em}\n"
    ".figures{display:grid;grid-template-columns:repeat(var(--cols,1),minmax(0,1fr));gap:1rem;margin:.6rem 0 1.2rem}\n"
    "figure{margin:0}\n"
    "figcaption{font-weight:bold;font-size:.85rem}\n"
    "figure svg{display:block;width:100%;height:auto}\n"
    "figure svg text{font-family:Cantarell,\"Noto Sans\",\"DejaVu Sans\",system-ui,sans-serif;white-space:pre}\n"
    "svg.defs{position:absolute}\n"
    "body>footer{margin-top:3rem;padding-bottom:2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule)}\n");

  for (guint i = 0; i < VIGIA_N_STATUSES; i++)
    {
      const VigiaColor *color = &html->style.status[i];

      g_string_append_printf (out, ".status-%s{border-color:", status_class (i));
      append_color (out, color, 1);
      g_string_append (out, ";background:");
      append_color (out, color, 0.18);
      g_string_append (out, "}\n");
    }

  g_string_append (out,
    "@media (max-width:40rem){\n"
    "body{font-size:14px}\n"
    "h1{font-size:1.6rem}\n"
    ".figures{grid-template-columns:minmax(0,1fr)}\n"
    "table.cards thead{display:none}\n"
    "table.cards,table.cards tbody,table.cards tr,table.cards caption{display:block;width:100%}\n"
    "table.cards tr{padding:.3rem 0;border-bottom:1px solid var(--rule)}\n"
    "table.cards td{display:grid;grid-template-columns:8.5rem minmax(0,1fr);gap:.5rem;padding:.15rem .3rem}\n"
    "table.cards td[data-label]::before{content:attr(data-label);color:var(--muted)}\n"
    "table.cards td.num{text-align:left}\n"
    "table.cards tr.detail td{display:block}\n"
    /* An entry a line or two, its cells one after another. */
    "table.compact thead{display:none}\n"
    "table.compact tr{display:flex;flex-wrap:wrap;gap:0 .8rem}\n"
    "table.compact tbody tr:not(.detail){border-top:1px solid var(--rule)}\n"
    "table.compact tbody tr>*{border:0;padding:.15rem 0}\n"
    ".stack .item{min-height:0}\n"
    "figure.wide{overflow-x:auto}\n"
    "figure.wide svg{min-width:34rem}\n"
    "}\n"
    "@media print{\n"
    "@page{size:A4;margin:2cm 2cm 2.2cm}\n"
    "body{font-size:10pt}\n"
    "main,body>header,body>footer{max-width:none;padding:0}\n"
    "tr,tbody,figure,.figures{break-inside:avoid}\n"
    "caption,thead{break-after:avoid}\n"
    "thead{display:table-header-group}\n"
    "h2,h3{break-after:avoid}\n"
    ".table{overflow:visible}\n"
    "a{color:inherit}\n"
    "}\n"
    "</style>\n");
}

/**
 * vigia_report_append_html_style: (skip)
 *
 * Appends the report's style sheet, for other pages that look the same.
 */
void
vigia_report_append_html_style (GString *out)
{
  Html html = { NULL, out, };

  vigia_report_chart_style_init (&html.style);
  append_style (&html);
}

/* ---------------------------------------------------------------------- */
/* Charts                                                                 */
/* ---------------------------------------------------------------------- */

static cairo_status_t
svg_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
append_number (GString *out,
               double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  g_ascii_formatd (text, sizeof text, "%.1f", value);
  dot = strchr (text, '.');
  if (dot != NULL && g_str_equal (dot, ".0"))
    *dot = '\0';
  g_string_append (out, text);
}

/* A chart's text as SVG text rather than the outlines of its letters: a
 * tenth of the weight, and the page's own font (charts in a site's plan
 * page went from 380 kB to under 100 kB).  Its width is the one
 * Pango laid out, so that what lines up on paper lines up on the page. */
static void
svg_text_cb (PangoLayout      *layout,
             const VigiaColor *color,
             double            x,
             double            y,
             gpointer          user_data)
{
  GString *out = user_data;
  const char *text = pango_layout_get_text (layout);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autoptr(GString) piece = g_string_new (NULL);
      PangoRectangle logical;
      double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;

      /* Run by run: where a label is cut short, a run stands for what
       * was left out and shows an ellipsis. */
      for (GSList *l = line->runs; l != NULL; l = l->next)
        {
          PangoItem *item = ((PangoGlyphItem *) l->data)->item;

          if (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
            g_string_append (piece, "…");
          else
            g_string_append_len (piece, text + item->offset, item->length);
        }
      g_strchomp (piece->str);
      if (piece->str[0] == '\0')
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_string_append (out, "<text x=\"");
      append_number (out, x + logical.x / (double) PANGO_SCALE);
      g_string_append (out, "\" y=\"");
      append_number (out, y + baseline);
      g_string_append (out, "\" font-size=\"");
      append_number (out, font != NULL ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 10);
      g_string_append (out, "\" textLength=\"");
      append_number (out, logical.width / (double) PANGO_SCALE);
      g_string_append_printf (out, "\"%s fill=\"#%02x%02x%02x\"",
                              font != NULL && pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD ?
                                " font-weight=\"bold\"" : "",
                              (int) (color->red * 255 + 0.5), (int) (color->green * 255 + 0.5),
                              (int) (color->blue * 255 + 0.5));
      if (color->alpha < 1)
        {
          g_string_append (out, " fill-opacity=\"");
          append_number (out, color->alpha);
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, '>');
      vigia_html_append_escaped (out, piece->str);
      g_string_append (out, "</text>\n");
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
figure_size (const VigiaReportBlock *block,
             double                 *width,
             double                 *height)
{
  guint n_columns = MAX (block->n_columns, 1);

  *width = (FIGURE_ROW_WIDTH - FIGURE_GAP * (n_columns - 1)) / n_columns;
  *height = *width * block->figure_height;
}

/* Between @open and @close in @text, from @from; NULL if they are not there. */
static char *
dup_between (const char  *text,
             const char  *open,
             const char  *close,
             const char **next)
{
  const char *start = strstr (text, open);
  const char *end = start != NULL ? strstr (start + strlen (open), close) : NULL;

  if (end == NULL)
    return NULL;
  if (next != NULL)
    *next = end + strlen (close);
  return g_strndup (start + strlen (open), end - start - strlen (open));
}

/* Cairo writes every style in full and every coordinate to the millionth
 * of a pixel: the defaults go, colours become #rrggbb and numbers keep one
 * decimal, which halves a chart. */
static char *
compact_svg (char *page)
{
  static const char * const defaults[] = {
    "stroke-linecap:butt;", "stroke-linejoin:miter;", "stroke-opacity:1;", "fill-opacity:1;",
    "stroke-miterlimit:10;", "fill-rule:nonzero;", "stroke-width:1;", "style=\" ",
  };
  GString *out = g_string_sized_new (strlen (page));
  const char *p = page;

  while (*p != '\0')
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (defaults) && !matched; i++)
        if (strncmp (p, defaults[i], strlen (defaults[i])) == 0)
          {
            /* The blank cairo puts at the start of some styles. */
            if (g_str_has_prefix (defaults[i], "style="))
              g_string_append (out, "style=\"");
            p += strlen (defaults[i]);
            matched = TRUE;
          }
      if (matched)
        continue;

      if (strncmp (p, "rgb(", 4) == 0)
        {
          double rgb[3];
          char *end = (char *) p + 4;
          guint k;

          for (k = 0; k < 3; k++)
            {
              rgb[k] = g_ascii_strtod (end, &end);
              if (*end != '%')
                break;
              end++;
              if (k < 2 && *end++ != ',')
                break;
            }
          if (k == 3 && *end == ')')
            {
              g_string_append_printf (out, "#%02x%02x%02x", (int) (rgb[0] * 2.55 + 0.5), (int) (rgb[1] * 2.55 + 0.5),
                                      (int) (rgb[2] * 2.55 + 0.5));
              p = end + 1;
              continue;
            }
        }

      /* A number with decimals, not part of a name ("glyph1-2"). */
      if (g_ascii_isdigit (*p) && (p == page || !g_ascii_isalpha (p[-1])))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' && g_ascii_isdigit (q[1]))
            {
              char *end;
              double value = g_ascii_strtod (p, &end);
              char text[G_ASCII_DTOSTR_BUF_SIZE];
              char *dot;

              g_ascii_formatd (text, sizeof text, "%.1f", value);
              dot = strchr (text, '.');
              if (dot != NULL && g_str_equal (dot, ".0"))
                *dot = '\0';
              g_string_append (out, text);
              p = end;
              continue;
            }
          g_string_append_len (out, p, q - p);
          p = q;
          continue;
        }

      g_string_append_c (out, *p++);
    }
  g_free (page);
  return g_string_free (out, FALSE);
}

/* Cairo names each page's group "surface1": the ids of a page must be
 * unique in the document. */
static char *
drop_surface_id (char *page)
{
  char *g = strstr (page, "<g id=\"surface");
  char *close = g != NULL ? strchr (g, '>') : NULL;

  if (close != NULL)
    memmove (g + 2, close, strlen (close) + 1);
  return page;
}

/* Draws every chart of the report as a page of one SVG document.  Cairo
 * writes each letter of a chart as an outline in the document's
 * definitions: in one document the letters are written once for all the
 * charts, not once for each, which makes the page a third of the size and
 * writes it in half the time.  The definitions go in a hidden SVG at the
 * top of the page, and each chart, its own inline SVG, refers to them. */
static void
draw_figures (Html *html)
{
  GPtrArray *blocks = vigia_report_get_blocks (html->report);
  g_autoptr(GString) svg = g_string_new (NULL);
  double max_width = 1, max_height = 1;
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *rest;

  for (guint i = 0; i < blocks->len; i++)
    {
      const VigiaReportBlock *block = g_ptr_array_index (blocks, i);
      double width, height;

      if (block->kind != VIGIA_REPORT_BLOCK_FIGURES)
        continue;
      figure_size (block, &width, &height);
      max_width = MAX (max_width, width);
      max_height = MAX (max_height, height);
      html->n_figures += block->figures->len;
    }
  if (html->n_figures == 0)
    return;

  surface = cairo_svg_surface_create_for_stream (svg_write_cb, svg, max_width, max_height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_2);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  for (guint i = 0; i < blocks->len; i++)
    {
      const VigiaReportBlock *block = g_ptr_array_index (blocks, i);
      double width, height;

      if (block->kind != VIGIA_REPORT_BLOCK_FIGURES)
        continue;
      figure_size (block, &width, &height);
      for (guint k = 0; k < block->figures->len; k++)
        {
          g_autoptr(VigiaChart) chart = vigia_report_figure_create_chart (html->report,
                                                                          g_ptr_array_index (block->figures, k));

          GString *texts = g_string_new (NULL);

          vigia_chart_set_text_func (cr, svg_text_cb, texts);
          cairo_save (cr);
          vigia_chart_draw (chart, cr, width, height, &html->style);
          cairo_restore (cr);
          cairo_show_page (cr);
          g_ptr_array_add (html->texts, g_string_free (texts, FALSE));
          g_ptr_array_add (html->descriptions, vigia_chart_dup_description (chart));
        }
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  html->defs = dup_between (svg->str, "<defs>", "</defs>", &rest);
  if (rest == NULL || html->defs == NULL)
    rest = strchr (strstr (svg->str, "<svg"), '>') + 1;

  if (strstr (rest, "<pageSet>") != NULL)
    {
      char *page;

      while ((page = dup_between (rest, "<page>", "</page>", &rest)) != NULL)
        g_ptr_array_add (html->pages, compact_svg (drop_surface_id (page)));
    }
  else
    {
      /* A single page is written without a page set. */
      const char *end = g_strrstr (rest, "</svg>");

      if (end != NULL)
        g_ptr_array_add (html->pages, compact_svg (drop_surface_id (g_strndup (rest, end - rest))));
    }
}

static void
append_defs (Html *html)
{
  if (html->defs == NULL)
    return;
  g_string_append (html->out, "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" "
                              "xmlns=\"http://www.w3.org/2000/svg\" "
                              "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<defs>");
  g_string_append (html->out, html->defs);
  g_string_append (html->out, "</defs>\n</svg>\n");
}

static void
append_figure (Html                    *html,
               const VigiaReportFigure *figure,
               double                   width,
               double                   height,
               gboolean                 wide)
{
  char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
  guint page = html->next_page++;
  const char *description = page < html->descriptions->len ? g_ptr_array_index (html->descriptions, page) : "";

  /* On a phone, a chart as wide as the page scrolls rather than shrink its
   * letters past reading. */
  g_string_append (html->out, wide ? "<figure class=\"wide\">\n" : "<figure>\n");
  if (figure->caption != NULL)
    {
      g_string_append (html->out, "<figcaption>");
      vigia_html_append_escaped (html->out, figure->caption);
      g_string_append (html->out, "</figcaption>\n");
    }
  /* Its size comes from the page; the viewBox keeps its proportions. */
  g_ascii_formatd (w, sizeof w, "%.2f", width);
  g_ascii_formatd (h, sizeof h, "%.2f", height);
  g_string_append (html->out, "<svg role=\"img\" aria-label=\"");
  vigia_html_append_escaped (html->out, description);
  g_string_append_printf (html->out, "\" xmlns=\"http://www.w3.org/2000/svg\" "
                                     "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 %s %s\">", w, h);
  if (page < html->pages->len)
    g_string_append (html->out, g_ptr_array_index (html->pages, page));
  if (page < html->texts->len)
    g_string_append (html->out, g_ptr_array_index (html->texts, page));
  g_string_append (html->out, "</svg>\n</figure>\n");
}

static void
append_figures (Html                   *html,
                const VigiaReportBlock *block)
{
  double width, height;

  figure_size (block, &width, &height);
  g_string_append_printf (html->out, "<div class=\"figures\" style=\"--cols:%u\">\n", MAX (block->n_columns, 1));
  for (guint i = 0; i < block->figures->len; i++)
    append_figure (html, g_ptr_array_index (block->figures, i), width, height, block->n_columns <= 1);
  g_string_append (html->out, "</div>\n");
}

/* ---------------------------------------------------------------------- */
/* Text and tables                                                        */
/* ---------------------------------------------------------------------- */

static void
append_item (Html                  *html,
             const VigiaReportItem *item)
{
  GString *out = html->out;

  switch (item->kind)
    {
    case VIGIA_REPORT_ITEM_STATUS:
      g_string_append_printf (out, "<span class=\"item\"><span class=\"status status-%s\">",
                              status_class (item->status));
      vigia_html_append_escaped (out, item->text);
      g_string_append (out, "</span></span>");
      return;

    case VIGIA_REPORT_ITEM_LINK:
      if ((item->flags & VIGIA_REPORT_ITEM_INTERNAL) || vigia_html_is_safe_link (item->uri))
        {
          g_string_append (out, "<span class=\"item\"><a href=\"");
          vigia_html_append_escaped (out, item->uri);
          g_string_append (out, "\">");
          vigia_html_append_escaped (out, item->text);
          g_string_append (out, "</a></span>");
          return;
        }
      break;

    case VIGIA_REPORT_ITEM_TEXT:
    default:
      break;
    }

  g_string_append (out, "<span class=\"item");
  if (item->flags & VIGIA_REPORT_ITEM_STRONG)
    g_string_append (out, " strong");
  if (item->flags & VIGIA_REPORT_ITEM_MUTED)
    g_string_append (out, " muted");
  g_string_append (out, "\">");
  vigia_html_append_escaped (out, item->text);
  g_string_append (out, "</span>");
}

static void
append_items (Html      *html,
              GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    append_item (html, g_ptr_array_index (items, i));
}

/* A cell's items on lines of their own, without a box each. */
static void
append_plain_items (Html      *html,
                    GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      const VigiaReportItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append (html->out, "<br/>");
      if (item->kind == VIGIA_REPORT_ITEM_STATUS || item->kind == VIGIA_REPORT_ITEM_LINK)
        append_item (html, item);
      else if (item->flags & VIGIA_REPORT_ITEM_STRONG)
        {
          g_string_append (html->out, "<b>");
          vigia_html_append_escaped (html->out, item->text);
          g_string_append (html->out, "</b>");
        }
      else
        vigia_html_append_escaped (html->out, item->text);
    }
}

static void
append_column_titles (GString                *out,
                      const VigiaReportTable *table)
{
  g_string_append (out, "<thead><tr>");
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_string_append_printf (out, "<th scope=\"col\"%s>",
                              table->columns[c].align == VIGIA_REPORT_ALIGN_END ? " class=\"num\"" : "");
      vigia_html_append_escaped (out, table->columns[c].title);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n");
}

static void
append_compact_table (Html                   *html,
                      const VigiaReportTable *table)
{
  GString *out = html->out;

  g_string_append (out, "<div class=\"table\">\n<table class=\"compact\">\n<caption>");
  vigia_html_append_escaped (out, table->caption);
  g_string_append (out, "</caption>\n");
  append_column_titles (out, table);
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < table->rows->len; i++)
    {
      const VigiaReportRow *row = g_ptr_array_index (table->rows, i);

      g_string_append (out, "<tr>");
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_string_append (out, table->columns[c].align == VIGIA_REPORT_ALIGN_END ? "<td class=\"num\">" : "<td>");
          append_plain_items (html, row->cells[c]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
      if (row->detail != NULL)
        {
          g_string_append_printf (out, "<tr class=\"detail\"><td colspan=\"%u\">", table->n_columns);
          append_items (html, row->detail);
          g_string_append (out, "</td></tr>\n");
        }
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

static void
append_table (Html                   *html,
              const VigiaReportTable *table)
{
  GString *out = html->out;
  gboolean has_detail = FALSE;

  if (table->compact)
    {
      append_compact_table (html, table);
      return;
    }

  for (guint i = 0; i < table->rows->len && !has_detail; i++)
    has_detail = ((VigiaReportRow *) g_ptr_array_index (table->rows, i))->detail != NULL;
  for (guint c = 0; c < table->n_columns && !has_detail; c++)
    has_detail = table->columns[c].stacked;

  g_string_append (out, "<div class=\"table\">\n<table class=\"");
  g_string_append (out, table->header ? "cards" : "facts");
  /* A goal's rows (its figures, then its notes) share a tbody, to be shaded
   * and kept together as one. */
  if (has_detail)
    g_string_append (out, " goals");
  g_string_append (out, "\">\n");
  if (table->caption != NULL)
    {
      g_string_append (out, "<caption>");
      vigia_html_append_escaped (out, table->caption);
      g_string_append (out, "</caption>\n");
    }

  if (table->header)
    append_column_titles (out, table);

  if (!has_detail)
    g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < table->rows->len; i++)
    {
      const VigiaReportRow *row = g_ptr_array_index (table->rows, i);

      if (has_detail)
        g_string_append (out, "<tbody>\n");
      g_string_append (out, "<tr>");
      for (guint c = 0; c < table->n_columns; c++)
        {
          const VigiaReportColumn *column = &table->columns[c];
          /* Without a header the first column names the row. */
          gboolean row_header = !table->header && c == 0;
          GString *classes = g_string_new (NULL);

          if (column->align == VIGIA_REPORT_ALIGN_END)
            g_string_append (classes, "num");
          if (column->stacked)
            g_string_append (classes, classes->len > 0 ? " stack" : "stack");

          g_string_append (out, row_header ? "<th scope=\"row\"" : "<td");
          if (classes->len > 0)
            g_string_append_printf (out, " class=\"%s\"", classes->str);
          if (column->title != NULL)
            {
              g_string_append (out, " data-label=\"");
              vigia_html_append_escaped (out, column->title);
              g_string_append_c (out, '"');
            }
          /* One box for the items, beside the label on a phone. */
          g_string_append (out, "><div>");
          append_items (html, row->cells[c]);
          g_string_append (out, row_header ? "</div></th>" : "</div></td>");
          g_string_free (classes, TRUE);
        }
      g_string_append (out, "</tr>\n");

      if (row->detail != NULL)
        {
          g_string_append_printf (out, "<tr class=\"detail\"><td colspan=\"%u\">", table->n_columns);
          append_items (html, row->detail);
          g_string_append (out, "</td></tr>\n");
        }
      if (has_detail)
        g_string_append (out, "</tbody>\n");
    }
  if (!has_detail)
    g_string_append (out, "</tbody>\n");
  g_string_append (out, "</table>\n</div>\n");
}

static void
close_section (Html *html)
{
  if (html->in_section)
    g_string_append (html->out, "</section>\n");
  html->in_section = FALSE;
}

static void
append_blocks (Html *html)
{
  GPtrArray *blocks = vigia_report_get_blocks (html->report);
  GString *out = html->out;
  gboolean page_break = FALSE;
  gboolean in_header = FALSE;

  for (guint i = 0; i < blocks->len; i++)
    {
      const VigiaReportBlock *block = g_ptr_array_index (blocks, i);

      /* The title and what follows it until the first section. */
      if (in_header && block->kind == VIGIA_REPORT_BLOCK_HEADING && block->level == 1)
        {
          g_string_append (out, "</header>\n<main>\n");
          in_header = FALSE;
        }

      switch (block->kind)
        {
        case VIGIA_REPORT_BLOCK_TITLE:
          g_string_append (out, "<header>\n<h1>");
          vigia_html_append_escaped (out, block->text);
          g_string_append (out, "</h1>\n<p class=\"subtitle\">");
          vigia_html_append_escaped (out, block->subtitle);
          g_string_append (out, "</p>\n");
          in_header = TRUE;
          break;

        case VIGIA_REPORT_BLOCK_HEADING:
          if (block->level == 1)
            {
              close_section (html);
              g_string_append (out, page_break ? "<section class=\"page\">\n" : "<section>\n");
              html->in_section = TRUE;
              page_break = FALSE;
            }
          g_string_append (out, block->level == 1 ? "<h2" : "<h3");
          if (block->anchor != NULL)
            {
              g_string_append (out, " id=\"");
              vigia_html_append_escaped (out, block->anchor);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '>');
          vigia_html_append_escaped (out, block->text);
          g_string_append (out, block->level == 1 ? "</h2>\n" : "</h3>\n");
          break;

        case VIGIA_REPORT_BLOCK_PARAGRAPH:
          g_string_append_printf (out, "<p class=\"text%s\">",
                                  block->style == VIGIA_REPORT_TEXT_LEAD ? " lead" :
                                  block->style == VIGIA_REPORT_TEXT_NOTE ? " note" : "");
          vigia_html_append_escaped (out, block->text);
          g_string_append (out, "</p>\n");
          break;

        case VIGIA_REPORT_BLOCK_TABLE:
          append_table (html, block->table);
          break;

        case VIGIA_REPORT_BLOCK_FIGURES:
          append_figures (html, block);
          break;

        case VIGIA_REPORT_BLOCK_PAGE_BREAK:
          page_break = TRUE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (in_header)
    g_string_append (out, "</header>\n<main>\n");
  close_section (html);
  g_string_append (out, "</main>\n");
}

/**
 * vigia_report_append_html: (skip)
 * @frame: (nullable): what a site adds around the report
 *
 * Appends @self as one HTML page to @out.
 */
void
vigia_report_append_html (VigiaReport                *self,
                          const VigiaReportHtmlFrame *frame,
                          GString                    *out)
{
  static const VigiaReportHtmlFrame no_frame = { NULL, };
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *footer = NULL;
  Html html = { self, out, };

  g_return_if_fail (VIGIA_IS_REPORT (self));

  if (frame == NULL)
    frame = &no_frame;
  vigia_report_chart_style_init (&html.style);
  title = vigia_report_dup_title (self);
  author = vigia_report_dup_author (self);
  footer = vigia_report_dup_footer (self);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the code of your translation's language, as web pages give it ("es"). */
  vigia_html_append_escaped (out, frame->lang != NULL ? frame->lang : C_("language code", "en"));
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
  g_string_append (out, "<meta name=\"author\" content=\"");
  vigia_html_append_escaped (out, author);
  g_string_append (out, "\"/>\n<meta name=\"generator\" content=\"Vigía " PACKAGE_VERSION "\"/>\n<title>");
  vigia_html_append_escaped (out, title);
  if (frame->title_suffix != NULL)
    {
      g_string_append (out, " · ");
      vigia_html_append_escaped (out, frame->title_suffix);
    }
  g_string_append (out, "</title>\n");
  append_style (&html);
  if (frame->style != NULL)
    g_string_append_printf (out, "<style>\n%s</style>\n", frame->style);
  g_string_append (out, "</head>\n<body>\n");

  html.pages = g_ptr_array_new_with_free_func (g_free);
  html.descriptions = g_ptr_array_new_with_free_func (g_free);
  html.texts = g_ptr_array_new_with_free_func (g_free);
  draw_figures (&html);
  append_defs (&html);
  if (frame->header != NULL)
    g_string_append (out, frame->header);
  append_blocks (&html);
  g_clear_pointer (&html.pages, g_ptr_array_unref);
  g_clear_pointer (&html.descriptions, g_ptr_array_unref);
  g_clear_pointer (&html.texts, g_ptr_array_unref);
  g_clear_pointer (&html.defs, g_free);

  g_string_append (out, "<footer>\n<p>");
  vigia_html_append_escaped (out, footer);
  g_string_append (out, "</p>\n<p>");
  /* Translators: the line at the end of a report's web page; %s is "Vigía 0.1.0". */
  {
    g_autofree char *made = g_strdup_printf (_("Made with %s, from the plan de gobierno filed with the JNE."),
                                             "Vigía " PACKAGE_VERSION);

    vigia_html_append_escaped (out, made);
  }
  g_string_append (out, "</p>\n");
  if (frame->footer != NULL)
    g_string_append (out, frame->footer);
  g_string_append (out, "</footer>\n</body>\n</html>\n");
}

/**
 * vigia_report_write_html: (skip)
 *
 * Writes @self as one HTML page to @stream, without closing it.
 */
gboolean
vigia_report_write_html (VigiaReport    *self,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GString) out = g_string_sized_new (256 * 1024);

  g_return_val_if_fail (VIGIA_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  vigia_report_append_html (self, NULL, out);
  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}
