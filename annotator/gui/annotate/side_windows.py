"""The annotation window's side windows: what opens from it, and how it follows what they change.

A mixin of :class:`~annotator.gui.annotate.main_window.MainWindow` (it reads the
window's workspace, runner, session, hub, settings and scheme): the curation
windows (one per document, sharing the window's sessions' hub), the agreement
dashboard, the team's notes, the scheme editor, the import and export dialogs
(and files dropped on the window), preferences, the cheat sheet and About.
Each opens once and is raised when asked again; closing the window closes them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from annotator.domain.notes import Note
from annotator.gui.setup.about import AboutDialog
from annotator.gui.notes.team_notes import TeamNotes
from annotator.gui.io.export_dialog import ExportDialog
from annotator.gui.io.import_dialog import ImportDialog
from annotator.gui.common.keys import (
    CARET_KEYS,
    CheatSheet,
    label_guidelines,
)
from annotator.gui.setup.preferences import PreferencesDialog
from annotator.gui.common.side_window_keys import side_window
from annotator.services.views.scheme_view import read_scheme_view

if TYPE_CHECKING:  # imported when first opened: the window starts without their modules (numpy, agreement)
    from annotator.gui.curate.curation_window import CurationWindow
    from annotator.gui.entities.claims_browser import ClaimsBrowser
    from annotator.gui.entities.entity_page import EntityPage
    from annotator.gui.team.dashboard import AgreementDashboard
    from annotator.gui.scheme.scheme_editor import SchemeEditor
    from annotator.services.views.scheme_view import SchemeView


class SideWindows:
    def open_dashboard(self) -> AgreementDashboard:
        """Team ▸ Agreement dashboard: a document picked there opens in the curation window."""
        if self.dashboard is None:
            from annotator.gui.team.dashboard import AgreementDashboard

            self.dashboard = AgreementDashboard(self.workspace, self.runner, self)
            self.dashboard.curate_requested.connect(self.open_curation)
            side_window(self.dashboard, self._back_to_text)
        else:
            self.dashboard.refresh()
        self.dashboard.show()
        self.dashboard.raise_()
        return self.dashboard

    def open_curation(self, document_id: str | None = None) -> CurationWindow | None:
        """The curation window on a document (this one by default): for writing if you are a curator,
        else to look."""
        document_id = document_id or self.document_id
        if document_id is None or self.owner is None:
            return None
        window = self.curation_windows.get(document_id)
        if window is None:
            from annotator.gui.curate.curation_window import CurationWindow

            window = CurationWindow(self.workspace, self.runner, self.owner, document_id, self.settings,
                                    scheme=self.scheme, hub=self.hub)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda _=None, d=document_id: self.curation_windows.pop(d, None))
            self.curation_windows[document_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_suggest_dialog(self):
        """Suggestions ▸ Suggest with the models: this document, the list as filtered, or all; the set is
        read again when a run ends, so the new suggestions appear."""
        from annotator.gui.annotate.suggest_dialog import SuggestDialog

        dialog = getattr(self, "suggest_dialog", None)
        if dialog is None or not shiboken6.isValid(dialog):
            dialog = self.suggest_dialog = SuggestDialog(self.workspace, self.runner, self.document_id,
                                                         self.list_query, self)
            dialog.suggested.connect(lambda _report: self.document_id is not None and self.session.reload())
        elif not dialog.running:
            dialog.retarget(self.document_id, self.list_query)
        dialog.show()
        dialog.raise_()
        return dialog

    def open_note(self, note: Note) -> None:
        """A note from the team's list: its document in the curation window, at what the note is on."""
        window = self.open_curation(note.document_id)
        if window is None:
            return
        if window.state is None:  # still loading: show it when the lanes are there
            def show() -> None:
                window.state_loaded.disconnect(show)
                window.show_note(note)

            window.state_loaded.connect(show)
        else:
            window.show_note(note)

    def open_claims_browser(self) -> ClaimsBrowser:
        """Team ▸ Who said what: claims across the corpus; Enter on one shows it in its document."""
        if self.claims_browser is None:
            from annotator.gui.entities.claims_browser import ClaimsBrowser

            self.claims_browser = ClaimsBrowser(self.workspace, self.runner, self.owner,
                                                [c.name for c in self.scheme.claim_types], self)
            self.claims_browser.claim_requested.connect(
                lambda document_id, _claim, start, end: self.jump_to(document_id, start, end))
            self.session.changed.connect(self.claims_browser.follow)
        else:
            self.claims_browser.refresh()
        self.claims_browser.show()
        self.claims_browser.raise_()
        return self.claims_browser

    def open_entity_page(self) -> EntityPage:
        """Team ▸ Entities: the owner's entities and their mentions; a mention opens its document."""
        if self.entity_page is None:
            from annotator.gui.entities.entity_page import EntityPage

            self.entity_page = EntityPage(self.session, self)
            self.entity_page.mention_requested.connect(self.jump_to)
        else:
            self.entity_page.refresh()
        self.entity_page.show()
        self.entity_page.raise_()
        return self.entity_page

    def open_team_notes(self) -> TeamNotes:
        """Team ▸ notes: every annotator's notes and flags; one opens its document for curation."""
        if self.team_notes is None:
            self.team_notes = TeamNotes(self.workspace, self.runner, self)
            self.team_notes.note_requested.connect(self.open_note)
            side_window(self.team_notes, self._back_to_text)
        else:
            self.team_notes.refresh()
        self.team_notes.show()
        self.team_notes.raise_()
        return self.team_notes

    def open_scheme_editor(self) -> SchemeEditor | None:
        """The scheme editor (one per window); its changes apply to this window at once.

        The first time, what it shows is read on the runner and the editor is built and shown when
        that arrives: None then (it is ``self.scheme_editor`` once the runner is done)."""
        if self.scheme_editor is not None:
            self.scheme_editor.show()
            self.scheme_editor.raise_()
            return self.scheme_editor
        if getattr(self, "_scheme_editor_loading", False):
            return None  # asked for already
        self._scheme_editor_loading = True
        workspace, user = self.workspace, self.owner or ""

        def build(state: SchemeView) -> None:
            self._scheme_editor_loading = False
            if not shiboken6.isValid(self) or self.scheme_editor is not None:
                return
            from annotator.gui.scheme.scheme_editor import SchemeEditor

            self.scheme_editor = SchemeEditor(workspace, self.runner, user, state, self)
            self.scheme_editor.scheme_changed.connect(self.set_scheme)
            side_window(self.scheme_editor, self._back_to_text)
            self.scheme_editor.show()
            self.scheme_editor.raise_()
            if getattr(self, "_brat_conf_pending", None) is not None:  # asked for while it was being read
                self.scheme_editor.offer_brat_proposal(self._brat_conf_pending)
                self._brat_conf_pending = None

        def failed(exc: BaseException) -> None:
            self._scheme_editor_loading = False
            if shiboken6.isValid(self):
                self._on_error(exc)

        self.runner.run(partial(read_scheme_view, workspace, user), on_done=build, on_error=failed)
        return None

    def offer_brat_conf(self, path: Path) -> None:
        """The scheme editor, offering what a brat annotation.conf adds (the import dialog's button)."""
        editor = self.open_scheme_editor()
        if editor is None:
            self._brat_conf_pending = path
        else:
            editor.offer_brat_proposal(path)

    def open_import_dialog(self, paths: list[Path] | None = None) -> ImportDialog:
        """The import dialog (one per window), with ``paths`` chosen if given."""
        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self.workspace, self.runner, self.owner, self)
            self.import_dialog.imported.connect(self._on_imported)
            side_window(self.import_dialog, self._back_to_text)
            self.import_dialog.brat_conf_offered.connect(self.offer_brat_conf)
        if paths:
            self.import_dialog.set_paths(list(paths))
        self.import_dialog.show()
        self.import_dialog.raise_()
        self.import_dialog.activateWindow()
        return self.import_dialog

    def open_export_dialog(self) -> ExportDialog | None:
        """A new export dialog on the list's current selection and filters (the selection's ids read
        on the runner when the list does not hold their rows: then the dialog opens once they come)."""
        if self.export_dialog is not None and self.export_dialog.running:
            self.export_dialog.show()
            self.export_dialog.raise_()
            return self.export_dialog
        opened: list[ExportDialog] = []
        self.document_table.selected_ids(lambda ids: opened.append(self._show_export_dialog(ids)))
        return opened[0] if opened else None

    def _show_export_dialog(self, selected: list[str]) -> ExportDialog:
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
        self.export_dialog = ExportDialog(self.workspace, self.runner, self.owner, selected,
                                          self.document_model.query, self)
        side_window(self.export_dialog, self._back_to_text)
        if len(selected) > 1:  # several chosen: they are what is meant
            self.export_dialog.selected_radio.setChecked(True)
        self.export_dialog.show()
        self.export_dialog.raise_()
        return self.export_dialog

    def _on_imported(self, _report: object) -> None:
        """A committed import: the list and the counts again from the store, and its documents into
        the index of repeated passages, in the background."""
        self.repeat_indexing.start()
        self._set_query(self.list_query, open_first=self.document is None)
        if self.document_id is not None:
            self.session.reload()
        else:
            self._update_counts(None)

    @staticmethod
    def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.dropped_paths(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = self.dropped_paths(event)
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.open_import_dialog(paths)

    def open_preferences(self) -> PreferencesDialog:
        """Options ▸ Preferences…: the dialog on a copy of the settings; OK applies and saves them."""
        if self.preferences_dialog is not None:
            self.preferences_dialog.raise_()
            self.preferences_dialog.activateWindow()
            return self.preferences_dialog
        dialog = PreferencesDialog(self.settings, self)
        self.preferences_dialog = dialog
        side_window(dialog, self._back_to_text)

        def finished(_result: int) -> None:
            self.preferences_dialog = None
            dialog.deleteLater()
            self.activateWindow()  # the keys go to the text again
            self.view.setFocus()

        dialog.accepted.connect(lambda: self.apply_preferences(dialog.result_settings()))
        dialog.finished.connect(finished)
        dialog.open()  # window-modal, returns at once
        return dialog

    def close_side_windows(self) -> None:
        """Close the windows opened from this one: its curation windows, the scheme editor, the
        dashboard, the team's notes and the cheat sheet (when this window closes or is built again
        in another language; the user opens them again from the new one)."""
        for window in list(self.curation_windows.values()):
            if shiboken6.isValid(window):
                window.close()
        self.curation_windows.clear()
        for dialog in (self.scheme_editor, self.dashboard, self.team_notes, self._cheat_sheet, self.claims_browser,
                       self.entity_page, getattr(self, "suggest_dialog", None)):
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.close()

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.workspace.store.url, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        side_window(dialog, self._back_to_text)
        dialog.open()
        return dialog

    def show_cheat_sheet(self) -> CheatSheet:
        if self._cheat_sheet is None:
            self._cheat_sheet = CheatSheet([*self.bindings, *CARET_KEYS], self, label_guidelines(self.scheme))
            side_window(self._cheat_sheet, self._back_to_text)
        self._cheat_sheet.show()
        self._cheat_sheet.raise_()
        return self._cheat_sheet

    def _back_to_text(self, *_args: object) -> None:
        """A side window closed: this window and its text have the keys again."""
        self.activateWindow()
        self.view.setFocus()

    def selected_document_ids(self) -> list[str]:
        """The selected documents the list holds the rows of (see DocumentTable.selected_ids for all)."""
        ids: list[str] = []
        self.document_table.selected_ids(ids.extend)
        return ids
