"""run_gui: first start (name asked once, sample imported), the window shown; the CLI opens it."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from annotator.cli import main as cli_main
from annotator.gui import app as app_module
from annotator.gui.common.settings import GuiSettings, load_settings, save_settings
from annotator.gui.common.tasks import TaskRunner
from annotator.services import documents
from annotator.services.workspace import Workspace


@pytest.fixture
def fake_window(fake_main_window):
    """The main window's stand-in, recording how it was built."""
    return fake_main_window(lambda workspace, settings, runner: (workspace, settings, runner))


@pytest.fixture
def asked(monkeypatch):
    questions = []

    def get_text(*args, **kwargs):
        questions.append(args)
        return "anna", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return questions


def test_first_start_asks_the_name_once_imports_the_sample_and_shows_the_window(
        tmp_path, fake_window, asked):
    db = str(tmp_path / "first.sqlite3")
    assert app_module.run_gui(db) == 0
    assert len(asked) == 1
    assert load_settings().annotator == "anna"
    (workspace, settings, runner), = fake_window
    assert isinstance(workspace, Workspace) and isinstance(runner, TaskRunner)
    assert settings == GuiSettings(annotator="anna")
    assert QCoreApplication.organizationName() == QCoreApplication.applicationName() == "annotator"
    with Workspace.open(db) as ws:
        assert documents.count(ws) == 5

    assert app_module.run_gui(db) == 0  # second start: no question, no second import
    assert len(asked) == 1
    with Workspace.open(db) as ws:
        assert documents.count(ws) == 5


def test_cancelling_the_name_opens_nothing(tmp_path, fake_window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    assert app_module.run_gui(str(tmp_path / "cancel.sqlite3")) == 0
    assert fake_window == []
    assert load_settings().annotator is None


def test_a_known_annotator_is_not_asked(tmp_path, fake_window, monkeypatch):
    save_settings(GuiSettings(annotator="boris"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("asked again"))
    assert app_module.run_gui(str(tmp_path / "known.sqlite3")) == 0
    assert fake_window[0][1].annotator == "boris"


def test_without_db_the_window_opens_the_settings_database_else_the_default(tmp_path, fake_window, monkeypatch):
    chosen = tmp_path / "chosen.sqlite3"
    save_settings(GuiSettings(annotator="boris", database=str(chosen)))
    assert app_module.run_gui() == 0
    assert chosen.exists()
    with Workspace.open(str(chosen)) as ws:
        assert documents.count(ws) == 5  # the sample went into the chosen database

    default = tmp_path / "default.sqlite3"
    monkeypatch.setenv("ANNOTATOR_DB", str(default))
    save_settings(GuiSettings(annotator="boris", database=None))
    assert app_module.run_gui() == 0
    assert default.exists()
    explicit = tmp_path / "explicit.sqlite3"
    save_settings(GuiSettings(annotator="boris", database=str(chosen)))
    assert app_module.run_gui(str(explicit)) == 0  # --db wins over the setting
    assert explicit.exists()


@pytest.mark.parametrize("argv", [[], ["gui"]])
def test_the_cli_opens_the_window_without_a_command_or_with_gui(argv, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(app_module, "run_gui", lambda db=None: opened.append(db) or 0)
    db = str(tmp_path / "cli.sqlite3")
    assert cli_main.main(["--db", db, *argv]) == 0
    assert opened == [db]


def test_void_qt_calls_keep_the_reference_to_none(qapp):
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void call, which
    aborts the process ("deallocating None") after a few thousand calls: pyproject.toml
    excludes it there."""
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        obj.setObjectName("x")
    assert sys.getrefcount(None) - before > -50
