"""Before the window writes a file: say why a target is refused, or ask before replacing one.

The rules are the core's (``services/output_files.py``); this only shows them. The
check reads a file's first bytes and its size, never the database, so it runs here on
the GUI thread before the write is handed to the runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.services import output_files
from annotator.services.errors import ServiceError
from annotator.services.workspace import Workspace


def ask_to_write(parent: QWidget, workspace: Workspace, path: Path) -> bool | None:
    """Whether the write must force: False if nothing is in the way, True if the user agreed to
    replace what is there, None if it must not be written (the user was told why, or said no)."""
    cannot = QCoreApplication.translate("ReplacePrompt", "Cannot write there")
    try:
        output_files.check_workspace_target(workspace, path)
        return False
    except output_files.OutputRefused as refused:
        if not refused.forceable:
            QMessageBox.warning(parent, cannot, str(refused))
            return None
        question = QCoreApplication.translate(
            "ReplacePrompt", "%1\n\nReplace it anyway? What it holds now will be lost.")
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("ReplacePrompt", "Replace the file?"),
            question.replace("%1", str(refused)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return True if answer == QMessageBox.StandardButton.Yes else None
    except ServiceError as exc:
        QMessageBox.warning(parent, cannot, str(exc))
        return None
