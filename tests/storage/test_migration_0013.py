"""Revision 0013 adds relations.attributes on both backends; its downgrade takes only the column."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import create_engine, inspect, text

from annotator.storage.database import database_url
from tests.storage.test_migrations_backends import _config, _revision


def _columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("relations")}


def test_0013_adds_relation_attributes_and_its_downgrade_keeps_the_relations(backend, make_db_target):
    target = make_db_target("rel0013", empty=True)
    engine = create_engine(database_url(target))
    stamp = datetime(2026, 12, 4)
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0012")
            connection.execute(text(
                "INSERT INTO documents (id, ordinal, sha256, date, length, meta, created_at) "
                "VALUES ('d', 1, 'x', NULL, 40, '{}', :t)"), {"t": stamp})
            connection.execute(text("INSERT INTO annotation_sets (id, document_id, owner, status, updated_at) "
                                    "VALUES (1, 'd', 'anna', 'in_progress', :t)"), {"t": stamp})
            for span_id, start, label in [(1, 0, "PER"), (2, 10, "ORG")]:
                connection.execute(text('INSERT INTO spans (id, set_id, kind, start, "end", label) '
                                        "VALUES (:i, 1, 'entity', :s, :e, :l)"),
                                   {"i": span_id, "s": start, "e": start + 5, "l": label})
            connection.execute(text("INSERT INTO relations (id, set_id, label, head_id, tail_id) "
                                    "VALUES (1, 1, 'HEAD_OF', 1, 2)"))
        assert "attributes" not in _columns(engine)
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0013")
        assert _revision(target) == "0013" and "attributes" in _columns(engine)
        with engine.begin() as connection:
            assert connection.execute(text("SELECT attributes FROM relations")).scalar() is None  # NULL: none
            connection.execute(text("""UPDATE relations SET attributes = '{"former": true}'"""))
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0012")
        assert _revision(target) == "0012" and "attributes" not in _columns(engine)
        with engine.begin() as connection:
            assert [tuple(r) for r in connection.execute(text("SELECT id, label, head_id, tail_id FROM relations"))] \
                == [(1, "HEAD_OF", 1, 2)]
            command.upgrade(_config(connection), "head")
        assert "attributes" in _columns(engine)
    finally:
        engine.dispose()
