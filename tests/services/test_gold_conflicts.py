"""Two curators editing one document's gold: the second's write to what the first changed since the
second read gold is refused with who did it; elsewhere in the document, or after reading again, it goes."""

from __future__ import annotations

import pytest

from annotator.domain.model import GOLD, Certainty, Role
from annotator.services import annotating, claims, curation, documents, notes, users
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


CLAIM_TEXT = "существенные успехи в укреплении экономической базы регионального взаимодействия"
FAR_CLAIM = "объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов"


def gold_span(ws, needle, label, user="cora"):
    return annotating.add_span(ws, DOC, *at(ws, needle), label, owner=GOLD, user=user).result


def test_a_claim_edit_over_another_curators_edit_of_it_is_refused(ws):
    per = gold_span(ws, "Касым-Жомарт Токаев", "PER")
    claim = claims.add_claim(ws, DOC, *at(ws, CLAIM_TEXT), "OPINION", owner=GOLD, user="cora", speaker=per).result
    far = claims.add_claim(ws, DOC, *at(ws, FAR_CLAIM), "STAT", owner=GOLD, user="cora").result
    seen_by_dora = gold_version(ws, DOC)
    claims.edit_claim(ws, claim, owner=GOLD, user="cora", claim_type="FACT", seen=gold_version(ws, DOC))
    before = snapshot(ws)
    with pytest.raises(GoldConflict, match=r"cora changed this since you opened it \(Edit claim \(type\)"):
        claims.edit_claim(ws, claim, owner=GOLD, user="dora", claim_type="PLAN", seen=seen_by_dora)
    with pytest.raises(GoldConflict, match="cora changed this"):
        claims.edit_claim(ws, claim, owner=GOLD, user="dora", certainty=Certainty.HEDGED, seen=seen_by_dora)
    with pytest.raises(GoldConflict, match="cora changed this"):  # a pronoun as the speaker: the same claim
        claims.speaker_from_new_mention(ws, claim, *at(ws, "он."), "PER", owner=GOLD, user="dora",
                                        attributes={"pronoun": True}, seen=seen_by_dora)
    assert snapshot(ws) == before
    # another claim of the document is no clash, and reading gold again clears the way
    claims.edit_claim(ws, far, owner=GOLD, user="dora", checkworthy=True, seen=seen_by_dora)
    claims.edit_claim(ws, claim, owner=GOLD, user="dora", claim_type="PLAN", seen=gold_version(ws, DOC))
    types = {c.id: c.type for c in documents.annotation_sets(ws, DOC, GOLD)[0].claims}
    assert types == {claim: "PLAN", far: "STAT"}


def test_a_claim_whose_speaker_another_curator_changed_is_refused(ws):
    per = gold_span(ws, "Касым-Жомарт Токаев", "PER")
    claim = claims.add_claim(ws, DOC, *at(ws, FAR_CLAIM), "STAT", owner=GOLD, user="cora", speaker=per).result
    seen_by_dora = gold_version(ws, DOC)
    annotating.relabel_span(ws, per, "ROLE", owner=GOLD, user="cora")  # the speaker, far from the claim
    with pytest.raises(GoldConflict, match="cora changed this"):
        claims.edit_claim(ws, claim, owner=GOLD, user="dora", checkworthy=True, seen=seen_by_dora)
    with pytest.raises(GoldConflict, match="cora changed this"):  # a new claim said by that mention
        claims.add_claim(ws, DOC, *at(ws, CLAIM_TEXT), "OPINION", owner=GOLD, user="dora", speaker=per,
                         seen=seen_by_dora)


def test_relation_changes_over_another_curators_change_of_their_ends_are_refused(ws):
    role = gold_span(ws, "Глава государства", "ROLE")
    state = gold_span(ws, "Казахстан", "GPE")
    relation = claims.add_relation(ws, role, state, "HEAD_OF", owner=GOLD, user="cora").result
    claim = claims.add_claim(ws, DOC, *at(ws, FAR_CLAIM), "STAT", owner=GOLD, user="cora").result
    seen_by_dora = gold_version(ws, DOC)
    annotating.set_attribute(ws, state, "uncertain", True, owner=GOLD, user="cora", seen=gold_version(ws, DOC))
    before = snapshot(ws)
    with pytest.raises(GoldConflict, match=r"cora changed this since you opened it \(Set uncertain"):
        claims.remove_relation(ws, relation, owner=GOLD, user="dora", seen=seen_by_dora)
    with pytest.raises(GoldConflict, match="cora changed this"):
        claims.add_relation(ws, claim, state, "ABOUT", owner=GOLD, user="dora", seen=seen_by_dora)
    with pytest.raises(GoldConflict, match="cora changed this"):
        annotating.set_attribute(ws, state, "uncertain", None, owner=GOLD, user="dora", seen=seen_by_dora)
    assert snapshot(ws) == before
    claims.add_relation(ws, claim, role, "ABOUT", owner=GOLD, user="dora", seen=seen_by_dora)  # untouched ends
    claims.remove_relation(ws, relation, owner=GOLD, user="dora", seen=gold_version(ws, DOC))


def test_a_note_edit_over_another_curators_edit_of_that_note_is_refused(ws):
    on_document = notes.add_note(ws, DOC, owner=GOLD, user="cora", text="проверить даты").result
    span = gold_span(ws, "Казахстана", "GPE")
    on_span = notes.add_note(ws, DOC, owner=GOLD, user="cora", text="страна?", target_id=span).result
    seen_by_dora = gold_version(ws, DOC)
    notes.edit_note(ws, on_document, owner=GOLD, user="cora", text="даты проверены", seen=gold_version(ws, DOC))
    annotating.relabel_span(ws, span, "LOC", owner=GOLD, user="cora")
    before = snapshot(ws)
    with pytest.raises(GoldConflict, match=r"cora changed this since you opened it \(Edit note"):
        notes.edit_note(ws, on_document, owner=GOLD, user="dora", text="даты не сходятся", seen=seen_by_dora)
    with pytest.raises(GoldConflict, match="cora changed this"):
        notes.remove_note(ws, on_document, owner=GOLD, user="dora", seen=seen_by_dora)
    with pytest.raises(GoldConflict, match=r"cora changed this since you opened it \(Relabel GPE as LOC"):
        notes.edit_note(ws, on_span, owner=GOLD, user="dora", unsure=True, seen=seen_by_dora)
    with pytest.raises(GoldConflict, match="cora changed this"):
        notes.add_note(ws, DOC, owner=GOLD, user="dora", text="город?", target_id=span, seen=seen_by_dora)
    assert snapshot(ws) == before
    # a new note on the document changes nothing cora wrote: no clash
    notes.add_note(ws, DOC, owner=GOLD, user="dora", text="второе мнение", seen=seen_by_dora)
    notes.edit_note(ws, on_document, owner=GOLD, user="dora", text="даты не сходятся", seen=gold_version(ws, DOC))
    assert notes.note(ws, on_document).text == "даты не сходятся"
