"""Discontinuous spans in the window: G adds the selection as a fragment of the span the caret was on
(undoable), each fragment is painted as a span with a thin link between them, and the key is on
the key map."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.gui.common.keys import KEY_MAP, CheatSheet
from annotator.services import documents

from tests.gui.windows import OWNER

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.view, key, modifiers)
    assert window.runner.wait()


def stored(window):
    (aset,) = documents.annotation_sets(window.workspace, window.document_id, OWNER)
    return [(s.start, s.end, s.label, s.fragments) for s in aset.spans]


def at(window, word):
    start = window.view.text.index(word)
    return start, start + len(word)


def test_j_adds_the_selection_as_a_fragment_and_undo_takes_it_back(qtbot, window):
    view = window.view
    first, later = at(window, "Касым-Жомарт"), at(window, "отметил")  # "Токаев" in the gap
    assert first[1] < later[0]
    view.select_core(*first)
    press(qtbot, window, Qt.Key.Key_1)  # PER over "Касым-Жомарт"
    view.move_caret_core(first[0] + 2)  # the caret on it, nothing selected
    view.select_core(*later)  # then the words to add
    press(qtbot, window, Qt.Key.Key_G)
    assert stored(window) == [(first[0], later[1], "PER", (first, later))]
    (span,) = view.spans()
    assert span.fragments == (first, later)  # the window shows what was saved
    # painted as two pieces: the gap between them is not the span's tint, and a link joins them
    pieces = [(p.qt_start, p.qt_end) for block in range(view.document().blockCount())
              for p in view.highlighter.index.in_block(block)]
    assert pieces == [view.positions.span_to_qt(*first), view.positions.span_to_qt(*later)]
    view.viewport().repaint()
    assert view.fragment_links and all(link.span_id == span.id for link in view.fragment_links)
    rects = view._span_rects(span)  # the caret outline: one frame per fragment, not the gap
    assert len(rects) == 2 and rects[0].right() < rects[1].left()
    (link,) = view.fragment_links  # one line along the baseline, from the first fragment to the second
    assert (link.start.x(), link.end.x()) == (rects[0].right(), rects[1].left())
    assert link.start.y() == link.end.y() == rects[0].bottom() - 1

    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo: one piece again
    assert stored(window) == [(first[0], first[1], "PER", ())]
    assert view.spans()[0].fragments == ()
    view.viewport().repaint()
    assert view.fragment_links == []


def test_j_without_a_span_or_a_selection_says_what_to_do(qtbot, window):
    view = window.view
    view.select_core(*at(window, "Казахстана"))
    press(qtbot, window, Qt.Key.Key_G)  # no span yet
    assert "Put the caret on a span first" in window.statusBar().currentMessage()
    first = at(window, "Касым-Жомарт")
    view.select_core(*first)
    press(qtbot, window, Qt.Key.Key_1)
    view.move_caret_core(first[0] + 1)
    press(qtbot, window, Qt.Key.Key_G)  # nothing selected
    assert "Select the words to add to the PER span" in window.statusBar().currentMessage()
    assert stored(window) == [(first[0], first[1], "PER", ())]


def test_the_fragment_key_is_on_the_key_map_and_the_cheat_sheet(qtbot, window):
    assert [b.keys for b in KEY_MAP if b.action == "add_fragment"] == [("G",)]
    keys = [k for b in KEY_MAP for k in b.keys]
    assert keys.count("G") == 1 and "G" not in {e.hotkey.upper() for e in window.scheme.entities}
    sheet = CheatSheet(window.bindings, window)
    qtbot.addWidget(sheet)
    assert "add_fragment" in sheet.actions_listed()
    assert "add_fragment" in window.actions_by_name
