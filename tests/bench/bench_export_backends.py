"""Export (and our import) on SQLite and PostgreSQL side by side, each export against orjson from memory.

    .venv/bin/python -m tests.bench.bench_export_backends                  # 10,000 documents
    .venv/bin/python -m tests.bench.bench_export_backends --docs 100000 --repeat 2
    .venv/bin/python -m tests.bench.bench_export_backends --pg-url postgresql://u:p@host/db   # an existing server

For each backend (SQLite: a fresh file, WAL; PostgreSQL: a local server started here with
fsync on, unless ``--pg-url``), the benchmark corpus is imported through ``import_files``
(timed with the index of repeated passages built after it, unless ``--no-repeat-index``), then, ``--repeat``
rounds, alternating: our JSONL export (``export``) and ``orjson.dumps`` of the very records it
wrote, from memory, into a file. Target (issue 15): baseline_time / our_time at least 0.3.
``bench_import_export`` measures SQLite's import against bare ``executemany``.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

import orjson

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for pgcluster

from tests.bench._corpus import (  # noqa: E402
    WorkDir,
    build_corpus,
    common_arguments,
    table,
    timed,
    verdict,
    write_jsonl,
)

EXPORT_TARGET = 0.3


def measure(target: str, source: Path, work: Path, docs: int, repeat: int, index_repeats: bool) -> dict:
    from annotator.services.exporting import export
    from annotator.services import repeats
    from annotator.services.importing import import_files
    from annotator.services.workspace import Workspace

    with Workspace.open(target) as workspace:
        t_import, report = timed(import_files, workspace, [source], format_id="jsonl")
        assert report.committed and report.documents_added == docs, report.problems[:3]
        if index_repeats:  # built after the import's commit, as the window and the CLI do
            t_index, _indexed = timed(repeats.index_pending, workspace)
            t_import += t_index
        workspace.current_scheme()
        ours_out, base_out = work / "ours.jsonl", work / "baseline.jsonl"

        def ours():
            with open(ours_out, "wb") as out:
                return export(workspace, out)

        def baseline(records):
            with open(base_out, "wb") as out:
                for record in records:
                    out.write(orjson.dumps(record) + b"\n")

        records = None
        t_export = t_base = float("inf")
        for _ in range(repeat):
            t, exported = timed(ours)
            assert exported.records == docs, exported
            t_export = min(t_export, t)
            if records is None:  # the very records our export wrote, in memory before the clock starts
                records = [orjson.loads(line) for line in ours_out.read_bytes().splitlines()]
                gc.collect()
                gc.freeze()
            t, _ = timed(baseline, records)
            t_base = min(t_base, t)
        gc.unfreeze()
        same = base_out.read_bytes() == ours_out.read_bytes()
    return {"import_s": t_import, "export_s": t_export, "baseline_export_s": t_base,
            "export_ratio": t_base / t_export, "identical": same}


def run(args: argparse.Namespace, work: Path) -> dict:
    cluster = None
    if args.pg_url:
        pg_target = args.pg_url
    else:
        from pgcluster import Cluster

        cluster = Cluster(durable=True).start()
        pg_target = cluster.url(cluster.create_database(empty=True))
    try:
        source = work / "corpus.jsonl"
        write_jsonl(build_corpus(args.docs, seed=args.seed), source)
        figures: dict = {}
        for backend, target in (("sqlite", str(work / "export.sqlite3")), ("postgresql", pg_target)):
            for name, value in measure(target, source, work, args.docs, args.repeat,
                                       not args.no_repeat_index).items():
                figures[f"{backend}_{name}"] = value
    finally:
        if cluster is not None:
            cluster.stop()
    rows = [[backend, f"{figures[f'{backend}_import_s']:.2f}", f"{figures[f'{backend}_export_s']:.3f}",
             f"{figures[f'{backend}_baseline_export_s']:.3f}", f"{figures[f'{backend}_export_ratio']:.3f}",
             verdict(figures[f"{backend}_export_ratio"] >= EXPORT_TARGET)]
            for backend in ("sqlite", "postgresql")]
    print(f"{args.docs:,} documents x 20 spans; repeat index {'off' if args.no_repeat_index else 'on'} at import; "
          f"export best of {args.repeat}, ours and orjson alternating")
    print(table(rows, ["backend", "import s", "export s", "orjson s", "ratio", f">= {EXPORT_TARGET}"]))
    for backend in ("sqlite", "postgresql"):
        if not figures[f"{backend}_identical"]:
            print(f"({backend}: orjson's output DIFFERS from the export's)")
    return figures


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="export rounds (best counts)")
    parser.add_argument("--no-repeat-index", action="store_true", help="import without the repeated-passage index")
    parser.add_argument("--pg-url", help="an existing, empty database")
    common_arguments(parser)
    args = parser.parse_args(argv)
    with WorkDir(args.dir, args.keep, "bench_export_backends_") as work:
        return run(args, work)


if __name__ == "__main__":
    main()
