"""`note`, `notes` and `unnote` from the command line."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli.main import main

DOC = "000_598509fc61278558"  # starts "Касым-Жомарт Токаев отметил ..."
OTHER = "001_1fc550a04f713c8c"


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
    assert run(capsys, path, "users", "add", "boris", "--role", "annotator", "--user", "cora")[0] == 0
    return path


def label(capsys, db, owner="anna") -> int:
    code, out, err = run(capsys, db, "label", DOC, "0", "19", "PER", "--annotator", owner)
    assert code == 0, err
    return int(out)


def listed(capsys, db, *args) -> list[dict]:
    code, out, err = run(capsys, db, "notes", "--json", *args)
    assert code == 0, err
    return orjson.loads(out)


def test_note_on_a_span_and_on_the_document_then_list_them(capsys, db):
    span = label(capsys, db)
    code, out, err = run(capsys, db, "note", DOC, "--span", str(span), "--text", "он ли это?", "--unsure",
                         "--annotator", "anna")
    assert code == 0, err
    on_span = int(out)
    code, out, err = run(capsys, db, "note", DOC, "--text", "вне темы", "--annotator", "boris")
    assert code == 0, err
    on_document = int(out)

    code, out, err = run(capsys, db, "notes")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["id", "document", "annotator", "target", "unsure", "author", "text"]
    anna_line = next(line for line in lines if " anna " in line)
    assert f"PER#{span} \"Касым-Жомарт Токаев\"" in anna_line and " yes " in anna_line
    assert anna_line.endswith("он ли это?") and anna_line.split()[0] == str(on_span)
    boris_line = next(line for line in lines if " boris " in line)
    assert " document " in boris_line and boris_line.endswith("вне темы") and " yes " not in boris_line

    (found,) = listed(capsys, db, "--unsure")
    assert found == {**found, "id": on_span, "document": DOC, "annotator": "anna", "target": "span",
                     "target_id": span, "target_label": "PER", "target_start": 0, "target_end": 19,
                     "target_text": "Касым-Жомарт Токаев", "unsure": True, "text": "он ли это?", "author": "anna"}
    assert [n["id"] for n in listed(capsys, db, "--annotator", "boris")] == [on_document]
    assert [n["id"] for n in listed(capsys, db, "--docs", OTHER)] == []
    assert sorted(n["id"] for n in listed(capsys, db, "--docs", f"{OTHER},{DOC}")) == sorted([on_span, on_document])


def test_a_flag_alone_and_an_empty_note(capsys, db):
    code, out, err = run(capsys, db, "note", DOC, "--unsure", "--annotator", "anna")
    assert code == 0, err
    (found,) = listed(capsys, db)
    assert (found["unsure"], found["text"], found["target"]) == (True, "", "document")
    code, out, err = run(capsys, db, "note", DOC, "--annotator", "anna")
    assert (code, out) == (1, "") and err == "annotator: error: a note needs a text or the unsure flag\n"
    code, _, err = run(capsys, db, "note", DOC, "--text", "x")
    assert code == 1 and err.startswith("annotator: error: ") and "--annotator" in err


def test_refusals_write_nothing(capsys, db):
    borises = label(capsys, db, "boris")
    code, _, err = run(capsys, db, "note", DOC, "--span", str(borises), "--text", "x", "--annotator", "anna")
    assert code == 1 and err == f"annotator: error: span {borises} belongs to 'boris''s set, not 'anna''s\n"
    code, _, err = run(capsys, db, "note", DOC, "--text", "x", "--annotator", "boris", "--user", "anna")
    assert code == 1 and "annotator: error: 'anna' cannot change 'boris''s set" in err
    code, _, err = run(capsys, db, "note", "nope", "--text", "x", "--annotator", "anna")
    assert code == 1 and err == "annotator: error: no document 'nope'\n"
    assert listed(capsys, db) == []
    code, out, _ = run(capsys, db, "notes")
    assert (code, out) == (0, "no notes\n")


def test_a_curator_notes_in_an_annotators_set(capsys, db):
    code, _, err = run(capsys, db, "note", DOC, "--text", "проверь", "--annotator", "anna", "--user", "cora")
    assert code == 0, err
    (found,) = listed(capsys, db)
    assert (found["annotator"], found["author"]) == ("anna", "cora")


def test_unnote_and_undo(capsys, db):
    note_id = int(run(capsys, db, "note", DOC, "--text", "мысль", "--annotator", "anna")[1])
    code, _, err = run(capsys, db, "unnote", str(note_id), "--annotator", "boris")
    assert code == 1 and err == f"annotator: error: note {note_id} belongs to 'anna''s set, not 'boris''s\n"
    code, _, err = run(capsys, db, "unnote", "999", "--annotator", "anna")
    assert code == 1 and err == "annotator: error: no note 999\n"
    assert len(listed(capsys, db)) == 1

    code, out, err = run(capsys, db, "unnote", str(note_id), "--annotator", "anna")
    assert (code, out) == (0, f"removed note {note_id}\n"), err
    assert listed(capsys, db) == []
    assert run(capsys, db, "undo", "--annotator", "anna")[1] == "Undo: Remove note\n"
    assert [n["id"] for n in listed(capsys, db)] == [note_id]


def test_unlabel_takes_the_note_and_undo_brings_it_back(capsys, db):
    span = label(capsys, db)
    run(capsys, db, "note", DOC, "--span", str(span), "--unsure", "--annotator", "anna")
    before = listed(capsys, db)
    assert run(capsys, db, "unlabel", DOC, str(span), "--annotator", "anna")[0] == 0
    assert listed(capsys, db) == []
    run(capsys, db, "undo", "--annotator", "anna")
    assert listed(capsys, db) == before


def test_unnote_needs_the_annotator(capsys, db):
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(db), "unnote", "1"])
    assert exited.value.code == 2
    assert "--annotator" in capsys.readouterr().err
