"""Disagreements among annotators' sets: regions, versions and what differs."""

from __future__ import annotations

from annotator.domain.disagreements import CLAIM, ENTITY, agreed_count, disagreements
from annotator.domain.model import AUTHOR, AnnotationSet, Claim, Span


def aset(owner, spans=(), claims=()):
    return AnnotationSet("d", owner, spans=tuple(spans), claims=tuple(claims))


def kinds(sets):
    return [(d.layer, d.kind, d.start, d.end) for d in disagreements(sets)]


def test_agreed_annotations_are_not_disagreements_and_nesting_stays_apart():
    # both: ROLE 0-20 holding GPE 10-20; anna also PER 30-35
    anna = aset("anna", [Span(1, 0, 20, "ROLE"), Span(2, 10, 20, "GPE"), Span(3, 30, 35, "PER")])
    boris = aset("boris", [Span(7, 0, 20, "ROLE"), Span(8, 10, 20, "GPE")])
    assert kinds([anna, boris]) == [(ENTITY, "missing", 30, 35)]
    (only,) = disagreements([anna, boris])
    assert [v.items for v in only.versions] == [(Span(3, 30, 35, "PER"),), ()]
    assert agreed_count([anna, boris]) == 2


def test_label_boundary_and_mixed_differences():
    anna = aset("anna", [Span(1, 0, 5, "PER"), Span(2, 10, 20, "ORG"), Span(3, 30, 40, "GPE")])
    boris = aset("boris", [Span(4, 0, 5, "ORG"), Span(5, 10, 18, "ORG"), Span(6, 30, 38, "LOC")])
    assert kinds([anna, boris]) == [(ENTITY, "label", 0, 5), (ENTITY, "boundary", 10, 20), (ENTITY, "other", 30, 40)]


def test_claims_differ_by_type_or_speaker():
    per_a, per_b = Span(1, 0, 5, "PER"), Span(2, 0, 5, "PER")
    anna = aset("anna", [per_a], [Claim(10, 10, 30, "STAT", 1), Claim(11, 40, 60, "PLAN", AUTHOR)])
    boris = aset("boris", [per_b], [Claim(20, 10, 30, "STAT", AUTHOR), Claim(21, 40, 60, "FACT", AUTHOR)])
    assert kinds([anna, boris]) == [(CLAIM, "speaker", 10, 30), (CLAIM, "label", 40, 60)]


def test_one_set_has_nothing_to_disagree_with():
    assert disagreements([aset("anna", [Span(1, 0, 5, "PER")])]) == []
