"""Ctrl+F in the open document and Ctrl+Shift+F over the corpus, driven from the keyboard."""

from __future__ import annotations

import orjson
import pytest
from PySide6.QtCore import Qt

from annotator.gui.annotate.search_pane import HitListModel
from annotator.services import documents, search
from annotator.services.importing import import_files

from tests.gui.windows import make_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
EMOJI_TEXT = "😀 Визит\r\nТокаев прибыл. «Мирзиёев» встретил ТОКАЕВА 👍🏽 и Токаеву.\r\n"


@pytest.fixture
def emoji_window(qtbot, tmp_path, gui_workspace, runner):
    path = tmp_path / "emoji.jsonl"
    path.write_bytes(orjson.dumps({"id": "aaa_emoji", "text": EMOJI_TEXT}) + b"\n")
    assert import_files(gui_workspace, [path]).committed
    window = make_window(qtbot, gui_workspace, runner)
    window.jump_to("aaa_emoji", 0, 0)
    assert runner.wait()
    qtbot.waitUntil(lambda: window.document_id == "aaa_emoji")
    return window


def test_ctrl_f_marks_every_hit_any_form_and_steps_round(qtbot, emoji_window):
    window, view = emoji_window, emoji_window.view
    view.move_caret_core(0)
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    bar.field.insert("токаев")
    hits = [view.text[s:e] for s, e in bar.hits()]
    assert hits == ["Токаев", "ТОКАЕВА", "Токаеву"]  # case and lemma, after emoji and CRLF
    assert view.marks() == bar.hits()  # all framed
    assert view.current_mark() == bar.hits()[0]
    assert view.text[slice(*view.selection_core())] == "Токаев"
    assert bar.count_label.text() == "1 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert view.current_mark() == bar.hits()[1]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)  # round the start, to the last
    assert view.current_mark() == bar.hits()[2]
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert view.current_mark() == bar.hits()[0]
    qtbot.keyClick(view, Qt.Key.Key_F3, SHIFT)
    assert view.current_mark() == bar.hits()[2]

    bar.field.setText("мирзиеев")
    assert [view.text[s:e] for s, e in bar.hits()] == ["Мирзиёев"]
    bar.field.setText('"прибыл мирзиеев')  # a quote still open while typing
    assert [view.text[s:e] for s, e in bar.hits()] == ["прибыл. «Мирзиёев"]
    bar.field.setText("самолёт")
    assert bar.hits() == [] and view.marks() == [] and bar.count_label.text() == "No hits"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and view.marks() == []


def test_ctrl_shift_f_lists_hits_and_enter_opens_the_hit(qtbot, window):
    pane = window.search_pane
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL | SHIFT)
    assert pane.isVisible() and pane.field.hasFocus()
    pane.field.insert("переговоры")
    qtbot.keyClick(pane.field, Qt.Key.Key_Return)
    assert window.runner.wait()
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0)
    expected = list(search.iter_hits(window.workspace, "переговоры"))
    assert pane.model.rowCount() == len(expected) and pane.model.complete
    target = expected[-1]
    assert target.document_id != window.document_id
    qtbot.keyClick(pane.field, Qt.Key.Key_Down)
    assert pane.list.hasFocus()
    pane.list.setCurrentIndex(pane.model.index(len(expected) - 1, 0))
    qtbot.keyClick(pane.list, Qt.Key.Key_Return)
    assert window.runner.wait()
    qtbot.waitUntil(lambda: window.document_id == target.document_id)
    qtbot.waitUntil(lambda: window.view.selection_core() == (target.start, target.end))
    text = documents.document(window.workspace, target.document_id).text
    assert window.view.text[target.start:target.end] == text[target.start:target.end] == target.text
    assert window.document_table.currentIndex().data(Qt.ItemDataRole.UserRole) == target.document_id


def test_the_hit_list_reads_a_page_at_a_time_as_it_is_scrolled(qtbot, gui_workspace, runner):
    model = HitListModel(gui_workspace, runner, page_size=3)
    everything = list(search.iter_hits(gui_workspace, "в"))
    assert len(everything) > 7
    model.set_search("в")
    assert runner.wait()
    assert model.rowCount() == 3 and model.canFetchMore()
    model.fetchMore()
    assert runner.wait()
    assert model.rowCount() == 6
    while model.canFetchMore():
        model.fetchMore()
        assert runner.wait()
    assert model.complete
    rows = [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    assert rows == [(h.document_id, h.start, h.end) for h in everything]


def test_a_bad_query_says_so_in_the_pane(qtbot, window):
    pane = window.search_pane
    pane.open_pane('"не закрыта')
    pane.run_search()
    assert window.runner.wait()
    qtbot.waitUntil(lambda: "quote" in pane.status.text())
    assert pane.model.rowCount() == 0
