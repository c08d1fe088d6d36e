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
 * and does not ask again after laying it out at a new width: a goal opened
 * for editing in a narrow window cut its objective's last lines off.  So
 * the field lays the text out itself for the width it is offered, and asks
 * for that height; the frame takes it.
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
  GtkFrame    *frame;
  GtkTextView *text_view;
  GtkLabel    *placeholder_label;
};

G_DEFINE_FINAL_TYPE (VigiaTextField, vigia_text_field, GTK_TYPE_WIDGET)

/* Two lines of text at least: room to see that it is a text to write in. */
#define MIN_HEIGHT 56

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The height the text needs at @width, laid out as the view lays it out:
 * its font, its wrap, the width left by the frame and the view's margins. */
static int
text_height_for_width (VigiaTextField *self,
                       int             width)
{
  GtkTextView *view = self->text_view;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = vigia_text_field_dup_text (self);
  int frame_width = 0;
  int view_width = 0;
  int text_width;
  int height = 0;

  gtk_widget_measure (GTK_WIDGET (self->frame), GTK_ORIENTATION_HORIZONTAL, -1, &frame_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &view_width, NULL, NULL, NULL);
  text_width = width - (frame_width - view_width) - gtk_text_view_get_left_margin (view) -
               gtk_text_view_get_right_margin (view);
  if (text_width <= 0)
    return MIN_HEIGHT;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  pango_layout_set_width (layout, text_width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (MIN_HEIGHT, height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view));
}

/* What to write shows while nothing is written, where it can be written. */
static void
update_placeholder (VigiaTextField *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label),
                          gtk_text_buffer_get_char_count (buffer) == 0 &&
                          gtk_text_view_get_editable (self->text_view) &&
                          *gtk_label_get_text (self->placeholder_label) != '\0');
}

static void
buffer_changed_cb (VigiaTextField *self)
{
  update_placeholder (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Asks, for a given width, for the height the text needs there, whatever
 * the text view says; the frame takes the extra height. */
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

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > 0)
    {
      int view_height = 0;
      int extra;

      gtk_widget_measure (GTK_WIDGET (self->text_view), GTK_ORIENTATION_VERTICAL, -1,
                          &view_height, NULL, NULL, NULL);
      extra = text_height_for_width (self, for_size) - view_height;
      if (extra > 0)
        {
          *minimum += extra;
          *natural += extra;
        }
    }
}

static GtkSizeRequestMode
vigia_text_field_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
vigia_text_field_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  VigiaTextField *self = VIGIA_TEXT_FIELD (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
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
    case PROP_PLACEHOLDER:
      g_value_set_string (value, gtk_label_get_text (self->placeholder_label));
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
    case PROP_PLACEHOLDER:
      vigia_text_field_set_placeholder (self, g_value_get_string (value));
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
  widget_class->get_request_mode = vigia_text_field_get_request_mode;
  widget_class->size_allocate = vigia_text_field_size_allocate;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] = g_param_spec_string ("placeholder", NULL, NULL, NULL,
                                                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-text-field.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, box);
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, frame);
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, text_view);
  gtk_widget_class_bind_template_child (widget_class, VigiaTextField, placeholder_label);
}

static void
vigia_text_field_init (VigiaTextField *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "notify::editable", G_CALLBACK (update_placeholder), self,
                           G_CONNECT_SWAPPED);
}

/**
 * vigia_text_field_set_placeholder:
 * @placeholder: (nullable): what to write in the field, shown while it is
 *   empty, and told to screen readers
 */
void
vigia_text_field_set_placeholder (VigiaTextField *self,
                                  const char     *placeholder)
{
  g_return_if_fail (VIGIA_IS_TEXT_FIELD (self));

  gtk_label_set_text (self->placeholder_label, placeholder != NULL ? placeholder : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  placeholder != NULL ? placeholder : "", -1);
  update_placeholder (self);
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
  /* The title is the text view's mnemonic label, which names it for screen
   * readers; a label of its own as well had them say it twice. */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
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
 * Shows @object's @property and saves what is typed through @undo_stack.
 */
void
vigia_text_field_bind (VigiaTextField *self,
                       VigiaUndoStack *undo_stack,
                       GObject        *object,
                       const char     *property)
{
  g_return_if_fail (VIGIA_IS_TEXT_FIELD (self));

  vigia_edit_binding_bind_text_view (self->text_view, undo_stack, object, property);
}
