"""Others' work appears without a restart: another desktop's commit reaches the open window."""

from __future__ import annotations

from annotator.domain.model import SetStatus
from annotator.gui.annotate import main_window
from annotator.gui.annotate.document_list import STATUS_COLUMN
from annotator.services import annotating
from annotator.services.workspace import Workspace
from tests.gui.windows import OWNER, make_window


def test_the_status_column_follows_what_another_desktop_saves(qtbot, gui_workspace, runner, monkeypatch):
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_S", 0.2)
    window = make_window(qtbot, gui_workspace, runner)
    model = window.document_model
    document_id = model.document_id(1)
    assert model.index(1, STATUS_COLUMN).data() == "new"
    with Workspace.open(str(gui_workspace.store.engine.url.database)) as elsewhere:  # the same file, elsewhere
        annotating.set_status(elsewhere, document_id, SetStatus.DONE, owner=OWNER)
    qtbot.waitUntil(lambda: model.index(1, STATUS_COLUMN).data() == "done", timeout=5000)
    window.close()
    assert not window.action_watch._thread.is_alive()  # closing the window stops watching
