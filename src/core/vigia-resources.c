/* vigia-resources.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resource is registered by hand rather than by a constructor: in a
 * static library an object file that nothing calls is left out by the
 * linker, constructor and all.
 */
#define G_LOG_DOMAIN "vigia-resources"

#include "config.h"

#include "vigia-core-resources.h"
#include "vigia-resources.h"

void
vigia_core_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      vigia_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static GFile *
resource_file (const char *path)
{
  g_autofree char *uri = NULL;

  vigia_core_ensure_resources ();
  uri = g_strconcat ("resource://" VIGIA_CORE_RESOURCE_PATH "/", path, NULL);
  return g_file_new_for_uri (uri);
}

/**
 * vigia_sample_plan_file:
 *
 * Returns: (transfer full): the DECLARA summary shipped with Vigía (Juntos
 *   por el Perú, Independencia, ERM 2022), for "Open the sample plan"
 */
GFile *
vigia_sample_plan_file (void)
{
  return resource_file ("samples/erm2022-lima-independencia-juntos-por-el-peru.txt");
}

/**
 * vigia_sample_jne_file:
 *
 * Returns: (transfer full): the JNE Voto Informado JSON sample (Ahora
 *   Nación, regional plan for Puno, ERM 2026), which names no place or term
 */
GFile *
vigia_sample_jne_file (void)
{
  return resource_file ("samples/erm2026-regional-ejemplo.json");
}

/**
 * vigia_plans_schema_file:
 *
 * Returns: (transfer full): the JSON Schema of the exchange format
 */
GFile *
vigia_plans_schema_file (void)
{
  return resource_file ("vigia-plans.schema.json");
}
