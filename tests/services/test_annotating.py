"""Annotation actions: what each returns (Changes), what each refuses, how sets move status."""

from __future__ import annotations

import pytest

from annotator.domain.changes import Changes
from annotator.domain.model import AUTHOR, Certainty, Cue, Quantity, SetStatus
from annotator.services import annotating, claims, documents, history
from annotator.services.errors import NotFound, ServiceError
from conftest import snapshot

DOC = "000_598509fc61278558"
OTHER_DOC = "001_1fc550a04f713c8c"


def find(workspace, needle: str, document_id: str = DOC) -> tuple[int, int]:
    text = documents.document(workspace, document_id).text
    start = text.find(needle)
    assert start >= 0, needle
    return start, start + len(needle)


def the_set(workspace, owner: str = "anna", document_id: str = DOC):
    sets = documents.annotation_sets(workspace, document_id, owner)
    return sets[0] if sets else None


def status_of(workspace, owner: str = "anna", document_id: str = DOC) -> SetStatus | None:
    aset = the_set(workspace, owner, document_id)
    return aset.status if aset else None


@pytest.fixture
def ws(sample_workspace):
    return sample_workspace


@pytest.fixture
def scene(ws):
    """anna and boris each with a PER span; anna with a GPE span; the length of DOC."""
    per = find(ws, "Касым-Жомарт Токаев")
    anna = annotating.add_span(ws, DOC, *per, "PER", owner="anna").result
    gpe = annotating.add_span(ws, DOC, *_gpe(ws), "GPE", owner="anna").result
    boris = annotating.add_span(ws, DOC, *per, "PER", owner="boris").result
    length = len(documents.document(ws, DOC).text)
    return {"anna": anna, "gpe": gpe, "boris": boris, "length": length, "per": per}


def _gpe(ws) -> tuple[int, int]:
    start, end = find(ws, "Президент Казахстана")
    return end - len("Казахстана"), end


# ------------------------------------------------------------------ Changes


def test_add_span_returns_its_id_and_what_changed(ws):
    start, end = find(ws, "Касым-Жомарт Токаев")
    changes = annotating.add_span(ws, DOC, start, end, "PER", owner="anna")

    assert isinstance(changes, Changes)
    (span,) = the_set(ws).spans
    assert changes.result == span.id
    assert (span.start, span.end, span.label) == (start, end, "PER")
    assert changes.action_id is not None
    assert changes.label == "Add PER span"
    assert changes.documents == frozenset({DOC})
    assert changes.spans is True
    assert changes.set_status is True  # the set was opened
    assert changes.corpus is False and changes.scheme is False


def test_add_span_to_an_open_set_does_not_change_its_status(ws):
    annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna")
    changes = annotating.add_span(ws, DOC, *_gpe(ws), "GPE", owner="anna")
    assert changes.spans is True
    assert changes.set_status is False


def test_add_span_keeps_attributes(ws):
    changes = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna",
                                  attributes={"note": "head of state"})
    (span,) = the_set(ws).spans
    assert span.id == changes.result and span.attributes == {"note": "head of state"}


def test_remove_span_changes(ws, scene):
    changes = annotating.remove_span(ws, scene["anna"], owner="anna")
    assert changes.result == scene["anna"]
    assert changes.spans is True and changes.set_status is False
    assert changes.documents == frozenset({DOC})
    assert [s.id for s in the_set(ws).spans] == [scene["gpe"]]


def test_relabel_span_changes(ws, scene):
    changes = annotating.relabel_span(ws, scene["gpe"], "LOC", owner="anna")
    assert changes.result == scene["gpe"]
    assert changes.label == "Relabel GPE as LOC"
    assert changes.spans is True and changes.set_status is False
    assert {s.id: s.label for s in the_set(ws).spans}[scene["gpe"]] == "LOC"


def test_set_attribute_changes(ws, scene):
    changes = annotating.set_attribute(ws, scene["anna"], "pronoun", False, owner="anna")
    assert changes.result == scene["anna"]
    assert changes.spans is True and changes.set_status is False
    assert {s.id: s.attributes for s in the_set(ws).spans}[scene["anna"]] == {"pronoun": False}


def test_add_claim_returns_its_id_and_stores_every_field(ws, scene):
    start, end = find(ws, "Растет число совместных предприятий")
    cue = find(ws, "отметил он")
    changes = claims.add_claim(ws, DOC, start, end, "STAT", owner="anna", speaker=scene["anna"], cue=cue,
                                   hedged=True, checkworthy=True,
                                   quantity=Quantity(11.5e9, "USD", "2024"))
    assert changes.claims is True and changes.set_status is False
    assert changes.label == "Add STAT claim"
    (claim,) = the_set(ws).claims
    assert claim.id == changes.result
    assert (claim.start, claim.end, claim.type) == (start, end, "STAT")
    assert claim.speaker == scene["anna"]
    assert claim.cue == Cue(*cue)
    assert claim.certainty == Certainty.HEDGED
    assert claim.checkworthy is True
    assert claim.quantity == Quantity(11.5e9, "USD", "2024")


def test_add_claim_said_by_the_author(ws):
    changes = claims.add_claim(ws, DOC, *find(ws, "Растет число совместных предприятий"), "FACT",
                                   owner="anna", speaker=AUTHOR)
    (claim,) = the_set(ws).claims
    assert claim.id == changes.result and claim.speaker == AUTHOR
    assert claim.certainty == Certainty.ASSERTED


def test_add_relation_changes(ws, scene):
    claim = claims.add_claim(ws, DOC, *find(ws, "Растет число совместных предприятий"), "STAT",
                                 owner="anna").result
    changes = claims.add_relation(ws, scene["anna"], claim, "SAYS", owner="anna")
    assert changes.relations is True
    assert changes.spans is False and changes.set_status is False
    (relation,) = the_set(ws).relations
    assert relation.id == changes.result
    assert (relation.label, relation.head, relation.tail) == ("SAYS", scene["anna"], claim)


def test_set_status_changes(ws, scene):
    changes = annotating.set_status(ws, DOC, SetStatus.DONE, owner="anna")
    assert changes.set_status is True
    assert changes.label == "Mark done"
    assert changes.documents == frozenset({DOC})
    assert status_of(ws) == SetStatus.DONE


def test_gold_can_be_curated_by_a_curator(ws):
    from annotator.domain.model import Role
    from annotator.services import users
    from annotator.services.permissions import NotAllowed

    with pytest.raises(NotAllowed, match="only curators write gold"):
        annotating.set_status(ws, DOC, SetStatus.CURATED, owner="gold", user="anna")
    users.add_user(ws, "cora", Role.CURATOR)
    annotating.set_status(ws, DOC, SetStatus.CURATED, owner="gold", user="cora")
    assert status_of(ws, "gold") == SetStatus.CURATED


def test_undo_returns_changes_of_what_it_reverted(ws, scene):
    changes = history.undo(ws, owner="anna")  # undoes adding the GPE span
    assert changes.spans is True and changes.documents == frozenset({DOC})
    assert changes.result is None


# ------------------------------------------------------------------- status


def test_first_action_on_a_document_opens_the_set_in_progress(ws):
    assert status_of(ws) is None
    annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna")
    assert status_of(ws) == SetStatus.IN_PROGRESS


def test_first_claim_on_a_document_opens_the_set_in_progress(ws):
    claims.add_claim(ws, DOC, *find(ws, "Растет число совместных предприятий"), "STAT", owner="anna")
    assert status_of(ws) == SetStatus.IN_PROGRESS


def test_first_action_moves_a_new_set_to_in_progress(ws):
    annotating.set_status(ws, DOC, SetStatus.NEW, owner="anna")
    assert status_of(ws) == SetStatus.NEW

    changes = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna")

    assert status_of(ws) == SetStatus.IN_PROGRESS
    assert changes.set_status is True


def test_undo_of_the_first_action_puts_a_new_set_back_to_new(ws):
    annotating.set_status(ws, DOC, SetStatus.NEW, owner="anna")
    annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna")
    history.undo(ws, owner="anna")
    aset = the_set(ws)
    assert aset.status == SetStatus.NEW and aset.spans == ()


def test_an_action_on_one_document_leaves_other_sets_alone(ws):
    annotating.set_status(ws, OTHER_DOC, SetStatus.NEW, owner="anna")
    annotating.set_status(ws, DOC, SetStatus.NEW, owner="boris")
    annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna")
    assert status_of(ws, "anna", OTHER_DOC) == SetStatus.NEW
    assert status_of(ws, "boris", DOC) == SetStatus.NEW


# ----------------------------------------------------------------- refusals


def _claim_range(ws):
    return find(ws, "Растет число совместных предприятий")


REFUSALS = {
    "unknown label": lambda ws, s: annotating.add_span(ws, DOC, *s["per"], "PERSON", owner="anna"),
    "end beyond the text": lambda ws, s: annotating.add_span(ws, DOC, s["length"] - 2, s["length"] + 1, "NUM",
                                                             owner="anna"),
    "negative start": lambda ws, s: annotating.add_span(ws, DOC, -1, 5, "NUM", owner="anna"),
    "start after end": lambda ws, s: annotating.add_span(ws, DOC, 10, 5, "NUM", owner="anna"),
    "start equals end": lambda ws, s: annotating.add_span(ws, DOC, 5, 5, "NUM", owner="anna"),
    "duplicate span": lambda ws, s: annotating.add_span(ws, DOC, *s["per"], "PER", owner="anna"),
    "unknown document": lambda ws, s: annotating.add_span(ws, "no-such-doc", 0, 5, "PER", owner="anna"),
    "reserved owner all": lambda ws, s: annotating.add_span(ws, DOC, *s["per"], "ORG", owner="all"),
    "empty owner": lambda ws, s: annotating.add_span(ws, DOC, *s["per"], "ORG", owner=""),
    "remove another owner's span": lambda ws, s: annotating.remove_span(ws, s["boris"], owner="anna"),
    "remove a missing span": lambda ws, s: annotating.remove_span(ws, 10_000, owner="anna"),
    "relabel another owner's span": lambda ws, s: annotating.relabel_span(ws, s["boris"], "ORG", owner="anna"),
    "relabel to an unknown label": lambda ws, s: annotating.relabel_span(ws, s["anna"], "PERSON", owner="anna"),
    "relabel to the same label": lambda ws, s: annotating.relabel_span(ws, s["anna"], "PER", owner="anna"),
    "attribute of another owner's span": lambda ws, s: annotating.set_attribute(ws, s["boris"], "note", "x",
                                                                                owner="anna"),
    "unknown attribute": lambda ws, s: annotating.set_attribute(ws, s["anna"], "colour", "red", owner="anna"),
    "attribute not for this label": lambda ws, s: annotating.set_attribute(ws, s["gpe"], "pronoun", True,
                                                                           owner="anna"),
    "attribute of the wrong type": lambda ws, s: annotating.set_attribute(ws, s["anna"], "uncertain", "yes",
                                                                          owner="anna"),
    "unknown claim type": lambda ws, s: claims.add_claim(ws, DOC, *_claim_range(ws), "RUMOUR", owner="anna"),
    "claim in an unknown document": lambda ws, s: claims.add_claim(ws, "no-such-doc", 0, 5, "STAT",
                                                                       owner="anna"),
    "claim beyond the text": lambda ws, s: claims.add_claim(ws, DOC, 0, s["length"] + 1, "STAT",
                                                                owner="anna"),
    "speaker of another owner": lambda ws, s: claims.add_claim(ws, DOC, *_claim_range(ws), "STAT",
                                                                   owner="anna", speaker=s["boris"]),
    "speaker that cannot speak": lambda ws, s: claims.add_claim(ws, DOC, *_claim_range(ws), "STAT",
                                                                    owner="anna", speaker=s["gpe"]),
    "claim by reserved owner": lambda ws, s: claims.add_claim(ws, DOC, *_claim_range(ws), "STAT",
                                                                  owner="all"),
    "relation across owners": lambda ws, s: claims.add_relation(ws, s["anna"], s["boris"], "SAME_AS",
                                                                    owner="anna"),
    "relation of an unknown type": lambda ws, s: claims.add_relation(ws, s["anna"], s["gpe"], "LIKES",
                                                                         owner="anna"),
    "relation the scheme does not allow": lambda ws, s: claims.add_relation(ws, s["gpe"], s["anna"],
                                                                                "HEAD_OF", owner="anna"),
    "curated for a non-gold owner": lambda ws, s: annotating.set_status(ws, DOC, SetStatus.CURATED,
                                                                        owner="anna"),
    "status of an unknown document": lambda ws, s: annotating.set_status(ws, "no-such-doc", SetStatus.DONE,
                                                                         owner="anna"),
    "status for reserved owner": lambda ws, s: annotating.set_status(ws, DOC, SetStatus.DONE, owner="all"),
    "status already set": lambda ws, s: annotating.set_status(ws, DOC, SetStatus.IN_PROGRESS, owner="anna"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refused_actions_raise_and_change_nothing(ws, scene, case):
    before = snapshot(ws)
    with pytest.raises(ServiceError) as caught:
        REFUSALS[case](ws, scene)
    assert str(caught.value)  # a reason in words
    assert snapshot(ws) == before


def test_unknown_document_is_reported_as_not_found(ws):
    with pytest.raises(NotFound, match="no-such-doc"):
        annotating.add_span(ws, "no-such-doc", 0, 5, "PER", owner="anna")


def test_refusal_messages_name_the_problem(ws, scene):
    with pytest.raises(ServiceError, match="unknown label 'PERSON'"):
        REFUSALS["unknown label"](ws, scene)
    with pytest.raises(ServiceError, match="already has a PER span"):
        REFUSALS["duplicate span"](ws, scene)
    with pytest.raises(ServiceError, match="reserved"):
        REFUSALS["reserved owner all"](ws, scene)
    with pytest.raises(ServiceError, match="boris"):
        REFUSALS["remove another owner's span"](ws, scene)
    with pytest.raises(ServiceError, match="gold"):
        REFUSALS["curated for a non-gold owner"](ws, scene)
    with pytest.raises(ServiceError, match="beyond"):
        REFUSALS["end beyond the text"](ws, scene)
    with pytest.raises(ServiceError, match="not before"):
        REFUSALS["start after end"](ws, scene)


def test_a_refused_first_action_opens_no_set(ws):
    with pytest.raises(ServiceError):
        annotating.add_span(ws, DOC, 0, 10**6, "PER", owner="carol")
    assert documents.annotation_sets(ws, DOC, "carol") == []


def test_the_same_offsets_may_carry_two_labels_and_two_owners(ws):
    per = find(ws, "Касым-Жомарт Токаев")
    annotating.add_span(ws, DOC, *per, "PER", owner="anna")
    annotating.add_span(ws, DOC, *per, "ORG", owner="anna")  # a different label is not a duplicate
    annotating.add_span(ws, DOC, *per, "PER", owner="boris")  # nor is another owner's span
    assert len(the_set(ws, "anna").spans) == 2 and len(the_set(ws, "boris").spans) == 1


# ------------------------------------------------------------------ the label key, decided once


def test_label_adds_a_span_where_the_owner_has_none(ws):
    per = find(ws, "Касым-Жомарт Токаев")
    changes = annotating.label(ws, DOC, "PER", owner="anna", selection=per)
    (span,) = the_set(ws).spans
    assert (span.start, span.end, span.label, span.id) == (*per, "PER", changes.result)
    assert changes.spans and changes.label == "Add PER span"


def test_label_relabels_the_owners_span_of_exactly_that_range(ws, scene):
    changes = annotating.label(ws, DOC, "LOC", owner="anna", selection=_gpe(ws))
    assert changes.result == scene["gpe"] and changes.label == "Relabel GPE as LOC"
    assert sorted(s.label for s in the_set(ws).spans) == ["LOC", "PER"]  # relabelled, nothing added


def test_label_on_what_has_that_label_already_is_refused_and_changes_nothing(ws, scene):
    before = snapshot(ws)
    with pytest.raises(annotating.AlreadyLabelled, match="That is already a GPE span"):
        annotating.label(ws, DOC, "GPE", owner="anna", selection=_gpe(ws))
    with pytest.raises(annotating.AlreadyLabelled):
        annotating.label(ws, DOC, "PER", owner="anna", span_id=scene["anna"])
    assert snapshot(ws) == before


def test_label_without_a_selection_relabels_the_span_under_the_caret(ws, scene):
    annotating.label(ws, DOC, "ROLE", owner="anna", span_id=scene["anna"])
    assert {s.id: s.label for s in the_set(ws).spans}[scene["anna"]] == "ROLE"
    with pytest.raises(ServiceError, match="Select some text"):
        annotating.label(ws, DOC, "ROLE", owner="anna")


def test_label_never_touches_another_owners_span_at_the_same_place(ws, scene):
    """boris has PER there; anna's label key adds her own span, it does not relabel his."""
    annotating.label(ws, DOC, "PER", owner="carl", selection=scene["per"])
    assert [s.label for s in the_set(ws, "boris").spans] == ["PER"]
    assert [s.label for s in the_set(ws, "carl").spans] == ["PER"]
