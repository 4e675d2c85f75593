"""The attributes of one span: a form built from the scheme's attribute definitions.

Only the attributes that apply to the span's label are shown (an attribute with
no labels applies to all). A boolean is a check box (unchecked clears it), a
choice a combo box (the first entry, "—", clears it), a text a line edit
committed when editing finishes (empty clears it). A change is not written
here: ``attribute_changed(span_id, name, value)`` asks the window to, and the
window shows the stored value again with :meth:`set_span` after the commit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.domain.model import Span
from annotator.domain.scheme import AttributeDef, Scheme
from annotator.gui.common.scheme_texts import shown


def applicable(scheme: Scheme, label: str) -> list[AttributeDef]:
    return [a for a in scheme.attributes if a.applies_to_label(label)]


class AttributeEditor(QWidget):
    attribute_changed = Signal(int, str, object)  # span id, attribute name, value (None clears)

    def __init__(self, scheme: Scheme, parent: QWidget | None = None):
        super().__init__(parent)
        self.scheme = scheme
        self.span: Span | None = None
        self.editors: dict[str, QWidget] = {}
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.form_box = QWidget(self)
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.form_box)
        layout.addStretch(1)
        self.set_span(None)

    def span_id(self) -> int | None:
        return None if self.span is None or not isinstance(self.span.id, int) else self.span.id

    def set_span(self, span: Span | None) -> None:
        """Show ``span``'s attributes (rebuilding the form only when the label changes)."""
        previous = self.span
        self.span = span
        if span is None:
            self._clear_form()
            self.heading.setText(self.tr("No span selected"))
            return
        defs = applicable(self.scheme, span.label)
        self._show_form(previous, span, defs)
        if defs:
            self.heading.setText(self.tr("%1 span %2–%3").replace("%1", span.label)
                                 .replace("%2", str(span.start)).replace("%3", str(span.end)))
        else:
            self.heading.setText(self.tr("%1 spans have no attributes").replace("%1", span.label))

    def _show_form(self, previous: Any, item: Any, defs: list[AttributeDef]) -> None:
        """The form for ``item`` (a span, or a subclass's item with ``label`` and ``attributes``),
        rebuilt only when its label or definitions differ from ``previous``'s; its values shown."""
        if previous is None or previous.label != item.label or set(self.editors) != {a.name for a in defs}:
            self._build_form(defs)
        for definition in defs:
            self._show_value(definition, item.attributes.get(definition.name))

    def value(self, name: str) -> Any:
        """What the editor for ``name`` shows, as a stored value (None = not set)."""
        editor = self.editors[name]
        if isinstance(editor, QCheckBox):
            return True if editor.isChecked() else None
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QLineEdit):
            return editor.text() or None
        raise TypeError(name)

    # ------------------------------------------------------------ internals
    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}

    def _build_form(self, defs: list[AttributeDef]) -> None:
        self._clear_form()
        for definition in defs:
            name = definition.name
            editor: QWidget
            if definition.type == "boolean":
                editor = QCheckBox(self.form_box)
                editor.toggled.connect(lambda _on, n=name: self._emit(n))
            elif definition.type == "choice":
                editor = QComboBox(self.form_box)
                editor.addItem("—", None)
                for choice in definition.choices:
                    editor.addItem(choice, choice)
                editor.activated.connect(lambda _i, n=name: self._emit(n))
            else:
                editor = QLineEdit(self.form_box)
                editor.setPlaceholderText(self.tr("(not set)"))
                editor.editingFinished.connect(lambda n=name: self._emit(n))
            editor.setObjectName(f"attribute:{name}")
            self.editors[name] = editor
            self.form.addRow(shown(name), editor)

    def _show_value(self, definition: AttributeDef, value: Any) -> None:
        editor = self.editors[definition.name]
        editor.blockSignals(True)
        try:
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                index = editor.findData(value) if value is not None else 0
                editor.setCurrentIndex(max(index, 0))
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
        finally:
            editor.blockSignals(False)

    def _emit(self, name: str) -> None:
        span_id = self.span_id()
        if span_id is None or self.span is None:
            return
        value = self.value(name)
        if value == self.span.attributes.get(name):
            return  # nothing changed (e.g. focus left a text field untouched)
        self.attribute_changed.emit(span_id, name, value)
