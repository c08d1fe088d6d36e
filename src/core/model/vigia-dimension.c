/* vigia-dimension.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-dimension"

#include "config.h"

#include "vigia-dimension.h"
#include "vigia-enum-types.h"
#include "vigia-utils.h"

struct _VigiaDimension
{
  GObject             parent_instance;

  gint64              id;
  VigiaDimensionKind  kind;
  char               *title;
  GListStore         *goals;
};

G_DEFINE_FINAL_TYPE (VigiaDimension, vigia_dimension, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
vigia_dimension_finalize (GObject *object)
{
  VigiaDimension *self = (VigiaDimension *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->goals);

  G_OBJECT_CLASS (vigia_dimension_parent_class)->finalize (object);
}

static void
vigia_dimension_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VigiaDimension *self = VIGIA_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:    g_value_set_int64 (value, self->id); break;
    case PROP_KIND:  g_value_set_enum (value, self->kind); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_dimension_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VigiaDimension *self = VIGIA_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:    vigia_dimension_set_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND:  vigia_dimension_set_kind (self, g_value_get_enum (value)); break;
    case PROP_TITLE: vigia_dimension_set_title (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_dimension_class_init (VigiaDimensionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigia_dimension_finalize;
  object_class->get_property = vigia_dimension_get_property;
  object_class->set_property = vigia_dimension_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, VIGIA_TYPE_DIMENSION_KIND,
                                             VIGIA_DIMENSION_KIND_OTHER, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_dimension_init (VigiaDimension *self)
{
  self->kind = VIGIA_DIMENSION_KIND_OTHER;
  self->goals = g_list_store_new (VIGIA_TYPE_GOAL);
}

VigiaDimension *
vigia_dimension_new (VigiaDimensionKind  kind,
                     const char         *title)
{
  return g_object_new (VIGIA_TYPE_DIMENSION,
                       "kind", kind,
                       "title", title,
                       NULL);
}

/**
 * vigia_dimension_copy:
 *
 * Returns: (transfer full): a deep copy, goals and their progress included
 */
VigiaDimension *
vigia_dimension_copy (VigiaDimension *self)
{
  VigiaDimension *copy;
  guint n;

  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), NULL);

  copy = vigia_dimension_new (self->kind, self->title);
  copy->id = self->id;

  n = vigia_dimension_get_n_goals (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigiaGoal) goal_copy = vigia_goal_copy (vigia_dimension_get_goal (self, i));

      g_list_store_append (copy->goals, goal_copy);
    }

  return copy;
}

gint64
vigia_dimension_get_id (VigiaDimension *self)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), 0);
  return self->id;
}

void
vigia_dimension_set_id (VigiaDimension *self,
                        gint64          id)
{
  g_return_if_fail (VIGIA_IS_DIMENSION (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

VigiaDimensionKind
vigia_dimension_get_kind (VigiaDimension *self)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), VIGIA_DIMENSION_KIND_OTHER);
  return self->kind;
}

void
vigia_dimension_set_kind (VigiaDimension     *self,
                          VigiaDimensionKind  kind)
{
  g_return_if_fail (VIGIA_IS_DIMENSION (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * vigia_dimension_get_title:
 *
 * Returns: (nullable): the title as the plan writes it ("DIMENSIÓN SOCIAL")
 */
const char *
vigia_dimension_get_title (VigiaDimension *self)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), NULL);
  return self->title;
}

void
vigia_dimension_set_title (VigiaDimension *self,
                           const char     *title)
{
  g_return_if_fail (VIGIA_IS_DIMENSION (self));
  if (vigia_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * vigia_dimension_dup_name:
 *
 * The short name for a tab or a heading: the translated name of the kind for
 * the four standard dimensions, the plan's own title for any other.
 *
 * Returns: (transfer full): the name
 */
char *
vigia_dimension_dup_name (VigiaDimension *self)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), NULL);

  if (self->kind == VIGIA_DIMENSION_KIND_OTHER && !vigia_str_empty (self->title))
    return vigia_text_strip (self->title);
  return g_strdup (vigia_dimension_kind_get_label (self->kind));
}

/**
 * vigia_dimension_get_goals:
 *
 * Returns: (transfer none): the dimension's #VigiaGoal items, in order
 */
GListModel *
vigia_dimension_get_goals (VigiaDimension *self)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), NULL);
  return G_LIST_MODEL (self->goals);
}

guint
vigia_dimension_get_n_goals (VigiaDimension *self)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->goals));
}

/**
 * vigia_dimension_get_goal:
 *
 * Returns: (transfer none) (nullable): the goal at @position
 */
VigiaGoal *
vigia_dimension_get_goal (VigiaDimension *self,
                          guint           position)
{
  VigiaGoal *goal;

  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), NULL);

  goal = g_list_model_get_item (G_LIST_MODEL (self->goals), position);
  if (goal != NULL)
    g_object_unref (goal); /* the store keeps its reference */
  return goal;
}

void
vigia_dimension_insert_goal (VigiaDimension *self,
                             guint           position,
                             VigiaGoal      *goal)
{
  g_return_if_fail (VIGIA_IS_DIMENSION (self));
  g_return_if_fail (VIGIA_IS_GOAL (goal));

  position = MIN (position, vigia_dimension_get_n_goals (self));
  g_list_store_insert (self->goals, position, goal);
}

void
vigia_dimension_append_goal (VigiaDimension *self,
                             VigiaGoal      *goal)
{
  g_return_if_fail (VIGIA_IS_DIMENSION (self));
  g_return_if_fail (VIGIA_IS_GOAL (goal));

  g_list_store_append (self->goals, goal);
}

gboolean
vigia_dimension_remove_goal (VigiaDimension *self,
                             VigiaGoal      *goal,
                             guint          *position)
{
  guint found;

  g_return_val_if_fail (VIGIA_IS_DIMENSION (self), FALSE);

  if (!g_list_store_find (self->goals, goal, &found))
    return FALSE;
  if (position != NULL)
    *position = found;
  g_list_store_remove (self->goals, found);
  return TRUE;
}
