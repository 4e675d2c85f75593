"""The application's identity (name, organisation, version, icon), the About dialog with the
libraries' licences, and File ▸ Quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from annotator import licences, paths
from annotator.gui.setup import identity
from annotator.gui.setup.about import AboutDialog

ROOT = Path(__file__).resolve().parents[2]


def test_the_application_says_who_it_is(qapp):
    identity.set_identity(qapp)
    assert QCoreApplication.applicationName() == QCoreApplication.organizationName() == "annotator"
    assert QCoreApplication.applicationVersion() == licences.version() != ""
    assert QGuiApplication.desktopFileName() == "io.github.annotator_project.annotator"
    assert (ROOT / "packaging" / f"{QGuiApplication.desktopFileName()}.desktop").is_file()
    icon = QGuiApplication.windowIcon()
    assert not icon.isNull()
    assert {QSize(n, n) for n in identity.ICON_SIZES} <= set(icon.availableSizes())


def test_the_icon_files_have_the_sizes_their_folders_name():
    hicolor = paths.resource("icons", "hicolor")
    for size in identity.ICON_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / "annotator.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()  # the rounded corners are transparent
    svg = hicolor / "scalable" / "apps" / "annotator.svg"
    assert svg.read_bytes() == paths.resource("icons", "annotator.svg").read_bytes()
    assert QSvgRenderer(str(svg)).isValid()


def test_the_version_is_the_package_metadata_s():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{licences.version()}"' in pyproject


def test_about_shows_the_version_the_database_and_the_licences(window, gui_workspace):
    dialog = window.show_about()
    assert dialog.isVisible()
    assert dialog.version == licences.version()
    assert f"annotator {licences.version()}" in dialog.title_label.text()
    assert gui_workspace.store.url in dialog.database_label.text()
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert "LGPL-3.0-only" in rows["PySide6_Essentials"][1]
    assert rows["SQLAlchemy"][1] == "MIT"
    assert rows["Python"][1] == "PSF-2.0"
    assert "pytest" not in rows  # only what the application runs on, not the tests' tools
    assert "Lesser General Public License version 3" in dialog.qt_note.text()
    dialog.close()


def test_help_has_about_and_file_has_quit_on_ctrl_q(window, monkeypatch):
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()}
    file_actions = [a for a in menus["File"].actions() if not a.isSeparator()]
    quit_action = file_actions[-1]
    assert quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.about_action in menus["Help"].actions()

    curation = window.open_curation()
    assert curation.isVisible()
    quit_action.trigger()  # every window closes, which ends the event loop of a running application
    assert not window.isVisible() and not curation.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_about_is_opened_from_the_help_menu(window, qtbot):
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == len(licences.libraries())
    dialog.close()
