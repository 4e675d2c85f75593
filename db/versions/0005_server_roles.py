"""server roles: on PostgreSQL the server itself refuses what a login's role may not write

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 08:00:00.000000

On SQLite this revision does nothing: one file on one desktop, no logins, and
anyone who can open the file can change it (the README says so).

On PostgreSQL every team member is a login. Two group roles per database,
``<database>_annotator`` and ``<database>_curator``, say who is what; they are
made by ``annotator_add_user`` (below), which ``annotator users add`` calls.

Why row-level security and not grants alone: grants work per table, but the
rule is per row (an annotator writes the rows of *their own* sets, a curator
also gold and others' sets), so every table is granted to members and a
policy on each row decides, the same rule the application checks first:

- sets, spans, claims, relations, notes: written only when the set's owner is
  the login itself, or the login is a curator;
- the action log: appended only for such an owner and with ``user`` the login
  itself (who acted is proved, not typed); never updated or deleted;
- the scheme and assignments: curators; documents: anyone adds, curators
  change; users: only through ``annotator_add_user``.

The database's owner (who ran the migrations) and superusers are not subject
to the policies (PostgreSQL exempts a table's owner): they administer. Tables a
later revision adds need their grants and policies there too.
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_FUNCTIONS = r"""
CREATE FUNCTION annotator_group(kind text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT left(current_database(), 40) || '_' || kind $$;

CREATE FUNCTION annotator_is_curator() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = annotator_group('curator')
                 AND pg_has_role(current_user, r.oid, 'MEMBER')) $$;

CREATE FUNCTION annotator_may_write(set_owner text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT set_owner = current_user::text OR annotator_is_curator() $$;

CREATE FUNCTION annotator_may_write_set(set_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT annotator_may_write(s.owner) FROM annotation_sets s WHERE s.id = set_id), false) $$;

CREATE FUNCTION annotator_may_write_span(span_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT annotator_may_write_set(s.set_id) FROM spans s WHERE s.id = span_id), false) $$;

CREATE FUNCTION annotator_add_user(member text, member_role text, secret text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  curators text := annotator_group('curator');
  annotators text := annotator_group('annotator');
  created boolean := false;
  administers boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
    OR pg_has_role(session_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER');
BEGIN
  IF member_role NOT IN ('annotator', 'curator') THEN
    RAISE EXCEPTION 'unknown role %', member_role USING ERRCODE = '22023';
  END IF;
  IF NOT administers AND NOT (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = curators)
                              AND pg_has_role(session_user, curators, 'MEMBER')) THEN
    RAISE EXCEPTION 'only a curator adds users' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = annotators) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', annotators);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = curators) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', curators);
  END IF;
  -- the database is the team's: only its members (and its owner) connect
  EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), annotators, curators);
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = member) THEN
    IF secret IS NULL THEN
      EXECUTE format('CREATE ROLE %I LOGIN', member);
    ELSE
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', member, secret);
    END IF;
    created := true;
  ELSIF secret IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', member, secret);
  END IF;
  IF member_role = 'curator' THEN
    EXECUTE format('GRANT %I TO %I', curators, member);
    EXECUTE format('REVOKE %I FROM %I', annotators, member);
  ELSE
    EXECUTE format('GRANT %I TO %I', annotators, member);
    EXECUTE format('REVOKE %I FROM %I', curators, member);
  END IF;
  INSERT INTO users (name, role, created_at) VALUES (member, member_role, now() AT TIME ZONE 'utc')
    ON CONFLICT (name) DO UPDATE SET role = excluded.role;
  RETURN created;
END $$;
"""

# table -> the rule for writing a row (SQL over the row's columns)
_WRITE_RULES = {
    "annotation_sets": "annotator_may_write(owner)",
    "spans": "annotator_may_write_set(set_id)",
    "relations": "annotator_may_write_set(set_id)",
    "notes": "annotator_may_write_set(set_id)",
    "claims": "annotator_may_write_span(span_id)",
    "scheme_versions": "annotator_is_curator()",
    "assignments": "annotator_is_curator()",
    "documents": "annotator_is_curator()",
    "document_texts": "annotator_is_curator()",
}
_READ_ONLY = ["users", "alembic_version"]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # Straight to the driver with no parameters, so that format()'s %I and %L stay as written.
    op.get_bind().connection.dbapi_connection.cursor().execute(_FUNCTIONS)
    for table, rule in _WRITE_RULES.items():
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO PUBLIC")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)")
        op.execute(f"CREATE POLICY {table}_write ON {table} FOR ALL USING ({rule}) WITH CHECK ({rule})")
    for table in ("documents", "document_texts"):  # anyone adds texts (an import); curators change them
        op.execute(f"CREATE POLICY {table}_add ON {table} FOR INSERT WITH CHECK (true)")
    op.execute("GRANT SELECT, INSERT ON actions TO PUBLIC")  # append-only: no UPDATE, no DELETE
    op.execute("ALTER TABLE actions ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY actions_read ON actions FOR SELECT USING (true)")
    op.execute("CREATE POLICY actions_append ON actions FOR INSERT "
               "WITH CHECK (annotator_may_write(owner) AND \"user\" = current_user::text)")
    for table in _READ_ONLY:
        op.execute(f"GRANT SELECT ON {table} TO PUBLIC")
    op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in [*_WRITE_RULES, "actions"]:
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for policy in ("read", "write", "add", "append"):
            op.execute(f"DROP POLICY IF EXISTS {table}_{policy} ON {table}")
        op.execute(f"REVOKE ALL ON {table} FROM PUBLIC")
    for table in _READ_ONLY:
        op.execute(f"REVOKE ALL ON {table} FROM PUBLIC")
    op.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC")
    for function in ("annotator_add_user(text, text, text)", "annotator_may_write_span(integer)",
                     "annotator_may_write_set(integer)", "annotator_may_write(text)", "annotator_is_curator()",
                     "annotator_group(text)"):
        op.execute(f"DROP FUNCTION {function}")
