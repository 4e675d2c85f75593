"""The core's language: gettext over a catalog in ``resources/locale`` (no Qt here).

The headless core (domain, formats, services, storage) wraps every message a
user reads in :func:`_`: input problems, refusals, import notices, the labels of
actions (translated when the action is made and logged as shown). English is
the source language, so with no language set :func:`_` returns its argument.
The window calls :func:`set_language` with the language it shows
(``annotator.gui.common.translation``); the command line stays English.

Messages use named ``str.format`` placeholders, filled after translation::

    _("span {span}: unknown label {label!r}").format(span=span_id, label=label)

The catalog is ``resources/locale/<lang>/LC_MESSAGES/annotator.po``, compiled to
the ``annotator.mo`` beside it (both committed; an installed package is
read-only). To add or change messages::

    pybabel extract -F babel.cfg -k _ -k ngettext:1,2 -c Translators: -o /tmp/annotator.pot annotator
    pybabel update -i /tmp/annotator.pot -d resources/locale -D annotator --no-fuzzy-matching
    (translate the new entries in the .po)
    pybabel compile -d resources/locale -D annotator

This module imports nothing of ours (the domain may use it), so it finds the
bundled ``resources`` itself, the same way as :mod:`annotator.paths`.
"""

from __future__ import annotations

import gettext
import sys
import threading
from pathlib import Path

DOMAIN = "annotator"
SOURCE_LANGUAGE = "en"
_PACKAGE_DIR = Path(__file__).resolve().parent

_lock = threading.Lock()
_language = SOURCE_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()
_cache: dict[str, gettext.NullTranslations | None] = {}


def locale_dir() -> Path:
    """``locale`` in the bundled resources: frozen bundle, installed wheel or source checkout
    (the order of ``annotator.paths.resources_dir``)."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(_PACKAGE_DIR / "_resources")  # installed wheel
    candidates.append(_PACKAGE_DIR.parent / "resources")  # source checkout or editable install
    for path in candidates:
        if path.is_dir():
            return path / "locale"
    return candidates[-1] / "locale"


def _normalise(code: str | None) -> str:
    """"ru_RU" / "ru-RU" / "RU" -> "ru"; None, "", "C", "POSIX" -> English."""
    language = (code or "").strip().replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return SOURCE_LANGUAGE if language in ("", "c", "posix") else language


def _load(language: str) -> gettext.NullTranslations | None:
    if language not in _cache:
        try:
            _cache[language] = gettext.translation(DOMAIN, str(locale_dir()), languages=[language])
        except OSError:  # no catalog for that language: stay with the source
            _cache[language] = None
    return _cache[language]


def set_language(code: str | None) -> str:
    """Translate the core's messages into ``code`` ("ru", "ru_RU"); None or "en" is English.

    Returns the language now in effect: English when there is no catalog for ``code``.
    """
    global _language, _translations
    language = _normalise(code)
    with _lock:
        catalog = None if language == SOURCE_LANGUAGE else _load(language)
        if catalog is None:
            _language, _translations = SOURCE_LANGUAGE, gettext.NullTranslations()
        else:
            _language, _translations = language, catalog
        return _language


def current_language() -> str:
    """The language the core's messages are in now ("en" when untranslated)."""
    return _language


def _(message: str) -> str:
    """``message`` in the current language (itself in English or when it has no translation)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language (Russian has three)."""
    return _translations.ngettext(singular, plural, n)
