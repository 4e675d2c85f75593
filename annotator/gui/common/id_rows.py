"""Tables whose rows stand for stored items: find, read and select a row by the item's id.

The span list, the claim panel, the relation list and the notes list keep each
row's id (or item) in one cell's item data; these operations are the same for
all. :meth:`IdRows.show_rows` redraws only the rows whose content changed (a
relabel rewrites one row, an added span inserts one), so a list costs the same
after an action whatever the size of the set.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

ID_ROLE = Qt.ItemDataRole.UserRole


class IdRows:
    """Mixin for a QTableWidget: ``ID_COLUMN`` holds each row's id (in ``ID_ROLE``)."""

    ID_COLUMN = 0

    def set_up_columns(self: QTableWidget, headers: Sequence[str], stretch: Sequence[int] = ()) -> None:  # type: ignore[misc]
        """The look every list of stored items shares: these column headers, read-only cells, one
        whole row selected at a time, no row numbers, no wrapping; the ``stretch`` columns take the
        width left, the others fit their contents."""
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)

    @staticmethod
    def id_of(data: object) -> object:
        """The id in a cell's data (the data itself; a table that keeps whole items there says how)."""
        return data

    def show_rows(self: QTableWidget, rows: Sequence[tuple[object, Hashable]],  # type: ignore[misc]
                  make_cells: Callable[[object, Hashable], list[QTableWidgetItem]]) -> int:
        """Show ``rows`` (id, content) in order, rewriting only rows whose id or content changed
        since the last call; ``make_cells`` builds one row's cells. Returns how many rows were
        written (the rest were kept as they were)."""
        old: list[tuple[object, Hashable]] = getattr(self, "_shown_rows", [])
        new = list(rows)
        written = 0
        self.setUpdatesEnabled(False)
        try:
            # From the end, so that the row numbers of the operations still to come stay true.
            for tag, i1, i2, j1, j2 in reversed(SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()):
                if tag == "equal":
                    continue
                for row in range(i2 - 1, i1 - 1, -1):
                    self.removeRow(row)
                for offset, (item_id, content) in enumerate(new[j1:j2]):
                    self.insertRow(i1 + offset)
                    for column, cell in enumerate(make_cells(item_id, content)):
                        cell.setData(ID_ROLE, item_id)
                        self.setItem(i1 + offset, column, cell)
                    written += 1
        finally:
            self.setUpdatesEnabled(True)
        self._shown_rows = new
        return written

    def row_of(self: QTableWidget, item_id: object) -> int | None:  # type: ignore[misc]
        for row in range(self.rowCount()):
            cell = self.item(row, self.ID_COLUMN)
            if cell is not None and self.id_of(cell.data(ID_ROLE)) == item_id:
                return row
        return None

    def current_id(self: QTableWidget) -> object | None:  # type: ignore[misc]
        row = self.currentRow()
        cell = self.item(row, self.ID_COLUMN) if row >= 0 else None
        return None if cell is None else self.id_of(cell.data(ID_ROLE))

    def select_id(self: QTableWidget, item_id: object | None) -> None:  # type: ignore[misc]
        """Select (and scroll to) the item's row, or clear the selection; emits nothing."""
        row = None if item_id is None else self.row_of(item_id)
        self.blockSignals(True)
        try:
            if row is None:
                self.clearSelection()
                self.setCurrentItem(None)
            else:
                column = self.currentColumn() if self.currentColumn() >= 0 else self.ID_COLUMN
                self.setCurrentCell(row, column)
                self.selectRow(row)
                self.scrollToItem(self.item(row, self.ID_COLUMN))
        finally:
            self.blockSignals(False)
        self.viewport().update()
