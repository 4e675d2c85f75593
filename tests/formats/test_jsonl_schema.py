"""The JSON Schema file in the repository describes what the exporter writes and the reader wants."""

from __future__ import annotations

import io

import jsonschema
import orjson
import pytest

from annotator import paths
from annotator.services import annotating, exporting


@pytest.fixture(scope="module")
def validator():
    schema = orjson.loads(paths.jsonl_schema_file().read_bytes())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_exported_line_is_valid(sample_workspace, validator):
    doc = "003_7fa7a90ba42b20d6"
    tokaev = annotating.add_span(sample_workspace, doc, 0, 7, "GPE", owner="anna").result
    assert tokaev
    out = io.BytesIO()
    exporting.export(sample_workspace, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5
    for line in lines:
        validator.validate(orjson.loads(line))


@pytest.mark.parametrize("bad", [
    {"text": "no id"},
    {"id": "x", "text": "t", "entities": [{"id": "T1", "start": -1, "end": 2, "label": "PER", "text": "t"}]},
    {"id": "x", "text": "t", "entities": [{"id": "T1", "start": 0, "end": 1, "label": "PER"}]},
    {"id": "x", "text": "t", "status": "finished"},
    {"id": "x", "text": "t", "claims": [{"id": "C1", "start": 0, "end": 1, "text": "t", "type": "STAT",
                                          "certainty": "MAYBE"}]},
])
def test_schema_rejects_what_the_reader_rejects(validator, bad):
    assert not validator.is_valid(bad)
