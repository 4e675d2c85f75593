"""Revision 0017 records which documents the index of repeated passages has read: an upgrade marks
those with places (the others are read again once); its downgrade takes only the new table."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import create_engine, inspect, text

from annotator.storage.database import database_url
from tests.storage.test_migrations_backends import _config, _revision


def test_0017_marks_the_documents_with_places_read(backend, make_db_target):
    target = make_db_target("rep0017", empty=True)
    engine = create_engine(database_url(target))
    stamp = datetime(2026, 12, 4)
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0016")
            for ordinal, doc in enumerate(("indexed", "not_yet"), start=1):
                connection.execute(text(
                    "INSERT INTO documents (id, ordinal, sha256, date, length, meta, created_at) "
                    "VALUES (:d, :o, :d, NULL, 40, '{}', :t)"), {"d": doc, "o": ordinal, "t": stamp})
            connection.execute(text("INSERT INTO repeat_groups (id, text) VALUES (1, 'a sentence')"))
            for place, ordinal in ((1, 0), (2, 1)):  # two places of one document: marked once
                connection.execute(text('INSERT INTO repeat_places (id, group_id, document_id, ordinal, start, "end") '
                                        "VALUES (:p, 1, 'indexed', :o, 0, 10)"), {"p": place, "o": ordinal})
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0017")
        assert _revision(target) == "0017"
        with engine.connect() as connection:
            if backend == "sqlite":  # the store turns foreign keys on at every connection; this bare engine does not
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            assert [r[0] for r in connection.execute(text("SELECT document_id FROM repeat_indexed"))] == ["indexed"]
            connection.execute(text("DELETE FROM documents WHERE id = 'indexed'"))  # its mark goes with it
            assert connection.execute(text("SELECT count(*) FROM repeat_indexed")).scalar() == 0
            connection.commit()
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0016")
        assert _revision(target) == "0016" and "repeat_indexed" not in inspect(engine).get_table_names()
        assert "repeat_places" in inspect(engine).get_table_names()
        with engine.begin() as connection:
            command.upgrade(_config(connection), "head")
    finally:
        engine.dispose()
