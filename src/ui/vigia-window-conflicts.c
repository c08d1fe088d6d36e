/* vigia-window-conflicts.c: what the window does when another desk saved the item first
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A change refused as a conflict (VIGIA_ERROR_CONFLICT) is not an error to
 * report: the window reads the plan anew, makes the change again where the
 * other desk left the fields alone, and asks whose version to keep where
 * both changed the same one (docs/postgresql.md, "Two desks, one item").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vigia-window-private.h"

static void
replay_all (VigiaWindow *self,
            GPtrArray   *conflicts,
            gboolean     keep_mine)
{
  VigiaUndoStack *undo_stack = vigia_plan_editor_get_undo_stack (self->editor);

  for (guint i = 0; i < conflicts->len && undo_stack != NULL; i++)
    {
      VigiaEditConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autoptr(GError) error = NULL;

      if (keep_mine && !vigia_edit_conflict_needs_choice (conflict))
        continue;
      /* Refused again (a third desk saved meanwhile), it comes back as a
       * conflict of its own. */
      if (!vigia_undo_stack_replay (undo_stack, conflict, keep_mine, &error) && error != NULL &&
          !g_error_matches (error, VIGIA_ERROR, VIGIA_ERROR_CONFLICT))
        vigia_window_show_error (self, _("The Change Could Not Be Saved"), error);
    }
}

static void
choice_cb (AdwMessageDialog *dialog,
           const char       *response,
           VigiaWindow      *self)
{
  GPtrArray *conflicts = g_object_get_data (G_OBJECT (dialog), "conflicts");

  self->conflict_dialog = NULL;
  /* Theirs is what the plan shows already. */
  if (g_strcmp0 (response, "mine") == 0 && self->open_plan_id != 0)
    replay_all (self, conflicts, TRUE);
}

static void
ask (VigiaWindow       *self,
     GPtrArray         *conflicts,
     VigiaEditConflict *first)
{
  g_autofree char *description = vigia_edit_conflict_dup_description (first);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *author = vigia_edit_conflict_get_author (first);
  AdwMessageDialog *dialog;

  if (author != NULL)
    /* Translators: a dialog's heading, "Changed by Ana" */
    heading = g_strdup_printf (_("Changed by %s"), author);
  else
    heading = g_strdup (_("Changed at Another Desk"));
  /* Translators: the description, then this desk's value and the other's */
  body = g_strdup_printf (_("%s\n\nYours: %s\nTheirs: %s"), description, vigia_edit_conflict_get_mine (first),
                          vigia_edit_conflict_get_theirs (first));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "theirs", _("Take _Theirs"), "mine", _("_Keep Yours"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "mine");
  adw_message_dialog_set_close_response (dialog, "theirs");
  g_object_set_data_full (G_OBJECT (dialog), "conflicts", g_ptr_array_ref (conflicts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (choice_cb), self, 0);
  self->conflict_dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tell_lost (VigiaWindow       *self,
           VigiaEditConflict *conflict)
{
  g_autofree char *description = vigia_edit_conflict_dup_description (conflict);
  g_autofree char *body = g_strdup_printf ("%s %s", description,
                                           _("Your change could not be made again on their version, which the "
                                             "plan shows now."));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Change Was Not Saved"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Makes again, on the plan just read anew, the changes the library refused
 * since it was last read, and says what became of them. */
void
_vigia_window_resolve_conflicts (VigiaWindow *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) contested = g_ptr_array_new_with_free_func (g_object_unref);
  VigiaEditConflict *lost = NULL;
  const char *author = NULL;

  if (self->conflicts->len == 0)
    return;
  conflicts = g_steal_pointer (&self->conflicts);
  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->open_plan_id == 0)
    return;

  replay_all (self, conflicts, FALSE);

  for (guint i = 0; i < conflicts->len; i++)
    {
      VigiaEditConflict *conflict = g_ptr_array_index (conflicts, i);

      if (vigia_edit_conflict_needs_choice (conflict))
        g_ptr_array_add (contested, g_object_ref (conflict));
      else if (vigia_edit_conflict_is_lost (conflict) && lost == NULL)
        lost = conflict;
      else if (author == NULL)
        author = vigia_edit_conflict_get_author (conflict);
    }

  /* Asked already: the answer goes for these too. */
  if (contested->len > 0 && self->conflict_dialog != NULL)
    {
      GPtrArray *asked = g_object_get_data (G_OBJECT (self->conflict_dialog), "conflicts");

      for (guint i = 0; i < contested->len; i++)
        g_ptr_array_add (asked, g_object_ref (g_ptr_array_index (contested, i)));
    }
  else if (contested->len > 0)
    ask (self, contested, g_ptr_array_index (contested, 0));
  else if (lost != NULL)
    tell_lost (self, lost);
  else if (contested->len == 0)
    {
      g_autofree char *title = NULL;

      if (author != NULL)
        /* Translators: a toast, "Ana saved this plan too: both changes are kept" */
        title = g_strdup_printf (_("%s saved this plan too: both changes are kept"), author);
      else
        title = g_strdup (_("Saved with the changes of another desk"));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }
}

static gboolean
reload_cb (gpointer user_data)
{
  VigiaWindow *self = user_data;

  self->conflicts_source = 0;
  if (self->open_plan_id != 0)
    _vigia_window_reload_open_plan (self);
  else
    g_ptr_array_set_size (self->conflicts, 0);
  return G_SOURCE_REMOVE;
}

/* VigiaUndoStack::conflict of the open plan's stack: the refused change is
 * taken at once, since the stack goes when the plan is read anew.  Refused
 * while the plan is being read anew (its typing saved first), it is made
 * again at the end of that; otherwise the plan is read anew before anything
 * else the user does reaches it, so that more typing does not go into the
 * old plan. */
void
_vigia_window_conflict_cb (VigiaWindow    *self,
                           VigiaUndoStack *undo_stack)
{
  g_autoptr(GPtrArray) conflicts = vigia_undo_stack_take_conflicts (undo_stack);

  g_ptr_array_extend_and_steal (self->conflicts, g_steal_pointer (&conflicts));
  if (!self->reloading && self->conflicts_source == 0)
    {
      self->conflicts_source = g_idle_add_full (G_PRIORITY_HIGH, reload_cb, self, NULL);
      g_source_set_name_by_id (self->conflicts_source, "[vigia] read the plan anew after a conflict");
    }
}
