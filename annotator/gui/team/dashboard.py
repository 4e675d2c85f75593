"""The agreement dashboard: how far the annotators agree, and where a curator should look first.

- a pairwise matrix of annotators, coloured by the measure chosen (Krippendorff's
  alpha or Cohen's kappa on token labels, span F1 exact or relaxed);
- a table per label (F1 over all pairs);
- each annotator against gold, once some document has a gold set;
- progress per annotator (against the assignments, or the sets they have);
- the documents with the most disagreement: double-click or Enter asks for
  curation (``curate_requested(document_id)``; the main window opens it).

Every figure comes from the services (the agreement report of
:func:`annotator.services.agreement.agreement`, as the command line prints it)
computed on the window's :class:`TaskRunner`, never on the GUI thread. The
view only lays them out; choosing another measure redraws the matrix from the
report already there.
"""

from __future__ import annotations

import logging
from functools import partial

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QLinearGradient, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.agreement.coefficients import Coefficient
from annotator.domain.agreement.reporting import AgreementReport, PairSpans
from annotator.domain.agreement.spans import Counts
from annotator.domain.model import SetStatus
from annotator.gui.common.tasks import TaskRunner
from annotator.services.assignments import Progress
from annotator.services.review import DocumentDisagreement, SetCounts
from annotator.services.views.dashboard_view import DashboardView, read_dashboard
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

# The measures of the matrix, as stored in the chooser's item data.
KRIPPENDORFF, COHEN, SPAN_EXACT, SPAN_RELAXED = "krippendorff", "cohen", "span-exact", "span-relaxed"
MEASURES = (KRIPPENDORFF, COHEN, SPAN_EXACT, SPAN_RELAXED)
DOCUMENTS_SHOWN = 200  # the documents table shows this many, the most disagreement first

VALUE_ROLE = Qt.ItemDataRole.UserRole  # a cell's number (float, or None when undefined)
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # a documents row's id

# ColorBrewer "Blues" (9 classes): one hue, lightness falling steadily with the value, so it reads
# the same for every kind of colour vision and in grey; a higher value is a darker blue.
SCALE = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
UNDEFINED_COLOR = "#e6e6e6"
DIAGONAL_COLOR = "#f2f2f2"


# ------------------------------------------------------------------ colours
def scale_color(value: float) -> QColor:
    """The scale's colour of ``value`` (clamped to 0..1), interpolated between its steps."""
    x = min(1.0, max(0.0, float(value))) * (len(SCALE) - 1)
    low = min(int(x), len(SCALE) - 2)
    t = x - low
    a, b = QColor(SCALE[low]), QColor(SCALE[low + 1])
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def _luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    def channel(c: int) -> float:
        v = c / 255.0
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def text_color(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``background`` (WCAG contrast ratio)."""
    lum = _luminance(background)
    on_black = (lum + 0.05) / 0.05
    on_white = 1.05 / (lum + 0.05)
    return QColor("#000000") if on_black >= on_white else QColor("#ffffff")


def scale_pixmap(width: int, height: int) -> QPixmap:
    """The colour scale as a horizontal bar, 0 on the left, 1 on the right (the legend)."""
    pixmap = QPixmap(width, height)
    painter = QPainter(pixmap)
    gradient = QLinearGradient(0, 0, width, 0)
    for n, color in enumerate(SCALE):
        gradient.setColorAt(n / (len(SCALE) - 1), QColor(color))
    painter.fillRect(0, 0, width, height, gradient)
    painter.setPen(QColor("#808080"))
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.end()
    return pixmap


def _f(value: float | None) -> str:
    """A score as the user's locale writes it ("0.91", "0,91")."""
    return "—" if value is None else QLocale().toString(float(value), "f", 2)


# ------------------------------------------------------------------ the data, computed on the runner
# ------------------------------------------------------------------ widgets
def _item(text: str, *, value: object = None, align_right: bool = False, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if value is not None:
        item.setData(VALUE_ROLE, value)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _paint(item: QTableWidgetItem, value: float | None) -> None:
    background = QColor(UNDEFINED_COLOR) if value is None else scale_color(value)
    item.setBackground(QBrush(background))
    item.setForeground(QBrush(text_color(background)))


def _row_height(widget: QWidget) -> int:
    return widget.fontMetrics().height() + 8


def _table(parent: QWidget, headers: list[str], stretch: int = 0) -> QTableWidget:
    """A read-only table of rows; column ``stretch`` takes the spare width (not a coloured one)."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(_row_height(table))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    _stretch(table, stretch)
    return table


def _stretch(table: QTableWidget, column: int) -> None:
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if 0 <= column < table.columnCount():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def _fit_height(table: QTableWidget, max_rows: int, min_rows: int = 2) -> None:
    """Make ``table`` as high as its rows (at least ``min_rows``, at most ``max_rows``, then it scrolls)."""
    rows = min(max(table.rowCount(), min_rows), max_rows)
    header = table.horizontalHeader().sizeHint().height() if table.horizontalHeader().isVisible() else 0
    height = header + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth()
    if table.rowCount() > max_rows or table.horizontalScrollBar().isVisible():
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height)


class _EnterFilter(QObject):
    """Enter or Return on a table: ``entered`` (and the key goes no further, so no dialog button fires)."""

    entered = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return True
        return False


class AgreementDashboard(QDialog):
    """The agreement dashboard over a workspace; computed on ``runner``.

    ``curate_requested(document_id)`` when a documents row is double-clicked,
    Enter is pressed on it or "Open in curation" is clicked. ``loaded`` after
    each refresh is shown (``data`` holds what it showed).
    """

    curate_requested = Signal(str)
    loaded = Signal()

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.data: DashboardView | None = None
        self._generation = 0  # the latest refresh; older results are dropped
        self._computing = False
        self.setWindowTitle(self.tr("Agreement"))

        # --- the bar: measure, done only, refresh
        self.measure_combo = QComboBox(self)
        for key, title in ((KRIPPENDORFF, self.tr("Krippendorff's α (tokens)")),
                           (COHEN, self.tr("Cohen's κ (tokens)")),
                           (SPAN_EXACT, self.tr("Span F1 (exact)")),
                           (SPAN_RELAXED, self.tr("Span F1 (relaxed)"))):
            self.measure_combo.addItem(title, key)
        self.measure_combo.currentIndexChanged.connect(self._on_measure_changed)
        self.done_only_check = QCheckBox(self.tr("Done sets only"), self)
        self.done_only_check.setToolTip(self.tr("Compare only the sets their annotators marked done"))
        self.done_only_check.toggled.connect(self._on_done_only_toggled)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        self.status_label = QLabel(self)
        measure_label = QLabel(self.tr("Measure:"), self)
        measure_label.setBuddy(self.measure_combo)
        bar = QHBoxLayout()
        bar.addWidget(measure_label)
        bar.addWidget(self.measure_combo)
        bar.addSpacing(12)
        bar.addWidget(self.done_only_check)
        bar.addSpacing(12)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.refresh_button)

        # --- the pairwise matrix
        self.matrix_table = QTableWidget(0, 0, self)
        self.matrix_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.matrix_table.horizontalHeader().setDefaultSectionSize(76)
        self.matrix_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.matrix_table.verticalHeader().setDefaultSectionSize(_row_height(self.matrix_table) + 10)
        self.matrix_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.matrix_note = QLabel(self)
        self.matrix_note.setWordWrap(True)
        legend = QHBoxLayout()
        legend_bar = QLabel(self)
        legend_bar.setPixmap(scale_pixmap(160, 12))
        legend.addWidget(QLabel("0", self))
        legend.addWidget(legend_bar)
        legend.addWidget(QLabel("1", self))
        swatch = QLabel(self)
        swatch.setFixedSize(14, 14)
        swatch.setStyleSheet(f"background: {UNDEFINED_COLOR}; border: 1px solid #808080;")
        legend.addSpacing(12)
        legend.addWidget(swatch)
        legend.addWidget(QLabel(self.tr("— undefined (hover for why)"), self))
        legend.addStretch(1)
        matrix_box = QGroupBox(self.tr("Each pair of annotators"), self)
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.addWidget(self.matrix_table)
        matrix_layout.addLayout(legend)
        matrix_layout.addWidget(self.matrix_note)
        matrix_layout.addStretch(1)

        # --- per label
        self.labels_table = _table(self, [self.tr("Label"), self.tr("Spans compared"), self.tr("F1 exact"),
                                          self.tr("F1 relaxed")])
        self.labels_table.horizontalHeaderItem(1).setToolTip(
            self.tr("Spans of the label in the documents both of a pair labelled, summed over the pairs"))
        labels_box = QGroupBox(self.tr("Per label, over all pairs"), self)
        labels_layout = QVBoxLayout(labels_box)
        labels_layout.addWidget(self.labels_table)
        labels_layout.addStretch(1)

        # --- against gold
        self.gold_table = _table(self, [self.tr("Annotator"), self.tr("Documents"), self.tr("Precision"),
                                        self.tr("Recall"), self.tr("F1 exact"), self.tr("F1 relaxed")])
        self.gold_table.horizontalHeaderItem(2).setToolTip(self.tr("Exact match, gold as the reference"))
        self.gold_table.horizontalHeaderItem(3).setToolTip(self.tr("Exact match, gold as the reference"))
        self.gold_label = QLabel(self)
        self.gold_label.setWordWrap(True)
        gold_box = QGroupBox(self.tr("Each annotator against gold"), self)
        gold_layout = QVBoxLayout(gold_box)
        gold_layout.addWidget(self.gold_label)
        gold_layout.addWidget(self.gold_table)
        gold_layout.addStretch(1)

        # --- progress
        self.progress_table = _table(self, [])
        self.progress_note = QLabel(self)
        self.progress_note.setWordWrap(True)
        progress_box = QGroupBox(self.tr("Progress"), self)
        progress_layout = QVBoxLayout(progress_box)
        progress_layout.addWidget(self.progress_table)
        progress_layout.addWidget(self.progress_note)
        progress_layout.addStretch(1)

        # --- the documents with the most disagreement
        self.documents_table = _table(self, [self.tr("Document"), self.tr("Date"), self.tr("Annotators"),
                                             self.tr("Disagreements"), self.tr("Agreed"), self.tr("Gold")],
                                      stretch=2)
        self.documents_table.cellDoubleClicked.connect(self._on_document_double_clicked)
        self._enter = _EnterFilter(self)
        self._enter.entered.connect(self.curate_current)
        self.documents_table.installEventFilter(self._enter)
        self.documents_table.itemSelectionChanged.connect(self._update_buttons)
        self.documents_note = QLabel(self)
        self.documents_note.setWordWrap(True)
        self.curate_button = QPushButton(self.tr("Open in curation"), self)
        self.curate_button.setAutoDefault(False)
        self.curate_button.clicked.connect(self.curate_current)
        documents_footer = QHBoxLayout()
        documents_footer.addWidget(self.documents_note, 1)
        documents_footer.addWidget(self.curate_button)
        documents_box = QGroupBox(self.tr("Documents with the most disagreement"), self)
        documents_layout = QVBoxLayout(documents_box)
        documents_layout.addWidget(self.documents_table, 1)
        documents_layout.addLayout(documents_footer)

        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        grid = QGridLayout()
        grid.addWidget(matrix_box, 0, 0)
        grid.addWidget(labels_box, 0, 1)
        grid.addWidget(gold_box, 1, 0)
        grid.addWidget(progress_box, 1, 1)
        grid.addWidget(documents_box, 2, 0, 1, 2)
        grid.setRowStretch(2, 1)  # the upper boxes are as high as their tables (fitted); the rest: documents
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        self.resize(1100, 820)
        self._update_buttons()
        self.refresh()

    # ------------------------------------------------------------ choices
    def measure(self) -> str:
        """The matrix's measure: one of :data:`MEASURES`."""
        return self.measure_combo.currentData()

    def set_measure(self, key: str) -> None:
        index = self.measure_combo.findData(key)
        if index < 0:
            raise ValueError(f"no measure {key!r}; known: {', '.join(MEASURES)}")
        self.measure_combo.setCurrentIndex(index)

    def done_only(self) -> bool:
        return self.done_only_check.isChecked()

    def set_done_only(self, done_only: bool) -> None:
        """Compare only done sets (or all but skipped); refreshes when it changes."""
        self.done_only_check.setChecked(done_only)

    def _on_measure_changed(self, _index: int) -> None:
        if self.data is not None:
            self._show_matrix(self.data.report)

    def _on_done_only_toggled(self, _checked: bool) -> None:
        self.refresh()

    # ------------------------------------------------------------ computing (on the runner)
    def refresh(self) -> None:
        """Compute everything again on the runner; the tables change when it is back."""
        self._generation += 1
        generation = self._generation
        self._computing = True
        self.status_label.setText(self.tr("Computing…"))
        self._update_buttons()
        self.runner.run(partial(read_dashboard, self.workspace, self.done_only()),
                        on_done=partial(self._on_loaded, generation),
                        on_error=partial(self._on_failed, generation))

    def _alive(self, generation: int) -> bool:
        return shiboken6.isValid(self) and generation == self._generation

    def _on_loaded(self, generation: int, data: DashboardView) -> None:
        if not self._alive(generation):
            return
        self._computing = False
        self.data = data
        self._show(data)
        self._update_buttons()
        self.loaded.emit()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if not self._alive(generation):
            return
        self._computing = False
        log.error("agreement dashboard failed", exc_info=exc)
        self.status_label.setText(self.tr("Not computed: %1").replace("%1", f"{type(exc).__name__}: {exc}"))
        self._update_buttons()

    # ------------------------------------------------------------ showing
    def _show(self, data: DashboardView) -> None:
        report = data.report
        summary = (self.tr("%n document(s) with sets", "", report.documents) + "; "
                   + self.tr("annotators: %1").replace("%1", ", ".join(report.annotators) or "—"))
        if report.done_only:
            summary += self.tr("; done sets only")
        self.status_label.setText(summary)
        self._show_matrix(report)
        self._show_labels(report)
        self._show_gold(report)
        self._show_progress(data.progress, data.sets)
        self._show_documents(data.documents)

    def _pair_values(self, report: AgreementReport) -> dict[tuple[str, str], tuple[float | None, str]]:
        """``{(row, column): (value, tooltip)}`` of the chosen measure, both ways round."""
        measure = self.measure()
        cells: dict[tuple[str, str], tuple[float | None, str]] = {}
        if measure in (KRIPPENDORFF, COHEN):
            pairs = ()
            if report.tokens is not None:
                pairs = report.tokens.pairwise_alpha if measure == KRIPPENDORFF else report.tokens.cohen
            symbol = "α" if measure == KRIPPENDORFF else "κ"
            for pair in pairs:
                tip = self._coefficient_tip(symbol, pair.first, pair.second, pair.coefficient)
                cells[(pair.first, pair.second)] = cells[(pair.second, pair.first)] = (pair.coefficient.value, tip)
        else:
            relaxed = measure == SPAN_RELAXED
            for row in report.pairwise:
                counts = row.relaxed if relaxed else row.exact
                value = counts.f1 if counts is not None else None
                cells[(row.reference, row.candidate)] = (value, self._span_tip(row, counts, swap=False))
                cells[(row.candidate, row.reference)] = (value, self._span_tip(row, counts, swap=True))
        return cells

    def _coefficient_tip(self, symbol: str, first: str, second: str, coefficient: Coefficient) -> str:
        head = f"{first} — {second}: {symbol} = {_f(coefficient.value)}"
        units = self.tr("%1 token(s) labelled by both").replace("%1", str(coefficient.units))
        lines = [head, units]
        if coefficient.value is None and coefficient.note:
            lines.append(self.tr("Undefined: %1").replace("%1", coefficient.note))
        return "\n".join(lines)

    def _span_tip(self, row: PairSpans, counts: Counts | None, *, swap: bool) -> str:
        reference, candidate = (row.candidate, row.reference) if swap else (row.reference, row.candidate)
        if counts is None:
            return f"{reference} — {candidate}"
        ref_spans, cand_spans = (counts.candidate, counts.reference) if swap else (counts.reference, counts.candidate)
        precision, recall = (counts.recall, counts.precision) if swap else (counts.precision, counts.recall)
        lines = [
            self.tr("%1 as reference, %2 as candidate").replace("%1", reference).replace("%2", candidate),
            self.tr("Precision %1, recall %2, F1 %3").replace("%1", _f(precision)).replace("%2", _f(recall))
            .replace("%3", _f(counts.f1)),
            self.tr("matched: %1; spans of %2: %3, of %4: %5")
            .replace("%1", str(counts.matched)).replace("%2", reference).replace("%3", str(ref_spans))
            .replace("%4", candidate).replace("%5", str(cand_spans)),
            self.tr("%n document(s) labelled by both", "", row.documents),
        ]
        if counts.f1 is None:
            lines.append(self.tr("Undefined: neither has a span in the documents both labelled"))
        return "\n".join(lines)

    def _show_matrix(self, report: AgreementReport) -> None:
        names = list(report.annotators)
        table = self.matrix_table
        table.clear()
        table.setRowCount(len(names))
        table.setColumnCount(len(names))
        table.setHorizontalHeaderLabels(names)
        table.setVerticalHeaderLabels(names)
        cells = self._pair_values(report)
        for r, first in enumerate(names):
            for c, second in enumerate(names):
                if r == c:
                    item = _item("")
                    item.setBackground(QBrush(QColor(DIAGONAL_COLOR)))
                else:
                    value, tip = cells.get((first, second), (None, ""))
                    item = _item(_f(value), value=value, tooltip=tip)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    _paint(item, value)
                table.setItem(r, c, item)
        width = table.verticalHeader().sizeHint().width() + 76 * len(names) + 2 * table.frameWidth() + 4
        table.setMinimumWidth(min(width, 640))
        table.setMaximumWidth(max(width, 160))  # no empty band to the right of the last annotator
        header = table.horizontalHeader().sizeHint().height()
        table.setFixedHeight(header + table.verticalHeader().defaultSectionSize() * min(max(len(names), 2), 8)
                             + 2 * table.frameWidth() + (table.horizontalScrollBar().sizeHint().height()
                                                         if len(names) > 8 else 0))
        if len(names) < 2:
            self.matrix_note.setText(self.tr("Fewer than two annotators have sets: nothing to compare yet."))
        elif self.measure() in (KRIPPENDORFF, COHEN):
            self.matrix_note.setText(self.tr("Each token labelled by its outermost span (or O), over the "
                                             "tokens both annotators labelled."))
        else:
            self.matrix_note.setText(self.tr("Spans matched one to one; F1 is the same either way round. "
                                             "Hover over a cell for precision and recall."))

    def _show_labels(self, report: AgreementReport) -> None:
        table = self.labels_table
        table.setRowCount(0)
        for row in report.label_totals:
            counts = row.exact or row.relaxed
            n = table.rowCount()
            table.insertRow(n)
            spans = counts.reference + counts.candidate if counts is not None else 0
            table.setItem(n, 0, _item(row.label))
            table.setItem(n, 1, _item(str(spans), value=spans, align_right=True))
            for column, value_counts in ((2, row.exact), (3, row.relaxed)):
                value = value_counts.f1 if value_counts is not None else None
                item = _item(_f(value), value=value, align_right=True,
                             tooltip=self.tr("%1 matched of %2 and %3").replace(
                                 "%1", str(value_counts.matched)).replace("%2", str(value_counts.reference))
                             .replace("%3", str(value_counts.candidate)) if value_counts is not None else "")
                _paint(item, value)
                table.setItem(n, column, item)
        _fit_height(table, 10)

    def _show_gold(self, report: AgreementReport) -> None:
        table = self.gold_table
        table.setRowCount(0)
        if report.gold is None:
            self.gold_label.setText(self.tr("No gold yet: once a curator settles a document, each annotator "
                                            "is compared with its gold set here."))
            self.gold_label.show()
            table.hide()
            return
        self.gold_label.hide()
        table.show()
        for row in report.vs_gold:
            n = table.rowCount()
            table.insertRow(n)
            exact, relaxed = row.exact, row.relaxed
            table.setItem(n, 0, _item(row.candidate))
            table.setItem(n, 1, _item(str(row.documents), value=row.documents, align_right=True))
            values = (exact.precision if exact else None, exact.recall if exact else None,
                      exact.f1 if exact else None, relaxed.f1 if relaxed else None)
            for column, value in enumerate(values, start=2):
                item = _item(_f(value), value=value, align_right=True)
                if column >= 4:
                    _paint(item, value)
                table.setItem(n, column, item)
            if relaxed is not None:
                table.item(n, 5).setToolTip(self.tr("Relaxed: precision %1, recall %2")
                                            .replace("%1", _f(relaxed.precision)).replace("%2", _f(relaxed.recall)))
        _fit_height(table, 8)

    def _show_progress(self, progress: list[Progress], sets: list[SetCounts]) -> None:
        table = self.progress_table
        table.clear()
        table.setRowCount(0)
        if progress:
            table.setColumnCount(7)
            table.setHorizontalHeaderLabels([self.tr("Annotator"), self.tr("Assigned"), self.tr("Done"),
                                             self.tr("In progress"), self.tr("Skipped"), self.tr("Remaining"), ""])
            rows = [(p.annotator, (p.assigned, p.done, p.in_progress, p.skipped, p.remaining), p.done, p.assigned)
                    for p in progress]
            self.progress_note.setText(self.tr("Against the assignments: done of assigned."))
        else:
            table.setColumnCount(7)
            table.setHorizontalHeaderLabels([self.tr("Annotator"), self.tr("Sets"), self.tr("Done"),
                                             self.tr("In progress"), self.tr("New"), self.tr("Skipped"), ""])
            rows = [(s.owner, (s.total, s.done, s.in_progress, s.new, s.skipped), s.done, s.total) for s in sets]
            self.progress_note.setText(self.tr("No document is assigned yet: these are the sets each annotator "
                                               "has (done of all).") if sets
                                       else self.tr("No annotator has a set yet."))
        for name, numbers, done, of in rows:
            n = table.rowCount()
            table.insertRow(n)
            table.setItem(n, 0, _item(name))
            for column, number in enumerate(numbers, start=1):
                table.setItem(n, column, _item(str(number), value=number, align_right=True))
            bar = QProgressBar(table)
            bar.setRange(0, max(of, 1))
            bar.setValue(min(done, max(of, 1)))
            bar.setFormat(f"{done} / {of}")
            table.setCellWidget(n, len(numbers) + 1, bar)
        _stretch(table, table.columnCount() - 1)  # the bars take the spare width
        table.horizontalHeader().setMinimumSectionSize(40)
        _fit_height(table, 8)

    def _show_documents(self, found: list[DocumentDisagreement]) -> None:
        table = self.documents_table
        table.setRowCount(0)
        shown = found[:DOCUMENTS_SHOWN]
        gold_names = {SetStatus.CURATED: self.tr("curated"), SetStatus.IN_PROGRESS: self.tr("in progress"),
                      SetStatus.NEW: self.tr("new"), SetStatus.DONE: self.tr("done"),
                      SetStatus.SKIPPED: self.tr("skipped")}
        kind_names = {"missing": self.tr("missing"), "label": self.tr("label"), "boundary": self.tr("boundary"),
                      "speaker": self.tr("speaker"), "other": self.tr("other")}
        for row in shown:
            n = table.rowCount()
            table.insertRow(n)
            first = _item(row.document_id)
            first.setData(DOCUMENT_ROLE, row.document_id)
            table.setItem(n, 0, first)
            table.setItem(n, 1, _item(row.date or ""))
            table.setItem(n, 2, _item(", ".join(row.owners)))
            kinds = ", ".join(f"{kind_names.get(kind, kind)}: {count}" for kind, count in row.kinds)
            table.setItem(n, 3, _item(str(row.disagreements), value=row.disagreements, align_right=True,
                                      tooltip=kinds))
            table.setItem(n, 4, _item(str(row.agreed), value=row.agreed, align_right=True))
            table.setItem(n, 5, _item(gold_names.get(row.gold, "") if row.gold is not None else ""))
        if not found:
            self.documents_note.setText(self.tr("No document has sets of two annotators yet."))
        elif len(found) > len(shown):
            self.documents_note.setText(self.tr("The %1 with the most disagreement (documents: %2); double-click "
                                                "or Enter to curate.").replace("%1", str(len(shown)))
                                        .replace("%2", str(len(found))))
        else:
            self.documents_note.setText(self.tr("%n document(s) with two or more annotators; double-click or "
                                                "Enter to curate.", "", len(found)))
        if shown:
            table.selectRow(0)
        self._update_buttons()

    # ------------------------------------------------------------ curation
    def document_id_at(self, row: int) -> str | None:
        item = self.documents_table.item(row, 0)
        return item.data(DOCUMENT_ROLE) if item is not None else None

    def current_document_id(self) -> str | None:
        row = self.documents_table.currentRow()
        return self.document_id_at(row) if row >= 0 else None

    def curate_current(self) -> None:
        """Ask for curation of the documents table's current row."""
        document_id = self.current_document_id()
        if document_id:
            self.curate_requested.emit(document_id)

    def _on_document_double_clicked(self, row: int, _column: int) -> None:
        document_id = self.document_id_at(row)
        if document_id:
            self.curate_requested.emit(document_id)

    def _update_buttons(self) -> None:
        self.refresh_button.setEnabled(not self._computing)
        self.curate_button.setEnabled(self.current_document_id() is not None)
