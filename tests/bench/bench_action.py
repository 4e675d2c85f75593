"""Latency of one durably committed "add span" action, against a bare INSERT + COMMIT.

    .venv/bin/python -m tests.bench.bench_action                  # 1,000 actions on the 5 sample articles
    .venv/bin/python -m tests.bench.bench_action --actions 50     # a quick run
    .venv/bin/python -m tests.bench.bench_action --docs 10000     # the same over a store of 10,000 documents

Ours: ``annotating.add_span`` (one transaction: checks, the span row, the action
log row with its inverse; WAL, ``synchronous=FULL``), each call timed on its own.
Baseline: ``BEGIN IMMEDIATE; INSERT INTO spans ...; COMMIT`` with bare sqlite3
on a file with the same schema, rows and pragmas. Both write the same spans at
random razdel token offsets (1-3 tokens, random labels). Target: our p99 at
most 3x the baseline's p99.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: python tests/bench/bench_action.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench._corpus import (  # noqa: E402
    LABELS,
    OWNER,
    SQL_SPANS,
    STATUS,
    WorkDir,
    build_corpus,
    common_arguments,
    connect,
    median,
    percentile,
    profile,
    table,
    verdict,
    write_jsonl,
)

P99_TARGET = 3.0  # ours_p99 / baseline_p99, at most
WARM_UP = 5  # actions before the clock, on each side (not counted)


def fill(workspace, work: Path, docs: int, seed: int) -> None:
    """The 5 sample articles, plus ``docs - 5`` synthetic copies (without annotations)."""
    from annotator.services.importing import import_files, import_sample

    report = import_sample(workspace)
    assert report.committed, report.problems
    if docs > 5:
        extra = work / f"extra_{docs}.jsonl"
        if not extra.exists():
            write_jsonl(build_corpus(docs - 5, spans_per_doc=0, seed=seed), extra, annotated=False)
        report = import_files(workspace, [extra], format_id="jsonl")
        assert report.committed, report.problems[:5]


def plan(workspace, count: int, seed: int) -> list[tuple[str, int, int, str]]:
    """``count`` distinct (document, start, end, label) on token boundaries of the sample articles."""
    from annotator.domain.tokens import tokenize

    rng = random.Random(seed)
    with workspace.store.read() as repo:
        ids = repo.document_ids(limit=5)  # the sample articles, imported first
        documents = repo.documents(ids)
    tokens = {d.id: [t for t in tokenize(d.text) if any(c.isalnum() for c in t.text)] for d in documents}
    chosen: set[tuple[str, int, int, str]] = set()
    out = []
    while len(out) < count:
        doc_id = rng.choice(ids)
        words = tokens[doc_id]
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.choice((0, 0, 0, 1, 2)))
        item = (doc_id, words[first].start, words[last].end, rng.choice(LABELS))
        if item not in chosen:
            chosen.add(item)
            out.append(item)
    return out


class Ours:
    def __init__(self, workspace):
        from annotator.services.annotating import add_span

        self.workspace = workspace
        self.add_span = add_span

    def __call__(self, doc_id: str, start: int, end: int, label: str) -> float:
        t0 = time.perf_counter()
        self.add_span(self.workspace, doc_id, start, end, label, owner=OWNER)
        return time.perf_counter() - t0


class Baseline:
    """Bare sqlite3 on its own file: one span row per transaction, committed."""

    def __init__(self, path: Path, doc_ids: list[str]):
        self.connection = connect(path)
        self.set_ids = {}
        self.connection.execute("BEGIN IMMEDIATE")
        for doc_id in doc_ids:
            self.set_ids[doc_id] = self.connection.execute(
                "INSERT INTO annotation_sets (document_id, owner, status, updated_at) VALUES (?, ?, ?, ?)",
                (doc_id, OWNER, STATUS, "2025-11-15 00:00:00.000000")).lastrowid
        self.connection.execute("COMMIT")
        self.next_id = self.connection.execute("SELECT coalesce(max(id), 0) + 1 FROM spans").fetchone()[0]

    def __call__(self, doc_id: str, start: int, end: int, label: str) -> float:
        row = (self.next_id, self.set_ids[doc_id], "entity", start, end, label, None, None)
        self.next_id += 1
        t0 = time.perf_counter()
        self.connection.execute("BEGIN IMMEDIATE")
        self.connection.execute(SQL_SPANS, row)
        self.connection.execute("COMMIT")
        return time.perf_counter() - t0

    def close(self) -> None:
        self.connection.close()


def _exists(workspace, span: tuple[str, int, int, str]) -> bool:
    from annotator.storage.repository import ENTITY

    doc_id, start, end, label = span
    with workspace.store.read() as repo:
        ref = repo.set_ref(doc_id, OWNER)
        return ref is not None and repo.span_exists(ref.id, ENTITY, start, end, label) is not None


def run(args: argparse.Namespace, work: Path) -> dict:
    from annotator.services.workspace import Workspace

    ours_ws = Workspace.open(str(work / "ours.sqlite3"))
    fill(ours_ws, work, args.docs, args.seed)
    base_ws = Workspace.open(str(work / "baseline.sqlite3"))
    fill(base_ws, work, args.docs, args.seed)
    base_ws.close()

    spans = plan(ours_ws, WARM_UP + args.actions, args.seed)
    ours = Ours(ours_ws)
    base = Baseline(work / "baseline.sqlite3", sorted({s[0] for s in spans}))
    # Alternate one action of each side, so that both see the same disk and machine load.
    t_ours, t_base = [], []
    for n, span in enumerate(spans):
        a, b = ours(*span), base(*span)
        if n >= WARM_UP:
            t_ours.append(a)
            t_base.append(b)
    base.close()
    if args.profile:
        print(f"== cProfile: {args.actions} add_span actions (again, on the same store) ==")
        again = [span for span in plan(ours_ws, args.actions, args.seed + 1) if not _exists(ours_ws, span)]
        profile(lambda: [ours(*span) for span in again])
    ours_ws.close()

    ms = 1000.0
    figures = {
        "actions": args.actions, "docs": max(5, args.docs),
        "ours_median_ms": median(t_ours) * ms, "ours_p99_ms": percentile(t_ours, 99) * ms,
        "ours_max_ms": max(t_ours) * ms, "ours_mean_ms": sum(t_ours) / len(t_ours) * ms,
        "base_median_ms": median(t_base) * ms, "base_p99_ms": percentile(t_base, 99) * ms,
        "base_max_ms": max(t_base) * ms, "base_mean_ms": sum(t_base) / len(t_base) * ms,
    }
    figures["p99_ratio"] = figures["ours_p99_ms"] / figures["base_p99_ms"]
    figures["median_ratio"] = figures["ours_median_ms"] / figures["base_median_ms"]

    print(f"{args.actions:,} add-span actions, each committed (WAL, synchronous=FULL), "
          f"store of {figures['docs']:,} documents; "
          f"the two sides alternate action by action; {WARM_UP} warm-up actions per side not counted")
    print()
    print(table([
        ["ours: annotating.add_span", f"{figures['ours_median_ms']:.2f}", f"{figures['ours_p99_ms']:.2f}",
         f"{figures['ours_max_ms']:.2f}", f"{figures['ours_mean_ms']:.2f}", f"{1000 / figures['ours_mean_ms']:.0f}"],
        ["baseline: sqlite3 INSERT + COMMIT", f"{figures['base_median_ms']:.2f}", f"{figures['base_p99_ms']:.2f}",
         f"{figures['base_max_ms']:.2f}", f"{figures['base_mean_ms']:.2f}", f"{1000 / figures['base_mean_ms']:.0f}"],
    ], ["per action", "median ms", "p99 ms", "max ms", "mean ms", "actions/s"]))
    print()
    print(table([
        ["ours_p99 / baseline_p99", f"{figures['p99_ratio']:.2f}x", f"<= {P99_TARGET:.0f}x",
         verdict(figures["p99_ratio"] <= P99_TARGET)],
        ["ours_median / baseline_median", f"{figures['median_ratio']:.2f}x", "", ""],
    ], ["ratio", "value", "target", ""]))
    return figures


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=1_000, help="actions timed on each side (default 1,000)")
    parser.add_argument("--docs", type=int, default=5,
                        help="documents in the store: the 5 sample articles plus synthetic copies "
                             "(default 5); the actions go to the sample articles")
    common_arguments(parser)
    args = parser.parse_args(argv)
    if args.actions < 1:
        parser.error("--actions must be at least 1")
    with WorkDir(args.dir, args.keep, "bench_action_") as work:
        return run(args, work)


if __name__ == "__main__":
    main()
