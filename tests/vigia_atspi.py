# vigia_atspi.py: vigia driven as a person with a screen reader drives it
#
# Copyright 2026 The Vigía developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What check-accessible-names.py and check-keyboard-only.py share: vigia
# started in Spanish with the accessibility bus on, keys and clicks sent as
# the X server's (XTest, through AT-SPI), and the controls the keyboard goes
# to, as a screen reader hears of them.  Run under an X server and a session
# bus of their own (run-ui-test.sh).

import os
import signal
import subprocess
import sys
import time
import warnings

# libatspi warns of applications that come and go on the bus, which the
# tests' fatal warnings would make a crash; neither it nor GTK's own
# accessibility warnings are what these check.
if 'G_DEBUG' in os.environ:
    del os.environ['G_DEBUG']
    os.execv(sys.executable, [sys.executable] + sys.argv)

import gi  # noqa: E402

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

# PyGObject calls the interface getters deprecated; they are the API 2.46 has.
warnings.simplefilter('ignore', DeprecationWarning)

LIST_ROLES = {'list', 'table', 'tree table', 'tree', 'list box', 'frame'}
KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_ESCAPE = 0xff1b
KEY_0 = 0x30
ALT_MASK = 1 << 3
CONTROL_MASK = 1 << 2


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


def with_modifier(mask, keyval):
    """@keyval with the modifier @mask held down."""
    Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keyval, None, Atspi.KeySynthType.SYM)
    Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    pump(1)


def alt(keyval):
    with_modifier(ALT_MASK, keyval)


def control(keyval):
    with_modifier(CONTROL_MASK, keyval)


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


def type_text(text):
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
    pump(0.3)


def listen_to_focus():
    """Keeps what the keyboard goes to in FOCUSED; the listener must be kept."""
    listener = Atspi.EventListener.new(on_focus)
    listener.register('object:state-changed:focused')
    return listener


class App:
    """vigia in Spanish on @library, as long as the with block lasts."""

    def __init__(self, vigia, library, tmp, home=None):
        env = dict(os.environ, LANGUAGE='es', LC_ALL='es_PE.UTF-8', GTK_A11Y='atspi',
                   XDG_DATA_HOME=os.path.join(tmp, 'data'), XDG_CONFIG_HOME=os.path.join(tmp, 'config'))
        if home is not None:
            env['HOME'] = home
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


