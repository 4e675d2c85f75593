"""A relation's attributes in the window: the span attribute editor's form, on the relation selected
in the relation list, in the same side panel.

The side panel "Attributes" is an :class:`AttributesPanel`: it shows the span under the caret
(:class:`~annotator.gui.annotate.attribute_editor.AttributeEditor`) until a relation is selected in
the relation list, then that relation (:class:`RelationAttributeEditor`: the attributes the scheme
gives its type, a check box for a binary one, a combo box for a choice, a line for a text), until
the caret moves onto a span again. A change is not written here: ``attribute_changed(relation_id,
name, value)`` asks the window to, and :meth:`AttributesPanel.show_relations` shows the stored
value again after the commit (or nothing, when the relation is gone).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from annotator.domain.model import Relation, Span
from annotator.domain.scheme import AttributeDef, Scheme
from annotator.gui.annotate.attribute_editor import AttributeEditor


MAX_FORM = 220  # pixels the panel may ask for


def relation_applicable(scheme: Scheme, relation_type: str) -> list[AttributeDef]:
    return [a for a in scheme.attributes if a.applies_to_relation(relation_type)]


def attributes_text(attributes: dict) -> str:
    """A relation's attributes on one line of the relation list: a binary one by its name, a
    valued one as ``name: value``."""
    return ", ".join(name if value is True else f"{name}: {value}"
                     for name, value in sorted(attributes.items()) if value is not False)


class RelationAttributeEditor(AttributeEditor):
    """The attribute form on one relation (see the module doc)."""

    def __init__(self, scheme: Scheme, parent: QWidget | None = None):
        self.relation: Relation | None = None
        super().__init__(scheme, parent)
        self.set_relation(None)

    def set_relation(self, relation: Relation | None) -> None:
        previous = self.relation
        self.relation = relation
        if relation is None:
            self._clear_form()
            self.heading.setText(self.tr("No relation selected"))
            return
        defs = relation_applicable(self.scheme, relation.label)
        self._show_form(previous, relation, defs)
        if defs:
            self.heading.setText(self.tr("%1 relation").replace("%1", relation.label))
        else:
            self.heading.setText(self.tr("%1 relations have no attributes").replace("%1", relation.label))

    def _emit(self, name: str) -> None:
        relation = self.relation
        if relation is None or not isinstance(relation.id, int):
            return
        value = self.value(name)
        if value == relation.attributes.get(name):
            return  # nothing changed (e.g. focus left a text field untouched)
        self.attribute_changed.emit(relation.id, name, value)


class AttributesPanel(QStackedWidget):
    """The side panel: the caret's span's attributes, or the selected relation's."""

    relation_attribute_changed = Signal(int, str, object)  # relation id, attribute name, value (None clears)

    def __init__(self, span_editor: AttributeEditor, scheme: Scheme, parent: QWidget | None = None):
        super().__init__(parent)
        self.span_editor = span_editor
        self.relation_editor = RelationAttributeEditor(scheme)
        self.relation_editor.setObjectName("relation-attributes")
        self.addWidget(span_editor)
        self.addWidget(self.relation_editor)
        self.relation_editor.attribute_changed.connect(self.relation_attribute_changed)

    def set_scheme(self, scheme: Scheme) -> None:
        self.relation_editor.scheme = scheme
        self.show_relation(self.relation_editor.relation)

    def show_span(self, span: Span | None) -> None:
        """The caret is on ``span`` (or none): the span editor shows it and comes to the front."""
        self.span_editor.set_span(span)
        self._front(self.span_editor)

    def show_relation(self, relation: Relation | None) -> None:
        """A relation is selected in the relation list: its attributes come to the front."""
        self.relation_editor.set_relation(relation)
        self._front(self.relation_editor if relation is not None else self.span_editor)

    def _front(self, editor: AttributeEditor) -> None:
        # The side panel's splitter gives this pane little room; ask for the shown form's height
        # (up to MAX_FORM) so that its fields are never cut off.
        self.setCurrentWidget(editor)
        self.setMinimumHeight(min(editor.sizeHint().height(), MAX_FORM))

    def show_relations(self, relations: Sequence[Relation]) -> None:
        """The set was read again: the relation shown, as now stored (gone: the span editor again)."""
        shown = self.relation_editor.relation
        if shown is None:
            return
        now = next((r for r in relations if r.id == shown.id), None)
        if now != shown:
            if self.currentWidget() is self.relation_editor:
                self.show_relation(now)
            else:
                self.relation_editor.set_relation(now)
