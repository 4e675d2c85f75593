"""Export and import of N documents in each other tool's format, against our JSONL in the same run.

    .venv/bin/python -m tests.bench.bench_formats                 # 10,000 documents (~47 MB of text)
    .venv/bin/python -m tests.bench.bench_formats --docs 500      # a quick run
    .venv/bin/python -m tests.bench.bench_formats --docs 100000 --formats jsonl,brat   # some formats at scale

The corpus is ``_corpus.build_corpus`` (20 spans per document on razdel tokens), imported once
into a store as our JSONL. For each format: ``exporting.export_to_path`` (or ``export_to_directory``
for brat and WebAnno TSV) of anna's sets, timed; then ``import_files`` of that export into a fresh
store, timed. JSONL goes through the same two steps first and is the baseline: each format's
ratio is its time over JSONL's (above 1: slower than our JSONL). CoNLL rebuilds each text from
its tokens, so its documents are new texts, as they would be for a user.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file: python tests/bench/bench_formats.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.services import exporting  # noqa: E402
from annotator.services.importing import import_files  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402
from tests.bench._corpus import OWNER, WorkDir, build_corpus, common_arguments, table, timed, write_jsonl  # noqa: E402

FORMATS = ("jsonl", "doccano", "labelstudio", "brat", "conll", "webanno-tsv")


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def run_format(source: Workspace, work: Path, format_id: str) -> dict:
    if exporting.writes_directory(format_id):
        out = work / f"export-{format_id}"
        export_s, report = timed(exporting.export_to_directory, source, out, format_id=format_id, owner=OWNER)
        read_from = out / OWNER
    else:
        out = work / f"export.{format_id}"
        export_s, report = timed(exporting.export_to_path, source, out, format_id=format_id, owner=OWNER)
        read_from = out
    target = Workspace.open(str(work / f"import-{format_id}.sqlite3"))
    try:
        annotator = None if format_id in ("jsonl", "doccano", "labelstudio") else OWNER
        import_s, imported = timed(import_files, target, [read_from], format_id=format_id, annotator=annotator)
    finally:
        target.close()
    if not imported.committed:
        raise SystemExit(f"{format_id}: import failed: {imported.problems[:3]}")
    return {"export_s": export_s, "import_s": import_s, "records": report.records, "spans": imported.spans,
            "bytes": _size(out), "notices": report.notices}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help="comma-separated, jsonl always first (the baseline); default: all six")
    common_arguments(parser)
    args = parser.parse_args(argv)
    chosen = ["jsonl", *(f for f in args.formats.split(",") if f in FORMATS and f != "jsonl")]
    docs = build_corpus(args.docs, seed=args.seed)
    figures: dict = {}
    with WorkDir(args.dir, args.keep, "bench-formats-") as work:
        corpus = work / "corpus.jsonl"
        write_jsonl(docs, corpus)
        source = Workspace.open(str(work / "source.sqlite3"))
        try:
            load = import_files(source, [corpus])
            assert load.committed, load.problems[:3]
            results = {}
            for format_id in chosen:  # each said as it ends: a run at 100,000 documents takes a while
                results[format_id] = r = run_format(source, work, format_id)
                print(f"{format_id}: export {r['export_s']:.1f} s, import {r['import_s']:.1f} s", flush=True)
        finally:
            source.close()
    base = results["jsonl"]
    rows = []
    for format_id, r in results.items():
        rows.append((format_id, f"{r['export_s']:.2f}", f"{args.docs / r['export_s']:,.0f}",
                     f"{r['export_s'] / base['export_s']:.2f}", f"{r['import_s']:.2f}",
                     f"{args.docs / r['import_s']:,.0f}", f"{r['import_s'] / base['import_s']:.2f}",
                     f"{r['spans']:,}", f"{r['bytes'] / 1e6:.1f}"))
        figures[f"{format_id}_export_s"] = r["export_s"]
        figures[f"{format_id}_import_s"] = r["import_s"]
        figures[f"{format_id}_export_ratio"] = r["export_s"] / base["export_s"]
        figures[f"{format_id}_import_ratio"] = r["import_s"] / base["import_s"]
        figures[f"{format_id}_spans"] = r["spans"]
    print(f"{args.docs:,} documents, 20 spans each; ratio = the format's time / our JSONL's in this run")
    print(table(rows, ("format", "export s", "docs/s", "ratio", "import s", "docs/s", "ratio", "spans back", "MB")))
    return figures


if __name__ == "__main__":
    main()
