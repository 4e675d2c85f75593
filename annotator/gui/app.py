"""Start the desktop window: ``annotator`` (no command) or ``annotator gui``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTranslator, Slot
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator import paths
from annotator.domain.validation import check_owner_name
from annotator.gui.settings import GuiSettings, load_settings, save_settings
from annotator.gui.tasks import TaskRunner
from annotator.gui.translation import install_translators, remove_translators
from annotator.services import documents, importing
from annotator.services.workspace import Workspace

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


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


class GuiSession(QObject):
    """What the running application owns: the settings, the installed translators, the
    workspace and runner, and the main window, which it builds again for a new language.

    A window's texts are set when it is built, so the Preferences dialog changes the
    language by asking for a new window (``MainWindow.rebuild_requested``): :meth:`rebuild`
    puts in the translators for ``settings.language`` and replaces the window by a new one
    on the same workspace and runner, at the same document; the windows opened from the old
    one (curation, scheme editor, dashboard, notes) are closed. No event loop of its own:
    tests drive it as the application does.
    """

    def __init__(self, app: QCoreApplication, settings: GuiSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.app = app
        self.settings = settings  # the window edits this object; it is the one saved
        self.translators: list[QTranslator] = install_translators(app, settings.language)
        self.workspace: Workspace | None = None
        self.runner: TaskRunner | None = None
        self.window: MainWindow | None = None

    def set_language(self, preference: str | None) -> None:
        """Replace the installed translators by those for ``preference`` (None: the system's)."""
        self.remove_translators()
        self.translators = install_translators(self.app, preference)

    def remove_translators(self) -> None:
        remove_translators(self.app, self.translators)
        for translator in self.translators:
            translator.deleteLater()
        self.translators = []

    def open_window(self, workspace: Workspace, runner: TaskRunner, document_id: str | None = None) -> MainWindow:
        """A main window on ``workspace`` (not shown yet), at ``document_id`` if given."""
        from annotator.gui.main_window import MainWindow  # the window loads only when shown

        self.workspace, self.runner = workspace, runner
        window = MainWindow(workspace, self.settings, runner)
        # queued: the old window finishes handling its dialog before it is replaced
        window.rebuild_requested.connect(self.rebuild, Qt.ConnectionType.QueuedConnection)
        if document_id is not None:
            window.show_document(document_id)
        self.window = window
        return window

    @Slot()
    def rebuild(self) -> MainWindow | None:
        """The window again in the settings' language, where the old one was; the old one closed."""
        old = self.window
        if old is None or self.workspace is None or self.runner is None:
            return None
        # The old window's curation windows, scheme editor, dashboard and notes are in the old
        # language and unknown to the new window: they close (what they save lands first, so the
        # new window reads it), and the user opens them again from the new one.
        old.close_side_windows()
        self.runner.wait()
        self.set_language(self.settings.language)
        window = self.open_window(self.workspace, self.runner, old.document_id)
        window.setGeometry(old.geometry())
        if old.isMaximized():
            window.showMaximized()
        else:
            window.show()
        window.activateWindow()
        old.close()
        old.deleteLater()
        return window


def run_gui(db: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("annotator")
    app.setApplicationName("annotator")

    session = GuiSession(app, load_settings())  # the translators before any dialog or window is built
    try:
        return _run(app, session, db)
    finally:
        session.remove_translators()


def _run(app: QApplication, session: GuiSession, db: str | None) -> int:
    settings = session.settings
    if settings.annotator is None:
        name = ask_annotator_name()
        if name is None:
            return 0
        settings.annotator = name
        save_settings(settings)

    workspace = Workspace.open(db or settings.database or paths.default_database())
    runner = TaskRunner()
    try:
        if documents.count(workspace) == 0:
            importing.import_sample(workspace)
        window = session.open_window(workspace, runner)
        window.show()
        code = app.exec()
        runner.wait()
        return code
    finally:
        runner.shutdown()
        workspace.close()
