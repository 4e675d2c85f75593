"""The document's claims as a table, edited in place.

One row per claim in text order: Claim (an excerpt of its text), Type,
Speaker (the mention's text, "Author (the outlet)" for AUTHOR, or "—"), Cue,
Certainty, Check-worthy, Quantity (value unit period, as stored) and Proposal
(the quantity the normaliser proposes, greyed when it equals the stored one).
Every item holds the claim's id in :data:`CLAIM_ID_ROLE`.

Keys and mouse: a single click selects a row (``claim_selected``); Enter or a
double-click activates it (``claim_activated``). Editing starts with F2, a click
on the already selected cell, or typing: Type and Certainty are combo boxes,
Check-worthy a check box, Quantity a line of text "VALUE UNIT [PERIOD]"
(:func:`parse_quantity`; empty clears it).

Nothing is written here: a committed edit emits ``field_edited(claim_id,
field, value)`` once (and nothing when the value did not change), the cell
shows the new value at once, and the window shows the stored claims again with
:meth:`ClaimPanel.set_claims`. A quantity that cannot be read emits nothing:
the cell keeps the typed text in red with the reason as its tooltip, and the
next edit starts from it. ``set_claims`` while an editor is open waits for the
editor to close, so an edit in progress is never thrown away.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from annotator.domain.model import AUTHOR, Certainty, Claim, Quantity, Span
from annotator.gui.text.claim_painting import claim_color
from annotator.gui.common.id_rows import ID_ROLE, IdRows
from annotator.gui.common.palette import swatch

CLAIM_ID_ROLE = ID_ROLE
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the field's stored value (str, Certainty, bool, Quantity | None)

(CLAIM_COLUMN, TYPE_COLUMN, SPEAKER_COLUMN, CUE_COLUMN, CERTAINTY_COLUMN, CHECK_COLUMN, QUANTITY_COLUMN,
 PROPOSAL_COLUMN) = range(8)
FIELDS = {TYPE_COLUMN: "type", CERTAINTY_COLUMN: "certainty", CHECK_COLUMN: "checkworthy",
          QUANTITY_COLUMN: "quantity"}
MAX_EXCERPT = 70
MAX_TOOLTIP = 600
NONE_TEXT = "—"
ERROR_COLOR = "#c62828"
GREY = "#8a8a8a"

# --- quantities as text ---------------------------------------------------------------

_DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
PERIOD = re.compile(rf"{_DATE}(?:/{_DATE})?")


class QuantityParseError(ValueError):
    """Why a quantity's text could not be read: ``reason`` is "value" or "period"; ``token`` the culprit."""

    def __init__(self, reason: str, token: str):
        super().__init__(f"bad {reason}: {token!r}")
        self.reason = reason
        self.token = token


def format_value(value: float | None) -> str:
    """A value as it reads back exactly: "11.5e9" for 11 500 000 000, "1234567", "0.5"; "?" for None."""
    if value is None:
        return "?"
    value = float(value)
    if value.is_integer() and abs(value) < 1e16:
        whole = Decimal(int(value))
        for exponent in (12, 9, 6):
            mantissa = whole.scaleb(-exponent)
            if abs(mantissa) >= 1 and mantissa == mantissa.quantize(Decimal("0.001")):
                return f"{mantissa.normalize():f}e{exponent}"
        return str(int(value))
    return repr(value)


def format_quantity(quantity: Quantity | None) -> str:
    """"VALUE UNIT PERIOD" (the parts that are set); "" for None. :func:`parse_quantity` reads it back."""
    if quantity is None:
        return ""
    parts = [format_value(quantity.value)]
    if quantity.unit:
        parts.append(quantity.unit)
    if quantity.period:
        parts.append(quantity.period)
    return " ".join(parts)


def parse_quantity(text: str) -> Quantity | None:
    """Read "VALUE UNIT [PERIOD]": "4e9 USD 2025", "10 % 2030", "500 рабочее место".

    The first word is the value (a number, "," or "." as the decimal mark, or
    "?" for no value); the last word is the period when it looks like one (YYYY,
    YYYY-MM, YYYY-MM-DD, or an ISO interval FROM/TO of those); the words between
    are the unit (several words allowed). Empty text is None (clears the
    quantity). Raises :class:`QuantityParseError`: a value that is not a number,
    or a last word that starts with a digit but is not a valid period.
    """
    words = text.split()
    if not words:
        return None
    token = words[0]
    if token == "?":
        value = None
    else:
        try:
            value = float(token.replace(",", ".").replace("\u2212", "-"))
        except ValueError:
            raise QuantityParseError("value", token) from None
        if not math.isfinite(value):
            raise QuantityParseError("value", token)
    rest = words[1:]
    period = None
    if rest and rest[-1][0].isdigit():
        if not PERIOD.fullmatch(rest[-1]):
            raise QuantityParseError("period", rest[-1])
        period = rest.pop()
    unit = " ".join(rest) or None
    return Quantity(value, unit, period)


# --- delegates ------------------------------------------------------------------------

class _ComboDelegate(QStyledItemDelegate):
    """A combo box of (text, value) choices; picking one commits at once."""

    def __init__(self, panel: ClaimPanel, choices: Callable[[object], list[tuple[str, object]]]):
        super().__init__(panel)
        self.panel = panel
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for text, value in self.choices(index.data(VALUE_ROLE)):
            combo.addItem(text, value)
        combo.activated.connect(lambda _i, c=combo: self._finish(c))
        return combo

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        position = editor.findData(index.data(VALUE_ROLE))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        self.panel._commit(index.row(), index.column(), editor.currentData())


class _QuantityDelegate(QStyledItemDelegate):
    """A line of text read by :func:`parse_quantity`; red while it cannot be read."""

    def __init__(self, panel: ClaimPanel):
        super().__init__(panel)
        self.panel = panel

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setPlaceholderText(QCoreApplication.translate("ClaimPanel", "value unit period, e.g. 4e9 USD 2025"))
        editor.textChanged.connect(lambda text, e=editor: self._check(e, text))
        return editor

    def _check(self, editor: QLineEdit, text: str) -> None:
        error = self.panel.quantity_error(text)
        editor.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        editor.setToolTip(error or "")

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        claim_id = index.data(CLAIM_ID_ROLE)
        bad = self.panel._bad_quantities.get(claim_id)
        editor.setText(bad if bad is not None else format_quantity(index.data(VALUE_ROLE)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        self.panel._commit_quantity_text(index.row(), editor.text())


# --- the panel ---------------------------------------------------------------------------

class ClaimPanel(IdRows, QTableWidget):
    """The claims of one document in text order, edited in place (see the module doc)."""

    claim_activated = Signal(object)  # claim id: Enter or double-click
    claim_selected = Signal(object)  # claim id or None: the current row changed (a click, the arrows)
    # claim id, field ("type", "certainty", "checkworthy", "quantity"), the new value
    field_edited = Signal(object, str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 8, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Claim"), self.tr("Type"), self.tr("Speaker"), self.tr("Cue"), self.tr("Certainty"),
            self.tr("Check-worthy"), self.tr("Quantity"), self.tr("Proposal")])
        self.horizontalHeaderItem(PROPOSAL_COLUMN).setToolTip(self.tr("The quantity the normaliser proposes"))
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        # The fields fit their contents; the excerpt gets a fair width (the panel is
        # often narrower than the row: a Stretch column would shrink to nothing).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CLAIM_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CLAIM_COLUMN, 260)
        header.setStretchLastSection(True)
        self._text = ""
        self._claims: dict[object, Claim] = {}
        self._claim_types: list[str] = []
        self._proposals: dict[object, Quantity | None] = {}
        self._bad_quantities: dict[object, str] = {}  # claim id -> unreadable text the user typed
        self._pending: tuple | None = None  # set_claims arguments that came while an editor was open
        self._filling = False
        self._emitting = False
        self._type_delegate = _ComboDelegate(self, self._type_choices)
        self._certainty_delegate = _ComboDelegate(self, self._certainty_choices)
        self._quantity_delegate = _QuantityDelegate(self)
        self.setItemDelegateForColumn(TYPE_COLUMN, self._type_delegate)
        self.setItemDelegateForColumn(CERTAINTY_COLUMN, self._certainty_delegate)
        self.setItemDelegateForColumn(QUANTITY_COLUMN, self._quantity_delegate)
        self.itemChanged.connect(self._on_item_changed)
        self.doubleClicked.connect(self._on_double_clicked)
        self.currentCellChanged.connect(self._on_current_changed)

    # --- content ----------------------------------------------------------------------
    def set_claims(self, text: str, claims: Sequence[Claim], spans: Sequence[Span], claim_types: Sequence[str],
                   proposals: Mapping[object, Quantity | None] | None = None) -> None:
        """Show ``claims`` of ``text`` in text order (``spans`` name the speakers; ``proposals``:
        claim id -> the normaliser's quantity). Keeps the current claim selected."""
        if self.state() == QAbstractItemView.State.EditingState or self._emitting:
            # An editor is open, or a handler of field_edited answers at once (inside the
            # item's own change): rebuild when that is over, never under the user's hands.
            self._pending = (text, list(claims), list(spans), list(claim_types), dict(proposals or {}))
            if self._emitting:
                QTimer.singleShot(0, self._apply_pending)
            return
        self._pending = None
        current = self.current_claim_id()
        self._text = text
        self._claim_types = list(claim_types)
        self._proposals = dict(proposals or {})
        ordered = sorted(claims, key=lambda c: (c.start, -c.end, str(c.id)))
        self._claims = {c.id: c for c in ordered}
        self._bad_quantities = {i: t for i, t in self._bad_quantities.items() if i in self._claims}
        by_id = {s.id: s for s in spans}
        self._filling = True
        self.setUpdatesEnabled(False)
        try:
            self.clearContents()
            self.setRowCount(len(ordered))
            for row, claim in enumerate(ordered):
                self._fill_row(row, claim, by_id)
        finally:
            self.setUpdatesEnabled(True)
            self._filling = False
        if current in self._claims:
            self.select_claim(current)
        for column in range(1, self.columnCount()):
            self.resizeColumnToContents(column)

    def _fill_row(self, row: int, claim: Claim, spans: Mapping[object, Span]) -> None:
        excerpt = " ".join(self._text[claim.start:claim.end].split())
        claim_item = QTableWidgetItem(excerpt if len(excerpt) <= MAX_EXCERPT else excerpt[:MAX_EXCERPT - 1] + "…")
        claim_item.setToolTip(excerpt[:MAX_TOOLTIP])
        if claim.speaker is None:
            speaker = NONE_TEXT
        elif claim.speaker == AUTHOR:
            speaker = self.tr("Author (the outlet)")
        elif claim.speaker in spans:
            mention = spans[claim.speaker]
            speaker = " ".join(self._text[mention.start:mention.end].split())
        else:
            speaker = f"? {claim.speaker}"
        cue = NONE_TEXT if claim.cue is None else " ".join(self._text[claim.cue.start:claim.cue.end].split())
        cells = {
            CLAIM_COLUMN: claim_item,
            TYPE_COLUMN: QTableWidgetItem(),
            SPEAKER_COLUMN: QTableWidgetItem(speaker),
            CUE_COLUMN: QTableWidgetItem(cue),
            CERTAINTY_COLUMN: QTableWidgetItem(),
            CHECK_COLUMN: QTableWidgetItem(),
            QUANTITY_COLUMN: QTableWidgetItem(),
            PROPOSAL_COLUMN: QTableWidgetItem(),
        }
        read_only = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        for column, cell in cells.items():
            cell.setData(CLAIM_ID_ROLE, claim.id)
            if column in (TYPE_COLUMN, CERTAINTY_COLUMN, QUANTITY_COLUMN):
                cell.setFlags(read_only | Qt.ItemFlag.ItemIsEditable)
            elif column == CHECK_COLUMN:
                cell.setFlags(read_only | Qt.ItemFlag.ItemIsUserCheckable)
            else:
                cell.setFlags(read_only)
            self.setItem(row, column, cell)
        self._show_value(row, claim)

    def _show_value(self, row: int, claim: Claim) -> None:
        """Fill the editable cells and the proposal from ``claim`` (signals of itemChanged ignored)."""
        filling, self._filling = self._filling, True
        try:
            item = self.item(row, TYPE_COLUMN)
            item.setText(claim.type)
            item.setData(VALUE_ROLE, claim.type)
            item.setIcon(swatch(claim_color(claim.type)))
            item = self.item(row, CERTAINTY_COLUMN)
            item.setText(self._certainty_text(claim.certainty))
            item.setData(VALUE_ROLE, claim.certainty)
            item = self.item(row, CHECK_COLUMN)
            item.setData(VALUE_ROLE, claim.checkworthy)
            item.setCheckState(Qt.CheckState.Checked if claim.checkworthy else Qt.CheckState.Unchecked)
            item = self.item(row, QUANTITY_COLUMN)
            item.setData(VALUE_ROLE, claim.quantity)
            bad = self._bad_quantities.get(claim.id)
            if bad is not None:
                item.setText(bad)
                item.setForeground(QBrush(QColor(ERROR_COLOR)))
                item.setToolTip(self.quantity_error(bad) or "")
            else:
                item.setText(format_quantity(claim.quantity) or NONE_TEXT)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
                item.setToolTip(self.tr("value unit period, e.g. 4e9 USD 2025"))
            item = self.item(row, PROPOSAL_COLUMN)
            proposal = self._proposals.get(claim.id)
            item.setData(VALUE_ROLE, proposal)
            item.setText(format_quantity(proposal) or NONE_TEXT)
            if proposal == claim.quantity:
                item.setForeground(QBrush(QColor(GREY)))
                item.setToolTip(self.tr("The normaliser proposes the stored quantity"))
            else:
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
                item.setToolTip(self.tr("The normaliser's proposal"))
        finally:
            self._filling = filling

    def _certainty_text(self, certainty: Certainty) -> str:
        return self.tr("hedged") if certainty == Certainty.HEDGED else self.tr("asserted")

    def _type_choices(self, current: object) -> list[tuple[str, object]]:
        names = list(self._claim_types)
        if current and current not in names:
            names.append(current)
        return [(name, name) for name in names]

    def _certainty_choices(self, current: object) -> list[tuple[str, object]]:
        return [(self._certainty_text(c), c) for c in (Certainty.ASSERTED, Certainty.HEDGED)]

    # --- looking up -------------------------------------------------------------------
    def claim_ids(self) -> list:
        """The claims' ids in row (text) order."""
        return [self.item(row, CLAIM_COLUMN).data(CLAIM_ID_ROLE) for row in range(self.rowCount())]

    def claim(self, claim_id: object) -> Claim | None:
        """The claim as the panel shows it (with edits made here already applied)."""
        return self._claims.get(claim_id)

    def current_claim_id(self) -> object | None:
        return self.current_id()

    def select_claim(self, claim_id: object | None) -> None:
        """Select (and scroll to) the claim's row, or clear the selection; emits nothing."""
        self.select_id(claim_id)

    def quantity_error(self, text: str) -> str | None:
        """Why ``text`` is not a quantity (translated), or None when it is one."""
        try:
            parse_quantity(text)
        except QuantityParseError as error:
            if error.reason == "value":
                return self.tr("“%1” is not a number: write VALUE UNIT PERIOD, e.g. 4e9 USD 2025").replace(
                    "%1", error.token)
            return self.tr("“%1” is not a period: YYYY, YYYY-MM, YYYY-MM-DD or FROM/TO").replace("%1", error.token)
        return None

    # --- edits ------------------------------------------------------------------------
    def _commit(self, row: int, column: int, value: object) -> None:
        """An editor's value for one field: emit once if it changed, and show it."""
        item = self.item(row, CLAIM_COLUMN)
        if item is None:
            return
        claim_id = item.data(CLAIM_ID_ROLE)
        claim = self._claims.get(claim_id)
        field = FIELDS[column]
        if claim is None:
            return
        if field == "certainty":
            value = Certainty(value)  # Qt hands a StrEnum back as a plain str
        if column == QUANTITY_COLUMN:
            self._bad_quantities.pop(claim_id, None)
        if getattr(claim, field) == value:
            self._show_value(row, claim)
            return
        claim = replace(claim, **{field: value})
        self._claims[claim_id] = claim
        self._show_value(row, claim)
        self._emitting = True
        try:
            self.field_edited.emit(claim_id, field, value)
        finally:
            self._emitting = False

    def _commit_quantity_text(self, row: int, text: str) -> None:
        try:
            quantity = parse_quantity(text)
        except QuantityParseError:
            claim_id = self.item(row, CLAIM_COLUMN).data(CLAIM_ID_ROLE)
            self._bad_quantities[claim_id] = text
            self._show_value(row, self._claims[claim_id])
            return
        self._commit(row, QUANTITY_COLUMN, quantity)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != CHECK_COLUMN:
            return
        self._commit(item.row(), CHECK_COLUMN, item.checkState() == Qt.CheckState.Checked)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        self._apply_pending()

    def _apply_pending(self) -> None:
        if (self._pending is not None and not self._emitting
                and self.state() != QAbstractItemView.State.EditingState):
            self.set_claims(*self._pending)

    # --- activation -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.state() != QAbstractItemView.State.EditingState):
            claim_id = self.current_claim_id()
            if claim_id is not None:
                self.claim_activated.emit(claim_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        claim_id = index.data(CLAIM_ID_ROLE)
        if claim_id is not None:
            self.claim_activated.emit(claim_id)

    def _on_current_changed(self, row: int, _column: int, previous_row: int, _previous_column: int) -> None:
        if row != previous_row and not self._filling:
            self.claim_selected.emit(self.current_claim_id())
