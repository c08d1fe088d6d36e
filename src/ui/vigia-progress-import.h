/* vigia-progress-import.h: Import Progress… in the application
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigia-core.h"

G_BEGIN_DECLS

void       vigia_progress_import_choose (GtkWindow    *parent,
                                         VigiaLibrary *library);

G_END_DECLS
