/* vigia-optional-label.c: a label shown only where it fits whole
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A secondary label in a row of widgets, such as "Goal 2" beside a goal's
 * number: it asks for no width, so its neighbours get theirs first, and
 * shows its text when the width left to it holds the text whole; otherwise
 * it shows nothing rather than an ellipsis.  Style classes given to it
 * (caption-heading, dim-label) reach the text.
 */
#define G_LOG_DOMAIN "vigia-optional-label"

#include "config.h"

#include "vigia-optional-label-private.h"

struct _VigiaOptionalLabel
{
  GtkWidget  parent_instance;

  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (VigiaOptionalLabel, vigia_optional_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
vigia_optional_label_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  VigiaOptionalLabel *self = VIGIA_OPTIONAL_LABEL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  gtk_widget_measure (self->label, orientation, -1, minimum, natural, minimum_baseline, natural_baseline);
}

static void
vigia_optional_label_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  VigiaOptionalLabel *self = VIGIA_OPTIONAL_LABEL (widget);
  int needed = 0;

  gtk_widget_measure (self->label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &needed, NULL, NULL);
  gtk_widget_set_child_visible (self->label, needed <= width);
  if (needed <= width)
    gtk_widget_allocate (self->label, width, height, baseline, NULL);
}

static void
vigia_optional_label_dispose (GObject *object)
{
  VigiaOptionalLabel *self = VIGIA_OPTIONAL_LABEL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (vigia_optional_label_parent_class)->dispose (object);
}

static void
vigia_optional_label_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigiaOptionalLabel *self = VIGIA_OPTIONAL_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, vigia_optional_label_get_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_optional_label_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigiaOptionalLabel *self = VIGIA_OPTIONAL_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      vigia_optional_label_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_optional_label_class_init (VigiaOptionalLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_optional_label_dispose;
  object_class->get_property = vigia_optional_label_get_property;
  object_class->set_property = vigia_optional_label_set_property;

  widget_class->measure = vigia_optional_label_measure;
  widget_class->size_allocate = vigia_optional_label_size_allocate;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigia_optional_label_init (VigiaOptionalLabel *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
vigia_optional_label_new (const char *label)
{
  return g_object_new (VIGIA_TYPE_OPTIONAL_LABEL, "label", label, NULL);
}

const char *
vigia_optional_label_get_label (VigiaOptionalLabel *self)
{
  g_return_val_if_fail (VIGIA_IS_OPTIONAL_LABEL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}

void
vigia_optional_label_set_label (VigiaOptionalLabel *self,
                                const char         *label)
{
  g_return_if_fail (VIGIA_IS_OPTIONAL_LABEL (self));

  if (g_strcmp0 (label, vigia_optional_label_get_label (self)) == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->label), label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * vigia_optional_label_get_shown:
 *
 * Returns: whether the text had room the last time the label was laid out
 */
gboolean
vigia_optional_label_get_shown (VigiaOptionalLabel *self)
{
  g_return_val_if_fail (VIGIA_IS_OPTIONAL_LABEL (self), FALSE);

  return gtk_widget_get_child_visible (self->label) &&
         gtk_widget_get_width (self->label) > 0;
}
