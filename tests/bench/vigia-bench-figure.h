/* vigia-bench-figure.h: a timed figure of a benchmark, printed as median and 95th percentile
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *unit;
  GArray     *samples;
  const char *target;
  /* Whether larger is better (rates) or smaller (times). */
  gboolean    higher_is_better;
} Figure;

double  now_ms       (void);
double  percentile   (GArray     *samples,
                      double      p);
Figure *figure_new   (const char *name,
                      const char *unit,
                      const char *target,
                      gboolean    higher_is_better);
void    figure_add   (Figure     *figure,
                      double      value);
void    figure_print (Figure     *figure);

G_END_DECLS
