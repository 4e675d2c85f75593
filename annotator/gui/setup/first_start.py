"""What the window asks before it opens: the user's name, and what to do about a database
that cannot be opened.

Both run before the main window exists, as modal dialogs: the name prompt on the
first start (no name in the settings), the database question whenever the
database to open is refused (another program holds it locked, it was made by a
newer annotator, it is not ours or not a database at all). The refusal's reason
comes from the store; the user picks another database or creates a new one, or quits.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator import paths
from annotator.domain.validation import check_owner_name
from annotator.services.workspace import Workspace
from annotator.services.workspace import DatabaseError

DATABASE_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;* (*)"


def system_user_name() -> str:
    """The login name (``getpass``: $LOGNAME, $USER, ... or the password database) if it is a
    valid annotator name, else ""."""
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):  # no such variables and no passwd entry (a container)
        return ""
    return name if not check_owner_name(name, allow_gold=False) else ""


def name_prompt() -> str:
    return QCoreApplication.translate("FirstStart", "Your annotator name:") + "\n\n" + QCoreApplication.translate(
        "FirstStart",
        "The annotations you make are stored under this name: they are your set of each\n"
        "document, apart from everybody else's. In a team, the curator sees it beside\n"
        "your work in the agreement dashboard and the curation window.\n\n"
        "You can change it later in Options → Preferences.")


def ask_annotator_name(parent: QWidget | None = None, suggestion: str | None = None) -> str | None:
    """Ask for the user's annotator name until it is valid; None if they cancel.

    The field starts with ``suggestion`` (by default the system's user name)."""
    name = system_user_name() if suggestion is None else suggestion
    while True:
        title = QCoreApplication.translate("FirstStart", "Welcome to annotator")
        name, ok = QInputDialog.getText(parent, title, name_prompt(), QLineEdit.EchoMode.Normal, name)
        if not ok:
            return None
        problems = check_owner_name(name.strip(), allow_gold=False)
        if not problems:
            return name.strip()
        QMessageBox.warning(parent, QCoreApplication.translate("FirstStart", "annotator"), "; ".join(problems))


class UnopenableDatabaseBox(QMessageBox):
    """"This database cannot be opened, because …": open another, create a new one, or quit."""

    def __init__(self, target: str, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(QCoreApplication.translate("FirstStart", "annotator"))
        self.setText(QCoreApplication.translate("FirstStart", "The database cannot be opened:"))
        self.setInformativeText(reason + "\n\n" + QCoreApplication.translate(
            "FirstStart",
            "Nothing was changed in it. Open another database, or create a new one (it starts "
            "with the sample articles); your choice is kept in Options → Preferences."))
        self.target = target
        accept, reject = QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.RejectRole
        self.open_button = self.addButton(QCoreApplication.translate("FirstStart", "Open another…"), accept)
        self.new_button = self.addButton(QCoreApplication.translate("FirstStart", "Create a new one…"), accept)
        self.quit_button = self.addButton(QCoreApplication.translate("FirstStart", "Quit"), reject)
        self.setDefaultButton(self.open_button)
        self.setEscapeButton(self.quit_button)


def choose_database(target: str, reason: str, parent: QWidget | None = None) -> str | None:
    """Ask what to open instead of ``target``; the path chosen, or None to quit."""
    while True:
        box = UnopenableDatabaseBox(target, reason, parent)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        start = str(Path(target).parent) if "://" not in target else str(paths.user_data_dir())
        if clicked is box.open_button:
            title = QCoreApplication.translate("FirstStart", "Open a database")
            chosen, _filter = QFileDialog.getOpenFileName(parent, title, start, DATABASE_FILTER)
        elif clicked is box.new_button:
            title = QCoreApplication.translate("FirstStart", "Create a new database")
            chosen, _filter = QFileDialog.getSaveFileName(
                parent, title, str(Path(start) / "annotator-new.sqlite3"), DATABASE_FILTER,
                options=QFileDialog.Option.DontConfirmOverwrite)  # an existing file is opened, never replaced
        else:
            return None
        if chosen:
            return chosen
        # the file dialog was cancelled: ask again


def open_workspace(target: str, parent: QWidget | None = None,
                   opener: Callable[[str], Workspace] = Workspace.open) -> tuple[Workspace, str] | None:
    """The workspace on ``target``, or on the database the user picks while it is refused
    (with the target it was opened from); None if the user quits."""
    while True:
        try:
            return opener(target), target
        except (DatabaseError, OSError) as exc:  # OSError: a folder that cannot be made, say
            chosen = choose_database(target, str(exc), parent)
            if chosen is None:
                return None
            target = chosen
