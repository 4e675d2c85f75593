"""Start the desktop window: ``annotator`` (no command) or ``annotator gui``."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator import paths
from annotator.domain.validation import check_owner_name
from annotator.gui.settings import GuiSettings, load_settings, save_settings
from annotator.gui.tasks import TaskRunner
from annotator.gui.translation import install_translators, remove_translators
from annotator.services import documents, importing
from annotator.services.workspace import Workspace


def ask_annotator_name(parent: QWidget | None = None) -> str | None:
    """Ask for the user's annotator name until it is valid; None if they cancel."""
    name = ""
    while True:
        name, ok = QInputDialog.getText(parent, QCoreApplication.translate("FirstStart", "annotator"),
                                        QCoreApplication.translate("FirstStart", "Your annotator name:"),
                                        QLineEdit.EchoMode.Normal, name)
        if not ok:
            return None
        problems = check_owner_name(name.strip(), allow_gold=False)
        if not problems:
            return name.strip()
        QMessageBox.warning(parent, QCoreApplication.translate("FirstStart", "annotator"), "; ".join(problems))


def run_gui(db: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("annotator")
    app.setApplicationName("annotator")

    settings: GuiSettings = load_settings()
    translators = install_translators(app, settings.language)  # before any dialog or window is built
    try:
        return _run(app, settings, db)
    finally:
        remove_translators(app, translators)


def _run(app: QApplication, settings: GuiSettings, db: str | None) -> int:
    if settings.annotator is None:
        name = ask_annotator_name()
        if name is None:
            return 0
        settings.annotator = name
        save_settings(settings)

    workspace = Workspace.open(db or paths.default_database())
    runner = TaskRunner()
    try:
        if documents.count(workspace) == 0:
            importing.import_sample(workspace)
        from annotator.gui.main_window import MainWindow  # the window loads only when shown

        window = MainWindow(workspace, settings, runner)
        window.show()
        code = app.exec()
        runner.wait()
        return code
    finally:
        runner.shutdown()
        workspace.close()
