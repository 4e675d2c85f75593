"""Revision 0018 (PostgreSQL only): the analyzing function with its owner's rights, and each span's
owner in the spans' index, filled from the sets; its downgrade takes both away. On SQLite it
changes nothing."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import create_engine, inspect, text

from annotator.storage.database import database_url
from tests.storage.test_migrations_backends import _config, _revision


def _fill(connection) -> None:
    stamp = datetime(2026, 12, 4)
    connection.execute(text(
        "INSERT INTO documents (id, ordinal, sha256, date, length, meta, created_at) "
        "VALUES ('d1', 1, 'd1', NULL, 30, '{}', :t)"), {"t": stamp})
    connection.execute(text("INSERT INTO document_texts (document_id, text) VALUES ('d1', 'Визит в Ташкент и Самарканд.')"))
    for set_id, owner in ((1, "anna"), (2, "boris")):
        connection.execute(text("INSERT INTO annotation_sets (id, document_id, owner, status, updated_at) "
                                "VALUES (:i, 'd1', :o, 'in_progress', :t)"), {"i": set_id, "o": owner, "t": stamp})
    for span_id, set_id, start, end in ((1, 1, 8, 15), (2, 2, 8, 15), (3, 2, 18, 27)):
        connection.execute(text('INSERT INTO spans (id, set_id, kind, start, "end", label) '
                                "VALUES (:i, :s, 'entity', :a, :b, 'GPE')"),
                           {"i": span_id, "s": set_id, "a": start, "b": end})


def _function(connection) -> bool:
    return connection.execute(text("SELECT to_regprocedure('annotator_analyze_grown()') IS NOT NULL")).scalar()


def test_0018_gives_the_span_index_its_owners_and_members_an_analyze(backend, make_db_target):
    target = make_db_target("rev0018", empty=True)
    engine = create_engine(database_url(target))
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0013")
            _fill(connection)
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0017")  # 0015 indexed the spans, without owners
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0018")
        assert _revision(target) == "0018"
        with engine.connect() as connection:
            if backend == "sqlite":
                assert connection.execute(text("SELECT count(*) FROM span_search")).scalar() == 3
                return
            assert connection.execute(text("SELECT span_id, owner FROM span_search ORDER BY span_id")).all() == [
                (1, "anna"), (2, "boris"), (3, "boris")]
            assert "span_search_owner" in {i["name"] for i in inspect(connection).get_indexes("span_search")}
            assert _function(connection)
            assert connection.execute(text("SELECT has_function_privilege('public', "
                                           "'annotator_analyze_grown()', 'EXECUTE')")).scalar()
            analyzed = set(connection.execute(text("SELECT annotator_analyze_grown()")).scalars())
            assert {"public.documents", "public.spans"} <= analyzed  # (0018 analyzed span_search itself)
            connection.commit()
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0017")
        assert _revision(target) == "0017"
        with engine.connect() as connection:
            assert "owner" not in {c["name"] for c in inspect(connection).get_columns("span_search")}
            assert not _function(connection)
            assert connection.execute(text("SELECT count(*) FROM span_search")).scalar() == 3
        with engine.begin() as connection:
            command.upgrade(_config(connection), "head")
    finally:
        engine.dispose()
