/* vigia-jne-reader.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two shapes are in use (docs/domain.md, "JNE structured data"): EG 2026's
 * dimensionSocial … dimensionInstitucional arrays (and sometimes
 * dimensionPropuesta, "propuestas adicionales"), and ERM 2026's
 * dimensiones[] of { txDimension, detalle[] }.  Either may come wrapped in
 * the { "data": … } of the site's responses.  Any text may be null.  The
 * place and the term are not in the data: the importer takes them from the
 * user.
 */
#define G_LOG_DOMAIN "vigia-jne-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigia-file-type.h"
#include "vigia-parse.h"
#include "vigia-jne-reader.h"
#include "vigia-json-doc.h"
#include "vigia-utils.h"

static const struct {
  const char         *member;
  VigiaDimensionKind  kind;
  const char         *title;
} fixed_dimensions[] = {
  { "dimensionSocial", VIGIA_DIMENSION_KIND_SOCIAL, "Dimensión Social" },
  { "dimensionEconomica", VIGIA_DIMENSION_KIND_ECONOMIC, "Dimensión Económica" },
  { "dimensionAmbiental", VIGIA_DIMENSION_KIND_ENVIRONMENTAL, "Dimensión Ambiental" },
  { "dimensionInstitucional", VIGIA_DIMENSION_KIND_INSTITUTIONAL, "Dimensión Institucional" },
  { "dimensionPropuesta", VIGIA_DIMENSION_KIND_OTHER, "Propuestas adicionales" },
};

static gboolean
read_items (VigiaJsonDoc    *doc,
            JsonArray       *items,
            VigiaDimension  *dimension,
            GError         **error)
{
  guint n = items != NULL ? json_array_get_length (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autofree char *problem = NULL;
      g_autofree char *objective = NULL;
      g_autofree char *indicator = NULL;
      g_autofree char *target = NULL;
      const char *cells[4];
      JsonObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                                _("a proposal should be an object { … }"));
          return FALSE;
        }
      item = json_node_get_object (node);
      if (!vigia_json_doc_get_text (doc, item, "txPgProblema", &problem, error) ||
          !vigia_json_doc_get_text (doc, item, "txPgObjetivo", &objective, error) ||
          !vigia_json_doc_get_text (doc, item, "txPgIndicador", &indicator, error) ||
          !vigia_json_doc_get_text (doc, item, "txPgMeta", &target, error))
        return FALSE;

      cells[0] = problem;
      cells[1] = objective;
      cells[2] = indicator;
      cells[3] = target;
      vigia_dimension_add_row (dimension, cells);
    }

  return TRUE;
}

/* The kind of a dimension of the ERM shape: from its title, or else from
 * its items' idPgDimension (1 social … 4 institutional). */
static VigiaDimensionKind
dimension_kind (const char *title,
                JsonArray  *items)
{
  VigiaDimensionKind kind = vigia_dimension_kind_from_title (title);
  JsonNode *first;

  if (kind != VIGIA_DIMENSION_KIND_OTHER)
    return kind;

  if (items != NULL && json_array_get_length (items) > 0 &&
      JSON_NODE_HOLDS_OBJECT (first = json_array_get_element (items, 0)))
    {
      JsonNode *id = json_object_get_member (json_node_get_object (first), "idPgDimension");

      if (id != NULL && json_node_get_value_type (id) == G_TYPE_INT64)
        switch (json_node_get_int (id))
          {
          case 1: return VIGIA_DIMENSION_KIND_SOCIAL;
          case 2: return VIGIA_DIMENSION_KIND_ECONOMIC;
          case 3: return VIGIA_DIMENSION_KIND_ENVIRONMENTAL;
          case 4: return VIGIA_DIMENSION_KIND_INSTITUTIONAL;
          default: break;
          }
    }
  return VIGIA_DIMENSION_KIND_OTHER;
}

static gboolean
read_dimensiones (VigiaJsonDoc  *doc,
                  JsonArray     *dimensiones,
                  VigiaPlan     *plan,
                  GError       **error)
{
  guint n = json_array_get_length (dimensiones);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (dimensiones, i);
      g_autoptr(VigiaDimension) dim = NULL;
      g_autofree char *title = NULL;
      JsonObject *object;
      JsonArray *items;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          vigia_json_doc_error (doc, error, vigia_json_doc_node_line (doc, node),
                                _("a dimension should be an object { “txDimension”, “detalle” }"));
          return FALSE;
        }
      object = json_node_get_object (node);
      if (!vigia_json_doc_get_text (doc, object, "txDimension", &title, error))
        return FALSE;
      if (!vigia_json_doc_get_array (doc, object, "detalle", FALSE, &items, error))
        return FALSE;

      dim = vigia_dimension_new (dimension_kind (title, items), title);
      if (!read_items (doc, items, dim, error))
        return FALSE;
      vigia_plan_append_dimension (plan, dim);
    }

  return TRUE;
}

/**
 * vigia_jne_process_from_file_number:
 * @number: (nullable): an expediente as the JNE numbers it, "ERM.2026020421"
 *
 * Returns: (transfer full) (nullable): its election process, "ERM 2026"
 */
char *
vigia_jne_process_from_file_number (const char *number)
{
  gsize letters;

  if (number == NULL)
    return NULL;
  letters = strspn (number, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  if (letters == 0 || letters > 4 || number[letters] != '.' ||
      strspn (number + letters + 1, "0123456789") < 4)
    return NULL;
  return g_strdup_printf ("%.*s %.4s", (int) letters, number, number + letters + 1);
}

static char *dup_scalar_text (JsonObject *object,
                              const char *name);

/* The JNE's number of the process, where the file number is missing: only
 * those known (SOURCE.md of the JNE samples), never guessed. */
static char *
process_from_id (JsonObject *dato)
{
  static const struct {
    const char *id;
    const char *process;
  } known[] = {
    { "113", "ERM 2022" },
    { "124", "EG 2026" },
  };
  g_autofree char *id = dup_scalar_text (dato, "idProcesoElectoral");

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (id, known[i].id))
      return g_strdup (known[i].process);
  return NULL;
}

static char *
dup_scalar_text (JsonObject *object,
                 const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *text = vigia_json_doc_dup_string (node);

      if (!vigia_str_empty (text))
        return g_steal_pointer (&text);
    }
  return NULL;
}

static gboolean
read_dato_general (VigiaJsonDoc  *doc,
                   JsonObject    *dato,
                   VigiaPlan     *plan,
                   gboolean      *election_known,
                   VigiaJneList **own_list,
                   GError       **error)
{
  g_autofree char *organization = NULL;
  g_autofree char *election = NULL;
  g_autofree char *vision = NULL;
  g_autofree char *ideario = NULL;
  g_autofree char *file_number = NULL;
  g_autofree char *process = NULL;
  g_autofree char *plan_id = NULL;
  g_autofree char *document = NULL;
  g_autofree char *reference = NULL;
  VigiaElection value = VIGIA_ELECTION_MUNICIPAL_DISTRICT;

  if (!vigia_json_doc_get_text (doc, dato, "txOrganizacionPolitica", &organization, error) ||
      !vigia_json_doc_get_text (doc, dato, "txTipoEleccion", &election, error) ||
      !vigia_json_doc_get_text (doc, dato, "txVision", &vision, error) ||
      !vigia_json_doc_get_text (doc, dato, "txIdeario", &ideario, error) ||
      !vigia_json_doc_get_text (doc, dato, "txCodExpedienteExt", &file_number, error))
    return FALSE;

  *election_known = FALSE;
  if (election != NULL)
    {
      if (!vigia_election_parse (election, &value))
        {
          vigia_json_doc_error (doc, error,
                                vigia_json_doc_node_line (doc, json_object_get_member (dato, "txTipoEleccion")),
                                _("unknown election type “%s” (expected MUNICIPAL DISTRITAL, "
                                  "MUNICIPAL PROVINCIAL, REGIONAL or PRESIDENCIAL)"), election);
          return FALSE;
        }
      *election_known = TRUE;
    }

  process = vigia_jne_process_from_file_number (file_number);
  if (process == NULL)
    process = process_from_id (dato);
  plan_id = dup_scalar_text (dato, "idPlanGobierno");
  document = dup_scalar_text (dato, "txRutaCompleto");
  if (plan_id != NULL && document != NULL)
    reference = g_strdup_printf (VIGIA_PLAN_JNE_REFERENCE "%s, %s", plan_id, document);
  else if (plan_id != NULL)
    reference = g_strdup_printf (VIGIA_PLAN_JNE_REFERENCE "%s", plan_id);
  else if (document != NULL)
    reference = g_strdup_printf ("JNE %s", document);

  vigia_plan_set_organization (plan, organization != NULL ? organization : "");
  vigia_plan_set_election (plan, value);
  vigia_plan_set_process (plan, process);
  vigia_plan_set_vision (plan, vision);
  vigia_plan_set_ideario (plan, ideario);
  vigia_plan_set_source_reference (plan, reference);

  /* The list that filed the plan, as the plan names it: what ties the
   * candidates of its expediente to it. */
  if (own_list != NULL && vigia_plan_get_jne_ref (plan) > 0 && file_number != NULL)
    {
      VigiaJneList *list = g_new0 (VigiaJneList, 1);

      list->plan_ref = vigia_plan_get_jne_ref (plan);
      list->file_number = g_steal_pointer (&file_number);
      list->election = g_steal_pointer (&election);
      list->organization = g_steal_pointer (&organization);
      if (!vigia_json_doc_get_text (doc, dato, "txEstadoLista", &list->status, error))
        {
          vigia_jne_list_free (list);
          return FALSE;
        }
      *own_list = list;
    }
  return TRUE;
}

/**
 * vigia_jne_read:
 * @name: the file as the user knows it, for errors
 * @election_known: (out): whether the data named the election type
 *   (txTipoEleccion); if not, the plan says municipal district until the
 *   importer knows better
 * @own_list: (out) (optional) (nullable) (transfer full): the list that
 *   filed the plan, as its data name it (idPlanGobierno and expediente),
 *   %NULL if they do not
 *
 * Returns: (transfer full): the plan, without place or term, or %NULL with
 *   a %VIGIA_ERROR_PARSE error "FILE: line N: reason"
 */
VigiaPlan *
vigia_jne_read (const guint8  *data,
                gsize          length,
                const char    *name,
                gboolean      *election_known,
                VigiaJneList **own_list,
                GError       **error)
{
  g_autoptr(VigiaJneList) list = NULL;
  g_autoptr(VigiaJsonDoc) doc = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonObject *dato;
  JsonArray *dimensiones;
  gboolean known = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  doc = vigia_json_doc_load (data, length, name, TRUE, error);
  if (doc == NULL)
    return NULL;

  root = vigia_json_doc_get_root (doc);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      vigia_json_doc_error (doc, error, 1, _("JNE data is a JSON object { “datoGeneral”: … }"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "datoGeneral") && json_object_has_member (object, "data"))
    {
      if (!vigia_json_doc_get_object (doc, object, "data", TRUE, &object, error))
        return NULL;
    }

  plan = vigia_plan_new ();
  if (!vigia_json_doc_get_object (doc, object, "datoGeneral", TRUE, &dato, error) ||
      !read_dato_general (doc, dato, plan, &known, own_list != NULL ? &list : NULL, error) ||
      !vigia_json_doc_get_array (doc, object, "dimensiones", FALSE, &dimensiones, error))
    return NULL;
  if (dimensiones != NULL)
    {
      if (!read_dimensiones (doc, dimensiones, plan, error))
        return NULL;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (fixed_dimensions); i++)
        {
          g_autoptr(VigiaDimension) dim = NULL;
          JsonArray *items;

          if (!json_object_has_member (object, fixed_dimensions[i].member))
            continue;
          if (!vigia_json_doc_get_array (doc, object, fixed_dimensions[i].member, FALSE,
                                         &items, error))
            return NULL;
          dim = vigia_dimension_new (fixed_dimensions[i].kind, fixed_dimensions[i].title);
          if (!read_items (doc, items, dim, error))
            return NULL;
          vigia_plan_append_dimension (plan, dim);
        }
    }

  if (vigia_plan_get_n_goals (plan) == 0)
    {
      vigia_json_doc_error (doc, error, vigia_json_doc_object_line (doc, object),
                            _("the plan has no proposals: neither “dimensiones” nor "
                              "“dimensionSocial” … “dimensionInstitucional” hold any"));
      return NULL;
    }

  vigia_plan_set_source_format (plan, vigia_file_type_to_nick (VIGIA_FILE_TYPE_JNE_JSON));
  *election_known = known;
  if (own_list != NULL)
    *own_list = g_steal_pointer (&list);
  return g_steal_pointer (&plan);
}
