"""fragments: a span or claim may have several pieces (a discontinuous span)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 10:40:00.000000

One nullable JSON column on spans: [[start, end], ...] in text order for a discontinuous
span, NULL for a contiguous one. start and end stay the outer bounds, so every query by
region, the unique place index and the search index are unchanged. The table's grants and
row-level security policy (0005) cover the new column as they cover the others.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('spans', sa.Column('fragments', sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('spans') as batch:
        batch.drop_column('fragments')
