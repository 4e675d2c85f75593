"""The export dialog: whose sets, which documents, into which file; the same service as ``annotator export``.

The export runs on the window's :class:`TaskRunner` and writes ``<file>.partial``,
renamed at the end (:func:`annotator.services.exporting.export_to_path`), so a
cancelled or failed export leaves no half-written file. Progress comes from the
worker thread through a queued signal; Cancel sets a :class:`CancelToken`.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.model import ALL, GOLD
from annotator.domain.query import DocumentQuery
from annotator.domain.validation import check_owner_name
from annotator.gui.common.replace_prompt import ask_to_write
from annotator.gui.common.task_dialog import TaskDialog
from annotator.gui.common.tasks import TaskRunner
from annotator.services import exporting
from annotator.services.errors import Cancelled, ServiceError
from annotator.services.exporting import ExportReport
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("jsonl", "doccano", "labelstudio", "brat", "conll", "webanno-tsv")
# What the Browse dialog proposes for each format: a file name (a new folder's, for brat and TSV)
DEFAULT_NAMES = {"jsonl": "out.jsonl", "doccano": "out.doccano.jsonl", "labelstudio": "out.json", "brat": "brat-export",
                 "conll": "out.conll", "webanno-tsv": "tsv-export"}

# owner choices and document choices, as stored in the button groups' ids
ME, GOLD_SETS, ALL_SETS, ANOTHER = range(4)
ALL_DOCUMENTS, FILTERED, SELECTED = range(3)


class ExportDialog(TaskDialog):
    """Choose the owner, the documents and the file; export with progress and cancel."""

    exported = Signal(object)  # the ExportReport once the file is in place

    def __init__(self, workspace: Workspace, runner: TaskRunner, annotator: str | None,
                 selected_document_ids: list[str], current_query: DocumentQuery | None,
                 parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.workspace = workspace
        self.annotator = annotator
        self.selected_document_ids = list(selected_document_ids)
        self.current_query = current_query or DocumentQuery()
        self.output: Path | None = None
        self.report: ExportReport | None = None
        self.setWindowTitle(self.tr("Export"))

        # --- whose sets
        self.owner_group = QButtonGroup(self)
        self.me_radio = QRadioButton(self.tr("My sets (%1)").replace("%1", annotator or "?"), self)
        self.me_radio.setEnabled(annotator is not None)
        self.gold_radio = QRadioButton(self.tr("Gold"), self)
        self.all_radio = QRadioButton(self.tr("All sets (a document without one once)"), self)
        self.another_radio = QRadioButton(self.tr("Another annotator:"), self)
        self.another_edit = QLineEdit(self)
        self.another_edit.setPlaceholderText(self.tr("name"))
        for button, key in ((self.me_radio, ME), (self.gold_radio, GOLD_SETS), (self.all_radio, ALL_SETS),
                            (self.another_radio, ANOTHER)):
            self.owner_group.addButton(button, key)
        (self.me_radio if annotator is not None else self.all_radio).setChecked(True)
        another_row = QHBoxLayout()
        another_row.addWidget(self.another_radio)
        another_row.addWidget(self.another_edit, 1)
        owners = QVBoxLayout()
        for button in (self.me_radio, self.gold_radio, self.all_radio):
            owners.addWidget(button)
        owners.addLayout(another_row)

        # --- which documents
        self.documents_group = QButtonGroup(self)
        self.all_documents_radio = QRadioButton(self.tr("All documents"), self)
        self.filtered_radio = QRadioButton(self.tr("The documents the list shows (its filters)"), self)
        self.selected_radio = QRadioButton(self.tr("Selected documents (%1)")
                                           .replace("%1", str(len(self.selected_document_ids))), self)
        self.selected_radio.setEnabled(bool(self.selected_document_ids))
        documents_box = QVBoxLayout()
        for button, key in ((self.all_documents_radio, ALL_DOCUMENTS), (self.filtered_radio, FILTERED),
                            (self.selected_radio, SELECTED)):
            self.documents_group.addButton(button, key)
            documents_box.addWidget(button)
        self.all_documents_radio.setChecked(True)

        # --- the file
        self.output_edit = QLineEdit(self)
        self.output_edit.setPlaceholderText(self.tr("out.jsonl"))
        self.output_edit.textChanged.connect(self._on_output_typed)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self.choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.browse_button)

        self.format_combo = QComboBox(self)
        for format_id, text in zip(EXPORT_FORMATS, (self.tr("JSONL"), self.tr("doccano JSONL"),
                                                    self.tr("Label Studio JSON"),
                                                    self.tr("brat standoff (a folder of .txt and .ann)"),
                                                    self.tr("CoNLL (IOB, BILUO)"), self.tr("WebAnno TSV 3"))):
            self.format_combo.addItem(text, format_id)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Sets:"), owners)
        form.addRow(self.tr("Documents:"), documents_box)
        self.output_label = QLabel(self.tr("Output file:"), self)
        form.addRow(self.output_label, output_row)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)

        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)

        self._update_buttons()
        self.resize(560, 380)

    # ------------------------------------------------------------ choices
    def set_output(self, path: Path) -> None:
        self.output_edit.setText(str(path))

    def _on_output_typed(self, text: str) -> None:
        self.output = Path(text.strip()) if text.strip() else None
        self._update_buttons()

    def _on_format_changed(self, _index: int = 0) -> None:
        """A directory format (brat, WebAnno TSV) writes a new folder: the row and Browse say so."""
        format_id = self.format_combo.currentData()
        folder = exporting.writes_directory(format_id)
        self.output_label.setText(self.tr("New folder:") if folder else self.tr("Output file:"))
        self.output_edit.setPlaceholderText(DEFAULT_NAMES[format_id])
        self.output_edit.setToolTip(self.tr("A folder that does not exist yet: one folder per annotator is made "
                                            "in it, with a file per document") if folder else "")

    def file_filter(self) -> str:
        """The Browse dialog's filter for the chosen format."""
        format_id = self.format_combo.currentData()
        if exporting.writes_directory(format_id):
            return self.tr("A new folder (*)")
        filters = {"jsonl": self.tr("JSONL (*.jsonl)"), "doccano": self.tr("doccano JSONL (*.jsonl)"),
                   "labelstudio": self.tr("Label Studio JSON (*.json)"), "conll": self.tr("CoNLL (*.conll *.iob)")}
        return filters[format_id] + ";;" + self.tr("All files (*)")

    def choose_output(self) -> None:
        # the dialog's own "replace?" is left out: ask_to_write asks, and says why
        format_id = self.format_combo.currentData()
        title = self.tr("Export to a new folder") if exporting.writes_directory(format_id) else self.tr("Export to")
        name, _ = QFileDialog.getSaveFileName(self, title, DEFAULT_NAMES[format_id], self.file_filter(),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.set_output(Path(name))

    def set_owner_choice(self, choice: int, name: str = "") -> None:
        self.owner_group.button(choice).setChecked(True)
        if choice == ANOTHER:
            self.another_edit.setText(name)

    def set_documents_choice(self, choice: int) -> None:
        self.documents_group.button(choice).setChecked(True)

    def owner(self) -> str | None:
        """The owner to export (a name, ``gold`` or ``all``); None if the typed name is not valid."""
        choice = self.owner_group.checkedId()
        if choice == ME:
            return self.annotator
        if choice == GOLD_SETS:
            return GOLD
        if choice == ALL_SETS:
            return ALL
        name = self.another_edit.text().strip()
        return name if name and not check_owner_name(name) else None

    def documents(self) -> dict:
        """The ``query`` / ``document_ids`` options of the export."""
        choice = self.documents_group.checkedId()
        if choice == FILTERED:
            return {"query": self.current_query}
        if choice == SELECTED:
            return {"document_ids": list(self.selected_document_ids)}
        return {}

    # ------------------------------------------------------------ running
    def start_export(self) -> None:
        if self.running or self.output is None:
            return
        owner = self.owner()
        if owner is None:
            self.summary_label.setText(self.tr("Type a valid annotator name."))
            return
        format_id = self.format_combo.currentData()
        # a directory export makes a new directory and refuses an existing one: nothing to ask
        force = False if exporting.writes_directory(format_id) else ask_to_write(self, self.workspace, self.output)
        if force is None:
            self.summary_label.setText(self.tr("Not exported: choose another file."))
            return
        self.report = None
        self.progress_bar.setRange(0, 0)
        self.summary_label.setText(self.tr("Exporting…"))
        self.start_task(partial(self._export, owner, self.documents(), force, format_id))

    def _export(self, owner: str, documents: dict, force: bool, format_id: str, progress, cancel) -> ExportReport:
        if exporting.writes_directory(format_id):
            return exporting.export_to_directory(self.workspace, self.output, format_id=format_id, owner=owner,
                                                 progress=progress, cancel=cancel, **documents)
        return exporting.export_to_path(self.workspace, self.output, force=force, format_id=format_id, owner=owner,
                                        progress=progress, cancel=cancel, **documents)

    def show_progress(self, done: int, total: int | None, what: str) -> None:
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_bar.setFormat(self.tr("documents: %1 / %2").replace("%1", str(min(done, total)))
                                        .replace("%2", str(total)))

    def show_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.summary_label.setText(self.tr("Cancelling…"))

    def on_task_done(self, report: ExportReport) -> None:
        self.report = report
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.summary_label.setText(self.tr("Exported to %3: records: %1, documents: %2.")
                                   .replace("%1", str(report.records)).replace("%2", str(report.documents))
                                   .replace("%3", str(self.output))
                                   + "".join("\n" + notice for notice in report.notices))
        self.exported.emit(report)

    def on_task_error(self, exc: BaseException) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        if isinstance(exc, Cancelled):
            self.summary_label.setText(self.tr("Cancelled: no file was written."))
        elif isinstance(exc, (ServiceError, OSError)):
            self.summary_label.setText(self.tr("Not exported: %1").replace("%1", str(exc)))
        else:
            log.error("export failed", exc_info=exc)
            self.summary_label.setText(self.tr("Not exported: %1").replace("%1", f"{type(exc).__name__}: {exc}"))

    def _update_buttons(self) -> None:
        running = self.running
        self.export_button.setEnabled(not running and self.output is not None)
        self.cancel_button.setEnabled(running)
        for button in (*self.owner_group.buttons(), *self.documents_group.buttons()):
            button.setEnabled(not running and (button is not self.me_radio or self.annotator is not None)
                              and (button is not self.selected_radio or bool(self.selected_document_ids)))
        for widget in (self.another_edit, self.output_edit, self.browse_button):
            widget.setEnabled(not running)
