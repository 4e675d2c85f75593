"""The annotation window's actions and menus, built from the key map and the scheme's hotkeys.

A mixin of :class:`~annotator.gui.annotate.main_window.MainWindow`: every key
binding becomes one ``QAction`` (bare keys act only in the text; keys with Ctrl,
Alt or F-keys anywhere in the window), and the menus list them.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from annotator.gui.common.keys import (
    TOGGLES,
    KeyBinding,
    describe,
    text_only,
)
from annotator.gui.session.edge_keys import EDGE_ACTIONS


class WindowActions:
    _shifted: dict[str, list] = {}  # action -> its unshown Shift+letter aliases (keys.shifted_aliases)

    def _add_action(self, item: KeyBinding) -> QAction:
        """The window's action for a key binding: a label key, a switch or a command."""
        action = QAction(describe(item), self)
        action.setShortcuts(item.sequences() + self._shifted.get(item.action, []))
        # bare keys act in the text only (typing in the claim panel or the filter must not label);
        # keys with Ctrl or Alt, and F-keys, anywhere in the window
        in_text = text_only(item.keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if in_text
                                  else Qt.ShortcutContext.WindowShortcut)
        if item.action.startswith("label:"):
            action.triggered.connect(partial(self.apply_label, item.action.split(":", 1)[1]))
        elif item.action.startswith("claim:"):
            action.triggered.connect(partial(self.claim_actions.make_claim, item.action.split(":", 1)[1]))
        elif item.action in TOGGLES:
            toggle, checked = self._toggles[item.action]
            action.setCheckable(True)
            action.setChecked(checked)
            action.toggled.connect(toggle)
        else:
            action.triggered.connect(self._handlers[item.action])
        (self.view if in_text else self).addAction(action)
        self.actions_by_name[item.action] = action
        return action

    def _fill_label_menu(self) -> None:
        self.label_menu.clear()
        for entity in self.scheme.entities:
            action = self.actions_by_name.get(f"label:{entity.name}")
            if action is not None:
                self.label_menu.addAction(action)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for name in ("import", "export"):
            file_menu.addAction(self.actions_by_name[name])
        file_menu.addSeparator()
        self.actions_by_name["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.actions_by_name["quit"])
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        for name in ("undo", "redo", "remove_span", "add_fragment", "mark_done"):
            edit.addAction(self.actions_by_name[name])
        edges = edit.addMenu(self.tr("Span &edges"))
        for name in EDGE_ACTIONS:
            edges.addAction(self.actions_by_name[name])
        links = edit.addMenu(self.tr("Entity &links"))
        for name in ("link_entity", "link_like_document", "link_like_corpus"):
            links.addAction(self.actions_by_name[name])
        edit.addSeparator()
        for name in ("find", "find_next", "find_previous", "corpus_search"):
            edit.addAction(self.actions_by_name[name])
        self.label_menu = self.menuBar().addMenu(self.tr("&Label"))
        self._fill_label_menu()
        suggestions_menu = self.menuBar().addMenu(self.tr("&Suggestions"))
        for name in ("accept_suggestion", "reject_suggestion", "accept_label_suggestions"):
            suggestions_menu.addAction(self.actions_by_name[name])
        suggestions_menu.addSeparator()
        self.suggest_action = suggestions_menu.addAction(self.tr("Suggest with the models…"))
        self.suggest_action.triggered.connect(lambda: self.open_suggest_dialog())
        self.propagate_action = suggestions_menu.addAction(self.tr("Propose my annotations of the repeated "
                                                                   "passages in their copies"))
        self.propagate_action.triggered.connect(lambda: self.repeat_places.propagate())
        go = self.menuBar().addMenu(self.tr("&Go"))
        for name in ("next_span", "previous_span", "next_document", "previous_document", "jump_to_copy"):
            go.addAction(self.actions_by_name[name])
        options = self.menuBar().addMenu(self.tr("&Options"))
        options.addAction(self.actions_by_name["toggle_snap"])
        options.addAction(self.actions_by_name["toggle_tags"])
        options.addAction(self.actions_by_name["scheme_editor"])
        options.addSeparator()
        preferences = self.actions_by_name["preferences"]
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: in the application menu
        options.addAction(preferences)
        team = self.menuBar().addMenu(self.tr("&Team"))
        for name in ("dashboard", "curate", "team_notes", "claims_browser", "entity_page"):
            team.addAction(self.actions_by_name[name])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.actions_by_name["cheat_sheet"])
        self.about_action = help_menu.addAction(self.tr("&About annotator…"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
