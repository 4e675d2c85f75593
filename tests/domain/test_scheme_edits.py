"""Scheme edits keep every place a label is named in step, and refuse what would break the scheme."""

from __future__ import annotations

import pytest

from annotator.domain.scheme import AttributeDef, ClaimType, EntityLabel, Scheme, SchemeError, validate_scheme
from annotator.domain import scheme_edits as edits
from annotator.services.workspace import default_scheme_body


@pytest.fixture
def scheme() -> Scheme:
    return Scheme.from_dict(default_scheme_body())


def test_hotkeys_are_checked_against_labels_and_claim_types_ignoring_case(scheme):
    assert edits.hotkey_problem(scheme, None, "1") == "1 is already the hotkey of PER"
    assert edits.hotkey_problem(scheme, "PER", "1") is None  # its own key
    assert edits.hotkey_problem(scheme, None, "r") == "R is already the hotkey of ROLE"
    assert edits.hotkey_problem(scheme, None, "s") == "S is already the hotkey of claim type STAT"
    assert edits.hotkey_problem(scheme, None, "QQ") == "a hotkey is one character"
    assert edits.hotkey_problem(scheme, None, " ") is not None
    assert edits.hotkey_problem(scheme, None, "Q") is None
    assert edits.hotkey_problem(scheme, None, "w") == "W is the window's own key for claims and relations"
    # each reserved key says what the window does with it (G is no claim or relation key)
    assert edits.hotkey_problem(scheme, None, "g") == "G is the window's own key for adding a fragment to a span"
    assert edits.hotkey_problem(scheme, None, "Y") == "Y is the window's own key for answering suggestions"
    assert edits.hotkey_problem(scheme, None, "j") == \
        "J is the window's own key for going to a repeated passage's copy"
    assert edits.hotkey_problem(scheme, None, "i") == "I is the window's own key for linking a mention to an entity"
    assert edits.free_hotkey(scheme) == "B"  # A is the window's (the author key)


def test_rename_follows_the_label_into_relations_attributes_and_speakers(scheme):
    renamed = edits.rename_label(scheme, "ROLE", "TITLE")
    assert [e.name for e in renamed.entities][-1] == "TITLE"
    assert "TITLE" in renamed.relation("HEAD_OF").heads and "ROLE" not in renamed.relation("ABOUT").tails
    assert renamed.attribute("pronoun").labels == ("PER", "ORG", "TITLE")
    assert renamed.speaker_labels == ("PER", "ORG", "TITLE")
    with pytest.raises(SchemeError, match="already exists"):
        edits.rename_label(scheme, "ROLE", "PER")


def test_merge_gives_the_target_everything_the_source_could_do(scheme):
    merged = edits.merge_label(scheme, "FAC", "GPE")
    assert merged.entity("FAC") is None
    located = merged.relation("LOCATED_IN")
    assert "GPE" in located.heads and "GPE" in located.tails and "FAC" not in located.heads
    assert validate_scheme(merged) == []


def test_remove_drops_relations_and_attributes_left_with_nothing(scheme):
    narrowed = edits.remove_label(edits.remove_label(scheme, "PER"), "ROLE")
    assert narrowed.relation("HEAD_OF") is None  # no head label left
    assert narrowed.attribute("pronoun").labels == ("ORG",)
    gone = edits.remove_label(narrowed, "ORG")
    assert gone.attribute("pronoun") is None  # an empty list would mean "every label"
    assert gone.attribute("note") is not None and gone.speaker_labels == ()


def test_attributes_per_label(scheme):
    with_kind = edits.add_attribute(scheme, "GPE", AttributeDef("kind", "choice", ("country", "city")))
    assert [a.name for a in edits.attributes_of(with_kind, "GPE")] == ["uncertain", "note", "kind"]
    assert [a.name for a in edits.attributes_of(with_kind, "LOC")] == ["uncertain", "note"]
    without_note = edits.remove_attribute(with_kind, "GPE", "note")
    assert "GPE" not in without_note.attribute("note").labels
    assert len(without_note.attribute("note").labels) == len(scheme.entities) - 1
    with pytest.raises(SchemeError, match="has no attribute"):
        edits.remove_attribute(without_note, "GPE", "note")


def test_add_label_refuses_a_taken_name(scheme):
    with pytest.raises(SchemeError, match="already exists"):
        edits.add_label(scheme, EntityLabel("PER", "Q", "#000000"))


def test_a_claim_types_own_key_is_free_for_it_and_entity_keys_clash(scheme):
    assert edits.hotkey_problem(scheme, None, "s", claim_type="STAT") is None  # its own key
    assert edits.hotkey_problem(scheme, None, "F", claim_type="STAT") == "F is already the hotkey of claim type FACT"
    assert edits.hotkey_problem(scheme, None, "1", claim_type="STAT") == "1 is already the hotkey of PER"
    assert edits.hotkey_problem(scheme, None, "c", claim_type="STAT") == \
        "C is the window's own key for claims and relations"
    assert edits.hotkey_problem(scheme, None, "S") == "S is already the hotkey of claim type STAT"  # a label's view


def test_claim_types_are_added_changed_renamed_and_removed(scheme):
    added = edits.add_claim_type(scheme, ClaimType("QUOTE", "Q", "a direct quote"))
    assert added.claim_types[-1] == ClaimType("QUOTE", "Q", "a direct quote") and added.has_claim_type("QUOTE")
    assert added.version is None and validate_scheme(added) == []
    changed = edits.change_claim_type(added, "QUOTE", hotkey="B", description="цитата")
    assert changed.claim_types[-1] == ClaimType("QUOTE", "B", "цитата")
    assert edits.change_claim_type(changed, "QUOTE", hotkey="B").claim_types[-1].hotkey == "B"  # its own key
    renamed = edits.rename_claim_type(changed, "QUOTE", "CITATION")
    assert [c.name for c in renamed.claim_types] == ["STAT", "FACT", "PLAN", "PROPOSAL", "OPINION", "CITATION"]
    assert not renamed.has_claim_type("QUOTE") and renamed.claim_types[-1].hotkey == "B"
    removed = edits.remove_claim_type(renamed, "CITATION")
    assert removed.to_dict() == scheme.to_dict()


def test_claim_type_edits_refuse_what_would_break_the_scheme(scheme):
    with pytest.raises(SchemeError, match="already exists"):
        edits.add_claim_type(scheme, ClaimType("STAT", "Q"))
    with pytest.raises(SchemeError, match="1 is already the hotkey of PER"):
        edits.add_claim_type(scheme, ClaimType("QUOTE", "1"))
    with pytest.raises(SchemeError, match="cannot contain spaces"):
        edits.add_claim_type(scheme, ClaimType("DIRECT QUOTE", "Q"))
    with pytest.raises(SchemeError, match="S is already the hotkey of claim type STAT"):
        edits.change_claim_type(scheme, "FACT", hotkey="s")
    with pytest.raises(SchemeError, match="R is already the hotkey of ROLE"):
        edits.change_claim_type(scheme, "FACT", hotkey="R")
    with pytest.raises(SchemeError, match="rename_claim_type"):
        edits.change_claim_type(scheme, "FACT", name="EVENT")
    with pytest.raises(SchemeError, match="no field 'color'"):
        edits.change_claim_type(scheme, "FACT", color="#000000")
    with pytest.raises(SchemeError, match="no claim type 'QUOTE'"):
        edits.change_claim_type(scheme, "QUOTE", description="x")
    with pytest.raises(SchemeError, match="already exists"):
        edits.rename_claim_type(scheme, "FACT", "STAT")
    with pytest.raises(SchemeError, match="needs a name"):
        edits.rename_claim_type(scheme, "FACT", "")
    last = scheme
    for name in ("STAT", "FACT", "PLAN", "PROPOSAL"):
        last = edits.remove_claim_type(last, name)
    assert [c.name for c in last.claim_types] == ["OPINION"]
    with pytest.raises(SchemeError, match="at least one claim type"):
        edits.remove_claim_type(last, "OPINION")


def test_relation_attributes_are_the_relation_types_and_follow_them(scheme):
    """An attribute naming relation types is theirs alone: not a span's, and it goes with the last of
    them (a label's removal that takes HEAD_OF takes "former"); one that also names labels stays."""
    assert [a.name for a in edits.relation_attributes_of(scheme, "HEAD_OF")] == ["former"]
    assert [a.name for a in edits.relation_attributes_of(scheme, "ABOUT")] == ["stance"]
    assert "former" not in [a.name for a in edits.attributes_of(scheme, "PER")]
    assert Scheme.from_dict(scheme.to_dict()) == scheme  # the JSON form keeps "relations"
    narrowed = edits.remove_label(edits.remove_label(scheme, "PER"), "ROLE")
    assert narrowed.relation("HEAD_OF") is None and narrowed.attribute("former") is None
    both = Scheme.from_dict({**scheme.to_dict(), "attributes": [
        {"name": "disputed", "type": "boolean", "labels": ["PER"], "relations": ["HEAD_OF"]}]})
    kept = edits.remove_label(edits.remove_label(both, "ORG"), "GPE")  # HEAD_OF has no tail left
    assert kept.attribute("disputed").labels == ("PER",) and kept.attribute("disputed").relations == ()
    # a span label's attribute editor may add the name to a label; the relations keep theirs
    shared = edits.add_attribute(scheme, "PER", AttributeDef("former", "boolean"))
    assert shared.attribute("former").labels == ("PER",) and shared.attribute("former").relations == ("HEAD_OF",)
    assert edits.remove_attribute(shared, "PER", "former").attribute("former").relations == ("HEAD_OF",)


def test_a_scheme_naming_an_unknown_relation_type_for_an_attribute_is_refused(scheme):
    body = {**scheme.to_dict(), "attributes": [{"name": "x", "type": "boolean", "relations": ["NOPE"]}]}
    with pytest.raises(SchemeError, match="attribute x names unknown relation type 'NOPE'"):
        Scheme.from_dict(body)
