"""The curation window's parts: lanes kept in step, and the list of disagreements.

What the window shows of one document (the annotators' sets, gold, the
disagreements, whether the user may write gold, gold's undo and redo, the
notes) is read by the core: ``services.views.curation_view.read_curation``.

A *lane* is one set's view of the document (an annotator's, read-only, or
gold's): a title and a :class:`~annotator.gui.text.document_view.DocumentView`.
:class:`LaneSync` keeps the lanes scrolled to the same place by the first
character on screen, not by pixels, so lanes that wrap differently (another
width, another font) still show the same text at the top.

:class:`DisagreementList` is the table of disagreements (one row each: layer,
kind, the text, each annotator's version, what gold has there); the texts of a
version ("PER «Токаев»", "—") come from :func:`version_text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, \
    QWidget

from annotator.domain.disagreements import ENTITY, Decision, Disagreement, region_items
from annotator.domain.model import AUTHOR, AnnotationSet, Claim, SetStatus, Span
from annotator.gui.text.document_view import DocumentView
from annotator.services.views.curation_view import key_of, settled_by

CONTEXT = "Curation"
EXCERPT = 32  # characters of an annotation's text shown in the list

KIND_TEXTS: dict[str, str] = {
    "missing": QT_TRANSLATE_NOOP("Curation", "only some have it"),
    "label": QT_TRANSLATE_NOOP("Curation", "different label"),
    "boundary": QT_TRANSLATE_NOOP("Curation", "different boundary"),
    "speaker": QT_TRANSLATE_NOOP("Curation", "other speaker"),
    "other": QT_TRANSLATE_NOOP("Curation", "other"),
}
STATUS_TEXTS: dict[str, str] = {
    SetStatus.NEW.value: QT_TRANSLATE_NOOP("Curation", "new"),
    SetStatus.IN_PROGRESS.value: QT_TRANSLATE_NOOP("Curation", "in progress"),
    SetStatus.DONE.value: QT_TRANSLATE_NOOP("Curation", "done"),
    SetStatus.CURATED.value: QT_TRANSLATE_NOOP("Curation", "curated"),
    SetStatus.SKIPPED.value: QT_TRANSLATE_NOOP("Curation", "skipped"),
}
RESOLVED_COLOR = "#2e7d32"  # the gold cell of a disagreement gold has settled
GOLD_TITLE = "#f6e7b4"  # the gold lane's title: a pale gold, apart from the annotators' lanes


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_text(kind: str) -> str:
    """"different label", "only some have it", … (translated)."""
    return tr(KIND_TEXTS.get(kind, KIND_TEXTS["other"]))


def status_text(status: SetStatus | str | None) -> str:
    if status is None:
        return QCoreApplication.translate("Curation", "not started")
    value = status.value if isinstance(status, SetStatus) else str(status)
    return tr(STATUS_TEXTS[value]) if value in STATUS_TEXTS else value


def excerpt(text: str, start: int, end: int, limit: int = EXCERPT) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[:limit - 1] + "…"


def item_text(text: str, item: Span | Claim, spans: dict | None = None) -> str:
    """"PER «Токаев»"; a claim: "STAT «объем …» ← Токаев" (its speaker: a mention, the author, or "?")."""
    if isinstance(item, Span):
        return f"{item.label} «{excerpt(text, item.start, item.end)}»"
    shown = f"{item.type} «{excerpt(text, item.start, item.end)}»"
    if item.speaker == AUTHOR:
        speaker = QCoreApplication.translate("Curation", "author")
    elif item.speaker is None:
        speaker = "?"
    else:
        mention = (spans or {}).get(item.speaker)
        speaker = excerpt(text, mention.start, mention.end, 24) if mention is not None else "?"
    return f"{shown} ← {speaker}"


def version_text(text: str, items: Sequence[Span | Claim], aset: AnnotationSet | None = None) -> str:
    """One owner's version of a disagreement: its annotations there, or "—" for nothing."""
    if not items:
        return "—"
    spans = {s.id: s for s in aset.spans} if aset is not None else {}
    return "; ".join(item_text(text, x, spans) for x in sorted(items, key=lambda x: (x.start, -x.end)))


class Lane(QWidget):
    """One set's view of the document under a title ("Alt+1  anna — done")."""

    def __init__(self, owner: str, colors: dict[str, str], *, editable: bool = False,
                 snap_to_tokens: bool = True, font_size: int | None = None, show_tags: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.owner = owner
        self.editable = editable
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setStyleSheet(f"padding: 2px 6px; background: {GOLD_TITLE if editable else 'transparent'};")
        self.view = DocumentView(colors, snap_to_tokens=snap_to_tokens)
        self.view.edges_editable = editable  # an annotator's lane is read here: no edge drags
        if font_size is not None:
            self.view.set_font_size(font_size)
        self.view.set_tags_shown(show_tags)
        self.view.setObjectName(f"lane:{owner}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def show_set(self, aset: AnnotationSet | None) -> None:
        """Show this set's spans, claims and relations (the text is already in the view)."""
        self.view.set_spans(aset.spans if aset else ())
        self.view.set_claims(aset.claims if aset else ())
        self.view.set_relations(aset.relations if aset else ())


def first_visible_core(view: DocumentView) -> int:
    """The code point at the start of the first line on screen."""
    block = view.firstVisibleBlock()
    if not block.isValid():
        return 0
    line = view.verticalScrollBar().value() - block.firstLineNumber()
    layout = block.layout()
    qt = block.position()
    if layout is not None and 0 <= line < layout.lineCount():
        qt += layout.lineAt(line).textStart()
    return view.positions.to_core(qt)


def scroll_to_core(view: DocumentView, position: int) -> None:
    """Scroll so that the line holding code point ``position`` is the first on screen (as far as it goes)."""
    if not view.text:
        return
    qt = view.positions.to_qt(min(max(position, 0), len(view.text)))
    document = view.document()
    block = document.findBlock(qt)
    if not block.isValid():
        return
    document.documentLayout().blockBoundingRect(block)  # lays the block out: its lines are known
    line = block.layout().lineForTextPosition(qt - block.position())
    number = line.lineNumber() if line.isValid() else 0
    view.verticalScrollBar().setValue(block.firstLineNumber() + number)


class LaneSync(QObject):
    """Scrolling one view scrolls the others to the same first character."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.views: list[DocumentView] = []
        self._busy = False

    def set_views(self, views: Iterable[DocumentView]) -> None:
        for view in self.views:
            try:
                view.verticalScrollBar().valueChanged.disconnect(self._on_scrolled)
            except (RuntimeError, TypeError):
                pass
        self.views = list(views)
        for view in self.views:
            view.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def _on_scrolled(self, _value: int) -> None:
        if self._busy:
            return
        bar = self.sender()
        source = next((v for v in self.views if v.verticalScrollBar() is bar), None)
        if source is not None:
            self.follow(source)

    def follow(self, source: DocumentView) -> None:
        """Put every other view at ``source``'s first visible character."""
        self._scroll_all(first_visible_core(source), skip=source)

    def scroll_all_to(self, position: int) -> None:
        self._scroll_all(position)

    def _scroll_all(self, position: int, skip: DocumentView | None = None) -> None:
        self._busy = True
        try:
            for view in self.views:
                if view is not skip:
                    scroll_to_core(view, position)
        finally:
            self._busy = False


class DisagreementList(QTableWidget):
    """One row per disagreement: layer, kind, text, each annotator's version, and gold's."""

    disagreement_activated = Signal(int)  # the row (the disagreement's index) the user picked

    FIXED = 4  # "#", layer, kind, text; then one column per annotator, then gold

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, self.FIXED + 1, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.owners: list[str] = []
        self._quiet = False
        self.currentCellChanged.connect(self._on_current)
        self.cellActivated.connect(lambda row, _column: self.disagreement_activated.emit(row))

    def set_disagreements(self, text: str, found: Sequence[Disagreement], sets: Sequence[AnnotationSet],
                          gold: AnnotationSet | None, current: int | None = None,
                          decisions: Sequence[Decision] = ()) -> None:
        self._quiet = True
        try:
            self.owners = [s.owner for s in sets]
            by_owner = {s.owner: s for s in sets}
            decided = {d.region: d for d in decisions}
            headers = ["#", self.tr("Layer"), self.tr("Kind"), self.tr("Text"), *self.owners, self.tr("Gold")]
            self.clear()
            self.setColumnCount(len(headers))
            self.setHorizontalHeaderLabels(headers)
            self.setRowCount(len(found))
            for row, d in enumerate(found):
                cells = [str(row + 1), self.tr("entity") if d.layer == ENTITY else self.tr("claim"), kind_text(d.kind),
                         f"«{excerpt(text, d.start, d.end, 48)}»"]
                for owner in self.owners:
                    version = d.version(owner)
                    cells.append(version_text(text, version.items if version else (), by_owner.get(owner)))
                gold_items = region_items(gold, d.layer, d.start, d.end, d.pieces) if gold is not None else ()
                decision = decided.get(key_of(d))
                gold_cell = version_text(text, gold_items, gold)
                if decision is not None and decision.annotator is None:
                    settled = True
                    gold_cell = self.tr("rejected") + " (" + decision.curator + "): " + gold_cell
                else:
                    owners = ([decision.annotator] if decision is not None else
                              [o for o in settled_by(d, gold, sets) if (v := d.version(o)) is not None and v.items])
                    settled = bool(owners)
                    if owners:
                        gold_cell = "= " + ", ".join(owners) + ": " + gold_cell
                cells.append(gold_cell)
                for column, value in enumerate(cells):
                    item = QTableWidgetItem(value)
                    item.setData(Qt.ItemDataRole.UserRole, row)
                    item.setToolTip(value if column >= 3 else self.tr("characters %1–%2").replace("%1", str(d.start))
                                    .replace("%2", str(d.end)))
                    if column == len(cells) - 1 and settled:
                        item.setForeground(QColor(RESOLVED_COLOR))
                    self.setItem(row, column, item)
            header = self.horizontalHeader()
            for column in range(self.FIXED - 1):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            for column in range(self.FIXED - 1, len(headers)):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(column, 230)
            header.setStretchLastSection(True)
            self.select(current)
        finally:
            self._quiet = False

    def select(self, row: int | None) -> None:
        """Show ``row`` as the current one (no signal)."""
        quiet, self._quiet = self._quiet, True
        try:
            if row is None or not 0 <= row < self.rowCount():
                self.clearSelection()
                self.setCurrentCell(-1, -1)
            else:
                self.setCurrentCell(row, 0)
                self.scrollToItem(self.item(row, 0))
        finally:
            self._quiet = quiet

    def _on_current(self, row: int, _column: int, previous_row: int, _previous_column: int) -> None:
        if not self._quiet and row >= 0 and row != previous_row:
            self.disagreement_activated.emit(row)

    def row_texts(self, row: int) -> list[str]:
        return [self.item(row, c).text() for c in range(self.columnCount())]
