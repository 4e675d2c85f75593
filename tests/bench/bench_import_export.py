"""Import and export of a synthetic corpus, each against a bare baseline measured in the same run.

    .venv/bin/python -m tests.bench.bench_import_export            # 10,000 documents, ~47 MB
    .venv/bin/python -m tests.bench.bench_import_export --docs 500 # a quick run

Figures:
- JSONL import through ``import_files`` into a fresh SQLite file, against the
  same rows (documents, texts, sets, spans) inserted with bare
  ``sqlite3.executemany`` in one transaction into a fresh file with the same
  schema and pragmas (rows prepared before the clock starts). Target: the
  ratio baseline_time / our_time at least 0.3.
- plain-text import of the same texts as ``.txt`` files: time, docs/s, MB/s.
- export of the whole corpus to JSONL through ``export``, against
  ``orjson.dumps`` of the same dicts already in memory. Target: ratio at
  least 0.3. For reference (no target): a floor, the same JSONL read from
  the store with bare sqlite3 and ``orjson``, checked to equal ours.
- peak RSS of an export of half the corpus and of all of it, each in a fresh
  subprocess. Target: peak growth under 10%.
"""

from __future__ import annotations

import argparse
import gc
import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson

if __package__ in (None, ""):  # run as a file: python tests/bench/bench_import_export.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.domain.model import text_sha256  # noqa: E402

from tests.bench._corpus import (  # noqa: E402
    baseline_rows,
    build_corpus,
    common_arguments,
    connect,
    corpus_bytes,
    create_schema,
    insert_rows,
    profile,
    table,
    timed,
    verdict,
    WorkDir,
    write_jsonl,
    write_texts,
)

IMPORT_TARGET = 0.3  # baseline_time / our_time, at least
EXPORT_TARGET = 0.3
RSS_GROWTH_TARGET = 10.0  # percent, at most

RSS_CHILD = textwrap.dedent("""
    import json, resource, sys
    import psutil
    from annotator.services.exporting import export
    from annotator.services.workspace import Workspace

    def peak():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    workspace = Workspace.open(sys.argv[1], create=False)
    workspace.current_scheme()
    rss_before = psutil.Process().memory_info().rss
    peak_startup = peak()
    try:  # Linux >= 4.0: reset the high-water mark, so the peak below is the export's own
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        reset = True
    except OSError:
        reset = False
    peak_before = peak()
    with open(sys.argv[2], "wb") as out:
        report = export(workspace, out)
    peak_after = peak()
    rss_after = psutil.Process().memory_info().rss
    workspace.close()
    print(json.dumps({"records": report.records, "rss_before": rss_before, "peak_startup": peak_startup,
                      "peak_before": peak_before, "peak_after": peak_after, "rss_after": rss_after,
                      "reset": reset}))
""")


def _rate(count: float, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "inf"


def _mb(n: int) -> float:
    return n / 1e6


def rss_of_export(database: Path, out: Path) -> dict:
    """Run one export in a fresh interpreter; its RSS figures in bytes.

    The child is started through ``sh`` (which forks it, not execs it): a child
    that Python starts directly (vfork + exec) inherits this process's peak in
    its ``ru_maxrss``, and this process holds the whole corpus.
    """
    script = out.with_suffix(".child.py")
    script.write_text(RSS_CHILD, encoding="utf-8")
    result = subprocess.run(["/bin/sh", "-c", '"$0" "$@"; exit $?', sys.executable, str(script), str(database),
                             str(out)], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"export child failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def bare_export(database: Path, out_path: Path, page: int = 200) -> int:
    """Our JSONL from the store with bare sqlite3: a floor for what reading the store costs.

    Knows only what this corpus holds (entity spans; no claims, no relations),
    pages like ``export`` (200 documents), and writes what ``to_json`` writes.
    """
    connection = sqlite3.connect(database)
    scheme_version = connection.execute("SELECT max(id) FROM scheme_versions").fetchone()[0]
    ids = [r[0] for r in connection.execute("SELECT id FROM documents ORDER BY ordinal")]
    records = 0
    with open(out_path, "wb") as out:
        for i in range(0, len(ids), page):
            chunk = ids[i:i + page]
            marks = ",".join("?" * len(chunk))
            documents = {r[0]: r for r in connection.execute(
                f"SELECT d.id, d.meta, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id "
                f"WHERE d.id IN ({marks})", chunk)}
            sets = {r[1]: r for r in connection.execute(
                f"SELECT id, document_id, owner, status FROM annotation_sets WHERE document_id IN ({marks})", chunk)}
            spans: dict[int, list] = {}
            set_ids = [r[0] for r in sets.values()]
            for r in connection.execute(
                    f'SELECT set_id, start, "end", label, attributes, entity FROM spans '
                    f'WHERE set_id IN ({",".join("?" * len(set_ids))}) ORDER BY start, "end" DESC, id', set_ids):
                spans.setdefault(r[0], []).append(r)
            for doc_id in chunk:
                _, meta, text = documents[doc_id]
                aset = sets.get(doc_id)
                line = {"id": doc_id, "text": text, "meta": {**orjson.loads(meta), "sha256": text_sha256(text)},
                        "annotator": aset[2] if aset else None, "status": aset[3] if aset else None,
                        "scheme_version": scheme_version, "entities": [], "claims": [], "relations": []}
                if aset:
                    rows = sorted(spans.get(aset[0], ()), key=lambda r: (r[1], -r[2], r[3]))
                    line["entities"] = [
                        {"id": f"T{n}", "start": r[1], "end": r[2], "label": r[3], "text": text[r[1]:r[2]],
                         "attributes": (orjson.loads(r[4]) if r[4] else None) or {}, "entity": r[5]}
                        for n, r in enumerate(rows, start=1)]
                out.write(orjson.dumps(line) + b"\n")
                records += 1
    connection.close()
    return records


def _remove(database: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def _fresh(path: Path, previous: Path | None) -> Path:
    if previous is not None:
        _remove(previous)
    return path


def run(args: argparse.Namespace, work: Path) -> dict:
    from annotator.services.exporting import export
    from annotator.services.importing import import_files
    from annotator.services import repeats
    from annotator.services.workspace import Workspace

    n = args.docs
    docs = build_corpus(n, seed=args.seed)
    text_bytes = corpus_bytes(docs)
    jsonl = work / "corpus.jsonl"
    jsonl_bytes = write_jsonl(docs, jsonl)
    spans = sum(len(d.spans) for d in docs)
    print(f"corpus: {n:,} documents, {_mb(text_bytes):.1f} MB of text (UTF-8), {spans:,} spans; "
          f"JSONL {_mb(jsonl_bytes):.1f} MB")

    # The corpus and the prepared rows stay in this process; freeze them out of the
    # cyclic GC so that its full passes during our phases cost what they would in a
    # fresh process (an import or export run from the command line).
    rows = baseline_rows(docs)
    gc.collect()
    gc.freeze()

    # ---------------------------------------------------------------- JSONL import
    # Each side runs --repeat times into a fresh file, alternating; the best time counts.
    t_base_import = t_import = t_index = float("inf")
    base_db = workspace = None
    for r in range(args.repeat):
        base_db = _fresh(work / f"baseline_{r}.sqlite3", base_db)
        create_schema(base_db)
        connection = connect(base_db)
        t, _ = timed(insert_rows, connection, rows)
        connection.close()
        t_base_import = min(t_base_import, t)

        if workspace is not None:
            workspace.close()
            _remove(Path(workspace.store.engine.url.database))
        workspace = Workspace.open(str(work / f"ours_{r}.sqlite3"))
        t, report = timed(import_files, workspace, [jsonl], format_id="jsonl")
        assert report.committed and not report.problems, report.problems[:5]
        assert report.documents_added == n and report.spans == spans, report
        t_import = min(t_import, t)
        if not args.no_repeat_index:  # after the commit, as the window (in the background) and the CLI do
            t, indexed = timed(repeats.index_pending, workspace)
            assert indexed.documents == n, indexed
            t_index = min(t_index, t)

    # ---------------------------------------------------------------- plain-text import
    text_dir = work / "texts"
    txt_bytes = 0 if args.no_text_import else write_texts(docs, text_dir)
    t_text = float("inf")
    for r in range(0 if args.no_text_import else args.repeat):
        text_db = work / f"texts_{r}.sqlite3"
        text_workspace = Workspace.open(str(text_db))
        t, text_report = timed(import_files, text_workspace, [text_dir], format_id="text")
        assert text_report.committed and text_report.documents_added == n, text_report.problems[:5]
        text_workspace.close()
        _remove(text_db)
        t_text = min(t_text, t)

    # ---------------------------------------------------------------- export
    exported = work / "export.jsonl"
    baseline_out = work / "baseline_export.jsonl"

    def our_export():
        with open(exported, "wb") as out:
            return export(workspace, out)

    def baseline_export(dicts):
        with open(baseline_out, "wb") as out:
            for d in dicts:
                out.write(orjson.dumps(d) + b"\n")

    floor_out = work / "floor_export.jsonl"
    t_export = t_base_export = t_floor = float("inf")
    dicts = None
    for r in range(args.repeat):
        t, export_report = timed(our_export)
        assert export_report.records == n, export_report
        t_export = min(t_export, t)
        if dicts is None:  # the very dicts our export wrote, in memory before the clock starts
            dicts = [orjson.loads(line) for line in exported.read_bytes().splitlines()]
            gc.freeze()  # out of the GC's way too, like the corpus
        t, _ = timed(baseline_export, dicts)
        t_base_export = min(t_base_export, t)
        t, _ = timed(bare_export, Path(workspace.store.engine.url.database), floor_out)
        t_floor = min(t_floor, t)
    floor_same = floor_out.read_bytes() == exported.read_bytes()
    export_bytes = exported.stat().st_size
    del dicts

    if args.profile:
        print("== cProfile: JSONL import (fresh file) ==")
        profile_ws = Workspace.open(str(work / "profile_import.sqlite3"))
        profile(import_files, profile_ws, [jsonl], format_id="jsonl")
        print("== cProfile: export ==")

        def profiled_export():
            with open(work / "profile_export.jsonl", "wb") as out:
                return export(profile_ws, out)

        profile(profiled_export)
        profile_ws.close()
    workspace.close()

    # ---------------------------------------------------------------- peak RSS of export
    # Both stores are filled the same way (bare inserts of the baseline rows), in fresh
    # files, so that the two peaks differ only by the corpus size.
    half = max(1, n // 2)
    rss = {}
    for size in (half, n):
        db = work / f"rss_{size}.sqlite3"
        if size == n:
            db = base_db
        else:
            create_schema(db)
            connection = connect(db)
            insert_rows(connection, baseline_rows(docs[:size]))
            connection.close()
        rss[size] = rss_of_export(db, work / f"rss_{size}.jsonl")
        assert rss[size]["records"] == size, rss[size]
    same = (work / f"rss_{n}.jsonl").read_bytes() == exported.read_bytes()

    # ---------------------------------------------------------------- figures
    import_ratio = t_base_import / t_import
    indexed = t_index != float("inf")
    export_ratio = t_base_export / t_export
    growth = 100.0 * (rss[n]["peak_after"] - rss[half]["peak_after"]) / rss[half]["peak_after"]
    delta = {s: rss[s]["peak_after"] - rss[s]["rss_before"] for s in rss}

    print()
    print(table([
        ["JSONL import: ours (import_files)", f"{t_import:.2f}", _rate(rows.count, t_import), _rate(n, t_import),
         f"{_mb(jsonl_bytes) / t_import:.1f}"],
        *([["repeat index after the import (repeats.index_pending)", f"{t_index:.2f}", "", _rate(n, t_index), ""]]
          if indexed else []),
        ["JSONL import: baseline (sqlite3.executemany)", f"{t_base_import:.2f}", _rate(rows.count, t_base_import),
         _rate(n, t_base_import), ""],
        ["text import: ours (import_files, .txt dir)", f"{t_text:.2f}", _rate(2 * n, t_text), _rate(n, t_text),
         f"{_mb(txt_bytes) / t_text:.1f}"],
        ["export: ours (export, JSONL)", f"{t_export:.2f}", "", _rate(n, t_export),
         f"{_mb(export_bytes) / t_export:.1f}"],
        ["export: baseline (orjson.dumps + write)", f"{t_base_export:.2f}", "", _rate(n, t_base_export),
         f"{_mb(export_bytes) / t_base_export:.1f}"],
        ["export: floor, for reference (bare sqlite3 reads + dicts + orjson)", f"{t_floor:.2f}", "",
         _rate(n, t_floor), f"{_mb(export_bytes) / t_floor:.1f}"],
    ], ["phase", "seconds", "rows/s", "docs/s", "MB/s"]))
    print(f"(best of {args.repeat} runs each, ours and baseline alternating; rows = documents + texts + sets + "
          f"spans = {rows.count:,}; the text import writes documents + texts; MB/s of the file read or written; "
          f"the floor's output {'equals' if floor_same else 'DIFFERS FROM'} ours)")
    print()
    print(table([
        ["import: baseline_time / our_time", f"{import_ratio:.3f}", f">= {IMPORT_TARGET}",
         verdict(import_ratio >= IMPORT_TARGET)],
        *([["import (reference): baseline_time / (import + repeat index)",
            f"{t_base_import / (t_import + t_index):.3f}", "", "the index is built after the commit"]]
          if indexed else []),
        ["export: baseline_time / our_time", f"{export_ratio:.3f}", f">= {EXPORT_TARGET}",
         verdict(export_ratio >= EXPORT_TARGET)],
        ["export (reference): floor_time / our_time", f"{t_floor / t_export:.3f}", "", ""],
        ["export (reference): baseline_time / floor_time", f"{t_base_export / t_floor:.3f}", "",
         "about the best a reader of this store can reach"],
        [f"export peak RSS growth {half:,} -> {n:,} docs", f"{growth:+.1f}%", f"< {RSS_GROWTH_TARGET:.0f}%",
         verdict(growth < RSS_GROWTH_TARGET)],
    ], ["ratio", "value", "target", ""]))
    print()
    print(table([
        [f"{size:,}", f"{_mb(r['rss_before']):.1f}", f"{_mb(r['peak_startup']):.1f}",
         f"{_mb(r['peak_after']):.1f}", f"{_mb(delta[size]):+.1f}", f"{_mb(r['rss_after']):.1f}"]
        for size, r in rss.items()
    ], ["export of docs", "RSS before", "peak at start-up", "peak of export", "peak - RSS before",
        "RSS after"]))
    reset = all(r["reset"] for r in rss.values())
    print("(MB; each export in a fresh subprocess; peaks are ru_maxrss"
          + (", reset to the current RSS just before the export (/proc/self/clear_refs)" if reset
             else "; could not reset the high-water mark, so start-up may mask the export")
          + f"; the child's output {'equals' if same else 'DIFFERS FROM'} the in-process export)")

    return {
        "docs": n, "rows": rows.count,
        "import_s": t_import, "baseline_import_s": t_base_import, "import_ratio": import_ratio,
        "repeat_index_s": t_index if indexed else None,
        "text_import_s": t_text, "text_docs_per_s": n / t_text, "text_mb_per_s": _mb(txt_bytes) / t_text,
        "export_s": t_export, "baseline_export_s": t_base_export, "export_ratio": export_ratio,
        "floor_export_s": t_floor, "floor_identical": floor_same,
        "peak_rss_half": rss[half]["peak_after"], "peak_rss_full": rss[n]["peak_after"],
        "rss_before_half": rss[half]["rss_before"], "rss_before_full": rss[n]["rss_before"],
        "peak_reset": reset,
        "rss_growth_pct": growth, "export_identical": same,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the corpus (default 10,000)")
    parser.add_argument("--no-repeat-index", action="store_true",
                        help="do not time the index of repeated passages built after the import (the baseline "
                             "never writes it)")
    parser.add_argument("--no-text-import", action="store_true", help="skip the plain-text import (long at 100k)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed runs of each phase, alternating ours and baseline; the best counts (default 3)")
    common_arguments(parser)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.docs < 2:
        parser.error("--docs must be at least 2")
    with WorkDir(args.dir, args.keep, "bench_import_export_") as work:
        return run(args, work)


if __name__ == "__main__":
    main()
