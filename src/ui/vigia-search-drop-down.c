/* vigia-search-drop-down.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's drop-down with a search field opens with the keyboard on its
 * list: letters typed to find "Puno" went nowhere until the field was
 * clicked, and Enter on the one place left did not choose it.  A drop-down
 * set up here opens with the keyboard in its search field, and Enter there
 * chooses the one item the search leaves.
 */
#define G_LOG_DOMAIN "vigia-search-drop-down"

#include "config.h"

#include "vigia-search-drop-down.h"

/* The first widget of @type under @widget, itself included: the parts of
 * the drop-down GTK makes and does not name. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
focus_search_cb (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GtkWidget) popover = g_weak_ref_get (ref);
  GtkWidget *entry = popover != NULL ? find_descendant (popover, GTK_TYPE_SEARCH_ENTRY) : NULL;

  if (entry != NULL && gtk_widget_get_mapped (popover))
    gtk_widget_grab_focus (entry);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Once the popover has put the keyboard on its list, as it does; a
 * popover gone by then (its window closed) is let go of. */
static void
popup_mapped_cb (GtkWidget *popover)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, popover);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_search_cb, ref, weak_ref_free);
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    GtkDropDown    *drop_down)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  GtkWidget *list = popover != NULL ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;
  GListModel *shown = list != NULL ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))) : NULL;
  GListModel *all = gtk_drop_down_get_model (drop_down);
  g_autoptr(GObject) item = NULL;

  if (shown == NULL || all == NULL || g_list_model_get_n_items (shown) != 1)
    return;
  item = g_list_model_get_item (shown, 0);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (all, i);

      if (other == item)
        {
          gtk_drop_down_set_selected (drop_down, i);
          gtk_popover_popdown (GTK_POPOVER (popover));
          return;
        }
    }
}

/**
 * vigia_search_drop_down_init:
 * @drop_down: a drop-down whose search is enabled
 *
 * Lets @drop_down's search be typed into as soon as it opens, and Enter
 * choose the one item the search leaves.
 */
void
vigia_search_drop_down_init (GtkDropDown *drop_down)
{
  GtkWidget *popover;
  GtkWidget *entry;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  popover = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_POPOVER);
  entry = popover != NULL ? find_descendant (popover, GTK_TYPE_SEARCH_ENTRY) : NULL;
  if (entry == NULL)
    return;
  g_signal_connect (popover, "map", G_CALLBACK (popup_mapped_cb), NULL);
  g_signal_connect_object (entry, "activate", G_CALLBACK (search_activate_cb), drop_down, 0);
}
