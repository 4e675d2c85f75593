"""Revision 0019 turns FTS5's merging inside commits off for the span index on SQLite (the window's
upkeep thread merges instead), and its downgrade turns it back on; PostgreSQL has nothing to do."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine

from annotator.storage.database import database_url
from tests.storage.test_migrations_backends import _config, _revision


def _automerge(engine, backend) -> int | None:
    """The span index's ``automerge`` as stored (None: FTS5's default, 4); None on PostgreSQL."""
    if backend != "sqlite":
        return None
    with engine.connect() as connection:
        row = connection.exec_driver_sql("SELECT v FROM span_search_config WHERE k = 'automerge'").first()
    return None if row is None else int(row[0])


def test_0019_leaves_the_span_index_merging_to_the_upkeep_thread(backend, make_db_target):
    target = make_db_target("merge0019", empty=True)
    engine = create_engine(database_url(target))
    on_sqlite = backend == "sqlite"
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0018")
        assert _automerge(engine, backend) is None
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0019")
        assert _revision(target) == "0019"
        assert _automerge(engine, backend) == (0 if on_sqlite else None)
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0018")
        assert _revision(target) == "0018"
        assert _automerge(engine, backend) == (4 if on_sqlite else None)
        with engine.begin() as connection:
            command.upgrade(_config(connection), "head")
    finally:
        engine.dispose()
