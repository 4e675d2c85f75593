"""The annotation window's repeated passages: the margin's marks, and J to go to the copy.

When a document is shown (or read again: an import may have added copies), the
regions of it repeated elsewhere are read on the runner
(``services/repeats.copies_of``, the index built after each import) and handed to the
view's margin (``gui/text/repeat_margin.py``). J with the caret in a repeated
passage opens the other document with the copy selected; pressed again on the
same passage it goes to the next place that holds it, round. A click on a bar
does the same.
"""

from __future__ import annotations

from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject

from annotator.gui.common.tasks import TaskRunner
from annotator.gui.text.document_view import DocumentView
from annotator.services import repeats
from annotator.services.workspace import Workspace


class Window(Protocol):
    """What the repeated places need of the annotation window."""

    workspace: Workspace
    runner: TaskRunner
    view: DocumentView

    @property
    def document_id(self) -> str | None: ...
    def jump_to(self, document_id: str, start: int, end: int) -> None: ...
    def statusBar(self) -> Any: ...  # noqa: N802


class RepeatPlaces(QObject):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window: Window = window
        self._serial = 0
        self._last: tuple[str, int, int, int] | None = None  # (document, start, end, copy number) of the last J
        window.view.repeat_margin.jump_requested.connect(self.go_to)

    def read(self) -> None:
        """Read the copies of the document shown, on the runner; the margin shows them when they come."""
        document_id = self.window.document_id
        if document_id is None:
            return
        self._serial += 1
        serial, workspace = self._serial, self.window.workspace
        self.window.runner.run(lambda: repeats.copies_of(workspace, document_id),
                               on_done=lambda copies: self._show(serial, document_id, copies),
                               on_error=lambda exc: None)  # a missing index only means no marks

    def _show(self, serial: int, document_id: str, copies: list) -> None:
        if not shiboken6.isValid(self.window) or serial != self._serial or document_id != self.window.document_id:
            return
        self.window.view.repeat_margin.set_copies(copies)

    def jump(self) -> None:
        """J: to the copy of the repeated passage under the caret (the next place on a second press)."""
        view = self.window.view
        here = view.selection_core()
        position = here[0] if here is not None else view.caret_core()
        copies = view.repeat_margin.copies_at(position)
        if not copies:
            self.window.statusBar().showMessage(
                self.tr("The caret is not in a repeated passage (they are marked in the right margin)"), 5000)
            return
        document_id = self.window.document_id or ""
        first = copies[0]
        same = [c for c in copies if (c.start, c.end) == (first.start, first.end)]
        number = 0
        if self._last is not None and self._last[:3] == (document_id, first.start, first.end):
            number = (self._last[3] + 1) % len(same)
        self._last = (document_id, first.start, first.end, number)
        self.go_to(same[number])

    def propagate(self) -> None:
        """Suggestions ▸ Propose in the copies: the annotator's spans and claims of this document's
        repeated passages become their suggestions in each copy (``repeats.propagate``, one undoable
        action per copy in ``model:copies:NAME``); accepted there like any suggestion."""
        window = self.window
        document_id, owner = window.document_id, getattr(window, "owner", None)
        if document_id is None or owner is None:
            return
        workspace = window.workspace

        def done(result: Any) -> None:
            if not shiboken6.isValid(window):
                return
            window.statusBar().showMessage(
                self.tr("Proposed %1 span(s) and %2 claim(s) in %3 copy document(s)")
                .replace("%1", str(result.spans)).replace("%2", str(result.claims))
                .replace("%3", str(len(result.documents))), 8000)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(window):
                window.statusBar().showMessage(str(exc), 8000)

        window.runner.run(lambda: repeats.propagate(workspace, document_id, annotator=owner),
                          on_done=done, on_error=failed)

    def go_to(self, copy: Any) -> None:
        self.window.statusBar().showMessage(
            self.tr("Copy in %1 (press J there to come back)").replace("%1", copy.document_id), 6000)
        self.window.jump_to(copy.document_id, copy.other_start, copy.other_end)
