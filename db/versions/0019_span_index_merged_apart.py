"""SQLite: the span index's segments are merged by the window's upkeep thread, not by actions

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 00:10:00.000000

FTS5 merges an index's segments inside the commit that adds one, and an action adds one to
``span_search``: at 10,000 documents one keystroke in a few dozen wrote 340-1,460 pages instead
of ~12 and took 70-80 ms. ``automerge`` 0 leaves merging to ``span_search.merge_some``, which the
window's upkeep thread runs every second (``storage/upkeep.py``); FTS5 still merges a level by
itself once it holds 16 segments (``crisismerge``), so an index nobody merges stays bounded.
Imports (and this upgrade) merge until no level holds four segments (``span_search.merge_due``):
what they left side by side was otherwise merged by a keystroke's commit.
The texts' index (``search_index``) is written by imports only and keeps FTS5's default.

PostgreSQL: nothing (a GIN index has no segments to merge).
"""
from alembic import op

from annotator.storage import span_search


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

_AUTOMERGE = "INSERT INTO span_search(span_search, rank) VALUES ('automerge', {value})"
DEFAULT_AUTOMERGE = 4  # FTS5's own


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_AUTOMERGE.format(value=0))
        span_search.merge_due(op.get_bind())  # what the store's imports left side by side


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_AUTOMERGE.format(value=DEFAULT_AUTOMERGE))
