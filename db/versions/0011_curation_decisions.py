"""curation decisions: a curator's explicit accept or reject of one disagreement region

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 14:00:00.000000

A region (document, layer, extent) has at most one decision (the unique index):
two curators deciding the same region at once cannot both record it. On
PostgreSQL anyone reads the decisions and only curators write them, as gold.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_TABLE = "curation_decisions"


def upgrade() -> None:
    op.create_table(_TABLE,
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('layer', sa.String(length=10), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('annotator', sa.String(length=200), nullable=True),
    sa.Column('curator', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_index('uq_curation_decisions_region', _TABLE, ['document_id', 'layer', 'start', 'end'], unique=True)
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_TABLE} TO PUBLIC")
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE {_TABLE}_id_seq TO PUBLIC")
    op.execute(f"ALTER TABLE {_TABLE} ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY {_TABLE}_read ON {_TABLE} FOR SELECT USING (true)")
    op.execute(f"CREATE POLICY {_TABLE}_write ON {_TABLE} FOR ALL "
               "USING (annotator_is_curator()) WITH CHECK (annotator_is_curator())")


def downgrade() -> None:
    op.drop_index('uq_curation_decisions_region', table_name=_TABLE)
    op.drop_table(_TABLE)
