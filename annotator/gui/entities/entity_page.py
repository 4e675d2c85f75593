"""The entity page: the owner's entities, one entity's fields and its mentions across the corpus.

Left, the entity table (name, type, how many mentions in how many documents);
right, the chosen entity (name, type, aliases, external id, notes) and its
mentions, each of which opens its document at the mention (Enter or a double
click). Merging (the entities selected on the left into the current one) and
splitting (the mentions selected on the right off to a new entity) are actions
of the window's session, so they are saved at once and undone by Ctrl+Z (here or in the text). What
it shows is read on the task runner, and read again after any change of
entities or links.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from annotator.domain.changes import Changes
from annotator.domain.entities import EntitySummary, Mention
from annotator.gui.session.set_session import SetSession
from annotator.services import entities

ID_ROLE = Qt.ItemDataRole.UserRole


class EntityPage(QWidget):
    mention_requested = Signal(str, int, int)  # document id, start, end

    def __init__(self, session: SetSession, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setWindowTitle(self.tr("Entities"))
        self.summaries: list[EntitySummary] = []
        self.mentions: list[Mention] = []
        self._serial = 0
        self._wanted: int | None = None  # the entity to show once the table is read

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name or alias"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Mentions"),
                                              self.tr("Documents")])
        self._table_look(self.table)
        self.merge_button = QPushButton(self.tr("Merge the selected into the current entity"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.merge_button)

        self.name = QLabel()
        self.kind = QLabel()
        self.aliases = QLabel()
        self.external = QLabel()
        self.notes = QLabel()
        for label in (self.name, self.kind, self.aliases, self.external, self.notes):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Aliases"), self.aliases)
        form.addRow(self.tr("External id"), self.external)
        form.addRow(self.tr("Notes"), self.notes)
        self.mention_table = QTableWidget(0, 4)
        self.mention_table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Mention"), self.tr("Label"),
                                                      self.tr("Where")])
        self._table_look(self.mention_table)
        self.mention_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.split_button = QPushButton(self.tr("Split the selected mentions off to a new entity…"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Mentions across the corpus (Enter opens one):")))
        right_layout.addWidget(self.mention_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.split_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 620])
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.filter.textChanged.connect(self._show_table)
        self.table.currentCellChanged.connect(lambda row, *_: self._on_current(row))
        self.mention_table.itemActivated.connect(self._on_mention_activated)
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button.clicked.connect(lambda: self.split_selected())
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(200)
        self._again.timeout.connect(self.refresh)
        session.changed.connect(self._on_changed)
        # Ctrl+Z here too: a merge or split is undone where it was made (the session's undo, as in the text)
        undo = QAction(self.tr("Undo"), self)
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        undo.triggered.connect(session.undo)
        self.addAction(undo)
        self.resize(1100, 640)
        self.refresh()

    @staticmethod
    def _table_look(table: QTableWidget) -> None:
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Read the owner's entity table again, on the runner."""
        owner, workspace = self.session.owner, self.session.workspace
        if owner is None:
            self.status.setText(self.tr("Set your annotator name first"))
            return
        self._serial += 1
        serial = self._serial
        self.session.runner.run(lambda: entities.entity_list(workspace, owner),
                                on_done=lambda summaries: self._table_read(serial, summaries))

    def _on_changed(self, changes: Changes | None, _view: object) -> None:
        if changes is not None and (changes.entities or changes.spans):
            self._again.start()

    def _table_read(self, serial: int, summaries: list[EntitySummary]) -> None:
        if serial != self._serial:
            return
        current = self._wanted if self._wanted is not None else self.current_entity_id()
        self._wanted = None
        self.summaries = summaries
        self._show_table(keep=current)
        self.status.setText(self.tr("%n entity(ies)", "", len(summaries)))

    def _show_table(self, *_args: object, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_entity_id()
        needle = self.filter.text().strip().casefold()
        shown = [s for s in self.summaries
                 if not needle or any(needle in n.casefold() for n in (s.entity.name, *s.entity.aliases))]
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        row_of_kept = 0
        for row, summary in enumerate(shown):
            entity = summary.entity
            cells = [entity.name, entity.type or "", str(summary.mentions), str(summary.documents)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, entity.id)
                self.table.setItem(row, column, item)
            if entity.id == keep:
                row_of_kept = row
        self.table.blockSignals(False)
        if shown:
            self.table.setCurrentCell(row_of_kept, 0)
            self._on_current(row_of_kept)
        else:
            self._show_entity(None, [])

    def current_entity_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return None if item is None else item.data(ID_ROLE)

    def show_entity(self, entity_id: int) -> None:
        """Make ``entity_id`` the current entity (once the table is read, if it is not yet)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ID_ROLE) == entity_id:
                self.table.setCurrentCell(row, 0)
                return
        self._wanted = entity_id

    def _on_current(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        entity_id = item.data(ID_ROLE)
        workspace, serial = self.session.workspace, self._serial
        self.session.runner.run(lambda: entities.entity_mentions(workspace, entity_id),
                                on_done=lambda mentions: self._mentions_read(serial, entity_id, mentions))

    def _mentions_read(self, serial: int, entity_id: int, mentions: list[Mention]) -> None:
        if serial != self._serial or entity_id != self.current_entity_id():
            return
        summary = next((s for s in self.summaries if s.entity.id == entity_id), None)
        self._show_entity(summary, mentions)

    def _show_entity(self, summary: EntitySummary | None, mentions: list[Mention]) -> None:
        entity = summary.entity if summary is not None else None
        self.name.setText(entity.name if entity else "")
        self.kind.setText((entity.type or "") if entity else "")
        self.aliases.setText(", ".join(entity.aliases) if entity else "")
        self.external.setText((entity.external_id or "") if entity else "")
        self.notes.setText((entity.notes or "") if entity else "")
        self.mentions = mentions
        self.mention_table.setRowCount(len(mentions))
        for row, mention in enumerate(mentions):
            cells = [mention.document_id, mention.text, mention.label, f"{mention.start}–{mention.end}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row)
                self.mention_table.setItem(row, column, item)

    # ------------------------------------------------------------ acting
    def _on_mention_activated(self, item: QTableWidgetItem) -> None:
        mention = self.mentions[item.data(ID_ROLE)]
        self.mention_requested.emit(mention.document_id, mention.start, mention.end)

    def selected_entity_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(ID_ROLE) for row in rows]

    def merge_selected(self) -> None:
        """The entities selected (but the current one) merge into the current one: one action."""
        target = self.current_entity_id()
        sources = [e for e in self.selected_entity_ids() if e != target]
        if target is None or not sources:
            self.status.setText(self.tr("Select the entities to merge (Ctrl+click), the one to keep current"))
            return
        session = self.session
        workspace, owner, user = session.workspace, session.owner, session.user
        self._wanted = target
        session.submit(lambda: entities.merge_entities(workspace, sources, target, owner=owner, user=user))  # type: ignore[arg-type]

    def split_selected(self, name: str | None = None) -> None:
        """The mentions selected on the right go to a new entity (its name asked): one action."""
        entity_id = self.current_entity_id()
        rows = sorted({index.row() for index in self.mention_table.selectionModel().selectedRows()})
        span_ids = [self.mentions[row].span_id for row in rows if row < len(self.mentions)]
        if entity_id is None or not span_ids:
            self.status.setText(self.tr("Select the mentions that belong to another entity"))
            return
        if name is None:
            suggested = self.mentions[rows[0]].text
            name, ok = QInputDialog.getText(self, self.tr("Split off"), self.tr("Name of the new entity:"),
                                            text=suggested)
            if not ok or not name.strip():
                return
        session = self.session
        workspace, owner, user = session.workspace, session.owner, session.user
        session.submit(lambda: entities.split_entity(workspace, entity_id, span_ids, owner=owner, name=name,  # type: ignore[arg-type]
                                                     user=user))
