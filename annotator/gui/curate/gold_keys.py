"""What the gold lane's keys do in the curation window: labels, Delete, undo and redo, and curation's own.

The keys act on the window's :class:`~annotator.gui.curate.gold_session.GoldSession`
(owner ``gold``, the curator acting) and read the selection from the gold lane's
text view; the disagreement they settle is the window's current one, asked of
``current_disagreement``. Who may write gold is the session's to say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from annotator.domain.disagreements import Disagreement
from annotator.gui.curate.gold_session import GoldSession
from annotator.gui.session.span_keys import next_span
from annotator.gui.text.document_view import DocumentView


class GoldActions(QObject):
    def __init__(self, session: GoldSession, view: DocumentView,
                 current_disagreement: Callable[[], Disagreement | None]):
        super().__init__(session)
        self.session = session
        self.view = view
        self.current_disagreement = current_disagreement

    def _tell(self, text: str) -> None:
        self.session.tell(text, 5000)

    def accept_version(self, lane_number: int) -> None:
        """Alt+N: gold takes the N-th annotator's version of the current disagreement."""
        session = self.session
        if not session.may_write():
            return
        d = self.current_disagreement()
        owners = session.view.owners if session.view else []
        if d is None:
            self._tell(self.tr("Go to a disagreement first (F8)"))
            return
        if not 1 <= lane_number <= len(owners):
            self._tell(self.tr("No annotator in lane %1").replace("%1", str(lane_number)))
            return
        session.accept_version(owners[lane_number - 1], d.layer, d.start, d.end, d.pieces)

    def reject_region(self) -> None:
        """Alt+0: gold keeps none of the annotators' versions of the current disagreement (recorded)."""
        if not self.session.may_write():
            return
        d = self.current_disagreement()
        if d is None:
            self._tell(self.tr("Go to a disagreement first (F8)"))
            return
        self.session.reject_region(d.layer, d.start, d.end)

    def accept_copy(self) -> None:
        """Alt+C: gold takes, for the current disagreement, what the copy of its repeated passage was
        settled with (the copy's gold, mapped onto this document: services/copy_gold.py)."""
        session = self.session
        if not session.may_write():
            return
        d = self.current_disagreement()
        if d is None:
            self._tell(self.tr("Go to a disagreement first (F8)"))
            return
        copy = session.view.settled_copy(d) if session.view is not None else None
        if copy is None:
            self._tell(self.tr("This disagreement is in no repeated passage settled elsewhere"))
            return
        session.accept_copy(d.layer, d.start, d.end)

    def accept_agreed(self) -> None:
        self.session.accept_agreed()

    def mark_curated(self) -> None:
        self.session.mark_curated()

    def apply_label(self, label: str) -> None:
        """Label the gold lane's selection; relabel a gold span of exactly that range (or under the caret)."""
        if not self.session.may_write():
            return
        selection, under = self.view.selection_core(), self.view.span_under_caret()
        if selection is None and under is None:
            self._tell(self.tr("Select some text in the gold lane to label"))
            return
        self.session.label(label, selection, under)

    def remove_under_caret(self) -> None:
        """Delete: the gold span under the caret (else the gold claim there) goes."""
        if not self.session.may_write():
            return
        item = self.view.span_under_caret() or self.view.claim_under_caret()
        if item is None:
            self._tell(self.tr("No gold span under the caret"))
            return
        self.session.remove(item)

    def undo(self) -> None:
        """Ctrl+Z: gold's last action on this document (gold is one owner across the corpus)."""
        self.session.undo()

    def redo(self) -> None:
        self.session.redo()

    def go_to_span(self, step: int) -> None:
        """Tab / Shift+Tab: the next (previous) gold span in text order."""
        target = next_span(self.view, step)
        if target is not None:
            self.view.select_core(target.start, target.end)
            self.view.ensureCursorVisible()
            self.view.setFocus()
