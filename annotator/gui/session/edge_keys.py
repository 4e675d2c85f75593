"""Moving a span's edges, splitting and merging spans, from the keyboard and the mouse.

The keys act on the span under the caret (else the claim under it, for the
edges): Alt+Left/Right move its start by a token, Alt+Shift+Left/Right its end;
with Ctrl as well, by one character. Each press is one undoable action and the
span stays selected, so the next press moves it again. Split cuts the span at
the caret (between two words); merge joins it with the next span (else the
previous one). A drag of an edge in the view ends in the same resize.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject

from annotator.domain.model import Claim, Span
from annotator.domain.tokens import moved_edge, split_points
from annotator.gui.session.set_session import SetSession
from annotator.gui.text.document_view import DocumentView
from annotator.services import span_edges

Item = Span | Claim


class EdgeActions(QObject):
    def __init__(self, session: SetSession, view: DocumentView):
        super().__init__(session)
        self.session = session
        self.view = view

    def _item(self) -> Item | None:
        """The span (else claim) the selection is exactly, so a claim just moved stays the one moved;
        else the span (else claim) under the caret."""
        selection = self.view.selection_core()
        exact = (self.view.span_with_range(*selection) or self.view.claim_with_range(*selection)
                 if selection is not None else None)
        item = exact or self.view.span_under_caret() or self.view.claim_under_caret()
        if item is None:
            self.session.tell(self.tr("No span or claim under the caret"))
        return item

    def _on_same_document(self, select: Callable[[], None]) -> Callable[[object], None]:
        """``select`` after the action, unless the window has moved to another document meanwhile."""
        document_id = self.session.document_id

        def after(_changes: object) -> None:
            if self.session.document_id == document_id:
                select()
        return after

    def move_edge(self, edge: str, step: int, by_token: bool = True) -> None:
        """One edge of the span under the caret one token (or character) left or right."""
        item = self._item()
        if item is None:
            return
        bounds = moved_edge(self.view.tokens(), len(self.view.text), item.start, item.end, edge, step, by_token)
        if bounds is None:
            self.session.tell(self.tr("That edge cannot move further"))
            return
        self.resize(item, *bounds)

    def resize(self, item: Item, start: int, end: int) -> None:
        """Give the span (or claim) new bounds; it stays selected for the next move."""
        if (start, end) == (item.start, item.end):
            return
        session = self.session
        workspace, owner, user, seen, item_id = session.workspace, session.owner, session.user, session.seen(), item.id
        session.submit(lambda: span_edges.resize_span(workspace, item_id, start, end, owner=owner,  # type: ignore[arg-type]
                                                      user=user, seen=seen),
                       after=self._on_same_document(lambda: self.view.select_core(start, end)))

    def split(self) -> None:
        """Split the span under the caret in two at the caret."""
        span = self.view.span_under_caret()
        if span is None:
            self.session.tell(self.tr("No span under the caret"))
            return
        points = split_points(self.view.tokens(), span.start, span.end, self.view.caret_core())
        if points is None:
            self.session.tell(self.tr("Put the caret between two words of the span to split it"))
            return
        session = self.session
        workspace, owner, user, seen, span_id = session.workspace, session.owner, session.user, session.seen(), span.id
        left_end, right_start = points
        session.submit(lambda: span_edges.split_span(workspace, span_id, left_end, right_start,  # type: ignore[arg-type]
                                                     owner=owner, user=user, seen=seen),
                       after=self._on_same_document(lambda: self.view.move_caret_core(right_start)))

    def merge(self) -> None:
        """Merge the span under the caret with the next span (else the previous one)."""
        span = self.view.span_under_caret()
        if span is None:
            self.session.tell(self.tr("No span under the caret"))
            return
        others = [s for s in self.view.spans() if s.id != span.id and s.label == span.label]
        after = [s for s in others if s.start >= span.end]
        before = [s for s in others if s.end <= span.start]
        text = self.view.text

        def adjacent(first: Span, second: Span) -> bool:
            return not any(ch.isalnum() for ch in text[first.end:second.start])

        following = min(after, key=lambda s: (s.start, s.end)) if after else None
        preceding = max(before, key=lambda s: (s.end, s.start)) if before else None
        if following is not None and adjacent(span, following):
            other = following
        elif preceding is not None and adjacent(preceding, span):
            other = preceding
        else:
            self.session.tell(self.tr("No span of the same label next to this one"))
            return
        session = self.session
        workspace, owner, user, seen = session.workspace, session.owner, session.user, session.seen()
        keep, gone = span.id, other.id
        start, end = min(span.start, other.start), max(span.end, other.end)
        session.submit(lambda: span_edges.merge_spans(workspace, keep, gone, owner=owner,  # type: ignore[arg-type]
                                                      user=user, seen=seen),
                       after=self._on_same_document(lambda: self.view.select_core(start, end)))


EDGE_ACTIONS = ("grow_start", "shrink_start", "shrink_end", "grow_end", "grow_start_char", "shrink_start_char",
                "shrink_end_char", "grow_end_char", "split_span", "merge_spans")


def edge_handlers(actions: EdgeActions) -> dict[str, Callable[[], None]]:
    """The key map's edge actions (annotator.gui.common.keys) and what each does."""
    moves = {"grow_start": ("start", -1), "shrink_start": ("start", 1),
             "shrink_end": ("end", -1), "grow_end": ("end", 1)}
    handlers: dict[str, Callable[[], None]] = {}
    for name, (edge, step) in moves.items():
        handlers[name] = partial(actions.move_edge, edge, step, True)
        handlers[name + "_char"] = partial(actions.move_edge, edge, step, False)
    handlers["split_span"] = actions.split
    handlers["merge_spans"] = actions.merge
    return handlers
