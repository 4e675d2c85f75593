"""Discontinuous spans on the document view: each fragment painted as a span, a thin link between them.

A discontinuous span ("Председатель … Совета министров Кубы") is handed to the span painter as one
piece per fragment (:func:`painted_pieces`), so the words of its gaps are not tinted as its own;
then, over the text, :func:`paint_fragment_links` draws a thin dotted line in the label's colour
along the baseline from the end of each fragment to the start of the next. On one visual line it
runs straight between the two; when the next fragment is on a later line it runs to the line's end
and goes on from the start of the next fragment's line. Only lines on screen are looked at.

The view hands over its spans and paints; this module does not import the view (it reads what
:class:`FragmentText` names), so the two do not import each other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock, QTextDocument
from PySide6.QtWidgets import QWidget

from annotator.domain.model import Span
from annotator.gui.text.text_positions import TextPositions

LINK_WIDTH = 1.5  # pixels: thinner than a nested span's underline (2), so the two are told apart


class FragmentText(Protocol):
    positions: TextPositions

    def viewport(self) -> QWidget: ...

    def document(self) -> QTextDocument: ...

    def visible_blocks(self) -> list[tuple[QTextBlock, float]]: ...

    def line_rects(self, block: QTextBlock, top: float, qt_start: int, qt_end: int) -> list[QRectF]: ...


@dataclass(frozen=True, slots=True)
class FragmentLink:
    """One painted stretch of a link between two fragments of a span (viewport coordinates)."""

    span_id: int | str | None
    label: str
    start: QPointF
    end: QPointF


def painted_pieces(spans: Iterable[Span]) -> list[Span]:
    """The spans as the span painter tints them: a discontinuous one as one span per fragment."""
    out: list[Span] = []
    for span in spans:
        if span.fragments:
            out.extend(dataclasses.replace(span, start=a, end=b, fragments=()) for a, b in span.fragments)
        else:
            out.append(span)
    return out


def fragment_rects(view: FragmentText, start: int, end: int) -> list[QRectF]:
    """The rectangles (one per visual line on screen) of code points [start, end)."""
    qt_start, qt_end = view.positions.span_to_qt(start, end)
    rects: list[QRectF] = []
    for block, top in view.visible_blocks():
        if block.position() >= qt_end:
            break
        if block.position() + block.length() > qt_start:
            rects += view.line_rects(block, top, qt_start, qt_end)
    return rects


def fragment_links(view: FragmentText, spans: Iterable[Span]) -> list[FragmentLink]:
    """The stretches of line that join the fragments of each discontinuous span on screen."""
    spans = [s for s in spans if s.fragments]
    blocks = view.visible_blocks() if spans else []
    if not blocks:
        return []
    first_qt = blocks[0][0].position()
    last_block = blocks[-1][0]
    last_qt = last_block.position() + last_block.length() - 1  # without the block's separator
    first, last = view.positions.to_core(first_qt), view.positions.to_core(last_qt, round_up=True)
    left = view.document().documentMargin()
    right = float(view.viewport().width()) - left
    links: list[FragmentLink] = []
    for span in spans:
        if span.end <= first or span.start > last:
            continue
        for (a_start, a_end), (b_start, b_end) in zip(span.fragments, span.fragments[1:]):
            before = fragment_rects(view, a_start, a_end)
            after = fragment_rects(view, b_start, b_end)
            if not before and not after:
                continue
            if before and after and abs(before[-1].bottom() - after[0].bottom()) < 1:
                y = before[-1].bottom() - 1
                links.append(FragmentLink(span.id, span.label, QPointF(before[-1].right(), y),
                                          QPointF(after[0].left(), y)))
                continue
            if before:  # to the end of the first fragment's line
                y = before[-1].bottom() - 1
                links.append(FragmentLink(span.id, span.label, QPointF(before[-1].right(), y), QPointF(right, y)))
            if after:  # and on from the start of the next fragment's line
                y = after[0].bottom() - 1
                links.append(FragmentLink(span.id, span.label, QPointF(left, y), QPointF(after[0].left(), y)))
    return links


def paint_fragment_links(view: FragmentText, painter: QPainter, spans: Iterable[Span],
                         color: Callable[[str], QColor]) -> list[FragmentLink]:
    """Draw the links of the discontinuous spans on screen; returns what was drawn (for tests)."""
    links = fragment_links(view, spans)
    if not links:
        return links
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for link in links:
        pen = QPen(color(link.label))
        pen.setWidthF(LINK_WIDTH)
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawLine(link.start, link.end)
    painter.restore()
    return links
