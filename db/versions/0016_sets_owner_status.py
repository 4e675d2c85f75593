"""an index of sets by (owner, status): "done by this owner" counted without walking the corpus

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 17:05:00.000000

The window counts an annotator's done documents at every open (and after status changes); at
100,000 documents that count walked every document (20 ms). It is now counted in this index.
"""
from alembic import op


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_sets_owner_status', 'annotation_sets', ['owner', 'status'])


def downgrade() -> None:
    op.drop_index('ix_sets_owner_status', table_name='annotation_sets')
