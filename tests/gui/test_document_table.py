"""The document list as an annotator uses it: titles and counts, a compact mode, many rows selected
and acted on at once (status, export), never reading on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from sqlalchemy import event

from annotator.domain.model import SetStatus
from annotator.gui.annotate.document_list import (
    COMPACT_COLUMNS,
    DATE_COLUMN,
    ID_COLUMN,
    SPANS_COLUMN,
    STATUS_COLUMN,
    TITLE_COLUMN,
)
from annotator.gui.common.settings import load_settings
from annotator.services import annotating, documents
from tests.gui.test_document_list import big_db, big_workspace  # noqa: F401  (fixtures)
from tests.gui.windows import OWNER, make_window

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def statuses(ws, ids):
    found = {}
    for document_id in ids:
        sets = documents.annotation_sets(ws, document_id, OWNER)
        found[document_id] = sets[0].status if sets else SetStatus.NEW
    return found


def test_titles_and_my_span_counts_follow_my_work(qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner)
    model, table = window.document_model, window.document_table
    assert table.isColumnHidden(ID_COLUMN) and not table.isColumnHidden(TITLE_COLUMN)
    assert model.index(0, TITLE_COLUMN).data().startswith("Касым-Жомарт Токаев")
    assert model.index(0, SPANS_COLUMN).data() == 0
    window.view.select_core(0, len("Касым-Жомарт Токаев"))
    window.apply_label("PER")
    qtbot.waitUntil(lambda: model.index(0, SPANS_COLUMN).data() == 1, timeout=5000)
    menu = table.column_menu()  # the header's menu shows the id again
    id_action = next(a for a in menu.actions() if a.text() == "Document")
    id_action.setChecked(True)
    assert not table.isColumnHidden(ID_COLUMN)
    assert model.index(0, ID_COLUMN).data() == window.document_id


def test_compact_mode_from_the_view_menu_is_kept(qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner)
    table = window.document_table
    normal_height, normal_font = table.verticalHeader().defaultSectionSize(), table.font().pointSizeF()
    action = window.list_actions.compact_action
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()
    action.trigger()
    assert table.compact
    assert table.visible_columns() == list(COMPACT_COLUMNS)
    assert table.font().pointSizeF() < normal_font
    assert table.verticalHeader().defaultSectionSize() < normal_height
    assert table.verticalHeader().defaultSectionSize() < 2 * table.fontMetrics().lineSpacing()  # one line
    assert load_settings().compact_list is True
    window.close()
    again = make_window(qtbot, gui_workspace, runner, compact_list=load_settings().compact_list)
    assert again.document_table.compact and again.list_actions.compact_action.isChecked()
    again.list_actions.compact_action.trigger()
    assert not again.document_table.isColumnHidden(DATE_COLUMN)
    assert again.document_table.isColumnHidden(ID_COLUMN)
    assert load_settings().compact_list is False


def test_shift_arrows_select_many_and_one_action_marks_them_done(qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner)
    table, model = window.document_table, window.document_model
    table.setFocus()
    window.select_row(0)
    qtbot.keyClick(table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(table, Qt.Key.Key_Down, SHIFT)
    assert table.selected_rows() == [0, 1, 2]
    # Ctrl-click adds the fifth row
    rect = table.visualRect(model.index(4, TITLE_COLUMN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())
    assert table.selected_rows() == [0, 1, 2, 4]
    assert runner.wait()
    chosen = [model.document_id(r) for r in (0, 1, 2, 4)]
    table.mark_done_action.trigger()
    assert runner.wait()
    assert set(statuses(gui_workspace, chosen).values()) == {SetStatus.DONE}
    assert statuses(gui_workspace, [model.document_id(3)])[model.document_id(3)] == SetStatus.NEW
    qtbot.waitUntil(lambda: [model.index(r, STATUS_COLUMN).data() for r in (0, 1, 2, 4)] == ["done"] * 4,
                    timeout=5000)
    assert window.actions_by_name["undo"].text().startswith("Undo: Mark done: 4 documents")
    window.undo()  # one action: one undo takes all four back
    assert runner.wait()
    assert SetStatus.DONE not in statuses(gui_workspace, chosen).values()
    qtbot.waitUntil(lambda: "done" not in [model.index(r, STATUS_COLUMN).data() for r in range(5)], timeout=5000)
    table.selectRow(1)
    table.mark_in_progress_action.trigger()
    assert runner.wait()
    assert statuses(gui_workspace, [model.document_id(1)])[model.document_id(1)] == SetStatus.IN_PROGRESS


def test_the_rows_menu_exports_the_selection(qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner)
    table, model = window.document_table, window.document_model
    for row in (1, 3):
        table.selectionModel().select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)
    menu = table.rows_menu()
    assert [a.isEnabled() for a in menu.actions()] == [True, True, True]
    table.export_action.trigger()
    dialog = window.export_dialog
    assert dialog is not None and dialog.selected_radio.isChecked()
    assert set(dialog.selected_document_ids) == set(table_ids(model, table))
    assert len(dialog.selected_document_ids) == 3  # the current row, and the two added


def table_ids(model, table):
    return [model.document_id(r) for r in table.selected_rows()]


def test_a_large_selection_is_read_off_the_gui_thread_and_counts_are_one_query_a_page(
        qtbot, big_workspace, runner, monkeypatch):  # noqa: F811
    window = make_window(qtbot, big_workspace, runner)
    table, model = window.document_table, window.document_model
    rows = model.rowCount()
    on_gui_thread = []
    real = documents.ids_in_rows

    def spy(*args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append("ids_in_rows")
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "ids_in_rows", spy)
    window.select_row(0)
    everything = QItemSelection(model.index(0, 0), model.index(rows - 1, 0))  # as a Shift-click on the last row
    table.selectionModel().select(everything, QItemSelectionModel.SelectionFlag.Select
                                  | QItemSelectionModel.SelectionFlag.Rows)  # 10,000 rows, few of them held
    got = []
    table.selected_ids(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    assert on_gui_thread == [] and len(got[0]) == rows

    # the span counts of a page: one grouped query, whatever the page's size
    counting = []

    def statement(_conn, _cursor, sql, *_args):
        if "count(spans.id)" in sql.lower():
            counting.append(sql)

    engine = big_workspace.store.engine
    event.listen(engine, "before_cursor_execute", statement)
    try:
        documents.page(big_workspace, limit=200, owner=OWNER)
    finally:
        event.remove(engine, "before_cursor_execute", statement)
    assert len(counting) == 1

