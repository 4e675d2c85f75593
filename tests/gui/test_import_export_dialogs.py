"""The import and export dialogs: the same services as the command line, on the runner, checked in the store."""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from annotator.gui.io.export_dialog import ALL_SETS, ANOTHER, GOLD_SETS, ME, SELECTED, ExportDialog
from annotator.gui.io.import_dialog import ERROR, NOTICE, SKIPPED, ImportDialog
from annotator.services import documents
from tests.conftest import snapshot
from tests.gui.windows import OWNER

TEXT = "Москва, 15 ноября. Министр Иванов заявил, что Газпром вырос."


def record(doc_id: str, text: str = TEXT, label: str = "PER", annotator: str | None = OWNER) -> dict:
    start = text.index("Иванов")
    line = {"id": doc_id, "text": text, "meta": {"date": "2025-11-15"}}
    if annotator is not None:
        line.update(annotator=annotator, status="in_progress",
                    entities=[{"id": "T1", "start": start, "end": start + len("Иванов"), "label": label,
                               "text": "Иванов", "attributes": {}, "entity": None}])
    return line


def write_jsonl(path: Path, lines: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return path


def make_import_dialog(qtbot, workspace, runner, paths, **options) -> ImportDialog:
    dialog = ImportDialog(workspace, runner, OWNER)
    qtbot.addWidget(dialog)
    dialog.set_paths(paths)
    dialog.skip_bad_box.setChecked(options.get("skip_bad", False))
    dialog.show()
    return dialog


def run(qtbot, dialog, button) -> None:
    with qtbot.waitSignal(dialog.finished_task, timeout=20000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.runner.wait()


def bad_file(tmp_path: Path) -> Path:
    other = TEXT.replace("Газпром", "Роснефть")
    return write_jsonl(tmp_path / "bad.jsonl", [record("good1"), record("bad2", other, label="NOPE")])


def test_a_bad_record_is_listed_with_file_and_line_and_nothing_is_written(qtbot, gui_workspace, runner, tmp_path):
    path = bad_file(tmp_path)
    before = snapshot(gui_workspace)
    dialog = make_import_dialog(qtbot, gui_workspace, runner, [path])
    imported = []
    dialog.imported.connect(imported.append)
    run(qtbot, dialog, dialog.import_button)
    rows = dialog.rows()
    assert [(kind, file, line) for kind, file, line, _ in rows] == [(ERROR, str(path), 2)]
    assert "NOPE" in rows[0][3]
    assert dialog.table.item(0, 1).text() == str(path) and dialog.table.item(0, 2).text() == "2"
    assert "nothing was imported" in dialog.summary_label.text()
    assert dialog.progress_label.text() == "Nothing imported" and dialog.progress_bar.value() == 0
    assert not dialog.report.committed and not imported
    assert snapshot(gui_workspace) == before


def test_skip_bad_imports_the_good_record_and_lists_the_bad_one(qtbot, gui_workspace, runner, tmp_path):
    path = bad_file(tmp_path)
    dialog = make_import_dialog(qtbot, gui_workspace, runner, [path], skip_bad=True)
    imported = []
    dialog.imported.connect(imported.append)
    run(qtbot, dialog, dialog.import_button)
    assert [(kind, line) for kind, _, line, _ in dialog.rows()] == [(SKIPPED, 2)]
    assert imported and imported[0].committed and imported[0].documents_added == 1
    stored = {s.id for s in documents.page(gui_workspace, limit=100)}
    assert "good1" in stored and "bad2" not in stored
    assert documents.document(gui_workspace, "good1").text == TEXT
    assert [s.label for s in documents.annotation_sets(gui_workspace, "good1", OWNER)[0].spans] == ["PER"]
    assert documents.count(gui_workspace) == 6
    assert "bad records skipped: 1" in dialog.summary_label.text()


def test_a_dry_run_writes_nothing_and_notices_are_listed(qtbot, gui_workspace, runner, tmp_path):
    stored = documents.document(gui_workspace, documents.page(gui_workspace, limit=1)[0].id)
    lines = [record("new1"), {"id": stored.id, "text": stored.text}]
    path = write_jsonl(tmp_path / "ok.jsonl", lines)
    before = snapshot(gui_workspace)
    dialog = make_import_dialog(qtbot, gui_workspace, runner, [path])
    run(qtbot, dialog, dialog.check_button)
    assert dialog.report.dry_run and not dialog.report.committed and dialog.report.documents_added == 1
    assert [(kind, line) for kind, _, line, _ in dialog.rows()] == [(NOTICE, 2)]
    assert "Dry run" in dialog.summary_label.text()
    assert snapshot(gui_workspace) == before


def test_cancel_in_the_middle_of_a_large_import_leaves_the_store_unchanged(qtbot, gui_workspace, runner, tmp_path):
    path = write_jsonl(tmp_path / "large.jsonl",
                       [record(f"big{n:05d}", f"{TEXT} Номер {n}.") for n in range(3000)])
    before = snapshot(gui_workspace)
    dialog = make_import_dialog(qtbot, gui_workspace, runner, [path])
    gate = threading.Event()

    def hold_the_worker(done, total, what):  # runs on the worker thread (a direct connection)
        if "records" in what:  # a batch of 500 is written, inside the transaction
            gate.wait(10)

    dialog.progressed.connect(hold_the_worker, Qt.ConnectionType.DirectConnection)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "records" in dialog.progress_label.text(), timeout=20000)
    assert dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_task, timeout=20000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    assert runner.wait()
    assert dialog.report is None and "Cancelled" in dialog.summary_label.text()
    assert not dialog.running and dialog.import_button.isEnabled()
    assert snapshot(gui_workspace) == before


def test_a_committed_import_refreshes_the_window_list(qtbot, window, tmp_path):
    path = write_jsonl(tmp_path / "one.jsonl", [record("fresh1")])
    assert window.document_model.rowCount() == 5
    dialog = window.open_import_dialog([path])
    run(qtbot, dialog, dialog.import_button)
    assert window.runner.wait()
    assert window.document_model.rowCount() == 6
    assert window.document_model.find_row("fresh1") is not None
    assert "/ 6 documents" in window.documents_label.text()


def test_the_export_dialog_writes_the_chosen_owners_sets_of_the_selected_documents(qtbot, gui_workspace, runner,
                                                                                  tmp_path):
    lines = [record("e1", annotator="boris"), record("e2", TEXT + " Два.", annotator="boris"),
             record("e1", annotator=OWNER)]
    from annotator.services.importing import import_files

    assert import_files(gui_workspace, [write_jsonl(tmp_path / "sets.jsonl", lines)]).committed
    out = tmp_path / "out.jsonl"
    dialog = ExportDialog(gui_workspace, runner, OWNER, ["e1", "e2"], None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_owner_choice(ANOTHER, "boris")
    dialog.set_documents_choice(SELECTED)
    dialog.set_output(out)
    run(qtbot, dialog, dialog.export_button)
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [(r["id"], r["annotator"]) for r in rows] == [("e1", "boris"), ("e2", "boris")]
    assert [e["label"] for e in rows[0]["entities"]] == ["PER"]
    assert not out.with_name("out.jsonl.partial").exists()
    assert dialog.report.records == 2

    dialog.set_owner_choice(ME)
    run(qtbot, dialog, dialog.export_button)
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [(r["id"], r["annotator"]) for r in rows] == [("e1", OWNER)]

    dialog.set_owner_choice(GOLD_SETS)
    run(qtbot, dialog, dialog.export_button)
    assert out.read_bytes() == b""


def test_the_window_menu_and_keys_open_the_dialogs(qtbot, window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[0] == "&File"
    assert window.actions_by_name["import"].shortcut().toString() == "Ctrl+I"
    assert window.actions_by_name["export"].shortcut().toString() == "Ctrl+E"
    window.actions_by_name["import"].trigger()
    assert window.import_dialog is not None and window.import_dialog.isVisible()
    window.import_dialog.close()
    window.actions_by_name["export"].trigger()
    assert window.export_dialog is not None and window.export_dialog.isVisible()
    assert window.export_dialog.selected_document_ids == [window.document_id]
    window.export_dialog.close()


def test_dropping_files_on_the_window_opens_the_import_dialog_with_them(qtbot, window, tmp_path):
    paths = [write_jsonl(tmp_path / "a.jsonl", [record("a1")]), tmp_path / "b.txt"]
    paths[1].write_text("Текст.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.paths == paths
    assert [dialog.path_list.item(i).text() for i in range(dialog.path_list.count())] == [str(p) for p in paths]


def test_cancel_in_the_middle_of_an_export_leaves_no_file_and_keeps_the_old_one(qtbot, gui_workspace, runner,
                                                                             tmp_path, message_boxes):
    from annotator.services.importing import import_files

    lines = [record(f"x{n:05d}", f"{TEXT} Номер {n}.") for n in range(1200)]
    assert import_files(gui_workspace, [write_jsonl(tmp_path / "many.jsonl", lines)]).committed
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"the previous export\n")
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)  # replace a file annotator did not write
    dialog = ExportDialog(gui_workspace, runner, OWNER, [], None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_owner_choice(ALL_SETS)
    dialog.set_output(out)
    gate = threading.Event()

    def hold_the_worker(done, total, what):  # on the worker thread, after a page is written
        if done:
            gate.wait(10)

    dialog.progressed.connect(hold_the_worker, Qt.ConnectionType.DirectConnection)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=20000)
    with qtbot.waitSignal(dialog.finished_task, timeout=20000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    assert runner.wait()
    assert "Cancelled" in dialog.summary_label.text()
    assert out.read_bytes() == b"the previous export\n"
    assert not out.with_name("out.jsonl.partial").exists()


def _export_dialog(qtbot, workspace, runner, out: Path) -> ExportDialog:
    dialog = ExportDialog(workspace, runner, OWNER, [], None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_owner_choice(ALL_SETS)
    dialog.set_output(out)
    return dialog


def test_the_export_dialog_asks_before_replacing_a_file_it_did_not_write(qtbot, gui_workspace, runner, tmp_path,
                                                                        message_boxes):
    out = tmp_path / "notes.txt"
    out.write_bytes(b"my notes\n")
    dialog = _export_dialog(qtbot, gui_workspace, runner, out)
    message_boxes.answers.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert runner.wait()
    (kind, title, text), = message_boxes.shown
    assert kind == "question" and "was not written by annotator" in text
    assert out.read_bytes() == b"my notes\n" and "choose another file" in dialog.summary_label.text()

    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    run(qtbot, dialog, dialog.export_button)
    assert out.read_bytes().count(b"\n") == 5 and dialog.report.documents == 5
    run(qtbot, dialog, dialog.export_button)  # ours now: no second question
    assert len(message_boxes.shown) == 2


def test_the_export_dialog_never_writes_over_the_open_database(qtbot, gui_workspace, runner, tmp_path,
                                                               message_boxes):
    database = gui_workspace.store.file
    before = database.read_bytes()
    dialog = _export_dialog(qtbot, gui_workspace, runner, database)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert runner.wait()
    (kind, _title, text), = message_boxes.shown
    assert kind == "warning" and "is the open database" in text
    assert database.read_bytes() == before


def test_the_dialogs_export_and_import_another_tools_format(qtbot, gui_workspace, runner, tmp_path):
    from annotator.services.importing import import_files

    assert import_files(gui_workspace, [write_jsonl(tmp_path / "sets.jsonl", [record("b1")])]).committed
    out = tmp_path / "brat-out"
    dialog = ExportDialog(gui_workspace, runner, OWNER, [], None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("brat"))
    dialog.set_owner_choice(ME)
    dialog.set_output(out)
    run(qtbot, dialog, dialog.export_button)
    ann = (out / OWNER / "b1.ann").read_text(encoding="utf-8")
    start = TEXT.index("Иванов")
    assert ann == f"T1\tPER {start} {start + 6}\tИванов\n"
    assert (out / OWNER / "b1.txt").read_text(encoding="utf-8") == TEXT

    (out / OWNER / "b1.ann").write_text(f"T1\tORG {start} {start + 6}\tИванов\n", encoding="utf-8")
    dialog = make_import_dialog(qtbot, gui_workspace, runner, [out / OWNER])
    dialog.annotator_edit.setText(OWNER)  # brat names no annotator; this replaces her set
    run(qtbot, dialog, dialog.import_button)
    assert dialog.report.committed, dialog.report.problems
    (aset,) = documents.annotation_sets(gui_workspace, "b1", OWNER)
    assert [(s.start, s.label) for s in aset.spans] == [(start, "ORG")]
