"""SQLite's housekeeping is the window's own thread's, not the commit of whichever action comes
when it is due: the log is written back into the database file (that commit waited ~300 ms for the
copy and its flush), and the span index's segments are merged (70-80 ms)."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import text

from annotator.storage import database
from annotator.storage.upkeep import Upkeep


def _in_the_file_alone(path: str) -> list[str]:
    """What the database file itself holds, its log left unread (``immutable``)."""
    reader = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return [row[0] for row in reader.execute("SELECT word FROM probe")]
    except sqlite3.OperationalError:  # the table is still only in the log
        return []
    finally:
        reader.close()


def _wait_for(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_a_few_small_actions_reach_the_file_through_the_background_thread(tmp_path):
    path = str(tmp_path / "log.sqlite3")
    store = database.open_store(path)
    with store.write() as repo:
        repo.connection.execute(text("CREATE TABLE probe (word text)"))
        repo.connection.execute(text("INSERT INTO probe VALUES ('first')"))
    # a few pages: far below SQLite's own threshold, so no commit has copied them into the file
    assert _in_the_file_alone(path) == []
    upkeep = Upkeep(store, interval=0.05).start()
    try:
        assert _wait_for(lambda: _in_the_file_alone(path) == ["first"])
        with store.write() as repo:
            repo.connection.execute(text("INSERT INTO probe VALUES ('second')"))
        assert _wait_for(lambda: _in_the_file_alone(path) == ["first", "second"])
        assert _wait_for(lambda: upkeep.runs > 0)  # counted once its checkpoint has returned
    finally:
        upkeep.stop()
        store.engine.dispose()



def _pages_of_each_commit(path: str, rounds_every: int | None, *,
                          merged_after_fill: bool = False) -> tuple[list[int], Upkeep]:
    """A span index of five big segments (as bulk fills leave it; ``merged_after_fill``: merged as
    an import ends), then 100 commits of one span each (an action's share of the index), with an
    upkeep round after every ``rounds_every`` commits (never if None): the pages each commit wrote."""
    store = database.open_store(path)
    upkeep = Upkeep(store)
    log = sqlite3.connect(path, isolation_level=None)  # measures the log, outside the store
    driver = store.engine.raw_connection()
    try:
        for segment in range(5):
            with store.write() as repo:
                repo.connection.exec_driver_sql(
                    "INSERT INTO span_search (words, label) VALUES (?, 'PER')",
                    [(f"слово{segment}x{n} общее",) for n in range(3000)])
        if merged_after_fill:
            with store.write() as repo:
                repo.merge_span_index()
        pages = []
        for n in range(100):
            log.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with store.write() as repo:
                repo.connection.exec_driver_sql("INSERT INTO span_search (words, label) VALUES (?, 'PER')",
                                                (f"новое{n}",))
            pages.append(log.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])
            if rounds_every and n % rounds_every == rounds_every - 1:
                upkeep.round(driver)
        with store.read() as repo:  # merged or not, every row is still found
            found = repo.connection.exec_driver_sql(
                "SELECT count(*) FROM span_search WHERE span_search MATCH 'общее'").scalar()
        assert found == 5 * 3000
        return pages, upkeep
    finally:
        driver.close()
        log.close()
        store.engine.dispose()


def test_the_upkeep_merges_the_span_index_so_that_no_action_commit_does(tmp_path):
    alone, _ = _pages_of_each_commit(str(tmp_path / "alone.sqlite3"), None)
    # left to itself, FTS5 merged the big segments inside one of the commits (its 16th segment)
    assert max(alone) > 60, alone
    kept, upkeep = _pages_of_each_commit(str(tmp_path / "kept.sqlite3"), 4)
    assert upkeep.merges > 0
    assert max(kept) < 30, kept  # each commit wrote its own row's few pages, never a merge


def test_a_bulk_fill_merged_as_an_import_ends_leaves_no_action_commit_a_big_merge(tmp_path):
    merged, _ = _pages_of_each_commit(str(tmp_path / "merged.sqlite3"), None, merged_after_fill=True)
    # no upkeep at all (the command line): the actions' own segments are merged at the 16th, small
    assert max(merged) < 30, merged

