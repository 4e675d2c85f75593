"""One worker thread for all database work; results come back on the GUI thread.

A widget never runs a query itself: it hands a service call to the window's
:class:`TaskRunner`, which runs the calls one at a time, in submission order, on
a single background thread (so there is one SQLite writer at a time), and then
calls ``on_done(result)`` or ``on_error(exc)`` on the GUI thread through a
queued signal.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)


class TaskRunner(QObject):
    """Runs callables off the GUI thread, one at a time, in submission order.

    ``busy`` is true from ``run`` until the last callback has been delivered;
    ``idle`` is emitted each time it turns false. Call :meth:`wait` then
    :meth:`shutdown` when closing: ``shutdown`` lets the running and queued work
    finish (a write is never cut off) but drops callbacks not yet delivered.
    """

    idle = Signal()
    _finished = Signal(object)  # (task number, succeeded, result): emitted from the worker, delivered queued

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="annotator-db")
        # The work and its callbacks stay here, on the GUI thread, until delivered: the worker
        # holds none of them when it is done, so the last reference to anything they capture (a
        # window, a widget) is never dropped on the worker, where Qt objects must not be freed.
        self._tasks: dict[int, tuple[Callable[[], Any], Callable | None, Callable | None]] = {}
        self._numbers = itertools.count()
        self._lock = threading.Lock()
        self._pending = 0
        self._closed = False
        # The emitter lives in the worker thread, this object in the GUI thread:
        # an auto connection is therefore queued and the slot runs on the GUI thread.
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(self, fn: Callable[[], T], on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        self._pending += 1
        number = next(self._numbers)
        with self._lock:
            self._tasks[number] = (fn, on_done, on_error)
        self._executor.submit(self._work, number)

    def _work(self, number: int) -> None:
        # Runs on the worker thread; it keeps no reference to the work once it has run.
        with self._lock:
            fn = self._tasks[number][0]
        try:
            result, succeeded = fn(), True
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            traceback.clear_frames(exc.__traceback__)  # the frames' locals go; file and line stay
            result, succeeded = exc, False
        del fn
        self._finished.emit((number, succeeded, result))

    @Slot(object)
    def _deliver(self, payload: tuple[int, bool, Any]) -> None:
        number, succeeded, value = payload
        with self._lock:
            _fn, on_done, on_error = self._tasks.pop(number)
        if self._closed:
            return
        callback = on_done if succeeded else _failed(on_error)
        try:
            if callback is not None:
                callback(value)
        finally:
            self._pending -= 1
            if self._pending == 0:
                self.idle.emit()

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Process events until every task has run and its callback was called; False on timeout."""
        if not self.busy:
            return True
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        self.idle.connect(loop.quit)
        timer.start(max(0, timeout_ms))
        try:
            while self.busy and timer.isActive():
                loop.exec()
        finally:
            timer.stop()
            self.idle.disconnect(loop.quit)
        return not self.busy

    def shutdown(self) -> None:
        """Refuse new work, let submitted work finish, drop undelivered callbacks."""
        if self._closed:
            return
        self._closed = True
        self._executor.shutdown(wait=True)
        self._pending = 0


def _failed(on_error: Callable[[BaseException], None] | None) -> Callable[[BaseException], None]:
    if on_error is not None:
        return on_error

    def report(exc: BaseException) -> None:
        log.error("background task failed", exc_info=exc)

    return report
