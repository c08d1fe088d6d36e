/* vigia-jne-list.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * txUbigeo is RENIEC's code, padded with zeros for a region ("040000") or a
 * province ("190700"), and is never read as INEI's.
 */
#include "config.h"

#include <string.h>

#include "vigia-jne-list.h"

void
vigia_jne_list_free (VigiaJneList *list)
{
  if (list == NULL)
    return;
  g_free (list->file_number);
  g_free (list->election);
  g_free (list->status);
  g_free (list->organization);
  g_free (list->ubigeo);
  g_free (list->region);
  g_free (list->province);
  g_free (list->district);
  g_free (list->authority);
  g_free (list);
}

VigiaJneList *
vigia_jne_list_copy (const VigiaJneList *list)
{
  VigiaJneList *copy;

  g_return_val_if_fail (list != NULL, NULL);

  copy = g_new0 (VigiaJneList, 1);
  copy->plan_ref = list->plan_ref;
  copy->file_number = g_strdup (list->file_number);
  copy->election = g_strdup (list->election);
  copy->status = g_strdup (list->status);
  copy->organization = g_strdup (list->organization);
  copy->ubigeo = g_strdup (list->ubigeo);
  copy->region = g_strdup (list->region);
  copy->province = g_strdup (list->province);
  copy->district = g_strdup (list->district);
  copy->authority = g_strdup (list->authority);
  return copy;
}

/**
 * vigia_jne_list_find_place:
 *
 * Returns: (nullable) (transfer none): the list's place, from its RENIEC code
 *   (a region's "040000" is the department "04"), else from its names;
 *   %NULL for a national list or a place not in the table
 */
const VigiaUbigeoPlace *
vigia_jne_list_find_place (const VigiaJneList *list)
{
  g_return_val_if_fail (list != NULL, NULL);

  if (list->ubigeo != NULL && !g_str_equal (list->ubigeo, "000000"))
    {
      char code[7];
      gsize length = 6;

      memcpy (code, list->ubigeo, 7);
      while (length > 2 && code[length - 1] == '0' && code[length - 2] == '0')
        length -= 2;
      code[length] = '\0';
      return vigia_ubigeo_find_reniec (code);
    }
  return vigia_ubigeo_match (list->region, list->province, list->district);
}
