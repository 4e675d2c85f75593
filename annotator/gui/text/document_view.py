"""The document's text with one annotation set's spans painted on it.

The text never changes after import, so the view is read-only. Spans are
painted by the view itself (:class:`SpanPainter`), only for the blocks being
drawn, never by ``ExtraSelection`` objects (thousands of those abort PySide6
6.12 on Python 3.11: docs/architecture.md, "A PySide6 trap") nor by a QSyntaxHighlighter
(it formats every paragraph as a text goes in). The one span under the caret
is outlined too.

Claims are shown apart from entities (:mod:`annotator.gui.text.claim_painting`): a
bar in a margin left of the viewport beside every line a claim covers and thin
brackets at its ends, in a colour per claim type, dashed when HEDGED, with a
"✓" when check-worthy; they too are looked at only for the blocks on screen.
For one *selected* item (a claim or a span) the view draws connectors: lines to
a claim's speaker and cue, and labelled arcs for the relations it is the head
or tail of. The selected item is the one given to :meth:`DocumentView.set_selected`;
while none is given (or after ``set_selected(None)``, or a new document) it
follows the caret: the claim under the caret, else the span under the caret.

*Marked regions* (:meth:`DocumentView.set_marks`) are ranges the view frames
with a dashed outline, whatever they hold (the curation window marks where
annotators disagree); the *current* one is framed solid on a light wash. Like
spans they are looked at only for the blocks being painted.

Positions: spans and tokens come in Unicode code points; every conversion to
and from Qt's UTF-16 positions goes through :class:`TextPositions`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from annotator.domain.model import Certainty, Claim, Relation, Span
from annotator.domain.tokens import Token, nearest_edge, snap_to_covered_tokens, tokenize
from annotator.gui.text.claim_painting import (
    MARGIN_WIDTH,
    ClaimIndex,
    ClaimMargin,
    Connector,
    PaintedClaim,
    connectors_for,
    paint_brackets,
    paint_connectors,
)
from annotator.gui.text.label_band import MAX_TAG_ROWS, BandLayout, LabelBand
from annotator.gui.text.repeat_margin import RepeatMargin
from annotator.gui.text.suggestion_painting import SuggestionLayer
from annotator.gui.text.fragment_painting import FragmentLink, painted_pieces, paint_fragment_links
from annotator.gui.text.text_positions import TextPositions

BACKGROUND_ALPHA = 70  # of 255: a light tint of the label's colour for outermost spans
FALLBACK_COLOR = "#888888"
MARK_COLOR = "#d81b60"  # marked regions' frames: a strong pink, apart from the label and claim colours
MARK_WASH_ALPHA = 40  # of 255: the current marked region's background
EDGE_GRAB_PX = 4  # a press this near a span's first or last character's edge drags that edge


@dataclass(frozen=True, slots=True)
class PaintedSpan:
    """A span as the view paints it: Qt (UTF-16) positions, nesting depth."""

    id: int | str | None
    qt_start: int
    qt_end: int
    label: str
    depth: int  # 0: outermost; 1+: nested inside another span


def nesting_depths(spans: Sequence[tuple[int, int]]) -> list[int]:
    """Depth of each (start, end): how many other spans contain it (the first of equal ranges is outer)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1], i))
    depths = [0] * len(spans)
    stack: list[int] = []  # ends of the open containers
    for i in order:
        start, end = spans[i]
        while stack and stack[-1] <= start:
            stack.pop()
        # Containers on the stack that reach this span's end hold it; crossing
        # (overlapping, not containing) spans do not count.
        depth = 0
        for container_end in stack:
            if container_end >= end:
                depth += 1
        depths[i] = depth
        stack.append(end)
    return depths


def deepest_nesting(ordered: Sequence[Span], cap: int) -> int:
    """How deep the spans nest (0: none inside another), counted up to ``cap``: one pass over the
    spans sorted by (start, -end), as ``nesting_depths`` but without a depth per span."""
    deepest = 0
    ends: list[int] = []  # ends of the spans still open at the current start
    for span in ordered:
        while ends and ends[-1] <= span.start:
            ends.pop()
        depth = 0
        for end in reversed(ends):
            if end >= span.end:
                depth += 1
                if depth >= cap:
                    return cap
        deepest = max(deepest, depth)
        ends.append(span.end)
    return deepest


class SpanIndex:
    """The spans that touch a block, worked out when the block is first painted.

    Nothing is converted at open: a block's Qt range is turned into code points,
    the spans there are found by bisect over their starts (within the longest
    span's length), and only those are converted and given their nesting depth.
    """

    def __init__(self, document: QTextDocument | None = None, positions: TextPositions | None = None,
                 spans: Sequence[Span] = ()):
        self.document = document
        self.positions = positions
        self.spans = sorted(spans, key=lambda s: (s.start, -s.end))
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)
        self._blocks: dict[int, list[PaintedSpan]] = {}

    def block_of(self, qt_position: int) -> int:
        return self.document.findBlock(qt_position).blockNumber() if self.document else 0

    def blocks_of(self, qt_start: int, qt_end: int) -> range:
        return range(self.block_of(qt_start), self.block_of(max(qt_start, qt_end - 1)) + 1)

    def in_block(self, number: int) -> list[PaintedSpan]:
        found = self._blocks.get(number)
        if found is None:
            found = self._blocks[number] = self._find(number)
        return found

    def _find(self, number: int) -> list[PaintedSpan]:
        if not self.spans or self.document is None or self.positions is None:
            return []
        block = self.document.findBlockByNumber(number)
        if not block.isValid():
            return []
        core_start = self.positions.to_core(block.position())
        core_end = self.positions.to_core(block.position() + block.length() - 1, round_up=True)
        lo = bisect_left(self.starts, core_start - self.longest)
        hi = bisect_left(self.starts, max(core_end, core_start + 1))
        touching = [s for s in self.spans[lo:hi] if s.end > core_start and s.start < max(core_end, core_start + 1)]
        qt_ranges = [self.positions.span_to_qt(s.start, s.end) for s in touching]
        depths = nesting_depths(qt_ranges)
        return [PaintedSpan(s.id, r[0], r[1], s.label, d) for s, r, d in zip(touching, qt_ranges, depths)]


class SpanPainter:
    """Paints spans under the text: a tint for the outermost, an underline for each nested level.

    Our own painting, not a QSyntaxHighlighter: a highlighter formats every
    paragraph when a text goes in (4,500 Python calls for 1 MB), and QTextLayout
    formats cannot show two nested spans at once. Here only the blocks being
    painted are looked at, and their spans are found lazily (:class:`SpanIndex`).
    """

    def __init__(self, colors: dict[str, str]):
        self.set_colors(colors)
        self.index = SpanIndex()
        self.painted_blocks = 0  # blocks painted with spans, for tests and benchmarks

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = {name: QColor(value) for name, value in colors.items()}
        self._tints: dict[str, QColor] = {}

    def color(self, label: str) -> QColor:
        return self._colors.get(label, QColor(FALLBACK_COLOR))

    def tint(self, label: str) -> QColor:
        tint = self._tints.get(label)
        if tint is None:
            tint = QColor(self.color(label))
            tint.setAlpha(BACKGROUND_ALPHA)
            self._tints[label] = tint
        return tint

    def set_index(self, index: SpanIndex) -> None:
        self.index = index


class DocumentView(QPlainTextEdit):
    """Read-only text with spans, a token caret, snapping and a span outline."""

    caret_span_changed = Signal(object)  # the span under the caret (a Span) or None
    caret_claim_changed = Signal(object)  # the claim under the caret (a Claim) or None
    selection_changed_core = Signal(object)  # (start, end) in code points, or None
    edge_dragged = Signal(object, int, int)  # (the Span or Claim, its new start, its new end): a dragged edge let go

    def __init__(self, colors: dict[str, str] | None = None, parent: QWidget | None = None,
                 *, snap_to_tokens: bool = True):
        super().__init__(parent)
        # Tags and arcs live in a band above every line (label_band.py): a layout that makes room.
        document = QTextDocument(self)
        self.band_layout = BandLayout(document)
        document.setDocumentLayout(self.band_layout)
        self.setDocument(document)
        self.label_band = LabelBand()
        self.label_band.set_font(self.font())
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Qt sizes the last page of the scroll range by the lines' own heights, not the band between
        # them (label_band.py): scrolling on past the end keeps the last lines reachable.
        self.setCenterOnScroll(True)
        self.setMouseTracking(True)
        self.snap_to_tokens = snap_to_tokens
        self.edges_editable = True  # False: a press on an edge selects as anywhere else (read-only views)
        self._edge_drag: tuple[Span, str] | None = None  # the span whose edge ("start"/"end") is being dragged
        self._edge_preview: tuple[int, int] | None = None  # its bounds as the drag stands
        self.highlighter = SpanPainter(colors or {})
        self.positions = TextPositions("")
        self._text = ""
        self._tokens: list[Token] | None = None
        self._spans: dict[int | str | None, Span] = {}
        self._core_starts: list[int] = []  # spans sorted by core start, for lookups
        self._core_sorted: list[Span] = []
        self.last_rehighlighted: list[int] = []  # block numbers redrawn by the last set_spans
        self._caret_span: Span | None = None
        # Claims and relations (see the module doc).
        self.claim_index = ClaimIndex()
        self._claims: dict[int | str | None, Claim] = {}
        self._claims_sorted: list[Claim] = []  # by (start, -end), for lookups
        self._claim_starts: list[int] = []
        self._claim_longest = 0
        self._claims_by_speaker: dict[int | str | None, list[Claim]] = {}
        self._relations: list[Relation] = []
        self._caret_claim: Claim | None = None
        self._selected_id: int | str | None = None  # None: follow the caret
        self._connectors: list[Connector] = []  # as last painted
        self.fragment_links: list[FragmentLink] = []  # discontinuous spans' links, as last painted
        # Marked regions (code points); their index is built like the spans' (painted per block).
        self._marks: list[tuple[int, int]] = []
        self._current_mark: tuple[int, int] | None = None
        self.mark_index = SpanIndex()
        self.claim_margin = ClaimMargin(self)
        self._apply_band()
        self.setViewportMargins(MARGIN_WIDTH, 0, 0, 0)
        # Open suggestions (dashed frames) and the repeated passages' margin: their own modules.
        self.suggestion_layer = SuggestionLayer(self, SpanIndex)
        self.repeat_margin = RepeatMargin(self, SpanIndex)
        self.updateRequest.connect(self._update_margin)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self.selectionChanged.connect(self._on_selection_changed)

    # --- content -----------------------------------------------------------
    def set_colors(self, colors: dict[str, str]) -> None:
        self.highlighter.set_colors(colors)
        self.viewport().update()

    def set_document(self, text: str, spans: Iterable[Span] = (), *, claims: Iterable[Claim] = (),
                     relations: Iterable[Relation] = ()) -> None:
        """Show a new text (stored, code points) with its spans, claims and relations.

        The old claims and relations go (their offsets belong to the old text),
        and the selected item follows the caret again.
        """
        self._text = text
        self._tokens = None  # tokenised lazily: 1 MB takes about a second
        self.positions = TextPositions(text)
        self._caret_span = None
        spans = list(spans)
        self.highlighter.set_index(SpanIndex())  # no old spans on the new text
        self._clear_claims()
        # The band's depth before the text is laid out, so the scroll range is right from the start.
        ordered = sorted(spans, key=lambda s: (s.start, -s.end))
        self.label_band.set_depth(deepest_nesting(ordered, MAX_TAG_ROWS - 1))
        self._apply_band()
        self.setPlainText(self.positions.display_text)
        self._store_spans(spans, ordered)
        self._store_claims(list(claims))
        self._relations = list(relations)
        self._marks, self._current_mark, self.mark_index = [], None, SpanIndex()
        self.suggestion_layer.clear()
        self.repeat_margin.clear()
        self.last_rehighlighted = []
        self._update_caret_claim()
        self.viewport().update()
        self.claim_margin.update()

    def set_spans(self, spans: Iterable[Span], changed: Iterable[int | str | None] | None = None) -> list[int]:
        """Replace the spans, redrawing only the blocks of spans that changed.

        ``changed``: ids of the spans known to have changed (added, removed,
        relabelled); when None, the difference with the current spans is used.
        Returns the numbers of the blocks redrawn.
        """
        spans = list(spans)
        old = self._spans
        new = {s.id: s for s in spans}
        if changed is None:
            changed_ids = {i for i in old.keys() | new.keys() if old.get(i) != new.get(i)}
        else:
            changed_ids = set(changed)
        ranges = [(s.start, s.end) for i in changed_ids for s in (old.get(i), new.get(i)) if s is not None]
        self._store_spans(spans)
        blocks: set[int] = set()
        for start, end in ranges:
            qt_start, qt_end = self.positions.span_to_qt(start, end)
            blocks.update(self.highlighter.index.blocks_of(qt_start, qt_end))
        self.last_rehighlighted = sorted(blocks)
        self._update_caret_span()
        self.viewport().update()
        return self.last_rehighlighted

    def _store_spans(self, spans: list[Span], ordered: list[Span] | None = None) -> None:
        """``ordered``: the spans sorted by (start, -end) already, if the caller has them."""
        self._spans = {s.id: s for s in spans}
        self._core_sorted = ordered if ordered is not None else sorted(spans, key=lambda s: (s.start, -s.end))
        self.label_band.set_depth(deepest_nesting(self._core_sorted, MAX_TAG_ROWS - 1))
        self._apply_band()
        self._core_starts = [s.start for s in self._core_sorted]
        self.highlighter.set_index(SpanIndex(self.document(), self.positions, painted_pieces(spans)))

    @property
    def text(self) -> str:
        return self._text

    # --- the label band ----------------------------------------------------------
    def set_tags_shown(self, shown: bool) -> None:
        """Write each span's label above it (the default), or leave only the tints (a preference)."""
        self.label_band.show_tags = shown
        self._apply_band()

    def tags_shown(self) -> bool:
        return self.label_band.show_tags

    def _apply_band(self) -> None:
        """Give every line the band's height above it; the layout moves the lines when next asked."""
        if abs(self.band_layout.band - self.label_band.height) > 0.01:
            self.band_layout.band = self.label_band.height
            # Every block is taller or shorter now: the view sizes its scroll range again on this signal.
            self.band_layout.documentSizeChanged.emit(self.band_layout.documentSize())
            self.viewport().update()
            self.claim_margin.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:  # the band first, so Qt lays out with the new one
            self.label_band.set_font(self.font())
            self._apply_band()
        super().changeEvent(event)

    def _paint_tags(self, painter: QPainter, area: QRect) -> None:
        """The labels of the spans on screen, above their first line (label_band.py)."""
        self.label_band.begin_paint()
        if not self.label_band.show_tags or not self._spans:
            return
        width = self.viewport().width()
        for block, top in self.visible_blocks():
            if top > area.bottom():
                break
            spans = self.highlighter.index.in_block(block.blockNumber())
            if not spans:
                continue
            by_line: dict[float, list] = {}
            for span in spans:
                core = self._spans.get(span.id)  # a discontinuous span is painted piece by piece
                first_piece = core is None or self.positions.to_qt(core.start) == span.qt_start
                for n, rect in enumerate(self.line_rects(block, top, span.qt_start, span.qt_end)):
                    starts = n == 0 and first_piece and span.qt_start >= block.position()
                    by_line.setdefault(rect.top(), []).append(
                        (rect, span.label, self.highlighter.color(span.label), span.depth, starts, span.id))
            for line in by_line.values():
                self.label_band.paint(painter, line, width)

    # --- claims and relations ----------------------------------------------------
    def set_claims(self, claims: Iterable[Claim]) -> None:
        """Replace the claims (code points of the current text); only visible blocks are looked at."""
        self._store_claims(list(claims))
        self._update_caret_claim()
        self.viewport().update()
        self.claim_margin.update()

    def _clear_claims(self) -> None:
        self.claim_index = ClaimIndex()
        self._claims, self._claims_sorted, self._claim_starts = {}, [], []
        self._claim_longest = 0
        self._claims_by_speaker = {}
        self._relations = []
        self._selected_id = None
        self._connectors = []

    def _store_claims(self, claims: list[Claim]) -> None:
        self._claims = {c.id: c for c in claims}
        self._claims_sorted = sorted(claims, key=lambda c: (c.start, -c.end))
        self._claim_starts = [c.start for c in self._claims_sorted]
        self._claim_longest = max((c.end - c.start for c in claims), default=0)
        self._claims_by_speaker = {}
        for claim in self._claims_sorted:
            if claim.speaker is not None:
                self._claims_by_speaker.setdefault(claim.speaker, []).append(claim)
        self.claim_index = ClaimIndex(self.document(), self.positions, claims)

    def claims(self) -> list[Claim]:
        return list(self._claims.values())

    def claims_at(self, position: int) -> list[Claim]:
        """Claims covering code point ``position``, outermost first."""
        lo = bisect_left(self._claim_starts, position - self._claim_longest)
        hi = bisect_right(self._claim_starts, position)
        return [c for c in self._claims_sorted[lo:hi] if c.end > position]

    def claim_at(self, position: int) -> Claim | None:
        """The innermost claim covering code point ``position``, or None."""
        covering = self.claims_at(position)
        return min(covering, key=lambda c: c.end - c.start) if covering else None

    def claim_with_range(self, start: int, end: int) -> Claim | None:
        lo = bisect_left(self._claim_starts, start)
        for claim in self._claims_sorted[lo:]:
            if claim.start != start:
                break
            if claim.end == end:
                return claim
        return None

    def claim_under_caret(self) -> Claim | None:
        """The claim the selection matches exactly, else the innermost claim at the caret
        (a caret just after a claim's last character counts as in it, as for spans)."""
        selection = self.selection_core()
        if selection is not None:
            exact = self.claim_with_range(*selection)
            if exact is not None:
                return exact
            position = selection[0]
        else:
            position = self.caret_core()
        claim = self.claim_at(position)
        if claim is None and position > 0:
            ending = [c for c in self.claims_at(position - 1) if c.end == position]
            claim = min(ending, key=lambda c: c.end - c.start) if ending else None
        return claim

    @property
    def caret_claim(self) -> Claim | None:
        return self._caret_claim

    def _update_caret_claim(self) -> None:
        claim = self.claim_under_caret() if self._text else None
        if claim != self._caret_claim:
            self._caret_claim = claim
            self.viewport().update()
            self.caret_claim_changed.emit(claim)

    def set_relations(self, relations: Iterable[Relation]) -> None:
        """Replace the relations (head and tail are span or claim ids); only the selected item's are drawn."""
        self._relations = list(relations)
        self.viewport().update()

    def relations(self) -> list[Relation]:
        return list(self._relations)

    # --- marked regions ------------------------------------------------------------
    def set_marks(self, regions: Iterable[tuple[int, int]], current: tuple[int, int] | None = None) -> None:
        """Frame these [start, end) ranges (code points of the current text); ``current`` is framed solid
        on a wash (it need not be one of ``regions``). Only the blocks on screen are looked at."""
        self._marks = sorted({(int(s), int(e)) for s, e in regions if e > s})
        self._current_mark = current if current is not None and current[1] > current[0] else None
        self.mark_index = SpanIndex(self.document(), self.positions,
                                    [Span(n, s, e, "") for n, (s, e) in enumerate(self._marks)])
        self.viewport().update()

    def marks(self) -> list[tuple[int, int]]:
        return list(self._marks)

    def current_mark(self) -> tuple[int, int] | None:
        return self._current_mark

    def marks_painted_at(self, qt_position: int) -> list[tuple[int, int]]:
        """The marked regions (code points) framed at a Qt position."""
        block = self.document().findBlock(qt_position)
        return [self._marks[p.id] for p in self.mark_index.in_block(block.blockNumber())  # type: ignore[index]
                if p.qt_start <= qt_position < p.qt_end]

    def _paint_current_wash(self, painter: QPainter) -> None:
        if self._current_mark is None:
            return
        wash = QColor(MARK_COLOR)
        wash.setAlpha(MARK_WASH_ALPHA)
        for rect in self._range_rects(*self._current_mark):
            painter.fillRect(rect, wash)

    def _paint_marks(self, painter: QPainter, area: QRect) -> None:
        """Dashed frames round the marked regions in the blocks on screen; the current one solid."""
        if self._marks:
            pen = QPen(QColor(MARK_COLOR))
            pen.setWidthF(1.4)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for block, top in self.visible_blocks():
                if top > area.bottom():
                    break
                for mark in self.mark_index.in_block(block.blockNumber()):
                    for rect in self.line_rects(block, top, mark.qt_start, mark.qt_end):
                        painter.drawRect(rect.adjusted(-1.5, 0.5, 1.5, -0.5))
        if self._current_mark is not None:
            pen = QPen(QColor(MARK_COLOR))
            pen.setWidthF(2.4)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in self._range_rects(*self._current_mark):
                painter.drawRoundedRect(rect.adjusted(-2.5, 0, 2.5, 0), 3, 3)

    def set_selected(self, item_id: int | str | None) -> None:
        """Draw the connectors of this claim or span; None: follow the caret again (the module doc)."""
        self._selected_id = item_id
        self.viewport().update()

    def selected_id(self) -> int | str | None:
        """The item whose connectors are drawn: the one set, else the caret's claim, else its span."""
        if self._selected_id is not None:
            return self._selected_id
        if self._caret_claim is not None:
            return self._caret_claim.id
        return None if self._caret_span is None else self._caret_span.id

    def connectors(self) -> list[Connector]:
        """The connectors of the selected item (code points, no geometry), whether on screen or not."""
        return connectors_for(self.selected_id(), self._claims, self._spans, self._relations,
                              self._claims_by_speaker, speaker_label=self.tr("speaker"),
                              cue_label=self.tr("cue"))

    def connector_lines(self) -> list[Connector]:
        """The connectors drawn by the last paint, with their geometry (viewport coordinates)."""
        return list(self._connectors)

    def claims_painted_at(self, qt_position: int) -> list[PaintedClaim]:
        """The claims painted at a Qt position, by margin column (what the user sees there)."""
        block = self.document().findBlock(qt_position)
        found = [p for p in self.claim_index.in_block(block.blockNumber())
                 if p.qt_start <= qt_position < p.qt_end]
        return sorted(found, key=lambda p: (p.column, p.qt_start))

    @property
    def claims_by_id(self) -> dict[int | str | None, Claim]:
        """The claims shown, by id (what the claim painters read)."""
        return self._claims

    def visible_blocks(self) -> list[tuple]:
        """(block, top in viewport coordinates) of each block on screen, top to bottom."""
        found = []
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.firstVisibleBlock()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            found.append((block, top))
            block = block.next()
        return found

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.claim_margin.scroll(0, dy)
        else:
            self.claim_margin.update(0, rect.y(), self.claim_margin.width(), rect.height())

    def _on_scrolled(self) -> None:
        # Scrolling moves the old pixels; a connector with an end pinned to an edge must be redrawn whole.
        if self._connectors:
            self.viewport().update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.claim_margin.setGeometry(QRect(rect.left(), rect.top(), MARGIN_WIDTH, rect.height()))

    def spans(self) -> list[Span]:
        return list(self._spans.values())

    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self._text)
        return self._tokens

    # --- positions in code points -------------------------------------------
    def caret_core(self) -> int:
        return self.positions.to_core(self.textCursor().position())

    def selection_core(self) -> tuple[int, int] | None:
        """The selection in code points of the stored text, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.positions.span_to_core(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_core(self, start: int, end: int) -> None:
        """Select [start, end) (code points); the caret ends at ``end``."""
        qt_start, qt_end = self.positions.span_to_qt(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def move_caret_core(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.positions.to_qt(position))
        self.setTextCursor(cursor)

    def spans_at(self, position: int) -> list[Span]:
        """Spans covering code point ``position``, outermost first."""
        hi = bisect_right(self._core_starts, position)
        found = [s for s in self._core_sorted[:hi] if s.end > position]
        return sorted(found, key=lambda s: (s.start, -s.end))

    def span_with_range(self, start: int, end: int) -> Span | None:
        lo = bisect_left(self._core_starts, start)
        for span in self._core_sorted[lo:]:
            if span.start != start:
                break
            if span.end == end:
                return span
        return None

    def span_under_caret(self) -> Span | None:
        """The span the selection matches exactly, else the innermost span at the caret."""
        selection = self.selection_core()
        if selection is not None:
            exact = self.span_with_range(*selection)
            if exact is not None:
                return exact
            position = selection[0]
        else:
            position = self.caret_core()
        covering = self.spans_at(position)
        if not covering and position > 0:
            covering = [s for s in self.spans_at(position - 1) if s.end == position]
        if not covering:
            return None
        return min(covering, key=lambda s: (s.end - s.start))

    # --- the token caret --------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers()
        plain = modifiers & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and plain in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            forward = key == Qt.Key.Key_Right
            if plain == Qt.KeyboardModifier.ShiftModifier:
                self.extend_by_token(forward)
            else:
                self.move_by_token(forward)
            event.accept()
            return
        super().keyPressEvent(event)

    def move_by_token(self, forward: bool) -> None:
        """Caret to the next (previous) token's start; drops the selection."""
        tokens = self.tokens()
        position = self.caret_core()
        if forward:
            i = bisect_right(tokens, position, key=lambda t: t.start)
            target = tokens[i].start if i < len(tokens) else len(self._text)
        else:
            i = bisect_left(tokens, position, key=lambda t: t.start) - 1
            target = tokens[i].start if i >= 0 else 0
        self.move_caret_core(target)

    def extend_by_token(self, forward: bool) -> None:
        """Shift+Right/Left: move the selection's moving end by one token.

        Growing, it goes to the next token's end (previous token's start);
        shrinking, to the previous token's end (next token's start), never past
        the anchor, so the selection always holds whole tokens.
        """
        tokens = self.tokens()
        cursor = self.textCursor()
        anchor = self.positions.to_core(cursor.anchor())
        position = self.positions.to_core(cursor.position())
        if forward:
            if position < anchor:  # shrinking a backward selection
                i = bisect_right(tokens, position, key=lambda t: t.start)
                target = min(tokens[i].start if i < len(tokens) else anchor, anchor)
            else:
                i = bisect_right(tokens, position, key=lambda t: t.end)
                target = tokens[i].end if i < len(tokens) else len(self._text)
        else:
            if position > anchor:  # shrinking a forward selection
                i = bisect_left(tokens, position, key=lambda t: t.end) - 1
                target = max(tokens[i].end if i >= 0 else anchor, anchor)
            else:
                i = bisect_left(tokens, position, key=lambda t: t.start) - 1
                target = tokens[i].start if i >= 0 else 0
        cursor.setPosition(self.positions.to_qt(anchor))
        cursor.setPosition(self.positions.to_qt(target), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def snap_selection(self) -> None:
        """Make a mouse selection whole tokens: those it covers at least half of, else the one it
        covers most (``snap_to_covered_tokens``); drop it when it holds none."""
        selection = self.selection_core()
        if selection is None:
            return
        snapped = snap_to_covered_tokens(self.tokens(), *selection)
        if snapped is None:
            self.move_caret_core(selection[1])
        elif snapped != selection:
            self.select_core(*snapped)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event = self._into_text(event)
        if self._edge_drag is not None and event.button() == Qt.MouseButton.LeftButton:
            (span, _edge), bounds = self._edge_drag, self._edge_preview
            self._edge_drag = self._edge_preview = None
            self.viewport().update()
            if bounds is not None and bounds != (span.start, span.end):
                self.edge_dragged.emit(span, *bounds)
            else:  # it never moved: an ordinary click, the caret where it was pressed
                self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self.snap_to_tokens and event.button() == Qt.MouseButton.LeftButton:
            self.snap_selection()

    # --- dragging a span's edge ---------------------------------------------------
    def edge_at(self, point: QPoint) -> tuple[Span | Claim, str] | None:
        """The edge a press at ``point`` (viewport) would drag: within a few px of the caret span's
        start on its first line or its end on its last. Only the span the caret is in (the one
        outlined), so a press anywhere else starts a selection as usual; none while edges are not
        editable (an annotator's lane in the curation window)."""
        span = self._caret_span
        if span is None or not self.edges_editable:
            return None
        rects = self._span_rects(span)
        if not rects:
            return None
        x, y = point.x(), point.y()
        first, last = rects[0], rects[-1]
        if first.top() <= y <= first.bottom() and abs(x - first.left()) <= EDGE_GRAB_PX:
            return span, "start"
        if last.top() <= y <= last.bottom() and abs(x - last.right()) <= EDGE_GRAB_PX:
            return span, "end"
        return None

    def edge_preview(self) -> tuple[int, int] | None:
        """The dragged span's bounds as the drag stands (None: no drag)."""
        return self._edge_preview

    def _dragged_bounds(self, point: QPoint) -> tuple[int, int] | None:
        span, edge = self._edge_drag  # type: ignore[misc]
        position = self.positions.to_core(self.cursorForPosition(point).position())
        if self.snap_to_tokens:
            snapped = nearest_edge(self.tokens(), position, edge)
            position = position if snapped is None else snapped
        bounds = (position, span.end) if edge == "start" else (span.start, position)
        return bounds if bounds[0] < bounds[1] else None

    # --- presses in the band: a tag selects its span; elsewhere the line below takes the press -------
    def _into_text(self, event: QMouseEvent) -> QMouseEvent:
        """The event moved onto the text line below when it falls in the band above that line (Qt
        would put the caret at the line's start); otherwise the event itself."""
        band = self.band_layout.band
        point = event.position()
        if band <= 0 or not self._text:
            return event
        for block, top in self.visible_blocks():
            layout = block.layout()
            for n in range(layout.lineCount()):
                line_top = top + layout.lineAt(n).y()
                if line_top - band <= point.y() < line_top:
                    moved = QPointF(point.x(), line_top + 1)
                    return QMouseEvent(event.type(), moved, event.globalPosition(), event.button(),
                                       event.buttons(), event.modifiers())
                if point.y() < line_top + layout.lineAt(n).height():
                    return event
            if top > point.y():
                break
        return event

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseDoubleClickEvent(self._into_text(event))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._text:
            span = self._spans.get(self.label_band.span_at(event.position()))
            if span is not None:  # a click on a tag selects its span, as in brat
                self.select_core(span.start, span.end)
                event.accept()
                return
        event = self._into_text(event)
        if (event.button() == Qt.MouseButton.LeftButton and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self._text):
            grabbed = self.edge_at(event.position().toPoint())
            if grabbed is not None:
                self._edge_drag = grabbed
                self._edge_preview = (grabbed[0].start, grabbed[0].end)
                self.viewport().update()
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event = self._into_text(event)
        point = event.position().toPoint()
        if self._edge_drag is not None:
            bounds = self._dragged_bounds(point)
            if bounds is not None and bounds != self._edge_preview:
                self._edge_preview = bounds
                self.viewport().update()
            event.accept()
            return
        if event.buttons() == Qt.MouseButton.NoButton and self._text:
            near = self.edge_at(point) is not None
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if near else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def _paint_edge_preview(self, painter: QPainter) -> None:
        if self._edge_drag is None or self._edge_preview is None:
            return
        pen = QPen(self.highlighter.color(self._edge_drag[0].label))
        pen.setWidthF(2.0)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self._range_rects(*self._edge_preview):
            painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)

    # --- caret span, outline, tooltip -------------------------------------------
    def _on_cursor_moved(self) -> None:
        self._update_caret_span()
        self._update_caret_claim()

    def _on_selection_changed(self) -> None:
        self.selection_changed_core.emit(self.selection_core())

    def _update_caret_span(self) -> None:
        span = self.span_under_caret()
        if span != self._caret_span:
            self._caret_span = span
            self.viewport().update()
            self.caret_span_changed.emit(span)

    @property
    def caret_span(self) -> Span | None:
        return self._caret_span

    def painted_at(self, qt_position: int) -> list[PaintedSpan]:
        """The spans painted at a Qt position, outermost first (what the user sees there)."""
        block = self.document().findBlock(qt_position)
        found = [p for p in self.highlighter.index.in_block(block.blockNumber())
                 if p.qt_start <= qt_position < p.qt_end]
        return sorted(found, key=lambda p: p.depth)

    def _paint_spans(self, painter: QPainter, area: QRect) -> None:
        """Tints and underlines of the spans in the blocks inside ``area``, under the text."""
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > area.bottom():
                break
            spans = self.highlighter.index.in_block(block.blockNumber())
            if spans:
                self.highlighter.painted_blocks += 1
                for span in sorted(spans, key=lambda p: p.depth):
                    for rect in self.line_rects(block, top, span.qt_start, span.qt_end):
                        if span.depth == 0:
                            painter.fillRect(rect, self.highlighter.tint(span.label))
                        else:
                            pen = QPen(self.highlighter.color(span.label))
                            pen.setWidth(2)
                            painter.setPen(pen)
                            y = rect.bottom() - 1 - 3 * (span.depth - 1)
                            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            block = block.next()

    def line_rects(self, block, top: float, qt_start: int, qt_end: int) -> list[QRectF]:
        """One rectangle per visual line of ``block`` that [qt_start, qt_end) covers."""
        layout = block.layout()
        base = block.position()
        rects = []
        # Start at the range's first line (a long paragraph has hundreds; painting asks per span).
        first = layout.lineForTextPosition(max(0, qt_start - base)) if qt_start > base else layout.lineAt(0)
        for n in range(first.lineNumber() if first.isValid() else 0, layout.lineCount()):
            line = layout.lineAt(n)
            line_start = base + line.textStart()
            if line_start >= qt_end:
                break
            start, end = max(qt_start, line_start), min(qt_end, line_start + line.textLength())
            if start >= end:
                continue
            x1 = line.cursorToX(start - base)[0]
            x2 = line.cursorToX(end - base)[0]
            rects.append(QRectF(x1, top + line.y(), x2 - x1, line.height()))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        self._paint_current_wash(painter)
        self._paint_spans(painter, event.rect())
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        self._paint_marks(painter, event.rect())
        self.suggestion_layer.paint(painter, event.rect())
        span = self._caret_span
        if span is not None:
            pen = QPen(self.highlighter.color(span.label))
            pen.setWidth(2)
            painter.setPen(pen)
            for rect in self._span_rects(span):
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
        selected = self.selected_id()
        if self._claims:
            paint_brackets(self, painter, event.rect(), selected)
        self.fragment_links = paint_fragment_links(self, painter, self._spans.values(), self.highlighter.color)
        connectors = self.connectors() if selected is not None else []
        self._connectors = paint_connectors(self, painter, connectors) if connectors else []
        self._paint_tags(painter, event.rect())
        self._paint_edge_preview(painter)
        painter.end()

    def _span_rects(self, span: Span) -> list[QRectF]:
        """One rectangle per visual line the span (each fragment of it) covers (viewport coordinates)."""
        rects: list[QRectF] = []
        offset = self.contentOffset()
        for start, end in span.fragments or ((span.start, span.end),):
            qt_start, qt_end = self.positions.span_to_qt(start, end)
            block = self.document().findBlock(qt_start)
            while block.isValid() and block.position() < qt_end:
                top = self.blockBoundingGeometry(block).translated(offset).top()
                rects += self.line_rects(block, top, qt_start, qt_end)
                block = block.next()
        return rects

    def _range_rects(self, start: int, end: int) -> list[QRectF]:
        """One rectangle per visual line [start, end) (code points) covers on screen (viewport coordinates)."""
        qt_start, qt_end = self.positions.span_to_qt(start, end)
        rects: list[QRectF] = []
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.document().findBlock(qt_start)
        first = self.firstVisibleBlock().blockNumber()
        if block.blockNumber() < first:  # lines above the screen are not drawn: start at the first shown
            block = self.firstVisibleBlock()
        while block.isValid() and block.position() < qt_end:
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            rects += self.line_rects(block, top, qt_start, qt_end)
            block = block.next()
        return rects

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(event.pos()).position()
            names = self.labels_at_qt(position)
            lines = [" ⊃ ".join(names)] if names else []
            lines += self.claim_tooltips_at_qt(position)
            lines += self.suggestion_layer.tooltip_lines(position)
            if lines:
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def labels_at_qt(self, qt_position: int) -> list[str]:
        """Label names of the spans at a Qt position, outermost first (the tooltip's text)."""
        if not self._text:
            return []
        core = self.positions.to_core(qt_position)
        return [s.label for s in self.spans_at(core)]

    def claim_tooltips_at_qt(self, qt_position: int) -> list[str]:
        """One line per claim at a Qt position, outermost first: "Claim: STAT, hedged, check-worthy"."""
        if not self._text:
            return []
        lines = []
        for claim in self.claims_at(self.positions.to_core(qt_position)):
            parts = [claim.type]
            if claim.certainty == Certainty.HEDGED:
                parts.append(self.tr("hedged"))
            if claim.checkworthy:
                parts.append(self.tr("check-worthy"))
            lines.append(self.tr("Claim: %1").replace("%1", ", ".join(parts)))
        return lines

    def tooltip_at(self, point: QPoint) -> str:
        return " ⊃ ".join(self.labels_at_qt(self.cursorForPosition(point).position()))

    def set_font_size(self, size: int) -> None:
        font = QFont(self.font())
        font.setPointSize(size)
        self.setFont(font)
