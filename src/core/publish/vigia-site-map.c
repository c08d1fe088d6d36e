/* vigia-site-map.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tile map rather than the outlines of the regions: every region gets the
 * same room, Callao and Lima Metropolitana as much as Loreto, and the map
 * needs no geographic data, only a grid laid out by rough geography — the
 * coast down the left, the Andes in the middle, the Amazon to the right.
 * Docs: docs/publishing.md.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vigia-site-map.h"
#include "vigia-ubigeo.h"
#include "vigia-utils.h"

#define LIMA_METROPOLITANA "1501"

static const VigiaSiteRegion regions[] = {
  { "24", "Tumbes", "TUM", 0, 0 },
  { "16", "Loreto", "LOR", 3, 0 },
  { "20", "Piura", "PIU", 0, 1 },
  { "06", "Cajamarca", "CAJ", 1, 1 },
  { "01", "Amazonas", "AMA", 2, 1 },
  { "14", "Lambayeque", "LAM", 0, 2 },
  { "13", "La Libertad", "LAL", 1, 2 },
  { "22", "San Martín", "SAM", 2, 2 },
  { "25", "Ucayali", "UCA", 3, 2 },
  { "02", "Áncash", "ANC", 1, 3 },
  { "10", "Huánuco", "HUC", 2, 3 },
  { "19", "Pasco", "PAS", 3, 3 },
  { "07", "Callao", "CAL", 0, 4 },
  { LIMA_METROPOLITANA, "Lima Metropolitana", "LMA", 1, 4 },
  { "15", "Lima", "LIM", 2, 4 },
  { "12", "Junín", "JUN", 3, 4 },
  { "17", "Madre de Dios", "MDD", 5, 4 },
  { "11", "Ica", "ICA", 2, 5 },
  { "09", "Huancavelica", "HUV", 3, 5 },
  { "05", "Ayacucho", "AYA", 4, 5 },
  { "08", "Cusco", "CUS", 5, 5 },
  { "04", "Arequipa", "ARE", 3, 6 },
  { "03", "Apurímac", "APU", 4, 6 },
  { "21", "Puno", "PUN", 5, 6 },
  { "18", "Moquegua", "MOQ", 4, 7 },
  { "23", "Tacna", "TAC", 5, 7 },
};

/* ColorBrewer's sequential blues, from no achievement to all: one hue, so
 * that it reads the same to every kind of colour vision and in grey; the
 * letters are dark or white, whichever keeps 4.5:1 (tests/test-site.c). */
static const VigiaSiteShade shades[VIGIA_SITE_N_SHADES] = {
  { "#eff3ff", "#1a1a1a" },
  { "#bdd7e7", "#1a1a1a" },
  { "#6baed6", "#1a1a1a" },
  { "#2171b5", "#ffffff" },
  { "#08306b", "#ffffff" },
};

static const VigiaSiteShade no_data = { "#e0e0e0", "#3d3d3d" };

/**
 * vigia_site_regions:
 *
 * Returns: the tiles of the map, from the top
 */
const VigiaSiteRegion *
vigia_site_regions (guint *n_regions)
{
  *n_regions = G_N_ELEMENTS (regions);
  return regions;
}

static const VigiaSiteRegion *
find_region (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (regions[i].code, code))
      return &regions[i];
  return NULL;
}

/**
 * vigia_site_region_for_place:
 * @ubigeo: (nullable): the plan's code, INEI's or RENIEC's ("jne:…")
 * @department: (nullable): its department as written, when it has no code
 * @province: (nullable): its province as written
 *
 * Returns: (nullable): the tile of a plan's place
 */
const VigiaSiteRegion *
vigia_site_region_for_place (const char *ubigeo,
                             const char *department,
                             const char *province)
{
  const VigiaUbigeoPlace *place = NULL;
  const char *code = NULL;
  char department_code[3];

  if (!vigia_str_empty (ubigeo))
    {
      if (g_str_has_prefix (ubigeo, VIGIA_UBIGEO_RENIEC_PREFIX))
        place = vigia_ubigeo_find_reniec (ubigeo + strlen (VIGIA_UBIGEO_RENIEC_PREFIX));
      else
        place = vigia_ubigeo_find (ubigeo);
    }
  if (place == NULL && !vigia_str_empty (department))
    place = vigia_ubigeo_match (department, province, NULL);
  if (place == NULL && !vigia_str_empty (department))
    place = vigia_ubigeo_match (department, NULL, NULL);
  if (place == NULL)
    return NULL;

  code = place->code;
  if (strlen (code) < 2)
    return NULL;
  if (g_str_has_prefix (code, LIMA_METROPOLITANA))
    return find_region (LIMA_METROPOLITANA);
  department_code[0] = code[0];
  department_code[1] = code[1];
  department_code[2] = '\0';
  return find_region (department_code);
}

/**
 * vigia_site_shade_for_achievement:
 * @achievement: 0 to 1 (clamped); NAN for no data
 *
 * Returns: the colours of a tile: a fifth of the scale each
 */
const VigiaSiteShade *
vigia_site_shade_for_achievement (double achievement)
{
  int bin;

  if (isnan (achievement))
    return &no_data;
  bin = (int) floor (CLAMP (achievement, 0, 1) * VIGIA_SITE_N_SHADES);
  return &shades[CLAMP (bin, 0, VIGIA_SITE_N_SHADES - 1)];
}

/**
 * vigia_site_shade_no_data:
 *
 * Returns: the colours of a region without data
 */
const VigiaSiteShade *
vigia_site_shade_no_data (void)
{
  return &no_data;
}

/**
 * vigia_site_shades:
 *
 * Returns: the %VIGIA_SITE_N_SHADES colours of the scale, lowest first
 */
const VigiaSiteShade *
vigia_site_shades (void)
{
  return shades;
}
