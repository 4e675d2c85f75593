"""Keys go where the user is typing: bare keys act in the text only; lists and cells keep theirs.
Also: Delete removes a claim, Ctrl+Return toggles done, an undo elsewhere says where, a refusal
is not called a failure to save, the relation key's SAYS sets the speaker, Ctrl+Enter saves a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.model import SetStatus
from annotator.gui.annotate.claim_panel import QUANTITY_COLUMN
from annotator.gui.notes.notes_list import NoteDialog
from tests.gui.test_claim_keys import CLAIM, claimed, select_text, spans_by_text, stored_claim  # noqa: F401
from tests.gui.test_main_window import press, select_words, stored_set

CTRL = Qt.KeyboardModifier.ControlModifier


def test_delete_in_the_relation_list_removes_the_relation_not_the_span_under_the_caret(qtbot, claimed, monkeypatch):
    window = claimed
    ids = spans_by_text(window)
    claim = stored_claim(window)
    monkeypatch.setattr(window.claim_actions, "choose_relation_type", lambda allowed: allowed[0])
    window.view.move_caret_core(claim.start + 3)
    press(qtbot, window, Qt.Key.Key_L)
    window.view.move_caret_core(window.view.text.index("Касым") + 2)
    press(qtbot, window, Qt.Key.Key_L)  # ABOUT claim -> PER; the caret stays on the PER span
    window.lower_tabs.setCurrentWidget(window.relation_list)
    window.relation_list.setFocus()
    window.relation_list.selectRow(0)
    qtbot.keyClick(window.relation_list, Qt.Key.Key_Delete)
    assert window.runner.wait()
    aset = stored_set(window.workspace, window.document_id)
    assert aset.relations == () and ids["Касым-Жомарт Токаев"] in {s.id for s in aset.spans}


def test_typing_a_digit_in_the_claim_panel_does_not_label_the_text(qtbot, claimed):
    window = claimed
    before = sorted((s.start, s.end, s.label) for s in stored_set(window.workspace, window.document_id).spans)
    window.view.select_core(0, 5)
    window.focus_claim_panel()
    window.claim_panel.setCurrentCell(0, QUANTITY_COLUMN)
    qtbot.keyClick(window.claim_panel, Qt.Key.Key_5)
    assert window.runner.wait()
    after = sorted((s.start, s.end, s.label) for s in stored_set(window.workspace, window.document_id).spans)
    assert after == before
    assert window.claim_panel.state() == window.claim_panel.State.EditingState  # the key opened the cell
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # and Esc leaves it unchanged
    assert window.claim_panel.state() != window.claim_panel.State.EditingState


def test_delete_with_the_caret_in_a_claim_removes_the_claim(qtbot, claimed):
    window = claimed
    claim = stored_claim(window)
    window.view.move_caret_core(claim.start + 3)  # inside the claim, on no entity
    press(qtbot, window, Qt.Key.Key_Delete)
    assert stored_set(window.workspace, window.document_id).claims == ()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_claim(window).id == claim.id


def test_ctrl_return_marks_done_and_opens_the_next_document_not_done(qtbot, window):
    model = window.document_model
    first, second, third = (model.document_id(row) for row in range(3))
    assert window.document_id == first
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert window.runner.wait()
    assert stored_set(window.workspace, first).status == SetStatus.DONE
    assert window.document_id == second and window.current_row() == 1  # done, and on to the next
    window.select_row(0)
    assert window.runner.wait() and window.document_id == first
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # on a done document: back in progress, and stays
    assert window.runner.wait()
    assert stored_set(window.workspace, first).status == SetStatus.IN_PROGRESS and window.document_id == first
    window.select_row(1)
    assert window.runner.wait()
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # second done; first is open again: third is next
    assert window.runner.wait()
    assert window.document_id == third
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the undo reaches back to the second document: it says so
    assert window.runner.wait()
    undone = stored_set(window.workspace, second)
    assert undone is None or undone.status != SetStatus.DONE  # the set the status made went with it
    assert f"(in {second})" in window.statusBar().currentMessage()


def test_with_the_stay_preference_ctrl_return_toggles_done_in_place(qtbot, window):
    window.settings.stay_after_done = True
    first = window.document_id
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert stored_set(window.workspace, first).status == SetStatus.DONE and window.document_id == first
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert stored_set(window.workspace, first).status == SetStatus.IN_PROGRESS


def test_a_refusal_is_not_reported_as_a_failure_to_save(qtbot, window):
    select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)
    window.apply_label("NOPE")  # not a label of the scheme: the service refuses
    assert window.runner.wait()
    assert window.saved_label.text() == "Nothing changed"


def test_says_from_the_relation_key_sets_the_speaker(qtbot, claimed, monkeypatch):
    window = claimed
    ids = spans_by_text(window)
    claim = stored_claim(window)
    window.claim_actions.cycle_speaker(-1)  # someone else speaks first (W proposes Токаев first)
    assert window.runner.wait()
    monkeypatch.setattr(window.claim_actions, "choose_relation_type", lambda allowed: "SAYS")
    window.view.move_caret_core(window.view.text.index("Касым") + 2)
    press(qtbot, window, Qt.Key.Key_L)
    window.view.move_caret_core(claim.start + 3)
    press(qtbot, window, Qt.Key.Key_L)
    assert stored_claim(window).speaker == ids["Касым-Жомарт Токаев"]
    relations = stored_set(window.workspace, window.document_id).relations
    assert [(r.label, r.head) for r in relations] == [("SAYS", ids["Касым-Жомарт Токаев"])]


def test_ctrl_enter_saves_a_note(qtbot):
    dialog = NoteDialog(target="PER «Токаев»")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.insertPlainText("проверить")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)
    assert dialog.note_text() == "проверить"
