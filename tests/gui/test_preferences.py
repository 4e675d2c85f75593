"""Options ▸ Preferences…: the dialog checks the name; OK applies to the live window and saves.

A language change builds the window again (GuiSession.rebuild, as the application does);
everything else applies in place. Checked in the window, the settings file and the store.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator import paths
from annotator.gui.annotate.main_window import MainWindow
from annotator.gui.app import GuiSession
from annotator.gui.common.keys import KEY_MAP, binding
from annotator.gui.common.label_colors import SAFE_PALETTE, label_colors
from annotator.gui.setup.preferences import PreferencesDialog
from annotator.gui.common.settings import GuiSettings, load_settings, settings_file
from annotator.services import documents

from tests.gui.windows import OWNER, make_window

MENUS = ("&File", "&Edit", "&Label", "&Suggestions", "&Go", "&Options", "&Team", "&View", "&Help")
MENU_CONTEXTS = {"&View": "ListActions"}  # the View menu is the list's (gui/annotate/list_actions.py)


def russian(source: str, context: str | None = None) -> str:
    """The committed Russian translation of ``source``, in ``context`` or, by default, in one of the
    main window's classes (Qt looks a window's strings up along its classes, as PySide's tr does)."""
    contexts = [context] if context else [cls.__name__ for cls in MainWindow.__mro__]
    root = ET.parse(paths.resource("translations", "annotator_ru.ts")).getroot()
    for name in contexts:
        for element in root.iter("context"):
            if element.findtext("name") == name:
                for message in element.iter("message"):
                    if message.findtext("source") == source:
                        return message.findtext("translation")
    raise KeyError((contexts, source))


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def open_dialog(qtbot, window) -> PreferencesDialog:
    """Options ▸ Preferences… by its key, as a user would."""
    qtbot.keyClick(window.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.preferences_dialog
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    return dialog


def press_ok(qtbot, dialog: PreferencesDialog) -> None:
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def swatch_color(icon) -> str:
    return icon.pixmap(14, 14).toImage().pixelColor(7, 7).name()


def stored_spans(workspace, document_id, owner):
    sets = documents.annotation_sets(workspace, document_id, owner)
    return sorted((s.start, s.end, s.label) for s in sets[0].spans) if sets else []


# ---------------------------------------------------------------- the action


def test_preferences_is_in_the_options_menu_and_on_ctrl_comma(qtbot, window):
    assert binding("preferences").keys == ("Ctrl+,",)
    assert "preferences" in [b.action for b in KEY_MAP]  # so the F1 cheat sheet lists it
    action = window.actions_by_name["preferences"]
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    options = next(m.menu() for m in window.menuBar().actions() if m.text() == "&Options")
    assert action in options.actions()
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    dialog = open_dialog(qtbot, window)
    assert window.open_preferences() is dialog  # one at a time
    dialog.reject()
    assert window.preferences_dialog is None


def test_the_dialog_shows_the_settings(qtbot):
    settings = GuiSettings(annotator="boris", snap_to_tokens=False, font_size=17, language="ru",
                           color_blind=True, database="/data/news.sqlite3")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "boris"
    assert dialog.language_combo.currentData() == "ru" and dialog.language_combo.currentText() == "Русский"
    assert [dialog.language_combo.itemData(i) for i in range(dialog.language_combo.count())] == [None, "en", "ru"]
    assert dialog.language_combo.itemText(1) == "English"
    assert not dialog.snap_box.isChecked() and dialog.color_blind_box.isChecked()
    assert dialog.font_size_spin.value() == 17
    assert (dialog.font_size_spin.minimum(), dialog.font_size_spin.maximum()) == (6, 48)
    assert dialog.database_edit.text() == "/data/news.sqlite3"
    assert "restart" in dialog.database_note.text()
    assert dialog.result_settings() == settings  # nothing changed, nothing lost
    assert settings.annotator == "boris"
    dialog.name_edit.setText("vera")
    assert settings.annotator == "boris"  # a copy is edited


# ---------------------------------------------------------------- the name


@pytest.mark.parametrize("bad", ["", "   ", " anna", "anna ", "gold", "an\x1bna", "an\u202ena", "a" * 65])
def test_the_dialog_refuses_an_invalid_name(qtbot, window, bad):
    before = settings_file().exists()
    dialog = open_dialog(qtbot, window)
    assert dialog.ok_button.isEnabled() and not dialog.name_problem.isVisible()
    dialog.name_edit.setText(bad)
    assert not dialog.ok_button.isEnabled()
    assert dialog.name_problem.isVisible() and dialog.name_problem.text()
    assert "color: #b00020" in dialog.name_problem.styleSheet()  # red
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter does not get past it
    dialog.accept()  # nor does a direct accept
    assert dialog.isVisible()
    assert window.settings.annotator == OWNER and window.owner == OWNER
    assert settings_file().exists() == before
    dialog.name_edit.setText("boris")  # valid again: the problem goes, OK comes back
    assert dialog.ok_button.isEnabled() and not dialog.name_problem.isVisible()
    dialog.reject()
    assert window.owner == OWNER


def test_a_new_name_puts_the_next_label_in_the_new_annotators_set(qtbot, window):
    ws, doc = window.workspace, window.document_id
    view = window.view
    start = view.text.index("Токаев")
    view.select_core(start, start + len("Токаев"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert window.runner.wait()
    assert stored_spans(ws, doc, OWNER) == [(start, start + 6, "PER")]

    dialog = open_dialog(qtbot, window)
    dialog.name_edit.setText("boris")
    press_ok(qtbot, dialog)
    assert window.runner.wait()
    assert window.owner == window.settings.annotator == "boris"
    assert load_settings().annotator == "boris"
    assert window.document_id == doc
    assert window.view.spans() == []  # boris's set of this document: empty so far
    assert "boris" in window.windowTitle()

    word = view.text.index("Казахстан")
    view.select_core(word, word + len("Казахстан"))
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert window.runner.wait()
    assert stored_spans(ws, doc, "boris") == [(word, word + 9, "GPE")]
    assert stored_spans(ws, doc, OWNER) == [(start, start + 6, "PER")]  # anna's untouched
    assert [(s.start, s.label) for s in window.view.spans()] == [(word, "GPE")]


# ---------------------------------------------------------------- font, snapping, colours


def test_font_size_snapping_and_colour_blind_apply_to_the_live_window_and_are_saved(qtbot, window):
    view = window.view
    start = view.text.index("Токаев")
    view.select_core(start, start + len("Токаев"))
    qtbot.keyClick(view, Qt.Key.Key_1)  # a PER span, for the span list's swatch
    assert window.runner.wait()
    own = window.scheme.entity("PER").color.lower()
    assert view.highlighter.color("PER").name() == own
    assert swatch_color(window.span_list.item(0, 0).icon()) == own
    assert window.palette.swatch_colors()["PER"] == own
    snap = window.actions_by_name["toggle_snap"]
    assert view.font().pointSize() == 12 and view.snap_to_tokens and snap.isChecked()

    dialog = open_dialog(qtbot, window)
    dialog.font_size_spin.setValue(20)
    dialog.snap_box.setChecked(False)
    dialog.color_blind_box.setChecked(True)
    press_ok(qtbot, dialog)

    assert view.font().pointSize() == 20
    assert not view.snap_to_tokens and not snap.isChecked()  # the menu's tick follows
    safe = label_colors(window.scheme, True)
    assert window.colors == safe and safe["PER"] == SAFE_PALETTE[0] != own
    for name, color in safe.items():
        assert view.highlighter.color(name).name() == color
    assert swatch_color(window.span_list.item(0, 0).icon()) == safe["PER"]
    palette_icons = {window.palette.item(i).data(Qt.ItemDataRole.UserRole): window.palette.item(i).icon()
                     for i in range(window.palette.count())}
    assert {name: swatch_color(icon) for name, icon in palette_icons.items()} == safe
    assert load_settings() == GuiSettings(annotator=OWNER, snap_to_tokens=False, font_size=20, color_blind=True)

    # the menu switch and the dialog stay in step
    snap.trigger()
    assert view.snap_to_tokens and load_settings().snap_to_tokens is True
    dialog = open_dialog(qtbot, window)
    assert dialog.snap_box.isChecked() and dialog.color_blind_box.isChecked()
    assert dialog.font_size_spin.value() == 20
    dialog.color_blind_box.setChecked(False)
    press_ok(qtbot, dialog)
    assert window.colors == label_colors(window.scheme, False)
    assert view.highlighter.color("PER").name() == own
    assert window.palette.swatch_colors()["PER"] == own
    assert load_settings().color_blind is False


def test_a_colour_blind_setting_colours_a_new_window(qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner, color_blind=True)
    assert window.colors == label_colors(window.scheme, True)
    assert window.view.highlighter.color("ORG").name() == SAFE_PALETTE[1]
    assert window.palette.swatch_colors()["ORG"] == SAFE_PALETTE[1]


def test_cancel_changes_nothing(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.font_size_spin.setValue(30)
    dialog.color_blind_box.setChecked(True)
    dialog.name_edit.setText("boris")
    dialog.reject()
    assert window.view.font().pointSize() == 12 and window.owner == OWNER
    assert window.colors == label_colors(window.scheme, False)
    assert not settings_file().exists()


# ---------------------------------------------------------------- database


def test_the_database_is_saved_for_the_next_start(qtbot, window, tmp_path, monkeypatch):
    chosen = tmp_path / "other.sqlite3"
    dialog = open_dialog(qtbot, window)
    assert paths.default_database() in dialog.database_edit.placeholderText()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.database_edit.text() == str(chosen)
    press_ok(qtbot, dialog)
    assert load_settings().database == str(chosen)
    assert window.workspace is not None and window.statusBar().currentMessage()  # "after a restart"

    dialog = open_dialog(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dialog.browse_database() is None and dialog.database_edit.text() == str(chosen)  # cancelled
    dialog.database_edit.setText("postgresql://anna@db.example/news")
    press_ok(qtbot, dialog)
    assert load_settings().database == "postgresql://anna@db.example/news"
    dialog = open_dialog(qtbot, window)
    dialog.database_edit.setText("  ")
    press_ok(qtbot, dialog)
    assert load_settings().database is None  # empty: the default


# ---------------------------------------------------------------- language


@pytest.fixture
def session(qapp, gui_workspace, runner):
    """The application's session on the sample corpus (English), its window closed afterwards."""
    gui_session = GuiSession(qapp, GuiSettings(annotator=OWNER, language="en"))
    yield gui_session
    if gui_session.window is not None:
        gui_session.window.close()
        gui_session.window.deleteLater()
    gui_session.remove_translators()
    assert QCoreApplication.translate("WindowActions", "&Edit") == "&Edit"  # the other tests stay English


def switch_language(qtbot, session, code: str):
    old = session.window
    dialog = open_dialog(qtbot, old)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(code))
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: session.window is not old)  # rebuilt once the dialog is done
    window = session.window
    qtbot.waitExposed(window)
    assert session.runner.wait()
    assert not old.isVisible()
    return window


def test_switching_the_language_rebuilds_the_window_in_russian_and_back(qtbot, session, gui_workspace, runner):
    window = session.open_window(gui_workspace, runner)
    window.show()
    qtbot.waitExposed(window)
    assert runner.wait()
    assert menu_titles(window) == list(MENUS)
    window.select_row(2)
    assert runner.wait()
    document_id = window.document_id
    window.view.set_font_size(12)

    russian_window = switch_language(qtbot, session, "ru")
    assert russian_window is not window
    assert menu_titles(russian_window) == [russian(m, MENU_CONTEXTS.get(m)) for m in MENUS]
    assert menu_titles(russian_window)[0] == "&Файл"
    assert russian_window.document_id == document_id  # at the same document
    assert russian_window.current_row() == 2
    assert russian_window.workspace is gui_workspace and russian_window.runner is runner
    assert russian_window.settings is session.settings
    assert load_settings().language == "ru"
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMainWindow")] \
        == [russian_window]

    english_window = switch_language(qtbot, session, "en")
    assert menu_titles(english_window) == list(MENUS)
    assert english_window.document_id == document_id
    assert load_settings().language == "en"
    assert [Path(t.filePath()).name for t in session.translators] == ["annotator_en.qm"]  # plural forms only


def test_other_preferences_do_not_rebuild_the_window(qtbot, session, gui_workspace, runner):
    window = session.open_window(gui_workspace, runner)
    window.show()
    assert runner.wait()
    dialog = open_dialog(qtbot, window)
    dialog.font_size_spin.setValue(14)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))  # the same language
    press_ok(qtbot, dialog)
    qtbot.wait(50)
    assert session.window is window and window.isVisible()
    assert window.view.font().pointSize() == 14


def test_switching_the_language_closes_the_old_windows_curation_and_team_windows(qtbot, session, gui_workspace,
                                                                                 runner):
    import shiboken6

    window = session.open_window(gui_workspace, runner)
    window.show()
    qtbot.waitExposed(window)
    assert runner.wait()
    curation = window.open_curation()
    assert runner.wait() and curation.isVisible()
    window.open_scheme_editor()
    assert runner.wait()
    side = [window.scheme_editor, window.open_dashboard(), window.open_team_notes()]
    assert runner.wait() and all(w.isVisible() for w in side)
    window.activateWindow()  # back in the main window, the user opens Preferences
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()

    russian_window = switch_language(qtbot, session, "ru")
    qtbot.waitUntil(lambda: not shiboken6.isValid(curation))  # closed (and gone: deleted on close)
    assert all(not shiboken6.isValid(w) or not w.isVisible() for w in side)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [russian_window]
    assert russian_window.curation_windows == {}

    # Team ▸ Curate opens it again, in Russian, and only once
    again = russian_window.open_curation()
    assert runner.wait()
    assert again is not None and russian_window.curation_windows == {russian_window.document_id: again}
    assert menu_titles(again)[0] == russian("&Edit", "CurationWindow")
    again.close()
