/* vigia-dimension-page.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page follows the dimension's list of goals: adding, deleting, moving
 * and undoing all show here because they change that list.  Its cards are
 * made when the page is first shown (or asked for), so that a plan opens
 * on its General tab without making the cards of every dimension.
 */
#define G_LOG_DOMAIN "vigia-dimension-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigia-plan-editor.h"
#include "vigia-accessible-names.h"
#include "vigia-dimension-page-private.h"

struct _VigiaDimensionPage
{
  GtkWidget       parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkButton      *add_button;
  GtkMenuButton  *menu_button;
  GtkListBox     *goal_list;
  AdwStatusPage  *empty_page;

  VigiaUndoStack *undo_stack;
  VigiaDimension *dimension;
  gboolean        has_cards;
};

G_DEFINE_FINAL_TYPE (VigiaDimensionPage, vigia_dimension_page, GTK_TYPE_WIDGET)

static void
update_header (VigiaDimensionPage *self)
{
  g_autofree char *name = vigia_dimension_dup_name (self->dimension);
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  const char *title = vigia_dimension_get_title (self->dimension);
  guint n = vigia_dimension_get_n_goals (self->dimension);

  count = g_strdup_printf (ngettext ("%u goal", "%u goals", n), n);
  if (!vigia_str_empty (title) && g_strcmp0 (title, name) != 0)
    subtitle = g_strdup_printf ("%s · %s", title, count);
  else
    subtitle = g_steal_pointer (&count);

  gtk_label_set_text (self->title_label, name);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->goal_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n == 0);
}

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  VigiaDimensionPage *self = user_data;

  return vigia_goal_card_new (self->undo_stack, self->dimension, VIGIA_GOAL (item));
}

static void
ensure_cards (VigiaDimensionPage *self)
{
  if (self->has_cards || self->dimension == NULL)
    return;
  self->has_cards = TRUE;
  gtk_list_box_bind_model (self->goal_list, vigia_dimension_get_goals (self->dimension),
                           create_card_cb, self, NULL);
}

static void
goals_changed_cb (VigiaDimensionPage *self)
{
  update_header (self);
}

static void
dimension_notify_cb (VigiaDimensionPage *self)
{
  update_header (self);
}

/* Where the dimension is in its plan: the plan editor's actions name it so. */
static guint
dimension_position (VigiaDimensionPage *self)
{
  VigiaPlan *plan = vigia_undo_stack_get_plan (self->undo_stack);
  guint n = vigia_plan_get_n_dimensions (plan);
  guint i;

  for (i = 0; i < n && vigia_plan_get_dimension (plan, i) != self->dimension; i++)
    ;
  return i;
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  vigia_dimension_page_add_goal (VIGIA_DIMENSION_PAGE (widget));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "editor.rename-dimension", "u",
                              dimension_position (VIGIA_DIMENSION_PAGE (widget)));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "editor.remove-dimension", "u",
                              dimension_position (VIGIA_DIMENSION_PAGE (widget)));
}

static void
vigia_dimension_page_map (GtkWidget *widget)
{
  ensure_cards (VIGIA_DIMENSION_PAGE (widget));

  GTK_WIDGET_CLASS (vigia_dimension_page_parent_class)->map (widget);
}

static void
vigia_dimension_page_dispose (GObject *object)
{
  VigiaDimensionPage *self = (VigiaDimensionPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_DIMENSION_PAGE);
  /* Children of the template without an id are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dimension);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (vigia_dimension_page_parent_class)->dispose (object);
}

static void
vigia_dimension_page_class_init (VigiaDimensionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_dimension_page_dispose;

  widget_class->map = vigia_dimension_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-dimension-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaDimensionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaDimensionPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaDimensionPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaDimensionPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaDimensionPage, goal_list);
  gtk_widget_class_bind_template_child (widget_class, VigiaDimensionPage, empty_page);

  gtk_widget_class_install_action (widget_class, "dimension.add-goal", NULL, add_goal_action);
  gtk_widget_class_install_action (widget_class, "dimension.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "dimension.remove", NULL, remove_action);
}

static void
vigia_dimension_page_init (VigiaDimensionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/**
 * vigia_dimension_page_new:
 * @undo_stack: the open plan's stack, through which edits are saved
 * @dimension: a dimension of the plan
 */
GtkWidget *
vigia_dimension_page_new (VigiaUndoStack *undo_stack,
                          VigiaDimension *dimension)
{
  VigiaDimensionPage *self;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (VIGIA_IS_DIMENSION (dimension), NULL);

  self = g_object_new (VIGIA_TYPE_DIMENSION_PAGE, NULL);
  vigia_dimension_page_set_dimension (self, undo_stack, dimension);
  return GTK_WIDGET (self);
}

/**
 * vigia_dimension_page_set_dimension:
 * @undo_stack: the stack of @dimension's plan
 *
 * Shows another dimension, of this plan or of another: the editor keeps
 * its pages from plan to plan.
 */
void
vigia_dimension_page_set_dimension (VigiaDimensionPage *self,
                                    VigiaUndoStack     *undo_stack,
                                    VigiaDimension     *dimension)
{
  gboolean writable;

  g_return_if_fail (VIGIA_IS_DIMENSION_PAGE (self));
  g_return_if_fail (VIGIA_IS_UNDO_STACK (undo_stack));
  g_return_if_fail (VIGIA_IS_DIMENSION (dimension));

  if (self->dimension == dimension && self->undo_stack == undo_stack)
    return;

  if (self->dimension != NULL)
    {
      g_signal_handlers_disconnect_by_data (vigia_dimension_get_goals (self->dimension), self);
      g_signal_handlers_disconnect_by_data (self->dimension, self);
    }
  if (self->has_cards)
    {
      gtk_list_box_bind_model (self->goal_list, NULL, NULL, NULL, NULL);
      self->has_cards = FALSE;
    }
  g_set_object (&self->undo_stack, undo_stack);
  g_set_object (&self->dimension, dimension);

  g_signal_connect_object (vigia_dimension_get_goals (dimension), "items-changed",
                           G_CALLBACK (goals_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dimension, "notify", G_CALLBACK (dimension_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_header (self);
  writable = !vigia_undo_stack_is_read_only (undo_stack);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), writable);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), writable);
  adw_status_page_set_description (self->empty_page,
                                   writable ? _("This dimension has no goals yet: add the ones the plan sets out")
                                            : _("This dimension has no goals"));
  /* On screen, the cards are made now; otherwise when it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_cards (self);
}

VigiaDimension *
vigia_dimension_page_get_dimension (VigiaDimensionPage *self)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION_PAGE (self), NULL);
  return self->dimension;
}

guint
vigia_dimension_page_get_n_cards (VigiaDimensionPage *self)
{
  guint n = 0;

  g_return_val_if_fail (VIGIA_IS_DIMENSION_PAGE (self), 0);

  ensure_cards (self);
  while (gtk_list_box_get_row_at_index (self->goal_list, n) != NULL)
    n++;
  return n;
}

/**
 * vigia_dimension_page_get_card:
 *
 * Returns: (transfer none) (nullable): the card of the goal at @position
 */
VigiaGoalCard *
vigia_dimension_page_get_card (VigiaDimensionPage *self,
                               guint               position)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION_PAGE (self), NULL);

  ensure_cards (self);
  return (VigiaGoalCard *) gtk_list_box_get_row_at_index (self->goal_list, position);
}

void
vigia_dimension_page_focus_goal (VigiaDimensionPage *self,
                                 VigiaGoal          *goal)
{
  VigiaGoalCard *card;

  g_return_if_fail (VIGIA_IS_DIMENSION_PAGE (self));

  for (guint i = 0; (card = vigia_dimension_page_get_card (self, i)) != NULL; i++)
    if (vigia_goal_card_get_goal (card) == goal)
      {
        gtk_widget_grab_focus (GTK_WIDGET (card));
        return;
      }
}

/**
 * vigia_dimension_page_add_goal:
 *
 * Adds an empty goal at the end of the dimension and opens its card for
 * editing.
 *
 * Returns: (transfer none) (nullable): the new goal's card, or %NULL if it
 *   could not be saved (the editor says why)
 */
VigiaGoalCard *
vigia_dimension_page_add_goal (VigiaDimensionPage *self)
{
  g_autoptr(VigiaGoal) goal = vigia_goal_new ();
  g_autoptr(GError) error = NULL;
  guint position;
  VigiaGoalCard *card;

  g_return_val_if_fail (VIGIA_IS_DIMENSION_PAGE (self), NULL);

  position = vigia_dimension_get_n_goals (self->dimension);
  if (!vigia_undo_stack_add_goal (self->undo_stack, self->dimension, position, goal, &error))
    {
      vigia_plan_editor_report_error (GTK_WIDGET (self), error);
      return NULL;
    }

  card = vigia_dimension_page_get_card (self, position);
  vigia_goal_card_set_editing (card, TRUE);
  return card;
}

/**
 * vigia_dimension_page_get_icon_name:
 *
 * Returns: the icon of the dimension's tab, after its kind
 */
const char *
vigia_dimension_page_get_icon_name (VigiaDimensionPage *self)
{
  g_return_val_if_fail (VIGIA_IS_DIMENSION_PAGE (self), NULL);

  switch (vigia_dimension_get_kind (self->dimension))
    {
    case VIGIA_DIMENSION_KIND_SOCIAL:        return "system-users-symbolic";
    case VIGIA_DIMENSION_KIND_ECONOMIC:      return "x-office-spreadsheet-symbolic";
    case VIGIA_DIMENSION_KIND_ENVIRONMENTAL: return "emoji-nature-symbolic";
    case VIGIA_DIMENSION_KIND_INSTITUTIONAL: return "network-workgroup-symbolic";
    case VIGIA_DIMENSION_KIND_OTHER:
    default:                                 return "view-list-bullet-symbolic";
    }
}
