/* test-file-utils.c: writing a file whole or not at all
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigia-test-utils.h"

typedef struct
{
  /* Written before failing, or all that is written if fail is FALSE. */
  const char *text;
  gboolean    fail;
} Contents;

static gboolean
write_contents (GOutputStream  *stream,
                gpointer        user_data,
                GCancellable   *cancellable,
                GError        **error)
{
  const Contents *contents = user_data;

  if (!g_output_stream_write_all (stream, contents->text, strlen (contents->text), NULL,
                                  cancellable, error))
    return FALSE;
  if (contents->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
      return FALSE;
    }
  return TRUE;
}

static void
test_replace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plans.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const Contents first = { "first", FALSE };
  const Contents second = { "second, longer", FALSE };
  g_autofree char *text = NULL;

  g_assert_true (vigia_replace_file_contents (file, write_contents, (gpointer) &first, NULL, &error));
  g_assert_no_error (error);
  text = vigia_test_read_file (path);
  g_assert_cmpstr (text, ==, "first");
  g_clear_pointer (&text, g_free);

  g_assert_true (vigia_replace_file_contents (file, write_contents, (gpointer) &second, NULL, &error));
  g_assert_no_error (error);
  text = vigia_test_read_file (path);
  g_assert_cmpstr (text, ==, "second, longer");

  vigia_test_remove_dir (dir);
}

/* A failure leaves the old file as it was, and no new file: neither a
 * half-written one nor an empty one. */
static void
test_failure (void)
{
  g_autofree char *dir = vigia_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plans.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "plans.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const Contents half = { "half", TRUE };
  const Contents nothing = { "", TRUE };
  const Contents whole = { "whole", FALSE };
  g_autofree char *text = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (vigia_replace_file_contents (file, write_contents, (gpointer) (i == 0 ? &half : &nothing),
                                                   NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  {
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_false (vigia_replace_file_contents (file, write_contents, (gpointer) &whole, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_cancellable_reset (cancellable);
  }

  g_assert_true (g_file_set_contents (path, "what was there", -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (vigia_replace_file_contents (file, write_contents, (gpointer) (i == 0 ? &half : &nothing),
                                                   NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_clear_pointer (&text, g_free);
      text = vigia_test_read_file (path);
      g_assert_cmpstr (text, ==, "what was there");
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (vigia_replace_file_contents (nowhere, write_contents, (gpointer) &whole, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* Nothing is left beside the file either. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_assert_cmpstr (name, ==, "plans.json");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }

  vigia_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-utils/replace", test_replace);
  g_test_add_func ("/file-utils/failure", test_failure);

  return g_test_run ();
}
