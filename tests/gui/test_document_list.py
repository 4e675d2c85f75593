"""DocumentListModel: pages of 200 rows on demand, a small LRU of pages, ids in UserRole."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from annotator.domain.model import SetStatus, list_title
from annotator.domain.query import DocumentQuery
from annotator.gui.annotate import document_list
from annotator.gui.annotate.document_list import ID_COLUMN, STATUS_COLUMN, DocumentListModel
from annotator.services import annotating, documents
from annotator.services.importing import import_files
from annotator.services.workspace import Workspace

N = 10_000


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    """A database of 10,000 small documents, built once for the module."""
    folder = tmp_path_factory.mktemp("big")
    source = folder / "docs.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(N):
            line = {"id": f"doc{i:05d}", "text": f"Новость номер {i}. Ташкент 😀",
                    "meta": {"date": f"2025-11-{1 + i % 28:02d}"}}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    ws = Workspace.open(str(folder / "big.sqlite3"))
    report = import_files(ws, [source])
    assert report.committed and report.documents_added == N, report.problems[:3]
    ws.close()
    return folder / "big.sqlite3"


@pytest.fixture
def big_workspace(big_db):
    ws = Workspace.open(str(big_db))
    yield ws
    ws.close()


@pytest.fixture
def calls(monkeypatch):
    """Every call of the paged service, as (offset, limit); and the count calls."""
    seen = {"page": [], "count": 0}
    real_page, real_count = documents.page, documents.count

    def page(workspace, query=DocumentQuery(), *, offset=0, limit=documents.PAGE, after=None, owner=None):
        seen["page"].append((offset, limit) if after is None else (("after", after.id), limit))
        return real_page(workspace, query, offset=offset, limit=limit, after=after, owner=owner)

    def count(workspace, query=DocumentQuery()):
        seen["count"] += 1
        return real_count(workspace, query)

    monkeypatch.setattr(documents, "page", page)
    monkeypatch.setattr(documents, "count", count)
    return seen


def test_scrolling_to_the_end_loads_only_the_pages_touched(big_workspace, calls, qtbot):
    model = DocumentListModel(big_workspace)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(500, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(10)
    assert model.rowCount() == N
    assert calls["count"] == 1
    assert {offset for offset, _ in calls["page"]} == {0}

    view.scrollToBottom()
    qtbot.wait(50)
    last = view.rowAt(view.viewport().height() - 2)
    assert last == N - 1
    assert model.data(model.index(N - 1, ID_COLUMN)) == f"doc{N - 1:05d}"
    touched = {offset for offset, _ in calls["page"]}
    assert touched == {0, 9800}, sorted(touched)  # not the 48 pages in between
    assert all(limit == 200 for _, limit in calls["page"])
    assert len(calls["page"]) == 2  # each page read once
    assert calls["count"] == 1  # the count is kept per query


def test_the_cache_holds_only_a_few_pages(big_workspace, calls):
    model = DocumentListModel(big_workspace)
    for row in range(0, N, 200):
        model.data(model.index(row, 0))
    assert len(model.cached_pages()) <= document_list.CACHED_PAGES
    assert model.cached_pages() == list(range(50 - document_list.CACHED_PAGES, 50))
    assert len(calls["page"]) == 50
    model.data(model.index(N - 1, 0))  # still cached: no read
    assert len(calls["page"]) == 50
    model.data(model.index(0, 0))  # evicted long ago: read again
    assert len(calls["page"]) == 51


def test_columns_and_the_id_in_user_role(gui_workspace):
    model = DocumentListModel(gui_workspace)
    assert model.rowCount() == 5 and model.columnCount() == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Title", "Date", "Length", "My status", "Spans", "Document"]
    first = documents.page(gui_workspace, limit=1)[0]
    document = documents.document(gui_workspace, first.id)
    row = [model.data(model.index(0, c)) for c in range(6)]
    assert row == [list_title(document.meta, document.text), first.date, first.length, "new", "", first.id]
    assert row[0].startswith("Касым-Жомарт Токаев отметил")  # the first line, as no title is in meta
    assert first.id in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    for column in range(6):
        assert model.data(model.index(0, column), Qt.ItemDataRole.UserRole) == first.id
    assert model.document_id(0) == first.id
    with pytest.raises(IndexError):
        model.document_id(5)
    assert model.data(model.index(5, 0)) is None


def test_status_of_the_current_annotator_and_refresh_after_a_change(gui_workspace, qtbot):
    model = DocumentListModel(gui_workspace, annotator="anna")
    doc = model.document_id(2)
    assert model.data(model.index(2, STATUS_COLUMN)) == "new"
    annotating.set_status(gui_workspace, doc, SetStatus.DONE, owner="anna")
    assert model.data(model.index(2, STATUS_COLUMN)) == "new"  # cached until told

    with qtbot.waitSignal(model.dataChanged) as changed:
        model.refresh_document(doc)
    top_left, bottom_right = changed.args[:2]
    assert (top_left.row(), bottom_right.row()) == (2, 2)
    assert model.data(model.index(2, STATUS_COLUMN)) == "done"

    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_annotator("boris")
    assert changed.args[0].column() == changed.args[1].column() == STATUS_COLUMN
    assert model.data(model.index(2, STATUS_COLUMN)) == "new"
    model.set_annotator(None)
    assert model.data(model.index(2, STATUS_COLUMN)) == "new"


def test_set_query_resets_and_row_of_finds_cached_rows(gui_workspace, qtbot):
    model = DocumentListModel(gui_workspace)
    ids = [model.document_id(r) for r in range(5)]
    assert model.row_of(ids[3]) == 3
    assert model.row_of("no-such-document") is None

    with qtbot.waitSignal(model.modelReset):
        model.set_query(DocumentQuery(ids=(ids[1], ids[4])))
    assert model.rowCount() == 2
    assert [model.document_id(r) for r in range(2)] == [ids[1], ids[4]]
    assert model.row_of(ids[4]) == 1
    assert model.row_of(ids[3]) is None

    model.set_query(DocumentQuery(sort="id", descending=True))
    assert [model.document_id(r) for r in range(5)] == sorted(ids, reverse=True)


def test_row_of_is_none_for_an_uncached_page(big_workspace):
    model = DocumentListModel(big_workspace)
    assert model.document_id(0) == "doc00000"
    assert model.row_of("doc00001") == 1
    assert model.row_of("doc09999") is None  # its page was never read
    model.document_id(N - 1)
    assert model.row_of("doc09999") == N - 1


def test_scrolling_on_reads_the_next_page_by_keyset_and_the_rows_match(big_workspace, calls):
    for query in (DocumentQuery(), DocumentQuery(sort="date", descending=True)):
        calls["page"].clear()
        model = DocumentListModel(big_workspace, query)
        walked = [model.document_id(row) for row in range(N)]
        expected = documents.page(big_workspace, query, limit=N)
        assert walked == [s.id for s in expected]
        assert calls["page"][0][0] == 0
        assert all(key[0] == "after" for key, _ in calls["page"][1:-1])  # no OFFSET after the first page


def test_find_row_counts_the_row_in_one_step_and_reads_no_page(big_workspace, calls):
    model = DocumentListModel(big_workspace, DocumentQuery(sort="date", descending=True))
    order = [s.id for s in documents.page(big_workspace, model.query, limit=N)]
    calls["page"].clear()
    for document_id in ("doc09999", "doc05000", order[0], order[-1]):
        assert model.find_row(document_id) == order.index(document_id)
    assert calls["page"] == []
    model.set_query(DocumentQuery(date_from="2025-11-28"))
    assert model.find_row("doc00000") is None  # 2025-11-01: not in the list
    assert model.find_row("doc00027") == 0


def test_column_widths_come_from_the_font_not_from_the_rows(big_workspace, calls, qtbot):
    """ResizeToContents makes Qt read rows all over the model; the fixed widths read none."""
    def shown(mode):
        calls["page"].clear()
        model = DocumentListModel(big_workspace, page_size=50)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.horizontalHeader().setSectionResizeMode(mode)
        if mode == QHeaderView.ResizeMode.Interactive:
            for column, width in enumerate(document_list.column_widths(view.fontMetrics())):
                view.horizontalHeader().resizeSection(column, width)
        view.resize(500, 400)
        view.show()
        qtbot.waitExposed(view)
        qtbot.wait(10)
        return view, len(calls["page"])

    view, pages = shown(QHeaderView.ResizeMode.Interactive)
    assert pages == 1
    widths = [view.horizontalHeader().sectionSize(c) for c in range(3)]
    metrics = view.fontMetrics()
    assert widths[0] > metrics.horizontalAdvance("doc09999")
    assert widths[1] > metrics.horizontalAdvance("2025-11-28")
    _, pages = shown(QHeaderView.ResizeMode.ResizeToContents)
    assert pages > 1  # what the fixed widths avoid


def test_find_row_agrees_with_the_pages_when_some_dates_are_missing(tmp_path):
    """Rows with no date sort first going up and last going down; the row counted is the row shown."""
    source = tmp_path / "mixed.jsonl"
    lines = []
    for i in range(12):
        meta = {"date": f"2025-11-{1 + i % 3:02d}"} if i % 4 else {}
        lines.append(json.dumps({"id": f"m{i:02d}", "text": f"Текст номер {i}", "meta": meta}, ensure_ascii=False))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ws = Workspace.open(str(tmp_path / "mixed.sqlite3"))
    try:
        assert import_files(ws, [source]).committed
        for sort in ("date", "id", "length", "ordinal"):
            for descending in (False, True):
                query = DocumentQuery(sort=sort, descending=descending)
                order = [s.id for s in documents.page(ws, query, limit=100)]
                assert [documents.position(ws, query, i) for i in order] == list(range(12)), (sort, descending)
                assert [documents.count_and_position(ws, query, i) for i in order] == [(12, r) for r in range(12)]
                dated = dataclasses.replace(query, date_from="2025-11-02")
                assert documents.count_and_position(ws, dated, "m00") == (documents.count(ws, dated), None)
                walked, last = [], None
                while True:
                    rows = documents.page(ws, query, limit=5, after=last)
                    walked += [s.id for s in rows]
                    if len(rows) < 5:
                        break
                    last = rows[-1]
                assert walked == order, (sort, descending)
    finally:
        ws.close()


def test_the_windows_list_never_reads_on_the_gui_thread(qtbot, big_workspace, runner, monkeypatch):
    """Counting, pages scrolled to, a row stepped to before its page came, a refreshed row, a document
    located: all on the runner (the window stays responsive on a slow filter or server)."""
    import threading

    from tests.gui.windows import make_window

    on_gui_thread = []
    for name in ("page", "count", "count_and_position", "position"):
        real = getattr(documents, name)

        def spy(*args, real=real, name=name, **kwargs):
            if threading.current_thread() is threading.main_thread():
                on_gui_thread.append(name)
            return real(*args, **kwargs)

        monkeypatch.setattr(documents, name, spy)
    window = make_window(qtbot, big_workspace, runner)
    model = window.document_model
    rows = model.rowCount()
    assert rows > 2 * model.page_size
    window.document_table.scrollToBottom()
    window.select_row(rows - 1)  # its page is not held yet: the document opens when it comes
    qtbot.waitUntil(lambda: window.document_id is not None and model.row_of(window.document_id) == rows - 1,
                    timeout=10000)
    model.refresh_document(window.document_id)
    last = window.document_id
    window.select_row(0)
    qtbot.waitUntil(lambda: model.row_of(window.document_id) == 0, timeout=10000)
    window.show_document(last)  # its page may have left the cache: located on the runner
    qtbot.waitUntil(lambda: window.current_row() == rows - 1, timeout=10000)
    window.sort_by("length", True)
    assert runner.wait()
    assert on_gui_thread == []
