"""The strip right of the text that marks repeated passages, and says where else each appears.

A passage of this document copied in another (``services/repeats.copies_of``:
the index built after each import) gets a bar beside every line it covers; hovering it
names the other documents and where the copy is there, and a click (or the jump
key, ``gui/annotate/repeat_places.py``) opens the other place. Only the blocks
on screen are looked at, through the view's per-block index as for spans.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.domain.model import Span

WIDTH = 12  # px the view reserves right of its viewport for the bars
BAR_X, BAR_WIDTH = 3, 5
COLOR = "#00897b"  # teal: apart from the label colours, the claim bars and the curation marks


class Copy(Protocol):
    """A region of this document copied elsewhere (``services.repeats.Copy``)."""

    start: int
    end: int
    document_id: str
    other_start: int
    other_end: int


class MarginText(Protocol):
    positions: Any

    def document(self) -> Any: ...
    def viewport(self) -> Any: ...
    def viewportMargins(self) -> Any: ...  # noqa: N802
    def setViewportMargins(self, left: int, top: int, right: int, bottom: int) -> None: ...  # noqa: N802
    def visible_blocks(self) -> list[tuple]: ...
    def line_rects(self, block: Any, top: float, qt_start: int, qt_end: int) -> list: ...
    def cursorForPosition(self, point: Any) -> Any: ...  # noqa: N802


class RepeatMargin(QWidget):
    """The bars of the repeated passages; ``jump_requested(Copy)`` on a click."""

    jump_requested = Signal(object)

    def __init__(self, view: Any, index: Callable[..., Any]):
        """``view``: the DocumentView (a :class:`MarginText`); ``index``: its per-block index class."""
        super().__init__(view)
        self.view: MarginText = view
        self._make_index = index
        self._copies: tuple[Copy, ...] = ()
        self._regions: list[tuple[int, int]] = []  # distinct (start, end) of this document, sorted
        self._where: dict[tuple[int, int], list[Copy]] = {}
        self._index: Any = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)
        margins = view.viewportMargins()
        view.setViewportMargins(margins.left(), margins.top(), WIDTH, margins.bottom())
        view.viewport().installEventFilter(self)  # the viewport is laid out between it and the scroll bar
        view.updateRequest.connect(self._follow)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(WIDTH, 0)

    # --- content ---------------------------------------------------------------
    def clear(self) -> None:
        self.set_copies(())

    def set_copies(self, copies: Sequence[Copy]) -> None:
        """The regions of the document shown that are copied elsewhere (code points of its text)."""
        self._copies = tuple(copies)
        where: dict[tuple[int, int], list[Copy]] = defaultdict(list)
        for copy in self._copies:
            where[(copy.start, copy.end)].append(copy)
        self._where = dict(where)
        self._regions = sorted(where)
        self._index = self._make_index(self.view.document(), self.view.positions,
                                       [Span(i, s, e, "") for i, (s, e) in enumerate(self._regions)])
        self.update()

    def copies(self) -> tuple[Copy, ...]:
        return self._copies

    def copies_at(self, position: int) -> list[Copy]:
        """The copies of the regions covering code point ``position`` (or ending just there), nearest first."""
        found = [c for (s, e), copies in self._where.items() if s <= position <= e for c in copies]
        return sorted(found, key=lambda c: (c.end - c.start, c.document_id, c.other_start))

    def regions_painted_at(self, qt_position: int) -> list[tuple[int, int]]:
        if self._index is None:
            return []
        block = self.view.document().findBlock(qt_position)
        return [self._regions[p.id] for p in self._index.in_block(block.blockNumber())
                if p.qt_start <= qt_position < p.qt_end]

    def describe(self, copies: Sequence[Copy]) -> str:
        """"Also in 002 (characters 120–540)", one line per other place."""
        lines = [self.tr("Repeated passage; press J to go to the other place")]
        for copy in copies:
            lines.append(self.tr("Also in %1 (characters %2–%3)").replace("%1", copy.document_id)
                         .replace("%2", str(copy.other_start)).replace("%3", str(copy.other_end)))
        return "\n".join(lines)

    # --- geometry, scrolling ----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Only the viewport is watched; the view itself is not touched here (while it is being
        # deleted its viewport may still report events).
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and isinstance(watched, QWidget):
            rect = watched.geometry()
            self.setGeometry(QRect(rect.right() + 1, rect.top(), WIDTH, rect.height()))
        return False

    def _follow(self, rect: QRect, dy: int) -> None:
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())

    # --- painting, hover, click -------------------------------------------------------
    def _rects(self) -> list[tuple[QRectF, tuple[int, int]]]:
        found: list[tuple[QRectF, tuple[int, int]]] = []
        if self._index is None or not self._regions:
            return found
        for block, top in self.view.visible_blocks():
            for painted in self._index.in_block(block.blockNumber()):
                for rect in self.view.line_rects(block, top, painted.qt_start, painted.qt_end):
                    found.append((QRectF(BAR_X, rect.top() + 1, BAR_WIDTH, rect.height() - 2),
                                  self._regions[painted.id]))
        return found

    def bars(self) -> list[tuple[QRectF, tuple[int, int]]]:
        """The bars as drawn (margin coordinates) with their regions, for tests."""
        return self._rects()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.view.viewport().palette().base())
        color = QColor(COLOR)
        for rect, _region in self._rects():
            if rect.bottom() >= event.rect().top() and rect.top() <= event.rect().bottom():
                painter.fillRect(rect, color)
        painter.end()

    def _region_at(self, y: float) -> tuple[int, int] | None:
        return next((region for rect, region in self._rects() if rect.top() - 1 <= y <= rect.bottom() + 1), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            region = self._region_at(event.pos().y())
            if region is not None:
                QToolTip.showText(event.globalPos(), self.describe(self._where[region]), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        region = self._region_at(event.position().y())
        if region is not None and event.button() == Qt.MouseButton.LeftButton:
            self.jump_requested.emit(self._where[region][0])
            event.accept()
            return
        super().mousePressEvent(event)
