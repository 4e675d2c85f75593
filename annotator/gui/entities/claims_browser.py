"""Who said what, across the corpus: the claims browser window.

A table of claims (the read model is ``services/claims_browser.py``), filtered by
speaker entity, claim type, dates, check-worthy, certainty, a figure's unit and
range and text; shown as pages in corpus order, grouped by speaker or by the
entity a claim is about, or as figures compared (the same unit and period
stated by several claims side by side; a value that changed from the first
statement stands out). Every query runs on the task runner: the window asks,
and draws what comes back (an answer to an older question is dropped). A page
at a time: the next is read when the table is scrolled to its end. Enter or a
double click asks the main window to show the claim in its document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from annotator.domain.entities import EntitySummary
from annotator.domain.model import AUTHOR, GOLD
from annotator.gui.common.tasks import TaskRunner
from annotator.services import claims_browser, entities
from annotator.services.claims_browser import BrowsedClaim, BrowseFilter, ClaimPage, FigureComparison, GroupBy
from annotator.services.workspace import Workspace

PAGE_SIZE = 200
LIST, BY_SPEAKER, BY_ABOUT, FIGURES = "list", "speaker", "about", "figures"
MINE, GOLD_SETS, EVERYONE = "mine", "gold", "everyone"
CLAIM_ROLE = Qt.ItemDataRole.UserRole  # (document id, claim id, start, end) on a claim's row
CHANGED = QColor("#c0392b")


def figure_text(value: float | None, unit: str | None, period: str | None = None) -> str:
    """11.5e9 USD as "11.5 bn USD" (with the user's decimal mark), its period after."""
    if value is None:
        return ""
    locale = QLocale()
    suffixes = (QCoreApplication.translate("ClaimsBrowser", "bn"), QCoreApplication.translate("ClaimsBrowser", "m"),
                QCoreApplication.translate("ClaimsBrowser", "k"))
    for size, suffix in zip((1e9, 1e6, 1e3), suffixes):
        if abs(value) >= size:
            number = locale.toString(value / size, "g", 4) + " " + suffix
            break
    else:
        number = locale.toString(value, "g", 6)
    text = f"{number} {unit or ''}".strip()
    return f"{text} ({period})" if period else text


class ClaimsBrowser(QWidget):
    claim_requested = Signal(str, int, int, int)  # document id, claim id, start, end

    COLUMNS = 8

    def __init__(self, workspace: Workspace, runner: TaskRunner, owner: str | None,
                 claim_types: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.runner = runner
        self.owner = owner
        self.setWindowTitle(self.tr("Who said what — claims across the corpus"))
        self._serial = 0
        self._after: tuple[int, int, int] | None = None
        self._filter: BrowseFilter | None = None
        self._loading = False
        self.rows_shown = 0

        # --- filters ---
        self.whose = QComboBox()
        self.whose.addItem(self.tr("Mine"), MINE)
        self.whose.addItem(self.tr("Gold"), GOLD_SETS)
        self.whose.addItem(self.tr("Everyone's"), EVERYONE)
        self.speaker = QComboBox()
        self.speaker.setMinimumWidth(200)
        self.claim_type = QComboBox()
        self.claim_type.addItem(self.tr("Any type"), None)
        for name in claim_types:
            self.claim_type.addItem(name, name)
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText(self.tr("from YYYY-MM-DD"))
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText(self.tr("to YYYY-MM-DD"))
        self.checkworthy = QComboBox()
        self.checkworthy.addItem(self.tr("Check-worthy or not"), None)
        self.checkworthy.addItem(self.tr("Check-worthy"), True)
        self.checkworthy.addItem(self.tr("Not check-worthy"), False)
        self.certainty = QComboBox()
        self.certainty.addItem(self.tr("Any certainty"), None)
        self.certainty.addItem(self.tr("Asserted"), "ASSERTED")
        self.certainty.addItem(self.tr("Hedged"), "HEDGED")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("unit: USD, %…"))
        self.value_min = QLineEdit()
        self.value_min.setPlaceholderText(self.tr("figure ≥"))
        self.value_max = QLineEdit()
        self.value_max.setPlaceholderText(self.tr("figure ≤"))
        self.with_figure = QCheckBox(self.tr("With a figure"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("words of the claim, any form"))
        self.text.setClearButtonEnabled(True)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Claims"), LIST)
        self.mode.addItem(self.tr("By speaker"), BY_SPEAKER)
        self.mode.addItem(self.tr("By entity mentioned"), BY_ABOUT)
        self.mode.addItem(self.tr("Figures compared"), FIGURES)

        grid = QGridLayout()
        cells: list[tuple[str, QWidget]] = [
            (self.tr("Show"), self.mode), (self.tr("Whose"), self.whose), (self.tr("Speaker"), self.speaker),
            (self.tr("Type"), self.claim_type), (self.tr("Dates"), _pair(self.date_from, self.date_to)),
            (self.tr("Check"), self.checkworthy), (self.tr("Certainty"), self.certainty),
            (self.tr("Figure"), _pair(self.unit, self.value_min, self.value_max, self.with_figure)),
            (self.tr("Text"), self.text),
        ]
        for index, (title, widget) in enumerate(cells):
            form = QFormLayout()
            form.setContentsMargins(0, 0, 0, 0)
            form.addRow(title, widget)
            holder = QWidget()
            holder.setLayout(form)
            grid.addWidget(holder, index // 3, index % 3)

        self.table = QTreeWidget()
        self.table.setColumnCount(self.COLUMNS)
        self.table.setHeaderLabels([self.tr("Speaker"), self.tr("Type"), self.tr("Claim"), self.tr("Figure"),
                                    self.tr("Date"), self.tr("Document"), self.tr("Check-worthy"),
                                    self.tr("Certainty")])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((250, 70, 360, 150, 90, 170, 90, 90)):
            header.resizeSection(column, width)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.refresh)
        for combo in (self.whose, self.speaker, self.claim_type, self.checkworthy, self.certainty, self.mode):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.date_from, self.date_to, self.unit, self.value_min, self.value_max, self.text):
            edit.textChanged.connect(self._changed)
        self.with_figure.toggled.connect(self._changed)
        self.whose.currentIndexChanged.connect(self._load_speakers)
        self.table.itemActivated.connect(self._on_activated)
        self.table.verticalScrollBar().valueChanged.connect(self._maybe_more)
        self.resize(1300, 720)
        self._load_speakers()
        self.refresh()

    # ------------------------------------------------------------ filters
    def _owner(self) -> str | None:
        whose = self.whose.currentData()
        return GOLD if whose == GOLD_SETS else self.owner if whose == MINE else None

    def _load_speakers(self) -> None:
        """The speaker list: the chosen owner's entities, read on the runner."""
        owner = self._owner()
        workspace = self.workspace

        def read() -> list[EntitySummary]:
            return entities.entity_list(workspace, owner) if owner is not None else []

        self.runner.run(read, on_done=self._show_speakers)

    def _show_speakers(self, summaries: list[EntitySummary]) -> None:
        if not shiboken6.isValid(self):
            return
        chosen = self.speaker.currentData()
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem(self.tr("Anyone"), None)
        self.speaker.addItem(self.tr("The outlet (AUTHOR)"), AUTHOR)
        for summary in summaries:
            entity = summary.entity
            self.speaker.addItem(f"{entity.name} ({summary.mentions})", entity.id)
        index = self.speaker.findData(chosen)
        self.speaker.setCurrentIndex(max(0, index))
        self.speaker.blockSignals(False)
        if index < 0 and chosen is not None:
            self._changed()

    def select_speaker(self, entity_id: int | None) -> bool:
        index = self.speaker.findData(entity_id)
        if index >= 0:
            self.speaker.setCurrentIndex(index)
        return index >= 0

    def browse_filter(self) -> BrowseFilter:
        speaker = self.speaker.currentData()
        claim_type = self.claim_type.currentData()
        return BrowseFilter(
            owner=self._owner(),
            speakers=() if speaker == AUTHOR else (speaker,) if speaker is not None else None,
            author=speaker == AUTHOR,
            types=(claim_type,) if claim_type else (),
            date_from=self.date_from.text().strip() or None, date_to=self.date_to.text().strip() or None,
            checkworthy=self.checkworthy.currentData(), certainty=self.certainty.currentData(),
            unit=self.unit.text().strip() or None,
            value_min=_number(self.value_min.text()), value_max=_number(self.value_max.text()),
            with_figure=self.with_figure.isChecked(), text=self.text.text().strip() or None,
        )

    def _changed(self, *_args: Any) -> None:
        self._debounce.start()

    def follow(self, changes: Any, _view: object = None) -> None:
        """A window's action committed: claims, links or entities changed, so read again (once the
        actions pause). Connected to the sessions' ``changed``."""
        if changes is not None and (changes.claims or changes.spans or changes.entities or changes.corpus):
            if self.isVisible():
                self._debounce.start()

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Ask again with the filters as they are (on the runner); the table is drawn when it comes."""
        self._debounce.stop()
        self._serial += 1
        serial, workspace, browse_filter, mode = self._serial, self.workspace, self.browse_filter(), \
            self.mode.currentData()
        self._filter = browse_filter
        self._after = None
        self._loading = True
        self.status.setText(self.tr("Reading…"))
        read: Callable[[], Any]
        if mode == LIST:
            read = partial(claims_browser.page, workspace, browse_filter, None, PAGE_SIZE)
        elif mode in (BY_SPEAKER, BY_ABOUT):
            read = partial(claims_browser.grouped, workspace, browse_filter,
                           GroupBy.SPEAKER if mode == BY_SPEAKER else GroupBy.ABOUT)
        else:
            read = partial(claims_browser.compare_figures, workspace, browse_filter)
        self.runner.run(read, on_done=partial(self._arrived, serial, mode, True), on_error=self._failed)

    def _maybe_more(self, value: int) -> None:
        bar = self.table.verticalScrollBar()
        if value >= bar.maximum() - 2 and self._after is not None and not self._loading:
            self.more()

    def more(self) -> None:
        """The next page of the list (the table scrolled to its end)."""
        if self._after is None or self._filter is None or self._loading:
            return
        self._loading = True
        serial, workspace, browse_filter, after = self._serial, self.workspace, self._filter, self._after
        self.runner.run(partial(claims_browser.page, workspace, browse_filter, after, PAGE_SIZE),
                        on_done=partial(self._arrived, serial, LIST, False), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self._loading = False
            self.status.setText(self.tr("Error: %1").replace("%1", str(exc)))

    def _arrived(self, serial: int, mode: str, fresh: bool, result: Any) -> None:
        if not shiboken6.isValid(self) or serial != self._serial:
            return
        self._loading = False
        if fresh:
            self.table.clear()
            self.rows_shown = 0
        self.table.setRootIsDecorated(mode != LIST)
        if mode == LIST:
            page: ClaimPage = result
            for row in page.rows:
                self.table.addTopLevelItem(self._claim_item(row))
            self.rows_shown += len(page.rows)
            self._after = page.after
            more = self.tr(" (scroll down for more)") if page.after is not None else ""
            self.status.setText(self.tr("%n claim(s) shown", "", self.rows_shown) + more)
        elif mode in (BY_SPEAKER, BY_ABOUT):
            for group in result:
                top = QTreeWidgetItem([f"{group.title} — {len(group.rows)}"])
                _bold(top)
                top.setFirstColumnSpanned(True)
                self.table.addTopLevelItem(top)
                top.setFirstColumnSpanned(True)
                for row in group.rows:
                    top.addChild(self._claim_item(row))
                    self.rows_shown += 1
                top.setExpanded(True)
            self.status.setText(self.tr("%n group(s)", "", len(result)))
        else:
            for comparison in result:
                self._comparison_item(comparison)
            self.status.setText(self.tr("%n figure(s) stated more than once", "", len(result)))
        if fresh and self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))

    # ------------------------------------------------------------ rows
    def _claim_item(self, row: BrowsedClaim, value_changed: bool = False) -> QTreeWidgetItem:
        claim = row.claim
        speaker = (self.tr("the outlet (AUTHOR)") if claim.speaker == AUTHOR else row.speaker_name)
        if claim.speaker_entity and claim.speaker and claim.speaker not in (AUTHOR, claim.speaker_entity):
            speaker = f"{claim.speaker_entity} («{claim.speaker}»)"
        figure = figure_text(claim.quantity.value, claim.quantity.unit, claim.quantity.period) \
            if claim.quantity else ""
        about = ", ".join(a.entity or a.text for a in row.about)
        item = QTreeWidgetItem([speaker, claim.type, claim.text, figure, claim.date or "", claim.document_id,
                                self.tr("yes") if claim.checkworthy else self.tr("no"),
                                self.tr("hedged") if claim.certainty == "HEDGED" else self.tr("asserted")])
        item.setToolTip(2, claim.text + (("\n" + self.tr("About: %1").replace("%1", about)) if about else ""))
        item.setData(0, CLAIM_ROLE, (claim.document_id, claim.id, claim.start, claim.end))
        if value_changed:
            _bold(item, 3)
            item.setForeground(3, QBrush(CHANGED))
            item.setText(3, "≠ " + figure)
        return item

    def _comparison_item(self, comparison: FigureComparison) -> QTreeWidgetItem:
        title = self.tr("%1 · %2: %3 statements; speakers: %4, documents: %5") \
            .replace("%1", comparison.unit or "?").replace("%2", comparison.period or self.tr("no period")) \
            .replace("%3", str(len(comparison.statements))).replace("%4", str(comparison.speakers)) \
            .replace("%5", str(comparison.documents))
        if comparison.differs:
            title += " — " + self.tr("the figure changed")
        top = QTreeWidgetItem([title])
        _bold(top)
        if comparison.differs:
            top.setForeground(0, QBrush(CHANGED))
        first = comparison.statements[0].value
        for statement in comparison.statements:
            top.addChild(self._claim_item(statement.claim, statement.value != first))
        self.table.addTopLevelItem(top)
        top.setFirstColumnSpanned(True)
        top.setExpanded(True)
        return top

    def claim_rows(self) -> list[QTreeWidgetItem]:
        """Every row that is a claim (in groups too), in the order shown."""
        out = []
        for index in range(self.table.topLevelItemCount()):
            top = self.table.topLevelItem(index)
            if top.data(0, CLAIM_ROLE) is not None:
                out.append(top)
            out += [top.child(i) for i in range(top.childCount()) if top.child(i).data(0, CLAIM_ROLE) is not None]
        return out

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        where = item.data(0, CLAIM_ROLE)
        if where is not None:
            document_id, claim_id, start, end = where
            self.claim_requested.emit(document_id, claim_id, start, end)


def _number(text: str) -> float | None:
    text = text.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _bold(item: QTreeWidgetItem, column: int = 0) -> None:
    font = QFont(item.font(column))
    font.setBold(True)
    item.setFont(column, font)


def _pair(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box
