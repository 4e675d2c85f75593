"""The desktop bundle, built by packaging/build and run as a user would run it.

One build per run (about a minute on two cores, see README). Skipped with
``--skip-bundle`` or ``ANNOTATOR_SKIP_BUNDLE=1`` (tests/conftest.py); CI runs it.
The frozen program gets its own config directory, database and no display
(``QT_QPA_PLATFORM=offscreen``); nothing of the checkout is on its path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from annotator import licences

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.annotator_project.annotator"


def report(request, line: str) -> None:
    """A figure on the terminal (build time, size, start time), captured output or not."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


@pytest.fixture(scope="module")
def bundle(request, tmp_path_factory) -> Path:
    """dist/annotator/ built from this checkout into a temporary directory."""
    base = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable, "ANNOTATOR_BUILD_DIR": str(base / "work")}
    started = time.perf_counter()
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build"), str(base / "dist")],
                            env=env, capture_output=True, text=True, timeout=1200)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    folder = base / "dist" / "annotator"
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    archive_size = sum(f.stat().st_size for f in folder.parent.glob("*.tar.gz"))
    report(request, f"\nbundle built in {elapsed:.0f} s: {size / 2**20:.0f} MiB, "
                    f"{archive_size / 2**20:.0f} MiB as .tar.gz")
    return folder


def run(bundle: Path, *args: str, home: Path, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    """The frozen executable with a clean environment: its own config, no checkout on any path."""
    clean = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
             "ANNOTATOR_CONFIG_DIR": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
             "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([str(bundle / "annotator"), *args], env=clean, cwd=home,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def home(tmp_path) -> Path:
    (tmp_path / "config").mkdir()
    return tmp_path


def test_the_bundle_holds_the_data_and_the_archive_holds_the_bundle(bundle):
    internal = bundle / "_internal"
    assert sorted(p.name for p in (internal / "resources" / "sample").glob("*.txt")) == \
        sorted(p.name for p in (ROOT / "resources" / "sample").glob("*.txt"))
    assert (internal / "resources" / "translations" / "annotator_ru.qm").is_file()
    assert (internal / "resources" / "locale" / "ru" / "LC_MESSAGES" / "annotator.mo").is_file()
    assert sorted(p.name for p in (internal / "db" / "versions").glob("*.py")) == \
        sorted(p.name for p in (ROOT / "db" / "versions").glob("*.py"))
    assert (bundle / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (bundle / "share" / "icons" / "hicolor" / "512x512" / "apps" / "annotator.png").is_file()

    archive, = bundle.parent.glob(f"annotator-{licences.version()}-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert "annotator/annotator" in names and "annotator/install-desktop-entry" in names
    assert "annotator/_internal/resources/sample/000_598509fc61278558.txt" in names


def test_help_version_import_and_export_run_from_the_bundle(bundle, home):
    helped = run(bundle, "--help", home=home)
    assert helped.returncode == 0 and "usage: annotator" in helped.stdout and "import" in helped.stdout
    version = run(bundle, "--version", home=home)
    assert version.stdout.strip() == f"annotator {licences.version()}"

    db = str(home / "cli.sqlite3")
    imported = run(bundle, "--db", db, "import", "--sample", home=home)
    assert imported.returncode == 0, imported.stderr
    assert "5 document(s) added" in imported.stdout
    listed = json.loads(run(bundle, "--db", db, "docs", "--json", home=home).stdout)
    assert len(listed) == 5

    exported = run(bundle, "--db", db, "export", "-o", "-", "--docs", "000_598509fc61278558", home=home)
    assert exported.returncode == 0, exported.stderr
    record = json.loads(exported.stdout)
    text = record["text"]
    start = text.index("Касым-Жомарт Токаев")
    end = start + len("Касым-Жомарт Токаев")
    labelled = run(bundle, "--db", db, "label", record["id"], str(start), str(end), "PER",
                   "--annotator", "anna", home=home)
    assert labelled.returncode == 0, labelled.stderr
    span_id = labelled.stdout.strip().split()[-1]
    sentence_end = text.index(".", end) + 1
    claimed = run(bundle, "--db", db, "claim", record["id"], str(start), str(sentence_end), "FACT",
                  "--speaker", span_id, "--annotator", "anna", home=home)
    assert claimed.returncode == 0, claimed.stderr
    # "Токаева" is not in the mention's text: only its lemma (pymorphy3's dictionaries, bundled) matches
    found = run(bundle, "--db", db, "claims", "--speaker", "Токаева", "--json", home=home)
    assert found.returncode == 0, found.stderr
    assert [c["speaker"] for c in json.loads(found.stdout)] == ["Касым-Жомарт Токаев"]

    out = home / "out.jsonl"
    exported = run(bundle, "--db", db, "export", "-o", str(out), "--annotator", "anna", home=home)
    assert exported.returncode == 0, exported.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(line["annotator"], [e["text"] for e in line["entities"]]) for line in lines] == \
        [("anna", ["Касым-Жомарт Токаев"])]

    bad = home / "bad.jsonl"
    bad.write_text('{"id": "x", "text": 5}\n', encoding="utf-8")
    refused = run(bundle, "--db", db, "import", str(bad), home=home)
    assert refused.returncode == 1 and f"{bad}:1:" in refused.stderr and "Traceback" not in refused.stderr


def test_the_frozen_window_starts_on_a_new_database_loads_the_sample_and_quits(bundle, home, request):
    (home / "config" / "gui.json").write_text(json.dumps({"annotator": "anna"}), encoding="utf-8")
    db = home / "new.sqlite3"
    started = time.perf_counter()
    shown = run(bundle, "--db", str(db), "gui", "--quit-after-load", home=home)
    elapsed = time.perf_counter() - started
    report(request, f"\nfrozen window: started on a new database, imported and showed the sample, "
                    f"quit: {elapsed:.1f} s")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "window shown: True; documents listed: 5; document loaded: 0" in shown.stdout, shown.stdout
    assert "Traceback" not in shown.stderr, shown.stderr
    listed = json.loads(run(bundle, "--db", str(db), "docs", "--json", home=home).stdout)
    assert len(listed) == 5  # the window put the sample corpus into the new database


def test_a_database_the_bundle_cannot_open_is_refused_with_a_reason(bundle, home):
    junk = home / "junk.sqlite3"
    junk.write_bytes(b"not a database at all, " * 100)
    refused = run(bundle, "--db", str(junk), "docs", home=home)
    assert refused.returncode == 1
    assert "not a SQLite database" in refused.stderr and "Traceback" not in refused.stderr
    assert junk.read_bytes() == b"not a database at all, " * 100


def test_the_desktop_entry_installs_for_the_user_pointing_at_the_bundle(bundle, home):
    data = home / "data"
    installed = subprocess.run([str(bundle / "install-desktop-entry")], env={
        "PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_DATA_HOME": str(data)},
        capture_output=True, text=True, timeout=60)
    assert installed.returncode == 0, installed.stderr
    entry = data / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{bundle / "annotator"}"' in entry.read_text(encoding="utf-8").splitlines()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "annotator.png").is_file()
    validator = shutil.which("desktop-file-validate")
    if validator:
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    removed = subprocess.run([str(bundle / "install-desktop-entry"), "--remove"], env={
        "PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_DATA_HOME": str(data)}, capture_output=True)
    assert removed.returncode == 0 and not entry.exists()
