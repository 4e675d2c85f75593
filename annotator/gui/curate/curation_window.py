"""The curation window: the annotators' sets of one document side by side, and gold beside them.

Each annotator's set is a read-only lane (:mod:`annotator.gui.curate.lanes`); the gold
lane is edited with the annotation window's keys (labels, Delete, undo, the
claim keys through a :class:`~annotator.gui.session.claim_keys.ClaimActions` hosted
here, acting on owner ``gold`` as the curator). Where the annotators disagree
is framed in every lane and listed below; F8 / Shift+F8 step through the list,
Alt+N takes the N-th lane's version into gold, Alt+0 rejects every version
(each records the decision: an "only some have it" region stays open until one
is recorded, and F8 visits open regions only), Ctrl+Shift+A takes everything
they all agree on, Ctrl+Return marks gold curated.

What the gold lane's keys do is in :mod:`annotator.gui.curate.gold_keys`
(:class:`GoldActions`, as :class:`ClaimActions` for the claim keys); they act
on the window's :class:`~annotator.gui.curate.gold_session.GoldSession`, which
runs each action on the :class:`TaskRunner` and reads the lanes, gold and the
disagreements back after the commit (``services.views.curation_view``). Like the
main window this window only shows: what the session's view holds. Who may
write gold is read with the view; anyone else may look, with every writing key
switched off and the reason in a banner. A commit of another window on this
document (the annotation window, in this application) reaches this one through
the sessions' hub, so it is read again at once.

The window takes the scheme in force from whoever opens it (the main window
passes its own) and follows its changes through :meth:`CurationWindow.set_scheme`:
label and claim-type keys, the Label menu, the colours, then the lanes read again.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from annotator.domain.changes import Changes
from annotator.domain.disagreements import CLAIM, Disagreement, region_items
from annotator.domain.model import GOLD, Claim
from annotator.domain.notes import Note
from annotator.domain.scheme import Scheme
from annotator.gui.curate.gold_keys import GoldActions
from annotator.gui.curate.gold_session import GoldSession
from annotator.gui.common.keys import (
    CARET_KEYS,
    KEY_MAP,
    CheatSheet,
    KeyBinding,
    claim_type_bindings,
    describe,
    label_bindings,
    label_guidelines,
    shifted_aliases,
    text_only,
)
from annotator.gui.common.label_colors import label_colors
from annotator.gui.curate.lanes import DisagreementList, Lane, LaneSync, kind_text, status_text
from annotator.gui.notes.notes_list import NotesList
from annotator.gui.common.settings import GuiSettings
from annotator.gui.common.tasks import TaskRunner
from annotator.gui.session.claim_keys import ClaimActions, claim_handlers
from annotator.gui.session.edge_keys import EDGE_ACTIONS, EdgeActions, edge_handlers
from annotator.gui.session.save_status import SaveStatus
from annotator.gui.session.set_session import SessionHub, SetSession
from annotator.services.views.curation_view import CurationView, key_of
from annotator.services.workspace import Workspace

ACCEPT_VERSION = "accept_version"  # one action per key: accept_version:1 … accept_version:9

# The curation window's own keys (the annotation window's, from KEY_MAP, are added for the gold lane).
CURATION_KEYS: tuple[KeyBinding, ...] = (
    KeyBinding("next_disagreement", ("F8",), QT_TRANSLATE_NOOP("Keys", "Go to the next disagreement")),
    KeyBinding("previous_disagreement", ("Shift+F8",), QT_TRANSLATE_NOOP("Keys", "Go to the previous disagreement")),
    KeyBinding(ACCEPT_VERSION, tuple(f"Alt+{n}" for n in range(1, 10)),
               QT_TRANSLATE_NOOP("Keys", "Accept the version of the annotator in lane 1…9 "
                                         "(the number in the lane's title) for this disagreement")),
    KeyBinding("accept_copy", ("Alt+C",),
               QT_TRANSLATE_NOOP("Keys", "Accept the gold this repeated passage was settled with in its copy "
                                         "(the status bar names the document)")),
    KeyBinding("reject_region", ("Alt+0",),
               QT_TRANSLATE_NOOP("Keys", "Reject every version of this disagreement (gold keeps nothing there)")),
    KeyBinding("accept_agreed", ("Ctrl+Shift+A",),
               QT_TRANSLATE_NOOP("Keys", "Accept into gold everything all the annotators agree on")),
    KeyBinding("mark_curated", ("Ctrl+Return",), QT_TRANSLATE_NOOP("Keys", "Mark the gold set curated")),
    KeyBinding("close_window", ("Ctrl+W",), QT_TRANSLATE_NOOP("Keys", "Close this window (Esc too, in the gold lane)")),
)

# The annotation window's keys that act on the gold lane here (looked up by name in KEY_MAP).
GOLD_LANE_ACTIONS = ("remove_span", "undo", "redo", "next_span", "previous_span", "make_claim", "next_speaker",
                     "previous_speaker", "speaker_author", "pronoun_speaker", "set_cue", "clear_cue",
                     "toggle_hedged", "toggle_checkworthy", "accept_quantity", "clear_quantity", "relation",
                     "cancel", "cheat_sheet", *EDGE_ACTIONS)
# Keys that only look or move: on for everyone; every other key writes gold.
READING_ACTIONS = frozenset({"next_disagreement", "previous_disagreement", "next_span", "previous_span",
                             "cheat_sheet", "cancel", "close_window"})


class CurationWindow(QMainWindow):
    state_loaded = Signal()  # a (re)load has been shown
    gold_changed = Signal(object)  # the Changes of a committed gold action

    def __init__(self, workspace: Workspace, runner: TaskRunner, user: str, document_id: str,
                 settings: GuiSettings | None = None, parent: QWidget | None = None, *,
                 scheme: Scheme | None = None, hub: SessionHub | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.user = user
        self._document_id = document_id
        self.settings = settings or GuiSettings()
        # the opener's scheme (read on the runner); only a window opened on its own reads it here
        self.scheme = scheme if scheme is not None else workspace.current_scheme()
        self.colors = label_colors(self.scheme, self.settings.color_blind)
        self.hub = hub if hub is not None else SessionHub(self)
        self.session = GoldSession(workspace, runner, self.hub, self.scheme, document_id, user, self)
        self.shown: CurationView | None = None  # the view the lanes show now
        self.current: int | None = None  # index of the current disagreement
        self.lanes: list[Lane] = []  # the annotators', in order (Alt+1 is the first)
        self._cheat_sheet: CheatSheet | None = None
        self.setWindowTitle(self.tr("Curation — %1 — %2").replace("%1", document_id).replace("%2", user))

        # --- widgets ---
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; border: 1px solid #e0c36a;")
        self.banner.hide()
        self.gold_lane = self._make_lane(GOLD, editable=True)
        self.view = self.gold_lane.view  # ClaimActions and the keys act here
        self.lane_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.lane_splitter.addWidget(self.gold_lane)
        self.sync = LaneSync(self)
        self.disagreement_list = DisagreementList()
        self.notes_list = NotesList()
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(self.disagreement_list, self.tr("Disagreements"))
        self.lower_tabs.addTab(self.notes_list, self.tr("Notes"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.lane_splitter)
        splitter.addWidget(self.lower_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 220])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.position_label = QLabel()
        self.saved_label = QLabel()
        for label in (self.position_label, self.saved_label):
            label.setContentsMargins(10, 0, 10, 0)
            self.statusBar().addPermanentWidget(label)

        # --- keys ---
        self.claim_actions = ClaimActions(self.session, self.view)
        self.gold_actions = GoldActions(self.session, self.view, self.current_disagreement)
        self.edge_actions = EdgeActions(self.session, self.view)
        self.bindings: list[KeyBinding] = [
            *CURATION_KEYS, *label_bindings(self.scheme), *claim_type_bindings(self.scheme),
            *(b for b in KEY_MAP if b.action in GOLD_LANE_ACTIONS)]
        self._handlers: dict[str, Callable[[], Any]] = {
            "next_disagreement": partial(self.go_to_disagreement, 1),
            "previous_disagreement": partial(self.go_to_disagreement, -1),
            "accept_agreed": self.gold_actions.accept_agreed,
            "accept_copy": self.gold_actions.accept_copy,
            "reject_region": self.gold_actions.reject_region,
            "mark_curated": self.mark_curated,
            "remove_span": self.gold_actions.remove_under_caret,
            "undo": self.gold_actions.undo,
            "redo": self.gold_actions.redo,
            "next_span": partial(self.gold_actions.go_to_span, 1),
            "previous_span": partial(self.gold_actions.go_to_span, -1),
            "cheat_sheet": self.show_cheat_sheet,
            "cancel": self.cancel_or_close,
            "close_window": self.close,
            **claim_handlers(self.claim_actions, [(c.name, c.hotkey) for c in self.scheme.claim_types]),
            **edge_handlers(self.edge_actions),
        }
        self.view.edge_dragged.connect(self.edge_actions.resize)
        self.actions_by_name: dict[str, QAction] = {}
        self._shifted = shifted_aliases(self.bindings)  # "R" works with Shift too, where Shift+R is free
        for item in self.bindings:
            self._add_actions(item)
        self._build_menus()
        self._set_writable(False)  # until the core has said who may write

        # --- signals ---
        self.disagreement_list.disagreement_activated.connect(self.show_disagreement)
        self.view.caret_claim_changed.connect(self._on_caret_claim)
        self.notes_list.note_activated.connect(self.show_note)
        self.save_status = SaveStatus(self.session, self.statusBar(), self.saved_label)
        self.session.loaded.connect(self._show_state)
        self.session.changed.connect(self._on_changed)
        self.hub.committed.connect(self._on_committed_elsewhere)

        self.saved_label.setText(self.tr("Loading…"))
        self.resize(1500, 900)
        self.reload()

    # ------------------------------------------------------------ building
    @property
    def owner(self) -> str:
        return GOLD

    @property
    def document_id(self) -> str:
        return self._document_id

    @property
    def state(self) -> CurationView | None:
        """What the window shows now (the session's view once it is drawn)."""
        return self.shown

    @property
    def refusal(self) -> str | None:
        return self.shown.refusal if self.shown is not None else None

    @property
    def read_only(self) -> bool:
        return self.state is None or self.refusal is not None

    def _make_lane(self, owner: str, editable: bool = False) -> Lane:
        return Lane(owner, self.colors, editable=editable, snap_to_tokens=self.settings.snap_to_tokens,
                    font_size=self.settings.font_size, show_tags=self.settings.show_tags)

    def _add_actions(self, item: KeyBinding) -> None:
        if item.action == ACCEPT_VERSION:
            for n, key in enumerate(item.keys, 1):
                action = self._action(f"{ACCEPT_VERSION}:{n}", describe(item), [key])
                action.triggered.connect(partial(self.gold_actions.accept_version, n))
            return
        action = self._action(item.action, describe(item), item.keys)
        if item.action.startswith("label:"):
            action.triggered.connect(partial(self.gold_actions.apply_label, item.action.split(":", 1)[1]))
        elif item.action.startswith("claim:"):
            action.triggered.connect(partial(self.claim_actions.make_claim, item.action.split(":", 1)[1]))
        else:
            action.triggered.connect(self._handlers[item.action])

    def _action(self, name: str, text: str, keys: tuple[str, ...] | list[str]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys] + self._shifted.get(name, []))
        in_text = text_only(keys)  # bare keys act in the gold lane only, not in the lists
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if in_text
                                  else Qt.ShortcutContext.WindowShortcut)
        (self.gold_lane.view if in_text else self).addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_menus(self) -> None:
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        for name in ("undo", "redo", "remove_span"):
            if name in self.actions_by_name:
                edit.addAction(self.actions_by_name[name])
        edit.addSeparator()
        edges = edit.addMenu(self.tr("Span &edges"))
        for name in EDGE_ACTIONS:
            edges.addAction(self.actions_by_name[name])
        self.accept_menu = edit.addMenu(self.tr("Accept the version of"))
        for name in ("reject_region", "accept_copy", "accept_agreed", "mark_curated"):
            edit.addAction(self.actions_by_name[name])
        self.label_menu = self.menuBar().addMenu(self.tr("&Label"))
        self._fill_label_menu()
        go = self.menuBar().addMenu(self.tr("&Go"))
        for name in ("next_disagreement", "previous_disagreement", "next_span", "previous_span"):
            if name in self.actions_by_name:
                go.addAction(self.actions_by_name[name])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        if "cheat_sheet" in self.actions_by_name:
            help_menu.addAction(self.actions_by_name["cheat_sheet"])

    def _fill_label_menu(self) -> None:
        self.label_menu.clear()
        for entity in self.scheme.entities:
            action = self.actions_by_name.get(f"label:{entity.name}")
            if action is not None:
                self.label_menu.addAction(action)

    def set_scheme(self, scheme: Scheme) -> None:
        """Follow a new scheme version: the label and claim-type keys, the Label menu, the colours
        and the cheat sheet from it; then the lanes again from the store (a rename or merge
        relabelled their spans)."""
        self.scheme = scheme
        self.session.scheme = scheme
        self.colors = label_colors(scheme, self.settings.color_blind)
        for lane in self.all_lanes():
            lane.view.set_colors(self.colors)
        for name in [n for n in self.actions_by_name if n.startswith(("label:", "claim:"))]:
            action = self.actions_by_name.pop(name)
            self.gold_lane.view.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        keys = [*label_bindings(scheme), *claim_type_bindings(scheme)]
        self.bindings = [*CURATION_KEYS, *keys, *(b for b in KEY_MAP if b.action in GOLD_LANE_ACTIONS)]
        self._shifted = shifted_aliases(self.bindings)
        self._handlers = {name: handler for name, handler in self._handlers.items() if not name.startswith("claim:")}
        self._handlers.update(claim_handlers(self.claim_actions, [(c.name, c.hotkey) for c in scheme.claim_types]))
        for item in keys:
            self._add_actions(item)
        self._fill_label_menu()
        self._set_writable(not self.read_only)
        if self._cheat_sheet is not None:  # built again, from the new bindings, when next shown
            self._cheat_sheet.close()
            self._cheat_sheet.deleteLater()
            self._cheat_sheet = None
        self.reload()

    def _set_writable(self, writable: bool) -> None:
        for name, action in self.actions_by_name.items():
            if name.split(":", 1)[0] not in READING_ACTIONS:
                action.setEnabled(writable)
        if writable and self.state is not None:
            for name, label in (("undo", self.state.undo_label), ("redo", self.state.redo_label)):
                if name in self.actions_by_name:
                    self.actions_by_name[name].setEnabled(label is not None)

    # ------------------------------------------------------------ loading and showing
    def reload(self) -> None:
        """Read the lanes, gold, the disagreements and the notes again, on the runner."""
        self.session.reload()

    def _on_committed_elsewhere(self, changes: Changes, source: SetSession) -> None:
        """Another window of this application saved: read again if it touched this document."""
        if source is not self.session and self.document_id in changes.documents and self.shown is not None:
            self.reload()

    def _show_state(self, state: CurationView) -> None:
        old = self.shown
        self.shown = state
        text = state.document.text
        # Only what differs from what is drawn is drawn again: a gold action leaves the annotators'
        # lanes as they are, an annotator's save leaves gold's.
        if old is None:
            self.gold_lane.view.set_document(text, state.spans, claims=state.claims, relations=state.relations)
        elif old.gold != state.gold:
            self.gold_lane.show_set(state.gold)
        if old is None or old.owners != state.owners:
            self._build_lanes(state)
        else:
            for lane, was, aset in zip(self.lanes, old.sets, state.sets):
                if was != aset:
                    lane.show_set(aset)
        self._show_titles(state)
        if state.refusal:
            self.banner.setText(self.tr("Read only: %1").replace("%1", state.refusal))
        self.banner.setVisible(bool(state.refusal))
        self._set_writable(state.refusal is None)
        self._update_undo_actions(state)
        self._fill_accept_menu(state)
        self.current = self._same_disagreement(old, state)
        self.disagreement_list.set_disagreements(text, state.disagreements, state.sets, state.gold, self.current,
                                                 state.decisions)
        self.lower_tabs.setTabText(0, self.tr("Disagreements (%1)").replace("%1", str(len(state.disagreements))))
        self._show_marks()
        self.set_notes(state.notes, {state.document.id: text})
        self.view.set_selected(self.claim_actions.current_claim_id)
        if old is None:
            self.saved_label.setText("")
        self.state_loaded.emit()

    def _build_lanes(self, state: CurationView) -> None:
        """One read-only lane per annotator, left of gold, at gold's place in the text."""
        for lane in self.lanes:
            lane.setParent(None)
            lane.deleteLater()
        self.lanes = []
        for n, aset in enumerate(state.sets):
            lane = self._make_lane(aset.owner)
            lane.view.set_document(state.document.text, aset.spans, claims=aset.claims, relations=aset.relations)
            self.lane_splitter.insertWidget(n, lane)
            self.lanes.append(lane)
        self.sync.set_views([lane.view for lane in self.lanes] + [self.gold_lane.view])
        self.lane_splitter.setSizes([1000] * (len(self.lanes) + 1))
        self.sync.follow(self.gold_lane.view)

    def all_lanes(self) -> list[Lane]:
        return [*self.lanes, self.gold_lane]

    def lane(self, owner: str) -> Lane | None:
        return next((lane for lane in self.all_lanes() if lane.owner == owner), None)

    def _show_titles(self, state: CurationView) -> None:
        for n, (lane, aset) in enumerate(zip(self.lanes, state.sets), 1):
            key = f"Alt+{n}&nbsp;&nbsp;" if n <= 9 else ""
            lane.set_title(f"<span style='color:#666'>{key}</span><b>{html.escape(aset.owner)}</b> — "
                           f"{html.escape(status_text(aset.status))}")
        gold = state.gold
        name, status = html.escape(self.tr("gold")), html.escape(status_text(gold.status if gold else None))
        title = f"<b>{name}</b> — {status}"
        if state.refusal:
            read_only = html.escape(self.tr("read only"))
            title += f" <span style='color:#a0522d'>({read_only})</span>"
        self.gold_lane.set_title(title)

    def _fill_accept_menu(self, state: CurationView) -> None:
        self.accept_menu.clear()
        for n, owner in enumerate(state.owners[:9], 1):
            action = self.actions_by_name[f"{ACCEPT_VERSION}:{n}"]
            action.setText(self.tr("Accept %1's version of this disagreement").replace("%1", owner))
            self.accept_menu.addAction(action)

    def _update_undo_actions(self, state: CurationView) -> None:
        undo, redo = self.actions_by_name.get("undo"), self.actions_by_name.get("redo")
        if undo is not None:
            undo.setText(self.tr("Undo: %1").replace("%1", state.undo_label) if state.undo_label
                         else self.tr("Undo"))
        if redo is not None:
            redo.setText(self.tr("Redo: %1").replace("%1", state.redo_label) if state.redo_label
                         else self.tr("Redo"))

    def _same_disagreement(self, old: CurationView | None, new: CurationView) -> int | None:
        """The index in ``new`` of the disagreement current in ``old`` (by layer and extent), else of the
        first one after where it was."""
        if old is None or self.current is None or not 0 <= self.current < len(old.disagreements):
            return None
        if not new.disagreements:
            return None
        was = old.disagreements[self.current]
        keys = [key_of(d) for d in new.disagreements]
        if key_of(was) in keys:
            return keys.index(key_of(was))
        after = [i for i, d in enumerate(new.disagreements) if (d.start, d.end) >= (was.start, was.end)]
        return after[0] if after else len(keys) - 1

    def _show_marks(self) -> None:
        state = self.state
        regions = [(d.start, d.end) for d in state.disagreements] if state else []
        current = self.current_disagreement()
        for lane in self.all_lanes():
            lane.view.set_marks(regions, None if current is None else (current.start, current.end))
        found = len(regions)
        if current is None:
            text = (self.tr("%n disagreement(s) (F8: the first)", "", found) if found
                    else self.tr("No disagreements"))
        else:
            text = (self.tr("Disagreement %1 of %2: %3").replace("%1", str(self.current + 1))
                    .replace("%2", str(found)).replace("%3", kind_text(current.kind)))
        if found:  # what is still to decide, always in sight: a region is easy to miss otherwise
            text += " · " + self.tr("%n not settled in gold", "", len(self.open_disagreements()))
        self.position_label.setText(text)

    def open_disagreements(self) -> list[int]:
        """The indexes of the disagreements not settled yet: no decision recorded (accept or reject)
        and gold not holding any annotator's marks there."""
        return self.state.open_indexes() if self.state is not None else []

    def mark_curated(self) -> None:
        """Ctrl+Return: gold is curated; with disagreements still open, only once the curator says so."""
        still_open = len(self.open_disagreements())
        if still_open and self.session.may_write():
            answer = QMessageBox.question(
                self, self.tr("Mark gold curated"),
                self.tr("%n disagreement(s) not settled in gold yet. Mark gold curated anyway?", "", still_open),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            self.activateWindow()  # the keys go to the gold lane again, whatever the answer
            self.view.setFocus()
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.gold_actions.mark_curated()

    # ------------------------------------------------------------ disagreements
    def current_disagreement(self) -> Disagreement | None:
        if self.state is None or self.current is None or not 0 <= self.current < len(self.state.disagreements):
            return None
        return self.state.disagreements[self.current]

    def go_to_disagreement(self, step: int) -> None:
        """F8 / Shift+F8: the next (previous) disagreement not settled yet, round to the first (last) at
        the end; never a settled one (the list below reaches those)."""
        found = self.state.disagreements if self.state else ()
        if not found:
            self.statusBar().showMessage(self.tr("The annotators agree everywhere"), 5000)
            return
        candidates = self.open_disagreements()
        if not candidates:
            self.statusBar().showMessage(self.tr("Every disagreement is settled"), 5000)
            return
        if self.current is None:
            target = candidates[0] if step > 0 else candidates[-1]
        else:
            ahead = [i for i in candidates if (i > self.current if step > 0 else i < self.current)]
            if ahead:
                target = ahead[0] if step > 0 else ahead[-1]
            else:
                target = candidates[0] if step > 0 else candidates[-1]
        self.show_disagreement(target)
        message = (self.tr("Disagreement %1 of %2;").replace("%1", str(target + 1)).replace("%2", str(len(found)))
                   + " " + self.tr("%n not settled in gold", "", len(candidates)))
        copy = self.state.settled_copy(found[target]) if self.state is not None else None
        if copy is not None:  # a repeated passage settled once (services/copy_gold.py)
            message += self.tr(" — settled in its copy in %1: Alt+C takes that gold").replace("%1", copy.source)
        self.statusBar().showMessage(message, 10000 if copy is not None else 6000)

    def show_disagreement(self, index: int) -> None:
        """Make disagreement ``index`` current: listed, outlined and scrolled to in every lane; the
        gold lane's caret at its start."""
        found = self.state.disagreements if self.state else ()
        if not 0 <= index < len(found):
            return
        self.current = index
        d = found[index]
        self.disagreement_list.select(index)
        self._show_marks()
        for lane in self.lanes:  # each version's links (a claim's speaker and cue) drawn in its lane
            version = d.version(lane.owner)
            lane.view.set_selected(version.items[0].id if version and version.items else None)
        gold = self.state.gold if self.state else None
        held = region_items(gold, d.layer, d.start, d.end, d.pieces) if gold is not None else ()
        if held and d.layer == CLAIM:
            self.claim_actions.current_claim_id = held[0].id  # type: ignore[assignment]
        self.view.set_selected(held[0].id if held else self.claim_actions.current_claim_id)
        view = self.gold_lane.view
        view.move_caret_core(d.start)
        view.centerCursor()
        self.sync.follow(view)

    # ------------------------------------------------------------ results of gold actions (keys: GoldActions)
    def _refused(self) -> bool:
        """True (and the user told why) when this user may not write gold now."""
        return not self.session.may_write()

    def gold_seen(self) -> int | None:
        """The gold version this window shows (``services.gold_conflicts``)."""
        return self.session.seen()

    def _on_changed(self, changes: Changes | None, state: CurationView) -> None:
        self._show_state(state)
        if changes is not None:
            self.gold_changed.emit(changes)

    def _on_caret_claim(self, claim: Claim | None) -> None:
        if claim is not None:
            self.claim_actions.current_claim_id = claim.id  # type: ignore[assignment]
            self.view.set_selected(claim.id)

    # ------------------------------------------------------------ notes
    def set_notes(self, notes: Iterable[Note], texts: dict[str, str] | None = None) -> None:
        """Show the document's notes in the Notes tab."""
        notes = list(notes)
        self.notes_list.set_notes(notes, texts)
        self.lower_tabs.setTabText(1, self.tr("Notes (%1)").replace("%1", str(len(notes))))

    def show_note(self, note: Note) -> None:
        """A note picked in the list: its target selected in its owner's lane, every lane there."""
        start, end = note.target_start, note.target_end
        if start is None or end is None:
            self.statusBar().showMessage(self.tr("A note on the whole document"), 4000)
            return
        lane = self.lane(note.owner) or self.gold_lane
        lane.view.select_core(start, end)
        lane.view.centerCursor()
        self.sync.follow(lane.view)

    # ------------------------------------------------------------ help, closing
    def cancel_or_close(self) -> None:
        """Esc: drop a relation begun; with none, close the window (every action is saved already)."""
        if not self.claim_actions.cancel():
            self.close()

    def show_cheat_sheet(self) -> CheatSheet:
        if self._cheat_sheet is None:
            self._cheat_sheet = CheatSheet([*self.bindings, *CARET_KEYS], self, label_guidelines(self.scheme))
            self._cheat_sheet.setWindowTitle(self.tr("Curation keys"))
        self._cheat_sheet.show()
        self._cheat_sheet.raise_()
        return self._cheat_sheet

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.wait()  # let the last action commit and its result arrive
        super().closeEvent(event)

