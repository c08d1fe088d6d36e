/* fuzz-jne-lists.c: the JNE's candidate lists and candidates on any bytes
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"

VIGIA_FUZZ_INITIALIZE

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) heads_error = NULL;
  g_autoptr(GPtrArray) lists = vigia_jne_lists_read (data, size, "fuzz.json", &error);
  g_autoptr(GPtrArray) heads = vigia_jne_candidates_read (data, size, "fuzz.json", &heads_error);

  g_assert ((lists == NULL) != (error == NULL));
  g_assert ((heads == NULL) != (heads_error == NULL));
  /* Every row read names its plan; every place found is one of the table's. */
  for (guint i = 0; lists != NULL && i < lists->len; i++)
    {
      const VigiaJneList *list = g_ptr_array_index (lists, i);
      const VigiaUbigeoPlace *place = vigia_jne_list_find_place (list);
      g_autoptr(VigiaPlan) plan = vigia_plan_new ();

      g_assert (list->plan_ref > 0);
      g_assert (place == NULL || vigia_ubigeo_find (place->code) == place);
      vigia_plan_set_election (plan, VIGIA_ELECTION_REGIONAL);
      if (vigia_jne_list_place_plan (list, plan))
        g_assert (vigia_ubigeo_find (vigia_plan_get_ubigeo (plan)) != NULL);
    }
  for (guint i = 0; heads != NULL && i < heads->len; i++)
    {
      const VigiaJneList *head = g_ptr_array_index (heads, i);

      g_assert (head->file_number != NULL && head->authority != NULL);
    }
  return 0;
}
