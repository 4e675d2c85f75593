"""an index of the action log by (owner, document, id): one document's undo read from its newest actions

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 05:30:00.000000

A view reads the tops of the owner's undo and redo stacks from the newest actions back
(domain/undo_stacks.py). An annotator's undo reaches across documents and reads them through
(owner, id); a curator's undo is one document's (gold's actions on it), which through (owner, id)
meant walking back over gold's actions on every other document.
"""
from alembic import op


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_actions_owner_document', 'actions', ['owner', 'document_id', 'id'])


def downgrade() -> None:
    op.drop_index('ix_actions_owner_document', table_name='actions')
