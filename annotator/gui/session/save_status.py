"""What a window says of its session's actions: "Saving…", "Saved ✓ 12:04:31", why nothing changed.

One place for both windows (the annotation window and the curation window), so
that they say the same thing the same way.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.domain.changes import Changes
from annotator.gui.session.set_session import SetSession


class SaveStatus(QObject):
    """Shows a session's saving, saved, refused and failed in a status bar and its saved label."""

    def __init__(self, session: SetSession, status_bar: QStatusBar, saved_label: QLabel):
        super().__init__(session)
        self.session = session
        self.status_bar = status_bar
        self.saved_label = saved_label
        session.saving.connect(lambda: self.saved_label.setText(self.tr("Saving…")))
        session.changed.connect(self._on_changed)
        session.refused.connect(self._on_refused)
        session.failed.connect(self._on_failed)
        session.told.connect(self.status_bar.showMessage)

    def _on_changed(self, changes: Changes | None, _view: object) -> None:
        if changes is None:
            self.status_bar.showMessage(self.tr("Nothing to undo or redo"), 5000)
            self.saved_label.setText(self.tr("Saved"))
            return
        self.saved_label.setText(self.tr("Saved ✓ %1").replace("%1", time.strftime("%H:%M:%S")))
        self.saved_label.setToolTip(changes.label)
        message = changes.label
        elsewhere = sorted(changes.documents - {self.session.document_id})
        if elsewhere:  # an undo reaches back to another document: say which
            message = self.tr("%1 (in %2)").replace("%1", changes.label).replace("%2", ", ".join(elsewhere))
        self.status_bar.showMessage(message, 8000 if elsewhere else 4000)

    def _on_refused(self, message: str) -> None:
        self.saved_label.setText(self.tr("Nothing changed"))
        self.status_bar.showMessage(message, 10000)

    def _on_failed(self, message: str) -> None:
        self.saved_label.setText(self.tr("Not saved"))
        self.status_bar.showMessage(message, 10000)
