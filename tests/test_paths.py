"""Bundled data is found from a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from annotator import paths

ROOT = Path(__file__).resolve().parents[1]


def test_checkout_finds_resources_and_migrations():
    assert paths.migrations_dir() == ROOT / "db"
    assert (paths.migrations_dir() / "env.py").is_file()
    assert paths.default_scheme_file().is_file()
    assert len(list(paths.sample_corpus_dir().glob("*.txt"))) == 5
    assert paths.jsonl_schema_file().is_file()


def test_frozen_bundle_is_preferred(tmp_path, monkeypatch):
    (tmp_path / "db").mkdir()
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.migrations_dir() == tmp_path / "db"
    assert paths.resources_dir() == tmp_path / "resources"


def test_default_database_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "x.sqlite3"))
    assert paths.default_database() == str(tmp_path / "x.sqlite3")
    monkeypatch.delenv("ANNOTATOR_DB")
    assert paths.default_database().endswith("annotator.sqlite3")
    assert "annotator" in paths.default_database()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("annotator-*.whl"))


def test_wheel_carries_migrations_and_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "annotator/_db/env.py" in names
    assert "annotator/_db/versions/0001_initial.py" in names
    assert "annotator/_resources/scheme/default.json" in names
    assert "annotator/_resources/schemas/annotator-jsonl.schema.json" in names
    assert sum(n.startswith("annotator/_resources/sample/") and n.endswith(".txt") for n in names) == 5
    assert "annotator/_resources/locale/ru/LC_MESSAGES/annotator.mo" in names  # the core's messages


def test_installed_wheel_runs_from_its_own_data(wheel, tmp_path):
    """Unpacked wheel first on the path: migrations, scheme and sample come from inside it."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "from annotator import paths; print(paths.migrations_dir()); print(paths.resources_dir())"],
        env=env, capture_output=True, text=True, check=True, cwd=tmp_path,
    ).stdout.split()
    assert where == [str(site / "annotator" / "_db"), str(site / "annotator" / "_resources")]
    db = tmp_path / "w.sqlite3"
    run = subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), "import", "--sample"],
                         env=env, capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "5 document(s) added" in run.stdout


def test_installed_wheel_translates_the_core_from_its_own_catalog(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8"}
    code = ("from annotator import i18n; print(i18n.locale_dir()); "
            "print(i18n.set_language('ru')); print(i18n._('Mark done'))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=tmp_path, encoding="utf-8").stdout.splitlines()
    assert out == [str(site / "annotator" / "_resources" / "locale"), "ru", "Пометить как готовый"]
