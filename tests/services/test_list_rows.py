"""The list's rows: a title from meta or the first line, and one owner's span count, on both backends."""

from __future__ import annotations

import json

from annotator.domain.query import DocumentQuery
from annotator.services import annotating, documents
from annotator.services.importing import import_files


def test_titles_and_span_counts_of_a_page(workspace, tmp_path):
    source = tmp_path / "docs.jsonl"
    lines = [{"id": "a", "text": "РУ\nСаммит в Ташкенте прошёл успешно.\nДалее.", "meta": {"date": "2025-11-15"}},
             {"id": "b", "text": "Первая строка текста", "meta": {"title": "Заголовок из meta"}},
             {"id": "c", "text": "Текст без перевода строки", "meta": {}}]
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    assert import_files(workspace, [source]).committed
    annotating.add_span(workspace, "a", 3, 9, "PER", owner="anna")
    annotating.add_span(workspace, "a", 12, 20, "GPE", owner="anna")
    annotating.add_span(workspace, "b", 0, 6, "PER", owner="boris")
    rows = documents.page(workspace, DocumentQuery(), owner="anna")
    assert [(r.id, r.title, r.spans) for r in rows] == [
        ("a", "Саммит в Ташкенте прошёл успешно.", 2), ("b", "Заголовок из meta", 0),
        ("c", "Текст без перевода строки", 0)]
    assert [r.spans for r in documents.page(workspace, DocumentQuery())] == [None, None, None]  # no owner
    assert documents.ids_in_rows(workspace, DocumentQuery(), [(2, 2), (0, 1)]) == ["a", "b", "c"]


def _import_numbered(workspace, tmp_path, count: int) -> list[str]:
    source = tmp_path / "numbered.jsonl"
    ids = [f"doc{n:03d}" for n in range(count)]
    source.write_text("".join(json.dumps({"id": i, "text": f"Текст {i}."}) + "\n" for i in ids), encoding="utf-8")
    assert import_files(workspace, [source]).committed
    return ids


def _asked(workspace, fn):
    from sqlalchemy import event

    statements: list[str] = []

    def record(conn, cursor, statement, *rest):
        statements.append(statement)

    event.listen(workspace.store.engine, "before_cursor_execute", record)
    try:
        return fn(), statements
    finally:
        event.remove(workspace.store.engine, "before_cursor_execute", record)


def test_a_jump_into_the_whole_list_looks_up_the_rows_ordinal_instead_of_walking_to_it(workspace, tmp_path):
    ids = _import_numbered(workspace, tmp_path, 30)
    rows, statements = _asked(workspace, lambda: documents.page(workspace, DocumentQuery(), offset=17, limit=5))
    assert [r.id for r in rows] == ids[17:22]
    assert any("documents.ordinal >" in s for s in statements)  # ordinal 18 on, not 17 rows walked
    assert documents.ids_in_rows(workspace, DocumentQuery(), [(28, 40), (0, 0)]) == [ids[0], ids[28], ids[29]]
    filtered = DocumentQuery(text="doc02")  # a filtered list still counts its rows
    rows, statements = _asked(workspace, lambda: documents.page(workspace, filtered, offset=2, limit=5))
    assert [r.id for r in rows] == ids[22:27]
    assert not any("documents.ordinal >" in s for s in statements)


def test_a_store_whose_ordinals_have_a_gap_walks_to_the_row(workspace, tmp_path):
    from sqlalchemy import text

    ids = _import_numbered(workspace, tmp_path, 30)
    with workspace.store.write() as repo:  # not one an import leaves: a store made by hand
        repo.connection.execute(text("UPDATE documents SET ordinal = 1000 WHERE id = :id"), {"id": ids[3]})
    expected = ids[:3] + ids[4:] + [ids[3]]
    rows, statements = _asked(workspace, lambda: documents.page(workspace, DocumentQuery(), offset=17, limit=5))
    assert [r.id for r in rows] == expected[17:22]
    assert not any("documents.ordinal >" in s for s in statements)


def test_the_corpus_count_is_right_after_more_imports_and_with_a_gap(workspace, db_target, tmp_path):
    from sqlalchemy import text

    assert documents.count(workspace) == 0
    ids = _import_numbered(workspace, tmp_path, 30)
    assert documents.count(workspace) == 30
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "extra", "text": "Ещё один."}) + "\n", encoding="utf-8")
    assert import_files(workspace, [more]).committed
    assert documents.count(workspace) == 31

    from annotator.services.workspace import Workspace

    with workspace.store.write() as repo:
        repo.connection.execute(text("UPDATE documents SET ordinal = 1000 WHERE id = :id"), {"id": ids[3]})
    with Workspace.open(db_target) as other:  # another process, which checks the ordinals anew
        assert documents.count(other) == 31
