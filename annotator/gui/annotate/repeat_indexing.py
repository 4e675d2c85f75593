"""The window's side of building the index of repeated passages in the background.

Imports leave their documents out of the index; ``services/repeat_indexing.BackgroundIndexer``
reads them in on a thread of its own. This starts it a little after the window opens (the first
document is painted first) and after each import, says in the status bar how many documents are
left, and reads the shown document's copies again when a round ends (the margin then shows the
copies the new documents hold). A key or a click in the text holds the indexer off for a
second, so an annotator at work never waits behind it. The indexer touches no Qt object: a
timer here polls it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

from annotator.services.repeat_indexing import BackgroundIndexer

START_DELAY_MS = 3000  # after opening: start-up and the first document come first
POLL_MS = 500


class RepeatIndexing(QObject):
    def __init__(self, window: Any, indexer: BackgroundIndexer):
        super().__init__(window)
        self.window = window
        self.indexer = indexer
        self._finished_seen = 0
        self.label = QLabel()
        self.label.setContentsMargins(10, 0, 10, 0)
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.show_state)
        self._delayed = QTimer(self)
        self._delayed.setSingleShot(True)
        self._delayed.timeout.connect(self.start)
        for widget in (window.view, window.view.viewport(), window.document_table):
            widget.installEventFilter(self)

    # a key bound to an action reaches the focus widget only as ShortcutOverride, never as KeyPress
    _AT_WORK = frozenset({QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self._AT_WORK:
            self.indexer.hold()
        return False

    def start_later(self, delay_ms: int | None = None) -> None:
        self._delayed.start(START_DELAY_MS if delay_ms is None else delay_ms)

    def start(self) -> None:
        """Index what the index has not read (after an import: its documents)."""
        self._delayed.stop()
        self.indexer.start()
        self._poll.start()

    def stop(self) -> None:
        """Closing: the thread ends after its batch (every batch is its own transaction)."""
        self._delayed.stop()
        self._poll.stop()
        self.indexer.stop()

    def show_state(self) -> None:
        left = self.indexer.left
        if left:
            self.label.setText(self.tr("Indexing repeated passages: %n document(s) left", "", left))
            self.label.setToolTip(self.tr("Documents are indexed in the background after an import; "
                                          "their repeated passages show in the right margin once indexed"))
            self.label.show()
        else:
            self.label.hide()
        if self.indexer.finished != self._finished_seen:
            self._finished_seen = self.indexer.finished
            self.window.repeat_places.read()
        if not self.indexer.running:
            self._poll.stop()
            self.label.hide()
