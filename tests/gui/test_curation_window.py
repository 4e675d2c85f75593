"""The curation window: lanes side by side, disagreements stepped through, gold written by keys (curators only)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from annotator.domain.model import AUTHOR, GOLD, Role, SetStatus, Span
from annotator.gui.curate.curation_window import CURATION_KEYS, CurationWindow
from annotator.gui.text.document_view import DocumentView
from annotator.gui.curate.lanes import first_visible_core, scroll_to_core, version_text
from annotator.services import claims, curation, documents, users
from tests.conftest import snapshot

DOC = "000_598509fc61278558"  # "Касым-Жомарт Токаев отметил существенные успехи ..."
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
STAT = "объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов"


def find(ws, needle: str) -> tuple[int, int]:
    text = documents.document(ws, DOC).text
    start = text.index(needle)
    return start, start + len(needle)


def add_span(ws, needle: str, label: str, owner: str) -> int:
    from annotator.services import annotating

    return annotating.add_span(ws, DOC, *find(ws, needle), label, owner=owner).result


@pytest.fixture
def team(gui_workspace):
    """anna and boris disagree three times: a label and boundary, a claim's speaker, a span only anna has."""
    ws = gui_workspace
    users.add_user(ws, "cora", Role.CURATOR)
    users.add_user(ws, "anna", Role.ANNOTATOR, user="cora")
    users.add_user(ws, "boris", Role.ANNOTATOR, user="cora")
    speakers = {}
    for owner in ("anna", "boris"):
        speakers[owner] = add_span(ws, "Касым-Жомарт Токаев", "PER", owner)  # agreed
    add_span(ws, "существенные успехи", "ORG", "anna")
    add_span(ws, "существенные", "GPE", "boris")
    claims.add_claim(ws, DOC, *find(ws, STAT), "STAT", owner="anna", speaker=speakers["anna"])
    claims.add_claim(ws, DOC, *find(ws, STAT), "STAT", owner="boris", speaker=AUTHOR)
    add_span(ws, "Глава государства", "ROLE", "anna")
    return ws


def open_window(qtbot, ws, runner, user: str) -> CurationWindow:
    window = CurationWindow(ws, runner, user, DOC)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert runner.wait()
    assert window.state is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    return window


@pytest.fixture
def cora(qtbot, team, runner) -> CurationWindow:
    return open_window(qtbot, team, runner, "cora")


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.view, key, modifiers)
    assert window.runner.wait()


def gold(ws) -> list[tuple[int, int, str]]:
    found = curation.gold_set(ws, DOC)
    return sorted((s.start, s.end, s.label) for s in found.spans) if found else []


def gold_status(ws):
    found = curation.gold_set(ws, DOC)
    return found.status if found else None


def test_lanes_titles_and_the_list_of_disagreements(cora):
    window = cora
    assert [lane.owner for lane in window.all_lanes()] == ["anna", "boris", GOLD]
    assert not window.read_only and window.banner.isHidden()
    assert "anna" in window.lanes[0].title.text() and "Alt+1" in window.lanes[0].title.text()
    assert "boris" in window.lanes[1].title.text() and "Alt+2" in window.lanes[1].title.text()
    assert window.lanes[0].view.isReadOnly() and window.lanes[0].view.spans()  # anna's spans in her lane
    assert window.gold_lane.view.spans() == []  # no gold yet
    found = window.state.disagreements
    assert [(d.layer, d.kind) for d in found] == [("entity", "other"), ("claim", "speaker"), ("entity", "missing")]
    rows = [window.disagreement_list.row_texts(r) for r in range(window.disagreement_list.rowCount())]
    assert [r[2] for r in rows] == ["other", "other speaker", "only some have it"]
    assert rows[0][4:6] == ["ORG «существенные успехи»", "GPE «существенные»"]
    assert rows[1][4].endswith("← Касым-Жомарт Токаев") and rows[1][5].endswith("← author")
    assert rows[2][4:7] == ["ROLE «Глава государства»", "—", "—"]
    # every disagreement is framed in every lane, none is current yet
    regions = [(d.start, d.end) for d in found]
    for lane in window.all_lanes():
        assert lane.view.marks() == sorted(regions) and lane.view.current_mark() is None
    assert window.lower_tabs.tabText(0) == "Disagreements (3)"


def test_f8_and_shift_f8_step_through_the_disagreements_in_every_lane(qtbot, cora):
    window = cora
    found = window.state.disagreements
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current == 0
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current == 1
    for lane in window.all_lanes():
        assert lane.view.current_mark() == (found[1].start, found[1].end)
    assert window.disagreement_list.currentRow() == 1
    assert window.view.caret_core() == found[1].start  # gold's caret at it, for the keys that act there
    assert window.position_label.text() == "Disagreement 2 of 3: other speaker · 3 not settled in gold"
    press(qtbot, window, Qt.Key.Key_F8, SHIFT)
    assert window.current == 0
    press(qtbot, window, Qt.Key.Key_F8, SHIFT)
    assert window.current == 2  # round to the last
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current == 0
    # picking a row in the list makes it current
    window.disagreement_list.setCurrentCell(2, 0)
    assert window.current == 2 and window.lanes[0].view.current_mark() == (found[2].start, found[2].end)


def test_alt_2_accepts_boriss_version_and_ctrl_z_undoes_it(qtbot, cora):
    window, ws = cora, cora.workspace
    press(qtbot, window, Qt.Key.Key_F8)
    before = gold(ws)
    assert before == []
    press(qtbot, window, Qt.Key.Key_2, ALT)
    assert gold(ws) == [(*find(ws, "существенные"), "GPE")]
    assert window.gold_lane.view.spans()[0].label == "GPE"  # redrawn from the store
    assert window.disagreement_list.row_texts(0)[-1] == "= boris: GPE «существенные»"
    press(qtbot, window, Qt.Key.Key_1, ALT)  # anna's instead
    assert gold(ws) == [(*find(ws, "существенные успехи"), "ORG")]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert gold(ws) == [(*find(ws, "существенные"), "GPE")]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert gold(ws) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert gold(ws) == [(*find(ws, "существенные"), "GPE")]
    # a claim: boris says the figure is the outlet's own
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_2, ALT)
    (claim,) = curation.gold_set(ws, DOC).claims
    assert (claim.start, claim.end, claim.speaker) == (*find(ws, STAT), AUTHOR)
    assert window.current == 1  # the window stays at the disagreement


def test_alt_n_needs_a_current_disagreement_and_an_annotator_in_that_lane(qtbot, cora):
    window, ws = cora, cora.workspace
    before = snapshot(ws)
    press(qtbot, window, Qt.Key.Key_2, ALT)
    assert "F8" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_3, ALT)
    assert "lane 3" in window.statusBar().currentMessage()
    assert snapshot(ws) == before


def test_ctrl_shift_a_accepts_what_everyone_agrees_on(qtbot, cora):
    window, ws = cora, cora.workspace
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    assert gold(ws) == [(*find(ws, "Касым-Жомарт Токаев"), "PER")]
    assert [s.label for s in window.gold_lane.view.spans()] == ["PER"]
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)  # nothing more to take: an error, shown, nothing written
    assert "already holds" in window.statusBar().currentMessage()


def test_label_keys_delete_and_undo_edit_the_gold_lane(qtbot, cora):
    window, ws = cora, cora.workspace
    start, end = find(ws, "Глава государства")
    window.view.select_core(start, end)
    press(qtbot, window, Qt.Key.Key_R)  # ROLE
    assert gold(ws) == [(start, end, "ROLE")]
    (stored,) = curation.gold_set(ws, DOC).spans
    assert [a.user for a in _log(ws)][:1] == ["cora"]  # the curator acted, on gold
    press(qtbot, window, Qt.Key.Key_1)  # the selection is that span: relabelled
    assert gold(ws) == [(start, end, "PER")]
    window.view.move_caret_core(start + 3)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert gold(ws) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert gold(ws) == [(start, end, "PER")]
    assert stored.id in {s.id for s in window.gold_lane.view.spans()}


def test_claim_keys_act_on_gold(qtbot, cora):
    window, ws = cora, cora.workspace
    window.view.select_core(*find(ws, STAT))
    press(qtbot, window, Qt.Key.Key_C)
    (claim,) = curation.gold_set(ws, DOC).claims
    assert (claim.start, claim.end) == find(ws, STAT)
    window.view.move_caret_core(claim.start + 3)
    press(qtbot, window, Qt.Key.Key_A)  # speaker: the author
    assert curation.gold_set(ws, DOC).claims[0].speaker == AUTHOR
    assert documents.annotation_sets(ws, DOC, "anna")[0].claims[0].speaker != AUTHOR  # anna's untouched


def test_ctrl_return_marks_gold_curated_asking_first_while_disagreements_are_open(qtbot, cora, message_boxes):
    window, ws = cora, cora.workspace
    assert "3 not settled in gold" in window.position_label.text()
    message_boxes.answers.append(QMessageBox.StandardButton.No)
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert gold_status(ws) != SetStatus.CURATED  # the curator said not yet
    assert "3 disagreement(s) not settled" in message_boxes.shown[-1][2]
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert gold_status(ws) == SetStatus.CURATED
    assert "curated" in window.gold_lane.title.text()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert gold_status(ws) != SetStatus.CURATED


def test_an_annotator_may_look_but_every_writing_key_does_nothing(qtbot, team, runner):
    window = open_window(qtbot, team, runner, "anna")
    ws = team
    assert window.read_only
    assert window.banner.isVisible() and "only curators write gold" in window.banner.text()
    assert "read only" in window.gold_lane.title.text()
    assert [lane.owner for lane in window.all_lanes()] == ["anna", "boris", GOLD]
    before = snapshot(ws)
    press(qtbot, window, Qt.Key.Key_F8)  # looking is allowed
    assert window.current == 0 and window.lanes[1].view.current_mark() is not None
    window.view.select_core(*find(ws, "Глава государства"))
    none = Qt.KeyboardModifier.NoModifier
    for key, modifiers in [(Qt.Key.Key_2, ALT), (Qt.Key.Key_1, ALT), (Qt.Key.Key_A, CTRL | SHIFT),
                           (Qt.Key.Key_Return, CTRL), (Qt.Key.Key_R, none), (Qt.Key.Key_C, none),
                           (Qt.Key.Key_Delete, none), (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)]:
        press(qtbot, window, key, modifiers)
    assert snapshot(ws) == before
    assert window.saved_label.text() == ""  # nothing was even sent to the core
    writing = [name for name, action in window.actions_by_name.items() if action.isEnabled()]
    assert sorted(writing) == sorted(["next_disagreement", "previous_disagreement", "next_span", "previous_span",
                                      "cheat_sheet", "cancel", "close_window"])
    # the methods behind the keys refuse too (a menu, a script)
    window.gold_actions.accept_agreed()
    window.gold_actions.mark_curated()
    window.gold_actions.accept_version(2)
    window.gold_actions.apply_label("PER")
    assert runner.wait()
    assert snapshot(ws) == before
    assert "only curators write gold" in window.statusBar().currentMessage()


def test_scrolling_one_lane_keeps_the_others_at_the_same_character(qtbot, cora):
    window = cora
    window.resize(1200, 400)
    window.lane_splitter.setSizes([250, 450, 500])  # lanes of different widths wrap differently
    qtbot.wait(10)
    anna, boris, gold_view = (lane.view for lane in window.all_lanes())
    anna.verticalScrollBar().setValue(anna.verticalScrollBar().maximum() // 2)
    qtbot.wait(10)
    top = first_visible_core(anna)
    assert top > 0
    for view in (boris, gold_view):
        here = first_visible_core(view)
        assert here <= top < here + 120  # the line on top holds anna's first character
    scroll_to_core(gold_view, 0)
    qtbot.wait(10)
    assert first_visible_core(anna) == first_visible_core(boris) == 0
    # going to a disagreement puts it on screen in every lane
    window.show_disagreement(2)
    for view in (anna, boris, gold_view):
        start = window.state.disagreements[2].start
        rect = view.cursorRect(_cursor_at(view, start))
        assert 0 <= rect.top() < view.viewport().height()


def test_notes_are_listed_and_take_the_lanes_to_their_target(qtbot, team, runner):
    notes_service = pytest.importorskip("annotator.services.notes")
    ws = team
    (boris_set,) = documents.annotation_sets(ws, DOC, "boris")
    target = next(s for s in boris_set.spans if s.label == "GPE")
    notes_service.add_note(ws, DOC, owner="boris", text="Не уверен: место или нет?", unsure=True,
                           target_id=target.id)
    window = open_window(qtbot, ws, runner, "cora")
    assert window.lower_tabs.tabText(1) == "Notes (1)"
    (note,) = window.state.notes
    window.notes_list.note_activated.emit(note)
    boris = window.lane("boris").view
    assert boris.selection_core() == (target.start, target.end)


def test_f1_lists_the_curation_keys(qtbot, cora):
    press(qtbot, cora, Qt.Key.Key_F1)
    sheet = cora._cheat_sheet
    assert sheet is not None and sheet.isVisible()
    listed = sheet.actions_listed()
    for item in CURATION_KEYS:
        assert item.action in listed
    for name in ("label:PER", "claim:STAT", "undo", "redo", "remove_span", "make_claim"):
        assert name in listed
    assert "import" not in listed and "mark_done" not in listed


def test_version_texts():
    text = "Касым-Жомарт Токаев прибыл"
    assert version_text(text, ()) == "—"
    assert version_text(text, (Span(1, 13, 19, "PER"),)) == "PER «Токаев»"


def test_the_view_frames_marked_regions_only_where_painted(qtbot):
    view = DocumentView({"PER": "#ff0000"})
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    view.set_document("один два три\nчетыре пять", [Span(1, 0, 4, "PER")])
    view.set_marks([(5, 8), (13, 19)], current=(5, 8))
    qtbot.wait(10)
    assert view.marks() == [(5, 8), (13, 19)] and view.current_mark() == (5, 8)
    assert view.marks_painted_at(view.positions.to_qt(6)) == [(5, 8)]
    assert view.marks_painted_at(view.positions.to_qt(1)) == []
    assert view.marks_painted_at(view.positions.to_qt(14)) == [(13, 19)]
    view.set_document("другой текст")
    assert view.marks() == [] and view.current_mark() is None


def _cursor_at(view, core: int):
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(core))
    return cursor


def _log(ws):
    from annotator.services import history

    return history.log(ws, owner=GOLD, limit=5)


def test_ctrl_z_in_the_curation_window_undoes_gold_on_this_document_only(qtbot, cora):
    from annotator.services import annotating

    window, ws = cora, cora.workspace
    start, end = find(ws, "Глава государства")
    window.view.select_core(start, end)
    press(qtbot, window, Qt.Key.Key_R)
    other = "001_1fc550a04f713c8c"
    text = documents.document(ws, other).text
    at = text.index("Токаев")
    annotating.add_span(ws, other, at, at + 6, "PER", owner=GOLD, user="cora")  # gold elsewhere, later
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert gold(ws) == []  # this document's gold span went
    (elsewhere,) = curation.gold_set(ws, other).spans
    assert (elsewhere.start, elsewhere.label) == (at, "PER")  # the other document's stays


def test_nothing_is_read_again_when_the_window_is_focused(qtbot, cora, monkeypatch):
    """Focus is not a change: the window reads again only when told something changed."""
    window = cora
    reads = []
    monkeypatch.setattr(window.session, "reload", lambda: reads.append(1))
    other = QMainWindow()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert reads == []


def test_an_annotators_span_in_the_annotation_window_reaches_the_open_curation_window(qtbot, team, runner):
    """The two windows' sessions share a hub: anna's commit there is read here at once, no focus needed."""
    from annotator.gui.annotate.main_window import MainWindow
    from annotator.gui.common.settings import GuiSettings

    main = MainWindow(team, GuiSettings(annotator="anna"), runner)
    qtbot.addWidget(main)
    main.show()
    assert runner.wait()
    main.show_document(DOC)
    assert runner.wait() and main.document_id == DOC
    curating = main.open_curation(DOC)
    assert runner.wait() and curating.state is not None
    before = len(curating.lane("anna").view.spans())
    main.activateWindow()
    main.view.select_core(*find(team, "Ташкенте"))
    main.apply_label("GPE")
    qtbot.waitUntil(lambda: len(curating.lane("anna").view.spans()) == before + 1, timeout=5000)
    assert runner.wait()


def test_another_desktops_span_reaches_the_open_curation_window(qtbot, team, runner, monkeypatch):
    """What another process saves reaches the curation window through the main window's watch."""
    from annotator.gui.annotate import main_window
    from annotator.gui.common.settings import GuiSettings
    from annotator.services import annotating
    from annotator.services.workspace import Workspace

    monkeypatch.setattr(main_window, "WATCH_INTERVAL_S", 0.2)
    main = main_window.MainWindow(team, GuiSettings(annotator="cora"), runner)
    qtbot.addWidget(main)
    assert runner.wait()
    curating = main.open_curation(DOC)
    assert runner.wait() and curating.state is not None
    before = len(curating.lane("anna").view.spans())
    with Workspace.open(str(team.store.engine.url.database)) as elsewhere:  # the same file, another process
        annotating.add_span(elsewhere, DOC, *find(team, "Ташкенте"), "GPE", owner="anna")
    qtbot.waitUntil(lambda: len(curating.lane("anna").view.spans()) == before + 1, timeout=5000)
    main.close()

def test_f8_skips_what_gold_has_settled_and_says_how_many_are_left(qtbot, cora):
    window = cora
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current == 0
    press(qtbot, window, Qt.Key.Key_1, ALT)  # anna's version: the first disagreement is settled
    assert window.runner.wait()
    state = window.state
    open_ = state.open_indexes()
    assert 0 not in open_ and open_  # settled now; others are not
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current == open_[0]
    assert f"{len(open_)} not settled in gold" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_F8, SHIFT)
    assert window.current == open_[-1]  # never back to the settled first one


def test_a_change_over_another_curators_since_is_refused_and_the_window_reads_again(qtbot, cora):
    window, ws = cora, cora.workspace
    users.add_user(ws, "dora", Role.CURATOR, user="cora")
    press(qtbot, window, Qt.Key.Key_F8)  # the first disagreement: anna's ORG, boris's GPE
    # meanwhile dora, at her own desk, takes anna's version there
    curation.accept_version(ws, DOC, "anna", "entity", *find(ws, "существенные успехи"), user="dora")
    press(qtbot, window, Qt.Key.Key_2, ALT)  # cora takes boris's, over what she has not seen
    assert window.runner.wait()
    qtbot.waitUntil(lambda: "dora changed this since you opened it" in window.statusBar().currentMessage())
    assert gold(ws) == [(*find(ws, "существенные успехи"), "ORG")]  # dora's stays
    qtbot.waitUntil(lambda: [s.label for s in window.gold_lane.view.spans()] == ["ORG"])  # read again
    press(qtbot, window, Qt.Key.Key_2, ALT)  # now that she has seen it, her choice goes through
    assert gold(ws) == [(*find(ws, "существенные"), "GPE")]


def test_a_gold_action_redraws_the_gold_lane_only(qtbot, cora, monkeypatch):
    window = cora
    drawn = []
    for lane in window.all_lanes():
        monkeypatch.setattr(lane, "show_set", lambda aset, owner=lane.owner: drawn.append(owner))
    window.gold_actions.accept_agreed()
    assert window.runner.wait()
    assert drawn == [GOLD]  # anna's and boris's lanes did not change, so they were not drawn again


def test_a_claim_key_over_another_curators_change_is_refused_and_the_window_reads_again(qtbot, cora, monkeypatch):
    """Two curators on one document: a claim edit sent with the gold version this window shows is refused
    when the other curator changed that claim since; the window then shows what they did."""
    window, ws = cora, cora.workspace
    users.add_user(ws, "dora", Role.CURATOR, user="cora")
    window.gold_actions.accept_agreed()
    window.show_disagreement(next(i for i, d in enumerate(window.state.disagreements) if d.layer == "claim"))
    window.gold_actions.accept_version(1)  # anna's STAT claim into gold
    assert window.runner.wait()
    (claim,) = curation.gold_set(ws, DOC).claims
    window.claim_actions.current_claim_id = claim.id
    claims.edit_claim(ws, claim.id, owner=GOLD, user="dora", checkworthy=True)  # dora, in her window
    window.claim_actions.toggle_hedged()
    assert window.runner.wait()
    assert "dora changed this" in window.statusBar().currentMessage()
    (after,) = curation.gold_set(ws, DOC).claims
    assert after.certainty == claim.certainty  # nothing of cora's was written over dora's edit
    assert window.runner.wait()
    assert window.state.claims[0].checkworthy  # the window read dora's edit again


def test_ctrl_w_and_esc_close_the_curation_window_and_esc_first_drops_a_relation_begun(qtbot, team, runner):
    for key, modifiers in ((Qt.Key.Key_W, CTRL), (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)):
        window = open_window(qtbot, team, runner, "cora")
        window.view.setFocus()
        if key == Qt.Key.Key_Escape:
            window.claim_actions.relation_head = window.view.spans()[0] if window.view.spans() else object()
            qtbot.keyClick(window.view, key, modifiers)
            assert window.isVisible() and window.claim_actions.relation_head is None  # first Esc: the relation
        qtbot.keyClick(window.view, key, modifiers)
        assert not window.isVisible()


def test_settling_a_disagreement_takes_it_off_the_open_count(qtbot, cora):
    window = cora
    first = window.open_disagreements()[0]
    window.show_disagreement(first)
    window.gold_actions.accept_version(1)
    assert window.runner.wait()
    left = window.open_disagreements()
    assert first not in left
    assert f"{len(left)} not settled in gold" in window.position_label.text()


def test_edge_keys_move_a_gold_spans_edges(qtbot, cora):
    window, ws = cora, cora.workspace
    start, end = find(ws, "государства")
    window.view.select_core(start, end)
    press(qtbot, window, Qt.Key.Key_R)  # ROLE over one word
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # its start a word left
    assert gold(ws) == [(*find(ws, "Глава государства"), "ROLE")]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert gold(ws) == [(start, end, "ROLE")]


def test_an_only_some_have_it_region_stays_open_until_the_curator_rejects_it(qtbot, cora):
    """Gold holding nothing where only anna marked a ROLE is no decision: F8 still goes there, the status
    bar counts it, until Alt+0 rejects it; then F8 never visits it again."""
    window = cora
    window.gold_actions.accept_agreed()
    assert window.runner.wait()
    state = window.state
    role = next(i for i, d in enumerate(state.disagreements) if d.kind == "missing")
    assert role in window.open_disagreements()
    for _ in range(len(state.disagreements)):  # F8 reaches it
        press(qtbot, window, Qt.Key.Key_F8)
        if window.current == role:
            break
    assert window.current == role
    still = len(window.open_disagreements())
    assert f"{still} not settled in gold" in window.position_label.text()
    press(qtbot, window, Qt.Key.Key_0, ALT)  # reject every version
    qtbot.waitUntil(lambda: role not in window.open_disagreements())
    assert f"{still - 1} not settled in gold" in window.position_label.text()
    assert [d.decision for d in window.state.decisions] == ["reject"]
    assert "rejected" in window.disagreement_list.row_texts(role)[-1]
    visited = set()
    for _ in range(2 * len(state.disagreements)):
        press(qtbot, window, Qt.Key.Key_F8)
        visited.add(window.current)
        press(qtbot, window, Qt.Key.Key_F8, SHIFT)
        visited.add(window.current)
    assert visited == set(window.open_disagreements())  # every open one, never a settled one


def test_f8_with_everything_settled_stays_and_says_so(qtbot, cora):
    window = cora
    for index in range(len(window.state.disagreements)):
        window.show_disagreement(index)
        press(qtbot, window, Qt.Key.Key_0, ALT)
    assert window.open_disagreements() == []
    window.current = None
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current is None
    assert "Every disagreement is settled" in window.statusBar().currentMessage()
