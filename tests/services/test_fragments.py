"""Discontinuous spans: adding and removing fragments (undoable), and what the store keeps."""

from __future__ import annotations

import pytest

from annotator.services import annotating, claims, documents, history
from annotator.services.errors import ServiceError
from conftest import snapshot

DOC = "000_598509fc61278558"


def find(ws, needle: str) -> tuple[int, int]:
    text = documents.document(ws, DOC).text
    start = text.find(needle)
    assert start >= 0, needle
    return start, start + len(needle)


def spans_of(ws, owner: str = "anna"):
    (aset,) = documents.annotation_sets(ws, DOC, owner)
    return aset.spans


@pytest.fixture
def ws(sample_workspace):
    return sample_workspace


def test_a_fragment_makes_the_span_discontinuous_and_undo_gives_it_back(ws):
    first = find(ws, "Касым-Жомарт")
    later = find(ws, "Казахстана")
    assert later[0] > first[1] + 1
    span_id = annotating.add_span(ws, DOC, *first, "PER", owner="anna").result

    changes = annotating.add_fragment(ws, span_id, *later, owner="anna")

    assert changes.result == span_id and changes.spans is True and changes.documents == frozenset({DOC})
    assert changes.label == "Add a fragment to PER"
    (span,) = spans_of(ws)
    assert span.fragments == (first, later)
    assert (span.start, span.end) == (first[0], later[1])  # the outer bounds

    history.undo(ws, owner="anna")
    (span,) = spans_of(ws)
    assert span.fragments == () and (span.start, span.end) == first
    history.redo(ws, owner="anna")
    (span,) = spans_of(ws)
    assert span.fragments == (first, later)


def test_a_fragment_before_the_span_moves_its_start_and_touching_pieces_join(ws):
    later = find(ws, "Казахстана")
    first = find(ws, "Касым-Жомарт")
    span_id = annotating.add_span(ws, DOC, *later, "GPE", owner="anna").result
    annotating.add_fragment(ws, span_id, *first, owner="anna")
    (span,) = spans_of(ws)
    assert span.fragments == (first, later) and span.start == first[0]

    annotating.add_fragment(ws, span_id, first[1], first[1] + 1, owner="anna")  # touches the first piece
    (span,) = spans_of(ws)
    assert span.fragments == ((first[0], first[1] + 1), later)


def test_removing_a_fragment_leaves_a_contiguous_span(ws):
    first, later = find(ws, "Касым-Жомарт"), find(ws, "Казахстана")
    span_id = annotating.add_span(ws, DOC, *first, "PER", owner="anna").result
    annotating.add_fragment(ws, span_id, *later, owner="anna")

    annotating.remove_fragment(ws, span_id, 0, owner="anna")

    (span,) = spans_of(ws)
    assert span.fragments == () and (span.start, span.end) == later
    with pytest.raises(ServiceError, match="one piece only"):
        annotating.remove_fragment(ws, span_id, 0, owner="anna")


def test_refusals_change_nothing(ws):
    first, later = find(ws, "Касым-Жомарт"), find(ws, "Казахстана")
    span_id = annotating.add_span(ws, DOC, *first, "PER", owner="anna").result
    twin = annotating.add_span(ws, DOC, *later, "PER", owner="anna").result
    annotating.add_fragment(ws, twin, *first, owner="anna")  # "Касым-Жомарт … Казахстана"
    before = snapshot(ws)

    with pytest.raises(ServiceError, match="already part of"):
        annotating.add_fragment(ws, span_id, first[0] + 1, first[1], owner="anna")
    with pytest.raises(ServiceError, match="beyond"):
        annotating.add_fragment(ws, span_id, 10**6, 10**6 + 1, owner="anna")
    with pytest.raises(ServiceError, match="already has a PER span"):  # same label, bounds and fragments
        annotating.add_fragment(ws, span_id, *later, owner="anna")
    with pytest.raises(ServiceError, match="belongs to"):
        annotating.add_fragment(ws, span_id, *later, owner="boris")
    assert snapshot(ws) == before


def test_a_claim_takes_fragments_too(ws):
    first, later = find(ws, "Касым-Жомарт"), find(ws, "Казахстана")
    claim_id = claims.add_claim(ws, DOC, *first, "FACT", owner="anna").result
    annotating.add_fragment(ws, claim_id, *later, owner="anna")
    (aset,) = documents.annotation_sets(ws, DOC, "anna")
    (claim,) = aset.claims
    assert claim.fragments == (first, later)


def test_fragments_survive_export_and_import_through_the_store(ws, tmp_path):
    import io

    import orjson

    from annotator.services import exporting, importing

    first, later = find(ws, "Касым-Жомарт"), find(ws, "Казахстана")
    span_id = annotating.add_span(ws, DOC, *first, "PER", owner="anna").result
    annotating.add_fragment(ws, span_id, *later, owner="anna")
    out = io.BytesIO()
    exporting.export(ws, out, owner="anna")
    (line,) = [orjson.loads(raw) for raw in out.getvalue().splitlines()]
    assert [(f["start"], f["end"]) for f in line["entities"][0]["fragments"]] == [first, later]

    path = tmp_path / "anna.jsonl"
    path.write_bytes(out.getvalue())
    report = importing.import_files(ws, [path], annotator="boris")
    assert report.committed, report.problems
    (span,) = spans_of(ws, "boris")
    assert span.fragments == (first, later)


def test_spans_of_one_label_and_bounds_may_differ_in_fragments(ws):
    """The place index takes the fragments (migration 0015): a contiguous span and two discontinuous
    ones over the same outer bounds are three spans."""
    first, middle, later = find(ws, "Касым-Жомарт"), find(ws, "Токаев"), find(ws, "Казахстана")
    whole = annotating.add_span(ws, DOC, first[0], later[1], "PER", owner="anna").result
    one = annotating.add_span(ws, DOC, *first, "PER", owner="anna").result
    annotating.add_fragment(ws, one, *later, owner="anna")
    other = annotating.add_span(ws, DOC, *first, "PER", owner="anna").result
    annotating.add_fragment(ws, other, *middle, owner="anna")
    annotating.add_fragment(ws, other, *later, owner="anna")
    spans = {s.id: s for s in spans_of(ws)}
    assert {(s.start, s.end) for s in spans.values()} == {(first[0], later[1])}
    assert [spans[i].fragments for i in (whole, one, other)] == [(), (first, later), (first, middle, later)]
    with pytest.raises(ServiceError, match="already"):  # the same fragments twice: still one span
        annotating.add_span(ws, DOC, first[0], later[1], "PER", owner="anna")
