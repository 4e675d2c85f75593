"""Linking mentions in the window: the proposal popup (a digit links, N makes a new entity, Esc
closes), each choice undone by Ctrl+Z; proposals read on the runner and kept per mention; "every
mention like this one" in the document and the corpus as one undoable action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.services import entities
from tests.claims_sample import DOCS, annotate_sample
from tests.gui.test_main_window import press, stored_set
from tests.gui.windows import make_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def marked_window(qtbot, gui_workspace, runner):
    """The sample corpus annotated by anna (PER Токаев, ROLE Глава государства, his claims); the
    first mention of the first article linked to a new entity "Касым-Жомарт Токаев"; the window on
    the first article."""
    ws, per, role, said = annotate_sample(gui_workspace)
    tokaev = entities.create_from_mention(ws, per[DOCS[0]][0], owner="anna").result
    window = make_window(qtbot, ws, runner)
    assert window.document_id == DOCS[0]
    return window, per, role, tokaev


def link_of(window, span_id: int, document_id: str | None = None):
    aset = stored_set(window.workspace, document_id or window.document_id)
    return next(s.entity for s in aset.spans if s.id == span_id)


def caret_in(window, span_id: int) -> None:
    span = next(s for s in window.view.spans() if s.id == span_id)
    window.view.move_caret_core(span.start + 1)


def test_a_digit_links_the_mention_to_the_proposal_and_ctrl_z_undoes_it(qtbot, marked_window):
    window, per, _role, tokaev = marked_window
    other = per[DOCS[0]][1]
    assert link_of(window, other) is None
    caret_in(window, other)
    press(qtbot, window, Qt.Key.Key_I)
    popup = window.entity_linker.popup
    assert popup is not None and popup.isVisible() and not popup.loading
    assert [p.entity.id for p in popup.proposals][:1] == [tokaev]  # best first: by the name's lemma
    assert popup.rows.item(0).text().startswith("1  Касым-Жомарт Токаев")
    qtbot.keyClick(popup, Qt.Key.Key_1)
    assert window.runner.wait()
    assert not popup.isVisible()
    assert link_of(window, other) == tokaev
    assert window.actions_by_name["undo"].text().startswith("Undo: Link to Касым-Жомарт Токаев")
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert link_of(window, other) is None


def test_n_makes_a_new_entity_from_the_mention_and_esc_closes_without_a_change(qtbot, marked_window):
    window, _per, role, _tokaev = marked_window
    title = role[DOCS[0]][0]
    caret_in(window, title)
    press(qtbot, window, Qt.Key.Key_I)
    popup = window.entity_linker.popup
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert link_of(window, title) is None
    press(qtbot, window, Qt.Key.Key_I)
    qtbot.keyClick(popup, Qt.Key.Key_N)
    assert window.runner.wait()
    new = link_of(window, title)
    assert new is not None
    assert entities.get_entity(window.workspace, new).name == "Глава государства"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert link_of(window, title) is None
    assert [e.entity.name for e in entities.entity_list(window.workspace, "anna")] == ["Касым-Жомарт Токаев"]


def test_proposals_are_read_on_the_runner_ahead_of_the_key_and_forgotten_after_a_change(qtbot, marked_window,
                                                                                          monkeypatch):
    window, per, _role, tokaev = marked_window
    linker = window.entity_linker
    other = per[DOCS[0]][1]
    caret_in(window, other)
    qtbot.waitUntil(lambda: (DOCS[0], other) in linker.cache, timeout=3000)  # the caret rested: read ahead
    computed = linker.computed

    def not_on_the_gui_thread(*args, **kwargs):
        raise AssertionError("a proposal was asked for after it was kept")

    monkeypatch.setattr(entities, "propose_for_span", not_on_the_gui_thread)
    qtbot.keyClick(window.view, Qt.Key.Key_I)
    popup = linker.popup
    assert popup.isVisible() and not popup.loading  # shown at once, from what was kept
    assert linker.computed == computed
    qtbot.keyClick(popup, Qt.Key.Key_1)
    assert window.runner.wait()
    assert link_of(window, other) == tokaev
    assert linker.cache == {}  # a link changes what is proposed: forgotten


def test_every_mention_like_this_one_in_the_document_then_the_corpus_one_undo_each(qtbot, marked_window):
    window, per, _role, tokaev = marked_window
    ws = window.workspace
    first = per[DOCS[0]][0]
    text = window.view.text
    same = [s.id for s in window.view.spans() if s.label == "PER" and text[s.start:s.end] == "Касым-Жомарт Токаев"]
    assert len(same) >= 2 and first in same
    caret_in(window, first)
    press(qtbot, window, Qt.Key.Key_I, SHIFT)
    assert all(link_of(window, s) == tokaev for s in same)

    def linked_elsewhere() -> int:
        return sum(1 for doc in DOCS[1:] for s in stored_set(ws, doc).spans if s.entity == tokaev)

    assert linked_elsewhere() == 0
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    assert linked_elsewhere() >= 4  # the full name in the other articles
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the corpus-wide link is one action
    assert linked_elsewhere() == 0
    assert all(link_of(window, s) == tokaev for s in same)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert [link_of(window, s) for s in same if s != first] == [None] * (len(same) - 1)


def test_the_link_keys_are_in_the_edit_menu_and_on_the_cheat_sheet(qtbot, marked_window):
    window = marked_window[0]
    sheet = window.show_cheat_sheet()
    listed = sheet.actions_listed()
    for name in ("link_entity", "link_like_document", "link_like_corpus", "claims_browser", "entity_page"):
        assert name in listed
    edit = next(a.menu() for a in window.menuBar().actions() if a.menu() and "Edit" in a.text())
    links = next(a.menu() for a in edit.actions() if a.menu() is not None and "links" in a.text())
    assert [a.shortcut().toString() for a in links.actions()] == ["I", "Shift+I", "Ctrl+Shift+I"]
