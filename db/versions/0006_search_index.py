"""search index: full-text search over the texts (SQLite FTS5), filled for the documents already stored

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 07:30:00.000000
"""
from alembic import op

from annotator.storage import search_index


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return  # PostgreSQL's full-text index is its own revision
    connection.exec_driver_sql(search_index.CREATE_FTS)
    search_index.rebuild(connection)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {search_index.FTS_TABLE}")
