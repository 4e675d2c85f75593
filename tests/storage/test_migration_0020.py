"""Revision 0020 moves PostgreSQL's text index vectors out of the table's pages into TOAST (the
rows it had are rewritten, still found), and its downgrade brings them back; SQLite has nothing to do."""

from __future__ import annotations

import random

from alembic import command
from sqlalchemy import create_engine

from annotator.storage.database import database_url
from tests.storage.test_migrations_backends import _config, _revision

# Words enough that the vector, compressed, is over TOAST's 2 kB threshold yet fits in a page.
rng = random.Random(20)
WORDS = ["".join(rng.choice("абвгдежзиклмнопрстуфхцчшщэюя") for _ in range(9)) for _ in range(500)] + ["ташкент"]
LAYOUT = ("SELECT a.attstorage, pg_relation_size(c.reltoastrelid) FROM pg_attribute a "
          "JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'search_index' AND a.attname = 'words'")
FOUND = "SELECT ordinal FROM search_index WHERE words @@ 'ташкент'::tsquery"


def test_0020_moves_the_vectors_into_toast_and_back(backend, make_db_target):
    target = make_db_target("toast0020", empty=True)
    engine = create_engine(database_url(target))
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0019")
            if backend == "postgresql":
                connection.exec_driver_sql(
                    "INSERT INTO search_index (ordinal, words) VALUES (1, array_to_tsvector(%s::text[])), "
                    "(2, array_to_tsvector(ARRAY['москва']))", (WORDS,))
                assert connection.exec_driver_sql(LAYOUT).one() == ("m", 0)  # in the rows
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0020")
        assert _revision(target) == "0020"
        if backend == "postgresql":
            with engine.connect() as connection:
                storage, toast = connection.exec_driver_sql(LAYOUT).one()
                assert storage == "x" and toast > 0
                assert connection.exec_driver_sql(FOUND).scalars().all() == [1]
                assert not connection.exec_driver_sql(
                    "SELECT indisclustered FROM pg_index WHERE indexrelid = 'search_index_pkey'::regclass").scalar()
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0019")
        assert _revision(target) == "0019"
        if backend == "postgresql":
            with engine.connect() as connection:
                assert connection.exec_driver_sql(LAYOUT).one() == ("m", 0)
                assert connection.exec_driver_sql(FOUND).scalars().all() == [1]
        with engine.begin() as connection:
            command.upgrade(_config(connection), "head")
    finally:
        engine.dispose()
