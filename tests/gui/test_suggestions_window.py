"""Suggestions in the annotation window: drawn dashed, answered with Y, X, Shift+Y, visited with Tab;
the Suggest dialog; repeated passages in the right margin and J to go to the copy."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from annotator.domain.query import DocumentQuery
from annotator.services import suggestions
from tests.gui.test_main_window import OWNER, press, stored_set
from tests.gui.windows import make_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def no_spans(window) -> bool:
    found = stored_set(window.workspace, window.document_id)
    return found is None or found.spans == ()


def open_now(window):
    return suggestions.open_suggestions(window.workspace, window.document_id, owner=OWNER)


@pytest.fixture
def suggested(qtbot, gui_workspace, runner):
    """The rules' suggestions for every sample document, then the window on the first."""
    report = suggestions.suggest(gui_workspace, models=("rules",))
    assert report.suggestions > 0
    return make_window(qtbot, gui_workspace, runner)


def test_open_suggestions_are_framed_dashed_not_tinted(qtbot, suggested):
    window = suggested
    layer = window.view.suggestion_layer
    shown = layer.suggestions()
    assert shown and {s.key for s in shown} == {s.key for s in open_now(window)}
    window.view.viewport().repaint()
    assert layer.painted > 0  # frames drawn for the suggestions on screen
    first = shown[0]
    qt_start, _ = window.view.positions.span_to_qt(first.start, first.end)
    assert first in layer.painted_at(qt_start + 1)
    assert window.view.painted_at(qt_start + 1) == []  # no span tint there: it is not the annotator's yet


def test_tab_y_accepts_with_its_origin_and_ctrl_z_gives_it_back(qtbot, suggested):
    window = suggested
    window.view.move_caret_core(0)
    press(qtbot, window, Qt.Key.Key_Tab)
    first = window.view.suggestion_layer.suggestions()[0]
    assert window.view.selection_core() == (first.start, first.end)
    press(qtbot, window, Qt.Key.Key_Y)
    (span,) = stored_set(window.workspace, window.document_id).spans
    assert (span.start, span.end, span.label) == (first.start, first.end, first.label)
    use = {(u.annotator, u.source, u.label): u.accepted for u in suggestions.suggestion_use(window.workspace)}
    assert use[(OWNER, "model:rules", first.label)] == 1  # the origin is recorded
    assert first.key not in {s.key for s in window.view.suggestion_layer.suggestions()}
    assert [(s.start, s.end) for s in window.view.spans()] == [(first.start, first.end)]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert no_spans(window)
    assert first.key in {s.key for s in window.view.suggestion_layer.suggestions()}


def test_x_rejects_and_shift_tab_goes_back(qtbot, suggested):
    window = suggested
    shown = window.view.suggestion_layer.suggestions()
    window.view.move_caret_core(0)
    press(qtbot, window, Qt.Key.Key_Tab, SHIFT)  # round to the last
    last = max(shown, key=lambda s: (s.start, -s.end))
    assert window.view.selection_core() == (last.start, last.end)
    press(qtbot, window, Qt.Key.Key_X)
    assert last.key not in {s.key for s in open_now(window)}
    assert last.key not in {s.key for s in window.view.suggestion_layer.suggestions()}
    assert no_spans(window)  # nothing entered the set
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert last.key in {s.key for s in window.view.suggestion_layer.suggestions()}


def test_shift_y_accepts_every_suggestion_of_the_label_in_one_undoable_action(qtbot, suggested):
    window = suggested
    shown = window.view.suggestion_layer.suggestions()
    label = next(lab for lab in {s.label for s in shown} if sum(s.label == lab for s in shown) > 1)
    of_label = [s for s in shown if s.label == label]
    window.view.select_core(of_label[0].start, of_label[0].end)
    press(qtbot, window, Qt.Key.Key_Y, SHIFT)
    stored = stored_set(window.workspace, window.document_id).spans
    assert sorted((s.start, s.end) for s in stored) == sorted((s.start, s.end) for s in of_label)
    assert all(s.label != label for s in window.view.suggestion_layer.suggestions())
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # one action: one undo
    assert no_spans(window)


def test_without_open_suggestions_tab_goes_from_span_to_span(qtbot, window):
    assert window.view.suggestion_layer.suggestions() == ()
    text = window.view.text
    start = text.index("Касым-Жомарт")
    window.view.select_core(start, start + len("Касым-Жомарт Токаев"))
    press(qtbot, window, Qt.Key.Key_1)
    window.view.move_caret_core(0)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.view.selection_core() == (start, start + len("Касым-Жомарт Токаев"))
    press(qtbot, window, Qt.Key.Key_Y)  # no suggestion here: nothing happens, the user is told
    assert len(stored_set(window.workspace, window.document_id).spans) == 1


def test_keys_are_in_the_key_map_and_the_menus(suggested):
    from annotator.gui.common.keys import CheatSheet

    window = suggested
    sheet = CheatSheet(window.bindings, window)
    listed = sheet.actions_listed()
    for name in ("accept_suggestion", "reject_suggestion", "accept_label_suggestions", "jump_to_copy"):
        assert name in listed
        assert window.actions_by_name[name].shortcut().toString()


def test_suggest_dialog_runs_on_this_document_and_the_view_shows_them(qtbot, window):
    assert window.view.suggestion_layer.suggestions() == ()
    dialog = window.open_suggest_dialog()
    dialog.model_boxes["natasha"].setChecked(False)  # the rules alone: quick
    dialog.start_suggesting()
    assert window.runner.wait(20000)
    assert window.runner.wait()
    assert dialog.report is not None and dialog.report.documents == 1
    assert "suggestion" in dialog.summary_label.text()
    shown = window.view.suggestion_layer.suggestions()
    assert shown and {s.key for s in shown} == {s.key for s in open_now(window)}
    with window.workspace.store.read() as repo:  # only this document was suggested
        assert repo.documents_with_set("model:rules", repo.document_ids(DocumentQuery())) == {window.document_id}


def test_suggest_dialog_cancel_writes_nothing_not_begun(qtbot, window):
    gate = threading.Event()
    window.runner.run(gate.wait)  # the runner busy: the run waits behind it
    dialog = window.open_suggest_dialog()
    dialog.set_documents_choice(2)  # all documents
    dialog.model_boxes["natasha"].setChecked(False)
    dialog.start_suggesting()
    assert not dialog.suggest_button.isEnabled() and dialog.cancel_button.isEnabled()
    dialog.cancel()
    gate.set()
    assert window.runner.wait(20000)
    assert "Cancelled" in dialog.summary_label.text()
    with window.workspace.store.read() as repo:
        assert repo.documents_with_set("model:rules", repo.document_ids(DocumentQuery())) == set()


def open_document(qtbot, window, document_id: str) -> None:
    window.show_document(document_id)
    assert window.runner.wait()
    qtbot.waitUntil(lambda: window.document_id == document_id)
    assert window.runner.wait()


def test_repeated_passages_are_marked_in_the_margin_and_j_goes_to_the_copy(qtbot, window):
    docs = window.document_model
    ids = [docs.summary_at(r).id for r in range(docs.rowCount())]
    source = next(d for d in ids if d.startswith("002"))
    open_document(qtbot, window, source)
    margin = window.view.repeat_margin
    qtbot.waitUntil(lambda: len(margin.copies()) == 3)
    assert {c.document_id[:3] for c in margin.copies()} == {"001", "004"}
    copy = next(c for c in margin.copies() if c.document_id.startswith("001"))
    window.view.move_caret_core(copy.start + 10)
    window.view.centerCursor()
    margin.repaint()
    viewport, bar = window.view.viewport().geometry(), window.view.verticalScrollBar()
    assert margin.isVisible() and margin.geometry().left() > viewport.right()  # right of the text
    assert not bar.isVisible() or margin.geometry().right() < bar.mapTo(window.view, bar.rect().topLeft()).x()
    assert (copy.start, copy.end) in {region for _rect, region in margin.bars()}  # a bar beside it, on screen
    line = window.view.cursorRect().center().y()
    assert any(rect.top() <= line <= rect.bottom() for rect, _region in margin.bars())
    assert copy.document_id in margin.describe(margin.copies_at(copy.start))
    window.view.move_caret_core(copy.start + 10)
    press(qtbot, window, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: window.document_id == copy.document_id)
    assert window.runner.wait()
    assert window.view.selection_core() == (copy.other_start, copy.other_end)
    qtbot.waitUntil(lambda: len(window.view.repeat_margin.copies()) == 1)
    press(qtbot, window, Qt.Key.Key_J)  # and back
    qtbot.waitUntil(lambda: window.document_id == source)
    assert window.runner.wait()
    assert window.view.selection_core() == (copy.start, copy.end)


def test_j_outside_a_repeated_passage_says_so(qtbot, window):
    qtbot.waitUntil(lambda: window.view.repeat_margin.copies() is not None)
    shown = window.document_id
    window.view.move_caret_core(0)
    press(qtbot, window, Qt.Key.Key_J)
    assert window.document_id == shown
    assert "not in a repeated passage" in window.statusBar().currentMessage()


def test_curation_offers_the_gold_a_copy_was_settled_with_and_alt_c_takes_it(qtbot, gui_workspace, runner):
    from annotator.domain.model import Role
    from annotator.gui.curate.curation_window import CurationWindow
    from annotator.services import curation, users
    from tests.services.test_copy_gold import both_annotate, settle_002_as_anna
    from tests.services.test_repeats import D001, find

    ws = gui_workspace
    users.add_user(ws, "cora", Role.CURATOR)
    settle_002_as_anna(ws)
    both_annotate(ws, D001)
    window = CurationWindow(ws, runner, "cora", D001)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert runner.wait()
    window.view.setFocus()
    uzkaz = find(ws, D001, "UzKazTrade")
    target = next(i for i, d in enumerate(window.state.disagreements) if (d.start, d.end) == uzkaz)
    window.current = target - 1 if target else None
    window.go_to_disagreement(1)
    assert window.current == target
    assert "002" in window.statusBar().currentMessage() and "Alt+C" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert runner.wait()
    gold = curation.gold_set(ws, D001)
    assert {(s.start, s.end, s.label) for s in gold.spans} == {(*uzkaz, "ORG")}


def test_propose_in_the_copies_from_the_menu_and_the_copy_offers_them(qtbot, window):
    from tests.services.test_repeats import D001, D002, annotate_002

    annotate_002(window.workspace)
    open_document(qtbot, window, D002)
    window.propagate_action.trigger()
    assert window.runner.wait()
    assert "copy document" in window.statusBar().currentMessage()
    open_document(qtbot, window, D001)
    shown = window.view.suggestion_layer.suggestions()
    assert shown and all(s.source == "model:copies:anna" for s in shown)
    assert {window.view.text[s.start:s.end] for s in shown} >= {"UzKazTrade", "10 млрд долларов"}
    s = next(s for s in shown if s.kind == "entity")
    qt_start, _ = window.view.positions.span_to_qt(s.start, s.end)
    assert any("copies:anna" in line for line in window.view.suggestion_layer.tooltip_lines(qt_start + 1))
