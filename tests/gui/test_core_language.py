"""The window's language is also the core's: errors and undo labels follow the translators."""

from __future__ import annotations

from annotator import i18n
from annotator.gui.common import translation
from annotator.i18n import _


def test_installing_the_translators_sets_the_cores_language_and_removing_them_resets_it(qapp):
    installed = translation.install_translators(qapp, "ru")
    try:
        assert i18n.current_language() == "ru"
        assert _("Undo: {action}").format(action="x") == "Отменить: x"
    finally:
        translation.remove_translators(qapp, installed)
        for translator in installed:
            translator.deleteLater()
    assert i18n.current_language() == "en"
    assert _("Undo: {action}") == "Undo: {action}"


def test_english_window_english_core(qapp):
    i18n.set_language("ru")
    installed = translation.install_translators(qapp, "en")  # the English plural forms only
    try:
        assert i18n.current_language() == "en"
    finally:
        translation.remove_translators(qapp, installed)
