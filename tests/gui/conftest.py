"""GUI tests: Qt off screen, the user's config in tmp_path, a workspace with the sample corpus."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from annotator.gui.common.tasks import TaskRunner  # noqa: E402
from annotator.services.importing import import_sample  # noqa: E402
from annotator.services.repeats import index_pending  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    path = tmp_path / "config"
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(path))
    return path


class MessageBoxes:
    """Modal message boxes in a test: each one answers as the test said, and is recorded.

    Unanswered, a question or warning fails the test at once instead of hanging it
    (a modal box waits for a click no one gives, off screen)."""

    def __init__(self):
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.answers: list = []

    def _box(self, kind: str):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            if kind == "question":
                assert self.answers, f"unexpected question: {title}: {text}"
                return self.answers.pop(0)
            return QMessageBox.StandardButton.Ok

        return show


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch) -> MessageBoxes:
    boxes = MessageBoxes()
    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, boxes._box(kind))
    return boxes


@pytest.fixture
def fake_main_window(monkeypatch, qapp):
    """Put a stand-in for annotator.gui.annotate.main_window in place, for tests of start-up: it quits as soon
    as it is shown. Call it with ``record(workspace, settings, runner)``; it returns the list of what
    ``record`` gave for each window made."""
    import sys
    import types

    from PySide6.QtCore import QCoreApplication, QTimer

    def install(record) -> list:
        made = []

        class MainWindow:
            rebuild_requested = types.SimpleNamespace(connect=lambda *args: None)

            def __init__(self, workspace, settings, runner):
                made.append(record(workspace, settings, runner))

            def show(self):
                QTimer.singleShot(0, QCoreApplication.instance().quit)

        module = types.ModuleType("annotator.gui.annotate.main_window")
        module.MainWindow = MainWindow
        monkeypatch.setitem(sys.modules, "annotator.gui.annotate.main_window", module)
        return made

    return install


@pytest.fixture
def gui_workspace(tmp_path):
    ws = Workspace.open(str(tmp_path / "gui.sqlite3"))
    report = import_sample(ws)
    assert report.committed and report.documents_added == 5
    index_pending(ws)  # as the window's background indexing leaves it (tests/gui/test_repeat_indexing.py)
    yield ws
    ws.close()


@pytest.fixture
def runner(qapp):
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait()
    task_runner.shutdown()


@pytest.fixture
def window(qtbot, gui_workspace, runner):
    """The main window for anna on the sample corpus, its first document loaded."""
    from tests.gui.windows import make_window

    return make_window(qtbot, gui_workspace, runner)
