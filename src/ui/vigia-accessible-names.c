/* vigia-accessible-names.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GTK 4.8 leaves a screen reader to say wrongly, put right:
 *
 * - The rows of a GtkListView and a GtkColumnView, and a column view's
 *   cells, are widgets of GTK's own that take the keyboard, and GTK 4.8
 *   gives no way to name them (GtkListItem's accessible label came with
 *   4.12): Orca said "GtkListItemWidget" or nothing.  What a row shows names
 *   the row and the cell around it, found from the row's child.
 * - A button whose label has a mnemonic is named twice, once by its label
 *   with the underscore and once by the label widget inside it: Orca said
 *   "_Importar un plan… Importar un plan…".  The second is enough.
 * - A drop-down's keyboard goes to a button inside it, which has no name:
 *   Orca said "GtkToggleButton".  It is named by what the drop-down is and
 *   what is chosen.
 */
#define G_LOG_DOMAIN "vigia-accessible-names"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-accessible-names.h"

/**
 * vigia_accessible_name_row:
 * @child: what a list item factory made for a row or a cell
 * @row: whether @child speaks for its row (a list's row, a column view's
 *   first column), or only for its cell
 * @label: what the row or cell is, read aloud
 * @description: (nullable): what it says, read after
 *
 * Names the cell that holds @child, if it is in a column view, and, if @row,
 * the row that holds it.  Called where the child is bound, since the rows
 * are reused for other items.
 */
void
vigia_accessible_name_row (GtkWidget  *child,
                    gboolean    row,
                    const char *label,
                    const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (label != NULL);

  for (GtkWidget *widget = gtk_widget_get_parent (child);
       widget != NULL && !GTK_IS_LIST_VIEW (widget) && !GTK_IS_COLUMN_VIEW (widget);
       widget = gtk_widget_get_parent (widget))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

      if (role != GTK_ACCESSIBLE_ROLE_GRID_CELL && role != GTK_ACCESSIBLE_ROLE_ROW &&
          role != GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        continue;
      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      if (role != GTK_ACCESSIBLE_ROLE_GRID_CELL || !row)
        return;
    }
}

/**
 * vigia_accessible_fix_mnemonics:
 * @root: a widget, usually a template's, once built
 *
 * Lets every button under @root with a mnemonic in its label be named by
 * that label alone.  A button whose label changes later must be fixed
 * again.
 */
void
vigia_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    vigia_accessible_fix_mnemonics (child);
}

static void
drop_down_selected_cb (GtkDropDown *drop_down)
{
  const char *label = g_object_get_data (G_OBJECT (drop_down), "vigia-accessible-label");
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *name = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a drop-down read aloud, what it is and what is chosen: "Semester judged: 1st half 2027" */
    name = g_strdup_printf (_("%s: %s"), label, gtk_string_object_get_string (item));
  else
    name = g_strdup (label);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * vigia_accessible_name_drop_down:
 * @drop_down: a drop-down of strings
 * @label: what it chooses, in words
 *
 * Names @drop_down's button by @label and the string chosen, and keeps the
 * name up to date.
 */
void
vigia_accessible_name_drop_down (GtkDropDown *drop_down,
                                 const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  g_object_set_data_full (G_OBJECT (drop_down), "vigia-accessible-label", g_strdup (label), g_free);
  g_signal_handlers_disconnect_by_func (drop_down, drop_down_selected_cb, NULL);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (drop_down_selected_cb), NULL);
  drop_down_selected_cb (drop_down);
}
