"""Options ▸ Preferences…: the user's GUI settings in one dialog.

The dialog edits a copy of :class:`GuiSettings`; :meth:`PreferencesDialog.result_settings`
gives the edited copy and the window applies and saves it (``MainWindow.apply_preferences``).
The annotator name is checked as the store checks it (:func:`check_owner_name`,
"gold" not allowed): while it is not valid the problem shows in red under it and
OK is disabled.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator import paths
from annotator.domain.validation import check_owner_name
from annotator.gui.common.settings import GuiSettings

# (language code or None, the language's name in itself: not translated). None: the system's.
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("ru", "Русский"))
MIN_FONT_SIZE, MAX_FONT_SIZE = 6, 48
ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: palette(mid);"


class PreferencesDialog(QDialog):
    """Annotator name, language, snapping, font size, colour-blind palette, database."""

    def __init__(self, settings: GuiSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = dataclasses.replace(settings)  # a copy: the caller's changes only on OK
        self.setWindowTitle(self.tr("Preferences"))

        self.name_edit = QLineEdit(settings.annotator or "", self)
        self.name_edit.setPlaceholderText(self.tr("Your annotator name"))
        self.name_problem = QLabel(self)
        self.name_problem.setStyleSheet(ERROR_STYLE)
        self.name_problem.setWordWrap(True)
        name_box = QVBoxLayout()
        name_box.setContentsMargins(0, 0, 0, 0)
        name_box.setSpacing(2)
        name_box.addWidget(self.name_edit)
        name_box.addWidget(self.name_problem)

        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("System default"), None)
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        if settings.language is not None and self.language_combo.findData(settings.language) < 0:
            self.language_combo.addItem(settings.language, settings.language)  # one set by hand in the file
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))

        self.snap_box = QCheckBox(self.tr("Snap selections to whole tokens"), self)
        self.snap_box.setChecked(settings.snap_to_tokens)

        self.font_size_spin = QSpinBox(self)
        self.font_size_spin.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size_spin.setSuffix(self.tr(" pt"))
        self.font_size_spin.setValue(settings.font_size)

        self.color_blind_box = QCheckBox(self.tr("Colour-blind-safe label colours"), self)
        self.color_blind_box.setToolTip(self.tr("Label colours that stay apart for red-green and blue-yellow "
                                                "colour blindness, instead of the scheme's"))
        self.color_blind_box.setChecked(settings.color_blind)

        self.stay_box = QCheckBox(self.tr("Stay on a document marked done (Ctrl+Return)"), self)
        self.stay_box.setToolTip(self.tr("Off: marking a document done opens the next one you have not done"))
        self.stay_box.setChecked(settings.stay_after_done)

        self.tags_box = QCheckBox(self.tr("Write each span's label above it"), self)
        self.tags_box.setToolTip(self.tr("Off: spans show only as tints; hover for their labels"))
        self.tags_box.setChecked(settings.show_tags)

        self.database_edit = QLineEdit(settings.database or "", self)
        self.database_edit.setPlaceholderText(self.tr("Default: %1").replace("%1", paths.default_database()))
        self.database_edit.setToolTip(self.tr("A SQLite file, or a server URL such as "
                                              "postgresql://user@host/database; empty for the default"))
        self.database_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self.browse_database)
        database_row = QHBoxLayout()
        database_row.setContentsMargins(0, 0, 0, 0)
        database_row.addWidget(self.database_edit, 1)
        database_row.addWidget(self.browse_button)
        self.database_note = QLabel(self.tr("A changed database takes effect after a restart."), self)
        self.database_note.setStyleSheet(NOTE_STYLE)
        self.database_note.setWordWrap(True)
        database_box = QVBoxLayout()
        database_box.setContentsMargins(0, 0, 0, 0)
        database_box.setSpacing(2)
        database_box.addLayout(database_row)
        database_box.addWidget(self.database_note)

        form = QFormLayout()
        form.addRow(self.tr("Annotator name:"), name_box)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Font size:"), self.font_size_spin)
        form.addRow("", self.snap_box)
        form.addRow("", self.tags_box)
        form.addRow("", self.color_blind_box)
        form.addRow("", self.stay_box)
        form.addRow(self.tr("Database:"), database_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # room for a problem shown later
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._check_name)
        self._check_name()
        self.resize(max(600, self.sizeHint().width()), self.sizeHint().height())

    # ------------------------------------------------------------ checking
    def name_problems(self) -> list[str]:
        return check_owner_name(self.name_edit.text(), allow_gold=False)

    def is_valid(self) -> bool:
        return not self.name_problems()

    def _check_name(self) -> None:
        problems = self.name_problems()
        self.name_problem.setText(self.tr("Not a valid name: %1").replace("%1", "; ".join(problems))
                                  if problems else "")
        self.name_problem.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)
        layout = self.layout()
        if layout is not None:  # a wrapped problem needs more height than the form had
            layout.activate()
            needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
            if needed > self.height():
                self.resize(self.width(), needed)

    def accept(self) -> None:
        if not self.is_valid():  # OK is disabled; Enter or a script must not get past either
            self._check_name()
            return
        super().accept()

    # ------------------------------------------------------------ database
    def browse_database(self) -> str | None:
        """Choose a SQLite file (an existing one or a new name); None if cancelled."""
        current = self.database_edit.text().strip()
        start = current if current and "://" not in current else paths.default_database()
        if "://" in start:  # $ANNOTATOR_DB may be a URL
            start = str(Path.home())
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), start,
            self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return None
        self.database_edit.setText(name)
        return name

    # ------------------------------------------------------------ result
    def result_settings(self) -> GuiSettings:
        """The settings as edited (the name as typed; an empty database: the default)."""
        database = self.database_edit.text().strip()
        return dataclasses.replace(
            self.settings,
            annotator=self.name_edit.text() or None,
            language=self.language_combo.currentData(),
            snap_to_tokens=self.snap_box.isChecked(),
            font_size=self.font_size_spin.value(),
            color_blind=self.color_blind_box.isChecked(),
            stay_after_done=self.stay_box.isChecked(),
            show_tags=self.tags_box.isChecked(),
            database=database or None,
        )
