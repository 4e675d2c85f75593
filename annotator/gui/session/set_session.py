"""The annotation set a window has open, and every action on it (docs/architecture.md, "The set session").

A :class:`SetSession` holds one owner's set of one document as the core read it
(a read model from :mod:`annotator.services.views`), the current claim and the
relation begun, and offers the actions the keys make. Each action is a service
call run on the window's :class:`TaskRunner`; the same task reads the view
back after the commit, and the session emits ``changed`` with the action's
:class:`Changes` and the new view, so the window redraws what the Changes name.
A refusal (a :class:`ServiceError`: nothing was changed) is ``refused``, a bug
``failed``; neither loses anything.

Sessions of one application share a :class:`SessionHub`: each commit is
announced there, so a window showing the same document (the curation window
beside the annotation window) reads it again at once, not when it is next
focused.

Keys never decide what an action means: the label key's add-or-relabel is
decided in the service (``annotating.label``); the keys only say what is
selected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.domain.changes import Changes
from annotator.domain.model import Claim, Document, Quantity, SetStatus, Span
from annotator.domain.scheme import Scheme
from annotator.gui.common.tasks import TaskRunner
from annotator.services import annotating, claims, history
from annotator.services.errors import ServiceError
from annotator.services.views.set_view import SetView, read_document_and_view, read_set_view
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

View = Any  # the window's read model: a SetView or a CurationView
Item = Span | Claim  # a relation end


class SessionHub(QObject):
    """Where every session of the application announces its commits."""

    committed = Signal(object, object)  # (Changes, the SetSession that made them)


class SetSession(QObject):
    saving = Signal()  # an action is on its way to the database
    changed = Signal(object, object)  # (Changes, or None when there was nothing to undo or redo; the new view)
    loaded = Signal(object)  # the view read anew, not after an action of this session (opened, or changed elsewhere)
    refused = Signal(str)  # the core refused the action: nothing was changed
    failed = Signal(str)  # an unexpected error (logged): nothing known to be saved
    told = Signal(str, int)  # a hint for the status bar, and for how many ms

    def __init__(self, workspace: Workspace, runner: TaskRunner, hub: SessionHub, scheme: Scheme, *,
                 owner: str | None, user: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.hub = hub
        self.scheme = scheme
        self.owner = owner  # whose set
        self.user = user  # who acts (None: the owner)
        self.document: Document | None = None
        self.view: View | None = None
        self.current_claim_id: Any = None  # the claim the claim keys act on
        self.relation_head: Item | None = None  # a relation begun (L on its head)
        self.last_type: str | None = None  # the claim type made last: the next C makes it again
        self._load_serial = 0

    # ------------------------------------------------------------ what it shows
    @property
    def document_id(self) -> str | None:
        return None if self.document is None else self.document.id

    def _reader(self) -> Callable[[Changes | None], View]:
        """How to read the view after an action's Changes (None: read it anew). Called on the GUI
        thread, so it captures the document and owner of now; the reader runs on the runner."""
        raise NotImplementedError

    def seen(self) -> int | None:
        """The version of the set the window shows, sent with each gold change (None elsewhere)."""
        return None

    def may_write(self) -> bool:
        """False, and the user told why, when no action may be made now."""
        if self.owner is None:
            self.tell(self.tr("Set your annotator name first"), 8000)
            return False
        return True

    def claims(self) -> list[Claim]:
        return list(getattr(self.view, "claims", ()) or ())

    def current_claim(self) -> Claim | None:
        return next((c for c in self.claims() if c.id == self.current_claim_id), None)

    def proposal(self, claim: Claim) -> Quantity | None:
        proposals = getattr(self.view, "proposals", None) or {}
        return proposals.get(claim.id)

    def tell(self, text: str, ms: int = 5000) -> None:
        self.told.emit(text, ms)

    # ------------------------------------------------------------ running actions
    def submit(self, fn: Callable[[], Changes | None], *,
               after: Callable[[Changes], None] | None = None) -> None:
        """Run a service action on the runner and read the view back in the same task.

        ``after`` runs on the GUI thread with the action's Changes, before ``changed`` is emitted."""
        if not self.may_write():
            return

        read = self._reader()

        def task() -> tuple[Changes | None, View]:
            changes = fn()
            return changes, read(changes)

        self.saving.emit()
        self.runner.run(task, on_done=partial(self._deliver, after), on_error=self._on_error)

    def _deliver(self, after: Callable[[Changes], None] | None, result: tuple[Changes | None, View]) -> None:
        changes, view = result
        if changes is not None and after is not None:
            after(changes)
        self._take(view)
        self.changed.emit(changes, view)
        if changes is not None:
            self.hub.committed.emit(changes, self)

    def _take(self, view: View) -> None:
        """A view read back: kept if it is still of the document shown."""
        self.view = view
        if self.current_claim() is None:
            self.current_claim_id = None

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError):  # refused: nothing was changed, nothing was lost
            self.refused.emit(str(exc))
        else:
            log.error("action failed", exc_info=exc)
            self.failed.emit(self.tr("Error: %1").replace("%1", f"{type(exc).__name__}: {exc}"))

    def reload(self) -> None:
        """Read the view again (others changed the set), on the runner; ``loaded`` when it is here."""
        self._load_serial += 1
        serial = self._load_serial
        read = self._reader()
        self.runner.run(lambda: read(None), on_done=partial(self._reloaded, serial), on_error=self._on_error)

    def _reloaded(self, serial: int, view: View) -> None:
        if serial != self._load_serial or not self._is_current(view):
            return
        self._take(view)
        self.loaded.emit(view)

    def _is_current(self, view: View) -> bool:
        """Whether a view read is of what the session holds now."""
        return True

    # ------------------------------------------------------------ the actions the keys make
    def label(self, label: str, selection: tuple[int, int] | None, span_under_caret: Span | None) -> None:
        """A label key: the selection becomes a span of ``label`` (or the span of exactly that range,
        else the one under the caret, is relabelled: the service decides)."""
        if selection is None and span_under_caret is None:
            self.tell(self.tr("Select some text to label"))
            return
        workspace, document_id, owner, user, seen = (self.workspace, self.document_id, self.owner, self.user,
                                                     self.seen())
        span_id = None if span_under_caret is None else span_under_caret.id
        if document_id is None or owner is None:
            return
        self.submit(lambda: annotating.label(workspace, document_id, label, owner=owner, user=user,
                                             selection=selection, span_id=span_id, seen=seen))

    def remove(self, item: Item | None) -> None:
        """Delete: the span (or claim) goes, with the relations that end on it."""
        if item is None:
            self.tell(self.tr("No span or claim under the caret"))
            return
        workspace, owner, user, seen, item_id = self.workspace, self.owner, self.user, self.seen(), item.id
        self.submit(lambda: annotating.remove_span(workspace, item_id, owner=owner, user=user,  # type: ignore[arg-type]
                                                   seen=seen))

    def set_attribute(self, span_id: int, name: str, value: Any) -> None:
        workspace, owner, user, seen = self.workspace, self.owner, self.user, self.seen()
        self.submit(lambda: annotating.set_attribute(workspace, span_id, name, value, owner=owner,  # type: ignore[arg-type]
                                                     user=user, seen=seen))

    def set_relation_attribute(self, relation_id: int, name: str, value: Any) -> None:
        workspace, owner, user, seen = self.workspace, self.owner, self.user, self.seen()
        self.submit(lambda: claims.set_relation_attribute(workspace, relation_id, name, value,  # type: ignore[arg-type]
                                                          owner=owner, user=user, seen=seen))

    def undo(self) -> None:
        workspace, owner, user, document_id = self.workspace, self.owner, self.user, self._undo_scope()
        self.submit(lambda: history.undo(workspace, owner=owner, user=user, document_id=document_id))  # type: ignore[arg-type]

    def redo(self) -> None:
        workspace, owner, user, document_id = self.workspace, self.owner, self.user, self._undo_scope()
        self.submit(lambda: history.redo(workspace, owner=owner, user=user, document_id=document_id))  # type: ignore[arg-type]

    def _undo_scope(self) -> str | None:
        """Which document undo reaches into: None, every document of the owner (an annotator's undo
        follows their own actions across documents)."""
        return None

    def set_status(self, status: SetStatus, *, after: Callable[[Changes], None] | None = None) -> None:
        workspace, document_id, owner, user = self.workspace, self.document_id, self.owner, self.user
        if document_id is None:
            return
        self.submit(lambda: annotating.set_status(workspace, document_id, status, owner=owner,  # type: ignore[arg-type]
                                                  user=user), after=after)

    def status(self) -> SetStatus | None:
        return getattr(self.view, "status", None)

    def toggle_status(self, status: SetStatus, *, after: Callable[[Changes], None] | None = None) -> None:
        """Put the set in ``status``, or, if it is there, back in progress."""
        self.set_status(SetStatus.IN_PROGRESS if self.status() == status else status, after=after)


class AnnotatorSession(SetSession):
    """An annotator's own set, in the annotation window: the window opens one document after another."""

    _open_serial = 0

    def open(self, document_id: str) -> None:
        """Read the document and the owner's set on the runner; ``loaded`` when they are here."""
        self._open_serial += 1
        serial, workspace, owner = self._open_serial, self.workspace, self.owner
        self.runner.run(lambda: read_document_and_view(workspace, document_id, owner),
                        on_done=partial(self._opened, serial), on_error=self._on_error)

    def _opened(self, serial: int, result: tuple[Document, SetView]) -> None:
        if serial != self._open_serial:  # the user moved on meanwhile
            return
        self._load_serial += 1  # a reload of the document before is of no use now
        self.document, view = result
        self.current_claim_id = None
        self.relation_head = None
        self._take(view)
        self.loaded.emit(view)

    def drop_pending_load(self) -> None:
        """The document shown is the one wanted after all: an open still on its way is dropped."""
        self._open_serial += 1

    def _reader(self) -> Callable[[Changes | None], SetView | None]:
        workspace, document, owner, view = self.workspace, self.document, self.owner, self.view
        if document is None:  # an action before any document is open (an undo at start): nothing to read
            return lambda _changes: None
        counts = (view.done, view.total) if view is not None else None

        def read(changes: Changes | None) -> SetView:
            # The corpus counters change only with a status or the corpus: otherwise kept, not re-counted.
            kept = counts if changes is not None and not (changes.set_status or changes.corpus) else None
            return read_set_view(workspace, document.id, owner, document, kept)

        return read

    def _is_current(self, view: SetView | None) -> bool:
        return view is not None and view.document_id == self.document_id

    def _take(self, view: SetView | None) -> None:
        if self._is_current(view):
            super()._take(view)
