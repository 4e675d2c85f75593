"""Revision 0022 indexes the action log by (owner, document, id), for one document's undo read
from its newest actions back; its downgrade drops the index."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect

from annotator.storage.database import database_url
from tests.storage.test_migrations_backends import _config, _revision


def _action_indexes(engine) -> dict[str, list[str]]:
    return {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("actions")}


def test_0022_indexes_the_log_by_owner_and_document(backend, make_db_target):
    target = make_db_target("actions0022", empty=True)
    engine = create_engine(database_url(target))
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0021")
        assert "ix_actions_owner_document" not in _action_indexes(engine)
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0022")
        assert _revision(target) == "0022"
        assert _action_indexes(engine)["ix_actions_owner_document"] == ["owner", "document_id", "id"]
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0021")
        assert "ix_actions_owner_document" not in _action_indexes(engine)
    finally:
        engine.dispose()
