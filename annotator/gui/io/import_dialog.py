"""The import dialog: files or a folder into the store, over the same service as ``annotator import``.

The import runs on the window's :class:`TaskRunner` (see :class:`TaskDialog`
for progress and cancel): cancelled, the service stops at the next record,
raises ``Cancelled`` and rolls back, so the store is exactly as before.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.problems import Problem
from annotator.gui.common.task_dialog import TaskDialog
from annotator.gui.common.tasks import TaskRunner
from annotator.services import importing
from annotator.services.errors import Cancelled, ServiceError
from annotator.services.importing import ImportReport
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

FORMATS = ("auto", "text", "jsonl", "doccano", "labelstudio", "brat", "conll", "webanno-tsv")

# The kind column of the problem table (stored in UserRole: "error", "skipped", "notice").
ERROR, SKIPPED, NOTICE = "error", "skipped", "notice"
KIND, FILE, LINE, MESSAGE = range(4)


class ImportDialog(TaskDialog):
    """Choose files, check them (dry run) or import them; problems listed as file, line, message."""

    imported = Signal(object)  # the ImportReport of a committed import
    # A brat annotation.conf that named what the scheme lacks (its Path): the window offers the scheme editor
    brat_conf_offered = Signal(object)

    def __init__(self, workspace: Workspace, runner: TaskRunner, annotator: str | None,
                 parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.workspace = workspace
        self.annotator = annotator
        self.paths: list[Path] = []
        self.report: ImportReport | None = None
        self.dry_run = False
        self.setWindowTitle(self.tr("Import"))

        self.path_list = QListWidget(self)
        self.path_list.setMaximumHeight(90)
        self.files_button = QPushButton(self.tr("Files…"), self)
        self.folder_button = QPushButton(self.tr("Folder…"), self)
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        path_buttons = QVBoxLayout()
        path_buttons.addWidget(self.files_button)
        path_buttons.addWidget(self.folder_button)
        path_buttons.addStretch(1)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_list, 1)
        path_row.addLayout(path_buttons)

        self.format_combo = QComboBox(self)
        for format_id, text in zip(FORMATS, (self.tr("Detect from the file name"), self.tr("Plain text"),
                                             self.tr("JSONL"), self.tr("doccano JSONL"), self.tr("Label Studio JSON"),
                                             self.tr("brat standoff (a folder of .txt and .ann)"),
                                             self.tr("CoNLL (IOB, BILUO)"), self.tr("WebAnno TSV 3"))):
            self.format_combo.addItem(text, format_id)
        self.annotator_edit = QLineEdit(self)
        self.annotator_edit.setPlaceholderText(self.tr("as in the files"))
        self.annotator_edit.setToolTip(self.tr("Import every set as this annotator's"))
        self.skip_bad_box = QCheckBox(self.tr("Skip bad records (import the good ones)"), self)
        form = QFormLayout()
        form.addRow(self.tr("Files:"), path_row)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Import as annotator:"), self.annotator_edit)
        form.addRow("", self.skip_bad_box)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("File"), self.tr("Line"), self.tr("Message")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in (KIND, FILE, LINE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)

        self.check_button = QPushButton(self.tr("Check (dry run)"), self)
        self.check_button.setToolTip(self.tr("Read everything and report problems; write nothing"))
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.brat_conf: Path | None = None  # an annotation.conf the last run reported on
        self.brat_button = QPushButton(self.tr("Labels from annotation.conf…"), self)
        self.brat_button.setToolTip(self.tr("Open the scheme editor with what the brat configuration adds"))
        self.brat_button.setVisible(False)
        self.brat_button.clicked.connect(lambda: self.brat_conf_offered.emit(self.brat_conf))
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.brat_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(progress_row)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)

        self._update_buttons()
        self.resize(760, 520)

    # ------------------------------------------------------------ input
    def set_paths(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.path_list.clear()
        self.path_list.addItems([str(p) for p in self.paths])
        self._update_buttons()

    def set_format(self, format_id: str) -> None:
        self.format_combo.setCurrentIndex(FORMATS.index(format_id))

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Files to import"), "",
                                                self.tr("Texts and JSONL (*.txt *.jsonl);;All files (*)"))
        if names:
            self.set_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("A folder to import"))
        if name:
            self.set_paths([Path(name)])

    # ------------------------------------------------------------ running
    def check(self) -> None:
        self._run(dry_run=True)

    def start_import(self) -> None:
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        if self.running or not self.paths:
            return
        self.report = None
        self.dry_run = dry_run
        self.table.setRowCount(0)
        self.progress_bar.setRange(0, 0)  # busy until the first report
        self.progress_label.setText(self.tr("Starting…"))
        self.summary_label.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        self.start_task(partial(self._import, list(self.paths), self.format_combo.currentData(),
                                self.annotator_edit.text().strip() or None, self.skip_bad_box.isChecked(),
                                dry_run))

    def _import(self, paths, format_id, owner, skip_bad, dry_run, progress, cancel) -> ImportReport:
        return importing.import_files(self.workspace, paths, format_id=format_id, annotator=owner,
                                      user=self.annotator, skip_bad=skip_bad, dry_run=dry_run,
                                      progress=progress, cancel=cancel)

    def show_progress(self, done: int, total: int | None, what: str) -> None:
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_label.setText(self.tr("files: %1 / %2 — %3").replace("%1", str(done))
                                        .replace("%2", str(total)).replace("%3", what))
        else:
            self.progress_label.setText(what)

    def show_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))

    def on_task_done(self, report: ImportReport) -> None:
        self.report = report
        self.progress_bar.setRange(0, 1)
        failed = not report.committed and not self.dry_run
        self.progress_bar.setValue(0 if failed else 1)
        self.progress_label.setText(self.tr("Nothing imported") if failed else self.tr("Done"))
        skipped = report.committed and bool(report.problems)
        for problem in report.problems:
            self._add_row(SKIPPED if skipped else ERROR, problem)
        for notice in report.notices:
            self._add_row(NOTICE, notice)
        # brat's annotation.conf is only reported by the import (a proposal, never applied): offer it
        self.brat_conf = next((Path(n.file) for n in report.notices if Path(n.file).name == "annotation.conf"), None)
        self.brat_button.setVisible(self.brat_conf is not None)
        self.summary_label.setText(self.summary(report))
        if report.committed:
            self.imported.emit(report)

    def on_task_error(self, exc: BaseException) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        if isinstance(exc, Cancelled):
            self.progress_label.setText(self.tr("Cancelled"))
            self.summary_label.setText(self.tr("Cancelled: nothing was imported."))
        elif isinstance(exc, ServiceError):
            self.progress_label.setText("")
            self.summary_label.setText(self.tr("Not imported: %1").replace("%1", str(exc)))
        else:
            log.error("import failed", exc_info=exc)
            self.progress_label.setText("")
            self.summary_label.setText(self.tr("Not imported: %1").replace("%1", f"{type(exc).__name__}: {exc}"))

    # ------------------------------------------------------------ results
    def summary(self, report: ImportReport) -> str:
        counts = (self.tr("documents added: %1, already stored: %2; sets added: %3, replaced: %4; spans: %5")
                  .replace("%1", str(report.documents_added)).replace("%2", str(report.documents_existing))
                  .replace("%3", str(report.sets_added)).replace("%4", str(report.sets_replaced))
                  .replace("%5", str(report.spans)))
        if report.committed:
            if report.problems:
                return (self.tr("Imported: %1; bad records skipped: %2.").replace("%2", str(report.records_skipped))
                        .replace("%1", counts))
            return self.tr("Imported: %1.").replace("%1", counts)
        if report.problems:
            return self.tr("%n problem(s); nothing was imported.", "", len(report.problems))
        return self.tr("Dry run, nothing written: would import %1.").replace("%1", counts)

    def kind_text(self, kind: str) -> str:
        return {ERROR: self.tr("error"), SKIPPED: self.tr("skipped"), NOTICE: self.tr("notice")}[kind]

    def _add_row(self, kind: str, problem: Problem) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind_item = QTableWidgetItem(self.kind_text(kind))
        kind_item.setData(Qt.ItemDataRole.UserRole, kind)
        self.table.setItem(row, KIND, kind_item)
        self.table.setItem(row, FILE, QTableWidgetItem(problem.file))
        line = QTableWidgetItem(str(problem.line) if problem.line else "")
        line.setData(Qt.ItemDataRole.UserRole, problem.line)
        self.table.setItem(row, LINE, line)
        self.table.setItem(row, MESSAGE, QTableWidgetItem(problem.message))

    def rows(self) -> list[tuple[str, str, int, str]]:
        """The table as (kind, file, line, message), kinds as stored ("error", "skipped", "notice")."""
        return [(self.table.item(r, KIND).data(Qt.ItemDataRole.UserRole), self.table.item(r, FILE).text(),
                 self.table.item(r, LINE).data(Qt.ItemDataRole.UserRole), self.table.item(r, MESSAGE).text())
                for r in range(self.table.rowCount())]

    def _update_buttons(self) -> None:
        running = self.running
        for widget in (self.check_button, self.import_button):
            widget.setEnabled(not running and bool(self.paths))
        for widget in (self.files_button, self.folder_button, self.format_combo, self.annotator_edit,
                       self.skip_bad_box):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
