"""SQLite's write-ahead log written back into the database file on a thread of its own.

SQLite copies the log into the file (a checkpoint) inside the commit that grows the log past
1,000 pages, and flushes the file there. An action writes about 80 pages (its rows, the log of
actions, the spans' full-text index), so about one keystroke in a dozen waited for a checkpoint:
~300 ms instead of ~30 (measured at 10,000 documents, keys a second apart). A window writes the
log back every second from this thread instead, so an action's commit never reaches the
threshold. ``PASSIVE``: it waits for no reader and no writer, and skips what they hold. It goes
through the driver's connection, outside any transaction (a checkpoint cannot run in one).
PostgreSQL has nothing of the kind to do.
"""

from __future__ import annotations

import threading

from annotator.storage.database import Store

INTERVAL = 1.0  # seconds: a person makes a few actions a second at most, far below 1,000 pages


class Checkpoints:
    def __init__(self, store: Store, interval: float = INTERVAL):
        self.store = store
        self.interval = interval
        self.runs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="annotator-checkpoints", daemon=True)

    def start(self) -> Checkpoints:
        if self.store.is_sqlite and self.store.file is not None:
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self.interval + 5)

    def _run(self) -> None:
        connection = self.store.engine.raw_connection()
        try:
            while not self._stop.wait(self.interval):
                try:
                    cursor = connection.cursor()
                    cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
                    cursor.fetchall()
                    cursor.close()
                    self.runs += 1
                except Exception:  # noqa: BLE001 - a missed checkpoint is done by the next commit anyway
                    pass
        finally:
            connection.close()
