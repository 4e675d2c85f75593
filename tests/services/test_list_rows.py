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
