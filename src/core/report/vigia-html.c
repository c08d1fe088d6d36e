/* vigia-html.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report's web page and the published site write every text of a plan
 * through these: a plan imported from anywhere may hold markup or a
 * "javascript:" address, and must show it as text.
 */
#include "config.h"

#include <string.h>

#include "vigia-html.h"

/**
 * vigia_html_append_escaped:
 *
 * Appends @text for an element or a quoted attribute.  Invalid UTF-8 is
 * repaired, and the control characters that HTML forbids are dropped.
 */
void
vigia_html_append_escaped (GString    *out,
                           const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':  g_string_append (out, "&amp;"); break;
        case '<':  g_string_append (out, "&lt;"); break;
        case '>':  g_string_append (out, "&gt;"); break;
        case '"':  g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\t':
        case '\n':
          g_string_append_c (out, *p);
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
}

/**
 * vigia_html_is_safe_link:
 *
 * Returns: whether @uri may become a link: an address of the web or of
 *   mail, or a place in the same page ("#goal-2")
 */
gboolean
vigia_html_is_safe_link (const char *uri)
{
  const char *scheme;

  if (uri == NULL)
    return FALSE;
  if (uri[0] == '#')
    return uri[1] != '\0' && strpbrk (uri, "\"'<> \t\n") == NULL;

  scheme = g_uri_peek_scheme (uri);
  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") ||
                            g_str_equal (scheme, "mailto"));
}
