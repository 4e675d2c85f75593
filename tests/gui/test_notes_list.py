"""The curator's list of notes and the dialog for writing one (off screen)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from annotator.domain.notes import Note
from annotator.gui.notes.notes_list import NOTE_ROLE, NoteDialog, NotesList

DOC = "000_598509fc61278558"
OTHER = "001_1fc550a04f713c8c"
TEXT = "Касым-Жомарт Токаев отметил, что\nРастет число совместных предприятий."
WHEN = datetime(2026, 11, 24, 10, 0, 0)


def note(id_, document_id=DOC, owner="anna", target=None, kind="document", label=None, start=None, end=None,
         text="", unsure=False, author=None) -> Note:
    return Note(id_, document_id, owner, target, kind, label, start, end, text, unsure, author or owner, WHEN)


def sample() -> list[Note]:
    claim_start = TEXT.index("Растет")
    return [
        note(1, text="вне темы корпуса"),
        note(2, target=10, kind="span", label="PER", start=0, end=19, text="он ли это?", unsure=True),
        note(3, owner="boris", target=11, kind="claim", label="STAT", start=claim_start, end=len(TEXT) - 1,
             unsure=True, author="cora"),
        note(4, document_id=OTHER, target=12, kind="span", label="GPE", start=0, end=7, text="a\n  b"),
    ]


def rows(widget: NotesList) -> list[list[str]]:
    return [[widget.item(r, c).text() for c in range(widget.columnCount())] for r in range(widget.rowCount())]


def test_rows_show_document_annotator_target_flag_and_text(qtbot):
    widget = NotesList()
    qtbot.addWidget(widget)
    widget.set_notes(sample(), {DOC: TEXT})
    assert [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())] == [
        "Document", "Annotator", "On", "Unsure", "Note"]
    assert rows(widget) == [
        [DOC, "anna", "Document", "", "вне темы корпуса"],
        [DOC, "anna", "PER «Касым-Жомарт Токаев»", "⚑", "он ли это?"],
        [DOC, "boris", "STAT claim «Растет число совместных предприятий»", "⚑", ""],
        [OTHER, "anna", "GPE", "", "a b"],  # no text for OTHER given: the label alone
    ]
    assert widget.item(2, 1).toolTip() == "Written by cora"  # a curator's note in boris's set
    assert widget.item(1, 2).toolTip() == "Касым-Жомарт Токаев"
    assert widget.item(3, 4).toolTip() == "a\n  b"  # the whole text as written
    assert [widget.item(r, 0).data(NOTE_ROLE).id for r in range(4)] == [1, 2, 3, 4]  # the Note, not the text
    assert widget.notes() == sample()


def test_a_long_text_and_a_long_target_are_cut(qtbot):
    widget = NotesList()
    qtbot.addWidget(widget)
    long_text = "слово " * 200
    widget.set_notes([note(1, target=5, kind="span", label="ORG", start=0, end=len(long_text), text=long_text)],
                     {DOC: long_text})
    on, body = widget.item(0, 2).text(), widget.item(0, 4).text()
    assert on.startswith("ORG «слово слово") and on.endswith("…»") and len(on) < 60
    assert body.endswith("…") and len(body) <= 120
    assert widget.item(0, 4).toolTip() == long_text


def test_enter_and_double_click_emit_the_note(qtbot):
    widget = NotesList()
    qtbot.addWidget(widget)
    notes = sample()
    widget.set_notes(notes, {DOC: TEXT})
    widget.show()
    qtbot.waitExposed(widget)

    widget.select_note(3)
    assert widget.current_note() == notes[2]
    with qtbot.waitSignal(widget.note_activated, timeout=1000) as caught:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert caught.args == [notes[2]]

    rect = widget.visualItemRect(widget.item(1, 4))
    with qtbot.assertNotEmitted(widget.note_activated):  # a click selects, it does not activate
        qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.current_note() == notes[1]
    with qtbot.waitSignal(widget.note_activated, timeout=1000) as caught:
        qtbot.mouseDClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert caught.args == [notes[1]]


def test_set_notes_keeps_the_selection_and_emits_nothing(qtbot):
    widget = NotesList()
    qtbot.addWidget(widget)
    notes = sample()
    widget.set_notes(notes)
    widget.select_note(2)
    with qtbot.assertNotEmitted(widget.note_activated):
        widget.set_notes(list(reversed(notes)))
    assert widget.current_note().id == 2 and widget.currentRow() == 2
    widget.set_notes([n for n in notes if n.id != 2])
    assert widget.current_note() is None
    widget.set_notes([])
    assert widget.rowCount() == 0


def test_dialog_ok_needs_a_text_or_the_flag(qtbot):
    dialog = NoteDialog(target="PER «Токаев»")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.windowTitle() == "Note"
    assert dialog.target_label.text() == "On: PER «Токаев»"
    assert not ok.isEnabled()
    dialog.text_edit.setPlainText("   \n ")
    assert not ok.isEnabled()
    dialog.unsure_box.setChecked(True)
    assert ok.isEnabled() and dialog.unsure() and dialog.note_text() == ""
    dialog.unsure_box.setChecked(False)
    assert not ok.isEnabled()
    dialog.text_edit.setPlainText("  он ли это?\n")
    assert ok.isEnabled() and dialog.note_text() == "он ли это?" and not dialog.unsure()
    with qtbot.waitSignal(dialog.accepted):
        ok.click()


def test_dialog_starts_with_a_note_to_change_and_refuses_an_empty_accept(qtbot):
    dialog = NoteDialog(text="старая мысль", unsure=True)
    qtbot.addWidget(dialog)
    assert (dialog.note_text(), dialog.unsure()) == ("старая мысль", True)
    assert not dialog.target_label.isVisibleTo(dialog)
    dialog.text_edit.clear()
    dialog.unsure_box.setChecked(False)
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.accept()  # what Enter would do: an empty note is not accepted
