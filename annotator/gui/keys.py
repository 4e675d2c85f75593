"""The key map as data: action name -> key sequence and a translatable description.

The window builds its actions from :data:`KEY_MAP` and the scheme's label
hotkeys (:func:`label_bindings`); the F1 cheat sheet lists the same entries, so
the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, \
    QWidget

from annotator.domain.scheme import Scheme

CONTEXT = "Keys"  # lupdate reads only literals: the tables below spell it out


@dataclass(frozen=True, slots=True)
class KeyBinding:
    action: str  # the action's name, e.g. "undo"
    keys: tuple[str, ...]  # QKeySequence texts (portable form); the first is the main one
    description: str  # English source text, translated in CONTEXT when shown

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(k) for k in self.keys]

    def translated(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.description)

    def key_text(self) -> str:
        return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in self.keys)


KEY_MAP: tuple[KeyBinding, ...] = (
    KeyBinding("import", ("Ctrl+I",), QT_TRANSLATE_NOOP("Keys", "Import…")),
    KeyBinding("export", ("Ctrl+E",), QT_TRANSLATE_NOOP("Keys", "Export…")),
    KeyBinding("remove_span", ("Delete",), QT_TRANSLATE_NOOP("Keys", "Remove the span under the caret")),
    KeyBinding("undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("Keys", "Undo your last action")),
    KeyBinding("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("Keys", "Redo")),
    KeyBinding("next_span", ("Tab",), QT_TRANSLATE_NOOP("Keys", "Go to the next span")),
    KeyBinding("previous_span", ("Shift+Tab",), QT_TRANSLATE_NOOP("Keys", "Go to the previous span")),
    KeyBinding("next_document", ("Ctrl+PgDown",), QT_TRANSLATE_NOOP("Keys", "Next document")),
    KeyBinding("previous_document", ("Ctrl+PgUp",), QT_TRANSLATE_NOOP("Keys", "Previous document")),
    KeyBinding("mark_done", ("Ctrl+Return",), QT_TRANSLATE_NOOP("Keys", "Mark the document done")),
    KeyBinding("toggle_snap", ("Ctrl+T",), QT_TRANSLATE_NOOP("Keys", "Snap selections to whole tokens (on/off)")),
    KeyBinding("cheat_sheet", ("F1",), QT_TRANSLATE_NOOP("Keys", "Show this list of keys")),
)

# Actions that are switches: checkable, their handler gets the new state.
TOGGLES = frozenset({"toggle_snap"})

# Caret keys the document view handles itself (listed on the cheat sheet only).
CARET_KEYS: tuple[KeyBinding, ...] = (
    KeyBinding("caret_next_token", ("Right",), QT_TRANSLATE_NOOP("Keys", "Caret to the next token")),
    KeyBinding("caret_previous_token", ("Left",), QT_TRANSLATE_NOOP("Keys", "Caret to the previous token")),
    KeyBinding("extend_next_token", ("Shift+Right",), QT_TRANSLATE_NOOP("Keys", "Extend the selection by a token")),
    KeyBinding("shrink_previous_token", ("Shift+Left",),
               QT_TRANSLATE_NOOP("Keys", "Extend the selection back by a token")),
)

LABEL_DESCRIPTION = QT_TRANSLATE_NOOP("Keys", "Label the selection (or the span under the caret) as %1")


def label_action(label: str) -> str:
    return f"label:{label}"


def label_bindings(scheme: Scheme) -> list[KeyBinding]:
    """One binding per entity label that has a hotkey ("1".."0", "R")."""
    return [KeyBinding(label_action(e.name), (e.hotkey.upper(),), LABEL_DESCRIPTION)
            for e in scheme.entities if e.hotkey]


def binding(action: str, bindings: Iterable[KeyBinding] = KEY_MAP) -> KeyBinding:
    for item in bindings:
        if item.action == action:
            return item
    raise KeyError(action)


def describe(item: KeyBinding) -> str:
    text = item.translated()
    if item.action.startswith("label:"):
        text = text.replace("%1", item.action.split(":", 1)[1])
    return text


class CheatSheet(QDialog):
    """F1: every key the window knows, from the same data the actions are built from."""

    def __init__(self, bindings: Sequence[KeyBinding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keys"))
        self.table = QTableWidget(len(bindings), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, item in enumerate(bindings):
            key = QTableWidgetItem(item.key_text())
            key.setData(Qt.ItemDataRole.UserRole, item.action)
            self.table.setItem(row, 0, key)
            self.table.setItem(row, 1, QTableWidgetItem(describe(item)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 480)

    def actions_listed(self) -> list[str]:
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.table.rowCount())]
