"""Moving a span's edges in the window: the keys, split and merge, a drag of an edge; all undoable."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.gui.test_main_window import press, select_words, stored_spans

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def texts(window) -> list[str]:
    text = window.document.text
    return [text[s:e] for s, e, _label in stored_spans(window.workspace, window.document_id)]


def test_alt_arrows_move_the_start_and_end_by_a_word_then_undo(qtbot, window):
    text = window.document.text
    window.view.select_core(*(lambda s: (s, s + len("Токаев")))(text.index("Токаев", text.index("Касым-Жомарт"))))
    press(qtbot, window, Qt.Key.Key_1)
    assert texts(window) == ["Токаев"]
    press(qtbot, window, Qt.Key.Key_Left, ALT)  # the start a word left
    grown = "Касым-Жомарт Токаев"
    assert texts(window) == [grown]
    press(qtbot, window, Qt.Key.Key_Right, ALT | SHIFT)  # the end a word right
    wider = texts(window)[0]
    assert wider.startswith(grown) and len(wider) > len(grown)
    press(qtbot, window, Qt.Key.Key_Left, ALT | SHIFT)  # and back
    assert texts(window) == [grown]
    press(qtbot, window, Qt.Key.Key_Right, ALT | CTRL)  # the start a character right
    assert texts(window) == [grown[1:]]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert texts(window) == [wider]
    assert window.view.selection_core() is not None  # the span stays selected for the next move


def test_split_and_merge_keys(qtbot, window):
    text = window.document.text
    start, end = select_words(qtbot, window, "Касым-Жомарт", 2)
    assert text[start:end] == "Касым-Жомарт Токаев"
    press(qtbot, window, Qt.Key.Key_1)
    window.view.move_caret_core(text.index("Токаев", start))
    press(qtbot, window, Qt.Key.Key_X, CTRL | SHIFT)
    assert texts(window) == ["Касым-Жомарт", "Токаев"]
    window.view.move_caret_core(start + 2)
    press(qtbot, window, Qt.Key.Key_J, CTRL | SHIFT)
    assert texts(window) == ["Касым-Жомарт Токаев"]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert texts(window) == ["Касым-Жомарт", "Токаев"]


def test_dragging_an_edge_resizes_the_span_to_a_word_edge(qtbot, window):
    text = window.document.text
    view = window.view
    start, end = select_words(qtbot, window, "Касым-Жомарт", 1)
    press(qtbot, window, Qt.Key.Key_1)
    view.move_caret_core(start + 1)
    window.view.viewport().grab()
    rect = view._span_rects(view.spans()[0])[-1]
    grip = QPoint(int(rect.right()), int(rect.center().y()))
    assert view.edge_at(grip) is not None
    target_start = text.index("Токаев", end)
    target = view._range_rects(target_start, target_start + len("Токаев"))[0]
    drop = QPoint(int(target.left() + target.width() * 0.8), int(target.center().y()))  # short of the word's end
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=grip)
    qtbot.mouseMove(view.viewport(), drop)
    assert view.edge_preview() == (start, target_start + len("Токаев"))  # snapped to the word's end
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=drop)
    assert window.runner.wait()
    assert texts(window) == ["Касым-Жомарт Токаев"]
    assert view.edge_preview() is None
