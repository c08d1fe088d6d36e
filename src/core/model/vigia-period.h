/* vigia-period.h: the semesters a plan's progress is recorded in
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A period is written "YYYY-S1" (January to June) or "YYYY-S2" (July to
 * December), as the library stores it and the exchange format and CSV files
 * carry it.  A term of government from year A to year B has the semesters
 * A-S1 … B-S2: eight for 2023–2026.  A five-year term, the president's and
 * congress's, runs from 28 July to 28 July: A-S2 … B-S1, ten for 2026–2031.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2027-S1" and its terminating zero. */
#define VIGIA_PERIOD_SIZE 8

/* The years a term may be given in the editor: four digits, from the first
 * elections of the regional governments' forerunners to well past any plan. */
#define VIGIA_TERM_FIRST_YEAR 1980
#define VIGIA_TERM_LAST_YEAR  2100

gboolean  vigia_period_parse          (const char  *period,
                                       int         *year,
                                       int         *half);
gboolean  vigia_period_is_valid       (const char  *period);
char     *vigia_period_format         (int          year,
                                       int          half);
char     *vigia_period_dup_label      (const char  *period);
char     *vigia_period_dup_short_label (const char *period);
char     *vigia_period_from_date      (GDateTime   *date);
char     *vigia_period_dup_current    (void);
int       vigia_period_compare        (const char  *a,
                                       const char  *b);

guint     vigia_term_get_n_periods    (int          term_start,
                                       int          term_end);
GStrv     vigia_term_list_periods     (int          term_start,
                                       int          term_end);
guint     vigia_term_get_period_index (int          term_start,
                                       int          term_end,
                                       const char  *period);
char     *vigia_term_clamp_period     (int          term_start,
                                       int          term_end,
                                       const char  *period);
double    vigia_term_get_expected_share (int        term_start,
                                         int        term_end,
                                         const char *period);
gboolean  vigia_term_from_process     (const char  *process,
                                       int         *term_start,
                                       int         *term_end);

G_END_DECLS
