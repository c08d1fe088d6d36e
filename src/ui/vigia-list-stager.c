/* vigia-list-stager.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list model that passes another one on to a list view, and a change that
 * brings many rows a few rows a frame.
 *
 * When the rows around its anchor are replaced (a search, a new ranking),
 * GTK 4.8's list view makes, binds and measures up to 200 row widgets in one
 * frame, whatever its height; for Vigía's rows that froze the window for
 * 80–120 ms.  This model shows such a change a screenful at a time: the first
 * rows at once, then more at each frame of the widget it is given, until the
 * view has all the widgets it keeps; the rest of the rows follow in one step,
 * which costs the view nothing.  Small changes, and any change while the
 * widget has no frames (before it is realized, or after), pass through as
 * they come.
 *
 * The rows it shows are always the first rows of its model, at the same
 * positions: a position it shows is a position of the model.
 */
#define G_LOG_DOMAIN "vigia-list-stager"

#include "config.h"

#include "vigia-list-stager.h"

/* Rows added in one frame: a window's height of the library's rows, about
 * 8 ms of making and measuring them. */
#define ROWS_PER_FRAME 12

/* The row widgets GTK 4.8's list view keeps around its anchor (200, and two
 * more each side): rows past these get no widget, so they come in one step. */
#define ROWS_WITH_WIDGETS 204

struct _VigiaListStager
{
  GObject     parent_instance;

  GListModel *model;
  GtkWidget  *widget;
  guint       tick_id;

  /* The first rows of the model that the views know. */
  guint       n_shown;
  /* Where the change being shown began. */
  guint       staged_from;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigiaListStager, vigia_list_stager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
vigia_list_stager_get_item_type (GListModel *list)
{
  VigiaListStager *self = VIGIA_LIST_STAGER (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
vigia_list_stager_get_n_items (GListModel *list)
{
  return VIGIA_LIST_STAGER (list)->n_shown;
}

static gpointer
vigia_list_stager_get_item (GListModel *list,
                            guint       position)
{
  VigiaListStager *self = VIGIA_LIST_STAGER (list);

  return position < self->n_shown ? g_list_model_get_item (self->model, position) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vigia_list_stager_get_item_type;
  iface->get_n_items = vigia_list_stager_get_n_items;
  iface->get_item = vigia_list_stager_get_item;
}

static guint
model_n_items (VigiaListStager *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static void
stop_ticking (VigiaListStager *self)
{
  if (self->tick_id == 0)
    return;
  if (self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/**
 * vigia_list_stager_show_all:
 *
 * Shows every row of the model now: before a view is scrolled to a row
 * that may not have come yet.
 */
void
vigia_list_stager_show_all (VigiaListStager *self)
{
  guint n, shown;

  g_return_if_fail (VIGIA_IS_LIST_STAGER (self));

  n = model_n_items (self);
  shown = self->n_shown;

  self->n_shown = n;
  stop_ticking (self);
  if (n > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, n - shown);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  VigiaListStager *self = VIGIA_LIST_STAGER (user_data);
  guint n = model_n_items (self);
  guint shown = self->n_shown;
  gboolean done;

  if (shown - self->staged_from >= ROWS_WITH_WIDGETS)
    self->n_shown = n;
  else
    self->n_shown = MIN (n, shown + ROWS_PER_FRAME);

  done = self->n_shown == n;
  if (done)
    {
      /* The callback is removed by returning, not by its id. */
      self->tick_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (self->n_shown > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, self->n_shown - shown);

  return done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
model_items_changed_cb (VigiaListStager *self,
                        guint            position,
                        guint            removed,
                        guint            added)
{
  guint n = model_n_items (self);
  guint shown = self->n_shown;

  if (self->tick_id != 0)
    {
      /* Rows the views do not know yet come with the next frames. */
      if (position >= shown)
        return;
    }
  else if (added <= ROWS_PER_FRAME || self->widget == NULL || !gtk_widget_get_realized (self->widget))
    {
      self->n_shown = n;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* The views drop the rows from @position on, and get a screenful of the
   * new ones; the rest follow frame by frame. */
  self->staged_from = position;
  self->n_shown = MIN (n, position + ROWS_PER_FRAME);
  if (self->n_shown < n && self->tick_id == 0)
    {
      self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, shown - position, self->n_shown - position);
}

static void
vigia_list_stager_dispose (GObject *object)
{
  VigiaListStager *self = (VigiaListStager *)object;

  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  if (self->widget != NULL)
    g_signal_handlers_disconnect_by_func (self->widget, vigia_list_stager_show_all, self);
  g_clear_weak_pointer (&self->widget);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vigia_list_stager_parent_class)->dispose (object);
}

static void
vigia_list_stager_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigiaListStager *self = VIGIA_LIST_STAGER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, vigia_list_stager_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_list_stager_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigiaListStager *self = VIGIA_LIST_STAGER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      vigia_list_stager_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_list_stager_class_init (VigiaListStagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigia_list_stager_dispose;
  object_class->get_property = vigia_list_stager_get_property;
  object_class->set_property = vigia_list_stager_set_property;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  /* Whether rows of the model are still to be shown. */
  properties[PROP_PENDING] = g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_list_stager_init (VigiaListStager *self)
{
}

/**
 * vigia_list_stager_new:
 * @widget: the view, or a widget beside it: its frames pace the rows
 *
 * Returns: (transfer full): a stager with no model
 */
VigiaListStager *
vigia_list_stager_new (GtkWidget *widget)
{
  VigiaListStager *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (VIGIA_TYPE_LIST_STAGER, NULL);
  g_set_weak_pointer (&self->widget, widget);
  /* Hidden, a view still makes its rows, and its frames still come (a
   * search that empties the list hides it for a moment); without a
   * window, no frame comes: the rest of the rows go at once. */
  g_signal_connect_swapped (widget, "unrealize", G_CALLBACK (vigia_list_stager_show_all), self);
  return self;
}

GListModel *
vigia_list_stager_get_model (VigiaListStager *self)
{
  g_return_val_if_fail (VIGIA_IS_LIST_STAGER (self), NULL);

  return self->model;
}

void
vigia_list_stager_set_model (VigiaListStager *self,
                             GListModel      *model)
{
  guint old_n;

  g_return_if_fail (VIGIA_IS_LIST_STAGER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  old_n = self->n_shown;
  stop_ticking (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);

  self->n_shown = 0;
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  model_items_changed_cb (self, 0, 0, model_n_items (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
vigia_list_stager_get_pending (VigiaListStager *self)
{
  g_return_val_if_fail (VIGIA_IS_LIST_STAGER (self), FALSE);

  return self->tick_id != 0;
}
