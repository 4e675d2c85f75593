"""A restart opens where the last session ended: the document, the caret, the list's filters, the layout."""

from __future__ import annotations

from annotator.gui.common.window_state import load_window_state
from tests.gui.windows import make_window


def test_the_next_window_opens_at_the_last_document_caret_filters_and_layout(qtbot, gui_workspace, runner):
    first = make_window(qtbot, gui_workspace, runner)
    first.select_row(2)
    assert runner.wait()
    document = first.document_id
    first.view.move_caret_core(120)
    first.filter_bar.date_from_edit.setText("2025-11-15")
    first.filter_bar.apply()
    assert runner.wait()
    first.main_splitter.setSizes([300, 800, 300])
    sizes = first.main_splitter.sizes()
    first.close()
    place = load_window_state().places[gui_workspace.store.url]
    assert (place.document, place.caret, place.filters["date_from"]) == (document, 120, "2025-11-15")

    second = make_window(qtbot, gui_workspace, runner)
    assert second.document_id == document and second.view.caret_core() == 120
    assert second.filter_bar.date_from_edit.text() == "2025-11-15"
    assert second.document_model.query.date_from == "2025-11-15"
    assert second.current_row() == second.document_model.find_row(document)
    assert second.main_splitter.sizes()[0] == sizes[0]  # the documents pane as wide as it was left


def test_a_damaged_state_file_gives_the_window_as_built(qtbot, gui_workspace, runner, config_dir):
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "window-state.json").write_text("{not json", encoding="utf-8")
    window = make_window(qtbot, gui_workspace, runner)
    assert window.current_row() == 0 and window.filter_bar.values()["text"] == ""
