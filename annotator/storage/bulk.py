"""Bulk paths that hand rows straight to the database driver.

SQLAlchemy Core spends more time preparing 200,000 span rows (building and
processing each parameter set) than SQLite spends inserting them, and as much
again turning result rows into Row objects on export. These two helpers keep
SQLAlchemy's compiled SQL and each column's own bind processor (so JSON and
datetimes are stored exactly as the ORM would store them) but skip the per-row
machinery. Used only by import and export; single actions go the normal way.
``executemany`` runs one statement for many rows, on PostgreSQL with one plan for them all;
the span and text indexes write their rows through it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, insert


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT every row (dicts with a value for every column) in one executemany."""
    if not rows:
        return
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=[c.key for c in table.columns])
    processors = {c.key: c.type.bind_processor(dialect) for c in table.columns}
    if compiled.positional:
        keys = [c.key for c in table.columns]
        order = compiled.positiontup or keys
        params: list[Any] = [
            tuple(processors[k](row[k]) if processors[k] else row[k] for k in order) for row in rows
        ]
    else:
        params = [{k: (processors[k](v) if processors[k] else v) for k, v in row.items()} for row in rows]
    executemany(connection, compiled.string, params)


def executemany(connection: Connection, statement: str, params: Sequence[Any]) -> None:
    """One statement run for every parameter set; on PostgreSQL planned once for them all.

    The store plans every statement for its own values (``plan_cache_mode`` in
    ``database.py``, for searches), so each row of a bulk INSERT was planned again, though
    its plan does not depend on the values; for a member's login the plan holds the
    row-level security policies' look-ups (``db/versions/0021_*``), and planning them per row
    was most of the import (2,000 documents: 59 s instead of 7.5). The setting is the
    transaction's and is put back at once; a statement that fails aborts the transaction (or
    rolls back to its savepoint), which undoes the setting too."""
    if connection.dialect.name != "postgresql" or len(params) < 2:
        connection.exec_driver_sql(statement, params)
        return
    mode = connection.exec_driver_sql("SELECT current_setting('plan_cache_mode')").scalar_one()
    connection.exec_driver_sql("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)")
    connection.exec_driver_sql(statement, params)
    connection.exec_driver_sql("SELECT set_config('plan_cache_mode', %s, true)", (mode,))


def select_tuples(connection: Connection, statement: Select) -> list[tuple]:
    """Plain tuples from the driver, with no result processing (callers decode JSON themselves).

    The statement's values are rendered into the SQL, so give it only integers
    and fixed strings (ids, kinds), never user text.
    """
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    return connection.exec_driver_sql(compiled.string).fetchall()
