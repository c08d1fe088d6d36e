/* vigia-jne-list.h: one of the JNE's candidate lists, which says where its plan is from
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigia-ubigeo.h"

G_BEGIN_DECLS

/* One candidate list as the JNE serves it: the plan it filed, its
 * expediente, its status and its place.  Texts are as the JNE wrote them,
 * NULL where it left them out. */
typedef struct
{
  gint64  plan_ref;      /* idPlanGobierno */
  char   *file_number;   /* txCodExpedienteExt: "ERM.2022009966" */
  char   *election;      /* txTipoEleccion: "REGIONAL", "MUNICIPAL DISTRITAL"… */
  char   *status;        /* txEstadoLista: "INSCRITO", "IMPROCEDENTE"… */
  char   *organization;  /* txOrganizacionPolitica */
  char   *ubigeo;        /* txUbigeo, RENIEC's: "040000", "190700", "140103" */
  char   *region;        /* txRegion */
  char   *province;      /* txProvincia */
  char   *district;      /* txDistrito */
  /* The list's head, from a candidates file: "KEIKO SOFIA FUJIMORI
   * HIGUCHI"; plan_ref is 0 in a row read from such a file, which ties
   * its candidates to the list by the expediente alone. */
  char   *authority;
} VigiaJneList;

void                    vigia_jne_list_free       (VigiaJneList       *list);
VigiaJneList           *vigia_jne_list_copy       (const VigiaJneList *list);
const VigiaUbigeoPlace *vigia_jne_list_find_place (const VigiaJneList *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigiaJneList, vigia_jne_list_free)

G_END_DECLS
