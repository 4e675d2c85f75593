"""Notes, unsure flags and skipping from the annotation window, checked in the store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.domain.model import SetStatus
from annotator.services import notes
from tests.gui.test_main_window import press, select_words, stored_set
from tests.gui.windows import OWNER

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def stored_notes(window):
    return notes.notes(window.workspace, document_id=window.document_id, owner=OWNER)


def test_a_note_goes_on_the_span_under_the_caret_and_undo_takes_it_back(qtbot, window, monkeypatch):
    start, end = select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)
    asked = []
    monkeypatch.setattr(window.note_actions, "ask_note",
                        lambda target: asked.append(target) or ("Это он же — Президент?", True))
    window.view.move_caret_core(start + 2)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    (note,) = stored_notes(window)
    assert asked == ["PER «Касым-Жомарт Токаев»"]
    assert (note.target_kind, note.target_start, note.target_end) == ("span", start, end)
    assert (note.text, note.unsure, note.author) == ("Это он же — Президент?", True, OWNER)
    assert window.notes_list.rowCount() == 1 and window.lower_tabs.tabText(2) == "Notes (1)"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_notes(window) == []


def test_with_the_caret_on_nothing_the_note_is_on_the_document(qtbot, window, monkeypatch):
    monkeypatch.setattr(window.note_actions, "ask_note", lambda target: ("не по теме?", False))
    window.view.move_caret_core(len(window.view.text) - 1)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    (note,) = stored_notes(window)
    assert (note.target_kind, note.target_id, note.unsure) == ("document", None, False)


def test_cancelling_the_note_dialog_writes_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(window.note_actions, "ask_note", lambda target: None)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert stored_notes(window) == []


def test_the_unsure_key_flags_and_unflags(qtbot, window):
    start, end = select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)
    window.view.move_caret_core(start + 1)
    press(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    (flag,) = stored_notes(window)
    assert (flag.unsure, flag.text, flag.target_start) == (True, "", start)
    press(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    assert stored_notes(window) == []


def test_skipping_a_document_and_taking_it_back(qtbot, window):
    press(qtbot, window, Qt.Key.Key_K, CTRL | SHIFT)
    assert stored_set(window.workspace, window.document_id).status == SetStatus.SKIPPED
    press(qtbot, window, Qt.Key.Key_K, CTRL | SHIFT)
    assert stored_set(window.workspace, window.document_id).status == SetStatus.IN_PROGRESS
