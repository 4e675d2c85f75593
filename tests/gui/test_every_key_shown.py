"""Every key the cheat sheet shows does what it says when pressed as shown; a letter shown as a capital
("R") works with Shift too unless Shift+letter is a key of its own (Shift+W)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from annotator.gui.common.keys import CARET_KEYS
from tests.gui.test_curation_window import open_window, team  # noqa: F401  (fixture)
from tests.gui.windows import make_window

SHIFT = Qt.KeyboardModifier.ShiftModifier


def recorded(window) -> list[str]:
    """Every action of the window reports its name instead of acting (a key must not quit the test)."""
    fired: list[str] = []
    for name, action in window.actions_by_name.items():
        action.triggered.disconnect()
        if action.isCheckable():
            action.toggled.disconnect()
        action.setEnabled(True)  # undo with nothing to undo is switched off, not broken
        action.triggered.connect(lambda *_args, n=name: fired.append(n))
    return fired


def shown_keys(window) -> list[tuple[str, str]]:
    """(action, key) as the cheat sheet lists them, caret keys aside (the view's own)."""
    sheet = window.show_cheat_sheet()
    caret = {b.action for b in CARET_KEYS}
    found = []
    for row, action in enumerate(sheet.actions_listed()):
        if action in caret:
            continue
        for key in sheet.table.item(row, 0).text().split(", "):
            found.append((action, key))
    sheet.close()
    return found


def press_sequence(qtbot, widget, key: str) -> None:
    combination = QKeySequence(key, QKeySequence.SequenceFormat.NativeText)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def check_every_key(qtbot, window, fired: list[str]) -> None:
    missing, shifted = [], []
    for action, key in shown_keys(window):
        fired.clear()
        window.view.setFocus()
        press_sequence(qtbot, window.view, key)
        if not fired or fired[0].split(":")[0] != action.split(":")[0]:  # Alt+1…9: accept_version:N
            missing.append((action, key, list(fired)))
        if len(key) == 1 and key.isalpha():
            fired.clear()
            qtbot.keyClick(window.view, QKeySequence(key)[0].key(), SHIFT)
            taken = any(QKeySequence(k).toString() == f"Shift+{key}" for _a, k in shown_keys(window))
            if not taken and fired != [action]:
                shifted.append((action, key, list(fired)))
    assert missing == [] and shifted == []


def test_every_key_of_the_annotation_window(qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner)
    fired = recorded(window)
    check_every_key(qtbot, window, fired)
    # the caret keys: the view's own
    view = window.view
    view.move_caret_core(0)
    press_sequence(qtbot, view, "Right")
    assert view.caret_core() > 0
    press_sequence(qtbot, view, "Shift+Right")
    assert view.selection_core() is not None


def test_every_key_of_the_curation_window(qtbot, team, runner):  # noqa: F811
    window = open_window(qtbot, team, runner, "cora")
    fired = recorded(window)
    check_every_key(qtbot, window, fired)


@pytest.mark.parametrize("letter", ["R"])
def test_shift_with_a_label_letter_labels(qtbot, gui_workspace, runner, letter):
    """The scheme's ROLE is "R": pressed with Shift (as the capital reads) it labels all the same."""
    window = make_window(qtbot, gui_workspace, runner)
    hotkeys = {e.hotkey.upper(): e.name for e in window.scheme.entities}
    if letter not in hotkeys:
        pytest.skip(f"the default scheme has no {letter} label")  # the scheme changed: pick another letter
    window.view.select_core(0, len("Касым-Жомарт"))
    qtbot.keyClick(window.view, QKeySequence(letter)[0].key(), SHIFT)
    assert runner.wait()
    assert [s.label for s in window.state.spans] == [hotkeys[letter]]
