"""PostgreSQL's planner statistics, refreshed by the transaction that just filled the tables.

Right after a big import the planner knows nothing of the new rows until autovacuum analyzes the
tables (measured: about a minute after the commit). Without statistics it guesses that a word
matches a few rows and that ``ordinal > 0`` keeps a third, and walks the ordinal index testing
every span's vector instead of asking the GIN index: a search over spans at 10,000 documents took
350 ms instead of 50 until autovacuum came. So the import analyzes, before it commits, every
table never analyzed that holds rows, and every table that grew by more than a tenth of the pages
the planner last knew it by (autovacuum's own rule, ``autovacuum_analyze_scale_factor``, counted in
pages: a file's size is known at once, where the server's counts of this transaction's rows also
hold earlier transactions' not yet flushed; and the planner itself scales the rows it last knew by
the pages there are now). ANALYZE counts the transaction's own new
rows, reads a bounded sample (a few hundred milliseconds at 100,000 documents) and its statistics
commit with the rows.

Only the tables' owner (or a superuser) may analyze them: a team member's login, which owns none,
leaves them to autovacuum (an ANALYZE it was refused would only warn, but it is not even asked).
SQLite's planner does without statistics here (its plans were measured right without ANALYZE).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

GROWTH = 0.1  # as autovacuum_analyze_scale_factor's default

# This schema's tables that grew by more than GROWTH of the pages last analyzed (or were never
# analyzed and hold rows), that this login may analyze.
_GROWN = text(
    "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "CROSS JOIN LATERAL (SELECT pg_relation_size(c.oid) / current_setting('block_size')::int AS pages) size "
    "WHERE c.relkind = 'r' AND n.nspname = current_schema() AND size.pages > 0 "
    "AND (c.reltuples < 0 OR size.pages > (1 + :growth) * c.relpages) "
    "AND pg_has_role(c.relowner, 'USAGE') ORDER BY 1")


def analyze_grown(connection: Connection) -> list[str]:
    """ANALYZE the tables that grew (see the module's text); their names."""
    if connection.dialect.name != "postgresql":
        return []
    tables = list(connection.execute(_GROWN, {"growth": GROWTH}).scalars())
    if tables:
        connection.exec_driver_sql("ANALYZE " + ", ".join(tables))
    return tables
