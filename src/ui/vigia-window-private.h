/* vigia-window-private.h: what vigia-window.c, vigia-window-actions.c and
 * vigia-window-conflicts.c share,
 * and what the tests see of the window beyond its API
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-compare-page.h"
#include "vigia-plan-editor.h"
#include "vigia-plan-selection.h"
#include "vigia-window.h"

G_BEGIN_DECLS

struct _VigiaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkBox               *sidebar;
  AdwWindowTitle       *sidebar_title;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *election_dropdown;
  GtkDropDown          *department_dropdown;
  GtkDropDown          *term_dropdown;
  GtkDropDown          *sort_dropdown;
  GtkRevealer          *filter_revealer;
  GtkLabel             *filter_label;
  GtkStack             *sidebar_stack;
  AdwStatusPage        *no_plan_page;
  GMenuModel           *primary_menu;
  GtkListView          *plan_list_view;
  AdwStatusPage        *error_page;
  GtkStack             *content_stack;
  VigiaComparePage     *compare_page;
  VigiaPlanEditor      *editor;

  VigiaLibrary         *library;
  VigiaPlanList        *plans;
  VigiaPlanSelection   *selection;
  /* The handlers on the open plan's undo stack. */
  GSignalGroup         *undo_stack_signals;
  /* What the department and term filters offer, after "any". */
  GStrv                 departments;
  GArray               *term_starts;
  /* Deleted plans that a toast offers to restore, by uuid. */
  GHashTable           *deleted_plans;
  gint64                open_plan_id;
  /* VigiaEditConflict: changes of the open plan that another desk's save
   * made the library refuse, to make again once it is read anew. */
  GPtrArray            *conflicts;
  guint                 conflicts_source;
  /* Set while the open plan is read anew. */
  gboolean              reloading;
  /* Says the shared library's connection was lost, until it is made again. */
  AdwToast             *connection_toast;
  /* The question "yours or theirs", while it is asked. */
  GtkWidget            *conflict_dialog;
  /* Set while the window itself moves the selection. */
  gboolean              selecting;
  gboolean              updating_filters;
  gboolean              application_bound;
};

void _vigia_window_class_actions_init (VigiaWindowClass *klass);
void _vigia_window_actions_update     (VigiaWindow      *self);
void _vigia_window_close_plan         (VigiaWindow      *self);
void _vigia_window_clear_filters      (VigiaWindow      *self);
void _vigia_window_reload_open_plan   (VigiaWindow      *self);
void _vigia_window_resolve_conflicts  (VigiaWindow      *self);
void _vigia_window_conflict_cb        (VigiaWindow      *self,
                                       VigiaUndoStack   *undo_stack);

VigiaPlanEditor *vigia_window_get_editor        (VigiaWindow *self);
GListModel      *vigia_window_get_plans         (VigiaWindow *self);
const char      *vigia_window_get_sidebar_state (VigiaWindow *self);

G_END_DECLS
