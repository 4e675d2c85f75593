"""The command line at its edges: output paths, files that are not ours, names, and what reaches a terminal.

Each case ends as one clear line on stderr and exit 1, with nothing destroyed, never a traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson
import pytest

from annotator.cli import terminal
from annotator.storage import open_store
from tests.cli.test_cli import DOC, Cli, cli, db, env_db, sample  # noqa: F401  (fixtures)


def _has_psycopg() -> bool:
    import importlib.util

    return importlib.util.find_spec("psycopg") is not None


def refused(cli: Cli, *args: str, match: str, **kw) -> str:
    code, _out, err = cli(*args, **kw)
    assert code == 1, err
    assert "Traceback" not in err
    assert err.startswith("annotator: error: ") and err.count("\n") == 1, err
    assert match in err, err
    return err


@pytest.mark.sqlite_only  # a file to protect: a server's database has none
def test_export_over_the_open_database_is_refused_and_the_work_survives(sample: Cli, db: str) -> None:
    db = Path(db)
    sample.ok("label", DOC, "0", "7", "GPE", "--annotator", "anna")
    before = db.read_bytes()
    refused(sample, "export", "-o", str(db), match="is the open database")
    refused(sample, "export", "-o", str(db), "--force", match="is the open database")
    refused(sample, "schema", "--export", str(db), match="is the open database")
    assert db.read_bytes() == before
    assert "GPE" in sample.ok("show", DOC, "--annotator", "anna")


@pytest.mark.parametrize("target, message", [
    ("adir", "is a folder"),
    ("missing/dir/out.jsonl", "does not exist"),
])
def test_export_to_a_folder_or_a_missing_folder_is_one_line(sample: Cli, tmp_path: Path, target: str,
                                                            message: str) -> None:
    (tmp_path / "adir").mkdir()
    refused(sample, "export", "-o", str(tmp_path / target), match=message)
    refused(sample, "schema", "--export", str(tmp_path / target), match=message)


def test_schema_export_over_a_file_not_ours_needs_force(sample: Cli, tmp_path: Path) -> None:
    theirs = tmp_path / "scheme.json"
    theirs.write_text("my own scheme notes\n")
    refused(sample, "schema", "--export", str(theirs), match="was not written by annotator")
    assert theirs.read_text() == "my own scheme notes\n"
    sample.ok("schema", "--export", str(theirs), "--force")
    assert orjson.loads(theirs.read_bytes())["name"]
    refused(sample, "schema", "--export", "/proc/version", match="/proc/version")


def test_export_over_another_sqlite_file_needs_force(sample: Cli, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    Cli(sample.capsys, other).ok("import", "--sample")
    before = other.read_bytes()
    refused(sample, "export", "-o", str(other), match="is a SQLite database")
    assert other.read_bytes() == before


def _foreign_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Анна')")
    connection.commit()
    connection.close()
    return path


def _text_file(path: Path) -> Path:
    path.write_text("my notes\n")
    return path


def _corrupt_sqlite(path: Path) -> Path:
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize("make, message", [
    (_text_file, "not a SQLite database"),
    (_corrupt_sqlite, "not a SQLite database (another kind of file, or a damaged one)"),
    (_folder, "is a folder, not a database"),
    (_foreign_sqlite, "it is not an annotator database"),
])
def test_db_that_is_not_ours_is_one_line_and_left_untouched(cli: Cli, tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path / "notes.txt")
    before = path.read_bytes() if path.is_file() else None
    for command in (["docs"], ["import", "--sample"], ["export", "-o", str(tmp_path / "out.jsonl")]):
        refused(cli, *command, db=path, match=message)
    if before is not None:
        assert path.read_bytes() == before
    assert not any(p.name.startswith("notes.txt.") for p in tmp_path.iterdir())  # no backup, no journal


@pytest.mark.parametrize("url, message", [
    # without the postgres extra installed, the same line says which driver is missing
    ("postgresql://nobody@127.0.0.1:1/nothing", "cannot open the database" if _has_psycopg() else "driver"),
    ("nosuchdb://host/x", "not a database file or URL"),
])
def test_a_url_that_cannot_be_reached_is_one_line(cli: Cli, url: str, message: str) -> None:
    err = refused(cli, "docs", db=url, match=message)
    assert err.startswith(f"annotator: error: {url}: ")


@pytest.mark.parametrize("name, message", [
    ("an\x1bna", "control or invisible character U+001B"),
    ("anna\nboris", "control or invisible character U+000A"),
    ("a" * 65, "longer than 64 characters"),
    ("\u202eanna", "U+202E"),
])
def test_names_that_are_not_names_are_refused(sample: Cli, name: str, message: str) -> None:
    refused(sample, "users", "add", name, "--role", "annotator", match=message)
    refused(sample, "label", DOC, "0", "7", "GPE", "--annotator", name, match=message)
    refused(sample, "label", DOC, "0", "7", "GPE", "--annotator", "anna", "--user", name, match=message)
    assert sample.ok("users", "list").count("\n") <= 1
    code, out, _err = sample("log")
    assert name not in out


def test_scheme_label_names_are_checked(sample: Cli, tmp_path: Path) -> None:
    refused(sample, "schema", "--rename", "PER", "PER\x1b[2J", match="control or invisible character")
    refused(sample, "schema", "--rename", "PER", "P" * 51, match="longer than 50 characters")


def _plant(db: Path, user: str) -> None:
    """An action by a user whose name an older version let in (the store takes it; the checks are upstream)."""
    store = open_store(str(db))
    from annotator.storage.repository import Repository  # tests may reach below the services

    with store.write() as repo:
        assert isinstance(repo, Repository)
        repo.put_user(user, "annotator")
        repo.log_action(owner=user, user=user, kind="note", label="\x1b]0;pwned\x07Add note", document_id=DOC,
                        forward=[], inverse=[])
    store.close()


def test_what_the_store_holds_is_escaped_on_the_terminal(sample: Cli, db: Path) -> None:
    _plant(db, "evil\x1b[2J\u202e")
    for command in (["log"], ["users", "list"]):
        out = sample.ok(*command)
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
        assert "evil\\x1b[2J\\u202e" in out


def test_show_escapes_a_texts_bidi_override_and_lone_carriage_return(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("Текст\u202e наоборот\rи CRLF\r\nконец.", encoding="utf-8")
    cli.ok("import", str(source))
    out = cli.ok("show", "doc")
    assert "Текст\\u202e наоборот\\x0dи CRLF\r\nконец." in out


def test_escape_keeps_text_and_line_ends_and_shows_the_rest() -> None:
    assert terminal.escape("Токаев\tзаявил\r\nи\n") == "Токаев\tзаявил\r\nи\n"
    assert terminal.escape("a\x1b[31mb\x07\x9b\x7f") == "a\\x1b[31mb\\x07\\x9b\\x7f"
    assert terminal.escape("x\u2066y\u200f") == "x\\u2066y\\u200f"
