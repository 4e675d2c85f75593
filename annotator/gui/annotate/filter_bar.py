"""The filter bar over the document list: text, date range and the user's set status.

It only collects what the user typed; :meth:`FilterBar.query` turns it into a
:class:`DocumentQuery` (keeping the sort the caller passes) and ``changed``
tells the window to hand that query to the list model. Typing is debounced so
that a fast typist does not cost a count query per key.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.domain.model import SetStatus
from annotator.domain.query import DocumentQuery

DEBOUNCE_MS = 300
INVALID_STYLE = "QLineEdit { background: #ffd6d6; }"


def parse_date(text: str) -> tuple[bool, str | None]:
    """(valid, ISO date or None for "any") from what the user typed."""
    text = text.strip()
    if not text:
        return True, None
    try:
        return True, date.fromisoformat(text).isoformat()
    except ValueError:
        return False, None


class FilterBar(QWidget):
    """Search text, date from/to (YYYY-MM-DD, empty = any) and "my status"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Search id or text"))
        self.text_edit.setClearButtonEnabled(True)
        self.date_from_edit = QLineEdit(self)
        self.date_to_edit = QLineEdit(self)
        for edit, tip in ((self.date_from_edit, self.tr("From date (YYYY-MM-DD); empty for any")),
                          (self.date_to_edit, self.tr("To date (YYYY-MM-DD); empty for any"))):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setToolTip(tip)
            edit.setClearButtonEnabled(True)
            # wide enough for a whole date and the clear button, in any font
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 40)
            edit.setMaximumWidth(edit.minimumWidth() + 20)
        self.status_combo = QComboBox(self)
        self.status_combo.setToolTip(self.tr("The status of your set of the document"))
        for text, status in ((self.tr("All"), None), (self.tr("New"), SetStatus.NEW),
                             (self.tr("In progress"), SetStatus.IN_PROGRESS), (self.tr("Done"), SetStatus.DONE),
                             (self.tr("Skipped"), SetStatus.SKIPPED)):
            self.status_combo.addItem(text, None if status is None else status.value)

        # two rows: the search gets the pane's whole width, the dates and status theirs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text_edit)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(QLabel(self.tr("From"), self))
        row.addWidget(self.date_from_edit)
        row.addWidget(QLabel(self.tr("to"), self))
        row.addWidget(self.date_to_edit)
        row.addWidget(QLabel(self.tr("My status"), self))
        row.addWidget(self.status_combo, 1)
        layout.addLayout(row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)
        self._applied: tuple[object, ...] | None = self._values()
        self.text_edit.textChanged.connect(self._timer.start)
        self.text_edit.returnPressed.connect(self.apply)
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.textChanged.connect(self._on_date_typed)
            edit.editingFinished.connect(self.apply)
        self.status_combo.currentIndexChanged.connect(self.apply)

    # ------------------------------------------------------------ values
    def text(self) -> str | None:
        return self.text_edit.text().strip() or None

    def date_from(self) -> str | None:
        return parse_date(self.date_from_edit.text())[1]

    def date_to(self) -> str | None:
        return parse_date(self.date_to_edit.text())[1]

    def status(self) -> SetStatus | None:
        value = self.status_combo.currentData()
        return None if value is None else SetStatus(value)

    def query(self, owner: str | None, base: DocumentQuery = DocumentQuery()) -> DocumentQuery:
        """The filters as a query; ``base`` keeps its sort (and whatever else it holds)."""
        status = self.status()
        return dataclasses.replace(base, text=self.text(), date_from=self.date_from(), date_to=self.date_to(),
                                   owner=owner if status is not None else None, status=status)

    def apply(self) -> None:
        """Emit ``changed`` now if the filters differ from the last ones applied."""
        self._timer.stop()
        values = self._values()
        if values != self._applied:
            self._applied = values
            self.changed.emit()

    def values(self) -> dict[str, str | None]:
        """The filters as typed, to keep between sessions (``set_values`` puts them back)."""
        return {"text": self.text_edit.text(), "date_from": self.date_from_edit.text(),
                "date_to": self.date_to_edit.text(), "status": self.status_combo.currentData()}

    def set_values(self, values: dict) -> None:
        """Put back filters kept by ``values`` (unknown or malformed ones are left empty); nothing is
        emitted: the caller queries with them."""
        self.blockSignals(True)
        try:
            for edit, name in ((self.text_edit, "text"), (self.date_from_edit, "date_from"),
                               (self.date_to_edit, "date_to")):
                value = values.get(name)
                edit.setText(value if isinstance(value, str) else "")
            index = self.status_combo.findData(values.get("status"))
            self.status_combo.setCurrentIndex(max(index, 0))
        finally:
            self.blockSignals(False)
        self._timer.stop()
        self._applied = self._values()

    def pending(self) -> bool:
        return self._timer.isActive()

    def drop_pending(self) -> None:
        """Filters typed but not applied yet are not applied (the window closes: its task runner
        is shut down after it); what was typed stays in the fields and in :meth:`values`."""
        self._timer.stop()

    # ------------------------------------------------------------ internals
    def _values(self) -> tuple[object, ...]:
        return self.text(), self.date_from(), self.date_to(), self.status()

    def _on_date_typed(self) -> None:
        edit = self.sender()
        if not isinstance(edit, QLineEdit):
            return
        valid, _ = parse_date(edit.text())
        edit.setStyleSheet("" if valid else INVALID_STYLE)
        if valid:
            self._timer.start()
