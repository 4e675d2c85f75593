"""Open suggestions drawn unlike accepted spans: a dashed outline in the label's colour, no fill.

A suggestion (a model's, a Label Studio prediction's, or a copy of the
annotator's own repeated passage: ``domain/suggestions.py``) is not the
annotator's work until they accept it, so it must not look like a span: no
tint, only a dashed frame round each line it covers. A suggested claim is
framed in its claim type's colour with a longer dash. Like spans, only the
blocks on screen are looked at (:class:`SuggestionLayer` keeps the view's
``SpanIndex`` over the suggestions, found per block when first painted).

The layer belongs to the ``DocumentView`` (one hook in its ``paintEvent``
and ``set_document``); the keys that answer suggestions are in
``gui/session/suggestion_keys.py``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from annotator.domain.model import Span
from annotator.domain.suggestions import CLAIM, Suggestion
from annotator.gui.text.claim_painting import claim_color

DASH = [3.0, 2.5]  # pen widths: an entity suggestion's dash and gap
CLAIM_DASH = [6.0, 3.0]  # a claim suggestion's, longer


class SuggestedText(Protocol):
    """What the layer needs of the view (``DocumentView``; named here, not imported: it imports us)."""

    positions: Any
    highlighter: Any

    def document(self) -> Any: ...
    def viewport(self) -> Any: ...
    def visible_blocks(self) -> list[tuple]: ...
    def line_rects(self, block: Any, top: float, qt_start: int, qt_end: int) -> list: ...


class SuggestionLayer:
    """The open suggestions of the document a view shows, and their painting."""

    def __init__(self, view: SuggestedText, index: Callable[..., Any]):
        """``index``: the view's per-block index class (``SpanIndex``), built over the suggestions."""
        self.view = view
        self._make_index = index
        self._suggestions: tuple[Suggestion, ...] = ()
        self._starts: list[int] = []
        self._longest = 0
        self._index = None  # SpanIndex over the suggestions (built on the view's current text)
        self.painted = 0  # suggestion frames drawn by the last paint, for tests

    def clear(self) -> None:
        """A new text: the old suggestions' offsets belong to the old one."""
        self.set_suggestions(())

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        suggestions = tuple(sorted(suggestions, key=lambda s: (s.start, -s.end, s.kind, s.label)))
        if suggestions == self._suggestions and self._index is not None:
            return
        self._suggestions = suggestions
        self._starts = [s.start for s in suggestions]
        self._longest = max((s.end - s.start for s in suggestions), default=0)
        view = self.view
        self._index = self._make_index(view.document(), view.positions,
                                [Span(i, s.start, s.end, s.label) for i, s in enumerate(suggestions)])
        view.viewport().update()

    def suggestions(self) -> tuple[Suggestion, ...]:
        return self._suggestions

    def at(self, position: int) -> list[Suggestion]:
        """Suggestions covering code point ``position`` or ending just there (a caret after one is on it)."""
        hi = bisect_right(self._starts, position)
        lo = bisect_right(self._starts, position - self._longest - 1)
        return [s for s in self._suggestions[lo:hi] if s.end >= position]

    def painted_at(self, qt_position: int) -> list[Suggestion]:
        """The suggestions framed at a Qt position (what the user sees there)."""
        if self._index is None:
            return []
        block = self.view.document().findBlock(qt_position)
        return [self._suggestions[p.id] for p in self._index.in_block(block.blockNumber())  # type: ignore[index]
                if p.qt_start <= qt_position < p.qt_end]

    def tooltip_lines(self, qt_position: int) -> list[str]:
        """"Suggested: PER (natasha) — Y accepts, X rejects", one line per suggestion framed there."""
        text = QCoreApplication.translate("SuggestionLayer", "Suggested: %1 (%2) — Y accepts, X rejects")
        return [text.replace("%1", s.label).replace("%2", s.source.split(":", 1)[-1])
                for s in self.painted_at(qt_position)]

    def color(self, suggestion: Suggestion) -> QColor:
        if suggestion.kind == CLAIM:
            return QColor(claim_color(suggestion.label))
        return self.view.highlighter.color(suggestion.label)

    def paint(self, painter: QPainter, area: QRect) -> None:
        """Dashed frames round the suggestions in the blocks on screen (over the text, no fill)."""
        self.painted = 0
        if not self._suggestions or self._index is None:
            return
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for block, top in self.view.visible_blocks():
            if top > area.bottom():
                break
            for painted in self._index.in_block(block.blockNumber()):
                suggestion = self._suggestions[painted.id]  # type: ignore[index]
                pen = QPen(self.color(suggestion))
                pen.setWidthF(1.6)
                pen.setStyle(Qt.PenStyle.CustomDashLine)
                pen.setDashPattern(CLAIM_DASH if suggestion.kind == CLAIM else DASH)
                painter.setPen(pen)
                inset = 2.5 if suggestion.kind == CLAIM else 1.0  # a claim's frame round its entities'
                for rect in self.view.line_rects(block, top, painted.qt_start, painted.qt_end):
                    painter.drawRect(rect.adjusted(-inset, 1.0 - inset / 2, inset, inset / 2 - 1.0))
                    self.painted += 1
