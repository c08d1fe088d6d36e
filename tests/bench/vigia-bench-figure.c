/* vigia-bench-figure.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "vigia-bench-figure.h"

double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
percentile (GArray *samples,
            double  p)
{
  g_autoptr(GArray) sorted = g_array_copy (samples);
  guint index;

  g_array_sort (sorted, compare_doubles);
  index = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

Figure *
figure_new (const char *name,
            const char *unit,
            const char *target,
            gboolean    higher_is_better)
{
  Figure *figure = g_new0 (Figure, 1);

  figure->name = name;
  figure->unit = unit;
  figure->target = target;
  figure->higher_is_better = higher_is_better;
  figure->samples = g_array_new (FALSE, FALSE, sizeof (double));
  return figure;
}

void
figure_add (Figure *figure,
            double  value)
{
  g_array_append_val (figure->samples, value);
}

void
figure_print (Figure *figure)
{
  /* For a rate, the 95th percentile is the slow end: the 5th percentile of the rates. */
  double median = percentile (figure->samples, 0.5);
  double p95 = percentile (figure->samples, figure->higher_is_better ? 0.05 : 0.95);

  printf ("%-52s %12.2f %12.2f  %-8s %s\n", figure->name, median, p95, figure->unit,
           figure->target != NULL ? figure->target : "");
  g_array_unref (figure->samples);
  g_free (figure);
}
