"""The scheme editor driven as a user would; every change checked in the store and in the window."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.domain.model import Role
from annotator.services import curation, documents, schemes, users
from annotator.services.schemes import CLAIM, ENTITY
from tests.gui.test_main_window import press, select_words, stored_spans
from tests.gui.windows import OWNER

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(qtbot, window):
    return open_editor(qtbot, window)


def open_editor(qtbot, window):
    """Options ▸ Edit the labels…: the editor is built once its state is read on the runner."""
    window.open_scheme_editor()
    assert window.runner.wait()
    dialog = window.scheme_editor
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def select_label(editor, name: str) -> None:
    editor.labels_tab.item_list.setCurrentRow(editor.labels_tab.names().index(name))
    assert editor.labels_tab.selected == name


def focus_text(qtbot, window) -> None:
    """The user clicks back into the text, the editor still open: the window's keys work again."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()


def type_into(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line_edit, text)


def test_a_new_label_with_a_hotkey_labels_text_at_once(qtbot, window, editor):
    qtbot.mouseClick(editor.labels_tab.add_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait() and editor.labels_tab.selected == "NEW"
    type_into(qtbot, editor.labels_tab.name_edit, "PRODUCT")
    qtbot.keyClick(editor.labels_tab.name_edit, Qt.Key.Key_Return)
    assert window.runner.wait()
    assert editor.labels_tab.selected == "PRODUCT" and window.workspace.current_scheme().entity("PRODUCT")

    type_into(qtbot, editor.labels_tab.hotkey_edit, "1")  # PER's: refused as typed, nothing saved
    assert editor.labels_tab.hotkey_status.text() == "1 is already the hotkey of PER"
    assert window.runner.wait()
    assert window.workspace.current_scheme().entity("PRODUCT").hotkey != "1"
    type_into(qtbot, editor.labels_tab.hotkey_edit, "q")  # free: saved at once
    assert window.runner.wait()
    assert editor.labels_tab.hotkey_status.text() == ""
    assert window.workspace.current_scheme().entity("PRODUCT").hotkey == "Q"

    # the window took the new label: palette, Label menu, and the key itself
    assert "PRODUCT" in window.palette.labels()
    assert any("PRODUCT" in a.text() for a in window.label_menu.actions())
    focus_text(qtbot, window)
    start, end = select_words(qtbot, window, "Токаев")
    press(qtbot, window, Qt.Key.Key_Q)
    assert stored_spans(window.workspace, window.document_id) == [(start, end, "PRODUCT")]


def test_merge_says_what_it_moves_checks_the_store_and_undoes(qtbot, window, editor, monkeypatch):
    ws, doc = window.workspace, window.document_id
    focus_text(qtbot, window)
    per = select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)  # PER
    asked: list[str] = []
    monkeypatch.setattr(editor, "choose_merge_target", lambda source: "ROLE")
    monkeypatch.setattr(editor, "confirm", lambda title, text: asked.append(text) or True)
    select_label(editor, "PER")
    qtbot.mouseClick(editor.labels_tab.merge_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait() and window.runner.wait()
    assert asked and "Merge PER into ROLE? Spans that become ROLE: 1 (anna 1)" in asked[0]
    assert stored_spans(ws, doc) == [(*per, "ROLE")]
    assert window.workspace.current_scheme().entity("PER") is None
    assert "PER" not in editor.labels_tab.names() and editor.labels_tab.selected == "ROLE"
    assert [s.label for s in window.view.spans()] == ["ROLE"]  # the open document shows the move

    assert editor.undo_button.text() == "Undo: Merge label PER into ROLE"
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert stored_spans(ws, doc) == [(*per, "PER")]
    assert "PER" in editor.labels_tab.names() and "PER" in window.palette.labels()
    assert editor.labels_tab.item_list.item(editor.labels_tab.names().index("PER")).text().endswith("PER   ·  1 span(s)")


def test_delete_cancelled_changes_nothing_and_confirmed_removes_the_spans(qtbot, window, editor, monkeypatch):
    ws, doc = window.workspace, window.document_id
    focus_text(qtbot, window)
    per = select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)
    answers = [False, True]
    asked: list[str] = []
    monkeypatch.setattr(editor, "confirm", lambda title, text: asked.append(text) or answers.pop(0))
    select_label(editor, "PER")
    version = ws.current_scheme().version
    qtbot.mouseClick(editor.labels_tab.delete_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert stored_spans(ws, doc) == [(*per, "PER")] and ws.current_scheme().version == version
    qtbot.mouseClick(editor.labels_tab.delete_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert "removes spans: 1 (anna 1)" in asked[1]
    assert stored_spans(ws, doc) == [] and ws.current_scheme().entity("PER") is None
    assert window.view.spans() == []


def test_guideline_and_colour_reach_the_palette_and_the_cheat_sheet(qtbot, window, editor):
    select_label(editor, "GPE")
    guideline = "Страны, регионы, города: «Узбекистан», «Ташкент»."
    editor.labels_tab.guideline_edit.setFocus()
    editor.labels_tab.guideline_edit.insertPlainText(guideline)  # QTest types ASCII only
    assert window.workspace.current_scheme().entity("GPE").guideline == ""  # not yet: still typing
    editor.labels_tab.description_edit.setFocus()  # leaving the guideline saves it
    assert window.runner.wait()
    assert window.workspace.current_scheme().entity("GPE").guideline == guideline
    row = window.palette.labels().index("GPE")
    assert window.palette.item(row).toolTip() == guideline
    sheet = window.show_cheat_sheet()
    sheet_row = sheet.actions_listed().index("label:GPE")
    assert sheet.table.item(sheet_row, 1).toolTip() == guideline

    editor.labels_tab.set_color("#00ff00")
    assert window.runner.wait()
    assert window.workspace.current_scheme().entity("GPE").color == "#00ff00"
    assert window.colors["GPE"] == "#00ff00"


def test_attributes_per_label_are_added_and_removed(qtbot, window, editor):
    select_label(editor, "GPE")
    type_into(qtbot, editor.labels_tab.attribute_name, "kind")
    editor.labels_tab.attribute_type.setCurrentIndex(editor.labels_tab.attribute_type.findData("choice"))
    type_into(qtbot, editor.labels_tab.attribute_choices, "country, city")
    qtbot.mouseClick(editor.labels_tab.add_attribute_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    kind = window.workspace.current_scheme().attribute("kind")
    assert (kind.type, kind.choices, kind.labels) == ("choice", ("country", "city"), ("GPE",))
    rows = [editor.labels_tab.attribute_table.item(r, 0).text() for r in range(editor.labels_tab.attribute_table.rowCount())]
    assert rows == ["uncertain", "note", "kind"]
    editor.labels_tab.attribute_table.setCurrentCell(2, 0)
    qtbot.mouseClick(editor.labels_tab.remove_attribute_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert window.workspace.current_scheme().attribute("kind") is None


def test_a_bad_scheme_file_is_reported_with_file_and_line(qtbot, window, editor, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "entities": [\n', encoding="utf-8")
    version = window.workspace.current_scheme().version
    editor.import_file(bad)
    assert window.runner.wait()
    assert f"{bad}:3: not JSON" in editor.status_label.text()
    assert window.workspace.current_scheme().version == version


def test_exporting_the_scheme_over_a_file_not_ours_asks_first(qtbot, window, editor, tmp_path, message_boxes):
    theirs = tmp_path / "scheme.json"
    theirs.write_text("my notes\n", encoding="utf-8")
    message_boxes.answers.append(QMessageBox.StandardButton.No)
    editor.export_file(theirs)
    assert window.runner.wait()
    assert theirs.read_text(encoding="utf-8") == "my notes\n"
    assert "was not written by annotator" in message_boxes.shown[-1][2]
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    editor.export_file(theirs)
    assert window.runner.wait()
    assert schemes.read_scheme_file(theirs).to_dict() == window.workspace.current_scheme().to_dict()


def test_an_annotator_only_looks_once_the_team_has_a_curator(qtbot, window, gui_workspace):
    users.add_user(gui_workspace, "cora", Role.CURATOR)
    editor = open_editor(qtbot, window)
    assert f"'{OWNER}' is not a curator" in editor.status_label.text()
    assert not editor.labels_tab.add_button.isEnabled() and not editor.labels_tab.details.isEnabled()
    assert not editor.claim_types_tab.add_button.isEnabled() and not editor.claim_types_tab.delete_button.isEnabled()
    assert not editor.claim_types_tab.details.isEnabled()
    assert editor.export_button.isEnabled()  # sharing the scheme needs no rights


def test_the_key_opens_the_editor(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.runner.wait()
    assert window.scheme_editor is not None and window.scheme_editor.isVisible()


def test_the_windows_own_letters_are_refused_as_label_hotkeys(qtbot, window, editor):
    from annotator.domain.scheme_edits import RESERVED_HOTKEYS
    from annotator.gui.common.keys import WINDOW_LETTERS

    assert WINDOW_LETTERS <= RESERVED_HOTKEYS  # a new bare key in the window must be reserved too
    select_label(editor, "GPE")
    type_into(qtbot, editor.labels_tab.hotkey_edit, "w")
    assert editor.labels_tab.hotkey_status.text() == "W is the window's own key for claims and relations"
    assert window.runner.wait() and window.workspace.current_scheme().entity("GPE").hotkey == "3"


# ---------------------------------------------------------------- saves that land late


def hold_runner(runner) -> threading.Event:
    """Keep the runner busy until the returned event is set: saves submitted meanwhile land later."""
    gate = threading.Event()
    runner.run(lambda: gate.wait(10))
    return gate


def click_label(qtbot, editor, name: str) -> None:
    item = editor.labels_tab.item_list.item(editor.labels_tab.names().index(name))
    qtbot.mouseClick(editor.labels_tab.item_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.labels_tab.item_list.visualItemRect(item).center())


def test_a_guideline_left_for_another_label_is_saved_once_and_the_form_stays_there(qtbot, window, editor):
    ws = window.workspace
    select_label(editor, "PER")
    version = ws.current_scheme().version
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.labels_tab.guideline_edit.setFocus()
    qtbot.waitUntil(editor.labels_tab.guideline_edit.hasFocus)
    editor.labels_tab.guideline_edit.insertPlainText("Люди по имени")
    gate = hold_runner(window.runner)
    click_label(qtbot, editor, "ORG")  # the guideline loses focus, then the form shows ORG
    assert editor.labels_tab.selected == "ORG"
    gate.set()
    assert window.runner.wait()
    assert editor.labels_tab.selected == "ORG" and editor.labels_tab.name_edit.text() == "ORG"  # no jump back to PER
    scheme = ws.current_scheme()
    assert scheme.entity("PER").guideline == "Люди по имени"
    assert scheme.version == version + 1  # saved once
    assert editor.undo_button.text() == "Undo: Change guideline of PER"
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert ws.current_scheme().entity("PER").guideline == ""
    assert editor.undo_button.text() != "Undo: Change guideline of PER"  # not twice in the history
    assert editor.labels_tab.selected == "ORG"


def test_a_field_already_pending_or_stored_is_not_saved_again(qtbot, window, editor):
    ws = window.workspace
    select_label(editor, "GPE")
    version = ws.current_scheme().version
    gate = hold_runner(window.runner)
    editor.labels_tab.description_edit.setText("Страны")
    editor.labels_tab.description_edit.editingFinished.emit()
    editor.labels_tab.description_edit.editingFinished.emit()  # the same value, still pending
    gate.set()
    assert window.runner.wait()
    editor.labels_tab.description_edit.editingFinished.emit()  # the same value, stored
    assert window.runner.wait()
    assert ws.current_scheme().entity("GPE").description == "Страны"
    assert ws.current_scheme().version == version + 1


def test_enter_twice_in_the_name_field_renames_once_without_a_false_error(qtbot, window, editor):
    ws = window.workspace
    select_label(editor, "PER")
    version = ws.current_scheme().version
    type_into(qtbot, editor.labels_tab.name_edit, "PERSON")
    gate = hold_runner(window.runner)
    qtbot.keyClick(editor.labels_tab.name_edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.labels_tab.name_edit, Qt.Key.Key_Return)
    gate.set()
    assert window.runner.wait()
    assert "Not saved" not in editor.status_label.text()
    assert editor.status_label.text().startswith("Saved version")
    assert editor.labels_tab.selected == "PERSON" and editor.labels_tab.name_edit.text() == "PERSON"
    assert ws.current_scheme().entity("PERSON") is not None and ws.current_scheme().version == version + 1


def test_edits_while_a_rename_is_pending_go_to_the_label_by_its_new_name(qtbot, window, editor):
    ws = window.workspace
    select_label(editor, "PER")
    gate = hold_runner(window.runner)
    type_into(qtbot, editor.labels_tab.name_edit, "PERSON")
    qtbot.keyClick(editor.labels_tab.name_edit, Qt.Key.Key_Return)
    type_into(qtbot, editor.labels_tab.name_edit, "HUMAN")  # another name before the first rename is saved
    qtbot.keyClick(editor.labels_tab.name_edit, Qt.Key.Key_Return)
    editor.labels_tab.description_edit.setText("люди")
    editor.labels_tab.description_edit.editingFinished.emit()
    gate.set()
    assert window.runner.wait()
    assert "Not saved" not in editor.status_label.text()
    scheme = ws.current_scheme()
    assert scheme.entity("PER") is None and scheme.entity("PERSON") is None
    assert scheme.entity("HUMAN").description == "люди"
    assert editor.labels_tab.selected == "HUMAN" and editor.labels_tab.description_edit.text() == "люди"


def test_the_editor_reads_the_store_on_the_runner_only(qtbot, window, monkeypatch):
    """Nothing of the editor's (nor a curation window's) reads the database on the GUI thread."""
    gui_thread, read_on_gui = threading.current_thread(), []

    def spy(name, real):
        def call(*args, **kwargs):
            if threading.current_thread() is gui_thread:
                read_on_gui.append(name)
            return real(*args, **kwargs)
        return call

    for name in ("refusal", "span_counts", "claim_counts", "next_labels"):
        monkeypatch.setattr(schemes, name, spy(name, getattr(schemes, name)))
    monkeypatch.setattr(window.workspace, "current_scheme", spy("current_scheme", window.workspace.current_scheme))
    editor = open_editor(qtbot, window)
    assert editor.labels_tab.names()[:2] == ["PER", "ORG"] and editor.undo_button.text() == "Undo"
    select_label(editor, "GPE")
    editor.labels_tab.set_color("#00ff00")
    assert window.runner.wait()
    assert editor.undo_button.text() == "Undo: Change color of GPE"
    curation_window = window.open_curation()  # closed with the window
    assert window.runner.wait() and curation_window.state is not None
    assert read_on_gui == []


def test_an_open_curation_window_follows_a_rename(qtbot, window, editor):
    ws = window.workspace
    users.add_user(ws, OWNER, Role.CURATOR)  # anna writes gold (and the scheme)
    curation_window = window.open_curation()  # closed with the window
    assert window.runner.wait() and not curation_window.read_only
    select_label(editor, "PER")
    type_into(qtbot, editor.labels_tab.name_edit, "PERSON")
    qtbot.keyClick(editor.labels_tab.name_edit, Qt.Key.Key_Return)
    assert window.runner.wait()
    assert curation_window.scheme.entity("PERSON") is not None
    assert "PERSON" in curation_window.colors and "PER" not in curation_window.colors
    assert "label:PERSON" in curation_window.actions_by_name and "label:PER" not in curation_window.actions_by_name
    assert any("PERSON" in a.text() for a in curation_window.label_menu.actions())

    curation_window.activateWindow()
    qtbot.waitUntil(curation_window.isActiveWindow)
    start = curation_window.view.text.index("Токаев")
    curation_window.view.select_core(start, start + len("Токаев"))
    curation_window.view.setFocus()
    qtbot.keyClick(curation_window.view, Qt.Key.Key_1)  # PERSON's key now
    assert window.runner.wait()
    gold = curation.gold_set(ws, window.document_id)
    assert gold is not None and [(s.start, s.label) for s in gold.spans] == [(start, "PERSON")]
    assert [s.label for s in curation_window.gold_lane.view.spans()] == ["PERSON"]


# ---------------------------------------------------------------- claim types


def select_claim_type(editor, name: str) -> None:
    editor.tabs.setCurrentWidget(editor.claim_types_tab)
    editor.claim_types_tab.item_list.setCurrentRow(editor.claim_types_tab.names().index(name))
    assert editor.claim_types_tab.selected == name


def stored_claims(workspace, document_id, owner=OWNER) -> list[tuple[int, int, str]]:
    sets = documents.annotation_sets(workspace, document_id, owner)
    return sorted((c.start, c.end, c.type) for aset in sets for c in aset.claims)


def make_claim_with_key(qtbot, window, word: str, key) -> tuple[int, int]:
    """Select ``word`` in the text and press a claim type's key there."""
    focus_text(qtbot, window)
    start = window.view.text.index(word)
    window.view.select_core(start, start + len(word))
    qtbot.keyClick(window.view, key)
    assert window.runner.wait()
    return start, start + len(word)


def test_the_label_tab_is_shown_first_and_claim_types_have_their_own(qtbot, window, editor):
    assert editor.tabs.currentWidget() is editor.labels_tab
    assert editor.claim_types_tab.names() == ["STAT", "FACT", "PLAN", "PROPOSAL", "OPINION"]
    assert editor.claim_types_tab.selected == "STAT"
    assert editor.claim_types_tab.item_list.item(0).text() == " S   STAT   ·  0 claim(s)"
    assert editor.claim_types_tab.name_edit.text() == "STAT" and editor.claim_types_tab.hotkey_edit.text() == "S"
    assert editor.claim_types_tab.description_edit.text().startswith("a figure")


def test_a_new_claim_type_with_a_hotkey_makes_claims_at_once(qtbot, window, editor):
    ws, doc = window.workspace, window.document_id
    editor.tabs.setCurrentWidget(editor.claim_types_tab)
    qtbot.mouseClick(editor.claim_types_tab.add_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait() and editor.claim_types_tab.selected == "NEW"
    assert ws.current_scheme().has_claim_type("NEW")
    type_into(qtbot, editor.claim_types_tab.name_edit, "QUOTE")
    qtbot.keyClick(editor.claim_types_tab.name_edit, Qt.Key.Key_Return)
    assert window.runner.wait()
    assert editor.claim_types_tab.selected == "QUOTE" and ws.current_scheme().has_claim_type("QUOTE")
    assert not ws.current_scheme().has_claim_type("NEW")

    type_into(qtbot, editor.claim_types_tab.hotkey_edit, "1")  # PER's: refused as typed, nothing saved
    assert editor.claim_types_tab.hotkey_status.text() == "1 is already the hotkey of PER"
    type_into(qtbot, editor.claim_types_tab.hotkey_edit, "s")
    assert editor.claim_types_tab.hotkey_status.text() == "S is already the hotkey of claim type STAT"
    assert window.runner.wait()
    quote = next(c for c in ws.current_scheme().claim_types if c.name == "QUOTE")
    assert quote.hotkey not in ("1", "S")
    type_into(qtbot, editor.claim_types_tab.hotkey_edit, "q")  # free: saved at once
    assert window.runner.wait()
    assert editor.claim_types_tab.hotkey_status.text() == ""
    quote = next(c for c in ws.current_scheme().claim_types if c.name == "QUOTE")
    assert quote.hotkey == "Q"
    assert editor.claim_types_tab.item_list.currentItem().text() == " Q   QUOTE   ·  0 claim(s)"
    type_into(qtbot, editor.claim_types_tab.hotkey_edit, "q")  # its own key again: fine, and not saved again
    assert window.runner.wait() and editor.claim_types_tab.hotkey_status.text() == ""
    assert editor.undo_button.text() == "Undo: Change hotkey of claim type QUOTE"

    # the window took the new claim type's key: it makes a claim in the text at once
    assert "claim:QUOTE" in window.actions_by_name and "claim:NEW" not in window.actions_by_name
    start, end = make_claim_with_key(qtbot, window, "Токаев", Qt.Key.Key_Q)
    assert stored_claims(ws, doc) == [(start, end, "QUOTE")]


def test_renaming_a_claim_type_retypes_its_claims_and_undo_brings_them_back(qtbot, window, editor):
    ws, doc = window.workspace, window.document_id
    start, end = make_claim_with_key(qtbot, window, "Токаев", Qt.Key.Key_S)  # STAT
    assert stored_claims(ws, doc) == [(start, end, "STAT")]
    select_claim_type(editor, "STAT")
    editor.claim_types_tab.description_edit.setText("цифра")
    editor.claim_types_tab.description_edit.editingFinished.emit()
    type_into(qtbot, editor.claim_types_tab.name_edit, "FIGURE")
    qtbot.keyClick(editor.claim_types_tab.name_edit, Qt.Key.Key_Return)
    assert window.runner.wait()
    assert stored_claims(ws, doc) == [(start, end, "FIGURE")]
    figure = ws.current_scheme().claim_types[0]
    assert (figure.name, figure.hotkey, figure.description) == ("FIGURE", "S", "цифра")
    assert editor.claim_types_tab.selected == "FIGURE" and editor.claim_types_tab.names()[0] == "FIGURE"
    assert editor.claim_types_tab.item_list.item(0).text() == " S   FIGURE   ·  1 claim(s)"
    assert "claim:FIGURE" in window.actions_by_name and "claim:STAT" not in window.actions_by_name

    assert editor.undo_button.text() == "Undo: Rename claim type STAT to FIGURE"
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert stored_claims(ws, doc) == [(start, end, "STAT")]
    assert editor.claim_types_tab.names()[0] == "STAT" and "claim:STAT" in window.actions_by_name


def test_deleting_a_claim_type_says_what_it_removes_and_asks_first(qtbot, window, editor, monkeypatch):
    ws, doc = window.workspace, window.document_id
    make_claim_with_key(qtbot, window, "Токаев", Qt.Key.Key_E)  # OPINION
    answers = [False, True]
    asked: list[str] = []
    monkeypatch.setattr(editor, "confirm", lambda title, text: asked.append(text) or answers.pop(0))
    select_claim_type(editor, "OPINION")
    version = ws.current_scheme().version
    qtbot.mouseClick(editor.claim_types_tab.delete_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert len(stored_claims(ws, doc)) == 1 and ws.current_scheme().version == version
    qtbot.mouseClick(editor.claim_types_tab.delete_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert "removes claims: 1 (anna 1), with the relations (0) and notes (0) on them" in asked[1]
    assert stored_claims(ws, doc) == [] and not ws.current_scheme().has_claim_type("OPINION")
    assert "OPINION" not in editor.claim_types_tab.names() and editor.claim_types_tab.selected in editor.claim_types_tab.names()
    assert "claim:OPINION" not in window.actions_by_name
    assert editor.undo_button.text() == "Undo: Delete claim type OPINION"


def test_the_last_claim_type_is_not_deleted_and_nothing_is_asked(qtbot, window, monkeypatch):
    ws = window.workspace
    for name in ("STAT", "FACT", "PLAN", "PROPOSAL"):
        schemes.delete_item(ws, CLAIM, name, user=OWNER)
    editor = open_editor(qtbot, window)
    assert editor.claim_types_tab.names() == ["OPINION"]
    monkeypatch.setattr(editor, "confirm", lambda title, text: pytest.fail("asked"))
    version = ws.current_scheme().version
    select_claim_type(editor, "OPINION")
    qtbot.mouseClick(editor.claim_types_tab.delete_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert editor.status_label.text() == "Not saved: a scheme needs at least one claim type"
    assert ws.current_scheme().version == version


def test_the_last_label_is_not_deleted_and_nothing_is_asked(qtbot, window, monkeypatch):
    """Labels share the claim types' delete: the last one stays, said before any question."""
    ws = window.workspace
    for name in [e.name for e in ws.current_scheme().entities][1:]:
        schemes.delete_item(ws, ENTITY, name, user=OWNER)
    editor = open_editor(qtbot, window)
    assert editor.labels_tab.names() == ["PER"]
    monkeypatch.setattr(editor, "confirm", lambda title, text: pytest.fail("asked"))
    version = ws.current_scheme().version
    qtbot.mouseClick(editor.labels_tab.delete_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait()
    assert editor.status_label.text() == "Not saved: a scheme needs at least one entity label"
    assert ws.current_scheme().version == version


def test_claim_type_edits_while_a_rename_is_pending_go_to_the_new_name_once(qtbot, window, editor):
    ws = window.workspace
    select_claim_type(editor, "FACT")
    version = ws.current_scheme().version
    gate = hold_runner(window.runner)
    type_into(qtbot, editor.claim_types_tab.name_edit, "EVENT")
    qtbot.keyClick(editor.claim_types_tab.name_edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.claim_types_tab.name_edit, Qt.Key.Key_Return)  # the same name, pending: no second rename
    editor.claim_types_tab.description_edit.setText("событие")
    editor.claim_types_tab.description_edit.editingFinished.emit()
    editor.claim_types_tab.description_edit.editingFinished.emit()  # the same value, pending
    gate.set()
    assert window.runner.wait()
    assert "Not saved" not in editor.status_label.text()
    scheme = ws.current_scheme()
    assert not scheme.has_claim_type("FACT")
    assert [(c.name, c.description) for c in scheme.claim_types if c.name == "EVENT"] == [("EVENT", "событие")]
    assert scheme.version == version + 2  # the rename and the description, once each
    assert editor.claim_types_tab.selected == "EVENT" and editor.claim_types_tab.description_edit.text() == "событие"
    assert editor.labels_tab.selected == "PER"  # the label form did not move


def test_ctrl_z_in_the_editor_undoes_the_schemes_last_change(qtbot, window, editor):
    qtbot.mouseClick(editor.labels_tab.add_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait() and window.workspace.current_scheme().entity("NEW") is not None
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.labels_tab.item_list.setFocus()
    qtbot.keyClick(editor.labels_tab.item_list, Qt.Key.Key_Z, CTRL)
    assert window.runner.wait()
    assert window.workspace.current_scheme().entity("NEW") is None
    qtbot.keyClick(editor.labels_tab.item_list, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.runner.wait()
    assert window.workspace.current_scheme().entity("NEW") is not None
