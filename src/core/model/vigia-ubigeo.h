/* vigia-ubigeo.h: Peru's places with their INEI and RENIEC UBIGEO codes
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A department (code of 2 digits), province (4) or district (6).  @code is
 * INEI's, the one the library keeps; @reniec_code is RENIEC's, the one the
 * JNE writes (Lima is 15 and 14), %NULL for a district created after the
 * JNE's lists.  The table lives as long as the process: never free one. */
typedef struct
{
  const char *code;
  const char *reniec_code;
  const char *name;
} VigiaUbigeoPlace;

const VigiaUbigeoPlace *vigia_ubigeo_find        (const char *code);
const VigiaUbigeoPlace *vigia_ubigeo_find_reniec (const char *code);
GPtrArray              *vigia_ubigeo_children    (const char *parent_code);
const VigiaUbigeoPlace *vigia_ubigeo_match       (const char *department,
                                                  const char *province,
                                                  const char *district);
const VigiaUbigeoPlace *vigia_ubigeo_parent      (const VigiaUbigeoPlace *place);
char                   *vigia_ubigeo_place_dup_codes (const VigiaUbigeoPlace *place);

/* What marks a RENIEC code in a place's text: "jne:140140" is San Borja. */
#define VIGIA_UBIGEO_RENIEC_PREFIX "jne:"

/* A place as a plan or a user writes it, split into its parts. */
typedef struct
{
  char                   *department;
  char                   *province;
  char                   *district;
  /* The UBIGEO entry of the most specific part, NULL if the names are not
   * in the table. */
  const VigiaUbigeoPlace *place;
} VigiaPlaceName;

gboolean vigia_place_name_parse (const char     *text,
                                 VigiaPlaceName *name);
void     vigia_place_name_clear (VigiaPlaceName *name);

G_END_DECLS
