"""The spans' own search index: filled at import and by the migration, kept true by every action
(add, resize, fragments, split, relabel, remove, undo, redo, a set replaced or taken by curation),
and driving a search over spans to the documents whose spans hold the query."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.domain.query import DocumentQuery
from annotator.domain.search import parse
from annotator.domain.model import Role
from annotator.services import annotating, curation, history, search, span_edges, users
from annotator.services.importing import import_files
from annotator.services.search import SearchFilter
from annotator.services.workspace import Workspace
from annotator.storage import span_search
from annotator.storage.repository import ENTITY

TEXTS = {
    "tash": "🇺🇿 Шавкат Мирзиёев\r\nпринял в Ташкенте Токаева.",  # emoji and CRLF before the spans
    "word": "Ташкент упомянут в тексте, но не в отметке: Москва.",  # the word, in no span of it
    "far": "Председатель Совета министров Кубы прибыл в Ташкент.",
}


def jsonl(path: Path, records: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def span(doc: str, word: str, label: str, n: int = 1) -> dict:
    start = TEXTS[doc].index(word)
    return {"id": f"T{n}", "start": start, "end": start + len(word), "label": label, "text": word}


@pytest.fixture
def ws(workspace: Workspace, tmp_path: Path) -> Workspace:
    records = [
        {"id": "tash", "text": TEXTS["tash"], "annotator": "anna", "entities": [
            span("tash", "Ташкенте", "GPE"), span("tash", "Мирзиёев", "PER", 2)]},
        {"id": "word", "text": TEXTS["word"], "annotator": "anna", "entities": [span("word", "Москва", "GPE")]},
        {"id": "far", "text": TEXTS["far"]},
    ]
    report = import_files(workspace, [jsonl(tmp_path / "c.jsonl", records)])
    assert report.committed, report.problems
    return workspace


def indexed(ws: Workspace) -> set[tuple]:
    """What the index holds: (ordinal, span id, label, its words as the index keeps them)."""
    with ws.store.read() as repo:
        connection = repo.connection
        if span_search.is_sqlite(connection):
            return {(r >> span_search.SHIFT, r & ((1 << span_search.SHIFT) - 1), label, words)
                    for r, words, label in connection.exec_driver_sql(
                        f"SELECT rowid, words, label FROM {span_search.SPAN_TABLE}")}
        return {(o, s, label, words, owner) for o, s, label, words, owner in connection.exec_driver_sql(
            f"SELECT ordinal, span_id, label, words::text, owner FROM {span_search.SPAN_TABLE}")}


def truth(ws: Workspace) -> set[tuple]:
    """What it should hold: every entity span in the store, its words cut from its text (and, on
    PostgreSQL, its set's owner)."""
    with ws.store.read() as repo:
        connection = repo.connection
        rows = connection.exec_driver_sql(
            'SELECT d.ordinal, s.id, s.label, s.start, s."end", s.fragments, t.text, a.owner FROM spans s '
            "JOIN annotation_sets a ON a.id = s.set_id JOIN documents d ON d.id = a.document_id "
            "JOIN document_texts t ON t.document_id = d.id WHERE s.kind = 'entity'").fetchall()
        out = set()
        for ordinal, span_id, label, start, end, fragments, body, owner in rows:
            words = span_search.covered_words(body, start, end, fragments)
            if span_search.is_sqlite(connection):
                out.add((ordinal, span_id, label, words.replace("ё", "е").replace("Ё", "Е")))
            else:
                vector = connection.exec_driver_sql("SELECT array_to_tsvector(%s::text[])::text",
                                                    (span_search.lexemes(words),)).scalar_one()
                out.add((ordinal, span_id, label, vector, owner))
        return out


def spans_found(ws: Workspace, query: str, labels=("GPE",), documents=DocumentQuery()) -> list[tuple[str, str]]:
    hits = search.iter_hits(ws, query, SearchFilter(labels=labels, documents=documents))
    return [(hit.document_id, hit.text) for hit in hits]


def test_import_fills_the_index_with_each_entity_span(ws):
    assert indexed(ws) == truth(ws)
    assert len(indexed(ws)) == 3


def test_a_span_search_reads_only_documents_whose_spans_hold_the_query(ws):
    assert spans_found(ws, "Ташкент") == [("tash", "Ташкенте")]
    assert spans_found(ws, "мирзиеев", labels=("PER",)) == [("tash", "Мирзиёев")]
    assert spans_found(ws, "мирзиеев", labels=("GPE",)) == []
    with ws.store.read() as repo:  # "word" holds the word in its text and has a GPE span: not a candidate
        pages = repo.annotation_candidates(ENTITY, ("GPE",), None, DocumentQuery(), 0, 100, parse("Ташкент"))
        assert [doc for _, doc in pages] == ["tash"]


def test_every_action_keeps_the_index_true(ws):
    body = TEXTS["far"]
    chairman = body.index("Председатель")
    added = annotating.add_span(ws, "far", chairman, chairman + len("Председатель"), "PER", owner="anna").result
    assert indexed(ws) == truth(ws)
    cuba = body.index("Совета министров Кубы")
    annotating.add_fragment(ws, added, cuba, cuba + len("Совета министров Кубы"), owner="anna")
    assert indexed(ws) == truth(ws)
    assert spans_found(ws, '"председатель совета"', labels=("PER",)) == [
        ("far", "Председатель Совета министров Кубы")]  # the fragments' words, joined
    gpe = annotating.add_span(ws, "far", body.index("Ташкент"), body.index("Ташкент") + 3, "GPE", owner="anna").result
    assert spans_found(ws, "Ташкент") == [("tash", "Ташкенте")]
    span_edges.resize_span(ws, gpe, body.index("Ташкент"), body.index("Ташкент") + len("Ташкент"), owner="anna")
    assert indexed(ws) == truth(ws)
    assert sorted(spans_found(ws, "Ташкент")) == [("far", "Ташкент"), ("tash", "Ташкенте")]
    annotating.relabel_span(ws, gpe, "LOC", owner="anna")
    assert indexed(ws) == truth(ws)
    assert spans_found(ws, "Ташкент") == [("tash", "Ташкенте")]
    assert spans_found(ws, "Ташкент", labels=("LOC",)) == [("far", "Ташкент")]
    annotating.remove_span(ws, gpe, owner="anna")
    assert indexed(ws) == truth(ws)
    assert spans_found(ws, "Ташкент", labels=("LOC",)) == []
    history.undo(ws, owner="anna")  # the span comes back: so does its row
    assert indexed(ws) == truth(ws)
    assert spans_found(ws, "Ташкент", labels=("LOC",)) == [("far", "Ташкент")]
    history.redo(ws, owner="anna")
    assert indexed(ws) == truth(ws)
    per = next(search.iter_hits(ws, "мирзиеев", SearchFilter(labels=("PER",))))
    span_edges.split_span(ws, per.annotation_id, per.start + 3, per.start + 3, owner="anna")
    assert indexed(ws) == truth(ws)
    assert spans_found(ws, "мирзиеев", labels=("PER",)) == []
    right = next(h for h in search.iter_hits(ws, "зиеев", SearchFilter(labels=("PER",))))
    span_edges.merge_spans(ws, per.annotation_id, right.annotation_id, owner="anna")
    assert indexed(ws) == truth(ws)
    assert spans_found(ws, "мирзиеев", labels=("PER",)) == [("tash", "Мирзиёев")]


def test_a_set_replaced_by_an_import_and_undone(ws, tmp_path):
    body = TEXTS["tash"]
    again = [{"id": "tash", "text": body, "annotator": "anna", "entities": [span("tash", "Токаева", "PER")]}]
    assert import_files(ws, [jsonl(tmp_path / "again.jsonl", again)]).committed
    assert indexed(ws) == truth(ws)
    assert spans_found(ws, "Ташкент") == []
    assert spans_found(ws, "токаев", labels=("PER",)) == [("tash", "Токаева")]
    history.undo(ws, owner="anna")  # the import undone: the old set and its rows are back
    assert indexed(ws) == truth(ws)
    assert spans_found(ws, "Ташкент") == [("tash", "Ташкенте")]


def test_curation_copies_are_indexed(ws):
    users.add_user(ws, "cora", Role.CURATOR)
    curation.take(ws, "tash", "anna", user="cora")
    assert indexed(ws) == truth(ws)
    assert len(indexed(ws)) == 5  # gold's copies too
    gold_only = SearchFilter(labels=("GPE",), owner="gold")
    assert [(h.document_id, h.owner) for h in search.iter_hits(ws, "ташкент", gold_only)] == [("tash", "gold")]


def test_documents_the_filters_refuse_are_passed_over_batch_after_batch(ws, tmp_path):
    many = [{"id": f"d{i:02d}", "text": f"Визит в Ташкент, номер {i}.", "meta": {"date": f"2025-01-{i + 1:02d}"},
             "annotator": "anna", "entities": [{"id": "T1", "start": 8, "end": 15, "label": "GPE", "text": "Ташкент"}]}
            for i in range(12)]
    assert import_files(ws, [jsonl(tmp_path / "many.jsonl", many)]).committed
    late = DocumentQuery(date_from="2025-01-11")
    with ws.store.read() as repo:  # a batch of 3 spans at a time: the first batches' documents all fail
        found = []
        after = 0
        while page := repo._span_candidates(
                repo_statement(repo, late), parse("ташкент"), ("GPE",), after, 3):
            found.extend(doc for _, doc in page)
            after = page[-1][0]
    assert found == ["d10", "d11"]
    assert spans_found(ws, "ташкент", documents=late) == [("d10", "Ташкент"), ("d11", "Ташкент")]


def repo_statement(repo, documents: DocumentQuery):
    from sqlalchemy import select

    from annotator.storage.repository import DOCUMENTS
    return select(DOCUMENTS.c.ordinal, DOCUMENTS.c.id).where(*repo._conditions(documents))


def test_rebuild_makes_the_same_index(ws):
    before = indexed(ws)
    with ws.store.write() as repo:
        repo.connection.exec_driver_sql(f"DELETE FROM {span_search.SPAN_TABLE}")
        span_search.rebuild(repo.connection, batch=1)
    assert indexed(ws) == before == truth(ws)


def test_rowids_refuse_ids_out_of_range():
    assert span_search.rowid(3, 7) == (3 << 31) | 7
    with pytest.raises(ValueError):
        span_search.rowid(1, 1 << 31)


def test_a_label_without_letters_or_digits_is_found(ws):
    from annotator.domain.scheme import EntityLabel
    from annotator.domain.scheme_edits import free_hotkey
    from annotator.services import schemes

    schemes.add_label(ws, EntityLabel("$", free_hotkey(ws.current_scheme()), "#ff0000"), user="anna")
    body = TEXTS["far"]
    start = body.index("Ташкент")
    annotating.add_span(ws, "far", start, start + len("Ташкент"), "$", owner="anna")
    assert spans_found(ws, None, labels=("$",)) == [("far", "Ташкент")]
    assert spans_found(ws, "Ташкент", labels=("$",)) == [("far", "Ташкент")]
    assert sorted(spans_found(ws, "Ташкент", labels=("$", "GPE"))) == [("far", "Ташкент"), ("tash", "Ташкенте")]


def test_document_ids_with_quotes_and_percent_signs(ws, tmp_path):
    odd = "O'Brien 100% «Ташкент»"
    record = {"id": odd, "text": "Визит в Ташкент.", "annotator": "anna",
              "entities": [{"id": "T1", "start": 8, "end": 15, "label": "GPE", "text": "Ташкент"}]}
    assert import_files(ws, [jsonl(tmp_path / "odd.jsonl", [record])]).committed
    assert indexed(ws) == truth(ws)
    assert (odd, "Ташкент") in spans_found(ws, "ташкент")
    history.undo(ws, owner="anna")  # the import's set deleted: its rows found by the document's id
    assert indexed(ws) == truth(ws)
    assert (odd, "Ташкент") not in spans_found(ws, "ташкент")
    with ws.store.write() as repo:
        repo.connection.exec_driver_sql(f"DELETE FROM {span_search.SPAN_TABLE}")
        span_search.rebuild(repo.connection)
    assert indexed(ws) == truth(ws)


def test_one_owners_span_search_finds_exactly_their_spans_after_every_action(ws):
    """boris's spans beside anna's on the same words: a search limited to one owner finds exactly
    that owner's hits, and the index (with each span's owner, on PostgreSQL) stays true through a
    relabel, a removal, undo and redo of his spans and the removal of his whole set."""

    def found(owner):
        hits = search.iter_hits(ws, "Ташкент", SearchFilter(labels=("GPE", "LOC"), owner=owner))
        return sorted((hit.document_id, hit.text, hit.label, hit.owner) for hit in hits)

    body = TEXTS["far"]
    start = body.index("Ташкент")
    far = annotating.add_span(ws, "far", start, start + len("Ташкент"), "GPE", owner="boris").result
    start = TEXTS["tash"].index("Ташкенте")
    annotating.add_span(ws, "tash", start, start + len("Ташкенте"), "LOC", owner="boris")
    assert indexed(ws) == truth(ws)
    assert found("boris") == [("far", "Ташкент", "GPE", "boris"), ("tash", "Ташкенте", "LOC", "boris")]
    assert found("anna") == [("tash", "Ташкенте", "GPE", "anna")]
    annotating.relabel_span(ws, far, "PER", owner="boris")
    assert indexed(ws) == truth(ws)
    assert found("boris") == [("tash", "Ташкенте", "LOC", "boris")]
    history.undo(ws, owner="boris")
    assert found("boris") == [("far", "Ташкент", "GPE", "boris"), ("tash", "Ташкенте", "LOC", "boris")]
    annotating.remove_span(ws, far, owner="boris")
    assert indexed(ws) == truth(ws)
    assert found("boris") == [("tash", "Ташкенте", "LOC", "boris")]
    history.undo(ws, owner="boris")
    history.redo(ws, owner="boris")
    history.undo(ws, owner="boris")
    assert indexed(ws) == truth(ws)
    assert found("boris") == [("far", "Ташкент", "GPE", "boris"), ("tash", "Ташкенте", "LOC", "boris")]
    assert found("anna") == [("tash", "Ташкенте", "GPE", "anna")]
    assert found("vera") == []
    assert found(None) == sorted(found("anna") + found("boris"))
