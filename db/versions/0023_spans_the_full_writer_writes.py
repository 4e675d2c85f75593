"""a partial index of the spans only the export's full writer writes: a page finds its sets' at once

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05 09:00:00.000000

The JSONL export writes a set of contiguous entity spans from one JSON aggregate of its spans
(Repository.export_page) and loads the set whole only when it holds a claim, a relation, a
discontinuous span, a span linked to an entity or one accepted from a suggestion. Telling that
from the aggregate tested every span (about a fifth of the page's span query at 10,000
documents); such spans are few, so an index of them alone answers each set with one probe.
"""
from alembic import op
from sqlalchemy import text


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

# as annotator/storage/models.WHOLE_SPAN when this revision was written
WHOLE_SPAN = "kind <> 'entity' OR fragments IS NOT NULL OR entity_id IS NOT NULL OR origin IS NOT NULL"


def upgrade() -> None:
    op.create_index('ix_spans_whole', 'spans', ['set_id'],
                    sqlite_where=text(WHOLE_SPAN), postgresql_where=text(WHOLE_SPAN))


def downgrade() -> None:
    op.drop_index('ix_spans_whole', table_name='spans')
