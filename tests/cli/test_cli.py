"""The command line: ``annotator.cli.main.main([...])`` in process, and the console script for real.

Exit status: 0 success, 1 the work failed (message on stderr), 2 a usage error.
Every test points ``$ANNOTATOR_DB`` into ``tmp_path``, so nothing touches the
user's data directory.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types
from pathlib import Path

import orjson
import pytest

from annotator.cli.main import main
from annotator.services import documents
from annotator.services.workspace import Workspace

SCRIPT = Path(sys.executable).with_name("annotator")  # the venv's console script
DOC = "000_598509fc61278558"
DOC1 = "001_1fc550a04f713c8c"
SAMPLE = {  # id: (date, length in code points)
    "000_598509fc61278558": ("2025-11-16", 2608),
    "001_1fc550a04f713c8c": ("2025-11-15", 2023),
    "002_c0882ce87bb2ddc4": ("2025-11-15", 7233),
    "003_7fa7a90ba42b20d6": ("2025-11-15", 3530),
    "004_c352576d79d9da91": ("2025-11-15", 2471),
}
ENTITY_HOTKEYS = {"PER": "1", "ORG": "2", "GPE": "3", "LOC": "4", "FAC": "5", "EVENT": "6", "DOC": "7",
                  "MONEY": "8", "DATE": "9", "NUM": "0", "ROLE": "R"}


@pytest.fixture(autouse=True)
def env_db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("ANNOTATOR_DB", str(path))
    return path


@pytest.fixture
def db(db_target) -> str:
    return db_target


class Cli:
    def __init__(self, capsys, db: Path):
        self.capsys = capsys
        self.db = db

    def __call__(self, *args: str, db: Path | None | bool = True) -> tuple[int, str, str]:
        """Run ``annotator [--db DB] ARGS``; returns (exit code, stdout, stderr)."""
        argv = list(args)
        if db is True:
            argv = ["--db", str(self.db), *argv]
        elif db:
            argv = ["--db", str(db), *argv]
        self.capsys.readouterr()
        code = main(argv)
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str, **kw) -> str:
        code, out, err = self(*args, **kw)
        assert code == 0, err
        return out


@pytest.fixture
def cli(capsys, db) -> Cli:
    return Cli(capsys, db)


@pytest.fixture
def sample(cli) -> Cli:
    cli.ok("import", "--sample")
    return cli


def text_of(db: Path, document_id: str = DOC) -> str:
    with Workspace.open(str(db)) as workspace:
        return documents.document(workspace, document_id).text


def offsets(db: Path, needle: str, document_id: str = DOC) -> tuple[int, int]:
    text = text_of(db, document_id)
    start = text.find(needle)
    assert start >= 0, needle
    return start, start + len(needle)


def label(cli: Cli, needle: str, name: str, annotator: str = "anna", document_id: str = DOC) -> int:
    start, end = offsets(cli.db, needle, document_id)
    out = cli.ok("label", document_id, str(start), str(end), name, "--annotator", annotator)
    return int(out.strip())


def run_script(*args: str, env_db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ANNOTATOR_DB": str(env_db)}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=120)


# -------------------------------------------------------------- --db and env


def test_annotator_db_environment_variable_is_the_default(cli, env_db):
    cli.ok("import", "--sample", db=False)
    assert env_db.exists()
    out = cli.ok("docs", db=False)
    assert all(doc_id in out for doc_id in SAMPLE)


def test_annotator_db_environment_variable_takes_a_url_or_a_path(cli, db, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DB", db)  # a postgresql:// URL on the PostgreSQL run
    cli.ok("import", "--sample", db=False)
    out = cli.ok("docs", db=True)
    assert all(doc_id in out for doc_id in SAMPLE)


def test_db_option_wins_over_the_environment(cli, env_db, db):
    cli.ok("import", "--sample", db=db)
    assert not env_db.exists()

    out = cli.ok("docs", db=db)
    assert all(doc_id in out for doc_id in SAMPLE)
    out = cli.ok("docs", db=False)  # the environment's database: empty
    assert not any(doc_id in out for doc_id in SAMPLE)


# ----------------------------------------------------------------- docs


def test_import_sample_reports_five_documents(cli):
    out = cli.ok("import", "--sample")
    assert out.startswith("imported: 5 document(s) added")


def test_docs_lists_ids_with_dates_and_lengths(sample):
    out = sample.ok("docs")
    lines = out.splitlines()
    assert lines[0].split() == ["id", "date", "length", "sets"]
    rows = [line.split() for line in lines[1:]]
    assert rows == [[doc_id, date, str(length), "-"] for doc_id, (date, length) in SAMPLE.items()]


def test_docs_shows_sets_and_status(sample):
    label(sample, "Касым-Жомарт Токаев", "PER", "anna")
    label(sample, "Касым-Жомарт Токаев", "PER", "boris")
    row = next(line for line in sample.ok("docs").splitlines() if line.startswith(DOC))
    assert row.split()[3:] == ["anna:in_progress,", "boris:in_progress"]


def test_docs_json_has_id_date_length_and_sets(sample):
    label(sample, "Касым-Жомарт Токаев", "PER", "anna")
    rows = orjson.loads(sample.ok("docs", "--json"))
    assert [r["id"] for r in rows] == list(SAMPLE)
    for row in rows:
        assert (row["date"], row["length"]) == SAMPLE[row["id"]]
    by_id = {r["id"]: r for r in rows}
    assert by_id[DOC]["sets"] == [{"annotator": "anna", "status": "in_progress"}]
    assert by_id[DOC1]["sets"] == []


def test_docs_json_of_an_empty_database_is_an_empty_list(cli):
    assert orjson.loads(cli.ok("docs", "--json")) == []


# ------------------------------------------------------------ label, show


def test_label_prints_the_new_id_and_show_marks_it(sample):
    span_id = label(sample, "Касым-Жомарт Токаев", "PER")
    out = sample.ok("show", DOC, "--annotator", "anna")
    assert f"[Касым-Жомарт Токаев]PER#{span_id}" in out
    start, end = offsets(sample.db, "Касым-Жомарт Токаев")
    assert re.search(rf"^\s*{span_id}\s+PER\s+{start}\s+{end}\s+'Касым-Жомарт Токаев'$", out, re.M)
    assert "## anna (in_progress)" in out


def test_label_ids_increase(sample):
    first = label(sample, "Касым-Жомарт Токаев", "PER")
    second = label(sample, "Президент Казахстана", "ROLE")
    assert second > first


def test_show_nests_brackets_for_nested_spans(sample):
    role_start, role_end = offsets(sample.db, "Президент Казахстана")
    role = int(sample.ok("label", DOC, str(role_start), str(role_end), "ROLE", "--annotator", "anna"))
    gpe = int(sample.ok("label", DOC, str(role_end - len("Казахстана")), str(role_end), "GPE",
                        "--annotator", "anna"))
    out = sample.ok("show", DOC, "--annotator", "anna")
    assert f"[Президент [Казахстана]GPE#{gpe}]ROLE#{role}" in out


def test_show_nests_brackets_for_spans_that_start_together(sample):
    outer = label(sample, "Касым-Жомарт Токаев", "PER")
    inner = label(sample, "Касым-Жомарт", "PER")
    out = sample.ok("show", DOC, "--annotator", "anna")
    assert f"[[Касым-Жомарт]PER#{inner} Токаев]PER#{outer}" in out


def test_show_without_a_set_prints_the_text(sample):
    out = sample.ok("show", DOC1, "--annotator", "anna")
    assert "'anna' has no set" in out
    assert text_of(sample.db, DOC1) in out


def test_show_of_an_unknown_document_fails(sample):
    code, out, err = sample("show", "nope", "--annotator", "anna")
    assert code == 1 and "nope" in err and out == ""


def test_label_with_an_unknown_label_fails(sample):
    code, out, err = sample("label", DOC, "0", "19", "PERSON", "--annotator", "anna")
    assert code == 1
    assert "unknown label 'PERSON'" in err
    assert out == ""


def test_label_for_the_reserved_owner_all_fails(sample):
    code, _out, err = sample("label", DOC, "0", "19", "PER", "--annotator", "all")
    assert code == 1 and "reserved" in err


# ------------------------------------------------------------------ unlabel


def test_unlabel_removes_the_span(sample):
    span_id = label(sample, "Касым-Жомарт Токаев", "PER")
    kept = label(sample, "Президент Казахстана", "ROLE")
    out = sample.ok("unlabel", DOC, str(span_id), "--annotator", "anna")
    assert out.strip() == f"removed span {span_id}"
    shown = sample.ok("show", DOC, "--annotator", "anna")
    assert f"PER#{span_id}" not in shown
    assert f"ROLE#{kept}" in shown


def test_unlabel_refuses_a_span_of_another_document(sample):
    other = label(sample, "Касым-Жомарт Токаев", "PER", document_id=DOC1)
    label(sample, "Касым-Жомарт Токаев", "PER")
    code, out, err = sample("unlabel", DOC, str(other), "--annotator", "anna")
    assert code == 1 and out == ""
    assert f"no span {other}" in err
    assert f"PER#{other}" in sample.ok("show", DOC1, "--annotator", "anna")  # still there


def test_unlabel_refuses_a_span_of_another_owner(sample):
    borises = label(sample, "Касым-Жомарт Токаев", "PER", "boris")
    label(sample, "Президент Казахстана", "ROLE", "anna")
    code, out, err = sample("unlabel", DOC, str(borises), "--annotator", "anna")
    assert code == 1 and out == ""
    assert "anna" in err and str(borises) in err
    assert f"PER#{borises}" in sample.ok("show", DOC, "--annotator", "boris")


# --------------------------------------------------------------- undo, redo


def test_undo_and_redo_print_the_action_label(sample):
    span_id = label(sample, "Касым-Жомарт Токаев", "PER")
    assert sample.ok("undo", "--annotator", "anna").strip() == "Undo: Add PER span"
    assert f"PER#{span_id}" not in sample.ok("show", DOC, "--annotator", "anna")
    assert sample.ok("redo", "--annotator", "anna").strip() == "Redo: Add PER span"
    assert f"[Касым-Жомарт Токаев]PER#{span_id}" in sample.ok("show", DOC, "--annotator", "anna")


def test_undo_with_nothing_to_undo_fails_with_a_message(sample):
    code, out, err = sample("undo", "--annotator", "anna")
    assert code == 1 and out == ""
    assert "nothing to undo" in err and "anna" in err


def test_redo_with_nothing_to_redo_fails_with_a_message(sample):
    label(sample, "Касым-Жомарт Токаев", "PER")
    code, out, err = sample("redo", "--annotator", "anna")
    assert code == 1 and out == ""
    assert "nothing to redo" in err


def test_undo_is_per_annotator(sample):
    label(sample, "Касым-Жомарт Токаев", "PER", "boris")
    code, _out, err = sample("undo", "--annotator", "anna")
    assert code == 1 and "nothing to undo" in err
    assert sample.ok("undo", "--annotator", "boris").strip() == "Undo: Add PER span"


# ------------------------------------------------------------------- schema


def test_schema_lists_the_eleven_entity_labels_with_hotkeys(cli):
    out = cli.ok("schema")
    lines = out.splitlines()
    block = lines[lines.index("entities:") + 1: lines.index("claim types:")]
    found = {}
    for line in block:
        hotkey, name = line.split()[:2]
        found[name] = hotkey
    assert found == ENTITY_HOTKEYS
    assert [line.split()[1] for line in block] == list(ENTITY_HOTKEYS)  # in the scheme's order


def test_schema_json_lists_the_eleven_entity_labels_with_hotkeys(cli):
    body = orjson.loads(cli.ok("schema", "--json"))
    assert {e["name"]: e["hotkey"] for e in body["entities"]} == ENTITY_HOTKEYS
    assert len(body["entities"]) == 11
    assert body["version"] >= 1
    assert {c["name"] for c in body["claim_types"]} == {"STAT", "FACT", "PLAN", "PROPOSAL", "OPINION"}


# ------------------------------------------------------------------- export


@pytest.fixture
def annotated(sample) -> Cli:
    """anna: one span in DOC; boris: one span in DOC and one in DOC1."""
    label(sample, "Касым-Жомарт Токаев", "PER", "anna")
    label(sample, "Президент Казахстана", "ROLE", "boris")
    label(sample, "Касым-Жомарт Токаев", "PER", "boris", document_id=DOC1)
    return sample


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_export_all_writes_one_line_per_set_and_bare_documents_once(annotated, tmp_path):
    out = tmp_path / "all.jsonl"
    code, _stdout, err = annotated("export", "-o", str(out), "--annotator", "all")
    assert code == 0, err
    lines = read_jsonl(out)
    assert [(line["id"], line["annotator"]) for line in lines] == [
        (DOC, "anna"), (DOC, "boris"), (DOC1, "boris"),
        ("002_c0882ce87bb2ddc4", None), ("003_7fa7a90ba42b20d6", None), ("004_c352576d79d9da91", None),
    ]
    for line in lines:
        if line["annotator"] is None:
            assert (line["entities"], line["claims"], line["relations"]) == ([], [], [])
        else:
            assert len(line["entities"]) == 1
            entity = line["entities"][0]
            assert line["text"][entity["start"]:entity["end"]] == entity["text"]
    assert "exported 6 record(s) of 5 document(s)" in err


def test_export_defaults_to_all(annotated, tmp_path):
    out = tmp_path / "default.jsonl"
    annotated.ok("export", "-o", str(out))
    assert len(read_jsonl(out)) == 6


def test_export_one_annotator_writes_only_their_sets(annotated, tmp_path):
    out = tmp_path / "anna.jsonl"
    annotated.ok("export", "-o", str(out), "--annotator", "anna")
    (line,) = read_jsonl(out)
    assert (line["id"], line["annotator"], line["status"]) == (DOC, "anna", "in_progress")
    assert [(e["label"], e["text"]) for e in line["entities"]] == [("PER", "Касым-Жомарт Токаев")]


def test_export_docs_limits_the_documents(annotated, tmp_path):
    out = tmp_path / "some.jsonl"
    annotated.ok("export", "-o", str(out), "--annotator", "all", "--docs", f"{DOC1},004_c352576d79d9da91")
    assert [(line["id"], line["annotator"]) for line in read_jsonl(out)] == [
        (DOC1, "boris"), ("004_c352576d79d9da91", None)]


def test_export_of_an_unknown_document_is_an_error(annotated, tmp_path):
    out = tmp_path / "bad.jsonl"
    code, _stdout, err = annotated("export", "-o", str(out), "--docs", f"{DOC},nope")
    assert code == 1
    assert "nope" in err
    assert not out.exists()
    assert list(tmp_path.glob("*.partial")) == []


def test_export_to_stdout(annotated):
    out = annotated.ok("export", "-o", "-", "--annotator", "boris")
    lines = [orjson.loads(line) for line in out.splitlines()]
    assert [(line["id"], line["annotator"]) for line in lines] == [(DOC, "boris"), (DOC1, "boris")]


# ---------------------------------------------------------- validate, import


def _jsonl_line(text: str, entities: list[dict], annotator: str = "anna", doc_id: str = "d1") -> bytes:
    return orjson.dumps({"id": doc_id, "text": text, "meta": {"date": "2025-11-15"}, "annotator": annotator,
                         "status": "in_progress", "entities": entities, "claims": [], "relations": []})


TEXT = "Касым-Жомарт Токаев прибыл в Ташкент."


@pytest.fixture
def good_jsonl(tmp_path) -> Path:
    path = tmp_path / "good.jsonl"
    path.write_bytes(_jsonl_line(TEXT, [{"id": "T1", "start": 0, "end": 19, "label": "PER",
                                         "text": "Касым-Жомарт Токаев"}]) + b"\n")
    return path


@pytest.fixture
def bad_jsonl(tmp_path) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join([
        _jsonl_line(TEXT, [{"id": "T1", "start": 0, "end": 19, "label": "PER", "text": "Касым-Жомарт Токаев"}]),
        b"{not json",
        _jsonl_line(TEXT, [{"id": "T1", "start": 0, "end": 19, "label": "PERSON", "text": "Касым-Жомарт Токаев"}],
                    doc_id="d2"),
        _jsonl_line(TEXT, [{"id": "T1", "start": 0, "end": 5, "label": "PER", "text": "Токаев"}], doc_id="d3"),
    ]) + b"\n")
    return path


def problem_lines(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"{path}:")]


def test_validate_reports_file_line_message_and_fails(cli, bad_jsonl):
    code, out, err = cli("validate", str(bad_jsonl))
    assert code == 1 and "ok" not in out
    lines = problem_lines(err, bad_jsonl)
    assert [int(line.split(":")[1]) for line in lines] == [2, 3, 4]
    assert "unknown label 'PERSON'" in lines[1]
    assert "does not match" in lines[2]


def test_validate_prints_the_same_problems_as_import(cli, bad_jsonl):
    _code, _out, validate_err = cli("validate", str(bad_jsonl))
    code, _out, import_err = cli("import", str(bad_jsonl))
    assert code == 1
    assert problem_lines(import_err, bad_jsonl) == problem_lines(validate_err, bad_jsonl) != []
    assert "nothing was imported" in import_err
    assert orjson.loads(cli.ok("docs", "--json")) == []  # all or nothing


def test_validate_a_good_file_says_ok(cli, good_jsonl):
    code, out, err = cli("validate", str(good_jsonl))
    assert (code, out.strip(), err) == (0, "ok", "")


def test_validate_creates_no_database(cli, bad_jsonl, good_jsonl, tmp_path, env_db):
    missing = tmp_path / "never" / "made.sqlite3"
    code, _out, _err = cli("validate", str(good_jsonl), db=missing)
    assert code == 0
    code, _out, _err = cli("validate", str(bad_jsonl), db=missing)
    assert code == 1
    assert not missing.exists() and not missing.parent.exists()
    cli("validate", str(good_jsonl), db=False)  # nor the one named by the environment
    assert not env_db.exists()


def test_import_of_a_good_file_adds_its_set(cli, good_jsonl):
    out = cli.ok("import", str(good_jsonl))
    assert "1 document(s) added" in out and "1 set(s) added" in out
    assert "[Касым-Жомарт Токаев]PER#" in cli.ok("show", "d1", "--annotator", "anna")


# ------------------------------------------------------------- usage errors


@pytest.mark.parametrize("argv", [
    ["label", DOC, "0", "19", "PER"],  # no --annotator
    ["unlabel", DOC, "1"],
    ["undo"],
    ["import"],  # neither paths nor --sample
    ["import", "x.jsonl", "--sample"],  # both
    ["label", DOC, "zero", "19", "PER", "--annotator", "anna"],
    ["export"],  # no -o
    ["no-such-command"],
])
def test_usage_errors_exit_2(cli, argv, capsys):
    with pytest.raises(SystemExit) as caught:
        cli(*argv)
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_no_command_opens_the_window(cli, monkeypatch):
    """Without a command the window opens (run_gui stubbed: no Qt here); see tests/gui/test_app.py."""
    opened = []
    gui_app = types.ModuleType("annotator.gui.app")
    gui_app.run_gui = lambda db=None: opened.append(db) or 0
    monkeypatch.setitem(sys.modules, "annotator.gui.app", gui_app)
    code, out, err = cli()
    assert code == 0 and opened == [str(cli.db)]


# --------------------------------------------------------- the console script


def test_console_script_imports_and_lists(tmp_path, env_db):
    db = tmp_path / "script.sqlite3"
    done = run_script("--db", str(db), "import", "--sample", env_db=env_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported: 5 document(s) added")
    done = run_script("docs", "--json", env_db=db)  # the database named by $ANNOTATOR_DB
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in orjson.loads(done.stdout)] == list(SAMPLE)


def test_console_script_exit_codes(tmp_path, env_db):
    db = tmp_path / "script.sqlite3"
    assert run_script("--db", str(db), "import", "--sample", env_db=env_db).returncode == 0

    nothing = run_script("--db", str(db), "undo", "--annotator", "anna", env_db=env_db)
    assert nothing.returncode == 1
    assert "nothing to undo" in nothing.stderr and nothing.stdout == ""

    usage = run_script("import", env_db=env_db)
    assert usage.returncode == 2
    assert "usage:" in usage.stderr

    labelled = run_script("--db", str(db), "label", DOC, "0", "19", "PER", "--annotator", "anna", env_db=env_db)
    assert labelled.returncode == 0, labelled.stderr
    span_id = int(labelled.stdout)
    shown = run_script("--db", str(db), "show", DOC, "--annotator", "anna", env_db=env_db)
    assert f"[Касым-Жомарт Токаев]PER#{span_id}" in shown.stdout
    assert not env_db.exists()  # --db was used throughout


def test_python_dash_m_annotator_runs_the_same_main(env_db):
    done = subprocess.run([sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True,
                          env={**os.environ, "ANNOTATOR_DB": str(env_db)}, timeout=60)
    assert done.returncode == 0
    assert done.stdout.startswith("annotator ")
