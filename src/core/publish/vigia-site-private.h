/* vigia-site-private.h: what the site's pages are written from
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-plan-summary.h"
#include "vigia-site-map.h"
#include "vigia-site.h"

G_BEGIN_DECLS

/* The folders and files of a site, from its root. */
#define VIGIA_SITE_INDEX       "index.html"
#define VIGIA_SITE_METHODOLOGY "metodologia.html"
#define VIGIA_SITE_PLANS       "planes"
#define VIGIA_SITE_RANKINGS    "ranking"
/* Above this many plans, the index lists the groups and each group's plans
 * are ranked on a page of their own: a national index would weigh 13 MB. */
#define VIGIA_SITE_INDEX_MAX_PLANS 400
#define VIGIA_SITE_DATA_JSON   "datos/planes.json"
#define VIGIA_SITE_DATA_CSV    "datos/avance.csv"
#define VIGIA_SITE_MANIFEST    ".vigia-sitio"

typedef struct
{
  VigiaPlanSummary      *summary;
  const VigiaSiteRegion *region;
  /* From the site's root: "planes/<uuid>.html". */
  char                  *page;
  /* Its targets' sections: "planes/<uuid>-metas.html". */
  char                  *targets_page;
  char                  *place;
  /* Of its rollup; NAN for no data. */
  double                 achievement;
  double                 expected;
  /* A digest of what its page is made from, once it is published. */
  char                  *key;
} VigiaSitePlan;

/* A group of the ranking: a region, or an election type. */
typedef struct
{
  char      *name;
  /* Its anchor on the index, and the name of its page. */
  char      *id;
  /* VigiaSitePlan, ranked. */
  GPtrArray *plans;
  /* From the site's root, where the group has a page of its own; NULL. */
  char      *page;
  guint      n_with_data;
  /* The mean achievement of its plans with data, each counting once. */
  double     achievement;
} VigiaSiteRanking;

typedef struct
{
  const char     *title;
  VigiaSource     source;
  VigiaSiteGroup  group;
  /* The semester asked for, the plans' own otherwise. */
  const char     *period;
  /* The newest change among the plans, in words. */
  char           *date;
  /* VigiaSitePlan, ranked. */
  GPtrArray      *plans;
  /* VigiaSiteRanking, in the order of their names. */
  GPtrArray      *rankings;
} VigiaSiteContent;

void  vigia_site_plan_free          (VigiaSitePlan          *plan);
GPtrArray *vigia_site_make_rankings (const VigiaSiteContent *content,
                                     guint                   max_index_plans);
void  vigia_site_append_ranking_page (const VigiaSiteContent *content,
                                      const VigiaSiteRanking *ranking,
                                      GString                *out);
void  vigia_site_set_max_index_plans (VigiaSite              *self,
                                      guint                   max_plans);
char *vigia_site_dup_style          (void);
char *vigia_site_dup_header         (const VigiaSiteContent *content,
                                     const char             *root,
                                     const char             *current);
char *vigia_site_dup_footer         (const VigiaSiteContent *content,
                                     const char             *root);
void  vigia_site_append_index       (const VigiaSiteContent *content,
                                     GString                *out);
void  vigia_site_append_methodology (const VigiaSiteContent *content,
                                     GString                *out);

G_END_DECLS
