"""The main window: document list, the text, the span list and the label palette.

It shows and forwards. The set open here is an
:class:`~annotator.gui.session.set_session.AnnotatorSession`: every action is a
service call it hands to the :class:`TaskRunner` (one worker thread, one
writer); the same task reads the set back after the commit, and the window
redraws what the action's :class:`Changes` name, so a span appears only once it
is saved ("saved means committed", docs/architecture.md). The context
(workspace, settings, runner, the sessions' hub) is passed in; nothing is global.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import queue
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.domain import lemmas
from annotator.domain.changes import Changes
from annotator.domain.model import Claim, Document, SetStatus, Span
from annotator.domain.query import DocumentQuery
from annotator.domain.scheme import Scheme
from annotator.gui.annotate.attribute_editor import AttributeEditor
from annotator.gui.session.claim_keys import ClaimActions, claim_handlers
from annotator.gui.session.entity_keys import EntityLinker
from annotator.gui.session.edge_keys import EdgeActions, edge_handlers
from annotator.gui.session.fragment_keys import FragmentActions
from annotator.gui.annotate.claim_panel import ClaimPanel
from annotator.gui.notes.note_keys import NoteActions
from annotator.gui.notes.notes_list import NotesList
from annotator.gui.notes.team_notes import TeamNotes
from annotator.gui.annotate.document_list import SORT_KEY_OF_COLUMN, DocumentListModel
from annotator.gui.annotate.document_table import DocumentTable
from annotator.gui.annotate.list_actions import ListActions
from annotator.gui.annotate.find_bar import FindBar
from annotator.gui.annotate.search_pane import SearchPane
from annotator.gui.text.document_view import DocumentView
from annotator.gui.io.export_dialog import ExportDialog
from annotator.gui.annotate.filter_bar import FilterBar
from annotator.gui.annotate.side_windows import SideWindows
from annotator.gui.annotate.window_actions import WindowActions
from annotator.gui.annotate.repeat_indexing import RepeatIndexing
from annotator.gui.io.import_dialog import ImportDialog
from annotator.gui.common.keys import (
    KEY_MAP,
    CheatSheet,
    KeyBinding,
    claim_type_bindings,
    label_bindings,
    shifted_aliases,
)
from annotator.gui.common.label_colors import label_colors
from annotator.gui.common.palette import LabelPalette
from annotator.gui.setup.preferences import PreferencesDialog
from annotator.gui.common.settings import GuiSettings, save_settings
from annotator.gui.annotate.relation_attributes import AttributesPanel
from annotator.gui.annotate.relation_list import RelationList
from annotator.gui.session.save_status import SaveStatus
from annotator.gui.session.set_session import AnnotatorSession, SessionHub, SetSession
from annotator.gui.session.span_keys import next_span
from annotator.gui.session.suggestion_keys import SuggestionActions, suggestion_handlers
from annotator.gui.annotate.repeat_places import RepeatPlaces
from annotator.gui.annotate.span_list import SpanList
from annotator.gui.common.tasks import TaskRunner
from annotator.gui.common.translation import language_for
from annotator.gui.common.window_state import Place, decode, encode, load_window_state, save_window_state
from annotator.services import activity, documents
from annotator.services.errors import ServiceError
from annotator.services.repeat_indexing import BackgroundIndexer
from annotator.services.views.document_list import read_query
from annotator.services.views.set_view import SetView
from annotator.services.workspace import Workspace

if TYPE_CHECKING:  # imported when first opened: the window starts without their modules (numpy, agreement)
    from annotator.gui.curate.curation_window import CurationWindow
    from annotator.gui.entities.claims_browser import ClaimsBrowser
    from annotator.gui.entities.entity_page import EntityPage
    from annotator.gui.team.dashboard import AgreementDashboard
    from annotator.gui.scheme.scheme_editor import SchemeEditor

log = logging.getLogger(__name__)


MORPHOLOGY_DELAY_MS = 2000  # after opening: start-up and the first document come first
WATCH_INTERVAL_S = 2.0  # SQLite: how often to look for others' actions (PostgreSQL is woken at once)


_frozen = False


def freeze_startup_objects() -> None:
    """Once a process has built its first window, what exists then (modules, Qt wrappers, the
    scheme: ~150,000 objects) lives as long as the process: freezing it keeps the collector's full
    passes from walking it again. Those took 60-90 ms, long enough to land inside a keystroke's
    save (tests/bench/bench_gui.py). Objects frozen are still freed when nothing refers to them."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


class MainWindow(WindowActions, SideWindows, QMainWindow):
    # The window's texts are set when it is built: a new language needs a new window.
    # Whoever owns the windows (annotator.gui.app.GuiSession) builds it on this signal.
    rebuild_requested = Signal()

    def __init__(self, workspace: Workspace, settings: GuiSettings, runner: TaskRunner,
                 parent: QWidget | None = None, *, hub: SessionHub | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.runner = runner
        self.scheme = workspace.current_scheme()
        self.colors = label_colors(self.scheme, settings.color_blind)
        self.hub = hub if hub is not None else SessionHub(self)
        self.session = AnnotatorSession(workspace, runner, self.hub, self.scheme, owner=self.owner, user=None,
                                        parent=self)
        self._drawn: str | None = None  # the document the text view shows
        self._claims_drawn: SetView | None = None  # the set the claim table and relation list show
        self._query_serial = 0
        self._requested_query: DocumentQuery | None = None
        self._pending_jump: tuple[str, int, int] | None = None  # a search hit to select once its document is shown
        self._cheat_sheet: CheatSheet | None = None
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.scheme_editor: SchemeEditor | None = None
        self.dashboard: AgreementDashboard | None = None
        self.curation_windows: dict[str, CurationWindow] = {}
        self.team_notes: TeamNotes | None = None
        self.claims_browser: ClaimsBrowser | None = None
        self.entity_page: EntityPage | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self.setAcceptDrops(True)  # files dropped on the window open the import dialog
        self.setWindowTitle(self.tr("annotator"))

        # --- widgets ---
        self.document_model = DocumentListModel(workspace, parent=self, runner=runner)
        self.document_model.set_annotator(workspace.login or settings.annotator)
        self.document_table = DocumentTable(self.document_model, runner, self)  # columns, compact, selection
        self.document_table.set_compact(settings.compact_list)
        self.filter_bar = FilterBar(self)
        documents_pane = QWidget()
        documents_layout = QVBoxLayout(documents_pane)
        documents_layout.setContentsMargins(0, 0, 0, 0)
        documents_layout.setSpacing(2)
        documents_layout.addWidget(self.filter_bar)
        documents_layout.addWidget(self.document_table)

        self.view = DocumentView(self.colors, snap_to_tokens=settings.snap_to_tokens)
        self.view.set_font_size(settings.font_size)
        self.view.set_tags_shown(settings.show_tags)
        self.span_list = SpanList()
        self.span_list.set_colors(self.colors)
        self.palette = LabelPalette(self.scheme, colors=self.colors)
        self.attribute_editor = AttributeEditor(self.scheme)

        self.claim_panel = ClaimPanel()
        self.relation_list = RelationList()
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(self.claim_panel, self.tr("Claims"))
        self.lower_tabs.addTab(self.relation_list, self.tr("Relations"))
        self.notes_list = NotesList()
        self.lower_tabs.addTab(self.notes_list, self.tr("Notes"))
        self.find_bar = FindBar(self.view)
        text_pane = QWidget()
        text_layout = QVBoxLayout(text_pane)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(0)
        text_layout.addWidget(self.find_bar)
        text_layout.addWidget(self.view, 1)
        self.search_pane = SearchPane(workspace, runner, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_pane)
        self.search_pane.hide()
        middle = self.middle_splitter = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(text_pane)
        middle.addWidget(self.lower_tabs)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 1)
        middle.setSizes([600, 220])

        right = self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(_titled(self.tr("Spans"), self.span_list))
        self.attributes_panel = AttributesPanel(self.attribute_editor, self.scheme)  # a span's, or a relation's
        right.addWidget(_titled(self.tr("Attributes"), self.attributes_panel))
        right.addWidget(_titled(self.tr("Labels"), self.palette))
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setStretchFactor(2, 2)
        splitter = self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(_titled(self.tr("Documents"), documents_pane))
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([420, 640, 340])
        self.setCentralWidget(splitter)

        self.position_label = QLabel()
        self.position_label.setToolTip(self.tr("This document's place in the list as filtered"))
        self.documents_label = QLabel()
        self.spans_label = QLabel()
        self.saved_label = QLabel()
        for label in (self.position_label, self.documents_label, self.spans_label, self.saved_label):
            label.setContentsMargins(10, 0, 10, 0)
            self.statusBar().addPermanentWidget(label)

        # --- actions, from the key map ---
        self.claim_actions = ClaimActions(self.session, self.view)
        self.note_actions = NoteActions(self.session, self.view)
        self.entity_linker = EntityLinker(self.session, self.view)
        self.edge_actions = EdgeActions(self.session, self.view)
        self.suggestion_actions = SuggestionActions(self.session, self.view)
        self.repeat_places = RepeatPlaces(self)
        self.repeat_indexing = RepeatIndexing(self, BackgroundIndexer(workspace))
        self.fragment_actions = FragmentActions(self.session, self.view)
        self.bindings: list[KeyBinding] = [*label_bindings(self.scheme), *claim_type_bindings(self.scheme), *KEY_MAP]
        self._shifted = shifted_aliases(self.bindings)
        handlers: dict[str, Callable[[], None]] = {
            "remove_span": self.remove_span_under_caret,
            **edge_handlers(self.edge_actions),
            "undo": self.undo,
            "redo": self.redo,
            "next_span": partial(self.go_to_span, 1),
            "previous_span": partial(self.go_to_span, -1),
            "next_document": partial(self.go_to_document, 1),
            "previous_document": partial(self.go_to_document, -1),
            "mark_done": self.mark_done,
            "find": self.find_bar.open_bar,
            "find_next": partial(self.find_step, 1),
            "find_previous": partial(self.find_step, -1),
            "corpus_search": self.open_search_pane,
            "cheat_sheet": self.show_cheat_sheet,
            "scheme_editor": lambda: self.open_scheme_editor(),
            "cancel": self.claim_actions.cancel,
            "claim_panel": self.focus_claim_panel,
            "add_note": self.note_actions.add_note,
            "add_fragment": self.fragment_actions.add_fragment,
            "toggle_unsure": self.note_actions.toggle_unsure,
            "toggle_skipped": self.note_actions.toggle_skipped,
            "dashboard": lambda: self.open_dashboard(),
            "curate": lambda: self.open_curation(),
            "team_notes": lambda: self.open_team_notes(),
            "claims_browser": lambda: self.open_claims_browser(),
            "entity_page": lambda: self.open_entity_page(),
            "link_entity": self.entity_linker.open_proposals,
            "link_like_document": partial(self.entity_linker.link_like, False),
            "link_like_corpus": partial(self.entity_linker.link_like, True),
            **claim_handlers(self.claim_actions, [(c.name, c.hotkey) for c in self.scheme.claim_types]),
            "import": lambda: self.open_import_dialog(),
            "export": self.open_export_dialog,
            "preferences": lambda: self.open_preferences(),
            "quit": self.quit_application,
            **suggestion_handlers(self.suggestion_actions, self.go_to_span),
            "jump_to_copy": self.repeat_places.jump,
        }
        toggles: dict[str, tuple[Callable[[bool], None], bool]] = {
            "toggle_snap": (self.set_snap_to_tokens, settings.snap_to_tokens),
            "toggle_tags": (self.set_tags_shown, settings.show_tags),
        }
        self._handlers, self._toggles = handlers, toggles
        self.actions_by_name: dict[str, QAction] = {}
        for item in self.bindings:
            self._add_action(item)
        self._build_menus()
        self.list_actions = ListActions(self)  # the list's selection: status, export; the View menu
        self.list_actions.add_menus()

        # --- signals ---
        self.document_table.selectionModel().currentRowChanged.connect(self._on_document_row)
        self.span_list.span_activated.connect(self._on_span_activated)
        self.palette.label_chosen.connect(self.apply_label)
        self.view.caret_span_changed.connect(self._on_caret_span)
        self.view.edge_dragged.connect(self.edge_actions.resize)
        self.view.caret_claim_changed.connect(self._on_caret_claim)
        self.claim_panel.claim_selected.connect(self._on_claim_selected)
        self.claim_panel.claim_activated.connect(self._on_claim_activated)
        self.claim_panel.field_edited.connect(self.claim_actions.edit_field)
        self.relation_list.relation_activated.connect(self._on_relation_activated)
        self.relation_list.relation_remove_requested.connect(self.claim_actions.remove_relation)
        self.relation_list.relation_selected.connect(self._on_relation_selected)
        self.attributes_panel.relation_attribute_changed.connect(self.set_relation_attribute)
        self.notes_list.note_activated.connect(self.note_actions.jump_to)
        self.filter_bar.changed.connect(self.apply_filters)
        self.search_pane.hit_activated.connect(self.jump_to)
        self.document_table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.attribute_editor.attribute_changed.connect(self.set_attribute)
        self.save_status = SaveStatus(self.session, self.statusBar(), self.saved_label)
        self.session.loaded.connect(self._on_document_loaded)
        self.session.changed.connect(self._on_changed)
        self.hub.committed.connect(self._on_committed_elsewhere)
        self.suggestion_actions.follow()  # after the window's handlers: a new text first, then its frames
        self.session.loaded.connect(lambda _view: self.repeat_places.read())

        self.saved_label.setText(self.tr("All saved"))
        self._update_counts(None)
        self.resize(1400, 850)
        # Where the user left off in this database: the window's layout, the list's filters, the
        # document and the caret (read before the first query, which keeps that document).
        self.window_state = load_window_state()
        self._place_key = workspace.store.url
        place = self.window_state.places.get(self._place_key, Place())
        self._restore_layout()
        self.filter_bar.set_values(place.filters)
        self._pending_caret: tuple[str, int] | None = (place.document, place.caret) if place.document else None
        self._set_query(self.filter_bar.query(self.owner, self.document_model.query), open_first=True,
                        keep=place.document)  # counted and read on the runner
        self.view.setFocus()
        freeze_startup_objects()
        # Actions saved by anyone (another desktop, the command line): the watch's thread only puts
        # their documents in a queue (it never touches Qt objects, which may be gone); a timer of
        # this window takes them out on the GUI thread.
        self._saved_elsewhere: queue.SimpleQueue[frozenset[str]] = queue.SimpleQueue()
        self.action_watch = activity.watch(workspace, self._saved_elsewhere.put, interval=WATCH_INTERVAL_S)
        self.destroyed.connect(self.action_watch.stop)  # a plain callable: safe while self goes
        self.upkeep = activity.upkeep(workspace)  # no keystroke's commit copies SQLite's log or merges its index
        self.destroyed.connect(self.upkeep.stop)
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(250)
        self._watch_timer.timeout.connect(self._take_saved_elsewhere)
        self._watch_timer.start()
        self.repeat_indexing.start_later()  # what imports left out of the index of repeated passages
        # the morphology, off the runner, once the first document is shown (measured: the first
        # proposals read ahead 300 ms after a new span made the next key wait ~390 ms for it)
        QTimer.singleShot(MORPHOLOGY_DELAY_MS, lemmas.load_in_background)

    def _take_saved_elsewhere(self) -> None:
        documents_saved: set[str] = set()
        while not self._saved_elsewhere.empty():
            documents_saved |= self._saved_elsewhere.get()
        if documents_saved:
            self._on_others_saved(frozenset(documents_saved))

    def _on_others_saved(self, document_ids: frozenset[str]) -> None:
        """What others saved appears: the list's status column, and open curation windows read again
        (this window's own set is read after each of its own actions already)."""
        for document_id in document_ids:
            self.document_model.refresh_document(document_id)
            window = self.curation_windows.get(document_id)
            if window is not None and shiboken6.isValid(window) and window.state is not None:
                window.reload()  # queued after whatever the runner is doing: it reads what is committed

    # ------------------------------------------------------------ layout helpers
    @property
    def owner(self) -> str | None:
        # On a PostgreSQL server a team member is their login, whatever name the preferences hold.
        return self.workspace.login or self.settings.annotator

    @property
    def acting_user(self) -> str | None:
        """Who acts: here the annotator on their own set (the curation window acts on gold)."""
        return self.workspace.login or self.settings.annotator

    @property
    def document(self) -> Document | None:
        return self.session.document if self._drawn is not None else None

    @property
    def document_id(self) -> str | None:
        return self._drawn

    @property
    def state(self) -> SetView | None:
        """The owner's set of the document shown, as last read."""
        view = self.session.view
        return view if view is not None and view.document_id == self._drawn else None

    # ------------------------------------------------------------ documents
    def select_row(self, row: int) -> None:
        index = self.document_model.index(row, 0)
        if not index.isValid():
            return
        self.document_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.document_table.scrollTo(index)

    def current_row(self) -> int:
        return self.document_table.currentIndex().row()

    def go_to_document(self, step: int) -> None:
        rows = self.document_model.rowCount()
        if rows == 0:
            return
        row = self.current_row()
        target = min(max(0 if row < 0 else row + step, 0), rows - 1)
        if target != row:
            self.select_row(target)

    def _on_document_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_position()
        if current.isValid():
            self.document_model.with_document_id(current.row(), partial(self._open_row_document, current.row()))

    def _open_row_document(self, row: int, document_id: str) -> None:
        if self.current_row() != row:  # the user moved on before the row's page came
            return
        if document_id == self.document_id:
            self.session.drop_pending_load()  # the one shown: drop any load still on its way
            return
        self.open_document(document_id)

    # ------------------------------------------------------------ filters, sort, position
    def apply_filters(self) -> None:
        """Re-query the list with the filter bar's values; keep the current document if it is in it."""
        self._set_query(self.filter_bar.query(self.owner, self.list_query), open_first=True)

    def sort_by(self, key: str, descending: bool = False) -> None:
        """Sort the list by a DocumentQuery sort key (the store sorts; "ordinal" is import order)."""
        self._set_query(dataclasses.replace(self.list_query, sort=key, descending=descending),
                        open_first=False)
        header = self.document_table.horizontalHeader()
        column = next((c for c, k in SORT_KEY_OF_COLUMN.items() if k == key), None)
        header.setSortIndicatorShown(column is not None)
        if column is not None:
            header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending
                                    else Qt.SortOrder.AscendingOrder)

    def _on_header_clicked(self, column: int) -> None:
        """A click sorts ascending, a second descending, a third back to import order."""
        key = SORT_KEY_OF_COLUMN.get(column)
        if key is None:
            self.statusBar().showMessage(self.tr("This column cannot be sorted"), 4000)
            return
        query = self.list_query
        if query.sort != key:
            self.sort_by(key, False)
        elif not query.descending:
            self.sort_by(key, True)
        else:
            self.sort_by("ordinal", False)

    def _set_query(self, query: DocumentQuery, *, open_first: bool, keep: str | None = None) -> None:
        """Show another query of the list: counted and its first rows read on the runner (a filter
        through the index over a large corpus takes a while), shown when they arrive; the document
        shown (or ``keep``) stays selected if the query holds it."""
        self._query_serial += 1
        self._requested_query = query
        serial, workspace, current = self._query_serial, self.workspace, keep or self.document_id
        size = self.document_model.page_size
        owner = self.document_model.annotator
        self.runner.run(lambda: read_query(workspace, query, current, size, owner),
                        on_done=partial(self._on_query_read, serial, query, current, open_first),
                        on_error=self._on_error)

    def _on_query_read(self, serial: int, query: DocumentQuery, current: str | None, open_first: bool,
                       result: tuple) -> None:
        if serial != self._query_serial:  # a newer query is on its way
            return
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.document_model):
            return  # the window was replaced (a new language) or deleted while the list was read
        self._requested_query = None
        count, kept, pages = result
        self.document_model.show_query(query, count, kept, pages)
        row = kept[1] if kept is not None else None
        if row is not None:
            self.select_row(row)
        elif open_first and count > 0:
            self.select_row(0)
        self._update_position()

    @property
    def list_query(self) -> DocumentQuery:
        """The list's query, or the one on its way (the next change builds on it)."""
        return self._requested_query or self.document_model.query

    def position_text(self) -> str:
        """"37 / 5,000": the current row and the rows of the filtered list (a dash when not in it)."""
        row = self.current_row()
        total = format_count(self.document_model.rowCount())
        here = format_count(row + 1) if row >= 0 else "–"
        return self.tr("%1 / %2").replace("%1", here).replace("%2", total)

    def _update_position(self) -> None:
        self.position_label.setText(self.position_text())

    def open_document(self, document_id: str) -> None:
        """Load the document and the owner's set on the runner; show them when they arrive."""
        self.session.open(document_id)

    def _on_document_loaded(self, state: SetView) -> None:
        """The session read its set anew: a document opened, or this one read again (an import, the
        same set changed in another window)."""
        document = self.session.document
        assert document is not None
        self.setWindowTitle(self.tr("annotator — %1 — %2").replace("%1", document.id)
                            .replace("%2", self.owner or "?"))
        if state.document_id == self._drawn:
            self._redraw(state, None)
            return
        self._drawn = document.id
        self.view.set_document(document.text, state.spans)
        self.find_bar.document_changed()
        self.span_list.set_spans(document.text, state.spans)
        self._show_claims(state)
        self._show_notes(state)
        self._show_attributes(self.view.caret_span)
        self._update_counts(state)
        self._update_undo_actions(state)
        if self._pending_caret is not None and self._pending_caret[0] == document.id:
            self.view.move_caret_core(min(self._pending_caret[1], len(document.text)))
            self.view.centerCursor()
        self._pending_caret = None
        if self._pending_jump is not None and self._pending_jump[0] == document.id:
            self._select_hit(*self._pending_jump[1:])
        self._pending_jump = None
        self.save_place()

    # ------------------------------------------------------------ search
    def find_step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous hit of the find bar (opening it if closed)."""
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.step(direction)

    def open_search_pane(self) -> None:
        selection = self.view.selection_core()
        text = None
        if selection is not None and 0 < selection[1] - selection[0] <= 80:
            text = self.view.text[selection[0]:selection[1]]
        self.search_pane.open_pane(text)

    def jump_to(self, document_id: str, start: int, end: int) -> None:
        """Show a search hit: its document (selected in the list when the list holds it), the hit selected."""
        if document_id == self.document_id:
            self._select_hit(start, end)
            return
        self._pending_jump = (document_id, start, end)
        self.show_document(document_id)

    def _select_hit(self, start: int, end: int) -> None:
        self.view.select_core(start, end)
        self.view.centerCursor()
        self.view.setFocus()

    # ------------------------------------------------------------ actions
    def _submit(self, fn: Callable[[], Changes | None], *,
                after: Callable[[Changes], None] | None = None) -> None:
        """Run a service action on the session (the runner), the set read back after it."""
        self.session.submit(fn, after=after)

    def apply_label(self, label: str) -> None:
        """Label the selection; relabel when a span of exactly that range exists (or the one under the caret)."""
        if self.document_id is None or self.owner is None:
            return
        self.session.label(label, self.view.selection_core(), self.view.span_under_caret())

    def remove_span_under_caret(self) -> None:
        """Delete: the span under the caret, else the claim there (a claim is a span too)."""
        self.session.remove(self.view.span_under_caret() or self.view.claim_under_caret())

    def set_attribute(self, span_id: int, name: str, value: Any) -> None:
        """Set (None: clear) one attribute of a span of the owner's set, on the runner."""
        if self.owner is not None:
            self.session.set_attribute(span_id, name, value)

    def set_relation_attribute(self, relation_id: int, name: str, value: Any) -> None:
        """Set (None: clear) one attribute of a relation of the owner's set, on the runner."""
        if self.owner is not None:
            self.session.set_relation_attribute(relation_id, name, value)

    def _on_relation_selected(self, relation_id: Any) -> None:
        relations = self.state.relations if self.state else ()
        self.attributes_panel.show_relation(next((r for r in relations if r.id == relation_id), None))

    def set_tags_shown(self, on: bool) -> None:
        """Options ▸ Labels above the text: the view obeys at once; the choice is saved."""
        self.view.set_tags_shown(on)
        if self.settings.show_tags != on:
            self.settings.show_tags = on
            try:
                save_settings(self.settings)
            except OSError as exc:
                self.statusBar().showMessage(self.tr("Settings not saved: %1").replace("%1", str(exc)), 8000)

    def set_snap_to_tokens(self, on: bool) -> None:
        """Options ▸ Snap to tokens: the view obeys at once; the choice is saved."""
        self.view.snap_to_tokens = on
        if self.settings.snap_to_tokens != on:
            self.settings.snap_to_tokens = on
            try:
                save_settings(self.settings)
            except OSError as exc:
                self.statusBar().showMessage(self.tr("Settings not saved: %1").replace("%1", str(exc)), 8000)
                return
        self.statusBar().showMessage(self.tr("Snapping to tokens on") if on else self.tr("Snapping to tokens off"),
                                     4000)

    # ------------------------------------------------------------ preferences
    def apply_preferences(self, new: GuiSettings) -> None:
        """Save ``new`` and apply it now: font, snapping, colours and annotator in place; a new
        language by asking for a new window (``rebuild_requested``); a new database on the next start."""
        old = dataclasses.replace(self.settings)
        for field in dataclasses.fields(GuiSettings):  # the same object the application holds
            setattr(self.settings, field.name, getattr(new, field.name))
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.statusBar().showMessage(self.tr("Settings not saved: %1").replace("%1", str(exc)), 8000)
        if new.font_size != old.font_size:
            self.view.set_font_size(new.font_size)
        self.view.snap_to_tokens = new.snap_to_tokens
        self.actions_by_name["toggle_snap"].setChecked(new.snap_to_tokens)  # the menu's tick follows
        self.view.set_tags_shown(new.show_tags)
        self.actions_by_name["toggle_tags"].setChecked(new.show_tags)
        if new.color_blind != old.color_blind:
            self.apply_label_colors()
        if new.annotator != old.annotator:
            self._owner_changed()
        if new.database != old.database:
            self.statusBar().showMessage(self.tr("The new database opens when you next start annotator"), 10000)
        if language_for(new.language) != language_for(old.language):
            self.rebuild_requested.emit()

    def apply_label_colors(self) -> None:
        """The label colours again (the scheme's, or the colour-blind-safe ones) everywhere they show."""
        self.colors = label_colors(self.scheme, self.settings.color_blind)
        self.view.set_colors(self.colors)
        self.span_list.set_colors(self.colors)
        if self.document is not None and self.state is not None:
            self.span_list.set_spans(self.document.text, self.state.spans)  # the swatches again
            self.span_list.select_span(None if self.view.caret_span is None else self.view.caret_span.id)
        self.palette.set_scheme(self.scheme, self.colors)

    def _owner_changed(self) -> None:
        """Another annotator name: their statuses in the list, their set of the document shown."""
        owner = self.owner
        self.session.owner = owner
        self.document_model.set_annotator(owner)
        if self.import_dialog is not None:
            self.import_dialog.annotator = owner
        query = self.list_query
        if query.status is not None:  # "my status" filters follow the owner
            self._set_query(dataclasses.replace(query, owner=owner), open_first=True)
        if self.document_id is not None:
            self.session.reload()
        else:
            self._update_counts(None)

    def show_document(self, document_id: str) -> None:
        """Select the document in the list (or, not in it, open it anyway)."""
        def found(row: int | None) -> None:
            if not shiboken6.isValid(self):
                return
            if row is not None:
                self.select_row(row)
            elif document_id != self.document_id:
                self.open_document(document_id)

        self.document_model.locate(document_id, found)

    def undo(self) -> None:
        self.session.undo()

    def redo(self) -> None:
        self.session.redo()

    def mark_done(self) -> None:
        """Ctrl+Return: the document is done, and the next one you have not done opens (unless the
        preference says stay); pressed on a done document, back in progress."""
        if self.document_id is None or self.owner is None:
            return
        finishing = self.session.status() != SetStatus.DONE
        after = self.open_next_open if finishing and not self.settings.stay_after_done else None
        self.session.toggle_status(SetStatus.DONE, after=after)

    def open_next_open(self, _changes: object = None) -> None:
        """Open the next document of the list, after this one (round from the start), that the owner
        has neither done nor skipped; read on the runner."""
        row, owner = self.current_row(), self.owner
        if owner is None:
            return
        summary = self.document_model.summary_at(row) if row >= 0 else None
        workspace, query = self.workspace, self.list_query

        def found(document_id: str | None) -> None:
            if not shiboken6.isValid(self):
                return
            if document_id is None:
                self.statusBar().showMessage(self.tr("Every document of the list is done"), 6000)
            elif document_id != self.document_id:
                self.show_document(document_id)

        self.runner.run(lambda: documents.next_open(workspace, query, summary, owner), on_done=found,
                        on_error=self._on_error)

    def toggle_status(self, status: SetStatus) -> None:
        """Put the owner's set of this document in ``status``, or, if it is there, back in progress."""
        if self.document_id is None or self.owner is None:
            return
        self.session.toggle_status(status)

    def go_to_span(self, step: int) -> None:
        """Tab / Shift+Tab: select the next (previous) span in text order."""
        target = next_span(self.view, step)
        if target is not None:
            self.show_span(target)

    def show_span(self, span: Span) -> None:
        self.view.select_core(span.start, span.end)
        self.view.ensureCursorVisible()
        self.view.setFocus()

    def _on_span_activated(self, span_id: int) -> None:
        for span in self.view.spans():
            if span.id == span_id:
                self.show_span(span)
                self._show_attributes(span)
                return

    # ------------------------------------------------------------ claims, relations
    def _show_claims(self, state: SetView) -> None:
        self._claims_drawn = state
        text = self.document.text if self.document else ""
        self.view.set_claims(state.claims)
        self.view.set_relations(state.relations)
        self.view.set_selected(self.session.current_claim_id)
        self.claim_panel.set_claims(text, state.claims, state.spans, [c.name for c in self.scheme.claim_types],
                                    state.proposals)
        self.claim_panel.select_claim(self.session.current_claim_id)
        self.relation_list.set_relations(text, state.relations, state.spans, state.claims)
        self.attributes_panel.show_relations(state.relations)

    def _show_notes(self, state: SetView) -> None:
        text = self.document.text if self.document else ""
        self.notes_list.set_notes(state.notes, {state.document_id: text})
        count = len(state.notes)
        self.lower_tabs.setTabText(self.lower_tabs.indexOf(self.notes_list),
                                   self.tr("Notes (%1)").replace("%1", str(count)) if count else self.tr("Notes"))

    def _on_caret_claim(self, claim: Claim | None) -> None:
        if claim is not None:
            self.claim_actions.current_claim_id = claim.id  # type: ignore[assignment]
            self.view.set_selected(claim.id)
            self.claim_panel.select_claim(claim.id)

    def _on_claim_selected(self, claim_id: Any) -> None:
        if claim_id is not None:
            self.claim_actions.current_claim_id = claim_id
            self.view.set_selected(claim_id)

    def _on_claim_activated(self, claim_id: Any) -> None:
        claim = self.claim_actions.current_claim() if claim_id == self.claim_actions.current_claim_id else None
        claim = claim or next((c for c in self.view.claims() if c.id == claim_id), None)
        if claim is None:
            return
        self.claim_actions.current_claim_id = claim.id  # type: ignore[assignment]
        self.view.select_core(claim.start, claim.end)
        self.view.set_selected(claim.id)
        self.view.ensureCursorVisible()
        self.view.setFocus()

    def _on_relation_activated(self, relation_id: Any) -> None:
        relation = next((r for r in (self.state.relations if self.state else ()) if r.id == relation_id), None)
        if relation is None:
            return
        ends = {**{s.id: s for s in self.view.spans()}, **{c.id: c for c in self.view.claims()}}
        head = ends.get(relation.head)
        if head is not None:
            self.view.select_core(head.start, head.end)
            self.view.set_selected(head.id)
            self.view.ensureCursorVisible()
            self.view.setFocus()

    def focus_claim_panel(self) -> None:
        self.lower_tabs.setCurrentWidget(self.claim_panel)
        self.claim_panel.setFocus()
        if self.claim_panel.currentRow() < 0 and self.claim_panel.rowCount():
            self.claim_panel.selectRow(0)

    def _on_caret_span(self, span: Span | None) -> None:
        self.span_list.select_span(None if span is None else span.id)
        self._show_attributes(span)

    def _show_attributes(self, span: Span | None) -> None:
        """The attribute editor on ``span`` (as stored: read again from the shown set by id)."""
        if span is not None:
            span = next((s for s in self.view.spans() if s.id == span.id), None)
        self.attributes_panel.show_span(span)

    # ------------------------------------------------------------ the team
    # ------------------------------------------------------------ the scheme
    def set_scheme(self, scheme: Scheme) -> None:
        """Show a new scheme version: colours, palette, attribute editor, label keys, and the
        document again (a rename or merge relabelled its spans)."""
        self.scheme = scheme
        self.session.scheme = scheme
        self.colors = label_colors(scheme, self.settings.color_blind)
        self.view.set_colors(self.colors)
        self.span_list.set_colors(self.colors)
        self.palette.set_scheme(scheme, self.colors)
        self.attribute_editor.scheme = scheme
        self.attributes_panel.set_scheme(scheme)
        for name in [n for n in self.actions_by_name if n.startswith(("label:", "claim:"))]:
            action = self.actions_by_name.pop(name)
            self.view.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        labels = [*label_bindings(scheme), *claim_type_bindings(scheme)]
        self.bindings = [*labels, *KEY_MAP]
        self._shifted = shifted_aliases(self.bindings)
        for item in labels:
            self._add_action(item)
        self._fill_label_menu()
        if self._cheat_sheet is not None:  # built again, from the new bindings, when next shown
            self._cheat_sheet.close()
            self._cheat_sheet.deleteLater()
            self._cheat_sheet = None
        for window in list(self.curation_windows.values()):  # open curation windows follow
            window.set_scheme(scheme)
        if self.document_id is not None:
            self.session.reload()

    # ------------------------------------------------------------ import, export
    # ------------------------------------------------------------ results
    def _on_changed(self, changes: Changes | None, state: SetView | None) -> None:
        """An action of this window committed: redraw what its Changes name (what it said is
        :class:`SaveStatus`'s)."""
        if changes is None:
            if state is not None:
                self._update_undo_actions(state)
            return
        if state is not None and state.document_id == self.document_id:
            self._redraw(state, changes)
        if changes.set_status and not changes.documents:  # undo of a status for many: the list anew
            self._set_query(self.list_query, open_first=False)
        else:
            self._refresh_list(changes.documents | ({state.document_id} if state else set()))

    def _redraw(self, state: SetView, changes: Changes | None) -> None:
        """Redraw what ``changes`` name (None: everything but the text)."""
        every = changes is None or changes.scheme
        spans = every or changes.spans
        text = self.document.text if self.document else ""
        shown_ids = {s.id for s in self.view.spans()}
        if spans:
            self.view.set_spans(state.spans)
            self.span_list.set_spans(text, state.spans)  # rewrites only the rows that changed
            self._show_attributes(self.attribute_editor.span or self.view.caret_span)
        # The claim table shows its claims and their speakers' text: drawn again only when the claims
        # or their proposals differ from those drawn, or spans came or went (a relabel keeps them all).
        old = self._claims_drawn
        claims_changed = (old is None or old.claims != state.claims or old.relations != state.relations
                          or old.proposals != state.proposals)
        if every or (changes.claims or changes.relations) and claims_changed \
                or (spans and shown_ids != {s.id for s in state.spans}):
            self._show_claims(state)
        elif spans:  # the relation list names its ends' labels; it rewrites only rows that changed
            self.relation_list.set_relations(text, state.relations, state.spans, state.claims)
        if spans or changes.notes:  # a note names its span's label; a span's removal takes its notes
            self._show_notes(state)
        self._update_counts(state)
        self._update_undo_actions(state)

    def _refresh_list(self, document_ids: set[str] | frozenset[str]) -> None:
        if self.list_query.status is not None:
            # a status filter: the changed rows may leave (or join) the list
            self._set_query(self.list_query, open_first=False)
        else:
            for document_id in document_ids:
                self.document_model.refresh_document(document_id)

    def _on_committed_elsewhere(self, changes: Changes, source: SetSession) -> None:
        """Another window of this application saved (a curator's gold): the list's rows, and this set
        again if that window acted on it."""
        if source is self.session:
            return
        self._refresh_list(changes.documents)
        if (self.document_id in changes.documents and source.owner == self.session.owner
                and self.document_id is not None):
            self.session.reload()

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError):  # refused: nothing was changed, nothing was lost
            message = str(exc)
            self.saved_label.setText(self.tr("Nothing changed"))
        else:
            log.error("action failed", exc_info=exc)
            message = self.tr("Error: %1").replace("%1", f"{type(exc).__name__}: {exc}")
            self.saved_label.setText(self.tr("Not saved"))
        self.statusBar().showMessage(message, 10000)

    def _update_counts(self, state: SetView | None) -> None:
        total = state.total if state is not None and state.total is not None else self.document_model.rowCount()
        done = state.done if state is not None else 0
        self.documents_label.setText(self.tr("%1 / %2 documents done").replace("%1", str(done))
                                     .replace("%2", str(total)))
        spans = len(state.spans) if state is not None else 0
        self.spans_label.setText(self.tr("%n span(s) in this document", "", spans))
        self._update_position()

    def _update_undo_actions(self, state: SetView) -> None:
        undo, redo = self.actions_by_name["undo"], self.actions_by_name["redo"]
        undo.setText(self.tr("Undo: %1").replace("%1", state.undo_label) if state.undo_label else self.tr("Undo"))
        redo.setText(self.tr("Redo: %1").replace("%1", state.redo_label) if state.redo_label else self.tr("Redo"))
        undo.setEnabled(state.undo_label is not None)
        redo.setEnabled(state.redo_label is not None)

    def quit_application(self) -> None:
        """File ▸ Quit: close every window, which ends the application (the last window closed
        quits it, as when the user closes them); every action is already saved, so nothing is
        asked. No QApplication.quit() after closing: the quit that closing the last window
        posts would then outlive the event loop and end the next one at once."""
        QApplication.closeAllWindows()

    # ------------------------------------------------------------ where the user left off
    LAYOUTS = ("main_splitter", "middle_splitter", "right_splitter")

    def _restore_layout(self) -> None:
        geometry = decode(self.window_state.geometry)
        if geometry is not None:
            self.restoreGeometry(geometry)
        for name in self.LAYOUTS:
            state = decode(self.window_state.layouts.get(name))
            if state is not None:
                getattr(self, name).restoreState(state)
        # the list's six columns (title first): a state saved for the four before is not restored
        header = decode(self.window_state.layouts.get("document_list_columns"))
        if header is not None:
            self.document_table.horizontalHeader().restoreState(header)

    def save_place(self) -> None:
        """Keep where the user is (document, caret, filters, layout) for the next start."""
        state = self.window_state
        state.geometry = encode(self.saveGeometry())
        for name in self.LAYOUTS:
            state.layouts[name] = encode(getattr(self, name).saveState())
        state.layouts["document_list_columns"] = encode(self.document_table.horizontalHeader().saveState())
        state.places[self._place_key] = Place(self.document_id, self.view.caret_core() if self.document_id else 0,
                                              self.filter_bar.values())
        try:
            save_window_state(state)
        except OSError as exc:  # a read-only config directory: the work is saved, only the place is not
            log.warning("window state not saved: %s", exc)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_place()
        self.filter_bar.drop_pending()
        self._watch_timer.stop()
        self.action_watch.stop()
        self.upkeep.stop()
        self.repeat_indexing.stop()
        self.runner.wait()  # let the last action commit and its result arrive
        self.close_side_windows()
        self.runner.wait()  # and what closing them saved (the scheme editor's last guideline)
        super().closeEvent(event)


def format_count(number: int) -> str:
    """A count with the user's thousands separators ("5,000", "5 000"); the C locale reads as English."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(number)


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(2, 2, 2, 2)
    layout.setSpacing(2)
    heading = QLabel(f"<b>{title}</b>")
    layout.addWidget(heading)
    layout.addWidget(widget)
    return box
