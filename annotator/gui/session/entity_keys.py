"""Linking mentions to entities from the keyboard: the proposal popup, and "every mention like this one".

The link key on the mention under the caret shows the owner's entities
proposed for it (``services/entities.propose_for_span``: by lemma, alias, and
for a title whom the document is about), best first, in a popup near the caret;
a digit links to one, N makes a new entity from the mention. Each choice is one
action of the session (saved at once, undone by Ctrl+Z like any other).

A proposal reads the owner's whole entity table and costs about half a second
on a large corpus, so proposals are computed on the task runner, never on the
GUI thread, and kept per (document, span): the unlinked mention the caret rests
on is proposed for ahead of the key press, and the popup opens at once. Any change
of spans or entities (by this window, or read again after others' work)
forgets them, since a new link changes what is proposed.
"""

from __future__ import annotations

from functools import partial

import shiboken6
from PySide6.QtCore import QObject, QTimer

from annotator.domain.changes import Changes
from annotator.domain.entities import Proposal
from annotator.domain.model import Span
from annotator.gui.session.entity_popup import EntityPopup
from annotator.gui.session.set_session import SetSession
from annotator.gui.text.document_view import DocumentView
from annotator.services import entities

PREFETCH_MS = 300  # the caret rests this long on a mention before its proposals are read


class EntityLinker(QObject):
    def __init__(self, session: SetSession, view: DocumentView):
        super().__init__(session)
        self.session = session
        self.view = view
        self.cache: dict[tuple[str, int], list[Proposal]] = {}
        self._asked: set[tuple[str, int]] = set()  # on the runner now
        self._generation = 0  # bumped when the cache is forgotten: older answers are dropped
        self._waiting: tuple[str, int] | None = None  # what the open popup waits for
        self.popup: EntityPopup | None = None
        self._popup_span: Span | None = None
        self.computed = 0  # proposals read on the runner (what the cache saved is the rest)
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(PREFETCH_MS)
        self._prefetch.timeout.connect(self._prefetch_caret)
        session.changed.connect(self._on_changed)
        session.loaded.connect(lambda _view: self.forget())
        view.caret_span_changed.connect(lambda _span: self._prefetch.start())

    # ------------------------------------------------------------ the cache
    def forget(self) -> None:
        self._generation += 1
        self.cache.clear()
        self._asked.clear()

    def _on_changed(self, changes: Changes | None, _view: object) -> None:
        if changes is not None and (changes.spans or changes.entities):
            self.forget()

    def _key(self, span: Span) -> tuple[str, int] | None:
        document_id = self.session.document_id
        if document_id is None or not isinstance(span.id, int):
            return None
        return document_id, span.id

    def _mention(self) -> Span | None:
        span = self.view.span_under_caret()
        return span if span is not None and isinstance(span.id, int) else None

    def _prefetch_caret(self) -> None:
        """The caret rests on a mention not linked yet: its proposals are read ahead (a linked one is
        read when the key asks; the runner is not kept busy for what is seldom wanted)."""
        span = self._mention()
        if span is None or span.entity is not None or self.session.owner is None or not self.view.isVisible():
            return
        try:
            self._ask(span)
        except RuntimeError:  # the runner is shut down: the window is closing, nothing to read ahead for
            self._asked.clear()

    def _ask(self, span: Span) -> None:
        key = self._key(span)
        if key is None or key in self.cache or key in self._asked:
            return
        self._asked.add(key)
        workspace, owner, generation = self.session.workspace, self.session.owner, self._generation
        self.session.runner.run(lambda: entities.propose_for_span(workspace, key[1], owner=owner),
                                on_done=partial(self._answered, key, generation),
                                on_error=partial(self._failed, key, generation))

    def _answered(self, key: tuple[str, int], generation: int, proposals: list[Proposal]) -> None:
        if not shiboken6.isValid(self):
            return
        if generation != self._generation:  # a change came meanwhile: ask again if still wanted
            if self._waiting == key and self._popup_span is not None:
                self._ask(self._popup_span)
            return
        self._asked.discard(key)
        self.computed += 1
        self.cache[key] = proposals
        if self._waiting == key:
            self._fill_popup(proposals)

    def _failed(self, key: tuple[str, int], generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._asked.discard(key)
        if self._waiting == key and self.popup is not None:
            self.popup.hide()
            self.session.tell(str(exc), 8000)

    # ------------------------------------------------------------ the popup
    def open_proposals(self) -> None:
        """The link key: the popup of proposals for the mention under the caret."""
        span = self._mention()
        if span is None:
            self.session.tell(self.tr("Put the caret in a mention to link it to an entity"))
            return
        if not self.session.may_write():
            return
        key = self._key(span)
        if key is None:
            return
        popup = self._the_popup()
        self._popup_span = span
        self._waiting = key
        popup.show_loading(self._mention_text(span))
        rect = self.view.cursorRect()
        popup.open_at(self.view.viewport().mapToGlobal(rect.bottomLeft()))
        if key in self.cache:
            self._fill_popup(self.cache[key])
        else:
            self._ask(span)

    def _the_popup(self) -> EntityPopup:
        if self.popup is None:
            self.popup = EntityPopup(self.view)
            self.popup.picked.connect(self._on_picked)
            self.popup.new_requested.connect(self._on_new)
            self.popup.closed.connect(self._on_closed)
        return self.popup

    def _mention_text(self, span: Span) -> str:
        return self.view.text[span.start:span.end]

    def _fill_popup(self, proposals: list[Proposal]) -> None:
        if self.popup is None or self._popup_span is None:
            return
        span = self._popup_span
        linked = None
        if span.entity is not None:
            linked = next((p.entity.name for p in proposals if p.entity.id == span.entity), None) or \
                self.tr("entity %1").replace("%1", str(span.entity))
        self.popup.show_proposals(self._mention_text(span), proposals, linked)

    def _on_closed(self) -> None:
        self._waiting = None
        if shiboken6.isValid(self.view):
            self.view.setFocus()

    def _on_picked(self, entity_id: int) -> None:
        span = self._popup_span
        if span is not None:
            self.link(span, entity_id)

    def _on_new(self) -> None:
        span = self._popup_span
        if span is not None:
            self.new_entity(span)

    # ------------------------------------------------------------ the actions
    def link(self, span: Span, entity_id: int) -> None:
        session = self.session
        workspace, owner, user, seen, span_id = session.workspace, session.owner, session.user, session.seen(), span.id
        session.submit(lambda: entities.link_mention(workspace, span_id, entity_id, owner=owner, user=user,  # type: ignore[arg-type]
                                                     seen=seen))

    def new_entity(self, span: Span) -> None:
        session = self.session
        workspace, owner, user, seen, span_id = session.workspace, session.owner, session.user, session.seen(), span.id
        session.submit(lambda: entities.create_from_mention(workspace, span_id, owner=owner, user=user,  # type: ignore[arg-type]
                                                            seen=seen))

    def link_like(self, corpus: bool) -> None:
        """Every mention like the one under the caret (by lemma, the same label), in this document or
        in the corpus, linked to its entity: one action."""
        span = self._mention()
        if span is None:
            self.session.tell(self.tr("Put the caret in a linked mention first"))
            return
        if span.entity is None:
            self.session.tell(self.tr("Link this mention to an entity first, then every mention like it"))
            return
        session = self.session
        workspace, owner, user, span_id = session.workspace, session.owner, session.user, span.id
        session.submit(lambda: entities.link_like(workspace, span_id, owner=owner, corpus=corpus, user=user))  # type: ignore[arg-type]
