"""SQLite's log is written back into the database file by the window's own thread, not by the
commit of whichever action fills it (that commit then waited ~300 ms for the copy and its flush)."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import text

from annotator.storage import database
from annotator.storage.checkpoints import Checkpoints


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
    checkpoints = Checkpoints(store, interval=0.05).start()
    try:
        assert _wait_for(lambda: _in_the_file_alone(path) == ["first"])
        with store.write() as repo:
            repo.connection.execute(text("INSERT INTO probe VALUES ('second')"))
        assert _wait_for(lambda: _in_the_file_alone(path) == ["first", "second"])
        assert checkpoints.runs > 0
    finally:
        checkpoints.stop()
        store.engine.dispose()

