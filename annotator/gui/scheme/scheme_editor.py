"""The scheme editor: labels, hotkeys, colours, guidelines and attributes, and on a second tab
the claim types (name, hotkey, description), saved as you go.

Both tabs are one class, :class:`SchemeItemTab`, by kind (the list, name, hotkey and
description, add, rename, delete); :class:`LabelsTab` adds what labels alone have
(colour, guideline, attributes, merge).

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
save lands the form stays on the label the user is on by then. Each tab keeps
its own pending saves (:class:`PendingSaves`) and its own form, by the same rules.
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
from annotator.gui.scheme import brat_offer
from annotator.services import schemes
from annotator.services.errors import ServiceError
from annotator.services.schemes import CLAIM, ENTITY, Impact
from annotator.services.views.scheme_view import SchemeView, read_scheme_view
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

# Colours for new labels, in turn (the user recolours them at will).
NEW_LABEL_COLORS = ("#42d4f4", "#bfef45", "#dcbeff", "#aaffc3", "#ffd8b1", "#fabed4", "#a9a9a9")
ERROR_STYLE = "color: #b00020;"


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


Item = EntityLabel | ClaimType


class SchemeItemTab(QWidget):
    """One tab of the editor: the scheme's items of one kind (ENTITY: labels, CLAIM: claim types)
    in a list, and a form on the one selected (name, hotkey, description), each field saved as it
    is committed. Add, rename and delete go through the services by kind; a subclass says what its
    kind's items are and adds what only they have."""

    text_fields: tuple[str, ...] = ("name", "description")  # typed in the form, committed when left

    def __init__(self, editor: SchemeEditor, kind: str) -> None:
        super().__init__()
        self.editor, self.kind = editor, kind
        self.saves = PendingSaves()  # of this tab's items
        self.selected: str | None = None  # the item the form is on
        self.counts: dict[str, int] = {}  # item -> spans (claims) of it, over every set

        self.item_list = QListWidget()
        self.add_button = QPushButton()
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(self.item_list)
        left.addLayout(self.buttons)

        self.name_edit = QLineEdit()
        self.hotkey_edit, self.hotkey_status, hotkey_row = _hotkey_field()
        self.description_edit = QLineEdit()
        self.form = QFormLayout()
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.form.addRow(self.tr("Hotkey"), hotkey_row)
        self.form.addRow(self.tr("Description"), self.description_edit)
        self.right = QVBoxLayout()
        self.right.addLayout(self.form)
        self.details = QWidget()
        self.details.setLayout(self.right)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 2)
        columns.addWidget(self.details, 3)

        self.item_list.currentItemChanged.connect(self._on_current)
        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_selected)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.hotkey_edit.textEdited.connect(self._on_hotkey_typed)
        self.description_edit.editingFinished.connect(
            lambda: self.commit_field("description", self.description_edit.text().strip()))

    # ------------------------------------------------------------ what differs by kind
    def items(self) -> tuple[Item, ...]:
        """This kind's items in the scheme on show."""
        raise NotImplementedError

    def list_item(self, item: Item) -> QListWidgetItem:
        raise NotImplementedError

    def hotkey_problem(self, name: str, key: str) -> str | None:
        raise NotImplementedError

    def add_call(self, name: str) -> Callable[[], Any]:
        """The service call that adds a new item ``name`` with a free hotkey."""
        raise NotImplementedError

    def remove_edit(self, scheme: Scheme, name: str) -> Scheme:
        raise NotImplementedError

    def describe_delete(self, found: Impact) -> tuple[str, str]:
        """The title and the question before a delete."""
        raise NotImplementedError

    def show_extras(self, item: Item | None, kept: set[str]) -> None:
        """The parts of the form a subclass adds, on ``item`` (``kept``: text fields typed over)."""

    # ------------------------------------------------------------ showing
    @property
    def scheme(self) -> Scheme:
        return self.editor.scheme

    def names(self) -> list[str]:
        return [self.item_list.item(i).data(LABEL_ROLE) for i in range(self.item_list.count())]

    def find(self, name: str | None) -> Item | None:
        return next((item for item in self.items() if item.name == name), None) if name else None

    def show_items(self, select: str | None, typed_over: Item | None = None) -> None:
        """The list of the scheme on show, with ``select`` current (else the first). The same item
        as ``typed_over`` (as the form last showed it) keeps what the user has typed and not committed."""
        self.item_list.blockSignals(True)  # no commit of the form: this is no move of the user's
        try:
            self.item_list.clear()
            for item in self.items():
                self.item_list.addItem(self.list_item(item))
            names = self.names()
            if select not in names:
                select = names[0] if names else None
            if select is not None:
                self.item_list.setCurrentRow(names.index(select))
        finally:
            self.item_list.blockSignals(False)
        self.show_form(select, typed_over if typed_over is not None and typed_over.name == select else None)

    def _on_current(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        self.show_form(current.data(LABEL_ROLE) if current is not None else None)

    def form_text(self, field_name: str) -> str:
        return (self.name_edit if field_name == "name" else self.description_edit).text()

    def show_form(self, name: str | None, typed_over: Item | None = None) -> None:
        """The form on ``name``; with ``typed_over`` (the item as the form last showed it), a
        text field the user has typed over since is left as it is."""
        self.selected = name
        item = self.find(name)
        kept = {f for f in self.text_fields if typed_over is not None and self.form_text(f) != getattr(typed_over, f)}
        self.details.setEnabled(item is not None and not self.editor.read_only_reason)
        if "name" not in kept:
            self.name_edit.setText(item.name if item else "")
        self.hotkey_edit.setText(item.hotkey.upper() if item else "")
        self.hotkey_status.clear()
        if "description" not in kept:
            self.description_edit.setText(item.description if item else "")
        self.show_extras(item, kept)

    # ------------------------------------------------------------ edits
    def add_item(self) -> None:
        """A new item with a free hotkey; the name field is then ready to be typed over."""
        existing = set(self.names())
        name = next(f"NEW{n or ''}" for n in range(0, 1000) if f"NEW{n or ''}" not in existing)
        self.editor.save(self.add_call(name), tab=self, select=name)
        self.editor.runner.wait()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _commit_name(self) -> None:
        """Enter in (or leaving) the name field renames the item; again with a rename of it
        pending, only a name other than the one it is getting is a rename, from that one."""
        shown, new = self.selected, self.name_edit.text().strip()
        if shown is None or self.editor.read_only_reason:
            return
        old = self.saves.name_now(shown)
        if new == old:
            return
        problem = scheme_edits.name_problem(new)
        if problem:
            self.editor.show_status(problem, error=True)
            return
        workspace, user, kind = self.editor.workspace, self.editor.user, self.kind
        self.saves.renames[old] = new
        self.editor.save(lambda: schemes.rename_item(workspace, kind, old, new, user=user), tab=self, select=new,
                         follow=old, pending_rename=old)

    def _on_hotkey_typed(self, text: str) -> None:
        """Checked at each key; a free key is saved at once."""
        item = self.find(self.selected)
        if item is None:
            return
        key = text.strip().upper()
        if not key:
            self.hotkey_status.setText(self.tr("Type one key"))
            return
        problem = self.hotkey_problem(item.name, key)
        if problem:
            self.hotkey_status.setText(problem)
            return
        self.hotkey_status.clear()
        self.commit_field("hotkey", key, stored=item.hotkey.upper())

    def commit_field(self, field_name: str, value: str, *, stored: str | None = None) -> None:
        """Save a field of the item on show, unless that value is already pending or stored."""
        item = self.find(self.selected)
        if item is None or self.editor.read_only_reason:
            return
        name = self.saves.name_now(item.name)
        if value == self.saves.value_now(name, field_name, getattr(item, field_name) if stored is None else stored):
            return
        workspace, user, kind = self.editor.workspace, self.editor.user, self.kind
        pending = (name, field_name, value)
        self.saves.fields.append(pending)
        self.editor.save(lambda: schemes.change_item(workspace, kind, name, user=user, **{field_name: value}),
                         tab=self, pending_field=pending)

    def delete_selected(self) -> None:
        """Ask, saying what the delete removes, then delete; the last item stays, said before asking."""
        shown, workspace, user, kind = self.selected, self.editor.workspace, self.editor.user, self.kind
        if shown is None or self.editor.read_only_reason:
            return
        try:
            self.remove_edit(self.scheme, shown)
        except SchemeError as exc:
            self.editor.show_status(self.tr("Not saved: %1").replace("%1", str(exc)), error=True)
            return
        name = self.saves.name_now(shown)

        def ask(found: Impact) -> None:
            if self.editor.confirm(*self.describe_delete(found)):
                self.editor.save(lambda: schemes.delete_item(workspace, kind, name, user=user), tab=self)

        self.editor.runner.run(lambda: schemes.item_impact(workspace, kind, name), on_done=ask,
                               on_error=self.editor.show_failure)


def _by_owner(by_owner: dict[str, int]) -> str:
    return ", ".join(f"{owner} {count}" for owner, count in by_owner.items()) or "—"


class LabelsTab(SchemeItemTab):
    """The labels: the common form with a label's colour and guideline, its attributes, and merge."""

    text_fields = ("name", "description", "guideline")

    def __init__(self, editor: SchemeEditor) -> None:
        super().__init__(editor, ENTITY)
        self.add_button.setText(self.tr("Add label"))
        self.merge_button = QPushButton(self.tr("Merge into…"))
        self.buttons.addWidget(self.merge_button)
        self.color_button = QPushButton(self.tr("Colour…"))
        self.guideline_edit = QPlainTextEdit()
        self.guideline_edit.setPlaceholderText(self.tr("When to use this label, with examples; "
                                                       "shown as a tooltip in the palette and the list of keys"))
        self.guideline_edit.installEventFilter(self)  # saved when it loses focus
        self.form.insertRow(2, self.tr("Colour"), self.color_button)
        self.form.addRow(self.tr("Guideline"), self.guideline_edit)

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
        self.right.addWidget(attributes_box)

        self.merge_button.clicked.connect(self.merge_selected)
        self.color_button.clicked.connect(self._pick_color)
        self.attribute_type.currentIndexChanged.connect(self._update_attribute_form)
        self.add_attribute_button.clicked.connect(self.add_attribute)
        self.remove_attribute_button.clicked.connect(self.remove_selected_attribute)
        self._update_attribute_form()

    def items(self) -> tuple[EntityLabel, ...]:
        return self.scheme.entities

    def list_item(self, item: Item) -> QListWidgetItem:
        assert isinstance(item, EntityLabel)
        count = self.tr("%n span(s)", "", self.counts.get(item.name, 0))
        row = QListWidgetItem(swatch(item.color), f"{item.hotkey.upper():>2}   {item.name}   ·  {count}")
        row.setData(LABEL_ROLE, item.name)
        row.setToolTip(item.guideline or item.description)
        return row

    def hotkey_problem(self, name: str, key: str) -> str | None:
        return scheme_edits.hotkey_problem(self.scheme, name, key)

    def add_call(self, name: str) -> Callable[[], Any]:
        color = NEW_LABEL_COLORS[len(self.names()) % len(NEW_LABEL_COLORS)]
        label = EntityLabel(name, scheme_edits.free_hotkey(self.scheme), color)
        workspace, user = self.editor.workspace, self.editor.user
        return lambda: schemes.add_label(workspace, label, user=user)

    def remove_edit(self, scheme: Scheme, name: str) -> Scheme:
        return scheme_edits.remove_label(scheme, name)

    def describe_delete(self, found: Impact) -> tuple[str, str]:
        text = self.tr("Delete the label %1? It removes spans: %2 (%3), relations on them: %4; "
                       "claims that lose their speaker: %5. You can undo this.")
        return self.tr("Delete label"), (
            text.replace("%1", found.name).replace("%2", str(found.count)).replace("%3", _by_owner(found.by_owner))
            .replace("%4", str(found.relations)).replace("%5", str(found.speakers)))

    def describe_merge(self, found: Impact, target: str) -> str:
        text = self.tr("Merge %1 into %2? Spans that become %2: %3 (%4); dropped because a %2 span "
                       "is already at the same place: %5. You can undo this.")
        return (text.replace("%1", found.name).replace("%2", target).replace("%3", str(found.count))
                .replace("%4", _by_owner(found.by_owner)).replace("%5", str(found.twins)))

    def _on_current(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        self.commit_guideline()  # before the form shows another label
        super()._on_current(current, _previous)

    def form_text(self, field_name: str) -> str:
        return self.guideline_edit.toPlainText() if field_name == "guideline" else super().form_text(field_name)

    def show_extras(self, item: Item | None, kept: set[str]) -> None:
        assert item is None or isinstance(item, EntityLabel)
        self.color_button.setIcon(swatch(item.color) if item else swatch("#ffffff"))
        self.color_button.setText(item.color if item else "")
        if "guideline" not in kept:
            self.guideline_edit.setPlainText(item.guideline if item else "")
        definitions = scheme_edits.attributes_of(self.scheme, item.name) if item else ()
        self.attribute_table.setRowCount(len(definitions))
        for row, definition in enumerate(definitions):
            self.attribute_table.setItem(row, 0, QTableWidgetItem(definition.name))
            self.attribute_table.setItem(row, 1, QTableWidgetItem(self.attribute_type.itemText(
                self.attribute_type.findData(definition.type))))
            self.attribute_table.setItem(row, 2, QTableWidgetItem(", ".join(definition.choices)))

    def _pick_color(self) -> None:
        entity = self.scheme.entity(self.selected) if self.selected else None
        if entity is None:
            return
        color = QColorDialog.getColor(QColor(entity.color), self, self.tr("Colour of %1").replace("%1", entity.name))
        if color.isValid():
            self.set_color(color.name())

    def set_color(self, color: str) -> None:
        self.commit_field("color", color)

    def commit_guideline(self) -> None:
        self.commit_field("guideline", self.guideline_edit.toPlainText().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.guideline_edit and event.type() == QEvent.Type.FocusOut:
            self.commit_guideline()
        return super().eventFilter(watched, event)

    def merge_selected(self) -> None:
        source, workspace, user = self.selected, self.editor.workspace, self.editor.user
        target = self.editor.choose_merge_target(source) if source else None
        if source is None or target is None:
            return
        source, target = self.saves.name_now(source), self.saves.name_now(target)

        def ask(found: Impact) -> None:
            if self.editor.confirm(self.tr("Merge labels"), self.describe_merge(found, target)):
                self.editor.save(lambda: schemes.merge_label(workspace, source, target, user=user), tab=self,
                                 select=target, follow=source)

        self.editor.runner.run(lambda: schemes.item_impact(workspace, ENTITY, source, merge_into=target),
                               on_done=ask, on_error=self.editor.show_failure)

    def _update_attribute_form(self) -> None:
        self.attribute_choices.setEnabled(self.attribute_type.currentData() == "choice")

    def add_attribute(self) -> None:
        label, name = self.selected, self.attribute_name.text().strip()
        if label is None or not name:
            self.editor.show_status(self.tr("Give the attribute a name"), error=True)
            return
        kind = self.attribute_type.currentData()
        choices = tuple(c.strip() for c in self.attribute_choices.text().split(",") if c.strip()) \
            if kind == "choice" else ()
        definition, workspace, user = AttributeDef(name, kind, choices), self.editor.workspace, self.editor.user
        label = self.saves.name_now(label)
        self.editor.save(lambda: schemes.add_attribute(workspace, label, definition, user=user), tab=self)
        self.attribute_name.clear()
        self.attribute_choices.clear()

    def remove_selected_attribute(self) -> None:
        label, row = self.selected, self.attribute_table.currentRow()
        if label is None or row < 0:
            return
        name, workspace, user = self.attribute_table.item(row, 0).text(), self.editor.workspace, self.editor.user
        label = self.saves.name_now(label)
        self.editor.save(lambda: schemes.remove_attribute(workspace, label, name, user=user), tab=self)


class ClaimTypesTab(SchemeItemTab):
    """The claim types: the common form alone."""

    def __init__(self, editor: SchemeEditor) -> None:
        super().__init__(editor, CLAIM)
        self.add_button.setText(self.tr("Add claim type"))
        self.buttons.addStretch(1)
        self.description_edit.setPlaceholderText(self.tr("What a claim of this type asserts, with an example"))
        self.right.addStretch(1)

    def items(self) -> tuple[ClaimType, ...]:
        return self.scheme.claim_types

    def list_item(self, item: Item) -> QListWidgetItem:
        count = self.tr("%n claim(s)", "", self.counts.get(item.name, 0))
        row = QListWidgetItem(f"{item.hotkey.upper():>2}   {item.name}   ·  {count}")
        row.setData(LABEL_ROLE, item.name)
        row.setToolTip(item.description)
        return row

    def hotkey_problem(self, name: str, key: str) -> str | None:
        return scheme_edits.hotkey_problem(self.scheme, None, key, claim_type=name)

    def add_call(self, name: str) -> Callable[[], Any]:
        claim_type = ClaimType(name, scheme_edits.free_hotkey(self.scheme))
        workspace, user = self.editor.workspace, self.editor.user
        return lambda: schemes.add_claim_type(workspace, claim_type, user=user)

    def remove_edit(self, scheme: Scheme, name: str) -> Scheme:
        return scheme_edits.remove_claim_type(scheme, name)

    def describe_delete(self, found: Impact) -> tuple[str, str]:
        text = self.tr("Delete the claim type %1? It removes claims: %2 (%3), with the relations (%4) and "
                       "notes (%5) on them. You can undo this.")
        return self.tr("Delete claim type"), (
            text.replace("%1", found.name).replace("%2", str(found.count)).replace("%3", _by_owner(found.by_owner))
            .replace("%4", str(found.relations)).replace("%5", str(found.notes)))


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
        self.setWindowTitle(self.tr("Annotation scheme"))
        self.labels_tab = LabelsTab(self)
        self.claim_types_tab = ClaimTypesTab(self)
        self.item_tabs: tuple[SchemeItemTab, ...] = (self.labels_tab, self.claim_types_tab)

        # --- the scheme as a whole ---
        self.undo_button = QPushButton(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        self.import_button = QPushButton(self.tr("Import scheme…"))
        self.export_button = QPushButton(self.tr("Export scheme…"))
        self.brat_button = QPushButton(self.tr("From brat annotation.conf…"))
        self.brat_button.setToolTip(self.tr("Add the labels, relation types and attributes a brat "
                                            "configuration names and the scheme lacks"))
        self.last_brat_proposal = None  # the brat proposal last shown (brat_offer.py)
        self.close_button = QPushButton(self.tr("Close"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        bottom = QHBoxLayout()
        for button in (self.undo_button, self.redo_button, self.import_button, self.export_button, self.brat_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.labels_tab, self.tr("Labels"))
        self.tabs.addTab(self.claim_types_tab, self.tr("Claim types"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

        # Enter in a field commits that field; it must not also press a button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

        self.undo_button.clicked.connect(self.undo)
        # Ctrl+Z / Ctrl+Shift+Z undo the scheme's last change (in a text field they undo its typing)
        for keys, slot in (("Ctrl+Z", self._undo_key), ("Ctrl+Shift+Z", self._redo_key), ("Ctrl+Y", self._redo_key)):
            QShortcut(QKeySequence(keys), self, activated=slot)  # the same keys as the main window's
        self.redo_button.clicked.connect(self.redo)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        self.brat_button.clicked.connect(self._choose_brat_conf)
        self.close_button.clicked.connect(self.accept)

        if self.read_only_reason:
            for tab in self.item_tabs:
                for widget in (tab.add_button, tab.delete_button, tab.details):
                    widget.setEnabled(False)
            for widget in (self.labels_tab.merge_button, self.undo_button, self.redo_button, self.import_button,
                           self.brat_button):
                widget.setEnabled(False)
            self.show_status(self.read_only_reason, error=True)
        self._show_scheme(state, [None, None])
        self._refresh_history(state.undo_label, state.redo_label)
        self.resize(900, 560)

    # ------------------------------------------------------------ showing
    def _show_scheme(self, state: SchemeView, select: list[str | None]) -> None:
        """Show the scheme of ``state`` with each tab on its item in ``select`` (None: the first).
        The same item as before keeps what the user has typed in its form and not committed yet."""
        before = [tab.find(tab.selected) for tab in self.item_tabs]
        self.scheme = state.scheme
        self.labels_tab.counts = dict(state.counts)
        self.claim_types_tab.counts = dict(state.claim_counts)
        for tab, name, typed_over in zip(self.item_tabs, select, before, strict=True):
            tab.show_items(name, typed_over)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(text)

    def _refresh_history(self, undo: str | None, redo: str | None) -> None:
        writable = not self.read_only_reason
        self.undo_button.setText(self.tr("Undo: %1").replace("%1", undo) if undo else self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo: %1").replace("%1", redo) if redo else self.tr("Redo"))
        self.undo_button.setEnabled(writable and undo is not None)
        self.redo_button.setEnabled(writable and redo is not None)

    # ------------------------------------------------------------ saving
    def save(self, change: Callable[[], Any], *, tab: SchemeItemTab | None = None, select: str | None = None,
             follow: str | None = None, pending_field: tuple[str, str, str] | None = None,
             pending_rename: str | None = None) -> None:
        """Run a scheme service call on the runner; show the scheme in force when it lands.

        Each tab's form then stays on the item the user is on at that moment, unless the save names
        one of ``tab`` to ``select`` (a new, renamed or merged-into item): that one, if the user is
        still on ``follow`` (the item it came from; None: in any case). ``pending_field`` and
        ``pending_rename`` are the entries of this save in ``tab``'s pending saves, dropped when it lands."""
        workspace, user = self.workspace, self.user

        def task() -> tuple[Any, SchemeView]:
            return change(), read_scheme_view(workspace, user)

        def landed() -> None:
            if tab is not None:
                tab.saves.landed(pending_field, pending_rename)

        def followed(shown: SchemeItemTab) -> str | None:
            """The item ``shown`` shows once the save lands: ``select`` if the user is still where it
            came from, else the one they are on."""
            now = shown.selected
            if shown is tab and select is not None and (
                    follow is None or follow in (now, shown.saves.name_now(now) if now else None)):
                return select
            return now

        def done(result: tuple[Any, SchemeView]) -> None:
            landed()
            changes, state = result
            self._show_scheme(state, [followed(shown) for shown in self.item_tabs])
            self._refresh_history(state.undo_label, state.redo_label)
            label = getattr(changes, "label", "") or ""
            self.show_status(self.tr("Saved version %1: %2").replace("%1", str(state.scheme.version))
                             .replace("%2", label))
            self.scheme_changed.emit(state.scheme)

        def failed(exc: BaseException) -> None:
            landed()
            self.show_failure(exc)

        self.runner.run(task, on_done=done, on_error=failed)

    def show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, InputError):
            message = "\n".join(str(p) for p in exc.problems)
        elif isinstance(exc, ServiceError):
            message = str(exc)
        else:
            log.error("scheme change failed", exc_info=exc)
            message = f"{type(exc).__name__}: {exc}"
        self.show_status(self.tr("Not saved: %1").replace("%1", message), error=True)
        for tab in self.item_tabs:  # the forms show what is stored again
            tab.show_form(tab.selected)

    # ------------------------------------------------------------ questions
    def confirm(self, title: str, text: str) -> bool:
        """Ask before a change that moves or removes annotations (tests answer for the user)."""
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def choose_merge_target(self, source: str) -> str | None:
        choices = [name for name in self.labels_tab.names() if name != source]
        target, ok = QInputDialog.getItem(self, self.tr("Merge %1").replace("%1", source),
                                          self.tr("Merge %1 into:").replace("%1", source), choices, 0, False)
        return target if ok and target else None

    # ------------------------------------------------------------ history, files
    def _undo_key(self) -> None:
        if self.undo_button.isEnabled():
            self.undo()

    def _redo_key(self) -> None:
        if self.redo_button.isEnabled():
            self.redo()

    def undo(self) -> None:
        user = self.user
        self.save(lambda: schemes.undo(self.workspace, user=user))

    def redo(self) -> None:
        user = self.user
        self.save(lambda: schemes.redo(self.workspace, user=user))

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import scheme"), "", self.tr("Scheme (*.json)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        user = self.user
        self.save(lambda: schemes.import_scheme(self.workspace, path, user=user))

    def _choose_brat_conf(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("brat configuration"), "",
                                              self.tr("brat configuration (annotation.conf *.conf)"))
        if name:
            self.offer_brat_proposal(Path(name))

    def offer_brat_proposal(self, path: Path) -> None:
        """Show what a brat annotation.conf would add to the scheme, and add it if the user agrees."""
        brat_offer.offer(self, path)

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
            self.show_status(self.tr("Wrote version %1 to %2").replace("%1", str(scheme.version))
                              .replace("%2", str(path)))

        self.runner.run(lambda: schemes.export_scheme(self.workspace, path, force=force), on_done=done,
                        on_error=self.show_failure)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.labels_tab.commit_guideline()
        super().closeEvent(event)

    def accept(self) -> None:
        self.labels_tab.commit_guideline()
        super().accept()

    def reject(self) -> None:  # Esc, Ctrl+W: the guideline being typed is kept, as on close
        self.labels_tab.commit_guideline()
        super().reject()
