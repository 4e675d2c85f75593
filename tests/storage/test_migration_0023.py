"""Revision 0023 adds a partial index of the spans only the export's full writer writes (the
export's page tells its whole sets by it); its downgrade drops the index."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from annotator.storage.database import database_url
from tests.storage.test_migrations_backends import _config, _revision


def _definition(engine) -> str | None:
    """The index's CREATE statement, None when there is none."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            return connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'ix_spans_whole'")).scalar()
        return connection.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_spans_whole'")).scalar()


def test_0023_indexes_only_the_spans_the_full_writer_writes(backend, make_db_target):
    target = make_db_target("spans0023", empty=True)
    engine = create_engine(database_url(target))
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0022")
        assert _definition(engine) is None
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0023")
        assert _revision(target) == "0023"
        definition = _definition(engine)
        assert definition is not None and "WHERE" in definition.upper()
        for column in ("kind", "fragments", "entity_id", "origin"):
            assert column in definition
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0022")
        assert _definition(engine) is None
    finally:
        engine.dispose()
