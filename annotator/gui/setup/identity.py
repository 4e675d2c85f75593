"""Who the application is to Qt and to the desktop: name, organisation, version, icon.

Set once on the QApplication before any window is built. The version is the
package's (``annotator.licences.version``: its metadata, bundled with the
desktop bundle too). The desktop file name ties the windows to
``annotator.desktop`` (Wayland shows that entry's name and icon for them).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

from annotator import licences, paths

APPLICATION_NAME = "annotator"
ORGANISATION_NAME = "annotator"
DESKTOP_FILE_NAME = "io.github.annotator_project.annotator"  # packaging/<this>.desktop
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    """The icon from the bundled PNGs (each size drawn for itself) and the SVG for any other size."""
    icon = QIcon()
    hicolor = paths.resource("icons", "hicolor")
    for size in ICON_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / "annotator.png"
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    svg = paths.resource("icons", "annotator.svg")
    if svg.is_file():
        icon.addFile(str(svg))
    return icon


def set_identity(app: QGuiApplication) -> None:
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationVersion(licences.version())
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(application_icon())
