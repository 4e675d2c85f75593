"""Claim and relation actions: validation, the speaker and its SAYS relation kept in step, undo."""

from __future__ import annotations

import pytest

from annotator.domain.model import AUTHOR, Certainty, Quantity
from annotator.services import annotating, claims, documents, history
from annotator.services.errors import ServiceError
from tests.conftest import snapshot

DOC = "000_598509fc61278558"  # "Касым-Жомарт Токаев отметил существенные успехи ..."
OTHER = "001_1fc550a04f713c8c"


def find(ws, needle: str, doc: str = DOC) -> tuple[int, int]:
    text = documents.document(ws, doc).text
    start = text.index(needle)
    return start, start + len(needle)


def span(ws, needle, label, owner="anna", doc=DOC, **kw) -> int:
    return annotating.add_span(ws, doc, *find(ws, needle, doc), label, owner=owner, **kw).result


def the_set(ws, owner="anna", doc=DOC):
    (aset,) = documents.annotation_sets(ws, doc, owner)
    return aset


@pytest.fixture
def ws(sample_workspace):
    return sample_workspace


CLAIM_TEXT = "существенные успехи в укреплении экономической базы регионального взаимодействия"


def test_a_claim_with_a_mention_as_speaker_gets_its_says_relation(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per,
                             cue=find(ws, "отметил"), checkworthy=True).result
    aset = the_set(ws)
    (stored,) = aset.claims
    assert (stored.id, stored.type, stored.speaker, stored.checkworthy) == (claim, "OPINION", per, True)
    assert [(r.label, r.head, r.tail) for r in aset.relations] == [("SAYS", per, claim)]
    history.undo(ws, owner="anna")
    assert the_set(ws).claims == () and the_set(ws).relations == ()


def test_author_claims_have_no_says_relation(ws):
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "FACT", owner="anna", speaker=AUTHOR)
    aset = the_set(ws)
    assert aset.claims[0].speaker == AUTHOR and aset.relations == ()


@pytest.mark.parametrize("label, attributes, allowed", [
    ("PER", None, True), ("ORG", None, True), ("ROLE", None, True),
    ("PER", {"pronoun": True}, True),  # a pronoun marked as a mention
    ("GPE", None, False), ("DATE", None, False),
])
def test_only_per_org_role_mentions_speak(ws, label, attributes, allowed):
    mention = span(ws, "Касым-Жомарт Токаев", label, attributes=attributes)
    before = snapshot(ws)
    call = lambda: claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "STAT", owner="anna", speaker=mention)
    if allowed:
        assert call().result
    else:
        with pytest.raises(ServiceError, match=f"is a {label}"):
            call()
        assert snapshot(ws) == before


def test_speaker_from_another_document_or_owner_is_refused(ws):
    elsewhere = span(ws, "Касым-Жомарт Токаев", "PER", doc=OTHER)
    boris = span(ws, "Касым-Жомарт Токаев", "PER", owner="boris")
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="another document"):
        claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "STAT", owner="anna", speaker=elsewhere)
    with pytest.raises(ServiceError, match="boris"):
        claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "STAT", owner="anna", speaker=boris)
    assert snapshot(ws) == before


def test_editing_the_speaker_moves_the_says_relation(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER")
    other = span(ws, "Касым-Жомарт", "PER")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per).result
    claims.edit_claim(ws, claim, owner="anna", speaker=other)
    assert [(r.label, r.head) for r in the_set(ws).relations] == [("SAYS", other)]
    claims.edit_claim(ws, claim, owner="anna", speaker=AUTHOR)
    aset = the_set(ws)
    assert aset.claims[0].speaker == AUTHOR and aset.relations == ()
    history.undo(ws, owner="anna")
    assert [(r.label, r.head) for r in the_set(ws).relations] == [("SAYS", other)]
    assert the_set(ws).claims[0].speaker == other


def test_edit_claim_changes_fields_in_one_undoable_action(ws):
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=AUTHOR).result
    changes = claims.edit_claim(ws, claim, owner="anna", claim_type="STAT", certainty=Certainty.HEDGED,
                                checkworthy=True, cue=find(ws, "отметил"),
                                quantity=Quantity(4e9, "USD", "2025"))
    assert changes.claims and "certainty" in changes.label
    (stored,) = the_set(ws).claims
    assert (stored.type, stored.certainty, stored.checkworthy) == ("STAT", Certainty.HEDGED, True)
    assert stored.cue.start == find(ws, "отметил")[0] and stored.quantity == Quantity(4e9, "USD", "2025")
    history.undo(ws, owner="anna")
    (stored,) = the_set(ws).claims
    assert (stored.type, stored.certainty, stored.checkworthy, stored.cue, stored.quantity) == (
        "OPINION", Certainty.ASSERTED, False, None, None)


def test_edit_claim_with_nothing_new_is_refused(ws):
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna").result
    with pytest.raises(ServiceError, match="already has these values"):
        claims.edit_claim(ws, claim, owner="anna", claim_type="OPINION")


def test_says_to_a_claim_without_speaker_sets_the_speaker(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna").result
    claims.add_relation(ws, per, claim, "SAYS", owner="anna")
    assert the_set(ws).claims[0].speaker == per
    history.undo(ws, owner="anna")
    assert the_set(ws).claims[0].speaker is None and the_set(ws).relations == ()


def test_says_that_contradicts_the_speaker_is_refused(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER")
    role = span(ws, "Касым-Жомарт", "ROLE")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per).result
    author_claim = claims.add_claim(ws, DOC, *find(ws, "экономической базы"), "FACT", owner="anna",
                                    speaker=AUTHOR).result
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="must agree with the claim's speaker"):
        claims.add_relation(ws, role, claim, "SAYS", owner="anna")
    with pytest.raises(ServiceError, match="AUTHOR"):
        claims.add_relation(ws, role, author_claim, "SAYS", owner="anna")
    assert snapshot(ws) == before


def test_relations_the_scheme_forbids_are_refused(ws):
    gpe = span(ws, "Касым-Жомарт", "GPE")
    per = span(ws, "Касым-Жомарт Токаев", "PER")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna").result
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="SAYS does not allow GPE -> CLAIM"):
        claims.add_relation(ws, gpe, claim, "SAYS", owner="anna")
    with pytest.raises(ServiceError, match="HEAD_OF does not allow GPE -> PER"):
        claims.add_relation(ws, gpe, per, "HEAD_OF", owner="anna")
    assert snapshot(ws) == before
    assert claims.add_relation(ws, claim, gpe, "ABOUT", owner="anna").relations


def test_removing_says_clears_the_speaker_and_undo_restores_both(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per).result
    (says,) = the_set(ws).relations
    claims.remove_relation(ws, says.id, owner="anna")
    assert the_set(ws).claims[0].speaker is None and the_set(ws).relations == ()
    history.undo(ws, owner="anna")
    assert the_set(ws).claims[0].speaker == per and [r.id for r in the_set(ws).relations] == [says.id]


def test_another_annotators_relation_cannot_be_removed(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER", owner="boris")
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="boris", speaker=per)
    (says,) = the_set(ws, "boris").relations
    with pytest.raises(ServiceError, match="boris"):
        claims.remove_relation(ws, says.id, owner="anna")


def test_claims_report_matches_the_speakers_linked_entity(workspace, tmp_path):
    """"Глава государства" linked to Токаев is found by --speaker Токаев (and Кемелевич)."""
    import orjson

    from annotator.services.claim_report import ClaimFilter, iter_claims
    from annotator.services.importing import import_files

    text = "Глава государства отметил рост товарооборота."
    line = {"id": "e1", "text": text, "annotator": "anna",
            "entities": [{"id": "T1", "start": 0, "end": 17, "label": "ROLE", "text": "Глава государства",
                          "entity": "Касым-Жомарт Кемелевич Токаев"}],
            "claims": [{"id": "C1", "start": 26, "end": 44, "text": text[26:44], "type": "FACT",
                        "speaker": "T1"}]}
    path = tmp_path / "linked.jsonl"
    path.write_bytes(orjson.dumps(line) + b"\n")
    assert import_files(workspace, [path]).committed
    for query in ("Токаев", "Кемелевич", "глава", "государства"):
        (record,) = iter_claims(workspace, ClaimFilter(speaker=query))
        assert (record.speaker, record.speaker_entity) == ("Глава государства", "Касым-Жомарт Кемелевич Токаев")
    assert list(iter_claims(workspace, ClaimFilter(speaker="Мирзиёев"))) == []


def test_a_pronoun_marked_as_the_speaker_is_one_action(ws):
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna").result
    start, end = find(ws, "Токаев")
    mention = claims.speaker_from_new_mention(ws, claim, start, end, "PER", owner="anna",
                                              attributes={"pronoun": True}).result
    aset = the_set(ws)
    assert [(s.id, s.attributes) for s in aset.spans] == [(mention, {"pronoun": True})]
    assert aset.claims[0].speaker == mention
    assert [(r.label, r.head, r.tail) for r in aset.relations] == [("SAYS", mention, claim)]
    history.undo(ws, owner="anna")
    aset = the_set(ws)
    assert aset.spans == () and aset.claims[0].speaker is None and aset.relations == ()
    history.redo(ws, owner="anna")
    assert the_set(ws).claims[0].speaker == mention


def test_a_mention_that_cannot_speak_is_refused_with_nothing_written(ws):
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna").result
    before = snapshot(ws)
    with pytest.raises(ServiceError):
        claims.speaker_from_new_mention(ws, claim, *find(ws, "Токаев"), "GPE", owner="anna")
    assert snapshot(ws) == before
