"""The JSON Schema file in the repository describes what the exporter writes and the reader wants."""

from __future__ import annotations

import io

import jsonschema
import orjson
import pytest

from annotator import paths
from annotator.services import annotating, claims, entities, exporting


@pytest.fixture(scope="module")
def validator():
    schema = orjson.loads(paths.jsonl_schema_file().read_bytes())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_exported_line_is_valid(sample_workspace, validator):
    ws = sample_workspace
    doc = "000_598509fc61278558"  # "Касым-Жомарт Токаев отметил существенные успехи ..."
    tokaev = annotating.add_span(ws, doc, 0, 19, "PER", owner="anna").result
    claim = claims.add_claim(ws, doc, 28, 119, "OPINION", owner="anna", speaker=tokaev, cue=(20, 27),
                                 checkworthy=True).result
    assert claim  # its SAYS relation comes with the speaker
    entities.create_from_mention(ws, tokaev, owner="anna")
    out = io.BytesIO()
    exporting.export(ws, out)
    lines = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 5
    for line in lines:
        validator.validate(line)
    [anna] = [line for line in lines if line["annotator"] == "anna"]
    assert anna["claims"][0]["cue"]["text"] == "отметил"
    assert anna["claims"][0]["speaker"] == "T1"
    assert anna["relations"] == [{"id": "R1", "label": "SAYS", "head": "T1", "tail": "C1"}]
    (entity,) = anna["linked_entities"]
    assert (entity["name"], entity["type"], anna["entities"][0]["entity"]) == ("Касым-Жомарт Токаев", "PER",
                                                                               entity["id"])


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
