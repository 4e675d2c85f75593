"""What the import and export dialogs share: one cancellable service call on the runner.

The service reports progress on the worker thread; the dialog forwards each
report to the GUI thread through a queued signal (``progressed``) and touches
its widgets only there. Cancel sets a :class:`CancelToken`: the service stops,
raises ``Cancelled`` and writes nothing. Closing while running cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from annotator.gui.common.tasks import TaskRunner
from annotator.services.progress import CancelToken, Progress


class TaskDialog(QDialog):
    progressed = Signal(int, object, str)  # done, total (or None), what: emitted on the worker thread
    finished_task = Signal()  # after any run (done, cancelled, failed): the result is shown

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.cancel_token: CancelToken | None = None
        self.progress_seen = 0
        # Emitted on the worker thread, received here on the GUI thread.
        self.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self.cancel_token is not None

    def start_task(self, call: Callable[[Progress, CancelToken], Any]) -> None:
        """Run ``call(progress, cancel)`` on the runner; results come to on_task_done / on_task_error."""
        self.cancel_token = token = CancelToken()
        self.progress_seen = 0
        self._update_buttons()
        self.runner.run(lambda: call(self._report_progress, token),
                        on_done=self._task_done, on_error=self._task_failed)

    def _report_progress(self, done: int, total: int | None, what: str) -> None:
        self.progressed.emit(done, total, what)  # worker thread: only the signal

    @Slot(int, object, str)
    def _on_progress(self, done: int, total: object, what: str) -> None:
        if self.running:
            self.progress_seen += 1
            self.show_progress(done, total if isinstance(total, int) else None, what)

    def cancel(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
            self.show_cancelling()

    def _finish(self) -> None:
        self.cancel_token = None
        self._update_buttons()

    def _task_done(self, result: Any) -> None:
        self._finish()
        self.on_task_done(result)
        self.finished_task.emit()

    def _task_failed(self, exc: BaseException) -> None:
        self._finish()
        self.on_task_error(exc)
        self.finished_task.emit()

    def reject(self) -> None:
        if self.running:  # closing while running cancels (nothing is written)
            self.cancel()
        super().reject()

    # --- for subclasses ------------------------------------------------------------
    def show_progress(self, done: int, total: int | None, what: str) -> None:
        raise NotImplementedError

    def show_cancelling(self) -> None:
        raise NotImplementedError

    def on_task_done(self, result: Any) -> None:
        raise NotImplementedError

    def on_task_error(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError
