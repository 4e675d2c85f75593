"""What the annotation window does with the document list's selection, and the list's View menu.

Marking the selected documents done (or in progress) is one action of the owner
(``services.annotating.set_statuses``), so Ctrl+Z takes it back whole; export
opens the export dialog on the selection. The compact list is a View menu switch
kept in the settings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from annotator.domain.model import SetStatus
from annotator.gui.common.settings import save_settings
from annotator.services import annotating


class ListActions(QObject):
    def __init__(self, window: Any):  # the MainWindow (not imported: it imports this module)
        super().__init__(window)
        self.window = window
        table = window.document_table
        table.status_requested.connect(self.mark_selected)
        table.export_requested.connect(self.export_selected)
        self.compact_action = QAction(self.tr("Compact document list"), window)
        self.compact_action.setCheckable(True)
        self.compact_action.setChecked(table.compact)
        self.compact_action.toggled.connect(self.set_compact)

    def add_menus(self) -> None:
        """A View menu with the compact switch; the selection's actions in the Edit and File menus."""
        window = self.window
        bar = window.menuBar()
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self.compact_action)
        help_menu = next((a for a in bar.actions() if a.menu() is not None and a.text() == window.tr("&Help")), None)
        if help_menu is not None:  # View before Help, as everywhere
            bar.insertAction(help_menu, view.menuAction())
        table = window.document_table
        for action in bar.actions():
            menu = action.menu()
            if menu is None:
                continue
            if action.text() == window.tr("&Edit"):
                menu.addSeparator()
                menu.addAction(table.mark_done_action)
                menu.addAction(table.mark_in_progress_action)
            elif action.text() == window.tr("&File"):
                menu.insertAction(window.actions_by_name["quit"], table.export_action)

    def set_compact(self, compact: bool) -> None:
        window = self.window
        window.document_table.set_compact(compact)
        if window.settings.compact_list != compact:
            window.settings.compact_list = compact
            try:
                save_settings(window.settings)
            except OSError as exc:  # a read-only config directory: the list still changes
                window.statusBar().showMessage(str(exc), 6000)

    def mark_selected(self, status: SetStatus) -> None:
        """Every selected document gets ``status`` for the owner: one action, undone as one."""
        window = self.window
        owner = window.owner
        if owner is None:
            window.statusBar().showMessage(self.tr("Choose who you are first (Options → Preferences)"), 6000)
            return

        def chosen(ids: list[str]) -> None:
            if not ids:
                window.statusBar().showMessage(self.tr("Select some documents in the list first"), 5000)
                return
            workspace, user, session = window.workspace, window.session.user, window.session
            session.submit(lambda: annotating.set_statuses(workspace, ids, status, owner=owner, user=user))

        window.document_table.selected_ids(chosen)

    def export_selected(self) -> None:
        self.window.open_export_dialog()
