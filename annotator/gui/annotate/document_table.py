"""The document list's view: its columns, a compact mode, a selection of many rows and what it acts on.

The rows come from :class:`~annotator.gui.annotate.document_list.DocumentListModel`; this view
never makes Qt measure rows (the widths come from the font, the rows' height is fixed: one line
compact, two lines otherwise), so a list of 100,000 documents costs what the screen shows.

- Columns: title, date, length, my status, my spans; the id is hidden (the title's tooltip names
  it) and every column can be shown or hidden from the header's context menu.
- Compact (View menu, kept in the settings): one line a row, a smaller font, title and status only.
- Selection: Shift/Ctrl-click and Shift+arrows select many rows; :meth:`selected_ids` hands their
  ids over, read on the runner for rows whose page the model does not hold.
- The rows' context menu marks the selection done or in progress (one undoable action, by the
  window) and exports it (the export dialog on the selection).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from annotator.domain.model import SetStatus
from annotator.gui.annotate.document_list import (
    COMPACT_COLUMNS,
    HIDDEN_BY_DEFAULT,
    TITLE_COLUMN,
    DocumentListModel,
    column_widths,
)
from annotator.gui.common.tasks import TaskRunner
from annotator.services import documents

COMPACT_POINTS = 1.5  # how much smaller the compact list's font is
NORMAL_LINES = 2  # a row's height in lines, not compact (the title wraps onto the second)


class DocumentTable(QTableView):
    status_requested = Signal(object)  # a SetStatus for every selected document
    export_requested = Signal()

    def __init__(self, model: DocumentListModel, runner: TaskRunner | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self.compact = False
        self._shown_before_compact: list[int] | None = None
        self._normal_font = self.font()
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures rows
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)  # shown once the user sorts; import order has none
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._rows_menu)
        for column in HIDDEN_BY_DEFAULT:
            self.setColumnHidden(column, True)
        self.mark_done_action = QAction(self.tr("Mark selected done"), self)
        self.mark_done_action.triggered.connect(lambda: self.status_requested.emit(SetStatus.DONE))
        self.mark_in_progress_action = QAction(self.tr("Mark selected in progress"), self)
        self.mark_in_progress_action.triggered.connect(lambda: self.status_requested.emit(SetStatus.IN_PROGRESS))
        self.export_action = QAction(self.tr("Export selected…"), self)
        self.export_action.triggered.connect(self.export_requested)
        self._apply_sizes()

    @property
    def list_model(self) -> DocumentListModel:
        return self.model()  # type: ignore[return-value]

    # ------------------------------------------------------------ sizes, compact mode
    def _apply_sizes(self) -> None:
        """Column widths from the font (never from the rows); the rows' fixed height."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        for column, width in enumerate(column_widths(metrics)):
            # never narrower than its (translated) title: "Фрагментов" is longer than "Spans"
            title = str(self.list_model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(width, header.fontMetrics().horizontalAdvance(title) + 16))
        lines = 1 if self.compact else NORMAL_LINES
        self.setWordWrap(not self.compact)
        self.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() * lines + 6)
        self._fit_title()

    def set_compact(self, compact: bool) -> None:
        """One line a row, a smaller font, only title and status; or back to the columns shown before."""
        if compact == self.compact:
            return
        self.compact = compact
        columns = range(self.list_model.columnCount())
        if compact:
            self._shown_before_compact = [c for c in columns if not self.isColumnHidden(c)]
            font = self.font()
            font.setPointSizeF(max(6.0, self._normal_font.pointSizeF() - COMPACT_POINTS))
            self.setFont(font)
            for column in columns:
                self.setColumnHidden(column, column not in COMPACT_COLUMNS)
        else:
            self.setFont(self._normal_font)
            shown = self._shown_before_compact
            for column in columns:
                self.setColumnHidden(column, column not in shown if shown is not None
                                     else column in HIDDEN_BY_DEFAULT)
        self._apply_sizes()

    def visible_columns(self) -> list[int]:
        return [c for c in range(self.list_model.columnCount()) if not self.isColumnHidden(c)]

    def resizeEvent(self, event) -> None:  # noqa: N802
        """The title takes what the other columns leave (a computation on the widths, no row read)."""
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        if self.isColumnHidden(TITLE_COLUMN):
            return
        others = sum(self.columnWidth(c) for c in self.visible_columns() if c != TITLE_COLUMN)
        room = self.viewport().width() - others
        minimum = self.fontMetrics().horizontalAdvance("M" * 12)
        self.setColumnWidth(TITLE_COLUMN, max(minimum, room))

    # ------------------------------------------------------------ menus
    def _header_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(position))

    def column_menu(self) -> QMenu:
        """A check per column: shown or hidden."""
        menu = QMenu(self)
        model = self.list_model
        for column in range(model.columnCount()):
            action = menu.addAction(model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(column))
            action.setEnabled(column != TITLE_COLUMN)
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
        return menu

    def _show_column(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        self._fit_title()

    def _rows_menu(self, position: QPoint) -> None:
        self.rows_menu().exec(self.viewport().mapToGlobal(position))

    def rows_menu(self) -> QMenu:
        menu = QMenu(self)
        count = len(self.selected_rows())
        for action in (self.mark_done_action, self.mark_in_progress_action, self.export_action):
            action.setEnabled(count > 0)
            menu.addAction(action)
        return menu

    # ------------------------------------------------------------ the selection
    def selected_rows(self) -> list[int]:
        """The rows selected, in order (from the selection's ranges: no row is read)."""
        rows: set[int] = set()
        for selected in self.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def selected_ids(self, then: Callable[[list[str]], None]) -> None:
        """Call ``then`` with the selected documents' ids, in row order: at once when the model holds
        their rows, else once the runner has read the ranges it does not hold."""
        model = self.list_model
        ranges = [(r.top(), r.bottom()) for r in self.selectionModel().selection()]
        held: dict[int, str] = {}
        missing: list[tuple[int, int]] = []
        for top, bottom in ranges:
            rows = [model.summary_at(row) for row in range(top, bottom + 1)]
            if all(rows):
                held.update((row, s.id) for row, s in zip(range(top, bottom + 1), rows) if s is not None)
            else:
                missing.append((top, bottom))
        if not missing or self._runner is None:
            if missing:  # no runner (a test, a script): read here
                ids = documents.ids_in_rows(model.workspace, model.query, ranges)
                then(ids)
                return
            then([held[row] for row in sorted(held)])
            return
        workspace, query = model.workspace, model.query
        self._runner.run(lambda: documents.ids_in_rows(workspace, query, ranges),
                         on_done=lambda ids: then(ids) if query == model.query else None)
