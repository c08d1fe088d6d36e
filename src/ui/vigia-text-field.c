/* vigia-text-field.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JNE's texts are the record: they are shown as written, capitals and
 * all, wrapped at the width there is, never squeezed into one line.  The
 * title labels the text view for screen readers.
 *
 * GTK 4.8's text view asks for the height of its text as last laid out,
 * and does not ask again once it has laid the text out at the width it was
 * given: a field made at one width kept the height of another, cutting its
 * last lines off.  So after each new width, and each change of the text,
 * the field lays the text out itself at the view's width and asks for that
 * height.
 */
#define G_LOG_DOMAIN "vigia-text-field"

#include "config.h"

#include "vigia-edit-binding.h"
#include "vigia-text-field.h"

struct _VigiaTextField
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkLabel    *title_label;
  GtkTextView *text_view;

  guint        check_source;
  /* The height last asked for the text view. */
  int          asked_height;
};

G_DEFINE_FINAL_TYPE (VigiaTextField, vigia_text_field, GTK_TYPE_WIDGET)

/* Two lines of text at least: room to see that it is a text to write in. */
#define MIN_HEIGHT 56

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
check_height_cb (gpointer user_data)
{
  VigiaTextField *self = user_data;
  GtkTextView *view = self->text_view;
  int width = gtk_widget_get_width (GTK_WIDGET (view)) -
              gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  int height = 0;
  int needed;

  self->check_source = 0;
  if (width <= 0)
    return G_SOURCE_REMOVE;

  /* Laid out here as the view lays it out: its font, its width, its wrap. */
  text = vigia_text_field_dup_text (self);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  needed = MAX (MIN_HEIGHT, height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view));

  /* Asked as the least height, which the text view's own stale answer
   * cannot shrink. */
  if (needed != self->asked_height)
    {
      self->asked_height = needed;
      gtk_widget_set_size_request (GTK_WIDGET (view), -1, needed);
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_check (VigiaTextField *self)
{
  if (self->check_source == 0)
    self->check_source = g_idle_add_full (G_PRIORITY_LOW, check_height_cb, self, NULL);
}

static void
buffer_changed_cb (VigiaTextField *self)
{
  schedule_check (self);
}

/* No layout manager: one would allocate without telling us the width. */
static void
vigia_text_field_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  VigiaTextField *self = VIGIA_TEXT_FIELD (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
vigia_text_field_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  VigiaTextField *self = VIGIA_TEXT_FIELD (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  schedule_check (self);
}

static gboolean
vigia_text_field_grab_focus (GtkWidget *widget)
{
  VigiaTextField *self = VIGIA_TEXT_FIELD (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
vigia_text_field_dispose (GObject *object)
{
  VigiaTextField *self = VIGIA_TEXT_FIELD (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), VIGIA_TYPE_TEXT_FIELD);
  g_clear_pointer (&self->box, gtk_widget_unparent);

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
  widget_class->measure = vigia_text_field_measure;
  widget_class->size_allocate = vigia_text_field_size_allocate;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-text-field.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, box);
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, text_view);
}

static void
vigia_text_field_init (VigiaTextField *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
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
