"""Texts of Qt's own dialogs that Qt's Russian catalog (qtbase_ru) lacks, translated in ours.

Qt 6 renamed some of its file dialog's labels (accelerators added: "&Look in:", "Files of &type:"),
and the catalog Qt ships still has only the old ones, so its file dialog is half English under the
Russian interface. Listed here, lupdate puts them in our catalog under Qt's own context; ours is
installed after Qt's, so it is asked first (see ``translation.install_translators``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
