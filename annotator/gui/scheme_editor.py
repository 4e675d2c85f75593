"""The scheme editor: labels, hotkeys, colours, guidelines and attributes, saved as you go.

Every edit goes through :mod:`annotator.services.schemes` on the window's task
runner and saves a new scheme version at once (one undoable action in the
scheme's own history). Delete and merge first ask the service what they would
do to the annotations and say it in the confirmation. After each save the
dialog emits :attr:`SchemeEditor.scheme_changed`, on which the window rebuilds
its palette, colours and label keys.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain import scheme_edits
from annotator.domain.problems import InputError
from annotator.domain.scheme import AttributeDef, EntityLabel, Scheme
from annotator.gui.palette import LABEL_ROLE, swatch
from annotator.gui.tasks import TaskRunner
from annotator.services import schemes
from annotator.services.errors import ServiceError
from annotator.services.schemes import LabelImpact
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)

# Colours for new labels, in turn (the user recolours them at will).
NEW_LABEL_COLORS = ("#42d4f4", "#bfef45", "#dcbeff", "#aaffc3", "#ffd8b1", "#fabed4", "#a9a9a9")
ERROR_STYLE = "color: #b00020;"


class SchemeEditor(QDialog):
    scheme_changed = Signal(object)  # the Scheme now in force

    def __init__(self, workspace: Workspace, runner: TaskRunner, user: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.user = user
        self.scheme: Scheme = workspace.current_scheme()
        self.read_only_reason = schemes.refusal(workspace, user)
        self._selected: str | None = None
        self.counts: dict[str, int] = schemes.span_counts(workspace)
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
        self.hotkey_edit = QLineEdit()
        self.hotkey_edit.setMaxLength(1)
        self.hotkey_edit.setFixedWidth(48)
        self.hotkey_status = QLabel()
        self.hotkey_status.setStyleSheet(ERROR_STYLE)
        hotkey_row = QHBoxLayout()
        hotkey_row.addWidget(self.hotkey_edit)
        hotkey_row.addWidget(self.hotkey_status, 1)
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
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
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
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        self.close_button.clicked.connect(self.accept)

        if self.read_only_reason:
            for widget in (self.add_button, self.delete_button, self.merge_button, self.details,
                           self.undo_button, self.redo_button, self.import_button):
                widget.setEnabled(False)
            self._show_status(self.read_only_reason, error=True)
        self._update_attribute_form()
        self._show_scheme(self.scheme, select=self.scheme.entities[0].name if self.scheme.entities else None)
        self._refresh_history()
        self.resize(900, 560)

    # ------------------------------------------------------------ showing
    @property
    def selected_label(self) -> str | None:
        return self._selected

    def labels(self) -> list[str]:
        return [self.label_list.item(i).data(LABEL_ROLE) for i in range(self.label_list.count())]

    def _show_scheme(self, scheme: Scheme, select: str | None) -> None:
        self.scheme = scheme
        self.label_list.blockSignals(True)
        self.label_list.clear()
        for entity in scheme.entities:
            count = self.tr("%1 spans").replace("%1", str(self.counts.get(entity.name, 0)))
            item = QListWidgetItem(swatch(entity.color), f"{entity.hotkey.upper():>2}   {entity.name}   ·  {count}")
            item.setData(LABEL_ROLE, entity.name)
            item.setToolTip(entity.guideline or entity.description)
            self.label_list.addItem(item)
        self.label_list.blockSignals(False)
        names = self.labels()
        if select not in names:
            select = names[0] if names else None
        if select is not None:
            self.label_list.setCurrentRow(names.index(select))  # calls _on_current_label
        else:
            self._show_label(None)

    def _on_current_label(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        self._commit_guideline()  # before the form shows another label
        self._show_label(current.data(LABEL_ROLE) if current is not None else None)

    def _show_label(self, name: str | None) -> None:
        self._selected = name
        entity = self.scheme.entity(name) if name else None
        self.details.setEnabled(entity is not None and not self.read_only_reason)
        self.name_edit.setText(entity.name if entity else "")
        self.hotkey_edit.setText(entity.hotkey.upper() if entity else "")
        self.hotkey_status.clear()
        self.color_button.setIcon(swatch(entity.color) if entity else swatch("#ffffff"))
        self.color_button.setText(entity.color if entity else "")
        self.description_edit.setText(entity.description if entity else "")
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

    def _refresh_history(self) -> None:
        undo, redo = schemes.next_labels(self.workspace)
        writable = not self.read_only_reason
        self.undo_button.setText(self.tr("Undo: %1").replace("%1", undo) if undo else self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo: %1").replace("%1", redo) if redo else self.tr("Redo"))
        self.undo_button.setEnabled(writable and undo is not None)
        self.redo_button.setEnabled(writable and redo is not None)

    # ------------------------------------------------------------ saving
    def _save(self, change: Callable[[], Any], *, select: str | None = None) -> None:
        """Run a scheme service call on the runner; show the scheme in force afterwards."""
        workspace = self.workspace
        keep = select if select is not None else self._selected

        def task() -> tuple[Any, Scheme, dict[str, int]]:
            return change(), workspace.current_scheme(), schemes.span_counts(workspace)

        def done(result: tuple[Any, Scheme, dict[str, int]]) -> None:
            changes, scheme, self.counts = result
            self._show_scheme(scheme, keep)
            self._refresh_history()
            label = getattr(changes, "label", "") or ""
            self._show_status(self.tr("Saved version %1: %2").replace("%1", str(scheme.version)).replace("%2", label))
            self.scheme_changed.emit(scheme)

        self.runner.run(task, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputError):
            message = "\n".join(str(p) for p in exc.problems)
        elif isinstance(exc, ServiceError):
            message = str(exc)
        else:
            log.error("scheme change failed", exc_info=exc)
            message = f"{type(exc).__name__}: {exc}"
        self._show_status(self.tr("Not saved: %1").replace("%1", message), error=True)
        self._show_label(self._selected)  # the form shows what is stored again

    # ------------------------------------------------------------ label edits
    def add_label(self) -> None:
        """A new label with a free hotkey; the name field is then ready to be typed over."""
        existing = set(self.labels())
        name = next(f"NEW{n or ''}" for n in range(0, 1000) if f"NEW{n or ''}" not in existing)
        color = NEW_LABEL_COLORS[len(existing) % len(NEW_LABEL_COLORS)]
        label = EntityLabel(name, scheme_edits.free_hotkey(self.scheme), color)
        user = self.user
        self._save(lambda: schemes.add_label(self.workspace, label, user=user), select=name)
        self.runner.wait()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _commit_name(self) -> None:
        old, new = self._selected, self.name_edit.text().strip()
        if old is None or new == old:
            return
        problem = scheme_edits.name_problem(new)
        if problem:
            self._show_status(problem, error=True)
            return
        user = self.user
        self._save(lambda: schemes.rename_label(self.workspace, old, new, user=user), select=new)

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
        if entity is not None and entity.hotkey.upper() != key:
            user = self.user
            self._save(lambda: schemes.change_label(self.workspace, name, hotkey=key, user=user))

    def _pick_color(self) -> None:
        entity = self.scheme.entity(self._selected) if self._selected else None
        if entity is None:
            return
        color = QColorDialog.getColor(QColor(entity.color), self, self.tr("Colour of %1").replace("%1", entity.name))
        if color.isValid():
            self.set_color(color.name())

    def set_color(self, color: str) -> None:
        name, user = self._selected, self.user
        if name is not None:
            self._save(lambda: schemes.change_label(self.workspace, name, color=color, user=user))

    def _commit_description(self) -> None:
        self._commit_field("description", self.description_edit.text().strip())

    def _commit_guideline(self) -> None:
        self._commit_field("guideline", self.guideline_edit.toPlainText().strip())

    def _commit_field(self, field: str, value: str) -> None:
        name = self._selected
        entity = self.scheme.entity(name) if name else None
        if entity is None or getattr(entity, field) == value or self.read_only_reason:
            return
        user = self.user
        self._save(lambda: schemes.change_label(self.workspace, name, user=user, **{field: value}), select=name)

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

    def _by_owner(self, found: LabelImpact) -> str:
        return ", ".join(f"{owner} {count}" for owner, count in found.spans_by_owner.items()) or "—"

    def describe_delete(self, found: LabelImpact) -> str:
        text = self.tr("Delete the label %1? It removes %2 spans (%3), %4 relations on them, "
                       "and %5 claims lose their speaker. You can undo this.")
        return (text.replace("%1", found.label).replace("%2", str(found.spans)).replace("%3", self._by_owner(found))
                .replace("%4", str(found.relations)).replace("%5", str(found.speakers)))

    def describe_merge(self, found: LabelImpact, target: str) -> str:
        text = self.tr("Merge %1 into %2? %3 spans (%4) become %2; %5 of them are dropped because a %2 span "
                       "is already at the same place. You can undo this.")
        return (text.replace("%1", found.label).replace("%2", target).replace("%3", str(found.spans))
                .replace("%4", self._by_owner(found)).replace("%5", str(found.twins)))

    def delete_selected(self) -> None:
        name, workspace, user = self._selected, self.workspace, self.user
        if name is None:
            return

        def ask(found: LabelImpact) -> None:
            if self.confirm(self.tr("Delete label"), self.describe_delete(found)):
                self._save(lambda: schemes.delete_label(workspace, name, user=user))

        self.runner.run(lambda: schemes.impact(workspace, name), on_done=ask, on_error=self._failed)

    def merge_selected(self) -> None:
        source, workspace, user = self._selected, self.workspace, self.user
        target = self.choose_merge_target(source) if source else None
        if source is None or target is None:
            return

        def ask(found: LabelImpact) -> None:
            if self.confirm(self.tr("Merge labels"), self.describe_merge(found, target)):
                self._save(lambda: schemes.merge_label(workspace, source, target, user=user), select=target)

        self.runner.run(lambda: schemes.impact(workspace, source, merge_into=target), on_done=ask,
                        on_error=self._failed)

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
        definition, user = AttributeDef(name, kind, choices), self.user
        self._save(lambda: schemes.add_attribute(self.workspace, label, definition, user=user))
        self.attribute_name.clear()
        self.attribute_choices.clear()

    def remove_selected_attribute(self) -> None:
        label, row = self._selected, self.attribute_table.currentRow()
        if label is None or row < 0:
            return
        name, user = self.attribute_table.item(row, 0).text(), self.user
        self._save(lambda: schemes.remove_attribute(self.workspace, label, name, user=user))

    # ------------------------------------------------------------ history, files
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
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export scheme"), "scheme.json", self.tr("Scheme (*.json)"))
        if name:
            self.export_file(Path(name))

    def export_file(self, path: Path) -> None:
        def done(scheme: Scheme) -> None:
            self._show_status(self.tr("Wrote version %1 to %2").replace("%1", str(scheme.version))
                              .replace("%2", str(path)))

        self.runner.run(lambda: schemes.export_scheme(self.workspace, path), on_done=done, on_error=self._failed)

    def closeEvent(self, event) -> None:  # noqa: N802
        self._commit_guideline()
        super().closeEvent(event)

    def accept(self) -> None:
        self._commit_guideline()
        super().accept()
