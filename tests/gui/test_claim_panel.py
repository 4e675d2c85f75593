"""The claim panel (in-place edits, each emitted once) and the relation list."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from annotator.domain.model import AUTHOR, Certainty, Claim, Cue, Quantity, Relation, Span
from annotator.gui.annotate.claim_panel import (
    CERTAINTY_COLUMN,
    CHECK_COLUMN,
    CLAIM_COLUMN,
    CUE_COLUMN,
    PROPOSAL_COLUMN,
    QUANTITY_COLUMN,
    SPEAKER_COLUMN,
    TYPE_COLUMN,
    ClaimPanel,
    QuantityParseError,
    format_quantity,
    parse_quantity,
)
from annotator.gui.annotate.relation_list import RelationList

TEXT = ("Касым-Жомарт Токаев отметил: объем торговли в прошлом году достиг 11,5 млрд долларов. "
        "Думаю, к 2030 году он вырастет до 20 млрд долларов, — сказал он. Казахстан готов к работе.")
TYPES = ["STAT", "FACT", "PLAN", "PROPOSAL", "OPINION"]


def at(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


SPEAKER = Span(1, *at("Касым-Жомарт Токаев"), "PER")
KZ = Span(2, *at("Казахстан"), "GPE")
STAT = Claim(10, *at("объем торговли в прошлом году достиг 11,5 млрд долларов"), "STAT", speaker=1,
             cue=Cue(*at("отметил")), checkworthy=True, quantity=Quantity(11.5e9, "USD", "2024"))
PLAN = Claim(11, *at("к 2030 году он вырастет до 20 млрд долларов"), "PLAN", speaker=1,
             cue=Cue(*at("сказал он")), certainty=Certainty.HEDGED)
FACT = Claim(12, *at("Казахстан готов к работе"), "FACT", speaker=AUTHOR)
PROPOSALS = {10: Quantity(11.5e9, "USD", "2024"), 11: Quantity(20e9, "USD", "2030"), 12: None}


@pytest.fixture
def panel(qtbot):
    widget = ClaimPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 300)
    widget.set_claims(TEXT, [FACT, PLAN, STAT], [SPEAKER, KZ], TYPES, PROPOSALS)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def record(panel: ClaimPanel) -> list[tuple]:
    edits: list[tuple] = []
    panel.field_edited.connect(lambda claim_id, field, value: edits.append((claim_id, field, value)))
    return edits


def cell(panel: ClaimPanel, claim_id, column: int):
    return panel.item(panel.row_of(claim_id), column)


def double_click(qtbot, widget, pos: QPoint) -> None:
    """Press, release, then the double-click event, as a real double-click sends (QTest's sends only the last)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def open_editor(panel: ClaimPanel, qtbot, claim_id, column: int, editor_type):
    panel.setFocus()
    panel.setCurrentCell(panel.row_of(claim_id), column)
    panel.editItem(cell(panel, claim_id, column))
    editors = [w for w in panel.viewport().findChildren(editor_type) if w.isVisible()]
    assert len(editors) == 1
    return editors[0]


# --- what it shows ------------------------------------------------------------------------

def test_rows_in_text_order_with_every_column(panel):
    assert panel.claim_ids() == [10, 11, 12]
    row = [panel.item(0, c).text() for c in range(panel.columnCount())]
    assert row[CLAIM_COLUMN] == TEXT[STAT.start:STAT.end]
    assert row[TYPE_COLUMN:] == ["STAT", "Касым-Жомарт Токаев", "отметил", "asserted", "", "11.5e9 USD 2024",
                                 "11.5e9 USD 2024"]
    assert cell(panel, 10, CHECK_COLUMN).checkState() == Qt.CheckState.Checked
    assert cell(panel, 11, CERTAINTY_COLUMN).text() == "hedged"
    assert cell(panel, 11, CUE_COLUMN).text() == "сказал он"
    assert cell(panel, 11, QUANTITY_COLUMN).text() == "—"
    assert cell(panel, 11, PROPOSAL_COLUMN).text() == "20e9 USD 2030"
    assert cell(panel, 12, SPEAKER_COLUMN).text() == "Author (the outlet)"
    assert cell(panel, 12, CUE_COLUMN).text() == "—"
    # the proposal is greyed where it equals the stored quantity, and only there
    grey = QColor("#8a8a8a")
    assert cell(panel, 10, PROPOSAL_COLUMN).foreground().color() == grey
    assert cell(panel, 11, PROPOSAL_COLUMN).foreground().color() != grey


def test_speaker_none_shows_a_dash(qtbot):
    widget = ClaimPanel()
    qtbot.addWidget(widget)
    widget.set_claims(TEXT, [Claim(1, 0, 5, "FACT")], [], TYPES, {})
    assert widget.item(0, SPEAKER_COLUMN).text() == "—"
    assert widget.item(0, PROPOSAL_COLUMN).text() == "—"


# --- edits --------------------------------------------------------------------------------

def test_type_edit_by_picking_emits_once(panel, qtbot):
    edits = record(panel)
    combo = open_editor(panel, qtbot, 11, TYPE_COLUMN, QComboBox)
    assert combo.currentText() == "PLAN"
    combo.setCurrentIndex(combo.findText("OPINION"))
    combo.activated.emit(combo.currentIndex())  # what a pick from the list sends
    qtbot.wait(10)
    assert edits == [(11, "type", "OPINION")]
    assert cell(panel, 11, TYPE_COLUMN).text() == "OPINION"  # shown at once
    assert panel.claim(11).type == "OPINION"


def test_certainty_edit_with_the_keyboard_emits_once(panel, qtbot):
    edits = record(panel)
    combo = open_editor(panel, qtbot, 10, CERTAINTY_COLUMN, QComboBox)
    combo.setCurrentIndex(combo.findData(Certainty.HEDGED))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert edits == [(10, "certainty", Certainty.HEDGED)]
    assert isinstance(edits[0][2], Certainty)
    assert cell(panel, 10, CERTAINTY_COLUMN).text() == "hedged"


def test_an_edit_that_changes_nothing_emits_nothing(panel, qtbot):
    edits = record(panel)
    combo = open_editor(panel, qtbot, 10, TYPE_COLUMN, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    editor = open_editor(panel, qtbot, 10, QUANTITY_COLUMN, QLineEdit)
    assert editor.text() == "11.5e9 USD 2024"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert edits == []


def test_checkworthy_with_space_and_with_the_check_box(panel, qtbot):
    edits = record(panel)
    panel.setFocus()
    panel.setCurrentCell(panel.row_of(11), CHECK_COLUMN)
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert edits == [(11, "checkworthy", True)]
    cell(panel, 10, CHECK_COLUMN).setCheckState(Qt.CheckState.Unchecked)  # as a click on the box does
    assert edits == [(11, "checkworthy", True), (10, "checkworthy", False)]


def test_quantity_edit_parses_and_emits_once(panel, qtbot):
    edits = record(panel)
    editor = open_editor(panel, qtbot, 11, QUANTITY_COLUMN, QLineEdit)
    assert editor.text() == ""
    qtbot.keyClicks(editor, "20e9 USD 2030")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert edits == [(11, "quantity", Quantity(20e9, "USD", "2030"))]
    assert cell(panel, 11, QUANTITY_COLUMN).text() == "20e9 USD 2030"
    assert cell(panel, 11, PROPOSAL_COLUMN).foreground().color() == QColor("#8a8a8a")  # now equal
    # empty text clears it
    editor = open_editor(panel, qtbot, 10, QUANTITY_COLUMN, QLineEdit)
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert edits[1:] == [(10, "quantity", None)]


def test_unreadable_quantity_shows_an_error_and_emits_nothing(panel, qtbot):
    edits = record(panel)
    editor = open_editor(panel, qtbot, 12, QUANTITY_COLUMN, QLineEdit)
    editor.insert("много USD")  # (QTest types ASCII only)
    assert "много" in editor.toolTip()  # red while typing
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert edits == []
    item = cell(panel, 12, QUANTITY_COLUMN)
    assert item.text() == "много USD"  # the typed text is kept, in red, with the reason
    assert item.foreground().color() == QColor("#c62828")
    assert "много" in item.toolTip()
    assert panel.claim(12).quantity is None
    # a bad period is an error too; the next edit starts from the unreadable text
    editor = open_editor(panel, qtbot, 12, QUANTITY_COLUMN, QLineEdit)
    assert editor.text() == "много USD"
    editor.setText("5 USD 2025-13")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert edits == []
    assert "2025-13" in cell(panel, 12, QUANTITY_COLUMN).toolTip()
    editor = open_editor(panel, qtbot, 12, QUANTITY_COLUMN, QLineEdit)
    editor.setText("5 USD 2025-12")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert edits == [(12, "quantity", Quantity(5.0, "USD", "2025-12"))]
    assert cell(panel, 12, QUANTITY_COLUMN).foreground().color() != QColor("#c62828")


def test_set_claims_while_editing_waits_for_the_edit(panel, qtbot):
    edits = record(panel)
    editor = open_editor(panel, qtbot, 10, QUANTITY_COLUMN, QLineEdit)
    editor.setText("4e9 USD 2025")
    panel.set_claims(TEXT, [STAT, PLAN], [SPEAKER], TYPES, {})  # e.g. the window refreshing after a save
    assert editor.isVisible() and panel.rowCount() == 3  # not yet
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert edits == [(10, "quantity", Quantity(4e9, "USD", "2025"))]
    assert panel.claim_ids() == [10, 11]  # applied after the editor closed


@pytest.mark.parametrize(("text", "expected"), [
    ("4e9 USD 2025", Quantity(4e9, "USD", "2025")),
    ("10 % 2030", Quantity(10.0, "%", "2030")),
    ("500 рабочее место", Quantity(500.0, "рабочее место", None)),
    ("15000 рабочее место 2024-01/2024-09", Quantity(15000.0, "рабочее место", "2024-01/2024-09")),
    ("11,5 млрд", Quantity(11.5, "млрд", None)),
    ("  3   раз  ", Quantity(3.0, "раз", None)),
    ("2.5 USD 2025-11-15", Quantity(2.5, "USD", "2025-11-15")),
    ("7 2025", Quantity(7.0, None, "2025")),
    ("? USD", Quantity(None, "USD", None)),
    ("", None),
    ("   ", None),
])
def test_parse_quantity(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("USD 4e9", "value"), ("много", "value"), ("nan USD", "value"), ("inf", "value"),
    ("5 USD 2025-13", "period"), ("5 USD 2025/20", "period"), ("5 USD 25", "period"),
])
def test_parse_quantity_errors(text, reason):
    with pytest.raises(QuantityParseError) as error:
        parse_quantity(text)
    assert error.value.reason == reason


@pytest.mark.parametrize("quantity", [Quantity(11.5e9, "USD", "2024"), Quantity(1234567.0, None, None),
                                      Quantity(0.5, "%", "2024/2025"), Quantity(None, "раз", None),
                                      Quantity(15000.0, "рабочее место", "2025-01/2025-09")])
def test_format_quantity_reads_back(quantity):
    assert parse_quantity(format_quantity(quantity)) == quantity


# --- activation ------------------------------------------------------------------------------

def test_enter_and_double_click_activate_a_single_click_only_selects(panel, qtbot):
    activated, selected = [], []
    panel.claim_activated.connect(activated.append)
    panel.claim_selected.connect(selected.append)
    row_rect = panel.visualItemRect(cell(panel, 11, SPEAKER_COLUMN))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    assert activated == [] and selected == [11]
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert activated == [11]
    double_click(qtbot, panel.viewport(), panel.visualItemRect(cell(panel, 12, CLAIM_COLUMN)).center())
    assert activated == [11, 12]


def test_select_claim_selects_quietly_and_set_claims_keeps_it(panel):
    selected = []
    panel.claim_selected.connect(selected.append)
    panel.select_claim(12)
    assert panel.current_claim_id() == 12
    assert panel.selectionModel().selectedRows()[0].row() == panel.row_of(12)
    panel.set_claims(TEXT, [STAT, PLAN, FACT, Claim(13, 0, 5, "FACT")], [SPEAKER], TYPES, {})
    assert panel.current_claim_id() == 12
    panel.select_claim(None)
    assert panel.selectionModel().selectedRows() == []
    assert selected == []


# --- the relation list ---------------------------------------------------------------------------

def relation_list(qtbot) -> RelationList:
    widget = RelationList()
    qtbot.addWidget(widget)
    widget.resize(700, 200)
    relations = [Relation(21, "ABOUT", 12, 2), Relation(20, "SAYS", 1, 10), Relation(22, "HEAD_OF", 1, 99)]
    widget.set_relations(TEXT, relations, [SPEAKER, KZ], [STAT, PLAN, FACT])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_relation_rows_show_label_head_and_tail(qtbot):
    widget = relation_list(qtbot)
    rows = [[widget.item(r, c).text() for c in range(3)] for r in range(widget.rowCount())]
    assert widget.relation_ids() == [20, 22, 21]  # text order of the earlier end
    assert rows[0][0] == "SAYS" and rows[0][1] == "Касым-Жомарт Токаев"
    assert rows[0][2].startswith("[объем торговли") and rows[0][2].endswith("…]")  # a claim excerpt
    assert rows[1] == ["HEAD_OF", "Касым-Жомарт Токаев", "? 99"]
    assert rows[2] == ["ABOUT", "[Казахстан готов к работе]", "Казахстан"]


def test_relation_list_enter_double_click_and_delete(qtbot):
    widget = relation_list(qtbot)
    activated, removed = [], []
    widget.relation_activated.connect(activated.append)
    widget.relation_remove_requested.connect(removed.append)
    widget.setFocus()
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton,
                     pos=widget.visualItemRect(widget.item(2, 1)).center())
    assert activated == []
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert activated == [21]
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    assert removed == [21]
    double_click(qtbot, widget.viewport(), widget.visualItemRect(widget.item(0, 0)).center())
    assert activated == [21, 20]
    widget.select_relation(22)
    assert widget.current_relation_id() == 22
    widget.set_relations(TEXT, [Relation(22, "HEAD_OF", 1, 99)], [SPEAKER], [])
    assert widget.current_relation_id() == 22
    empty = QPoint(5, widget.viewport().height() - 3)
    double_click(qtbot, widget.viewport(), empty)  # no row: nothing
    assert activated == [21, 20]


def test_double_click_on_an_editable_cell_activates_without_editing(panel, qtbot):
    activated = []
    edits = record(panel)
    panel.claim_activated.connect(activated.append)
    type_cell = panel.visualItemRect(cell(panel, 11, TYPE_COLUMN)).center()
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=type_cell)  # selected first
    double_click(qtbot, panel.viewport(), type_cell)
    qtbot.wait(QApplication.doubleClickInterval() + 100)  # a "selected click" would have opened an editor by now
    assert activated == [11]
    assert panel.state() != panel.State.EditingState
    check = panel.visualItemRect(cell(panel, 12, CHECK_COLUMN))
    double_click(qtbot, panel.viewport(), QPoint(check.left() + 10, check.center().y()))  # on the box
    assert activated == [11, 12]
    assert edits == [(12, "checkworthy", True)]  # the first click ticks the box once; the double-click adds none


def test_a_window_that_answers_an_edit_with_set_claims_at_once(panel, qtbot):
    """As the window does: store the edit, then show the stored claims again from the signal's handler."""
    stored = {c.id: c for c in (STAT, PLAN, FACT)}
    edits = []

    def on_edit(claim_id, field, value):
        edits.append((claim_id, field, value))
        stored[claim_id] = replace(stored[claim_id], **{field: value})
        panel.set_claims(TEXT, list(stored.values()), [SPEAKER, KZ], TYPES, PROPOSALS)

    panel.field_edited.connect(on_edit)
    panel.setFocus()
    panel.setCurrentCell(panel.row_of(12), CHECK_COLUMN)
    qtbot.keyClick(panel, Qt.Key.Key_Space)  # the check box path: no editor
    qtbot.waitUntil(lambda: panel.claim(12) == stored[12] and panel._pending is None)
    assert cell(panel, 12, CHECK_COLUMN).checkState() == Qt.CheckState.Checked
    combo = open_editor(panel, qtbot, 12, TYPE_COLUMN, QComboBox)  # the editor path
    combo.setCurrentIndex(combo.findText("OPINION"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # commits on the next turn of the event loop
    qtbot.waitUntil(lambda: len(edits) == 2 and panel.state() != panel.State.EditingState)
    qtbot.waitUntil(lambda: panel._pending is None)
    assert edits == [(12, "checkworthy", True), (12, "type", "OPINION")]
    assert cell(panel, 12, TYPE_COLUMN).text() == "OPINION" and panel.current_claim_id() == 12
