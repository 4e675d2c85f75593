"""Validation of a set against its text and the scheme: the words each problem gets."""

from __future__ import annotations

import orjson
import pytest

from annotator import paths
from annotator.domain.model import AUTHOR, AnnotationSet, Claim, Cue, Relation, Span
from annotator.domain.scheme import Scheme
from annotator.domain.validation import check_owner_name, check_set

TEXT = "Президент Казахстана Касым-Жомарт Токаев заявил: товарооборот достиг $4 млрд."


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return Scheme.from_dict(orjson.loads(paths.default_scheme_file().read_bytes()))


def span(sid, text, label, occurrence=0):
    start = TEXT.find(text)
    return Span(sid, start, start + len(text), label)


def make_set(spans=(), claims=(), relations=(), owner="anna"):
    return AnnotationSet("d", owner, spans=tuple(spans), claims=tuple(claims), relations=tuple(relations))


def claim(cid, speaker, **kw):
    start = TEXT.find("товарооборот")
    return Claim(cid, start, len(TEXT) - 1, "STAT", speaker, **kw)


def test_a_good_set_has_no_problems(scheme):
    spans = [span("T1", "Президент Казахстана", "ROLE"), span("T2", "Казахстана", "GPE"),
             span("T3", "Касым-Жомарт Токаев", "PER")]
    cue = TEXT.find("заявил")
    claims = [claim("C1", "T3", cue=Cue(cue, cue + 6))]
    relations = [Relation("R1", "SAYS", "T3", "C1"), Relation("R2", "HEAD_OF", "T1", "T2")]
    assert check_set(make_set(spans, claims, relations), len(TEXT), scheme) == []


@pytest.mark.parametrize("aset, expected", [
    (make_set([Span("T1", -1, 3, "PER")]), "negative offset"),
    (make_set([Span("T1", 5, 5, "PER")]), "not before end"),
    (make_set([Span("T1", 0, 10_000, "PER")]), "beyond the text"),
    (make_set([Span("T1", 0, 3, "PERSON")]), "unknown label 'PERSON'"),
    (make_set([Span("T1", 0, 3, "PER"), Span("T1", 4, 6, "ORG")]), "'T1' is used more than once"),
    (make_set([Span("T1", 0, 3, "PER"), Span("T2", 0, 3, "PER")]), "span T2 repeats span T1: the same PER at 0-3"),
    (make_set([Span("T1", 0, 3, "PER", {"mood": "happy"})]), "unknown attribute 'mood'"),
    (make_set([Span("T1", 0, 3, "GPE", {"pronoun": True})]), "does not apply to label GPE"),
    (make_set([Span("T1", 0, 3, "PER", {"pronoun": "yes"})]), "cannot be 'yes'"),
    (make_set(claims=[claim("C1", "T9")]), "speaker 'T9' is not a mention"),
    (make_set([span("T2", "Казахстана", "GPE")], [claim("C1", "T2")]), "is a GPE"),
    (make_set([span("T1", "Касым-Жомарт Токаев", "PER")], [claim("C1", "T1")],
              [Relation("R1", "ABOUT", "C1", "T7")]), "tail 'T7' does not exist"),
    (make_set([span("T2", "Казахстана", "GPE")], [claim("C1", AUTHOR)],
              [Relation("R1", "SAYS", "T2", "C1")]), "SAYS does not allow GPE -> CLAIM"),
    (make_set([span("T1", "Касым-Жомарт Токаев", "PER"), span("T3", "Президент Казахстана", "ROLE")],
              [claim("C1", "T1")], [Relation("R1", "SAYS", "T3", "C1")]), "speaker is 'T1'"),
    (make_set([Span("T1", 0, 3, "PER")], relations=[Relation("R1", "LIKES", "T1", "T1")]), "unknown relation type"),
    (make_set(owner="all"), "reserved"),
])
def test_each_problem_is_named(scheme, aset, expected):
    problems = check_set(aset, len(TEXT), scheme)
    assert any(expected in p for p in problems), problems


def test_owner_names():
    assert check_owner_name("anna") == []
    assert check_owner_name("gold") == []
    assert check_owner_name("gold", allow_gold=False)
    assert check_owner_name(" anna")
    assert check_owner_name("")
