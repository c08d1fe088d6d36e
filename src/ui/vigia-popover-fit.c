/* vigia-popover-fit.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry editor and the target editor are popovers wider than a phone's
 * window; GTK 4.8 neither narrows nor moves a popover to keep it inside.
 * These are what both use to do it themselves.
 */
#include "config.h"

#include "vigia-popover-fit.h"

/**
 * vigia_popover_get_window_size:
 *
 * Returns: the size of the window @popover is in, along @orientation; 0
 *   without one
 */
int
vigia_popover_get_window_size (GtkWidget      *popover,
                               GtkOrientation  orientation)
{
  GtkWidget *parent = gtk_widget_get_parent (popover);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (root == NULL)
    return 0;
  return orientation == GTK_ORIENTATION_HORIZONTAL ? gtk_widget_get_width (GTK_WIDGET (root))
                                                   : gtk_widget_get_height (GTK_WIDGET (root));
}

/**
 * vigia_popover_measure_frame:
 * @parent_class: the popover class's parent, whose measure() is GtkPopover's
 * @child_width: (out): the child's minimum width
 * @frame_width: (out): what the popover adds to its child's width
 * @frame_height: (out): and to its height
 *
 * GTK 4.8 works out a popover's height for a width with its child a
 * little wider than the popover, then lays it out: a text that wraps there
 * comes out a line short.  A popover that measures its own height needs
 * its frame's size, to ask its child's height at the width left to it.
 */
void
vigia_popover_measure_frame (GtkWidget      *popover,
                             GtkWidgetClass *parent_class,
                             int            *child_width,
                             int            *frame_width,
                             int            *frame_height)
{
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (popover));
  int popover_size, child_size, unused, baseline;

  /* The vfunc, unlike gtk_widget_measure(), wants every pointer. */
  parent_class->measure (popover, GTK_ORIENTATION_HORIZONTAL, -1, &popover_size, &unused, &baseline, &baseline);
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, child_width, NULL, NULL, NULL);
  *frame_width = popover_size - *child_width;
  parent_class->measure (popover, GTK_ORIENTATION_VERTICAL, -1, &popover_size, &unused, &baseline, &baseline);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_size, NULL, NULL, NULL);
  *frame_height = popover_size - child_size;
}

/**
 * vigia_popover_shift_into:
 * @start: where the popover would begin, along one side of the window
 * @size: its size along it
 *
 * Returns: how far to move it for it to stay inside the window, less the
 *   margin at each end (towards the start when it is larger than that)
 */
int
vigia_popover_shift_into (int start,
                          int size,
                          int window_size)
{
  int shift = 0;

  if (start + size > window_size - VIGIA_POPOVER_MARGIN)
    shift = window_size - VIGIA_POPOVER_MARGIN - (start + size);
  if (start + shift < VIGIA_POPOVER_MARGIN)
    shift = VIGIA_POPOVER_MARGIN - start;
  return shift;
}
