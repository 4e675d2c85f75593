"""Opening the main window in a test, as a user would see it: shown, loaded, the text focused."""

from __future__ import annotations

from annotator.gui.annotate.main_window import MainWindow
from annotator.gui.common.settings import GuiSettings

OWNER = "anna"


def make_window(qtbot, workspace, runner, **settings) -> MainWindow:
    window = MainWindow(workspace, GuiSettings(annotator=OWNER, **settings), runner)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    assert runner.wait()
    assert window.document is not None
    window.view.setFocus()
    return window
