"""Fixtures shared by every layer's tests: a fresh database, a workspace, the sample corpus.

The store, services and command-line suites run on SQLite and PostgreSQL alike:
their tests that ask for a database (``db_target``, ``workspace``, ...) are run
once per backend (``[sqlite]``, ``[postgresql]``). A throw-away PostgreSQL
cluster starts with the first such test and stops at the end of the run; each
test gets a database of its own. ``ANNOTATOR_TEST_BACKENDS=sqlite`` narrows a
run while developing. A test that only makes sense on SQLite (a file, a WAL)
says so with ``@pytest.mark.sqlite_only``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator import i18n, paths
from annotator.services.workspace import Workspace

BOTH_BACKENDS = {"storage", "services", "cli"}  # the suites that run on each backend
BACKENDS = [b for b in os.environ.get("ANNOTATOR_TEST_BACKENDS", "sqlite,postgresql").split(",") if b]


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite itself (a file, its locking)")
    config.addinivalue_line("markers", "postgresql_only: the test is about PostgreSQL itself (its planner, storage)")


def pytest_generate_tests(metafunc):
    if "backend" not in metafunc.fixturenames:
        return
    top = Path(metafunc.definition.path).relative_to(Path(__file__).parent).parts[0]
    both = top in BOTH_BACKENDS and metafunc.definition.get_closest_marker("sqlite_only") is None
    if metafunc.definition.get_closest_marker("postgresql_only") is not None:
        metafunc.parametrize("backend", [b for b in BACKENDS if b == "postgresql"])  # none: SQLite-only runs
        return
    metafunc.parametrize("backend", BACKENDS if both else ["sqlite"])


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


@pytest.fixture(scope="session")
def pg_cluster():
    from pgcluster import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def make_db_target(backend, tmp_path, request):
    """Make another fresh database on this test's backend; returns its path or URL."""
    made: list[str] = []

    def make(name: str = "db", *, empty: bool = False) -> str:
        if backend == "sqlite":
            return str(tmp_path / f"{name}-{len(made)}.sqlite3")
        cluster = request.getfixturevalue("pg_cluster")
        database = cluster.create_database(empty=empty)
        made.append(database)
        return cluster.url(database)

    yield make
    if made:
        cluster = request.getfixturevalue("pg_cluster")
        for database in made:
            cluster.drop_database(database)


@pytest.fixture
def db_target(backend, tmp_path, make_db_target) -> str:
    """The test's database: a SQLite file path or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(tmp_path / "test.sqlite3")
    return make_db_target()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A SQLite file (tests about the file itself, and the window's tests)."""
    return tmp_path / "test.sqlite3"


@pytest.fixture
def workspace(db_target: str):
    ws = Workspace.open(db_target)
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
    """Every row of every table, to prove that a failed operation changed nothing (on either backend)."""
    from sqlalchemy import inspect, text  # tests may look at SQL; the package may not outside storage

    out = {}
    with workspace.store.engine.connect() as connection:
        virtual: set[str] = set()
        if connection.dialect.name == "sqlite":
            # a virtual table (the search index) cannot be read whole; its shadow tables hold its rows
            virtual = {r[0] for r in connection.execute(text(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"))}
        for table in sorted(set(inspect(connection).get_table_names()) - virtual):
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
