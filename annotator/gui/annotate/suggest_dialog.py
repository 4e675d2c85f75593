"""Team ▸ Suggest: run the models over this document, the list as filtered, or every document.

The run is ``services/suggestions.suggest`` on the window's task runner, with
progress and cancel (:class:`TaskDialog`). It is resumable: a batch of documents
is committed as it is done, so a cancelled run keeps what it finished and the
next one skips it. When it ends the window reads its set again, and the new
suggestions appear dashed in the text.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.query import DocumentQuery
from annotator.domain.suggesters import MODELS
from annotator.gui.common.task_dialog import TaskDialog
from annotator.gui.common.tasks import TaskRunner
from annotator.services import suggestions
from annotator.services.errors import Cancelled, ServiceError
from annotator.services.suggestions import SuggestReport
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

THIS_DOCUMENT, FILTERED, ALL_DOCUMENTS = range(3)


class SuggestDialog(TaskDialog):
    """Choose the documents and the models; suggest with progress and cancel."""

    suggested = Signal(object)  # the SuggestReport, when a run ends (cancelled runs keep their batches)

    def __init__(self, workspace: Workspace, runner: TaskRunner, document_id: str | None,
                 query: DocumentQuery | None, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.workspace = workspace
        self.document_id = document_id
        self.query = query or DocumentQuery()
        self.report: SuggestReport | None = None
        self.setWindowTitle(self.tr("Suggest"))

        self.documents_group = QButtonGroup(self)
        self.this_radio = QRadioButton(self.tr("This document (%1)").replace("%1", document_id or "–"), self)
        self.this_radio.setEnabled(document_id is not None)
        self.filtered_radio = QRadioButton(self.tr("The documents the list shows (its filters)"), self)
        self.all_radio = QRadioButton(self.tr("All documents"), self)
        documents_box = QVBoxLayout()
        for button, key in ((self.this_radio, THIS_DOCUMENT), (self.filtered_radio, FILTERED),
                            (self.all_radio, ALL_DOCUMENTS)):
            self.documents_group.addButton(button, key)
            documents_box.addWidget(button)
        (self.this_radio if document_id is not None else self.all_radio).setChecked(True)

        descriptions = {"natasha": self.tr("natasha: people, organisations, places"),
                        "rules": self.tr("rules: sums, numbers, dates, titles")}
        self.model_boxes: dict[str, QCheckBox] = {}
        models_box = QVBoxLayout()
        for model in MODELS:
            box = QCheckBox(descriptions.get(model, model), self)
            box.setChecked(True)
            box.toggled.connect(self._update_buttons)
            self.model_boxes[model] = box
            models_box.addWidget(box)

        form = QFormLayout()
        form.addRow(self.tr("Documents:"), documents_box)
        form.addRow(self.tr("Models:"), models_box)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        self.summary_label = QLabel(self.tr("Suggestions are drawn dashed; Y accepts one, X rejects it, "
                                            "Tab goes to the next."), self)
        self.summary_label.setWordWrap(True)

        self.suggest_button = QPushButton(self.tr("Suggest"), self)
        self.suggest_button.setDefault(True)
        self.suggest_button.clicked.connect(self.start_suggesting)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)
        self._update_buttons()
        self.resize(520, 300)

    # ------------------------------------------------------------ choices
    def retarget(self, document_id: str | None, query: DocumentQuery | None) -> None:
        """Opened again from the window: its document and list now."""
        self.document_id, self.query = document_id, query or DocumentQuery()
        self.this_radio.setText(self.tr("This document (%1)").replace("%1", document_id or "–"))
        if document_id is None and self.this_radio.isChecked():
            self.all_radio.setChecked(True)
        self._update_buttons()

    def models(self) -> tuple[str, ...]:
        return tuple(m for m, box in self.model_boxes.items() if box.isChecked())

    def set_documents_choice(self, choice: int) -> None:
        self.documents_group.button(choice).setChecked(True)

    def documents(self) -> dict:
        """The ``document_ids`` / ``query`` options of the run."""
        choice = self.documents_group.checkedId()
        if choice == THIS_DOCUMENT and self.document_id is not None:
            return {"document_ids": [self.document_id]}
        if choice == FILTERED:
            return {"query": self.query}
        return {}

    # ------------------------------------------------------------ running
    def start_suggesting(self) -> None:
        models = self.models()
        if self.running or not models:
            return
        self.report = None
        self.progress_bar.setRange(0, 0)
        self.summary_label.setText(self.tr("Suggesting… (the models load first: a few seconds)"))
        workspace, documents = self.workspace, self.documents()
        self.start_task(partial(_run, workspace, models, documents))

    def show_progress(self, done: int, total: int | None, what: str) -> None:
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_bar.setFormat(self.tr("%1 / %2 documents").replace("%1", str(min(done, total)))
                                        .replace("%2", str(total)))

    def show_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.summary_label.setText(self.tr("Cancelling…"))

    def on_task_done(self, report: SuggestReport) -> None:
        self.report = report
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.summary_label.setText(
            self.tr("%1 suggestion(s) in %2 document(s); %3 suggested before, skipped.")
            .replace("%1", str(report.suggestions)).replace("%2", str(report.documents))
            .replace("%3", str(report.skipped)))
        self.suggested.emit(report)

    def on_task_error(self, exc: BaseException) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        if isinstance(exc, Cancelled):
            self.summary_label.setText(self.tr("Cancelled: the documents finished before keep their suggestions."))
            self.suggested.emit(None)
        elif isinstance(exc, ServiceError):
            self.summary_label.setText(self.tr("Not suggested: %1").replace("%1", str(exc)))
        else:
            log.error("suggest failed", exc_info=exc)
            self.summary_label.setText(self.tr("Not suggested: %1").replace("%1", f"{type(exc).__name__}: {exc}"))

    def _update_buttons(self) -> None:
        running = self.running
        self.suggest_button.setEnabled(not running and bool(self.models()))
        self.cancel_button.setEnabled(running)
        for button in self.documents_group.buttons():
            button.setEnabled(not running and (button is not self.this_radio or self.document_id is not None))
        for box in self.model_boxes.values():
            box.setEnabled(not running)


def _run(workspace: Workspace, models: tuple[str, ...], documents: dict, progress, cancel) -> SuggestReport:
    return suggestions.suggest(workspace, models=models, progress=progress, cancel=cancel, **documents)
