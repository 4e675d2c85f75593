"""relation attributes: a relation may carry attribute values, as a span does

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 16:20:00.000000

One nullable JSON column on relations: {name: value} of the scheme's attributes for the
relation's type (brat's "A1 Negation R1"), NULL for none. The table's grants and row-level
security policy (0005) cover the new column as they cover the others.
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('relations', sa.Column('attributes', sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('relations') as batch:
        batch.drop_column('attributes')
