/* vigia-file-utils.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigia-file-utils"

#include "config.h"

#include "vigia-file-utils.h"

/**
 * vigia_replace_file_contents:
 * @file: the file to write
 * @write: writes the contents
 * @user_data: data for @write
 *
 * Writes @file whole or not at all.  A file that was there is replaced only
 * once @write has written everything and the new contents are closed (GIO
 * writes them beside it and renames them over it); if @write or closing
 * fails, or @cancellable is cancelled, the old file stays as it was, and a
 * file that was not there is not left behind, empty or half written.
 *
 * Errors are GIO's or @write's as they are: callers name the file as their
 * users know it.
 *
 * Returns: %TRUE, or %FALSE with @error
 */
gboolean
vigia_replace_file_contents (GFile               *file,
                             VigiaContentsWriter  write,
                             gpointer             user_data,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean created;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* g_file_replace() writes a file that is not there yet in place, not
   * beside it: one created here is deleted again if the write fails. */
  stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, &local_error);
  created = stream != NULL;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_clear_error (&local_error);
      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                               cancellable, &local_error);
    }
  if (stream == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (write (G_OUTPUT_STREAM (stream), user_data, cancellable, &local_error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    return TRUE;

  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing cancelled drops the replacement and keeps the old file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
    }
  if (created)
    g_file_delete (file, NULL, NULL);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
