"""span search index: every entity span's words, so that a search over spans reads only what it finds

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-04 16:40:00.000000

SQLite: an FTS5 table; PostgreSQL: a table of tsvectors with a GIN index, whose rows go with their
spans. Both are filled here from the spans already stored, and kept by the store from then on
(``annotator.storage.span_search`` says why and how). On PostgreSQL the table gets its grants and
row-level security like every table: anyone reads it; a row is written by whoever may write its span.
"""
from alembic import op

from annotator.storage import span_search


revision = '0015'
down_revision = '0013'
branch_labels = None
depends_on = None

_TABLE = span_search.SPAN_TABLE


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(span_search.CREATE_FTS)
    else:
        for statement in span_search.CREATE_PG:
            connection.exec_driver_sql(statement)
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_TABLE} TO PUBLIC")
        op.execute(f"ALTER TABLE {_TABLE} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {_TABLE}_read ON {_TABLE} FOR SELECT USING (true)")
        op.execute(f"CREATE POLICY {_TABLE}_write ON {_TABLE} FOR ALL "
                   "USING (annotator_may_write_span(span_id)) WITH CHECK (annotator_may_write_span(span_id))")
    span_search.rebuild(connection, owners=False)  # PostgreSQL: the owner came with 0018


def downgrade() -> None:
    op.get_bind().exec_driver_sql(f"DROP TABLE IF EXISTS {_TABLE}")
