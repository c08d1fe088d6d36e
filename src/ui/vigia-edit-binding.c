/* vigia-edit-binding.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeps an entry or a text view and a string property of the plan, one of
 * its dimensions or goals in step: what the user types goes to the undo
 * stack, which saves it once typing pauses; what the object says after an
 * undo or redo goes back into the widget.  Leaving the widget ends the undo
 * step.  The widget's own undo is turned off, so that Ctrl+Z always reverts
 * saved changes of the plan, in order.
 *
 * The binding lives as long as the widget: it is kept as the widget's data.
 * A plan of a read-only library is shown in widgets that cannot be edited,
 * whose text can still be selected and copied.
 */
#define G_LOG_DOMAIN "vigia-edit-binding"

#include "config.h"

#include "vigia-edit-binding.h"

struct _VigiaEditBinding
{
  GObject         parent_instance;

  /* Exactly one of the two; both owned by the widget, which owns us. */
  GtkEditable    *editable;
  GtkTextBuffer  *buffer;

  VigiaUndoStack *undo_stack;
  GObject        *object;
  char           *property;

  gulong          changed_handler;
};

G_DEFINE_FINAL_TYPE (VigiaEditBinding, vigia_edit_binding, G_TYPE_OBJECT)

#define BINDING_KEY "vigia-edit-binding"

static char *
dup_widget_text (VigiaEditBinding *self)
{
  GtkTextIter start;
  GtkTextIter end;

  if (self->editable != NULL)
    return g_strdup (gtk_editable_get_text (self->editable));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

/* Shows the object's value, unless the widget already says it: rewriting
 * the same text would move the cursor under the user's fingers. */
static void
show_value (VigiaEditBinding *self)
{
  g_autofree char *value = NULL;
  g_autofree char *shown = dup_widget_text (self);
  GObject *source = self->editable != NULL ? G_OBJECT (self->editable) : G_OBJECT (self->buffer);

  g_object_get (self->object, self->property, &value, NULL);
  if (g_strcmp0 (value != NULL ? value : "", shown) == 0)
    return;

  g_signal_handler_block (source, self->changed_handler);
  if (self->editable != NULL)
    gtk_editable_set_text (self->editable, value != NULL ? value : "");
  else
    gtk_text_buffer_set_text (self->buffer, value != NULL ? value : "", -1);
  g_signal_handler_unblock (source, self->changed_handler);
}

static void
widget_changed_cb (VigiaEditBinding *self)
{
  g_autofree char *text = dup_widget_text (self);

  vigia_undo_stack_set_string_later (self->undo_stack, self->object, self->property,
                                     *text != '\0' ? text : NULL);
}

static void
object_notify_cb (VigiaEditBinding *self)
{
  show_value (self);
}

static void
focus_leave_cb (VigiaEditBinding *self)
{
  vigia_undo_stack_seal (self->undo_stack);
}

static void
vigia_edit_binding_finalize (GObject *object)
{
  VigiaEditBinding *self = (VigiaEditBinding *)object;

  g_clear_object (&self->undo_stack);
  g_clear_object (&self->object);
  g_clear_pointer (&self->property, g_free);

  G_OBJECT_CLASS (vigia_edit_binding_parent_class)->finalize (object);
}

static void
vigia_edit_binding_class_init (VigiaEditBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigia_edit_binding_finalize;
}

static void
vigia_edit_binding_init (VigiaEditBinding *self)
{
}

static void
bind (VigiaEditBinding *self,
      GtkWidget        *widget,
      GObject          *source,
      VigiaUndoStack   *undo_stack,
      GObject          *object,
      const char       *property)
{
  g_autofree char *detailed = g_strconcat ("notify::", property, NULL);
  GtkEventController *focus;

  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property) != NULL);

  self->undo_stack = g_object_ref (undo_stack);
  self->object = g_object_ref (object);
  self->property = g_strdup (property);

  self->changed_handler = g_signal_connect_object (source, "changed", G_CALLBACK (widget_changed_cb),
                                                   self, G_CONNECT_SWAPPED);
  g_signal_connect_object (object, detailed, G_CALLBACK (object_notify_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);

  show_value (self);

  /* Replaces any earlier binding of the same widget. */
  g_object_set_data_full (G_OBJECT (widget), BINDING_KEY, self, g_object_unref);
}

/**
 * vigia_edit_binding_bind_editable:
 * @editable: an entry or an #AdwEntryRow
 * @object: the plan of @undo_stack, or one of its dimensions or goals
 * @property: a string property of @object
 */
void
vigia_edit_binding_bind_editable (GtkEditable    *editable,
                                  VigiaUndoStack *undo_stack,
                                  GObject        *object,
                                  const char     *property)
{
  VigiaEditBinding *self;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (VIGIA_IS_UNDO_STACK (undo_stack));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  g_object_set_data (G_OBJECT (editable), BINDING_KEY, NULL);
  gtk_editable_set_enable_undo (editable, FALSE);

  gtk_editable_set_editable (editable, !vigia_undo_stack_is_read_only (undo_stack));

  self = g_object_new (VIGIA_TYPE_EDIT_BINDING, NULL);
  self->editable = editable;
  bind (self, GTK_WIDGET (editable), G_OBJECT (editable), undo_stack, object, property);
}

/**
 * vigia_edit_binding_bind_text_view:
 * @object: the plan of @undo_stack, or one of its dimensions or goals
 * @property: a string property of @object
 */
void
vigia_edit_binding_bind_text_view (GtkTextView    *text_view,
                                   VigiaUndoStack *undo_stack,
                                   GObject        *object,
                                   const char     *property)
{
  VigiaEditBinding *self;

  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));
  g_return_if_fail (VIGIA_IS_UNDO_STACK (undo_stack));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  g_object_set_data (G_OBJECT (text_view), BINDING_KEY, NULL);

  gtk_text_view_set_editable (text_view, !vigia_undo_stack_is_read_only (undo_stack));
  gtk_text_view_set_cursor_visible (text_view, !vigia_undo_stack_is_read_only (undo_stack));

  self = g_object_new (VIGIA_TYPE_EDIT_BINDING, NULL);
  self->buffer = gtk_text_view_get_buffer (text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  bind (self, GTK_WIDGET (text_view), G_OBJECT (self->buffer), undo_stack, object, property);
}

/**
 * vigia_edit_binding_unbind:
 *
 * Ends the binding of @widget, if it has one; the text stays.
 */
void
vigia_edit_binding_unbind (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_object_set_data (G_OBJECT (widget), BINDING_KEY, NULL);
}
