"""the documents the index of repeated passages has read, so it can be built after an import

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 19:10:00.000000

The index of repeated sentences was built inside the import's transaction, which made an import
of 10,000 articles three times slower. It is now built after the import commits, a small batch
per transaction, by whoever finds documents missing from it (the window in the background, the
command line after an import). A document whose sentences are all too short to index has no
place in ``repeat_places``, so what has been read is recorded here, one row per document.
Documents that already have places are marked read; the others are read again once.
"""
import sqlalchemy as sa
from alembic import op


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('repeat_indexed',
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id')
    )
    op.execute("INSERT INTO repeat_indexed (document_id) SELECT DISTINCT document_id FROM repeat_places")
    if op.get_bind().dialect.name == "postgresql":  # derived from the texts: anyone may write it (as 0007)
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON repeat_indexed TO PUBLIC")


def downgrade() -> None:
    op.drop_table('repeat_indexed')
