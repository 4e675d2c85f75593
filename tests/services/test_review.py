"""Disagreement counts per document (what the dashboard lists for curation) and each owner's sets by status."""

from __future__ import annotations

import pytest

from annotator.domain.model import AUTHOR, Role, SetStatus
from annotator.services import annotating, claims, curation, documents, review, users

DOC = "000_598509fc61278558"
OTHER = "001_1fc550a04f713c8c"


@pytest.fixture
def ws(sample_workspace):
    users.add_user(sample_workspace, "cora", Role.CURATOR)
    return sample_workspace


def at(ws, needle, doc=DOC):
    text = documents.document(ws, doc).text
    start = text.index(needle)
    return start, start + len(needle)


def label(ws, owner, needle, tag, doc=DOC):
    return annotating.add_span(ws, doc, *at(ws, needle, doc), tag, owner=owner).result


def two_documents(ws):
    """DOC: anna and boris differ in three places; OTHER: one difference; a third document: anna only."""
    for owner in ("anna", "boris"):
        label(ws, owner, "Касым-Жомарт Токаев", "PER")
        label(ws, owner, "Ташкент", "GPE", doc=OTHER)
    label(ws, "anna", "Центральной Азии", "LOC")  # missing in boris
    label(ws, "anna", "Ташкенте", "GPE")
    label(ws, "boris", "Ташкенте", "LOC")  # label
    claims.add_claim(ws, DOC, *at(ws, "существенные успехи"), "OPINION", owner="anna", speaker=AUTHOR)
    claims.add_claim(ws, DOC, *at(ws, "существенные успехи"), "FACT", owner="boris", speaker=AUTHOR)
    label(ws, "anna", "Узбекистан", "GPE", doc=OTHER)  # missing in boris
    third = documents.page(ws)[2].id
    label(ws, "anna", "Казахстан", "GPE", doc=third)
    return third


def test_counts_equal_the_curation_view_and_are_sorted(ws):
    third = two_documents(ws)
    rows = review.disagreement_counts(ws)
    assert [r.document_id for r in rows] == [DOC, OTHER]  # third: one annotator only
    for row in rows:
        assert row.disagreements == len(curation.document_disagreements(ws, row.document_id))
        assert row.owners == ("anna", "boris") and row.gold is None
    assert (rows[0].disagreements, rows[0].agreed) == (3, 1)
    assert dict(rows[0].kinds) == {"missing": 1, "label": 2}
    assert (rows[1].disagreements, rows[1].agreed) == (1, 1)
    assert rows[0].date == documents.page(ws)[0].date
    assert third not in {r.document_id for r in rows}
    assert review.disagreement_counts(ws, limit=1) == rows[:1]
    assert review.disagreement_counts(ws, document_ids=[OTHER]) == rows[1:]


def test_the_order_follows_the_counts_not_the_documents(ws):
    two_documents(ws)
    for needle in ("Zakon.kz", "переговоров", "политических"):  # OTHER gets more than DOC
        label(ws, "boris", needle, "GPE", doc=OTHER)
    rows = review.disagreement_counts(ws)
    assert [r.document_id for r in rows] == [OTHER, DOC]
    assert rows[0].disagreements > rows[1].disagreements


def test_done_only_skipped_and_gold(ws):
    two_documents(ws)
    annotating.set_status(ws, OTHER, SetStatus.DONE, owner="anna")
    assert review.disagreement_counts(ws, done_only=True) == []
    annotating.set_status(ws, OTHER, SetStatus.DONE, owner="boris")
    assert [r.document_id for r in review.disagreement_counts(ws, done_only=True)] == [OTHER]
    annotating.set_status(ws, DOC, SetStatus.SKIPPED, owner="boris")  # a skipped set is not compared
    assert [r.document_id for r in review.disagreement_counts(ws)] == [OTHER]
    curation.accept_agreed(ws, OTHER, user="cora")
    (row,) = review.disagreement_counts(ws)
    assert row.gold == SetStatus.IN_PROGRESS and row.owners == ("anna", "boris")  # gold is not an annotator


def test_set_counts(ws):
    two_documents(ws)
    annotating.set_status(ws, OTHER, SetStatus.DONE, owner="anna")
    annotating.set_status(ws, DOC, SetStatus.SKIPPED, owner="boris")
    curation.accept_agreed(ws, OTHER, user="cora")
    counts = {c.owner: c for c in review.set_counts(ws)}
    assert set(counts) == {"anna", "boris"}
    assert (counts["anna"].total, counts["anna"].done, counts["anna"].in_progress) == (3, 1, 2)
    assert (counts["boris"].total, counts["boris"].skipped, counts["boris"].in_progress) == (2, 1, 1)
