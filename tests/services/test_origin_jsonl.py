"""Provenance in our JSONL: a span or claim accepted from a suggestion carries ``origin`` out and back in."""

from __future__ import annotations

import io

import jsonschema
import orjson

from annotator import paths
from annotator.domain.suggestions import copies_owner
from annotator.services import documents, exporting, importing, repeats, suggestions
from annotator.services.workspace import Workspace
from tests.services.test_repeats import D002, D004, annotate_002, find


def test_origin_is_exported_valid_and_read_back(sample_workspace, tmp_path):
    ws = sample_workspace
    annotate_002(ws)
    repeats.propagate(ws, D002, annotator="anna")
    start, _end = find(ws, D004, "конструктивное сотрудничество")
    suggestions.accept_suggestion(ws, D004, start + 3, owner="anna")  # a claim, with its speaker mention
    suggestions.suggest(ws, models=("rules",), document_ids=[D004])
    rule = next(s for s in suggestions.open_suggestions(ws, D004, owner="anna") if s.source == "model:rules")
    suggestions.accept_suggestion(ws, D004, rule.start, owner="anna", place=rule.key)

    out = io.BytesIO()
    exporting.export(ws, out, owner="anna", document_ids=[D004])
    (line,) = [orjson.loads(raw) for raw in out.getvalue().splitlines()]
    schema = orjson.loads(paths.jsonl_schema_file().read_bytes())
    jsonschema.Draft202012Validator(schema).validate(line)
    origins = {(e["text"], e.get("origin")) for e in line["entities"]}
    assert (line["text"][rule.start:rule.end], "model:rules") in origins
    assert (line["claims"][0]["text"].startswith("конструктивное"), line["claims"][0]["origin"]) == (
        True, copies_owner("anna"))
    speaker = next(e for e in line["entities"] if e["id"] == line["claims"][0]["speaker"])
    assert speaker["origin"] == copies_owner("anna")
    # a span made by hand has no origin at all (lines without suggestions stay as they were)
    hand = [e for e in line["entities"] if "origin" not in e]
    assert all(e.get("origin") is None for e in hand)

    path = tmp_path / "out.jsonl"
    path.write_bytes(out.getvalue())
    other = Workspace.open(str(tmp_path / "other.sqlite3"))
    try:
        report = importing.import_files(other, [path])
        assert report.committed
        (back,) = documents.annotation_sets(other, D004, "anna")
        assert {(s.start, s.end, s.label, s.origin) for s in back.spans} == {
            (e["start"], e["end"], e["label"], e.get("origin")) for e in line["entities"]}
        (claim,) = back.claims
        assert claim.origin == copies_owner("anna")
        use = {(u.source, u.label): u.accepted for u in suggestions.suggestion_use(other)}
        assert use[("model:rules", rule.label)] == 1  # measures over provenance survive the trip
        again = io.BytesIO()
        exporting.export(other, again, owner="anna")
        assert orjson.loads(again.getvalue().splitlines()[0])["entities"] == line["entities"]
    finally:
        other.close()
