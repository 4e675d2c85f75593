"""A relation's attributes in the window: selecting a relation in the relation list brings its
attributes to the side panel (the span attribute editor's place), a change there is one saved,
undoable action, and the relation list shows them. Writes are checked in the store."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox

from annotator.services import annotating, claims, documents
from tests.gui.windows import OWNER, make_window

DOC = "000_598509fc61278558"
CTRL = Qt.KeyboardModifier.ControlModifier


def _stored(workspace) -> dict:
    (aset,) = documents.annotation_sets(workspace, DOC, OWNER)
    return {r.label: r.attributes for r in aset.relations}


def _span(workspace, needle: str, label: str) -> int:
    text = documents.document(workspace, DOC).text
    start = text.index(needle)
    return annotating.add_span(workspace, DOC, start, start + len(needle), label, owner=OWNER).result


def _click_row(qtbot, table, row: int) -> None:
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(row, 0)).center())


def test_a_relation_selected_in_the_list_shows_and_sets_its_attributes(qtbot, gui_workspace, runner):
    ws = gui_workspace
    per = _span(ws, "Касым-Жомарт Токаев", "PER")
    org = _span(ws, "экономической базы", "ORG")
    claims.add_relation(ws, per, org, "HEAD_OF", owner=OWNER)
    window = make_window(qtbot, ws, runner)
    assert window.document_id == DOC
    window.resize(1400, 900)
    relations, panel = window.relation_list, window.attributes_panel
    window.lower_tabs.setCurrentWidget(relations)
    assert relations.rowCount() == 1 and relations.item(0, 3).text() == ""
    assert panel.currentWidget() is panel.span_editor

    _click_row(qtbot, relations, 0)
    editor = panel.relation_editor
    assert panel.currentWidget() is editor and editor.heading.text() == "HEAD_OF relation"
    former = editor.findChild(QCheckBox, "attribute:former")
    assert former is not None and not former.isChecked()
    assert editor.findChild(QComboBox, "attribute:stance") is None  # ABOUT's, not HEAD_OF's
    assert editor.findChild(QCheckBox, "attribute:uncertain") is None  # a span's

    former.click()
    assert runner.wait()
    assert _stored(ws) == {"HEAD_OF": {"former": True}}  # saved at once
    qtbot.waitUntil(lambda: relations.item(0, 3).text() == "former", timeout=3000)
    assert former.isChecked() and panel.currentWidget() is editor
    if os.environ.get("ANNOTATOR_SCREENSHOTS"):
        window.grab().save(os.environ["ANNOTATOR_SCREENSHOTS"])

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # one undo takes it back
    assert runner.wait()
    assert _stored(ws) == {"HEAD_OF": {}}
    qtbot.waitUntil(lambda: relations.item(0, 3).text() == "", timeout=3000)
    assert not former.isChecked()

    # the caret on a span: the span's attributes again
    window.view.move_caret_core(window.view.text.index("Касым") + 2)
    qtbot.waitUntil(lambda: panel.currentWidget() is panel.span_editor, timeout=3000)
    assert panel.span_editor.span is not None and panel.span_editor.span.label == "PER"


def test_a_valued_relation_attribute_is_set_from_its_choices(qtbot, gui_workspace, runner):
    from annotator.domain.model import AUTHOR

    ws = gui_workspace
    per = _span(ws, "Касым-Жомарт Токаев", "PER")
    text = documents.document(ws, DOC).text
    start = text.index("существенные успехи")
    claim = claims.add_claim(ws, DOC, start, start + len("существенные успехи"), "OPINION", owner=OWNER,
                             speaker=AUTHOR).result
    claims.add_relation(ws, claim, per, "ABOUT", owner=OWNER)
    window = make_window(qtbot, ws, runner)
    relations, panel = window.relation_list, window.attributes_panel
    window.lower_tabs.setCurrentWidget(relations)
    _click_row(qtbot, relations, 0)
    stance = panel.relation_editor.findChild(QComboBox, "attribute:stance")
    assert [stance.itemText(i) for i in range(stance.count())] == ["—", "positive", "negative", "neutral"]
    stance.setCurrentIndex(2)
    stance.activated.emit(2)  # what a user's pick emits
    assert runner.wait()
    assert _stored(ws) == {"ABOUT": {"stance": "negative"}}
    qtbot.waitUntil(lambda: relations.item(0, 3).text() == "stance: negative", timeout=3000)
    stance.setCurrentIndex(0)
    stance.activated.emit(0)  # "—" clears it
    assert runner.wait()
    assert _stored(ws) == {"ABOUT": {}}
