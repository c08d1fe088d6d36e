/* test-editor.c: the plan editor: the General tab, dimension tabs, goal cards, target chips
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libintl.h>

#include "vigia-application.h"
#include "vigia-dimension-page-private.h"
#include "vigia-goal-card-private.h"
#include "vigia-optional-label-private.h"
#include "vigia-place-picker.h"
#include "vigia-plan-editor-private.h"
#include "vigia-progress-cell-private.h"
#include "vigia-progress-editor.h"
#include "vigia-progress-page-private.h"
#include "vigia-target-chip-private.h"
#include "vigia-target-editor-private.h"
#include "vigia-test-utils.h"
#include "vigia-ui-test-utils.h"
#include "vigia-window-private.h"

/* One application for the whole program: its id can be registered once. */
static VigiaApplication *app;

typedef struct
{
  char            *dir;
  char            *path;
  VigiaPlan       *plan;
  VigiaWindow     *window;
  VigiaPlanEditor *editor;
} Fixture;

static VigiaLibrary *
library (void)
{
  return vigia_application_get_library (app);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = vigia_test_make_dir ();
  f->path = g_build_filename (f->dir, "library.sqlite", NULL);
  g_assert_true (vigia_application_open_library (app, f->path, &error));
  g_assert_no_error (error);

  f->plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 3);
  g_assert_true (vigia_library_add_plan (library (), f->plan, &error));
  g_assert_no_error (error);

  f->window = vigia_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  f->editor = vigia_window_get_editor (f->window);
  vigia_test_wait_idle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  VigiaWindow *window = NULL;
  VigiaPlan *editing = NULL;
  VigiaUndoStack *edits = NULL;

  /* The window, the plan its editor had open and that plan's undo stack go
   * with the window: references of the test's own see them go. */
  if (f->window != NULL)
    {
      g_set_object (&window, f->window);
      g_set_object (&editing, vigia_plan_editor_get_plan (f->editor));
      g_set_object (&edits, vigia_plan_editor_get_undo_stack (f->editor));
      gtk_window_destroy (GTK_WINDOW (f->window));
    }
  vigia_test_close_dialogs ();
  vigia_test_wait_idle ();
  vigia_test_assert_finalized (&window);
  vigia_test_assert_finalized (&edits);
  vigia_test_assert_finalized (&editing);
  vigia_test_assert_finalized (&f->plan);
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The plan as another program reads it from the file now. */
static VigiaPlan *
reload (Fixture *f)
{
  return vigia_test_reload_plan (f->path, vigia_plan_get_id (f->plan));
}

static VigiaGoal *
goal_at (VigiaPlan *plan,
         guint      dimension,
         guint      position)
{
  return vigia_dimension_get_goal (vigia_plan_get_dimension (plan, dimension), position);
}

static VigiaGoalCard *
card_at (Fixture *f,
         guint    dimension,
         guint    position)
{
  VigiaDimensionPage *page = vigia_plan_editor_get_dimension_page (f->editor, dimension);

  g_assert_nonnull (page);
  return vigia_dimension_page_get_card (page, position);
}

static VigiaUndoStack *
stack (Fixture *f)
{
  return vigia_plan_editor_get_undo_stack (f->editor);
}

static gboolean
nothing_pending (gpointer data)
{
  return !vigia_undo_stack_has_pending (data);
}

static void
type_text (GtkTextView *view,
           const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A child of @widget's template, by its id. */
static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

/* A field of the editor the chip opens. */
static gpointer
chip_child (VigiaTargetChip *chip,
            const char      *name)
{
  VigiaTargetEditor *editor = vigia_target_chip_get_editor (chip);

  if (g_str_equal (name, "popover"))
    return editor;
  return gtk_widget_get_template_child (GTK_WIDGET (editor), VIGIA_TYPE_TARGET_EDITOR, name);
}

static void
test_tabs_follow_the_plan (Fixture       *f,
                           gconstpointer  data)
{
  VigiaDimensionPage *page;
  VigiaGoalCard *card;

  /* General, then the plan's own four dimensions, in its order. */
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "general");
  g_assert_cmpuint (vigia_plan_editor_get_n_dimension_pages (f->editor), ==, 4);
  page = vigia_plan_editor_get_dimension_page (f->editor, 2);
  g_assert_cmpint (vigia_dimension_get_kind (vigia_dimension_page_get_dimension (page)), ==,
                   VIGIA_DIMENSION_KIND_ENVIRONMENTAL);
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 3);

  /* A card shows the goal's texts as written, and its reading. */
  card = vigia_dimension_page_get_card (page, 1);
  g_assert_cmpstr (vigia_goal_card_get_text (card, "problem"), ==, "PROBLEMA 3.2 DE LA POBLACIÓN");
  g_assert_cmpstr (vigia_goal_card_get_text (card, "objective"), ==, "MEJORAR LA ATENCIÓN DE LOS SERVICIOS");
  g_assert_cmpstr (vigia_goal_card_get_text (card, "indicator"), ==, "POBLACIÓN ATENDIDA");
  g_assert_cmpstr (vigia_goal_card_get_text (card, "target-text"), ==, "25% DE POBLACIÓN ATENDIDA");
  g_assert_cmpstr (vigia_target_chip_get_label (vigia_goal_card_get_chip (card)), ==, "25 % ↑");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_first_child (GTK_WIDGET (vigia_goal_card_get_chip (card)))), ==,
                   "Target: 25 % ↑ (Read automatically)");
}

/* The first scrolled view in @widget: a tab's own. */
static GtkScrolledWindow *
first_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = first_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
tab_title (VigiaDimensionPage *page)
{
  AdwViewStack *view_stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_page_get_title (adw_view_stack_get_page (view_stack, GTK_WIDGET (page)));
}

/* From plan to plan the dimension tabs show the new plan's dimensions,
 * goals and titles, however many it has, with Progress always last; the
 * tabs themselves are kept (making them again made every button of the
 * view switchers again, two thirds of the time to open a plan). */
static void
test_tabs_from_plan_to_plan (Fixture       *f,
                             gconstpointer  data)
{
  GtkScrolledWindow *general_scroller;
  GtkAdjustment *adjustment;
  g_autoptr(VigiaPlan) other = vigia_test_make_plan ("SOMOS PERU", "COMAS", 2);
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GError) error = NULL;
  VigiaDimensionPage *page0, *page1;
  guint n_pages;

  /* The first plan's Económica tab, its cards made. */
  vigia_plan_editor_set_visible_page (f->editor, "dimension-1");
  vigia_test_wait_idle ();
  page0 = vigia_plan_editor_get_dimension_page (f->editor, 0);
  page1 = vigia_plan_editor_get_dimension_page (f->editor, 1);
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page1), ==, 3);

  /* Read halfway down the General tab… */
  general_scroller = first_scroller (GTK_WIDGET (vigia_plan_editor_get_general_page (f->editor)));
  g_assert_nonnull (general_scroller);
  vigia_test_wait_idle ();
  adjustment = gtk_scrolled_window_get_vadjustment (general_scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), >, 100);
  gtk_adjustment_set_value (adjustment, 100);

  /* Another plan, of three dimensions, the first one of its own. */
  g_assert_true (vigia_plan_remove_dimension (other, vigia_plan_get_dimension (other, 3), NULL));
  vigia_dimension_set_kind (vigia_plan_get_dimension (other, 0), VIGIA_DIMENSION_KIND_OTHER);
  vigia_dimension_set_title (vigia_plan_get_dimension (other, 0), "Salud y familia");
  g_assert_true (vigia_library_add_plan (library (), other, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (other), &error));
  g_assert_no_error (error);
  vigia_test_wait_idle ();

  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "general");
  /* …and the other plan starts at its top. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpuint (vigia_plan_editor_get_n_dimension_pages (f->editor), ==, 3);
  g_assert_true (vigia_plan_editor_get_dimension_page (f->editor, 0) == page0);
  g_assert_true (vigia_plan_editor_get_dimension_page (f->editor, 1) == page1);
  g_assert_cmpstr (tab_title (page0), ==, "Salud y familia");
  g_assert_cmpstr (tab_title (page1), ==, "Economic");

  vigia_plan_editor_set_visible_page (f->editor, "dimension-1");
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page1), ==, 2);
  g_assert_cmpstr (vigia_goal_card_get_text (vigia_dimension_page_get_card (page1, 1), "problem"), ==,
                   "PROBLEMA 2.2 DE LA POBLACIÓN");
  g_assert_true (vigia_goal_card_get_goal (vigia_dimension_page_get_card (page1, 0)) ==
                 vigia_dimension_get_goal (vigia_plan_get_dimension (vigia_plan_editor_get_plan (f->editor), 1), 0));

  /* Back to the first plan: four dimension tabs again, then Progress. */
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_plan_editor_get_n_dimension_pages (f->editor), ==, 4);
  g_assert_cmpstr (tab_title (vigia_plan_editor_get_dimension_page (f->editor, 0)), ==, "Social");
  g_assert_cmpstr (tab_title (vigia_plan_editor_get_dimension_page (f->editor, 3)), ==, "Institutional");
  pages = G_LIST_MODEL (adw_view_stack_get_pages (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page0),
                                                                                            ADW_TYPE_VIEW_STACK))));
  n_pages = g_list_model_get_n_items (pages);
  {
    g_autoptr(AdwViewStackPage) last = g_list_model_get_item (pages, n_pages - 1);

    g_assert_cmpuint (n_pages, ==, 6);
    g_assert_cmpstr (adw_view_stack_page_get_name (last), ==, "progress");
  }
}

static void
test_goal_edit_saved (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaGoalCard *card = card_at (f, 1, 0);
  VigiaTextField *field;

  /* Activating the card opens it for editing. */
  g_assert_false (vigia_goal_card_get_editing (card));
  g_signal_emit_by_name (card, "activate");
  g_assert_true (vigia_goal_card_get_editing (card));

  field = vigia_goal_card_get_field (card, "objective");
  type_text (vigia_text_field_get_text_view (field), "PROGRAMA DE APOYO A LA MICRO Y PEQUEÑA EMPRESA MYPE.");

  /* Saved once typing pauses: no Save button. */
  g_assert_true (vigia_undo_stack_has_pending (stack (f)));
  g_assert_true (vigia_test_wait_until (nothing_pending, stack (f)));
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_objective (goal_at (saved, 1, 0)), ==,
                   "PROGRAMA DE APOYO A LA MICRO Y PEQUEÑA EMPRESA MYPE.");
  g_clear_object (&saved);

  /* What is typed just before the window closes is saved too. */
  field = vigia_goal_card_get_field (card, "indicator");
  type_text (vigia_text_field_get_text_view (field), "MYPES DEL DISTRITO");
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  vigia_test_wait_idle ();

  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_indicator (goal_at (saved, 1, 0)), ==, "MYPES DEL DISTRITO");
  g_assert_cmpstr (vigia_goal_get_objective (goal_at (saved, 1, 0)), ==,
                   "PROGRAMA DE APOYO A LA MICRO Y PEQUEÑA EMPRESA MYPE.");
}

static gboolean
fields_fit (gpointer data)
{
  VigiaGoalCard *card = data;
  static const char *fields[] = { "problem", "objective", "indicator", "target-text" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkTextView *view = vigia_text_field_get_text_view (vigia_goal_card_get_field (card, fields[i]));
      GtkTextIter end;
      int y = 0;
      int height = 0;

      gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
      gtk_text_view_get_line_yrange (view, &end, &y, &height);
      g_test_message ("%s: %d of %d shown", fields[i], gtk_widget_get_height (GTK_WIDGET (view)),
                      y + height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view));
      if (gtk_widget_get_height (GTK_WIDGET (view)) <
          y + height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view))
        return FALSE;
    }
  return TRUE;
}

/* A long text in a narrow window wraps and shows whole: no line cut off. */
static void
test_texts_not_cut (Fixture       *f,
                    gconstpointer  data)
{
  VigiaGoalCard *card;
  g_autoptr(GError) error = NULL;

  /* A window opened narrow: a window's size is chosen before it shows. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = vigia_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  f->editor = vigia_window_get_editor (f->window);
  vigia_test_wait_idle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);

  g_assert_true (vigia_undo_stack_set_string (stack (f), G_OBJECT (goal_at (vigia_plan_editor_get_plan (f->editor), 0, 0)),
                                              "objective",
                                              "ESTABLECER UN PROGRAMA DONDE LAS PERSONAS CON DISCAPACIDAD Y LOS "
                                              "ADULTOS MAYORES PUEDAN ACCEDER A LOS SERVICIOS ALIMENTARIOS Y DE "
                                              "SALUD DE MANERA ADECUADA, OPORTUNA Y CON ENFOQUE INTERCULTURAL.",
                                              NULL));
  vigia_plan_editor_set_visible_page (f->editor, "dimension-0");
  vigia_test_wait_idle ();

  /* Opened for editing when already on screen, as a click does. */
  card = card_at (f, 0, 0);
  vigia_goal_card_set_editing (card, TRUE);
  g_assert_true (vigia_test_wait_until (fields_fit, card));
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

/* A long target ("500 MYPES ATENDIDAS EN EL DISTRITO ↑") shortens on a
 * narrow card rather than widening the window past 400 px; the heading
 * beside it makes room first. */
static void
test_long_target_narrow (Fixture       *f,
                         gconstpointer  data)
{
  VigiaGoal *goal = goal_at (vigia_plan_editor_get_plan (f->editor), 1, 0);
  VigiaGoalCard *card;
  VigiaTargetChip *chip;
  int min = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (vigia_undo_stack_set_string (stack (f), G_OBJECT (goal), "target-unit",
                                              "MYPES ATENDIDAS EN EL DISTRITO CON ASISTENCIA TÉCNICA",
                                              &error));
  g_assert_no_error (error);
  vigia_plan_editor_set_visible_page (f->editor, "dimension-1");
  vigia_test_wait_idle ();

  card = card_at (f, 1, 0);
  chip = vigia_goal_card_get_chip (card);
  g_assert_true (g_str_has_suffix (vigia_target_chip_get_label (chip), "CON ASISTENCIA TÉCNICA ↑"));
  /* At 1280 px the whole of it shows, and the heading too. */
  g_assert_true (vigia_test_wait_until (is_laid_out, card));
  g_assert_true (vigia_optional_label_get_shown (VIGIA_OPTIONAL_LABEL (
    gtk_widget_get_template_child (GTK_WIDGET (card), VIGIA_TYPE_GOAL_CARD, "heading_label"))));

  gtk_widget_measure (GTK_WIDGET (card), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <, 300);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 400);
}

/* The popover, its shadow included, lies within its window. */
static void
assert_within_window (GtkWidget *popover,
                      GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  double popover_x, popover_y, window_x, window_y;
  int x;

  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  x = gdk_popup_get_position_x (GDK_POPUP (surface)) + (int) popover_x - (int) window_x;
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x + gtk_widget_get_width (popover), <=, gtk_widget_get_width (window));
}

/* The target's editor opened in a window 400 px wide, in Spanish, on a
 * long target: it stays within the window, its texts wrapped. */
static void
test_target_editor_narrow (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = g_strdup (textdomain (NULL));
  VigiaTargetChip *chip;
  GtkWidget *popover;
  int min = 0;
  int natural = 0;

  /* In Spanish, as the application sets it up: its own strings come from
   * the default text domain. */
  vigia_test_set_language ("es");
  textdomain (GETTEXT_PACKAGE);
  /* A window opened narrow: a window's size is chosen before it shows. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = vigia_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  f->editor = vigia_window_get_editor (f->window);
  g_assert_true (vigia_undo_stack_set_string (stack (f), G_OBJECT (goal_at (vigia_plan_editor_get_plan (f->editor), 0, 0)),
                                              "target-text",
                                              "REDUCIR AL 25% LA ANEMIA INFANTIL EN NIÑOS MENORES DE TRES AÑOS "
                                              "DEL DISTRITO, CON ENFOQUE INTERCULTURAL Y DE GÉNERO, AL 2026.",
                                              &error));
  g_assert_no_error (error);
  vigia_plan_editor_set_visible_page (f->editor, "dimension-0");
  vigia_test_wait_idle ();

  chip = vigia_goal_card_get_chip (card_at (f, 0, 0));
  vigia_target_chip_popup (chip);
  popover = chip_child (chip, "popover");
  g_assert_true (vigia_test_wait_until (is_laid_out, popover));
  vigia_test_wait_idle ();

  gtk_widget_measure (popover, GTK_ORIENTATION_HORIZONTAL, -1, &min, &natural, NULL, NULL);
  g_assert_cmpint (min, <=, 400);
  g_assert_cmpint (natural, <=, 400);
  g_assert_cmpint (gtk_widget_get_width (popover), <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  assert_within_window (popover, GTK_WIDGET (f->window));
  gtk_popover_popdown (GTK_POPOVER (popover));
  vigia_test_wait_idle ();
  textdomain (domain);
  vigia_test_set_language ("en");
}

static void
test_undo_redo_typing (Fixture       *f,
                       gconstpointer  data)
{
  VigiaGoalCard *card = card_at (f, 0, 2);
  GtkTextView *view;
  g_autofree char *text = NULL;
  g_autoptr(VigiaPlan) saved = NULL;

  vigia_goal_card_set_editing (card, TRUE);
  view = vigia_text_field_get_text_view (vigia_goal_card_get_field (card, "problem"));
  type_text (view, "SIN AGUA");
  type_text (view, "SIN AGUA POTABLE");

  /* Ctrl+Z saves what was typed, then takes the whole of it back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  text = text_of (view);
  g_assert_cmpstr (text, ==, "PROBLEMA 1.3 DE LA POBLACIÓN");
  g_assert_cmpstr (vigia_goal_card_get_text (card, "problem"), ==, "PROBLEMA 1.3 DE LA POBLACIÓN");
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (saved, 0, 2)), ==, "PROBLEMA 1.3 DE LA POBLACIÓN");
  g_clear_object (&saved);
  g_clear_pointer (&text, g_free);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  text = text_of (view);
  g_assert_cmpstr (text, ==, "SIN AGUA POTABLE");
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (saved, 0, 2)), ==, "SIN AGUA POTABLE");
}

static void
test_target_marked_reviewed (Fixture       *f,
                             gconstpointer  data)
{
  VigiaGoalCard *card = card_at (f, 3, 1);
  VigiaTargetChip *chip = vigia_goal_card_get_chip (card);
  g_autoptr(VigiaPlan) saved = NULL;
  VigiaGoal *goal;

  vigia_target_chip_popup (chip);
  vigia_test_wait_idle ();

  /* The editor shows the reading in the user's numbers. */
  g_assert_cmpstr (gtk_editable_get_text (chip_child (chip, "value_entry")), ==, "25");
  g_assert_cmpstr (gtk_editable_get_text (chip_child (chip, "unit_entry")), ==, "%");
  g_assert_cmpstr (gtk_editable_get_text (chip_child (chip, "baseline_entry")), ==, "");

  gtk_editable_set_text (chip_child (chip, "value_entry"), "30");
  gtk_drop_down_set_selected (chip_child (chip, "direction_dropdown"), VIGIA_DIRECTION_DOWN);
  gtk_editable_set_text (chip_child (chip, "baseline_entry"), "40.5");
  gtk_editable_set_text (chip_child (chip, "baseline_year_entry"), "2022");
  g_signal_emit_by_name (chip_child (chip, "save_button"), "clicked");
  vigia_test_wait_idle ();

  g_assert_cmpstr (vigia_target_chip_get_label (chip), ==, "30 % ↓");
  g_assert_false (gtk_widget_get_visible (chip_child (chip, "popover")));

  saved = reload (f);
  goal = goal_at (saved, 3, 1);
  g_assert_cmpint (vigia_goal_get_target_reading (goal), ==, VIGIA_READING_REVIEWED);
  g_assert_cmpfloat (vigia_goal_get_target_value (goal), ==, 30);
  g_assert_cmpint (vigia_goal_get_target_direction (goal), ==, VIGIA_DIRECTION_DOWN);
  g_assert_cmpfloat (vigia_goal_get_baseline_value (goal), ==, 40.5);
  g_assert_cmpint (vigia_goal_get_baseline_year (goal), ==, 2022);
  /* The target as written is the record: the reading leaves it alone. */
  g_assert_cmpstr (vigia_goal_get_target_text (goal), ==, "25% DE POBLACIÓN ATENDIDA");
  g_clear_object (&saved);

  /* One undo takes the whole reading back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (vigia_target_chip_get_label (chip), ==, "25 % ↑");
  saved = reload (f);
  g_assert_cmpint (vigia_goal_get_target_reading (goal_at (saved, 3, 1)), ==, VIGIA_READING_AUTOMATIC);
}

/* A goal of several targets: a chip each, each opening the editor of its
 * own reading, saved to that target alone and undone in one step; each
 * target's text a field of its own. */
static void
test_goal_of_targets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const texts[] = { "8% del PBI destinado a salud.", "Reducir la anemia infantil a 20%.",
                                 "Analfabetismo cero." };
  VigiaGoal *goal = goal_at (f->plan, 0, 0);
  VigiaDimensionPage *page;
  VigiaGoalCard *card;
  VigiaTargetChip *chip;
  VigiaGoal *read;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      VigiaTarget *target = vigia_target_new ();

      vigia_target_set_text (target, texts[i]);
      vigia_target_update_reading (target);
      g_ptr_array_add (targets, target);
    }
  vigia_goal_set_targets (goal, targets);
  g_assert_true (vigia_library_save_goal (library (), f->plan, goal, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  vigia_plan_editor_set_visible_page (f->editor, "dimension-0");
  vigia_test_wait_idle ();

  card = card_at (f, 0, 0);
  g_assert_cmpuint (vigia_goal_card_get_n_target_chips (card), ==, 3);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (vigia_goal_card_get_chip (card))));
  g_assert_cmpstr (vigia_target_chip_get_label (vigia_goal_card_get_target_chip (card, 0)), ==, "8 % ↑");
  g_assert_cmpstr (vigia_target_chip_get_label (vigia_goal_card_get_target_chip (card, 1)), ==, "20 % ↓");
  g_assert_cmpstr (vigia_target_chip_get_label (vigia_goal_card_get_target_chip (card, 2)), ==, "Needs review");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_first_child (
                     GTK_WIDGET (vigia_goal_card_get_target_chip (card, 2)))), ==,
                   "Target 3 of 3: Needs review (Needs review) — Analfabetismo cero.");

  /* The third target's reading, saved to it alone. */
  chip = vigia_goal_card_get_target_chip (card, 2);
  vigia_target_chip_popup (chip);
  vigia_test_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (chip_child (chip, "value_entry")), ==, "");
  gtk_editable_set_text (chip_child (chip, "value_entry"), "0");
  gtk_editable_set_text (chip_child (chip, "unit_entry"), "%");
  gtk_drop_down_set_selected (chip_child (chip, "measure_dropdown"), VIGIA_MEASURE_PERCENT);
  gtk_drop_down_set_selected (chip_child (chip, "direction_dropdown"), VIGIA_DIRECTION_DOWN);
  gtk_editable_set_text (chip_child (chip, "baseline_entry"), "5.2");
  gtk_spin_button_set_value (chip_child (chip, "weight_spin"), 2);
  g_signal_emit_by_name (chip_child (chip, "save_button"), "clicked");
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_target_chip_get_label (chip), ==, "0 % ↓");

  saved = reload (f);
  read = goal_at (saved, 0, 0);
  g_assert_cmpuint (vigia_goal_get_n_targets (read), ==, 3);
  g_assert_cmpfloat (vigia_target_get_value (vigia_goal_get_target (read, 2)), ==, 0);
  g_assert_cmpfloat (vigia_target_get_baseline_value (vigia_goal_get_target (read, 2)), ==, 5.2);
  g_assert_cmpint (vigia_target_get_reading (vigia_goal_get_target (read, 2)), ==, VIGIA_READING_REVIEWED);
  /* Its weight is the target's among the goal's; the goal's stays. */
  g_assert_cmpfloat (vigia_target_get_weight (vigia_goal_get_target (read, 2)), ==, 2);
  g_assert_cmpfloat (vigia_goal_get_weight (read), ==, 1);
  g_assert_cmpfloat (vigia_target_get_value (vigia_goal_get_target (read, 0)), ==, 8);
  g_clear_object (&saved);

  /* One undo takes it back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (vigia_target_chip_get_label (chip), ==, "Needs review");
  saved = reload (f);
  g_assert_cmpint (vigia_target_get_reading (vigia_goal_get_target (goal_at (saved, 0, 0), 2)), ==,
                   VIGIA_READING_NEEDS_REVIEW);
  g_clear_object (&saved);

  /* Each target's text is a field of its own. */
  vigia_goal_card_set_editing (card, TRUE);
  vigia_test_wait_idle ();
  g_assert_null (vigia_goal_card_get_field (card, "target-text"));
  type_text (vigia_text_field_get_text_view (vigia_goal_card_get_field (card, "target-2")),
             "Reducir la anemia infantil a 15%.");
  g_assert_true (vigia_test_wait_until (nothing_pending, stack (f)));
  saved = reload (f);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (goal_at (saved, 0, 0), 1)), ==,
                   "Reducir la anemia infantil a 15%.");
  g_clear_object (&saved);

  /* A target added: a row and a field of its own, its text read as typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.add-target", NULL));
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_goal_card_get_n_target_chips (card), ==, 4);
  type_text (vigia_text_field_get_text_view (vigia_goal_card_get_field (card, "target-4")), "1 000 becas entregadas");
  g_assert_true (vigia_test_wait_until (nothing_pending, stack (f)));
  g_assert_cmpstr (vigia_target_chip_get_label (vigia_goal_card_get_target_chip (card, 3)), ==,
                   "1000 becas entregadas ↑");

  /* The first moved down, then removed, and the removal undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.move-target-down", "u", 0));
  vigia_test_wait_idle ();
  read = goal_at (vigia_plan_editor_get_plan (f->editor), 0, 0);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (read, 1)), ==, "8% del PBI destinado a salud.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.remove-target", "u", 1));
  vigia_test_wait_idle ();
  saved = reload (f);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal_at (saved, 0, 0)), ==, 3);
  g_clear_object (&saved);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  vigia_test_wait_idle ();
  saved = reload (f);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal_at (saved, 0, 0)), ==, 4);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (goal_at (saved, 0, 0), 1)), ==,
                   "8% del PBI destinado a salud.");
  g_clear_object (&saved);

  /* Split into a goal per target, then undone: one step. */
  page = vigia_plan_editor_get_dimension_page (f->editor, 0);
  card = card_at (f, 0, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.split", NULL));
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 6);
  g_assert_cmpuint (vigia_goal_card_get_n_target_chips (card_at (f, 0, 0)), ==, 0);
  g_assert_cmpstr (vigia_target_chip_get_label (vigia_goal_card_get_chip (card_at (f, 0, 3))), ==,
                   "1000 becas entregadas ↑");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 3);
  saved = reload (f);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal_at (saved, 0, 0)), ==, 4);
}

static void
test_target_bad_input (Fixture       *f,
                       gconstpointer  data)
{
  VigiaTargetChip *chip = vigia_goal_card_get_chip (card_at (f, 0, 0));
  g_autofree char *before = vigia_test_checksum_file (f->path);
  g_autofree char *after = NULL;
  static const struct {
    const char *entry;
    const char *text;
    const char *error;
  } cases[] = {
    { "value_entry", "veinte", "The value must be a number, such as 25 or 1,500.5." },
    { "value_entry", "", "Enter the target’s value, or choose Qualitative as its measure." },
    { "baseline_entry", "40%", "The baseline must be a number, or blank if it is not known." },
    { "baseline_year_entry", "22", "The baseline year must be a year such as 2022." },
    { "baseline_year_entry", "dos mil", "The baseline year must be a year such as 2022." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *entry;

      vigia_target_chip_popup (chip);
      vigia_test_wait_idle ();
      entry = chip_child (chip, cases[i].entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), cases[i].text);
      g_assert_false (vigia_target_editor_save (vigia_target_chip_get_editor (chip)));

      /* The editor stays open, says what is wrong and marks the field. */
      g_assert_true (gtk_widget_get_visible (chip_child (chip, "popover")));
      g_assert_true (gtk_widget_get_visible (chip_child (chip, "error_label")));
      g_assert_cmpstr (gtk_label_get_text (chip_child (chip, "error_label")), ==, cases[i].error);
      g_assert_true (gtk_widget_has_css_class (entry, "error"));
      gtk_popover_popdown (chip_child (chip, "popover"));
      vigia_test_wait_idle ();
    }
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (vigia_undo_stack_get_can_undo (stack (f)));

  /* A qualitative target needs no value. */
  vigia_target_chip_popup (chip);
  vigia_test_wait_idle ();
  gtk_editable_set_text (chip_child (chip, "value_entry"), "");
  gtk_drop_down_set_selected (chip_child (chip, "measure_dropdown"), VIGIA_MEASURE_QUALITATIVE);
  gtk_editable_set_text (chip_child (chip, "unit_entry"), "");
  g_assert_true (vigia_target_editor_save (vigia_target_chip_get_editor (chip)));
  g_assert_cmpstr (vigia_target_chip_get_label (chip), ==, "Qualitative");

  /* That good reading is the one step to undo. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (vigia_undo_stack_get_can_undo (stack (f)));
  g_assert_cmpstr (vigia_target_chip_get_label (chip), ==, "25 % ↑");

  /* The window closes with the editor open: the tear-down checks that it
   * lets go of the undo stack, and so of the plan. */
  g_assert_true (gtk_widget_get_visible (chip_child (chip, "popover")));
}

static void
test_delete_goal_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2023-S2", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaPlan) other = NULL;
  g_autofree char *uuid = NULL;
  VigiaDimensionPage *page;
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  VigiaProgress *back;

  /* Progress recorded as Import Progress… does: the editor shows the plan again. */
  other = vigia_library_load_plan (library (), vigia_plan_get_id (f->plan), &error);
  g_assert_no_error (error);
  vigia_progress_set_value (entry, 120);
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_progress_set_note (entry, "Padrón municipal de MYPES");
  g_assert_true (vigia_library_save_progress (library (), other, goal_at (other, 1, 1), vigia_goal_get_target (goal_at (other, 1, 1), 0), entry, &error));
  g_assert_no_error (error);
  uuid = g_strdup (vigia_goal_get_uuid (goal_at (other, 1, 1)));
  page = vigia_plan_editor_get_dimension_page (f->editor, 1);

  gtk_widget_activate_action (GTK_WIDGET (card_at (f, 1, 1)), "goal.delete", NULL);
  vigia_test_respond ("Delete Goal 2?", "delete");

  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 2);
  g_assert_cmpstr (vigia_goal_card_get_text (vigia_dimension_page_get_card (page, 1), "problem"), ==,
                   "PROBLEMA 2.3 DE LA POBLACIÓN");
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 11);
  g_clear_object (&saved);

  /* The toast's Undo brings the goal back where it was, with its progress. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-step", "u",
                              vigia_undo_stack_get_serial (stack (f)));
  vigia_test_wait_idle ();
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 3);
  g_assert_cmpstr (vigia_goal_card_get_text (vigia_dimension_page_get_card (page, 1), "problem"), ==,
                   "PROBLEMA 2.2 DE LA POBLACIÓN");

  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 12);
  g_assert_cmpstr (vigia_goal_get_uuid (goal_at (saved, 1, 1)), ==, uuid);
  back = vigia_goal_find_progress (goal_at (saved, 1, 1), "2023-S2", VIGIA_SOURCE_AUTHORITY);
  g_assert_nonnull (back);
  g_assert_cmpfloat (vigia_progress_get_value (back), ==, 120);
  g_assert_cmpstr (vigia_progress_get_note (back), ==, "Padrón municipal de MYPES");

  /* An Undo offered for a step that is no longer the newest does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-step", "u", 12345u);
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 3);
}

/* Progress recorded elsewhere (Import Progress…, another window) shows in
 * the open plan, and an undone delete brings it back too. */
static void
test_changes_made_elsewhere (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(VigiaPlan) other = NULL;
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S1", VIGIA_SOURCE_OBSERVER);
  g_autoptr(VigiaPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  VigiaGoal *goal;

  vigia_plan_editor_set_visible_page (f->editor, "dimension-2");
  vigia_undo_stack_set_string_later (stack (f), G_OBJECT (goal_at (vigia_plan_editor_get_plan (f->editor), 2, 0)),
                                     "indicator", "HECTÁREAS REFORESTADAS");

  /* The same plan, read and written on its own by someone else. */
  other = vigia_library_load_plan (library (), vigia_plan_get_id (f->plan), &error);
  g_assert_no_error (error);
  vigia_progress_set_value (entry, 12);
  g_assert_true (vigia_library_save_progress (library (), other, goal_at (other, 2, 0), vigia_goal_get_target (goal_at (other, 2, 0), 0), entry, &error));
  g_assert_no_error (error);

  /* The editor shows it, on the same tab, and what was typed is kept. */
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "dimension-2");
  goal = goal_at (vigia_plan_editor_get_plan (f->editor), 2, 0);
  g_assert_nonnull (vigia_goal_find_progress (goal, "2024-S1", VIGIA_SOURCE_OBSERVER));
  g_assert_cmpstr (vigia_goal_get_indicator (goal), ==, "HECTÁREAS REFORESTADAS");

  gtk_widget_activate_action (GTK_WIDGET (card_at (f, 2, 0)), "goal.delete", NULL);
  vigia_test_respond ("Delete Goal 1?", "delete");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);

  saved = reload (f);
  g_assert_nonnull (vigia_goal_find_progress (goal_at (saved, 2, 0), "2024-S1", VIGIA_SOURCE_OBSERVER));
  g_assert_cmpstr (vigia_goal_get_indicator (goal_at (saved, 2, 0)), ==, "HECTÁREAS REFORESTADAS");
}

static void
test_progress_tab (Fixture       *f,
                   gconstpointer  data)
{
  VigiaProgressPage *page = vigia_plan_editor_get_progress_page (f->editor);
  g_autoptr(VigiaPlan) other = NULL;
  g_autoptr(GError) error = NULL;
  VigiaProgressCell *cell;
  VigiaPlan *shown;
  static const struct {
    const char  *period;
    VigiaSource  source;
  } entries[] = {
    { "2023-S2", VIGIA_SOURCE_AUTHORITY },
    { "2023-S2", VIGIA_SOURCE_OBSERVER },
    { "2024-S1", VIGIA_SOURCE_AUTHORITY },
    { "2031-S1", VIGIA_SOURCE_AUTHORITY },
  };

  /* The last tab, after the dimensions. */
  vigia_plan_editor_set_visible_page (f->editor, "progress");
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "progress");

  /* Nothing recorded yet: a column for each of the eight semesters of
   * 2023–2026, and how to start. */
  g_assert_cmpstr (vigia_progress_page_get_state (page), ==, "no-progress");
  g_assert_cmpuint (vigia_progress_page_get_n_periods (page), ==, 8);
  g_assert_cmpstr (vigia_progress_page_get_period_title (page, 0), ==, "H1 2023");
  g_assert_true (g_str_has_prefix (vigia_progress_page_get_period_title (page, 7), "H2 2026"));
  g_assert_null (vigia_progress_page_get_outside_text (page));

  /* Entries recorded elsewhere (Import Progress…) show here. */
  other = vigia_library_load_plan (library (), vigia_plan_get_id (f->plan), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(VigiaProgress) entry = vigia_progress_new (entries[i].period, entries[i].source);

      vigia_progress_set_value (entry, 5 + i);
      vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
      g_assert_true (vigia_library_save_progress (library (), other, goal_at (other, 0, i % 3), vigia_goal_get_target (goal_at (other, 0, i % 3), 0), entry, &error));
      g_assert_no_error (error);
    }
  page = vigia_plan_editor_get_progress_page (f->editor);
  shown = vigia_plan_editor_get_plan (f->editor);
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "progress");
  g_assert_cmpstr (vigia_progress_page_get_state (page), ==, "progress");

  /* Authority and observer side by side, in the goal's unit. */
  cell = vigia_progress_page_get_cell (page, vigia_goal_get_target (goal_at (shown, 0, 0), 0), "2023-S2");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "5 %");
  g_assert_cmpstr (vigia_progress_cell_get_status_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "In progress");
  cell = vigia_progress_page_get_cell (page, vigia_goal_get_target (goal_at (shown, 0, 1), 0), "2023-S2");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_OBSERVER), ==, "6 %");
  g_assert_cmpstr (vigia_progress_cell_get_value_text (cell, VIGIA_SOURCE_AUTHORITY), ==, "—");
  g_assert_null (vigia_progress_cell_get_status_text (cell, VIGIA_SOURCE_AUTHORITY));

  /* An entry of a semester the term does not have is not hidden. */
  g_assert_cmpstr (vigia_progress_page_get_outside_text (page), ==,
                   "1 entry is for a semester outside the term: the goal’s own page lists it");

  /* Without a term there are no semesters to follow. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (
                               GTK_WIDGET (vigia_plan_editor_get_general_page (f->editor)),
                               VIGIA_TYPE_GENERAL_PAGE, "term_start_spin")), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (
                               GTK_WIDGET (vigia_plan_editor_get_general_page (f->editor)),
                               VIGIA_TYPE_GENERAL_PAGE, "term_end_spin")), 0);
  g_assert_cmpstr (vigia_progress_page_get_state (page), ==, "no-term");
  g_assert_cmpuint (vigia_progress_page_get_n_periods (page), ==, 0);
}

static void
test_add_and_move_goals (Fixture       *f,
                         gconstpointer  data)
{
  VigiaDimensionPage *page = vigia_plan_editor_get_dimension_page (f->editor, 2);
  VigiaGoalCard *card;
  g_autoptr(VigiaPlan) saved = NULL;

  card = vigia_dimension_page_add_goal (page);
  g_assert_nonnull (card);
  g_assert_true (vigia_goal_card_get_editing (card));
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 4);
  g_assert_cmpstr (vigia_target_chip_get_label (vigia_goal_card_get_chip (card)), ==, "Needs review");
  type_text (vigia_text_field_get_text_view (vigia_goal_card_get_field (card, "problem")),
             "LOMAS DEGRADADAS");

  /* Moved up by its menu: it is goal 3 now, and the other goal 4. */
  gtk_widget_activate_action (GTK_WIDGET (card), "goal.move-up", NULL);
  g_assert_cmpstr (vigia_goal_card_get_text (vigia_dimension_page_get_card (page, 2), "problem"), ==,
                   "LOMAS DEGRADADAS");
  saved = reload (f);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (saved, 2, 2)), ==, "LOMAS DEGRADADAS");
  g_assert_cmpuint (vigia_goal_get_number (goal_at (saved, 2, 2)), ==, 3);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (saved, 2, 3)), ==, "PROBLEMA 3.3 DE LA POBLACIÓN");
  g_assert_cmpuint (vigia_goal_get_number (goal_at (saved, 2, 3)), ==, 4);
  g_clear_object (&saved);

  /* The first goal cannot move up: nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (vigia_dimension_page_get_card (page, 0)), "goal.move-up", NULL);
  g_assert_cmpstr (vigia_goal_card_get_text (vigia_dimension_page_get_card (page, 0), "problem"), ==,
                   "PROBLEMA 3.1 DE LA POBLACIÓN");

  card = vigia_dimension_page_get_card (page, 3);
  gtk_widget_activate_action (GTK_WIDGET (card), "goal.move-down", NULL);
  g_assert_cmpstr (vigia_goal_card_get_text (vigia_dimension_page_get_card (page, 3), "problem"), ==,
                   "PROBLEMA 3.3 DE LA POBLACIÓN");

  /* Undo: the two moves, the typing, the new goal. */
  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (vigia_undo_stack_get_can_undo (stack (f)));
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 3);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 12);
}

static void
test_general_page (Fixture       *f,
                   gconstpointer  data)
{
  VigiaGeneralPage *general = vigia_plan_editor_get_general_page (f->editor);
  GtkEditable *organization;
  GtkSpinButton *start;
  GtkSpinButton *end;
  AdwComboRow *election;
  VigiaTextField *vision;
  AdwViewSwitcherTitle *title;
  g_autoptr(VigiaPlan) saved = NULL;

#define GENERAL(name) (gpointer) gtk_widget_get_template_child (GTK_WIDGET (general), VIGIA_TYPE_GENERAL_PAGE, name)
  organization = GENERAL ("organization_row");
  start = GENERAL ("term_start_spin");
  end = GENERAL ("term_end_spin");
  election = GENERAL ("election_row");
  vision = GENERAL ("vision_field");
  title = (gpointer) gtk_widget_get_template_child (GTK_WIDGET (f->editor), VIGIA_TYPE_PLAN_EDITOR, "switcher_title");

  g_assert_cmpstr (gtk_editable_get_text (organization), ==, "JUNTOS POR EL PERU");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "JUNTOS POR EL PERU");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "INDEPENDENCIA, LIMA, LIMA · 2023–2026");

  gtk_widget_grab_focus (GTK_WIDGET (organization));
  gtk_editable_set_text (organization, "JUNTOS POR EL PERÚ");
  g_assert_true (vigia_test_wait_until (nothing_pending, stack (f)));
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "JUNTOS POR EL PERÚ");

  /* A new first year brings the last year of a four-year term. */
  gtk_spin_button_set_value (start, 2027);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (end), ==, 2030);
  adw_combo_row_set_selected (election, VIGIA_ELECTION_REGIONAL);

  /* Empty, a field says what to write in it (the plan has no ideario);
   * written, it does not. */
  g_assert_true (gtk_widget_get_visible (template_child (GENERAL ("ideario_field"), VIGIA_TYPE_TEXT_FIELD,
                                                         "placeholder_label")));
  type_text (vigia_text_field_get_text_view (vision), "Puno, región líder del altiplano.\nCon agua y educación.");
  g_assert_false (gtk_widget_get_visible (template_child (vision, VIGIA_TYPE_TEXT_FIELD,
                                                                         "placeholder_label")));
  g_assert_true (vigia_test_wait_until (nothing_pending, stack (f)));

  saved = reload (f);
  g_assert_cmpstr (vigia_plan_get_organization (saved), ==, "JUNTOS POR EL PERÚ");
  g_assert_cmpint (vigia_plan_get_term_start (saved), ==, 2027);
  g_assert_cmpint (vigia_plan_get_term_end (saved), ==, 2030);
  g_assert_cmpint (vigia_plan_get_election (saved), ==, VIGIA_ELECTION_REGIONAL);
  g_assert_cmpstr (vigia_plan_get_vision (saved), ==, "Puno, región líder del altiplano.\nCon agua y educación.");
  g_clear_object (&saved);

  /* A general election is national: no place to fill. */
  g_assert_true (gtk_widget_get_visible (GENERAL ("place_group")));
  adw_combo_row_set_selected (election, VIGIA_ELECTION_GENERAL);
  g_assert_false (gtk_widget_get_visible (GENERAL ("place_group")));
  adw_combo_row_set_selected (election, VIGIA_ELECTION_REGIONAL);
  g_assert_true (gtk_widget_get_visible (GENERAL ("place_group")));

  /* A term that ends before it begins is refused, not saved. */
  gtk_spin_button_set_value (end, 2025);
  g_assert_true (gtk_widget_has_css_class (GENERAL ("term_row"), "error"));
  saved = reload (f);
  g_assert_cmpint (vigia_plan_get_term_end (saved), ==, 2030);
  g_clear_object (&saved);

  /* Undo shows in the fields: the election type, then the term. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (election), ==, VIGIA_ELECTION_MUNICIPAL_DISTRICT);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (start), ==, 2023);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (end), ==, 2026);

  /* No term yet: + on the empty first year gives this year, and the term's
   * end follows; − below the first year a term can have stops there; a
   * year typed short is refused, and the year there was stays. */
  gtk_spin_button_set_value (start, 0);
  gtk_spin_button_set_value (end, 0);
  g_assert_true (vigia_test_wait_until (nothing_pending, stack (f)));
  saved = reload (f);
  g_assert_cmpint (vigia_plan_get_term_start (saved), ==, 0);
  g_clear_object (&saved);
  gtk_spin_button_spin (start, GTK_SPIN_STEP_FORWARD, 1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_assert_cmpint (gtk_spin_button_get_value_as_int (start), ==, g_date_time_get_year (now));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (end), ==, g_date_time_get_year (now) + 3);
  }
  gtk_spin_button_set_value (start, 1980);
  gtk_spin_button_spin (start, GTK_SPIN_STEP_BACKWARD, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (start), ==, 1980);
  gtk_editable_set_text (GTK_EDITABLE (start), "27");
  gtk_spin_button_update (start);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (start), ==, 1980);
  gtk_editable_set_text (GTK_EDITABLE (start), "2031");
  gtk_spin_button_update (start);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (start), ==, 2031);
  g_assert_true (vigia_test_wait_until (nothing_pending, stack (f)));
  saved = reload (f);
  g_assert_cmpint (vigia_plan_get_term_start (saved), ==, 2031);
  g_assert_cmpint (vigia_plan_get_term_end (saved), ==, 2034);
#undef GENERAL
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The place chosen from the INEI's list: names in capitals and the code, in
 * one step. */
static void
test_choose_place (Fixture       *f,
                   gconstpointer  data)
{
  VigiaGeneralPage *general = vigia_plan_editor_get_general_page (f->editor);
  AdwActionRow *row = (gpointer) gtk_widget_get_template_child (GTK_WIDGET (general), VIGIA_TYPE_GENERAL_PAGE,
                                                                "choose_place_row");
  AdwMessageDialog *dialog;
  VigiaPlacePicker *picker;
  g_autoptr(VigiaPlan) saved = NULL;

  g_signal_emit_by_name (row, "activated");
  vigia_test_wait_idle ();
  dialog = find_dialog ("Place of the Plan");
  g_assert_nonnull (dialog);
  picker = VIGIA_PLACE_PICKER (adw_message_dialog_get_extra_child (dialog));

  /* It starts on the plan's place, matched in the table. */
  g_assert_cmpstr (vigia_place_picker_get_code (picker), ==, "150112");

  vigia_place_picker_set_code (picker, "210101");
  vigia_test_respond ("Place of the Plan", "choose");

  saved = reload (f);
  g_assert_cmpstr (vigia_plan_get_department (saved), ==, "PUNO");
  g_assert_cmpstr (vigia_plan_get_province (saved), ==, "PUNO");
  g_assert_cmpstr (vigia_plan_get_district (saved), ==, "PUNO");
  g_assert_cmpstr (vigia_plan_get_ubigeo (saved), ==, "210101");
  g_clear_object (&saved);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  saved = reload (f);
  g_assert_cmpstr (vigia_plan_get_district (saved), ==, "INDEPENDENCIA");
  g_assert_null (vigia_plan_get_ubigeo (saved));
}

static void
respond_with_text (const char *heading,
                   const char *text,
                   const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  vigia_test_wait_idle ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (window))),
                               text);
    }
  vigia_test_respond (heading, response);
}

static void
test_dimensions (Fixture       *f,
                 gconstpointer  data)
{
  VigiaDimensionPage *page;
  g_autoptr(VigiaPlan) saved = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-dimension", NULL);
  respond_with_text ("Add Dimension", "  PROPUESTAS ADICIONALES ", "add");
  g_assert_cmpuint (vigia_plan_editor_get_n_dimension_pages (f->editor), ==, 5);
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "dimension-4");

  page = vigia_plan_editor_get_dimension_page (f->editor, 4);
  gtk_widget_activate_action (GTK_WIDGET (page), "dimension.rename", NULL);
  respond_with_text ("Rename Dimension", "Propuestas de juventud", "rename");

  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_dimensions (saved), ==, 5);
  g_assert_cmpstr (vigia_dimension_get_title (vigia_plan_get_dimension (saved, 4)), ==, "Propuestas de juventud");
  g_clear_object (&saved);

  /* A blank title adds nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-dimension", NULL);
  respond_with_text ("Add Dimension", "   ", "add");
  g_assert_cmpuint (vigia_plan_editor_get_n_dimension_pages (f->editor), ==, 5);

  /* Removing asks first, then the toast's Undo puts back the goals too. */
  page = vigia_plan_editor_get_dimension_page (f->editor, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "dimension.remove", NULL);
  vigia_test_respond ("Remove Dimension “Social”?", "remove");
  g_assert_cmpuint (vigia_plan_editor_get_n_dimension_pages (f->editor), ==, 4);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 9);
  g_clear_object (&saved);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-step", "u",
                              vigia_undo_stack_get_serial (stack (f)));
  g_assert_cmpuint (vigia_plan_editor_get_n_dimension_pages (f->editor), ==, 5);
  page = vigia_plan_editor_get_dimension_page (f->editor, 0);
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 3);
  saved = reload (f);
  g_assert_cmpuint (vigia_plan_get_n_goals (saved), ==, 12);
}

/* A shortcut of @widget's, found by its key and run as GTK runs it. */
static gboolean
press_shortcut (gpointer         widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (widget),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* Ctrl+Page Up and Down go from tab to tab, Alt+N to the N-th; Escape ends
 * a goal's editing. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  VigiaGoalCard *card;

  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "general");
  g_assert_true (press_shortcut (f->editor, GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "dimension-0");
  g_assert_true (press_shortcut (f->editor, GDK_KEY_6, GDK_ALT_MASK));
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "progress");
  g_assert_true (press_shortcut (f->editor, GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "progress");
  g_assert_true (press_shortcut (f->editor, GDK_KEY_Page_Up, GDK_CONTROL_MASK));
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "dimension-3");
  g_assert_true (press_shortcut (f->editor, GDK_KEY_9, GDK_ALT_MASK));
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "dimension-3");
  g_assert_true (press_shortcut (f->editor, GDK_KEY_1, GDK_ALT_MASK));
  g_assert_cmpstr (vigia_plan_editor_get_visible_page (f->editor), ==, "general");

  vigia_plan_editor_set_visible_page (f->editor, "dimension-0");
  card = card_at (f, 0, 1);
  vigia_goal_card_set_editing (card, TRUE);
  vigia_test_wait_idle ();
  g_assert_true (press_shortcut (card, GDK_KEY_Escape, 0));
  g_assert_false (vigia_goal_card_get_editing (card));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card)));
  /* Not editing, Escape is someone else's. */
  g_assert_false (press_shortcut (card, GDK_KEY_Escape, 0));
}

/* A library that can only be read (a backup, a shared drive) shows its plan
 * without offering to change it: a banner says so, the entries cannot be
 * edited, Edit, Add Goal, the target's Save and the entry's Save are gone,
 * and what the keyboard or an action tries writes nothing. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = vigia_test_checksum_file (f->path);
  g_autofree char *after = NULL;
  VigiaGeneralPage *general;
  VigiaDimensionPage *page;
  VigiaGoalCard *card;
  VigiaTargetChip *chip;
  VigiaGoal *goal;
  GtkWidget *progress_editor;
  GtkEditable *organization;
  guint n_windows;

  g_assert_true (vigia_application_open_library_full (app, f->path, VIGIA_LIBRARY_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);
  g_assert_true (vigia_window_open_plan (f->window, vigia_plan_get_id (f->plan), &error));
  g_assert_no_error (error);
  vigia_test_wait_idle ();

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->editor), "read-only"));
  g_assert_true (gtk_revealer_get_reveal_child (template_child (f->editor, VIGIA_TYPE_PLAN_EDITOR,
                                                                               "read_only_revealer")));

  /* The General tab: texts shown, none editable; the place cannot be chosen. */
  general = vigia_plan_editor_get_general_page (f->editor);
  organization = template_child (general, VIGIA_TYPE_GENERAL_PAGE, "organization_row");
  g_assert_cmpstr (gtk_editable_get_text (organization), ==, "JUNTOS POR EL PERU");
  g_assert_false (gtk_editable_get_editable (organization));
  g_assert_false (gtk_widget_get_sensitive (template_child (general, VIGIA_TYPE_GENERAL_PAGE, "election_row")));
  g_assert_false (gtk_widget_get_visible (template_child (general, VIGIA_TYPE_GENERAL_PAGE, "choose_place_row")));

  /* A dimension: no Add Goal; a card that will not go into editing. */
  page = vigia_plan_editor_get_dimension_page (f->editor, 0);
  g_assert_false (gtk_widget_get_visible (template_child (page, VIGIA_TYPE_DIMENSION_PAGE,
                                                                         "add_button")));
  card = card_at (f, 0, 0);
  vigia_goal_card_set_editing (card, TRUE);
  g_assert_false (vigia_goal_card_get_editing (card));
  n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
  gtk_widget_activate_action (GTK_WIDGET (card), "goal.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (card), "goal.add-target", NULL);
  vigia_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_windows);
  g_assert_cmpuint (vigia_dimension_page_get_n_cards (page), ==, 3);
  g_assert_cmpuint (vigia_goal_get_n_targets (vigia_goal_card_get_goal (card)), ==, 1);

  /* The target's reading is shown, not saved. */
  chip = vigia_goal_card_get_chip (card);
  gtk_widget_activate (gtk_widget_get_first_child (GTK_WIDGET (chip)));
  vigia_test_wait_idle ();
  g_assert_false (gtk_widget_get_visible (chip_child (chip, "save_button")));
  g_assert_false (gtk_editable_get_editable (chip_child (chip, "value_entry")));
  gtk_editable_set_text (chip_child (chip, "value_entry"), "40");
  g_assert_false (vigia_target_editor_save (chip_child (chip, "popover")));
  gtk_popover_popdown (chip_child (chip, "popover"));

  /* A semester's entry opens to be read; Save does nothing. */
  goal = vigia_goal_card_get_goal (card);
  progress_editor = vigia_progress_editor_new (vigia_plan_editor_get_undo_stack (f->editor),
                                               vigia_goal_get_target (goal, 0), "2023-S2", VIGIA_SOURCE_AUTHORITY);
  g_object_ref_sink (progress_editor);
  vigia_progress_editor_type_value (VIGIA_PROGRESS_EDITOR (progress_editor), "12");
  g_assert_false (vigia_progress_editor_save (VIGIA_PROGRESS_EDITOR (progress_editor)));
  g_assert_false (gtk_widget_get_visible (template_child (progress_editor, VIGIA_TYPE_PROGRESS_EDITOR,
                                                                         "save_button")));
  g_object_unref (progress_editor);

  /* Undo has nothing to undo, and the file is as it was. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  vigia_test_wait_idle ();
  after = vigia_test_checksum_file (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* The place picker's lists open with the keyboard in their search, and
 * Enter chooses the one place the letters typed leave: "huanuco", without
 * its accent. */
static void
test_place_search (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *picker = vigia_place_picker_new ();
  GtkDropDown *departments = GTK_DROP_DOWN (gtk_widget_get_template_child (picker, VIGIA_TYPE_PLACE_PICKER,
                                                                           "department_dropdown"));
  GtkWidget *popover = gtk_widget_get_last_child (GTK_WIDGET (departments));
  GtkWidget *search = NULL;
  gint64 until;

  gtk_window_set_child (GTK_WINDOW (window), picker);
  gtk_window_present (GTK_WINDOW (window));
  vigia_test_wait_idle ();

  g_assert_true (GTK_IS_POPOVER (popover));
  gtk_popover_popup (GTK_POPOVER (popover));
  vigia_test_wait_idle ();
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SEARCH_ENTRY (w))
      search = w;
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "huanuco");
  /* The search entry waits for typing to pause before it searches. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  vigia_test_wait_idle ();
  g_signal_emit_by_name (search, "activate");
  vigia_test_wait_idle ();
  g_assert_cmpstr (vigia_place_picker_get_code (VIGIA_PLACE_PICKER (picker)), ==, "10");
  g_assert_false (gtk_widget_get_mapped (popover));

  gtk_window_destroy (GTK_WINDOW (window));
  vigia_test_wait_idle ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = vigia_test_init_application (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/editor/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("tabs-follow-the-plan", test_tabs_follow_the_plan);
  ADD ("tabs-from-plan-to-plan", test_tabs_from_plan_to_plan);
  ADD ("goal-edit-saved", test_goal_edit_saved);
  ADD ("texts-not-cut", test_texts_not_cut);
  ADD ("long-target-narrow", test_long_target_narrow);
  ADD ("target-editor-narrow", test_target_editor_narrow);
  ADD ("undo-redo-typing", test_undo_redo_typing);
  ADD ("target-marked-reviewed", test_target_marked_reviewed);
  ADD ("target-bad-input", test_target_bad_input);
  ADD ("goal-of-targets", test_goal_of_targets);
  ADD ("delete-goal-and-undo", test_delete_goal_and_undo);
  ADD ("changes-made-elsewhere", test_changes_made_elsewhere);
  ADD ("progress-tab", test_progress_tab);
  ADD ("add-and-move-goals", test_add_and_move_goals);
  ADD ("general-page", test_general_page);
  ADD ("dimensions", test_dimensions);
  ADD ("choose-place", test_choose_place);
  ADD ("read-only", test_read_only);
  ADD ("keyboard", test_keyboard);
  g_test_add_func ("/editor/place-search", test_place_search);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
