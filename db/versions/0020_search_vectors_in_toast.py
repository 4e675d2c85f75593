"""PostgreSQL: the texts' index keeps its vectors in TOAST, out of the table's own pages

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 00:40:00.000000

Until now each document's vector was kept in its row (``STORAGE MAIN``, ``toast_tuple_target``
8160), one document a page: 780 MB at 100,000 documents, every page of which a count of a word most
texts hold visited (0.6-1.4 s for the document list's filter). Moved to TOAST, the rows are ~50
bytes and the same count reads a few hundred pages; the statements that ask the index are planned
without sequential scans (``annotator.storage.search_index`` says why). The table is rewritten
(``CLUSTER``, which moves each vector out as it copies the row, inside this transaction; the
table is not left marked as clustered) and its indexes rebuilt.

SQLite: nothing (FTS5).
"""
from alembic import op

from annotator.storage import search_index


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

_TABLE = search_index.INDEX_TABLE


def _rewrite() -> None:
    op.execute(f"CLUSTER {_TABLE} USING {_TABLE}_pkey")
    op.execute(f"ALTER TABLE {_TABLE} SET WITHOUT CLUSTER")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER TABLE {_TABLE} RESET (toast_tuple_target)")
    op.execute(f"ALTER TABLE {_TABLE} ALTER COLUMN words SET STORAGE EXTENDED")
    _rewrite()


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER TABLE {_TABLE} SET (toast_tuple_target = 8160)")
    op.execute(f"ALTER TABLE {_TABLE} ALTER COLUMN words SET STORAGE MAIN")
    _rewrite()
