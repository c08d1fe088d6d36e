/* vigia-progress-editor.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records one target's progress in one semester, for the authority or for
 * observers: the value in the goal's unit, the status, the date, a note
 * and the evidence (addresses or files).  Made for entering a whole
 * semester by keyboard: it opens on the value, Alt and a letter picks a
 * status, and Enter saves (one step of the plan's undo stack) and tells
 * the grid to go on to the next goal.  Enter on an untouched new entry
 * saves nothing: the goal is skipped.
 */
#define G_LOG_DOMAIN "vigia-progress-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigia-accessible-names.h"
#include "vigia-popover-fit.h"
#include "vigia-progress-editor-private.h"
#include "vigia-number.h"

struct _VigiaProgressEditor
{
  GtkPopover        parent_instance;

  GtkScrolledWindow *body_scroller;
  GtkBox           *body;
  GtkBox           *footer;
  GtkLabel         *heading_label;
  GtkLabel         *goal_label;
  GtkLabel         *future_label;
  GtkToggleButton  *authority_toggle;
  GtkToggleButton  *observer_toggle;
  GtkEntry         *value_entry;
  GtkLabel         *unit_label;
  GtkGrid          *status_grid;
  GtkExpander      *details_expander;
  GtkEntry         *date_entry;
  GtkMenuButton    *calendar_button;
  GtkPopover       *calendar_popover;
  GtkCalendar      *calendar;
  GtkLabel         *date_words_label;
  GtkLabel         *recorded_by_label;
  GtkTextView      *note_view;
  GtkBox           *evidence_box;
  GtkButton        *add_link_button;
  GtkButton        *add_file_button;
  GtkLabel         *error_label;
  GtkButton        *delete_button;
  GtkButton        *save_button;
  GtkLabel         *enter_hint_label;
  GtkToggleButton  *status_toggles[VIGIA_N_STATUSES];

  /* The page's, not kept: GTK 4.8 never lets go of a popover that is open
   * when its window is destroyed, and the stack would keep the plan and the
   * library with it. */
  VigiaUndoStack   *undo_stack;
  VigiaGoal        *goal;
  VigiaTarget      *target;
  char             *period;
  VigiaSource       source;
  /* The entry's date as stored, and the day the date field showed for it:
   * a day left alone keeps the stored date whole. */
  char             *recorded;
  char             *shown_day;
  /* What the fields said when loaded, to tell an untouched entry. */
  char             *loaded_state;
  gboolean          loading;
  /* The semester is still to come, and whether that was said on a save */
  gboolean          future;
  gboolean          future_asked;
  /* The value was typed before the editor showed: it is not selected. */
  gboolean          typed;
  /* The calendar is being set to the field's day, not picked from. */
  gboolean          showing_day;
  /* The room its window leaves it, above or under its cell: 0 before it
   * shows. */
  int               max_height;
};

G_DEFINE_FINAL_TYPE (VigiaProgressEditor, vigia_progress_editor, GTK_TYPE_POPOVER)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/**
 * vigia_progress_editor_status_mnemonic:
 *
 * The statuses with a mnemonic each: Alt and the letter picks one from the
 * value field.
 *
 * Returns: the status's label with its mnemonic, in the language shown
 */
const char *
vigia_progress_editor_status_mnemonic (VigiaStatus status)
{
  switch (status)
    {
    case VIGIA_STATUS_NOT_RATED:   return C_("status", "Not _rated");
    case VIGIA_STATUS_IN_PROGRESS: return C_("status", "_In progress");
    case VIGIA_STATUS_STALLED:     return C_("status", "_Stalled");
    case VIGIA_STATUS_PARTLY_KEPT: return C_("status", "_Partly kept");
    case VIGIA_STATUS_KEPT:        return C_("status", "_Kept");
    case VIGIA_STATUS_BROKEN:      return C_("status", "_Broken");
    default:                       g_return_val_if_reached (NULL);
    }
}

/**
 * vigia_progress_editor_source_mnemonic:
 *
 * Returns: the source's label with its mnemonic, in the language shown
 */
const char *
vigia_progress_editor_source_mnemonic (VigiaSource source)
{
  return source == VIGIA_SOURCE_OBSERVER ? _("_Observer") : _("_Authority");
}

static char *
dup_note (VigiaProgressEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return vigia_text_strip (text);
}

static GStrv
dup_evidence (VigiaProgressEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = gtk_widget_get_first_child (row);
      g_autofree char *text = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (entry)));

      if (!vigia_str_empty (text))
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

/* Everything the fields say, as one string. */
static char *
dup_state (VigiaProgressEditor *self)
{
  g_autofree char *note = dup_note (self);
  g_auto(GStrv) evidence = dup_evidence (self);
  g_autofree char *joined = g_strjoinv ("\n", evidence);

  return g_strdup_printf ("%s\x1f%d\x1f%s\x1f%s\x1f%s", gtk_editable_get_text (GTK_EDITABLE (self->value_entry)),
                          vigia_progress_editor_get_status (self),
                          gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                          note != NULL ? note : "", joined);
}

static void
show_error (VigiaProgressEditor *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
    }
}

/* Says what is wrong with @entry's text, marks the field and puts the
 * keyboard there. */
static void
show_field_error (VigiaProgressEditor *self,
                  GtkEntry            *entry,
                  const char          *message)
{
  show_error (self, message);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

/* ---------------------------------------------------------------------- */
/* The date                                                               */
/* ---------------------------------------------------------------------- */

/* How the date field writes a day. */
static const char *
day_format (void)
{
  /* Translators: how the date field of a progress entry writes a day, as
   * g_date_time_format() takes it: "5/12/2026" for the 5th of December.
   * Keep the day, the month and the year as numbers; the field reads them
   * back in the order written here (and as 2026-12-05 too). */
  return _("%-d/%-m/%Y");
}

/* Whether the format above puts the month before the day. */
static gboolean
month_comes_first (void)
{
  const char *day = NULL;
  const char *month = NULL;

  for (const char *p = day_format (); *p != '\0'; p++)
    {
      if (*p != '%')
        continue;
      while (p[1] == '-' || p[1] == '_' || p[1] == '0')
        p++;
      if (p[1] == '\0')
        break;
      p++;
      if ((*p == 'd' || *p == 'e') && day == NULL)
        day = p;
      else if (*p == 'm' && month == NULL)
        month = p;
    }
  return day != NULL && month != NULL && month < day;
}

static char *
format_day (int year,
            int month,
            int day)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return date != NULL ? g_date_time_format (date, day_format ()) : NULL;
}

static gboolean
is_number (const char *text,
           gsize       min_digits,
           gsize       max_digits)
{
  gsize n = strlen (text);

  if (n < min_digits || n > max_digits)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* The month @word names in the language shown, "diciembre" or "dic": 1 to
 * 12, or 0. */
static int
month_named (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
      const char *formats[] = { "%B", "%b" };

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autofree char *name = g_date_time_format (first, formats[i]);
          g_autofree char *folded_name = name != NULL ? g_utf8_casefold (name, -1) : NULL;

          /* "dic." is "dic" once the full stops are gone. */
          if (folded_name != NULL)
            g_strdelimit (folded_name, ".", '\0');
          if (folded_name != NULL && *folded_name != '\0' && g_str_equal (folded, folded_name))
            return month;
        }
    }
  return 0;
}

/* The numbers of a day as written: "5/12/2026", "5-12-2026", "2026-12-05"
 * or in words, "5 de diciembre de 2026", whether or not they make a day. */
static gboolean
read_day (const char *text,
          int        *year,
          int        *month,
          int        *day)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "/-.", -1);
  g_auto(GStrv) words = NULL;
  const char *day_text = NULL;
  const char *year_text = NULL;

  if (g_strv_length (parts) == 3 && is_number (parts[0], 4, 4) && is_number (parts[1], 1, 2) &&
      is_number (parts[2], 1, 2))
    {
      *year = atoi (parts[0]);
      *month = atoi (parts[1]);
      *day = atoi (parts[2]);
      return TRUE;
    }
  if (g_strv_length (parts) == 3 && is_number (parts[0], 1, 2) && is_number (parts[1], 1, 2) &&
      is_number (parts[2], 4, 4))
    {
      gboolean swap = month_comes_first ();

      *day = atoi (parts[swap ? 1 : 0]);
      *month = atoi (parts[swap ? 0 : 1]);
      *year = atoi (parts[2]);
      return TRUE;
    }

  /* In words: a day, a month's name and a year, with "de" or "of" between. */
  *month = 0;
  words = g_strsplit_set (text, " ,.", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0' || g_ascii_strcasecmp (word, "de") == 0 || g_ascii_strcasecmp (word, "del") == 0 ||
          g_ascii_strcasecmp (word, "of") == 0)
        continue;
      if (is_number (word, 1, 2) && day_text == NULL)
        day_text = word;
      else if (is_number (word, 4, 4) && year_text == NULL)
        year_text = word;
      else if (*month == 0 && (*month = month_named (word)) != 0)
        continue;
      else
        return FALSE;
    }
  if (day_text == NULL || year_text == NULL || *month == 0)
    return FALSE;
  *day = atoi (day_text);
  *year = atoi (year_text);
  return TRUE;
}

/* The day the field says, as yyyy-mm-dd; %NULL, with why in @message,
 * where it says none.  A time stamp, "2027-03-31T10:00:00-05:00", is the
 * library's own reading of it, in @recorded. */
static char *
dup_field_day (const char  *text,
               char       **recorded,
               char       **message)
{
  int year = 0;
  int month = 0;
  int day = 0;

  *recorded = NULL;
  if (!read_day (text, &year, &month, &day))
    {
      g_autofree char *example = format_day (2027, 3, 31);

      if ((*recorded = vigia_progress_parse_date (text, NULL)) != NULL)
        return g_strndup (*recorded, 10);
      /* Translators: "“diciembre” is not a date: write it as 31/3/2027, or
       * pick it in the calendar" */
      *message = g_strdup_printf (_("“%s” is not a date: write it as %s, or pick it in the calendar."), text, example);
      return NULL;
    }
  if (month < 1 || month > 12)
    {
      /* Translators: "“5/13/2026” is not a date: there is no month 13." */
      *message = g_strdup_printf (_("“%s” is not a date: there is no month %d."), text, month);
      return NULL;
    }
  if (!g_date_valid_year (year) || day < 1 || day > g_date_get_days_in_month (month, year))
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (MAX (year, 1), month, 1, 0, 0, 0);
      /* Translators: a month of a year, as g_date_time_format() writes it: "February 2026" */
      g_autofree char *name = first != NULL ? g_date_time_format (first, _("%B %Y")) : g_strdup (text);

      /* Translators: "“31/02/2026” is not a date: February 2026 has 28 days." */
      *message = g_strdup_printf (_("“%s” is not a date: %s has %d days."), text, name,
                                  g_date_get_days_in_month (month, MAX (year, 1)));
      return NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The field as it writes @iso_day, "2026-12-05": "5/12/2026". */
static char *
dup_day_text (const char *iso_day)
{
  int year, month, day;
  char rest;
  char *text = NULL;

  if (iso_day != NULL && sscanf (iso_day, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3)
    text = format_day (year, month, day);
  return text != NULL ? text : g_strdup (iso_day != NULL ? iso_day : "");
}

/* Under the field, the day it was read as, in words. */
static void
date_changed_cb (VigiaProgressEditor *self)
{
  g_autofree char *text = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  g_autofree char *recorded = NULL;
  g_autofree char *message = NULL;
  g_autofree char *iso_day = NULL;
  g_autofree char *words = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  if (!vigia_str_empty (text))
    iso_day = dup_field_day (text, &recorded, &message);
  if (iso_day != NULL)
    words = vigia_stamp_dup_time_label (iso_day, FALSE);
  gtk_label_set_text (self->date_words_label, words != NULL ? words : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_words_label), words != NULL);
}

/* The calendar opens on the field's day, or today's. */
static void
calendar_shown_cb (VigiaProgressEditor *self)
{
  g_autofree char *text = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  g_autofree char *recorded = NULL;
  g_autofree char *message = NULL;
  g_autofree char *iso_day = vigia_str_empty (text) ? NULL : dup_field_day (text, &recorded, &message);
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso_day != NULL && sscanf (iso_day, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();
  self->showing_day = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->showing_day = FALSE;
}

static void
day_picked_cb (VigiaProgressEditor *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->showing_day)
    return;
  date = gtk_calendar_get_date (self->calendar);
  text = format_day (g_date_time_get_year (date), g_date_time_get_month (date), g_date_time_get_day_of_month (date));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_popover_popdown (self->calendar_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
}

/* ---------------------------------------------------------------------- */
/* Fitting the window                                                     */
/* ---------------------------------------------------------------------- */

/* No wider than its window, less a margin each side: its texts wrap; no
 * taller either: its fields scroll, above what is wrong and the buttons.
 *
 * GTK 4.8 works out a popover's height for a width with its content a
 * little wider than the popover then lays it out, and its scrolled window
 * asks its content's height for no width at all: a text that wraps comes
 * out a line short, and the popover cuts off its last line.  The height is
 * that of the fields and of the buttons at the width the frame leaves them,
 * and the frame's. */
static void
vigia_progress_editor_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  VigiaProgressEditor *self = VIGIA_PROGRESS_EDITOR (widget);
  GtkWidgetClass *parent_class = GTK_WIDGET_CLASS (vigia_progress_editor_parent_class);
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (widget));
  int room = vigia_popover_get_window_size (widget, orientation) - 2 * VIGIA_POPOVER_MARGIN;

  if (orientation == GTK_ORIENTATION_VERTICAL && self->max_height > 0)
    room = MIN (room, self->max_height);
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && GTK_IS_BOX (child))
    {
      int child_width, frame_width, frame_height, width;
      int body_min, body_nat, footer_min, footer_nat, scroller_min, spacing;

      vigia_popover_measure_frame (widget, parent_class, &child_width, &frame_width, &frame_height);
      width = MAX (for_size - frame_width, child_width);

      gtk_widget_measure (GTK_WIDGET (self->body), GTK_ORIENTATION_VERTICAL, width, &body_min, &body_nat, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->footer), GTK_ORIENTATION_VERTICAL, width, &footer_min, &footer_nat,
                          NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->body_scroller), GTK_ORIENTATION_VERTICAL, -1, &scroller_min, NULL,
                          NULL, NULL);
      spacing = gtk_box_get_spacing (GTK_BOX (child));
      *natural = body_nat + spacing + footer_nat + frame_height;
      *minimum = MIN (scroller_min + spacing + footer_min + frame_height, *natural);
      if (room > 0)
        *natural = MAX (*minimum, MIN (*natural, room));
      if (minimum_baseline != NULL)
        *minimum_baseline = -1;
      if (natural_baseline != NULL)
        *natural_baseline = -1;
      return;
    }

  parent_class->measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && room > 0)
    *natural = MAX (*minimum, MIN (*natural, room));
}

/* Beside its cell where the window has room there, else under or over it,
 * on the side with room for it; moved along the cell as far as needed to
 * stay in the window, and no taller than the room left: it scrolls. */
static void
fit_in_window (VigiaProgressEditor *self)
{
  GtkPopover *popover = GTK_POPOVER (self);
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  int window_width = vigia_popover_get_window_size (widget, GTK_ORIENTATION_HORIZONTAL);
  int window_height = vigia_popover_get_window_size (widget, GTK_ORIENTATION_VERTICAL);
  GtkPositionType position = gtk_popover_get_position (popover);
  graphene_point_t start, end;
  GdkRectangle rect;
  int min_size = 0;
  int width = 0;
  int height = 0;
  int baseline;
  int shift_x = 0;
  int shift_y = 0;

  self->max_height = 0;
  gtk_popover_set_offset (popover, 0, 0);
  if (parent == NULL || window_width <= 0 || window_height <= 0)
    return;
  if (!gtk_popover_get_pointing_to (popover, &rect))
    rect = (GdkRectangle) { 0, 0, gtk_widget_get_width (parent), gtk_widget_get_height (parent) };
  if (!gtk_widget_compute_point (parent, GTK_WIDGET (gtk_widget_get_root (parent)),
                                 &GRAPHENE_POINT_INIT (rect.x, rect.y), &start) ||
      !gtk_widget_compute_point (parent, GTK_WIDGET (gtk_widget_get_root (parent)),
                                 &GRAPHENE_POINT_INIT (rect.x + rect.width, rect.y + rect.height), &end))
    return;

  vigia_progress_editor_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_size, &width, &baseline, &baseline);
  if ((position == GTK_POS_RIGHT && end.x + width > window_width - VIGIA_POPOVER_MARGIN) ||
      (position == GTK_POS_LEFT && start.x - width < VIGIA_POPOVER_MARGIN))
    {
      if (position == GTK_POS_RIGHT && start.x - width >= VIGIA_POPOVER_MARGIN)
        position = GTK_POS_LEFT;
      else if (position == GTK_POS_LEFT && end.x + width <= window_width - VIGIA_POPOVER_MARGIN)
        position = GTK_POS_RIGHT;
      else
        position = GTK_POS_BOTTOM;
      gtk_popover_set_position (popover, position);
      vigia_progress_editor_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_size, &width, &baseline, &baseline);
    }
  vigia_progress_editor_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_size, &height, &baseline, &baseline);

  if (position == GTK_POS_LEFT || position == GTK_POS_RIGHT)
    {
      shift_y = vigia_popover_shift_into ((int) ((start.y + end.y) / 2) - height / 2, height, window_height);
    }
  else
    {
      int left = (int) ((start.x + end.x) / 2) - width / 2;
      int above = (int) start.y - VIGIA_POPOVER_MARGIN;
      int below = window_height - VIGIA_POPOVER_MARGIN - (int) end.y;

      if (position == GTK_POS_BOTTOM && height > below && above > below)
        position = GTK_POS_TOP;
      else if (position == GTK_POS_TOP && height > above && below > above)
        position = GTK_POS_BOTTOM;
      gtk_popover_set_position (popover, position);
      self->max_height = position == GTK_POS_BOTTOM ? below : above;
      shift_x = vigia_popover_shift_into (left, width, window_width);
    }
  gtk_popover_set_offset (popover, shift_x, shift_y);
}

/* Opened or closed, the details change its height: it is placed again. */
static void
details_expanded_cb (VigiaProgressEditor *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;
  fit_in_window (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
vigia_progress_editor_show (GtkWidget *widget)
{
  /* Measured again: the window may have changed size. */
  gtk_widget_queue_resize (widget);
  fit_in_window (VIGIA_PROGRESS_EDITOR (widget));

  GTK_WIDGET_CLASS (vigia_progress_editor_parent_class)->show (widget);
}

static void
remove_evidence_cb (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkBox *box = GTK_BOX (gtk_widget_get_parent (row));
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL)
    next = gtk_widget_get_prev_sibling (row);
  gtk_box_remove (box, row);
  /* The keyboard stays in the list rather than falling out of the popover. */
  if (next != NULL)
    gtk_widget_grab_focus (gtk_widget_get_first_child (next));
}

/* A read-only library's entries are shown to be read and copied. */
static gboolean
is_read_only (VigiaProgressEditor *self)
{
  return self->undo_stack != NULL && vigia_undo_stack_is_read_only (self->undo_stack);
}

static GtkWidget *
add_evidence_row (VigiaProgressEditor *self,
                  const char          *reference)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), reference != NULL ? reference : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://…");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove Evidence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Evidence"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_evidence_cb), NULL);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (self->evidence_box, row);
  gtk_editable_set_editable (GTK_EDITABLE (entry), !is_read_only (self));
  gtk_widget_set_visible (remove, !is_read_only (self));
  return entry;
}

/* Fills the fields with the goal's entry of the semester for @source, or
 * with what a new one starts from. */
static void
load (VigiaProgressEditor *self)
{
  VigiaProgress *entry = vigia_target_find_progress (self->target, self->period, self->source);
  GtkTextBuffer *note = gtk_text_view_get_buffer (self->note_view);
  VigiaStatus status = VIGIA_STATUS_NOT_RATED;
  GtkWidget *child;

  self->loading = TRUE;

  gtk_toggle_button_set_active (self->source == VIGIA_SOURCE_OBSERVER ? self->observer_toggle
                                                                      : self->authority_toggle, TRUE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_box))) != NULL)
    gtk_box_remove (self->evidence_box, child);
  g_clear_pointer (&self->recorded, g_free);
  g_clear_pointer (&self->shown_day, g_free);

  if (entry != NULL)
    {
      double value = vigia_progress_get_value (entry);
      const char * const *evidence = vigia_progress_get_evidence (entry);
      g_autofree char *number = VIGIA_HAS_VALUE (value) ? vigia_number_format (value, 6) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->value_entry), number != NULL ? number : "");
      status = vigia_progress_get_status (entry);
      gtk_text_buffer_set_text (note, vigia_progress_get_note (entry) != NULL ? vigia_progress_get_note (entry) : "", -1);
      for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
        add_evidence_row (self, evidence[i]);
      self->recorded = g_strdup (vigia_progress_get_recorded (entry));
      if (self->recorded != NULL)
        self->shown_day = g_strndup (self->recorded, 10);
      if (vigia_progress_get_stamp (entry)->edited_by != NULL)
        {
          /* Translators: in an entry's details: "Recorded by Ana Quispe" */
          g_autofree char *who = g_strdup_printf (_("Recorded by %s"), vigia_progress_get_stamp (entry)->edited_by);

          gtk_label_set_text (self->recorded_by_label, who);
        }
    }
  else
    {
      /* A status holds from one semester to the next until it is changed:
       * a new entry starts from the target's latest one. */
      VigiaProgress *before = vigia_target_find_latest_progress (self->target, self->period, self->source);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if (before != NULL)
        status = vigia_progress_get_status (before);
      gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
      gtk_text_buffer_set_text (note, "", -1);
      self->shown_day = g_date_time_format (now, "%Y-%m-%d");
    }

  {
    g_autofree char *day_text = dup_day_text (self->shown_day);

    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), day_text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->recorded_by_label),
                          entry != NULL && vigia_progress_get_stamp (entry)->edited_by != NULL);
  /* What is there is shown; the quick way through is the value and status. */
  gtk_expander_set_expanded (self->details_expander,
                             entry != NULL && (!vigia_str_empty (vigia_progress_get_note (entry)) ||
                                               vigia_progress_get_evidence (entry) != NULL));
  gtk_toggle_button_set_active (self->status_toggles[status], TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), entry != NULL && !is_read_only (self));
  show_error (self, NULL);

  g_free (self->loaded_state);
  self->loaded_state = entry == NULL ? dup_state (self) : NULL;

  self->loading = FALSE;
}

static void
source_toggled_cb (VigiaProgressEditor *self)
{
  VigiaSource source = gtk_toggle_button_get_active (self->observer_toggle) ? VIGIA_SOURCE_OBSERVER
                                                                            : VIGIA_SOURCE_AUTHORITY;

  if (self->loading || source == self->source)
    return;
  vigia_progress_editor_set_source (self, source);
}

static void
add_link_cb (VigiaProgressEditor *self)
{
  gtk_widget_grab_focus (add_evidence_row (self, NULL));
}

static void
file_chosen_cb (GtkNativeDialog     *chooser,
                int                  response,
                VigiaProgressEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *uri = path == NULL ? g_file_get_uri (file) : NULL;

      vigia_progress_editor_add_evidence (self, path != NULL ? path : uri);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_file_cb (VigiaProgressEditor *self)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  chooser = gtk_file_chooser_native_new (_("Choose the Evidence"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_clicked_cb (VigiaProgressEditor *self)
{
  vigia_progress_editor_save (self);
}

static void
delete_clicked_cb (VigiaProgressEditor *self)
{
  vigia_progress_editor_delete (self);
}

/* Enter saves from anywhere but the note (where Ctrl+Enter does) and the
 * buttons that do something else. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VigiaProgressEditor   *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL)
    {
      if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_view)) || focus == GTK_WIDGET (self->note_view))
        {
          if ((state & GDK_CONTROL_MASK) == 0)
            return FALSE;
        }
      else if (GTK_IS_BUTTON (focus) && !GTK_IS_TOGGLE_BUTTON (focus))
        return FALSE;
      /* In the calendar, Space picks a day: Enter does not save behind it. */
      else if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->calendar_popover)))
        return FALSE;
    }

  vigia_progress_editor_save (self);
  return TRUE;
}

static void
vigia_progress_editor_map (GtkWidget *widget)
{
  VigiaProgressEditor *self = VIGIA_PROGRESS_EDITOR (widget);

  GTK_WIDGET_CLASS (vigia_progress_editor_parent_class)->map (widget);

  /* Ready for the value, typed over what is there, or after what was
   * typed already. */
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
  if (self->typed)
    gtk_editable_set_position (GTK_EDITABLE (self->value_entry), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->value_entry), 0, -1);
}

static void
vigia_progress_editor_dispose (GObject *object)
{
  VigiaProgressEditor *self = (VigiaProgressEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PROGRESS_EDITOR);
  g_clear_weak_pointer (&self->undo_stack);
  g_clear_object (&self->target);
  g_clear_object (&self->goal);

  G_OBJECT_CLASS (vigia_progress_editor_parent_class)->dispose (object);
}

static void
vigia_progress_editor_finalize (GObject *object)
{
  VigiaProgressEditor *self = (VigiaProgressEditor *)object;

  g_free (self->period);
  g_free (self->recorded);
  g_free (self->shown_day);
  g_free (self->loaded_state);

  G_OBJECT_CLASS (vigia_progress_editor_parent_class)->finalize (object);
}

static void
vigia_progress_editor_class_init (VigiaProgressEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_progress_editor_dispose;
  object_class->finalize = vigia_progress_editor_finalize;

  widget_class->map = vigia_progress_editor_map;
  widget_class->show = vigia_progress_editor_show;
  widget_class->measure = vigia_progress_editor_measure;

  /**
   * VigiaProgressEditor::saved:
   *
   * Emitted when Enter or Save recorded the entry (or found nothing to
   * record): the grid goes on to the next goal.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  /**
   * VigiaProgressEditor::deleted:
   *
   * Emitted when the entry was deleted, as the newest step of the stack.
   */
  signals[DELETED] = g_signal_new ("deleted",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-progress-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, body_scroller);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, body);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, footer);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, goal_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, authority_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, observer_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, value_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, unit_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, status_grid);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, details_expander);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, date_words_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, recorded_by_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, add_file_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, future_label);
  gtk_widget_class_bind_template_child (widget_class, VigiaProgressEditor, enter_hint_label);
}

/* "Añadir archivo…" goes on two lines rather than widen the popover past
 * a narrow window. */
static void
wrap_button_label (GtkWidget *button)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    }
}

static void
vigia_progress_editor_init (VigiaProgressEditor *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  vigia_accessible_fix_mnemonics (GTK_WIDGET (self));

  gtk_button_set_label (GTK_BUTTON (self->authority_toggle), vigia_progress_editor_source_mnemonic (VIGIA_SOURCE_AUTHORITY));
  gtk_button_set_label (GTK_BUTTON (self->observer_toggle), vigia_progress_editor_source_mnemonic (VIGIA_SOURCE_OBSERVER));
  wrap_button_label (GTK_WIDGET (self->add_link_button));
  wrap_button_label (GTK_WIDGET (self->add_file_button));
  wrap_button_label (GTK_WIDGET (self->delete_button));
  for (VigiaStatus status = 0; status < VIGIA_N_STATUSES; status++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_mnemonic (vigia_progress_editor_status_mnemonic (status));

      wrap_button_label (toggle);
      gtk_widget_set_hexpand (toggle, TRUE);
      if (status > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->status_toggles[0]);
      gtk_grid_attach (self->status_grid, toggle, status % 2, status / 2, 1, 1);
      self->status_toggles[status] = GTK_TOGGLE_BUTTON (toggle);
    }

  /* Either may say it last when the other is pressed. */
  g_signal_connect_swapped (self->authority_toggle, "toggled", G_CALLBACK (source_toggled_cb), self);
  g_signal_connect_swapped (self->observer_toggle, "toggled", G_CALLBACK (source_toggled_cb), self);
  g_signal_connect_swapped (self->add_link_button, "clicked", G_CALLBACK (add_link_cb), self);
  g_signal_connect_swapped (self->add_file_button, "clicked", G_CALLBACK (add_file_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect (self->value_entry, "changed", G_CALLBACK (gtk_widget_remove_css_class), (gpointer) "error");
  g_signal_connect_swapped (self->calendar_popover, "show", G_CALLBACK (calendar_shown_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_picked_cb), self);
  g_signal_connect_swapped (self->details_expander, "notify::expanded", G_CALLBACK (details_expanded_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * vigia_progress_editor_new:
 * @undo_stack: the open plan's stack, that saves the entry
 * @target: a target of a goal of its plan
 * @period: the semester
 * @source: whose entry is edited first
 */
GtkWidget *
vigia_progress_editor_new (VigiaUndoStack *undo_stack,
                           VigiaTarget    *target,
                           const char     *period,
                           VigiaSource     source)
{
  VigiaGoal *goal;
  guint position = 0;
  VigiaProgressEditor *self;
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  const char *unit;
  const char *text;

  g_return_val_if_fail (VIGIA_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (VIGIA_IS_TARGET (target), NULL);
  g_return_val_if_fail (VIGIA_IS_GOAL (vigia_target_get_goal (target)), NULL);
  g_return_val_if_fail (vigia_period_is_valid (period), NULL);

  goal = vigia_target_get_goal (target);
  self = g_object_new (VIGIA_TYPE_PROGRESS_EDITOR, NULL);
  g_set_weak_pointer (&self->undo_stack, undo_stack);
  self->goal = g_object_ref (goal);
  self->target = g_object_ref (target);
  self->period = g_strdup (period);
  self->source = source;

  label = vigia_period_dup_label (period);
  if (vigia_goal_get_n_targets (goal) > 1 && vigia_goal_get_target_position (goal, target, &position))
    {
      /* Translators: the heading of the entry editor of one of a goal's
       * targets: "Target 2.1 · 1st half 2024" */
      heading = g_strdup_printf (_("Target %u.%u · %s"), vigia_goal_get_number (goal), position + 1, label);
      text = vigia_target_get_text (target);
    }
  else
    {
      /* Translators: the heading of the entry editor: "Goal 2 · 1st half 2024" */
      heading = g_strdup_printf (_("Goal %u · %s"), vigia_goal_get_number (goal), label);
      text = vigia_goal_get_indicator (goal);
      if (vigia_str_empty (text))
        text = vigia_goal_get_objective (goal);
    }
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->goal_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->goal_label), !vigia_str_empty (text));

  unit = vigia_target_get_measure (target) == VIGIA_MEASURE_PERCENT ||
         vigia_target_get_measure (target) == VIGIA_MEASURE_PERCENT_CHANGE ? "%" :
         vigia_target_get_unit (target);
  gtk_label_set_text (self->unit_label, unit != NULL ? unit : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit_label), unit);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), !vigia_str_empty (unit));

  if (vigia_undo_stack_is_read_only (undo_stack))
    {
      gtk_editable_set_editable (GTK_EDITABLE (self->value_entry), FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->date_entry), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->calendar_button), FALSE);
      gtk_text_view_set_editable (self->note_view, FALSE);
      gtk_text_view_set_cursor_visible (self->note_view, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->status_grid), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->add_link_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->add_file_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->enter_hint_label), FALSE);
    }
  load (self);
  return GTK_WIDGET (self);
}

VigiaGoal *
vigia_progress_editor_get_goal (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), NULL);
  return self->goal;
}

VigiaTarget *
vigia_progress_editor_get_target (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), NULL);
  return self->target;
}

const char *
vigia_progress_editor_get_period (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), NULL);
  return self->period;
}

VigiaSource
vigia_progress_editor_get_source (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), VIGIA_SOURCE_AUTHORITY);
  return self->source;
}

/**
 * vigia_progress_editor_set_source:
 *
 * Shows the entry of @source instead, as it is saved.
 */
void
vigia_progress_editor_set_source (VigiaProgressEditor *self,
                                  VigiaSource          source)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));

  self->source = source;
  load (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->value_entry), 0, -1);
    }
}

VigiaStatus
vigia_progress_editor_get_status (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), VIGIA_STATUS_NOT_RATED);

  for (VigiaStatus status = 0; status < VIGIA_N_STATUSES; status++)
    if (gtk_toggle_button_get_active (self->status_toggles[status]))
      return status;
  return VIGIA_STATUS_NOT_RATED;
}

void
vigia_progress_editor_set_status (VigiaProgressEditor *self,
                                  VigiaStatus          status)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));
  g_return_if_fail (status < VIGIA_N_STATUSES);

  gtk_toggle_button_set_active (self->status_toggles[status], TRUE);
}

/**
 * vigia_progress_editor_type_value:
 * @text: what was typed
 *
 * Puts @text in the value field in place of what was there, as if typed
 * there: the figure a user typed on a cell of the grid.
 */
void
vigia_progress_editor_type_value (VigiaProgressEditor *self,
                                  const char          *text)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));
  g_return_if_fail (text != NULL);

  self->typed = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->value_entry), -1);
}

/**
 * vigia_progress_editor_add_evidence:
 * @reference: an address or a file
 *
 * Adds a row of evidence saying @reference, as Add File… does.
 */
void
vigia_progress_editor_add_evidence (VigiaProgressEditor *self,
                                    const char          *reference)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));
  add_evidence_row (self, reference);
}

/**
 * vigia_progress_editor_set_future:
 * @future: whether the semester is still to come
 * @asked: whether the user was already asked about such a semester, and
 *   said to go on
 *
 * A semester still to come is marked as such, and its first save only
 * asks for a second, unless @asked.
 */
void
vigia_progress_editor_set_future (VigiaProgressEditor *self,
                                  gboolean             future,
                                  gboolean             asked)
{
  g_return_if_fail (VIGIA_IS_PROGRESS_EDITOR (self));

  self->future = future;
  self->future_asked = asked;
  gtk_widget_set_visible (GTK_WIDGET (self->future_label), future);
}

/**
 * vigia_progress_editor_get_future_asked:
 *
 * Returns: whether the user was asked about a semester still to come
 */
gboolean
vigia_progress_editor_get_future_asked (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), FALSE);
  return self->future && self->future_asked;
}

/**
 * vigia_progress_editor_save:
 *
 * Saves what the fields say as the goal's entry, what Enter does.  A value
 * that is not a number or a date that is not a day is said in the popover,
 * and nothing is saved.  A new entry left untouched is not saved.
 *
 * Returns: whether the fields were good (and #VigiaProgressEditor::saved
 *   was emitted)
 */
gboolean
vigia_progress_editor_save (VigiaProgressEditor *self)
{
  g_autoptr(VigiaProgress) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *day = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *note = NULL;
  g_autofree char *state = NULL;
  g_auto(GStrv) evidence = NULL;
  double value = VIGIA_NO_VALUE;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), FALSE);
  /* Enter on an entry of a read-only library has read it. */
  if (is_read_only (self))
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return FALSE;
    }
  /* Its page, and the plan's stack, are gone. */
  if (self->undo_stack == NULL)
    return FALSE;

  state = dup_state (self);
  if (self->loaded_state != NULL && g_str_equal (state, self->loaded_state))
    {
      g_signal_emit (self, signals[SAVED], 0);
      return TRUE;
    }

  value_text = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->value_entry)));
  if (!vigia_str_empty (value_text) && !vigia_number_parse (value_text, &value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number"), value_text);

      show_field_error (self, self->value_entry, message);
      return FALSE;
    }

  /* The day as the field says it; the one shown, left alone, keeps the
   * date kept whole (or a new entry's today, dated when saved). */
  day_text = vigia_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  if (!vigia_str_empty (day_text))
    {
      g_autofree char *message = NULL;

      day = dup_field_day (day_text, &recorded, &message);
      if (day == NULL)
        {
          show_field_error (self, self->date_entry, message);
          return FALSE;
        }
      if (g_strcmp0 (day, self->shown_day) == 0)
        {
          g_free (recorded);
          recorded = g_strdup (self->recorded);
        }
      else if (recorded == NULL && (recorded = vigia_progress_parse_date (day, &error)) == NULL)
        {
          show_field_error (self, self->date_entry, error->message);
          return FALSE;
        }
    }

  /* A figure for a semester still to come is a slip as often as a
   * forecast: the first save says so, the next one saves. */
  if (self->future && !self->future_asked)
    {
      self->future_asked = TRUE;
      show_error (self, _("This semester has not begun yet: save again to record a figure for it all the same."));
      return FALSE;
    }

  note = dup_note (self);
  evidence = dup_evidence (self);

  entry = vigia_progress_new (self->period, self->source);
  vigia_progress_set_value (entry, value);
  vigia_progress_set_status (entry, vigia_progress_editor_get_status (self));
  vigia_progress_set_note (entry, vigia_str_empty (note) ? NULL : note);
  vigia_progress_set_evidence (entry, evidence[0] != NULL ? (const char * const *) evidence : NULL);
  /* A new entry dated today is dated when it is saved. */
  vigia_progress_set_recorded (entry, recorded);

  if (!vigia_undo_stack_save_progress (self->undo_stack, self->goal, self->target, entry, &error))
    {
      g_autofree char *message = NULL;

      /* Another desk recorded it first: the window asks about it. */
      if (g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
        {
          gtk_popover_popdown (GTK_POPOVER (self));
          return FALSE;
        }
      message = g_strdup_printf (_("The entry could not be saved: %s"), error->message);

      show_error (self, message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * vigia_progress_editor_delete:
 *
 * Deletes the target's entry of the semester for the source shown, as one
 * step of the stack.
 *
 * Returns: whether it was deleted (and #VigiaProgressEditor::deleted emitted)
 */
gboolean
vigia_progress_editor_delete (VigiaProgressEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), FALSE);

  if (self->undo_stack == NULL || is_read_only (self) ||
      vigia_target_find_progress (self->target, self->period, self->source) == NULL)
    return FALSE;

  if (!vigia_undo_stack_delete_progress (self->undo_stack, self->goal, self->target, self->period, self->source,
                                         &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
        {
          gtk_popover_popdown (GTK_POPOVER (self));
          return FALSE;
        }
      message = g_strdup_printf (_("The entry could not be deleted: %s"), error->message);

      show_error (self, message);
      return FALSE;
    }

  g_signal_emit (self, signals[DELETED], 0);
  return TRUE;
}

/**
 * vigia_progress_editor_get_error:
 *
 * Returns: (nullable): what the popover says is wrong, or %NULL
 */
const char *
vigia_progress_editor_get_error (VigiaProgressEditor *self)
{
  g_return_val_if_fail (VIGIA_IS_PROGRESS_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
