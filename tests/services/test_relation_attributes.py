"""A relation's attributes: checked against the scheme, set as one undoable action, stored on both
backends, carried by curation into gold and by our JSONL out and back."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.domain.model import Role
from annotator.domain.scheme import AttributeDef
from annotator.services import claims, curation, documents, exporting, history, importing, schemes, users
from annotator.services.errors import ServiceError
from tests.services.test_claims import DOC, span, the_set


@pytest.fixture
def ws(sample_workspace):
    users.add_user(sample_workspace, "cora", Role.CURATOR)
    return sample_workspace


def head_of(ws, owner="anna") -> int:
    per = span(ws, "Касым-Жомарт Токаев", "PER", owner=owner)
    org = span(ws, "экономической базы", "ORG", owner=owner)
    return claims.add_relation(ws, per, org, "HEAD_OF", owner=owner).result


def attributes_of(ws, relation_id, owner="anna"):
    return {r.id: r.attributes for r in the_set(ws, owner).relations}[relation_id]


def test_the_default_scheme_gives_relation_types_binary_and_valued_attributes(ws):
    scheme = ws.current_scheme()
    assert scheme.attribute("former").applies_to_relation("HEAD_OF")
    assert scheme.attribute("stance").choices == ("positive", "negative", "neutral")
    # a relation's attribute is not a span's
    assert not scheme.attribute("former").applies_to_label("PER")
    assert scheme.attribute("uncertain").applies_to_label("PER")
    assert not scheme.attribute("uncertain").applies_to_relation("HEAD_OF")


def test_setting_a_relation_attribute_is_one_undoable_action(ws):
    relation = head_of(ws)
    changes = claims.set_relation_attribute(ws, relation, "former", True, owner="anna")
    assert changes.relations is True and changes.result == relation and changes.label == "Set former"
    assert attributes_of(ws, relation) == {"former": True}
    history.undo(ws, owner="anna")
    assert attributes_of(ws, relation) == {}
    history.redo(ws, owner="anna")
    assert attributes_of(ws, relation) == {"former": True}
    claims.set_relation_attribute(ws, relation, "former", None, owner="anna")
    assert attributes_of(ws, relation) == {}


def test_the_scheme_decides_which_relations_take_which_values(ws):
    relation = head_of(ws)
    with pytest.raises(ServiceError, match="does not apply to relation type HEAD_OF"):
        claims.set_relation_attribute(ws, relation, "stance", "negative", owner="anna")  # ABOUT's
    with pytest.raises(ServiceError, match="does not apply to relation type HEAD_OF"):
        claims.set_relation_attribute(ws, relation, "uncertain", True, owner="anna")  # spans'
    with pytest.raises(ServiceError, match="unknown attribute"):
        claims.set_relation_attribute(ws, relation, "nonsense", True, owner="anna")
    with pytest.raises(ServiceError, match="cannot be"):
        claims.set_relation_attribute(ws, relation, "former", "yes", owner="anna")
    with pytest.raises(ServiceError, match="belongs to 'anna'"):
        claims.set_relation_attribute(ws, relation, "former", True, owner="boris")
    assert attributes_of(ws, relation) == {}


def test_a_valued_attribute_on_a_relation_of_another_type(ws):
    from annotator.domain.model import AUTHOR

    per = span(ws, "Касым-Жомарт Токаев", "PER")
    claim = claims.add_claim(ws, DOC, *_find(ws, "существенные успехи"), "OPINION", owner="anna",
                             speaker=AUTHOR).result
    about = claims.add_relation(ws, claim, per, "ABOUT", owner="anna").result
    claims.set_relation_attribute(ws, about, "stance", "positive", owner="anna")
    assert attributes_of(ws, about) == {"stance": "positive"}


def _find(ws, needle):
    text = documents.document(ws, DOC).text
    return text.index(needle), text.index(needle) + len(needle)


def test_curation_copies_a_relation_with_its_attributes(ws):
    relation = head_of(ws)
    claims.set_relation_attribute(ws, relation, "former", True, owner="anna")
    curation.take(ws, DOC, "anna", user="cora")
    (copied,) = curation.gold_set(ws, DOC).relations
    assert (copied.label, copied.attributes) == ("HEAD_OF", {"former": True})
    # gold's own value is a curator's action like any other
    claims.set_relation_attribute(ws, copied.id, "former", None, owner="gold", user="cora")
    assert curation.gold_set(ws, DOC).relations[0].attributes == {}


def test_two_annotators_agree_on_a_relation_whatever_its_attributes(ws):
    relation = head_of(ws, "anna")
    head_of(ws, "boris")
    claims.set_relation_attribute(ws, relation, "former", True, owner="anna")
    curation.accept_agreed(ws, DOC, user="cora")
    (agreed,) = curation.gold_set(ws, DOC).relations
    assert agreed.attributes == {"former": True}  # taken from the first set, as the relation is


def test_our_jsonl_round_trips_relation_attributes(ws, tmp_path):
    relation = head_of(ws)
    claims.set_relation_attribute(ws, relation, "former", True, owner="anna")
    out = tmp_path / "out.jsonl"
    with out.open("wb") as stream:
        exporting.export(ws, stream, owner="anna", document_ids=[DOC])
    assert '"attributes":{"former":true}' in out.read_text(encoding="utf-8").replace(" ", "")
    from annotator.services.workspace import Workspace

    with Workspace.open(str(tmp_path / "second.sqlite3")) as other:
        report = importing.import_files(other, [out])
        assert report.committed
        (aset,) = documents.annotation_sets(other, DOC, "anna")
        (back,) = aset.relations
        assert (back.label, back.attributes) == ("HEAD_OF", {"former": True})


def test_a_scheme_that_no_longer_allows_a_stored_relation_value_is_refused(ws):
    relation = head_of(ws)
    claims.set_relation_attribute(ws, relation, "former", True, owner="anna")
    scheme = ws.current_scheme()
    narrowed = dataclasses.replace(scheme, attributes=tuple(
        dataclasses.replace(a, relations=("LOCATED_IN",)) if a.name == "former" else a for a in scheme.attributes))
    with pytest.raises(ServiceError, match="1 HEAD_OF relations carry attribute values"):
        schemes.replace_scheme(ws, narrowed, user="anna")
    assert isinstance(scheme.attribute("former"), AttributeDef)


def test_a_curator_setting_a_gold_relation_attribute_another_curator_changed_since_is_refused(ws):
    from annotator.domain.model import GOLD
    from annotator.services.gold_conflicts import GoldConflict, gold_version

    users.add_user(ws, "dora", Role.CURATOR, user="cora")
    head_of(ws)
    curation.take(ws, DOC, "anna", user="cora")
    (relation,) = curation.gold_set(ws, DOC).relations
    seen_by_cora = gold_version(ws, DOC)
    claims.set_relation_attribute(ws, relation.id, "former", True, owner=GOLD, user="dora",
                                  seen=gold_version(ws, DOC))
    with pytest.raises(GoldConflict, match="dora changed this"):
        claims.set_relation_attribute(ws, relation.id, "former", None, owner=GOLD, user="cora", seen=seen_by_cora)
    assert curation.gold_set(ws, DOC).relations[0].attributes == {"former": True}
    claims.set_relation_attribute(ws, relation.id, "former", None, owner=GOLD, user="cora",
                                  seen=gold_version(ws, DOC))  # after reading again it goes
    assert curation.gold_set(ws, DOC).relations[0].attributes == {}


def test_undoing_a_relations_removal_brings_its_attributes_back(ws):
    relation = head_of(ws)
    claims.set_relation_attribute(ws, relation, "former", True, owner="anna")
    claims.remove_relation(ws, relation, owner="anna")
    assert the_set(ws).relations == ()
    history.undo(ws, owner="anna")
    assert attributes_of(ws, relation) == {"former": True}
