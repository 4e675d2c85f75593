"""Opening a database: pragmas, the Alembic upgrade at open, refusals, backups, schema drift.

``tests/fixtures/db-rev-0001.sqlite3`` is a database as the release with schema
revision 0001 wrote it (made once by ``tests/fixtures/make_rev_0001.py``). Every
test works on a copy in ``tmp_path``: the stored file is never opened in place.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from annotator import paths
from annotator.services import documents
from annotator.services.workspace import Workspace
from annotator.storage import DatabaseError, open_store
from annotator.storage import database
from annotator.storage.database import BUSY_TIMEOUT_MS, _backup_sqlite
from annotator.storage.models import Base
from annotator.storage.search_index import is_index_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REV_0001 = FIXTURES / "db-rev-0001.sqlite3"
FIXTURE_DOCUMENT = "000_598509fc61278558"
SAMPLE_IDS = [
    "000_598509fc61278558",
    "001_1fc550a04f713c8c",
    "002_c0882ce87bb2ddc4",
    "003_7fa7a90ba42b20d6",
    "004_c352576d79d9da91",
]


def _not_the_search_index(name, type_, parent_names) -> bool:
    return not (type_ == "table" and is_index_table(name))


def _context(connection) -> MigrationContext:
    """Compares the models with the database; the full-text index is no model (FTS5 makes its tables)."""
    return MigrationContext.configure(connection, opts={"include_name": _not_the_search_index})


def _head() -> str:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    return ScriptDirectory.from_config(config).get_current_head()


def _revision_of(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def _count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        connection.close()


def _copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "rev-0001.sqlite3"
    shutil.copyfile(REV_0001, target)
    return target


def _pragma(connection, name: str):
    return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


# ------------------------------------------------------------------ a new file


def test_new_file_is_created_at_head(tmp_path):
    path = tmp_path / "new" / "a.sqlite3"  # the parent directory is made too
    store = open_store(str(path))
    try:
        assert path.exists()
        assert store.backup_made is None
    finally:
        store.close()
    assert _revision_of(path) == _head()


def test_connections_use_wal_foreign_keys_full_sync_and_busy_timeout(tmp_path):
    store = open_store(str(tmp_path / "a.sqlite3"))
    try:
        with store.engine.connect() as connection:
            assert _pragma(connection, "journal_mode").lower() == "wal"
            assert _pragma(connection, "foreign_keys") == 1
            assert _pragma(connection, "synchronous") == 2  # FULL
            busy = _pragma(connection, "busy_timeout")
            assert busy == BUSY_TIMEOUT_MS and busy > 0
    finally:
        store.close()


def test_open_without_create_refuses_a_missing_file(tmp_path):
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(DatabaseError, match="no such database"):
        open_store(str(path), create=False)
    assert not path.exists()


def test_reopening_a_database_at_head_makes_no_backup(tmp_path):
    path = tmp_path / "a.sqlite3"
    open_store(str(path)).close()
    store = open_store(str(path))
    store.close()
    assert store.backup_made is None
    assert sorted(p.name for p in tmp_path.glob("*.bak")) == []


# ------------------------------------------------------- the stored rev-0001 file


def test_rev_0001_fixture_is_stored_and_at_revision_0001():
    assert REV_0001.is_file(), "run tests/fixtures/make_rev_0001.py once (never regenerate it)"
    assert _revision_of(REV_0001) == "0001"


def test_rev_0001_fixture_upgrades_to_head(tmp_path):
    path = _copy_fixture(tmp_path)
    open_store(str(path)).close()
    assert _revision_of(path) == _head()


def test_rev_0001_fixture_keeps_its_documents(tmp_path):
    path = _copy_fixture(tmp_path)
    with Workspace.open(str(path)) as workspace:
        summaries = list(documents.iter_summaries(workspace))
        assert [s.id for s in summaries] == SAMPLE_IDS
        assert all(s.date and s.date.startswith("2025-11-") for s in summaries)
        text = documents.document(workspace, FIXTURE_DOCUMENT).text
        assert text.startswith("Касым-Жомарт Токаев")
        assert len(text) == summaries[0].length


def test_rev_0001_fixture_keeps_its_spans_claims_and_relations(tmp_path):
    path = _copy_fixture(tmp_path)
    with Workspace.open(str(path)) as workspace:
        text = documents.document(workspace, FIXTURE_DOCUMENT).text
        (anna,) = documents.annotation_sets(workspace, FIXTURE_DOCUMENT, "anna")
        (boris,) = documents.annotation_sets(workspace, FIXTURE_DOCUMENT, "boris")

    assert [(text[s.start:s.end], s.label) for s in anna.spans] == [
        ("Касым-Жомарт Токаев", "PER"),
        ("Президент Казахстана", "ROLE"),
        ("Казахстана", "GPE"),
    ]
    assert [(text[s.start:s.end], s.label) for s in boris.spans] == [
        ("Касым-Жомарт Токаев", "PER"),
        ("Казахстана", "GPE"),
    ]
    (claim,) = anna.claims
    per = anna.spans[0]
    assert claim.type == "STAT"
    assert text[claim.start:claim.end] == "Растет число совместных предприятий"
    assert claim.speaker == per.id
    (relation,) = anna.relations
    assert (relation.label, relation.head, relation.tail) == ("SAYS", per.id, claim.id)
    assert boris.claims == () and boris.relations == ()


def test_upgraded_fixture_schema_matches_the_models(tmp_path):
    path = _copy_fixture(tmp_path)
    store = open_store(str(path))
    try:
        with store.engine.connect() as connection:
            assert compare_metadata(_context(connection), Base.metadata) == []
    finally:
        store.close()


# ------------------------------------------------------------------- refusals


def test_database_of_a_newer_annotator_is_refused(tmp_path):
    path = _copy_fixture(tmp_path)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    counts = {t: _count(path, t) for t in ("documents", "spans", "actions")}

    with pytest.raises(DatabaseError, match="made by a newer annotator") as caught:
        open_store(str(path))

    assert "9999" in str(caught.value)
    assert _revision_of(path) == "9999"  # not downgraded, not re-stamped
    assert {t: _count(path, t) for t in counts} == counts
    assert list(tmp_path.glob("*.bak")) == []


def test_sqlite_file_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
    connection.close()

    with pytest.raises(DatabaseError, match="not an annotator database"):
        open_store(str(path))

    connection = sqlite3.connect(path)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"notes"}  # no alembic_version, no tables of ours added
        assert connection.execute("SELECT body FROM notes").fetchall() == [("keep me",)]
    finally:
        connection.close()


# -------------------------------------------------------------------- backups


@pytest.mark.sqlite_only
def test_backup_sqlite_makes_a_readable_consistent_copy(workspace, db_path):
    from annotator.services import annotating, importing

    importing.import_sample(workspace)
    text = documents.document(workspace, FIXTURE_DOCUMENT).text
    start = text.find("Касым-Жомарт Токаев")
    span_id = annotating.add_span(workspace, FIXTURE_DOCUMENT, start, start + 19, "PER", owner="anna").result
    # The workspace is still open: the latest commits may live only in the WAL file.

    backup = _backup_sqlite(db_path, "0001")

    assert backup.exists() and backup != db_path
    assert backup.parent == db_path.parent
    assert "0001" in backup.name and backup.name.endswith(".bak")
    connection = sqlite3.connect(backup)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
        assert connection.execute("SELECT label FROM spans WHERE id = ?", (span_id,)).fetchall() == [("PER",)]
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == _head()
    finally:
        connection.close()


def _scripts_with_a_newer_revision(tmp_path: Path) -> Path:
    """A copy of the migration scripts with one more (empty) revision on top of the head."""
    scripts = tmp_path / "db"
    shutil.copytree(paths.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9990_test_only.py").write_text(
        f'"""a test-only revision on top of the head"""\n'
        f"revision = '9990'\n"
        f"down_revision = '{_head()}'\n"
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n    pass\n\n\n"
        "def downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    return scripts


def test_upgrade_at_open_backs_up_the_old_file_first(tmp_path, monkeypatch):
    real_head = _head()
    path = _copy_fixture(tmp_path)
    open_store(str(path)).close()  # at the code's real head
    scripts = _scripts_with_a_newer_revision(tmp_path)
    monkeypatch.setattr(paths, "migrations_dir", lambda: scripts)
    monkeypatch.setattr(database, "HEAD_REVISION", "9990")  # the head this code would know

    store = open_store(str(path))
    store.close()

    assert _revision_of(path) == "9990"
    assert store.backup_made is not None
    backup = Path(store.backup_made)
    assert backup.exists() and backup.parent == path.parent
    assert _revision_of(backup) == real_head  # the copy is of the file before the upgrade
    assert _count(backup, "documents") == 5
    assert _count(backup, "spans") == _count(path, "spans") == 6


def test_no_backup_is_made_for_a_new_file(tmp_path, monkeypatch):
    scripts = _scripts_with_a_newer_revision(tmp_path)
    monkeypatch.setattr(paths, "migrations_dir", lambda: scripts)
    monkeypatch.setattr(database, "HEAD_REVISION", "9990")  # the head this code would know
    path = tmp_path / "fresh.sqlite3"
    store = open_store(str(path))
    store.close()
    assert store.backup_made is None
    assert _revision_of(path) == "9990"
    assert list(tmp_path.glob("*.bak")) == []


# --------------------------------------------------------------- schema drift


def test_head_schema_matches_the_models(tmp_path):
    store = open_store(str(tmp_path / "a.sqlite3"))
    try:
        with store.engine.connect() as connection:
            context = _context(connection)
            assert context.get_current_revision() == _head()
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()


def test_schema_comparison_notices_drift(tmp_path):
    """The check above is not vacuous: a model table missing from the database is reported."""
    store = open_store(str(tmp_path / "a.sqlite3"))
    try:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE relations")
        with store.engine.connect() as connection:
            diffs = compare_metadata(_context(connection), Base.metadata)
        assert any(d[0] == "add_table" and d[1].name == "relations" for d in diffs)
    finally:
        store.close()


def test_the_rev_0001_fixture_upgrades_to_users_and_assignments_with_a_backup(tmp_path):
    """A real upgrade (0001 -> head): the tables of 0002 appear, the data stays, a backup is left."""
    import shutil
    import sqlite3

    from annotator.storage import open_store

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "db-rev-0001.sqlite3"
    copy = tmp_path / "old.sqlite3"
    shutil.copy(fixture, copy)
    store = open_store(str(copy))
    try:
        assert store.backup_made and Path(store.backup_made).exists()
        with store.read() as repo:
            assert repo.users() == [] and repo.assignments() == []
            assert repo.counts()["documents"] == 5
    finally:
        store.close()
    with sqlite3.connect(store.backup_made) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_the_head_the_store_knows_is_alembics_head():
    from annotator.storage.database import HEAD_REVISION

    assert HEAD_REVISION == _head()


def test_opening_a_current_database_does_not_load_alembic(tmp_path):
    """Start-up: a database at the head is opened without importing Alembic or reading its scripts."""
    import subprocess
    import sys

    target = tmp_path / "current.sqlite3"
    open_store(str(target)).close()  # made at the head (this process loads Alembic to do it)
    probe = ("import sys; from annotator.storage import open_store; "
             f"open_store({str(target)!r}).close(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
