"""The small list of proposed entities shown near the caret: a digit picks one, N makes a new one.

A frameless popup (it takes the keys while shown): rows numbered 1-9, best
first, each with why it was proposed (by name, by alias, by context). It only
shows and reports the choice; :mod:`annotator.gui.session.entity_keys` acts.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.domain.entities import Proposal, Reason

NEW_KEY = Qt.Key.Key_N


class EntityPopup(QFrame):
    picked = Signal(int)  # the entity id chosen
    new_requested = Signal()  # make a new entity from the mention
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.rows = QListWidget(self)
        self.rows.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the popup takes the keys
        self.rows.itemActivated.connect(self._on_activated)
        self.rows.itemClicked.connect(self._on_activated)
        self.hint = QLabel(self)
        self.hint.setText(self.tr("1–9: link · N: new entity · Esc: close"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.rows)
        layout.addWidget(self.hint)
        self.proposals: list[Proposal] = []
        self.loading = True

    def reason_text(self, reason: Reason) -> str:
        return {Reason.NAME: self.tr("by name"), Reason.ALIAS: self.tr("by alias"),
                Reason.CONTEXT: self.tr("by context")}.get(reason, str(reason))

    def show_loading(self, mention: str) -> None:
        self.heading.setText(self.tr("Link «%1» to…").replace("%1", mention))
        self.proposals = []
        self.loading = True
        self.rows.clear()
        self.rows.addItem(self.tr("Looking for entities…"))
        self._fit()

    def show_proposals(self, mention: str, proposals: Sequence[Proposal], linked: str | None = None) -> None:
        self.heading.setText(self.tr("Link «%1» to…").replace("%1", mention) if linked is None else
                             self.tr("«%1» is linked to %2; link it to…").replace("%1", mention).replace("%2", linked))
        self.proposals = list(proposals)[:9]
        self.loading = False
        self.rows.clear()
        for number, proposal in enumerate(self.proposals, 1):
            entity = proposal.entity
            kind = f" [{entity.type}]" if entity.type else ""
            item = QListWidgetItem(f"{number}  {entity.name}{kind} — {self.reason_text(proposal.reason)}")
            item.setData(Qt.ItemDataRole.UserRole, entity.id)
            if entity.external_id:
                item.setToolTip(entity.external_id)
            self.rows.addItem(item)
        if not self.proposals:
            self.rows.addItem(self.tr("No entity proposed: N makes a new one"))
        else:
            self.rows.setCurrentRow(0)
        self._fit()

    def _fit(self) -> None:
        self.rows.setMinimumWidth(min(520, max(260, self.rows.sizeHintForColumn(0) + 24)))
        self.rows.setFixedHeight(max(1, self.rows.count()) * (self.rows.sizeHintForRow(0) + 2) + 8)
        self.adjustSize()

    def open_at(self, point: QPoint) -> None:
        self.move(point)
        self.show()
        self.raise_()
        self.setFocus()

    def _on_activated(self, item: QListWidgetItem) -> None:
        entity_id = item.data(Qt.ItemDataRole.UserRole)
        if entity_id is not None:
            self._pick(entity_id)

    def _pick(self, entity_id: int) -> None:
        self.hide()
        self.picked.emit(entity_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if Qt.Key.Key_1.value <= key <= Qt.Key.Key_9.value:
            index = key - Qt.Key.Key_1.value
            if index < len(self.proposals):
                self._pick(self.proposals[index].entity.id)  # type: ignore[arg-type]
            return
        if key == NEW_KEY and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            self.hide()
            self.new_requested.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.rows.currentItem()
            if item is not None:
                self._on_activated(item)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.rows.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
            if 0 <= row < len(self.proposals):
                self.rows.setCurrentRow(row)
            return
        if key == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.closed.emit()
