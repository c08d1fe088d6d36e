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
import signal
import subprocess
import sys
import tempfile
import time
import warnings

# libatspi warns of applications that come and go on the bus, which the
# tests' fatal warnings would make a crash; neither it nor GTK's own
# accessibility warnings are what this checks.
if 'G_DEBUG' in os.environ:
    del os.environ['G_DEBUG']
    os.execv(sys.executable, [sys.executable] + sys.argv)

import gi  # noqa: E402

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

# PyGObject calls the interface getters deprecated; they are the API 2.46 has.
warnings.simplefilter('ignore', DeprecationWarning)

# Parts of a control that Orca reads as its container, not as a control.
CONTAINER_ROLES = {'scroll pane', 'panel', 'filler', 'scroll bar', 'viewport', 'separator'}
LIST_ROLES = {'list', 'table', 'tree table', 'tree', 'list box', 'frame'}
KEY_TAB = 0xff09
KEY_0 = 0x30
ALT_MASK = 1 << 3
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


def find_app(name, process):
    for _ in range(120):
        if process.poll() is not None:
            sys.exit(f'vigia ended before it showed: exit {process.returncode}')
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name and app.get_child_count() > 0:
                return app
        time.sleep(0.25)
    sys.exit('vigia never showed up on the accessibility bus')


def extents(node):
    component = node.get_component_iface()
    if component is None:
        return None
    box = component.get_extents(Atspi.CoordType.WINDOW)
    return box if box.width > 0 and box.height > 0 else None


def walk(node, path=()):
    """Every node on screen, with the roles and names of the nodes above it."""
    try:
        role = node.get_role_name()
        name = node.get_name() or ''
    except gi.repository.GLib.Error:
        return
    # A stack's pages have no size of their own: what is on screen is told
    # by the size of each node, not of its parents.
    if extents(node) is not None:
        yield node, role, name, path
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, path + ((node, role, name),))


def find(app, role, name=None, contains=None):
    for node, node_role, node_name, _ in walk(app):
        if node_role == role and (name is None or node_name == name) and \
           (contains is None or contains in node_name):
            return node
    return None


def click(node):
    """A click on @node: without a window manager, the window is at the
    screen's corner, and GTK gives positions within the window only."""
    box = extents(node)
    Atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, 'b1c')
    pump(1.5)


FOCUSED = []


def on_focus(event):
    if event.detail1 == 1:
        FOCUSED.append(event.source)


def pump(seconds):
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        context.iteration(False)
        time.sleep(0.005)


def press(keyval, times=1):
    for _ in range(times):
        Atspi.generate_keyboard_event(keyval, None, Atspi.KeySynthType.SYM)
        pump(0.08)


def alt(keyval):
    """@keyval with Alt held down."""
    Atspi.generate_keyboard_event(ALT_MASK, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keyval, None, Atspi.KeySynthType.SYM)
    Atspi.generate_keyboard_event(ALT_MASK, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    pump(1)


def reach(presses):
    """The controls the keyboard goes to in @presses presses of Tab."""
    FOCUSED.clear()
    press(KEY_TAB, presses)
    reached = []
    for node in FOCUSED:
        try:
            reached.append((node.get_role_name(), node.get_name() or '', node.get_state_set(), place(node),
                            place(scope(node))))
        except GLib.Error:
            pass
    return reached


def scope(node):
    """The list or table @node is in, where its name must be its own."""
    parent = node.get_parent()
    while parent is not None and parent.get_role_name() not in LIST_ROLES:
        parent = parent.get_parent()
    return parent


def place(node):
    """Where @node is in the tree: which control it is, whatever its name."""
    indices = []
    while node is not None and len(indices) < 64:
        indices.append(node.get_index_in_parent())
        node = node.get_parent()
    return tuple(indices)


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


class App:
    """vigia in Spanish on @library, as long as the with block lasts."""

    def __init__(self, vigia, library, tmp):
        env = dict(os.environ, LANGUAGE='es', LC_ALL='es_PE.UTF-8', GTK_A11Y='atspi',
                   XDG_DATA_HOME=os.path.join(tmp, 'data'), XDG_CONFIG_HOME=os.path.join(tmp, 'config'))
        env.pop('NO_AT_BRIDGE', None)
        self.process = subprocess.Popen([vigia, '--library', library], env=env)

    def __enter__(self):
        app = find_app('vigia', self.process)
        pump(2)
        return app

    def __exit__(self, *args):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main():
    vigia, cli, po, sample = sys.argv[1:5]
    english, spanish = read_po(po)
    found = []
    listener = Atspi.EventListener.new(on_focus)
    listener.register('object:state-changed:focused')

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
                                       'Económica, propuesta 1, 1.er semestre 2027'])):
                alt(KEY_0 + digit)
                found += problems(tab, reach(presses), english, spanish, expected)

            click(find(app, 'push button', 'Comparar planes'))
            found += problems('Comparar planes', reach(20), english, spanish,
                              ['MOVIMIENTO REGIONAL ALTIPLANO DE EJEMPLO'])

    for line in sorted(set(found)):
        print(line)
    print(f'{len(set(found))} controls without a good Spanish name')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
