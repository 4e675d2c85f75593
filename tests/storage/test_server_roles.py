"""PostgreSQL: who you are is the server's login, and the server itself refuses what a role may not write.

The database's owner (here the cluster's superuser) adds the first curator;
the curator adds annotators; each connects with their own login. Then an
annotator's login, with hand-written SQL and no help from the application,
tries to write gold, another annotator's set and the action log in someone
else's name, and the server refuses every one (row-level security, grants).
PostgreSQL only: SQLite has no logins, and the README says a shared file
protects nothing.
"""

from __future__ import annotations

import re

import psycopg
from pgcluster import SUPERUSER, SUPERUSER_PASSWORD
import pytest

from annotator.cli.main import main
from annotator.domain.model import GOLD, Role
from annotator.services import annotating, documents, history, users
from annotator.services.permissions import NotAllowed
from annotator.services.workspace import Workspace

DOC = "000_598509fc61278558"


def run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def team(pg_cluster, capsys):
    """A database with the sample corpus, a curator and two annotators, each a login of their own."""
    database = pg_cluster.create_database()
    owner_url = pg_cluster.url(database)
    # logins are the cluster's, not the database's: names of their own for this test
    names = {n: f"{n}_{database}" for n in ("cora", "anna", "boris")}
    assert run(capsys, owner_url, "import", "--sample")[0] == 0
    code, out, err = run(capsys, owner_url, "users", "add", names["cora"], "--role", "curator")
    assert code == 0, err
    password = re.search(r"password: (\S+)", out).group(1)  # made and printed once
    urls = {"cora": pg_cluster.url(database, names["cora"], password)}
    for who in ("anna", "boris"):
        code, out, err = run(capsys, urls["cora"], "users", "add", names[who], "--role", "annotator",
                             "--password", f"pw-{who}")
        assert code == 0, err
        urls[who] = pg_cluster.url(database, names[who], f"pw-{who}")
    yield pg_cluster, database, names, urls
    pg_cluster.drop_database(database)


def sql(pg_cluster, database, login, password):
    return psycopg.connect(host="127.0.0.1", port=pg_cluster.port, dbname=database, user=login,
                           password=password, autocommit=True)


def test_each_member_acts_as_their_login_and_a_typed_name_proves_nothing(team, capsys):
    _cluster, _database, names, urls = team
    anna, cora = names["anna"], names["cora"]
    code, out, err = run(capsys, urls["anna"], "label", DOC, "0", "5", "PER", "--annotator", anna)
    assert code == 0, err
    code, _, err = run(capsys, urls["anna"], "label", DOC, "6", "11", "PER", "--annotator", anna, "--user", cora)
    assert code == 1 and f"you are logged in to the server as '{anna}'" in err
    code, _, err = run(capsys, urls["anna"], "label", DOC, "0", "5", "PER", "--annotator", GOLD)
    assert code == 1 and "only curators write gold" in err
    code, _, err = run(capsys, urls["cora"], "label", DOC, "0", "5", "PER", "--annotator", GOLD)
    assert code == 0, err  # the curator's login writes gold, with no --user at all
    code, out, _ = run(capsys, urls["cora"], "log")
    assert f"{cora}" in out and f"{anna}" in out
    with Workspace.open(urls["anna"]) as ws:
        assert ws.login == anna
        assert [action.user for action in history.log(ws)][:2] == [cora, anna]  # newest first


def test_only_a_curator_adds_users_even_by_hand(team, capsys):
    cluster, database, names, urls = team
    code, _, err = run(capsys, urls["anna"], "users", "add", names["anna"], "--role", "curator")
    assert code == 1 and "only a curator adds users" in err
    with sql(cluster, database, names["anna"], "pw-anna") as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a curator adds users"):
            connection.execute("SELECT annotator_add_user(%s, 'curator', NULL)", (names["anna"],))
        assert connection.execute("SELECT role FROM users WHERE name = %s", (names["anna"],)).fetchone() == (
            "annotator",)


def test_an_annotators_login_cannot_write_gold_or_anothers_set_with_plain_sql(team, capsys):
    cluster, database, names, urls = team
    anna, boris = names["anna"], names["boris"]
    assert run(capsys, urls["cora"], "label", DOC, "0", "5", "PER", "--annotator", GOLD)[0] == 0
    assert run(capsys, urls["boris"], "label", DOC, "0", "5", "PER", "--annotator", boris)[0] == 0

    with sql(cluster, database, anna, "pw-anna") as connection:
        gold_set = connection.execute("SELECT id FROM annotation_sets WHERE owner = 'gold'").fetchone()[0]
        boris_set = connection.execute("SELECT id FROM annotation_sets WHERE owner = %s", (boris,)).fetchone()[0]
        before = connection.execute("SELECT id, set_id, label FROM spans ORDER BY id").fetchall()

        for set_id in (gold_set, boris_set):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                connection.execute("INSERT INTO spans (set_id, kind, start, \"end\", label) "
                                   "VALUES (%s, 'entity', 6, 11, 'ORG')", (set_id,))
            # UPDATE and DELETE see no row they may change: nothing happens
            assert connection.execute("UPDATE spans SET label = 'ORG' WHERE set_id = %s", (set_id,)).rowcount == 0
            assert connection.execute("DELETE FROM spans WHERE set_id = %s", (set_id,)).rowcount == 0
            assert connection.execute("UPDATE annotation_sets SET status = 'curated' WHERE id = %s",
                                      (set_id,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("INSERT INTO annotation_sets (document_id, owner, status, updated_at) "
                               "VALUES (%s, 'gold', 'curated', now())", ("001_1fc550a04f713c8c",))
        # the log: not in another's name, never rewritten
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("INSERT INTO actions (owner, \"user\", at, kind, label, forward, inverse) "
                               "VALUES (%s, %s, now(), 'add_span', 'forged', '[]', '[]')", (anna, names["cora"]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            connection.execute("DELETE FROM actions")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("INSERT INTO scheme_versions (body, created_at) VALUES ('{}', now())")
        assert connection.execute("SELECT id, set_id, label FROM spans ORDER BY id").fetchall() == before

        # ...while her own set is hers to write, by hand too (the policies are not a blanket refusal)
        connection.execute("INSERT INTO annotation_sets (document_id, owner, status, updated_at) "
                           "VALUES (%s, %s, 'in_progress', now())", (DOC, anna))
        own = connection.execute("SELECT id FROM annotation_sets WHERE owner = %s", (anna,)).fetchone()[0]
        connection.execute("INSERT INTO spans (set_id, kind, start, \"end\", label) VALUES (%s, 'entity', 6, 11, 'ORG')",
                           (own,))


def test_a_curators_login_writes_any_set(team):
    cluster, database, names, _urls = team
    with sql(cluster, database, names["cora"], _password_of(team, "cora")) as connection:
        connection.execute("INSERT INTO annotation_sets (document_id, owner, status, updated_at) "
                           "VALUES (%s, 'gold', 'in_progress', now())", (DOC,))
        assert connection.execute("SELECT count(*) FROM annotation_sets WHERE owner = 'gold'").fetchone() == (1,)


def _password_of(team, who: str) -> str:
    _cluster, _database, _names, urls = team
    return re.search(r"://[^:]+:([^@]+)@", urls[who]).group(1)


def test_only_the_teams_logins_connect(team):
    cluster, database, _names, _urls = team
    stranger = f"stranger_{database}"
    cluster.admin().execute(f"CREATE ROLE {stranger} LOGIN PASSWORD 'pw'")
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        sql(cluster, database, stranger, "pw")


def test_a_member_cannot_make_themselves_a_curator_through_the_service(team):
    _cluster, _database, names, urls = team
    with Workspace.open(urls["anna"]) as ws:
        with pytest.raises(NotAllowed, match="only a curator adds users"):
            users.add_user(ws, names["anna"], Role.CURATOR)
        with pytest.raises(NotAllowed, match="only curators write gold"):
            annotating.add_span(ws, DOC, 0, 5, "PER", owner=GOLD)
        assert documents.annotation_sets(ws, DOC, GOLD) == []


def test_a_member_imports_texts_into_the_search_index_but_cannot_rewrite_it(team, capsys, tmp_path):
    cluster, database, names, urls = team
    (tmp_path / "new.txt").write_text("Самаркандские переговоры прошли в пятницу.", encoding="utf-8")
    code, _, err = run(capsys, urls["anna"], "import", str(tmp_path / "new.txt"))
    assert code == 0, err
    assert "repeated passages: indexed 1 sentence(s) of 1 document(s)" in err  # her login builds the index
    code, out, err = run(capsys, urls["anna"], "search", "переговорах", "--docs")
    assert code == 0 and "new" in out, err
    with sql(cluster, database, names["anna"], "pw-anna") as connection:
        rows = connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
        assert connection.execute("DELETE FROM search_index").rowcount == 0
        assert connection.execute("UPDATE search_index SET words = ''::tsvector").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("INSERT INTO search_index (ordinal, words) VALUES (99999, 'x'::tsvector)")
        assert connection.execute("SELECT count(*) FROM search_index WHERE words <> ''::tsvector").fetchone()[0] \
            == rows


def test_a_members_import_analyzes_the_tables_it_grew_with_the_owners_rights(team, capsys, tmp_path):
    """A member's login owns no table, so it may not ANALYZE them itself: its import asks the
    owner's function (migration 0018), before it commits, and a search right after it is planned
    on the new rows instead of waiting for autovacuum."""
    cluster, database, names, urls = team

    def planner_rows() -> float:
        with sql(cluster, database, SUPERUSER, SUPERUSER_PASSWORD) as connection:
            return connection.execute("SELECT reltuples FROM pg_class WHERE relname = 'documents'").fetchone()[0]

    assert planner_rows() == 5  # the owner's import of the sample analyzed it
    texts = tmp_path / "texts"
    texts.mkdir()
    for n in range(60):  # pages more than a tenth more
        (texts / f"new{n}.txt").write_text(f"Материал {n}: переговоры прошли в пятницу. " * 20, encoding="utf-8")
    code, _, err = run(capsys, urls["anna"], "import", str(texts))
    assert code == 0, err
    assert "ANALYZE" not in err and "skipping" not in err
    assert planner_rows() == 65  # analyzed by her import, with the owner's rights
    with sql(cluster, database, names["anna"], "pw-anna") as connection:
        again = [row[0] for row in connection.execute("SELECT annotator_analyze_grown()")]
        assert again and "public.documents" not in again  # only what grew since (the repeats' index, after it)
    (tmp_path / "more.txt").write_text("Ташкентские переговоры прошли в субботу.", encoding="utf-8")
    assert run(capsys, cluster.url(database), "import", str(tmp_path / "more.txt"))[0] == 0
    assert planner_rows() == 65  # one more document: under a tenth, left to autovacuum


def test_the_analyze_function_does_nothing_but_analyze_this_schemas_grown_tables(team):
    """What a member's login can do with the owner's function: no table is named by the caller,
    tables of another schema are never touched, and a temporary table of the caller's that takes a
    catalog's name does not stand in for the catalog (the function's search_path is fixed)."""
    cluster, database, names, _urls = team
    with sql(cluster, database, SUPERUSER, SUPERUSER_PASSWORD) as admin:
        admin.execute("CREATE SCHEMA elsewhere")
        admin.execute("CREATE TABLE elsewhere.big (n integer) WITH (autovacuum_enabled = false)")
        admin.execute("INSERT INTO elsewhere.big SELECT generate_series(1, 5000)")
        admin.execute("GRANT USAGE ON SCHEMA elsewhere TO PUBLIC")
        secure = admin.execute("SELECT prosecdef, proconfig FROM pg_proc WHERE proname = 'annotator_analyze_grown'"
                               ).fetchone()
        assert secure[0] and secure[1] == ["search_path=pg_catalog, public, pg_temp"]
    with sql(cluster, database, names["anna"], "pw-anna") as connection:
        with pytest.raises(psycopg.errors.UndefinedFunction):
            connection.execute("SELECT annotator_analyze_grown('elsewhere.big')")
    with sql(cluster, database, names["anna"], "pw-anna") as connection:
        # a table of her own that the function would read were its path the caller's
        connection.execute("CREATE TEMPORARY TABLE pg_namespace (oid oid, nspname name)")
        connection.execute("INSERT INTO pg_namespace SELECT oid, 'public' FROM pg_catalog.pg_namespace")
        analyzed = [row[0] for row in connection.execute("SELECT annotator_analyze_grown()")]
        assert analyzed and all(name.startswith("public.") for name in analyzed)
    with sql(cluster, database, SUPERUSER, SUPERUSER_PASSWORD) as admin:
        assert admin.execute("SELECT reltuples FROM pg_class WHERE oid = 'elsewhere.big'::regclass").fetchone() == (-1,)


def test_a_members_login_is_told_that_the_owner_must_upgrade_the_database_first(team):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from annotator import paths
    from annotator.storage import DatabaseError, open_store
    from annotator.storage.database import database_url

    cluster, database, names, urls = team
    owner_url = cluster.url(database)
    engine = create_engine(database_url(owner_url))
    try:
        with engine.begin() as connection:  # the database as the previous release left it
            config = Config()
            config.set_main_option("script_location", str(paths.migrations_dir()))
            config.attributes["connection"] = connection
            command.downgrade(config, "-1")
            older = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    with pytest.raises(DatabaseError) as refused:
        open_store(urls["anna"])
    message = str(refused.value)
    assert f"database revision {older}" in message
    assert f"only the database's owner ({SUPERUSER}) may upgrade it" in message
    assert f"logged in as {names['anna']}" in message and "cannot open" not in message
    open_store(owner_url).close()  # the owner upgrades it...
    with Workspace.open(urls["anna"]) as ws:  # ...and then the member works
        assert ws.login == names["anna"]


def test_a_members_login_on_an_empty_database_is_told_who_must_open_it_first(pg_cluster):
    from annotator.storage import DatabaseError, open_store

    database = pg_cluster.create_database(empty=True)
    member = f"eve_{database}"
    admin = pg_cluster.admin()
    admin.execute(f"CREATE ROLE {member} LOGIN PASSWORD 'pw-eve'")
    try:
        with pytest.raises(DatabaseError, match=rf"has no annotator tables yet, and only the database's owner "
                                                rf"\({SUPERUSER}\) may create them"):
            open_store(pg_cluster.url(database, member, "pw-eve"))
    finally:
        pg_cluster.drop_database(database)


def test_an_annotators_login_proposes_copies_and_answers_suggestions_but_not_for_another(team, capsys):
    """model: sets are nobody's work: any member's login writes them (migration 0007); a rejection is
    its owner's own."""
    cluster, database, names, urls = team
    anna, boris = names["anna"], names["boris"]
    copy_of = "002_c0882ce87bb2ddc4"
    with Workspace.open(urls["cora"]) as ws:
        text = documents.document(ws, copy_of).text
    start = text.index("UzKazTrade")
    assert run(capsys, urls["anna"], "label", copy_of, str(start), str(start + 10), "ORG", "--annotator", anna)[0] == 0
    code, out, err = run(capsys, urls["anna"], "propagate", "--from", copy_of, "--annotator", anna)
    assert code == 0 and "proposed 1 span(s)" in out, err
    code, out, err = run(capsys, urls["boris"], "suggest", "--docs", DOC, "--model", "rules")
    assert code == 0, err
    from annotator.services import suggestions

    with Workspace.open(urls["boris"]) as ws:
        money = next(s for s in suggestions.open_suggestions(ws, DOC, owner=boris) if s.label == "MONEY")
        suggestions.reject_suggestion(ws, DOC, money.start, owner=boris)
        with pytest.raises(NotAllowed):
            suggestions.reject_suggestion(ws, DOC, money.start, owner=anna)
    with sql(cluster, database, anna, "pw-anna") as connection:
        assert connection.execute("DELETE FROM suggestion_rejections").rowcount == 0  # boris's, not hers
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("INSERT INTO suggestion_rejections (document_id, owner, source, kind, start, \"end\", "
                               "label) VALUES (%s, %s, 'model:rules', 'entity', 0, 5, 'PER')", (DOC, boris))


def test_only_a_curators_login_records_a_curation_decision(team):
    """curation_decisions (0011): everyone reads them; an annotator cannot decide a region, even by hand;
    a curator's login decides through the service, and the region's one row refuses a second."""
    from annotator.services import curation

    cluster, database, names, urls = team
    with sql(cluster, database, names["anna"], "pw-anna") as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("INSERT INTO curation_decisions (document_id, layer, start, \"end\", decision, "
                               "curator) VALUES (%s, 'entity', 0, 5, 'reject', %s)", (DOC, names["anna"]))
    with Workspace.open(urls["cora"]) as ws:
        curation.reject_region(ws, DOC, "entity", 0, 5, user=names["cora"])
    with sql(cluster, database, names["anna"], "pw-anna") as connection:
        assert connection.execute("SELECT decision FROM curation_decisions").fetchall() == [("reject",)]
        assert connection.execute("DELETE FROM curation_decisions").rowcount == 0  # sees none it may change
    with sql(cluster, database, names["cora"], _password_of(team, "cora")) as connection:
        with pytest.raises(psycopg.errors.UniqueViolation):
            connection.execute("INSERT INTO curation_decisions (document_id, layer, start, \"end\", decision, "
                               "curator) VALUES (%s, 'entity', 0, 5, 'accept', %s)", (DOC, names["cora"]))
