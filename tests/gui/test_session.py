"""The set session: keys act on it (not on a window), and a window redraws only what an action's Changes name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from annotator.gui.common.id_rows import IdRows
from annotator.gui.session.claim_keys import ClaimActions
from annotator.gui.session.set_session import AnnotatorSession, SessionHub
from annotator.gui.text.document_view import DocumentView
from annotator.services import documents
from tests.gui.test_main_window import press, select_words

DOC = "000_598509fc61278558"
STAT = "объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов"


class Rows(IdRows, QTableWidget):
    pass


def test_show_rows_writes_only_the_rows_that_changed(qtbot):
    table = Rows(0, 1)
    qtbot.addWidget(table)

    def cells(_id, content):
        return [QTableWidgetItem(content)]

    assert table.show_rows([(1, "a"), (2, "b"), (3, "c")], cells) == 3
    assert table.show_rows([(1, "a"), (2, "B"), (3, "c")], cells) == 1  # one relabelled row
    assert table.show_rows([(1, "a"), (4, "x"), (2, "B"), (3, "c")], cells) == 1  # one inserted
    assert table.show_rows([(1, "a"), (2, "B"), (3, "c")], cells) == 0  # one removed, nothing written
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["a", "B", "c"]
    assert [table.row_of(i) for i in (1, 2, 3, 4)] == [0, 1, 2, None]


def test_claim_keys_act_on_a_session_and_a_text_view_with_no_window(qtbot, gui_workspace, runner):
    """What a key means needs the set and the text, nothing of a window (both windows share the keys)."""
    ws = gui_workspace
    scheme = ws.current_scheme()
    session = AnnotatorSession(ws, runner, SessionHub(), scheme, owner="anna", user=None)
    view = DocumentView({})
    qtbot.addWidget(view)
    session.open(DOC)
    assert runner.wait() and session.document_id == DOC
    view.set_document(session.document.text, session.view.spans)
    told, changed = [], []
    session.told.connect(lambda text, _ms: told.append(text))
    session.changed.connect(lambda changes, _view: changed.append(changes))
    keys = ClaimActions(session, view)
    keys.toggle_hedged()  # no claim yet: the user is told, nothing is sent
    assert told and not changed
    text = documents.document(ws, DOC).text
    view.select_core(text.index(STAT), text.index(STAT) + len(STAT))
    keys.make_claim("STAT")
    assert runner.wait()
    (claim,) = session.view.claims
    assert claim.type == "STAT" and session.current_claim_id == claim.id and changed[-1].claims


def test_a_relabel_redraws_one_span_row_and_nothing_of_the_claims_or_notes(qtbot, window, monkeypatch):
    select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)  # PER
    select_words(qtbot, window, "существенные", 1)
    press(qtbot, window, Qt.Key.Key_2)  # ORG
    claims_drawn, written = [], {}
    monkeypatch.setattr(window.claim_panel, "set_claims", lambda *a, **k: claims_drawn.append(1))
    for name, table in (("spans", window.span_list), ("notes", window.notes_list), ("relations", window.relation_list)):
        def counting(rows, cells, real=table.show_rows, name=name):
            written[name] = written.get(name, 0) + real(rows, cells)
            return written[name]
        monkeypatch.setattr(table, "show_rows", counting)
    select_words(qtbot, window, "существенные", 1)
    press(qtbot, window, Qt.Key.Key_4)  # the ORG span relabelled LOC
    assert sorted(s.label for s in window.view.spans()) == ["LOC", "PER"]
    assert written.get("spans") == 1  # one row of the span list rewritten
    assert written.get("notes", 0) == 0 and written.get("relations", 0) == 0 and claims_drawn == []


def test_an_action_before_any_document_is_open_is_saved_with_nothing_to_read_back(qtbot, gui_workspace, runner):
    """An undo right after start: the action runs, and ``changed`` comes with no view."""
    from annotator.services import annotating, history

    ws = gui_workspace
    text = documents.document(ws, DOC).text
    start = text.index("Токаев")
    annotating.add_span(ws, DOC, start, start + 6, "PER", owner="anna")
    session = AnnotatorSession(ws, runner, SessionHub(), ws.current_scheme(), owner="anna", user=None)
    changed = []
    session.changed.connect(lambda changes, view: changed.append((changes, view)))
    session.undo()
    assert runner.wait()
    ((changes, view),) = changed
    assert changes.spans and view is None and session.view is None
    assert all(not aset.spans for aset in documents.annotation_sets(ws, DOC, "anna"))  # the span went
    assert history.next_labels(ws, owner="anna")[1] is not None  # and can be redone
