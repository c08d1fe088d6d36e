/* vigia-report.h: the semiannual progress report of a plan
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-assessment.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

typedef enum {
  VIGIA_REPORT_FORMAT_PDF,
  VIGIA_REPORT_FORMAT_HTML,
  VIGIA_REPORT_FORMAT_CSV,
  VIGIA_REPORT_FORMAT_TXT,
  VIGIA_REPORT_FORMAT_JSON,
} VigiaReportFormat;

#define VIGIA_REPORT_N_FORMATS (VIGIA_REPORT_FORMAT_JSON + 1)

const char *vigia_report_format_get_name      (VigiaReportFormat  format);
gboolean    vigia_report_format_from_name     (const char        *name,
                                               VigiaReportFormat *format);
const char *vigia_report_format_get_label     (VigiaReportFormat  format);
const char *vigia_report_format_get_mime_type (VigiaReportFormat  format);

#define VIGIA_TYPE_REPORT (vigia_report_get_type ())

G_DECLARE_FINAL_TYPE (VigiaReport, vigia_report, VIGIA, REPORT, GObject)

VigiaReport     *vigia_report_new                 (VigiaPlan          *plan,
                                                   const char         *period,
                                                   GError            **error);
VigiaPlan       *vigia_report_get_plan            (VigiaReport        *self);
VigiaAssessment *vigia_report_get_assessment      (VigiaReport        *self);
const char      *vigia_report_get_period          (VigiaReport        *self);
GDateTime       *vigia_report_get_date            (VigiaReport        *self);
void             vigia_report_set_date            (VigiaReport        *self,
                                                   GDateTime          *date);
gboolean         vigia_report_has_observer        (VigiaReport        *self);
char            *vigia_report_dup_title           (VigiaReport        *self);
char            *vigia_report_dup_author          (VigiaReport        *self);
char            *vigia_report_dup_footer          (VigiaReport        *self);
char            *vigia_report_dup_file_name       (VigiaReport        *self,
                                                   VigiaReportFormat   format);

gboolean         vigia_report_write               (VigiaReport        *self,
                                                   VigiaReportFormat   format,
                                                   GOutputStream      *stream,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
gboolean         vigia_report_write_file          (VigiaReport        *self,
                                                   VigiaReportFormat   format,
                                                   GFile              *file,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
void             vigia_report_write_file_async    (VigiaReport        *self,
                                                   VigiaReportFormat   format,
                                                   GFile              *file,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean         vigia_report_write_file_finish   (VigiaReport        *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

char            *vigia_report_dup_default_period  (VigiaPlan          *plan);
GStrv            vigia_report_list_periods        (VigiaPlan          *plan);
char            *vigia_report_build_file_name     (VigiaPlan          *plan,
                                                   const char         *period,
                                                   VigiaReportFormat   format);

G_END_DECLS
