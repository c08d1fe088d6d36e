#!/usr/bin/env python3
# check-keyboard-only.py: from an empty library to a report, with the keyboard alone
#
# Copyright 2026 The Vigía developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A planning officer who does not use the mouse: vigia in Spanish on an
# empty library; Tab to "Abrir el plan de ejemplo" and Enter; Alt+6 to the
# Avance tab; Tab to the first goal's first semester, type its figure and
# Enter; Escape; Ctrl+E and Enter to export the report.  Then the library
# holds the figure and the report is in the home folder, a PDF.  Each step
# waits for the control it needs to have the keyboard, and says which one
# it never reached.
#
# Usage: check-keyboard-only.py VIGIA VIGIA_CLI
# Run under an X server and a session bus of its own (run-ui-test.sh).

import glob
import os
import subprocess
import sys
import tempfile

from vigia_atspi import (FOCUSED, KEY_0, KEY_ESCAPE, KEY_RETURN, KEY_TAB, App, Atspi, GLib, alt, control,
                         listen_to_focus, press, pump, type_text, walk)


def focused_name():
    for node in reversed(FOCUSED):
        try:
            return node.get_name() or ''
        except GLib.Error:
            continue
    return ''


def has_focus(app, role, name):
    for node, node_role, node_name, _ in walk(app):
        if node_role == role and node_name == name and node.get_state_set().contains(Atspi.StateType.FOCUSED):
            return True
    return False


def tab_to(name, limit=60):
    """Tab until the control named @name (its beginning) has the keyboard.
    Each key waits for the news of where the keyboard went, which comes
    late over the bus."""
    for _ in range(limit):
        if focused_name().startswith(name):
            return
        press(KEY_TAB)
        pump(0.25)
    names = []
    for node in FOCUSED[-limit:]:
        try:
            names.append(node.get_name())
        except GLib.Error:
            pass
    sys.exit(f"the keyboard never reached “{name}” with Tab; it went to {names}")


def main():
    vigia, cli = sys.argv[1:3]
    listener = listen_to_focus()

    with tempfile.TemporaryDirectory() as tmp:
        home = os.path.join(tmp, 'home')
        os.makedirs(home)
        library = os.path.join(tmp, 'library.sqlite')

        with App(vigia, library, tmp, home=home) as app:
            tab_to('Abrir el plan de ejemplo')
            press(KEY_RETURN)
            pump(2)

            # The sample plan has four dimensions: Avance is the sixth tab.
            alt(KEY_0 + 6)
            tab_to('Social, propuesta 1, 1.er semestre 2023')
            type_text('5')
            press(KEY_RETURN)
            pump(1)
            press(KEY_ESCAPE)
            pump(1)

            control(ord('e'))
            # A window's first focus is not news on the bus: asked instead.
            for _ in range(20):
                if has_focus(app, 'push button', 'Exportar'):
                    break
                pump(0.25)
            else:
                sys.exit('the export dialog did not open with the keyboard on Exportar')
            press(KEY_RETURN)
            pump(3)

        reports = glob.glob(os.path.join(home, 'informe-*.pdf'))
        if len(reports) != 1:
            sys.exit(f'no report was exported to the home folder: {os.listdir(home)}')
        with open(reports[0], 'rb') as report:
            if report.read(5) != b'%PDF-':
                sys.exit(f'{reports[0]} is not a PDF')

        env = dict(os.environ, LC_ALL='C.UTF-8')
        assessed = subprocess.run([cli, '--library', library, 'assess', '1', '--period', '2023-S1'],
                                  env=env, capture_output=True, text=True, check=True).stdout
        if '5 (H1 2023)' not in assessed:
            sys.exit(f'the figure typed is not in the library:\n{assessed}')

    listener.deregister('object:state-changed:focused')
    print(f'recorded and exported by keyboard alone: {os.path.basename(reports[0])}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
