"""PostgreSQL reads a query's matches through the GIN index alone when they are few, and walks the
index in corpus order when they are many (``search_index.few_matches``): both ways, and a search
that goes from one to the other across its pages, find the same hits in the same order (texts,
spans, one owner's spans). On SQLite there is one way; the same hits are asked of it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

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


@pytest.mark.parametrize("few", [1, 1000], ids=["walked", "through-gin"])
def test_few_or_many_matches_find_the_same_hits_in_order(ws, monkeypatch, few):
    monkeypatch.setattr(search, "PAGE", 4)  # pages of 4 documents: many pages, the last ones with few matches
    monkeypatch.setattr(search, "SPAN_PAGE", 4)
    monkeypatch.setattr(repository, "FEW_PAGES", few)
    monkeypatch.setattr(span_search, "FEW", few * 4)
    tashkent = [f"d{n:03d}" for n in range(DOCS) if n % 3 == 0]

    text_hits = list(search.iter_hits(ws, "Ташкент"))
    assert [h.document_id for h in text_hits] == tashkent
    assert all(body(int(h.document_id[1:]))[h.start:h.end] == "Ташкенте" for h in text_hits)

    span_hits = list(search.iter_hits(ws, "Ташкент", SearchFilter(labels=("GPE",))))
    assert [(h.document_id, h.owner) for h in span_hits] == [
        (d, owner) for d in tashkent for owner in ("anna", "boris") if owner == "anna" or int(d[1:]) % 5 == 0]

    boris = list(search.iter_hits(ws, "Ташкент", SearchFilter(labels=("GPE",), owner="boris")))
    assert [h.document_id for h in boris] == [d for d in tashkent if int(d[1:]) % 15 == 0]

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
    from annotator.domain.search import parse

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
