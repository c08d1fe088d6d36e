/* test-cell-items.c: the lists real plans pack in a cell (vigia-cell-items)
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cells below are written for these tests, each in the manner of a
 * marker style met in the JNE's plans.
 */
#include "config.h"

#include "vigia-test-utils.h"

typedef struct
{
  const char *name;
  const char *cell;
  const char *heading;
  /* The items, separated by "|". */
  const char *items;
} SplitCase;

static const SplitCase split_cases[] = {
  { "numbered", "1. Más serenazgo\n2. Más parques\n3. Más postas", NULL,
    "Más serenazgo|Más parques|Más postas" },
  { "numbered, tab", "1.\tAgua potable\n2.\tDesagüe", NULL, "Agua potable|Desagüe" },
  { "numbered, dash", "1.- Pistas\n2.-Veredas", NULL, "Pistas|Veredas" },
  { "numbered, a period typed twice", "1. Vías\n2.. Puertos", NULL, "Vías|Puertos" },
  { "numbered, parenthesis", "1) Mercado\n2) Camal", NULL, "Mercado|Camal" },
  { "strategic objectives", "OE 1.- Reducir la anemia\nOE 2.- Titular predios", NULL,
    "Reducir la anemia|Titular predios" },
  { "lettered", "a) Colegios\nb) Institutos", NULL, "Colegios|Institutos" },
  { "capital letters", "A. Riego\nB. Semillas\nC. Crédito", NULL, "Riego|Semillas|Crédito" },
  { "dashes in capitals", "- FALTA DE SANEAMIENTO\n- POCA ATENCIÓN EN SALUD", NULL,
    "FALTA DE SANEAMIENTO|POCA ATENCIÓN EN SALUD" },
  { "en dashes", "– Limpieza pública\n– Reciclaje", NULL, "Limpieza pública|Reciclaje" },
  { "bullets", "•\tCunas\n• Comedores", NULL, "Cunas|Comedores" },
  { "Word bullets under a heading",
    "1 Principales metas:\n\n¿\t8% del presupuesto en salud.\n\n\n¿\tAnemia infantil bajo 20%.",
    "1 Principales metas:", "8% del presupuesto en salud.|Anemia infantil bajo 20%." },
  { "Word bullets inline", "Principales metas: ¿ 500 becas. ¿ 20 colegios nuevos.",
    "Principales metas:", "500 becas.|20 colegios nuevos." },
  { "continuation lines", "1. Primero que\n   sigue aquí\n2. Segundo", NULL,
    "Primero que sigue aquí|Segundo" },
  { "dashes inside numbered goals", "1. Salud\n- postas\n- hospitales\n2. Educación\n- aulas",
    NULL, "Salud\n- postas\n- hospitales|Educación\n- aulas" },
  { "preamble", "Se propone:\n- Canal\n- Reservorio", "Se propone:", "Canal|Reservorio" },
  { "a question is not a bullet", "¿Cómo bajar la anemia? Con más controles.", NULL,
    "¿Cómo bajar la anemia? Con más controles." },
  { "an inline question is not a bullet", "Metas: ¿ 300 pistas. ¿ Por qué no más? ¿ 40 parques.",
    "Metas:", "300 pistas. ¿Por qué no más?|40 parques." },
  { "one item is no list", "1. Un solo hospital", NULL, "1. Un solo hospital" },
  { "decimals are no markers", "1.25 millones de viviendas\n2.5 % más de riego", NULL,
    "1.25 millones de viviendas\n2.5 % más de riego" },
  { "plain text, tidied", "PUESTOS  DE SALUD\t ABASTECIDOS  \n", NULL,
    "PUESTOS DE SALUD ABASTECIDOS" },
  { "blank lines, tidied", "Uno\n\n\n\nDos   \n\n", NULL, "Uno\n\nDos" },
  { "Word bullets, one item", "¿\tSolo una meta", NULL, "• Solo una meta" },
  { "empty markers are no items", "1.\n2. Agua", NULL, "1.\n2. Agua" },
  { "empty", "", NULL, "" },
  { "carriage returns", "1. Uno\r\n2. Dos\r\n", NULL, "Uno|Dos" },
};

static void
test_split (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (split_cases); i++)
    {
      const SplitCase *c = &split_cases[i];
      g_autoptr(VigiaCellItems) items = vigia_cell_items_split (c->cell);
      /* g_strsplit() makes no field of "": an empty cell is one empty item. */
      g_auto(GStrv) expected = *c->items != '\0' ? g_strsplit (c->items, "|", -1)
                                                  : g_strdupv ((char *[]) { (char *) "", NULL });

      g_test_message ("%s: “%s”", c->name, c->cell);
      g_assert_cmpstr (items->heading, ==, c->heading);
      g_assert_cmpuint (items->items->len, ==, g_strv_length (expected));
      for (guint j = 0; j < items->items->len; j++)
        g_assert_cmpstr (g_ptr_array_index (items->items, j), ==, expected[j]);
    }
}

static void
test_split_null (void)
{
  g_autoptr(VigiaCellItems) items = vigia_cell_items_split (NULL);

  g_assert_null (items->heading);
  g_assert_cmpuint (items->items->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (items->items, 0), ==, "");
}

static void
test_tidy (void)
{
  g_autofree char *none = vigia_cell_tidy (NULL);

  static const struct {
    const char *text;
    const char *tidy;
  } cases[] = {
    { "  a\tb  ", "a b" },
    { "a\n \n\t\nb", "a\n\nb" },
    { "¿\tUna meta\n¿ Otra", "• Una meta\n• Otra" },
    { "¿Hay agua?", "¿Hay agua?" },
    { "Texto ¿\tcon viñeta", "Texto ¿ con viñeta" },
    { "a\xc2\xa0\xc2\xa0" "b", "a b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tidy = vigia_cell_tidy (cases[i].text);

      g_assert_cmpstr (tidy, ==, cases[i].tidy);
    }
  g_assert_cmpstr (none, ==, "");
}

/* The JNE keeps 1,500 characters of a cell: a cell that long that stops
 * mid-word was cut; one that ends a sentence, or is shorter, was not. */
static void
test_cut (void)
{
  g_autoptr(GString) long_cell = g_string_new (NULL);
  g_autofree char *ended = NULL;
  g_autofree char *closed = NULL;

  while (g_utf8_strlen (long_cell->str, -1) < VIGIA_CELL_LIMIT - 4)
    g_string_append (long_cell, "CONSTRUCCIÓN DE LOSAS ");
  g_string_append (long_cell, "INTE");
  g_assert_true (vigia_cell_is_cut (long_cell->str));

  ended = g_strconcat (long_cell->str, "RIORES.", NULL);
  g_assert_false (vigia_cell_is_cut (ended));
  closed = g_strconcat (long_cell->str, " (ETC.)", NULL);
  g_assert_false (vigia_cell_is_cut (closed));
  g_assert_false (vigia_cell_is_cut ("CONSTRUCCIÓN DE LOSAS INTE"));
  g_assert_false (vigia_cell_is_cut (NULL));
}

/* A row whose meta lists its targets, the last cut by the JNE: one goal,
 * a target an item, the cut one left for a person to read. */
static void
test_row_of_targets (void)
{
  g_autoptr(VigiaDimension) dim = vigia_dimension_new (VIGIA_DIMENSION_KIND_SOCIAL, NULL);
  g_autoptr(GString) meta = g_string_new ("- 80% DE CALLES ILUMINADAS\n- 5 PARQUES NUEVOS\n- ");
  const char *cells[4] = { "CALLES OSCURAS", "ILUMINAR EL DISTRITO", "CALLES ILUMINADAS", NULL };
  VigiaGoal *goal;

  while (g_utf8_strlen (meta->str, -1) < VIGIA_CELL_LIMIT - 3)
    g_string_append (meta, "300 POSTES ");
  g_string_append (meta, "LED");
  cells[3] = meta->str;

  g_assert_cmpuint (vigia_dimension_add_row (dim, cells), ==, 1);
  goal = vigia_dimension_get_goal (dim, 0);
  g_assert_cmpuint (vigia_goal_get_n_targets (goal), ==, 3);
  g_assert_cmpstr (vigia_target_get_text (vigia_goal_get_target (goal, 0)), ==, "80% DE CALLES ILUMINADAS");
  g_assert_cmpint (vigia_target_get_reading (vigia_goal_get_target (goal, 0)), ==, VIGIA_READING_AUTOMATIC);
  g_assert_cmpfloat (vigia_target_get_value (vigia_goal_get_target (goal, 1)), ==, 5);
  g_assert_cmpint (vigia_target_get_reading (vigia_goal_get_target (goal, 2)), ==, VIGIA_READING_NEEDS_REVIEW);
  g_assert_true (g_str_has_suffix (vigia_target_get_text (vigia_goal_get_target (goal, 2)), "POSTES LED"));
  g_assert_cmpstr (vigia_goal_get_source_cells (goal)[3], ==, meta->str);
}

/* The lines a cell is cut into, whatever ends them: what the regular
 * expression "\r\n|\r|\n" gave before, compared on every case. */
static void
test_lines (void)
{
  static const char *texts[] = {
    "", "a", "a\n", "\n", "\n\n", "a\r\nb", "a\rb\nc\r\n", "\r\r\n\n", "a\n\rb",
    "ÁREA 1\r\n• 8 %\r\n\r\n", "sin fin de línea",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto(GStrv) expected = g_regex_split_simple ("\\r\\n|\\r|\\n", texts[i], 0, 0);
      g_auto(GStrv) lines = vigia_str_split_lines (texts[i]);

      g_assert_cmpstrv (lines, expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cell-items/split", test_split);
  g_test_add_func ("/cell-items/split-null", test_split_null);
  g_test_add_func ("/cell-items/tidy", test_tidy);
  g_test_add_func ("/cell-items/lines", test_lines);
  g_test_add_func ("/cell-items/cut", test_cut);
  g_test_add_func ("/cell-items/row-of-targets", test_row_of_targets);

  return g_test_run ();
}
