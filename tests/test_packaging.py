"""packaging/: the desktop entry and the AppStream metainfo pass their validators; the
metainfo's screenshots are the repository's; the versions agree; the libraries' licences."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator import __version__, licences

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.annotator_project.annotator"
DESKTOP = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"


def validator(name: str, package: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: install the Debian package {package} (the README's test command does)"
    return path


def test_the_desktop_entry_is_valid():
    checked = subprocess.run([validator("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                             capture_output=True, text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr


def test_the_metainfo_is_valid():
    checked = subprocess.run([validator("appstreamcli", "appstream"), "validate", "--pedantic", "--no-net",
                              str(METAINFO)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "infos" not in checked.stdout and "warnings" not in checked.stdout, checked.stdout


def test_the_metainfo_names_the_desktop_entry_and_the_repository_s_screenshots():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    images = [image.text for image in root.iter("image")]
    assert len(images) >= 4
    for url in images:
        relative = re.sub(r"^https://raw\.githubusercontent\.com/[^/]+/[^/]+/main/", "", url)
        assert relative.startswith("docs/screenshots/") and (ROOT / relative).is_file(), url
    assert root.find("releases/release").get("version") == __version__ == licences.version()


def test_the_desktop_entry_runs_the_program_with_the_icon_we_ship():
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert entry["Exec"] == "annotator" and entry["Icon"] == "annotator"
    assert (ROOT / "resources" / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg").is_file()


def test_the_libraries_are_annotator_s_runtime_closure_with_licences():
    found = {library.name: library for library in licences.libraries()}
    assert found["SQLAlchemy"].licence == "MIT"
    assert found["PySide6_Essentials"].licence.startswith("LGPL-3.0-only")
    assert {"alembic", "razdel", "pymorphy3", "Mako", "packaging", "Python"} <= set(found)
    assert not {"pytest", "pyinstaller", "psycopg", "annotator"} & {name.lower() for name in found}
    assert all(library.licence and library.licence != "?" for library in found.values()), found


@pytest.mark.parametrize("meta, expected", [
    ({"License-Expression": "MIT"}, "MIT"),
    ({"License": "MIT license"}, "MIT"),
    ({"License": "long text\nof a licence", "Classifier": ["License :: OSI Approved :: BSD License"]},
     "BSD License"),
    ({}, "?"),
])
def test_the_licence_is_read_from_the_expression_the_field_or_the_classifiers(meta, expected):
    from email.message import Message

    class Dist:
        metadata = Message()

    for key, value in meta.items():
        for item in value if isinstance(value, list) else [value]:
            Dist.metadata[key] = item
    assert licences.licence_of(Dist) == expected
