#!/bin/sh
# Runs one GTK test on its own X server and session bus, as the ui suite needs.
set -e
if [ -n "${VIGIA_TEST_DISPLAY_READY:-}" ]; then
  exec "$@"
fi
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: build-aux/dev setup installs it" >&2; exit 1; }
command -v dbus-run-session >/dev/null || { echo "dbus-run-session is missing" >&2; exit 1; }
export VIGIA_TEST_DISPLAY_READY=1
exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" dbus-run-session -- "$@"
