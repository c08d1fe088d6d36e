/* vigia-jne-reader.h: reads a plan as the JNE's Voto Informado data carries it
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-jne-list.h"
#include "vigia-plan.h"

G_BEGIN_DECLS

VigiaPlan *vigia_jne_read (const guint8  *data,
                           gsize          length,
                           const char    *name,
                           gboolean      *election_known,
                           VigiaJneList **own_list,
                           GError       **error);
char      *vigia_jne_process_from_file_number (const char *number);

G_END_DECLS
