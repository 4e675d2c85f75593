"""What the gold lane's keys do in the curation window: labels, Delete, undo and redo, and curation's own.

The host window (:class:`~annotator.gui.curate.curation_window.CurationWindow`)
provides ``workspace``, ``document_id``, ``user`` (the curator), ``view`` (the
gold lane), ``state``, ``current_disagreement()``, ``statusBar()``,
``_refused()`` (True, and the user told why, when they may not write gold) and
``_submit`` (the action on the runner, everything read back after it). Each
action writes owner ``gold`` as the user, through the services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.domain.model import GOLD, Claim, SetStatus, Span
from annotator.gui.session.span_keys import ALREADY, NOTHING, label_call, next_span
from annotator.services import annotating, curation, history

if TYPE_CHECKING:
    from annotator.gui.curate.curation_window import CurationWindow


class GoldActions(QObject):
    def __init__(self, window: CurationWindow):
        super().__init__(window)
        self.window = window

    def _tell(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    def accept_version(self, lane_number: int) -> None:
        """Alt+N: gold takes the N-th annotator's version of the current disagreement."""
        w = self.window
        if w._refused():
            return
        d = w.current_disagreement()
        owners = w.state.owners if w.state else []
        if d is None:
            self._tell(self.tr("Go to a disagreement first (F8)"))
            return
        if not 1 <= lane_number <= len(owners):
            self._tell(self.tr("No annotator in lane %1").replace("%1", str(lane_number)))
            return
        workspace, document_id, user, annotator = w.workspace, w.document_id, w.user, owners[lane_number - 1]
        seen = w.gold_seen()
        w._submit(lambda: curation.accept_version(workspace, document_id, annotator, d.layer, d.start, d.end,
                                                  user=user, seen=seen))

    def accept_agreed(self) -> None:
        w = self.window
        workspace, document_id, user, seen = w.workspace, w.document_id, w.user, w.gold_seen()
        w._submit(lambda: curation.accept_agreed(workspace, document_id, user=user, seen=seen))

    def mark_curated(self) -> None:
        w = self.window
        workspace, document_id, user = w.workspace, w.document_id, w.user
        w._submit(lambda: annotating.set_status(workspace, document_id, SetStatus.CURATED, owner=GOLD, user=user))

    def apply_label(self, label: str) -> None:
        """Label the gold lane's selection; relabel a gold span of exactly that range (or under the caret)."""
        w = self.window
        if w._refused():
            return
        call = label_call(w.view, w.workspace, w.document_id, label, owner=GOLD, user=w.user, seen=w.gold_seen())
        if call == ALREADY:
            self._tell(self.tr("That is already a %1 span").replace("%1", label))
        elif call == NOTHING:
            self._tell(self.tr("Select some text in the gold lane to label"))
        else:
            w._submit(call)  # type: ignore[arg-type]

    def remove_under_caret(self) -> None:
        """Delete: the gold span under the caret (else the gold claim there) goes."""
        w = self.window
        if w._refused():
            return
        item: Span | Claim | None = w.view.span_under_caret() or w.view.claim_under_caret()
        if item is None:
            self._tell(self.tr("No gold span under the caret"))
            return
        workspace, user, item_id, seen = w.workspace, w.user, item.id, w.gold_seen()
        w._submit(lambda: annotating.remove_span(workspace, item_id, owner=GOLD, user=user, seen=seen))

    def undo(self) -> None:
        """Ctrl+Z: gold's last action on this document (gold is one owner across the corpus)."""
        w = self.window
        workspace, user, document_id = w.workspace, w.user, w.document_id
        w._submit(lambda: history.undo(workspace, owner=GOLD, user=user, document_id=document_id))

    def redo(self) -> None:
        w = self.window
        workspace, user, document_id = w.workspace, w.user, w.document_id
        w._submit(lambda: history.redo(workspace, owner=GOLD, user=user, document_id=document_id))

    def go_to_span(self, step: int) -> None:
        """Tab / Shift+Tab: the next (previous) gold span in text order."""
        view = self.window.view
        target = next_span(view, step)
        if target is not None:
            view.select_core(target.start, target.end)
            view.ensureCursorVisible()
            view.setFocus()
