"""Make the English plural catalog: the ``%n`` messages of the GUI with their two English forms.

    .venv/bin/python packaging/english_plurals.py

English is the source language, so only the plural messages need a catalog ("%n span(s)" is
"1 span", "2 spans"): ``lupdate -pluralonly`` lists them in resources/translations/annotator_en.ts,
the forms are made from the source ("(s)" and "(es)" dropped for one, kept as letters for many),
and ``lrelease`` builds annotator_en.qm. Run it after adding a ``%n`` message and commit both files
(tests/gui/test_translation.py fails while one lacks its forms).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "annotator_en.ts"
_OPTIONAL = re.compile(r"\((e?s)\)")


def english_forms(source: str) -> list[str]:
    """One and many: "%n hit(s)" -> ["%n hit", "%n hits"]."""
    return [_OPTIONAL.sub("", source), _OPTIONAL.sub(r"\1", source)]


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def main() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "annotator" / "gui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-pluralonly", "-no-obsolete", "-source-language", "en",
                    "-target-language", "en", "-ts", str(TS)], check=True, capture_output=True, cwd=ROOT)
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        translation.attrib.pop("type", None)
        for form in english_forms(message.findtext("source")):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True,
                   capture_output=True)


if __name__ == "__main__":
    main()
