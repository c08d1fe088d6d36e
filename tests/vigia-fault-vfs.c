/* vigia-fault-vfs.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An SQLite VFS over the default one that runs out of space on demand, the
 * way SQLite's own tests fail I/O: every call goes to the real file, except
 * that a write-ahead log may not grow past a size the test sets: the write
 * fails with SQLITE_FULL, as on a nearly full disk, where a commit that
 * needs less room still fits; or that no file may be made beside a
 * library, as in a read-only folder.  Installed as the default VFS, so that
 * every library the test opens goes through it.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vigia-fault-vfs.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  gboolean      is_wal;
} FaultFile;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods fault_methods;
/* The largest a log may grow; negative: no limit. */
static gint64 wal_limit = -1;
/* Whether the folder of every file is read-only: no log and no shared
 * memory can be made beside a library. */
static gboolean read_only_folder;
/* Writes and syncs since vigia_fault_vfs_fail_from(), and the first of
 * them to fail (with every one after): 0 for none. */
static guint n_calls;
static guint fail_from;

/* Whether this write or sync is one that fails. */
static gboolean
fault_due (void)
{
  n_calls++;
  return fail_from > 0 && n_calls >= fail_from;
}

#define REAL(file) (((FaultFile *) (file))->real)

static int
fault_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods != NULL ? REAL (file)->pMethods->xClose (REAL (file)) : SQLITE_OK;

  return rc;
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  if (((FaultFile *) file)->is_wal && wal_limit >= 0 && offset + amount > wal_limit)
    return SQLITE_FULL;
  if (fault_due ())
    return SQLITE_IOERR_WRITE;
  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file *file,
                sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  if (fault_due ())
    return SQLITE_IOERR_FSYNC;
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
fault_shm_map (sqlite3_file  *file,
               int            page,
               int            size,
               int            extend,
               void volatile **out)
{
  if (read_only_folder)
    return SQLITE_CANTOPEN;
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
fault_fetch (sqlite3_file  *file,
             sqlite3_int64  offset,
             int            amount,
             void         **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *fault = (FaultFile *) file;
  int rc;

  if (read_only_folder && (flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_CREATE)) != 0)
    {
      fault->base.pMethods = NULL;
      return SQLITE_CANTOPEN;
    }
  fault->real = (sqlite3_file *) (fault + 1);
  fault->is_wal = (flags & SQLITE_OPEN_WAL) != 0;
  rc = real_vfs->xOpen (real_vfs, name, fault->real, flags, out_flags);
  /* Methods of the same version as the real file's, so that SQLite asks
   * only for what it has (memory-mapped reads, shared memory). */
  if (fault->real->pMethods != NULL)
    {
      fault_methods.iVersion = fault->real->pMethods->iVersion;
      fault->base.pMethods = &fault_methods;
    }
  else
    {
      fault->base.pMethods = NULL;
    }
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

/**
 * vigia_fault_vfs_install:
 *
 * Makes the fault VFS the default one, with no limit yet.
 */
void
vigia_fault_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL);

  fault_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = fault_close,
    .xRead = fault_read,
    .xWrite = fault_write,
    .xTruncate = fault_truncate,
    .xSync = fault_sync,
    .xFileSize = fault_file_size,
    .xLock = fault_lock,
    .xUnlock = fault_unlock,
    .xCheckReservedLock = fault_check_reserved_lock,
    .xFileControl = fault_file_control,
    .xSectorSize = fault_sector_size,
    .xDeviceCharacteristics = fault_device_characteristics,
    .xShmMap = fault_shm_map,
    .xShmLock = fault_shm_lock,
    .xShmBarrier = fault_shm_barrier,
    .xShmUnmap = fault_shm_unmap,
    .xFetch = fault_fetch,
    .xUnfetch = fault_unfetch,
  };

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "vigia-fault",
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = NULL,
    .xDlError = NULL,
    .xDlSym = NULL,
    .xDlClose = NULL,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
  };
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

/**
 * vigia_fault_vfs_fail_from:
 * @n: the first write or sync to fail, counting from this call; 0 for none
 *
 * Every write and sync from the @n-th on fails, as on a disk that went
 * away: what SQLite's own I/O-error tests do.
 */
void
vigia_fault_vfs_fail_from (guint n)
{
  n_calls = 0;
  fail_from = n;
}

/**
 * vigia_fault_vfs_get_count:
 *
 * Returns: the writes and syncs since vigia_fault_vfs_fail_from()
 */
guint
vigia_fault_vfs_get_count (void)
{
  return n_calls;
}

/**
 * vigia_fault_vfs_set_read_only_folder:
 *
 * Makes every folder read-only to SQLite: nothing is created, no log or
 * shared memory is opened.
 */
void
vigia_fault_vfs_set_read_only_folder (gboolean read_only)
{
  read_only_folder = read_only;
}

/**
 * vigia_fault_vfs_set_wal_limit:
 * @bytes: the largest a write-ahead log may grow before the disk is full;
 *   negative for no limit
 */
void
vigia_fault_vfs_set_wal_limit (gint64 bytes)
{
  wal_limit = bytes;
}
