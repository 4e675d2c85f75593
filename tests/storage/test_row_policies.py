"""PostgreSQL: the write policies of a set's rows, table by table, and what they cost a member.

Migration 0021 changed how the server evaluates the policies of the rows that belong to a set
(spans, relations, notes, claims, the spans' index), not what they allow. The first test writes
the same matrix (two logins x four sets' owners x insert, update, move, delete, each in a
transaction rolled back) at 0020 and at head, and holds both to the rule written out: a set's
rows are written by its owner, by anyone for a ``model:`` owner, by a curator for every owner.
The others prove the cost: the rule is an index probe planned with the statement (EXPLAIN), a
member's import calls no policy function (the server's own function-call counter) and plans each
bulk INSERT once (the prepared statements' plan counters), and reads carry no policy at all.
PostgreSQL only: SQLite has no logins.
"""

from __future__ import annotations

from alembic import command
import orjson
import psycopg
from pgcluster import SUPERUSER, SUPERUSER_PASSWORD
import pytest
from sqlalchemy import create_engine

from annotator.domain.model import GOLD
from annotator.services.importing import import_files
from annotator.services.workspace import Workspace
from annotator.storage import bulk
from annotator.storage.database import HEAD_REVISION, Refused, database_url
from annotator.storage.repository import SPANS, Repository
from tests.storage.test_migrations_backends import _config

TABLES = ("spans", "relations", "notes", "claims", "span_search")
MODEL = "model:natasha"


@pytest.fixture
def team(pg_cluster):
    """A database at head with a curator (cora) and two annotators (anna, boris), each a login,
    and for each of anna, boris, gold and a model a set holding a row of every table."""
    database = pg_cluster.create_database()
    names = {who: f"{who}_{database}" for who in ("cora", "anna", "boris")}
    with _connect(pg_cluster, database, SUPERUSER, SUPERUSER_PASSWORD) as connection:
        connection.execute("SELECT annotator_add_user(%s, 'curator', 'pw')", (names["cora"],))
        for who in ("anna", "boris"):
            connection.execute("SELECT annotator_add_user(%s, 'annotator', 'pw')", (names[who],))
        rows = _fill(connection, {"anna": names["anna"], "boris": names["boris"], GOLD: GOLD, MODEL: MODEL})
    yield pg_cluster, database, names, rows
    pg_cluster.drop_database(database)


def _connect(cluster, database: str, login: str, password: str = "pw"):
    return psycopg.connect(host="127.0.0.1", port=cluster.port, dbname=database, user=login,
                           password=password, autocommit=True)


def _fill(connection, owners: dict[str, str]) -> dict[str, dict[str, int]]:
    """As the superuser (no policy applies): per owner key, the ids of its set's rows."""
    connection.execute("INSERT INTO documents (id, ordinal, sha256, length, meta, created_at) "
                       "VALUES ('d1', 1, 'd1', 40, '{}', now())")
    rows = {}
    for key, owner in owners.items():
        ids = {"set": connection.execute(
            "INSERT INTO annotation_sets (document_id, owner, status, updated_at) "
            "VALUES ('d1', %s, 'in_progress', now()) RETURNING id", (owner,)).fetchone()[0]}
        places = (("a", "entity", 0), ("b", "entity", 6), ("c", "claim", 12), ("d", "claim", 18),
                  ("e", "entity", 24 + 6 * len(rows)))  # e: a place no other set has, for a move
        for name, kind, start in places:
            ids[name] = connection.execute(
                "INSERT INTO spans (set_id, kind, start, \"end\", label) VALUES (%s, %s, %s, %s, 'PER') "
                "RETURNING id", (ids["set"], kind, start, start + 5)).fetchone()[0]
        connection.execute("INSERT INTO claims (span_id, speaker_is_author, certainty, checkworthy) "
                           "VALUES (%s, false, 'asserted', false)", (ids["c"],))
        ids["relation"] = connection.execute(
            "INSERT INTO relations (set_id, label, head_id, tail_id) VALUES (%s, 'SAYS', %s, %s) RETURNING id",
            (ids["set"], ids["a"], ids["c"])).fetchone()[0]
        ids["note"] = connection.execute(
            "INSERT INTO notes (set_id, target_id, unsure, text, author, created_at) "
            "VALUES (%s, %s, false, 'n', %s, now()) RETURNING id", (ids["set"], ids["a"], owner)).fetchone()[0]
        connection.execute("INSERT INTO span_search (span_id, ordinal, label, words, owner) "
                           "VALUES (%s, 1, 'PER', 'a'::tsvector, %s)", (ids["a"], owner))
        rows[key] = ids
    return rows


def _writes(table: str, target: dict[str, int], mine: dict[str, int], owner: str) -> dict[str, tuple]:
    """The statements that write ``target``'s set: a new row, a change, a row of ``mine`` moved
    into it, a removal."""
    if table == "spans":
        return {"insert": ("INSERT INTO spans (set_id, kind, start, \"end\", label) VALUES (%s, 'entity', 100, 105, 'PER')",
                           (target["set"],)),
                "update": ("UPDATE spans SET label = 'ORG' WHERE id = %s", (target["a"],)),
                "move": ("UPDATE spans SET set_id = %s WHERE id = %s", (target["set"], mine["e"])),
                "delete": ("DELETE FROM spans WHERE id = %s", (target["b"],))}
    if table == "relations":
        return {"insert": ("INSERT INTO relations (set_id, label, head_id, tail_id) VALUES (%s, 'SAYS', %s, %s)",
                           (target["set"], target["b"], target["d"])),
                "update": ("UPDATE relations SET label = 'ABOUT' WHERE id = %s", (target["relation"],)),
                "move": ("UPDATE relations SET set_id = %s WHERE id = %s", (target["set"], mine["relation"])),
                "delete": ("DELETE FROM relations WHERE id = %s", (target["relation"],))}
    if table == "notes":
        return {"insert": ("INSERT INTO notes (set_id, target_id, unsure, text, author, created_at) "
                           "VALUES (%s, %s, true, 'new', 'x', now())", (target["set"], target["b"])),
                "update": ("UPDATE notes SET text = 'changed' WHERE id = %s", (target["note"],)),
                "move": ("UPDATE notes SET set_id = %s, target_id = NULL WHERE id = %s", (target["set"], mine["note"])),
                "delete": ("DELETE FROM notes WHERE id = %s", (target["note"],))}
    if table == "claims":
        return {"insert": ("INSERT INTO claims (span_id, speaker_is_author, certainty, checkworthy) "
                           "VALUES (%s, true, 'asserted', false)", (target["d"],)),
                "update": ("UPDATE claims SET checkworthy = true WHERE span_id = %s", (target["c"],)),
                "move": ("UPDATE claims SET span_id = %s WHERE span_id = %s", (target["d"], mine["c"])),
                "delete": ("DELETE FROM claims WHERE span_id = %s", (target["c"],))}
    assert table == "span_search"
    return {"insert": ("INSERT INTO span_search (span_id, ordinal, label, words, owner) "
                       "VALUES (%s, 1, 'PER', 'b'::tsvector, %s)", (target["b"], owner)),
            "update": ("UPDATE span_search SET label = 'ORG' WHERE span_id = %s", (target["a"],)),
            "move": ("UPDATE span_search SET span_id = %s WHERE span_id = %s", (target["b"], mine["a"])),
            "delete": ("DELETE FROM span_search WHERE span_id = %s", (target["a"],))}


def _outcome(connection, statement: str, parameters: tuple) -> str | int:
    """How many rows the statement wrote, or "refused"; nothing is kept."""
    try:
        with connection.transaction(force_rollback=True):
            return connection.execute(statement, parameters).rowcount
    except psycopg.errors.InsufficientPrivilege as refusal:
        assert "row-level security" in str(refusal)
        return "refused"


def _matrix(cluster, database: str, names: dict[str, str], rows) -> dict[tuple, str | int]:
    found = {}
    for actor in ("anna", "cora"):
        with _connect(cluster, database, names[actor]) as connection:
            for table in TABLES:
                for key in rows:
                    owner = names.get(key, key)
                    for write, (statement, parameters) in _writes(table, rows[key], rows["anna"], owner).items():
                        found[actor, table, key, write] = _outcome(connection, statement, parameters)
    return found


def _the_rule(rows) -> dict[tuple, str | int]:
    """The rule written out: anna writes her own and the model's rows, the curator everyone's;
    a row she may not write is refused when it would be new there, and unseen when it is there."""
    expected = {}
    for actor in ("anna", "cora"):
        for table in TABLES:
            for key in rows:
                may = actor == "cora" or key in ("anna", MODEL)
                expected.update({(actor, table, key, "insert"): 1 if may else "refused",
                                 (actor, table, key, "update"): 1 if may else 0,
                                 (actor, table, key, "move"): 1 if may else "refused",
                                 (actor, table, key, "delete"): 1 if may else 0})
    return expected


def test_the_rules_of_a_sets_rows_are_the_same_before_and_after_0021(team):
    cluster, database, names, rows = team
    engine = create_engine(database_url(cluster.url(database)))
    try:
        with engine.begin() as connection:
            command.downgrade(_config(connection), "0020")
        before = _matrix(cluster, database, names, rows)
        with engine.begin() as connection:
            command.upgrade(_config(connection), "head")
    finally:
        engine.dispose()
    after = _matrix(cluster, database, names, rows)
    assert before == _the_rule(rows)
    assert after == before
    assert int(HEAD_REVISION) >= 21  # the head keeps these policies


def _plan(connection, statement: str, parameters: tuple) -> str:
    with connection.transaction(force_rollback=True):
        return "\n".join(r[0] for r in connection.execute(f"EXPLAIN (VERBOSE, COSTS OFF) {statement}", parameters))


@pytest.mark.parametrize("table", TABLES)
def test_a_members_write_is_checked_by_an_index_probe_planned_with_the_statement(team, table):
    cluster, database, names, rows = team
    with _connect(cluster, database, names["anna"]) as connection:
        plan = _plan(connection, *_writes(table, rows["anna"], rows["anna"], names["anna"])["insert"])
        assert "SubPlan" in plan and "Index Scan using annotation_sets_pkey" in plan, plan
        if table in ("claims", "span_search"):
            assert "Index Scan using spans_pkey" in plan, plan
        assert "annotator_" not in plan, plan  # no function left to call: the rule is in the plan
        # a read is not checked at all (the read policies are "true")
        read = _plan(connection, f"SELECT * FROM {table}", ())
        assert "SubPlan" not in read and "annotation_sets" not in read, read


def test_is_curator_finds_the_group_of_a_database_whose_name_needs_quotes(pg_cluster):
    database = "Team_Q"  # capitals: the group's name is "Team_Q_curator", quoted
    pg_cluster.admin().execute(f'CREATE DATABASE "{database}" TEMPLATE annotator_template')
    try:
        with _connect(pg_cluster, database, SUPERUSER, SUPERUSER_PASSWORD) as connection:
            # no group yet: nobody is a curator, and asking raises nothing
            assert connection.execute("SELECT annotator_is_curator()").fetchone() == (False,)
            connection.execute("SELECT annotator_add_user('quinn_team_q', 'curator', 'pw')")
            connection.execute("SELECT annotator_add_user('ada_team_q', 'annotator', 'pw')")
        with _connect(pg_cluster, database, "quinn_team_q") as connection:
            assert connection.execute("SELECT annotator_is_curator()").fetchone() == (True,)
            connection.execute("INSERT INTO documents (id, ordinal, sha256, length, meta, created_at) "
                               "VALUES ('d1', 1, 'd1', 4, '{}', now())")
            connection.execute("INSERT INTO annotation_sets (document_id, owner, status, updated_at) "
                               "VALUES ('d1', 'gold', 'curated', now())")
        with _connect(pg_cluster, database, "ada_team_q") as connection:
            assert connection.execute("SELECT annotator_is_curator()").fetchone() == (False,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                connection.execute("INSERT INTO spans (set_id, kind, start, \"end\", label) "
                                   "SELECT id, 'entity', 0, 1, 'PER' FROM annotation_sets WHERE owner = 'gold'")
    finally:
        pg_cluster.drop_database(database)
        for login in ("quinn_team_q", "ada_team_q"):
            pg_cluster.admin().execute(f"DROP ROLE IF EXISTS {login}")


def _lines(owner: str, count: int) -> bytes:
    text = "Касым-Жомарт Токаев прибыл в Ташкент."
    tokaev, tashkent, said = text.index("Токаев") + 6, text.index("Ташкент"), text.index("прибыл")
    out = b""
    for n in range(count):
        body = f"{n}. {text}"
        shift = len(f"{n}. ")
        out += orjson.dumps({
            "id": f"doc{n}", "text": body, "annotator": owner,
            "entities": [{"id": "T1", "start": shift, "end": shift + tokaev, "label": "PER",
                          "text": body[shift:shift + tokaev]},
                         {"id": "T2", "start": shift + tashkent, "end": shift + tashkent + 7, "label": "GPE",
                          "text": "Ташкент"}],
            "claims": [{"id": "C1", "start": shift + said, "end": len(body) - 1, "text": body[shift + said:-1],
                        "type": "FACT", "speaker": "T1"}],
            "relations": [{"id": "R1", "label": "SAYS", "head": "T1", "tail": "C1"}]}) + b"\n"
    return out


def test_a_members_import_calls_no_policy_function_and_plans_each_insert_once(team, tmp_path, monkeypatch):
    """Before 0021 the import called ``annotator_may_write_set`` for every span and twice for
    every row of the spans' index, and planned every INSERT again for each row."""
    cluster, database, names, _rows = team
    anna = names["anna"]
    Workspace.open(cluster.url(database)).close()  # the owner's first open writes the scheme
    with _connect(cluster, database, SUPERUSER, SUPERUSER_PASSWORD) as connection:
        connection.execute(f'ALTER ROLE "{anna}" IN DATABASE "{database}" SET track_functions = \'all\'')
    source = tmp_path / "anna.jsonl"
    documents = 40
    source.write_bytes(_lines(anna, documents))
    seen = {}
    analyze = Repository.analyze_grown_tables

    def counted(repo: Repository) -> list[str]:  # the import's last step before its commit
        run = repo.connection.exec_driver_sql
        seen["functions"] = dict(run("SELECT funcname, calls FROM pg_stat_xact_user_functions").all())
        seen["plans"] = {statement.split(" (")[0]: (generic, custom) for statement, generic, custom in run(
            "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE 'INSERT INTO %%'").all()}
        seen["mode"] = run("SELECT current_setting('plan_cache_mode')").scalar_one()
        seen["track"] = run("SELECT current_setting('track_functions')").scalar_one()
        return analyze(repo)

    monkeypatch.setattr(Repository, "analyze_grown_tables", counted)
    with Workspace.open(cluster.url(database, anna, "pw")) as workspace:
        report = import_files(workspace, [source], format_id="jsonl")
    assert report.committed, report.problems
    assert (report.spans, report.claims, report.relations) == (2 * documents, documents, documents)
    assert seen["track"] == "all"  # the counter was on...
    assert not {name for name in seen["functions"] if name.startswith("annotator_")}, seen["functions"]
    for table in ("spans", "claims", "relations", "span_search", "search_index"):  # ...and each was planned once
        generic, custom = seen["plans"][f"INSERT INTO {table}"]
        assert generic >= documents - 5 and custom == 0, (table, generic, custom)
    assert seen["mode"] == "force_custom_plan"  # a search after it is planned for its own words again


def test_a_bulk_insert_the_policies_refuse_is_refused_as_before(team):
    cluster, database, names, rows = team
    Workspace.open(cluster.url(database)).close()
    row = {"kind": "entity", "label": "PER", "attributes": None, "entity": None, "entity_id": None,
           "origin": None, "fragments": None}
    with Workspace.open(cluster.url(database, names["anna"], "pw")) as workspace:
        with pytest.raises(Refused, match="row-level security"):
            with workspace.store.write() as repo:
                bulk.insert_rows(repo.connection, SPANS, [
                    {**row, "id": 100 + n, "set_id": rows["boris"]["set"], "start": 30 + n, "end": 31 + n}
                    for n in range(10)])
        with workspace.store.write() as repo:  # her own set: written, planned once, the mode put back
            bulk.insert_rows(repo.connection, SPANS, [
                {**row, "id": 200 + n, "set_id": rows["anna"]["set"], "start": 30 + n, "end": 31 + n}
                for n in range(10)])
            assert repo.connection.exec_driver_sql(
                "SELECT current_setting('plan_cache_mode')").scalar_one() == "force_custom_plan"
    with _connect(cluster, database, SUPERUSER, SUPERUSER_PASSWORD) as connection:
        assert connection.execute("SELECT count(*) FROM spans WHERE id >= 100").fetchone() == (10,)
