"""The Team menu: the dashboard, the curation window and the team's notes, opened from the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.domain.model import Role
from annotator.services import annotating, notes, users
from tests.gui.windows import OWNER

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def two_annotators(ws, document_id):
    from annotator.services import documents

    text = documents.document(ws, document_id).text
    start = text.index("Токаев")
    annotating.add_span(ws, document_id, start, start + 6, "PER", owner=OWNER)
    annotating.add_span(ws, document_id, start, start + 6, "ORG", owner="boris")


def test_the_dashboard_opens_by_key_and_a_document_there_opens_for_curation(qtbot, window):
    users.add_user(window.workspace, OWNER, Role.CURATOR)
    two_annotators(window.workspace, window.document_id)
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL_SHIFT)
    dashboard = window.dashboard
    assert dashboard is not None and dashboard.isVisible()
    qtbot.waitUntil(lambda: dashboard.documents_table.rowCount() == 1, timeout=10000)
    dashboard.curate_requested.emit(window.document_id)
    curation = window.curation_windows[window.document_id]
    assert curation.isVisible()
    assert window.open_curation(window.document_id) is curation  # one window per document


def test_the_team_notes_list_shows_everyones_notes_and_opens_a_document(qtbot, window):
    notes.add_note(window.workspace, window.document_id, owner="boris", text="здесь сомневаюсь", unsure=True)
    qtbot.keyClick(window.view, Qt.Key.Key_O, CTRL_SHIFT)
    team = window.team_notes
    assert window.runner.wait()
    assert team.list.rowCount() == 1 and team.list.notes()[0].owner == "boris"
    team.list.selectRow(0)
    qtbot.keyClick(team.list, Qt.Key.Key_Return)
    assert window.document_id in window.curation_windows
    assert window.runner.wait()


def test_a_note_on_a_span_opens_curation_at_that_span(qtbot, window):
    from annotator.services import documents

    text = documents.document(window.workspace, window.document_id).text
    start = text.index("Токаев")
    span_id = annotating.add_span(window.workspace, window.document_id, start, start + 6, "PER", owner="boris").result
    notes.add_note(window.workspace, window.document_id, owner="boris", unsure=True, target_id=span_id)
    team = window.open_team_notes()
    assert window.runner.wait()
    team.list.selectRow(0)
    qtbot.keyClick(team.list, Qt.Key.Key_Return)
    assert window.runner.wait()
    curation = window.curation_windows[window.document_id]
    assert curation.lane("boris").view.selection_core() == (start, start + 6)
