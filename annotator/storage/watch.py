"""Noticing what others saved: a background thread that reports new actions in the log.

SQLite: a cheap poll of the log's newest id (its primary key's maximum) every
``interval`` seconds. PostgreSQL: each write transaction also sends ``NOTIFY
annotator_actions`` (with its locks, see ``Store.write``), and the watcher LISTENs on
a connection of its own, so that it wakes as soon as another desktop commits;
it still looks every ``interval`` in case a notification was missed (a dropped
connection is opened again). Either way it then reads which documents the new
actions were on and calls ``on_change(document_ids)`` from its thread: the
caller hands that to its own thread (the window, through a Qt signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import func, select, text

from annotator.storage.database import Store
from annotator.storage.models import ActionRow

CHANNEL = "annotator_actions"
_ACTIONS = ActionRow.__table__
_WAKE = text(f"NOTIFY {CHANNEL}")


class ActionWatch:
    def __init__(self, store: Store, on_change: Callable[[frozenset[str]], None], interval: float = 2.0):
        self.store = store
        self.on_change = on_change
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="annotator-action-watch", daemon=True)
        self._last = self._newest()

    def start(self) -> ActionWatch:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if not self.store.is_sqlite and self._thread.is_alive():
            try:  # wake the listener now rather than at the end of its interval
                with self.store.engine.begin() as connection:
                    connection.execute(_WAKE)
            except Exception:  # noqa: BLE001 - the server is gone: the thread ends at its timeout
                pass
        self._thread.join(timeout=self.interval + 5)

    def _newest(self) -> int:
        with self.store.read() as repo:
            return repo.connection.execute(select(func.max(_ACTIONS.c.id))).scalar() or 0

    def _check(self) -> None:
        with self.store.read() as repo:
            rows = repo.connection.execute(
                select(_ACTIONS.c.id, _ACTIONS.c.document_id).where(_ACTIONS.c.id > self._last)).all()
        if not rows:
            return
        self._last = max(row.id for row in rows)
        self.on_change(frozenset(row.document_id for row in rows if row.document_id is not None))

    def _run(self) -> None:
        if self.store.is_sqlite:
            while not self._stop.wait(self.interval):
                self._safely(self._check)
            return
        while not self._stop.is_set():
            self._safely(self._listen)
            self._stop.wait(self.interval)  # the connection dropped: look again a little later

    def _safely(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception:  # noqa: BLE001 - a watcher that dies would silently stop the updates
            pass

    def _listen(self) -> None:
        raw = self.store.engine.raw_connection()
        try:
            connection = raw.driver_connection  # psycopg's own, for its notifications
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            self._check()  # what came before we listened
            while not self._stop.is_set():
                for _notice in connection.notifies(timeout=self.interval, stop_after=1):
                    pass  # woken by another desktop's commit (or the interval passed): look
                self._check()
        finally:
            raw.invalidate()  # never back to the pool in autocommit with a LISTEN on it
