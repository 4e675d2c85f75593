"""Two curators editing one document's gold: the second's write to what the first changed since the
second read gold is refused with who did it; elsewhere in the document, or after reading again, it goes."""

from __future__ import annotations

import pytest

from annotator.domain.model import GOLD, Role
from annotator.services import annotating, curation, documents, users
from annotator.services.gold_conflicts import GoldConflict, gold_version
from tests.conftest import snapshot

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


def test_a_change_to_what_another_curator_changed_since_is_refused(ws):
    for owner, label in (("anna", "PER"), ("boris", "ORG")):
        annotating.add_span(ws, DOC, *at(ws, "Касым-Жомарт Токаев"), label, owner=owner)
    seen_by_cora = gold_version(ws, DOC)  # cora opens the document
    curation.accept_version(ws, DOC, "anna", "entity", *at(ws, "Касым-Жомарт Токаев"), user="dora",
                            seen=gold_version(ws, DOC))  # dora takes anna's PER
    before = snapshot(ws)
    with pytest.raises(GoldConflict, match=r"dora changed this since you opened it \(Accept anna's version"):
        curation.accept_version(ws, DOC, "boris", "entity", *at(ws, "Касым-Жомарт Токаев"), user="cora",
                                seen=seen_by_cora)
    with pytest.raises(GoldConflict, match="dora changed this"):
        annotating.add_span(ws, DOC, *at(ws, "Касым-Жомарт"), "PER", owner=GOLD, user="cora", seen=seen_by_cora)
    with pytest.raises(GoldConflict, match="dora changed this"):
        curation.take(ws, DOC, "boris", user="cora", seen=seen_by_cora)  # the whole document
    assert snapshot(ws) == before  # nothing of cora's was written over dora's
    (gold,) = documents.annotation_sets(ws, DOC, GOLD)
    assert [s.label for s in gold.spans] == ["PER"]

    # elsewhere in the document cora's change goes through with the same stale view...
    annotating.add_span(ws, DOC, *at(ws, "Казахстана"), "GPE", owner=GOLD, user="cora", seen=seen_by_cora)
    # ...and having read gold again, she may change what dora did
    curation.accept_version(ws, DOC, "boris", "entity", *at(ws, "Касым-Жомарт Токаев"), user="cora",
                            seen=gold_version(ws, DOC))
    (gold,) = documents.annotation_sets(ws, DOC, GOLD)
    assert sorted(s.label for s in gold.spans) == ["GPE", "ORG"]


def test_removing_a_span_another_curator_relabelled_since_is_refused(ws):
    span = annotating.add_span(ws, DOC, *at(ws, "Казахстана"), "GPE", owner=GOLD, user="cora").result
    seen = gold_version(ws, DOC)
    annotating.relabel_span(ws, span, "LOC", owner=GOLD, user="dora")
    with pytest.raises(GoldConflict, match="dora changed this"):
        annotating.remove_span(ws, span, owner=GOLD, user="cora", seen=seen)
    annotating.remove_span(ws, span, owner=GOLD, user="cora")  # the command line acts on what is there now
    assert documents.annotation_sets(ws, DOC, GOLD)[0].spans == ()


def test_ones_own_changes_since_are_no_conflict(ws):
    seen = gold_version(ws, DOC)
    annotating.add_span(ws, DOC, *at(ws, "Казахстана"), "GPE", owner=GOLD, user="cora", seen=seen)
    annotating.add_span(ws, DOC, *at(ws, "Казахстана"), "LOC", owner=GOLD, user="cora", seen=seen)
