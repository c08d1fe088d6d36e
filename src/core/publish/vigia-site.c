/* vigia-site.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing writes a folder that any static host, a USB stick or file://
 * serves: the index, the methodology, a page per plan and the data.  The
 * plans and their figures come from the library's summaries (one query
 * assesses them all); each plan page is its report in the site's frame.
 *
 * Publishing again into the same folder writes only what changed: a
 * manifest (.vigia-sitio) keeps, for each file it wrote, a digest of what
 * the file was made from (the plan as its exchange text, the semester, the
 * options, Vigía's version); a page whose digest is the same and whose file
 * is still there is left alone, and any other page is compared with the
 * file before it is replaced.  Files the manifest lists that are no longer
 * part of the site are removed; no other file of the folder is touched.
 * The pages are in Spanish whatever the desktop's language: they are
 * Peru's.  Docs: docs/publishing.md.
 */
#define G_LOG_DOMAIN "vigia-site"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "vigia-csv-writer.h"
#include "vigia-error.h"
#include "vigia-file-utils.h"
#include "vigia-html.h"
#include "vigia-json-writer.h"
#include "vigia-period.h"
#include "vigia-report-csv.h"
#include "vigia-report-private.h"
#include "vigia-site-private.h"
#include "vigia-stamp.h"
#include "vigia-utils.h"

#define MANIFEST_GROUP "files"

struct _VigiaSite
{
  GObject         parent_instance;

  char           *title;
  char           *period;
  VigiaSource     source;
  VigiaSiteGroup  group;
  char           *department;
  char           *province;
  int             election;
  GPtrArray      *plan_refs;

  guint           n_plans;
  guint           n_written;
  guint           n_unchanged;
  guint           n_removed;
  guint           max_index_plans;
  GMutex          lock;
};

G_DEFINE_FINAL_TYPE (VigiaSite, vigia_site, G_TYPE_OBJECT)

static void
vigia_site_finalize (GObject *object)
{
  VigiaSite *self = VIGIA_SITE (object);

  g_free (self->title);
  g_free (self->period);
  g_free (self->department);
  g_free (self->province);
  g_ptr_array_unref (self->plan_refs);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vigia_site_parent_class)->finalize (object);
}

static void
vigia_site_class_init (VigiaSiteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigia_site_finalize;
}

static void
vigia_site_init (VigiaSite *self)
{
  self->election = -1;
  self->max_index_plans = VIGIA_SITE_INDEX_MAX_PLANS;
  g_mutex_init (&self->lock);
  self->plan_refs = g_ptr_array_new_with_free_func (g_free);
}

/**
 * vigia_site_new:
 *
 * Returns: (transfer full): a site of every plan of a library, as of each
 *   plan's current semester, with the authorities' figures
 */
VigiaSite *
vigia_site_new (void)
{
  return g_object_new (VIGIA_TYPE_SITE, NULL);
}

/**
 * vigia_site_set_title:
 * @title: (nullable): the site's name; %NULL for the default
 */
void
vigia_site_set_title (VigiaSite  *self,
                      const char *title)
{
  g_return_if_fail (VIGIA_IS_SITE (self));

  vigia_set_string (&self->title, vigia_str_empty (title) ? NULL : title);
}

/**
 * vigia_site_get_title:
 *
 * Returns: the site's name, as its pages give it
 */
const char *
vigia_site_get_title (VigiaSite *self)
{
  g_return_val_if_fail (VIGIA_IS_SITE (self), NULL);

  /* Translators: the default name of a published site. */
  return self->title != NULL ? self->title : _("Plans de gobierno: promises and progress");
}

/**
 * vigia_site_set_period:
 * @period: (nullable): the semester ("2026-S1") every plan is shown as of,
 *   within its term; %NULL for the current one
 */
void
vigia_site_set_period (VigiaSite  *self,
                       const char *period)
{
  g_return_if_fail (VIGIA_IS_SITE (self));
  g_return_if_fail (period == NULL || vigia_period_is_valid (period));

  vigia_set_string (&self->period, period);
}

void
vigia_site_set_source (VigiaSite   *self,
                       VigiaSource  source)
{
  g_return_if_fail (VIGIA_IS_SITE (self));

  self->source = source;
}

void
vigia_site_set_group (VigiaSite      *self,
                      VigiaSiteGroup  group)
{
  g_return_if_fail (VIGIA_IS_SITE (self));

  self->group = group;
}

/**
 * vigia_site_set_department:
 * @department: (nullable): only the plans of this department, by name (any
 *   case or accents) or INEI code ("08")
 */
void
vigia_site_set_department (VigiaSite  *self,
                           const char *department)
{
  g_return_if_fail (VIGIA_IS_SITE (self));

  vigia_set_string (&self->department, department);
}

/**
 * vigia_site_set_province:
 * @province: (nullable): only the plans of this province, by name or INEI
 *   code ("0801")
 */
void
vigia_site_set_province (VigiaSite  *self,
                         const char *province)
{
  g_return_if_fail (VIGIA_IS_SITE (self));

  vigia_set_string (&self->province, province);
}

/**
 * vigia_site_set_election:
 * @election: a #VigiaElection, or -1 for every type
 */
void
vigia_site_set_election (VigiaSite *self,
                         int        election)
{
  g_return_if_fail (VIGIA_IS_SITE (self));

  self->election = election;
}

/**
 * vigia_site_add_plan:
 * @reference: a plan's uuid or id; once one is added, only the plans added
 *   are published
 */
void
vigia_site_add_plan (VigiaSite  *self,
                     const char *reference)
{
  g_return_if_fail (VIGIA_IS_SITE (self));
  g_return_if_fail (reference != NULL);

  g_ptr_array_add (self->plan_refs, g_strdup (reference));
}

/* For tests: how many plans the index ranks before the groups get pages. */
void
vigia_site_set_max_index_plans (VigiaSite *self,
                                guint      max_plans)
{
  g_return_if_fail (VIGIA_IS_SITE (self));

  self->max_index_plans = max_plans;
}

guint
vigia_site_get_n_plans (VigiaSite *self)
{
  g_return_val_if_fail (VIGIA_IS_SITE (self), 0);
  return self->n_plans;
}

/**
 * vigia_site_get_n_written:
 *
 * Returns: the files the last vigia_site_publish() wrote, new or changed
 */
guint
vigia_site_get_n_written (VigiaSite *self)
{
  g_return_val_if_fail (VIGIA_IS_SITE (self), 0);
  return self->n_written;
}

/**
 * vigia_site_get_n_unchanged:
 *
 * Returns: the files the last vigia_site_publish() found as they should be
 */
guint
vigia_site_get_n_unchanged (VigiaSite *self)
{
  g_return_val_if_fail (VIGIA_IS_SITE (self), 0);
  return self->n_unchanged;
}

/**
 * vigia_site_get_n_removed:
 *
 * Returns: the files of an earlier publication the last one removed
 */
guint
vigia_site_get_n_removed (VigiaSite *self)
{
  g_return_val_if_fail (VIGIA_IS_SITE (self), 0);
  return self->n_removed;
}

/* ---------------------------------------------------------------------- */
/* Which plans                                                            */
/* ---------------------------------------------------------------------- */

/* A name as written or a code: "Cusco", "CUSCO", "cusco" or "08". */
static gboolean
place_matches (const char *wanted,
               const char *name,
               const char *ubigeo)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (wanted == NULL)
    return TRUE;
  if (g_ascii_isdigit (wanted[0]))
    return ubigeo != NULL && g_str_has_prefix (ubigeo, wanted);
  if (name == NULL)
    return FALSE;
  a = vigia_text_fold (wanted);
  b = vigia_text_fold (name);
  return g_strcmp0 (g_strstrip (a), g_strstrip (b)) == 0;
}

static gboolean
is_included (VigiaSite        *self,
             VigiaPlanSummary *summary)
{
  const char *ubigeo = vigia_plan_summary_get_ubigeo (summary);
  g_autofree char *id = NULL;
  gboolean listed;

  /* RENIEC's codes are not INEI's: match those plans by name only. */
  if (ubigeo != NULL && g_str_has_prefix (ubigeo, VIGIA_UBIGEO_RENIEC_PREFIX))
    ubigeo = NULL;
  if (self->election >= 0 && (int) vigia_plan_summary_get_election (summary) != self->election)
    return FALSE;
  if (!place_matches (self->department, vigia_plan_summary_get_department (summary), ubigeo))
    return FALSE;
  if (!place_matches (self->province, vigia_plan_summary_get_province (summary), ubigeo))
    return FALSE;
  if (self->plan_refs->len == 0)
    return TRUE;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, vigia_plan_summary_get_id (summary));
  listed = FALSE;
  for (guint i = 0; i < self->plan_refs->len && !listed; i++)
    {
      const char *ref = g_ptr_array_index (self->plan_refs, i);

      listed = g_str_equal (ref, id) || g_ascii_strcasecmp (ref, vigia_plan_summary_get_uuid (summary)) == 0;
    }
  return listed;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const VigiaSitePlan *pa = *(VigiaSitePlan * const *) a;
  const VigiaSitePlan *pb = *(VigiaSitePlan * const *) b;

  if (isnan (pa->achievement) != isnan (pb->achievement))
    return isnan (pa->achievement) ? 1 : -1;
  if (!isnan (pa->achievement) && pa->achievement != pb->achievement)
    return pa->achievement > pb->achievement ? -1 : 1;
  return g_utf8_collate (pa->place, pb->place);
}

static GPtrArray *
collect_plans (VigiaSite     *self,
               VigiaLibrary  *library,
               const char    *period,
               char         **newest,
               GError       **error)
{
  g_autoptr(GPtrArray) summaries = vigia_library_list_summaries (library, period, self->source, error);
  g_autoptr(GPtrArray) plans = NULL;

  if (summaries == NULL)
    return NULL;

  plans = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_site_plan_free);
  for (guint i = 0; i < summaries->len; i++)
    {
      VigiaPlanSummary *summary = g_ptr_array_index (summaries, i);
      const VigiaRollup *rollup = vigia_plan_summary_get_rollup (summary);
      VigiaSitePlan *plan;

      if (!is_included (self, summary))
        continue;

      plan = g_new0 (VigiaSitePlan, 1);
      plan->summary = g_object_ref (summary);
      plan->region = vigia_site_region_for_place (vigia_plan_summary_get_ubigeo (summary),
                                                  vigia_plan_summary_get_department (summary),
                                                  vigia_plan_summary_get_province (summary));
      plan->page = g_strdup_printf (VIGIA_SITE_PLANS "/%s.html", vigia_plan_summary_get_uuid (summary));
      plan->targets_page = g_strdup_printf (VIGIA_SITE_PLANS "/%s-metas.html", vigia_plan_summary_get_uuid (summary));
      plan->place = vigia_plan_summary_dup_place_label (summary);
      plan->achievement = rollup != NULL ? vigia_rollup_get_achievement (rollup) : NAN;
      if (vigia_plan_summary_get_term_start (summary) > 0)
        plan->expected = vigia_term_get_expected_share (vigia_plan_summary_get_term_start (summary),
                                                        vigia_plan_summary_get_term_end (summary),
                                                        vigia_plan_summary_get_period (summary));
      else
        plan->expected = NAN;
      if (vigia_stamp_compare (vigia_plan_summary_get_changed (summary), *newest) > 0)
        vigia_set_string (newest, vigia_plan_summary_get_changed (summary));
      g_ptr_array_add (plans, plan);
    }
  g_ptr_array_sort (plans, compare_ranked);
  return g_steal_pointer (&plans);
}

/* ---------------------------------------------------------------------- */
/* Files                                                                  */
/* ---------------------------------------------------------------------- */

typedef struct
{
  VigiaSite    *site;
  GFile        *folder;
  GKeyFile     *old_manifest;
  GKeyFile     *manifest;
  GCancellable *cancellable;
  /* The manifests and the counts, when plan pages are made by several
   * threads: the site's. */
  GMutex       *lock;
} Publication;

/* What a page's making does to the manifest and the counts. */
static void
record_page (Publication *pub,
             const char  *path,
             const char  *key,
             gboolean     written)
{
  g_mutex_lock (pub->lock);
  g_key_file_set_string (pub->manifest, MANIFEST_GROUP, path, key);
  if (written)
    pub->site->n_written++;
  else
    pub->site->n_unchanged++;
  g_mutex_unlock (pub->lock);
}

static gboolean
write_string_cb (GOutputStream  *stream,
                 gpointer        user_data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  GString *text = user_data;

  return g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);
}

static gboolean
make_parent (GFile   *file,
             GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (parent, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
prefix_error (GError    **error,
              GFile      *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_prefix_error (error, "%s: ", name);
}

/* Writes @text at @path unless the file already holds it. */
static gboolean
put_page (Publication  *pub,
          const char   *path,
          const char   *key,
          GString      *text,
          GError      **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (pub->folder, path);
  g_autofree char *old = NULL;
  gsize old_length = 0;

  if (g_file_load_contents (file, pub->cancellable, &old, &old_length, NULL, NULL) &&
      old_length == text->len && memcmp (old, text->str, old_length) == 0)
    {
      record_page (pub, path, key, FALSE);
      return TRUE;
    }
  if (!make_parent (file, error) ||
      !vigia_replace_file_contents (file, write_string_cb, text, pub->cancellable, error))
    {
      prefix_error (error, file);
      return FALSE;
    }
  record_page (pub, path, key, TRUE);
  return TRUE;
}

/* Whether the file at @path was made from @key and is still there. */
static gboolean
is_current (Publication *pub,
            const char  *path,
            const char  *key)
{
  g_autofree char *old_key = NULL;
  g_autoptr(GFile) file = NULL;

  g_mutex_lock (pub->lock);
  old_key = g_key_file_get_string (pub->old_manifest, MANIFEST_GROUP, path, NULL);
  g_mutex_unlock (pub->lock);
  if (g_strcmp0 (old_key, key) != 0)
    return FALSE;
  file = g_file_resolve_relative_path (pub->folder, path);
  return g_file_query_exists (file, NULL);
}

static char *
dup_key (VigiaSite  *self,
         const char *what,
         const char *content,
         const char *period)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[] = {
    PACKAGE_VERSION, what, vigia_site_get_title (self), vigia_source_get_label (self->source),
    content != NULL ? content : "", period != NULL ? period : "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_checksum_update (sum, (const guchar *) parts[i], strlen (parts[i]) + 1);
  return g_strdup (g_checksum_get_string (sum));
}

static GDateTime *
parse_stamp (const char *stamp)
{
  GDateTime *date = stamp != NULL ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;

  return date != NULL ? date : g_date_time_new_from_unix_utc (0);
}

static locale_t use_spanish    (locale_t *previous);
static void     restore_locale (locale_t  spanish,
                                locale_t  previous);

static gboolean
publish_plan (Publication            *pub,
              VigiaLibrary           *library,
              const VigiaSiteContent *content,
              VigiaSitePlan          *site_plan,
              GError                **error)
{
  VigiaSite *self = pub->site;
  VigiaPlanSummary *summary = site_plan->summary;
  const char *period = vigia_plan_summary_get_period (summary);
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(VigiaReport) report = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *style = NULL;
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *targets_name = NULL;
  g_autofree char *plan_name = NULL;
  g_autoptr(GString) back = NULL;
  VigiaReportHtmlFrame frame = { "es-PE", };

  plan = vigia_library_load_plan (library, vigia_plan_summary_get_id (summary), error);
  if (plan == NULL)
    return FALSE;
  /* What the page is made of, to the letter: two changes within a second
   * leave the plan's time of change as it was. */
  text = vigia_json_writer_plan_to_string (plan);
  key = dup_key (self, "plan", text, period);
  vigia_set_string (&site_plan->key, key);
  if (is_current (pub, site_plan->page, key) && is_current (pub, site_plan->targets_page, key))
    {
      record_page (pub, site_plan->page, key, FALSE);
      record_page (pub, site_plan->targets_page, key, FALSE);
      return TRUE;
    }
  report = vigia_report_new (plan, period, error);
  if (report == NULL)
    return FALSE;
  /* The plan's last change, not today: a page is the same until its plan changes. */
  date = parse_stamp (vigia_plan_summary_get_changed (summary));
  vigia_report_set_date (report, date);

  style = vigia_site_dup_style ();
  header = vigia_site_dup_header (content, "../", NULL);
  footer = vigia_site_dup_footer (content, "../");
  frame.title_suffix = content->title;
  frame.style = style;
  frame.header = header;
  frame.footer = footer;

  /* The plan, its goals linked to their sections on its page of targets. */
  targets_name = g_path_get_basename (site_plan->targets_page);
  vigia_report_set_targets_page (report, targets_name);
  out = g_string_sized_new (128 * 1024);
  vigia_report_append_html (report, &frame, out);
  if (!put_page (pub, site_plan->page, key, out, error))
    return FALSE;

  /* The page of targets, with a way back to the plan. */
  plan_name = g_path_get_basename (site_plan->page);
  back = g_string_new (header);
  g_string_append_printf (back, "<p class=\"back\"><a href=\"%s\">", plan_name);
  /* Translators: the link from a plan's page of targets back to the plan's page. */
  vigia_html_append_escaped (back, _("Back to the plan"));
  g_string_append (back, "</a></p>\n");
  frame.header = back->str;
  vigia_report_set_targets_only (report, TRUE);
  g_string_truncate (out, 0);
  vigia_report_append_html (report, &frame, out);
  return put_page (pub, site_plan->targets_page, key, out, error);
}

/* ---------------------------------------------------------------------- */
/* Plan pages, on every core                                              */
/* ---------------------------------------------------------------------- */

/* A plan's pages take most of a publication (a report each, its charts
 * drawn): they are made by a thread per core, each on a connection of its
 * own to the library, taking the next plan as it is free. */
typedef struct
{
  Publication            *pub;
  const VigiaSiteContent *content;
  VigiaLibrary           *library;
  const char             *path;
  VigiaSiteProgressFunc   progress;
  gpointer                user_data;
  guint                   total;
  int                     next;
  int                     done;
  int                     failed;
  GError                 *error;
} Workers;

static void
workers_fail (Workers *workers,
              GError  *error)
{
  g_mutex_lock (workers->pub->lock);
  if (workers->error == NULL)
    workers->error = error;
  else
    g_error_free (error);
  g_mutex_unlock (workers->pub->lock);
  g_atomic_int_set (&workers->failed, 1);
}

static void
work (Workers      *workers,
      VigiaLibrary *library)
{
  GPtrArray *plans = workers->content->plans;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&workers->next, 1);
      GError *error = NULL;
      guint done;

      if (i >= plans->len || g_atomic_int_get (&workers->failed))
        return;
      if (g_cancellable_set_error_if_cancelled (workers->pub->cancellable, &error) ||
          !publish_plan (workers->pub, library, workers->content, g_ptr_array_index (plans, i), &error))
        {
          workers_fail (workers, error);
          return;
        }
      done = (guint) g_atomic_int_add (&workers->done, 1) + 1;
      if (workers->progress != NULL)
        workers->progress (done, workers->total, workers->user_data);
    }
}

static gpointer
worker_thread (gpointer data)
{
  Workers *workers = data;
  g_autoptr(VigiaLibrary) library = NULL;
  GError *error = NULL;
  locale_t previous;
  locale_t spanish = use_spanish (&previous);

  library = vigia_library_open (workers->path, VIGIA_LIBRARY_OPEN_READ_ONLY | VIGIA_LIBRARY_OPEN_EXISTING, &error);
  if (library == NULL)
    workers_fail (workers, error);
  else
    work (workers, library);
  restore_locale (spanish, previous);
  return NULL;
}

static gboolean
publish_plans (Publication            *pub,
               VigiaLibrary           *library,
               const VigiaSiteContent *content,
               VigiaSiteProgressFunc   progress,
               gpointer                user_data,
               GError                **error)
{
  Workers workers = { pub, content, library, vigia_library_get_path (library), progress, user_data,
                      content->plans->len + 1, };
  /* A thread is worth its connection for a few plans at least. */
  guint n_threads = MIN ((guint) g_get_num_processors (), 8);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  n_threads = MIN (n_threads, content->plans->len / 4);
  for (guint i = 1; i < n_threads && workers.path != NULL; i++)
    g_ptr_array_add (threads, g_thread_new ("vigia-site", worker_thread, &workers));
  /* This thread works too, on the caller's connection. */
  work (&workers, library);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  if (workers.error != NULL)
    {
      g_propagate_error (error, workers.error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  VigiaLibrary *library;
  GArray       *ids;
  GPtrArray    *periods;
} DataWrite;

static gboolean
write_json_cb (GOutputStream  *stream,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  DataWrite *data = user_data;

  return vigia_json_writer_write_plans (stream, data->library, data->ids, NULL, NULL, cancellable, error);
}

static gboolean
write_csv_cb (GOutputStream  *stream,
              gpointer        user_data,
              GCancellable   *cancellable,
              GError        **error)
{
  DataWrite *data = user_data;
  g_autoptr(VigiaCsvWriter) writer = vigia_csv_writer_new (stream, ',');

  vigia_report_csv_add_header (writer);
  if (!vigia_csv_writer_end_row (writer, cancellable, error))
    return FALSE;
  for (guint i = 0; i < data->ids->len; i++)
    {
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (data->library, g_array_index (data->ids, gint64, i), error);
      g_autoptr(VigiaReport) report = NULL;

      if (plan == NULL)
        return FALSE;
      report = vigia_report_new (plan, g_ptr_array_index (data->periods, i), error);
      if (report == NULL || !vigia_report_csv_add_plan (writer, report, cancellable, error))
        return FALSE;
    }
  return vigia_csv_writer_close (writer, cancellable, error);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  gint64 ia = vigia_plan_summary_get_id ((*(VigiaSitePlan * const *) a)->summary);
  gint64 ib = vigia_plan_summary_get_id ((*(VigiaSitePlan * const *) b)->summary);

  return ia < ib ? -1 : ia > ib;
}

/* The data files, written again only when a plan changed, came or went. */
static gboolean
publish_data (Publication            *pub,
              VigiaLibrary           *library,
              const VigiaSiteContent *content,
              GError                **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), content->plans->len);
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();
  g_autoptr(GPtrArray) by_id = g_ptr_array_sized_new (content->plans->len);
  g_autofree char *key = NULL;
  DataWrite data = { library, ids, periods };
  const struct { const char *path; VigiaContentsWriter write; } files[] = {
    { VIGIA_SITE_DATA_JSON, write_json_cb },
    { VIGIA_SITE_DATA_CSV, write_csv_cb },
  };

  for (guint i = 0; i < content->plans->len; i++)
    {
      VigiaSitePlan *plan = g_ptr_array_index (content->plans, i);
      gint64 id = vigia_plan_summary_get_id (plan->summary);

      g_checksum_update (sum, (const guchar *) plan->key, -1);
      g_checksum_update (sum, (const guchar *) &id, sizeof id);
    }
  key = g_strdup (g_checksum_get_string (sum));

  /* In the library's order, which does not move when figures do. */
  for (guint i = 0; i < content->plans->len; i++)
    g_ptr_array_add (by_id, g_ptr_array_index (content->plans, i));
  g_ptr_array_sort (by_id, compare_by_id);
  for (guint i = 0; i < by_id->len; i++)
    {
      VigiaSitePlan *plan = g_ptr_array_index (by_id, i);
      gint64 id = vigia_plan_summary_get_id (plan->summary);

      g_array_append_val (ids, id);
      g_ptr_array_add (periods, (gpointer) vigia_plan_summary_get_period (plan->summary));
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) file = g_file_resolve_relative_path (pub->folder, files[i].path);

      if (is_current (pub, files[i].path, key))
        {
          record_page (pub, files[i].path, key, FALSE);
          continue;
        }
      if (!make_parent (file, error) ||
          !vigia_replace_file_contents (file, files[i].write, &data, pub->cancellable, error))
        {
          prefix_error (error, file);
          return FALSE;
        }
      record_page (pub, files[i].path, key, TRUE);
    }
  return TRUE;
}

/* Removes what an earlier publication wrote and this one did not; folders
 * it leaves empty go too. */
static gboolean
remove_stale (Publication  *pub,
              GError      **error)
{
  g_auto(GStrv) paths = g_key_file_get_keys (pub->old_manifest, MANIFEST_GROUP, NULL, NULL);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_key_file_has_key (pub->manifest, MANIFEST_GROUP, paths[i], NULL))
        continue;
      /* Only paths inside the folder: the manifest is a file anyone may edit. */
      if (paths[i][0] == '/' || strstr (paths[i], "..") != NULL)
        continue;
      file = g_file_resolve_relative_path (pub->folder, paths[i]);
      if (!g_file_delete (file, pub->cancellable, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          prefix_error (error, file);
          return FALSE;
        }
      if (local_error == NULL)
        pub->site->n_removed++;
    }
  return TRUE;
}

static gboolean
write_manifest (Publication  *pub,
                GError      **error)
{
  g_autoptr(GFile) file = g_file_get_child (pub->folder, VIGIA_SITE_MANIFEST);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *data = NULL;

  g_key_file_set_comment (pub->manifest, NULL, NULL,
                          " Written by Vigía: what each file of this site was made from.", NULL);
  data = g_key_file_to_data (pub->manifest, NULL, NULL);
  g_string_append (text, data);
  if (!vigia_replace_file_contents (file, write_string_cb, text, NULL, error))
    {
      prefix_error (error, file);
      return FALSE;
    }
  return TRUE;
}

/* The site's pages are in Spanish, whatever the desktop's language; the
 * thread that publishes reads its messages, dates and numbers in es_PE
 * while it does.  Without that locale the desktop's language stays. */
static locale_t
use_spanish (locale_t *previous)
{
  locale_t base = duplocale (LC_GLOBAL_LOCALE);
  locale_t spanish;

  *previous = (locale_t) 0;
  if (base == (locale_t) 0)
    return (locale_t) 0;
  spanish = newlocale (LC_MESSAGES_MASK | LC_TIME_MASK | LC_NUMERIC_MASK, "es_PE.UTF-8", base);
  if (spanish == (locale_t) 0)
    {
      freelocale (base);
      g_debug ("es_PE.UTF-8 is not available: the site is in the desktop's language");
      return (locale_t) 0;
    }
  *previous = uselocale (spanish);
  return spanish;
}

static void
restore_locale (locale_t spanish,
                locale_t previous)
{
  if (spanish == (locale_t) 0)
    return;
  uselocale (previous);
  freelocale (spanish);
}

static gboolean
publish (VigiaSite              *self,
         VigiaLibrary           *library,
         GFile                  *folder,
         VigiaSiteProgressFunc   progress,
         gpointer                user_data,
         GCancellable           *cancellable,
         GError                **error)
{
  g_autoptr(GFile) manifest_file = g_file_get_child (folder, VIGIA_SITE_MANIFEST);
  g_autoptr(GKeyFile) old_manifest = g_key_file_new ();
  g_autoptr(GKeyFile) manifest = g_key_file_new ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) rankings = NULL;
  g_autoptr(GString) page = NULL;
  g_autofree char *period = self->period != NULL ? g_strdup (self->period) : vigia_period_dup_current ();
  g_autofree char *newest = NULL;
  g_autofree char *manifest_path = g_file_get_path (manifest_file);
  g_autofree char *date = NULL;
  g_autofree char *index_key = NULL;
  g_autoptr(GError) local_error = NULL;
  VigiaSiteContent content = { vigia_site_get_title (self), self->source, self->group, self->period, };
  Publication pub = { self, folder, old_manifest, manifest, cancellable, &self->lock };

  self->n_plans = self->n_written = self->n_unchanged = self->n_removed = 0;

  if (!g_file_make_directory_with_parents (folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_error (error, folder);
      return FALSE;
    }
  g_clear_error (&local_error);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("%s: not a folder"), name);
      return FALSE;
    }
  /* A manifest that cannot be read is as none: every page is compared. */
  if (manifest_path != NULL)
    g_key_file_load_from_file (old_manifest, manifest_path, G_KEY_FILE_NONE, NULL);

  plans = collect_plans (self, library, period, &newest, error);
  if (plans == NULL)
    return FALSE;
  self->n_plans = plans->len;
  {
    g_autoptr(GDateTime) when = parse_stamp (newest);

    /* Translators: the date of the data of a site, as strftime() writes it: "5 de diciembre de 2026". */
    date = newest != NULL ? g_date_time_format (when, _("%-d %B %Y")) : g_strdup ("—");
  }
  content.date = date;
  content.plans = plans;
  rankings = vigia_site_make_rankings (&content, self->max_index_plans);
  content.rankings = rankings;

  if (!publish_plans (&pub, library, &content, progress, user_data, error))
    return FALSE;

  if (!publish_data (&pub, library, &content, error))
    return FALSE;

  index_key = dup_key (self, "index", newest, self->period);
  page = g_string_sized_new (256 * 1024);
  vigia_site_append_index (&content, page);
  if (!put_page (&pub, VIGIA_SITE_INDEX, index_key, page, error))
    return FALSE;
  g_string_truncate (page, 0);
  vigia_site_append_methodology (&content, page);
  if (!put_page (&pub, VIGIA_SITE_METHODOLOGY, index_key, page, error))
    return FALSE;
  for (guint i = 0; i < rankings->len; i++)
    {
      const VigiaSiteRanking *ranking = g_ptr_array_index (rankings, i);

      if (ranking->page == NULL)
        continue;
      g_string_truncate (page, 0);
      vigia_site_append_ranking_page (&content, ranking, page);
      if (!put_page (&pub, ranking->page, index_key, page, error))
        return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !remove_stale (&pub, error) ||
      !write_manifest (&pub, error))
    return FALSE;
  if (progress != NULL)
    progress (plans->len + 1, plans->len + 1, user_data);
  return TRUE;
}

/**
 * vigia_site_publish:
 * @library: the plans; the site reads it and never writes to it
 * @folder: where the site goes; made if missing
 * @progress: (nullable) (scope call): told after each plan
 *
 * Writes the site into @folder, or brings a site published there before up
 * to date.  Cancelled or failed, the files already written stay (each is
 * whole, never half-written), and those of the last publication too.
 *
 * Returns: whether the site was published
 */
gboolean
vigia_site_publish (VigiaSite              *self,
                    VigiaLibrary           *library,
                    GFile                  *folder,
                    VigiaSiteProgressFunc   progress,
                    gpointer                user_data,
                    GCancellable           *cancellable,
                    GError                **error)
{
  locale_t previous;
  locale_t spanish;
  gboolean ok;

  g_return_val_if_fail (VIGIA_IS_SITE (self), FALSE);
  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  spanish = use_spanish (&previous);
  ok = publish (self, library, folder, progress, user_data, cancellable, error);
  restore_locale (spanish, previous);
  return ok;
}
