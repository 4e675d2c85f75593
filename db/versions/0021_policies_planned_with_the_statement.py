"""PostgreSQL: the write policies look a row's set up inside the statement's own plan, not through a function per row

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 00:30:00.000000

The rules are unchanged (0005, 0007): a set, and every row of a set (spans, relations, notes, and
through their span, claims and the spans' index), is written only by the set's owner, for a
``model:`` owner by anyone, and by a curator. What changes is how the server evaluates them.

PostgreSQL inlines a SQL function into the statement that calls it only if the function's body is
one expression with no sub-select. ``annotator_may_write_set`` and ``annotator_may_write_span`` read
a table, and ``annotator_is_curator`` read ``pg_roles``, so none was inlined: each was run as a
statement of its own, parsed and planned anew at every call, once per row written (twice for a row
of the spans' index: its span's function called the set's). A member's import of 10,000 documents
called them 600,000 times and took four times the owner's (whom row-level security exempts).

Now:

- ``annotator_is_curator()`` asks ``pg_has_role`` about the curators' group by ``to_regrole`` (NULL,
  hence false, when the group does not exist yet, as the ``pg_roles`` look-up was): one expression,
  inlined wherever it is called;
- ``annotator_may_write(owner)``, unchanged, is then inlined whole;
- the policies of spans, relations, notes, claims and the spans' index hold the look-up themselves,
  as an ``EXISTS`` over the set (and the span) by primary key: planned once with the statement, it
  costs an index probe per row. The two functions the policies called are dropped (nothing else
  called them; the downgrade makes them again).

SQLite: nothing (no logins, no policies).
"""
from alembic import op


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

_IS_CURATOR = r"""
CREATE OR REPLACE FUNCTION annotator_is_curator() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(pg_has_role(current_user, to_regrole(quote_ident(annotator_group('curator'))), 'MEMBER'), false) $$;
"""
_IS_CURATOR_BEFORE = r"""
CREATE OR REPLACE FUNCTION annotator_is_curator() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = annotator_group('curator')
                 AND pg_has_role(current_user, r.oid, 'MEMBER')) $$;
"""
_FUNCTIONS_BEFORE = r"""
CREATE FUNCTION annotator_may_write_set(set_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT annotator_may_write(s.owner) FROM annotation_sets s WHERE s.id = set_id), false) $$;

CREATE FUNCTION annotator_may_write_span(span_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT annotator_may_write_set(s.set_id) FROM spans s WHERE s.id = span_id), false) $$;
"""


def _set_rule(table: str) -> str:
    return (f"EXISTS (SELECT 1 FROM annotation_sets s "
            f"WHERE s.id = {table}.set_id AND annotator_may_write(s.owner))")


def _span_rule(table: str) -> str:
    return (f"EXISTS (SELECT 1 FROM spans x JOIN annotation_sets s ON s.id = x.set_id "
            f"WHERE x.id = {table}.span_id AND annotator_may_write(s.owner))")


# table -> (the rule now, the rule before)
RULES = {
    "spans": (_set_rule("spans"), "annotator_may_write_set(set_id)"),
    "relations": (_set_rule("relations"), "annotator_may_write_set(set_id)"),
    "notes": (_set_rule("notes"), "annotator_may_write_set(set_id)"),
    "claims": (_span_rule("claims"), "annotator_may_write_span(span_id)"),
    "span_search": (_span_rule("span_search"), "annotator_may_write_span(span_id)"),
}


def _alter(rule_index: int) -> None:
    for table, rules in RULES.items():
        rule = rules[rule_index]
        op.execute(f"ALTER POLICY {table}_write ON {table} USING ({rule}) WITH CHECK ({rule})")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_IS_CURATOR)
    _alter(0)
    op.execute("DROP FUNCTION annotator_may_write_span(integer)")
    op.execute("DROP FUNCTION annotator_may_write_set(integer)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_IS_CURATOR_BEFORE)
    op.execute(_FUNCTIONS_BEFORE)
    _alter(1)
