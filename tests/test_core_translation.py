"""The core's messages in Russian: a complete catalog, compiled, with the placeholders kept.

The headless core wraps what a user reads in ``annotator.i18n._``; the catalog is
``resources/locale/ru/LC_MESSAGES/annotator.po`` (Babel), compiled to the
``annotator.mo`` beside it. See ``annotator/i18n.py`` for the commands.
"""

from __future__ import annotations

import os
import string
from pathlib import Path

import orjson
import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from annotator import i18n, paths
from annotator.domain.model import SetStatus
from annotator.i18n import _
from annotator.services import annotating, documents, history, schemes
from annotator.services.errors import ServiceError
from annotator.services.schemes import ENTITY
from annotator.services.importing import import_files
from annotator.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
PO = LOCALE / "ru" / "LC_MESSAGES" / "annotator.po"
MO = LOCALE / "ru" / "LC_MESSAGES" / "annotator.mo"
EXTRACT = ["pybabel", "extract", "-F", "babel.cfg", "-k", "_", "-k", "ngettext:1,2", "-c", "Translators:",
           "--no-wrap"]
COMPILE = ".venv/bin/pybabel compile -d resources/locale -D annotator"
FIX = (
    "cd {root} && .venv/bin/pybabel extract -F babel.cfg -k _ -k ngettext:1,2 -c Translators: --no-wrap "
    "-o /tmp/annotator.pot annotator && .venv/bin/pybabel update -i /tmp/annotator.pot -d resources/locale "
    "-D annotator --no-wrap --no-fuzzy-matching, translate the new entries in {po}, then "
    ".venv/bin/pybabel compile -d resources/locale -D annotator"
).format(root=ROOT, po=PO.relative_to(ROOT))


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language(None)  # no other test sees Russian


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages ``_()`` and ``ngettext()`` wrap in the sources now, as pybabel extracts them."""
    pot = tmp_path_factory.mktemp("pot") / "annotator.pot"
    cwd = os.getcwd()
    os.chdir(ROOT)  # babel.cfg's paths and the references are relative to the checkout
    try:
        CommandLineInterface().run([*EXTRACT, "-o", str(pot), "annotator"])
    finally:
        os.chdir(cwd)
    with open(pot, "rb") as handle:
        return [m for m in read_po(handle) if m.id]


@pytest.fixture(scope="module")
def catalog():
    with open(PO, "rb") as handle:
        return read_po(handle, locale="ru")


def _key(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def _tuple(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


def _fields(text: str) -> set[tuple[str, str | None]]:
    """The named placeholders of a ``str.format`` string with their conversion: {("label", "r")}."""
    return {(name, conversion) for _lit, name, _spec, conversion in string.Formatter().parse(text)
            if name is not None}


# ------------------------------------------------------------ the catalog
def test_every_message_of_the_core_has_a_russian_translation(extracted, catalog):
    assert len(extracted) > 150, "far fewer messages than wrapped today: is babel.cfg still right?"
    missing = []
    for message in extracted:
        entry = catalog.get(message.id)
        if entry is None or entry.fuzzy or not all(s.strip() for s in _strings(entry)) \
                or len(_strings(entry)) != (catalog.num_plurals if entry.pluralizable else 1):
            missing.append(_key(message))
    assert not missing, (f"{len(missing)} message(s) without a Russian translation in {PO.relative_to(ROOT)}:\n  "
                         + "\n  ".join(missing) + f"\nTo fix: {FIX}")


def test_the_extraction_leaves_out_the_window_and_the_command_line(extracted):
    files = {location[0] for message in extracted for location in message.locations}
    assert files and not any(f.startswith(("annotator/gui/", "annotator/cli/")) for f in files)
    assert {"annotator/domain/validation.py", "annotator/formats/jsonl.py", "annotator/services/importing.py",
            "annotator/services/history.py", "annotator/storage/database.py"} <= files


def test_the_catalog_is_russian_with_three_plural_forms(catalog):
    assert str(catalog.locale) == "ru"
    assert catalog.num_plurals == 3
    assert not catalog.fuzzy


def test_every_translation_keeps_the_placeholders_of_its_source(catalog):
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = _fields(sources[0])
        assert all(_fields(s) == expected for s in sources), f"singular and plural differ: {sources}"
        for translation in _strings(message):
            if not translation:
                continue  # the test above reports it
            try:
                found = _fields(translation)
            except ValueError as exc:  # a lone brace
                wrong.append(f"{_key(message)!r} -> {translation!r}: {exc}")
                continue
            if found != expected:
                wrong.append(f"{_key(message)!r} -> {translation!r}: has {sorted(found, key=str)}, "
                             f"needs {sorted(expected, key=str)}")
    assert not wrong, "translations whose placeholders differ from the source's:\n  " + "\n  ".join(wrong)


def test_a_dropped_placeholder_is_caught():
    assert _fields("{what}: unknown label {label!r}") != _fields("{what}: неизвестная метка")
    assert _fields("{what}: unknown label {label!r}") != _fields("{what}: неизвестная метка {label}")
    assert _fields("{what}: unknown label {label!r}") == _fields("{what}: неизвестная метка {label!r}")


def test_the_committed_mo_is_compiled_from_the_committed_po(tmp_path, catalog):
    fresh = tmp_path / "annotator.mo"
    with open(fresh, "wb") as handle:
        write_mo(handle, catalog)

    def parsed(path: Path) -> dict:
        with open(path, "rb") as handle:
            return {_tuple(m.id): _tuple(m.string) for m in read_mo(handle)}

    assert MO.is_file(), f"{MO.relative_to(ROOT)} is missing: {COMPILE}"
    assert parsed(MO) == parsed(fresh), f"{MO.relative_to(ROOT)} is stale: {COMPILE}"


def test_the_catalog_is_found_where_the_other_resources_are():
    assert i18n.locale_dir() == paths.resource("locale")
    assert (i18n.locale_dir() / "ru" / "LC_MESSAGES" / "annotator.mo").is_file()


# ------------------------------------------------------------ switching
def test_english_is_the_source_and_the_default():
    assert i18n.current_language() == "en"
    assert _("Mark done") == "Mark done"
    assert i18n.ngettext("Import {count} set(s) of {owner}", "Import {count} set(s) of {owner}", 3) \
        == "Import {count} set(s) of {owner}"


@pytest.mark.parametrize("code, expected", [
    ("ru", "ru"), ("ru_RU", "ru"), ("ru-RU", "ru"), ("RU", "ru"), ("en", "en"), (None, "en"), ("", "en"),
    ("C", "en"), ("de", "en"),  # no German catalog: English
])
def test_set_language(code, expected):
    assert i18n.set_language(code) == expected
    assert i18n.current_language() == expected
    assert _("Mark done") == ("Пометить как готовый" if expected == "ru" else "Mark done")


def test_russian_plurals():
    i18n.set_language("ru")
    text = "Import {count} set(s) of {owner}"
    assert [i18n.ngettext(text, text, n).format(count=n, owner="anna") for n in (1, 3, 5, 21)] == [
        "Импорт 1 набора разметки (anna)", "Импорт 3 наборов разметки (anna)",
        "Импорт 5 наборов разметки (anna)", "Импорт 21 набора разметки (anna)"]


# ------------------------------------------------------------ behaviour
def _bad_jsonl(path: Path) -> Path:
    text = "Касым-Жомарт Токаев прибыл в Ташкент."
    good = {"id": "d1", "text": text, "annotator": "anna",
            "entities": [{"id": "T1", "start": 0, "end": 19, "label": "PER", "text": text[:19]}]}
    unknown = {"id": "d2", "text": "Ташкент", "annotator": "anna",
               "entities": [{"id": "T1", "start": 0, "end": 7, "label": "CITY", "text": "Ташкент"}]}
    path.write_bytes(orjson.dumps(good) + b"\n" + b"{not json\n" + orjson.dumps(unknown) + b"\n")
    return path


def test_import_problems_in_russian_keep_their_file_and_line(workspace: Workspace, tmp_path: Path):
    source = _bad_jsonl(tmp_path / "bad.jsonl")
    i18n.set_language("ru")
    report = import_files(workspace, [source])
    assert not report.committed
    assert [(p.file, p.line) for p in report.problems] == [(str(source), 2), (str(source), 3)]
    assert report.problems[0].message.startswith("некорректный JSON в символе ")
    assert report.problems[1].message == "фрагмент T1: неизвестная метка 'CITY'"
    assert str(report.problems[1]) == f"{source}:3: фрагмент T1: неизвестная метка 'CITY'"

    i18n.set_language(None)
    report = import_files(workspace, [source])
    assert report.problems[1].message == "span T1: unknown label 'CITY'"
    assert report.problems[0].message.startswith("malformed JSON at character ")


def test_import_notices_and_a_missing_file_in_russian(sample_workspace: Workspace, sample_dir: Path, tmp_path: Path):
    i18n.set_language("ru")
    first = sorted(sample_dir.glob("*.txt"))[0]
    report = import_files(sample_workspace, [first, tmp_path / "absent.txt"])
    assert [p.message for p in report.problems] == ["нет такого файла"]
    assert report.notices[0].message == (
        f"документ {first.stem!r} с этим текстом уже есть в базе, повторно не добавлен")


def test_undo_labels_are_translated_when_the_action_is_made(sample_workspace: Workspace):
    document_id = documents.page(sample_workspace)[0].id
    i18n.set_language("ru")
    changes = annotating.add_span(sample_workspace, document_id, 0, 5, "PER", owner="anna")
    assert changes.label == "Добавить фрагмент PER"
    assert history.next_labels(sample_workspace, owner="anna") == ("Добавить фрагмент PER", None)
    assert history.undo(sample_workspace, owner="anna").label == "Отменить: Добавить фрагмент PER"

    i18n.set_language(None)
    # the log keeps the label as it was shown; new actions are English again
    assert history.next_labels(sample_workspace, owner="anna") == (None, "Добавить фрагмент PER")
    assert history.redo(sample_workspace, owner="anna").label == "Redo: Добавить фрагмент PER"
    assert annotating.set_status(sample_workspace, document_id, SetStatus.DONE, owner="anna").label == "Mark done"


def test_refusals_and_scheme_changes_in_russian(sample_workspace: Workspace):
    document_id = documents.page(sample_workspace)[0].id
    i18n.set_language("ru")
    with pytest.raises(ServiceError) as refused:
        annotating.add_span(sample_workspace, document_id, 0, 5, "CITY", owner="anna")
    assert str(refused.value).endswith(": неизвестная метка 'CITY'")
    with pytest.raises(ServiceError) as refused:
        documents.document(sample_workspace, "nope")
    assert str(refused.value) == "нет документа 'nope'"
    changes = schemes.change_item(sample_workspace, ENTITY, "PER", user="anna", color="#112233")
    assert changes.label == "Изменить цвет метки PER"
    assert schemes.undo(sample_workspace, user="anna").label == "Отменить: Изменить цвет метки PER"


def test_the_command_line_stays_english():
    for path in (ROOT / "annotator" / "cli").glob("*.py"):
        assert "set_language" not in path.read_text(encoding="utf-8"), path
