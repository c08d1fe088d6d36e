/* vigia-error.h: the error domain of libvigia-core
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VIGIA_ERROR (vigia_error_quark ())

typedef enum {
  VIGIA_ERROR_FAILED,
  VIGIA_ERROR_NOT_FOUND,
  /* The file is a library written by a newer Vigía. */
  VIGIA_ERROR_NEWER_SCHEMA,
  /* The file is not an SQLite database, or not a Vigía library. */
  VIGIA_ERROR_NOT_A_LIBRARY,
  VIGIA_ERROR_CORRUPT,
  VIGIA_ERROR_READ_ONLY,
  /* Another process holds the library for longer than the busy timeout. */
  VIGIA_ERROR_BUSY,
  /* A file being read has a problem; the message names the file and line. */
  VIGIA_ERROR_PARSE,
  VIGIA_ERROR_UNKNOWN_FORMAT,
  VIGIA_ERROR_DUPLICATE,
  VIGIA_ERROR_INVALID,
  /* The item was saved by someone else after it was read: nothing was
   * written. */
  VIGIA_ERROR_CONFLICT,
} VigiaError;

GQuark vigia_error_quark (void);

G_END_DECLS
