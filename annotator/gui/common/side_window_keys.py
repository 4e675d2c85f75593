"""What every side window of the annotation window shares: Esc and Ctrl+W close it, and the text of the
window it came from has the keys again once it is gone (the user goes on typing labels)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog

CLOSE_KEYS = ("Ctrl+W",)  # Esc is every QDialog's own (reject)
_MARK = "annotator_side_window"


def side_window(dialog: QDialog, back_to_text: Callable[[], None]) -> QDialog:
    """Give ``dialog`` Ctrl+W (as Esc: the dialog's own reject, so a dialog that asks before closing
    still asks) and focus back to the text when it finishes. Once per dialog."""
    if dialog.property(_MARK):
        return dialog
    dialog.setProperty(_MARK, True)
    for key in CLOSE_KEYS:
        shortcut = QShortcut(QKeySequence(key), dialog)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(dialog.reject)
    dialog.finished.connect(lambda _result: back_to_text())
    return dialog
