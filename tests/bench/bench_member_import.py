"""PostgreSQL: a team member's import against the database owner's, the same file into fresh databases.

    .venv/bin/python -m tests.bench.bench_member_import                     # 10,000 docs, 3 rounds
    .venv/bin/python -m tests.bench.bench_member_import --docs 2000 --stats # quick, and where the time goes
    .venv/bin/python -m tests.bench.bench_member_import --pg-url postgresql://postgres:pw@host/db   # a superuser's

The owner (the cluster's superuser, who made the schema) is exempt from row-level security; a
member (a login of the annotators' group, ``annotator_add_user``) is not: every row it writes is
checked by the policies (``db/versions/0005_*``, ``0021_*``). Each round imports the benchmark
corpus (``_corpus.py``: 20 spans a document, our JSONL, the member's sets) through ``import_files``
into a fresh database as the owner, then as the member, alternating; min and median of
``--repeat`` rounds, and member / owner. ``--stats`` (local server only) loads
``pg_stat_statements`` and prints the member's statements by total time in the server, per table.
A local server is started here with fsync and synchronous commit on, unless ``--pg-url``, whose
login must be a superuser (databases and the member's login are made beside it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for pgcluster

from tests.bench._corpus import (  # noqa: E402
    WorkDir,
    build_corpus,
    common_arguments,
    median,
    table,
    timed,
    write_jsonl,
)

MEMBER = "bench_member"
MEMBER_PASSWORD = "bench-member-pw"
STATS = {"shared_preload_libraries": "pg_stat_statements", "pg_stat_statements.track": "all",
         "pg_stat_statements.track_planning": "on"}


def _driver_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def prepare(owner_url: str) -> str:
    """A database at head, opened by its owner (who writes the scheme), with the member's login;
    the member's URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    from annotator.services.workspace import Workspace

    Workspace.open(owner_url).close()
    with psycopg.connect(_driver_url(owner_url), autocommit=True) as connection:
        connection.execute("SELECT annotator_add_user(%s, 'annotator', %s)", (MEMBER, MEMBER_PASSWORD))
    return make_url(owner_url).set(username=MEMBER, password=MEMBER_PASSWORD).render_as_string(hide_password=False)


def import_as(url: str, source: Path, docs: int) -> float:
    from annotator.services.importing import import_files
    from annotator.services.workspace import Workspace

    with Workspace.open(url) as workspace:
        seconds, report = timed(import_files, workspace, [source], format_id="jsonl")
    assert report.committed and report.documents_added == docs, report.problems[:3]
    return seconds


def statement_stats(owner_url: str, top: int = 12) -> list[tuple]:
    """The statements of the database's imports by total time in the server (execution + planning)."""
    import psycopg

    with psycopg.connect(_driver_url(owner_url), autocommit=True) as connection:
        return connection.execute(
            "SELECT calls, total_exec_time, total_plan_time, regexp_replace(query, '\\s+', ' ', 'g') "
            "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "ORDER BY total_exec_time + total_plan_time DESC LIMIT %s", (top,)).fetchall()


def run(args: argparse.Namespace, work: Path) -> dict:
    import psycopg

    cluster = None
    if args.pg_url:
        from sqlalchemy.engine import make_url

        base = make_url(args.pg_url)
        made: list[str] = []

        def fresh() -> str:
            name = f"{base.database}_member_{len(made) + 1}"
            with psycopg.connect(_driver_url(args.pg_url), autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{name}"')
            made.append(name)
            return base.set(database=name).render_as_string(hide_password=False)
    else:
        from pgcluster import Cluster

        cluster = Cluster(durable=True, settings=STATS if args.stats else None).start()

        def fresh() -> str:
            return cluster.url(cluster.create_database())  # a copy of the template at head
    try:
        source = work / "member.jsonl"
        write_jsonl(build_corpus(args.docs, seed=args.seed), source, owners=(MEMBER,))
        times: dict[str, list[float]] = {"owner": [], "member": []}
        stats = None
        for _round in range(args.repeat):
            for who in ("owner", "member"):
                owner_url = fresh()
                member_url = prepare(owner_url)
                if args.stats and cluster is not None:
                    with psycopg.connect(_driver_url(owner_url), autocommit=True) as connection:
                        connection.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
                        connection.execute("SELECT pg_stat_statements_reset()")
                times[who].append(import_as(owner_url if who == "owner" else member_url, source, args.docs))
                if args.stats and cluster is not None and who == "member":
                    stats = statement_stats(owner_url)
                print(f"  {who}: {times[who][-1]:.1f} s", flush=True)
    finally:
        if cluster is not None:
            cluster.stop()
        else:
            with psycopg.connect(_driver_url(args.pg_url), autocommit=True) as connection:
                for name in made:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    figures = {f"{who}_{kind}_s": fn(values) for who, values in times.items()
               for kind, fn in (("min", min), ("median", median))}
    figures["member_over_owner"] = figures["member_median_s"] / figures["owner_median_s"]
    print(f"{args.docs:,} documents x 20 spans, {args.repeat} round(s); PostgreSQL "
          f"{'at ' + args.pg_url.split('@')[-1] if args.pg_url else 'local, fsync on'}")
    print(table([(who, f"{figures[f'{who}_min_s']:.1f}", f"{figures[f'{who}_median_s']:.1f}",
                  f"{args.docs / figures[f'{who}_median_s']:.0f}") for who in ("owner", "member")],
                ("import as", "min s", "median s", "docs/s")))
    print(f"member / owner (medians): {figures['member_over_owner']:.2f}")
    if stats:
        print("\nthe member's last import, statements by time in the server:")
        print(table([(calls, f"{exec_ms:,.0f}", f"{plan_ms:,.0f}", f"{1000 * (exec_ms + plan_ms) / calls:,.1f}",
                      query.strip()[:90]) for calls, exec_ms, plan_ms, query in stats],
                    ("calls", "exec ms", "plan ms", "us/call", "statement")))
    return figures


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg-url", help="a superuser's URL on an existing server (databases are made beside it)")
    parser.add_argument("--stats", action="store_true",
                        help="print the member's statements by server time (pg_stat_statements; local server only)")
    common_arguments(parser)
    args = parser.parse_args(argv)
    with WorkDir(args.dir, args.keep, "bench_member_import_") as work:
        return run(args, work)


if __name__ == "__main__":
    main()
