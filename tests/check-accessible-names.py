#!/usr/bin/env python3
# check-accessible-names.py: every control a screen reader reaches has a name in Spanish
#
# Copyright 2026 The Vigía developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Orca reads the application through AT-SPI, so this reads it the same way:
# it starts vigia in Spanish on a library of the sample plan and, on each
# main screen (the list, the General tab, a dimension, Avance, Compare
# Plans), goes through it with Tab as a user of Orca does, noting every
# control that takes the keyboard.  It fails on any whose name is empty, a
# GTK type name, English, doubled ("Visión Visión") or shows a mnemonic's
# underscore.
#
# Usage: check-accessible-names.py VIGIA VIGIA_CLI PO_FILE SAMPLE_PLAN
# Run under an X server and a session bus of its own (run-ui-test.sh).

import os
import re
import subprocess
import sys
import tempfile

from vigia_atspi import KEY_0, App, Atspi, alt, click, find, listen_to_focus, reach

# Parts of a control that Orca reads as its container, not as a control.
CONTAINER_ROLES = {'scroll pane', 'panel', 'filler', 'scroll bar', 'viewport', 'separator'}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Vigia)[A-Z][A-Za-z]+$')


def read_po(path):
    """The English texts whose Spanish differs, and the Spanish ones."""
    english, spanish = set(), set()
    msgid = msgstr = None
    state = None

    def flush():
        if msgid and msgstr and msgid != msgstr:
            english.add(msgid.replace('_', ''))
            spanish.add(msgstr)

    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('msgid '):
            flush()
            msgid, msgstr, state = eval(line[6:]), None, 'id'
        elif line.startswith('msgstr '):
            msgstr, state = eval(line[7:]), 'str'
        elif line.startswith('"') and state == 'id':
            msgid += eval(line)
        elif line.startswith('"') and state == 'str':
            msgstr += eval(line)
        elif not line.strip():
            state = None
    flush()
    return english - spanish, spanish


def problems(screen, reached, english, spanish, expected):
    found = [f'{screen}: the keyboard never reached “{name}”'
             for name in expected if name not in {n for _, n, _, _, _ in reached}]
    places = {}
    mnemonics = {text for text in spanish if re.search(r'_\w', text)}
    if os.environ.get('VIGIA_A11Y_VERBOSE'):
        print(f'{screen}:', ', '.join(f'{role} “{name}”' for role, name, _, _, _ in reached))
    for role, name, states, where, within in reached:
        if role in CONTAINER_ROLES or not states.contains(Atspi.StateType.SENSITIVE):
            continue
        text = name.strip()
        # Two controls that say the same cannot be told apart by ear.
        places.setdefault((within, role, text), set()).add(where)
        if text and len(places[(within, role, text)]) == 2:
            found.append(f'{screen}: two controls are both a {role} “{text}”')
        if not text:
            found.append(f'{screen}: a {role} without a name')
        elif TYPE_NAME.match(text):
            found.append(f'{screen}: a {role} named after its type, “{text}”')
        elif any(mnemonic in text for mnemonic in mnemonics):
            found.append(f'{screen}: a {role} whose name shows a mnemonic: “{text}”')
        elif text in english:
            found.append(f'{screen}: a {role} named in English: “{text}”')
        else:
            words = text.replace('_', '').split(' ')
            half = len(words) // 2
            if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
                found.append(f'{screen}: a {role} whose name is said twice: “{text}”')
    return found


def main():
    vigia, cli, po, sample = sys.argv[1:5]
    english, spanish = read_po(po)
    found = []
    listener = listen_to_focus()

    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, 'empty.sqlite')
        with App(vigia, empty, tmp):
            found += problems('an empty library', reach(8), english, spanish, ['Importar un plan…'])

        library = os.path.join(tmp, 'library.sqlite')
        env = dict(os.environ, LC_ALL='C.UTF-8', VIGIA_USER='Prueba')
        subprocess.run([cli, '--library', library, 'import', '--place', 'PUNO', sample],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        for target, period, value in (('1:social:1', '2027-S1', '35'), ('1:social:2', '2027-S1', '28'),
                                      ('1:social:1', '2027-S2', '33')):
            subprocess.run([cli, '--library', library, 'progress', 'set', target, period, value],
                           check=True, env=env, stdout=subprocess.DEVNULL)

        with App(vigia, library, tmp) as app:
            found += problems('the list of plans', reach(12), english, spanish,
                              ['MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO'])

            row = find(app, 'list item', contains='ALTIPLANO') or find(app, 'list item')
            click(row)
            found += problems('General', reach(70), english, spanish, ['Visión', 'Primer año del periodo'])
            # Alt+2 and Alt+6, the keys of the second and sixth tabs.
            for tab, digit, presses, expected in (
                    ('Social', 2, 40, ['Editar la propuesta 1', 'Menú de la propuesta 2']),
                    ('Avance', 6, 70, ['Social, propuesta 1, 1.er semestre 2027',
                                       'Económica, propuesta 1, 1.er semestre 2027',
                                       'Propuesta 1: Bajar la anemia de los menores de tres años con controles '
                                       'de crecimiento, hierro y visitas a los hogares.'])):
                alt(KEY_0 + digit)
                found += problems(tab, reach(presses), english, spanish, expected)

            click(find(app, 'push button', 'Comparar planes'))
            found += problems('Comparar planes', reach(20), english, spanish,
                              ['MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO'])

    listener.deregister('object:state-changed:focused')
    for line in sorted(set(found)):
        print(line)
    print(f'{len(set(found))} controls without a good Spanish name')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
