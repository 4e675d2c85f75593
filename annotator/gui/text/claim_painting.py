"""Claims on the document view: a margin bar, brackets, and connectors for one selected item.

Entity spans are tints and underlines (:class:`~annotator.gui.text.document_view.SpanPainter`);
claims look different on purpose:

- a bar in the view's left margin beside every visual line a claim covers, in
  the claim type's colour (:data:`CLAIM_COLORS`): dashed for a HEDGED claim,
  wider for a check-worthy one; overlapping claims get bars side by side;
- thin square brackets "[" and "]" at the claim's first and last character
  (dashed for HEDGED), and a small "✓" beside the closing bracket of a
  check-worthy claim.

Like spans, claims are looked at only for the blocks being painted:
:class:`ClaimIndex` finds a block's claims lazily (bisect over code-point
starts within the longest claim's length) and converts only those through the
view's :class:`~annotator.gui.text.text_positions.TextPositions`.

Connectors (:class:`Connector`) are drawn only for the one selected item (a
claim or a span): speaker and cue lines of a claim, arcs of the relations it is
the head or tail of, each labelled. They run in the arc lane of the band above
the lines (:mod:`annotator.gui.text.label_band`), never across the words, and
between lines down the viewport's left edge. An end in a block that is not on
screen is drawn to the viewport's top or bottom edge; a connector with no end
on screen is not drawn.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen, \
    QPolygonF, QTextBlock, QTextDocument
from PySide6.QtWidgets import QWidget

from annotator.domain.model import AUTHOR, Certainty, Claim, Relation, Span
from annotator.gui.text.label_band import LabelBand
from annotator.gui.text.text_positions import TextPositions


class PaintedText(Protocol):
    """What the painters read of the text view they draw on (the view implements it; this module
    does not import the view, so the two do not import each other)."""

    claim_index: ClaimIndex
    positions: TextPositions
    claims_by_id: Mapping[int | str | None, Claim]
    label_band: LabelBand

    def viewport(self) -> QWidget: ...

    def document(self) -> QTextDocument: ...

    def font(self) -> QFont: ...

    def visible_blocks(self) -> list[tuple[QTextBlock, float]]: ...

    def line_rects(self, block: QTextBlock, top: float, qt_start: int, qt_end: int) -> list[QRectF]: ...

# Claim type -> colour: Okabe & Ito (2008), the colour-universal-design set
# (https://jfly.uni-koeln.de/color/), apart for every common colour-vision deficiency.
CLAIM_COLORS: dict[str, str] = {
    "STAT": "#0072b2",  # blue
    "FACT": "#009e73",  # bluish green
    "PLAN": "#e69f00",  # orange
    "PROPOSAL": "#cc79a7",  # reddish purple
    "OPINION": "#d55e00",  # vermillion
}
FALLBACK_CLAIM_COLOR = "#5f6b73"  # a type the map does not know: slate grey
CONNECTOR_COLOR = "#263238"  # relation arcs: near-black, apart from every claim and label colour

MARGIN_WIDTH = 14  # px the view reserves left of its viewport for the bars
BAR_X = 2  # the first column's bar starts here
BAR_WIDTH = 3
CHECKWORTHY_BAR_WIDTH = 5
COLUMN_STEP = 6  # px between the bars of overlapping claims (two columns fit; deeper ones share the last)
MAX_COLUMN = 1
DASH, GAP = 4, 3  # a HEDGED claim's bar, px
BRACKET_TICK = 3  # px, the horizontal strokes of "[" and "]"


def claim_color(claim_type: str) -> str:
    """The "#rrggbb" a claim of this type is drawn in."""
    return CLAIM_COLORS.get(claim_type, FALLBACK_CLAIM_COLOR)


@dataclass(frozen=True, slots=True)
class PaintedClaim:
    """A claim as the view paints it: Qt (UTF-16) positions and its margin column."""

    id: int | str | None
    qt_start: int
    qt_end: int
    type: str
    certainty: Certainty
    checkworthy: bool
    column: int  # 0: leftmost bar; a claim overlapping an earlier one in the block gets the next


def claim_columns(ranges: Sequence[tuple[int, int]]) -> list[int]:
    """A column for each (start, end): the smallest one no overlapping earlier range holds."""
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i][0], -ranges[i][1], i))
    columns = [0] * len(ranges)
    active: list[tuple[int, int]] = []  # (end, column) of ranges still open
    for i in order:
        start, end = ranges[i]
        active = [(e, c) for e, c in active if e > start]
        taken = {c for _, c in active}
        column = 0
        while column in taken:
            column += 1
        columns[i] = column
        active.append((end, column))
    return columns


class ClaimIndex:
    """The claims that touch a block, worked out when the block is first painted (see SpanIndex)."""

    def __init__(self, document: QTextDocument | None = None, positions: TextPositions | None = None,
                 claims: Sequence[Claim] = ()):
        self.document = document
        self.positions = positions
        self.claims = sorted(claims, key=lambda c: (c.start, -c.end))
        self.starts = [c.start for c in self.claims]
        self.longest = max((c.end - c.start for c in self.claims), default=0)
        self._blocks: dict[int, list[PaintedClaim]] = {}

    def in_block(self, number: int) -> list[PaintedClaim]:
        found = self._blocks.get(number)
        if found is None:
            found = self._blocks[number] = self._find(number)
        return found

    def _find(self, number: int) -> list[PaintedClaim]:
        if not self.claims or self.document is None or self.positions is None:
            return []
        block = self.document.findBlockByNumber(number)
        if not block.isValid():
            return []
        core_start = self.positions.to_core(block.position())
        core_end = max(self.positions.to_core(block.position() + block.length() - 1, round_up=True),
                       core_start + 1)
        lo = bisect_left(self.starts, core_start - self.longest)
        hi = bisect_left(self.starts, core_end)
        touching = [c for c in self.claims[lo:hi] if c.end > core_start and c.start < core_end]
        qt_ranges = [self.positions.span_to_qt(c.start, c.end) for c in touching]
        columns = claim_columns(qt_ranges)
        return [PaintedClaim(c.id, r[0], r[1], c.type, c.certainty, c.checkworthy, col)
                for c, r, col in zip(touching, qt_ranges, columns)]


@dataclass(frozen=True, slots=True)
class Connector:
    """A line drawn for the selected item, its ends in code points of the stored text.

    ``kind``: "speaker" (speaker mention -> claim), "cue" (claim -> its cue) or
    "relation" (head -> tail). The geometry (viewport coordinates) is filled in
    when it is painted; an end off screen sits on the viewport's top or bottom edge.
    """

    kind: str
    label: str
    head: tuple[int, int]
    tail: tuple[int, int]
    head_id: int | str | None
    tail_id: int | str | None  # None for a cue
    relation_id: int | str | None = None
    head_point: tuple[float, float] | None = None
    tail_point: tuple[float, float] | None = None
    label_rect: tuple[float, float, float, float] | None = None  # x, y, width, height
    head_on_screen: bool = False
    tail_on_screen: bool = False


def connectors_for(item_id: int | str | None, claims: Mapping[int | str | None, Claim],
                   spans: Mapping[int | str | None, Span], relations: Iterable[Relation],
                   claims_by_speaker: Mapping[int | str | None, Sequence[Claim]], *,
                   speaker_label: str, cue_label: str) -> list[Connector]:
    """The connectors of one item (a claim or span id): relations first, then speaker and cue lines.

    A speaker line is left out when a relation already joins the speaker and
    the claim (a SAYS relation agrees with the speaker: docs/jsonl.md).
    """
    if item_id is None or (item_id not in claims and item_id not in spans):
        return []

    def extent(node: int | str | None) -> tuple[int, int] | None:
        item = claims.get(node) or spans.get(node)
        return None if item is None else (item.start, item.end)

    found: list[Connector] = []
    linked: set[frozenset] = set()
    for relation in relations:
        if item_id not in (relation.head, relation.tail):
            continue
        head, tail = extent(relation.head), extent(relation.tail)
        if head is None or tail is None:
            continue
        found.append(Connector("relation", relation.label, head, tail, relation.head, relation.tail, relation.id))
        linked.add(frozenset((relation.head, relation.tail)))
    own = claims.get(item_id)
    said = [own] if own is not None else list(claims_by_speaker.get(item_id, ()))
    for claim in said:
        speaker = claim.speaker
        if speaker is None or speaker == AUTHOR or speaker not in spans:
            continue
        if frozenset((speaker, claim.id)) in linked:
            continue
        found.append(Connector("speaker", speaker_label, extent(speaker), (claim.start, claim.end),
                               speaker, claim.id))
    if own is not None and own.cue is not None:
        found.append(Connector("cue", cue_label, (own.start, own.end), (own.cue.start, own.cue.end), own.id, None))
    return found


# --- painting ------------------------------------------------------------------

class ClaimMargin(QWidget):
    """The strip left of the view's viewport where claim bars are drawn."""

    def __init__(self, view: PaintedText):
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(MARGIN_WIDTH, 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.view.viewport().palette().base())
        paint_margin(self.view, painter, event.rect())
        painter.end()


def _column_x(column: int) -> int:
    return BAR_X + COLUMN_STEP * min(column, MAX_COLUMN)


def paint_margin(view: PaintedText, painter: QPainter, area: QRect) -> None:
    """The bars of the claims in the visible blocks inside ``area`` (margin coordinates = viewport y)."""
    index = view.claim_index
    for block, top in view.visible_blocks():
        if top > area.bottom():
            break
        claims = index.in_block(block.blockNumber())
        if not claims:
            continue
        for claim in claims:
            color = QColor(claim_color(claim.type))
            width = CHECKWORTHY_BAR_WIDTH if claim.checkworthy else BAR_WIDTH
            x = _column_x(claim.column)
            for rect in view.line_rects(block, top, claim.qt_start, claim.qt_end):
                y1, y2 = rect.top() + 1, rect.bottom() - 1
                if claim.certainty == Certainty.HEDGED:
                    # Dashes at fixed page positions, so they line up from line to line.
                    y = y1 - ((y1 - top) % (DASH + GAP))
                    while y < y2:
                        start, end = max(y, y1), min(y + DASH, y2)
                        if end > start:
                            painter.fillRect(QRectF(x, start, width, end - start), color)
                        y += DASH + GAP
                else:
                    painter.fillRect(QRectF(x, y1, width, y2 - y1), color)


def _bracket_pen(claim: PaintedClaim, selected: bool) -> QPen:
    pen = QPen(QColor(claim_color(claim.type)))
    pen.setWidthF(2.4 if selected else 1.6)
    if claim.certainty == Certainty.HEDGED:
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([1.5, 1.2])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def paint_brackets(view: PaintedText, painter: QPainter, area: QRect, selected_id: int | str | None) -> None:
    """ "[" at each visible claim's start and "]" at its end (over the text), "✓" for check-worthy."""
    index = view.claim_index
    for block, top in view.visible_blocks():
        if top > area.bottom():
            break
        claims = index.in_block(block.blockNumber())
        if not claims:
            continue
        block_start = block.position()
        block_end = block_start + block.length() - 1  # the paragraph separator's position
        for claim in claims:
            rects = view.line_rects(block, top, claim.qt_start, claim.qt_end)
            if not rects:
                continue
            painter.setPen(_bracket_pen(claim, claim.id == selected_id))
            if block_start <= claim.qt_start <= block_end:
                r = rects[0]
                x, y1, y2 = r.left() - 1, r.top() + 1, r.bottom() - 1
                painter.drawPolyline(QPolygonF([QPointF(x + BRACKET_TICK, y1), QPointF(x, y1),
                                                QPointF(x, y2), QPointF(x + BRACKET_TICK, y2)]))
            if block_start < claim.qt_end <= block_end:
                r = rects[-1]
                x, y1, y2 = r.right() + 1, r.top() + 1, r.bottom() - 1
                painter.drawPolyline(QPolygonF([QPointF(x - BRACKET_TICK, y1), QPointF(x, y1),
                                                QPointF(x, y2), QPointF(x - BRACKET_TICK, y2)]))
                if claim.checkworthy:  # a small check mark, drawn (a font's "✓" is often too thin)
                    painter.save()
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                    check = QPen(QColor(claim_color(claim.type)))
                    check.setWidthF(1.8)
                    check.setCapStyle(Qt.PenCapStyle.RoundCap)
                    painter.setPen(check)
                    painter.drawPolyline(QPolygonF([QPointF(x + 2, y1 + 3), QPointF(x + 4, y1 + 5.5),
                                                    QPointF(x + 8, y1)]))
                    painter.restore()


@dataclass(frozen=True, slots=True)
class _End:
    """One end of a connector on screen: the line rectangle it meets and the x it meets it at."""

    x: float
    top: float
    bottom: float


def _end(view: PaintedText, extent: tuple[int, int], toward: tuple[int, int], is_claim: bool,
         visible: dict[int, float]) -> tuple[_End | None, int]:
    """Where a connector meets an item (None when its block is off screen), and the item's block number.

    A claim is met at its "[" or its "]", whichever is nearer the other end;
    anything else at the middle of its first line.
    """
    start, end = extent
    qt_start, qt_end = view.positions.span_to_qt(start, end)
    use_end = is_claim and toward[0] >= end
    probe = max(qt_start, qt_end - 1) if use_end else qt_start
    block = view.document().findBlock(probe)
    number = block.blockNumber()
    top = visible.get(number)
    if top is None:
        return None, number
    rects = view.line_rects(block, top, qt_start, qt_end)
    if not rects:
        return None, number
    r = rects[-1] if use_end else rects[0]
    x = (r.right() - 2 if use_end else r.left() + 2) if is_claim else r.center().x()
    return _End(x, r.top() + 1, r.bottom() - 1), number


GUTTER_X = 1.5  # px: arcs between lines run down the viewport's left edge, left of the text


def _route(a: _End | None, a_block: int, b: _End | None, b_block: int, first: int,
           height: float, lane_y: Callable[[float], float]) -> tuple[list[QPointF], QPointF]:
    """The corners of a connector from a to b, and where its label goes.

    It never crosses the words: up from each end into the arc lane of the band
    above that end's line (``lane_y``: the lane's y for a line top), along the
    lane; between lines, down the left edge. An end off screen is on the
    viewport's top or bottom edge."""
    if a is None or b is None:
        seen, seen_is_a = (b, False) if a is None else (a, True)
        hidden_block = a_block if a is None else b_block
        lane = lane_y(seen.top - 1)
        edge = -4.0 if hidden_block < first else height + 4.0
        points = [QPointF(seen.x, seen.top), QPointF(seen.x, lane), QPointF(GUTTER_X, lane),
                  QPointF(GUTTER_X, edge)]
        if not seen_is_a:
            points.reverse()
        return points, QPointF((seen.x + GUTTER_X) / 2, lane)
    a_lane, b_lane = lane_y(a.top - 1), lane_y(b.top - 1)
    if abs(a.top - b.top) < 2:  # one line: along the lane above it
        return ([QPointF(a.x, a.top), QPointF(a.x, a_lane), QPointF(b.x, a_lane), QPointF(b.x, b.top)],
                QPointF((a.x + b.x) / 2, a_lane))
    points = [QPointF(a.x, a.top), QPointF(a.x, a_lane), QPointF(GUTTER_X, a_lane),
              QPointF(GUTTER_X, b_lane), QPointF(b.x, b_lane), QPointF(b.x, b.top)]
    upper = (a.x, a_lane) if a_lane < b_lane else (b.x, b_lane)
    return points, QPointF((upper[0] + GUTTER_X) / 2, upper[1])


def _rounded_path(points: Sequence[QPointF], radius: float = 4.0) -> QPainterPath:
    """A polyline with its corners rounded."""
    path = QPainterPath(points[0])
    for before, corner, after in zip(points, points[1:], points[2:]):
        def toward(target: QPointF) -> QPointF:
            dx, dy = target.x() - corner.x(), target.y() - corner.y()
            length = math.hypot(dx, dy) or 1.0
            step = min(radius, length / 2)
            return QPointF(corner.x() + dx / length * step, corner.y() + dy / length * step)
        path.lineTo(toward(before))
        path.quadTo(corner, toward(after))
    path.lineTo(points[-1])
    return path


def paint_connectors(view: PaintedText, painter: QPainter, connectors: Sequence[Connector]) -> list[Connector]:
    """Draw the connectors with at least one end on screen; returns them with their geometry."""
    visible = {block.blockNumber(): top for block, top in view.visible_blocks()}
    if not visible:
        return []
    first = min(visible)
    height = view.viewport().height()
    width = view.viewport().width()
    claims = view.claims_by_id
    font = QFont(view.label_band.font)
    font.setBold(False)
    metrics = QFontMetricsF(font)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    drawn: list[Connector] = []
    placed: list[QRectF] = []
    for connector in connectors:
        a, a_block = _end(view, connector.head, connector.tail, connector.head_id in claims, visible)
        b, b_block = _end(view, connector.tail, connector.head,
                          connector.tail_id is not None and connector.tail_id in claims, visible)
        if a is None and b is None:
            continue
        points, mid = _route(a, a_block, b, b_block, first, height, view.label_band.lane_y)
        p0, p3 = points[0], points[-1]
        path = _rounded_path(points)
        if connector.kind == "relation":
            color = QColor(CONNECTOR_COLOR)
        else:
            claim = claims.get(connector.tail_id if connector.kind == "speaker" else connector.head_id)
            color = QColor(claim_color(claim.type if claim else ""))
        pen = QPen(color)
        pen.setWidthF(1.3)
        if connector.kind == "cue":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if connector.kind != "cue" and b is not None:  # an arrowhead on the tail
            tangent = p3 - points[-2]
            length = math.hypot(tangent.x(), tangent.y()) or 1.0
            ux, uy = tangent.x() / length, tangent.y() / length
            back = QPointF(p3.x() - 6.5 * ux, p3.y() - 6.5 * uy)
            side = QPointF(-uy * 3.2, ux * 3.2)
            painter.setBrush(QBrush(color))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(QPolygonF([p3, back + side, back - side]))
        # The label on the lane, on a box; boxes that would overlap move along the lane.
        box_width = metrics.horizontalAdvance(connector.label) + 6
        box_height = metrics.height()
        box = QRectF(mid.x() - box_width / 2, mid.y() - box_height / 2, box_width, box_height)
        box.moveLeft(max(1.0, min(box.left(), width - box_width - 1)))
        box.moveTop(max(1.0, min(box.top(), height - box_height - 1)))
        for _ in range(6):
            if not any(box.intersects(other) for other in placed):
                break
            box.translate(box_width + 2, 0)
        placed.append(box)
        painter.setPen(QPen(color, 1.0))
        painter.setBrush(QBrush(QColor(255, 255, 255, 240)))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(color)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, connector.label)
        drawn.append(replace(connector, head_point=(p0.x(), p0.y()), tail_point=(p3.x(), p3.y()),
                             label_rect=(box.x(), box.y(), box.width(), box.height()),
                             head_on_screen=a is not None, tail_on_screen=b is not None))
    painter.restore()
    return drawn
