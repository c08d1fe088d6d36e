/* vigia-importer.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File → format (from the content) → reader → plans in memory → one
 * transaction (HACKING.md, "Layout").  A file is read whole before the
 * library is touched, so bad input never reaches it; and a failure inside
 * the transaction rolls all of the file back.
 */
#define G_LOG_DOMAIN "vigia-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "vigia-declara-reader.h"
#include "vigia-error.h"
#include "vigia-importer.h"
#include "vigia-jne-list-reader.h"
#include "vigia-jne-reader.h"
#include "vigia-json-reader.h"
#include "vigia-ubigeo.h"
#include "vigia-utils.h"

void
vigia_import_result_free (VigiaImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->organization);
  g_free (result->place_label);
  vigia_merge_summary_free (result->merge);
  g_free (result);
}

/**
 * vigia_parse_term:
 * @text: "2027-2030" (a hyphen or an en dash, blanks allowed)
 *
 * Returns: %FALSE unless @text is a term of government: two years, the
 *   second not before the first
 */
gboolean
vigia_parse_term (const char *text,
                  int        *start,
                  int        *end)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 a, b;

  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  stripped = vigia_text_strip (text);
  parts = g_regex_split_simple ("\\s*(?:-|–|—)\\s*", stripped, 0, 0);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1900, 2200, &a, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1900, 2200, &b, NULL) ||
      b < a)
    return FALSE;
  *start = (int) a;
  *end = (int) b;
  return TRUE;
}

static gboolean
resolve_place (const char      *text,
               VigiaPlaceName  *name,
               GError         **error)
{
  if (!vigia_place_name_parse (text, name))
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("The place “%s” is neither an INEI code (“21”, “1501”, “150112”), a JNE "
                     "code (“jne:140140”) nor DEPARTMENT - PROVINCE - DISTRICT."), text);
      return FALSE;
    }
  if (name->place == NULL)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("The place “%s” is not in the UBIGEO table (INEI 2025): check its spelling, "
                     "or give its INEI code."), text);
      vigia_place_name_clear (name);
      return FALSE;
    }
  return TRUE;
}

/**
 * vigia_import_options_check:
 *
 * Checks what the user gave before any file is read: a place that exists,
 * a term that is one.
 */
gboolean
vigia_import_options_check (const VigiaImportOptions  *options,
                            GError                   **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->place != NULL)
    {
      VigiaPlaceName name;

      if (!resolve_place (options->place, &name, error))
        return FALSE;
      vigia_place_name_clear (&name);
    }
  if ((options->term_start != 0 || options->term_end != 0) &&
      (options->term_start < 1900 || options->term_end < options->term_start ||
       options->term_end > 2200))
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("The term %d–%d is not a term of government."),
                   options->term_start, options->term_end);
      return FALSE;
    }
  return TRUE;
}

static guint
place_depth (const VigiaUbigeoPlace *place)
{
  return (guint) strlen (place->code) / 2;
}

static const char *
depth_label (guint depth)
{
  switch (depth)
    {
    case 1:  return _("a department");
    case 2:  return _("a province");
    default: return _("a district");
    }
}

/* Gives a plan that the file left without them the place, election type and
 * term the user named; a plan whose file has them keeps its own. */
static gboolean
apply_options (VigiaPlan                 *plan,
               const char                *name,
               gboolean                   election_known,
               const VigiaImportOptions  *options,
               GError                   **error)
{
  gboolean has_place = !vigia_str_empty (vigia_plan_get_department (plan));

  /* A general election is national: a place given for it is a mistake. */
  if (options != NULL && options->place != NULL && !has_place && election_known &&
      vigia_plan_get_election (plan) == VIGIA_ELECTION_GENERAL)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("%s: the plan is for a general election, which is national: it takes no place, "
                     "but “%s” was given."), name, options->place);
      return FALSE;
    }

  if (options != NULL && options->place != NULL && !has_place)
    {
      VigiaPlaceName place;
      guint depth;

      if (!resolve_place (options->place, &place, error))
        return FALSE;
      depth = place_depth (place.place);

      if (!election_known)
        {
          vigia_plan_set_election (plan, depth == 1 ? VIGIA_ELECTION_REGIONAL :
                                         depth == 2 ? VIGIA_ELECTION_MUNICIPAL_PROVINCE :
                                                      VIGIA_ELECTION_MUNICIPAL_DISTRICT);
          election_known = TRUE;
        }
      else
        {
          VigiaElection election = vigia_plan_get_election (plan);
          guint wanted = election == VIGIA_ELECTION_REGIONAL ? 1 :
                         election == VIGIA_ELECTION_MUNICIPAL_PROVINCE ? 2 :
                         election == VIGIA_ELECTION_MUNICIPAL_DISTRICT ? 3 : 0;

          if (wanted != 0 && wanted != depth)
            {
              g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                           _("%s: the plan is for a %s election, whose place is %s, but “%s” is %s."),
                           name, vigia_election_get_label (election), depth_label (wanted),
                           options->place, depth_label (depth));
              vigia_place_name_clear (&place);
              return FALSE;
            }
        }

      vigia_plan_set_department (plan, place.department);
      vigia_plan_set_province (plan, place.province);
      vigia_plan_set_district (plan, place.district);
      vigia_plan_set_ubigeo (plan, place.place->code);
      vigia_place_name_clear (&place);
    }

  if (!election_known)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("%s: the data does not say the election type (txTipoEleccion is empty): "
                     "give the place, so that Vigía knows whether the plan is regional, "
                     "provincial or district."), name);
      return FALSE;
    }

  if (options != NULL && options->term_start > 0 && !vigia_plan_has_term (plan))
    {
      vigia_plan_set_term_start (plan, options->term_start);
      vigia_plan_set_term_end (plan, options->term_end);
    }

  /* The election fixes the term: ERM 2022 elects 2023–2026. */
  if (!vigia_plan_has_term (plan))
    {
      int start, end;

      if (vigia_term_from_process (vigia_plan_get_process (plan), &start, &end))
        {
          vigia_plan_set_term_start (plan, start);
          vigia_plan_set_term_end (plan, end);
        }
    }

  /* Elections come the year before a regional or municipal term starts
   * (ERM 2022 → 2023–2026) and in the year a general one does (EG 2026 →
   * 2026–2031). */
  if (vigia_plan_get_process (plan) == NULL && vigia_plan_has_term (plan))
    {
      g_autofree char *process = NULL;

      if (vigia_plan_get_election (plan) == VIGIA_ELECTION_GENERAL)
        process = g_strdup_printf ("EG %d", vigia_plan_get_term_start (plan));
      else
        process = g_strdup_printf ("ERM %d", vigia_plan_get_term_start (plan) - 1);
      vigia_plan_set_process (plan, process);
    }

  return TRUE;
}

static char *
dup_basename (const char *name)
{
  const char *slash = strrchr (name, '/');

  return g_strdup (slash != NULL ? slash + 1 : name);
}

/* The limits of what one file may hold (README, "Limits"): far above every
 * real plan (the largest the JNE serves are a few hundred kilobytes, with
 * 26 rows and 108 metas), far below what would take the library down. */
#define MAX_PLAN_FILE_SIZE  (16 * 1024 * 1024)
#define MAX_LISTS_FILE_SIZE (64 * 1024 * 1024)
#define MAX_GOALS           2000
#define MAX_TARGETS         10000
#define MAX_CELL_SIZE       (64 * 1024)

static gboolean
text_too_long (const char *text)
{
  return text != NULL && strlen (text) > MAX_CELL_SIZE;
}

/* Refuses a plan above the limits, saying which and where. */
static gboolean
check_limits (VigiaPlan   *plan,
              const char  *name,
              GError     **error)
{
  g_autoptr(GPtrArray) targets = vigia_plan_list_targets (plan);
  g_autofree char *cell_limit = g_format_size_full (MAX_CELL_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  if (vigia_plan_get_n_goals (plan) > MAX_GOALS || targets->len > MAX_TARGETS)
    {
      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("%s: the plan has %u goals and %u targets, more than Vigía takes in one plan "
                     "(%u goals, %u targets): nothing was imported."),
                   name, vigia_plan_get_n_goals (plan), targets->len, MAX_GOALS, MAX_TARGETS);
      return FALSE;
    }

  for (guint d = 0; d < vigia_plan_get_n_dimensions (plan); d++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, d);

      for (guint g = 0; g < vigia_dimension_get_n_goals (dim); g++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, g);
          gboolean too_long = text_too_long (vigia_goal_get_problem (goal)) ||
                              text_too_long (vigia_goal_get_objective (goal)) ||
                              text_too_long (vigia_goal_get_indicator (goal));

          for (guint t = 0; t < vigia_goal_get_n_targets (goal) && !too_long; t++)
            too_long = text_too_long (vigia_target_get_text (vigia_goal_get_target (goal, t)));
          if (too_long)
            {
              g_autofree char *dimension = vigia_dimension_dup_name (dim);

              g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                           _("%s: goal %u of %s has a text longer than %s, more than a cell of a plan "
                             "holds: nothing was imported."),
                           name, vigia_goal_get_number (goal), dimension, cell_limit);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The plans of a file, or the lists of a lists file (with no plans). */
static GPtrArray *
read_data (const guint8              *data,
           gsize                      length,
           const char                *name,
           VigiaFileType             *format,
           const VigiaImportOptions  *options,
           GPtrArray                **lists,
           GError                   **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = vigia_now_iso8601 ();
  VigiaFileType found;
  gboolean election_known = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  found = vigia_file_type_detect (data, length);
  if (format != NULL)
    *format = found;

  /* An exchange document holds a whole library: no limit but memory. */
  if ((found == VIGIA_FILE_TYPE_JNE_LISTS && length > MAX_LISTS_FILE_SIZE) ||
      ((found == VIGIA_FILE_TYPE_DECLARA_TEXT || found == VIGIA_FILE_TYPE_JNE_JSON ||
        found == VIGIA_FILE_TYPE_JNE_CANDIDATES) && length > MAX_PLAN_FILE_SIZE))
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (found == VIGIA_FILE_TYPE_JNE_LISTS ? MAX_LISTS_FILE_SIZE
                                                                                    : MAX_PLAN_FILE_SIZE,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID,
                   _("%s: %s is more than a file of this kind holds (%s at most; the largest real plans "
                     "are a few hundred kB): nothing was imported."), name, size, limit);
      return NULL;
    }

  switch (found)
    {
    case VIGIA_FILE_TYPE_DECLARA_TEXT:
    case VIGIA_FILE_TYPE_JNE_JSON:
      {
        g_autoptr(VigiaPlan) plan = NULL;

        g_autoptr(VigiaJneList) own_list = NULL;

        if (found == VIGIA_FILE_TYPE_DECLARA_TEXT)
          plan = vigia_declara_read (data, length, name, error);
        else
          plan = vigia_jne_read (data, length, name, &election_known, &own_list, error);
        if (plan == NULL)
          return NULL;
        /* Kept with the lists: it ties the candidates of its expediente
         * to the plan. */
        if (own_list != NULL && lists != NULL)
          {
            *lists = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_jne_list_free);
            g_ptr_array_add (*lists, g_steal_pointer (&own_list));
          }

        if (found == VIGIA_FILE_TYPE_JNE_JSON)
          {
            /* The same JNE data imported twice is recognised like a summary. */
            g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);

            vigia_plan_set_source_digest (plan, digest);
          }
        if (vigia_plan_get_source_reference (plan) == NULL)
          {
            g_autofree char *reference = dup_basename (name);

            vigia_plan_set_source_reference (plan, reference);
          }
        vigia_plan_set_source_imported (plan, now);

        if (!apply_options (plan, name, election_known, options, error))
          return NULL;
        g_ptr_array_add (plans, g_steal_pointer (&plan));
      }
      break;

    case VIGIA_FILE_TYPE_VIGIA_JSON:
      g_clear_pointer (&plans, g_ptr_array_unref);
      plans = vigia_json_read (data, length, name, error);
      if (plans == NULL)
        return NULL;
      break;

    case VIGIA_FILE_TYPE_JNE_LISTS:
    case VIGIA_FILE_TYPE_JNE_CANDIDATES:
      {
        g_autoptr(GPtrArray) read = found == VIGIA_FILE_TYPE_JNE_LISTS ?
                                    vigia_jne_lists_read (data, length, name, error) :
                                    vigia_jne_candidates_read (data, length, name, error);

        if (read == NULL)
          return NULL;
        if (lists != NULL)
          *lists = g_steal_pointer (&read);
      }
      break;

    case VIGIA_FILE_TYPE_UNKNOWN:
    default:
      {
        g_autofree char *looks = vigia_file_type_describe (data, length);

        g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_UNKNOWN_FORMAT,
                     _("%s: not a plan file Vigía can read: it looks like %s."), name, looks);
        return NULL;
      }
    }

  for (guint i = 0; i < plans->len; i++)
    if (!check_limits (g_ptr_array_index (plans, i), name, error))
      return NULL;

  return g_steal_pointer (&plans);
}

/**
 * vigia_read_plans_from_data:
 * @name: the file as the user knows it, for errors and as the plans' source
 * @format: (out) (optional): the format found
 *
 * Like vigia_read_plans(), from bytes already read.
 *
 * Returns: (transfer full) (element-type VigiaPlan): the plans; none for a
 *   file of the JNE's lists, which places plans but holds none
 */
GPtrArray *
vigia_read_plans_from_data (const guint8              *data,
                            gsize                      length,
                            const char                *name,
                            VigiaFileType             *format,
                            const VigiaImportOptions  *options,
                            GError                   **error)
{
  return read_data (data, length, name, format, options, NULL, error);
}

static char *
dup_file_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* GIO's messages name the file again ("Error opening file /x: No such file
 * or directory"): the reason alone, for a message that names it once. */
static const char *
describe_io_error (const GError *error)
{
  if (error->domain != G_IO_ERROR)
    return error->message;

  switch (error->code)
    {
    case G_IO_ERROR_NOT_FOUND:         return _("it does not exist");
    case G_IO_ERROR_PERMISSION_DENIED: return _("permission denied");
    case G_IO_ERROR_IS_DIRECTORY:      return _("it is a folder");
    case G_IO_ERROR_NOT_REGULAR_FILE:  return _("it is not a regular file");
    default:                           return error->message;
    }
}

/**
 * vigia_read_plans:
 * @file: any #GFile, including resource:// ones
 * @format: (out) (optional): the format found from the content
 * @options: (nullable): the place and term for plans whose file lacks them
 *
 * Reads the plans of a file without importing them, for a dialog that shows
 * what is about to be imported and asks for what is missing (a JNE JSON
 * plan has no place or term: its plan says so by having none).
 *
 * Returns: (transfer full) (element-type VigiaPlan): the plans, or %NULL
 *   with an error whose message names the file, the line and the reason
 */
/**
 * vigia_read_file:
 * @format: (out) (optional): the format found
 * @lists: (out) (optional) (transfer full) (element-type VigiaJneList): for a
 *   file of the JNE's lists, its rows; %NULL for any other
 *
 * Like vigia_read_plans(), and gives the rows of a file of lists too: what
 * a file holds, before anything is written.
 *
 * Returns: (transfer full) (element-type VigiaPlan): the plans (none for a
 *   lists file), or %NULL with an error naming the file, line and reason
 */
GPtrArray *
vigia_read_file (GFile                     *file,
                 VigiaFileType             *format,
                 const VigiaImportOptions  *options,
                 GPtrArray                **lists,
                 GCancellable              *cancellable,
                 GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  name = dup_file_name (file);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: the file could not be read: %s"), name, describe_io_error (local_error));
      return NULL;
    }

  return read_data ((const guint8 *) contents, length, name, format, options, lists, error);
}

/* The first bytes of a file say its format: a whole library's exchange
 * document is then read as a stream, never whole (docs/exchange-format.md). */
#define PEEK_SIZE (256 * 1024)

static gboolean
peek_format (GFile          *file,
             VigiaFileType  *format,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autofree guint8 *head = g_malloc (PEEK_SIZE);
  gsize length = 0;

  input = g_file_read (file, cancellable, &local_error);
  if (input == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (input), head, PEEK_SIZE, &length, cancellable, &local_error))
    {
      g_autofree char *name = dup_file_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: the file could not be read: %s"), name, describe_io_error (local_error));
      return FALSE;
    }
  *format = vigia_file_type_detect (head, length);
  return TRUE;
}

typedef struct
{
  guint      n_plans;
  VigiaPlan *first;
} Survey;

static gboolean
survey_plan (VigiaPlan  *plan,
             gpointer    user_data,
             GError    **error)
{
  Survey *survey = user_data;

  if (survey->n_plans++ == 0)
    survey->first = g_object_ref (plan);
  return TRUE;
}

/**
 * vigia_survey_file:
 * @format: (out) (optional): the format found
 * @lists: (out) (optional) (transfer full) (element-type VigiaJneList): as
 *   vigia_read_file() gives them
 * @n_plans: (out): how many plans the file holds
 *
 * What a file holds, as the import dialog shows it before importing: its
 * format, its first plan and how many there are, checked whole.  An
 * exchange document is read a plan at a time and only its first plan is
 * kept, however large the document.
 *
 * Returns: (transfer full) (nullable): the first plan, or %NULL for a file
 *   with none; %NULL with @error if the file cannot be read
 */
VigiaPlan *
vigia_survey_file (GFile          *file,
                   VigiaFileType  *format,
                   GPtrArray     **lists,
                   guint          *n_plans,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  VigiaFileType found = VIGIA_FILE_TYPE_UNKNOWN;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (n_plans != NULL, NULL);

  *n_plans = 0;
  if (lists != NULL)
    *lists = NULL;
  if (!peek_format (file, &found, cancellable, error))
    return NULL;
  if (format != NULL)
    *format = found;

  if (found == VIGIA_FILE_TYPE_VIGIA_JSON)
    {
      g_autoptr(GFileInputStream) input = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = dup_file_name (file);
      Survey survey = { 0, NULL };

      input = g_file_read (file, cancellable, &local_error);
      if (input == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: the file could not be read: %s"), name, describe_io_error (local_error));
          return NULL;
        }
      if (!vigia_json_read_stream (G_INPUT_STREAM (input), name, survey_plan, &survey, cancellable, error))
        {
          g_clear_object (&survey.first);
          return NULL;
        }
      *n_plans = survey.n_plans;
      return survey.first;
    }

  plans = vigia_read_file (file, NULL, NULL, lists, cancellable, error);
  if (plans == NULL)
    return NULL;
  *n_plans = plans->len;
  return plans->len > 0 ? g_object_ref (g_ptr_array_index (plans, 0)) : NULL;
}

GPtrArray *
vigia_read_plans (GFile                     *file,
                  VigiaFileType             *format,
                  const VigiaImportOptions  *options,
                  GCancellable              *cancellable,
                  GError                   **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return vigia_read_file (file, format, options, NULL, cancellable, error);
}

static VigiaImportResult *
result_new (VigiaPlan          *plan,
            gint64              plan_id,
            VigiaImportOutcome  outcome)
{
  VigiaImportResult *result = g_new0 (VigiaImportResult, 1);

  result->plan_id = plan_id;
  result->outcome = outcome;
  /* Said beside the place, by the command line and the import dialog. */
  result->organization = vigia_text_isolate (vigia_plan_get_organization (plan));
  result->place_label = vigia_plan_dup_place_label (plan);
  result->n_goals = vigia_plan_get_n_goals (plan);
  {
    g_autoptr(GPtrArray) targets = vigia_plan_list_targets (plan);

    result->n_targets = targets->len;
  }
  result->missing_place = vigia_plan_get_election (plan) != VIGIA_ELECTION_GENERAL &&
                          vigia_str_empty (vigia_plan_get_department (plan));
  result->missing_term = !vigia_plan_has_term (plan);
  result->unknown_place = !result->missing_place &&
                          !vigia_str_empty (vigia_plan_get_department (plan)) &&
                          vigia_str_empty (vigia_plan_get_ubigeo (plan));
  return result;
}

static VigiaImportResult *
lists_result_new (guint n_lists,
                  guint n_new)
{
  VigiaImportResult *result = g_new0 (VigiaImportResult, 1);

  result->outcome = VIGIA_IMPORT_LISTS;
  result->n_lists = n_lists;
  result->n_new_lists = n_new;
  return result;
}

/* Gives @plan, if it has no place, the place of the first of its lists in
 * the library that fits its election (a plan may serve two lists), and, if
 * it names no authority, its list's head. */
static gboolean
place_from_lists (VigiaLibrary  *library,
                  VigiaPlan     *plan,
                  gboolean      *placed,
                  gboolean      *headed,
                  GError       **error)
{
  g_autoptr(GPtrArray) lists = NULL;
  gint64 ref = vigia_plan_get_jne_ref (plan);

  *placed = FALSE;
  *headed = FALSE;
  if (ref == 0)
    return TRUE;

  lists = vigia_library_find_jne_lists (library, ref, error);
  if (lists == NULL)
    return FALSE;
  for (guint i = 0; i < lists->len; i++)
    {
      const VigiaJneList *list = g_ptr_array_index (lists, i);

      if (!*placed && vigia_str_empty (vigia_plan_get_department (plan)) &&
          vigia_plan_get_election (plan) != VIGIA_ELECTION_GENERAL)
        *placed = vigia_jne_list_place_plan (list, plan);
      if (!*headed && list->authority != NULL && vigia_str_empty (vigia_plan_get_authority_name (plan)))
        {
          vigia_plan_set_authority_name (plan, list->authority);
          *headed = TRUE;
        }
    }
  return TRUE;
}

/* After a file of lists: the plans already in the library that they place. */
static gboolean
place_stored_plans (VigiaLibrary  *library,
                    GPtrArray     *results,
                    GError       **error)
{
  g_autoptr(GArray) ids = vigia_library_list_unplaced_jne_plans (library, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, id, error);
      gboolean placed, headed;

      if (plan == NULL || !place_from_lists (library, plan, &placed, &headed, error))
        return FALSE;
      if (!placed && !headed)
        continue;
      if (!vigia_library_save_plan (library, plan, error))
        return FALSE;
      g_ptr_array_add (results, result_new (plan, id, VIGIA_IMPORT_UPDATED));
      ((VigiaImportResult *) g_ptr_array_index (results, results->len - 1))->placed_by_list = placed;
    }
  return TRUE;
}

/* A summary already in the library is not added again, but what the user
 * gives now that it was imported without (place, term) completes it. */
static gboolean
complete_existing (VigiaLibrary       *library,
                   gint64              plan_id,
                   VigiaPlan          *read,
                   VigiaImportResult **result,
                   GError            **error)
{
  g_autoptr(VigiaPlan) stored = vigia_library_load_plan (library, plan_id, error);
  gboolean changed = FALSE;

  if (stored == NULL)
    return FALSE;

  if (vigia_str_empty (vigia_plan_get_department (stored)) &&
      !vigia_str_empty (vigia_plan_get_department (read)))
    {
      vigia_plan_set_election (stored, vigia_plan_get_election (read));
      vigia_plan_set_department (stored, vigia_plan_get_department (read));
      vigia_plan_set_province (stored, vigia_plan_get_province (read));
      vigia_plan_set_district (stored, vigia_plan_get_district (read));
      vigia_plan_set_ubigeo (stored, vigia_plan_get_ubigeo (read));
      changed = TRUE;
    }
  if (!vigia_plan_has_term (stored) && vigia_plan_has_term (read))
    {
      vigia_plan_set_term_start (stored, vigia_plan_get_term_start (read));
      vigia_plan_set_term_end (stored, vigia_plan_get_term_end (read));
      if (vigia_plan_get_process (stored) == NULL)
        vigia_plan_set_process (stored, vigia_plan_get_process (read));
      changed = TRUE;
    }

  if (vigia_str_empty (vigia_plan_get_authority_name (stored)) &&
      !vigia_str_empty (vigia_plan_get_authority_name (read)))
    {
      vigia_plan_set_authority_name (stored, vigia_plan_get_authority_name (read));
      changed = TRUE;
    }

  if (changed && !vigia_library_save_plan (library, stored, error))
    return FALSE;

  *result = result_new (stored, plan_id, changed ? VIGIA_IMPORT_UPDATED : VIGIA_IMPORT_ALREADY_PRESENT);
  return TRUE;
}

static gboolean
import_plan (VigiaLibrary       *library,
             VigiaPlan          *plan,
             VigiaImportResult **result,
             GError            **error)
{
  gint64 existing;
  gboolean placed, headed;

  if (!place_from_lists (library, plan, &placed, &headed, error))
    return FALSE;

  /* Only the plans of an exchange document come with uuids. */
  if (vigia_plan_get_uuid (plan) != NULL)
    {
      existing = vigia_library_lookup_plan (library, vigia_plan_get_uuid (plan), error);
      if (existing < 0)
        return FALSE;
      if (existing > 0)
        {
          g_autoptr(VigiaMergeSummary) merge = NULL;
          g_autoptr(VigiaPlan) stored = NULL;

          /* A plan the library has is merged, never replaced (docs/merge.md). */
          if (!vigia_library_merge_plan (library, existing, plan, &merge, error))
            return FALSE;
          stored = vigia_library_load_plan (library, existing, error);
          if (stored == NULL)
            return FALSE;
          *result = result_new (stored, existing,
                                vigia_merge_summary_changed (merge) ? VIGIA_IMPORT_UPDATED
                                                                    : VIGIA_IMPORT_ALREADY_PRESENT);
          (*result)->merge = g_steal_pointer (&merge);
          return TRUE;
        }
      vigia_plan_mark_merged (plan);
      if (vigia_plan_get_stamp (plan)->reference)
        {
          g_set_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE,
                       _("The package of changes is for a plan this library does not have: "
                         "import the whole plan first."));
          return FALSE;
        }
    }
  else if (vigia_plan_get_source_digest (plan) != NULL)
    {
      existing = vigia_library_lookup_digest (library, vigia_plan_get_source_digest (plan), error);
      if (existing < 0)
        return FALSE;
      if (existing > 0)
        {
          if (!complete_existing (library, existing, plan, result, error))
            return FALSE;
          (*result)->placed_by_list = placed && (*result)->outcome == VIGIA_IMPORT_UPDATED;
          return TRUE;
        }
    }

  if (!vigia_library_add_plan (library, plan, error))
    return FALSE;
  *result = result_new (plan, vigia_plan_get_id (plan), VIGIA_IMPORT_ADDED);
  (*result)->placed_by_list = placed;
  return TRUE;
}

static GPtrArray *
import_plans (VigiaLibrary  *library,
              GPtrArray     *plans,
              GPtrArray     *lists,
              const char    *name,
              GError       **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_import_result_free);
  g_autoptr(GError) local_error = NULL;

  if (!vigia_library_begin (library, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: nothing was imported: %s"), name, local_error->message);
      return NULL;
    }

  /* A plan's own list is kept quietly; a file of lists places the plans
   * already in and says what it read. */
  if (lists != NULL)
    {
      guint n_new = 0;

      if (!vigia_library_add_jne_lists (library, lists, &n_new, &local_error) ||
          (plans->len == 0 && !place_stored_plans (library, results, &local_error)))
        {
          vigia_library_rollback (library);
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: nothing was imported: %s"), name, local_error->message);
          return NULL;
        }
      if (plans->len == 0)
        {
          VigiaImportResult *result = lists_result_new (lists->len, n_new);

          result->heads = lists->len > 0 && ((VigiaJneList *) g_ptr_array_index (lists, 0))->plan_ref == 0;
          g_ptr_array_insert (results, 0, result);
        }
    }

  for (guint i = 0; i < plans->len; i++)
    {
      VigiaImportResult *result = NULL;

      if (!import_plan (library, g_ptr_array_index (plans, i), &result, &local_error))
        {
          vigia_library_rollback (library);
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: nothing was imported: %s"), name, local_error->message);
          return NULL;
        }
      g_ptr_array_add (results, result);
    }

  if (!vigia_library_commit (library, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: nothing was imported: %s"), name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&results);
}

typedef struct
{
  VigiaLibrary *library;
  GPtrArray    *results;
  const char   *name;
} StreamedImport;

static gboolean
import_streamed_plan (VigiaPlan  *plan,
                      gpointer    user_data,
                      GError    **error)
{
  StreamedImport *run = user_data;
  g_autoptr(GError) local_error = NULL;
  VigiaImportResult *result = NULL;

  if (!check_limits (plan, run->name, error))
    return FALSE;
  if (!import_plan (run->library, plan, &result, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: nothing was imported: %s"), run->name, local_error->message);
      return FALSE;
    }
  g_ptr_array_add (run->results, result);
  return TRUE;
}

/* An exchange document into the library as it is read, a plan at a time,
 * in one transaction (or a savepoint of the caller's): every plan or none. */
static GPtrArray *
import_document (VigiaLibrary  *library,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) vigia_import_result_free);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = dup_file_name (file);
  StreamedImport run = { library, results, name };

  input = g_file_read (file, cancellable, &local_error);
  if (input == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: the file could not be read: %s"), name, describe_io_error (local_error));
      return NULL;
    }
  if (!vigia_library_begin (library, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: nothing was imported: %s"), name, local_error->message);
      return NULL;
    }
  if (!vigia_json_read_stream (G_INPUT_STREAM (input), name, import_streamed_plan, &run, cancellable, error))
    {
      vigia_library_rollback (library);
      return NULL;
    }
  if (!vigia_library_commit (library, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: nothing was imported: %s"), name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&results);
}

/* The plans read from @file, into the library. */
static GPtrArray *
import_read_plans (VigiaLibrary  *library,
                   GFile         *file,
                   GPtrArray     *plans,
                   GPtrArray     *lists,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *name = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  name = dup_file_name (file);
  return import_plans (library, plans, lists, name, error);
}

/**
 * vigia_import_data:
 * @name: the file as the user knows it
 *
 * Like vigia_import_file(), from bytes already read.
 *
 * Returns: (transfer full) (element-type VigiaImportResult): one result per plan
 */
GPtrArray *
vigia_import_data (VigiaLibrary              *library,
                   const guint8              *data,
                   gsize                      length,
                   const char                *name,
                   const VigiaImportOptions  *options,
                   GError                   **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) lists = NULL;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  plans = read_data (data, length, name, NULL, options, &lists, error);
  if (plans == NULL)
    return NULL;
  return import_plans (library, plans, lists, name, error);
}

/**
 * vigia_import_file:
 * @file: any #GFile, including resource:// ones
 * @options: (nullable): the place and term for plans whose file lacks them
 *
 * Reads @file, finds its format from the content, and imports every plan
 * it holds in one transaction: a DECLARA summary already imported is
 * reported as such (and completed with a place or term it lacked), a plan
 * of an exchange document whose uuid is in the library is merged into it
 * (docs/merge.md); an exchange document is read a plan at a time.
 *
 * Returns: (transfer full) (element-type VigiaImportResult): one result per
 *   plan, or %NULL with an error (%VIGIA_ERROR_PARSE,
 *   %VIGIA_ERROR_UNKNOWN_FORMAT, …) whose message names the file, the line
 *   and the reason; then the library is as it was
 */
GPtrArray *
vigia_import_file (VigiaLibrary              *library,
                   GFile                     *file,
                   const VigiaImportOptions  *options,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) lists = NULL;

  VigiaFileType format = VIGIA_FILE_TYPE_UNKNOWN;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!peek_format (file, &format, cancellable, error))
    return NULL;
  if (format == VIGIA_FILE_TYPE_VIGIA_JSON)
    return import_document (library, file, cancellable, error);

  plans = vigia_read_file (file, NULL, options, &lists, cancellable, error);
  if (plans == NULL)
    return NULL;
  return import_read_plans (library, file, plans, lists, cancellable, error);
}

/* Files imported between two commits: each file is still all or nothing (a
 * savepoint of its own), but the cost of a commit is shared by many. */
#define FILES_PER_COMMIT 250

/* Files read ahead of the one being written, at most: what waits in memory.
 * About a commit's worth, so that the reader goes on while the writer
 * commits (with 32 it waited a quarter of the time; 3 MB more). */
#define FILES_READ_AHEAD 256

/* Reads the files in a thread of its own while the caller's thread writes
 * the ones read before: reading a summary takes as long as writing it, and
 * a second core is there.  The reader never touches the library. */
typedef struct
{
  GFile                    **files;
  guint                      n_files;
  const VigiaImportOptions  *options;
  GCancellable              *cancellable;
  GThread                   *thread;
  /* ReadFile, in the order of the files */
  GAsyncQueue               *read;
  /* One token for each file that may be read ahead */
  GAsyncQueue               *slots;
  gint                       stop;
} Reader;

typedef struct
{
  GPtrArray *plans;
  GPtrArray *lists;
  GError    *error;
  /* An exchange document: read as it is imported, not ahead */
  gboolean   document;
} ReadFile;

static void
read_file_free (ReadFile *read)
{
  g_clear_pointer (&read->plans, g_ptr_array_unref);
  g_clear_pointer (&read->lists, g_ptr_array_unref);
  g_clear_error (&read->error);
  g_free (read);
}

static ReadFile *
read_file (Reader *reader,
           guint   i)
{
  ReadFile *read = g_new0 (ReadFile, 1);
  VigiaFileType format = VIGIA_FILE_TYPE_UNKNOWN;

  if (!peek_format (reader->files[i], &format, reader->cancellable, &read->error))
    return read;
  if (format == VIGIA_FILE_TYPE_VIGIA_JSON)
    read->document = TRUE;
  else
    read->plans = vigia_read_file (reader->files[i], NULL, reader->options, &read->lists,
                                   reader->cancellable, &read->error);
  return read;
}

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;

  for (guint i = 0; i < reader->n_files; i++)
    {
      g_async_queue_pop (reader->slots);
      if (g_atomic_int_get (&reader->stop))
        break;
      g_async_queue_push (reader->read, read_file (reader, i));
    }
  return NULL;
}

static void
reader_start (Reader                    *reader,
              GFile                    **files,
              guint                      n_files,
              const VigiaImportOptions  *options,
              GCancellable              *cancellable)
{
  *reader = (Reader) { files, n_files, options, cancellable, NULL, NULL, NULL, 0 };
  /* One file is read where it is written: no thread to wait for. */
  if (n_files < 2)
    return;

  reader->read = g_async_queue_new_full ((GDestroyNotify) read_file_free);
  reader->slots = g_async_queue_new ();
  for (guint i = 0; i < FILES_READ_AHEAD; i++)
    g_async_queue_push (reader->slots, GINT_TO_POINTER (1));
  reader->thread = g_thread_new ("vigia-import-reader", reader_thread, reader);
}

/* The next file, read (or failed); files come in order. */
static ReadFile *
reader_next (Reader *reader,
             guint   i)
{
  ReadFile *read;

  if (reader->thread == NULL)
    return read_file (reader, i);

  read = g_async_queue_pop (reader->read);
  g_async_queue_push (reader->slots, GINT_TO_POINTER (1));
  return read;
}

/* Stops the reader, done or not, and lets go what it read ahead. */
static void
reader_finish (Reader *reader)
{
  if (reader->thread == NULL)
    return;

  g_atomic_int_set (&reader->stop, 1);
  g_async_queue_push (reader->slots, GINT_TO_POINTER (1));
  g_thread_join (g_steal_pointer (&reader->thread));
  g_clear_pointer (&reader->read, g_async_queue_unref);
  g_clear_pointer (&reader->slots, g_async_queue_unref);
}

typedef struct
{
  GFile     *file;
  GPtrArray *results;
  /* What was read, kept until the commit, to try the file again alone; an
   * exchange document is read again */
  GPtrArray *plans;
  GPtrArray *lists;
  gboolean   document;
} ImportedFile;

static void
imported_file_clear (ImportedFile *imported)
{
  g_clear_object (&imported->file);
  g_clear_pointer (&imported->results, g_ptr_array_unref);
  g_clear_pointer (&imported->plans, g_ptr_array_unref);
  g_clear_pointer (&imported->lists, g_ptr_array_unref);
}

static void
report_failed (GFile               *file,
               const GError        *error,
               VigiaImportFileDone  done,
               gpointer             user_data)
{
  g_autofree char *name = dup_file_name (file);
  g_autoptr(GError) file_error = g_error_new (error->domain, error->code, _("%s: nothing was imported: %s"),
                                              name, error->message);

  done (file, NULL, file_error, user_data);
}

/* Each file of a batch whose commit failed, again in a transaction of its
 * own: a full disk then takes only the files that do not fit, each named.
 * FALSE if the library cannot even begin one. */
static gboolean
retry_one_by_one (VigiaLibrary         *library,
                  GArray               *pending,
                  VigiaImportFileDone   done,
                  gpointer              user_data,
                  GError              **error)
{
  for (guint i = 0; i < pending->len; i++)
    {
      ImportedFile *imported = &g_array_index (pending, ImportedFile, i);
      g_autoptr(GError) file_error = NULL;
      g_autoptr(GPtrArray) results = NULL;

      /* The first try gave the objects ids the rollback took back. */
      for (guint j = 0; imported->plans != NULL && j < imported->plans->len; j++)
        vigia_plan_clear_ids (g_ptr_array_index (imported->plans, j));

      if (!vigia_library_begin (library, &file_error))
        {
          for (guint j = i; j < pending->len; j++)
            report_failed (g_array_index (pending, ImportedFile, j).file, file_error, done, user_data);
          g_array_set_size (pending, 0);
          g_propagate_error (error, g_steal_pointer (&file_error));
          return FALSE;
        }
      if (imported->document)
        results = import_document (library, imported->file, NULL, &file_error);
      else
        results = import_read_plans (library, imported->file, imported->plans, imported->lists, NULL, &file_error);
      if (results == NULL)
        {
          vigia_library_rollback (library);
          done (imported->file, NULL, file_error, user_data);
          continue;
        }
      if (!vigia_library_commit (library, &file_error))
        {
          report_failed (imported->file, file_error, done, user_data);
          continue;
        }
      done (imported->file, results, NULL, user_data);
    }
  g_array_set_size (pending, 0);
  return TRUE;
}

/* Commits the files imported since the last commit and reports them; if
 * the commit fails, tries each of them alone. */
static gboolean
commit_imported (VigiaLibrary         *library,
                 GArray               *pending,
                 VigiaImportFileDone   done,
                 gpointer              user_data,
                 GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!vigia_library_commit (library, &local_error))
    {
      /* One file alone gets no second try: its error is the commit's. */
      if (pending->len == 1)
        {
          report_failed (g_array_index (pending, ImportedFile, 0).file, local_error, done, user_data);
          g_array_set_size (pending, 0);
          return TRUE;
        }
      return retry_one_by_one (library, pending, done, user_data, error);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      ImportedFile *imported = &g_array_index (pending, ImportedFile, i);

      done (imported->file, imported->results, NULL, user_data);
    }
  g_array_set_size (pending, 0);
  return TRUE;
}

/**
 * vigia_import_files:
 * @files: (array length=n_files): the files, in order
 * @done: called once for each file: once it is in the library for good
 *   (with its results, when its batch is committed) or left out (with the
 *   error naming file, line and reason, as soon as it fails)
 *
 * Imports many files, as vigia-cli import and a whole region's summaries
 * need: each file is all or nothing, as with vigia_import_file(), and a file
 * that fails leaves the others be; commits are shared by batches of files.
 * A batch whose commit fails (a full disk) is tried again file by file, so
 * that every file that fits goes in and each that does not is named.
 *
 * Returns: %FALSE with @error if the library could not be written at all
 *   (busy, read-only); the files concerned were reported to @done with
 *   that error
 */
gboolean
vigia_import_files (VigiaLibrary              *library,
                    GFile                    **files,
                    guint                      n_files,
                    const VigiaImportOptions  *options,
                    VigiaImportFileDone        done,
                    gpointer                   user_data,
                    GCancellable              *cancellable,
                    GError                   **error)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (ImportedFile));
  g_autoptr(GError) library_error = NULL;
  gboolean in_transaction = FALSE;
  guint failed_from = n_files;
  Reader reader;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  g_array_set_clear_func (pending, (GDestroyNotify) imported_file_clear);
  reader_start (&reader, files, n_files, options, cancellable);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GError) file_error = NULL;
      ImportedFile imported = { NULL, NULL, NULL, NULL, FALSE };
      ReadFile *read;

      if (!in_transaction)
        {
          if (!vigia_library_begin (library, &library_error))
            {
              failed_from = i;
              break;
            }
          in_transaction = TRUE;
        }

      read = reader_next (&reader, i);
      if (read->document)
        {
          if ((imported.results = import_document (library, files[i], cancellable, &file_error)) == NULL)
            done (files[i], NULL, file_error, user_data);
          else
            {
              imported.file = g_object_ref (files[i]);
              imported.document = TRUE;
              g_array_append_val (pending, imported);
            }
        }
      else if (read->plans == NULL)
        done (files[i], NULL, read->error, user_data);
      else if ((imported.results = import_read_plans (library, files[i], read->plans, read->lists,
                                                      cancellable, &file_error)) == NULL)
        done (files[i], NULL, file_error, user_data);
      else
        {
          imported.file = g_object_ref (files[i]);
          imported.plans = g_steal_pointer (&read->plans);
          imported.lists = g_steal_pointer (&read->lists);
          g_array_append_val (pending, imported);
        }
      read_file_free (read);

      if (pending->len >= FILES_PER_COMMIT || i + 1 == n_files)
        {
          in_transaction = FALSE;
          if (!commit_imported (library, pending, done, user_data, &library_error))
            {
              failed_from = i + 1;
              break;
            }
        }
    }

  reader_finish (&reader);
  if (library_error == NULL)
    return TRUE;

  for (guint j = failed_from; j < n_files; j++)
    done (files[j], NULL, library_error, user_data);
  g_propagate_error (error, g_steal_pointer (&library_error));
  return FALSE;
}

typedef struct
{
  char  *library_path;
  /* Who the thread's connection records changes as: the library's author. */
  char  *author;
  GFile *file;
  char  *place;
  int    term_start;
  int    term_end;
} ImportTask;

static void
import_task_free (gpointer data)
{
  ImportTask *task = data;

  g_free (task->library_path);
  g_free (task->author);
  g_clear_object (&task->file);
  g_free (task->place);
  g_free (task);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *data = task_data;
  VigiaImportOptions options = { data->place, data->term_start, data->term_end };
  g_autoptr(VigiaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  /* A library is one connection for one thread: this thread opens its own. */
  library = vigia_library_open (data->library_path, VIGIA_LIBRARY_OPEN_EXISTING, &error);
  if (library == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  vigia_library_set_author (library, data->author);

  results = vigia_import_file (library, data->file, &options, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * vigia_import_file_async:
 * @library: the library to import into; the import runs in a thread on a
 *   connection of its own to the same file
 * @options: (nullable): copied; need not outlive the call
 *
 * vigia_import_file() without blocking the caller, for the application.
 * Finish with vigia_import_file_finish().
 */
void
vigia_import_file_async (VigiaLibrary              *library,
                         GFile                     *file,
                         const VigiaImportOptions  *options,
                         GCancellable              *cancellable,
                         GAsyncReadyCallback        callback,
                         gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (VIGIA_IS_LIBRARY (library));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportTask, 1);
  data->library_path = g_strdup (vigia_library_get_path (library));
  data->author = g_strdup (vigia_library_get_author (library));
  data->file = g_object_ref (file);
  if (options != NULL)
    {
      data->place = g_strdup (options->place);
      data->term_start = options->term_start;
      data->term_end = options->term_end;
    }

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigia_import_file_async);
  g_task_set_task_data (task, data, import_task_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * vigia_import_file_finish:
 *
 * Also emits #VigiaLibrary::plans-changed on @library for the plans the
 * import added or updated, since the thread wrote through another
 * connection.
 *
 * Returns: (transfer full) (element-type VigiaImportResult): as
 *   vigia_import_file()
 */
GPtrArray *
vigia_import_file_finish (VigiaLibrary  *library,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(GArray) changed = NULL;
  GPtrArray *results;

  g_return_val_if_fail (VIGIA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (g_task_is_valid (result, library), NULL);

  results = g_task_propagate_pointer (G_TASK (result), error);
  if (results == NULL)
    return NULL;

  changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < results->len; i++)
    {
      VigiaImportResult *r = g_ptr_array_index (results, i);

      if (r->outcome != VIGIA_IMPORT_ALREADY_PRESENT)
        g_array_append_val (changed, r->plan_id);
    }
  if (changed->len > 0)
    g_signal_emit_by_name (library, "plans-changed", changed);

  return results;
}
