"""A database that cannot be opened is refused with a reason (DatabaseError), never an
exception from the driver, and left exactly as it was."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.cli.main import main as cli
from annotator.storage import DatabaseError, database, open_store


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"shopping list\n" * 300)
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        open_store(str(path))
    assert path.read_bytes() == b"shopping list\n" * 300


def test_a_database_another_program_holds_locked_is_refused_at_open(tmp_path, monkeypatch):
    """A lock that keeps even readers out (another program, its file not in WAL mode) is a reason."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "locked.sqlite3"
    open_store(str(path)).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="another program holds the database locked"):
            open_store(str(path))
    finally:
        holder.rollback()
        holder.close()
    open_store(str(path)).close()  # once released it opens


def test_a_database_a_writer_holds_still_opens_for_reading(tmp_path, monkeypatch):
    """Readers never wait for writers: an import holding the write lock does not keep the window out."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "busy.sqlite3"
    open_store(str(path)).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # WAL: a writer's lock
    try:
        open_store(str(path)).close()
    finally:
        holder.rollback()
        holder.close()


def test_the_command_line_reports_it_in_one_line(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"\x00\x01 not sqlite " * 200)
    assert cli(["--db", str(path), "docs"]) == 1
    err = capsys.readouterr().err
    assert err == f"annotator: error: {path}: not a SQLite database (another kind of file, or a damaged one)\n"
