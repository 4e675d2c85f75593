"""Curation treats a repeated passage's copies as one unit: gold settled in 002 is offered in 001's copy.

001 is almost wholly contained in 002 (with small edits); places are found in each text, never typed.
"""

from __future__ import annotations

import pytest

from annotator.domain.model import Role
from annotator.services import annotating, claims, copy_gold, curation, history, repeats, users
from annotator.services.errors import ServiceError
from annotator.services.views.curation_view import read_curation
from tests.services.test_repeats import D001, D002, D003, find


@pytest.fixture
def ws(sample_workspace):
    users.add_user(sample_workspace, "cora", Role.CURATOR)
    repeats.index_pending(sample_workspace)  # the index is built after the import's commit
    return sample_workspace


def both_annotate(ws, doc: str) -> None:
    """anna and boris disagree on UzKazTrade (ORG / FAC) and on the quote's type (STAT / FACT), said by Токаев."""
    for owner, label, kind in (("anna", "ORG", "STAT"), ("boris", "FAC", "FACT")):
        annotating.add_span(ws, doc, *find(ws, doc, "UzKazTrade"), label, owner=owner)
        per = annotating.add_span(ws, doc, *find(ws, doc, "Касым-Жомарт Токаев", "– заявил"), "PER",
                                  owner=owner).result
        start = find(ws, doc, "В настоящее время у нас имеются 78 совместных проектов")[0]
        end = find(ws, doc, "15 тысяч рабочих мест.")[1]
        claims.add_claim(ws, doc, start, end, kind, owner=owner, speaker=per)


def settle_002_as_anna(ws) -> None:
    """cora takes anna's versions into 002's gold, and marks ROLE "Глава нашего государства" there herself
    (001's copy says "Глава государства")."""
    both_annotate(ws, D002)
    for d in curation.document_disagreements(ws, D002):
        try:
            curation.accept_version(ws, D002, "anna", d.layer, d.start, d.end, user="cora")
        except ServiceError:  # taken already with an earlier region (a claim's speaker)
            pass
    annotating.add_span(ws, D002, *find(ws, D002, "Глава нашего государства"), "ROLE", owner="gold", user="cora")


def test_a_disagreement_in_a_settled_copy_is_offered_that_gold_on_its_own_characters(ws):
    settle_002_as_anna(ws)
    both_annotate(ws, D001)
    view = read_curation(ws, D001, "cora")
    uzkaz = find(ws, D001, "UzKazTrade")
    d = next(x for x in view.disagreements if x.layer == "entity" and (x.start, x.end) == uzkaz)
    offered = view.settled_copy(d)
    assert offered is not None and offered.source == D002
    assert (uzkaz[0], uzkaz[1], "ORG") in {(s.start, s.end, s.label) for s in offered.gold.spans}

    curation_gold = lambda: curation.gold_set(ws, D001)  # noqa: E731
    copy_gold.accept_copy(ws, D001, d.layer, d.start, d.end, user="cora")
    assert {(s.start, s.end, s.label) for s in curation_gold().spans} == {(*uzkaz, "ORG")}
    with pytest.raises(ServiceError, match="already holds"):
        copy_gold.accept_copy(ws, D001, d.layer, d.start, d.end, user="cora")
    history.undo(ws, owner="gold", user="cora")
    assert curation_gold() is None or curation_gold().spans == ()


def test_a_settled_claim_comes_with_its_speaker_mention_and_says(ws):
    settle_002_as_anna(ws)
    both_annotate(ws, D001)
    view = read_curation(ws, D001, "cora")
    d = next(x for x in view.disagreements if x.layer == "claim")
    assert view.settled_copy(d) is not None
    copy_gold.accept_copy(ws, D001, d.layer, d.start, d.end, user="cora")
    gold = curation.gold_set(ws, D001)
    (claim,) = gold.claims
    (mention,) = gold.spans
    assert claim.type == "STAT"
    assert (mention.start, mention.end) == find(ws, D001, "Касым-Жомарт Токаев", "– заявил")
    assert claim.speaker == mention.id
    assert [(r.label, r.head, r.tail) for r in gold.relations] == [("SAYS", mention.id, claim.id)]


def test_gold_the_copy_does_not_hold_exactly_is_not_offered(ws):
    settle_002_as_anna(ws)
    both_annotate(ws, D001)
    view = read_curation(ws, D001, "cora")
    (offered,) = {c.source: c for c in view.settled_copies}.values()
    assert offered.unmapped >= 1  # "Глава нашего государства": 001 says "Глава государства"
    assert all(s.label != "ROLE" for s in offered.gold.spans)  # its ROLE is not proposed on other words


def test_nothing_is_offered_without_settled_gold_or_outside_the_copies(ws):
    both_annotate(ws, D002)
    both_annotate(ws, D001)
    assert read_curation(ws, D001, "cora").settled_copies == ()  # 002 has no gold yet
    for owner, label in (("anna", "GPE"), ("boris", "LOC")):
        annotating.add_span(ws, D003, 0, 5, label, owner=owner)
    view = read_curation(ws, D003, "cora")
    (d,) = view.disagreements
    assert view.settled_copy(d) is None
    with pytest.raises(ServiceError, match="no settled copy"):
        copy_gold.accept_copy(ws, D003, d.layer, d.start, d.end, user="cora")


def test_an_annotator_cannot_accept_a_copy_into_gold(ws):
    settle_002_as_anna(ws)
    both_annotate(ws, D001)
    d = next(x for x in read_curation(ws, D001, "cora").disagreements if x.layer == "claim")
    with pytest.raises(ServiceError):
        copy_gold.accept_copy(ws, D001, d.layer, d.start, d.end, user="boris")
