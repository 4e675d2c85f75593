"""fragments in the place of a span: two spans of one label and outer bounds may differ in fragments

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 14:05:00.000000

The unique place index (0004) held one span of a label per outer bounds, so a corpus with two
discontinuous spans sharing their bounds (brat allows them) could not be imported. The index
now takes the fragments too, as the text the JSON column holds ('' for a contiguous span, whose
column is NULL): the writers all produce the column from the same list, so equal fragments are
equal text. The expression works on SQLite and PostgreSQL (json to text is immutable).
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

PLACE = ['set_id', 'kind', 'start', 'end', 'label']


def upgrade() -> None:
    op.drop_index('uq_spans_place', table_name='spans')
    op.create_index('uq_spans_place', 'spans', [*PLACE, sa.text("coalesce(CAST(fragments AS TEXT), '')")],
                    unique=True)


def downgrade() -> None:
    op.drop_index('uq_spans_place', table_name='spans')
    op.create_index('uq_spans_place', 'spans', PLACE, unique=True)
