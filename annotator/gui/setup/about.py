"""Help ▸ About annotator: the version, the database in use and the libraries' licences.

The libraries are read from the installed (or bundled) metadata by
:func:`annotator.licences.libraries`, so the list is the one actually running.
"""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import licences

PROJECT_LICENCE = "MIT"


class AboutDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About annotator"))
        self.version = licences.version()

        icon = QLabel(self)
        icon.setPixmap(QGuiApplication.windowIcon().pixmap(64, 64))
        self.title_label = title = QLabel(f"<h2>annotator {self.version}</h2>", self)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(title, 1)

        self.summary = QLabel(self.tr(
            "Annotate Russian news: entities, claims and who said what; several annotators, "
            "their agreement and a curated gold version."), self)
        self.summary.setWordWrap(True)
        self.database_label = QLabel(self.tr("Database: %1").replace("%1", database), self)
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.platform_label = QLabel(
            self.tr("Licence: %1. Running on Qt %2 and PySide6 %3.")
            .replace("%1", PROJECT_LICENCE).replace("%2", qVersion()).replace("%3", pyside_version), self)

        self.libraries = licences.libraries()
        self.table = QTableWidget(len(self.libraries), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        for row, library in enumerate(self.libraries):
            for column, text in enumerate((library.name, library.version, library.licence)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long licence expression is elided in the column
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.qt_note = QLabel(self.tr(
            "Qt and Qt for Python (PySide6) are used under the GNU Lesser General Public License "
            "version 3: you may replace them with builds of your own. Their source code is at "
            "<a href=\"https://download.qt.io/\">download.qt.io</a>."), self)
        self.qt_note.setWordWrap(True)
        self.qt_note.setOpenExternalLinks(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.database_label)
        layout.addWidget(self.platform_label)
        layout.addWidget(QLabel(self.tr("The libraries it runs on:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.qt_note)
        layout.addWidget(buttons)
        self.resize(620, 600)
