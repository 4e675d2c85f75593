"""Label tags above the text, brat-style: a band between lines for tags and arcs.

Every visual line of the document view gets a band of free space above it
(:class:`BandLayout`). The band has two parts, top to bottom:

- the *arc lane*, where connectors (speaker, cue, relations) run and put their
  labels, so an arc never crosses the words (:mod:`annotator.gui.text.claim_painting`);
- the *tag rows*: each span's label, its short name on a box of the label's
  colour, sits above the span's first line; a thin bracket under the tag spans
  the span's width on every line. Nested spans stack their tags, the innermost
  nearest the text (:func:`tag_rows`).

A blank line gets no band. The band is as tall on every other line (as many tag rows as the document's spans
nest deep, at most :data:`MAX_TAG_ROWS`), so lines do not jump when a span is
added; with tags hidden (a preference) only the arc lane is left.

Tag text is black or white, whichever contrasts more with the label colour
(:func:`tag_text_color`): the WCAG contrast of the better one is never below
4.58:1, whatever the colour (tests check both palettes).

Why a layout subclass: ``QPlainTextEdit``'s layout ignores a block format's
line height and margins, and Qt has no API for space between wrapped lines, so
:class:`BandLayout` moves each laid-out line down by the band and reports the
taller block; everything Qt does afterwards (painting, the caret, hit tests,
scrolling) reads those line positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

MAX_TAG_ROWS = 3  # deeper nesting shares the top row (its tags are shortened to fit)
TAG_SCALE = 0.68  # the tag font against the text font
MIN_TAG_POINTS = 6.5
TAG_GAP = 4.0  # px between two tags on one row
BLACK, WHITE = QColor("#000000"), QColor("#ffffff")


class BandLayout(QPlainTextDocumentLayout):
    """The plain-text layout with ``band`` px of free space above every visual line."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.band = 0.0

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802
        rect = super().blockBoundingRect(block)  # lays the block out when it is not yet
        layout = block.layout()
        count = layout.lineCount() if layout is not None else 0
        band = self.band if block.text().strip() else 0.0  # a blank line holds no span: no band
        if count and abs(layout.lineAt(0).y() - band) > 0.01:
            y = 0.0
            for n in range(count):
                line = layout.lineAt(n)
                line.setPosition(QPointF(line.x(), y + band))
                y += band + line.height()
            rect = super().blockBoundingRect(block)  # now measured over the moved lines
        return rect


def relative_luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast_ratio(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    a, b = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def tag_text_color(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) else WHITE


@dataclass(frozen=True, slots=True)
class TagBox:
    """One tag to draw: its label, the x range it wants, its nesting depth, the span's first line."""

    label: str
    left: float
    right: float
    depth: int
    span_left: float
    span_right: float


def tag_rows(boxes: Sequence[TagBox], rows: int) -> list[int]:
    """The row (0: nearest the text) of each tag: the innermost spans first, each on the lowest row
    at or above its depth's where it overlaps no tag placed already; none free: the top row."""
    order = sorted(range(len(boxes)), key=lambda i: (-boxes[i].depth, boxes[i].left))
    taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    max_depth = max((b.depth for b in boxes), default=0)
    placed = [rows - 1] * len(boxes)
    for i in order:
        box = boxes[i]
        lowest = min(max_depth - box.depth, rows - 1)  # an outer span stays above the spans it holds
        for row in range(lowest, rows):
            if all(box.right + TAG_GAP <= a or b + TAG_GAP <= box.left for a, b in taken[row]):
                placed[i] = row
                break
        taken[placed[i]].append((box.left, box.right))
    return placed


class LabelBand:
    """The band's sizes for one view, and the painting of its tags."""

    def __init__(self) -> None:
        self.show_tags = True
        self.rows = 1
        self.font = QFont()
        self.metrics = QFontMetricsF(self.font)
        self.painted_tags: list[tuple[str, QRectF, object]] = []  # (label, box, span id) as last painted

    def set_font(self, text_font: QFont) -> None:
        self.font = QFont(text_font)
        self.font.setPointSizeF(max(MIN_TAG_POINTS, text_font.pointSizeF() * TAG_SCALE))
        self.font.setBold(True)
        self.metrics = QFontMetricsF(self.font)

    @property
    def tag_height(self) -> float:
        return self.metrics.height() + 1.0

    @property
    def arc_lane(self) -> float:
        return self.metrics.height() + 2.0

    @property
    def height(self) -> float:
        """The band above every line, px."""
        return self.arc_lane + (self.rows * self.tag_height if self.show_tags else 0.0)

    def lane_y(self, line_top: float) -> float:
        """The y of the arc lane's middle above a line whose text starts at ``line_top``."""
        return line_top - self.height + self.arc_lane / 2

    def set_depth(self, deepest: int) -> None:
        """Rows for spans nested ``deepest`` deep (0: none nested)."""
        self.rows = max(1, min(deepest + 1, MAX_TAG_ROWS))

    def paint(self, painter: QPainter, lines: Sequence[tuple], width: float) -> None:
        """Tags and brackets of the spans in one visual line.

        ``lines``: for each span on the line, (its rectangle on the line, label, colour, depth,
        whether the span starts on this line, so it gets its tag here, the span's id)."""
        if not self.show_tags or not lines:
            return
        boxes: list[TagBox] = []
        for rect, label, _color, depth, starts, _span_id in lines:
            text_width = self.metrics.horizontalAdvance(label) + 6 if starts else 0.0
            centre = rect.center().x()
            left = max(1.0, min(centre - text_width / 2, width - text_width - 1))
            boxes.append(TagBox(label, left, left + text_width, depth, rect.left(), rect.right()))
        rows = tag_rows(boxes, self.rows)
        # No row free for a tag (a crowded line): it and the tags it meets on its row shrink to their
        # spans' widths, their text cut short, so no two overlap.
        crowded = {i for i, (box, row) in enumerate(zip(boxes, rows)) if box.right > box.left
                   and any(j != i and rows[j] == row and other.right > other.left
                           and box.left < other.right + TAG_GAP and other.left < box.right + TAG_GAP
                           for j, other in enumerate(boxes))}
        painter.save()
        painter.setFont(self.font)
        for n, ((rect, label, color, _depth, starts, span_id), box, row) in enumerate(zip(lines, boxes, rows)):
            bottom = rect.top() - 1.0 - row * self.tag_height
            pen = QPen(color.darker(130))
            pen.setWidthF(1.0)
            painter.setPen(pen)
            # The bracket: a line under the tag across the span, ticks down to the text.
            y = bottom - 0.5
            painter.drawLine(QPointF(rect.left() + 0.5, y), QPointF(rect.right() - 0.5, y))
            painter.drawLine(QPointF(rect.left() + 0.5, y), QPointF(rect.left() + 0.5, rect.top()))
            painter.drawLine(QPointF(rect.right() - 0.5, y), QPointF(rect.right() - 0.5, rect.top()))
            if not starts:
                continue
            left, right = box.left, box.right
            if n in crowded:
                left, right = box.span_left + 0.5, max(box.span_right - 0.5, box.span_left + 6.0)
            tag = QRectF(left, bottom - self.tag_height + 1.5, right - left, self.tag_height - 2.5)
            text = label if right - left >= box.right - box.left else self.metrics.elidedText(
                label, Qt.TextElideMode.ElideRight, right - left - 2)
            painter.setBrush(color)
            painter.drawRoundedRect(tag, 2.5, 2.5)
            painter.setPen(tag_text_color(color))
            painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
            self.painted_tags.append((label, tag, span_id))
        painter.restore()

    def begin_paint(self) -> None:
        self.painted_tags = []

    def span_at(self, point: QPointF) -> object | None:
        """The id of the span whose tag was painted under ``point`` (viewport), or None."""
        return next((span_id for _label, box, span_id in self.painted_tags if box.contains(point)), None)


