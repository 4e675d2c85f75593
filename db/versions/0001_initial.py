"""initial: documents, sets, spans, claims, relations, schemes, action log

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 20:12:11.146844
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('user', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=True),
    sa.Column('forward', sa.JSON(), nullable=False),
    sa.Column('inverse', sa.JSON(), nullable=False),
    sa.Column('undoes', sa.Integer(), nullable=True),
    sa.Column('redoes', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['redoes'], ['actions.id'], ),
    sa.ForeignKeyConstraint(['undoes'], ['actions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.create_index('ix_actions_owner', ['owner', 'id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('length', sa.Integer(), nullable=False),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ordinal'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_date'), ['date'], unique=False)

    op.create_table('scheme_versions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_table('annotation_sets',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'owner', name='uq_set_document_owner'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('annotation_sets', schema=None) as batch_op:
        batch_op.create_index('ix_sets_owner', ['owner'], unique=False)

    op.create_table('document_texts',
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id')
    )
    op.create_table('spans',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('attributes', sa.JSON(), nullable=True),
    sa.Column('entity', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['set_id'], ['annotation_sets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.create_index('ix_spans_set', ['set_id', 'start'], unique=False)

    op.create_table('claims',
    sa.Column('span_id', sa.Integer(), nullable=False),
    sa.Column('speaker_span_id', sa.Integer(), nullable=True),
    sa.Column('speaker_is_author', sa.Boolean(), nullable=False),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('certainty', sa.String(length=20), nullable=False),
    sa.Column('checkworthy', sa.Boolean(), nullable=False),
    sa.Column('quantity_value', sa.Float(), nullable=True),
    sa.Column('quantity_unit', sa.String(length=100), nullable=True),
    sa.Column('quantity_period', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['span_id'], ['spans.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_span_id'], ['spans.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('span_id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_speaker_span_id'), ['speaker_span_id'], unique=False)

    op.create_table('relations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('head_id', sa.Integer(), nullable=False),
    sa.Column('tail_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['head_id'], ['spans.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['set_id'], ['annotation_sets.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tail_id'], ['spans.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relations_head_id'), ['head_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_set_id'), ['set_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_tail_id'), ['tail_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relations_tail_id'))
        batch_op.drop_index(batch_op.f('ix_relations_set_id'))
        batch_op.drop_index(batch_op.f('ix_relations_head_id'))

    op.drop_table('relations')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_speaker_span_id'))

    op.drop_table('claims')
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.drop_index('ix_spans_set')

    op.drop_table('spans')
    op.drop_table('document_texts')
    with op.batch_alter_table('annotation_sets', schema=None) as batch_op:
        batch_op.drop_index('ix_sets_owner')

    op.drop_table('annotation_sets')
    op.drop_table('scheme_versions')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_date'))

    op.drop_table('documents')
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_index('ix_actions_owner')

    op.drop_table('actions')
