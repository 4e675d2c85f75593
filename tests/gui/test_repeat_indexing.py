"""The window builds the index of repeated passages in the background: what an import left out
is read in after the window opens and after each import, the status bar says how many documents
are left, and the open document's margin shows its copies once they are indexed."""

from __future__ import annotations

import pytest

from annotator.gui.annotate import repeat_indexing
from annotator.services import repeats
from annotator.services.repeat_indexing import BackgroundIndexer
from annotator.services.importing import import_sample
from annotator.services.workspace import Workspace
from tests.gui.windows import make_window


@pytest.fixture
def unindexed(tmp_path):
    ws = Workspace.open(str(tmp_path / "fresh.sqlite3"))
    assert import_sample(ws).committed
    yield ws
    ws.close()


def open_document(qtbot, window, prefix: str) -> None:
    docs = window.document_model
    document_id = next(d for d in (docs.summary_at(r).id for r in range(docs.rowCount())) if d.startswith(prefix))
    window.show_document(document_id)
    qtbot.waitUntil(lambda: window.document_id == document_id)
    assert window.runner.wait()


def test_the_window_indexes_what_the_import_left_and_the_margin_then_shows_the_copies(qtbot, unindexed, runner):
    assert repeats.unread_count(unindexed) == 5
    window = make_window(qtbot, unindexed, runner)
    open_document(qtbot, window, "002")
    assert not window.view.repeat_margin.copies()  # not indexed yet: no marks
    window.repeat_indexing.start()  # what the window does a little after it opens
    qtbot.waitUntil(lambda: len(window.view.repeat_margin.copies()) == 3, timeout=20000)
    assert repeats.unread_count(unindexed) == 0
    assert window.repeat_indexing.label.isHidden()


def test_the_status_bar_says_how_many_documents_are_left(qtbot, unindexed, runner, monkeypatch):
    window = make_window(qtbot, unindexed, runner)
    indexer = window.repeat_indexing.indexer
    monkeypatch.setattr(BackgroundIndexer, "running", property(lambda self: True))  # as while its thread runs
    indexer.left = 1234
    window.repeat_indexing.show_state()
    label = window.repeat_indexing.label
    assert not label.isHidden() and "1234" in label.text() and "left" in label.text()
    indexer.left = 0
    window.repeat_indexing.show_state()
    assert label.isHidden()


def test_it_starts_by_itself_after_opening_and_stops_when_the_window_closes(qtbot, unindexed, runner, monkeypatch):
    monkeypatch.setattr(repeat_indexing, "START_DELAY_MS", 500)
    window = make_window(qtbot, unindexed, runner)
    # armed when the window opened (on a busy machine the delay may already have run out)
    indexer = window.repeat_indexing.indexer
    assert window.repeat_indexing._delayed.isActive() or indexer.running or indexer.finished
    qtbot.waitUntil(lambda: window.repeat_indexing.indexer.finished == 1, timeout=20000)
    assert repeats.unread_count(unindexed) == 0
    window.close()
    assert not window.repeat_indexing.indexer.running
    window.repeat_indexing.start()  # closed: it does not start again
    assert not window.repeat_indexing.indexer.running


def test_an_import_from_the_window_is_indexed_after_it(qtbot, unindexed, runner, tmp_path):
    window = make_window(qtbot, unindexed, runner)
    window.repeat_indexing.start()
    qtbot.waitUntil(lambda: window.repeat_indexing.indexer.finished == 1, timeout=20000)
    copy = tmp_path / "copy.txt"
    with unindexed.store.read() as repo:
        text = repo.documents([window.document_id])[0].text
    copy.write_text("Новое вступление. " + text, encoding="utf-8")
    dialog = window.open_import_dialog([copy])
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.report.committed
    qtbot.waitUntil(lambda: window.repeat_indexing.indexer.finished == 2, timeout=20000)
    assert repeats.unread_count(unindexed) == 0
    assert "copy" in {d for p in repeats.repeated_passages(unindexed) for d, *_ in p.places}


def test_a_key_or_a_click_in_the_text_holds_the_indexer_off(qtbot, unindexed, runner):
    from PySide6.QtCore import Qt

    window = make_window(qtbot, unindexed, runner)
    indexer = window.repeat_indexing.indexer
    for act in (lambda: qtbot.keyClick(window.view, Qt.Key.Key_Right),  # a plain key
                lambda: qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),  # a shortcut
                lambda: qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton)):
        indexer._quiet_from = 0.0
        act()
        assert indexer._quiet_from > 0.0
    indexer.start()  # held: no batch begins while the annotator is at work
    qtbot.wait(300)
    assert indexer.indexed == 0 and repeats.unread_count(unindexed) == 5
    indexer._quiet_from = 0.0  # a second without keys
    qtbot.waitUntil(lambda: indexer.finished == 1, timeout=20000)
    assert repeats.unread_count(unindexed) == 0
