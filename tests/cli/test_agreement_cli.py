"""`annotator agreement` over another team's JSONL: several annotators' lines for the same documents."""

from __future__ import annotations

import csv
import io

import orjson
import pytest

from annotator.cli.main import main

TEXT = "Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент 15 ноября."


def span(sid, needle, label):
    start = TEXT.index(needle)
    return {"id": sid, "start": start, "end": start + len(needle), "label": label, "text": needle}


LINES = [
    {"id": "d1", "text": TEXT, "annotator": "anna", "status": "done",
     "entities": [span("T1", "Президент Казахстана", "ROLE"), span("T2", "Касым-Жомарт Токаев", "PER"),
                  span("T3", "Ташкент", "GPE"), span("T4", "15 ноября", "DATE")]},
    {"id": "d1", "text": TEXT, "annotator": "boris", "status": "in_progress",
     "entities": [span("T1", "Президент Казахстана", "ROLE"), span("T2", "Касым-Жомарт Токаев", "PER"),
                  span("T3", "Ташкент", "LOC"), span("T4", "15 ноября", "DATE")]},
]


def run(capsys, db, *args):
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(capsys, tmp_path, db_target):
    path = tmp_path / "elsewhere.jsonl"
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in LINES))
    database = db_target
    code, out, err = run(capsys, database, "import", str(path))
    assert code == 0, err
    assert "1 document(s) added" in out and "2 set(s) added" in out  # one text, two annotators' sets
    return database


def test_agreement_of_an_imported_team(capsys, db):
    code, out, err = run(capsys, db, "agreement", "--json")
    assert code == 0, err
    result = orjson.loads(out)
    assert result["annotators"] == ["anna", "boris"] and result["documents"] == 1
    (pair,) = result["pairwise"]
    assert pair["exact"]["matched"] == 3 and pair["exact"]["f1"] == pytest.approx(0.75)
    # tokens: 11 tokens, Ташкент differs (GPE vs LOC)
    tokens = result["tokens"]
    assert tokens["units"] == len(["Президент", "Казахстана", "Касым-Жомарт", "Токаев", "прибыл", "в",
                                   "Ташкент", "15", "ноября", "."])
    assert tokens["krippendorff"]["value"] < 1.0 and tokens["cohen"][0]["value"] < 1.0


def test_label_filter_and_done_only(capsys, db):
    result = orjson.loads(run(capsys, db, "agreement", "--json", "--label", "PER")[1])
    assert result["pairwise"][0]["exact"]["f1"] == 1.0
    result = orjson.loads(run(capsys, db, "agreement", "--json", "--done-only")[1])
    (pair,) = result["pairwise"]  # boris is not done: no document has both sets
    assert pair["documents"] == 0 and pair["exact"]["matched"] == 0


def test_agreement_text_and_csv(capsys, db):
    code, out, _ = run(capsys, db, "agreement")
    assert code == 0 and "Krippendorff's alpha (nominal)" in out and "anna" in out
    code, out, _ = run(capsys, db, "agreement", "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][0] == "table" and any(r[0] == "pairs" and r[2:4] == ["anna", "boris"] for r in rows)
