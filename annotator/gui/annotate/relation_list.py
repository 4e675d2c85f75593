"""The document's relations as a table: label, head, tail, attributes; every item holds the relation id.

A span end shows its covered text, a claim end an excerpt of the claim in
brackets ("[объем торговли достиг …]", as the view brackets claims); an id
that names nothing in the set shows as "? id". Rows are in text order of the
relation's earlier end. Enter or a double-click emits
``relation_activated(relation_id)``; Delete (or Backspace) on a row emits
``relation_remove_requested(relation_id)``: the window removes it and shows
the relations again with :meth:`RelationList.set_relations`. Moving to a row emits
``relation_selected(relation_id)`` (the side panel shows the relation's attributes).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from annotator.domain.model import Claim, Relation, Span
from annotator.gui.annotate.relation_attributes import attributes_text
from annotator.gui.text.claim_painting import claim_color
from annotator.gui.common.id_rows import ID_ROLE, IdRows
from annotator.gui.common.palette import swatch

RELATION_ID_ROLE = ID_ROLE
MAX_TEXT = 50


class RelationList(IdRows, QTableWidget):
    """Relations in text order (see the module doc)."""

    relation_activated = Signal(object)  # relation id
    relation_remove_requested = Signal(object)  # relation id
    relation_selected = Signal(object)  # relation id: the user moved to its row

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.set_up_columns([self.tr("Relation"), self.tr("Head"), self.tr("Tail"), self.tr("Attributes")],
                            stretch=[1, 2])
        self.doubleClicked.connect(self._on_double_clicked)
        self.currentCellChanged.connect(self._on_current_cell)

    def set_relations(self, text: str, relations: Sequence[Relation], spans: Sequence[Span],
                      claims: Sequence[Claim]) -> None:
        current = self.current_relation_id()
        span_by_id = {s.id: s for s in spans}
        claim_by_id = {c.id: c for c in claims}

        def start_of(node: object) -> int:
            item = span_by_id.get(node) or claim_by_id.get(node)
            return item.start if item is not None else len(text) + 1

        def order(relation: Relation) -> tuple:
            ends = sorted((start_of(relation.head), start_of(relation.tail)))
            return (*ends, relation.label, str(relation.id))

        ordered = sorted(relations, key=order)
        rows = [(r.id, (r.label, _end(text, r.head, span_by_id, claim_by_id), _end(text, r.tail, span_by_id, claim_by_id),
                        attributes_text(r.attributes)))
                for r in ordered]
        self.blockSignals(True)
        try:
            self.show_rows(rows, self._cells)
        finally:
            self.blockSignals(False)
        if current is not None:
            self.select_relation(current)

    def _cells(self, _relation_id: object, content: object) -> list[QTableWidgetItem]:
        label, head, tail, attributes = content  # type: ignore[misc]
        return [QTableWidgetItem(label), self._end_item(head), self._end_item(tail), QTableWidgetItem(attributes)]

    def _end_item(self, end: tuple) -> QTableWidgetItem:
        kind, name, covered = end
        shown = covered if len(covered) <= MAX_TEXT else covered[:MAX_TEXT - 1] + "…"
        if kind == "claim":
            item = QTableWidgetItem(f"[{shown}]")
            item.setIcon(swatch(claim_color(name)))
            item.setToolTip(self.tr("Claim (%1): %2").replace("%1", name).replace("%2", covered[:600]))
            return item
        if kind == "span":
            item = QTableWidgetItem(shown)
            item.setToolTip(f"{name}: {covered[:600]}")
            return item
        return QTableWidgetItem(f"? {name}")

    def relation_ids(self) -> list:
        return [self.item(row, 0).data(RELATION_ID_ROLE) for row in range(self.rowCount())]

    def current_relation_id(self) -> object | None:
        return self.current_id()

    def select_relation(self, relation_id: object | None) -> None:
        """Select (and scroll to) the relation's row, or clear the selection; emits nothing."""
        self.select_id(relation_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            relation_id = self.current_relation_id()
            if relation_id is not None:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.relation_activated.emit(relation_id)
                else:
                    self.relation_remove_requested.emit(relation_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_current_cell(self, row: int, _column: int, previous_row: int, _previous_column: int) -> None:
        if row != previous_row and (relation_id := self.current_relation_id()) is not None:
            self.relation_selected.emit(relation_id)

    def _on_double_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        relation_id = index.data(RELATION_ID_ROLE)
        if relation_id is not None:
            self.relation_activated.emit(relation_id)


def _end(text: str, node: object, spans: dict, claims: dict) -> tuple[str, str, str]:
    """What a relation's end shows, as a value (a row is rewritten only when it changes)."""
    if node in claims:
        claim = claims[node]
        return "claim", claim.type, " ".join(text[claim.start:claim.end].split())
    if node in spans:
        span = spans[node]
        return "span", span.label, " ".join(text[span.start:span.end].split())
    return "?", str(node), ""
