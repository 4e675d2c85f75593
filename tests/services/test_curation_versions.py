"""Accepting one annotator's version of a disagreement into gold: one action, curators only."""

from __future__ import annotations

import pytest

from annotator.domain.model import Role
from annotator.services import annotating, claims, curation, history, users
from annotator.services.errors import ServiceError
from tests.conftest import snapshot
from tests.services.test_claims import CLAIM_TEXT, DOC, find, span


@pytest.fixture
def ws(sample_workspace):
    users.add_user(sample_workspace, "cora", Role.CURATOR)
    return sample_workspace


def gold(ws):
    found = curation.gold_set(ws, DOC)
    return sorted((s.start, s.end, s.label) for s in found.spans) if found else []


def test_accept_a_version_replaces_gold_in_the_region_only(ws):
    for owner in ("anna", "boris"):
        span(ws, "Касым-Жомарт Токаев", "PER", owner=owner)  # agreed
    span(ws, "существенные успехи", "ORG", owner="anna")
    span(ws, "существенные", "GPE", owner="boris")
    curation.accept_agreed(ws, DOC, user="cora")
    (d,) = curation.document_disagreements(ws, DOC)
    assert (d.kind, [v.owner for v in d.versions]) == ("other", ["anna", "boris"])

    curation.accept_version(ws, DOC, "boris", d.layer, d.start, d.end, user="cora")
    assert gold(ws) == sorted([(*find(ws, "Касым-Жомарт Токаев"), "PER"), (*find(ws, "существенные"), "GPE")])
    curation.accept_version(ws, DOC, "anna", d.layer, d.start, d.end, user="cora")
    assert gold(ws) == sorted([(*find(ws, "Касым-Жомарт Токаев"), "PER"), (*find(ws, "существенные успехи"), "ORG")])
    history.undo(ws, owner="gold", user="cora")
    assert (*find(ws, "существенные"), "GPE") in gold(ws)


def test_a_claim_version_brings_its_speaker_mention(ws):
    per = span(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner="anna", speaker=per)
    annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="boris")
    claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "FACT", owner="boris")
    d = next(x for x in curation.document_disagreements(ws, DOC) if x.layer == "claim")
    assert d.kind == "label"
    curation.accept_version(ws, DOC, "anna", d.layer, d.start, d.end, user="cora")
    found = curation.gold_set(ws, DOC)
    (claim,) = found.claims
    (mention,) = found.spans
    assert claim.type == "OPINION" and claim.speaker == mention.id
    assert [(r.label, r.head, r.tail) for r in found.relations] == [("SAYS", mention.id, claim.id)]


def test_an_annotator_cannot_accept_into_gold(ws):
    span(ws, "существенные", "GPE", owner="anna")
    span(ws, "существенные", "ORG", owner="boris")
    (d,) = curation.document_disagreements(ws, DOC)
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="only curators write gold"):
        curation.accept_version(ws, DOC, "anna", d.layer, d.start, d.end, user="anna")
    assert snapshot(ws) == before


def test_a_new_label_for_a_gold_speaker_keeps_its_claims_and_relations(ws):
    for owner, label in (("anna", "PER"), ("boris", "ROLE")):
        mention = span(ws, "Касым-Жомарт Токаев", label, owner=owner)
        claims.add_claim(ws, DOC, *find(ws, CLAIM_TEXT), "OPINION", owner=owner, speaker=mention)
    curation.accept_version(ws, DOC, "anna", "entity", *find(ws, "Касым-Жомарт Токаев"), user="cora")
    claim_d = next(x for x in curation.document_disagreements(ws, DOC) if x.layer == "claim")
    curation.accept_version(ws, DOC, "anna", "claim", claim_d.start, claim_d.end, user="cora")
    (gold_mention,) = curation.gold_set(ws, DOC).spans
    curation.accept_version(ws, DOC, "boris", "entity", *find(ws, "Касым-Жомарт Токаев"), user="cora")
    found = curation.gold_set(ws, DOC)
    (mention,) = found.spans
    assert (mention.id, mention.label) == (gold_mention.id, "ROLE")  # the same span, relabelled
    assert found.claims[0].speaker == mention.id
    assert [(r.label, r.head) for r in found.relations] == [("SAYS", mention.id)]
