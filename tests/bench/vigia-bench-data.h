/* vigia-bench-data.h: synthetic plans that look like the JNE's, for benchmarks
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-core.h"

G_BEGIN_DECLS

typedef struct _VigiaBenchData VigiaBenchData;

VigiaBenchData *vigia_bench_data_new        (guint32         seed,
                                             GError        **error);
void            vigia_bench_data_free       (VigiaBenchData *data);
VigiaPlan      *vigia_bench_data_make_plan  (VigiaBenchData *data,
                                             guint           index);
void            vigia_bench_data_add_progress (VigiaBenchData *data,
                                               VigiaPlan      *plan,
                                               guint           index,
                                               gboolean        observer);

GPtrArray      *vigia_bench_write_summaries (VigiaBenchData *data,
                                             const char     *dir,
                                             guint           n,
                                             gsize          *bytes);
void            vigia_bench_remove_library  (const char     *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaBenchData, vigia_bench_data_free)

G_END_DECLS
