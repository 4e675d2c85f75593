"""Fixtures shared by every layer's tests: a fresh database, a workspace, the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import i18n, paths
from annotator.services.workspace import Workspace


@pytest.fixture(autouse=True)
def core_language_english():
    """Every test starts and ends with the core's messages in English (the window may switch them)."""
    i18n.set_language(None)
    yield
    i18n.set_language(None)


@pytest.fixture(autouse=True)
def user_data_dir(tmp_path_factory, monkeypatch) -> Path:
    """No test reads or writes the real user's data (default database, record of written files)."""
    path = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def workspace(db_path: Path):
    ws = Workspace.open(str(db_path))
    yield ws
    ws.close()


@pytest.fixture
def sample_dir() -> Path:
    return paths.sample_corpus_dir()


@pytest.fixture
def sample_workspace(workspace: Workspace) -> Workspace:
    from annotator.services.importing import import_sample

    report = import_sample(workspace)
    assert report.committed and report.documents_added == 5
    return workspace


def snapshot(workspace: Workspace) -> dict:
    """Every row of every table, to prove that a failed operation changed nothing."""
    from sqlalchemy import text  # tests may look at SQL; the package may not outside storage

    out = {}
    with workspace.store.engine.connect() as connection:
        tables = [r[0] for r in connection.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            # a virtual table (the search index) cannot be read whole; its shadow tables hold its rows
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"))]
        for table in tables:
            out[table] = [tuple(r) for r in connection.execute(text(f'SELECT * FROM "{table}" ORDER BY 1'))]
    return out


def pytest_addoption(parser):
    parser.addoption("--skip-bundle", action="store_true",
                     help="skip the tests that build the desktop bundle (also: ANNOTATOR_SKIP_BUNDLE=1)")


def pytest_collection_modifyitems(config, items):
    import os

    if not (config.getoption("--skip-bundle") or os.environ.get("ANNOTATOR_SKIP_BUNDLE") == "1"):
        return
    skip = pytest.mark.skip(reason="the bundle's build was skipped (--skip-bundle / ANNOTATOR_SKIP_BUNDLE=1)")
    for item in items:
        if "bundle" in item.keywords:
            item.add_marker(skip)
