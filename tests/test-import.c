/* test-import.c: formats, readers, the UBIGEO table, and importing into a library
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It runs twice: on SQLite files, and as test-import-postgresql with
 * $VIGIA_TEST_STORE=postgresql, where each library is a new database of the
 * server $VIGIA_TEST_POSTGRESQL names.  The readers' cases, which open no
 * library, and a disk filling up under the write-ahead log are left to the
 * first.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vigia-declara-reader.h"
#include "vigia-jne-reader.h"
#include "vigia-json-reader.h"
#include "vigia-jne-list-reader.h"
#include "vigia-fault-vfs.h"
#include "vigia-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vigia_test_make_dir ();
  f->path = vigia_test_make_library_location (f->dir, "library.sqlite");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vigia_test_drop_library_locations ();
  vigia_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
load_file (GFile *file,
           gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, length, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
declara_sample (gsize *length)
{
  g_autoptr(GFile) file = vigia_sample_plan_file ();

  return load_file (file, length);
}

static char *
jne_sample (gsize *length)
{
  g_autoptr(GFile) file = vigia_sample_jne_file ();

  return load_file (file, length);
}

/* Replaces the first @old in @text by @new. */
static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* The text up to (not including) the first @marker. */
static char *
cut_before (const char *text,
            const char *marker)
{
  const char *at = strstr (text, marker);

  g_assert_nonnull (at);
  return g_strndup (text, at - text);
}

static GPtrArray *
read_text (const char  *text,
           GError     **error)
{
  return vigia_read_plans_from_data ((const guint8 *) text, strlen (text), "plan.txt",
                                     NULL, NULL, error);
}

static VigiaPlan *
read_one (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = read_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  return g_object_ref (g_ptr_array_index (plans, 0));
}

static VigiaGoal *
goal_at (VigiaPlan *plan,
         guint      dimension,
         guint      goal)
{
  return vigia_dimension_get_goal (vigia_plan_get_dimension (plan, dimension), goal);
}

/* ---------------------------------------------------------------------- */

static void
test_ubigeo (void)
{
  const VigiaUbigeoPlace *place;
  g_autoptr(GPtrArray) departments = vigia_ubigeo_children (NULL);
  g_autoptr(GPtrArray) lima = vigia_ubigeo_children ("15");
  g_autoptr(GPtrArray) santa_cruz = vigia_ubigeo_children ("0613");
  guint n_provinces = 0, n_districts = 0;

  g_assert_cmpuint (departments->len, ==, 25);
  for (guint i = 0; i < departments->len; i++)
    {
      const VigiaUbigeoPlace *dep = g_ptr_array_index (departments, i);
      g_autoptr(GPtrArray) provinces = vigia_ubigeo_children (dep->code);

      n_provinces += provinces->len;
      for (guint j = 0; j < provinces->len; j++)
        {
          const VigiaUbigeoPlace *prov = g_ptr_array_index (provinces, j);
          g_autoptr(GPtrArray) districts = vigia_ubigeo_children (prov->code);

          g_assert_cmpstr (prov->name, !=, "Ninabamba");
          n_districts += districts->len;
        }
    }
  g_assert_cmpuint (n_provinces, ==, 196);
  g_assert_cmpuint (n_districts, ==, 1891);

  place = vigia_ubigeo_find ("150112");
  g_assert_nonnull (place);
  g_assert_cmpstr (place->name, ==, "Independencia");
  g_assert_cmpstr (vigia_ubigeo_find ("15")->name, ==, "Lima");
  g_assert_cmpstr (vigia_ubigeo_find ("07")->name, ==, "Callao");
  g_assert_null (vigia_ubigeo_find ("99"));
  g_assert_null (vigia_ubigeo_find ("1501129"));

  /* The source's known error: Ninabamba (061306) is in Santa Cruz. */
  g_assert_cmpstr (vigia_ubigeo_find ("0613")->name, ==, "Santa Cruz");
  g_assert_cmpstr (vigia_ubigeo_find ("061306")->name, ==, "Ninabamba");
  g_assert_cmpstr (vigia_ubigeo_parent (vigia_ubigeo_find ("061306"))->name, ==, "Santa Cruz");
  g_assert_cmpuint (santa_cruz->len, ==, 11);
  g_assert_cmpstr (vigia_ubigeo_match ("CAJAMARCA", "NINABAMBA", NULL)->code, ==, "06");
  g_assert_cmpstr (vigia_ubigeo_match ("CAJAMARCA", "SANTA CRUZ", "NINABAMBA")->code, ==, "061306");

  /* Case and accents do not matter; the most specific match wins. */
  g_assert_cmpstr (vigia_ubigeo_match ("LIMA", "LIMA", "INDEPENDENCIA")->code, ==, "150112");
  g_assert_cmpstr (vigia_ubigeo_match ("ANCASH", "HUARAZ", "INDEPENDENCIA")->code, ==, "020105");
  g_assert_cmpstr (vigia_ubigeo_match ("áncash", NULL, NULL)->code, ==, "02");
  g_assert_cmpstr (vigia_ubigeo_match ("PUNO", NULL, NULL)->code, ==, "21");
  g_assert_cmpstr (vigia_ubigeo_match ("LIMA", "LIMA", "ATLANTIS")->code, ==, "1501");
  g_assert_null (vigia_ubigeo_match ("ATLANTIS", NULL, NULL));

  g_assert_cmpuint (lima->len, ==, 10);

  /* RENIEC numbers departments and provinces otherwise: the JNE's Lima is
   * 14, its San Borja 140140, and INEI's 140101 is Chiclayo. */
  g_assert_cmpstr (vigia_ubigeo_find ("15")->reniec_code, ==, "14");
  g_assert_cmpstr (vigia_ubigeo_find_reniec ("14")->code, ==, "15");
  g_assert_cmpstr (vigia_ubigeo_find_reniec ("140140")->code, ==, "150130");
  g_assert_cmpstr (vigia_ubigeo_find_reniec ("140140")->name, ==, "San Borja");
  g_assert_cmpstr (vigia_ubigeo_find ("140101")->name, ==, "Chiclayo");
  g_assert_cmpstr (vigia_ubigeo_find_reniec ("070101")->code, ==, "080101");
  g_assert_cmpstr (vigia_ubigeo_find ("07")->reniec_code, ==, "24");
  /* Districts the package lacks, from data/ubigeo/changes.tsv. */
  g_assert_cmpstr (vigia_ubigeo_find ("050413")->name, ==, "Putis");
  g_assert_cmpstr (vigia_ubigeo_find ("050413")->reniec_code, ==, "050314");
  g_assert_cmpstr (vigia_ubigeo_find ("1608")->name, ==, "Putumayo");
  g_assert_cmpstr (vigia_ubigeo_find_reniec ("150901")->code, ==, "160801");
  /* Created after the JNE's 2022 lists: no RENIEC code yet. */
  g_assert_cmpstr (vigia_ubigeo_find ("130112")->name, ==, "Alto Trujillo");
  g_assert_null (vigia_ubigeo_find ("130112")->reniec_code);
  g_assert_null (vigia_ubigeo_find_reniec ("99"));
}

static void
test_place_names (void)
{
  VigiaPlaceName name;

  g_assert_true (vigia_place_name_parse ("LIMA - LIMA - INDEPENDENCIA", &name));
  g_assert_cmpstr (name.department, ==, "LIMA");
  g_assert_cmpstr (name.province, ==, "LIMA");
  g_assert_cmpstr (name.district, ==, "INDEPENDENCIA");
  g_assert_cmpstr (name.place->code, ==, "150112");
  vigia_place_name_clear (&name);

  g_assert_true (vigia_place_name_parse ("150112", &name));
  g_assert_cmpstr (name.department, ==, "Lima");
  g_assert_cmpstr (name.district, ==, "Independencia");
  vigia_place_name_clear (&name);

  /* A JNE code is said to be one, and never read as INEI's. */
  g_assert_true (vigia_place_name_parse ("jne:140140", &name));
  g_assert_cmpstr (name.place->code, ==, "150130");
  g_assert_cmpstr (name.department, ==, "Lima");
  g_assert_cmpstr (name.district, ==, "San Borja");
  vigia_place_name_clear (&name);
  g_assert_true (vigia_place_name_parse ("JNE: 14", &name));
  g_assert_cmpstr (name.place->code, ==, "15");
  vigia_place_name_clear (&name);
  g_assert_false (vigia_place_name_parse ("140140", &name));
  g_assert_true (vigia_place_name_parse ("140101", &name));
  g_assert_cmpstr (name.district, ==, "Chiclayo");
  vigia_place_name_clear (&name);
  g_assert_true (vigia_place_name_parse ("jne:140101", &name));
  g_assert_cmpstr (name.place->code, ==, "150101");
  vigia_place_name_clear (&name);
  g_assert_false (vigia_place_name_parse ("jne:999999", &name));
  g_assert_false (vigia_place_name_parse ("jne:lima", &name));

  g_assert_true (vigia_place_name_parse ("  PUNO ", &name));
  g_assert_cmpstr (name.department, ==, "PUNO");
  g_assert_null (name.province);
  g_assert_cmpstr (name.place->code, ==, "21");
  vigia_place_name_clear (&name);

  g_assert_true (vigia_place_name_parse ("LIMA-LIMA-INDEPENDENCIA", &name));
  g_assert_cmpstr (name.district, ==, "INDEPENDENCIA");
  g_assert_cmpstr (name.place->code, ==, "150112");
  vigia_place_name_clear (&name);

  /* A hyphen inside a name is not a separator. */
  g_assert_true (vigia_place_name_parse ("HUANUCO - LEONCIO PRADO - RUPA-RUPA", &name));
  g_assert_cmpstr (name.district, ==, "RUPA-RUPA");
  g_assert_nonnull (name.place);
  g_assert_cmpstr (name.place->name, ==, "Rupa-Rupa");
  vigia_place_name_clear (&name);

  g_assert_true (vigia_place_name_parse ("LIMA - LIMA - ATLANTIS", &name));
  g_assert_null (name.place);
  vigia_place_name_clear (&name);

  g_assert_false (vigia_place_name_parse ("999999", &name));
  g_assert_false (vigia_place_name_parse ("", &name));
  g_assert_false (vigia_place_name_parse ("A - B - C - D", &name));
}

static void
test_detect (void)
{
  g_autofree char *declara = NULL;
  g_autofree char *jne = NULL;
  gsize declara_length, jne_length;
  static const struct {
    const char *data;
    gsize       length;
    VigiaFileType format;
    const char *looks;
  } cases[] = {
    { "{ \"format\": \"vigia-plans\", \"version\": 1, \"plans\": [] }", 0, VIGIA_FILE_TYPE_VIGIA_JSON, NULL },
    { "\xEF\xBB\xBF  {\"dimensiones\":[]}", 0, VIGIA_FILE_TYPE_JNE_JSON, NULL },
    { "{\"data\": {\"datoGeneral\": {}, \"dimensionSocial\": []}}", 0, VIGIA_FILE_TYPE_JNE_JSON, NULL },
    { "%PDF-1.7\n…", 0, VIGIA_FILE_TYPE_UNKNOWN, "a PDF document" },
    { "PK\x03\x04", 4, VIGIA_FILE_TYPE_UNKNOWN, "a ZIP archive" },
    { "", 0, VIGIA_FILE_TYPE_UNKNOWN, "an empty file" },
    { "<!DOCTYPE html><html></html>", 0, VIGIA_FILE_TYPE_UNKNOWN, "a web page" },
    { "{\"format\": \"geojson\"}", 0, VIGIA_FILE_TYPE_UNKNOWN, "JSON with a “format”" },
    { "{\"name\": \"x\"}", 0, VIGIA_FILE_TYPE_UNKNOWN, "JSON, but neither" },
    { "[1, 2]", 0, VIGIA_FILE_TYPE_UNKNOWN, "a JSON list" },
    { "[ {\"idPlanGobierno\": 1, \"txUbigeo\": \"140140\"} ]", 0, VIGIA_FILE_TYPE_JNE_LISTS, NULL },
    { "{\"pageIndex\": 0, \"data\": [{\"idPlanGobierno\": 1, \"txEstadoLista\": \"INSCRITO\"}]}", 0,
      VIGIA_FILE_TYPE_JNE_LISTS, NULL },
    { "[ {\"idPlanGobierno\": 1} ]", 0, VIGIA_FILE_TYPE_UNKNOWN, "a JSON list" },
    { "Lista de compras\nleche\npan\n", 0, VIGIA_FILE_TYPE_UNKNOWN, "text of 3 lines" },
    { "SQLite format 3\0\0", 17, VIGIA_FILE_TYPE_UNKNOWN, "an SQLite database" },
    { "\x01\x02\0\x03", 4, VIGIA_FILE_TYPE_UNKNOWN, "binary data" },
  };

  declara = declara_sample (&declara_length);
  jne = jne_sample (&jne_length);
  g_assert_cmpint (vigia_file_type_detect ((const guint8 *) declara, declara_length), ==, VIGIA_FILE_TYPE_DECLARA_TEXT);
  g_assert_cmpint (vigia_file_type_detect ((const guint8 *) jne, jne_length), ==, VIGIA_FILE_TYPE_JNE_JSON);
  g_assert_cmpstr (vigia_file_type_to_nick (VIGIA_FILE_TYPE_DECLARA_TEXT), ==, "declara-text");
  g_assert_cmpstr (vigia_file_type_to_nick (VIGIA_FILE_TYPE_JNE_JSON), ==, "jne-json");
  g_assert_cmpstr (vigia_file_type_to_nick (VIGIA_FILE_TYPE_VIGIA_JSON), ==, "vigia-json");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length > 0 ? cases[i].length : strlen (cases[i].data);
      g_autofree char *looks = NULL;

      g_assert_cmpint (vigia_file_type_detect ((const guint8 *) cases[i].data, length), ==, cases[i].format);
      if (cases[i].looks == NULL)
        continue;
      looks = vigia_file_type_describe ((const guint8 *) cases[i].data, length);
      if (!g_str_has_prefix (looks, cases[i].looks))
        g_error ("case %u: “%s” does not start with “%s”", i, looks, cases[i].looks);
    }
}

/* ---------------------------------------------------------------------- */
/* DECLARA                                                                */
/* ---------------------------------------------------------------------- */

static void
assert_declara_sample (VigiaPlan *plan)
{
  static const struct {
    double      value;
    const char *unit;
    VigiaMeasure measure;
  } targets[12] = {
    { 25, "%", VIGIA_MEASURE_PERCENT }, { 25, "%", VIGIA_MEASURE_PERCENT },
    { 10, "%", VIGIA_MEASURE_PERCENT }, { 500, "MYPES ATENDIDAS", VIGIA_MEASURE_COUNT },
    { 300, "MYPES ASOCIADOS", VIGIA_MEASURE_COUNT }, { 3, "CLÚSTER DESARROLLADOS", VIGIA_MEASURE_COUNT },
    { 30, "%", VIGIA_MEASURE_PERCENT }, { 24, "CAPACITACIONES POR EJES ZONALES", VIGIA_MEASURE_COUNT },
    { 4, "PROYECTOS DE CONSERVACIÓN AMBIENTAL", VIGIA_MEASURE_COUNT },
    { 5, "ESPACIOS DESCENTRALIZADOS", VIGIA_MEASURE_COUNT },
    { 30, "%", VIGIA_MEASURE_PERCENT_CHANGE }, { 30, "%", VIGIA_MEASURE_PERCENT_CHANGE },
  };
  static const char * const titles[] = {
    "DIMENSIÓN SOCIAL", "DIMENSIÓN ECONÓMICA", "DIMENSIÓN AMBIENTAL", "DIMENSIÓN INSTITUCIONAL"
  };
  VigiaGoal *goal;

  g_assert_cmpstr (vigia_plan_get_organization (plan), ==, "JUNTOS POR EL PERU");
  g_assert_cmpint (vigia_plan_get_election (plan), ==, VIGIA_ELECTION_MUNICIPAL_DISTRICT);
  g_assert_cmpstr (vigia_plan_get_process (plan), ==, "ERM 2022");
  g_assert_cmpstr (vigia_plan_get_department (plan), ==, "LIMA");
  g_assert_cmpstr (vigia_plan_get_province (plan), ==, "LIMA");
  g_assert_cmpstr (vigia_plan_get_district (plan), ==, "INDEPENDENCIA");
  g_assert_cmpstr (vigia_plan_get_ubigeo (plan), ==, "150112");
  g_assert_cmpint (vigia_plan_get_term_start (plan), ==, 2023);
  g_assert_cmpint (vigia_plan_get_term_end (plan), ==, 2026);
  g_assert_cmpstr (vigia_plan_get_source_format (plan), ==, "declara-text");
  g_assert_nonnull (vigia_plan_get_source_digest (plan));

  /* The ideario without the JNE's instructions, its "¿" bullets as items. */
  g_assert_true (g_str_has_prefix (vigia_plan_get_ideario (plan),
                                   "El partido Juntos por el Perú es la organización democrática"));
  g_assert_nonnull (strstr (vigia_plan_get_ideario (plan),
                            "Humanismo Peruano.\nObjetivos:\n• Asegurar la vigencia y defensa del sistema democrático.\n"
                            "• Contribuir a preservar la paz"));
  g_assert_nonnull (strstr (vigia_plan_get_ideario (plan),
                            "Ley de Partidos Políticos.\nValores:\n• Compartir los valores de libertad"));
  g_assert_null (strstr (vigia_plan_get_ideario (plan), "¿"));
  g_assert_null (strstr (vigia_plan_get_ideario (plan), "Acta de Fundación"));
  g_assert_true (g_str_has_prefix (vigia_plan_get_vision (plan), "Independencia es un distrito"));
  g_assert_true (g_str_has_suffix (vigia_plan_get_vision (plan), "fiscalización... y sin corrupción"));
  g_assert_true (g_str_has_prefix (vigia_plan_get_accountability (plan),
                                   "La autoridad electa que desempeñe la más alta representación"));
  g_assert_nonnull (strstr (vigia_plan_get_accountability (plan), "cada seis meses"));
  g_assert_true (g_str_has_suffix (vigia_plan_get_accountability (plan),
                                   "\n\nEllo, sin perjuicio de la intervención de la Contraloría General "
                                   "de la República y de la Sociedad Civil conforme a ley."));

  g_assert_cmpuint (vigia_plan_get_n_dimensions (plan), ==, 4);
  g_assert_cmpuint (vigia_plan_get_n_goals (plan), ==, 12);
  for (guint i = 0; i < 4; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);

      g_assert_cmpint (vigia_dimension_get_kind (dim), ==, (VigiaDimensionKind) i);
      g_assert_cmpstr (vigia_dimension_get_title (dim), ==, titles[i]);
      g_assert_cmpuint (vigia_dimension_get_n_goals (dim), ==, 3);
      for (guint j = 0; j < 3; j++)
        {
          goal = goal_at (plan, i, j);
          g_assert_cmpuint (vigia_goal_get_number (goal), ==, j + 1);
          g_assert_cmpint (vigia_goal_get_target_reading (goal), ==, VIGIA_READING_AUTOMATIC);
          g_assert_cmpfloat (vigia_goal_get_target_value (goal), ==, targets[i * 3 + j].value);
          g_assert_cmpstr (vigia_goal_get_target_unit (goal), ==, targets[i * 3 + j].unit);
          g_assert_cmpint (vigia_goal_get_target_measure (goal), ==, targets[i * 3 + j].measure);
          g_assert_cmpint (vigia_goal_get_target_direction (goal), ==, VIGIA_DIRECTION_UP);
          g_assert_cmpfloat (vigia_goal_get_weight (goal), ==, 1);
        }
    }

  goal = goal_at (plan, 0, 0);
  g_assert_cmpstr (vigia_goal_get_problem (goal), ==,
                   "NO SE TIENE PRIORIZADO LA ATENCIÓN DE LAS PERSONAS CON DISCAPACIDAD Y ADULTO MAYOR.");
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==,
                   "ESTABLECER UN PROGRAMA DONDE LAS PCD Y AM PUEDAN ACCEDER A LOS SERVICIOS "
                   "ALIMENTARIOS Y DE SALUD DE MANERA ADECUADA.");
  g_assert_cmpstr (vigia_goal_get_indicator (goal), ==, "PERSONAS CON DISCAPACIDAD ADULTO MAYOR");
  g_assert_cmpstr (vigia_goal_get_target_text (goal), ==, "25% DE POBLACIÓN ATENDIDA");
  goal = goal_at (plan, 1, 1);
  g_assert_cmpstr (vigia_goal_get_problem (goal), ==,
                   "LAS EMPRESAS PEQUEÑAS NO ESTÁN ADECUADAMENTE ESTABLECIDAS, DESORDEN Y CAOS");
  goal = goal_at (plan, 3, 0);
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==,
                   "PROYECTO DE DESCENTRALIZACIÓN MUNICIPAL MEDIANTE MÓDULOS DE VENTANILLA ÚNICA "
                   "EN CADA UNO DE LOS EJES ZONALES.");
  g_assert_cmpstr (vigia_goal_get_target_text (goal), ==, "05 ESPACIOS DESCENTRALIZADOS.");
}

static void
test_declara_sample (void)
{
  g_autoptr(GFile) file = vigia_sample_plan_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  VigiaFileType format = VIGIA_FILE_TYPE_UNKNOWN;

  g_assert_true (g_str_has_prefix (g_file_peek_path (file) ? "" : "resource", "resource") ||
                 g_file_has_uri_scheme (file, "resource"));
  plans = vigia_read_plans (file, &format, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, VIGIA_FILE_TYPE_DECLARA_TEXT);
  g_assert_cmpuint (plans->len, ==, 1);
  assert_declara_sample (g_ptr_array_index (plans, 0));
  g_assert_cmpstr (vigia_plan_get_source_reference (g_ptr_array_index (plans, 0)), ==,
                   "erm2022-lima-independencia-juntos-por-el-peru.txt");
}

/* The same summary as Windows, editors and exporters save it: it reads the
 * same, and is recognised as the same (its digest). */
static void
test_declara_encodings (void)
{
  g_autofree char *text = NULL;
  g_autoptr(VigiaPlan) reference = NULL;
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GString) crlf = g_string_new (NULL);
  g_autoptr(GString) blanks = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gsize length;
  char *converted;
  gsize converted_length;

  text = declara_sample (&length);
  reference = read_one (text);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append_printf (crlf, "%s\r\n", lines[i]);
      g_string_append_printf (blanks, "%s   \n", lines[i]);
    }
  g_ptr_array_add (variants, g_bytes_new (crlf->str, crlf->len));
  g_ptr_array_add (variants, g_bytes_new (blanks->str, blanks->len));
  g_ptr_array_add (variants, g_bytes_new_take (g_strconcat ("\xEF\xBB\xBF", text, NULL), length + 3));
  {
    g_autofree char *stamped = replace (text, "Generado por sistema DECLARA:",
                                        "Generado por sistema DECLARA: 14/06/2022 10:32:05");

    g_ptr_array_add (variants, g_bytes_new (stamped, strlen (stamped)));
  }

  converted = g_convert (crlf->str, crlf->len, "WINDOWS-1252", "UTF-8", NULL, &converted_length, NULL);
  g_assert_nonnull (converted);
  g_assert_false (g_utf8_validate (converted, converted_length, NULL));
  g_ptr_array_add (variants, g_bytes_new_take (converted, converted_length));

  converted = g_convert (text, length, "UTF-16LE", "UTF-8", NULL, &converted_length, NULL);
  {
    char *with_bom = g_malloc (converted_length + 2);

    with_bom[0] = '\xFF';
    with_bom[1] = '\xFE';
    memcpy (with_bom + 2, converted, converted_length);
    g_free (converted);
    g_ptr_array_add (variants, g_bytes_new_take (with_bom, converted_length + 2));
  }

  for (guint i = 0; i < variants->len; i++)
    {
      GBytes *bytes = g_ptr_array_index (variants, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = NULL;
      gsize size;
      const guint8 *data = g_bytes_get_data (bytes, &size);

      g_test_message ("variant %u", i);
      g_assert_cmpint (vigia_file_type_detect (data, size), ==, VIGIA_FILE_TYPE_DECLARA_TEXT);
      plans = vigia_read_plans_from_data (data, size, "variant.txt", NULL, NULL, &error);
      g_assert_no_error (error);
      assert_declara_sample (g_ptr_array_index (plans, 0));
      g_assert_cmpstr (vigia_plan_get_source_digest (g_ptr_array_index (plans, 0)), ==,
                       vigia_plan_get_source_digest (reference));
    }
}

/* Tables of any length (none, one, five rows), empty cells, a cell that
 * wrapped, another term, a regional plan. */
static void
test_declara_variations (void)
{
  g_autofree char *text = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *step3 = NULL;
  g_autofree char *step4 = NULL;
  g_autofree char *step5 = NULL;
  g_autofree char *step6 = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autoptr(GString) more_rows = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  VigiaGoal *goal;
  gsize length;

  text = declara_sample (&length);

  /* The economic table loses its rows; the environmental one has five, the
   * last with empty cells and a meta that wrapped onto the next line. */
  step1 = replace (text,
                   "1\tLA MYPE ACTUALMENTE HA DISMINUIDO SU CAPACIDAD ADQUISITIVA\tPROGRAMA DE APOYO A LA MICRO Y PEQUEÑA EMPRESA MYPE.\tMYPES DEL DISTRITO\t500 MYPES ATENDIDAS\n", "");
  step2 = replace (step1, "2\tLAS EMPRESAS PEQUEÑAS", "XX");
  step3 = cut_before (step2, "XX");
  {
    const char *rest = strstr (step2, "3. DIMENSIÓN AMBIENTAL");

    g_string_append (more_rows, step3);
    g_string_append (more_rows, "\n");
    g_string_append (more_rows, rest);
  }
  step4 = replace (more_rows->str, "\n\n4. DIMENSIÓN INSTITUCIONAL",
                   "\n4\tSIN AGUA EN LAS LOMAS\t\tHOGARES CON AGUA\t1 200 HOGARES\n"
                   "5\t\t\t\tREDUCIR LA BASURA AL 10 %\n"
                   "6\tQUEMA DE BASURA\tCAMPAÑAS\tCAMPAÑAS\t12 CAMPAÑAS\n"
                   "ANUALES\n\n4. DIMENSIÓN INSTITUCIONAL");
  /* Another term in every header, and a regional plan. */
  parts = g_strsplit (step4, "META (2023-2026)", -1);
  step5 = g_strjoinv ("META (2027-2030)", parts);
  step6 = replace (step5, "MUNICIPAL DISTRITAL\n Lugar: LIMA - LIMA - INDEPENDENCIA",
                   "REGIONAL\n Lugar: PUNO");

  plan = read_one (step6);
  g_assert_cmpint (vigia_plan_get_election (plan), ==, VIGIA_ELECTION_REGIONAL);
  g_assert_cmpstr (vigia_plan_get_department (plan), ==, "PUNO");
  g_assert_null (vigia_plan_get_province (plan));
  g_assert_cmpstr (vigia_plan_get_ubigeo (plan), ==, "21");
  g_assert_cmpint (vigia_plan_get_term_start (plan), ==, 2027);
  g_assert_cmpint (vigia_plan_get_term_end (plan), ==, 2030);
  g_assert_cmpstr (vigia_plan_get_process (plan), ==, "ERM 2026");

  g_assert_cmpuint (vigia_plan_get_n_dimensions (plan), ==, 4);
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 0)), ==, 3);
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 1)), ==, 0);
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 2)), ==, 6);
  g_assert_cmpuint (vigia_plan_get_n_goals (plan), ==, 12);

  goal = goal_at (plan, 2, 3);
  g_assert_cmpstr (vigia_goal_get_problem (goal), ==, "SIN AGUA EN LAS LOMAS");
  g_assert_null (vigia_goal_get_objective (goal));
  g_assert_cmpfloat (vigia_goal_get_target_value (goal), ==, 1200);
  goal = goal_at (plan, 2, 4);
  g_assert_null (vigia_goal_get_problem (goal));
  g_assert_cmpstr (vigia_goal_get_target_text (goal), ==, "REDUCIR LA BASURA AL 10 %");
  g_assert_cmpint (vigia_goal_get_target_direction (goal), ==, VIGIA_DIRECTION_DOWN);
  goal = goal_at (plan, 2, 5);
  g_assert_cmpuint (vigia_goal_get_number (goal), ==, 6);
  g_assert_cmpstr (vigia_goal_get_target_text (goal), ==, "12 CAMPAÑAS ANUALES");
  g_assert_cmpstr (vigia_goal_get_target_unit (goal), ==, "CAMPAÑAS ANUALES");
}

typedef struct
{
  const char *name;
  /* Turns the sample into the bad file. */
  char     *(*make) (const char *sample);
  guint       line;
  const char *reason;
} BadCase;

static char *
make_truncated_row (const char *sample)
{
  g_autofree char *head = cut_before (sample, "\tMYPES DEL DISTRITO\t300 MYPES");

  return g_strdup (head);
}

static char *
make_truncated_before_vi (const char *sample)
{
  return cut_before (sample, "\nVI. MECANISMO");
}

static char *
make_truncated_footer (const char *sample)
{
  return cut_before (sample, "Organización Política:");
}

static char *
make_no_proposals (const char *sample)
{
  g_auto(GStrv) lines = g_strsplit (sample, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!(g_ascii_isdigit (lines[i][0]) && strchr (lines[i], '\t') != NULL))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

static char *
make_not_a_summary (const char *sample)
{
  return g_strdup ("RESUMEN DEL PLAN DE GOBIERNO\n\nQuerido diario:\nhoy fui al mercado.\n");
}

static char *
make_short_row (const char *sample)
{
  return replace (sample, "\tMYPES DEL DISTRITO\t300 MYPES ASOCIADOS", "\t300 MYPES ASOCIADOS");
}

static char *
make_long_row (const char *sample)
{
  return replace (sample, "\t300 MYPES ASOCIADOS", "\t300 MYPES ASOCIADOS\tOTRA\tMÁS");
}

static char *
make_bad_election (const char *sample)
{
  return replace (sample, "MUNICIPAL DISTRITAL", "CONCURSO DE BELLEZA");
}

static char *
make_two_terms (const char *sample)
{
  g_autofree char *head = cut_before (sample, "META (2023-2026)\n1\tLA POBLACIÓN DESCONOCE");
  const char *tail = strstr (sample, "META (2023-2026)\n1\tLA POBLACIÓN DESCONOCE") + strlen ("META (2023-2026)");

  return g_strconcat (head, "META (2027-2030)", tail, NULL);
}

static char *
make_orphan_row (const char *sample)
{
  return replace (sample, "1. DIMENSIÓN SOCIAL\n", "");
}

/* A "é" saved as Windows-1252 into the UTF-8 file, on line 54: read as
 * Windows-1252 the whole file would have its accents wrong, and its
 * headings missed. */
static char *
make_damaged_utf8 (const char *sample)
{
  g_auto(GStrv) lines = g_strsplit (sample, "\n", -1);
  char *damaged = g_strconcat (lines[53], " CAF\xE9", NULL);

  g_free (lines[53]);
  lines[53] = damaged;
  return g_strjoinv ("\n", lines);
}

static const BadCase bad_cases[] = {
  { "truncated-row", make_truncated_row, 54, "the file ends in the middle of a proposal (3 of 5 cells): it seems cut short" },
  { "truncated-before-vi", make_truncated_before_vi, 69, "the file ends in section V, before section VI" },
  { "truncated-footer", make_truncated_footer, 75, "the file ends without the footer line “Organización Política:”" },
  { "no-proposals", make_no_proposals, 37, "the summary has no proposals" },
  { "not-a-summary", make_not_a_summary, 4, "not a plan summary" },
  { "short-row", make_short_row, 54, "the row has 4 cells, but a proposal has 5" },
  { "long-row", make_long_row, 54, "the row has 7 cells, but a proposal has 5" },
  { "bad-election", make_bad_election, 78, "unknown election type “CONCURSO DE BELLEZA”" },
  { "two-terms", make_two_terms, 59, "this table's term 2027–2030 differs from the 2023–2026 of the table on line 45" },
  { "orphan-row", make_orphan_row, 45, "a proposal before any dimension heading" },
  { "damaged-utf8", make_damaged_utf8, 54, "the byte 0xE9 is not UTF-8, though the rest of the file is" },
};

static void
test_declara_bad (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *sample = NULL;
  g_autofree char *before = NULL;
  gsize length;

  sample = declara_sample (&length);

  /* A library with a plan in it, closed so that its file is all there is. */
  {
    g_autoptr(VigiaLibrary) library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, NULL);
    g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("OTRO PARTIDO", "COMAS", 2);

    g_assert_true (vigia_library_add_plan (library, plan, NULL));
  }
  before = vigia_test_checksum_library (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autofree char *bad = c->make (sample);
      g_autofree char *file_path = g_build_filename (f->dir, c->name, NULL);
      g_autofree char *expected = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = NULL;

      g_test_message ("%s", c->name);
      g_file_set_contents (file_path, bad, -1, NULL);
      {
        g_autoptr(VigiaLibrary) library = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_DEFAULT, NULL);

        results = vigia_import_file (library, file, NULL, NULL, &error);
        g_assert_null (results);
        g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
        g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 1);
      }

      expected = g_strdup_printf ("%s: line %u: %s", file_path, c->line, c->reason);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("%s: “%s” does not start with “%s”", c->name, error->message, expected);

      after = vigia_test_checksum_library (f->path);
      g_assert_cmpstr (after, ==, before);
    }
}

/* ---------------------------------------------------------------------- */
/* JNE JSON                                                               */
/* ---------------------------------------------------------------------- */

static void
test_jne_sample (void)
{
  g_autoptr(GFile) file = vigia_sample_jne_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  VigiaImportOptions options = { "PUNO", 2027, 2030 };
  VigiaFileType format = VIGIA_FILE_TYPE_UNKNOWN;
  VigiaPlan *plan;
  VigiaGoal *goal;
  static const guint per_dimension[] = { 4, 4, 3, 3 };

  /* Without place: read, and says so by having none; the term is the one
   * its election (ERM.2026…) elects. */
  plans = vigia_read_plans (file, &format, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, VIGIA_FILE_TYPE_JNE_JSON);
  plan = g_ptr_array_index (plans, 0);
  g_assert_null (vigia_plan_get_department (plan));
  g_assert_cmpint (vigia_plan_get_term_start (plan), ==, 2027);
  g_assert_cmpint (vigia_plan_get_term_end (plan), ==, 2030);
  g_assert_cmpint (vigia_plan_get_election (plan), ==, VIGIA_ELECTION_REGIONAL);
  g_clear_pointer (&plans, g_ptr_array_unref);

  plans = vigia_read_plans (file, &format, &options, NULL, &error);
  g_assert_no_error (error);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpstr (vigia_plan_get_organization (plan), ==, "MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO");
  g_assert_cmpint (vigia_plan_get_election (plan), ==, VIGIA_ELECTION_REGIONAL);
  g_assert_cmpstr (vigia_plan_get_process (plan), ==, "ERM 2026");
  g_assert_cmpstr (vigia_plan_get_department (plan), ==, "PUNO");
  g_assert_cmpstr (vigia_plan_get_ubigeo (plan), ==, "21");
  g_assert_cmpint (vigia_plan_get_term_start (plan), ==, 2027);
  g_assert_cmpint (vigia_plan_get_term_end (plan), ==, 2030);
  g_assert_null (vigia_plan_get_vision (plan));
  g_assert_cmpstr (vigia_plan_get_source_format (plan), ==, "jne-json");
  g_assert_cmpstr (vigia_plan_get_source_reference (plan), ==,
                   "JNE idPlanGobierno 5101, plan-de-gobierno-ejemplo.pdf");
  g_assert_cmpuint (vigia_plan_get_n_goals (plan), ==, 14);
  g_assert_cmpuint (vigia_plan_get_n_dimensions (plan), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i);

      g_assert_cmpint (vigia_dimension_get_kind (dim), ==, (VigiaDimensionKind) i);
      g_assert_cmpuint (vigia_dimension_get_n_goals (dim), ==, per_dimension[i]);
    }
  g_assert_cmpstr (vigia_dimension_get_title (vigia_plan_get_dimension (plan, 1)), ==, "Dimensión Económica");

  goal = goal_at (plan, 0, 0);
  g_assert_cmpstr (vigia_goal_get_problem (goal), ==,
                   "Una de cada tres niñas y niños pequeños de la región tiene anemia.");
  g_assert_cmpstr (vigia_goal_get_target_text (goal), ==, "Disminuir la prevalencia de anemia infantil al 30,0 %.");
  g_assert_cmpfloat (vigia_goal_get_target_value (goal), ==, 30);
  g_assert_cmpint (vigia_goal_get_target_direction (goal), ==, VIGIA_DIRECTION_DOWN);
  goal = goal_at (plan, 1, 2);
  g_assert_cmpfloat (vigia_goal_get_target_value (goal), ==, 20000000);
  g_assert_cmpstr (vigia_goal_get_target_unit (goal), ==, "US$");
  g_assert_cmpint (vigia_goal_get_target_measure (goal), ==, VIGIA_MEASURE_AMOUNT);

  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < per_dimension[i]; j++)
      g_assert_cmpint (vigia_goal_get_target_reading (goal_at (plan, i, j)), ==, VIGIA_READING_AUTOMATIC);
}

static const char eg_shape[] =
  "{\n"
  "  \"datoGeneral\": {\n"
  "    \"idPlanGobierno\": 77, \"txTipoEleccion\": \"PRESIDENCIAL\",\n"
  "    \"txOrganizacionPolitica\": null, \"txCodExpedienteExt\": \"EG.2026000123\",\n"
  "    \"txRutaCompleto\": null\n"
  "  },\n"
  "  \"dimensionSocial\": [\n"
  "    { \"txPgProblema\": null, \"txPgObjetivo\": \"Salud para todos\", \"txPgIndicador\": null,\n"
  "      \"txPgMeta\": \"Reducir la anemia al 20 %\", \"idPgDimension\": 1 }\n"
  "  ],\n"
  "  \"dimensionEconomica\": null,\n"
  "  \"dimensionAmbiental\": [],\n"
  "  \"dimensionInstitucional\": [\n"
  "    { \"txPgProblema\": \"Corrupción\", \"txPgObjetivo\": null, \"txPgIndicador\": null, \"txPgMeta\": null }\n"
  "  ],\n"
  "  \"dimensionPropuesta\": [\n"
  "    { \"txPgProblema\": \"Ciencia\", \"txPgObjetivo\": \"Más ciencia\", \"txPgIndicador\": \"Inversión\",\n"
  "      \"txPgMeta\": \"1 % del PBI\" }\n"
  "  ]\n"
  "}\n";

static void
test_jne_shapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *wrapped = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *no_type = NULL;
  VigiaImportOptions district = { "150112", 2027, 2030 };
  VigiaPlan *plan;
  gsize length;

  plans = vigia_read_plans_from_data ((const guint8 *) eg_shape, strlen (eg_shape), "eg.json",
                                      NULL, NULL, &error);
  g_assert_no_error (error);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpstr (vigia_plan_get_organization (plan), ==, "");
  g_assert_cmpint (vigia_plan_get_election (plan), ==, VIGIA_ELECTION_GENERAL);
  g_assert_cmpstr (vigia_plan_get_process (plan), ==, "EG 2026");
  g_assert_cmpstr (vigia_plan_get_source_reference (plan), ==, "JNE idPlanGobierno 77");
  g_assert_cmpuint (vigia_plan_get_n_dimensions (plan), ==, 5);
  g_assert_cmpuint (vigia_plan_get_n_goals (plan), ==, 3);
  g_assert_cmpint (vigia_dimension_get_kind (vigia_plan_get_dimension (plan, 4)), ==, VIGIA_DIMENSION_KIND_OTHER);
  g_assert_cmpstr (vigia_dimension_get_title (vigia_plan_get_dimension (plan, 4)), ==, "Propuestas adicionales");
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 1)), ==, 0);
  g_assert_null (vigia_goal_get_problem (goal_at (plan, 0, 0)));
  g_assert_null (vigia_goal_get_target_text (goal_at (plan, 3, 0)));
  g_assert_cmpint (vigia_goal_get_target_reading (goal_at (plan, 3, 0)), ==, VIGIA_READING_NEEDS_REVIEW);
  g_assert_cmpfloat (vigia_goal_get_target_value (goal_at (plan, 4, 0)), ==, 1);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* The site's responses wrap the plan in "data". */
  wrapped = g_strdup_printf ("{ \"success\": true, \"data\": %s }", eg_shape);
  plans = vigia_read_plans_from_data ((const guint8 *) wrapped, strlen (wrapped), "wrapped.json",
                                      NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigia_plan_get_n_goals (g_ptr_array_index (plans, 0)), ==, 3);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* No election type: the place says which; without a place it is an error. */
  sample = jne_sample (&length);
  no_type = replace (sample, "\"txTipoEleccion\": \"REGIONAL\"", "\"txTipoEleccion\": null");
  plans = vigia_read_plans_from_data ((const guint8 *) no_type, strlen (no_type), "no-type.json",
                                      NULL, &district, &error);
  g_assert_no_error (error);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (vigia_plan_get_election (plan), ==, VIGIA_ELECTION_MUNICIPAL_DISTRICT);
  g_assert_cmpstr (vigia_plan_get_district (plan), ==, "Independencia");
  g_assert_cmpstr (vigia_plan_get_ubigeo (plan), ==, "150112");
  g_clear_pointer (&plans, g_ptr_array_unref);

  plans = vigia_read_plans_from_data ((const guint8 *) no_type, strlen (no_type), "no-type.json",
                                      NULL, NULL, &error);
  g_assert_null (plans);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no-type.json: the data does not say the election type"));
  g_clear_error (&error);

  /* A regional plan's place is a department. */
  plans = vigia_read_plans_from_data ((const guint8 *) sample, length, "puno.json", NULL, &district, &error);
  g_assert_null (plans);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "puno.json: the plan is for a Regional election, whose place is a department, "
                   "but “150112” is a district.");
}

/* Rows as real plans write them: several goals numbered in every cell, lists
 * that do not line up, dashes in capitals, Word's bullets in the meta only. */
static const char packed_rows[] =
  "{ \"datoGeneral\": { \"txOrganizacionPolitica\": \"LISTA DE PRUEBA\",\n"
  "    \"txTipoEleccion\": \"PRESIDENCIAL\", \"txCodExpedienteExt\": \"EG.2026000001\" },\n"
  "  \"dimensionSocial\": [\n"
  "    { \"txPgProblema\": \"1. Inseguridad en las calles.\\n2. Postas sin médicos.\\n3. Familias sin casa.\",\n"
  "      \"txPgObjetivo\": \"1.\\tCámaras en cada región.\\n2.\\tTelemedicina en las postas,\\n   con turnos de noche.\\n3.\\tBonos de vivienda.\",\n"
  "      \"txPgIndicador\": \"1.- Regiones con cámaras.\\n2.- Postas con telemedicina.\\n3.- Bonos entregados.\",\n"
  "      \"txPgMeta\": \"1) 24 regiones con cámaras\\n2) 80% de postas con telemedicina\\n3) 500 bonos entregados\" } ],\n"
  "  \"dimensionEconomica\": [\n"
  "    { \"txPgProblema\": \"1. Informalidad.\\n2. Poco crédito.\",\n"
  "      \"txPgObjetivo\": \"1. Formalizar.\\n2. Dar crédito.\\n3. Capacitar.\",\n"
  "      \"txPgIndicador\": \"MYPES formales\", \"txPgMeta\": \"40% de MYPES formales\" } ],\n"
  "  \"dimensionAmbiental\": [\n"
  "    { \"txPgProblema\": \"- RÍOS CONTAMINADOS\\n- BASURA EN LAS CALLES\",\n"
  "      \"txPgObjetivo\": \"- LIMPIAR LOS RÍOS\\n- RECOGER LA BASURA\",\n"
  "      \"txPgIndicador\": null,\n"
  "      \"txPgMeta\": \"- 3 RÍOS LIMPIOS\\n- 100% DE CALLES LIMPIAS\" } ],\n"
  "  \"dimensionInstitucional\": [\n"
  "    { \"txPgProblema\": \"Trámites lentos\", \"txPgObjetivo\": \"Gobierno digital\",\n"
  "      \"txPgIndicador\": \"Trámites en línea\",\n"
  "      \"txPgMeta\": \"1 Principales metas:\\n\\n¿\\t80% de trámites en línea.\\n\\n¿\\tCero colas.\" } ]\n"
  "}\n";

static void
test_jne_packed_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  VigiaPlan *plan;
  VigiaGoal *goal;

  plans = vigia_read_plans_from_data ((const guint8 *) packed_rows, strlen (packed_rows),
                                      "packed.json", NULL, NULL, &error);
  g_assert_no_error (error);
  plan = g_ptr_array_index (plans, 0);

  /* An EG 2026 plan's term is the one that election elects. */
  g_assert_cmpstr (vigia_plan_get_process (plan), ==, "EG 2026");

  /* Three goals numbered in every cell are three goals, each read. */
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 0)), ==, 3);
  goal = goal_at (plan, 0, 1);
  g_assert_cmpuint (vigia_goal_get_number (goal), ==, 2);
  g_assert_cmpstr (vigia_goal_get_problem (goal), ==, "Postas sin médicos.");
  g_assert_cmpstr (vigia_goal_get_objective (goal), ==, "Telemedicina en las postas, con turnos de noche.");
  g_assert_cmpstr (vigia_goal_get_indicator (goal), ==, "Postas con telemedicina.");
  g_assert_cmpstr (vigia_goal_get_target_text (goal), ==, "80% de postas con telemedicina");
  g_assert_cmpint (vigia_goal_get_target_reading (goal), ==, VIGIA_READING_AUTOMATIC);
  g_assert_cmpfloat (vigia_goal_get_target_value (goal), ==, 80);
  g_assert_cmpfloat (vigia_goal_get_target_value (goal_at (plan, 0, 0)), ==, 24);
  g_assert_cmpfloat (vigia_goal_get_target_value (goal_at (plan, 0, 2)), ==, 500);

  /* Lists that do not line up stay one goal, as written. */
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 1)), ==, 1);
  g_assert_cmpstr (vigia_goal_get_objective (goal_at (plan, 1, 0)), ==,
                   "1. Formalizar.\n2. Dar crédito.\n3. Capacitar.");

  /* Dash lists in capitals; an empty cell stays empty in every goal. */
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 2)), ==, 2);
  g_assert_cmpstr (vigia_goal_get_problem (goal_at (plan, 2, 1)), ==, "BASURA EN LAS CALLES");
  g_assert_null (vigia_goal_get_indicator (goal_at (plan, 2, 1)));
  g_assert_cmpfloat (vigia_goal_get_target_value (goal_at (plan, 2, 1)), ==, 100);

  /* A list in the meta alone is one goal of several targets, each read on
   * its own; the heading that introduced them is not one. */
  g_assert_cmpuint (vigia_dimension_get_n_goals (vigia_plan_get_dimension (plan, 3)), ==, 1);
  goal = goal_at (plan, 3, 0);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal), ==, 2);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (goal, 0)), ==, "80% de trámites en línea.");
  g_assert_cmpint (vigia_target_get_reading (vigia_goal_get_target (goal, 0)), ==, VIGIA_READING_AUTOMATIC);
  g_assert_cmpfloat (vigia_target_get_value (vigia_goal_get_target (goal, 0)), ==, 80);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (goal, 1)), ==, "Cero colas.");
  /* The cells as the JNE wrote them stay with the goal. */
  g_assert_cmpstr (vigia_goal_get_source_cells (goal)[3], ==,
                   "1 Principales metas:\n\n¿\t80% de trámites en línea.\n\n¿\tCero colas.");
  g_assert_cmpstr (vigia_goal_get_source_cells (goal_at (plan, 0, 1))[0], ==,
                   "1. Inseguridad en las calles.\n2. Postas sin médicos.\n3. Familias sin casa.");
  /* A row shown as written keeps nothing more. */
  g_assert_null (vigia_goal_get_source_cells (goal_at (plan, 1, 0)));
  g_assert_cmpuint (vigia_plan_get_n_goals (plan), ==, 7);
}

/* A general election's plan is national: no place is asked, one given is
 * refused, and its term is its election's. */
static void
test_jne_national (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autofree char *place = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VigiaImportOptions with_place = { "150112", 0, 0 };
  VigiaImportResult *result;

  before = vigia_test_checksum_library (vigia_library_get_path (library));
  results = vigia_import_data (library, (const guint8 *) packed_rows, strlen (packed_rows), "eg.json", &with_place,
                               &error);
  g_assert_null (results);
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "eg.json: the plan is for a general election, which is national: it takes "
                                       "no place, but “150112” was given.");
  g_clear_error (&error);
  after = vigia_test_checksum_library (vigia_library_get_path (library));
  g_assert_cmpstr (after, ==, before);

  results = vigia_import_data (library, (const guint8 *) packed_rows, strlen (packed_rows), "eg.json", NULL, &error);
  g_assert_no_error (error);
  result = g_ptr_array_index (results, 0);
  g_assert_false (result->missing_place);
  g_assert_false (result->missing_term);
  g_assert_cmpstr (result->place_label, ==, "National");
  plan = vigia_library_load_plan (library, result->plan_id, &error);
  g_assert_no_error (error);
  place = vigia_plan_dup_place_label (plan);
  g_assert_cmpstr (place, ==, "National");
  g_assert_cmpint (vigia_plan_get_term_start (plan), ==, 2026);
  g_assert_cmpint (vigia_plan_get_term_end (plan), ==, 2031);
}

/* Candidate lists as the JNE serves them, written for this test: the
 * sample plan's list (idPlanGobierno 5101, Puno, RENIEC 20), and a district
 * list whose code is San Borja's for RENIEC and nothing for INEI. */
static const char jne_lists[] =
  "{\"pageIndex\": 0, \"pageSize\": 0, \"data\": [\n"
  "  {\"idPlanGobierno\": 5101, \"txCodExpedienteExt\": \"ERM.2026020421\", \"txTipoEleccion\": \"REGIONAL\",\n"
  "   \"txEstadoLista\": \"INSCRITO\", \"txOrganizacionPolitica\": \"MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO\",\n"
  "   \"txUbigeo\": \"200000\", \"txRegion\": \"PUNO\", \"txProvincia\": null, \"txDistrito\": null},\n"
  "  {\"idPlanGobierno\": 7001, \"txCodExpedienteExt\": \"ERM.2026000001\",\n"
  "   \"txTipoEleccion\": \"MUNICIPAL DISTRITAL\", \"txEstadoLista\": \"INSCRITO\", \"txUbigeo\": \"140140\",\n"
  "   \"txRegion\": \"LIMA\", \"txProvincia\": \"LIMA\", \"txDistrito\": \"SAN BORJA\"}\n"
  "]}\n";

static VigiaPlan *
load_only_plan (VigiaLibrary *library,
                gint64        id)
{
  g_autoptr(GError) error = NULL;
  VigiaPlan *plan = vigia_library_load_plan (library, id, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_jne_lists (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "plans-first.sqlite");
  g_autoptr(VigiaLibrary) other = vigia_test_open_library (f->dir, "lists-first.sqlite");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  g_autofree char *sample = NULL;
  VigiaImportResult *result;
  gint64 without_plan;
  gsize length;

  /* Both shapes, every field, and the place behind a RENIEC code. */
  lists = vigia_jne_lists_read ((const guint8 *) jne_lists, strlen (jne_lists), "lists.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 2);
  {
    const VigiaJneList *puno = g_ptr_array_index (lists, 0);
    const VigiaJneList *borja = g_ptr_array_index (lists, 1);

    g_assert_cmpint (puno->plan_ref, ==, 5101);
    g_assert_cmpstr (puno->file_number, ==, "ERM.2026020421");
    g_assert_cmpstr (puno->status, ==, "INSCRITO");
    g_assert_cmpstr (puno->ubigeo, ==, "200000");
    g_assert_null (puno->province);
    g_assert_cmpstr (vigia_jne_list_find_place (puno)->code, ==, "21");
    g_assert_cmpstr (vigia_jne_list_find_place (borja)->code, ==, "150130");
  }
  g_clear_pointer (&lists, g_ptr_array_unref);
  {
    const char *bare = strstr (jne_lists, "[");
    g_autofree char *array = g_strndup (bare, strrchr (jne_lists, ']') - bare + 1);

    lists = vigia_jne_lists_read ((const guint8 *) array, strlen (array), "bare.json", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lists->len, ==, 2);
  }

  /* The plan first: imported without a place, then placed by its list. */
  sample = jne_sample (&length);
  results = vigia_import_data (library, (const guint8 *) sample, length, "plan.json", NULL, &error);
  g_assert_no_error (error);
  result = g_ptr_array_index (results, 0);
  g_assert_true (result->missing_place);
  g_assert_false (result->placed_by_list);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = vigia_import_data (library, (const guint8 *) jne_lists, strlen (jne_lists), "lists.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_LISTS);
  g_assert_cmpuint (result->n_lists, ==, 2);
  /* The plan brought its own expediente: one row was there already. */
  g_assert_cmpuint (result->n_new_lists, ==, 1);
  result = g_ptr_array_index (results, 1);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_UPDATED);
  g_assert_true (result->placed_by_list);
  g_assert_false (result->missing_place);
  plan = load_only_plan (library, result->plan_id);
  g_assert_cmpstr (vigia_plan_get_department (plan), ==, "PUNO");
  g_assert_cmpstr (vigia_plan_get_ubigeo (plan), ==, "21");
  g_assert_cmpint (vigia_plan_get_term_start (plan), ==, 2027);
  g_assert_cmpint (vigia_library_count_jne_lists (library, &without_plan, &error), ==, 2);
  g_assert_cmpint (without_plan, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_object (&plan);

  /* Again: nothing new, nobody to place. */
  results = vigia_import_data (library, (const guint8 *) jne_lists, strlen (jne_lists), "lists.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpuint (((VigiaImportResult *) g_ptr_array_index (results, 0))->n_new_lists, ==, 0);
  g_assert_cmpint (vigia_library_count_jne_lists (library, NULL, &error), ==, 2);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The lists first: the plan is placed as it comes in. */
  results = vigia_import_data (other, (const guint8 *) jne_lists, strlen (jne_lists), "lists.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = vigia_import_data (other, (const guint8 *) sample, length, "plan.json", NULL, &error);
  g_assert_no_error (error);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_ADDED);
  g_assert_true (result->placed_by_list);
  g_assert_cmpstr (result->place_label, ==, "PUNO");
  plan = load_only_plan (other, result->plan_id);
  g_assert_cmpstr (vigia_plan_get_ubigeo (plan), ==, "21");
}

static void
test_jne_lists_bad (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *data;
    const char *message;
  } cases[] = {
    { "[\n {\"idPlanGobierno\": 1, \"txUbigeo\": \"140140\"},\n {\"txUbigeo\": \"140140\", \"txEstadoLista\": \"X\"}\n]",
      "lists.json: line 3: a list row without its plan (idPlanGobierno)" },
    { "[\n {\"idPlanGobierno\": 1,\n  \"txUbigeo\": \"14014\"}\n]",
      "lists.json: line 3: txUbigeo “14014” is not a code of six digits" },
    { "[\n {\"idPlanGobierno\": \"uno\", \"txUbigeo\": \"140140\"}\n]",
      "lists.json: line 2: “idPlanGobierno” should be a whole number from 1 to 2147483647 or null" },
    { "{\"data\": [], \"txUbigeo\": \"000000\", \"idPlanGobierno\": 1}",
      "lists.json: line 1: no list rows" },
    { "[\n {\"idPlanGobierno\": 1, \"txUbigeo\": 140140}\n]",
      "lists.json: line 2: “txUbigeo” should be text or null" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
  g_autofree char *before = NULL;
  gsize length;
  g_autofree char *sample = jne_sample (&length);
  g_autoptr(GPtrArray) results = vigia_import_data (library, (const guint8 *) sample, length, "plan.json", NULL,
                                                    &error);

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  before = vigia_test_checksum_library (vigia_library_get_path (library));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) none = vigia_import_data (library, (const guint8 *) cases[i].data, strlen (cases[i].data),
                                                     "lists.json", NULL, &error);
      g_autofree char *after = NULL;

      g_assert_null (none);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_clear_error (&error);
      after = vigia_test_checksum_library (vigia_library_get_path (library));
      g_assert_cmpstr (after, ==, before);
    }
}

/* Candidates written for this test: a presidential ticket of the plan in
 * eg_shape (expediente EG.2026000123) and one of another list. */
static const char jne_candidates[] =
  "{\"type\": 1, \"success\": true, \"data\": [\n"
  "  {\"strCodExpedienteExt\": \"EG.2026000123\", \"intPosicion\": 2, \"strCargo\": \"PRIMER VICEPRESIDENTE\",\n"
  "   \"strNombres\": \"ANA\", \"strApellidoPaterno\": \"QUISPE\", \"strApellidoMaterno\": \"ROJAS\"},\n"
  "  {\"strCodExpedienteExt\": \"EG.2026000123\", \"intPosicion\": 1, \"strCargo\": \"PRESIDENTE DE LA REPÚBLICA\",\n"
  "   \"strNombres\": \"JUAN CARLOS\", \"strApellidoPaterno\": \"MAMANI\", \"strApellidoMaterno\": \"TORRES\"},\n"
  "  {\"strCodExpedienteExt\": \"EG.2026000999\", \"intPosicion\": 1, \"strCargo\": \"PRESIDENTE DE LA REPÚBLICA\",\n"
  "   \"strNombres\": \"ROSA\", \"strApellidoPaterno\": \"HUAMAN\", \"strApellidoMaterno\": null}\n"
  "]}\n";

/* A candidates file names the authority, the list's head, of the plan its
 * expediente filed, whichever comes first; candidates by place only are
 * refused. */
static void
test_jne_candidates (Fixture       *f,
                     gconstpointer  data)
{
  static const char by_place[] =
    "{\"data\": [\n {\"nombreCompleto\": \"ROSA HUAMAN\", \"cargo\": [\"GOBERNADOR REGIONAL\"],\n"
    "  \"postulaDepartamento\": \"PUNO\"}\n]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "plan-first.sqlite");
  g_autoptr(VigiaLibrary) other = vigia_test_open_library (f->dir, "candidates-first.sqlite");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) heads = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  VigiaImportResult *result;

  g_assert_cmpint (vigia_file_type_detect ((const guint8 *) jne_candidates, strlen (jne_candidates)), ==,
                   VIGIA_FILE_TYPE_JNE_CANDIDATES);
  heads = vigia_jne_candidates_read ((const guint8 *) jne_candidates, strlen (jne_candidates), "c.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heads->len, ==, 2);
  g_assert_cmpstr (((VigiaJneList *) g_ptr_array_index (heads, 0))->authority, ==, "JUAN CARLOS MAMANI TORRES");
  g_assert_cmpstr (((VigiaJneList *) g_ptr_array_index (heads, 1))->authority, ==, "ROSA HUAMAN");

  /* The plan first, then its candidates. */
  results = vigia_import_data (library, (const guint8 *) eg_shape, strlen (eg_shape), "eg.json", NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = vigia_import_data (library, (const guint8 *) jne_candidates, strlen (jne_candidates), "c.json", NULL,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_LISTS);
  g_assert_cmpuint (result->n_lists, ==, 2);
  result = g_ptr_array_index (results, 1);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_UPDATED);
  plan = load_only_plan (library, result->plan_id);
  g_assert_cmpstr (vigia_plan_get_authority_name (plan), ==, "JUAN CARLOS MAMANI TORRES");
  g_clear_object (&plan);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The candidates first: the plan comes in with its authority. */
  results = vigia_import_data (other, (const guint8 *) jne_candidates, strlen (jne_candidates), "c.json", NULL,
                               &error);
  g_assert_no_error (error);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = vigia_import_data (other, (const guint8 *) eg_shape, strlen (eg_shape), "eg.json", NULL, &error);
  g_assert_no_error (error);
  plan = load_only_plan (other, ((VigiaImportResult *) g_ptr_array_index (results, 0))->plan_id);
  g_assert_cmpstr (vigia_plan_get_authority_name (plan), ==, "JUAN CARLOS MAMANI TORRES");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* ERM 2022's candidates say their place, not their list. */
  results = vigia_import_data (other, (const guint8 *) by_place, strlen (by_place), "erm.json", NULL, &error);
  g_assert_null (results);
  g_assert_cmpstr (error->message, ==, "erm.json: line 2: the candidates do not name their list’s expediente "
                                       "(strCodExpedienteExt): whose authority they are cannot be told");
}

/* The plans the JNE serves, in ../shared (third-party material, not in the
 * repository): how many goals and targets each gives, counted by reading
 * the files (rows whose cells list as many items, bullets in a meta). */
static void
test_jne_real_plans (void)
{
  /* Per dimension, in the plan's order, goals/targets; then how many
   * targets read by themselves (the rest need a person's review). */
  static const struct {
    const char *file;
    const char *counts;
    guint       n_read;
  } plans[] = {
    { "eg2026-plan-29688-juntos-por-el-peru.json", "4/42 5/35 2/18 3/13", 88 },
    { "eg2026-plan-29690-fuerza-popular.json", "3/3 3/3 3/3 3/3", 7 },
    { "erm2022-para-candidato-lista-23308.json", "3/16 3/6 3/14 2/6", 2 },
    { "erm2022-plan-16546.json", "3/3 3/3 2/2 3/3", 2 },
    { "erm2022-plan-17055.json", "3/3 3/3 2/2 2/2", 2 },
    { "erm2022-plan-17190.json", "9/9 7/7 6/6 4/4", 1 },
    { "erm2022-plan-17200.json", "2/2 1/1 1/1 1/1", 5 },
    { "erm2022-plan-17705.json", "3/3 3/3 3/3 3/3", 3 },
    { "erm2022-plan-18589.json", "1/1 1/1 1/1 1/1", 4 },
    { "erm2022-plan-18639.json", "3/7 3/7 2/6 3/3", 4 },
    { "erm2022-plan-18845.json", "1/1 1/1 1/1 1/1", 3 },
    { "erm2022-plan-24255.json", "3/3 3/3 3/3 3/3", 12 },
    { "erm2022-plan-24394.json", "3/3 1/1 3/3 3/3", 10 },
    { "erm2022-plan-24682.json", "2/2 2/2 1/1 1/1", 1 },
    { "erm2022-plan-27307.json", "1/1 1/1 1/1 1/1", 2 },
    { "erm2022-plan-28175.json", "3/3 3/3 1/1 3/3", 1 },
    { "erm2022-plan-29084.json", "1/1 1/1 1/3 1/2", 0 },
  };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "samples",
                                                "jne-json", "real", NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip_printf ("%s is not there: the real plans are checked only beside ../shared", dir);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autofree char *path = g_build_filename (dir, plans[i].file, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GPtrArray) read = NULL;
      g_autoptr(GError) error = NULL;
      GString *counts;
      VigiaPlan *plan;
      guint n_read;
      gsize length;

      g_test_message ("%s", plans[i].file);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      read = vigia_read_plans_from_data ((const guint8 *) contents, length, plans[i].file,
                                         NULL, NULL, &error);
      g_assert_no_error (error);
      plan = g_ptr_array_index (read, 0);
      counts = g_string_new (NULL);
      n_read = 0;
      for (guint d = 0; d < vigia_plan_get_n_dimensions (plan); d++)
        {
          VigiaDimension *dim = vigia_plan_get_dimension (plan, d);
          guint n_targets = 0;

          if (vigia_dimension_get_n_goals (dim) == 0)
            continue;
          for (guint g = 0; g < vigia_dimension_get_n_goals (dim); g++)
            {
              VigiaGoal *goal = vigia_dimension_get_goal (dim, g);

              n_targets += vigia_goal_get_n_targets (goal);
              for (guint t = 0; t < vigia_goal_get_n_targets (goal); t++)
                n_read += vigia_target_get_reading (vigia_goal_get_target (goal, t)) == VIGIA_READING_AUTOMATIC;
            }
          g_string_append_printf (counts, "%s%u/%u", counts->len > 0 ? " " : "",
                                  vigia_dimension_get_n_goals (dim), n_targets);
        }
      g_assert_cmpstr (counts->str, ==, plans[i].counts);
      g_assert_cmpuint (n_read, ==, plans[i].n_read);
      g_string_free (counts, TRUE);
    }
}

static void
test_jne_bad (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{ \"datoGeneral\": {},\n  \"dimensiones\": [] }", "bad.json: line 1: the plan has no proposals" },
    { "{ \"dimensiones\": [ { \"txDimension\": \"Social\", \"detalle\": [ { \"txPgMeta\": \"x\" } ] } ] }",
      "bad.json: line 1: the member “datoGeneral” is missing" },
    { "{ \"datoGeneral\": {},\n  \"dimensiones\": [\n { \"txDimension\": \"Social\", \"detalle\": [\n"
      "  { \"txPgMeta\": 25 } ] } ] }", "bad.json: line 4: “txPgMeta” should be text or null" },
    { "{ \"datoGeneral\": {},\n  \"dimensiones\": 3 }", "bad.json: line 2: “dimensiones” should be a list" },
    { "{ \"datoGeneral\": { \"txTipoEleccion\": \"REFERENDUM\" },\n  \"dimensiones\": [] }",
      "bad.json: line 1: unknown election type “REFERENDUM”" },
    { "{ \"datoGeneral\": {},\n  \"dimensiones\": [\n    { \"detalle\": [ } ] }", "bad.json: line 3: not valid JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = NULL;

      plans = vigia_read_plans_from_data ((const guint8 *) cases[i].json, strlen (cases[i].json),
                                          "bad.json", NULL, NULL, &error);
      g_assert_null (plans);
      g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }
}

/* ---------------------------------------------------------------------- */
/* Importing                                                              */
/* ---------------------------------------------------------------------- */

static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
  g_autoptr(GFile) declara = vigia_sample_plan_file ();
  g_autoptr(GFile) jne = vigia_sample_jne_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(VigiaPlan) plan = NULL;
  VigiaImportOptions complete = { "PUNO", 2027, 2030 };
  VigiaImportResult *result;

  results = vigia_import_file (library, declara, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_ADDED);
  g_assert_cmpint (result->plan_id, ==, 1);
  g_assert_cmpstr (result->organization, ==, "JUNTOS POR EL PERU");
  g_assert_cmpstr (result->place_label, ==, "INDEPENDENCIA, LIMA, LIMA");
  g_assert_cmpuint (result->n_goals, ==, 12);
  g_assert_false (result->missing_place);
  g_assert_false (result->missing_term);
  g_assert_false (result->unknown_place);
  g_clear_pointer (&results, g_ptr_array_unref);

  plan = vigia_library_load_plan (library, 1, &error);
  g_assert_no_error (error);
  assert_declara_sample (plan);

  /* Found by the words of its goals and of its vision, typed without accents. */
  {
    VigiaPlanQuery query = VIGIA_PLAN_QUERY_INIT;
    const char *words[] = { "mype", "educacion", "fiscalizacion", "independencia", "juntos peru" };

    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        g_autoptr(GArray) ids = NULL;

        query.text = words[i];
        ids = vigia_library_query_plan_ids (library, &query, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (ids->len, ==, 1);
      }
  }

  /* Twice: reported, not duplicated. */
  results = vigia_import_file (library, declara, NULL, NULL, &error);
  g_assert_no_error (error);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_ALREADY_PRESENT);
  g_assert_cmpint (result->plan_id, ==, 1);
  g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* JNE data without place: imported, and it says what is missing (its
   * term is its election's)… */
  results = vigia_import_file (library, jne, NULL, NULL, &error);
  g_assert_no_error (error);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_ADDED);
  g_assert_cmpint (result->plan_id, ==, 2);
  g_assert_cmpuint (result->n_goals, ==, 14);
  g_assert_true (result->missing_place);
  g_assert_false (result->missing_term);
  g_assert_cmpstr (result->place_label, ==, "Place not set");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* … which importing it again with them completes. */
  results = vigia_import_file (library, jne, &complete, NULL, &error);
  g_assert_no_error (error);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_UPDATED);
  g_assert_cmpint (result->plan_id, ==, 2);
  g_assert_false (result->missing_place);
  g_assert_false (result->missing_term);
  g_assert_cmpstr (result->place_label, ==, "PUNO");
  g_clear_pointer (&plan, g_object_unref);
  plan = vigia_library_load_plan (library, 2, &error);
  g_assert_cmpstr (vigia_plan_get_ubigeo (plan), ==, "21");
  g_assert_cmpint (vigia_plan_get_term_start (plan), ==, 2027);
  g_assert_cmpstr (vigia_plan_get_process (plan), ==, "ERM 2026");
  g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 2);
  vigia_test_assert_finalized (&plan);
  vigia_test_assert_finalized (&library);
}

static char *
export_library (VigiaLibrary *library)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  guint n_written = 0;

  g_assert_true (vigia_json_writer_write_plans (stream, library, NULL, NULL, &n_written, NULL, NULL));
  g_assert_cmpuint (n_written, ==, vigia_library_count_plans (library, NULL));
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* What the round trip may change: the libraries' own ids. */
static char *
without_ids (const char *document)
{
  g_autoptr(GRegex) ids = g_regex_new ("\"id\": [0-9]+", 0, 0, NULL);
  /* A library that receives a plan records that it took it in. */
  g_autoptr(GRegex) merged = g_regex_new ("\"merged\": (null|\"[^\"]*\")", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (ids, document, -1, 0, "\"id\": _", 0, NULL);

  return g_regex_replace_literal (merged, plain, -1, 0, "\"merged\": _", 0, NULL);
}

static void
add_progress (VigiaLibrary *library,
              gint64        plan_id)
{
  g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, plan_id, NULL);
  VigiaGoal *goal = goal_at (plan, 0, 0);
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2023-S1", VIGIA_SOURCE_AUTHORITY);
  g_autoptr(VigiaProgress) check = vigia_progress_new ("2023-S1", VIGIA_SOURCE_OBSERVER);
  const char * const evidence[] = { "https://example.org/informe.pdf", "acta 12/2023", NULL };

  vigia_progress_set_value (entry, 5.5);
  vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
  vigia_progress_set_note (entry, "Padrón de beneficiarios: “línea 1”\ttabulado");
  vigia_progress_set_evidence (entry, evidence);
  vigia_progress_set_recorded (entry, "2023-07-15T00:00:00Z");
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), entry, NULL));
  vigia_progress_set_status (check, VIGIA_STATUS_STALLED);
  g_assert_true (vigia_library_save_progress (library, plan, goal, vigia_goal_get_target (goal, 0), check, NULL));

  vigia_goal_set_baseline_value (goal, 2.5);
  vigia_goal_set_baseline_year (goal, 2022);
  vigia_goal_set_weight (goal, 2);
  vigia_goal_set_target_reading (goal, VIGIA_READING_REVIEWED);
  g_assert_true (vigia_library_save_goal (library, plan, goal, NULL));
  vigia_plan_set_authority_name (plan, "Ana Quispe");
  vigia_plan_set_authority_elected (plan, TRUE);
  g_assert_true (vigia_library_save_plan (library, plan, NULL));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VigiaLibrary) first = vigia_test_open_library (f->dir, "first.sqlite");
  g_autoptr(VigiaLibrary) second = vigia_test_open_library (f->dir, "second.sqlite");
  g_autoptr(GFile) declara = vigia_sample_plan_file ();
  g_autoptr(GFile) jne = vigia_sample_jne_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *exported_plain = NULL;
  g_autofree char *again_plain = NULL;
  g_autofree char *edited = NULL;
  VigiaImportOptions options = { "PUNO", 2027, 2030 };
  VigiaImportResult *result;

  results = vigia_import_file (first, declara, NULL, NULL, NULL);
  g_assert_nonnull (results);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = vigia_import_file (first, jne, &options, NULL, NULL);
  g_assert_nonnull (results);
  g_clear_pointer (&results, g_ptr_array_unref);
  add_progress (first, 1);
  exported = export_library (first);

  results = vigia_import_data (second, (const guint8 *) exported, strlen (exported), "plans.json",
                               NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (((VigiaImportResult *) g_ptr_array_index (results, i))->outcome, ==, VIGIA_IMPORT_ADDED);
  g_clear_pointer (&results, g_ptr_array_unref);

  again = export_library (second);
  exported_plain = without_ids (exported);
  again_plain = without_ids (again);
  g_assert_cmpstr (again_plain, ==, exported_plain);
  g_assert_nonnull (strstr (again, "\"evidence\": [\n"));
  g_assert_nonnull (strstr (again, "\"name\": \"Ana Quispe\""));

  /* The same document again changes nothing; one edited since updates its
   * plans, by uuid, keeping what the library has. */
  results = vigia_import_data (second, (const guint8 *) exported, strlen (exported), "plans.json",
                               NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (((VigiaImportResult *) g_ptr_array_index (results, i))->outcome, ==,
                     VIGIA_IMPORT_ALREADY_PRESENT);
  g_clear_pointer (&results, g_ptr_array_unref);
  {
    g_autoptr(VigiaPlan) plan = vigia_library_load_plan (first, 1, NULL);

    vigia_plan_set_organization (plan, "JUNTOS POR EL PERÚ");
    g_assert_true (vigia_library_save_plan (first, plan, NULL));
  }
  edited = export_library (first);
  results = vigia_import_data (second, (const guint8 *) edited, strlen (edited), "plans.json",
                               NULL, &error);
  g_assert_no_error (error);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_UPDATED);
  g_assert_cmpstr (result->organization, ==, "JUNTOS POR EL PERÚ");
  g_assert_cmpuint (vigia_library_count_plans (second, NULL), ==, 2);
  {
    g_autoptr(VigiaPlan) plan = vigia_library_load_plan (second, result->plan_id, NULL);
    GListModel *progress = vigia_goal_get_progress (goal_at (plan, 0, 0));

    g_assert_cmpuint (g_list_model_get_n_items (progress), ==, 2);
  }

  /* The summary itself is recognised in the library that received it. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = vigia_import_file (second, declara, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((VigiaImportResult *) g_ptr_array_index (results, 0))->outcome, ==,
                   VIGIA_IMPORT_ALREADY_PRESENT);

  vigia_test_assert_finalized (&first);
  vigia_test_assert_finalized (&second);
}

/* The plans asked for, in the order asked; a plan that is not there stops
 * the document, after saying how many went in. */
static void
test_write_plans (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "plans.sqlite");
  g_autoptr(VigiaPlan) first = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 1);
  g_autoptr(VigiaPlan) second = vigia_test_make_plan ("SOMOS PERU", "COMAS", 1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint n_written = 99;

  g_assert_true (vigia_library_add_plan (library, first, NULL));
  g_assert_true (vigia_library_add_plan (library, second, NULL));

  {
    g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
    g_autoptr(GBytes) bytes = NULL;
    const char *text;
    gint64 id = vigia_plan_get_id (second);

    g_array_append_val (ids, id);
    id = vigia_plan_get_id (first);
    g_array_append_val (ids, id);
    g_assert_true (vigia_json_writer_write_plans (stream, library, ids, NULL, &n_written, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_written, ==, 2);
    g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
    g_assert_true (g_output_stream_close (stream, NULL, NULL));
    bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
    text = g_bytes_get_data (bytes, NULL);
    g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"vigia-plans\",\n  \"version\": 3,"));
    g_assert_nonnull (strstr (text, "SOMOS PERU"));
    g_assert_true (strstr (text, "SOMOS PERU") < strstr (text, "JUNTOS POR EL PERU"));
  }

  {
    g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
    gint64 missing = 999;

    g_array_append_val (ids, missing);
    g_assert_false (vigia_json_writer_write_plans (stream, library, ids, NULL, &n_written, NULL, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_NOT_FOUND);
    g_assert_cmpuint (n_written, ==, 2);
  }
}

/* tests/fixtures/exchange-v1.json, written before goals had targets: each
 * goal's target becomes its one target, with the uuid a library upgraded in
 * place gives it, and its progress. */
static void
test_vigia_json_version_1 (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
  g_autofree char *path = vigia_test_fixture_path ("exchange-v1.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) results = vigia_import_file (library, file, NULL, NULL, &error);
  g_autoptr(VigiaPlan) plan = NULL;
  g_autofree char *derived = vigia_uuid_derive ("01a245a7-e9c4-75f3-b579-e2cb06d938ca", "target");
  VigiaGoal *goal = NULL;
  VigiaTarget *target;

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  plan = vigia_library_load_plan (library, vigia_library_lookup_plan (library, "01a245a7-e9c4-75f0-a3f8-71e1aa7141f1",
                                                                      NULL),
                                  &error);
  g_assert_no_error (error);
  vigia_plan_find_goal (plan, "01a245a7-e9c4-75f3-b579-e2cb06d938ca", &goal);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal), ==, 1);
  target = vigia_goal_get_target (goal, 0);
  g_assert_cmpstr (vigia_target_get_uuid (target), ==, derived);
  g_assert_cmpfloat (vigia_target_get_baseline_value (target), ==, 6);
  g_assert_cmpint (vigia_target_get_reading (target), ==, VIGIA_READING_REVIEWED);
  g_assert_cmpfloat (vigia_goal_get_weight (goal), ==, 2);
  g_assert_cmpfloat (vigia_target_get_weight (target), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vigia_target_get_progress (target)), ==, 3);
  g_assert_cmpfloat (vigia_progress_get_value (vigia_target_find_progress (target, "2027-S2", VIGIA_SOURCE_OBSERVER)),
                     ==, 4.8);
}

/* A goal of several targets, with the cells as written, goes out and comes
 * back whole. */
static void
test_vigia_json_targets (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigiaLibrary) first = vigia_test_open_library (f->dir, "first.sqlite");
  g_autoptr(VigiaLibrary) second = vigia_test_open_library (f->dir, "second.sqlite");
  g_autoptr(VigiaPlan) plan = vigia_test_make_plan ("JUNTOS POR EL PERU", "INDEPENDENCIA", 1);
  g_autoptr(VigiaTarget) other = vigia_target_new ();
  g_autoptr(VigiaProgress) entry = vigia_progress_new ("2024-S2", VIGIA_SOURCE_OBSERVER);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char * const cells[] = { "1. A\n2. B", "1. C\n2. D", "", "1. 10 %\n2. 20 %", NULL };
  VigiaGoal *goal = vigia_dimension_get_goal (vigia_plan_get_dimension (plan, 0), 0);

  vigia_target_set_text (other, "1 000 nuevos médicos");
  vigia_target_set_value (other, 1000);
  vigia_target_set_measure (other, VIGIA_MEASURE_COUNT);
  vigia_target_set_weight (other, 2);
  vigia_progress_set_value (entry, 150);
  vigia_target_put_progress (other, entry);
  vigia_goal_insert_target (goal, 1, other);
  vigia_goal_set_source_cells (goal, cells);
  g_assert_true (vigia_library_add_plan (first, plan, &error));
  g_assert_no_error (error);

  exported = export_library (first);
  g_assert_nonnull (strstr (exported, "\"ref\": \"1:social:1.2\""));
  results = vigia_import_data (second, (const guint8 *) exported, strlen (exported), "plans.json", NULL, &error);
  g_assert_no_error (error);
  again = export_library (second);
  a = without_ids (exported);
  b = without_ids (again);
  g_assert_cmpstr (a, ==, b);

  {
    g_autoptr(VigiaPlan) read = vigia_library_load_plan (second, 1, &error);
    VigiaGoal *read_goal = vigia_dimension_get_goal (vigia_plan_get_dimension (read, 0), 0);
    VigiaTarget *read_target = vigia_goal_get_target (read_goal, 1);

    g_assert_cmpuint (vigia_goal_get_n_targets (read_goal), ==, 2);
    g_assert_cmpstrv (vigia_goal_get_source_cells (read_goal), cells);
    g_assert_cmpstr (vigia_target_get_uuid (read_target), ==, vigia_target_get_uuid (other));
    g_assert_cmpfloat (vigia_target_get_weight (read_target), ==, 2);
    g_assert_cmpfloat (vigia_progress_get_value (vigia_target_find_progress (read_target, "2024-S2",
                                                                             VIGIA_SOURCE_OBSERVER)), ==, 150);
  }
}

/* An exchange document from a file is read a plan at a time: a problem in
 * a later plan is found after the first ones went in, and rolls them back;
 * the document's own punctuation is checked as it is read. */
static void
test_vigia_json_stream (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *document = NULL;
  g_autofree char *one = NULL;
  g_autofree char *before = NULL;
  const char *plans_start;
  const char *plans_end;
  struct {
    char       *json;
    const char *message;
  } cases[5];

  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
    g_autoptr(GFile) declara = vigia_sample_plan_file ();
    g_autoptr(GPtrArray) results = vigia_import_file (library, declara, NULL, NULL, NULL);

    g_assert_nonnull (results);
    document = export_library (library);
    g_assert_true (vigia_library_delete_plan (library, 1, NULL));
  }
  before = vigia_test_checksum_library (f->path);
  plans_start = strstr (document, "\"plans\": [\n") + strlen ("\"plans\": [\n");
  plans_end = g_strrstr (document, "\n  ]\n}");
  one = g_strndup (plans_start, plans_end - plans_start);

  /* Three plans, the third of which is wrong on its line 5. */
  {
    g_autoptr(GRegex) uuids = g_regex_new ("\"uuid\": \"01", 0, 0, NULL);
    g_autofree char *second = g_regex_replace_literal (uuids, one, -1, 0, "\"uuid\": \"02", 0, NULL);
    g_autofree char *third_ok = g_regex_replace_literal (uuids, one, -1, 0, "\"uuid\": \"03", 0, NULL);
    g_autofree char *third = replace (third_ok, "\"election\": \"municipal-district\"",
                                      "\"election\": \"municipal\"");
    guint lines = 0;

    for (const char *c = document; c < plans_start; c++)
      lines += *c == '\n';
    for (const char *c = one; *c != '\0'; c++)
      lines += *c == '\n';
    for (const char *c = second; *c != '\0'; c++)
      lines += *c == '\n';
    cases[0].json = g_strdup_printf ("{\n  \"format\": \"vigia-plans\",\n  \"version\": 3,\n  \"plans\": [\n%s,\n%s,\n%s\n  ]\n}\n",
                                     one, second, third);
    /* The line of "election" in the third plan: the lines before it, then
     * its fifth. */
    cases[0].message = g_strdup_printf ("bad.json: line %u: “election” is “municipal”", lines + 3 + 4);
  }
  cases[1].json = g_strdup_printf ("{\n  \"plans\": [\n%s\n  ],\n  \"format\": \"vigia-plans\",\n  \"version\": 3\n}\n", one);
  cases[1].message = "bad.json: line 2: “format” and “version” should come before “plans”";
  cases[2].json = g_strdup_printf ("%s{}", document);
  cases[2].message = "bad.json: line";
  cases[3].json = g_strndup (document, strlen (document) / 2);
  cases[3].message = "bad.json: line";
  cases[4].json = g_strdup ("{\n  \"format\": \"vigia-plans\",\n  \"version\": 3,\n  \"extra\": [1, {\"a\": tru}],\n  \"plans\": []\n}\n");
  cases[4].message = "bad.json: line 4: not valid JSON";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
      g_autofree char *path = g_build_filename (f->dir, "bad.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      g_autofree char *message = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].json, -1, NULL));
      results = vigia_import_file (library, file, NULL, NULL, &error);
      g_assert_null (results);
      g_assert_nonnull (error);
      message = g_strdup (strstr (error->message, "bad.json"));
      if (!g_str_has_prefix (message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, message, cases[i].message);
      g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 0);
      vigia_test_assert_finalized (&library);
      after = vigia_test_checksum_library (f->path);
      g_assert_cmpstr (after, ==, before);
    }

  /* Members it does not know are passed over, a package's "since" too. */
  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
    g_autofree char *path = g_build_filename (f->dir, "good.json", NULL);
    g_autofree char *good = g_strdup_printf ("\xEF\xBB\xBF{\n  \"format\": \"vigia-plans\",\n  \"version\": 3,\n"
                                             "  \"since\": \"2026-01-01\",\n  \"written_by\": {\"x\": [[1], \"]}\"]},\n"
                                             "  \"plans\": [\n%s\n  ]\n}\n", one);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GPtrArray) results = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_set_contents (path, good, -1, NULL));
    results = vigia_import_file (library, file, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 1);
    g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_free (cases[i].json);
  g_free ((char *) cases[0].message);
}

static void
test_vigia_json_bad (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *document = NULL;
  g_autofree char *before = NULL;
  g_autofree char *deep = NULL;
  g_autoptr(GString) nested = g_string_new ("{\"format\": \"vigia-plans\", \"x\": ");
  struct {
    char       *json;
    const char *message;
  } cases[14];

  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
    g_autoptr(GFile) declara = vigia_sample_plan_file ();
    g_autoptr(GPtrArray) results = vigia_import_file (library, declara, NULL, NULL, NULL);

    g_assert_nonnull (results);
    document = export_library (library);
  }
  before = vigia_test_checksum_library (f->path);

  for (guint i = 0; i < 80; i++)
    g_string_append_c (nested, '[');
  deep = g_string_free (g_steal_pointer (&nested), FALSE);

  cases[0].json = replace (document, "\"version\": 3", "\"version\": 4");
  cases[0].message = "bad.json: line 3: the document is version 4 of the format, written by a newer Vigía";
  cases[1].json = replace (document, "\"measure\": \"percent\"", "\"measure\": \"percentage\"");
  cases[1].message = "bad.json: line 62: “measure” is “percentage”, which is none of “percent”";
  cases[2].json = replace (document, "\"kind\": \"economic\"", "\"kind\": 7");
  cases[2].message = "bad.json: line 148: “kind” should be text or null";
  cases[3].json = replace (document, "\"start\": 2023", "\"start\": 2023.5");
  cases[3].message = "bad.json: line 18: “start” should be a whole number from 1900 to 2200 or null";
  cases[4].json = replace (document, "\"number\": 2,", "\"number\": 2,,");
  cases[4].message = "bad.json: line 81: not valid JSON";
  cases[5].json = g_strdup (deep);
  cases[5].message = "bad.json: line 1: the JSON nests deeper than 64 levels";
  cases[6].json = replace (document, "\"weight\": 1,", "\"weight\": -1,");
  cases[6].message = "bad.json: line 51: “weight” cannot be negative";
  /* Two goals with one uuid. */
  {
    g_autoptr(GRegex) uuid = g_regex_new ("\"uuid\": \"([0-9a-f-]{36})\"", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *goal_uuid = NULL;
    g_autofree char *second_uuid = NULL;
    g_autofree char *old = NULL;
    g_autofree char *new = NULL;

    g_assert_true (g_regex_match (uuid, document, 0, &match));
    g_assert_true (g_match_info_next (match, NULL));
    goal_uuid = g_match_info_fetch (match, 1);
    g_assert_true (g_match_info_next (match, NULL));
    second_uuid = g_match_info_fetch (match, 1);
    old = g_strdup_printf ("\"uuid\": \"%s\"", second_uuid);
    new = g_strdup_printf ("\"uuid\": \"%s\"", goal_uuid);
    cases[7].json = replace (document, old, new);
    cases[7].message = "bad.json: line 57: the uuid";
  }
  /* JNE data, bad, meets the library the same way. */
  cases[8].json = g_strdup ("{ \"datoGeneral\": { \"txTipoEleccion\": \"REGIONAL\" },\n  \"dimensiones\": [] }");
  cases[8].message = "bad.json: line 1: the plan has no proposals";
  cases[9].json = g_strdup ("{ \"datoGeneral\": {},\n  \"dimensionSocial\": [ { \"txPgMeta\": [ ] } ] }");
  cases[9].message = "bad.json: line 2: “txPgMeta” should be text or null";
  /* A goal with no target, and a target with no uuid. */
  {
    g_autoptr(GRegex) targets = g_regex_new ("\"targets\": \\[.*?\"progress\": \\[[^\\]]*\\]\\s*\\}\\s*\\]",
                                             G_REGEX_DOTALL, 0, NULL);
    g_autoptr(GRegex) target_uuid = g_regex_new ("(\"targets\": \\[\\s*\\{\\s*)\"uuid\": \"[0-9a-f-]{36}\",", 0, 0, NULL);

    cases[10].json = g_regex_replace_literal (targets, document, -1, 0, "\"targets\": []", G_REGEX_MATCH_DEFAULT, NULL);
    cases[10].message = "bad.json: line 55: a goal has at least one target";
    cases[11].json = g_regex_replace (target_uuid, document, -1, 0, "\\1", G_REGEX_MATCH_DEFAULT, NULL);
    cases[11].message = "bad.json: line 58: the member “uuid” is missing";
  }
  /* A member given twice: json-glib would keep the last without a word. */
  cases[12].json = replace (document, "\"number\": 2,", "\"number\": 2, \"number\": 3,");
  cases[12].message = "bad.json: line 81: “number” is given twice in the same object";
  cases[13].json = g_strdup ("{ \"datoGeneral\": { \"txTipoEleccion\": \"REGIONAL\",\n"
                             "    \"txOrganizacionPolitica\": \"A\", \"txOrganizacionPolitica\": \"B\" },\n"
                             "  \"dimensionSocial\": [ { \"txPgMeta\": \"10 %\" } ] }");
  cases[13].message = "bad.json: line 2: “txOrganizacionPolitica” is given twice in the same object";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = NULL;
      g_autofree char *after = NULL;

      {
        g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");

        results = vigia_import_data (library, (const guint8 *) cases[i].json, strlen (cases[i].json),
                                     "bad.json", NULL, &error);
        g_assert_null (results);
        g_assert_nonnull (error);
      }
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
      after = vigia_test_checksum_library (f->path);
      g_assert_cmpstr (after, ==, before);
      g_free (cases[i].json);
    }
}

/* A document whose second plan cannot be stored leaves nothing of the
 * first: one file, one transaction. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *document = NULL;
  g_autofree char *two = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_uuid = NULL;
  g_autofree char *new_uuid = g_uuid_string_random ();
  const char *plans_start;
  const char *plans_end;

  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
    g_autoptr(GFile) declara = vigia_sample_plan_file ();
    g_autoptr(GPtrArray) results = vigia_import_file (library, declara, NULL, NULL, NULL);
    g_autoptr(VigiaPlan) plan = vigia_library_load_plan (library, 1, NULL);

    g_assert_nonnull (results);
    plan_uuid = g_strdup (vigia_plan_get_uuid (plan));
    document = export_library (library);
  }
  before = vigia_test_checksum_library (f->path);

  /* Two plans: a new one (another uuid, the same goals), and the stored one.
   * The new one's goals have uuids the library already gives to plan 1. */
  plans_start = strstr (document, "\"plans\": [\n") + strlen ("\"plans\": [\n");
  plans_end = g_strrstr (document, "\n  ]\n}");
  {
    g_autofree char *one = g_strndup (plans_start, plans_end - plans_start);
    g_autofree char *renamed = replace (one, plan_uuid, new_uuid);

    two = g_strdup_printf ("{\n  \"format\": \"vigia-plans\",\n  \"version\": 3,\n  \"plans\": [\n%s,\n%s\n  ]\n}\n",
                           one, renamed);
  }

  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
    g_autoptr(GPtrArray) results = NULL;

    /* The reader refuses goal uuids given twice before the library is
     * touched; past it, the store's own constraint would. */
    results = vigia_import_data (library, (const guint8 *) two, strlen (two), "two.json", NULL, &error);
    g_assert_null (results);
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_PARSE);
    g_clear_error (&error);
  }
  after = vigia_test_checksum_library (f->path);
  g_assert_cmpstr (after, ==, before);

  /* Inside the store: a new plan whose goals carry plan 1's uuids. */
  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
    g_autoptr(GPtrArray) results = NULL;
    g_autofree char *one = g_strndup (plans_start, plans_end - plans_start);
    g_autofree char *renamed = replace (one, plan_uuid, new_uuid);
    g_autofree char *fresh = g_strdup_printf ("{\n  \"format\": \"vigia-plans\",\n  \"version\": 3,\n  \"plans\": [\n%s\n  ]\n}\n",
                                              renamed);
    results = vigia_import_data (library, (const guint8 *) fresh, strlen (fresh), "fresh.json", NULL, &error);
    g_assert_null (results);
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "fresh.json: nothing was imported: "));
    g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 1);
  }
  g_free (after);
  after = vigia_test_checksum_library (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_unknown_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GFile) gone = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_file_set_contents (pdf, "%PDF-1.4\n%âãÏÓ\n", -1, NULL);
  g_assert_null (vigia_import_file (library, file, NULL, NULL, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_UNKNOWN_FORMAT);
  expected = g_strdup_printf ("%s: not a plan file Vigía can read: it looks like a PDF document", pdf);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  g_assert_null (vigia_import_file (library, gone, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_pointer (&expected, g_free);
  /* The file named once, then the reason. */
  expected = g_strdup_printf ("%s: the file could not be read: it does not exist", missing);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 0);

  /* A library that may not be written: the error names the file too. */
  {
    g_autoptr(VigiaLibrary) read_only = NULL;
    g_autoptr(GFile) declara = vigia_sample_plan_file ();
    g_autofree char *prefix = NULL;

    read_only = vigia_library_open (f->path, VIGIA_LIBRARY_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_null (vigia_import_file (read_only, declara, NULL, NULL, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
    prefix = g_strdup_printf ("resource:///io/github/vigia/Vigia/core/samples/"
                              "erm2022-lima-independencia-juntos-por-el-peru.txt: nothing was imported: "
                              "The library “%s” is open read-only",
                              /* On PostgreSQL, user@server/database: never the password. */
                              vigia_test_store_is_postgresql () ? vigia_library_get_name (read_only) : f->path);
    g_assert_true (g_str_has_prefix (error->message, prefix));
  }
  vigia_test_assert_finalized (&library);
}

static void
test_options (void)
{
  g_autoptr(GError) error = NULL;
  VigiaImportOptions bad_place = { "ATLANTIS", 0, 0 };
  VigiaImportOptions bad_code = { "999999", 0, 0 };
  VigiaImportOptions bad_term = { NULL, 2030, 2027 };
  VigiaImportOptions good = { "150112", 2027, 2030 };
  int start = 0, end = 0;

  g_assert_true (vigia_parse_term ("2027-2030", &start, &end));
  g_assert_cmpint (start, ==, 2027);
  g_assert_cmpint (end, ==, 2030);
  g_assert_true (vigia_parse_term (" 2023 – 2026 ", &start, &end));
  g_assert_cmpint (start, ==, 2023);
  g_assert_false (vigia_parse_term ("2030-2027", &start, &end));
  g_assert_false (vigia_parse_term ("2027", &start, &end));
  g_assert_false (vigia_parse_term ("dos mil", &start, &end));

  g_assert_true (vigia_import_options_check (&good, &error));
  g_assert_false (vigia_import_options_check (&bad_place, &error));
  g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“ATLANTIS” is not in the UBIGEO table"));
  g_clear_error (&error);
  g_assert_false (vigia_import_options_check (&bad_code, &error));
  g_assert_nonnull (strstr (error->message, "neither an INEI code"));
  g_clear_error (&error);
  g_assert_false (vigia_import_options_check (&bad_term, &error));
  g_clear_error (&error);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *results;
  GError    *error;
  guint      n_changed;
} AsyncRun;

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->results = vigia_import_file_finish (VIGIA_LIBRARY (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
plans_changed_cb (VigiaLibrary *library,
                  GArray       *ids,
                  gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->n_changed += ids->len;
}

static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "library.sqlite");
  g_autoptr(GFile) jne = vigia_sample_jne_file ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/plan.txt");
  VigiaImportOptions options = { g_strdup ("PUNO"), 2027, 2030 };
  AsyncRun run = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0 };
  VigiaImportResult *result;

  g_signal_connect (library, "plans-changed", G_CALLBACK (plans_changed_cb), &run);
  vigia_import_file_async (library, jne, &options, NULL, import_done_cb, &run);
  /* The options were copied. */
  g_free ((char *) options.place);
  g_main_loop_run (run.loop);

  g_assert_no_error (run.error);
  g_assert_cmpuint (run.results->len, ==, 1);
  result = g_ptr_array_index (run.results, 0);
  g_assert_cmpint (result->outcome, ==, VIGIA_IMPORT_ADDED);
  g_assert_cmpstr (result->place_label, ==, "PUNO");
  g_assert_cmpuint (run.n_changed, ==, 1);
  /* Written by the thread's connection, seen by this one. */
  g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 1);
  g_clear_pointer (&run.results, g_ptr_array_unref);

  vigia_import_file_async (library, missing, NULL, NULL, import_done_cb, &run);
  g_main_loop_run (run.loop);
  g_assert_null (run.results);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&run.error);
  g_assert_cmpuint (run.n_changed, ==, 1);

  /* Nothing of the imports holds the library once they are done. */
  vigia_test_wait_for_threads (library);
  vigia_test_assert_finalized (&library);
  g_main_loop_unref (run.loop);
}

/* tests/fuzz/regressions/: inputs the fuzzers found, and hostile ones written
 * by hand, each named by the reader it is for (tests/fuzz/README.md). */
typedef enum {
  REGRESSION_DECLARA,
  REGRESSION_JNE,
  REGRESSION_VIGIA,
  REGRESSION_META,
} RegressionReader;

static const struct {
  const char    *prefix;
  VigiaFileType  type;
} regression_readers[] = {
  [REGRESSION_DECLARA] = { "declara-", VIGIA_FILE_TYPE_DECLARA_TEXT },
  [REGRESSION_JNE]     = { "jne-", VIGIA_FILE_TYPE_JNE_JSON },
  [REGRESSION_VIGIA]   = { "vigia-", VIGIA_FILE_TYPE_VIGIA_JSON },
  [REGRESSION_META]    = { "meta-", VIGIA_FILE_TYPE_UNKNOWN },
};

/* At most the lines a file has, whichever line end it uses. */
static guint
max_lines (const char *data,
           gsize       length)
{
  guint n = 1;

  for (gsize i = 0; i < length; i++)
    if (data[i] == '\n' || data[i] == '\r')
      n++;
  return n;
}

/* What the user reads of a refused file: "NAME: reason" or "NAME: line N:
 * reason", in UTF-8, N a line the file has. */
static void
assert_clear_error (const GError *error,
                    const char   *name,
                    const char   *data,
                    gsize         length)
{
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);
  const char *reason;

  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, VIGIA_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, prefix));
  reason = error->message + strlen (prefix);
  if (g_str_has_prefix (reason, "line "))
    {
      char *end = NULL;
      guint64 line = g_ascii_strtoull (reason + strlen ("line "), &end, 10);

      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (line, <=, max_lines (data, length));
      g_assert_true (g_str_has_prefix (end, ": "));
      reason = end + strlen (": ");
    }
  /* A reason, not a word. */
  g_assert_cmpuint (strlen (reason), >, 8);
}

static void
assert_utf8 (const char *text)
{
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

/* A plan read writes out, and its texts are UTF-8: the JSON writer would mend
 * them, but neither the summary writer nor the screen does. */
static void
assert_plan_writes (VigiaPlan *plan)
{
  g_autofree char *document = vigia_json_writer_plan_to_string (plan);
  g_autofree char *summary = vigia_declara_write_to_string (plan);

  assert_utf8 (document);
  assert_utf8 (summary);
  assert_utf8 (vigia_plan_get_source_reference (plan));
  for (guint d = 0; d < vigia_plan_get_n_dimensions (plan); d++)
    {
      VigiaDimension *dimension = vigia_plan_get_dimension (plan, d);

      for (guint g = 0; g < vigia_dimension_get_n_goals (dimension); g++)
        {
          GListModel *progress = vigia_goal_get_progress (vigia_dimension_get_goal (dimension, g));

          for (guint i = 0; i < g_list_model_get_n_items (progress); i++)
            {
              g_autoptr(VigiaProgress) entry = g_list_model_get_item (progress, i);
              const char * const *evidence = vigia_progress_get_evidence (entry);

              assert_utf8 (vigia_progress_get_note (entry));
              for (guint e = 0; evidence != NULL && evidence[e] != NULL; e++)
                assert_utf8 (evidence[e]);
            }
        }
    }
}

/* Every plan read writes out, reads back, and writes out the same. */
static void
assert_plans_round_trip (GPtrArray *plans)
{
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *document = vigia_json_writer_plan_to_string (g_ptr_array_index (plans, i));
      g_autoptr(GPtrArray) again = vigia_json_read ((const guint8 *) document, strlen (document),
                                                    "again.json", &error);
      g_autofree char *second = NULL;

      assert_plan_writes (g_ptr_array_index (plans, i));
      g_assert_no_error (error);
      g_assert_cmpuint (again->len, ==, 1);
      second = vigia_json_writer_plan_to_string (g_ptr_array_index (again, 0));
      g_assert_cmpstr (second, ==, document);
    }
}

/* The reader the file is named for: plans or an error, never both or neither. */
static GPtrArray *
read_regression (RegressionReader   reader,
                 const char        *data,
                 gsize              length,
                 const char        *name,
                 GError           **error)
{
  g_autoptr(VigiaPlan) plan = NULL;
  gboolean known = FALSE;
  GPtrArray *plans;

  if (reader == REGRESSION_VIGIA)
    return vigia_json_read ((const guint8 *) data, length, name, error);

  if (reader == REGRESSION_DECLARA)
    plan = vigia_declara_read ((const guint8 *) data, length, name, error);
  else
    plan = vigia_jne_read ((const guint8 *) data, length, name, &known, NULL, error);
  if (plan == NULL)
    return NULL;
  /* A summary or JNE data without proposals is refused, not read empty. */
  g_assert_cmpuint (vigia_plan_get_n_goals (plan), >, 0);
  plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (plans, g_steal_pointer (&plan));
  return plans;
}

static void
check_plan_regression (RegressionReader  reader,
                       const char       *data,
                       gsize             length,
                       const char       *name,
                       gboolean          valid)
{
  VigiaImportOptions puno = { "PUNO", 2027, 2030 };
  const VigiaImportOptions *options[] = { NULL, &puno };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = read_regression (reader, data, length, name, &error);

  g_test_message ("%s: %s", name, plans != NULL ? "read" : error->message);
  if (plans != NULL)
    {
      g_assert_no_error (error);
      /* Only the exchange format gives plans their uuids before a library does. */
      if (reader == REGRESSION_VIGIA)
        assert_plans_round_trip (plans);
      else
        assert_plan_writes (g_ptr_array_index (plans, 0));
    }
  else
    assert_clear_error (error, name, data, length);
  if (valid)
    g_assert_nonnull (plans);

  /* The same bytes as the user opens them: found by content, with and
   * without the place and term the user may give. */
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(GError) import_error = NULL;
      g_autoptr(GPtrArray) imported = NULL;
      VigiaFileType type = VIGIA_FILE_TYPE_UNKNOWN;

      imported = vigia_read_plans_from_data ((const guint8 *) data, length, name, &type,
                                             options[i], &import_error);
      if (imported != NULL)
        g_assert_no_error (import_error);
      else
        assert_clear_error (import_error, name, data, length);
      /* A general election's plan is national: a place given for it is
       * refused, saying so. */
      if (valid && options[i] != NULL && reader != REGRESSION_VIGIA && plans != NULL && plans->len > 0 &&
          vigia_plan_get_election (g_ptr_array_index (plans, 0)) == VIGIA_ELECTION_GENERAL)
        g_assert_null (imported);
      else if (valid)
        {
          g_assert_nonnull (imported);
          g_assert_cmpint (type, ==, regression_readers[reader].type);
        }
    }
}

/* A meta is any text up to its first NUL, as fuzz-target-reader gives it. */
static void
check_meta_regression (const char *data,
                       gsize       length,
                       const char *name,
                       gboolean    valid)
{
  g_autofree char *text = g_strndup (data, length);
  g_autoptr(GEnumClass) measures = g_type_class_ref (VIGIA_TYPE_MEASURE);
  g_autoptr(GEnumClass) directions = g_type_class_ref (VIGIA_TYPE_DIRECTION);
  VigiaTargetReading reading;

  vigia_target_read (text, &reading);
  g_test_message ("%s: %g %s (%s)", name, reading.value, reading.unit != NULL ? reading.unit : "",
                  reading.reading == VIGIA_READING_AUTOMATIC ? "automatic" : "needs review");
  /* A value only with an automatic reading, and never one that is not finite. */
  if (reading.reading == VIGIA_READING_AUTOMATIC)
    g_assert_true (isfinite (reading.value));
  else
    {
      g_assert_cmpint (reading.reading, ==, VIGIA_READING_NEEDS_REVIEW);
      g_assert_false (VIGIA_HAS_VALUE (reading.value));
    }
  g_assert_true (!VIGIA_HAS_VALUE (reading.baseline) || isfinite (reading.baseline));
  g_assert_true (reading.unit == NULL || g_utf8_validate (reading.unit, -1, NULL));
  g_assert_nonnull (g_enum_get_value (measures, reading.measure));
  g_assert_nonnull (g_enum_get_value (directions, reading.direction));
  if (valid)
    g_assert_cmpint (reading.reading, ==, VIGIA_READING_AUTOMATIC);
  vigia_target_reading_clear (&reading);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_fuzz_regressions (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_inputs[G_N_ELEMENTS (regression_readers)] = { 0, };
  guint n_valid[G_N_ELEMENTS (regression_readers)] = { 0, };
  const char *name;

  /* The folder is part of the sources: without it nothing is checked. */
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      guint reader;
      gboolean valid;

      name = g_ptr_array_index (names, i);
      for (reader = 0; reader < G_N_ELEMENTS (regression_readers); reader++)
        if (g_str_has_prefix (name, regression_readers[reader].prefix))
          break;
      if (reader == G_N_ELEMENTS (regression_readers))
        {
          g_test_fail_printf ("%s: an input is named after its reader: declara-, jne-, vigia- or meta-",
                              name);
          continue;
        }

      path = g_build_filename (dir, name, NULL);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      /* "declara-valid-…": a seed that must read. */
      valid = g_str_has_prefix (name + strlen (regression_readers[reader].prefix), "valid-");
      if (reader == REGRESSION_META)
        check_meta_regression (contents, length, name, valid);
      else
        check_plan_regression (reader, contents, length, name, valid);
      n_inputs[reader]++;
      n_valid[reader] += valid;
    }

  for (guint reader = 0; reader < G_N_ELEMENTS (regression_readers); reader++)
    {
      g_test_message ("%s*: %u inputs, %u valid", regression_readers[reader].prefix,
                      n_inputs[reader], n_valid[reader]);
      g_assert_cmpuint (n_inputs[reader], >, 0);
      g_assert_cmpuint (n_valid[reader], >, 0);
    }
}

typedef struct
{
  GPtrArray *files;
  guint   n_files;
  guint   n_added;
  guint   n_already;
  guint   n_failed;
  char   *failed_message;
} ManyFiles;

static void
many_files_done_cb (GFile        *file,
                    GPtrArray    *results,
                    const GError *error,
                    gpointer      user_data)
{
  ManyFiles *many = user_data;

  /* Each file given is reported, once. */
  g_assert_true (g_ptr_array_remove_fast (many->files, file));
  many->n_files++;
  if (results == NULL)
    {
      many->n_failed++;
      g_free (many->failed_message);
      many->failed_message = g_strdup (error->message);
      return;
    }
  for (guint i = 0; i < results->len; i++)
    {
      VigiaImportResult *result = g_ptr_array_index (results, i);

      if (result->outcome == VIGIA_IMPORT_ADDED)
        many->n_added++;
      else if (result->outcome == VIGIA_IMPORT_ALREADY_PRESENT)
        many->n_already++;
    }
}

/* The files of @files, without a reference of their own. */
static GPtrArray *
files_to_report (GPtrArray *files)
{
  GPtrArray *copy = g_ptr_array_copy (files, NULL, NULL);

  g_ptr_array_set_free_func (copy, NULL);
  return copy;
}

/* Files above the limits are refused whole, saying which limit, and the
 * library is as it was. */
static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "limits.sqlite");
  g_autofree char *sample = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) big = NULL;
  g_autoptr(GString) many = g_string_new ("{ \"datoGeneral\": { \"txTipoEleccion\": \"REGIONAL\" },\n"
                                          "  \"dimensionSocial\": [");
  g_autoptr(GString) long_cell = g_string_new ("{ \"datoGeneral\": { \"txTipoEleccion\": \"REGIONAL\" },\n"
                                               "  \"dimensionSocial\": [ { \"txPgProblema\": \"");
  gsize length;
  struct {
    const char *name;
    GString    *text;
    const char *message;
  } cases[3];

  sample = declara_sample (&length);
  big = g_string_new (sample);
  while (big->len <= 17 * 1024 * 1024)
    g_string_append (big, "Una línea más del resumen, repetida hasta pasar el límite.\n");
  for (guint i = 0; i < 2001; i++)
    g_string_append_printf (many, "%s{ \"txPgObjetivo\": \"Objetivo %u\", \"txPgMeta\": \"%u colegios\" }",
                            i > 0 ? ",\n" : "", i, i);
  g_string_append (many, "] }");
  for (guint i = 0; i < 70000; i++)
    g_string_append_c (long_cell, 'A');
  g_string_append (long_cell, "\", \"txPgMeta\": \"10 %\" } ] }");

  cases[0].name = "grande.txt";
  cases[0].text = big;
  cases[0].message = "grande.txt: 17.0\u00A0MiB is more than a file of this kind holds (16.0\u00A0MiB at most;";
  cases[1].name = "muchas.json";
  cases[1].text = many;
  cases[1].message = "muchas.json: the plan has 2001 goals and 2001 targets, more than Vigía takes in one "
                     "plan (2000 goals, 10000 targets): nothing was imported.";
  cases[2].name = "celda.json";
  cases[2].text = long_cell;
  cases[2].message = "celda.json: goal 1 of Social has a text longer than 64.0\u00A0KiB";

  before = vigia_test_checksum_library (vigia_library_get_path (library));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = vigia_import_data (library, (const guint8 *) cases[i].text->str,
                                                        cases[i].text->len, cases[i].name, NULL, &error);

      g_assert_null (results);
      g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
  after = vigia_test_checksum_library (vigia_library_get_path (library));
  g_assert_cmpstr (before, ==, after);
}

/* The size of @path's write-ahead log. */
static gint64
wal_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf info;

  if (g_stat (wal, &info) != 0)
    return 0;
  return info.st_size;
}

/* A disk that fills up during a batch: the batch's commit fails, each file
 * is tried again alone, every one that fits goes in and each one that does
 * not is named; with room again, the same files bring exactly the rest. */
static void
test_import_full_disk (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) sample_file = vigia_sample_plan_file ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *path = g_build_filename (f->dir, "full.sqlite", NULL);
  ManyFiles full = { 0, };
  ManyFiles again = { 0, };
  const guint n = 6;
  gint64 empty, one;

  g_assert_true (g_file_load_contents (sample_file, NULL, &sample, NULL, NULL, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%u.txt", i);
      g_autofree char *file_path = g_build_filename (f->dir, name, NULL);
      g_autofree char *organization = g_strdup_printf ("Organización Política: PARTIDO %u", i);
      g_auto(GStrv) parts = g_strsplit (sample, "Organización Política: JUNTOS POR EL PERU", 2);
      g_autofree char *text = g_strjoinv (organization, parts);

      g_assert_true (g_file_set_contents (file_path, text, -1, &error));
      g_ptr_array_add (files, g_file_new_for_path (file_path));
    }

  /* How much log one plan needs, measured in a library of its own. */
  {
    g_autoptr(VigiaLibrary) scratch = vigia_test_open_library (f->dir, "scratch.sqlite");
    g_autoptr(GPtrArray) results = NULL;

    empty = wal_size (vigia_library_get_path (scratch));
    results = vigia_import_file (scratch, g_ptr_array_index (files, 0), NULL, NULL, &error);
    g_assert_no_error (error);
    one = wal_size (vigia_library_get_path (scratch)) - empty;
    g_assert_cmpint (one, >, 0);
  }

  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "full.sqlite");

    /* Room in the log for one plan and a half: the batch of six at once
     * needs about two (they share pages), one plan alone fits. */
    vigia_fault_vfs_set_wal_limit (wal_size (path) + 3 * one / 2);
    full.files = files_to_report (files);
    vigia_import_files (library, (GFile **) files->pdata, files->len, NULL, many_files_done_cb, &full, NULL,
                        &error);
    vigia_fault_vfs_set_wal_limit (-1);
    g_clear_error (&error);

    g_assert_cmpuint (full.n_files, ==, n);
    g_assert_cmpuint (full.n_added, >=, 1);
    g_assert_cmpuint (full.n_failed, >=, 1);
    g_assert_cmpuint (full.n_added + full.n_failed, ==, n);
    g_assert_true (g_str_has_prefix (full.failed_message, f->dir));
    g_assert_nonnull (strstr (full.failed_message, ": nothing was imported: "));
    g_assert_cmpint (vigia_library_count_plans (library, NULL), ==, full.n_added);

  }
  {
    g_autofree char *verdict = vigia_test_integrity_check (path);

    g_assert_cmpstr (verdict, ==, "ok");
  }

  /* Room again: the same files bring the rest, and only the rest. */
  {
    g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "full.sqlite");

    again.files = files_to_report (files);
    g_assert_true (vigia_import_files (library, (GFile **) files->pdata, files->len, NULL, many_files_done_cb,
                                       &again, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (again.n_added, ==, full.n_failed);
    g_assert_cmpuint (again.n_already, ==, full.n_added);
    g_assert_cmpint (vigia_library_count_plans (library, NULL), ==, n);
  }

  g_free (full.failed_message);
  g_free (again.failed_message);
  g_ptr_array_unref (full.files);
  g_ptr_array_unref (again.files);
}

/* A region's summaries at once: more files than one commit takes, a bad one
 * and a repeated one among them. */
static void
test_import_many (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VigiaLibrary) library = vigia_test_open_library (f->dir, "many.sqlite");
  g_autoptr(GFile) sample_file = vigia_sample_plan_file ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  ManyFiles many = { 0, };
  ManyFiles cancelled = { 0, };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const guint n = 520;

  g_assert_true (g_file_load_contents (sample_file, NULL, &sample, NULL, NULL, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%03u.txt", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *organization = g_strdup_printf ("Organización Política: PARTIDO %u", i == 300 ? 299 : i);
      g_auto(GStrv) parts = g_strsplit (sample, "Organización Política: JUNTOS POR EL PERU", 2);
      g_autofree char *text = g_strjoinv (organization, parts);

      /* File 100 stops in the middle of its tables. */
      if (i == 100)
        text[strlen (text) / 2] = '\0';
      g_assert_true (g_file_set_contents (path, text, -1, &error));
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  /* Cancelled: every file is reported, and nothing is imported. */
  cancelled.files = files_to_report (files);
  g_cancellable_cancel (cancellable);
  g_assert_true (vigia_import_files (library, (GFile **) files->pdata, files->len, NULL,
                                     many_files_done_cb, &cancelled, cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cancelled.n_files, ==, n);
  g_assert_cmpuint (cancelled.n_failed, ==, n);
  g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, 0);
  g_free (cancelled.failed_message);
  g_ptr_array_unref (cancelled.files);

  many.files = files_to_report (files);
  g_assert_true (vigia_import_files (library, (GFile **) files->pdata, files->len, NULL,
                                     many_files_done_cb, &many, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (many.n_files, ==, n);
  g_assert_cmpuint (many.n_failed, ==, 1);
  g_assert_nonnull (strstr (many.failed_message, "plan-100.txt: line "));
  g_assert_cmpuint (many.n_already, ==, 1);
  g_assert_cmpuint (many.n_added, ==, n - 2);
  g_assert_cmpuint (vigia_library_count_plans (library, NULL), ==, n - 2);
  g_clear_pointer (&many.failed_message, g_free);
  g_ptr_array_unref (many.files);

  /* A library that cannot be written: every file is reported, none imported. */
  {
    g_autofree char *path = g_strdup (vigia_library_get_path (library));
    g_autoptr(VigiaLibrary) read_only = NULL;
    ManyFiles none = { 0, };

    none.files = files_to_report (files);
    vigia_test_assert_finalized (&library);
    read_only = vigia_library_open (path, VIGIA_LIBRARY_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_false (vigia_import_files (read_only, (GFile **) files->pdata, 3, NULL,
                                        many_files_done_cb, &none, NULL, &error));
    g_assert_error (error, VIGIA_ERROR, VIGIA_ERROR_READ_ONLY);
    g_assert_cmpuint (none.n_files, ==, 3);
    g_assert_cmpuint (none.n_failed, ==, 3);
    g_free (none.failed_message);
    g_ptr_array_unref (none.files);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Every library of these tests goes through it; only /import/full-disk
   * ever fills its disk. */
  vigia_fault_vfs_install ();

  vigia_test_add_func_sqlite_only ("/import/ubigeo", test_ubigeo);
  vigia_test_add_func_sqlite_only ("/import/place-names", test_place_names);
  vigia_test_add_func_sqlite_only ("/import/detect", test_detect);
  vigia_test_add_func_sqlite_only ("/import/declara-sample", test_declara_sample);
  vigia_test_add_func_sqlite_only ("/import/declara-encodings", test_declara_encodings);
  vigia_test_add_func_sqlite_only ("/import/declara-variations", test_declara_variations);
  vigia_test_add_on_store ("/import/declara-bad", Fixture, fixture_set_up, test_declara_bad, fixture_tear_down);
  vigia_test_add_func_sqlite_only ("/import/jne-sample", test_jne_sample);
  vigia_test_add_func_sqlite_only ("/import/jne-shapes", test_jne_shapes);
  vigia_test_add_func_sqlite_only ("/import/jne-bad", test_jne_bad);
  vigia_test_add_func_sqlite_only ("/import/jne-packed-rows", test_jne_packed_rows);
  vigia_test_add_func_sqlite_only ("/import/jne-real-plans", test_jne_real_plans);
  vigia_test_add_on_store ("/import/twice", Fixture, fixture_set_up, test_import_twice, fixture_tear_down);
  vigia_test_add_on_store ("/import/round-trip", Fixture, fixture_set_up, test_round_trip, fixture_tear_down);
  vigia_test_add_on_store ("/import/write-plans", Fixture, fixture_set_up, test_write_plans, fixture_tear_down);
  vigia_test_add_on_store ("/import/vigia-json-bad", Fixture, fixture_set_up, test_vigia_json_bad, fixture_tear_down);
  vigia_test_add_on_store ("/import/vigia-json-stream", Fixture, fixture_set_up, test_vigia_json_stream,
                           fixture_tear_down);
  vigia_test_add_on_store ("/import/vigia-json-version-1", Fixture, fixture_set_up, test_vigia_json_version_1,
                           fixture_tear_down);
  vigia_test_add_on_store ("/import/vigia-json-targets", Fixture, fixture_set_up, test_vigia_json_targets,
                           fixture_tear_down);
  vigia_test_add_on_store ("/import/jne-national", Fixture, fixture_set_up, test_jne_national, fixture_tear_down);
  vigia_test_add_on_store ("/import/jne-lists", Fixture, fixture_set_up, test_jne_lists, fixture_tear_down);
  vigia_test_add_on_store ("/import/jne-lists-bad", Fixture, fixture_set_up, test_jne_lists_bad, fixture_tear_down);
  vigia_test_add_on_store ("/import/jne-candidates", Fixture, fixture_set_up, test_jne_candidates, fixture_tear_down);
  vigia_test_add_on_store ("/import/all-or-nothing", Fixture, fixture_set_up, test_all_or_nothing, fixture_tear_down);
  vigia_test_add_on_store ("/import/unknown-file", Fixture, fixture_set_up, test_unknown_file, fixture_tear_down);
  vigia_test_add_func_sqlite_only ("/import/options", test_options);
  vigia_test_add_on_store ("/import/async", Fixture, fixture_set_up, test_import_async, fixture_tear_down);
  vigia_test_add_func_sqlite_only ("/import/fuzz-regressions", test_fuzz_regressions);
  vigia_test_add_on_store ("/import/many-files", Fixture, fixture_set_up, test_import_many, fixture_tear_down);
  vigia_test_add_sqlite_only ("/import/full-disk", Fixture,
                              "A disk filling up under the write-ahead log (the fault-injection VFS) is a file's; "
                              "a server's disk is its own",
                              fixture_set_up, test_import_full_disk, fixture_tear_down);
  vigia_test_add_on_store ("/import/limits", Fixture, fixture_set_up, test_limits, fixture_tear_down);

  return g_test_run ();
}
