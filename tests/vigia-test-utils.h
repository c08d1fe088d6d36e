/* vigia-test-utils.h: what the tests share
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigia-core.h"

G_BEGIN_DECLS

char      *vigia_test_make_dir        (void);
void       vigia_test_remove_dir      (const char *path);
char      *vigia_test_checksum_file   (const char *path);
VigiaPlan *vigia_test_make_plan       (const char *organization,
                                       const char *district,
                                       guint       n_goals_per_dimension);
VigiaLibrary *vigia_test_open_library (const char *dir,
                                       const char *name);
char      *vigia_test_fixture_path    (const char *name);
void       vigia_test_set_language    (const char *language);

G_END_DECLS
