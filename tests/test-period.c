/* test-period.c: semesters of a term (vigia-period)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vigia-test-utils.h"

static void
test_parse (void)
{
  static const struct {
    const char *text;
    gboolean    valid;
    int         year;
    int         half;
  } cases[] = {
    { "2027-S1", TRUE, 2027, 1 },
    { "2026-S2", TRUE, 2026, 2 },
    { " 2024-s2 ", TRUE, 2024, 2 },
    { "2027-S3", FALSE, 0, 0 },
    { "2027-S0", FALSE, 0, 0 },
    { "2027S1", FALSE, 0, 0 },
    { "27-S1", FALSE, 0, 0 },
    { "20270-S1", FALSE, 0, 0 },
    { "2027-S1x", FALSE, 0, 0 },
    { "0999-S1", FALSE, 0, 0 },
    { "abcd-S1", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { NULL, FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int year = 0, half = 0;

      g_test_message ("period “%s”", cases[i].text);
      g_assert_cmpint (vigia_period_parse (cases[i].text, &year, &half), ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_autofree char *canonical = vigia_period_format (year, half);

          g_assert_cmpint (year, ==, cases[i].year);
          g_assert_cmpint (half, ==, cases[i].half);
          g_assert_true (vigia_period_is_valid (canonical));
        }
    }
}

static void
test_term (void)
{
  g_auto(GStrv) periods = vigia_term_list_periods (2023, 2026);
  g_auto(GStrv) none = vigia_term_list_periods (0, 0);
  g_autofree char *before = vigia_term_clamp_period (2023, 2026, "2022-S2");
  g_autofree char *after = vigia_term_clamp_period (2023, 2026, "2030-S1");
  g_autofree char *inside = vigia_term_clamp_period (2023, 2026, "2024-s2");
  const char * const expected[] = {
    "2023-S1", "2023-S2", "2024-S1", "2024-S2", "2025-S1", "2025-S2", "2026-S1", "2026-S2", NULL
  };

  g_assert_cmpstrv (periods, expected);
  g_assert_cmpuint (vigia_term_get_n_periods (2023, 2026), ==, 8);
  g_assert_cmpuint (vigia_term_get_n_periods (2027, 2030), ==, 8);
  /* The president's and congress's five years, 28 July to 28 July. */
  g_assert_cmpuint (vigia_term_get_n_periods (2026, 2031), ==, 10);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (vigia_term_get_n_periods (2026, 2023), ==, 0);

  g_assert_cmpuint (vigia_term_get_period_index (2023, 2026, "2023-S1"), ==, 1);
  g_assert_cmpuint (vigia_term_get_period_index (2023, 2026, "2024-S2"), ==, 4);
  g_assert_cmpuint (vigia_term_get_period_index (2023, 2026, "2026-S2"), ==, 8);
  g_assert_cmpuint (vigia_term_get_period_index (2023, 2026, "2027-S1"), ==, 0);
  g_assert_cmpuint (vigia_term_get_period_index (2023, 2026, "2022-S2"), ==, 0);
  g_assert_cmpuint (vigia_term_get_period_index (0, 0, "2023-S1"), ==, 0);

  g_assert_cmpfloat_with_epsilon (vigia_term_get_expected_share (2023, 2026, "2023-S1"), 0.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (vigia_term_get_expected_share (2023, 2026, "2024-S2"), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (vigia_term_get_expected_share (2023, 2026, "2026-S2"), 1.0, 1e-12);
  g_assert_true (isnan (vigia_term_get_expected_share (2023, 2026, "2027-S1")));

  g_assert_cmpstr (before, ==, "2023-S1");
  g_assert_cmpstr (after, ==, "2026-S2");
  g_assert_cmpstr (inside, ==, "2024-S2");
  g_assert_null (vigia_term_clamp_period (0, 0, "2024-S1"));
}

/* The president and congress serve five years from 28 July (EG 2026:
 * 2026–2031): their first semester is 2026-S2 and their last 2031-S1; a
 * term of another length keeps whole years. */
static void
test_five_year_term (void)
{
  g_auto(GStrv) periods = vigia_term_list_periods (2026, 2031);
  g_auto(GStrv) six = vigia_term_list_periods (2026, 2032);
  g_autofree char *before = vigia_term_clamp_period (2026, 2031, "2026-S1");
  g_autofree char *after = vigia_term_clamp_period (2026, 2031, "2031-S2");
  g_autofree char *inside = vigia_term_clamp_period (2026, 2031, "2028-S1");
  const char * const expected[] = {
    "2026-S2", "2027-S1", "2027-S2", "2028-S1", "2028-S2",
    "2029-S1", "2029-S2", "2030-S1", "2030-S2", "2031-S1", NULL
  };

  g_assert_cmpstrv (periods, expected);
  g_assert_cmpuint (g_strv_length (six), ==, 14);
  g_assert_cmpstr (six[0], ==, "2026-S1");

  g_assert_cmpuint (vigia_term_get_period_index (2026, 2031, "2026-S1"), ==, 0);
  g_assert_cmpuint (vigia_term_get_period_index (2026, 2031, "2026-S2"), ==, 1);
  g_assert_cmpuint (vigia_term_get_period_index (2026, 2031, "2028-S2"), ==, 5);
  g_assert_cmpuint (vigia_term_get_period_index (2026, 2031, "2031-S1"), ==, 10);
  g_assert_cmpuint (vigia_term_get_period_index (2026, 2031, "2031-S2"), ==, 0);

  /* Half the way to the target is expected after two and a half years. */
  g_assert_cmpfloat_with_epsilon (vigia_term_get_expected_share (2026, 2031, "2026-S2"), 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (vigia_term_get_expected_share (2026, 2031, "2028-S2"), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (vigia_term_get_expected_share (2026, 2031, "2031-S1"), 1.0, 1e-12);
  g_assert_true (isnan (vigia_term_get_expected_share (2026, 2031, "2026-S1")));

  g_assert_cmpstr (before, ==, "2026-S2");
  g_assert_cmpstr (after, ==, "2031-S1");
  g_assert_cmpstr (inside, ==, "2028-S1");
}

static void
test_from_date (void)
{
  static const struct {
    int         year, month, day;
    const char *period;
  } cases[] = {
    { 2027, 1, 1, "2027-S1" },
    { 2027, 6, 30, "2027-S1" },
    { 2027, 7, 1, "2027-S2" },
    { 2027, 12, 31, "2027-S2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (cases[i].year, cases[i].month, cases[i].day, 12, 0, 0);
      g_autofree char *period = vigia_period_from_date (date);

      g_assert_cmpstr (period, ==, cases[i].period);
    }
}

static void
test_compare (void)
{
  g_assert_cmpint (vigia_period_compare ("2023-S2", "2024-S1"), <, 0);
  g_assert_cmpint (vigia_period_compare ("2024-S2", "2024-S1"), >, 0);
  g_assert_cmpint (vigia_period_compare ("2024-S1", "2024-s1"), ==, 0);
  g_assert_cmpint (vigia_period_compare ("rubbish", "2024-S1"), <, 0);
}

static void
test_labels (void)
{
  static const struct {
    const char *language;
    const char *period;
    const char *label;
    const char *short_label;
  } cases[] = {
    { "en", "2027-S1", "1st half 2027", "H1 2027" },
    { "en", "2027-S2", "2nd half 2027", "H2 2027" },
    { "es", "2027-S1", "1.er semestre 2027", "1.er sem. 2027" },
    { "es", "2027-S2", "2.º semestre 2027", "2.º sem. 2027" },
    { "es", "otra cosa", "otra cosa", "otra cosa" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *short_label = NULL;

      vigia_test_set_language (cases[i].language);
      label = vigia_period_dup_label (cases[i].period);
      short_label = vigia_period_dup_short_label (cases[i].period);
      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpstr (short_label, ==, cases[i].short_label);
    }
  vigia_test_set_language ("en");
}

/* The term each election elects; what is not one of them is not guessed. */
static void
test_term_from_process (void)
{
  static const struct {
    const char *process;
    int         start;
    int         end;
  } cases[] = {
    { "ERM 2018", 2019, 2022 },
    { "ERM 2022", 2023, 2026 },
    { "ERM 2026", 2027, 2030 },
    { "EG 2021", 2021, 2026 },
    { "EG 2026", 2026, 2031 },
    { "EMC 2024", 0, 0 },
    { "ERM", 0, 0 },
    { "ERM 20226", 0, 0 },
    { "", 0, 0 },
    { NULL, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int start = 0, end = 0;
      gboolean known = vigia_term_from_process (cases[i].process, &start, &end);

      g_assert_cmpint (known, ==, cases[i].start != 0);
      if (known)
        {
          g_assert_cmpint (start, ==, cases[i].start);
          g_assert_cmpint (end, ==, cases[i].end);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/term", test_term);
  g_test_add_func ("/period/five-year-term", test_five_year_term);
  g_test_add_func ("/period/from-date", test_from_date);
  g_test_add_func ("/period/compare", test_compare);
  g_test_add_func ("/period/labels", test_labels);
  g_test_add_func ("/term/from-process", test_term_from_process);

  return g_test_run ();
}
