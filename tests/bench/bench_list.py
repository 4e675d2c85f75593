"""The document list's page reads at 10,000 and 100,000 documents: titles and span counts cost little.

For each size (``--sizes``) a store is built as in ``bench_scale`` (the benchmark corpus, 20 entity
spans per document, annotator anna), then, ``--repeat`` times, min of the rounds, in milliseconds:

- ``ids``: the page's ids alone (``Repository.document_ids``): the baseline, measured in the same run;
- ``rows before``: the page as the list read it before this change (no title, no span count);
- ``rows``: the list's page as the model reads it without an owner (ids, then the rows, the statuses,
  the title from meta or the text's first characters);
- ``rows+spans``: the same with anna's span counts (one grouped query a page): what the window reads;
- for the first page, a jump to the middle (offset) and a step on by keyset; and the ids of a
  selection of every row (``documents.ids_in_rows``), which the window reads on its runner.

A page's cost should not grow with the corpus (100k / 10k near 1, except the offset jump, which the
store walks), and the span counts should add a small part to ``rows``.

    python -m tests.bench.bench_list                       # 10k and 100k: a few minutes (the corpus)
    python -m tests.bench.bench_list --sizes 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.domain.query import DocumentQuery  # noqa: E402
from annotator.services import documents  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402
from tests.bench._corpus import OWNER, WorkDir, build_corpus, common_arguments, table, timed  # noqa: E402
from tests.bench.bench_scale import build_store  # noqa: E402

PAGE = 200


def measure(db: Path, n: int, repeat: int) -> dict[str, float]:
    query = DocumentQuery()
    figures: dict[str, list[float]] = {}
    with Workspace.open(str(db)) as ws:
        first = documents.page(ws, query, limit=PAGE)  # warm the file cache once
        middle = (n // 2 // PAGE) * PAGE

        def ids(offset: int) -> list[str]:
            with ws.store.read() as repo:
                return repo.document_ids(query, offset, PAGE)

        def rows_before(offset: int) -> list:
            """The page as the list read it before titles and span counts: the rows' columns and the
            statuses (the same two queries, without meta, the text's start and the count)."""
            from sqlalchemy import select

            from annotator.storage.actions import SETS
            from annotator.storage.repository import DOCUMENTS

            with ws.store.read() as repo:
                chunk = repo.document_ids(query, offset, PAGE)
                found = list(repo.connection.execute(
                    select(DOCUMENTS.c.id, DOCUMENTS.c.ordinal, DOCUMENTS.c.date, DOCUMENTS.c.length,
                           DOCUMENTS.c.sha256).where(DOCUMENTS.c.id.in_(chunk))))
                found += list(repo.connection.execute(
                    select(SETS.c.document_id, SETS.c.owner, SETS.c.status)
                    .where(SETS.c.document_id.in_(chunk)).order_by(SETS.c.document_id, SETS.c.owner)))
                return found

        cases = {
            "first ids": lambda: ids(0),
            "first rows before": lambda: rows_before(0),
            "first rows": lambda: documents.page(ws, query, limit=PAGE),
            "first rows+spans": lambda: documents.page(ws, query, limit=PAGE, owner=OWNER),
            "middle ids": lambda: ids(middle),
            "middle rows+spans": lambda: documents.page(ws, query, offset=middle, limit=PAGE, owner=OWNER),
            "next rows+spans": lambda: documents.page(ws, query, after=first[-1], limit=PAGE, owner=OWNER),
            "select all ids": lambda: documents.ids_in_rows(ws, query, [(0, n - 1)]),
        }
        for _ in range(repeat):
            for name, case in cases.items():
                seconds, rows = timed(case)
                assert rows, name
                figures.setdefault(name, []).append(seconds * 1000)
        spans = documents.page(ws, query, limit=1, owner=OWNER)[0].spans
        assert spans and spans > 0, "the corpus has anna's spans"
    return {name: min(values) for name, values in figures.items()}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=5)
    common_arguments(parser)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[int, dict[str, float]] = {}
    with WorkDir(args.dir, args.keep, "bench-list-") as work:
        for n in sizes:
            db = work / f"list_{n}.sqlite3"
            build_store(db, build_corpus(n, seed=args.seed))
            results[n] = measure(db, n, args.repeat)
    names = list(next(iter(results.values())))
    header = ["ms (min)", *(f"{n:,}" for n in sizes)]
    if len(sizes) > 1:
        header.append(f"{sizes[-1]:,} / {sizes[0]:,}")
    rows = []
    for name in names:
        row = [name, *(f"{results[n][name]:.2f}" for n in sizes)]
        if len(sizes) > 1:
            row.append(f"{results[sizes[-1]][name] / results[sizes[0]][name]:.2f}")
        rows.append(row)
    print(table(rows, header))
    for n in sizes:
        r = results[n]
        print(f"{n:,}: span counts add {r['first rows+spans'] - r['first rows']:.2f} ms to a page, titles "
              f"{r['first rows'] - r['first rows before']:.2f} ms ({r['first rows+spans'] / r['first ids']:.1f}x "
              f"the ids alone, {r['first rows+spans'] / r['first rows before']:.1f}x the rows before)")
    return results


if __name__ == "__main__":
    main()
