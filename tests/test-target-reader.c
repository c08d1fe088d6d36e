/* test-target-reader.c: metas as written, and what the reader makes of them
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigia-test-utils.h"

#define NONE VIGIA_NO_VALUE
#define AUTO VIGIA_READING_AUTOMATIC
#define REVIEW VIGIA_READING_NEEDS_REVIEW
#define PCT VIGIA_MEASURE_PERCENT
#define CHANGE VIGIA_MEASURE_PERCENT_CHANGE
#define COUNT VIGIA_MEASURE_COUNT
#define AMOUNT VIGIA_MEASURE_AMOUNT
#define QUAL VIGIA_MEASURE_QUALITATIVE
#define UP VIGIA_DIRECTION_UP
#define DOWN VIGIA_DIRECTION_DOWN
#define KEEP VIGIA_DIRECTION_KEEP

typedef struct
{
  const char     *text;
  double          value;
  const char     *unit;
  VigiaMeasure    measure;
  VigiaDirection  direction;
  VigiaReading    reading;
  double          baseline;
} Case;

static const Case cases[] = {
  /* Metas of the real EG 2026 plans (../shared/samples/jne-json/real), as
   * their bulleted lists give them one by one: how each reads. */
  { "8% del PBI destinado a salud.", 8, "%", PCT, UP, AUTO, NONE },
  { "70% de las Redes Integradas de Salud (RIS) operativas.", 70, "%", PCT, UP, AUTO, NONE },
  { "Reducción de la anemia infantil a <20%.", 20, "%", PCT, DOWN, AUTO, NONE },
  { "50% de hospitales con capacidad instalada adecuada.", 50, "%", PCT, UP, AUTO, NONE },
  { "Alcanzar 100% de cobertura nacional de agua potable y alcantarillado, priorizando zonas rurales y "
    "periurbanas.", 100, "%", PCT, UP, AUTO, NONE },
  { "Reducir en 50% la deforestación ilegal en la Amazonía, priorizando titulación comunal, vigilancia "
    "forestal y proyectos productivos sostenibles.", 50, "%", CHANGE, DOWN, AUTO, NONE },
  { "Aumentar en 30% la productividad agrícola nacional, impulsando asistencia técnica, financiamiento, "
    "mecanización e infraestructura productiva.", 30, "%", CHANGE, UP, AUTO, NONE },
  /* Several figures, or none: a person reads them. */
  { "Poner en operación 6 líneas de metro: 4 en Lima y 1 en Arequipa, Trujillo y Piura.", NONE, NULL, QUAL, UP,
    REVIEW, NONE },
  { "Analfabetismo Cero.", NONE, NULL, QUAL, UP, REVIEW, NONE },
  /* The twelve metas of the DECLARA sample (Independencia, ERM 2022). */
  { "25% DE POBLACIÓN ATENDIDA", 25, "%", PCT, UP, AUTO, NONE },
  { "10% DE POBLACIÓN ATENDIDA", 10, "%", PCT, UP, AUTO, NONE },
  { "500 MYPES ATENDIDAS", 500, "MYPES ATENDIDAS", COUNT, UP, AUTO, NONE },
  { "300 MYPES ASOCIADOS", 300, "MYPES ASOCIADOS", COUNT, UP, AUTO, NONE },
  { "03 CLÚSTER DESARROLLADOS", 3, "CLÚSTER DESARROLLADOS", COUNT, UP, AUTO, NONE },
  { "30% POBLACIÓN CON CONCIENCIA AMBIENTAL", 30, "%", PCT, UP, AUTO, NONE },
  { "24 CAPACITACIONES POR EJES ZONALES", 24, "CAPACITACIONES POR EJES ZONALES", COUNT, UP, AUTO, NONE },
  { "04 PROYECTOS DE CONSERVACIÓN AMBIENTAL", 4, "PROYECTOS DE CONSERVACIÓN AMBIENTAL", COUNT, UP, AUTO, NONE },
  { "05 ESPACIOS DESCENTRALIZADOS.", 5, "ESPACIOS DESCENTRALIZADOS", COUNT, UP, AUTO, NONE },
  { "30% DE AUMENTO EN EFICIENCIA", 30, "%", CHANGE, UP, AUTO, NONE },
  { "30% DE AUMENTO.", 30, "%", CHANGE, UP, AUTO, NONE },

  /* The fourteen of the JNE sample (Puno, ERM 2026). */
  { "Disminuir la prevalencia de anemia infantil al 30,0 %.", 30, "%", PCT, DOWN, AUTO, NONE },
  { "Reducir la pobreza monetaria al 25,0 %.", 25, "%", PCT, DOWN, AUTO, NONE },
  { "Alcanzar una cobertura del 90,0 % en viviendas rurales con conexión de agua potable.", 90, "%", PCT, UP, AUTO, NONE },
  { "Reducir la tasa de desnutrición crónica al 8,0 %.", 8, "%", PCT, DOWN, AUTO, NONE },
  { "Reducir la tasa de empleo informal al 40,0 %.", 40, "%", PCT, DOWN, AUTO, NONE },
  { "Alcanzar una tasa de crecimiento anual del PBI regional del 5,0 %.", 5, "%", PCT, UP, AUTO, NONE },
  { "Alcanzar los US$ 20,0 millones en exportaciones no tradicionales con procesamiento industrial.", 20000000, "US$", AMOUNT, UP, AUTO, NONE },
  { "Lograr 6,0 puntos en el Índice de Competitividad Regional.", 6, "puntos", COUNT, UP, AUTO, NONE },
  { "Tratar el 90 % de las aguas residuales urbanas.", 90, "%", PCT, UP, AUTO, NONE },
  { "Disponer adecuadamente el 80 % de los residuos sólidos en rellenos sanitarios.", 80, "%", PCT, UP, AUTO, NONE },
  { "Implementar sistemas de alerta temprana y seguros agroclimáticos en 50 distritos altoandinos.", 50, "distritos altoandinos", COUNT, UP, AUTO, NONE },
  { "Alcanzar el 75 % en el Índice de Transparencia Regional.", 75, "%", PCT, UP, AUTO, NONE },
  { "Lograr que el 80 % de los proyectos priorizados en el presupuesto participativo cuenten con seguimiento ciudadano.", 80, "%", PCT, UP, AUTO, NONE },
  { "Establecer 15 Comités de Gestión Intergubernamental operativos.", 15, "Comités de Gestión Intergubernamental operativos", COUNT, UP, AUTO, NONE },

  /* Ways of writing numbers (docs/domain.md, "Spanish writing"). */
  { "Atender a 1'500,000 personas", 1500000, "personas", COUNT, UP, AUTO, NONE },
  { "1,500 FAMILIAS BENEFICIADAS", 1500, "FAMILIAS BENEFICIADAS", COUNT, UP, AUTO, NONE },
  { "1 500 familias beneficiadas", 1500, "familias beneficiadas", COUNT, UP, AUTO, NONE },
  { "Construir 2 500 viviendas", 2500, "viviendas", COUNT, UP, AUTO, NONE },
  { "Invertir S/ 1'500,000 en infraestructura educativa", 1500000, "S/", AMOUNT, UP, AUTO, NONE },
  { "S/. 2 millones para mantenimiento vial", 2000000, "S/", AMOUNT, UP, AUTO, NONE },
  { "500 mil soles en becas", 500000, "S/", AMOUNT, UP, AUTO, NONE },
  { "USD 3,5 millones de inversión privada", 3500000, "US$", AMOUNT, UP, AUTO, NONE },
  { "10 millones de dólares en exportaciones", 10000000, "US$", AMOUNT, UP, AUTO, NONE },
  { "Ejecutar el 95,5 % del presupuesto", 95.5, "%", PCT, UP, AUTO, NONE },
  { "Atender 0,125 toneladas diarias", 0.125, "toneladas diarias", COUNT, UP, AUTO, NONE },
  { "50 mil árboles plantados", 50000, "árboles plantados", COUNT, UP, AUTO, NONE },
  { "1 millón de árboles sembrados", 1000000, "árboles sembrados", COUNT, UP, AUTO, NONE },
  { "Cobertura del 100 por ciento en agua potable", 100, "%", PCT, UP, AUTO, NONE },

  /* Changes against the baseline, and directions from the verbs. */
  { "Incrementar en 20 % la recaudación municipal", 20, "%", CHANGE, UP, AUTO, NONE },
  { "Reducir en un 15% los delitos patrimoniales", 15, "%", CHANGE, DOWN, AUTO, NONE },
  { "10% DE REDUCCIÓN DE LA DELINCUENCIA", 10, "%", CHANGE, DOWN, AUTO, NONE },
  { "Aumentar al 60 % la cobertura de vacunación", 60, "%", PCT, UP, AUTO, NONE },
  { "Mantener el 90 % de cobertura de vacunación", 90, "%", PCT, KEEP, AUTO, NONE },
  { "Lograr reducir la anemia al 20 %", 20, "%", PCT, DOWN, AUTO, NONE },
  { "Reducir la anemia de 40 % a 30 %", 30, "%", PCT, DOWN, AUTO, 40 },
  { "Bajar la tasa de deserción escolar al 3 %", 3, "%", PCT, DOWN, AUTO, NONE },

  /* Years and references are not targets. */
  { "Al 2026, 40 comedores populares equipados", 40, "comedores populares equipados", COUNT, UP, AUTO, NONE },
  { "Cumplir la Ley 30364 en 12 centros de emergencia mujer", 12, "centros de emergencia mujer", COUNT, UP, AUTO, NONE },
  { "META (2023-2026): 8 PARQUES RECUPERADOS", 8, "PARQUES RECUPERADOS", COUNT, UP, AUTO, NONE },

  /* Several targets, ambiguous numbers, or none: never a guess. */
  { "Reducir la anemia en niños de 6 a 35 meses al 20 %", NONE, NULL, QUAL, DOWN, REVIEW, NONE },
  { "50 KM DE VÍAS ASFALTADAS Y 20 PUENTES CONSTRUIDOS", NONE, NULL, QUAL, UP, REVIEW, NONE },
  { "Atender a niños de 6 a 35 meses", NONE, NULL, QUAL, UP, REVIEW, NONE },
  { "1.500 familias atendidas", NONE, NULL, QUAL, UP, REVIEW, NONE },
  { "MEJORAR LA CALIDAD DEL SERVICIO", NONE, NULL, QUAL, UP, REVIEW, NONE },
  { "Disminuir la delincuencia", NONE, NULL, QUAL, DOWN, REVIEW, NONE },
  { "PROGRAMA IMPLEMENTADO", NONE, NULL, QUAL, UP, REVIEW, NONE },
  { "", NONE, NULL, QUAL, UP, REVIEW, NONE },
  { NULL, NONE, NULL, QUAL, UP, REVIEW, NONE },
};

static void
assert_value (double      expected,
              double      got,
              const char *text)
{
  if (!VIGIA_HAS_VALUE (expected))
    {
      if (VIGIA_HAS_VALUE (got))
        g_error ("“%s”: read %g, expected no value", text, got);
      return;
    }
  if (!VIGIA_HAS_VALUE (got) || fabs (expected - got) > 1e-9 * MAX (1, fabs (expected)))
    g_error ("“%s”: read %g, expected %g", text, got, expected);
}

static void
test_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 40);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      VigiaTargetReading reading;

      vigia_target_read (c->text, &reading);
      g_test_message ("%s → %g %s %s %s %s", c->text ? c->text : "(null)", reading.value,
                      reading.unit ? reading.unit : "(none)",
                      vigia_enum_to_nick (VIGIA_TYPE_MEASURE, reading.measure),
                      vigia_enum_to_nick (VIGIA_TYPE_DIRECTION, reading.direction),
                      vigia_enum_to_nick (VIGIA_TYPE_READING, reading.reading));
      assert_value (c->value, reading.value, c->text);
      assert_value (c->baseline, reading.baseline, c->text);
      if (g_strcmp0 (c->unit, reading.unit) != 0)
        g_error ("“%s”: unit “%s”, expected “%s”", c->text, reading.unit, c->unit);
      if (c->measure != reading.measure)
        g_error ("“%s”: measure %s, expected %s", c->text,
                 vigia_enum_to_nick (VIGIA_TYPE_MEASURE, reading.measure),
                 vigia_enum_to_nick (VIGIA_TYPE_MEASURE, c->measure));
      if (c->direction != reading.direction)
        g_error ("“%s”: direction %s, expected %s", c->text,
                 vigia_enum_to_nick (VIGIA_TYPE_DIRECTION, reading.direction),
                 vigia_enum_to_nick (VIGIA_TYPE_DIRECTION, c->direction));
      if (c->reading != reading.reading)
        g_error ("“%s”: reading %s, expected %s", c->text,
                 vigia_enum_to_nick (VIGIA_TYPE_READING, reading.reading),
                 vigia_enum_to_nick (VIGIA_TYPE_READING, c->reading));
      vigia_target_reading_clear (&reading);
    }
}

/* A target takes the reading, and a baseline the meta names only if it has
 * none of its own. */
static void
test_goal (void)
{
  g_autoptr(VigiaTarget) target = vigia_target_new ();

  vigia_target_set_text (target, "Reducir la anemia de 40 % a 30 %");
  vigia_target_update_reading (target);
  g_assert_cmpfloat (vigia_target_get_value (target), ==, 30);
  g_assert_cmpstr (vigia_target_get_unit (target), ==, "%");
  g_assert_cmpint (vigia_target_get_direction (target), ==, VIGIA_DIRECTION_DOWN);
  g_assert_cmpint (vigia_target_get_reading (target), ==, VIGIA_READING_AUTOMATIC);
  g_assert_cmpfloat (vigia_target_get_baseline_value (target), ==, 40);
  g_assert_cmpfloat (vigia_target_get_weight (target), ==, 1);

  vigia_target_set_baseline_value (target, 42);
  vigia_target_update_reading (target);
  g_assert_cmpfloat (vigia_target_get_baseline_value (target), ==, 42);

  vigia_target_set_text (target, "50 KM DE VÍAS Y 20 PUENTES");
  vigia_target_update_reading (target);
  g_assert_false (VIGIA_HAS_VALUE (vigia_target_get_value (target)));
  g_assert_null (vigia_target_get_unit (target));
  g_assert_cmpint (vigia_target_get_reading (target), ==, VIGIA_READING_NEEDS_REVIEW);
}

/* Whatever the bytes, the reader returns and reads nothing it should not. */
static void
test_odd_input (void)
{
  static const char * const odd[] = {
    "9999999999999999999999999999999999 %", "1'2'3'4", "1,2,3,4,5,6", "1 000 000 000 000 000",
    "S/", "US$", "%%%", "de a al hasta", "1.", ",5", "5,", "12'", "N° 5", "¿ 3 ?", "𝟓𝟎 %",
    "1\t500", "000000000000000000000000000000000000001",
    "1" "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000 mil millones de soles",
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      VigiaTargetReading reading;

      vigia_target_read (odd[i], &reading);
      g_assert_true (reading.reading == VIGIA_READING_AUTOMATIC ||
                     !VIGIA_HAS_VALUE (reading.value));
      g_assert_true (!VIGIA_HAS_VALUE (reading.value) || isfinite (reading.value));
      vigia_target_reading_clear (&reading);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/target-reader/table", test_table);
  g_test_add_func ("/target-reader/goal", test_goal);
  g_test_add_func ("/target-reader/odd-input", test_odd_input);

  return g_test_run ();
}
