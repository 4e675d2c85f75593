"""The filter bar, header sorting, the list position, the attribute editor and the snapping switch.

Driven through the widgets; writes are checked in the store.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from annotator.domain.model import SetStatus
from annotator.domain.query import DocumentQuery
from annotator.gui.annotate import filter_bar
from annotator.gui.annotate.document_list import DATE_COLUMN, ID_COLUMN, LENGTH_COLUMN, STATUS_COLUMN
from annotator.gui.common.keys import CheatSheet, binding
from annotator.gui.annotate.main_window import format_count
from annotator.gui.common.settings import GuiSettings, load_settings, save_settings
from annotator.services import documents
from annotator.services.importing import import_files
from annotator.services.workspace import default_scheme_body

from tests.gui.windows import OWNER, make_window
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def listed_ids(window) -> list[str]:
    model = window.document_model
    return [model.index(r, ID_COLUMN).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def stored_attributes(window, span_id, owner=OWNER) -> dict:
    """The span's attributes as the store has them (the span is in the window's document)."""
    for found in documents.annotation_sets(window.workspace, window.document_id, owner):
        for span in found.spans:
            if span.id == span_id:
                return dict(span.attributes)
    raise AssertionError(f"span {span_id} not stored")


def label_words(qtbot, window, word: str, key=Qt.Key.Key_1, tokens: int = 1):
    """Select ``tokens`` tokens from ``word`` and press a label key; the new span (caret on it)."""
    view = window.view
    view.move_caret_core(view.text.index(word))
    for _ in range(tokens):
        qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(view, key)
    assert window.runner.wait()
    start, end = view.selection_core() or (None, None)
    span = view.span_with_range(start, end)
    assert span is not None
    return span


def click_header(qtbot, window, column: int) -> None:
    window.document_table.setColumnHidden(column, False)  # the id column is hidden until asked for
    header = window.document_table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


# ---------------------------------------------------------------- filters


def test_text_filter_matches_id_and_text(qtbot, window):
    bar, model = window.filter_bar, window.document_model
    assert model.rowCount() == 5
    qtbot.keyClicks(bar.text_edit, "003_7fa")
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert model.query.text == "003_7fa"
    assert listed_ids(window) == ["003_7fa7a90ba42b20d6"]
    assert window.runner.wait()
    assert window.document_id == "003_7fa7a90ba42b20d6"  # the first match opened
    assert window.position_label.text() == "1 / 1"

    # a word of the text: the list is what the store finds for that query
    bar.text_edit.clear()
    qtbot.keyClicks(bar.text_edit, "Sputnik")
    qtbot.keyClick(bar.text_edit, Qt.Key.Key_Return)  # Enter applies without waiting
    assert window.runner.wait()  # the list is re-queried on the runner
    assert model.query.text == "Sputnik"
    expected = [s.id for s in documents.page(window.workspace, DocumentQuery(text="Sputnik"))]
    assert expected and listed_ids(window) == expected

    bar.text_edit.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=3000)
    assert model.query.text is None


def test_date_filter_and_invalid_dates(qtbot, window):
    bar, model = window.filter_bar, window.document_model
    qtbot.keyClicks(bar.date_from_edit, "2025-11-16")
    qtbot.keyClick(bar.date_from_edit, Qt.Key.Key_Return)
    assert window.runner.wait()  # the list is re-queried on the runner
    assert model.query.date_from == "2025-11-16"
    assert listed_ids(window) == ["000_598509fc61278558"]

    bar.date_from_edit.clear()
    qtbot.keyClicks(bar.date_to_edit, "2025-11-15")
    qtbot.keyClick(bar.date_to_edit, Qt.Key.Key_Return)
    assert window.runner.wait()  # the list is re-queried on the runner
    assert (model.query.date_from, model.query.date_to) == (None, "2025-11-15")
    assert model.rowCount() == 4 and "000_598509fc61278558" not in listed_ids(window)
    assert window.position_label.text().endswith("/ 4")

    # not a date: marked, and ignored ("any")
    bar.date_to_edit.clear()
    qtbot.keyClicks(bar.date_to_edit, "2025-13-40")
    qtbot.keyClick(bar.date_to_edit, Qt.Key.Key_Return)
    assert window.runner.wait()  # the list is re-queried on the runner
    assert bar.date_to_edit.styleSheet() != ""
    assert model.query.date_to is None and model.rowCount() == 5
    bar.date_to_edit.clear()
    assert bar.date_to_edit.styleSheet() == ""


def test_status_filter_is_my_status(qtbot, window):
    bar, model, ws = window.filter_bar, window.document_model, window.workspace
    window.settings.stay_after_done = True  # this test looks at the list; "done, next" is tested apart
    first = window.document_id
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # mark done
    assert window.runner.wait()
    assert documents.annotation_sets(ws, first, OWNER)[0].status == SetStatus.DONE

    combo = bar.status_combo
    combo.setCurrentIndex(combo.findData(SetStatus.DONE.value))
    assert window.runner.wait()  # the list is re-queried on the runner
    assert model.query == DocumentQuery(owner=OWNER, status=SetStatus.DONE)
    assert listed_ids(window) == [first]
    assert window.position_label.text() == "1 / 1"

    combo.setCurrentIndex(combo.findData(SetStatus.NEW.value))
    assert window.runner.wait()
    assert model.query.status == SetStatus.NEW and model.query.owner == OWNER
    assert model.rowCount() == 4 and first not in listed_ids(window)
    assert window.runner.wait()
    assert window.document_id == listed_ids(window)[0]

    # marking this one done makes it leave the "new" list; it stays open, off the list
    shown = window.document_id
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert window.runner.wait()
    assert model.rowCount() == 3 and shown not in listed_ids(window)
    assert window.document_id == shown
    assert window.position_label.text() == "– / 3"

    combo.setCurrentIndex(combo.findData(None))
    assert window.runner.wait()
    assert model.query.status is None and model.query.owner is None and model.rowCount() == 5


# ---------------------------------------------------------------- sorting


def test_header_click_sorts_in_the_store(qtbot, window):
    model, ws = window.document_model, window.workspace
    current = window.document_id
    click_header(qtbot, window, LENGTH_COLUMN)
    assert window.runner.wait()
    assert (model.query.sort, model.query.descending) == ("length", False)
    lengths = [model.index(r, LENGTH_COLUMN).data() for r in range(model.rowCount())]
    assert lengths == sorted(lengths)
    assert listed_ids(window) == [s.id for s in documents.page(ws, DocumentQuery(sort="length"))]
    # the open document stays open and selected in its new place
    assert window.document_id == current
    assert listed_ids(window)[window.current_row()] == current
    assert window.position_label.text() == f"{window.current_row() + 1} / 5"

    click_header(qtbot, window, LENGTH_COLUMN)
    assert window.runner.wait()
    assert (model.query.sort, model.query.descending) == ("length", True)
    lengths = [model.index(r, LENGTH_COLUMN).data() for r in range(model.rowCount())]
    assert lengths == sorted(lengths, reverse=True)
    assert window.document_table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    click_header(qtbot, window, LENGTH_COLUMN)  # third click: import order again
    assert window.runner.wait()
    assert (model.query.sort, model.query.descending) == ("ordinal", False)

    click_header(qtbot, window, ID_COLUMN)
    assert window.runner.wait()
    assert model.query.sort == "id"
    assert listed_ids(window) == sorted(listed_ids(window))
    click_header(qtbot, window, DATE_COLUMN)
    assert window.runner.wait()
    assert model.query.sort == "date"
    click_header(qtbot, window, STATUS_COLUMN)  # not sortable: nothing changes
    assert model.query.sort == "date"


def test_model_sort_is_a_query(gui_workspace):
    from annotator.gui.annotate.document_list import DocumentListModel

    model = DocumentListModel(gui_workspace)
    model.sort(LENGTH_COLUMN, Qt.SortOrder.DescendingOrder)
    assert (model.query.sort, model.query.descending) == ("length", True)
    model.sort(STATUS_COLUMN)  # no sort key: unchanged
    assert model.query.sort == "length"
    ids = [model.document_id(r) for r in range(model.rowCount())]
    assert model.find_row(ids[3]) == 3 and model.find_row("nope") is None


def test_done_count_ignores_filters(qtbot, window):
    qtbot.keyClicks(window.filter_bar.text_edit, "003_")
    qtbot.keyClick(window.filter_bar.text_edit, Qt.Key.Key_Return)
    assert window.runner.wait()
    assert window.document_model.rowCount() == 1
    assert window.documents_label.text().endswith("/ 5 documents done")


def test_sort_keeps_filters(qtbot, window):
    model = window.document_model
    qtbot.keyClicks(window.filter_bar.date_to_edit, "2025-11-15")
    qtbot.keyClick(window.filter_bar.date_to_edit, Qt.Key.Key_Return)
    assert window.runner.wait()  # the list is re-queried on the runner
    click_header(qtbot, window, ID_COLUMN)
    assert window.runner.wait()
    click_header(qtbot, window, ID_COLUMN)
    assert window.runner.wait()
    assert model.query == DocumentQuery(date_to="2025-11-15", sort="id", descending=True)
    assert listed_ids(window) == sorted(listed_ids(window), reverse=True) and model.rowCount() == 4
    # and a filter change keeps the sort
    qtbot.keyClicks(window.filter_bar.text_edit, "00")
    qtbot.keyClick(window.filter_bar.text_edit, Qt.Key.Key_Return)
    assert window.runner.wait()  # the list is re-queried on the runner
    assert model.query.sort == "id" and model.query.descending


# ---------------------------------------------------------------- position


def test_position_follows_navigation(qtbot, window):
    assert window.position_label.text() == "1 / 5"
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.runner.wait()
    assert window.position_label.text() == "2 / 5"
    window.select_row(4)
    assert window.position_label.text() == "5 / 5"


def test_position_has_thousands_separators(qtbot, gui_workspace, runner, tmp_path):
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": f"extra_{i:05d}", "text": f"Текст номер {i}."},
                                         ensure_ascii=False) + "\n" for i in range(1200)), encoding="utf-8")
    assert import_files(gui_workspace, [source]).committed
    window = make_window(qtbot, gui_workspace, runner)
    total = format_count(1205)
    assert window.position_label.text() == f"1 / {total}"
    window.select_row(1036)
    assert window.position_label.text() == f"{format_count(1037)} / {total}"
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.C))
        assert window.position_text() == "1,037 / 1,205"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert window.position_text() == "1,037 / 1,205"
        QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
        assert window.position_text().replace("\u00a0", " ") == "1 037 / 1 205"
    finally:
        QLocale.setDefault(before)


# ---------------------------------------------------------------- attributes


def test_attribute_editor_writes_and_undoes(qtbot, window):
    ws = window.workspace
    editor = window.attribute_editor
    span = label_words(qtbot, window, "Касым-Жомарт", tokens=2)  # PER
    assert editor.span is not None and editor.span.id == span.id
    assert set(editor.editors) == {"pronoun", "uncertain", "note"}

    pronoun = editor.editors["pronoun"]
    assert isinstance(pronoun, QCheckBox) and not pronoun.isChecked()
    qtbot.mouseClick(pronoun, Qt.MouseButton.LeftButton, pos=QPoint(5, pronoun.height() // 2))
    assert window.runner.wait()
    assert stored_attributes(window, span.id) == {"pronoun": True}
    assert editor.span.attributes == {"pronoun": True} and pronoun.isChecked()

    note = editor.editors["note"]
    assert isinstance(note, QLineEdit)
    note.setFocus()
    qtbot.keyClicks(note, "R2 check")  # label keys typed here are text, not shortcuts
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert window.runner.wait()
    assert stored_attributes(window, span.id) == {"pronoun": True, "note": "R2 check"}
    assert [s.label for s in window.view.spans()] == ["PER"]
    assert note.text() == "R2 check"

    # undo through the window's undo action: the note goes, in the store and in the editor
    window.actions_by_name["undo"].trigger()
    assert window.runner.wait()
    assert stored_attributes(window, span.id) == {"pronoun": True}
    assert note.text() == ""
    window.actions_by_name["redo"].trigger()
    assert window.runner.wait()
    assert note.text() == "R2 check"

    # unchecking clears the attribute
    qtbot.mouseClick(pronoun, Qt.MouseButton.LeftButton, pos=QPoint(5, pronoun.height() // 2))
    assert window.runner.wait()
    assert stored_attributes(window, span.id) == {"note": "R2 check"}
    assert not pronoun.isChecked()

    # an empty note clears it too
    note.setFocus()
    note.selectAll()
    qtbot.keyClick(note, Qt.Key.Key_Backspace)
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert window.runner.wait()
    assert stored_attributes(window, span.id) == {}


def test_attribute_editor_follows_label_and_span_list(qtbot, window):
    editor = window.attribute_editor
    per = label_words(qtbot, window, "Касым-Жомарт", tokens=2)
    text = window.view.text
    loc_word = "Ташкент" if "Ташкент" in text else text.split()[5]
    loc = label_words(qtbot, window, loc_word, key=Qt.Key.Key_3)
    assert loc.label != "PER"
    assert set(editor.editors) == {"uncertain", "note"}  # "pronoun" is for PER, ORG and ROLE only

    # choose the PER span in the span list: the editor shows it
    row = window.span_list.row_of(per.id)
    rect = window.span_list.visualItemRect(window.span_list.item(row, 1))
    qtbot.mouseClick(window.span_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.span.id == per.id and "pronoun" in editor.editors

    # caret away from every span: nothing to edit
    window.view.move_caret_core(0)
    if window.view.span_under_caret() is None:
        assert editor.span is None and editor.editors == {}


def test_choice_attribute_is_a_combo(qtbot, gui_workspace, runner):
    body = default_scheme_body()
    body["attributes"].append({"name": "role", "type": "choice", "choices": ["source", "target"],
                               "labels": ["PER"]})
    with gui_workspace.store.write() as repo:
        repo.add_scheme_version(body, author=None, note="test: a choice attribute")
    window = make_window(qtbot, gui_workspace, runner)
    span = label_words(qtbot, window, "Касым-Жомарт", tokens=2)
    combo = window.attribute_editor.editors["role"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["—", "source", "target"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next choice, as a user picks it
    assert window.runner.wait()
    assert stored_attributes(window, span.id) == {"role": "source"}
    assert combo.currentData() == "source"
    window.actions_by_name["undo"].trigger()
    assert window.runner.wait()
    assert stored_attributes(window, span.id) == {}
    assert combo.currentIndex() == 0


# ---------------------------------------------------------------- snapping


def drag(qtbot, view, core_from: int, core_to: int) -> None:
    def point(core: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_qt(core))
        return view.cursorRect(cursor).center()

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(core_from))
    qtbot.mouseMove(view.viewport(), point(core_to))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(core_to))


def test_snapping_switch(qtbot, window):
    action = window.actions_by_name["toggle_snap"]
    assert action.isCheckable() and action.isChecked() and window.view.snap_to_tokens
    assert binding("toggle_snap").keys == ("Ctrl+T",)
    options = [m for m in window.menuBar().actions() if m.menu() is not None and "Options" in m.text()]
    assert options and action in options[0].menu().actions()

    view = window.view
    word = "Касым-Жомарт"
    start = view.text.index(word)
    drag(qtbot, view, start + 2, start + 6)
    assert view.selection_core() == (start, start + len(word))  # snapped

    qtbot.keyClick(view, Qt.Key.Key_T, CTRL)
    assert not action.isChecked() and not view.snap_to_tokens
    assert load_settings().snap_to_tokens is False
    assert window.settings.snap_to_tokens is False
    view.move_caret_core(start)  # drop the selection: a press inside one would drag the text
    drag(qtbot, view, start + 2, start + 6)
    assert view.selection_core() == (start + 2, start + 6)  # as dragged

    qtbot.keyClick(view, Qt.Key.Key_T, CTRL)
    assert action.isChecked() and view.snap_to_tokens and load_settings().snap_to_tokens is True

    qtbot.keyClick(view, Qt.Key.Key_F1)
    sheet = window.findChild(CheatSheet)
    assert "toggle_snap" in sheet.actions_listed()
    sheet.close()


def test_snapping_off_from_settings(qtbot, gui_workspace, runner):
    save_settings(GuiSettings(annotator=OWNER, snap_to_tokens=False))
    window = make_window(qtbot, gui_workspace, runner, snap_to_tokens=load_settings().snap_to_tokens)
    assert not window.view.snap_to_tokens
    assert not window.actions_by_name["toggle_snap"].isChecked()


def test_the_filter_is_counted_off_the_gui_thread_and_the_newest_query_wins(qtbot, window, monkeypatch):
    import threading

    from annotator.gui.annotate import document_list

    threads = []
    real = documents.count_and_position

    def spy(workspace, query, document_id):
        threads.append(threading.current_thread())
        return real(workspace, query, document_id)

    monkeypatch.setattr(documents, "count_and_position", spy)
    assert document_list.documents is documents
    window.filter_bar.text_edit.setText("Sputnik")
    window.apply_filters()
    window.filter_bar.text_edit.setText("003_7fa")
    window.apply_filters()  # typed on before the first answer came back
    assert window.runner.wait()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert window.document_model.query.text == "003_7fa"
    assert listed_ids(window) == ["003_7fa7a90ba42b20d6"]


def test_a_filter_typed_just_before_the_window_closes_is_not_applied_after(qtbot, window, runner):
    qtbot.keyClicks(window.filter_bar.text_edit, "003_")
    assert window.filter_bar.pending()
    window.close()
    runner.shutdown()  # as the application does once its last window has closed
    applied = []
    window.filter_bar.changed.connect(lambda: applied.append(True))
    qtbot.wait(filter_bar.DEBOUNCE_MS + 200)  # the debounce would have queried on a shut-down runner
    assert applied == [] and not window.filter_bar.pending()
    assert window.filter_bar.values()["text"] == "003_"  # kept, for the next session
