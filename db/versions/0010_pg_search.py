"""PostgreSQL search index: the texts' words as a tsvector with a GIN index, filled for the documents already stored

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 10:45:00.000000

On SQLite this revision does nothing: its full-text index is FTS5's (0006).
Why a vector of the domain's own words and not a text search configuration:
``annotator.storage.search_index``. Like every table, the index gets its
grants and row-level security here: anyone reads it; a row is added with its
document (an import, which anyone may run), for a document that exists; only
curators change or remove one.
"""
from alembic import op

from annotator.storage import search_index


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_TABLE = search_index.INDEX_TABLE
# The table as this revision made it: the vectors in the rows' own pages (0020 moves them to TOAST).
_CREATE = (
    f"CREATE TABLE {_TABLE} (ordinal integer PRIMARY KEY, words tsvector NOT NULL) WITH (toast_tuple_target = 8160)",
    f"ALTER TABLE {_TABLE} ALTER COLUMN words SET STORAGE MAIN",
    f"CREATE INDEX {_TABLE}_words ON {_TABLE} USING gin (words)",
)


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    for statement in _CREATE:
        connection.exec_driver_sql(statement)
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_TABLE} TO PUBLIC")
    op.execute(f"ALTER TABLE {_TABLE} ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY {_TABLE}_read ON {_TABLE} FOR SELECT USING (true)")
    op.execute(f"CREATE POLICY {_TABLE}_write ON {_TABLE} FOR ALL "
               "USING (annotator_is_curator()) WITH CHECK (annotator_is_curator())")
    op.execute(f"CREATE POLICY {_TABLE}_add ON {_TABLE} FOR INSERT "
               f"WITH CHECK (EXISTS (SELECT 1 FROM documents d WHERE d.ordinal = {_TABLE}.ordinal))")
    search_index.rebuild(connection)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {_TABLE}")
