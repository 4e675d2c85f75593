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


def test_writers_of_one_process_queue_for_the_file_instead_of_polling_for_it(tmp_path, monkeypatch):
    """SQLite: two writers in this process (the window's action and the background indexer, here two
    stores of one file) wait for each other on the process's own lock: with SQLite's busy handler
    turned off the second would be refused at once; it waits, then writes, once the first commits."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 0)  # no polling for the file's lock
    path = str(tmp_path / "queue.sqlite3")
    first_store = database.open_store(path)
    second_store = database.open_store(path)
    entered, release = threading.Event(), threading.Event()
    written: list[str] = []
    errors: list[BaseException] = []

    def hold_the_lock() -> None:
        with first_store.write() as repo:
            repo.connection.execute(text("CREATE TABLE probe (word text)"))
            entered.set()
            release.wait(10)
            written.append("first")

    def write_behind() -> None:
        try:
            with second_store.write() as repo:
                repo.connection.execute(text("INSERT INTO probe VALUES ('second')"))
                written.append("second")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    assert entered.wait(10)
    behind = threading.Thread(target=write_behind)
    behind.start()
    behind.join(0.2)
    assert behind.is_alive() and not written  # waiting, not refused
    release.set()
    holder.join(10)
    behind.join(10)
    assert errors == [] and written == ["first", "second"]
    with second_store.read() as repo:
        assert repo.connection.execute(text("SELECT word FROM probe")).scalars().all() == ["second"]
    first_store.engine.dispose()
    second_store.engine.dispose()


def test_a_write_of_what_can_be_made_again_does_not_wait_for_the_disk_and_actions_still_do(db_target, backend):
    """``durable=False`` (the repeat index's batches) commits without flushing; every other write,
    on the same pooled connection afterwards, flushes again."""
    if backend == "postgresql":  # the tests' cluster runs without synchronous commit: ask for it
        db_target += ("&" if "?" in db_target else "?") + "options=-csynchronous_commit%3Don"
    store = database.open_store(db_target)

    def flushing(repo) -> bool:
        if backend == "sqlite":  # 2 = FULL, 1 = NORMAL
            return repo.connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        return repo.connection.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"

    seen = []
    for durable in (False, True, False, True):
        with store.write(durable=durable) as repo:
            seen.append(flushing(repo))
    with store.read() as repo:
        seen.append(flushing(repo))
    assert seen == [False, True, False, True, True], seen
    store.engine.dispose()
