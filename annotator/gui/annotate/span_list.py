"""The spans of the document's set as a table: label, text, position; item data is the span id."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from annotator.domain.model import Span
from annotator.gui.common.id_rows import ID_ROLE, IdRows
from annotator.gui.common.palette import swatch

SPAN_ID_ROLE = ID_ROLE
MAX_TEXT = 60


class SpanList(IdRows, QTableWidget):
    """Spans in text order; activating a row (click or Enter) emits ``span_activated(id)``."""

    span_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.set_up_columns([self.tr("Label"), self.tr("Text"), self.tr("Position")], stretch=[1])
        self._colors: dict[str, str] = {}
        self.clicked.connect(self._on_activated)
        self.activated.connect(self._on_activated)

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)

    def set_spans(self, text: str, spans: Iterable[Span]) -> int:
        """Show the spans in text order; only rows that changed are written (returns how many)."""
        ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.label))
        rows = []
        for span in ordered:
            covered = text[span.start:span.end].replace("\n", " ")
            if len(covered) > MAX_TEXT:
                covered = covered[:MAX_TEXT - 1] + "…"
            rows.append((span.id, (span.label, covered, span.start, span.end, self._colors.get(span.label))))
        return self.show_rows(rows, self._cells)


    @staticmethod
    def _cells(_span_id: object, content: object) -> list[QTableWidgetItem]:
        label, covered, start, end, color = content  # type: ignore[misc]
        cells = [QTableWidgetItem(label), QTableWidgetItem(covered), QTableWidgetItem(f"{start}–{end}")]
        if color is not None:
            cells[0].setIcon(swatch(color))
        return cells

    def span_id(self, row: int) -> int | None:
        item = self.item(row, 0)
        return None if item is None else item.data(SPAN_ID_ROLE)

    def select_span(self, span_id: int | None) -> None:
        row = None if span_id is None else self.row_of(span_id)
        self.blockSignals(True)
        try:
            if row is None:
                self.clearSelection()
            else:
                self.selectRow(row)
                self.scrollToItem(self.item(row, 0))
        finally:
            self.blockSignals(False)

    def _on_activated(self, index: QModelIndex) -> None:
        span_id = index.data(SPAN_ID_ROLE)
        if span_id is not None:
            self.span_activated.emit(int(span_id))
