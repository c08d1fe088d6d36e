/* vigia-site-pages.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of a site that are not a plan's: the index (the map and the
 * ranking) and the methodology, and what every page shares — the style
 * sheet, the navigation, the footer with the data.  The plan pages are the
 * report's web page inside the same frame (vigia_report_append_html()).
 * Every page is self-contained and readable without scripts; the index's
 * small script only adds a filter box.  Docs: docs/publishing.md.
 */
#define G_LOG_DOMAIN "vigia-site"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vigia-html.h"
#include "vigia-number.h"
#include "vigia-period.h"
#include "vigia-report-private.h"
#include "vigia-site-private.h"
#include "vigia-utils.h"

#define E(out, text) vigia_html_append_escaped ((out), (text))

void
vigia_site_plan_free (VigiaSitePlan *plan)
{
  g_clear_object (&plan->summary);
  g_free (plan->page);
  g_free (plan->targets_page);
  g_free (plan->place);
  g_free (plan->key);
  g_free (plan);
}

/* The report's style sheet is the base; this adds the site's parts and its
 * colours in the dark.  Charts keep a light sheet under them in the dark:
 * they are drawn in the report's colours. */
char *
vigia_site_dup_style (void)
{
  GString *out = g_string_new (
    ".site{max-width:60rem;margin:0 auto;padding:.6rem 1.25rem;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;"
    "align-items:baseline;border-bottom:1px solid var(--rule)}\n"
    ".site .name{font-weight:bold;margin-right:auto;color:var(--ink);text-decoration:none}\n"
    ".site a[aria-current]{font-weight:bold;color:var(--ink)}\n"
    ".skip{position:absolute;left:-100rem}\n.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.3rem}\n"
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\n"
    ".map{display:grid;grid-template-columns:repeat(" G_STRINGIFY (VIGIA_SITE_MAP_COLUMNS) ",minmax(0,4.6rem));"
    "gap:.3rem;list-style:none;padding:0;margin:1rem 0}\n"
    ".map li{aspect-ratio:1}\n"
    ".map a{display:flex;flex-direction:column;justify-content:center;align-items:center;height:100%;"
    "border-radius:.35rem;text-decoration:none;font-size:.8rem;line-height:1.2;text-align:center;"
    "border:1px solid rgba(0,0,0,.25)}\n"
    ".map a:focus-visible,.map a:hover{outline:3px solid var(--link);outline-offset:1px}\n"
    ".map .abbr{font-weight:bold;font-size:.95rem}\n"
    ".map .none{border-style:dashed}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;font-size:.8rem}\n"
    ".legend li{padding:.1rem .5rem;border-radius:.25rem;border:1px solid rgba(0,0,0,.25)}\n"
    ".bar{display:block;height:.35rem;background:var(--shade);border-radius:.2rem;margin-top:.15rem;min-width:3rem}\n"
    ".bar span{display:block;height:100%;background:var(--link);border-radius:.2rem}\n"
    ".filter{margin:.6rem 0;font:inherit;padding:.3rem .5rem;width:100%;max-width:24rem}\n"
    ".back{max-width:60rem;margin:.6rem auto 0;padding:0 1.25rem}\n"
    ".data{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0}\n"
    "@media (prefers-color-scheme:dark){\n"
    ":root{color-scheme:dark;--bg:#1e1e1e;--ink:#f0f0f0;--muted:#bdbcc2;--rule:#77767b;--shade:#2b2b2b;"
    "--head:#383838;--link:#99c1f1}\n"
    "figure svg{background:#fff;border-radius:.3rem}\n"
    ".map a,.legend li{border-color:rgba(255,255,255,.35)}\n"
    "}\n"
    "@media (min-width:56rem){.atlas{display:grid;grid-template-columns:auto minmax(0,1fr);gap:0 2rem;"
    "align-items:start}}\n"
    "@media (max-width:40rem){.map a{font-size:.7rem}.map .abbr{font-size:.8rem}"
    "table.cards th[scope=row]{display:block;width:100%}}\n"
    "@media print{.site,.skip,.filter{display:none}}\n");

  return g_string_free (out, FALSE);
}

/* The navigation at the top of every page; @root leads back to the site's
 * root from the page ("" or "../"), @current is the page's own path. */
char *
vigia_site_dup_header (const VigiaSiteContent *content,
                       const char             *root,
                       const char             *current)
{
  static const struct { const char *path; const char *label; } links[] = {
    { VIGIA_SITE_INDEX, N_("Plans") },
    { VIGIA_SITE_METHODOLOGY, N_("Methodology") },
    { VIGIA_SITE_INDEX "#data", N_("Data") },
  };
  GString *out = g_string_new (NULL);

  g_string_append (out, "<a class=\"skip\" href=\"#content\">");
  E (out, _("Skip to the content"));
  g_string_append (out, "</a>\n<nav class=\"site\" aria-label=\"");
  E (out, _("Site"));
  g_string_append_printf (out, "\">\n<a class=\"name\" href=\"%s" VIGIA_SITE_INDEX "\">", root);
  E (out, content->title);
  g_string_append (out, "</a>\n");
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_string_append_printf (out, "<a href=\"%s%s\"%s>", root, links[i].path,
                              g_strcmp0 (current, links[i].path) == 0 ? " aria-current=\"page\"" : "");
      E (out, _(links[i].label));
      g_string_append (out, "</a>\n");
    }
  g_string_append (out, "</nav>\n<div id=\"content\"></div>\n");
  return g_string_free (out, FALSE);
}

char *
vigia_site_dup_footer (const VigiaSiteContent *content,
                       const char             *root)
{
  GString *out = g_string_new ("<p>");
  g_autofree char *date = NULL;

  /* Translators: at the foot of every page of a published site; %s is a date, "5 de diciembre de 2026". */
  date = g_strdup_printf (_("Data as of %s. Plans: Jurado Nacional de Elecciones (JNE); progress: "
                            "as recorded by the authorities and the observers."), content->date);
  E (out, date);
  g_string_append_printf (out, " <a href=\"%s" VIGIA_SITE_DATA_CSV "\">", root);
  E (out, _("Data as CSV"));
  g_string_append_printf (out, "</a> · <a href=\"%s" VIGIA_SITE_DATA_JSON "\">", root);
  E (out, _("Data as Vigía JSON"));
  g_string_append_printf (out, "</a> · <a href=\"%s" VIGIA_SITE_METHODOLOGY "\">", root);
  E (out, _("Methodology"));
  g_string_append (out, "</a></p>\n");
  return g_string_free (out, FALSE);
}

static void
append_page_start (const VigiaSiteContent *content,
                   const char             *title,
                   const char             *root,
                   const char             *current,
                   GString                *out)
{
  g_autofree char *style = vigia_site_dup_style ();
  g_autofree char *header = vigia_site_dup_header (content, root, current);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"es-PE\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                        "<meta name=\"generator\" content=\"Vigía " PACKAGE_VERSION "\"/>\n<title>");
  E (out, title);
  if (g_strcmp0 (title, content->title) != 0)
    {
      g_string_append (out, " · ");
      E (out, content->title);
    }
  g_string_append (out, "</title>\n");
  vigia_report_append_html_style (out);
  g_string_append_printf (out, "<style>\n%s</style>\n</head>\n<body>\n", style);
  g_string_append (out, header);
}

static void
append_page_end (const VigiaSiteContent *content,
                 const char             *root,
                 GString                *out)
{
  g_autofree char *footer = vigia_site_dup_footer (content, root);

  g_string_append (out, "<footer>\n");
  g_string_append (out, footer);
  g_string_append (out, "<p>");
  E (out, "Vigía " PACKAGE_VERSION);
  g_string_append (out, "</p>\n</footer>\n</body>\n</html>\n");
}

static char *
format_share (double share)
{
  if (isnan (share))
    return g_strdup ("—");
  return vigia_number_format_share (share);
}

/* ---------------------------------------------------------------------- */
/* The index                                                              */
/* ---------------------------------------------------------------------- */

typedef struct
{
  guint  n_plans;
  guint  n_with_data;
  double sum;
} RegionTotal;

static double
region_mean (const RegionTotal *total)
{
  return total->n_with_data > 0 ? total->sum / total->n_with_data : NAN;
}

/* The group of the ranking a tile leads to, when the plans are grouped by region. */
static const VigiaSiteRanking *
find_ranking (const VigiaSiteContent *content,
              const VigiaSiteRegion  *region)
{
  if (content->group != VIGIA_SITE_GROUP_DEPARTMENT)
    return NULL;
  for (guint i = 0; i < content->rankings->len; i++)
    {
      const VigiaSiteRanking *ranking = g_ptr_array_index (content->rankings, i);

      if (g_str_equal (ranking->name, region->name))
        return ranking;
    }
  return NULL;
}

static void
append_tile_style (GString              *out,
                   const VigiaSiteShade *shade)
{
  g_string_append_printf (out, "background:%s;color:%s", shade->background, shade->foreground);
}

/* A table of groups of plans: the map's regions, or the ranking's groups. */
static void
append_counts_start (GString    *out,
                     const char *caption,
                     const char *first_title)
{
  g_string_append (out, "<div class=\"table\">\n<table class=\"cards\">\n<caption>");
  E (out, caption);
  g_string_append (out, "</caption>\n<thead><tr><th scope=\"col\">");
  E (out, first_title);
  g_string_append (out, "</th><th scope=\"col\" class=\"num\">");
  E (out, _("Plans"));
  g_string_append (out, "</th><th scope=\"col\" class=\"num\">");
  E (out, _("Plans with data"));
  g_string_append (out, "</th><th scope=\"col\" class=\"num\">");
  E (out, _("Achievement"));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");
}

/* A row of it; @href links its name where the group has a page. */
static void
append_counts_row (GString    *out,
                   const char *name,
                   const char *href,
                   guint       n_plans,
                   guint       n_with_data,
                   double      achievement)
{
  g_autofree char *share = format_share (achievement);

  g_string_append (out, "<tr><th scope=\"row\">");
  if (href != NULL)
    g_string_append_printf (out, "<a href=\"%s\">", href);
  E (out, name);
  if (href != NULL)
    g_string_append (out, "</a>");
  g_string_append_printf (out, "</th><td class=\"num\" data-label=\"%s\">%u</td>"
                               "<td class=\"num\" data-label=\"%s\">%u</td><td class=\"num\" data-label=\"",
                          _("Plans"), n_plans, _("Plans with data"), n_with_data);
  E (out, _("Achievement"));
  g_string_append (out, "\">");
  E (out, share);
  g_string_append (out, "</td></tr>\n");
}

static void
append_map (const VigiaSiteContent *content,
            const RegionTotal      *totals,
            GString                *out)
{
  guint n_regions;
  const VigiaSiteRegion *regions = vigia_site_regions (&n_regions);
  const VigiaSiteShade *shades = vigia_site_shades ();

  g_string_append (out, "<section aria-labelledby=\"map\">\n<h2 id=\"map\">");
  E (out, _("Achievement by region"));
  g_string_append (out, "</h2>\n<p class=\"text note\">");
  E (out, _("Each tile is a region, laid out roughly as on a map of Peru, with Lima Metropolitana "
            "apart from the region of Lima. Its figure is the mean achievement of its plans with data; "
            "the darker, the higher. Each tile leads to its plans."));
  g_string_append (out, "</p>\n<div class=\"atlas\">\n<div>\n<ul class=\"map\">\n");
  for (guint i = 0; i < n_regions; i++)
    {
      const VigiaSiteRegion *region = &regions[i];
      const RegionTotal *total = &totals[i];
      double mean = region_mean (total);
      const VigiaSiteShade *shade = vigia_site_shade_for_achievement (mean);
      const VigiaSiteRanking *ranking;
      g_autofree char *figure = isnan (mean) ? NULL : format_share (mean);

      g_string_append_printf (out, "<li style=\"grid-column:%u;grid-row:%u\">", region->column + 1, region->row + 1);
      ranking = total->n_plans > 0 ? find_ranking (content, region) : NULL;
      if (ranking != NULL && ranking->page != NULL)
        g_string_append_printf (out, "<a href=\"%s\"", ranking->page);
      else if (ranking != NULL)
        g_string_append_printf (out, "<a href=\"#%s\"", ranking->id);
      else
        g_string_append (out, "<a");
      g_string_append_printf (out, " class=\"%s\" style=\"", isnan (mean) ? "none" : "some");
      append_tile_style (out, shade);
      g_string_append (out, "\"><span class=\"abbr\" aria-hidden=\"true\">");
      E (out, region->abbreviation);
      g_string_append (out, "</span><span class=\"sr\">");
      E (out, region->name);
      g_string_append (out, ": </span>");
      if (figure != NULL)
        {
          g_string_append (out, "<span>");
          E (out, figure);
          g_string_append (out, "</span>");
        }
      else
        {
          /* A dash on the tile, its meaning for screen readers. */
          g_string_append (out, "<span aria-hidden=\"true\">—</span><span class=\"sr\">");
          E (out, total->n_plans == 0 ? _("no plans") : _("no data"));
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul>\n<ul class=\"legend\" aria-label=\"");
  E (out, _("Legend"));
  g_string_append (out, "\">\n");
  for (guint i = 0; i < VIGIA_SITE_N_SHADES; i++)
    {
      g_autofree char *from = vigia_number_format_share ((double) i / VIGIA_SITE_N_SHADES);
      g_autofree char *to = vigia_number_format_share ((double) (i + 1) / VIGIA_SITE_N_SHADES);

      g_string_append (out, "<li style=\"");
      append_tile_style (out, &shades[i]);
      g_string_append (out, "\">");
      E (out, from);
      g_string_append (out, " – ");
      E (out, to);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "<li style=\"");
  append_tile_style (out, vigia_site_shade_no_data ());
  g_string_append (out, "\">");
  E (out, _("no data"));
  g_string_append (out, "</li>\n</ul>\n</div>\n");

  /* The map's figures as a table: what a screen reader or a printout reads. */
  append_counts_start (out, _("Achievement by region"), _("Region"));
  for (guint i = 0; i < n_regions; i++)
    if (totals[i].n_plans > 0)
      append_counts_row (out, regions[i].name, NULL, totals[i].n_plans, totals[i].n_with_data,
                         region_mean (&totals[i]));
  g_string_append (out, "</tbody>\n</table>\n</div>\n</div>\n</section>\n");
}

static void
append_plan_row (const VigiaSiteContent *content,
                 const VigiaSitePlan    *plan,
                 guint                   rank,
                 const char             *root,
                 GString                *out)
{
  VigiaPlanSummary *summary = plan->summary;
  const VigiaRollup *rollup = vigia_plan_summary_get_rollup (summary);
  g_autofree char *share = format_share (plan->achievement);
  g_autofree char *expected = format_share (plan->expected);
  g_autofree char *counts = rollup != NULL ? vigia_rollup_dup_status_counts (rollup) : g_strdup ("—");
  g_autofree char *with_data = NULL;
  g_autofree char *term = NULL;
  g_autofree char *period = NULL;
  const char *organization = vigia_plan_summary_get_organization (summary);
  VigiaPace pace = vigia_pace_from_achievement (plan->achievement, plan->expected);

  if (vigia_plan_summary_get_term_start (summary) > 0)
    term = g_strdup_printf ("%d–%d", vigia_plan_summary_get_term_start (summary),
                            vigia_plan_summary_get_term_end (summary));
  else
    term = g_strdup ("—");
  period = vigia_period_dup_short_label (vigia_plan_summary_get_period (summary));
  /* Translators: goals with data of all the goals of a plan: "3 of 12". */
  with_data = g_strdup_printf (_("%u of %u"), rollup != NULL ? rollup->n_with_data : 0,
                               vigia_plan_summary_get_n_goals (summary));

  g_string_append_printf (out, "<tr><td class=\"num\" data-label=\"%s\">%u</td><th scope=\"row\"><a href=\"",
                          _("No."), rank);
  E (out, root);
  E (out, plan->page);
  g_string_append (out, "\">");
  E (out, !vigia_str_empty (organization) ? organization : _("Organization not set"));
  g_string_append (out, "</a><span class=\"item muted\">");
  E (out, plan->place);
  g_string_append (out, " · ");
  E (out, vigia_election_get_label (vigia_plan_summary_get_election (summary)));
  g_string_append (out, " · ");
  E (out, term);
  g_string_append (out, "</span></th><td class=\"num\" data-label=\"");
  E (out, _("Achievement"));
  g_string_append (out, "\"><span class=\"strong\">");
  E (out, share);
  g_string_append (out, "</span>");
  if (!isnan (plan->achievement))
    g_string_append_printf (out, "<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:%d%%\"></span></span>",
                            (int) round (CLAMP (plan->achievement, 0, 1) * 100));
  g_string_append (out, "</td><td class=\"num\" data-label=\"");
  E (out, _("Expected"));
  g_string_append (out, "\">");
  E (out, expected);
  g_string_append (out, "<span class=\"item muted\">");
  E (out, period);
  g_string_append (out, "</span></td><td data-label=\"");
  E (out, _("Pace"));
  g_string_append (out, "\">");
  E (out, vigia_pace_get_label (pace));
  g_string_append (out, "</td><td class=\"num\" data-label=\"");
  E (out, _("Goals with data"));
  g_string_append (out, "\">");
  E (out, with_data);
  g_string_append (out, "</td><td data-label=\"");
  E (out, _("Statuses"));
  g_string_append (out, "\">");
  E (out, counts);
  g_string_append (out, "</td></tr>\n");
}

static const char *
group_key (const VigiaSiteContent *content,
           const VigiaSitePlan    *plan)
{
  if (content->group == VIGIA_SITE_GROUP_ELECTION)
    return vigia_election_get_label (vigia_plan_summary_get_election (plan->summary));
  if (plan->region != NULL)
    return plan->region->name;
  /* A president's and congress's plans are the whole country's. */
  if (vigia_plan_summary_get_election (plan->summary) == VIGIA_ELECTION_GENERAL)
    return _("National");
  return _("Place not set");
}

/* A group's table of plans; on the index (@level 3) or on its own page (2). */
static void
append_group (const VigiaSiteContent  *content,
              const VigiaSiteRanking  *ranking,
              const char              *root,
              guint                    level,
              GString                 *out)
{
  /* Translators: the caption of a table of plans; %s is a region or an election type. */
  g_autofree char *caption = g_strdup_printf (_("Plans of %s, by achievement"), ranking->name);

  g_string_append_printf (out, "<section class=\"group\" aria-labelledby=\"%s\">\n<h%u id=\"%s\">", ranking->id,
                          level, ranking->id);
  E (out, ranking->name);
  g_string_append_printf (out, "</h%u>\n<div class=\"table\">\n<table class=\"cards ranking\">\n<caption>", level);
  E (out, caption);
  g_string_append (out, "</caption>\n<thead><tr><th scope=\"col\" class=\"num\">");
  E (out, _("No."));
  g_string_append (out, "</th><th scope=\"col\">");
  E (out, _("Plan"));
  g_string_append (out, "</th><th scope=\"col\" class=\"num\">");
  E (out, _("Achievement"));
  g_string_append (out, "</th><th scope=\"col\" class=\"num\">");
  E (out, _("Expected"));
  g_string_append (out, "</th><th scope=\"col\">");
  E (out, _("Pace"));
  g_string_append (out, "</th><th scope=\"col\" class=\"num\">");
  E (out, _("Goals with data"));
  g_string_append (out, "</th><th scope=\"col\">");
  E (out, _("Statuses"));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");
  for (guint i = 0; i < ranking->plans->len; i++)
    append_plan_row (content, g_ptr_array_index (ranking->plans, i), i + 1, root, out);
  g_string_append (out, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void
ranking_free (VigiaSiteRanking *ranking)
{
  g_free (ranking->name);
  g_free (ranking->id);
  g_free (ranking->page);
  g_ptr_array_unref (ranking->plans);
  g_free (ranking);
}

static int
compare_rankings (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate ((*(VigiaSiteRanking * const *) a)->name, (*(VigiaSiteRanking * const *) b)->name);
}

/**
 * vigia_site_make_rankings: (skip)
 * @max_index_plans: above this many plans, each group gets a page of its own
 *
 * Returns: (transfer full): the groups of the ranking, by name, each with
 *   its plans in the order of @content's
 */
GPtrArray *
vigia_site_make_rankings (const VigiaSiteContent *content,
                          guint                   max_index_plans)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rankings = g_ptr_array_new_with_free_func ((GDestroyNotify) ranking_free);
  gboolean pages = content->plans->len > max_index_plans;
  guint n_regions;
  const VigiaSiteRegion *regions = vigia_site_regions (&n_regions);

  for (guint i = 0; i < content->plans->len; i++)
    {
      VigiaSitePlan *plan = g_ptr_array_index (content->plans, i);
      const char *key = group_key (content, plan);
      VigiaSiteRanking *ranking = g_hash_table_lookup (by_name, key);

      if (ranking == NULL)
        {
          ranking = g_new0 (VigiaSiteRanking, 1);
          ranking->name = g_strdup (key);
          ranking->plans = g_ptr_array_new ();
          g_hash_table_insert (by_name, ranking->name, ranking);
          g_ptr_array_add (rankings, ranking);
        }
      g_ptr_array_add (ranking->plans, plan);
      if (!isnan (plan->achievement))
        {
          ranking->achievement = (ranking->achievement * ranking->n_with_data + CLAMP (plan->achievement, 0, 1)) /
                                 (ranking->n_with_data + 1);
          ranking->n_with_data++;
        }
    }
  g_ptr_array_sort (rankings, compare_rankings);

  for (guint i = 0; i < rankings->len; i++)
    {
      VigiaSiteRanking *ranking = g_ptr_array_index (rankings, i);

      if (ranking->n_with_data == 0)
        ranking->achievement = NAN;
      if (content->group == VIGIA_SITE_GROUP_DEPARTMENT)
        for (guint r = 0; r < n_regions && ranking->id == NULL; r++)
          if (g_str_equal (regions[r].name, ranking->name))
            ranking->id = g_strdup_printf ("region-%s", regions[r].code);
      if (ranking->id == NULL)
        ranking->id = g_strdup_printf ("group-%u", i + 1);
      if (pages)
        ranking->page = g_strdup_printf (VIGIA_SITE_RANKINGS "/%s.html", ranking->id);
    }
  return rankings;
}

/* Where the groups have pages of their own: a row a group, linked. */
static void
append_ranking_groups (const VigiaSiteContent *content,
                       GString                *out)
{
  append_counts_start (out, content->group == VIGIA_SITE_GROUP_ELECTION ? _("Plans by election type") :
                                                                       _("Plans by region"),
                       content->group == VIGIA_SITE_GROUP_ELECTION ? _("Election") : _("Region"));
  for (guint i = 0; i < content->rankings->len; i++)
    {
      const VigiaSiteRanking *ranking = g_ptr_array_index (content->rankings, i);

      append_counts_row (out, ranking->name, ranking->page, ranking->plans->len, ranking->n_with_data,
                         ranking->achievement);
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

static void
append_ranking (const VigiaSiteContent *content,
                GString                *out)
{
  gboolean pages = content->rankings->len > 0 &&
                   ((VigiaSiteRanking *) g_ptr_array_index (content->rankings, 0))->page != NULL;

  g_string_append (out, "<section aria-labelledby=\"ranking\">\n<h2 id=\"ranking\">");
  E (out, _("Plans ranked"));
  g_string_append (out, "</h2>\n<p class=\"text note\">");
  if (pages)
    E (out, content->group == VIGIA_SITE_GROUP_ELECTION ?
            _("Every plan, ranked on the page of its election type: from the highest achievement down, plans with nothing recorded last.") :
            _("Every plan, ranked on the page of its region: from the highest achievement down, plans with nothing recorded last."));
  else
    E (out, content->group == VIGIA_SITE_GROUP_ELECTION ?
            _("Every plan, by election type, from the highest achievement down; plans with nothing recorded last.") :
            _("Every plan, by region, from the highest achievement down; plans with nothing recorded last."));
  g_string_append (out, "</p>\n");
  if (pages)
    append_ranking_groups (content, out);
  else
    {
      g_string_append (out, "<div id=\"filter\"></div>\n");
      for (guint i = 0; i < content->rankings->len; i++)
        append_group (content, g_ptr_array_index (content->rankings, i), "", 3, out);
    }
  g_string_append (out, "</section>\n");
}

/* Filters the ranking's rows as one types; without scripts the box is not
 * there at all. */
static void
append_script (GString *out)
{
  g_string_append (out, "<script>\n(function(){\nvar place=document.getElementById('filter');\n"
                        "var box=document.createElement('input');box.type='search';box.className='filter';\n"
                        "box.setAttribute('aria-label',");
  {
    g_autofree char *label = g_strescape (_("Filter the plans"), NULL);

    g_string_append_printf (out, "'%s'", label);
  }
  g_string_append (out, ");\nbox.placeholder=box.getAttribute('aria-label');place.appendChild(box);\n"
                        "function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase();}\n"
                        "box.addEventListener('input',function(){var q=fold(box.value);\n"
                        "document.querySelectorAll('section.group').forEach(function(g){var n=0;\n"
                        "g.querySelectorAll('tbody tr').forEach(function(r){var m=fold(r.textContent).indexOf(q)>=0;"
                        "r.hidden=!m;if(m)n++;});g.hidden=n===0;});});\n})();\n</script>\n");
}

/**
 * vigia_site_append_index: (skip)
 *
 * The site's first page: the map, the ranking and the data.
 */
void
vigia_site_append_index (const VigiaSiteContent *content,
                         GString                *out)
{
  guint n_regions;
  const VigiaSiteRegion *regions = vigia_site_regions (&n_regions);
  g_autofree RegionTotal *totals = g_new0 (RegionTotal, n_regions);
  g_autofree char *lead = NULL;

  for (guint i = 0; i < content->plans->len; i++)
    {
      VigiaSitePlan *plan = g_ptr_array_index (content->plans, i);
      guint r = plan->region != NULL ? (guint) (plan->region - regions) : n_regions;

      if (r >= n_regions)
        continue;
      totals[r].n_plans++;
      if (!isnan (plan->achievement))
        {
          totals[r].n_with_data++;
          totals[r].sum += CLAMP (plan->achievement, 0, 1);
        }
    }

  append_page_start (content, content->title, "", VIGIA_SITE_INDEX, out);
  g_string_append (out, "<header>\n<h1>");
  E (out, content->title);
  g_string_append (out, "</h1>\n<p class=\"subtitle\">");
  if (content->period != NULL)
    {
      g_autofree char *label = vigia_period_dup_label (content->period);

      /* Translators: under a site's title: the number of plans, the semester ("2nd half 2026") and whose figures. */
      lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan, as of the %s (or the last semester of its term). Figures: %s.",
                                           "%u plans, as of the %s (or the last semester of their term). Figures: %s.",
                                           content->plans->len),
                              content->plans->len, label, vigia_source_get_label (content->source));
    }
  else
    /* Translators: under a site's title: the number of plans, then whose figures. */
    lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan, as of the current semester of its term. Figures: %s.",
                                         "%u plans, each as of the current semester of its term. Figures: %s.",
                                         content->plans->len),
                            content->plans->len, vigia_source_get_label (content->source));
  E (out, lead);
  g_string_append (out, "</p>\n</header>\n<main>\n");

  append_map (content, totals, out);
  append_ranking (content, out);

  g_string_append (out, "<section aria-labelledby=\"data\">\n<h2 id=\"data\">");
  E (out, _("Data"));
  g_string_append (out, "</h2>\n<p class=\"text\">");
  E (out, _("Everything on this site, to reuse: the plans with every goal, target and entry, "
            "as a spreadsheet (CSV, one row per target and source) and as a Vigía exchange file (JSON), "
            "which Vigía imports."));
  g_string_append (out, "</p>\n<ul class=\"data\">\n<li><a href=\"" VIGIA_SITE_DATA_CSV "\">");
  E (out, _("Data as CSV"));
  g_string_append (out, "</a></li>\n<li><a href=\"" VIGIA_SITE_DATA_JSON "\">");
  E (out, _("Data as Vigía JSON"));
  g_string_append (out, "</a></li>\n</ul>\n</section>\n</main>\n");
  append_script (out);
  append_page_end (content, "", out);
}

/**
 * vigia_site_append_ranking_page: (skip)
 *
 * A group's page: its plans ranked, where the index lists only the groups.
 */
void
vigia_site_append_ranking_page (const VigiaSiteContent *content,
                                const VigiaSiteRanking *ranking,
                                GString                *out)
{
  append_page_start (content, ranking->name, "../", NULL, out);
  g_string_append (out, "<main>\n<p class=\"back\"><a href=\"../" VIGIA_SITE_INDEX "#ranking\">");
  E (out, _("Back to the ranking"));
  g_string_append (out, "</a></p>\n<div id=\"filter\"></div>\n");
  append_group (content, ranking, "../", 1, out);
  g_string_append (out, "</main>\n");
  append_script (out);
  append_page_end (content, "../", out);
}

/**
 * vigia_site_append_methodology: (skip)
 *
 * How the figures are made, and where the data come from.
 */
void
vigia_site_append_methodology (const VigiaSiteContent *content,
                               GString                *out)
{
  static const VigiaStatus statuses[] = {
    VIGIA_STATUS_KEPT, VIGIA_STATUS_PARTLY_KEPT, VIGIA_STATUS_IN_PROGRESS,
    VIGIA_STATUS_STALLED, VIGIA_STATUS_BROKEN, VIGIA_STATUS_NOT_RATED,
  };
  const char *meanings[] = {
    [VIGIA_STATUS_KEPT] = N_("the target was reached."),
    [VIGIA_STATUS_PARTLY_KEPT] = N_("part of the target was reached, or it was reached in part of the place promised."),
    [VIGIA_STATUS_IN_PROGRESS] = N_("work towards the target is under way."),
    [VIGIA_STATUS_STALLED] = N_("work started but has not moved, for lack of funds, will or another reason."),
    [VIGIA_STATUS_BROKEN] = N_("the target will not be reached in the term, or the promise was abandoned."),
    [VIGIA_STATUS_NOT_RATED] = N_("nothing allows a judgement yet."),
  };
  g_auto(GStrv) method = vigia_report_dup_method ();
  g_autofree char *sources = NULL;

  append_page_start (content, _("Methodology"), "", VIGIA_SITE_METHODOLOGY, out);
  g_string_append (out, "<header>\n<h1>");
  E (out, _("Methodology"));
  g_string_append (out, "</h1>\n<p class=\"subtitle\">");
  E (out, _("How achievement, the expected share and the statuses are defined, and where the data come from."));
  g_string_append (out, "</p>\n</header>\n<main>\n<section>\n<h2>");
  E (out, _("Achievement and pace"));
  g_string_append (out, "</h2>\n");
  for (guint i = 0; method[i] != NULL; i++)
    {
      g_string_append (out, "<p class=\"text\">");
      E (out, method[i]);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p class=\"text\">");
  E (out, _("A region’s figure on the map is the mean achievement of its plans with data, each plan "
            "counting once. Plans are ranked by their achievement; those with nothing recorded come last."));
  g_string_append (out, "</p>\n</section>\n<section>\n<h2>");
  E (out, _("Statuses"));
  g_string_append (out, "</h2>\n<dl>\n");
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_string_append (out, "<dt><span class=\"status\">");
      E (out, vigia_status_get_label (statuses[i]));
      g_string_append (out, "</span></dt>\n<dd>");
      E (out, _(meanings[statuses[i]]));
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n</section>\n<section>\n<h2>");
  E (out, _("Sources"));
  g_string_append (out, "</h2>\n<p class=\"text\">");
  /* Translators: %s is the date of the newest change in the library, "5 de diciembre de 2026". */
  sources = g_strdup_printf (_("The plans de gobierno are those filed with the Jurado Nacional de Elecciones "
                               "(JNE) by each candidate list, as published by the JNE. The progress of each "
                               "target is recorded semester by semester by the authority that governs (its "
                               "report) and by civil-society observers (what they verified), each with its "
                               "evidence; the two are assessed apart. The data are as of %s."), content->date);
  E (out, sources);
  g_string_append (out, "</p>\n</section>\n</main>\n");
  append_page_end (content, "", out);
}
