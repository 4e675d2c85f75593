"""The index of repeated passages, built in the background after an import.

An import leaves its documents out of the index (``services/repeats``: building it costs three
times what storing them costs). The window hands the rest to a :class:`BackgroundIndexer`: a
plain thread of its own, not the window's task runner, whose queue is the annotator's actions.
It reads the documents in small batches (``repeats.index_batch``: one short write
transaction each), rests after each as long as the batch took, and holds off while the
annotator is at work (:meth:`hold`, called by the window at each key), checking before each
sentence: a keystroke's action and its paint then find neither the write lock nor the
interpreter taken for more than a sentence's worth (a document's took 5-12 ms). The
signatures' libraries are imported the same way, once, before the first batch. While it runs, the interpreter
hands the GIL over every millisecond instead of every five, so a GUI thread that wants it
waits at most that long. It touches no Qt object: the window reads :attr:`left` and
:attr:`finished` from a timer of its own, as it does with the watch of other desktops'
actions (``services/activity.watch``).
"""

from __future__ import annotations

import logging
import sys
import threading
import time

from annotator.domain.repeats import prepare as prepare_signatures
from annotator.services import repeats
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

BATCH = 5  # documents per transaction: ~10 ms of work (keystroke p99 while indexing at 10k: 54-60 ms, 56-77 with 10)
HOLD = 1.0  # seconds without the annotator's keys before a batch begins
SWITCH_INTERVAL = 0.001


class BackgroundIndexer:
    """``start`` begins (or, while running, asks for one more round: an import added documents);
    ``stop`` asks the thread to end after its batch and waits for it."""

    def __init__(self, workspace: Workspace, *, batch: int = BATCH, rest: float = 1.0):
        self.workspace = workspace
        self.batch = batch
        self.rest = rest  # seconds of rest per second of work
        self.left: int | None = None  # documents the index has not read; None before the first count
        self.indexed = 0  # documents this indexer has read in
        self.finished = 0  # rounds ended with nothing left: the window reads copies again when it grows
        self.error: str | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._again = threading.Event()
        self._lock = threading.Lock()
        self._quiet_from = 0.0  # time.monotonic() after which a batch may begin

    def hold(self, seconds: float = HOLD) -> None:
        """The annotator is at work: no batch begins for ``seconds``."""
        self._quiet_from = time.monotonic() + seconds

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        with self._lock:
            self._again.set()
            if self._thread is not None or self._stop.is_set():
                return  # the running thread sees the flag and goes round once more
            self._thread = threading.Thread(target=self._work, name="annotator-repeats", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _work(self) -> None:
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
        while True:
            with self._lock:  # the flag is read and the thread let go in one step: no start is lost
                if not self._again.is_set() or self._stop.is_set():
                    sys.setswitchinterval(interval)
                    self._thread = None
                    return
                self._again.clear()
            try:
                self._round()
            except Exception as exc:  # noqa: BLE001 - a missing index only means no margin marks
                log.warning("indexing repeated passages failed: %s", exc)
                self.error = str(exc)
                with self._lock:
                    sys.setswitchinterval(interval)
                    self._thread = None
                return

    def _wait_for_quiet(self) -> None:
        """Before each sentence's words: wait while the annotator is at work (not if stopping)."""
        while (wait := self._quiet_from - time.monotonic()) > 0 and not self._stop.is_set():
            self._stop.wait(wait)

    def _round(self) -> None:
        self._wait_for_quiet()
        prepare_signatures()  # once: half a second of imports, at a moment without keys
        self.left = repeats.unread_count(self.workspace)
        after = 0
        while self.left and not self._stop.is_set():
            self._wait_for_quiet()
            if self._stop.is_set():
                break
            began = time.perf_counter()
            done = repeats.index_batch(self.workspace, after=after, limit=self.batch, pause=self._wait_for_quiet)
            if done.last is None:
                break
            after = done.last
            self.indexed += done.documents
            self.left = max(0, self.left - done.documents)
            self._stop.wait((time.perf_counter() - began) * self.rest)
        if not self._stop.is_set():
            self.left = repeats.unread_count(self.workspace)
            self.finished += 1
