"""Progress reports and cancellation for long work (import, export)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from annotator.i18n import _
from annotator.services.errors import Cancelled

# done, total (None when unknown), and what is being done, e.g. a file name
Progress = Callable[[int, int | None, str], None]


def no_progress(done: int, total: int | None, what: str) -> None:
    pass


class CancelToken:
    """Set from any thread; the work checks it between records and stops, writing nothing."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled(_("cancelled"))
