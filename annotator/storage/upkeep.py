"""SQLite's housekeeping on a thread of its own, off the actions' path: the write-ahead log
written back into the file, and the span index's segments merged.

**The log.** SQLite copies the log into the file (a checkpoint) inside the commit that grows the
log past 1,000 pages, and flushes the file there. An action writes about 80 pages (its rows, the
log of actions, the spans' full-text index), so about one keystroke in a dozen waited for a
checkpoint: ~300 ms instead of ~30 (measured at 10,000 documents, keys a second apart). The
window writes the log back every second from here instead, so an action's commit never reaches
the threshold. ``PASSIVE``: it waits for no reader and no writer, and skips what they hold. It
goes through the driver's connection, outside any transaction (a checkpoint cannot run in one).

**The span index's segments.** FTS5 writes each transaction's new rows as a new segment and,
left to itself, merges segments inside the commit that adds one: at 10,000 documents one
keystroke in a few dozen wrote 340-1,460 pages instead of ~12 and took 70-80 ms. Migration 0019
turns that off (``automerge`` 0), and this thread merges a few pages' worth a second instead
(``span_search.merge_some``, a short transaction that need not wait for the disk: the index is
made again from the spans). Without this thread (the command line) FTS5 still merges a level once
it holds 16 segments (its ``crisismerge``), inside the commit that makes the sixteenth.

PostgreSQL has nothing of the kind to do.
"""

from __future__ import annotations

import threading

from annotator.storage import span_search
from annotator.storage.database import Store

INTERVAL = 1.0  # seconds: a person makes a few actions a second at most, far below 1,000 pages


class Upkeep:
    def __init__(self, store: Store, interval: float = INTERVAL):
        self.store = store
        self.interval = interval
        self.runs = 0
        self.merges = 0  # rounds that merged some of the span index's segments
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="annotator-upkeep", daemon=True)

    def start(self) -> Upkeep:
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
                    self.round(connection)
                except Exception:  # noqa: BLE001 - what is missed is done by the next round or commit
                    pass
        finally:
            connection.close()

    def round(self, connection) -> None:
        """One round: some of the span index merged, then the log written back (``connection``: a
        driver connection outside any transaction)."""
        with self.store.write(durable=False) as repo:
            self.merges += span_search.merge_some(repo.connection)
        cursor = connection.cursor()
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        cursor.fetchall()
        cursor.close()
        self.runs += 1
