"""The annotators' notes for the curator, and the small dialog an annotator writes one in.

:class:`NotesList` is a table, one note a row: the document, the annotator,
what the note is on ("Document", or the label with an excerpt of the covered
text: "PER «Касым-Жомарт Токаев»"), ⚑ when flagged unsure, and the note's
text. Each row's :class:`~annotator.domain.notes.Note` travels in its items'
data (never parsed back from the display text). Enter or a double-click emits
``note_activated(note)``; the window then shows that place.

:class:`NoteDialog` asks for a note: a text box and an "Unsure" check box; OK
stays disabled while both are empty (a note is a comment, a flag, or both).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.notes import Note, NoteTarget, target_excerpt
from annotator.gui.common.id_rows import ID_ROLE, IdRows

NOTE_ROLE = ID_ROLE  # every cell of a row holds its Note
FLAG = "⚑"
EXCERPT = 40  # characters of the covered text shown in the "On" column
TEXT_SHOWN = 120  # characters of a note's text shown in its cell (the tooltip has it all)
DOCUMENT, ANNOTATOR, ON, UNSURE, TEXT = range(5)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class NotesList(IdRows, QTableWidget):
    """Notes, one a row, in the order given (see the module doc)."""

    note_activated = Signal(object)  # the Note

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 5, parent)
        self.set_up_columns([self.tr("Document"), self.tr("Annotator"), self.tr("On"), self.tr("Unsure"),
                             self.tr("Note")], stretch=[TEXT])
        self._notes: list[Note] = []
        self.doubleClicked.connect(self._on_double_clicked)

    # ------------------------------------------------------------ contents
    def set_notes(self, notes: Sequence[Note], texts: Mapping[str, str] | None = None) -> None:
        """Show these notes; ``texts`` (document id -> text) gives the excerpts of span and claim notes.

        The note selected before stays selected when it is still there.
        """
        current = self.current_note()
        self._notes = list(notes)
        texts = texts or {}
        # Each cell holds its row's Note; a row is rewritten only when its note (or the excerpt) changed.
        rows = [(note, self._excerpt_of(note, texts.get(note.document_id))) for note in self._notes]
        self.blockSignals(True)
        try:
            self.show_rows(rows, lambda note, excerpt: self._cells(note, texts.get(note.document_id)))  # type: ignore[union-attr,arg-type]
        finally:
            self.blockSignals(False)
        self.select_note(current.id if current is not None else None)

    @staticmethod
    def _excerpt_of(note: Note, text: str | None) -> str | None:
        if text is None or note.target_start is None or note.target_end is None:
            return None
        return text[note.target_start:note.target_end]

    def _cells(self, note: Note, text: str | None) -> list[QTableWidgetItem]:
        document = QTableWidgetItem(note.document_id)
        annotator = QTableWidgetItem(note.owner)
        if note.author != note.owner:
            annotator.setToolTip(self.tr("Written by %1").replace("%1", note.author))
        on = QTableWidgetItem(self.on_text(note, text))
        if note.target_id is not None and text is not None and note.target_start is not None \
                and note.target_end is not None:
            on.setToolTip(text[note.target_start:note.target_end][:600])
        unsure = QTableWidgetItem(FLAG if note.unsure else "")
        unsure.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if note.unsure:
            unsure.setToolTip(self.tr("Flagged unsure"))
        shown = _one_line(note.text)
        body = QTableWidgetItem(shown if len(shown) <= TEXT_SHOWN else shown[:TEXT_SHOWN - 1] + "…")
        if note.text:
            body.setToolTip(note.text[:2000])
        return [document, annotator, on, unsure, body]

    def on_text(self, note: Note, text: str | None) -> str:
        """What the note is on, as the "On" column shows it."""
        if note.target_id is None:
            return self.tr("Document")
        if note.target_kind == NoteTarget.CLAIM.value:
            what = self.tr("%1 claim").replace("%1", note.target_label or "?")
        else:
            what = note.target_label or "?"
        shown = target_excerpt(note, text, EXCERPT)
        return what if shown is None else f"{what} «{shown}»"

    # ------------------------------------------------------------ reading, selecting
    def notes(self) -> list[Note]:
        return list(self._notes)

    def note_at(self, row: int) -> Note | None:
        cell = self.item(row, 0) if 0 <= row < self.rowCount() else None
        return None if cell is None else cell.data(NOTE_ROLE)

    def current_note(self) -> Note | None:
        return self.note_at(self.currentRow())

    @staticmethod
    def id_of(data: object) -> object:
        return data.id if isinstance(data, Note) else None

    def select_note(self, note_id: int | None) -> None:
        """Select (and scroll to) the note's row, or clear the selection; emits nothing."""
        self.select_id(note_id)

    # ------------------------------------------------------------ activation
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            note = self.current_note()
            if note is not None:
                self.note_activated.emit(note)
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        note = index.data(NOTE_ROLE)
        if note is not None:
            self.note_activated.emit(note)


class NoteDialog(QDialog):
    """Write (or change) a note: a text, an "Unsure" flag, or both; OK needs one of them.

    ``target`` is a line saying what the note is on ("PER «Токаев»"), shown above the text box.
    """

    def __init__(self, parent: QWidget | None = None, *, text: str = "", unsure: bool = False,
                 target: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        layout = QVBoxLayout(self)
        self.target_label = QLabel(self)
        self.target_label.setWordWrap(True)
        self.target_label.setTextFormat(Qt.TextFormat.PlainText)
        if target:
            self.target_label.setText(self.tr("On: %1").replace("%1", target))
        self.target_label.setVisible(bool(target))
        layout.addWidget(self.target_label)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(self.tr("What is unclear or worth a second look"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlainText(text)
        layout.addWidget(self.text_edit, 1)
        self.unsure_box = QCheckBox(self.tr("Unsure"), self)
        self.unsure_box.setToolTip(self.tr("Flag it for the curator: you are not sure of this annotation"))
        self.unsure_box.setChecked(unsure)
        layout.addWidget(self.unsure_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text_edit.textChanged.connect(self._update_ok)
        self.unsure_box.toggled.connect(self._update_ok)
        self._update_ok()
        self.text_edit.setFocus()
        # Enter writes a new line in the note; Ctrl+Enter saves it, without leaving the keyboard
        self.text_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.text_edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def note_text(self) -> str:
        """The text as written, without white space around it."""
        return self.text_edit.toPlainText().strip()

    def unsure(self) -> bool:
        return self.unsure_box.isChecked()

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _update_ok(self, *_args) -> None:
        self.ok_button().setEnabled(bool(self.note_text()) or self.unsure())

    def accept(self) -> None:
        if self.note_text() or self.unsure():  # Enter in the dialog cannot pass a disabled OK
            super().accept()
