"""The corpus search pane (Ctrl+Shift+F): every hit with its context, paged lazily; Enter jumps to it.

The pane asks :func:`annotator.services.search.search_page` for a page of hits
on the task runner (never on the GUI thread) and the next page only when the
list is scrolled to its end (Qt's ``canFetchMore``/``fetchMore``), after the
last hit's cursor: any number of hits, a page at a time. Each row shows the
document and the hit in its snippet with the match in bold; the document id
and the hit's offsets (code points) travel in ``Qt.UserRole``.
"""

from __future__ import annotations

import html
from functools import partial

import shiboken6

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from annotator.services import search
from annotator.services.errors import ServiceError
from annotator.services.workspace import Workspace
from annotator.gui.common.tasks import TaskRunner

PAGE = 100
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
SELECTED_HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # on the selection's colour: no grey, no yellow
_Index = QModelIndex | QPersistentModelIndex


def hit_html(hit: search.Hit, selected: bool = False) -> str:
    s = hit.snippet
    where = html.escape(hit.document_id)
    if hit.kind != "text":
        where += f" · {html.escape(hit.label or '')} · {html.escape(hit.owner or '')}"
    if selected:
        return f"{where}&nbsp; {html.escape(s.before)}<b><u>{html.escape(s.match)}</u></b>{html.escape(s.after)}"
    return (f"<span style='color:gray'>{where}</span>&nbsp; {html.escape(s.before)}"
            f"<b style='background:#ffe58a'>{html.escape(s.match)}</b>{html.escape(s.after)}")


class HitListModel(QAbstractListModel):
    """Hits of one search; the next page is read on the runner when the view reaches the end."""

    page_loaded = Signal()
    failed = Signal(str)

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent=None, *, page_size: int = PAGE) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._page_size = page_size
        self._hits: list[search.Hit] = []
        self._query: str | None = None
        self._filter = search.SearchFilter()
        self._next: search.Cursor | None = None
        self._more = False
        self._loading = False
        self._serial = 0

    # ------------------------------------------------------------ searching
    def set_search(self, query: str, search_filter: search.SearchFilter = search.SearchFilter()) -> None:
        self.beginResetModel()
        self._serial += 1
        self._hits, self._query, self._filter = [], query, search_filter
        self._next, self._more, self._loading = None, True, False
        self.endResetModel()
        self._request()

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def complete(self) -> bool:
        """Every hit is in the list."""
        return not self._more

    def hit(self, row: int) -> search.Hit:
        return self._hits[row]

    def _request(self) -> None:
        if self._loading or not self._more or self._query is None:
            return
        self._loading = True
        serial, workspace, query, search_filter = self._serial, self._workspace, self._query, self._filter
        after, limit = self._next, self._page_size
        self._runner.run(lambda: search.search_page(workspace, query, search_filter, after=after, limit=limit),
                         on_done=partial(self._on_page, serial), on_error=partial(self._on_error, serial))

    def _on_page(self, serial: int, page: search.HitPage) -> None:
        if serial != self._serial or not shiboken6.isValid(self):  # a newer search, or the pane is gone
            return
        self._loading = False
        if page.hits:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(page.hits) - 1)
            self._hits.extend(page.hits)
            self.endInsertRows()
        self._next = page.next
        self._more = page.next is not None
        self.page_loaded.emit()

    def _on_error(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial or not shiboken6.isValid(self):
            return
        self._loading, self._more = False, False
        self.failed.emit(str(exc) if isinstance(exc, ServiceError) else f"{type(exc).__name__}: {exc}")

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not parent.isValid():
            self._request()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            s = hit.snippet
            return f"{hit.document_id}  {s.before}{s.match}{s.after}"
        if role == HTML_ROLE:
            return hit_html(hit)
        if role == SELECTED_HTML_ROLE:
            return hit_html(hit, selected=True)
        if role == Qt.ItemDataRole.UserRole:
            return (hit.document_id, hit.start, hit.end)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.document_id} {hit.start}–{hit.end}: {hit.text}"
        return None


class _HtmlDelegate(QStyledItemDelegate):
    """Draws a row's HTML (the match in bold) in one line."""

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        document = QTextDocument()
        document.setDefaultFont(options.font)
        if selected:
            color = options.palette.color(QPalette.ColorRole.HighlightedText).name()
            document.setDefaultStyleSheet(f"body {{ color: {color}; }}")
        document.setHtml(index.data(SELECTED_HTML_ROLE if selected else HTML_ROLE) or "")
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     options.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(options.rect.topLeft())
        painter.setClipRect(options.rect.translated(-options.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), int(option.fontMetrics.height() * 1.6))


class _QueryField(QLineEdit):
    """Enter searches; Down goes to the hits."""

    to_list = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.to_list.emit()
        else:
            super().keyPressEvent(event)


class SearchPane(QDockWidget):
    """The dock: a query field, how many hits so far, the hits."""

    hit_activated = Signal(str, int, int)  # document id, start, end (code points)

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Search the corpus"), parent)
        self.setObjectName("search_pane")
        self.model = HitListModel(workspace, runner, self)
        self.field = _QueryField()
        self.field.setPlaceholderText(self.tr("Words in any form, \"a phrase\", word* — Enter searches"))
        self.field.setClearButtonEnabled(True)
        self.status = QLabel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(_HtmlDelegate(self.list))
        self.list.setUniformItemSizes(True)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        self.setWidget(box)
        self.field.returnPressed.connect(self.run_search)
        self.field.to_list.connect(self._focus_list)
        self.list.activated.connect(self._on_activated)
        self.model.page_loaded.connect(self._update_status)
        self.model.failed.connect(self.status.setText)

    def open_pane(self, text: str | None = None) -> None:
        if text:
            self.field.setText(text)
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()

    def run_search(self) -> None:
        query = self.field.text().strip()
        if not query:
            return
        self.status.setText(self.tr("Searching…"))
        self.model.set_search(query)

    def _update_status(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.status.setText(self.tr("No hits"))
        elif self.model.complete:
            self.status.setText(self.tr("%n hit(s)", "", count))
        else:
            self.status.setText(self.tr("%n hit(s) so far; scroll for more", "", count))
        if count and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _focus_list(self) -> None:
        if self.model.rowCount():
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        document_id, start, end = index.data(Qt.ItemDataRole.UserRole)
        self.hit_activated.emit(document_id, start, end)
