"""The undo menu's read after an annotator's long history: the view's undo and redo tops against a
replay of the owner's whole log (how they were read before), in the same run.

    .venv/bin/python -m tests.bench.bench_undo_log                    # 100, 10,000 and 100,000 actions
    .venv/bin/python -m tests.bench.bench_undo_log --sizes 100,1000   # quick
    .venv/bin/python -m tests.bench.bench_undo_log --db postgresql://u:p@host/db   # an existing store

A store with a few documents gets an owner's actions appended straight into the log (plain span
actions, ending with two undos), up to each size in turn; then, ``--repeat`` times, the window's
read of the undo menu (``history.next_labels``: ``Repository.undo_tops`` and the two actions it
names) and the baseline: every one of the owner's actions read and replayed, as the view did before.
A curator's undo of one document is measured too: gold with all of its actions but 20 on another
document. Target: the same cost at 100 actions as at 100,000 (the ratio column).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench._corpus import WorkDir, build_corpus, common_arguments, median, table, write_jsonl  # noqa: E402


def _append(workspace, owner: str, document_id: str, count: int) -> None:
    """``count`` plain actions of ``owner`` on ``document_id``, straight into the log."""
    from sqlalchemy import insert

    from annotator.storage.models import ActionRow
    from annotator.storage.repository import now

    at = now()
    rows = [{"owner": owner, "user": owner, "at": at, "kind": "span", "label": "Add PER span",
             "document_id": document_id, "forward": [], "inverse": []} for _ in range(count)]
    with workspace.store.write() as repo:
        for start in range(0, len(rows), 5000):
            repo.connection.execute(insert(ActionRow.__table__), rows[start:start + 5000])


def _replay_all(workspace, owner: str, document_id: str | None) -> tuple:
    """The baseline: the owner's whole log read and replayed."""
    from sqlalchemy import text

    from annotator.domain.undo_stacks import stack_tops

    query = "SELECT id, kind, undoes, redoes FROM actions WHERE owner = :owner"
    if document_id is not None:
        query += " AND document_id = :document"
    with workspace.store.read() as repo:
        rows = repo.connection.execute(text(query + " ORDER BY id"), {"owner": owner, "document": document_id}).all()
    return stack_tops([tuple(r) for r in rows], whole=True)


def _time(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return median(times)


def run(target: str, sizes: list[int], repeat: int) -> dict[int, dict[str, float]]:
    from annotator.services import history
    from annotator.services.workspace import Workspace

    figures: dict[int, dict[str, float]] = {}
    with Workspace.open(target) as workspace:
        with workspace.store.read() as repo:
            first, second = [r[0] for r in repo.connection.exec_driver_sql(
                "SELECT id FROM documents ORDER BY ordinal LIMIT 2")]
        have = 0
        for size in sizes:
            _append(workspace, "bench-annotator", first, size - have)
            _append(workspace, "bench-gold", first, size - have)
            if have == 0:
                _append(workspace, "bench-gold", second, 20)
            have = size
            history.undo(workspace, owner="bench-annotator")  # the stacks' tops are not the last action's
            history.undo(workspace, owner="bench-annotator")
            have += 2  # the two undos are actions too
            figures[size] = {
                "menu_ms": _time(lambda: history.next_labels(workspace, owner="bench-annotator"), repeat),
                "replay_ms": _time(lambda: _replay_all(workspace, "bench-annotator", None), repeat),
                "document_menu_ms": _time(lambda: history.next_labels(workspace, owner="bench-gold",
                                                                      document_id=second), repeat),
                "document_replay_ms": _time(lambda: _replay_all(workspace, "bench-gold", second), repeat),
            }
            assert history.next_labels(workspace, owner="bench-annotator") == ("Add PER span", "Add PER span")
    return figures


def main(argv: list[str] | None = None) -> dict[int, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,10000,100000", help="the owner's actions, comma-separated, growing")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", help="an existing store (a path or a PostgreSQL URL) instead of a new SQLite file")
    common_arguments(parser)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with WorkDir(args.dir, args.keep, "bench_undo_log_") as work:
        target = args.db
        if target is None:
            from annotator.services.importing import import_files
            from annotator.services.workspace import Workspace

            source = work / "corpus.jsonl"
            write_jsonl(build_corpus(5, seed=args.seed), source)
            target = str(work / "undo.sqlite3")
            with Workspace.open(target) as workspace:
                assert import_files(workspace, [source]).committed
        figures = run(target, sizes, args.repeat)
    smallest = figures[sizes[0]]
    print(f"the undo menu's read after an owner's actions; median of {args.repeat} (ms)")
    print(table([(f"{size:,}", f"{f['menu_ms']:.2f}", f"{f['replay_ms']:.2f}",
                  f"{f['menu_ms'] / smallest['menu_ms']:.2f}", f"{f['document_menu_ms']:.2f}",
                  f"{f['document_replay_ms']:.2f}") for size, f in figures.items()],
                ("actions", "menu", "whole-log replay", f"menu / at {sizes[0]:,}", "one document's menu",
                 "its replay")))
    return figures


if __name__ == "__main__":
    main()
