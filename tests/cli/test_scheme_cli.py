"""`annotator schema`: share a scheme file, rename, merge, delete and undo from the command line."""

from __future__ import annotations

import orjson

from tests.cli.test_team_cli import DOC, db, run  # noqa: F401  (db is a fixture)


def labels(capsys, db, owner="anna") -> list[str]:
    line = orjson.loads(run(capsys, db, "export", "-o", "-", "--annotator", owner, "--docs", DOC)[1])
    return [e["label"] for e in line["entities"]]


def test_merge_delete_and_undo_need_a_curator_and_carry_the_spans(capsys, db):
    assert run(capsys, db, "label", DOC, "0", "19", "PER", "--annotator", "anna")[0] == 0
    code, _, err = run(capsys, db, "schema", "--merge", "PER", "ROLE", "--user", "anna")
    assert code == 1 and "only curators change the scheme" in err
    code, out, _ = run(capsys, db, "schema", "--merge", "PER", "ROLE", "--user", "cora")
    assert code == 0 and "moved 1 spans" in out and labels(capsys, db) == ["ROLE"]
    code, out, _ = run(capsys, db, "schema", "--undo", "--user", "cora")
    assert code == 0 and labels(capsys, db) == ["PER"]
    code, out, _ = run(capsys, db, "schema", "--delete", "PER", "--user", "cora")
    assert code == 0 and "removed 1 spans" in out and labels(capsys, db) == []


def test_a_scheme_file_goes_from_one_database_to_another(capsys, db, tmp_path, make_db_target):
    assert run(capsys, db, "schema", "--rename", "ROLE", "TITLE", "--user", "cora")[0] == 0
    shared = tmp_path / "scheme.json"
    assert run(capsys, db, "schema", "--export", str(shared))[0] == 0
    other = make_db_target("other")
    assert run(capsys, other, "import", "--sample")[0] == 0
    code, out, _ = run(capsys, other, "schema", "--import", str(shared))
    assert code == 0 and "Import scheme scheme.json" in out
    shown = orjson.loads(run(capsys, other, "schema", "--json")[1])
    assert [e["name"] for e in shown["entities"]][-1] == "TITLE"


def test_a_broken_scheme_file_is_reported_with_its_line(capsys, db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "entities": [\n', encoding="utf-8")
    code, _, err = run(capsys, db, "schema", "--import", str(bad), "--user", "cora")
    assert code == 1 and err.startswith(f"{bad}:3: not JSON")
