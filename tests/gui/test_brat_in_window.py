"""brat in the window: an import whose annotation.conf names what the scheme lacks offers the scheme
editor, which shows the proposal and adds it when the user agrees; the export dialog asks for a new
folder (its row, Browse's filter) when the format writes one, and writes brat there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.gui.io.export_dialog import ME, ExportDialog
from annotator.gui.io.import_dialog import ImportDialog
from annotator.services import annotating, documents
from tests.gui.windows import OWNER

CONF = "[entities]\nAWARD\nPERSON\n[relations]\nAWARDED_TO Arg1:AWARD, Arg2:PERSON\n[events]\n[attributes]\n"
TEXT = "Орден Дружбы вручён Ивану Петрову.\n"


def brat_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text(CONF)
    (folder / "doc.txt").write_text(TEXT)
    (folder / "doc.ann").write_text("T1\tAWARD 0 12\tОрден Дружбы\nT2\tPERSON 20 33\tИвану Петрову\n"
                                    "R1\tAWARDED_TO Arg1:T1 Arg2:T2\t\n")
    return folder


def run(qtbot, dialog, button) -> None:
    with qtbot.waitSignal(dialog.finished_task, timeout=20000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.runner.wait()


def test_a_brat_import_offers_the_configuration_to_the_scheme_editor(qtbot, window, tmp_path, message_boxes):
    folder = brat_folder(tmp_path)
    dialog: ImportDialog = window.open_import_dialog([folder])
    dialog.annotator_edit.setText(OWNER)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("brat"))
    run(qtbot, dialog, dialog.check_button)  # refused: the labels are not in the scheme
    assert dialog.brat_button.isVisible() and dialog.brat_conf == folder / "annotation.conf"
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.brat_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait() and window.runner.wait()
    kind, title, text = message_boxes.shown[-1]
    assert kind == "question" and "annotation.conf" in text and "AWARD, PERSON" in text and "AWARDED_TO" in text
    assert window.runner.wait()
    scheme = window.workspace.current_scheme()
    assert scheme.entity("AWARD") is not None and scheme.relation("AWARDED_TO") is not None
    assert window.scheme.entity("PERSON") is not None  # the window took the new scheme
    assert "AWARD" in window.scheme_editor.labels_tab.names()
    run(qtbot, dialog, dialog.import_button)  # now the labels are there
    (aset,) = documents.annotation_sets(window.workspace, "doc", OWNER)
    assert sorted(s.label for s in aset.spans) == ["AWARD", "PERSON"] and len(aset.relations) == 1


def test_saying_no_to_the_proposal_changes_nothing(qtbot, window, tmp_path, message_boxes):
    folder = brat_folder(tmp_path)
    before = window.workspace.current_scheme()
    window.open_scheme_editor()
    assert window.runner.wait()
    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    window.scheme_editor.offer_brat_proposal(folder / "annotation.conf")
    assert window.runner.wait()
    assert message_boxes.shown[-1][0] == "question"
    assert window.workspace.current_scheme() == before
    assert window.scheme_editor.last_brat_proposal.labels == ("AWARD", "PERSON")


def test_the_export_dialog_asks_for_a_new_folder_for_brat_and_writes_it(qtbot, window, tmp_path):
    text = window.document.text
    start = text.index("Касым-Жомарт")
    annotating.add_span(window.workspace, window.document_id, start, start + len("Касым-Жомарт"), "PER", owner=OWNER)
    dialog = ExportDialog(window.workspace, window.runner, OWNER, [window.document_id], None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.output_label.text() == "Output file:" and "JSONL (*.jsonl)" in dialog.file_filter()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("brat"))
    assert dialog.output_label.text() == "New folder:"
    assert dialog.file_filter() == "A new folder (*)" and dialog.output_edit.placeholderText() == "brat-export"
    dialog.set_owner_choice(ME)
    out = tmp_path / "brat-export"
    dialog.set_output(out)
    run(qtbot, dialog, dialog.export_button)
    ann = (out / OWNER / f"{window.document_id}.ann").read_text()
    assert ann.startswith("T1\tPER ") and "Касым-Жомарт" in ann
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("labelstudio"))
    assert dialog.output_label.text() == "Output file:" and "(*.json)" in dialog.file_filter()
