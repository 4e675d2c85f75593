"""On a PostgreSQL server the window acts as the session's login, whatever name the preferences hold."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.domain.model import Role
from annotator.gui.annotate.main_window import MainWindow
from annotator.gui.common.settings import GuiSettings
from annotator.services import documents, users
from annotator.services.importing import import_sample
from annotator.services.workspace import Workspace


def test_the_window_labels_into_the_logins_own_set(qtbot, runner, pg_cluster):
    database = pg_cluster.create_database()
    login = f"anna_{database}"
    with Workspace.open(pg_cluster.url(database)) as owner:  # the database's owner sets the team up
        assert import_sample(owner).committed
        users.add_user(owner, login, Role.ANNOTATOR, password="pw-anna")
    workspace = Workspace.open(pg_cluster.url(database, login, "pw-anna"))
    try:
        window = MainWindow(workspace, GuiSettings(annotator="typed-name"), runner)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert runner.wait() and window.document is not None
        assert window.owner == login
        window.view.setFocus()
        window.view.select_core(0, 5)
        qtbot.keyClick(window.view, Qt.Key.Key_1)
        assert runner.wait()
        doc = window.document_id
        (aset,) = documents.annotation_sets(workspace, doc, login)
        assert [(s.start, s.end, s.label) for s in aset.spans] == [(0, 5, "PER")]
        assert documents.annotation_sets(workspace, doc, "typed-name") == []
        window.close()
    finally:
        workspace.close()
        pg_cluster.drop_database(database)
