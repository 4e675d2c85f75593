"""The document list: a Qt table model over the paged document service.

Never holds all rows: it asks :func:`annotator.services.documents.page` for the
pages of 200 rows that the view touches and keeps a few of them (least recently
used first out); the row count comes from :func:`documents.count`, once per
query. Scrolling on reads the next page by keyset (after the last row held), a
jump by offset; the columns' widths come from the font, never from the rows.
With a task runner (the window's), the model never queries on the GUI thread:
a new query (a filter, a sort) is counted and its first page read on the
runner (``services.views.document_list.read_query``, then
:meth:`DocumentListModel.show_query`); a page scrolled to is asked of the
runner and its rows show empty until it arrives (one index read of 200 rows);
a changed row's page is read again there while the old row stays on screen.
Without a runner (a test, a script) it reads where it is asked.
The document id travels as ``Qt.UserRole`` data of every cell.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontMetrics

from annotator.domain.model import DocumentSummary, SetStatus
from annotator.domain.query import DocumentQuery
from annotator.services import documents
from annotator.gui.common.tasks import TaskRunner
from annotator.services.views.document_list import read_query
from annotator.services.workspace import Workspace

PAGE_SIZE = 200
CACHED_PAGES = 4

COLUMNS = ("title", "date", "length", "status", "spans", "id")
CONTEXT = "DocumentList"  # the translation context of the headers and status names
HEADERS = (  # translated when shown, in CONTEXT
    QT_TRANSLATE_NOOP("DocumentList", "Title"),
    QT_TRANSLATE_NOOP("DocumentList", "Date"),
    QT_TRANSLATE_NOOP("DocumentList", "Length"),
    QT_TRANSLATE_NOOP("DocumentList", "My status"),
    QT_TRANSLATE_NOOP("DocumentList", "Spans"),
    QT_TRANSLATE_NOOP("DocumentList", "Document"),
)
# The status column's text for each set status (the stored value), translated when shown, in CONTEXT.
STATUS_NAMES = {
    SetStatus.NEW: QT_TRANSLATE_NOOP("DocumentList", "new"),
    SetStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("DocumentList", "in_progress"),
    SetStatus.DONE: QT_TRANSLATE_NOOP("DocumentList", "done"),
    SetStatus.CURATED: QT_TRANSLATE_NOOP("DocumentList", "curated"),
    SetStatus.SKIPPED: QT_TRANSLATE_NOOP("DocumentList", "skipped"),
}
TITLE_COLUMN, DATE_COLUMN, LENGTH_COLUMN, STATUS_COLUMN, SPANS_COLUMN, ID_COLUMN = range(6)
HIDDEN_BY_DEFAULT = (ID_COLUMN,)  # the title and the tooltip name the document; the id is a right-click away
COMPACT_COLUMNS = (TITLE_COLUMN, STATUS_COLUMN)  # what the compact list shows
# The DocumentQuery sort key behind each sortable column (title, status and spans are not sortable).
SORT_KEY_OF_COLUMN = {ID_COLUMN: "id", DATE_COLUMN: "date", LENGTH_COLUMN: "length"}

_Index = QModelIndex | QPersistentModelIndex
# What the widest cell of each column looks like: the widths come from these, never from the rows
# (sizing to contents makes Qt read a thousand rows, a page query each, at every change).
SAMPLE_CELLS = ("M" * 24, "0000-00-00", "0,000,000", None, "00000", "000_0000000000000000")  # None: the statuses
PADDING = 16


def column_widths(metrics: QFontMetrics) -> list[int]:
    """Widths of the columns for a font, from their headers and sample cells, reading no row."""
    statuses = [QCoreApplication.translate(CONTEXT, name) for name in STATUS_NAMES.values()]
    widths = []
    for column, sample in enumerate(SAMPLE_CELLS):
        cells = [QCoreApplication.translate(CONTEXT, HEADERS[column])] + ([sample] if sample else statuses)
        widths.append(max(metrics.horizontalAdvance(c) for c in cells) + PADDING)
    return widths


class DocumentListModel(QAbstractTableModel):
    def __init__(self, workspace: Workspace, query: DocumentQuery = DocumentQuery(),
                 annotator: str | None = None, parent: QObject | None = None,
                 *, page_size: int = PAGE_SIZE, cached_pages: int = CACHED_PAGES,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._generation = 0  # a new query makes pages on their way stale
        self._loading: set[int] = set()  # pages asked of the runner
        self._waiting: dict[int, list[Callable[[], None]]] = {}  # page -> what waits for it
        self._query = query
        self._annotator = annotator
        self._page_size = page_size
        self._cached_pages = max(1, cached_pages)
        self._pages: OrderedDict[int, list[DocumentSummary]] = OrderedDict()
        self._count: int | None = None if runner is None else 0  # with a runner: empty until shown
        self._kept: tuple[str, int | None] | None = None  # (document, its row) counted with the query

    # ------------------------------------------------------------ state

    @property
    def query(self) -> DocumentQuery:
        return self._query

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    @property
    def annotator(self) -> str | None:
        return self._annotator

    def set_query(self, query: DocumentQuery, keep: str | None = None) -> None:
        """Show the documents of ``query`` (the same query again re-reads everything).

        ``keep``: a document whose row :meth:`find_row` will be asked next; it is counted
        with the rows, in the same pass (a filter costs one evaluation, not two)."""
        if self._runner is not None:
            workspace, runner, size = self._workspace, self._runner, self._page_size
            self._generation += 1
            generation = self._generation
            owner = self._annotator
            runner.run(lambda: read_query(workspace, query, keep, size, owner),
                       on_done=partial(self._query_read, generation, query))
            return
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._count = None
        self._kept = None
        if keep is not None:
            self._count, row = documents.count_and_position(self._workspace, query, keep)
            self._kept = (keep, row)
        self.endResetModel()

    def _query_read(self, generation: int, query: DocumentQuery, result: tuple) -> None:
        if generation == self._generation:  # no newer query asked for meanwhile
            self.show_query(query, *result)

    @property
    def page_size(self) -> int:
        return self._page_size

    def show_query(self, query: DocumentQuery, count: int, kept: tuple[str, int | None] | None,
                   pages: dict[int, list[DocumentSummary]]) -> None:
        """Show ``query`` from what was read for it off the GUI thread (see :func:`read_query`):
        its row count, a document's row, and pages already read; no query here."""
        self.beginResetModel()
        self._generation += 1
        self._loading.clear()
        self._waiting.clear()
        self._query = query
        self._pages = OrderedDict(sorted(pages.items()))
        while len(self._pages) > self._cached_pages:
            self._pages.popitem(last=False)
        self._count = count
        self._kept = kept
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column: a new query for the store, never rows sorted in memory.

        A column without a sort key (the status) leaves the order as it is.
        """
        key = SORT_KEY_OF_COLUMN.get(column)
        if key is None:
            return
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    def set_sort(self, key: str, descending: bool = False) -> None:
        self.set_query(dataclasses.replace(self._query, sort=key, descending=descending))

    def find_row(self, document_id: str) -> int | None:
        """The document's row in the current query (None if the query leaves it out): from the
        cached pages, else counted by the store in one step, wherever the row is."""
        row = self.row_of(document_id)
        if row is not None:
            return row
        if self._kept is not None and self._kept[0] == document_id:
            return self._kept[1]
        if self._runner is not None:
            return None  # not known here: ask ``locate``
        return documents.position(self._workspace, self._query, document_id)

    def locate(self, document_id: str, found: Callable[[int | None], None]) -> None:
        """Call ``found`` with the document's row in the current query (None: not in it), read on
        the runner when the pages held do not have it."""
        row = self.find_row(document_id)
        if row is not None or self._runner is None:
            found(row)
            return
        workspace, query = self._workspace, self._query
        self._runner.run(lambda: documents.position(workspace, query, document_id),
                         on_done=lambda where: found(where if query == self._query else None))

    def set_annotator(self, name: str | None) -> None:
        """Whose set status the status column shows."""
        if name == self._annotator:
            return
        self._annotator = name
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, STATUS_COLUMN), self.index(rows - 1, STATUS_COLUMN),
                                  [Qt.ItemDataRole.DisplayRole])
        # the span counts were read for the annotator before: the pages held are read again
        for number in list(self._pages):
            if self._runner is not None:
                self._request(number)
            else:
                self._pages.pop(number, None)
        if rows and self._runner is None:
            self.dataChanged.emit(self.index(0, SPANS_COLUMN), self.index(rows - 1, SPANS_COLUMN))

    def document_id(self, row: int) -> str:
        summary = self._summary(row)
        if summary is None:
            raise IndexError(f"no row {row}")
        return summary.id

    def with_document_id(self, row: int, then: Callable[[str], None]) -> None:
        """Call ``then`` with the id of the document in ``row``: at once when its page is held, else
        when the runner has read it (a row scrolled or stepped to before its page came)."""
        number = row // self._page_size
        if self._runner is None or number in self._pages:
            summary = self._summary(row)
            if summary is not None:
                then(summary.id)
            return
        def arrived() -> None:
            summary = self._summary(row)
            if summary is not None:
                then(summary.id)
        self._waiting.setdefault(number, []).append(arrived)
        self._request(number)

    def summary_at(self, row: int) -> DocumentSummary | None:
        """The row's document as held (None when its page is not here; nothing is read)."""
        number, offset = divmod(row, self._page_size)
        rows = self._pages.get(number)
        return rows[offset] if rows is not None and 0 <= offset < len(rows) else None

    def row_of(self, document_id: str) -> int | None:
        """The row of a document among the cached pages, else None."""
        for number, rows in self._pages.items():
            for i, summary in enumerate(rows):
                if summary.id == document_id:
                    return number * self._page_size + i
        return None

    def refresh_document(self, document_id: str) -> None:
        """Re-read one document's row (its status changed): drop its page, redraw the row.

        A document whose page is not cached is read fresh when it is next shown. When
        the query filters by status, the row may leave the list: call ``set_query``.
        """
        row = self.row_of(document_id)
        if row is None:
            return
        number = row // self._page_size
        if self._runner is not None:  # read again off the GUI thread; the old row shows meanwhile
            self._request(number)
            return
        self._pages.pop(number, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def cached_pages(self) -> list[int]:
        """Numbers of the pages held, least recently used first (for tests and debugging)."""
        return list(self._pages)

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._count is None:
            self._count = documents.count(self._workspace, self._query)
        return self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(HEADERS):
                return QCoreApplication.translate(CONTEXT, HEADERS[section])
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() in (LENGTH_COLUMN, SPANS_COLUMN):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        summary = self._summary(index.row())
        if summary is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:  # the title in full, and the id the title column hides
            return f"{summary.title}\n{summary.id}" if summary.title else summary.id
        if column == TITLE_COLUMN:
            return summary.title or summary.id
        if column == ID_COLUMN:
            return summary.id
        if column == DATE_COLUMN:
            return summary.date or ""
        if column == LENGTH_COLUMN:
            return summary.length
        if column == STATUS_COLUMN:
            return self._status(summary)
        if column == SPANS_COLUMN:
            return "" if summary.spans is None else summary.spans
        return None

    # ------------------------------------------------------------ pages

    def _status(self, summary: DocumentSummary) -> str:
        value = SetStatus.NEW.value
        if self._annotator is not None:
            for owner, status in summary.sets:
                if owner == self._annotator:
                    value = str(status)
                    break
        try:
            name = STATUS_NAMES[SetStatus(value)]
        except ValueError:
            return value
        return QCoreApplication.translate(CONTEXT, name)

    def _summary(self, row: int) -> DocumentSummary | None:
        if row < 0 or row >= self.rowCount():
            return None
        number, offset = divmod(row, self._page_size)
        rows = self._page(number)
        return rows[offset] if offset < len(rows) else None

    def _page(self, number: int) -> list[DocumentSummary]:
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        if self._runner is not None:
            self._request(number)
            return []  # shown empty until the page arrives
        rows = self._read_page(number)()
        self._keep(number, rows)
        return rows

    def _read_page(self, number: int) -> Callable[[], list[DocumentSummary]]:
        """The read of one page, to run here or on the runner."""
        workspace, query, size, owner = self._workspace, self._query, self._page_size, self._annotator
        before = self._pages.get(number - 1)
        if before and len(before) == size:  # scrolling on: keyset from the page before
            return partial(documents.page, workspace, query, after=before[-1], limit=size, owner=owner)
        return partial(documents.page, workspace, query, offset=number * size, limit=size, owner=owner)  # a jump

    def _request(self, number: int) -> None:
        """Ask the runner for a page (one not held, or one held to be read anew); its rows are
        drawn when it comes."""
        if number in self._loading:
            return
        self._loading.add(number)
        read, generation = self._read_page(number), self._generation
        self._runner.run(read, on_done=partial(self._page_arrived, generation, number))  # type: ignore[union-attr]

    def _page_arrived(self, generation: int, number: int, rows: list[DocumentSummary]) -> None:
        if generation != self._generation:  # another query is shown now
            return
        self._loading.discard(number)
        self._keep(number, rows)
        first = number * self._page_size
        last = min(first + self._page_size, self.rowCount()) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        for waiting in self._waiting.pop(number, []):
            waiting()

    def _keep(self, number: int, rows: list[DocumentSummary]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self._cached_pages:
            self._pages.popitem(last=False)
