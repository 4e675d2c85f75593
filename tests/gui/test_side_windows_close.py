"""Esc and Ctrl+W close every side window of the annotation window, and the text has the keys again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.model import Role
from annotator.services import users
from tests.gui.windows import make_window

CTRL = Qt.KeyboardModifier.ControlModifier


def opened(window, runner, name: str):
    if name == "scheme_editor":
        window.open_scheme_editor()
        assert runner.wait()
        return window.scheme_editor
    if name == "cheat_sheet":
        return window.show_cheat_sheet()
    if name == "about":
        return window.show_about()
    if name == "preferences":
        return window.open_preferences()
    if name == "dashboard":
        dialog = window.open_dashboard()
        assert runner.wait()
        return dialog
    if name == "team_notes":
        dialog = window.open_team_notes()
        assert runner.wait()
        return dialog
    if name == "import":
        return window.open_import_dialog()
    if name == "export":
        return window.open_export_dialog()
    raise KeyError(name)


SIDE_WINDOWS = ("scheme_editor", "cheat_sheet", "about", "preferences", "dashboard", "team_notes", "import",
                "export")


@pytest.mark.parametrize("name", SIDE_WINDOWS)
@pytest.mark.parametrize("key", ["Esc", "Ctrl+W"])
def test_a_key_closes_the_side_window_and_the_text_has_the_keys(qtbot, gui_workspace, runner, name, key):
    users.add_user(gui_workspace, "anna", Role.CURATOR)
    window = make_window(qtbot, gui_workspace, runner)
    dialog = opened(window, runner, name)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    target = QApplication.focusWidget() or dialog
    if key == "Esc":
        qtbot.keyClick(target, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(target, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=3000)
    assert runner.wait()


def test_file_quit_is_in_the_file_menu(qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert window.actions_by_name["quit"] in file_menu.actions()
    assert window.actions_by_name["quit"].shortcut().toString() == "Ctrl+Q"
