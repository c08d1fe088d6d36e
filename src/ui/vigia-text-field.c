/* vigia-text-field.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JNE's texts are the record: they are shown as written, capitals and
 * all, wrapped at the width there is, never squeezed into one line.  The
 * title labels the text view for screen readers.
 */
#define G_LOG_DOMAIN "vigia-text-field"

#include "config.h"

#include "vigia-edit-binding.h"
#include "vigia-text-field.h"

struct _VigiaTextField
{
  GtkWidget    parent_instance;

  GtkLabel    *title_label;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (VigiaTextField, vigia_text_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
vigia_text_field_grab_focus (GtkWidget *widget)
{
  VigiaTextField *self = VIGIA_TEXT_FIELD (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
vigia_text_field_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), VIGIA_TYPE_TEXT_FIELD);
  /* Children of the template without an id are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vigia_text_field_parent_class)->dispose (object);
}

static void
vigia_text_field_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigiaTextField *self = VIGIA_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, vigia_text_field_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_text_field_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigiaTextField *self = VIGIA_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      vigia_text_field_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_text_field_class_init (VigiaTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_text_field_dispose;
  object_class->get_property = vigia_text_field_get_property;
  object_class->set_property = vigia_text_field_set_property;

  widget_class->grab_focus = vigia_text_field_grab_focus;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-text-field.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, text_view);
}

static void
vigia_text_field_init (VigiaTextField *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vigia_text_field_new (const char *title)
{
  return g_object_new (VIGIA_TYPE_TEXT_FIELD, "title", title, NULL);
}

const char *
vigia_text_field_get_title (VigiaTextField *self)
{
  g_return_val_if_fail (VIGIA_IS_TEXT_FIELD (self), NULL);
  return gtk_label_get_label (self->title_label);
}

/**
 * vigia_text_field_set_title:
 * @title: (nullable): the title above the text; %NULL or empty hides it,
 *   for a field whose group already names it
 */
void
vigia_text_field_set_title (VigiaTextField *self,
                            const char     *title)
{
  g_return_if_fail (VIGIA_IS_TEXT_FIELD (self));

  if (g_strcmp0 (title, vigia_text_field_get_title (self)) == 0)
    return;

  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GtkTextView *
vigia_text_field_get_text_view (VigiaTextField *self)
{
  g_return_val_if_fail (VIGIA_IS_TEXT_FIELD (self), NULL);
  return self->text_view;
}

char *
vigia_text_field_dup_text (VigiaTextField *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (VIGIA_IS_TEXT_FIELD (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * vigia_text_field_bind:
 *
 * Shows @object's @property and saves what is typed through @stack.
 */
void
vigia_text_field_bind (VigiaTextField *self,
                       VigiaUndoStack *stack,
                       GObject        *object,
                       const char     *property)
{
  g_return_if_fail (VIGIA_IS_TEXT_FIELD (self));

  vigia_edit_binding_bind_text_view (self->text_view, stack, object, property);
}
