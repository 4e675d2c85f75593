"""The key map as data: action name -> key sequence and a translatable description.

The window builds its actions from :data:`KEY_MAP` and the scheme's label
hotkeys (:func:`label_bindings`); the F1 cheat sheet lists the same entries, so
the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, \
    QWidget

from annotator.domain.scheme import Scheme
from annotator.gui.common.scheme_texts import shown

CONTEXT = "Keys"  # lupdate reads only literals: the tables below spell it out


@dataclass(frozen=True, slots=True)
class KeyBinding:
    action: str  # the action's name, e.g. "undo"
    keys: tuple[str, ...]  # QKeySequence texts (portable form); the first is the main one
    description: str  # English source text, translated in CONTEXT when shown

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(k) for k in self.keys]

    def translated(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.description)

    def key_text(self) -> str:
        return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in self.keys)


KEY_MAP: tuple[KeyBinding, ...] = (
    KeyBinding("import", ("Ctrl+I",), QT_TRANSLATE_NOOP("Keys", "Import…")),
    KeyBinding("export", ("Ctrl+E",), QT_TRANSLATE_NOOP("Keys", "Export…")),
    KeyBinding("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Keys", "Quit")),
    KeyBinding("remove_span", ("Delete",), QT_TRANSLATE_NOOP("Keys", "Remove the span under the caret")),
    KeyBinding("undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("Keys", "Undo your last action")),
    KeyBinding("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("Keys", "Redo")),
    # a span's edges: Alt moves the start, Alt+Shift the end, by a word; with Ctrl as well, by a character
    KeyBinding("grow_start", ("Alt+Left",), QT_TRANSLATE_NOOP("Keys", "Span: move its start a word left")),
    KeyBinding("shrink_start", ("Alt+Right",), QT_TRANSLATE_NOOP("Keys", "Span: move its start a word right")),
    KeyBinding("shrink_end", ("Alt+Shift+Left",), QT_TRANSLATE_NOOP("Keys", "Span: move its end a word left")),
    KeyBinding("grow_end", ("Alt+Shift+Right",), QT_TRANSLATE_NOOP("Keys", "Span: move its end a word right")),
    KeyBinding("grow_start_char", ("Ctrl+Alt+Left",),
               QT_TRANSLATE_NOOP("Keys", "Span: move its start a character left")),
    KeyBinding("shrink_start_char", ("Ctrl+Alt+Right",),
               QT_TRANSLATE_NOOP("Keys", "Span: move its start a character right")),
    KeyBinding("shrink_end_char", ("Ctrl+Alt+Shift+Left",),
               QT_TRANSLATE_NOOP("Keys", "Span: move its end a character left")),
    KeyBinding("grow_end_char", ("Ctrl+Alt+Shift+Right",),
               QT_TRANSLATE_NOOP("Keys", "Span: move its end a character right")),
    KeyBinding("split_span", ("Ctrl+Shift+X",), QT_TRANSLATE_NOOP("Keys", "Split the span in two at the caret")),
    KeyBinding("merge_spans", ("Ctrl+Shift+J",),
               QT_TRANSLATE_NOOP("Keys", "Merge the span with the next one (else the previous)")),
    KeyBinding("next_span", ("Tab",),
               QT_TRANSLATE_NOOP("Keys", "Go to the next open suggestion (none open: the next span)")),
    KeyBinding("previous_span", ("Shift+Tab",),
               QT_TRANSLATE_NOOP("Keys", "Go to the previous open suggestion (none open: the previous span)")),
    KeyBinding("next_document", ("Ctrl+PgDown",), QT_TRANSLATE_NOOP("Keys", "Next document")),
    KeyBinding("previous_document", ("Ctrl+PgUp",), QT_TRANSLATE_NOOP("Keys", "Previous document")),
    KeyBinding("find", ("Ctrl+F",), QT_TRANSLATE_NOOP("Keys", "Find in this document (any form of a word)")),
    KeyBinding("find_next", ("F3",), QT_TRANSLATE_NOOP("Keys", "Next hit in this document")),
    KeyBinding("find_previous", ("Shift+F3",), QT_TRANSLATE_NOOP("Keys", "Previous hit in this document")),
    KeyBinding("corpus_search", ("Ctrl+Shift+F",),
               QT_TRANSLATE_NOOP("Keys", "Search the corpus (Enter on a hit opens it)…")),
    KeyBinding("mark_done", ("Ctrl+Return",), QT_TRANSLATE_NOOP("Keys", "Mark the document done (or back in progress)")),
    KeyBinding("toggle_snap", ("Ctrl+T",), QT_TRANSLATE_NOOP("Keys", "Snap selections to whole tokens (on/off)")),
    KeyBinding("toggle_tags", ("Ctrl+Shift+T",), QT_TRANSLATE_NOOP("Keys", "Labels written above the text (on/off)")),
    KeyBinding("preferences", ("Ctrl+,",), QT_TRANSLATE_NOOP("Keys", "Preferences…")),
    KeyBinding("scheme_editor", ("Ctrl+Shift+L",), QT_TRANSLATE_NOOP("Keys", "Edit the labels of the scheme…")),
    KeyBinding("cheat_sheet", ("F1",), QT_TRANSLATE_NOOP("Keys", "Show this list of keys")),
    # claims: the keys act on the current claim (the one the caret was last in)
    KeyBinding("make_claim", ("C",), QT_TRANSLATE_NOOP("Keys", "Make the selection a claim")),
    KeyBinding("next_speaker", ("W",), QT_TRANSLATE_NOOP("Keys", "Speaker: the next mention, nearest first")),
    KeyBinding("previous_speaker", ("Shift+W",), QT_TRANSLATE_NOOP("Keys", "Speaker: the previous mention")),
    KeyBinding("speaker_author", ("A",), QT_TRANSLATE_NOOP("Keys", "Speaker: the author (the outlet's own voice)")),
    KeyBinding("pronoun_speaker", ("M",),
               QT_TRANSLATE_NOOP("Keys", "Speaker: the selected pronoun, marked as a mention")),
    KeyBinding("set_cue", ("U",), QT_TRANSLATE_NOOP("Keys", "Cue: the selected words that report the claim")),
    KeyBinding("clear_cue", ("Shift+U",), QT_TRANSLATE_NOOP("Keys", "Remove the cue")),
    KeyBinding("toggle_hedged", ("H",), QT_TRANSLATE_NOOP("Keys", "Certainty: asserted or hedged")),
    KeyBinding("toggle_checkworthy", ("K",), QT_TRANSLATE_NOOP("Keys", "Check-worthy: yes or no")),
    KeyBinding("accept_quantity", ("N",), QT_TRANSLATE_NOOP("Keys", "Quantity: accept the proposal")),
    KeyBinding("clear_quantity", ("Shift+N",), QT_TRANSLATE_NOOP("Keys", "Quantity: clear")),
    KeyBinding("add_fragment", ("G",),
               QT_TRANSLATE_NOOP("Keys", "Add the selection as a fragment of the span the caret was on")),
    KeyBinding("relation", ("L",),
               QT_TRANSLATE_NOOP("Keys", "Relation: press on the head, then on the tail, then pick the type")),
    KeyBinding("cancel", ("Esc",), QT_TRANSLATE_NOOP("Keys", "Cancel a relation begun")),
    KeyBinding("claim_panel", ("Ctrl+L",), QT_TRANSLATE_NOOP("Keys", "Go to the claim list (Enter jumps to a claim)")),
    # suggestions (dashed) and repeated passages (the right margin)
    KeyBinding("accept_suggestion", ("Y",), QT_TRANSLATE_NOOP("Keys", "Accept the suggestion under the caret")),
    KeyBinding("reject_suggestion", ("X",), QT_TRANSLATE_NOOP("Keys", "Reject the suggestion under the caret")),
    KeyBinding("accept_label_suggestions", ("Shift+Y",),
               QT_TRANSLATE_NOOP("Keys", "Accept every suggestion of that label in the document")),
    KeyBinding("jump_to_copy", ("J",),
               QT_TRANSLATE_NOOP("Keys", "Repeated passage: go to its copy in another document")),
    # notes, flags, scope
    KeyBinding("add_note", ("Ctrl+N",),
               QT_TRANSLATE_NOOP("Keys", "Note on the span or claim under the caret (else the document)")),
    KeyBinding("toggle_unsure", ("Ctrl+Shift+U",),
               QT_TRANSLATE_NOOP("Keys", "Flag the span, claim or document as unsure (or unflag it)")),
    KeyBinding("toggle_skipped", ("Ctrl+Shift+K",),
               QT_TRANSLATE_NOOP("Keys", "Skip the document as out of scope (or take it back)")),
    # the team: agreement, curation, everybody's notes
    KeyBinding("dashboard", ("Ctrl+Shift+D",), QT_TRANSLATE_NOOP("Keys", "Agreement dashboard…")),
    KeyBinding("curate", ("Ctrl+Shift+C",), QT_TRANSLATE_NOOP("Keys", "Curate this document…")),
    KeyBinding("team_notes", ("Ctrl+Shift+O",), QT_TRANSLATE_NOOP("Keys", "The team's notes and flags…")),
    KeyBinding("claims_browser", ("Ctrl+Shift+B",),
               QT_TRANSLATE_NOOP("Keys", "Who said what: the claims browser (Enter jumps to a claim)…")),
    KeyBinding("entity_page", ("Ctrl+Shift+E",),
               QT_TRANSLATE_NOOP("Keys", "Entities: their mentions across the corpus, merge and split…")),
    # entities: the link key opens the proposals; in the popup 1-9 link, N makes a new entity, Esc closes
    KeyBinding("link_entity", ("I",),
               QT_TRANSLATE_NOOP("Keys", "Link the mention to an entity: 1–9 picks a proposal, N a new entity")),
    KeyBinding("link_like_document", ("Shift+I",),
               QT_TRANSLATE_NOOP("Keys", "Link every mention like this one in the document to its entity")),
    KeyBinding("link_like_corpus", ("Ctrl+Shift+I",),
               QT_TRANSLATE_NOOP("Keys", "Link every mention like this one in the corpus to its entity")),
)

# Bare keys the window binds itself: a label or claim type may not take them (the scheme editor says so).
WINDOW_LETTERS = frozenset(k for b in KEY_MAP for k in b.keys if len(k) == 1)

# Actions that are switches: checkable, their handler gets the new state.
TOGGLES = frozenset({"toggle_snap", "toggle_tags"})

# Caret keys the document view handles itself (listed on the cheat sheet only).
CARET_KEYS: tuple[KeyBinding, ...] = (
    KeyBinding("caret_next_token", ("Right",), QT_TRANSLATE_NOOP("Keys", "Caret to the next token")),
    KeyBinding("caret_previous_token", ("Left",), QT_TRANSLATE_NOOP("Keys", "Caret to the previous token")),
    KeyBinding("extend_next_token", ("Shift+Right",), QT_TRANSLATE_NOOP("Keys", "Extend the selection by a token")),
    KeyBinding("shrink_previous_token", ("Shift+Left",),
               QT_TRANSLATE_NOOP("Keys", "Extend the selection back by a token")),
)

LABEL_DESCRIPTION = QT_TRANSLATE_NOOP("Keys", "Label the selection (or the span under the caret) as %1")


def text_only(keys: Iterable[str]) -> bool:
    """Keys that belong to the text alone: a letter, digit, Delete, Tab, Esc, with no Ctrl, Alt or
    Meta. Bound window-wide they would fire while the user types in a list, a filter or a cell."""
    for key in keys:
        sequence = QKeySequence(key)
        if sequence.isEmpty():
            continue
        combination = sequence[0]
        modifiers = combination.keyboardModifiers()
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                        | Qt.KeyboardModifier.MetaModifier):
            return False
        if Qt.Key.Key_F1.value <= combination.key().value <= Qt.Key.Key_F35.value:
            return False
    return True


def shifted_aliases(bindings: Iterable[KeyBinding]) -> dict[str, list[QKeySequence]]:
    """For each plain letter key (shown as "R"), Shift+letter too, where no binding takes it: a user
    who reads the capital in the cheat sheet (or has Caps Lock on and presses Shift) still labels.
    Shift+W, Shift+U, Shift+N stay their own. The aliases are not shown: the key shown works as is."""
    taken = {QKeySequence(k).toString() for b in bindings for k in b.keys}
    aliases: dict[str, list[QKeySequence]] = {}
    for item in bindings:
        for key in item.keys:
            combination = QKeySequence(key)
            if combination.isEmpty() or combination.count() != 1:
                continue
            first = combination[0]
            is_letter = Qt.Key.Key_A.value <= first.key().value <= Qt.Key.Key_Z.value
            if not is_letter or first.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
                continue
            shifted = QKeySequence(f"Shift+{key}")
            if shifted.toString() not in taken:
                aliases.setdefault(item.action, []).append(shifted)
    return aliases


def label_action(label: str) -> str:
    return f"label:{label}"


def label_bindings(scheme: Scheme) -> list[KeyBinding]:
    """One binding per entity label that has a hotkey ("1".."0", "R")."""
    return [KeyBinding(label_action(e.name), (e.hotkey.upper(),), LABEL_DESCRIPTION)
            for e in scheme.entities if e.hotkey]


def label_guidelines(scheme: Scheme) -> dict[str, str]:
    """Each label action's guideline (else its description), for the cheat sheet's tooltips."""
    return {label_action(e.name): e.guideline or shown(e.description) for e in scheme.entities}


CLAIM_TYPE_DESCRIPTION = QT_TRANSLATE_NOOP("Keys", "Claim type %1: make the selection a claim, or retype the claim")


def claim_type_action(name: str) -> str:
    return f"claim:{name}"


def claim_type_bindings(scheme: Scheme) -> list[KeyBinding]:
    return [KeyBinding(claim_type_action(c.name), (c.hotkey.upper(),), CLAIM_TYPE_DESCRIPTION)
            for c in scheme.claim_types if c.hotkey]


def binding(action: str, bindings: Iterable[KeyBinding] = KEY_MAP) -> KeyBinding:
    for item in bindings:
        if item.action == action:
            return item
    raise KeyError(action)


def describe(item: KeyBinding) -> str:
    text = item.translated()
    if item.action.startswith(("label:", "claim:")):
        text = text.replace("%1", item.action.split(":", 1)[1])
    return text


class CheatSheet(QDialog):
    """F1: every key the window knows, from the same data the actions are built from."""

    def __init__(self, bindings: Sequence[KeyBinding], parent: QWidget | None = None,
                 guidelines: dict[str, str] | None = None):
        """``guidelines``: action name -> text shown as the row's tooltip (a label's guideline)."""
        super().__init__(parent)
        guidelines = guidelines or {}
        self.setWindowTitle(self.tr("Keys"))
        self.table = QTableWidget(len(bindings), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, item in enumerate(bindings):
            key = QTableWidgetItem(item.key_text())
            key.setData(Qt.ItemDataRole.UserRole, item.action)
            action = QTableWidgetItem(describe(item))
            for cell in (key, action):
                if guidelines.get(item.action):
                    cell.setToolTip(guidelines[item.action])
            self.table.setItem(row, 0, key)
            self.table.setItem(row, 1, action)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 480)

    def actions_listed(self) -> list[str]:
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.table.rowCount())]
