"""Discontinuous spans in our JSONL: read, checked, written, valid by the JSON Schema, and round-tripped."""

from __future__ import annotations

import io
from pathlib import Path

import jsonschema
import orjson
import pytest

from annotator import paths
from annotator.domain.model import AnnotationSet, Claim, Document, SetStatus, Span
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.formats.base import ExportItem, Record
from annotator.formats.jsonl import JsonlFormat
from annotator.services.workspace import default_scheme_body

TEXT = "Председатель кубинского Совета министров Мануэль Марреро прибыл в Москву."
HEAD, TAIL = (0, 12), (24, 40)


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return Scheme.from_dict(default_scheme_body())


def piece(a: int, b: int) -> dict:
    return {"start": a, "end": b, "text": TEXT[a:b]}


def line(**entity_changes) -> dict:
    entity = {"id": "T1", "start": 0, "end": 40, "label": "PER", "text": TEXT[0:40],
              "fragments": [piece(*HEAD), piece(*TAIL)]}
    entity.update(entity_changes)
    return {"id": "d", "text": TEXT, "annotator": "anna", "entities": [entity]}


def read(tmp_path: Path, scheme: Scheme, obj: dict) -> list[Record | Problem]:
    path = tmp_path / "f.jsonl"
    path.write_bytes(orjson.dumps(obj) + b"\n")
    return list(JsonlFormat().read(path, scheme))


def test_fragments_are_read_as_the_span_pieces(tmp_path, scheme):
    (record,) = read(tmp_path, scheme, line())
    (span,) = record.annotations.spans
    assert (span.start, span.end, span.fragments) == (0, 40, (HEAD, TAIL))


@pytest.mark.parametrize("change, words", [
    ({"fragments": [piece(*HEAD)]}, "one fragment"),
    ({"fragments": [piece(*TAIL), piece(*HEAD)]}, "text order"),
    ({"fragments": [piece(0, 12), piece(12, 40)]}, "gap"),
    ({"start": 0, "end": 41, "text": TEXT[0:41]}, "outer bounds"),
    ({"fragments": [piece(*HEAD), {"start": 24, "end": 40, "text": "Совета  министров"}]}, "fragment 2: text"),
    ({"fragments": [piece(*HEAD), {"start": 24, "end": 40}]}, "fragment 2: missing 'text'"),
    ({"fragments": [piece(*HEAD), {"start": 24, "end": 40, "text": "x", "label": "y"}]}, "unknown field"),
])
def test_bad_fragments_are_refused_with_the_reason(tmp_path, scheme, change, words):
    items = read(tmp_path, scheme, line(**change))
    assert not any(isinstance(i, Record) for i in items)
    assert words in " | ".join(p.message for p in items), items


def test_written_only_for_discontinuous_spans_and_read_back(tmp_path, scheme):
    spans = (Span(1, 0, 40, "PER", fragments=(HEAD, TAIL)), Span(2, 66, 72, "GPE"))
    claims = (Claim(3, 0, 72, "FACT", fragments=((0, 56), (57, 72))),)
    aset = AnnotationSet("d", "anna", SetStatus.IN_PROGRESS, spans, claims)
    out = io.BytesIO()
    JsonlFormat().write(out, [ExportItem(Document("d", TEXT), aset)], scheme)
    obj = orjson.loads(out.getvalue())
    assert obj["entities"][0]["fragments"] == [piece(*HEAD), piece(*TAIL)]
    assert "fragments" not in obj["entities"][1]
    assert obj["claims"][0]["fragments"] == [piece(0, 56), piece(57, 72)]
    schema = orjson.loads(paths.jsonl_schema_file().read_bytes())
    jsonschema.Draft202012Validator(schema).validate(obj)

    (record,) = read(tmp_path, scheme, obj)
    assert [s.fragments for s in record.annotations.spans] == [(HEAD, TAIL), ()]
    assert record.annotations.claims[0].fragments == ((0, 56), (57, 72))


def test_the_schema_refuses_a_single_fragment():
    schema = orjson.loads(paths.jsonl_schema_file().read_bytes())
    assert not jsonschema.Draft202012Validator(schema).is_valid(line(fragments=[piece(*HEAD)]))
    assert jsonschema.Draft202012Validator(schema).is_valid(line())
