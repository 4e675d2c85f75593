"""First start: the name prompt explains itself and offers the login name; a database that
cannot be opened (not a database, made by a newer annotator, locked) offers another or a
new one, never a traceback. Modal dialogs are patched as a user would answer them."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from annotator.gui import app as app_module
from annotator.gui.setup import first_start
from annotator.gui.setup.first_start import UnopenableDatabaseBox
from annotator.gui.common.settings import GuiSettings, load_settings, save_settings
from annotator.services import documents
from annotator.services.importing import import_sample
from annotator.services.workspace import Workspace
from annotator.storage import database


@pytest.fixture
def opened(fake_main_window):
    """The main window's stand-in, recording the database it was opened on and its documents."""
    return fake_main_window(lambda workspace, settings, runner: (workspace.store.url, documents.count(workspace)))


@pytest.fixture
def prompts(monkeypatch):
    seen = []

    def get_text(parent, title, label, echo, text):
        seen.append({"title": title, "label": label, "text": text})
        return (text or "anna"), True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return seen


def test_the_name_prompt_says_what_the_name_is_for_and_offers_the_login_name(
        tmp_path, opened, prompts, monkeypatch):
    monkeypatch.setattr(first_start.getpass, "getuser", lambda: "boris")
    assert app_module.run_gui(str(tmp_path / "a.sqlite3")) == 0
    prompt, = prompts
    assert prompt["text"] == "boris"
    for words in ("stored under this name", "curator", "Preferences"):
        assert words in prompt["label"]
    assert load_settings().annotator == "boris"


@pytest.mark.parametrize("login", ["gold", "   ", OSError("no login name")])
def test_a_login_name_that_cannot_be_an_annotator_name_is_not_offered(monkeypatch, login):
    def getuser():
        if isinstance(login, Exception):
            raise login
        return login

    monkeypatch.setattr(first_start.getpass, "getuser", getuser)
    assert first_start.system_user_name() == ""


def test_the_name_prompt_is_translated(qapp, monkeypatch):
    from annotator.gui.common.translation import install_translators, remove_translators

    translators = install_translators(qapp, "ru")
    try:
        assert "Preferences" not in first_start.name_prompt()
        assert "куратор" in first_start.name_prompt()
    finally:
        remove_translators(qapp, translators)


def answer_box(monkeypatch, button: str) -> list[str]:
    """Make the 'cannot be opened' box answer with one of its buttons; returns the reasons shown."""
    shown = []

    def exec_(box):
        shown.append(box.informativeText())
        getattr(box, f"{button}_button").click()
        return 0

    monkeypatch.setattr(UnopenableDatabaseBox, "exec", exec_)
    return shown


def not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"my shopping list\n" * 100)
    return path


def newer_database(tmp_path):
    path = tmp_path / "newer.sqlite3"
    Workspace.open(str(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    return path


def foreign_database(tmp_path):
    path = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    return path


@pytest.mark.parametrize("make, reason", [
    (not_a_database, "not a SQLite database"),
    (newer_database, "made by a newer annotator"),
    (foreign_database, "not an annotator database"),
])
def test_a_database_that_cannot_be_opened_offers_a_new_one(tmp_path, opened, monkeypatch, make, reason):
    save_settings(GuiSettings(annotator="anna"))
    bad = make(tmp_path)
    before = bad.read_bytes()
    reasons = answer_box(monkeypatch, "new")
    fresh = tmp_path / "fresh.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))

    assert app_module.run_gui(str(bad)) == 0
    assert len(reasons) == 1 and reason in reasons[0] and str(bad) in reasons[0]
    assert opened == [(f"sqlite:///{fresh}", 5)]  # the new database, with the sample corpus
    assert load_settings().database == str(fresh)  # and the next start opens it
    assert bad.read_bytes() == before  # the refused file is left as it was


def test_a_locked_database_offers_another(tmp_path, opened, monkeypatch):
    save_settings(GuiSettings(annotator="anna"))
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    locked = tmp_path / "locked.sqlite3"
    Workspace.open(str(locked)).close()
    holder = sqlite3.connect(locked, isolation_level=None)
    # a lock that keeps readers out too (another program's, its file not in WAL mode); a writer's
    # lock in WAL mode would not stop the window from opening (readers never wait)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    other = tmp_path / "other.sqlite3"
    with Workspace.open(str(other)) as ws:
        import_sample(ws)
    reasons = answer_box(monkeypatch, "open")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    try:
        assert app_module.run_gui(str(locked)) == 0
    finally:
        holder.rollback()
        holder.close()
    assert "locked" in reasons[0]
    assert opened == [(f"sqlite:///{other}", 5)]


def test_a_folder_that_cannot_be_made_is_a_reason_too(tmp_path, opened, monkeypatch):
    save_settings(GuiSettings(annotator="anna"))
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    reasons = answer_box(monkeypatch, "new")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ok.sqlite3"), ""))
    assert app_module.run_gui(str(blocker / "sub" / "db.sqlite3")) == 0
    assert "a-file" in reasons[0]
    assert opened == [(f"sqlite:///{tmp_path / 'ok.sqlite3'}", 5)]


def test_quitting_at_the_question_opens_nothing(tmp_path, opened, monkeypatch):
    save_settings(GuiSettings(annotator="anna"))
    answer_box(monkeypatch, "quit")
    assert app_module.run_gui(str(not_a_database(tmp_path))) == 0
    assert opened == []
    assert load_settings().database is None


def test_a_cancelled_file_dialog_asks_again(tmp_path, opened, monkeypatch):
    save_settings(GuiSettings(annotator="anna"))
    picks = iter([("", ""), (str(tmp_path / "second.sqlite3"), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(picks))
    reasons = answer_box(monkeypatch, "new")
    assert app_module.run_gui(str(not_a_database(tmp_path))) == 0
    assert len(reasons) == 2
    assert opened == [(f"sqlite:///{tmp_path / 'second.sqlite3'}", 5)]


def test_the_box_offers_three_ways_out(qapp, tmp_path):
    box = UnopenableDatabaseBox(str(tmp_path / "x.sqlite3"), "x: locked")
    assert [b.text() for b in box.buttons()] and {box.open_button.text(), box.new_button.text(),
                                                   box.quit_button.text()} == \
        {"Open another…", "Create a new one…", "Quit"}
    assert box.escapeButton() is box.quit_button
    box.deleteLater()


def test_quit_after_load_shows_the_real_window_on_the_sample_then_quits(tmp_path):
    """In a process of its own, as a user starts it: quitting the application closes its windows,
    which must not leak into the other tests' event loops."""
    import os
    import subprocess

    config = tmp_path / "config"
    config.mkdir()
    (config / "gui.json").write_text('{"annotator": "anna"}', encoding="utf-8")
    db = tmp_path / "smoke.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_CONFIG_DIR": str(config)}
    env.pop("ANNOTATOR_DB", None)
    shown = subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), "gui", "--quit-after-load"],
                           env=env, capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert shown.stdout.startswith(
        "window shown: True; documents listed: 5; document loaded: 000_598509fc61278558;"), shown.stdout
    with Workspace.open(str(db)) as ws:
        assert documents.count(ws) == 5


def test_the_command_line_leaves_the_database_to_the_preferences_unless_told(monkeypatch, tmp_path):
    from annotator.cli import main as cli_main

    calls = []
    monkeypatch.setattr(app_module, "run_gui", lambda db=None, **kw: calls.append((db, kw)) or 0)
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    assert cli_main.main([]) == 0
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "env.sqlite3"))
    assert cli_main.main(["gui", "--quit-after-load"]) == 0
    assert calls == [(None, {}), (str(tmp_path / "env.sqlite3"), {"quit_after_load": True})]


def test_a_sample_that_cannot_be_loaded_is_said_and_the_window_opens(tmp_path, opened, monkeypatch, message_boxes):
    save_settings(GuiSettings(annotator="anna"))
    from annotator.storage.database import Busy

    def busy(workspace, **kwargs):
        raise Busy("busy: another import is running")

    monkeypatch.setattr(app_module.importing, "import_sample", busy)
    target = tmp_path / "new.sqlite3"
    assert app_module.run_gui(str(target)) == 0
    (kind, title, text), = message_boxes.shown
    assert kind == "warning" and title == "The sample corpus was not loaded" and "another import" in text
    assert opened == [(f"sqlite:///{target}", 0)]


def test_on_a_server_the_login_is_the_name_and_nothing_is_asked(tmp_path, opened, prompts, monkeypatch):
    """A team member's login is who they are: the first start on a server asks no annotator name."""

    class ServerWorkspace(Workspace):
        login = "anna_team"  # what a PostgreSQL session's current_user gives

    path = str(tmp_path / "a.sqlite3")
    monkeypatch.setattr(app_module, "open_workspace", lambda target: (ServerWorkspace.open(target), target))
    assert app_module.run_gui(path) == 0
    assert prompts == [] and load_settings().annotator is None
    assert len(opened) == 1 and opened[0][0].endswith("a.sqlite3")  # the window opened on it


def test_on_a_desktop_file_the_name_is_asked_once_the_database_is_open(tmp_path, opened, prompts):
    assert app_module.run_gui(str(tmp_path / "a.sqlite3")) == 0
    assert len(prompts) == 1 and load_settings().annotator == prompts[0]["text"]
