"""After a dialog (a real, modal one, answered by a key), the text has the keys again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.test_curation_window import open_window, team  # noqa: F401  (fixture)
from tests.gui.windows import make_window

REAL_QUESTION = QMessageBox.question  # the test suite's fixture answers for the user; here a key does


def answer_with(qtbot, key) -> None:
    """Press ``key`` in the modal dialog that is about to open."""
    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, press)
            return
        qtbot.keyClick(dialog.focusWidget() or dialog, key)

    QTimer.singleShot(20, press)


def test_the_note_dialog_gives_the_keys_back_to_the_text(qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner)
    window.claim_panel.setFocus()  # the keys were elsewhere before: they go to the text after
    answer_with(qtbot, Qt.Key.Key_Escape)  # the real note dialog (Ctrl+N), closed with Esc
    window.note_actions.add_note()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)


def test_the_curated_question_gives_the_keys_back_to_the_gold_lane(qtbot, team, runner, monkeypatch):  # noqa: F811
    monkeypatch.setattr(QMessageBox, "question", REAL_QUESTION)
    window = open_window(qtbot, team, runner, "cora")
    window.disagreement_list.setFocus()
    answer_with(qtbot, Qt.Key.Key_Escape)  # "No": gold stays as it is
    window.mark_curated()
    assert runner.wait()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    assert window.state.gold is None or window.state.gold.status != "curated"
