"""The spans of the document's set as a table: label, text, position; item data is the span id."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from annotator.domain.model import Span
from annotator.gui.common.palette import swatch

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole
MAX_TEXT = 60


class SpanList(QTableWidget):
    """Spans in text order; activating a row (click or Enter) emits ``span_activated(id)``."""

    span_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Text"), self.tr("Position")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._colors: dict[str, str] = {}
        self.clicked.connect(self._on_activated)
        self.activated.connect(self._on_activated)

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)

    def set_spans(self, text: str, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.label))
        self.setUpdatesEnabled(False)
        try:
            self.clearContents()
            self.setRowCount(len(ordered))
            for row, span in enumerate(ordered):
                covered = text[span.start:span.end].replace("\n", " ")
                if len(covered) > MAX_TEXT:
                    covered = covered[:MAX_TEXT - 1] + "…"
                cells = [QTableWidgetItem(span.label), QTableWidgetItem(covered),
                         QTableWidgetItem(f"{span.start}–{span.end}")]
                if span.label in self._colors:
                    cells[0].setIcon(swatch(self._colors[span.label]))
                for column, cell in enumerate(cells):
                    cell.setData(SPAN_ID_ROLE, span.id)
                    self.setItem(row, column, cell)
        finally:
            self.setUpdatesEnabled(True)

    def span_id(self, row: int) -> int | None:
        item = self.item(row, 0)
        return None if item is None else item.data(SPAN_ID_ROLE)

    def row_of(self, span_id: int) -> int | None:
        for row in range(self.rowCount()):
            if self.span_id(row) == span_id:
                return row
        return None

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
