"""Tables whose rows stand for stored items: find, read and select a row by the item's id.

The claim panel, the relation list and the notes list keep each row's id (or
item) in one cell's item data; these three operations are the same for all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

ID_ROLE = Qt.ItemDataRole.UserRole


class IdRows:
    """Mixin for a QTableWidget: ``ID_COLUMN`` holds each row's id (in ``ID_ROLE``)."""

    ID_COLUMN = 0

    @staticmethod
    def id_of(data: object) -> object:
        """The id in a cell's data (the data itself; a table that keeps whole items there says how)."""
        return data

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
