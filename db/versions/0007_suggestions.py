"""suggestions and repeated passages: a span's origin, rejected suggestions, the index of repeated sentences

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 10:40:00.000000

On PostgreSQL, ``model:`` sets (suggestions: a model's, another tool's
predictions, copies of a repeated passage) may be written by every member:
they are nobody's work, and an annotator proposes copies of their passage into
their own ``model:copies:NAME`` set. Rejections are written by their owner (or a
curator); the index of repeated sentences, derived from the texts, by anyone
who imports.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_MAY_WRITE = """
CREATE OR REPLACE FUNCTION annotator_may_write(set_owner text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT set_owner = current_user::text OR left(set_owner, 6) = 'model:' OR annotator_is_curator() $$;
"""
_MAY_WRITE_BEFORE = """
CREATE OR REPLACE FUNCTION annotator_may_write(set_owner text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT set_owner = current_user::text OR annotator_is_curator() $$;
"""
_INDEX_TABLES = ("repeat_groups", "repeat_bands", "repeat_places")


def upgrade() -> None:
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=200), nullable=True))
    op.create_table('suggestion_rejections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_index('uq_rejections_place', 'suggestion_rejections',
                    ['document_id', 'owner', 'kind', 'start', 'end', 'label'], unique=True)
    op.create_table('repeat_groups',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_table('repeat_bands',
    sa.Column('band', sa.BigInteger(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['repeat_groups.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('band', 'group_id')
    )
    op.create_table('repeat_places',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['repeat_groups.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_index('ix_repeat_places_document', 'repeat_places', ['document_id', 'ordinal'], unique=False)
    op.create_index('ix_repeat_places_group', 'repeat_places', ['group_id'], unique=False)
    # Documents imported before this revision are indexed by `annotator repeats --reindex`.
    if op.get_bind().dialect.name != "postgresql":
        return
    op.get_bind().connection.dbapi_connection.cursor().execute(_MAY_WRITE)
    rule = "annotator_may_write(owner)"
    op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON suggestion_rejections TO PUBLIC")
    op.execute("ALTER TABLE suggestion_rejections ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY suggestion_rejections_read ON suggestion_rejections FOR SELECT USING (true)")
    op.execute(f"CREATE POLICY suggestion_rejections_write ON suggestion_rejections FOR ALL "
               f"USING ({rule}) WITH CHECK ({rule})")
    for table in _INDEX_TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO PUBLIC")
    op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.get_bind().connection.dbapi_connection.cursor().execute(_MAY_WRITE_BEFORE)
    op.drop_index('ix_repeat_places_group', table_name='repeat_places')
    op.drop_index('ix_repeat_places_document', table_name='repeat_places')
    op.drop_table('repeat_places')
    op.drop_table('repeat_bands')
    op.drop_table('repeat_groups')
    op.drop_index('uq_rejections_place', table_name='suggestion_rejections')
    op.drop_table('suggestion_rejections')
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.drop_column('origin')
