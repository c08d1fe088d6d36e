/* vigia-plan-selection.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One plan selected, remembered by its id.  GtkSingleSelection remembers
 * the selected item instead, and after the list changes it looks for that
 * item among all the new ones: over a lazy list of 20,000 plans that read
 * every plan's summary from the library at each keystroke of a search.  The
 * ids are in memory already, so here nothing is read.
 *
 * The rows reach the view through a VigiaListStager, so that a search
 * does not make all the view's row widgets in one frame: the rows it shows
 * are the first rows of the plan list, at the same positions.
 */
#define G_LOG_DOMAIN "vigia-plan-selection"

#include "config.h"

#include "vigia-plan-selection-private.h"

struct _VigiaPlanSelection
{
  GObject        parent_instance;

  VigiaPlanList   *model;
  VigiaListStager *rows;
  gint64           selected_id;
};

static void list_model_iface_init      (GListModelInterface        *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigiaPlanSelection, vigia_plan_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
vigia_plan_selection_get_item_type (GListModel *list)
{
  return VIGIA_TYPE_PLAN_SUMMARY;
}

static guint
vigia_plan_selection_get_n_items (GListModel *list)
{
  VigiaPlanSelection *self = VIGIA_PLAN_SELECTION (list);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

static gpointer
vigia_plan_selection_get_item (GListModel *list,
                               guint       position)
{
  VigiaPlanSelection *self = VIGIA_PLAN_SELECTION (list);

  return g_list_model_get_item (G_LIST_MODEL (self->rows), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vigia_plan_selection_get_item_type;
  iface->get_n_items = vigia_plan_selection_get_n_items;
  iface->get_item = vigia_plan_selection_get_item;
}

static gboolean
vigia_plan_selection_is_selected (GtkSelectionModel *model,
                                  guint              position)
{
  VigiaPlanSelection *self = VIGIA_PLAN_SELECTION (model);

  return self->model != NULL && self->selected_id > 0 &&
         position < g_list_model_get_n_items (G_LIST_MODEL (self->rows)) &&
         vigia_plan_list_get_plan_id (self->model, position) == self->selected_id;
}

static GtkBitset *
vigia_plan_selection_get_selection_in_range (GtkSelectionModel *model,
                                             guint              position,
                                             guint              n_items)
{
  VigiaPlanSelection *self = VIGIA_PLAN_SELECTION (model);
  GtkBitset *result = gtk_bitset_new_empty ();
  guint selected = vigia_plan_selection_get_selected (self);

  if (selected != GTK_INVALID_LIST_POSITION && selected >= position && selected - position < n_items)
    gtk_bitset_add (result, selected);
  return result;
}

/* Tells the views which rows changed state: the one selected before and
 * the one selected now. */
static void
select_id (VigiaPlanSelection *self,
           gint64              plan_id)
{
  guint old_position = vigia_plan_selection_get_selected (self);
  guint new_position;

  if (self->selected_id == plan_id)
    return;

  self->selected_id = plan_id;
  new_position = vigia_plan_selection_get_selected (self);

  if (old_position != GTK_INVALID_LIST_POSITION && new_position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), MIN (old_position, new_position),
                                           MAX (old_position, new_position) - MIN (old_position, new_position) + 1);
  else if (old_position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old_position, 1);
  else if (new_position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), new_position, 1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static gboolean
vigia_plan_selection_select_item (GtkSelectionModel *model,
                                  guint              position,
                                  gboolean           unselect_rest)
{
  VigiaPlanSelection *self = VIGIA_PLAN_SELECTION (model);

  if (self->model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return FALSE;

  select_id (self, vigia_plan_list_get_plan_id (self->model, position));
  return TRUE;
}

static gboolean
vigia_plan_selection_unselect_item (GtkSelectionModel *model,
                                    guint              position)
{
  VigiaPlanSelection *self = VIGIA_PLAN_SELECTION (model);

  if (!vigia_plan_selection_is_selected (model, position))
    return FALSE;

  select_id (self, 0);
  return TRUE;
}

static gboolean
vigia_plan_selection_unselect_all (GtkSelectionModel *model)
{
  select_id (VIGIA_PLAN_SELECTION (model), 0);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = vigia_plan_selection_is_selected;
  iface->get_selection_in_range = vigia_plan_selection_get_selection_in_range;
  iface->select_item = vigia_plan_selection_select_item;
  iface->unselect_item = vigia_plan_selection_unselect_item;
  iface->unselect_all = vigia_plan_selection_unselect_all;
}

/* The selection is an id: it holds wherever the plan moves. */
static void
rows_changed_cb (VigiaPlanSelection *self,
                 guint               position,
                 guint               removed,
                 guint               added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
vigia_plan_selection_dispose (GObject *object)
{
  VigiaPlanSelection *self = (VigiaPlanSelection *)object;

  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_func (self->rows, rows_changed_cb, self);
  g_clear_object (&self->rows);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vigia_plan_selection_parent_class)->dispose (object);
}

static void
vigia_plan_selection_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigiaPlanSelection *self = VIGIA_PLAN_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_selection_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigiaPlanSelection *self = VIGIA_PLAN_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      vigia_plan_selection_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ID:
      vigia_plan_selection_set_selected_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_selection_class_init (VigiaPlanSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigia_plan_selection_dispose;
  object_class->get_property = vigia_plan_selection_get_property;
  object_class->set_property = vigia_plan_selection_set_property;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, VIGIA_TYPE_PLAN_LIST,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] = g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_plan_selection_init (VigiaPlanSelection *self)
{
}

/**
 * vigia_plan_selection_new:
 * @view: the list view that shows the plans: its frames pace the rows of a
 *   search
 */
VigiaPlanSelection *
vigia_plan_selection_new (GtkWidget *view)
{
  VigiaPlanSelection *self;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  self = g_object_new (VIGIA_TYPE_PLAN_SELECTION, NULL);
  self->rows = vigia_list_stager_new (view);
  g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (rows_changed_cb), self);
  return self;
}

VigiaPlanList *
vigia_plan_selection_get_model (VigiaPlanSelection *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SELECTION (self), NULL);
  return self->model;
}

/**
 * vigia_plan_selection_set_model:
 * @model: (nullable): the plans to select from
 *
 * Shows @model; the selected plan stays selected if it is in it.
 */
void
vigia_plan_selection_set_model (VigiaPlanSelection *self,
                                VigiaPlanList      *model)
{
  g_return_if_fail (VIGIA_IS_PLAN_SELECTION (self));
  g_return_if_fail (model == NULL || VIGIA_IS_PLAN_LIST (model));

  if (self->model == model)
    return;

  g_set_object (&self->model, model);
  vigia_list_stager_set_model (self->rows, G_LIST_MODEL (model));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * vigia_plan_selection_get_selected_id:
 *
 * Returns: the id of the selected plan, or 0 for none
 */
gint64
vigia_plan_selection_get_selected_id (VigiaPlanSelection *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SELECTION (self), 0);
  return self->selected_id;
}

/**
 * vigia_plan_selection_set_selected_id:
 * @plan_id: a plan's id, or 0 to select none
 *
 * Selects the plan, whether or not the list shows it now: it is shown
 * selected as soon as it is.
 */
void
vigia_plan_selection_set_selected_id (VigiaPlanSelection *self,
                                      gint64              plan_id)
{
  g_return_if_fail (VIGIA_IS_PLAN_SELECTION (self));
  g_return_if_fail (plan_id >= 0);

  select_id (self, plan_id);
}

/**
 * vigia_plan_selection_get_selected:
 *
 * Returns: where the selected plan is in the list, or
 *   %GTK_INVALID_LIST_POSITION if none is or the list does not show it
 */
guint
vigia_plan_selection_get_selected (VigiaPlanSelection *self)
{
  guint position;

  g_return_val_if_fail (VIGIA_IS_PLAN_SELECTION (self), GTK_INVALID_LIST_POSITION);

  if (self->model == NULL || self->selected_id <= 0 ||
      !vigia_plan_list_find (self->model, self->selected_id, &position) ||
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return GTK_INVALID_LIST_POSITION;
  return position;
}

/**
 * vigia_plan_selection_get_rows:
 *
 * Returns: (transfer none): the rows of the plan list that the view has
 *   been shown so far
 */
VigiaListStager *
vigia_plan_selection_get_rows (VigiaPlanSelection *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_SELECTION (self), NULL);

  return self->rows;
}
