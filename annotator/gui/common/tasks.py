"""One worker thread for all database work; results come back on the GUI thread.

A widget never runs a query itself: it hands a service call to the window's
:class:`TaskRunner`, which runs the calls one at a time, in submission order, on
a single background thread (so there is one SQLite writer at a time), and then
calls ``on_done(result)`` or ``on_error(exc)`` on the GUI thread through a
queued signal.
"""

from __future__ import annotations

import logging
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
    _finished = Signal(object)  # (callable, argument): emitted from the worker, delivered queued

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="annotator-db")
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
        self._executor.submit(self._work, fn, on_done, on_error)

    def _work(self, fn: Callable[[], Any], on_done, on_error) -> None:
        # Runs on the worker thread.
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._finished.emit((_failed(on_error), exc))
        else:
            self._finished.emit((on_done, result))

    @Slot(object)
    def _deliver(self, payload: tuple[Callable[[Any], None] | None, Any]) -> None:
        if self._closed:
            return
        callback, value = payload
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
