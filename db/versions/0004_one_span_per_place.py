"""one span per place: a set holds a span (kind, extent, label) at most once

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 07:30:00.000000

Two writers adding the same span at once stored it twice on PostgreSQL; the
unique index makes that impossible on both backends. Twins left by such races
are merged first, the way a label merge does: whatever pointed at a twin (a
claim's speaker, a relation, a note) points at the span with the lowest id,
which stays.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_TWINS = sa.text(
    'SELECT s.id, k.keep FROM spans s JOIN ('
    '  SELECT set_id, kind, start, "end", label, min(id) AS keep FROM spans'
    '  GROUP BY set_id, kind, start, "end", label HAVING count(*) > 1'
    ') k ON s.set_id = k.set_id AND s.kind = k.kind AND s.start = k.start AND s."end" = k."end"'
    ' AND s.label = k.label WHERE s.id <> k.keep'
)


def upgrade() -> None:
    connection = op.get_bind()
    for twin, keep in connection.execute(_TWINS).all():
        values = {"twin": twin, "keep": keep}
        connection.execute(sa.text("UPDATE claims SET speaker_span_id = :keep WHERE speaker_span_id = :twin"), values)
        connection.execute(sa.text("UPDATE relations SET head_id = :keep WHERE head_id = :twin"), values)
        connection.execute(sa.text("UPDATE relations SET tail_id = :keep WHERE tail_id = :twin"), values)
        connection.execute(sa.text("UPDATE notes SET target_id = :keep WHERE target_id = :twin"), values)
        connection.execute(sa.text("DELETE FROM claims WHERE span_id = :twin"), values)
        connection.execute(sa.text("DELETE FROM spans WHERE id = :twin"), values)
    op.create_index('uq_spans_place', 'spans', ['set_id', 'kind', 'start', 'end', 'label'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_spans_place', table_name='spans')
