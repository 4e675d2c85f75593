"""The views that look at where spans are use a discontinuous span's fragments, not its outer bounds:
span search, the disagreement list (and accepting a version) and the gold-conflict regions."""

from __future__ import annotations

import pytest

from annotator.domain.disagreements import ENTITY, disagreements
from annotator.domain.model import GOLD, AnnotationSet, Role, Span
from annotator.services import annotating, curation, documents, users
from annotator.services.gold_conflicts import GoldConflict, gold_version
from annotator.services.search import SearchFilter, iter_hits

DOC = "000_598509fc61278558"


@pytest.fixture
def ws(sample_workspace):
    users.add_user(sample_workspace, "cora", Role.CURATOR)
    users.add_user(sample_workspace, "dora", Role.CURATOR, user="cora")
    return sample_workspace


def at(ws, needle):
    text = documents.document(ws, DOC).text
    start = text.index(needle)
    return start, start + len(needle)


def discontinuous(ws, owner, first, last, label="PER", **kwargs):
    """A span of two fragments: ``first`` … ``last`` (the words between them in its gap)."""
    span_id = annotating.add_span(ws, DOC, *at(ws, first), label, owner=owner, **kwargs).result
    annotating.add_fragment(ws, span_id, *at(ws, last), owner=owner, **kwargs)
    return span_id


def test_span_search_reads_the_fragments_words_not_the_gaps(ws):
    # "Касым-Жомарт Токаев" as "Касым-Жомарт … Токаев" would hold the gap; here "Президент … Токаев"
    text = documents.document(ws, DOC).text
    first, last = "Касым-Жомарт", "Казахстана"
    assert text.index(first) < text.index(last)
    span_id = discontinuous(ws, "anna", first, last)
    gap_word = text[at(ws, first)[1]:at(ws, last)[0]].split()[0]
    hits = list(iter_hits(ws, None, SearchFilter(labels=("PER",), owner="anna")))
    assert [(h.annotation_id, h.text) for h in hits] == [(span_id, f"{first} {last}")]
    assert list(iter_hits(ws, "Казахстана", SearchFilter(labels=("PER",), owner="anna")))
    assert not list(iter_hits(ws, gap_word, SearchFilter(labels=("PER",), owner="anna")))  # a word of the gap


def test_a_span_in_the_gap_of_a_discontinuous_one_is_a_disagreement_of_its_own():
    anna = AnnotationSet("d", "anna", spans=(Span(1, 0, 30, "PER", fragments=((0, 5), (25, 30))),))
    boris = AnnotationSet("d", "boris", spans=(Span(2, 10, 15, "ORG"),))
    found = disagreements([anna, boris])
    assert [(d.kind, d.start, d.end, d.pieces) for d in found] == [
        ("missing", 0, 30, ((0, 5), (25, 30))), ("missing", 10, 15, ())]
    # the same outer bounds, other fragments: a boundary disagreement, not agreement
    carl = AnnotationSet("d", "carl", spans=(Span(3, 0, 30, "PER", fragments=((0, 8), (25, 30))),))
    (both,) = disagreements([anna, carl])
    assert (both.kind, both.pieces) == ("boundary", ((0, 8), (25, 30)))


def test_accepting_a_discontinuous_version_leaves_gold_in_its_gap(ws):
    span_id = discontinuous(ws, "anna", "Касым-Жомарт", "Казахстана")
    annotating.add_span(ws, DOC, *at(ws, "Касым-Жомарт"), "PER", owner="boris")
    gap = at(ws, "Токаев")
    annotating.add_span(ws, DOC, *gap, "PER", owner=GOLD, user="cora")  # gold: a mention in the gap
    (d,) = [d for d in curation.document_disagreements(ws, DOC) if d.layer == ENTITY and d.pieces]
    curation.accept_version(ws, DOC, "anna", ENTITY, d.start, d.end, user="cora", pieces=d.pieces)
    (gold,) = documents.annotation_sets(ws, DOC, GOLD)
    (anna,) = documents.annotation_sets(ws, DOC, "anna")
    spans = {s.id: s for s in anna.spans}
    assert sorted((s.start, s.end, s.fragments) for s in gold.spans) == sorted(
        [(*gap, ()), (spans[span_id].start, spans[span_id].end, spans[span_id].fragments)])


def test_a_change_in_the_gap_of_another_curators_discontinuous_span_is_no_conflict(ws):
    seen_by_cora = gold_version(ws, DOC)
    discontinuous(ws, GOLD, "Касым-Жомарт", "Казахстана", user="dora", seen=gold_version(ws, DOC))
    # cora, with her older view, labels a word in the gap: dora's span does not cover it
    annotating.add_span(ws, DOC, *at(ws, "Токаев"), "PER", owner=GOLD, user="cora", seen=seen_by_cora)
    # but a fragment of dora's span is hers
    with pytest.raises(GoldConflict, match="dora changed this"):
        annotating.add_span(ws, DOC, *at(ws, "Казахстана"), "GPE", owner=GOLD, user="cora", seen=seen_by_cora)
