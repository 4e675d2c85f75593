"""PostgreSQL keeps the texts' index vectors in TOAST (migration 0020) and plans every statement that
asks the index without sequential scans (``search_index.plans_through_index``): the list's filter, its
count, a document's row in it and a corpus search read ``search_index`` through its GIN index, never
whole (which would detoast every vector), and the settings are back as they were afterwards. On both
backends the filter's count and rows are the documents whose text holds the word."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import event

from annotator.domain.query import DocumentQuery
from annotator.services import documents, search
from annotator.services.importing import import_files
from annotator.services.views.document_list import read_query
from annotator.storage.search_index import plans_through_index

DOCS = 40


def body(n: int) -> str:
    city = "Ташкенте" if n % 4 == 0 else "Москве"
    return f"Материал {n:03d}: переговоры прошли в {city}, сообщил Токаев."


@pytest.fixture
def ws(workspace, tmp_path: Path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"".join(orjson.dumps({"id": f"d{n:03d}", "text": body(n)}) + b"\n" for n in range(DOCS)))
    report = import_files(workspace, [path])
    assert report.committed, report.problems
    return workspace


def test_the_filters_count_and_rows_are_the_documents_holding_the_word(ws):
    tashkent = [f"d{n:03d}" for n in range(DOCS) if n % 4 == 0]
    query = DocumentQuery(text="ташкент")
    assert documents.count(ws, query) == len(tashkent)
    assert [s.id for s in documents.page(ws, query, limit=100)] == tashkent
    assert documents.count_and_position(ws, query, "d008") == (len(tashkent), 2)
    assert documents.count_and_position(ws, query, "d001") == (len(tashkent), None)
    assert documents.position(ws, query, "d036") == tashkent.index("d036")
    count, kept, pages = read_query(ws, query, "d004", 5)
    assert (count, kept) == (len(tashkent), ("d004", 1)) and [s.id for s in pages[0]] == tashkent[:5]
    everyone = DocumentQuery(text="токаев")
    assert documents.count(ws, everyone) == DOCS
    assert documents.count(ws, DocumentQuery(text="хабаровске")) == 0
    by_id = DocumentQuery(text="D03")  # in no text: the ids, any case
    assert documents.count(ws, by_id) == 10 and [s.id for s in documents.page(ws, by_id)][:2] == ["d030", "d031"]
    either = DocumentQuery(text="0")  # the ids of all, the number of some texts
    assert documents.count(ws, either) == DOCS


def _plans_of_index_statements(ws, action) -> list[str]:
    """The plan of every statement ``action`` runs that reads ``search_index``, explained in its own
    transaction with the settings in force when it ran."""
    plans = []

    def explain(conn, cursor, statement, parameters, context, executemany):
        if "search_index" in statement and statement.lstrip().upper().startswith("SELECT"):
            with cursor.connection.cursor() as explaining:
                explaining.execute("EXPLAIN " + statement, parameters)
                plans.append("\n".join(row[0] for row in explaining.fetchall()))

    event.listen(ws.store.engine, "before_cursor_execute", explain)
    try:
        action()
    finally:
        event.remove(ws.store.engine, "before_cursor_execute", explain)
    return plans


@pytest.mark.postgresql_only
def test_postgresql_reads_the_index_through_gin_for_the_filter_and_search(ws, backend):
    query = DocumentQuery(text="ташкент")
    plans = _plans_of_index_statements(ws, lambda: (
        read_query(ws, query, "d004", 5), documents.count(ws, query), documents.position(ws, query, "d008"),
        search.search_page(ws, "Ташкенте", limit=3), search.search_page(ws, "переговоры", limit=3)))
    assert len(plans) >= 6
    for plan in plans:
        assert "Seq Scan on search_index" not in plan, plan
        assert "search_index_words" in plan or "search_index_pkey" in plan, plan
    # what the settings prevent: this small table would be read whole
    with ws.store.read() as repo:
        statement = ("EXPLAIN SELECT count(*) FROM search_index WHERE words @@ CAST(%s AS tsquery)", ("'ташкенте'",))
        whole = "\n".join(r[0] for r in repo.connection.exec_driver_sql(*statement))
        with plans_through_index(repo.connection):
            through = "\n".join(r[0] for r in repo.connection.exec_driver_sql(*statement))
    assert "Seq Scan on search_index" in whole
    assert "Bitmap Index Scan on search_index_words" in through and "Seq Scan" not in through


@pytest.mark.postgresql_only
def test_the_settings_are_put_back_after_the_statements(ws, backend):
    settings = "SELECT current_setting('enable_seqscan'), current_setting('jit')"
    with ws.store.read() as repo:
        before = repo.connection.exec_driver_sql(settings).one()
        with plans_through_index(repo.connection):
            assert repo.connection.exec_driver_sql(settings).one() == ("off", "off")
        assert repo.connection.exec_driver_sql(settings).one() == before
        repo.count_documents(DocumentQuery(text="ташкент"))
        assert repo.connection.exec_driver_sql(settings).one() == before
    assert before[0] == "on"


@pytest.mark.postgresql_only
def test_the_vectors_are_kept_in_toast(ws, backend):
    with ws.store.read() as repo:
        storage, options = repo.connection.exec_driver_sql(
            "SELECT a.attstorage, c.reloptions FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relname = 'search_index' AND a.attname = 'words'").one()
    assert storage == "x" and not options
