/* vigia-site-map.h: the regions of Peru as a tile map
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A tile: one of the 25 regions, or Lima Metropolitana, which elects its
 * own authorities apart from the region of Lima. */
typedef struct
{
  /* The INEI code of the department, or of the province for Lima
   * Metropolitana ("1501"). */
  const char *code;
  const char *name;
  /* Three letters for the tile. */
  const char *abbreviation;
  /* Its place on the map's grid, from the top left corner. */
  guint       column;
  guint       row;
} VigiaSiteRegion;

#define VIGIA_SITE_MAP_COLUMNS 6
#define VIGIA_SITE_MAP_ROWS    8
#define VIGIA_SITE_N_SHADES    5

typedef struct
{
  const char *background;
  const char *foreground;
} VigiaSiteShade;

const VigiaSiteRegion *vigia_site_regions             (guint      *n_regions);
const VigiaSiteRegion *vigia_site_region_for_place    (const char *ubigeo,
                                                       const char *department,
                                                       const char *province);
const VigiaSiteShade  *vigia_site_shade_for_achievement (double    achievement);
const VigiaSiteShade  *vigia_site_shade_no_data       (void);
const VigiaSiteShade  *vigia_site_shades              (void);

G_END_DECLS
