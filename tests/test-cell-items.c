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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cell-items/split", test_split);
  g_test_add_func ("/cell-items/split-null", test_split_null);
  g_test_add_func ("/cell-items/tidy", test_tidy);

  return g_test_run ();
}
