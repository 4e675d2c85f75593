"""Scheme changes: new versions, spans carried along (rename, merge, delete), undo, files, permission."""

from __future__ import annotations

import orjson
import pytest

from annotator.domain.model import Role
from annotator.domain.problems import InputError
from annotator.domain.scheme import AttributeDef, ClaimType, EntityLabel
from annotator.services import annotating, claims, exporting, history, schemes, users
from annotator.services.errors import ServiceError
from annotator.services.schemes import CLAIM, ENTITY
from annotator.domain.query import DocumentQuery
from tests.conftest import snapshot
from tests.services.test_claims import CLAIM_TEXT, DOC, find, span, the_set


@pytest.fixture
def ws(sample_workspace):
    return sample_workspace


def labels_in_store(ws, owner):
    return sorted(s.label for s in the_set(ws, owner).spans)


def test_every_change_is_a_new_version_and_undo_brings_the_old_scheme_back(ws):
    first = ws.current_scheme()
    schemes.add_label(ws, EntityLabel("PRODUCT", "Q", "#123456", "goods", "brand names too"), user="lead")
    second = ws.current_scheme()
    assert second.version > first.version
    assert second.entity("PRODUCT") == EntityLabel("PRODUCT", "Q", "#123456", "goods", "brand names too")
    schemes.change_item(ws, ENTITY, "PRODUCT", color="#654321", user="lead")
    assert ws.current_scheme().entity("PRODUCT").color == "#654321"
    assert schemes.next_labels(ws) == ("Change color of PRODUCT", None)

    schemes.undo(ws, user="lead")
    assert ws.current_scheme().entity("PRODUCT").color == "#123456"
    schemes.undo(ws, user="lead")
    third = ws.current_scheme()
    assert third.entity("PRODUCT") is None and third.to_dict() == first.to_dict()
    assert third.version > second.version  # versions are never deleted: exports name them
    schemes.redo(ws, user="lead")
    assert ws.current_scheme().entity("PRODUCT") is not None


def test_a_taken_hotkey_is_refused_and_nothing_is_saved(ws):
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="1 is already the hotkey of PER"):
        schemes.add_label(ws, EntityLabel("PRODUCT", "1", "#123456"), user="lead")
    with pytest.raises(ServiceError, match="S is already the hotkey of claim type STAT"):
        schemes.change_item(ws, ENTITY, "ORG", hotkey="s", user="lead")
    assert snapshot(ws) == before


def test_rename_relabels_every_set_and_the_scheme_everywhere(ws):
    span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    span(ws, "Касым-Жомарт Токаев", "PER", owner="boris")
    schemes.rename_item(ws, ENTITY, "PER", "PERSON", user="lead")
    scheme = ws.current_scheme()
    assert scheme.entity("PER") is None and scheme.entity("PERSON").hotkey == "1"
    assert "PERSON" in scheme.speaker_labels and "PERSON" in scheme.relation("SAYS").heads
    assert "PERSON" in scheme.attribute("pronoun").labels
    assert labels_in_store(ws, "anna") == labels_in_store(ws, "boris") == ["PERSON"]
    schemes.undo(ws, user="lead")
    assert labels_in_store(ws, "anna") == ["PER"] and ws.current_scheme().entity("PERSON") is None


def test_impact_counts_spans_per_set_and_what_hangs_on_them(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    span(ws, "Касым-Жомарт Токаев", "PER", owner="boris")
    span(ws, "Касым-Жомарт Токаев", "ROLE", owner="boris")
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per)
    found = schemes.item_impact(ws, ENTITY, "PER", merge_into="ROLE")
    assert found.by_owner == {"anna": 1, "boris": 1}
    assert (found.count, found.relations, found.speakers, found.twins) == (2, 1, 1, 1)


def test_merge_moves_spans_drops_twins_keeps_the_speaker_and_undoes_as_one(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per).result
    span(ws, "Касым-Жомарт Токаев", "PER", owner="boris")
    span(ws, "Касым-Жомарт Токаев", "ROLE", owner="boris")  # a twin: boris's PER goes
    before = snapshot(ws)
    schemes.merge_label(ws, "PER", "ROLE", user="lead")
    assert ws.current_scheme().entity("PER") is None
    assert labels_in_store(ws, "anna") == ["ROLE"] and labels_in_store(ws, "boris") == ["ROLE"]
    (stored,) = the_set(ws, "anna").claims
    assert stored.speaker == per  # the same span, now ROLE: still a speaker label
    assert [(r.label, r.head, r.tail) for r in the_set(ws, "anna").relations] == [("SAYS", per, claim)]

    schemes.undo(ws, user="lead")
    after = snapshot(ws)
    for table in ("spans", "claims", "relations", "annotation_sets"):
        assert after[table] == before[table], table
    assert ws.current_scheme().entity("PER") is not None


def test_delete_removes_spans_relations_and_speaker_links_in_one_undoable_action(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per)
    before = snapshot(ws)
    schemes.delete_item(ws, ENTITY, "PER", user="lead")
    scheme = ws.current_scheme()
    assert scheme.entity("PER") is None and "PER" not in scheme.speaker_labels
    aset = the_set(ws, "anna")
    assert [s.label for s in aset.spans] == [] and aset.relations == ()
    assert aset.claims[0].speaker is None
    schemes.undo(ws, user="lead")
    after = snapshot(ws)
    for table in ("spans", "claims", "relations"):
        assert after[table] == before[table], table


def test_removing_an_attribute_strips_its_values_from_spans(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    annotating.set_attribute(ws, per, "pronoun", True, owner="anna")
    schemes.remove_attribute(ws, "PER", "pronoun", user="lead")
    scheme = ws.current_scheme()
    assert scheme.attribute("pronoun").labels == ("ORG", "ROLE")
    assert the_set(ws, "anna").spans[0].attributes == {}
    schemes.add_attribute(ws, "PER", AttributeDef("pronoun", "boolean"), user="lead")
    assert "PER" in ws.current_scheme().attribute("pronoun").labels
    schemes.add_attribute(ws, "GPE", AttributeDef("kind", "choice", ("country", "city")), user="lead")
    assert ws.current_scheme().attribute("kind").labels == ("GPE",)
    with pytest.raises(ServiceError, match="already exists as a choice"):
        schemes.add_attribute(ws, "LOC", AttributeDef("kind", "text"), user="lead")


def test_export_names_the_version_and_a_file_round_trips(ws, tmp_path):
    schemes.add_label(ws, EntityLabel("PRODUCT", "Q", "#123456"), user="lead")
    version = ws.current_scheme().version
    out = tmp_path / "out.jsonl"
    span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    exporting.export_to_path(ws, out, query=DocumentQuery(), owner="all")
    lines = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    stamped = {line["scheme_version"] for line in lines}
    assert stamped == {version}

    path = tmp_path / "team.json"
    schemes.export_scheme(ws, path)
    schemes.delete_item(ws, ENTITY, "PRODUCT", user="lead")
    assert ws.current_scheme().entity("PRODUCT") is None
    schemes.import_scheme(ws, path, user="lead")
    assert ws.current_scheme().entity("PRODUCT") == EntityLabel("PRODUCT", "Q", "#123456")


def test_importing_a_scheme_without_a_label_in_use_is_refused(ws, tmp_path):
    span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    body = ws.current_scheme().to_dict()
    body["entities"] = [e for e in body["entities"] if e["name"] != "PER"]
    body["speaker_labels"] = ["ORG", "ROLE"]
    for relation in body["relations"]:
        relation["heads"] = [x for x in relation["heads"] if x != "PER"]
        relation["tails"] = [x for x in relation["tails"] if x != "PER"]
    body["attributes"] = [a for a in body["attributes"] if a["name"] != "pronoun"]
    path = tmp_path / "narrow.json"
    path.write_bytes(orjson.dumps(body))
    before = snapshot(ws)
    with pytest.raises(ServiceError, match=r"label PER is used by 1 spans \(anna 1\)"):
        schemes.import_scheme(ws, path, user="lead")
    assert snapshot(ws) == before


def test_a_bad_scheme_file_names_file_and_line(ws, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "entities": [\n    {"name": "A", "hotkey": "1", "color": "#000000"},\n'
                    '    {"name": "B", "hotkey": "1", "color": "#ffffff"}\n  ]\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        schemes.import_scheme(ws, path, user="lead")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (str(path), 6) and "not JSON" in problem.message
    path.write_text('{\n  "entities": [\n    {"name": "A", "hotkey": "1", "color": "#000000"},\n'
                    '    {"name": "B", "hotkey": "1", "color": "#ffffff"}\n  ],\n'
                    '  "speaker_labels": ["A"]\n}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        schemes.import_scheme(ws, path, user="lead")
    (problem,) = caught.value.problems
    assert problem.line == 3 and "hotkey '1' is used twice" in problem.message


def test_only_a_curator_changes_the_scheme_once_the_team_has_one(ws):
    schemes.add_label(ws, EntityLabel("PRODUCT", "Q", "#123456"), user="anna")  # no curator yet: allowed
    users.add_user(ws, "lead", Role.CURATOR)
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="only curators change the scheme"):
        schemes.delete_item(ws, ENTITY, "PRODUCT", user="anna")
    with pytest.raises(ServiceError, match="only curators change the scheme"):
        schemes.undo(ws, user="anna")
    assert snapshot(ws) == before
    schemes.delete_item(ws, ENTITY, "PRODUCT", user="lead")
    assert ws.current_scheme().entity("PRODUCT") is None


def test_undoing_a_scheme_change_is_refused_while_the_label_is_in_use(ws):
    schemes.add_label(ws, EntityLabel("PRODUCT", "Q", "#123456"), user="lead")
    span(ws, "Касым-Жомарт Токаев", "PRODUCT", owner="anna")
    before = snapshot(ws)
    with pytest.raises(ServiceError, match=r"label PRODUCT is used by 1 spans \(anna 1\)"):
        schemes.undo(ws, user="lead")
    assert snapshot(ws) == before


def test_undoing_a_rename_is_refused_once_the_new_name_has_new_spans(ws):
    schemes.rename_item(ws, ENTITY, "PER", "PERSON", user="lead")
    span(ws, "Касым-Жомарт Токаев", "PERSON", owner="boris")
    with pytest.raises(ServiceError, match="label PERSON is used by 1 spans"):
        schemes.undo(ws, user="lead")
    assert ws.current_scheme().entity("PERSON") is not None


def test_an_annotators_undo_after_a_scheme_change_is_refused_not_broken(ws):
    span_id = span(ws, "Касым-Жомарт Токаев", "ORG", owner="anna")
    annotating.relabel_span(ws, span_id, "PER", owner="anna")
    schemes.delete_item(ws, ENTITY, "PER", user="lead")  # takes anna's span with it
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="has been changed since.*set aside"):
        history.undo(ws, owner="anna")
    after = snapshot(ws)
    assert {t: rows for t, rows in after.items() if t != "actions"} == \
        {t: rows for t, rows in before.items() if t != "actions"}
    assert history.next_labels(ws, owner="anna") == ("Add ORG span", None)  # not stuck on the stale one
    history.undo(ws, owner="anna")  # the older action: its span is gone already, so nothing to take back
    assert history.next_labels(ws, owner="anna") == (None, "Add ORG span")


def test_an_undo_that_would_bring_back_a_renamed_label_is_refused(ws):
    span_id = span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    annotating.remove_span(ws, span_id, owner="anna")
    schemes.rename_item(ws, ENTITY, "PER", "PERSON", user="lead")
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="the scheme no longer has PER"):
        history.undo(ws, owner="anna")
    assert snapshot(ws) == before


def test_importing_a_scheme_without_a_claim_type_in_use_is_refused(ws, tmp_path):
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "PLAN", owner="anna")
    body = ws.current_scheme().to_dict()
    body["claim_types"] = [c for c in body["claim_types"] if c["name"] != "PLAN"]
    path = tmp_path / "no-plan.json"
    path.write_bytes(orjson.dumps(body))
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="claim type PLAN is used by 1 claims"):
        schemes.import_scheme(ws, path, user="lead")
    assert snapshot(ws) == before


def test_a_merged_twin_hands_its_speaker_relations_and_notes_to_the_span_that_stays(ws):
    from annotator.services import notes

    per = span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    role = span(ws, "Касым-Жомарт Токаев", "ROLE", owner="anna")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per).result
    notes.add_note(ws, DOC, owner="anna", text="точно он?", target_id=per)
    schemes.merge_label(ws, "PER", "ROLE", user="lead")
    aset = the_set(ws, "anna")
    assert [s.id for s in aset.spans] == [role]
    assert aset.claims[0].speaker == role
    assert [(r.label, r.head, r.tail) for r in aset.relations] == [("SAYS", role, claim)]
    assert [n.target_id for n in notes.notes(ws, document_id=DOC)] == [role]
    schemes.undo(ws, user="lead")
    aset = the_set(ws, "anna")
    assert sorted(s.id for s in aset.spans) == sorted([per, role]) and aset.claims[0].speaker == per
    assert [n.target_id for n in notes.notes(ws, document_id=DOC)] == [per]


# ---------------------------------------------------------------- claim types


def claim_types_in_store(ws, owner):
    return sorted(c.type for c in the_set(ws, owner).claims)


def test_a_claim_type_is_added_and_changed_as_new_versions_and_undone(ws):
    first = ws.current_scheme()
    schemes.add_claim_type(ws, ClaimType("QUOTE", "q", "a direct quote"), user="lead")
    second = ws.current_scheme()
    assert second.version > first.version and second.claim_types[-1] == ClaimType("QUOTE", "q", "a direct quote")
    schemes.change_item(ws, CLAIM, "QUOTE", hotkey="B", description="прямая цитата", user="lead")
    assert ws.current_scheme().claim_types[-1] == ClaimType("QUOTE", "B", "прямая цитата")
    assert schemes.next_labels(ws) == ("Change description, hotkey of claim type QUOTE", None)
    schemes.undo(ws, user="lead")
    assert ws.current_scheme().claim_types[-1] == ClaimType("QUOTE", "q", "a direct quote")
    schemes.undo(ws, user="lead")
    assert ws.current_scheme().to_dict() == first.to_dict()
    assert schemes.next_labels(ws) == (None, "Add claim type QUOTE")


def test_a_taken_claim_type_hotkey_or_name_is_refused_and_nothing_is_saved(ws):
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="1 is already the hotkey of PER"):
        schemes.add_claim_type(ws, ClaimType("QUOTE", "1"), user="lead")
    with pytest.raises(ServiceError, match="F is already the hotkey of claim type FACT"):
        schemes.change_item(ws, CLAIM, "STAT", hotkey="f", user="lead")
    with pytest.raises(ServiceError, match="claim type 'FACT' already exists"):
        schemes.rename_item(ws, CLAIM, "STAT", "FACT", user="lead")
    assert snapshot(ws) == before
    schemes.change_item(ws, CLAIM, "STAT", hotkey="s", user="lead")  # its own key, in another case
    assert ws.current_scheme().claim_types[0].hotkey == "s"


def test_renaming_a_claim_type_retypes_its_claims_in_every_set_as_one_action(ws):
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "PLAN", owner="anna")
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "PLAN", owner="boris")
    claims.add_claim(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "FACT", owner="boris")
    before = snapshot(ws)
    schemes.rename_item(ws, CLAIM, "PLAN", "TARGET", user="lead")
    scheme = ws.current_scheme()
    assert not scheme.has_claim_type("PLAN") and scheme.has_claim_type("TARGET")
    assert [c.hotkey for c in scheme.claim_types if c.name == "TARGET"] == ["P"]
    assert claim_types_in_store(ws, "anna") == ["TARGET"]
    assert claim_types_in_store(ws, "boris") == ["FACT", "TARGET"]
    assert schemes.claim_counts(ws) == {"TARGET": 2, "FACT": 1}
    assert schemes.next_labels(ws) == ("Rename claim type PLAN to TARGET", None)
    schemes.undo(ws, user="lead")
    after = snapshot(ws)
    for table in ("spans", "claims", "relations"):
        assert after[table] == before[table], table
    assert ws.current_scheme().has_claim_type("PLAN")


def test_deleting_a_claim_type_removes_its_claims_relations_and_notes_and_undoes_as_one(ws):
    from annotator.services import notes

    per = span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    claim = claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per).result
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="boris")
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "FACT", owner="carl")
    notes.add_note(ws, DOC, owner="anna", text="точно оценка?", target_id=claim)
    found = schemes.item_impact(ws, CLAIM, "OPINION")
    assert found.by_owner == {"anna": 1, "boris": 1}
    assert (found.count, found.relations, found.notes) == (2, 1, 1)  # anna's SAYS, her note
    before = snapshot(ws)

    schemes.delete_item(ws, CLAIM, "OPINION", user="lead")
    assert not ws.current_scheme().has_claim_type("OPINION")
    anna = the_set(ws, "anna")
    assert anna.claims == () and anna.relations == () and [s.id for s in anna.spans] == [per]
    assert the_set(ws, "boris").claims == () and claim_types_in_store(ws, "carl") == ["FACT"]
    assert notes.notes(ws, document_id=DOC) == []
    assert schemes.claim_counts(ws) == {"FACT": 1}
    assert schemes.next_labels(ws) == ("Delete claim type OPINION", None)

    schemes.undo(ws, user="lead")
    after = snapshot(ws)
    for table in ("spans", "claims", "relations", "notes"):
        assert after[table] == before[table], table
    assert ws.current_scheme().has_claim_type("OPINION")


def test_the_last_claim_type_stays(ws):
    for name in ("STAT", "FACT", "PLAN", "PROPOSAL"):
        schemes.delete_item(ws, CLAIM, name, user="lead")
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="a scheme needs at least one claim type"):
        schemes.delete_item(ws, CLAIM, "OPINION", user="lead")
    assert snapshot(ws) == before


def test_only_a_curator_changes_claim_types_once_the_team_has_one(ws):
    users.add_user(ws, "lead", Role.CURATOR)
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="only curators change the scheme"):
        schemes.add_claim_type(ws, ClaimType("QUOTE", "Q"), user="anna")
    with pytest.raises(ServiceError, match="only curators change the scheme"):
        schemes.delete_item(ws, CLAIM, "STAT", user="anna")
    assert snapshot(ws) == before
