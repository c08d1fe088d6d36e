/* vigia-plan-editor.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the plan of a VigiaUndoStack: a General tab, and a tab per dimension
 * in the plan's own order, kept in step with the plan's list of dimensions
 * (adding, removing and undoing both change it).  There is no Save: every
 * edit is saved by the undo stack as it happens.  Destructive edits ask once and
 * then offer Undo in a toast.
 */
#define G_LOG_DOMAIN "vigia-plan-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-plan-editor-private.h"
#include "vigia-progress-page.h"

struct _VigiaPlanEditor
{
  GtkWidget             parent_instance;

  AdwHeaderBar         *header_bar;
  GtkButton            *back_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel             *plan_caption;
  GtkRevealer          *read_only_revealer;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  VigiaGeneralPage     *general_page;
  AdwViewSwitcherBar   *switcher_bar;
  /* Last of the tabs, after the dimensions: kept while they are rebuilt. */
  VigiaProgressPage    *progress_page;

  VigiaUndoStack       *undo_stack;
  VigiaPlan            *plan;
  /* The handlers on the plan shown and on its list of dimensions. */
  GSignalGroup         *plan_signals;
  GSignalGroup         *dimensions_signals;
  /* VigiaDimensionPage, in the order of the plan's dimensions */
  GPtrArray            *dimension_pages;
  gboolean              folded;
};

typedef struct
{
  VigiaPlanEditor *editor;
  GObject         *object;
} Pending;

G_DEFINE_FINAL_TYPE (VigiaPlanEditor, vigia_plan_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UNDO_STACK,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_title (VigiaPlanEditor *self)
{
  const char *organization = vigia_plan_get_organization (self->plan);
  g_autofree char *place = vigia_plan_dup_place_label (self->plan);
  g_autofree char *term = vigia_plan_dup_term_label (self->plan);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", place, term);

  adw_view_switcher_title_set_title (self->switcher_title,
                                     !vigia_str_empty (organization) ? organization :
                                     _("Untitled Plan"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  {
    g_autofree char *caption = g_strdup_printf ("%s · %s", !vigia_str_empty (organization) ? organization :
                                                _("Untitled Plan"), subtitle);

    gtk_label_set_text (self->plan_caption, caption);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_caption), caption);
  }
}

static void
plan_notify_cb (VigiaPlanEditor *self)
{
  update_title (self);
}

static void
update_page_title (VigiaPlanEditor    *self,
                   VigiaDimensionPage *page)
{
  AdwViewStackPage *stack_page = adw_view_stack_get_page (self->view_stack, GTK_WIDGET (page));
  g_autofree char *name = vigia_dimension_dup_name (vigia_dimension_page_get_dimension (page));

  adw_view_stack_page_set_title (stack_page, name);
}

static void
dimension_notify_cb (VigiaDimensionPage *page)
{
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (page), VIGIA_TYPE_PLAN_EDITOR);

  if (editor != NULL)
    update_page_title (VIGIA_PLAN_EDITOR (editor), page);
}

static void
remove_progress_page (VigiaPlanEditor *self)
{
  if (adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->progress_page)) != NULL)
    adw_view_stack_remove (self->view_stack, GTK_WIDGET (self->progress_page));
}

static void
clear_dimension_pages (VigiaPlanEditor *self)
{
  for (guint i = 0; i < self->dimension_pages->len; i++)
    adw_view_stack_remove (self->view_stack, g_ptr_array_index (self->dimension_pages, i));
  g_ptr_array_set_size (self->dimension_pages, 0);
  remove_progress_page (self);
}

/* Makes a tab per dimension, keeping the tab that was shown if its
 * dimension is still there.  The tabs there are show the dimensions in
 * order, this plan's or another's: libadwaita makes all the buttons of its
 * view switchers again at every page added or removed, which was two
 * thirds of the time taken to open a plan. */
static void
rebuild_dimension_pages (VigiaPlanEditor *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  gboolean progress_shown = visible == GTK_WIDGET (self->progress_page);
  g_autoptr(VigiaDimension) shown = NULL;
  guint n, kept;

  if (VIGIA_IS_DIMENSION_PAGE (visible))
    shown = g_object_ref (vigia_dimension_page_get_dimension (VIGIA_DIMENSION_PAGE (visible)));

  if (self->plan == NULL)
    {
      clear_dimension_pages (self);
      return;
    }

  n = vigia_plan_get_n_dimensions (self->plan);
  while (self->dimension_pages->len > n)
    {
      adw_view_stack_remove (self->view_stack, g_ptr_array_index (self->dimension_pages,
                                                                  self->dimension_pages->len - 1));
      g_ptr_array_set_size (self->dimension_pages, self->dimension_pages->len - 1);
    }
  kept = self->dimension_pages->len;
  /* New tabs go before Progress, which is always the last. */
  if (n > kept)
    remove_progress_page (self);

  for (guint i = 0; i < n; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (self->plan, i);
      VigiaDimensionPage *page;

      if (i < kept)
        {
          page = g_ptr_array_index (self->dimension_pages, i);
          g_signal_handlers_disconnect_by_func (vigia_dimension_page_get_dimension (page),
                                                dimension_notify_cb, page);
          vigia_dimension_page_set_dimension (page, self->undo_stack, dim);
          update_page_title (self, page);
          adw_view_stack_page_set_icon_name (adw_view_stack_get_page (self->view_stack, GTK_WIDGET (page)),
                                             vigia_dimension_page_get_icon_name (page));
        }
      else
        {
          g_autofree char *page_name = g_strdup_printf ("dimension-%u", i);
          g_autofree char *title = vigia_dimension_dup_name (dim);

          page = VIGIA_DIMENSION_PAGE (vigia_dimension_page_new (self->undo_stack, dim));
          adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (page), page_name, title,
                                               vigia_dimension_page_get_icon_name (page));
          g_ptr_array_add (self->dimension_pages, page);
        }
      g_signal_connect_object (dim, "notify::title", G_CALLBACK (dimension_notify_cb), page,
                               G_CONNECT_SWAPPED);

      if (dim == shown)
        adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (page));
    }

  if (adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->progress_page)) == NULL)
    adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->progress_page), "progress",
                                         _("Progress"), "x-office-presentation-symbolic");
  if (progress_shown)
    adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->progress_page));
}

static void
dimensions_changed_cb (VigiaPlanEditor *self)
{
  rebuild_dimension_pages (self);
}

static void
show_error_message (VigiaPlanEditor *self,
                    const char      *message)
{
  GtkWidget *dialog;

  g_warning ("Could not save: %s", message);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("The Change Could Not Be Saved"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (VigiaPlanEditor *self,
           AdwToast        *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

/* Offers to undo the step just done, which must be the newest of the
 * undo stack; @title says what was done, in plain text. */
static void
toast_undo (VigiaPlanEditor *self,
            const char      *title)
{
  g_autofree char *escaped = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (self->undo_stack == NULL)
    return;

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);

  /* Toast titles are markup (libadwaita 1.2): the plan's own words are escaped. */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-step");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (vigia_undo_stack_get_serial (self->undo_stack)));
  add_toast (self, toast);
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->editor);
  g_clear_object (&pending->object);
  g_free (pending);
}

static Pending *
pending_new (VigiaPlanEditor *self,
             gpointer         object)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->editor = g_object_ref (self);
  pending->object = g_object_ref (object);
  return pending;
}

static AdwMessageDialog *
confirm_dialog (VigiaPlanEditor *self,
                const char      *heading,
                const char      *body,
                const char      *response,
                const char      *label)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
delete_goal_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Pending          *pending)
{
  VigiaPlanEditor *self = pending->editor;
  VigiaGoal *goal = VIGIA_GOAL (pending->object);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint number = vigia_goal_get_number (goal);

  if (self->undo_stack == NULL || !vigia_undo_stack_delete_goal (self->undo_stack, goal, &error))
    {
      if (error != NULL)
        vigia_plan_editor_show_error (self, error);
      return;
    }

  /* Translators: a toast after deleting a goal, with an Undo button */
  title = g_strdup_printf (_("Goal %u deleted"), number);
  toast_undo (self, title);
}

/* Asks once, then deletes @goal with its progress and offers to undo. */
static void
delete_goal (VigiaPlanEditor *self,
             VigiaGoal       *goal)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  guint n_entries;
  const char *body;

  n_entries = 0;
  for (guint i = 0; i < vigia_goal_get_n_targets (goal); i++)
    n_entries += g_list_model_get_n_items (vigia_target_get_progress (vigia_goal_get_target (goal, i)));
  heading = g_strdup_printf (_("Delete Goal %u?"), vigia_goal_get_number (goal));
  body = n_entries > 0 ? _("The goal and its progress entries will be deleted.")
                       : _("The goal will be deleted.");
  dialog = confirm_dialog (self, heading, body, "delete", _("_Delete"));
  g_signal_connect_data (dialog, "response::delete", G_CALLBACK (delete_goal_response_cb),
                         pending_new (self, goal), (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_dimension_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              Pending          *pending)
{
  VigiaPlanEditor *self = pending->editor;
  VigiaDimension *dimension = VIGIA_DIMENSION (pending->object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = vigia_dimension_dup_name (dimension);
  g_autofree char *title = NULL;

  if (self->undo_stack == NULL || !vigia_undo_stack_delete_dimension (self->undo_stack, dimension, &error))
    {
      if (error != NULL)
        vigia_plan_editor_show_error (self, error);
      return;
    }

  /* Translators: a toast after removing a dimension, with an Undo button */
  title = g_strdup_printf (_("Dimension “%s” removed"), name);
  toast_undo (self, title);
}

/* Asks once, then removes @dimension with its goals and offers to undo. */
static void
remove_dimension (VigiaPlanEditor *self,
                  VigiaDimension  *dimension)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_goals;

  name = vigia_dimension_dup_name (dimension);
  n_goals = vigia_dimension_get_n_goals (dimension);
  heading = g_strdup_printf (_("Remove Dimension “%s”?"), name);
  body = g_strdup_printf (ngettext ("Its %u goal and the goal’s progress will be deleted.",
                                    "Its %u goals and their progress will be deleted.", n_goals),
                          n_goals);
  dialog = confirm_dialog (self, heading, n_goals > 0 ? body : NULL, "remove", _("_Remove"));
  g_signal_connect_data (dialog, "response::remove", G_CALLBACK (remove_dimension_response_cb),
                         pending_new (self, dimension), (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A dialog that asks for a dimension's title, as the plan writes it. */
static AdwMessageDialog *
title_dialog (VigiaPlanEditor *self,
              const char      *heading,
              const char      *title,
              const char      *response,
              const char      *label,
              GtkEntry       **entry_out)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, _("The title as the plan writes it.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_editable_set_text (GTK_EDITABLE (entry), title != NULL ? title : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  *entry_out = GTK_ENTRY (entry);
  return dialog;
}

static char *
dup_entry_title (AdwMessageDialog *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  return vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Pending          *pending)
{
  VigiaPlanEditor *self = pending->editor;
  g_autofree char *title = dup_entry_title (dialog);
  g_autoptr(GError) error = NULL;

  if (self->undo_stack == NULL || vigia_str_empty (title))
    return;
  if (!vigia_undo_stack_set_string (self->undo_stack, pending->object, "title", title, &error))
    vigia_plan_editor_show_error (self, error);
}

static void
rename_dimension (VigiaPlanEditor *self,
                  VigiaDimension  *dimension)
{
  AdwMessageDialog *dialog;
  GtkEntry *entry;

  dialog = title_dialog (self, _("Rename Dimension"), vigia_dimension_get_title (dimension),
                         "rename", _("_Rename"), &entry);
  g_signal_connect_data (dialog, "response::rename", G_CALLBACK (rename_response_cb),
                         pending_new (self, dimension), (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_dimension_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           Pending          *pending)
{
  VigiaPlanEditor *self = pending->editor;
  g_autofree char *title = dup_entry_title (dialog);
  g_autoptr(VigiaDimension) dimension = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (self->undo_stack == NULL || vigia_str_empty (title))
    return;

  dimension = vigia_dimension_new (VIGIA_DIMENSION_KIND_OTHER, title);
  position = vigia_plan_get_n_dimensions (self->plan);
  if (!vigia_undo_stack_add_dimension (self->undo_stack, position, dimension, &error))
    {
      vigia_plan_editor_show_error (self, error);
      return;
    }

  if (position < self->dimension_pages->len)
    adw_view_stack_set_visible_child (self->view_stack, g_ptr_array_index (self->dimension_pages, position));
}

/* Asks for a title and adds a dimension of that title at the end of the
 * plan (the JNE's forms have four; some plans add "propuestas adicionales"). */
static void
add_dimension (VigiaPlanEditor *self)
{
  AdwMessageDialog *dialog;
  GtkEntry *entry;

  if (self->undo_stack == NULL)
    return;

  dialog = title_dialog (self, _("Add Dimension"), NULL, "add", _("_Add"), &entry);
  g_signal_connect_data (dialog, "response::add", G_CALLBACK (add_dimension_response_cb),
                         pending_new (self, self->plan), (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows the Progress tab with @goal's own page: its trajectory, its
 * entries and its history. */
static void
show_goal_progress (VigiaPlanEditor *self,
                    VigiaGoal       *goal)
{
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->progress_page));
  vigia_progress_page_show_goal (self->progress_page, goal);
}

static void
add_dimension_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  add_dimension (VIGIA_PLAN_EDITOR (widget));
}

/* The pages ask for what is the editor's to do through these actions, a
 * dimension named by its position in the plan, a goal by its uuid: they
 * need not know the editor. */
static void
dimension_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigiaPlanEditor *self = VIGIA_PLAN_EDITOR (widget);
  guint position = g_variant_get_uint32 (parameter);
  VigiaDimension *dimension;

  if (self->plan == NULL || position >= vigia_plan_get_n_dimensions (self->plan))
    return;

  dimension = vigia_plan_get_dimension (self->plan, position);
  if (g_str_equal (action_name, "editor.rename-dimension"))
    rename_dimension (self, dimension);
  else
    remove_dimension (self, dimension);
}

static void
goal_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigiaPlanEditor *self = VIGIA_PLAN_EDITOR (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  VigiaGoal *goal = NULL;

  if (self->plan == NULL || vigia_plan_find_goal (self->plan, uuid, &goal) == NULL)
    return;

  if (g_str_equal (action_name, "editor.delete-goal"))
    delete_goal (self, goal);
  else
    show_goal_progress (self, goal);
}

static void
toast_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  toast_undo (VIGIA_PLAN_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

static void
show_error_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_error_message (VIGIA_PLAN_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

/* The tabs shown, in order: the General tab, the dimensions, Progress. */
static GPtrArray *
dup_shown_pages (VigiaPlanEditor *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_view_stack_page_get_visible (page))
        g_ptr_array_add (shown, adw_view_stack_page_get_child (page));
    }
  return shown;
}

/* The first scrolled view in @widget, depth first: a tab's own. */
static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
scroll_pages_to_top (VigiaPlanEditor *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkScrolledWindow *scroller = find_scroller (adw_view_stack_page_get_child (page));

      if (scroller != NULL)
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
        }
    }
}

/* Ctrl+Page Up and Down go to the tab before and after, Alt+1…9 to the
 * N-th; the keyboard goes into the tab shown. */
static void
switch_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigiaPlanEditor *self = VIGIA_PLAN_EDITOR (widget);
  g_autoptr(GPtrArray) shown = dup_shown_pages (self);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  guint current = 0;
  guint next;
  GtkWidget *child;

  if (self->plan == NULL || shown->len == 0)
    return;
  g_ptr_array_find (shown, visible, &current);
  if (g_str_equal (action_name, "editor.show-page"))
    next = g_variant_get_uint32 (parameter);
  else if (g_str_equal (action_name, "editor.next-page"))
    next = current + 1;
  else
    next = current > 0 ? current - 1 : G_MAXUINT;
  if (next >= shown->len || next == current)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  child = g_ptr_array_index (shown, next);
  adw_view_stack_set_visible_child (self->view_stack, child);
  gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
vigia_plan_editor_dispose (GObject *object)
{
  VigiaPlanEditor *self = (VigiaPlanEditor *)object;
  GtkWidget *child;

  vigia_plan_editor_set_undo_stack (self, NULL);
  g_clear_object (&self->progress_page);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PLAN_EDITOR);
  /* Children of the template without an id are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->dimension_pages, g_ptr_array_unref);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->dimensions_signals);

  G_OBJECT_CLASS (vigia_plan_editor_parent_class)->dispose (object);
}

static void
vigia_plan_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigiaPlanEditor *self = VIGIA_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigiaPlanEditor *self = VIGIA_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_UNDO_STACK:
      vigia_plan_editor_set_undo_stack (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          /* Folded, the editor is the whole window: it needs the way back
           * and the window's start buttons. */
          self->folded = g_value_get_boolean (value);
          gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->folded);
          adw_header_bar_set_show_start_title_buttons (self->header_bar, self->folded);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_plan_editor_class_init (VigiaPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_plan_editor_dispose;
  object_class->get_property = vigia_plan_editor_get_property;
  object_class->set_property = vigia_plan_editor_set_property;

  properties[PROP_UNDO_STACK] = g_param_spec_object ("undo-stack", NULL, NULL, VIGIA_TYPE_UNDO_STACK,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIA_TYPE_GENERAL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, plan_caption);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, general_page);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlanEditor, switcher_bar);

  gtk_widget_class_install_action (widget_class, "editor.add-dimension", NULL, add_dimension_action);
  gtk_widget_class_install_action (widget_class, "editor.rename-dimension", "u", dimension_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-dimension", "u", dimension_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-goal", "s", goal_action);
  gtk_widget_class_install_action (widget_class, "editor.show-goal-progress", "s", goal_action);
  gtk_widget_class_install_action (widget_class, "editor.toast-undo", "s", toast_undo_action);
  gtk_widget_class_install_action (widget_class, "editor.show-error", "s", show_error_action);
  gtk_widget_class_install_action (widget_class, "editor.previous-page", NULL, switch_page_action);
  gtk_widget_class_install_action (widget_class, "editor.next-page", NULL, switch_page_action);
  gtk_widget_class_install_action (widget_class, "editor.show-page", "u", switch_page_action);
}

/* Twice: caught before the focused widget sees them where the keyboard is
 * in the editor (a text view would take Ctrl+Page Up and Down for itself),
 * and for the whole window where it is elsewhere, in the list of plans. */
static void
add_page_shortcuts (VigiaPlanEditor   *self,
                    GtkShortcutScope   scope)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), scope);
  if (scope == GTK_SHORTCUT_SCOPE_LOCAL)
    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("editor.previous-page")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("editor.next-page")));
  for (guint i = 0; i < 9; i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK),
                                                gtk_named_action_new ("editor.show-page"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (i));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
vigia_plan_editor_init (VigiaPlanEditor *self)
{
  self->dimension_pages = g_ptr_array_new ();
  self->plan_signals = g_signal_group_new (VIGIA_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify", G_CALLBACK (plan_notify_cb), self);
  self->dimensions_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->dimensions_signals, "items-changed",
                                  G_CALLBACK (dimensions_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_page_shortcuts (self, GTK_SHORTCUT_SCOPE_LOCAL);
  add_page_shortcuts (self, GTK_SHORTCUT_SCOPE_GLOBAL);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, FALSE);
  self->progress_page = g_object_ref_sink (g_object_new (VIGIA_TYPE_PROGRESS_PAGE, NULL));
}

VigiaUndoStack *
vigia_plan_editor_get_undo_stack (VigiaPlanEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_EDITOR (self), NULL);
  return self->undo_stack;
}

/* A plan of a read-only library is shown, never changed: a banner says so,
 * and the style class hides the entries' pencils. */
static void
update_read_only (VigiaPlanEditor *self)
{
  gboolean read_only = self->undo_stack != NULL && vigia_undo_stack_is_read_only (self->undo_stack);

  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
  if (read_only)
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-dimension", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.rename-dimension", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-dimension", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-goal", !read_only);
}

/**
 * vigia_plan_editor_set_undo_stack:
 * @undo_stack: (nullable): the undo stack of the plan to show, or %NULL for none
 *
 * Shows the plan of @undo_stack, starting on the General tab.  Typing still
 * waiting to be saved in the plan shown before is saved first.
 */
void
vigia_plan_editor_set_undo_stack (VigiaPlanEditor *self,
                                  VigiaUndoStack  *undo_stack)
{
  gint64 previous;

  g_return_if_fail (VIGIA_IS_PLAN_EDITOR (self));
  g_return_if_fail (undo_stack == NULL || VIGIA_IS_UNDO_STACK (undo_stack));

  if (self->undo_stack == undo_stack)
    return;

  if (self->undo_stack != NULL)
    vigia_plan_editor_flush (self);
  previous = self->plan != NULL ? vigia_plan_get_id (self->plan) : 0;
  /* The dimension tabs stay, for the next plan's dimensions. */
  if (undo_stack == NULL)
    clear_dimension_pages (self);
  g_clear_object (&self->plan);
  g_set_object (&self->undo_stack, undo_stack);
  if (undo_stack != NULL)
    self->plan = g_object_ref (vigia_undo_stack_get_plan (undo_stack));
  g_signal_group_set_target (self->plan_signals, self->plan);
  g_signal_group_set_target (self->dimensions_signals,
                             self->plan != NULL ? vigia_plan_get_dimensions (self->plan) : NULL);
  vigia_progress_page_set_undo_stack (self->progress_page, undo_stack);
  if (undo_stack == NULL)
    vigia_general_page_set_undo_stack (self->general_page, NULL);

  update_read_only (self);
  if (undo_stack != NULL)
    {
      vigia_general_page_set_undo_stack (self->general_page, undo_stack);
      update_title (self);
      rebuild_dimension_pages (self);
      adw_view_stack_set_visible_child_name (self->view_stack, "general");
      /* Another plan starts at the top of each tab; the same plan shown
       * again (changed elsewhere) stays where it was read. */
      if (vigia_plan_get_id (self->plan) != previous)
        scroll_pages_to_top (self);
    }

  if (self->dimension_pages != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
}

/**
 * vigia_plan_editor_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
VigiaPlan *
vigia_plan_editor_get_plan (VigiaPlanEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_EDITOR (self), NULL);
  return self->plan;
}

/**
 * vigia_plan_editor_flush:
 *
 * Saves now what was typed and not saved yet; a failure is shown.
 *
 * Returns: %FALSE if something could not be saved
 */
gboolean
vigia_plan_editor_flush (VigiaPlanEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VIGIA_IS_PLAN_EDITOR (self), FALSE);

  if (self->undo_stack == NULL || vigia_undo_stack_flush (self->undo_stack, &error))
    return TRUE;

  vigia_plan_editor_show_error (self, error);
  return FALSE;
}

VigiaGeneralPage *
vigia_plan_editor_get_general_page (VigiaPlanEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_EDITOR (self), NULL);
  return self->general_page;
}

guint
vigia_plan_editor_get_n_dimension_pages (VigiaPlanEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_EDITOR (self), 0);
  return self->dimension_pages->len;
}

/**
 * vigia_plan_editor_get_dimension_page:
 *
 * Returns: (transfer none) (nullable): the tab of the dimension at @position
 */
VigiaDimensionPage *
vigia_plan_editor_get_dimension_page (VigiaPlanEditor *self,
                                      guint            position)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_EDITOR (self), NULL);

  if (position >= self->dimension_pages->len)
    return NULL;
  return g_ptr_array_index (self->dimension_pages, position);
}

/**
 * vigia_plan_editor_get_progress_page:
 *
 * Returns: (transfer none): the Progress tab
 */
VigiaProgressPage *
vigia_plan_editor_get_progress_page (VigiaPlanEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_EDITOR (self), NULL);
  return self->progress_page;
}

/**
 * vigia_plan_editor_get_visible_page:
 *
 * Returns: the tab shown: "general", "dimension-N" for the N-th dimension
 *   (from 0), or "progress"
 */
const char *
vigia_plan_editor_get_visible_page (VigiaPlanEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PLAN_EDITOR (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * vigia_plan_editor_set_visible_page:
 * @name: "general", "dimension-N" for the N-th dimension, or "progress"
 *
 * Shows that tab, if the plan has it.
 */
void
vigia_plan_editor_set_visible_page (VigiaPlanEditor *self,
                                    const char      *name)
{
  g_return_if_fail (VIGIA_IS_PLAN_EDITOR (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * vigia_plan_editor_show_error:
 *
 * Tells the user that a change could not be saved, and why.  The plan on
 * screen already shows what the library holds.
 */
void
vigia_plan_editor_show_error (VigiaPlanEditor *self,
                              const GError    *error)
{
  g_return_if_fail (VIGIA_IS_PLAN_EDITOR (self));
  g_return_if_fail (error != NULL);

  /* Another desk saved the item first: the window asks whose version to
   * keep instead (vigia-window-conflicts.c). */
  if (g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
    return;

  show_error_message (self, error->message);
}

/**
 * vigia_plan_editor_report_error:
 * @widget: a widget inside the plan editor, where an edit failed
 *
 * Says why an edit failed, in a dialog over the window; a conflict is left
 * to the window, which asks about it.
 */
void
vigia_plan_editor_report_error (GtkWidget    *widget,
                                const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
    return;
  if (!gtk_widget_activate_action (widget, "editor.show-error", "s", error->message))
    g_warning ("%s", error->message);
}
