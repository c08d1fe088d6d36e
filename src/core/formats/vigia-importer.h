/* vigia-importer.h: reads plan files of any format and adds them to a library
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigia-file-type.h"
#include "vigia-library.h"
#include "vigia-resources.h"

G_BEGIN_DECLS

typedef struct
{
  /* "PUNO", "LIMA - LIMA - INDEPENDENCIA", an INEI code or "jne:" and a
   * RENIEC one; NULL if not given. */
  const char *place;
  /* 0 if not given. */
  int         term_start;
  int         term_end;
} VigiaImportOptions;

typedef enum {
  VIGIA_IMPORT_ADDED,
  VIGIA_IMPORT_UPDATED,
  VIGIA_IMPORT_ALREADY_PRESENT,
  VIGIA_IMPORT_LISTS,            /* a file of the JNE's lists: no plan of its own */
} VigiaImportOutcome;

typedef struct
{
  gint64              plan_id;
  VigiaImportOutcome  outcome;
  char               *organization;
  char               *place_label;   /* vigia_place_label() */
  guint               n_goals;
  guint               n_targets;
  gboolean            missing_place; /* imported without a place: the user must complete it */
  gboolean            missing_term;
  gboolean            unknown_place; /* a place the UBIGEO table does not have: no code */
  gboolean            placed_by_list; /* its place came from the JNE's lists */
  /* VIGIA_IMPORT_LISTS: the rows read, and those new to the library; from a
   * candidates file, the lists' heads */
  gboolean            heads;
  guint               n_lists;
  guint               n_new_lists;
  /* A plan of an exchange document the library had: what merging it did */
  VigiaMergeSummary  *merge;
} VigiaImportResult;

void       vigia_import_result_free  (VigiaImportResult         *result);
GPtrArray *vigia_import_file         (VigiaLibrary              *library,
                                      GFile                     *file,
                                      const VigiaImportOptions  *options,
                                      GCancellable              *cancellable,
                                      GError                   **error);
void       vigia_import_file_async   (VigiaLibrary              *library,
                                      GFile                     *file,
                                      const VigiaImportOptions  *options,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data);
GPtrArray *vigia_import_file_finish  (VigiaLibrary              *library,
                                      GAsyncResult              *result,
                                      GError                   **error);
GPtrArray *vigia_import_data         (VigiaLibrary              *library,
                                      const guint8              *data,
                                      gsize                      length,
                                      const char                *name,
                                      const VigiaImportOptions  *options,
                                      GError                   **error);
GPtrArray *vigia_read_plans          (GFile                     *file,
                                      VigiaFileType               *format,
                                      const VigiaImportOptions  *options,
                                      GCancellable              *cancellable,
                                      GError                   **error);
VigiaPlan *vigia_survey_file         (GFile                     *file,
                                      VigiaFileType             *format,
                                      GPtrArray                **lists,
                                      guint                     *n_plans,
                                      GCancellable              *cancellable,
                                      GError                   **error);
GPtrArray *vigia_read_file           (GFile                     *file,
                                      VigiaFileType             *format,
                                      const VigiaImportOptions  *options,
                                      GPtrArray                **lists,
                                      GCancellable              *cancellable,
                                      GError                   **error);
GPtrArray *vigia_read_plans_from_data (const guint8             *data,
                                      gsize                      length,
                                      const char                *name,
                                      VigiaFileType               *format,
                                      const VigiaImportOptions  *options,
                                      GError                   **error);
/* Called for each file of vigia_import_files() once its fate is sealed: with
 * its results, or with the error that left it out. */
typedef void (*VigiaImportFileDone) (GFile        *file,
                                     GPtrArray    *results,
                                     const GError *error,
                                     gpointer      user_data);

gboolean   vigia_import_files        (VigiaLibrary              *library,
                                      GFile                    **files,
                                      guint                      n_files,
                                      const VigiaImportOptions  *options,
                                      VigiaImportFileDone        done,
                                      gpointer                   user_data,
                                      GCancellable              *cancellable,
                                      GError                   **error);
gboolean   vigia_parse_term          (const char                *text,
                                      int                       *start,
                                      int                       *end);
gboolean   vigia_import_options_check (const VigiaImportOptions *options,
                                      GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaImportResult, vigia_import_result_free)

G_END_DECLS
