"""PostgreSQL reads a query's matches through the GIN index alone when they are few, and walks the
index in corpus order when they are many (``search_index.few_matches``): both ways, and a search
that goes from one to the other across its pages, find the same hits in the same order (texts,
spans, one owner's spans). On SQLite there is one way; the same hits are asked of it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import event

from annotator.domain.search import parse
from annotator.services import search
from annotator.services.importing import import_files
from annotator.services.search import SearchFilter
from annotator.storage import repository, span_search

DOCS = 45


def body(n: int) -> str:
    city = "Ташкенте" if n % 3 == 0 else "Москве"
    return f"Материал {n:03d}: переговоры прошли в {city} в пятницу."


@pytest.fixture
def ws(workspace, tmp_path: Path):
    lines = []
    for n in range(DOCS):
        text = body(n)
        word = "Ташкенте" if n % 3 == 0 else "Москве"
        start = text.index(word)
        entity = {"id": "T1", "start": start, "end": start + len(word), "label": "GPE", "text": word}
        lines.append({"id": f"d{n:03d}", "text": text, "annotator": "anna", "entities": [entity]})
        if n % 5 == 0:
            lines.append({"id": f"d{n:03d}", "text": text, "annotator": "boris", "entities": [entity]})
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    report = import_files(workspace, [path])
    assert report.committed, report.problems
    return workspace


@pytest.mark.parametrize("few,span_few", [(1, 4), (1, 10), (1000, 4000)], ids=["walked", "bounded", "through-gin"])
def test_few_or_many_matches_find_the_same_hits_in_order(ws, monkeypatch, few, span_few):
    """``bounded``: the spans' index caps its first look at 10 matches, more than a step's 4 spans,
    so a step over several labels asks for the matches up to the 4th of those (unordered)."""
    monkeypatch.setattr(search, "PAGE", 4)  # pages of 4 documents: many pages, the last ones with few matches
    monkeypatch.setattr(search, "SPAN_PAGE", 4)
    monkeypatch.setattr(repository, "FEW_PAGES", few)
    monkeypatch.setattr(span_search, "FEW", span_few)
    tashkent = [f"d{n:03d}" for n in range(DOCS) if n % 3 == 0]

    text_hits = list(search.iter_hits(ws, "Ташкент"))
    assert [h.document_id for h in text_hits] == tashkent
    assert all(body(int(h.document_id[1:]))[h.start:h.end] == "Ташкенте" for h in text_hits)

    span_hits = list(search.iter_hits(ws, "Ташкент", SearchFilter(labels=("GPE",))))
    assert [(h.document_id, h.owner) for h in span_hits] == [
        (d, owner) for d in tashkent for owner in ("anna", "boris") if owner == "anna" or int(d[1:]) % 5 == 0]

    boris = list(search.iter_hits(ws, "Ташкент", SearchFilter(labels=("GPE",), owner="boris")))
    assert [h.document_id for h in boris] == [d for d in tashkent if int(d[1:]) % 15 == 0]

    several_labels = list(search.iter_hits(ws, "Ташкент", SearchFilter(labels=("GPE", "LOC"))))
    assert [(h.document_id, h.owner) for h in several_labels] == [(h.document_id, h.owner) for h in span_hits]
    boris_labels = list(search.iter_hits(ws, "Ташкент", SearchFilter(labels=("GPE", "LOC"), owner="boris")))
    assert [h.document_id for h in boris_labels] == [h.document_id for h in boris]

    rare = list(search.iter_hits(ws, "044"))  # one document's number
    assert [h.document_id for h in rare] == ["d044"]

    page = search.search_page(ws, "Ташкент", limit=5)
    rest = search.search_page(ws, "Ташкент", after=page.next, limit=100)
    assert [h.document_id for h in page.hits + rest.hits] == tashkent and rest.next is None


@pytest.mark.parametrize("few", [1, 1000], ids=["walked", "through-gin"])
def test_one_owners_span_search_asks_the_index_for_that_owners_spans_only(ws, monkeypatch, few):
    """PostgreSQL's span index knows each span's owner (migration 0018): a batch for boris's spans
    names only the documents where his spans may hold the word, not anna's, both ways. SQLite's
    index has no owner: its batch is a superset, which the search's filters narrow."""
    monkeypatch.setattr(span_search, "FEW", few * 4)
    tashkent = [n for n in range(DOCS) if n % 3 == 0]
    with ws.store.read() as repo:
        ordinals, last, _ = span_search.candidate_ordinals(repo.connection, parse("Ташкент"), ("GPE",), 0, 100,
                                                           owner="boris")
        everyone, _, _ = span_search.candidate_ordinals(repo.connection, parse("Ташкент"), ("GPE",), 0, 100)
    assert everyone == [n + 1 for n in tashkent]  # ordinals count from 1
    if ws.store.is_sqlite:
        assert ordinals == everyone
    else:
        assert ordinals == [n + 1 for n in tashkent if n % 5 == 0] and last == ordinals[-1]


@pytest.mark.postgresql_only
def test_a_step_over_several_labels_walks_when_the_first_matches_were_not_the_first_ones(ws, monkeypatch):
    """The unordered look at the matches up to a step's bound is capped: when the cap's matches
    came from the end of the corpus (rows rewritten lie at the table's end), the range up to the
    bound holds as many as the cap, and the step walks in order instead. Same hits either way."""
    monkeypatch.setattr(search, "PAGE", 4)
    monkeypatch.setattr(search, "SPAN_PAGE", 4)
    monkeypatch.setattr(span_search, "FEW", 6)
    several = SearchFilter(labels=("GPE", "LOC"))
    expected = [(h.document_id, h.owner) for h in search.iter_hits(ws, "Ташкент", SearchFilter(labels=("GPE",)))]
    with ws.store.write() as repo:  # the first thirty documents' rows move to the table's end
        repo.connection.exec_driver_sql("UPDATE span_search SET ordinal = ordinal WHERE ordinal <= 30")
    asked: list[str] = []

    def record(conn, cursor, statement, *args):
        asked.append(statement)

    with ws.store.read() as repo:
        event.listen(repo.connection, "before_cursor_execute", record)
        try:
            ordinals, _, _ = span_search.candidate_ordinals(repo.connection, parse("Ташкент"), several.labels, 0, 4)
        finally:
            event.remove(repo.connection, "before_cursor_execute", record)
    assert ordinals == [1, 4, 7]  # four spans: d000 has anna's and boris's
    assert any("ORDER BY ordinal LIMIT" in statement for statement in asked)  # it walked
    assert [(h.document_id, h.owner) for h in search.iter_hits(ws, "Ташкент", several)] == expected
