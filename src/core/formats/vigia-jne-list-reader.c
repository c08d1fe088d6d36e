/* vigia-jne-list-reader.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan's JSON says nothing of its place; the list that filed it does
 * (docs/domain.md, "The JNE's lists").  The JNE's services return list rows
 * as a bare array or inside an envelope { …, "data": [ … ] }.
 */
#define G_LOG_DOMAIN "vigia-jne-list-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-error.h"
#include "vigia-jne-list-reader.h"
#include "vigia-jne-reader.h"
#include "vigia-json-doc.h"
#include "vigia-parse.h"
#include "vigia-period.h"
#include "vigia-utils.h"

static gboolean
read_row (VigiaJsonDoc  *doc,
          JsonNode      *node,
          VigiaJneList **list,
          GError       **error)
{
  g_autoptr(VigiaJneList) row = g_new0 (VigiaJneList, 1);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                            _("a list row is an object { “idPlanGobierno”: … }"));
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!vigia_json_doc_get_int (doc, object, "idPlanGobierno", 1, G_MAXINT32, &row->plan_ref, error))
    return FALSE;
  if (row->plan_ref == 0)
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_object_line (doc, object),
                            _("a list row without its plan (idPlanGobierno)"));
      return FALSE;
    }
  if (!vigia_json_doc_get_text (doc, object, "txCodExpedienteExt", &row->file_number, error) ||
      !vigia_json_doc_get_text (doc, object, "txTipoEleccion", &row->election, error) ||
      !vigia_json_doc_get_text (doc, object, "txEstadoLista", &row->status, error) ||
      !vigia_json_doc_get_text (doc, object, "txOrganizacionPolitica", &row->organization, error) ||
      !vigia_json_doc_get_text (doc, object, "txUbigeo", &row->ubigeo, error) ||
      !vigia_json_doc_get_text (doc, object, "txRegion", &row->region, error) ||
      !vigia_json_doc_get_text (doc, object, "txProvincia", &row->province, error) ||
      !vigia_json_doc_get_text (doc, object, "txDistrito", &row->district, error))
    return FALSE;

  if (row->ubigeo != NULL &&
      (strlen (row->ubigeo) != 6 || strspn (row->ubigeo, "0123456789") != 6))
    {
      vigia_json_doc_error (doc, error,
                            vigia_json_doc_node_line (doc, json_object_get_member (object, "txUbigeo")),
                            _("txUbigeo “%s” is not a code of six digits"), row->ubigeo);
      return FALSE;
    }

  *list = g_steal_pointer (&row);
  return TRUE;
}

/* The rows of a file the JNE's services return: a bare array, or the
 * envelope { …, "data": [ … ] }.  @what_is_empty says what the rows are,
 * should there be none. */
static JsonArray *
get_rows (VigiaJsonDoc  *doc,
          const char    *what_is_empty,
          GError       **error)
{
  JsonNode *root = vigia_json_doc_get_root (doc);
  JsonArray *rows = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    rows = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root) &&
           !vigia_json_doc_get_array (doc, json_node_get_object (root), "data", TRUE, &rows, error))
    return NULL;
  if (rows == NULL)
    {
      vigia_json_doc_error (doc, error, 1, _("the JNE's lists are an array, or an object whose "
                                             "“data” is one"));
      return NULL;
    }
  if (json_array_get_length (rows) == 0)
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, root), "%s", what_is_empty);
      return NULL;
    }
  return rows;
}

/**
 * vigia_jne_lists_read:
 * @name: the file as the user knows it, for errors
 *
 * Returns: (transfer full) (element-type VigiaJneList): the rows, at least
 *   one, or %NULL with a %VIGIA_ERROR_PARSE error "FILE: line N: reason"
 */
GPtrArray *
vigia_jne_lists_read (const guint8  *data,
                      gsize          length,
                      const char    *name,
                      GError       **error)
{
  g_autoptr(VigiaJsonDoc) doc = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_jne_list_free);
  JsonArray *rows;

  g_return_val_if_fail (name != NULL, NULL);

  doc = vigia_json_doc_load (data, length, name, TRUE, error);
  if (doc == NULL)
    return NULL;
  rows = get_rows (doc, _("no list rows"), error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      VigiaJneList *list = NULL;

      if (!read_row (doc, json_array_get_element (rows, i), &list, error))
        return NULL;
      g_ptr_array_add (lists, list);
    }

  return g_steal_pointer (&lists);
}

/* The offices that head a list: its head is the authority its plan is for. */
static gboolean
is_head_office (const char *office)
{
  static const char * const heads[] = { "PRESIDENTE DE LA REP", "GOBERNADOR REGIONAL", "ALCALDE" };
  g_autofree char *folded = NULL;

  if (office == NULL)
    return FALSE;
  folded = vigia_text_fold (office);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autofree char *head = vigia_text_fold (heads[i]);

      if (g_str_has_prefix (folded, head))
        return TRUE;
    }
  return FALSE;
}

/**
 * vigia_jne_candidates_read:
 * @name: the file as the user knows it, for errors
 *
 * Reads the JNE's candidates as its services return them, keeping each
 * list's head: a row per list with plan_ref 0, the expediente and the
 * head's name as authority.  Candidates that do not name their list's
 * expediente (ERM 2022's, by place) cannot be tied to a plan and are
 * refused.
 *
 * Returns: (transfer full) (element-type VigiaJneList): the lists' heads, or
 *   %NULL with a %VIGIA_ERROR_PARSE error "FILE: line N: reason"
 */
GPtrArray *
vigia_jne_candidates_read (const guint8  *data,
                           gsize          length,
                           const char    *name,
                           GError       **error)
{
  g_autoptr(VigiaJsonDoc) doc = NULL;
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_jne_list_free);
  JsonArray *rows;

  g_return_val_if_fail (name != NULL, NULL);

  doc = vigia_json_doc_load (data, length, name, TRUE, error);
  if (doc == NULL)
    return NULL;
  rows = get_rows (doc, _("no candidates"), error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      JsonObject *object;
      g_autofree char *file_number = NULL;
      g_autofree char *office = NULL;
      g_autofree char *given = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      VigiaJneList *head;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                                _("a candidate is an object { “strCodExpedienteExt”: … }"));
          return NULL;
        }
      object = json_node_get_object (node);
      if (!json_object_has_member (object, "strCodExpedienteExt"))
        {
          vigia_json_doc_error (doc, error, vigia_json_doc_object_line (doc, object),
                                _("the candidates do not name their list’s expediente "
                                  "(strCodExpedienteExt): whose authority they are cannot be told"));
          return NULL;
        }
      if (!vigia_json_doc_get_text (doc, object, "strCodExpedienteExt", &file_number, error) ||
          !vigia_json_doc_get_text (doc, object, "strCargo", &office, error) ||
          !vigia_json_doc_get_text (doc, object, "strNombres", &given, error) ||
          !vigia_json_doc_get_text (doc, object, "strApellidoPaterno", &first, error) ||
          !vigia_json_doc_get_text (doc, object, "strApellidoMaterno", &second, error))
        return NULL;
      if (file_number == NULL || !is_head_office (office) || given == NULL)
        continue;

      head = g_new0 (VigiaJneList, 1);
      head->file_number = g_steal_pointer (&file_number);
      head->authority = g_strjoin (" ", given, first != NULL ? first : "", second != NULL ? second : "", NULL);
      g_strchomp (head->authority);
      g_ptr_array_add (heads, head);
    }

  if (heads->len == 0)
    {
      vigia_json_doc_error (doc, error, 1, _("no candidate heads a list (president, regional governor "
                                             "or mayor)"));
      return NULL;
    }
  return g_steal_pointer (&heads);
}

/**
 * vigia_jne_list_place_plan:
 *
 * Gives @plan the place of @list, its election type and the term its
 * expediente fixes, where the plan lacks them.
 *
 * Returns: %TRUE if @plan now has the list's place
 */
gboolean
vigia_jne_list_place_plan (const VigiaJneList *list,
                           VigiaPlan          *plan)
{
  const VigiaUbigeoPlace *place;
  VigiaElection election;
  VigiaPlaceName name = { NULL, NULL, NULL, NULL };
  gsize depth;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (VIGIA_IS_PLAN (plan), FALSE);

  if (vigia_plan_get_process (plan) == NULL && list->file_number != NULL)
    {
      g_autofree char *process = vigia_jne_process_from_file_number (list->file_number);

      vigia_plan_set_process (plan, process);
    }
  if (!vigia_plan_has_term (plan))
    {
      int start, end;

      if (vigia_term_from_process (vigia_plan_get_process (plan), &start, &end))
        {
          vigia_plan_set_term_start (plan, start);
          vigia_plan_set_term_end (plan, end);
        }
    }

  if (!vigia_election_parse (list->election, &election) || election == VIGIA_ELECTION_GENERAL)
    return FALSE;
  place = vigia_jne_list_find_place (list);
  if (place == NULL || !vigia_str_empty (vigia_plan_get_department (plan)))
    return FALSE;

  /* A list's place is as deep as its election: a region, a province or a
   * district; anything else is not this plan's place. */
  depth = strlen (place->code) / 2;
  if (depth != (election == VIGIA_ELECTION_REGIONAL ? 1 :
                election == VIGIA_ELECTION_MUNICIPAL_PROVINCE ? 2 : 3))
    return FALSE;

  if (!vigia_place_name_parse (place->code, &name))
    return FALSE;
  vigia_plan_set_election (plan, election);
  vigia_plan_set_department (plan, list->region != NULL ? list->region : name.department);
  vigia_plan_set_province (plan, depth >= 2 ? (list->province != NULL ? list->province : name.province) : NULL);
  vigia_plan_set_district (plan, depth >= 3 ? (list->district != NULL ? list->district : name.district) : NULL);
  vigia_plan_set_ubigeo (plan, place->code);
  vigia_place_name_clear (&name);
  return TRUE;
}
