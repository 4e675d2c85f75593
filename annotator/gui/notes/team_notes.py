"""The team's notes and "unsure" flags in one list, for the curator: one opens its document at it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.domain.notes import Note
from annotator.gui.notes.notes_list import NotesList
from annotator.gui.common.tasks import TaskRunner
from annotator.services import notes
from annotator.services.workspace import Workspace


class TeamNotes(QDialog):
    open_requested = Signal(str)  # a document id: the note activated is on it
    note_requested = Signal(object)  # the Note activated: its document, at its target

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.setWindowTitle(self.tr("The team's notes"))
        self.unsure_only = QCheckBox(self.tr("Flagged unsure only"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.summary = QLabel()
        self.list = NotesList()
        top = QHBoxLayout()
        top.addWidget(self.unsure_only)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        self.unsure_only.toggled.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.list.note_activated.connect(self._on_note)
        self.resize(900, 500)
        self.refresh()

    def refresh(self) -> None:
        workspace, unsure_only = self.workspace, self.unsure_only.isChecked()

        def task() -> tuple[list[Note], dict[str, str]]:
            found = notes.notes(workspace, unsure_only=unsure_only)
            return found, notes.texts(workspace, sorted({n.document_id for n in found}))

        self.runner.run(task, on_done=self._show)

    def _show(self, result: tuple[list[Note], dict[str, str]]) -> None:
        found, texts = result
        self.list.set_notes(found, texts)
        documents = len({n.document_id for n in found})
        self.summary.setText(self.tr("Notes: %1, documents: %2; Enter opens one in the curation window")
                             .replace("%1", str(len(found))).replace("%2", str(documents)))

    def _on_note(self, note: Note) -> None:
        self.note_requested.emit(note)
