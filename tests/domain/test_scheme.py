"""The scheme as data: the default one loads, and broken ones are refused with reasons."""

from __future__ import annotations

import orjson
import pytest

from annotator import paths
from annotator.domain.model import CLAIM_NODE
from annotator.domain.scheme import Scheme, SchemeError


@pytest.fixture
def default_body() -> dict:
    return orjson.loads(paths.default_scheme_file().read_bytes())


def test_default_scheme_has_the_labels_of_the_design(default_body):
    scheme = Scheme.from_dict(default_body)
    assert [(e.hotkey, e.name) for e in scheme.entities] == [
        ("1", "PER"), ("2", "ORG"), ("3", "GPE"), ("4", "LOC"), ("5", "FAC"), ("6", "EVENT"),
        ("7", "DOC"), ("8", "MONEY"), ("9", "DATE"), ("0", "NUM"), ("R", "ROLE"),
    ]
    assert [c.name for c in scheme.claim_types] == ["STAT", "FACT", "PLAN", "PROPOSAL", "OPINION"]
    says = scheme.relation("SAYS")
    assert says.allows("PER", CLAIM_NODE) and says.allows("ROLE", CLAIM_NODE)
    assert not says.allows("GPE", CLAIM_NODE)
    assert len({e.color for e in scheme.entities}) == len(scheme.entities)


def test_round_trip_through_dict(default_body):
    scheme = Scheme.from_dict(default_body)
    assert Scheme.from_dict(scheme.to_dict()) == scheme


@pytest.mark.parametrize("mutate, message", [
    (lambda b: b["entities"].append(dict(b["entities"][0], hotkey="Z")), "defined twice"),
    (lambda b: b["entities"][1].update(hotkey="1"), "hotkey '1' is used twice"),
    (lambda b: b["entities"].append({"name": "CLAIM", "hotkey": "Q", "color": "#000"}), "reserved"),
    (lambda b: b["relations"].append({"name": "X", "heads": ["NOPE"], "tails": ["PER"]}), "unknown label 'NOPE'"),
    (lambda b: b["attributes"].append({"name": "a", "type": "colour"}), "unknown type"),
    (lambda b: b["attributes"].append({"name": "a", "type": "choice"}), "no choices"),
    (lambda b: b.update(speaker_labels=["PER", "CROWD"]), "speaker label 'CROWD'"),
    (lambda b: b["entities"][0].pop("color"), "missing"),
])
def test_broken_schemes_are_refused_with_the_reason(default_body, mutate, message):
    mutate(default_body)
    with pytest.raises(SchemeError, match=message):
        Scheme.from_dict(default_body)
