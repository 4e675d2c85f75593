"""Gold of one document, as the curation window holds it: a set session whose view is everything the
window shows (the annotators' sets, gold, the disagreements), read back after each gold action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from annotator.domain.changes import Changes
from annotator.domain.model import GOLD, SetStatus
from annotator.domain.scheme import Scheme
from annotator.gui.common.tasks import TaskRunner
from annotator.gui.session.set_session import SessionHub, SetSession
from annotator.services import copy_gold, curation
from annotator.services.gold_conflicts import GoldConflict
from annotator.services.views.curation_view import CurationView, read_curation
from annotator.services.workspace import Workspace


class GoldSession(SetSession):
    """Owner ``gold``, acted on by ``user`` (the curator); undo and redo stay in this document."""

    def __init__(self, workspace: Workspace, runner: TaskRunner, hub: SessionHub, scheme: Scheme,
                 document_id: str, user: str, parent: QObject | None = None):
        super().__init__(workspace, runner, hub, scheme, owner=GOLD, user=user, parent=parent)
        self._document_id = document_id

    @property
    def document_id(self) -> str:
        return self._document_id

    def _reader(self) -> Callable[[Changes | None], CurationView]:
        workspace, document_id, user = self.workspace, self._document_id, self.user
        return lambda _changes: read_curation(workspace, document_id, user)  # type: ignore[arg-type]

    def _take(self, view: CurationView) -> None:
        self.document = view.document
        super()._take(view)

    def seen(self) -> int | None:
        return self.view.gold_seen if self.view is not None else None

    def may_write(self) -> bool:
        if self.view is None:
            self.tell(self.tr("Still loading the document"), 4000)
            return False
        if self.view.refusal is not None:
            self.tell(self.view.refusal, 8000)
            return False
        return True

    def _undo_scope(self) -> str | None:
        return self._document_id  # gold is one owner across the corpus: undo what was done here

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, GoldConflict):
            self.reload()  # show what the other curator did; the message says to look and try again
        super()._on_error(exc)

    # ------------------------------------------------------------ curation's own actions
    def accept_version(self, annotator: str, layer: str, start: int, end: int,
                       pieces: tuple[tuple[int, int], ...] = ()) -> None:
        workspace, document_id, user, seen = self.workspace, self._document_id, self.user, self.seen()
        self.submit(lambda: curation.accept_version(workspace, document_id, annotator, layer, start, end,
                                                    user=user, seen=seen, pieces=pieces))  # type: ignore[arg-type]

    def accept_copy(self, layer: str, start: int, end: int) -> None:
        workspace, document_id, user, seen = self.workspace, self._document_id, self.user, self.seen()
        self.submit(lambda: copy_gold.accept_copy(workspace, document_id, layer, start, end,  # type: ignore[arg-type]
                                                  user=user, seen=seen))

    def reject_region(self, layer: str, start: int, end: int) -> None:
        workspace, document_id, user, seen = self.workspace, self._document_id, self.user, self.seen()
        self.submit(lambda: curation.reject_region(workspace, document_id, layer, start, end,
                                                   user=user, seen=seen))  # type: ignore[arg-type]

    def accept_agreed(self) -> None:
        workspace, document_id, user, seen = self.workspace, self._document_id, self.user, self.seen()
        self.submit(lambda: curation.accept_agreed(workspace, document_id, user=user, seen=seen))  # type: ignore[arg-type]

    def mark_curated(self) -> None:
        self.set_status(SetStatus.CURATED)
