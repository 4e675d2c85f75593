"""The scheme editor: labels, hotkeys, colours, guidelines and attributes, and on a second tab
the claim types (name, hotkey, description), saved as you go.

Every edit goes through :mod:`annotator.services.schemes` on the window's task
runner and saves a new scheme version at once (one undoable action in the
scheme's own history). Delete and merge first ask the service what they would
do to the annotations and say it in the confirmation. After each save the
dialog emits :attr:`SchemeEditor.scheme_changed`, on which the window rebuilds
its palette, colours and label keys.

Nothing here reads the store on the GUI thread: what the dialog shows
(:class:`SchemeView`) is read on the runner by :func:`read_scheme_view`, once
before the dialog is built and again in the task of every save. A save lands
later than it was asked for, so the dialog keeps what is pending: a field commit
equal to the value pending or stored is not sent again, a second rename of a
label waits on (and starts from) the name the first one gives it, and when a
save lands the form stays on the label the user is on by then. Claim types keep
their own pending saves (:class:`PendingSaves`) and their own form, by the same rules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain import scheme_edits
from annotator.domain.problems import InputError
from annotator.domain.scheme import AttributeDef, ClaimType, EntityLabel, Scheme, SchemeError
from annotator.gui.common.palette import LABEL_ROLE, swatch
from annotator.gui.common.replace_prompt import ask_to_write
from annotator.gui.common.tasks import TaskRunner
from annotator.services import schemes
from annotator.services.errors import ServiceError
from annotator.services.schemes import ClaimTypeImpact, LabelImpact
from annotator.services.views.scheme_view import SchemeView, read_scheme_view
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

# Colours for new labels, in turn (the user recolours them at will).
NEW_LABEL_COLORS = ("#42d4f4", "#bfef45", "#dcbeff", "#aaffc3", "#ffd8b1", "#fabed4", "#a9a9a9")
ERROR_STYLE = "color: #b00020;"
TEXT_FIELDS = ("name", "description", "guideline")  # typed in the form, committed when left
CLAIM_TYPE_TEXT_FIELDS = ("name", "description")  # the same, of a claim type


class PendingSaves:
    """Saves of one kind of item (labels, or claim types) asked for and not landed yet: field
    commits as (name, field, value), in order, and renames as old name -> new name."""

    def __init__(self) -> None:
        self.fields: list[tuple[str, str, str]] = []
        self.renames: dict[str, str] = {}

    def name_now(self, name: str) -> str:
        """``name`` as the store will call the item once the pending renames are saved."""
        seen = {name}
        while name in self.renames and self.renames[name] not in seen:
            name = self.renames[name]
            seen.add(name)
        return name

    def value_now(self, name: str, field_name: str, stored: str) -> str:
        """A field's value once the pending commits are saved: the last one pending, else ``stored``."""
        pending = [v for (item, f, v) in self.fields if (item, f) == (name, field_name)]
        return pending[-1] if pending else stored

    def landed(self, field_entry: tuple[str, str, str] | None, rename: str | None) -> None:
        """A save has landed (or failed): its entries are no longer pending."""
        if field_entry is not None and field_entry in self.fields:
            self.fields.remove(field_entry)
        if rename is not None:
            self.renames.pop(rename, None)


def _hotkey_field() -> tuple[QLineEdit, QLabel, QHBoxLayout]:
    """A one-key field with the reason beside it when the key is taken (labels and claim types)."""
    edit = QLineEdit()
    edit.setMaxLength(1)
    edit.setFixedWidth(48)
    status = QLabel()
    status.setStyleSheet(ERROR_STYLE)
    row = QHBoxLayout()
    row.addWidget(edit)
    row.addWidget(status, 1)
    return edit, status, row


class SchemeEditor(QDialog):
    scheme_changed = Signal(object)  # the Scheme now in force

    def __init__(self, workspace: Workspace, runner: TaskRunner, user: str, state: SchemeView,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.user = user
        self.scheme: Scheme = state.scheme
        self.read_only_reason = state.refusal
        self._selected: str | None = None
        self._selected_type: str | None = None
        self.counts: dict[str, int] = dict(state.counts)
        self.claim_counts: dict[str, int] = dict(state.claim_counts)
        # Saves asked for and not landed yet, of labels and of claim types.
        self._label_saves = PendingSaves()
        self._type_saves = PendingSaves()
        self.setWindowTitle(self.tr("Annotation scheme"))

        # --- the labels ---
        self.label_list = QListWidget()
        self.add_button = QPushButton(self.tr("Add label"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.merge_button = QPushButton(self.tr("Merge into…"))
        label_buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.merge_button):
            label_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.label_list)
        left.addLayout(label_buttons)

        # --- the selected label ---
        self.name_edit = QLineEdit()
        self.hotkey_edit, self.hotkey_status, hotkey_row = _hotkey_field()
        self.color_button = QPushButton(self.tr("Colour…"))
        self.description_edit = QLineEdit()
        self.guideline_edit = QPlainTextEdit()
        self.guideline_edit.setPlaceholderText(self.tr("When to use this label, with examples; "
                                                       "shown as a tooltip in the palette and the list of keys"))
        self.guideline_edit.installEventFilter(self)  # saved when it loses focus
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Hotkey"), hotkey_row)
        form.addRow(self.tr("Colour"), self.color_button)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Guideline"), self.guideline_edit)

        # --- its attributes ---
        self.attribute_table = QTableWidget(0, 3)
        self.attribute_table.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Type"), self.tr("Choices")])
        self.attribute_table.verticalHeader().setVisible(False)
        self.attribute_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.attribute_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.attribute_table.horizontalHeader().setStretchLastSection(True)
        self.attribute_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.attribute_name = QLineEdit()
        self.attribute_name.setPlaceholderText(self.tr("name"))
        self.attribute_type = QComboBox()
        for value, text in (("boolean", self.tr("yes / no")), ("choice", self.tr("choice")), ("text", self.tr("text"))):
            self.attribute_type.addItem(text, value)
        self.attribute_choices = QLineEdit()
        self.attribute_choices.setPlaceholderText(self.tr("choices, comma-separated"))
        self.add_attribute_button = QPushButton(self.tr("Add"))
        self.remove_attribute_button = QPushButton(self.tr("Remove"))
        new_attribute = QHBoxLayout()
        for widget in (self.attribute_name, self.attribute_type, self.attribute_choices,
                       self.add_attribute_button, self.remove_attribute_button):
            new_attribute.addWidget(widget)
        attributes_box = QGroupBox(self.tr("Attributes of this label"))
        attributes_layout = QVBoxLayout(attributes_box)
        attributes_layout.addWidget(self.attribute_table)
        attributes_layout.addLayout(new_attribute)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(attributes_box)
        self.details = QWidget()
        self.details.setLayout(right)

        # --- the scheme as a whole ---
        self.undo_button = QPushButton(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        self.import_button = QPushButton(self.tr("Import scheme…"))
        self.export_button = QPushButton(self.tr("Export scheme…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        bottom = QHBoxLayout()
        for button in (self.undo_button, self.redo_button, self.import_button, self.export_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.details, 3)
        self.labels_page = QWidget()
        self.labels_page.setLayout(columns)

        # --- the claim types, on their own tab ---
        self.claim_type_list = QListWidget()
        self.add_claim_type_button = QPushButton(self.tr("Add claim type"))
        self.delete_claim_type_button = QPushButton(self.tr("Delete…"))
        type_buttons = QHBoxLayout()
        type_buttons.addWidget(self.add_claim_type_button)
        type_buttons.addWidget(self.delete_claim_type_button)
        type_buttons.addStretch(1)
        type_left = QVBoxLayout()
        type_left.addWidget(self.claim_type_list)
        type_left.addLayout(type_buttons)
        self.claim_type_name_edit = QLineEdit()
        self.claim_type_hotkey_edit, self.claim_type_hotkey_status, type_hotkey_row = _hotkey_field()
        self.claim_type_description_edit = QLineEdit()
        self.claim_type_description_edit.setPlaceholderText(
            self.tr("What a claim of this type asserts, with an example"))
        type_form = QFormLayout()
        type_form.addRow(self.tr("Name"), self.claim_type_name_edit)
        type_form.addRow(self.tr("Hotkey"), type_hotkey_row)
        type_form.addRow(self.tr("Description"), self.claim_type_description_edit)
        type_right = QVBoxLayout()
        type_right.addLayout(type_form)
        type_right.addStretch(1)
        self.claim_type_details = QWidget()
        self.claim_type_details.setLayout(type_right)
        type_columns = QHBoxLayout()
        type_columns.addLayout(type_left, 2)
        type_columns.addWidget(self.claim_type_details, 3)
        self.claim_types_page = QWidget()
        self.claim_types_page.setLayout(type_columns)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.labels_page, self.tr("Labels"))
        self.tabs.addTab(self.claim_types_page, self.tr("Claim types"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

        # Enter in a field commits that field; it must not also press a button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

        # --- signals ---
        self.label_list.currentItemChanged.connect(self._on_current_label)
        self.add_button.clicked.connect(self.add_label)
        self.delete_button.clicked.connect(self.delete_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.hotkey_edit.textEdited.connect(self._on_hotkey_typed)
        self.color_button.clicked.connect(self._pick_color)
        self.description_edit.editingFinished.connect(self._commit_description)
        self.attribute_type.currentIndexChanged.connect(self._update_attribute_form)
        self.add_attribute_button.clicked.connect(self.add_attribute)
        self.remove_attribute_button.clicked.connect(self.remove_selected_attribute)
        self.claim_type_list.currentItemChanged.connect(self._on_current_claim_type)
        self.add_claim_type_button.clicked.connect(self.add_claim_type)
        self.delete_claim_type_button.clicked.connect(self.delete_selected_claim_type)
        self.claim_type_name_edit.editingFinished.connect(self._commit_claim_type_name)
        self.claim_type_hotkey_edit.textEdited.connect(self._on_claim_type_hotkey_typed)
        self.claim_type_description_edit.editingFinished.connect(self._commit_claim_type_description)
        self.undo_button.clicked.connect(self.undo)
        # Ctrl+Z / Ctrl+Shift+Z undo the scheme's last change (in a text field they undo its typing)
        for keys, slot in (("Ctrl+Z", self._undo_key), ("Ctrl+Shift+Z", self._redo_key), ("Ctrl+Y", self._redo_key)):
            QShortcut(QKeySequence(keys), self, activated=slot)  # the same keys as the main window's
        self.redo_button.clicked.connect(self.redo)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        self.close_button.clicked.connect(self.accept)

        if self.read_only_reason:
            for widget in (self.add_button, self.delete_button, self.merge_button, self.details,
                           self.add_claim_type_button, self.delete_claim_type_button, self.claim_type_details,
                           self.undo_button, self.redo_button, self.import_button):
                widget.setEnabled(False)
            self._show_status(self.read_only_reason, error=True)
        self._update_attribute_form()
        self._show_scheme(self.scheme, select=self.scheme.entities[0].name if self.scheme.entities else None,
                          select_type=self.scheme.claim_types[0].name if self.scheme.claim_types else None)
        self._refresh_history(state.undo_label, state.redo_label)
        self.resize(900, 560)

    # ------------------------------------------------------------ showing
    @property
    def selected_label(self) -> str | None:
        return self._selected

    @property
    def selected_claim_type(self) -> str | None:
        return self._selected_type

    def labels(self) -> list[str]:
        return [self.label_list.item(i).data(LABEL_ROLE) for i in range(self.label_list.count())]

    def claim_types(self) -> list[str]:
        return [self.claim_type_list.item(i).data(LABEL_ROLE) for i in range(self.claim_type_list.count())]

    def _claim_type(self, name: str | None) -> ClaimType | None:
        return next((c for c in self.scheme.claim_types if c.name == name), None) if name else None

    def _show_scheme(self, scheme: Scheme, select: str | None, select_type: str | None = None) -> None:
        """Show ``scheme`` with ``select`` the current label (else the first) and ``select_type`` the
        current claim type (None: the one on show, else the first). The same label or claim type as
        before keeps what the user has typed in its form and not committed yet."""
        before = self.scheme.entity(self._selected) if self._selected else None
        before_type = self._claim_type(self._selected_type)
        if select_type is None:
            select_type = self._selected_type
        self.scheme = scheme
        self.label_list.blockSignals(True)  # no commit of the form: this is no move of the user's
        try:
            self.label_list.clear()
            for entity in scheme.entities:
                count = self.tr("%1 spans").replace("%1", str(self.counts.get(entity.name, 0)))
                item = QListWidgetItem(swatch(entity.color),
                                       f"{entity.hotkey.upper():>2}   {entity.name}   ·  {count}")
                item.setData(LABEL_ROLE, entity.name)
                item.setToolTip(entity.guideline or entity.description)
                self.label_list.addItem(item)
            names = self.labels()
            if select not in names:
                select = names[0] if names else None
            if select is not None:
                self.label_list.setCurrentRow(names.index(select))
        finally:
            self.label_list.blockSignals(False)
        self._show_label(select, typed_over=before if before is not None and before.name == select else None)
        self._show_claim_types(select_type, typed_over=before_type if before_type is not None
                               and before_type.name == select_type else None)

    def _show_claim_types(self, select: str | None, typed_over: ClaimType | None = None) -> None:
        """The claim type list of the scheme on show, with ``select`` current (else the first)."""
        self.claim_type_list.blockSignals(True)
        try:
            self.claim_type_list.clear()
            for claim_type in self.scheme.claim_types:
                count = self.tr("%1 claims").replace("%1", str(self.claim_counts.get(claim_type.name, 0)))
                item = QListWidgetItem(f"{claim_type.hotkey.upper():>2}   {claim_type.name}   ·  {count}")
                item.setData(LABEL_ROLE, claim_type.name)
                item.setToolTip(claim_type.description)
                self.claim_type_list.addItem(item)
            names = self.claim_types()
            if select not in names:
                select = names[0] if names else None
            if select is not None:
                self.claim_type_list.setCurrentRow(names.index(select))
        finally:
            self.claim_type_list.blockSignals(False)
        self._show_claim_type(select, typed_over=typed_over)

    def _on_current_claim_type(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        self._show_claim_type(current.data(LABEL_ROLE) if current is not None else None)

    def _claim_type_form_text(self, name: str) -> str:
        return (self.claim_type_name_edit if name == "name" else self.claim_type_description_edit).text()

    def _show_claim_type(self, name: str | None, typed_over: ClaimType | None = None) -> None:
        """The claim type form on ``name``; with ``typed_over``, a text field typed over is kept."""
        self._selected_type = name
        claim_type = self._claim_type(name)
        kept = {f for f in CLAIM_TYPE_TEXT_FIELDS
                if typed_over is not None and self._claim_type_form_text(f) != getattr(typed_over, f)}
        self.claim_type_details.setEnabled(claim_type is not None and not self.read_only_reason)
        if "name" not in kept:
            self.claim_type_name_edit.setText(claim_type.name if claim_type else "")
        self.claim_type_hotkey_edit.setText(claim_type.hotkey.upper() if claim_type else "")
        self.claim_type_hotkey_status.clear()
        if "description" not in kept:
            self.claim_type_description_edit.setText(claim_type.description if claim_type else "")

    def _on_current_label(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        self._commit_guideline()  # before the form shows another label
        self._show_label(current.data(LABEL_ROLE) if current is not None else None)

    def _form_text(self, name: str) -> str:
        if name == "guideline":
            return self.guideline_edit.toPlainText()
        return (self.name_edit if name == "name" else self.description_edit).text()

    def _show_label(self, name: str | None, typed_over: EntityLabel | None = None) -> None:
        """The form on label ``name``; with ``typed_over`` (the label as the form last showed it), a
        text field the user has typed over since is left as it is."""
        self._selected = name
        entity = self.scheme.entity(name) if name else None
        kept = {f for f in TEXT_FIELDS if typed_over is not None and self._form_text(f) != getattr(typed_over, f)}
        self.details.setEnabled(entity is not None and not self.read_only_reason)
        if "name" not in kept:
            self.name_edit.setText(entity.name if entity else "")
        self.hotkey_edit.setText(entity.hotkey.upper() if entity else "")
        self.hotkey_status.clear()
        self.color_button.setIcon(swatch(entity.color) if entity else swatch("#ffffff"))
        self.color_button.setText(entity.color if entity else "")
        if "description" not in kept:
            self.description_edit.setText(entity.description if entity else "")
        if "guideline" not in kept:
            self.guideline_edit.setPlainText(entity.guideline if entity else "")
        definitions = scheme_edits.attributes_of(self.scheme, name) if name else ()
        self.attribute_table.setRowCount(len(definitions))
        for row, definition in enumerate(definitions):
            self.attribute_table.setItem(row, 0, QTableWidgetItem(definition.name))
            self.attribute_table.setItem(row, 1, QTableWidgetItem(self.attribute_type.itemText(
                self.attribute_type.findData(definition.type))))
            self.attribute_table.setItem(row, 2, QTableWidgetItem(", ".join(definition.choices)))

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(text)

    def _refresh_history(self, undo: str | None, redo: str | None) -> None:
        writable = not self.read_only_reason
        self.undo_button.setText(self.tr("Undo: %1").replace("%1", undo) if undo else self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo: %1").replace("%1", redo) if redo else self.tr("Redo"))
        self.undo_button.setEnabled(writable and undo is not None)
        self.redo_button.setEnabled(writable and redo is not None)

    # ------------------------------------------------------------ saving
    def _name_now(self, name: str) -> str:
        """``name`` as the store will call the label once the pending renames are saved."""
        return self._label_saves.name_now(name)

    def _save(self, change: Callable[[], Any], *, select: str | None = None, follow: str | None = None,
              select_type: str | None = None, follow_type: str | None = None,
              pending_field: tuple[str, str, str] | None = None, pending_rename: str | None = None,
              pending: PendingSaves | None = None) -> None:
        """Run a scheme service call on the runner; show the scheme in force when it lands.

        The form then stays on the label the user is on at that moment, unless the save names one
        to ``select`` (a new, renamed or merged-into label): that one, if the user is still on
        ``follow`` (the label it came from; None: in any case). ``select_type`` and ``follow_type``:
        the same for the claim type form. ``pending_field`` and ``pending_rename`` are the entries of
        this save in ``pending`` (the labels' pending saves unless given), dropped when it lands."""
        workspace, user = self.workspace, self.user
        saves = pending if pending is not None else self._label_saves

        def task() -> tuple[Any, SchemeView]:
            return change(), read_scheme_view(workspace, user)

        def landed() -> None:
            saves.landed(pending_field, pending_rename)

        def followed(chosen: str | None, came_from: str | None, now: str | None, names: PendingSaves) -> str | None:
            """The item the form shows once the save lands: ``chosen`` if the user is still where it
            came from, else the one they are on."""
            if chosen is not None and (came_from is None or came_from in (now, names.name_now(now) if now else None)):
                return chosen
            return now

        def done(result: tuple[Any, SchemeView]) -> None:
            landed()
            changes, state = result
            keep = followed(select, follow, self._selected, self._label_saves)
            keep_type = followed(select_type, follow_type, self._selected_type, self._type_saves)
            self.counts = dict(state.counts)
            self.claim_counts = dict(state.claim_counts)
            self._show_scheme(state.scheme, keep, keep_type)
            self._refresh_history(state.undo_label, state.redo_label)
            label = getattr(changes, "label", "") or ""
            self._show_status(self.tr("Saved version %1: %2").replace("%1", str(state.scheme.version))
                              .replace("%2", label))
            self.scheme_changed.emit(state.scheme)

        def failed(exc: BaseException) -> None:
            landed()
            self._failed(exc)

        self.runner.run(task, on_done=done, on_error=failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputError):
            message = "\n".join(str(p) for p in exc.problems)
        elif isinstance(exc, ServiceError):
            message = str(exc)
        else:
            log.error("scheme change failed", exc_info=exc)
            message = f"{type(exc).__name__}: {exc}"
        self._show_status(self.tr("Not saved: %1").replace("%1", message), error=True)
        self._show_label(self._selected)  # the forms show what is stored again
        self._show_claim_type(self._selected_type)

    # ------------------------------------------------------------ label edits
    def add_label(self) -> None:
        """A new label with a free hotkey; the name field is then ready to be typed over."""
        existing = set(self.labels())
        name = next(f"NEW{n or ''}" for n in range(0, 1000) if f"NEW{n or ''}" not in existing)
        color = NEW_LABEL_COLORS[len(existing) % len(NEW_LABEL_COLORS)]
        label = EntityLabel(name, scheme_edits.free_hotkey(self.scheme), color)
        workspace, user = self.workspace, self.user
        self._save(lambda: schemes.add_label(workspace, label, user=user), select=name)
        self.runner.wait()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _commit_name(self) -> None:
        """Enter in (or leaving) the name field renames the label; again with a rename of it
        pending, only a name other than the one it is getting is a rename, from that one."""
        shown, new = self._selected, self.name_edit.text().strip()
        if shown is None or self.read_only_reason:
            return
        old = self._name_now(shown)
        if new == old:
            return
        problem = scheme_edits.name_problem(new)
        if problem:
            self._show_status(problem, error=True)
            return
        workspace, user = self.workspace, self.user
        self._label_saves.renames[old] = new
        self._save(lambda: schemes.rename_label(workspace, old, new, user=user), select=new, follow=old,
                   pending_rename=old)

    def _on_hotkey_typed(self, text: str) -> None:
        """Checked at each key; a free key is saved at once."""
        name = self._selected
        if name is None:
            return
        key = text.strip().upper()
        if not key:
            self.hotkey_status.setText(self.tr("Type one key"))
            return
        problem = scheme_edits.hotkey_problem(self.scheme, name, key)
        if problem:
            self.hotkey_status.setText(problem)
            return
        self.hotkey_status.clear()
        entity = self.scheme.entity(name)
        if entity is not None:
            self._commit_field("hotkey", key, stored=entity.hotkey.upper())

    def _pick_color(self) -> None:
        entity = self.scheme.entity(self._selected) if self._selected else None
        if entity is None:
            return
        color = QColorDialog.getColor(QColor(entity.color), self, self.tr("Colour of %1").replace("%1", entity.name))
        if color.isValid():
            self.set_color(color.name())

    def set_color(self, color: str) -> None:
        self._commit_field("color", color)

    def _commit_description(self) -> None:
        self._commit_field("description", self.description_edit.text().strip())

    def _commit_guideline(self) -> None:
        self._commit_field("guideline", self.guideline_edit.toPlainText().strip())

    def _commit_field(self, field_name: str, value: str, *, stored: str | None = None) -> None:
        """Save a field of the label on show, unless that value is already pending or stored."""
        name = self._selected
        entity = self.scheme.entity(name) if name else None
        if entity is None or self.read_only_reason:
            return
        label = self._name_now(entity.name)
        if value == self._label_saves.value_now(label, field_name,
                                                getattr(entity, field_name) if stored is None else stored):
            return
        workspace, user = self.workspace, self.user
        pending = (label, field_name, value)
        self._label_saves.fields.append(pending)
        self._save(lambda: schemes.change_label(workspace, label, user=user, **{field_name: value}),
                   pending_field=pending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.guideline_edit and event.type() == QEvent.Type.FocusOut:
            self._commit_guideline()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ delete, merge
    def confirm(self, title: str, text: str) -> bool:
        """Ask before a change that moves or removes annotations (tests answer for the user)."""
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def choose_merge_target(self, source: str) -> str | None:
        choices = [name for name in self.labels() if name != source]
        target, ok = QInputDialog.getItem(self, self.tr("Merge %1").replace("%1", source),
                                          self.tr("Merge %1 into:").replace("%1", source), choices, 0, False)
        return target if ok and target else None

    def _by_owner(self, by_owner: dict[str, int]) -> str:
        return ", ".join(f"{owner} {count}" for owner, count in by_owner.items()) or "—"

    def describe_delete(self, found: LabelImpact) -> str:
        text = self.tr("Delete the label %1? It removes %2 spans (%3), %4 relations on them, "
                       "and %5 claims lose their speaker. You can undo this.")
        return (text.replace("%1", found.label).replace("%2", str(found.spans))
                .replace("%3", self._by_owner(found.spans_by_owner))
                .replace("%4", str(found.relations)).replace("%5", str(found.speakers)))

    def describe_merge(self, found: LabelImpact, target: str) -> str:
        text = self.tr("Merge %1 into %2? %3 spans (%4) become %2; %5 of them are dropped because a %2 span "
                       "is already at the same place. You can undo this.")
        return (text.replace("%1", found.label).replace("%2", target).replace("%3", str(found.spans))
                .replace("%4", self._by_owner(found.spans_by_owner)).replace("%5", str(found.twins)))

    def delete_selected(self) -> None:
        name, workspace, user = self._selected, self.workspace, self.user
        if name is None:
            return
        name = self._name_now(name)

        def ask(found: LabelImpact) -> None:
            if self.confirm(self.tr("Delete label"), self.describe_delete(found)):
                self._save(lambda: schemes.delete_label(workspace, name, user=user))

        self.runner.run(lambda: schemes.impact(workspace, name), on_done=ask, on_error=self._failed)

    def merge_selected(self) -> None:
        source, workspace, user = self._selected, self.workspace, self.user
        target = self.choose_merge_target(source) if source else None
        if source is None or target is None:
            return
        source, target = self._name_now(source), self._name_now(target)

        def ask(found: LabelImpact) -> None:
            if self.confirm(self.tr("Merge labels"), self.describe_merge(found, target)):
                self._save(lambda: schemes.merge_label(workspace, source, target, user=user), select=target,
                           follow=source)

        self.runner.run(lambda: schemes.impact(workspace, source, merge_into=target), on_done=ask,
                        on_error=self._failed)

    # ------------------------------------------------------------ claim types
    def add_claim_type(self) -> None:
        """A new claim type with a free hotkey; the name field is then ready to be typed over."""
        existing = set(self.claim_types())
        name = next(f"NEW{n or ''}" for n in range(0, 1000) if f"NEW{n or ''}" not in existing)
        claim_type = ClaimType(name, scheme_edits.free_hotkey(self.scheme))
        workspace, user = self.workspace, self.user
        self._save(lambda: schemes.add_claim_type(workspace, claim_type, user=user), select_type=name)
        self.runner.wait()
        self.claim_type_name_edit.setFocus()
        self.claim_type_name_edit.selectAll()

    def _commit_claim_type_name(self) -> None:
        """Enter in (or leaving) the name field renames the claim type, as for labels."""
        shown, new = self._selected_type, self.claim_type_name_edit.text().strip()
        if shown is None or self.read_only_reason:
            return
        old = self._type_saves.name_now(shown)
        if new == old:
            return
        problem = scheme_edits.name_problem(new)
        if problem:
            self._show_status(problem, error=True)
            return
        workspace, user = self.workspace, self.user
        self._type_saves.renames[old] = new
        self._save(lambda: schemes.rename_claim_type(workspace, old, new, user=user), select_type=new,
                   follow_type=old, pending=self._type_saves, pending_rename=old)

    def _on_claim_type_hotkey_typed(self, text: str) -> None:
        """Checked at each key; a free key is saved at once."""
        claim_type = self._claim_type(self._selected_type)
        if claim_type is None:
            return
        key = text.strip().upper()
        if not key:
            self.claim_type_hotkey_status.setText(self.tr("Type one key"))
            return
        problem = scheme_edits.hotkey_problem(self.scheme, None, key, claim_type=claim_type.name)
        if problem:
            self.claim_type_hotkey_status.setText(problem)
            return
        self.claim_type_hotkey_status.clear()
        self._commit_claim_type_field("hotkey", key, stored=claim_type.hotkey.upper())

    def _commit_claim_type_description(self) -> None:
        self._commit_claim_type_field("description", self.claim_type_description_edit.text().strip())

    def _commit_claim_type_field(self, field_name: str, value: str, *, stored: str | None = None) -> None:
        """Save a field of the claim type on show, unless that value is already pending or stored."""
        claim_type = self._claim_type(self._selected_type)
        if claim_type is None or self.read_only_reason:
            return
        name = self._type_saves.name_now(claim_type.name)
        if value == self._type_saves.value_now(name, field_name,
                                               getattr(claim_type, field_name) if stored is None else stored):
            return
        workspace, user = self.workspace, self.user
        pending = (name, field_name, value)
        self._type_saves.fields.append(pending)
        self._save(lambda: schemes.change_claim_type(workspace, name, user=user, **{field_name: value}),
                   pending=self._type_saves, pending_field=pending)

    def describe_claim_type_delete(self, found: ClaimTypeImpact) -> str:
        text = self.tr("Delete the claim type %1? It removes %2 claims (%3), with the %4 relations and "
                       "%5 notes on them. You can undo this.")
        return (text.replace("%1", found.claim_type).replace("%2", str(found.claims))
                .replace("%3", self._by_owner(found.claims_by_owner)).replace("%4", str(found.relations))
                .replace("%5", str(found.notes)))

    def delete_selected_claim_type(self) -> None:
        shown, workspace, user = self._selected_type, self.workspace, self.user
        if shown is None or self.read_only_reason:
            return
        try:  # the last claim type stays: say so before asking
            scheme_edits.remove_claim_type(self.scheme, shown)
        except SchemeError as exc:
            self._show_status(self.tr("Not saved: %1").replace("%1", str(exc)), error=True)
            return
        name = self._type_saves.name_now(shown)

        def ask(found: ClaimTypeImpact) -> None:
            if self.confirm(self.tr("Delete claim type"), self.describe_claim_type_delete(found)):
                self._save(lambda: schemes.delete_claim_type(workspace, name, user=user))

        self.runner.run(lambda: schemes.claim_type_impact(workspace, name), on_done=ask, on_error=self._failed)

    # ------------------------------------------------------------ attributes
    def _update_attribute_form(self) -> None:
        self.attribute_choices.setEnabled(self.attribute_type.currentData() == "choice")

    def add_attribute(self) -> None:
        label, name = self._selected, self.attribute_name.text().strip()
        if label is None or not name:
            self._show_status(self.tr("Give the attribute a name"), error=True)
            return
        kind = self.attribute_type.currentData()
        choices = tuple(c.strip() for c in self.attribute_choices.text().split(",") if c.strip()) \
            if kind == "choice" else ()
        definition, workspace, user = AttributeDef(name, kind, choices), self.workspace, self.user
        label = self._name_now(label)
        self._save(lambda: schemes.add_attribute(workspace, label, definition, user=user))
        self.attribute_name.clear()
        self.attribute_choices.clear()

    def remove_selected_attribute(self) -> None:
        label, row = self._selected, self.attribute_table.currentRow()
        if label is None or row < 0:
            return
        name, workspace, user = self.attribute_table.item(row, 0).text(), self.workspace, self.user
        label = self._name_now(label)
        self._save(lambda: schemes.remove_attribute(workspace, label, name, user=user))

    # ------------------------------------------------------------ history, files
    def _undo_key(self) -> None:
        if self.undo_button.isEnabled():
            self.undo()

    def _redo_key(self) -> None:
        if self.redo_button.isEnabled():
            self.redo()

    def undo(self) -> None:
        user = self.user
        self._save(lambda: schemes.undo(self.workspace, user=user))

    def redo(self) -> None:
        user = self.user
        self._save(lambda: schemes.redo(self.workspace, user=user))

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import scheme"), "", self.tr("Scheme (*.json)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        user = self.user
        self._save(lambda: schemes.import_scheme(self.workspace, path, user=user))

    def _choose_export(self) -> None:
        # the dialog's own "replace?" is left out: ask_to_write asks, and says why
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export scheme"), "scheme.json", self.tr("Scheme (*.json)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.export_file(Path(name))

    def export_file(self, path: Path) -> None:
        force = ask_to_write(self, self.workspace, path)
        if force is None:
            return

        def done(scheme: Scheme) -> None:
            self._show_status(self.tr("Wrote version %1 to %2").replace("%1", str(scheme.version))
                              .replace("%2", str(path)))

        self.runner.run(lambda: schemes.export_scheme(self.workspace, path, force=force), on_done=done,
                        on_error=self._failed)

    def closeEvent(self, event) -> None:  # noqa: N802
        self._commit_guideline()
        super().closeEvent(event)

    def accept(self) -> None:
        self._commit_guideline()
        super().accept()
