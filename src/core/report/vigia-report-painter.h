/* vigia-report-painter.h: a report laid out on pages, drawn on any cairo_t
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "vigia-report.h"

G_BEGIN_DECLS

/* ISO A4, in points (1/72 inch). */
#define VIGIA_REPORT_A4_WIDTH  595.2756
#define VIGIA_REPORT_A4_HEIGHT 841.8898

#define VIGIA_TYPE_REPORT_PAINTER (vigia_report_painter_get_type ())

G_DECLARE_FINAL_TYPE (VigiaReportPainter, vigia_report_painter, VIGIA, REPORT_PAINTER, GObject)

VigiaReportPainter *vigia_report_painter_new          (VigiaReport        *report,
                                                       double              page_width,
                                                       double              page_height);
VigiaReport        *vigia_report_painter_get_report   (VigiaReportPainter *self);
guint               vigia_report_painter_paginate     (VigiaReportPainter *self,
                                                       cairo_t            *cr);
guint               vigia_report_painter_get_n_pages  (VigiaReportPainter *self);
void                vigia_report_painter_draw_page    (VigiaReportPainter *self,
                                                       cairo_t            *cr,
                                                       guint               page);
guint               vigia_report_painter_get_n_headings (VigiaReportPainter *self);
const char         *vigia_report_painter_get_heading  (VigiaReportPainter *self,
                                                       guint               index,
                                                       guint              *level,
                                                       guint              *page,
                                                       double             *y);

G_END_DECLS
