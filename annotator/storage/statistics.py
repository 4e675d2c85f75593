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

Only a table's owner (or a superuser) may analyze it, and on a team server the members own no
table: after a member's import the planner knew nothing until autovacuum came (at 100,000
documents: searches over spans 1.5-2 s, the list's count minutes). So the rule lives in the
database, as ``annotator_analyze_grown()`` (migration 0018): a function with its owner's rights
(SECURITY DEFINER) that takes nothing, analyzes only this schema's grown tables and names them;
everyone's import calls it (the owner's too: one path), inside the import's transaction
(ANALYZE, unlike VACUUM, may run in a transaction and in a function). The growth rule, a tenth of the pages
(as ``autovacuum_analyze_scale_factor``'s default), is written in the function.
SQLite's planner does without statistics here (its plans were measured right without ANALYZE).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

_ANALYZE_GROWN = text("SELECT annotator_analyze_grown()")


def analyze_grown(connection: Connection) -> list[str]:
    """ANALYZE the tables that grew (see the module's text); their names."""
    if connection.dialect.name != "postgresql":
        return []
    return list(connection.execute(_ANALYZE_GROWN).scalars())
