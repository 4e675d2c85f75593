"""Start the desktop window: ``annotator`` (no command) or ``annotator gui``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QTranslator, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import paths
from annotator.gui.setup.first_start import ask_annotator_name, open_workspace
from annotator.gui.setup.identity import set_identity
from annotator.gui.common.settings import GuiSettings, load_settings, save_settings
from annotator.gui.common.tasks import TaskRunner
from annotator.gui.common.translation import install_translators, remove_translators
from annotator.services import documents, importing
from annotator.services.errors import ServiceError
from annotator.services.workspace import DatabaseError

if TYPE_CHECKING:
    from annotator.gui.annotate.main_window import MainWindow
    from annotator.services.workspace import Workspace

__all__ = ["GuiSession", "ask_annotator_name", "run_gui"]


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
        from annotator.gui.annotate.main_window import MainWindow  # the window loads only when shown

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


def run_gui(db: str | None = None, quit_after_load: bool = False) -> int:
    """Open the window on ``db`` (else the settings' database, else the default).

    ``quit_after_load`` (``annotator gui --quit-after-load``, the bundle's smoke test):
    once the window is shown and its first document loaded, print what it shows and quit;
    the exit status says whether it did."""
    app = QApplication.instance() or QApplication(sys.argv)
    set_identity(app)

    session = GuiSession(app, load_settings())  # the translators before any dialog or window is built
    try:
        return _run(app, session, db, quit_after_load)
    finally:
        session.remove_translators()


def _run(app: QApplication, session: GuiSession, db: str | None, quit_after_load: bool) -> int:
    settings = session.settings
    target = db or settings.database or paths.default_database()
    opened = open_workspace(target)
    if opened is None:
        return 0
    workspace, opened_target = opened
    if opened_target != target:  # the user picked another database: the next start opens it too
        settings.database = opened_target
        save_settings(settings)
    # On a server the login is who you are (docs/architecture.md, "One server, many people"): no
    # name to ask. On a desktop's own file, the name the annotator's work is stored under.
    if workspace.login is None and settings.annotator is None:
        name = ask_annotator_name()
        if name is None:
            workspace.close()
            return 0
        settings.annotator = name
        save_settings(settings)
    runner = TaskRunner()
    try:
        if documents.count(workspace) == 0:
            load_sample(workspace)
        window = session.open_window(workspace, runner)
        window.show()
        outcome: list[int] = []
        if quit_after_load:
            QTimer.singleShot(0, lambda: outcome.append(report_loaded(app, window, runner)))
        code = app.exec()
        runner.wait()
        return outcome[0] if outcome else code
    finally:
        runner.shutdown()
        workspace.close()


def load_sample(workspace: Workspace) -> None:
    """The sample corpus into an empty database; a failure (another import holds the file, a full
    disk) is said, and the window opens on the empty database rather than not at all."""
    try:
        importing.import_sample(workspace)
    except (ServiceError, DatabaseError, OSError) as exc:
        QMessageBox.warning(None, QCoreApplication.translate("FirstStart", "The sample corpus was not loaded"),
                            str(exc))


def report_loaded(app: QCoreApplication, window: MainWindow, runner: TaskRunner) -> int:
    """Wait for the first document to load, print what the window shows, quit; 0 if it shows it."""
    runner.wait(30_000)
    documents_listed = window.document_model.rowCount()
    shown = window.document.id if window.document is not None else None
    visible = window.isVisible()
    print(f"window shown: {visible}; documents listed: {documents_listed}; document loaded: {shown}; "
          f"database: {window.workspace.store.url}", flush=True)
    app.quit()
    return 0 if visible and documents_listed > 0 and shown is not None else 1
