/* vigia-bench-data.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plans are made from a seed and an index, so that a run is repeatable: the
 * places come from the UBIGEO table (a district plan for most, a province or
 * region for some, as in an ERM election), texts have the lengths and shapes
 * of the samples' (capitals, accents, metas with numbers), and each plan has
 * 12 to 20 goals over the four dimensions.
 */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "vigia-bench-data.h"
#include "vigia-declara-writer.h"
#include "vigia-ubigeo.h"

typedef struct
{
  char *department;
  char *province;
  char *district;
  char *code;
} Place;

struct _VigiaBenchData
{
  guint32    seed;
  GPtrArray *places;
};

static const char *organizations[] = {
  "JUNTOS POR EL PERU", "AHORA NACION - AN", "ALIANZA PARA EL PROGRESO", "FUERZA POPULAR",
  "RENOVACION POPULAR", "SOMOS PERU", "PODEMOS PERU", "ACCION POPULAR", "PARTIDO MORADO",
  "MOVIMIENTO REGIONAL NUESTRA TIERRA", "FRENTE AMPLIO", "PERU LIBRE", "AVANZA PAIS",
  "MOVIMIENTO INDEPENDIENTE FUERZA REGIONAL", "PARTIDO DEMOCRATICO SOMOS PERU",
};

static const char *topics[] = {
  "EDUCACIÓN BÁSICA REGULAR", "SALUD MATERNO INFANTIL", "AGUA POTABLE Y SANEAMIENTO",
  "SEGURIDAD CIUDADANA", "RESIDUOS SÓLIDOS", "ANEMIA INFANTIL", "MYPES DEL DISTRITO",
  "PISTAS Y VEREDAS", "TURISMO LOCAL", "PARTICIPACIÓN CIUDADANA", "DESNUTRICIÓN CRÓNICA",
  "ÁREAS VERDES", "TRANSPARENCIA MUNICIPAL", "PERSONAS CON DISCAPACIDAD Y ADULTO MAYOR",
  "PRODUCCIÓN AGROPECUARIA", "CONECTIVIDAD RURAL", "GESTIÓN DE RIESGOS DE DESASTRES",
};

/* Metas as the samples write them: the text before and after the number. */
static const struct {
  const char *before;
  const char *after;
} target_forms[] = {
  { "", "% DE POBLACIÓN ATENDIDA" },
  { "", " MYPES ATENDIDAS" },
  { "0", " PROYECTOS DE CONSERVACIÓN AMBIENTAL" },
  { "", "% DE AUMENTO EN EFICIENCIA" },
  { "Disminuir la prevalencia de anemia infantil al ", ",0 %." },
  { "Alcanzar los US$ ", ",0 millones en exportaciones" },
  { "", " CAPACITACIONES POR EJES ZONALES" },
};

static char *
title_to_upper (const char *text)
{
  return g_utf8_strup (text, -1);
}

static void
place_free (gpointer data)
{
  Place *place = data;

  g_free (place->department);
  g_free (place->province);
  g_free (place->district);
  g_free (place->code);
  g_free (place);
}

VigiaBenchData *
vigia_bench_data_new (guint32   seed,
                      GError  **error)
{
  g_autoptr(GPtrArray) departments = vigia_ubigeo_children (NULL);
  VigiaBenchData *data;

  data = g_new0 (VigiaBenchData, 1);
  data->seed = seed;
  data->places = g_ptr_array_new_with_free_func (place_free);

  /* Every district, with the names of its province and department. */
  for (guint d = 0; d < departments->len; d++)
    {
      const VigiaUbigeoPlace *department = g_ptr_array_index (departments, d);
      g_autoptr(GPtrArray) provinces = vigia_ubigeo_children (department->code);

      for (guint p = 0; p < provinces->len; p++)
        {
          const VigiaUbigeoPlace *province = g_ptr_array_index (provinces, p);
          g_autoptr(GPtrArray) districts = vigia_ubigeo_children (province->code);

          for (guint i = 0; i < districts->len; i++)
            {
              const VigiaUbigeoPlace *district = g_ptr_array_index (districts, i);
              Place *place = g_new0 (Place, 1);

              place->department = title_to_upper (department->name);
              place->province = title_to_upper (province->name);
              place->district = title_to_upper (district->name);
              place->code = g_strdup (district->code);
              g_ptr_array_add (data->places, place);
            }
        }
    }

  return data;
}

void
vigia_bench_data_free (VigiaBenchData *data)
{
  if (data == NULL)
    return;
  g_ptr_array_unref (data->places);
  g_free (data);
}

static char *
make_text (GRand      *rand,
           const char *prefix,
           const char *topic,
           guint       min_length)
{
  static const char *fillers[] = {
    "DE MANERA ADECUADA", "EN TODO EL DISTRITO", "CON PARTICIPACIÓN DE LA POBLACIÓN",
    "MEDIANTE UN PROGRAMA INTEGRAL", "EN LOS EJES ZONALES", "CON ÉNFASIS EN LA POBLACIÓN VULNERABLE",
  };
  GString *text = g_string_new (prefix);

  g_string_append_c (text, ' ');
  g_string_append (text, topic);
  while (text->len < min_length)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, fillers[g_rand_int_range (rand, 0, G_N_ELEMENTS (fillers))]);
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

/**
 * vigia_bench_data_make_plan:
 *
 * Returns: (transfer full): plan number @index of the synthetic election
 */
VigiaPlan *
vigia_bench_data_make_plan (VigiaBenchData *data,
                            guint           index)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (data->seed ^ (index * 2654435761u));
  VigiaPlan *plan = vigia_plan_new ();
  Place *place = g_ptr_array_index (data->places, index % data->places->len);
  guint kind = g_rand_int_range (rand, 0, 100);
  guint n_goals = g_rand_int_range (rand, 12, 21);
  g_autofree char *code = NULL;

  vigia_plan_set_organization (plan, organizations[g_rand_int_range (rand, 0, G_N_ELEMENTS (organizations))]);
  vigia_plan_set_process (plan, "ERM 2026");
  vigia_plan_set_term_start (plan, 2027);
  vigia_plan_set_term_end (plan, 2030);
  vigia_plan_set_department (plan, place->department);
  if (kind < 2)
    {
      vigia_plan_set_election (plan, VIGIA_ELECTION_REGIONAL);
      code = g_strndup (place->code, 2);
    }
  else if (kind < 12)
    {
      vigia_plan_set_election (plan, VIGIA_ELECTION_MUNICIPAL_PROVINCE);
      vigia_plan_set_province (plan, place->province);
      code = g_strndup (place->code, 4);
    }
  else
    {
      vigia_plan_set_election (plan, VIGIA_ELECTION_MUNICIPAL_DISTRICT);
      vigia_plan_set_province (plan, place->province);
      vigia_plan_set_district (plan, place->district);
      code = g_strdup (place->code);
    }
  vigia_plan_set_ubigeo (plan, code);
  vigia_plan_set_vision (plan, "Un territorio con un fuerte tejido social, una población saludable, "
                               "seguro, ambientalmente sostenible, que promueve la educación, el arte y "
                               "el deporte, limpio, ordenado y sin corrupción.");
  vigia_plan_set_ideario (plan, "Asegurar la vigencia y defensa del sistema democrático.\n"
                                "Contribuir a preservar la paz, la libertad y los derechos humanos.");
  vigia_plan_set_accountability (plan, "La autoridad electa evidenciará documentadamente, cada seis "
                                       "meses, el progresivo logro de las metas del Plan de Gobierno.");
  vigia_plan_set_source_format (plan, "declara-text");
  vigia_plan_add_standard_dimensions (plan);

  for (guint i = 0; i < n_goals; i++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, i % 4);
      g_autoptr(VigiaGoal) goal = vigia_goal_new ();
      const char *topic = topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))];
      guint form = g_rand_int_range (rand, 0, G_N_ELEMENTS (target_forms));
      guint value = g_rand_int_range (rand, 3, 90);
      g_autofree char *problem = make_text (rand, "INSUFICIENTE ATENCIÓN EN", topic, 80);
      g_autofree char *objective = make_text (rand, "MEJORAR LOS SERVICIOS DE", topic, 110);
      g_autofree char *indicator = make_text (rand, "PORCENTAJE DE", topic, 35);
      g_autofree char *target = NULL;

      target = g_strdup_printf ("%s%u%s", target_forms[form].before, value, target_forms[form].after);
      vigia_goal_set_number (goal, vigia_dimension_get_n_goals (dim) + 1);
      vigia_goal_set_problem (goal, problem);
      vigia_goal_set_objective (goal, objective);
      vigia_goal_set_indicator (goal, indicator);
      vigia_goal_set_target_text (goal, target);
      vigia_goal_set_target_value (goal, value);
      vigia_goal_set_target_unit (goal, form == 0 || form == 3 || form == 4 ? "%" : "UNIDADES");
      vigia_goal_set_target_measure (goal, form == 3 ? VIGIA_MEASURE_PERCENT_CHANGE :
                                           form == 0 || form == 4 ? VIGIA_MEASURE_PERCENT :
                                           VIGIA_MEASURE_COUNT);
      vigia_goal_set_target_direction (goal, form == 4 ? VIGIA_DIRECTION_DOWN : VIGIA_DIRECTION_UP);
      if (form == 4)
        vigia_goal_set_baseline_value (goal, value + 10);
      vigia_goal_set_target_reading (goal, VIGIA_READING_AUTOMATIC);
      vigia_dimension_append_goal (dim, goal);
    }

  return plan;
}

/* Eight semesters by the authority and, when @observer, by an observer too,
 * moving each goal along its way to the target. */
void
vigia_bench_data_add_progress (VigiaBenchData *data,
                               VigiaPlan      *plan,
                               guint           index,
                               gboolean        observer)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (data->seed ^ (index * 40503u + 1));
  guint n_dims = vigia_plan_get_n_dimensions (plan);

  for (guint d = 0; d < n_dims; d++)
    {
      VigiaDimension *dim = vigia_plan_get_dimension (plan, d);
      guint n_goals = vigia_dimension_get_n_goals (dim);

      for (guint g = 0; g < n_goals; g++)
        {
          VigiaGoal *goal = vigia_dimension_get_goal (dim, g);
          double target = vigia_goal_get_target_value (goal);

          for (guint k = 0; k < 8; k++)
            for (guint s = 0; s < (observer ? 2u : 1u); s++)
              {
                g_autofree char *period = g_strdup_printf ("%u-S%u", 2027 + k / 2, k % 2 + 1);
                g_autoptr(VigiaProgress) entry = vigia_progress_new (period, s);
                const char *evidence[] = { "https://www.transparencia.gob.pe/reportes", NULL };

                vigia_progress_set_value (entry, target * (k + 1) / 8.0 * g_rand_double_range (rand, 0.6, 1.1));
                vigia_progress_set_status (entry, VIGIA_STATUS_IN_PROGRESS);
                vigia_progress_set_note (entry, "Avance según el informe semestral de la oficina de planeamiento.");
                vigia_progress_set_evidence (entry, evidence);
                vigia_progress_set_recorded (entry, "2027-07-15T00:00:00Z");
                vigia_goal_put_progress (goal, entry);
              }
        }
    }
}

/**
 * vigia_bench_write_summaries:
 * @dir: an existing folder
 * @bytes: (out) (optional): how much was written
 *
 * Writes the first @n plans as DECLARA summaries, plan-00000.txt on.
 *
 * Returns: (transfer container) (element-type GFile): the files, in order
 */
GPtrArray *
vigia_bench_write_summaries (VigiaBenchData *data,
                             const char     *dir,
                             guint           n,
                             gsize          *bytes)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  if (bytes != NULL)
    *bytes = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigiaPlan) plan = vigia_bench_data_make_plan (data, i);
      g_autofree char *text = vigia_declara_write_to_string (plan);
      g_autofree char *name = g_strdup_printf ("plan-%05u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (bytes != NULL)
        *bytes += strlen (text);
      if (!g_file_set_contents (path, text, -1, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  return files;
}

/* Removes a library file a benchmark made, with SQLite's journal files. */
void
vigia_bench_remove_library (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}
