"""Entities and the claims browser at corpus scale: who said what, over N documents.

    .venv/bin/python -m tests.bench.bench_entities                    # 10,000 documents x 20 claims
    .venv/bin/python -m tests.bench.bench_entities --docs 100000 --claims 2
    .venv/bin/python -m tests.bench.bench_entities --docs 200         # quick

The corpus is ``bench_claims``'s (4 PER mentions and N claims per document, speakers a mention
or AUTHOR, some with a USD figure), with every mention linked to one of 200 entities (in the
JSONL's ``linked_entities``). Timed: the import with links against the same import without them
(the links' cost as a ratio); the claims browser's first page (500 rows) of one speaker's claims,
and all of them, against a bare sqlite3 query of the same rows; grouping by speaker; figures
compared; an entity's page; the proposals for a mention (median of 50); and "link every mention
like this one" over the corpus, one action.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import orjson  # noqa: E402

from tests.bench import bench_claims  # noqa: E402
from tests.bench._corpus import WorkDir, common_arguments, median, table  # noqa: E402

ENTITIES = 200

BASELINE_SQL = """
SELECT s.document_id, c.id, c.start, c."end", c.label, cl.quantity_value, t.text, d.ordinal
FROM spans c JOIN claims cl ON cl.span_id = c.id JOIN annotation_sets s ON s.id = c.set_id
JOIN documents d ON d.id = s.document_id JOIN document_texts t ON t.document_id = s.document_id
JOIN spans sp ON sp.id = cl.speaker_span_id
WHERE sp.entity_id = ? ORDER BY d.ordinal, c.start, c.id
"""


def linked_lines(n_docs: int, seed: int, claims: int, link: bool):
    rng = random.Random(seed + 1)
    before, bench_claims.CLAIMS_PER_DOC = bench_claims.CLAIMS_PER_DOC, claims
    try:
        lines = list(bench_claims.claim_lines(n_docs, seed))
    finally:
        bench_claims.CLAIMS_PER_DOC = before
    for line in lines:
        if link:
            used = {}
            for entity in line["entities"]:
                k = rng.randrange(ENTITIES)
                entity["entity"] = f"E{k}"
                used[k] = {"id": f"E{k}", "name": f"Персона {k}", "type": "PER", "external_id": f"Q{1000 + k}"}
            line["linked_entities"] = list(used.values())
        yield line


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=20, help="claims per document")
    common_arguments(parser)
    args = parser.parse_args(argv)

    from annotator.services import claims_browser, entities
    from annotator.services.importing import import_files
    from annotator.services.workspace import Workspace

    figures: dict[str, float] = {}
    with WorkDir(args.dir, args.keep, "bench-entities-") as work:
        sources = {}
        for link in (False, True):
            sources[link] = work / f"claims-{'linked' if link else 'plain'}.jsonl"
            with open(sources[link], "wb") as handle:
                for line in linked_lines(args.docs, args.seed, args.claims, link):
                    handle.write(orjson.dumps(line) + b"\n")
        for link in (False, True):
            with Workspace.open(str(work / f"{link}.sqlite3")) as ws:
                t0 = time.perf_counter()
                report = import_files(ws, [sources[link]])
                figures[f"import_{'linked' if link else 'plain'}_s"] = time.perf_counter() - t0
                assert report.committed, report.problems[:3]
        figures["claims"] = report.claims
        db = work / "True.sqlite3"
        with Workspace.open(str(db)) as ws:
            table_ = entities.entity_list(ws, "anna")
            busiest = max(table_, key=lambda s: s.mentions).entity
            chosen = claims_browser.BrowseFilter(speakers=(busiest.id,))
            t0 = time.perf_counter()
            first = claims_browser.page(ws, chosen, limit=500)
            figures["first_page_s"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            rows = list(claims_browser.iter_browse(ws, chosen))
            figures["all_rows_s"] = time.perf_counter() - t0
            figures["rows"] = len(rows)
            assert len(first.rows) == min(500, len(rows))

            t0 = time.perf_counter()
            connection = sqlite3.connect(db)
            base = [(doc, cid, text[start:end], qv) for doc, cid, start, end, label, qv, text, ordinal
                    in connection.execute(BASELINE_SQL, (busiest.id,))]
            connection.close()
            figures["baseline_all_rows_s"] = time.perf_counter() - t0
            assert [r[1] for r in base] == [r.claim.id for r in rows]

            t0 = time.perf_counter()
            groups = claims_browser.grouped(ws, claims_browser.BrowseFilter(types=("STAT",)))
            figures["group_by_speaker_stat_s"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            comparisons = claims_browser.compare_figures(ws, claims_browser.BrowseFilter(unit="USD"))
            figures["compare_figures_s"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            mentions = entities.entity_mentions(ws, busiest.id)
            figures["entity_page_s"] = time.perf_counter() - t0

            spans = [m.span_id for m in mentions[:50]]
            timings = []
            for span_id in spans:
                t0 = time.perf_counter()
                entities.propose_for_span(ws, span_id, owner="anna")
                timings.append(time.perf_counter() - t0)
            figures["proposal_median_ms"] = median(timings) * 1000

            unlinked = entities.entity_mentions(ws, busiest.id)[0]
            entities.unlink_mention(ws, unlinked.span_id, owner="anna")
            t0 = time.perf_counter()
            changes = entities.link_like(ws, unlinked.span_id, owner="anna", corpus=True, entity_id=busiest.id,
                                         relink=True)
            figures["link_like_corpus_s"] = time.perf_counter() - t0
            figures["link_like_linked"] = changes.result

    docs = args.docs
    print(f"{docs:,} documents, {figures['claims']:,} claims, {docs * 4:,} mentions linked to {ENTITIES} entities; "
          f"the busiest speaker: {figures['rows']:,} claims, {len(mentions):,} mentions\n")
    print(table([
        ("import without links (baseline)", f"{figures['import_plain_s']:.2f}"),
        ("import with links", f"{figures['import_linked_s']:.2f}"),
        ("browser: first page (500) of one speaker's claims", f"{figures['first_page_s']:.3f}"),
        ("browser: all of one speaker's claims", f"{figures['all_rows_s']:.3f}"),
        ("baseline: bare sqlite3 query of the same rows", f"{figures['baseline_all_rows_s']:.3f}"),
        (f"grouped by speaker, STAT claims ({len(groups)} groups)", f"{figures['group_by_speaker_stat_s']:.2f}"),
        (f"figures compared, USD ({len(comparisons)} quantities)", f"{figures['compare_figures_s']:.2f}"),
        ("an entity's page (its mentions)", f"{figures['entity_page_s']:.3f}"),
        ("proposals for a mention, median", f"{figures['proposal_median_ms'] / 1000:.3f}"),
        (f"link every mention like this one, corpus ({changes.result:,} linked)",
         f"{figures['link_like_corpus_s']:.2f}"),
    ], ("run", "seconds")))
    figures["import_ratio"] = figures["import_linked_s"] / figures["import_plain_s"]
    figures["browse_ratio"] = figures["all_rows_s"] / figures["baseline_all_rows_s"]
    print(f"\nratio import with links / without: {figures['import_ratio']:.2f}")
    print(f"ratio browser / bare query (all of one speaker's claims): {figures['browse_ratio']:.2f}")
    return figures


if __name__ == "__main__":
    main()
