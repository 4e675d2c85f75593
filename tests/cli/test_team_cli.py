"""`users`, `assign`, `progress`, `docs --annotator`, `curate` and `--user` from the command line."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli.main import main

DOC = "000_598509fc61278558"  # starts "Касым-Жомарт Токаев отметил ..."


def run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(capsys, tmp_path, db_target):
    path = db_target
    assert run(capsys, path, "import", "--sample")[0] == 0
    assert run(capsys, path, "users", "add", "cora", "--role", "curator")[0] == 0
    assert run(capsys, path, "users", "add", "anna", "--role", "annotator", "--user", "cora")[0] == 0
    return path


def gold_line(capsys, db) -> dict | None:
    out = run(capsys, db, "export", "-o", "-", "--annotator", "gold", "--docs", DOC)[1]
    return orjson.loads(out) if out.strip() else None


def test_users_list(capsys, db):
    code, out, _ = run(capsys, db, "users", "list")
    assert code == 0 and out.split() == ["anna", "annotator", "cora", "curator"]


def test_an_annotator_writing_gold_is_refused(capsys, db):
    code, _, err = run(capsys, db, "label", DOC, "0", "19", "PER", "--annotator", "gold", "--user", "anna")
    assert code == 1 and "'anna' is not a curator: only curators write gold" in err
    code, _, err = run(capsys, db, "label", DOC, "0", "19", "PER", "--annotator", "gold")  # user defaults to gold
    assert code == 1 and "only curators write gold" in err
    code, _, err = run(capsys, db, "curate", DOC, "--take", "anna", "--user", "anna")
    assert code == 1 and "only curators write gold" in err
    assert gold_line(capsys, db) is None


def test_curate_accept_agreed_then_mark_curated(capsys, db):
    for owner in ("anna", "boris"):
        assert run(capsys, db, "label", DOC, "0", "19", "PER", "--annotator", owner)[0] == 0
    run(capsys, db, "label", DOC, "20", "27", "EVENT", "--annotator", "anna")  # only anna
    code, out, err = run(capsys, db, "curate", DOC, "--accept-agreed", "--mark-curated", "--user", "cora")
    assert code == 0, err
    assert "Accept 1 agreed annotation(s) of anna, boris" in out and "Mark curated" in out
    line = gold_line(capsys, db)
    assert line["status"] == "curated"
    assert [(e["label"], e["text"]) for e in line["entities"]] == [("PER", "Касым-Жомарт Токаев")]
    code, out, _ = run(capsys, db, "log", "--annotator", "gold")
    assert "cora for gold" in out
    assert run(capsys, db, "undo", "--annotator", "gold", "--user", "cora")[1].strip() == "Undo: Mark curated"


def test_assign_progress_and_queue(capsys, db):
    code, out, _ = run(capsys, db, "assign", "--annotators", "anna,boris,vera", "--per-doc", "2")
    assert code == 0 and out.startswith("10 assignment(s) made")
    code, out, _ = run(capsys, db, "progress", "--json")
    table = {r["annotator"]: r for r in orjson.loads(out)}
    assert sum(r["assigned"] for r in table.values()) == 10
    code, out, _ = run(capsys, db, "docs", "--annotator", "anna", "--json")
    queue = orjson.loads(out)
    assert len(queue) == table["anna"]["assigned"]
    run(capsys, db, "status", queue[0]["id"], "done", "--annotator", "anna")
    code, out, _ = run(capsys, db, "progress")
    anna = next(line for line in out.splitlines() if line.startswith("anna"))
    assert anna.split()[1:4] == ["1", "/", str(table["anna"]["assigned"])]


def test_curate_needs_something_to_do(capsys, db):
    code, _, err = run(capsys, db, "curate", DOC, "--user", "cora")
    assert code == 1 and "--accept-agreed" in err
