"""Notes and flags from the annotation window, and marking a document out of scope.

A note (a comment, an "unsure" flag, or both) goes on the span under the caret,
else the claim under it, else the document; the curator reads them in the
curation window and the team's notes list. Ctrl+Shift+U flags or unflags at
once, without a dialog. Skipping a document takes it out of agreement and
curation until it is marked otherwise.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from annotator.domain.model import Claim, SetStatus, Span
from annotator.domain.notes import Note
from annotator.gui.notes.notes_list import NoteDialog
from annotator.gui.session.set_session import SetSession
from annotator.gui.text.document_view import DocumentView
from annotator.services import notes


class NoteActions(QObject):
    """The note keys of a text view, on the set its session holds."""

    def __init__(self, session: SetSession, view: DocumentView):
        super().__init__(session)
        self.session = session
        self.view = view

    def target(self) -> Span | Claim | None:
        """What a note goes on: the span under the caret, else the claim, else None (the document)."""
        return self.view.span_under_caret() or self.view.claim_under_caret()

    def describe(self, target: Span | Claim | None) -> str:
        if target is None:
            return self.tr("the document")
        label = target.label if isinstance(target, Span) else target.type
        text = self.view.text[target.start:target.end]
        return f"{label} «{text if len(text) <= 50 else text[:49] + '…'}»"

    def ask_note(self, target_text: str) -> tuple[str, bool] | None:
        """The note's text and unsure flag, from a dialog (tests answer for the user)."""
        dialog = NoteDialog(self.view.window(), target=target_text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.note_text(), dialog.unsure()

    def add_note(self) -> None:
        """Ctrl+N: write a note on what the caret is on."""
        session = self.session
        document_id, owner, workspace = session.document_id, session.owner, session.workspace
        if document_id is None or owner is None:
            return
        target = self.target()
        answer = self.ask_note(self.describe(target))
        self.view.window().activateWindow()  # the keys go to the text again once the dialog is gone
        self.view.setFocus()
        if answer is None:
            return
        text, unsure = answer
        target_id = target.id if target is not None else None
        seen = session.seen()
        session.submit(lambda: notes.add_note(workspace, document_id, owner=owner, text=text, unsure=unsure,
                                              target_id=target_id, seen=seen))

    def toggle_unsure(self) -> None:
        """Ctrl+Shift+U: flag what the caret is on as unsure, or take the flag off again."""
        session = self.session
        document_id, owner, workspace = session.document_id, session.owner, session.workspace
        if document_id is None or owner is None:
            return
        target = self.target()
        target_id = target.id if target is not None else None
        flag, seen = self.flag_on(target_id), session.seen()
        if flag is None:
            session.submit(lambda: notes.add_note(workspace, document_id, owner=owner, unsure=True,
                                                  target_id=target_id, seen=seen))
        elif flag.text:  # a comment that is also a flag: keep the comment
            session.submit(lambda: notes.edit_note(workspace, flag.id, owner=owner, unsure=False, seen=seen))
        else:
            session.submit(lambda: notes.remove_note(workspace, flag.id, owner=owner, seen=seen))

    def flag_on(self, target_id: Any) -> Note | None:
        found = [n for n in getattr(self.session.view, "notes", ()) if n.target_id == target_id and n.unsure]
        return found[0] if found else None

    def toggle_skipped(self) -> None:
        """Ctrl+Shift+K: the document is out of scope (skipped), or back in progress."""
        self.session.toggle_status(SetStatus.SKIPPED)

    def jump_to(self, note: Note) -> None:
        """Show a note's target in the text (the document's own notes: the text's start)."""
        view = self.view
        if note.target_start is not None and note.target_end is not None:
            view.select_core(note.target_start, note.target_end)
        else:
            view.move_caret_core(0)
        view.ensureCursorVisible()
        view.setFocus()
