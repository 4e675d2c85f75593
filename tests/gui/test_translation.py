"""The Russian translation: complete for every message in the source, compiled, and shown by the window."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from annotator import paths
from annotator.gui.common import translation
from annotator.gui.common.keys import KEY_MAP
from annotator.gui.common.settings import GuiSettings, load_settings, settings_file
from tests.gui.windows import make_window

ROOT = Path(__file__).resolve().parents[2]
GUI_SOURCES = sorted((ROOT / "annotator" / "gui").rglob("*.py"))
TS_FILE = paths.resource("translations", "annotator_ru.ts")
QM_FILE = paths.resource("translations", "annotator_ru.qm")
EN_TS_FILE = paths.resource("translations", "annotator_en.ts")


def tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return str(path)


def messages(ts_file: Path) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(context, source) -> (translation type attribute, translation text) of a .ts file."""
    result = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            element = message.find("translation")
            assert element is not None
            forms = [form.text or "" for form in element.iter("numerusform")]
            # a plural message (%n) has one form per Russian plural class: 1, 2-4, 5+; joined with "|"
            text = "|".join(forms) if message.get("numerus") == "yes" else (element.text or "")
            result[(name, message.findtext("source"))] = (element.get("type"), text)
    return result


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], tuple[str | None, str]]:
    """The messages lupdate finds in the GUI sources now."""
    ts = tmp_path_factory.mktemp("lupdate") / "current.ts"
    subprocess.run([tool("pyside6-lupdate"), *map(str, GUI_SOURCES), "-ts", str(ts)],
                   check=True, capture_output=True, cwd=ROOT)
    found = messages(ts)
    assert len(found) > 50  # lupdate really read the sources
    return found


def test_every_message_in_the_source_has_a_finished_russian_translation(extracted):
    committed = messages(TS_FILE)
    missing = sorted(key for key in extracted if key not in committed)
    assert not missing, f"not in {TS_FILE.name} (run pyside6-lupdate and translate): {missing}"
    unfinished = sorted(key for key in extracted
                        if committed[key][0] in ("unfinished", "vanished", "obsolete") or not committed[key][1].strip())
    assert not unfinished, f"untranslated in {TS_FILE.name}: {unfinished}"


def test_the_tables_marked_for_translation_are_extracted(extracted):
    for item in KEY_MAP:
        assert ("Keys", item.description) in extracted
    assert ("DocumentList", "My status") in extracted and ("DocumentList", "done") in extracted


def test_placeholders_survive_translation():
    for (context, source), (_, text) in messages(TS_FILE).items():
        for placeholder in ("%1", "%2", "%3", "{}"):
            assert source.count(placeholder) == text.count(placeholder), (context, source, text)
        assert source.count("&") - source.count("&&") == text.count("&") - text.count("&&"), (context, source)


def load_translator(qm: Path) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    return translator


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    fresh = tmp_path / "annotator_ru.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(fresh)], check=True, capture_output=True)
    if fresh.read_bytes() == QM_FILE.read_bytes():
        return
    committed, rebuilt = load_translator(QM_FILE), load_translator(fresh)
    for (context, source) in messages(TS_FILE):
        assert committed.translate(context, source) == rebuilt.translate(context, source), \
            f"{QM_FILE.name} is stale: run pyside6-lrelease {TS_FILE.name} -qm {QM_FILE.name}"


def test_the_qm_translates_every_message():
    translator = load_translator(QM_FILE)
    for (context, source), (_, text) in messages(TS_FILE).items():
        if "%n" in source:  # the plural forms, for numbers of each Russian plural class
            shown = [translator.translate(context, source, None, n) for n in (1, 3, 5)]
            assert "|".join(shown) == text and all("%n" in form for form in shown), (context, source)
        else:
            assert translator.translate(context, source) == text, (context, source)


@pytest.mark.parametrize("preference, system, expected", [
    ("ru", "en_US", "ru"), ("ru_RU", "en_US", "ru"), ("en", "ru_RU", "en"),
    (None, "ru_RU", "ru"), (None, "C", "en"), ("  ", "de_DE", "de"),
])
def test_the_language_is_the_preference_else_the_system_locale(monkeypatch, preference, system, expected):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(translation.QLocale, "system", staticmethod(lambda: QLocale(system)))
    assert translation.language_for(preference) == expected


def test_english_installs_only_its_plural_forms(qapp, extracted):
    """English is the source: its catalog holds the %n messages alone, each with its two forms, so a
    count reads "1 span", "2 spans" and never "1 span(s)"."""
    plural_sources = {key for key, (_kind, _text) in extracted.items() if "%n" in key[1]}
    english = messages(EN_TS_FILE)
    assert set(english) == plural_sources  # made by packaging/english_plurals.py: run it again
    for (context, source), (kind, text) in english.items():
        forms = text.split("|")
        assert kind is None and len(forms) == 2 and all("(s)" not in f for f in forms), (context, source)
    installed = translation.install_translators(qapp, "en")
    try:
        assert len(installed) == 1
        spans = [QCoreApplication.translate("MainWindow", "%n span(s) in this document", "", n) for n in (1, 2)]
        assert spans == ["1 span in this document", "2 spans in this document"]
        assert QCoreApplication.translate("MainWindow", "Undo") == "Undo"  # the rest stays the source
    finally:
        translation.remove_translators(qapp, installed)


def test_the_language_setting_loads_and_old_files_without_it_still_load(config_dir):
    config_dir.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(json.dumps({"annotator": "anna", "font_size": 14}), encoding="utf-8")
    assert load_settings() == GuiSettings(annotator="anna", font_size=14, language=None)
    settings_file().write_text(json.dumps({"annotator": "anna", "language": "ru"}), encoding="utf-8")
    assert load_settings().language == "ru"
    settings_file().write_text(json.dumps({"annotator": "anna", "language": 7}), encoding="utf-8")
    assert load_settings().language is None


@pytest.fixture
def russian(qapp):
    installed = translation.install_translators(qapp, "ru")
    yield installed
    translation.remove_translators(qapp, installed)
    for translator in installed:
        translator.deleteLater()
    assert QCoreApplication.translate("WindowActions", "&Edit") == "&Edit"  # the other tests stay English


def test_the_window_speaks_russian_with_the_russian_translator(russian, qtbot, gui_workspace, runner):
    assert any(t.filePath().endswith("annotator_ru.qm") for t in russian)
    expected = messages(TS_FILE)
    window = make_window(qtbot, gui_workspace, runner)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[1] == expected[("WindowActions", "&Edit")][1] == "&Правка"
    menus = [("WindowActions", source)
             for source in ("&File", "&Edit", "&Label", "&Suggestions", "&Go", "&Options", "&Team")]
    assert titles == [expected[key][1] for key in (*menus, ("ListActions", "&View"), ("WindowActions", "&Help"))]
    model = window.document_model
    from PySide6.QtCore import Qt

    assert model.headerData(0, Qt.Orientation.Horizontal) == expected[("DocumentList", "Title")][1]
    assert window.actions_by_name["next_document"].text() == expected[("Keys", "Next document")][1]
    assert window.filter_bar.status_combo.itemText(0) == expected[("FilterBar", "All")][1]


def test_the_shipped_schemes_descriptions_are_all_in_the_catalogue(extracted):
    """A description added to default.json without a translatable twin would show English in Russian."""
    from annotator.gui.common.scheme_texts import DEFAULT_ATTRIBUTES, DEFAULT_DESCRIPTIONS
    from annotator.services.workspace import default_scheme_body

    body = default_scheme_body()
    described = {item["description"] for key in ("entities", "claim_types", "relations") for item in body[key]}
    assert described == set(DEFAULT_DESCRIPTIONS)
    assert {a["name"] for a in body["attributes"]} == set(DEFAULT_ATTRIBUTES)
    assert all(("Scheme", text) in extracted for text in described)


def test_the_palette_shows_the_shipped_descriptions_translated(russian, qtbot, gui_workspace):
    from annotator.gui.common.palette import LabelPalette

    palette = LabelPalette(gui_workspace.current_scheme())
    qtbot.addWidget(palette)
    texts = [palette.item(i).text() for i in range(palette.count())]
    assert texts[0].endswith("PER  ·  человек")


def test_in_russian_numbers_are_written_the_russian_way(russian, qapp):
    from annotator.gui.team.dashboard import _f

    assert _f(0.9113) == "0,91"


def test_in_english_numbers_keep_the_point(qapp):
    from PySide6.QtCore import QLocale

    from annotator.gui.team.dashboard import _f

    QLocale.setDefault(QLocale(QLocale.Language.English))
    try:
        assert _f(0.9113) == "0.91"
    finally:
        QLocale.setDefault(QLocale.system())


def test_counts_of_spans_take_the_russian_plural_forms(russian, qtbot, gui_workspace, runner):
    window = make_window(qtbot, gui_workspace, runner)
    texts = {}
    for count in (1, 3, 5, 21):
        window.spans_label.setText(window.tr("%n span(s) in this document", "", count))
        texts[count] = window.spans_label.text()
    assert texts == {1: "1 фрагмент в документе", 3: "3 фрагмента в документе", 5: "5 фрагментов в документе",
                     21: "21 фрагмент в документе"}
