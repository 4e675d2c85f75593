"""entities: a corpus-wide entity table per owner, and each mention's link to one

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 10:40:00.000000

An entity (canonical name, type, aliases, an external id such as a Wikidata
QID, notes) belongs to an owner, as a set does: each annotator links their
mentions to their own entities and curation settles gold's. A mention links
through ``spans.entity_id``. The column ``spans.entity`` (a free string that
imports of brat ``N`` lines and WebAnno identifiers filled) is read once here:
each distinct string of an owner becomes an entity whose external id it is,
and its mentions link to it. The old column stays (dropping a column rebuilds
the table on SQLite) but nothing reads or writes it any more.

No foreign key from ``spans.entity_id``: an entity is only removed by a merge,
which moves its links first (and undo puts both back in order).
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('entities',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=100), nullable=True),
    sa.Column('aliases', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('external_id', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_index('ix_entities_owner', 'entities', ['owner', 'name'], unique=False)
    op.add_column('spans', sa.Column('entity_id', sa.Integer(), nullable=True))
    op.create_index('ix_spans_entity_id', 'spans', ['entity_id'], unique=False)
    connection = op.get_bind()
    # The free strings of before: one entity per (owner, string), its mentions linked to it.
    connection.exec_driver_sql(
        "INSERT INTO entities (owner, name, external_id) "
        "SELECT DISTINCT s.owner, p.entity, p.entity FROM spans p JOIN annotation_sets s ON s.id = p.set_id "
        "WHERE p.entity IS NOT NULL")
    connection.exec_driver_sql(
        "UPDATE spans SET entity_id = (SELECT e.id FROM entities e JOIN annotation_sets s ON s.owner = e.owner "
        "WHERE s.id = spans.set_id AND e.external_id = spans.entity) WHERE entity IS NOT NULL")
    if connection.dialect.name == "postgresql":  # who may write which row: as for sets (see 0005)
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON entities TO PUBLIC")
        op.execute("ALTER TABLE entities ENABLE ROW LEVEL SECURITY")
        op.execute("CREATE POLICY entities_read ON entities FOR SELECT USING (true)")
        op.execute("CREATE POLICY entities_write ON entities FOR ALL USING (annotator_may_write(owner)) "
                   "WITH CHECK (annotator_may_write(owner))")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO PUBLIC")


def downgrade() -> None:
    op.drop_index('ix_spans_entity_id', table_name='spans')
    # SQLite (3.35 and later) drops a column in place: a batch copy would re-create the spans
    # table, and dropping the old one would cascade to claims, relations and notes.
    op.get_bind().exec_driver_sql("ALTER TABLE spans DROP COLUMN entity_id")
    op.drop_index('ix_entities_owner', table_name='entities')
    op.drop_table('entities')
