"""Writers that wait for each other, readers that never wait, and clashes said in words.

- A reader runs while another writer holds the write lock (an import): ``docs``,
  ``show`` and ``export`` answer; a command that must write says "busy" once the
  busy timeout has passed, and nothing is saved. On SQLite the lock is the file's
  (another connection's ``BEGIN IMMEDIATE``); on PostgreSQL it is the advisory
  lock an import takes, held here by another session.
- A clash the database reports (a unique key taken by a racing writer) is run
  again a few times, then reported as a message, never a traceback.
"""

from __future__ import annotations

import threading

import orjson
import pytest
from sqlalchemy import create_engine, insert, text
from sqlalchemy.exc import IntegrityError

from annotator.cli.main import main
from annotator.services import annotating, retrying
from annotator.storage import Conflict, database
from annotator.storage.actions import SETS
from annotator.storage.database import database_url
from annotator.storage.repository import now

DOC = "000_598509fc61278558"


def run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


class HeldWriteLock:
    """Another program holding the write lock of the whole database, as an import does."""

    def __init__(self, target: str, backend: str):
        self.engine = create_engine(database_url(target))
        self.connection = self.engine.connect()
        if backend == "sqlite":
            self.connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            self.connection.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"),
                                    {"a": database._ALL_KEY[0], "b": database._ALL_KEY[1]})

    def release(self) -> None:
        self.connection.rollback()
        self.connection.close()
        self.engine.dispose()


def test_readers_answer_and_a_writer_says_busy_while_another_writer_holds_the_lock(
        capsys, db_target, backend, monkeypatch):
    assert run(capsys, db_target, "import", "--sample")[0] == 0
    assert run(capsys, db_target, "label", DOC, "0", "5", "PER", "--annotator", "anna")[0] == 0
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    held = HeldWriteLock(db_target, backend)
    try:
        code, out, err = run(capsys, db_target, "docs")
        assert code == 0 and DOC in out, err
        code, out, err = run(capsys, db_target, "show", DOC, "--annotator", "anna")
        assert code == 0 and "PER" in out, err
        code, out, err = run(capsys, db_target, "export", "-o", "-", "--annotator", "anna")
        assert code == 0 and '"PER"' in out, err

        code, out, err = run(capsys, db_target, "label", DOC, "6", "11", "PER", "--annotator", "anna")
        assert code == 1
        assert "busy: another import is running" in err and "Traceback" not in err
    finally:
        held.release()
    out = run(capsys, db_target, "export", "-o", "-", "--annotator", "anna")[1]
    assert [(e["start"], e["end"]) for e in orjson.loads(out)["entities"]] == [(0, 5)]  # the busy write saved nothing
    assert run(capsys, db_target, "label", DOC, "6", "11", "PER", "--annotator", "anna")[0] == 0


def test_a_writer_waits_for_a_short_lock_instead_of_failing(capsys, db_target, backend):
    assert run(capsys, db_target, "import", "--sample")[0] == 0
    held = HeldWriteLock(db_target, backend)
    timer = threading.Timer(0.5, held.release)
    timer.start()
    try:
        code, out, err = run(capsys, db_target, "label", DOC, "0", "5", "PER", "--annotator", "anna")
    finally:
        timer.join()
    assert code == 0, err


def test_a_clash_is_run_again_a_few_times_then_said_in_words(sample_workspace, backend):
    ws = sample_workspace
    annotating.add_span(ws, DOC, 0, 5, "PER", owner="anna")  # anna's set of DOC exists
    calls = []

    @retrying.retried
    def second_set_of_anna():  # what a racing writer's INSERT of the same set would meet
        calls.append(1)
        with ws.store.write(owner="anna", document_id=DOC) as repo:
            repo.connection.execute(insert(SETS).values(document_id=DOC, owner="anna", status="new",
                                                        updated_at=now()))

    if backend == "sqlite":  # one writer at a time: no race can cause it, so it is a plain error
        with pytest.raises(IntegrityError):
            second_set_of_anna()
        return
    with pytest.raises(Conflict, match="clashed with another person's change saved at the same time") as caught:
        second_set_of_anna()
    assert len(calls) == retrying.ATTEMPTS
    assert "uq_set_document_owner" in str(caught.value)


def test_a_clash_that_goes_away_is_not_seen_at_all():
    calls = []

    @retrying.retried
    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise Conflict("clash")
        return "saved"

    assert flaky() == "saved" and len(calls) == 3
