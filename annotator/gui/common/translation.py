"""The window's language: Qt translators for our messages and Qt's own.

:func:`install_translators` runs before any window is built. The language is the
user's preference (``GuiSettings.language``) if set, else the system locale;
English (the source language) needs only its plural forms (``annotator_en.qm``,
the ``%n`` messages alone, made with ``lupdate -pluralonly``). Our messages come from
``annotator_<lang>.qm`` in the bundled ``resources/translations`` (built from
the ``.ts`` next to it with ``pyside6-lrelease``), Qt's own (standard buttons,
context menus) from ``qtbase_<lang>.qm`` in Qt's translations directory when
that is present.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator import i18n, paths

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"


def translations_dir() -> str:
    return str(paths.resource("translations"))


def language_for(preference: str | None) -> str:
    """The language to show: the preference if set, else the system locale's ("ru_RU" -> "ru")."""
    name = (preference or "").strip() or QLocale.system().name()
    language = name.replace("-", "_").split("_", 1)[0].lower()
    return SOURCE_LANGUAGE if language in ("", "c", "posix") else language


def install_translators(app: QCoreApplication, preference: str | None = None) -> list[QTranslator]:
    """Install the translators for the chosen language on ``app``; returns those installed.

    Keep the returned list (or let the application own them, as here): a translator
    that is garbage collected stops translating. "en" installs nothing.
    """
    language = language_for(preference)
    i18n.set_language(language)  # the core's messages (errors, undo labels) in the same language
    if language == SOURCE_LANGUAGE:
        # English is the source, but "%n span(s)" needs its two forms: the plural-only catalog
        # (lupdate -pluralonly) says "1 span", "2 spans"
        translator = QTranslator(app)
        if translator.load(f"annotator_{SOURCE_LANGUAGE}", translations_dir()):
            app.installTranslator(translator)
            return [translator]
        translator.deleteLater()
        return []
    QLocale.setDefault(QLocale(language))  # numbers the way the language writes them ("0,91")
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for file_name, directory in ((f"qtbase_{language}", qt_dir), (f"annotator_{language}", translations_dir())):
        translator = QTranslator(app)
        if translator.load(file_name, directory):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("no translation %s in %s", file_name, directory)
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    i18n.set_language(None)
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
