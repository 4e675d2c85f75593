"""A curator's explicit decision per disagreement region: an "only some have it" region stays open until
it is accepted or rejected; the decision is one undoable gold action, and two curators cannot both make it."""

from __future__ import annotations

import threading

import pytest

from annotator.domain.disagreements import ACCEPT, REJECT
from annotator.domain.model import AUTHOR, GOLD, Role
from annotator.services import annotating, claims, curation, documents, history, users
from annotator.services.errors import ServiceError
from annotator.services.gold_conflicts import GoldConflict, gold_version
from annotator.services.views.curation_view import key_of, read_curation
from annotator.services.workspace import Workspace
from tests.conftest import snapshot

DOC = "000_598509fc61278558"
STAT = "объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов"


def at(ws, needle):
    text = documents.document(ws, DOC).text
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def ws(sample_workspace):
    """anna and boris agree on one PER; anna alone has a ROLE; they differ on a label and a claim's speaker."""
    ws = sample_workspace
    users.add_user(ws, "cora", Role.CURATOR)
    users.add_user(ws, "dora", Role.CURATOR, user="cora")
    speakers = {owner: annotating.add_span(ws, DOC, *at(ws, "Касым-Жомарт Токаев"), "PER", owner=owner).result
                for owner in ("anna", "boris")}
    annotating.add_span(ws, DOC, *at(ws, "существенные успехи"), "ORG", owner="anna")
    annotating.add_span(ws, DOC, *at(ws, "существенные"), "GPE", owner="boris")
    claims.add_claim(ws, DOC, *at(ws, STAT), "STAT", owner="anna", speaker=speakers["anna"])
    claims.add_claim(ws, DOC, *at(ws, STAT), "STAT", owner="boris", speaker=AUTHOR)
    annotating.add_span(ws, DOC, *at(ws, "Глава государства"), "ROLE", owner="anna")
    return ws


def role_region(view):
    return next(i for i, d in enumerate(view.disagreements) if d.kind == "missing")


def test_accept_agreed_takes_only_what_every_annotator_has(ws):
    curation.accept_agreed(ws, DOC, user="cora")
    (gold,) = documents.annotation_sets(ws, DOC, GOLD)
    assert [(s.start, s.end, s.label) for s in gold.spans] == \
        [(*at(ws, "Касым-Жомарт Токаев"), "PER")]  # not anna's ROLE or ORG, not boris's GPE
    assert gold.claims == ()  # the STAT claims differ by speaker: neither is agreed
    # a third annotator without the PER: nothing is agreed by all three any more
    annotating.add_span(ws, DOC, *at(ws, "Глава государства"), "ROLE", owner="vera")
    with pytest.raises(ServiceError, match="already holds everything"):
        curation.accept_agreed(ws, DOC, user="cora")


def test_an_only_some_have_it_region_stays_open_until_rejected(ws):
    curation.accept_agreed(ws, DOC, user="cora")
    view = read_curation(ws, DOC, "cora")
    region = view.disagreements[role_region(view)]
    # gold holds nothing there, like boris: that is no decision
    assert role_region(view) in view.open_indexes()
    curation.reject_region(ws, DOC, region.layer, region.start, region.end, user="cora", seen=view.gold_seen)
    after = read_curation(ws, DOC, "cora")
    assert role_region(after) not in after.open_indexes()
    (decision,) = after.decisions
    assert (decision.region, decision.decision, decision.annotator, decision.curator) == \
        (key_of(region), REJECT, None, "cora")
    assert not [s for s in after.gold.spans if s.label == "ROLE"]
    with pytest.raises(ServiceError, match="already rejected"):
        curation.reject_region(ws, DOC, region.layer, region.start, region.end, user="cora")
    history.undo(ws, owner=GOLD, user="cora", document_id=DOC)  # one action: undo opens it again
    again = read_curation(ws, DOC, "cora")
    assert again.decisions == () and role_region(again) in again.open_indexes()


def test_accepting_a_version_records_it_even_when_gold_already_matches(ws):
    view = read_curation(ws, DOC, "cora")
    region = view.disagreements[role_region(view)]
    # boris's version (nothing) changes no annotation, but it is the curator's answer
    curation.accept_version(ws, DOC, "boris", region.layer, region.start, region.end, user="cora")
    after = read_curation(ws, DOC, "cora")
    assert [(d.decision, d.annotator) for d in after.decisions] == [(ACCEPT, "boris")]
    assert role_region(after) not in after.open_indexes()
    with pytest.raises(ServiceError, match="already has boris's version"):
        curation.accept_version(ws, DOC, "boris", region.layer, region.start, region.end, user="cora")
    # changing one's mind changes the one decision, and takes anna's ROLE
    curation.accept_version(ws, DOC, "anna", region.layer, region.start, region.end, user="cora")
    final = read_curation(ws, DOC, "cora")
    assert [(d.decision, d.annotator) for d in final.decisions] == [(ACCEPT, "anna")]
    assert [s.label for s in final.gold.spans] == ["ROLE"]


def test_a_second_curator_deciding_what_the_first_decided_since_is_refused(ws):
    view = read_curation(ws, DOC, "cora")
    region = view.disagreements[role_region(view)]
    seen = view.gold_seen  # both have the document open
    curation.accept_version(ws, DOC, "anna", region.layer, region.start, region.end, user="dora", seen=seen)
    before = snapshot(ws)
    with pytest.raises(GoldConflict, match="dora changed this since you opened it"):
        curation.reject_region(ws, DOC, region.layer, region.start, region.end, user="cora", seen=seen)
    assert snapshot(ws) == before
    assert [(d.decision, d.annotator, d.curator) for d in read_curation(ws, DOC, "cora").decisions] == \
        [(ACCEPT, "anna", "dora")]


def test_two_curators_deciding_one_region_at_once_one_wins(ws, db_target):
    view = read_curation(ws, DOC, "cora")
    region = view.disagreements[role_region(view)]
    seen = gold_version(ws, DOC)
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def decide(user: str, annotator: str | None) -> None:
        with Workspace.open(db_target) as mine:
            barrier.wait()
            try:
                if annotator is None:
                    curation.reject_region(mine, DOC, region.layer, region.start, region.end, user=user, seen=seen)
                else:
                    curation.accept_version(mine, DOC, annotator, region.layer, region.start, region.end,
                                            user=user, seen=seen)
                outcomes[user] = "done"
            except GoldConflict as exc:
                outcomes[user] = exc

    workers = [threading.Thread(target=decide, args=("cora", None)),
               threading.Thread(target=decide, args=("dora", "anna"))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    winners = [user for user, outcome in outcomes.items() if outcome == "done"]
    assert len(winners) == 1, outcomes  # the other was told who decided first
    (loser,) = {"cora", "dora"} - set(winners)
    assert isinstance(outcomes[loser], GoldConflict)
    (decision,) = read_curation(ws, DOC, "cora").decisions
    assert decision.curator == winners[0]
    gold_actions = [a for a in history.log(ws, owner=GOLD) if a.document_id == DOC]
    assert len(gold_actions) == 1  # applied once
