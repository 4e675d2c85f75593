"""Claims and relations from the keyboard, checked in the store, each undone with Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.domain.model import AUTHOR, Certainty, Quantity
from tests.gui.test_main_window import press, select_words, stored_set

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CLAIM = "объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов"


def stored_claim(window):
    (claim,) = stored_set(window.workspace, window.document_id).claims
    return claim


def select_text(window, needle: str, after: str = "") -> tuple[int, int]:
    text = window.view.text
    start = text.index(needle, text.index(after) if after else 0)
    window.view.select_core(start, start + len(needle))
    return start, start + len(needle)


@pytest.fixture
def claimed(qtbot, window):
    """PER "Касым-Жомарт Токаев", ROLE "Глава государства", and the claim made with C."""
    select_words(qtbot, window, "Касым-Жомарт", 2)
    press(qtbot, window, Qt.Key.Key_1)
    select_words(qtbot, window, "Глава", 2)
    press(qtbot, window, Qt.Key.Key_R)
    select_text(window, CLAIM)
    press(qtbot, window, Qt.Key.Key_C)
    return window


def spans_by_text(window) -> dict[str, int]:
    text = window.view.text
    return {text[s.start:s.end]: s.id for s in stored_set(window.workspace, window.document_id).spans}


def test_c_makes_a_claim_and_the_type_keys_set_its_type(qtbot, claimed):
    window = claimed
    claim = stored_claim(window)
    assert window.view.text[claim.start:claim.end] == CLAIM
    assert claim.type == "STAT"  # the scheme's first claim type
    assert window.claim_panel.claim_ids() == [claim.id]
    press(qtbot, window, Qt.Key.Key_F)  # the selection is the claim: retype it
    assert stored_claim(window).type == "FACT"
    window.view.move_caret_core(claim.start + 5)  # no selection, the caret in the claim
    press(qtbot, window, Qt.Key.Key_O)
    assert stored_claim(window).type == "PROPOSAL"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_claim(window).type == "FACT"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_set(window.workspace, window.document_id).claims == ()


def test_speaker_keys_cycle_syntax_first_author_and_undo(qtbot, claimed):
    window = claimed
    ids = spans_by_text(window)
    press(qtbot, window, Qt.Key.Key_W)
    # "— …, — отметил он": he is "Касым-Жомарт Токаев", who "отметил" before the quote, though
    # "Глава государства" opening the next paragraph is nearer (the distance order proposed it)
    assert stored_claim(window).speaker == ids["Касым-Жомарт Токаев"]
    press(qtbot, window, Qt.Key.Key_W)
    assert stored_claim(window).speaker == ids["Глава государства"]
    press(qtbot, window, Qt.Key.Key_W, SHIFT)
    assert stored_claim(window).speaker == ids["Касым-Жомарт Токаев"]
    press(qtbot, window, Qt.Key.Key_W)
    relations = stored_set(window.workspace, window.document_id).relations
    assert [(r.label, r.head) for r in relations] == [("SAYS", ids["Глава государства"])]  # SAYS follows
    press(qtbot, window, Qt.Key.Key_A)
    assert stored_claim(window).speaker == AUTHOR
    assert stored_set(window.workspace, window.document_id).relations == ()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_claim(window).speaker == ids["Глава государства"]


def test_a_pronoun_becomes_the_speaker_and_the_cue_is_set_from_the_selection(qtbot, claimed):
    window = claimed
    claim = stored_claim(window)
    cue = select_text(window, "отметил", after="20 млрд")  # "— отметил он": the caret leaves the claim
    press(qtbot, window, Qt.Key.Key_U)
    stored = stored_claim(window)
    assert (stored.cue.start, stored.cue.end) == cue
    pronoun = select_text(window, "он", after="— отметил")
    press(qtbot, window, Qt.Key.Key_M)
    aset = stored_set(window.workspace, window.document_id)
    (mention,) = [s for s in aset.spans if (s.start, s.end) == pronoun]
    assert mention.label == "PER" and mention.attributes == {"pronoun": True}
    assert stored_claim(window).speaker == mention.id and stored_claim(window).id == claim.id
    press(qtbot, window, Qt.Key.Key_U, SHIFT)
    assert stored_claim(window).cue is None
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert (stored_claim(window).cue.start, stored_claim(window).cue.end) == cue
    # marking the pronoun was one action: one undo takes the mention and the speaker link back
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_claim(window).speaker is None
    assert pronoun not in [(s.start, s.end) for s in stored_set(window.workspace, window.document_id).spans]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_claim(window).cue is None


def test_certainty_checkworthiness_and_the_quantity_proposal(qtbot, claimed):
    window = claimed
    claim = stored_claim(window)
    assert window.state.proposals[claim.id] == Quantity(11.5e9, "USD", "2024")  # "в прошлом году" of 2025-11-16
    press(qtbot, window, Qt.Key.Key_H)
    assert stored_claim(window).certainty == Certainty.HEDGED
    press(qtbot, window, Qt.Key.Key_K)
    assert stored_claim(window).checkworthy is True
    press(qtbot, window, Qt.Key.Key_N)
    assert stored_claim(window).quantity == Quantity(11.5e9, "USD", "2024")
    press(qtbot, window, Qt.Key.Key_N, SHIFT)
    assert stored_claim(window).quantity is None
    for expected in (Quantity(11.5e9, "USD", "2024"), None):
        press(qtbot, window, Qt.Key.Key_Z, CTRL)
        assert stored_claim(window).quantity == expected
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_claim(window).checkworthy is False
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored_claim(window).certainty == Certainty.ASSERTED


def test_a_relation_from_the_keyboard_constrained_by_the_scheme(qtbot, claimed, monkeypatch):
    window = claimed
    ids = spans_by_text(window)
    claim = stored_claim(window)
    offered: list[list[str]] = []
    monkeypatch.setattr(window.claim_actions, "choose_relation_type",
                        lambda allowed: offered.append(allowed) or allowed[0])
    window.view.move_caret_core(claim.start + 3)
    press(qtbot, window, Qt.Key.Key_L)  # head: the claim
    start = window.view.text.index("Касым-Жомарт")
    window.view.move_caret_core(start + 2)
    press(qtbot, window, Qt.Key.Key_L)  # tail: the PER mention
    assert offered == [["ABOUT"]]  # CLAIM -> PER: only ABOUT in the scheme
    relations = stored_set(window.workspace, window.document_id).relations
    assert [(r.label, r.head, r.tail) for r in relations] == [("ABOUT", claim.id, ids["Касым-Жомарт Токаев"])]
    assert window.relation_list.rowCount() == 1
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo the relation, redo it
    assert stored_set(window.workspace, window.document_id).relations == ()
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(stored_set(window.workspace, window.document_id).relations) == 1

    # PER -> claim offers SAYS (and SAYS makes the mention the speaker)
    press(qtbot, window, Qt.Key.Key_L)
    window.view.move_caret_core(claim.start + 3)
    press(qtbot, window, Qt.Key.Key_L)
    assert offered[-1] == ["SAYS"]
    assert stored_claim(window).speaker == ids["Касым-Жомарт Токаев"]

    # PER -> ROLE: the scheme allows SAME_AS only (HEAD_OF ends on ORG or GPE); the chooser cancelled
    monkeypatch.setattr(window.claim_actions, "choose_relation_type",
                        lambda allowed: offered.append(allowed) and None)
    window.view.move_caret_core(start + 2)
    press(qtbot, window, Qt.Key.Key_L)
    window.view.move_caret_core(window.view.text.index("Глава") + 1)
    press(qtbot, window, Qt.Key.Key_L)
    assert offered[-1] == ["SAME_AS"]
    # a relation begun and cancelled with Esc
    press(qtbot, window, Qt.Key.Key_L)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.claim_actions.relation_head is None
    assert len(stored_set(window.workspace, window.document_id).relations) == 2
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo the SAYS: the speaker goes with it
    assert stored_claim(window).speaker is None


def test_the_claim_panel_edits_in_place_and_enter_jumps_to_the_claim(qtbot, claimed):
    window = claimed
    claim = stored_claim(window)
    window.claim_panel.field_edited.emit(claim.id, "type", "PLAN")
    assert window.runner.wait() and stored_claim(window).type == "PLAN"
    window.claim_panel.field_edited.emit(claim.id, "quantity", Quantity(20e9, "USD", None))
    assert window.runner.wait() and stored_claim(window).quantity == Quantity(20e9, "USD", None)
    window.view.move_caret_core(0)
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL)  # to the claim list
    assert window.claim_panel.hasFocus() and window.claim_panel.current_claim_id() == claim.id
    qtbot.keyClick(window.claim_panel, Qt.Key.Key_Return)
    assert window.view.selection_core() == (claim.start, claim.end)
    assert window.view.hasFocus()
