"""PostgreSQL: a member's import analyzes the tables it grew (a function with the owner's rights); the spans' index knows each span's owner

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 21:00:00.000000

Only a table's owner may ANALYZE it, and on a team server the members own no table: after a
member's big import the planner had no statistics until autovacuum came (searches over spans
1.5-2 s, the list's count minutes, at 100,000 documents). ``annotator_analyze_grown()`` is
SECURITY DEFINER, owned by whoever runs this migration (the schema's owner): it takes no
argument, analyzes only this schema's tables that grew by more than a tenth of their pages (the
rule of ``storage/statistics.py``) and that its owner may analyze, and names them. Its
``search_path`` is fixed (the catalog, this schema, the session's temporary schema last), so a
caller's objects are never taken for the catalog's. Anyone may call it, as anyone may write rows.

The spans' index (``span_search``) gets the owner of each span's set, filled here, and a btree on
(owner, label, ordinal): a search over one owner's spans found every owner's spans holding the
word and refused the others' documents (``storage/span_search.py``).

SQLite: nothing (its planner keeps no statistics here, and its span index has no owner).
"""
from alembic import op


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

# The growth rule: a tenth of the pages, as autovacuum_analyze_scale_factor's default.
_FUNCTION = r"""
CREATE FUNCTION annotator_analyze_grown() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, {schema_identifier}, pg_temp AS $$
DECLARE
  grown text[];
BEGIN
  SELECT coalesce(array_agg(format('%I.%I', n.nspname, c.relname) ORDER BY c.relname), '{{}}') INTO grown
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  CROSS JOIN LATERAL (SELECT pg_catalog.pg_relation_size(c.oid)
                             / pg_catalog.current_setting('block_size')::int AS pages) size
  WHERE c.relkind = 'r' AND n.nspname = {schema_literal} AND size.pages > 0
    AND (c.reltuples < 0 OR size.pages > 1.1 * c.relpages)
    AND pg_catalog.pg_has_role(c.relowner, 'USAGE');
  IF pg_catalog.cardinality(grown) > 0 THEN
    EXECUTE 'ANALYZE ' || pg_catalog.array_to_string(grown, ', ');
  END IF;
  RETURN QUERY SELECT pg_catalog.unnest(grown);
END $$;
"""


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    schema = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
    # Straight to the driver with no parameters, so that format()'s %I stays as written.
    connection.connection.dbapi_connection.cursor().execute(
        _FUNCTION.format(schema_identifier=_identifier(schema), schema_literal=_literal(schema)))
    op.execute("GRANT EXECUTE ON FUNCTION annotator_analyze_grown() TO PUBLIC")
    # The spans' index learns each span's owner, so that a search over one owner's spans asks for
    # them only (``storage/span_search.py``); the table's grants and policies are unchanged. Its rows
    # are written anew rather than updated: an update leaves every row's old version behind, and at
    # 100,000 documents twice the pages made the planner read the table from its start for a page of
    # matches (500 ms instead of 70).
    op.execute("CREATE TEMPORARY TABLE span_search_owned ON COMMIT DROP AS "
               "SELECT x.span_id, x.ordinal, x.label, x.words, a.owner FROM span_search x "
               "JOIN spans s ON s.id = x.span_id JOIN annotation_sets a ON a.id = s.set_id")
    op.execute("TRUNCATE span_search")
    op.execute("DROP INDEX span_search_words")
    op.execute("DROP INDEX span_search_ordinal")
    op.execute("ALTER TABLE span_search ADD COLUMN owner varchar(200) NOT NULL")
    op.execute("INSERT INTO span_search (span_id, ordinal, label, words, owner) "
               "SELECT span_id, ordinal, label, words, owner FROM span_search_owned ORDER BY ordinal, span_id")
    op.execute("CREATE INDEX span_search_words ON span_search USING gin (words)")
    op.execute("CREATE INDEX span_search_ordinal ON span_search (ordinal)")
    op.execute("CREATE INDEX span_search_owner ON span_search (owner, label, ordinal)")
    op.execute("ANALYZE span_search")  # the new column's statistics, before the first search needs them


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS span_search_owner")
    op.execute("ALTER TABLE span_search DROP COLUMN IF EXISTS owner")
    op.execute("DROP FUNCTION IF EXISTS annotator_analyze_grown()")
