"""The main window driven as a user would: keys and the mouse; checked in the store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from annotator.domain.model import SetStatus
from annotator.gui.common.keys import KEY_MAP, CheatSheet
from annotator.services import documents
from annotator.services.importing import import_files

from tests.gui.windows import OWNER, make_window
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
EMOJI_TEXT = "Встреча прошла в городе Ташкент 😀 15 ноября, сообщает агентство.\r\nВторая строка.\n"


def stored_set(workspace, document_id, owner=OWNER):
    sets = documents.annotation_sets(workspace, document_id, owner)
    return sets[0] if sets else None


def stored_spans(workspace, document_id, owner=OWNER):
    found = stored_set(workspace, document_id, owner)
    return sorted((s.start, s.end, s.label) for s in found.spans) if found else []


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.view, key, modifiers)
    assert window.runner.wait()


def select_words(qtbot, window, word: str, tokens: int = 1) -> tuple[int, int]:
    """Caret to the word's start (a click there), then Shift+Right once per token."""
    view = window.view
    view.move_caret_core(view.text.index(word))
    for _ in range(tokens):
        qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    return view.selection_core()


def test_label_relabel_delete_undo_redo(qtbot, window):
    ws, doc = window.workspace, window.document_id
    text = window.document.text
    start, end = select_words(qtbot, window, "Касым-Жомарт", 2)
    assert text[start:end] == "Касым-Жомарт Токаев"
    press(qtbot, window, Qt.Key.Key_1)
    assert stored_spans(ws, doc) == [(start, end, "PER")]
    assert [(s.start, s.end, s.label) for s in window.view.spans()] == [(start, end, "PER")]
    assert window.span_list.rowCount() == 1
    assert "Saved" in window.saved_label.text()
    assert "1 span(s) in this document" in window.spans_label.text()  # no translator here: the source form
    span_id = window.view.spans()[0].id

    # relabel: the same range, another label key
    window.view.select_core(start, end)
    press(qtbot, window, Qt.Key.Key_2)
    assert stored_spans(ws, doc) == [(start, end, "ORG")]
    assert stored_set(ws, doc).spans[0].id == span_id  # relabelled, not added again

    # delete the span under the caret
    window.view.move_caret_core(start + 3)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert stored_spans(ws, doc) == []
    assert window.view.spans() == []

    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo the delete
    assert stored_spans(ws, doc) == [(start, end, "ORG")]
    assert window.view.spans()[0].label == "ORG"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo the relabel
    assert stored_spans(ws, doc) == [(start, end, "PER")]
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)  # redo the relabel
    assert stored_spans(ws, doc) == [(start, end, "ORG")]
    press(qtbot, window, Qt.Key.Key_Y, CTRL)  # redo the delete
    assert stored_spans(ws, doc) == []
    press(qtbot, window, Qt.Key.Key_Y, CTRL)  # nothing to redo: a message, no crash
    assert window.statusBar().currentMessage()


def test_nested_role_and_gpe(qtbot, window):
    ws, doc = window.workspace, window.document_id
    text = window.document.text
    role = select_words(qtbot, window, "Президент Казахстана", 2)
    press(qtbot, window, Qt.Key.Key_R)
    gpe = select_words(qtbot, window, "Казахстана выступил", 1)
    press(qtbot, window, Qt.Key.Key_3)
    assert text[role[0]:role[1]] == "Президент Казахстана"
    assert text[gpe[0]:gpe[1]] == "Казахстана"
    assert stored_spans(ws, doc) == sorted([(*role, "ROLE"), (*gpe, "GPE")])
    window.view.move_caret_core(gpe[0] + 2)
    assert window.view.labels_at_qt(window.view.textCursor().position()) == ["ROLE", "GPE"]
    assert window.view.span_under_caret().label == "GPE"


def test_a_label_needs_a_selection_and_errors_do_not_crash(qtbot, window):
    ws, doc = window.workspace, window.document_id
    window.view.move_caret_core(0)
    press(qtbot, window, Qt.Key.Key_1)
    assert stored_spans(ws, doc) == []
    assert window.statusBar().currentMessage()
    # a service error (the span's document vanished from under it) shows in the status bar
    window._submit(lambda: (_ for _ in ()).throw(documents.NotFound("no document 'x'")))
    assert window.runner.wait()
    assert "no document" in window.statusBar().currentMessage()
    assert window.saved_label.text() == "Nothing changed"  # refused: nothing was lost either
    window._submit(lambda: 1 / 0)  # a bug, not a refusal
    assert window.runner.wait()
    assert window.saved_label.text() == "Not saved" and "ZeroDivisionError" in window.statusBar().currentMessage()


def test_next_previous_document_and_mark_done(qtbot, window):
    ws = window.workspace
    first = window.document_id
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    second = window.document_id
    assert second != first and window.current_row() == 1
    assert window.document.text == documents.document(ws, second).text
    press(qtbot, window, Qt.Key.Key_PageUp, CTRL)
    assert window.document_id == first
    press(qtbot, window, Qt.Key.Key_PageUp, CTRL)  # already the first: stays
    assert window.document_id == first

    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert stored_set(ws, first).status == SetStatus.DONE
    assert window.runner.wait() and window.document_id == second  # done: on to the next
    assert window.documents_label.text().startswith("1 / 5")
    model = window.document_model
    status = model.index(model.find_row(first), 3).data()
    assert "done" in str(status).lower()
    press(qtbot, window, Qt.Key.Key_PageUp, CTRL)
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # done already: back in progress
    assert stored_set(ws, first).status == SetStatus.IN_PROGRESS


def test_tab_moves_between_spans_and_span_list_activates(qtbot, window):
    ws, doc = window.workspace, window.document_id
    first = select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)
    second = select_words(qtbot, window, "Президент Казахстана", 2)
    press(qtbot, window, Qt.Key.Key_R)
    assert len(stored_spans(ws, doc)) == 2
    window.view.move_caret_core(0)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.view.selection_core() == min(first, second)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.view.selection_core() == max(first, second)
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert window.view.selection_core() == min(first, second)

    row = 1
    span_id = window.span_list.span_id(row)
    rect = window.span_list.visualRect(window.span_list.model().index(row, 1))
    with qtbot.waitSignal(window.span_list.span_activated) as signal:
        qtbot.mouseClick(window.span_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [span_id]
    assert window.view.selection_core() == max(first, second)


def test_palette_click_labels_the_selection(qtbot, window):
    ws, doc = window.workspace, window.document_id
    selection = select_words(qtbot, window, "Токаев", 1)
    item = next(window.palette.item(i) for i in range(window.palette.count())
                if window.palette.item(i).data(Qt.ItemDataRole.UserRole) == "PER")
    rect = window.palette.visualItemRect(item)
    qtbot.mouseClick(window.palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.runner.wait()
    assert stored_spans(ws, doc) == [(*selection, "PER")]


def test_cheat_sheet_lists_every_key(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    sheet = window.findChild(CheatSheet)
    assert sheet is not None and sheet.isVisible()
    listed = sheet.actions_listed()
    for binding in KEY_MAP:
        assert binding.action in listed
    assert "label:PER" in listed and "label:ROLE" in listed
    sheet.close()


def test_span_over_emoji_and_crlf_stores_code_points(qtbot, gui_workspace, runner, tmp_path):
    source = tmp_path / "emoji_doc.txt"
    source.write_bytes((" date 2025-11-15 " + EMOJI_TEXT).encode("utf-8"))
    report = import_files(gui_workspace, [source], format_id="text")
    assert report.committed
    stored_text = documents.document(gui_workspace, "emoji_doc").text
    assert "😀" in stored_text and "\r\n" in stored_text

    window = make_window(qtbot, gui_workspace, runner)
    while window.document_id != "emoji_doc":
        before = window.document_id
        press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
        assert window.document_id != before
    view = window.view
    qt_from = view.positions.to_qt(stored_text.index("Ташкент"))
    qt_to = view.positions.to_qt(stored_text.index("ноября") + len("ноября"))

    def point(qt_position: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(qt_position)
        return view.cursorRect(cursor).center()

    # drag with the mouse from inside "Ташкент" to inside "ноября": snaps to the tokens
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(qt_from + 2))
    qtbot.mouseMove(view.viewport(), point(qt_to - 2))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(qt_to - 2))
    selected = view.textCursor().selectedText()
    assert selected == "Ташкент 😀 15 ноября"
    press(qtbot, window, Qt.Key.Key_9)
    (start, end, label), = stored_spans(gui_workspace, "emoji_doc")
    assert label == "DATE"
    assert stored_text[start:end] == selected == "Ташкент 😀 15 ноября"

    # and after the CRLF: the next line's first word
    second = select_words(qtbot, window, "Вторая", 1)
    press(qtbot, window, Qt.Key.Key_6)
    assert stored_text[second[0]:second[1]] == "Вторая"
    assert (second[0], second[1], "EVENT") in stored_spans(gui_workspace, "emoji_doc")


def test_an_action_keeps_the_corpus_counters_and_a_status_change_counts_again(qtbot, window, monkeypatch):
    """Counting the corpus costs the same at any size only if a span action does not re-count it."""
    from annotator.storage.repository import Repository

    counted = []
    real_count = Repository.count_documents

    def count(repo, query):
        counted.append(query)
        return real_count(repo, query)

    monkeypatch.setattr(Repository, "count_documents", count)
    select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)  # the document's first span makes the set (a status): counted
    counted.clear()
    select_words(qtbot, window, "Касым-Жомарт", 1)
    press(qtbot, window, Qt.Key.Key_3)
    window.view.select_core(*next((s.start, s.end) for s in window.view.spans() if s.label == "GPE"))
    press(qtbot, window, Qt.Key.Key_4)  # a relabel
    assert {s.label for s in window.view.spans()} == {"PER", "LOC"} and counted == []
    assert window.documents_label.text().startswith("0 / 5")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # done: the counters move
    assert counted
    assert window.documents_label.text().startswith("1 / 5")
